"""Two hard rules for the campaign's platforms seat (astana-to-sochi) with normal counterparts
that boycott Sochi (docs/lab/agents.md, "The platforms at Sochi with normal counterparts that
boycott"): keeps_sure_early (the deal our yes completes, signed before the deadline too, at the
game's last venue) and hold_needs_full_table (no first-round hold at a table a signatory has
left)."""

from __future__ import annotations

import dataclasses

from game.ai.early import first_round_hold
from game.ai.levels import LEVELS
from game.ai.opponent import Beliefs
from game.ai.reading import Decision, deadline
from game.ai.sure import completes, keeps_sure_deal
from game.engine import actions as A
from game.engine.state import State
from game.engine.utility import outcome_utility
from game.engine.view import View
from game.scenario import bundled, load_scenario
from game.sim.simulate import game_seed
from tests.ai.seat_games import first_difference, level_in_seat, replayed

HARD = LEVELS["hard"]
SC = load_scenario(bundled()["astana-to-sochi"])
SEAT = SC.delegation_index["platforms"]


def _first(game: int, flag: str) -> tuple[tuple[State, View, Decision, Decision] | None, float]:
    """The first decision of the seat that the rule `flag` changes in the tournament's game
    `game` (hard in the seat, the others normal), and what the rule gains the seat there."""
    off = dataclasses.replace(HARD, **{flag: False})
    seed = game_seed(0, game)
    steps, end = replayed(SC, seed, level_in_seat(SC, seed, SEAT, HARD))
    found = first_difference(steps, SEAT, HARD, off)
    _, end_off = replayed(SC, seed, level_in_seat(SC, seed, SEAT, off))
    return found, outcome_utility(end, SEAT) - outcome_utility(end_off, SEAT)


def test_the_hard_platforms_sign_before_the_deadline_the_deal_their_yes_completes() -> None:
    assert HARD.keeps_sure_early and not LEVELS["normal"].keeps_sure_early
    decided, gain = 0, 0.0
    # the tournament's first 60 games: the rule decides in 7 of them, 0.28 gained in all
    for game in range(60):
        found, won = _first(game, "keeps_sure_early")
        if found is None:
            continue
        _, view, said, unsaid = found
        assert isinstance(said.action, A.Respond) and said.action.accept
        assert isinstance(unsaid.action, A.Respond) and not unsaid.action.accept
        assert unsaid.reason == "rejected: a better offer before us can still pass"
        p = next(q for q in view.proposals if q.id == said.action.proposal)
        beliefs = Beliefs(view, HARD.learns, HARD.reads_deeds, HARD.reads_refusals)
        # before the deadline, at the game's last venue, our yes is the agreement
        assert not deadline(view) and not view.venues_left and completes(view, p)
        assert keeps_sure_deal(view, p, beliefs, early=True) and not keeps_sure_deal(view, p, beliefs)
        decided += 1
        gain += won
    assert decided and gain > 0.1


def test_no_first_round_hold_at_a_table_a_signatory_has_left() -> None:
    assert HARD.hold_needs_full_table and HARD.first_round_share > 0
    off = dataclasses.replace(HARD, hold_needs_full_table=False)
    decided, gain = 0, 0.0
    # the tournament's first 20 games: the rule decides in 5 of them, 0.21 gained in all
    for game in range(20):
        found, won = _first(game, "hold_needs_full_table")
        if found is None:
            continue
        _, view, said, unsaid = found
        # Russia, Sochi's chair, stayed away in round 1: the government opened and we sign
        assert view.round == 1 and not view.present[SC.delegation_index["russia"]]
        assert isinstance(said.action, A.Respond) and said.action.accept
        assert isinstance(unsaid.action, A.Respond) and not unsaid.action.accept
        assert first_round_hold(view, HARD) == 0.0 < first_round_hold(view, off)
        decided += 1
        gain += won
    assert decided and gain > 0.1
