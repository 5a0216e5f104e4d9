"""`peacetalks schema`, `peacetalks new-scenario` and the warnings of `peacetalks validate`, as a
user runs them: exit statuses, one line for each problem, never a traceback."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from game.ai import play
from game.analysis.lint import venue_checks
from game.scenario import check_file
from game.scenario.schema import schema_text
from game.scenario.template import TEMPLATE, starting_scenario
from tests.cli_runner import Result, run_main

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"


def run(*args: str | Path, cwd: Path = ROOT) -> Result:
    return run_main(*args, cwd=cwd)


def one_error_line(out: Result, *fragments: str) -> None:
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert len(out.stderr.splitlines()) == 1, out.stderr
    assert out.stderr.startswith("peacetalks: error: ")
    for fragment in fragments:
        assert fragment in out.stderr
    assert out.stdout == ""


def test_schema_prints_the_generated_schema_as_json() -> None:
    out = run("schema")
    assert out.returncode == 0, out.stderr
    assert out.stdout == schema_text()
    assert json.loads(out.stdout)["title"] == "Peace Talks scenario"


def test_new_scenario_writes_a_file_that_validates_without_a_warning_and_plays_to_the_end(tmp_path: Path) -> None:
    target = tmp_path / "harbour-talks.yaml"
    out = run("new-scenario", target)
    assert out.returncode == 0, out.stderr
    assert str(target) in out.stdout
    scenario, diagnostics = check_file(target, extra=(venue_checks,))
    assert [str(d) for d in diagnostics] == []
    assert scenario is not None and scenario.id == "harbour-talks"  # named after the file
    assert len(scenario.delegations) == 3 and len(scenario.issues) == 3 and len(scenario.venues) == 1
    assert scenario.events
    assert "Syria" not in target.read_text(encoding="utf-8")
    game = play(scenario, 7)  # every seat an AI
    assert game.state.over
    assert [p for p in tmp_path.iterdir()] == [target], "the atomic write left a temporary file behind"


def test_new_scenario_writes_tests_that_pass(tmp_path: Path) -> None:
    """Found by a scenario author: the guide asks every scenario for tests, and the starting file
    had none to copy, only a closing comment about `history:`. Its tests run and pass as written."""
    target = tmp_path / "harbour-talks.yaml"
    assert run("new-scenario", target).returncode == 0
    assert "\ntests:\n" in target.read_text(encoding="utf-8")
    out = run("test-scenario", target)
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.splitlines()[-1].startswith("2 tests: 2 passed, 0 failed"), out.stdout


def test_new_scenario_keeps_the_template_id_when_the_file_name_is_no_id(tmp_path: Path) -> None:
    for name in ("My Talks.yaml", "null.yaml"):
        text = starting_scenario(tmp_path / name)
        assert "\nid: river-talks " in text


def test_new_scenario_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "mine.yaml"
    target.write_text("my work\n", encoding="utf-8")
    one_error_line(run("new-scenario", target), str(target), "--force")
    assert target.read_text(encoding="utf-8") == "my work\n"
    forced = run("new-scenario", target, "--force")
    assert forced.returncode == 0, forced.stderr
    assert target.read_text(encoding="utf-8") == starting_scenario(target)


def test_new_scenario_refuses_a_folder_that_does_not_exist(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "talks.yaml"
    one_error_line(run("new-scenario", target), "does not exist")
    assert not (tmp_path / "no").exists()


def test_new_scenario_refuses_a_folder_as_the_path(tmp_path: Path) -> None:
    one_error_line(run("new-scenario", tmp_path, "--force"), "is a folder")


def test_new_scenario_refuses_a_fifo_even_with_force(tmp_path: Path) -> None:
    """The atomic rename put a regular file in the place of a FIFO (and of /dev/null, run as
    root): whatever is at the path and is not a regular file is refused, as validate refuses it."""
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    for force in ((), ("--force",)):
        one_error_line(run("new-scenario", fifo, *force), str(fifo), "not a regular file")
        assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe.yaml"]


def test_new_scenario_refuses_a_symbolic_link_even_with_force(tmp_path: Path) -> None:
    """A link was replaced by a file of its own (the rename does not follow it); refused, saying
    it is a link, whether it leads to a file, to nothing or to a FIFO."""
    target = tmp_path / "mine.yaml"
    target.write_text("my work\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe")
    for leads_to in (target, tmp_path / "nothing.yaml", tmp_path / "pipe"):
        link = tmp_path / "link.yaml"
        link.symlink_to(leads_to)
        for force in ((), ("--force",)):
            one_error_line(run("new-scenario", link, *force), str(link), "symbolic link")
            assert link.is_symlink() and os.readlink(link) == str(leads_to)
        link.unlink()
    assert target.read_text(encoding="utf-8") == "my work\n"


def test_new_scenario_without_a_path_is_a_usage_error() -> None:
    out = run("new-scenario")
    assert out.returncode == 1
    assert len(out.stderr.splitlines()) == 1 and "Traceback" not in out.stderr


def test_new_scenario_with_an_empty_name_is_a_usage_error_that_says_so(tmp_path: Path) -> None:
    """Refused as every bad argument is (one line, status 1), not taken for the current folder."""
    out = run("new-scenario", "", cwd=tmp_path)
    assert out.returncode == 1 and out.stdout == ""
    assert out.stderr.splitlines() == [
        "peacetalks new-scenario: error: argument PATH: expected the path of the file to write, got an empty name"
    ]
    assert list(tmp_path.iterdir()) == []


def test_in_the_checkout_the_new_file_points_editors_at_the_schema(tmp_path: Path) -> None:
    inside = starting_scenario(ROOT / "scenarios" / "new-talks.yaml")
    assert inside.startswith("# yaml-language-server: $schema=../docs/scenario.schema.json\n")
    template = TEMPLATE.read_text(encoding="utf-8")
    assert "peacetalks schema > scenario.schema.json" in template
    # ...without the template's advice to write the schema and add that line: done already
    body = inside.split("\n", 1)[1]
    assert "peacetalks schema >" not in body and "the first line points an editor" in body
    from game.scenario.template import _EDITOR_ADVICE, _EDITOR_DONE

    # the id's comment stays in the column of the others (an author found it out of line)
    assert body.replace(_EDITOR_DONE, _EDITOR_ADVICE) == template.replace("id: river-talks  ", "id: new-talks    ", 1)
    column = next(x for x in template.splitlines() if x.startswith("id:")).index("#")
    long = starting_scenario(tmp_path / "a-very-long-name-for-a-scenario.yaml")
    assert "id: a-very-long-name-for-a-scenario # a short name" in long
    assert next(x for x in body.splitlines() if x.startswith("id:")).index("#") == column
    outside = starting_scenario(tmp_path / "elsewhere.yaml")
    assert outside == template.replace("id: river-talks  ", "id: elsewhere    ", 1)


def test_validate_prints_a_package_space_warning_and_still_exits_0(tmp_path: Path) -> None:
    text = MINI.read_text(encoding="utf-8").replace("reservation: 0.3", "reservation: 0.65", 1)
    text = text.replace("reservation: 0.3", "reservation: 0.6", 1)
    text = text.replace("  outcome:\n    prisoners: some\n", "")  # out of reach now: a warning of its own
    path = tmp_path / "tight.yaml"
    path.write_text(text, encoding="utf-8")
    out = run("validate", path)
    assert out.returncode == 0, out.stderr
    assert out.stdout == f"{path}: ok: Mini talks (1 warning)\n"
    line = text[: text.index("signatories: [red, blue]")].count("\n") + 1
    assert out.stderr.startswith(f"{path}:{line}:18: warning: at The Hall, no package gives every signatory")
    assert len(out.stderr.splitlines()) == 1


def test_the_starter_says_red_lines_are_public_as_the_rules_make_them(tmp_path: Path) -> None:
    target = tmp_path / "mine.yaml"
    assert run("new-scenario", target).returncode == 0
    text = target.read_text(encoding="utf-8")
    # the rules show every side's red lines at the table (docs/RULES.md); the starter must not
    # teach an author otherwise
    claims = [line for line in text.splitlines() if "red line" in line and "private" in line]
    assert all(line.index("private") < line.index("red line") for line in claims), claims
    assert "red lines,\n# stances and public positions are seen by everyone" in text


def test_validate_games_warns_when_nearly_every_game_ends_in_a_deal(tmp_path: Path) -> None:
    out = run("validate", "--games", "20", "scenarios/tutorial.yaml")
    assert out.returncode == 0, out.stderr
    assert out.stdout == "scenarios/tutorial.yaml: ok: Tutorial: a convoy for Eastern Ghouta (1 warning)\n"
    assert out.stderr.splitlines() == [
        "scenarios/tutorial.yaml: warning: in 20 AI games from seed 0, 100% end with something agreed, outside 40%-95%: "
        'nearly every game ends in a deal, so a player has little to win or lose (docs/SCENARIOS.md, "What '
        'moves the agreement rate")'
    ]


def test_validate_games_warns_when_most_games_fail(tmp_path: Path) -> None:
    # walk-away values no package meets: no game can end in a deal
    text = MINI.read_text(encoding="utf-8").replace("reservation: 0.3", "reservation: 0.65", 1)
    text = text.replace("reservation: 0.3", "reservation: 0.6", 1)
    path = tmp_path / "tight.yaml"
    path.write_text(text, encoding="utf-8")
    out = run("validate", "--games", "10", path)
    assert out.returncode == 0, out.stderr
    assert (
        f"{path}: warning: in 10 AI games from seed 0, 0% end with something agreed, outside 40%-95%: most games"
        in out.stderr
    )


def test_validate_games_says_the_rate_it_measured_within_the_range() -> None:
    """Found by a scenario author: within the range `--games` printed only "ok", and the rate it
    had measured was left to a run of simulate. It is one line after the ok, and no warning."""
    out = run("validate", "--games", "20", "scenarios/harbour-contract.yaml")
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""
    assert out.stdout.splitlines() == [
        "scenarios/harbour-contract.yaml: ok: Marenport: the dockers' contract",
        "scenarios/harbour-contract.yaml: in 20 AI games from seed 0, 95% end with something agreed, within 40%-95%",
    ]
    # and without --games no game is played at all
    assert run("validate", "scenarios/tutorial.yaml").stderr == ""


def test_new_scenario_gives_commands_that_can_be_pasted_whatever_the_file_is_called(tmp_path: Path) -> None:
    """`new-scenario "My Scenario!.yaml"` suggested `peacetalks validate My Scenario!.yaml`, which a
    shell reads as two arguments: the name is now quoted as a shell needs it."""
    import shlex

    target = tmp_path / "My Scenario!.yaml"
    out = run("new-scenario", target)
    assert out.returncode == 0, out.stderr
    commands = [part for k, part in enumerate(out.stdout.split("`")) if k % 2 == 1]
    assert [shlex.split(c) for c in commands] == [
        ["peacetalks", "validate", str(target)],
        ["peacetalks", "play", str(target)],
    ]


def test_new_scenario_in_a_folder_that_takes_no_new_file_says_so(tmp_path: Path) -> None:
    """In /proc (there, and refusing new files) the error said "No such file or directory"."""
    proc = Path("/proc")
    assert (proc / "self").is_dir()  # Linux, as CI runs
    out = run("new-scenario", proc / "x.yaml", cwd=tmp_path)
    one_error_line(out, "/proc: cannot write there: the system lets no new file be made in it")
