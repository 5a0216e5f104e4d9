"""Rounds, turns, venues, events and the end conditions; run after every action."""

from __future__ import annotations

from collections.abc import Sequence

from game.engine import clock, rng
from game.engine.conditions import all_hold
from game.engine.model import Alternative, EventCard
from game.engine.records import in_sentence
from game.engine.state import State
from game.engine.work import Work


def check_ends(w: Work) -> None:
    """End the venue when its talks collapse or every agenda issue is settled."""
    # Run after every action, and nearly always finds nothing: written as plain loops that stop
    # as soon as they know (no generator, no list), in the order and with the outcome of the
    # rules below.
    if w.outcome or len(w.venue_outcomes) > w.venue:  # w.over or w.venue_over
        return
    sc = w.scenario
    signatories = sc.venues[w.venue].signatories
    pulled: list[int] = []
    collapse = sc.rules.collapse_support
    # (min without its keyword default: parsing a keyword costs more than the min of a few)
    if w.support and min(w.support) <= collapse:  # someone's support has collapsed
        for d, present in enumerate(w.present):
            if present and w.support[d] <= collapse:
                w.set_present(d, False)
                w.say(
                    "pulled_out",
                    f"Support at home has collapsed: hardliners pull {in_sentence(w.name(d))} out of the talks.",
                    d,
                )
                w.drop_leavers_proposals(d)
                pulled.append(d)
    # An agreement that settles the agenda stands, even when what it cost at home then pulls a
    # signatory out: the text was signed before the hardliners won. The reason says both.
    if w.agenda and _all_settled(w.settled, w.agenda):
        after = ""
        if pulled:
            # (these words are kept in the state, whose hash a save checks: saves written with them
            # verify only while they stay as they are, "The" and "it" of every name included)
            names = " and ".join(w.name(d) for d in pulled)
            after = f" Then hardliners at home pulled {names} out over what it had given up."
        end_venue(w, "agreement", "Every issue on the agenda is settled." + after)
        return
    gone = [d for d in pulled if d in signatories] if pulled else pulled
    if gone:
        were, their = ("were", "their") if w.scenario.delegations[gone[0]].plural else ("was", "its")
        end_venue(w, "collapse", f"{w.name(gone[0])}, a signatory, {were} pulled out by {their} hardliners.")
    elif w.departed >= 0:  # a `leave` effect took a signatory from the table
        end_venue(w, "collapse", f"{w.name(w.departed)}, a signatory, left the talks.")
    elif w.momentum <= 0:
        end_venue(w, "collapse", "The talks lost all momentum and broke down.")
    elif fewer_than_two_present(signatories, w.present):  # len(w.required_signatories()) < 2
        end_venue(w, "collapse", "Too few signatories are left at the table.")
    elif not w.agenda:
        end_venue(w, "deadline", "Nothing is left on the agenda.")


def quiet(t: State | Work) -> bool:
    """True only where check_ends(t) would change nothing (a fresh Work of it: nobody departed).
    The shortcut for a pass (apply.quick_pass) asks it; where it is False, check_ends decides.
    Each line is a branch of check_ends that would act, in the same order."""
    if t.outcome or len(t.venue_outcomes) > t.venue:
        return False  # over, or the venue over: not a state to pass in (full_apply says what then)
    sc = t.scenario
    collapse = sc.rules.collapse_support
    return (
        (not t.support or min(t.support) > collapse)  # nobody's support has collapsed
        and bool(t.agenda)  # something is left to negotiate ...
        and not _all_settled(t.settled, t.agenda)  # ... and not all of it settled
        and t.momentum > 0
        and not fewer_than_two_present(sc.venues[t.venue].signatories, t.present)
    )


def _all_settled(settled: Sequence[int], agenda: Sequence[int]) -> bool:
    for i in agenda:  # noqa: SIM110 (a loop, not a generator: asked after every action)
        if settled[i] < 0:
            return False
    return True


def fewer_than_two_present(signatories: Sequence[int], present: Sequence[bool]) -> bool:
    """Whether fewer than two of the venue's signatories are at the table: the venue collapses
    (check_ends). Public so that an agent asks the rule rather than working it out again."""
    seen = 0
    for s in signatories:
        if present[s]:
            seen += 1
            if seen == 2:
                return False
    return True


def end_venue(w: Work, outcome: str, reason: str) -> None:
    venue = w.scenario.venues[w.venue]
    w.closing = False
    w.departed = -1  # whoever left, it was this venue they left
    if outcome != "agreement" and outcome != "collapse":
        agreed_here = any(a.venue == w.venue for a in w.agreements)
        outcome = "partial" if agreed_here else "no_deal"
    w.add_venue_outcome(outcome)
    w.reason = reason
    w.proposals = []
    w.say("venue_end", f"{venue.name} ends: {reason}")
    if w.venue + 1 >= len(w.scenario.venues):
        w.outcome = outcome
        w.say("game_over", f"The game is over ({outcome.replace('_', ' ')}).")
        return
    if w.opening_venues:
        # a venue that ended as it opened: the loop below, further up the stack, opens the next
        w.venue_waiting = True
        return
    w.opening_venues = True
    try:
        w.venue_waiting = True
        while w.venue_waiting:
            w.venue_waiting = False
            start_venue(w, w.venue + 1)
    finally:
        w.opening_venues = False


def start_venue(w: Work, index: int) -> None:
    sc = w.scenario
    venue = sc.venues[index]
    w.venue = index
    w.round = 1
    # a place in this venue's turn order, until start_round gives the floor: a venue that ends as
    # it opens (its agenda settled already) must not leave the last venue's place, which may be
    # past the end of this one's order
    w.turn = 0
    w.momentum = venue.momentum
    w.agenda = venue.agenda  # issues settled at an earlier venue stay on it, as settled
    # Only the delegations in its turn order sit at a venue: in a campaign the others are
    # elsewhere, and may neither be addressed nor met there.
    w.present = tuple(d in venue.turn_order for d in range(len(sc.delegations)))
    w.boycotted = (False,) * len(sc.delegations)
    w.proposals = []
    w.moved = False
    w.stall = 0
    w.closing = False
    w.say("venue", f"{venue.name} opens.")
    start_round(w)


def start_round(w: Work) -> None:
    """Events, then the first delegation present takes the floor."""
    w.say("round", f"Round {w.round} of {w.scenario.venues[w.venue].rounds} begins.")
    run_events(w)
    check_ends(w)
    if w.over or w.venue_over:
        return
    first = _next_present(w, -1)
    if first is None:  # nobody left to speak: the venue cannot go on
        end_venue(w, "collapse", "No delegation is left at the table.")
        return
    w.turn = first
    w.ap = w.scenario.venues[w.venue].action_points


def run_events(w: Work) -> None:
    sc = w.scenario
    venue = sc.venues[w.venue]
    seated = venue.turn_order
    here = w.venue
    for index, card in enumerate(sc.events):
        if card.round == w.round and card.venue in (-1, w.venue) and (w.fired[index] == 0 or card.repeat):
            # Conditions are read as the event comes up, after the ones before it have fired.
            if all_hold(w, card.when, seated):
                fire(w, index)
            elif card.otherwise is not None:
                fire_otherwise(w, index)
            else:
                continue
            # What an event does takes effect at once, as every rule says: a delegation whose
            # support it took to the collapse line is pulled out (and the talks may end) before
            # the next event is read, not after a later one has lifted it again.
            check_ends(w)
            if w.over or w.venue != here or w.venue_over:
                return
    if w.round == 1 or venue.random_events <= 0:
        return
    w.rng, roll = rng.next_float(w.rng)
    if roll >= venue.random_events:
        return
    # A card whose conditions do not hold is out of the deck this round (its `otherwise` is for
    # its scripted round only).
    deck = [
        i
        for i, card in enumerate(sc.events)
        if card.weight > 0
        and card.venue in (-1, w.venue)
        and (card.repeat or w.fired[i] == 0)
        and all_hold(w, card.when, seated)
    ]
    if not deck:
        return
    w.rng, pick = rng.next_float(w.rng)
    x = pick * sum(sc.events[i].weight for i in deck)
    for i in deck:
        x -= sc.events[i].weight
        if x < 0:
            fire(w, i)
            return
    fire(w, deck[-1])


def told(card: EventCard | Alternative) -> str:
    """What the record of an event (or of the alternative fired in its place) says: its title,
    then its text."""
    return f"{card.title}. {card.text}".strip()


def fire(w: Work, index: int) -> None:
    card = w.scenario.events[index]
    w.count_fired(index)
    w.say("event", told(card))
    for effect in card.effects:
        w.apply_effect(effect)


def fire_otherwise(w: Work, index: int) -> None:
    """The event's alternative: the table is not as the event needs it. It does not count as the
    event having fired."""
    alt = w.scenario.events[index].otherwise
    assert alt is not None
    w.say("event", told(alt))
    for effect in alt.effects:
        w.apply_effect(effect)


def end_turn(w: Work) -> None:
    """Pass the floor to the next delegation present, closing the round after the last."""
    if w.over or w.venue_over:
        return
    nxt = _next_present(w, w.turn)
    if nxt is not None:
        w.turn = nxt
        w.ap = w.scenario.venues[w.venue].action_points
        return
    end_round(w)


def end_round(w: Work) -> None:
    sc = w.scenario
    venue = sc.venues[w.venue]
    expired = [p for p in w.proposals if p.on_last_round(w.round)]
    for p in expired:
        w.say("expired", f"Proposal #{p.id} by {in_sentence(w.name(p.author))} lapses unanswered.", p.author)
    if expired:  # else the state's own proposals stay (work.py: a meter written only when it moves)
        w.proposals = [p for p in w.proposals if not p.on_last_round(w.round)]
    charge_delay(w)
    if w.moved:
        w.stall = 0
    else:
        w.stall += 1
        if venue.momentum_decay:
            w.add_momentum(-venue.momentum_decay)
            w.say("stall", f"Nothing moved this round: momentum falls by {venue.momentum_decay}.")
    for stability in w.stability:
        if stability < sc.rules.stability_drag:
            w.add_momentum(-sc.rules.drag_momentum)
    w.moved = False
    check_ends(w)
    if w.over or w.venue_over:
        return
    chance = clock.breakdown_chance(sc.rules, w.round, venue.rounds, w.momentum)
    adjourned = w.round < venue.rounds and clock.roll(w.seed, w.venue, w.round) < chance
    if adjourned:
        # the odds the brief gave said with it: a newcomer told of 3% read "dragged on too long"
        # after round 2 of 6 as a rule they had missed, not as the chance that came up
        w.say(
            "adjourned",
            f"The talks break off: {in_sentence(venue.name)} is adjourned after round {w.round} of {venue.rounds} "
            f"(the chance of it this round was {max(1, round(chance * 100))}%, at momentum {w.momentum}).",
        )
    if w.round >= venue.rounds or adjourned:
        # Proposals tabled in the last round still deserve an answer from those who spoke
        # before them: a closing session gives each such delegation one more turn, to answer.
        first = _next_owing(w, -1)
        if first is None:
            end_venue(w, "deadline", _ran_out(w))
        else:
            w.closing = True
            w.turn = first
            w.ap = 0
            w.say("closing", "Closing session: the proposals still open must be answered.")
        return
    w.round += 1
    start_round(w)


def charge_delay(w: Work) -> None:
    """The round that ends cost every delegation what the status quo on the open issues of
    the agenda denies it (clock.bleed)."""
    sc = w.scenario
    if sc.rules.delay_cost <= 0:
        return
    deal, open_issues = clock.deal_and_open(sc.issues, w.settled, w.agenda)
    # Each side's cost is a pure function of the scenario (its rules and delegations: a scenario
    # whose delegations change is a new object, with a table of its own) and these two tuples,
    # which change only when an issue is settled or the agenda moves: worked out once for them.
    tolls = sc.tolls
    costs = tolls.get((deal, open_issues))
    if costs is None:
        costs = tuple([clock.bleed(dl, sc.rules, deal, open_issues) for dl in sc.delegations])
        if len(tolls) >= TOLLS_KEPT:
            tolls.clear()
        tolls[deal, open_issues] = costs
    w.add_tolls(costs)


# the most (deal, open issues) pairs a scenario's table of tolls keeps (a venue has a few)
TOLLS_KEPT = 256


def next_closing_turn(w: Work) -> None:
    """After a delegation's closing turn: the next one that owes an answer, or the end."""
    if w.over or w.venue_over or not w.closing:
        return  # the venue already ended (and a campaign may have opened the next one)
    nxt = _next_owing(w, w.turn)
    if nxt is not None:
        w.turn = nxt
        return
    end_venue(w, "deadline", _ran_out(w))


def _ran_out(w: Work) -> str:
    venue = w.scenario.venues[w.venue]
    if w.round < venue.rounds:
        return f"{venue.name} was adjourned after round {w.round} of {venue.rounds}, with no date to resume."
    return f"The {venue.rounds} rounds of {venue.name} have run out."


def _next_owing(w: Work, after: int) -> int | None:
    order = w.scenario.venues[w.venue].turn_order
    for t in range(after + 1, len(order)):
        if w.present[order[t]] and w.owes_answer(order[t]):
            return t
    return None


def _next_present(w: Work, after: int) -> int | None:
    order = w.scenario.venues[w.venue].turn_order
    for t in range(after + 1, len(order)):
        if w.present[order[t]]:
            return t
    return None
