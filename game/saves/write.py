"""Writing saves: the text of a save, and an atomic write into the saves folder."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import tempfile
import time
from collections.abc import Collection
from pathlib import Path
from typing import Any

import yaml

try:
    import fcntl
except ImportError:  # Windows: stale temporary files are recognised by their age instead
    fcntl = None  # type: ignore[assignment]

from game import __version__
from game.files import LOOP
from game.saves.codec import format_entry
from game.saves.session import Session

FORMAT = 2
_BaseDumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_BaseDumper):  # type: ignore[misc]
    """Multi-line text as a literal block, so the embedded scenario reads as the file it was.
    PyYAML falls back to a quoted string where a block could not hold the text exactly."""


def _text(dumper: Any, value: str) -> Any:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _text)
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


class SaveError(Exception):
    """A save could not be written; the message says why, and nothing was changed."""


def save_text(session: Session, named_save: Path | None = None) -> str:
    """The save of a session. `named_save`: in an autosave, the save the player named that the
    game keeps up to date, so that the game continued from the autosave goes on keeping it."""
    state = session.state
    header: dict[str, Any] = {
        "format": FORMAT,
        "engine": __version__,
        "scenario": {
            "name": session.name,
            "hash": session.scenario.content_hash,
            # the file exactly as it was read, so the save plays even if the file changes later
            "text": session.source.decode("utf-8"),
        },
        "seed": session.seed,
        "seats": dict(session.seats),
        "outcome": {
            "result": state.outcome or "running",
            "reason": state.reason,
            "venues": list(state.venue_outcomes),
            "turns": len(session.log),
            # where the game stands: a round just begun has no move in the log yet (the save
            # browser read the round of the last move, and listed a game saved at the start of
            # round 2 as in round 1)
            "round": state.round,
        },
    }
    if named_save is not None:
        header["named_save"] = str(named_save)
    body = yaml.dump(header, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    # A text ending in blank lines is kept with a "|+" block, after which PyYAML closes the
    # document with "..."; the log follows in the same document, so the marker must go.
    body = body.removesuffix("...\n")
    lines = [
        "# A Peace Talks saved game: the scenario, the seed, and every action with the hash of the",
        "# state after it. `peacetalks replay FILE --verify` checks every hash.",
        body.rstrip("\n"),
        *_reasons(session.reasons),
        "log:" if session.log else "log: []",
    ]
    # json-compatible double quotes are valid YAML and need no escaping for these characters
    lines.extend(f'  - "{format_entry(e)}"' for e in session.log)
    return "\n".join(lines) + "\n"


def _reasons(reasons: dict[int, str]) -> list[str]:
    """What the AI seats said of their answers, walk-outs, boycotts and statements, by turn (the
    replay and a continued game show them again: the log holds the moves, not the words), the
    last key before the log. A reason of printable ASCII without a quote or backslash, as our
    agents' are, is written `  TURN: "TEXT"`, which a long save's reader takes without the YAML
    library (game.saves.logread); any other is written as PyYAML writes it."""
    if not reasons:
        return []
    lines = ["reasons:"]
    for turn, text in sorted(reasons.items()):
        if text.isascii() and text.isprintable() and '"' not in text and "\\" not in text:
            lines.append(f'  {turn}: "{text}"')
        else:
            # a mapping's document never ends in "...": the text's own dots stay
            item = yaml.dump({turn: text}, Dumper=_Dumper, allow_unicode=True, width=100)
            lines.extend("  " + line for line in item.rstrip("\n").split("\n"))
    return lines


def safe_name(name: str) -> str:
    """A file name made only of letters, digits, '-' and '_' (at most 64 of them). Where the
    name loses more than spaces and punctuation (letters outside ASCII, or a name too long), a
    short hash of it keeps different names apart: 'été' and 'ete' do not overwrite each other."""
    cleaned = _UNSAFE.sub("-", name).strip("-_")
    if cleaned and name.isascii() and len(cleaned) <= 64:
        return cleaned
    tag = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{cleaned[:55].strip('-_')}-{tag}" if cleaned else f"save-{tag}"


_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")
# names Windows keeps for devices: a file called so cannot be made or opened there
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{k}" for k in range(10)), *(f"lpt{k}" for k in range(10))}
NAME_RULE = "letters A-Z and a-z, digits, '-' and '_', at most 64"


def name_problem(name: str) -> str | None:
    """Why `name` cannot be a save's name as typed (None when it can): a player's name is used
    as it is or refused with a reason, never quietly changed into another file's name."""
    if not name.strip():
        return "a save needs a name"
    bad = sorted({c for c in name if not _NAME.fullmatch(c)})
    if bad:
        shown = ", ".join("a space" if c == " " else repr(c) for c in bad[:5])
        return f"a save's name uses only {NAME_RULE} (not {shown})"
    if len(name) > 64:
        return f"a save's name is at most 64 characters (this one has {len(name)})"
    if name[0] in "-_" or name[-1] in "-_":
        # the file name drops them (a leading '-' reads as an option on a command line)
        return "a save's name starts and ends with a letter or a digit"
    if name.lower() in _RESERVED:
        return f"{name!r} is a device name on Windows: choose another"
    return None


def save_path(folder: Path, name: str) -> Path:
    """The path of a named save inside `folder`; never anywhere else."""
    if not name.strip():
        raise SaveError("a save needs a name: an empty one would be saved under a made-up name")
    where = folder / f"{safe_name(name)}.yaml"
    try:
        path = where.resolve()
        home = folder.resolve()
    except RuntimeError:  # Python 3.11's resolve() on a symbolic link that leads to itself
        raise SaveError(f"{where}: {LOOP}; remove it or choose another name") from None
    if path.parent != home:
        raise SaveError(f"{name!r} would not be saved inside {folder}")
    return path


def write_atomic(path: Path, text: str, new: bool = False) -> None:
    """Write so that a crash at any instant leaves the old file or the new one, never half.

    The text goes to a temporary file in the same folder, is flushed and fsynced, then renamed
    over the target (atomic on POSIX), and the folder is fsynced so the rename itself survives.
    With `new`, a file that is not to replace any: a command checks at its start that the name
    is free, but another process may take it while it runs (two `simulate --save-dir` into one
    folder gave five saves for ten games, their seeds mixed). The temporary file is then linked
    to its name, which fails where the name exists (SaveError, the file left as it is), never
    renamed over it.
    Whatever stops the write (an error, a Ctrl+C, a SIGTERM raised as one) removes the temporary
    file: one left behind stayed for good, hidden in the folder.
    """
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _clean_stale(folder, path.name)
        # the writer's process id in the name: a command whose workers were killed in the middle
        # of a write finds what they left (remove_left_by_dead)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=_TMP, dir=folder)
    except OSError as exc:
        if exc.errno == errno.ENOENT and folder.is_dir():  # /proc: the folder is there, and takes no new file
            raise SaveError(f"{folder}: cannot write there: the system lets no new file be made in it") from None
        raise SaveError(f"{folder}: cannot write there: {exc.strerror or exc}") from None
    handle = None
    try:
        # held until the file is renamed or closed: the lock tells a later writer that this
        # temporary file is still being written, not left behind by a killed process
        _lock(fd)
        # mkstemp makes the file private (0600); a save is an ordinary file, as the umask says
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        handle = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        with handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if new:
            _publish_new(tmp, path)
        else:
            os.replace(tmp, path)
        tmp = ""  # published: nothing of this write is left to remove
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except BaseException as exc:  # KeyboardInterrupt included: the file is removed all the same
        if handle is None:
            with contextlib.suppress(OSError):
                os.close(fd)
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        if isinstance(exc, OSError):
            raise SaveError(f"{path}: cannot write: {exc.strerror or exc}") from None
        raise


def _publish_new(tmp: str, path: Path) -> None:
    """Give the written temporary file `path` as its name, unless a file has that name."""
    try:
        os.link(tmp, path)  # atomic, and refused where the name exists, a link leading nowhere included
    except FileExistsError:
        raise SaveError(_appeared(path)) from None
    except OSError:
        # a file system without hard links (FAT, exFAT, some network shares): the name is looked
        # at once more and the file renamed to it, the instant between the two the only one left
        # open to another process (an error of the rename is said as any write's)
        if os.path.lexists(path):
            raise SaveError(_appeared(path)) from None
        os.replace(tmp, path)
        return
    with contextlib.suppress(OSError):  # the save is written: a stale temporary name is cleaned later
        os.unlink(tmp)


def _appeared(path: Path) -> str:
    return f"{path}: a file of that name appeared while this one was being written; it is left as it is"


_TMP = ".tmp"


def _lock(fd: int, wait: bool = True) -> bool:
    """An exclusive lock on an open file; False if another process holds it (never waits then)."""
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


def _clean_stale(folder: Path, name: str) -> None:
    """Remove the temporary files of earlier writes of `name` whose writer died (killed between
    creating and renaming them): a minute old and nobody holds their lock (the minute covers the
    instant between a writer creating its file and locking it). Where locks are not available,
    those older than an hour."""
    prefix = f".{name}."
    try:
        entries = [e for e in os.scandir(folder) if e.name.startswith(prefix) and e.name.endswith(_TMP)]
    except OSError:
        return
    now = time.time()
    for entry in entries:
        with contextlib.suppress(OSError):
            age = now - entry.stat(follow_symlinks=False).st_mtime
            if age < 60 or (fcntl is None and age < 3600):
                continue
            _remove_unlocked(entry.path)


def remove_left_by_dead(folder: Path, names: Collection[str]) -> None:
    """Remove the temporary files of writes of `names` (file names in `folder`) whose writer
    has died: its process is gone and nobody holds the file's lock. For a command whose worker
    processes it has just killed, some of them in the middle of a save (`simulate --save-dir
    --jobs 2` stopped by Ctrl+C): what they left would otherwise stay until a later write of the
    same name, a minute on, finds it stale. A live writer's file (another command saving there)
    is never touched: its process is running. Only where process ids can be asked (POSIX)."""
    if os.name != "posix" or not names:
        return
    try:
        entries = [e for e in os.scandir(folder) if e.name.startswith(".") and e.name.endswith(_TMP)]
    except OSError:
        return
    for entry in entries:
        # .NAME.PID.RANDOM.tmp, as write_atomic names it
        parts = entry.name[1 : -len(_TMP)].rsplit(".", 2)
        if len(parts) != 3 or parts[0] not in names or not parts[1].isdigit() or _running(int(parts[1])):
            continue
        with contextlib.suppress(OSError):
            _remove_unlocked(entry.path)


def _remove_unlocked(path: str) -> None:
    """Remove a temporary file nobody holds the lock of (where locks exist; else remove it)."""
    if fcntl is None:
        os.unlink(path)
        return
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        if _lock(fd, wait=False):
            os.unlink(path)
    finally:
        os.close(fd)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # no signal sent: only whether the process exists
    except ProcessLookupError:
        return False
    except OSError:  # another user's: running
        return True
    return True


def save(session: Session, folder: Path, name: str, new: bool = False) -> Path:
    """Save a session as NAME.yaml in the folder, atomically; returns the path written. With
    `new`, never over a file of that name (write_atomic)."""
    path = save_path(folder, name)
    write_atomic(path, save_text(session), new)
    return path
