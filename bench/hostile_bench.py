"""The largest files the format lets through, and what each command costs on them: wall time and
peak memory, to show that no file that validates keeps a command past a minute or 4 GB.

    python bench/hostile_bench.py            # every shape and command (a few minutes)
    python bench/hostile_bench.py wide       # one shape

Shapes, each at a limit of the format (game/scenario/spec.py):
  wide      64 issues of 16 options (16^64 packages), two parties with opposed values
  int64     64 issues of 2 options (2^64 packages: past numpy's int64)
  many      40 delegations, all signatories, 12 issues of 4 options
  campaign  20 venues of 10 issues, 6 delegations
  tests     the tests section at its bound of play (games x turns x delegations^2), 4 delegations
  tests40   the same bound with 40 delegations
Each command runs in its own process; the figures are its wall time and its peak RSS.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.scenario import spec as S  # noqa: E402
from tests.analysis.big_spaces import make  # noqa: E402


def shapes() -> dict[str, dict[str, object]]:
    tests = make(6, 3, parties=4)
    turns = 2 * 4  # rounds x speakers
    games = min(S.MAX_TEST_GAMES, S.MAX_TEST_WORK // (turns * 4 * 4))
    tests["tests"] = [{"name": "bound", "games": games, "expect": [{"agreement_rate": {"at_least": 0}}]}]
    crowded = make(12, 4, parties=S.MAX_DELEGATIONS, opposed=False)
    turns = 2 * S.MAX_DELEGATIONS
    games = S.MAX_TEST_WORK // (turns * S.MAX_DELEGATIONS**2)
    crowded["tests"] = [{"name": "bound", "games": games, "expect": [{"agreement_rate": {"at_least": 0}}]}]
    return {
        "wide": make(S.MAX_ISSUES, S.MAX_OPTIONS),
        "int64": make(S.MAX_ISSUES, 2),
        "many": make(12, 4, parties=S.MAX_DELEGATIONS, opposed=False),
        "campaign": make(10, 4, parties=6, venues=S.MAX_VENUES, opposed=False),
        "tests": tests,
        "tests40": crowded,
    }


COMMANDS = [
    ["validate", "{path}"],
    ["analyze", "{path}"],
    ["simulate", "{path}", "--games", "1"],
    ["watch", "{path}"],
    ["test-scenario", "{path}"],
]


def run(argv: list[str]) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds, peak RSS in MB (the largest of any command so far: Linux keeps
    one figure for all children) and exit status of one command in a fresh process. On a shared
    machine the CPU seconds are the fairer figure: the wall time grows with the load."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "game", *argv], capture_output=True, cwd=ROOT, timeout=600)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024, done.returncode


def main() -> None:
    chosen = sys.argv[1:] or list(shapes())
    with tempfile.TemporaryDirectory() as folder:
        print(f"{'shape':<10}{'command':<16}{'wall s':>9}{'CPU s':>9}{'peak MB':>9}{'exit':>6}")
        for name, doc in shapes().items():
            if name not in chosen:
                continue
            path = Path(folder) / f"{name}.yaml"
            path.write_text(yaml.safe_dump(doc, sort_keys=False))
            for command in COMMANDS:
                if not name.startswith("tests") and command[0] == "test-scenario":
                    continue
                wall, cpu, peak, status = run([a.format(path=path) for a in command])
                print(f"{name:<10}{command[0]:<16}{wall:>9.1f}{cpu:>9.1f}{peak:>9.0f}{status:>6}", flush=True)


if __name__ == "__main__":
    main()
