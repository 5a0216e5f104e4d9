"""Other ways to play a human's seat in the same game: the debrief's answer to "would anything
else have done better?".

A newcomer played astana-8 three times on hard as the opposition, rounds 1-5 three ways, and
scored the same each time: at that seed the news closed every deal by round 3, and only leaving
at once (no toll for the rounds) or conceding everything in round 1 would have done better. The
debrief said the AI had done no better, which read as "nothing could". So the seat is replayed
from the seed by each level and each strategy of the library, every other seat played as in the
game (another human's seat by the AI at the game's level, as for the AI in your seat), and the
results are set beside the player's.

One seed is one draw of the news and the others' types: what wins here may lose over many games
(`peacetalks tournament` plays a row of seeds), and the debrief says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from game.ai.agent import AgentError
from game.ai.levels import LEVELS
from game.ai.selfplay import play
from game.ai.strategies import STRATEGIES
from game.engine.utility import outcome_utility
from game.play.headline import ai_level, ended, human_seats, seat_choosers
from game.play.replays import Kept, game_key, replay_kinds
from game.saves import Session
from game.sim.tournament import describe

# every level, then the library in its own order (the order `tournament` prints its rows in)
KINDS: tuple[str, ...] = (*LEVELS, *STRATEGIES)


@dataclass(frozen=True)
class OtherWay:
    kind: str  # a level or a strategy of the library
    summary: str  # what it does, in a few words
    utility: float  # what the game gave the seat (outcome_utility, toll included)
    ended: str  # how that game ended, in words (game.play.headline.ended)


KEPT: Kept[dict[int, tuple[OtherWay, ...]]] = Kept(8)


def other_ways(session: Session, stop: Callable[[], bool] = lambda: False) -> dict[int, tuple[OtherWay, ...]]:
    """For each human seat, its result had each level and each strategy played it from the seed,
    best first (ties in the library's order). A way whose game an outside agent at the table broke
    is left out. Cached per scenario, seed and seats. `stop` is asked before each game: once it
    says so (the player left the debrief, or the game), what was played is returned, uncached."""
    key = game_key(session)
    kept = KEPT.get(key)
    if kept is not None:
        return kept
    sc = session.scenario
    base = replay_kinds(session, ai_level(session))
    out: dict[int, tuple[OtherWay, ...]] = {}
    for seat in human_seats(session):
        ways: list[OtherWay] = []
        for kind in KINDS:
            if stop():
                out[seat] = tuple(ways)
                return out
            try:
                game = play(sc, session.seed, seat_choosers(sc, base | {seat: kind}, session.seed))
            except AgentError:
                continue  # an outside agent at the table failed in this game: nothing to show
            ways.append(OtherWay(kind, describe(kind), outcome_utility(game.state, seat), ended(game.state)))
        out[seat] = tuple(sorted(ways, key=lambda w: -w.utility))  # stable: ties keep KINDS' order
    return KEPT.put(key, out)
