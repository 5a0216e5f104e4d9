"""The brief tells the player the random cards that could take a side from the table, in words,
while they may still come up, as the hard agent reads them (game/ai/deck.py)."""

from __future__ import annotations

import dataclasses

import pytest

from game.engine import new_game, view_for
from game.engine.model import Condition
from game.engine.records import in_sentence
from game.play.deck_words import condition_words, departures
from game.scenario import bundled, load_scenario
from game.ui.screens.brief import brief

HEADING = "Cards that could take a side from the table"


def _sochi_platforms() -> tuple[object, int]:
    sc = load_scenario(bundled()["sochi-congress"])
    state, _ = new_game(sc, 17)
    return state, [d.id for d in sc.delegations].index("platforms")


def test_the_brief_names_the_cards_that_could_end_the_congress_and_their_conditions() -> None:
    state, me = _sochi_platforms()
    text = brief(view_for(state, me)).plain  # type: ignore[arg-type]
    assert HEADING in text
    section = text[text.index(HEADING) : text.index("Trust, support and momentum")]
    assert "The platforms pull out too (The Moscow and Cairo platforms and independents would leave)" in section
    # the reader's own support is said to be theirs
    assert "while your support at home is at most 40" in section
    assert "once Syrian Negotiation Commission has boycotted" in section
    assert "Ankara recalls its delegation (Republic of Turkey would leave): up to round 2" in section


def test_a_card_whose_rounds_have_passed_is_no_longer_told() -> None:
    state, me = _sochi_platforms()
    later = dataclasses.replace(state, round=3)  # type: ignore[type-var]
    assert departures(view_for(later, me)) == []
    assert HEADING not in brief(view_for(later, me)).plain


def test_no_such_section_where_no_card_takes_anyone_away() -> None:
    sc = load_scenario(bundled()["astana-8"])
    state, _ = new_game(sc, 1)
    assert not any(e.kind == "leave" for card in sc.events for e in card.effects)
    assert HEADING not in brief(view_for(state, 0)).plain


@pytest.mark.parametrize(
    ("condition", "words"),
    [
        (Condition("round", low=2, high=2), "in round 2"),
        (Condition("round", high=3), "up to round 3"),
        (Condition("round", low=4), "from round 4 on"),
        (Condition("present", 0), "while you are at the table"),
        (Condition("absent", 1), "while {d1} is away"),
        (Condition("boycotted", 0), "once you have boycotted"),
        (Condition("walked_out", 1), "once {d1} has walked out"),
        # a figure the viewer (delegation 0) sees is told as it stands now
        # ...the viewer's own support and trust as theirs
        (Condition("support", 0, high=40), "while your support at home is at most 40 (now {s0})"),
        (Condition("support", 1, low=30, high=60), "while the support at home of {d1} is between 30 and 60 (now {s1})"),
        (Condition("trust", 0, 1, low=55), "while your trust in {d1} is at least 55 (now {t01})"),
        (Condition("trust", 1, 0, high=50), "while the trust of {d1} in you is at most 50 (now {t10})"),
        # ...and never another side's trust in a third
        (Condition("trust", 1, 2, high=50), "while the trust of {d1} in {d2} is at most 50"),
        (Condition("momentum", high=20), "while momentum is at most 20 (now {m})"),
        (Condition("open", 0), "while {i0} is open"),
        (Condition("agreed", 0), "once {i0} is agreed"),
        (Condition("agreed", 0, 1), "once {i0} is agreed on {o01}"),
        (Condition("stability", 0, high=25), "while stability in {z0} is at most 25 (now {z0now})"),
    ],
)
def test_every_kind_of_condition_is_said_in_words(condition: Condition, words: str) -> None:
    sc = load_scenario(bundled()["astana-8"])
    state, _ = new_game(sc, 1)
    view = view_for(state, 0)
    # every name as a sentence names it: "the armed opposition delegation" (d1), not "The ..."
    names = {
        "d0": in_sentence(view.delegations[0].name),
        "d1": in_sentence(view.delegations[1].name),
        "d2": in_sentence(view.delegations[2].name),
        "s0": state.support[0],
        "s1": state.support[1],
        "t01": state.trust[0][1],
        "t10": state.trust[1][0],
        "m": state.momentum,
        "z0now": state.stability[0],
        "i0": view.issues[0].name,
        "o01": view.issues[0].options[1].label,
        "z0": in_sentence(view.zones[0].name),
    }
    assert names["d1"].startswith("the armed opposition")
    assert condition_words(view, condition) == words.format(**names)


def test_every_condition_in_the_bundled_decks_is_said_in_words() -> None:
    """Whatever the bundled files hold, each condition reads as words (never the bare kind)."""
    for name, path in bundled().items():
        sc = load_scenario(path)
        state, _ = new_game(sc, 1)
        view = view_for(state, 0)
        for card in sc.events:
            for c in card.when:
                assert condition_words(view, c) != c.kind, (name, card.id, c)


def test_the_brief_says_who_your_clients_and_patrons_are() -> None:
    """A newcomer playing Russia found its clients only by opening the press dialog (x)."""
    from game.ui.screens.brief import camp_words

    sc = load_scenario(bundled()["astana-8"])
    state, _ = new_game(sc, 1)

    def said(seat: str) -> str:
        return brief(view_for(state, sc.delegation_index[seat])).plain

    assert "Your client: Government of the Syrian Arab Republic; as its patron you may press it" in said("russia")
    assert "Your patrons: Russian Federation and Islamic Republic of Iran, each of which may press you" in said(
        "government"
    )
    assert "Your client" not in said("un") and "Your patron" not in said("un")
    assert camp_words(view_for(state, sc.delegation_index["un"])) == ""
