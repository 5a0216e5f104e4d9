"""A name that opens with an article ("The armed opposition delegation", "The Sochi congress")
reads with a small "the" inside a sentence and keeps its capital where it opens one."""

from __future__ import annotations

import re

import pytest

from game.ai.selfplay import play
from game.engine import actions as A
from game.engine import apply, new_game
from game.engine.records import in_sentence
from game.scenario import bundled, load_scenario


@pytest.mark.parametrize(
    ("name", "inside"),
    [
        ("The armed opposition delegation", "the armed opposition delegation"),
        ("The Sochi congress", "the Sochi congress"),
        ("Theatre of operations", "Theatre of operations"),  # a word that starts with "The"
        ("Republic of Turkey", "Republic of Turkey"),
        ("The", "The"),  # nothing after it: not an article
        ("the talks", "the talks"),
    ],
)
def test_an_opening_article_is_lower_cased_and_nothing_else(name: str, inside: str) -> None:
    assert in_sentence(name) == inside


def test_the_engine_writes_the_article_small_inside_a_sentence_and_large_at_its_start() -> None:
    scenario = load_scenario(bundled()["astana-8"])
    state, _ = new_game(scenario, 1)
    assert scenario.delegations[state.actor].id == "government"
    _, records = apply(state, A.Statement("government", "hardline", "opposition"))
    assert records[0].text.endswith("statement to the armed opposition delegation."), records[0].text


# "The" with a capital after a word that does not end a sentence: what the game must not say
MID_SENTENCE = re.compile(r"(?<![.:!?])(?<![.:!?] )(?<!^)\b(to|on|from|by|while|pull|presses|and|as|at|of) The \w")


@pytest.mark.parametrize("name", ["astana-8", "sochi-congress"])
def test_games_never_capitalise_a_name_s_article_mid_sentence(name: str) -> None:
    scenario = load_scenario(bundled()[name])
    said = 0
    for seed in range(4):
        game = play(scenario, seed)
        for text in [r.text for r in game.records] + game.reasons:
            assert not MID_SENTENCE.search(text), text
            said += " the armed opposition" in text or " the Sochi congress" in text or " the Idlib" in text
    assert said > 0, "no name with an article was said mid-sentence: the test would prove nothing"


@pytest.mark.parametrize(
    ("names", "said"),
    [
        ((), ""),
        (("Russia",), "Russia"),
        (("Russia", "Iran"), "Russia and Iran"),
        (("Russia", "Turkey", "Iran"), "Russia, Turkey and Iran"),
    ],
)
def test_names_are_listed_as_a_sentence_lists_them(names: tuple[str, ...], said: str) -> None:
    """ "A and B and C" read as a list a program wrote (the lines of who was pulled out, who
    left without answering, who signed at no cost)."""
    from game.engine.records import listed

    assert listed(names) == said
