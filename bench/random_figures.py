"""Issue 10's figures on random scenarios nobody wrote (the time rules on).

    python bench/random_figures.py [--scenarios 20] [--games 50] [--start 0] [--jobs 2]

The scenarios are the first `--scenarios` sensible ones of tests/sim/timed_scenarios.py from
seed `--start` on: private types drawn with spreads, a delay cost, a breakdown risk, random
events, and a package every signatory prefers to no deal. Per scenario, with every seat played
by the normal agent over `--games` seeds (bench/skill_figures.py's `figures`): the share of
agreements made in the last round, distinct deals, the share of games with a partial deal, the
share whose deal (or its absence) switching random events off changes. Per signatory seat,
game.sim.tournament's rows for hard, normal, easy and random in that seat (the others normal,
the same seeds): mean surplus, and the paired difference to hard with its standard error.
The last line sums them up against issue 10's targets.
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from skill_figures import figures  # noqa: E402  (the same figures as the bundled scenarios')

from game.sim import tournament  # noqa: E402
from tests.sim.timed_scenarios import signatory_seats, timed_scenarios  # noqa: E402

KINDS = ("hard", "normal", "easy", "random")


def _cell(row: tournament.Row) -> str:
    if row.kind == tournament.BASELINE or row.diff_to_hard is None or row.se_diff is None:
        return f"{row.mean_surplus:+.3f}"
    return f"{row.mean_surplus:+.3f} ({row.diff_to_hard:+.3f}±{row.se_diff:.3f})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scenarios", type=int, default=20)
    parser.add_argument("--games", type=int, default=50, help="seeds per scenario (and per row of a seat)")
    parser.add_argument("--start", type=int, default=0, help="the first generator seed tried")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    started, cpu = time.perf_counter(), time.process_time()
    scenarios = timed_scenarios(args.scenarios, args.start)

    print(f"{args.scenarios} random scenarios from seed {args.start}, {args.games} seeds each; load {_load()}")
    print("\n| scenario | agreement | last-round share | distinct deals | partial deals | events change the deal |")
    print("|---|---|---|---|---|---|")
    agreements = last = deals = 0
    partial = events = 0.0
    for sc in scenarios:
        f = figures(sc, args.games, args.jobs)
        share = "-" if f["last_round_share"] is None else f"{f['last_round_share']:.0%}"
        print(
            f"| {sc.id} | {f['agreement']:.0%} | {share} | {f['distinct_deals']} | {f['partial_share']:.0%} "
            f"| {f['events_change_deal']:.0%} |",
            flush=True,
        )
        agreements += f["agreements"]
        last += round((f["last_round_share"] or 0.0) * f["agreements"])
        deals += f["distinct_deals"]
        partial += f["partial_share"]
        events += f["events_change_deal"]

    print("\nMean surplus per seat (the others normal); in brackets the paired difference to hard ± its SE")
    print("| scenario | seat | hard | normal | easy | random |")
    print("|---|---|---|---|---|---|")
    seats = worth = beats_random = none_beats_hard = ordered = 0
    for sc in scenarios:
        for seat in signatory_seats(sc):
            rows = {r.kind: r for r in tournament.run(sc, seat, args.games, jobs=args.jobs, kinds=KINDS)}
            print(f"| {sc.id} | {sc.delegations[seat].id} | " + " | ".join(_cell(rows[k]) for k in KINDS) + " |")
            rnd = rows["random"]
            assert rnd.diff_to_hard is not None and rnd.se_diff is not None
            seats += 1
            worth += -rnd.diff_to_hard >= 0.10
            beats_random += -rnd.diff_to_hard > 2 * rnd.se_diff
            none_beats_hard += all(
                (r.diff_to_hard or 0.0) <= (r.se_diff or 0.0) for r in rows.values() if r.kind != tournament.BASELINE
            )
            means = [rows[k].mean_surplus for k in KINDS]
            ordered += all(a > b for a, b in itertools.pairwise(means))

    n = len(scenarios)
    print(
        f"\nSummary: last round {last}/{agreements} agreements = {last / max(agreements, 1):.0%} (target <= 50%); "
        f"distinct deals {deals / n:.1f} per scenario in {args.games} games (target >= 10 in 300); "
        f"partial deals {partial / n:.0%} of games (target >= 10%); events change the deal in {events / n:.0%} "
        f"(target >= 10%); of {seats} signatory seats: hard - random >= 0.10 in {worth} (target: all), "
        f"hard > random by > 2 SE in {beats_random}, no level beats hard by > 1 SE in {none_beats_hard} (target: all), "
        f"hard > normal > easy > random on the means in {ordered} (target: 80% with each step > 2 SE)"
    )
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        f"{time.perf_counter() - started:.0f} s wall, {time.process_time() - cpu:.0f} s CPU here "
        f"+ {workers.ru_utime + workers.ru_stime:.0f} s in the workers; load {_load()}"
    )


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
