"""An outside agent's failure, and where in its own code it happened.

`failed` turns an exception an agent's code raised into an `AgentError` of one line that says
where in that code (the innermost frame in the agent's own files: `mine.py:12 in choose`), with
the traceback from the agent's first frame as its `detail`. Kept apart from game.ai.agent, which
loads, makes and guards agents, since finding the agent's own files and frames is a task of its
own.
"""

from __future__ import annotations

import contextlib
import importlib.util
import inspect
import sys
import traceback
from pathlib import Path
from typing import TypeVar


class AgentError(Exception):
    """An agent failed: it did not load, raised, returned the wrong type or a move the rules
    refuse. The message is one line naming what went wrong; where the agent's code raised, it
    says where in that code, and `detail` holds the whole traceback from the agent's first frame
    (the command prints it with PEACETALKS_TRACEBACK=1; it travels with the error from a worker
    process, as an attribute does when an exception is pickled)."""

    detail: str = ""


class AgentLoadError(AgentError):
    pass


_E = TypeVar("_E", bound=AgentError)


def failed(kind: type[_E], said: str, exc: BaseException, spec: str, obj: object = None) -> _E:
    """The error for an exception the agent's code raised: `said`, the exception in one line and
    where in the agent's own code it was raised (the innermost frame there: `mine.py:12 in
    choose`), with the traceback from the agent's first frame as its `detail`."""
    own = _own_code(spec, obj)
    frames = list(traceback.walk_tb(exc.__traceback__))
    mine = [k for k, (frame, _) in enumerate(frames) if _is_own(frame.f_code.co_filename, own)]
    place = ""
    if mine:
        frame, line = frames[mine[-1]]
        name = frame.f_code.co_name
        place = f", at {_shown(frame.f_code.co_filename, spec)}:{line}" + (
            "" if name.startswith("<") else f" in {name}"
        )
    error = kind(f"{said} {_one_line(exc)}{place}")
    # the traceback from the agent's own first frame (the game's frames above it, and import's
    # machinery while a file loads, are not the agent's to read); from the next frame where none is
    tb = exc.__traceback__
    skip = mine[0] if mine else 1
    for _ in range(skip):
        tb = tb.tb_next if tb is not None else None
    with contextlib.suppress(Exception):  # an exception that cannot even say what it is (_one_line)
        error.detail = "".join(traceback.format_exception(type(exc), exc, tb))
    return error


def _own_code(spec: str, obj: object = None) -> tuple[tuple[Path, bool], ...]:
    """Where the agent's own code is, each place with whether it is a folder: the file PATH.py,
    or the package's folder (the module's file) of module:NAME, and the file that defines `obj`
    (its chooser, or its class), where that is elsewhere (a function imported from a helper)."""
    places: list[Path] = []
    path = spec.rpartition(":")[0]
    if path.endswith(".py"):
        places.append(Path(path))
    elif path:
        top = path.partition(".")[0]
        with contextlib.suppress(Exception):  # a module that did not import may not be found either
            found = importlib.util.find_spec(top)
            if found is not None and found.submodule_search_locations:
                places.extend(Path(p) for p in found.submodule_search_locations)
            elif found is not None and found.origin:
                places.append(Path(found.origin))
    code = getattr(getattr(obj, "__func__", obj), "__code__", None)
    if code is not None:
        places.append(Path(code.co_filename))
    elif inspect.isclass(obj):
        defined = getattr(sys.modules.get(obj.__module__), "__file__", None)
        if defined:
            places.append(Path(defined))
    return tuple((_resolved(p), p.is_dir()) for p in places)


def _is_own(filename: str, own: tuple[tuple[Path, bool], ...]) -> bool:
    file = _resolved(Path(filename))
    return any(file == place or (folder and place in file.parents) for place, folder in own)


def _shown(filename: str, spec: str) -> str:
    """A file of the agent's as the user knows it: the spec's own PATH.py as given, another
    beneath the current folder relative to it, any other in full."""
    given = spec.rpartition(":")[0]
    file = _resolved(Path(filename))
    if given.endswith(".py") and _resolved(Path(given)) == file:
        return given
    with contextlib.suppress(ValueError):
        return str(file.relative_to(Path.cwd()))
    return str(file)


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a name the system will not resolve: compared as written
        return path.absolute()


def _one_line(exc: BaseException) -> str:
    try:
        text = " ".join(str(exc).split())
    except Exception:  # an outside agent's exception may fail even to say what it is
        text = "(its message could not be read)"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
