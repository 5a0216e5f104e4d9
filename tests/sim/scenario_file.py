"""A Scenario written back as a scenario file (docs/SCENARIOS.md, format 1): for the tests and
benches that build scenarios in Python (tests/sim/timed_scenarios.py), so that the tables they
measure can be read back by the game's own loader and handed to `peacetalks tournament FILE`.

What a file cannot say is refused (`NotWritable`, naming each thing in one message: the
delegation, issue, event or rule, as the loader names every problem of a file in one run), never
dropped: a file that loads as a different table would prove nothing. Among those: a side
that weighs an issue and states no position on it (the loader gives it a position), trust in
itself other than 100 (the loader sets 100), weights the loader's normalisation would not give
back to the last bit, a rule number outside the format's bounds, an event that can never happen
(no round, no weight), and an id that a file refers to by name but is not unique. Whatever else
the loader refuses is refused here too, with its diagnostics: the text returned always loads.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import fields
from fractions import Fraction
from pathlib import Path
from typing import Any

import yaml

from game.engine.model import (
    NO_LIMIT,
    NOT_AGREED,
    UNCHANGED,
    Alternative,
    Condition,
    Delegation,
    Effect,
    EventCard,
    Issue,
    Rules,
    Scenario,
    Venue,
)
from game.scenario.build import normalised
from game.scenario.load import check_bytes
from game.scenario.shapes import Num, Spec
from game.scenario.spec import PREFERENCE, RULES

FORMAT = 1


def _number(spec: Spec) -> Num:
    assert isinstance(spec, Num)  # the format's numbers, read from its own definition
    return spec


# The largest weight a file may give (docs/SCENARIOS.md, `preferences`)
_MAX_WEIGHT = _number(PREFERENCE.fields["weight"].spec).high or math.inf
# Weights of the tables the suite builds are ratios of small whole numbers (an author's weights
# over their sum): a denominator this large finds them from their floats and nothing spurious
_DENOMINATOR = 10_000
# The common divisors tried for an author's decimals (whole numbers over 1000 at most: 0.001 apart)
_DIVISORS = 1001


class NotWritable(ValueError):
    """The scenario holds something no scenario file can express: each thing in `problems`."""

    def __init__(self, scenario_id: str, problems: Sequence[str]) -> None:
        super().__init__(f"{scenario_id}: no scenario file can say this: " + "; ".join(problems))
        self.problems = tuple(problems)


# PyYAML's C emitter where it is built with it, as the game's saves use (game.saves.write): the
# same text as the Python one (compared on every table the suite writes), in a fifth of the time.
_BaseDumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_BaseDumper):  # type: ignore[misc]
    """The safe dumper, never writing anchors and aliases (the game's reader counts what they
    expand to, and a reader of the file should see every value where it applies)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def scenario_yaml(sc: Scenario) -> str:
    """The scenario as the text of a scenario file the game loads back to the same table."""
    problems: list[str] = []
    _unique_ids(sc, problems)
    doc: dict[str, Any] = {"format": FORMAT, "id": sc.id, "title": sc.title, "summary": sc.summary}
    if sc.date:
        doc["date"] = sc.date
    rules = _rules(sc, problems)
    if rules:
        doc["rules"] = rules
    if sc.zones:
        doc["zones"] = [
            _described({"id": z.id, "name": z.name, "stability": z.stability}, z.description) for z in sc.zones
        ]
    doc["issues"] = [_issue(sc, x, problems) for x in sc.issues]
    doc["delegations"] = [_delegation(sc, k, d, problems) for k, d in enumerate(sc.delegations)]
    doc["venues"] = [_venue(sc, v) for v in sc.venues]
    if sc.events:
        doc["events"] = [_event(sc, e, problems) for e in sc.events]
    history = _history(sc, problems)
    if history:
        doc["history"] = history
    if problems:
        raise NotWritable(sc.id, problems)
    text = yaml.dump(doc, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    _loads(sc, text)
    return text


def write_scenario(sc: Scenario, path: Path) -> Path:
    """Write the scenario's file at `path` (its folder must exist) and return the path."""
    path.write_text(scenario_yaml(sc), encoding="utf-8")
    return path


def _loads(sc: Scenario, text: str) -> None:
    """Refuse what the loader refuses (a number out of its range, say), with its own words."""
    loaded, diagnostics = check_bytes(text.encode("utf-8"), f"{sc.id}.yaml")
    if loaded is None:
        errors = [str(d) for d in diagnostics if d.severity == "error"]
        raise NotWritable(sc.id, [f"the loader refuses the file written: {e}" for e in errors])


def _unique_ids(sc: Scenario, problems: list[str]) -> None:
    # a file refers to zones, issues, options, delegations and venues by id: a repeated one is
    # refused by the loader, or (options of two issues aside) would point at the wrong thing
    groups: list[tuple[str, Sequence[str]]] = [
        ("zone", [z.id for z in sc.zones]),
        ("issue", [x.id for x in sc.issues]),
        ("delegation", sc.ids),
        ("venue", [v.id for v in sc.venues]),
        ("event", [e.id for e in sc.events]),
        *((f"option of issue {x.id!r}", [o.id for o in x.options]) for x in sc.issues),
    ]
    for what, ids in groups:
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            problems.append(f"{what} id {repeated[0]!r} is used twice (a file names each once)")


def _described(item: dict[str, Any], description: str) -> dict[str, Any]:
    if description:
        item["description"] = description
    return item


def _rules(sc: Scenario, problems: list[str]) -> dict[str, int]:
    """The rule numbers that differ from the format's defaults (the loader fills in the rest)."""
    default = Rules()
    out = {}
    for f in fields(Rules):
        value = getattr(sc.rules, f.name)
        if value == getattr(default, f.name):
            continue
        bound = _number(RULES.fields[f.name].spec)
        if (bound.low is not None and value < bound.low) or (bound.high is not None and value > bound.high):
            problems.append(f"rule {f.name} is {value} (a file gives it {bound.low:g}..{bound.high:g})")
        out[f.name] = value
    return out


def _issue(sc: Scenario, x: Issue, problems: list[str]) -> dict[str, Any]:
    item: dict[str, Any] = {"id": x.id, "name": x.name}
    if x.description:
        item["description"] = x.description
    if x.zone >= 0:
        item["zone"] = sc.zones[x.zone].id
    item["status_quo"] = x.options[x.status_quo].id
    item["options"] = [
        {
            "id": o.id,
            "label": o.label,
            **({"effects": _effects(sc, o.effects, f"option {x.id}/{o.id}", problems)} if o.effects else {}),
        }
        for o in x.options
    ]
    return item


def _delegation(sc: Scenario, k: int, d: Delegation, problems: list[str]) -> dict[str, Any]:
    issues = sc.issues
    where = f"delegation {d.id!r}"
    item: dict[str, Any] = {"id": d.id, "name": d.name, "leader": d.leader, "role": d.role}
    if d.short_name:
        item["short_name"] = d.short_name
    if d.patrons:
        item["patrons"] = [sc.ids[p] for p in d.patrons]
    if d.controller != "ai":
        item["controller"] = d.controller
    if d.description:
        item["description"] = d.description
    if d.plural:
        item["plural"] = True
    item["personality"] = {"style": d.personality.style, "temper": d.personality.temper}
    item["reservation"] = d.reservation
    item["support"] = d.support
    weights = _written_weights(d.weights, where, problems)
    item["preferences"] = {
        x.id: {"weight": weights[i], "values": {o.id: d.values[i][j] for j, o in enumerate(x.options)}}
        for i, x in enumerate(issues)
        if d.weights[i] > 0 or any(d.values[i])
    }
    red = {x.id: [x.options[o].id for o in sorted(d.red_lines[i])] for i, x in enumerate(issues) if d.red_lines[i]}
    if red:
        item["red_lines"] = red
    item["opening"] = _opening(sc, d, where, problems)
    if d.trust[k] != 100:
        problems.append(f"{where}: trust in itself is {d.trust[k]} (a file cannot set it: the loader sets 100)")
    item["trust"] = {sc.ids[o]: t for o, t in enumerate(d.trust) if o != k}
    stances = {x.id: d.stances[i] for i, x in enumerate(issues) if i < len(d.stances) and d.stances[i]}
    if stances:
        item["stances"] = stances
    if d.heeds:
        item["heeds"] = [sc.ids[h] for h in d.heeds]
    return item


def author_weights(weights: Sequence[float]) -> tuple[int, ...] | None:
    """The smallest whole numbers, within the format's bound, whose ratios these weights are to
    within a float's rounding (an author's weights, from the loader's division of them), or None."""
    ratios = [Fraction(w).limit_denominator(_DENOMINATOR) for w in weights]
    scale = math.lcm(*(q.denominator for q in ratios))
    whole = [int(q * scale) for q in ratios]
    common = math.gcd(*whole)
    if common == 0 or max(whole) // common > _MAX_WEIGHT:
        return None
    return tuple(w // common for w in whole)


def _written_weights(weights: tuple[float, ...], where: str, problems: list[str]) -> Sequence[float]:
    """What to write for the weights so that the loader gives them back to the last bit: whole
    numbers where they do (as an author writes them), else those numbers over a common divisor
    (an author's decimals, 0.1 and 0.015, whose sum the loader rounds), else the weights themselves
    if they come back unchanged from the loader's division by their sum."""
    whole = author_weights(weights)
    over: Iterable[Sequence[float]] = ()
    if whole is not None:
        over = itertools.chain((whole,), (tuple(w / d for w in whole) for d in range(2, _DIVISORS)))
    for written in itertools.chain(over, (weights,)):
        if sum(written) > 0 and normalised(written) == weights:
            return written
    problems.append(
        f"{where}: weights {weights} do not come back from a file to the last bit (the loader divides "
        f"them by their sum, {sum(weights)!r}, and no whole numbers up to {_MAX_WEIGHT:g} give them)"
    )
    return weights


def _opening(sc: Scenario, d: Delegation, where: str, problems: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for i, o in enumerate(d.opening):
        x = sc.issues[i]
        if o < 0:
            if d.weights[i] > 0:
                problems.append(
                    f"{where} weighs issue {x.id!r} but states no position on it (a file cannot say so: "
                    "the loader gives it its best option outside its red lines)"
                )
            continue
        out[x.id] = x.options[o].id
    return out


def _venue(sc: Scenario, v: Venue) -> dict[str, Any]:
    item: dict[str, Any] = {"id": v.id, "name": v.name}
    for key, text in (("place", v.place), ("dates", v.dates), ("description", v.description)):
        if text:
            item[key] = text
    if v.chair >= 0:
        item["chair"] = sc.ids[v.chair]
    item["agenda"] = [sc.issues[i].id for i in v.agenda]
    item["signatories"] = [sc.ids[d] for d in v.signatories]
    item["turn_order"] = [sc.ids[d] for d in v.turn_order]
    item["action_points"] = v.action_points
    item["rounds"] = v.rounds
    item["momentum"] = v.momentum
    item["attendance"] = "optional" if v.attendance_optional else "required"
    item["momentum_decay"] = v.momentum_decay
    item["random_events"] = v.random_events
    if v.walkout_momentum >= 0:
        item["walkout_momentum"] = v.walkout_momentum
    return item


def _event(sc: Scenario, e: EventCard, problems: list[str]) -> dict[str, Any]:
    where = f"event {e.id!r}"
    item: dict[str, Any] = {"id": e.id, "title": e.title, "text": e.text}
    if e.venue >= 0:
        item["venue"] = sc.venues[e.venue].id
    if not e.round and e.weight <= 0:
        problems.append(f"{where} has neither a round nor a weight, so it never happens (a file cannot hold it)")
    if e.round:
        item["round"] = e.round
    if e.weight:
        item["weight"] = e.weight
    if e.repeat:
        item["repeat"] = True
    if e.lesson:
        item["lesson"] = True
    item["effects"] = _effects(sc, e.effects, where, problems)
    if e.when:
        item["when"] = [_condition(sc, c, where, problems) for c in e.when]
    if e.otherwise is not None:
        item["otherwise"] = _otherwise(sc, e.otherwise, where, problems)
    if e.sources:
        item["sources"] = list(e.sources)
    return item


def _otherwise(sc: Scenario, alt: Alternative, where: str, problems: list[str]) -> dict[str, Any]:
    item: dict[str, Any] = {"title": alt.title, "text": alt.text}
    if alt.effects:
        item["effects"] = _effects(sc, alt.effects, f"{where} (otherwise)", problems)
    return item


def _effects(sc: Scenario, effects: tuple[Effect, ...], where: str, problems: list[str]) -> list[dict[str, Any]]:
    return [_effect(sc, x, where, problems) for x in effects]


# The operands of an effect a file does not write, by kind: one set there would be lost
_UNWRITTEN = {
    "trust": (),
    "support": ("b",),
    "stability": ("b",),
    "momentum": ("a", "b"),
    "agenda_add": ("b", "delta"),
    "agenda_remove": ("b", "delta"),
    "break": ("delta",),
    "walk_away": ("b",),
    "leave": ("b", "delta"),
}


def _effect(sc: Scenario, x: Effect, where: str, problems: list[str]) -> dict[str, Any]:
    ids = sc.ids
    if x.kind not in _UNWRITTEN:
        problems.append(f"{where}: an effect of kind {x.kind!r}, which no file names")
        return {}
    lost = [name for name in _UNWRITTEN[x.kind] if getattr(x, name) != getattr(Effect(x.kind), name)]
    if lost:
        problems.append(f"{where}: a {x.kind} effect with {', '.join(lost)} set, which a file cannot carry")
    if x.kind == "trust":
        return {"trust": {"from": ids[x.a], "to": ids[x.b], "delta": x.delta}}
    if x.kind in ("support", "walk_away"):
        return {x.kind: {"delegation": ids[x.a], "delta": x.delta}}
    if x.kind == "stability":
        return {"stability": {"zone": sc.zones[x.a].id, "delta": x.delta}}
    if x.kind == "momentum":
        return {"momentum": x.delta}
    if x.kind in ("agenda_add", "agenda_remove"):
        return {"agenda": {x.kind.removeprefix("agenda_"): sc.issues[x.a].id}}
    if x.kind == "break":
        return {"break": {"issue": sc.issues[x.a].id, **({"by": ids[x.b]} if x.b >= 0 else {})}}
    return {"leave": {"delegation": ids[x.a]}}


def _condition(sc: Scenario, c: Condition, where: str, problems: list[str]) -> dict[str, Any]:
    ids = sc.ids
    if c.kind in ("present", "absent", "boycotted", "walked_out"):
        return {c.kind: ids[c.a]}
    if c.kind == "open":
        return {"open": sc.issues[c.a].id}
    if c.kind == "agreed":
        x = sc.issues[c.a]
        return {"agreed": {"issue": x.id, **({"option": x.options[c.b].id} if c.b >= 0 else {})}}
    bounds: dict[str, Any] = {}
    if c.kind == "support":
        bounds["delegation"] = ids[c.a]
    elif c.kind == "trust":
        bounds["from"], bounds["to"] = ids[c.a], ids[c.b]
    elif c.kind == "stability":
        bounds["zone"] = sc.zones[c.a].id
    elif c.kind not in ("momentum", "round"):
        problems.append(f"{where}: a condition of kind {c.kind!r}, which no file names")
        return {}
    if c.low != NO_LIMIT:
        bounds["at_least"] = c.low
    if c.high != NO_LIMIT:
        bounds["at_most"] = c.high
    if c.low == NO_LIMIT and c.high == NO_LIMIT:
        problems.append(f"{where}: a {c.kind} condition without a bound, which a file cannot state")
    return {c.kind: bounds}


def _history(sc: Scenario, problems: list[str]) -> dict[str, Any]:
    h = sc.history
    if not (h.summary or h.outcome or h.notes):
        return {}
    words = {UNCHANGED: "unchanged", NOT_AGREED: "not_agreed"}
    outcome: dict[str, str] = {}
    for i, o in h.outcome:
        x = sc.issues[i]
        if o < 0:
            if words[o] in (p.id for p in x.options):  # the loader reads an option of that name
                problems.append(f"the history of issue {x.id!r} says {words[o]}, also an option's id there")
            outcome[x.id] = words[o]
        else:
            outcome[x.id] = x.options[o].id
    item: dict[str, Any] = {"summary": h.summary}
    if outcome:
        item["outcome"] = outcome
    if h.notes:
        item["notes"] = list(h.notes)
    return item
