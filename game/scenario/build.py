"""From a shape-checked file to a typed Scenario: references, duplicates, normalisation.

Everything is checked before anything is built, and every problem is reported with the line and
column of the value at fault; one run shows an author all of them.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.engine.model import (
    NOT_AGREED,
    UNCHANGED,
    Delegation,
    History,
    Issue,
    Option,
    Personality,
    Rules,
    Scenario,
    Venue,
    Zone,
)
from game.figures import below
from game.scenario.diagnostics import Report
from game.scenario.events import effects, event
from game.scenario.refs import Refs, written_ids
from game.scenario.shapes import closest
from game.scenario.yamlread import YMap, YSeq

# The keys an object must have (valid) to be built; one without them is still checked for every
# fault of its own that can be told without them (a misspelt reference beside a value out of range).
ISSUE_KEYS = ("id", "name", "status_quo", "options")
DELEGATION_KEYS = ("id", "name", "leader", "role", "personality", "reservation", "support", "preferences")
VENUE_KEYS = ("id", "name", "agenda", "signatories", "action_points", "rounds", "momentum")


def build(doc: YMap, report: Report, content_hash: str, refs: Refs | None = None) -> Scenario | None:
    """The Scenario, or None when the report holds errors. `refs`: the id tables to fill, where
    the caller checks more references with them (the tests'); its duplicate option ids are its
    caller's to report then (Refs.report_doubled), else they are reported here."""
    caller = refs is not None
    refs = refs if refs is not None else Refs(report)
    zones_raw: YSeq = doc.get("zones", YSeq(doc.mark))
    issues_raw: YSeq = doc.get("issues", YSeq(doc.mark))
    dels_raw: YSeq = doc.get("delegations", YSeq(doc.mark))
    venues_raw: YSeq = doc.get("venues", YSeq(doc.mark))
    events_raw: YSeq = doc.get("events", YSeq(doc.mark))

    for items in (zones_raw, issues_raw, dels_raw, venues_raw):
        refs.broken.update(written_ids(items))
    # Only well-formed zones and events (with an id) count; shape errors were reported already.
    zones_raw = _complete(zones_raw, ("id", "name", "stability"))
    events_raw = _complete(events_raw, ("id", "title", "text"))
    refs.zones, zones_raw = refs.dedup(zones_raw, "zone")
    # Issues, delegations and venues with errors of their own are checked as far as they can be;
    # only the whole ones are built, and only they are in the id tables.
    _, issues_all = refs.dedup(_identified(issues_raw), "issue")
    _, dels_all = refs.dedup(_identified(dels_raw), "delegation")
    _, venues_all = refs.dedup(_identified(venues_raw), "venue")
    _, events_raw = refs.dedup(events_raw, "event")
    for issue in issues_all:
        options = issue.get("options")
        if not isinstance(options, YSeq):
            continue
        refs.broken_options[issue["id"]] = written_ids(options)
        options = _complete(options, ("id", "label"))
        refs.options[issue["id"]], issue["options"] = refs.dedup(options, "option", issue["id"])
    issues_raw = _complete(issues_all, ISSUE_KEYS)
    dels_raw = _complete(dels_all, DELEGATION_KEYS)
    venues_raw = _complete(venues_all, VENUE_KEYS)
    refs.issues = {x["id"]: i for i, x in enumerate(issues_raw)}
    refs.delegations = {x["id"]: i for i, x in enumerate(dels_raw)}
    refs.venues = {x["id"]: i for i, x in enumerate(venues_raw)}

    rules = Rules(**dict(doc.get("rules", {})))
    issues = [i for raw in issues_all if (i := _issue(raw, refs)) is not None]
    delegations = [d for raw in dels_all if (d := _delegation(raw, refs, issues, rules)) is not None]
    venues = [v for raw in venues_all if (v := _venue(raw, refs)) is not None]
    events = [event(x, refs) for x in events_raw]
    history = _history(doc.get("history"), refs)
    if not caller:
        refs.report_doubled()
    if report.errors or refs.doubles:  # (the caller's to report, where it gave the tables)
        return None
    scenario = Scenario(
        id=doc["id"],
        title=doc["title"],
        summary=doc["summary"],
        date=doc.get("date", ""),
        zones=tuple(Zone(z["id"], z["name"], z["stability"], z.get("description", "")) for z in zones_raw),
        issues=tuple(issues),
        delegations=tuple(delegations),
        venues=tuple(venues),
        events=tuple(events),
        history=history,
        rules=rules,
        content_hash=content_hash,
    )
    _warn_red_lines(scenario, venues_raw, report)
    return scenario


def _whole(item: YMap, keys: tuple[str, ...]) -> bool:
    """Whether the object has every one of `keys`, each with a value the shape check took."""
    return all(k in item and k not in item.refused for k in keys)


def _complete(items: YSeq, keys: tuple[str, ...]) -> YSeq:
    out = YSeq(items.mark)
    for i, item in enumerate(items):
        if isinstance(item, YMap) and _whole(item, keys):
            out.append(item)
            out.marks.append(items.at(i))
    return out


def _identified(items: YSeq) -> YSeq:
    """The objects of a list that have an id, whole or not; one whose id was refused (`id:
    Sinn_Fein`) under the id as written, so that the rest of it is checked too (it is never
    whole: its id stays refused)."""
    out = YSeq(items.mark)
    for i, item in enumerate(items):
        if not isinstance(item, YMap):
            continue
        if "id" not in item:
            written = item.rejected.get("id")
            if not isinstance(written, str):
                continue
            named = YMap(item.mark)
            named.update(item)
            named.__dict__.update(item.__dict__)
            named["id"] = written
            item = named
        out.append(item)
        out.marks.append(items.at(i))
    return out


def _issue(raw: YMap, refs: Refs) -> Issue | None:
    """The issue, or None (after checking what can be) when it is not whole."""
    options = tuple(Option(o["id"], o["label"], effects(o.get("effects"), refs)) for o in raw.get("options", ()))
    status_quo = refs.option(raw["id"], raw["status_quo"], raw.at("status_quo")) if "status_quo" in raw else -1
    zone = refs.find(refs.zones, raw["zone"], raw.at("zone"), "zone") if "zone" in raw else -1
    if not _whole(raw, ISSUE_KEYS):
        return None
    return Issue(raw["id"], raw["name"], options, max(status_quo, 0), zone, raw.get("description", ""))


def _delegation(raw: YMap, refs: Refs, issues: list[Issue], rules: Rules) -> Delegation | None:
    """The delegation, or None (after checking what can be) when it is not whole."""
    report = refs.report
    me = raw["id"]
    n_issues = len(issues)
    weights = [0.0] * n_issues
    values: list[tuple[float, ...]] = [tuple(0.0 for _ in x.options) for x in issues]
    prefs: YMap = raw.get("preferences", YMap(raw.mark))
    # a preference not read (its issue's fault or its own, said where it lies) that may weigh
    # something: its weight above 0, or itself not read
    unread = False
    for issue_id, pref in prefs.items():
        i = refs.find(refs.issues, issue_id, prefs.key_at(issue_id), "issue")
        if i < 0 or "values" not in pref or "weight" not in pref:
            weight = pref.get("weight") if isinstance(pref, YMap) else None
            unread = unread or not isinstance(weight, int | float) or weight > 0
            continue
        table = [-1.0] * len(issues[i].options)
        given: YMap = pref["values"]
        meant: set[str | None] = set()  # options a misspelt key likely meant: "did you mean" said it already
        for option_id, value in given.items():
            o = refs.option(issue_id, option_id, given.key_at(option_id))
            if o >= 0:
                table[o] = float(value)
            elif option_id not in refs.broken_options.get(issue_id, ()):  # (reported as unknown)
                # (where the issue has an id written twice, that is what the key likely meant)
                if issue_id in refs.doubled:
                    meant.update(ident for ident, *_ in refs.doubled[issue_id])
                else:
                    meant.add(closest(str(option_id), [x.id for x in issues[i].options]))
        missing = [
            issues[i].options[o].id
            for o, v in enumerate(table)
            if v < 0 and issues[i].options[o].id not in given.key_marks and issues[i].options[o].id not in meant
        ]
        if missing:
            report.error(
                given.mark,
                f"{me}: no value for option{'s' if len(missing) > 1 else ''} {', '.join(map(repr, missing))} of {issue_id!r}",
            )
        weights[i] = float(pref["weight"])
        values[i] = tuple(max(v, 0.0) for v in table)
    if (
        sum(weights) <= 0
        and "preferences" in raw
        # (a weight on an issue whose own definition failed, 'id: Truce', is no weight of 0: a
        # reviewer's one invalid id was also said to leave a delegation no weight at all)
        and not unread
        and not prefs.refused
        and not any("weight" in pref.refused for pref in prefs.values())
    ):
        report.error(
            prefs.mark,
            f"{me}: the preferences cannot be normalised: every weight is 0; give at least one issue a weight above 0",
        )
    norm = normalised(weights)

    red: list[set[int]] = [set() for _ in issues]
    for issue_id, options in raw.get("red_lines", {}).items():
        i = refs.find(refs.issues, issue_id, raw["red_lines"].key_at(issue_id), "issue")
        if i < 0:
            continue
        for k, option_id in enumerate(options):
            o = refs.option(issue_id, option_id, options.at(k))
            if o >= 0:
                red[i].add(o)
        if len(red[i]) == len(issues[i].options):
            report.error(raw["red_lines"].at(issue_id), f"{me}: red lines rule out every option of {issue_id!r}")

    opening = [default_opening(values[i], red[i], issues[i].status_quo) if norm[i] > 0 else -1 for i in range(n_issues)]
    for issue_id, option_id in raw.get("opening", {}).items():
        i = refs.find(refs.issues, issue_id, raw["opening"].key_at(issue_id), "issue")
        if i < 0:
            continue
        o = refs.option(issue_id, option_id, raw["opening"].at(issue_id))
        if o >= 0:
            if o in red[i]:
                report.error(
                    raw["opening"].at(issue_id),
                    f"{me}: the opening position on {issue_id!r} is across its own red line",
                )
            opening[i] = o

    trust = [rules.default_trust] * len(refs.delegations)
    for other, value in raw.get("trust", {}).items():
        if other == me:
            if value != 100:
                # said, not taken silently: an author gave a side a trust of 10 in itself and
                # found it played as 100
                report.warning(
                    raw["trust"].key_at(other),
                    f"{me}: a delegation's trust in itself is always 100: the {value} given is not used; "
                    f"take {me!r} out of its trust",
                )
            continue
        d = refs.find(refs.delegations, other, raw["trust"].key_at(other), "delegation")
        if d >= 0:
            trust[d] = value
    if me in refs.delegations:
        trust[refs.delegations[me]] = 100

    stances = [""] * n_issues
    for issue_id, text in raw.get("stances", {}).items():
        i = refs.find(refs.issues, issue_id, raw["stances"].key_at(issue_id), "issue")
        if i >= 0:
            stances[i] = text

    patrons = _others(raw, "patrons", me, refs, f"{me} cannot be its own patron")
    heeds = _others(raw, "heeds", me, refs, f"{me} cannot heed itself: it weighs its own views already")

    if not _whole(raw, DELEGATION_KEYS):
        return None
    pers = raw["personality"]
    return Delegation(
        id=me,
        name=raw["name"],
        leader=raw["leader"],
        role=raw["role"],
        patrons=tuple(patrons),
        controller=raw.get("controller", "ai"),
        personality=Personality(pers["style"], float(pers["temper"])),
        weights=norm,
        values=tuple(values),
        red_lines=tuple(frozenset(r) for r in red),
        reservation=float(raw["reservation"]),
        support=raw["support"],
        trust=tuple(trust),
        opening=tuple(opening),
        description=raw.get("description", ""),
        stances=tuple(stances),
        heeds=tuple(heeds),
        plural=bool(raw.get("plural", False)),
        short_name=raw.get("short_name", ""),
    )


def _others(raw: YMap, key: str, me: str, refs: Refs, itself: str) -> list[int]:
    """The delegations a delegation's `patrons` or `heeds` name, by index: an unknown id is
    reported by refs, the delegation itself by `itself`, and neither is kept."""
    found = []
    for k, other in enumerate(raw.get(key, ())):
        i = refs.find(refs.delegations, other, raw[key].at(k), "delegation")
        if other == me:
            refs.report.error(raw[key].at(k), itself)
        elif i >= 0:
            found.append(i)
    return found


def normalised(weights: Sequence[float]) -> tuple[float, ...]:
    """The weights a file's numbers give: each over their sum, in the issues' order (as written
    where they sum to nothing, which is reported)."""
    total = sum(weights)
    return tuple(float(w) / (total if total > 0 else 1.0) for w in weights)


def default_opening(values: tuple[float, ...], red: set[int] | frozenset[int], status_quo: int) -> int:
    """The opening position a file gives a side on an issue it weighs where it names none: the
    best option outside its red lines (the status quo on ties)."""
    allowed = [o for o in range(len(values)) if o not in red] or list(range(len(values)))
    if not allowed:
        return -1  # an issue with no options, reported already: the file will not load
    top = max(values[o] for o in allowed)
    return (
        status_quo
        if status_quo in allowed and values[status_quo] == top
        else next(o for o in allowed if values[o] == top)
    )


def _venue(raw: YMap, refs: Refs) -> Venue | None:
    """The venue, or None (after checking what can be) when it is not whole."""
    report = refs.report

    def ids(key: str, table: dict[str, int], what: str) -> list[int]:
        out: list[int] = []
        items: YSeq = raw.get(key, YSeq(raw.mark))
        for k, ident in enumerate(items):
            index = refs.find(table, ident, items.at(k), what)
            if index in out:
                report.error(items.at(k), f"{ident!r} appears twice in {key}")
            elif index >= 0:
                out.append(index)
        return out

    agenda = ids("agenda", refs.issues, "issue")
    signatories = ids("signatories", refs.delegations, "delegation")
    # (as written: one refused beside another is no venue of one signatory)
    if "signatories" in raw and max(len(raw["signatories"]), raw["signatories"].written) < 2:
        report.error(
            raw.at("signatories"),
            f"venue {raw['id']!r} needs at least two signatories: a deal is made between delegations",
        )
    order = (
        ids("turn_order", refs.delegations, "delegation") if "turn_order" in raw else list(refs.delegations.values())
    )
    for s in signatories:
        if s not in order:
            name = next(k for k, v in refs.delegations.items() if v == s)
            report.error(raw.at("turn_order"), f"signatory {name!r} is missing from the turn order of {raw['id']!r}")
    chair = refs.find(refs.delegations, raw["chair"], raw.at("chair"), "delegation") if "chair" in raw else -1
    if not _whole(raw, VENUE_KEYS):
        return None
    return Venue(
        id=raw["id"],
        name=raw["name"],
        agenda=tuple(agenda),
        signatories=tuple(signatories),
        turn_order=tuple(order),
        action_points=raw["action_points"],
        rounds=raw["rounds"],
        momentum=raw["momentum"],
        attendance_optional=raw.get("attendance") == "optional",
        momentum_decay=raw.get("momentum_decay", 8),
        random_events=float(raw.get("random_events", 0.0)),
        chair=chair,
        walkout_momentum=raw.get("walkout_momentum", -1),
        place=raw.get("place", ""),
        dates=raw.get("dates", ""),
        description=raw.get("description", ""),
    )


# what history.outcome may say instead of an option id
HISTORY_WORDS = {"unchanged": UNCHANGED, "not_agreed": NOT_AGREED}


def _history(raw: YMap | None, refs: Refs) -> History:
    if raw is None:
        return History()
    outcome: list[tuple[int, int]] = []
    for issue_id, option_id in raw.get("outcome", {}).items():
        i = refs.find(refs.issues, issue_id, raw["outcome"].key_at(issue_id), "issue")
        if i < 0:
            continue
        # An option of that very name wins over the word: the author meant the option.
        if option_id in HISTORY_WORDS and option_id not in refs.options.get(issue_id, {}):
            outcome.append((i, HISTORY_WORDS[option_id]))
            continue
        o = refs.option(issue_id, option_id, raw["outcome"].at(issue_id))
        if o >= 0:
            outcome.append((i, o))
    return History(raw.get("summary", ""), tuple(outcome), tuple(raw.get("notes", ())))


def _warn_red_lines(sc: Scenario, venues_raw: YSeq, report: Report) -> None:
    """Warn where the signatories' red lines leave no option on an issue, and where no deal at a
    venue can give a signatory its reservation value. The best a signatory can have there: each
    issue of the venue's agenda at its best option outside the signatories' red lines; each issue
    a later venue of the campaign negotiates at its best there (a first venue's deal is judged
    with the rest still to come, not with the rest at its status quo); any other at its status
    quo, which for an issue of an earlier venue means as if nothing was agreed on it there (the
    deal checks of game.analysis.lint judge those at any outcome instead). The warning says what
    holds the best down: the red lines where without them the agenda would reach the reservation
    value, else the issues held at their status quo."""
    allowed: list[dict[int, list[int]]] = []
    for venue, raw in zip(sc.venues, venues_raw, strict=True):
        signers = [sc.delegations[s] for s in venue.signatories]
        here: dict[int, list[int]] = {}
        for i in venue.agenda:
            options = [o for o in range(len(sc.issues[i].options)) if all(o not in d.red_lines[i] for d in signers)]
            here[i] = options
            if not options:
                report.warning(
                    raw.at("agenda"),
                    f"at {venue.name}, the signatories' red lines leave no acceptable option on {sc.issues[i].id!r}",
                )
        allowed.append(here)
    for v, (venue, raw) in enumerate(zip(sc.venues, venues_raw, strict=True)):
        open_to = dict(allowed[v])
        for later in allowed[v + 1 :]:
            for i, options in later.items():
                open_to.setdefault(i, options)
        for s in venue.signatories:
            d = sc.delegations[s]
            fenced = free = 0.0  # the best within the signatories' red lines, and without them
            held: list[int] = []  # issues at their status quo that it would rather see moved
            for i, issue in enumerate(sc.issues):
                at_status_quo = d.weights[i] * d.values[i][issue.status_quo]
                if open_to.get(i):
                    fenced += d.weights[i] * max(d.values[i][o] for o in open_to[i])
                    free += d.weights[i] * max(d.values[i])
                else:
                    fenced += at_status_quo
                    free += at_status_quo
                    if i not in open_to and d.weights[i] > 0 and max(d.values[i]) > d.values[i][issue.status_quo]:
                        held.append(i)
            if fenced < d.reservation - 1e-9:
                report.warning(raw.at("signatories"), _no_deal_above(sc, v, d, fenced, free, held))


def _no_deal_above(sc: Scenario, v: int, d: Delegation, fenced: float, free: float, held: list[int]) -> str:
    """Why no deal at venue v gives `d` its reservation value: the best it can get there is
    `fenced` within the signatories' red lines, `free` without them, with the issues `held` (on no
    agenda from this venue on) at their status quo."""
    venue = sc.venues[v]
    figures = below(fenced, d.reservation)
    earlier = [i for i in held if any(i in u.agenda for u in sc.venues[:v])]
    never = [i for i in held if i not in earlier]
    kept = []
    if earlier:
        where = _names([u.name for u in sc.venues[:v] if any(i in u.agenda for i in earlier)])
        its, it = ("their", "them") if len(earlier) > 1 else ("its", "it")
        kept.append(f"{_ids(sc, earlier)} at {its} status quo, as if nothing was agreed on {it} at {where}")
    if never:
        its, it = ("their", "them") if len(never) > 1 else ("its", "it")
        kept.append(f"{_ids(sc, never)} at {its} status quo, as no venue from here on negotiates {it}")
    if free >= d.reservation - 1e-9:  # the red lines are what stands in the way
        said = f"at {venue.name}, red lines leave {d.id!r} no deal above its reservation value (best {figures}"
        return said + (f", with {'; '.join(kept)})" if kept else ")")
    said = f"at {venue.name}, no deal on its agenda gives {d.id!r} its reservation value (best {figures}"
    if fenced < free - 1e-9:
        said += ", within the signatories' red lines"
    if not kept:
        return said + ", with every issue at its best option)"
    return said + f", with {'; '.join(kept)})"


def _ids(sc: Scenario, issues: list[int]) -> str:
    return _names([repr(sc.issues[i].id) for i in issues])


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
