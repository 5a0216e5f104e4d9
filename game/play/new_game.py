"""What a new game is started with, and the settings a finished game was played with: the title
screen offers them again after a game, and `watch` starts from them. Headless, so that the
interface and any other front end read them alike."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.ai.levels import DEFAULT_LEVEL, LEVELS
from game.engine.model import Scenario
from game.engine.seat import Seat
from game.saves import Session
from game.scenario import bundled
from game.scenario.seating import default_human
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
    path = bundled_file(session)
    if path is None:
        path = file if file is not None and _reads(file) == session.source else None
    if path is None:
        return None
    humans = tuple(d.id for d in session.scenario.delegations if Seat.parse(session.seats[d.id]).is_human)
    kinds = {label_kind(label) for ident, label in session.seats.items() if ident not in humans}
    level = kinds.pop() if len(kinds) == 1 else None
    difficulty = level if level in LEVELS else DEFAULT_LEVEL
    return NewGame(path, humans, str(difficulty), session.seed)


def bundled_file(session: Session) -> Path | None:
    """The bundled scenario file the game was played on: the one of its name, where its text is
    still the game's (an edited copy saved as astana-8.yaml is not the bundled one)."""
    path = bundled().get(session.name)
    return path if path is not None and path.read_bytes() == session.source else None


def refitted(game: NewGame, scenario: Scenario) -> tuple[NewGame, list[str]]:
    """A watched game (`play PATH --watch`) fitted to a new version of its file: the human seats
    the version still has (else its default one), and what had to change, in words. The --seat
    options as given are kept for the next version; this one plays those it can, and says which
    it cannot, as `play` refuses them where the file loads at the start."""
    said: list[str] = []
    known = {d.id for d in scenario.delegations}
    humans = tuple(h for h in game.humans if h in known)
    if not humans:
        humans = (default_human(scenario),)
        if game.humans:
            said.append(f"{', '.join(game.humans)} is no longer in the scenario: you play {humans[0]}.")
    unknown = [ident for ident, _ in game.seats if ident not in known]
    if unknown:
        listed = ", ".join(d.id for d in scenario.delegations)
        said.append(
            f"--seat {', '.join(unknown)}: no such delegation in this version of the file (known: {listed}); left out."
        )
    yours = [ident for ident, _ in game.seats if ident in humans]
    if yours:
        said.append(f"--seat {', '.join(yours)}: you play that delegation yourself; left out.")
    return NewGame(game.scenario, humans, game.difficulty, game.seed, game.seats), said


def _reads(file: Path) -> bytes | None:
    try:
        return file.read_bytes()
    except OSError:  # moved or removed since the game began
        return None
