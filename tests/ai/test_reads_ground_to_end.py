"""The hard agent reads its own ground to the end of the talks (Level.reads_ground_to_end;
game.ai.ground): what the public deck's draws at this venue and the venues after it are expected
to do to its walk-away value, and what an option's own effects do to a package (a walk-away
value moved, an agreement broken open again). In the random scenario timed-15 the deck lifts
d1's walk-away value card after card over two venues, and Issue 0's Option 2 costs d1 ground and
breaks the very agreement it makes: the hard agent signed it again and again, and walked out of
both venues in a temper, where stonewall sat on and collected what the deck gave it
(docs/lab/agents.md, "Reading the ground to the end")."""

from __future__ import annotations

import dataclasses

from game.ai.deck import ground_ahead
from game.ai.driver import agent_rng
from game.ai.ground import ground_keeps_us, ground_to_end, signing_loses
from game.ai.levels import LEVELS
from game.ai.negotiator import choose
from game.ai.reading import fallback, value_with
from game.engine import actions as A
from game.engine import new_game, view_for
from game.sim.simulate import game_seed
from tests.ai.seat_games import rule_games, timed_seat

HARD = LEVELS["hard"]
WITHOUT = dataclasses.replace(HARD, reads_ground_to_end=False)


def test_the_ground_to_the_end_counts_every_draw_to_come() -> None:
    sc, seat = timed_seat(15, "d1")
    view = view_for(new_game(sc, game_seed(0, 0))[0], seat)
    whole, here = ground_to_end(view), ground_to_end(view, this_venue_only=True)
    # the deck lifts d1's value: more over both venues than over this one, more over this one's
    # two draws than over the next round's
    assert whole.drift > here.drift > ground_ahead(view) > 0.0
    # the rounds to pay for: this one and those expected to follow, the second venue's six included
    assert 1.0 < here.rounds <= 3.0 < whole.rounds <= 9.0
    # without random draws nothing moves, and the rounds are the same
    calm = dataclasses.replace(sc, venues=tuple(dataclasses.replace(v, random_events=0.0) for v in sc.venues))
    still = ground_to_end(view_for(new_game(calm, game_seed(0, 0))[0], seat))
    assert still.drift == 0.0 and still.rounds == whole.rounds


def test_an_option_that_breaks_its_own_agreement_is_worth_nothing_to_sign() -> None:
    sc, seat = timed_seat(15, "d1")
    view = view_for(new_game(sc, game_seed(0, 0))[0], seat)
    i0 = [i.id for i in sc.issues].index("i0")
    o2 = [o.id for o in sc.issues[i0].options].index("o2")
    assert any(e.kind == "break" and e.a == i0 for e in sc.issues[i0].options[o2].effects)
    # read as the package's face says, it gains d1 much over walking away...
    assert value_with(view, ((i0, o2),)) > fallback(view) + 0.05
    # ...but it settles nothing, and costs d1 ground: signing it loses
    assert signing_loses(view, ((i0, o2),))
    # on a table without the deck's drift, and the option without its effects, it would not
    plain = dataclasses.replace(
        sc,
        venues=tuple(dataclasses.replace(v, random_events=0.0) for v in sc.venues),
        issues=tuple(
            dataclasses.replace(
                issue, options=tuple(dataclasses.replace(option, effects=()) for option in issue.options)
            )
            for issue in sc.issues
        ),
    )
    assert not signing_loses(view_for(new_game(plain, game_seed(0, 0))[0], seat), ((i0, o2),))


def test_a_hard_d1_refuses_or_stays_where_it_signed_or_walked_out() -> None:
    """Along the tournament's games with hard in timed-15's d1 seat, the seat's decisions where
    the rule decides: where without it the seat would sign a package or walk out, with it the
    seat refuses or stays, since signing nothing (or staying) is expected to leave it more; the
    first such decision of a game is a refusal or a different offer, and later ones keep the
    seat at the table (fails with reads_ground_to_end off)."""
    sc, seat = timed_seat(15, "d1")
    kinds = set()
    for steps, differed in rule_games(sc, seat, HARD, WITHOUT, 10):
        if differed is not None:
            _, _, with_rule, without = differed
            if without.action == with_rule.action:
                kinds.add("reason")  # a refusal either way, now for what the ground gives
            elif isinstance(without.action, A.Propose):
                kinds.add("offered")  # it asks for more than signing nothing leaves it
            else:
                assert isinstance(without.action, A.Respond) and without.action.accept
                assert isinstance(with_rule.action, A.Respond) and not with_rule.action.accept
                kinds.add("refused")
        for state, _ in steps:
            if state.actor != seat:
                continue
            view = view_for(state, seat)
            if isinstance(choose(view, agent_rng(state), WITHOUT).action, A.WalkOut):
                # it walks out as before only where the rounds left here are not worth their toll
                stays = not isinstance(choose(view, agent_rng(state), HARD).action, A.WalkOut)
                assert stays == ground_keeps_us(view)
                kinds.add("stayed" if stays else "left")
    assert {"refused", "stayed"} <= kinds
