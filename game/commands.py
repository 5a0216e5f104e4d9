"""What each `peacetalks` subcommand does; the parser lives in cli.py."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.engine.model import Scenario
from game.scenario import DEFAULT, bundled, check_file, resolve

EXIT_INVALID = 1
EXIT_USAGE = 2


def run(args: argparse.Namespace) -> int:
    command = args.command or "play"
    if command == "list":
        return cmd_list()
    if command == "validate":
        return cmd_validate(args.paths)
    if command == "simulate":
        return cmd_simulate(args.scenario, args.games, args.seed, args.json)
    return cmd_play(getattr(args, "scenario", None) or DEFAULT, getattr(args, "seed", None))


def _load(name: str) -> Scenario | int:
    """The scenario for a bundled name or a path, or the exit status after saying why not."""
    path = resolve(name)
    if path is None:
        names = ", ".join(bundled()) or "none"
        print(f"peacetalks: error: no scenario {name!r}: not a bundled name ({names}) nor a file", file=sys.stderr)
        return EXIT_USAGE
    scenario, diagnostics = check_file(path)
    if scenario is None:
        for d in diagnostics:
            print(d, file=sys.stderr)
        return EXIT_INVALID
    return scenario


def cmd_list() -> int:
    files = bundled()
    if not files:
        print("No bundled scenarios found.", file=sys.stderr)
        return EXIT_INVALID
    for name, path in files.items():
        scenario, diagnostics = check_file(path)
        if scenario is None:
            print(f"{name}: invalid ({len([d for d in diagnostics if d.severity == 'error'])} errors)")
            continue
        print(f"{name}: {scenario.title}" + (f" ({scenario.date})" if scenario.date else ""))
        for venue in scenario.venues:
            print(f"  venue {venue.id}: {venue.name}, {venue.rounds} rounds")
            for d in venue.turn_order:
                dl = scenario.delegations[d]
                tag = ", signatory" if d in venue.signatories else ""
                print(f"    {dl.id:<20} {dl.name} ({dl.role}{tag}; led by {dl.leader})")
    return 0


def cmd_validate(paths: list[str]) -> int:
    status = 0
    for name in paths:
        scenario, diagnostics = check_file(Path(name))
        for d in diagnostics:
            print(d, file=sys.stderr)
        if scenario is None:
            status = EXIT_INVALID
        else:
            warnings = len(diagnostics)
            note = f" ({warnings} warning{'s' if warnings != 1 else ''})" if warnings else ""
            print(f"{name}: ok: {scenario.title}{note}")
    return status


def cmd_simulate(name: str, games: int, seed: int, as_json: bool) -> int:
    from game.cli import print_json
    from game.sim.simulate import summarise

    scenario = _load(name)
    if isinstance(scenario, int):
        return scenario
    summary = summarise(scenario, games, seed)
    if as_json:
        print_json(summary)
        return 0
    print(f"{scenario.title}: {games} AI-only games from seed {seed}")
    print(f"agreement rate {summary['agreement_rate']:.1%}, mean rounds {summary['mean_rounds']:.2f}")
    outcomes: dict[str, int] = {}
    for r in summary["results"]:
        outcomes[r["outcome"]] = outcomes.get(r["outcome"], 0) + 1
    print("outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))
    print()
    print(f"{'delegation':<22}{'mean utility':>14}{'reservation':>13}{'mean surplus':>14}")
    for d in scenario.delegations:
        row = summary["per_delegation"][d.id]
        print(f"{d.id:<22}{row['mean_utility']:>14.3f}{d.reservation:>13.2f}{row['mean_surplus']:>+14.3f}")
    return 0


def cmd_play(name: str, seed: int | None) -> int:
    from game.ai.selfplay import play
    from game.engine import utility

    scenario = _load(name)
    if isinstance(scenario, int):
        return scenario
    seed = 2017 if seed is None else seed
    game = play(scenario, seed)
    print(f"{scenario.title} (seed {seed})")
    print(scenario.summary.strip())
    print()
    opening = len(game.records) - sum(len(records) for _, records in game.steps)
    for record in game.records[:opening]:
        _print_record(record.kind, record.text)
    for reason, records in game.steps:
        for k, record in enumerate(records):
            # an AI states its reason for answering, walking out or boycotting; the rest speaks for itself
            shown = k == 0 and record.kind in ("respond", "walk_out", "boycott")
            _print_record(record.kind, f"{record.text}  ({reason})" if shown else record.text)
    state = game.state
    print()
    print(f"Outcome: {state.outcome.replace('_', ' ')}. {state.reason}")
    print()
    print(f"{'delegation':<40}{'utility':>9}{'walk-away':>11}")
    for d in scenario.delegations:
        u = utility(d, state.deal())
        print(f"{d.name:<40}{u:>9.2f}{d.reservation:>11.2f}")
    if scenario.history.summary:
        print()
        print("What really happened: " + scenario.history.summary.strip())
    print()
    print("The Textual interface is on its way; this transcript was played by AI negotiators in every seat.")
    return 0


def _print_record(kind: str, text: str) -> None:
    if kind in ("round", "venue"):
        print()
    print(text)
