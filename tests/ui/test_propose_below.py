"""The builder asks before tabling a package worth less to the player than walking away: a
proposal is its author's yes, and a newcomer's, worth 0.73 against a walk-away value of 0.95, was
sent without a word and signed, where refusing an offer worth having asks first. Accepting such
an offer asks too, on the board and in the answer dialog, where the player's yes decides a deal."""

from __future__ import annotations

import asyncio
import dataclasses
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Static

from game.engine import Pass, apply, view_for
from game.engine.actions import Propose, Respond
from game.engine.records import in_sentence
from game.engine.state import PENDING, State
from game.engine.utility import state_worth_if_agreed
from game.play import choices
from game.play.board import entries
from game.play.history import Chronicle
from game.ui.format import BELOW_BY, toll_stopped
from game.ui.screens.actions import ProposalBuilder
from game.ui.screens.board import BoardScreen
from game.ui.screens.dialog import ConfirmDialog
from game.ui.widgets.fields import OptionField
from tests.saves.helpers import new_session
from tests.ui.driving import GOV, OPP, SOCHI, accept_answer, driven, new_app, press, screen_of, settle, until
from tests.ui.test_board import board_at_first_turn


async def cheapest(pilot: Pilot[Any], state: State, me: int) -> ProposalBuilder:
    """The builder opened (p) with every issue at the option `me` values least outside its red
    lines: a package below its walk-away value."""
    sc = state.scenario
    own = sc.delegations[me]
    await press(pilot, "p")
    builder = await screen_of(pilot, ProposalBuilder)
    package = []
    for i, field in builder._fields.items():
        assert isinstance(field, OptionField)
        options = [o for o in range(len(sc.issues[i].options)) if o not in own.red_lines[i]]
        field.value = min(options, key=lambda o, i=i: own.values[i][o])
        package.append((i, field.value))
    await pilot.pause()
    assert state_worth_if_agreed(state, me, package) < own.reservation - BELOW_BY, "not below the walk-away value"
    return builder


def test_a_package_below_the_walk_away_value_is_asked_about_and_sent_only_on_yes(tmp_path: Path) -> None:
    async def body() -> None:
        app = new_app(tmp_path, ("government",), seed=1)
        async with driven(app, size=(80, 24)) as pilot:
            table = await settle(pilot)
            sc = table.session.scenario
            own = sc.delegations[GOV]
            await cheapest(pilot, table.session.state, GOV)
            moves = len(table.session.log)
            await press(pilot, "enter")
            dialog = await screen_of(pilot, ConfirmDialog)
            assert dialog.question.startswith("Propose a package worth ")
            assert "BELOW your walk-away" in dialog.question and "binds you" in dialog.question
            # ...and what agreeing it does to the toll each round costs (a newcomer set the worth
            # against the walk-away value alone)
            assert "Agreed, it would end the toll of " in dialog.question or (
                "Agreed, it would bring the toll each round costs you" in dialog.question
            ), dialog.question
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
            # with what agreeing it does to the rounds' toll, as the question before a refusal says:
            # "BELOW your walk-away" alone hid that no deal costs a toll each round (a newcomer's)
            assert below.toll[0] - below.toll[1] >= 0.0005, "no toll stopped: nothing tested"
            assert ask.question == (
                f"Accept #{first.proposal.id} from {in_sentence(table.session.scenario.delegations[first.proposal.author].name)}, "
                f"worth {below.worth:.2f} to you, BELOW your walk-away {first.walk_away:.2f}?"
                + toll_stopped(*below.toll, below.venues_follow)
            )
            assert " Agreed, it would " in ask.question
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
            # ...with what agreeing it does to the rounds' toll, as the board's question says
            view = view_for(state, OPP)
            assert toll_stopped(*choices.toll_a_round(view, offer.package), False) in ask.question
            assert " Agreed, it would " in ask.question
            await press(pilot, "enter")
            assert len(table.session.log) == moves
            await accept_answer(pilot)  # a player who means it
            await until(pilot, lambda: len(table.session.log) > moves, "the answer")
            assert table.session.log[moves].action == Respond("opposition", offer.id, True)

    asyncio.run(body())


def test_a_side_that_signs_nothing_is_asked_without_being_told_it_is_bound(tmp_path: Path) -> None:
    """A reviewer's: the SNC at Sochi, which signs nothing, was told that proposing was its yes
    and bound it. Its package is agreed all the same if the signatories accept it."""

    async def body() -> None:
        app = new_app(tmp_path, ("snc",), seed=1, scenario=SOCHI)
        async with driven(app, size=(80, 24)) as pilot:
            table = await settle(pilot)
            state = table.session.state
            me = state.scenario.delegation_index["snc"]
            assert me not in state.scenario.venues[state.venue].signatories
            await cheapest(pilot, state, me)
            await press(pilot, "enter")
            ask = await screen_of(pilot, ConfirmDialog)
            assert ask.question.startswith("Propose a package worth ")
            assert "? If the signatories accept it, it is agreed." in ask.question
            assert "binds you" not in ask.question

    asyncio.run(body())


def test_a_package_that_cannot_be_agreed_is_sent_without_the_question(tmp_path: Path) -> None:
    """A reviewer's: put to all but a signatory, it can be answered, never agreed (the builder's
    message line says so), and the question said it would bind."""

    async def body() -> None:
        app = new_app(tmp_path, ("government",), seed=1)
        async with driven(app, size=(80, 24)) as pilot:
            table = await settle(pilot)
            moves = len(table.session.log)
            builder = await cheapest(pilot, table.session.state, GOV)
            builder._boxes[OPP].value = False  # the opposition, a signatory, left unasked
            await pilot.pause()
            await press(pilot, "enter")
            await until(pilot, lambda: len(table.session.log) > moves, "the proposal")
            action = table.session.log[moves].action
            assert isinstance(action, Propose) and "opposition" not in action.to

    asyncio.run(body())


def test_the_board_asks_only_where_the_players_yes_can_make_the_deal() -> None:
    """An offer not put to every signatory present can be answered, never agreed: a yes to it
    binds nothing, and the board does not ask before it (nor for a side that signs nothing)."""
    session = new_session("astana-8", 1, opposition="human")
    state = session.state
    while state.actor != GOV:
        state = apply(state, Pass(state.scenario.delegations[state.actor].id))[0]
    package = (("detainees", state.scenario.issues[0].options[0].id),)
    to_all = apply(state, Propose("government", package, ("opposition", "russia", "turkey", "iran")))[0]
    to_one = apply(state, Propose("government", package, ("opposition",)))[0]
    (all_entry,) = [e for e in entries(to_all, OPP, Chronicle()) if e.waiting_for_me]
    (one_entry,) = [e for e in entries(to_one, OPP, Chronicle()) if e.waiting_for_me]
    assert all_entry.signs and not one_entry.signs


def test_the_builder_says_a_yes_to_a_worse_offer_still_stands(tmp_path: Path) -> None:
    """A newcomer accepted a draft worth 0.58, then tabled a package worth 0.67, and the draft was
    signed first: a yes stands until its proposal closes, and nothing had said so."""

    async def body() -> None:
        app = new_app(tmp_path, ("opposition",), seed=1)
        async with driven(app, size=(80, 24)) as pilot:
            table = await settle(pilot)
            offer = next(p for p in table.session.state.proposals if p.response_of(OPP) == PENDING)
            await press(pilot, "r")
            await accept_answer(pilot)
            await until(
                pilot,
                lambda: any(e.action == Respond("opposition", offer.id, True) for e in table.session.log),
                "the yes",
            )
            await until(pilot, lambda: app.screen is table, "the table")
            assert any(p.id == offer.id for p in table.session.state.proposals), "the offer closed: nothing to test"
            await press(pilot, "p")
            builder = await screen_of(pilot, ProposalBuilder)  # at the player's stated positions
            await pilot.pause()
            said = str(builder.query_one(".problem", Static).render())
            worth = state_worth_if_agreed(table.session.state, OPP, offer.package)
            assert f"Your yes to #{offer.id} (" in said and f"{worth:.2f}" in said and "stands" in said, said

    asyncio.run(body())
