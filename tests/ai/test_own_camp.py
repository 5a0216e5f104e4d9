"""The hard agent's tit for tat spares its own camp (Level.spares_own_camp;
game.ai.offers.conceded_to_us): a patron does not lower its aim for the concessions of its
clients, or of the other patrons of its clients, since those give ground on its own side. At
astana-8 Iran is a patron of the government, as Russia is: a hard Iran answers only the
concessions of the opposition and Turkey (docs/lab/agents.md, "A patron does not answer its own camp")."""

from __future__ import annotations

import dataclasses

from game.ai.holding import hold_bar
from game.ai.levels import LEVELS
from game.ai.offers import aspiration, conceded_to_us
from game.ai.reading import counterparts
from game.ai.selfplay import play
from game.engine import actions as A
from game.engine import apply, new_game, view_for
from game.engine.model import Scenario
from game.engine.view import View
from game.scenario import bundled, load_scenario
from game.sim.seating import game_choosers
from game.sim.simulate import game_seed
from tests.ai.seat_games import rule_decisions

HARD = LEVELS["hard"]
WITHOUT = dataclasses.replace(HARD, spares_own_camp=False)


def _astana() -> tuple[Scenario, dict[str, int]]:
    sc = load_scenario(bundled()["astana-8"])
    return sc, {d.id: n for n, d in enumerate(sc.delegations)}


def _after_everyone_conceded(sc: Scenario, who: int) -> View:
    """`who`'s view at its first turn, in the first all-normal game where there is one, after
    every other signatory has made a concession."""
    for game in range(20):
        seed = game_seed(0, game)
        state, _ = new_game(sc, seed)
        everyone = game_choosers(sc, dict.fromkeys(range(len(sc.delegations)), "normal"), seed)
        for action in play(sc, seed, everyone).actions:
            if state.actor == who:
                view = view_for(state, who)
                if all(view.concessions[s] for s in counterparts(view)):
                    return view
            state, _ = apply(state, action)
    raise AssertionError("no turn after every signatory had conceded in 20 games")


def test_a_patron_counts_only_the_other_sides_concessions() -> None:
    sc, ids = _astana()
    view = _after_everyone_conceded(sc, ids["iran"])
    c = view.concessions
    everyone = sum(c[s] for s in counterparts(view))
    # the government is Iran's client, Russia the government's other patron: both are Iran's camp
    assert conceded_to_us(view, HARD) == c[ids["opposition"]] + c[ids["turkey"]] < everyone
    assert conceded_to_us(view, WITHOUT) == everyone
    # the lower count leaves a higher aim (this turn is one where the cap of 0.1 on what tit for
    # tat gives back does not bind the lower count, so the two aims must differ)
    assert HARD.reciprocity * conceded_to_us(view, HARD) < 0.1
    assert aspiration(view, HARD) > aspiration(view, WITHOUT)
    # ...but the bar a plan must clear to hold out answers every concession, as before the rule
    # (raised too, it kept Sochi's Iran from holding out where its plan paid)
    aim = aspiration(view, HARD, 0.01)
    assert (
        hold_bar(view, HARD, 0.01, aim)
        == aspiration(view, WITHOUT, 0.01)
        == aspiration(view, HARD, 0.01, everyone=True)
    )
    assert hold_bar(view, WITHOUT, 0.01, aim) == aim


def test_a_client_still_answers_its_patrons() -> None:
    """Only a patron spares its camp: the government (a client, patron of nobody) answers every
    concession, its patrons' too (sparing them cost the government's seat: docs/lab/agents.md,
    "A patron does not answer its own camp")."""
    sc, ids = _astana()
    view = _after_everyone_conceded(sc, ids["government"])
    assert (
        conceded_to_us(view, HARD)
        == conceded_to_us(view, WITHOUT)
        == sum(view.concessions[s] for s in counterparts(view))
    )


def test_a_hard_iran_refuses_where_its_camps_concessions_would_have_made_it_sign() -> None:
    """Along the tournament's games with hard in Iran's seat, where the rule first decides an
    answer, the rule never makes it sign what it would have refused, and in some game it refuses
    what the agent without the rule signs (fails with spares_own_camp off in offers.aspiration)."""
    sc, ids = _astana()
    seat = ids["iran"]
    refused = 0
    for view, with_rule, without in rule_decisions(sc, seat, HARD, WITHOUT, 30):
        assert conceded_to_us(view, HARD) < conceded_to_us(view, WITHOUT)
        if isinstance(with_rule.action, A.Respond) and isinstance(without.action, A.Respond):
            assert not (with_rule.action.accept and not without.action.accept)
            refused += without.action.accept and not with_rule.action.accept
    assert refused > 0
