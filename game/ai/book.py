"""The rehearsal's choices for the bundled scenarios, worked out ahead (game/ai/book.json).

The hard agent's rehearsal (game.ai.rehearsal) is a function of what a scenario says, the seat
and the code of the agents and the rules alone. For the bundled scenarios it is the same every
time, and it costs seconds of CPU a seat (21 s for the six signatory seats of astana-to-sochi),
so it is worked out once, like a chess engine's opening book, and shipped: a hard seat at a
bundled table starts at once, in the game, in `simulate` and in every test that plays one.

An entry is found by the sha256 of what the scenario is played by (game.engine.hashing.play_text:
a comment added to the file, or an event's text reworded, still finds it; one number changed does
not), and the book counts
only for the code it was written with: it carries the fingerprint of the sources the rehearsal
runs (SOURCES; line endings aside, so a Windows checkout finds it), and a process whose sources
differ (a developer's edit, a stray file) ignores the whole book and rehearses, so a stale book
never chooses. `python -m game.sim.book`
writes it again; tests/ai/test_book.py fails until it is current and checks its entries against
the rehearsal itself.
"""

from __future__ import annotations

import hashlib
import json
import threading
from pathlib import Path
from typing import Any

from game.engine.hashing import play_text
from game.engine.model import Scenario

BOOK = Path(__file__).with_name("book.json")
KIND = "hard"  # the level whose rehearsals the book holds (game.ai.rehearsal.STYLES)
# What the rehearsal's choice depends on, under the game package: game.ai.rehearsal imports these
# and nothing else of the game, at the top of a module or inside a function (tests/ai/test_book.py
# checks it on the graph of the game's imports)
SOURCES = ("ai", "engine", "files.py", "interrupts.py", "safetext.py", "stats.py")

_lock = threading.Lock()  # the interface looks seats up from a worker thread
_loaded: dict[str, dict[str, str]] | None = None  # per scenario text's hash: per seat's id, its style
_hashes: dict[int, tuple[Scenario, str]] = {}  # per scenario object, the hash of its text


def fingerprint(root: Path | None = None) -> str:
    """The sha256 of the sources the rehearsal runs: each file's path under the package, then
    its bytes (line endings as written in the repository), in path order."""
    base = root if root is not None else Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in _source_files(base):
        digest.update(path.relative_to(base).as_posix().encode() + b"\0")
        digest.update(path.read_bytes().replace(b"\r\n", b"\n") + b"\0")
    return digest.hexdigest()


def _source_files(base: Path) -> list[Path]:
    found: list[Path] = []
    for name in SOURCES:
        where = base / name
        if where.is_dir():
            # an editor's hidden files (a lock named .#x.py) are no source of the rehearsal
            found.extend(path for path in where.rglob("*.py") if not path.name.startswith("."))
        else:
            found.append(where)
    return sorted(found, key=lambda p: p.relative_to(base).as_posix())


def text_hash(scenario: Scenario) -> str:
    """The sha256 of what the scenario is played by, by which the book knows it."""
    return hashlib.sha256(play_text(scenario).encode()).hexdigest()


def entries(data: Any, code: str) -> dict[str, dict[str, str]] | None:
    """The book's entries (per scenario text's hash, per seat id, the style's name) if `data`
    is a book of KIND's rehearsals written for the code of this fingerprint; None for any other
    data (JSON of any shape)."""
    if not isinstance(data, dict) or (data.get("fingerprint"), data.get("kind")) != (code, KIND):
        return None
    if not isinstance(data.get("scenarios"), dict):
        return None
    found: dict[str, dict[str, str]] = {}
    for key, entry in data["scenarios"].items():
        styles = entry.get("styles") if isinstance(entry, dict) else None
        if isinstance(styles, dict) and all(isinstance(v, str) for v in styles.values()):
            found[key] = dict(styles)
    return found


def _book() -> dict[str, dict[str, str]]:
    global _loaded
    if _loaded is None:
        try:
            _loaded = entries(json.loads(BOOK.read_text(encoding="utf-8")), fingerprint()) or {}
        except (OSError, ValueError):
            _loaded = {}  # no book (a build without it): every seat rehearses
    return _loaded


def booked(scenario: Scenario, seat: int, kind: str) -> str | None:
    """The name of the style the book holds for this seat of this scenario, if it holds one."""
    if kind != KIND:
        return None
    with _lock:
        book = _book()
        if not book:
            return None
        known = _hashes.get(id(scenario))
        if known is None or known[0] is not scenario:
            if len(_hashes) >= 64:  # bounded: a process meets a few scenarios
                _hashes.clear()
            known = _hashes[id(scenario)] = (scenario, text_hash(scenario))
        return book.get(known[1], {}).get(scenario.delegations[seat].id)
