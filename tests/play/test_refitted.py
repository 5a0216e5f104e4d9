"""A watched game fitted to a new version of its file (`play PATH --watch`): the seats it still
has, and what had to change, in words (game.play.new_game.refitted)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from game.play.new_game import NewGame, refitted
from game.scenario import load_scenario
from game.scenario.seating import default_human

MINI = load_scenario(Path(__file__).resolve().parents[1] / "fixtures" / "mini.yaml")


def test_the_seats_the_version_still_has_are_kept_and_nothing_is_said() -> None:
    game = NewGame(Path("talks.yaml"), ("red",), "hard", 7, (("blue", "ai:easy"),))
    assert refitted(game, MINI) == (game, [])


def test_a_human_seat_gone_falls_back_to_the_default_and_says_so() -> None:
    game = NewGame(Path("talks.yaml"), ("green",), "normal", 7)
    fitted, said = refitted(game, MINI)
    assert fitted == dataclasses.replace(game, humans=(default_human(MINI),))
    assert said == [f"green is no longer in the scenario: you play {default_human(MINI)}."]


def test_seats_given_for_delegations_gone_or_played_by_the_player_are_kept_for_later_and_named() -> None:
    game = NewGame(Path("talks.yaml"), ("red",), "normal", 7, (("green", "ai:hard"), ("red", "ai:easy")))
    fitted, said = refitted(game, MINI)
    assert fitted.seats == game.seats  # the next version may have them again
    assert said == [
        "--seat green: no such delegation in this version of the file (known: red, blue, big, envoy); left out.",
        "--seat red: you play that delegation yourself; left out.",
    ]
