"""`peacetalks test-scenario` as a user runs it (in process, `main(argv)`): the bundled scenarios' own tests
pass, and the report, the exit statuses and the errors are what docs/SCENARIOS.md promises.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from game.scenario import bundled
from tests.cli_runner import Result, run_main

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"
MINI_TEXT = MINI.read_text(encoding="utf-8")

PASSING = """tests:
  - name: the usual deal
    seed: 0
    expect:
      - outcome: {is: agreement}
"""
FAILING = """tests:
  - name: the usual deal
    seed: 0
    expect:
      - outcome: {is: agreement}
  - name: a deal nobody makes
    seed: 0
    expect:
      - outcome: {is: agreement}
      - agreed: {issue: truce, option: monitored}
"""


def run(*args: str | Path) -> Result:
    return run_main(*args, cwd=ROOT)


def no_traceback(out: Result) -> None:
    assert "Traceback" not in out.stdout + out.stderr, out.stderr


def line_of(text: str, snippet: str) -> int:
    assert text.count(snippet) == 1
    return text.count("\n", 0, text.index(snippet)) + 1


def write(tmp_path: Path, tests: str, name: str = "talks.yaml") -> tuple[Path, str]:
    text = MINI_TEXT + tests
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path, text


def test_the_bundled_scenarios_include_the_syrian_ones_and_dayton() -> None:
    assert {"astana-8", "sochi-congress", "astana-to-sochi", "dayton-1995", "tutorial"} <= set(bundled())


# One scenario a test, so that the suite's workers share them out (together they were its longest
# test); the tutorial's, the quickest, run on two processes, as --jobs does for many files.
@pytest.mark.parametrize("name", sorted(bundled()))
def test_every_bundled_scenario_passes_its_own_tests(name: str) -> None:
    jobs = ("--jobs", "2") if name == "tutorial" else ()
    out = run("test-scenario", name, *jobs)
    no_traceback(out)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "FAIL" not in out.stdout
    if name in ("astana-8", "sochi-congress", "dayton-1995"):  # their tests are there, and ran
        assert len(re.findall(rf"^PASS  \S*{name}\.yaml:\d+  ", out.stdout, re.M)) >= 3, out.stdout
    assert re.search(r"^\d+ tests?: \d+ passed, 0 failed \(\d+\.\d s\)$", out.stdout, re.M), out.stdout


def test_a_passing_file_exits_0_with_a_line_per_test(tmp_path: Path) -> None:
    path, text = write(tmp_path, PASSING)
    out = run("test-scenario", path)
    no_traceback(out)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == f"PASS  {path}:{line_of(text, '- name: the usual deal')}  the usual deal  (seed 0)"
    assert re.fullmatch(r"1 test: 1 passed, 0 failed \(\d+\.\d s\)", lines[1])
    assert out.stderr == ""


def test_a_failing_check_exits_1_naming_the_lines_and_what_was_measured(tmp_path: Path) -> None:
    path, text = write(tmp_path, FAILING)
    out = run("test-scenario", path)
    no_traceback(out)
    assert out.returncode == 1
    lines = out.stdout.splitlines()
    assert lines[0].startswith("PASS  ")
    assert lines[1] == f"FAIL  {path}:{line_of(text, '- name: a deal nobody makes')}  a deal nobody makes  (seed 0)"
    check = line_of(text, "- agreed: {issue: truce, option: monitored}")
    assert re.fullmatch(
        rf"      {re.escape(str(path))}:{check}: truce agreed on \w+ in round \d, expected truce agreed on monitored",
        lines[2],
    ), lines[2]
    assert lines[3].startswith("2 tests: 1 passed, 1 failed")


def test_json_reports_every_check(tmp_path: Path) -> None:
    path, text = write(tmp_path, FAILING)
    out = run("test-scenario", path, "--json")
    assert out.returncode == 1
    data = json.loads(out.stdout)
    assert (data["passed"], data["failed"], data["invalid_files"]) == (1, 1, 0)
    (file,) = data["files"]
    assert file["valid"] and file["scenario"] == "mini" and file["diagnostics"] == []
    failing = file["tests"][1]
    assert failing["name"] == "a deal nobody makes" and not failing["passed"]
    assert failing["line"] == line_of(text, "- name: a deal nobody makes")
    assert [c["passed"] for c in failing["checks"]] == [True, False]
    assert failing["checks"][1]["expected"] == "truce agreed on monitored"
    assert failing["checks"][1]["seed"] == 0


def test_an_invalid_file_exits_1_with_its_diagnostics_and_runs_nothing(tmp_path: Path) -> None:
    bad, text = write(tmp_path, PASSING.replace("is: agreement", "is: agreemnt"), "bad.yaml")
    good, _ = write(tmp_path, PASSING, "good.yaml")
    out = run("test-scenario", bad, good)
    no_traceback(out)
    assert out.returncode == 1
    line = line_of(text, "agreemnt")
    col = text.splitlines()[line - 1].index("agreemnt") + 1
    assert (
        f"{bad}:{line}:{col}: error: 'agreemnt' is not one of agreement, partial, no_deal, collapse"
        " (did you mean 'agreement'?)" in out.stderr.splitlines()
    )
    assert f"{bad}: invalid (1 error): no tests run" in out.stdout
    assert f"PASS  {good}:" in out.stdout  # the other file still runs
    assert "1 test: 1 passed, 0 failed; 1 invalid file" in out.stdout


def test_validate_reports_a_bad_reference_in_a_test_with_its_position(tmp_path: Path) -> None:
    path, text = write(tmp_path, PASSING + "      - fired: {event: clsh}\n")
    out = run("validate", path)
    assert out.returncode == 1
    line = line_of(text, "clsh")
    col = text.splitlines()[line - 1].index("clsh") + 1
    assert f"{path}:{line}:{col}: error: unknown event 'clsh' (did you mean 'clash'?)" in out.stderr.splitlines()


def test_a_file_without_tests_says_so_and_passes() -> None:
    out = run("test-scenario", MINI)
    assert out.returncode == 0
    assert out.stdout.splitlines()[0] == f"{MINI}: no tests (write them in a tests: section; see docs/SCENARIOS.md)"
    assert out.stdout.splitlines()[1].startswith("0 tests: 0 passed, 0 failed")


def test_a_name_that_is_neither_bundled_nor_a_file_is_said_to_be_neither(tmp_path: Path) -> None:
    """It said "no such file", though test-scenario takes bundled names too (analyze says which)."""
    names = ", ".join(bundled())
    for given in ("nosuch", str(tmp_path / "nowhere.yaml")):
        out = run("test-scenario", MINI, given)
        no_traceback(out)
        assert out.returncode == 1 and out.stdout == ""
        assert out.stderr.splitlines() == [
            f"peacetalks: error: no scenario {given!r}: not a bundled name ({names}) nor a file"
        ]
    assert run("analyze", "nosuch").stderr == out.stderr.replace(repr(given), repr("nosuch"))


def test_the_report_names_a_file_with_a_line_break_on_one_line(tmp_path: Path) -> None:
    """Its errors wrote a line break in the file's name as \\n; its report lines wrote it raw."""
    folder = tmp_path / "p"
    folder.mkdir()
    odd = folder / "nl\nname.yaml"
    odd.write_text(MINI_TEXT + PASSING, encoding="utf-8")
    bare = folder / "bare\nname.yaml"
    bare.write_text(MINI_TEXT, encoding="utf-8")
    out = run("test-scenario", odd, bare)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith(f"PASS  {folder}/nl\\nname.yaml:"), lines
    assert lines[1].startswith(f"{folder}/bare\\nname.yaml: no tests"), lines
    assert lines[2].startswith("1 test: 1 passed, 0 failed"), lines


@pytest.mark.parametrize("args", [("test-scenario",), ("test-scenario", "astana-8", "--jobs", "0")])
def test_usage_errors_get_one_line_and_exit_1(args: tuple[str, ...]) -> None:
    out = run(*args)
    assert out.returncode == 1
    assert len(out.stderr.strip().splitlines()) == 1
