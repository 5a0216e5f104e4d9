"""Saving under a name: ctrl+s at the table asks for one, with a sensible default.

A name is used as typed or refused with the reason (never quietly turned into another file's
name), and a name that already holds another game is replaced only once the player says so.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.widgets import Button, Input, Static

from game.saves import NAME_RULE, SaveError, Session, name_problem, save_path
from game.saves.catalog import read_info
from game.ui.format import opening
from game.ui.screens.dialog import ConfirmDialog, Dialog
from game.ui.shown import shown_path


def default_name(session: Session, folder: Path, humans: tuple[int, ...]) -> str:
    """The scenario and the seats played ("astana-8-government", "astana-8-government-opposition"
    in hot-seat play: it named the first seat only, whoever was at the keyboard), numbered on from
    any save of that name already in the folder, so the default never names another game's file."""
    seat = "-".join(session.scenario.delegations[d].id for d in humans) if humans else "ai"
    base = f"{session.name}-{seat}"[:58].strip("-_") or "game"
    if name_problem(base) is not None:
        base = "game"
    name, k = base, 2
    while (folder / f"{name}.yaml").exists():
        name, k = f"{base}-{k}", k + 1
    return name


class SaveDialog(Dialog[str]):
    """Ask for a save's name; dismisses with the name to write (None when cancelled)."""

    TITLE_TEXT = "Save the game"
    HINT = "Type a name · Enter saves · Esc cancels"

    def __init__(self, folder: Path, name: str, current: str | None = None) -> None:
        super().__init__()
        self.folder = folder
        self.default = name
        self.current = current  # the name this game was last saved under: saved over without asking

    def compose_body(self) -> ComposeResult:
        yield Static(
            f"The game is saved in {shown_path(self.folder)}/ under this name ({NAME_RULE}).",
            classes="note",
            markup=False,
        )
        yield Input(self.default, id="save-name", select_on_focus=True, max_length=80)

    def compose_buttons(self) -> ComposeResult:
        yield Button("Save", id="save", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#save-name", Input).focus()

    @on(Input.Changed, "#save-name")
    def _typed(self) -> None:
        self.refuse("")

    @on(Input.Submitted, "#save-name")
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        name = self.query_one("#save-name", Input).value.strip()
        problem = name_problem(name)
        if problem is not None:
            self.refuse(opening(problem) + ".")
            return
        try:
            path = save_path(self.folder, name)
        except SaveError as exc:
            self.refuse(str(exc))
            return
        if path.exists() and not path.is_file():
            # a folder, a pipe: no saved game to replace, and saving over it would fail or
            # quietly take its place (a tester was asked to "replace" a folder)
            self.refuse(f"{shown_path(path)} is not a file: choose another name.")
            return
        if name != self.current and path.exists():
            # a file that does not open as a save is said to be one: a tester's notes, under the
            # name typed, were offered for replacing as "a saved game"
            problem = read_info(path).problem
            if not problem:
                question = f"{shown_path(path)} already holds a saved game. Replace it with this one?"
            elif problem.startswith("not a saved game"):
                why = problem.removeprefix("not a saved game").removeprefix(": ")
                question = f"{shown_path(path)} is not a saved game{f' ({why})' if why else ''}: saving replaces whatever it holds. Replace it?"
            else:
                question = f"{shown_path(path)} holds a saved game that does not open ({problem}): saving replaces it. Replace it?"

            def answer(ok: bool | None) -> None:
                if ok:
                    self.dismiss(name)
                else:
                    self.refuse("Then choose another name.")

            self.app.push_screen(ConfirmDialog(question, "Replace it", "Keep it"), answer)
            return
        self.dismiss(name)
