"""What a new game is started with, and the settings a finished game was played with: the title
screen offers them again after a game, and `watch` starts from them. Headless, so that the
interface and any other front end read them alike."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.ai.levels import DEFAULT_LEVEL, LEVELS
from game.engine.seat import Seat
from game.saves import Session
from game.scenario import bundled
from game.sim.seating import label_kind


@dataclass(frozen=True)
class NewGame:
    scenario: Path
    humans: tuple[str, ...]
    difficulty: str
    seed: int
    seats: tuple[tuple[str, str], ...] = ()  # (delegation id, seat label) set with --seat


def played(session: Session) -> NewGame | None:
    """The settings a game was played with, for the title screen shown after it: its bundled
    scenario, its human seats, its AI's level (where every AI seat plays at one level; the
    default level otherwise) and its seed. None for a scenario that is not bundled, or that was
    played from a file of the same name whose text is not the bundled file's (an edited copy)."""
    path = bundled().get(session.name)
    if path is None or path.read_bytes() != session.source:
        return None
    humans = tuple(d.id for d in session.scenario.delegations if Seat.parse(session.seats[d.id]).is_human)
    kinds = {label_kind(label) for ident, label in session.seats.items() if ident not in humans}
    level = kinds.pop() if len(kinds) == 1 else None
    difficulty = level if level in LEVELS else DEFAULT_LEVEL
    return NewGame(path, humans, str(difficulty), session.seed)
