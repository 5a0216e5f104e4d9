"""What a delegation can do at the table.

Actions name things by their scenario ids, so they read well in saves and transcripts and
survive being written out and read back; the engine resolves the ids when it applies them. Their
one text form is the save format's (game.saves.codec: `propose detainees:x to=a,b`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

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
