"""`tournament --json` carries what a paper needs besides the rows' figures: every game of every
row (its seed, the seat's surplus, whether anything was signed), so that any two rows can be
compared game by game; the seeds of the run, the ones `simulate` plays from the same base seed;
and where the figures come from (the game's version and code, the scenario file and the agents'
files, each with its sha256). The figures are recomputed here from the games alone."""

from __future__ import annotations

import hashlib
import json
import math
import re
import shutil
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from game import __version__
from game.ai.book import fingerprint
from game.engine.types import draw_types
from game.scenario import bundled, load_scenario
from tests.cli_runner import run_main

ROOT = Path(__file__).resolve().parents[2]

GAMES, SEED = 4, 7
# a table whose drawn types and cards make the rows differ from game to game (tests/fixtures/mini.yaml
# draws nothing: most of its rows score one value in every game, and pair trivially)
SCENARIO, SEAT = "astana-8", "government"


@cache
def _run() -> dict[str, Any]:
    result = run_main("tournament", SCENARIO, "--seat", SEAT, "--games", str(GAMES), "--seed", str(SEED), "--json")
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _rows() -> dict[str, dict[str, Any]]:
    return {row["kind"]: row for row in _run()["rows"]}


def _surplus(row: dict[str, Any]) -> list[float]:
    return [game["surplus"] for game in row["per_game"]]


def _paired(a: list[float], b: list[float]) -> tuple[float, float]:
    d = [x - y for x, y in zip(a, b, strict=True)]
    mean = sum(d) / len(d)
    return mean, math.sqrt(sum((x - mean) ** 2 for x in d) / (len(d) - 1) / len(d))


def test_each_rows_games_give_its_figures() -> None:
    for kind, row in _rows().items():
        games = row["per_game"]
        assert len(games) == row["games"] == GAMES, kind
        assert sum(_surplus(row)) / GAMES == pytest.approx(row["mean_surplus"], abs=1e-12), kind
        agreed = [game for game in games if game["agreed"]]
        assert len(agreed) / GAMES == pytest.approx(row["agreement_rate"]), kind
        last = None if not agreed else sum(game["last_round"] for game in agreed) / len(agreed)
        assert last == pytest.approx(row["last_round_share"]), kind
        assert all(not game["last_round"] for game in games if not game["agreed"]), kind


def test_the_paired_difference_to_hard_is_recomputed_from_the_games() -> None:
    rows = _rows()
    hard = _surplus(rows["hard"])
    differs = 0
    for kind, row in rows.items():
        diff, se = _paired(_surplus(row), hard)
        assert diff == pytest.approx(row["diff_to_hard"], abs=1e-12), kind
        assert se == pytest.approx(row["se_diff"], abs=1e-12), kind
        differs += se > 0
    assert differs >= 3  # rows that differ from hard by different amounts game by game: pairing is tested


def test_any_two_rows_pair_game_by_game_as_the_ladder_pairs_its_steps() -> None:
    """Two rows neither of which is hard, paired from the games alone: the ladder's normal > easy."""
    rows = _rows()
    step = next(s for s in _run()["ladder"] if (s["upper"], s["lower"]) == ("normal", "easy"))
    diff, se = _paired(_surplus(rows["normal"]), _surplus(rows["easy"]))
    assert (diff, se) == (pytest.approx(step["diff"], abs=1e-12), pytest.approx(step["se"], abs=1e-12))


def test_the_seeds_are_those_simulate_plays_from_the_same_base_seed() -> None:
    data = _run()
    result = run_main("simulate", SCENARIO, "--games", str(GAMES), "--seed", str(SEED), "--json")
    assert result.returncode == 0, result.stderr
    simulated = [game["seed"] for game in json.loads(result.stdout)["results"]]
    assert data["seeds"] == simulated
    assert len(set(simulated)) == GAMES and simulated != list(range(SEED, SEED + GAMES))
    for kind, row in _rows().items():
        assert [game["seed"] for game in row["per_game"]] == simulated, kind


def test_the_keys_consumers_read_are_kept() -> None:
    data = _run()
    assert {"scenario", "seat", "games", "seed", "others", "baseline", "rows", "ladder"} <= set(data)
    assert (data["scenario"], data["seat"], data["games"], data["seed"]) == (SCENARIO, SEAT, GAMES, SEED)
    kept = {"kind", "games", "mean_surplus", "se_surplus", "agreement_rate", "last_round_share"}
    for row in data["rows"]:
        assert kept | {"diff_to_hard", "se_diff", "seconds", "what"} <= set(row)
        # the games are in per_game; a row's own keys stay figures
        assert not {"surplus", "seeds", "agreed", "last_round"} & set(row)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_provenance_names_the_code_the_scenario_file_and_each_agents_file(tmp_path: Path) -> None:
    # a scenario and an agent given by relative paths, and an agent given as a module
    shutil.copy(ROOT / "tests" / "fixtures" / "mini.yaml", tmp_path / "talks.yaml")
    shutil.copy(ROOT / "docs" / "examples" / "my_agent.py", tmp_path / "mine.py")
    module = "tests.fixtures.agents.agents"
    argv = ["tournament", "talks.yaml", "--seat", "red", "--games", "2", "--json"]
    result = run_main(*argv, "--agent", "mine.py:Patient", "--agent", f"{module}:hard", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    made = json.loads(result.stdout)["provenance"]
    here = tmp_path.resolve()  # the command's working folder, as the system names it
    assert made["version"] == __version__
    assert made["rules_and_agents_sha256"] == fingerprint()
    assert made["scenario_file"] == {
        "given": "talks.yaml",
        "path": str(here / "talks.yaml"),
        "sha256": _sha256(tmp_path / "talks.yaml"),
    }
    module_file = ROOT / "tests" / "fixtures" / "agents" / "agents.py"
    assert made["agents"] == [
        {"spec": "mine.py:Patient", "file": str(here / "mine.py"), "sha256": _sha256(tmp_path / "mine.py")},
        {"spec": f"{module}:hard", "file": str(module_file), "sha256": _sha256(module_file)},
    ]


def test_a_bundled_scenario_is_named_as_given_with_the_file_it_names() -> None:
    made = _run()["provenance"]
    path = bundled()[SCENARIO]
    assert made["scenario_file"] == {"given": SCENARIO, "path": str(path.absolute()), "sha256": _sha256(path)}
    assert made["agents"] == []


def test_simulates_surplus_differs_from_the_rows_by_the_walk_away_values_move_alone() -> None:
    """The same seat, seats and seeds: the same games, scored against two yardsticks. simulate's
    surplus is measured against the walk-away value as the game ended, the tournament's against
    the one the game drew; game by game they differ by how far events and agreements moved it."""
    result = run_main("simulate", SCENARIO, "--games", str(GAMES), "--seed", str(SEED), "--json")
    assert result.returncode == 0, result.stderr
    simulated = json.loads(result.stdout)["results"]
    scenario = load_scenario(bundled()[SCENARIO])
    seat = scenario.delegation_index[SEAT]
    moved = 0
    for theirs, ours in zip(simulated, _rows()["normal"]["per_game"], strict=True):
        drawn = draw_types(scenario, theirs["seed"]).delegations[seat].reservation
        shift = theirs["walk_away"][SEAT] - drawn
        assert theirs["surplus"][SEAT] == pytest.approx(ours["surplus"] - shift, abs=2e-4)
        moved += abs(shift) > 0.01
    assert moved  # the yardsticks were told apart


def _keys(value: object) -> set[str]:
    """Every key of every object in a JSON value."""
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


def test_every_key_of_the_json_is_documented() -> None:
    text = (ROOT / "docs" / "AI.md").read_text(encoding="utf-8")
    section = re.split(r"\n#+ |\n<!--", text.split("\n### The tournament's JSON\n", 1)[1], maxsplit=1)[0]
    argv = ["tournament", "tests/fixtures/mini.yaml", "--seat", "red", "--games", "2", "--json"]
    result = run_main(*argv, "--agent", "docs/examples/my_agent.py:Patient", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    keys = _keys(json.loads(result.stdout))
    assert {"per_game", "provenance", "sha256", "spec"} <= keys  # the agent's keys too
    assert sorted(k for k in keys if f"`{k}`" not in section and f'"{k}"' not in section) == []
