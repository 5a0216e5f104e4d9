"""A stable identity for every state: canonical JSON, then sha256.

The canonical form is one JSON object with a key for every State field, keys sorted:

- "scenario": the scenario's content hash (a string) in place of the scenario itself;
- "proposals" and "agreements": arrays of objects, one per Proposal / Agreement, with a key for
  each of its dataclass fields (sorted, like every object here);
- every other field as it stands: ints, bools, strings, and (nested) arrays for the tuples.

It is written with separators "," and ":" (no spaces), ASCII only, and hashed as sha256 of
those ASCII bytes, shown in hex. JSON of ints, bools and ASCII-escaped strings is the same on
every machine and Python version, and bools stay distinct from ints (true vs 1).

This is the same text an earlier recursive walk (tuples to lists, dataclasses to dicts)
produced, so hashes are unchanged; it is just made faster. The walk visited every int of the
per-delegation tallies in Python. Now json's C encoder takes the State's tuples as they are
(it writes a tuple as an array), and only proposals and agreements, the two fields holding
dataclasses, are turned into dicts first.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import fields
from operator import attrgetter
from typing import Any

from game.engine.state import Agreement, Proposal, State

_HASHED = tuple(f.name for f in fields(State) if f.name != "scenario")
_values = attrgetter(*_HASHED)  # every hashed field in one call, in _HASHED order
_PROPOSAL = tuple(f.name for f in fields(Proposal))
_AGREEMENT = tuple(f.name for f in fields(Agreement))

# What json.dumps(..., sort_keys=True, separators=(",", ":"), ensure_ascii=True) would build on
# every call, built once. check_circular is off because it costs a lookup per array and a
# state is a tree of tuples, which cannot hold a cycle; the text is the same either way.
_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=True, check_circular=False)


def canonical(state: State) -> dict[str, Any]:
    """The state as JSON-ready data; the scenario stands in as its content hash.

    Sequences stay tuples (json writes them as arrays); only Proposal and Agreement, the
    dataclasses a state holds, become dicts.
    """
    out: dict[str, Any] = dict(zip(_HASHED, _values(state), strict=True))
    out["scenario"] = state.scenario.content_hash
    out["proposals"] = [{f: getattr(p, f) for f in _PROPOSAL} for p in state.proposals]
    out["agreements"] = [{f: getattr(a, f) for f in _AGREEMENT} for a in state.agreements]
    return out


def state_hash(state: State) -> str:
    text = _ENCODER.encode(canonical(state))
    return hashlib.sha256(text.encode("ascii")).hexdigest()
