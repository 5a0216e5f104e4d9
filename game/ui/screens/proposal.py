"""The proposal builder: a package over the open issues, its worth to the player and the
estimated chance each addressee accepts it, updated on every change."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, Label, Select, Static

from game.ai.estimate import acceptance_chance
from game.engine.actions import Draft, Propose
from game.engine.utility import utility, with_package
from game.engine.view import View
from game.ui import choices
from game.ui.format import IndexPackage, delegation_name, id_package, issue_name, percent, score
from game.ui.screens.dialog import ActionDialog, unfocusable

LEAVE_OUT = -1  # the Select value for an issue left out of the package


class ProposalBuilder(ActionDialog):
    """A package over the open agenda issues, put to chosen delegations (a Propose), or for the
    mediator a single text put to all (a Draft); shows live what it is worth and who may accept."""

    HINT = "Tab: next · Enter opens a list, ↑↓ Enter picks · Space ticks · Esc cancels"

    def __init__(self, view: View) -> None:
        super().__init__(view)
        self.mediator = view.own.role == "mediator"
        self.issues = choices.open_issues(view)
        # The mediator names no addressees: its draft goes to every party and guarantor present.
        self.addressees = choices.draft_recipients(view) if self.mediator else choices.present_others(view)
        self._selects: dict[int, Select[int]] = {}
        self._boxes: dict[int, Checkbox] = {}
        self._chances: dict[int, Static] = {}

    def title_text(self) -> str:
        return "Table a draft text" if self.mediator else "Propose a package"

    def unavailable(self) -> str:
        if not (self.mediator or choices.can_propose(self.view)):
            return f"As {self.view.own.role} you cannot make proposals."
        if not self.issues:
            return "Every issue on the agenda is settled: there is nothing left to propose."
        if not self.addressees:
            return "There is nobody at the table to put a proposal to."
        return ""

    def compose_choices(self) -> ComposeResult:
        with unfocusable(VerticalScroll(classes="issues")):
            for i in self.issues:
                with Horizontal(classes="row"):
                    yield Label(issue_name(self.view, i), classes="issue-name", markup=False)
                    select = Select[int](
                        self._options_for(i),
                        value=self._preselected(i),
                        allow_blank=False,
                        compact=True,
                        id=f"issue-{i}",
                        classes="issue-choice",
                    )
                    self._selects[i] = select
                    yield select
        heading = "The draft goes to every party and guarantor here:" if self.mediator else "Put it to:"
        yield Label(heading, classes="section")
        with unfocusable(VerticalScroll(classes="addressees")):
            for d in self.addressees:
                with Horizontal(classes="row"):
                    if self.mediator:
                        yield Label(delegation_name(self.view, d), classes="name", markup=False)
                    else:
                        box = Checkbox(
                            Content(delegation_name(self.view, d)),
                            value=d in choices.default_addressees(self.view),
                            compact=True,
                            id=f"to-{d}",
                            classes="addressee",
                        )
                        self._boxes[d] = box
                        yield box
                    chance = Static("", id=f"chance-{d}", classes="chance", markup=False)
                    self._chances[d] = chance
                    yield chance
        yield Static("", id="worth", markup=False)

    def compose_action_buttons(self) -> ComposeResult:
        yield Button("Table draft" if self.mediator else "Propose", id="send", variant="primary", compact=True)

    def _options_for(self, issue: int) -> list[tuple[Content, int]]:
        red = self.view.own.red_lines[issue]
        options: list[tuple[Content, int]] = [(Content("— leave out —"), LEAVE_OUT)]
        for o, option in enumerate(self.view.issues[issue].options):
            # Shown, not hidden: a player should see what the red line rules out.
            label = f"✗ your red line: {option.label}" if o in red else option.label
            options.append((Content(label), o))
        return options

    def _preselected(self, issue: int) -> int:
        position = self.view.positions[self.view.me][issue]
        return position if position >= 0 and position not in self.view.own.red_lines[issue] else LEAVE_OUT

    def on_mount(self) -> None:
        if not self.unavailable():
            self.refresh_estimates()

    def package(self) -> IndexPackage:
        """The (issue, option) pairs chosen so far, by position, in issue order."""
        picked = ((i, s.value) for i, s in self._selects.items())
        return tuple(sorted((i, v) for i, v in picked if isinstance(v, int) and v != LEAVE_OUT))

    def chosen_addressees(self) -> tuple[int, ...]:
        if self.mediator:
            return self.addressees
        return tuple(d for d, box in self._boxes.items() if box.value)

    def _crossed(self, package: IndexPackage) -> list[int]:
        return [i for i, o in package if o in self.view.own.red_lines[i]]

    @on(Select.Changed, ".issue-choice")
    @on(Checkbox.Changed, ".addressee")
    def refresh_estimates(self) -> None:
        """Recompute the live figures: the player's utility of the deal and each chance."""
        package = self.package()
        own = self.view.own
        worth = self.query_one("#worth", Static)
        if package:
            after = utility(own, with_package(self.view.deal, package))
            verdict = "above" if after >= own.reservation else "BELOW"
            worth.update(
                f"Your utility if agreed: {score(after)}  ({verdict} your no-deal value {score(own.reservation)})"
            )
        else:
            worth.update(f"Choose at least one issue.  Your no-deal value: {score(own.reservation)}")
        chosen = set(self.chosen_addressees())
        for d, label in self._chances.items():
            if d in chosen and package:
                label.update(f"accepts ~{percent(acceptance_chance(self.view, d, package))}")
            else:
                label.update("")
        crossed = self._crossed(package)
        self.refuse(f"✗ Across your red line on {issue_name(self.view, crossed[0])}." if crossed else "")

    @on(Button.Pressed, "#send")
    def send(self) -> None:
        package = self.package()
        if not package:
            self.refuse("A package needs at least one issue: pick an option for one.")
            return
        if crossed := self._crossed(package):
            self.refuse(f"You cannot propose across your own red line on {issue_name(self.view, crossed[0])}.")
            return
        ids = id_package(self.view, package)
        if self.mediator:
            self.dismiss(Draft(actor=self.actor, package=ids))
            return
        to = self.chosen_addressees()
        if not to:
            self.refuse("Tick at least one delegation to put the proposal to.")
            return
        self.dismiss(Propose(actor=self.actor, package=ids, to=tuple(self.view.delegations[d].id for d in to)))
