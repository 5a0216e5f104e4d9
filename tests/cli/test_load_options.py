"""`play --load` and `watch --load` with options a saved game cannot honour: a tester asked for
`play sochi-congress --load SAVE --seed 5 --as opposition --difficulty hard` and was sat at the
saved astana-8 game as the government, every option dropped without a word. Each is refused in
one line, exit 1, the save untouched (as `--seat` and `--save` already were)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.saves import Session, save
from game.scenario import bundled, load_scenario
from tests.cli_runner import one_line


@pytest.fixture
def running(tmp_path: Path) -> Path:
    scenario = load_scenario(bundled()["astana-8"])
    seats = {d.id: "ai:normal" for d in scenario.delegations}
    source = bundled()["astana-8"].read_bytes()
    return save(Session.new(scenario, source, 5, seats, "astana-8"), tmp_path / "saves", "running")


@pytest.mark.parametrize(
    ("command", "extra", "named"),
    [
        ("play", ["sochi-congress"], "SCENARIO"),
        ("play", ["--seed", "5"], "--seed"),
        ("play", ["--as", "opposition"], "--as"),
        ("play", ["--difficulty", "hard"], "--difficulty"),
        ("play", ["sochi-congress", "--seed", "5", "--as", "opposition"], "SCENARIO, --seed, --as"),
        ("watch", ["--seed", "0"], "--seed"),
        ("watch", ["--difficulty", "easy"], "--difficulty"),
        ("watch", ["astana-8"], "SCENARIO"),
    ],
)
def test_options_a_save_cannot_honour_are_refused_in_one_line(
    running: Path, capsys: pytest.CaptureFixture[str], command: str, extra: list[str], named: str
) -> None:
    before = running.read_bytes()
    assert main([command, *extra, "--load", str(running)]) == 1
    one_line(
        capsys.readouterr().err,
        f"--load {running}: a saved game keeps its own scenario, seed, seats and level; leave out {named}",
    )
    assert running.read_bytes() == before


def test_watch_load_alone_still_plays_the_save_out(running: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["watch", "--load", str(running)]) == 0
    assert "Outcome:" in capsys.readouterr().out
