"""Three hard rules for the campaign's platforms seat (astana-to-sochi) with normal counterparts
that boycott Sochi (docs/lab/agents.md, "The platforms at Sochi with normal counterparts that
boycott"): keeps_sure_early (the deal our yes completes, signed before the deadline too, at the
game's last venue), hold_needs_full_table (no first-round hold at a table a signatory has left)
and closing_reads_refusals (no adjournment's hold-out for a package a side speaking before us
has refused as much as)."""

from __future__ import annotations

import dataclasses

from game.ai.early import first_round_hold
from game.ai.levels import LEVELS
from game.ai.opponent import Beliefs
from game.ai.reading import Decision, deadline
from game.ai.repeats import closing_refused
from game.ai.sure import completes, keeps_sure_deal
from game.engine import actions as A
from game.engine.state import State
from game.engine.utility import outcome_utility
from game.engine.view import View
from game.scenario import bundled, load_scenario
from game.sim.simulate import game_seed
from tests.ai.seat_games import first_difference, level_in_seat, plan_hold_out, replayed

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
    gain = 0.0
    for game in (136, 137, 139, 140, 141):
        found, won = _first(game, "keeps_sure_early")
        assert found is not None
        _, view, said, unsaid = found
        assert isinstance(said.action, A.Respond) and said.action.accept
        assert isinstance(unsaid.action, A.Respond) and not unsaid.action.accept
        assert unsaid.reason == "rejected: a better offer before us can still pass"
        p = next(q for q in view.proposals if q.id == said.action.proposal)
        beliefs = Beliefs(view, HARD.learns, HARD.reads_deeds, HARD.reads_refusals)
        # before the deadline, at the game's last venue, our yes is the agreement
        assert not deadline(view) and not view.venues_left and completes(view, p)
        assert keeps_sure_deal(view, p, beliefs, early=True) and not keeps_sure_deal(view, p, beliefs)
        gain += won
    # over these five games the deal in hand beat the better offer's chance (0.37 in all)
    assert gain > 0.3


def test_no_first_round_hold_at_a_table_a_signatory_has_left() -> None:
    assert HARD.hold_needs_full_table and HARD.first_round_share > 0
    off = dataclasses.replace(HARD, hold_needs_full_table=False)
    for game in (6, 18):
        found, won = _first(game, "hold_needs_full_table")
        assert found is not None
        _, view, said, unsaid = found
        # Russia, Sochi's chair, stayed away in round 1: the government opened and we sign
        assert view.round == 1 and not view.present[SC.delegation_index["russia"]]
        assert isinstance(said.action, A.Respond) and said.action.accept and not unsaid.action.accept
        assert first_round_hold(view, HARD) == 0.0 < first_round_hold(view, off)
        assert won > 0


def test_no_adjournments_hold_out_for_what_a_side_speaking_before_us_refused() -> None:
    assert HARD.closing_reads_refusals
    off = dataclasses.replace(HARD, closing_reads_refusals=False)
    # game 103: the government refused Russia's round-1 package, which asks no more of it than the
    # hold-out; without the rule we refuse its offer and the congress signs nothing
    found, won = _first(103, "closing_reads_refusals")
    assert found is not None
    state, view, said, unsaid = found
    assert view.round == 1 and isinstance(said.action, A.Respond) and said.action.accept
    assert isinstance(unsaid.action, A.Respond) and not unsaid.action.accept
    held = plan_hold_out(view, state, off)
    assert held and closing_refused(view, held)
    assert won > 0.3
