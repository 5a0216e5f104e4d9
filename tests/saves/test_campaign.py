"""A campaign's game (astana-to-sochi: two venues in one scenario) saves, loads, verifies and
replays across the chain, with what was settled and trusted at the first venue carried into the
second."""

from __future__ import annotations

from pathlib import Path

from game.engine import state_hash
from game.saves import load, save
from game.saves.timeline import load_timeline
from tests.saves.helpers import assert_same_game, finished


def test_a_campaign_game_round_trips_and_replays_across_both_venues(tmp_path: Path) -> None:
    session = finished("astana-to-sochi", 1)  # Astana settles; Sochi signs a text of its own
    state = session.state
    assert state.over and len(state.venue_outcomes) == 2  # both venues were played
    assert any(a.venue == 0 for a in state.agreements)  # something settled at Astana...
    path = save(session, tmp_path, "campaign")
    loaded = load(path)  # replays every action and checks every hash
    assert_same_game(loaded, session)
    timeline = load_timeline(path)
    assert timeline.steps == len(session.log)
    # the first step of the chain at Sochi, found by stepping the replay as the viewer does
    sochi = next(k for k in range(timeline.steps + 1) if timeline.state_at(k).venue == 1)
    assert sochi > 0 and timeline.state_at(sochi - 1).venue == 0
    opening = timeline.state_at(sochi)
    for agreement in (a for a in state.agreements if a.venue == 0):
        for issue, option in agreement.package:
            assert opening.settled[issue] == option  # Astana's deal stands when the congress sits
    assert any(a.venue == 1 for a in state.agreements)  # and the congress adds its own
    assert state_hash(timeline.state_at(timeline.steps)) == state_hash(state)
