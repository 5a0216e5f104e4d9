"""Every rule number is a `Rules` field the engine reads, and the docs state its default.

docs/RULES.md writes each number as its key and default, `hardline_support` (6), and lists them
all in "The rule numbers"; docs/SCENARIOS.md lists them under `rules`; the scenario format takes
each. These tests read those pages, so a number changed in one place and not the others fails.
The rest check that the numbers the engine used to hard-code now follow the scenario's rules.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from game.engine import Concede, Draft, Meet, Pass, Pressure, Propose, Respond, Scenario, State, Statement, WalkOut
from game.engine.model import Effect, Rules
from game.engine.work import Work
from game.scenario.spec import RULES
from tests.engine.conftest import (
    ALL,
    BIG,
    BLUE,
    ENVOY,
    MONITORED,
    NORTH,
    PAUSE,
    RED,
    TRUCE,
    pass_rounds,
    pass_until,
    play,
    start,
    with_delegation,
    with_rules,
)

DOCS = Path(__file__).resolve().parents[2] / "docs"
DEFAULTS = {f.name: f.default for f in dataclasses.fields(Rules)}


def _table(text: str, heading: str) -> list[tuple[str, str]]:
    """(key, default) of each row of the first table after `heading`."""
    section = text.split(heading, 1)[1]
    rows = re.findall(r"^\| `(\w+)` \| ([^|]+) \|", section.split("\n\n|", 1)[1].split("\n\n", 1)[0], re.M)
    return [(key, default.strip()) for key, default in rows]


def test_rules_md_lists_every_rule_number_with_its_default() -> None:
    text = (DOCS / "RULES.md").read_text(encoding="utf-8")
    assert _table(text, "## The rule numbers") == [(k, str(v)) for k, v in DEFAULTS.items()]


def test_every_number_rules_md_names_is_the_default() -> None:
    text = (DOCS / "RULES.md").read_text(encoding="utf-8")
    named = re.findall(r"`(\w+)` \((\d+)\)", text)
    assert len(named) >= 25  # the prose names the numbers, not only the table
    wrong = [(k, int(n), DEFAULTS[k]) for k, n in named if k in DEFAULTS and int(n) != DEFAULTS[k]]
    assert not wrong, f"RULES.md states these numbers, the engine's defaults differ: {wrong}"
    unknown = {k for k, _ in named} - set(DEFAULTS) - {"momentum_decay", "action_points", "rounds"}
    assert not unknown, f"RULES.md names numbers that are not rules: {unknown}"


def test_scenarios_md_and_the_format_take_every_rule_number() -> None:
    text = (DOCS / "SCENARIOS.md").read_text(encoding="utf-8")
    assert _table(text, "### `rules`") == [(k, str(v)) for k, v in DEFAULTS.items()]
    assert list(RULES.fields) == list(DEFAULTS)


# --- the numbers that were fixed, each now the scenario's -------------------------------------------


def _red_offers_some_to_blue(state: State) -> State:
    s = pass_until(state, "red")
    return play(s, Propose("red", (("prisoners", "some"),), ("blue",)), Pass("red"))


def test_response_trust(mini: Scenario) -> None:
    s = play(_red_offers_some_to_blue(start(with_rules(mini, response_trust=7))), Respond("blue", 1, False))
    assert s.trust[RED][BLUE] == 20 - 7


def test_agreement_trust(mini: Scenario) -> None:
    sc = with_rules(mini, agreement_trust=9, response_trust=0)
    s = play(_red_offers_some_to_blue(start(sc)), Respond("blue", 1, True))
    assert (s.trust[RED][BLUE], s.trust[BLUE][RED]) == (20 + 9, 50 + 9)


def test_concession_trust(mini: Scenario) -> None:
    s = pass_until(start(with_rules(mini, concession_trust=7)), "red")
    s = play(s, Concede("red", "truce", "pause"))  # blue prefers a pause to a monitored truce
    assert s.trust[BLUE][RED] == 50 + 7
    assert s.trust[BIG][RED] == 50  # big prefers the monitored truce red gave up


def test_statement_momentum(mini: Scenario) -> None:
    s = pass_until(start(with_rules(mini, hardline_momentum=5, conciliatory_momentum=4)), "red")
    assert play(s, Statement("red", "hardline")).momentum == s.momentum - 5
    assert play(s, Statement("red", "conciliatory")).momentum == s.momentum + 4


def test_meet_momentum(mini: Scenario) -> None:
    s = start(with_rules(mini, meet_momentum=6))
    assert play(s, Meet("envoy", "red")).momentum == s.momentum + 6


def test_pressure_support_and_momentum(mini: Scenario) -> None:
    sc = with_rules(with_delegation(mini, "big", opening=(ALL, MONITORED)), pressure_support=5, pressure_momentum=7)
    s = pass_until(start(sc), "big")
    pressed = play(s, Pressure("big", "red", "prisoners"))
    assert pressed.support[RED] == s.support[RED] - 5
    assert pressed.momentum == s.momentum + 7


def test_leave_trust(mini: Scenario) -> None:
    s = pass_until(start(with_rules(mini, leave_trust=4)), "big")
    left = play(s, WalkOut("big"))
    assert [left.trust[d][BIG] for d in (RED, BLUE, ENVOY)] == [s.trust[d][BIG] - 4 for d in (RED, BLUE, ENVOY)]


def test_break_trust_and_momentum(quiet: Scenario) -> None:
    s = start(with_rules(quiet, break_trust=4, break_momentum=3))
    s = play(s, Draft("envoy", (("truce", "pause"),)), Pass("envoy"), Respond("red", 1, True))
    s = play(s, Pass("red"), Respond("blue", 1, True))
    assert s.settled[TRUCE] == PAUSE
    w = Work(s)
    w.apply_effect(Effect("break", TRUCE, RED))
    broken = w.freeze()
    assert broken.trust[BLUE][RED] == s.trust[BLUE][RED] - 4
    assert broken.momentum == s.momentum - 3


@pytest.mark.parametrize("drag", [0, 1, 4])
def test_drag_momentum(quiet: Scenario, drag: int) -> None:
    zone = dataclasses.replace(quiet.zones[NORTH], stability=20)
    sc = with_rules(dataclasses.replace(quiet, zones=(zone,)), drag_momentum=drag)
    s = pass_rounds(start(sc), 1)
    assert s.momentum == 50 - 8 - drag  # the venue's decay for a round where nothing moved, then the drag
