"""What the debrief's replays of a finished game share: the key a game is known by (its
scenario, seed and seats), the kind that plays each seat when it is replayed, and a small cache
of their results that the interface's worker thread and its own thread may both read."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Generic, TypeVar

from game.engine.seat import Seat
from game.saves import HUMAN, Session

V = TypeVar("V")
Key = tuple[str, int, tuple[str, ...]]


def game_key(session: Session) -> Key:
    """A game as a replay knows it: the same scenario, seed and seats play the same game."""
    return session.scenario.content_hash, session.seed, tuple(session.seats[d.id] for d in session.scenario.delegations)


def replay_kinds(session: Session, level: str) -> dict[int, str]:
    """The kind that plays each seat of a replay: a human's by the AI at `level`, any other as in
    the game (a level, a strategy, an outside agent)."""
    seats = game_key(session)[2]
    return {k: (level if s == HUMAN else Seat.parse(s).name) for k, s in enumerate(seats)}


class Kept(Generic[V]):
    """The results of the last `size` games replayed, by game_key: the debrief asks again each
    time it is drawn, and from the interface's worker thread."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._kept: OrderedDict[Key, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Key) -> V | None:
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
            return None

    def put(self, key: Key, value: V) -> V:
        with self._lock:
            self._kept[key] = value
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()

    def __len__(self) -> int:
        return len(self._kept)
