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
    prev_symbol = False  # the character before was a symbol, which a selector may draw as an emoji
    for char in text:
        code = ord(char)
        if joined or 0x1F3FB <= code <= 0x1F3FF or 0x1160 <= code <= 0x11FF:
            joined = False  # joined, a skin tone, or a Hangul vowel or final: no column of its own
            continue
        if char == "\u200d":
            joined = True
            continue
        if char == "\ufe0f":  # VARIATION SELECTOR-16 after a symbol: drawn as an emoji, two wide
            width += 1 if last == 1 and prev_symbol else 0
            last = 2 if prev_symbol else last
            continue
        if char != "\u00ad" and unicodedata.category(char) in ("Mn", "Me", "Mc", "Cf"):
            continue  # marks and format characters take no column of their own (a soft hyphen does)
        prev_symbol = unicodedata.category(char) == "So"
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

    def write(self, text: str) -> int:
        shown = escape_controls(text)
        if self._one_line:
            # a message is one line: a line break from a file name or a file's text inside it
            # is written out (print writes the message and its own line end in two calls)
            body = shown.rstrip("\n")
            shown = _shortened(body.replace("\n", "\\n")) + shown[len(body) :]
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

    def _write(self, shown: str) -> None:
        try:
            self._stream.write(shown)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(exc) from None

    def __getattr__(self, name: str) -> Any:  # flush, isatty, fileno, encoding... as the stream's
        return getattr(self._stream, name)


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
