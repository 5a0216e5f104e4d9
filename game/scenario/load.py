"""Load scenario files: read safely, check the shape, resolve references, build the model."""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path

from game.engine.model import Scenario
from game.scenario.build import build
from game.scenario.diagnostics import Diagnostic, Report, ScenarioError
from game.scenario.expect import ScenarioTest, build_tests
from game.scenario.lint import Check, lint
from game.scenario.refs import Refs
from game.scenario.spec import SCENARIO
from game.scenario.yamlread import YMap, parse_yaml, read_bytes, read_yaml


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
    data = read_bytes(path, report)
    if data is None:
        return None, report.sorted(), b""
    scenario, diagnostics, parsed = _checked(data, report, tuple(extra))
    return scenario, diagnostics, (data if parsed else b"")


def check_bytes(
    data: bytes, name: str, extra: Iterable[Check] = (), embedded: bool = False
) -> tuple[Scenario | None, list[Diagnostic]]:
    """As check_file, for content already in memory. `embedded`: the scenario a save carries,
    its numbers read as the game that played it read them (yamlread.parse_yaml)."""
    scenario, diagnostics, _ = _checked(data, Report(name), tuple(extra), embedded)
    return scenario, diagnostics


# The last files checked, by name and content: the title screen checks every bundled scenario each
# time it opens, a new game checks its file again, and a save carries one. The same bytes under the
# same name give the same (immutable) scenario and diagnostics, so they are not parsed and checked
# again. Bounded: play --watch meets a new version at every edit.
_CHECKED: OrderedDict[tuple[str, bytes, bool], tuple[Scenario | None, tuple[Diagnostic, ...], bool]] = OrderedDict()
_CHECKED_KEPT = 16
# The last contents that checked clean (a scenario, not one diagnostic), by content alone: a name
# only labels diagnostics, so clean bytes give the same scenario under any name. Every save embeds
# its scenario under its own path, and a folder of saves of one scenario (the save list, the test
# suite) parsed and checked the same bytes once a file. Bounded as _CHECKED.
_CLEAN: OrderedDict[tuple[bytes, bool], Scenario] = OrderedDict()


def _checked(
    data: bytes, report: Report, extra: tuple[Check, ...], embedded: bool = False
) -> tuple[Scenario | None, list[Diagnostic], bool]:
    """The scenario, its diagnostics, and whether the bytes parsed as YAML at all."""
    key = (report.path, data, embedded)
    if not extra and key in _CHECKED:  # extra checks are callables: their results are not kept
        _CHECKED.move_to_end(key)
        scenario, kept, parsed = _CHECKED[key]
        return scenario, list(kept), parsed
    if not extra and (data, embedded) in _CLEAN:
        _CLEAN.move_to_end((data, embedded))
        return _CLEAN[data, embedded], [], True
    doc = parse_yaml(data, report, embedded=embedded)
    parsed = doc is not None
    scenario, diagnostics = _finish(doc, data, report, extra=extra) if parsed else (None, report.sorted())
    if not extra:
        _CHECKED[key] = (scenario, tuple(diagnostics), parsed)
        if len(_CHECKED) > _CHECKED_KEPT:
            _CHECKED.popitem(last=False)
        if scenario is not None and not diagnostics:
            _CLEAN[data, embedded] = scenario
            if len(_CLEAN) > _CHECKED_KEPT:
                _CLEAN.popitem(last=False)
    return scenario, diagnostics, parsed


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
    if isinstance(doc, YMap) and all(k in doc for k in ("scenario", "seed", "log")):
        # a save handed where a scenario goes: one line saying so, not a dozen about missing keys
        report.error(
            doc.mark,
            "a saved game, not a scenario: replay it with `peacetalks replay` or continue it with `peacetalks play --load`",
        )
        return None, report.sorted()
    shaped = SCENARIO.check(doc, (1, 1), report)
    scenario = None
    refs = Refs(report)  # shared by the scenario and its tests: an option id written twice is said once
    if isinstance(shaped, YMap) and all(k in shaped for k in ("id", "title", "summary")):
        scenario = build(shaped, report, hashlib.sha256(data).hexdigest(), refs)
    built = build_tests(shaped, report, refs) if isinstance(shaped, YMap) else ()  # checked even when not run
    refs.report_doubled()
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
