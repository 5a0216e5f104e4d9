"""Fuzz targets (issue 14): the scenario loader on valid documents with any value put anywhere,
the save reader on damaged saves, `apply` on actions with anything in their fields. Brief here
(a few seconds each); `python bench/fuzz.py` runs the same targets at length.

The properties: the loader returns a scenario or diagnostics and never raises, and a scenario it
returns plays; the reader returns the very game or refuses in one line and never raises; apply
refuses with a GameError or moves to a state that hashes (tests/engine/test_typed_edge.py)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from game.engine import new_game
from game.engine.hashing import state_hash
from game.saves import SaveLoadError, load, save_text
from game.scenario import check_bytes
from tests.engine.test_typed_edge import MIDDLE, START, actions, fuzz_apply
from tests.saves.helpers import new_session, play_on

ROOT = Path(__file__).resolve().parents[1]
MINI_DOC = yaml.safe_load((ROOT / "tests" / "fixtures" / "mini.yaml").read_text(encoding="utf-8"))
SAVED = play_on(new_session("mini", 5), 10)
SAVE_LINES = save_text(SAVED).splitlines(keepends=True)

values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(2**70), 2**70),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=8),
        st.sampled_from(["red", "blue", "big", "envoy", "prisoners", "truce", "none", "all", "hall", "[/]", "\x1b[2J"]),
    ),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)),
    max_leaves=8,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for k, value in enumerate(node):
            out += _paths(value, (*prefix, k))
    return out


PATHS = _paths(MINI_DOC)[1:]


def fuzz_scenario(edits: list[tuple[tuple[Any, ...], Any]]) -> None:
    doc = copy.deepcopy(MINI_DOC)
    for path, value in edits:
        node = doc
        try:
            for key in path[:-1]:
                node = node[key]
            node[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit replaced the branch: nothing to edit here
    data = yaml.safe_dump(doc, allow_unicode=True).encode("utf-8")
    scenario, diagnostics = check_bytes(data, "fuzz.yaml")
    assert all(d.message for d in diagnostics)
    if scenario is not None:
        state, _ = new_game(scenario, 1)
        state_hash(state)


SCENARIO_EDITS = st.lists(st.tuples(st.sampled_from(PATHS), values), min_size=1, max_size=3)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(SCENARIO_EDITS)
@example([(("issues", 1, "options"), [])])  # found by bench/fuzz.py: build crashed on an empty ladder
def test_the_loader_takes_any_value_anywhere(edits: list[tuple[tuple[Any, ...], Any]]) -> None:
    fuzz_scenario(edits)


def fuzz_save(tmp_path: Path, edits: list[tuple[int, str]]) -> None:
    lines = list(SAVE_LINES)
    for index, text in edits:
        k = index % (len(lines) + 1)
        if text == "":
            if k < len(lines):
                del lines[k]
        elif k < len(lines) and text.startswith("~"):
            lines[k] = lines[k][: len(text)] + text[1:] + lines[k][len(text) :]
        else:
            lines.insert(k, text + "\n")
    path = tmp_path / "fuzz.yaml"
    data = "".join(lines).encode("utf-8", "surrogatepass")
    path.write_bytes(data)
    try:
        got = load(path)
    except SaveLoadError as exc:
        assert "\n" not in str(exc) and str(exc).startswith(f"{path}")
    else:
        assert got.log == SAVED.log and got.seed == SAVED.seed and got.seats == SAVED.seats
        assert state_hash(got.state) == state_hash(SAVED.state)
    assert path.read_bytes() == data, "reading never writes"


SAVE_EDITS = st.lists(
    st.tuples(
        st.integers(0, 10_000),
        st.one_of(st.just(""), st.text(max_size=12), st.sampled_from(["log: []", "  turns: 3", "~x", "seed: -1"])),
    ),
    min_size=1,
    max_size=3,
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(SAVE_EDITS)
def test_the_save_reader_takes_any_damage(tmp_path: Path, edits: list[tuple[int, str]]) -> None:
    fuzz_save(tmp_path, edits)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(action=actions(), middle=st.booleans())
def test_apply_takes_any_action(action: Any, middle: bool) -> None:
    fuzz_apply(MIDDLE if middle else START, action)
