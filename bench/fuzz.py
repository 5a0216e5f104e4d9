"""The fuzz targets of tests/test_fuzz.py at length: the scenario loader, the save reader and
`apply`, each with many more examples than the suite runs and a fresh random seed every run.

    python bench/fuzz.py [EXAMPLES]      # default 5,000 examples per target

Prints the examples run and the time per target; a failure stops with hypothesis' minimal
example (the same properties as the suite: never an exception other than the refusals).
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.test_fuzz import (  # noqa: E402  (after the path: the targets live with the suite)
    MIDDLE,
    SAVE_EDITS,
    SCENARIO_EDITS,
    START,
    actions,
    fuzz_apply,
    fuzz_save,
    fuzz_scenario,
)


def main() -> None:
    examples = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    at_length = settings(
        max_examples=examples,
        derandomize=False,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    with tempfile.TemporaryDirectory() as folder:

        @at_length
        @given(SCENARIO_EDITS)
        def loader(edits: Any) -> None:
            fuzz_scenario(edits)

        @at_length
        @given(SAVE_EDITS)
        def reader(edits: Any) -> None:
            fuzz_save(Path(folder), edits)

        @at_length
        @given(actions(), st.booleans())
        def rules(action: Any, middle: bool) -> None:
            fuzz_apply(MIDDLE if middle else START, action)

        targets: dict[str, Callable[[], None]] = {"scenario loader": loader, "save reader": reader, "apply": rules}
        for name, run in targets.items():
            start = time.perf_counter()
            run()
            print(f"{name:<16} {examples:>7,} examples  {time.perf_counter() - start:7.1f} s  ok", flush=True)


if __name__ == "__main__":
    main()
