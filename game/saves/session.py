"""A game in progress: its scenario (and the bytes it came from), seed, seats and log.

A game is exactly its scenario, its seed and its actions; the Session keeps them together with
the state they lead to, so it can be saved at any moment and rebuilt from a save.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.engine import Action, Record, State, apply, new_game, state_hash
from game.engine.model import Scenario
from game.engine.records import REASONED
from game.engine.seat import AGENT as AGENT_KIND
from game.engine.seat import DEFAULT_LEVEL, Seat
from game.engine.seat import HUMAN as HUMAN  # re-exported: the saves layer names it
from game.saves.codec import Entry

# What played an AI seat: a level, or a strategy of the library (game.ai.seats.SEAT_KINDS; the
# saves layer does not import the AI, so a test holds the two lists together). Seats are
# written and read by game.engine.seat.Seat.
AI_SEATS = tuple(
    str(Seat.ai(kind))
    for kind in (
        *("easy", "normal", "hard", "random"),
        *("stonewall", "ideal-then-fold", "accept-above-walkaway", "accept-all", "copy-last", "give-away"),
        *("concede-all", "hardline", "walk-out", "wait-nash", "edge"),
    )
)
AGENT = f"{AGENT_KIND}:"  # an outside agent's seat: "agent:PATH.py:NAME" or "agent:module:NAME"


def default_seats(scenario: Scenario, humans: tuple[str, ...] = (), level: str = DEFAULT_LEVEL) -> dict[str, str]:
    """Every seat as a save writes it: the `humans` human, the others the AI at `level`."""
    return {d.id: str(Seat.human() if d.id in humans else Seat.ai(level)) for d in scenario.delegations}


@dataclass
class Session:
    scenario: Scenario
    source: bytes  # the scenario file exactly as read: a save embeds it whole
    seed: int
    seats: dict[str, str]  # delegation id -> "human", "ai:LEVEL" (or a strategy), or "agent:SPEC"
    state: State
    log: list[Entry] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    name: str = ""  # the scenario's bundled name or file stem
    # What the AI seats said of their moves, where the move is one a reason explains (REASONED):
    # by turn (1: the first action), as the save keeps them, and by the index in `records` of the
    # move's first record, where the transcripts show them. Words only: no side's numbers.
    reasons: dict[int, str] = field(default_factory=dict)
    said: dict[int, str] = field(default_factory=dict)
    # loaded from an autosave: the save the player had named, which the game kept up to date
    # (a tester's named save stopped at round 3 once the game was continued from its autosave)
    named_save: str = ""

    @classmethod
    def new(cls, scenario: Scenario, source: bytes, seed: int, seats: dict[str, str], name: str = "") -> Session:
        state, opening = new_game(scenario, seed)
        return cls(scenario, source, seed, seats, state, [], list(opening), name or scenario.id)

    def play(self, action: Action, reason: str = "") -> tuple[Record, ...]:
        """Apply an action (raising the engine's errors if it is refused) and log it, with the
        reason its mover gave for it, if any (kept where the move is one a reason explains)."""
        taken_in = self.state.round
        state, records = apply(self.state, action)
        self.state = state
        self.log.append(Entry(len(self.log) + 1, taken_in, action, state_hash(state)))
        self.tell(records, reason)
        return records

    def tell(self, records: tuple[Record, ...], reason: str) -> None:
        """Add the records the last logged action told, and the reason given for it."""
        if reason and records and records[0].kind in REASONED:
            # an outside agent's text may hold a lone surrogate, which no file can: written out
            # as its escape ("\\ud800"), so the save and every transcript say the same
            reason = reason.encode("utf-8", "backslashreplace").decode("utf-8")
            self.reasons[len(self.log)] = reason
            self.said[len(self.records)] = reason
        self.records.extend(records)

    def reason_at(self, record: int) -> str:
        """The reason given for the move whose first record is `records[record]` ("" if none)."""
        return self.said.get(record, "")


def agent_seats_problem(seats: dict[str, str], given: list[str]) -> str:
    """Why a saved game cannot be continued with these `--seat` options ("" when it can).

    A save names the outside agents that played it (`agent:PATH.py:NAME`), and continuing the
    game would import and run that code: a save someone handed over, next to a Python file of
    theirs, would run it. So a save never runs code by itself: each outside agent it names runs
    only when the command line repeats it (`--seat ID=PATH.py:NAME`), and --seat with --load does
    nothing else (a saved game keeps its own seats)."""
    # read by the one reader of seats (a save's seats were checked by Seat.parse when it loaded)
    agents = {
        ident: seat.name
        for ident, seat in ((i, Seat.parse(label)) for i, label in seats.items())
        if seat.kind == AGENT_KIND
    }
    repeated: dict[str, str] = {}
    for item in given:
        ident, _, kind = item.partition("=")
        seat = Seat.of(kind)
        if seat.kind != AGENT_KIND or agents.get(ident) != seat.name:
            return f"--seat {item}: a saved game keeps its own seats (with --load, --seat only repeats an outside agent the save names)"
        repeated[ident] = seat.name
    for ident, spec in agents.items():
        if ident not in repeated:
            return (
                f"seat {ident} was played by the outside agent {spec}: a save never runs code by itself; "
                f"to run it, load the save with --seat {ident}={spec}"
            )
    return ""
