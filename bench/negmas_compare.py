"""Our engine and agents against NegMAS on the same bilateral domain, measured in one run.

    python bench/negmas_compare.py [--n 200] [--negmas-python PATH]

The domain is ../shared/bench/negmas_peer.py's, written as bench/negmas-domain.yaml. NegMAS is
never a dependency of the project: it runs in its own virtual environment, made once with

    python3 -m venv /tmp/negmas-venv && /tmp/negmas-venv/bin/pip install negmas

and called here as a subprocess (PATH defaults to that environment's python, or $NEGMAS_PYTHON).
A step is one offer on the table, as in NegMAS's alternating-offers protocol.

Ours is measured on the path a user runs: `peacetalks simulate bench/negmas-domain.yaml --games N
--json`, in this process (game.cli.main, one job), every rule of the engine and the agents as a
game plays them, and each game judged against the domain's Pareto frontier as simulate does.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import subprocess
import time
from pathlib import Path

from game.cli import main as peacetalks

HERE = Path(__file__).resolve().parent
PEER = HERE.parent.parent / "shared" / "bench" / "negmas_peer.py"
DOMAIN = HERE / "negmas-domain.yaml"


def ours(n: int) -> dict[str, object]:
    argv = ["simulate", str(DOMAIN), "--games", str(n), "--seed", "0", "--json"]
    with contextlib.redirect_stdout(io.StringIO()):
        peacetalks([*argv[:3], "2", *argv[4:]])  # warm: imports and the domain's analysis
    out = io.StringIO()
    t0, c0 = time.perf_counter(), time.process_time()
    with contextlib.redirect_stdout(out):
        status = peacetalks(argv)
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    assert status == 0
    results = json.loads(out.getvalue())["results"]
    actions = sum(r["actions"] for r in results)
    first = results[0]["agreement"]
    return {
        "peer": "peacetalks simulate: boulware (A) vs conceder (B), level normal",
        "negotiations_per_s": round(n / elapsed, 2),
        # this process's CPU time: on a shared machine, steadier than the wall clock
        "negotiations_per_cpu_s": round(n / cpu, 2),
        "actions_per_s": round(actions / elapsed, 1),
        "agreement": list(first.values()) if first else None,
        "agreement_rate": sum(bool(r["agreement"]) for r in results) / n,
    }


# The peer's own loop, run in NegMAS's environment with the CPU clock beside the wall clock (the
# peer file prints only the wall clock's rate): its negotiate() imported from the file, one
# warm-up negotiation, then n timed as the peer times them.
_PEER_CPU = """
import importlib.util, json, sys, time, warnings
warnings.simplefilter("ignore")
spec = importlib.util.spec_from_file_location("negmas_peer", sys.argv[1])
peer = importlib.util.module_from_spec(spec)
spec.loader.exec_module(peer)
n = int(sys.argv[2])
peer.negotiate()
steps = 0
t, c = time.perf_counter(), time.process_time()
for _ in range(n):
    state = peer.negotiate()
    steps += state.step
wall, cpu = time.perf_counter() - t, time.process_time() - c
print(json.dumps({
    "peer": "negmas SAOMechanism Boulware vs Conceder",
    "negotiations_per_s": round(n / wall, 2),
    "negotiations_per_cpu_s": round(n / cpu, 2),
    "steps_per_s": round(steps / wall, 1),
    "agreement": list(state.agreement) if state.agreement else None,
    "agreement_step": state.step,
}))
"""


def theirs(n: int, python: str, peer: str) -> dict[str, object]:
    out = subprocess.run([python, "-c", _PEER_CPU, peer, str(n)], capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(allow_abbrev=False)
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--negmas-python", default=os.environ.get("NEGMAS_PYTHON", "/tmp/negmas-venv/bin/python"))
    # the peer sits beside the repository; a worktree elsewhere names it
    parser.add_argument("--peer", default=os.environ.get("NEGMAS_PEER", str(PEER)), help="negmas_peer.py")
    args = parser.parse_args()
    mine = ours(args.n)
    if not Path(args.negmas_python).exists():
        print(json.dumps({"ours": mine, "negmas": "not installed: see this file's docstring"}, indent=2))
        return
    peer = theirs(args.n, args.negmas_python, args.peer)
    ratio = float(mine["negotiations_per_s"]) / float(peer["negotiations_per_s"])  # type: ignore[arg-type]
    # by each side's own CPU time: on a loaded machine the wall clocks of two runs a few seconds
    # apart see different loads, and this ratio is the steadier
    cpu_ratio = float(mine["negotiations_per_cpu_s"]) / float(peer["negotiations_per_cpu_s"])  # type: ignore[arg-type]
    print(
        json.dumps(
            {
                "ours": mine,
                "negmas": peer,
                "speed_ratio": round(ratio, 1),
                "cpu_speed_ratio": round(cpu_ratio, 1),
                # the machine's load as the run ended (1, 5, 15 minutes): see simulate_bench.py
                "load_average": [round(x, 2) for x in os.getloadavg()],
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
