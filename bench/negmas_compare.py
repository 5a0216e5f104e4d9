"""Our engine and agents against NegMAS on the same bilateral domain, measured in one run.

    python bench/negmas_compare.py [--n 200] [--negmas-python PATH]

The domain is ../shared/bench/negmas_peer.py's, written as bench/negmas-domain.yaml. NegMAS is
never a dependency of the project: it runs in its own virtual environment, made once with

    python3 -m venv /tmp/negmas-venv && /tmp/negmas-venv/bin/pip install negmas

and called here as a subprocess (PATH defaults to that environment's python, or $NEGMAS_PYTHON).
A step is one offer on the table, as in NegMAS's alternating-offers protocol.

Ours is measured two ways, over the same seeds:
- "fast": game.sim.bilateral, our negotiator on the fast path for pure bargaining (a domain with
  no politics, which this one is); tests/ai/test_bilateral.py proves it takes exactly the
  actions the engine-driven agents take;
- "engine": the same agents through the full game engine (an immutable state, every rule,
  every action), as a game plays them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import time
from pathlib import Path

from game.ai import play
from game.scenario import load_scenario
from game.sim.bilateral import play_bargain

HERE = Path(__file__).resolve().parent
PEER = HERE.parent.parent / "shared" / "bench" / "negmas_peer.py"


def ours(n: int) -> dict[str, object]:
    scenario = load_scenario(HERE / "negmas-domain.yaml")
    play(scenario, 0)  # warm-up
    play_bargain(scenario, 0)
    steps = 0
    t0 = time.perf_counter()
    for seed in range(n):
        fast = play_bargain(scenario, seed)
        steps += fast.proposals
    fast_elapsed = time.perf_counter() - t0
    t0 = time.perf_counter()
    for seed in range(n):
        game = play(scenario, seed)
    elapsed = time.perf_counter() - t0
    state = game.state
    agreement = [scenario.issues[i].options[o].id for i, o in enumerate(state.settled)] if state.agreements else None
    fast_agreement = (
        [scenario.issues[i].options[o].id for i, o in enumerate(fast.agreement)] if fast.agreement else None
    )
    return {
        "peer": "peacetalks negotiator, boulware (A) vs conceder (B), level normal",
        "negotiations_per_s": round(n / fast_elapsed, 2),
        "steps_per_s": round(steps / fast_elapsed, 1),
        "agreement": fast_agreement,
        "agreement_step": fast.proposals,
        "engine_negotiations_per_s": round(n / elapsed, 2),
        "engine_agreement": agreement,
        "engine_agreement_step": sum(1 for a in game.actions if a.kind == "propose"),
    }


def theirs(n: int, python: str, peer: str) -> dict[str, object]:
    out = subprocess.run([python, peer, "--n", str(n)], capture_output=True, text=True, check=True)
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
    theirs_per_s = float(peer["negotiations_per_s"])  # type: ignore[arg-type]
    ratio = float(mine["negotiations_per_s"]) / theirs_per_s  # type: ignore[arg-type]
    engine_ratio = float(mine["engine_negotiations_per_s"]) / theirs_per_s  # type: ignore[arg-type]
    print(
        json.dumps(
            {
                "ours": mine,
                "negmas": peer,
                "speed_ratio": round(ratio, 1),
                "engine_speed_ratio": round(engine_ratio, 1),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
