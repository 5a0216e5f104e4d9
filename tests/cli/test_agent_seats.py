"""Bring your own agent: `--seat ID=PATH.py:NAME` (or module:NAME) on simulate, watch and play.
A good agent plays in any of its shapes; a bad one is reported in one line with its seat and the
game's seed, exit 1, and no save is left half-written or unloadable."""

from __future__ import annotations

import asyncio
import json
import os
import re
import sys
from pathlib import Path

import pytest

from game.ai.agent import AgentError, AgentLoadError, load_agent
from game.ai.selfplay import play
from game.cli import main
from game.saves import load
from game.scenario import bundled, load_scenario
from game.sim.seating import game_choosers
from game.sim.simulate import game_seed
from tests.cli_runner import one_line
from tests.ui.driving import driven

ROOT = Path(__file__).resolve().parents[2]
AGENTS = ROOT / "tests" / "fixtures" / "agents" / "agents.py"
EXAMPLE = ROOT / "docs" / "examples" / "my_agent.py"
ASTANA = load_scenario(bundled()["astana-8"])
OPP = ASTANA.delegation_index["opposition"]


def spec(name: str, path: Path = AGENTS) -> str:
    return f"{path}:{name}"


@pytest.mark.parametrize(
    "name", ["hard", "WithScenario", "Plain", "KeywordOnly", "WithDefaults", "ScenarioOrNot", "instance", "by_the_docs"]
)
def test_every_shape_of_agent_plays_a_whole_game(name: str) -> None:
    seed = 5
    game = play(ASTANA, seed, game_choosers(ASTANA, {OPP: spec(name)}, seed))
    assert game.state.over and game.refused == 0


def test_a_module_attribute_is_an_agent_too() -> None:
    game = play(ASTANA, 2, game_choosers(ASTANA, {OPP: "game.ai.random_agent:choose_random"}, 2))
    assert game.state.over


def test_an_outside_agent_plays_exactly_as_the_same_builtin_agent() -> None:
    # the plain function is the hard negotiator: the games must be move for move the same
    for seed in (1, 2):
        mine = play(ASTANA, seed, game_choosers(ASTANA, {OPP: spec("hard")}, seed))
        builtin = play(ASTANA, seed, game_choosers(ASTANA, {OPP: "hard"}, seed))
        assert mine.actions == builtin.actions


@pytest.mark.parametrize(
    ("agent", "fragment"),
    [
        (spec("nothing_here"), "has no 'nothing_here'"),
        (spec("not_an_agent"), "not an agent"),
        (spec("x", ROOT / "no-such-file.py"), "no such file"),
        ("no_such_module_here:agent", "cannot import no_such_module_here"),
        ("no-colon", "PATH.py:NAME"),
    ],
)
def test_an_agent_that_cannot_be_found_says_why(agent: str, fragment: str) -> None:
    with pytest.raises(AgentLoadError, match=fragment):
        load_agent(agent, ASTANA)


def test_a_file_with_a_syntax_error_is_named_by_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.py"
    broken.write_text("def choose(view, rng)\n    return None\n")
    assert main(["simulate", "astana-8", "--games", "1", "--seat", f"opposition={broken}:choose"]) == 1
    one_line(capsys.readouterr().err, "--seat opposition", f"{broken}:1:")


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"x = 1\x00\n", "{path}: source code string cannot contain null bytes"),  # was {path}:None:None:
        (b"raise SystemExit(4)\n", "loading {path} failed: SystemExit: 4"),  # was a silent exit with status 4
        (None, "{path} is a folder, not a Python file"),  # was "no such file"
        # was "interrupted", exit 130, as if the user had pressed Ctrl+C
        (b"raise KeyboardInterrupt\n", "loading {path} failed: KeyboardInterrupt"),
    ],
    ids=["nul-byte", "exits-at-import", "a-folder", "interrupts-at-import"],
)
def test_a_file_that_cannot_be_an_agent_is_one_line(
    content: bytes | None, fragment: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "agent.py"
    if content is None:
        path.mkdir()
    else:
        path.write_bytes(content)
    assert main(["watch", "astana-8", "--seat", f"opposition={path}:choose"]) == 1
    one_line(capsys.readouterr().err, "--seat opposition", fragment.format(path=path))


def test_an_agent_path_that_is_a_fifo_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "agent.py"
    os.mkfifo(fifo)
    assert main(["simulate", "astana-8", "--games", "1", "--seat", f"opposition={fifo}:choose"]) == 1
    one_line(capsys.readouterr().err, "--seat opposition", f"{fifo} is not a regular file")  # was "no such file"


def test_an_agent_path_that_loops_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    loop = tmp_path / "agent.py"
    loop.symlink_to(loop.name)
    assert main(["simulate", "astana-8", "--games", "1", "--seat", f"opposition={loop}:choose"]) == 1
    # was the system's "Too many levels of symbolic links", worded unlike a scenario's or a save's
    one_line(capsys.readouterr().err, "--seat opposition", "a symbolic link that loops back on itself")


def test_a_file_whose_imports_fail_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "needs.py"
    broken.write_text("import a_module_that_is_not_installed_anywhere\n")
    assert main(["watch", "astana-8", "--seat", f"opposition={broken}:choose"]) == 1
    one_line(capsys.readouterr().err, "--seat opposition", "ModuleNotFoundError")


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("raises", "raised ValueError: the agent has a bug"),
        ("exits", "raised SystemExit: 3"),  # sys.exit() in an agent ended the command, silent, with its status
        ("wrong_type", "returned str, not a Decision"),
        ("illegal", "made a move the rules refuse (propose)"),
        ("other_seat", "acted for"),
        # was "returned Decision, not a Decision with an action"
        ("action_as_text", "returned a Decision whose action is str, not one of the engine's actions"),
        # was no error at all: the game could not be replayed from its seed
        ("global_random", "drew from Python's global random generator"),
        ("seeds_global_random", "drew from Python's global random generator"),
        ("numpy_global_random", "drew from numpy's global random generator"),
        # each was a traceback: the move passed the rules' check and failed inside it
        ("answers_with_text", "accepts with true or false"),
        ("package_as_dict", "a package must be a tuple of (issue id, option id) pairs"),
        ("package_as_text", "a package must be a tuple of (issue id, option id) pairs"),
        ("meets_a_list", "a meet action names things by their ids"),
        ("presses_a_list", "a pressure action names things by their ids"),
        # not an Exception: it escaped the guard
        ("raises_base_exception", "raised Abandoned: gave up"),
    ],
)
def test_an_agent_error_names_the_seat_and_the_seed(
    name: str, fragment: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["simulate", "astana-8", "--games", "2", "--seed", "4", "--seat", f"opposition={spec(name)}"]
    assert main([*args, "--save-dir", str(tmp_path)]) == 1
    seed = game_seed(4, 0)
    one_line(capsys.readouterr().err, "seat opposition", f"game seed {seed}", fragment)
    assert not list(tmp_path.iterdir())  # no game finished, so none was saved


def test_an_agent_error_names_the_agent_too(capsys: pytest.CaptureFixture[str]) -> None:
    # with two agents of one's own at the table, the seat alone left it to the user to match them up
    args = ["simulate", "astana-8", "--games", "1", "--seed", "4", "--seat", f"turkey={spec('Plain')}"]
    assert main([*args, "--seat", f"opposition={spec('raises')}"]) == 1
    line = one_line(
        capsys.readouterr().err,
        f"the agent in seat opposition ({spec('raises')}; game seed {game_seed(4, 0)}, round 1, turn ",
    )
    assert re.search(r"turn \d+\) raised ValueError: the agent has a bug, at .*agents\.py:\d+ in raises$", line), line


UNSAYABLE = """
class Unsayable(Exception):
    def __str__(self) -> str:
        raise RuntimeError("no message")

def choose(view, rng):
    raise Unsayable()
"""


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("at_import", [False, True])
def test_an_agent_exception_that_cannot_say_what_it_is_is_one_line(
    at_import: bool, jobs: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before, an exception whose str() itself raised escaped the guard as a traceback."""
    path = tmp_path / "unsayable.py"
    path.write_text(UNSAYABLE + ("raise Unsayable()\n" if at_import else ""))
    args = ["simulate", "astana-8", "--games", "2", "--jobs", jobs, "--seat", f"opposition={path}:choose"]
    assert main(args) == 1
    one_line(capsys.readouterr().err, "opposition", "Unsayable: (its message could not be read)")


def test_the_games_saved_before_an_agent_failed_stay_loadable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the agent counts the games it has begun in this process: start the count afresh
    made = load_agent(spec("FailsLater"), ASTANA)
    sys.modules[made.__self__.__class__.__module__].started = 0  # type: ignore[attr-defined]
    args = ["simulate", "astana-8", "--games", "5", "--seat", f"opposition={spec('FailsLater')}"]
    assert main([*args, "--save-dir", str(tmp_path)]) == 1
    one_line(capsys.readouterr().err, "seat opposition", f"game seed {game_seed(0, 2)}", "ZeroDivisionError")
    saved = sorted(tmp_path.iterdir())
    assert len(saved) == 2
    for path in saved:
        session = load(path)
        assert session.state.over
        assert session.seats["opposition"] == f"agent:{spec('FailsLater')}"


def test_an_agent_failing_in_a_worker_is_reported_the_same(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["simulate", "astana-8", "--games", "4", "--jobs", "2", "--seat", f"opposition={spec('raises')}"]
    assert main(args) == 1
    one_line(capsys.readouterr().err, "seat opposition", "raised ValueError")


def test_watch_stops_at_the_error_and_saves_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--saves", str(tmp_path), "watch", "astana-8", "--seed", "3", "--save", "mine"]
    assert main([*args, "--seat", f"opposition={spec('illegal')}"]) == 1
    out = capsys.readouterr()
    one_line(out.err, "seat opposition", "game seed 3", "rules refuse")
    assert "Outcome:" not in out.out
    assert not list(tmp_path.iterdir())


def test_a_seat_agent_in_watch_is_saved_by_name_and_the_save_replays(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["watch", "astana-8", "--seed", "3", "--save", "mine", "--saves", str(tmp_path)]
    assert main([*args, "--seat", f"opposition={spec('Plain')}"]) == 0
    capsys.readouterr()
    saved = next(tmp_path.iterdir())
    assert load(saved).seats["opposition"] == f"agent:{spec('Plain')}"
    assert main(["replay", str(saved), "--verify"]) == 0


def test_the_example_agent_in_the_docs_plays_simulate_and_watch(capsys: pytest.CaptureFixture[str]) -> None:
    agent = f"opposition={EXAMPLE}:Patient"
    assert main(["simulate", "astana-8", "--games", "3", "--seat", agent, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["seats"]["opposition"] == f"{EXAMPLE}:Patient"
    assert all(r["refused_actions"] == 0 for r in data["results"])
    assert main(["watch", "astana-8", "--seed", "1", "--seat", agent]) == 0
    out = capsys.readouterr().out
    assert "Outcome:" in out
    # its reasons are in words: the transcript is public, and its numbers once gave its walk-away
    # value away in the last round (found from outside)
    answers = [line for line in out.splitlines() if line.startswith("The armed opposition delegation ") and "(" in line]
    assert answers and not any(re.search(r"\d\.\d", line.rsplit("(", 1)[1]) for line in answers), answers


def test_seat_arguments_that_make_no_sense_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", "astana-8", "--games", "1", "--seat", "opposition"]) == 1
    one_line(capsys.readouterr().err, "expected ID=LEVEL")
    assert main(["simulate", "astana-8", "--games", "1", "--seat", "opposition=genius"]) == 1
    one_line(capsys.readouterr().err, "one of easy, normal, hard")
    # one seat twice: before, the last one played it without a word
    for command in (["simulate", "astana-8", "--games", "1"], ["watch", "astana-8"]):
        assert main([*command, "--seat", "opposition=hard", "--seat", "opposition=easy"]) == 1
        out, err = capsys.readouterr()
        assert out == ""
        one_line(err, "--seat opposition=easy: the seat opposition is given twice")


def test_play_in_the_interface_stops_on_an_agent_error_and_leaves_the_autosave_whole(tmp_path: Path) -> None:
    from game.paths import latest_autosave
    from game.ui.app import make_app

    app = make_app(
        scenario=bundled()["astana-8"],
        humans=(),
        seed=11,
        saves_dir=tmp_path,
        speed=0,
        seats=(("opposition", f"agent:{spec('raises_in_round_two')}"),),
    )

    async def run() -> None:
        async with driven(app) as pilot:
            for _ in range(6000):
                if app.failure:
                    break
                await pilot.pause(0.01)

    asyncio.run(run())
    assert app.failure, "the app did not stop on the agent's error"
    assert "seat opposition" in app.failure and "game seed 11" in app.failure and "RuntimeError" in app.failure
    assert app.return_code == 1
    saved = latest_autosave()
    assert saved is not None, "the first round's end should have been autosaved"
    session = load(saved)
    assert session.state.round == 2 and session.seats["opposition"] == f"agent:{spec('raises_in_round_two')}"


def test_agent_errors_are_errors() -> None:
    assert issubclass(AgentLoadError, AgentError)


def test_the_tournament_plays_an_agent_of_ones_own_as_a_row(capsys: pytest.CaptureFixture[str]) -> None:
    # before, the tournament had no way to bring one's own agent: only the levels and the library
    args = ["tournament", "astana-8", "--seat", "opposition", "--games", "2", "--json"]
    assert main([*args, "--agent", spec("hard")]) == 0
    rows = {row["kind"]: row for row in json.loads(capsys.readouterr().out)["rows"]}
    # the fixture's `hard` is the hard negotiator: its row is the hard row, game for game
    assert rows[spec("hard")]["mean_surplus"] == rows["hard"]["mean_surplus"]
    assert rows[spec("hard")]["diff_to_hard"] == 0


def test_an_agent_failing_in_the_tournament_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["tournament", "astana-8", "--seat", "opposition", "--games", "1"]
    assert main([*args, "--agent", spec("raises")]) == 1
    one_line(capsys.readouterr().err, "seat opposition", f"{spec('raises')}; game seed {game_seed(0, 0)}")
    assert main([*args, "--agent", spec("nothing_here")]) == 1
    out, err = capsys.readouterr()
    assert out == ""  # said before any row is played
    one_line(err, f"--agent {spec('nothing_here')}", "has no 'nothing_here'")


@pytest.fixture
def save_naming_code(tmp_path: Path) -> tuple[Path, Path, str]:
    """A running game whose save names an outside agent: a Python file that leaves a mark when
    it is imported (the docs' example agent, with a side effect at import)."""
    from game.saves import Session, save

    mark = tmp_path / "ran.txt"
    agent = tmp_path / "theirs.py"
    agent.write_text(EXAMPLE.read_text() + f"\nopen({str(mark)!r}, 'w').close()\n")
    spec = f"{agent}:Patient"
    scenario = ASTANA
    seats = {d.id: "ai:normal" for d in scenario.delegations}
    seats["opposition"] = f"agent:{spec}"
    source = bundled()["astana-8"].read_bytes()
    path = save(Session.new(scenario, source, 5, seats, "astana-8"), tmp_path / "saves", "running")
    return path, mark, spec


@pytest.mark.parametrize("command", ["watch", "play"])
def test_a_save_never_runs_the_code_it_names_unless_the_command_repeats_it(
    command: str, save_naming_code: tuple[Path, Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Before, `watch --load` (and `play --load`) imported and ran the Python file a save names
    as an outside agent: a save handed over with a file of its sender's ran that file."""
    path, mark, spec = save_naming_code
    before = path.read_bytes()
    assert main([command, "--load", str(path)]) == 1
    one_line(
        capsys.readouterr().err,
        f"{path}: seat opposition was played by the outside agent {spec}: a save never runs code by itself",
        f"to run it, load the save with --seat opposition={spec}",
    )
    assert main([command, "--load", str(path), "--seat", "government=ai:easy"]) == 1
    one_line(capsys.readouterr().err, "a saved game keeps its own seats")
    assert not mark.exists() and path.read_bytes() == before
    if command == "watch":  # play would need a terminal
        assert main(["watch", "--load", str(path), "--seat", f"opposition={spec}"]) == 0
        assert "Outcome:" in capsys.readouterr().out and mark.exists()


def test_the_title_screen_never_runs_the_code_a_save_names(save_naming_code: tuple[Path, Path, str]) -> None:
    """A save opened from inside the interface (the saves browser, the autosave) has no --seat
    to repeat its outside agent: it is refused with the reason, and the agent's file never runs."""
    from textual.widgets._toast import Toast

    from game.ui.app import make_app

    path, mark, spec = save_naming_code
    app = make_app(load=path, saves_dir=path.parent, speed=0)

    async def run() -> None:
        async with driven(app, notifications=True) as pilot:
            for _ in range(500):
                if app.screen.query(Toast):
                    break
                await pilot.pause(0.01)
            shown = " ".join(str(toast.render()) for toast in app.screen.query(Toast))
            assert f"to run it, load the save with --seat opposition={spec}" in " ".join(shown.split()), shown
            assert type(app.screen).__name__ == "TitleScreen"

    asyncio.run(run())
    assert not mark.exists()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_agent_that_writes_on_its_view_changes_nothing_in_the_game(
    jobs: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its view shared the game's objects: an agent that wrote on them (object.__setattr__ gets
    past frozen) cut the venue short, moved the rules and emptied the proposals, and the saves
    of those games failed their own check. Now it gets a copy: its games are the games of the
    same play without the writing, and their saves verify."""
    args = ["simulate", "astana-8", "--games", "3", "--seed", "6", "--jobs", jobs, "--json"]
    hashes = {}
    for name in ("writes_on_its_view", "Plain", "WritesOnItsScenario"):
        saves = tmp_path / name
        assert main([*args, "--seat", f"opposition={spec(name)}", "--save-dir", str(saves)]) == 0
        hashes[name] = [r["final_state_hash"] for r in json.loads(capsys.readouterr().out)["results"]]
        for path in sorted(saves.iterdir()):
            assert main(["replay", str(path), "--verify"]) == 0, capsys.readouterr().err
        capsys.readouterr()
    assert hashes["writes_on_its_view"] == hashes["Plain"] == hashes["WritesOnItsScenario"]
    assert ASTANA.venues[0].rounds > 1 and ASTANA.rules.collapse_support < 99  # the loaded scenario as it was


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_what_an_agent_prints_goes_to_stderr_not_into_the_json(
    jobs: str, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """Its lines came before the JSON on stdout, and a program reading it failed. (Read at the
    file descriptors: an outside agent plays in a worker process, whatever the jobs.)"""
    noisy = tmp_path / "noisy.py"
    noisy.write_text("print('loading the agent')\nfrom tests.fixtures.agents.agents import prints as choose\n")
    for agent in (spec("prints"), f"{noisy}:choose"):
        args = ["simulate", "astana-8", "--games", "2", "--jobs", jobs, "--json", "--seat", f"opposition={agent}"]
        assert main(args) == 0
        out, err = capfd.readouterr()
        assert len(json.loads(out)["results"]) == 2
        assert "thinking about opposition" in err
    assert "loading the agent" in err  # the file is loaded here first, whatever the jobs


@pytest.mark.parametrize("command", ["simulate", "tournament"])
def test_an_agent_that_ends_its_process_is_reported_with_one_job_too(
    command: str, capfd: pytest.CaptureFixture[str]
) -> None:
    """os._exit in an agent ended `simulate --json` with nothing said and status 0 where the
    games played in the command's own process (one job, the default); with workers it was named.
    An outside agent now always plays in a worker."""
    agent = spec("exits_its_process")
    if command == "simulate":
        args = ["simulate", "astana-8", "--games", "2", "--seat", f"opposition={agent}", "--json"]
    else:
        args = ["tournament", "astana-8", "--seat", "opposition", "--games", "2", "--agent", agent, "--json"]
    assert main(args) == 1
    out, err = capfd.readouterr()
    assert out == ""
    assert err.strip() == (
        "peacetalks: error: a worker process ended (exit code 0) during game seed "
        f"{game_seed(0, 0)}, with the agent in seat opposition ({agent}) at the table"
    )


@pytest.mark.parametrize("command", ["simulate", "tournament"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_what_an_agent_writes_past_sys_stdout_stays_out_of_the_json(
    command: str, jobs: str, capfd: pytest.CaptureFixture[str]
) -> None:
    """Written to sys.__stdout__ or with os.write(1, ...), it came before the JSON, which no
    longer parsed, and the command ended with status 0 (a researcher's)."""
    agent = spec("writes_past_stdout" if jobs == "1" else "WritesPastStdoutAsItIsMade")
    if command == "simulate":
        args = ["simulate", "astana-8", "--games", "2", "--seat", f"opposition={agent}"]
    else:
        args = ["tournament", "astana-8", "--seat", "opposition", "--games", "2", "--agent", agent]
    assert main([*args, "--jobs", jobs, "--json"]) == 0
    out, err = capfd.readouterr()
    json.loads(out)  # the JSON whole, and nothing else
    assert "past sys.stdout" in err and "straight to fd 1" in err
    if jobs == "2":  # the class is made once here to be checked, before the games (a review's)
        assert "made: straight to fd 1" in err


def test_an_agents_reason_is_one_line_in_the_transcript(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["watch", "astana-8", "--seed", "2", "--seat", f"opposition={spec('says_two_lines')}"]) == 0
    out = capsys.readouterr().out
    assert "first line second line" in out
    assert not any(line.strip() == "second line" for line in out.splitlines())


def test_a_long_agent_name_keeps_the_tournaments_columns(capsys: pytest.CaptureFixture[str]) -> None:
    """The rows' names were cut to 23 columns: a longer agent spec ran into the next column."""
    agent = spec("hard")
    assert len(agent) > 23
    assert main(["tournament", "astana-8", "--seat", "opposition", "--games", "1", "--agent", agent]) == 0
    lines = capsys.readouterr().out.splitlines()
    header = next(line for line in lines if line.startswith("row "))
    row = next(line for line in lines if line.startswith(agent))
    hard = next(line for line in lines if line.startswith("hard "))
    # every column where the header puts it, in the agent's row as in the hard row
    assert row.index(" ±") == hard.index(" ±")
    assert len(row) == len(hard) and header.index("mean surplus") < hard.index(" ±")
    legend = next(line for line in lines if line.startswith(f"  {agent}"))
    assert legend == f"  {agent}  your agent {agent}"


# an answer with a reason full of escape sequences: colours, the window's title, a cleared screen
ESCAPING = """
from game.ai.reading import Decision
from game.engine import Pass, Respond
from game.engine.state import PENDING

REASON = "ESC\\x1b[31mRED\\x1b[0m\\x1b]0;TITLE\\x07\\x1b[2J\\x9b2J\\rCR\\x00"

def choose(view, rng):
    for p in view.proposals:
        if p.author != view.me and p.response_of(view.me) == PENDING:
            return Decision(Respond(view.own.id, p.id, False), REASON)
    return Decision(Pass(view.own.id), REASON)
"""
# the reason as every reader gets it: its control characters written out, as `watch` prints them
ESCAPED = "ESC\\x1b[31mRED\\x1b[0m\\x1b]0;TITLE\\x07\\x1b[2J\\x9b2J CR\\x00"


def test_an_agents_reason_reaches_every_reader_with_its_control_characters_written_out(tmp_path: Path) -> None:
    """Before, the guard only put the reason on one line: `watch` escaped it as it printed, but
    the interface's transcript drew it raw, and the terminal of `play` ran its escape sequences
    (the window's title changed, the table was wiped)."""
    path = tmp_path / "escaping.py"
    path.write_text(ESCAPING)
    game = play(ASTANA, 3, game_choosers(ASTANA, {OPP: f"{path}:choose"}, 3))
    theirs = [r for r, a in zip(game.reasons, game.actions, strict=True) if a.actor == "opposition"]
    assert theirs and all(r == ESCAPED for r in theirs)


def test_the_interface_shows_an_agents_escape_sequences_as_text(tmp_path: Path) -> None:
    from game.ui.widgets.wrapped import WrappedText
    from tests.ui.driving import at_the_table, new_app

    path = tmp_path / "escaping.py"
    path.write_text(ESCAPING)
    # Turkey, played here, speaks after the opposition has answered the government's opening offer
    app = new_app(tmp_path, ("turkey",), seed=3, seats=(("opposition", f"agent:{path}:choose"),))

    async def run() -> None:
        async with at_the_table(app, size=(200, 50)) as (_, table):
            shown = table.query_one("#transcript", WrappedText).plain
            assert "rejects proposal #1" in shown
            assert not any(c in shown for c in "\x1b\x07\x9b\r\x00"), repr(shown)
            # wrapped to the width: compared without the spaces and line ends
            assert ESCAPED.replace(" ", "") in "".join(shown.split()), shown

    asyncio.run(run())


# a class whose constructor fails on its third making in a process: `--seat` tries it once, then
# each game makes its own, so it fails as the second game begins
FAILS_ON_THIRD = """
from game.ai.negotiator import choose as normal

made = 0

class Agent:
    def __init__(self):
        global made
        made += 1
        if made == 3:
            raise RuntimeError("third construction fails")

    def choose(self, view, rng):
        return normal(view, rng)
"""


@pytest.mark.parametrize("command", ["simulate", "tournament"])
def test_a_constructor_failing_in_a_later_game_names_the_seat_and_the_seed(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before, it said only `PATH:Agent: creating the agent failed: RuntimeError: ...`: no seat,
    and not the game whose seed replays it."""
    path = tmp_path / "later.py"
    path.write_text(FAILS_ON_THIRD)
    agent = f"{path}:Agent"
    if command == "simulate":
        args = ["simulate", "astana-8", "--games", "3", "--seed", "4", "--seat", f"opposition={agent}"]
    else:  # the agent's row comes last: the built-in rows make no agent
        args = ["tournament", "astana-8", "--seat", "opposition", "--games", "3", "--seed", "4", "--agent", agent]
    assert main(args) == 1
    one_line(
        capsys.readouterr().err,
        f"peacetalks: error: the agent in seat opposition ({agent}; game seed {game_seed(4, 1)}), as it was created, "
        "raised RuntimeError: third construction fails",
    )


DRAWS_AT_LOAD = """
import random
from game.ai.negotiator import choose

COIN = random.random()
"""
DRAWS_IN_CONSTRUCTOR = """
import random
from game.ai.negotiator import choose as normal

class Agent:
    def __init__(self):
        self.coin = random.random()

    def choose(self, view, rng):
        return normal(view, rng)
"""
# tried by `--seat` and made for the first game without a draw; the second game's draws
DRAWS_IN_A_LATER_CONSTRUCTOR = """
import random
from game.ai.negotiator import choose as normal

made = 0

class Agent:
    def __init__(self):
        global made
        made += 1
        self.coin = random.random() if made == 3 else 0.5

    def choose(self, view, rng):
        return normal(view, rng)
"""
DRAWS_FROM_NUMPY_AT_LOAD = """
import numpy
from game.ai.negotiator import choose

COIN = numpy.random.random()
"""


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize(
    ("source", "name", "fragment"),
    [
        (DRAWS_AT_LOAD, "choose", "--seat opposition: {agent}: loading {path} drew from Python's global random"),
        (DRAWS_FROM_NUMPY_AT_LOAD, "choose", "--seat opposition: {agent}: loading {path} drew from numpy's global"),
        (DRAWS_IN_CONSTRUCTOR, "Agent", "--seat opposition: {agent}: creating the agent drew from Python's global"),
        (
            DRAWS_IN_A_LATER_CONSTRUCTOR,
            "Agent",
            "the agent in seat opposition ({agent}; game seed {seed}), as it was created, drew from Python's global",
        ),
    ],
    ids=["at-load", "numpy-at-load", "in-the-constructor", "in-a-later-constructor"],
)
def test_a_draw_from_a_global_generator_outside_choose_is_refused_too(
    source: str, name: str, fragment: str, jobs: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Only choose() was watched: a value drawn while the file loaded or the class was made
    changed from run to run, and the same seed gave different games, without a word."""
    import numpy  # loaded before the agent, as the game may have loaded it: its draws are seen

    assert numpy
    path = tmp_path / "draws.py"
    path.write_text(source)
    agent = f"{path}:{name}"
    args = ["simulate", "astana-8", "--games", "3", "--seed", "4", "--jobs", jobs, "--seat", f"opposition={agent}"]
    assert main(args) == 1
    line = one_line(capsys.readouterr().err, "so that a game replays from its seed")
    # the count of classes made is each worker's own: with two, the second game of either fails
    seeds = [game_seed(4, 1)] if jobs == "1" else [game_seed(4, 1), game_seed(4, 2)]
    assert any(fragment.format(agent=agent, path=path, seed=seed) in line for seed in seeds), line


def test_a_module_that_draws_as_it_is_imported_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "drawing_agent_module.py").write_text(DRAWS_AT_LOAD)
    monkeypatch.syspath_prepend(str(tmp_path))
    for _ in range(2):  # and again: the module refused is not left imported
        assert main(["watch", "astana-8", "--seat", "opposition=drawing_agent_module:choose"]) == 1
        one_line(
            capsys.readouterr().err,
            "--seat opposition: drawing_agent_module:choose: loading drawing_agent_module drew from Python's global",
        )
    assert "drawing_agent_module" not in sys.modules


def test_a_module_whose_helper_draws_as_it_is_imported_is_refused_every_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found in review: only the agent's own module was forgotten, so its helper, the one that had
    drawn, stayed imported, and the second try took the agent without a word."""
    (tmp_path / "drawing_helper.py").write_text("import random\n\nCOIN = random.random()\n")
    (tmp_path / "helped_agent.py").write_text("import drawing_helper\nfrom game.ai.negotiator import choose\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    for _ in range(2):
        assert main(["watch", "astana-8", "--seat", "opposition=helped_agent:choose"]) == 1
        one_line(capsys.readouterr().err, "loading helped_agent drew from Python's global")
    assert "drawing_helper" not in sys.modules and "helped_agent" not in sys.modules


@pytest.mark.parametrize(
    "source",
    [
        "async def choose(view, rng):\n    return None\n",
        "class Agent:\n    async def choose(self, view, rng):\n        return None\n",
        "async def choose(view, rng):\n    yield None\n",
    ],
    ids=["async-function", "async-method", "async-generator"],
)
def test_an_async_agent_is_refused_in_one_line_with_no_warning_after_it(source: str, tmp_path: Path) -> None:
    """Before, the game called it, got a coroutine and said `returned coroutine, not a Decision`,
    and Python then printed "RuntimeWarning: coroutine 'choose' was never awaited" after that
    line. Run in a process of its own: the warning is printed as the process ends."""
    import subprocess

    path = tmp_path / "agent_async.py"
    path.write_text(source)
    agent = f"{path}:{'Agent' if 'class' in source else 'choose'}"
    done = subprocess.run(
        [sys.executable, "-m", "game", "simulate", "astana-8", "--games", "1", "--seat", f"opposition={agent}"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 1
    one_line(done.stderr, f"--seat opposition: {agent}: choose is an async function (async def)")


def test_a_coroutine_returned_by_a_plain_function_is_refused_and_closed() -> None:
    import gc
    import warnings

    from game.ai.agent import guarded

    async def later(view: object, rng: object) -> None:
        return None

    from game.ai.driver import decide
    from game.engine import new_game

    state, _ = new_game(ASTANA, 7)
    agent = guarded(lambda view, rng: later(view, rng), "opposition", 7, "mine.py:choose")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(
            AgentError, match=r"\(mine.py:choose; game seed 7, round 1, turn 1\) returned a coroutine: choose must be"
        ):
            decide(state, agent)
        gc.collect()
    assert not [w for w in caught if "never awaited" in str(w.message)]


@pytest.mark.parametrize(
    ("command", "body", "how"),
    [
        ("simulate", "import os\n    os._exit(0)", "exit code 0"),
        ("simulate", "import ctypes\n    ctypes.string_at(0)", "killed by SIGSEGV"),
        ("tournament", "import os\n    os._exit(0)", "exit code 0"),
    ],
    ids=["simulate-os-exit", "simulate-segfault", "tournament-os-exit"],
)
def test_an_agent_that_ends_its_worker_process_is_named_in_one_line(
    command: str, body: str, how: str, tmp_path: Path
) -> None:
    """Before, a traceback ending `RuntimeError: a worker process ended (exit code 0) before its
    result`, naming no seat, agent or game. Run in a process of its own, as a user runs it."""
    import subprocess

    path = tmp_path / "ends.py"
    path.write_text(f"def choose(view, rng):\n    {body}\n")
    agent = f"{path}:choose"
    if command == "simulate":
        args = ["simulate", "astana-8", "--games", "3", "--seed", "4", "--jobs", "2", "--seat", f"opposition={agent}"]
    else:  # its row comes after the built-in ones
        args = ["tournament", "astana-8", "--seat", "opposition", "--games", "3", "--seed", "4", "--jobs", "2"]
        args += ["--agent", agent]
    done = subprocess.run([sys.executable, "-m", "game", *args], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 1
    line = one_line(
        done.stderr,
        f"peacetalks: error: a worker process ended ({how}) during game seed ",
        f", with the agent in seat opposition ({agent}) at the table",
    )
    # both workers end in their first game: the one reported is the first in the games' order, as
    # with one job, whichever worker the system reports ended first (found in review: it changed
    # from run to run)
    assert f"game seed {game_seed(4, 0)}," in line, line


def test_an_agent_file_imports_no_sibling_but_a_module_on_the_path_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """As docs/AI.md says ("One file, or a package"): PATH.py is loaded alone, its folder not put
    on Python's path; the same files on the path play as module:NAME."""
    folder = tmp_path / "split_agent_folder"
    folder.mkdir()
    (folder / "split_agent_helper.py").write_text("from game.ai.negotiator import choose\n")
    (folder / "split_agent_main.py").write_text("from split_agent_helper import choose\n")
    args = ["simulate", "astana-8", "--games", "1", "--seat"]
    assert main([*args, f"opposition={folder / 'split_agent_main.py'}:choose"]) == 1
    one_line(capsys.readouterr().err, "ModuleNotFoundError: No module named 'split_agent_helper'")
    monkeypatch.syspath_prepend(str(folder))
    assert main([*args, "opposition=split_agent_main:choose"]) == 0
    capsys.readouterr()
    for name in ("split_agent_main", "split_agent_helper"):
        monkeypatch.delitem(sys.modules, name, raising=False)


@pytest.mark.parametrize("command", ["watch", "play"])
def test_an_agent_file_gone_since_the_save_is_said_first_naming_its_seat(
    command: str, save_naming_code: tuple[Path, Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Found from outside: `watch --load` with the agent's file deleted since printed the whole
    transcript, then an error that named the file but not the seat (and `play --load` failed in
    the interface). It is said first, as `--seat ID: ...`, exit 1, and the save is untouched."""
    path, _, spec = save_naming_code
    agent = Path(spec.rpartition(":")[0])
    agent.unlink()
    before = path.read_bytes()
    spoiler = ["--spoiler"] if command == "watch" else []  # the save's game is still running
    assert main([command, "--load", str(path), "--seat", f"opposition={spec}", *spoiler]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    one_line(err, f"--seat opposition: {spec}: no such file {agent}")
    assert path.read_bytes() == before


def test_play_reports_a_constructor_failing_at_the_tables_opening_in_one_line(tmp_path: Path) -> None:
    """Found from outside: an agent class whose constructor fails when the table is laid (after
    `--seat` had tried it once) ended `play` in Textual's crash report, a traceback of nearly a
    million characters: the table made every AI seat's agent as it opened, to rehearse ahead.
    It is left to the seat's own move, which stops the game with the one line."""
    from game.ui.app import make_app

    path = tmp_path / "fails.py"
    path.write_text("class A:\n    def __init__(self):\n        raise RuntimeError('boom in the constructor')\n")
    app = make_app(
        scenario=bundled()["astana-8"],
        humans=("government",),
        seed=4,
        saves_dir=tmp_path,
        speed=0,
        seats=(("turkey", f"agent:{path}:A"),),
    )

    async def run() -> None:
        from tests.ui.driving import press, table_ready, until

        async with driven(app) as pilot:
            await table_ready(pilot)  # laid, its agents made: Turkey's constructor failed there first
            await press(pilot, "n")  # the government passes: the table moves on to Turkey
            await until(pilot, lambda: bool(app.failure), "the agent's failure")

    asyncio.run(run())
    assert app.return_code == 1
    assert "the agent in seat turkey" in app.failure and "as it was created, raised RuntimeError" in app.failure
    assert "\n" not in app.failure


def test_the_table_answers_while_an_outside_agent_thinks_and_ctrl_q_saves_and_quits(tmp_path: Path) -> None:
    """Found from outside: an agent that never returned froze `play`: no key answered, ctrl+q
    neither, and the player had no way out. It thinks in a thread of its own now: the help
    opens meanwhile, and ctrl+q twice saves the game as it stood and quits."""
    from game.engine import state_hash
    from game.saves import load
    from tests.ui.driving import autosave_file, new_app, press, table_ready, until

    release = tmp_path / "release"
    path = tmp_path / "thinks.py"
    path.write_text(
        "import time\nfrom pathlib import Path\nfrom game.ai.negotiator import choose as normal\n\n"
        "def choose(view, rng):\n"
        f"    while not Path({str(release)!r}).exists():\n"
        "        time.sleep(0.01)\n"
        "    return normal(view, rng)\n"
    )
    app = new_app(tmp_path, ("turkey",), seed=3, seats=(("opposition", f"agent:{path}:choose"),))

    async def run() -> tuple[int, str]:
        async with driven(app, size=(120, 40)) as pilot:
            table = await table_ready(pilot)
            await until(pilot, lambda: table.session.state.actor == OPP, "the opposition's turn")
            moves = len(table.session.log)
            await press(pilot, "?")  # the interface answers while the agent thinks
            await until(pilot, lambda: type(app.screen).__name__ == "Help", "the help")
            await press(pilot, "escape")
            await until(pilot, lambda: app.screen is table, "the table again")
            await press(pilot, "ctrl+q", "ctrl+q")
            await until(pilot, lambda: app._exit, "the app to quit")
            assert len(table.session.log) == moves  # nothing played meanwhile
            return moves, state_hash(table.session.state)

    try:
        moves, at_quit = asyncio.run(run())
    finally:
        release.touch()  # the agent's thread ends
    saved = load(autosave_file())
    assert len(saved.log) == moves and state_hash(saved.state) == at_quit


@pytest.fixture
def drawing_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A library installed in the environment that draws from Python's generator as it is first
    imported, as rich does (rich.style): a folder taken for the installation's libraries."""
    from game.ai import draws

    installed = tmp_path / "site"
    installed.mkdir()
    name = f"drawing_library_{tmp_path.name.replace('-', '_')}"
    (installed / f"{name}.py").write_text("import random\nSALT = random.getrandbits(24)\n")
    monkeypatch.syspath_prepend(str(installed))
    roots = draws._library_roots()
    monkeypatch.setattr(draws, "_library_roots", lambda: (*roots, installed.resolve()))
    yield name
    sys.modules.pop(name, None)


@pytest.mark.parametrize("where", ["at-load", "in-the-constructor"])
def test_a_library_drawing_as_it_first_loads_is_not_the_agents_draw(
    where: str, drawing_library: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found from outside: an agent that imported rich (to log) was refused as drawing from
    Python's generator, the draw being rich's own as it loaded. A draw while an installed library
    first loads is the library's; the agent's own, before or after that import, is still seen."""
    path = tmp_path / "imports_it.py"
    if where == "at-load":
        path.write_text(f"import {drawing_library}\nfrom game.ai.negotiator import choose\n")
        name = "choose"
    else:
        path.write_text(
            "from game.ai.negotiator import choose as normal\n\nclass Agent:\n    def __init__(self):\n"
            f"        import {drawing_library}\n\n    def choose(self, view, rng):\n        return normal(view, rng)\n"
        )
        name = "Agent"
    assert drawing_library not in sys.modules
    assert main(["simulate", "astana-8", "--games", "1", "--seed", "4", "--seat", f"opposition={path}:{name}"]) == 0
    assert drawing_library in sys.modules  # it did load, and draw, there
    capsys.readouterr()


@pytest.mark.parametrize("draw_first", [True, False])
def test_an_agents_own_draw_beside_a_librarys_import_is_still_refused(
    draw_first: bool, drawing_library: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own = "COIN = random.random()\n"
    imported = f"import {drawing_library}\n"
    path = tmp_path / "draws_too.py"
    path.write_text(
        "import random\n"
        + (own + imported if draw_first else imported + own)
        + "from game.ai.negotiator import choose\n"
    )
    assert main(["simulate", "astana-8", "--games", "1", "--seat", f"opposition={path}:choose"]) == 1
    one_line(capsys.readouterr().err, f"loading {path} drew from Python's global random generator")


def test_a_helper_of_the_agents_own_that_draws_as_it_loads_is_refused(
    drawing_library: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Only installed libraries are forgiven: a module of the agent's own (outside the
    installation) that draws as it loads is the agent's draw, even when it imports a library."""
    own = tmp_path / "own"
    own.mkdir()
    helper = f"own_helper_{tmp_path.name.replace('-', '_')}"
    (own / f"{helper}.py").write_text(f"import random\nimport {drawing_library}\nCOIN = random.random()\n")
    monkeypatch.syspath_prepend(str(own))
    path = tmp_path / "uses_helper.py"
    path.write_text(f"import {helper}\nfrom game.ai.negotiator import choose\n")
    assert main(["simulate", "astana-8", "--games", "1", "--seat", f"opposition={path}:choose"]) == 1
    one_line(capsys.readouterr().err, f"loading {path} drew from Python's global random generator")
    assert helper not in sys.modules


def test_two_threads_loading_agents_at_once_leave_the_import_machinery_as_it_was() -> None:
    """Found by a review: each load put back the `__import__` it found, so two loads overlapping
    in two threads (the debrief's replay, the next table) left the first one's hook in place for
    good. One load at a time holds the hook now; the other waits for it."""
    import builtins
    import threading

    from game.ai import draws

    real = builtins.__import__
    inside, second_tried = threading.Event(), threading.Event()

    def first() -> None:
        with draws.libraries_may_draw(draws.Draws()):
            inside.set()
            second_tried.wait(5)

    def second() -> None:
        inside.wait(5)
        second_tried.set()
        with draws.libraries_may_draw(draws.Draws()):
            pass

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert not any(t.is_alive() for t in threads)
    assert builtins.__import__ is real


def test_an_agent_thinking_in_the_interfaces_thread_leaves_stdout_alone(tmp_path: Path) -> None:
    """Found by a review: the interface runs an outside agent in a thread of its own, and the
    agent's stdout went to stderr by swapping the process's stdout there; a thread returning
    after the interface had quit would have put back the interface's closed capture as stdout.
    In the interface it is not swapped (the interface captures both streams itself)."""
    import sys

    from tests.ui.driving import new_app, table_ready, until

    seen: list[object] = []
    path = tmp_path / "looks.py"
    path.write_text(
        "import sys\nfrom game.ai.negotiator import choose as normal\n\nSEEN = []\n\n"
        "def choose(view, rng):\n    SEEN.append(sys.stdout)\n    return normal(view, rng)\n"
    )
    app = new_app(tmp_path, ("turkey",), seed=3, seats=(("opposition", f"agent:{path}:choose"),))

    async def run() -> None:
        async with driven(app, size=(120, 40)) as pilot:
            table = await table_ready(pilot)
            await until(pilot, lambda: any(e.action.actor == "opposition" for e in table.session.log), "its move")
            module = next(m for m in sys.modules.values() if getattr(m, "__file__", None) == str(path))
            seen.extend(module.SEEN)
            stdout = sys.stdout
            assert seen and all(s is stdout for s in seen)  # the interface's own, not swapped for stderr

    asyncio.run(run())


# plays the normal agent, then fails in a helper of its own at its first move of round 2; it
# notes the view it failed on, for the test to compare the line with
FAILS_IN_ROUND_TWO = """
from pathlib import Path
from game.ai.negotiator import choose as normal

SEEN = {}


def helper(view):
    return SEEN[view.round]


def choose(view, rng):
    if view.round == 2:
        Path(__file__).with_suffix(".seen").write_text(f"{view.round} {view.step}")
        return helper(view)
    return normal(view, rng)
"""


@pytest.mark.parametrize(("scenario", "venue"), [("astana-8", ""), ("astana-to-sochi", " of Astana 8")])
def test_an_agents_exception_says_where_in_its_code_and_when(
    scenario: str, venue: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """It said `the agent in seat opposition (realbug.py:choose; game seed 2017) raised KeyError:
    2`: no file, line, round or turn to find the fault by."""
    (tmp_path / "realbug.py").write_text(FAILS_IN_ROUND_TWO)
    monkeypatch.chdir(tmp_path)
    assert main(["watch", scenario, "--seed", "4", "--seat", "opposition=realbug.py:choose"]) == 1
    round_, step = (int(n) for n in (tmp_path / "realbug.seen").read_text().split())
    one_line(
        capsys.readouterr().err,
        f"the agent in seat opposition (realbug.py:choose; game seed 4, round {round_}{venue}, turn {step + 1}) "
        "raised KeyError: 2, at realbug.py:9 in helper",
    )


def test_the_turn_an_error_names_is_the_turn_a_save_numbers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Turn N is the Nth move of the game, as the save's log and `replay` number them: here, the
    opposition's first move of round 2 in the game the normal agent plays with the same seed (the
    failing agent plays the normal agent until then)."""
    path = tmp_path / "realbug.py"
    path.write_text(FAILS_IN_ROUND_TWO)
    with pytest.raises(AgentError) as raised:
        play(ASTANA, 4, game_choosers(ASTANA, {OPP: f"{path}:choose"}, 4))
    assert main(["watch", "astana-8", "--seed", "4", "--save", "normal", "--saves", str(tmp_path)]) == 0
    capsys.readouterr()
    log = load(tmp_path / "normal.yaml").log
    turn = next(e.turn for e in log if e.round == 2 and e.action.actor == "opposition")
    assert f"game seed 4, round 2, turn {turn}) raised KeyError" in str(raised.value)


@pytest.mark.parametrize(
    ("source", "name", "fragment"),
    [
        (
            "class A:\n    def __init__(self):\n        x = {}\n        self.y = x['nope']\n",
            "A",
            "--seat opposition: {agent}: creating the agent failed: KeyError: 'nope', at {path}:4 in __init__",
        ),
        (
            "import os\nx = 1\nraise RuntimeError('at load')\n",
            "choose",
            "--seat opposition: {agent}: loading {path} failed: RuntimeError: at load, at {path}:3",
        ),
    ],
    ids=["constructor", "loading"],
)
def test_a_constructor_or_a_file_that_fails_says_where_too(
    source: str, name: str, fragment: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "fails.py"
    path.write_text(source)
    agent = f"{path}:{name}"
    assert main(["watch", "astana-8", "--seat", f"opposition={agent}"]) == 1
    one_line(capsys.readouterr().err, fragment.format(agent=agent, path=path))


def test_an_agent_in_a_package_is_placed_in_the_packages_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "bug_placed_agent"
    package.mkdir()
    (package / "__init__.py").write_text("from bug_placed_agent.core import choose\n")
    (package / "core.py").write_text(FAILS_IN_ROUND_TWO)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.chdir(tmp_path)
    try:
        assert main(["watch", "astana-8", "--seat", "opposition=bug_placed_agent:choose"]) == 1
    finally:
        for module in ("bug_placed_agent", "bug_placed_agent.core"):
            monkeypatch.delitem(sys.modules, module, raising=False)
    one_line(capsys.readouterr().err, "raised KeyError: 2, at bug_placed_agent/core.py:9 in helper")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_peacetalks_traceback_prints_the_agents_whole_traceback_first(
    jobs: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "realbug.py"
    path.write_text(FAILS_IN_ROUND_TWO)
    args = ["simulate", "astana-8", "--games", "2", "--jobs", jobs, "--seat", f"opposition={path}:choose"]
    assert main(args) == 1
    one_line(capsys.readouterr().err, "raised KeyError: 2")  # without it, the line alone
    monkeypatch.setenv("PEACETALKS_TRACEBACK", "1")
    assert main(args) == 1
    lines = capsys.readouterr().err.splitlines()
    # from the agent's own first frame (not the game's), through its helper, to the exception
    assert lines[0] == "Traceback (most recent call last):"
    assert lines[1] == f'  File "{path}", line 15, in choose'
    assert f'  File "{path}", line 9, in helper' in lines
    assert lines[-2] == "KeyError: 2"
    assert lines[-1].startswith("peacetalks: error: the agent in seat opposition") and "Traceback" not in lines[-1]
    assert not any("game/ai" in line for line in lines)


def test_play_prints_the_agents_traceback_too_once_the_interface_has_closed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from game import commands_ui
    from game.ui import app as ui_app
    from tests.ui.driving import new_app, table_ready, until

    path = tmp_path / "realbug.py"
    path.write_text(FAILS_IN_ROUND_TWO.replace("view.round == 2", "True"))
    app = new_app(tmp_path, ("turkey",), seed=3, seats=(("opposition", f"agent:{path}:choose"),))

    async def run() -> None:
        async with driven(app, size=(120, 40)) as pilot:
            await table_ready(pilot)
            await until(pilot, lambda: bool(app.failure), "the agent's failure")

    asyncio.run(run())
    monkeypatch.setattr(ui_app, "run_app", lambda app: None)  # it has run, above
    monkeypatch.setenv("PEACETALKS_TRACEBACK", "1")
    capsys.readouterr()
    assert commands_ui.ran(app) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "Traceback (most recent call last):" and lines[-2] == "KeyError: 1"
    assert lines[-1].startswith("peacetalks: error: the agent in seat opposition (")
    assert lines[-1].endswith(f"raised KeyError: 1, at {path}:9 in helper")


CONSTRUCTORS = """
from dataclasses import dataclass

from game.ai.negotiator import choose as normal


class Agent:
    def choose(self, view, rng):
        return normal(view, rng)


class Nothing(Agent):
    def __init__(self):
        self.got = ()


class Required(Agent):
    def __init__(self, sc):
        self.got = (sc,)


class Setting(Agent):
    def __init__(self, e=0.2):
        self.got = (e,)


class RequiredThenSetting(Agent):
    def __init__(self, scenario, e=0.2):
        self.got = (scenario, e)


class NamedWithDefault(Agent):
    def __init__(self, scenario=None):
        self.got = (scenario,)


class NamedAfterASetting(Agent):
    def __init__(self, e=0.2, scenario=None):
        self.got = (e, scenario)


class KeywordOnly(Agent):
    def __init__(self, *, e=0.2, scenario=None):
        self.got = (e, scenario)


class PositionalOnly(Agent):
    def __init__(self, scenario=None, /):
        self.got = (scenario,)


class Anything(Agent):
    def __init__(self, *args, **kwargs):
        self.got = (*args, *kwargs.values())


@dataclass
class Settings(Agent):
    e: float = 0.2

    def __post_init__(self):
        self.got = (self.e,)


@dataclass
class Fields(Agent):
    scenario: object
    e: float = 0.2
"""


@pytest.mark.parametrize(
    ("name", "got"),
    [
        ("Nothing", ()),
        ("Required", ("S",)),
        ("Setting", (0.2,)),  # was the scenario in e, without a word
        ("RequiredThenSetting", ("S", 0.2)),
        ("NamedWithDefault", ("S",)),
        ("NamedAfterASetting", (0.2, "S")),  # was the scenario in e
        ("KeywordOnly", (0.2, "S")),  # was made with nothing: the scenario it named never given
        ("PositionalOnly", ("S",)),
        ("Anything", ()),  # was given the scenario by place: it asks for nothing by name or need
        ("Settings", (0.2,)),  # was the scenario in e
    ],
)
def test_a_class_is_given_the_scenario_where_its_constructor_asks_for_it(
    name: str, got: tuple[object, ...], tmp_path: Path
) -> None:
    """The rule of docs/AI.md ("Its shapes"): by place to a first parameter without a default, by
    name to a parameter named `scenario`, else nothing: a setting with a default keeps it."""
    path = tmp_path / "constructors.py"
    path.write_text(CONSTRUCTORS)
    made = load_agent(f"{path}:{name}", ASTANA).__self__  # type: ignore[attr-defined]
    shown = tuple("S" if isinstance(g, type(ASTANA)) else g for g in made.got)
    assert shown == got


def test_a_dataclass_agent_with_a_scenario_field_is_given_it(tmp_path: Path) -> None:
    path = tmp_path / "constructors.py"
    path.write_text(CONSTRUCTORS)
    made = load_agent(f"{path}:Fields", ASTANA).__self__  # type: ignore[attr-defined]
    assert made.scenario.title == ASTANA.title and made.e == 0.2


@pytest.mark.parametrize(
    ("given", "hint"),
    [
        (
            f"opposition={spec('Plain')}",
            f"your agent plays it in a row of its own: --seat opposition --agent {spec('Plain')}",
        ),
        ("opposition=hard", "every level and strategy plays it in a row of its own: --seat opposition"),
    ],
)
def test_the_tournaments_seat_given_as_simulate_takes_it_says_how(
    given: str, hint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """It said `no delegation 'opposition=boulware.py:Boulware'`, with no word of --agent."""
    assert main(["tournament", "astana-8", "--seat", given, "--games", "1"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert one_line(err) == f"peacetalks: error: --seat {given}: the tournament's --seat names the seat alone; {hint}"
    assert main(["tournament", "astana-8", "--seat", "nobody=hard", "--games", "1"]) == 1
    one_line(capsys.readouterr().err, "--seat nobody=hard: no delegation 'nobody' (known: government,")


def test_the_tournaments_missing_agent_file_is_named_once(capsys: pytest.CaptureFixture[str]) -> None:
    """It read `--agent X: X: no such file ...`."""
    agent = "docs/examples/not_my_agent.py:Patient"
    assert main(["tournament", "astana-8", "--seat", "opposition", "--games", "1", "--agent", agent]) == 1
    assert one_line(capsys.readouterr().err) == (
        f"peacetalks: error: --agent {agent}: no such file docs/examples/not_my_agent.py"
    )


def test_a_path_without_py_is_said_to_be_no_py_file_nor_a_module(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--seat opposition=p/fifo:choose` said `ModuleNotFoundError: No module named 'p/fifo'`:
    a path is no module name, and an agent's file is a .py file."""
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    plain = tmp_path / "agent.txt"
    plain.write_text("def choose(view, rng): ...\n")
    for there in (fifo, plain):
        assert main(["simulate", "astana-8", "--games", "1", "--seat", f"opposition={there}:choose"]) == 1
        line = one_line(capsys.readouterr().err, f"{there}:choose: {there} is not a .py file")
        assert "ModuleNotFoundError" not in line
    nowhere = tmp_path / "nowhere"
    assert main(["simulate", "astana-8", "--games", "1", "--seat", f"opposition={nowhere}:choose"]) == 1
    line = one_line(capsys.readouterr().err, f"{nowhere} is neither a .py file nor a module name")
    assert "ModuleNotFoundError" not in line


def test_a_module_name_for_a_file_at_hand_points_to_its_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--seat opposition=boulware:Boulware` said `No module named 'boulware'` beside a
    ./boulware.py: the installed `peacetalks` does not import from the current folder (`python -m
    game` does), so the file is named by its path."""
    (tmp_path / "sub").mkdir()
    for file in (tmp_path / "hinted_boulware.py", tmp_path / "sub" / "hinted_boulware.py"):
        file.write_text(EXAMPLE.read_text())
    (tmp_path / "imports_a_missing_one.py").write_text("import no_such_module_anywhere_at_all\n")
    monkeypatch.chdir(tmp_path)
    # the current folder off Python's path, as under the installed command
    monkeypatch.setattr(sys, "path", [p for p in sys.path if p not in ("", ".", str(tmp_path))])
    for module, file in (("hinted_boulware", "hinted_boulware.py"), ("sub.hinted_boulware", "sub/hinted_boulware.py")):
        assert main(["watch", "astana-8", "--seat", f"opposition={module}:Patient"]) == 1
        line = one_line(capsys.readouterr().err, f"cannot import {module}: ModuleNotFoundError: No module named ")
        assert line.endswith(f"; the file {file} here is given by its path: {file}:Patient"), line
    # a module found, whose own import fails, is not what the hint is for
    monkeypatch.syspath_prepend(str(tmp_path))
    assert main(["watch", "astana-8", "--seat", "opposition=imports_a_missing_one:choose"]) == 1
    line = one_line(capsys.readouterr().err, "No module named 'no_such_module_anywhere_at_all'")
    assert "given by its path" not in line
    monkeypatch.delitem(sys.modules, "imports_a_missing_one", raising=False)


def test_watch_says_who_sits_where_and_that_an_outside_agent_played(capsys: pytest.CaptureFixture[str]) -> None:
    """`watch` named no seat's player, and ended "Every seat was played by an AI negotiator." with
    a researcher's own agent in a seat."""
    agent = spec("Plain")
    assert (
        main(["watch", "astana-8", "--seed", "2", "--seat", f"opposition={agent}", "--seat", "turkey=stonewall"]) == 0
    )
    lines = capsys.readouterr().out.splitlines()
    assert (
        lines[3]
        == f"Seats: opposition: the agent {agent}; turkey: the stonewall strategy; every other seat: the normal AI."
    )
    assert lines[-1] == (
        f"The armed opposition delegation was played by the agent {agent}, and every other seat by an AI negotiator. "
        "To sit at the table yourself: peacetalks play astana-8"
    )
    assert main(["watch", "astana-8", "--seed", "2", "--seat", "turkey=hard", "--seat", f"iran={agent}"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[3] == f"Seats: turkey: the hard AI; iran: the agent {agent}; every other seat: the normal AI."
    assert lines[-1].startswith(
        f"Islamic Republic of Iran was played by the agent {agent}, and every other seat by an AI negotiator. "
    )


def test_who_played_a_continued_game_names_the_people_and_the_outside_agents() -> None:
    from game.ai.driver import decide
    from game.commands_watch import _who_played
    from game.saves import Session, default_seats

    agent, other = spec("Plain"), spec("WithScenario")
    seats = default_seats(ASTANA, ("government",), "normal")
    seats.update(opposition=f"agent:{agent}", turkey=f"agent:{other}")
    session = Session.new(ASTANA, bundled()["astana-8"].read_bytes(), 3, seats, "astana-8")
    choosers = game_choosers(ASTANA, {d: "normal" for d in range(len(ASTANA.delegations))}, 3)
    for _ in range(4):
        session.play(decide(session.state, choosers[session.state.actor]).action)
    agents = (
        f"The armed opposition delegation was played by the agent {agent}, Republic of Turkey by the agent {other}, "
        "and every other seat by an AI negotiator."
    )
    assert _who_played(session, 0) == agents  # a new game: no person played it here
    assert _who_played(session, 2) == (
        "A person held the seat of Government of the Syrian Arab Republic up to turn 2; from turn 3 an AI "
        f"negotiator played it. {agents}"
    )
    assert _who_played(session, 4) == f"A person held the seat of Government of the Syrian Arab Republic. {agents}"


# prints as it is made (in the interface's own thread, as the table is laid) and on each turn (in
# a thread of its own), on stdout and stderr
PRINTS = """
import sys
from game.ai.negotiator import choose as normal


class Noisy:
    def __init__(self):
        print("made for the game")

    def choose(self, view, rng):
        print(f"turn {view.step + 1}: thinking")
        print("a warning of its own", file=sys.stderr)
        return normal(view, rng)
"""


def test_what_an_agent_prints_in_play_is_written_on_stderr_once_the_interface_closes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """docs/AI.md said an agent's prints go to stderr; in `play` Textual took both streams and
    dropped them, and the researcher never saw them."""
    from game import commands_ui
    from game.ui import app as ui_app
    from tests.ui.driving import new_app, table_ready, until

    path = tmp_path / "noisy.py"
    path.write_text(PRINTS)
    app = new_app(tmp_path, ("turkey",), seed=3, seats=(("opposition", f"agent:{path}:Noisy"),))

    async def run() -> int:
        async with driven(app, size=(120, 40)) as pilot:
            table = await table_ready(pilot)
            await until(pilot, lambda: any(e.action.actor == "opposition" for e in table.session.log), "its move")
            await until(pilot, lambda: "a warning of its own" in app.printed.text, "its prints")
            return next(e.turn for e in table.session.log if e.action.actor == "opposition")

    turn = asyncio.run(run())
    monkeypatch.setattr(ui_app, "run_app", lambda app: None)  # it has run, above
    capsys.readouterr()
    assert commands_ui.ran(app) == 0
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert lines[0] == "made for the game"
    assert lines[1:3] == [f"turn {turn}: thinking", "a warning of its own"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_agent_that_forks_plays_its_game_and_its_copies_end_where_they_come_back(
    jobs: str, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """A copy of the game an agent's os.fork made came back to the game, played on, and was said
    to have drawn from Python's generator (which a fork reseeds); under `watch` each copy wrote
    its own end of the game, and the command ended 0 (a researcher's). The copy ends where it
    comes back: the games are those of the same play without the fork."""
    args = ["simulate", "astana-8", "--games", "2", "--seed", "4", "--jobs", jobs, "--json"]
    assert main([*args, "--seat", f"opposition={spec('Plain')}"]) == 0
    plain = capfd.readouterr().out
    # ...whether it forks as it chooses, as it is created, or as its file loads (a reviewer's)
    loads = tmp_path / "forks_as_it_loads.py"
    loads.write_text("import os\nos.fork()\nfrom tests.fixtures.agents.agents import Plain\n")
    for agent in (spec("forks"), spec("ForksAsCreated"), f"{loads}:Plain"):
        assert main([*args, "--seat", f"opposition={agent}"]) == 0, agent
        forked = capfd.readouterr()
        assert forked.err == "", agent
        hashes = [[r["final_state_hash"] for r in json.loads(out)["results"]] for out in (forked.out, plain)]
        assert hashes[0] == hashes[1], agent


def test_an_outside_agent_reading_standard_input_in_watch_fails_as_in_play(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Under `watch` an agent's input() waited on the terminal and echoed what was typed (a
    researcher's); as in `play` and the workers of `simulate`, its read ends at once, and the
    game stops on the agent's error, said in one line."""
    import io

    agent = tmp_path / "reader.py"
    # ...as it chooses, as it is created, or as its file loads (a reviewer's: the constructor read)
    agent.write_text(
        "def choose(view, rng):\n    input()\n"
        "class Reads:\n    def __init__(self):\n        input()\n    def choose(self, view, rng):\n        pass\n"
    )
    loads = tmp_path / "reads_as_it_loads.py"
    loads.write_text("input()\ndef choose(view, rng):\n    pass\n")
    for seat in (f"{agent}:choose", f"{agent}:Reads", f"{loads}:choose"):
        monkeypatch.setattr(sys, "stdin", io.StringIO("a line the agent must not get\n"))
        assert main(["watch", "tutorial", "--seed", "1", "--seat", f"government={seat}"]) == 1
        err = capsys.readouterr().err
        (line,) = [line for line in err.splitlines() if line.startswith("peacetalks: error:")]
        assert "EOFError" in line and "government" in line, err
        assert sys.stdin.read() == "a line the agent must not get\n"  # given back as it was


def test_a_tournament_tries_an_outside_agent_before_its_rows(capsys: pytest.CaptureFixture[str]) -> None:
    """An agent that failed at once was found only after every built-in row had been played and
    printed: minutes at 300 games a row (a researcher's). Its first game is played first."""
    args = ["tournament", "astana-8", "--seat", "opposition", "--games", "3", "--agent", spec("raises")]
    assert main(args) == 1
    out, err = capsys.readouterr()
    assert not re.search(r"^hard\s", out, re.MULTILINE), out  # no row was played before it
    one_line(err, "peacetalks: error: the agent in seat opposition", "game seed ")


def test_the_trial_of_an_outside_agent_counts_in_no_rows_seconds(monkeypatch: pytest.MonkeyPatch) -> None:
    """The trial game was charged to the first row's seconds, the hard row's (a reviewer's: 0.08 s
    became 5.59 s with an agent that thinks 0.3 s a move). A clock that jumps 1,000 s while the
    trial plays: no row took that time."""
    import game.sim.tournament as T

    clock = [0.0]
    calls: list[int] = []
    original = T.parallel_imap

    def trial_takes_long(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 1:  # the trial, played before any row
            clock[0] += 1000.0
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(T.time, "perf_counter", lambda: clock[0])
    monkeypatch.setattr(T, "parallel_imap", trial_takes_long)
    scenario = load_scenario(bundled()["astana-8"])
    rows = T.run(scenario, 1, 2, kinds=("hard", spec("Plain")))
    assert len(calls) == 2 and [row.kind for row in rows] == ["hard", spec("Plain")]
    assert all(row.seconds < 1000 for row in rows), [row.seconds for row in rows]


# an agent that chooses only once the test lets it: a file appears where it looks
SLOW = """
import pathlib, time
from game.ai.negotiator import choose as normal

def choose(view, rng):
    while not pathlib.Path(GO).exists():
        time.sleep(0.02)
    return normal(view, rng)
"""


def test_the_status_line_counts_the_seconds_of_a_slow_outside_agent(tmp_path: Path) -> None:
    """A newcomer's looping agent left "speaks… (f: skip)" on the status line for ever: after a
    few seconds it says how long the agent has been choosing and how to leave; once the agent has
    chosen, the line goes back to the game."""
    from game.ui.screens.notices import Notice
    from game.ui.screens.table import TableScreen
    from game.ui.widgets.panels import StatusLine
    from tests.ui.driving import driven, new_app, press, settle, table_of, until

    go = tmp_path / "go"
    path = tmp_path / "slow.py"
    path.write_text(f"GO = {str(go)!r}\n" + SLOW)
    # Turkey, played here, moves after the opposition (the slow agent) answers the first offer
    app = new_app(tmp_path, ("turkey",), seed=3, seats=(("opposition", f"agent:{path}:choose"),))

    def status() -> str:
        return str(table_of(app).query_one("#status", StatusLine).render())

    async def run() -> None:
        async with driven(app, size=(120, 40)) as pilot:
            await until(pilot, lambda: any(isinstance(s, Notice) for s in app.screen_stack), "the round's notice")
            await press(pilot, "enter")  # the AI seats wait while it is up
            await until(pilot, lambda: "choosing for" in status(), "the seconds counted", timeout=20)
            first = status()
            assert "its agent has been choosing for" in first and "ctrl+q" in first, first
            await until(pilot, lambda: status() != first, "the count going on", timeout=5)
            assert "choosing for" in status()
            await pilot.resize_terminal(80, 24)
            await until(pilot, lambda: "agent choosing" in status(), "the short form at 80 columns", timeout=5)
            assert len(status().rstrip()) <= 80 and status().rstrip().endswith("(ctrl+q leaves)"), status()
            go.touch()
            await until(pilot, lambda: "choosing" not in status(), "the line back to the game", timeout=20)
            assert isinstance(await settle(pilot), TableScreen)  # the game goes on to the player's turn

    asyncio.run(run())


PROMPTS_THEN_RAISES = """
import sys

def choose(view, rng):
    print("thinking about it... ", end="")
    sys.stderr.write("still thinking")
    raise RuntimeError("gave up")
"""


PROMPTS_THEN_LOOPS = """
import sys

def choose(view, rng):
    print("thinking about it... ", end="")
    sys.stderr.write("still thinking")
    while True:
        try:
            while True:
                pass
        except BaseException:
            pass
"""


@pytest.mark.parametrize("agent", [PROMPTS_THEN_RAISES, PROMPTS_THEN_LOOPS], ids=["raises", "abandoned"])
@pytest.mark.parametrize("command", ["watch", "simulate"])
def test_an_agents_unended_line_leaves_the_error_on_a_line_of_its_own(
    command: str, agent: str, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """A researcher's agent printed a prompt without its line end, then failed: the command's
    error line ran on after the prompt, where a reader of the last line (or a script) missed it.
    (simulate plays in a worker process, whose text the command's own stream never sees; a move
    abandoned past --move-limit is said by the worker's end, or in `watch` as the process ends.)"""
    import subprocess
    import sys

    path = tmp_path / "prompts.py"
    path.write_text(agent)
    args = [command, "astana-8", "--seed", "3", "--seat", f"opposition={path}:choose", "--move-limit", "0.2"]
    args = [*args, "--games", "1"] if command == "simulate" else args
    if agent is PROMPTS_THEN_RAISES:
        assert main(args) == 1
        err = capfd.readouterr().err
    else:  # an abandoned move ends the process of `watch`: run as its own
        done = subprocess.run(
            [sys.executable, "-m", "game", *args], capture_output=True, text=True, timeout=60, check=False
        )
        assert done.returncode == 1
        err = done.stderr
    lines = err.splitlines()
    assert lines[-2] == "thinking about it... still thinking", lines
    assert lines[-1].startswith("peacetalks: ") and "seat opposition" in lines[-1], lines
