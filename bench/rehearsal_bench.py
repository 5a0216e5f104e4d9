"""What the hard agent's rehearsal (game.ai.rehearsal) costs, seat by seat. Prints figures.

    python bench/rehearsal_bench.py [--scenario NAME ...]

For every signatory seat of each scenario (default: every bundled one), in a fresh cache: the CPU
seconds of its rehearsal (a scenario's first seat also plays the games with the normal agent
everywhere, which its other seats share), the games each style played, and the style kept. This
is the pause before a hard seat's first move, once a process.
"""

from __future__ import annotations

import argparse
import time

from game.ai import rehearsal
from game.scenario import bundled, load_scenario, resolve


def main() -> None:
    parser = argparse.ArgumentParser(allow_abbrev=False)
    parser.add_argument("--scenario", action="append", default=[])
    args = parser.parse_args()
    names = args.scenario or sorted(bundled())
    styles = ", ".join(rehearsal.style_name(style) for style in rehearsal.STYLES["hard"])
    print(f"| scenario | seat | CPU s | games a style ({styles}) | style kept |")
    print("|---|---|---|---|---|")
    total = 0.0
    for name in names:
        path = resolve(name)
        if path is None:
            raise SystemExit(f"no scenario {name!r}")
        scenario = load_scenario(path)
        for seat in sorted({d for venue in scenario.venues for d in venue.signatories}):
            start = time.process_time()
            found = rehearsal.choice(scenario, seat)
            spent = time.process_time() - start
            total += spent
            games = ", ".join(str(len(s)) for s in found.scores)
            kept = rehearsal.style_name(found.style)
            print(f"| {name} | {scenario.delegations[seat].id} | {spent:.2f} | {games} | {kept} |")
    print(f"\n{total:.1f} CPU s in all")


if __name__ == "__main__":
    main()
