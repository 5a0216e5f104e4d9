"""Warnings about a scenario that loads but will not play as its author meant.

They run after a build without errors. Each check reads the built Scenario and names the place
to look as a path into the document (("venues", 0, "agenda", 2)); lint() turns the path into the
line and column of that value. Checks that need the package space of a venue live in
game.analysis.lint, which may not import this layer: a caller hands them to check_file as `extra`
and their findings are placed the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from game.engine.legal import may_propose
from game.engine.model import NO_LIMIT, NOT_AGREED, UNCHANGED, Condition, Effect, EventCard, Issue, Scenario, Venue
from game.figures import apart
from game.safetext import columns
from game.scenario.diagnostics import Mark, Report
from game.scenario.yamlread import YMap, YSeq

DocPath = tuple[str | int, ...]
Finding = tuple[DocPath, str]  # where in the document, and what is wrong there
Check = Callable[[Scenario], Iterable[Finding]]


def lint(scenario: Scenario, doc: YMap, report: Report, extra: Iterable[Check] = ()) -> None:
    """Add a warning to the report for every finding of the checks here and of `extra`."""
    checks = (
        nothing_to_trade,
        events_that_never_fire,
        delegations_that_never_act,
        heeds_that_count_nothing,
        conditions_that_never_hold,
        ladders_out_of_order,
        history_below_walk_away,
        departures_that_do_nothing_or_decide_all,
        support_at_the_collapse_line,
        events_that_empty_the_agenda,
        openings_that_drain_momentum,
        short_names_too_long,
        names_too_long,
        *extra,
    )
    for check in checks:
        for path, message in check(scenario):
            report.warning(mark_of(doc, path), message)


def mark_of(doc: YMap, path: DocPath) -> Mark:
    """The line and column of the value at the path (of the deepest part of it that exists)."""
    node: Any = doc
    mark = doc.mark
    for step in path:
        in_map = isinstance(node, YMap) and isinstance(step, str) and step in node
        in_seq = isinstance(node, YSeq) and isinstance(step, int) and 0 <= step < len(node)
        if not (in_map or in_seq):
            break
        mark, node = node.at(step), node[step]
    return mark


# --- a. agenda issues with nothing to trade on them -------------------------------------------


def nothing_to_trade(sc: Scenario) -> Iterator[Finding]:
    """An agenda issue on which the signatories who weigh it at all want the same option most.

    Utilities are additive, so putting that option into any package leaves no signatory worse off:
    settling the issue there costs nobody anything, and nobody can be paid for it with a concession
    elsewhere.
    Options across a signatory's red line do not count (build warns when that leaves none).
    """
    for v, venue in enumerate(sc.venues):
        signers = [sc.delegations[s] for s in venue.signatories]
        for k, i in enumerate(venue.agenda):
            issue = sc.issues[i]
            allowed = [o for o in range(len(issue.options)) if all(o not in d.red_lines[i] for d in signers)]
            if not allowed:
                continue
            carers = [d for d in signers if d.weights[i] > 0]
            where: DocPath = ("venues", v, "agenda", k)
            fix = "give some signatory opposed values on it, or take it off the agenda"
            if len(allowed) == 1:
                yield (
                    where,
                    f"at {venue.name}, the signatories' red lines leave only {issue.options[allowed[0]].id!r} on "
                    f"{issue.id!r}, so there is nothing to trade on it; drop a red line, or take it off the agenda",
                )
                continue
            if not carers:
                yield (
                    where,
                    f"at {venue.name}, no signatory weighs {issue.id!r} in its preferences, so nothing is traded "
                    "on it; give it a weight in a signatory's preferences, or take it off the agenda",
                )
                continue
            if len(carers) == 1:
                yield (
                    where,
                    f"at {venue.name}, {carers[0].id!r} is the only signatory that weighs {issue.id!r}: the others "
                    f"give it away for nothing, so there is nothing to trade on it; {fix}",
                )
                continue
            common = [o for o in allowed if all(d.values[i][o] >= max(d.values[i][p] for p in allowed) for d in carers)]
            if common:
                best = common[0]
                # Said where the left-out options change the verdict: an author read "every
                # signatory likes 'research_centre' best" beside a file where one values 'closed'
                # (across another's red line) above it, and took the warning for a mistake.
                across = [
                    (o, [d.id for d in carers if d.values[i][o] > d.values[i][best]])
                    for o in range(len(issue.options))
                    if o not in allowed
                ]
                across = [(o, fans) for o, fans in across if fans]
                if not across:
                    yield (
                        where,
                        f"at {venue.name}, every signatory that weighs {issue.id!r} likes {issue.options[best].id!r} "
                        f"best: settling it there costs none of them anything, so there is nothing to trade on it; "
                        f"{fix}",
                    )
                    continue
                holders = {o: [d.id for d in signers if o in d.red_lines[i]] for o, _ in across}
                left_out = "; ".join(
                    f"{_names(fans)} {'likes' if len(fans) == 1 else 'like'} {issue.options[o].id!r} more, but it is "
                    f"across a red line of {_names(holders[o])}"
                    for o, fans in across
                )
                yield (
                    where,
                    f"at {venue.name}, every signatory that weighs {issue.id!r} likes {issue.options[best].id!r} best "
                    f"of the options no red line rules out ({left_out}): settling it there costs none of them "
                    "anything, so there is nothing to trade on it; give some signatory opposed values on it, drop "
                    f"{_red_lines(issue, holders)}, or take it off the agenda",
                )


def _red_lines(issue: Issue, holders: dict[int, list[str]]) -> str:
    """The red lines to drop, by name, for the warning above: "the red line of 'red' on 'all'";
    where several are listed, each ("... on 'most' or on 'all'"), as "that red line" left an
    author to guess which (a scenario author's). An option across the red lines of several
    signatories opens only when each of them drops it: "the red lines of 'red' and 'big' on 'all'"."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for o, ids in holders.items():
        groups.setdefault(tuple(ids), []).append(repr(issue.options[o].id))
    return " or ".join(
        f"the red line{'s' if len(ids) > 1 else ''} of {_names(list(ids))} on {' or on '.join(options)}"
        for ids, options in groups.items()
    )


def _names(ids: list[str]) -> str:
    """'a', 'a' and 'b', 'a', 'b' and 'c'."""
    quoted = [repr(i) for i in ids]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


# --- c. events that can never fire ----------------------------------------------------------


def events_that_never_fire(sc: Scenario) -> Iterator[Finding]:
    """Events whose round is never reached or whose weight is never drawn, as game/engine/flow.py
    fires them: a scripted event at the start of its round, at its venue (or any venue); a random
    one from round 2 on, at a venue whose random_events is above 0."""
    for e, card in enumerate(sc.events):
        venues = [sc.venues[card.venue]] if card.venue >= 0 else list(sc.venues)
        scripted = card.round > 0 and any(v.rounds >= card.round for v in venues)
        drawn = card.weight > 0 and any(v.random_events > 0 and v.rounds >= 2 for v in venues)
        if card.round > 0 and not scripted:
            if card.venue >= 0:
                text = (
                    f"event {card.id!r} is set for round {card.round}, but {venues[0].name} has only {venues[0].rounds}"
                )
            else:
                longest = max(v.rounds for v in venues)
                rounds = f"{longest} round{'s' if longest != 1 else ''}"
                text = f"event {card.id!r} is set for round {card.round}, but no venue has more than {rounds}"
            yield ("events", e, "round"), text + (", so it can only be drawn at random" if drawn else "")
        if card.weight > 0 and not drawn:
            why = _never_drawn(venues)
            if scripted:
                text = f"event {card.id!r} has a weight but is never drawn at random ({why}): it fires only in round {card.round}"
            elif card.round > 0:
                continue  # reported above: neither its round nor a draw ever comes
            else:
                text = f"event {card.id!r} can never happen: it is only drawn at random, and {why}"
            yield ("events", e, "weight"), text


def _never_drawn(venues: list[Venue]) -> str:
    if len(venues) == 1:
        v = venues[0]
        return f"{v.name} has random_events 0" if v.random_events <= 0 else f"{v.name} has a single round"
    return "no venue has random_events above 0 and more than one round"


# --- d. delegations that can never act ------------------------------------------------------


def heeds_that_count_nothing(sc: Scenario) -> Iterator[Finding]:
    """A delegation heeds another (`heeds`: whose views it weighs beside the signatories' in what it
    proposes or drafts) where that one sits with it at a venue without signing there (the AI
    weighs only those: game.ai.reading.heeded). A heeded side that signs at every venue where the
    two sit together, or that never sits with it, is heeded nowhere: a signatory's views count
    already. Said once per entry; a delegation that sits nowhere is warned of on its own."""
    for d, dl in enumerate(sc.delegations):
        sits = [v for v in sc.venues if d in v.turn_order]
        if not sits:
            continue
        for k, h in enumerate(dl.heeds):
            together = [v for v in sits if h in v.turn_order]
            if any(h not in v.signatories for v in together):
                continue
            other = sc.delegations[h].id
            if together:
                why = (
                    f"a signatory wherever the two sit ({', '.join(v.name for v in together)}): its views count "
                    "there already, so heeding it changes nothing; heeds lists the non-signatories (observers, "
                    "usually) to weigh beside the signatories"
                )
            else:
                why = "which never sits at a venue with it (no turn_order holds both), so heeding it changes nothing"
            yield (("delegations", d, "heeds", k), f"{dl.id!r} heeds {other!r}, {why}")


def delegations_that_never_act(sc: Scenario) -> Iterator[Finding]:
    """A delegation in no venue's turn order never gets a turn, so it can do nothing at all; a
    patron that never sits with its client on an issue both hold a position on can never press
    it; a mediator that never sits with a party or guarantor can never table a draft.

    Any delegation in a turn order can make statements and hold meetings, so an observer (or
    anyone else) that sits somewhere always has something it can do, and is not reported.
    """
    seated = [set(v.turn_order) for v in sc.venues]
    addable = _issues_events_can_add(sc)
    for d, dl in enumerate(sc.delegations):
        if not any(d in s for s in seated):
            yield (
                ("delegations", d, "id"),
                f"delegation {dl.id!r} is in no venue's turn_order, so it never gets a turn and can never act; "
                "add it to a turn_order or remove it",
            )
            continue
        if dl.role == "mediator" and not any(
            d in s and any(may_propose(sc.delegations[o].role) for o in s if o != d) for s in seated
        ):
            yield (
                ("delegations", d, "role"),
                f"mediator {dl.id!r} never sits with a party or guarantor, so it can never table a draft",
            )
    for c, client in enumerate(sc.delegations):
        for k, p in enumerate(client.patrons):
            patron = sc.delegations[p]
            if not any(p in s for s in seated) or not any(c in s for s in seated):
                continue  # one of them never gets a turn at all: reported above
            together = [v for v, s in enumerate(seated) if p in s and c in s]
            if not together:
                why = "they never sit at the same venue"
            elif not any(
                patron.opening[i] >= 0 and client.opening[i] >= 0
                for v in together
                for i in {*sc.venues[v].agenda, *addable}
            ):
                why = "no issue on the agenda where they sit together is one on which both take a position"
            else:
                continue
            yield (
                ("delegations", c, "patrons", k),
                f"{patron.id!r} is a patron of {client.id!r} but can never press it: {why}",
            )


def _issues_events_can_add(sc: Scenario) -> set[int]:
    effects = [e for card in sc.events for e in card.effects]
    effects += [e for issue in sc.issues for option in issue.options for e in option.effects]
    return {e.a for e in effects if e.kind == "agenda_add"}


# --- e. event conditions that can never hold ------------------------------------------------


def conditions_that_never_hold(sc: Scenario) -> Iterator[Finding]:
    """A condition an event's venue(s) and round(s) can never meet, as game/engine/flow.py reads
    it: at the start of the round, before anyone has acted in it. A boycott is declared in round
    1, so no condition on it holds when round 1 opens; only the seated can walk out or boycott."""
    addable = _issues_events_can_add(sc)
    for e, card in enumerate(sc.events):
        for k, c in enumerate(card.when):
            why = _never(sc, card, c, addable)
            if why:
                yield ("events", e, "when", k), f"event {card.id!r}: this condition can never hold: {why}"


def _never(sc: Scenario, card: EventCard, c: Condition, addable: set[int]) -> str:
    venues = [card.venue] if card.venue >= 0 else list(range(len(sc.venues)))
    only_round = card.round if card.weight <= 0 else 0  # the one round it can fire in, if any
    kind = c.kind
    top = max(sc.venues[v].rounds for v in venues) if kind == "round" else 100
    if c.low != NO_LIMIT and c.high != NO_LIMIT and c.low > c.high:
        return "its bounds leave no value"
    if c.low != NO_LIMIT and c.low > top:
        return f"it asks for more than {top}, the most there can be"
    if c.high != NO_LIMIT and c.high < (1 if kind == "round" else 0):
        return "it asks for less than the least there can be"
    if (
        kind == "round"
        and only_round
        and not ((c.low == NO_LIMIT or c.low <= only_round) and (c.high == NO_LIMIT or only_round <= c.high))
    ):
        return f"the event fires only in round {only_round}"
    if kind in ("present", "absent", "boycotted", "walked_out"):
        name = sc.delegations[c.a].id
        seated = [v for v in venues if c.a in sc.venues[v].turn_order]
        if kind == "present" and not seated:
            return f"{name!r} is in the turn order of no venue where the event happens"
        if kind in ("boycotted", "walked_out") and not seated:
            return f"{name!r} never sits at a venue where the event happens, so it cannot leave one"
        if kind == "boycotted" and not any(sc.venues[v].attendance_optional for v in seated):
            return f"attendance is required wherever the event happens, so {name!r} cannot boycott"
        if kind in ("boycotted", "walked_out") and only_round == 1:
            return "the event fires as round 1 opens, before anyone can leave"
    if kind == "agreed":
        first = min(venues)
        reachable = {i for v in range(first) for i in sc.venues[v].agenda} | addable
        if only_round != 1:
            reachable |= {i for v in venues for i in sc.venues[v].agenda}
        if c.a not in reachable:
            issue = sc.issues[c.a].id
            if only_round == 1 and first == 0:
                return f"the event fires as the first round opens, before anything can be agreed on {issue!r}"
            return f"{issue!r} is on no agenda where it could be agreed before the event"
    return ""


# --- f. option ladders a side does not read in order ----------------------------------------


def ladders_out_of_order(sc: Scenario) -> Iterator[Finding]:
    """A side whose values along an issue's ladder rise, fall and rise again (best at both ends,
    say): the AI reads every side as liking the options near its position and less those further
    along, so it misreads this one, and pressure and concessions move it one step at a time along
    a ladder that is not its own."""
    for d, dl in enumerate(sc.delegations):
        for i, issue in enumerate(sc.issues):
            if dl.weights[i] <= 0 or _single_peaked(dl.values[i]):
                continue
            values = ", ".join(f"{o.id} {v:g}" for o, v in zip(issue.options, dl.values[i], strict=True))
            yield (
                ("delegations", d, "preferences", issue.id, "values"),
                f"{dl.id!r} does not value the ladder of {issue.id!r} in order ({values}): its values should "
                "rise to its favourite option and fall away beyond it; reorder the options or its values",
            )


def _single_peaked(values: tuple[float, ...]) -> bool:
    k = 0
    while k + 1 < len(values) and values[k + 1] >= values[k]:
        k += 1
    return all(values[j + 1] <= values[j] for j in range(k, len(values) - 1))


# --- g. a history that no signatory would have signed ---------------------------------------


def history_below_walk_away(sc: Scenario) -> Iterator[Finding]:
    """The recorded outcome (unchanged and not agreed issues at their status quo) worth less to a
    signatory than its walk-away value: no rational side signs it, so play can never reach what
    really happened, and the debrief's comparison with history says little."""
    if not sc.history.outcome:
        return
    real = dict(sc.history.outcome)
    deal = [real[i] if real.get(i, UNCHANGED) >= 0 else issue.status_quo for i, issue in enumerate(sc.issues)]
    if all(real.get(i, UNCHANGED) in (UNCHANGED, NOT_AGREED) for i in range(len(sc.issues))):
        return  # nothing was agreed: there is no deal for anyone to sign
    signers = sorted({s for v in sc.venues for s in v.signatories})
    for s in signers:
        dl = sc.delegations[s]
        u = sum(w * vals[o] for w, vals, o in zip(dl.weights, dl.values, deal, strict=True))
        if u < dl.reservation - 1e-9:
            worth, walk_away = apart(u, dl.reservation)
            worth = worth if worth != walk_away else f"just under {walk_away}"
            yield (
                ("history", "outcome"),
                f"what really happened is worth {worth} to signatory {dl.id!r}, below its walk-away value "
                f"{walk_away}: no side that signed it in reality would sign it here; lower the "
                "reservation or raise its values for the recorded options",
            )


# --- h. delegations events take from the table -----------------------------------------------


def departures_that_do_nothing_or_decide_all(sc: Scenario) -> Iterator[Finding]:
    """A `leave` effect on a delegation that never sits at a venue where the event can fire does
    nothing; one that takes a signatory from the table in a scripted round with no condition
    collapses every game there, and so is no event but the end of the talks (RULES.md, "Events
    can take a delegation from the table")."""
    for e, card in enumerate(sc.events):
        venues = [sc.venues[card.venue]] if card.venue >= 0 else list(sc.venues)
        for k, effect in enumerate(card.effects):
            if effect.kind != "leave":
                continue
            who = sc.delegations[effect.a]
            where: DocPath = ("events", e, "effects", k)
            if not any(effect.a in v.turn_order for v in venues):
                yield (
                    where,
                    f"event {card.id!r} takes {who.id!r} from the table, but it never sits where the event fires",
                )
            elif card.round > 0 and not card.when and all(effect.a in v.signatories for v in venues):
                # in a campaign the collapse ends that venue, not the game: the next venue opens
                if len(sc.venues) == 1:
                    ended = "every game"
                elif card.venue >= 0:
                    ended = f"{sc.venues[card.venue].name} in every game"
                else:
                    ended = "the venue it fires at in every game"
                yield (
                    where,
                    f"event {card.id!r} takes signatory {who.id!r} from the table in round {card.round} whatever "
                    f"happens, which collapses {ended}: give it a `when`, or a weight instead of a round",
                )


def support_at_the_collapse_line(sc: Scenario) -> Iterator[Finding]:
    """A delegation seated at the first venue whose support at home starts at or below
    `collapse_support`, and that no news of the first round lifts, is pulled out before anyone
    moves (RULES.md, "Support, momentum and the ends of the talks"): a signatory's collapses every
    game at its first venue, which only a run of games would otherwise show."""
    line = sc.rules.collapse_support
    first = sc.venues[0] if sc.venues else None
    # the first round's scripted news is read before anyone moves, and may lift it in time
    lifted = {
        x.a
        for card in sc.events
        if card.round == 1 and card.venue in (-1, 0)
        for x in card.effects
        if x.kind == "support" and x.delta > 0
    }
    for d, delegation in enumerate(sc.delegations):
        if first is None or delegation.support > line or d not in first.turn_order or d in lifted:
            continue
        what = (
            "so every game collapses before anyone moves"
            if d in first.signatories
            else "so it is pulled out of the talks before anyone moves"
        )
        yield (
            ("delegations", d, "support"),
            f"{delegation.id!r} starts with support {delegation.support}, at or below the collapse line "
            f"{line} (rules: collapse_support), {what}: raise its support or lower the line",
        )


def events_that_empty_the_agenda(sc: Scenario) -> Iterator[Finding]:
    """A scripted event with no condition that takes every issue of a venue's agenda off it
    (and adds none) leaves that venue nothing to negotiate in every game: the talks there end
    with no deal however they are played (unless an event can put an issue back)."""
    if _issues_events_can_add(sc):
        return
    for e, card in enumerate(sc.events):
        if card.round <= 0 or card.when:
            continue
        removed = {x.a for x in card.effects if x.kind == "agenda_remove"}
        if not removed:
            continue
        venues = [card.venue] if card.venue >= 0 else range(len(sc.venues))
        for v in venues:
            venue = sc.venues[v]
            if card.round <= venue.rounds and set(venue.agenda) <= removed:
                yield (
                    ("events", e, "effects"),
                    f"event {card.id!r} takes every issue of {venue.name}'s agenda off the table in round "
                    f"{card.round} whatever happens, so no game there can reach a deal after it: give it a `when`, "
                    "or leave an issue on",
                )


# --- an opening that leaves the talks one walk-out from collapse --------------------------------


def openings_that_drain_momentum(sc: Scenario) -> Iterator[Finding]:
    """A venue whose round-1 events can take its momentum to what a single walk-out costs or
    less: a walk-out then collapses the talks (RULES.md: at 0 momentum they end). Each
    `momentum` effect counts as written; each `break` as `break_momentum`, where an earlier
    venue's agenda holds its issue (it costs only an agreement that stands); of a card with a
    condition, the costlier of what it does and its `otherwise`. An author's second venue opened
    with three breaks and stood at momentum 10 instead of 40, and most of its games collapsed,
    with no warning."""
    for v, venue in enumerate(sc.venues):
        earlier = {i for before in sc.venues[:v] for i in before.agenda}

        def cost(effects: tuple[Effect, ...], earlier: set[int] = earlier) -> int:
            drop = 0
            for x in effects:
                if x.kind == "momentum":
                    drop -= x.delta
                elif x.kind == "break" and x.a in earlier:
                    drop += sc.rules.break_momentum
            return drop

        def worst(card: EventCard) -> int:
            """A card with no condition always does what it says (a gain counts); one with a
            condition, the costlier of its effects and its `otherwise` (nothing, without one)."""
            if not card.when:
                return cost(card.effects)
            return max(cost(card.effects), cost(card.otherwise.effects) if card.otherwise else 0)

        costs = [
            (e, card, worst(card))
            for e, card in enumerate(sc.events)
            if card.round == 1 and (card.venue == v or (card.venue < 0 and (v == 0 or card.repeat)))
        ]
        costly = [(e, card, drop) for e, card, drop in costs if drop > 0]
        drop = sum(d for _, _, d in costs)
        walkout = venue.walkout_momentum if venue.walkout_momentum >= 0 else sc.rules.walkout_momentum
        left = venue.momentum - drop
        if not costly or drop <= 0 or left > walkout:
            continue
        names = ", ".join(repr(card.id) for _, card, _ in costly)
        # at 0 the opening itself ends the talks (RULES.md), with no walk-out needed
        then = (
            "the opening alone would end the talks there"
            if left <= 0
            else (f"a single walk-out ({walkout}) would then end the talks there")
        )
        yield (
            ("events", costly[0][0], "effects"),
            f"the round-1 events of {venue.name} ({names}) can take its momentum from {venue.momentum} to "
            f"{max(left, 0)} as it opens (a break costs {sc.rules.break_momentum} where its issue was agreed "
            f"before): {then}; open it with more `momentum`, or soften those effects",
        )


# --- a short name the narrow columns cut ------------------------------------------------------

SHORT_NAME = 12  # the narrowest the delegations panel gives a name at 80 columns (astana-to-sochi's)


def short_names_too_long(sc: Scenario) -> Iterator[Finding]:
    """A `short_name` is for the interface's narrow columns, where a long name is cut: one longer
    than those columns is cut there too."""
    for d, delegation in enumerate(sc.delegations):
        wide = columns(delegation.short_name)
        if wide > SHORT_NAME:
            yield (
                ("delegations", d, "short_name"),
                f"the short name {delegation.short_name!r} is {wide} columns wide: the "
                f"table's narrow columns show {SHORT_NAME}, so it will be cut there",
            )


# --- a name that floods the transcript ----------------------------------------------------------

# The columns past which a name reads as a paragraph in every sentence that names it: about twice
# the longest of each kind in the bundled scenarios (47, 40, 36, 86 and 61 columns). An author's
# name of 880 characters validated, and filled the transcript at every move of that delegation.
LONG = {"name": 60, "label": 120, "title": 100}


def names_too_long(sc: Scenario) -> Iterator[Finding]:
    """A delegation's, an issue's, a zone's or a venue's name, an option's label or an event's
    title (its `otherwise` one too) longer than the transcript's sentences carry well (LONG)."""
    kinds: list[tuple[DocPath, str, str]] = [
        *((("delegations", d, "name"), x.name, "delegation's name") for d, x in enumerate(sc.delegations)),
        *((("issues", i, "name"), x.name, "issue's name") for i, x in enumerate(sc.issues)),
        *((("venues", v, "name"), x.name, "venue's name") for v, x in enumerate(sc.venues)),
        *((("zones", z, "name"), x.name, "zone's name") for z, x in enumerate(sc.zones)),
        *((("events", e, "title"), x.title, "event's title") for e, x in enumerate(sc.events)),
        *(
            (("events", e, "otherwise", "title"), x.otherwise.title, "event's otherwise title")
            for e, x in enumerate(sc.events)
            if x.otherwise is not None
        ),
        *(
            (("issues", i, "options", o, "label"), option.label, "option's label")
            for i, x in enumerate(sc.issues)
            for o, option in enumerate(x.options)
        ),
    ]
    for path, text, what in kinds:
        wide, most = columns(text), LONG[str(path[-1])]
        if wide > most:
            yield (
                path,
                f"this {what} is {wide} columns long: every line of the transcript that names it runs on "
                f"for it; keep it to {most} (a longer account belongs in a description or the event's text)",
            )
