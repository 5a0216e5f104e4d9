"""The commands that print a game rather than draw it: `watch` plays every seat by its agent,
`replay --text` and `replay --verify` read a save (without --text or --verify, the viewer opens)."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from game.commands import _load_source
from game.engine.records import listed
from game.exits import EXIT_INVALID, EXIT_USAGE
from game.scenario import DEFAULT, resolve

if TYPE_CHECKING:  # the saves layer loads only when a command needs it
    from game.saves import Session


def cmd_watch(args: argparse.Namespace | None) -> int:
    from game.engine.seat import Seat
    from game.saves import SaveError, Session, default_seats, save

    if args is not None and args.save is not None and not args.save.strip():
        # said before the game is played, not after
        print(
            "peacetalks: error: --save needs a name: an empty one would be saved under a made-up name", file=sys.stderr
        )
        return EXIT_USAGE
    if args is not None and args.save is not None:
        from game.commands_ui import save_name_problem

        problem = save_name_problem(args.save, Path(args.saves))
        if problem:
            print(f"peacetalks: error: --save {args.save}: {problem}", file=sys.stderr)
            return EXIT_INVALID
    name: str | None = None
    loaded_at = 0  # the turns a save held before the AI took over every seat
    if args is not None and args.load:
        from game.commands_ui import load_to_go_on

        opened = load_to_go_on(args)
        if isinstance(opened, int):
            return opened
        found, session = opened
        if not session.state.over and any(Seat.parse(label).is_human for label in session.seats.values()):
            # played out by the AI, a person's running game shows its cards to come and, at the
            # end, every side's drawn numbers: the player's own game, read from outside it
            if not getattr(args, "spoiler", False):
                print(
                    f"peacetalks: error: {found}: a person is still playing this game, and playing it out "
                    "shows what is still to come and every side's private numbers; add --spoiler to watch it anyway",
                    file=sys.stderr,
                )
                return EXIT_INVALID
            print("SPOILER: a game a person is still playing, played out by the AI in every seat.")
        loaded_at = len(session.log)
        print(f"Continuing {found} at turn {loaded_at}.")
    else:
        name = (args.scenario if args is not None else None) or DEFAULT
        path = resolve(name)
        loaded = _load_source(name)
        if isinstance(loaded, int):
            return loaded
        assert path is not None
        scenario, source = loaded
        seed = 2017 if args is None or args.seed is None else args.seed
        level = "normal" if args is None or args.difficulty is None else args.difficulty
        seats = default_seats(scenario, (), level)
        if args is not None and args.seat:
            from game.commands_seats import parse_seats, seat_labels

            chosen = parse_seats(scenario, args.seat)
            if isinstance(chosen, int):
                return chosen
            seats.update(seat_labels(scenario, chosen))
        session = Session.new(scenario, source, seed, seats, path.stem)
    scenario = session.scenario
    print(f"{scenario.title} (seed {session.seed})")
    print(scenario.summary.strip())
    print()
    seating = _seating(session)
    if seating:
        print(seating)  # the venue's opening, next, starts with a blank line
    for k, record in enumerate(session.records):
        # a loaded save's moves with the reasons it kept, as the moves played from here give theirs
        reason = session.reason_at(k)
        _print_record(record.kind, f"{record.text}  ({reason})" if reason else record.text)
    from game.ai.agent import AgentError
    from game.ai.confine import nothing_on_stdin
    from game.ai.timing import move_limit, witnessed

    limit = None if args is None else args.move_limit
    try:
        if limit is not None:
            # a move that would not stop may end this process where it stands (game.ai.agent):
            # the transcript goes out line by line, so that it ends where the game did
            with contextlib.suppress(AttributeError, ValueError):
                sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
        # one stuck in C code is ended where no Python of this process runs: a witness says why
        # (and Python's stdin reads nothing, as in `play`: an agent's input() waited on the terminal)
        with move_limit(limit), witnessed() if limit is not None else contextlib.nullcontext(), nothing_on_stdin():
            _play_out(session)
    except AgentError as exc:
        # the game stops where the agent failed; nothing is saved, so no save holds half a game
        from game.commands_seats import agent_traceback

        sys.stdout.flush()
        agent_traceback(exc)
        print(f"peacetalks: error: {exc}", file=sys.stderr)
        return EXIT_INVALID
    _print_outcome(session, None if args is not None and args.load else name, loaded_at)
    if args is not None and args.save:
        try:
            # new: the name was free when the command started; a save given it while the game
            # was played (another command's) is never written over
            written = save(session, Path(args.saves), args.save, new=True)
        except SaveError as exc:
            print(f"peacetalks: error: {exc}", file=sys.stderr)
            return EXIT_INVALID
        print(f"Saved to {written}.")
    return 0


def _play_out(session: Session) -> None:
    """Every seat played by its agent, to the end, printing as it goes. An outside agent's
    failure (an exception, a wrong answer, a move the rules refuse) raises AgentError."""
    from game.ai.driver import decide
    from game.sim.ahead import rehearse_ahead
    from game.sim.pool import cores
    from game.sim.seating import game_choosers, session_kinds

    kinds = session_kinds(session.scenario, session.seats, humans_as="normal")
    # the hard seats of a table the book does not hold rehearse over every core before the first
    # move, each once (game.sim.ahead), where one after another they held the transcript back
    # for half a minute at a table of six; the choices, and so the game, are the same
    rehearse_ahead(session.scenario, kinds, cores())
    choosers = game_choosers(session.scenario, kinds, session.seed)
    while not session.state.over:
        move = decide(session.state, choosers[session.state.actor])
        records = session.play(move.action, move.decision.reason)
        for k, record in enumerate(records):
            # an AI states its reason for answering, walking out, boycotting or a statement
            # (what the session kept for the move's first record: the table shows the same)
            reason = session.reason_at(len(session.records) - len(records)) if k == 0 else ""
            _print_record(record.kind, f"{record.text}  ({reason})" if reason else record.text)


def _print_outcome(session: Session, name: str | None, loaded_at: int = 0) -> None:
    """The end of a watched game; `name` is the scenario as the command was given it (a bundled
    name or a path), for the closing hint, or None for a game continued from a save, which held
    `loaded_at` turns."""
    import shlex
    import textwrap

    from game.engine.utility import delay_toll, outcome_utility

    state, scenario = session.state, session.scenario
    print()
    print(f"Outcome: {state.outcome.replace('_', ' ')}. {state.reason}")
    print()
    from game.safetext import columns

    # the name column as wide as the longest name (astana-to-sochi's platforms run to 48), in the
    # terminal's columns: a name in Chinese stood out of line by as many as its characters
    width = max(40, *(columns(d.name) + 2 for d in state.scenario.delegations))
    # the rounds' toll in a column of its own where one was paid: a side that signed a deal above
    # its walk-away value read "utility 0.52, walk-away 0.57" to an author as a deal signed below it
    paid = any(state.toll)
    print(f"{'delegation':<{width}}{'utility':>9}" + (f"{'toll':>7}" if paid else "") + f"{'walk-away':>11}")
    for k, d in enumerate(state.scenario.delegations):  # the real numbers drawn for this game
        toll = f"{delay_toll(state, k):>7.2f}" if paid else ""
        padded = d.name + " " * (width - columns(d.name))
        print(f"{padded}{outcome_utility(state, k):>9.2f}{toll}{d.reservation:>11.2f}")
    if paid:
        note = (
            "utility: what the outcome is worth, less the toll the rounds without a deal took, deal or none; "
            "walk-away: each side's as the game ended (events and agreements move it)"
        )
        print()  # (a blank line ends the table: tests and readers take its rows up to it)
        print(textwrap.fill(note, 100))
    if scenario.history.summary:
        print()
        print("What really happened: " + scenario.history.summary.strip())
    print()
    if name is None:  # a game continued from a save: name its scenario where it is a bundled one
        from game.scenario import bundled

        name = next((n for n, path in bundled().items() if path.read_bytes() == session.source), None)
    if name is not None and name.startswith("-"):
        name = f"./{name}"  # else read as an option (`peacetalks play -mini.yaml`)
    play = (
        f"peacetalks play {shlex.quote(name)}" if name is not None else "peacetalks play FILE, with its scenario file"
    )
    print(f"{_who_played(session, loaded_at)} To sit at the table yourself: {play}")


def _seating(session: Session) -> str:
    """Who plays which seat, in one line, where the seats are not all played alike ("" where
    they are: the closing line says so): `Seats: opposition: the agent mine.py:Mine; every other
    seat: the normal AI.` A seat a person held in a save is played by the normal AI here."""
    from game.sim.seating import session_kinds

    scenario = session.scenario
    kinds = session_kinds(scenario, session.seats, humans_as="normal")
    counts: dict[str, int] = {}
    for kind in kinds.values():
        counts[kind] = counts.get(kind, 0) + 1
    if len(counts) < 2:
        return ""
    # the kind of most seats is "every other seat" (the first of them in the file, on a tie)
    usual = max(counts, key=lambda kind: counts[kind])
    named = [f"{scenario.delegations[d].id}: {_played_by(kind)}" for d, kind in kinds.items() if kind != usual]
    return f"Seats: {'; '.join(named)}; every other seat: {_played_by(usual)}."


def _played_by(kind: str) -> str:
    from game.ai.agent import is_agent_spec
    from game.ai.levels import LEVELS

    if is_agent_spec(kind):
        return f"the agent {kind}"
    return f"the {kind} AI" if kind in LEVELS else f"the {kind} strategy"


def _who_played(session: Session, loaded_at: int) -> str:
    """Who played the game just shown: every seat the AI, unless an outside agent held a seat
    (it was said to be the AI's, a researcher's own agent included), or it was continued from a
    save in which a person held a seat (a person's game played out with `watch --load` was said
    to be the AI's throughout)."""
    from game.engine.seat import AGENT, Seat

    seats = {d.id: Seat.parse(session.seats.get(d.id, "ai:normal")) for d in session.scenario.delegations}
    people = [d.name for d in session.scenario.delegations if seats[d.id].is_human]
    agents = [(d.name, seats[d.id].name) for d in session.scenario.delegations if seats[d.id].kind == AGENT]
    by_agents = ""
    if agents:
        # "X was played by the agent a.py:A, Y by the agent b.py:B, and every other seat by an AI negotiator."
        parts = [
            f"{name} {'was played ' if k == 0 else ''}by the agent {spec}" for k, (name, spec) in enumerate(agents)
        ]
        if len(agents) + (len(people) if loaded_at else 0) < len(seats):
            parts.append("every other seat by an AI negotiator")
        by_agents = (", ".join(parts[:-1]) + ", and " + parts[-1] if len(parts) > 1 else parts[0]) + "."
    if not people or loaded_at == 0:
        return by_agents or "Every seat was played by an AI negotiator."
    held = listed(people)
    seat = "seats" if len(people) > 1 else "seat"
    if loaded_at >= len(session.log):  # the save ended the game: the AI played none of it here
        if agents:
            return f"A person held the {seat} of {held}. {by_agents}"
        return f"A person held the {seat} of {held}, and an AI negotiator every other seat."
    if agents:
        them = "them" if len(people) > 1 else "it"
        return (
            f"A person held the {seat} of {held} up to turn {loaded_at}; from turn {loaded_at + 1} an AI "
            f"negotiator played {them}. {by_agents}"
        )
    return (
        f"A person held the {seat} of {held} up to turn {loaded_at}; "
        f"from turn {loaded_at + 1} an AI negotiator played every seat."
    )


def cmd_replay(given: str, verify: bool, text: bool = True, folder: Path = Path("saves")) -> int:
    """The replay viewer (in a terminal), the Markdown transcript (--text), or a check (--verify),
    of the save `given`: a path, or a save's name in the saves folder `folder`."""
    from game.saves import SaveLoadError, find_save, load
    from game.saves.transcript import markdown

    try:
        path = find_save(given, folder)
    except SaveLoadError as exc:
        print(exc, file=sys.stderr)
        return EXIT_INVALID
    if not (verify or text):
        from game.commands_ui import replay_viewer

        return replay_viewer(str(path))
    try:
        session = load(path)  # loading replays every action and checks every hash
    except SaveLoadError as exc:
        print(exc, file=sys.stderr)
        return EXIT_INVALID
    if verify:
        outcome = session.state.outcome or "still running"
        print(f"{path}: ok: {len(session.log)} turns replayed, every state hash matches; outcome: {outcome}")
        return 0
    print(markdown(session), end="")
    return 0


def _print_record(kind: str, text: str) -> None:
    if kind in ("round", "venue"):
        print()
    print(text)
