"""Issue 10's figures of a whole table of AI agents, per scenario.

    python bench/skill_figures.py [--games 300] [--jobs 2] [--only astana-8 ...] [--set key=N ...]

Every seat is played by the normal agent (as `peacetalks simulate` plays them), over the same
seeds as `simulate --seed 0`. Per scenario it prints:
- the share of games with an agreement;
- of all agreements, the share made in the venue's last round or its closing session (the
  target: at most half), and how many were made in each round;
- how many distinct deals (the settled options at the end of a game with anything agreed);
- the share of games with a partial deal: an agreement that settled only part of what was open
  when it was made (issue by issue);
- events: the share of games in which switching the venues' random events off changes whether
  anything is agreed (paired seeds).
`--set key=N` overrides a rule number of every scenario (e.g. `--set delay_cost=2`), to try a
setting before writing it into a file.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from typing import Any

from game.engine.model import Scenario
from game.scenario import bundled, load_scenario
from game.sim.simulate import summarise


def without_events(scenario: Scenario) -> Scenario:
    return replace(scenario, venues=tuple(replace(v, random_events=0.0) for v in scenario.venues))


def figures(scenario: Scenario, games: int, jobs: int) -> dict[str, Any]:
    results = summarise(scenario, games, 0, jobs=jobs, detail=True)["results"]
    quiet = summarise(without_events(scenario), games, 0, jobs=jobs)["results"]
    rounds = {v.id: v.rounds for v in scenario.venues}
    agreements = [a for r in results for a in r["detail"]["agreements"]]
    last = sum(a["round"] >= rounds[a["venue"]] for a in agreements)
    agenda = {v.id: {scenario.issues[i].id for i in v.agenda} for v in scenario.venues}
    partial = 0
    for r in results:
        settled: set[str] = set()
        split = False
        for a in r["detail"]["agreements"]:
            still_open = agenda[a["venue"]] - settled
            if set(a["package"]) < still_open:
                split = True
            settled |= set(a["package"])
        partial += split
    deals = {tuple(sorted(r["agreement"].items())) for r in results if r["agreement"]}
    flips = sum(bool(a["agreement"]) != bool(b["agreement"]) for a, b in zip(results, quiet, strict=True))
    return {
        "games": games,
        "agreement": sum(bool(r["agreement"]) for r in results) / games,
        "agreements": len(agreements),
        "last_round_share": last / len(agreements) if agreements else None,
        "distinct_deals": len(deals),
        "partial_share": partial / games,
        "events_change_deal": flips / games,
        "by_round": _by_round(agreements),
    }


def _by_round(agreements: list[dict[str, Any]]) -> str:
    counts: dict[int, int] = {}
    for a in agreements:
        counts[a["round"]] = counts.get(a["round"], 0) + 1
    return " ".join(f"r{k}:{n}" for k, n in sorted(counts.items()))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--games", type=int, default=300)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--set", nargs="*", default=[], help="rule overrides, key=N")
    args = parser.parse_args()
    names = args.only or [n for n in sorted(bundled()) if n != "tutorial"]
    overrides = {k: int(v) for k, v in (s.split("=", 1) for s in args.set)}
    print(
        "| scenario | games | agreement | last-round share of agreements | distinct deals | partial deals "
        "| events change the deal | agreements by round | s |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for name in names:
        scenario = load_scenario(bundled()[name])
        if overrides:
            scenario = replace(scenario, rules=replace(scenario.rules, **overrides))
        started = time.perf_counter()
        f = figures(scenario, args.games, args.jobs)
        last = "-" if f["last_round_share"] is None else f"{f['last_round_share']:.0%}"
        print(
            f"| {name} | {f['games']} | {f['agreement']:.0%} | {last} | {f['distinct_deals']} | "
            f"{f['partial_share']:.0%} | {f['events_change_deal']:.0%} | {f['by_round']} | "
            f"{time.perf_counter() - started:.0f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
