"""The table `watch` ends with: each side's utility, the toll the rounds took where one was
taken, and its walk-away value, as the game gives them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.cli import main
from game.engine.utility import delay_toll, outcome_utility
from game.safetext import columns
from tests.saves.helpers import finished

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini.yaml"


@pytest.mark.parametrize(("name", "seed"), [("astana-8", 4), ("harbour-contract", 3)])
def test_the_outcome_table_is_the_games_with_the_toll_where_one_was_paid(
    name: str, seed: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["watch", name, "--seed", str(seed)]) == 0
    out = capsys.readouterr().out
    state = finished(name, seed).state  # the same game, every seat at normal
    paid = any(state.toll)
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("delegation"))
    header, rows = lines[at], lines[at + 1 : at + 1 + len(state.scenario.delegations)]
    assert header.split() == ["delegation", "utility", *(["toll"] if paid else []), "walk-away"]
    # (a side that signed a deal above its walk-away value read "0.52 against 0.57" as one below)
    assert ("less the toll the rounds without a deal took" in out) == paid
    for k, (d, row) in enumerate(zip(state.scenario.delegations, rows, strict=True)):
        assert row.startswith(d.name + " ")
        figures = [float(x) for x in re.findall(r"-?\d+\.\d\d", row[len(d.name) :])]
        want = [outcome_utility(state, k), *([delay_toll(state, k)] if paid else []), d.reservation]
        assert figures == [round(x, 2) for x in want]


def test_astana_takes_a_toll_and_the_harbour_none() -> None:
    """The two cases above are both met: a game with a toll, and one without."""
    assert any(finished("astana-8", 4).state.toll)
    assert not any(finished("harbour-contract", 3).state.toll)


def test_the_figures_stand_in_line_under_names_of_wide_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A name in Chinese takes two columns a character: padded by its characters, its row's
    figures stood out of line by as many columns as the name has characters (an author's)."""
    text = MINI.read_text(encoding="utf-8").replace("name: Blue", "name: 独立议长团 (the chairmen)", 1)
    path = tmp_path / "wide.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["watch", str(path), "--seed", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("delegation"))
    rows = lines[at : lines.index("", at)]
    assert any("独立议长团" in row for row in rows)
    ends = {columns(row) for row in rows}
    assert len(ends) == 1, rows  # every row as wide on the screen as the header
