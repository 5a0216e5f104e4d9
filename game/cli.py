"""The `peacetalks` command. Thin: parse the arguments, call the layers, print."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from game import __version__
from game.exits import EXIT_INTERRUPTED, EXIT_INVALID, EXIT_USAGE, exit_for_signal
from game.interrupts import Stopped, ending_as_ctrl_c, noted
from game.safetext import ClosedOutput, EscapingStream, OutputError


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line and exit status 1 (game.exits), and an option is taken only
    when spelled out: with abbreviations, `play --save NAME` would be read as `--saves NAME`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: error: {message}")


_SEAT_HELP = (
    "play one AI delegation at a level, with a strategy of the library, or with your own agent "
    "PATH.py:NAME or module:NAME (repeatable; see docs/AI.md)"
)

_SAVES_HELP = "the saves folder (default: ./saves)"
_LIMIT_HELP = (
    "the seconds your own agent (--seat/--agent PATH.py:NAME) may take over one move; past them the "
    "command stops, naming the seat, the game's seed and the move (default: no limit)"
)
_SAVE_HELP = "a saved game: its path, or its name in the saves folder (as --save wrote it)"


# a reader took `--seed 3` for a run's 4th game, and `watch --seed 3` for a replay of it
_BASE_SEED_HELP = (
    "the base seed (default 0): each game plays a seed derived from it, not S+k (--json lists them; "
    "`watch --seed` with one replays that game: docs/AI.md)"
)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="peacetalks",
        description="A turn-based negotiation game: the Syrian peace talks, 2017-2018. With no command, the title screen.",
    )
    # The folder can be given before the command or after it; a subcommand's --saves has no
    # default of its own (SUPPRESS), so it never overwrites the one given before the command.
    p.add_argument("--saves", default="saves", metavar="DIR", type=_folder, help=_SAVES_HELP)
    p.add_argument("--version", action="version", version=f"peacetalks {__version__}")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    sub.add_parser("list", help="the bundled scenarios, their venues and delegations")

    v = sub.add_parser("validate", help="check scenario files and report every problem")
    v.add_argument("paths", nargs="+", metavar="PATH", type=_scenario_file)
    v.add_argument(
        "--games",
        type=_positive,
        default=0,
        metavar="N",
        help="also play N quick AI games from seed 0 and warn when the share that end with something agreed "
        "(a whole or a partial deal) falls outside 40-95%%",
    )

    sub.add_parser("schema", help="print the JSON Schema of the scenario format, for editors")

    n = sub.add_parser("new-scenario", help="write a commented starting scenario to PATH")
    n.add_argument("path", type=_new_file, metavar="PATH", help="the file to write (its folder must exist)")
    n.add_argument("--force", action="store_true", help="overwrite PATH if it exists")

    ts = sub.add_parser("test-scenario", help="run the tests written in scenario files (their tests: section)")
    ts.add_argument("paths", nargs="+", metavar="PATH", type=_scenario, help="scenario files or bundled scenario names")
    ts.add_argument(
        "--jobs", type=_jobs, default=1, metavar="J", help="worker processes (default 1; the same report for any J)"
    )
    ts.add_argument("--json", action="store_true", help="print one JSON object instead of a line per test")

    s = sub.add_parser("simulate", help="play AI-only games headlessly and report the outcomes")
    s.add_argument("scenario", metavar="SCENARIO", type=_scenario, help="a bundled scenario name or a path")
    s.add_argument("--games", type=_positive, default=100, metavar="N", help="how many games (default 100)")
    s.add_argument("--seed", type=_seed, default=0, metavar="S", help=_BASE_SEED_HELP)
    s.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    s.add_argument(
        "--difficulty", choices=("easy", "normal", "hard"), default="normal", help="the level of every AI seat"
    )
    s.add_argument(
        "--seat",
        action="append",
        default=[],
        metavar="ID=KIND",
        help="play one delegation at a level (easy, normal, hard), with a strategy of the library, "
        "or with your own agent PATH.py:NAME or module:NAME (repeatable)",
    )
    s.add_argument(
        "--jobs", type=_jobs, default=1, metavar="J", help="worker processes (default 1; the same output for any J)"
    )
    s.add_argument(
        "--save-dir", default=None, metavar="DIR", type=_folder, help="also write every game there as a save"
    )
    s.add_argument("--move-limit", type=_seconds, default=None, metavar="SECONDS", help=_LIMIT_HELP)

    t = sub.add_parser("tournament", help="every level and strategy in one seat, over the same seeds")
    t.add_argument("scenario", metavar="SCENARIO", type=_scenario, help="a bundled scenario name or a path")
    t.add_argument("--seat", required=True, metavar="ID", help="the delegation whose seat is played (a signatory)")
    t.add_argument("--games", type=_positive, default=300, metavar="N", help="games a row (default 300)")
    t.add_argument("--seed", type=_seed, default=0, metavar="S", help=_BASE_SEED_HELP)
    t.add_argument(
        "--jobs", type=_jobs, default=1, metavar="J", help="worker processes (default 1; the same figures for any J)"
    )
    t.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    t.add_argument(
        "--agent",
        action="append",
        default=[],
        metavar="SPEC",
        help="also a row for your own agent, PATH.py:NAME or module:NAME (repeatable)",
    )
    t.add_argument("--move-limit", type=_seconds, default=None, metavar="SECONDS", help=_LIMIT_HELP)

    a = sub.add_parser("analyze", help="the package space of a venue: Pareto frontier, Nash, Kalai, ZOPA")
    a.add_argument("scenario", metavar="SCENARIO", type=_scenario, help="a bundled scenario name or a path")
    a.add_argument("--venue", default=None, metavar="V", help="the venue id (default: the first)")
    a.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    a.add_argument(
        "--spoiler-seed",
        type=_seed,  # a game's seed: 0..2^63-1, as --seed takes it (a negative one is no game's)
        default=None,
        metavar="SEED",
        help="SPOILER: the private numbers drawn for the game with this seed, not the file's central ones",
    )

    g = sub.add_parser("play", help="play at the table in the terminal (straight past the title screen)")
    g.add_argument(
        "scenario", nargs="?", default=None, metavar="SCENARIO", type=_scenario, help="a bundled name or a path"
    )
    g.add_argument(
        "--as", dest="humans", action="append", default=[], metavar="DELEGATION",
        help="the delegation you play, by its id (`peacetalks list` names every scenario's; repeat for hot-seat play; "
        "default: the scenario's own choice)",
    )  # fmt: skip
    g.add_argument(
        "--difficulty", choices=("easy", "normal", "hard"), default=None, help="the AI's level (default: normal)"
    )
    g.add_argument("--seed", type=_seed, default=None, metavar="S", help="the seed (default: a new one)")
    g.add_argument(
        "--load", default=None, metavar="SAVE", type=_save_file,
        help="continue a saved game: its path, or its name in the saves folder",
    )  # fmt: skip
    g.add_argument(
        "--save", default=None, metavar="NAME",
        help="save the game as NAME in the saves folder, kept up to date every round (a new game only)",
    )  # fmt: skip
    g.add_argument("--seat", action="append", default=[], metavar="ID=KIND", help=_SEAT_HELP)
    g.add_argument("--saves", default=argparse.SUPPRESS, metavar="DIR", type=_folder, help=_SAVES_HELP)
    g.add_argument(
        "--watch",
        action="store_true",
        help="for authors: restart the game whenever the scenario file changes, and show its errors",
    )

    w = sub.add_parser("watch", help="an AI-only game, printed as a transcript (needs no terminal)")
    w.add_argument(
        "scenario", nargs="?", default=None, metavar="SCENARIO", type=_scenario, help="a bundled name or a path"
    )
    w.add_argument("--seed", type=_seed, default=None, metavar="S", help="the seed (default: 2017)")
    w.add_argument(
        "--difficulty", choices=("easy", "normal", "hard"), default=None, help="the AI's level (default: normal)"
    )
    w.add_argument(
        "--load", default=None, metavar="SAVE", type=_save_file,
        help="continue a saved game, every seat AI: its path, or its name in the saves folder",
    )  # fmt: skip
    w.add_argument(
        "--spoiler",
        action="store_true",
        help="SPOILER: with --load, play out a game a person is still playing (shows what is still to come "
        "and every side's private numbers)",
    )
    w.add_argument("--seat", action="append", default=[], metavar="ID=KIND", help=_SEAT_HELP)
    w.add_argument("--move-limit", type=_seconds, default=None, metavar="SECONDS", help=_LIMIT_HELP)
    w.add_argument(
        "--save",
        default=None,
        metavar="NAME",
        help="save the finished game as NAME in the saves folder (never over another save)",
    )
    w.add_argument("--saves", default=argparse.SUPPRESS, metavar="DIR", type=_folder, help=_SAVES_HELP)

    r = sub.add_parser(
        "replay", help="replay a saved game: step through it in the terminal, print its transcript, or check every hash"
    )
    r.add_argument("save", metavar="SAVE", type=_save_file, help=_SAVE_HELP)
    mode = r.add_mutually_exclusive_group()
    mode.add_argument("--text", action="store_true", help="print the transcript as Markdown (needs no terminal)")
    mode.add_argument("--verify", action="store_true", help="replay every action; exit 1 at the first divergence")
    r.add_argument("--saves", default=argparse.SUPPRESS, metavar="DIR", type=_folder, help=_SAVES_HELP)
    return p


def _whole(text: str, what: str, low: int, high: int, bounds: str) -> int:
    """The one parser of every whole-number argument: an optional minus sign and ASCII digits,
    nothing else. Python's int() also takes `1_000`, spaces around, a plus sign and digits of other
    scripts (`١٢`); a number the user did not type as one is refused, not guessed at."""
    if not re.fullmatch(r"-?[0-9]+", text):
        raise argparse.ArgumentTypeError(f"{what} is a whole number written in digits 0-9, got {text!r}")
    # the digits that make the number (leading zeros make none: 000...0001 is 1, a reviewer's)
    significant = text.lstrip("-").lstrip("0") or "0"
    if len(significant) > 30:  # a thousand digits would be converted, then printed back whole
        raise argparse.ArgumentTypeError(f"{what} lies in {bounds}, got a number of {len(significant)} digits")
    value = -int(significant) if text.startswith("-") else int(significant)
    if not low <= value <= high:
        raise argparse.ArgumentTypeError(f"{what} lies in {bounds}, got {value}")
    return value


def _positive(text: str) -> int:
    return _whole(text, "the number", 1, 1_000_000, "1..1000000")


def _seconds(text: str) -> float:
    """Seconds, as digits 0-9 with a decimal point if need be (`2`, `0.5`), 0.01 to 3600."""
    # a minus sign is taken here to be refused by the range below, as _whole refuses `--seed -1`:
    # a number written in digits, all the same, was told it was not one (as were 11 digits)
    match = re.fullmatch(r"-?([0-9]+)(?:\.([0-9]+))?", text)
    if match is None:
        raise argparse.ArgumentTypeError(f"the seconds are a number written in digits 0-9 (2, 0.5), got {text!r}")
    # the digits that make the number: 3600.000...0 and 000...0.5 are in range (a reviewer's)
    digits = len(match[1].lstrip("0")) + len((match[2] or "").rstrip("0"))
    if digits > 30:  # as _whole: a thousand digits would be printed back whole
        raise argparse.ArgumentTypeError(f"the seconds lie in 0.01..3600, got a number of {digits} digits")
    value = float(text)
    if not 0.01 <= value <= 3600:
        # written by the digits that make it: 5,000 zeros were printed back whole (a reviewer's)
        fraction = (match[2] or "").rstrip("0")
        shown = (
            ("-" if text.startswith("-") else "") + (match[1].lstrip("0") or "0") + (f".{fraction}" if fraction else "")
        )
        raise argparse.ArgumentTypeError(f"the seconds lie in 0.01..3600, got {shown}")
    return value


def _jobs(text: str) -> int:
    return _whole(text, "the number of jobs", 1, 64, "1..64")


def _new_file(text: str) -> str:
    # an empty name is the current folder to pathlib: it would be refused as "  is a folder"
    if not text:
        raise argparse.ArgumentTypeError("expected the path of the file to write, got an empty name")
    return text


def _scenario(text: str) -> str:
    # an empty name is the current folder to pathlib: `validate ""` said ".: is a directory", and
    # `watch ""` and `play ""` took it for no name and played the default scenario
    if not text:
        raise argparse.ArgumentTypeError(
            "expected a bundled scenario name or the path of a scenario file, got an empty name"
        )
    return text


def _scenario_file(text: str) -> str:
    if not text:  # as _scenario: validate takes paths only
        raise argparse.ArgumentTypeError("expected the path of a scenario file, got an empty name")
    return text


def _save_file(text: str) -> str:
    # an empty name is the current folder to pathlib: `replay ""` said ".: is a directory"
    if not text:
        raise argparse.ArgumentTypeError("expected the path of a saved game, got an empty name")
    return text


def _folder(text: str) -> str:
    # an empty name is the current folder to pathlib: `--save-dir "$UNSET"` would fill it with saves
    if not text:
        raise argparse.ArgumentTypeError("expected the path of a folder, got an empty name")
    return text


def _seed(text: str) -> int:
    # the seeds a scenario file may hold (game.scenario.spec): 0..2^63-1
    return _whole(text, "a seed", 0, 2**63 - 1, "0..2^63-1")


def _no_repeats(args: argparse.Namespace) -> None:
    """UsageError when a repeatable option names the same thing twice: `--as X --as X` would play
    X once and `--agent A --agent A` would be one row, without a word; which was meant is the
    user's to say. The same for `--seat ID=...` twice for one ID."""
    for dest, option in (("humans", "--as"), ("agent", "--agent")):
        seen: set[str] = set()
        for value in getattr(args, dest, None) or ():
            if value in seen:
                raise UsageError(f"peacetalks: error: {option} {value}: given twice")
            seen.add(value)
    seats: set[str] = set()
    given = getattr(args, "seat", None)
    for item in given if isinstance(given, list) else ():  # tournament's --seat is one delegation
        ident, sep, _ = item.partition("=")
        if sep and ident in seats:
            # said here, before a terminal or a scenario is looked for, as for --as
            raise UsageError(f"peacetalks: error: --seat {item}: the seat {ident} is given twice")
        seats.add(ident)


# the commands whose run may open the interface, which takes SIGTERM and SIGHUP on its own loop
_INTERFACE = frozenset({None, "play", "replay"})


def main(argv: Sequence[str] | None = None) -> int:
    if sys.stderr is None:  # started with `2>&-`: there is nowhere to say anything
        sys.stderr = io.StringIO()
    if sys.stdout is None:  # started with `>&-`: the first line printed says so on stderr
        sys.stdout = ClosedOutput()
    if sys.stdin is None:  # started with `<&-`: as empty input, which is no terminal
        sys.stdin = io.StringIO()
    try:
        args = _parser().parse_args(argv)
        _no_repeats(args)
        from game.commands import run  # deferred: `--help` should not pay for the engine

        # SIGTERM and SIGHUP end the commands that play many games as a Ctrl+C does, with one job
        # too (a SIGTERM killed simulate in the middle of a save, its temporary file left for good:
        # a reviewer's); the interface handles them itself, on its event loop (game.ui.app)
        # (not `watch` with an outside agent, which plays in this process: an agent that caught
        # every exception, or sat in one long C call, kept the command from ending on them, where
        # their default action ends it at once: a reviewer's)
        in_process = args.command == "watch" and any(":" in seat.partition("=")[2] for seat in args.seat)
        # (`replay --text` and `--verify` open no interface: they stop as the other commands do)
        viewer = args.command in _INTERFACE and not (getattr(args, "text", False) or getattr(args, "verify", False))
        ending = contextlib.nullcontext() if viewer or in_process else ending_as_ctrl_c()
        with noted(), ending:  # a Ctrl+C is told from a KeyboardInterrupt an outside agent raises
            status = run(args)
        _flush_output()
        return status
    except UsageError as exc:
        # an argument is the user's text, but may hold an escape sequence pasted or made by a script
        with contextlib.suppress(OSError, OutputError):
            print(exc, file=EscapingStream(sys.stderr, one_line=True))
        return EXIT_USAGE
    except Stopped as exc:
        # SIGTERM or SIGHUP while workers ran (game.sim.pool), stopped as a Ctrl+C: the shell's
        # status for a command that signal ended
        with contextlib.suppress(OSError, OutputError):
            print(f"peacetalks: stopped by {exc}", file=sys.stderr)
        return exit_for_signal(exc.signum)
    except KeyboardInterrupt:
        # Ctrl+C: the shell's status for a command ended by SIGINT, and one line to say why
        with contextlib.suppress(OSError, OutputError):
            print("peacetalks: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return 0
    except OutputError as exc:
        with contextlib.suppress(OSError):
            print(f"peacetalks: error: {exc}", file=sys.stderr)
        _drop_output()
        return EXIT_INVALID


def _flush_output() -> None:
    """Write out what standard output still holds, here, where a failure is reported in one
    line, and not at exit, where Python prints it as an exception ignored."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(exc) from None


def _drop_output() -> None:
    """Send whatever standard output still holds to nowhere, so the flush at exit finds nothing
    to fail on (a stream without a file descriptor, as a test's, is left as it is)."""
    with contextlib.suppress(OSError, ValueError):
        fd = sys.stdout.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)


def print_json(data: object) -> None:
    print(json.dumps(data, indent=2, sort_keys=False))
