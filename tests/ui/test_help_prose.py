"""The help's closing paragraphs wrap at the box's own width: written broken at 96 columns, in the
narrower box every break left a stub line ("bottom of the", "propose,") under a full one."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import Static

from game.ui.screens.notices import Help
from tests.ui.driving import driven, new_app, press, screen_of, table_ready

FIRST, LAST = "A key the rules refuse", "ends the talks."


async def _drawn(tmp_path: Path, size: tuple[int, int], part: str) -> tuple[list[str], int]:
    """The lines of a part of the help as its box draws them at this size (scrolled into view or
    not), and the width they are drawn in."""
    app = new_app(tmp_path, ("government",))
    async with driven(app, size=size) as pilot:
        await table_ready(pilot)
        await press(pilot, "question_mark")
        help_screen = await screen_of(pilot, Help)
        await pilot.pause()
        text = help_screen.query_one(part, Static)
        return [text.render_line(y).text.rstrip() for y in range(text.size.height)], text.content_region.width


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
def test_the_helps_prose_fills_its_lines(tmp_path: Path, size: tuple[int, int]) -> None:
    lines, width = asyncio.run(_drawn(tmp_path, size, "#help-prose"))
    start = next(k for k, line in enumerate(lines) if FIRST in line)
    end = next((k for k, line in enumerate(lines) if LAST in line), len(lines) - 1)
    prose = lines[start : end + 1]
    assert LAST in " ".join(" ".join(prose).split())
    assert width < 96  # narrower than the text was once broken for
    for line in prose:
        # a line its paragraph goes on after is full, bar the word that did not fit
        if line and not line.endswith("."):
            assert len(line.strip()) >= width - 16, prose


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
def test_a_keys_text_wraps_under_itself_not_under_the_keys(tmp_path: Path, size: tuple[int, int]) -> None:
    """A newcomer's remark: as one line of text, a key's explanation wrapped back to the left
    edge of the box, under the keys ("answers do not use up your" / "moves")."""
    lines, _ = asyncio.run(_drawn(tmp_path, size, "#help-keys"))
    at = {len(line) - len(line.lstrip()) for line in lines if line.strip() and not line.endswith(":")}
    # the keys at one indent, their texts' wrapped lines at another, nothing at the edge
    assert len(at) == 2 and min(at) >= 2, lines
    wrapped = " ".join(line for line in lines if len(line) - len(line.lstrip()) == max(at))
    assert "quit)" in wrapped  # ctrl+q's text is the longest: it wraps at both sizes


def test_the_help_says_what_each_shortened_role_stands_for() -> None:
    """At 80 columns the delegations table shows "gua.", which a newcomer could not read."""
    from rich.text import Text

    from game.ui.screens.notices import HELP
    from game.ui.widgets.panels import ROLE_SHORT

    said = Text.from_markup(HELP).plain
    cut = {role: short for role, short in ROLE_SHORT.items() if short != role}
    assert cut  # a role is cut
    for role, short in cut.items():
        assert f"{short} {role}" in said


def test_the_help_says_how_hot_seat_play_and_its_hand_over_work() -> None:
    """A playtester of a hot-seat game found nothing in `?` about it: who presses what at the
    hand-over, what stays private to each player. The help says it, as the app shows it."""
    from rich.text import Text

    from game.ui.screens.notices import HELP

    said = Text.from_markup(HELP).plain
    assert "Hot-seat play" in said and "hand-over screen covers the table" in said
    assert "shown only to that seat's player" in said


def test_the_help_says_what_the_builders_estimate_is() -> None:
    """ "accepts ~27%" was explained nowhere a player reads (a playtester)."""
    from rich.text import Text

    from game.ui.screens.notices import HELP

    said = Text.from_markup(HELP).plain
    assert "accepts ~N%" in said and "an estimate from what you can see" in said
