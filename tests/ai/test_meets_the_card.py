"""A meeting that heads off a card (Level.meets_the_card, on in the hard level; docs/lab/agents.md,
"A meeting that heads off a card"). Every random table's deck has cards that call a signatory
home in the first two rounds while its trust in another signatory is no higher than the file
starts it, and the venue then ends with nothing signed. In timed-11 (as a file writes it: one
venue of three rounds, d4, d1 and d0 signing) one calls d1 home while its trust in d0 is at most
31, where the file starts it; a meeting lifts both sides' trust by the rules' meet_trust. The
hard d1 met a stranger drawn at random, d4 in game 145, and was called home at the start of
round 2; accept-above-walkaway, whom d0 met, signed in round 2."""

from __future__ import annotations

import dataclasses
from functools import cache

from game.ai.hazards import card_meeting
from game.ai.levels import LEVELS
from game.engine import actions as A
from game.engine.model import Condition
from game.engine.utility import outcome_utility
from game.engine.view import View
from tests.ai.seat_games import decided_gain, level_in_seat, replayed, rule_decisions, timed_rule_game, timed_seat

HARD = LEVELS["hard"]
WITHOUT = dataclasses.replace(HARD, meets_the_card=False)


def test_the_hard_agent_meets_the_side_a_card_reads() -> None:
    """timed-11 d1's game 145: the first decision the rule changes is d1's round-1 meeting, with
    d0 (whose trust a card of the deck reads) in place of d4. With it the venue signs the whole
    package in round 3; without it d1 is called home at the start of round 2 and nothing is
    signed (fails with the rule off)."""
    assert HARD.meets_the_card and not LEVELS["normal"].meets_the_card
    sc, seat, seed, final, (_, view, said, unsaid) = timed_rule_game(11, "d1", 145, HARD, WITHOUT, silent=False)
    assert view.round == 1
    assert said.action == A.Meet("d1", "d0") and unsaid.action == A.Meet("d1", "d4")
    assert card_meeting(view) == 0
    assert final.agreements and not set(final.settled) & {-1}
    _, without = replayed(sc, seed, level_in_seat(sc, seed, seat, WITHOUT))
    assert not without.agreements and "left the talks" in without.reason
    assert outcome_utility(final, seat) > outcome_utility(without, seat) + 0.15


def test_every_decision_the_rule_changes_is_such_a_meeting() -> None:
    """Over the tournament's first 60 games in timed-17 d0 (one venue of four rounds, where two
    cards call d0 home while its trust in d1 is at most 15 or in d2 at most 34), the rule
    changes the action of at least 20 decisions (not only a reason), each a meeting with the side
    card_meeting names, in a round before the venue's last, and the seat ends with more in total
    with the rule than without it."""
    sc, seat = timed_seat(17, "d0", silent=False)
    changed, gain = decided_gain(sc, seat, HARD, WITHOUT, 60)  # rule_decisions and seat_gain in one pass
    decided = [d for d in changed if d[1].action != d[2].action]
    assert len(decided) >= 20
    for view, chosen, _ in decided:
        assert isinstance(chosen.action, A.Meet)
        met = card_meeting(view)
        assert met is not None
        assert chosen.action.other == view.delegations[met].id
        assert view.round < view.venue.rounds
    assert gain > 0.2


@cache
def _round_one() -> View:
    """d0's view at its first decision the rule changes in timed-17 d0 (round 1: d0 trusts d1 15
    and d2 34, at the two cards' bounds; the rules' meet_trust 4)."""
    sc, seat = timed_seat(17, "d0", silent=False)
    view, _, _ = next(iter(rule_decisions(sc, seat, HARD, WITHOUT, 1)))
    assert view.round == 1 and view.my_trust[1:3] == (15, 34) and view.rules.meet_trust == 4
    return view


def _trusts(view: View, other: int, mine: int, theirs: int) -> View:
    """`view` with our trust in `other` and its trust in us set."""
    my_trust = tuple(mine if s == other else t for s, t in enumerate(view.my_trust))
    trust_in_me = tuple(theirs if s == other else t for s, t in enumerate(view.trust_in_me))
    return dataclasses.replace(view, my_trust=my_trust, trust_in_me=trust_in_me)


def _with_conditions(view: View, more: dict[int, Condition], replaced: bool = False) -> View:
    """`view` with one condition added to (or, `replaced`, put in place of the trust condition of)
    each of the cards `more` names by index."""
    events = list(view.events)
    for index, c in more.items():
        card = events[index]
        kept = tuple(w for w in card.when if not (replaced and w.kind == "trust"))
        events[index] = dataclasses.replace(card, when=(*kept, c))
    return dataclasses.replace(view, events=tuple(events))


def test_card_meeting_names_the_heavier_card_side() -> None:
    """On d0's round-1 view the weight-3 card (trust in d2 at most 34) outweighs the weight-2 one
    (trust in d1 at most 15): card_meeting names d2; with d0's trust in d2 and d2's in d0 lifted
    past 34 the heavier card no longer holds, and it names d1."""
    view = _round_one()
    assert view.events[5].weight == 2.0 and view.events[6].weight == 3.0
    assert card_meeting(view) == 2
    assert card_meeting(_trusts(view, 2, 40, 70)) == 1


def test_card_meeting_lifts_trust_both_ways() -> None:
    """A card read on d2's trust in d0 (at most 61, where it stands) is headed off by the meeting
    as well as one read on d0's trust in d2: the meeting lifts both."""
    view = _with_conditions(_round_one(), {6: Condition("trust", 2, 0, high=61)}, replaced=True)
    assert card_meeting(view) == 2


def test_card_meeting_needs_a_meeting_that_stops_the_card() -> None:
    """With d0's trust in d1 and d2 more than meet_trust below each card's bound, no one meeting
    lifts it above: card_meeting names no side."""
    view = _trusts(_trusts(_round_one(), 1, 10, 93), 2, 29, 61)
    assert card_meeting(view) is None


def test_card_meeting_reads_only_readable_cards() -> None:
    """A card with a condition d0 cannot read (trust between d1 and d2) is not one a meeting is
    known to head off: with one on each card, card_meeting names no side."""
    hidden = Condition("trust", 1, 2, high=50)
    assert card_meeting(_with_conditions(_round_one(), {5: hidden, 6: hidden})) is None


def test_card_meeting_reads_the_meeting_momentum() -> None:
    """A meeting lifts the table's momentum by the rules' meet_momentum as well as trust: with
    d0's trust in d1 and d2 beyond one meeting's reach, a card read on d0's trust in d2 that also
    needs momentum at most where it stands is headed off by meeting d2."""
    view = _trusts(_trusts(_round_one(), 1, 10, 93), 2, 29, 61)
    assert view.rules.meet_momentum > 0
    view = _with_conditions(view, {6: Condition("momentum", high=view.momentum)})
    assert card_meeting(view) == 2
