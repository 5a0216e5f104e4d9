"""The hard agent's bet heeds refusals (Level.heeds_refusals, game.ai.offers.refused_lately): its
walk from the package at its aim does not step onto a package a counterpart refused at this
venue lately while the estimate still reads that side as likely to accept it, so it does not
table again what the table has just turned down against its reading."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from game.ai import bets, offers
from game.ai.bets import best_bet
from game.ai.levels import LEVELS
from game.ai.offers import refused_lately
from game.ai.reading import counterparts
from game.engine.rng import Rng
from game.engine.state import Answer
from tests.ai.test_bet import room_to_ask_more


def _fake_chance(monkeypatch: pytest.MonkeyPatch, chance: Callable[..., float]) -> None:
    """The agents' acceptance chance replaced where the bet (game.ai.bets) and the offers'
    reading of refusals (game.ai.offers.contradicted) look it up."""
    for module in (bets, offers):
        monkeypatch.setattr(module, "agent_chance", chance)


HARD = LEVELS["hard"]


def test_the_bet_does_not_ask_again_for_a_refused_package(monkeypatch: pytest.MonkeyPatch) -> None:
    assert HARD.heeds_refusals and not LEVELS["normal"].heeds_refusals
    view, beliefs, aim, base = room_to_ask_more()
    # a room that takes anything: the bet walks to a package that asks more than the one at its aim
    _fake_chance(monkeypatch, lambda v, s, package: 1.0)
    greedy, _ = best_bet(view, beliefs, aim, HARD, 0.0, Rng(1))
    assert greedy != base
    # ...which a counterpart refused in this round: the agent without the rule asks for it again
    who = counterparts(view)[0]
    refusal = Answer(who, 999, view.me, greedy, view.venue_index, view.round, False)
    refused = replace(view, answers=(*view.answers, refusal))
    assert refused_lately(refused)[frozenset(greedy)] == {who}
    deaf = replace(HARD, heeds_refusals=False)
    assert best_bet(refused, beliefs, aim, deaf, 0.0, Rng(1))[0] == greedy
    heeding, _ = best_bet(refused, beliefs, aim, HARD, 0.0, Rng(1))
    assert heeding != greedy
    # where the estimate already expects that side's refusal, the bet may ask again: a table
    # whose demands fall over the rounds often takes later what it refused
    _fake_chance(monkeypatch, lambda v, s, package: 0.2 if s == who else 1.0)
    assert best_bet(refused, beliefs, aim, HARD, 0.0, Rng(1))[0] == greedy
    _fake_chance(monkeypatch, lambda v, s, package: 1.0)
    # a refusal three rounds back, or at another venue, is forgotten
    for old in (replace(refusal, round=view.round - 3), replace(refusal, venue=view.venue_index + 1)):
        assert best_bet(replace(view, answers=(*view.answers, old)), beliefs, aim, HARD, 0.0, Rng(1))[0] == greedy
