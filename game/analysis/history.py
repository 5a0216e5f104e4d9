"""A game against what really happened: the scenario's history.outcome, issue by issue.

An issue's record is an option really agreed, `unchanged` (the status quo stood: a game matches
when the option in force at the end is the status quo, agreed again or never touched) or
`not_agreed` (a game matches when nothing was agreed on it). Issues the record does not settle
are left out of the match, so a scenario is judged only on what its sources establish.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.engine.model import NOT_AGREED, UNCHANGED, Scenario


@dataclass(frozen=True)
class IssueMatch:
    issue: int
    real: int  # an option index, UNCHANGED or NOT_AGREED
    game: int  # the option agreed in the game, -1 if nothing was
    match: bool


def matches(real: int, game: int, status_quo: int) -> bool:
    """Does a game that ended with `game` agreed (-1: nothing) match the record `real`?"""
    if real == UNCHANGED:
        return game < 0 or game == status_quo
    if real == NOT_AGREED:
        return game < 0
    return game == real


def compare(scenario: Scenario, settled: Sequence[int]) -> tuple[IssueMatch, ...]:
    """Every issue the record settles, against what the game settled, in scenario order."""
    issues = scenario.issues
    return tuple(
        IssueMatch(i, real, settled[i], matches(real, settled[i], issues[i].status_quo))
        for i, real in sorted(scenario.history.outcome)
    )


def history_match(scenario: Scenario, settled: Sequence[int]) -> float | None:
    """The share of recorded issues the game matched; None when the scenario records none."""
    lines = compare(scenario, settled)
    if not lines:
        return None
    return sum(line.match for line in lines) / len(lines)


def historical_deal(scenario: Scenario) -> tuple[int, ...]:
    """The option in force on every issue as things really ended: the recorded option, else the
    status quo (for unchanged, not agreed, or not recorded)."""
    real = dict(scenario.history.outcome)
    return tuple(real[i] if real.get(i, -1) >= 0 else issue.status_quo for i, issue in enumerate(scenario.issues))


def describe_real(scenario: Scenario, issue: int, real: int) -> str:
    """A record in words."""
    the_issue = scenario.issues[issue]
    if real == UNCHANGED:
        return f"unchanged ({the_issue.options[the_issue.status_quo].label})"
    if real == NOT_AGREED:
        return "nothing agreed"
    return the_issue.options[real].label


def describe_game(scenario: Scenario, issue: int, game: int) -> str:
    """What a game settled on an issue, in words (-1: nothing)."""
    return "nothing agreed" if game < 0 else scenario.issues[issue].options[game].label
