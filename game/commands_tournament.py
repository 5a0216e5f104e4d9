"""`peacetalks tournament`: every level and strategy in one seat, over the same seeds."""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.commands import _load
from game.exits import EXIT_INVALID, EXIT_USAGE

if TYPE_CHECKING:
    from game.engine.model import Scenario
    from game.sim import tournament as T


def cmd_tournament(args: argparse.Namespace) -> int:
    from game.sim import tournament as T

    scenario = _load(args.scenario)
    if isinstance(scenario, int):
        return scenario
    seat = scenario.delegation_index.get(args.seat)
    ident, given, kind = args.seat.partition("=")
    if seat is None and given and ident in scenario.delegation_index:
        # `--seat ID=KIND` as simulate, watch and play take it: here the seat is one delegation,
        # and what plays it is every row; an agent of one's own is a row added with --agent
        from game.ai.agent import is_agent_spec

        if is_agent_spec(kind):
            how = f"your agent plays it in a row of its own: --seat {ident} --agent {kind}"
        else:
            how = f"every level and strategy plays it in a row of its own: --seat {ident}"
        print(
            f"peacetalks: error: --seat {args.seat}: the tournament's --seat names the seat alone; {how}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if seat is None:
        known = ", ".join(d.id for d in scenario.delegations)
        print(f"peacetalks: error: --seat {args.seat}: no delegation {ident!r} (known: {known})", file=sys.stderr)
        return EXIT_USAGE
    if seat not in scenario.signing:
        names = ", ".join(scenario.delegations[d].id for d in scenario.signing)
        print(
            f"peacetalks: error: --seat {args.seat}: it signs nothing in {scenario.id}, so it has no surplus to "
            f"measure (signatories: {names})",
            file=sys.stderr,
        )
        return EXIT_USAGE
    from game.ai.agent import AgentError, AgentLoadError, load_agent
    from game.ai.timing import move_limit
    from game.commands_seats import agent_traceback, output_kept

    for spec in args.agent:
        try:
            with output_kept(args.json):  # what an agent writes as it loads is kept out of the JSON too
                load_agent(spec, scenario)  # say so before any row is played, not after hours of them
        except AgentLoadError as exc:
            agent_traceback(exc)
            # the spec once: most of the errors name it first already ("X: X: no such file" read twice)
            said = str(exc) if str(exc).startswith(f"{spec}: ") else f"{spec}: {exc}"
            print(f"peacetalks: error: --agent {said}", file=sys.stderr)
            return EXIT_INVALID
    from game.sim.pool import WorkerEnded

    kinds = (*T.KINDS, *dict.fromkeys(args.agent))
    try:
        with move_limit(args.move_limit):
            return _tournament(args, scenario, seat, kinds)
    except (AgentError, WorkerEnded) as exc:
        # one line naming the seat, the agent and the game's seed (game.ai.agent; for a worker
        # that ended, what it was playing: game.sim.pool); nothing is saved
        sys.stdout.flush()
        agent_traceback(exc)
        print(f"peacetalks: error: {exc}", file=sys.stderr)
        return EXIT_INVALID


def _tournament(args: argparse.Namespace, scenario: Scenario, seat: int, kinds: tuple[str, ...]) -> int:
    from game.cli import print_json
    from game.sim import tournament as T

    me = scenario.delegations[seat]
    if args.json:
        from game.commands_seats import output_kept

        with output_kept(True):
            rows = T.run(scenario, seat, args.games, args.seed, args.jobs, kinds)
        data = T.to_json(scenario, seat, args.games, args.seed, rows)
        print_json({**data, "provenance": provenance(args.scenario, scenario, args.agent)})
        return 0
    print(f"{scenario.title}: tournament in the seat of {me.name}")
    print(
        f"{args.games} games a row from seed {args.seed}, the same seeds in every row; "
        f"every other seat is played by the {T.OTHERS} agent"
    )
    print(
        "surplus: the seat's utility of the outcome, less the rounds' toll, minus the walk-away value "
        "the game drew for it (before any event moved it; 0 for walking away at once)"
    )
    # the same seat and seeds under `simulate` give another surplus: a researcher compared them
    print(
        "(`simulate` and the debrief measure against the walk-away value as the game ended, after events "
        "and agreements moved it)"
    )
    # a campaign's game that collapsed at its second venue still signed at its first: counted,
    # and an author read "walk-out: agreement 100%" against an outcome of collapse
    print(
        "agreement: the games in which the seat's table signed anything (at any venue of a campaign, "
        "whatever the outcome); last round: of those, the games with a signing in a venue's last round"
    )
    print()
    # the rows' names in a column as wide as the longest, with two spaces after it: an agent's
    # spec (--agent PATH.py:NAME) may be longer than any built-in row's name
    width = max(23, *(len(kind) + 2 for kind in kinds))
    print(f"{'row':<{width}}{'mean surplus':>15}{'agreement':>11}{'last round':>11}{'vs hard':>18}{'time':>8}")
    sys.stdout.flush()

    def show(row: T.Row) -> None:
        last = "-" if row.last_round_share is None else f"{row.last_round_share:.0%}"
        if row.kind == T.BASELINE or row.diff_to_hard is None:
            versus = ""
        else:
            versus = f"{row.diff_to_hard:+.3f} ± {_se(row.se_diff)}"
        print(
            f"{row.kind:<{width}}{row.mean_surplus:>+9.3f} ±{_se(row.se_surplus):<5}{row.agreement_rate:>11.0%}"
            f"{last:>11}{versus:>18}{row.seconds:>7.1f}s",
            flush=True,
        )

    rows = T.run(scenario, seat, args.games, args.seed, args.jobs, kinds, on_row=show)
    print()
    total = sum(r.seconds for r in rows)
    print(f"{len(rows)} rows in {total:.1f} s ({total / len(rows):.1f} s a row); ± is one standard error.")
    if args.games < 2:
        print(f"With one game a row a standard error is undefined ({UNDEFINED}): no step of the ladder can hold.")
    print("vs hard: the mean difference in surplus to the hard agent over the same seeds.")
    for line in T.same_as_hard(rows).values():
        print(line)
    steps = T.ladder(rows)
    if steps:
        print()
        print(
            f"The levels' ladder, step by step over the same seeds (a step holds when it is more than {T.CLEAR:g} SE):"
        )
        for line in ladder_lines(steps):
            print(f"  {line}")
        print()
    print("The rows:")
    for row in rows:
        print(f"  {row.kind:<{width}}{T.describe(row.kind)}")
    return 0


def provenance(given: str, scenario: Scenario, agents: Sequence[str]) -> dict[str, Any]:
    """What a reader needs to tell which code, file and agents gave the figures: the scenario's
    id alone may name any version of a file, or two files."""
    from game import __version__
    from game.ai.book import fingerprint
    from game.scenario import resolve

    path = resolve(given)
    return {
        "version": __version__,
        # the version number is not raised with every change to the agents or the rules; the
        # fingerprint the hard agent's book is keyed by is (game.ai.book.SOURCES)
        "rules_and_agents_sha256": fingerprint(),
        "scenario_file": {
            "given": given,
            "path": None if path is None else str(path.absolute()),
            "sha256": scenario.content_hash,  # of the very bytes that were played
        },
        "agents": [{"spec": spec, **_agent_file(spec)} for spec in agents],
    }


def _agent_file(spec: str) -> dict[str, str | None]:
    """The file an --agent spec's code was loaded from, and its sha256: `PATH.py` itself, or the
    file of `module` (a package's __init__.py: what else of the package it imports is not named)."""
    where = spec.rpartition(":")[0]
    path: Path | None = None
    if where.endswith(".py"):
        path = Path(where)
    else:
        try:
            found = importlib.util.find_spec(where)  # imported already, as the agent was tried
        except (ImportError, ValueError):
            found = None
        if found is not None and found.has_location and found.origin:
            path = Path(found.origin)
    try:
        digest = None if path is None else hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:  # gone since the agent was loaded: say nothing rather than guess
        digest = None
    return {"file": None if path is None else str(path.absolute()), "sha256": digest}


def ladder_lines(steps: list[T.Step]) -> list[str]:
    """One line a step: the paired difference with its standard error, the unpaired standard
    error beside it (what comparing the two rows' means alone would allow), and the verdict."""
    lines = []
    for step in steps:
        name = f"{step.upper} > {step.lower}"
        verdict = "holds" if step.clear else "not shown"
        lines.append(
            f"{name:<17}{step.diff:+.3f} ± {_se(step.se)} paired (± {_se(step.se_unpaired)} unpaired)  {verdict}"
        )
    return lines


UNDEFINED = "n/a"  # a standard error of fewer than two games


def _se(se: float | None) -> str:
    return UNDEFINED if se is None else f"{se:.3f}"
