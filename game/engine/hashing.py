"""A stable identity for every state: canonical JSON, then sha256.

The canonical form is one JSON array, written with separators "," and ":" (no spaces), ASCII
only, and hashed as sha256 of those bytes (shown in hex):

    [scenario content hash,
     [every other State field in declaration order, except the tables below],
     offered, accepted, rejected, positions, trust, revealed]

Tuples are arrays; Proposal and Agreement are arrays of their fields in declaration order; ints,
bools (true/false, never 1/0) and ASCII-escaped strings are written as JSON writes them, which
is the same on every machine and Python version.

The tables come last and apart because they are most of the text and, thanks to the engine's
copy-on-write, mostly the very same tuple objects from one state to the next: their text is
remembered per table and per row (per delegation) object, so a hash encodes only what the last
action changed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import astuple, fields
from json.encoder import c_make_encoder, encode_basestring_ascii  # type: ignore[attr-defined]
from operator import attrgetter
from typing import Any, cast

from game.engine.state import Agreement, Proposal, State

_TABLES = ("offered", "accepted", "rejected", "positions", "trust", "revealed")
_SMALL = tuple(f.name for f in fields(State) if f.name != "scenario" and f.name not in _TABLES)
_small = attrgetter(*_SMALL)
_tables = attrgetter(*_TABLES)
_PROPOSALS = _SMALL.index("proposals")
_AGREEMENTS = _SMALL.index("agreements")
_PLAIN = tuple(k for k in range(len(_SMALL)) if k not in (_PROPOSALS, _AGREEMENTS))

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

# id -> (the object itself, its JSON text). Holding the object means an id can never be taken
# for another object's after reuse; clearing when full keeps the memory bounded.
_cache: dict[int, tuple[object, str]] = {}
_CACHE_SIZE = 8192


def canonical(state: State) -> list[Any]:
    """The canonical form as plain JSON data (lists, ints, bools, strings)."""
    small = list(_small(state))
    small[_PROPOSALS] = [astuple(p) for p in state.proposals]
    small[_AGREEMENTS] = [astuple(a) for a in state.agreements]
    return json.loads(_encode([state.scenario.content_hash, small, *_tables(state)]))  # type: ignore[no-any-return]


def _row(value: object) -> str:
    hit = _cache.get(id(value))
    if hit is not None and hit[0] is value:
        return hit[1]
    text = _encode_array(value)
    if len(_cache) >= _CACHE_SIZE:
        _cache.clear()
    _cache[id(value)] = (value, text)
    return text


def _table(rows: tuple[Any, ...]) -> str:
    # A table no action touched is the very same tuple in the next state: its text is
    # remembered whole, like a row's (the same cache: both hold the object they describe).
    hit = _cache.get(id(rows))
    if hit is not None and hit[0] is rows:
        return hit[1]
    text = "[" + ",".join(_row(r) for r in rows) + "]"
    if len(_cache) >= _CACHE_SIZE:
        _cache.clear()
    _cache[id(rows)] = (rows, text)
    return text


def _scalar(value: object) -> str:
    """A field's JSON as the encoder writes it; ints, bools and text without its call overhead."""
    kind = type(value)
    if kind is int:
        return repr(value)  # what json writes for an int (exactly an int: a bool is not one here)
    if kind is bool:
        return "true" if value else "false"
    if kind is str:
        return _ascii(cast(str, value))
    return _row(value)


def _proposal(p: Proposal) -> str:
    hit = _cache.get(id(p))
    if hit is not None and hit[0] is p:
        return hit[1]
    text = _encode_array((p.id, p.author, p.package, p.to, p.responses, p.round, p.draft))
    if len(_cache) >= _CACHE_SIZE:
        _cache.clear()
    _cache[id(p)] = (p, text)
    return text


def _agreement(a: Agreement) -> str:
    hit = _cache.get(id(a))
    if hit is not None and hit[0] is a:
        return hit[1]
    text = _encode_array((a.proposal, a.venue, a.round, a.package, a.parties))
    if len(_cache) >= _CACHE_SIZE:
        _cache.clear()
    _cache[id(a)] = (a, text)
    return text


def canonical_text(state: State) -> str:
    # Written piece by piece, exactly as the encoder writes the whole array (items joined by ","):
    # the small fields one by one (a tuple the last action did not touch is remembered, like a
    # table row), proposals and agreements each remembered as they are immutable.
    small = list(_small(state))
    small[_PROPOSALS] = "[" + ",".join(map(_proposal, state.proposals)) + "]"
    small[_AGREEMENTS] = "[" + ",".join(map(_agreement, state.agreements)) + "]"
    for k in _PLAIN:
        small[k] = _scalar(small[k])
    parts = [_ascii(state.scenario.content_hash), "[" + ",".join(small) + "]"]
    offered, accepted, rejected, positions, trust, revealed = _tables(state)
    parts += [_table(offered), _table(accepted), _table(rejected), _table(positions), _table(trust)]
    parts.append(_row(revealed))  # it changes only at meetings: remembered whole
    return "[" + ",".join(parts) + "]"


def state_hash(state: State) -> str:
    return hashlib.sha256(canonical_text(state).encode("ascii")).hexdigest()
