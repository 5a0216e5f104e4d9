"""The argument parser, in process: what each command line means."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.cli.parser import UsageError
from game.cli.parser import parser as _parser

MINI = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "mini.yaml"


def test_an_option_is_never_taken_as_an_abbreviation_of_a_longer_one() -> None:
    # `--save NAME` once became `--saves NAME`, the saves folder, on commands without --save.
    parser = _parser()
    for argv in (["play", "astana-8", "--save", "mine"], ["--save", "mine"], ["simulate", "astana-8", "--game", "3"]):
        try:
            args = parser.parse_args(argv)
        except UsageError:
            continue
        assert getattr(args, "saves", "saves") == "saves", argv
        assert getattr(args, "games", 100) != 3, argv


def test_an_unknown_shortened_option_is_a_one_line_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", "astana-8", "--gam", "3"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--gam" in err


@pytest.mark.parametrize("command", ["play", "watch"])
def test_the_saves_folder_given_before_the_command_is_kept(command: str) -> None:
    parser = _parser()
    assert parser.parse_args(["--saves", "elsewhere", command]).saves == "elsewhere"
    assert parser.parse_args([command, "--saves", "after"]).saves == "after"
    assert parser.parse_args(["--saves", "before", command, "--saves", "after"]).saves == "after"
    assert parser.parse_args([command]).saves == "saves"


def test_every_command_has_a_saves_folder() -> None:
    parser = _parser()
    for argv in (["list"], ["replay", "x.yaml"], ["simulate", "astana-8"], []):
        assert parser.parse_args(argv).saves == "saves"


@pytest.mark.parametrize(
    ("argv", "option"),
    [
        (["simulate", "mini", "--games", "1", "--save-dir", ""], "--save-dir"),
        (["--saves", "", "watch", "mini", "--save", "mine"], "--saves"),
        (["watch", "mini", "--saves", "", "--save", "mine"], "--saves"),
    ],
)
def test_an_empty_folder_name_is_refused_not_taken_as_the_current_folder(
    argv: list[str], option: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, `--save-dir "$UNSET"` wrote its saves into the folder the command ran in."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mini.yaml").write_bytes(MINI.read_bytes())
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"argument {option}: expected the path of a folder, got an empty name" in err
    assert [p.name for p in tmp_path.iterdir()] == ["mini.yaml"]


@pytest.mark.parametrize(
    ("argv", "option"),
    [(["replay", ""], "SAVE"), (["play", "--load", ""], "--load"), (["watch", "--load", ""], "--load")],
)
def test_an_empty_save_name_is_refused_in_one_line(
    argv: list[str], option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`replay ""` said ".: is a directory, not a saved game", and `play --load ""` started a new
    game, the empty name read as no save at all."""
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"argument {option}: expected the path of a saved game, got an empty name" in err


@pytest.mark.parametrize(
    ("argv", "wanted"),
    [
        (["watch", ""], "SCENARIO: expected a bundled scenario name or the path of a scenario file"),
        (["play", ""], "SCENARIO: expected a bundled scenario name or the path of a scenario file"),
        (["analyze", ""], "SCENARIO: expected a bundled scenario name or the path of a scenario file"),
        (["simulate", "", "--games", "1"], "SCENARIO: expected a bundled scenario name or the path of a scenario"),
        (["tournament", "", "--seat", "x"], "SCENARIO: expected a bundled scenario name or the path of a scenario"),
        (["test-scenario", "mini", ""], "PATH: expected a bundled scenario name or the path of a scenario file"),
        (["validate", "mini.yaml", ""], "PATH: expected the path of a scenario file"),
    ],
)
def test_an_empty_scenario_name_is_refused_in_one_line(
    argv: list[str], wanted: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`watch ""` played astana-8 and `play ""` opened it, the empty name read as no name at all;
    validate, analyze, simulate, test-scenario and tournament said ".: is a directory". Refused
    before anything runs, as `--load ""` is."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mini.yaml").write_bytes(MINI.read_bytes())
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1, captured.err
    assert f"argument {wanted}" in captured.err and captured.err.rstrip().endswith("got an empty name")
