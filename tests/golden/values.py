"""What the golden tests pin, computed the way a user's commands compute it.

Each function returns plain JSON data. The games run through `peacetalks simulate` and
`peacetalks watch` in process, so the values are those of the path a user takes, whatever
the modules behind the commands are called.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from game.cli import main
from game.engine.rng import Rng, next_u64, seed_state
from game.scenario import bundled
from game.scenario.yamlread import load_plain
from game.sim.simulate import game_seed

SCENARIOS = ("astana-8", "sochi-congress", "astana-to-sochi", "harbour-contract", "tutorial", "dayton-1995")
TURNS = (1, 2, 5, 10, 25, 50, 100)  # the turns whose state hash is pinned (those a game reaches)


def rng_outputs() -> dict[str, Any]:
    """The generator's first outputs for fixed seeds, and the seeds simulate gives its games."""
    out: dict[str, Any] = {}
    for seed in (0, 1, 2017, 2**63 - 1):
        state = seed_state(seed)
        words = []
        for _ in range(4):
            state, value = next_u64(state)
            words.append(f"{value:016x}")
        rng = Rng(seed_state(seed))
        out[str(seed)] = {
            "u64": words,
            "floats": [repr(rng.random()) for _ in range(3)],
            "below_10": [rng.below(10) for _ in range(8)],
        }
    out["game_seeds"] = {str(base): [game_seed(base, i) for i in range(4)] for base in (0, 1, 2017)}
    return out


def _simulate(capsys: pytest.CaptureFixture[str], folder: Path, argv: list[str]) -> dict[str, Any]:
    capsys.readouterr()
    status = main(["simulate", *argv, "--json", "--save-dir", str(folder)])
    out, err = capsys.readouterr()
    assert status == 0, err
    data: dict[str, Any] = json.loads(out)
    games = []
    for result, save in zip(data["results"], sorted(folder.glob("*.yaml")), strict=True):
        # each log entry ends in " #HASH": the state hash after that turn
        hashes = [entry.rsplit(" #", 1)[1] for entry in load_plain(save.read_text())["log"]]
        assert len(hashes) == result["actions"], save
        games.append(
            {
                "seed": result["seed"],
                "outcome": result["outcome"],
                "actions": result["actions"],
                "hash_at_turn": [[t, hashes[t - 1]] for t in TURNS if t <= len(hashes)],
                "final_state_hash": result["final_state_hash"],
            }
        )
    return {"agreement_rate": data["agreement_rate"], "games": games}


def ai_games(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> dict[str, Any]:
    """Every bundled scenario, a game at each level from a fixed seed, their hashes at fixed
    turns (the agents and the rules together)."""
    out = {}
    for name in SCENARIOS:
        for level in ("easy", "normal", "hard"):
            folder = tmp_path / f"{name}-{level}"
            folder.mkdir()
            out[f"{name} {level}"] = _simulate(
                capsys, folder, [name, "--games", "1", "--seed", "11", "--difficulty", level]
            )
    return out


def random_games(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> dict[str, Any]:
    """Every seat the random floor: the rules with as little of the agents as possible."""
    from game.scenario import load_scenario

    out = {}
    for name in SCENARIOS:
        scenario = load_scenario(bundled()[name])
        seats = [arg for d in scenario.delegations for arg in ("--seat", f"{d.id}=random")]
        folder = tmp_path / f"{name}-random"
        folder.mkdir()
        out[name] = _simulate(capsys, folder, [name, "--games", "3", "--seed", "5", *seats])
    return out


PERFT_TURNS = (0, 1, 2, 5, 10, 20, 40)


def legal_counts(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> dict[str, Any]:
    """Perft-style: how many legal actions of each kind the delegation to move has, at fixed
    turns of a fixed game of every bundled scenario (the game as simulate saves it)."""
    from game.engine import apply, new_game
    from game.engine.legal import legal_moves
    from game.saves import load

    out: dict[str, Any] = {}
    for name in SCENARIOS:
        folder = tmp_path / f"{name}-perft"
        folder.mkdir()
        _simulate(capsys, folder, [name, "--games", "1", "--seed", "23"])
        session = load(next(folder.glob("*.yaml")))
        state, _ = new_game(session.scenario, session.seed)
        at: list[Any] = []
        for turn, entry in enumerate([None, *session.log]):
            if entry is not None:
                state, _ = apply(state, entry.action)
            if turn in PERFT_TURNS and not state.over:
                moves = legal_moves(state)
                actor = session.scenario.delegations[state.actor].id
                at.append([turn, actor, moves.count(), moves.counts()])
        out[name] = at
    return out


def watch_transcript(name: str, seed: int) -> Callable[[pytest.CaptureFixture[str]], str]:
    """`peacetalks watch NAME --seed SEED` as printed: a frozen transcript of a whole game."""

    def run(capsys: pytest.CaptureFixture[str]) -> str:
        capsys.readouterr()
        status = main(["watch", name, "--seed", str(seed)])
        out, err = capsys.readouterr()
        assert status == 0, err
        return out

    return run


TRANSCRIPTS = {
    "watch-astana-8-2017.txt": watch_transcript("astana-8", 2017),
    "watch-harbour-contract-3.txt": watch_transcript("harbour-contract", 3),
}
