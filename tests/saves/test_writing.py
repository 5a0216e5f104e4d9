"""Writing saves: names that cannot escape the folder, and writes that are all or nothing."""

from __future__ import annotations

import contextlib
import errno
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.saves import SaveError, Session, load, safe_name, save, save_path, save_text, write_atomic
from game.scenario import check_bytes
from tests.saves.helpers import ROOT, assert_same_game, finished, new_session, play_on, scenario_file, seats_for

SAFE = re.compile(r"[A-Za-z0-9_-]{1,64}")
HOSTILE = [
    "../../etc/passwd",
    "../outside",
    "..",
    ".",
    "/abs",
    "/tmp/evil",
    "a b",
    "",
    "....",
    "~/x",
    "a/b/c",
    "a\\b",
    "C:\\Windows\\x",
    "name.yaml",
    ".hidden",
    "-rf",
    "\x00nul",
    "line\nbreak",
    "été",
    "日本語",
    "😀",
    "x" * 500,
    "$(touch pwned)",
    "*",
]


def tree(root: Path, skip: Path) -> dict[str, tuple[bool, int, int]]:
    """Every path under root but outside `skip`, with whether it is a dir, its size and mtime."""
    out = {}
    for path in root.rglob("*"):
        if path == skip or skip in path.parents:
            continue
        info = path.lstat()
        out[str(path.relative_to(root))] = (path.is_dir(), info.st_size, info.st_mtime_ns)
    return out


@pytest.mark.parametrize("name", HOSTILE, ids=repr)
def test_names_are_sanitised(name: str) -> None:
    cleaned = safe_name(name)
    assert SAFE.fullmatch(cleaned), cleaned
    assert not cleaned.startswith(("-", ".")), cleaned
    assert safe_name(cleaned) == cleaned, "sanitising is idempotent"


@settings(max_examples=300, deadline=None, database=None)
@given(st.text(max_size=200))
def test_any_name_gives_a_plain_file_inside_the_folder(name: str) -> None:
    folder = Path(tempfile.gettempdir()) / "peacetalks-names-never-written"
    assert SAFE.fullmatch(safe_name(name))
    if not name.strip():
        with pytest.raises(SaveError, match="a save needs a name"):
            save_path(folder, name)
        return
    path = save_path(folder, name)
    assert path.parent == folder.resolve()
    assert path.name == safe_name(name) + ".yaml"


def test_hostile_names_never_write_outside_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "work" / "saves"
    folder.mkdir(parents=True)
    (tmp_path / "work" / "keep.txt").write_text("untouched")
    before = tree(tmp_path, folder)
    game = finished("mini", 3)
    written = set()
    for name in HOSTILE:
        if not name.strip():
            with pytest.raises(SaveError):  # an empty name is refused, never made up
                save(game, folder, name)
            continue
        path = save(game, folder, name)
        assert path.parent == folder.resolve(), (name, path)
        assert path.is_file()
        assert_same_game(load(path), game)
        written.add(path.name)
    assert tree(tmp_path, folder) == before, "something outside the saves folder changed"
    assert {p.name for p in folder.iterdir()} == written, "temporary files were left behind"
    assert not Path("/abs.yaml").exists() and not Path("/tmp/evil.yaml").exists()


def test_a_symlink_in_the_folder_is_never_followed_outside(tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    folder.mkdir()
    outside = tmp_path / "outside.yaml"
    outside.write_text("precious\n")
    (folder / "evil.yaml").symlink_to(outside)
    before = tree(tmp_path, folder)
    try:
        path = save(finished("mini", 3), folder, "evil")
    except SaveError as exc:
        assert "\n" not in str(exc)
    else:
        assert path.parent == folder.resolve() and not path.is_symlink()
    assert outside.read_text() == "precious\n"
    assert tree(tmp_path, folder) == before


def test_save_writes_exactly_save_text_and_creates_the_folder(tmp_path: Path) -> None:
    game = finished("mini", 3)
    path = save(game, tmp_path / "new" / "folder", "game")
    assert path == (tmp_path / "new" / "folder" / "game.yaml").resolve()
    assert path.read_bytes() == save_text(game).encode("utf-8")
    assert [p.name for p in path.parent.iterdir()] == ["game.yaml"]


def _old_and_new(tmp_path: Path) -> tuple[Path, bytes, str]:
    folder = tmp_path / "saves"
    old = play_on(new_session("mini", 3), 5)
    path = save(old, folder, "game")
    return path, path.read_bytes(), save_text(finished("mini", 3))


@pytest.mark.parametrize("failing", ["replace", "fsync", "fdopen"])
def test_a_failed_write_leaves_the_old_save_intact_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    path, old_bytes, new_text = _old_and_new(tmp_path)
    old_game = load(path)

    def boom(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EIO, "Input/output error (simulated)")

    monkeypatch.setattr(os, failing, boom)
    with pytest.raises(SaveError) as caught:
        write_atomic(path, new_text)
    monkeypatch.undo()
    assert "\n" not in str(caught.value) and str(path.parent) in str(caught.value)
    assert path.read_bytes() == old_bytes
    assert [p.name for p in path.parent.iterdir()] == ["game.yaml"], "a temporary file was left behind"
    assert_same_game(load(path), old_game)


def test_a_failed_replace_through_save_leaves_the_old_save(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, old_bytes, _ = _old_and_new(tmp_path)

    def boom(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device (simulated)")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(SaveError, match="No space left"):
        save(finished("mini", 3), path.parent, "game")
    monkeypatch.undo()
    assert path.read_bytes() == old_bytes
    assert sorted(p.name for p in path.parent.iterdir()) == ["game.yaml"]


# One child loads the two games, then, for each line read, forks a saver that saves them in turn
# over one path until it is killed (the saver tells its pid, then that it has saved once; the child
# then tells how it ended). Each saver is a whole process killed mid-save, as a crashing game is;
# forking it from a child that has already started Python and loaded the 1.5 MB saves, rather than
# starting a fresh interpreter for each of the five kills, takes about 0.8 s of CPU off the test
# (measured 3 December, docs/lab/speed.md, "The test suite's time").
CHILD = """
import os, signal, sys, time
from pathlib import Path
from game.saves import load, save
sources, folder = Path(sys.argv[1]), Path(sys.argv[2])
test = os.getppid()
games = [load(sources / "a.yaml"), load(sources / "b.yaml")]
for _ in sys.stdin:
    sys.stdout.flush()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:
        # the saver says who it is before anything else, so its lines come in order
        print("saver", os.getpid(), flush=True)
        first = True
        while os.getppid() == parent:  # never outlives the child (should the test fail first)
            for game in games:
                save(game, folder, "game")
                if first:
                    print("ready", flush=True)
                    first = False
        os._exit(1)
    # waits for the saver, polling: should the test itself die (killed by a timeout, a worker's
    # crash), nobody else would kill the saver, which would save in a loop for ever (it did)
    while not (ended := os.waitpid(pid, os.WNOHANG))[0]:
        if os.getppid() != test:
            os.kill(pid, signal.SIGKILL)
        time.sleep(0.005)
    status = ended[1]
    print("ended", -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status), flush=True)
"""


def test_a_crash_at_any_instant_leaves_the_old_save_or_the_new_one(tmp_path: Path) -> None:
    """A process saves two large games in turn over one path; it is frozen (SIGSTOP) at many
    random instants and killed (SIGKILL) five times (a new saver each time), and the file is
    whole at every one of them."""
    name, source = "astana-8", scenario_file("astana-8")[1]
    # a large save: the scenario padded with 1.5 MB of comments (the save embeds it whole)
    padded = source + b"".join(b"# padding %05d " % i + b"x" * 90 + b"\n" for i in range(14_000))
    scenario, _ = check_bytes(padded, "padded")
    assert scenario is not None
    sources, folder = tmp_path / "sources", tmp_path / "saves"
    big = play_on(Session.new(scenario, padded, 7, seats_for(scenario), name))
    half = play_on(Session.new(scenario, padded, 7, seats_for(scenario), name), 30)
    expected = {save(big, sources, "a").read_bytes(), save(half, sources, "b").read_bytes()}
    assert min(len(b) for b in expected) > 1_000_000
    target = folder / "game.yaml"
    rng = random.Random(20171221)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # with: the pipes are closed and the child waited for, however the test ends
    with subprocess.Popen(
        [sys.executable, "-c", CHILD, str(sources), str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=ROOT,
        env=env,
    ) as child:
        try:
            assert child.stdin is not None and child.stdout is not None
            for kill in range(5):
                child.stdin.write(b"go\n")
                child.stdin.flush()
                word, pid = child.stdout.readline().split()
                assert word == b"saver"
                saver = int(pid)
                try:
                    assert child.stdout.readline() == b"ready\n"
                    for _ in range(25):
                        time.sleep(rng.uniform(0, 0.01))
                        os.kill(saver, signal.SIGSTOP)
                        try:
                            data = target.read_bytes()
                        finally:
                            os.kill(saver, signal.SIGCONT)
                        assert data in expected, f"a half-written save at kill {kill}: {len(data)} bytes"
                    time.sleep(rng.uniform(0, 0.05))
                finally:
                    # a saver that died by itself (a save that raised) was reaped by the child,
                    # which then says so ("ended 1"): that, not a failed kill, is the test's failure
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(saver, signal.SIGKILL)
                assert child.stdout.readline() == f"ended {-signal.SIGKILL}\n".encode()
                assert target.read_bytes() in expected
                loaded = load(target)
                assert len(loaded.log) in (len(big.log), len(half.log))
                # whatever a crash left behind is hidden and never mistaken for a save
                for leftover in folder.iterdir():
                    assert leftover == target or leftover.name.startswith(".game.yaml."), leftover.name
        finally:
            child.kill()


# (Tests run as root in CI, where a read-only folder does not stop a write; the test below
# makes the folder refuse the file instead.)


def test_a_folder_that_refuses_files_gives_save_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The read-only folder as root sees it: creating the temporary file is refused."""

    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    folder = tmp_path / "saves"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with pytest.raises(SaveError) as caught:
        save(finished("mini", 3), folder, "game")
    assert "Permission denied" in str(caught.value) and "\n" not in str(caught.value)
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("where", ["a file", "under a file"])
def test_a_folder_that_is_a_file_gives_save_error(tmp_path: Path, where: str) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    folder = blocker if where == "a file" else blocker / "saves"
    with pytest.raises(SaveError) as caught:
        save(finished("mini", 3), folder, "game")
    assert "\n" not in str(caught.value)
    assert blocker.read_text() == "not a folder"
    assert [p.name for p in tmp_path.iterdir()] == ["blocker"]


@pytest.mark.parametrize("failing", ["replace", "fsync", "fdopen", "fchmod"])
def test_an_interrupted_write_leaves_the_old_save_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    """A Ctrl+C (or a SIGTERM raised as one) in the middle of a write: the temporary file, left
    behind for good before, is removed, and the interrupt goes on."""
    path, old_bytes, new_text = _old_and_new(tmp_path)

    def ctrl_c(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, failing, ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(path, new_text)
    monkeypatch.undo()
    assert path.read_bytes() == old_bytes
    assert [p.name for p in path.parent.iterdir()] == ["game.yaml"], "a temporary file was left behind"


def test_what_a_dead_writer_left_is_removed_and_a_live_writer_s_file_kept(tmp_path: Path) -> None:
    """After killing workers in the middle of their saves, a command removes their temporary
    files at once (not a minute later), and never one another process is still writing."""
    from game.saves.write import remove_left_by_dead

    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = int(done.stdout)
    left = tmp_path / f".game.yaml.{dead}.abcd1234.tmp"
    live = tmp_path / f".game.yaml.{os.getpid()}.abcd1234.tmp"
    other = tmp_path / f".other.yaml.{dead}.abcd1234.tmp"
    for path in (left, live, other):
        path.write_text("half a save")
    remove_left_by_dead(tmp_path, {"game.yaml"})
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, other.name])


@pytest.mark.parametrize("links", [True, False], ids=["hard links", "no hard links"])
def test_a_new_file_is_never_written_over_one_that_appeared_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, links: bool
) -> None:
    """`new`: the commands that check at their start that a name is free (simulate --save-dir,
    watch --save) replaced a file another process gave that name while they ran. Where the file
    system has no hard links (FAT), the name is looked at again just before the rename."""
    if not links:

        def no_links(*args: object, **kwargs: object) -> None:
            raise PermissionError(errno.EPERM, "Operation not permitted")

        monkeypatch.setattr(os, "link", no_links)
    game = finished("mini", 3)
    written = save(game, tmp_path, "free", new=True)
    assert written.read_bytes() == save_text(game).encode("utf-8")
    taken = tmp_path / "taken.yaml"
    taken.write_text("another process's save")
    with pytest.raises(SaveError) as caught:
        save(game, tmp_path, "taken", new=True)
    assert (
        str(caught.value)
        == f"{taken.resolve()}: a file of that name appeared while this one was being written; it is left as it is"
    )
    assert taken.read_text() == "another process's save"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["free.yaml", "taken.yaml"], "a temporary file was left"
    # a save updated on purpose (ctrl+s over its own name, the autosave) still replaces its file
    save(game, tmp_path, "taken")
    assert taken.read_bytes() == save_text(game).encode("utf-8")
