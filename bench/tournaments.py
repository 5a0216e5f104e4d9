"""The tournament in every signatory seat of every bundled scenario, as Markdown tables.

    python bench/tournaments.py [--games 300] [--jobs 2] [--only astana-8 ...] [--out FILE] [--levels-only]

The same figures as `peacetalks tournament SCENARIO --seat ID --games N --jobs J`, seat after
seat, with the seconds each row took (the time a user waits for that row). Prints each table as
it is done; with --out, also writes them all to FILE. At the end, one summary table (a line per
seat), the count of seats meeting each of issue 10's targets, and the levels' ladder step by
step, each step by its paired difference over the same seeds. `--levels-only` plays the levels'
rows alone (hard, normal, easy, random): the ladder in a quarter of the time, without the
strategies (the best-strategy column then names random).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

# the checkout this script is in, before whatever package is installed: a bench run from a second
# checkout (a git worktree) measured the installed one's agents (docs/AI.md, "Results in every
# signatory seat"), as bench/random_figures.py and bench/outsiders.py already do
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.scenario import bundled, load_scenario  # noqa: E402
from game.sim import tournament as T  # noqa: E402


def _se(se: float | None) -> str:
    """A standard error as the tables print it: n/a where it is undefined (fewer than two games)."""
    return "n/a" if se is None else f"{se:.3f}"


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
        versus = "" if r.kind == T.BASELINE or r.diff_to_hard is None else f"{r.diff_to_hard:+.3f} ± {_se(r.se_diff)}"
        lines.append(
            f"| {r.kind} | {r.mean_surplus:+.3f} ± {_se(r.se_surplus)} | {r.agreement_rate:.0%} | {last} | {versus} "
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


LEVEL_ORDER = T.LADDER


def ordering(rows: list[T.Row]) -> list[str]:
    """The steps of hard > normal > easy > random that are NOT each more than two standard errors,
    each step by its paired difference over the same seeds (game.sim.tournament.ladder)."""
    return [f"{s.upper}>{s.lower}" for s in T.ladder(rows) if not s.clear]


def unpaired_ordering(rows: list[T.Row]) -> list[str]:
    """The same test with the two rows' standard errors combined as if they had not shared seeds
    (how the ladder was tested before): kept to show what pairing changes."""
    return [
        f"{s.upper}>{s.lower}" for s in T.ladder(rows) if s.se_unpaired is None or not s.diff > T.CLEAR * s.se_unpaired
    ]


def steps_table(results: list[tuple[str, str, list[T.Row]]]) -> str:
    """A line a seat: each step of the ladder, paired difference ± its SE (the unpaired SE in
    brackets), marked with a star where it holds."""
    names = [f"{a} > {b}" for a, b in itertools.pairwise(LEVEL_ORDER)]
    lines = [
        "| scenario, seat | " + " | ".join(names) + " |",
        "|---|" + "---|" * len(names),
    ]
    for scenario_id, seat_id, row_list in results:
        cells = [
            f"{s.diff:+.3f} ± {_se(s.se)} ({_se(s.se_unpaired)}){' ✓' if s.clear else ''}" for s in T.ladder(row_list)
        ]
        lines.append(f"| {scenario_id}, {seat_id} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def summary(results: list[tuple[str, str, list[T.Row]]]) -> str:
    head = (
        "| scenario, seat | games a row | hard | normal | easy | random | hard - random "
        "| hard > normal > easy > random by > 2 SE | best strategy (vs hard) | beat hard by > 1 SE |"
    )
    lines = [head, "|---|---|---|---|---|---|---|---|---|---|"]
    met = {"strategies": 0, "order": 0, "unpaired": 0, "stakes": 0}
    held = {f"{a}>{b}": 0 for a, b in itertools.pairwise(LEVEL_ORDER)}
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
        failed = ordering(row_list)
        stakes = rows["hard"].mean_surplus - rows["random"].mean_surplus
        met["strategies"] += not [k for k in above if k not in ("normal", "easy")]
        met["order"] += not failed
        met["unpaired"] += not unpaired_ordering(row_list)
        met["stakes"] += stakes >= 0.10
        for step in held:
            held[step] += step not in failed
        means = " | ".join(f"{rows[k].mean_surplus:+.3f}" for k in LEVEL_ORDER)
        lines.append(
            f"| {scenario_id}, {seat_id} | {rows['hard'].games} | {means} | {stakes:+.3f} "
            f"| {'yes' if not failed else 'no (' + ', '.join(failed) + ')'} "
            f"| {best.kind} ({best.diff_to_hard:+.3f} ± {_se(best.se_diff)}) | {', '.join(above) or 'none'} |"
        )
    n = len(results)
    played = {r.kind for _, _, rows in results for r in rows}
    library = "" if played - set(LEVEL_ORDER) else " (of the library only random was played)"
    steps = ", ".join(f"{step} {count} of {n}" for step, count in held.items())
    lines += [
        "",
        f"Seats: {n}. No strategy beats hard by > 1 SE: {met['strategies']} of {n}{library}. "
        f"hard > normal > easy > random, each step > 2 SE (paired): {met['order']} of {n} "
        f"(step by step: {steps}; with the unpaired standard errors: {met['unpaired']} of {n}). "
        f"hard - random ≥ 0.10: {met['stakes']} of {n}.",
        "",
        "The ladder step by step (paired difference ± its standard error over the same seeds; in brackets the "
        "unpaired standard error, the two rows' combined; ✓: more than two paired standard errors):",
        "",
        steps_table(results),
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--games", type=int, default=300)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", nargs="*", default=None, help="scenario names (default: every bundled one)")
    parser.add_argument("--out", default=None)
    parser.add_argument(
        "--levels-only", action="store_true", help="hard, normal, easy and random: the ladder, not the library"
    )
    args = parser.parse_args()
    names = args.only or sorted(bundled())
    out: list[str] = []
    results: list[tuple[str, str, list[T.Row]]] = []
    for name in names:
        scenario = load_scenario(bundled()[name])
        seats = sorted({d for v in scenario.venues for d in v.signatories})
        for seat in seats:
            started = time.perf_counter()
            rows = T.run(scenario, seat, args.games, 0, args.jobs, kinds=T.LADDER if args.levels_only else T.KINDS)
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
