"""Judging deals: the package space, Pareto frontier, Nash and Kalai-Smorodinsky points, ZOPA."""

from game.analysis.solutions import Analysis, analyze, analyze_result, settled_at_opening
from game.analysis.space import Space, build_space

__all__ = ["Analysis", "Space", "analyze", "analyze_result", "build_space", "settled_at_opening"]
