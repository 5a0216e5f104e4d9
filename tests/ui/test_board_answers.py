"""The board's answers column, written out and whole: at 160 columns it read "ANSWER 0✓ 0✗ 4…",
its last figure like a cell cut short, under the header "Answers ✓✗…"."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import DataTable

from game.engine.state import ACCEPTED, PENDING, REJECTED
from game.ui.app import make_app
from game.ui.screens.board import BoardScreen
from game.ui.screens.table import TableScreen
from tests.ui.driving import ASTANA, GOV, driven, press, screen_of, screen_text, settle

WIDE = "{} accepted, {} rejected, {} waiting"
NARROW = "{} yes {} no {} wait"


@pytest.mark.parametrize(
    ("size", "counts"),
    # in words wherever the whole row fits in words: this board's from 98 columns (the names of its
    # authors decide; 106 before the hard Russia played edge, session 45, and 104 before it played
    # concede-all, session 49; 100 until its Issues column wrote "7, 4*" for "7, 4 new", session 56), where a
    # fixed bound of 110 wrote them short
    [((160, 50), WIDE), ((98, 30), WIDE), ((97, 30), NARROW), ((80, 24), NARROW)],
)
def test_the_answers_column_is_whole_and_in_words(tmp_path: Path, size: tuple[int, int], counts: str) -> None:
    async def body() -> None:
        app = make_app(
            scenario=ASTANA, humans=("government",), difficulty="hard", seed=4242, saves_dir=tmp_path, speed=0
        )
        async with driven(app, size=size) as pilot:
            table = await settle(pilot)
            assert isinstance(table, TableScreen)
            await press(pilot, "n")
            table = await settle(pilot)
            assert isinstance(table, TableScreen)
            await press(pilot, "o")
            board = await screen_of(pilot, BoardScreen)
            await pilot.pause()
            grid = board.query_one("#board-list", DataTable)
            assert str(grid.ordered_columns[-1].label) == "Answers from the others"
            assert board.entries
            for row, entry in enumerate(board.entries):
                cell = str(grid.get_cell_at((row, len(grid.ordered_columns) - 1)))
                said = [r for d, r in entry.answers() if d != GOV]
                expected = counts.format(said.count(ACCEPTED), said.count(REJECTED), said.count(PENDING))
                assert cell.endswith(expected), cell
                assert "…" not in cell
            # the whole row shows: nothing of the table lies beyond the screen's right edge
            assert grid.virtual_size.width <= grid.size.width

    asyncio.run(body())


def test_an_addressee_that_left_is_counted_apart_and_named(tmp_path: Path) -> None:
    """A proposal put to a delegation that walks out stays open for the others (docs/RULES.md,
    "Agreements"): the board counts that delegation as left, not as waiting, and names it so."""
    from game.engine import Pass, Propose, WalkOut, apply, new_game
    from game.play.board import entries
    from game.play.history import Chronicle
    from game.scenario import load_scenario
    from game.ui.screens.board import answers_cell

    sc = load_scenario(ASTANA)
    state, opening = new_game(sc, 4242)
    ids = [d.id for d in sc.delegations]
    actions = []
    while ids[state.actor] != "government":
        actions.append(Pass(ids[state.actor]))
        state, _ = apply(state, actions[-1])
    first = sc.issues[sc.venues[0].agenda[0]]
    package = ((first.id, first.options[0].id),)
    to = ("opposition", "russia", "jordan")
    actions.append(Propose("government", package, to))
    state, _ = apply(state, actions[-1])
    while ids[state.actor] != "jordan":
        actions.append(Pass(ids[state.actor]))
        state, _ = apply(state, actions[-1])
    actions.append(WalkOut("jordan"))
    state, _ = apply(state, actions[-1])
    jordan = ids.index("jordan")
    board = entries(state, GOV, Chronicle.of(new_game(sc, 4242)[0], opening, actions))
    (entry,) = board
    assert entry.left == frozenset({jordan})
    assert str(answers_cell(entry, GOV)).endswith("0 accepted, 0 rejected, 2 waiting, 1 left")

    async def body() -> None:
        app = make_app(scenario=ASTANA, humans=("government",), seed=4242, saves_dir=tmp_path, speed=0)
        async with driven(app, size=(120, 40)) as pilot:
            table = await settle(pilot)
            assert isinstance(table, TableScreen)
            screen = BoardScreen(sc, GOV, board, False, "The proposals")
            app.push_screen(screen)
            await pilot.pause()
            shown = " ".join(screen_text(app).split())  # the detail's lines joined again
            assert "Hashemite Kingdom of Jordan left without answering" in shown
            assert "2 waiting, 1 left" in shown

    asyncio.run(body())


def test_the_detail_says_what_signing_costs_at_home_and_when_it_pulls_the_reader_out(tmp_path: Path) -> None:
    """`a` on the board signs at once: a newcomer signed away 30 of 45 support from it, where the
    answer dialog would have said so. The detail of a proposal waiting for the reader's answer
    says what signing costs (the dialog's words), and that the hardliners would pull them out."""
    from game.engine import view_for
    from game.play.board import entries
    from game.play.choices import agreement_cost, signing_cost
    from tests.ui.stated_offer import SEED, stated_offer

    offer = stated_offer()  # the government's own stated positions, whole: far from what the opposition can sign
    sc, state, chronicle = offer.scenario, offer.state, offer.chronicle
    opp = [d.id for d in sc.delegations].index("opposition")
    (theirs,) = entries(state, opp, chronicle)
    view = view_for(state, opp)
    cost = agreement_cost(view, theirs.proposal.package)
    assert cost > 0 and theirs.signing == signing_cost(view, theirs.proposal.package)
    assert theirs.pulls_out == (view.support[opp] - cost <= view.collapse_support)
    assert theirs.pulls_out  # the whole of the government's positions: too much to sign at home
    (own,) = entries(state, GOV, chronicle)  # its author signs by tabling it: nothing to say
    assert own.signing == "" and not own.pulls_out

    async def body() -> None:
        app = make_app(scenario=ASTANA, humans=("opposition",), seed=SEED, saves_dir=tmp_path, speed=0)
        async with driven(app, size=(80, 24)) as pilot:
            await settle(pilot)
            app.push_screen(BoardScreen(sc, opp, (theirs,), True, "The proposals"))
            await pilot.pause()
            shown = " ".join(screen_text(app).split())
            said = theirs.signing[0].upper() + theirs.signing[1:]
            # and what follows: the whole agenda signed stands (a newcomer signed through the
            # warning and found the deal stood, unwarned of it)
            assert theirs.pulled_then == "the deal stands"
            assert f"{said} · your hardliners would pull you out: the deal stands" in shown

    asyncio.run(body())


def test_a_signature_that_costs_nothing_says_so_unless_the_rules_make_every_one_free() -> None:
    """A newcomer read the missing "To sign" line of a package at their own stated positions as a
    number left out: a free signature says "no support lost"; only where the scenario's rules make
    every signature free (no concession or red-line cost) is there nothing to say."""
    import dataclasses

    from game.engine import new_game, view_for
    from game.play.choices import agreement_cost, signing_cost
    from game.scenario import load_scenario

    sc = load_scenario(ASTANA)
    state, _ = new_game(sc, 4242)
    opp = [d.id for d in sc.delegations].index("opposition")
    view = view_for(state, opp)
    # the opposition's own stated positions, whole: nothing it stands by is given up
    package = tuple((i, state.positions[opp][i]) for i in sc.venues[0].agenda)
    assert agreement_cost(view, package) == 0
    assert signing_cost(view, package) == "to sign: no support lost"
    free = dataclasses.replace(view, rules=dataclasses.replace(view.rules, concession_cost=0, redline_support=0))
    assert signing_cost(free, package) == ""
    # and a package that gives up a stated position still says what it costs
    worst = tuple(
        (i, min(range(len(sc.issues[i].options)), key=lambda o: view.own.values[i][o])) for i in sc.venues[0].agenda
    )
    assert signing_cost(view, worst).startswith("to sign: ") and " support (" in signing_cost(view, worst)
