"""Issue 10's figures on random scenarios nobody wrote (the time rules on).

    python bench/random_figures.py [--scenarios 20] [--games 50] [--start 0] [--jobs 2]
    python bench/random_figures.py --write DIR [--scenarios 20] [--start 0]

The scenarios are the first `--scenarios` sensible ones of tests/sim/timed_scenarios.py from
seed `--start` on: private types drawn with spreads, a delay cost, a breakdown risk, random
events, and a package every signatory prefers to no deal. Per scenario, with every seat played
by the normal agent over `--games` seeds (bench/skill_figures.py's `figures`): the share of
agreements made in the last round, distinct deals, the share of games with a partial deal, the
share whose deal (or its absence) switching random events off changes. Per signatory seat,
game.sim.tournament's rows for every level and strategy in that seat (the others normal, the
same seeds; `--levels-only`: hard, normal, easy and random), summed up as bench/tournaments.py
sums up the bundled scenarios' seats: the levels' mean surplus, hard - random, whether each step
of hard > normal > easy > random is more than two standard errors (paired over the same seeds), the best strategy and the
rows that beat hard by more than one. The last line sums it all up against issue 10's targets.

`--write DIR` measures nothing: it writes the tables a run with the same `--scenarios`, `--start`
and `--silent` measures as scenario files, DIR/timed-N.yaml (tests/sim/scenario_file.py; the
loader reads each back as the same table, tests/sim/test_scenario_file.py), for
`peacetalks tournament DIR/timed-N.yaml --seat d0`; a table no file can say is named with why.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from skill_figures import figures  # noqa: E402  (the same figures as the bundled scenarios')
from tournaments import ordering, summary  # noqa: E402  (and the same summary of the seats)

from game.engine.model import Scenario  # noqa: E402
from game.sim import tournament as T  # noqa: E402
from tests.sim.scenario_file import NotWritable, write_scenario  # noqa: E402
from tests.sim.timed_scenarios import signatory_seats, timed_scenarios  # noqa: E402

LEVELS = ("hard", "normal", "easy", "random")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scenarios", type=int, default=20)
    parser.add_argument("--games", type=int, default=50, help="seeds per scenario (and per row of a seat)")
    parser.add_argument("--start", type=int, default=0, help="the first generator seed tried")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--levels-only", action="store_true", help="hard, normal, easy and random; not the library")
    parser.add_argument(
        "--silent",
        action="store_true",
        help="the tables of before 4 December 2026: sides silent on issues they weigh (no file can write them)",
    )
    parser.add_argument(
        "--write", type=Path, default=None, metavar="DIR", help="write the tables as DIR/timed-N.yaml; measure nothing"
    )
    args = parser.parse_args()
    started, cpu = time.perf_counter(), time.process_time()
    scenarios = timed_scenarios(args.scenarios, args.start, args.silent)
    if args.write is not None:
        sys.exit(write(scenarios, args.write))
    kinds = LEVELS if args.levels_only else T.KINDS

    print(f"{args.scenarios} random scenarios from seed {args.start}, {args.games} seeds each; load {_load()}")
    print("\nEvery seat normal (bench/skill_figures.py's figures):\n")
    print("| scenario | agreement | last-round share | distinct deals | partial deals | events change the deal |")
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

    print(
        f"\nThe tournament in every signatory seat ({', '.join(kinds)}; the others normal), as bench/tournaments.py sums it up:\n"
    )
    results: list[tuple[str, str, list[T.Row]]] = []
    for sc in scenarios:
        for seat in signatory_seats(sc):
            rows = T.run(sc, seat, args.games, jobs=args.jobs, kinds=kinds)
            results.append((sc.id, sc.delegations[seat].id, rows))
    print(summary(results))

    seats = len(results)
    by_kind = [{r.kind: r for r in rows} for _, _, rows in results]
    stakes = sum(r["hard"].mean_surplus - r["random"].mean_surplus >= 0.10 for r in by_kind)
    order = sum(not ordering(rows) for _, _, rows in results)
    # the library's strategies only (random alone with --levels-only): the levels' order is `order`
    unbeaten = sum(
        not any(
            r.kind not in ("normal", "easy") and (r.diff_to_hard or 0.0) > (r.se_diff or 0.0) for r in rows.values()
        )
        for rows in by_kind
    )
    n = len(scenarios)
    print(
        f"\nSummary against issue 10's targets: last round {last}/{agreements} agreements = "
        f"{last / max(agreements, 1):.0%} (target <= 50%); distinct deals {deals / n:.1f} per scenario in "
        f"{args.games} games (target >= 10 in 300); partial deals {partial / n:.0%} of games (target >= 10%); "
        f"events change the deal in {events / n:.0%} (target >= 10%); of {seats} signatory seats: "
        f"hard - random >= 0.10 in {stakes} (target: all), no strategy of the library "
        f"{'(only random played) ' if args.levels_only else ''}"
        f"beats hard by > 1 SE in {unbeaten} (target: all), hard > normal > easy > random each by > 2 SE "
        f"in {order} (target: 80%)"
    )
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        f"{time.perf_counter() - started:.0f} s wall, {time.process_time() - cpu:.0f} s CPU here "
        f"+ {workers.ru_utime + workers.ru_stime:.0f} s in the workers; load {_load()}"
    )


def write(scenarios: list[Scenario], folder: Path) -> int:
    """Each table as folder/<id>.yaml, one line each; the exit status (1 if none could be)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"random_figures: error: --write {folder}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    written = 0
    for sc in scenarios:
        try:
            path = write_scenario(sc, folder / f"{sc.id}.yaml")
        except NotWritable as exc:
            print(f"{sc.id}: not written: {'; '.join(exc.problems)}")
            continue
        except OSError as exc:
            print(f"random_figures: error: {folder / sc.id}.yaml: {exc.strerror or exc}", file=sys.stderr)
            return 1
        seats = " ".join(sc.delegations[d].id for d in signatory_seats(sc))
        print(f"{path}  (signatory seats: {seats})")
        written += 1
    print(f"{written} of {len(scenarios)} tables written; play one with: peacetalks tournament FILE --seat ID")
    return 0 if written else 1


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
