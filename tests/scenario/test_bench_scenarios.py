"""The scenarios in bench/scenarios (written for untuned checks of the AI levels, kept out of
scenarios/ so the bundled suite does not play them) load and validate without an error or a
warning, as `peacetalks validate` checks them."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.analysis.lint import venue_checks
from game.scenario.load import check_file

BENCH = Path(__file__).resolve().parents[2] / "bench" / "scenarios"


@pytest.mark.parametrize("path", sorted(BENCH.glob("*.yaml")), ids=lambda p: p.stem)
def test_bench_scenario_validates_clean(path: Path) -> None:
    scenario, diagnostics = check_file(path, extra=(venue_checks,))
    assert scenario is not None
    assert [d.message for d in diagnostics] == []
    assert scenario.id == path.stem
