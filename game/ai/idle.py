"""A venue that can give us nothing: leave it before it costs another round.

Every round a venue goes on without settling its open issues costs each side its toll (the
rules' `delay_cost`, game.engine.clock.bleed). Where even our best allowed option on every
issue still open here would leave us no better off than we are (our own red lines can put the
status quo out of reach of any text), no agreement at this venue can pay for a single round of
it. At a table of two the talks need our signature: walking out ends the venue at once, and
what we have stays as it is. In timed-1 d1 (a random scenario) the hard agent sat through the
second venue's three rounds, meeting and passing, while the library's hardline strategy, whose
statements drain the talks' momentum, ended it sooner and beat it by +0.006 in nearly every game
(docs/lab/agents.md, "A venue that can give us nothing").
"""

from __future__ import annotations

from game.ai.ground import ground_keeps_us
from game.ai.reading import before_me, best_possible, bleed_rate, counterparts, fallback, value_with
from game.ai.repeats import refused_twice
from game.engine.legal import may_propose, moves_for
from game.engine.state import Answer
from game.engine.view import View


def nothing_to_win(view: View) -> bool:
    """Whether we leave this venue now: the game's last venue (a walk-out costs trust, which
    a later venue would read), our one counterpart there (with more signatories the others could
    still sign without us), issues open that cost us a toll each round, no package on them
    worth more to us than what we have, and no card of the public deck expected to lift what we
    have by more than the rounds left cost (game.ai.ground.ground_keeps_us)."""
    if not _last_table_of_two(view) or best_possible(view) > fallback(view) + 1e-9:
        return False
    return _free_to_leave(view)


def _last_table_of_two(view: View) -> bool:
    """The game's last venue, one counterpart there, a role that may table packages, and rounds
    that cost us a toll (an issue open and a delay cost): where leaving can save something."""
    return (
        not view.venues_left and len(counterparts(view)) == 1 and may_propose(view.own.role) and bleed_rate(view) > 0.0
    )


def _free_to_leave(view: View) -> bool:
    """The rules allow a walk-out now, and no card of the public deck is expected to lift what we
    have by more than the rounds left cost (game.ai.ground.ground_keeps_us)."""
    return moves_for(view).allowed("walk_out") and not ground_keeps_us(view)


# the rounds in which the counterpart must have refused our packages before we read a stalemate:
# one round of refusals may be haggling (read from one, timed-18 d1 gained +0.002 against
# +0.010 from two, 100 paired games)
STALEMATE_ROUNDS = 2
# the counterpart's rounds of refusals that make a stalemate where it has also put back to us a
# package we refused (Level.stalemate_on_repeat): a side that repeats what was refused is not
# haggling, so its one round of refusals already says what two rounds say of another side
REPEAT_STALEMATE_ROUNDS = 1


def stalemate(view: View, on_repeat: bool = False, untabled: bool = False, to_deadline: bool = False) -> bool:
    """Whether we leave this venue now because the one counterpart there will not give what the
    rounds left would be worth to us: the game's last venue and one counterpart (as
    nothing_to_win), not in the closing session, issues open that cost us a toll each round, the
    counterpart has refused our packages on issues still open in STALEMATE_ROUNDS rounds at this
    venue, none of its own packages on them is worth more to us than what we have, and no card
    of the public deck is expected to lift what we have by more than the rounds left cost. Our
    own best packages are worth more than what we have, so nothing_to_win stays; but a side that
    refuses them round after round and offers nothing better than walking away leaves the rounds
    only their toll.
    In timed-9 d1 and timed-18 d1 (random scenarios) the hard agent sat the rounds out with
    nothing agreed after them, and the library's hardline strategy, whose statements end the
    talks sooner, beat it (docs/lab/agents.md, "A stalemate at a table of two").
    `on_repeat` (Level.stalemate_on_repeat): one round of the counterpart's refusals is enough
    where it has also put back to us, in a later round, a package of its own we refused here.
    Haggling moves; a side that refuses ours and repeats what we refused does not. At timed-9
    d1 the counterpart refused d1's package in round 2 and tabled again the package d1 had
    refused; the two-round rule walked out only in round 4 of 4, and hardline, whose statements
    end those talks sooner, still led by 0.011 ± 0.002
    (docs/lab/agents.md, "A stalemate read from a repeated offer").
    `untabled` (Level.stalemate_untabled, with `on_repeat` only): where we have tabled nothing at
    this venue, the repeat alone is enough: the counterpart cannot refuse a package it has not
    been given, and waiting for that refusal costs a round's toll (at timed-10 d1 the hard
    agent's first round there went to reassuring its own side; docs/lab/agents.md, "A stalemate
    read before we have tabled").
    `to_deadline` (Level.stalemate_to_deadline): the count of refusals alone (no repeat) is not
    read in the round before the venue's last: every refusal it counts came before the
    counterpart's deadline, where a side signs what it refused earlier, and waiting for that
    answer costs one round's toll (docs/lab/agents.md, "A stalemate read before the deadline")."""
    # the closing session charges no toll (the last round's was charged as it ended): leaving
    # there saves nothing. The negotiator never asks there (a closing turn only answers), so this
    # changes no game; it keeps the rule's answer true wherever it is asked
    if view.closing or not _last_table_of_two(view):
        return False
    other = counterparts(view)[0]

    def still_open(package: tuple[tuple[int, int], ...]) -> bool:
        # a package on issues still open only: one that touched an issue settled since (or at an
        # earlier venue) was refused or offered on other terms. This is not a count of rounds
        # since the venue's last agreement: a refusal before it, of a package on issues still
        # open, still counts
        return all(view.settled[i] < 0 for i, _ in package)

    here = [a for a in view.answers if a.venue == view.venue_index and still_open(a.package)]
    refused = {a.round for a in here if a.who == other and a.author == view.me and not a.accepted}
    repeat = on_repeat and repeats_refused(view, here, other)
    needed = REPEAT_STALEMATE_ROUNDS if repeat else STALEMATE_ROUNDS
    if untabled and repeat and not tabled_here(view):
        needed = 0
    if to_deadline and not repeat and _before_deadline(view):
        return False
    if len(refused) < needed:
        return False
    theirs = [(a.round, a.package) for a in here if a.author == other]
    theirs += [(p.round, p.package) for p in view.proposals if p.author == other and still_open(p.package)]
    if not theirs:
        return False
    have = fallback(view)
    if any(value_with(view, package) > have + 1e-9 for _, package in theirs) or _coming(view, theirs):
        return False
    return _free_to_leave(view)


def _before_deadline(view: View) -> bool:
    """Whether the round after this one is the venue's last (Level.stalemate_to_deadline): the
    counterpart's deadline answer is one round's toll away."""
    return view.round == view.venue.rounds - 1


def tabled_here(view: View) -> bool:
    """Whether we have put a package of our own to the table at this venue (an answer to it on
    the public record, or one still open; Level.stalemate_untabled)."""
    return any(a.author == view.me and a.venue == view.venue_index for a in view.answers) or any(
        p.author == view.me for p in view.proposals
    )


def _coming(view: View, theirs: list[tuple[int, tuple[tuple[int, int], ...]]]) -> bool:
    """Whether the counterpart is still haggling: we have seen its offers in one round only, or
    in its latest round it offered, on an issue it offered on before, an option we value more
    than every one it offered there before (a package's worth alone would miss it, where an
    earlier partial package left the issue open at our walk-away value)."""
    latest = max(r for r, _ in theirs)
    if all(r == latest for r, _ in theirs):
        return True
    values = view.own.values
    best: dict[int, float] = {}
    for r, package in theirs:
        if r < latest:
            for i, o in package:
                best[i] = max(best.get(i, -1.0), values[i][o])
    return any(i in best and values[i][o] > best[i] + 1e-9 for r, package in theirs if r == latest for i, o in package)


def repeats_refused(view: View, here: list[Answer], other: int) -> bool:
    """Whether `other` has put back to us, in a later round at this venue, a package of its own
    (on issues still open: `here` is the venue's record so filtered) that we refused there: our
    refusals of one package of its span two rounds (Level.stalemate_on_repeat)."""
    return refused_twice(a for a in here if a.who == view.me and a.author == other and not a.accepted)


def deadline_answers(view: View) -> bool:
    """Whether the counterpart answers what we table now at its deadline
    (Level.stalemate_concession): the round after this one is the venue's last, and the one
    counterpart speaks before us in the venue's turn order, so that its first move there answers
    our package of this round. Not in a closing session (no round follows it)."""
    return not view.closing and view.round == view.venue.rounds - 1 and bool(before_me(view))


def concedes_past_refusals(view: View, package: tuple[tuple[int, int], ...]) -> bool:
    """Whether `package` is worth less to us than every package of ours the counterpart refused
    at this venue on issues still open (Level.stalemate_concession): it asks less of the side
    than anything it has refused here, by our own values. A package worth as much to us as one
    it refused asks as much of it (timed-6 d1 and timed-18 d1 tabled one in place of the
    walk-out, and it was refused again). With no such refusal on record it holds vacuously; the
    review (rv34) found the rule's one caller, the stalemate walk-out, never reaches it so in any
    random or bundled seat (100 games each): a stalemate is read from refusals."""
    others = counterparts(view)
    worth = value_with(view, package)
    return all(
        value_with(view, a.package) > worth + 1e-9
        for a in view.answers
        if a.who in others
        and a.author == view.me
        and not a.accepted
        and a.venue == view.venue_index
        and all(view.settled[i] < 0 for i, _ in a.package)
    )
