"""How the history writes each line for the player: every delegation in the third person, and a
mark on the player's own moves only, not on what followed from them."""

from __future__ import annotations

import asyncio
from pathlib import Path

from game.ai import play
from game.play.history import Chronicle
from game.scenario import bundled, load_scenario
from game.ui.screens.history import MINE, HistoryScreen, narrate


def test_only_the_players_own_moves_are_marked_not_their_consequences() -> None:
    """An answer that rejects a proposal is followed by "Proposal #N fails: X rejected it", a
    record of the same move: the history marked both as the player's."""
    scenario = load_scenario(bundled()["astana-8"])
    game = play(scenario, 1)
    chronicle = Chronicle.replay(scenario, 1, game.actions)
    consequences = [line for line in chronicle.lines if line.actor >= 0 and line.record.kind != line.kind]
    assert any(line.record.kind == "failed" for line in consequences)  # the case that was marked
    for me in range(len(scenario.delegations)):
        for line in chronicle.lines:
            shown = narrate(scenario, me, chronicle, line).plain
            own_move = line.actor == me and line.record.kind == line.kind
            assert shown.startswith(MINE) == own_move, shown
            assert not shown.startswith("You ") and "asks you" not in shown, shown


def test_the_history_writes_every_package_whole_where_the_transcript_cuts_it() -> None:
    """At 80 columns a newcomer could not tell the options of a package apart in the history
    ("Elections and the…: Early parliamentary elect…"): the history screen has the room, and
    writes every issue and option in full; the table's short transcript still cuts them."""
    scenario = load_scenario(bundled()["sochi-congress"])
    game = play(scenario, 1)
    chronicle = Chronicle.replay(scenario, 1, game.actions)
    tabled = [line for line in chronicle.lines if line.record.kind in ("propose", "draft") and line.tabled >= 0]
    assert tabled
    cut = False
    for line in tabled:
        whole = narrate(scenario, -1, chronicle, line, whole=True).plain
        short = narrate(scenario, -1, chronicle, line).plain
        for i, o in chronicle.tabled[line.tabled].package:
            issue = scenario.issues[i]
            assert f"{issue.name}: {issue.options[o].label}" in whole
        cut = cut or "…" in short
    assert cut  # the compact form does cut some (the case that hid them)


def test_the_history_open_over_the_table_shows_the_moves_made_meanwhile(tmp_path: Path) -> None:
    """A newcomer opened the history as the AI played, and an offer the turn's summary named
    showed there only once the history was opened again."""
    from game.ui.app import make_app
    from game.ui.screens.history import HistoryScreen
    from tests.ui.driving import ASTANA, driven, press, screen_of, settle, until

    async def body() -> None:
        app = make_app(scenario=ASTANA, humans=("opposition",), seed=1, saves_dir=tmp_path, speed=1)
        async with driven(app, size=(100, 32)) as pilot:
            table = await settle(pilot)
            session = table.session
            await press(pilot, "n", "n")  # the turn passed: the AI moves, one every 0.15 s
            await press(pilot, "h")
            history = await screen_of(pilot, HistoryScreen)
            assert isinstance(history, HistoryScreen)
            moves, lines = len(session.log), len(table.chronicle.lines)
            await until(pilot, lambda: len(session.log) >= moves + 2, "two more moves under the history")
            await pilot.pause()
            shown = " ".join(history.text().split())
            for line in table.chronicle.lines[lines:]:
                said = narrate(session.scenario, table.viewer, table.chronicle, line, whole=True).plain
                assert " ".join(said.split()) in shown
            # the AI's stretch played out before leaving (its worker writes to the table)
            table.speed = 0
            await press(pilot, "escape")
            await settle(pilot)

    asyncio.run(body())


def test_a_reader_scrolled_up_in_the_history_keeps_their_line_as_the_game_goes_on() -> None:
    """A round's header growing a line as the AI moved ("2 proposals" for "1 proposal") moved
    every line under it one down, under a reader scrolled up into that round (a review's)."""
    from textual.app import App

    from game.engine import apply, new_game
    from game.ui.widgets.wrapped import WrappedText
    from tests.saves.helpers import finished

    session = finished("astana-8", 3)
    sc = session.scenario
    actions = [e.action for e in session.log]

    async def body() -> tuple[int, int]:
        state, opening = new_game(sc, 3)
        chronicle = Chronicle()
        chronicle.open(state, opening)
        for action in actions[:6]:
            after, records = apply(state, action)
            chronicle.add(state, action, after, records)
            state = after
        tried = moved = 0
        async with App().run_test(size=(100, 20)) as pilot:
            screen = HistoryScreen(sc, 0, chronicle)
            await pilot.app.push_screen(screen)
            await pilot.pause()
            text = screen.query_one(WrappedText)
            for action in actions[6:60]:
                lines = text.plain.split("\n")
                heads = [k for k, line in enumerate(lines) if line.startswith("— ")]
                # the reader just under the last round's header, reading that round, scrolled up
                top = heads[-1] + 2
                read = None
                if text.max_scroll_y > top:
                    text.scroll_to(y=top, animate=False, immediate=True)
                    await pilot.pause()
                    read = lines[round(text.scroll_y)]
                after, records = apply(state, action)
                chronicle.add(state, action, after, records)
                state = after
                screen.grown()
                await pilot.pause()
                if read is not None and not text.following:
                    tried += 1
                    moved += text.plain.split("\n")[round(text.scroll_y)] != read
        return tried, moved

    tried, moved = asyncio.run(body())
    assert tried >= 10 and moved == 0, (tried, moved)
