"""The local record of results: every finished game a person played, per scenario and seat,
kept in the user data folder (`game.paths`) as one small JSON file.

The file is the player's history, so it is never lost to a bug or a bad disk: it is written
atomically; a game already recorded (the same scenario, seed, seats and moves) is not recorded
twice; an entry this version cannot read is kept as it is and counted, never dropped; and a
file that is not a record at all (damaged, or edited by hand) is set aside under a new name,
with a message saying where, before a new record starts.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from game.files import why
from game.paths import user_data_dir
from game.saves.write import SaveError, write_atomic

FILE_NAME = "results.json"
FORMAT = 1
MAX_BYTES = 16 * 1024 * 1024  # ten thousand games take about 3 MB


class RecordError(Exception):
    """The record file cannot be read or written; str() is one line naming the file."""


@dataclass(frozen=True)
class Result:
    """One human seat's result in one finished game."""

    scenario: str  # the scenario's id
    title: str
    seat: str  # the delegation's id
    seat_name: str
    difficulty: str  # the level of the AI seats ("mixed" when they differ)
    seed: int
    outcome: str  # agreement, partial, no_deal, collapse
    utility: float
    reservation: float
    nash: float | None  # the seat's utility at the last venue's Nash point, if there is one
    finished: float  # seconds since the epoch
    game: str  # what identifies the game: the scenario's hash, the seed and the final state's hash
    hot_seat: bool = False
    # Who held every seat (a digest of the save's seats: human, an AI level or strategy, an outside
    # agent). The same moves can end in the same state from other seats (a walk-out at the first
    # move ends the talks whatever the AI's level), and that is another game. "" in entries
    # written before it was kept: such an entry stands for the game whatever its seats were.
    seats: str = ""

    @property
    def surplus(self) -> float:
        return self.utility - self.reservation


_FIELDS = {
    "scenario": str,
    "title": str,
    "seat": str,
    "seat_name": str,
    "difficulty": str,
    "seed": int,
    "outcome": str,
    "utility": float,
    "reservation": float,
    "finished": float,
    "game": str,
}


def _result(raw: object) -> Result | None:
    """An entry as a Result, or None when it does not read as one (it is kept, not dropped)."""
    if not isinstance(raw, dict):
        return None
    values: dict[str, Any] = {}
    for key, kind in _FIELDS.items():
        value = raw.get(key)
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or isinstance(value, bool):
            return None
        if isinstance(value, float) and not math.isfinite(value):
            return None
        values[key] = value
    nash = raw.get("nash")
    if nash is not None and (isinstance(nash, bool) or not isinstance(nash, int | float) or not math.isfinite(nash)):
        return None
    values["nash"] = None if nash is None else float(nash)
    values["hot_seat"] = raw.get("hot_seat") is True
    seats = raw.get("seats")
    values["seats"] = seats if isinstance(seats, str) else ""
    return Result(**values)


@dataclass
class Record:
    """What the file holds: the results read, and how many entries could not be read."""

    path: Path
    results: list[Result] = field(default_factory=list)
    unreadable: int = 0
    raw: list[Any] = field(default_factory=list)  # every entry as stored, the unreadable too


def record_path() -> Path:
    return user_data_dir() / FILE_NAME


def read_record(path: Path | None = None) -> Record:
    """The record (empty when there is none yet); RecordError when the file is not a record."""
    path = path or record_path()
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return Record(path)
    except OSError as exc:
        raise RecordError(f"{path}: cannot be read: {why(exc)}") from None
    if len(data) > MAX_BYTES:
        raise RecordError(f"{path}: larger than {MAX_BYTES:,} bytes: not a record of results")
    try:
        doc = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise RecordError(f"{path}: not a record of results (not text)") from None
    except json.JSONDecodeError as exc:
        raise RecordError(f"{path}:{exc.lineno}:{exc.colno}: not a record of results: {exc.msg}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("games"), list):
        raise RecordError(f"{path}: not a record of results: expected an object with a list of games")
    version = doc.get("format")
    if not isinstance(version, int) or isinstance(version, bool) or version > FORMAT:
        raise RecordError(f"{path}: a record of format {version!r}, which this version cannot read")
    record = Record(path, raw=list(doc["games"]))
    for raw in record.raw:
        result = _result(raw)
        if result is None:
            record.unreadable += 1
        else:
            record.results.append(result)
    return record


def _write(record: Record) -> None:
    text = json.dumps({"format": FORMAT, "games": record.raw}, indent=1, ensure_ascii=False) + "\n"
    try:
        write_atomic(record.path, text)
    except SaveError as exc:
        raise RecordError(str(exc)) from None


def add_results(results: Iterable[Result], path: Path | None = None) -> str:
    """Add the results of a game (not already recorded); returns a note for the player when
    the old file had to be set aside ("" otherwise). RecordError when nothing could be written."""
    path = path or record_path()
    note = ""
    try:
        record = read_record(path)
    except RecordError as exc:
        kept = path.with_name(f"{path.stem}.unreadable-{time.strftime('%Y%m%d-%H%M%S')}{path.suffix}")
        try:
            path.rename(kept)
        except OSError as err:
            raise RecordError(
                f"{exc}; it could not be set aside ({err.strerror or err}), so it is left as it is"
            ) from None
        note = f"{exc}. It is kept as {kept}, and a new record starts."
        record = Record(path)
    new = [r for r in results if not any(_same(r, old) for old in record.results)]
    if not new:
        return note
    record.raw.extend(asdict(r) for r in new)
    _write(record)
    return note


def _same(a: Result, b: Result) -> bool:
    """Whether two entries are one seat of one game: the same scenario, seed and last state (so
    the same moves), the same seat, and the same seats around the table. Where either entry does
    not say who held the seats (one written before they were kept), the game is taken to be the
    same: its debrief opened again must not count it twice."""
    return a.game == b.game and a.seat == b.seat and (a.seats == b.seats or not a.seats or not b.seats)


@dataclass(frozen=True)
class Standing:
    """One scenario and seat across games."""

    scenario: str
    title: str
    seat: str
    seat_name: str
    games: tuple[Result, ...]  # the newest first

    @property
    def deals(self) -> int:
        return sum(1 for g in self.games if g.outcome in ("agreement", "partial"))

    @property
    def mean(self) -> float:
        return sum(g.utility for g in self.games) / len(self.games)

    @property
    def best(self) -> float:
        return max(g.utility for g in self.games)

    @property
    def mean_surplus(self) -> float:
        return sum(g.surplus for g in self.games) / len(self.games)

    @property
    def above_walk_away(self) -> int:
        return sum(1 for g in self.games if g.surplus > 1e-9)

    @property
    def last(self) -> float:
        return self.games[0].finished


def standings(results: Iterable[Result]) -> list[Standing]:
    """The results grouped by scenario and seat, the most recently played first."""
    groups: dict[tuple[str, str], list[Result]] = {}
    for r in results:
        groups.setdefault((r.scenario, r.seat), []).append(r)
    out = []
    for (scenario, seat), games in groups.items():
        games.sort(key=lambda g: -g.finished)
        out.append(Standing(scenario, games[0].title, seat, games[0].seat_name, tuple(games)))
    out.sort(key=lambda s: -s.last)
    return out
