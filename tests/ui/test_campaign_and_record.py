"""A campaign played through the interface: the screen between the venues, the debrief's
headline for the player (against walking away, the Nash point and the AI in their seat), the
record of results it writes, and the record screen from the debrief and the title screen.

The campaign starts from a save of its first venue's last round: what the test checks comes at
the end of a venue and of the campaign, and the rounds before it (every move, through the
interface) are what tests/ui/test_full_game.py plays."""

from __future__ import annotations

import asyncio
import json
import re
import time
from pathlib import Path
from typing import Any

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from game.ai.seats import chooser
from game.ai.selfplay import agent_rng
from game.engine import view_for
from game.play.headline import ai_game_ended
from game.results import read_record, record_path
from game.saves import Session, default_seats, save
from game.scenario import bundled, load_scenario
from game.ui.app import make_app
from game.ui.format import against, fixed, short
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.notices import Notice
from game.ui.screens.record import RecordScreen
from game.ui.screens.table import TableScreen
from game.ui.screens.title import TitleScreen
from game.ui.screens.venue_end import VenueEndScreen, _result
from tests.ui.driving import DEADLINE, ai_busy, driven, press, screen_of, screen_text, tick, until

CAMPAIGN = bundled()["astana-to-sochi"]
SIZE = (100, 30)


async def pass_to_the_end(pilot: Pilot[Any], seen: list[VenueEndScreen]) -> DebriefScreen:
    """Play on (the human's seat as the AI would); venue-end screens are read (kept in `seen`)."""
    while True:
        screen = await play_on_to(pilot, (DebriefScreen, VenueEndScreen), "the campaign's end")
        if isinstance(screen, DebriefScreen):
            return screen
        seen.append(screen)
        await press(pilot, "enter")


async def play_on_to(pilot: Pilot[Any], kinds: tuple[type, ...], what: str) -> Any:
    """Play on until a screen of one of `kinds` is on top (the human's seat played as the AI
    would: its moves are not what these tests test; notices read and closed)."""
    app = pilot.app
    deadline = time.monotonic() + 3 * DEADLINE
    while not isinstance(app.screen, kinds):
        assert time.monotonic() < deadline, f"no {what}; the screen is {app.screen!r}"
        screen = app.screen
        if isinstance(screen, Notice):
            await press(pilot, "enter")
        elif isinstance(screen, TableScreen) and not ai_busy(app):
            state = screen.session.state
            if not state.over and state.actor in screen.humans:
                screen._act(chooser("normal")(view_for(state, state.actor), agent_rng(state)).action)
        await tick()
    return app.screen


def saved_in_the_last_round_of_astana(folder: Path) -> Path:
    """A save of the campaign (seed 3, the government human) as Astana's last round opens, every
    seat played as the AI plays it: the game the interface would have played to there."""
    scenario = load_scenario(CAMPAIGN)
    session = Session.new(
        scenario, CAMPAIGN.read_bytes(), 3, default_seats(scenario, ("government",)), "astana-to-sochi"
    )
    last = scenario.venues[0].rounds
    while session.state.venue == 0 and session.state.round < last:
        state = session.state
        session.play(chooser("normal")(view_for(state, state.actor), agent_rng(state)).action)
    assert session.state.venue == 0 and not session.state.over
    return save(session, folder, "astana-last-round")


def test_a_campaign_shows_the_venue_end_then_the_headline_and_records_the_result(tmp_path: Path) -> None:
    path = saved_in_the_last_round_of_astana(tmp_path / "saves")

    async def body() -> None:
        app = make_app(load=path, saves_dir=tmp_path, speed=0)
        async with driven(app, size=SIZE) as pilot:
            seen: list[VenueEndScreen] = []
            debrief = await pass_to_the_end(pilot, seen)
            assert len(seen) == 1, "one screen between the two venues"
            summary = seen[0].summary
            assert summary.venue == "Astana 8" and summary.next_venue == "Congress of Syrian National Dialogue"
            # why it ended, under "Astana 8 ended in ...", without "Astana 8 ends:" again
            assert summary.reason and not summary.reason.startswith("Astana 8 ends")
            # what it comes to for the player if nothing more is agreed (an agreement made between
            # their turns went straight to this screen, and a newcomer never learnt its worth)
            said = _result(summary).plain  # as the screen wrote it (it is closed by now)
            # what is settled set against the walk-away value, the toll apart: a score with the toll
            # taken off, set against the walk-away value, read as a deal signed below it (twice)
            assert summary.toll >= 0.0005 and summary.standing  # Astana's rounds cost every side something
            settled, walk_away, where = against(summary.worth_now + summary.toll, summary.walk_away)
            said = " ".join(said.split())
            assert f"What is settled is worth {settled} to you ({where} your walk-away {walk_away})." in said
            assert_adds_up(said)
            session = debrief.session
            assert summary.outcome == session.state.venue_outcomes[0]
            # the headline, and the AI's result in the seat once its game is played
            await until(pilot, lambda: debrief.ai is not None, "the AI's game in your seat")
            you = str(debrief.query_one("#debrief-you", Static).content)
            assert "against your walk-away value" in you and "in your seat, same seed" in you
            # and what that game of the AI's came to, not its score alone (a newcomer's ask)
            assert f"(its game ended in {ai_game_ended(session)})" in you
            assert "against the Nash point" in you or "no Nash point" in you
            record = read_record()
            assert [(r.scenario, r.seat, r.seed) for r in record.results] == [("astana-to-sochi", "government", 3)]
            assert record.results[0].outcome == session.state.outcome
            await press(pilot, "r")
            screen = await screen_of(pilot, RecordScreen)
            assert screen.query_one(DataTable).row_count == 1
            assert "From Astana to Sochi" in screen_text(app)
            await press(pilot, "escape")
            await screen_of(pilot, DebriefScreen)

    asyncio.run(body())


def test_the_record_screen_from_the_title_and_a_damaged_record(tmp_path: Path) -> None:
    record_path().parent.mkdir(parents=True, exist_ok=True)
    record_path().write_text('{"format": 1, "games": [oops')

    async def body() -> None:
        app = make_app(saves_dir=tmp_path, seed=1, speed=0)
        async with driven(app, size=SIZE) as pilot:
            await screen_of(pilot, TitleScreen)
            await press(pilot, "ctrl+r")
            await screen_of(pilot, RecordScreen)
            text = screen_text(app)
            assert "Your record cannot be read" in text and "left exactly as it is" in text
            await press(pilot, "escape")
            await screen_of(pilot, TitleScreen)
        assert record_path().read_text() == '{"format": 1, "games": [oops', "the screen never writes"

    asyncio.run(body())


def test_an_empty_record_says_how_it_fills(tmp_path: Path) -> None:
    async def body() -> None:
        app = make_app(saves_dir=tmp_path, seed=1, speed=0)
        async with driven(app, size=SIZE) as pilot:
            await screen_of(pilot, TitleScreen)
            await press(pilot, "ctrl+r")
            await screen_of(pilot, RecordScreen)
            assert "No finished games yet" in screen_text(app)

    asyncio.run(body())


@pytest.mark.parametrize("size", [SIZE, (80, 24)])
def test_the_record_lists_each_scenario_and_seat_with_its_figures(tmp_path: Path, size: tuple[int, int]) -> None:
    """At 80x24 the count under the table was cut off after the scenario's title and the seat."""
    _write_record([_astana_game(1, 0.6, 0.7), _astana_game(2, 0.4, 0.7), {"broken": True}])

    async def body() -> None:
        app = make_app(saves_dir=tmp_path, seed=1, speed=0)
        async with driven(app, size=size) as pilot:
            screen = await _record_screen(pilot)
            row = [c.plain for c in screen.query_one(DataTable).get_row_at(0)]
            assert row[:7] == ["Astana 8", "Government", "2", "2", "0.50", "±0.00", "0.60"]
            text = screen_text(app)
            assert "1 entry this version cannot read, kept as it is" in " ".join(text.split())
            assert "Above walking away in 1 of 2 games" in text

    asyncio.run(body())


def test_the_record_writes_a_surplus_as_the_debrief_does(tmp_path: Path) -> None:
    """A game just under its walk-away: the debrief says -0.0004 (`gap`), and the record said
    "-0.00" of the same game, and "+0.00" where the debrief says "±0.00". And each game's line
    is the debrief's own figures and their difference as shown: 0.4547 against 0.358163 is
    "0.45 ... +0.09 against walking away (0.36)" there, and the record said +0.10."""
    _write_record(
        [
            _astana_game(1, 0.4996, None),
            _astana_game(2, 0.5, None),
            {**_astana_game(3, 0.4547, None), "reservation": 0.358163},
        ]
    )

    async def body() -> None:
        app = make_app(saves_dir=tmp_path, seed=1, speed=0)
        async with driven(app, size=SIZE) as pilot:
            screen = await _record_screen(pilot)
            row = [c.plain for c in screen.query_one(DataTable).get_row_at(0)]
            # the mean of the three, as each is shown, to the places of the finest of them
            assert row[5] == f"{(-0.0004 + 0 + 0.09) / 3:+.4f}"
            lines = screen_text(app).splitlines()
            assert any(line.rstrip().endswith("0.4996 -0.0004") for line in lines), lines
            assert any(line.rstrip().endswith("0.50 ±0.00") for line in lines), lines
            assert any(line.rstrip().endswith("0.45 +0.09") for line in lines), lines
            assert not any("-0.00 " in line or line.rstrip().endswith("-0.00") for line in lines)

    asyncio.run(body())


def test_the_records_column_against_walking_away_adds_up_with_the_games_line(tmp_path: Path) -> None:
    """One game at 0.543 against a walk-away of 0.528: its line (and its debrief) reads 0.54 and
    +0.01; the column read +0.02, the exact difference rounded (a newcomer's remark)."""
    _write_record([{**_astana_game(1, 0.543, None), "reservation": 0.528}])

    async def body() -> None:
        app = make_app(saves_dir=tmp_path, seed=1, speed=0)
        async with driven(app, size=SIZE) as pilot:
            screen = await _record_screen(pilot)
            row = [c.plain for c in screen.query_one(DataTable).get_row_at(0)]
            assert row[5] == "+0.01"
            assert any(line.rstrip().endswith("0.54 +0.01") for line in screen_text(app).splitlines())

    asyncio.run(body())


def test_at_80_columns_every_column_of_the_record_fits_with_short_names_and_dates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A newcomer's record at 80x24, its rows taller than the table (a scroll bar beside them):
    the Last column was cut to "2026-12-0" and the seat to "The armed…". The seat goes by the
    short name the table uses ("Opposition"), the date by the save browser's short form, and every
    column fits beside the scroll bar; the detail below names them in full."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    scenarios = {
        "astana-8": "Astana 8: detainees, zones and a date for Sochi",
        "sochi-congress": "Sochi: the Congress of Syrian National Dialogue",
        "astana-to-sochi": "From Astana to Sochi",
        "mine": "A scenario of my own",  # not bundled: its seats' short names are not known
    }
    seats = {
        "opposition": ("The armed opposition delegation", "Opposition"),
        "government": ("Government of the Syrian Arab Republic", "Government"),
        "russia": ("Russian Federation", "Russia"),
        "turkey": ("Republic of Turkey", "Turkey"),
        "iran": ("Islamic Republic of Iran", "Iran"),
    }
    pairs = [(scenario, seat) for scenario in scenarios for seat in seats]
    day = 1_796_000_000.0  # 2026-12-01
    _write_record(
        [
            {
                **_astana_game(k, 0.6, 0.7),
                **{"scenario": scenario, "title": scenarios[scenario], "seat": seat, "seat_name": seats[seat][0]},
                "finished": day + 86_400 * k,
            }
            for k, (scenario, seat) in enumerate(pairs)
        ]
    )

    async def body() -> None:
        app = make_app(saves_dir=tmp_path, seed=1, speed=0)
        async with driven(app, size=(80, 24)) as pilot:
            screen = await _record_screen(pilot)
            table = screen.query_one(DataTable)
            await pilot.pause()
            assert table.show_vertical_scrollbar, "the rows are taller than the table"
            # every column whole, beside the bar: nothing past the table's width
            assert table.virtual_size.width <= table.scrollable_content_region.width
            for k, standing in enumerate(screen.rows):
                cells = [c.plain for c in table.get_row_at(k)]
                name, short_name = seats[standing.seat]
                # a seat the scenario does not name (my own file's; Sochi has no armed opposition
                # delegation) is cut, with the ellipsis that says so
                known = standing.scenario != "mine" and (standing.scenario, standing.seat) != (
                    "sochi-congress",
                    "opposition",
                )
                assert cells[1] == (short_name if known else short(name, 12)), cells
                assert cells[7] == time.strftime("%m-%d", time.gmtime(standing.last)), cells
            shown = screen_text(app)
            newest = screen.rows[0]  # the detail names them in full, the year too
            assert f"as {seats[newest.seat][0]}" in shown
            assert time.strftime("%Y-%m-%d", time.gmtime(newest.last)) in shown

    asyncio.run(body())


def _astana_game(seed: int, utility: float, nash: float | None) -> dict[str, object]:
    """One finished astana-8 game of the record, as the government, walk-away 0.5."""
    return {
        "scenario": "astana-8", "title": "Astana 8", "seat": "government", "seat_name": "Government",
        "difficulty": "normal", "seed": seed, "outcome": "partial", "utility": utility, "reservation": 0.5,
        "nash": nash, "finished": 1000.0 + seed, "game": f"g{seed}",
    }  # fmt: skip


def _write_record(games: list[dict[str, object]]) -> None:
    record_path().parent.mkdir(parents=True, exist_ok=True)
    record_path().write_text(json.dumps({"format": 1, "games": games}))


async def _record_screen(pilot: Pilot[Any]) -> RecordScreen:
    """From the title screen, the record (ctrl+r)."""
    await screen_of(pilot, TitleScreen)
    await press(pilot, "ctrl+r")
    return await screen_of(pilot, RecordScreen)


def test_the_venue_end_table_keeps_whole_names_at_80_columns(tmp_path: Path) -> None:
    """Found from outside: at 80x24 its name column was 9 characters wide, and "Delegation" and
    every name were cut mid-word ("Negotiati" / "on")."""
    path = saved_in_the_last_round_of_astana(tmp_path / "saves")

    async def body() -> None:
        app = make_app(load=path, saves_dir=tmp_path, speed=0)
        async with driven(app, size=(80, 24)) as pilot:
            await play_on_to(pilot, (VenueEndScreen,), "venue end")
            seats = app.screen.query_one("#venue-end-seats", Static)
            await pilot.pause()
            lines = [strip.text for strip in seats.render_lines(Region(0, 0, seats.size.width, seats.size.height))]
            words = {w for line in lines for w in line.split()}
            assert seats.size.width <= 76
            assert "Delegation" in words
            for seat in app.screen.summary.seats:
                assert set(seat.name.split()) <= words, (seat.name, lines)

    asyncio.run(body())


def test_the_venue_end_says_what_the_game_gives_the_player_if_nothing_more_is_agreed() -> None:
    from game.engine.utility import outcome_utility
    from game.play.venue_end import venue_end
    from tests.saves.helpers import ai_action, new_session

    session = new_session("astana-to-sochi", 3, government="human")
    while session.state.venue == 0 and not session.state.over:
        session.play(ai_action(session))
    assert session.state.venue == 1
    told = {me: venue_end(session, 0, me) for me in range(len(session.scenario.delegations))}
    for me, v in told.items():
        assert v.worth_now == outcome_utility(session.state, me)
        assert v.walk_away == session.state.scenario.delegations[me].reservation
    # and the screen says so of that seat: each reader's own figures, not another's
    assert len({round(v.worth_now, 6) for v in told.values()}) > 1


def test_between_venues_with_nothing_settled_no_settlement_is_valued() -> None:
    """Astana adjourned with nothing agreed: the screen said "what is settled is worth 0.36 to you
    before it" of no settlement at all (a review's case). It says the reader stands at their
    walk-away value, less the toll."""
    from game.play.venue_end import venue_end
    from game.ui.screens.venue_end import _result
    from tests.saves.helpers import ai_action, new_session

    session = new_session("astana-to-sochi", 4)
    while session.state.venue == 0:
        session.play(ai_action(session))
    assert not any(a.venue == 0 for a in session.state.agreements)
    me = session.scenario.delegation_index["opposition"]
    summary = venue_end(session, 0, me)
    assert not summary.standing and summary.toll >= 0.0005
    said = " ".join(_result(summary).plain.split())
    assert "settled is worth" not in said
    assert f"Nothing is settled: you stand at your walk-away value, {fixed(summary.walk_away, 2)}, less" in said
    assert abs(summary.walk_away - summary.toll - summary.worth_now) < 0.0001  # as it says
    assert_adds_up(said)


_SETTLED = re.compile(r"worth ([\d.]+) to you .*? The rounds' toll so far, (under )?([\d.]+), .*? give you ([\d.]+) as")
_NOTHING = re.compile(r"walk-away value, ([\d.]+), less the rounds' toll so far, (under )?([\d.]+), .*?: ([\d.]+) as")


def assert_adds_up(said: str) -> None:
    """The figures of the screen's last sentence add up as written: what is settled (or the
    walk-away value), less the toll, is what the talks give (a toll under what the places show
    is said to be under it, and the two figures beside it are then the same)."""
    found = _SETTLED.search(said) or _NOTHING.search(said)
    assert found is not None, said
    before, under, toll, now = found.group(1), found.group(2), found.group(3), found.group(4)
    if under:
        assert before == now and float(toll) * 2 * 10 ** len(now.partition(".")[2]) == 1
    else:
        places = len(before.partition(".")[2])
        assert len(toll.partition(".")[2]) == len(now.partition(".")[2]) == places
        assert round(float(before) - float(toll), places) == float(now), said


@pytest.mark.parametrize("seed", range(16))
def test_the_figures_between_venues_add_up_as_written_in_every_seat(seed: int) -> None:
    """Each rounded on its own, the three figures did not add up in a quarter of the screens:
    "worth 0.42 ... the toll so far, 0.02 ... the talks give you 0.41" (a review's, over 60 games)."""
    from game.play.venue_end import venue_end
    from game.ui.screens.venue_end import _result
    from tests.saves.helpers import ai_action, new_session

    session = new_session("astana-to-sochi", seed)
    while session.state.venue == 0 and not session.state.over:
        session.play(ai_action(session))
    assert not session.state.over, "the campaign reached Sochi"
    for me in range(len(session.scenario.delegations)):
        summary = venue_end(session, 0, me)
        said = " ".join(_result(summary).plain.split())
        if summary.toll >= 0.0005:
            assert_adds_up(said)
            # and the toll as written is within half of the true one (0.0108 read "0.02")
            toll = float((_SETTLED.search(said) or _NOTHING.search(said)).group(3))  # type: ignore[union-attr]
            assert abs(toll - summary.toll) <= summary.toll / 2, (toll, summary.toll)
        found = re.search(r"worth ([\d.]+) to you \((above|BELOW|at) your walk-away ([\d.]+)\)", said) or re.search(
            r"give you ([\d.]+) \((above|BELOW|at) your walk-away ([\d.]+)\)", said
        )
        if found is not None:  # what is set against the walk-away value stands where it says
            worth = summary.worth_now + (summary.toll if summary.toll >= 0.0005 else 0.0)
            near = abs(worth - summary.walk_away) < 0.00005
            assert found.group(2) == ("at" if near else "above" if worth > summary.walk_away else "BELOW"), said


def test_a_hot_seat_games_results_are_counted_as_one_game(tmp_path: Path) -> None:
    """A hot-seat game is a result for each seat a person played: "2 games" after one game read as
    a miscount to a tester. The status line counts the results and the games apart where they differ."""
    import dataclasses

    from game.results import Result, add_results

    one = Result(
        "astana-8", "Astana 8", "government", "Government", "normal", 4, "agreement", 0.6, 0.5, 0.7,
        time.time(), "game-a", hot_seat=True,
    )  # fmt: skip
    add_results([one, dataclasses.replace(one, seat="opposition", seat_name="Opposition")])

    async def status() -> str:
        app = make_app(saves_dir=tmp_path, seed=1, speed=0)
        async with driven(app, size=SIZE) as pilot:
            await screen_of(pilot, TitleScreen)
            await press(pilot, "ctrl+r")
            screen = await screen_of(pilot, RecordScreen)
            return str(screen.query_one("#record-status", Static).content)

    assert asyncio.run(status()).startswith("2 results (one a seat played) of 1 game · kept in ")
    add_results([dataclasses.replace(one, game="game-b", hot_seat=False)])
    assert asyncio.run(status()).startswith("3 results (one a seat played) of 2 games · kept in ")


def test_the_venue_end_shows_when_the_players_move_ends_a_venue_and_they_open_the_next(tmp_path: Path) -> None:
    """astana-to-sochi, seed 12: Russia's answer ends Astana, and Russia moves first at Sochi.
    The turn stayed the player's, and the screen between the venues and the congress's first
    news were never shown (a newcomer who played Russia read them only in the transcript)."""
    from game.ai.selfplay import play

    scenario = load_scenario(CAMPAIGN)
    actions = play(scenario, 12).actions

    def new() -> Session:
        return Session.new(scenario, CAMPAIGN.read_bytes(), 12, default_seats(scenario, ("russia",)), "astana-to-sochi")

    probe = new()
    k = 0
    while probe.state.venue == 0:  # to the move that ends Astana
        probe.play(actions[k])
        k += 1
    k -= 1
    ending = actions[k]
    assert ending.actor == "russia" and probe.state.actor == scenario.delegation_index["russia"]
    session = new()
    for action in actions[:k]:
        session.play(action)
    path = save(session, tmp_path / "saves", "russia-ends-astana")

    async def body() -> None:
        app = make_app(load=path, saves_dir=tmp_path, speed=0)
        async with driven(app, size=SIZE) as pilot:
            table = await screen_of(pilot, TableScreen)
            await until(pilot, lambda: app.screen is table and not ai_busy(app), "the player's turn")
            table._act(ending)
            screen = await screen_of(pilot, VenueEndScreen)
            assert screen.summary.venue == "Astana 8"
            await press(pilot, "enter")
            notice = await screen_of(pilot, Notice)  # the congress's first round and its news
            assert "Round 1" in notice.title_text, notice.title_text
            await press(pilot, "enter")
            await until(pilot, lambda: app.screen is table, "back at the table")
            assert table.session.state.venue == 1 and table.session.state.actor in table.humans

    asyncio.run(body())
