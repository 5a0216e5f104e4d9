"""Scenario tests (a file's `tests:` section): how they are validated, and how each kind of check
passes and fails.

Every test file is tests/fixtures/mini.yaml with a tests section added. The figures a check is
measured against come from playing the same game here with simulate's run_game, never copied
from the runner's output, so each check is tried exactly at the edge of what was measured.
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from game.scenario import check_bytes, load_scenario
from game.scenario.diagnostics import Diagnostic
from game.scenario.expect import num
from game.scenario.load import check_file_with_tests
from game.sim.scenario_tests import CheckResult, run_file, to_json
from game.sim.simulate import run_game, summarise

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"
MINI_TEXT = MINI.read_text(encoding="utf-8")
SEATS = {d: "normal" for d in range(4)}  # red, blue, big, envoy


def with_tests(tmp_path: Path, tests: str, name: str = "talks.yaml") -> tuple[Path, str]:
    text = MINI_TEXT + "tests:\n" + textwrap.indent(textwrap.dedent(tests).strip("\n"), "  ") + "\n"
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path, text


def pos(text: str, snippet: str, target: str | None = None) -> tuple[int, int]:
    """1-based line and column where target starts within the one occurrence of snippet."""
    assert text.count(snippet) == 1, f"{snippet!r} occurs {text.count(snippet)} times"
    offset = text.index(snippet) + (snippet.index(target) if target else 0)
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def one_check(tmp_path: Path, check: str, header: str = "seed: 0") -> CheckResult:
    """The result of a test with one check (in flow style, on one line)."""
    path, _ = with_tests(tmp_path, f"- name: one check\n  {header}\n  expect:\n    - {check}\n")
    report = run_file(path)
    assert report.valid, [str(d) for d in report.diagnostics]
    (verdict,) = report.verdicts
    (result,) = verdict.checks
    return result


@pytest.fixture(scope="module")
def game0() -> dict[str, Any]:
    """The game the single-game checks look at: seed 0, every seat normal."""
    return run_game(load_scenario(MINI), 0, SEATS, detail=True)


# --- each kind of check, passing and failing ----------------------------------------------------


def test_agreed_passes_on_what_was_agreed_by_its_round_and_fails_a_round_earlier(
    tmp_path: Path, game0: dict[str, Any]
) -> None:
    (made,) = game0["detail"]["agreements"]
    option, round_ = made["package"]["prisoners"], made["round"]
    other = next(o for o in ("none", "some", "all") if o != option)
    assert one_check(tmp_path, f"agreed: {{issue: prisoners, option: {option}, by_round: {round_}}}").passed
    late = one_check(tmp_path, f"agreed: {{issue: prisoners, by_round: {round_ - 1}}}")
    assert not late.passed
    assert late.measured == f"prisoners agreed on {option} in round {round_}"
    assert late.expected == f"prisoners agreed by round {round_ - 1}"
    assert not one_check(tmp_path, f"agreed: {{issue: prisoners, option: {other}}}").passed


def test_not_agreed_is_the_opposite(tmp_path: Path, game0: dict[str, Any]) -> None:
    option = game0["agreement"]["truce"]
    other = next(o for o in ("fighting", "pause", "monitored") if o != option)
    assert one_check(tmp_path, f"not_agreed: {{issue: truce, option: {other}}}").passed
    result = one_check(tmp_path, "not_agreed: {issue: truce}")
    assert not result.passed and result.expected == "truce not agreed"


def test_outcome_is_and_is_not(tmp_path: Path, game0: dict[str, Any]) -> None:
    outcome = game0["outcome"]
    other = "collapse" if outcome != "collapse" else "agreement"
    assert one_check(tmp_path, f"outcome: {{is: {outcome}}}").passed
    assert one_check(tmp_path, f"outcome: {{is_not: {other}}}").passed
    result = one_check(tmp_path, f"outcome: {{is: {other}}}")
    assert (result.passed, result.measured, result.expected) == (False, f"outcome {outcome}", other)
    assert not one_check(tmp_path, f"outcome: {{is_not: {outcome}}}").passed


def test_fired_and_not_fired(tmp_path: Path, game0: dict[str, Any]) -> None:
    assert "clash" in game0["detail"]["fired"]  # scripted for round 2
    assert one_check(tmp_path, "fired: {event: clash}").passed
    result = one_check(tmp_path, "not_fired: {event: clash}")
    assert (result.passed, result.measured) == (False, "clash fired")


def test_absent_and_present(tmp_path: Path, game0: dict[str, Any]) -> None:
    assert game0["detail"]["absent"] == []
    assert one_check(tmp_path, "present: {delegation: blue}").passed
    result = one_check(tmp_path, "absent: {delegation: blue}")
    assert (result.passed, result.measured) == (False, "blue present at the end")


@pytest.mark.parametrize(
    ("check", "read"),
    [
        ("support: {delegation: red", lambda g: g["detail"]["support"]["red"]),
        ("trust: {from: blue, to: red", lambda g: g["detail"]["trust"]["blue"]["red"]),
        ("stability: {zone: north", lambda g: g["detail"]["stability"]["north"]),
        ("momentum: {", lambda g: g["detail"]["momentum"]),
        ("utility: {delegation: red", lambda g: g["utilities"]["red"]),
        ("surplus: {delegation: blue", lambda g: round(g["utilities"]["blue"] - 0.3, 4)),
    ],
)
def test_bounded_checks_hold_at_the_edge_inclusive_and_fail_strict(
    tmp_path: Path, game0: dict[str, Any], check: str, read: Any
) -> None:
    value = read(game0)
    sep = "" if check.endswith("{") else ", "
    assert one_check(tmp_path, f"{check}{sep}at_least: {value}}}").passed
    assert one_check(tmp_path, f"{check}{sep}between: [{value}, {value}]}}").passed
    failed = one_check(tmp_path, f"{check}{sep}above: {value}}}")
    assert not failed.passed
    assert failed.measured.endswith(f" {num(value)}") and failed.expected == f"above {num(value)}"
    assert not one_check(tmp_path, f"{check}{sep}below: {value}}}").passed


def test_above_reservation_default_and_named(tmp_path: Path, game0: dict[str, Any]) -> None:
    assert game0["below_reservation"] == []
    assert one_check(tmp_path, "above_reservation: {}").passed
    assert one_check(tmp_path, "above_reservation: {delegations: [red, envoy]}").passed


def test_above_reservation_fails_when_a_deal_is_worth_less_than_walking_away(tmp_path: Path) -> None:
    # The patron is no signatory: its walk-away value is no bar to a deal. Raised to 0.9, above
    # what any deal without a monitored truce gives it, the named check must fail on the deal.
    path, _ = with_tests(tmp_path, "- name: big\n  seed: 0\n  expect:\n    - above_reservation: {delegations: [big]}")
    text = path.read_text().replace("    reservation: 0.2\n", "    reservation: 0.9\n", 1)
    path.write_text(text)
    game = run_game(load_scenario(path), 0, SEATS, detail=True)
    assert game["detail"]["agreements"] and game["utilities"]["big"] < 0.9  # else this proves nothing
    assert game["below_reservation"] == []  # no signatory is below: only the named check sees it
    (verdict,) = run_file(path).verdicts
    (result,) = verdict.checks
    assert not result.passed
    assert (
        result.measured == f"an agreement below the reservation value of big ({num(game['utilities']['big'])} < 0.90)"
    )
    assert result.expected == "no agreement below the reservation value of big"


def test_checks_over_many_games_use_the_summary_of_those_games(tmp_path: Path) -> None:
    scenario = load_scenario(MINI)
    seats = {**SEATS, 1: "random"}
    summary = summarise(scenario, 20, 5, seats)
    rate = summary["agreement_rate"]
    blue = summary["per_delegation"]["blue"]
    path, _ = with_tests(
        tmp_path,
        f"""
        - name: many
          games: 20
          seed: 5
          seats: {{blue: random}}
          expect:
            - agreement_rate: {{at_least: {rate}}}
            - agreement_rate: {{above: {rate}}}
            - mean_utility: {{delegation: blue, at_most: {blue["mean_utility"]}}}
            - mean_utility: {{delegation: blue, below: {blue["mean_utility"]}}}
            - mean_surplus: {{delegation: blue, between: [{blue["mean_surplus"]}, 1]}}
            - mean_surplus: {{delegation: blue, above: {blue["mean_surplus"]}}}
        """,
    )
    (verdict,) = run_file(path).verdicts
    assert [c.passed for c in verdict.checks] == [True, False] * 3
    assert verdict.checks[1].measured == f"agreement rate {num(rate)}"
    assert verdict.checks[1].expected == f"above {num(rate)} over 20 games"
    assert verdict.checks[1].value == rate


def test_a_per_game_check_over_many_games_holds_in_every_game_or_in_its_share(tmp_path: Path) -> None:
    scenario = load_scenario(MINI)
    results = summarise(scenario, 20, 5, {**SEATS, 1: "random"})["results"]
    collapsed = [r["seed"] for r in results if r["outcome"] == "collapse"]
    assert 0 < len(collapsed) < 20  # the games differ, or this test proves nothing
    share = len(collapsed) / 20
    path, _ = with_tests(
        tmp_path,
        f"""
        - name: many
          games: 20
          seed: 5
          seats: {{blue: random}}
          expect:
            - outcome: {{is: collapse}}
            - outcome: {{is: collapse, share: {{at_least: {share}}}}}
            - outcome: {{is: collapse, share: {{above: {share}}}}}
        """,
    )
    (verdict,) = run_file(path).verdicts
    every, enough, too_few = verdict.checks
    assert not every.passed
    first = next(r for r in results if r["outcome"] != "collapse")
    assert every.seed == first["seed"]
    assert f"(seed {first['seed']}; fails in {20 - len(collapsed)} of 20 games)" in every.measured
    assert every.expected == "collapse in every game"
    assert enough.passed and enough.value == share
    assert not too_few.passed
    assert too_few.measured == f"outcome collapse in {len(collapsed)} of 20 games ({num(share)})"
    assert too_few.expected == f"a share above {num(share)}"
    assert too_few.seed == first["seed"]  # a game where it failed to hold


def test_a_share_that_holds_too_often_points_at_a_game_where_it_held(tmp_path: Path) -> None:
    results = summarise(load_scenario(MINI), 20, 5, {**SEATS, 1: "random"})["results"]
    collapsed = [r["seed"] for r in results if r["outcome"] == "collapse"]
    path, _ = with_tests(
        tmp_path,
        f"""
        - name: many
          games: 20
          seed: 5
          seats: {{blue: random}}
          expect:
            - outcome: {{is: collapse, share: {{below: {len(collapsed) / 20}}}}}
            - outcome: {{is: collapse, share: {{at_most: {len(collapsed) / 20}}}}}
        """,
    )
    (verdict,) = run_file(path).verdicts
    too_often, just = verdict.checks
    assert not too_often.passed and too_often.seed == collapsed[0]
    assert just.passed and just.seed is None


def test_the_report_is_the_same_for_any_number_of_jobs(tmp_path: Path) -> None:
    path, _ = with_tests(
        tmp_path,
        """
        - name: many
          games: 12
          seats: {blue: random}
          expect:
            - agreement_rate: {at_most: 1}
            - outcome: {is_not: partial, share: {at_least: 0.1}}
        """,
    )
    assert to_json([run_file(path, jobs=1)]) == to_json([run_file(path, jobs=2)])


def test_tests_share_games_and_keep_file_order(tmp_path: Path) -> None:
    path, _ = with_tests(
        tmp_path,
        """
        - name: b
          expect: [{outcome: {is: agreement}}]
        - name: a
          venue: hall
          expect: [{outcome: {is: agreement}}, {agreed: {issue: truce}}]
        """,
    )
    report = run_file(path)
    assert [v.test.name for v in report.verdicts] == ["b", "a"]
    assert all(v.passed for v in report.verdicts)


def test_the_engine_never_sees_the_tests(tmp_path: Path) -> None:
    path, _ = with_tests(tmp_path, "- name: x\n  expect: [{momentum: {at_least: 0}}]")
    scenario, tests, diagnostics = check_file_with_tests(path)
    assert scenario is not None and not diagnostics
    assert replace(scenario, content_hash="") == replace(load_scenario(MINI), content_hash="")
    assert [t.name for t in tests] == ["x"]
    assert tests[0].line == pos(path.read_text(), "- name: x")[0]


def test_a_file_without_tests_has_none(tmp_path: Path) -> None:
    report = run_file(MINI)
    assert report.valid and report.verdicts == []


# --- validation -------------------------------------------------------------------------------


def diagnostics_of(tmp_path: Path, tests: str) -> tuple[list[Diagnostic], str, Path]:
    path, text = with_tests(tmp_path, tests)
    scenario, _, diagnostics = check_file_with_tests(path)
    if any(d.severity == "error" for d in diagnostics):
        assert scenario is None
    return diagnostics, text, path


def has(diagnostics: list[Diagnostic], where: tuple[int, int], message: str, severity: str = "error") -> None:
    found = [(d.line, d.column, d.severity, d.message) for d in diagnostics]
    assert (*where, severity, message) in found, "\n".join(map(str, diagnostics))


BAD_REFERENCES = """
- name: refs
  venue: hal
  seats: {rd: hard}
  expect:
    - agreed: {issue: prisoner}
    - agreed: {issue: prisoners, option: som}
    - fired: {event: clsh}
    - support: {delegation: blu, at_least: 3}
    - trust: {from: red, to: bleu, at_least: 3}
    - stability: {zone: nrth, at_least: 3}
    - above_reservation: {delegations: [envy]}
    - absent: {delegation: bigg}
"""


@pytest.mark.parametrize(
    ("snippet", "target", "message"),
    [
        ("venue: hal", "hal", "unknown venue 'hal' (did you mean 'hall'?)"),
        ("{rd: hard}", "rd", "unknown delegation 'rd' (did you mean 'red'?)"),
        ("{issue: prisoner}", "prisoner", "unknown issue 'prisoner' (did you mean 'prisoners'?)"),
        ("option: som", "som", "issue 'prisoners' has no option 'som' (did you mean 'some'?)"),
        ("clsh", None, "unknown event 'clsh' (did you mean 'clash'?)"),
        ("blu,", None, "unknown delegation 'blu' (did you mean 'blue'?)"),
        ("bleu", None, "unknown delegation 'bleu' (did you mean 'blue'?)"),
        ("nrth", None, "unknown zone 'nrth' (did you mean 'north'?)"),
        ("[envy]", "envy", "unknown delegation 'envy' (did you mean 'envoy'?)"),
        ("bigg", None, "unknown delegation 'bigg' (did you mean 'big'?)"),
    ],
)
def test_every_reference_is_checked_with_its_line_and_column(
    tmp_path: Path, snippet: str, target: str | None, message: str
) -> None:
    diagnostics, text, _ = diagnostics_of(tmp_path, BAD_REFERENCES)
    has(diagnostics, pos(text, snippet, target), message)


@pytest.mark.parametrize(
    ("check", "target", "message"),
    [
        ("momentum: {}", "{}", "momentum needs a bound: one of above, below, at_least, at_most, between"),
        ("momentum: {between: [50, 10]}", "[50", "between [50, 10]: the lowest comes first"),
        ("momentum: {between: [1, 2, 3]}", "[1", "between takes two numbers: the lowest and the highest"),
        ("momentum: {at_least: 60, below: 50}", "{at", "no value can be at least 60 and below 50"),
        ("momentum: {above: 5, at_most: 5}", "{ab", "no value can be at most 5 and above 5"),
        ("momentum: {at_least: 5, between: [1, 9]}", "[1", "between and at_least both set a limit: keep one"),
        # bounds inside the format's range that no value of the number can meet: validate took them
        ("agreement_rate: {above: 1.0}", "{ab", "no agreement_rate can be above 1: it runs from 0 to 1"),
        ("support: {delegation: red, below: 0}", "{de", "no support can be below 0: it runs from 0 to 100"),
        ("momentum: {above: 100}", "{ab", "no momentum can be above 100: it runs from 0 to 100"),
        ("surplus: {delegation: red, above: 1}", "{de", "no surplus can be above 1: it is at most 1"),
        ("outcome: {is: agreement, share: {above: 1}}", "{ab", "no share can be above 1: it runs from 0 to 1"),
        ("utility: {delegation: red, above: 2}", "2}", "2 is out of range: expected at most 1"),
        ("outcome: {is: agreement, is_not: collapse}", "{is", "an outcome check takes exactly one of is or is_not"),
        (
            "outcome: {is: deal}",
            "deal",
            "'deal' is not one of agreement, partial, no_deal, collapse (did you mean 'no_deal'?)",
        ),
        ("agreeed: {issue: truce}", "agreeed", "unknown check 'agreeed' (did you mean 'agreed'?)"),
        (
            "agreed: {issue: truce, within: 2}",
            "within",
            "unknown key 'within' in an agreed check (the keys of an agreed check are issue, option, by_round, share)",
        ),
        (
            "agreement_rate: {at_least: 0.5, share: {above: 0}}",
            "share",
            "unknown key 'share' in an agreement_rate check (the keys of an agreement_rate check are above, below, "
            "at_least, at_most, between)",
        ),
    ],
)
def test_bad_checks_are_errors_with_a_position(tmp_path: Path, check: str, target: str, message: str) -> None:
    diagnostics, text, _ = diagnostics_of(tmp_path, f"- name: t\n  games: 5\n  expect:\n    - {check}\n")
    has(diagnostics, pos(text, f"- {check}", target), message)
    assert len([d for d in diagnostics if d.severity == "error"]) == 1, "\n".join(map(str, diagnostics))


def test_a_test_needs_a_name_and_a_check_and_names_are_unique(tmp_path: Path) -> None:
    diagnostics, text, _ = diagnostics_of(
        tmp_path,
        """
        - name: same
          expect: [{momentum: {at_least: 0}}]
        - name: same
          expect: []
        - seed: 3
          expect: [{momentum: {at_least: 0}}]
        """,
    )
    first = text.index("- name: same")
    second = text.index("same", text.index("- name: same", first + 1))
    where = (text.count("\n", 0, second) + 1, second - text.rfind("\n", 0, second))
    has(diagnostics, where, f"duplicate test name 'same' (the first is on line {text.count(chr(10), 0, first) + 1})")
    has(diagnostics, pos(text, "expect: []", "[]"), "'expect' needs at least 1 item")
    has(diagnostics, pos(text, "seed: 3"), "a test is missing the required key 'name'")


def test_doubtful_tests_are_warnings_and_the_file_stays_valid(tmp_path: Path) -> None:
    diagnostics, text, path = diagnostics_of(
        tmp_path,
        """
        - name: one game
          expect:
            - agreement_rate: {at_least: 0.5}
            - outcome: {is: agreement, share: {at_least: 0.5}}
            - agreed: {issue: truce, by_round: 7}
        """,
    )
    assert all(d.severity == "warning" for d in diagnostics)
    has(
        diagnostics,
        pos(text, "agreement_rate: {", "{"),
        "agreement_rate is measured over many games: give the test `games:`",
        "warning",
    )
    has(
        diagnostics,
        pos(text, "share: {", "{"),
        "a share has no meaning in a single game: give the test `games:`",
        "warning",
    )
    has(
        diagnostics,
        pos(text, "by_round: 7", "7"),
        "by_round 7 is past the last round (4): it limits nothing",
        "warning",
    )
    assert run_file(path).valid


def test_a_bad_tests_section_makes_the_file_invalid_for_play_too(tmp_path: Path) -> None:
    path, text = with_tests(tmp_path, "- name: t\n  expect: [{fired: {event: clsh}}]")
    scenario, diagnostics = check_bytes(text.encode(), "talks.yaml")
    assert scenario is None
    assert [d.message for d in diagnostics] == ["unknown event 'clsh' (did you mean 'clash'?)"]
    report = run_file(path)
    assert not report.valid and report.verdicts == []


def test_the_scenario_layer_does_not_import_the_players() -> None:
    code = "import sys, game.scenario; print(' '.join(sorted(sys.modules)))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert not [m for m in loaded if re.match(r"game\.(ai|sim|analysis|saves|ui)\b", m)]


def test_the_example_in_the_authoring_guide_passes(tmp_path: Path) -> None:
    guide = (ROOT / "docs" / "SCENARIOS.md").read_text(encoding="utf-8")
    section = guide.split("## Testing a scenario", 1)[1]
    match = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert match, "the guide lost its example of tests"
    complete = re.search(r"```yaml\n(.*?)```", guide.split("## A complete example", 1)[1], re.S)
    assert complete
    path = tmp_path / "guide.yaml"
    path.write_text(complete.group(1) + match.group(1), encoding="utf-8")
    report = run_file(path)
    assert report.valid and not report.diagnostics, [str(d) for d in report.diagnostics]
    assert len(report.verdicts) == 2 and report.passed


@pytest.mark.parametrize(
    "check",
    [
        "agreement_rate: {at_least: 1}",
        "agreement_rate: {above: 0.99}",
        "momentum: {at_most: 0}",
        "support: {delegation: red, above: 99.5}",
        "surplus: {delegation: red, below: -0.99}",
        "outcome: {is: agreement, share: {at_least: 1}}",
    ],
)
def test_bounds_at_the_edge_of_a_numbers_range_are_kept(tmp_path: Path, check: str) -> None:
    """Only the bounds no value can meet are refused: one an edge value meets stays."""
    diagnostics, _, _ = diagnostics_of(tmp_path, f"- name: t\n  games: 5\n  expect:\n    - {check}\n")
    assert not [d for d in diagnostics if d.severity == "error"], "\n".join(map(str, diagnostics))


def test_a_score_the_rounds_took_below_zero_can_be_checked(tmp_path: Path) -> None:
    """`utility` is the game's score, toll included: with a heavy `delay_cost` a side that gets
    nothing from the talks ends below its walk-away value, and below 0. A test says so and
    passes (before, `below: 0` was refused as impossible, and the measured score was said to be
    the deal's utility or the walk-away value)."""
    costly = MINI_TEXT.replace("  breakdown_risk: 0", "  breakdown_risk: 0\n  delay_cost: 40", 1)
    costly = costly.replace("    reservation: 0.3", "    reservation: 0.95", 1)  # red signs nothing
    assert costly.count("delay_cost: 40") == 1 and costly.count("reservation: 0.95") == 1
    scenario, diagnostics = check_bytes(costly.encode(), "costly.yaml")
    assert scenario is not None, diagnostics
    game = run_game(scenario, 0, SEATS, detail=True)
    lowest = min(game["utilities"], key=game["utilities"].get)
    score = game["utilities"][lowest]
    assert score < 0, game["utilities"]  # the toll is what took it there
    reservation = scenario.delegations[scenario.delegation_index[lowest]].reservation
    path = tmp_path / "costly.yaml"
    path.write_text(
        costly
        + "tests:\n  - name: the toll\n    seed: 0\n    expect:\n"
        + f"      - utility: {{delegation: {lowest}, below: 0}}\n"
        + f"      - surplus: {{delegation: {lowest}, at_most: {num(round(score - reservation + 0.0001, 4))}}}\n"
        + f"      - mean_utility: {{delegation: {lowest}, below: 0}}\n",
        encoding="utf-8",
    )
    report = run_file(path)
    assert report.valid, [str(d) for d in report.diagnostics]
    (verdict,) = report.verdicts
    assert all(check.passed for check in verdict.checks), [c.measured for c in verdict.checks]
