"""A stable identity for every state: canonical JSON, then sha256.

The canonical form is one JSON array, written with separators "," and ":" (no spaces), ASCII
only, and hashed as sha256 of those bytes (shown in hex):

    [scenario content hash,
     [every other State field in declaration order, except the tables below],
     offered, accepted, rejected, positions, trust, revealed]

Tuples are arrays; Proposal and Agreement are arrays of their fields in declaration order; ints,
bools (true/false, never 1/0) and ASCII-escaped strings are written as JSON writes them, which
is the same on every machine and Python version.

The tables come last and apart because they are most of the text. Thanks to the engine's
copy-on-write, a state shares most of its fields (and most rows of a table it changed) with the
state before it, as the very same immutable objects: the text of the last state hashed is kept,
piece by piece, and a hash writes again only the pieces that are not the same objects. The
value is the same as writing the whole array (tests/engine/test_integrity.py compares the two on
random scenarios, tests/golden pins literal hashes).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import astuple, fields
from itertools import compress
from json.encoder import c_make_encoder, encode_basestring_ascii  # type: ignore[attr-defined]
from operator import attrgetter, is_not
from typing import Any, cast

from game.engine.state import Agreement, Proposal, State

_TABLES = ("offered", "accepted", "rejected", "positions", "trust", "revealed")
_SMALL = tuple(f.name for f in fields(State) if f.name != "scenario" and f.name not in _TABLES)
_small = attrgetter(*_SMALL)
_tables = attrgetter(*_TABLES)
_PROPOSALS = _SMALL.index("proposals")
_AGREEMENTS = _SMALL.index("agreements")

# check_circular is off because it costs a lookup per array and a state is a tree of tuples,
# which cannot hold a cycle; the text is the same either way.
_ENCODER = json.JSONEncoder(separators=(",", ":"), ensure_ascii=True, check_circular=False)
_encode = _ENCODER.encode
# The C encoder that _ENCODER.encode itself runs for an array, with the same settings, called
# without the two Python frames around it (the text is the same; a test compares the two).
_c_encoder = (
    c_make_encoder(None, _ENCODER.default, encode_basestring_ascii, None, ":", ",", False, False, True)
    if c_make_encoder is not None
    else None
)


def _encode_array(value: object) -> str:
    return "".join(_c_encoder(value, 0)) if _c_encoder is not None else _encode(value)


_ascii = encode_basestring_ascii  # a string's JSON, as the encoder above writes it


def canonical(state: State) -> list[Any]:
    """The canonical form as plain JSON data (lists, ints, bools, strings)."""
    small = list(_small(state))
    small[_PROPOSALS] = [astuple(p) for p in state.proposals]
    small[_AGREEMENTS] = [astuple(a) for a in state.agreements]
    return json.loads(_encode([state.scenario.content_hash, small, *_tables(state)]))  # type: ignore[no-any-return]


def _scalar(value: object) -> str:
    """A field's JSON as the encoder writes it; ints, bools and text without its call overhead."""
    kind = type(value)
    if kind is int:
        return repr(value)  # what json writes for an int (exactly an int: a bool is not one here)
    if kind is bool:
        return "true" if value else "false"
    if kind is str:
        return _ascii(cast(str, value))
    return _encode_array(value)


def _proposal(p: Proposal) -> str:
    return _encode_array((p.id, p.author, p.package, p.to, p.responses, p.round, p.draft))


def _agreement(a: Agreement) -> str:
    return _encode_array((a.proposal, a.venue, a.round, a.package, a.parties))


# Every field but the scenario, in the order the text holds them: the small fields, then the tables.
_FIELDS = (*_SMALL, *_TABLES)
_values = attrgetter(*_FIELDS)
_INDEXES = range(len(_FIELDS))
_N_SMALL = len(_SMALL)
# The fields written element by element (each table's rows, each proposal and agreement), and how
# one element is written; revealed changes only at meetings and is written whole, as a scalar.
_ITEMS: dict[int, Callable[[Any], str]] = {
    _PROPOSALS: _proposal,
    _AGREEMENTS: _agreement,
    **{_N_SMALL + k: _encode_array for k, name in enumerate(_TABLES) if name != "revealed"},
}


class _Written:
    """The last state hashed: its field values (held, so that an identity seen again is the very
    same immutable object), each field's text, and the elements' texts of the fields written
    element by element."""

    __slots__ = ("items", "texts", "values")

    def __init__(self, values: tuple[Any, ...], texts: list[str], items: dict[int, list[str]]) -> None:
        self.values = values
        self.texts = texts
        self.items = items


# One state deep, so bounded by construction. Consecutive states share most of their fields (the
# engine copies on write): only the fields, rows, proposals and agreements that are not the very
# objects of the last state hashed are written again. Replaced whole, never changed in place, so
# a thread hashing at the same time sees one consistent record.
_last: _Written | None = None


def _elements(
    new: tuple[Any, ...], old: tuple[Any, ...], old_texts: list[str], write: Callable[[Any], str]
) -> list[str]:
    if len(new) == len(old):
        texts = old_texts.copy()
        for k in compress(range(len(new)), map(is_not, new, old)):
            texts[k] = write(new[k])
        return texts
    # an element added or removed: find the ones kept by identity (the old ones are alive, held
    # by the last record, so no id here can be a new object's)
    known = dict(zip(map(id, old), old_texts, strict=True))
    return [known.get(id(item)) or write(item) for item in new]


def _first(values: tuple[Any, ...]) -> _Written:
    texts: list[str] = []
    items: dict[int, list[str]] = {}
    for k, value in enumerate(values):
        write = _ITEMS.get(k)
        if write is None:
            texts.append(_scalar(value))
        else:
            items[k] = [write(item) for item in value]
            texts.append("[" + ",".join(items[k]) + "]")
    return _Written(values, texts, items)


def _next(values: tuple[Any, ...], last: _Written) -> _Written:
    before = last.values
    texts = last.texts.copy()
    items = last.items
    copied = False
    for k in compress(_INDEXES, map(is_not, values, before)):
        write = _ITEMS.get(k)
        if write is None:
            texts[k] = _scalar(values[k])
            continue
        if not copied:
            items, copied = dict(items), True
        items[k] = _elements(values[k], before[k], items[k], write)
        texts[k] = "[" + ",".join(items[k]) + "]"
    return _Written(values, texts, items)


def canonical_text(state: State) -> str:
    # Written piece by piece, exactly as the encoder writes the whole array (items joined by ","):
    # what the last action left untouched is the text of the last state hashed.
    global _last
    values = _values(state)
    last = _last
    written = _first(values) if last is None else _next(values, last)
    _last = written
    # one join of every piece (the text is a few KiB: each concatenation would copy it whole)
    pieces = written.texts.copy()
    pieces[0] = "[" + _ascii(state.scenario.content_hash) + ",[" + pieces[0]
    pieces[_N_SMALL - 1] += "]"
    pieces[-1] += "]"
    return ",".join(pieces)


def state_hash(state: State) -> str:
    return hashlib.sha256(canonical_text(state).encode("ascii")).hexdigest()
