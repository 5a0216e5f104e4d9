"""Watching a scenario file: a change is seen once, a touch is not, and a broken file is reported
with its diagnostics rather than raised."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from game.scenario.watch import ScenarioWatch

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "mini.yaml"


def _bump(path: Path) -> None:
    """Move the modification time on, as a later save would (file systems can be coarse)."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def test_nothing_changed_means_nothing_to_reload(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_bytes(FIXTURE.read_bytes())
    watch = ScenarioWatch(path)
    assert watch.poll() is None
    _bump(path)  # touched, same content
    assert watch.poll() is None


def test_an_edit_is_reloaded_once(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    text = FIXTURE.read_text()
    path.write_text(text)
    watch = ScenarioWatch(path)
    first = watch.load()
    assert first.ok
    assert "title: Mini talks\n" in text
    path.write_text(text.replace("title: Mini talks\n", "title: Mini talks, edited\n"))
    _bump(path)
    reload = watch.poll()
    assert reload is not None and reload.ok
    assert reload.scenario is not None and first.scenario is not None
    assert reload.scenario.content_hash != first.scenario.content_hash
    assert watch.poll() is None  # seen once


def test_a_broken_edit_reports_every_error_and_a_fix_reloads(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    good = FIXTURE.read_text()
    path.write_text(good + "\nunknown_key: 1\n")
    _bump(path)
    watch = ScenarioWatch(path)
    broken = watch.load()
    assert not broken.ok
    assert broken.errors and all(d.path == str(path) and d.line > 0 for d in broken.errors)
    path.write_text(good)
    _bump(path)
    fixed = watch.poll()
    assert fixed is not None and fixed.ok


def test_a_file_that_vanishes_for_a_moment_is_waited_for(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_bytes(FIXTURE.read_bytes())
    watch = ScenarioWatch(path)
    path.unlink()
    assert watch.poll() is None
    path.write_text(FIXTURE.read_text() + "\n# a comment changes the bytes\n")
    _bump(path)
    reload = watch.poll()
    assert reload is not None and reload.ok


@pytest.mark.parametrize("becomes", ["folder", "fifo", "loop"])
def test_a_file_that_becomes_something_else_is_reported_as_such(tmp_path: Path, becomes: str) -> None:
    """A tester's panel kept the file's last error (about something else) for good when the file
    became a folder, a FIFO or a loop of links: the poll took it for a file gone for a moment."""
    path = tmp_path / "s.yaml"
    path.write_text(FIXTURE.read_text() + "\nunknown_key: 1\n")
    watch = ScenarioWatch(path)
    assert not watch.load().ok
    path.unlink()
    if becomes == "folder":
        path.mkdir()
    elif becomes == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to(path)
    reload = watch.poll()
    assert reload is not None and not reload.ok
    (error,) = reload.errors
    said = {"folder": "directory", "fifo": "not a regular file", "loop": "loops back on itself"}[becomes]
    assert said in error.message and "unknown_key" not in error.message
    assert watch.poll() is None  # said once
    # and the file back, as it was: reloaded
    if becomes == "folder":
        path.rmdir()
    else:
        path.unlink()
    path.write_text(FIXTURE.read_text())
    reload = watch.poll()
    assert reload is not None and reload.ok
