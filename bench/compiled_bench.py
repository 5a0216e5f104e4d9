"""What compiling the headless hot path with mypyc would give: builds it, checks it plays the same
games, and prints the figures of both builds side by side. Prints figures; ships nothing.

    python bench/compiled_bench.py [--games 40] [--rounds 2] [--build DIR]

Copies game/ to a scratch folder (or DIR, kept for another run: an existing build there is reused)
and compiles the modules of game/engine, game/ai, game/sim and game/saves with mypyc (mypy's
compiler, from the test extra; also needed: setuptools, in a Python 3.11 venv already, a C compiler
and Python's headers), except INTERPRETED (why, beside it). Then, with PYTHONPATH at each tree in turn: `peacetalks simulate --json` on every
bundled scenario and the NegMAS domain must print the same bytes; and, alternating the two builds
`--rounds` times, simulate_bench.py's AI games a CPU second on astana-8 and on the NegMAS domain,
and the best CPU time of three `load`s (load and verify) of a 10,000-action save. CPU seconds, with
the load average: on a shared machine the wall clock says little.

The game as a user installs it is the pure Python one: docs/lab/speed.md ("Compiled with mypyc, again")
says why it is not compiled, with this script's figures.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PACKAGES = ("engine", "ai", "sim", "saves")
INTERPRETED = {
    # mypyc compiles neither a dataclass's ClassVar (the actions' `kind` would become a field) nor a
    # runtime_checkable Protocol (the outside agents' interface)
    "game/engine/actions.py",
    "game/ai/agent.py",
    # their instances are filled through __dict__ (state.frozen, Work, types.draw_types) or keep
    # functools.cached_property values, and mypyc's native classes have no __dict__
    "game/engine/model.py",
    "game/engine/state.py",
    "game/engine/work.py",
    "game/engine/legal.py",
    "game/engine/view.py",
    "game/engine/records.py",
    "game/saves/codec.py",
    # compiled, its dumper (a subclass of PyYAML's C dumper) crashes the process when a save is written
    "game/saves/write.py",
}
SCENARIOS = ("astana-8", "astana-to-sochi", "sochi-congress", "harbour-contract", "dayton-1995", "tutorial")
NEGMAS = str(HERE / "negmas-domain.yaml")

_SETUP = """
import sys
from setuptools import setup
from mypyc.build import mypycify
setup(
    name="peacetalks-compiled",
    ext_modules=mypycify(sys.argv[1:], multi_file=True, group_name="game"),
    script_args=["build_ext", "--inplace", "-j", str({jobs})],
)
"""

_LOAD = """
import json, sys, time
from game.saves import load
best = float("inf")
for _ in range(3):
    c = time.process_time()
    load(sys.argv[1])
    best = min(best, time.process_time() - c)
print(json.dumps(round(best, 3)))
"""


def build(folder: Path) -> float:
    """Compile into `folder` (a copy of game/); the CPU seconds the build took, 0 if reused."""
    if any(folder.glob("game__mypyc*")):
        return 0.0
    shutil.copytree(ROOT / "game", folder / "game", ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
    # the bundled scenarios are found beside the package, as in a checkout
    (folder / "scenarios").unlink(missing_ok=True)
    (folder / "scenarios").symlink_to(ROOT / "scenarios")
    paths = [
        p.relative_to(folder).as_posix()
        for package in PACKAGES
        for p in sorted((folder / "game" / package).rglob("*.py"))
        if p.relative_to(folder).as_posix() not in INTERPRETED
    ]
    (folder / "setup_mypyc.py").write_text(_SETUP.format(jobs=os.cpu_count() or 1), encoding="utf-8")
    before = os.times()
    # no pyproject.toml in the folder: setuptools would read this project's, which is hatchling's
    subprocess.run([sys.executable, "setup_mypyc.py", *paths], cwd=folder, check=True, stdout=subprocess.DEVNULL)
    after = os.times()
    return round(after.children_user + after.children_system - before.children_user - before.children_system, 1)


def run(tree: Path, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, cwd=tempfile.gettempdir())
    if out.returncode != 0:
        raise SystemExit(f"{tree}: {' '.join(args)} failed:\n{out.stderr[-2000:]}")
    return out.stdout


def same_games(trees: dict[str, Path], games: int) -> dict[str, bool]:
    same = {}
    for scenario in (*SCENARIOS, NEGMAS):
        outs = {run(t, "-m", "game", "simulate", scenario, "--games", str(games), "--json") for t in trees.values()}
        same[Path(scenario).stem] = len(outs) == 1
    return same


def long_save(folder: Path) -> Path:
    """A 10,000-action save, written by the pure build (saves_bench.py's long game)."""
    path = folder / "long-10000.yaml"
    if not path.exists():
        code = (
            "import sys; sys.path.insert(0, sys.argv[1]); from pathlib import Path; "
            "from saves_bench import long_game; from game.saves import save; "
            "save(long_game(10_000), Path(sys.argv[2]), 'long-10000')"
        )
        run(ROOT, "-c", code, str(HERE), str(folder))
    return path


def figures(tree: Path, games: int, save: Path) -> dict[str, float]:
    bench = str(HERE / "simulate_bench.py")
    astana = json.loads(run(tree, bench, "--games", str(games), "--repeat", "2"))
    negmas = json.loads(run(tree, bench, "--scenario", NEGMAS, "--games", str(games), "--repeat", "2"))
    loaded = json.loads(run(tree, "-c", _LOAD, str(save)))
    return {
        "astana8_games_per_cpu_s": astana["games_per_cpu_s"],
        "negmas_games_per_cpu_s": negmas["games_per_cpu_s"],
        "load_verify_10000_cpu_s": loaded,
    }


def main() -> None:
    parser = argparse.ArgumentParser(allow_abbrev=False)
    parser.add_argument("--games", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--build", type=Path, help="build here and keep it (reused when already built)")
    args = parser.parse_args()
    folder = args.build or Path(tempfile.mkdtemp(prefix="peacetalks-mypyc-"))
    folder.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    build_cpu = build(folder)
    build_wall = round(time.perf_counter() - t0, 1)
    trees = {"pure": ROOT, "compiled": folder}
    same = same_games(trees, 10)
    save = long_save(folder)
    rows: dict[str, list[dict[str, float]]] = {"pure": [], "compiled": []}
    for _ in range(args.rounds):
        for name, tree in trees.items():
            rows[name].append(figures(tree, args.games, save))
    print(
        json.dumps(
            {
                "build_cpu_s": build_cpu,
                "build_wall_s": build_wall,
                "simulate_json_identical": same,
                **rows,
                "load_average": [round(x, 2) for x in os.getloadavg()],
            },
            indent=2,
        )
    )
    if args.build is None:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
