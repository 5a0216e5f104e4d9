"""A campaign's result is judged against its last venue as the game reached it: with what the
earlier venues settled, not their issues at the status quo. An author's two-venue debrief read
"+0.14 against your walk-away value" beside "0 packages are worth at least their walk-away value
to every signatory", and the bundled campaign's Nash point at Sochi was one no game could reach."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from game.ai.selfplay import play
from game.analysis import analyze_result, settled_at_opening
from game.engine.state import State
from game.scenario import bundled, load_scenario


def _campaign_deals(games: int) -> list[State]:
    """Ends of astana-to-sochi AI games that signed something at both venues."""
    sc = load_scenario(bundled()["astana-to-sochi"])
    ends = [play(sc, seed).state for seed in range(games)]
    return [s for s in ends if s.venue == 1 and {a.venue for a in s.agreements} == {0, 1}]


@pytest.fixture(scope="module")
def deals() -> list[State]:
    found = _campaign_deals(6)
    assert len(found) >= 3, "too few campaign games signed at both venues to judge"
    return found


def test_a_whole_agenda_deal_is_worth_in_the_judged_space_what_the_result_is_worth(deals: list[State]) -> None:
    """The last venue's deal, looked up in the space it is judged against, gives each signatory
    the utility its result has (before the toll): with Astana's issues at their status quo,
    every figure of the space was off by what Astana had settled."""
    checked = 0
    for state in deals:
        analysis = analyze_result(state)
        space = analysis.space
        if any(state.settled[i] < 0 for i in space.issues):
            continue  # a partial deal is no package of the space
        index = space.index_of(state.settled)
        assert index is not None
        result = space.result_utilities(state.settled, state.agenda)
        assert np.allclose(analysis.utilities_of(index), result)
        # the signed deal, worth its walk-away value to each signatory, lies in the zone
        if (result >= space.reservations - 1e-9).all():
            assert analysis.zopa_size > 0 and analysis.nash is not None
        checked += 1
    assert checked >= 2


def test_an_issue_an_event_put_on_the_last_venues_agenda_counts_as_it_ended() -> None:
    """The space is the file's agenda for the venue: an issue an event added there and the game
    agreed is in no package of it, so it is counted as it ended, as the result counts it (at its
    status quo, the space would judge a point the game did not reach). A reviewer's case."""
    from game.engine.setup import new_game
    from game.engine.state import Agreement
    from tests.saves.helpers import from_bytes, scenario_path

    annex = "  - id: annex\n    name: The Annex\n    agenda: [prisoners]\n    signatories: [red, blue]\n"
    annex += "    turn_order: [envoy, red, blue, big]\n    action_points: 2\n    rounds: 2\n    momentum: 50\nevents:\n"
    sc = from_bytes(scenario_path("mini").read_bytes().replace(b"events:\n", annex.encode(), 1))
    state, _ = new_game(sc, 1)
    prisoners, truce = sc.issue_index["prisoners"], sc.issue_index["truce"]
    settled = [-1] * len(sc.issues)
    settled[prisoners], settled[truce] = 1, 2
    # both agreed at the annex: prisoners on its agenda, truce put there by an event
    agreed = Agreement(proposal=9, venue=1, round=1, package=((prisoners, 1), (truce, 2)), parties=(0, 1))
    end = dataclasses.replace(state, venue=1, settled=tuple(settled), agreements=(agreed,))
    opening = settled_at_opening(end)
    assert opening[prisoners] == -1  # open when the annex began: in its space
    assert opening[truce] == 2  # in no package of the annex's space: as the game ended it


def test_the_debrief_and_simulate_judge_a_campaign_by_its_own_opening() -> None:
    """Wired where a player and an author read it: the debrief's analysis of a finished campaign
    holds its Sochi deal at what the result is worth, and `simulate` judges each game against
    the same space as the debrief (both had judged Astana's issues at their status quo)."""
    from game.engine import state_hash
    from game.play.debrief import analysis_for
    from game.sim.simulate import judge_for, judgement, run_game
    from tests.saves.helpers import finished

    checked = 0
    for seed in range(8):
        session = finished("astana-to-sochi", seed)
        state = session.state
        if state.venue != 1 or {a.venue for a in state.agreements} != {0, 1}:
            continue
        analysis = analysis_for(session)
        space = analysis.space
        result = space.result_utilities(state.settled, state.agenda)
        index = None if any(state.settled[i] < 0 for i in space.issues) else space.index_of(state.settled)
        if index is not None:
            assert np.allclose(analysis.utilities_of(index), result)
        played = run_game(session.scenario, session.seed, {})  # every seat normal, as the session's
        assert played["final_state_hash"] == state_hash(state)  # the same game
        judged = judgement(judge_for(session.scenario, settled_at_opening(state)), state.settled, state.agenda)
        assert played["nash_distance"] == judged["nash_distance"] and played["pareto_gap"] == judged["pareto_gap"]
        checked += 1
    assert checked >= 2
