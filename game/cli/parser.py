"""The `peacetalks` command's parser: its commands, options and help, and its usage errors."""

from __future__ import annotations

import argparse
from typing import Any, NoReturn

from game import __version__
from game.cli.args import folder, jobs, new_file, positive, save_file, scenario, scenario_file, seconds, seed


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


def parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="peacetalks",
        description="A turn-based negotiation game: the Syrian peace talks, 2017-2018. With no command, the title screen.",
    )
    # The folder can be given before the command or after it; a subcommand's --saves has no
    # default of its own (SUPPRESS), so it never overwrites the one given before the command.
    p.add_argument("--saves", default="saves", metavar="DIR", type=folder, help=_SAVES_HELP)
    p.add_argument("--version", action="version", version=f"peacetalks {__version__}")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    sub.add_parser("list", help="the bundled scenarios, their venues and delegations")

    v = sub.add_parser("validate", help="check scenario files and report every problem")
    v.add_argument("paths", nargs="+", metavar="PATH", type=scenario_file)
    v.add_argument(
        "--games",
        type=positive,
        default=0,
        metavar="N",
        help="also play N quick AI games from seed 0 and warn when the share that end with something agreed "
        "(a whole or a partial deal) falls outside 40-95%%",
    )

    sub.add_parser("schema", help="print the JSON Schema of the scenario format, for editors")

    n = sub.add_parser("new-scenario", help="write a commented starting scenario to PATH")
    n.add_argument("path", type=new_file, metavar="PATH", help="the file to write (its folder must exist)")
    n.add_argument("--force", action="store_true", help="overwrite PATH if it exists")

    ts = sub.add_parser("test-scenario", help="run the tests written in scenario files (their tests: section)")
    ts.add_argument("paths", nargs="+", metavar="PATH", type=scenario, help="scenario files or bundled scenario names")
    ts.add_argument(
        "--jobs", type=jobs, default=1, metavar="J", help="worker processes (default 1; the same report for any J)"
    )
    ts.add_argument("--json", action="store_true", help="print one JSON object instead of a line per test")

    s = sub.add_parser("simulate", help="play AI-only games headlessly and report the outcomes")
    s.add_argument("scenario", metavar="SCENARIO", type=scenario, help="a bundled scenario name or a path")
    s.add_argument("--games", type=positive, default=100, metavar="N", help="how many games (default 100)")
    s.add_argument("--seed", type=seed, default=0, metavar="S", help=_BASE_SEED_HELP)
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
        "--jobs", type=jobs, default=1, metavar="J", help="worker processes (default 1; the same output for any J)"
    )
    s.add_argument("--save-dir", default=None, metavar="DIR", type=folder, help="also write every game there as a save")
    s.add_argument("--move-limit", type=seconds, default=None, metavar="SECONDS", help=_LIMIT_HELP)

    t = sub.add_parser("tournament", help="every level and strategy in one seat, over the same seeds")
    t.add_argument("scenario", metavar="SCENARIO", type=scenario, help="a bundled scenario name or a path")
    t.add_argument("--seat", required=True, metavar="ID", help="the delegation whose seat is played (a signatory)")
    t.add_argument("--games", type=positive, default=300, metavar="N", help="games a row (default 300)")
    t.add_argument("--seed", type=seed, default=0, metavar="S", help=_BASE_SEED_HELP)
    t.add_argument(
        "--jobs", type=jobs, default=1, metavar="J", help="worker processes (default 1; the same figures for any J)"
    )
    t.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    t.add_argument(
        "--agent",
        action="append",
        default=[],
        metavar="SPEC",
        help="also a row for your own agent, PATH.py:NAME or module:NAME (repeatable)",
    )
    t.add_argument("--move-limit", type=seconds, default=None, metavar="SECONDS", help=_LIMIT_HELP)

    a = sub.add_parser("analyze", help="the package space of a venue: Pareto frontier, Nash, Kalai, ZOPA")
    a.add_argument("scenario", metavar="SCENARIO", type=scenario, help="a bundled scenario name or a path")
    a.add_argument("--venue", default=None, metavar="V", help="the venue id (default: the first)")
    a.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    a.add_argument(
        "--spoiler-seed",
        type=seed,  # a game's seed: 0..2^63-1, as --seed takes it (a negative one is no game's)
        default=None,
        metavar="SEED",
        help="SPOILER: the private numbers drawn for the game with this seed, not the file's central ones",
    )

    g = sub.add_parser("play", help="play at the table in the terminal (straight past the title screen)")
    g.add_argument(
        "scenario", nargs="?", default=None, metavar="SCENARIO", type=scenario, help="a bundled name or a path"
    )
    g.add_argument(
        "--as", dest="humans", action="append", default=[], metavar="DELEGATION",
        help="the delegation you play, by its id (`peacetalks list` names every scenario's; repeat for hot-seat play; "
        "default: the scenario's own choice)",
    )  # fmt: skip
    g.add_argument(
        "--difficulty", choices=("easy", "normal", "hard"), default=None, help="the AI's level (default: normal)"
    )
    g.add_argument("--seed", type=seed, default=None, metavar="S", help="the seed (default: a new one)")
    g.add_argument(
        "--load", default=None, metavar="SAVE", type=save_file,
        help="continue a saved game: its path, or its name in the saves folder",
    )  # fmt: skip
    g.add_argument(
        "--save", default=None, metavar="NAME",
        help="save the game as NAME in the saves folder, kept up to date every round (a new game only)",
    )  # fmt: skip
    g.add_argument("--seat", action="append", default=[], metavar="ID=KIND", help=_SEAT_HELP)
    g.add_argument("--saves", default=argparse.SUPPRESS, metavar="DIR", type=folder, help=_SAVES_HELP)
    g.add_argument(
        "--watch",
        action="store_true",
        help="for authors: restart the game whenever the scenario file changes, and show its errors",
    )

    w = sub.add_parser("watch", help="an AI-only game, printed as a transcript (needs no terminal)")
    w.add_argument(
        "scenario", nargs="?", default=None, metavar="SCENARIO", type=scenario, help="a bundled name or a path"
    )
    w.add_argument("--seed", type=seed, default=None, metavar="S", help="the seed (default: 2017)")
    w.add_argument(
        "--difficulty", choices=("easy", "normal", "hard"), default=None, help="the AI's level (default: normal)"
    )
    w.add_argument(
        "--load", default=None, metavar="SAVE", type=save_file,
        help="continue a saved game, every seat AI: its path, or its name in the saves folder",
    )  # fmt: skip
    w.add_argument(
        "--spoiler",
        action="store_true",
        help="SPOILER: with --load, play out a game a person is still playing (shows what is still to come "
        "and every side's private numbers)",
    )
    w.add_argument("--seat", action="append", default=[], metavar="ID=KIND", help=_SEAT_HELP)
    w.add_argument("--move-limit", type=seconds, default=None, metavar="SECONDS", help=_LIMIT_HELP)
    w.add_argument(
        "--save",
        default=None,
        metavar="NAME",
        help="save the finished game as NAME in the saves folder (never over another save)",
    )
    w.add_argument("--saves", default=argparse.SUPPRESS, metavar="DIR", type=folder, help=_SAVES_HELP)

    r = sub.add_parser(
        "replay", help="replay a saved game: step through it in the terminal, print its transcript, or check every hash"
    )
    r.add_argument("save", metavar="SAVE", type=save_file, help=_SAVE_HELP)
    mode = r.add_mutually_exclusive_group()
    mode.add_argument("--text", action="store_true", help="print the transcript as Markdown (needs no terminal)")
    mode.add_argument("--verify", action="store_true", help="replay every action; exit 1 at the first divergence")
    r.add_argument("--saves", default=argparse.SUPPRESS, metavar="DIR", type=folder, help=_SAVES_HELP)
    return p
