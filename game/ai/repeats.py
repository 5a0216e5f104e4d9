"""The table has not moved: a package we refused comes back to us from another side.

A planner weighing an offer against waiting counts on the others conceding as its model of
them says (game.ai.planning). Where the same side puts a package we refused back to us, that
side has not conceded, and the hard agent weighs waiting by its own curve alone
(`Level.heeds_repeats`, repeated_offer below). The same holds where another side
puts it: at a table where one side's package is taken up word for word by another, the offer
that reaches us round after round is the table's, whoever tables it, and it has not moved
towards us. On a short venue the plan's promise of a later, better package is then what costs
the deal: in the random scenario timed-11 (three rounds) the hard agent in d1's seat refused
in the first two rounds the package d4 and then d0 put to it, worth 0.29 over its walk-away
value, holding out for the 0.68 its plan read into the others, and in the last round only a
partial deal worth a third of that was left (docs/lab/agents.md, "The
table's repeated offer and a boycott the deck may make for us").
"""

from __future__ import annotations

from collections.abc import Iterable

from game.ai.reading import counterparts, value_with
from game.engine.state import Answer, Proposal
from game.engine.view import View


def refused_twice(refused: Iterable[Answer]) -> bool:
    """Whether, among these refusals, one package (sorted, so a package is the same whatever
    order its issues came in) was refused in two different rounds: it was put again after it had
    been refused, so its author has not moved."""
    first: dict[tuple[tuple[int, int], ...], int] = {}
    return any(first.setdefault(tuple(sorted(a.package)), a.round) != a.round for a in refused)


def refused_from(view: View, p: Proposal) -> set[int]:
    """The sides that put `p`'s package to us at this venue in an earlier round, and had it
    refused by us (the public record of answers, which keeps each side's last eight)."""
    package = sorted(p.package)
    return {
        a.author
        for a in view.answers
        if a.who == view.me
        and a.venue == view.venue_index
        and a.round < view.round
        and not a.accepted
        and sorted(a.package) == package
    }


def repeated_offer(view: View, p: Proposal) -> bool:
    """Whether `p`'s author put the same package to us at this venue in an earlier round and we
    refused it: it comes back with what we already turned down, so it has not moved towards us
    since (`Level.heeds_repeats`)."""
    return p.author in refused_from(view, p)


def repeated_in_part(view: View, p: Proposal) -> bool:
    """Whether, at a table of two, `p` is a part of a package its author put to us at this
    venue in an earlier round and we refused: every option of `p` is that package's on its
    issue, and `p` leaves out some of that package's issues (`Level.heeds_partial_repeats`).
    Splitting a refused package gives nothing on the issues it keeps: its author has not moved
    towards us there, and the part is worth more to us than the whole only by the issues it
    leaves open (docs/lab/agents.md, "A refused package split")."""
    if counterparts(view) != [p.author]:
        # at a table of several a side trims its package to what the others at the table can
        # sign, and their offers move: the part it keeps tells less of its own concessions; and
        # a text from a side that does not sign (a mediator, a guarantor) is no counterpart's
        # concession
        return False
    package = set(p.package)
    return any(
        a.who == view.me
        and a.author == p.author
        and a.venue == view.venue_index
        and a.round < view.round
        and not a.accepted
        and package < set(a.package)
        for a in view.answers
    )


def table_repeats(view: View, p: Proposal) -> bool:
    """Whether a package we refused at this venue in an earlier round, put to us then by another
    side than `p`'s author, is put to us again in `p` (`Level.heeds_table_repeats`)."""
    return bool(refused_from(view, p) - {view.me, p.author})


def put_to_us(view: View, author: int, before: int | None = None) -> dict[int, tuple[tuple[int, int], ...]]:
    """The packages `author` put to us at this venue, by proposal id: those we answered (the
    public record of our answers) and its proposals to us still before us; with `before`, only
    those tabled before that proposal."""
    found: dict[int, tuple[tuple[int, int], ...]] = {}
    for a in view.answers:
        if a.who == view.me and a.author == author and a.venue == view.venue_index:
            found[a.proposal] = a.package
    for q in view.proposals:
        if q.author == author and view.me in q.to:
            found[q.id] = q.package
    if before is not None:
        return {i: package for i, package in found.items() if i < before}
    return found


def came_our_way(view: View, p: Proposal) -> bool:
    """Whether `p`'s author has moved towards us at this venue: `p` is worth more to us than a
    package it put to us before at this venue, the least of them (the answers we gave in the
    public record, and its proposals to us still before us; a package scored as if agreed now,
    so an issue it leaves open counts where an open issue ends). The record's reading of a
    stonewaller (`reading.stonewalled`) counts the options a side has offered, issue by issue:
    a side that drops an issue it asked for from its package, leaving it open at a status quo we
    prefer, offers nothing new and still reads as unmoved, though it gave ground
    (`Level.credits_moves`). Only the offer before us is credited: a side that moved once and
    then went back to its first demand has not come our way with that demand, and a package it
    put only to a third side tells us nothing of what it offers us."""
    earlier = put_to_us(view, p.author, before=p.id)
    if not earlier:
        return False
    return value_with(view, p.package) > min(value_with(view, q) for q in earlier.values()) + 1e-9


def asks_past_refusal(
    view: View, package: tuple[tuple[int, int], ...] | list[tuple[int, int]], any_refusal: bool = False
) -> bool:
    """Whether, at a table of two with two rounds or more of the venue left after this one, the
    counterpart has refused at this venue, in two different rounds (the public record of
    answers), packages on each of whose issues `package` asks at least what they give us, by our
    own values (or, with `any_refusal`, any packages: `package` is then not read): it asks no less
    than what the counterpart has refused round after round (Level.holds_below_refusals). One
    refusal says a package fell short of the counterpart's aim, not of its floor: at timed-13 d0
    d1 refused contested o2 in round 1 and offered it at its deadline, and reading one refusal
    cost the seat 0.041. In the round before the last the counterpart's deadline concession is a
    round's toll away: at timed-6 d0 d1 moved in round 3, after two refusals, and reading them
    there cost 0.011 (docs/lab/agents.md, "A hold-out asking what was refused"). With
    `any_refusal` (Level.holds_below_any_refusals) any two rounds of the counterpart's refusals at
    the venue count, whatever the packages refused asked of us (docs/lab/agents.md, "Any two
    refusals"). A known limit of that reading, left as the games measured it: refusals of
    packages whose issues have since been settled count too, where the per-issue reading does not
    count them if `package` leaves those issues out (its `i in ours` check)."""
    others = counterparts(view)
    if len(others) != 1 or view.round >= view.venue.rounds - 1:
        return False
    values = view.own.values
    ours = dict(package)
    rounds = {
        a.round
        for a in view.answers
        if a.who == others[0]
        and a.venue == view.venue_index
        and not a.accepted
        and (any_refusal or all(i in ours and values[i][ours[i]] >= values[i][o] - 1e-9 for i, o in a.package))
    }
    return len(rounds) >= 2
