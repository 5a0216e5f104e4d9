"""The debrief's "Your seat, played other ways": a newcomer played astana-8 three times on hard,
rounds 1-5 three ways, scored the same each time, and read the AI's equal score as "nothing
could have done better", where walking out at once or conceding everything would have."""

from __future__ import annotations

import asyncio

from textual.app import App, ComposeResult
from textual.widgets import Static

from game.play.headline import Headline
from game.play.other_ways import OtherWay, summary
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.debrief_ways import PENDING, names, ways_text
from tests.saves.helpers import new_session, play_on
from tests.ui.driving import driven, until
from tests.ui.test_debrief_window import drawn

COMMAND = "peacetalks tournament astana-8 --seat {seat}"
IDS = ("government", "opposition")


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
    text = ways_text((line(),), {1: rows}, "no deal", COMMAND, IDS).plain
    lines = [x for x in text.splitlines() if x.startswith("  • ")]
    assert lines == [
        "  • 0.50 (+0.20 on yours)  walk-out (boycotts where it may, else walks out at its first turn): "
        "the talks collapsed",
        "  • 0.30  you and the hard and easy agents: no deal",
        "  • 0.30 (±0.00 on yours)  stonewall: the talks collapsed",
        "  • 0.10 (-0.20 on yours)  random: no deal",
    ]
    assert "1 of 5 did better than you in this game" in text
    assert "`peacetalks tournament astana-8 --seat opposition` plays each over 300 games" in text


def test_a_result_of_yours_none_matched_has_its_own_line_in_its_place() -> None:
    rows = (way("hard", 0.6), way("walk-out", 0.1, "the talks collapsed"))
    text = ways_text((line(utility=0.35),), {1: rows}, "a partial deal", COMMAND, IDS).plain
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
    assert "out of your hands" in ways_text((line(),), {1: same}, "no deal", COMMAND, IDS).plain
    worse = (way("hard", 0.3), way("random", 0.1))
    assert (
        "Nothing in the library did better than you" in ways_text((line(),), {1: worse}, "no deal", COMMAND, IDS).plain
    )
    # equal to four places is equal: 0.30004 does not count as better than 0.3
    close = (way("hard", 0.30004), way("random", 0.1))
    text = ways_text((line(),), {1: close}, "no deal", COMMAND, IDS).plain
    assert "Nothing in the library did better than you" in text and "of 2 did better" not in text


def test_hot_seat_gives_each_seat_its_own_list_and_a_broken_replay_says_so() -> None:
    lines = (line(0, 0.4, "Government"), line(1, 0.3))
    text = ways_text(lines, {0: (way("hard", 0.5),), 1: ()}, "no deal", COMMAND, IDS).plain
    assert "As Government:" in text and "As the armed opposition:" in text
    assert "--seat government" in text
    assert "nothing to compare with: an outside agent at the table failed in every replay" in text


def test_names_put_you_first_the_levels_as_agents_then_the_strategies() -> None:
    assert names(["hard"]) == "the hard agent"
    assert (
        names(["you", "easy", "stonewall", "normal", "edge"]) == "you, the easy and normal agents, stonewall and edge"
    )


def test_the_debrief_shows_the_section_once_the_replays_are_played() -> None:
    session = play_on(new_session("astana-8", 11, "hard", opposition="human"))

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("title screen")

        def on_mount(self) -> None:
            self.push_screen(DebriefScreen(session))

    async def run() -> tuple[str, str]:
        app = Host()
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

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(DebriefScreen(session))

    async def run() -> int:
        app = Host()
        async with driven(app, size=(80, 24)) as pilot:
            await until(pilot, lambda: isinstance(app.screen, DebriefScreen), "the debrief")
            return len(app.screen.query("#debrief-ways"))

    assert asyncio.run(run()) == 0
