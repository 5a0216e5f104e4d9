"""Wrapped lines keep their indent (game/ui/widgets/hanging.py): an author read the brief's,
the debrief's and the turn summary's wrapped lines, back at the left edge, as new paragraphs."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from game.ui.widgets.hanging import Hanging, hang, indent_of

WORDS = st.sampled_from(["peace", "talks", "Astana", "a", "convoy", "zone", "détente", "x" * 14])
LINE = st.lists(WORDS, max_size=18).map(" ".join)


def _render(renderable: object, width: int) -> str:
    console = Console(width=width, file=io.StringIO(), color_system=None, legacy_windows=False)
    console.print(renderable)
    return console.file.getvalue()  # type: ignore[attr-defined]


@settings(max_examples=150, deadline=None)
@given(st.lists(LINE, min_size=1, max_size=5), st.booleans(), st.integers(12, 70))
def test_text_without_an_indent_is_drawn_as_rich_draws_it(lines: list[str], newline: bool, width: int) -> None:
    text = Text("\n".join(lines) + ("\n" if newline else ""))
    assert _render(Hanging(text), width) == _render(text, width)


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 6), st.sampled_from(["", "• ", "- ", "✗ "]), LINE, st.integers(20, 70))
def test_an_indented_line_goes_on_under_its_first_word_and_loses_nothing(
    spaces: int, bullet: str, body: str, width: int
) -> None:
    line = " " * spaces + bullet + body
    console = Console(width=width, file=io.StringIO(), color_system=None)
    drawn = [part.plain for part in hang(Text(line), console, width)]
    indent = indent_of(line)
    assert indent == spaces + len(bullet)
    assert all(len(part.rstrip()) <= width for part in drawn)
    if indent and indent <= width // 2:
        assert all(part.startswith(" " * indent) for part in drawn[1:])
    # every letter is there, in its order (a word longer than the room is folded, as Rich folds it)
    assert "".join("".join(drawn).split()) == "".join(line.split())


def test_a_bullet_of_the_debrief_wraps_under_its_text() -> None:
    text = Text("Outcome\n  • the deal settled the detainees, the zones and the date for Sochi in one package\n")
    drawn = [line.rstrip() for line in _render(Hanging(text), 40).splitlines()]
    assert drawn[1] == "  • the deal settled the detainees, the"
    assert drawn[2].startswith("    zones")
    assert str(Hanging(text)) == text.plain  # what a reader takes from the widget: the same words
