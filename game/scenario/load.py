"""Load scenario files: read safely, check the shape, resolve references, build the model."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from game.engine.model import Scenario
from game.scenario.build import build
from game.scenario.diagnostics import Diagnostic, Report, ScenarioError
from game.scenario.expect import ScenarioTest, build_tests
from game.scenario.lint import Check, lint
from game.scenario.spec import SCENARIO
from game.scenario.yamlread import YMap, parse_yaml, read_yaml


def check_file(path: str | Path, extra: Iterable[Check] = ()) -> tuple[Scenario | None, list[Diagnostic]]:
    """The scenario (None if it has errors) and every diagnostic, sorted by position. The `extra`
    checks (game.analysis.lint's, say) add their warnings to those of game.scenario.lint."""
    scenario, diagnostics, _ = check_source(path, extra)
    return scenario, diagnostics


def check_source(path: str | Path, extra: Iterable[Check] = ()) -> tuple[Scenario | None, list[Diagnostic], bytes]:
    """As check_file, with the bytes the file held: a game embeds exactly the bytes that were
    validated and hashed (reading the file a second time could find an author's next edit)."""
    path = Path(path)
    report = Report(str(path))
    read = read_yaml(path, report)
    if read is None:
        return None, report.sorted(), b""
    doc, data = read
    scenario, diagnostics = _finish(doc, data, report, extra=extra)
    return scenario, diagnostics, data


def check_bytes(data: bytes, name: str, extra: Iterable[Check] = ()) -> tuple[Scenario | None, list[Diagnostic]]:
    """As check_file, for content already in memory (a save embeds its scenario)."""
    report = Report(name)
    doc = parse_yaml(data, report)
    if doc is None:
        return None, report.sorted()
    return _finish(doc, data, report, extra=extra)


def check_file_with_tests(path: str | Path) -> tuple[Scenario | None, tuple[ScenarioTest, ...], list[Diagnostic]]:
    """As check_file, with the tests of the file's `tests:` section (which the engine never sees)."""
    path = Path(path)
    report = Report(str(path))
    read = read_yaml(path, report)
    if read is None:
        return None, (), report.sorted()
    tests: list[ScenarioTest] = []
    scenario, diagnostics = _finish(*read, report, tests)
    return scenario, tuple(tests), diagnostics


def _finish(
    doc: object, data: bytes, report: Report, tests: list[ScenarioTest] | None = None, extra: Iterable[Check] = ()
) -> tuple[Scenario | None, list[Diagnostic]]:
    shaped = SCENARIO.check(doc, (1, 1), report)
    scenario = None
    if isinstance(shaped, YMap) and all(k in shaped for k in ("id", "title", "summary")):
        scenario = build(shaped, report, hashlib.sha256(data).hexdigest())
    built = build_tests(shaped, report) if isinstance(shaped, YMap) else ()  # checked even when not run
    if tests is not None:
        tests.extend(built)
    if report.errors:
        scenario = None
    elif scenario is not None and isinstance(shaped, YMap):
        lint(scenario, shaped, report, extra)
    return scenario, report.sorted()


def load_scenario(path: str | Path) -> Scenario:
    """The scenario, or ScenarioError carrying every diagnostic."""
    scenario, diagnostics = check_file(path)
    if scenario is None:
        raise ScenarioError(diagnostics)
    return scenario
