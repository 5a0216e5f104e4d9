"""The debrief's "Your seat, played other ways": a newcomer played astana-8 three times on hard,
rounds 1-5 three ways, scored the same each time, and read the AI's equal score as "nothing
could have done better", where walking out at once or conceding everything would have."""

from __future__ import annotations

import asyncio

from textual.widgets import Static

from game.play.headline import Headline
from game.play.other_ways import OtherWay
from game.sim.tournament import describe as summary
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.debrief_ways import PENDING, names, ways_text
from tests.saves.helpers import new_session, play_on
from tests.ui.debrief_host import DebriefHost
from tests.ui.driving import driven, until
from tests.ui.test_debrief_window import drawn

COMMANDS = {
    0: "peacetalks tournament astana-8 --seat government",
    1: "peacetalks tournament astana-8 --seat opposition",
}


def way(kind: str, utility: float, ended: str = "no deal") -> OtherWay:
    return OtherWay(kind, summary(kind), utility, ended)


def line(seat: int = 1, utility: float = 0.3, name: str = "The armed opposition") -> Headline:
    return Headline(seat, name, utility, 0.2, None, 0.2)


def test_ways_with_one_result_and_ending_share_a_line_and_yours_is_among_them() -> None:
    rows = (
        way("walk-out", 0.5, "the talks collapsed"),
        way("hard", 0.3),
        way("stonewall", 0.3, "the talks collapsed"),  # the same result, another ending
        way("easy", 0.3),
        way("random", 0.1),
    )
    text = ways_text((line(),), {1: rows}, "no deal", "hard", COMMANDS).plain
    lines = [x for x in text.splitlines() if x.startswith("  • ")]
    assert lines == [
        "  • 0.50 (+0.20 on yours)  walk-out (boycotts where it may, else walks out at its first turn): "
        "the talks collapsed",
        "  • 0.30  you and the hard and easy agents: no deal",
        "  • 0.30 (±0.00 on yours)  stonewall: the talks collapsed",
        "  • 0.10 (-0.20 on yours)  random: no deal",
    ]
    assert "1 of 5 did better than you in this game" in text
    styled = ways_text((line(),), {1: rows}, "no deal", "hard", COMMANDS)
    styles = {styled.plain[x.start : x.end]: str(x.style) for x in styled.spans}
    # a gap is green above yours, red below, and neither where the figures are the same
    assert (styles[" (+0.20 on yours)"], styles[" (-0.20 on yours)"], styles[" (±0.00 on yours)"]) == (
        "green",
        "red",
        "dim",
    )
    assert "`peacetalks tournament astana-8 --seat opposition` plays each over 300 games" in text


def test_a_result_of_yours_none_matched_has_its_own_line_in_its_place() -> None:
    rows = (way("hard", 0.6), way("walk-out", 0.1, "the talks collapsed"))
    text = ways_text((line(utility=0.35),), {1: rows}, "a partial deal", "hard", COMMANDS).plain
    lines = [x for x in text.splitlines() if x.startswith("  • ")]
    assert [x.split("  ")[2] for x in lines] == [
        "the hard agent: no deal",
        "you: a partial deal",
        "walk-out: the talks collapsed",
    ]
    # a level is named as an agent, without the strategies' description of what it does
    assert "(the hard agent)" not in text


def test_the_closing_line_says_whether_anything_did_better() -> None:
    same = (way("hard", 0.3), way("random", 0.3))
    text = ways_text((line(),), {1: same}, "no deal", "hard", COMMANDS).plain
    # not "out of your hands": the library is a few fixed ways, and other moves may have mattered
    assert "Every one of the 2 ended as you did in this game." in text and "hands" not in text
    worse = (way("hard", 0.3), way("random", 0.1))
    assert (
        "Nothing in the library did better than you"
        in ways_text((line(),), {1: worse}, "no deal", "hard", COMMANDS).plain
    )
    # equal to four places is equal: 0.30004 does not count as better than 0.3, nor a difference
    # of 2e-8 that rounds apart at three places
    for close in (0.30004, 0.3235 + 1e-8):
        mine = 0.3 if close == 0.30004 else 0.3235 - 1e-8
        rows = (way("hard", close), way("random", 0.1))
        text = ways_text((line(utility=mine),), {1: rows}, "no deal", "hard", COMMANDS).plain
        assert "Nothing in the library did better than you" in text and "of 2 did better" not in text
        assert "you and the hard agent: no deal" in text


def test_every_figure_of_a_list_is_written_to_the_same_places_so_each_gap_adds_up() -> None:
    """Found by a review: yours read "0.77" beside "0.772 (+0.003 on yours)"."""
    rows = (way("normal", 0.7724), way("hard", 0.7693), way("random", 0.5))
    text = ways_text((line(utility=0.7693),), {1: rows}, "no deal", "hard", COMMANDS).plain
    lines = [x for x in text.splitlines() if x.startswith("  • ")]
    assert lines[0].startswith("  • 0.772 (+0.003 on yours)  the normal agent")
    assert lines[1].startswith("  • 0.769  you and the hard agent")
    assert lines[2].startswith("  • 0.500 (-0.269 on yours)  random")


def test_a_replay_an_outside_agent_broke_is_counted_and_no_tournament_is_offered_where_it_cannot_run() -> None:
    rows = (way("walk-out", 0.5, "the talks collapsed in round 1 of 6"),)
    text = ways_text((line(),), {1: rows}, "no deal", "hard", {}).plain
    assert "14 of 15 replays could not be played: an outside agent at the table failed in them." in text
    assert (
        "1 of 1 did better than you in this game. One game is one draw of the news and of the others' preferences.\n"
        in text
    )
    assert "peacetalks tournament" not in text


def test_hot_seat_gives_each_seat_its_own_list_and_a_broken_replay_says_so() -> None:
    lines = (line(0, 0.4, "Government"), line(1, 0.3))
    text = ways_text(lines, {0: (way("hard", 0.5),), 1: ()}, "no deal", "easy", COMMANDS).plain
    assert "every other seat as in your game (the other players' seats by the easy agent);" in text
    assert "As Government:" in text and "As the armed opposition:" in text
    assert "`peacetalks tournament astana-8 --seat government` plays each over 300 games" in text
    assert "nothing to compare with: an outside agent at the table failed in every replay" in text
    single = ways_text(lines[:1], {0: (way("hard", 0.5),)}, "no deal", "easy", COMMANDS).plain
    assert "other players" not in single and "As Government" not in single


def test_names_put_you_first_the_levels_as_agents_then_the_strategies() -> None:
    assert names(["hard"]) == "the hard agent"
    assert (
        names(["you", "easy", "stonewall", "normal", "edge"]) == "you, the easy and normal agents, stonewall and edge"
    )


def test_the_debrief_shows_the_section_once_the_replays_are_played() -> None:
    session = play_on(new_session("astana-8", 11, "hard", opposition="human"))

    async def run() -> tuple[str, str]:
        app = DebriefHost(session)
        async with driven(app, size=(80, 24)) as pilot:
            await until(pilot, lambda: isinstance(app.screen, DebriefScreen), "the debrief")
            screen = app.screen
            assert isinstance(screen, DebriefScreen)
            section = screen.query_one("#debrief-ways", Static)
            before = str(section.content)
            await until(pilot, lambda: screen.ways is not None, "the other ways")
            await pilot.pause()
            return before, drawn(section.content, section.size.width)

    before, after = asyncio.run(run())
    assert before == PENDING or "you" in before  # the replays may be quicker than the first look
    assert PENDING not in after and "  • " in after and "you" in after
    assert all(len(x) <= 78 for x in after.splitlines())  # wrapped to the section, not cut
    assert "peacetalks tournament astana-8 --seat opposition" in " ".join(after.split())


def test_an_unfinished_game_has_no_such_section() -> None:
    session = play_on(new_session("astana-8", 11, "hard", opposition="human"), 10)
    assert not session.state.over

    async def run() -> int:
        app = DebriefHost(session)
        async with driven(app, size=(80, 24)) as pilot:
            await until(pilot, lambda: isinstance(app.screen, DebriefScreen), "the debrief")
            return len(app.screen.query("#debrief-ways"))

    assert asyncio.run(run()) == 0


def test_leaving_the_debrief_while_the_replays_run_stops_them() -> None:
    """The worker is cancelled with the screen, and the replays stop between two games: nothing
    is kept or shown, and quitting does not wait for fifteen games."""
    from game.play import other_ways as ow

    session = play_on(new_session("astana-8", 13, "normal", opposition="human"))
    ow.KEPT.clear()

    async def run() -> None:
        app = DebriefHost(session)
        async with driven(app, size=(80, 24)) as pilot:
            await until(pilot, lambda: isinstance(app.screen, DebriefScreen), "the debrief")
            screen = app.screen
            assert isinstance(screen, DebriefScreen)
            app.pop_screen()
            await until(pilot, lambda: not len(app.workers), "the debrief's worker to end")
            assert screen.ways is None

    asyncio.run(run())
    assert not len(ow.KEPT)  # stopped part way: nothing kept


def test_the_tournament_is_offered_for_a_signatory_on_the_bundled_file_itself() -> None:
    from game.saves import Session
    from game.scenario import bundled

    session = play_on(new_session("astana-8", 13, "normal", opposition="human", un="human"))
    # the UN signs nothing at astana-8: the tournament refuses its seat
    assert DebriefScreen(session)._tournaments() == {1: "peacetalks tournament astana-8 --seat opposition"}
    # an edited copy saved under the bundled name is not the bundled scenario
    source = bundled()["astana-8"].read_bytes().replace(b"Astana 8", b"Astana 8, edited", 1)
    assert source != session.source
    edited = Session(session.scenario, source, session.seed, session.seats, session.state, name="astana-8")
    assert DebriefScreen(edited)._tournaments() == {1: "peacetalks tournament SCENARIO --seat opposition"}


def test_every_strategy_listed_is_said_in_a_few_words_once() -> None:
    """A newcomer could not tell what "ideal-then-fold, copy-last and edge" had done: a strategy
    that beat the player says it on its line, the rest under the list, in the library's order."""
    rows = (way("walk-out", 0.5), way("edge", 0.2), way("copy-last", 0.2), way("hard", 0.2), way("stonewall", 0.1))
    text = ways_text((line(),), {1: rows}, "no deal", "hard", COMMANDS).plain
    told = text[text.index("  The other strategies:\n") :].splitlines()
    assert told[1:] == [f"    - {k}: {summary(k)}" for k in ("stonewall", "copy-last", "edge")]
    assert text.count(summary("walk-out")) == 1 and "hard agent:" not in text
    worse = ways_text((line(),), {1: rows[1:]}, "no deal", "hard", COMMANDS).plain
    assert "  The strategies:\n" in worse  # none said on its line: not "the other"


def test_in_hot_seat_the_strategies_are_said_once_under_the_last_list() -> None:
    lines = (line(0, 0.4, "Government"), line(1, 0.3))
    rows = (way("edge", 0.2), way("stonewall", 0.1))
    text = ways_text(lines, {0: rows, 1: (way("walk-out", 0.5), *rows)}, "no deal", "hard", COMMANDS).plain
    assert text.count(f"    - edge: {summary('edge')}") == 1 and text.count("The other strategies:") == 1
    assert text.index("The other strategies:") > text.index("As the armed opposition:")
    assert "    - walk-out:" not in text  # said on its own line, where it beat the opposition
