"""A stalemate read before we have tabled (Level.stalemate_untabled; game.ai.idle.stalemate): at
the game's last venue, at a table of two, where the counterpart has put back to the hard agent, in
two rounds, a package the agent refused, and the agent has tabled nothing there (its first round
went to reassuring its own side), the repeat alone reads the stalemate that
stalemate_on_repeat reads once the counterpart has also refused one of the agent's packages. In
the random scenario timed-10 (as a file writes it) the d1 seat walked out of the second venue in
round 3 in five games where the library's hardline strategy, whose statements had kept its
support up and its first round free to table, walked out in round 2
(docs/lab/agents.md, "A stalemate read before we have tabled")."""

from __future__ import annotations

import dataclasses

from game.ai.idle import repeats_refused, stalemate, tabled_here
from game.ai.levels import LEVELS
from game.ai.reading import counterparts
from tests.ai.seat_games import check_stalemate_walkout, rule_decisions, rule_walkouts, timed_seat, venue_answers

HARD = LEVELS["hard"]
WITHOUT = dataclasses.replace(HARD, stalemate_untabled=False)


def test_the_hard_agent_reads_a_repeat_before_it_has_tabled() -> None:
    """Along the tournament's 300 games with hard in timed-10's d1 seat, where the rule decides,
    d1 walks out of the last venue in round 2 where without it it tables a package, has it
    refused and walks out in round 3: the counterpart has put back to d1 the package d1 refused,
    d1 has tabled nothing there, and none of the counterpart's packages is worth more to d1 than
    what it has. The game ends with the same agreements, a smaller toll and more for d1 (fails
    with the rule off)."""
    assert HARD.stalemate_untabled and not LEVELS["normal"].stalemate_untabled
    sc, seat = timed_seat(10, "d1", silent=False)
    decided = 0
    for view, left, stayed in rule_walkouts(sc, seat, HARD, WITHOUT, 300):
        assert stalemate(view, on_repeat=True, untabled=True) and not stalemate(view, on_repeat=True)
        assert view.round == 2 and not view.venues_left and len(counterparts(view)) == 1
        other = counterparts(view)[0]
        here = venue_answers(view)
        assert not tabled_here(view) and repeats_refused(view, here, other)
        check_stalemate_walkout(view, seat, left, stayed, 0.005)
        decided += 1
    assert decided >= 4


def test_the_walk_out_says_what_was_put_back() -> None:
    """Where nothing of ours was tabled, the walk-out's reason does not say that the counterpart
    refuses what we offer: it says that it put back what we refused."""
    sc, seat = timed_seat(10, "d1", silent=False)
    reasons = {chosen.reason for _, chosen, _ in rule_decisions(sc, seat, HARD, WITHOUT, 80)}
    assert reasons == {"they put back what we refused and offer nothing worth another round to us"}
