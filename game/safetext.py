"""Text from files is data: the characters it may not hold, and how to print what slips through.

A scenario (or a save, which embeds one) is often a file a stranger shared. A control character
in a name would reach the terminal as a command: ESC and the C1 controls start escape sequences
(colours, hyperlinks, a cleared screen), CR and a line break forge transcript lines, and the
bidirectional overrides reorder what a reader sees. The scenario format refuses them (with line
and column); every command that prints escapes whatever remains, so a terminal never receives a
control sequence that came from a file.
"""

from __future__ import annotations

import contextlib
import errno
import io
import re
import sys
import unicodedata
from collections.abc import Iterator
from typing import Any, TextIO

# C0 controls but tab and line feed, DEL, the C1 controls, the line and paragraph separators and
# the bidirectional embeddings, overrides and isolates. (The marks LRM, RLM and ALM stay: Arabic
# names need them and they reorder nothing around them.)
# Written as regular-expression escapes, which Python and JSON Schema (ECMA-262) read alike.
CONTROL_CLASS = r"\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
CONTROL = re.compile(f"[{CONTROL_CLASS}]")
CONTROL_OR_BREAK = re.compile(f"[{CONTROL_CLASS}\\t\\n]")

ALLOWED = "printable characters; long texts may also hold line breaks and tabs"


def first_control(text: str, one_line: bool = False) -> int | None:
    """The index of the first character a text from a file may not hold, or None. A one-line
    text (a name, a label, a title) may not hold a line break or a tab either."""
    found = (CONTROL_OR_BREAK if one_line else CONTROL).search(text)
    return None if found is None else found.start()


def describe(char: str) -> str:
    """'U+001B (ESCAPE)': how a message names a character it must not print."""
    name = unicodedata.name(char, "") or _C0_NAMES.get(ord(char), "a control character")
    return f"U+{ord(char):04X} ({name})"


_C0_NAMES = {
    0x00: "NUL",
    0x07: "BELL",
    0x08: "BACKSPACE",
    0x09: "TAB",
    0x0A: "LINE FEED",
    0x0D: "CARRIAGE RETURN",
    0x1B: "ESCAPE",
    0x7F: "DELETE",
    0x85: "NEXT LINE",
    0x9B: "CONTROL SEQUENCE INTRODUCER",
    0x9D: "OPERATING SYSTEM COMMAND",
}


# The characters drawn in one column as text and in two as an emoji, which VARIATION SELECTOR-16
# (U+FE0F) after them asks for: the text-default bases of Unicode's emoji-variation-sequences.txt
# (Unicode 17), the set Rich widens (a selector after any other character, a letter say, changes
# nothing; after a keycap digit or an arrow it does: a review's)
_EMOJI_BY_SELECTOR = frozenset(
    "#*0123456789\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194\u2195\u2196\u2197\u2198\u2199\u21a9\u21aa\u2328"
    "\u23cf\u23ed\u23ee\u23ef\u23f1\u23f2\u23f8\u23f9\u23fa\u24c2\u25aa\u25ab\u25b6\u25c0\u25fb\u25fc\u2600"
    "\u2601\u2602\u2603\u2604\u260e\u2611\u2618\u261d\u2620\u2622\u2623\u2626\u262a\u262e\u262f\u2638\u2639"
    "\u263a\u2640\u2642\u265f\u2660\u2663\u2665\u2666\u2668\u267b\u267e\u2692\u2694\u2695\u2696\u2697\u2699"
    "\u269b\u269c\u26a0\u26a7\u26b0\u26b1\u26c8\u26cf\u26d1\u26d3\u26e9\u26f0\u26f1\u26f4\u26f7\u26f8\u26f9"
    "\u2702\u2708\u2709\u270c\u270d\u270f\u2712\u2714\u2716\u271d\u2721\u2733\u2734\u2744\u2747\u2763\u2764"
    "\u27a1\u2934\u2935\u2b05\u2b06\u2b07\U0001f170\U0001f171\U0001f17e\U0001f17f\U0001f321\U0001f324"
    "\U0001f325\U0001f326\U0001f327\U0001f328\U0001f329\U0001f32a\U0001f32b\U0001f32c\U0001f336\U0001f37d"
    "\U0001f396\U0001f397\U0001f399\U0001f39a\U0001f39b\U0001f39e\U0001f39f\U0001f3cb\U0001f3cc\U0001f3cd"
    "\U0001f3ce\U0001f3d4\U0001f3d5\U0001f3d6\U0001f3d7\U0001f3d8\U0001f3d9\U0001f3da\U0001f3db\U0001f3dc"
    "\U0001f3dd\U0001f3de\U0001f3df\U0001f3f3\U0001f3f5\U0001f3f7\U0001f43f\U0001f441\U0001f4fd\U0001f549"
    "\U0001f54a\U0001f56f\U0001f570\U0001f573\U0001f574\U0001f575\U0001f576\U0001f577\U0001f578\U0001f579"
    "\U0001f587\U0001f58a\U0001f58b\U0001f58c\U0001f58d\U0001f590\U0001f5a5\U0001f5a8\U0001f5b1\U0001f5b2"
    "\U0001f5bc\U0001f5c2\U0001f5c3\U0001f5c4\U0001f5d1\U0001f5d2\U0001f5d3\U0001f5dc\U0001f5dd\U0001f5de"
    "\U0001f5e1\U0001f5e3\U0001f5e8\U0001f5ef\U0001f5f3\U0001f5fa\U0001f6cb\U0001f6cd\U0001f6ce\U0001f6cf"
    "\U0001f6e0\U0001f6e1\U0001f6e2\U0001f6e3\U0001f6e4\U0001f6e5\U0001f6e9\U0001f6f0\U0001f6f3"
)


def columns(text: str) -> int:
    """How many terminal columns a one-line text takes, counted as Rich (which draws the
    interface) counts them for names people write: a combining mark or a format character none,
    a wide (East Asian) character or an emoji two, an emoji's skin tone or a character joined to
    the one before (ZERO WIDTH JOINER) none, any other one (a name with three letters and ten
    combining marks was said to have 13 letters). The format layer may not import Rich;
    tests/scenario/test_lint.py holds the two to the same count on such names."""
    width = 0
    last = 0  # the width of the character before, which an emoji selector may widen
    joined = False  # the character before was ZERO WIDTH JOINER: this one is drawn with the last
    prev = ""  # the character before, which a selector may draw as an emoji
    for char in text:
        code = ord(char)
        if joined or 0x1F3FB <= code <= 0x1F3FF or 0x1160 <= code <= 0x11FF:
            joined = False  # joined, a skin tone, or a Hangul vowel or final: no column of its own
            continue
        if char == "\u200d":
            joined = True
            continue
        if char == "\ufe0f":  # VARIATION SELECTOR-16: the character before drawn as an emoji, two wide
            width += 1 if last == 1 and prev in _EMOJI_BY_SELECTOR else 0
            last = 2 if prev in _EMOJI_BY_SELECTOR else last
            continue
        if char != "\u00ad" and unicodedata.category(char) in ("Mn", "Me", "Mc", "Cf"):
            continue  # marks and format characters take no column of their own (a soft hyphen does)
        prev = char
        last = 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
        width += last
    return width


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """The text with every control character written out as an escape (ESC as \\x1b): line
    breaks and tabs stay, as the format allows them in long texts."""
    return CONTROL.sub(_escaped, text)


class OutputError(Exception):
    """The command's output could not be written (a full disk, a file too large, an I/O error)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(f"cannot write to standard output: {error.strerror or error}")


class ClosedOutput(io.TextIOBase):
    """What a command writes to when it was started with a stream closed (`2>&-`, `>&-`), where
    Python leaves sys.stdout or sys.stderr as None and the first print raised a traceback. A
    write to it fails as a full disk does, in one line; a command that writes nothing runs on."""

    def write(self, text: str) -> int:
        raise OutputError(OSError(errno.EBADF, "it was closed before the command started"))


# a one-line message longer than this is shortened in its middle: an argument of 100,000
# characters quoted back in full would bury the message (its start names the file, line and
# column; its end says what was wrong)
LONGEST_MESSAGE = 2000


OWN_LINE = "peacetalks: "  # how each of the command's own messages on stderr begins


def _shortened(line: str) -> str:
    if len(line) <= LONGEST_MESSAGE:
        return line
    head, tail = LONGEST_MESSAGE // 2, LONGEST_MESSAGE // 4
    return f"{line[:head]}...({len(line) - head - tail} characters left out)...{line[-tail:]}"


class EscapingStream:
    """A text stream that writes through to another with every control character escaped. A
    failed write raises OutputError, which the command reports in one line (a closed pipe stays
    a BrokenPipeError: the reader has had what it wanted)."""

    def __init__(self, stream: TextIO, one_line: bool = False) -> None:
        self._stream = stream
        self._one_line = one_line
        self._line_open = False  # the last text written did not end its line

    def write(self, text: str) -> int:
        shown = escape_controls(text)
        if self._one_line:
            # a message is one line: a line break from a file name or a file's text inside it
            # is written out (print writes the message and its own line end in two calls)
            body = shown.rstrip("\n")
            shown = _shortened(body.replace("\n", "\\n")) + shown[len(body) :]
            if self._line_open and shown.startswith(OWN_LINE):
                # the command's own message begins a line: an outside agent's prompt printed
                # without its line end had the error line run on after it
                shown = "\n" + shown
        if shown:
            self._line_open = not shown.endswith("\n")
        try:
            self._stream.write(shown)
        except UnicodeEncodeError:
            # a terminal whose encoding has no letter for some text (an ISO-8859-1 locale and
            # "Erdoğan"): the letter shows as "?", rather than the command ending in a traceback
            encoding = getattr(self._stream, "encoding", None) or "ascii"
            self._write(shown.encode(encoding, "replace").decode(encoding))
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(exc) from None
        return len(text)

    @property
    def line_open(self) -> bool:
        """The last text written did not end its line."""
        return self._line_open

    def _write(self, shown: str) -> None:
        try:
            self._stream.write(shown)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(exc) from None

    def __getattr__(self, name: str) -> Any:  # flush, isatty, fileno, encoding... as the stream's
        return getattr(self._stream, name)


def end_open_line() -> None:
    """End the line the last text on stderr left open, if it did: in a worker process, before the
    failure it hands back is said by the parent, whose stream never saw the worker's text (an
    outside agent's prompt with no line end had the error line run on after it)."""
    err = sys.stderr
    if isinstance(err, EscapingStream) and err.line_open:
        err.write("\n")


@contextlib.contextmanager
def escaped_output() -> Iterator[None]:
    """Within it, what is printed to stdout and stderr reaches the terminal with every control
    character escaped. JSON output is unchanged: json.dumps escapes them already."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = EscapingStream(out), EscapingStream(err, one_line=True)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err


@contextlib.contextmanager
def escaped_errors() -> Iterator[None]:
    """Within it, what is printed to stderr is escaped as in escaped_output, and stdout is left
    alone: the interface writes its own escape sequences (Textual draws on sys.__stderr__, which
    this does not touch), but a refusal before it starts names files as text."""
    err = sys.stderr
    sys.stderr = EscapingStream(err, one_line=True)
    try:
        yield
    finally:
        sys.stderr = err
