"""Leave-one-out of the hard level on random tables: which of its rules cost on tables they were not
found on (docs/AI.md, "On tables no rule was tuned on").

    python bench/ablate_level.py [--start 21] [--count 20] [--games 100] [--jobs 2] [--only F1,F2]

Each variant is the hard level with one field set to the normal level's value (every field in
which the two levels differ, or those of `--only`); all of them play every signatory seat of the
tables over the tournament's seeds, paired with hard and normal, the other seats normal. Per seat it
prints the variants that move by more than two paired SE; at the end, per variant, the sum over the
seats of (variant - hard) with its standard error and the count of seats up and down by more than
two SE. A positive sum says hard does better without the rule on these tables.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.ai.levels import LEVELS  # noqa: E402
from game.sim import tournament as T  # noqa: E402
from tests.sim.timed_scenarios import signatory_seats, timed_scenarios  # noqa: E402

PREFIX = "without-"  # the variants' names among the levels while the run lasts (the workers are forked)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--start", type=int, default=21, help="the first generator seed (the rules were tuned on 0-20)")
    parser.add_argument("--count", type=int, default=20, help="how many random tables")
    parser.add_argument("--games", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--only", default="", help="comma-separated Level fields (default: every one hard and normal differ in)"
    )
    args = parser.parse_args()
    hard, normal = LEVELS["hard"], LEVELS["normal"]
    fields = [
        f.name
        for f in dataclasses.fields(hard)
        if f.name != "name" and getattr(hard, f.name) != getattr(normal, f.name)
    ]
    if args.only:
        fields = [f for f in fields if f in args.only.split(",")]
    for f in fields:
        LEVELS[PREFIX + f] = dataclasses.replace(hard, name=PREFIX + f, **{f: getattr(normal, f)})
    kinds = ("hard", "normal", *(PREFIX + f for f in fields))
    seats = [(sc, s) for sc in timed_scenarios(args.count, args.start) for s in signatory_seats(sc)]
    print(f"{len(fields)} variants, {len(seats)} seats, {args.games} games a row, paired", flush=True)
    diffs: dict[str, list[tuple[float, float]]] = {k: [] for k in kinds[1:]}
    for sc, seat in seats:
        rows = {r.kind: r for r in T.run(sc, seat, args.games, jobs=args.jobs, kinds=kinds)}
        moved = []
        for k in kinds[1:]:
            d, se = T.paired(rows[k].surplus, rows["hard"].surplus)
            diffs[k].append((d, se))
            if d != 0 and abs(d) > 2 * se:
                moved.append(f"{k}:{d:+.3f}")
        print(
            f"{sc.id}:{sc.delegations[seat].id} hard {rows['hard'].mean_surplus:+.3f} | " + " ".join(moved), flush=True
        )
    print("\n| variant | sum (variant - hard) | SE | seats up by > 2 SE | seats down by > 2 SE |")
    print("|---|---|---|---|---|")
    for k in sorted(kinds[1:], key=lambda k: -sum(d for d, _ in diffs[k])):
        total = sum(d for d, _ in diffs[k])
        se = math.sqrt(sum(x * x for _, x in diffs[k]))
        up = sum(1 for d, x in diffs[k] if d > 2 * x and d > 0)
        down = sum(1 for d, x in diffs[k] if d < -2 * x and d < 0)
        print(f"| {k} | {total:+.4f} | {se:.4f} | {up} | {down} |")


if __name__ == "__main__":
    main()
