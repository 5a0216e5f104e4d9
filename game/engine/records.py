"""What happened: the engine reports every change as records the UI and CLI can narrate."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


def verb_for(plural: bool, verb: str) -> str:
    """A verb phrase after a delegation's name, as the name takes it: "rejects", "moves its", or
    for a plural name ("The Moscow and Cairo platforms and independents") "reject", "move their"."""
    if not plural:
        return verb
    first, _, rest = verb.partition(" ")
    if first.endswith(("sses", "shes", "ches")):
        first = first[:-2]
    elif first.endswith("s"):
        first = first[:-1]
    rest = " ".join("their" if word == "its" else word for word in rest.split(" ")) if rest else ""
    return f"{first} {rest}" if rest else first


# The moves whose first record an agent's stated reason explains (an answer, a walk-out, a boycott,
# a statement): the table's transcript shows the reason beside them, and a save keeps it.
REASONED = frozenset({"respond", "walk_out", "boycott", "statement"})


def in_sentence(name: str) -> str:
    """A name as it reads inside a sentence: a leading article is lower-cased ("a statement to
    the armed opposition delegation", not "to The armed opposition delegation"). A name keeps its
    capital where it opens a sentence, a list item or a heading."""
    return "the" + name[3:] if name.startswith("The ") else name


def listed(names: Sequence[str]) -> str:
    """Names as a sentence lists them: "A", "A and B", "A, B and C"."""
    return " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)


@dataclass(frozen=True)
class Record:
    kind: str  # action kind, or: event, round, agreement, signing_cost, expired, overtaken, pulled_out, left, venue_end, game_over
    text: str  # one readable sentence
    actor: int = -1
    round: int = 0
