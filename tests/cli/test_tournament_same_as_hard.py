"""The tournament says where a row scored what hard scored in every game: an author read edge's
"+0.000 ± 0.000" against hard as a fault, not knowing that the hard agent plays the style its
rehearsal chose for the seat."""

from __future__ import annotations

from game.commands_tournament import same_as_hard
from game.sim import tournament as T
from tests.cli_runner import run_main


def _row(kind: str, surplus: tuple[float, ...]) -> T.Row:
    n = len(surplus)
    return T.Row(kind, n, sum(surplus) / n, 0.1, 1.0, 0.5, 0.0, 0.0, 1.0, surplus)


def test_a_style_of_the_hard_agent_and_a_strategy_that_scored_as_hard_did_are_named() -> None:
    hard = _row("hard", (0.2, 0.3, 0.1))
    lines = same_as_hard(
        [hard, _row("edge", (0.2, 0.3, 0.1)), _row("stonewall", (0.2, 0.3, 0.1)), _row("random", (0.2, 0.3, 0.0))]
    )
    assert lines[0].startswith("edge: the same result as hard in every game; here the hard agent plays edge's way")
    assert lines[1] == "stonewall: the same result as hard in every game."
    assert len(lines) == 2  # random differs in one game: nothing said
    assert same_as_hard([_row("hard", (0.2,)), _row("edge", (0.2,))]) == []  # one game shows nothing


def test_the_command_says_so_where_the_book_has_hard_play_a_strategy_of_the_library() -> None:
    """A seat of a bundled table whose booked hard style is a strategy of the library (at this
    writing astana-8's government plays edge): that row and hard's are the same games."""
    from game.ai.book import booked
    from game.ai.strategies import STRATEGIES
    from game.scenario import bundled, load_scenario

    found = next(
        (name, sc.delegations[seat].id, style)
        for name, path in bundled().items()
        for sc in [load_scenario(path)]
        for seat in sc.venues[0].signatories
        if (style := booked(sc, seat, "hard")) in STRATEGIES
    )
    name, seat, style = found
    result = run_main("tournament", name, "--seat", seat, "--games", "2")
    assert result.returncode == 0, result.stderr
    assert f"{style}: the same result as hard in every game; here the hard agent plays {style}'s way" in result.stdout
