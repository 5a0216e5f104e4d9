"""The debrief says when each agreement was made and whose proposal carried it, on the screen a
player sees when the game ends (an agreement on an AI's turn closes the table at once)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.widgets import Static

from game.engine import apply, new_game
from game.play.debrief import agreed_when
from game.saves import Session
from game.ui.screens.debrief import DebriefScreen
from tests.saves.helpers import finished, new_session, play_on
from tests.ui.driving import driven, new_app, screen_of, settle


def authors(session: Session) -> dict[int, tuple[int, bool]]:
    """Every proposal's author and whether it was a draft, found by replaying the log: the move
    after which a proposal of that number first stands on the table tabled it."""
    state, _ = new_game(session.scenario, session.seed)
    out: dict[int, tuple[int, bool]] = {}
    for entry in session.log:
        after, _ = apply(state, entry.action)
        for p in after.proposals:
            out.setdefault(p.id, (state.actor, p.draft))
        state = after
    return out


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(["mini", "astana-8", "sochi-congress"]), st.integers(0, 10_000))
def test_every_agreement_is_told_with_its_round_and_author(name: str, seed: int) -> None:
    session = finished(name, seed)
    told = agreed_when(session)
    by = authors(session)
    sc = session.scenario
    want: dict[int, list[str]] = {}
    for a in session.state.agreements:
        author, draft = by[a.proposal]
        want.setdefault(a.venue, []).append(
            f"Agreed in round {a.round} of {sc.venues[a.venue].rounds}, on {'draft' if draft else 'proposal'} "
            f"#{a.proposal} from {sc.delegations[author].name}."
        )
    assert told == want


def test_the_players_own_proposal_is_theirs() -> None:
    session = play_on(new_session("astana-8", 3, government="human"))
    by = authors(session)
    for venue, lines in agreed_when(session).items():
        for a, line in zip([a for a in session.state.agreements if a.venue == venue], lines, strict=True):
            assert line.endswith(" from you.") == (by[a.proposal][0] == 0)


@pytest.mark.parametrize("seed", [3])
def test_the_debrief_screen_shows_when_the_deal_was_made(tmp_path: Path, seed: int) -> None:
    async def body() -> None:
        app = new_app(tmp_path, ("government",), seed=seed)
        async with driven(app, size=(100, 32)) as pilot:
            table = await settle(pilot)
            session = table.session
            play_on(session)  # the AI plays the rest, the player's seat too
            assert session.state.agreements, "astana-8 seed 3 ends in agreement"
            app.push_screen(DebriefScreen(session))
            screen = await screen_of(pilot, DebriefScreen)
            shown = str(screen.query_one("#debrief-outcome", Static).content)
            a = session.state.agreements[0]
            assert f"Agreed in round {a.round} of 6, on " in shown and f"#{a.proposal} from " in shown

    asyncio.run(body())


def test_the_ais_result_arriving_as_the_debrief_is_taken_down_is_no_error(tmp_path: Path) -> None:
    """The debrief replays the seed with the AI in the player's seat in a worker; its result can
    come back while the screen is being taken down (the app closing: attached, its widgets
    already gone). It is kept, and nothing fails for the section that is no longer there."""

    async def body() -> None:
        app = new_app(tmp_path, ("government",), seed=3)
        async with driven(app, size=(100, 32)) as pilot:
            table = await settle(pilot)
            session = table.session
            play_on(session)
            app.push_screen(DebriefScreen(session))
            screen = await screen_of(pilot, DebriefScreen)
            await screen.query_one("#debrief-you", Static).remove()
            screen._show_ai({0: 0.5})
            assert screen.ai == {0: 0.5}

    asyncio.run(body())


def test_a_finished_hot_seat_save_opens_its_debrief(tmp_path: Path) -> None:
    """`play --load` of a hot-seat game that has ended: the table opens covered (the hand-over
    screen, as every hot-seat table does) and the game is already over. The debrief replaces the
    table and its cover, and closing it brings back the title screen (a crash before: the app
    looked for the table on top of the screen stack and found the cover)."""
    from game.paths import autosaves
    from game.saves import load, save
    from game.ui.app import make_app
    from game.ui.screens.notices import HandOver
    from game.ui.screens.table import TableScreen
    from game.ui.screens.title import TitleScreen

    done = finished("astana-8", 3, government="human", opposition="human")
    path = save(done, tmp_path, "both-seats")

    async def body() -> None:
        app = make_app(load=path, loaded=load(path), saves_dir=tmp_path, speed=0)
        async with driven(app, size=(100, 32)) as pilot:
            screen = await screen_of(pilot, DebriefScreen)
            assert not any(isinstance(s, (TableScreen, HandOver)) for s in app.screen_stack)
            assert screen.session.state.over
            assert autosaves() == []  # nothing was played: the save is the game's file already
            await pilot.press("q")
            await screen_of(pilot, TitleScreen)

    asyncio.run(body())


def test_what_the_agreement_took_of_the_players_own_proposals_is_said() -> None:
    """A newcomer's round-2 package, tabled again by the mediator as its draft and signed, was
    told only as "on draft #23 from the United Nations": what they did early had carried the deal,
    and nothing said so."""
    from game.play.debrief import _yours_in_it
    from game.play.history import Tabled

    def t(pid: int, package: tuple[tuple[int, int], ...], venue: int = 0, rnd: int = 1) -> Tabled:
        return Tabled(pid, 0, package, (1,), False, venue, rnd)

    deal = ((0, 1), (1, 2), (2, 0), (3, 1))
    assert (
        _yours_in_it(deal, 0, 23, [t(4, ((0, 0),) * 1), t(7, deal, rnd=2)])
        == ": your proposal #7 of round 2, word for word"
    )
    # else the one that shares the most, if it shares at least half the agreed issues
    near = ((0, 1), (1, 2), (2, 2), (3, 2))
    said = _yours_in_it(deal, 0, 23, [t(5, near), t(6, ((0, 1), (1, 0), (2, 2), (3, 2)))])
    assert said == ", with the options of your proposal #5 (round 1) on 2 of its 4 issues"
    assert _yours_in_it(deal, 0, 23, [t(5, ((0, 1), (1, 0), (2, 2), (3, 2)))]) == ""  # a quarter: nothing
    # the agreed text itself is named, though an earlier, broader one shares as many options
    broader = (*deal, (4, 1))
    assert (
        _yours_in_it(deal, 0, 23, [t(5, broader), t(9, deal, rnd=3)]) == ": your proposal #9 of round 3, word for word"
    )
    # only the player's proposals at that venue tabled before the agreed text
    assert _yours_in_it(deal, 0, 23, [t(24, deal), t(3, deal, venue=1)]) == ""


@settings(max_examples=6, deadline=None)
@given(st.sampled_from(["government", "opposition"]), st.integers(0, 10_000))
def test_what_is_said_of_the_players_proposals_holds_in_played_games(seat: str, seed: int) -> None:
    session = play_on(new_session("astana-8", seed, **{seat: "human"}))
    me = [d.id for d in session.scenario.delegations].index(seat)
    by = authors(session)
    from game.play.history import Chronicle

    tabled = Chronicle.replay(session.scenario, session.seed, [e.action for e in session.log]).tabled
    for venue, lines in agreed_when(session).items():
        for a, line in zip([a for a in session.state.agreements if a.venue == venue], lines, strict=True):
            if by[a.proposal][0] == me or "your proposal #" not in line:
                continue
            pid = int(line.split("your proposal #")[1].split(" ")[0])
            mine = tabled[pid]
            assert mine.author == me and pid < a.proposal and mine.venue == venue
            # only the options the player tabled first are counted as theirs
            first = {o: min(t.id for t in tabled.values() if t.venue == venue and o in t.package) for o in a.package}
            shared = sum(1 for o in set(mine.package) & set(a.package) if tabled[first[o]].author == me)
            if "word for word" in line:
                assert set(mine.package) == set(a.package)
            else:
                assert f"on {shared} of its {len(a.package)} issues" in line and 2 * shared >= len(a.package)


def test_options_another_side_tabled_first_are_not_credited_to_the_player() -> None:
    """A playtester read "with the options of your proposal #2" where another side had tabled
    those options first, in its proposal #1: credit goes to whoever tabled an option first."""
    from game.play.debrief import _yours_in_it
    from game.play.history import Tabled

    def t(pid: int, package: tuple[tuple[int, int], ...], author: int = 0) -> Tabled:
        return Tabled(pid, author, package, (1,), False, 0, 1)

    deal = ((0, 1), (1, 2), (2, 0), (3, 1))
    # the whole package, tabled by another side before the player tabled it again
    assert _yours_in_it(deal, 0, 23, [t(2, deal)], [t(1, deal, author=3)]) == ""
    # the player's proposal shares three options, but one of them another side had tabled first
    mine = ((0, 1), (1, 2), (2, 0), (3, 2))
    assert (
        _yours_in_it(deal, 0, 23, [t(2, mine)], [t(1, ((0, 1),), author=3)])
        == ", with the options of your proposal #2 (round 1) on 2 of its 4 issues"
    )
    # two of the three tabled first by others: less than half is the player's, nothing is said
    assert _yours_in_it(deal, 0, 23, [t(2, mine)], [t(1, ((0, 1), (1, 2)), author=3)]) == ""
    # what the other side tabled only after the player is still the player's
    assert _yours_in_it(deal, 0, 23, [t(2, deal)], [t(5, deal, author=3)]) == (
        ": your proposal #2 of round 1, word for word"
    )


def test_a_played_game_credits_the_player_only_with_what_they_tabled_first() -> None:
    """astana-8, seed 10, the player in the government's seat: the agreed text shared the
    options of the player's proposal #13 on 4 of its 7 issues, one of which the opposition had
    tabled first in its proposal #2; the debrief said "with the options of your proposal #13 ... on
    4 of its 7 issues". Of what the player tabled first, less than half is in the deal."""
    session = play_on(new_session("astana-8", 10, government="human"))
    (line,) = agreed_when(session)[0]
    assert line == "Agreed in round 4 of 6, on proposal #14 from the armed opposition delegation."
