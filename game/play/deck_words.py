"""The public deck in words: the random cards that could still take a side from the table, and
when each may come up, for the player's brief.

The scenario file is public, so every player may know these cards; the game says them in words
rather than leave them to whoever reads the YAML (the hard agent reads them, game/ai/deck.py).
Only the conditions are told, never a figure the table does not show (another side's trust in a
third is a condition's bound here, not its value); a figure the viewer does see is told beside
its bound, as it stands now (a newcomer playing Turkey could not find its own trust in Russia,
on which Ankara's recall turned, anywhere at the table)."""

from __future__ import annotations

from game.ai.deck import may_come_up, may_yet_hold, own_leave_cards, threatening_card
from game.engine.conditions import holds
from game.engine.model import NO_LIMIT, Condition, EventCard
from game.engine.records import in_sentence, listed
from game.engine.view import View


def _bounds(low: int, high: int) -> str:
    if low != NO_LIMIT and high != NO_LIMIT:
        return f"between {low} and {high}" if low != high else f"exactly {low}"
    if high != NO_LIMIT:
        return f"at most {high}"
    return f"at least {low}"


def _rounds(low: int, high: int) -> str:
    if low != NO_LIMIT and high != NO_LIMIT:
        return f"in round {low}" if low == high else f"in rounds {low} to {high}"
    if high != NO_LIMIT:
        return f"up to round {high}"
    return f"from round {low} on"


# Each kind of condition as a player would say it: {d} and {e} are delegations, {i} an issue,
# {z} a zone, {n} the bound on the figure.
_SAID = {
    "present": "while {d} is at the table",
    "absent": "while {d} is away",
    "boycotted": "once {d} has boycotted",
    "walked_out": "once {d} has walked out",
    "support": "while the support at home of {d} is {n}",
    "trust": "while the trust of {d} in {e} is {n}",
    "momentum": "while momentum is {n}",
    "open": "while {i} is open",
    "stability": "while stability in {z} is {n}",
}
_ON_DELEGATIONS = ("present", "absent", "boycotted", "walked_out", "support", "trust")


def condition_words(view: View, c: Condition) -> str:
    """One condition of a card, as a player would say it."""
    if c.kind == "round":
        return _rounds(c.low, c.high)
    if c.kind == "agreed":
        issue = view.issues[c.a]
        return f"once {in_sentence(issue.name)} is agreed" + (f" on {issue.options[c.b].label}" if c.b >= 0 else "")
    said = _SAID.get(c.kind)
    if said is None:
        return c.kind  # a kind the format adds later is still named, not hidden
    people = c.kind in _ON_DELEGATIONS
    # the reader's own as theirs (not "the support at home of Bosnia and Herzegovina" to Bosnia)
    yours = {
        "support": "while your support at home is {n}",
        "trust": "while your trust in {e} is {n}",
        "present": "while you are at the table",
        "absent": "while you are away",
        "boycotted": "once you have boycotted",
        "walked_out": "once you have walked out",
    }
    if c.a == view.me and c.kind in yours:
        said = yours[c.kind]
    elif c.kind == "trust" and c.b == view.me:
        said = "while the trust of {d} in you is {n}"
    # every name as a sentence names it ("the support at home of the Moscow and Cairo platforms")
    words = said.format(
        d=in_sentence(view.delegations[c.a].name) if people else "",
        e=in_sentence(view.delegations[c.b].name) if c.kind == "trust" else "",
        i=in_sentence(view.issues[c.a].name) if c.kind == "open" else "",
        z=in_sentence(view.zones[c.a].name) if c.kind == "stability" else "",
        n=_bounds(c.low, c.high),
    )
    now = _seen_now(view, c)
    return words if now is None else f"{words} (now {now})"


def _seen_now(view: View, c: Condition) -> int | None:
    """The figure a condition bounds, where the viewer sees it (support, momentum and stability
    are public; trust only where the viewer is one of the two sides); None elsewhere."""
    if c.kind == "support":
        return view.support[c.a]
    if c.kind == "momentum":
        return view.momentum
    if c.kind == "stability":
        return view.stability[c.a]
    if c.kind == "trust":
        if c.a == view.me:
            return view.my_trust[c.b]
        if c.b == view.me:
            return view.trust_in_me[c.a]
    return None


def departures(view: View) -> list[tuple[EventCard, str, str]]:
    """Every random card of the deck that may still come up at this venue and would take a
    delegation from the table: the card, who would leave, and its conditions in words."""
    found = []
    for index, card in enumerate(view.events):
        leaving = [e.a for e in card.effects if e.kind == "leave" and e.a >= 0]
        if not leaving or not may_come_up(view, index, card):
            continue
        who = listed([view.delegations[d].name for d in leaving])
        found.append((card, who, "; ".join(condition_words(view, c) for c in card.when) or "at any time"))
    return found


def own_departure_live(view: View) -> tuple[EventCard, str, bool] | None:
    """A random card that would take the viewer from the table, may still come up at this venue,
    and whose other conditions hold now: the card, its conditions in words, and whether one
    hardline statement (support lifted past the card's bound) would keep it off. A newcomer as
    Bosnia at Dayton read the card in the brief, made a conciliatory statement (support 55 to 53)
    that kept it live, and lost the seat to it in the next round; None where no card threatens."""
    seated = view.venue.turn_order
    for card, others, now in own_leave_cards(view):
        # (a boycott not made yet may still be, before the card can come up: threatening_card's
        # reading, by which the SNC's boycott at Sochi lets the platforms' card fire)
        if all(holds(now, c, seated) or may_yet_hold(view, c) for c in others):
            said = "; ".join(condition_words(view, c) for c in card.when) or "at any time"
            return card, said, threatening_card(view) is card
    return None
