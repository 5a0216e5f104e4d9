"""AI games per second on the path `peacetalks simulate` takes. Prints figures.

    python bench/simulate_bench.py [--scenario astana-8] [--games 100] [--repeat 3]

Runs `peacetalks simulate SCENARIO --games N --json` in this process (game.cli.main, output
discarded), one job, and reports the best of `--repeat` runs: games/s and actions/s, by the
wall clock and by the process's CPU time (on a shared machine the CPU figure is the steadier:
other processes lengthen the wall time, not the work done), with the load average.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import time

from game.cli import main as peacetalks


def main() -> None:
    parser = argparse.ArgumentParser(allow_abbrev=False)
    parser.add_argument("--scenario", default="astana-8")
    parser.add_argument("--games", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    argv = ["simulate", args.scenario, "--games", str(args.games), "--json"]
    with contextlib.redirect_stdout(io.StringIO()):
        peacetalks([*argv[:3], "2", "--json"])  # warm: imports and the scenario's analysis
    best = cpu = float("inf")
    actions = 0
    for _ in range(args.repeat):
        out = io.StringIO()
        t0, c0 = time.perf_counter(), time.process_time()
        with contextlib.redirect_stdout(out):
            status = peacetalks(argv)
        best = min(best, time.perf_counter() - t0)
        cpu = min(cpu, time.process_time() - c0)
        assert status == 0
        actions = sum(r["actions"] for r in json.loads(out.getvalue())["results"])
    print(
        json.dumps(
            {
                "scenario": args.scenario,
                "games": args.games,
                "seconds": round(best, 3),
                "games_per_s": round(args.games / best, 1),
                "actions_per_s": round(actions / best),
                "cpu_seconds": round(cpu, 3),
                "games_per_cpu_s": round(args.games / cpu, 1),
                "actions_per_cpu_s": round(actions / cpu),
                # the machine's load over the last 1, 5 and 15 minutes, as the run ended: a CPU
                # second does less on a loaded machine, so figures compare only at a like load
                "load_average": [round(x, 2) for x in os.getloadavg()],
            }
        )
    )


if __name__ == "__main__":
    main()
