"""A package's text in the records is written once per scenario and kept, bounded."""

from __future__ import annotations

from game.engine import Propose, Scenario, State
from game.engine import handlers as H
from tests.engine.conftest import pass_until, play_records


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
