"""Settings for the whole suite."""

import compileall
import fnmatch
import gc
import itertools
import os
import sys
import threading
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def _keep_bytecode() -> None:
    """Python's compiled bytecode is written and reused (in __pycache__, which git ignores) even
    where PYTHONDONTWRITEBYTECODE is set, as on the CI machine: there every process of a run (each
    worker, each child a test starts) compiled the game and rewrote the tests afresh, about 3.4 s
    of CPU a worker and 0.2 s a child. Done before the game or a test module is imported."""
    sys.dont_write_bytecode = False
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # the children a test starts inherit it


_keep_bytecode()

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

from game.paths import DATA_DIR_ENV  # noqa: E402

# Property tests explore the same examples on every run and every machine: CI must never turn
# red (or green) by luck. Widen the search locally with --hypothesis-seed or a new profile.
settings.register_profile("peacetalks", derandomize=True, deadline=None, database=None)
settings.load_profile("peacetalks")


@pytest.fixture(scope="session")
def _data_dirs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The folders of `_data_dir`, numbered in one parent made once a process."""
    parent = tmp_path_factory.mktemp("data")
    return (parent / str(n) for n in itertools.count())


@pytest.fixture(autouse=True)
def _data_dir(_data_dirs: Iterator[Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own user data folder (autosaves, records), never the real home's;
    commands run in a subprocess inherit it through the environment. A new folder under one
    parent, not `tmp_path_factory.mktemp` each time: that lists the whole temporary folder to
    number the next one, every test of a run (about a millisecond a test by the end)."""
    folder = next(_data_dirs)
    folder.mkdir()  # a new name: an existing folder (another test's) raises instead of being shared
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    return folder


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the values pinned in tests/golden from the code as it is (a deliberate act: see tests/golden)",
    )


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist's: unknown where it is not loaded (-p no:xdist)
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
    return _cores() + 1


def _share_parsed_css() -> None:
    """Textual parses the app's CSS and every widget's DEFAULT_CSS again for each app, and the
    suite builds an app per interface test: about a tenth of those tests' CPU. Each worker keeps
    the rules parsed from one text (at one place, with the same theme variables) for every later
    app, as Textual itself keeps them within one app (Stylesheet._parse_cache) and uses the same
    rule sets again. The text is still parsed once in each worker, and an error in it is still
    raised by every app that reads it (Stylesheet.parse checks the rules' errors each time)."""
    from textual.css.stylesheet import Stylesheet

    parse_rules = Stylesheet._parse_rules
    shared: dict[tuple[object, ...], Any] = {}

    def _parse_rules(
        self: Stylesheet,
        css: str,
        read_from: Any,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> Any:
        key = (css, read_from, is_default_rules, tie_breaker, scope, tuple(self._variables.items()))
        rules = shared.get(key)
        if rules is None:
            rules = shared[key] = parse_rules(self, css, read_from, is_default_rules, tie_breaker, scope)
        return rules

    Stylesheet._parse_rules = _parse_rules  # type: ignore[method-assign]


HYPOTHESIS_TABLES = pytest.StashKey[threading.Thread]()


def _runs_workers(config: pytest.Config) -> bool:
    """This process starts xdist workers (and is not one)."""
    return not hasattr(config, "workerinput") and bool(config.getoption("numprocesses", 0))


def _compile_once(config: pytest.Config) -> None:
    """A clean clone (as CI runs) has no compiled bytecode: each worker compiled the game and
    rewrote the asserts of every test module at the same moment (about 3 s of CPU a worker, all
    of it the same work). The process that starts the workers does it once, before they start,
    and writes it where they look (__pycache__, as importing would): each worker then reads it.
    pytest's own rewriting functions write the test modules' files, as its import hook does; if
    a pytest release moves them, this does nothing and the workers compile as before.

    The files are shared out over one forked process a core (rewriting the tests' asserts is most
    of it, about 2.5 s of CPU): done by one process, the other cores sat idle while the workers
    waited for it. Each file is still written by exactly one process, atomically, as pytest writes
    it; without fork (Windows) this process does them all."""
    root = Path(__file__).resolve().parents[1]
    try:
        from _pytest.assertion import rewrite

        state = config.stash[rewrite.assertstate_key]
    except (AttributeError, ImportError, KeyError):
        compileall.compile_dir(root / "game", quiet=2)
        return

    def compile_one(path: Path) -> None:
        if path.is_relative_to(root / "game") or not (
            path.name == "conftest.py" or fnmatch.fnmatch(path.name, "test_*.py")
        ):
            compileall.compile_file(path, quiet=2)  # the game, or a helper module of the tests, imported plainly
            return
        cache_dir = rewrite.get_cache_dir(path)
        pyc = cache_dir / (path.name[:-3] + rewrite.PYC_TAIL)
        if rewrite.try_makedirs(cache_dir) and rewrite._read_pyc(path, pyc, state.trace) is None:
            source_stat, code = rewrite._rewrite_test(path, config)
            rewrite._write_pyc(state, code, source_stat, pyc)

    files = sorted([*(root / "game").rglob("*.py"), *(root / "tests").rglob("*.py")], key=lambda p: -p.stat().st_size)
    shares = _cores() if hasattr(os, "fork") else 1
    children = []
    for k in range(1, shares):
        pid = os.fork()
        if pid == 0:  # a child: its share, then out at once (no pytest teardown, no atexit)
            status = 1
            try:
                for path in files[k::shares]:
                    compile_one(path)
                status = 0
            finally:
                os._exit(status)
        children.append(pid)
    try:
        for path in files[0::shares]:
            compile_one(path)
    except (AttributeError, OSError):
        pass  # as before: a worker compiles what is missing
    for pid in children:
        os.waitpid(pid, 0)  # a child that failed leaves its files to the workers, as above


def _cores() -> int:
    """The cores this process may use (a container's share, not the host's)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


@pytest.hookimpl(trylast=True)  # after Hypothesis's plugin has ended its initialisation, and xdist started the workers
def pytest_sessionstart(session: pytest.Session) -> None:
    """Hypothesis reads the constants of every module of the game and the tests (each source
    parsed, once a worker has collected) and, at its first text strategy, works out which
    characters UTF-8 can encode (every code point tried: about 1.3 s of CPU); it keeps both in
    .hypothesis/, which a clean clone does not have, so each worker worked them out again. Here
    the process that runs the workers does it once, in a thread, while the workers start and
    run the long tests (which come first and draw nothing). A worker that gets there first works
    them out itself, as before; they are the same either way."""
    config = session.config
    if not _runs_workers(config):
        return

    def fill() -> None:
        from hypothesis.internal import charmap
        from hypothesis.internal.constants_ast import constants_from_module

        root = Path(__file__).resolve().parents[1]
        for path in sorted([*(root / "game").rglob("*.py"), *(root / "tests").rglob("*.py")]):
            module = types.ModuleType(path.stem)
            module.__file__ = str(path)  # all that constants_from_module reads of a module
            constants_from_module(module)
        charmap.charmap()
        charmap.intervals_from_codec("utf-8")

    thread = threading.Thread(target=fill, name="hypothesis-tables", daemon=True)
    thread.start()
    config.stash[HYPOTHESIS_TABLES] = thread
    _clear_old_runs_now(config)


def _clear_old_runs_now(config: pytest.Config) -> None:
    """pytest keeps the temporary folders of the last three runs and deletes the older ones when
    the process exits (an atexit of `make_numbered_dir_with_cleanup`): a whole run's folders,
    about 3,900 files and folders the workers' tests made, deleted one by one after the
    summary line while nothing else runs (2 to 38 s on this machine's disk, the process waiting
    on it). The same cleanup, with the same arguments, is started here in a thread, while the
    workers run the tests; at exit pytest's own finds nothing left (it and this one may meet:
    pytest renames a folder before deleting it, and each skips what the other took)."""
    try:
        from _pytest.pathlib import LOCK_TIMEOUT, cleanup_numbered_dir

        factory = config._tmp_path_factory  # type: ignore[attr-defined]
        if factory._given_basetemp is not None or factory._retention_policy == "none":
            return  # no numbered folders to clear (or pytest deletes this run's too, at exit)
        basetemp = factory.getbasetemp()  # made now if xdist has not made it yet
        keep = factory._retention_count
    except (AttributeError, ImportError, OSError):
        return  # a pytest that does this otherwise: it is left to pytest at exit, as before
    if keep < 1:
        return
    thread = threading.Thread(
        target=cleanup_numbered_dir,
        args=(basetemp.parent, "pytest-", keep, basetemp.stat().st_mtime - LOCK_TIMEOUT),
        name="old-runs-cleanup",
        daemon=True,
    )
    thread.start()
    config.stash[OLD_RUNS_CLEANUP] = thread


OLD_RUNS_CLEANUP = pytest.StashKey[threading.Thread]()


def pytest_unconfigure(config: pytest.Config) -> None:
    for key in (HYPOTHESIS_TABLES, OLD_RUNS_CLEANUP):
        thread = config.stash.get(key, None)
        if thread is not None:
            thread.join()  # not cut off halfway at the end of a short run (the file is written atomically anyway)


# Full collections: after this many collections of the middle generation (Python's default: 10).
FULL_AFTER = 1_000


def _fewer_full_collections() -> None:
    """Each process of the suite (a worker, or the one process of -n 0) collects its whole heap
    less often: a full collection walks every object the run keeps (the loaded scenarios, the
    cached games and sessions of the test modules, Hypothesis's tables, Textual's caches) to
    free the few cycles that reached the oldest generation, 78 times in a whole run, about 5 s
    of CPU (gc.callbacks, 5 December 2026). With this, 5 times and about 1 s; the younger
    generations are collected as before, and nothing a test asserts depends on when a cycle is
    freed (a test that needs it collects, as tests/scenario/test_yamlread.py does). The peak
    memory of a process went from 236 to 262 MB. The interface's tests still run with the
    interface's own thresholds (tests/ui/conftest.py), which this leaves as they were."""
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_AFTER)


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(_LongestFirst(), "peacetalks-longest-first")
    _fewer_full_collections()
    _share_parsed_css()
    if _runs_workers(config):
        _compile_once(config)
    if config.getoption("--update-golden") and config.getoption("numprocesses", 0):
        raise pytest.UsageError("--update-golden rewrites one file from many tests: run it in one process (-n 0)")


def pytest_collection_finish(session: pytest.Session) -> None:
    """What importing and collecting left alive (the modules, the test items, the scenarios the
    test files load at import) stays alive to the end: it is moved out of the collector's reach
    (gc.freeze), so that each full collection during the run, and the five pytest makes at its
    end, does not walk it all again. Only the run's own objects are collected, as before."""
    gc.collect()
    gc.freeze()


def pytest_runtest_teardown(item: pytest.Item) -> None:
    """Nothing of a finished test's interface outlives it. Textual caches StylesCache.get_inner_outer
    per widget (an lru_cache on a method: each key holds its widget's render cache, with every line
    it drew), so up to 1,024 widgets of apps long closed stayed alive, a heap that every later full
    collection walked again. The cache only saves recomputing two styles; emptied after each test."""
    styles_cache = sys.modules.get("textual._styles_cache")
    inner_outer = getattr(getattr(styles_cache, "StylesCache", None), "get_inner_outer", None)
    if inner_outer is not None and hasattr(inner_outer, "cache_clear"):
        inner_outer.cache_clear()


# Every test collected, before -k, --lf or --deselect narrow the run: the test functions and
# parameters each test file defines (tests/ui/test_snapshot_files.py reads it).
COLLECTED = pytest.StashKey[dict[Path, set[str]]]()


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    collected: dict[Path, set[str]] = {}
    for item in items:
        collected.setdefault(item.path, set()).add(item.name)
    config.stash[COLLECTED] = collected


class _LongestFirst:
    """Spread over workers, the longest tests go first: the workers then finish together, not
    one left running a long game at the end while the others wait. (Each worker orders the same
    way, as pytest-xdist requires.) A plugin of its own so that its hook runs last, after -k, --lf
    or --deselect have narrowed the run (the one above runs first, to see every test): the runs
    are cut to the sizes of what is left, as pytest-xdist cuts its first batches."""

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, config: pytest.Config, items: list[pytest.Item]) -> None:
        workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "0"))
        if os.environ.get("PYTEST_XDIST_WORKER") and workers > 1:
            items[:] = _longest_first(items, workers)


# The longest tests (seconds of CPU each, `--durations`), longest first; then the rest of the
# interface's tests (about a second each, an app driven through its screens); then the many quick ones.
LONGEST = (
    # 15 to 17 s of CPU (6 December, session 40): the book's entries checked against the
    # rehearsal itself at most signatory seats of each bundled scenario (game.ai.book), the whole
    # file in one run, and the rehearsal's tests of bundled seats after it (WITH_BOOK_CHECK)
    "tests/ai/test_book.py",
    # 7 to 9 s of CPU each (5 December): a hundred-odd games of astana-to-sochi replayed to find the
    # decisions a rule changes; left among the quick tests, one came last and kept a worker busy
    "tests/ai/test_floor_without_veto.py::test_the_opposition_signs_astanas_last_offers",
    "tests/ai/test_sochi_platforms.py::test_the_hard_platforms_sign_before_the_deadline",
    "tests/cli/test_test_scenario_cli.py::test_every_bundled_scenario_passes_its_own_tests",
    "tests/ui/test_full_game.py::test_a_whole_game",
    "tests/ui/test_campaign_and_record.py::test_a_campaign",
    "tests/ai/test_behaviour.py::test_hard_beats_easy_beats_random",
    "tests/test_docs.py::test_an_output_shown_in_the_guide_is_what_the_command_prints",
    "tests/scenario/test_history_content.py::test_no_event_narrates",
    "tests/ui/test_resize.py::test_a_game_resized",
    "tests/ui/test_hostile_names.py",
    # 2.4 to 3.6 s of CPU each (3 December): left among the quick tests, one of them at the end
    # of a worker's run kept the others waiting
    "tests/engine/test_properties.py::test_random_play_is_deterministic",
    "tests/test_fuzz.py::test_the_loader_takes_any_value_anywhere",
    "tests/engine/test_legal.py::test_a_random_agent_over_legal_moves",
    "tests/scenario/test_history_content.py::test_good_play_reaches_history",
    "tests/scenario/test_hostile_files.py::test_replacing_any_one_value_of_mini",
    # a module-scoped tournament (about 2 s of CPU) and a test of 0.5 s: dealt among the quick
    # tests, the file often came last in a worker's run, the other workers idle while it played
    # (3 December, three runs of four). A whole file here is dealt to one run, its fixture built once.
    "tests/sim/test_random_figures.py",
)


# Tests that rehearse seats of bundled scenarios, dealt to the run the book's check opens (with its
# astana-8 and sochi-congress): a process keeps what its rehearsals chose, so these find those
# seats' choices made instead of rehearsing them again. (A test that only plays a hard seat at a
# bundled table rehearses nothing: the seat plays the book's style, game.ai.book.)
WITH_BOOK_CHECK = ("tests/ai/test_rehearsal.py",)


def _tier(item: pytest.Item) -> int:
    for tier, prefix in enumerate(LONGEST):
        if item.nodeid.startswith(prefix):
            return tier
    return len(LONGEST) + (not item.nodeid.startswith("tests/ui/"))


def _longest_first(items: list[pytest.Item], workers: int) -> list[pytest.Item]:
    """The tests longest first, dealt out into as many runs as workers, one run after the other:
    the scheduler (--dist worksteal) gives each worker a run to start from (the first of N tests
    N // workers of them, and so on: the runs are cut to those sizes), so each starts on its
    share of the long tests, and an idle worker then takes the quick tests from the end of
    another's run. The long tests are dealt one by one; the others a file at a time, to the run
    with the most room left: a file's tests then share its module-scoped fixtures (a tournament
    played once, a schema parsed once) in one worker, where each worker used to build them again
    for the tests of the file it was dealt (tests/sim/test_random_figures.py's tournament, 2.4 s
    of CPU, was played twice or three times)."""
    ordered = sorted(items, key=_tier)  # stable: a file's tests stay in their order
    with_check = [item for item in ordered if item.nodeid.startswith(WITH_BOOK_CHECK)]
    ordered = [item for item in ordered if not item.nodeid.startswith(WITH_BOOK_CHECK)]
    sizes = []
    left = len(ordered) + len(with_check)
    for k in range(workers):
        sizes.append(left // (workers - k))
        left -= sizes[-1]
    runs: list[list[pytest.Item]] = [[] for _ in range(workers)]
    long = [item for item in ordered if _tier(item) < len(LONGEST)]
    # one by one, but a whole file named in LONGEST goes to one run (its module's fixtures)
    units = itertools.groupby(long, key=lambda item: (_tier(item), item.nodeid if "::" in LONGEST[_tier(item)] else ""))
    for n, (_, unit) in enumerate(units):
        runs[n % workers].extend(unit)
        if n == 0:  # the book's check opens the first run (LONGEST)
            runs[0].extend(with_check)
    if not runs[0]:  # no long test in this run (-k): they start it
        runs[0].extend(with_check)
    rest = ordered[len(long) :]
    for _, grouped in itertools.groupby(rest, key=lambda item: (_tier(item), item.path)):
        group = list(grouped)
        while group:  # a file larger than the room left in any run is cut where the room ends
            k = max(range(workers), key=lambda k: sizes[k] - len(runs[k]))
            room = max(1, sizes[k] - len(runs[k]))
            runs[k].extend(group[:room])
            group = group[room:]
    return [item for run in runs for item in run]
