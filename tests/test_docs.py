"""The documentation's examples are real: they validate and play."""

from __future__ import annotations

import re
from pathlib import Path

from game.ai import play
from game.scenario import check_bytes

ROOT = Path(__file__).resolve().parents[1]


def test_the_complete_example_in_the_authoring_guide_validates_and_plays() -> None:
    text = (ROOT / "docs" / "SCENARIOS.md").read_text()
    section = text.split("## A complete example", 1)[1]
    match = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert match, "the guide lost its complete example"
    scenario, diagnostics = check_bytes(match.group(1).encode(), "SCENARIOS.md example")
    assert scenario is not None, [str(d) for d in diagnostics]
    assert not diagnostics
    assert play(scenario, 1).state.over


def test_every_rule_number_in_the_guide_is_a_real_rule() -> None:
    from dataclasses import fields

    from game.engine.model import Rules

    text = (ROOT / "docs" / "SCENARIOS.md").read_text()
    rows = re.findall(r"^\| `(\w+)` \| (\d+) \|", text, re.M)
    documented = {name: int(value) for name, value in rows}
    defaults = {f.name: f.default for f in fields(Rules)}
    assert documented == defaults
