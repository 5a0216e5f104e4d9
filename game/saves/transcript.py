"""A saved game as a Markdown transcript: every action and event, round by round."""

from __future__ import annotations

from game.engine.utility import outcome_utility
from game.saves.session import Session


def markdown(session: Session) -> str:
    sc = session.scenario
    state = session.state
    out = [f"# {sc.title}", "", sc.summary.strip(), ""]
    out.append(f"- Scenario: `{session.name}` (sha256 `{sc.content_hash[:12]}`), seed {session.seed}")
    seats = ", ".join(f"{d.name}: {session.seats[d.id]}" for d in sc.delegations)
    out += [f"- Seats: {seats}", f"- Turns: {len(session.log)}", ""]
    for k, record in enumerate(session.records):
        if record.kind == "venue":
            out += [f"## {record.text}", ""]
        elif record.kind == "round":
            out += ["", f"### {record.text}", ""]
        elif record.kind in ("event", "agreement", "venue_end", "game_over", "closing"):
            out.append(f"- **{record.text}**")
        elif reason := session.reason_at(k):
            out.append(f"- {record.text} ({reason})")
        else:
            out.append(f"- {record.text}")
    out += ["", "## Outcome", ""]
    if state.over:
        out.append(f"{state.outcome.replace('_', ' ').capitalize()}: {state.reason}")
    else:
        out.append(f"The game is still running (round {state.round}).")
    if state.over:
        out += ["", "| delegation | utility | walk-away |", "|---|---:|---:|"]
        # the walk-away values of this game, as `watch` and the debrief give them: drawn from its
        # seed and moved by its events (state.scenario), not the file's central ones (sc)
        for k, d in enumerate(state.scenario.delegations):
            out.append(f"| {d.name} | {outcome_utility(state, k):.2f} | {d.reservation:.2f} |")
    else:
        # Anyone can print a save: while the game runs, what a deal is worth to each side and
        # where each would walk away are its own secrets (a hot-seat rival could read them).
        out += ["", "What each side's deal is worth, and its walk-away value, stay private until the game ends."]
    if sc.history.summary:
        out += ["", "## What really happened", "", sc.history.summary.strip()]
    return "\n".join(out) + "\n"
