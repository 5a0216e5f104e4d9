"""The shape of a scenario file, as data: the validator walks it, and a JSON Schema can be made
from it, so the rules an editor checks and the rules the loader checks are the same rules.
"""

from __future__ import annotations

from game.scenario.shapes import Bool, Field, ListOf, MapOf, Num, Obj, OneKey, Str, Version, fmt

# --- the scenario format, version 1 -------------------------------------------------------

# Bounds on the work a file can ask for: with them, no file that validates keeps a command busy
# for more than about a minute (bench/hostile_bench.py measures the largest).
MAX_ISSUES = 64
MAX_OPTIONS = 16
MAX_DELEGATIONS = 40
MAX_VENUES = 20
MAX_EVENTS = 500
MAX_TESTS = 20
MAX_TEST_GAMES = 1000  # games one test may ask for
# The tests of a file together: games x turns per game x delegations squared (expect.py). The
# bundled astana-8 asks for about 830,000, some 13 s of play on one core of this machine.
MAX_TEST_WORK = 3_000_000

ID = Str("a short name: lower-case letters, digits, '_' and '-'", ident=True)
TEXT = Str("text")
LINE = Str("one line of text", line=True)
PERCENT = Num("0..100", 0, 100, integer=True, out_of_100=True)
DELTA = Num("a change, -100..100", -100, 100, integer=True, out_of_100=True)

EFFECT = OneKey(
    {
        "trust": Obj(
            {"from": Field(ID, True), "to": Field(ID, True), "delta": Field(DELTA, True)}, what="a trust effect"
        ),
        "support": Obj({"delegation": Field(ID, True), "delta": Field(DELTA, True)}, what="a support effect"),
        "stability": Obj({"zone": Field(ID, True), "delta": Field(DELTA, True)}, what="a stability effect"),
        "momentum": DELTA,
        "agenda": Obj({"add": Field(ID), "remove": Field(ID)}, what="an agenda effect"),
        "break": Obj({"issue": Field(ID, True), "by": Field(ID)}, what="a break effect"),
        "walk_away": Obj({"delegation": Field(ID, True), "delta": Field(DELTA, True)}, what="a walk-away effect"),
        "leave": Obj({"delegation": Field(ID, True)}, what="a leave effect"),
    },
    doc="one change: trust, support, stability, momentum, agenda, break, walk_away or leave",
)
EFFECTS = ListOf(EFFECT, "changes applied in order")

RULES = Obj(
    {
        name: Field(Num(doc, 0, 100, integer=True, out_of_100=True))
        for name, doc in {
            "default_trust": "trust between delegations the file does not set",
            "collapse_support": "support at or below which hardliners pull a delegation out",
            "concession_cost": "support lost per unit of weighted value given up",
            "hardline_support": "support a hardline statement wins at home",
            "hardline_trust": "trust a hardline statement costs with its addressee",
            "conciliatory_support": "support a conciliatory statement costs at home",
            "conciliatory_trust": "trust a conciliatory statement wins with its addressee",
            "meet_trust": "trust a bilateral meeting builds, both ways",
            "pressure_trust": "trust a client loses in the patron that presses it",
            "pressure_standing": "support a patron loses for pressing",
            "redline_support": "support lost when an agreement crosses a red line",
            "agreement_momentum": "momentum an agreement adds",
            "concession_momentum": "momentum a concession adds",
            "walkout_momentum": "momentum a walk-out costs (half for a boycott)",
            "stability_drag": "zones below this stability cost momentum each round",
            "drag_momentum": "momentum each zone below stability_drag costs a round",
            "response_trust": "trust an answer moves its proposal's author's trust in the one who answers",
            "agreement_trust": "trust the signatories of an agreement gain in one another",
            "concession_trust": "trust in the conceder of each delegation present that prefers the new option",
            "hardline_momentum": "momentum a hardline statement costs",
            "conciliatory_momentum": "momentum a conciliatory statement adds",
            "meet_momentum": "momentum a bilateral meeting adds",
            "pressure_support": "support a pressed client loses at home",
            "pressure_momentum": "momentum pressure adds",
            "leave_trust": "trust lost in one who walks out (or boycotts)",
            "break_trust": "trust every delegation loses in the side blamed for breaking an agreement",
            "break_momentum": "momentum a broken agreement costs",
            "weight_spread": "percent each weight may move in a game's draw of the real preferences",
            "value_spread": "hundredths each option's value may move in that draw",
            "reservation_spread": "hundredths the walk-away value may move in that draw",
            "breakdown_risk": "percent scale of the chance that talks are adjourned after a round",
            "delay_cost": "hundredths of utility a round costs a side for what it lacks on each open issue",
        }.items()
    },
    what="rules",
)

ZONE = Obj(
    {"id": Field(ID, True), "name": Field(LINE, True), "stability": Field(PERCENT, True), "description": Field(TEXT)},
    what="a zone",
    partial=True,
)

OPTION = Obj(
    {"id": Field(ID, True), "label": Field(LINE, True), "effects": Field(EFFECTS)},
    what="an option",
    # kept with its faults, as an issue is: its id still answers the references to it (an option
    # without a label made every mention of it elsewhere "no option" as well)
    partial=True,
)

ISSUE = Obj(
    {
        "id": Field(ID, True),
        "name": Field(LINE, True),
        "description": Field(TEXT),
        "zone": Field(ID),
        "status_quo": Field(ID, True),
        "options": Field(ListOf(OPTION, "from one pole to the other", min_items=2, max_items=MAX_OPTIONS), True),
    },
    what="an issue",
    partial=True,
)

PREFERENCE = Obj(
    {
        "weight": Field(Num("how much the issue matters, relative to the others", 0, 1000), True),
        "values": Field(MapOf(Num("value of the option, 0..1", 0, 1)), True),
    },
    what="a preference",
)

DELEGATION = Obj(
    {
        "id": Field(ID, True),
        "name": Field(LINE, True),
        "short_name": Field(Str("a short name for the table's narrow columns (12 letters or fewer)", line=True)),
        "leader": Field(LINE, True),
        "role": Field(Str("what it may do", choices=("party", "guarantor", "mediator", "observer")), True),
        "patrons": Field(ListOf(ID, "delegations that can press this one")),
        "controller": Field(Str("who plays it by default", choices=("ai", "human")), default="ai"),
        "description": Field(TEXT),
        "plural": Field(Bool("its name takes a plural verb"), default=False),
        "personality": Field(
            Obj(
                {
                    "style": Field(Str("concession curve", choices=("boulware", "linear", "conceder")), True),
                    "temper": Field(Num("0..1", 0, 1), True),
                },
                what="a personality",
            ),
            True,
        ),
        "reservation": Field(Num("utility of no deal, 0..1", 0, 1), True),
        "support": Field(PERCENT, True),
        "preferences": Field(MapOf(PREFERENCE, "issue -> weight and values"), True),
        "red_lines": Field(MapOf(ListOf(ID), "issue -> options never accepted willingly")),
        "opening": Field(MapOf(ID, "issue -> first public position")),
        "trust": Field(MapOf(PERCENT, "delegation -> trust at the start")),
        "stances": Field(MapOf(TEXT, "issue -> the side's own words")),
        "heeds": Field(ListOf(ID, "observers (or other non-signatories) whose views it weighs in its offers")),
    },
    what="a delegation",
    partial=True,
)

VENUE = Obj(
    {
        "id": Field(ID, True),
        "name": Field(LINE, True),
        "place": Field(LINE),
        "dates": Field(LINE),
        "description": Field(TEXT),
        "chair": Field(ID),
        "agenda": Field(ListOf(ID, "issues on the table", min_items=1), True),
        "signatories": Field(ListOf(ID, "whose acceptance makes a deal"), True),
        "turn_order": Field(ListOf(ID, "who speaks in what order")),
        "action_points": Field(Num("per delegation per turn", 1, 10, integer=True), True),
        "rounds": Field(Num("rounds available", 1, 50, integer=True), True),
        "momentum": Field(Num("momentum at the opening", 1, 100, integer=True), True),
        "attendance": Field(Str("required or optional", choices=("required", "optional")), default="required"),
        "momentum_decay": Field(Num("momentum lost when nothing moves", 0, 100, integer=True), default=8),
        "random_events": Field(Num("chance per round of a random event", 0, 1), default=0.0),
        "walkout_momentum": Field(
            Num("momentum a walk-out costs here (half for a boycott); default: the rule", 0, 100, integer=True)
        ),
    },
    what="a venue",
    partial=True,
)


def limits(what: str, low: float | None, high: float, fields: dict[str, Field] | None = None) -> Obj:
    """Bounds on a number of the table (every one given must hold), beside what says whose; `low`
    None where the number has no least value (a score the rounds' toll can take below 0)."""
    number = Num(f"{fmt(low)}..{fmt(high)}" if low is not None else f"at most {fmt(high)}", low, high)
    return Obj(
        {
            **(fields or {}),
            "above": Field(number),
            "below": Field(number),
            "at_least": Field(number),
            "at_most": Field(number),
            "between": Field(ListOf(number, "the lowest and the highest, both allowed", min_items=2)),
        },
        what=what,
    )


# What the table must look like for an event to fire (game/engine/conditions.py).
CONDITION = OneKey(
    {
        "present": ID,
        "absent": ID,
        "boycotted": ID,
        "walked_out": ID,
        "momentum": limits("a momentum condition", 0, 100),
        "round": limits("a round condition", 1, 50),
        "support": limits("a support condition", 0, 100, {"delegation": Field(ID, True)}),
        "trust": limits("a trust condition", 0, 100, {"from": Field(ID, True), "to": Field(ID, True)}),
        "stability": limits("a stability condition", 0, 100, {"zone": Field(ID, True)}),
        "agreed": Obj({"issue": Field(ID, True), "option": Field(ID)}, what="an agreed condition"),
        "open": ID,
    },
    doc="one fact about the table: who is present, a meter, an issue, the round",
    what="condition",
)

ALTERNATIVE = Obj(
    {"title": Field(LINE, True), "text": Field(TEXT, True), "effects": Field(EFFECTS)},
    what="an otherwise",
)

EVENT = Obj(
    {
        "id": Field(ID, True),
        "title": Field(LINE, True),
        "text": Field(TEXT, True),
        "venue": Field(ID),
        "round": Field(Num("the round it fires at the start of", 1, 50, integer=True)),
        "weight": Field(Num("relative chance in the random deck", 0, 1000), default=0),
        "repeat": Field(Bool("may fire more than once at random"), default=False),
        "lesson": Field(Bool("a lesson: shown before the debrief if the game ends before it fires"), default=False),
        "effects": Field(EFFECTS, default=None),
        "when": Field(ListOf(CONDITION, "all must hold for the event to fire", min_items=1)),
        "otherwise": Field(ALTERNATIVE),
        "sources": Field(ListOf(TEXT, "where the facts the event tells come from")),
    },
    what="an event",
    partial=True,
)

HISTORY = Obj(
    {
        "summary": Field(TEXT, True),
        "outcome": Field(
            MapOf(ID, "issue -> the option really agreed, 'unchanged' (the status quo stood) or 'not_agreed'")
        ),
        "notes": Field(ListOf(TEXT)),
    },
    what="history",
)

# Scenario tests: what the author expects of the games (see game/scenario/expect.py). Which
# bounds a check needs, and the ids it names, are checked when the tests are built.


bounded = limits  # limits on a measured number of the games


SHARE = Field(bounded("a share", 0, 1))  # of the games in which a per-game check holds; default: all
OUTCOME = Str("how the game ends", choices=("agreement", "partial", "no_deal", "collapse"))
AI_LEVEL = ("easy", "normal", "hard")

CHECK = OneKey(
    {
        "agreed": Obj(
            {
                "issue": Field(ID, True),
                "option": Field(ID),
                "by_round": Field(Num("the latest round of the agreement", 1, 50, integer=True)),
                "share": SHARE,
            },
            what="an agreed check",
        ),
        "not_agreed": Obj({"issue": Field(ID, True), "option": Field(ID), "share": SHARE}, what="a not_agreed check"),
        "outcome": Obj({"is": Field(OUTCOME), "is_not": Field(OUTCOME), "share": SHARE}, what="an outcome check"),
        "fired": Obj({"event": Field(ID, True), "share": SHARE}, what="a fired check"),
        "not_fired": Obj({"event": Field(ID, True), "share": SHARE}, what="a not_fired check"),
        "absent": Obj({"delegation": Field(ID, True), "share": SHARE}, what="an absent check"),
        "present": Obj({"delegation": Field(ID, True), "share": SHARE}, what="a present check"),
        "support": bounded("a support check", 0, 100, {"delegation": Field(ID, True), "share": SHARE}),
        "trust": bounded("a trust check", 0, 100, {"from": Field(ID, True), "to": Field(ID, True), "share": SHARE}),
        "stability": bounded("a stability check", 0, 100, {"zone": Field(ID, True), "share": SHARE}),
        "momentum": bounded("a momentum check", 0, 100, {"share": SHARE}),
        "utility": bounded("a utility check", None, 1, {"delegation": Field(ID, True), "share": SHARE}),
        "surplus": bounded("a surplus check", None, 1, {"delegation": Field(ID, True), "share": SHARE}),
        "history_match": bounded("a history_match check", 0, 1, {"share": SHARE}),
        "above_reservation": Obj(
            {"delegations": Field(ListOf(ID, "default: every signatory")), "share": SHARE},
            what="an above_reservation check",
        ),
        "agreement_rate": bounded("an agreement_rate check", 0, 1),
        "mean_utility": bounded("a mean_utility check", None, 1, {"delegation": Field(ID, True)}),
        "mean_surplus": bounded("a mean_surplus check", None, 1, {"delegation": Field(ID, True)}),
    },
    doc="one expected property of every game, or of the games together",
    what="check",
)

SCENARIO_TEST = Obj(
    {
        "name": Field(LINE, True),
        "seed": Field(Num("the game's seed; with games, the base seed", 0, 2**63 - 1, integer=True), default=0),
        "games": Field(Num("how many games, seeded as simulate seeds them", 1, MAX_TEST_GAMES, integer=True)),
        "difficulty": Field(Str("the level of every AI seat", choices=AI_LEVEL), default="normal"),
        "seats": Field(MapOf(Str("a level", choices=(*AI_LEVEL, "random")), "delegation -> level")),
        "venue": Field(ID),
        "expect": Field(ListOf(CHECK, "what must hold", min_items=1), True),
    },
    what="a test",
    partial=True,
)

SCENARIO = Obj(
    {
        "format": Field(Version("format version", 1, 1, integer=True), True),
        "id": Field(ID, True),
        "title": Field(LINE, True),
        "summary": Field(TEXT, True),
        "date": Field(LINE),
        "rules": Field(RULES),
        "zones": Field(ListOf(ZONE)),
        "issues": Field(ListOf(ISSUE, min_items=1, max_items=MAX_ISSUES), True),
        "delegations": Field(ListOf(DELEGATION, min_items=2, max_items=MAX_DELEGATIONS), True),
        "venues": Field(ListOf(VENUE, min_items=1, max_items=MAX_VENUES), True),
        "events": Field(ListOf(EVENT, max_items=MAX_EVENTS)),
        "history": Field(HISTORY),
        "tests": Field(
            ListOf(SCENARIO_TEST, "expected properties, checked by peacetalks test-scenario", max_items=MAX_TESTS)
        ),
    },
    what="the scenario",
    partial=True,
)
