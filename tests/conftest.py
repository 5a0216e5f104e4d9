"""Settings for the whole suite."""

import os
from pathlib import Path

import pytest
from hypothesis import settings

from game.paths import DATA_DIR_ENV

# Property tests explore the same examples on every run and every machine: CI must never turn
# red (or green) by luck. Widen the search locally with --hypothesis-seed or a new profile.
settings.register_profile("peacetalks", derandomize=True, deadline=None, database=None)
settings.load_profile("peacetalks")


@pytest.fixture(autouse=True)
def _data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own user data folder (autosaves, records), never the real home's;
    commands run in a subprocess inherit it through the environment."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    return folder


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the values pinned in tests/golden from the code as it is (a deliberate act: see tests/golden)",
    )


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """`-n auto` (set in pyproject.toml) runs the suite or a folder on every core, and one more. One file, or
    tests in one file, run in this process: starting workers would cost more than they save.
    Rewriting the golden values runs in one process too: the tests write the same file."""
    if config.getoption("--update-golden"):
        return 0
    files = {arg.split("::")[0] for arg in config.args}
    if len(files) == 1 and Path(next(iter(files))).is_file():
        return 0
    # One worker more than the cores: a test that drives the interface spends part of its time
    # waiting on the app's timers, and a third worker fills those waits (on 2 cores, idle: 100 s
    # against 123 s with two; a fourth gained nothing).
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return cores + 1  # the cores this process may use (a container's share, not the host's)


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--update-golden") and config.getoption("numprocesses", 0):
        raise pytest.UsageError("--update-golden rewrites one file from many tests: run it in one process (-n 0)")


# Every test collected, before -k, --lf or --deselect narrow the run: the test functions and
# parameters each test file defines (tests/ui/test_snapshot_files.py reads it).
COLLECTED = pytest.StashKey[dict[Path, set[str]]]()


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    collected: dict[Path, set[str]] = {}
    for item in items:
        collected.setdefault(item.path, set()).add(item.name)
    config.stash[COLLECTED] = collected
    # Spread over workers, the tests that drive the whole app (seconds each) go first and the
    # many quick ones after: the workers then finish together, not one waiting on a long game
    # at the end. (Each worker sorts the same way, as pytest-xdist requires.)
    if os.environ.get("PYTEST_XDIST_WORKER"):
        items.sort(key=lambda item: not item.nodeid.startswith("tests/ui/"))
