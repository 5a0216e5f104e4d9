"""What the rules refuse is shown before a key is pressed, with the engine's reason, and a key
for a refused action says why instead of opening a dialog (so nothing built is lost)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Static

from game.engine.legal import moves_for
from game.ui.app import make_app
from game.ui.screens.actions import ProposalBuilder
from game.ui.screens.table import TableScreen
from game.ui.widgets.keybar import KeyBar
from tests.ui.driving import ASTANA, GOV, accept_answer, driven, new_app, press, settle


def test_a_draft_owed_disables_every_move_but_the_answer(tmp_path: Path) -> None:
    async def body() -> None:
        app = new_app(tmp_path, ("government",), seed=1)
        async with driven(app, size=(80, 24)) as pilot:
            for _ in range(12):
                table = await settle(pilot)
                assert isinstance(table, TableScreen)
                state = table.session.state
                if any(p.draft and p.response_of(GOV) == 0 for p in state.proposals):
                    break
                await press(pilot, "n")
            else:
                raise AssertionError("the mediator never tabled a draft to the government")
            reason = moves_for(table.view).status("propose").reason
            assert "draft" in reason
            bar = table.query_one(KeyBar)
            assert {"propose", "concede", "statement", "meet"} <= set(bar.refused)
            assert "respond" not in bar.refused  # (a pass too waits for the answer)
            assert reason in str(table.query_one("#status", Static).content)
            log = len(table.session.log)
            await press(pilot, "p")
            assert app.screen is table and not any(isinstance(s, ProposalBuilder) for s in app.screen_stack)
            assert any(reason[1:] in n.message for n in app._notifications)
            assert len(table.session.log) == log
            # pressed again and again, the same reason shows once while it is up: stacked, the
            # toasts covered the answer dialog's figures and its Accept button
            await press(pilot, "p", "p", "c", "p")
            assert sum(reason[1:] in n.message for n in app._notifications) == 1
            # answering the draft lifts it
            await press(pilot, "r")
            await accept_answer(pilot)
            await pilot.pause()
            assert "propose" not in table.query_one(KeyBar).refused or not table.view.my_turn

    asyncio.run(body())


def test_no_moves_left_and_nothing_to_answer_are_struck_through(tmp_path: Path) -> None:
    async def body() -> None:
        app = new_app(tmp_path, ("government",), seed=2)
        async with driven(app, size=(80, 24)) as pilot:
            table = await settle(pilot)
            assert isinstance(table, TableScreen)
            bar = table.query_one(KeyBar)
            waiting = any(p.response_of(GOV) == 0 for p in table.session.state.proposals)
            assert ("respond" in bar.refused) == (not waiting)
            line = bar.render()
            struck = [s for s in line.spans if "strike" in str(s.style)]
            assert bool(struck) == bool(bar.refused)

    asyncio.run(body())


def test_pass_is_struck_through_while_the_mediators_draft_waits(tmp_path: Path) -> None:
    """The game a newcomer reported (astana-8, hard, seed 4242, the government, 160 columns):
    while the mediator's draft waits for an answer the rules refuse a pass, and `n Pass` is drawn
    struck through with the other refused moves."""

    async def body() -> None:
        app = make_app(
            scenario=ASTANA, humans=("government",), difficulty="hard", seed=4242, saves_dir=tmp_path, speed=0
        )
        async with driven(app, size=(160, 50)) as pilot:
            for _ in range(6):
                table = await settle(pilot)
                assert isinstance(table, TableScreen)
                if any(p.draft and p.response_of(GOV) == 0 for p in table.session.state.proposals):
                    break
                await press(pilot, "n")
            else:
                raise AssertionError("the mediator never tabled a draft to the government")
            assert not moves_for(table.view).status("pass").allowed
            line = table.query_one(KeyBar).render()
            struck = {line.plain[s.start : s.end] for s in line.spans if "strike" in str(s.style)}
            assert "n Pass" in struck and "p Propose" in struck
            assert not any(text.startswith("r ") for text in struck)  # the answer is what is left
            # and the key says why rather than doing nothing
            log = len(table.session.log)
            await press(pilot, "n")
            assert any("Answer the mediator's draft" in n.message for n in app._notifications)
            assert len(table.session.log) == log

    asyncio.run(body())
