"""What the hard agent's rehearsal (game.ai.rehearsal) costs, seat by seat. Prints figures.

    python bench/rehearsal_bench.py [--scenario NAME ...]
    python bench/rehearsal_bench.py --workers J --scenario PATH   # the interface's way

For every signatory seat of each scenario (default: every bundled one), in a fresh cache: the CPU
seconds of its rehearsal (a scenario's first seat also plays the games with the normal agent
everywhere, which its other seats share), the games each style played, and the style kept. This
is the pause before a hard seat's first move, once a process.

With `--workers J`, each scenario's seats are rehearsed as the interface rehearses them at a table
the book does not hold (game.sim.rehearsers, J worker processes), and then one after another in
this process: the wall clock of each, and whether they kept the same styles. Give it a file the
book does not hold (a bundled scenario's seats are read from the book, and nothing rehearses).
"""

from __future__ import annotations

import argparse
import time

from game.ai import rehearsal
from game.engine.model import Scenario
from game.scenario import bundled, load_scenario, resolve
from game.sim.rehearsers import rehearse_in_workers


def main() -> None:
    parser = argparse.ArgumentParser(allow_abbrev=False)
    parser.add_argument("--scenario", action="append", default=[])
    parser.add_argument("--workers", type=int, default=0)
    args = parser.parse_args()
    names = args.scenario or sorted(bundled())
    if args.workers:
        for name in names:
            _workers(_load(name), args.workers)
        return
    styles = ", ".join(rehearsal.style_name(style) for style in rehearsal.STYLES["hard"])
    print(f"| scenario | seat | CPU s | games a style ({styles}) | style kept |")
    print("|---|---|---|---|---|")
    total = 0.0
    for name in names:
        scenario = _load(name)
        for seat in sorted({d for venue in scenario.venues for d in venue.signatories}):
            start = time.process_time()
            found = rehearsal.choice(scenario, seat)
            spent = time.process_time() - start
            total += spent
            games = ", ".join(str(len(s)) for s in found.scores)
            kept = rehearsal.style_name(found.style)
            print(f"| {name} | {scenario.delegations[seat].id} | {spent:.2f} | {games} | {kept} |")
    print(f"\n{total:.1f} CPU s in all")


def _load(name: str) -> Scenario:
    path = resolve(name)
    if path is None:
        raise SystemExit(f"no scenario {name!r}")
    return load_scenario(path)


def _workers(scenario: Scenario, jobs: int) -> None:
    seats = {seat: "hard" for venue in scenario.venues for seat in venue.signatories}
    start = time.perf_counter()
    rehearse_in_workers(scenario, seats, jobs)
    wall = time.perf_counter() - start
    over = {seat: rehearsal.choice(scenario, seat).style for seat in seats}  # kept by the workers
    rehearsal._choices.clear()
    start = time.perf_counter()
    here = {seat: rehearsal.choice(scenario, seat).style for seat in seats}
    alone = time.perf_counter() - start
    print(
        f"{scenario.id}: {len(seats)} hard seats, {wall:.1f} s over {jobs} worker processes, "
        f"{alone:.1f} s in this process; the same styles: {'yes' if over == here else 'NO'}"
    )


if __name__ == "__main__":
    main()
