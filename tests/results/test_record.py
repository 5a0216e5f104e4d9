"""The local record of results: kept in the user data folder, never losing a game, robust to a
damaged file (a clear message, the file set aside, never deleted)."""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.results import RecordError, Result, add_results, read_record, record_path, standings


def result(seat: str = "government", utility: float = 0.7, finished: float = 1000.0, game: str = "g1") -> Result:
    return Result(
        "astana-8", "Astana 8", seat, seat.title(), "normal", 3, "partial", utility, 0.6, 0.75, finished, game
    )


def test_the_record_lives_in_the_user_data_folder(_data_dir: Path) -> None:
    assert record_path().parent == _data_dir
    add_results([result()])
    assert read_record().results == [result()]


def test_a_game_is_recorded_once_and_every_seat_of_it_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "results.json"
    add_results([result("government"), result("opposition")], path)
    add_results([result("government"), result("opposition")], path)  # the same game again
    add_results([result("government", game="g2", finished=2000.0)], path)
    record = read_record(path)
    assert [(r.game, r.seat) for r in record.results] == [
        ("g1", "government"),
        ("g1", "opposition"),
        ("g2", "government"),
    ]


def test_standings_group_by_scenario_and_seat_with_their_figures() -> None:
    rows = standings(
        [
            result(utility=0.5, finished=1.0),
            result(utility=0.9, finished=3.0, game="g2"),
            result("russia", finished=2.0),
        ]
    )
    gov = next(s for s in rows if s.seat == "government")
    assert len(gov.games) == 2 and gov.games[0].finished == 3.0  # the newest first
    assert gov.mean == pytest.approx(0.7) and gov.best == 0.9 and gov.deals == 2
    assert gov.mean_surplus == pytest.approx(0.1) and gov.above_walk_away == 1
    assert rows[0].seat == "government"  # the seat played last comes first


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"{not json", ":1:2: not a record of results"),
        (b"\xff\xfe\x00", "not text"),
        (b"[1, 2]", "expected an object with a list of games"),
        (b'{"format": 99, "games": []}', "format 99"),
    ],
)
def test_a_damaged_record_is_reported_and_set_aside_never_deleted(tmp_path: Path, content: bytes, says: str) -> None:
    path = tmp_path / "results.json"
    path.write_bytes(content)
    with pytest.raises(RecordError) as caught:
        read_record(path)
    assert says in str(caught.value) and str(path) in str(caught.value)
    note = add_results([result()], path)
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("results.unreadable-")]
    assert len(kept) == 1 and kept[0].read_bytes() == content, "the damaged file is kept, byte for byte"
    assert str(kept[0]) in note
    assert read_record(path).results == [result()]


def test_entries_this_version_cannot_read_are_kept_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "results.json"
    odd = [{"scenario": "x"}, "text", {"utility": "high"}]
    path.write_text(json.dumps({"format": 1, "games": odd}))
    assert read_record(path).unreadable == 3
    add_results([result()], path)
    stored = json.loads(path.read_text())["games"]
    assert stored[:3] == odd and len(stored) == 4


@given(st.lists(st.floats(allow_nan=True, allow_infinity=True) | st.integers() | st.booleans() | st.none(), max_size=3))
def test_a_non_finite_or_wrongly_typed_utility_is_unreadable_not_a_crash(values: list[object]) -> None:
    from game.results import _result

    for v in values:
        raw = {**result().__dict__, "utility": v}
        parsed = _result(raw)
        ok = isinstance(v, int | float) and not isinstance(v, bool) and abs(float(v)) < float("inf")
        assert (parsed is not None) == ok


def test_a_game_is_its_moves_and_its_seats_and_older_entries_still_count_their_game(tmp_path: Path) -> None:
    """The same last state from other seats is another game; an entry written before the seats
    were kept still reads, and its game, met again with its seats, is not counted twice."""
    path = tmp_path / "results.json"
    before = {k: v for k, v in asdict(result()).items() if k != "seats"}
    path.write_text(json.dumps({"format": 1, "games": [before]}))
    assert read_record(path).results == [result()]
    add_results([replace(result(), seats="a1")], path)  # that game's debrief opened again
    add_results([replace(result(game="g2"), seats="a1")], path)
    add_results([replace(result(game="g2"), seats="b2")], path)  # other seats, the same moves
    add_results([replace(result(game="g2"), seats="b2")], path)
    stored = json.loads(path.read_text())["games"]
    assert stored[0] == before, "an older entry is kept as it was written"
    assert [(g["game"], g.get("seats")) for g in stored] == [("g1", None), ("g2", "a1"), ("g2", "b2")]
