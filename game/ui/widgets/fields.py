"""Form fields of one widget and one line each, for dialogs that must open at once.

A Textual Select is five widgets with an overlay list, and a Checkbox beside a label is three;
a proposal over seven issues and six delegations built from them took half a second to open.
These draw the same rows as a single widget each: an option you step through with the arrow
keys, and a tick box with a note at its right end.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import OptionList, RadioButton, RadioSet, SelectionList


class FormRow(Widget, can_focus=True):
    """A focusable one-line row: up and down move between rows, Enter submits the form."""

    DEFAULT_CSS = """
    FormRow {
        height: 1;
        width: 1fr;
    }
    FormRow:focus {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    FormRow:focus:nocolor {
        text-style: reverse bold;  /* without colour the cursor is a grey on grey: reverse it */
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "previous_row", "Previous", show=False),
        Binding("down", "app.focus_next", "Next", show=False),
        Binding("enter", "submit", "Submit", show=False),
    ]

    class Submitted(Message):
        """Enter on a row: the form should do what its main button does."""

    def action_previous_row(self) -> None:
        """The row above; on the first row, nowhere: focus going back wrapped round to the
        dialog's last button (Cancel), where neither arrow brings it back, and a newcomer's digits
        then picked nothing."""
        rows = [w for w in self.screen.focus_chain if isinstance(w, FormRow)]
        if rows and rows[0] is not self:
            self.app.action_focus_previous()

    def action_submit(self) -> None:
        self.post_message(self.Submitted())


class OptionField(FormRow):
    """A label, then the chosen option between arrows: left and right step through the options,
    a digit picks one by its number (0 or Delete picks `blank`, where there is one), and a click
    on the option steps forward (on "◂", back; on the label it only picks the row)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "step(-1)", "Previous option", show=False),
        Binding("right", "step(1)", "Next option", show=False),
    ]

    value: reactive[int] = reactive(0, init=False, layout=False)

    class Changed(Message):
        def __init__(self, field: OptionField, value: int) -> None:
            super().__init__()
            self.field = field
            self.value = value

        @property
        def control(self) -> OptionField:
            return self.field

    def __init__(
        self,
        label: str,
        options: list[tuple[Content, int]],
        value: int,
        *,
        label_width: int = 24,
        blank: int | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        if not options:
            raise ValueError("an option field needs at least one option")
        self.label = label
        self.options = options
        self.label_width = label_width
        self.blank = blank
        self.set_reactive(OptionField.value, value if any(v == value for _, v in options) else options[0][1])

    @property
    def position(self) -> int:
        return next(i for i, (_, v) in enumerate(self.options) if v == self.value)

    def _label_room(self, width: int) -> int:
        """The label's column: `label_width` in a narrow form; a wide one gives names more of
        its width (the same for every row of that width, so the options stay aligned)."""
        return max(self.label_width, min(44, width * 2 // 5)) if width >= 90 else self.label_width

    def render(self) -> Content:
        width = self.content_region.width or self.size.width
        # the options counted are the issue's own: the blank ("leave out") is not a fourth option
        count = sum(1 for _, v in self.options if v != self.blank)
        label_width = self._label_room(width)
        label = Content(self.label).truncate(label_width - 1, ellipsis=True, pad=True)
        place = "-" if self.value == self.blank else str(self.position + 1)
        tail = Content.styled(f" {place}/{count}", "dim")
        room = max(4, width - label_width - 4 - tail.cell_length)
        chosen = self.options[self.position][0].truncate(room, ellipsis=True)
        line = Content.assemble(label, " ◂ ", chosen, " ▸", tail)
        return line.truncate(width, ellipsis=True) if width else line

    def watch_value(self, value: int) -> None:
        self.post_message(self.Changed(self, value))

    def action_step(self, by: int) -> None:
        self.value = self.options[(self.position + by) % len(self.options)][1]

    def on_key(self, event: events.Key) -> None:
        # Keys typed at speed after an arrow reach this row while the arrow that took the focus
        # elsewhere is still being handled (Textual hands each key to the row focused as it
        # comes): a newcomer's "↓ 2" set the row they had just left. A key this row handles once
        # it has lost the focus acts on the row that has it now, or on none.
        focused = self.screen.focused  # (has_focus follows a step later, with the Blur event)
        if focused is self:
            if event.key in ("up", "down"):
                # moved here, at once, not by the binding: the app runs a binding only once the
                # key has gone through this row, by when the keys typed after it have reached
                # this row too
                self.action_previous_row() if event.key == "up" else self.app.action_focus_next()
                event.stop()
                event.prevent_default()
                return
            target: OptionField | None = self
        else:
            target = focused if isinstance(focused, OptionField) else None
            if event.key in ("up", "down", "enter", "tab", "shift+tab", "escape"):
                if isinstance(focused, FormRow) and event.key in ("up", "down"):
                    (focused.action_previous_row if event.key == "up" else self.app.action_focus_next)()
                    event.stop()
                    event.prevent_default()
                return
        if target is not None:
            handled = target.take_key(event.key, event.character)
        else:  # the focus is on a row of another kind, or a button: an option's key picks nothing
            handled = event.key in ("left", "right") or bool(event.character and event.character.isdigit())
        if handled:
            event.stop()
            event.prevent_default()
        # any other key goes on to the app, which reads it with the bindings of what has the focus

    def take_key(self, key: str, character: str | None) -> bool:
        """Act on a key meant for this row: the arrows step through the options, digits pick an
        option by its place in the list (1 is the first; 0 is the blank). Whether it was one."""
        if key in ("left", "right"):
            self.action_step(-1 if key == "left" else 1)
        elif self.blank is not None and key in ("0", "delete", "backspace"):
            self.value = self.blank
        elif character and character.isdigit():
            index = int(character) - 1
            if 0 <= index < len(self.options):
                self.value = self.options[index][1]
        else:
            return False
        return True

    def on_click(self, event: events.Click) -> None:
        """A click on the label picks the row; on "◂" it steps back; on the option or "▸",
        forward. (Clicking the label stepped back: an outside tester who clicked an issue's name
        to pick its row found the option moved, twice onto their own red line.)"""
        self.focus()
        label = self._label_room(self.content_region.width)
        if event.x >= label:
            self.action_step(-1 if event.x < label + 3 else 1)


class ToggleField(FormRow):
    """A tick box with a label, and a note at the right end (such as a live estimate).
    Space or a click ticks and unticks."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("space", "tick", "Tick", show=False)]

    value: reactive[bool] = reactive(False, init=False)
    note: reactive[str] = reactive("", init=False)

    class Changed(Message):
        def __init__(self, field: ToggleField, value: bool) -> None:
            super().__init__()
            self.field = field
            self.value = value

        @property
        def control(self) -> ToggleField:
            return self.field

    def __init__(
        self,
        label: str,
        value: bool = False,
        *,
        tickable: bool = True,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.label = label
        self.tickable = tickable
        self.can_focus = tickable
        self.set_reactive(ToggleField.value, value)

    def render(self) -> Content:
        width = self.content_region.width or self.size.width
        box = (Content.styled("[x] ", "bold") if self.value else Content("[ ] ")) if self.tickable else Content("")
        note = Content.styled(self.note, "$text-accent") if self.note else Content("")
        room = max(1, width - box.cell_length - note.cell_length - 1) if width else 1_000
        label = Content(self.label).truncate(room, ellipsis=True, pad=bool(width))
        return Content.assemble(box, label, " " if width else "", note)

    def watch_value(self, value: bool) -> None:
        self.post_message(self.Changed(self, value))

    def action_tick(self) -> None:
        if self.tickable:
            self.value = not self.value

    def on_click(self) -> None:
        if self.tickable:
            self.focus()
            self.action_tick()


class MarkedRadio(RadioButton):
    """A radio button whose dot is drawn only when it is on: Textual's draws the same dot in
    another colour, which without colour (NO_COLOR) leaves on and off looking alike."""

    @property
    def _button(self) -> Content:
        button = super()._button
        return button if self.value else Content.assemble(*(button[:1], " ", button[2:]))


class PickingRadioSet(RadioSet):
    """A radio set where the arrows pick: Textual's moves only a highlight, and Enter or Space
    picks. A player who pressed ↓ to a tone, then went on to the audience and spoke, made the
    statement of the tone still picked (the one picked when it opened) while the highlight sat on
    the other: here moving to a button presses it."""

    # new actions, not the set's own overridden: it calls action_next_button as it mounts, and a
    # press there would unpick the button the dialog picked to start with
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,right", "pick(1)", "Next", show=False),
        Binding("up,left", "pick(-1)", "Previous", show=False),
        # the button under the arrows is already picked, so Enter moves on (the dialog's next
        # step), where Textual's would pick it again and leave a newcomer pressing Enter in vain
        Binding("enter", "chosen", "Next", show=False),
    ]

    class Chosen(Message):
        """Enter on the set: the pick is made, move on."""

    def action_chosen(self) -> None:
        self.post_message(self.Chosen())

    def action_pick(self, step: int) -> None:
        if step > 0:
            self.action_next_button()
        else:
            self.action_previous_button()
        self.action_toggle_button()


class MarkedSelectionList(SelectionList[str]):
    """A selection list whose tick is drawn only in the boxes ticked: Textual's draws the same X in
    every box, ticked or not, in another colour, so that without colour (or at a glance) every
    option looked chosen. The key row says which key ticks one (Textual's binding is hidden)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("space", "select", "Tick or untick")]

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        index = self.scroll_offset.y + y
        if index >= self.option_count or self.get_option_at_index(index).value in self.selected:
            return line
        segments = list(line)
        if len(segments) < 2:
            return line
        # the box is the first three segments (left side, inner mark, right side): blank the mark
        left, mark, *rest = segments
        return Strip([left, Segment(" " * len(mark.text), mark.style, mark.control), *rest], line.cell_length)


class MarkedOptionList(OptionList):
    """An option list that draws a mark (MARK) before the highlighted option, in the option's left
    padding: Textual's marks it by its background alone, so that in a plain capture of the screen,
    or to a colour-blind player, nothing told which option Enter would take."""

    MARK = "▸"
    # two cells before every option: the mark and a space, in the option's own padding
    DEFAULT_CSS = """
    MarkedOptionList > .option-list--option {
        padding: 0 0 0 2;
    }
    """

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        try:
            index, offset = self._lines[self.scroll_offset.y + y]
        except IndexError:
            return line
        if index != self.highlighted or offset != 0:
            return line
        segments = list(line)
        # the option's first cell is its left padding (a blank): the mark takes it, never a letter
        # (a compact list, or a style with no padding, draws no mark rather than hide one)
        if not segments or not segments[0].text.startswith(" "):
            return line
        first, *rest = segments
        marked = Segment(self.MARK + first.text[1:], first.style, first.control)
        return Strip([marked, *rest], line.cell_length)
