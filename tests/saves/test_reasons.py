"""A save keeps what the AI seats said of their moves (their reasons, in words), and gives them
back to the replay, the transcript and a continued game; a save that lies about them is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from game.engine import actions as A
from game.engine.records import REASONED
from game.saves import Session, load, save, save_text
from game.saves.transcript import markdown
from tests.saves.helpers import ai_decision, finished, new_session
from tests.saves.test_bad_saves import refused, write


@pytest.fixture(scope="module")
def game() -> Session:
    return finished("astana-8", 4)


def test_a_game_keeps_the_reason_each_ai_seat_gave_for_each_move_a_reason_explains(game: Session) -> None:
    """Replayed move by move, each seat's agent is asked again: the save holds its very words for
    every answer, walk-out, boycott and statement, on that move's first record, and nothing else."""
    assert game.reasons, "an AI game of astana-8 answers, and says why"
    again = new_session("astana-8", 4)
    for entry in game.log:
        decision = ai_decision(again)
        assert decision.action == entry.action
        first = len(again.records)
        records = again.play(decision.action)
        if records[0].kind in REASONED:
            assert game.reasons[entry.turn] == decision.reason and game.said[first] == decision.reason
        else:
            assert entry.turn not in game.reasons and first not in game.said


def test_a_move_no_reason_explains_keeps_none() -> None:
    session = new_session("astana-8", 4)
    actor = session.state.scenario.delegations[session.state.actor].id
    session.play(A.Pass(actor), "waiting for a better offer")
    assert session.reasons == {} and session.said == {}
    assert "reasons:" not in save_text(session)


def test_reasons_survive_a_save_and_a_load_byte_for_byte(tmp_path: Path, game: Session) -> None:
    path = save(game, tmp_path, "said")
    text = path.read_text(encoding="utf-8")
    header = yaml.safe_load(text)
    assert header["reasons"] == game.reasons
    loaded = load(path)
    assert loaded.reasons == game.reasons and loaded.said == game.said
    assert save_text(loaded) == text


def test_a_save_without_reasons_still_loads(tmp_path: Path, game: Session) -> None:
    """Saves written before 7 December 2026 have no `reasons`: they load, with none."""
    doc = save_text(game)
    start = doc.index("\nreasons:\n")
    end = doc.index("\nlog:\n")
    path = write(tmp_path, doc[:start] + doc[end:])
    loaded = load(path)
    assert loaded.reasons == {} and loaded.said == {}
    assert loaded.state == game.state


def test_the_transcript_gives_each_reason_beside_its_move(game: Session) -> None:
    text = markdown(game)
    for index, reason in game.said.items():
        assert f"- {game.records[index].text} ({reason})" in text
    assert text.count(") (") == 0  # no reason is given twice, or to another line


def _edited(game: Session, edit: str) -> str:
    """The game's save with its `reasons` block replaced by `edit` (YAML lines)."""
    doc = save_text(game)
    start = doc.index("\nreasons:\n")
    end = doc.index("\nlog:\n")
    return doc[:start] + "\n" + edit.rstrip("\n") + doc[end:]


def _line_of(text: str, needle: str) -> int:
    return text.split("\n").index(needle) + 1


@pytest.mark.parametrize(
    ("edit", "says"),
    [
        ("reasons: because", "'reasons' should be the reasons given for moves"),
        ("reasons:\n  zero: why", r"'zero' is not a turn"),
        ("reasons:\n  0: why", r"'0' is not a turn"),
        ("reasons:\n  -3: why", r"'-3' is not a turn"),
        ("reasons:\n  1: [a, list]", "the reason for turn 1 should be one line of text"),
        ('reasons:\n  1: "one\\x1b[2Jtwo"', r"control character U\+001B"),
        ('reasons:\n  1: "two\\nlines"', r"control character U\+000A"),
        ("reasons:\n  99999: why", "there is no turn 99999 in the log"),
    ],
)
def test_a_bad_reason_is_refused_at_its_line(tmp_path: Path, game: Session, edit: str, says: str) -> None:
    text = _edited(game, edit)
    last = edit.split("\n")[-1]
    refused(write(tmp_path, text), line=_line_of(text, last), says=says)


def test_a_reason_on_a_move_no_reason_explains_is_refused(tmp_path: Path, game: Session) -> None:
    passes = [e.turn for e in game.log if isinstance(e.action, A.Pass)]
    assert passes
    text = _edited(game, f"reasons:\n  {passes[0]}: we pass")
    refused(write(tmp_path, text), line=_line_of(text, f"  {passes[0]}: we pass"), says="no reason is given for")


def test_a_reason_a_file_cannot_hold_is_saved_as_its_escape_and_dots_stay(tmp_path: Path) -> None:
    """An outside agent's lone surrogate made every save fail with a traceback; a reason written by
    PyYAML lost its closing "..."."""
    session = new_session("astana-8", 4)
    while len(session.reasons) < 3:
        decision = ai_decision(session)
        session.play(decision.action, decision.reason)
    turns = sorted(session.reasons)
    odd = {turns[0]: "refus\ud800", turns[1]: "non, merci... é...", turns[2]: 'the "final" offer...'}
    session.reasons.clear()
    session.said.clear()
    fresh = new_session("astana-8", 4)
    for entry in session.log:
        fresh.play(entry.action, odd.get(entry.turn, ""))
    assert fresh.reasons[turns[0]] == "refus\\ud800"
    loaded = load(save(fresh, tmp_path, "odd"))
    assert loaded.reasons == fresh.reasons
    assert loaded.reasons[turns[1]] == "non, merci... é..." and loaded.reasons[turns[2]] == 'the "final" offer...'


def test_a_turn_given_twice_an_empty_reason_and_a_persons_reason_are_refused(tmp_path: Path) -> None:
    session = new_session("astana-8", 4, opposition="human")

    def persons_answer() -> int | None:
        """The turn of the opposition's (a person's) first answer or statement, if any yet."""
        said = (
            e.turn for e in session.log if e.action.actor == "opposition" and e.action.kind in ("respond", "statement")
        )
        return next(said, None)

    while not (session.reasons and persons_answer()):
        decision = ai_decision(session)
        human = session.state.scenario.delegations[session.state.actor].id == "opposition"
        session.play(decision.action, "" if human else decision.reason)
    turn, person = next(iter(session.reasons)), persons_answer()
    text = _edited(session, f"reasons:\n  {turn}: a\n  0{turn}: b")
    refused(write(tmp_path, text, "twice.yaml"), line=_line_of(text, f"  0{turn}: b"), says="given twice")
    text = _edited(session, f'reasons:\n  {turn}: ""')
    refused(write(tmp_path, text, "empty.yaml"), line=_line_of(text, f'  {turn}: ""'), says="one line of text")
    text = _edited(session, f"reasons:\n  {person}: we say no")
    refused(write(tmp_path, text, "person.yaml"), line=_line_of(text, f"  {person}: we say no"), says="a person's move")
