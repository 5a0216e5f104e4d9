"""`--seat ID=KIND` on simulate, watch and play: a level, a strategy of the library, or an outside
agent (`PATH.py:NAME`, `module:NAME`), checked before any game starts."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator

from game.engine.model import Scenario
from game.exits import EXIT_INVALID, EXIT_USAGE


def parse_seats(scenario: Scenario, given: list[str]) -> dict[int, str] | int:
    """The kinds the `--seat` options name, by delegation index, or the exit status after saying
    in one line what is wrong (2 for a bad argument, 1 for an agent file that does not load)."""
    kinds = seat_kinds(scenario, given)
    if isinstance(kinds, int):
        return kinds
    return {scenario.delegation_index[ident]: kind for ident, kind in kinds.items()}


def seat_kinds(scenario: Scenario | None, given: list[str]) -> dict[str, str] | int:
    """As parse_seats, by delegation id. Without a scenario (`play FILE --watch` on a file that
    does not load yet) the ids are not checked, and an outside agent is found but not made: the
    interface checks them against each version of the file that loads."""
    from game.ai.agent import is_agent_spec
    from game.ai.seats import SEAT_KINDS

    seats: dict[str, str] = {}
    for item in given:
        ident, sep, kind = item.partition("=")
        if not sep or not kind:
            print(
                f"peacetalks: error: --seat {item}: expected ID=LEVEL, ID=STRATEGY or ID=PATH.py:NAME", file=sys.stderr
            )
            return EXIT_USAGE
        if scenario is not None and ident not in scenario.delegation_index:
            known = ", ".join(d.id for d in scenario.delegations)
            print(f"peacetalks: error: --seat {item}: no delegation {ident!r} (known: {known})", file=sys.stderr)
            return EXIT_USAGE
        if ident in seats:
            # the last one would win without a word: which was meant is the user's to say
            print(f"peacetalks: error: --seat {item}: the seat {ident} is given twice", file=sys.stderr)
            return EXIT_USAGE
        if is_agent_spec(kind):
            failed = _load_or_say(scenario, ident, kind)
            if failed is not None:
                return failed
        elif kind == "human":
            # the word a player reaches for first: the seats people play are given otherwise
            print(
                f"peacetalks: error: --seat {item}: --seat sets who plays an AI seat; to play {ident} "
                f"yourself: peacetalks play --as {ident}",
                file=sys.stderr,
            )
            return EXIT_USAGE
        elif kind not in SEAT_KINDS:
            print(
                f"peacetalks: error: --seat {item}: the level or strategy is one of {', '.join(SEAT_KINDS)}, "
                "or an agent PATH.py:NAME",
                file=sys.stderr,
            )
            return EXIT_USAGE
        seats[ident] = kind
    return seats


def load_repeated_agents(scenario: Scenario, given: list[str]) -> int | None:
    """With --load: each outside agent the `--seat` options repeat, loaded before anything of the
    game is shown, its failure said in one line naming the seat (an agent file gone since the
    save was made was reported after the whole transcript, without its seat); the exit status,
    or None when all load. agent_seats_problem has checked that they are the save's own."""
    from game.ai.agent import is_agent_spec

    for item in given:
        ident, _, kind = item.partition("=")
        failed = _load_or_say(scenario, ident, kind) if is_agent_spec(kind) else None
        if failed is not None:
            return failed
    return None


def _load_or_say(scenario: Scenario | None, ident: str, spec: str) -> int | None:
    """Load the outside agent `spec` names for seat `ident` once, as a check (without a scenario,
    only find it); if it does not load, say why in one line naming the seat and give the exit
    status."""
    from game.ai.agent import AgentLoadError, find_agent, load_agent

    try:
        if scenario is None:
            find_agent(spec)
        else:
            load_agent(spec, scenario)
    except AgentLoadError as exc:
        agent_traceback(exc)
        print(f"peacetalks: error: --seat {ident}: {exc}", file=sys.stderr)
        return EXIT_INVALID
    return None


def seat_labels(scenario: Scenario, seats: dict[int, str]) -> dict[str, str]:
    """The seat labels a session records for the kinds given (by delegation id)."""
    return labelled({scenario.delegations[d].id: kind for d, kind in seats.items()})


def labelled(kinds: dict[str, str]) -> dict[str, str]:
    """The seat labels a session records for the kinds given by delegation id."""
    from game.sim.seating import seat_label

    return {ident: seat_label(kind) for ident, kind in kinds.items()}


TRACEBACK = "PEACETALKS_TRACEBACK"  # set (to anything but "" or 0): an agent's error with its traceback


def agent_traceback(exc: BaseException) -> None:
    """Before the one line of an outside agent's error: the whole traceback of the exception its
    code raised, on stderr, where PEACETALKS_TRACEBACK is set. The line says where in the agent's
    own code it was raised; a failure deep in a helper or a library wants the whole stack."""
    import os

    from game.ai.agent import AgentError

    if isinstance(exc, AgentError) and exc.detail and os.environ.get(TRACEBACK, "") not in ("", "0"):
        sys.stdout.flush()
        # a line at a time: the command's stderr writes each write as one line (game.safetext)
        for line in exc.detail.splitlines():
            print(line, file=sys.stderr)


@contextlib.contextmanager
def output_kept(json: bool) -> Iterator[None]:
    """While the games of a `--json` run are played, file descriptor 1 points at stderr: what an
    outside agent writes past Python's sys.stdout (to sys.__stdout__, or os.write(1, ...)) goes
    there, not into the JSON, which is printed once this is over (a researcher's agent put 30
    lines before the JSON, and the command said nothing). Worker processes started meanwhile
    inherit it. Without --json, or where there is no descriptor 1 to keep, nothing changes."""
    if not json:
        yield
        return
    try:
        sys.stdout.flush()
        kept = os.dup(1)
    except (OSError, ValueError):
        yield
        return
    os.dup2(2, 1)
    try:
        yield
    finally:
        for stream in (sys.stdout, sys.__stdout__):  # what was written meanwhile, to stderr
            with contextlib.suppress(OSError, ValueError, AttributeError):
                stream.flush()  # type: ignore[union-attr]
        os.dup2(kept, 1)
        os.close(kept)
