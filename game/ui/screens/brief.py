"""Your brief: what the player's delegation wants (weights, positions, red lines, walk-away),
what it has learnt of each of the others, and what trust, support and momentum do."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from game.ai.opponent import Beliefs
from game.ai.reading import bleed_rate
from game.engine.clock import breakdown_chance
from game.engine.flow import fewer_than_two_present
from game.engine.legal import moves_for
from game.engine.records import in_sentence, listed
from game.engine.situation import leave_momentum, leave_trust_losers, may_propose
from game.engine.view import View
from game.play.choices import agreed_so_far, learned_of
from game.play.deck_words import departures
from game.ui.format import brief_issue, pad, toll, wrap
from game.ui.widgets.hanging import Hanging
from game.ui.widgets.keybar import KeyBar
from game.ui.widgets.panels import mood

FLAT = 0.01  # an estimate whose weights all lie this close together tells nothing yet

EXPLAINED = (
    "Trust (0-100) is how far a delegation trusts you: it rises when you accept its proposals, "
    "concede, meet or speak softly, falls when you reject or speak hard, and the more it trusts "
    "you the more readily it accepts what you propose. "
    "Support at home (0-100) pays for concessions: a side whose support falls to the collapse "
    "level is pulled out by its hardliners. "
    "Momentum (0-100) is the talks' will to go on: agreements and progress raise it, a round in "
    "which nothing moves lowers it, and at 0 the talks collapse."
)


def boycott_terms(view: View) -> str:
    """Where the player may still stay away (attendance optional, round 1), what it does: the key
    is in the help and the palette only (the key row is full at 80 columns), and a newcomer as the
    SNC at Sochi never found it, while the AI's SNC weighed it. The figures are the rules'."""
    if not view.present[view.me] or not moves_for(view).open_to_me("boycott"):
        return ""
    rules, venue = view.rules, view.venue
    # whose trust falls, by the engine's rule (a side's trust in itself never moves: the chair
    # staying away costs it none, a review found)
    losers = [d for d in leave_trust_losers(venue, len(view.delegations), True) if d != view.me]
    if len(losers) == 1:
        host = f", {in_sentence(view.delegations[losers[0]].name)}'s trust in you -{rules.leave_trust}"
    elif losers:
        host = f", every side's trust in you -{rules.leave_trust}"
    else:
        host = ""
    needed = ""
    if view.me in venue.signatories:
        # the table without the player, asked of the engine's rule (a deal needs two signatories)
        gone = tuple(here and d != view.me for d, here in enumerate(view.present))
        needed = (
            "; the talks then collapse, a deal needing two signatories"
            if fewer_than_two_present(venue.signatories, gone)
            else "; you are then no longer needed for a deal"
        )
    return (
        f"Attendance here is optional: in this first round you may stay away (b): support at home "
        f"+{rules.hardline_support}{host}, momentum -{leave_momentum(rules, venue, True)}{needed}. What the others agree "
        "without you still counts for you."
    )


def camp_words(view: View) -> str:
    """Who the player's clients and patrons are, and what that lets them do: a newcomer playing
    Russia found its clients only by opening the press dialog ("" where it has neither)."""
    names = [in_sentence(d.name) for d in view.delegations]
    clients = [names[d] for d, public in enumerate(view.delegations) if view.me in public.patrons]
    patrons = [names[p] for p in view.own.patrons]
    said = []
    if len(clients) == 1:
        said.append(f"Your client: {clients[0]}; as its patron you may press it a step towards your position (x).")
    elif clients:
        said.append(
            f"Your clients: {listed(clients)}; as their patron you may press each a step towards your position (x)."
        )
    if len(patrons) == 1:
        said.append(f"Your patron: {patrons[0]}, which may press you a step towards its position.")
    elif patrons:
        said.append(f"Your patrons: {listed(patrons)}, each of which may press you a step towards its position.")
    return " ".join(said)


def time_pressure(view: View) -> str:
    """What waiting costs the player and risks, from the public rules and their own preferences."""
    rules, venue = view.rules, view.venue
    per_round = bleed_rate(view)  # what the agents weigh too, from the same view
    chance = breakdown_chance(rules, view.round, venue.rounds, view.momentum)
    if not rules.delay_cost and not rules.breakdown_risk:
        return f"Time: waiting costs nothing here, and the talks run their {venue.rounds} rounds."
    parts = []
    if rules.delay_cost:
        so_far = f" ({toll(view.toll / 10_000)} lost so far)" if view.toll else ""
        parts.append(
            f"each round that ends with issues open costs you {toll(per_round)} of utility as things stand{so_far}, "
            "taken from what you end with, deal or none, until an agreement settles those issues"
        )
    if rules.breakdown_risk:
        risk = f"{chance:.0%}" if chance else "no chance yet"
        parts.append(
            f"the talks may be adjourned after this round ({risk} at the present momentum, more as the rounds "
            "pass and momentum falls), and what is still open then lapses"
        )
    return "Time: " + "; ".join(parts) + "."


INDENT = 31  # where an issue's row starts its text: the name (24), its weight, and the gaps
# The brief is read at 80 columns and more (less the scrollbar and the box's padding): a position
# too long for the row goes on under it, at the row's indent, not back at the screen's edge
WRAP = 74 - INDENT


def hanging(line: str) -> str:
    """A row's text, wrapped so that every line after the first starts at the row's indent."""
    parts = wrap(line, WRAP, break_on_hyphens=False) or [""]
    return ("\n" + " " * INDENT).join(parts) + "\n"


def _weight_elsewhere(view: View) -> str:
    """Where the weight the agenda here does not carry lies, where it carries less than all of it:
    on issues settled before, on issues left open before and on no agenda now (they count at their
    status quo), and on the agendas of the venues still to come. A newcomer at a campaign's first
    venue added up 59% and found the rest nowhere."""
    own = view.own
    here = sum(own.weights[i] for i in view.agenda)
    rest = [i for i in range(len(view.issues)) if i not in view.agenda and own.weights[i] > 0]
    if not rest or round(here, 2) >= 1.0:
        return ""
    later_venues = view.venues[view.venue_index + 1 :]
    ahead = {i for v in later_venues for i in v.agenda}
    settled = sum(own.weights[i] for i in rest if view.settled[i] >= 0)
    later = sum(own.weights[i] for i in rest if view.settled[i] < 0 and i in ahead)
    lapsed = sum(own.weights[i] for i in rest if view.settled[i] < 0 and i not in ahead)
    names = [v.name for v in later_venues if any(i in v.agenda and view.settled[i] < 0 for i in rest)]
    parts = []
    if later:
        parts.append(f"{later:.0%} is on the agenda of {' and then '.join(names)}, still to come")
    if settled:
        parts.append(f"{settled:.0%} was settled before")
    if lapsed:
        parts.append(f"{lapsed:.0%} lies on issues no venue takes up any more, at their status quo")
    return f"These issues carry {here:.0%} of your utility; " + "; ".join(parts) + "."


def brief(view: View) -> Text:
    """The whole brief as text, written from the player's View alone."""
    own = view.own
    text = Text()
    text.append(f"{own.name}", style="bold")
    signs = view.me in view.venue.signatories
    if signs:
        signatory = " · a signatory: no deal without you"
    elif may_propose(own.role):
        # a party that signs nothing here (the SNC at Sochi) proposes and answers like the others,
        # but its answers decide nothing: a newcomer found it only in the debrief's notes
        signatory = " · signs nothing here: you propose and answer, but only the signatories' answers decide; yours move the author's trust"
    else:
        signatory = ""
    text.append(f" ({own.role}{signatory})\n")
    text.append(f"Walk-away (your utility with no deal): {own.reservation:.2f}", style="bold")
    agreed = agreed_so_far(view)
    if agreed is None:
        text.append(": a deal worth less than this leaves you worse off than none.\n")
    else:
        # once something is agreed, a further package is measured against what it leaves, as the
        # board and the turn's summary measure it (a newcomer at Sochi read the brief's walk-away
        # beside the board's "what is agreed already gives you 0.39")
        text.append(
            f"; what is agreed already gives you {agreed:.2f} if nothing more is: a further deal worth less "
            "than that leaves you worse off than none.\n"
        )
    text.append(f"Support at home {view.support[view.me]}; your hardliners pull you out at {view.collapse_support}.\n")
    camp = camp_words(view)
    if camp:
        text.append(camp + "\n")
    text.append(time_pressure(view) + "\n")
    staying_away = boycott_terms(view)
    if staying_away:
        text.append(staying_away + "\n")
    text.append("\n")
    text.append("What you want, issue by issue\n", style="bold underline")
    text.append(
        "Weight: the share of your utility an issue carries. Worth: your value of an option, 0 to 1.\n", style="dim"
    )
    if any(own.red_lines[i] for i in view.agenda):
        # a newcomer saw "✗ red line" and nowhere what it does (what it costs at home is a
        # signatory's: a side that signs nothing here signs nothing across it)
        text.append(
            "✗ red line: declared in public; you cannot propose it, and signing a deal\n"
            f"across it costs {view.rules.redline_support} support at home.\n"
            if signs
            else "✗ red line: declared in public; you cannot propose it.\n",
            style="dim",
        )
    for i in view.agenda:
        issue = view.issues[i]
        settled = view.settled[i]
        text.append(f"{pad(brief_issue(issue.name, 24), 24)} {own.weights[i]:>4.0%}  ", style="bold")
        if settled >= 0:
            text.append(hanging(f"agreed: {issue.options[settled].label} (worth {own.values[i][settled]:.2f})"))
            continue
        position = view.positions[view.me][i]
        if position >= 0:
            text.append(hanging(f"you stand at: {issue.options[position].label} ({own.values[i][position]:.2f})"))
        else:
            text.append("no stated position\n")
        best = max(range(len(issue.options)), key=lambda o: own.values[i][o])
        if best != position:
            # with its worth, as the position above has one: a tester read "you stand at: ... (0.90)"
            # and could not tell what was worth more
            text.append(
                " " * INDENT + hanging(f"best for you: {issue.options[best].label} ({own.values[i][best]:.2f})"),
                style="dim",
            )
        for o in sorted(own.red_lines[i]):
            text.append(" " * INDENT + hanging(f"✗ red line: {issue.options[o].label}"), style="bold")
    elsewhere = _weight_elsewhere(view)
    if elsewhere:
        text.append(elsewhere + "\n", style="dim")
    text.append("\nWhat you have learnt of the others\n", style="bold underline")
    text.append(
        "Meetings tell you a weight exactly; the estimates come from what each proposed, accepted and refused.\n",
        style="dim",
    )
    beliefs = Beliefs(view, learns=True)
    for d, pub in enumerate(view.delegations):
        if d == view.me:
            continue
        trust = view.trust_in_me[d]
        here = "" if view.present[d] else " · absent"
        text.append(f"{pub.name}", style="bold")
        text.append(f" ({pub.role}; trusts you {trust}, {mood(trust)}; support {view.support[d]}{here})\n")
        learnt = list(learned_of(view, d))
        if learnt:
            known = ", ".join(f"{brief_issue(view.issues[i].name)} {w:.0%}" for i, w in learnt)
            text.append(f"    from meetings: {known}\n")
        held = [i for i in view.agenda if view.positions[d][i] >= 0]
        weights = [beliefs.weight(d, i) for i in held]
        # once a meeting has told a weight, the hints no longer promise one (a newcomer read
        # "from meetings: Detainees 100%" above "a meeting will tell how much it cares")
        tell = " and its answers will tell" if learnt else ", its answers and a meeting will tell"
        if len(held) > 1 and max(weights) - min(weights) < FLAT:
            # an estimate no move has shaped yet ranks the issues in agenda order: a newcomer read
            # that order as what the side cares most about. One proposal does not shape it either
            # (what a side trades shows over several), and "nothing to go on yet" after the side
            # had proposed read as a brief that had not seen it
            text.append(
                f"    cares most about: not told apart yet (its proposals over the rounds{tell})\n",
                style="italic",
            )
        elif len(held) == 1:
            # one stated issue weighs the whole of the estimate by itself ("~100%" before the side
            # had made a move): what it states is all there is to say yet
            text.append(
                f"    states a position on one issue only: {brief_issue(view.issues[held[0]].name)} "
                f"(its proposals{tell} how much it cares)\n",
                style="italic",
            )
        elif held:
            ranked = sorted(held, key=lambda i: -beliefs.weight(d, i))[:3]
            guess = ", ".join(f"{brief_issue(view.issues[i].name)} ~{beliefs.weight(d, i):.0%}" for i in ranked)
            text.append(f"    cares most about (estimate): {guess}\n", style="italic")
        # each whole, on a line of its own: cut at 30 letters, a red line could not be told from
        # the option beside it on the ladder ("Sochi congress: The date, the preparatory mee…")
        for i in view.agenda:
            for o in sorted(view.red_lines[d][i]):
                # "refuses": "red line: Sieges ...: The siege is lifted" read as the side's demand
                said = f"red line, refuses: {view.issues[i].name}: {view.issues[i].options[o].label}"
                text.append("\n".join(wrap(said, 74, initial_indent="    ", subsequent_indent="      ")) + "\n")
    leaving = departures(view)
    if leaving:
        text.append("\nCards that could take a side from the table\n", style="bold underline")
        text.append(
            "Random events any player can read in the scenario: each may be drawn at the start of a round only "
            "while all its conditions hold, and a signatory who leaves ends the talks. What moves a condition "
            "can keep a card from coming up.\n",
            style="dim",
        )
        for card, who, when in leaving:
            text.append(f"{card.title}", style="bold")
            text.append(f" ({who} would leave): {when}\n")
    text.append("\nTrust, support and momentum\n", style="bold underline")
    text.append(EXPLAINED)
    return text


class BriefScreen(Screen[None]):
    """The player's brief on one scrolling screen."""

    CSS_PATH = "history.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,i,q", "close", "Back")]

    def __init__(self, view: View) -> None:
        super().__init__()
        self.view = view

    def compose(self) -> ComposeResult:
        yield Static(Text(" Your brief", style="bold"), id="history-filters")
        with VerticalScroll(id="history-box"):
            yield Static(Hanging(brief(self.view)), id="brief-text")
        yield KeyBar([b for b in self.BINDINGS if isinstance(b, Binding)], id="brief-keys")

    def on_mount(self) -> None:
        self.query_one("#history-box", VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)
