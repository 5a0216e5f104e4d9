"""What a delegation may choose from in each dialog, worked out from its View alone.

Kept apart from the dialogs (and from Textual) so that the filters match the engine's rules
in one readable place and can be tested without a screen. The engine still has the last
word: a dialog may offer something the engine then refuses, never the reverse by design.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from game.engine.handlers import PROPOSERS
from game.engine.state import PENDING, Proposal
from game.engine.view import View


def open_issues(view: View) -> tuple[int, ...]:
    """Agenda issues still to be negotiated here, in agenda order."""
    return tuple(i for i in view.agenda if view.settled[i] < 0)


def present_others(view: View) -> tuple[int, ...]:
    """Delegations at the table other than the viewer."""
    return tuple(d for d, here in enumerate(view.present) if here and d != view.me)


def can_propose(view: View) -> bool:
    return view.own.role in PROPOSERS


def draft_recipients(view: View) -> tuple[int, ...]:
    """Who must answer a mediator's draft: every party and guarantor present (as the engine does)."""
    return tuple(d for d in present_others(view) if view.delegations[d].role in PROPOSERS)


def default_addressees(view: View) -> frozenset[int]:
    """The venue's signatories: a deal needs all of them, so a proposal usually goes to them."""
    return frozenset(view.venue.signatories) & frozenset(present_others(view))


def pending_proposals(view: View) -> tuple[Proposal, ...]:
    """Open proposals still waiting for the viewer's answer, drafts first (they must be answered
    before anything else), then oldest first."""
    waiting = [p for p in view.proposals if p.response_of(view.me) == PENDING]
    return tuple(sorted(waiting, key=lambda p: (not p.draft, p.id)))


def concession_cost(view: View, issue: int, option: int) -> int:
    """Support lost at home for moving the public position on `issue` to `option` (RULES.md)."""
    current = view.positions[view.me][issue]
    drop = view.own.values[issue][current] - view.own.values[issue][option]
    # The same small tolerance as the engine, so that a float just over an integer does not
    # show one point more than the engine will take.
    return max(1, math.ceil(view.rules.concession_cost * view.own.weights[issue] * drop - 1e-9))


def concession_options(view: View, issue: int) -> tuple[int, ...]:
    """Options the viewer may concede to on `issue`: valued strictly less than its public
    position and not across its own red line. Empty where it holds no position."""
    current = view.positions[view.me][issue]
    if current < 0:
        return ()
    values = view.own.values[issue]
    return tuple(o for o in range(len(values)) if values[o] < values[current] and o not in view.own.red_lines[issue])


def concedable_issues(view: View) -> tuple[int, ...]:
    return tuple(i for i in open_issues(view) if concession_options(view, i))


@dataclass(frozen=True)
class PressureTarget:
    """One possible press: the client moves one step, from `current` to `step`, on `issue`."""

    client: int
    issue: int
    current: int
    step: int


def clients(view: View) -> tuple[int, ...]:
    """Present delegations whose patrons include the viewer."""
    return tuple(d for d in present_others(view) if view.me in view.delegations[d].patrons)


def pressure_targets(view: View) -> tuple[PressureTarget, ...]:
    """Every press the engine would allow: a present client, an open issue where both hold a
    position and they differ, and a next step that is not across the client's red line."""
    out: list[PressureTarget] = []
    for client in clients(view):
        for issue in open_issues(view):
            mine, theirs = view.positions[view.me][issue], view.positions[client][issue]
            if mine < 0 or theirs < 0 or mine == theirs:
                continue
            step = theirs + (1 if mine > theirs else -1)
            if step not in view.red_lines[client][issue]:
                out.append(PressureTarget(client, issue, theirs, step))
    return tuple(out)


def learned_of(view: View, delegation: int) -> tuple[tuple[int, float], ...]:
    """(issue, true weight) the viewer has learnt of `delegation` in meetings."""
    return tuple((issue, weight) for subject, issue, weight in view.learned if subject == delegation)
