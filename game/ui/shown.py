"""Paths and file names as the interface shows them: text, never commands to the terminal.

A file may be named with an escape sequence in it (`\\e]2;TITLE\\a` sets the terminal's title,
`\\e[2J` clears the screen), and Rich and Textual pass ESC through to the terminal as they draw.
The commands escape what they print (game.safetext); the interface escapes a path where it shows
one, here, in the same words (ESC as \\x1b), and a line break or a tab too: a path is one line.
"""

from __future__ import annotations

from pathlib import PurePath

from game.safetext import escape_controls


def shown_path(path: PurePath | str) -> str:
    """A path or a file name, on one line, with every control character written out."""
    return escape_controls(str(path)).replace("\n", "\\n").replace("\t", "\\t")
