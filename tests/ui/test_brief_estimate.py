"""The brief's estimate of what each side cares most about: no ranking before anything tells the
issues apart (a flat estimate listed the first issues of the agenda, and a newcomer took them for
what the side wants most), the issues by estimated weight once moves have shaped it."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from game.ai.opponent import Beliefs
from game.engine import new_game, view_for
from game.ui.format import brief_issue
from game.ui.screens.brief import FLAT, INDENT, brief
from tests.saves.helpers import new_session, play_on, scenario_file

NOTHING = "cares most about: not told apart yet"


def test_before_any_move_no_side_is_ranked() -> None:
    scenario, _ = scenario_file("astana-8")
    state, _ = new_game(scenario, 1)
    lines = brief(view_for(state, 0)).plain.split("\n")
    for d in (1, 2, 3, 4):  # the opposition and the three guarantors, each with seven positions
        at = next(k for k, line in enumerate(lines) if line.startswith(f"{scenario.delegations[d].name} ("))
        assert NOTHING in lines[at + 1], lines[at + 1]


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["mini", "astana-8"]), st.integers(0, 10_000), st.integers(0, 60))
def test_each_side_is_ranked_by_its_estimate_or_said_to_be_unknown(name: str, seed: int, turns: int) -> None:
    session = play_on(new_session(name, seed), turns)
    view = view_for(session.state, 0)
    beliefs = Beliefs(view, learns=True)
    blocks = brief(view).plain.split("\n")
    for d, pub in enumerate(view.delegations):
        if d == 0:
            continue
        at = next(k for k, line in enumerate(blocks) if line.startswith(f"{pub.name} ("))
        own = []  # the side's own lines, indented under its name
        for line in blocks[at + 1 :]:
            if not line.startswith("    "):
                break
            own.append(line)
        said = next((line for line in own if "cares most about" in line), None)
        held = [i for i in view.agenda if view.positions[d][i] >= 0]
        if not held:
            assert said is None
            continue
        if len(held) == 1:
            # one stated issue would be "~100%" by itself: what it states is said instead
            assert said is None
            one = f"states a position on one issue only: {brief_issue(view.issues[held[0]].name)}"
            assert any(one in line for line in own)
            continue
        weights = [beliefs.weight(d, i) for i in held]
        assert said is not None
        if len(held) > 1 and max(weights) - min(weights) < FLAT:
            assert NOTHING in said
        else:
            named = re.findall(r"([^,:]+?) ~(\d+)%", said.split("(estimate): ", 1)[1])
            top = max(beliefs.weight(d, i) for i in held)
            first = next(i for i in held if brief_issue(view.issues[i].name) == named[0][0].strip())
            assert abs(beliefs.weight(d, first) - top) < 1e-9


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["astana-8", "sochi-congress", "dayton-1995"]), st.integers(0, 5))
def test_a_long_position_goes_on_under_its_row(name: str, seat: int) -> None:
    # a newcomer found the rest of a long position back at the screen's left edge, under nothing
    scenario, _ = scenario_file(name)
    state, _ = new_game(scenario, 1)
    view = view_for(state, seat % len(scenario.delegations))
    lines = brief(view).plain.split("\n")
    first = lines.index("What you want, issue by issue")
    last = lines.index("What you have learnt of the others")
    rows = [line for line in lines[first + 2 : last] if line]
    assert rows
    for line in rows:
        assert len(line) <= 74, line
        # every line is an issue's row (its name from column 0) or goes on at the row's indent
        assert line[:INDENT].strip() == "" or not line.startswith(" "), line
        if line.startswith(" "):
            assert line[INDENT] != " ", line


def test_a_side_stating_one_issue_is_not_said_to_care_for_it_wholly() -> None:
    """In astana-8's first round Kazakhstan, which states a position on one issue, read "cares
    most about (estimate): Detainees ~100%" before it had made a move."""
    scenario, _ = scenario_file("astana-8")
    state, _ = new_game(scenario, 1)
    view = view_for(state, 0)
    ones = [d for d in range(len(view.delegations)) if sum(p >= 0 for p in view.positions[d]) == 1 and d != 0]
    assert ones, "astana-8 has a delegation stating one issue"
    text = brief(view).plain
    for d in ones:
        name = view.delegations[d].name
        block = text.split(f"{name} (", 1)[1].split("\n\n", 1)[0]
        assert "~100%" not in block and "states a position on one issue only" in block


def test_once_a_meeting_has_told_a_weight_the_brief_no_longer_promises_one() -> None:
    """A newcomer read "from meetings: Detainees 100%" above "(its proposals, its answers and a
    meeting will tell how much it cares)" for the same side."""
    import dataclasses

    scenario, _ = scenario_file("astana-8")
    state, _ = new_game(scenario, 1)
    view = view_for(state, 0)
    d = next(d for d in range(len(view.delegations)) if sum(p >= 0 for p in view.positions[d]) == 1 and d != 0)
    issue = next(i for i, p in enumerate(view.positions[d]) if p >= 0)
    name = view.delegations[d].name

    def block(v: object) -> str:
        return brief(v).plain.split(f"{name} (", 1)[1].split("\n\n", 1)[0]  # type: ignore[arg-type]

    assert "a meeting will tell" in block(view)
    met = block(dataclasses.replace(view, learned=((d, issue, 1.0),)))
    assert "from meetings:" in met and "meeting will tell" not in met
    assert "(its proposals and its answers will tell how much it cares)" in met


def test_the_brief_says_what_a_red_line_does() -> None:
    scenario, _ = scenario_file("astana-8")
    view = view_for(new_game(scenario, 1)[0], 0)
    assert any(view.own.red_lines[i] for i in view.agenda)
    text = " ".join(brief(view).plain.split())
    said = "✗ red line: declared in public; you cannot propose it, and signing a deal across it costs"
    assert f"{said} {view.rules.redline_support} support at home." in text
