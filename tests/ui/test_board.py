"""The proposals board and the history screen, driven by keys at 80x24 in real astana-8 games.

pytest-asyncio is not installed, so each test runs its async body with asyncio.run().
"""

from __future__ import annotations

import asyncio
import dataclasses
from pathlib import Path
from typing import Any

from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from game.engine import Respond, view_for
from game.engine.utility import utility, with_package
from game.play.board import Entry
from game.play.choices import toll_a_round
from game.play.history import Chronicle
from game.ui.format import against, brief_issue, toll
from game.ui.screens.actions import ProposalBuilder
from game.ui.screens.board import BoardScreen
from game.ui.screens.brief import BriefScreen
from game.ui.screens.history import HistoryScreen
from game.ui.widgets.fields import OptionField
from game.ui.widgets.wrapped import WrappedText
from tests.ui.driving import OPP, driven, new_app, press, screen_of, screen_text, settle, until

SIZE = (80, 24)


def test_the_board_lists_every_open_proposal_and_answers_one(tmp_path: Path) -> None:
    async def body() -> None:
        app = new_app(tmp_path, ("opposition",), seed=1)
        async with driven(app, size=SIZE) as pilot:
            table = await settle(pilot)
            state = table.session.state
            assert state.actor == OPP and state.proposals, "the government opens with a proposal"
            await press(pilot, "o")
            board = await screen_of(pilot, BoardScreen)
            rows = board.query_one("#board-list", DataTable)
            assert rows.row_count == len(state.proposals)
            own = state.scenario.delegations[OPP]
            first = board.entries[0]
            assert first.waiting_for_me and rows.cursor_row == 0
            worth = utility(own, with_package(state.deal(), first.proposal.package))
            shown = screen_text(app)
            # what it is worth and the walk-away, in words, and every issue of the package
            assert f"worth {worth:.2f} to you" in shown and f"walk-away {own.reservation:.2f}" in shown
            detail = str(board.query_one("#board-detail", Static).content)
            assert detail.count("\n") >= len(first.proposal.package)
            assert state.scenario.delegations[first.proposal.author].name in detail
            await press(pilot, "a")
            # (signing it would pull the opposition out: asked first, and confirmed)
            from game.ui.screens.dialog import ConfirmDialog

            assert first.pulls_out
            await screen_of(pilot, ConfirmDialog)
            await press(pilot, "tab", "enter")
            await until(pilot, lambda: len(table.session.log) > 0, "the answer")
            assert table.session.log[-1].action == Respond("opposition", first.proposal.id, True)

    asyncio.run(body())


def test_page_down_scrolls_the_detail_from_the_list(tmp_path: Path) -> None:
    """With two proposals or more at 80x24, a package's detail runs past its box (each option
    written whole): its last lines were out of reach until a Tab put the focus in it, and nothing
    said so. (Here a shorter terminal makes the one proposal of round 1 run past it.)"""

    async def body() -> None:
        app = new_app(tmp_path, ("opposition",), seed=1)
        async with driven(app, size=(80, 20)) as pilot:
            await settle(pilot)
            await press(pilot, "o")
            board = await screen_of(pilot, BoardScreen)
            await pilot.pause()
            box = board.query_one("#board-detail-box", VerticalScroll)
            assert board.focused is board.query_one("#board-list", DataTable)
            await until(pilot, lambda: box.max_scroll_y > 0, "a detail longer than its box")
            await press(pilot, "pagedown")
            await until(pilot, lambda: box.scroll_y > 0, "the detail scrolled down")
            await press(pilot, "pageup")
            await until(pilot, lambda: box.scroll_y == 0, "the detail scrolled back")
            assert board.query_one("#board-list", DataTable).cursor_row == 0  # the list did not move

    asyncio.run(body())


def test_the_board_opens_the_builder_from_a_proposal(tmp_path: Path) -> None:
    async def body() -> None:
        app = new_app(tmp_path, ("opposition",), seed=2)
        async with driven(app, size=SIZE) as pilot:
            table = await settle(pilot)
            package = dict(table.session.state.proposals[0].package)
            await press(pilot, "o")
            await screen_of(pilot, BoardScreen)
            await press(pilot, "e")
            builder = await screen_of(pilot, ProposalBuilder)
            red = table.session.scenario.delegations[OPP].red_lines
            for issue, field in builder._fields.items():
                want = package.get(issue, -1)
                assert isinstance(field, OptionField)
                assert field.value == (want if want >= 0 and want not in red[issue] else -1)
            # Esc gives the counter up and goes back to the board, not past it to the table
            await press(pilot, "escape")
            await screen_of(pilot, BoardScreen)

    asyncio.run(body())


def test_the_history_filters_by_round_delegation_and_answers_to_me(tmp_path: Path) -> None:
    async def body() -> None:
        app = new_app(tmp_path, ("government",), seed=1)
        async with driven(app, size=SIZE) as pilot:
            table = await settle(pilot)
            await press(pilot, "p", "enter")  # the government's opening wish list
            await until(pilot, lambda: len(table.session.log) > 0, "the proposal")
            for _ in range(2):  # two rounds of answers and moves
                table = await settle(pilot)
                await press(pilot, "n")
            table = await settle(pilot)
            await press(pilot, "h")
            history = await screen_of(pilot, HistoryScreen)
            log = history.query_one(WrappedText)
            # it opens on the latest lines, at the bottom (scrolled there after its first repaint)
            await until(pilot, lambda: log.max_scroll_y > 0 and log.scroll_offset.y == log.max_scroll_y, "the end")
            text = history.text()
            chronicle = table.chronicle
            assert "round 1 —" in text and "round 2 —" in text and "momentum" in text
            # the proposal written compactly: shorter than the engine's full sentence
            full = next(line.record.text for line in chronicle.lines if line.record.kind == "propose")
            compact = next(line for line in text.splitlines() if "propose" in line and "#1" in line)
            assert len(compact) < len(full)
            # every delegation in the third person, the government's own moves marked (it read
            # "You propose #1" beside "Government of the Syrian Arab Republic concedes ...")
            gov = table.session.scenario.delegations[0].name
            assert f"▸ {gov} proposes #1 to " in text.replace("\n", " ")
            # (each line of every seat's history: tests/ui/test_history_lines.py)
            assert "▸ = your moves" in str(history.query_one("#history-filters", Static).content)
            # answers to me: only answers to the government's own proposals
            await press(pilot, "a")
            answers = said(history)
            # its filters on one line at 80 columns, the legend of the marks left out to fit (a
            # newcomer saw "... answers to me (k," and "a)" on two lines)
            filters = history.query_one("#history-filters", Static)
            await pilot.pause()
            assert filters.size.height == 1
            line = filters.render_lines(Region(0, 0, filters.size.width, 1))[0].text
            assert line.rstrip().endswith("answers to me (k, a)") and "your moves" not in line, line
            mine = {t.id for t in chronicle.tabled.values() if t.author == 0}
            lines = [line for line in answers.splitlines() if line and not line.startswith("—")]
            assert lines and all(" proposal #" in line for line in lines)
            assert all(any(f"#{p}." in line for p in mine) for line in lines)
            # one round only, then one delegation
            await press(pilot, "x", "r")
            one_round = said(history)
            assert "round 1 —" in one_round and "round 2 —" not in one_round
            await press(pilot, "x", "d")  # everyone, then the government, whose name is long
            # every filter in sight at 80 columns: the kind filter (k) was pushed off the line
            filters = history.query_one("#history-filters", Static)
            await pilot.pause()
            shown = " ".join(
                s.text for s in filters.render_lines(Region(0, 0, filters.size.width, filters.size.height))
            )
            assert app.size.width == 80 and "(r)" in shown and "(d)" in shown and "everything (k)" in shown, shown
            await press(pilot, "d")  # the opposition
            theirs = said(history)
            opp = table.session.scenario.delegations[OPP].name
            moves = [line for line in theirs.splitlines() if line and not line.startswith("—")]
            assert moves and all(line.startswith(opp) or line.startswith("Proposal") for line in moves)
            # written to the width: wider terminal, fewer lines
            await press(pilot, "x")
            narrow = history.text().splitlines()
            await pilot.resize_terminal(160, 24)
            await until(pilot, lambda: len(history.text().splitlines()) < len(narrow), "the lines wrapped wider")
            assert max(map(len, history.text().splitlines())) > 80

    asyncio.run(body())


def said(history: HistoryScreen) -> str:
    """The history's paragraphs as shown (before wrapping), one a line."""
    return "\n".join(p.plain for p in history.paragraphs())


def test_the_chronicle_built_during_play_equals_the_one_replayed_from_the_log(tmp_path: Path) -> None:
    async def body() -> None:
        app = new_app(tmp_path, ("government",), seed=3)
        async with driven(app, size=SIZE) as pilot:
            table = await settle(pilot)
            live = table.chronicle  # built now, then kept up to date move by move
            await press(pilot, "p", "enter")
            for _ in range(3):
                table = await settle(pilot)
                await press(pilot, "n")
            await settle(pilot)
            replayed = Chronicle.replay(
                table.session.scenario, table.session.seed, [e.action for e in table.session.log]
            )
            # the same, but for the reasons the AIs gave as they played: words a save does not keep
            assert any(line.reason for line in live.lines) and not any(line.reason for line in replayed.lines)
            assert [dataclasses.replace(line, reason="") for line in live.lines] == replayed.lines
            assert live.tabled == replayed.tabled
            assert [line.record for line in live.lines] == table.session.records

    asyncio.run(body())


def test_the_brief_gives_weights_red_lines_what_was_learnt_and_what_trust_does(tmp_path: Path) -> None:
    async def body() -> None:
        app = new_app(tmp_path, ("opposition",), seed=4)
        async with driven(app, size=(100, 40)) as pilot:
            table = await settle(pilot)
            await press(pilot, "m", "enter", "enter")  # meet the first delegation listed
            await until(pilot, lambda: bool(table.view.learned), "the meeting")
            while app.screen is not table:
                await press(pilot, "enter")  # what the meeting taught, and anything after it
            await press(pilot, "i")
            brief = await screen_of(pilot, BriefScreen)
            text = str(brief.query_one("#brief-text", Static).content)
            view = table.view
            assert f"Walk-away (your utility with no deal): {view.own.reservation:.2f}" in text
            for i in view.agenda:
                assert f"{view.own.weights[i]:>4.0%}" in text
                for o in view.own.red_lines[i]:
                    # a long label goes on under its row, at the row's indent
                    assert f"✗ red line: {view.issues[i].options[o].label}" in " ".join(text.split())
                # where the position stated is not the option worth most, that one, with its worth
                values = view.own.values[i]
                best = max(range(len(values)), key=lambda o: values[o])
                said = f"best for you: {view.issues[i].options[best].label} ({values[best]:.2f})"
                stands = view.positions[view.me][i]
                assert (said in " ".join(text.split())) == (view.settled[i] < 0 and best != stands)
            # the others' red lines, each whole: cut at 30 letters, one could not be told from
            # the option beside it ("Sochi congress: The date, the preparatory mee…")
            flat = " ".join(text.split())
            others = [
                (d, i, o)
                for d in range(len(view.delegations))
                if d != view.me
                for i in view.agenda
                for o in view.red_lines[d][i]
            ]
            assert others
            for _, i, o in others:
                # "refuses": a newcomer read "red line: Sieges ...: The siege is lifted" as a demand
                assert f"red line, refuses: {view.issues[i].name}: {view.issues[i].options[o].label}" in flat
            _, issue, weight = view.learned[0]
            assert f"{brief_issue(view.issues[issue].name)} {weight:.0%}" in text
            assert "from meetings" in text and "Momentum (0-100)" in text and "Trust (0-100)" in text

    asyncio.run(body())


def test_p_opens_the_builder_at_the_players_last_package_at_the_venue(tmp_path: Path) -> None:
    """Two newcomers adjusting their offer round by round entered all seven issues again each
    time: `p` opened the builder at their stated positions. It now opens at their last package at
    the venue, open or closed, and says so in its title; before any, at the positions."""
    from game.engine import Propose

    async def body() -> None:
        app = new_app(tmp_path, ("opposition",), seed=2)
        async with driven(app, size=SIZE) as pilot:
            table = await settle(pilot)
            await press(pilot, "p")
            builder = await screen_of(pilot, ProposalBuilder)
            assert builder.title_text() == "Propose a package"
            positions = table.view.positions[OPP]
            assert all(f.value in (positions[i], -1) for i, f in builder._fields.items())
            await press(pilot, "escape")
            await until(pilot, lambda: app.screen is table, "the builder to close")
            sc = table.session.scenario
            red = sc.delegations[OPP].red_lines
            # two issues, each at an option off the player's position and outside its red line
            chosen = {}
            for i in builder._fields:
                if len(chosen) == 2:
                    break
                options = [o for o in range(len(sc.issues[i].options)) if o not in red[i] and o != positions[i]]
                if options:
                    chosen[i] = options[0]
            package = tuple((sc.issues[i].id, sc.issues[i].options[o].id) for i, o in chosen.items())
            number = table.session.state.next_proposal
            table._act(Propose("opposition", package, ("government",)))
            await until(pilot, lambda: any(p.id == number for p in table.view.proposals), "the proposal")
            await press(pilot, "p")
            builder = await screen_of(pilot, ProposalBuilder)
            assert builder.title_text() == f"Propose a package, from your #{number}"
            for i, field in builder._fields.items():
                assert field.value == chosen.get(i, -1)

    asyncio.run(body())


def test_at_80x24_a_red_line_mark_stays_on_the_line_of_its_option(tmp_path: Path) -> None:
    """The detail's lines were laid out to its width before its scroll bar came (the package runs
    past the box at 80x24), and the bar then took two columns: each line with a red line's mark
    wrapped, "Operations against groups outside the  0.00  ✗ red", then "line" alone. The lines
    now fit the width the detail has beside the bar."""
    from game.play.board import entries
    from tests.ui.stated_offer import SEED, stated_offer

    offer = stated_offer()  # the government's stated positions: three are red lines for the opposition
    sc = offer.scenario
    (theirs,) = entries(offer.state, OPP, offer.chronicle)
    marked = sum(item.red_line for item in theirs.items)
    assert marked >= 2

    async def body() -> None:
        app = new_app(tmp_path, ("opposition",), seed=SEED)
        async with driven(app, size=SIZE) as pilot:
            await settle(pilot)
            app.push_screen(BoardScreen(sc, OPP, (theirs,), True, "The proposals"))
            board = await screen_of(pilot, BoardScreen)
            box = board.query_one("#board-detail-box", VerticalScroll)
            detail = board.query_one("#board-detail", Static)
            await until(pilot, lambda: box.max_scroll_y > 0, "a detail longer than its box (its scroll bar shown)")
            await pilot.pause()
            lines = [strip.text.rstrip() for strip in detail.render_lines(Region(0, 0, *detail.size))]
            assert sum(line.endswith("  ✗ red line") for line in lines) == marked, lines
            assert not any(line.strip() in ("line", "red line") for line in lines), lines

    asyncio.run(body())


async def board_at_first_turn(pilot: Pilot[Any], shift: float | None = None) -> tuple[Any, BoardScreen, Entry]:
    """The board opened at the opposition's first turn (astana-8, seed 1): the table, the board,
    and its first row, that row's worth set `shift` from the walk-away value when one is given
    (the board shows it so)."""
    table = await settle(pilot)
    await press(pilot, "o")
    board = await screen_of(pilot, BoardScreen)
    first = board.entries[0]
    if shift is not None:
        first = dataclasses.replace(first, worth=first.walk_away + shift)
        board.show_contents((first, *board.entries[1:]), True, board.heading)
        await pilot.pause()
    return table, board, first


def test_rejecting_on_the_board_asks_first(tmp_path: Path) -> None:
    """`r` opens the answer dialog at the table and rejects on the board: a newcomer pressed it
    there to answer and had refused an offer without a word. It asks, and Enter keeps the offer."""
    from game.ui.screens.dialog import ConfirmDialog

    async def body() -> None:
        app = new_app(tmp_path, ("opposition",), seed=1)
        async with driven(app, size=SIZE) as pilot:
            # asked only of an offer worth having
            table, _, first = await board_at_first_turn(pilot, 0.01)
            moves = len(table.session.log)  # the government's, before the player's turn
            await press(pilot, "r")
            ask = await screen_of(pilot, ConfirmDialog)
            author = table.session.scenario.delegations[first.proposal.author].name
            assert ask.question.startswith(f"Reject #{first.proposal.id} from {author}? It is worth ")
            # ...and what refusing keeps running: the toll of each round on the issues it settles
            # (no screen said that agreeing stops it), by the engine's rule
            now, after = toll_a_round(view_for(table.session.state, OPP), first.proposal.package)
            assert now > after
            kept = (
                f" Agreed, it would end the toll of {toll(now)} that each round costs you."
                if after < 0.0005
                else f" Agreed, it would bring the toll each round costs you from {toll(now)} down to {toll(after)}."
            )
            # ...and, where signing it would get the player pulled out, that too (a newcomer saw it
            # only below the question)
            assert first.pulls_out
            pulled = f" Accepting it would get you pulled out by your hardliners ({first.pulled_then})."
            assert ask.question.endswith(f"to you, above your walk-away {first.walk_away:.2f}.{pulled}{kept}")
            await press(pilot, "enter")  # the safe answer: nothing is sent
            await screen_of(pilot, BoardScreen)
            assert len(table.session.log) == moves
            await press(pilot, "r")
            await screen_of(pilot, ConfirmDialog)
            await press(pilot, "tab", "enter")
            await until(pilot, lambda: len(table.session.log) > moves, "the answer")
            assert table.session.log[moves].action == Respond("opposition", first.proposal.id, False)

    asyncio.run(body())


def test_accept_and_reject_are_struck_through_on_a_proposal_not_waiting_for_the_player(tmp_path: Path) -> None:
    """A newcomer in a seat that signs nothing was offered Accept and Reject on every row, and
    each press only said no. The keys are struck through where the highlighted proposal is not
    put to the player (or the turn is another's), and a press says why."""
    from game.ui.widgets.keybar import KeyBar

    async def body() -> None:
        app = new_app(tmp_path, ("opposition",), seed=1)
        async with driven(app, size=SIZE) as pilot:
            table, board, first = await board_at_first_turn(pilot)
            keys = board.query_one("#board-keys", KeyBar)
            assert first.waiting_for_me and keys.refused == {}
            not_mine = dataclasses.replace(first, waiting_for_me=False)
            board.show_contents((not_mine, *board.entries[1:]), True, board.heading)
            await pilot.pause()
            assert set(keys.refused) == {"answer(True)", "answer(False)"}
            moves = len(table.session.log)
            await press(pilot, "a")
            assert "not waiting for your answer" in str(board.query_one("#board-problem", Static).content)
            assert len(table.session.log) == moves and app.screen is board
            board.show_contents((first, *board.entries[1:]), False, board.heading)  # the others' turn
            await pilot.pause()
            assert set(keys.refused) == {"answer(True)", "answer(False)", "counter"}
            board.show_contents((first, *board.entries[1:]), True, board.heading)
            await pilot.pause()
            assert keys.refused == {}

    asyncio.run(body())


def test_rejecting_on_the_board_an_offer_below_the_walk_away_value_asks_nothing(tmp_path: Path) -> None:
    """Asked "Reject #5? It is worth 0.57 to you, below your walk-away value of 0.58" with "Think
    again" as the safe answer, two newcomers read the question backwards: rejecting was right. An
    offer below the walk-away value is rejected at once; one above it is asked about (above)."""
    from game.ui.screens.dialog import ConfirmDialog

    async def body() -> None:
        app = new_app(tmp_path, ("opposition",), seed=1)
        async with driven(app, size=SIZE) as pilot:
            table, _, first = await board_at_first_turn(pilot, -0.01)
            moves = len(table.session.log)
            await press(pilot, "r")
            await until(pilot, lambda: len(table.session.log) > moves, "the answer")
            assert not isinstance(app.screen, ConfirmDialog)
            assert table.session.log[moves].action == Respond("opposition", first.proposal.id, False)

    asyncio.run(body())


def test_edit_as_counter_is_refused_up_front_while_the_rules_refuse_a_proposal(tmp_path: Path) -> None:
    """With the mediator's draft unanswered, `e` on the board opened the builder, and the package a
    newcomer built there was refused when sent ("answer the mediator's draft #1 first") and lost.
    The key is struck through and says why, as `p` at the table does, until the draft is answered."""
    from game.engine.legal import moves_for
    from game.scenario import bundled
    from game.ui.screens.actions import ProposalBuilder
    from game.ui.widgets.keybar import KeyBar

    async def body() -> None:
        app = new_app(tmp_path, ("bosnia",), seed=1, scenario=bundled()["dayton-1995"])
        async with driven(app, size=SIZE) as pilot:
            table = await settle(pilot)
            reason = moves_for(table.view).status("propose").reason
            assert "draft" in reason  # Dayton's chair tables its draft before Bosnia's first turn
            await press(pilot, "o")
            board = await screen_of(pilot, BoardScreen)
            assert board.query_one("#board-keys", KeyBar).refused.get("counter") == reason[0].upper() + reason[1:] + "."
            await press(pilot, "e")
            assert str(board.query_one("#board-problem", Static).content) == reason[0].upper() + reason[1:] + "."
            assert app.screen is board and not isinstance(app.screen, ProposalBuilder)
            # answered, the draft no longer stands in the way: `e` opens the builder
            assert board.entries[0].proposal.draft and board.entries[0].waiting_for_me  # under the cursor
            await press(pilot, "a")
            await until(pilot, lambda: not table.refusal("propose"), "the draft answered")
            await press(pilot, "o")  # (nothing else waits for an answer: the board closed)
            board = await screen_of(pilot, BoardScreen)
            assert "counter" not in board.query_one("#board-keys", KeyBar).refused
            await press(pilot, "e")
            await screen_of(pilot, ProposalBuilder)

    asyncio.run(body())


def test_accepting_on_the_board_asks_first_where_it_pulls_you_out_or_a_better_offer_waits(tmp_path: Path) -> None:
    """A newcomer, the cursor a row below where they thought (Home had not gone back to the first
    row), signed an offer worth 0.37 over one worth 0.51 and was pulled out by what it cost. `a`
    signs at once only where neither holds; Home and End go to the first and last row."""
    from game.ui.screens.dialog import ConfirmDialog

    async def body() -> None:
        app = new_app(tmp_path, ("opposition",), seed=1)
        async with driven(app, size=SIZE) as pilot:
            table, board, first = await board_at_first_turn(pilot)
            moves = len(table.session.log)
            # (above the walk-away value: one below it is asked about too, tests/ui/test_propose_below.py)
            plain = dataclasses.replace(first, pulls_out=False, pulled_then="", worth=first.walk_away + 0.05)
            worse = dataclasses.replace(plain, worth=first.walk_away + 0.05)
            better_proposal = dataclasses.replace(first.proposal, id=first.proposal.id + 100)
            better = dataclasses.replace(plain, proposal=better_proposal, worth=first.walk_away + 0.2)
            board.show_contents((better, worse), True, board.heading)
            await pilot.pause()
            listing = board.query_one("#board-list", DataTable)
            await press(pilot, "down")
            assert listing.cursor_row == 1
            await press(pilot, "home")
            assert listing.cursor_row == 0
            await press(pilot, "end")
            assert listing.cursor_row == 1 and board.current() == worse
            await press(pilot, "a")
            ask = await screen_of(pilot, ConfirmDialog)
            assert ask.question.startswith(f"Accept #{first.proposal.id} from ")
            assert ask.question.endswith(
                f"#{better_proposal.id}, also waiting for your answer, is worth {better.worth:.2f} to you."
            )
            await press(pilot, "enter")
            await screen_of(pilot, BoardScreen)
            # two worths that round alike are written to the places that tell them apart
            close = dataclasses.replace(better, worth=worse.worth + 0.0051)
            board.show_contents((close, worse), True, board.heading)
            await pilot.pause()
            await press(pilot, "end", "a")
            ask = await screen_of(pilot, ConfirmDialog)
            ours, theirs = against(close.worth, worse.worth)[1], against(close.worth, worse.worth)[0]
            assert ours != theirs and f"worth {ours} to you?" in ask.question
            assert ask.question.endswith(f"is worth {theirs} to you.")
            await press(pilot, "enter")  # the safe answer: nothing is sent
            await screen_of(pilot, BoardScreen)
            # astana-8's first offer to the opposition costs it all but 2 of its support
            assert first.pulls_out and first.pulled_then == "the deal stands"
            board.show_contents((first,), True, board.heading)
            await pilot.pause()
            await press(pilot, "a")
            ask = await screen_of(pilot, ConfirmDialog)
            said = first.signing[0].upper() + first.signing[1:]
            # and what being pulled out does to the player (a newcomer did not know)
            assert (
                f"{said}: your hardliners would pull you out (the deal stands); you would leave the table "
                "(no more moves) and score what is agreed." in ask.question
            )
            await press(pilot, "enter")
            await screen_of(pilot, BoardScreen)
            assert "Your yes makes it the agreement." not in ask.question  # others' answers wait
            # ...and where the others have all said yes, the question says the yes decides it
            board.show_contents((dataclasses.replace(first, decides=True),), True, board.heading)
            await pilot.pause()
            await press(pilot, "a")
            ask = await screen_of(pilot, ConfirmDialog)
            assert "? Your yes makes it the agreement. " in ask.question
            await press(pilot, "enter")
            await screen_of(pilot, BoardScreen)
            assert len(table.session.log) == moves
            # neither (another waiting offer worth what this one is, as the figures show it): at once
            same = dataclasses.replace(better, worth=plain.worth + 0.004)
            board.show_contents((plain, same), True, board.heading)
            await pilot.pause()
            await press(pilot, "a")

            await until(pilot, lambda: len(table.session.log) > moves, "the answer")
            assert table.session.log[moves].action == Respond("opposition", first.proposal.id, True)

    asyncio.run(body())


def test_the_brief_names_the_option_worth_most_with_its_worth_where_the_position_is_another() -> None:
    """A tester read "you stand at: ... (0.90)" and could not tell what was worth more: after a
    concession the position stated is not the option worth most, which the brief names with its
    worth."""
    import dataclasses

    from game.engine import view_for
    from game.ui.screens.brief import brief
    from tests.saves.helpers import new_session

    session = new_session("astana-8", 4, "normal", opposition="human")
    view = view_for(session.state, 1)
    i = view.agenda[0]
    values = view.own.values[i]
    best = max(range(len(values)), key=lambda o: values[o])
    other = next(o for o in range(len(values)) if o != best and o not in view.own.red_lines[i])
    positions = tuple(
        tuple(other if (d == view.me and k == i) else p for k, p in enumerate(row))
        for d, row in enumerate(view.positions)
    )
    text = " ".join(brief(dataclasses.replace(view, positions=positions)).plain.split())
    assert f"you stand at: {view.issues[i].options[other].label} ({values[other]:.2f})" in text
    assert f"best for you: {view.issues[i].options[best].label} ({values[best]:.2f})" in text
