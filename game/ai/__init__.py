"""AI negotiators: choose(view, rng) -> Decision. Pure and deterministic."""

from game.ai.negotiator import Decision, choose
from game.ai.selfplay import Played, play

__all__ = ["Decision", "Played", "choose", "play"]
