"""The tournament says where a row scored what hard scored in every game: an author read edge's
"+0.000 ± 0.000" against hard as a fault, not knowing that the hard agent plays the style its
rehearsal chose for the seat. `--json` says it too, in the row it is about."""

from __future__ import annotations

import json

from game.sim import tournament as T
from tests.cli_runner import run_main


def _row(kind: str, surplus: tuple[float, ...]) -> T.Row:
    n = len(surplus)
    return T.Row(kind, n, sum(surplus) / n, 0.1, 1.0, 0.5, 0.0, 0.0, 1.0, surplus)


def test_a_style_of_the_hard_agent_and_a_strategy_that_scored_as_hard_did_are_named() -> None:
    hard = _row("hard", (0.2, 0.3, 0.1))
    lines = list(
        T.same_as_hard(
            [hard, _row("edge", (0.2, 0.3, 0.1)), _row("stonewall", (0.2, 0.3, 0.1)), _row("random", (0.2, 0.3, 0.0))]
        ).values()
    )
    assert lines[0].startswith("edge: the same result as hard in every game; here the hard agent plays edge's way")
    assert lines[1] == "stonewall: the same result as hard in every game."
    assert len(lines) == 2  # random differs in one game: nothing said
    assert T.same_as_hard([_row("hard", (0.2,)), _row("edge", (0.2,))]) == {}  # one game shows nothing


def _booked_strategy() -> tuple[str, str, str]:
    """A seat of a bundled table whose booked hard style is a strategy of the library (at this
    writing astana-8's government plays edge): the scenario, the seat and the style."""
    from game.ai.book import booked
    from game.ai.strategies import STRATEGIES
    from game.scenario import bundled, load_scenario

    return next(
        (name, sc.delegations[seat].id, style)
        for name, path in bundled().items()
        for sc in [load_scenario(path)]
        for seat in sc.venues[0].signatories
        if (style := booked(sc, seat, "hard")) in STRATEGIES
    )


def test_the_command_says_so_where_the_book_has_hard_play_a_strategy_of_the_library() -> None:
    """That row and hard's are the same games."""
    name, seat, style = _booked_strategy()
    result = run_main("tournament", name, "--seat", seat, "--games", "2")
    assert result.returncode == 0, result.stderr
    assert f"{style}: the same result as hard in every game; here the hard agent plays {style}'s way" in result.stdout


def test_json_gives_each_row_the_note_the_text_prints_and_null_elsewhere() -> None:
    name, seat, style = _booked_strategy()
    argv = ("tournament", name, "--seat", seat, "--games", "3")
    text, printed = run_main(*argv), run_main(*argv, "--json")
    assert text.returncode == printed.returncode == 0, text.stderr + printed.stderr
    rows = json.loads(printed.stdout)["rows"]
    notes = {row["kind"]: row["same_as_hard"] for row in rows if row["same_as_hard"] is not None}
    assert notes[style].startswith(f"{style}: the same result as hard in every game; here the hard agent plays")
    assert all(note in text.stdout.splitlines() for note in notes.values())
    # and only where the games say so: a row with a note scored what hard scored in every game
    surplus = {row["kind"]: [game["surplus"] for game in row["per_game"]] for row in rows}
    same = {kind for kind, games in surplus.items() if kind != "hard" and games == surplus["hard"]}
    assert set(notes) == same and "hard" not in notes
