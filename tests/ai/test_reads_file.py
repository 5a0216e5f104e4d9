"""The hard style that reads the file (Level.reads_file): its model of the others is the
scenario file's published central numbers, with what a meeting revealed standing over them,
given only by the chooser that holds the file, never a game's draw."""

from __future__ import annotations

import dataclasses
import math

import pytest

from game.ai import opponent
from game.ai import rehearsal as R
from game.ai.levels import LEVELS
from game.ai.negotiator import choose
from game.ai.opponent import level_beliefs
from game.ai.selfplay import play
from game.engine import new_game, view_for
from game.engine.types import draw_types
from game.scenario import bundled, load_scenario
from game.sim.seating import game_choosers
from game.sim.simulate import game_seed

READING = next(s for s in R.STYLES["hard"] if R.style_name(s) == "hard reading the file")


def test_the_style_is_the_full_one_reading_the_file() -> None:
    assert dataclasses.replace(READING, name="hard", reads_file=False) == LEVELS["hard"]
    assert not any(level.reads_file for level in LEVELS.values())


@pytest.mark.parametrize("seed", [0, 5])
def test_it_reads_every_other_side_by_the_files_numbers_and_itself_by_its_own(seed: int) -> None:
    sc = load_scenario(bundled()["astana-8"])
    state, _ = new_game(sc, game_seed(0, seed))
    view = view_for(state, 1)
    read = level_beliefs(view, READING, sc)
    plain = level_beliefs(view, LEVELS["hard"], sc)  # a level that does not read the file ignores it
    assert plain.weights_of(0) == level_beliefs(view, LEVELS["hard"]).weights_of(0)
    for who, d in enumerate(sc.delegations):
        if who == view.me:
            assert read.weights_of(who) == plain.weights_of(who)
            continue
        assert read.weights_of(who) == tuple(d.weights)
        assert read.tables_of(who) == tuple(tuple(v) for v in d.values)
        deal = [len(v) - 1 for v in d.values]
        assert math.isclose(read.utility(who, deal), sum(w * v[-1] for w, v in zip(d.weights, d.values, strict=True)))
    # the file's numbers, not the game's draw, which differs from them
    drawn = draw_types(sc, game_seed(0, seed)).delegations[0]
    assert drawn.weights != sc.delegations[0].weights
    assert read.weights_of(0) != tuple(drawn.weights)


def test_a_weight_a_meeting_revealed_stands_and_the_rest_share_what_is_left() -> None:
    sc = load_scenario(bundled()["astana-8"])
    weights = sc.delegations[2].weights
    read = opponent._read_from(sc, ((2, 1, 0.5),))
    got = read[2][0]
    assert got[1] == 0.5
    assert math.isclose(sum(got), 1.0)
    rest = sum(w for i, w in enumerate(weights) if i != 1)
    for i, w in enumerate(weights):
        if i != 1:
            assert math.isclose(got[i], w * 0.5 / rest)
    assert read[0][0] == tuple(sc.delegations[0].weights)  # a side nobody met: the file's
    assert opponent._read_from(sc, ((2, 1, 0.5),)) is read  # worked out once a file and meeting


def test_a_seat_plays_it_with_the_file_it_was_given() -> None:
    """At sochi-congress's platforms (the book keeps the style there) the rehearsed seat moves as
    the style given the file does, and not as the style given the game's drawn numbers, which it
    must never read."""
    sc = load_scenario(bundled()["sochi-congress"])
    seat = [d.id for d in sc.delegations].index("platforms")
    chooser = R.player(READING, sc)
    assert chooser.keywords == {"level": READING, "prior": sc}  # type: ignore[attr-defined]
    seed = game_seed(0, 0)
    rehearsed = game_choosers(sc, {seat: "hard"}, seed)[seat]
    assert isinstance(rehearsed, R.Rehearsed) and rehearsed.prepare(seat) is READING
    by_hand = play(sc, seed, {seat: chooser})
    assert play(sc, seed, {seat: rehearsed}).actions == by_hand.actions
    drawn = play(sc, seed, {seat: R.player(READING, draw_types(sc, seed))})
    assert drawn.actions != by_hand.actions


def test_reading_the_file_changes_what_it_does_at_a_table_whose_positions_mislead() -> None:
    """sochi-congress's platforms (the book keeps the style there): over a few games the style
    that reads the file makes other moves than the full style, which reads positions only."""
    sc = load_scenario(bundled()["sochi-congress"])
    seat = [d.id for d in sc.delegations].index("platforms")
    differ = 0
    for i in range(4):
        seed = game_seed(0, i)
        full = play(sc, seed, {seat: lambda v, r: choose(v, r, LEVELS["hard"], sc)})
        read = play(sc, seed, {seat: R.player(READING, sc)})
        differ += full.actions != read.actions
    assert differ >= 1
