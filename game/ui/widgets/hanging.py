"""Text whose wrapped lines keep their indent: a line that starts with spaces (and a bullet) goes
on under its own first word, not at the left edge.

Rich wraps a line back to column 0, so an indented paragraph of the brief, a bullet of the
debrief or a line of the turn's summary read, once wrapped, as a new paragraph ("…plus\\n
titling" under "  • …"): an author read them so.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

BULLETS = ("• ", "- ", "✗ ")


def indent_of(line: str) -> int:
    """The column a wrapped line of `line` goes on at: its leading spaces, and a bullet's width."""
    spaces = len(line) - len(line.lstrip(" "))
    return spaces + (2 if line[spaces:].startswith(BULLETS) else 0)


def hang(line: Text, console: Console, width: int) -> list[Text]:
    """One line of text (no newline in it) wrapped to `width`, each line after the first indented
    as indent_of says; as Rich wraps it where it has no indent, or too much for the width."""
    lines = list(line.wrap(console, width, overflow="fold"))
    indent = indent_of(line.plain)
    if indent == 0 or len(lines) < 2 or indent > width // 2:
        return lines
    first = lines[0]
    rest = line[len(first.plain) :]  # the first line is the text's own start, its break's space kept
    rest = rest[len(rest.plain) - len(rest.plain.lstrip(" ")) :]  # ...or not, where it filled the width
    out = [first]
    for part in rest.wrap(console, width - indent, overflow="fold"):
        padded = Text(" " * indent, end=part.end)
        padded.append_text(part)
        out.append(padded)
    return out


def hanging_lines(text: Text, console: Console, width: int) -> list[Text]:
    """Every line of `text` wrapped to `width` by `hang` (a trailing newline gives a blank last
    line, as Rich draws it)."""
    return [out for line in text.split("\n", allow_blank=True) for out in hang(line, console, width)]


class Hanging:
    """A renderable of Text whose every indented line hangs (see `hang`); a Static shows it as it
    would the Text, and measures it the same."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __str__(self) -> str:
        return self.text.plain  # what a reader (and a test) takes from it, as from the Text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from hanging_lines(self.text, console, options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)
