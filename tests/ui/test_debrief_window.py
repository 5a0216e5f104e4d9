"""The debrief says when a deal was possible, where the news moved what no deal was worth: a
newcomer read "0 are worth at least their walk-away value to every signatory" as a game that
could never have been won, three games running, where events had closed a deal in round 3."""

from __future__ import annotations

import asyncio
import io

from rich.console import Console
from textual.widgets import Static

from game.saves import Session
from game.ui.screens.debrief import DebriefScreen
from tests.saves.helpers import new_session, play_on
from tests.ui.debrief_host import DebriefHost
from tests.ui.driving import driven, until


def drawn(renderable: object, width: int) -> str:
    """The text of a section as a terminal of its width shows it."""
    console = Console(width=max(width, 20), record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def shown(session: Session, size: tuple[int, int]) -> dict[str, str]:
    """Each section of the debrief as drawn, by its id."""

    async def run() -> dict[str, str]:
        app = DebriefHost(session)
        async with driven(app, size=size) as pilot:
            await until(pilot, lambda: isinstance(app.screen, DebriefScreen), "the debrief")
            return {
                str(w.id): " ".join(drawn(w.content, w.size.width).split())
                for w in app.screen.query(Static)
                if w.id and w.id.startswith("debrief-")
            }

    return asyncio.run(run())


def test_a_deal_the_news_closed_is_told_with_the_round_and_the_news() -> None:
    session = play_on(new_session("astana-8", 11, opposition="human"))
    assert not session.state.agreements
    for size in ((80, 24), (120, 40)):
        sections = shown(session, size)
        window = sections["debrief-window"]
        assert "Round 1: 1,889" in window and "Round 3: none" in window
        assert "Government of the Syrian Arab Republic 0.57 → 0.95" in window
        assert "Government troops take villages at the edge of a zone" in window
        assert "The last round to begin with a deal every signatory preferred to no deal was round 2" in window
        assert "as the talks ended (below: when a deal was possible)" in sections["debrief-quality"]


def test_no_section_where_nothing_moved_what_no_deal_is_worth() -> None:
    session = play_on(new_session("astana-8", 3))
    sections = shown(session, (120, 40))
    assert "debrief-window" not in sections
    assert "as the talks ended" not in sections["debrief-quality"]


def test_a_zone_that_closes_and_opens_again_is_told_by_its_last_open_round() -> None:
    """astana-8, seed 38: 1,961 packages in round 1, none in round 2, 41 in rounds 3 and 4, none
    after: "until round 4" had read as if a deal had been there all along."""
    session = play_on(new_session("astana-8", 38))
    assert not session.state.agreements
    window = shown(session, (120, 40))["debrief-window"]
    assert "Round 2: none" in window and "Round 4: 41" in window and "Round 5: none" in window
    assert "The last round to begin with a deal every signatory preferred to no deal was round 4" in window


def test_a_game_that_signed_a_deal_is_not_told_the_news_closed_it() -> None:
    """astana-8, seed 24: signed in round 5, after the zone had closed (the signed package is
    below someone's walk-away value): the counts stay, the sentence that no deal was left goes."""
    session = play_on(new_session("astana-8", 24))
    assert session.state.agreements
    window = shown(session, (120, 40))["debrief-window"]
    assert "none" in window and "The last round to begin" not in window


def test_a_gap_of_nothing_after_the_news_closed_a_deal_is_not_nothing_left_on_the_table() -> None:
    """astana-8, seed 11: a deal every signatory preferred until round 2, none after, nothing
    signed. The Pareto gap is 0 against the walk-away values as the talks ended; a newcomer read
    "nothing was left on the table" a few lines above the rounds that had 1,889 such packages."""
    session = play_on(new_session("astana-8", 11, opposition="human"))
    for size in ((80, 24), (120, 40)):
        quality = shown(session, size)["debrief-quality"]
        assert "Pareto gap: 0.000" in quality
        assert "nothing was left on the table" not in quality
        assert "judged against the walk-away values as the talks ended" in quality
        assert "Earlier rounds had packages every signatory would have accepted" in quality


def test_a_gap_where_no_deal_ever_was_possible_keeps_its_plain_words() -> None:
    """Where nothing moved what no deal is worth, the gap's words stay as they were."""
    session = play_on(new_session("astana-8", 3))
    quality = shown(session, (120, 40))["debrief-quality"]
    assert "nothing was left on the table" in quality and "Earlier rounds" not in quality
