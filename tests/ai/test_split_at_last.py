"""An issue two counterparts pull apart, left open at the game's last venue (Level.split_at_last,
on in the hard level; docs/lab/agents.md, "A split issue at the last venue"). In the random
scenario timed-17 (as a file writes it: one venue of four rounds, d3 mediating) d1 and d2 state
the contested issue's two ends. In the games where the hard d0's drawn weights put contested a
little under the four small issues together, heaviest_at_last's weight condition let it sign
d1's round-2 package of the four in round 3, and contested stayed open, at d0's walk-away value;
refusing it, as wait-nash does, the table settled the whole agenda with contested at o2."""

from __future__ import annotations

import dataclasses

from game.ai.levels import LEVELS
from game.ai.opponent import level_beliefs
from game.ai.politics import pulled_apart
from game.ai.selfplay import play
from game.engine import actions as A
from game.engine.model import Scenario
from game.sim.simulate import game_seed
from tests.ai.seat_games import level_in_seat, replayed, seat_gain, timed_seat, waived_refusal

HARD = LEVELS["hard"]
WITHOUT = dataclasses.replace(HARD, split_at_last=False)


def test_the_hard_agent_keeps_a_split_issue_open_to_the_whole_package() -> None:
    """timed-17 d0's game 7: the first decision the rule changes is the refusal, in round 3 of
    the game's only venue, of d1's package of the four small issues, which leaves open contested,
    the issue d0 weighs most but weighs less than the four together (so heaviest_at_last alone
    lets it be signed); d1 and d2 pull contested apart. Refused, the whole agenda is signed and
    d0 ends with more by over 0.1 (fails with the rule off)."""
    assert HARD.split_at_last and not LEVELS["normal"].split_at_last
    sc, final, view, contested, open_issues, gain = waived_refusal(17, "d0", 7, HARD, WITHOUT)
    assert view.round == 3 and not view.venues_left and not view.closing
    weights = view.own.weights
    assert weights[contested] < sum(weights[i] for i in open_issues if i != contested)
    assert contested in pulled_apart(view, level_beliefs(view, HARD), open_issues)
    assert all(final.settled[i] >= 0 for i in sc.venues[0].agenda)
    assert gain > 0.1


def play_reasons(sc: Scenario, seed: int) -> list[str]:
    """The reasons of a game's moves, with the hard agent in d0 (every other seat normal)."""
    return list(play(sc, seed, level_in_seat(sc, seed, 0, HARD)).reasons)


def test_the_closing_session_signs_what_is_left() -> None:
    """timed-17 d0's game 86: the rule refuses d1's package of the four small issues in round 3,
    no whole package passes, and in the closing session, where no round follows and no whole
    package is before it, d0 signs that package rather than end with nothing."""
    sc, seat = timed_seat(17, "d0", silent=False)
    seed = game_seed(0, 86)
    steps, final = replayed(sc, seed, level_in_seat(sc, seed, seat, HARD))
    reasons = [r for (s, a), r in zip(steps, play_reasons(sc, seed), strict=True) if s.actor == seat and not s.closing]
    assert "rejected: it leaves open the issue we care most about" in reasons
    closing = [a for s, a in steps if s.actor == seat and s.closing and isinstance(a, A.Respond)]
    assert any(a.accept for a in closing)
    assert final.agreements


def test_the_tournament_seat_gains() -> None:
    """Over the tournament's first 30 games in timed-17 d0, the seat ends with more in total with
    the rule than without it."""
    sc, seat = timed_seat(17, "d0", silent=False)
    assert seat_gain(sc, seat, 30, HARD, WITHOUT) > 0
