"""The replay viewer's timeline: every step's state, the transcript to it, and the rounds."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from game.engine import state_hash
from game.saves import SaveLoadError, Session, load, save
from game.saves.timeline import load_timeline
from tests.saves.helpers import MINI, engine_hashes, finished, from_bytes, new_session, play_on, seats_for


def two_venues() -> Session:
    """mini with its venue held twice, played to the end by the AI: a round 1 twice over."""
    doc = yaml.safe_load(MINI.read_bytes())
    venue = doc["venues"][0]
    doc["venues"] = [venue, dict(venue, id="annex", name="The Annex")]
    source = yaml.safe_dump(doc, sort_keys=False).encode()
    scenario = from_bytes(source)
    return play_on(Session.new(scenario, source, 5, seats_for(scenario), "two-venues"))


@pytest.fixture(scope="module")
def astana(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save(finished("astana-8", 7), tmp_path_factory.mktemp("saves"), "astana")


@pytest.mark.parametrize("cap", [4, 7, 20_000])
def test_the_state_at_every_step_is_the_engines(astana: Path, cap: int) -> None:
    timeline = load_timeline(astana, cap=cap)
    hashes = engine_hashes(timeline.session)
    assert timeline.steps == len(hashes) - 1
    assert [state_hash(timeline.state_at(n)) for n in range(timeline.steps + 1)] == hashes
    assert [state_hash(timeline.state_at(n)) for n in range(1, timeline.steps + 1)] == [
        e.hash for e in timeline.session.log
    ]
    # a small cap keeps every Nth state only; the steps between are replayed from the nearest
    assert len(timeline.checkpoints) <= cap + 1
    assert (timeline.every > 1) == (timeline.steps + 1 > cap)


def test_the_timeline_is_the_loaded_game(astana: Path) -> None:
    timeline = load_timeline(astana)
    loaded = load(astana)
    assert timeline.session.log == loaded.log and timeline.session.records == loaded.records
    assert timeline.session.state == loaded.state and timeline.over


def test_the_transcript_to_each_step(astana: Path) -> None:
    timeline = load_timeline(astana)
    records = timeline.session.records
    assert list(timeline.records_to(timeline.steps)) == records
    told = [r for n in range(timeline.steps + 1) for r in timeline.records_of(n)]
    assert told == records
    assert timeline.records_of(0) == timeline.records_to(0)
    assert [r.kind for r in timeline.records_to(0)][:2] == ["venue", "round"]
    for n in range(1, timeline.steps + 1):
        # each step starts with what its action did, told by the one who took it
        first = timeline.records_of(n)[0]
        assert first.kind == timeline.session.log[n - 1].action.kind
    assert list(timeline.records_to(timeline.steps, last=5)) == records[-5:]


@pytest.mark.parametrize("cap", [3, 20_000])
def test_round_starts_across_two_venues(tmp_path: Path, cap: int) -> None:
    session = two_venues()
    assert session.state.venue == 1, "the game never reached the second venue"
    timeline = load_timeline(save(session, tmp_path, "two"), cap=cap)
    marks = [(timeline.state_at(n).venue, timeline.state_at(n).round) for n in range(timeline.steps + 1)]
    starts = [0] + [n for n in range(1, len(marks)) if marks[n] != marks[n - 1]]
    assert timeline.round_starts == starts
    assert [marks[n] for n in starts].count((1, 1)) == 1, "the second venue's first round is a round too"
    for n in range(timeline.steps + 1):
        assert timeline.begins_round(n) == (n in starts)
        after = timeline.round_after(n)
        assert after == min([s for s in starts if s > n], default=timeline.steps)
        before = timeline.round_before(n)
        assert before == max([s for s in starts if s < n], default=0)


def test_a_bad_save_is_refused_as_load_refuses_it(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("format: 2\n")
    with pytest.raises(SaveLoadError) as loading:
        load(path)
    with pytest.raises(SaveLoadError) as timeline:
        load_timeline(path)
    assert str(timeline.value) == str(loading.value)


def test_a_running_game_is_not_over(tmp_path: Path) -> None:
    timeline = load_timeline(save(play_on(new_session("mini", 3), 9), tmp_path, "running"))
    assert not timeline.over and timeline.steps == 9
