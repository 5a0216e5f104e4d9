"""A proposal the board tests read: at astana-8 (seed 4242) the government tables its own stated
positions, whole, to the opposition and Russia in round 1: far from what the opposition can sign
at home, and three of them across its red lines."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import Pass, Propose, Record, State, apply, new_game
from game.engine.actions import Action
from game.engine.model import Scenario
from game.play.history import Chronicle
from game.scenario import load_scenario
from tests.ui.driving import ASTANA, GOV

SEED = 4242


@dataclass(frozen=True)
class StatedOffer:
    scenario: Scenario
    state: State  # just after the proposal
    chronicle: Chronicle  # the game's history to it


def stated_offer() -> StatedOffer:
    sc = load_scenario(ASTANA)
    first, opening = new_game(sc, SEED)
    ids = [d.id for d in sc.delegations]
    state, actions = first, list[Action]()
    while ids[state.actor] != "government":
        actions.append(Pass(ids[state.actor]))
        state, _ = apply(state, actions[-1])
    agenda = [sc.issues[i] for i in sc.venues[0].agenda]
    package = tuple((issue.id, issue.options[state.positions[GOV][sc.issue_index[issue.id]]].id) for issue in agenda)
    actions.append(Propose("government", package, ("opposition", "russia")))
    state, _ = apply(state, actions[-1])
    told: tuple[Record, ...] = tuple(opening)
    return StatedOffer(sc, state, Chronicle.of(first, told, actions))
