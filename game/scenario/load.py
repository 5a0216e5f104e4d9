"""Load scenario files: read safely, check the shape, resolve references, build the model."""

from __future__ import annotations

import hashlib
from pathlib import Path

from game.engine.model import Scenario
from game.scenario.build import build
from game.scenario.diagnostics import Diagnostic, Report, ScenarioError
from game.scenario.spec import SCENARIO
from game.scenario.yamlread import YMap, parse_yaml, read_yaml


def check_file(path: str | Path) -> tuple[Scenario | None, list[Diagnostic]]:
    """The scenario (None if it has errors) and every diagnostic, sorted by position."""
    path = Path(path)
    report = Report(str(path))
    read = read_yaml(path, report)
    if read is None:
        return None, report.sorted()
    doc, data = read
    return _finish(doc, data, report)


def check_bytes(data: bytes, name: str) -> tuple[Scenario | None, list[Diagnostic]]:
    """As check_file, for content already in memory (a save embeds its scenario)."""
    report = Report(name)
    doc = parse_yaml(data, report)
    if doc is None:
        return None, report.sorted()
    return _finish(doc, data, report)


def _finish(doc: object, data: bytes, report: Report) -> tuple[Scenario | None, list[Diagnostic]]:
    shaped = SCENARIO.check(doc, (1, 1), report)
    scenario = None
    if isinstance(shaped, YMap) and all(k in shaped for k in ("id", "title", "summary")):
        scenario = build(shaped, report, hashlib.sha256(data).hexdigest())
    if report.errors:
        scenario = None
    return scenario, report.sorted()


def load_scenario(path: str | Path) -> Scenario:
    """The scenario, or ScenarioError carrying every diagnostic."""
    scenario, diagnostics = check_file(path)
    if scenario is None:
        raise ScenarioError(diagnostics)
    return scenario
