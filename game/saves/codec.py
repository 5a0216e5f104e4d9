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
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

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


# What read_log knows: the middle of a line as written (`ROUND ACTOR ACTION... #`, between the
# turn's space and the hash), mapped to read_line's round and action for it. Every key is the span
# the line pattern matched from its round to its hash in a whole line it matched, so a line made
# of a turn, a space, a known middle and a hash is one the pattern matches, to the same groups.
# Bounded: emptied when full (a long save holds a few thousand).
_MIDDLES: dict[str, tuple[int, A.Action]] = {}
_MIDDLES_KEPT = 4096
# the longest middle kept: the bundled scenarios' lines are under 350 characters (a proposal
# of every issue); a longer one, from a large agenda or a hostile file, is read but not kept
_MIDDLE_KEPT_CHARS = 1024
_HASH_LENGTH = 64
_HEX_DIGITS = b"0123456789abcdef"
_MOST_LINES = 10**9 - 1  # a turn of nine digits at most, as the pattern reads it
_turn_and_space = "{} ".format


class Log(NamedTuple):
    """A log's lines as read_line reads them, one list per field; the turns are 1, 2, 3..."""

    rounds: list[int]
    actions: list[A.Action]
    hashes: list[str]


def read_log(lines: Sequence[object]) -> Log | None:
    """What read_line reads from each of these lines, when every one is text as the game writes
    it and the turns are 1, 2, 3... in order (as a save's log must be); None for any other log,
    which the caller then reads line by line, for the error.

    A long save's 10,000 lines are read through here. A line is its turn and a space, a middle
    and its hash: the turn is told by comparing the line's start with the one due, the middle by
    looking it up among those read before (the same move in the same round, the commonest case),
    and the hashes' digits in one pass at the end; only a middle not seen before is read by the
    pattern (read_line's), each line of it."""
    if len(lines) > _MOST_LINES:
        return None
    middles = _MIDDLES
    rounds: list[int] = []
    actions: list[A.Action] = []
    hashes: list[str] = []
    for due, line in zip(map(_turn_and_space, range(1, len(lines) + 1)), lines, strict=True):
        if type(line) is not str or not line.startswith(due):
            return None
        middle = line[len(due) : -_HASH_LENGTH]
        known = middles.get(middle)
        if known is None:
            known = _learn(line, middle)
            if known is None:
                return None
        rounds.append(known[0])
        actions.append(known[1])
        # (a known middle is not empty: the line is the turn, the middle and 64 characters)
        hashes.append(line[-_HASH_LENGTH:])
    digits = "".join(hashes)
    if not digits.isascii() or digits.encode("ascii").translate(None, _HEX_DIGITS):
        return None  # a hash holds something else than the pattern's [0-9a-f]
    return Log(rounds, actions, hashes)


def _learn(line: str, middle: str) -> tuple[int, A.Action] | None:
    """The round and action of the line's `middle`, read by the line pattern and kept; None when
    the line is not as the game writes it, `middle` is not what the pattern reads as its round,
    actor and action with the " #" after them, or the action does not read."""
    match = _LINE.fullmatch(line)
    # (read_log has checked the turn and its space before the middle, so the span always is the
    # middle when the line matches; compared all the same, so that no key is ever anything else)
    if match is None or line[match.start(2) : match.start(5)] != middle:
        return None
    try:
        known = int(match.group(2)), _action_text(match.group(3), match.group(4))
    except EntryError:
        return None
    if len(middle) > _MIDDLE_KEPT_CHARS:
        # not kept, so that hostile saves cannot fill the table with long texts (its entries
        # are counted, not sized)
        return known
    if len(_MIDDLES) >= _MIDDLES_KEPT:
        _MIDDLES.clear()
    _MIDDLES[middle] = known
    return known
