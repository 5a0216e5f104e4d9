"""How long an AI negotiator takes to decide, per turn, on a bundled scenario. Prints figures.

    python bench/ai_bench.py [--games 40] [--scenario astana-8] [--level normal]

Each decision is timed from the state to the chosen action: building the agent's view, its
beliefs about the others, and its choice.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from game.ai.seats import chooser
from game.ai.selfplay import agent_rng
from game.engine import apply, new_game, view_for
from game.scenario import load_scenario, resolve
from game.sim.simulate import game_seed


def main() -> None:
    parser = argparse.ArgumentParser(allow_abbrev=False)
    parser.add_argument("--games", type=int, default=40)
    parser.add_argument("--scenario", default="astana-8")
    parser.add_argument("--level", default="normal")
    args = parser.parse_args()
    path = resolve(args.scenario)
    if path is None:
        raise SystemExit(f"no scenario {args.scenario!r}")
    scenario = load_scenario(path)
    choose = chooser(args.level)
    times: list[float] = []
    for i in range(args.games):
        state, _ = new_game(scenario, game_seed(0, i))
        while not state.over:
            t0 = time.perf_counter()
            decision = choose(view_for(state, state.actor), agent_rng(state))
            times.append(time.perf_counter() - t0)
            state, _ = apply(state, decision.action)
    times.sort()
    print(
        json.dumps(
            {
                "scenario": scenario.id,
                "level": args.level,
                "decisions": len(times),
                "median_ms": round(statistics.median(times) * 1000, 3),
                "p95_ms": round(times[int(len(times) * 0.95)] * 1000, 3),
                "max_ms": round(times[-1] * 1000, 3),
            }
        )
    )


if __name__ == "__main__":
    main()
