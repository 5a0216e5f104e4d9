"""Game k of a `simulate` or `tournament` run plays a seed derived from the base seed, not the
base seed plus k: a researcher took `watch --seed 3` for the 4th game of a run. The help says so."""

from __future__ import annotations

from tests.cli_runner import run_main


def test_the_help_of_the_seed_says_it_is_a_base_seed_not_a_games() -> None:
    for command in ("simulate", "tournament"):
        shown = " ".join(run_main(command, "--help").stdout.split())
        assert "each game plays a seed derived from it, not S+k" in shown, command
