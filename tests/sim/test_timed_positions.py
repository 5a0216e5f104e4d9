"""The random bench's tables state a position wherever a side weighs an issue, as a file does,
and none across the side's own red line (a file that does is refused)."""

from __future__ import annotations

import math
from dataclasses import replace

from tests.sim.timed_scenarios import timed_scenario


def test_every_weighed_issue_has_a_position_and_drawn_positions_stay() -> None:
    filled = capped = 0
    for seed in range(40):
        stated, silent = timed_scenario(seed), timed_scenario(seed, silent=True)
        for d, old in zip(stated.delegations, silent.delegations, strict=True):
            for i, weight in enumerate(d.weights):
                if weight > 0:
                    assert d.opening[i] >= 0, (seed, d.id, i)
                    assert d.opening[i] not in d.red_lines[i]
                if old.opening[i] >= 0 and old.opening[i] not in d.red_lines[i]:
                    assert d.opening[i] == old.opening[i]  # a drawn position a file can name
                elif weight > 0:
                    filled += 1
                    # the loader's default: the best option outside the side's red lines
                    allowed = [o for o in range(len(d.values[i])) if o not in d.red_lines[i]]
                    assert d.values[i][d.opening[i]] == max(d.values[i][o] for o in allowed)
        # nothing else differs between the two tables but what test_what_a_file_gives_plays_alike covers
        assert stated.issues == silent.issues and stated.venues == silent.venues
        assert stated.events == tuple(e for e in silent.events if e.round or e.weight > 0)
        assert stated.rules == replace(silent.rules, concession_cost=min(silent.rules.concession_cost, 100))
        capped += silent.rules.concession_cost > 100
    assert capped > 0  # the draw does go past what a file can give
    assert filled > 40  # the silent tables did leave weighed issues without a position


def test_what_a_file_gives_plays_alike() -> None:
    """The rest the stated tables take from the loader (timed_scenarios._as_a_file_gives): trust in
    itself and empty stances, which no game reads, events that never happen, and weights a
    rounding or two apart, which move a walk-away value set from them by a hundredth at most."""
    moved = {"trust": 0, "weights": 0, "stances": 0, "events": 0}
    for seed in range(40):
        stated, silent = timed_scenario(seed), timed_scenario(seed, silent=True)
        for k, (d, old) in enumerate(zip(stated.delegations, silent.delegations, strict=True)):
            assert d.trust[k] == 100
            assert d.trust[:k] + d.trust[k + 1 :] == old.trust[:k] + old.trust[k + 1 :]
            assert all(math.isclose(a, b, rel_tol=4e-16) for a, b in zip(d.weights, old.weights, strict=True))
            assert d.stances == old.stances or (not old.stances and d.stances == ("",) * len(stated.issues))
            assert (d.values, d.red_lines, d.support) == (old.values, old.red_lines, old.support)
            # set from the Nash package and rounded to hundredths (_balanced): where that rounding
            # or a tie turns on the weights' last bit it moves by the hundredth
            assert abs(d.reservation - old.reservation) <= 0.01 + 1e-9
            moved["trust"] += old.trust[k] != 100
            moved["weights"] += d.weights != old.weights
            moved["stances"] += d.stances != old.stances
        dropped = [e for e in silent.events if e not in stated.events]
        assert all(not e.round and e.weight <= 0 for e in dropped)
        moved["events"] += len(dropped)
    assert all(moved.values()), moved  # each of them does happen in the draws
