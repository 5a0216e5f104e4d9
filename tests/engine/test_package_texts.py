"""A package's text in the records is written once per scenario and kept, bounded."""

from __future__ import annotations

import dataclasses

from game.engine import Propose, Scenario, State, new_game
from game.engine import handlers as H
from tests.engine.conftest import SEED, pass_until, play_records


def _proposal_text(state: State) -> tuple[State, str]:
    state = pass_until(state, "red")
    state, records = play_records(state, Propose("red", (("prisoners", "some"), ("truce", "monitored")), ("blue",)))
    return state, next(r.text for r in records if r.kind == "propose")


def test_a_package_is_described_the_same_from_the_scenarios_table(game: State, mini: Scenario) -> None:
    game.scenario.package_texts.clear()  # the scenario is shared with other tests, which table other packages
    state, first = _proposal_text(game)
    issues = mini.issues
    written = "; ".join(
        f"{issues[i].name}: {issues[i].options[o].label}" for i, o in next(iter(state.scenario.package_texts))
    )
    assert first.endswith(f": {written}.")
    assert list(state.scenario.package_texts.values()) == [written]
    # kept: a table filled to its bound is emptied before the next package is written
    texts = state.scenario.package_texts
    texts.clear()
    for k in range(H.PACKAGE_TEXTS_KEPT):
        texts[((k, 0),)] = "x"
    _, again = _proposal_text(game)
    assert again == first
    assert list(state.scenario.package_texts.values()) == [written]


def test_two_scenarios_that_differ_in_a_label_keep_their_own_texts(mini: Scenario) -> None:
    """The table belongs to one scenario object: a scenario equal to mini but for one option's
    label (as an edited file would give) describes the same package in its own words, even
    after mini has described it."""
    mini.package_texts.clear()
    _, first = _proposal_text(new_game(mini, SEED)[0])
    issue = next(i for i, x in enumerate(mini.issues) if x.id == "prisoners")
    option = next(o for o, x in enumerate(mini.issues[issue].options) if x.id == "some")
    relabelled = list(mini.issues)
    options = list(relabelled[issue].options)
    options[option] = dataclasses.replace(options[option], label="A renamed release")
    relabelled[issue] = dataclasses.replace(relabelled[issue], options=tuple(options))
    other = dataclasses.replace(mini, issues=tuple(relabelled))
    _, second = _proposal_text(new_game(other, SEED)[0])
    assert "A renamed release" in second and "A renamed release" not in first
    assert second.replace("A renamed release", mini.issues[issue].options[option].label) == first
