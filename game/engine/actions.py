"""What a delegation can do at the table.

Actions name things by their scenario ids, so they read well in saves and transcripts and
survive being written out and read back; the engine resolves the ids when it applies them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from game.engine.errors import InvalidAction

Package = tuple[tuple[str, str], ...]  # (issue id, option id) pairs


@dataclass(frozen=True)
class Propose:
    kind: ClassVar[str] = "propose"
    actor: str
    package: Package
    to: tuple[str, ...]


@dataclass(frozen=True)
class Draft:
    """The mediator's single negotiating text, put to every party and guarantor present."""

    kind: ClassVar[str] = "draft"
    actor: str
    package: Package


@dataclass(frozen=True)
class Respond:
    kind: ClassVar[str] = "respond"
    actor: str
    proposal: int
    accept: bool


@dataclass(frozen=True)
class Concede:
    kind: ClassVar[str] = "concede"
    actor: str
    issue: str
    option: str


@dataclass(frozen=True)
class Statement:
    kind: ClassVar[str] = "statement"
    actor: str
    tone: str  # "hardline" | "conciliatory"
    to: str = ""  # "" addresses the room


@dataclass(frozen=True)
class Pressure:
    kind: ClassVar[str] = "pressure"
    actor: str
    client: str
    issue: str


@dataclass(frozen=True)
class Meet:
    kind: ClassVar[str] = "meet"
    actor: str
    other: str


@dataclass(frozen=True)
class WalkOut:
    kind: ClassVar[str] = "walk_out"
    actor: str


@dataclass(frozen=True)
class Boycott:
    kind: ClassVar[str] = "boycott"
    actor: str


@dataclass(frozen=True)
class Pass:
    kind: ClassVar[str] = "pass"
    actor: str


Action = Propose | Draft | Respond | Concede | Statement | Pressure | Meet | WalkOut | Boycott | Pass
ACTION_TYPES: dict[str, type[Action]] = {
    t.kind: t for t in (Propose, Draft, Respond, Concede, Statement, Pressure, Meet, WalkOut, Boycott, Pass)
}
TONES = ("hardline", "conciliatory")


def action_to_dict(action: Action) -> dict[str, Any]:
    """A plain mapping (for saves and JSON): {"kind": ..., fields...}."""
    out: dict[str, Any] = {"kind": action.kind, "actor": action.actor}
    if isinstance(action, Propose | Draft):
        out["package"] = {issue: option for issue, option in action.package}
    if isinstance(action, Propose):
        out["to"] = list(action.to)
    elif isinstance(action, Respond):
        out["proposal"] = action.proposal
        out["accept"] = action.accept
    elif isinstance(action, Concede):
        out["issue"] = action.issue
        out["option"] = action.option
    elif isinstance(action, Statement):
        out["tone"] = action.tone
        if action.to:
            out["to"] = action.to
    elif isinstance(action, Pressure):
        out["client"] = action.client
        out["issue"] = action.issue
    elif isinstance(action, Meet):
        out["other"] = action.other
    return out


def action_from_dict(data: Any) -> Action:
    """The inverse of action_to_dict; raises InvalidAction on any malformed input."""
    if not isinstance(data, dict):
        raise InvalidAction("an action must be a mapping")
    kind = data.get("kind")
    if kind not in ACTION_TYPES:
        raise InvalidAction(f"unknown action kind {kind!r}")
    fields = {"kind", "actor"}
    actor = _text(data, "actor")
    action: Action
    if kind in ("propose", "draft"):
        raw = data.get("package")
        if not isinstance(raw, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in raw.items()):
            raise InvalidAction("package must map issue ids to option ids")
        package = tuple(raw.items())
        fields.add("package")
        if kind == "propose":
            to = data.get("to")
            if not isinstance(to, list) or not all(isinstance(t, str) for t in to):
                raise InvalidAction("to must be a list of delegation ids")
            fields.add("to")
            action = Propose(actor, package, tuple(to))
        else:
            action = Draft(actor, package)
    elif kind == "respond":
        proposal, accept = data.get("proposal"), data.get("accept")
        if not isinstance(proposal, int) or isinstance(proposal, bool) or not isinstance(accept, bool):
            raise InvalidAction("respond needs a proposal number and accept: true or false")
        fields |= {"proposal", "accept"}
        action = Respond(actor, proposal, accept)
    elif kind == "concede":
        fields |= {"issue", "option"}
        action = Concede(actor, _text(data, "issue"), _text(data, "option"))
    elif kind == "statement":
        to = data.get("to", "")
        if not isinstance(to, str):
            raise InvalidAction("to must be a delegation id")
        fields |= {"tone", "to"}
        action = Statement(actor, _text(data, "tone"), to)
    elif kind == "pressure":
        fields |= {"client", "issue"}
        action = Pressure(actor, _text(data, "client"), _text(data, "issue"))
    elif kind == "meet":
        fields.add("other")
        action = Meet(actor, _text(data, "other"))
    elif kind == "walk_out":
        action = WalkOut(actor)
    elif kind == "boycott":
        action = Boycott(actor)
    else:
        action = Pass(actor)
    extra = set(data) - fields
    if extra:
        raise InvalidAction(f"unexpected field {sorted(extra)[0]!r} in a {kind} action")
    return action


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise InvalidAction(f"{key} must be a non-empty string")
    return value
