"""The rules of Peace Talks: pure, deterministic, no I/O. Imports nothing from other layers."""

from game.engine.actions import (
    Action,
    Boycott,
    Concede,
    Draft,
    Meet,
    Pass,
    Pressure,
    Propose,
    Respond,
    Statement,
    WalkOut,
)
from game.engine.apply import apply
from game.engine.errors import GameError, IllegalAction, InvalidAction
from game.engine.hashing import state_hash
from game.engine.legal import Moves, is_legal, legal_moves, moves_for
from game.engine.model import Scenario
from game.engine.records import Record
from game.engine.setup import new_game
from game.engine.state import State
from game.engine.utility import utility
from game.engine.view import View, view_for

__all__ = [
    "Action",
    "Boycott",
    "Concede",
    "Draft",
    "GameError",
    "IllegalAction",
    "InvalidAction",
    "Meet",
    "Moves",
    "Pass",
    "Pressure",
    "Propose",
    "Record",
    "Respond",
    "Scenario",
    "State",
    "Statement",
    "View",
    "WalkOut",
    "apply",
    "is_legal",
    "legal_moves",
    "moves_for",
    "new_game",
    "state_hash",
    "utility",
    "view_for",
]
