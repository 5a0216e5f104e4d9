"""AI negotiators: choose(view, rng) -> Decision. Pure and deterministic."""

from game.ai.negotiator import choose
from game.ai.reading import Decision
from game.ai.selfplay import Played, play

__all__ = ["Decision", "Played", "choose", "play"]
