"""Issue 10's figures on random scenarios with the time rules on (tests/sim/timed_scenarios.py):
the properties that must hold on any sensible scenario and show already in a few games. The
full figures, over more scenarios and seeds, are printed by bench/random_figures.py."""

from __future__ import annotations

import dataclasses

import pytest

from game.engine import new_game
from game.sim import tournament as T
from game.sim.simulate import summarise
from tests.sim.timed_scenarios import sensible, signatory_seats, timed_scenario, timed_scenarios

# the first six sensible scenarios of the generator, as they come (none picked by hand)
SCENARIOS = timed_scenarios(6)
GAMES = 12
# What the hard agent must earn over the random one, on average over the seats: the issue asks
# 0.10 in every seat; these few games over six small scenarios hold it to a little less, pooled.
HARD_OVER_RANDOM = 0.08


@pytest.fixture(scope="module")
def hard_and_random() -> list[tuple[T.Row, T.Row]]:
    """Per signatory seat of every scenario: the hard agent's row and the random agent's."""
    out = []
    for sc in SCENARIOS:
        for seat in signatory_seats(sc):
            hard, rnd = T.run(sc, seat, GAMES, seed=3, kinds=("hard", "random"))
            out.append((hard, rnd))
    return out


def test_the_generator_turns_the_time_rules_on_and_is_seeded() -> None:
    for seed in range(30):
        sc = timed_scenario(seed)
        assert sc == timed_scenario(seed)
        r = sc.rules
        assert r.delay_cost > 0 and r.breakdown_risk > 0
        assert r.weight_spread > 0 and r.value_spread > 0 and r.reservation_spread > 0
        assert all(v.rounds >= 3 and v.random_events > 0 for v in sc.venues)
        assert any(e.weight > 0 for e in sc.events)
        # what an author adds (docs/SCENARIOS.md): an issue every delegation can settle on its
        # own, a contested one, and events that move a signatory's walk-away value by 0.15 or more
        assert all({"common", "contested"} <= {sc.issues[i].id for i in v.agenda} for v in sc.venues)
        assert any(x.kind == "walk_away" and x.delta >= 15 for e in sc.events if e.weight > 0 for x in e.effects)
        # ...and one that can take a signatory from the table, only in round 2 and only while its
        # trust in another signatory has not grown (a card the table can head off, as Sochi's)
        signatories = {d for v in sc.venues for d in v.signatories}
        assert any(
            {c.kind for c in e.when} == {"round", "trust"}
            and all(x.a in signatories for x in e.effects if x.kind == "leave")
            for e in sc.events
            if e.weight > 0 and any(x.kind == "leave" for x in e.effects)
        )
        # no scripted event takes a signatory away whatever happens (validate warns of one)
        assert not any(
            e.round > 0 and not e.when and any(x.kind == "leave" and x.a in signatories for x in e.effects)
            for e in sc.events
        )
        new_game(sc, seed)  # a scenario the engine accepts
    assert len({timed_scenario(s).rules for s in range(30)}) > 20  # the rule numbers vary too
    # sensible: the file's numbers leave every signatory a deal worth making
    assert all(sensible(sc) for sc in SCENARIOS)
    assert not all(sensible(timed_scenario(s)) for s in range(30))  # the check does refuse some


def test_the_hard_agent_earns_more_than_the_random_one(hard_and_random: list[tuple[T.Row, T.Row]]) -> None:
    """Over the seats together by a clear margin, and in most seats on its own (not all: see
    docs/AI.md on random scenarios for the seats where it does not)."""
    diffs = [h.mean_surplus - r.mean_surplus for h, r in hard_and_random]
    assert sum(diffs) / len(diffs) >= HARD_OVER_RANDOM
    assert sum(d > 0 for d in diffs) > len(diffs) / 2


def test_when_time_costs_agreements_do_not_all_wait_for_the_last_round(
    hard_and_random: list[tuple[T.Row, T.Row]],
) -> None:
    agreements = last = 0.0
    for hard, _ in hard_and_random:
        made = hard.agreement_rate * hard.games
        agreements += made
        last += (hard.last_round_share or 0.0) * made
    assert agreements >= len(hard_and_random) * GAMES / 2  # deals are made at all
    assert last <= agreements / 2  # issue 10: at most half in the last round


def test_the_generated_tables_settle_part_of_an_agenda_and_events_decide_some_deals() -> None:
    """Every seat normal, as bench/skill_figures.py plays them: the common-ground issue lets some
    games end with part of the agenda settled and the rest open, and the ground-moving events
    (walk_away effects) and the departures (leave) change whether anything is agreed in some games against the same seeds
    with the venues' random events off. Issue 10 asks 10% of each; a few games on six scenarios
    show whether the generator gives either at all (bench/random_figures.py measures the shares)."""
    games = partial = flips = 0
    for sc in SCENARIOS:
        results = summarise(sc, GAMES, 0, detail=True)["results"]
        quiet = dataclasses.replace(sc, venues=tuple(dataclasses.replace(v, random_events=0.0) for v in sc.venues))
        calm = summarise(quiet, GAMES, 0)["results"]
        agenda = {v.id: {sc.issues[i].id for i in v.agenda} for v in sc.venues}
        for r, q in zip(results, calm, strict=True):
            games += 1
            flips += bool(r["agreement"]) != bool(q["agreement"])
            settled: set[str] = set()
            split = False
            for a in r["detail"]["agreements"]:
                split |= set(a["package"]) < agenda[a["venue"]] - settled
                settled |= set(a["package"])
            partial += split
    assert partial >= games / 20
    assert flips >= games / 20


def test_the_figures_are_the_same_for_any_number_of_jobs() -> None:
    sc = SCENARIOS[2]
    seat = signatory_seats(sc)[0]
    kinds = ("hard", "normal", "easy", "random")
    one = T.run(sc, seat, 8, seed=1, jobs=1, kinds=kinds)
    two = T.run(sc, seat, 8, seed=1, jobs=2, kinds=kinds)
    assert [dataclasses.replace(r, seconds=0.0) for r in one] == [dataclasses.replace(r, seconds=0.0) for r in two]
