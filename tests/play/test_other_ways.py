"""The seat played other ways (the debrief's answer to "would anything else have done
better?"): each level and each strategy of the library in the player's seat, from the game's seed,
every other seat as in the game."""

from __future__ import annotations

from pathlib import Path

from game.ai.selfplay import play
from game.engine.utility import outcome_utility
from game.play import other_ways as ow
from game.play.headline import ai_in_seat, ended
from game.play.other_ways import KINDS, other_ways
from game.sim.seating import game_choosers
from tests.saves.helpers import new_session

AGENTS = Path(__file__).resolve().parents[1] / "fixtures" / "agents" / "agents.py"


def test_each_way_is_the_game_replayed_with_it_in_the_seat_best_first() -> None:
    # a new session: only the scenario, the seed and the seats matter, not the moves made
    session = new_session("astana-8", 11, "hard", opposition="human")
    ways = other_ways(session)
    assert set(ways) == {1}
    rows = ways[1]
    assert sorted(w.kind for w in rows) == sorted(KINDS)  # every level and strategy, once
    assert [w.utility for w in rows] == sorted((w.utility for w in rows), reverse=True)
    sc = session.scenario
    for w in rows:
        game = play(sc, 11, game_choosers(sc, dict.fromkeys(range(9), "hard") | {1: w.kind}, 11))
        assert (w.utility, w.ended) == (outcome_utility(game.state, 1), ended(game.state)), w.kind
    # the game's own level in the seat is the AI the headline sets beside the player
    assert {w.kind: w.utility for w in rows}["hard"] == ai_in_seat(session)[1]
    assert len({w.utility for w in rows}) > 1  # at this seed the ways differ: the test can tell them apart
    assert other_ways(session) is ways  # cached: the second call plays nothing


def test_in_hot_seat_the_other_human_is_played_at_the_games_level() -> None:
    # at seed 0 both rows below differ had the other human been played at normal
    session = new_session("astana-8", 0, "easy", government="human", opposition="human")
    ways = other_ways(session)
    assert set(ways) == {0, 1}
    sc = session.scenario
    for seat, other in ((0, 1), (1, 0)):
        row = {w.kind: w for w in ways[seat]}["accept-all" if seat else "concede-all"]
        kinds = dict.fromkeys(range(9), "easy") | {seat: row.kind, other: "easy"}
        assert row.utility == outcome_utility(play(sc, 0, game_choosers(sc, kinds, 0)).state, seat)


def test_a_way_whose_game_an_outside_agent_broke_is_left_out() -> None:
    """The agent raises once round 2 begins: every replay that reaches it fails and is left out,
    as the headline leaves out the AI's game; one that ends in round 1 (a walk-out) stands."""
    seats = {"government": "human", "opposition": f"agent:{AGENTS}:raises_in_round_two"}
    rows = other_ways(new_session("astana-8", 3, "normal", **seats))[0]
    assert [w.kind for w in rows] == ["walk-out"]
    assert rows[0].ended == "the talks collapsed in round 1 of 6"


def test_the_cache_keeps_only_the_last_few_games() -> None:
    ow.KEPT.clear()
    sessions = [new_session("mini", seed, "normal", red="human") for seed in range(ow.KEPT.size + 3)]
    first = other_ways(sessions[0])
    assert len(first[0]) == len(KINDS)  # the games were played
    for session in sessions[1:]:
        other_ways(session)
    assert len(ow.KEPT) == ow.KEPT.size
    assert other_ways(sessions[0]) is not first  # let go, and played again


def test_a_collapse_is_told_with_its_round_and_in_a_campaign_its_venue() -> None:
    """A walk-out in round 1 spares the rounds' toll and one in the last does not: the ways set
    side by side say when the talks collapsed."""
    import dataclasses

    from game.engine.records import in_sentence, listed
    from game.scenario import bundled, load_scenario

    sc = load_scenario(bundled()["astana-8"])
    state = play(sc, 5, game_choosers(sc, {0: "walk-out"}, 5)).state
    assert state.outcome == "collapse"
    assert ended(state) == "the talks collapsed in round 1 of 6"
    # a campaign's games rarely collapse at its last venue: the state of one that did, in round 2
    sc = load_scenario(bundled()["astana-to-sochi"])
    state = dataclasses.replace(
        play(sc, 5).state,
        outcome="collapse",
        venue=1,
        round=2,
        agreements=(),
        venue_outcomes=("deadline", "collapse"),
    )
    assert ended(state) == (
        "nothing signed at Astana 8; the talks collapsed at Congress of Syrian National Dialogue in round 2 of 5"
    )
    # ...and after what Astana signed: the collapse still told (a reviewer found it read as "a partial deal")
    astana = tuple(a for a in play(sc, 0).state.agreements if a.venue == 0)
    assert astana
    state = dataclasses.replace(state, agreements=astana)
    last = max(a.round for a in astana)
    when = "the last signed" if len(astana) > 1 else "signed"
    # what it settled, or what it left open where that is shorter
    settled = {i for a in astana for i, _ in a.package}
    agenda = sc.venues[0].agenda
    on = [in_sentence(sc.issues[i].name) for i in agenda if i in settled]
    left = [in_sentence(sc.issues[i].name) for i in agenda if i not in settled]
    partial = (
        f"a partial deal leaving {listed(left)} open" if len(left) < len(on) else f"a partial deal on {listed(on)}"
    )
    assert ended(state) == (
        f"{partial} at Astana 8, {when} in round {last} of 6; "
        "the talks collapsed at Congress of Syrian National Dialogue in round 2 of 5"
    )
    # ...and a deal at each venue is told venue by venue: "an agreement at the Congress" alone hid
    # what Astana had signed (a newcomer's debrief)
    both = dataclasses.replace(state, outcome="agreement", venue_outcomes=("agreement", "agreement"))
    both = dataclasses.replace(both, agreements=(*astana, dataclasses.replace(astana[-1], venue=1, round=3)))
    assert ended(both) == (
        f"an agreement at Astana 8, {when} in round {last} of 6; "
        "an agreement at Congress of Syrian National Dialogue, signed in round 3 of 5"
    )
    # a collapse at the first venue ends the campaign there
    early = dataclasses.replace(state, venue=0, round=4, agreements=(), venue_outcomes=("collapse",))
    assert ended(early) == "the talks collapsed at Astana 8 in round 4 of 6"


def test_leaving_the_debrief_stops_the_replays_between_two_games_and_keeps_nothing() -> None:
    session = new_session("astana-8", 12, "normal", opposition="human")
    asked: list[int] = []

    def stop() -> bool:
        asked.append(1)
        return len(asked) > 3

    partial = other_ways(session, stop)
    assert [len(rows) for rows in partial.values()] == [3]  # three games, then it stopped
    assert len(other_ways(session)[1]) == len(KINDS)  # not cached: played in full when asked again


def test_the_replays_leave_stdout_alone_as_the_table_does() -> None:
    """The debrief plays them in the interface's worker thread: an outside agent's prints are the
    interface's to capture, and a thread that swapped the process's stdout could put back a closed
    capture after the interface quit (Guarded.redirect)."""
    from game.ai.agent import Guarded
    from game.play.headline import seat_choosers
    from game.scenario import bundled, load_scenario

    sc = load_scenario(bundled()["astana-8"])
    chosen = seat_choosers(sc, {1: f"{AGENTS}:Plain", 0: "hard"}, 3)
    assert isinstance(chosen[1], Guarded) and chosen[1].redirect is False


def test_a_partial_deal_is_told_by_what_it_settled_or_left_open() -> None:
    """The other ways set several partial deals side by side: a newcomer could not tell which one
    a strategy had got. Each is told by the issues it left open (or settled, where fewer)."""
    import dataclasses

    from game.engine.state import Agreement
    from game.scenario import bundled, load_scenario

    sc = load_scenario(bundled()["astana-8"])
    state = play(sc, 4).state
    agenda = sc.venues[0].agenda
    names = {i: sc.issues[i].name for i in agenda}

    def settled(*issues: int) -> tuple[int, ...]:
        return tuple(0 if i in issues else -1 for i in range(len(sc.issues)))

    one_open = dataclasses.replace(
        state,
        outcome="partial",
        agreements=(Agreement(1, 0, 3, tuple((i, 0) for i in agenda[1:]), (0, 1)),),
        settled=settled(*agenda[1:]),
    )
    assert ended(one_open) == f"a partial deal leaving {names[agenda[0]]} open, signed in round 3 of 6"
    two_settled = dataclasses.replace(
        state,
        outcome="partial",
        agreements=(
            Agreement(1, 0, 2, ((agenda[1], 0),), (0, 1)),
            Agreement(2, 0, 4, ((agenda[3], 0),), (0, 1)),
        ),
        settled=settled(agenda[1], agenda[3]),
    )
    first, second = (names[agenda[1]], names[agenda[3]])
    second = "the" + second[3:] if second.startswith("The ") else second
    first = "the" + first[3:] if first.startswith("The ") else first
    assert ended(two_settled) == f"a partial deal on {first} and {second}, the last signed in round 4 of 6"


def test_a_partial_deal_is_told_as_the_game_ended_after_an_event_broke_an_issue() -> None:
    """An event that breaks an agreed issue reopens it: the deal is told by what stood at the end,
    not by every package ever signed (a reviewer's: "a partial deal on ... the Idlib zone ..."
    where the Idlib zone was open again). A deal whose every issue was broken is a partial deal."""
    import dataclasses

    from game.engine.state import Agreement
    from game.scenario import bundled, load_scenario

    sc = load_scenario(bundled()["astana-8"])
    state = play(sc, 4).state
    agenda = sc.venues[0].agenda
    signed = (Agreement(1, 0, 3, tuple((i, 0) for i in agenda), (0, 1)),)
    broken = tuple(-1 if i == agenda[1] else (0 if i in agenda else -1) for i in range(len(sc.issues)))
    after = dataclasses.replace(state, outcome="partial", agreements=signed, settled=broken, agenda=agenda)
    name = sc.issues[agenda[1]].name
    name = "the" + name[3:] if name.startswith("The ") else name
    assert ended(after) == f"a partial deal leaving {name} open, signed in round 3 of 6"
    nothing = tuple(-1 for _ in sc.issues)
    assert ended(dataclasses.replace(after, settled=nothing)) == "a partial deal, signed in round 3 of 6"
