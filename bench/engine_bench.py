"""Engine speed and memory on astana-8. Prints figures; asserts nothing.

    python bench/engine_bench.py [--games 50] [--scenario astana-8]

- actions/s: apply() alone, replaying the actions of recorded AI games;
- hashes/s: state_hash() on those states;
- games/s: complete AI-only games (agents' decisions included);
- peak memory: tracemalloc's peak over one game, and the process's max RSS.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import time
import tracemalloc

from game.ai import play
from game.engine import apply, new_game, state_hash
from game.scenario import load_scenario, resolve
from game.sim.simulate import game_seed


def main() -> None:
    parser = argparse.ArgumentParser(allow_abbrev=False)
    parser.add_argument("--games", type=int, default=50)
    parser.add_argument("--scenario", default="astana-8")
    args = parser.parse_args()
    path = resolve(args.scenario)
    if path is None:
        raise SystemExit(f"no scenario {args.scenario!r}")
    scenario = load_scenario(path)
    seeds = [game_seed(0, i) for i in range(args.games)]

    play(scenario, seeds[0])  # warm-up
    t0 = time.perf_counter()
    games = [play(scenario, s) for s in seeds]
    game_time = time.perf_counter() - t0
    actions = sum(len(g.actions) for g in games)

    t0 = time.perf_counter()
    states = []
    for s, g in zip(seeds, games, strict=True):
        state, _ = new_game(scenario, s)
        for action in g.actions:
            state, _ = apply(state, action)
            states.append(state)
    apply_time = time.perf_counter() - t0

    t0 = time.perf_counter()
    for state in states:
        state_hash(state)
    hash_time = time.perf_counter() - t0

    tracemalloc.start()
    play(scenario, seeds[0])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(
        json.dumps(
            {
                "scenario": scenario.id,
                "games": args.games,
                "mean_actions_per_game": round(actions / args.games, 1),
                "median_actions_per_game": statistics.median(len(g.actions) for g in games),
                "actions_per_s": round(actions / apply_time),
                "state_hashes_per_s": round(len(states) / hash_time),
                "ai_games_per_s": round(args.games / game_time, 2),
                "peak_traced_kib_one_game": round(peak / 1024),
                "max_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
