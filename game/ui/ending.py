"""What the notice "The talks are over" says when the talks ended on the AI seats' moves.

It is read before the debrief, often after the player skipped (f) a long stretch of moves: it
says how the talks ended (the deal and what signing it cost, each venue's end and the game's),
not everything that happened on the way. A delegation that left the table (walked out, was
pulled out by its hardliners, or left on an event) is named only where its move ended a venue:
the others are counted in one line, and the transcript and the history keep every one of them.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.engine import Record

# What a stretch of moves says of how the talks ended
ENDING = frozenset({"agreement", "signing_cost", "venue_end", "game_over"})
# A delegation leaving the table (or staying away from it: a boycott): part of how the talks ended
# only where its move ended a venue
DEPARTURES = frozenset({"walk_out", "pulled_out", "left", "boycott"})


def ending_lines(moves: Sequence[Sequence[Record]]) -> list[str]:
    """The notice's paragraphs for a stretch of moves (each move's records, in order) that ended
    the talks; [] when nothing in it says how."""
    lines: list[str] = []
    went_on: list[int] = []  # the delegations that left the table without ending a venue
    stayed_away: list[int] = []  # ...and those that boycotted it (a newcomer counted them too)
    last = 0  # where the last move's lines start: the count goes before how the game ended
    for records in moves:
        last = len(lines)
        ended = any(r.kind == "venue_end" for r in records)
        for r in records:
            if r.kind in ENDING or (r.kind in DEPARTURES and ended):
                lines.append(r.text)
            elif r.kind in DEPARTURES:
                # each delegation once: one that left a table and stayed away from another is
                # counted as leaving (the stronger of the two)
                if r.kind != "boycott" and r.actor in stayed_away:
                    stayed_away.remove(r.actor)
                counted = stayed_away if r.kind == "boycott" else went_on
                if r.actor not in went_on and r.actor not in stayed_away:
                    counted.append(r.actor)
    # (the stretch is the AI's moves since the player's: "Along the way, 1 delegation left" read
    # as the whole game's count to a newcomer who had seen two others stay away before it)
    if lines and (went_on or stayed_away):
        said = [
            f"{n} delegation{'s' if n != 1 else ''} {what}"
            for n, what in ((len(went_on), "left the table"), (len(stayed_away), "stayed away"))
            if n
        ]
        lines.insert(last, f"Since your last move, {' and '.join(said)} without ending the talks.")
    return lines
