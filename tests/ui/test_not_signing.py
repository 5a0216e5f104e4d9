"""A side that signs nothing at a venue (the SNC at Sochi) is told so wherever a signatory is told
what signing costs: a newcomer playing it answered a draft as though their no could stop it, read
"to sign: no support lost", and learnt only from the debrief's notes that their answer decided
nothing."""

from __future__ import annotations

import asyncio
from pathlib import Path

from game.engine import new_game, view_for
from game.play import choices
from game.scenario import bundled, load_scenario
from game.ui.screens.brief import brief

SOCHI = bundled()["sochi-congress"]


def test_the_brief_and_the_signing_line_say_who_signs() -> None:
    sc = load_scenario(SOCHI)
    state, _ = new_game(sc, 3)
    venue = sc.venues[0]
    for d, delegation in enumerate(sc.delegations):
        view = view_for(state, d)
        text = brief(view).plain
        package = ((venue.agenda[0], 0),)
        line = choices.signing_cost(view, package)
        if d in venue.signatories:
            assert "a signatory: no deal without you" in text and "signs nothing here" not in text
            assert line != choices.NOT_SIGNING
        elif delegation.role in ("party", "guarantor"):
            assert (
                "signs nothing here: you propose and answer, but only the signatories' answers decide"
                "; yours move the author's trust)" in text
            )
            assert line == choices.NOT_SIGNING
            # what a red line costs at home is a signatory's: it is not told to a side that signs
            # nothing, but what the mark means still is (it cannot propose across it)
            assert "across it costs" not in text
            if any(delegation.red_lines[i] for i in venue.agenda):
                assert "✗ red line: declared in public; you cannot propose it.\n" in text
        else:  # a mediator never signs, nor answers its own draft: nothing is said of signing
            assert line == ""


def test_the_status_line_says_an_offer_is_put_to_a_side_that_signs_nothing(tmp_path: Path) -> None:
    from game.ui.screens.table import TableScreen
    from tests.ui.driving import driven, new_app, pass_turn, settle

    async def body() -> None:
        app = new_app(tmp_path, ("snc",), seed=3, scenario=SOCHI, difficulty="hard")
        async with driven(app, size=(100, 32)) as pilot:
            table = await settle(pilot)
            assert isinstance(table, TableScreen)
            for _ in range(12):  # to a turn with an offer put to the SNC
                if choices.pending_proposals(table.view):
                    break
                await pass_turn(pilot)
                table = await settle(pilot)
                assert isinstance(table, TableScreen)
            waiting = len(choices.pending_proposals(table.view))
            assert waiting, "at this seed an offer is put to the SNC within its first turns"
            status = table._status(table._refused_keys()).plain
            assert f"{waiting} put to you (r)" in status and "to answer (r)" not in status

    asyncio.run(body())


def test_the_brief_says_what_staying_away_does_while_the_player_may() -> None:
    """A newcomer as the SNC never found the boycott (its key is in the help and the palette:
    the key row is full at 80 columns), while the AI's SNC weighed it. The brief says what it
    does, with the rules' figures, in the first round of a venue with optional attendance only."""
    import dataclasses

    from game.engine.legal import moves_for
    from game.engine.state import State
    from tests.saves.helpers import new_session

    sc = load_scenario(SOCHI)
    state, _ = new_game(sc, 3)
    snc = sc.delegation_index["snc"]
    rules, venue = sc.rules, sc.venues[0]
    said = brief(view_for(state, snc)).plain
    cost = venue.walkout_momentum if venue.walkout_momentum >= 0 else rules.walkout_momentum
    chair = sc.delegations[venue.chair].name
    assert (
        f"Attendance here is optional: in this first round you may stay away (b): support at home "
        f"+{rules.hardline_support}, {chair}'s trust in you -{rules.leave_trust}, momentum -{cost // 2}." in said
    )
    assert "no longer needed for a deal" not in said  # the SNC signs nothing there
    gov = sc.delegation_index["government"]
    assert "you are then no longer needed for a deal" in brief(view_for(state, gov)).plain
    # the chair's trust in itself never moves: its own brief names no trust cost
    russia = brief(view_for(state, venue.chair)).plain
    assert f"support at home +{rules.hardline_support}, momentum -{cost // 2};" in russia
    # where only one other signatory would be left, the talks collapse (a deal needs two)
    two = dataclasses.replace(venue, signatories=(gov, sc.delegation_index["russia"]))
    pair = dataclasses.replace(view_for(state, gov), venue=two)
    assert "the talks then collapse, a deal needing two signatories" in brief(pair).plain
    # from round 2 the rules refuse it, and the brief says nothing of it
    later: State = dataclasses.replace(state, round=2)
    assert not moves_for(view_for(later, snc)).open_to_me("boycott")
    assert "Attendance here is optional" not in brief(view_for(later, snc)).plain
    # nor where attendance is not optional
    session = new_session("astana-8", 3)
    assert "Attendance here is optional" not in brief(view_for(session.state, 1)).plain
