"""Whether the table is as an event needs it: who is present, a meter, an issue, the round.

An event that narrates the SNC staying away must not fire when the SNC is in the hall; its
conditions say so, and flow.run_events asks here before it fires the event.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from game.engine.model import NO_LIMIT, Condition


class Table(Protocol):
    """What a condition reads: a State or a Work (the same names on both)."""

    @property
    def round(self) -> int: ...
    @property
    def momentum(self) -> int: ...
    @property
    def present(self) -> Sequence[bool]: ...
    @property
    def boycotted(self) -> Sequence[bool]: ...
    @property
    def support(self) -> Sequence[int]: ...
    @property
    def trust(self) -> Sequence[Sequence[int]]: ...
    @property
    def stability(self) -> Sequence[int]: ...
    @property
    def settled(self) -> Sequence[int]: ...
    @property
    def venue(self) -> int: ...


def _within(value: int, c: Condition) -> bool:
    return (c.low == NO_LIMIT or value >= c.low) and (c.high == NO_LIMIT or value <= c.high)


def holds(t: Table, c: Condition, seated: Sequence[int]) -> bool:
    """Does condition c hold now? `seated` is the current venue's turn order: a delegation that
    is not seated at the venue has not walked out of it."""
    kind = c.kind
    if kind == "present":
        return bool(t.present[c.a])
    if kind == "absent":
        return not t.present[c.a]
    if kind == "boycotted":
        return bool(t.boycotted[c.a])
    if kind == "walked_out":
        return c.a in seated and not t.present[c.a] and not t.boycotted[c.a]
    if kind == "agreed":
        return t.settled[c.a] >= 0 and (c.b < 0 or t.settled[c.a] == c.b)
    if kind == "open":
        return t.settled[c.a] < 0
    if kind == "momentum":
        return _within(t.momentum, c)
    if kind == "round":
        return _within(t.round, c)
    if kind == "support":
        return _within(t.support[c.a], c)
    if kind == "trust":
        return _within(t.trust[c.a][c.b], c)
    if kind == "stability":
        return _within(t.stability[c.a], c)
    raise ValueError(f"unknown condition kind {kind!r}")


def all_hold(t: Table, conditions: Sequence[Condition], seated: Sequence[int]) -> bool:
    return all(holds(t, c, seated) for c in conditions)
