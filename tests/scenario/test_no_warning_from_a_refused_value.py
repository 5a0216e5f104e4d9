"""No warning is derived from a value that failed to load.

Found by a scenario author: a venue's `rounds: "6"`, refused, left the venue out of "the longest
venue", and a test's by_round was warned of as past its last round; a test's `games: 60000`,
refused, read as no games at all, and its agreement_rate was warned of as needing `games:`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scenario.test_diagnostics import load, mini_with

TEST = "tests:\n  - name: t\n{games}    expect:\n      - {check}\nhistory:"


def _diagnostics(tmp_path: Path, *edits: tuple[str, str]) -> list[tuple[str, str]]:
    _, diagnostics, _ = load(tmp_path, mini_with(*edits))
    return [(d.severity, d.message) for d in diagnostics]


def _venues(rounds: str) -> tuple[str, str]:
    """mini.yaml's hall (4 rounds) and a second venue of `rounds`."""
    second = (
        "\n  - id: annex\n    name: The Annex\n    agenda: [prisoners, truce]\n    signatories: [red, blue]\n"
        f"    action_points: 2\n    rounds: {rounds}\n    momentum: 50\nevents:"
    )
    return ("\nevents:", second)


BY_ROUND = ("history:", TEST.format(games="", check="agreed: {issue: truce, by_round: 6}"))


@pytest.mark.parametrize("rounds", ['"8"', "8.5", "66"])
def test_by_round_is_not_warned_of_beside_a_venue_whose_rounds_failed(tmp_path: Path, rounds: str) -> None:
    found = _diagnostics(tmp_path, _venues(rounds), BY_ROUND)
    assert [m for s, m in found if s == "error"] and not [m for s, m in found if s == "warning"], found
    # with the rounds loaded, the longest venue is measured with it: 6 is within its 8 rounds
    assert _diagnostics(tmp_path, _venues("8"), BY_ROUND) == []
    # and past the longest venue, the warning stands
    assert _diagnostics(tmp_path, _venues("5"), BY_ROUND) == [
        ("warning", "by_round 6 is past the last round of the longest venue (5): it limits nothing")
    ]


def test_by_round_is_not_warned_of_at_a_venue_whose_rounds_failed(tmp_path: Path) -> None:
    at_hall = ("history:", TEST.format(games="    venue: hall\n", check="agreed: {issue: truce, by_round: 6}"))
    found = _diagnostics(tmp_path, ("rounds: 4", 'rounds: "4"'), at_hall)
    assert found == [("error", "expected a whole number, found the text '4'")]
    assert _diagnostics(tmp_path, at_hall) == [
        ("warning", "by_round 6 is past the last round of venue 'hall' (4): it limits nothing")
    ]


@pytest.mark.parametrize("games", ["60000", "0", '"60"'])
def test_a_test_whose_games_failed_is_not_told_to_give_games(tmp_path: Path, games: str) -> None:
    rate = ("history:", TEST.format(games=f"    games: {games}\n", check="agreement_rate: {at_least: 0.5}"))
    found = _diagnostics(tmp_path, rate)
    assert len(found) == 1 and found[0][0] == "error", found
    no_games = ("history:", TEST.format(games="", check="agreement_rate: {at_least: 0.5}"))
    assert _diagnostics(tmp_path, no_games) == [
        ("warning", "agreement_rate is measured over many games: give the test `games:`")
    ]


def test_a_share_is_not_warned_of_where_games_failed(tmp_path: Path) -> None:
    share = (
        "history:",
        TEST.format(games="    games: 60000\n", check="present: {delegation: red, share: {above: 0.5}}"),
    )
    found = _diagnostics(tmp_path, share)
    assert found == [("error", "60000 is out of range: expected 1..1000")]
