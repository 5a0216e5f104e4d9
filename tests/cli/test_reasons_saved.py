"""`watch --save` and `simulate --save-dir` keep what the AI seats said of their moves, and
`replay --text` gives it back: each reason printed by `watch` is the one the save holds."""

from __future__ import annotations

import re
from pathlib import Path

from game.saves import load
from tests.cli_runner import run_main


def test_watch_prints_and_saves_the_same_reasons(tmp_path: Path) -> None:
    result = run_main("--saves", tmp_path, "watch", "astana-8", "--seed", "4", "--save", "w", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    saved = load(tmp_path / "w.yaml")
    assert saved.reasons
    printed = result.stdout
    for index, reason in saved.said.items():
        # statements too (watch once gave reasons for answers and walk-outs only)
        assert f"{saved.records[index].text}  ({reason})" in printed
    assert printed.count("  (") == len(saved.said)
    assert any(saved.records[k].kind == "statement" for k in saved.said)
    text = run_main("replay", tmp_path / "w.yaml", "--text").stdout
    assert len(re.findall(r"^- .+ \(.+\)$", text, re.MULTILINE)) == len(saved.said)


def test_simulate_saves_the_reasons_of_every_game(tmp_path: Path) -> None:
    result = run_main("simulate", "astana-8", "--games", "2", "--seed", "5", "--save-dir", tmp_path / "runs")
    assert result.returncode == 0, result.stderr
    games = [load(path) for path in sorted((tmp_path / "runs").glob("*.yaml"))]
    assert len(games) == 2 and all(game.reasons for game in games)


def test_watch_load_prints_the_saved_moves_with_their_reasons(tmp_path: Path) -> None:
    from game.saves import save
    from tests.saves.helpers import new_session, play_on

    partial = play_on(new_session("astana-8", 11), 40)
    assert partial.reasons and not partial.state.over
    path = save(partial, tmp_path, "partial")
    result = run_main("watch", "--load", path, "--spoiler")
    assert result.returncode == 0, result.stderr
    for index, reason in partial.said.items():
        assert f"{partial.records[index].text}  ({reason})" in result.stdout
