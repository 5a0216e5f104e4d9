"""floor_without_veto (hard): in the last round of a venue before the game's last, a side that
signs at no venue to come weighs no deal there as what the later venue's agreement leaves it,
this venue's issues at their status quo (docs/lab/agents.md, "What no deal leaves a side the later
venues do not need"). astana-to-sochi's opposition signs at Astana only: refusing Astana's last
offers for want of trust left it the status quo there once Sochi signed without it."""

from __future__ import annotations

import dataclasses

from game.ai.answering import mean_trust
from game.ai.levels import LEVELS
from game.ai.reading import deadline, fallback, floor_without_veto, value_with
from game.engine import actions as A
from game.engine.view import View
from game.scenario import bundled, load_scenario
from game.sim.simulate import game_seed
from tests.ai.seat_games import decided_gain, first_difference, level_in_seat, level_views, replayed

HARD = LEVELS["hard"]
OFF = dataclasses.replace(HARD, floor_without_veto=False)
SC = load_scenario(bundled()["astana-to-sochi"])
SEAT = SC.delegation_index["opposition"]


def _margin(view: View) -> float:
    """The margin a side that does not trust its partners asks above no deal (game.ai.answering)."""
    return view.own.personality.temper * max(0.0, 40.0 - mean_trust(view)) / 200.0


def test_the_opposition_signs_astanas_last_offers_that_its_walk_away_value_refused() -> None:
    assert HARD.floor_without_veto and not LEVELS["normal"].floor_without_veto
    # the tournament's first 60 games: the rule decides in 5, +0.13 in all; in 3 of them it signs
    # an offer of Astana's last session refused without it for want of trust (in the first 100,
    # 8 games, +0.22, 5 signed)
    decided, gain = decided_gain(SC, SEAT, HARD, OFF, 60)
    assert len(decided) == 5 and gain > 0.1
    signed = 0
    for view, said, unsaid in decided:
        # Astana's last session (its last round, or a closing session); the opposition signs
        # nothing at Sochi
        assert view.venue_index == 0 and deadline(view) and view.venues_left == 1
        assert SEAT not in SC.venues[1].signatories
        assert floor_without_veto(view) < fallback(view) == view.own.reservation
        assert isinstance(said.action, A.Respond) and isinstance(unsaid.action, A.Respond)
        if not said.action.accept:
            continue
        signed += 1
        assert unsaid.reason == "rejected: too little to sign with partners we do not trust"
        p = next(q for q in view.proposals if q.id == said.action.proposal)
        after = value_with(view, p.package)
        # above the walk-away value by less than the margin, but by more above what no deal leaves
        assert fallback(view) <= after < fallback(view) + _margin(view) <= after + 0.1
        assert after >= floor_without_veto(view) + _margin(view)
    assert signed == 3


def test_without_the_rule_astana_signs_nothing_and_the_campaign_ends_below_walking_away() -> None:
    # game 53: the opposition refuses every offer of Astana's last round for want of trust;
    # Sochi signs without it, and Astana's issues stay at their status quo
    seed = game_seed(0, 53)
    _, off = replayed(SC, seed, level_in_seat(SC, seed, SEAT, OFF))
    assert not any(a.venue == 0 for a in off.agreements) and any(a.venue == 1 for a in off.agreements)
    steps, on = replayed(SC, seed, level_in_seat(SC, seed, SEAT, HARD))
    assert any(a.venue == 0 for a in on.agreements)
    found = first_difference(steps, SEAT, HARD, OFF)
    assert found is not None and found[1].round == SC.venues[0].rounds


def test_the_floor_is_the_walk_away_value_where_we_sign_at_a_venue_to_come_or_none_follows() -> None:
    # every seat normal in the tournament's first game: the government, Russia, Turkey and Iran
    # sign at Sochi too, the envoy and the observers sign nowhere, and at Sochi no venue follows
    views = level_views(SC, game_seed(0, 0), "normal", lambda v: not v.over)
    assert any(v.me == SEAT and v.venue_index == 0 for v in views)
    for view in views:
        if view.me == SEAT and view.venue_index == 0 and not view.agreements:
            # while nothing is signed: once Astana signs, `fallback` reads the status quo too
            assert floor_without_veto(view) < fallback(view)
        else:
            assert floor_without_veto(view) == fallback(view)
