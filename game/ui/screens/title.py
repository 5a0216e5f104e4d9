"""The title screen: a new game (scenario, your delegation or delegations, difficulty, seed),
continue the autosave, load a save, replay a save, help, quit."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, OptionList, Select, SelectionList, Static

from game.paths import latest_autosave
from game.scenario import bundled, check_file
from game.scenario.seating import default_human
from game.ui.screens.notices import Help

LEVELS = (
    ("Easy: they read only your public positions", "easy"),
    ("Normal", "normal"),
    ("Hard: they learn, logroll and read the risk", "hard"),
)


@dataclass(frozen=True)
class NewGame:
    scenario: Path
    humans: tuple[str, ...]
    difficulty: str
    seed: int


class TitleScreen(Screen[None]):
    CSS_PATH = "title.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "start", "Start", show=False),
        Binding("question_mark,f1", "help", "Help"),
        Binding("ctrl+q", "app.quit", "Quit"),
    ]

    class Start(Message):
        def __init__(self, game: NewGame) -> None:
            super().__init__()
            self.game = game

    class Load(Message):
        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    class Replay(Message):
        """Open a save in the replay viewer."""

        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    def __init__(self, saves_dir: Path, seed: int) -> None:
        super().__init__()
        self.saves_dir = saves_dir
        self.seed = seed
        self.listing: type[TitleScreen.Load | TitleScreen.Replay] = self.Load  # what picking a save does
        self.scenarios = {name: check_file(path)[0] for name, path in bundled().items()}

    def compose(self) -> ComposeResult:
        yield Static("[b]PEACE TALKS[/b]\nAstana and Sochi, December 2017 to January 2018", id="banner")
        with Horizontal(id="columns"):
            with VerticalScroll(id="new-game"):
                yield Label("Scenario")
                options = [(sc.title, name) for name, sc in self.scenarios.items() if sc is not None]
                yield Select(
                    options,
                    value="astana-8" if "astana-8" in self.scenarios else options[0][1],
                    allow_blank=False,
                    id="scenario",
                )
                yield Static(id="summary")
                yield Label("Your delegation (pick several for hot-seat play)")
                yield SelectionList[str](id="seats")
                yield Label("Difficulty")
                yield Select(LEVELS, value="normal", allow_blank=False, id="difficulty")
                yield Label("Seed (the same seed and moves give the same game)")
                yield Input(str(self.seed), id="seed", type="integer")
            with Vertical(id="menu"):
                yield Button("Start the talks", variant="primary", id="start", compact=True)
                yield Button("Continue the autosave", id="continue", compact=True, disabled=latest_autosave() is None)
                yield Button("Load a saved game", id="load", compact=True)
                yield Button(
                    "Replay a save",
                    id="replay",
                    compact=True,
                    tooltip="Step through a saved game, forwards and back, or let it play",
                )
                yield Button("Help", id="help", compact=True)
                yield Button("Quit", id="quit", variant="error", compact=True)
                yield OptionList(id="saves")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#saves", OptionList).display = False
        self._scenario_changed()

    @on(Select.Changed, "#scenario")
    def _scenario_changed(self) -> None:
        name = self.query_one("#scenario", Select).value
        scenario = self.scenarios.get(str(name))
        if scenario is None:
            return
        self.query_one("#summary", Static).update(scenario.summary.strip())
        seats = self.query_one("#seats", SelectionList)
        seats.clear_options()
        default = default_human(scenario)
        for d in scenario.delegations:
            seats.add_option((f"{d.name} ({d.role})", d.id, d.id == default))

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
        self.post_message(self.Start(NewGame(bundled()[name], humans, difficulty, int(text))))

    @on(Button.Pressed, "#start")
    def _start(self) -> None:
        self.action_start()

    @on(Button.Pressed, "#continue")
    def _continue(self) -> None:
        # the game autosaved last, from whatever folder it was played in
        found = latest_autosave()
        if found is None:
            self.notify("No autosave to continue.", severity="warning")
            return
        self.post_message(self.Load(found))

    @on(Button.Pressed, "#load")
    def _list_saves(self) -> None:
        self._list(self.Load, "Load which save?")

    @on(Button.Pressed, "#replay")
    def _list_replays(self) -> None:
        self._list(self.Replay, "Replay which save?")

    def _list(self, then: type[TitleScreen.Load | TitleScreen.Replay], question: str) -> None:
        saves = sorted(self.saves_dir.glob("*.yaml")) if self.saves_dir.is_dir() else []
        listing = self.query_one("#saves", OptionList)
        listing.clear_options()
        if not saves:
            listing.display = False
            self.notify(f"No saved games in {self.saves_dir}.", severity="warning", markup=False)
            return
        self.listing = then
        listing.border_title = question
        listing.add_options([p.name for p in saves])
        listing.display = True
        listing.focus()

    @on(OptionList.OptionSelected, "#saves")
    def _load(self, event: OptionList.OptionSelected) -> None:
        self.post_message(self.listing(self.saves_dir / str(event.option.prompt)))

    @on(Button.Pressed, "#help")
    def action_help(self) -> None:
        self.app.push_screen(Help())

    @on(Button.Pressed, "#quit")
    def _quit(self) -> None:
        self.app.exit()
