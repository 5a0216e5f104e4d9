"""Analysis speed on a synthetic space of 10^6 packages. Prints figures; asserts nothing.

    python bench/analysis_bench.py [--issues 6] [--options 10] [--parties 3]

The domain is made here from a fixed seed: opposed ladders (each party prefers one end of each
issue, with its own weights), so the frontier is large, as in real negotiations.
"""

from __future__ import annotations

import argparse
import json
import random
import time

from game.analysis import analyze
from game.engine.model import Delegation, Issue, Option, Personality, Scenario, Venue


def synthetic(issues: int, options: int, parties: int, seed: int = 7) -> Scenario:
    rnd = random.Random(seed)  # the bench's own generator: this is test data, not game state
    the_issues = tuple(
        Issue(f"i{k}", f"Issue {k}", tuple(Option(f"o{j}", f"Option {j}") for j in range(options)), 0)
        for k in range(issues)
    )
    delegations = []
    for p in range(parties):
        raw = [rnd.random() + 0.1 for _ in range(issues)]
        weights = tuple(w / sum(raw) for w in raw)
        values = []
        for _ in range(issues):
            rising = rnd.random() < 0.5
            values.append(tuple((j / (options - 1)) if rising else 1 - j / (options - 1) for j in range(options)))
        delegations.append(
            Delegation(
                id=f"p{p}",
                name=f"Party {p}",
                leader="-",
                role="party",
                patrons=(),
                controller="ai",
                personality=Personality(),
                weights=weights,
                values=tuple(values),
                red_lines=tuple(frozenset() for _ in range(issues)),
                reservation=0.3,
                support=60,
                trust=(50,) * parties,
                opening=(0,) * issues,
            )
        )
    venue = Venue("v", "Venue", tuple(range(issues)), tuple(range(parties)), tuple(range(parties)), 1, 10, 50)
    return Scenario("synthetic", "Synthetic", "-", (), the_issues, tuple(delegations), (venue,))


def main() -> None:
    parser = argparse.ArgumentParser(allow_abbrev=False)
    parser.add_argument("--issues", type=int, default=6)
    parser.add_argument("--options", type=int, default=10)
    parser.add_argument("--parties", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    scenario = synthetic(args.issues, args.options, args.parties)
    times = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        result = analyze(scenario)
        times.append(time.perf_counter() - t0)
    data = result.to_json()
    print(
        json.dumps(
            {
                "packages": data["packages"],
                "parties": args.parties,
                "exact": data["exact"],
                "pareto_size": data["pareto_size"],
                "zopa_size": data["zopa_size"],
                "best_s": round(min(times), 3),
                "median_s": round(sorted(times)[len(times) // 2], 3),
            }
        )
    )


if __name__ == "__main__":
    main()
