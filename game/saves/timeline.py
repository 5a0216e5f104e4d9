"""A saved game as a timeline to step through: the state at every step, the transcript up to it.

Step 0 is the opening; step N is the state after the log's turn N. The states come from the one
replay that loading a save already does (to verify it). States are frozen and share every part
that an action leaves unchanged, so holding them all is cheap (about 2.5 KB a step: 25 MiB for a
10,000-action save). Past `cap` steps only every Nth state is kept, N doubling as the game grows,
and the steps between are replayed from the nearest checkpoint when asked for.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from game.engine import Record, State, apply
from game.saves.read import load
from game.saves.session import Session

CAP = 20_000  # states held at most: about 50 MiB


@dataclass(frozen=True)
class Timeline:
    session: Session  # the whole game: its final state, every log entry and every record
    every: int  # a checkpoint every this many steps
    checkpoints: list[State]  # the states at steps 0, every, 2*every, ...
    ends: list[int]  # ends[n]: how many records the game has told by step n
    round_starts: list[int]  # the steps at which a round begins, in order

    @property
    def steps(self) -> int:
        """The number of actions: steps go from 0 (the opening) to this."""
        return len(self.session.log)

    @property
    def over(self) -> bool:
        """The game in the save is over (so every side's private view may be shown)."""
        return self.session.state.over

    def state_at(self, step: int) -> State:
        """The state after `step` actions (0: the opening)."""
        if not 0 <= step <= self.steps:
            raise IndexError(f"step {step} is outside 0..{self.steps}")
        if step == self.steps:
            return self.session.state
        base = step // self.every
        state = self.checkpoints[base]
        for entry in self.session.log[base * self.every : step]:
            state, _ = apply(state, entry.action)
        return state

    def records_to(self, step: int, last: int | None = None) -> Sequence[Record]:
        """The transcript up to `step`: every record, or only the `last` of them."""
        end = self.ends[step]
        start = 0 if last is None else max(0, end - last)
        return self.session.records[start:end]

    def records_of(self, step: int) -> Sequence[Record]:
        """What step `step` told (for step 0, the opening)."""
        return self.session.records[self.ends[step - 1] if step else 0 : self.ends[step]]

    def told_to(self, step: int, last: int | None = None) -> list[tuple[Record, str]]:
        """records_to's records, each with the reason its mover gave for it ("" for none)."""
        end = self.ends[step]
        return self._told(0 if last is None else max(0, end - last), end)

    def told_of(self, step: int) -> list[tuple[Record, str]]:
        """records_of's records, each with the reason its mover gave for it ("" for none)."""
        return self._told(self.ends[step - 1] if step else 0, self.ends[step])

    def _told(self, start: int, end: int) -> list[tuple[Record, str]]:
        said = self.session.reason_at
        return [(record, said(k)) for k, record in enumerate(self.session.records[start:end], start)]

    def begins_round(self, step: int) -> bool:
        """A round (or the game) begins at `step`."""
        k = bisect_left(self.round_starts, step)
        return k < len(self.round_starts) and self.round_starts[k] == step

    def round_before(self, step: int) -> int:
        """The start of the round `step` is in or, at a round's start, of the round before."""
        k = bisect_left(self.round_starts, step)
        return self.round_starts[k - 1] if k else 0

    def round_after(self, step: int) -> int:
        """The start of the next round, or the last step if no round begins after `step`."""
        k = bisect_right(self.round_starts, step)
        return self.round_starts[k] if k < len(self.round_starts) else self.steps


class _Collector:
    """What the loader's replay passes through: checkpoints and record counts."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.every = 1
        self.checkpoints: list[State] = []
        self.ends: list[int] = []

    def __call__(self, session: Session) -> None:
        # called at every step of a replay, so it keeps only what must be taken on the way: how
        # many records the game has told, and the checkpoints (the round starts are read from
        # the records afterwards, in `rounds`)
        ends = self.ends
        step = len(ends)  # the opening is step 0, and each replayed action one more
        ends.append(len(session.records))
        if step % self.every == 0:
            self.checkpoints.append(session.state)
            if len(self.checkpoints) > self.cap:
                self.checkpoints = self.checkpoints[::2]
                self.every *= 2

    def rounds(self, records: Sequence[Record]) -> list[int]:
        """The steps at which a round (or the game) begins: the opening, and every step that told
        a round's start (a record of kind "round": the step that told record k is the first whose
        count of records passes k)."""
        ends = self.ends
        starts = [0]
        for k in range(ends[0] if ends else 0, len(records)):
            if records[k].kind == "round":
                step = bisect_right(ends, k)
                if step != starts[-1]:
                    starts.append(step)
        return starts


def load_timeline(path: str | Path, cap: int = CAP) -> Timeline:
    """The saved game, loaded and verified as `load` does (SaveLoadError if it is bad), with
    its timeline: at most `cap` states are held (see the module's docstring)."""
    seen = _Collector(cap)
    session = load(path, seen)
    return Timeline(session, seen.every, seen.checkpoints, seen.ends, seen.rounds(session.records))
