"""The commands that open the interface: the title screen, `play`, and the replay viewer."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.commands import _load
from game.exits import EXIT_INVALID, EXIT_USAGE
from game.safetext import escape_controls
from game.scenario import DEFAULT, resolve
from game.scenario.seating import default_human

if TYPE_CHECKING:  # the interface loads only once a command opens it
    from game.engine.model import Scenario
    from game.saves import Session
    from game.ui.app import PeaceTalksApp


NO_TERMINAL = "the game needs a terminal to play in; `peacetalks watch` prints an AI-only game anywhere"


def cmd_ui(args: argparse.Namespace) -> int:
    """The Textual interface: the title screen, or straight to the table with `play`."""
    if args.command == "play" and args.load and args.watch:
        print("peacetalks: error: --watch follows a scenario file, not a save given with --load", file=sys.stderr)
        return EXIT_USAGE
    if args.command == "play" and args.save is not None:
        problem = save_name_problem(
            args.save,
            Path(args.saves),
            bool(args.load),
            args.watch,
            "continue it with `peacetalks play --load {path}`, or ",
        )
        if problem:
            print(f"peacetalks: error: --save {args.save}: {problem}", file=sys.stderr)
            return EXIT_INVALID
    loaded = None
    if args.command == "play" and args.load:
        # loaded and verified first, as the replay viewer does: a bad save is one line and exit 1
        # before any interface (and without a terminal too), not a notice over the title screen
        opened = load_to_go_on(args)
        if isinstance(opened, int):
            return opened
        found, loaded = opened
    saves = Path(args.saves)
    if loaded is not None:
        return _opened(load=found, saves_dir=saves, loaded=loaded)
    if args.command != "play":
        return _opened(saves_dir=saves)
    name = args.scenario or DEFAULT
    path = resolve(name)
    level = args.difficulty or "normal"
    if args.watch and path is not None and path.is_file():
        # Errors in the file are shown in the interface, and the game starts once it loads. The
        # seats are checked first all the same, as without --watch: they were passed over, and a
        # researcher watched the built-in agent in the seat they had given their own.
        from game.scenario.load import check_source

        watched, _, _ = check_source(path)
        if watched is None:
            # what needs no scenario is checked now; the ids, against each version that loads
            from game.commands_seats import labelled, seat_kinds

            kinds = seat_kinds(None, args.seat)
            if isinstance(kinds, int):
                return kinds
            given = tuple(labelled(kinds).items())
            return _opened(path, tuple(args.humans), level, args.seed, saves_dir=saves, watch=True, seats=given)
        checked = _checked_seats(watched, args)
        if isinstance(checked, int):
            return checked
        # the players as given: a version of the file without the scenario's seat for a player
        # gives the game another (game.ui.app)
        return _opened(path, tuple(args.humans), level, args.seed, saves_dir=saves, watch=True, seats=checked[1])
    # the scenario and every option are checked before the terminal is: a wrong name said as a
    # wrong name, in a pipe too, not as a missing terminal
    scenario = _load(name)
    if isinstance(scenario, int):
        return scenario
    assert path is not None
    checked = _checked_seats(scenario, args)
    if isinstance(checked, int):
        return checked
    humans, seats = checked
    return _opened(path, humans, level, args.seed, saves_dir=saves, save_name=args.save, seats=seats)


def _checked_seats(
    scenario: Scenario, args: argparse.Namespace
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]] | int:
    """The seats `play` opens with: the players (`--as`, else the scenario's seat for a player)
    and the labels of the AI seats `--seat` sets; or the exit status after saying in one line
    what is wrong."""
    for ident in args.humans:
        if ident not in scenario.delegation_index:
            known = ", ".join(d.id for d in scenario.delegations)
            print(
                f"peacetalks: error: --as {ident}: no such delegation in {scenario.id} (known: {known})",
                file=sys.stderr,
            )
            return EXIT_USAGE
    humans = tuple(args.humans) or (default_human(scenario),)
    from game.commands_seats import parse_seats, seat_labels

    chosen = parse_seats(scenario, args.seat)
    if isinstance(chosen, int):
        return chosen
    taken = [scenario.delegations[d].id for d in chosen if scenario.delegations[d].id in humans]
    if taken:
        # without --as, the seat is the scenario's own choice for a player: say so, or --as puzzles
        how = "--as" if args.humans else "the scenario's seat for a player: choose yours with --as"
        print(f"peacetalks: error: --seat {taken[0]}: you play that delegation yourself ({how})", file=sys.stderr)
        return EXIT_USAGE
    return humans, tuple(seat_labels(scenario, chosen).items())


def _opened(*args: Any, **kwargs: Any) -> int:
    """Open the interface (game.ui.app.make_app's arguments) once every argument has been
    checked: without a terminal, one line and exit status 1 instead."""
    if not _in_terminal(NO_TERMINAL):
        return EXIT_USAGE
    from game.ui.app import make_app

    return ran(make_app(*args, **kwargs))


def ran(app: PeaceTalksApp) -> int:
    """Run the interface; its exit status is Textual's return code: 1 after a crash (the game
    autosaved first where it could) or an outside agent's error (said in one line), 0 otherwise."""
    from game.ui.app import run_app

    run_app(app)
    # what was printed while the interface held the terminal (an outside agent's prints, which
    # other commands write on stderr as they come), now that it is the terminal's again; after a
    # hang-up there is no terminal to write to, and the status is the signal's (the failed write
    # made it 1: a reviewer's)
    with contextlib.suppress(OSError):
        sys.stdout.flush()
        for line in app.printed.text.splitlines(keepends=True):
            sys.stderr.write(line)  # a line at a time: each write is a line to the command's stderr
        if app.printed.text and not app.printed.text.endswith("\n"):
            sys.stderr.write("\n")
    if app.failure:  # an outside agent failed (the game stopped before its move, saves whole), or a save
        from game.commands_seats import agent_traceback

        if app.failure_error is not None:
            agent_traceback(app.failure_error)
        print(f"peacetalks: error: {app.failure}", file=sys.stderr)
        return EXIT_INVALID
    if app.farewell:
        with contextlib.suppress(OSError):
            print(escape_controls(app.farewell))  # (paths: shown as text)
    return app.return_code or 0


def load_to_go_on(args: argparse.Namespace) -> tuple[Path, Session] | int:
    """The save `--load` names, found, loaded and verified, with the seats `--seat` gives it
    checked against its own and their agents loaded: or, said in one line, the exit status
    (`play --load` and `watch --load` go on from a save alike)."""
    from game.commands_seats import load_repeated_agents
    from game.saves import SaveLoadError, find_save, load
    from game.saves.session import agent_seats_problem

    clash = loaded_clash(args)
    if clash:
        print(f"peacetalks: error: {clash}", file=sys.stderr)
        return EXIT_USAGE
    try:
        found = find_save(args.load, Path(args.saves))
        session = load(found)
    except SaveLoadError as exc:
        print(exc, file=sys.stderr)
        return EXIT_INVALID
    problem = agent_seats_problem(session.seats, args.seat or [])
    if problem:
        print(f"peacetalks: error: {found}: {problem}", file=sys.stderr)
        return EXIT_USAGE
    failed = load_repeated_agents(session.scenario, args.seat or [])
    if failed is not None:
        return failed
    return found, session


def loaded_clash(args: argparse.Namespace) -> str:
    """Why options given with `--load` cannot be honoured ("" where none is given): a saved game
    keeps its scenario, seed, seats and level. They were dropped without a word, and a tester
    asking for sochi-congress as the opposition on hard was sat at the saved astana-8 game."""
    given = [
        option
        for option, value in (
            ("SCENARIO", args.scenario),
            ("--seed", args.seed),
            ("--as", getattr(args, "humans", None)),
            ("--difficulty", args.difficulty),
        )
        if value not in (None, [])
    ]
    if not given:
        return ""
    return f"--load {args.load}: a saved game keeps its own scenario, seed, seats and level; leave out " + ", ".join(
        given
    )


def save_name_problem(name: str, folder: Path, loading: bool = False, watching: bool = False, hint: str = "") -> str:
    """Why `play --save NAME` or `watch --save NAME` cannot go on ("" when it can), said before
    the game starts: a name that is not a save's name as typed, a folder no save can be written
    in, or a name that holds another game already (a name is used as typed or refused, never
    quietly made into another file's name, and a new game never replaces a save unasked).
    `hint` is what the command offers besides another name where the name is taken."""
    from game.commands import _writable
    from game.saves import SaveError, name_problem, save_path

    if loading:
        return "a game continued with --load is saved with ctrl+s, under its own name or a new one"
    if watching:
        return "a watched game restarts whenever its file changes; save one you want to keep with ctrl+s"
    problem = name_problem(name)
    if problem is not None:
        return problem
    try:
        # said now, not in a notice once the game has started (play) or been played (watch)
        _writable(folder, make=False)  # made when the game is first saved, not before it starts
        path = save_path(folder, name)
    except SaveError as exc:
        return str(exc)
    if path.exists():
        from game.saves.catalog import read_info

        if path.is_dir():
            return f"{path} is a folder: choose another name"
        problem = read_info(path).problem
        if problem.startswith("saved by a newer version"):
            return f"{path} already holds a game saved by a newer version of Peace Talks: choose another name"
        if problem:  # another file, or a damaged save: nothing to continue
            return f"{path} already holds a file that does not open as a saved game: choose another name"
        return f"{path} already holds a saved game: {hint.format(path=path)}choose another name"
    return ""


def replay_viewer(path: str) -> int:
    """Load and verify the save first, so a bad one is one line and exit 1 before any interface."""
    from game.saves import SaveLoadError
    from game.saves.timeline import load_timeline

    try:
        timeline = load_timeline(path)
    except SaveLoadError as exc:
        print(exc, file=sys.stderr)
        return EXIT_INVALID
    if not _in_terminal(
        "the replay viewer needs a terminal; `peacetalks replay SAVE --text` prints the transcript anywhere"
    ):
        return EXIT_USAGE
    from game.ui.app import make_app

    return ran(make_app(replay=timeline, replay_name=Path(path).name))


def _in_terminal(otherwise: str) -> bool:
    """Whether both ends are a terminal, as the interface needs; if not, says so (`otherwise`:
    why, and what works without one) on standard error."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print(f"peacetalks: error: {otherwise}", file=sys.stderr)
        return False
    encoding = getattr(sys.__stdout__, "encoding", None) or ""
    if encoding.lower().replace("-", "").replace("_", "") not in ("utf8", "utf8sig"):
        # the screen is drawn with box and block characters and the files' names (Erdoğan):
        # on a terminal in another encoding they came out as escape text, with no word why
        print(
            f"peacetalks: error: this terminal's encoding is {encoding or 'unknown'}, and the game's screen "
            "needs UTF-8: set a UTF-8 locale (LANG=C.UTF-8) or PYTHONIOENCODING=utf-8 if the terminal shows it; "
            "`peacetalks watch` prints a game in any encoding",
            file=sys.stderr,
        )
        return False
    if not (sys.__stderr__ is not None and sys.__stderr__.isatty()):
        # the interface draws on standard error (Textual's driver writes there): with it sent to a
        # file, a tester's `play 2>log` ran on a blank screen and drew the game into the file
        print(
            "peacetalks: error: the game draws its screen on standard error, which is not a terminal here; "
            "run it without redirecting standard error (2>...)",
            file=sys.stderr,
        )
        return False
    return True
