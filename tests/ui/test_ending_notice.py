"""Talks that end on the AI seats' moves say how on the table before the debrief: a newcomer who
pressed f (skip) found the debrief, with no word of the deal that had ended the game."""

from __future__ import annotations

import asyncio
from pathlib import Path

from game.engine import Record
from game.ui.app import make_app
from game.ui.ending import ending_lines
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.dialog import ConfirmDialog
from game.ui.screens.notices import Notice
from game.ui.screens.table import TableScreen
from tests.ui.driving import ASTANA, at_the_table, click, driven, pass_turn, press, screen_of, tick, until

JORDAN, KAZAKHSTAN = 6, 8  # two of astana-8's observers: Jordan speaks third from last, Kazakhstan last


def test_an_ending_the_ai_made_is_told_before_the_debrief(tmp_path: Path) -> None:
    """Jordan, an observer, passes and skips the AI's turns (f) until the talks end: the last
    notice before the debrief names the agreement (or the collapse) in the engine's words."""

    async def body() -> None:
        app = make_app(scenario=ASTANA, humans=("jordan",), difficulty="normal", seed=2, saves_dir=tmp_path, speed=1)
        async with driven(app, size=(120, 40)) as pilot:
            ending: Notice | None = None
            for _ in range(400):
                screen = app.screen
                if isinstance(screen, DebriefScreen):
                    break
                if isinstance(screen, Notice):
                    if screen.title_text == "The talks are over":
                        ending = screen
                        table = next(s for s in app.screen_stack if isinstance(s, TableScreen))
                        state = table.session.state
                        assert state.over
                        ended = [r.text for r in table.session.records if r.kind in ("agreement", "game_over")]
                        assert ended and all(text in screen.body for text in ended[-1:])
                    await press(pilot, "escape")
                elif isinstance(screen, TableScreen):
                    state = screen.session.state
                    if not state.over and state.actor in screen.humans:
                        await pass_turn(pilot)
                    else:
                        await press(pilot, "f")  # skip the AI's moves
                await tick()
            await until(pilot, lambda: isinstance(app.screen, DebriefScreen), "the debrief")
            assert ending is not None, "no notice of how the talks ended came before the debrief"

    asyncio.run(body())


def test_after_a_long_skip_the_ending_says_how_the_talks_ended_not_every_walk_out(tmp_path: Path) -> None:
    """Jordan walks out at its first turn and skips (f) the rest of the game, played by the AI
    seats. Kazakhstan (the walk-out strategy) walks out right after, which ends nothing: the
    talks go on to their last round. The notice listed that walk-out among how the talks ended;
    it says the deal and the end, and only counts the departures that ended nothing."""

    async def body() -> None:
        seats = (("us", "ai:walk-out"), ("kazakhstan", "ai:walk-out"))
        app = make_app(ASTANA, ("jordan",), "normal", seed=1, saves_dir=tmp_path, speed=1, seats=seats)
        async with at_the_table(app, size=(120, 40)) as (pilot, table):
            await press(pilot, "w")
            await screen_of(pilot, ConfirmDialog)
            await click(pilot, "#yes")
            await until(pilot, lambda: not table.session.state.present[JORDAN], "Jordan's walk-out")
            while True:
                await press(pilot, "f")  # skip the AI's moves, to the end of the game
                notice = await screen_of(pilot, Notice)
                if notice.title_text == "The talks are over":
                    break
                # a round's events, up before the key came through (on a loaded machine): read on
                await press(pilot, "escape")
            records = table.session.records
            walked = [r.text for r in records if r.kind == "walk_out" and r.actor == KAZAKHSTAN]
            assert walked == ["Republic of Kazakhstan walks out of the talks."]
            assert walked[0] not in notice.body, "a walk-out that ended nothing"
            # how they ended, in the engine's words (the deal, what it cost, the venue's and the
            # game's end), the walk-out counted before the end
            agreed, cost, venue_end, game_over = (
                r.text for r in records if r.kind in ("agreement", "signing_cost", "venue_end", "game_over")
            )
            assert table.session.state.outcome == "partial"
            went_on = "Since your last move, 1 delegation left the table without ending the talks."
            assert notice.body.split("\n\n") == [agreed, cost, went_on, venue_end, game_over]

    asyncio.run(body())


def test_a_departure_is_named_where_its_move_ended_a_venue_and_counted_where_it_did_not() -> None:
    """A signatory's walk-out that collapses the talks is how they ended, and is said; the
    observers who left before are counted once each (one of them left twice, in two venues)."""
    moves = [
        (Record("walk_out", "Jordan walks out of the talks.", 6),),
        (Record("pass", "The US passes.", 7), Record("pulled_out", "Hardliners pull the US out.", 7)),
        (Record("left", "Jordan leaves Sochi.", 6),),
        (
            Record("walk_out", "The opposition walks out of the talks.", 1),
            Record("venue_end", "Sochi ends: the opposition, a signatory, walked out."),
            Record("game_over", "The game is over (collapse)."),
        ),
    ]
    assert ending_lines(moves) == [
        "Since your last move, 2 delegations left the table without ending the talks.",
        "The opposition walks out of the talks.",
        "Sochi ends: the opposition, a signatory, walked out.",
        "The game is over (collapse).",
    ]


def test_a_boycott_along_the_way_is_counted_as_staying_away() -> None:
    """At Sochi the SNC stayed away in round 1 and Ankara's delegates walked out in round 3: the
    notice said "1 delegation left the table", and a newcomer counted two."""
    moves = [
        (Record("boycott", "The SNC boycotts the congress.", 2),),
        (Record("walk_out", "Ankara's delegates walk out of the talks.", 4),),
        (
            Record("respond", "Iran accepts proposal #14.", 5),
            Record("agreement", "Agreement (proposal #14): ..."),
            Record("venue_end", "Sochi ends: every issue on the agenda is settled."),
            Record("game_over", "The game is over (agreement)."),
        ),
    ]
    assert ending_lines(moves)[0] == (
        "Since your last move, 1 delegation left the table and 1 delegation stayed away without ending the talks."
    )
    only = ending_lines([moves[0], moves[2]])
    assert only[0] == "Since your last move, 1 delegation stayed away without ending the talks."


def test_a_delegation_that_left_one_table_and_stayed_away_from_another_is_counted_once() -> None:
    """Counted under whichever came first, one of the two departures went unsaid: it is counted once,
    as leaving the table, the stronger of the two, in either order."""
    end = (
        Record("respond", "Iran accepts proposal #14.", 5),
        Record("venue_end", "Sochi ends: every issue on the agenda is settled."),
        Record("game_over", "The game is over (agreement)."),
    )
    out = (Record("walk_out", "The UN walks out of the talks.", 5),)
    away = (Record("boycott", "The UN boycotts the congress.", 5),)
    for moves in ([out, away, end], [away, out, end]):
        assert ending_lines(moves)[0] == "Since your last move, 1 delegation left the table without ending the talks."
