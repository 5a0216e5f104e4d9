"""A plural name takes a plural verb on the table's status line, as it does in the transcript: an
author's mediator "Cuba and Norway" (`plural: true`) read "Cuba and Norway speaks…" every round."""

from __future__ import annotations

import asyncio
from pathlib import Path

from game.engine import Pass
from game.scenario import bundled
from tests.ui.driving import at_the_table, new_app


def test_the_status_line_gives_a_plural_speaker_a_plural_verb(tmp_path: Path) -> None:
    async def body() -> tuple[str, str]:
        app = new_app(tmp_path, ("government",), scenario=bundled()["sochi-congress"])
        async with at_the_table(app, size=(160, 50)) as (_, table):
            session = table.session
            sc = session.scenario
            said: dict[str, str] = {}
            while len(said) < 2:
                actor = sc.delegations[session.state.actor]
                if actor.id in ("platforms", "snc"):
                    said[actor.id] = table._status().plain
                session.play(Pass(actor.id))
            return said["platforms"], said["snc"]

    platforms, snc = asyncio.run(body())
    assert "platforms and independents speak… (f: skip)" in platforms or "Platforms speak… (f: skip)" in platforms
    assert "speaks…" in snc  # a singular name keeps its verb


def test_what_a_meeting_taught_of_a_plural_side_is_said_in_the_plural() -> None:
    from game.engine import view_for
    from game.engine.setup import new_game
    from game.scenario import load_scenario
    from game.ui.transcript import learnt

    sc = load_scenario(bundled()["sochi-congress"])
    view = view_for(new_game(sc, 1)[0], sc.delegation_index["government"])
    platforms, snc = sc.delegation_index["platforms"], sc.delegation_index["snc"]
    assert learnt(sc, view, platforms, 0, 0.14).endswith("carries 14% of what they want")
    assert learnt(sc, view, snc, 0, 0.14).endswith("carries 14% of what it wants")
