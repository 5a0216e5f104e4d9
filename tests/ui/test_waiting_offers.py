"""The status line says when offers wait for the player's answer: answers cost no move, and an
offer lapses at the end of the round after the one it was made in, yet a newcomer's first turns
said nothing of the offers already made to them."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Static

from game.play.choices import pending_proposals
from game.ui.screens.table import TableScreen
from game.ui.widgets.keybar import KeyBar
from tests.ui.driving import accept_answer, driven, new_app, press, settle


def test_the_status_line_counts_the_offers_waiting_for_an_answer(tmp_path: Path) -> None:
    async def body() -> None:
        app = new_app(tmp_path, ("government",), seed=3)
        async with driven(app, size=(80, 24)) as pilot:
            seen_waiting = seen_none = False
            for _ in range(14):
                table = await settle(pilot)
                assert isinstance(table, TableScreen)
                status = str(table.query_one("#status", Static).content)
                waiting = len(pending_proposals(table.view))
                draft_first = "propose" in table.query_one(KeyBar).refused and "answer" in status
                if table.session.state.over:
                    break
                if waiting and not draft_first and "moves left" in status:
                    noun = "offer" if waiting == 1 else "offers"
                    assert f"{waiting} {noun} to answer (r)" in status
                    seen_waiting = True
                elif not waiting:
                    assert "to answer" not in status
                    seen_none = True
                if seen_waiting and seen_none:
                    break
                # a mediator's draft is answered first (the line says so instead): accept it
                if draft_first:
                    await press(pilot, "r")
                    await accept_answer(pilot)
                else:
                    await press(pilot, "n")
            assert seen_waiting and seen_none

    asyncio.run(body())


def test_at_80_columns_the_line_says_what_the_turn_waits_on_whatever_the_venue_is_called(tmp_path: Path) -> None:
    """harbour-contract's venue, "Talks at the mediation service", left "YOUR TURN: answer the
    mediator's" on an 80-column line, the draft's number and the key cut off: the venue's name now
    gives way, after the player's, and the whole of what the turn waits on shows."""
    harbour = Path(__file__).resolve().parents[2] / "scenarios" / "harbour-contract.yaml"

    async def body() -> None:
        app = new_app(tmp_path, ("union",), seed=21, scenario=harbour, difficulty="hard")
        async with driven(app, size=(80, 24)) as pilot:
            table = await settle(pilot)
            assert isinstance(table, TableScreen)
            status = str(table.query_one("#status", Static).content)
            assert status.rstrip().endswith("first (r)"), status
            assert "YOUR TURN: answer the mediator's draft #" in status
            assert status.startswith(" Talks at") and "… · round 1/6 · " in status and len(status) <= 80

    asyncio.run(body())
