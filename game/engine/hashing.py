"""A stable identity for every state: canonical JSON, then sha256."""

from __future__ import annotations

import hashlib
import json
from dataclasses import fields
from typing import Any

from game.engine.state import State

_HASHED = tuple(f.name for f in fields(State) if f.name != "scenario")


def canonical(state: State) -> dict[str, Any]:
    """The state as plain JSON data; the scenario stands in as its content hash."""
    out: dict[str, Any] = {"scenario": state.scenario.content_hash}
    for name in _HASHED:
        out[name] = _plain(getattr(state, name))
    return out


def state_hash(state: State) -> str:
    text = json.dumps(canonical(state), sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def _plain(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {f: _plain(getattr(value, f)) for f in value.__dataclass_fields__}
    return value
