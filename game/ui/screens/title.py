"""The title screen: a new game (scenario, your delegation or delegations, difficulty, seed),
continue the autosave, the saved games (to continue or replay), your record, help, quit."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Select, SelectionList, Static

from game.ai.levels import LEVELS as AI_LEVELS
from game.engine.model import Scenario
from game.paths import autosaves
from game.play.new_game import NewGame
from game.saves.catalog import read_info
from game.scenario import bundled, check_file
from game.scenario.seating import default_human
from game.ui.screens.notices import Help
from game.ui.screens.saves import Opened, SaveBrowser
from game.ui.shown import shown_path
from game.ui.widgets.fields import MarkedSelectionList
from game.ui.widgets.footer import ShownKeysFooter

# What each level does that the one below it does not (game.ai.levels): a newcomer choosing one
# reads a difference in skill. The list offered is the agents' own, so that a game played at any
# of them is shown again at its level.
SAID = {
    "easy": "they read only your public positions",
    "normal": "they learn from your offers and trade issues",
    "hard": "they also plan, meet in private and bet on what passes",
}
LEVELS = tuple((f"{name.capitalize()}: {SAID.get(name, 'a level of the agents')}", name) for name in AI_LEVELS)


def level_note(name: str) -> str:
    """What a level does, as the sentence under the difficulty list says it."""
    said = SAID.get(name, "a level of the agents")
    return f"{said[:1].upper()}{said[1:]}."


# how many autosaves, the newest first, the title reads for a game still in progress
_LOOKED_AT = 50


def running_autosave() -> Path | None:
    """The autosave written last of a game still in progress ("Continue the autosave"): the last
    game played to its end opened its debrief there, where a newcomer expected a game to go on
    (a finished one's debrief stays in "Saved games", d). None where there is none."""
    for path in autosaves()[:_LOOKED_AT]:
        info = read_info(path, autosave=True)
        if not info.problem and not info.over:
            return path
    return None


class SeedInput(Input):
    """The seed field, the last of the form: Enter there starts the talks, as the key row says
    (a newcomer typing a seed pressed Enter and nothing happened)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "screen.start", "Start the talks")]


class StartButton(Button):
    """Start the talks, where the focus starts: its Enter is named in the key row (a plain
    button's Enter is not, and the row would no longer say which key starts the talks)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "screen.start", "Start the talks")]


# The summary of the chosen scenario on the title screen: the rows it keeps however short the screen.
SUMMARY_ROWS = 6


class TitleScreen(Screen[None]):
    CSS_PATH = "title.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "start", "Start the talks"),
        Binding("ctrl+o", "saves", "Saved games"),
        Binding("ctrl+r", "record", "Your record"),
        Binding("question_mark,f1", "help", "Help"),
        Binding("ctrl+q", "app.quit", "Quit"),
        # the arrows move along the menu's buttons, as in a menu: a newcomer pressed ↓ on "Start
        # the talks" to reach the scenario list, and nothing moved (Tab goes everywhere)
        Binding("down", "menu(1)", "Next", show=False),
        Binding("up", "menu(-1)", "Previous", show=False),
    ]

    class Start(Message):
        def __init__(self, game: NewGame) -> None:
            super().__init__()
            self.game = game

    class Load(Message):
        """Continue a save (`browsed`: chosen in the save browser, which comes back if it fails)."""

        def __init__(self, path: Path, browsed: bool = False) -> None:
            super().__init__()
            self.path = path
            self.browsed = browsed

    class Replay(Message):
        """Open a save in the replay viewer (`browsed`: as for Load)."""

        def __init__(self, path: Path, browsed: bool = False) -> None:
            super().__init__()
            self.path = path
            self.browsed = browsed

    def __init__(self, saves_dir: Path, seed: int, last: NewGame | None = None) -> None:
        super().__init__()
        self.saves_dir = saves_dir
        self.seed = last.seed if last is not None else seed
        # the game just played: its settings are the ones shown, so that the title never claims
        # another difficulty or other seats than the player chose
        self.last = last
        # the bundled scenarios, and the file of the game just played where it is not one of
        # them (`play FILE`): an author's own scenario came back as astana-8, at normal
        self.files = dict(bundled())
        self.chosen = "astana-8"
        if last is not None:
            found = next((name for name, path in self.files.items() if path == last.scenario), None)
            if found is None:
                found = last.scenario.stem if last.scenario.stem not in self.files else str(last.scenario)
                self.files[found] = last.scenario
            self.chosen = found
        self.scenarios = {name: check_file(path)[0] for name, path in self.files.items()}

    def compose(self) -> ComposeResult:
        # the game's, not the scenario's: with Dayton chosen it read as Dayton's dates (a newcomer)
        yield Static(
            "[b]PEACE TALKS[/b]\nThe talks of Astana and Sochi, December 2017 to January 2018, and other tables",
            id="banner",
        )
        with Horizontal(id="columns"):
            with VerticalScroll(id="new-game"):
                yield Label("Scenario")
                # titles, summaries, names and roles are the files' text: data, never markup (a
                # string prompt of a Select or SelectionList, or a Static's text, is read as markup)
                options = [(self._title(name, sc), name) for name, sc in self.scenarios.items() if sc is not None]
                names = [name for _, name in options]
                chosen = self.chosen
                yield Select(options, value=chosen if chosen in names else names[0], allow_blank=False, id="scenario")
                # its own scrolling box: where the screen is too short for the whole summary, the
                # box takes the focus in turn (Tab) and the arrows scroll the rest into view
                with VerticalScroll(id="summary-box"):
                    yield Static(id="summary", markup=False)
                yield Label("Your delegation (pick several for hot-seat play)")
                yield MarkedSelectionList(id="seats")
            with Vertical(id="menu"):
                # the game's settings beside the list, above the buttons: at the foot of the left
                # column they were below the fold at 80x24, where a newcomer never saw them
                yield Label("Difficulty")
                level = self.last.difficulty if self.last is not None else "normal"
                # The list names each level with what it does; once chosen, the list's own line
                # shows the name alone and the sentence goes under it, wrapped to the column: in
                # the one-line list it wrapped past the list's arrow ("Hard: they also plan, ▼"),
                # and at 80x24 a newcomer read the rest as text spilling out of its box.
                yield Select(LEVELS, value=level, allow_blank=False, id="difficulty", compact=True)
                yield Static(level_note(level), id="difficulty-note", markup=False)
                yield Label("Seed")
                # boxed, not compact: without its frame a newcomer did not take it for a field
                yield SeedInput(
                    str(self.seed),
                    id="seed",
                    type="integer",
                    tooltip="The same seed and the same moves make the same game",
                )
                yield StartButton("Start the talks", variant="primary", id="start", compact=True)
                yield Button("Continue the autosave", id="continue", compact=True, disabled=running_autosave() is None)
                yield Button(
                    "Saved games",
                    id="load",
                    compact=True,
                    tooltip="Every save with its scenario, seat, round, result and date: continue one or replay it",
                )
                yield Button(
                    "Your record",
                    id="record",
                    compact=True,
                    tooltip="Your results per scenario and seat, across every game you finished",
                )
                yield Button("Help", id="help", compact=True)
                yield Button("Quit", id="quit", variant="error", compact=True)
        yield ShownKeysFooter()

    def _title(self, name: str, scenario: Scenario) -> Content:
        """A scenario's title in the list; a file not bundled with the game says which file."""
        path = self.files[name]
        return Content(scenario.title if bundled().get(name) == path else f"{scenario.title} ({shown_path(path.name)})")

    def on_mount(self) -> None:
        self._scenario_changed()
        # the focus where Enter goes, and seen there: it had been on the left column's scroll box,
        # which shows none, and a newcomer pressing Enter to open the scenario list started the talks
        self.query_one("#start", Button).focus()

    @on(Select.Changed, "#difficulty")
    def _difficulty_changed(self) -> None:
        level = str(self.query_one("#difficulty", Select).value)
        # the list's line (its current value's label) shows the level's name alone
        self.query_one("#difficulty SelectCurrent #label", Static).update(level.capitalize())
        self.query_one("#difficulty-note", Static).update(level_note(level))

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_summary)

    def _fit_summary(self) -> None:
        """The summary takes the rows the column has beside its controls, at least SUMMARY_ROWS;
        where the whole text needs more, its box scrolls and takes the focus in turn. Capped at
        six lines and never scrolled, astana-8's was cut off mid-sentence on any screen."""
        column = self.query_one("#new-game", VerticalScroll)
        box = self.query_one("#summary-box", VerticalScroll)
        others = sum(
            w.outer_size.height + w.styles.margin.top + w.styles.margin.bottom for w in column.children if w is not box
        )
        rows = max(SUMMARY_ROWS, column.content_region.height - others)
        if box.styles.max_height is None or box.styles.max_height.value != rows:
            box.styles.max_height = rows
        box.can_focus = self.query_one("#summary", Static).outer_size.height > rows

    @on(Select.Changed, "#scenario")
    def _scenario_changed(self) -> None:
        name = self.query_one("#scenario", Select).value
        scenario = self.scenarios.get(str(name))
        if scenario is None:
            return
        self.query_one("#summary", Static).update(scenario.summary.strip())
        self.call_after_refresh(self._fit_summary)
        seats = self.query_one("#seats", SelectionList)
        seats.clear_options()
        ticked = {default_human(scenario)}
        if self.last is not None and self.files.get(str(name)) == self.last.scenario and self.last.humans:
            ticked = set(self.last.humans)  # the seats of the game just played
        for d in scenario.delegations:
            seats.add_option((Content(f"{d.name} ({d.role})"), d.id, d.id in ticked))
        # the cursor on the seat ticked: the list, filled afresh, had none, and a newcomer's first
        # Space there did nothing (then ticked the wrong seats)
        ids = [d.id for d in scenario.delegations]
        seats.highlighted = min((ids.index(h) for h in ticked if h in ids), default=0)

    def action_menu(self, step: int) -> None:
        """Focus the next (1) or previous (-1) button of the menu, from a button of it."""
        buttons = [b for b in self.query_one("#menu").query(Button) if b.focusable]
        if self.focused in buttons:
            at = buttons.index(self.focused)
            buttons[min(max(at + step, 0), len(buttons) - 1)].focus()

    def action_start(self) -> None:
        name = str(self.query_one("#scenario", Select).value)
        humans = tuple(self.query_one("#seats", SelectionList).selected)
        if not humans:
            self.notify("Choose at least one delegation to play.", severity="error")
            return
        text = self.query_one("#seed", Input).value.strip()
        if not text.isdigit():
            self.notify("The seed is a whole number.", severity="error")
            return
        difficulty = str(self.query_one("#difficulty", Select).value)
        self.post_message(self.Start(NewGame(self.files[name], humans, difficulty, int(text))))

    @on(Button.Pressed, "#start")
    def _start(self) -> None:
        self.action_start()

    @on(Button.Pressed, "#continue")
    def _continue(self) -> None:
        # the game in progress autosaved last, from whatever folder it was played in
        found = running_autosave()
        if found is None:
            self.notify("No autosave to continue.", severity="warning")
            return
        self.post_message(self.Load(found))

    @on(Button.Pressed, "#load")
    def action_saves(self) -> None:
        """The save browser; what is opened there is continued or replayed from here."""
        self.browse()

    def browse(self, select: Path | None = None) -> None:
        """The save browser, its cursor on `select` where that is listed."""
        self.app.push_screen(SaveBrowser(self.saves_dir, self._autosaves(), select), self._opened)

    def _autosaves(self) -> tuple[Path, ...]:
        return tuple(autosaves())

    def _opened(self, opened: Opened | None) -> None:
        if opened is not None:
            self.post_message(self.Replay(opened.path, True) if opened.replay else self.Load(opened.path, True))

    @on(Button.Pressed, "#record")
    def action_record(self) -> None:
        from game.ui.screens.record import RecordScreen

        self.app.push_screen(RecordScreen())

    @on(Button.Pressed, "#help")
    def action_help(self) -> None:
        self.app.push_screen(Help())

    def commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        """The title screen's own commands for the command palette (ctrl+p): its footer named
        the palette, and typing "saved" or "record" there found nothing."""
        return [
            ("Start the talks", "Sit at the table chosen here (Enter)", self.action_start),
            # as the button says: a player typed "autosave" in the palette and found nothing
            ("Continue the autosave", "The game in progress autosaved last", self._continue),
            ("Saved games", "Every save, to continue or replay (ctrl+o)", self.action_saves),
            ("Your record", "Your results per scenario and seat (ctrl+r)", self.action_record),
            ("Help", "The keys and the rules in short (?)", self.action_help),
        ]

    @on(Button.Pressed, "#quit")
    def _quit(self) -> None:
        self.app.exit()
