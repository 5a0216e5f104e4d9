"""Fixtures and helpers for the engine tests, built on the hand-checkable mini scenario.

mini.yaml, by position (the engine refers to everything by index):
  delegations: red 0, blue 1, big 2, envoy 3; turn order envoy, red, blue, big; 2 action points
  issues: prisoners 0 (none 0, some 1, all 2), truce 1 (fighting 0, pause 1, monitored 2)
  red:  weights 1/4, 3/4; opening none, monitored; red line prisoners=all; patron big; trust in blue 20
  blue: weights 3/4, 1/4; opening all, fighting
  big (guarantor): weight only on truce; no position on prisoners; opening monitored
  envoy (mediator): weights 1/2, 1/2; opening all, monitored
  venue hall: signatories red, blue; 4 rounds; momentum 50; random events 0.5;
  events: clash (scripted, round 2), rumour (random deck, momentum +3)
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from game.ai.random_agent import choose_random
from game.ai.selfplay import agent_rng
from game.engine import Action, Draft, Pass, Record, Respond, Scenario, State, apply, new_game, view_for
from game.engine.errors import GameError
from game.engine.model import EventCard
from game.scenario import Diagnostic, check_file, load_scenario
from game.sim.random_scenarios import random_scenario

MINI_PATH = Path(__file__).resolve().parents[1] / "fixtures" / "mini.yaml"
SEED = 7

RED, BLUE, BIG, ENVOY = 0, 1, 2, 3
PRISONERS, TRUCE = 0, 1
NONE, SOME, ALL = 0, 1, 2
FIGHTING, PAUSE, MONITORED = 0, 1, 2
NORTH = 0
CLASH, RUMOUR = 0, 1
IDS = ("red", "blue", "big", "envoy")


@pytest.fixture(scope="session")
def mini() -> Scenario:
    return load_scenario(MINI_PATH)


@pytest.fixture
def game(mini: Scenario) -> State:
    """A fresh game of the mini scenario: round 1, the envoy has the floor."""
    return new_game(mini, SEED)[0]


@pytest.fixture(scope="session")
def quiet(mini: Scenario) -> Scenario:
    """The mini scenario without random events, so momentum over several rounds is exact."""
    return with_venue(mini, random_events=0.0)


@pytest.fixture
def quiet_game(quiet: Scenario) -> State:
    return new_game(quiet, SEED)[0]


# --- building variants of a scenario ------------------------------------------------------------


def _rehash(sc: Scenario) -> Scenario:
    """A variant gets its own content hash, so its states never hash like the original's."""
    blank = dataclasses.replace(sc, content_hash="")
    return dataclasses.replace(sc, content_hash="variant-" + hashlib.sha256(repr(blank).encode()).hexdigest())


def with_venue(sc: Scenario, index: int = 0, **changes: Any) -> Scenario:
    venues = list(sc.venues)
    venues[index] = dataclasses.replace(venues[index], **changes)
    return _rehash(dataclasses.replace(sc, venues=tuple(venues)))


def with_rules(sc: Scenario, **changes: Any) -> Scenario:
    return _rehash(dataclasses.replace(sc, rules=dataclasses.replace(sc.rules, **changes)))


def with_delegation(sc: Scenario, ident: str, **changes: Any) -> Scenario:
    dels = list(sc.delegations)
    i = sc.delegation_index[ident]
    dels[i] = dataclasses.replace(dels[i], **changes)
    return _rehash(dataclasses.replace(sc, delegations=tuple(dels)))


def with_event(sc: Scenario, index: int, **changes: Any) -> Scenario:
    events = list(sc.events)
    events[index] = dataclasses.replace(events[index], **changes)
    return _rehash(dataclasses.replace(sc, events=tuple(events)))


def start(sc: Scenario, seed: int = SEED) -> State:
    return new_game(sc, seed)[0]


# --- playing --------------------------------------------------------------------------------------


def play(state: State, *actions: Action) -> State:
    """Apply the actions in order; any refusal fails the test."""
    for action in actions:
        state, _ = apply(state, action)
    return state


def prisoners_settled(game: State) -> State:
    """The mini game once the envoy's draft settling prisoners on 'some' is signed by both sides."""
    return settled_by_draft(game, "prisoners", "some")


def settled_by_draft(game: State, issue: str, option: str) -> State:
    """The mini game once the envoy's draft settling one issue is signed by both sides."""
    return play(
        game,
        Draft("envoy", ((issue, option),)),
        Pass("envoy"),
        Respond("red", 1, True),
        Pass("red"),
        Respond("blue", 1, True),
    )


def play_records(state: State, *actions: Action) -> tuple[State, list[Record]]:
    records: list[Record] = []
    for action in actions:
        state, recs = apply(state, action)
        records.extend(recs)
    return state, records


def actor_id(state: State) -> str:
    return state.scenario.delegations[state.actor].id


def pass_until(state: State, who: str, round_: int | None = None) -> State:
    """Everyone passes until it is `who`'s turn (in round `round_` if given)."""
    for _ in range(200):
        if state.over:
            raise AssertionError("the game ended while passing")
        if actor_id(state) == who and (round_ is None or state.round == round_):
            return state
        state = play(state, Pass(actor_id(state)))
    raise AssertionError(f"never reached {who}'s turn")


def pass_rounds(state: State, rounds: int) -> State:
    """Pass every turn until `rounds` more rounds have begun (or the game ends)."""
    target = state.round + rounds
    while not state.over and state.round < target:
        state = play(state, Pass(actor_id(state)))
    return state


def kinds(records: Iterable[Record]) -> list[str]:
    return [r.kind for r in records]


def random_effect_kinds(seeds: Iterable[int]) -> set[str]:
    """Every kind of effect that the random scenarios of these seeds carry, on their events and
    on their issues' options (the generator must draw each kind somewhere)."""
    kinds: set[str] = set()
    for seed in seeds:
        sc = random_scenario(seed)
        for effects in [*(e.effects for e in sc.events), *(o.effects for i in sc.issues for o in i.options)]:
            kinds.update(effect.kind for effect in effects)
    return kinds


def random_game(seed: int) -> Iterator[State]:
    """Every state of a random agent's game on a random scenario (seed picks both); a move the
    engine refuses fails the test, since the random agent picks only from legal.py's moves."""
    sc = random_scenario(seed)
    state, _ = new_game(sc, seed)
    while not state.over:
        yield state
        decision = choose_random(view_for(state, state.actor), agent_rng(state))
        try:
            state, _ = apply(state, decision.action)
        except GameError as e:
            raise AssertionError(f"scenario {seed}: the engine refused a legal move {decision.action}: {e}") from e
    yield state


def mini_with_rumour_effect(tmp_path: Path, effect: str) -> tuple[Scenario | None, list[Diagnostic]]:
    """mini.yaml with its random card's effect (`- momentum: 3`) replaced by the YAML line
    `effect`, written to a file and read back as a scenario author's file is: how the effect
    tests check that a new effect is read from a file, and refused with a clear error."""
    path = tmp_path / "mini-effect.yaml"
    text = MINI_PATH.read_text(encoding="utf-8")
    assert "- momentum: 3" in text  # the line the tests replace: the fixture must keep it
    path.write_text(text.replace("- momentum: 3", effect, 1), encoding="utf-8")
    return check_file(path)


def rumour(scenario: Scenario) -> EventCard:
    """The mini scenario's random card."""
    return next(e for e in scenario.events if e.id == "rumour")
