"""The frame every action dialog shares: title, key hint, body, message line, buttons.

Also the two small modals the table needs besides the action dialogs: a yes/no question and
the notice of what a meeting revealed.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, OptionList, Select, Static

from game.engine.actions import Action
from game.engine.view import View
from game.ui.screens.backdrop import BackdropScreen
from game.ui.widgets.fitted import FittedNote

ResultT = TypeVar("ResultT")


def unfocusable(scroll: VerticalScroll) -> VerticalScroll:
    """A scrolling box that Tab passes through: focus goes to the controls inside it, and the
    box scrolls to whichever has the focus, so the keyboard never stops on a bare container."""
    scroll.can_focus = False
    return scroll


class Dialog(BackdropScreen[ResultT]):
    """A framed modal with a title, a one-line key hint, a body, a message line and buttons.

    Escape answers `cancel_result()`. Subclasses fill in the body and the main buttons.
    """

    CSS_PATH = "actions.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", show=False)]
    TITLE_TEXT: ClassVar[str] = ""
    HINT: ClassVar[str] = "Tab/Shift+Tab move · ↑↓ choose · Enter confirms · Esc cancels"
    # the hint while a list of the dialog has the focus, where it differs from HINT
    LIST_HINT: ClassVar[str] = ""
    CANCEL_LABEL: ClassVar[str] = "Cancel"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as frame:
            frame.border_title = self.title_text()
            yield Static(self.hint(), classes="hint", markup=False)
            yield from self.compose_body()
            yield self.problem_line()
            with Horizontal(classes="buttons"):
                yield from self.compose_buttons()
                yield Button(self.cancel_label(), id="cancel", compact=True)

    def title_text(self) -> str:
        return self.TITLE_TEXT

    def hint(self) -> str:
        return self.HINT

    def cancel_label(self) -> str:
        return self.CANCEL_LABEL

    def compose_body(self) -> ComposeResult:
        yield from ()

    def compose_buttons(self) -> ComposeResult:
        yield from ()

    def problem_line(self) -> Static:
        """The line that says why the dialog will not return what was chosen (`refuse`)."""
        return Static("", classes="problem", markup=False)

    def cancel_result(self) -> ResultT | None:
        return None

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(self.cancel_result())

    def refuse(self, message: str, *shorter: str) -> None:
        """Say why the dialog will not return what was chosen, and stay open. `shorter`: the same
        in fewer words, for a message line of fixed size (a FittedNote), which shows the first
        wording that fits it whole."""
        line = self.query_one(".problem", Static)
        if isinstance(line, FittedNote):
            line.say((message, *shorter))
        else:
            line.update(message)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The hint says what Enter does where the focus is: on a button, that button. Enter on a
        list moves the focus to the dialog's main button (arrows, Enter, Enter), and a newcomer
        who saw nothing happen pressed Tab and Enter, and cancelled the concession instead."""
        hint = self.query(".hint").results(Static)
        widget = event.widget
        for line in hint:
            if isinstance(widget, Button):
                label = widget.label if isinstance(widget.label, str) else widget.label.plain
                line.update(f"Enter: {label} · Tab, Shift+Tab: move · Esc cancels")
            elif isinstance(widget, OptionList) and any(isinstance(a, Select) for a in widget.ancestors):
                # a drop-down's own list (a Select's): what Enter does there is pick, not act (a
                # newcomer read the options' "Enter chooses it, then Enter concedes" over the issues)
                line.update(SELECT_HINT)
            elif isinstance(widget, OptionList) and self.LIST_HINT:
                line.update(self.LIST_HINT)
            else:
                line.update(self.hint())


# the hint while a drop-down's list is open
SELECT_HINT = "↑↓ choose · Enter picks it · Esc closes the list"


class ActionDialog(Dialog[Action | None]):
    """A dialog over the player's View that returns an engine action or None."""

    def __init__(self, view: View) -> None:
        super().__init__()
        self.view = view

    @property
    def actor(self) -> str:
        return self.view.own.id

    def unavailable(self) -> str:
        """Why there is nothing to choose here ("" when there is): the dialog then says so
        and offers only Cancel, rather than a form that cannot be sent."""
        return ""

    def hint(self) -> str:
        return "Enter or Esc closes" if self.unavailable() else self.HINT

    def compose_body(self) -> ComposeResult:
        if reason := self.unavailable():
            yield Static(reason, classes="unavailable", markup=False)
        else:
            yield from self.compose_choices()

    def compose_buttons(self) -> ComposeResult:
        if not self.unavailable():
            yield from self.compose_action_buttons()

    def compose_choices(self) -> ComposeResult:
        yield from ()

    def compose_action_buttons(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        # A list starts on its first entry, so that Enter or a key like A acts at once.
        for pick in self.query(".pick").results(OptionList):
            if pick.option_count:
                pick.highlighted = 0

    def after_list_choice(self) -> None:
        """Enter (or a click) on a list moves on to the dialog's main button, so that the
        keyboard path is arrows, Enter, Enter, and a click never sends anything by itself."""
        buttons = self.query(".buttons Button")
        if buttons:
            buttons.first().focus()


# --- 7. questions and notices -------------------------------------------------------------------


class ConfirmDialog(Dialog[bool]):
    """A yes/no question (walk out, boycott, quit). Escape and the no button answer False."""

    TITLE_TEXT = "Are you sure?"

    def __init__(self, question: str, yes_label: str = "Yes", no_label: str = "No") -> None:
        super().__init__()
        self.question = question
        self.yes_label = yes_label
        self.no_label = no_label

    def cancel_label(self) -> str:
        return self.no_label

    def hint(self) -> str:
        # which answer Enter gives, by name: a newcomer pressed Enter to concede and was put back
        # in the concession dialog, the safe answer having the focus
        return f"Enter: {self.no_label} · Tab, then Enter: {self.yes_label} · Esc: {self.no_label}"

    def compose_body(self) -> ComposeResult:
        yield Static(self.question, classes="question", markup=False)

    def compose_buttons(self) -> ComposeResult:
        yield Button(self.yes_label, id="yes", variant="error", compact=True)

    def cancel_result(self) -> bool:
        return False

    def on_mount(self) -> None:
        # The safe answer has the focus: Enter alone never walks anyone out of the talks.
        self.query_one("#cancel", Button).focus()

    @on(Button.Pressed, "#yes")
    def _yes(self) -> None:
        self.dismiss(True)


def dismiss_if_sure(screen: Screen[ResultT], question: str, yes_label: str, result: ResultT) -> None:
    """Ask `question` (Think again the safe answer, under Enter) and dismiss `screen` with
    `result` on yes; on no, `screen` stays as it was. The builder, the answer dialog and the
    board ask so before an answer or a proposal that cannot be taken back."""

    def answered(ok: bool | None) -> None:
        if ok:
            screen.dismiss(result)

    screen.app.push_screen(ConfirmDialog(question, yes_label, "Think again"), answered)
