"""One table of the table's keys: bindings, key row, palette, help and README all follow it."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

from rich.console import Console
from rich.text import Text
from textual.binding import Binding

from game.scenario import bundled, load_scenario
from game.ui.keys import TABLE_KEYS, help_grid, help_sections, palette
from game.ui.screens.notices import HELP
from game.ui.screens.table import TableScreen
from game.ui.widgets.panels import mood
from tests.ui.driving import driven, new_app, table_ready

ROOT = Path(__file__).resolve().parents[2]


def test_the_bindings_are_the_key_table() -> None:
    bound = [(b.key, b.action, b.show) for b in TableScreen.BINDINGS if isinstance(b, Binding)]
    assert bound == [(k.keys, k.action, k.shown) for k in TABLE_KEYS if k.action]
    for k in TABLE_KEYS:
        assert not k.action or callable(getattr(TableScreen, f"action_{k.action}", None)), k.action


def test_the_palette_and_the_help_name_every_key() -> None:
    named = {action for _, _, action in palette()}
    assert named == {k.action for k in TABLE_KEYS if k.action}  # every key has its palette entry
    shown = [k for _, listed in help_sections() for k in listed]
    assert shown == [k for k in TABLE_KEYS if k.turn and k.shows] + [k for k in TABLE_KEYS if not k.turn and k.shows]
    # a key the help writes with another (shift+↑ with shift+↓) has an action and no line
    assert all(k.shows or (k.action and not k.help) for k in TABLE_KEYS)
    console = Console(width=300, force_terminal=False)
    with console.capture() as captured:
        console.print(help_grid())
    lines = [" ".join(line.split()) for line in captured.get().splitlines()]
    for k in TABLE_KEYS:  # each key on its line, with its text
        assert not k.shows or f"{k.shows} {k.help}" in lines, k.shows


def test_readmes_key_list_is_the_tables() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    # "`?` lists every key: `p` propose, `r` answer, ... `b` boycott;" (the moves at the table)
    sentence = re.split(r"[.;]", readme.split("`?` lists every key:", 1)[1], maxsplit=1)[0]
    listed = re.findall(r"`([^`]+)` (\w+)", sentence)
    assert listed == [(k.shows, k.label.split()[0].lower()) for k in TABLE_KEYS if k.turn]


def test_the_palette_runs_the_keys_actions(tmp_path: Path) -> None:
    app = new_app(tmp_path, ("government",))

    async def body() -> None:
        async with driven(app, size=(120, 40)) as pilot:
            table = await table_ready(pilot)
            commands = {c.title: c.callback for c in app.get_system_commands(table)}
            for title, _, action in palette():
                assert commands[title] == getattr(table, f"action_{action}")

    asyncio.run(body())


def test_the_help_reads_the_tables_marks_as_the_table_draws_them() -> None:
    """The help explains the delegations' table: the star after a signatory's role (a newcomer
    saw "party*" and "guarant.*" with nothing to say what the star meant) and the trust bands,
    whose bounds are the ones `mood` draws."""
    assert "A role marked [b]*[/b] signs this venue's agreement" in HELP
    low, high = (int(x) for x in re.findall(r"hostile below (\d+), warm from (\d+)", HELP)[0])
    assert (mood(low - 1), mood(low), mood(high - 1), mood(high)) == ("hostile", "wary", "wary", "warm")


def test_the_title_screens_palette_has_its_commands_and_each_does_what_its_key_does(tmp_path: Path) -> None:
    """The title screen's footer names the palette (ctrl+p), and "saved" or "record" found
    nothing there: it lists the screen's own commands, one for each of its keys."""
    from game.ui.app import make_app
    from game.ui.screens.record import RecordScreen
    from game.ui.screens.saves import SaveBrowser
    from game.ui.screens.title import TitleScreen
    from tests.ui.driving import screen_of

    async def body() -> None:
        app = make_app(saves_dir=tmp_path, speed=0)
        async with driven(app, size=(100, 30)) as pilot:
            title = await screen_of(pilot, TitleScreen)
            commands = {c.title: c for c in app.get_system_commands(title)}
            assert {"Start the talks", "Saved games", "Your record", "Continue the autosave", "Help"} <= set(commands)
            # every key of the screen's own but quitting has its command
            # (the arrows that move along the menu are no command: not shown in the key row either)
            keyed = {b.description for b in TitleScreen.BINDINGS if isinstance(b, Binding) and b.show} - {"Quit"}
            assert keyed <= set(commands), keyed - set(commands)
            commands["Saved games"].callback()
            await screen_of(pilot, SaveBrowser)
            await pilot.press("escape")
            await screen_of(pilot, TitleScreen)
            commands["Your record"].callback()
            await screen_of(pilot, RecordScreen)

    asyncio.run(body())


def test_the_help_explains_the_marks_a_proposal_is_written_with() -> None:
    """A newcomer met "*Idlib zone: ..." in the transcript with no legend, and two meanings of *
    on the board: the help says what * and = mark, wherever they are drawn."""
    from game.ui.screens.history import compact_package

    sc = load_scenario(bundled()["astana-8"])
    drawn = compact_package(sc, ((0, 1), (1, 0)), frozenset({1})).plain
    assert "*" in drawn  # the mark the history and the transcript draw
    said = " ".join(Text.from_markup(HELP).plain.split())
    assert "* marks an issue its author has moved on" in said
    assert "in the history and the transcript, since the author's previous proposal" in said
    assert "= marks an option that is your own stated position" in said


def test_shift_arrows_page_through_the_issues_detail_with_the_cursor_on_the_agenda(tmp_path: Path) -> None:
    """At 80x24 the detail showed the issue's description and the player's own stance: who else
    stood where was out of reach of the keys (a newcomer's)."""
    app = new_app(tmp_path, ("government",))

    async def body() -> None:
        async with driven(app, size=(80, 24)) as pilot:
            table = await table_ready(pilot)
            box = table.query_one("#detail-box")
            assert box.max_scroll_y > 0, "the detail fits: nothing to page through"
            agenda = table.query_one("#agenda")
            assert agenda.has_focus and box.scroll_y == 0
            await pilot.press("shift+down")
            await pilot.pause()
            assert box.scroll_y == min(box.max_scroll_y, box.size.height - 1) and agenda.has_focus
            await pilot.press("shift+up")
            await pilot.pause()
            assert box.scroll_y == 0 and agenda.has_focus
            # another issue opens at its top, wherever the last one was paged to
            await pilot.press("shift+down", "down")
            await pilot.pause()
            assert box.scroll_y == 0

    asyncio.run(body())
