"""The brief says what waiting costs and risks, and the figure it gives is what the engine charges."""

from __future__ import annotations

import re

import pytest

from game.engine import Pass, Respond, apply, new_game, view_for
from game.engine.legal import legal_moves
from game.engine.state import State
from game.scenario import bundled, load_scenario
from game.ui.screens.brief import time_pressure


def _round_passes(state: State) -> State:
    """Every move a pass (or a refusal where an answer is owed) until the round ends."""
    start = state.round
    while state.round == start and not state.over:
        moves = legal_moves(state)
        me = state.scenario.delegations[state.actor].id
        if moves.allowed("pass"):
            action = Pass(me)
        else:
            owed = next(p for p in state.proposals if p.response_of(state.actor) == 0)
            action = Respond(me, owed.number, False)
        state, _ = apply(state, action)
    return state


@pytest.mark.parametrize("name", ["astana-8", "sochi-congress"])
@pytest.mark.parametrize("seed", [1, 7])
def test_the_cost_the_brief_forecasts_is_the_toll_charged_when_the_round_ends_open(name: str, seed: int) -> None:
    state, _ = new_game(load_scenario(bundled()[name]), seed)
    signatory = state.scenario.venues[state.venue].signatories[0]
    said = time_pressure(view_for(state, signatory))
    found = re.search(r"costs you (\d\.\d\d\d?) of utility", said)
    assert found is not None, said
    forecast = float(found.group(1))
    assert "may be adjourned" in said
    after = _round_passes(state)
    assert after.round == state.round + 1 and not any(s >= 0 for s in after.settled)
    charged = after.toll[signatory] / 10_000
    # to the thousandth where that one counts (0.015 read as 0.01 undersold the toll by a third)
    assert charged > 0 and abs(charged - forecast) <= 0.0005
    lost = f"{charged:.3f}"
    assert f"({lost[:-1] if lost.endswith('0') else lost} lost so far)" in time_pressure(view_for(after, signatory))


def test_without_time_rules_the_brief_says_waiting_costs_nothing() -> None:
    state, _ = new_game(load_scenario(bundled()["tutorial"]), 1)
    rules = state.scenario.rules
    assert not rules.delay_cost and not rules.breakdown_risk
    rounds = state.scenario.venues[state.venue].rounds
    assert (
        time_pressure(view_for(state, 0))
        == f"Time: waiting costs nothing here, and the talks run their {rounds} rounds."
    )


@pytest.mark.parametrize(
    ("toll", "shown"),
    [(0.015, "0.015"), (0.0149, "0.015"), (0.02, "0.02"), (0.1, "0.10"), (0.0, "0.00"), (0.038, "0.038")],
)
def test_a_toll_is_written_to_the_thousandth_only_where_that_digit_counts(toll: float, shown: str) -> None:
    from game.ui.format import toll as written

    assert written(toll) == shown


def test_at_a_campaigns_first_venue_the_brief_says_where_the_rest_of_the_weight_lies() -> None:
    """A newcomer at the campaign's Astana added up the weights of the issues there (59%) and
    found the rest nowhere: the brief says which venue still to come carries it. At a venue whose
    agenda carries everything, it says nothing of the kind."""
    from game.ui.screens.brief import brief

    campaign = load_scenario(bundled()["astana-to-sochi"])
    state, _ = new_game(campaign, 3)
    for d in campaign.venues[0].signatories:
        view = view_for(state, d)
        here = sum(view.own.weights[i] for i in view.agenda)
        assert round(here, 2) < 1.0
        text = brief(view).plain.replace("\n", " ")
        assert f"These issues carry {here:.0%} of your utility; {1 - here:.0%} is on the agenda of" in text
        assert campaign.venues[1].name in text
    single = load_scenario(bundled()["astana-8"])
    state, _ = new_game(single, 3)
    assert "These issues carry" not in brief(view_for(state, 0)).plain
    # at the campaign's second, what was settled at the first is said to be settled, not to come
    from tests.saves.helpers import ai_action, new_session

    session = new_session("astana-to-sochi", 3, government="human")
    while session.state.venue == 0:
        session.play(ai_action(session))
    view = view_for(session.state, campaign.delegation_index["government"])
    text = brief(view).plain.replace("\n", " ")
    settled = sum(view.own.weights[i] for i in range(len(view.issues)) if i not in view.agenda and view.settled[i] >= 0)
    assert settled > 0 and f"{settled:.0%} was settled before" in text
    assert "still to come" not in text  # the Congress is the last venue
    shares = [int(n) for n in re.findall(r"(\d+)%", text.split("These issues carry")[1].split(".")[0])]
    assert abs(sum(shares) - 100) <= len(shares) - 1  # each share rounded alone


def test_once_something_is_agreed_the_brief_says_what_it_gives() -> None:
    """A newcomer at the campaign's Sochi read the brief's walk-away value beside the board's "what
    is agreed already gives you 0.39": the brief says both, as the board measures a package."""
    from game.play.choices import agreed_so_far
    from game.ui.screens.brief import brief
    from tests.saves.helpers import ai_action, new_session

    session = new_session("astana-to-sochi", 1, opposition="human")
    me = session.scenario.delegation_index["opposition"]
    text = brief(view_for(session.state, me)).plain
    assert "a deal worth less than this leaves you worse off than none." in text
    while not session.state.agreements:
        session.play(ai_action(session))
    view = view_for(session.state, me)
    agreed = agreed_so_far(view)
    assert agreed is not None
    text = brief(view).plain
    assert f"; what is agreed already gives you {agreed:.2f} if nothing more is" in text
