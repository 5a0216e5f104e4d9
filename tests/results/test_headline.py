"""The player's headline: their result against walking away, the Nash point and the AI in
their seat (the same game replayed from its seed with the AI in that seat)."""

from __future__ import annotations

from pathlib import Path

from game.ai.seats import chooser, choosers
from game.ai.selfplay import agent_rng, play
from game.analysis import analyze
from game.engine import view_for
from game.engine.actions import WalkOut
from game.engine.utility import outcome_utility
from game.play.debrief import analysis_for, quality
from game.play.headline import ai_in_seat, ai_level, headlines, human_seats, results
from game.results import Result, add_results, read_record
from game.saves import load, save
from tests.saves.helpers import finished, new_session, play_on


def test_a_headline_per_human_seat_with_walk_away_and_nash() -> None:
    session = finished("astana-8", 4, government="human")
    analysis = analyze(session.scenario, session.state.venue)
    (line,) = headlines(session, analysis)
    gov = session.state.scenario.delegations[0]  # as this game drew it (astana-8 draws types)
    assert line.seat == 0 and line.name == gov.name
    assert line.utility == outcome_utility(session.state, 0) and line.reservation == gov.reservation
    assert analysis.nash is not None
    at_nash = dict(zip(analysis.space.parties, analysis.utilities_of(analysis.nash), strict=True))
    assert line.nash == float(at_nash[0])


def test_the_headline_measures_against_the_walk_away_value_drawn_for_the_game() -> None:
    """dayton-1995 draws each walk-away value per game (reservation_spread): the headline's
    surplus is the one the debrief's table and the record show, against the drawn value."""
    session = finished("dayton-1995", 4, bosnia="human")
    drawn = session.state.scenario.delegations[0].reservation
    assert drawn != session.scenario.delegations[0].reservation  # this seed's draw moved it
    (line,) = headlines(session, analyze(session.scenario, session.state.venue))
    assert line.reservation == drawn
    assert line.surplus == outcome_utility(session.state, 0) - drawn


def test_the_debrief_judges_a_game_by_its_drawn_preferences_in_every_part() -> None:
    """With drawn types, the headline's Nash point and the quality section's are one point, of
    the game's own preferences (the file's central ones would give other numbers)."""
    session = finished("dayton-1995", 4, bosnia="human")
    analysis = analysis_for(session)
    (line,) = headlines(session, analysis)
    q = quality(session, analysis)
    name = session.state.scenario.delegations[0].name
    (at_nash,) = [u for who, u, _, _ in q.nash_utilities if who == name]
    assert line.nash == at_nash
    assert quality(session) == q  # the default is the same analysis
    central = analyze(session.scenario, session.state.venue)
    assert central.nash is not None
    assert dict(zip(central.space.parties, central.utilities_of(central.nash), strict=True))[0] != line.nash


def test_an_all_ai_game_has_no_headline() -> None:
    session = finished("mini", 3)
    assert headlines(session, analyze(session.scenario, 0)) == () and human_seats(session) == ()


def test_the_ai_in_your_seat_replays_the_seed_with_the_ai_playing_it() -> None:
    session = finished("astana-8", 4, "hard", opposition="human")
    assert ai_level(session) == "hard"
    got = ai_in_seat(session)
    game = play(session.scenario, 4, choosers(dict.fromkeys(range(len(session.scenario.delegations)), "hard")))
    assert got == {1: outcome_utility(game.state, 1)}
    assert ai_in_seat(session) is got  # cached: the second call plays nothing


def test_the_ai_in_your_seat_plays_against_a_wait_nash_seat_as_the_table_did() -> None:
    """A game played against the wait-nash strategy (`play --seat ID=wait-nash`): the table gives
    it the analysis's Nash packages, and so must the debrief's replay, or the AI in the player's
    seat is judged in a game where that seat tabled nothing."""
    from game.ai.seats import chooser as bare
    from game.sim.seating import game_choosers

    seats = {"opposition": "human", "russia": "ai:wait-nash"}
    kinds = dict.fromkeys(range(9), "normal") | {2: "wait-nash"}
    differ = []
    for seed in range(6):
        session = new_session("astana-8", seed, "normal", **seats)
        got = ai_in_seat(session)
        table = play(session.scenario, seed, game_choosers(session.scenario, kinds, seed))
        assert got == {1: outcome_utility(table.state, 1)}
        without = {k: bare(kind, scenario=session.scenario) for k, kind in kinds.items()}
        differ.append(got[1] != outcome_utility(play(session.scenario, seed, without).state, 1))
    assert any(differ)  # the Nash packages changed some game: the test tells the two apart


def test_the_record_gets_one_entry_per_human_seat_that_identifies_the_game() -> None:
    session = finished("astana-8", 4, government="human", russia="human")
    lines = headlines(session, analyze(session.scenario, 0))
    entries = results(session, lines, 123.0)
    assert [e.seat for e in entries] == ["government", "russia"] and all(e.hot_seat for e in entries)
    assert len({e.game for e in entries}) == 1 and entries[0].outcome == session.state.outcome
    other = results(finished("astana-8", 5, government="human"), lines[:1], 123.0)
    assert other[0].game != entries[0].game


def test_the_headline_says_when_the_walk_away_value_moved_from_its_draw() -> None:
    """At astana-8 an event can move the government's walk-away value (ground taken), and the
    brief at the start said another: the headline keeps both, and the debrief says so."""
    from game.engine.types import draw_types
    from game.ui.screens.debrief import _you

    told = []
    for seed in (0, 3):  # the event moved it in game 0, and nothing did in game 3
        session = finished("astana-8", seed, government="human")
        (line,) = headlines(session, analyze(session.scenario, session.state.venue))
        drawn = draw_types(session.scenario, seed).delegations[0].reservation
        assert line.drawn == drawn and line.reservation == session.state.scenario.delegations[0].reservation
        said = _you((line,), None, "normal").plain
        moved = f"your walk-away value moved from {drawn:.2f}, drawn for this game, to {line.reservation:.2f}"
        assert (moved in said) == (round(drawn, 2) != round(line.reservation, 2))
        told.append(moved in said)
    assert told == [True, False]


def test_a_save_finished_again_the_same_way_is_one_game_and_another_ending_is_another(tmp_path: Path) -> None:
    """A named save continued (`play --load NAME`) and finished, then continued again from the
    same save and finished with the same moves: the record keeps one entry. Continued with other
    moves, the game ends elsewhere: a second entry."""
    start = play_on(new_session("astana-8", 3, government="human"), 20)
    saved = save(start, tmp_path / "saves", "mine")
    path = tmp_path / "results.json"

    def finish(level: str = "normal") -> list[Result]:
        session = load(saved)
        while not session.state.over:
            state = session.state
            mover = chooser(level if state.actor == 0 else "normal", scenario=session.scenario)
            session.play(mover(view_for(state, state.actor), agent_rng(state)).action)
        lines = headlines(session, analyze(session.scenario, session.state.venue))
        return results(session, lines, 123.0)

    once = finish()
    add_results(once, path)
    again = finish()
    assert again[0].game == once[0].game and again[0].seats == once[0].seats
    add_results(again, path)
    assert len(read_record(path).results) == 1
    other = finish("easy")  # the government's moves as the easy level plays them: another ending
    assert other[0].game != once[0].game
    add_results(other, path)
    assert len(read_record(path).results) == 2


def test_the_same_moves_from_other_seats_are_another_game(tmp_path: Path) -> None:
    """The government walks out at its first move (the talks collapse at once): the same moves
    and the same last state whoever held the other seats. Against the hard AI, after a game
    against the normal one, it was not recorded: the record took it for the same game."""
    path = tmp_path / "results.json"
    entries = []
    for level in ("normal", "hard"):
        session = new_session("astana-8", 1, level, government="human")
        session.play(WalkOut("government"))
        assert session.state.over
        lines = headlines(session, analyze(session.scenario, 0))
        entries.append(results(session, lines, 123.0)[0])
        add_results(entries[-1:], path)
    assert entries[0].game == entries[1].game, "the same scenario, seed and moves"
    assert [r.difficulty for r in read_record(path).results] == ["normal", "hard"]


def test_the_record_keeps_the_figures_the_debrief_shows_unrounded(tmp_path: Path) -> None:
    """A newcomer's debrief read 0.60 and their record 0.59 for one game: the record kept the
    utility rounded to four places (0.59503 as 0.595), which two places write "0.59". What goes
    into the record, and comes back out of the file, is the headline's own figure."""
    from dataclasses import replace

    from game.ui.format import against

    session = finished("astana-8", 4, government="human")
    (line,) = headlines(session, analyze(session.scenario, session.state.venue))
    line = replace(line, utility=0.59503, nash=0.59503)  # a figure four places would round onto a tie
    (entry,) = results(session, (line,), 123.0)
    path = tmp_path / "results.json"
    add_results([entry], path)
    (read,) = read_record(path).results
    assert (read.utility, read.nash) == (line.utility, line.nash)
    assert against(read.utility, read.reservation) == against(line.utility, line.reservation)


def test_a_seat_pulled_out_after_signing_is_told_so_in_its_headline() -> None:
    """A newcomer signed an offer that cost all but a few points of its support: the deal stood,
    the hardliners pulled the delegation out, and "Your result" read as a plain agreement."""
    from game.engine.actions import Draft, Pass, Respond
    from game.saves import Session
    from game.ui.screens.debrief import _you
    from tests.saves.helpers import MINI, from_bytes

    # mini with dear concessions and red's support low: signing the envoy's whole-agenda draft
    # (all prisoners released, across red's red line) pulls red out, and the deal stands
    text = MINI.read_text(encoding="utf-8").replace(
        "  collapse_support: 10\n", "  collapse_support: 10\n  concession_cost: 80\n"
    )
    text = text.replace("    support: 60\n", "    support: 20\n", 1)
    source = text.encode()
    scenario = from_bytes(source)
    session = Session.new(
        scenario, source, 1, {d.id: "human" if d.id == "red" else "ai:normal" for d in scenario.delegations}, "mini"
    )
    for action in (
        Draft("envoy", (("prisoners", "all"), ("truce", "pause"))),
        Pass("envoy"),
        Respond("red", 1, True),
        Pass("red"),
        Respond("blue", 1, True),
    ):
        session.play(action)
    assert session.state.outcome == "agreement" and not session.state.present[0]
    (line,) = headlines(session, analyze(session.scenario, session.state.venue))
    assert line.left == (("", "signed, then pulled out by its hardliners"),)
    assert "  You signed, then were pulled out by your hardliners.\n" in _you((line,), None, "normal").plain
    # a seat that stayed to the end is told nothing of the kind
    stayed = finished("astana-8", 4, government="human")
    (line,) = headlines(stayed, analyze(stayed.scenario, stayed.state.venue))
    assert line.left == () and "You " not in _you((line,), None, "normal").plain.split("\n", 1)[1]
