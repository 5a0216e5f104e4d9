"""How often do different ways of playing a seat end on the same result? Issue 10's newcomer test,
over many seeds.

    python bench/same_result.py [--scenario astana-8] [--seat ID ...] [--games 40] [--seed 100]

In each signatory seat, with the hard agent in every other seat (the game's hard difficulty),
eleven ways of playing the seat over the same seeds: the hard and normal agents, six strategies
of the library, and bench/early_moves.py's rows that meet, speak warmly or table the analysis's
Nash package from round 1. Per way: the seat's mean utility, and the seeds whose result (to the
hundredth) differs from accept-above-walkaway's, a newcomer who passes and takes any offer above
its walk-away value; and, per seat, the seeds where all eleven end the same. Prints figures only.
"""

from __future__ import annotations

import argparse
import statistics
import time

from early_moves import ROWS, _chooser

from game.ai.selfplay import play
from game.engine.utility import outcome_utility
from game.scenario import bundled, load_scenario
from game.sim.seating import game_choosers

WAYS = (
    "hard",
    "normal",
    "ideal-then-fold",
    "accept-above-walkaway",
    "hardline",
    "stonewall",
    "copy-last",
    "concede-all",
    "meet",
    "warm",
    "early",
)
BASE = "accept-above-walkaway"


def main() -> None:
    parser = argparse.ArgumentParser(allow_abbrev=False)
    parser.add_argument("--scenario", default="astana-8")
    parser.add_argument("--seat", action="append", help="a signatory's id (default: every signatory)")
    parser.add_argument("--games", type=int, default=40)
    parser.add_argument("--seed", type=int, default=100, help="the first seed")
    args = parser.parse_args()
    scenario = load_scenario(bundled().get(args.scenario) or args.scenario)
    signatories = sorted({d for v in scenario.venues for d in v.signatories})
    seats = [scenario.delegation_index[s] for s in args.seat] if args.seat else signatories
    seeds = range(args.seed, args.seed + args.games)
    print(f"{scenario.id}, hard agents in every other seat, seeds {seeds.start}-{seeds.stop - 1}")
    print("per way: mean utility / seeds whose result differs from accept-above-walkaway's")
    for seat in seats:
        started = time.perf_counter()
        results: dict[str, list[float]] = {}
        for way in WAYS:
            got = []
            for seed in seeds:
                others = {d: "hard" for d in range(len(scenario.delegations)) if d != seat}
                choosers = game_choosers(scenario, others, seed)
                choosers[seat] = (
                    _chooser(way, scenario, seat, seed)
                    if way in ROWS
                    else game_choosers(scenario, {seat: way}, seed)[seat]
                )
                got.append(round(outcome_utility(play(scenario, seed, choosers).state, seat), 2))
            results[way] = got
        same = sum(len({results[w][i] for w in WAYS}) == 1 for i in range(len(seeds)))
        base = results[BASE]
        print(f"\n{scenario.delegations[seat].id}: all {len(WAYS)} the same in {same} of {len(seeds)}")
        for way in WAYS:
            differs = sum(a != b for a, b in zip(results[way], base, strict=True))
            print(f"  {way:24}{statistics.mean(results[way]):7.3f} {differs:4}")
        print(f"  ({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
