"""Names and texts from files are shown as text, never parsed as markup (issue 14).

A scenario where every name, label, title and text carries markup (`[/]`, `Blue [/b]`,
`[@click=app.quit]`...) is played through every screen: the table, each dialog, help, notices,
the hot-seat hand-over, the debrief, the replay viewer, the problems screen and the error toasts.
On each, every widget in the DOM is rendered (so a widget added later is covered too), and the
names must show literally.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import yaml
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets._toast import Toast

from game.ai.seats import chooser
from game.ai.selfplay import agent_rng
from game.engine import view_for
from game.saves import Session, default_seats, save
from game.saves.timeline import load_timeline
from game.scenario import load_scenario
from game.scenario.yamlread import SAFE_LOADER
from game.ui.app import make_app
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.notices import HandOver
from game.ui.screens.table import TableScreen
from game.ui.widgets.fields import MarkedSelectionList
from tests.ui.driving import ASTANA, DEADLINE, driven, press, screen_text, settle, tick, until

SIZE = (140, 45)
MARKUP = ["[/]", "Blue [/b]", "[@click=app.quit]", "[b]bold", "[link=https://example.com]x[/link]", "[red"]
_TEXT_KEYS = {"name", "label", "title", "leader", "description", "text", "summary", "place", "dates", "date"}


def _poison(node: Any, counter: list[int]) -> Any:
    """Every text of the scenario with a piece of markup added (and one issue named just `[/]`)."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key in _TEXT_KEYS and isinstance(value, str):
                counter[0] += 1
                out[key] = f"{value.strip()} {MARKUP[counter[0] % len(MARKUP)]}"
            elif key == "stances" and isinstance(value, dict):
                out[key] = {k: f"{v} [/]" for k, v in value.items()}
            else:
                out[key] = _poison(value, counter)
        return out
    if isinstance(node, list):
        return [_poison(item, counter) for item in node]
    return node


def hostile_scenario(folder: Path) -> Path:
    data = _poison(yaml.load(ASTANA.read_bytes(), Loader=SAFE_LOADER), [0])
    data["issues"][0]["name"] = "[/]"
    data["delegations"][1]["name"] = "Blue [/b]"
    data["delegations"][2]["name"] = "[@click=app.quit]"
    data.pop("tests", None)
    path = folder / "hostile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def render_all(app: Any) -> None:
    """Render every widget of every screen in the stack: markup parsed from data raises here."""
    for screen in app.screen_stack:
        for widget in [screen, *screen.walk_children(Widget)]:
            widget.render()
    assert app.return_code in (None, 0) and not app._exit, "the app died"


async def look(pilot: Pilot[Any], *shown: str) -> str:
    await pilot.pause()
    await tick()
    render_all(pilot.app)
    text = screen_text(pilot.app)
    for literal in shown:
        assert literal in text, f"{literal!r} is not shown as written on {pilot.app.screen!r}"
    return text


def test_every_screen_shows_hostile_names_as_text(tmp_path: Path) -> None:
    path = hostile_scenario(tmp_path)
    scenario = load_scenario(path)

    async def body() -> None:
        app = make_app(path, ("government", "opposition"), "normal", 1, saves_dir=tmp_path, speed=0)
        async with driven(app, size=SIZE) as pilot:
            await look(pilot)  # the opening notice
            table = await settle(pilot, hand_over=False)
            await look(pilot)
            if isinstance(table, HandOver):  # hot-seat opens covered, naming the first player
                await look(pilot, table.player.split()[-1])  # (the long name wraps in the box)
                await press(pilot, "enter")
                table = await settle(pilot)
            assert isinstance(table, TableScreen)
            await look(pilot, "[/]", "[@click=app.quit]")
            for key in ("p", "c", "s", "x", "m", "r", "o", "h", "i", "question_mark"):
                await press(pilot, key)
                await look(pilot)
                while app.screen is not table:
                    await press(pilot, "escape")
                    await tick()
            # play on (every seat passing or answering as the AI would) until the hand-over shows
            seen_handover = False
            deadline = (
                time.monotonic() + DEADLINE
            )  # a time, not a number of looks: the AI is slower on a loaded machine
            while time.monotonic() < deadline:
                screen = app.screen
                if isinstance(screen, HandOver):
                    await look(pilot, screen.player)
                    seen_handover = True
                    await press(pilot, "enter")
                    continue
                if not isinstance(screen, TableScreen):
                    await look(pilot)
                    await press(pilot, "enter")
                    continue
                state = table.session.state
                if state.over or seen_handover:
                    break
                if state.actor in table.humans:
                    await press(pilot, "n")
                await tick()
            assert seen_handover
            session = table.session
            while not session.state.over:
                state = session.state
                session.play(chooser("normal")(view_for(state, state.actor), agent_rng(state)).action)
            await app.push_screen(DebriefScreen(session))
            await look(pilot, scenario.title)

    asyncio.run(body())


def test_the_replay_viewer_and_toasts_show_hostile_names_as_text(tmp_path: Path) -> None:
    path = hostile_scenario(tmp_path)
    scenario = load_scenario(path)
    session = Session.new(scenario, path.read_bytes(), 2, default_seats(scenario), "hostile")
    for _ in range(60):
        state = session.state
        session.play(chooser("normal")(view_for(state, state.actor), agent_rng(state)).action)
    saved = save(session, tmp_path, "hostile-game")

    async def replay() -> None:
        app = make_app(replay=load_timeline(saved), replay_name="[@click=app.quit] [/]")
        async with driven(app, size=SIZE) as pilot:
            await look(pilot, "[@click=app.quit]")
            for key in ("right", "end", "home", "question_mark"):
                await press(pilot, key)
                await look(pilot)
            assert not app._exit

    asyncio.run(replay())

    # A save that cannot be loaded: the error toast quotes its content.
    bad = tmp_path / "bad.yaml"
    bad.write_text(saved.read_text().replace("government: ai:normal", "government: '[/] [@click=app.quit]'"))

    async def toast() -> None:
        app = make_app(load=bad, saves_dir=tmp_path, speed=0)
        async with driven(app, size=SIZE, notifications=True) as pilot:
            await until(pilot, lambda: bool(app.screen.query(Toast)), "the error toast")
            await look(pilot)
            shown = " ".join(str(toast.render()) for toast in app.screen.query(Toast))
            assert "'[/] [@click=app.quit]'" in shown, shown

    asyncio.run(toast())


def test_the_problems_screen_quotes_a_broken_file_as_text(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(ASTANA.read_text(encoding="utf-8").replace("format: 1\n", "format: 1\n'[/]': 1\n", 1))

    async def body() -> None:
        app = make_app(path, ("government",), "normal", 1, saves_dir=tmp_path, speed=0, watch=True)
        async with driven(app, size=SIZE) as pilot:
            await until(pilot, lambda: "problems" in type(app.screen).__name__.lower(), "the problems screen")
            await look(pilot, "'[/]'")

    asyncio.run(body())


def test_the_title_screen_shows_hostile_names_as_text(tmp_path: Path, monkeypatch: Any) -> None:
    """The scenario list, its summary and the seats' names and roles are the files' text: a
    SelectionList's or Select's string prompt, and a Static's text, are read as markup ("[x]"
    vanished from a seat's name there, and "[/]" would raise)."""
    from game.ui.screens import title as title_module
    from game.ui.screens.title import TitleScreen
    from tests.ui.driving import screen_of

    path = hostile_scenario(tmp_path)
    scenario = load_scenario(path)
    monkeypatch.setattr(title_module, "bundled", lambda: {"hostile": path})
    monkeypatch.chdir(tmp_path)  # no autosave of the developer's in sight

    async def body() -> None:
        app = make_app(saves_dir=tmp_path, speed=0, seed=1)
        async with driven(app, size=(200, 60)) as pilot:
            title = await screen_of(pilot, TitleScreen)
            await look(pilot, scenario.title, "Blue [/b]", "[@click=app.quit]")
            summary = " ".join(str(title.query_one("#summary").render()).split())
            assert " ".join(scenario.summary.split()) in summary
            seats = title.query_one("#seats", MarkedSelectionList)
            prompts = [str(seats.get_option_at_index(k).prompt) for k in range(seats.option_count)]
            assert prompts == [f"{d.name} ({d.role})" for d in scenario.delegations]
            lines = [seats.render_line(y).text for y in range(seats.option_count)]
            for d, line in zip(scenario.delegations, lines, strict=True):
                assert d.name in line or line.rstrip().endswith("…"), line

    asyncio.run(body())
