"""The agent protocol: what plays a seat, and how an agent from outside the game is brought in.

An agent is given, on each of its turns, two things and nothing else:

- `view`: a `game.engine.View`, what its delegation can see (its own preferences in full, of
  the others only what is public), never the game state;
- `rng`: a `game.engine.rng.Rng`, a generator seeded from the game's seed and the turn, its
  only source of randomness (so a game replays exactly from its seed).

It returns a `Decision`: the action it takes (one of `game.engine.actions`, by scenario ids)
and a one-line reason in words, which the transcript shows.

In Python, an agent is any of:

- a function `choose(view, rng) -> Decision`;
- an object with such a `choose` method;
- a class with such a method, made afresh for each game: its constructor is given the
  `Scenario` being played (the scenario file as written: central values, never another side's
  draw) where it asks for it, by place to a first parameter without a default, by name to a
  parameter named `scenario`; otherwise it is made with nothing, its defaults as written
  (`_asks_for_scenario`).

`load_agent("PATH.py:NAME")` or `load_agent("package.module:NAME")` finds one, and
`seated_agent` makes one for a seat of a game. Errors an agent makes while playing, or while a
class of it is made for a game, are caught by `Guarded` and `seated_agent`, which turn them into
an `AgentError` naming the seat and the game's seed: the game stops cleanly, before the failed
move, and nothing half-done is saved.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import inspect
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar, runtime_checkable

from game.ai import timing
from game.ai.agent_errors import AgentError as AgentError  # re-exported: the commands name it from here
from game.ai.agent_errors import AgentLoadError as AgentLoadError
from game.ai.agent_errors import failed
from game.ai.confine import copies_end_here, nothing_on_stdin, own_copy, reraise_ctrl_c, to_stderr
from game.ai.draws import DREW, Draws, libraries_may_draw
from game.ai.reading import Decision
from game.engine import actions as A
from game.engine.model import Scenario
from game.engine.rng import Rng
from game.engine.view import View
from game.files import NOT_REGULAR, why
from game.safetext import escape_controls

Chooser = Callable[[View, Rng], Decision]
_T = TypeVar("_T")
_ACTIONS = tuple(A.ACTION_TYPES.values())


@runtime_checkable
class Agent(Protocol):
    """What plays a seat: on its turn, a view and a seeded generator in, a decision out."""

    def choose(self, view: View, rng: Rng) -> Decision: ...


def is_agent_spec(kind: str) -> bool:
    """Whether a seat's kind names an outside agent (`PATH.py:NAME` or `module:NAME`)."""
    return ":" in kind


def load_agent(spec: str, scenario: Scenario | None = None, where: str = "") -> Chooser:
    """The chooser an outside agent spec names; AgentLoadError with the reason if there is none.
    `where` names the seat and the game it is made for (see seated_agent), for the error of a
    class whose constructor fails there."""
    return as_chooser(find_agent(spec), scenario, spec, where)


def find_agent(spec: str) -> Any:
    """What an outside agent spec names (a function, an object or a class, not yet made), its
    file or module loaded; AgentLoadError with the reason if there is none. Alone, it is the
    check that needs no scenario (`play FILE --watch` before the file loads)."""
    path, _, name = spec.rpartition(":")
    if not path or not name:
        raise AgentLoadError(f"{spec!r}: an agent is named PATH.py:NAME or module:NAME")
    if path.endswith(".py"):
        module = _module_from_file(spec, Path(path))
    elif not all(part.isidentifier() for part in path.split(".")):
        # a path (`p/fifo:choose`) is no module name: importing it said "ModuleNotFoundError: No
        # module named 'p/fifo'", which named neither mistake
        raise AgentLoadError(f"{spec}: {_neither_file_nor_module(path)}")
    else:
        known, drawn = set(sys.modules), Draws()
        try:
            with (
                copies_end_here(),
                nothing_on_stdin(),
                to_stderr(),
                libraries_may_draw(drawn, own=path.partition(".")[0]),
            ):
                module = importlib.import_module(path)
        except BaseException as exc:  # any failure to import is the agent's, reported in one line
            reraise_ctrl_c(exc)
            error = failed(AgentLoadError, f"{spec}: cannot import {path}:", exc, spec)
            file = Path(*path.split(".")).with_suffix(".py")
            missing = exc.name if isinstance(exc, ModuleNotFoundError) else None
            if missing and (path == missing or path.startswith(f"{missing}.")) and file.is_file():
                # the file is at hand, but a module is imported only from Python's path (which
                # holds the current folder under `python -m game`, not under `peacetalks`)
                hinted = AgentLoadError(f"{error}; the file {file} here is given by its path: {file}:{name}")
                hinted.detail, error = error.detail, hinted
            raise error from None
        _drew_while_loading(spec, path, drawn, known)
    if not hasattr(module, name):
        raise AgentLoadError(f"{spec}: {path} has no {name!r}")
    return getattr(module, name)


def seated_agent(spec: str, scenario: Scenario, seat: str, seed: int) -> Guarded:
    """The outside agent `spec` names, made for one game (a class afresh) and guarded: whatever
    fails, its constructor included, raises AgentError naming the seat, the agent and the seed.
    It may take the seconds of the move limit open as it is made (game.ai.timing) over each move."""
    guarded = Guarded(load_agent(spec, scenario, _where(seat, seed, spec)), seat, seed, spec)
    guarded.limit = timing.current()
    return guarded


def as_chooser(obj: Any, scenario: Scenario | None = None, label: str = "agent", where: str = "") -> Chooser:
    """A chooser from a function, an agent object or an agent class (see the module's notes).
    An error in a class's constructor is named by `where` (the seat and the game's seed) when
    it is made for a game, by `label` (the spec) when it is only tried."""
    if inspect.isclass(obj):
        cls: Any = obj
        # made for a game: "the agent in seat S (SPEC; game seed N), as it was created, raised ..."
        named = f"{where}, as it was created," if where else f"{label}: creating the agent"
        drawn = Draws()
        try:
            asks = _asks_for_scenario(inspect.signature(cls))
            # its own code: the whole package its class comes from (a helper beside it is its own)
            own = str(getattr(cls, "__module__", "")).partition(".")[0]
            with copies_end_here(), nothing_on_stdin(), to_stderr(), libraries_may_draw(drawn, own=own):
                # its own copy of the scenario, as of the view on each turn (see own_copy)
                if asks == "by place":
                    obj = cls(own_copy(scenario))
                elif asks == "by name":
                    obj = cls(scenario=own_copy(scenario))
                else:
                    obj = cls()
        except BaseException as exc:  # the agent's constructor failed; say so in one line
            reraise_ctrl_c(exc)
            said = f"{named} {'raised' if where else 'failed:'}"
            raise failed(AgentLoadError, said, exc, label, cls) from None
        which = drawn.which()
        if which is not None:
            # a draw the game's seed does not fix: the same seed would give another game
            raise AgentLoadError(f"{named} drew from {DREW.format(which=which)}")
    method = getattr(obj, "choose", None)
    found: Any = method if callable(method) else obj
    if not callable(found):
        raise AgentLoadError(
            f"{label}: not an agent (a function choose(view, rng), or a class or an object with a choose method)"
        )
    if inspect.iscoroutinefunction(found) or inspect.isasyncgenfunction(found):
        # nothing would ever run it: the game calls choose and reads its answer at once
        raise AgentLoadError(f"{where or label}: {_ASYNC}")
    chooser: Chooser = found
    return chooser


def _asks_for_scenario(signature: inspect.Signature) -> str:
    """How an agent class's constructor is given the Scenario: "by place" where its first
    parameter has no default (`__init__(self, scenario)`, under any name: it cannot be made
    without it), "by name" where a parameter is named `scenario` (`__init__(self, e=0.2, *,
    scenario=None)`), and "" otherwise: made with nothing. A parameter with a default is the
    agent's own setting, not a place for the scenario: `__init__(self, e=0.2)` was given the
    scenario in `e`, without a word, and `__init__(self, *, scenario=None)` was made without the
    scenario it named."""
    params = list(signature.parameters.values())
    positional = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    first = params[0] if params else None
    if first is not None and first.kind in positional and (first.default is first.empty or first.name == "scenario"):
        return "by place"
    by_name = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
    if any(p.name == "scenario" and p.kind in by_name for p in params):
        return "by name"
    return ""


_ASYNC = "choose is an async function (async def): it must be a plain function that returns a Decision"


class Guarded:
    """An outside agent's chooser, guarded: any failure of it raises AgentError naming the seat
    and the game's seed.

    It checks what the agent returned: a Decision whose action is one of the engine's actions,
    taken by this seat, with a reason in text. Whether the rules allow the move is the driver's
    to check (the engine refuses it before anything changes); it reports a refusal with
    `illegal`, since an outside agent's refused move is an error to report, where a built-in
    agent's is a bug that passes.
    """

    def __init__(self, chooser: Chooser, seat: str, seed: int, spec: str = "") -> None:
        self.chooser = chooser
        self.seat = seat
        self.seed = seed
        self.spec = spec
        self.moment = ""  # the round and turn of its last call, which its errors name
        self.limit: float | None = None  # the seconds it may take over one move (move_limit)
        # what it prints goes to stderr (see to_stderr); the interface, which captures both
        # streams itself (and writes what it captured on stderr once it closes:
        # game.ui.app.Printed), calls it in a thread of its own, where swapping the process's
        # stdout could outlive the interface (a thread that returns after it has quit would put
        # back the interface's closed capture as stdout)
        self.redirect = True

    def __call__(self, view: View, rng: Rng) -> Decision:
        self.moment = _moment(view)
        where = _where(self.seat, self.seed, self.spec, self.moment)
        # the game itself never touches Python's global generator, so a change to its state
        # across the call is the agent's: a draw the game's seed does not fix, so no replay
        drawn = Draws()
        mine = own_copy(view)  # the game's time, not the agent's
        started = time.monotonic()
        try:
            timed = timing.timed(
                self.limit,
                lambda: self._over_time(where, stopped=False),
                lambda: self._over_time(where, stopped=False, stuck=True),
            )
            with to_stderr() if self.redirect else contextlib.nullcontext(), timed, copies_end_here():
                decision = self.chooser(mine, rng)
        except timing.OverTime:
            raise self._over_time(where) from None
        except BaseException as exc:  # an outside agent may raise anything: sys.exit(), its own BaseException
            reraise_ctrl_c(exc)
            if self.limit is not None and time.monotonic() - started > self.limit:
                # stopped, it raised an error of its own: the limit is what ended it
                raise self._over_time(where) from None
            raise failed(AgentError, f"{where} raised", exc, self.spec, self.chooser) from None
        if inspect.iscoroutine(decision):
            decision.close()  # never run, and closed so that Python does not warn of it when it goes
            raise AgentError(f"{where} returned a coroutine: choose must be a plain function, not async def")
        which = drawn.which()
        if which is not None:
            raise AgentError(f"{where} drew from {DREW.format(which=which)}")
        if isinstance(decision, Decision) and not isinstance(decision.action, _ACTIONS):
            raise AgentError(
                f"{where} returned a Decision whose action is {type(decision.action).__name__}, "
                "not one of the engine's actions"
            )
        if not isinstance(decision, Decision):
            raise AgentError(f"{where} returned {type(decision).__name__}, not a Decision with an action")
        if not isinstance(decision.reason, str):
            raise AgentError(f"{where} gave a reason that is not text")
        if decision.action.actor != view.own.id:
            raise AgentError(f"{where} acted for {decision.action.actor!r}, not for its own seat")
        reason = safe_reason(decision.reason)
        return decision if reason == decision.reason else Decision(decision.action, reason)

    def _over_time(self, where: str, stopped: bool = True, stuck: bool = False) -> AgentError:
        # the limit as the user gave it (up to nine places), not rounded to six figures
        said = f"{where} took more than {self.limit:.15g} s over one move (--move-limit)"
        if stuck:  # ended by the last resort: no stop reached it
            said += (
                f", and went on {timing.LAST_RESORT:g} s past it in code that no stop reaches (C code that holds "
                "Python's lock, a regular expression say): the game was abandoned there"
            )
        elif not stopped:  # abandoned: it went on past every stop for GRACE seconds more
            said += f", and went on {timing.GRACE:g} s past it: the game was abandoned there"
        return AgentError(said)

    def illegal(self, action: A.Action, why: str) -> AgentError:
        """The error for a move of this agent the rules refused (in its last call)."""
        return AgentError(
            f"{_where(self.seat, self.seed, self.spec, self.moment)} made a move the rules refuse ({action.kind}): {why}"
        )


def safe_reason(reason: str) -> str:
    """An outside agent's reason as every reader of it gets it (the interface's transcript,
    `watch`, the record of the game): one line, whatever it wrote, and its control characters
    written out as text (ESC as `\\x1b`, as `watch` prints them). Shown raw, an escape sequence
    in it reached the terminal of `play` as a command: it set the window's title and cleared
    the table."""
    return escape_controls(" ".join(reason.split()))


def guarded(chooser: Chooser, seat: str, seed: int, spec: str = "") -> Guarded:
    return Guarded(chooser, seat, seed, spec)


def _where(seat: str, seed: int, spec: str = "", moment: str = "") -> str:
    # the agent is named as the user gave it, so that with two of one's own at the table the
    # line says which of them failed; the moment, so that a replay of the seed can be followed
    # to it (`replay SAVE` steps to a turn)
    named = f"{spec}; " if spec else ""
    at = f", {moment}" if moment else ""
    return f"the agent in seat {seat} ({named}game seed {seed}{at})"


def _moment(view: View) -> str:
    """The round and turn an agent is asked to move in: `round 2, turn 14` (the turn counts the
    game's moves from 1, as a save's log does; a campaign's rounds start again at each venue, so
    the venue is named there)."""
    venue = f" of {view.venue.name}" if len(view.venues) > 1 else ""
    return f"round {view.round}{venue}, turn {view.step + 1}"


def _neither_file_nor_module(path: str) -> str:
    """Why `path`, which is no module name, names no agent either: it is no .py file."""
    try:
        there = Path(path).is_symlink() or Path(path).exists()
    except (OSError, ValueError):  # a name the system cannot look up (too long, a NUL)
        there = False
    if there:
        return f"{path} is not a .py file: an agent's file is given as PATH.py:NAME"
    return f"{path} is neither a .py file nor a module name: an agent is PATH.py:NAME or module:NAME"


def _module_from_file(spec: str, path: Path) -> Any:
    try:
        path.stat()
    except FileNotFoundError:
        raise AgentLoadError(f"{spec}: no such file {path}") from None
    except OSError as exc:  # a name the system refuses to look up (too long, a loop of links...)
        raise AgentLoadError(f"{spec}: {why(exc)}") from None
    if path.is_dir():
        raise AgentLoadError(f"{spec}: {path} is a folder, not a Python file")
    if not path.is_file():
        raise AgentLoadError(f"{spec}: {path} is {NOT_REGULAR}")
    name = f"peacetalks_agent_{abs(hash(str(path.resolve()))):x}"
    if name in sys.modules:
        return sys.modules[name]
    loader_spec = importlib.util.spec_from_file_location(name, path)
    if loader_spec is None or loader_spec.loader is None:
        raise AgentLoadError(f"{spec}: {path} is not a Python file that can be loaded")
    module = importlib.util.module_from_spec(loader_spec)
    known = set(sys.modules)
    sys.modules[name] = module
    drawn = Draws()
    try:
        with copies_end_here(), nothing_on_stdin(), to_stderr(), libraries_may_draw(drawn):
            loader_spec.loader.exec_module(module)
    except SyntaxError as exc:
        del sys.modules[name]
        # a file Python cannot even read as source (a NUL byte in it) has no line to point at
        at = "".join(f":{n}" for n in (exc.lineno, exc.offset) if n is not None)
        raise AgentLoadError(f"{path}{at}: {exc.msg}") from None
    except BaseException as exc:  # any failure while loading, in one line (its own BaseException too)
        del sys.modules[name]
        reraise_ctrl_c(exc)
        raise failed(AgentLoadError, f"{spec}: loading {path} failed:", exc, spec) from None
    _drew_while_loading(spec, path, drawn, known)
    return module


def _drew_while_loading(spec: str, loaded: object, drawn: Draws, known: set[str]) -> None:
    """AgentLoadError if loading the agent's module drew from a global generator. The module is
    loaded once a process: a value drawn then would differ from run to run, and the same seed
    would give another game. It is forgotten, with every module its loading brought in (`known`:
    the modules there before; a helper of its own may be the one that drew), so that trying it
    again says so again."""
    which = drawn.which()
    if which is not None:
        for name in set(sys.modules) - known:
            sys.modules.pop(name, None)
        raise AgentLoadError(f"{spec}: loading {loaded} drew from {DREW.format(which=which)}")
