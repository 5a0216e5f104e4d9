"""Scenario tests: what an author expects of the games a scenario gives, written in the file's
`tests:` section and checked by `peacetalks test-scenario` (game/sim/scenario_tests.py).

The engine never sees them. They are built here, beside the Scenario, from the shape-checked
file; every id they name is looked up among the file's own ids and reported with its line and
column when it is unknown, so a test is validated like everything else in the file.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from game.scenario.diagnostics import Mark, Report
from game.scenario.refs import Refs, written_ids
from game.scenario.shapes import close
from game.scenario.spec import CHECK, MAX_TEST_WORK, SHARE
from game.scenario.yamlread import YMap, YSeq

# Checks measured in each game; in a test of many games they must hold in every game, or in the
# share of games their `share` bound asks for.
PER_GAME = (
    "agreed",
    "not_agreed",
    "outcome",
    "fired",
    "not_fired",
    "absent",
    "present",
    "support",
    "trust",
    "stability",
    "momentum",
    "utility",
    "surplus",
    "history_match",
    "above_reservation",
)
# Checks measured over all the games of a test together.
OVER_GAMES = ("agreement_rate", "mean_utility", "mean_surplus")
BOUND_KEYS = ("above", "below", "at_least", "at_most", "between")
_END: Mark = (1 << 30, 0)
_UNBOUNDED = ("agreed", "not_agreed", "outcome", "fired", "not_fired", "absent", "present", "above_reservation")


def num(x: float) -> str:
    """A number as a report shows it: whole numbers bare, others with two or three decimals."""
    if float(x).is_integer():
        return str(int(x))
    text = f"{x:.3f}"
    return text[:-1] if text.endswith("0") else text


@dataclass(frozen=True)
class Bound:
    """Limits on a measured number; every limit given must hold."""

    above: float | None = None
    below: float | None = None
    at_least: float | None = None
    at_most: float | None = None

    def holds(self, x: float) -> bool:
        return (
            (self.above is None or x > self.above)
            and (self.below is None or x < self.below)
            and (self.at_least is None or x >= self.at_least)
            and (self.at_most is None or x <= self.at_most)
        )

    def text(self) -> str:
        parts = []
        if self.at_least is not None and self.at_most is not None:
            parts.append(f"between {num(self.at_least)} and {num(self.at_most)}")
        elif self.at_least is not None:
            parts.append(f"at least {num(self.at_least)}")
        elif self.at_most is not None:
            parts.append(f"at most {num(self.at_most)}")
        if self.above is not None:
            parts.append(f"above {num(self.above)}")
        if self.below is not None:
            parts.append(f"below {num(self.below)}")
        return " and ".join(parts)

    def to_json(self) -> dict[str, float]:
        return {k: v for k, v in vars(self).items() if v is not None}


@dataclass(frozen=True)
class Check:
    """One expected property. Which fields mean something depends on the kind; ids as written."""

    kind: str  # one of PER_GAME or OVER_GAMES
    line: int
    column: int
    issue: str = ""  # agreed, not_agreed
    option: str = ""  # agreed, not_agreed: "" for any option
    by_round: int = 0  # agreed: 0 for any round
    delegation: str = ""  # absent, present, support, utility, surplus, mean_*; trust: the one trusting
    to: str = ""  # trust: the one trusted
    delegations: tuple[str, ...] = ()  # above_reservation: () for every signatory
    zone: str = ""  # stability
    event: str = ""  # fired, not_fired
    outcome: str = ""  # outcome
    negate: bool = False  # outcome: is_not
    bound: Bound | None = None  # the meters, utilities and rates
    share: Bound | None = None  # per-game checks: the share of games it must hold in (None: all)

    @property
    def per_game(self) -> bool:
        return self.kind in PER_GAME


@dataclass(frozen=True)
class ScenarioTest:
    """One test: the games to play (with which seats) and what must hold of them."""

    name: str
    line: int
    column: int
    checks: tuple[Check, ...]
    seed: int = 0
    games: int = 0  # 0: one game, played with `seed` itself (as `watch --seed` plays it)
    difficulty: str = "normal"
    seats: tuple[tuple[str, str], ...] = ()  # (delegation id, level) where it differs
    venue: str = ""  # "" for the game as a whole (its last venue)

    @property
    def count(self) -> int:
        return self.games or 1


class _Ids:
    """The ids a file defines, from its shape-checked content; an item with errors of its own
    still counts, so a reference to it is not reported a second time. Of an id written twice,
    the first is kept (_items), as the scenario's tables keep it (Refs.dedup): the duplicate's
    error names it as the original, and a check naming an option of the first is no error (the
    last was kept: 'issue 'medevac' has no option 'full_list'', which the first has)."""

    def __init__(self, doc: YMap, refs: Refs | None = None) -> None:
        self.refs = refs
        self.issues: dict[str, list[str]] = {}
        for item in _items(doc, "issues"):
            options = item.get("options")
            self.issues[item["id"]] = [
                o["id"] for o in (options if isinstance(options, YSeq) else ()) if isinstance(o, YMap) and "id" in o
            ]
        self.delegations = [x["id"] for x in _items(doc, "delegations")]
        self.zones = [x["id"] for x in _items(doc, "zones")]
        self.events = [x["id"] for x in _items(doc, "events")]
        # a venue's rounds, None where they failed to load: no warning is derived from them
        self.rounds: dict[str, int | None] = {x["id"]: x.get("rounds") for x in _items(doc, "venues")}
        venues = doc.get("venues")
        self.all_rounds = (
            isinstance(venues, YSeq)
            and not venues.rejected
            and len(self.rounds) == len(venues)
            and None not in self.rounds.values()
        )  # every venue's rounds loaded: the longest is known
        # every id written for one, those of objects the shape check refused included (refs.written_ids)
        self.written = {
            what: written_ids(doc.get(f"{what}s")) for what in ("issue", "delegation", "zone", "event", "venue")
        }
        self.written_options = {
            x["id"]: written_ids(x.get("options")) for x in _items(doc, "issues") if isinstance(x.get("options"), YSeq)
        }

    def table(self, what: str) -> Any:
        return {"issue": self.issues, "delegation": self.delegations, "zone": self.zones, "event": self.events}[what]


def _items(doc: YMap, key: str) -> list[YMap]:
    """The objects of a list with an id, the first of each id only (a duplicate is an error of
    its own: Refs.dedup)."""
    raw = doc.get(key)
    if not isinstance(raw, YSeq):
        return []
    seen: set[str] = set()
    out = []
    for x in raw:
        if isinstance(x, YMap) and "id" in x and x["id"] not in seen:
            seen.add(x["id"])
            out.append(x)
    return out


def build_tests(doc: YMap, report: Report, refs: Refs | None = None) -> tuple[ScenarioTest, ...]:
    """The tests of a shape-checked file; every problem goes to the report. `refs`: the id
    tables the scenario was built with, whose duplicate option ids explain a test's reference to
    an option its issue lacks (Refs.no_option): its caller reports them after."""
    raw = doc.get("tests")
    if not isinstance(raw, YSeq):
        return ()
    ids = _Ids(doc, refs)
    first: dict[str, int] = {}
    tests: list[ScenarioTest] = []
    for k, item in enumerate(raw):
        if not isinstance(item, YMap) or "name" not in item:
            continue
        name = item["name"]
        if name in first:
            report.error(item.at("name"), f"duplicate test name {name!r} (the first is on line {first[name]})")
        else:
            first[name] = item.at("name")[0]
        end = raw.at(k + 1) if k + 1 < len(raw) else _END
        test = _test(item, raw.at(k), end, ids, report)
        if test is not None:
            tests.append(test)
    _check_work(doc, raw, report)
    return tuple(tests)


def _check_work(doc: YMap, raw: YSeq, report: Report) -> None:
    """Refuse tests that would keep `test-scenario` busy for more than about a minute. A game's
    cost grows with its turns (rounds times who speaks, over every venue) and, as every AI reads
    every other delegation, with the square of the delegations."""
    games = sum(max(1, item.get("games", 0) or 0) for item in raw if isinstance(item, YMap))
    delegations = doc.get("delegations")
    venues = doc.get("venues")
    if not isinstance(delegations, YSeq) or not isinstance(venues, YSeq):
        return
    n = len(delegations)
    turns = sum(
        int(v.get("rounds", 1)) * len(v.get("turn_order") or delegations) for v in venues if isinstance(v, YMap)
    )
    work = games * turns * n * n
    if work > MAX_TEST_WORK:
        # where one game is already over the bound, fewer games cannot help: a smaller table can
        per_game = turns * n * n
        fix = (
            f"ask for fewer games (at most {MAX_TEST_WORK // per_game:,} in all)"
            if per_game <= MAX_TEST_WORK
            else "one game alone is over it: test a table with fewer rounds or delegations"
        )
        report.error(
            raw.mark,
            f"the tests ask for {games:,} game{'s' if games != 1 else ''} of about {turns} turns among {n} "
            f"delegations: {work:,} units of play (games x turns x delegations squared), at most "
            f"{MAX_TEST_WORK:,} (about a minute): {fix}",
        )


def _test(raw: YMap, mark: Mark, end: Mark, ids: _Ids, report: Report) -> ScenarioTest | None:
    venue = raw.get("venue", "")
    if venue and venue not in ids.rounds and venue not in ids.written["venue"]:
        _unknown(ids, "venue", venue, raw.at("venue"), ids.rounds, report)
    seats: YMap = raw.get("seats", YMap(raw.mark))
    for ident in seats:
        _ref(ids, ident, seats.key_at(ident), "delegation", report)
    games = raw.get("games", 0)
    unread = "games" in raw.refused  # written, and refused: whether it is one game is not known
    expect: YSeq | None = raw.get("expect")
    if expect is None:
        return None
    faults = [(d.line, d.column) for d in report.errors]
    checks = []
    for k, item in enumerate(expect):
        start, stop = expect.at(k), expect.at(k + 1) if k + 1 < len(expect) else end
        checks.append(_check(item, start, ids, raw, report, any(start <= f < stop for f in faults)))
    for check, item in zip(checks, expect, strict=True):
        if check is None or unread:
            continue
        at = item.at(check.kind)
        if not games and check.share is not None:
            report.warning(
                item[check.kind].at("share"), "a share has no meaning in a single game: give the test `games:`"
            )
        if not games and check.kind in OVER_GAMES:
            report.warning(at, f"{check.kind} is measured over many games: give the test `games:`")
    return ScenarioTest(
        name=raw["name"],
        line=mark[0],
        column=mark[1],
        checks=tuple(c for c in checks if c is not None),
        seed=raw.get("seed", 0),
        games=games,
        difficulty=raw.get("difficulty", "normal"),
        seats=tuple(seats.items()),
        venue=venue,
    )


def _ref(ids: _Ids, ident: str, mark: Mark, what: str, report: Report) -> None:
    table = ids.table(what)
    if ident not in table and ident not in ids.written[what]:  # (an object with a fault of its own: said there)
        _unknown(ids, what, ident, mark, table, report)


def _unknown(ids: _Ids, what: str, ident: str, mark: Mark, known: Iterable[str], report: Report) -> None:
    """An unknown id, said in the error of an id of its kind written twice where the file has one
    (Refs.no_id)."""
    if ids.refs is not None:
        ids.refs.no_id(what, ident, mark, known)
    else:
        report.error(mark, f"unknown {what} {ident!r}{close(ident, known)}")


def _check(item: YMap, mark: Mark, ids: _Ids, test: YMap, report: Report, faulty: bool) -> Check | None:
    ((kind, body),) = item.items()
    # A bound or outcome the shape check refused is missing here: saying so would repeat its fault.
    quiet = Report(report.path) if faulty else report
    at = item.at(kind)
    fields: dict[str, Any] = {}
    if kind in ("agreed", "not_agreed"):
        issue = body["issue"]
        _ref(ids, issue, body.at("issue"), "issue", report)
        if (
            "option" in body
            and issue in ids.issues
            and body["option"] not in ids.issues[issue]
            and body["option"] not in ids.written_options.get(issue, ())
        ):
            option = body["option"]
            if ids.refs is not None:  # (said with an option id written twice, where the issue has one)
                ids.refs.no_option(issue, option, body.at("option"), ids.issues[issue])
            else:
                report.error(
                    body.at("option"), f"issue {issue!r} has no option {option!r}{close(option, ids.issues[issue])}"
                )
        fields.update(issue=issue, option=body.get("option", ""), by_round=body.get("by_round", 0))
        if fields["by_round"]:
            _warn_late(fields["by_round"], body.at("by_round"), test.get("venue", ""), ids, report)
    elif kind == "outcome":
        if ("is" in body) == ("is_not" in body):
            quiet.error(at, "an outcome check takes exactly one of is or is_not")
            return None
        fields.update(outcome=body.get("is") or body["is_not"], negate="is_not" in body)
    elif kind in ("fired", "not_fired"):
        _ref(ids, body["event"], body.at("event"), "event", report)
        fields.update(event=body["event"])
    elif kind == "trust":
        _ref(ids, body["from"], body.at("from"), "delegation", report)
        _ref(ids, body["to"], body.at("to"), "delegation", report)
        fields.update(delegation=body["from"], to=body["to"])
    elif kind == "stability":
        _ref(ids, body["zone"], body.at("zone"), "zone", report)
        fields.update(zone=body["zone"])
    elif kind == "above_reservation":
        listed: YSeq = body.get("delegations", YSeq(body.mark))
        for k, ident in enumerate(listed):
            _ref(ids, ident, listed.at(k), "delegation", report)
        fields.update(delegations=tuple(listed))
    elif "delegation" in body:
        _ref(ids, body["delegation"], body.at("delegation"), "delegation", report)
        fields.update(delegation=body["delegation"])
    if kind not in _UNBOUNDED:
        bound = _bound(body, at, kind, quiet, _range(CHECK.kinds[kind]))
        if bound is None:
            return None
        fields["bound"] = bound
    if "share" in body:
        share = _bound(body["share"], body.at("share"), "share", quiet, _range(SHARE.spec))
        if share is None:
            return None
        fields["share"] = share
    return Check(kind, mark[0], mark[1], **fields)


def _range(spec: Any) -> tuple[float, float] | None:
    """The least and the most a measured number can be, as the file's format bounds it (a rate
    0..1, support 0..100: game/scenario/spec.py), or None where it does not say."""
    number = getattr(getattr(spec, "fields", {}).get("above"), "spec", None)
    low, high = getattr(number, "low", None), getattr(number, "high", None)
    if high is None:
        return None
    return (-math.inf if low is None else float(low)), float(high)  # a score has no least value


def _bound(body: YMap, mark: Mark, what: str, report: Report, span: tuple[float, float] | None = None) -> Bound | None:
    """The limits written in a mapping, or None after reporting why they cannot be met: between
    themselves, or by any value the number can take (`span`: above 1.0 on a rate, below 0 on
    support)."""
    given = {k: float(body[k]) for k in ("above", "below", "at_least", "at_most") if k in body}
    if "between" in body:
        pair: YSeq = body["between"]
        written = pair.written or len(pair)  # (as the shape check counted them)
        if len(pair) != 2 or written != 2:
            # too many written is said here; too few, or a number refused (out of range, say), was
            # reported as such, and saying "two numbers" of [120, 130] read as a third fault
            if written > 2 or (len(pair) != 2 and not pair.faulted):
                report.error(body.at("between"), "between takes two numbers: the lowest and the highest")
            return None
        if pair[0] > pair[1]:
            report.error(body.at("between"), f"between [{num(pair[0])}, {num(pair[1])}]: the lowest comes first")
            return None
        for key, value in (("at_least", pair[0]), ("at_most", pair[1])):
            if key in given:
                report.error(body.at("between"), f"between and {key} both set a limit: keep one")
                return None
            given[key] = float(value)
    if not given:
        report.error(mark, f"{what} needs a bound: one of {', '.join(BOUND_KEYS)}")
        return None
    bound = Bound(**given)
    low = max((x for x in (bound.above, bound.at_least) if x is not None), default=None)
    high = min((x for x in (bound.below, bound.at_most) if x is not None), default=None)
    if low is not None and high is not None and (low > high or (low == high and not bound.holds(low))):
        report.error(mark, f"no value can be {bound.text()}")
        return None
    if span is not None:
        # what the limits leave of the number's own range: an interval, empty unless its ends or
        # its middle meet them (an open end, above 1.0 on a rate, meets nothing at 1.0)
        a = span[0] if low is None else max(span[0], low)
        b = span[1] if high is None else min(span[1], high)
        if a > b or not any(bound.holds(x) for x in (a, b, (a + b) / 2)):
            runs = (
                f"it runs from {num(span[0])} to {num(span[1])}"
                if span[0] > -math.inf
                else f"it is at most {num(span[1])}"
            )
            report.error(mark, f"no {what} can be {bound.text()}: {runs}")
            return None
    return bound


def _warn_late(by_round: int, mark: Mark, venue: str, ids: _Ids, report: Report) -> None:
    if venue:
        rounds = ids.rounds.get(venue)
    else:
        rounds = max((r for r in ids.rounds.values() if r is not None), default=None) if ids.all_rounds else None
    if rounds and by_round > rounds:
        where = f" of venue {venue!r}" if venue else "" if len(ids.rounds) == 1 else " of the longest venue"
        report.warning(mark, f"by_round {by_round} is past the last round{where} ({rounds}): it limits nothing")
