"""The builder's acceptance estimate for a side the player chose a built-in level for is read
through that level's calibration map (game.ai.estimate_fit.LEVEL_CALIBRATION): the hard agents said
yes up to 0.22 less often than the map pooled over every level showed. A side played by a
strategy (or a person, or an outside agent) is read through the pooled map."""

from __future__ import annotations

import asyncio
from pathlib import Path

from game.ai.estimate import acceptance_chance
from game.ui.format import percent
from game.ui.screens.actions import ProposalBuilder
from game.ui.widgets.fields import ToggleField
from tests.ui.driving import driven, new_app, press, screen_of, settle


def test_each_sides_estimate_is_read_through_the_map_of_the_level_it_plays(tmp_path: Path) -> None:
    async def body() -> None:
        app = new_app(tmp_path, ("government",), seed=2, difficulty="hard", seats=(("turkey", "ai:copy-last"),))
        async with driven(app, size=(120, 40)) as pilot:
            table = await settle(pilot)
            await press(pilot, "p")
            builder = await screen_of(pilot, ProposalBuilder)
            await pilot.pause()
            ids = [d.id for d in table.session.scenario.delegations]
            iran, turkey = ids.index("iran"), ids.index("turkey")  # Iran hard, Turkey a strategy
            assert builder.levels[iran] == "hard" and turkey not in builder.levels
            package, view = builder.package(), builder.view
            hard = acceptance_chance(view, iran, package, "hard")
            assert hard != acceptance_chance(view, iran, package)  # the two maps tell apart here
            assert builder.query_one(f"#to-{iran}", ToggleField).note.startswith(f"accepts ~{percent(hard)}")
            pooled = acceptance_chance(view, turkey, package)
            assert builder.query_one(f"#to-{turkey}", ToggleField).note.startswith(f"accepts ~{percent(pooled)}")
            await pilot.press("escape")

    asyncio.run(body())
