"""What each `peacetalks` subcommand does; the parser lives in game.cli.parser."""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import shlex
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.engine.model import Scenario
from game.safetext import escaped_errors, escaped_output

if TYPE_CHECKING:  # the saves layer and the interface load only when a command needs them
    pass
from game.exits import EXIT_INVALID, EXIT_USAGE
from game.files import NOT_REGULAR
from game.scenario import bundled, check_file, resolve
from game.scenario.load import check_source


def run(args: argparse.Namespace) -> int:
    command = args.command or "title"
    if command in ("title", "play") or (command == "replay" and not (args.text or args.verify)):
        with escaped_errors():  # the interface: Textual writes its own escape sequences
            return _run(command, args)
    with escaped_output():  # text from files never reaches the terminal as control sequences
        return _run(command, args)


def _run(command: str, args: argparse.Namespace) -> int:
    if command == "list":
        return cmd_list()
    if command == "validate":
        return cmd_validate(args.paths, args.games)
    if command == "schema":
        return cmd_schema()
    if command == "new-scenario":
        return cmd_new_scenario(args.path, args.force)
    if command == "test-scenario":
        return cmd_test_scenario(args.paths, args.jobs, args.json)
    if command == "simulate":
        return cmd_simulate(args)
    if command == "tournament":
        from game.commands_tournament import cmd_tournament

        return cmd_tournament(args)
    if command == "analyze":
        return cmd_analyze(args.scenario, args.venue, args.json, args.spoiler_seed)
    if command == "replay":
        from game.commands_watch import cmd_replay

        return cmd_replay(args.save, args.verify, args.text, Path(args.saves))
    if command == "watch":
        from game.commands_watch import cmd_watch

        return cmd_watch(args)
    from game.commands_ui import cmd_ui

    return cmd_ui(args)


def _load(name: str) -> Scenario | int:
    """The scenario for a bundled name or a path, or the exit status after saying why not."""
    loaded = _load_source(name)
    return loaded if isinstance(loaded, int) else loaded[0]


def _load_source(name: str) -> tuple[Scenario, bytes] | int:
    """As _load, with the bytes the scenario was read from (read once: a game embeds the very
    bytes that were validated and hashed)."""
    path = resolve(name)
    if path is None:
        return _no_scenario(name)
    scenario, diagnostics, source = check_source(path)
    if scenario is None:
        for d in diagnostics:
            print(d, file=sys.stderr)
        return EXIT_INVALID
    return scenario, source


def _no_scenario(name: str) -> int:
    """Say that `name` is neither a bundled scenario nor a file; the exit status."""
    names = ", ".join(bundled()) or "none"
    print(f"peacetalks: error: no scenario {name!r}: not a bundled name ({names}) nor a file", file=sys.stderr)
    return EXIT_USAGE


def _one_line(text: str) -> str:
    """A file's name on one line, as an error shows it: a line break in it written out (\\n)."""
    return text.replace("\n", "\\n")


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


# The agreement rate a quick simulation should fall within: below it most games fail and the
# author probably set walk-away values too high; above it nearly every game ends in a deal and
# a player has little to win or lose.
AGREEMENT_RANGE = (0.40, 0.95)


def cmd_validate(paths: list[str], games: int = 0) -> int:
    from game.analysis.lint import venue_checks  # the warnings that need a venue's package space

    status = 0
    for name in paths:
        scenario, diagnostics = check_file(Path(name), extra=(venue_checks,))
        for d in diagnostics:
            print(d, file=sys.stderr)
        if scenario is None:
            status = EXIT_INVALID
            continue
        warnings = len(diagnostics)
        measured = ""
        if games:
            rate, quick = agreement_rate_warning(scenario, games)
            if quick:
                print(f"{name}: warning: {quick}", file=sys.stderr)
                warnings += 1
            else:
                # the rate measured, in range too: a bare "ok" left an author to guess how near the
                # edge the file stands, and to run simulate for a figure validate had in hand
                low, high = AGREEMENT_RANGE
                measured = (
                    f"{_one_line(name)}: in {games} AI games from seed 0, {rate:.0%} end with something agreed, "
                    f"within {low:.0%}-{high:.0%}"
                )
        note = f" ({warnings} warning{'s' if warnings != 1 else ''})" if warnings else ""
        # the name as the errors show it: stdout escapes control characters but keeps line breaks
        print(f"{_one_line(name)}: ok: {scenario.title}{note}")
        if measured:
            print(measured)
    return status


def agreement_rate_warning(scenario: Scenario, games: int) -> tuple[float, str]:
    """A quick simulation of `games` AI games from seed 0: the share that end with something
    agreed (the whole agenda, or part of it where partial deals are made), and a warning when it
    falls outside AGREEMENT_RANGE, else ''."""
    from game.sim.simulate import summarise

    rate = summarise(scenario, games, 0)["any_agreement_rate"]
    low, high = AGREEMENT_RANGE
    if low <= rate <= high:
        return rate, ""
    if rate > high:
        why = "nearly every game ends in a deal, so a player has little to win or lose"
    else:
        why = "most games end without a deal"
    return rate, (
        f"in {games} AI games from seed 0, {rate:.0%} end with something agreed, outside {low:.0%}-{high:.0%}: {why} "
        '(docs/SCENARIOS.md, "What moves the agreement rate")'
    )


def cmd_schema() -> int:
    from game.scenario.schema import schema_text

    print(schema_text(), end="")
    return 0


def cmd_new_scenario(name: str, force: bool) -> int:
    """Write the commented starting scenario; never over a file without --force, never into a
    folder that is not there (a typo in the path should not create folders)."""
    from game.saves import SaveError, write_atomic
    from game.scenario.template import starting_scenario

    path = Path(name)
    folder = path.parent
    mode: int | None = None
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        pass  # the usual case: a new file
    except OSError as exc:  # a name the system refuses to look up (too long, a loop of links...)
        print(f"peacetalks: error: {name}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_INVALID
    if mode is not None and stat.S_ISLNK(mode):
        # the atomic rename puts a file in the link's place, not in its target's: refused, with
        # or without --force, rather than either broken silently or written through to a file
        # somewhere else the user may not have meant
        print(
            f"peacetalks: error: {name} is a symbolic link; give the path of a regular file to write",
            file=sys.stderr,
        )
        return EXIT_INVALID
    if path.is_dir():
        print(f"peacetalks: error: {name} is a folder; give the path of the file to write", file=sys.stderr)
        return EXIT_INVALID
    if mode is not None and not stat.S_ISREG(mode):
        # the rename would put a file over a FIFO, a socket or a device (/dev/null): never
        print(f"peacetalks: error: {name}: {NOT_REGULAR}", file=sys.stderr)
        return EXIT_INVALID
    if path.exists() and not force:
        print(f"peacetalks: error: {name} already exists; add --force to overwrite it", file=sys.stderr)
        return EXIT_INVALID
    if not folder.is_dir():
        print(f"peacetalks: error: the folder {folder} does not exist; create it first", file=sys.stderr)
        return EXIT_INVALID
    try:
        write_atomic(path, starting_scenario(path))
    except SaveError as exc:
        print(f"peacetalks: error: {exc}", file=sys.stderr)
        return EXIT_INVALID
    # quoted as a shell needs it, so that the commands can be pasted as they are ("My Scenario!.yaml")
    quoted = shlex.quote(name)
    print(f"Wrote {name}: check it with `peacetalks validate {quoted}`, play it with `peacetalks play {quoted}`.")
    return 0


def cmd_test_scenario(names: list[str], jobs: int, as_json: bool) -> int:
    """Run the tests of each file: 0 when all pass, 1 when one fails or a file is invalid."""
    from game.cli import print_json
    from game.sim.scenario_tests import lines, run_files, to_json

    for name in names:
        if resolve(name) is None:  # "no such file" did not say that a bundled name is taken too
            return _no_scenario(name)
    reports, seconds = run_files([resolve(name) or Path(name) for name in names], jobs)
    for report in reports:
        for d in report.diagnostics if not report.valid else ():
            print(d, file=sys.stderr)
    if as_json:
        print_json(to_json(reports))
    else:
        print("\n".join(lines(reports, seconds)))
    return 0 if all(r.passed for r in reports) else EXIT_INVALID


def _seats(scenario: Scenario, default: str, given: list[str]) -> dict[int, str] | int:
    """Seat kinds by delegation index, or the exit status after saying what is wrong."""
    from game.commands_seats import parse_seats

    chosen = parse_seats(scenario, given)
    if isinstance(chosen, int):
        return chosen
    return {d: chosen.get(d, default) for d in range(len(scenario.delegations))}


def cmd_simulate(args: argparse.Namespace) -> int:
    from game.cli import print_json
    from game.sim.simulate import summarise

    loaded = _load_source(args.scenario)
    if isinstance(loaded, int):
        return loaded
    scenario, source = loaded
    from game.commands_seats import output_kept

    with output_kept(args.json):  # an agent's file loads here: what it writes as it loads is kept out too
        seats = _seats(scenario, args.difficulty, args.seat)
    if isinstance(seats, int):
        return seats
    save_dir = None if args.save_dir is None else Path(args.save_dir)
    from game.ai.agent import AgentError
    from game.saves import SaveError
    from game.sim.pool import WorkerEnded

    try:
        if save_dir is not None:
            _writable(save_dir)  # say so before playing a thousand games, not after
            _no_save_there(save_dir, [f"{scenario.id}-{i + 1:04d}" for i in range(args.games)])
        from game.ai.timing import move_limit

        with output_kept(args.json), move_limit(args.move_limit):
            summary = summarise(scenario, args.games, args.seed, seats, args.jobs, save_dir, source)
    except SaveError as exc:
        print(f"peacetalks: error: --save-dir: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except (AgentError, WorkerEnded) as exc:
        # the games saved before it stay whole: a game is written only once it is over (a worker
        # that ended is named with the game it was playing and its agents: game.sim.pool)
        from game.commands_seats import agent_traceback

        agent_traceback(exc)
        print(f"peacetalks: error: {exc}", file=sys.stderr)
        return EXIT_INVALID
    if args.json:
        print_json(summary)
        return 0
    games = args.games
    print(f"{scenario.title}: {games} AI-only game{'' if games == 1 else 's'} from seed {args.seed}")
    changed = {k: v for k, v in summary["seats"].items() if v != args.difficulty}
    print(f"seats: {args.difficulty}" + "".join(f", {k}={v}" for k, v in changed.items()))
    gap = summary["mean_pareto_gap"]
    print(
        f"agreement rate {summary['agreement_rate']:.1%} (some agreement {summary['any_agreement_rate']:.1%}), "
        f"mean rounds {summary['mean_rounds']:.2f}, mean Pareto gap {'-' if gap is None else f'{gap:.4f}'}"
    )
    outcomes: dict[str, int] = {}
    for r in summary["results"]:
        outcomes[r["outcome"]] = outcomes.get(r["outcome"], 0) + 1
    print("outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))
    print(when_signed(scenario, summary["results"]))
    if summary["history_match"] is not None:
        print(
            f"as in history: {summary['history_match']:.1%} of the recorded issues on average; "
            f"half of them or more in {summary['history_half_rate']:.1%} of games"
        )
    print()
    width = max(8, *(len(kind) + 2 for kind in summary["seats"].values()))
    print(f"{'delegation':<22}{'seat':>{width}}{'mean utility':>14}{'mean walk-away':>16}{'mean surplus':>14}")
    for d in scenario.delegations:
        row = summary["per_delegation"][d.id]
        seat = summary["seats"][d.id]
        print(
            f"{d.id:<22}{seat:>{width}}{row['mean_utility']:>14.3f}{row['mean_walk_away']:>16.3f}"
            f"{row['mean_surplus']:>+14.3f}"
        )
    # a researcher read the file's walk-away value in this column, which is no game's yardstick
    # where the file draws types or has cards that move it, and the columns did not add up
    print()
    for line in SURPLUS_NOTE:
        print(line)
    return 0


def when_signed(scenario: Scenario, results: list[dict[str, Any]]) -> str:
    """In which round of its venue the games' agreements were signed, and how many of them in
    the venue's last round: `when signed: round 4: 150, round 6: 20; in the venue's last round: 20
    of 170` (a campaign's rounds by venue, `astana round 4`). An author read the rounds of the
    deals only in tournament's column, or counted them over watched games."""
    rounds = {v.id: v.rounds for v in scenario.venues}
    count: dict[tuple[int, int], int] = {}
    order = {v.id: k for k, v in enumerate(scenario.venues)}
    last = 0
    for result in results:
        for signed in result["signed"]:
            key = (order[signed["venue"]], signed["round"])
            count[key] = count.get(key, 0) + 1
            last += signed["round"] >= rounds[signed["venue"]]
    if not count:
        return "when signed: nothing was signed"
    several = len(scenario.venues) > 1
    parts = [f"{scenario.venues[v].id + ' ' if several else ''}round {r}: {n}" for (v, r), n in sorted(count.items())]
    return f"when signed: {', '.join(parts)}; in the venue's last round: {last} of {sum(count.values())} signings"


SURPLUS_NOTE = (
    "utility: what the outcome is worth, less the rounds' toll; walk-away: each game's own as the game ended",
    "(drawn around the file's value, then moved by events and agreements); surplus: utility - walk-away, game",
    "by game (`tournament` measures it against the walk-away value as drawn, before anything moved it).",
)


def _in_the_way(folder: Path) -> str:
    """What on the way to `folder` is not a folder: the folder itself, or the first part of its
    path that is a file, a link to nothing or a loop of links (a review found a broken link on
    the path called a file)."""
    for part in (*reversed(folder.parents), folder):
        if part.is_dir():
            continue
        where = "it" if part == folder else str(part)
        if part.is_symlink():
            return f"{where} is a link to nothing (or a loop of links), not a folder"
        if part.exists():
            return f"{where} is a file, not a folder"
    return "a part of its path is not a folder"


def _writable(folder: Path, make: bool = True) -> None:
    """SaveError unless saves can be written in the folder: made if missing, or with `make`
    false, only shown to be makeable (a folder made by `play --save` before the command found no
    terminal to play in was left behind, empty)."""
    import tempfile

    from game.saves import SaveError

    try:
        if not make and _missing(folder):
            base = next(part for part in folder.parents if not _missing(part))
            if not base.is_dir():
                raise OSError(errno.ENOTDIR, "not a folder")
            try:
                os.rmdir(tempfile.mkdtemp(prefix=".peacetalks-", dir=base))  # as the folder will be made
            except FileNotFoundError:  # (in /proc, say)
                raise SaveError(f"{folder}: cannot write there: the system lets no folder be made in {base}") from None
            return
        folder.mkdir(parents=True, exist_ok=True)
        # A file made and removed, as a save is written: asking the permissions passes folders
        # that take no file all the same (/proc, where even root may make none; a read-only mount)
        fd, probe = tempfile.mkstemp(prefix=".peacetalks-", suffix=".tmp", dir=folder)
    except OSError as exc:
        if exc.errno == errno.ENOENT and folder.is_dir():
            raise SaveError(f"{folder}: cannot write there: the system lets no new file be made in it") from None
        if exc.errno in (errno.EEXIST, errno.ENOTDIR, errno.ELOOP):  # "File exists" said nothing
            raise SaveError(f"{folder}: cannot write there: {_in_the_way(folder)}") from None
        raise SaveError(f"{folder}: cannot write there: {exc.strerror or exc}") from None
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(probe)


def _missing(path: Path) -> bool:
    """Nothing is at the path, not even a link (a link to nothing is in the way of a folder there);
    a part of the path that is a file leaves nothing at it either."""
    try:
        os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return True
    return False


def _no_save_there(folder: Path, names: list[str]) -> None:
    """SaveError if a save of one of these names is in the folder already: a simulation never
    writes over a save (an earlier run's, or a game someone kept there)."""
    from game.saves import SaveError, safe_name, save_path

    try:
        there = {entry.name for entry in os.scandir(folder)}  # read once: a run may name a million games
    except OSError as exc:
        raise SaveError(f"{folder}: cannot read it: {exc.strerror or exc}") from None
    for name in names if there else ():
        if f"{safe_name(name)}.yaml" in there:
            raise SaveError(
                f"{save_path(folder, name)} already holds a saved game: choose another folder, or empty this one"
            )


def cmd_analyze(name: str, venue_id: str | None, as_json: bool, spoiler_seed: int | None = None) -> int:
    from game.analysis import analyze
    from game.cli import print_json
    from game.engine.types import draw_types, types_drawn

    scenario = _load(name)
    if isinstance(scenario, int):
        return scenario
    # The file holds the centre of each delegation's preferences; a game plays numbers drawn
    # around it from its seed, which only the explicit spoiler flag prints.
    if spoiler_seed is not None:
        scenario = draw_types(scenario, spoiler_seed)
    venue = 0
    if venue_id is not None:
        if venue_id not in scenario.venue_index:
            known = ", ".join(v.id for v in scenario.venues)
            print(f"peacetalks: error: no venue {venue_id!r} in {scenario.id} (known: {known})", file=sys.stderr)
            return EXIT_USAGE
        venue = scenario.venue_index[venue_id]
    result = analyze(scenario, venue)
    data = result.to_json()
    data["preferences"] = "central" if spoiler_seed is None else f"drawn for seed {spoiler_seed} (spoiler)"
    if as_json:
        print_json(data)
        return 0
    v = scenario.venues[venue]
    print(scenario.title)
    print(f"venue: {v.name}" + (f" ({venue + 1} of {len(scenario.venues)})" if len(scenario.venues) > 1 else ""))
    if spoiler_seed is not None:
        print(f"SPOILER: the private preferences drawn for the game with seed {spoiler_seed}")
    elif types_drawn(scenario):
        # a player read these figures as the others' real numbers: a game plays numbers drawn
        # around them, which only the spoiler flag (or the debrief) shows
        print("preferences: the file's central values; each game draws its own around them")
    print(f"issues: {', '.join(data['issues'])}")
    print(f"signatories: {', '.join(data['signatories'])}")
    if not result.exact:
        print("approximate: the space is too large to enumerate; figures come from a sample of it")
    if len(scenario.venues) > 1:
        # an author read "0 in the zone of possible agreement" at a second venue whose AI games
        # all signed: what a game settles at the other venues is not known here
        print(
            "other venues' issues at their status quo: what a game settles there moves every figure"
            " (the debrief judges a game by what it settled)"
        )
    print(
        f"{data['packages']} packages outside every signatory's red lines; "
        f"{data['zopa_size']} in the zone of possible agreement; {data['pareto_size']} on the Pareto frontier"
    )
    ids = data["signatories"]
    print()
    print(f"{'point':<10}" + "".join(f"{i[:11]:>12}" for i in ids))
    print(
        f"{'walk-away':<10}"
        + "".join(f"{scenario.delegations[scenario.delegation_index[i]].reservation:>12.2f}" for i in ids)
    )
    for label in ("nash", "kalai", "welfare"):
        point = data[label]
        if point is None:
            print(f"{label:<10}" + "(no package gives every signatory its walk-away value)")
            continue
        print(f"{label:<10}" + "".join(f"{point['utilities'][i]:>12.2f}" for i in ids))
    for label in ("nash", "kalai"):
        point = data[label]
        if point is not None:
            print()
            print(f"{label.capitalize()} package:")
            for issue, option in point["package"].items():
                the_issue = scenario.issues[scenario.issue_index[issue]]
                print(f"  {the_issue.name}: {the_issue.options[the_issue.option_index(option)].label}")
    return 0
