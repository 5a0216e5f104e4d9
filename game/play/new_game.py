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


def played(session: Session, file: Path | None = None) -> NewGame | None:
    """The settings a game was played with, for the title screen shown after it: its scenario
    file, its human seats, its AI's level (where every AI seat plays at one level; the default
    level otherwise) and its seed. The file is the bundled one of the game's name, else `file`
    (the one the game was started from): each only where its text is still the game's. None
    where neither is (an edited copy, a save of a file not at hand): the title's defaults then."""
    path = bundled().get(session.name)
    if path is None or path.read_bytes() != session.source:
        path = file if file is not None and _reads(file) == session.source else None
    if path is None:
        return None
    humans = tuple(d.id for d in session.scenario.delegations if Seat.parse(session.seats[d.id]).is_human)
    kinds = {label_kind(label) for ident, label in session.seats.items() if ident not in humans}
    level = kinds.pop() if len(kinds) == 1 else None
    difficulty = level if level in LEVELS else DEFAULT_LEVEL
    return NewGame(path, humans, str(difficulty), session.seed)


def _reads(file: Path) -> bytes | None:
    try:
        return file.read_bytes()
    except OSError:  # moved or removed since the game began
        return None
