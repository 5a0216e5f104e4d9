"""A game saved and loaded is the same game: every field, every byte, and the same future."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import actions as A
from game.saves import Entry, Session, load, save, save_text
from game.saves.codec import format_action, format_entry, parse_action, parse_entry
from game.saves.write import FORMAT
from tests.saves.helpers import (
    MINI,
    V1_FIXTURE,
    assert_same_game,
    finished,
    from_bytes,
    new_session,
    play_on,
    scenario_file,
    seats_for,
)

GAMES = [
    pytest.param("mini", 3, "normal", {}, id="mini-normal"),
    pytest.param("mini", 11, "random", {"blue": "human"}, id="mini-random-human"),
    pytest.param("astana-8", 7, "normal", {}, id="astana-normal"),
    pytest.param("astana-8", 5, "easy", {"russia": "ai:hard", "un": "ai:random"}, id="astana-mixed"),
    pytest.param("sochi-congress", 7, "hard", {}, id="sochi-hard"),
]


@pytest.mark.parametrize(("name", "seed", "level", "overrides"), GAMES)
def test_a_saved_game_loads_equal_in_every_field(
    tmp_path: Path, name: str, seed: int, level: str, overrides: dict[str, str]
) -> None:
    game = finished(name, seed, level, **overrides)
    assert game.state.over and game.log
    path = save(game, tmp_path, "game")
    loaded = load(path)
    assert_same_game(loaded, game)
    assert loaded.scenario.content_hash == hashlib.sha256(game.source).hexdigest()


def test_a_game_in_progress_and_a_new_game_load_equal(tmp_path: Path) -> None:
    fresh = new_session("astana-8", 9)
    assert_same_game(load(save(fresh, tmp_path, "fresh")), fresh)
    assert "log: []" in save_text(fresh)
    running = play_on(new_session("astana-8", 9), 17)
    assert not running.state.over
    loaded = load(save(running, tmp_path, "running"))
    assert_same_game(loaded, running)
    assert loaded.state.outcome == ""


def test_save_text_is_deterministic(tmp_path: Path) -> None:
    game = finished("astana-8", 7)
    text = save_text(game)
    assert save_text(game) == text
    # an identical game built separately, and the game read back, give the same bytes
    assert save_text(finished("astana-8", 7)) == text
    first = save(game, tmp_path / "one", "game")
    second = save(load(first), tmp_path / "two", "game")
    assert first.read_bytes() == second.read_bytes() == text.encode("utf-8")
    # and a different game does not
    assert save_text(finished("astana-8", 8)) != text


@pytest.mark.parametrize(("name", "seed", "cut"), [("mini", 3, 1), ("mini", 3, 17), ("astana-8", 7, 60)])
def test_a_half_played_game_continues_identically_after_loading(tmp_path: Path, name: str, seed: int, cut: int) -> None:
    original = play_on(new_session(name, seed), cut)
    assert len(original.log) == cut and not original.state.over
    loaded = load(save(original, tmp_path, "half"))
    assert_same_game(loaded, original)
    play_on(original)
    play_on(loaded)
    assert original.state.over and len(original.log) > cut
    assert_same_game(loaded, original)
    assert save_text(loaded) == save_text(original)
    # the whole game played at one go is the same game too
    assert_same_game(finished(name, seed), original)


# --- the codec: one line per entry --------------------------------------------------------

EVERY_KIND = [
    A.Propose("red", (("prisoners", "some"), ("truce", "pause")), ("blue",)),
    A.Propose("big", (("truce", "monitored"),), ("red", "blue")),
    A.Propose("red", (), ("blue", "big")),
    A.Draft("envoy", (("prisoners", "all"), ("truce", "monitored"))),
    A.Draft("envoy", ()),
    A.Respond("blue", 12, True),
    A.Respond("blue", 0, False),
    A.Concede("red", "prisoners", "some"),
    A.Statement("red", "hardline"),
    A.Statement("blue", "conciliatory", "red"),
    A.Pressure("big", "red", "truce"),
    A.Meet("envoy", "blue"),
    A.WalkOut("red"),
    A.Boycott("blue"),
    A.Pass("big"),
]


def test_the_examples_cover_every_action_kind() -> None:
    assert {a.kind for a in EVERY_KIND} == set(A.ACTION_TYPES)


@pytest.mark.parametrize("action", EVERY_KIND, ids=lambda a: format_action(a))
def test_codec_round_trips_every_action_kind(action: A.Action) -> None:
    entry = Entry(42, 3, action, "0123456789abcdef" * 4)
    line = format_entry(entry)
    assert "\n" not in line and '"' not in line and "\\" not in line
    assert parse_entry(line) == entry
    assert parse_action(action.actor, format_action(action).split()) == action


IDS = st.from_regex(r"[a-z][a-z0-9_-]{0,11}", fullmatch=True)
PACKAGES = st.lists(st.tuples(IDS, IDS), max_size=6, unique_by=lambda p: p[0]).map(tuple)
ACTIONS = st.one_of(
    st.builds(A.Propose, IDS, PACKAGES, st.lists(IDS, min_size=1, max_size=5).map(tuple)),
    st.builds(A.Draft, IDS, PACKAGES),
    st.builds(A.Respond, IDS, st.integers(0, 999_999_999), st.booleans()),
    st.builds(A.Concede, IDS, IDS, IDS),
    st.builds(A.Statement, IDS, st.sampled_from(A.TONES), st.one_of(st.just(""), IDS)),
    st.builds(A.Pressure, IDS, IDS, IDS),
    st.builds(A.Meet, IDS, IDS),
    st.builds(A.WalkOut, IDS),
    st.builds(A.Boycott, IDS),
    st.builds(A.Pass, IDS),
)


@settings(max_examples=150, deadline=None, database=None)
@given(ACTIONS, st.integers(1, 999_999_999), st.integers(1, 10**4), st.from_regex(r"[0-9a-f]{64}", fullmatch=True))
def test_codec_round_trips_any_well_formed_entry(action: A.Action, turn: int, round_: int, digest: str) -> None:
    entry = Entry(turn, round_, action, digest)
    assert parse_entry(format_entry(entry)) == entry


LEVELS = st.sampled_from(["ai:easy", "ai:normal", "ai:hard", "ai:random"])


@settings(max_examples=25, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["mini", "astana-8", "sochi-congress"]), st.integers(0, 2**63 - 1), st.data())
def test_codec_round_trips_every_action_of_random_ai_games(name: str, seed: int, data: st.DataObject) -> None:
    scenario, _ = scenario_file(name)
    overrides = {d.id: data.draw(LEVELS, label=d.id) for d in scenario.delegations}
    game = new_session(name, seed, "normal", **overrides)
    play_on(game)
    assert game.log
    for entry in game.log:
        line = format_entry(entry)
        assert parse_entry(line) == entry, line


def test_the_ai_games_used_above_can_play_every_action_kind() -> None:
    """So the property above does meet every kind: these fixed games between them play all ten."""
    kinds = {e.action.kind for e in finished("astana-8", 7).log} | {
        e.action.kind for e in finished("sochi-congress", 6).log
    }
    assert kinds == set(A.ACTION_TYPES)


# --- the embedded scenario --------------------------------------------------------------

RAW = MINI.read_bytes()
SOURCES = {
    "crlf": RAW.replace(b"\n", b"\r\n"),
    "bom": b"\xef\xbb\xbf" + RAW,
    "bom-crlf": b"\xef\xbb\xbf" + RAW.replace(b"\n", b"\r\n"),
    "no-final-newline": RAW.rstrip(b"\n"),
    "trailing-blank-line": RAW + b"\n",
    "trailing-blank-lines-crlf": RAW.replace(b"\n", b"\r\n") + b"\r\n\r\n",
    "trailing-spaces": RAW.replace(b"\n", b"  \n", 5) + b"   ",
    "leading-blank-line": b"\n" + RAW,
    "indented-first-comment": b"   # indented\n" + RAW,
    "unicode": RAW.replace(b"Mini talks", "Pourparlers \u00abété\u00bb \u2013 日本 😀".encode()),
    "tabs-in-comments": RAW.replace(b"# A small", b"#\tA\tsmall"),
    "document-markers": b"---\n" + RAW + b"...\n",
}


@pytest.mark.parametrize("variant", list(SOURCES))
def test_the_embedded_scenario_reproduces_the_exact_bytes(tmp_path: Path, variant: str) -> None:
    source = SOURCES[variant]
    scenario = from_bytes(source)
    assert scenario.content_hash == hashlib.sha256(source).hexdigest()
    game = play_on(Session.new(scenario, source, 4, seats_for(scenario), "mini"), 9)
    path = save(game, tmp_path, variant)
    loaded = load(path)
    assert loaded.source == source
    assert hashlib.sha256(loaded.source).hexdigest() == scenario.content_hash
    assert_same_game(loaded, game)
    header = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert header["scenario"]["hash"] == scenario.content_hash


@pytest.mark.parametrize("change", ["edited", "deleted"])
def test_a_save_survives_a_change_to_the_scenario_file_it_came_from(tmp_path: Path, change: str) -> None:
    scenario_path = tmp_path / "talks.yaml"
    scenario_path.write_bytes(MINI.read_bytes())
    source = scenario_path.read_bytes()
    scenario = from_bytes(source)
    game = play_on(Session.new(scenario, source, 5, seats_for(scenario), "talks"), 12)
    path = save(game, tmp_path / "saves", "game")
    if change == "edited":
        scenario_path.write_bytes(source.replace(b"rounds: 4", b"rounds: 9").replace(b"Mini talks", b"Other"))
    else:
        scenario_path.unlink()
    loaded = load(path)
    assert_same_game(loaded, game)
    play_on(loaded)
    play_on(game)
    assert_same_game(loaded, game)


# --- format 1 ---------------------------------------------------------------------------


def v1_actions() -> list[A.Action]:
    doc = yaml.safe_load(V1_FIXTURE.read_text(encoding="utf-8"))
    return [parse_action(line.split()[0], line.split()[1:]) for line in doc["actions"]]


def test_the_format_1_fixture_loads_through_the_migration() -> None:
    doc = yaml.safe_load(V1_FIXTURE.read_text(encoding="utf-8"))
    assert doc["version"] == 1 and "format" not in doc, "the fixture is not a format-1 save any more"
    game = load(V1_FIXTURE)
    assert game.seats == {"red": "ai:normal", "blue": "human", "big": "ai:normal", "envoy": "ai:normal"}
    assert game.seed == doc["seed"] == 3
    assert game.name == "mini"
    assert game.source == doc["scenario"]["text"].encode("utf-8")
    assert [e.action for e in game.log] == v1_actions()
    assert [e.turn for e in game.log] == list(range(1, len(game.log) + 1))
    # the hashes format 1 lacked are computed on the way: the same game replayed in a Session
    scenario = from_bytes(game.source)
    replayed = Session.new(scenario, game.source, 3, dict(game.seats), "mini")
    for action in v1_actions():
        replayed.play(action)
    assert_same_game(game, replayed)


def test_a_format_1_save_saved_again_is_format_2_and_loads_equal(tmp_path: Path) -> None:
    game = load(V1_FIXTURE)
    path = save(game, tmp_path, "migrated")
    text = path.read_text(encoding="utf-8")
    header = yaml.safe_load(text)
    assert header["format"] == FORMAT == 2
    assert "version" not in header and "humans" not in header
    assert header["seats"]["blue"] == "human"
    assert len(header["log"]) == len(game.log)
    again = load(path)
    assert_same_game(again, game)
    assert save_text(again) == text


def test_the_record_of_answers_survives_save_load_and_replay(tmp_path: Path) -> None:
    """The whole packages each side accepted or refused (State.answers, which the state hash
    leaves out) come back the same from a save: load replays the actions, which fill it."""
    game = finished("astana-8", seed=2)
    assert game.state.answers, "no answer was given: the test proves nothing"
    loaded = load(save(game, tmp_path, "answers"))
    assert loaded.state.answers == game.state.answers
    replayed = new_session("astana-8", seed=2)
    for entry in game.log:
        replayed.play(entry.action)
    assert replayed.state.answers == game.state.answers
