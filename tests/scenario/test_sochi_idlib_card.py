"""Sochi's Idlib card (turkey_leaves_over_idlib) is a move on the ground that Turkey cannot answer
alone: its own statements leave the card in the deck, a meeting with Iran or a conciliatory word
from Iran takes it out (docs/RULES.md, "Events can take a delegation from the table")."""

from __future__ import annotations

import dataclasses

from game.engine import Meet, Statement, apply, new_game
from game.engine.conditions import all_hold
from game.engine.state import State
from game.scenario import bundled, load_scenario

_CARD = "turkey_leaves_over_idlib"


def _opening() -> State:
    state, _ = new_game(load_scenario(bundled()["sochi-congress"]), 1)
    return state


def _in_deck(state: State, round_: int = 2) -> bool:
    """Whether the card's conditions hold as round `round_` opens, with the table as it is now."""
    sc = state.scenario
    card = next(e for e in sc.events if e.id == _CARD)
    return all_hold(dataclasses.replace(state, round=round_), card.when, sc.venues[state.venue].turn_order)


def _turn_of(state: State, who: str) -> State:
    sc = state.scenario
    turn = sc.venues[state.venue].turn_order.index(sc.delegation_index[who])
    return dataclasses.replace(state, turn=turn, ap=2)


def test_after_the_airbase_falls_the_card_can_come_up_in_round_two_only() -> None:
    state = _opening()
    sc = state.scenario
    turkey, iran = sc.delegation_index["turkey"], sc.delegation_index["iran"]
    idlib = next(i for i, z in enumerate(sc.zones) if z.id == "idlib")
    # round 1's scripted Abu al-Duhur event: Idlib 25 -> 15, Turkey's trust in Iran 35 -> 31
    assert state.stability[idlib] == 15 and state.trust[turkey][iran] == 31
    assert _in_deck(state)
    assert not _in_deck(state, round_=3)
    card = next(e for e in sc.events if e.id == _CARD)
    assert any(e.kind == "leave" and e.a == turkey for e in card.effects)


def test_turkeys_own_statements_do_not_head_it_off() -> None:
    state = _turn_of(_opening(), "turkey")
    state, _ = apply(state, Statement("turkey", "hardline"))
    state, _ = apply(state, Statement("turkey", "hardline", "iran"))
    assert _in_deck(state)


def test_a_meeting_with_iran_heads_it_off() -> None:
    state, _ = apply(_turn_of(_opening(), "turkey"), Meet("turkey", "iran"))
    assert not _in_deck(state)


def test_a_conciliatory_word_from_iran_heads_it_off() -> None:
    state, _ = apply(_turn_of(_opening(), "iran"), Statement("iran", "conciliatory", "turkey"))
    assert not _in_deck(state)
