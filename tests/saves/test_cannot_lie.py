"""Saves that cannot lie (issue 14): a save cut at a line boundary never loads as an earlier game,
the scenario is read once (the bytes validated are the bytes embedded), temporary files of a
killed write are cleaned on the next one, an empty name is refused, and a folder that cannot be
written is one line and exit 1."""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

import pytest

from game.cli import main
from game.saves import SaveError, SaveLoadError, load, save, save_text, write_atomic
from game.scenario.load import check_source
from tests.saves.helpers import ROOT, new_session, play_on

MINI = ROOT / "tests" / "fixtures" / "mini.yaml"


def running_game_text() -> str:
    session = new_session("mini", 5)
    play_on(session, 12)
    assert not session.state.over
    return save_text(session)


def test_a_running_game_cut_at_any_line_boundary_is_refused(tmp_path: Path) -> None:
    """Before, a prefix that ends at a log line read as a shorter game that had just stopped."""
    text = running_game_text()
    lines = text.splitlines(keepends=True)
    log_start = next(k for k, line in enumerate(lines) if line.startswith("log:"))
    for k in range(log_start + 1, len(lines)):
        path = tmp_path / f"cut-{k}.yaml"
        path.write_text("".join(lines[:k]))
        # ("log:" with no entry under it is no list at all: refused for that)
        with pytest.raises(SaveLoadError, match="cut short or edited" if k > log_start + 1 else "log"):
            load(path)
    whole = tmp_path / "whole.yaml"
    whole.write_text(text)
    assert len(load(whole).log) == len(lines) - log_start - 1


def test_the_turn_count_is_checked_against_the_log(tmp_path: Path) -> None:
    text = running_game_text()
    turns = text.count('\n  - "')
    path = tmp_path / "edited.yaml"
    path.write_text(text.replace(f"turns: {turns}\n", f"turns: {turns + 1}\n"))
    with pytest.raises(SaveLoadError) as caught:
        load(path)
    message = str(caught.value)
    assert f"counts {turns + 1} turns but its log holds {turns}" in message
    line = text.splitlines().index(f"  turns: {turns}") + 1
    assert message.startswith(f"{path}:{line}:")


def finished_game_text() -> str:
    session = new_session("mini", 5)
    play_on(session, 10_000)
    assert session.state.over
    return save_text(session)


@pytest.mark.parametrize(
    ("key", "lie", "says"),
    [
        ("venues", "[collapse]", "the saved venue outcomes ['collapse'] do not match the replay"),
        ("venues", "[agreement, agreement]", "do not match the replay"),
        ("venues", "[no_deal, collapse]", "do not match the replay"),
        ("reason", "Everyone walked out.", "the saved reason for the ending does not match the replay's"),
        ("venues", "[1, 2]", "'venues' should be a list of the venues' outcomes"),
    ],
)
def test_the_ending_a_header_claims_is_checked_against_the_replay(
    key: str, lie: str, says: str, tmp_path: Path
) -> None:
    """Before, `replay --verify` took a save whose header claimed other venue outcomes or another
    reason (the save browser shows them) as long as the result matched."""
    text = finished_game_text()
    lines = text.splitlines(keepends=True)
    line = next(k for k, row in enumerate(lines) if row.startswith(f"  {key}:"))
    end = line + 1
    while lines[end].startswith("  - "):  # a list written as a block, an item a line
        end += 1
    lines[line:end] = [f"  {key}: {lie}\n"]
    path = tmp_path / "edited.yaml"
    path.write_text("".join(lines))
    # the line and the column of the value, as an editor points at it
    with pytest.raises(SaveLoadError, match=f"^{path}:{line + 1}:{len(f'  {key}: ') + 1}: ") as caught:
        load(path)
    assert says in str(caught.value)
    whole = tmp_path / "whole.yaml"
    whole.write_text(text)
    assert load(whole).state.over


def test_the_scenario_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`watch --save` and `simulate --save-dir` embed the very bytes they validated: the file is
    never read a second time (an author's edit in between made saves that never loaded)."""
    source = tmp_path / "s.yaml"
    source.write_bytes(MINI.read_bytes())
    scenario, _, data = check_source(source)
    assert scenario is not None and data == MINI.read_bytes()

    def no_second_read(self: Path) -> bytes:
        raise AssertionError(f"{self} read a second time")

    monkeypatch.setattr(Path, "read_bytes", no_second_read)
    assert main(["watch", str(source), "--save", "one", "--saves", str(tmp_path / "saves")]) == 0
    assert main(["simulate", str(source), "--games", "2", "--save-dir", str(tmp_path / "runs")]) == 0
    monkeypatch.undo()
    assert load(tmp_path / "saves" / "one.yaml").scenario.content_hash == scenario.content_hash
    assert len(list((tmp_path / "runs").glob("*.yaml"))) == 2


def test_stale_temporary_files_are_cleaned_on_the_next_write(tmp_path: Path) -> None:
    target = tmp_path / "game.yaml"
    stale = tmp_path / ".game.yaml.dead1234.tmp"  # left by a write killed with -9
    fresh = tmp_path / ".game.yaml.live5678.tmp"  # a write under way this very second
    held = tmp_path / ".game.yaml.held9999.tmp"  # an old one still being written (locked)
    other = tmp_path / ".other.yaml.dead1234.tmp"  # another file's: not ours to touch
    for path in (stale, fresh, held, other):
        path.write_text("half a save")
    old = time.time() - 600
    for path in (stale, held, other):
        os.utime(path, (old, old))
    with held.open("rb") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        write_atomic(target, "whole\n")
    assert target.read_text() == "whole\n"
    assert not stale.exists()
    assert fresh.exists() and held.exists() and other.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in (target, fresh, held, other))


def test_an_empty_save_name_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    session = new_session("mini", 1)
    for name in ("", "   "):
        with pytest.raises(SaveError, match="needs a name"):
            save(session, tmp_path, name)
    assert list(tmp_path.iterdir()) == []
    assert main(["watch", str(MINI), "--save", "", "--saves", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "--save needs a name" in err
    assert list(tmp_path.iterdir()) == []


def test_simulate_into_a_folder_that_cannot_be_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    for target in (blocker, blocker / "sub"):
        assert main(["simulate", str(MINI), "--games", "2", "--save-dir", str(target)]) == 1
        out, err = capsys.readouterr()
        assert out == "" and err.count("\n") == 1, err
        assert err.startswith("peacetalks: error: --save-dir: ") and "Traceback" not in err
    assert blocker.read_text() == "a file where the folder should be"
