"""Where the last venue's rules must not act (review rev28b): each rule of the hard agent is
screened as a whole, but its conditions each keep it out of games it was found to cost or where
its reason does not hold. These games are ones a condition decides: with it deleted, the rule
would change the hard agent's play there.

- `split_at_last` (docs/lab/agents.md, "A split issue at the last venue") waives the heaviest
  issue's weight condition only for an issue of more than two options (at timed-8 d1 a
  two-option issue has no middle: the whole package hands the far end) and only where two
  counterparts pull it apart (at timed-8 d2 they do not).
- `opens_unplanned` (docs/lab/agents.md, "The first round at the last venue") tables its bet only
  where the counterpart speaks after us; at timed-20 d1 it speaks before us, so its opening is
  read by the plan as before."""

from __future__ import annotations

import dataclasses

import pytest

from game.ai.levels import LEVELS, Level
from game.sim.simulate import game_seed
from tests.ai.seat_games import first_difference, level_in_seat, replayed, timed_seat

HARD = LEVELS["hard"]


def _decides_nothing(index: int, seat_id: str, games: tuple[int, ...], without: Level) -> None:
    sc, seat = timed_seat(index, seat_id, silent=False)
    for game in games:
        seed = game_seed(0, game)
        steps, _ = replayed(sc, seed, level_in_seat(sc, seed, seat, HARD))
        assert first_difference(steps, seat, HARD, without) is None, f"timed-{index} {seat_id} game {game}"


@pytest.mark.parametrize(
    ("index", "seat_id", "games"),
    [(8, "d1", (52, 166)), (8, "d2", (21, 22))],
    ids=["two-option issue", "not pulled apart"],
)
def test_split_at_last_keeps_to_a_split_issue_of_several_options(
    index: int, seat_id: str, games: tuple[int, ...]
) -> None:
    _decides_nothing(index, seat_id, games, dataclasses.replace(HARD, split_at_last=False))


def test_opens_unplanned_only_where_the_counterpart_speaks_after_us() -> None:
    _decides_nothing(20, "d1", tuple(range(10)), dataclasses.replace(HARD, opens_unplanned=False))
