"""A stable identity for every state: canonical JSON, then sha256.

The canonical form is one JSON array, written with separators "," and ":" (no spaces), ASCII
only, and hashed as sha256 of those bytes (shown in hex):

    [scenario content hash,
     [every other State field in declaration order, except the tables below and UNHASHED],
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
import threading
from collections.abc import Callable
from dataclasses import astuple, fields, is_dataclass
from functools import partial
from itertools import compress, count
from json.encoder import c_make_encoder, encode_basestring_ascii  # type: ignore[attr-defined]
from operator import attrgetter, is_, is_not, itemgetter
from typing import Any, cast

from game.engine.model import Scenario
from game.engine.state import Agreement, Proposal, State

_TABLES = ("offered", "accepted", "rejected", "positions", "trust", "revealed")
# Fields the hash leaves out: `answers`, the record of whole packages answered, is a pure function
# of the actions (each answer's proposal, as tabled) added after saves of format 2 were written
# with their states' hashes; hashing it would make every such save fail its check.
UNHASHED = ("scenario", "answers")
_SMALL = tuple(f.name for f in fields(State) if f.name not in UNHASHED and f.name not in _TABLES)
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


_PACKAGES_KEPT = 1024  # the texts of packages a _Written keeps (cleared when full)


def _proposal_kept(packages: dict[int, tuple[object, str]], p: Proposal) -> str:
    """_proposal(p), with the package's text kept by the package's identity. A package is most
    of a proposal's text (seven pairs: fourteen numbers the encoder writes one by one), and the
    same tuple comes back: an answer's proposal shares its package with the one answered, and a
    save's replay tables the very packages the engine resolved before (checks._resolved). The
    rest is written as the encoder writes it: exact ints through an f-string (their repr), the
    addressees and answers by the encoder; anything else, the whole proposal by the encoder."""
    if type(p) is not Proposal:
        return _proposal(p)
    pid, author, package, to, responses, made, draft = _proposal_fields(p.__dict__)
    if type(pid) is not int or type(author) is not int or type(made) is not int or type(draft) is not bool:
        return _proposal(p)
    kept = packages.get(id(package))
    if kept is None or kept[0] is not package:
        if type(package) is not tuple:
            return _proposal(p)
        if len(packages) >= _PACKAGES_KEPT:
            packages.clear()
        # the package is held, so that its id cannot be another's while the text is kept
        kept = packages[id(package)] = (package, _encode_array(package))
    # "[[to],[responses]]" without its outer brackets: both arrays in one call
    rest = _encode_array((to, responses))
    return f"[{pid},{author},{kept[1]},{rest[1:-1]},{made},{'true' if draft else 'false'}]"


def _agreement(a: Agreement) -> str:
    return _encode_array((a.proposal, a.venue, a.round, a.package, a.parties))


# Every field but the scenario, in the order the text holds them: the small fields, then the tables.
_FIELDS = (*_SMALL, *_TABLES)
# Read from the state's __dict__ (a State's fields are its dict's entries: state.frozen fills it,
# as the dataclass __init__ does): a dict lookup per field in C, about half the cost of getattr's.
# Asked for every state hashed.
_values = itemgetter(*_FIELDS)
_INDEXES = range(len(_FIELDS))
_N_SMALL = len(_SMALL)
# What follows each field's text: the small fields are an array of their own, closed after the last
_SEPARATORS = tuple("]," if k == _N_SMALL - 1 else "]" if k == len(_FIELDS) - 1 else "," for k in _INDEXES)
# How each field is written: whole (a scalar, or revealed, which changes only at meetings); element
# by element (proposals, agreements: few, and of any number); or row by row (the tables: one row
# per delegation, each row a piece of its own, so that a changed row is all that is written again).
_WHOLE, _ELEMENTS, _ROWS, _FALLBACK = range(4)  # _FALLBACK: a table or list laid out whole
_KINDS = tuple(
    _ELEMENTS if k in (_PROPOSALS, _AGREEMENTS) else _ROWS if name in _TABLES and name != "revealed" else _WHOLE
    for k, name in enumerate(_FIELDS)
)
_WRITERS: dict[int, Callable[[Any], str]] = {_PROPOSALS: _proposal, _AGREEMENTS: _agreement}
# a Proposal's fields from its __dict__ (a frozen dataclass's fields are its dict's entries)
_proposal_fields = itemgetter("id", "author", "package", "to", "responses", "round", "draft")


class _Written:
    """The last state hashed, as the pieces its text is joined from.

    `flat` joined is the canonical text: the opening (the scenario's hash), then a piece per
    field, written whole, element by element, or (a table) joined from a piece per row kept in
    `rows` (a row's piece carries the "[" or "," before it; a piece after the last row closes
    the table), so that the text of every state is one join of 33 pieces rather than of the 78
    its fields and rows make, and a changed table joins its own nine again. `values` holds the
    fields (so that an identity seen again is the very same immutable object), `at` where each
    field's piece is, `kinds` how each field was laid out, `elements` the texts of the
    proposals and agreements. StateHasher's pieces are `cut`: their opening piece lacks the
    text's first 64 bytes, whose sha256 state `opening` holds."""

    __slots__ = ("at", "content_hash", "elements", "flat", "kinds", "opening", "rows", "values", "writers")

    def __init__(self, state: State, values: tuple[Any, ...], cut: bool = False) -> None:
        self.content_hash = state.scenario.content_hash
        # the proposals' writer keeps the texts of the packages it wrote, with these pieces (a
        # partial holds the dict, not this object: no cycle)
        self.writers: dict[int, Callable[[Any], str]] = {
            **_WRITERS,
            _PROPOSALS: partial(_proposal_kept, {}),
        }
        self.values = values
        flat = ["[" + _ascii(state.scenario.content_hash) + ",["]
        self.at: list[int] = []
        self.kinds: list[int] = []
        self.elements: dict[int, list[str]] = {}
        self.rows: dict[int, list[str]] = {}
        for k, value in enumerate(values):
            kind = _KINDS[k]
            self.at.append(len(flat))
            if kind == _ELEMENTS and type(value) is tuple:
                texts = self.elements[k] = [self.writers[k](item) for item in value]
                flat.append("[" + ",".join(texts) + "]" + _SEPARATORS[k])
            elif kind == _ROWS and type(value) is tuple and value:
                rows = [_encode_array(row) for row in value]
                pieces = self.rows[k] = ["[" + rows[0], *["," + row for row in rows[1:]], "]" + _SEPARATORS[k]]
                flat.append("".join(pieces))
            else:
                # anything else (an empty table, a value of another type) is written whole
                kind = _WHOLE if kind == _WHOLE else _FALLBACK
                flat.append(_scalar(value) + _SEPARATORS[k])
            self.kinds.append(kind)
        self.flat = flat
        # For StateHasher (cut): the text's first 64 bytes, one block of sha256, lie in its
        # opening (the scenario's hash), which no state changes, so the digest's state after
        # them is kept and the opening's piece holds only the rest: each hash goes on from
        # there (None: the whole text is hashed, as for an opening shorter than a block)
        self.opening: hashlib._Hash | None = None
        if cut and len(flat[0]) >= _BLOCK:
            self.opening = hashlib.sha256(flat[0][:_BLOCK].encode("ascii"))
            flat[0] = flat[0][_BLOCK:]

    def update(self, values: tuple[Any, ...]) -> bool:
        """Write again only the pieces of these fields that are not the very objects of the last
        state's; False when the layout would change (a table of another length, a field of another
        type): the pieces are then laid out again from the start."""
        before = self.values
        flat, at, kinds = self.flat, self.at, self.kinds
        # (run for every state hashed: the commonest case first, and nothing looked up twice)
        for k in compress(_INDEXES, map(is_not, values, before)):
            value = values[k]
            kind = kinds[k]
            if kind == _WHOLE:
                # most are ints (step, ap, turn), whose JSON is their repr
                flat[at[k]] = (repr(value) if type(value) is int else _scalar(value)) + _SEPARATORS[k]
            elif kind == _ROWS:
                old = before[k]
                if type(value) is not tuple or len(value) != len(old):
                    return False
                pieces = self.rows[k]
                for d in compress(range(len(value)), map(is_not, value, old)):
                    pieces[d] = ("," if d else "[") + _encode_array(value[d])
                flat[at[k]] = "".join(pieces)
            elif kind == _ELEMENTS:
                if type(value) is not tuple:
                    return False
                texts = self.elements[k] = _elements(value, before[k], self.elements[k], self.writers[k])
                flat[at[k]] = "[" + ",".join(texts) + "]" + _SEPARATORS[k]
            else:  # _FALLBACK: written whole while it is no tuple (or an empty table)
                if type(value) is tuple and (value or _KINDS[k] == _ELEMENTS):
                    return False
                flat[at[k]] = _scalar(value) + _SEPARATORS[k]
        self.values = values
        return True


def _elements(
    new: tuple[Any, ...], old: tuple[Any, ...], old_texts: list[str], write: Callable[[Any], str]
) -> list[str]:
    if len(new) == len(old):
        texts = old_texts.copy()
        for k in compress(range(len(new)), map(is_not, new, old)):
            texts[k] = write(new[k])
        return texts
    # The commonest changes, told by identity in C: one element added after the very ones before
    # (a proposal tabled), or one taken out of them (an answered proposal closed)
    n = len(old)
    if len(new) == n + 1 and all(map(is_, new, old)):  # (map stops at the shorter: the first n)
        return [*old_texts, write(new[n])]
    if len(new) == n - 1:
        k = next(compress(count(), map(is_not, new, old)), n - 1)  # the first not kept in place
        if all(map(is_, new[k:], old[k + 1 :])):
            return old_texts[:k] + old_texts[k + 1 :]
    # any other change: find the ones kept by identity (the old ones are alive, held by the last
    # record, so no id here can be a new object's)
    known = dict(zip(map(id, old), old_texts, strict=True))
    return [known.get(id(item)) or write(item) for item in new]


# One state deep, so bounded by construction. Consecutive states share most of their fields (the
# engine copies on write): only the fields, rows, proposals and agreements that are not the very
# objects of the last state hashed are written again. Updated in place, under the lock, so that two
# threads hashing at once never see each other's half-written pieces.
_last: _Written | None = None
_lock = threading.Lock()


def canonical_text(state: State) -> str:
    # Written piece by piece, exactly as the encoder writes the whole array (items joined by ","):
    # what the last action left untouched is the text of the last state hashed.
    global _last
    values = _values(state.__dict__)
    with _lock:
        last = _last
        try:
            if last is None or last.content_hash != state.scenario.content_hash or not last.update(values):
                last = _last = _Written(state, values)
        except BaseException:
            _last = None  # a value JSON cannot write, halfway through: the pieces are the last state's no more
            raise
        # one join of every piece (the text is a few KiB: each concatenation would copy it whole)
        return "".join(last.flat)


def state_hash(state: State) -> str:
    return hashlib.sha256(canonical_text(state).encode("ascii")).hexdigest()


_SHA256 = hashlib.sha256()  # copied, not made afresh: a copy skips looking the digest up by name
_BLOCK = 64  # bytes sha256 compresses at a time


class StateHasher:
    """state_hash for one caller's run of consecutive states (a save's replay hashes 10,000):
    the same value, from pieces of its own rather than the shared ones, so without the lock and
    the shared pieces' bookkeeping. Not for sharing between threads."""

    __slots__ = ("_last",)

    def __init__(self) -> None:
        self._last: _Written | None = None

    def __call__(self, state: State) -> str:
        values = _values(state.__dict__)
        last = self._last
        try:
            if last is None or last.content_hash != state.scenario.content_hash or not last.update(values):
                last = self._last = _Written(state, values, cut=True)
        except BaseException:
            self._last = None  # as canonical_text: the pieces are no state's any more
            raise
        # the same digest: sha256 takes its input a block at a time, and the text's first block
        # is its opening's, whose state is kept (a block is about a sixtieth of a state's text)
        opening = last.opening
        sha = _SHA256.copy() if opening is None else opening.copy()
        sha.update("".join(last.flat).encode("ascii"))
        return sha.hexdigest()


# --- what a scenario says ---------------------------------------------------------------------------


_FILE_ONLY = frozenset({"content_hash"})

# The fields of a scenario written for its reader: names, titles, texts, descriptions, sources,
# quotes, dates and the grammar of names. Neither the rules nor any agent reads them to decide.
PROSE = frozenset(
    {"title", "text", "summary", "description", "name", "label", "leader", "stances", "sources", "notes"}
    | {"date", "dates", "place", "plural", "lesson", "short_name"}
)


def _said(value: object, skip: frozenset[str] = _FILE_ONLY) -> object:
    """A scenario's fields as JSON can hold them, in a fixed order: its numbers, names and texts,
    never its file's bytes (content_hash), so a comment or a space changed in the file, or the
    same table built in memory, gives the same value; the fields named in `skip` left out."""
    if is_dataclass(value) and not isinstance(value, type):
        return [
            type(value).__name__,
            *(_said(getattr(value, f.name), skip) for f in fields(value) if f.name not in skip),
        ]
    if isinstance(value, frozenset):
        return sorted(value)  # of option indices: sorted, whatever order the set iterates in
    if isinstance(value, tuple | list):
        return [_said(v, skip) for v in value]
    if isinstance(value, dict):
        return [[_said(k, skip), _said(v, skip)] for k, v in value.items()]
    return repr(value) if isinstance(value, float) else value


def scenario_text(scenario: Scenario) -> str:
    """A scenario as canonical JSON: every field but its file's hash, so two scenarios that say
    the same (the same file with a comment added, or the table built in memory) give one text."""
    return json.dumps(_said(scenario), ensure_ascii=True, separators=(",", ":"))


def play_text(scenario: Scenario) -> str:
    """What of a scenario the game is played by, as canonical JSON: scenario_text without its
    prose (PROSE). Two scenarios with the same play_text play alike move for move; an author who
    rewrites an event's text or fixes a name changes none of it, so the hard agent's rehearsal
    (game.ai.rehearsal.seeds) and its book (game.ai.book) stay as they were."""
    return json.dumps(_said(scenario, _FILE_ONLY | PROSE), ensure_ascii=True, separators=(",", ":"))
