"""What an outside agent draws from Python's and numpy's global generators, which the game's seed
does not fix (game.ai.agent refuses such a draw): where they stood before its code ran, and the
draws an installed library makes as it first loads, which are the library's, not the agent's."""

from __future__ import annotations

import builtins
import contextlib
import random
import site
import sys
import sysconfig
import threading
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from types import ModuleType


def numpy_state() -> tuple[object, ...] | None:
    """Where numpy's global (legacy) generator stands, if numpy is loaded; None if it is not."""
    numpy = sys.modules.get("numpy")
    if numpy is None:
        return None
    state = numpy.random.get_state(legacy=False)
    inner = state["state"]
    return (inner["pos"], inner["key"].tobytes(), state["has_gauss"], state["gauss"])


DREW = "{which} global random generator; an agent draws only from the rng it is given, so that a game replays from its seed"


class Draws:
    """Where Python's and numpy's global generators stood before an agent's code ran (its import,
    its constructor or its choose): the game itself never draws from them, so a change is the
    agent's draw."""

    def __init__(self) -> None:
        self.python = random.getstate()
        self.numpy = numpy_state()

    def which(self) -> str | None:
        """Whose generator the agent drew from since ("Python's", "numpy's"), or None."""
        if random.getstate() != self.python:
            return "Python's"
        # numpy imported by the agent itself has no state before the call to compare with
        if self.numpy is not None and numpy_state() != self.numpy:
            return "numpy's"
        return None


_HOOK = threading.RLock()  # held while an agent loads with the import hook in place


def _library_roots() -> tuple[Path, ...]:
    """Where the Python installation keeps its own modules and the libraries installed in it."""
    paths = sysconfig.get_paths()
    found = [paths.get(key) for key in ("stdlib", "platstdlib", "purelib", "platlib")]
    found.append(site.getusersitepackages() if site.ENABLE_USER_SITE else None)
    return tuple({Path(p).resolve() for p in found if p})


def _installed(name: str, own: str) -> bool:
    """Whether module `name` is a library of the installation, not the agent's own code (`own`:
    its package, for an agent named module:NAME)."""
    if own and (name == own or name.startswith(own + ".")):
        return False
    module = sys.modules.get(name)
    origin = getattr(getattr(module, "__spec__", None), "origin", None)
    if not origin or origin in ("built-in", "frozen"):
        return module is not None  # built into Python, or a namespace package (its modules are checked)
    path = Path(origin).resolve()
    return any(path.is_relative_to(root) for root in _library_roots())


@contextlib.contextmanager
def libraries_may_draw(drawn: Draws, own: str = "") -> Iterator[None]:
    """A draw from Python's generator made while a library of the installation first loads is the
    library's, not the agent's: rich draws one as it is imported, and an agent that imported it
    to log was refused as drawing itself. Each `import` the agent's code runs (the statement,
    through builtins.__import__) is watched: if it loaded only installed modules and the
    generator moved meanwhile, from where the agent had left it, that move is forgiven. A draw of
    the agent's own, or of a helper module of its own, is still seen."""
    loader = threading.get_ident()

    def importing(
        name: str,
        globals: Mapping[str, object] | None = None,
        locals: Mapping[str, object] | None = None,
        fromlist: Sequence[str] | None = (),
        level: int = 0,
    ) -> ModuleType:
        if threading.get_ident() != loader:  # another thread's import is not the agent's to judge
            return original(name, globals, locals, fromlist, level)
        before, known = random.getstate(), set(sys.modules)
        module = original(name, globals, locals, fromlist, level)
        if before == drawn.python and random.getstate() != before:
            new = set(sys.modules) - known
            if new and all(_installed(n, own) for n in new):
                drawn.python = random.getstate()
        return module

    # one load at a time puts the hook in place and takes it away, so that two threads loading
    # agents at once cannot leave one's hook in place for good (the second would restore the first's)
    with _HOOK:
        original = builtins.__import__
        builtins.__import__ = importing
        try:
            yield
        finally:
            builtins.__import__ = original
