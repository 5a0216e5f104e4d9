"""Run the tests a scenario file carries (its `tests:` section): play the games each test asks
for, measure what it expects, and report every check as passed or failed, with what was measured.

The games come from simulate's own machinery: a test of many games plays exactly the games
`peacetalks simulate --games N --seed S` plays with the same seats (a single-game test, the game
`peacetalks watch --seed S` plays), and the report is the same for any number of jobs.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from game.engine.model import Scenario
from game.scenario.diagnostics import Diagnostic
from game.scenario.expect import Check, ScenarioTest, num
from game.scenario.load import check_file_with_tests
from game.sim.simulate import aggregate, run_game, summarise

Result = dict[str, Any]  # one game, as run_game gives it with detail


@dataclass(frozen=True)
class CheckResult:
    check: Check
    passed: bool
    measured: str  # what the games showed: "support of government 24"
    expected: str  # what the test asked for: "at least 30"
    seed: int | None = None  # a game it failed in, to watch again
    value: float | None = None  # the number measured over the games: a rate, a mean or a share


@dataclass(frozen=True)
class Verdict:
    """The outcome of one test."""

    test: ScenarioTest
    checks: tuple[CheckResult, ...]

    @property
    def passed(self) -> bool:
        return all(c.passed for c in self.checks)


@dataclass
class FileReport:
    path: str
    scenario: Scenario | None
    diagnostics: list[Diagnostic]
    verdicts: list[Verdict] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return self.scenario is not None

    @property
    def passed(self) -> bool:
        return self.valid and all(v.passed for v in self.verdicts)


def run_file(path: str | Path, jobs: int = 1) -> FileReport:
    """Check a scenario file and, if it is valid, run its tests."""
    scenario, tests, diagnostics = check_file_with_tests(path)
    report = FileReport(str(path), scenario, diagnostics)
    if scenario is not None:
        report.verdicts = run_tests(scenario, tests, jobs)
    return report


def run_tests(scenario: Scenario, tests: tuple[ScenarioTest, ...], jobs: int = 1) -> list[Verdict]:
    """Every test's verdict, in file order. Tests that play the same games share them."""
    played: dict[tuple[int, int, tuple[tuple[int, str], ...]], tuple[list[Result], Result]] = {}
    verdicts = []
    for test in tests:
        seats = _seats(scenario, test)
        key = (test.seed, test.games, tuple(sorted(seats.items())))
        if key not in played:
            if test.games:
                summary = summarise(scenario, test.games, test.seed, seats, jobs, detail=True)
                played[key] = (summary["results"], summary)
            else:
                results = [run_game(scenario, test.seed, seats, detail=True)]
                played[key] = (results, aggregate(scenario, test.seed, seats, results))
        results, summary = played[key]
        checks = tuple(_judge(check, test, scenario, results, summary) for check in test.checks)
        verdicts.append(Verdict(test, checks))
    return verdicts


def _seats(scenario: Scenario, test: ScenarioTest) -> dict[int, str]:
    seats = {d: test.difficulty for d in range(len(scenario.delegations))}
    for ident, level in test.seats:
        seats[scenario.delegation_index[ident]] = level
    return seats


# --- measuring --------------------------------------------------------------------------------


def _judge(check: Check, test: ScenarioTest, sc: Scenario, results: list[Result], summary: Result) -> CheckResult:
    n = len(results)
    if not check.per_game:
        value, what = _over_games(check, test, sc, results, summary)
        assert check.bound is not None
        over = f" over {n} game{'s' if n > 1 else ''}"
        passed = check.bound.holds(value)
        return CheckResult(check, passed, f"{what} {num(value)}", check.bound.text() + over, value=value)
    way = _per_game(check, test, sc)
    measured = [(r["seed"], *way.measure(r)) for r in results]
    held = [seed for seed, ok, _ in measured if ok]
    failures = [(seed, text) for seed, ok, text in measured if not ok]
    if check.share is not None:
        bound, share = check.share, len(held) / n
        passed = bound.holds(share)
        too_often = (bound.at_most is not None and share > bound.at_most) or (
            bound.below is not None and share >= bound.below
        )
        # to watch: a game where it held, when it holds too often; else one where it failed
        examples = held if too_often else [seed for seed, _ in failures]
        seed = examples[0] if examples and not passed else None
        text = f"{way.subject} in {len(held)} of {n} games ({num(share)})"
        return CheckResult(check, passed, text, f"a share {bound.text()}", seed, share)
    if not failures:
        return CheckResult(check, True, measured[0][2] if n == 1 else f"held in all {n} games", way.expected)
    seed, text = failures[0]
    if n == 1:
        return CheckResult(check, False, text, way.expected, seed)
    text = f"{text} (seed {seed}; fails in {len(failures)} of {n} games)"
    return CheckResult(check, False, text, f"{way.expected} in every game", seed)


def _over_games(
    check: Check, test: ScenarioTest, sc: Scenario, results: list[Result], summary: Result
) -> tuple[float, str]:
    if check.kind == "agreement_rate":
        if not test.venue:
            return summary["agreement_rate"], "agreement rate"
        v = sc.venue_index[test.venue]
        rate = sum(len(r["venues"]) > v and r["venues"][v] == "agreement" for r in results) / len(results)
        return rate, f"agreement rate at {test.venue}"
    row = summary["per_delegation"][check.delegation]
    if check.kind == "mean_utility":
        return row["mean_utility"], f"mean utility of {check.delegation}"
    return row["mean_surplus"], f"mean surplus of {check.delegation}"


Measure = Callable[[Result], tuple[bool, str]]  # one game -> does it hold, and what was seen


class _Way(NamedTuple):
    """How a per-game check reads and is measured."""

    expected: str  # what follows "expected" in a report: "at least 30"
    subject: str  # the property as a phrase, counted over games: "support of red at least 30"
    measure: Measure


def _per_game(check: Check, test: ScenarioTest, sc: Scenario) -> _Way:
    kind = check.kind
    if kind in ("agreed", "not_agreed"):
        return _agreed(check, test, sc, kind == "agreed")
    if kind == "outcome":
        v = sc.venue_index[test.venue] if test.venue else -1
        at = f" at {test.venue}" if test.venue else ""
        named = ("anything but " if check.negate else "") + check.outcome

        def outcome(r: Result) -> tuple[bool, str]:
            got = r["venues"][v] if v >= 0 and len(r["venues"]) > v else r["outcome"]
            return (got == check.outcome) != check.negate, f"outcome{at} {got}"

        return _Way(named, f"outcome{at} {named}", outcome)
    if kind in ("fired", "not_fired"):
        event, wanted = check.event, kind == "fired"

        def fired(r: Result) -> tuple[bool, str]:
            times = r["detail"]["fired"].get(event, 0)
            said = f"{event} fired" + (f" {times} times" if times > 1 else "") if times else f"{event} did not fire"
            return (times > 0) == wanted, said

        return _Way(f"it {'' if wanted else 'not '}to fire", f"{event} {'' if wanted else 'not '}fired", fired)
    if kind in ("absent", "present"):
        who, away = check.delegation, kind == "absent"

        def absent(r: Result) -> tuple[bool, str]:
            gone = who in r["detail"]["absent"]
            return gone == away, f"{who} {'absent' if gone else 'present'} at the end"

        return _Way(f"{who} {kind} at the end", f"{who} {kind} at the end", absent)
    if kind == "above_reservation":
        return _above_reservation(check, sc)
    assert check.bound is not None
    bound = check.bound
    read, what = _meter(check, sc)
    return _Way(bound.text(), f"{what} {bound.text()}", lambda r: (bound.holds(read(r)), f"{what} {num(read(r))}"))


def _meter(check: Check, sc: Scenario) -> tuple[Callable[[Result], float], str]:
    """How to read the number a bounded per-game check measures, and its name."""
    d, kind = check.delegation, check.kind
    if kind == "support":
        return (lambda r: r["detail"]["support"][d]), f"support of {d}"
    if kind == "trust":
        return (lambda r: r["detail"]["trust"][d][check.to]), f"trust of {d} in {check.to}"
    if kind == "stability":
        return (lambda r: r["detail"]["stability"][check.zone]), f"stability of {check.zone}"
    if kind == "momentum":
        return (lambda r: r["detail"]["momentum"]), "momentum"
    if kind == "history_match":
        # a scenario without a record matches nothing (and says so when its tests are built)
        return (lambda r: r["history_match"] or 0.0), "share of the recorded issues as in history"
    if kind == "utility":
        return (lambda r: r["utilities"][d]), f"utility of {d}"
    # over the walk-away value drawn for that game (engine/types.py), as simulate reports it
    return (lambda r: r["surplus"][d]), f"surplus of {d}"


def _agreed(check: Check, test: ScenarioTest, sc: Scenario, wanted: bool) -> _Way:
    """The issue settled at the end of the game (on the option, by the round, at the test's
    venue, where the check names them); for not_agreed, the opposite."""
    issue, option, by_round, venue = check.issue, check.option, check.by_round, test.venue
    on, at = (f" on {option}" if option else ""), (f" at {venue}" if venue else "")
    words = f"{issue} agreed{on}" + (f" by round {by_round}" if by_round else "") + at
    if not wanted:
        words = f"{issue} not agreed{on}{at}"
    campaign = len(sc.venues) > 1

    def agreed(r: Result) -> tuple[bool, str]:
        settled = r["agreement"].get(issue)
        made = [a for a in r["detail"]["agreements"] if issue in a["package"]]
        if settled is None or not made:
            return not wanted, f"{issue} not agreed"
        last = made[-1]  # the agreement in force: a settled issue is only agreed again once broken
        ok = (
            (not option or settled == option)
            and (not by_round or last["round"] <= by_round)
            and (not venue or last["venue"] == venue)
        )
        where = f" at {last['venue']}" if campaign else ""
        return ok == wanted, f"{issue} agreed on {settled} in round {last['round']}{where}"

    return _Way(words, words, agreed)


def _above_reservation(check: Check, sc: Scenario) -> _Way:
    """No agreement worth less than its reservation value to any of the delegations named (by
    default: to any signatory that signed it, as simulate counts it)."""
    named = check.delegations
    expected = "no agreement below the reservation value of " + (", ".join(named) if named else "a signatory")

    def above(r: Result) -> tuple[bool, str]:
        if not r["detail"]["agreements"]:
            return True, "no agreement"
        # by the preferences drawn for that game: its utility of the deal less its walk-away value
        below = [d for d in named if r["surplus"][d] < -1e-9] if named else list(r["below_reservation"])
        if not below:
            return True, "every agreement at or above the reservation values"
        worth = ", ".join(f"{d} ({num(r['utilities'][d])} < {num(r['utilities'][d] - r['surplus'][d])})" for d in below)
        return False, f"an agreement below the reservation value of {worth}"

    return _Way(expected, expected, above)


def _reservation(sc: Scenario, ident: str) -> float:
    return sc.delegations[sc.delegation_index[ident]].reservation


# --- reporting --------------------------------------------------------------------------------


def lines(reports: list[FileReport], seconds: float | None = None) -> list[str]:
    """The text report: one line per test (and one per failed check), then a summary line."""
    out: list[str] = []
    for report in reports:
        out.extend(_file_lines(report))
    tests = [v for r in reports for v in r.verdicts]
    failed = sum(not v.passed for v in tests)
    invalid = sum(not r.valid for r in reports)
    summary = f"{len(tests)} test{'s' if len(tests) != 1 else ''}: {len(tests) - failed} passed, {failed} failed"
    if invalid:
        summary += f"; {invalid} invalid file{'s' if invalid != 1 else ''}"
    if seconds is not None:
        summary += f" ({seconds:.1f} s)"
    out.append(summary)
    return out


def _file_lines(report: FileReport) -> list[str]:
    # one line, as the errors name the file: stdout escapes control characters, not line breaks
    path = report.path.replace("\n", "\\n")
    if report.scenario is None:
        errors = sum(d.severity == "error" for d in report.diagnostics)
        return [f"{path}: invalid ({errors} error{'s' if errors != 1 else ''}): no tests run"]
    if not report.verdicts:
        return [f"{path}: no tests (write them in a tests: section; see docs/SCENARIOS.md)"]
    out = []
    for v in report.verdicts:
        t = v.test
        games = f"{t.games} games from seed {t.seed}" if t.games else f"seed {t.seed}"
        out.append(f"{'PASS' if v.passed else 'FAIL'}  {path}:{t.line}  {t.name}  ({games})")
        for c in v.checks:
            if not c.passed:
                out.append(f"      {path}:{c.check.line}: {c.measured}, expected {c.expected}")
    return out


def to_json(reports: list[FileReport]) -> dict[str, Any]:
    """The report as plain data, the same for any number of jobs."""
    tests = [v for r in reports for v in r.verdicts]
    return {
        "passed": sum(v.passed for v in tests),
        "failed": sum(not v.passed for v in tests),
        "invalid_files": sum(not r.valid for r in reports),
        "files": [
            {
                "path": r.path,
                "scenario": r.scenario.id if r.scenario is not None else None,
                "valid": r.valid,
                "diagnostics": [str(d) for d in r.diagnostics],
                "tests": [_test_json(v) for v in r.verdicts],
            }
            for r in reports
        ],
    }


def _test_json(v: Verdict) -> dict[str, Any]:
    t = v.test
    return {
        "name": t.name,
        "line": t.line,
        "seed": t.seed,
        "games": t.count,
        "difficulty": t.difficulty,
        "seats": dict(t.seats),
        "venue": t.venue or None,
        "passed": v.passed,
        "checks": [
            {
                "kind": c.check.kind,
                "line": c.check.line,
                "passed": c.passed,
                "measured": c.measured,
                "expected": c.expected,
                "seed": c.seed,
                "value": c.value,
            }
            for c in v.checks
        ],
    }


def run_files(paths: list[Path], jobs: int = 1) -> tuple[list[FileReport], float]:
    """Every file's report, and the seconds it all took."""
    start = time.perf_counter()
    reports = [run_file(p, jobs) for p in paths]
    return reports, time.perf_counter() - start
