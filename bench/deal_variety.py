"""Why a random scenario's all-normal games make few distinct deals (issue 10: at least 10 in 300).

    python bench/deal_variety.py [--games 300] [--jobs 2] [--scales 0 1 3] [--only timed-7 ...]

Per random scenario of bench/random_figures.py (tests/sim/timed_scenarios.py), every seat normal,
over the seeds `simulate --seed 0` plays:
- `zone`: the packages of the zone of agreement, with the file's numbers, venue by venue;
- `efficient`: those of them no other package beats for every signatory (Pareto-optimal), with
  the file's numbers, then over every game's drawn types together (the packages two sides who
  knew each other's real types could rationally sign in some game); and the issues whose
  option differs among those, with how many options each shows;
- `first offers`: per signatory, how many different packages it tables first in the games;
- `first taken`: the share of agreements that are a side's first proposal;
- `modal`: the share of the deals that are the most frequent one, and in how many games that
  deal is below some signatory's drawn walk-away value (where the draw alone rules it out);
- `deals xk`: distinct deals (as bench/skill_figures.py counts them) with the scenario's
  spreads (`weight_spread`, `value_spread`, `reservation_spread`) multiplied by k (at most 100);
  at 0 nothing is drawn (and the agents' misreading of the others, drawn only where types are,
  is off too).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.ai.selfplay import play  # noqa: E402
from game.analysis import Analysis, analyze  # noqa: E402
from game.engine import actions as A  # noqa: E402
from game.engine.model import Delegation, Scenario  # noqa: E402
from game.engine.types import draw_types  # noqa: E402
from game.sim.pool import parallel_map  # noqa: E402
from game.sim.simulate import game_seed  # noqa: E402
from tests.sim.timed_scenarios import timed_scenarios  # noqa: E402

Package = tuple[tuple[int, int], ...]


def scaled(scenario: Scenario, k: float) -> Scenario:
    r = scenario.rules
    rules = replace(
        r,
        weight_spread=min(100, round(r.weight_spread * k)),
        value_spread=min(100, round(r.value_spread * k)),
        reservation_spread=min(100, round(r.reservation_spread * k)),
    )
    return replace(scenario, rules=rules)


def efficient(a: Analysis) -> set[Package]:
    """The zone's Pareto-optimal packages of an analysis."""
    pareto = np.asarray(a.pareto)
    if not len(pareto):
        return set()
    u = a.space.utilities(pareto)
    inside = (u >= a.space.reservations[None, :] - 1e-12).all(axis=1)
    return {a.space.package(int(i)) for i in pareto[inside]}


def one_game(args: tuple[Scenario, int]) -> dict[str, Any]:
    scenario, seed = args
    game = play(scenario, seed)
    tabled = [(a.actor, a.package) for a in game.actions if isinstance(a, A.Propose | A.Draft)]
    firsts: dict[str, tuple[tuple[str, str], ...]] = {}
    for actor, package in tabled:
        firsts.setdefault(actor, package)
    taken = 0
    for agreement in game.state.agreements:
        if agreement.proposal <= len(tabled):
            actor, package = tabled[agreement.proposal - 1]
            taken += firsts[actor] == package
    return {
        "firsts": firsts,
        "agreements": len(game.state.agreements),
        "first_taken": taken,
        # what was settled (as bench/skill_figures.py tells deals apart), and the deal as the game
        # scores it (an issue left open stays at its status quo)
        "settled": tuple(game.state.settled) if game.state.agreements else None,
        "deal": game.state.deal(),
    }


def surplus(d: Delegation, deal: tuple[int, ...]) -> float:
    return sum(w * v[o] for w, v, o in zip(d.weights, d.values, deal, strict=True)) - d.reservation


def row(scenario: Scenario, games: int, jobs: int, scales: list[float]) -> str:
    seeds = [game_seed(0, i) for i in range(games)]
    signatories = sorted({d for v in scenario.venues for d in v.signatories})
    zones, central, union = [], [], []
    seen: dict[int, set[int]] = {}
    for v in range(len(scenario.venues)):
        a = analyze(scenario, v)
        zones.append(a.zopa_size)
        central.append(len(efficient(a)))
        drawn: set[Package] = set()
        for seed in seeds:
            drawn |= efficient(analyze(draw_types(scenario, seed), v))
        union.append(len(drawn))
        for package in drawn:
            for i, o in package:
                seen.setdefault(i, set()).add(o)
    varying = ", ".join(
        f"{scenario.issues[i].id} {len(options)}" for i, options in sorted(seen.items()) if len(options) > 1
    )
    cells = {}
    for k in scales:
        played = parallel_map(one_game, [(scaled(scenario, k), s) for s in seeds], jobs)
        deals = Counter(g["settled"] for g in played if g["settled"] is not None)
        scored = {g["settled"]: g["deal"] for g in played}
        cells[k] = str(len(deals))
        if k == 1:
            firsts: dict[str, set[Any]] = {}
            for g in played:
                for actor, package in g["firsts"].items():
                    firsts.setdefault(actor, set()).add(package)
            first_offers = " ".join(f"{actor} {len(p)}" for actor, p in sorted(firsts.items()))
            agreements = sum(g["agreements"] for g in played)
            taken = sum(g["first_taken"] for g in played) / agreements if agreements else 0.0
            modal, count = deals.most_common(1)[0] if deals else (None, 0)
            ruled_out = 0
            if modal is not None:
                for seed in seeds:
                    real = draw_types(scenario, seed).delegations
                    ruled_out += any(surplus(real[d], scored[modal]) < 0 for d in signatories)
            share = count / sum(deals.values()) if deals else 0.0
    scale_cells = " | ".join(cells[k] for k in scales)
    return (
        f"| {scenario.id} | {len(signatories)} | {' / '.join(map(str, zones))} "
        f"| {' / '.join(map(str, central))} → {' / '.join(map(str, union))} | {varying or '-'} "
        f"| {first_offers} | {taken:.0%} | {share:.0%}, ruled out in {ruled_out} | {scale_cells} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--games", type=int, default=300)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--scenarios", type=int, default=20)
    parser.add_argument("--scales", type=float, nargs="+", default=[0.0, 1.0, 3.0])
    parser.add_argument("--only", nargs="*", default=[])
    args = parser.parse_args()
    scales = sorted(set(args.scales) | {1.0})
    print(f"{args.games} games a scenario, every seat normal; spreads x{', x'.join(f'{k:g}' for k in scales)}\n")
    print(
        "| scenario | signatories | zone | efficient: file → over the draws | issues that vary on them "
        "| first offers | first taken | modal deal | " + " | ".join(f"deals x{k:g}" for k in scales) + " |"
    )
    print("|---" * (8 + len(scales)) + "|")
    for scenario in timed_scenarios(args.scenarios):
        if args.only and scenario.id not in args.only:
            continue
        print(row(scenario, args.games, args.jobs, scales), flush=True)


if __name__ == "__main__":
    main()
