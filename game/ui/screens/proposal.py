"""The proposal builder: a package over the open issues, its worth to the player and the
estimated chance each addressee accepts it, updated on every change."""

from __future__ import annotations

from collections.abc import Mapping

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Label, Static

from game.ai.estimate import acceptance_chance, answered, own_proposal
from game.engine.actions import Draft, Propose
from game.engine.records import in_sentence, listed
from game.engine.view import View
from game.play import choices
from game.ui.format import (
    BELOW_BY,
    IndexPackage,
    brief_issue,
    delegation_name,
    id_package,
    issue_name,
    measured,
    named,
    opening,
    percent,
    propose_question,
    score,
    short,
    toll_stopped,
)
from game.ui.screens.dialog import ActionDialog, dismiss_if_sure, unfocusable
from game.ui.widgets.fields import FormRow, OptionField, ToggleField
from game.ui.widgets.fitted import FittedNote

LEAVE_OUT = -1  # the field value for an issue left out of the package
_ISSUE_ROWS, _ADDRESSEE_ROWS = 9, 7  # as many as fit at 80x24 (actions.tcss caps the boxes so)


def _rows(count: int, room: int, classes: str) -> Vertical | VerticalScroll:
    """A box for one row per item: scrolling only when the items outnumber the rows it has, since
    a scrolling box brings three widgets of its own (two scroll bars and their corner)."""
    return unfocusable(VerticalScroll(classes=classes)) if count > room else Vertical(classes=classes)


# How much of an issue's name the note on an option keeps when the whole note cannot fit.
NAME_IN_NOTE = 30


class ProposalBuilder(ActionDialog):
    """A package over the open agenda issues, put to chosen delegations (a Propose), or for the
    mediator a single text put to all (a Draft); shows live what it is worth and who may accept."""

    HINT = "↑↓ move · ←→ 1-9 pick · 0 leave out · Space tick · Enter send · Esc cancel"

    def __init__(
        self,
        view: View,
        start: IndexPackage | None = None,
        since: int = -1,
        levels: Mapping[int, str] | None = None,
        players: frozenset[int] = frozenset(),
    ) -> None:
        """`levels`: the built-in level of each AI seat, by delegation index, where the game seats
        one (the acceptance estimate is read through that level's map); `players`: the other
        seats people play (hot-seat), whose answers no estimate foretells."""
        super().__init__(view)
        self.levels = dict(levels or {})
        self.players = players
        # A counter-proposal starts from the package it answers (the board's e), a new one from
        # the player's last package at the venue (`since`, its number), else from the player's
        # own positions.
        self.start = dict(start) if start is not None else None
        self.since = since
        self.mediator = choices.can_draft(view)
        self.issues = choices.open_issues(view)
        # The mediator names no addressees: its draft goes to every party and guarantor present.
        self.addressees = choices.draft_recipients(view) if self.mediator else choices.present_others(view)
        self._fields: dict[int, OptionField] = {}
        self._boxes: dict[int, ToggleField] = {}

    def title_text(self) -> str:
        title = "Table a draft text" if self.mediator else "Propose a package"
        return f"{title}, from your #{self.since}" if self.since >= 0 else title

    def unavailable(self) -> str:
        if not (self.mediator or choices.can_propose(self.view)):
            return f"As {self.view.own.role} you cannot make proposals."
        if not self.issues:
            return "Every issue on the agenda is settled: there is nothing left to propose."
        if not self.addressees:
            return "There is nobody at the table to put a proposal to."
        return ""

    def compose_choices(self) -> ComposeResult:
        with _rows(len(self.issues), _ISSUE_ROWS, "issues"):
            for i in self.issues:
                field = OptionField(
                    issue_name(self.view, i),
                    self._options_for(i),
                    self._preselected(i),
                    blank=LEAVE_OUT,
                    id=f"issue-{i}",
                    classes="issue-choice",
                )
                self._fields[i] = field
                yield field
        # The long option labels do not fit a row: the focused one is written out in full here,
        # with who has taken it as their position and whose red line it is.
        yield FittedNote(id="option-detail")
        heading = "The draft goes to every party and guarantor here:" if self.mediator else "Put it to:"
        yield Label(heading, classes="section")
        with _rows(len(self.addressees), _ADDRESSEE_ROWS, "addressees"):
            for d in self.addressees:
                box = ToggleField(
                    delegation_name(self.view, d),
                    value=self.mediator or d in choices.default_addressees(self.view),
                    tickable=not self.mediator,
                    id=f"to-{d}",
                    classes="addressee",
                )
                self._boxes[d] = box
                yield box
        yield Static("", id="worth", markup=False)

    def compose_action_buttons(self) -> ComposeResult:
        yield Button("Table draft" if self.mediator else "Propose", id="send", variant="primary", compact=True)

    def problem_line(self) -> Static:
        # one line (the form fills an 80x24 screen), saying each message in the fullest words
        # that fit it: at 80 columns the warning that signing pulls the player out was cut to
        # "...where your hardliners pull…"
        return FittedNote(classes="problem")

    def _options_for(self, issue: int) -> list[tuple[Content, int]]:
        red = self.view.own.red_lines[issue]
        options: list[tuple[Content, int]] = []
        for o, option in enumerate(self.view.issues[issue].options):
            # Shown, not hidden: a player should see what the red line rules out.
            label = (
                Content.styled(f"✗ your red line: {option.label}", "$text-error") if o in red else Content(option.label)
            )
            options.append((label, o))
        # Last, so that digits 1 to 9 pick the options in the order the scenario lists them.
        options.append((Content.styled("— leave out —", "italic"), LEAVE_OUT))
        return options

    def _preselected(self, issue: int) -> int:
        if self.start is not None:
            option = self.start.get(issue, LEAVE_OUT)
            return option if option not in self.view.own.red_lines[issue] else LEAVE_OUT
        position = self.view.positions[self.view.me][issue]
        return position if position >= 0 and position not in self.view.own.red_lines[issue] else LEAVE_OUT

    def on_mount(self) -> None:
        if not self.unavailable():
            self.refresh_estimates()
            self._describe(next(iter(self.issues)))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, OptionField):
            self._describe(self._issue_of(event.widget))

    def _issue_of(self, field: OptionField) -> int:
        return next(i for i, f in self._fields.items() if f is field)

    def _describe(self, issue: int) -> None:
        """The chosen option of one issue in full, and where the delegations stand on it."""
        option = self._fields[issue].value
        detail = self.query_one("#option-detail", FittedNote)
        if option == LEAVE_OUT:
            # at the game's last venue an issue left open is scored at the walk-away value, not its
            # status quo (RULES.md, "Partial deals score issue by issue"): a newcomer found "leave
            # out" worth more than the status quo's option, and nothing said why
            view = self.view
            if not view.venues_left:
                then = "if nothing more settles it, it counts at your walk-away value, not its status quo"
            elif any(issue in v.agenda for v in view.venues[view.venue_index + 1 :]):
                then = "if nothing more settles it here, a venue to come takes it up"
            else:
                then = "if nothing more settles it here, it stays at its status quo: no venue to come takes it up"
            name = issue_name(view, issue)
            detail.say([f"{name}: left out of this package; {then}.", f"{name}: left out of this package."])
            return
        # with what it is worth to the player: the builder showed only the package's total, and a
        # newcomer learnt what an option was worth to them from the concession dialog, after
        # proposing one worth half another
        worth = f" (worth {self.view.own.values[issue][option]:.2f} to you)"
        text = f"{issue_name(self.view, issue)}: {self.view.issues[issue].options[option].label}{worth}"
        here = [d for d in range(len(self.view.delegations)) if self.view.positions[d][issue] == option]
        red = [d for d in range(len(self.view.delegations)) if option in self.view.red_lines[d][issue]]
        # From the fullest to the shortest: every name; the stated positions counted; both counted,
        # tersely (at 80 columns an option's label alone can take two of the box's three lines).
        wordings = []
        # (whole names; short names, as the table's columns have them: the harbour's long names
        # went straight to "the stated position of 2 others", naming nobody; short names, tersely,
        # the player among them ("your stated position and Iran's"), then without the articles,
        # where the longer forms had the Syrian table's government read "the red line of 1 other;
        # your stated position and 1 other's", naming no one; then counted)
        for red_named, here_named, by_short, compact, article in (
            (True, True, False, False, True),
            (True, True, True, False, True),
            (True, True, True, True, True),
            (True, True, True, True, False),
            (True, False, True, True, True),
        ):
            notes = [
                _whose(
                    self.view,
                    red,
                    "your red line",
                    "a red line for" if article else "red line for",
                    named=red_named,
                    brief=by_short,
                    compact=compact,
                ),
                _whose(
                    self.view,
                    here,
                    "your stated position",
                    "the stated position of" if article else "stated position of",
                    named=here_named,
                    brief=by_short,
                    compact=compact,
                ),
            ]
            said = "; ".join(sorted((n for n in notes if n), key=len))  # the short one first
            wordings.append(text + ("\n" + opening(said) + "." if said else ""))
        terse = "; ".join(
            n for n in (_counted(self.view, red, "red line"), _counted(self.view, here, "stated position")) if n
        )
        wordings.append(text + ("\n" + opening(terse) + "." if terse else ""))
        # last, the issue's name cut short: a very long one (a file may name an issue in 200
        # characters) filled the box, and who stands on the option went unsaid
        brief = f"{short(issue_name(self.view, issue), NAME_IN_NOTE)}: {self.view.issues[issue].options[option].label}{worth}"
        wordings.append(brief + ("\n" + opening(terse) + "." if terse else ""))
        detail.say(wordings)

    def package(self) -> IndexPackage:
        """The (issue, option) pairs chosen so far, by position, in issue order."""
        return tuple(sorted((i, f.value) for i, f in self._fields.items() if f.value != LEAVE_OUT))

    def chosen_addressees(self) -> tuple[int, ...]:
        if self.mediator:
            return self.addressees
        return tuple(d for d, box in self._boxes.items() if box.value)

    def _crossed(self, package: IndexPackage) -> list[int]:
        return [i for i, o in package if o in self.view.own.red_lines[i]]

    @on(OptionField.Changed)
    def _option_changed(self, event: OptionField.Changed) -> None:
        # the detail follows the focus: a change arrives as a message, after the keys typed before
        # it were handled, and typed quickly ("↑ 3 ↓ 0") the detail described the row the focus
        # had left while the next was highlighted
        focused = self.focused
        field = focused if isinstance(focused, OptionField) and focused in self._fields.values() else event.field
        self._describe(self._issue_of(field))
        self.refresh_estimates()

    @on(ToggleField.Changed)
    def refresh_estimates(self) -> None:
        """Recompute the live figures: the player's utility of the deal and each chance."""
        package = self.package()
        own = self.view.own
        worth = self.query_one("#worth", Static)
        if package:
            after = choices.worth_if_agreed(self.view, package)
            shown, words, _ = measured(after, own.reservation, choices.agreed_so_far(self.view))
            # one wording with the answer dialog's; the message line warns where signing would
            # pull the player out (a package across their red line, refused first, is never sent)
            cost = choices.signing_cost(self.view, package)
            worth.update(f"If agreed: {shown} ({words})" + (f" · {cost}" if cost else ""))
        else:
            worth.update(f"Choose at least one issue.  Your walk-away: {score(own.reservation)}")
        chosen = set(self.chosen_addressees())
        for d, box in self._boxes.items():
            box.note = self._estimate(d, package) if d in chosen and package else ""
        crossed = self._crossed(package)
        if crossed:
            self.refuse(*(f"✗ Across your red line on {issue}." for issue in self._issue_names(crossed[0])))
        elif package and choices.pulls_out(self.view, lost := choices.agreement_cost(self.view, package)):
            self.refuse(*self._pulled_out(lost, choices.pulled_out_then(self.view, package)))
        else:
            self.refuse(*(self._unasked_warning(chosen) or self._standing(package) or (self._replaces(),)))

    def _issue_names(self, issue: int) -> tuple[str, str]:
        """An issue's name in a sentence, whole and short ("the Idlib zone", "Idlib zone")."""
        name = issue_name(self.view, issue)
        return in_sentence(name), brief_issue(name, NAME_IN_NOTE)

    def _pulled_out(self, cost: int, then: str) -> tuple[str, ...]:
        """That signing would pull the player out, and what follows (`then`), from the fullest
        wording to the shortest."""
        support, floor = self.view.support[self.view.me], self.view.collapse_support
        after = max(0, support - cost)
        # first with what being pulled out does to the player, where the line has room for it
        means = choices.PULLED_OUT_MEANS
        return (
            f"⚠ Signing this would take your support to {after}, where your hardliners pull you out "
            f"(they do at {floor} or less); {then}; you would {means}.",
            f"⚠ Signing this leaves you {after} support: your hardliners pull you out; {then}; you would {means}.",
            f"⚠ Signing this would take your support to {after}, where your hardliners pull you out "
            f"(they do at {floor} or less); {then}.",
            f"⚠ Signing this leaves you {after} support: your hardliners pull you out at {floor}; {then}.",
            f"⚠ Signing gets you pulled out by your hardliners: {then}.",
            "⚠ Signing this would get you pulled out by your hardliners.",
        )

    def _estimate(self, who: int, package: IndexPackage) -> str:
        """The live chance, and whether that side already answered this very package here, the
        latest answer first: the estimate counts it (game.ai.estimate.answered), and the player
        should know why it is low, or high."""
        if who in self.players:
            # a person answers for that seat: the estimate is a model of the AI's answers (a
            # newcomer read "accepts ~38%" beside the other player's delegation in hot-seat play)
            return "a player: no estimate"
        chance = f"accepts ~{percent(acceptance_chance(self.view, who, package, self.levels.get(who)))}"
        if own_proposal(self.view, who, package) is not None:
            return f"{chance}, its own proposal"  # read as its yes, but it never said one
        refused_now, refused_before, accepted_now, accepted_before = answered(self.view, who, package)
        if accepted_now and not refused_now:
            return f"{chance}, accepted this package this round"
        if refused_now or refused_before:
            return f"{chance}, refused this package before"
        return f"{chance}, accepted this package before" if accepted_before else chance

    def _standing(self, package: IndexPackage) -> tuple[str, ...]:
        """A yes the player gave to an open proposal worth less to them than this package stands
        until it closes, and no move takes it back: the first that every signatory accepts is the
        deal. A newcomer accepted a draft worth 0.58, then tabled a package worth 0.67, and the
        draft was signed first; nothing had said the yes still held ("" where none is)."""
        if not package:
            return ()
        worth = choices.worth_if_agreed(self.view, package)
        lower = [
            (p.id, value)
            for p in self.view.proposals
            if p.id in choices.accepted_still_open(self.view, -1)
            and (value := choices.worth_if_agreed(self.view, p.package)) < worth - 0.005
        ]
        if not lower:
            return ()
        pid, value = min(lower, key=lambda pair: pair[1])
        replaced = self._replaces()
        stands = f"Your yes to #{pid} (worth {value:.2f}) stands: if all sign it first, it is the deal."
        return (
            *((f"{stands} {replaced}",) if replaced else ()),
            stands,
            f"Your yes to #{pid} ({value:.2f}) stands: signed first, it is the deal.",
        )

    def _replaces(self) -> str:
        """A new proposal withdraws the player's own still on the table (RULES.md): said before
        it is sent (a newcomer found their earlier one gone, with a word only in the history)."""
        open_ = [p.id for p in self.view.proposals if p.author == self.view.me]
        return f"Sending it withdraws your proposal #{open_[0]}, still on the table." if open_ else ""

    def _unasked_warning(self, chosen: set[int]) -> tuple[str, ...]:
        """A deal needs every signatory at the table: a proposal that leaves one out can be
        answered, never agreed (it closes once the others have answered). Sending it stays open
        to the player, as the rules allow; the builder says so before it is sent, naming them
        in full, else by their short names, else counting them."""
        if self.mediator:
            return ()
        unasked = sorted(d for d in choices.default_addressees(self.view) if d not in chosen)
        if not unasked:
            return ()
        verb = "is" if len(unasked) == 1 else "are"
        wordings = [
            f"⚠ Cannot be agreed: {', '.join(names)} must sign and {verb} not asked."
            for names in (
                [delegation_name(self.view, d) for d in unasked],
                [named(self.view.delegations[d], 16) for d in unasked],
            )
        ]
        count = f"{len(unasked)} signator{'y' if len(unasked) == 1 else 'ies'}"
        return (*wordings, f"⚠ Cannot be agreed: {count} who must sign {verb} not asked.")

    @on(Button.Pressed, "#send")
    @on(FormRow.Submitted)
    def send(self) -> None:
        package = self.package()
        if not package:
            self.refuse("A package needs at least one issue: pick an option for one.")
            return
        if crossed := self._crossed(package):
            self.refuse(
                *(f"You cannot propose across your own red line on {issue}." for issue in self._issue_names(crossed[0]))
            )
            return
        ids = id_package(self.view, package)
        if self.mediator:
            self.dismiss(Draft(actor=self.actor, package=ids))
            return
        to = self.chosen_addressees()
        if not to:
            self.refuse("Tick at least one delegation to put the proposal to.")
            return
        action = Propose(actor=self.actor, package=ids, to=tuple(self.view.delegations[d].id for d in to))
        question = self._below(package, set(to))
        if not question:
            self.dismiss(action)
            return

        dismiss_if_sure(self, question, "Propose", action)

    def _below(self, package: IndexPackage, to: set[int]) -> str:
        """The question to ask before tabling a package worth less to the player than walking away
        (or than what is agreed already): a proposal is its author's yes, so the others' yes makes
        it the agreement. A newcomer built one worth 0.73 against a walk-away value of 0.95, sent
        it with no word, and it was signed, where refusing an offer worth having asks first. Not
        where a signatory is left unasked: nothing can be agreed then (the message line says so)."""
        if self._unasked_warning(to):
            return ""
        value = choices.worth_if_agreed(self.view, package)
        agreed = choices.agreed_so_far(self.view)
        worth, words, where = measured(value, self.view.own.reservation, agreed, True)
        reference = self.view.own.reservation if agreed is None else agreed
        if where != "BELOW" or value > reference - BELOW_BY:
            return ""
        # ...with what agreeing it does to the rounds' toll, as the question before a refusal says:
        # no deal leaves the walk-away value less a toll each round (a newcomer's)
        tolled = toll_stopped(*choices.toll_to_stop(self.view, package), self.view.venues_left > 0)
        return propose_question(worth, words, self.view.me in self.view.venue.signatories, tolled)


def _whose(
    view: View,
    delegations: list[int],
    mine: str,
    others: str,
    *,
    named: bool = True,
    brief: bool = False,
    compact: bool = False,
) -> str:
    """ "your red line, and a red line for Turkey", or as much of that as applies; `brief`, by
    the delegations' short names ("Operators and Authority"); not `named`, the others are
    counted: "your stated position, and the stated position of 4 others"; `compact`, with the
    player's own said in the same breath as the others': "your red line and Turkey's" (one other),
    "a red line for you, Turkey and Iran" (more)."""
    rest = [d for d in delegations if d != view.me]

    def name(d: int) -> str:
        return view.delegations[d].short_name or delegation_name(view, d) if brief else delegation_name(view, d)

    said = [in_sentence(name(d)) for d in rest]
    names = listed(said) if named or len(rest) < 2 else f"{len(rest)} others"
    if view.me not in delegations:
        return f"{others} {names}" if names else ""
    if not names:
        return mine
    if compact and len(said) == 1:
        return f"{mine} and {possessive(said[0])}"
    if compact and named and others.endswith("position of"):
        # "the stated position of you, Government and UN" read oddly (a newcomer's): the player last
        return f"{others} {listed(said)}, and yours"
    if compact:
        return f"{others} {listed(['you', *said])}" if named else f"{mine} and {len(said)} others'"
    return f"{mine}, and {others} {names}"


def possessive(name: str) -> str:
    """ "Russia's", "the opposition's"; a name ending in s takes the apostrophe alone ("the
    Platforms'"), as a plural does."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _counted(view: View, delegations: list[int], what: str) -> str:
    """ "your red line and 2 others'", "your red line and 1 other's", "the stated position of 1
    other": who, counted."""
    n = sum(1 for d in delegations if d != view.me)
    others = f"{n} other{'s' if n != 1 else ''}"
    if view.me in delegations:
        whose = f"{n} other's" if n == 1 else f"{n} others'"
        return f"your {what} and {whose}" if n else f"your {what}"
    return f"the {what} of {others}" if n else ""
