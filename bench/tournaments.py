"""The tournament in every signatory seat of every bundled scenario, as Markdown tables.

    python bench/tournaments.py [--games 300] [--jobs 2] [--only astana-8 ...] [--out FILE]

The same figures as `peacetalks tournament SCENARIO --seat ID --games N --jobs J`, seat after
seat, with the seconds each row took (the time a user waits for that row). Prints each table as
it is done; with --out, also writes them all to FILE.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from game.scenario import bundled, load_scenario
from game.sim import tournament as T


def table(scenario_id: str, seat_id: str, games: int, rows: list[T.Row]) -> str:
    lines = [
        f"**{scenario_id}, {seat_id}** ({games} games a row; mean surplus ± one standard error; "
        "vs hard: the paired difference to the hard agent ± its standard error)",
        "",
        "| row | mean surplus | agreement | agreed in the last round | vs hard | s |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        last = "-" if r.last_round_share is None else f"{r.last_round_share:.0%}"
        versus = "" if r.kind == T.BASELINE or r.diff_to_hard is None else f"{r.diff_to_hard:+.3f} ± {r.se_diff:.3f}"
        lines.append(
            f"| {r.kind} | {r.mean_surplus:+.3f} ± {r.se_surplus:.3f} | {r.agreement_rate:.0%} | {last} | {versus} "
            f"| {r.seconds:.1f} |"
        )
    above = [
        r.kind
        for r in rows
        if r.kind != T.BASELINE and r.diff_to_hard is not None and r.se_diff is not None and r.diff_to_hard > r.se_diff
    ]
    lines.append("")
    lines.append(f"Beats the hard agent by more than one standard error: {', '.join(above) or 'none'}.")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--games", type=int, default=300)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", nargs="*", default=None, help="scenario names (default: every bundled one)")
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    names = args.only or sorted(bundled())
    out: list[str] = []
    for name in names:
        scenario = load_scenario(bundled()[name])
        seats = sorted({d for v in scenario.venues for d in v.signatories})
        for seat in seats:
            started = time.perf_counter()
            rows = T.run(scenario, seat, args.games, 0, args.jobs)
            text = table(scenario.id, scenario.delegations[seat].id, args.games, rows)
            seconds = time.perf_counter() - started
            text += f"\n\n{len(rows)} rows in {seconds:.0f} s ({seconds / len(rows):.1f} s a row).\n"
            print(text, flush=True)
            out.append(text)
            if args.out:
                Path(args.out).write_text("\n".join(out), encoding="utf-8")
    sys.exit(0)


if __name__ == "__main__":
    main()
