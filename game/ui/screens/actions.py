"""The dialogs in which the human player builds an action.

Each is a modal built from the player's View that returns the engine action it built through
`dismiss(action)`, or None when cancelled. None of them applies anything: the table screen
owns the session, applies the action and shows the engine's word if it refuses it. The
dialogs keep no game state of their own beyond the View they were given.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Button, OptionList, RadioSet, Select, Static
from textual.widgets.option_list import Option

from game.engine.actions import Concede, Meet, Pressure, Respond, Statement
from game.engine.records import in_sentence, listed
from game.engine.state import Proposal
from game.engine.view import View
from game.play import choices
from game.ui.format import (
    BELOW_BY,
    accept_question,
    delegation_name,
    issue_name,
    kept_yes,
    measured,
    opening,
    option_label,
    package_text,
    percent,
    reject_question,
    score,
    toll_stopped,
    wrap,
)
from game.ui.screens.dialog import ActionDialog, ConfirmDialog, Dialog, dismiss_if_sure
from game.ui.screens.proposal import LEAVE_OUT, ProposalBuilder
from game.ui.widgets.fields import FormRow, MarkedOptionList, MarkedRadio, OptionField, PickingRadioSet

# The table screen imports every dialog from here; the frame and the builder live beside.
__all__ = [
    "COSTLY_CONCESSION",
    "LEAVE_OUT",
    "ActionDialog",
    "ConcedeDialog",
    "ConfirmDialog",
    "Dialog",
    "MeetDialog",
    "PressureDialog",
    "ProposalBuilder",
    "RespondDialog",
    "StatementDialog",
]


# --- 2. answers ---------------------------------------------------------------------------------


# The answers' list: its height in actions.tcss (.pick), and the rows of the dialog around it.
LIST_ROWS = 14
FRAME_ROWS = 6
# the answer dialog's message, wrapped as at 80 columns (the narrowest the game supports)
_MESSAGE_WIDTH = 72


class RespondDialog(ActionDialog):
    """Accept or reject one of the proposals still waiting for the player's answer."""

    TITLE_TEXT = "Answer a proposal"
    HINT = "↑↓ choose · A accepts · R rejects · Tab to the buttons · Esc cancels"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a,A", "answer(True)", "Accept", show=False),  # the hint writes the keys in capitals
        Binding("r,R", "answer(False)", "Reject", show=False),
    ]

    def __init__(self, view: View) -> None:
        super().__init__(view)
        self.waiting = choices.pending_proposals(view)
        self._wrapped_at = 0  # the width the entries were last wrapped to
        self._entry_rows: dict[int, int] = {}  # each entry's lines in the list, as last wrapped

    def unavailable(self) -> str:
        return "" if self.waiting else "No proposal is waiting for your answer."

    def compose_choices(self) -> ComposeResult:
        yield OptionList(*(self._entry(p.id) for p in self.waiting), id="proposals", classes="pick")
        # Outside the list, so that no package is ever long enough to push it out of sight.
        yield Static("", id="answer-worth", markup=False)

    def compose_action_buttons(self) -> ComposeResult:
        yield Button("Accept", id="accept", variant="success", compact=True)
        yield Button("Reject", id="reject", variant="error", compact=True)

    def _worth(self, proposal: Proposal) -> float:
        return choices.worth_if_agreed(self.view, proposal.package)

    def _entry(self, proposal_id: int, width: int = 0) -> Option:
        p = next(q for q in self.waiting if q.id == proposal_id)
        own = self.view.own
        kind = "Draft text" if p.draft else "Proposal"
        head = f"#{p.id} {kind} from {in_sentence(delegation_name(self.view, p.author))}"
        if self.view.me in self.view.venue.signatories and not choices.still_needs(self.view, p.id):
            # every other signatory it needs has said yes: the turn's summary said so, and two
            # newcomers looked for it here, where the answer is given
            head += " · your yes makes it the agreement"
        # The worth comes before the package: a long package can only push the package out of sight.
        shown, words, _ = measured(self._worth(p), own.reservation, choices.agreed_so_far(self.view), your=True)
        tail = f"your utility if agreed {shown} ({words})"
        lines = [
            head,
            f"  {tail}",
            *(f"  {line}" for line in package_text(self.view, p.package, separator="\n").split("\n")),
        ]
        # a partial package lists only the issues it settles: a newcomer could not tell which
        # issues an offer left open (the sieges, say), which stay to be negotiated after it
        on = {issue for issue, _ in p.package}
        left = [issue_name(self.view, i) for i in choices.open_issues(self.view) if i not in on]
        if left:
            lines.append(f"  leaves open: {'; '.join(left)}")
        if width > 0:
            # each line wrapped under its own text, not back at the list's edge: an issue's option
            # ran on at the margin, where it read as the next issue ("statements", "ready")
            lines = [
                "\n".join(wrap(line, width, subsequent_indent=" " * (len(line) - len(line.lstrip()) + 2))) or line
                for line in lines
            ]
        shown_lines = "\n".join(lines)
        self._entry_rows[p.id] = shown_lines.count("\n") + 1
        return Option(Content(shown_lines), id=str(p.id))

    def _rewrap(self) -> None:
        """The entries wrapped to the list's width, once it has one (and again when it changes)."""
        if not self.waiting:
            return
        options = self.query_one("#proposals", OptionList)
        width = options.scrollable_content_region.width - 2  # the option's own padding
        if width <= 10 or width == self._wrapped_at:
            return
        self._wrapped_at = width
        for k, p in enumerate(self.waiting):
            options.replace_option_prompt_at_index(k, self._entry(p.id, width).prompt)
        self._show_worth()  # the message's room depends on the entry's height, now known

    def on_mount(self) -> None:
        super().on_mount()
        self._fit_list()
        self._show_worth()
        self.call_after_refresh(self._rewrap)

    def on_resize(self) -> None:
        self._fit_list()
        self.call_after_refresh(self._rewrap)

    _more_lines = 0  # the lines the message takes beyond its one (two while it names other texts)

    def _fit_list(self) -> None:
        """The list takes every row the screen has beside the frame's own (its border, the hint,
        the message line, the verdict and the buttons: FRAME_ROWS). The list scrolls from one
        proposal to the next, never within one, so a package taller than the list lost its last
        issues: astana-8's whole agenda takes 16 lines, which at 80x24 fit only this way; a row
        fewer while the message takes two."""
        if not self.waiting:
            return
        self.query_one("#proposals", OptionList).styles.max_height = self._list_rows(self._more_lines)

    def _list_rows(self, more_lines: int) -> int:
        return max(LIST_ROWS, self.app.size.height - FRAME_ROWS - more_lines)

    def _shows_whole(self, proposal_id: int, more_lines: int) -> bool:
        """Whether the proposal's entry would still show whole in the list with the message
        `more_lines` taller."""
        options = self.query_one("#proposals", OptionList)
        return self._entry_rows.get(proposal_id, 0) <= self._list_rows(more_lines) - options.gutter.height

    @on(OptionList.OptionHighlighted, "#proposals")
    def _show_worth(self) -> None:
        if not self.waiting:
            return
        index = self.query_one("#proposals", OptionList).highlighted
        p = self.waiting[index if index is not None else 0]
        worth, words, _ = measured(self._worth(p), self.view.own.reservation, choices.agreed_so_far(self.view))
        # one wording with the builder's: the worth, and what signing costs at home (a newcomer
        # lost 21 of 43 support to a signature without a word), on one line at 80 columns
        cost = choices.signing_cost(self.view, p.package)
        self.query_one("#answer-worth", Static).update(
            f"#{p.id} if agreed: {worth} ({words})" + (f" · {cost}" if cost else "")
        )
        # on the message line, the one cost that ends the player's talks; else whether another
        # text the player accepted is still open: the first that every signatory accepts is the
        # one agreed (a newcomer accepted a draft and a better package, and got the draft)
        out = choices.pulls_out(self.view, choices.agreement_cost(self.view, p.package))
        if out:
            then = choices.pulled_out_then(self.view, p.package)
            # with what that does to the player, on a second line, where the list can give up a
            # row for it and still show this proposal whole (astana-8's whole agenda, 16 lines,
            # takes every row at 80x24); else what follows alone, on one
            means = choices.PULLED_OUT_MEANS
            wordings = (
                f"Signing #{p.id} would get you pulled out by your hardliners ({then}): you {means}.",
                f"Signing #{p.id} gets you pulled out ({then}): you {means}.",
            )
            said = next(
                (w for w in wordings if len(wrap(w, _MESSAGE_WIDTH)) <= 2 and self._shows_whole(p.id, 1)),
                f"Signing #{p.id} would get you pulled out by your hardliners: {then}.",
            )
            self._more_lines = len(wrap(said, _MESSAGE_WIDTH)) - 1
            self._fit_list()
            self.refuse(said)
            return
        also = choices.accepted_still_open(self.view, p.id)
        # with whose yes each still lacks: a newcomer signed a worse package than the draft they
        # had also accepted, not knowing which of the two was nearer to passing. The message has
        # two lines then (the list gives up a row for the second): the names where they fit in
        # them, else a count
        # (whole names, as a dialog's sentence has them; else every one short, as the narrow
        # columns have them; else a count: an author read a whole name beside a short one)
        for form in ("whole", "short", "count"):
            accepted = ", ".join(f"#{n} ({self._lacks(n, form)})" for n in also)
            said = f"You accepted {accepted} too: the first all signatories accept is agreed." if also else ""
            if len(wrap(said, _MESSAGE_WIDTH)) <= 2:
                break
        self._more_lines = 1 if also else 0
        self._fit_list()
        self.refuse(said)

    def _lacks(self, proposal_id: int, form: str) -> str:
        lacking = choices.still_needs(self.view, proposal_id)
        if not lacking:
            return "every other signatory has said yes"
        if form == "count":
            return f"{len(lacking)} more yes needed"
        names = [self.view.delegations[d] for d in lacking]
        return "still needs " + listed(
            [in_sentence(d.name if form == "whole" else d.short_name or d.name) for d in names]
        )

    @on(OptionList.OptionSelected)
    def _chosen(self) -> None:
        self.after_list_choice()

    @on(Button.Pressed, "#accept")
    def _accept(self) -> None:
        self.action_answer(True)

    @on(Button.Pressed, "#reject")
    def _reject(self) -> None:
        self.action_answer(False)

    def action_answer(self, accept: bool) -> None:
        if not self.waiting:
            return
        index = self.query_one("#proposals", OptionList).highlighted
        if index is None:
            self.refuse("Choose a proposal first.")
            return
        p = self.waiting[index]
        answer = Respond(actor=self.actor, proposal=p.id, accept=accept)
        question = self._slip(p) if accept else self._regret(p)
        if not question:
            self.dismiss(answer)
            return

        dismiss_if_sure(self, question, "Accept" if accept else "Reject", answer)

    def _regret(self, p: Proposal) -> str:
        """The question to ask before refusing `p` where it is worth having (above the walk-away
        value, as measured against what is agreed already), as the board asks: a refusal cannot
        be taken back ("" where the offer is below it)."""
        value = self._worth(p)
        worth, words, where = measured(value, self.view.own.reservation, choices.agreed_so_far(self.view), your=True)
        if where == "BELOW":
            return ""
        now, after = choices.toll_to_stop(self.view, p.package)  # (as the board reckons it)
        author = in_sentence(delegation_name(self.view, p.author))
        pulls = choices.pulls_out(self.view, choices.agreement_cost(self.view, p.package))
        pulled = choices.pulled_out_then(self.view, p.package) if pulls else ""
        accepted = [
            (q.id, choices.worth_if_agreed(self.view, q.package))
            for q in self.view.proposals
            if q.id in choices.accepted_still_open(self.view, p.id)
        ]
        kept = kept_yes(accepted, value)
        return reject_question(p.id, author, worth, words, now, after, self.view.venues_left > 0, pulled, kept)

    def _slip(self, p: Proposal) -> str:
        """The question to ask before accepting `p` where signing it gets the player pulled out, or
        where another offer waiting for the player's answer is worth more (by half a hundredth or
        more), as the board asks: a newcomer
        answered four offers in turn with `r` and `a`, and signed the one worth 0.59 while one
        worth 0.81 waited; and where it is worth less than walking away (a yes cannot be taken
        back, and the builder asks the same before tabling such a package). "" where neither."""
        value = self._worth(p)
        better = max(
            ((q.id, self._worth(q)) for q in self.waiting if q.id != p.id),
            key=lambda pair: pair[1],
            default=None,
        )
        if better is not None and better[1] < value + 0.005:
            better = None
        agreed = choices.agreed_so_far(self.view)
        worth, words, where = measured(value, self.view.own.reservation, agreed, your=True)
        # ...or where it is worth less than walking away (by enough to say), for a side whose yes
        # decides a deal, on an offer put to every signatory that must sign (else nothing binds)
        reference = self.view.own.reservation if agreed is None else agreed
        below = where == "BELOW" and value <= reference - BELOW_BY and choices.yes_binds(self.view, p)
        # ...or where signing it gets the player pulled out, as the board's `a` asks (a newcomer
        # read the warning on the message line, pressed A, and was not asked)
        pulls = choices.pulls_out(self.view, choices.agreement_cost(self.view, p.package))
        if better is None and not below and not pulls:
            return ""
        author = in_sentence(delegation_name(self.view, p.author))
        pulled = ""
        if pulls:
            # the whole question, as the board asks it (a reviewer's: the pull-out was left out)
            signing = choices.signing_cost(self.view, p.package)
            then = choices.pulled_out_then(self.view, p.package)
            pulled = f"{opening(signing)}: your hardliners would pull you out ({then}); you would {choices.PULLED_OUT_MEANS}."
        decides = self.view.me in self.view.venue.signatories and not choices.still_needs(self.view, p.id)
        tolled = ""
        if below:  # what agreeing it does to the rounds' toll, as the question before a refusal says
            tolled = toll_stopped(*choices.toll_to_stop(self.view, p.package), self.view.venues_left > 0)
        return accept_question(p.id, author, worth, value, better, pulled, words if below else "", decides, tolled)


# --- 3. concessions -----------------------------------------------------------------------------

# A concession that costs this much support, or leaves less than this above the level at which
# the hardliners pull the player out, is asked about first: support is slow to win back.
COSTLY_CONCESSION = 10


class ConcedeDialog(ActionDialog):
    """Move the player's public position on one issue to an option it values less."""

    TITLE_TEXT = "Concede"
    # the keys that concede, said from the start, and the mark of the option they take: a newcomer
    # pressed Tab and Enter, saw only the focus move, and could not tell in a plain capture which
    # option was picked (its background alone said so)
    HINT = "Enter: issue list · Tab, Enter, Enter: concede the ▸ option · Esc cancels"
    LIST_HINT = "↑↓ move the ▸ · Enter chooses it, then Enter concedes · Esc cancels"

    def __init__(self, view: View) -> None:
        super().__init__(view)
        self.issues = choices.concedable_issues(view)

    def unavailable(self) -> str:
        if not choices.can_propose(self.view):
            return f"As {self.view.own.role} you hold no positions to concede from."
        return "" if self.issues else "There is no open issue on which you can concede."

    def compose_choices(self) -> ComposeResult:
        yield Select[int](
            [(Content(issue_name(self.view, i)), i) for i in self.issues],
            value=self.issues[0],
            allow_blank=False,
            compact=True,
            id="issue",
        )
        yield Static("", id="current", markup=False)
        # the option Concede sends is marked with ▸, not by its colour alone
        yield MarkedOptionList(id="options", classes="pick")
        # a newcomer spent support on early concessions and had too little left to sign: a deal
        # costs support too (game.engine.situation.agreement_cost), and the same terms cost half
        # as much signed as conceded. Not said to a side that signs nothing here (the SNC at
        # Sochi read it, and signs nothing)
        signs = self.view.me in self.view.venue.signatories
        yield Static(
            f"Your support at home: {self.view.support[self.view.me]}; "
            f"your hardliners pull you out at {self.view.collapse_support}."
            + (
                " Signing a deal costs support too, at half these rates for what it gives up from your "
                f"positions (and {self.view.rules.redline_support} for each red line it crosses)."
                if signs
                else ""
            ),
            classes="note",
            markup=False,
        )

    def compose_action_buttons(self) -> ComposeResult:
        yield Button("Concede", id="concede", variant="warning", compact=True)

    def on_mount(self) -> None:
        if not self.unavailable():
            self._show_issue(self.issues[0])

    @on(Select.Changed, "#issue")
    def _issue_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, int):
            self._show_issue(event.value)

    def _show_issue(self, issue: int) -> None:
        current = self.view.positions[self.view.me][issue]
        values = self.view.own.values[issue]
        self.query_one("#current", Static).update(
            f"Now: {option_label(self.view, issue, current)} (worth {score(values[current])} to you)"
        )
        options = self.query_one("#options", OptionList)
        options.clear_options()
        options.add_options(
            Option(
                Content(
                    f"{option_label(self.view, issue, o)}\n"
                    f"  costs {choices.concession_cost(self.view, issue, o)} support · worth {score(values[o])}"
                ),
                id=str(o),
            )
            for o in self._steps(issue)
        )
        options.highlighted = 0  # a new issue's options start from the smallest step

    def _steps(self, issue: int) -> list[int]:
        """The options one may concede to, the smallest step (the least value given up) first,
        whichever pole the player stands at: Enter alone never gives away the most."""
        values = self.view.own.values[issue]
        return sorted(choices.concession_options(self.view, issue), key=lambda o: (-values[o], o))

    @on(OptionList.OptionSelected)
    def _chosen(self) -> None:
        self.after_list_choice()

    @on(Button.Pressed, "#concede")
    def send(self) -> None:
        issue = self.query_one("#issue", Select).value
        picked = self.query_one("#options", OptionList).highlighted_option
        if not isinstance(issue, int) or picked is None or picked.id is None:
            self.refuse("Choose the option to move to.")
            return
        option = int(picked.id)
        the_issue = self.view.issues[issue]
        action = Concede(actor=self.actor, issue=the_issue.id, option=the_issue.options[option].id)
        cost = choices.concession_cost(self.view, issue, option)
        support, floor = self.view.support[self.view.me], self.view.collapse_support
        if cost < COSTLY_CONCESSION and support - cost > floor + COSTLY_CONCESSION:
            self.dismiss(action)
            return
        question = (
            f"Concede on {in_sentence(the_issue.name)} to: {the_issue.options[option].label}?\n\n"
            f"It costs {cost} of your {support} support at home; your hardliners pull you out at {floor}."
        )

        def answer(ok: bool | None) -> None:
            if ok:
                self.dismiss(action)

        self.app.push_screen(ConfirmDialog(question, "Concede", "Think again"), answer)


# --- 4. statements ------------------------------------------------------------------------------


def _effects(support: int, trust: int, momentum: int, conciliatory: bool) -> str:
    """What a statement of one tone does, each effect the scenario's rules give it: a rule set to
    0 is no effect (Dayton's hardline statements cost no momentum, and "-0 momentum" read as a
    misprint). Conciliatory costs support and wins trust and momentum; hardline the reverse."""
    at_home, at_table = ("-", "+") if conciliatory else ("+", "-")
    whom = "trust" if conciliatory else "trust from the one addressed"
    said = [
        f"{at_home}{support} support at home" if support else "",
        f"{at_table}{trust} {whom} ({at_table}{trust // 2} from each, to the room)" if trust else "",
        f"{at_table}{momentum} momentum" if momentum else "",
    ]
    return "; ".join(x for x in said if x) or "no effect under this scenario's rules"


class StatementDialog(ActionDialog):
    """A hardline or conciliatory statement, to the room or to one delegation."""

    TITLE_TEXT = "Make a statement"
    HINT = "↑↓ tone · Tab: audience (←→, 1-9) · Enter, Enter speaks · Esc cancels"
    ROOM = -1  # the audience field's value for the whole room
    # Conciliatory first and picked: with Hardline there, s, Enter, Enter made a hardline
    # statement (trust and momentum lost) for a newcomer who meant only to speak
    TONES = ("conciliatory", "hardline")

    def compose_choices(self) -> ComposeResult:
        rules = self.view.rules
        with PickingRadioSet(id="tone", compact=True):
            yield MarkedRadio("Conciliatory", value=True)
            yield MarkedRadio("Hardline")
        # The effects, from RULES.md, with this scenario's numbers.
        soft = _effects(rules.conciliatory_support, rules.conciliatory_trust, rules.conciliatory_momentum, True)
        hard = _effects(rules.hardline_support, rules.hardline_trust, rules.hardline_momentum, False)
        yield Static(f"Conciliatory: {soft}.", classes="note", markup=False)
        yield Static(f"Hardline: {hard}.", classes="note", markup=False)
        # One line stepped through with the arrows, not a drop-down: a Select's list hangs below
        # its field, and here, at the foot of the dialog, it spilled out of the dialog's border.
        audience: list[tuple[Content, int]] = [(Content("The room"), self.ROOM)]
        audience += [(Content(delegation_name(self.view, d)), d) for d in choices.present_others(self.view)]
        yield OptionField("To:", audience, self.ROOM, label_width=6, id="audience")

    def compose_action_buttons(self) -> ComposeResult:
        yield Button("Speak", id="speak", variant="primary", compact=True)

    @on(PickingRadioSet.Chosen)
    @on(FormRow.Submitted)
    def _audience_chosen(self) -> None:
        self.after_list_choice()  # Enter moves on to Speak: arrows, Enter, Enter

    @on(Button.Pressed, "#speak")
    def send(self) -> None:
        index = self.query_one("#tone", RadioSet).pressed_index
        to = self.query_one("#audience", OptionField).value
        who = "" if to == self.ROOM else self.view.delegations[to].id
        self.dismiss(Statement(actor=self.actor, tone=self.TONES[max(index, 0)], to=who))


# --- 5. pressure --------------------------------------------------------------------------------


class PressureDialog(ActionDialog):
    """Press a client one step towards the player's own position on an issue."""

    TITLE_TEXT = "Press a client"
    HINT = "↑↓ choose · Enter, then Enter on Press · Esc cancels"

    def __init__(self, view: View) -> None:
        super().__init__(view)
        self.targets = choices.pressure_targets(view)

    def unavailable(self) -> str:
        if self.targets:
            return ""
        if not choices.clients(self.view):
            return "No client of yours is at the table: there is nobody you can press."
        return "Your clients already stand where you do (or will not move further) on every open issue."

    def compose_choices(self) -> ComposeResult:
        rules = self.view.rules
        yield Static(
            f"Pressing costs you {rules.pressure_standing} support; the client trusts you "
            f"{rules.pressure_trust} less and loses 2 support; momentum +2.",
            classes="note",
            markup=False,
        )
        entries = []
        for n, t in enumerate(self.targets):
            text = (
                f"{delegation_name(self.view, t.client)} on {in_sentence(issue_name(self.view, t.issue))}\n"
                f"  from: {option_label(self.view, t.issue, t.current)}\n"
                f"  to:   {option_label(self.view, t.issue, t.step)}"
            )
            entries.append(Option(Content(text), id=str(n)))
        yield OptionList(*entries, id="targets", classes="pick")

    def compose_action_buttons(self) -> ComposeResult:
        yield Button("Press", id="press", variant="warning", compact=True)

    @on(OptionList.OptionSelected)
    def _chosen(self) -> None:
        self.after_list_choice()

    @on(Button.Pressed, "#press")
    def send(self) -> None:
        index = self.query_one("#targets", OptionList).highlighted
        if index is None:
            self.refuse("Choose whom to press, and on what.")
            return
        t = self.targets[index]
        self.dismiss(
            Pressure(actor=self.actor, client=self.view.delegations[t.client].id, issue=self.view.issues[t.issue].id)
        )


# --- 6. meetings --------------------------------------------------------------------------------


class MeetDialog(ActionDialog):
    """A bilateral with one present delegation: each side learns one true weight of the other."""

    TITLE_TEXT = "Meet in private"
    HINT = "↑↓ choose · Enter, then Enter on Meet · Esc cancels"

    def __init__(self, view: View) -> None:
        super().__init__(view)
        self.others = choices.present_others(view)
        # every other delegation of the venue, in the scenario's order, those away listed but
        # not to be chosen: the list kept its place from turn to turn (a newcomer's ↓ picked
        # another side once an absent one had dropped out of it)
        self.listed = tuple(d for d in range(len(view.delegations)) if d != view.me and d in view.venue.turn_order)

    def unavailable(self) -> str:
        return "" if self.others else "There is nobody at the table to meet."

    def compose_choices(self) -> ComposeResult:
        yield Static(
            "Both sides learn how much the other cares about one issue it has not shown yet; trust +"
            f"{self.view.rules.meet_trust} both ways.",
            classes="note",
            markup=False,
        )
        yield OptionList(*(self._entry(d) for d in self.listed), id="others", classes="pick")

    def _entry(self, d: int) -> Option:
        learnt = choices.learned_of(self.view, d)
        known = "; ".join(f"{issue_name(self.view, i)} {percent(w)}" for i, w in learnt) or "nothing yet"
        away = d not in self.others
        state = "away from the table" if away else f"trusts you {self.view.trust_in_me[d]}"
        text = f"{delegation_name(self.view, d)} ({state})\n  learnt: {known}"
        return Option(Content(text), id=str(d), disabled=away)

    def compose_action_buttons(self) -> ComposeResult:
        yield Button("Meet", id="meet", variant="primary", compact=True)

    @on(OptionList.OptionSelected)
    def _chosen(self) -> None:
        self.after_list_choice()

    @on(Button.Pressed, "#meet")
    def send(self) -> None:
        index = self.query_one("#others", OptionList).highlighted
        if index is None or self.listed[index] not in self.others:
            self.refuse("Choose whom to meet.")
            return
        self.dismiss(Meet(actor=self.actor, other=self.view.delegations[self.listed[index]].id))
