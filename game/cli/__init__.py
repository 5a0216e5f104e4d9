"""The `peacetalks` command. Thin: parse the arguments, call the layers, print."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
from collections.abc import Sequence

from game.cli.parser import UsageError, parser
from game.exits import EXIT_INTERRUPTED, EXIT_INVALID, EXIT_USAGE, exit_for_signal
from game.interrupts import Stopped, ending_as_ctrl_c, noted
from game.safetext import ClosedOutput, EscapingStream, OutputError


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
        args = parser().parse_args(argv)
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
