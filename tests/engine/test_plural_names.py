"""A delegation whose name is plural ("The Moscow and Cairo platforms and independents") takes a
plural verb in every sentence the game says about it."""

from __future__ import annotations

import re

import pytest

from game.ai.selfplay import play
from game.engine.records import verb_for
from game.scenario import bundled, load_scenario


@pytest.mark.parametrize(
    ("verb", "plural"),
    [
        ("rejects", "reject"),
        ("accepts", "accept"),
        ("proposes", "propose"),
        ("tables draft text", "table draft text"),
        ("passes", "pass"),
        ("presses", "press"),
        ("walks out", "walk out"),
        ("moves its", "move their"),
        ("makes", "make"),
        ("withdraws", "withdraw"),
        ("boycotts", "boycott"),
    ],
)
def test_verbs_agree_with_a_plural_name(verb: str, plural: str) -> None:
    assert verb_for(True, verb) == plural
    assert verb_for(False, verb) == verb


# A singular verb straight after the plural name: what the game must never say.
SINGULAR = re.compile(
    r"independents (proposes|tables|accepts|rejects|withdraws|moves|makes|presses|walks|boycotts|passes)\b"
)


@pytest.mark.parametrize("name", ["sochi-congress", "astana-to-sochi"])
def test_games_with_the_platforms_never_give_them_a_singular_verb(name: str) -> None:
    scenario = load_scenario(bundled()[name])
    platforms = next(d for d in scenario.delegations if d.id == "platforms")
    assert platforms.plural
    said = 0
    for seed in range(4):
        records = play(scenario, seed).records
        for record in records:
            assert not SINGULAR.search(record.text), record.text
            said += record.text.startswith(platforms.name)
    assert said > 0, "the platforms never spoke: the test would prove nothing"
