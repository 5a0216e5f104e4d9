"""What moved the others' trust in a player, and the player's support at home, since their last
move: the turn's summary says it (game.ui.since words it).

The moves since are played again from the table as the player left it, by the engine's own rules:
nothing is worked out here. Where a move closed a round, what the round's cards do (the scenario
file says, so public) tells the news's share from the move's: a meeting that closed round 1 was
put down to round 2's news, whose cards did nothing to that trust.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from game.engine import Action, Meet, Record, Respond, apply
from game.engine.flow import told
from game.engine.model import Effect
from game.engine.state import State


@dataclass(frozen=True)
class Then:
    """The table as the player left it at their last move: the state, and how many moves the
    game's log held (what came after is what the turn's summary tells)."""

    state: State
    moves: int


@dataclass(frozen=True)
class Cause:
    """One thing that moved a value: a round's news (`news`: the titles of its cards that did),
    an agreement on proposal `proposal`, a meeting `actor` asked the player for, the player's own
    move, or another move (`action`, by `actor`)."""

    kind: str  # "news", "agreement", "met", "own" or "move"
    round: int = 0
    news: tuple[str, ...] = ()
    proposal: int = -1
    actor: int = -1
    action: Action | None = None


@dataclass(frozen=True)
class Moved:
    """A value that moved: `key` is the delegation whose trust it is (or 0 for support)."""

    key: int
    before: int
    after: int
    causes: tuple[Cause, ...]


def _what_moved(
    then: Then, log: Sequence[Action], me: int, read: Callable[[State], list[int]], moves: Callable[[Effect, int], bool]
) -> list[Moved]:
    state = then.state
    cards = {told(shown): shown for card in state.scenario.events for shown in (card, card.otherwise) if shown}
    causes: dict[int, list[Cause]] = {}
    for action in log[then.moves :]:
        before = read(state)
        state, records = apply(state, action)
        fired = [cards[r.text] for r in records if r.kind == "event" and r.text in cards]
        for key, value in enumerate(read(state)):
            if value == before[key]:
                continue
            found = [c for c in fired if any(moves(e, key) for e in c.effects)]
            by_news = sum(e.delta for c in found for e in c.effects if moves(e, key))
            whys = [Cause("news", round=state.round, news=tuple(c.title for c in found))] if found else []
            # (held within 0..100 as the engine holds it: a card's -8 on a trust of 2 moves it by 2)
            if not found or value != max(0, min(100, before[key] + by_news)):
                whys.append(_moved_by(state, action, records, me))
            for why in whys:
                if why not in causes.setdefault(key, []):
                    causes[key].append(why)
    first, last = read(then.state), read(state)
    return [Moved(k, first[k], last[k], tuple(c)) for k, c in causes.items() if first[k] != last[k]]


def _moved_by(state: State, action: Action, records: Sequence[Record], me: int) -> Cause:
    if any(r.kind == "agreement" for r in records) and isinstance(action, Respond):
        return Cause("agreement", proposal=action.proposal)
    mover = state.scenario.delegation_index.get(action.actor, -1)
    if mover == me:
        return Cause("own")
    if isinstance(action, Meet) and state.scenario.delegation_index.get(action.other) == me:
        return Cause("met", actor=mover)
    return Cause("move", actor=mover, action=action)


def trust_moved(then: Then, log: Sequence[Action], me: int) -> list[Moved]:
    """Each side whose trust in `me` moved since `then` (the game's `log` from its start), in
    delegation order: a newcomer who passed watched the government's trust fall from 10 to 0
    and found nothing that said why."""
    read: Callable[[State], list[int]] = lambda s: [row[me] for row in s.trust]  # noqa: E731
    moved = _what_moved(then, log, me, read, lambda e, d: e.kind == "trust" and (e.a, e.b) == (d, me))
    return sorted((m for m in moved if m.key != me), key=lambda m: m.key)


def support_moved(then: Then, log: Sequence[Action], me: int) -> Moved | None:
    """`me`'s support at home, where it moved since `then`: support is what signing costs and what
    keeps the hardliners off, and a newcomer watched it fall from 58 to 52 between two turns with
    no word of why."""
    moved = _what_moved(then, log, me, lambda s: [s.support[me]], lambda e, _: e.kind == "support" and e.a == me)
    return moved[0] if moved else None


def last_moves(start: State, log: Sequence[Action], seats: Sequence[int]) -> dict[int, Then]:
    """The table as each of `seats` left it at its last move in `log`, played again from the
    game's first state (`start`) by the engine's own rules: a game loaded part-way keeps its log,
    not those tables, and without them the turn's summary could not say what moved the player's
    walk-away value, trust or support since. A seat that has not moved yet gets the first table,
    as a new game's player does. Once through the log, however many seats."""
    ids = {start.scenario.delegations[seat].id: seat for seat in seats}
    last = {ids[a.actor]: k for k, a in enumerate(log) if a.actor in ids}
    then = {seat: Then(start, 0) for seat in seats}
    state = start
    for k, action in enumerate(log[: max(last.values(), default=-1) + 1]):
        state = apply(state, action)[0]
        for seat, at in last.items():
            if at == k:
                then[seat] = Then(state, k + 1)
    return then
