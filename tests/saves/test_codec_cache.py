"""A log entry's action is read once per distinct text (game.saves.codec._action): what the
cache gives is what reading the words afresh gives, and a line that does not read is refused
every time it appears."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine.checks import check_types
from game.saves.codec import EntryError, _action, parse_action, parse_entry

HASH = "#" + "0" * 64
WORDS = st.sampled_from(
    [
        *("propose", "draft", "respond", "concede", "statement", "pressure", "meet", "pass", "boycott", "walk_out"),
        *("a:x", "b:y", "to=blue", "to=blue,red", "proposal=3", "accept=yes", "accept=no", "issue=a", "option=x"),
        *("tone=firm", "client=red", "other=red", "=", "a=", "x=y"),
    ]
)


@settings(max_examples=300, deadline=None, database=None)
@given(st.sampled_from(["red", "blue"]), st.lists(WORDS, max_size=6))
def test_the_remembered_action_is_the_action_read_afresh(actor: str, words: list[str]) -> None:
    try:
        fresh = parse_action(actor, list(words))
    except EntryError as exc:
        for _ in range(2):  # a failure is not remembered: the same words are refused again
            with pytest.raises(EntryError, match=re.escape(str(exc))):
                _action(actor, tuple(words))
        return
    assert _action(actor, tuple(words)) == fresh
    assert _action(actor, tuple(words)) == fresh  # and again, from the cache


def test_lines_that_repeat_a_move_read_as_that_move_with_their_own_turn_and_hash() -> None:
    first = parse_entry(f"7 2 red respond proposal=4 accept=yes {HASH}")
    again = parse_entry(f"9 3 red respond proposal=4 accept=yes #{'1' * 64}")
    assert first.action == again.action
    assert (first.turn, first.round, again.turn, again.round) == (7, 2, 9, 3)
    assert again.hash == "1" * 64
    other = parse_entry(f"9 3 blue respond proposal=4 accept=yes {HASH}")
    assert other.action.actor == "blue"  # the actor is part of what is remembered


def test_a_bad_line_is_refused_each_time() -> None:
    for _ in range(3):
        with pytest.raises(EntryError, match="unknown action"):
            parse_entry(f"1 1 red dance {HASH}")
    assert _action.cache_info().maxsize is not None  # bounded


@settings(max_examples=300, deadline=None, database=None)
@given(st.sampled_from(["red", "blue"]), st.lists(WORDS, max_size=6))
def test_every_action_the_codec_reads_has_its_fields_declared_types(actor: str, words: list[str]) -> None:
    # a load applies the codec's actions with typed=True, skipping the engine's type check: that
    # check must never have anything to refuse in them
    try:
        action = parse_action(actor, list(words))
    except EntryError:
        return
    check_types(action)  # raises InvalidAction on a field of another type
