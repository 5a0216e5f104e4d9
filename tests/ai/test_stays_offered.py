"""A walk-out past an offer (Level.stays_offered, on in the hard level;
game.ai.negotiator._offered_above; docs/lab/agents.md, "A walk-out past an offer"): at the game's
last venue, at a table of two, the temper's walk-out for distrust is not taken while the latest
package the counterpart put to us at this venue is worth more to us than what we have if nothing
more is agreed. In the random scenario timed-5 (as a file writes it; one venue of six rounds, d1
and d0 signing, d1 speaking first, d0 hot-tempered) the hard d0 walked out in rounds 3 to 5 with
such an offer before it, and the game ended at its walk-away value less the toll."""

from __future__ import annotations

import dataclasses

from game.ai import negotiator
from game.ai.levels import LEVELS
from game.ai.reading import counterparts, fallback, value_with
from game.engine import actions as A
from game.engine.utility import outcome_utility
from game.engine.view import View
from game.scenario import load_scenario, resolve
from tests.ai.seat_games import decided_gain, level_in_seat, level_views, replayed, timed_rule_game, timed_seat

HARD = LEVELS["hard"]
WITHOUT = dataclasses.replace(HARD, stays_offered=False)
DISTRUST = "there is no one here we can trust to keep their word"


def _latest_offer(view: View) -> float | None:
    """What the latest package the first counterpart put to us at this venue is worth to us (None
    if it put none), read from the public record of our answers and the proposals still before
    us: the rule's reading at a table of two, and what it would read at a table of several."""
    other = counterparts(view)[0]
    packages = {
        a.proposal: a.package
        for a in view.answers
        if a.who == view.me and a.author == other and a.venue == view.venue_index
    }
    packages.update({q.id: q.package for q in view.proposals if q.author == other and view.me in q.to})
    return value_with(view, packages[max(packages)]) if packages else None


def _offered_above(view: View) -> bool:
    """The rule's conditions, read from the view: the game's last venue, one counterpart, and
    its latest package to us here worth more to us than no further deal."""
    offer = _latest_offer(view)
    return not view.venues_left and len(counterparts(view)) == 1 and offer is not None and offer > fallback(view)


def test_the_hard_agent_stays_past_an_offer() -> None:
    """timed-5 d0's game 217: the first decision the rule changes is d0's turn in round 4, after
    it refused d1's partial package: without the rule it walks out for distrust, ending the game
    with nothing signed; with it, it stays, d1's latest package worth more to it than its
    walk-away value. d0 ends the game better off by more than 0.1 (fails with the rule off)."""
    assert HARD.stays_offered and not LEVELS["normal"].stays_offered
    sc, seat, seed, kept, (_, view, with_rule, without) = timed_rule_game(5, "d0", 217, HARD, WITHOUT, silent=False)
    assert view.round == 4
    assert isinstance(without.action, A.WalkOut) and without.reason == DISTRUST
    assert not isinstance(with_rule.action, A.WalkOut)
    assert _offered_above(view)
    assert negotiator._offered_above(view)
    # in a campaign, with a venue still to come, the walk-out does not end the game: no rule
    assert not negotiator._offered_above(dataclasses.replace(view, venues_left=1))
    _, lost = replayed(sc, seed, level_in_seat(sc, seed, seat, WITHOUT))
    assert outcome_utility(kept, seat) > outcome_utility(lost, seat) + 0.1


def test_the_rule_changes_only_distrust_walkouts_and_the_seat_gains() -> None:
    """Over timed-5 d0's first 150 games, every decision the rule changes is a walk-out for
    distrust taken without it and not with it, where its conditions hold; it changes at least
    eight; and the seat ends with more in total with the rule than without it, by 0.2 at least
    (fails with the rule off, which changes none)."""
    sc, seat = timed_seat(5, "d0", silent=False)
    changed, gain = decided_gain(sc, seat, HARD, WITHOUT, 150)
    assert len(changed) >= 8
    for view, chosen, otherwise in changed:
        assert isinstance(otherwise.action, A.WalkOut) and otherwise.reason == DISTRUST
        assert not isinstance(chosen.action, A.WalkOut)
        assert _offered_above(view)
    assert gain > 0.2


def test_at_a_table_of_several_the_temper_decides() -> None:
    """At a table of several (astana-8, every seat hard, three games) the rule never keeps a seat,
    though in many of those views one counterpart's latest package is worth more to us than no
    further deal: there another side's refusal can still sink it (fails if the rule reads the
    first counterpart of any table)."""
    path = resolve("astana-8")
    assert path is not None
    sc = load_scenario(path)
    views = [
        view
        for seed in range(3)
        for view in level_views(sc, seed, "hard", lambda v: not v.venues_left and len(counterparts(v)) > 1)
    ]
    assert not any(negotiator._offered_above(view) for view in views)
    above = [view for view in views if (offer := _latest_offer(view)) is not None and offer > fallback(view)]
    assert len(above) >= 10


def test_only_the_last_venues_packages_count() -> None:
    """At timed-10 (two venues, as a file writes it; every seat hard, eight games), in the last
    venue's views before the counterpart has put anything to us there, the rule does not keep the
    seat on the strength of the latest package of the venue before, even where that package is
    worth more to us than no further deal (fails if the record's venue is not read)."""
    sc, _ = timed_seat(10, "d0", silent=False)
    assert len(sc.venues) == 2
    views = [
        view
        for seed in range(8)
        for view in level_views(sc, seed, "hard", lambda v: not v.venues_left and len(counterparts(v)) == 1)
        if _latest_offer(view) is None
    ]
    assert not any(negotiator._offered_above(view) for view in views)

    def latest_before(view: View) -> float | None:
        other = counterparts(view)[0]
        earlier = {a.proposal: a.package for a in view.answers if a.who == view.me and a.author == other}
        return value_with(view, earlier[max(earlier)]) if earlier else None

    assert any((offer := latest_before(view)) is not None and offer > fallback(view) for view in views)
