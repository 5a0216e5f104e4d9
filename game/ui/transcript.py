"""The table's transcript, line by line: how a record reads to the player at the table (the
package of a proposal written compactly, a meeting with what it taught a lone player, a reason
where the record has one). Kept apart from the table screen, which only shows the lines."""

from __future__ import annotations

from rich.text import Text

from game.engine import Record
from game.engine.model import Scenario
from game.engine.records import REASONED
from game.engine.view import View
from game.play.history import Chronicle, Line
from game.ui.screens.history import narrate

# how a record of each kind is drawn, in the table's transcript and the replay viewer's
STYLES = {
    "event": "bold yellow",
    "agreement": "bold green",
    "round": "bold",
    "venue": "bold",
    "walk_out": "bold red",
    "pulled_out": "bold red",
    "left": "bold red",
    "venue_end": "bold",
    "game_over": "bold",
}


def learnt(scenario: Scenario, view: View, subject: int, issue: int, weight: float) -> str:
    """What a meeting taught the viewer of one side's priorities, as the game words it (a plural
    name, "The platforms", wants in the plural)."""
    wants = "they want" if scenario.delegations[subject].plural else "it wants"
    return f"{view.delegations[subject].name}: {view.issues[issue].name} carries {weight:.0%} of what {wants}"


def transcript_line(
    scenario: Scenario,
    view: View,
    chronicle: Chronicle,
    record: Record,
    reason: str,
    line: Line | None,
    private: bool,
    whole: bool = False,
) -> Text:
    """One record as the transcript shows it to the viewer of `view`; `private`: a lone player
    reads it (in hot-seat play the transcript is shared, and names stand for "you"); `whole`: a
    proposal's package with every name and label in full (the transcript filling the screen)."""
    if line is not None and record.kind in ("propose", "draft"):
        return narrate(scenario, -1, chronicle, line, whole=whole)
    if line is not None and record.kind == "meet":
        return meeting_text(scenario, view, chronicle, line, private)
    return said(record, reason)


def has_whole_form(record: Record, line: Line | None) -> bool:
    """Whether the transcript writes this record shorter than in full (a proposal's package)."""
    return line is not None and record.kind in ("propose", "draft")


def said(record: Record, reason: str) -> Text:
    """A record in its style, with the reason its mover gave where the move is one a reason
    explains (the table's transcript and the replay viewer's)."""
    text = Text(record.text, style=STYLES.get(record.kind, ""))
    if reason and record.kind in REASONED:
        text.append(f"  ({reason})", style="dim italic")
    return text


def meeting_text(scenario: Scenario, view: View, chronicle: Chronicle, line: Line, private: bool) -> Text:
    """A meeting: who asked whom, and, to a lone player who took part, what it taught them; in
    hot-seat play that stays in each player's brief."""
    text = narrate(scenario, -1, chronicle, line)
    if not private or view.me not in (line.actor, line.other):
        return text
    weights = {(subject, issue): weight for subject, issue, weight in view.learned}
    facts = [
        learnt(scenario, view, subject, issue, weights[subject, issue])
        for learner, subject, issue in line.learnt
        if learner == view.me and (subject, issue) in weights
    ]
    if facts:
        text.append(f"  You learnt: {'; '.join(facts)} (i: your brief).", style="italic")
    else:
        text.append("  You learnt nothing new (i: your brief holds what you know).", style="italic")
    return text
