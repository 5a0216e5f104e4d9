"""Why switching random events off changes whether a deal is made in some tables and not others
(issue 10: in at least 10% of games).

    python bench/event_figures.py [--games 300] [--jobs 1] [--scenarios 20] [--silent] [--bundled astana-8 ...]

Per table (the random tables of bench/random_figures.py, or with `--bundled` the named bundled
scenarios), every seat normal, over the seeds `simulate --seed 0` plays, with the venues' random
events as written and switched off (bench/skill_figures.py's `without_events`):
- `rounds x draw`: each venue's rounds and its `random_events` chance (a card is drawn from
  round 2 on, never in round 1: docs/SCENARIOS.md, `events`);
- `agreed on / off`: the share of games with anything agreed, events on and off;
- `events change`: bench/skill_figures.py's figure, split into games events cost a deal (`kill`)
  and games they made one (`make`), and how many of those saw no event fire at all (the game's
  random stream moves when no event is rolled for, so a later draw of the game differs);
- `first deal by round`: the round of each game's first agreement, events on, with its venue
  where there are several (`none`: nothing agreed); a game settled in its first venue's round 1
  is one no drawn card can reach;
- `cards in the games events cost`: which cards that can be drawn fired in them (the random
  tables' `t`, `g` and `x` cards: small moves, the ground moving, a delegation called home).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from skill_figures import without_events  # noqa: E402  (the same switch as the figure's)

from game.engine.model import Scenario  # noqa: E402
from game.scenario import bundled, load_scenario  # noqa: E402
from game.sim.simulate import summarise  # noqa: E402
from tests.sim.timed_scenarios import timed_scenarios  # noqa: E402

_KINDS = {"t": "small", "g": "ground", "x": "called home"}


def _card(scenario: Scenario, event: str) -> str:
    """The random tables' added cards by kind; any other card by its id."""
    if scenario.id.startswith("timed-") and event[:1] in _KINDS and event[1:].isdigit():
        return _KINDS[event[0]]
    return event


def events_table(scenario: Scenario, games: int, jobs: int) -> dict[str, Any]:
    on = summarise(scenario, games, 0, jobs=jobs, detail=True)["results"]
    off = summarise(without_events(scenario), games, 0, jobs=jobs)["results"]
    kill = [a for a, b in zip(on, off, strict=True) if not a["agreement"] and b["agreement"]]
    make = [a for a, b in zip(on, off, strict=True) if a["agreement"] and not b["agreement"]]
    # by venue and round: a venue's round 1 in a campaign's second venue is not its first venue's
    multi = len(scenario.venues) > 1
    first = Counter(
        (f"{a[0]['venue']} " if multi else "") + f"r{a[0]['round']}" if (a := r["detail"]["agreements"]) else "none"
        for r in on
    )
    drawn = {e.id for e in scenario.events if e.weight > 0}  # scripted-only cards fire either way
    cards = Counter(_card(scenario, e) for r in kill for e in r["detail"]["fired"] if e in drawn)
    return {
        "venues": " ".join(f"{v.rounds}x{v.random_events:g}" for v in scenario.venues),
        "on": sum(bool(r["agreement"]) for r in on) / games,
        "off": sum(bool(r["agreement"]) for r in off) / games,
        "change": (len(kill) + len(make)) / games,
        "kill": len(kill),
        "make": len(make),
        "quiet": sum(not r["detail"]["fired"] for r in kill + make),
        "first": " ".join(f"{k}:{n}" for k, n in sorted(first.items())),
        "cards": ", ".join(f"{c} {n}" for c, n in cards.most_common(5)),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--games", type=int, default=300)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--scenarios", type=int, default=20)
    parser.add_argument("--silent", action="store_true", help="the random tables of before 4 December 2026")
    parser.add_argument("--bundled", nargs="*", default=None, metavar="NAME", help="bundled scenarios instead")
    args = parser.parse_args()
    if args.bundled is not None:
        known = bundled()
        unknown = [n for n in args.bundled if n not in known]
        if unknown:
            print(f"event_figures: error: no such bundled scenario: {', '.join(unknown)}", file=sys.stderr)
            sys.exit(1)
        tables = [load_scenario(known[n]) for n in args.bundled or sorted(n for n in known if n != "tutorial")]
    else:
        tables = timed_scenarios(args.scenarios, 0, args.silent)
    if not tables:
        print("event_figures: error: no tables to play (--scenarios must be at least 1)", file=sys.stderr)
        sys.exit(1)
    print(
        "| table | rounds x draw | agreed on / off | events change (kill / make, no card) "
        "| first deal by round | cards in the games events cost |"
    )
    print("|---|---|---|---|---|---|")
    total = 0.0
    for sc in tables:
        f = events_table(sc, args.games, args.jobs)
        total += f["change"]
        print(
            f"| {sc.id} | {f['venues']} | {f['on']:.0%} / {f['off']:.0%} | {f['change']:.0%} "
            f"({f['kill']} / {f['make']}, {f['quiet']}) | {f['first']} | {f['cards']} |",
            flush=True,
        )
    print(f"\nevents change whether anything is agreed in {total / len(tables):.1%} of games on average")


if __name__ == "__main__":
    main()
