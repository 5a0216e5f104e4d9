"""Golden values: kept in files here, rewritten only when asked (`--update-golden`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).parent
VALUES = HERE / "values.json"
TRANSCRIPTS = HERE / "transcripts"
HOW = (
    "If the game's behaviour changed on purpose, rewrite the golden values with "
    "`pytest tests/golden --update-golden`, read `git diff tests/golden`, and commit it with a message saying why."
)


def _first_difference(old: Any, new: Any, path: str = "") -> str:
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new)):
            if key not in old or key not in new:
                return f"{path}/{key}: {'only now' if key in new else 'gone'}"
            if old[key] != new[key]:
                return _first_difference(old[key], new[key], f"{path}/{key}")
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for k, (a, b) in enumerate(zip(old, new, strict=True)):
            if a != b:
                return _first_difference(a, b, f"{path}[{k}]")
    return f"{path or '/'}: was {json.dumps(old)[:200]}, now {json.dumps(new)[:200]}"


class Golden:
    def __init__(self, update: bool) -> None:
        self.update = update

    def check(self, name: str, value: Any) -> None:
        """Compare with the pinned value (or pin it, with --update-golden)."""
        value = json.loads(json.dumps(value))  # as it reads back: tuples become lists, keys strings
        stored = json.loads(VALUES.read_text()) if VALUES.exists() else {}
        if self.update:
            stored[name] = value
            VALUES.write_text(json.dumps(stored, indent=1, sort_keys=True) + "\n")
            return
        assert name in stored, f"no golden value {name!r} is pinned yet. {HOW}"
        if stored[name] != value:
            pytest.fail(f"golden value {name!r} changed at {_first_difference(stored[name], value)}. {HOW}", False)

    def check_text(self, file: str, text: str) -> None:
        path = TRANSCRIPTS / file
        if self.update:
            TRANSCRIPTS.mkdir(exist_ok=True)
            path.write_text(text)
            return
        assert path.exists(), f"no golden transcript {file} yet. {HOW}"
        old = path.read_text()
        if old != text:
            for k, (a, b) in enumerate(zip(old.splitlines(), text.splitlines(), strict=False)):
                if a != b:
                    where = f"line {k + 1}: was {a!r}, now {b!r}"
                    break
            else:
                where = f"the length: {len(old.splitlines())} lines, now {len(text.splitlines())}"
            pytest.fail(f"golden transcript {file} changed at {where}. {HOW}", False)


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Golden:
    return Golden(bool(request.config.getoption("--update-golden")))
