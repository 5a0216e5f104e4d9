"""The tutorial teaches every lesson, in order, whatever the player does: a deal made before the
last round ends the game, and the lessons it did not reach come before the debrief."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from game.engine import Propose
from game.scenario import bundled
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.notices import Notice
from game.ui.screens.table import TableScreen
from tests.ui.driving import DEADLINE, driven, new_app, press, tick

TUTORIAL = bundled()["tutorial"]
TRADE = (("cargo", "food_and_medicine"), ("convoys", "one_convoy"), ("medevac", "full_list"))


def test_a_deal_before_the_last_round_still_shows_the_lessons_left(tmp_path: Path) -> None:
    async def body() -> None:
        app = new_app(tmp_path, ("un_team",), seed=2017, scenario=TUTORIAL)
        async with driven(app, size=(80, 24)) as pilot:
            notices: list[str] = []
            bodies: list[str] = []
            body_text = ""
            table: TableScreen | None = None
            deadline = time.monotonic() + DEADLINE
            while not isinstance(app.screen, DebriefScreen):
                assert time.monotonic() < deadline, f"the game never reached its debrief; the screen is {app.screen!r}"
                screen = app.screen
                if isinstance(screen, Notice):
                    notices.append(screen.title_text)
                    bodies.append(screen.body)
                    if screen.title_text.startswith("The deal came early"):
                        body_text = screen.body
                    await press(pilot, "enter")
                    continue
                if isinstance(screen, TableScreen):
                    table = screen
                    state = screen.session.state
                    if (
                        not state.over
                        and state.actor in screen.humans
                        and not any(w.group == "ai" and not w.is_finished for w in app.workers)
                    ):
                        if any(p.response_of(state.actor) == 0 for p in state.proposals):
                            await press(pilot, "o", "a")  # accept what Damascus offers
                        elif not any(p.author == state.actor for p in state.proposals):
                            screen._act(Propose("un_team", TRADE, ("government",)))
                        else:
                            await press(pilot, "n")
                        await pilot.pause()
                        continue
                await tick()
            assert table is not None
            state = table.session.state
            assert state.outcome == "agreement" and state.round < 3, "the deal was meant to come early"
            lessons = [c for c in state.scenario.events if c.lesson]
            # every lesson once, in the scenario's order: those of the rounds played, then the rest
            shown = "\n".join(bodies)
            assert [shown.count(c.title) for c in lessons] == [1] * len(lessons)
            assert [shown.find(c.title) for c in lessons] == sorted(shown.find(c.title) for c in lessons)
            assert notices[-1].startswith("The deal came early")
            left = [c.title for c in lessons[state.round :]]
            assert left and all(t in body_text for t in left)

    asyncio.run(body())
