"""The random bench's tables state a position wherever a side weighs an issue, as a file does,
and none across the side's own red line (a file that does is refused)."""

from __future__ import annotations

from tests.sim.timed_scenarios import timed_scenario


def test_every_weighed_issue_has_a_position_and_drawn_positions_stay() -> None:
    filled = 0
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
        # nothing else differs between the two tables
        assert stated.issues == silent.issues and stated.venues == silent.venues
        assert stated.events == silent.events and stated.rules == silent.rules
    assert filled > 40  # the silent tables did leave weighed issues without a position
