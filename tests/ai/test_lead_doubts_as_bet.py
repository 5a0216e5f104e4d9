"""The lead's doubt about the bet read as the bet reads it (Level.lead_doubts_as_bet, on in the
hard level; docs/lab/agents.md, "The lead doubts the bet as the bet does"). In the random scenario
timed-1 (as a file writes it: a table of two, one venue of five rounds, then one of three) the
hard d1 opens the second venue, where d0 has answered nothing yet: its bet reads d0's yes to the
whole package with trust weighed by the share it gives d0 (trust_needs_share), 0.17, while the
lead's condition read the estimate with full trust, 0.80, over the 0.7 under which the lead is
weighed. d1 tabled the whole package d0 had refused at the first venue's deadline, and walked out
of a stalemate; the library's hardline strategy, whose statements had taken d0's trust to nothing,
tabled the lead (common ground alone), which d0 signed."""

from __future__ import annotations

import dataclasses

from game.ai.levels import LEVELS
from game.ai.reading import left_open
from game.ai.table_estimate import unanswered
from game.engine import actions as A
from game.engine.utility import outcome_utility
from game.engine.view import View
from tests.ai.seat_games import decided_gain, level_in_seat, replayed, timed_rule_game, timed_seat

HARD = LEVELS["hard"]
WITHOUT = dataclasses.replace(HARD, lead_doubts_as_bet=False)


def test_the_hard_agent_leads_where_its_bet_is_a_long_shot() -> None:
    """timed-1 d1's game 160: the first decision the rule changes is d1's opening of the second
    venue, the lead (common ground alone) in place of the whole package; d0 signs it, where
    without the rule nothing is signed in the game and d1 ends lower by more than 0.15 (fails
    with the rule off)."""
    assert HARD.lead_doubts_as_bet and not LEVELS["normal"].lead_doubts_as_bet
    sc, seat, seed, final, (_, view, said, unsaid) = timed_rule_game(1, "d1", 160, HARD, WITHOUT, silent=False)
    assert isinstance(said.action, A.Propose) and isinstance(unsaid.action, A.Propose)
    assert view.venue_index == 1 and view.round == 1 and unanswered(view)
    lead = _indices(view, said.action.package)
    assert left_open(view, lead) and not left_open(view, _indices(view, unsaid.action.package))
    assert [(a.venue, a.package) for a in final.agreements] == [(1, lead)]
    _, without = replayed(sc, seed, level_in_seat(sc, seed, seat, WITHOUT))
    assert not without.agreements
    assert outcome_utility(final, seat) > outcome_utility(without, seat) + 0.15


def test_every_decision_the_rule_changes_tables_the_lead() -> None:
    """Over the tournament's 300 games in timed-1 d1, every decision the rule changes is a
    venue's first-round opening at a table of two, where the counterpart has answered nothing
    there, that tables a partial package in place of the whole one; the seat gains."""
    sc, seat = timed_seat(1, "d1", silent=False)
    decided, gain = decided_gain(sc, seat, HARD, WITHOUT, 300)
    assert len(decided) >= 2
    for view, chosen, unchosen in decided:
        assert isinstance(chosen.action, A.Propose) and isinstance(unchosen.action, A.Propose)
        assert view.round == 1 and unanswered(view)
        assert left_open(view, _indices(view, chosen.action.package))
        assert not left_open(view, _indices(view, unchosen.action.package))
    assert gain > 0.3


def _indices(view: View, package: tuple[tuple[str, str], ...]) -> tuple[tuple[int, int], ...]:
    """A tabled package (issue and option ids) as issue and option indices."""
    issues = {issue.id: i for i, issue in enumerate(view.issues)}
    return tuple((issues[i], [option.id for option in view.issues[issues[i]].options].index(o)) for i, o in package)
