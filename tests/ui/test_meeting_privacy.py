"""What a meeting taught a player is theirs: the transcript tells it to a lone player who took
part, and in hot-seat play, where the transcript is shared by every player at the keyboard,
names the two delegations and nothing more (each player's brief keeps what they learnt)."""

from __future__ import annotations

import pytest

from game.engine import apply, new_game, view_for
from game.engine.actions import Meet
from game.engine.records import in_sentence
from game.play.history import Chronicle
from game.scenario import load_scenario
from game.ui.transcript import transcript_line
from tests.ui.driving import ASTANA


@pytest.mark.parametrize("hot_seat", [False, True])
def test_a_meetings_lesson_stays_off_a_shared_transcript(hot_seat: bool) -> None:
    scenario = load_scenario(ASTANA)
    state, opening = new_game(scenario, 4242)
    asker = state.actor
    other = next(d for d in range(len(scenario.delegations)) if d != asker and state.present[d])
    meet = Meet(scenario.delegations[asker].id, scenario.delegations[other].id)
    after, _ = apply(state, meet)
    chronicle = Chronicle.of(state, opening, [meet])
    line = next(x for x in chronicle.lines if x.record.kind == "meet")
    learnt = [(s, i) for learner, s, i in line.learnt if learner == asker]
    assert learnt  # the meeting did teach the asker something: a private weight of the other
    view = view_for(after, asker)
    weight = {(s, i): w for s, i, w in view.learned}[learnt[0]]
    shown = transcript_line(after.scenario, view, chronicle, line.record, "", line, private=not hot_seat).plain
    assert in_sentence(scenario.delegations[other].name) in shown  # mid-sentence: "asks the armed..."
    lesson = f"carries {weight:.0%} of what it wants"
    if hot_seat:
        assert "You learnt" not in shown and lesson not in shown and "%" not in shown
    else:
        assert lesson in shown
