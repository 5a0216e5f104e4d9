"""Watching a scenario file while its author edits it: what changed, and whether it still loads.

Polled rather than notified: a poll of one file's size and modification time costs microseconds,
needs no dependency, and behaves the same on every system and filesystem (editors that save by
writing a new file and renaming it over the old one included).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from game.engine.model import Scenario
from game.files import read_limited
from game.scenario.diagnostics import Diagnostic
from game.scenario.load import check_file
from game.scenario.yamlread import MAX_BYTES


@dataclass(frozen=True)
class Reload:
    """The file as it now reads: the scenario if it loads, and every diagnostic either way."""

    scenario: Scenario | None
    diagnostics: tuple[Diagnostic, ...]

    @property
    def ok(self) -> bool:
        return self.scenario is not None

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity == "error")


class ScenarioWatch:
    """Remembers what a scenario file looked like; `poll()` tells when it has changed."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._seen = self._stamp()
        self._digest = self._hash()

    def _stamp(self) -> tuple[int, int] | None:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return None  # gone for now (an editor between writing and renaming): wait for it
        except OSError as exc:
            return -1, exc.errno or 0  # a loop of links, say: a change, which the load names
        return stat.st_mtime_ns, stat.st_size

    def _hash(self) -> str | None:
        try:
            return hashlib.sha256(read_limited(self.path, MAX_BYTES)).hexdigest()
        except FileNotFoundError:  # gone for now
            return None
        except OSError as exc:
            # a folder, a FIFO or a loop where the file was: a change, which the load names (a
            # tester's panel kept the file's last error, about something else, for good)
            return f"unreadable: {type(exc).__name__} {exc.errno}"

    def load(self) -> Reload:
        """Check the file as it is now."""
        scenario, diagnostics = check_file(self.path)
        return Reload(scenario, tuple(diagnostics))

    def poll(self) -> Reload | None:
        """The file reloaded if its content changed since the last poll, else None."""
        stamp = self._stamp()
        if stamp is None or stamp == self._seen:
            return None
        self._seen = stamp
        digest = self._hash()
        if digest is None or digest == self._digest:
            return None  # touched, not changed: nothing to reload
        self._digest = digest
        return self.load()
