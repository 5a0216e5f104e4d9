"""Screenshots of the main screens at 100x32, compared with the accepted SVGs in __snapshots__.

The seed is fixed (the title screen shows it) and the AI plays with no delay, so every run
draws the same screens. After a deliberate change of layout, regenerate with
`pytest tests/ui/test_snapshots.py --snapshot-update` and read the new SVGs before committing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import RichLog, SelectionList

from game.saves.timeline import load_timeline
from game.ui.app import make_app
from game.ui.screens.actions import ConfirmDialog, ProposalBuilder, StatementDialog
from game.ui.screens.board import BoardScreen
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.history import HistoryScreen
from game.ui.screens.notices import HandOver
from game.ui.screens.replay import ReplayScreen
from game.ui.screens.table import TableScreen
from game.ui.screens.title import TitleScreen
from game.ui.widgets.wrapped import WrappedText
from tests.ui.driving import footer_shows_keys, new_app, press, screen_of, settle, transcript_at_rest, until

SIZE = (100, 32)
HISTORY = Path(__file__).resolve().parents[2] / "saves" / "astana-8-history.yaml"
Compare = Callable[..., bool]


async def at_the_table(pilot: Pilot[Any]) -> None:
    table = await settle(pilot)
    assert isinstance(table, TableScreen)
    log = table.query_one("#transcript", WrappedText)
    await until(pilot, lambda: transcript_at_rest(log), "the transcript scrolled to what the turn starts from")


async def at_its_end(pilot: Pilot[Any], log: WrappedText) -> None:
    """Wait for a log that follows its newest lines to be scrolled to them: it scrolls after the
    next repaint, which a loaded machine brings later than the pauses before the picture."""
    await until(pilot, lambda: log.scroll_offset.y == log.max_scroll_y, f"#{log.id} at its end")


def test_title_screen(snap_compare: Compare, tmp_path: Path) -> None:
    async def ready(pilot: Pilot[Any]) -> None:
        await screen_of(pilot, TitleScreen)
        await until(pilot, lambda: pilot.app.screen.query_one("#seats", SelectionList).option_count > 0, "the seats")
        await until(pilot, lambda: footer_shows_keys(pilot.app.screen), "the footer's keys")

    app = make_app(seed=12345, saves_dir=tmp_path, speed=0)
    assert snap_compare(app, terminal_size=SIZE, run_before=ready)


def test_table(snap_compare: Compare, tmp_path: Path) -> None:
    app = new_app(tmp_path, ("government",), seed=1)
    assert snap_compare(app, terminal_size=SIZE, run_before=at_the_table)


def test_proposal_builder(snap_compare: Compare, tmp_path: Path) -> None:
    async def builder(pilot: Pilot[Any]) -> None:
        await at_the_table(pilot)
        await press(pilot, "p")
        await screen_of(pilot, ProposalBuilder)

    app = new_app(tmp_path, ("government",), seed=1)
    assert snap_compare(app, terminal_size=SIZE, run_before=builder)


def test_debrief(snap_compare: Compare, tmp_path: Path) -> None:
    async def debrief(pilot: Pilot[Any]) -> None:
        await at_the_table(pilot)
        await press(pilot, "w")
        await screen_of(pilot, ConfirmDialog)
        await pilot.click("#yes")
        await pilot.pause()
        screen = await screen_of(pilot, DebriefScreen)
        # the headline's last line waits for the AI's game in the player's seat
        await until(pilot, lambda: screen.ai is not None, "the AI's game in your seat")
        # ...and the section after it, for the seat played every other way
        await until(pilot, lambda: screen.ways is not None, "your seat played other ways")
        await pilot.pause()

    app = new_app(tmp_path, ("government",), seed=1)
    assert snap_compare(app, terminal_size=SIZE, run_before=debrief)


@pytest.mark.parametrize("size", [SIZE, (80, 24)], ids=["100x32", "80x24"])
def test_replay_viewer(snap_compare: Compare, size: tuple[int, int]) -> None:
    """Astana 8 as it really went, at the start of its last round: two issues agreed."""

    async def last_round(pilot: Pilot[Any]) -> None:
        viewer = await screen_of(pilot, ReplayScreen)
        await press(pilot, "end")
        await press(pilot, "pageup")
        await until(pilot, lambda: bool(viewer.query_one(RichLog).lines), "the transcript")

    app = make_app(replay=load_timeline(HISTORY), replay_name=HISTORY.name)
    assert snap_compare(app, terminal_size=size, run_before=last_round)


@pytest.mark.parametrize("size", [SIZE, (80, 24)], ids=["100x32", "80x24"])
def test_proposals_board(snap_compare: Compare, tmp_path: Path, size: tuple[int, int]) -> None:
    """The opposition's board after the government's opening proposal: worth, answers, the package."""

    async def board(pilot: Pilot[Any]) -> None:
        await at_the_table(pilot)
        await press(pilot, "o")
        await screen_of(pilot, BoardScreen)

    app = new_app(tmp_path, ("opposition",), seed=1)
    assert snap_compare(app, terminal_size=size, run_before=board)


@pytest.mark.parametrize("size", [SIZE, (80, 24)], ids=["100x32", "80x24"])
def test_history(snap_compare: Compare, tmp_path: Path, size: tuple[int, int]) -> None:
    """The history after a round and a half: the round summaries and a compact package."""

    async def history(pilot: Pilot[Any]) -> None:
        await at_the_table(pilot)
        await press(pilot, "n")
        await at_the_table(pilot)
        await press(pilot, "h")
        history = await screen_of(pilot, HistoryScreen)
        await at_its_end(pilot, history.query_one(WrappedText))

    app = new_app(tmp_path, ("opposition",), seed=1)
    assert snap_compare(app, terminal_size=size, run_before=history)


def test_hand_over(snap_compare: Compare, tmp_path: Path) -> None:
    """Hot-seat: the screen between the government's turn and the opposition's."""

    async def hand_over(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await press(pilot, "n")
        await until(pilot, lambda: isinstance(pilot.app.screen, HandOver) and bool(pilot.app.screen.player), "it")

    app = new_app(tmp_path, ("government", "opposition"), seed=1)
    assert snap_compare(app, terminal_size=(80, 24), run_before=hand_over)


# --- without colour (NO_COLOR=1): what is selected must still show ---------------------------------


@pytest.mark.parametrize(
    ("keys", "kind"),
    [
        (("p", "down", "down"), ProposalBuilder),  # the focused issue row, ticked and unticked boxes
        (("s", "down"), StatementDialog),  # the radio set: the dot is on one tone only
        (("o",), BoardScreen),  # the board's cursor row
    ],
    ids=["builder", "statement", "board"],
)
def test_selection_without_colour(
    snap_compare: Compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keys: tuple[str, ...], kind: type
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")

    async def open_it(pilot: Pilot[Any]) -> None:
        await at_the_table(pilot)
        await press(pilot, *keys)
        await screen_of(pilot, kind)

    app = new_app(tmp_path, ("opposition",), seed=1)
    assert app.no_color
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_it)
