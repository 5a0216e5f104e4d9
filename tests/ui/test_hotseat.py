"""Hot-seat play: the government and the opposition share one keyboard at astana-8.

When the turn passes from one human to the other, a hand-over screen covers the table, and
nothing of the previous player's private view shows until the next player presses Enter.

pytest-asyncio is not installed, so each test runs its async body with asyncio.run().
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import Static

from game.engine import view_for
from game.engine.state import PENDING
from game.ui.screens.actions import RespondDialog
from game.ui.screens.notices import HandOver, Notice
from game.ui.screens.table import TableScreen
from game.ui.widgets.panels import AgendaTable
from tests.ui.driving import (
    GOV,
    OPP,
    accept_answer,
    driven,
    new_app,
    pass_turn,
    press,
    reject_answer,
    screen_of,
    screen_text,
    settle,
    until,
)

SIZE = (120, 40)


def status(table: TableScreen) -> str:
    return str(table.query_one("#status", Static).content)


def own_column(table: TableScreen) -> list[str]:
    """The agenda's "Your position (its worth to you)" cells, as shown."""
    agenda = table.query_one(AgendaTable)
    return [str(agenda.get_row_at(r)[2]) for r in range(agenda.row_count)]


def expected_column(table: TableScreen, who: int) -> list[str]:
    """What that column must show for `who`: its own public position and its own value of it."""
    view = view_for(table.session.state, who)
    cells = []
    for i in view.agenda:
        mine = view.positions[who][i]
        label = view.issues[i].options[mine].label
        cells.append(f"{view.own.values[i][mine]:.2f} {label}" if mine >= 0 else "(no stated position)")
    return cells


def shows(shown: list[str], full: list[str]) -> bool:
    """Whether each cell shown is its full text, or that text cut to the column with an ellipsis
    (at least its value and a word of the position)."""
    return len(shown) == len(full) and all(
        a == b or (a.endswith("…") and len(a) >= 10 and b.startswith(a[:-1])) for a, b in zip(shown, full, strict=True)
    )


def worth_line(table: TableScreen, who: int) -> str:
    """The issue detail's last line for `who`: what every option of the chosen issue is worth to it."""
    view = view_for(table.session.state, who)
    issue = view.agenda[max(table.query_one(AgendaTable).cursor_row, 0)]
    options = view.issues[issue].options
    return ", ".join(f"{o.label}: {view.own.values[issue][k]:.2f}" for k, o in enumerate(options))


def detail(table: TableScreen) -> str:
    return str(table.query_one("#detail", Static).content)


def test_the_hand_over_hides_one_player_from_the_next(tmp_path: Path) -> None:
    async def body() -> None:
        app = new_app(tmp_path, ("government", "opposition"), seed=1)
        async with driven(app, size=SIZE) as pilot:
            # A hot-seat game opens on the hand-over: nobody's table shows before its player is ready.
            opening = await settle(pilot, hand_over=False)
            assert isinstance(opening, HandOver)
            table = next(s for s in app.screen_stack if isinstance(s, TableScreen))
            names = [d.name for d in table.session.scenario.delegations]
            assert opening.player == names[GOV]
            await press(pilot, "enter")
            await until(pilot, lambda: app.screen is table, "the government's table")
            # The government opens, and sees its own values.
            assert table.session.state.actor == GOV and table.viewer == GOV
            assert names[GOV][:20] in status(table) and "YOUR TURN" in status(table)
            assert shows(own_column(table), expected_column(table, GOV))
            assert worth_line(table, GOV) in detail(table)
            assert worth_line(table, GOV) != worth_line(table, OPP)
            gov_text = screen_text(app)
            assert "Your position (its worth to you)" in gov_text
            # the column is cut to fit the terminal: its start shows
            assert all(cell[:25] in gov_text for cell in expected_column(table, GOV))

            # It passes (from the transcript filling the screen): the opposition is next, and a
            # hand-over covers the table, which it finds in its place
            await press(pilot, "t")
            assert table.maximized is not None
            await press(pilot, "n")
            handover = await screen_of(pilot, HandOver)
            assert table.maximized is None
            assert handover.player == names[OPP]
            assert table.session.state.actor == OPP
            shown = screen_text(app)
            assert "Pass the keyboard to" in shown and names[OPP] in shown
            assert "Your position (its worth to you)" not in shown
            assert not any(cell[:25] in shown for cell in expected_column(table, GOV))
            assert names[GOV] not in shown and "YOUR TURN" not in shown
            # no figure of either side's private view: the hand-over shows no number at all
            assert not any(ch.isdigit() for ch in shown.replace("ctrl+q", "").replace("^q", ""))

            # Enter: the opposition's own view, its name in the status line, its values.
            await press(pilot, "enter")
            await until(pilot, lambda: app.screen is table, "the table again")
            assert table.viewer == OPP
            assert names[OPP][:20] in status(table) and names[GOV][:20] not in status(table)
            assert "YOUR TURN" in status(table)
            assert shows(own_column(table), expected_column(table, OPP))
            assert expected_column(table, OPP) != expected_column(table, GOV)
            assert worth_line(table, OPP) in detail(table)
            assert worth_line(table, GOV) not in detail(table)

            # And back: the opposition passes, the AI plays, the government gets the keyboard.
            await press(pilot, "n")
            handover = await settle(pilot, hand_over=False)
            assert isinstance(handover, HandOver) and handover.player == names[GOV]
            assert "Your position (its worth to you)" not in screen_text(app)
            await press(pilot, "enter")
            # what came of its proposals and what waits for it, for the government's eyes only
            await until(pilot, lambda: isinstance(app.screen, Notice), "the government's summary")
            assert app.screen.title_text == "Since your last move"  # type: ignore[attr-defined]
            assert "Waiting for your answer" in app.screen.body  # type: ignore[attr-defined]
            await press(pilot, "enter")
            await until(pilot, lambda: app.screen is table, "the table again")
            assert table.viewer == GOV and names[GOV][:20] in status(table)
            assert shows(own_column(table), expected_column(table, GOV))
            assert worth_line(table, GOV) in detail(table)

    asyncio.run(body())


def test_a_player_whose_walk_away_value_moved_is_told_alone_after_the_hand_over(tmp_path: Path) -> None:
    """In hot-seat play the transcript is shared, so the summary of a lone player's turn is not
    written there: it is shown to that player alone once the hand-over is passed ("Since your
    last move"), with what moved their own walk-away value, and to no one else. (Before 6
    December 2026 only the walk-away value was said, in a notification: how their proposals
    were answered and what waited for their answer, a lone player's summary, was never told.)"""
    from tests.saves.helpers import scenario_path

    mini = scenario_path("mini").read_text(encoding="utf-8")
    scripted = "      - trust: {from: blue, to: red, delta: -5}\n"
    moved = tmp_path / "moved.yaml"
    moved.write_text(mini.replace(scripted, scripted + "      - walk_away: {delegation: red, delta: 15}\n"))

    async def body() -> None:
        app = new_app(tmp_path, ("red", "blue"), seed=1, scenario=moved)
        async with driven(app, size=SIZE) as pilot:
            told: list[tuple[int, str]] = []
            for _ in range(12):
                read: list[tuple[int, str, str]] = []
                table = await settle(pilot, read=read)
                assert isinstance(table, TableScreen)
                state = table.session.state
                for who, title, body in read:
                    if title == "Since your last move":
                        told += [(who, line.strip()) for line in body.splitlines() if "walk-away value moved" in line]
                if state.round > 2:
                    break
                if any(p.response_of(state.actor) == PENDING for p in state.proposals):
                    await press(pilot, "r")  # a draft waiting for this player's answer: no
                    await reject_answer(pilot)
                await pass_turn(pilot)
            said = {message for _, message in told}
            assert said == {
                "Your walk-away value moved from 0.30 to 0.45 (A clash in the north): no deal is worth more"
                " to you than before, and every offer is judged against it."
            }
            assert {who for who, _ in told} == {0}  # red's own, said on red's turn

    asyncio.run(body())


def test_answering_in_the_closing_session_hands_nothing_over_until_the_player_is_done(tmp_path: Path) -> None:
    """In the closing session a player owing several answers gives them one after another: the
    hand-over screen comes when the floor passes to the other player, not after each answer
    (before, it covered the table and named the same player again after every one)."""
    from game.saves import load, save
    from game.ui.app import make_app
    from tests.saves.helpers import ai_action, new_session

    session = new_session("astana-8", 0, government="human", opposition="human")
    while not (session.state.closing and session.state.actor == GOV):
        session.play(ai_action(session))  # astana-8 seed 0: the government owes four answers there
    state = session.state
    owed = [p.id for p in state.proposals if p.response_of(GOV) == PENDING]
    assert len(owed) >= 2
    path = save(session, tmp_path, "closing")

    async def body() -> None:
        app = make_app(load=path, loaded=load(path), saves_dir=tmp_path, speed=0)
        async with driven(app, size=SIZE) as pilot:
            table = await settle(pilot)  # the cover is lifted for the government
            assert isinstance(table, TableScreen) and table.session.state.actor == GOV
            await press(pilot, "r")
            for k in range(len(owed) - 1):
                await screen_of(pilot, RespondDialog)
                await accept_answer(pilot)
                await until(pilot, lambda k=k: len(table.session.log) > len(session.log) + k, "the answer")
                assert table.session.state.actor == GOV and table.session.state.closing
                assert not isinstance(app.screen, HandOver), f"covered after answer {k + 1}"
            # the dialog comes back for each answer still owed: the last passes the floor on, and
            # the table is covered
            await screen_of(pilot, RespondDialog)
            await press(pilot, "A")
            await until(pilot, lambda: table.session.state.actor != GOV or table.session.state.over, "the floor")
            if table.session.state.actor == OPP:
                await until(pilot, lambda: isinstance(app.screen, HandOver), "the hand-over")

    asyncio.run(body())


def test_the_closing_session_says_its_keys_in_full_at_80_columns(tmp_path: Path) -> None:
    """The status line's closing-session prompt ends with the key that passes: at 80 columns the
    long one ran past the edge and lost "(n)"; a shorter one is said there."""
    from game.saves import load, save
    from game.ui.app import make_app
    from tests.saves.helpers import ai_action, new_session

    session = new_session("astana-8", 0, government="human")
    while not (session.state.closing and session.state.actor == GOV):
        session.play(ai_action(session))
    path = save(session, tmp_path, "closing")

    async def body() -> None:
        for width, prompt in (
            (80, "CLOSING SESSION: answer (r) or pass (n)"),
            (120, "open proposals (r), or pass (n)"),
        ):
            app = make_app(load=path, loaded=load(path), saves_dir=tmp_path, speed=0)
            async with driven(app, size=(width, 30)) as pilot:
                table = await settle(pilot)
                assert isinstance(table, TableScreen)
                line = status(table)
                assert line.endswith(prompt) and len(line) <= width, (width, line)

    asyncio.run(body())


def test_enter_pressed_twice_by_reflex_does_not_pass_the_hand_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A player ending a turn with Enter, twice in a quick reflex, went straight through the
    hand-over and saw the next player's table. For HandOver.GUARD seconds after it names the
    next player it takes no key; after that Enter passes it."""
    import time

    monkeypatch.setattr(HandOver, "GUARD", 0.6)

    async def body() -> None:
        app = new_app(tmp_path, ("government", "opposition"), seed=7)
        async with driven(app, size=SIZE) as pilot:
            table = await settle(pilot)
            assert isinstance(table, TableScreen) and table.viewer == GOV
            await press(pilot, "n")
            handover = await settle(pilot, hand_over=False)
            assert isinstance(handover, HandOver) and handover.player
            await press(pilot, "enter")  # at once: the reflex
            await pilot.pause()
            assert app.screen is handover, "the hand-over passed by a key pressed within the guard"
            time.sleep(max(0.0, HandOver.GUARD - (time.monotonic() - handover._named_at)) + 0.05)
            await press(pilot, "enter")
            await until(pilot, lambda: app.screen is not handover, "the hand-over passed")

    asyncio.run(body())


def test_at_80_columns_a_hot_seat_status_line_names_whose_table_it_is(tmp_path: Path) -> None:
    """With a blocker on the line ("answer the mediator's draft #14 first"), the player's name
    gave way at 80 columns, and in hot-seat play only "(you)" in the delegations said whose table
    it was: the venue's name gives way instead."""

    async def body() -> None:
        app = new_app(tmp_path, ("government", "opposition"), seed=7)
        async with driven(app, size=(80, 24)) as pilot:
            blocked = 0
            for _ in range(16):
                table = await settle(pilot)
                assert isinstance(table, TableScreen)
                state = table.session.state
                if state.over:
                    break
                line = status(table)
                # the file's short name ("Government", "Opposition") where the whole one does not fit
                seat = state.scenario.delegations[table.viewer]
                assert seat.short_name and seat.short_name in line and seat.name not in line, line
                if "YOUR TURN:" in line:
                    blocked += 1
                    await press(pilot, "r")
                    await accept_answer(pilot)
                else:
                    await pass_turn(pilot)
                if blocked >= 2:
                    break
            assert blocked, "no blocker came up on these seeds"

    asyncio.run(body())


def test_the_second_players_first_turn_sums_up_a_meeting_the_first_asked_them_to(tmp_path: Path) -> None:
    """A newcomer at a hot-seat table: the government met the opposition in its first turn; the
    opposition's first turn opened with no summary, and what the meeting taught it was only in
    its brief. Every turn, the first too, now sums up what came before it."""

    async def body() -> None:
        app = new_app(tmp_path, ("government", "opposition"), seed=8)
        async with driven(app, size=SIZE) as pilot:
            table = await settle(pilot)
            assert isinstance(table, TableScreen) and table.viewer == GOV
            await press(pilot, "m", "enter", "enter")  # meet the opposition, the first in the list
            await until(pilot, lambda: any(e.action.kind == "meet" for e in table.session.log), "the meeting")
            while isinstance(app.screen, Notice):  # what the meeting taught the government
                await press(pilot, "enter")
            await pass_turn(pilot)
            read: list[tuple[int, str, str]] = []
            table = await settle(pilot, read=read)
            assert isinstance(table, TableScreen) and table.viewer == OPP
            summaries = [body for who, title, body in read if title == "Since the talks opened" and who == OPP]
            assert len(summaries) == 1
            assert "asks the armed opposition delegation for a private meeting" in summaries[0]
            assert "You learnt:" in summaries[0]

    asyncio.run(body())


def test_f_on_a_players_own_turn_skips_nothing(tmp_path: Path) -> None:
    """Pressed by the government on its own turn, `f` did nothing visible, then hurried the AI's
    moves after the opposition's turn and hid the next round's events from both players. It
    skips only while the AI seats play, and says so when pressed on a player's turn."""

    async def body() -> None:
        app = new_app(tmp_path, ("government", "opposition"), seed=3)
        async with driven(app, size=SIZE) as pilot:
            table = await settle(pilot)
            assert isinstance(table, TableScreen)
            await press(pilot, "f")
            await pilot.pause()
            assert not table.skipping
            assert any("skips the other sides' moves" in str(n.message) for n in app._notifications)

    asyncio.run(body())


def test_after_a_players_last_move_the_status_line_names_the_next_player(tmp_path: Path) -> None:
    """The government's last move was a meeting: behind its notice the status line read "YOUR
    TURN · 2 moves left", the opposition's moves under the government's name."""

    async def body() -> None:
        app = new_app(tmp_path, ("government", "opposition"), seed=8)
        async with driven(app, size=SIZE) as pilot:
            table = await settle(pilot)
            assert isinstance(table, TableScreen) and table.viewer == GOV
            await press(pilot, "s", "enter", "enter")  # a statement: one move left
            await until(pilot, lambda: table.session.state.ap == 1, "the statement")
            await press(pilot, "m", "enter", "enter")  # a meeting: the last
            await until(pilot, lambda: isinstance(app.screen, Notice), "what the meeting taught")
            assert table.viewer == GOV and table.session.state.actor == OPP
            line = table._status().plain
            assert "YOUR TURN" not in line and "next: " in line

    asyncio.run(body())
