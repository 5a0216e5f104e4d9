"""Game k of a `simulate` or `tournament` run plays a seed derived from the base seed, not the
base seed plus k: a researcher took `watch --seed 3` for the 4th game of a run. The help says so;
`watch SCENARIO --seed <its seed>` with the run's seats replays it, as docs/AI.md, "Each game's
seed, and replaying one" says; and the seeds the docs give as an example are the ones a run plays."""

from __future__ import annotations

import json
import re
from pathlib import Path

from game.engine import state_hash
from game.engine.types import draw_types
from game.engine.utility import outcome_utility
from game.saves import load
from game.scenario import bundled, load_scenario
from game.sim.simulate import game_seed
from tests.cli_runner import run_main

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = "astana-8"


def _watched(folder: Path, name: str, *args: str) -> Path:
    result = run_main("watch", SCENARIO, *args, "--save", name, "--saves", folder)
    assert result.returncode == 0, result.stderr
    return folder / f"{name}.yaml"


def test_watch_with_a_games_seed_and_the_runs_seats_replays_a_simulated_game(tmp_path: Path) -> None:
    seats = ("--difficulty", "hard", "--seat", "opposition=edge")
    result = run_main("simulate", SCENARIO, "--games", "3", "--seed", "5", *seats, "--json")
    assert result.returncode == 0, result.stderr
    game = json.loads(result.stdout)["results"][2]
    assert game["seed"] == game_seed(5, 2) != 2
    same = load(_watched(tmp_path, "same", "--seed", str(game["seed"]), *seats)).state
    assert state_hash(same) == game["final_state_hash"]
    # the seats are part of the game: the same seed at watch's default seats is another game
    other = load(_watched(tmp_path, "other", "--seed", str(game["seed"]))).state
    assert state_hash(other) != game["final_state_hash"]


def test_watch_with_a_games_seed_and_the_rows_seat_replays_a_tournament_game(tmp_path: Path) -> None:
    seat, kind, k = "government", "wait-nash", 1
    result = run_main("tournament", SCENARIO, "--seat", seat, "--games", "2", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    game = next(row for row in data["rows"] if row["kind"] == kind)["per_game"][k]
    assert game["seed"] == data["seeds"][k] == game_seed(0, k)
    # every other seat at the normal level, watch's default, as the tournament plays them
    state = load(_watched(tmp_path, "row", "--seed", str(game["seed"]), "--seat", f"{seat}={kind}")).state
    scenario = load_scenario(bundled()[SCENARIO])  # the file's numbers, which each game draws around
    d = scenario.delegation_index[seat]
    drawn = draw_types(scenario, game["seed"]).delegations[d].reservation
    assert outcome_utility(state, d) - drawn == game["surplus"]
    assert bool(state.agreements) == game["agreed"]


def test_the_seeds_the_docs_give_are_the_ones_a_run_plays() -> None:
    text = (ROOT / "docs" / "AI.md").read_text(encoding="utf-8")
    found = re.search(r"`simulate astana-8 --games 4 --json` plays the seeds ([\d, and]+)", text)
    assert found, "docs/AI.md lost its example of a run's seeds"
    shown = [int(s) for s in re.findall(r"\d+", found.group(1))]
    assert shown == [game_seed(0, k) for k in range(4)]


def test_the_help_of_the_seed_says_it_is_a_base_seed_not_a_games() -> None:
    for command in ("simulate", "tournament"):
        shown = " ".join(run_main(command, "--help").stdout.split())
        assert "each game plays a seed derived from it, not S+k" in shown, command
