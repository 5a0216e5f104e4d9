"""Words for what the engine holds as numbers: names, option labels, packages, percentages.

The engine refers to everything by position; a player must only ever read names and labels.
No Textual here, so these helpers are cheap to test and to share between screens.
"""

from __future__ import annotations

from collections.abc import Iterable

from game.engine.view import View

IndexPackage = tuple[tuple[int, int], ...]  # (issue, option) by position, as the engine keeps it


def delegation_name(view: View, delegation: int) -> str:
    return view.delegations[delegation].name


def issue_name(view: View, issue: int) -> str:
    return view.issues[issue].name


def option_label(view: View, issue: int, option: int) -> str:
    """The label of one option; "no position" for -1, which the engine uses for none taken."""
    if option < 0:
        return "no position"
    return view.issues[issue].options[option].label


def package_text(view: View, package: Iterable[tuple[int, int]], separator: str = "; ") -> str:
    """ "Issue: option label; Issue: option label" for a package of (issue, option) positions."""
    return separator.join(f"{issue_name(view, i)}: {option_label(view, i, o)}" for i, o in package)


def id_package(view: View, package: Iterable[tuple[int, int]]) -> tuple[tuple[str, str], ...]:
    """The same package by scenario ids, as the engine's actions name things."""
    return tuple((view.issues[i].id, view.issues[i].options[o].id) for i, o in sorted(package))


def percent(chance: float) -> str:
    return f"{round(chance * 100)}%"


def score(value: float) -> str:
    """A utility or a value on the 0..1 scale, to two places: finer than a player can use."""
    return f"{value:.2f}"
