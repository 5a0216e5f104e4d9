"""Saved games and replays: one versioned YAML format, written atomically, read defensively."""

from game.engine.seat import HUMAN
from game.saves.codec import Entry
from game.saves.read import SaveLoadError, find_save, load
from game.saves.session import Session, default_seats
from game.saves.write import NAME_RULE, SaveError, name_problem, safe_name, save, save_path, save_text, write_atomic

__all__ = [
    "HUMAN",
    "NAME_RULE",
    "Entry",
    "SaveError",
    "SaveLoadError",
    "Session",
    "default_seats",
    "find_save",
    "load",
    "name_problem",
    "safe_name",
    "save",
    "save_path",
    "save_text",
    "write_atomic",
]
