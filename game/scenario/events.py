"""Events, their conditions and the effects events and options have, built from a
shape-checked file: every reference resolved through Refs, every problem reported with its place."""

from __future__ import annotations

import math
from typing import Any

from game.engine.model import NO_LIMIT, Alternative, Condition, Effect, EventCard
from game.scenario.diagnostics import Mark
from game.scenario.refs import Refs
from game.scenario.yamlread import YMap, YSeq


def effects(raw: Any, refs: Refs) -> tuple[Effect, ...]:
    out: list[Effect] = []
    for item in raw or ():
        ((kind, body),) = item.items()
        at = item.at(kind)
        if kind == "momentum":
            out.append(Effect("momentum", delta=body))
        elif kind == "trust":
            a = refs.find(refs.delegations, body["from"], body.at("from"), "delegation")
            b = refs.find(refs.delegations, body["to"], body.at("to"), "delegation")
            out.append(Effect("trust", a, b, body["delta"]))
        elif kind == "support":
            a = refs.find(refs.delegations, body["delegation"], body.at("delegation"), "delegation")
            out.append(Effect("support", a, delta=body["delta"]))
        elif kind == "stability":
            out.append(
                Effect("stability", refs.find(refs.zones, body["zone"], body.at("zone"), "zone"), delta=body["delta"])
            )
        elif kind == "agenda":
            if ("add" in body) == ("remove" in body):
                refs.report.error(at, "an agenda effect takes exactly one of add or remove")
                continue
            key = "add" if "add" in body else "remove"
            out.append(Effect(f"agenda_{key}", refs.find(refs.issues, body[key], body.at(key), "issue")))
        elif kind == "break":
            issue = refs.find(refs.issues, body["issue"], body.at("issue"), "issue")
            by = refs.find(refs.delegations, body["by"], body.at("by"), "delegation") if "by" in body else -1
            out.append(Effect("break", issue, by))
        elif kind == "walk_away":
            a = refs.find(refs.delegations, body["delegation"], body.at("delegation"), "delegation")
            out.append(Effect("walk_away", a, delta=body["delta"]))
        elif kind == "leave":
            a = refs.find(refs.delegations, body["delegation"], body.at("delegation"), "delegation")
            out.append(Effect("leave", a))
    return tuple(out)


def event(raw: YMap, refs: Refs) -> EventCard:
    venue = refs.find(refs.venues, raw["venue"], raw.at("venue"), "venue") if "venue" in raw else -1
    round_ = raw.get("round", 0)
    weight = float(raw.get("weight", 0))
    if not round_ and weight <= 0 and not {"round", "weight"} & raw.refused:  # (a refused one was reported)
        refs.report.error(raw.mark, f"event {raw['id']!r} has neither a round nor a weight: it could never happen")
    # a round or a weight that never comes is a warning of game/scenario/lint.py
    when: YSeq = raw.get("when", YSeq(raw.mark))
    conditions = tuple(c for k, item in enumerate(when) if (c := _condition(item, when.at(k), refs)) is not None)
    otherwise = None
    if "otherwise" in raw:
        alt = raw["otherwise"]
        if not when:
            refs.report.error(raw.at("otherwise"), f"event {raw['id']!r} has an otherwise but no when to fail")
        if not round_:
            refs.report.error(
                raw.at("otherwise"),
                f"event {raw['id']!r}: an otherwise needs a round (a random card whose conditions fail "
                "is just left out of the deck)",
            )
        if "title" in alt and "text" in alt:
            otherwise = Alternative(alt["title"], alt["text"], effects(alt.get("effects"), refs))
    return EventCard(
        raw["id"],
        raw["title"],
        raw["text"],
        effects(raw.get("effects"), refs),
        venue,
        round_,
        weight,
        raw.get("repeat", False),
        conditions,
        otherwise,
        tuple(raw.get("sources", ())),
        lesson=raw.get("lesson", False),
    )


def _bounds(body: YMap, mark: Mark, refs: Refs) -> tuple[int, int] | None:
    """Inclusive whole-number bounds from above/below/at_least/at_most/between (meters are whole)."""
    low, high = NO_LIMIT, NO_LIMIT

    def raise_low(x: int) -> None:
        nonlocal low
        low = x if low == NO_LIMIT else max(low, x)

    def cut_high(x: int) -> None:
        nonlocal high
        high = x if high == NO_LIMIT else min(high, x)

    if "above" in body:
        raise_low(math.floor(body["above"]) + 1)
    if "at_least" in body:
        raise_low(math.ceil(body["at_least"]))
    if "below" in body:
        cut_high(math.ceil(body["below"]) - 1)
    if "at_most" in body:
        cut_high(math.floor(body["at_most"]))
    if "between" in body:
        pair = body["between"]
        written = pair.written or len(pair)  # (as the shape check counted them)
        if len(pair) != 2 or written != 2:
            # too many written is said here; too few, or a number refused (out of range, say), was
            # reported as such, and saying "two numbers" of [120, 130] read as a third fault
            if written > 2 or (len(pair) != 2 and not pair.faulted):
                refs.report.error(body.at("between"), "between takes two numbers: the lowest and the highest")
            return None
        raise_low(math.ceil(pair[0]))
        cut_high(math.floor(pair[1]))
    if low == NO_LIMIT and high == NO_LIMIT:
        if {"above", "below", "at_least", "at_most", "between"} & body.refused:
            return None  # a bound was given and refused with its own error (out of range, say)
        refs.report.error(mark, "a condition on a number needs a bound: above, below, at_least, at_most or between")
        return None
    return low, high


def _condition(item: YMap, mark: Mark, refs: Refs) -> Condition | None:
    ((kind, body),) = item.items()
    at = item.at(kind)
    delegations, issues, zones = refs.delegations, refs.issues, refs.zones
    if kind in ("present", "absent", "boycotted", "walked_out"):
        return Condition(kind, refs.find(delegations, body, at, "delegation"))
    if kind == "open":
        return Condition(kind, refs.find(issues, body, at, "issue"))
    if kind == "agreed":
        i = refs.find(issues, body["issue"], body.at("issue"), "issue")
        o = refs.option(body["issue"], body["option"], body.at("option")) if "option" in body and i >= 0 else -1
        return Condition(kind, i, o)
    bounds = _bounds(body, at, refs)
    if bounds is None:
        return None
    low, high = bounds
    if kind in ("momentum", "round"):
        return Condition(kind, low=low, high=high)
    if kind == "support":
        return Condition(
            kind, refs.find(delegations, body["delegation"], body.at("delegation"), "delegation"), -1, low, high
        )
    if kind == "trust":
        a = refs.find(delegations, body["from"], body.at("from"), "delegation")
        b = refs.find(delegations, body["to"], body.at("to"), "delegation")
        return Condition(kind, a, b, low, high)
    return Condition(kind, refs.find(zones, body["zone"], body.at("zone"), "zone"), -1, low, high)
