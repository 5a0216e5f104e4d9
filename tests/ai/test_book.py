"""The book of the bundled scenarios' rehearsals (game.ai.book): current, the rehearsal's own
choices, used where it holds a seat, and ignored wherever it was written for other code."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import grimp
import pytest

from game.ai import book
from game.ai import rehearsal as R
from game.ai.levels import LEVELS
from game.scenario import bundled, load_scenario
from game.sim import book as writer
from game.sim.seating import game_choosers
from tests.sim.timed_scenarios import signatory_seats, timed_scenario

# The seats whose entries are checked against a rehearsal here. test_the_book_is_current proves
# the book was written from today's sources; this test proves the writer writes what the rehearsal
# chooses, which needs each kind of table and each kind of style, not every seat (all of them take
# 74 s of CPU since session 46, more than a third of the suite): a seat of each style the book
# keeps and at least one a scenario. astana-8's government plays edge, the campaign's platforms
# edge at a firm margin, Sochi's Russia a softer curve and its platforms read the file; the
# harbour's operators, Dayton's Bosnia and Croatia and the tutorial's two keep the full style (the
# harbour's authority and Dayton's FRY play edge).
CHECKED = {
    "astana-8": {"government"},
    "astana-to-sochi": {"platforms"},
    "sochi-congress": {"russia", "platforms"},
    "harbour-contract": {"operators", "authority"},
}


def test_the_book_is_current() -> None:
    assert writer.current() == [], "the book is out of date: python -m game.sim.book writes it again"


@pytest.mark.parametrize("name", sorted(bundled()))
def test_each_entry_is_what_the_rehearsal_chooses(name: str) -> None:
    scenario = load_scenario(bundled()[name])
    entry = json.loads(book.BOOK.read_text())["scenarios"][book.text_hash(scenario)]
    assert entry["scenario"] == name
    checked = 0
    for seat in signatory_seats(scenario):
        seat_id = scenario.delegations[seat].id
        if name in CHECKED and seat_id not in CHECKED[name]:
            continue
        assert entry["styles"][seat_id] == R.style_name(R.choice(scenario, seat).style), seat_id
        checked += 1
    assert checked == len(CHECKED.get(name, ())) or (name not in CHECKED and checked >= 1)


def test_the_fingerprint_covers_every_module_the_rehearsal_imports() -> None:
    graph = grimp.build_graph("game", cache_dir=None)
    imported = graph.find_upstream_modules("game.ai.rehearsal") | {"game.ai.rehearsal"}
    covered = {m for m in imported if m.split(".")[1] in {s.removesuffix(".py") for s in book.SOURCES}}
    assert imported - {"game"} == covered


def test_the_fingerprint_moves_with_any_source_it_covers(tmp_path: Path) -> None:
    root = Path(book.__file__).resolve().parent.parent
    copy = tmp_path / "game"
    for name in book.SOURCES:
        source = root / name
        if source.is_dir():
            for path in source.rglob("*.py"):
                (copy / path.relative_to(root)).parent.mkdir(parents=True, exist_ok=True)
                (copy / path.relative_to(root)).write_bytes(path.read_bytes())
        else:
            copy.mkdir(exist_ok=True)
            (copy / name).write_bytes(source.read_bytes())
    assert book.fingerprint(copy) == book.fingerprint()
    (copy / "ui.py").write_text("# not a source of the rehearsal\n")
    (copy / "ai" / ".#negotiator.py").symlink_to("user@host.1234")  # an editor's lock, dangling
    assert book.fingerprint(copy) == book.fingerprint()
    with (copy / "engine" / "rng.py").open("a") as f:
        f.write("# an edit\n")
    assert book.fingerprint(copy) != book.fingerprint()
    (copy / "engine" / "rng.py").write_bytes((root / "engine" / "rng.py").read_bytes().replace(b"\n", b"\r\n"))
    assert book.fingerprint(copy) == book.fingerprint()  # a checkout with Windows line endings


@pytest.fixture
def fresh_book(monkeypatch: pytest.MonkeyPatch) -> None:
    """The book read again on its next use, and nothing rehearsed before the test."""
    monkeypatch.setattr(book, "_loaded", None)
    monkeypatch.setattr(book, "_hashes", {})
    monkeypatch.setattr(R, "_choices", type(R._choices)())


def _no_rehearsal(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []

    def rehearse(scenario: object, seat: int, kind: str = "hard", games: int = R.LONGEST) -> R.Choice:
        calls.append(seat)
        return R.Choice(LEVELS["normal"], ())

    monkeypatch.setattr(R, "rehearse", rehearse)
    return calls


def test_every_hard_seat_at_a_bundled_table_plays_the_books_style_without_rehearsing(
    fresh_book: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _no_rehearsal(monkeypatch)
    data = json.loads(book.BOOK.read_text())["scenarios"]
    for name in sorted(bundled()):
        scenario = load_scenario(bundled()[name])
        styles = data[book.text_hash(scenario)]["styles"]
        for seat in signatory_seats(scenario):
            chooser = game_choosers(scenario, {seat: "hard"}, 1)[seat]
            assert isinstance(chooser, R.Rehearsed)
            style = chooser.prepare(seat)
            assert R.style_name(style) == styles[scenario.delegations[seat].id], (name, seat)
            assert style in R.STYLES["hard"]  # the style itself, not a copy
    assert calls == []
    # the seats that keep another style than the full one are found as well as the others
    assert sorted(s for e in data.values() for s in e["styles"].values() if s != "hard") == [
        "concede-all",
        *["edge"] * 4,
        *["edge at 0.05"] * 3,
        *["hard on curve 0.5"] * 3,
        *["hard reading the file"] * 4,
    ]


def test_the_file_with_a_comment_and_the_table_in_memory_find_the_entry(
    fresh_book: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls = _no_rehearsal(monkeypatch)
    scenario = load_scenario(bundled()["sochi-congress"])
    seat = [d.id for d in scenario.delegations].index("russia")
    commented = tmp_path / "sochi.yaml"
    commented.write_text("# a comment an author added\n" + bundled()["sochi-congress"].read_text())
    again = load_scenario(commented)
    assert again.content_hash != scenario.content_hash
    assert R.style_name(R.Rehearsed(again).prepare(seat)) == "hard on curve 0.5"
    in_memory = dataclasses.replace(scenario, content_hash="")
    assert R.style_name(R.Rehearsed(in_memory).prepare(seat)) == "hard on curve 0.5"
    assert calls == []


def test_a_style_the_level_does_not_have_is_rehearsed_and_reported(
    fresh_book: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls = _no_rehearsal(monkeypatch)
    scenario = load_scenario(bundled()["sochi-congress"])
    data = json.loads(book.BOOK.read_text())
    data["scenarios"][book.text_hash(scenario)]["styles"]["government"] = "hard on curve 7"
    edited = tmp_path / "book.json"
    edited.write_text(json.dumps(data))
    monkeypatch.setattr(book, "BOOK", edited)
    assert R.Rehearsed(scenario).prepare(0) is LEVELS["normal"] and calls == [0]
    assert writer.current() == [
        f"{edited}: government plays 'hard on curve 7', which is no style of the hard level; {writer.AGAIN}"
    ]


def test_the_writer_writes_what_the_rehearsal_chooses_and_nothing_if_the_sources_move(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(writer, "seats", lambda: [("tutorial", 0), ("tutorial", 1)])
    target = tmp_path / "book.json"
    monkeypatch.setattr(book, "BOOK", target)
    assert writer.main(["--jobs", "1"]) == 0
    data = json.loads(target.read_text())
    tutorial = load_scenario(bundled()["tutorial"])
    assert data["fingerprint"] == book.fingerprint() and data["kind"] == "hard"
    assert data["scenarios"][book.text_hash(tutorial)]["styles"] == {
        tutorial.delegations[seat].id: R.style_name(R.choice(tutorial, seat).style) for seat in (0, 1)
    }
    # an edit while it rehearses: the fingerprint taken after differs from the one taken before
    prints = iter(["a" * 64, "b" * 64])
    monkeypatch.setattr(book, "fingerprint", lambda root=None: next(prints))
    target.write_text("the book before")
    assert writer.main(["--jobs", "1"]) == 1
    assert target.read_text() == "the book before"


def test_a_table_the_book_does_not_hold_is_rehearsed(fresh_book: None, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _no_rehearsal(monkeypatch)
    scenario = load_scenario(bundled()["sochi-congress"])
    changed = dataclasses.replace(
        scenario,
        delegations=(dataclasses.replace(scenario.delegations[0], reservation=0.01), *scenario.delegations[1:]),
    )
    assert R.Rehearsed(changed).prepare(0) is LEVELS["normal"] and calls == [0]
    assert R.Rehearsed(timed_scenario(21)).prepare(0) is LEVELS["normal"] and calls == [0, 0]


def test_a_book_written_for_other_sources_is_ignored(
    fresh_book: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls = _no_rehearsal(monkeypatch)
    data = json.loads(book.BOOK.read_text())
    data["fingerprint"] = "0" * 64
    stale = tmp_path / "book.json"
    stale.write_text(json.dumps(data))
    monkeypatch.setattr(book, "BOOK", stale)
    scenario = load_scenario(bundled()["sochi-congress"])
    assert R.Rehearsed(scenario).prepare(0) is LEVELS["normal"] and calls == [0]
    assert writer.current() == [
        f"{stale}: not a book written for these sources of the agents and the rules; {writer.AGAIN}"
    ]


@pytest.mark.parametrize("content", ["", "{", "[1, 2]", '{"fingerprint": 3}'])
def test_a_missing_or_broken_book_leaves_every_seat_to_its_rehearsal(
    fresh_book: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, content: str
) -> None:
    calls = _no_rehearsal(monkeypatch)
    broken = tmp_path / "book.json"
    if content:
        broken.write_text(content)
    monkeypatch.setattr(book, "BOOK", broken)
    scenario = load_scenario(bundled()["astana-8"])
    assert R.Rehearsed(scenario).prepare(0) is LEVELS["normal"] and calls == [0]
    assert len(writer.current()) == 1


def test_a_book_that_cannot_be_written_is_said_in_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(writer, "seats", lambda: [("tutorial", 0)])
    (tmp_path / "a file").write_text("not a folder")
    monkeypatch.setattr(book, "BOOK", tmp_path / "a file" / "book.json")
    assert writer.main(["--jobs", "1"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"the book is not written: {tmp_path / 'a file'}: cannot write there: ")
    assert err.count("\n") == 1
    # and one written is whole: nothing but the book is left in its folder
    folder = tmp_path / "folder"
    folder.mkdir()
    monkeypatch.setattr(book, "BOOK", folder / "book.json")
    assert writer.main(["--jobs", "1"]) == 0
    assert [p.name for p in folder.iterdir()] == ["book.json"]


def test_a_book_of_another_levels_rehearsals_is_not_read() -> None:
    data = json.loads(book.BOOK.read_text())
    assert book.entries(data, book.fingerprint())
    assert book.entries({**data, "kind": "normal"}, book.fingerprint()) is None
    assert book.entries({**data, "scenarios": []}, book.fingerprint()) is None
