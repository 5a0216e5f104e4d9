"""Who was at each venue, and how each delegation ended there: signed, boycotted, walked out...

In a campaign each venue has its own table: a delegation may sign at one and boycott the next,
so a status belongs to a venue, never to the game as a whole. The engine resets attendance
when a venue opens; what happened at each is read from the game's records, in order.
"""

from __future__ import annotations

from game.saves import Session

LEFT = {
    "walk_out": "walked out",
    "boycott": "boycotted",
    "pulled_out": "pulled out by its hardliners",
    "left": "left the talks",
}


def departures(session: Session) -> list[dict[int, str]]:
    """Per venue played so far: the delegations that left it, and how (a kind of LEFT)."""
    out: list[dict[int, str]] = []
    for record in session.records:
        if record.kind == "venue":
            out.append({})
        elif record.kind in LEFT and record.actor >= 0 and out:
            out[-1].setdefault(record.actor, record.kind)
    return out


def venue_status(session: Session, venue: int, delegation: int, left: dict[int, str] | None = None) -> str:
    """How `delegation` ended at `venue`: a few words a player reads at a glance."""
    sc = session.scenario
    v = sc.venues[venue]
    if delegation not in v.turn_order:
        return "not at this venue"
    if left is None:
        gone = departures(session)
        left = gone[venue] if venue < len(gone) else {}
    signed = any(a.venue == venue and delegation in a.parties for a in session.state.agreements)
    how = LEFT.get(left.get(delegation, ""), "")
    if signed:
        return f"signed, then {how}" if how else "signed"
    if how:
        return how
    if delegation not in v.signatories:
        return "not a signatory"
    if not any(a.venue == venue for a in session.state.agreements):
        return "nothing to sign"
    return "did not sign"


def statuses(session: Session) -> list[tuple[str, ...]]:
    """Per delegation, its status at every venue played (in order)."""
    gone = departures(session)
    played = len(gone)
    return [
        tuple(venue_status(session, v, d, gone[v]) for v in range(played))
        for d in range(len(session.scenario.delegations))
    ]
