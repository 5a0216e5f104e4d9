"""The legal-move core: the random agent over legal moves, and what asking for them costs.

    python bench/legal_bench.py [--games 10000]

- refused moves: whole games of the random agent (game.ai.random_agent, drawing uniformly over
  game.engine.legal's moves) on small random scenarios (game.sim.random_scenarios), every seat
  random; the engine must refuse none of them (exits 1 if it does). The suite plays 1,000 of
  these games (tests/engine/test_legal.py); this plays the full 10,000 the issue asks for.
- cost: legal_moves(state) with a status, a count and a draw, per call, on astana-8's states.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter

from game.ai import play
from game.ai.random_agent import choose_random
from game.ai.selfplay import agent_rng
from game.engine import apply, new_game, view_for
from game.engine.errors import GameError
from game.engine.legal import KINDS, legal_moves
from game.engine.rng import Rng
from game.scenario import load_scenario, resolve
from game.sim.random_scenarios import random_scenario


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--games", type=int, default=10_000)
    args = parser.parse_args()

    t0 = time.perf_counter()
    actions = refused = 0
    kinds: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    for seed in range(args.games):
        state, _ = new_game(random_scenario(seed), seed)
        while not state.over:
            action = choose_random(view_for(state, state.actor), agent_rng(state)).action
            kinds[action.kind] += 1
            try:
                state, _ = apply(state, action)
            except GameError as e:
                refused += 1
                print(f"refused in game {seed}: {action}: {e}", file=sys.stderr)
                break
            actions += 1
        outcomes[state.outcome or "stopped"] += 1
    elapsed = time.perf_counter() - t0
    print(f"random agent: {args.games} games on random scenarios, {actions} actions, {refused} refused")
    print(
        f"  {elapsed:.1f} s ({args.games / elapsed:.0f} games/s, {actions / elapsed:.0f} actions/s, view and draw included)"
    )
    print("  actions: " + ", ".join(f"{k} {kinds[k]}" for k in KINDS))
    print("  outcomes: " + ", ".join(f"{k} {n}" for k, n in sorted(outcomes.items())))

    path = resolve("astana-8")
    assert path is not None
    states = []
    game = play(load_scenario(path), 1)
    state, _ = new_game(game.state.scenario, 1)
    for action in game.actions:
        states.append(state)
        state, _ = apply(state, action)
    rng = Rng(1)
    t0 = time.perf_counter()
    for s in states:
        moves = legal_moves(s)
        moves.status("concede")
        moves.count()
        moves.draw(rng)
    per = (time.perf_counter() - t0) / len(states)
    print(f"legal_moves + status + count + draw on astana-8: {per * 1e6:.0f} µs per state ({len(states)} states)")
    sys.exit(1 if refused else 0)


if __name__ == "__main__":
    main()
