"""Who plays a delegation: a person at this terminal, the AI (a level or a strategy of the
library), or an outside agent plugged in by name.

A Seat is plain data. Its string form is the one place seats are written and read: a save
stores it, a command line's `--seat ID=KIND` and a worker process pass the kind, and
`Seat.parse` reads it back. The engine never looks at seats; they live here so that every layer
(saves, ai, sim, the interface) can name them without importing one another. Which agent object
plays a seat is the AI layer's business (game.sim.seating.seat_chooser).
"""

from __future__ import annotations

from dataclasses import dataclass

HUMAN, AI, AGENT = "human", "ai", "agent"
DEFAULT_LEVEL = "normal"


@dataclass(frozen=True)
class Seat:
    kind: str  # HUMAN, AI or AGENT
    name: str = ""  # AI: the level or strategy; AGENT: its spec, PATH.py:NAME or module:NAME

    @classmethod
    def human(cls) -> Seat:
        return cls(HUMAN)

    @classmethod
    def ai(cls, name: str = DEFAULT_LEVEL) -> Seat:
        return cls(AI, name)

    @classmethod
    def agent(cls, spec: str) -> Seat:
        return cls(AGENT, spec)

    @classmethod
    def of(cls, kind: str) -> Seat:
        """The seat a `--seat ID=KIND` names: an outside agent if KIND has a colon, else the AI."""
        return cls.agent(kind) if ":" in kind else cls.ai(kind)

    @property
    def is_human(self) -> bool:
        return self.kind == HUMAN

    @property
    def player(self) -> str:
        """What `--seat ID=...` would say for it: the level, strategy or agent spec ("human")."""
        return self.name if self.kind != HUMAN else HUMAN

    def __str__(self) -> str:
        return HUMAN if self.kind == HUMAN else f"{self.kind}:{self.name}"

    @classmethod
    def parse(cls, text: str) -> Seat:
        """The inverse of str(); ValueError with a readable message if `text` names no seat."""
        if text == HUMAN:
            return cls.human()
        kind, sep, name = text.partition(":")
        if not sep or kind not in (AI, AGENT) or not name:
            raise ValueError(f"{text!r} is not a seat: human, ai:LEVEL or agent:PATH.py:NAME")
        return cls(kind, name)
