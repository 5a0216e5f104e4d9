"""The work an AI game does on the path `peacetalks simulate` takes, counted, not timed. Prints figures.

    python bench/work_bench.py [--scenario astana-8] [--games 10]

Runs `peacetalks simulate SCENARIO --games N --json` in this process (game.cli.main, output
discarded) under a tracer that counts the Python bytecodes executed and the Python calls made,
and prints them per game. The counts are the same on every run and under any load, so two
versions of the code compare exactly on a machine shared with others, where CPU seconds vary by
a fifth from run to run (simulate_bench.py gives those). They weigh all bytecodes alike and do
not see work done in C (a dict copy, a sum() over a list), so a change that moves work into C
counts for more here than it saves in time: compare them with simulate_bench.py's figures too.
The tracer slows the run many times over; ten games are enough, since the counts do not vary.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
from types import FrameType
from typing import Any

from game.cli import main as peacetalks


class Counter:
    def __init__(self) -> None:
        self.bytecodes = 0
        self.calls = 0

    def trace(self, frame: FrameType, event: str, arg: Any) -> Any:
        if event == "call":
            self.calls += 1
            frame.f_trace_opcodes = True
            frame.f_trace_lines = False
        elif event == "opcode":
            self.bytecodes += 1
        return self.trace


def main() -> None:
    parser = argparse.ArgumentParser(allow_abbrev=False)
    parser.add_argument("--scenario", default="astana-8")
    parser.add_argument("--games", type=int, default=10)
    args = parser.parse_args()
    argv = ["simulate", args.scenario, "--games", str(args.games), "--json"]
    with contextlib.redirect_stdout(io.StringIO()):
        peacetalks([*argv[:3], "2", "--json"])  # warm: imports and the scenario's analysis
    counter = Counter()
    sys.settrace(counter.trace)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            status = peacetalks(argv)
    finally:
        sys.settrace(None)
    assert status == 0
    print(
        json.dumps(
            {
                "scenario": args.scenario,
                "games": args.games,
                "bytecodes_per_game": counter.bytecodes // args.games,
                "python_calls_per_game": counter.calls // args.games,
            }
        )
    )


if __name__ == "__main__":
    main()
