"""The hard agent weighs a repeated offer without its plan's hopes (Level.heeds_repeats;
game.ai.repeats.repeated_offer). Where it does not hold out, the hard agent settles for fear of
waiting only if the offer beats two readings of what waiting is worth: its own curve's, and its
plan's, which counts on the others conceding along the model of them (game.ai.planning). A side
that puts to it again the very package it refused from that side in an earlier round has not
conceded since: the plan's reading is left out and waiting is weighed by its own curve, as the
normal agent weighs it (docs/lab/agents.md, "A repeated offer")."""

from __future__ import annotations

import dataclasses

from game.ai.driver import agent_rng
from game.ai.levels import LEVELS
from game.ai.negotiator import choose
from game.ai.repeats import repeated_offer
from game.engine import actions as A
from game.engine import view_for
from game.engine.state import PENDING, State
from game.engine.utility import outcome_utility
from game.sim.simulate import game_seed
from tests.ai.seat_games import level_in_seat, replayed, timed_scenario

HARD = LEVELS["hard"]
# timed-18 (the suite's random generator, time rules on), the hard agent in d0's seat, the
# tournament's game 39: d1 puts one package to d0 in rounds 2 to 5, worth 0.55 to d0 against a
# walk-away value of 0.45; the plan reads waiting at 0.59 and, without the rule, d0 refuses it
# until d1 reads as a stonewaller, then refuses it as an ultimatum, and the talks end with nothing
SCENARIO, SEAT, GAME = 18, 0, 39


def _game(heeds: bool) -> tuple[State, list[State]]:
    """The game's end and the states at which the seat answered an offer put to it."""
    sc = timed_scenario(SCENARIO)
    seed = game_seed(0, GAME)
    steps, end = replayed(sc, seed, level_in_seat(sc, seed, SEAT, dataclasses.replace(HARD, heeds_repeats=heeds)))
    return end, [state for state, action in steps if state.actor == SEAT and isinstance(action, A.Respond)]


def _pending(state: State) -> list[int]:
    view = view_for(state, SEAT)
    return [p.id for p in view.proposals if p.author != SEAT and p.response_of(SEAT) == PENDING]


def test_a_repeated_offer_is_signed_where_the_plan_alone_would_wait() -> None:
    """Without the rule the seat refuses the package every time it comes back; with it, the
    hard agent signs it the first time it is repeated, and not before (fails with heeds_repeats
    off in answering.answer)."""
    end, answering = _game(heeds=False)
    assert not end.agreements  # without the rule: no deal
    repeats = 0
    for state in answering:
        view = view_for(state, SEAT)
        p = next(q for q in view.proposals if q.id == min(_pending(state)))
        with_rule = choose(view, agent_rng(state), HARD)
        without = choose(view, agent_rng(state), dataclasses.replace(HARD, heeds_repeats=False))
        assert isinstance(without.action, A.Respond) and not without.action.accept
        assert without.action.proposal == p.id  # the offer answered is the one the rule read
        if not repeated_offer(view, p):
            assert with_rule == without  # a first offer is weighed as before
            continue
        repeats += 1
        if not without.reason.startswith("rejected: a take-it-or-leave-it"):
            # before d1 reads as a stonewaller, the repeat is signed for fear of waiting
            assert isinstance(with_rule.action, A.Respond) and with_rule.action.accept
            assert with_rule.reason == "accepted: waiting for better is not worth the risk that the talks end"
    assert repeats >= 2
    signed, _ = _game(heeds=True)
    assert signed.agreements and signed.agreements[0].round == 3
    assert outcome_utility(signed, SEAT) > outcome_utility(end, SEAT) + 0.1


def test_only_the_same_package_from_the_same_side_is_a_repeat() -> None:
    """A package that moved on one issue is no repeat, nor one from a side whose package we did
    not refuse: the record of our refusals names the author and the whole package."""
    _, answering = _game(heeds=False)
    state = answering[-1]
    view = view_for(state, SEAT)
    p = next(q for q in view.proposals if q.id == min(_pending(state)))
    assert repeated_offer(view, p)
    assert not repeated_offer(view, dataclasses.replace(p, author=SEAT))
    (issue, option), *rest = p.package
    moved = ((issue, (option + 1) % len(view.issues[issue].options)), *rest)
    assert not repeated_offer(view, dataclasses.replace(p, package=moved))
