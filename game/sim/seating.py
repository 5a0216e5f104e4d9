"""The choosers of one game's seats, from their names: a level, a strategy of the library, or an
outside agent (`PATH.py:NAME`, `module:NAME`). The sim layer builds them because the wait-nash
strategy tables what the analysis computes, and the AI layer does not import the analysis."""

from __future__ import annotations

from collections.abc import Mapping

from game.ai import timing
from game.ai.agent import AgentError, Chooser, is_agent_spec, seated_agent
from game.ai.seats import chooser
from game.ai.strategies import WaitThenNash
from game.ai.strategies.base import Package
from game.engine.model import Scenario
from game.engine.seat import Seat
from game.sim.pool import abandon, last_words

_nash: dict[str, dict[int, Package | None]] = {}  # per process: per scenario, per venue


def nash_packages(scenario: Scenario) -> dict[int, Package | None]:
    """The Nash package of every venue, as `peacetalks analyze --venue V` prints it."""
    # Imported here: the analysis brings numpy, which every launch of the game would otherwise
    # load before the first screen (about a tenth of the launch), for the one strategy that needs it.
    from game.analysis import analyze

    key = scenario.content_hash + scenario.id
    if key not in _nash:
        packages: dict[int, Package | None] = {}
        for v in range(len(scenario.venues)):
            result = analyze(scenario, v)
            packages[v] = None if result.nash is None else result.space.package(result.nash)
        _nash[key] = packages
    return _nash[key]


def seat_chooser(kind: str, scenario: Scenario, seed: int, seat: str = "") -> Chooser:
    """A fresh chooser for one seat of one game (strategies may remember the game they play).
    An outside agent is guarded: its failures raise AgentError naming the seat and the seed."""
    if is_agent_spec(kind):
        return seated_agent(kind, scenario, seat or kind, seed)
    return chooser(kind, nash_packages(scenario) if kind == WaitThenNash.name else None, scenario)


def game_in_play(scenario: Scenario, seats: Mapping[int, str], seed: int) -> str:
    """What a worker says it is doing as it starts a game (game.sim.pool.note): the game's seed
    and the outside agents at its table, so that a worker that ends in the middle (an agent's
    `os._exit`, a crash in C code) is reported with the seat, the agent and the seed."""
    agents = [f"seat {scenario.delegations[d].id} ({kind})" for d, kind in sorted(seats.items()) if is_agent_spec(kind)]
    at_table = f", with the agent{'s' if len(agents) > 1 else ''} in {' and '.join(agents)} at the table"
    return f"game seed {seed}{at_table if agents else ''}"


def seat_label(kind: str) -> str:
    """How a save records what played a seat: `ai:KIND` for a level or a strategy, `agent:SPEC`
    for an outside agent (game.engine.seat)."""
    return str(Seat.of(kind))


def label_kind(label: str) -> str | None:
    """The kind a save's seat label names (None for a human seat)."""
    seat = Seat.parse(label)
    return None if seat.is_human else seat.name


def game_choosers(scenario: Scenario, seats: Mapping[int, str], seed: int) -> dict[int, Chooser]:
    """The choosers of the seats given by kind (a `--seat ID=KIND`'s KIND), by delegation index."""
    return {d: seat_chooser(kind, scenario, seed, scenario.delegations[d].id) for d, kind in seats.items()}


def session_kinds(scenario: Scenario, seats: Mapping[str, str], humans_as: str = "") -> dict[int, str]:
    """The kind that plays each AI seat of a game, from its seats as a save writes them
    (delegation id -> seat text), by delegation index. A human seat has none, unless `humans_as`
    names a level to play it at (a watched game is all AI)."""
    kinds: dict[int, str] = {}
    for d, delegation in enumerate(scenario.delegations):
        kind = label_kind(seats[delegation.id])
        if kind is not None or humans_as:
            kinds[d] = kind or humans_as
    return kinds


def stop_hung_moves() -> None:
    """In this process and the workers it forks: a move past its time limit that would not stop
    (game.ai.timing.hard_stop) is, in a worker, the error of the game it was in, sent to the
    command as any agent's error is (game.sim.pool.abandon), not a worker that ended; and one the
    last resort ends (stuck in C code), said by the command as `watch`'s witness says it
    (game.sim.pool.last_words): it said "a worker process ended (exit code 1)", with no limit named."""
    timing.hard_stop = _hung
    timing.last_words = last_words


def _hung(error: AgentError) -> None:
    abandon(error)  # in a worker: sent, and the worker ends
    timing.exit_saying(error)  # in the command's own process: said, and the command ends
