"""Memory kept by repeated scenario loads (play --watch, the save list and the viewer load often).

    python bench/yaml_bench.py [--loads 200]

Prints the memory still allocated after each batch of loads of the largest bundled scenario: a
reader that caches per load grows without bound, one that does not stays flat.
"""

from __future__ import annotations

import argparse
import gc
import tracemalloc

from game.scenario import bundled
from game.scenario.diagnostics import Report
from game.scenario.yamlread import read_yaml


def main() -> None:
    parser = argparse.ArgumentParser(allow_abbrev=False)
    parser.add_argument("--loads", type=int, default=200)
    args = parser.parse_args()
    path = max(bundled().values(), key=lambda p: p.stat().st_size)
    read_yaml(path, Report(str(path)))  # warm: imports and first-use caches
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    step = max(1, args.loads // 4)
    for done in range(1, args.loads + 1):
        read_yaml(path, Report(str(path)))
        if done % step == 0:
            gc.collect()
            kept = tracemalloc.get_traced_memory()[0] - base
            print(f"{path.name}: after {done:>4} loads, {kept / 1024:8.1f} KiB still allocated")
    tracemalloc.stop()


if __name__ == "__main__":
    main()
