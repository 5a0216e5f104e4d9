"""heeds_repeats for a part of a refused package (Level.heeds_partial_repeats;
game.ai.repeats.repeated_in_part; docs/lab/agents.md, "A refused package split"). In the random
scenario timed-7 (as a file writes it: one venue of five rounds, d0 and d1 signing, d0 speaking
first) d0 puts its round-1 package, refused by d1, back to d1 in round 2 without contested: the
same options on the three small issues. The hard d1 refused it, its plan's value of waiting
counting on d0 conceding the whole agenda and its trend reading taking the split for a rise; d0
then tabled the whole agenda at contested o4 again, or the venue was adjourned with nothing
signed."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from game.ai import answering
from game.ai.levels import LEVELS
from game.ai.reading import counterparts, left_open
from game.ai.repeats import repeated_in_part
from game.engine import actions as A
from game.engine.state import Answer, Proposal
from game.engine.utility import outcome_utility
from game.engine.view import View
from game.sim.simulate import game_seed
from tests.ai.seat_games import decided_gain, level_in_seat, replayed, timed_rule_game, timed_seat

HARD = LEVELS["hard"]
ON = HARD
OFF = dataclasses.replace(HARD, heeds_partial_repeats=False)


def test_a_split_package_is_signed() -> None:
    """timed-7 d1's game 173: the first decision the rule changes is d1's round-2 answer to d0's
    partial package, a part of d0's round-1 package that d1 refused: signed with the rule,
    refused without it. Signed, it is the game's agreement when the venue is adjourned after
    round 2; refused, nothing is signed and d1 ends lower by more than 0.2 (fails with the rule
    off). Only a refused package of the same side counts: with that answer marked accepted, the
    offer is no repeat in part."""
    assert HARD.heeds_partial_repeats and not LEVELS["normal"].heeds_partial_repeats
    sc, seat, seed, final, (_, view, said, unsaid) = timed_rule_game(7, "d1", 173, ON, OFF, silent=False)
    assert isinstance(said.action, A.Respond) and isinstance(unsaid.action, A.Respond)
    assert said.action.accept and not unsaid.action.accept
    assert view.round == 2 and len(counterparts(view)) == 1
    p = next(q for q in view.proposals if q.id == said.action.proposal)
    assert left_open(view, p.package) and repeated_in_part(view, p)
    refused = [a for a in view.answers if a.who == view.me and a.author == p.author and not a.accepted]
    assert refused and all(set(p.package) < set(a.package) for a in refused)
    accepted = tuple(dataclasses.replace(a, accepted=True) if a in refused else a for a in view.answers)
    assert not repeated_in_part(dataclasses.replace(view, answers=accepted), p)

    # the record's other conditions: our own refusal (not an answer of another side), of a
    # package of the offer's author, at this venue, in an earlier round
    def with_refused(change: Callable[[Answer], Answer]) -> bool:
        answers = tuple(change(a) if a in refused else a for a in view.answers)
        return repeated_in_part(dataclasses.replace(view, answers=answers), p)

    assert not with_refused(lambda a: dataclasses.replace(a, who=p.author))
    assert not with_refused(lambda a: dataclasses.replace(a, author=view.me))
    assert not with_refused(lambda a: dataclasses.replace(a, venue=view.venue_index + 1))
    assert not with_refused(lambda a: dataclasses.replace(a, round=view.round))
    # the split of a side that does not sign here (timed-7's mediator or guarantor) is no move of
    # the counterpart's, even with our refusal of that side's package on record
    others = [i for i in range(len(view.present)) if i not in view.venue.signatories]
    assert others
    for other in others:
        answers = tuple(dataclasses.replace(a, author=other) if a in refused else a for a in view.answers)
        assert not repeated_in_part(dataclasses.replace(view, answers=answers), dataclasses.replace(p, author=other))
    # a part, not the whole: the refused package itself put again is a repeat (repeated_offer)
    assert not repeated_in_part(view, dataclasses.replace(p, package=refused[0].package))
    assert [a.round for a in final.agreements] == [2]
    _, without = replayed(sc, seed, level_in_seat(sc, seed, seat, OFF))
    assert not without.agreements
    assert outcome_utility(final, seat) > outcome_utility(without, seat) + 0.2


def test_the_rule_gains_where_it_decides() -> None:
    """Over the tournament's 300 games in timed-7 d1 every decision the rule changes is a yes to
    a part of a package the same side put to us before and we refused, and the seat gains."""
    sc, seat = timed_seat(7, "d1", silent=False)
    decided, gain = decided_gain(sc, seat, ON, OFF, 300)
    assert len(decided) >= 8
    for view, chosen, otherwise in decided:
        assert isinstance(chosen.action, A.Respond) and chosen.action.accept
        assert isinstance(otherwise.action, A.Respond) and not otherwise.action.accept
        p = next(q for q in view.proposals if q.id == chosen.action.proposal)
        assert repeated_in_part(view, p)
    assert gain > 0.5


def test_a_level_without_the_rule_never_reads_a_split(monkeypatch: pytest.MonkeyPatch) -> None:
    """With heeds_partial_repeats off, neither the trend's reading nor the plan's asks whether an
    offer is a refused package split: timed-7 d1's game 173, played with the rule off, never asks
    it (fails where either reading asks it ungated)."""
    asked: list[int] = []

    def recorded(view: View, p: Proposal) -> bool:
        asked.append(p.id)
        return repeated_in_part(view, p)

    monkeypatch.setattr(answering, "repeated_in_part", recorded)
    sc, seat = timed_seat(7, "d1", silent=False)
    seed = game_seed(0, 173)
    replayed(sc, seed, level_in_seat(sc, seed, seat, OFF))
    assert not asked
    replayed(sc, seed, level_in_seat(sc, seed, seat, ON))
    assert asked  # the game asks it with the rule on
