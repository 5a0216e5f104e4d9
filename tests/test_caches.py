"""Caches that live as long as the process stay bounded (play --watch and long runs of
test-scenario meet many scenario versions; a long session hashes many states)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from game.engine import hashing
from game.engine.setup import new_game
from game.scenario import load_scenario
from game.sim import simulate

MINI = Path(__file__).parent / "fixtures" / "mini.yaml"


def test_the_judges_kept_are_the_last_few_scenarios_met() -> None:
    base = load_scenario(MINI)
    versions = [dataclasses.replace(base, content_hash=f"{k:064x}") for k in range(3 * simulate._JUDGES_KEPT)]
    judges = [simulate.judge_for(v) for v in versions]
    assert len(simulate._judges) == simulate._JUDGES_KEPT
    assert simulate.judge_for(versions[-1]) is judges[-1]  # the latest is reused, not recomputed
    assert simulate.judge_for(versions[0]) is not judges[0]  # the oldest was let go


def test_the_hash_remembers_only_the_last_state_it_hashed() -> None:
    """The hash keeps the text of the last state's pieces, and of no other state: however many
    states are hashed, what it holds is one state's fields (the very objects), so it stays bounded."""
    scenario = load_scenario(MINI)
    for seed in range(50):
        state, _ = new_game(scenario, seed)
        hashing.state_hash(state)
        last = hashing._last
        assert last is not None
        assert all(a is b for a, b in zip(last.values, hashing._values(vars(state)), strict=True))
        assert last.content_hash == state.scenario.content_hash
        # the opening and a piece per field; each table's, joined from a piece per row and one
        # that closes it: no more
        assert len(last.flat) == 1 + len(hashing._FIELDS)
        tables = [name for name in hashing._TABLES if name != "revealed"]
        assert len(last.rows) == len(tables)
        for name in tables:
            k = hashing._FIELDS.index(name)
            assert len(last.rows[k]) == len(getattr(state, name)) + 1
            assert last.flat[last.at[k]] == "".join(last.rows[k])
        assert set(last.elements) == {hashing._PROPOSALS, hashing._AGREEMENTS}


def test_checked_files_are_kept_by_name_and_content_and_only_the_last_few(tmp_path: Path) -> None:
    from game.scenario import check_file
    from game.scenario import load as load_module

    path = tmp_path / "talks.yaml"
    text = MINI.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    first, _ = check_file(path)
    assert first is not None and check_file(path)[0] is first  # the same bytes: not checked again
    path.write_text(text.replace("title: Mini talks", "title: Mini talks, edited"), encoding="utf-8")
    edited, _ = check_file(path)
    assert edited is not None and edited is not first and edited.title != first.title  # an edit is seen
    for k in range(2 * load_module._CHECKED_KEPT):
        (tmp_path / f"v{k}.yaml").write_text(
            text.replace("title: Mini talks", f"title: Mini talks {k}"), encoding="utf-8"
        )
        check_file(tmp_path / f"v{k}.yaml")
        assert len(load_module._CHECKED) <= load_module._CHECKED_KEPT
        assert len(load_module._CLEAN) <= load_module._CHECKED_KEPT
    assert check_file(path)[0] is not edited  # let go long ago: checked afresh


def test_clean_content_is_kept_under_any_name_and_diagnostics_keep_their_own(tmp_path: Path) -> None:
    """A save embeds its scenario under its own name: bytes that checked clean give the same
    scenario whatever they are called, not parsed again; bytes with a diagnostic are checked
    again under a new name, whose diagnostics name that file."""
    from game.scenario import check_bytes
    from game.scenario import load as load_module

    text = MINI.read_text(encoding="utf-8").replace("title: Mini talks", "title: Mini talks, kept")
    first, diagnostics = check_bytes(text.encode(), "one.yaml")
    assert first is not None and diagnostics == []
    parsed = load_module.parse_yaml
    try:
        load_module.parse_yaml = None  # type: ignore[assignment]  # any parse now raises
        again, diagnostics = check_bytes(text.encode(), "another.yaml")
    finally:
        load_module.parse_yaml = parsed
    assert again is first and diagnostics == []
    warned = text.replace("title: Mini talks, kept", "title: Mini talks, kept\nunknown_key: 1")
    _, one = check_bytes(warned.encode(), "one.yaml")
    _, other = check_bytes(warned.encode(), "other.yaml")
    assert one and other and {d.path for d in one} == {"one.yaml"} and {d.path for d in other} == {"other.yaml"}
