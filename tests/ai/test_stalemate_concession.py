"""A stalemate walk-out gives way to a concession the counterpart answers at its deadline
(Level.stalemate_concession; game.ai.idle.concedes_past_refusals, deadline_answers;
docs/lab/agents.md, "A concession before the walk-out"). In the random scenario timed-7 (as a
file writes it: one venue of five rounds, d0 and d1 signing, d0 speaking first) the three small
issues are signed in round 2 and contested is bargained alone: d0 puts back o3, d1 asks o0, each
refuses the other's as worse than no deal. In round 4 the hard d1, having refused d0's repeat,
walked out (stalemate_on_repeat); staying, its curve has fallen and it tables o1, a package d0
has not refused anything like, and d0 signs it in round 5."""

from __future__ import annotations

import dataclasses

import pytest

import game.ai.negotiator as negotiator
from game.ai.idle import concedes_past_refusals, deadline_answers
from game.ai.levels import LEVELS
from game.ai.reading import before_me, counterparts, value_with
from game.engine import actions as A
from game.engine.utility import outcome_utility
from tests.ai.seat_games import decided_gain, level_in_seat, package_indices, replayed, timed_rule_game, timed_seat

HARD = LEVELS["hard"]
ON = HARD
OFF = dataclasses.replace(HARD, stalemate_concession=False)


def test_the_walk_out_gives_way_to_a_concession() -> None:
    """timed-7 d1's game 296: the first decision the rule changes is d1's move in round 4 of 5,
    with d0 speaking first: a walk-out without the rule, a package with it, worth less to d1 than
    every package of its own d0 refused at the venue. d0 signs it in round 5 and d1 ends higher
    by more than 0.2 (fails with the rule off). With a refusal on record of a package worth no
    more to d1 than it, the walk-out stands."""
    assert HARD.stalemate_concession and not LEVELS["normal"].stalemate_concession
    sc, seat, seed, final, (_, view, said, unsaid) = timed_rule_game(7, "d1", 296, ON, OFF, silent=False)
    assert isinstance(unsaid.action, A.WalkOut) and "refuse all we offer" in unsaid.reason
    assert isinstance(said.action, A.Propose)
    assert view.round == view.venue.rounds - 1 == 4 and len(counterparts(view)) == 1
    assert before_me(view) == counterparts(view) and deadline_answers(view)
    package = package_indices(view, said.action.package)
    assert concedes_past_refusals(view, package)
    refused = [a for a in view.answers if a.who != view.me and a.author == view.me and not a.accepted]
    assert refused and all(value_with(view, a.package) > value_with(view, package) for a in refused)
    # the same package refused once already: nothing conceded past it
    answers = (*view.answers, dataclasses.replace(refused[-1], package=package))
    assert not concedes_past_refusals(dataclasses.replace(view, answers=answers), package)
    # in the venue's last round, or a round earlier, the counterpart's answer is no deadline one
    assert not deadline_answers(dataclasses.replace(view, round=view.round - 1))
    assert not deadline_answers(dataclasses.replace(view, round=view.round + 1))
    assert [a.round for a in final.agreements] == [2, 5]
    assert set(final.agreements[-1].package) == set(package)
    _, without = replayed(sc, seed, level_in_seat(sc, seed, seat, OFF))
    assert [a.round for a in without.agreements] == [2]
    assert outcome_utility(final, seat) > outcome_utility(without, seat) + 0.2


def test_the_rule_gains_where_it_decides() -> None:
    """Over timed-7 d1's first 150 games every decision the rule changes is a package tabled in
    round 4 in place of the walk-out, at least eight, and the seat gains."""
    sc, seat = timed_seat(7, "d1", silent=False)
    changed, gain = decided_gain(sc, seat, ON, OFF, 150)
    assert len(changed) >= 8
    for view, chosen, otherwise in changed:
        assert isinstance(chosen.action, A.Propose) and isinstance(otherwise.action, A.WalkOut)
        assert view.round == view.venue.rounds - 1 and deadline_answers(view)
        assert concedes_past_refusals(view, package_indices(view, chosen.action.package))
    assert gain > 0.1


def test_a_package_no_less_than_a_refused_one_walks_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """timed-6 d1 (one venue of four rounds, d0 speaking first): over its first 150 games the rule
    changes nothing; read without the concession (any package in place of the walk-out), d1
    tables in round 3 packages worth as much to it as ones d0 refused, d0 refuses them again, and
    the seat ends lower by the round's toll."""
    sc, seat = timed_seat(6, "d1", silent=False)
    changed, _ = decided_gain(sc, seat, ON, OFF, 150)
    assert not changed
    monkeypatch.setattr(negotiator, "concedes_past_refusals", lambda view, package: True)
    changed, gain = decided_gain(sc, seat, ON, OFF, 150)
    assert changed
    for _, chosen, otherwise in changed:
        assert isinstance(chosen.action, A.Propose) and isinstance(otherwise.action, A.WalkOut)
    assert gain < 0


def test_what_counts_as_a_refusal_and_a_deadline_answer() -> None:
    """The conditions of concedes_past_refusals and deadline_answers one at a time, on timed-7
    d1's game 296 (rv34's review): a refusal of the same package at another venue, or of a
    package touching an issue settled since, does not count against the concession; in a
    closing session no round follows, so the counterpart's answer there is no deadline answer
    to what we table now."""
    _, _, _, _, (_, view, said, _) = timed_rule_game(7, "d1", 296, ON, OFF, silent=False)
    assert isinstance(said.action, A.Propose)
    package = package_indices(view, said.action.package)
    assert concedes_past_refusals(view, package) and deadline_answers(view)
    assert not deadline_answers(dataclasses.replace(view, closing=True))
    refused = next(a for a in view.answers if a.who != view.me and a.author == view.me and not a.accepted)
    elsewhere = dataclasses.replace(refused, package=package, venue=view.venue_index + 1)
    assert concedes_past_refusals(dataclasses.replace(view, answers=(*view.answers, elsewhere)), package)
    settled = next(i for i in view.agenda if view.settled[i] >= 0)
    touching = dataclasses.replace(refused, package=(*package, (settled, view.settled[settled])))
    assert value_with(view, touching.package) == value_with(view, package)
    assert concedes_past_refusals(dataclasses.replace(view, answers=(*view.answers, touching)), package)
