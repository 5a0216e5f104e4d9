"""Shared helpers for the save tests: games built in the test, never hard-coded hashes.

State hashes may change whenever the engine's hashing changes, so every save these tests use is
generated here, from a scenario, a seed and AI seats, and compared with what the engine computes.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from game.ai.reading import Decision
from game.ai.seats import chooser
from game.ai.selfplay import agent_rng
from game.engine import Action, Scenario, apply, new_game, state_hash, view_for
from game.saves import Session
from game.scenario import bundled, check_bytes

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"
V1_FIXTURE = ROOT / "tests" / "fixtures" / "save-v1.yaml"
EXAMPLES = sorted((ROOT / "saves").glob("*.yaml"))
HASH = re.compile(r"[0-9a-f]{64}")


def scenario_path(name: str) -> Path:
    return MINI if name == "mini" else bundled()[name]


@functools.cache
def scenario_file(name: str) -> tuple[Scenario, bytes]:
    """The scenario ('mini' or a bundled name) and the exact bytes of its file."""
    source = scenario_path(name).read_bytes()
    return from_bytes(source), source


def from_bytes(source: bytes) -> Scenario:
    scenario, diagnostics = check_bytes(source, "test scenario")
    assert scenario is not None, diagnostics
    return scenario


def seats_for(scenario: Scenario, level: str = "normal", **overrides: str) -> dict[str, str]:
    seats = {d.id: f"ai:{level}" for d in scenario.delegations}
    seats.update(overrides)
    return seats


def new_session(name: str = "mini", seed: int = 3, level: str = "normal", **overrides: str) -> Session:
    scenario, source = scenario_file(name)
    return Session.new(scenario, source, seed, seats_for(scenario, level, **overrides), name)


def ai_decision(session: Session) -> Decision:
    """What the seat on the floor plays, and why: its AI level, as the game plays it (the hard
    level with the style its rehearsal chooses for the seat; a human seat is played at normal)."""
    state = session.state
    seat = session.seats[state.scenario.delegations[state.actor].id]
    level = "normal" if seat == "human" else seat.removeprefix("ai:")
    return chooser(level, scenario=session.scenario)(view_for(state, state.actor), agent_rng(state))


def ai_action(session: Session) -> Action:
    return ai_decision(session).action


def play_on(session: Session, turns: int | None = None) -> Session:
    """Play `turns` more actions (or to the end) with the AI seats, each with the reason its agent
    gives, as the table plays them; returns the same session."""
    played = 0
    while not session.state.over and (turns is None or played < turns):
        decision = ai_decision(session)
        human = session.seats[session.state.scenario.delegations[session.state.actor].id] == "human"
        session.play(decision.action, "" if human else decision.reason)  # a person gives no reason
        played += 1
    return session


def finished(name: str = "mini", seed: int = 3, level: str = "normal", **overrides: str) -> Session:
    return play_on(new_session(name, seed, level, **overrides))


def assert_same_game(got: Session, want: Session, *, name: bool = True) -> None:
    """Equal in every field a save carries; `name=False` leaves out the cosmetic name."""
    assert got.source == want.source, "the scenario's source bytes differ"
    assert got.scenario == want.scenario, "the scenario differs"
    assert got.seed == want.seed
    assert got.seats == want.seats
    assert [e.action for e in got.log] == [e.action for e in want.log], "the actions differ"
    assert got.log == want.log, "the log entries (turn, round or hash) differ"
    assert got.state == want.state, "the state differs"
    assert state_hash(got.state) == state_hash(want.state)
    assert [r.text for r in got.records] == [r.text for r in want.records], "the records' texts differ"
    assert got.records == want.records
    if name:
        assert got.name == want.name
        assert got == want


def log_lines(text: str) -> tuple[list[str], int]:
    """The save's lines and the index of the first log entry (0-based)."""
    lines = text.split("\n")
    return lines, lines.index("log:") + 1


def error_line(message: str, path: Path) -> int | None:
    """The line number the one-line message names after 'PATH:', if any."""
    assert message.startswith(str(path)), f"the message does not start with the file: {message!r}"
    match = re.match(r":(\d+)[: ]", message[len(str(path)) :])
    return int(match.group(1)) if match else None


def engine_hashes(session: Session) -> list[str]:
    """The state hash after every number of the session's actions, straight from the engine."""
    state, _ = new_game(session.scenario, session.seed)
    hashes = [state_hash(state)]
    for entry in session.log:
        state, _ = apply(state, entry.action)
        hashes.append(state_hash(state))
    return hashes
