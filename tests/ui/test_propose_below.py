"""The builder asks before tabling a package worth less to the player than walking away: a
proposal is its author's yes, and a newcomer's, worth 0.73 against a walk-away value of 0.95, was
sent without a word and signed, where refusing an offer worth having asks first. Accepting such
an offer asks too, on the board and in the answer dialog, where the player's yes decides a deal."""

from __future__ import annotations

import asyncio
import dataclasses
from pathlib import Path

from game.engine.actions import Propose, Respond
from game.engine.records import in_sentence
from game.engine.state import PENDING
from game.engine.utility import state_worth_if_agreed, utility
from game.ui.screens.actions import ProposalBuilder
from game.ui.screens.board import BoardScreen
from game.ui.screens.dialog import ConfirmDialog
from game.ui.widgets.fields import OptionField
from tests.ui.driving import GOV, OPP, accept_answer, driven, new_app, press, screen_of, settle, until
from tests.ui.test_board import board_at_first_turn


def test_a_package_below_the_walk_away_value_is_asked_about_and_sent_only_on_yes(tmp_path: Path) -> None:
    async def body() -> None:
        app = new_app(tmp_path, ("government",), seed=1)
        async with driven(app, size=(80, 24)) as pilot:
            table = await settle(pilot)
            sc = table.session.scenario
            own = sc.delegations[GOV]
            await press(pilot, "p")
            builder = await screen_of(pilot, ProposalBuilder)
            # every issue at the option the government values least, outside its red lines
            deal = list(table.session.state.deal())
            for i, field in builder._fields.items():
                assert isinstance(field, OptionField)
                options = [o for o in range(len(sc.issues[i].options)) if o not in own.red_lines[i]]
                field.value = min(options, key=lambda o, i=i: own.values[i][o])
                deal[i] = field.value
            assert utility(own, deal) < own.reservation, "the package is below the walk-away value"
            moves = len(table.session.log)
            await press(pilot, "enter")
            dialog = await screen_of(pilot, ConfirmDialog)
            assert dialog.question.startswith("Propose a package worth ")
            assert "BELOW your walk-away" in dialog.question and "binds you" in dialog.question
            # Enter gives the safe answer: back in the builder, nothing tabled
            await press(pilot, "enter")
            await screen_of(pilot, ProposalBuilder)
            assert len(table.session.log) == moves
            await press(pilot, "enter")
            await screen_of(pilot, ConfirmDialog)
            await press(pilot, "tab", "enter")  # Propose
            await until(pilot, lambda: len(table.session.log) > moves, "the proposal")
            action = table.session.log[moves].action
            assert isinstance(action, Propose) and action.actor == own.id

    asyncio.run(body())


def test_a_package_worth_more_than_walking_away_is_sent_at_once(tmp_path: Path) -> None:
    async def body() -> None:
        app = new_app(tmp_path, ("government",), seed=1)
        async with driven(app, size=(80, 24)) as pilot:
            table = await settle(pilot)
            moves = len(table.session.log)
            await press(pilot, "p")
            await screen_of(pilot, ProposalBuilder)
            await press(pilot, "enter")  # its stated positions: its opening wish list
            await until(pilot, lambda: len(table.session.log) > moves, "the proposal")
            assert isinstance(table.session.log[moves].action, Propose)

    asyncio.run(body())


def test_accepting_an_offer_below_the_walk_away_value_asks_first_on_the_board(tmp_path: Path) -> None:
    async def body() -> None:
        app = new_app(tmp_path, ("opposition",), seed=1)
        async with driven(app, size=(80, 24)) as pilot:
            table, board, first = await board_at_first_turn(pilot)
            moves = len(table.session.log)
            below = dataclasses.replace(first, pulls_out=False, pulled_then="", worth=first.walk_away - 0.05)
            board.show_contents((below,), True, board.heading)
            await pilot.pause()
            await press(pilot, "a")
            ask = await screen_of(pilot, ConfirmDialog)
            assert ask.question == (
                f"Accept #{first.proposal.id} from {in_sentence(table.session.scenario.delegations[first.proposal.author].name)}, "
                f"worth {below.worth:.2f} to you, BELOW your walk-away {first.walk_away:.2f}?"
            )
            await press(pilot, "enter")  # the safe answer: nothing is sent
            await screen_of(pilot, BoardScreen)
            assert len(table.session.log) == moves
            # a side whose yes decides nothing at the venue is not asked
            board.show_contents((dataclasses.replace(below, signs=False),), True, board.heading)
            await pilot.pause()
            await press(pilot, "a")
            await until(pilot, lambda: len(table.session.log) > moves, "the answer")
            assert table.session.log[moves].action == Respond("opposition", first.proposal.id, True)

    asyncio.run(body())


def test_accepting_an_offer_below_the_walk_away_value_asks_first_in_the_answer_dialog(tmp_path: Path) -> None:
    async def body() -> None:
        app = new_app(tmp_path, ("opposition",), seed=1)
        async with driven(app, size=(80, 24)) as pilot:
            table = await settle(pilot)
            state = table.session.state
            offer = next(p for p in state.proposals if p.response_of(OPP) == PENDING)
            assert state_worth_if_agreed(state, OPP, offer.package) < state.scenario.delegations[OPP].reservation
            moves = len(table.session.log)
            await press(pilot, "r", "a")
            ask = await screen_of(pilot, ConfirmDialog)
            assert ask.question.startswith(f"Accept #{offer.id} from ") and "BELOW your walk-away" in ask.question
            await press(pilot, "enter")
            assert len(table.session.log) == moves
            await accept_answer(pilot)  # a player who means it
            await until(pilot, lambda: len(table.session.log) > moves, "the answer")
            assert table.session.log[moves].action == Respond("opposition", offer.id, True)

    asyncio.run(body())
