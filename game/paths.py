"""Where the game keeps its own files: the platform's user data folder.

One place for everything the game writes on its own account (the autosaves, the record of
results), so "Continue" finds the last game from whatever folder the game is started in, and
two games never write over each other's autosave. The folder is platformdirs' user data folder
(`~/.local/share/peacetalks` on Linux, or `$XDG_DATA_HOME/peacetalks`; `~/Library/Application
Support/peacetalks` on macOS; `%LOCALAPPDATA%\\peacetalks` on Windows), or the folder named by
the environment variable PEACETALKS_DATA_DIR, which the test suite sets so no test ever touches
the real home folder.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import time
from pathlib import Path

import platformdirs

DATA_DIR_ENV = "PEACETALKS_DATA_DIR"
APP_NAME = "peacetalks"
AUTOSAVES = "autosaves"
KEEP_AUTOSAVES = 20  # older autosaves are removed when a new game starts: the folder stays small
_SUFFIX = ".yaml"
# an autosave's name, as new_autosave writes it: the scenario's stem, the time, a random tag
_AUTOSAVE_NAME = re.compile(r"[A-Za-z0-9_-]{1,40}-\d{8}-\d{6}-[0-9a-f]{6}\.yaml")


def user_data_dir() -> Path:
    """The game's own folder (not created here: writers create it when they first write)."""
    override = os.environ.get(DATA_DIR_ENV, "")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def autosave_dir() -> Path:
    return user_data_dir() / AUTOSAVES


def new_autosave(name: str) -> Path:
    """A fresh autosave path for a new game of the scenario `name`: its own file, named by the
    scenario, the time it started and a random tag (two games started in the same second still
    differ). Removes all but the newest KEEP_AUTOSAVES - 1 autosaves, so with this one there are
    at most KEEP_AUTOSAVES (files named otherwise are never removed)."""
    folder = autosave_dir()
    # only files named as this function names them: a save or a note a user put in the folder is
    # theirs (an outside tester lost one: every .yaml there was counted and the oldest deleted)
    for old in [path for path in autosaves() if _AUTOSAVE_NAME.fullmatch(path.name)][KEEP_AUTOSAVES - 1 :]:
        with contextlib.suppress(OSError):
            old.unlink()
    stem = "".join(c if c.isascii() and (c.isalnum() or c in "-_") else "-" for c in name)[:40].strip("-_")
    stamp = time.strftime("%Y%m%d-%H%M%S")
    return folder / f"{stem or 'game'}-{stamp}-{secrets.token_hex(3)}{_SUFFIX}"


def autosaves() -> list[Path]:
    """Every autosave, the most recently written first."""
    folder = autosave_dir()
    found: list[tuple[float, Path]] = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.startswith(".") or not entry.name.endswith(_SUFFIX):
                continue
            with contextlib.suppress(OSError):
                if entry.is_file(follow_symlinks=False):
                    found.append((entry.stat(follow_symlinks=False).st_mtime, Path(entry.path)))
    found.sort(key=lambda item: (item[0], item[1].name), reverse=True)
    return [path for _, path in found]


def latest_autosave() -> Path | None:
    """The autosave written last, or None (the title's "Continue" takes the last of a game still
    in progress: game.ui.screens.title.running_autosave)."""
    found = autosaves()
    return found[0] if found else None


def is_autosave(path: Path) -> bool:
    """Whether `path` is one of the autosaves (a game loaded from one keeps saving to it)."""
    try:
        return path.resolve().parent == autosave_dir().resolve()
    except OSError:
        return False
