"""YAML is read with the safe loader only: one loader, safe, and every call in the game names it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from yaml.constructor import FullConstructor, SafeConstructor

from game.scenario.yamlread import SAFE_LOADER, load_plain

GAME = Path(__file__).resolve().parent.parent / "game"
# the PyYAML entry points that take a loader (safe_load and friends name their own)
# a call and the rest of its line, where the loader is named (the calls fit on one line)
CALL = re.compile(r"yaml\.(load|load_all|compose|compose_all|parse|scan)\(.*")


def test_the_loader_constructs_plain_values_only() -> None:
    assert issubclass(SAFE_LOADER, SafeConstructor)
    assert not issubclass(SAFE_LOADER, FullConstructor)  # the full and unsafe constructors build objects
    assert yaml.load("a: 1", Loader=SAFE_LOADER) == {"a": 1}


def test_the_quick_reader_builds_no_objects() -> None:
    """load_plain (the save list's look at a file) reads plain values and refuses a tag that
    would build a Python object, as the safe loader does; nothing is constructed or run."""
    assert load_plain("a: [1, x]") == {"a": [1, "x"]}
    with pytest.raises(yaml.constructor.ConstructorError):
        load_plain("a: !!python/object/apply:os.system ['true']")
    with pytest.raises(yaml.constructor.ConstructorError):
        load_plain("!!python/name:os.system")


def test_every_yaml_read_in_the_game_goes_through_the_safe_loader() -> None:
    calls = [
        (path.relative_to(GAME.parent), match.group(0))
        for path in sorted(GAME.rglob("*.py"))
        for match in CALL.finditer(path.read_text(encoding="utf-8"))
    ]
    assert calls, "no YAML reads found: the pattern no longer matches the code"
    unsafe = [(str(path), call) for path, call in calls if "Loader=SAFE_LOADER" not in call]
    assert not unsafe
