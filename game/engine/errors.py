"""The two ways an action can fail; both carry a sentence a player can read."""


class GameError(Exception):
    """Base of every error the engine raises on purpose."""


class InvalidAction(GameError):
    """The action is malformed: unknown ids, wrong shapes, an empty package."""


class IllegalAction(GameError):
    """The action is well formed but the rules forbid it now."""
