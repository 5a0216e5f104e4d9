"""Which seat a player takes when they do not say: one answer for the command line, the title
screen and a scenario reloaded under `--watch`."""

from __future__ import annotations

from game.engine.model import Scenario


def default_human(scenario: Scenario) -> str:
    """The scenario's human seat, else its first party, else its first delegation."""
    chosen = next((d.id for d in scenario.delegations if d.controller == "human"), None)
    return chosen or next((d.id for d in scenario.delegations if d.role == "party"), scenario.delegations[0].id)
