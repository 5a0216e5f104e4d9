"""Every snapshot file belongs to a test.

syrupy (under pytest-textual-snapshot) fails a run that leaves a snapshot unused, but not when
the suite runs on several workers (pytest-xdist, as it does by default), where no worker sees
every test: this test makes the same check from what was collected, which every worker knows.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import COLLECTED

SNAPSHOTS = Path(__file__).parent / "__snapshots__"


def test_every_snapshot_file_belongs_to_a_test(request: pytest.FixtureRequest) -> None:
    collected = request.config.stash[COLLECTED]
    orphans = []
    for folder in sorted(p for p in SNAPSHOTS.iterdir() if p.is_dir()):
        tests = collected.get(folder.parent.parent / f"{folder.name}.py")
        if tests is None:
            continue  # that file's tests are not in this run (as syrupy, which checks only those)
        for svg in sorted(folder.glob("*.svg")):
            if svg.stem not in tests:
                orphans.append(f"{folder.name}/{svg.name}")
    assert not orphans, (
        f"snapshot files that no test takes (delete them; `pytest tests/ui -n 0 --snapshot-update` does): {orphans}"
    )
