"""Two hard rules for the campaign's platforms seat (astana-to-sochi) with normal counterparts
that boycott Sochi: keeps_sure_over_refused (the deal our yes completes, signed before the
deadline too, at the game's last venue, where the better offer waits on a side that holds out
against its package: docs/lab/agents.md, "A better offer already refused by the side it waits
on") and hold_needs_full_table (no first-round hold at a table a signatory has left:
docs/lab/agents.md, "The platforms at Sochi with normal counterparts that boycott")."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from game.ai.early import first_round_hold
from game.ai.levels import LEVELS
from game.ai.opponent import Beliefs
from game.ai.planning import TRUSTED
from game.ai.reading import Decision, deadline, fallback, value_with
from game.ai.sure import completes, gamble_odds, holds_out_against, keeps_sure_deal
from game.engine import actions as A
from game.engine import view_for
from game.engine.state import PENDING
from game.engine.utility import outcome_utility
from game.engine.view import View
from game.scenario import bundled, load_scenario
from game.sim.simulate import game_seed
from tests.ai.seat_games import first_difference, level_in_seat, replayed

HARD = LEVELS["hard"]
SC = load_scenario(bundled()["astana-to-sochi"])
SEAT = SC.delegation_index["platforms"]


def _decided(games: int, flag: str) -> Iterator[tuple[View, Decision, Decision, float]]:
    """Each of the tournament's first `games` games (hard in the seat, the others normal) where
    the rule `flag` changes a decision of the seat: the view of the first such decision, what the
    seat says with the rule and without it, and what the rule gains the seat in that game."""
    off = dataclasses.replace(HARD, **{flag: False})
    for game in range(games):
        seed = game_seed(0, game)
        steps, end = replayed(SC, seed, level_in_seat(SC, seed, SEAT, HARD))
        found = first_difference(steps, SEAT, HARD, off)
        if found is None:
            continue
        _, end_off = replayed(SC, seed, level_in_seat(SC, seed, SEAT, off))
        _, view, said, unsaid = found
        yield view, said, unsaid, outcome_utility(end, SEAT) - outcome_utility(end_off, SEAT)


def test_the_hard_platforms_sign_before_the_deadline_the_deal_their_yes_completes() -> None:
    assert HARD.keeps_sure_over_refused and not LEVELS["normal"].keeps_sure_over_refused
    turkey = SC.delegation_index["turkey"]
    # the tournament's first 120 games: the rule decides in 3 of them (5, 68, 112; Sochi's round
    # 4 of 5), 0.69 gained in all; without it game 112 ends with nothing signed
    decided = list(_decided(120, "keeps_sure_over_refused"))
    for view, said, unsaid, _ in decided:
        assert isinstance(said.action, A.Respond) and said.action.accept
        assert isinstance(unsaid.action, A.Respond) and not unsaid.action.accept
        assert unsaid.reason == "rejected: a better offer before us can still pass"
        p = next(q for q in view.proposals if q.id == said.action.proposal)
        beliefs = Beliefs(view, HARD.learns, HARD.reads_deeds, HARD.reads_refusals)
        # before the deadline, at the game's last venue, our yes is the agreement
        assert not deadline(view) and not view.venues_left and completes(view, p)
        assert keeps_sure_deal(view, p, beliefs, early=True) and not keeps_sure_deal(view, p, beliefs)
        # the better offer waits on Turkey, which refused its package here in two earlier
        # rounds and distrusts us
        better = [
            q
            for q in view.proposals
            if q.author != view.me and q.id != p.id and q.response_of(view.me) == PENDING
            if value_with(view, q.package) > value_with(view, p.package)
        ]
        assert better and all(holds_out_against(view, turkey, q.package) for q in better)
    assert len(decided) == 3 and sum(won for *_, won in decided) > 0.5


def test_a_better_offer_not_held_out_against_is_still_picked() -> None:
    """At sochi-congress's Russia seat the government signed, in round 3 of 4, the better offers
    the hard Russia refused the government's own package for; weighed by the calibrated estimate
    alone (ne33's keeps_sure_early) the sure deal looked worth more, and signing it cost the seat
    0.0028 over 300 games. No side holds out against those offers: the rule leaves them."""
    sc = load_scenario(bundled()["sochi-congress"])
    seat = sc.delegation_index["russia"]
    off = dataclasses.replace(HARD, keeps_sure_over_refused=False)
    for game in (110, 156):
        seed = game_seed(0, game)
        steps, _ = replayed(sc, seed, level_in_seat(sc, seed, seat, HARD))
        assert first_difference(steps, seat, HARD, off) is None
        read = 0
        for state, action in steps:
            if state.actor != seat or not isinstance(action, A.Respond) or action.accept:
                continue
            view = view_for(state, seat)
            p = next(q for q in view.proposals if q.id == action.proposal)
            if deadline(view) or not completes(view, p):
                continue
            beliefs = Beliefs(view, HARD.learns, HARD.reads_deeds, HARD.reads_refusals)
            sure = value_with(view, p.package)
            without = fallback(view)
            others = [
                q for q in view.proposals if q.author != view.me and q.id != p.id and q.response_of(view.me) == PENDING
            ]
            # by the estimate alone no better offer outweighs the sure deal ...
            assert all(
                gamble_odds(view, q, beliefs, {}) * value_with(view, q.package)
                + (1 - gamble_odds(view, q, beliefs, {})) * without
                <= sure
                for q in others
            )
            # ... but none is held out against, and the rule weighs them as sure to pass
            assert not keeps_sure_deal(view, p, beliefs, early=True)
            read += 1
        assert read


def test_no_first_round_hold_at_a_table_a_signatory_has_left() -> None:
    assert HARD.hold_needs_full_table and HARD.first_round_share > 0
    off = dataclasses.replace(HARD, hold_needs_full_table=False)
    # the tournament's first 40 games: the rule decides in 10 of them, 0.27 gained in all (with
    # keeps_sure_over_refused; its first 20 lose 0.09 net, game 8 alone 0.13)
    decided = list(_decided(40, "hold_needs_full_table"))
    for view, said, unsaid, _ in decided:
        # Russia, Sochi's chair, stayed away in round 1: the government opened and we sign
        assert view.round == 1 and not view.present[SC.delegation_index["russia"]]
        assert isinstance(said.action, A.Respond) and said.action.accept
        assert isinstance(unsaid.action, A.Respond) and not unsaid.action.accept
        assert first_round_hold(view, HARD) == 0.0 < first_round_hold(view, off)
    assert decided and sum(won for *_, won in decided) > 0.1


def test_a_side_holds_out_only_after_two_refusals_while_it_distrusts_us() -> None:
    """holds_out_against, one condition at a time, in game 5 where keeps_sure_over_refused
    decides (rv34's review: dropping the trust condition changed no test). Turkey refused the
    better offer's package here in two earlier rounds and trusts the platforms less than
    planning.TRUSTED: it holds out. Trusting them as much as TRUSTED, or with one of the two
    refusals forgotten, it counts as a yes, and the better offer outweighs the sure deal."""
    # the first game the rule decides is game 5
    view, said, _, _ = next(_decided(6, "keeps_sure_over_refused"))
    turkey = SC.delegation_index["turkey"]
    assert isinstance(said.action, A.Respond)
    p = next(q for q in view.proposals if q.id == said.action.proposal)
    beliefs = Beliefs(view, HARD.learns, HARD.reads_deeds, HARD.reads_refusals)
    better = [
        q
        for q in view.proposals
        if q.author != view.me and q.id != p.id and q.response_of(view.me) == PENDING
        if value_with(view, q.package) > value_with(view, p.package)
    ]
    assert better and keeps_sure_deal(view, p, beliefs, early=True)
    assert all(holds_out_against(view, turkey, q.package) for q in better)
    assert view.trust_in_me[turkey] < TRUSTED
    # only at the game's last venue: before a later one, where the deadline is not the end
    assert not keeps_sure_deal(dataclasses.replace(view, venues_left=1), p, beliefs, early=True)
    # refusals at another venue are not this one's; a package is the same in any order
    elsewhere = tuple(dataclasses.replace(a, venue=-1) if a.who == turkey else a for a in view.answers)
    assert not any(holds_out_against(dataclasses.replace(view, answers=elsewhere), turkey, q.package) for q in better)
    assert all(len(q.package) > 1 for q in better)
    reordered = tuple(dataclasses.replace(a, package=a.package[::-1]) for a in view.answers)
    assert all(holds_out_against(dataclasses.replace(view, answers=reordered), turkey, q.package) for q in better)
    trusting = list(view.trust_in_me)
    trusting[turkey] = TRUSTED
    trusted = dataclasses.replace(view, trust_in_me=tuple(trusting))
    assert not any(holds_out_against(trusted, turkey, q.package) for q in better)
    assert not keeps_sure_deal(
        trusted, p, Beliefs(trusted, HARD.learns, HARD.reads_deeds, HARD.reads_refusals), early=True
    )
    for q in better:
        refusals = [
            a for a in view.answers if a.who == turkey and not a.accepted and sorted(a.package) == sorted(q.package)
        ]
        last = max(a.round for a in refusals)
        once = tuple(a for a in view.answers if a not in refusals or a.round == last)
        assert not holds_out_against(dataclasses.replace(view, answers=once), turkey, q.package)
        # a refusal in this very round is no earlier round's
        later = tuple(
            dataclasses.replace(a, round=view.round) if a in refusals and a.round != last else a for a in view.answers
        )
        assert not holds_out_against(dataclasses.replace(view, answers=later), turkey, q.package)


def test_the_full_table_is_the_venues_signatories() -> None:
    """hold_needs_full_table reads the venue's signatories only (rv34's review: reading every
    side of the turn order changed no test): at Sochi a party that does not sign there (the SNC)
    staying away leaves the hold as it is, while Russia, a signatory, staying away drops it."""
    view, _, _, _ = next(_decided(40, "hold_needs_full_table"))
    russia, snc = SC.delegation_index["russia"], SC.delegation_index["snc"]
    assert russia in view.venue.signatories and snc in view.venue.turn_order and snc not in view.venue.signatories
    off = dataclasses.replace(HARD, hold_needs_full_table=False)
    present = list(view.present)
    present[russia], present[snc] = True, False
    attended = dataclasses.replace(view, present=tuple(present))
    assert first_round_hold(attended, HARD) == first_round_hold(attended, off) > 0.0
    assert not view.present[russia] and first_round_hold(view, HARD) == 0.0
