"""Judging deals: the package space, Pareto frontier, Nash and Kalai-Smorodinsky points, ZOPA."""

from game.analysis.solutions import Analysis, analyze
from game.analysis.space import Space, build_space

__all__ = ["Analysis", "Space", "analyze", "build_space"]
