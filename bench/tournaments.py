"""The tournament in every signatory seat of every bundled scenario, as Markdown tables.

    python bench/tournaments.py [--games 300] [--jobs 2] [--only astana-8 ...] [--out FILE]

The same figures as `peacetalks tournament SCENARIO --seat ID --games N --jobs J`, seat after
seat, with the seconds each row took (the time a user waits for that row). Prints each table as
it is done; with --out, also writes them all to FILE. At the end, one summary table (a line per
seat) and the count of seats meeting each of issue 10's targets.
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


LEVEL_ORDER = ("hard", "normal", "easy", "random")


def ordering(rows: dict[str, T.Row]) -> list[str]:
    """The steps of hard > normal > easy > random that are NOT each more than two standard errors:
    hard against normal by their paired difference, the others by the two means with their
    standard errors combined (the rows share seeds, but a row keeps only its difference to hard)."""
    failed = []
    normal = rows["normal"]
    assert normal.diff_to_hard is not None and normal.se_diff is not None
    if not -normal.diff_to_hard > 2 * normal.se_diff:
        failed.append("hard>normal")
    for upper, lower in (("normal", "easy"), ("easy", "random")):
        a, b = rows[upper], rows[lower]
        if not a.mean_surplus - b.mean_surplus > 2 * (a.se_surplus**2 + b.se_surplus**2) ** 0.5:
            failed.append(f"{upper}>{lower}")
    return failed


def summary(results: list[tuple[str, str, list[T.Row]]]) -> str:
    head = (
        "| scenario, seat | games a row | hard | normal | easy | random | hard - random "
        "| hard > normal > easy > random by > 2 SE | best strategy (vs hard) | beat hard by > 1 SE |"
    )
    lines = [head, "|---|---|---|---|---|---|---|---|---|---|"]
    met = {"strategies": 0, "order": 0, "stakes": 0}
    for scenario_id, seat_id, row_list in results:
        rows = {r.kind: r for r in row_list}
        others = [r for r in row_list if r.kind not in ("hard", "normal", "easy")]
        best = max(others, key=lambda r: r.diff_to_hard if r.diff_to_hard is not None else float("-inf"))
        above = [
            r.kind
            for r in row_list
            if r.kind != T.BASELINE
            and r.diff_to_hard is not None
            and r.se_diff is not None
            and r.diff_to_hard > r.se_diff
        ]
        failed = ordering(rows)
        stakes = rows["hard"].mean_surplus - rows["random"].mean_surplus
        met["strategies"] += not [k for k in above if k not in ("normal", "easy")]
        met["order"] += not failed
        met["stakes"] += stakes >= 0.10
        means = " | ".join(f"{rows[k].mean_surplus:+.3f}" for k in LEVEL_ORDER)
        lines.append(
            f"| {scenario_id}, {seat_id} | {rows['hard'].games} | {means} | {stakes:+.3f} "
            f"| {'yes' if not failed else 'no (' + ', '.join(failed) + ')'} "
            f"| {best.kind} ({best.diff_to_hard:+.3f} ± {best.se_diff:.3f}) | {', '.join(above) or 'none'} |"
        )
    n = len(results)
    lines += [
        "",
        f"Seats: {n}. No strategy beats hard by > 1 SE: {met['strategies']} of {n}. "
        f"hard > normal > easy > random, each step > 2 SE: {met['order']} of {n}. "
        f"hard - random ≥ 0.10: {met['stakes']} of {n}.",
    ]
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
    results: list[tuple[str, str, list[T.Row]]] = []
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
            results.append((scenario.id, scenario.delegations[seat].id, rows))
            if args.out:
                Path(args.out).write_text("\n".join(out), encoding="utf-8")
    text = summary(results)
    print(text, flush=True)
    if args.out:
        Path(args.out).write_text("\n".join([*out, text]), encoding="utf-8")
    sys.exit(0)


if __name__ == "__main__":
    main()
