"""Hostile command lines, in process: a bad argument is one line on stderr and exit status 1."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest

from game.cli import main
from game.sim.simulate import game_seed
from tests.cli_runner import one_line, press_ctrl_c

ROOT = Path(__file__).resolve().parents[2]
AGENTS = ROOT / "tests" / "fixtures" / "agents" / "agents.py"
INTERRUPTS = f"{AGENTS}:interrupts"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_agent_raising_keyboard_interrupt_is_an_agent_error(jobs: str, capsys: pytest.CaptureFixture[str]) -> None:
    # before: with --jobs 2 the worker printed its traceback and the parent one of its own
    # ("a worker process ended"); with --jobs 1 it passed for the user's Ctrl+C
    args = ["simulate", "astana-8", "--games", "2", "--seed", "5", "--jobs", jobs]
    assert main([*args, "--seat", f"opposition={INTERRUPTS}"]) == 1
    one_line(
        capsys.readouterr().err,
        f"seat opposition ({INTERRUPTS}; game seed {game_seed(5, 0)}, round 1, turn ",
        "KeyboardInterrupt",
    )


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_agent_raising_keyboard_interrupt_in_the_tournament_is_an_agent_error(
    jobs: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["tournament", "astana-8", "--seat", "opposition", "--games", "2", "--jobs", jobs, "--json"]
    assert main([*args, "--agent", INTERRUPTS]) == 1
    one_line(capsys.readouterr().err, f"seat opposition ({INTERRUPTS}; game seed", "KeyboardInterrupt")


def test_ctrl_c_in_one_process_is_one_line_and_status_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import game.sim.simulate as S

    def pressed(*args: object, **kwargs: object) -> None:
        os.kill(os.getpid(), signal.SIGINT)  # as the terminal delivers Ctrl+C, mid-command
        time.sleep(5)  # the handler raises at once: never reached

    monkeypatch.setattr(S, "summarise", pressed)
    # Python's own handler, as a command started from a terminal has it: a suite started as a
    # shell's background job inherits SIGINT ignored, and Python then installs none
    # (cli_runner.interruptible)
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        assert main(["simulate", "astana-8", "--games", "1"]) == 130
        assert capsys.readouterr().err == "peacetalks: interrupted\n"
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # left as it was
    finally:
        signal.signal(signal.SIGINT, before)


@pytest.mark.parametrize("command", [["simulate", "astana-8"], ["tournament", "astana-8", "--seat", "opposition"]])
def test_ctrl_c_with_workers_is_one_line_130_and_no_worker_left(command: list[str]) -> None:
    proc, _, workers, err = press_ctrl_c(
        [sys.executable, "-m", "game", *command, "--games", "100000", "--jobs", "2"], 2, ROOT
    )
    assert proc.returncode == 130
    assert err == "peacetalks: interrupted\n"
    assert not [w for w in workers if Path(f"/proc/{w}").exists() and "Z" not in _state(w)]


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


# Every whole-number argument of every command, with a value it takes.
NUMBERS = [
    (["simulate", "astana-8"], "--games", "1"),
    (["simulate", "astana-8"], "--seed", "0"),
    (["simulate", "astana-8"], "--jobs", "1"),
    (["tournament", "astana-8", "--seat", "opposition"], "--games", "1"),
    (["tournament", "astana-8", "--seat", "opposition"], "--seed", "0"),
    (["tournament", "astana-8", "--seat", "opposition"], "--jobs", "1"),
    (["validate", "astana-8"], "--games", "1"),
    (["test-scenario", "astana-8"], "--jobs", "1"),
    (["analyze", "astana-8"], "--spoiler-seed", "0"),
    (["play", "astana-8"], "--seed", "0"),
    (["watch", "astana-8"], "--seed", "0"),
]


def test_every_whole_number_option_is_in_the_list_above() -> None:
    from game.cli.args import jobs as _jobs
    from game.cli.args import positive as _positive
    from game.cli.args import seed as _seed
    from game.cli.parser import parser as _parser

    listed = {(argv[0], option) for argv, option, _ in NUMBERS}
    found = set()
    sub = next(a for a in _parser()._actions if a.dest == "command")
    for name, parser in sub.choices.items():  # type: ignore[union-attr]
        for action in parser._actions:
            if action.type in (int, _jobs, _positive, _seed):
                found.add((name, action.option_strings[0]))
            assert action.type is not int, f"{name} {action.option_strings}: int() takes 1_000 and ١٢"
    assert found == listed


@pytest.mark.parametrize(("argv", "option", "good"), NUMBERS)
@pytest.mark.parametrize("bad", ["1_0", "١٢", " 1", "+1", "1.0", "", "0x1", "1e3", "٣"])
def test_a_whole_number_is_ascii_digits_only(
    argv: list[str], option: str, good: str, bad: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # before: Python's int() took 1_0, ١٢ (Arabic-Indic digits), spaces and a plus sign
    assert main([*argv, option, bad]) == 1
    one_line(capsys.readouterr().err, option, "digits 0-9", repr(bad))


@pytest.mark.parametrize(
    ("option", "value", "fragment"),
    [
        ("--seed", "-1", "0..2^63-1, got -1"),
        ("--seed", str(2**63), f"0..2^63-1, got {2**63}"),
        ("--seed", "9" * 5000, "a number of 5000 digits"),  # not printed back whole
        ("--games", "0", "1..1000000, got 0"),
        ("--games", "1000001", "1..1000000"),
        ("--jobs", "65", "1..64, got 65"),
        ("--jobs", "-0", "1..64, got 0"),
    ],
)
def test_a_whole_number_out_of_range_is_one_line(
    option: str, value: str, fragment: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["simulate", "astana-8", option, value]) == 1
    line = one_line(capsys.readouterr().err, option, fragment)
    assert len(line) < 200


def test_the_largest_seed_is_taken() -> None:
    from game.cli.parser import parser as _parser

    assert _parser().parse_args(["simulate", "x", "--seed", str(2**63 - 1)]).seed == 2**63 - 1
    assert _parser().parse_args(["simulate", "x", "--seed", "-0"]).seed == 0


@pytest.mark.parametrize(
    "argv",
    [
        ["play", "astana-8", "--as", "opposition", "--as", "opposition"],
        ["tournament", "astana-8", "--seat", "opposition", "--agent", f"{AGENTS}:hard", "--agent", f"{AGENTS}:hard"],
    ],
)
def test_a_repeatable_option_naming_the_same_thing_twice_is_refused(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # before: `--as X --as X` played X once and `--agent A --agent A` made one row, without a word
    assert main(argv) == 1
    one_line(capsys.readouterr().err, "given twice", argv[-1])


@pytest.mark.parametrize("command", [["simulate", "astana-8"], ["watch", "astana-8"], ["play", "astana-8"]])
def test_a_seat_given_twice_is_refused(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*command, "--seat", "opposition=hard", "--seat", "opposition=hard"]) == 1
    one_line(capsys.readouterr().err, "--seat opposition=hard", "given twice")


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["play", "nosuch"], "no scenario 'nosuch'"),
        (["play", "astana-8", "--as", "nobody"], "--as nobody: no such delegation"),
        (["play", "astana-8", "--seat", "nobody=hard"], "no delegation 'nobody'"),
    ],
)
def test_play_says_what_is_wrong_with_its_arguments_before_asking_for_a_terminal(
    argv: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # the tests run without a terminal: before, each of these said "the game needs a terminal"
    assert main(argv) == 1
    one_line(capsys.readouterr().err, said)


@pytest.mark.parametrize("command", [["simulate", "astana-8"], ["watch", "astana-8"], ["play", "astana-8"]])
def test_a_human_seat_asked_of_seat_points_to_as(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    # before: "the level or strategy is one of easy, normal, ...", which never said how to play it
    assert main([*command, "--seat", "opposition=human"]) == 1
    one_line(capsys.readouterr().err, "--seat opposition=human", "peacetalks play --as opposition")


@pytest.mark.parametrize(
    "argv",
    [
        ["simulate", "astana-8", "--seed", "\x1b[2J1"],
        ["simulate", "astana-8", "--bogus\x1b]0;pwned\x07"],
        ["\x1b[31mred"],
        ["simulate", "astana-8", "--difficulty", "\x9b31m"],
    ],
)
def test_control_characters_in_a_refused_argument_are_shown_escaped(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # before: the usage error printed the argument raw, so the terminal ran its escape sequence
    assert main(argv) == 1
    err = capsys.readouterr().err
    one_line(err)
    assert "\x1b" not in err and "\x9b" not in err and "\x07" not in err
    assert "\\x1b" in err or "\\x9b" in err


def _loop(path: Path) -> Path:
    path.symlink_to(path.name)  # a link to itself: every open of it fails with ELOOP
    return path


def test_new_scenario_never_writes_over_a_symbolic_link_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # before: a link looping on itself was a RuntimeError traceback from Path.resolve, and a link
    # leading nowhere was written over without --force (it does not "exist")
    loop = _loop(tmp_path / "loop.yaml")
    assert main(["new-scenario", str(loop)]) == 1
    one_line(capsys.readouterr().err, str(loop), "is a symbolic link")
    assert loop.is_symlink()
    # with --force too, a link is refused and left (its rename put a regular file in place of
    # /dev/null's kind: tests/cli/test_authoring_cli.py)
    assert main(["new-scenario", str(loop), "--force"]) == 1
    one_line(capsys.readouterr().err, str(loop), "is a symbolic link")
    assert loop.is_symlink()


@pytest.mark.parametrize("command", ["watch", "simulate"])
def test_a_save_name_that_is_a_looping_link_is_one_line(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # before: Path.resolve raised RuntimeError ("Symlink loop") as a traceback
    if command == "watch":
        loop = _loop(tmp_path / "mine.yaml")
        argv = ["--saves", str(tmp_path), "watch", "astana-8", "--save", "mine"]
    else:
        loop = _loop(tmp_path / "astana-8-0001.yaml")
        argv = ["simulate", "astana-8", "--games", "1", "--save-dir", str(tmp_path)]
    assert main(argv) == 1
    one_line(capsys.readouterr().err, str(loop), "loops back on itself")
    assert loop.is_symlink()


@pytest.mark.parametrize("command", ["validate", "simulate", "analyze", "test-scenario", "replay"])
def test_a_scenario_or_save_that_is_a_looping_link_is_one_line_in_the_same_words(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # before: validate said the system's "Too many levels of symbolic links", simulate and analyze
    # "not a bundled name ... nor a file" (a link that leads back to itself does not "exist")
    loop = _loop(tmp_path / "loop.yaml")
    assert main([command, str(loop)]) == 1
    one_line(capsys.readouterr().err, str(loop), "a symbolic link that loops back on itself")


@pytest.mark.parametrize(
    "command",
    [
        ["simulate"],
        ["analyze"],
        ["test-scenario"],
        ["validate"],
        ["replay"],
        ["new-scenario"],
        ["simulate", "astana-8", "--save-dir"],
    ],
)
def test_a_huge_argument_is_quoted_back_shortened_in_one_line(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # before: a name too long for the system to look up raised OSError (ENAMETOOLONG) as a
    # traceback from simulate, analyze, test-scenario and new-scenario, and every message quoted
    # the whole argument back
    huge = "A" * 60_000 + "\x1b[31m" + "Z" * 40_000
    assert main([*command, huge]) == 1
    line = one_line(capsys.readouterr().err, "characters left out")
    assert len(line) < 2_100 and "\x1b" not in line


def test_an_agent_path_too_long_to_look_up_is_an_agent_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", "astana-8", "--seat", f"opposition={'A' * 100_000}.py:agent"]) == 1
    one_line(capsys.readouterr().err, "--seat opposition", "File name too long")
