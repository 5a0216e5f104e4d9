"""One log entry per line: the action log of a save, readable and fast to read back.

An entry is `TURN ROUND ACTOR KIND [ARGS...] #HASH`, for example

    12 3 opposition propose detainees:list_exchange sieges:weekly_convoys to=government,russia #3fa9...
    13 3 government respond proposal=4 accept=no #b1c2...

Ids are lower-case letters, digits, '_' and '-', so nothing ever needs quoting or escaping. A
million YAML nodes would take PyYAML seconds to read; ten thousand one-line strings take
milliseconds, and a person can still read (and a diff still show) every move.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from game.engine import actions as A

_HASH = re.compile(r"[0-9a-f]{64}")
_NUMBER = re.compile(r"[0-9]{1,9}")  # ASCII digits only: str.isdigit() also takes superscripts and Arabic-Indic digits


class EntryError(ValueError):
    """A log line that does not read as an entry; the message says what is wrong with it."""


@dataclass(frozen=True)
class Entry:
    turn: int  # 1-based count of actions
    round: int
    action: A.Action
    hash: str  # state hash after the action


def format_action(action: A.Action) -> str:
    """The action without its actor: `propose detainees:x to=a,b`."""
    parts = [action.kind]
    if isinstance(action, A.Propose | A.Draft):
        parts += [f"{issue}:{option}" for issue, option in action.package]
    if isinstance(action, A.Propose):
        parts.append("to=" + ",".join(action.to))
    elif isinstance(action, A.Respond):
        parts += [f"proposal={action.proposal}", "accept=" + ("yes" if action.accept else "no")]
    elif isinstance(action, A.Concede):
        parts += [f"issue={action.issue}", f"option={action.option}"]
    elif isinstance(action, A.Statement):
        parts.append(f"tone={action.tone}")
        if action.to:
            parts.append(f"to={action.to}")
    elif isinstance(action, A.Pressure):
        parts += [f"client={action.client}", f"issue={action.issue}"]
    elif isinstance(action, A.Meet):
        parts.append(f"other={action.other}")
    return " ".join(parts)


def format_entry(entry: Entry) -> str:
    return f"{entry.turn} {entry.round} {entry.action.actor} {format_action(entry.action)} #{entry.hash}"


# the key=value fields each action takes in a log entry (a save of 10,000 turns reads this 10,000 times)
_FIELDS: dict[str, frozenset[str]] = {
    "propose": frozenset({"to"}),
    "draft": frozenset(),
    "respond": frozenset({"proposal", "accept"}),
    "concede": frozenset({"issue", "option"}),
    "statement": frozenset({"tone", "to"}),
    "pressure": frozenset({"client", "issue"}),
    "meet": frozenset({"other"}),
    "walk_out": frozenset(),
    "boycott": frozenset(),
    "pass": frozenset(),
}


def parse_action(actor: str, words: list[str]) -> A.Action:
    if not words:
        raise EntryError("the action is missing")
    kind, rest = words[0], words[1:]
    package: list[tuple[str, str]] = []
    fields: dict[str, str] = {}
    for word in rest:
        if "=" not in word and ":" in word:
            issue, _, option = word.partition(":")
            package.append((issue, option))
            continue
        key, sep, value = word.partition("=")
        if not sep or not value:
            raise EntryError(f"cannot read {word!r}: expected key=value or issue:option")
        if key in fields:
            raise EntryError(f"{key!r} is given twice")
        fields[key] = value
    if kind not in _FIELDS:
        raise EntryError(f"unknown action {kind!r}")
    extra = set(fields) - _FIELDS[kind]
    if extra:
        raise EntryError(f"a {kind} takes no {sorted(extra)[0]!r}")
    if package and kind not in ("propose", "draft"):
        raise EntryError(f"a {kind} takes no package")

    def need(key: str) -> str:
        if key not in fields:
            raise EntryError(f"a {kind} needs {key}=")
        return fields[key]

    pairs: A.Package = tuple(package)
    if kind == "propose":
        return A.Propose(actor, pairs, tuple(need("to").split(",")))
    if kind == "draft":
        return A.Draft(actor, pairs)
    if kind == "respond":
        number, accept = need("proposal"), need("accept")
        if not _NUMBER.fullmatch(number) or accept not in ("yes", "no"):
            raise EntryError("respond needs proposal=NUMBER accept=yes|no")
        return A.Respond(actor, int(number), accept == "yes")
    if kind == "concede":
        return A.Concede(actor, need("issue"), need("option"))
    if kind == "statement":
        return A.Statement(actor, need("tone"), fields.get("to", ""))
    if kind == "pressure":
        return A.Pressure(actor, need("client"), need("issue"))
    if kind == "meet":
        return A.Meet(actor, need("other"))
    if kind == "walk_out":
        return A.WalkOut(actor)
    if kind == "boycott":
        return A.Boycott(actor)
    return A.Pass(actor)


def parse_entry(line: str) -> Entry:
    text, sep, digest = line.rpartition(" #")
    if not sep or not _HASH.fullmatch(digest):
        raise EntryError("the entry must end with ' #' and the 64-digit state hash")
    words = text.split()
    if len(words) < 4:
        raise EntryError("expected TURN ROUND ACTOR ACTION")
    turn, round_, actor = words[0], words[1], words[2]
    if not _NUMBER.fullmatch(turn) or not _NUMBER.fullmatch(round_):
        raise EntryError("the turn and the round must be whole numbers")
    return Entry(int(turn), int(round_), _action(actor, tuple(words[3:])), digest)


# A line as the game writes it: words of printable ASCII (none starting with "#") between single
# spaces, then " #" and the hash. For such a line the words are text.split()'s and the hash is
# what follows the last " #", so read_line gives parse_entry's values; any other line is read by
# parse_entry itself. (No word starts with "#", so the pattern never backtracks into the hash.)
_WORD = r'[!"$-~][!-~]*'
_LINE = re.compile(rf"([0-9]{{1,9}}) ([0-9]{{1,9}}) ({_WORD}) ({_WORD}(?: {_WORD})*) #([0-9a-f]{{64}})")


def read_line(line: str) -> tuple[int, int, A.Action, str]:
    """parse_entry(line)'s turn, round, action and hash (and its EntryError), without making the
    Entry: a save's 10,000 lines are read through here."""
    match = _LINE.fullmatch(line)
    if match is None:
        entry = parse_entry(line)
        return entry.turn, entry.round, entry.action, entry.hash
    turn, round_, actor, action, digest = match.groups()
    return int(turn), int(round_), _action_text(actor, action), digest


@lru_cache(maxsize=4096)
def _action_text(actor: str, action: str) -> A.Action:
    return _action(actor, tuple(action.split(" ")))


# A long game repeats the same few hundred moves ("pass", "respond proposal=4 accept=yes"): each
# is read once, and an action is immutable, so the one read serves every line that repeats it.
# Bounded; a line that does not read raises and is never kept.
@lru_cache(maxsize=4096)
def _action(actor: str, words: tuple[str, ...]) -> A.Action:
    return parse_action(actor, list(words))
