"""Words for what the engine holds as numbers: names, option labels, packages, percentages.

The engine refers to everything by position; a player must only ever read names and labels.
No Textual here (Rich only, for the columns a text takes), so these helpers are cheap to test and
to share between screens.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from typing import Protocol

from rich.cells import cell_len, set_cell_size

from game.engine import actions as A
from game.engine.actions import Action
from game.engine.model import Scenario
from game.engine.records import in_sentence, verb_for
from game.engine.view import View

IndexPackage = tuple[tuple[int, int], ...]  # (issue, option) by position, as the engine keeps it


def short(text: str, width: int) -> str:
    """Cut to `width` terminal columns, with an ellipsis where something was cut. Columns, not
    characters: a name in Chinese of 10 characters takes 20, and cut by characters it widened
    the table's columns and broke a zone's bar onto a line of its own."""
    if cell_len(text) <= width:
        return text
    if width < 1:
        return ""
    # set_cell_size pads with a space where a wide character would straddle the cut
    return set_cell_size(text, max(0, width - 1)).rstrip() + "…"


def wrap(
    text: str, width: int, initial_indent: str = "", subsequent_indent: str = "", break_on_hyphens: bool = True
) -> list[str]:
    """textwrap.wrap by terminal columns: lines of at most `width` columns, words longer than a
    line broken. A text one column a character is wrapped by textwrap itself; one with wide
    characters (Chinese, say) word by word by their columns, where textwrap counted characters
    and a label of 20 Chinese characters ran 40 columns over a row's room."""
    if _narrow(text) and _narrow(subsequent_indent):
        return textwrap.wrap(
            text,
            width,
            initial_indent=initial_indent,
            subsequent_indent=subsequent_indent,
            break_on_hyphens=break_on_hyphens,
        )
    lines: list[str] = []
    line = initial_indent
    empty = True  # nothing but the indent on the line yet
    whole = max(1, width - cell_len(subsequent_indent))  # the room of a line after the first
    for word in text.split():
        gap = "" if empty else " "
        if cell_len(line) + len(gap) + cell_len(word) <= width:
            line, empty = line + gap + word, False
            continue
        if cell_len(word) <= whole:  # on a line of its own
            lines.append(line)
            line, empty = subsequent_indent + word, False
            continue
        # a word wider than a whole line (a phrase in Chinese has no spaces): broken by columns
        # from where the line stands, as textwrap breaks a long word
        room = width - cell_len(line) - len(gap)
        if room < 1:
            lines.append(line)
            line, gap = subsequent_indent, ""
            room = whole
        first, *rest = _chop(word, room)
        lines.append(line + gap + first)
        pieces = _chop("".join(rest), whole) if rest else []
        lines.extend(subsequent_indent + piece for piece in pieces[:-1])
        line, empty = (subsequent_indent + pieces[-1], False) if pieces else (subsequent_indent, True)
    if not empty:
        lines.append(line)
    return lines


def _narrow(text: str) -> bool:
    """Every character one column wide (a count of the columns alone would pass two combining
    marks and a Chinese character as three letters)."""
    return text.isascii() or all(cell_len(char) == 1 for char in text)


def _chop(text: str, width: int) -> list[str]:
    """The text in pieces of at most `width` columns (a wider character alone where `width` is
    1); a mark that takes no column stays with the character before it. (Rich's chop_cells put
    two Chinese characters in a piece of 2 after a run of combining marks.)"""
    pieces = [""]
    used = 0
    for char in text:
        wide = cell_len(char)
        if used + wide > width and pieces[-1]:
            pieces.append("")
            used = 0
        pieces[-1] += char
        used += wide
    return pieces


def pad(text: str, width: int) -> str:
    """The text with spaces after it to `width` terminal columns (str.ljust counts characters)."""
    return text + " " * max(0, width - cell_len(text))


class Named(Protocol):
    """A delegation, in full (model.Delegation) or as the others see it (view.PublicDelegation)."""

    @property
    def name(self) -> str: ...

    @property
    def short_name(self) -> str: ...


def opening(clause: str) -> str:
    """A clause as it opens a sentence: its first letter a capital, the rest as written (an
    engine's reason, "answer the mediator's draft #1 first", is written to go inside one)."""
    return clause[:1].upper() + clause[1:]


def named(d: Named, width: int) -> str:
    """A delegation's name in `width` columns: whole where it fits, else the file's short name
    (`short_name`), cut only if that too is longer. At 80 columns every Syrian name was cut to
    "Government of the Syrian Ara…", "Islamic Republ…"."""
    if cell_len(d.name) <= width or not d.short_name:
        return short(d.name, width)
    return short(d.short_name, width)


def brief_issue(name: str, width: int = 20) -> str:
    """An issue's name as a column heading: "Detainees" for "Detainees, abductees and the
    missing", "Idlib zone" for "The Idlib zone"."""
    if name.lower().startswith("the ") and len(name) > 4:
        name = name[4].upper() + name[5:]
    return short(name.split(",")[0].strip() or name, width)


def delegation_name(view: View, delegation: int) -> str:
    return view.delegations[delegation].name


def issue_name(view: View, issue: int) -> str:
    return view.issues[issue].name


def option_label(view: View, issue: int, option: int) -> str:
    """The label of one option; "no position" for -1, which the engine uses for none taken."""
    if option < 0:
        return "no position"
    return view.issues[issue].options[option].label


def package_text(view: View, package: Iterable[tuple[int, int]], separator: str = "; ") -> str:
    """ "Issue: option label; Issue: option label" for a package of (issue, option) positions."""
    return separator.join(f"{issue_name(view, i)}: {option_label(view, i, o)}" for i, o in package)


def id_package(view: View, package: Iterable[tuple[int, int]]) -> tuple[tuple[str, str], ...]:
    """The same package by scenario ids, as the engine's actions name things."""
    return tuple((view.issues[i].id, view.issues[i].options[o].id) for i, o in sorted(package))


def percent(chance: float) -> str:
    return f"{round(chance * 100)}%"


def score(value: float) -> str:
    """A utility or a value on the 0..1 scale, to two places: finer than a player can use."""
    return f"{value:.2f}"


def against(value: float, mark: float, least: int = 2) -> tuple[str, str, str]:
    """A value and the mark it is judged by (a utility and a walk-away), written to two places
    (`least`) or to as many more (up to four) as tell them apart, and where the value stands:
    "above", "BELOW" or "at". Rounded alike to two places, 0.5204 and 0.5196 would read "0.52
    BELOW your walk-away 0.52"; equal to four places, they are "at" it."""
    least = min(max(least, 2), 4)
    equal_at = 4
    for places in range(least, 5):
        shown, marked = fixed(value, places), fixed(mark, places)
        if shown == marked:
            equal_at = min(equal_at, places)
            continue
        # apart, and their difference as shown no more than twice the true one: 0.646 and 0.645
        # read "0.65" and "0.64", a gap of 0.01 where there was 0.001 (a newcomer's debrief). (A
        # shown gap one unit off the true one is the rounding every figure has: kept.)
        if places == 4 or abs(float(shown) - float(marked)) <= 2 * abs(value - mark):
            return shown, marked, "above" if value > mark else "BELOW"
    # equal to four places: written to the fewest places at which they read the same
    return fixed(value, equal_at), fixed(mark, equal_at), "at"


def accept_question(
    pid: int,
    author: str,
    worth: str,
    value: float,
    better: tuple[int, float] | None = None,
    pulled: str = "",
    below: str = "",
    decides: bool = False,
    tolled: str = "",
) -> str:
    """The question asked before an acceptance that may be a slip: "Accept #3 from X, worth 0.37
    to you?", then `pulled` (what signing costs at home, where it gets the player pulled out),
    then, with `better` (the number and worth of another offer waiting for the player's answer,
    worth more), "#5, also waiting for your answer, is worth 0.51 to you.". `worth` is the offer's
    worth as the reader sees it written, `value` its worth; with another offer, both are written to
    the places that tell them apart. `below`: the words `measured` gives an offer worth less than
    walking away ("BELOW your walk-away 0.95"), asked about too: a yes cannot be taken back.
    `decides`: the player's yes is the last the offer lacks, and makes it the agreement;
    `tolled`, with `below`: what agreeing it does to the rounds' toll (toll_stopped)."""
    theirs = ""
    if better is not None:
        theirs, worth, _ = against(better[1], value, len(worth.partition(".")[2]))
    question = f"Accept #{pid} from {author}, worth {worth} to you{', ' + below if below else ''}?"
    if decides:
        # (the transcript said so, the question did not: a newcomer weighed two offers there)
        question += " Your yes makes it the agreement."
    if below:
        question += tolled
    if pulled:
        question += f" {pulled}"
    if better is not None:
        question += f" #{better[0]}, also waiting for your answer, is worth {theirs} to you."
    return question


def fixed(value: float, places: int) -> str:
    """To `places` places, without the sign of a value that rounds to nothing ("-0.00")."""
    text = f"{value:.{places}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def reject_question(
    pid: int,
    author: str,
    worth: str,
    words: str,
    now: float,
    after: float,
    here: bool,
    pulled: str = "",
    kept: tuple[int, float] | None = None,
) -> str:
    """The question asked before refusing an offer worth having (above the walk-away value): a
    refusal cannot be taken back. `worth` and `words` as `measured` writes them; `now` and `after`
    the toll a round costs the reader now and once the offer is agreed (choices.toll_a_round),
    `here` where later venues charge their own: refusing keeps it running on the issues the offer
    would settle (a worth "if agreed" is before the rounds still to come, and no screen said that
    agreeing stops their toll). The board asks it, and the answer dialog (a newcomer's `r` there
    refused an offer worth 0.36 against a walk-away value of 0.18 with no word). `pulled`: what
    follows where signing it gets the reader pulled out by their hardliners ("the deal stands"),
    said too: a newcomer weighed a refusal with the pull-out shown below the question, not in it.
    `kept`: the number and worth of an open offer the reader has accepted, worth more: the question
    before a yes named a better offer waiting, the one before a no did not name the better one
    already accepted (a newcomer's)."""
    question = f"Reject #{pid} from {author}? It is worth {worth} to you, {words}."
    if pulled:
        question += f" Accepting it would get you pulled out by your hardliners ({pulled})."
    if kept is not None:
        question += f" Your yes to #{kept[0]}, worth {kept[1]:.2f} to you, stands."
    return question + toll_stopped(now, after, here)


def kept_yes(offers: list[tuple[int, float]], value: float) -> tuple[int, float] | None:
    """Of the open offers the reader has accepted (number, worth), the one worth most, where it is
    worth more than `value` by what two places can tell (None where none is)."""
    better = [(pid, worth) for pid, worth in offers if worth > value + 0.005]
    return max(better, key=lambda o: o[1]) if better else None


def toll_stopped(now: float, after: float, here: bool) -> str:
    """What agreeing a package does to the toll each round costs the reader (`now`, and `after`
    it is agreed: choices.toll_a_round), as a sentence after a question ("" where nothing):
    a worth "if agreed" is before the rounds still to come, and set against the walk-away value
    alone it hid that no deal costs a toll each round (a newcomer's). `here`: later venues
    charge their own."""
    if now - after < 0.0005:
        return ""
    where = " here" if here else ""  # (the next venue charges its own)
    if after < 0.0005:
        # ("the toll of 0.003 each round costs you" read as garbled to a newcomer)
        return f" Agreed, it would end the toll of {toll(now)} that each round costs you{where}."
    return f" Agreed, it would bring the toll each round costs you{where} from {toll(now)} down to {toll(after)}."


# how far below the walk-away value (or what is agreed) a package must be worth for the
# question before a yes: a gap of a ten-thousandth was asked about, as "0.4999 BELOW 0.5000"
BELOW_BY = 0.005


def propose_question(worth: str, words: str, signs: bool = True, tolled: str = "") -> str:
    """The question asked before tabling a package below the walk-away value (`worth` and `words`
    as `measured` writes them): tabling it is the author's yes, and cannot be taken back. A side
    that signs nothing gives no yes, but its package is agreed all the same if the signatories
    accept it. `tolled`: what agreeing it does to the rounds' toll (toll_stopped)."""
    if not signs:
        return f"Propose a package worth {worth} to you, {words}? If the signatories accept it, it is agreed.{tolled}"
    return (
        f"Propose a package worth {worth} to you, {words}? Proposing is your yes: "
        f"if the signatories accept it, it is agreed and binds you.{tolled}"
    )


def toll(x: float) -> str:
    """A toll to the hundredth, or to the thousandth where that one counts: 0.015 a round read as
    0.01 told a newcomer of less than the debrief then charged (0.09 over six rounds)."""
    shown = f"{x:.3f}"
    return shown[:-1] if shown.endswith("0") else shown


def gap(diff: float) -> str:
    """A signed difference (a surplus over a walk-away), with the places `against` would give
    it: never "+0.00" or "-0.00" for a difference that is not nil to four places."""
    shown, _, where = against(diff, 0.0)
    return "±" + shown if where == "at" else ("" if shown.startswith("-") else "+") + shown


def shown_gap(a: str, b: str) -> str:
    """The difference of two figures as shown, to the places of the finer of them ("0.5204"
    against "0.5196": "+0.0008"), so that it adds up by hand; "±0.00" where they are the same."""
    places = max(len(x.partition(".")[2]) for x in (a, b))
    diff = round(float(a) - float(b), places)
    return f"±{0:.{places}f}" if diff == 0 else f"{diff:+.{places}f}"


def action_phrase(scenario: Scenario, action: Action) -> str:
    """What an action did, in a few words after the actor's name: "accepts #4", "meets Iran"
    ("accept #4" after a plural name)."""
    actor = scenario.delegation_index.get(action.actor)
    plural = actor is not None and scenario.delegations[actor].plural
    return verb_for(plural, _phrase(scenario, action))


def _phrase(scenario: Scenario, action: Action) -> str:

    def name(ident: str, width: int = 22) -> str:
        index = scenario.delegation_index.get(ident)
        return named(scenario.delegations[index], width) if index is not None else ident

    def issue(ident: str) -> str:
        index = scenario.issue_index.get(ident)
        return short(scenario.issues[index].name, 24) if index is not None else ident

    if isinstance(action, A.Propose):
        size, sides = len(action.package), len(action.to)
        return f"proposes {size} issue{'s' if size != 1 else ''} to {sides} side{'s' if sides != 1 else ''}"
    if isinstance(action, A.Draft):
        return "tables a draft text"
    if isinstance(action, A.Respond):
        return f"{'accepts' if action.accept else 'rejects'} #{action.proposal}"
    if isinstance(action, A.Concede):
        return f"concedes on {in_sentence(issue(action.issue))}"
    if isinstance(action, A.Statement):
        return f"makes a {action.tone} statement" + (f" to {in_sentence(name(action.to, 16))}" if action.to else "")
    if isinstance(action, A.Pressure):
        return f"presses {in_sentence(name(action.client, 16))}"
    if isinstance(action, A.Meet):
        return f"meets {in_sentence(name(action.other))}"
    return {"walk_out": "walks out", "boycott": "boycotts the venue", "pass": "passes"}.get(action.kind, action.kind)


def measured(worth: float, walk_away: float, agreed: float | None, your: bool = False) -> tuple[str, str, str]:
    """A package's worth to the reader, and what it is measured against, in words: the walk-away
    value while nothing is agreed ("above walk-away 0.36"); once something is, what is agreed
    already ("+0.02 on what is agreed, 0.39"), which is what no further deal leaves the reader:
    a newcomer weighed offers against their walk-away after agreeing more than it, and was
    offered the very deal in force again, at a price in support, as "above your walk-away".
    Returns the worth as shown, the words, and "above", "BELOW" or "at". `your`: "your walk-away"."""
    if agreed is None:
        shown, mark, where = against(worth, walk_away)
        return shown, f"{where} {'your ' if your else ''}walk-away {mark}", where
    shown, mark, where = against(worth, agreed)
    if where == "at":
        return shown, f"adds nothing to what is agreed, {mark}", where
    return shown, f"{shown_gap(shown, mark)} on what is agreed, {mark}", where
