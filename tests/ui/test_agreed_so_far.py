"""Once something is agreed, a further package is measured against what is agreed already, not
the walk-away value: a newcomer, having agreed 0.39 against a walk-away of 0.36, was shown the
government's offers of the very deal in force as "worth 0.39, above your walk-away 0.36", each
at a price of 8 support."""

from __future__ import annotations

import asyncio
from pathlib import Path

from game.engine import view_for
from game.engine.utility import state_worth_if_agreed
from game.play import choices
from game.play.board import entries
from game.play.history import Chronicle
from game.ui.format import measured
from tests.saves.helpers import ai_action, new_session


def test_the_words_name_the_walk_away_until_something_is_agreed() -> None:
    assert measured(0.41, 0.36, None) == ("0.41", "above walk-away 0.36", "above")
    assert measured(0.30, 0.36, None, your=True) == ("0.30", "BELOW your walk-away 0.36", "BELOW")
    assert measured(0.41, 0.36, 0.39) == ("0.41", "+0.02 on what is agreed, 0.39", "above")
    assert measured(0.3901, 0.36, 0.39011) == ("0.39", "adds nothing to what is agreed, 0.39", "at")
    # the difference is that of the figures shown, to the places that tell them apart
    assert measured(0.3916, 0.36, 0.3896) == ("0.392", "+0.002 on what is agreed, 0.390", "above")
    assert measured(0.35, 0.36, 0.39)[1:] == ("-0.04 on what is agreed, 0.39", "BELOW")


def sochi_opens(seat: str) -> object:
    """The campaign astana-to-sochi as Sochi opens (seed 8: Astana settled most of its agenda)."""
    session = new_session("astana-to-sochi", 8, **{seat: "human"})
    while session.state.venue == 0 and not session.state.over:
        session.play(ai_action(session))
    assert not session.state.over and any(o >= 0 for o in session.state.settled)
    return session


def test_the_board_and_the_choices_measure_against_what_is_agreed_once_there_is_something() -> None:
    session = new_session("astana-to-sochi", 8, government="human")
    state = session.state
    assert all(o < 0 for o in state.settled)
    assert choices.agreed_so_far(view_for(state, 0)) is None
    session = sochi_opens("government")
    state = session.state  # type: ignore[attr-defined]
    now = state_worth_if_agreed(state, 0, ())
    assert choices.agreed_so_far(view_for(state, 0)) == now
    chronicle = Chronicle()
    for entry in entries(state, 0, chronicle):
        assert entry.agreed == now


def test_the_builder_says_it(tmp_path: Path) -> None:
    from textual.widgets import Static

    from game.saves import load, save
    from game.ui.app import make_app
    from game.ui.screens.proposal import ProposalBuilder
    from tests.ui.driving import driven, press, screen_of, settle

    session = sochi_opens("government")
    path = save(session, tmp_path, "sochi")  # type: ignore[arg-type]

    async def body() -> None:
        app = make_app(load=path, loaded=load(path), saves_dir=tmp_path, speed=0)
        async with driven(app, size=(100, 32)) as pilot:
            await settle(pilot)
            await press(pilot, "p")
            builder = await screen_of(pilot, ProposalBuilder)
            said = str(builder.query_one("#worth", Static).content)
            assert said.startswith("If agreed: ")
            assert "on what is agreed, " in said or "adds nothing to what is agreed, " in said
            assert "walk-away" not in said

    asyncio.run(body())


def test_the_boards_column_and_the_answer_list_measure_as_the_detail_does() -> None:
    """A review found the board's "Worth to you" column and the answer dialog's list still set
    against the walk-away value, over a detail set against what is agreed ("0.55 above" over
    "-0.02 on what is agreed, 0.57")."""
    import dataclasses

    from game.ui.screens.board import worth_cell

    session = new_session("astana-8", 1, opposition="human")
    while session.state.actor != 1:  # the government opens with a proposal to the opposition
        session.play(ai_action(session))
    entry = entries(session.state, 1, Chronicle())[0]
    above_walk_away_below_agreed = dataclasses.replace(entry, worth=0.55, walk_away=0.43, agreed=0.57)
    assert worth_cell(above_walk_away_below_agreed).plain == "0.55 BELOW"
    assert worth_cell(dataclasses.replace(above_walk_away_below_agreed, agreed=None)).plain == "0.55 above"


def test_at_the_last_venue_what_is_agreed_reads_its_agenda_as_it_stands() -> None:
    """An event may add an issue to the agenda: the game scores the open issues of the agenda as
    it stands (outcome_utility), and "what is agreed" read the file's (a review: 0.300 shown, the
    game giving 0.375). Whatever the agenda, what is agreed (before the toll) is the score."""
    import dataclasses

    from game.engine.utility import delay_toll, outcome_utility
    from tests.saves.helpers import scenario_file

    mini, _ = scenario_file("mini")
    state = new_session("mini", 3).state
    # prisoners agreed ("some"), the truce open: counted at the walk-away value on the agenda,
    # at its status quo off it
    for agenda in ((0,), (1,), (0, 1)):
        changed = dataclasses.replace(state, agenda=agenda, settled=(1, -1))
        for d in range(len(mini.delegations)):
            score = outcome_utility(changed, d) + delay_toll(changed, d)
            assert abs(state_worth_if_agreed(changed, d, ()) - score) < 1e-12
            assert abs(choices.worth_if_agreed(view_for(changed, d), ()) - score) < 1e-12


def test_two_figures_take_more_places_only_where_rounding_misleads() -> None:
    """0.646 against 0.645 read "0.65" and "0.64" (+0.01 for a gap of 0.001): written to more
    places where the gap shown is more than twice the true one, and only there (a review found
    four places in two lists of five once every rounding difference asked for them); figures
    "at" each other read the same."""
    from game.ui.format import against

    assert against(0.646, 0.645) == ("0.646", "0.645", "above")
    assert against(0.704, 0.296) == ("0.70", "0.30", "above")  # 0.40 shown for 0.408: kept
    assert against(0.5649, 0.4651) == ("0.56", "0.47", "above")
    assert against(0.524999, 0.525001) == ("0.525", "0.525", "at")  # not "0.52" at "0.53"
    assert against(0.5204, 0.5196) == ("0.5204", "0.5196", "above")
