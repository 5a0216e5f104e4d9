"""A save's log, read without the YAML library when it is exactly as the game writes it.

A save ends with `log:` and one line per action, `  - "TURN ROUND ACTOR ACTION... #HASH"`:
ten thousand of them are most of a long save's lines, and most of its reading time went to PyYAML
turning each into a node and a value. When the log is in exactly that form (printable ASCII
between the double quotes, no quote or backslash, nothing else after `log:`), each line's value
is the text between its quotes, as YAML reads it: a double-quoted scalar without escapes or line
breaks is its characters. The rest of the file (the header: format, scenario, seed, seats,
outcome) is read by the YAML reader as before, and the log is added to it with the marks the
YAML reader would have given. Anything else, or anything that makes the header more than a plain
mapping the log can follow, goes to the YAML reader whole: the same values, the same errors.
"""

from __future__ import annotations

import re
from itertools import repeat

from game.scenario.diagnostics import Report
from game.scenario.yamlread import YMap, YSeq, parse_yaml

_START = b"\nlog:\n"
# _log_entries's pieces: an item's opening, what joins two items (a quote, the newline, the next
# opening), and the bytes an entry may hold (printable ASCII but the quote and the backslash).
# The log as the writer writes it, as a pattern, is in tests/saves/test_fast_reading.py, which
# holds _log_entries to the same tails
_ITEM = b'  - "'
_BETWEEN = b'"\n  - "'
_ENTRY_BYTES = bytes(b for b in range(0x20, 0x7F) if b not in b'"\\')
# A line that ends (---, ...) or starts a YAML document, or holds a directive: the header alone
# could read where the whole file does not
_DOCUMENT = re.compile(rb"^(?:---|\.\.\.|%)", re.MULTILINE)
# The reasons as the writer writes our agents' (game.saves.write._reasons): the header's last key,
# one `  TURN: "TEXT"` a line, TEXT of the bytes a log entry may hold
_REASONS_KEY = b"\nreasons:\n"
_REASON = re.compile(rb'  ([1-9][0-9]{0,8}): "([ !#-\[\]-~]*)"\n')
_REASONS_BLOCK = re.compile(rb'(?:  [1-9][0-9]{0,8}: "[ !#-\[\]-~]*"\n)+')
_ITEM_KEY_COLUMN = 3
_FIRST_COLUMN = 1
_ITEM_COLUMN = 5  # `  - "`: the value starts at its opening quote
_DASH_COLUMN = 3


def parse_save(data: bytes, report: Report, budget: int) -> object | None:
    """What parse_yaml(data, report, budget, controls=True) gives, faster for a save's log."""
    fast = _split(data, report, budget)
    if fast is not None:
        return fast
    return parse_yaml(data, report, budget, controls=True, holds="saved game")


def _split(data: bytes, report: Report, budget: int) -> YMap | None:
    at = data.rfind(_START)
    if at < 0:
        return None
    items = _log_entries(data[at + len(_START) :])
    if items is None:
        return None
    header = data[: at + 1]
    if _DOCUMENT.search(header) is not None:
        return None
    reasons = _reasons(header)
    if reasons is not None:
        header = header[: reasons[0] + 1]
    # the YAML reader counts the sequence and each entry against the budget of values, and the
    # reasons' mapping and each reason
    left = budget - 1 - len(items) - (0 if reasons is None else 1 + len(reasons[1]))
    if left < 0:
        return None
    aside = Report(report.path)
    doc = parse_yaml(header, aside, left, controls=True, holds="saved game")
    # Only a header that reads cleanly as a mapping at the first column, without a log of its
    # own, is one that `log:` at the first column continues; whatever else goes to the reader.
    if not isinstance(doc, YMap) or aside.items or doc.mark[1] != _FIRST_COLUMN or "log" in doc:
        return None
    if reasons is not None:
        if "reasons" in doc:
            return None  # twice: the reader's to refuse
        _add_reasons(doc, header.count(b"\n") + 1, reasons[1])
    log_line = (data[: at + 1]).count(b"\n") + 1
    log = YSeq((log_line + 1, _DASH_COLUMN))
    log.extend(items)
    log.marks = list(zip(range(log_line + 1, log_line + 1 + len(items)), repeat(_ITEM_COLUMN)))
    doc["log"] = log
    doc.key_marks["log"] = (log_line, _FIRST_COLUMN)
    doc.value_marks["log"] = log.mark
    return doc


def _reasons(header: bytes) -> tuple[int, list[tuple[bytes, bytes]]] | None:
    """Where the header's reasons begin (the newline before `reasons:`) and each one's turn and
    text, when they are its last key and every one is written `  TURN: "TEXT"` as the writer
    writes our agents' (TEXT printable ASCII without a quote or backslash: a double-quoted
    scalar without escapes is its characters); else None, and the YAML reader reads them."""
    at = header.rfind(_REASONS_KEY)
    if at < 0:
        return None
    block = header[at + len(_REASONS_KEY) :]
    if _REASONS_BLOCK.fullmatch(block) is None:
        return None
    reasons = _REASON.findall(block)
    if len({turn for turn, _ in reasons}) < len(reasons):
        return None  # a turn twice: the YAML reader's to refuse
    return at, reasons


def _add_reasons(doc: YMap, key_line: int, reasons: list[tuple[bytes, bytes]]) -> None:
    """The reasons added to the header's mapping with the marks the YAML reader gives them."""
    said = YMap((key_line + 1, _ITEM_KEY_COLUMN))
    for line, (turn, text) in enumerate(reasons, key_line + 1):
        key = turn.decode()
        said[key] = text.decode()
        said.key_marks[key] = (line, _ITEM_KEY_COLUMN)
        said.value_marks[key] = (line, _ITEM_KEY_COLUMN + len(key) + 2)  # past `TURN: `, at the quote
    doc["reasons"] = said
    doc.key_marks["reasons"] = (key_line, _FIRST_COLUMN)
    doc.value_marks["reasons"] = said.mark


def _log_entries(tail: bytes) -> list[str] | None:
    """The entries of a log as the writer writes it (what the log's pattern matches, its
    items' values), or None for any other tail. Told by splitting and deleting in C rather than
    by the pattern, which looked at each of a long save's million bytes in turn.

    Between the first item's opening and the last one's closing quote and newline (which cannot
    overlap: seven bytes at least), the tail is split where an item closes and the next opens;
    joined again by the same bytes it is the tail, so when no entry holds anything but the bytes
    an entry may (no quote, no newline), the tail is those items, one a line."""
    if len(tail) < len(_ITEM) + 2 or not tail.startswith(_ITEM) or not tail.endswith(b'"\n'):
        return None
    entries = tail[len(_ITEM) : -2].split(_BETWEEN)
    if b"".join(entries).translate(None, _ENTRY_BYTES):
        return None
    return list(map(bytes.decode, entries))  # ASCII: their text
