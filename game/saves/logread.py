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
# the log as the writer writes it, to the end of the file; nothing in a quoted entry is special
_LOG = re.compile(rb'(?:  - "[ !#-\[\]-~]*"\n)+')
# _is_log's pieces: an item's opening, what joins two items, and the bytes an entry may hold
# (printable ASCII but the quote and the backslash: _LOG's class) or the log between them
_ITEM = b'  - "'
_BETWEEN = b'"\n  - "'
_LOG_BYTES = bytes(b for b in range(0x20, 0x7F) if b not in b'"\\') + b'"\n'
# A line that ends (---, ...) or starts a YAML document, or holds a directive: the header alone
# could read where the whole file does not
_DOCUMENT = re.compile(rb"^(?:---|\.\.\.|%)", re.MULTILINE)
_FIRST_COLUMN = 1
_ITEM_COLUMN = 5  # `  - "`: the value starts at its opening quote
_DASH_COLUMN = 3


def parse_save(data: bytes, report: Report, budget: int) -> object | None:
    """What parse_yaml(data, report, budget, controls=True) gives, faster for a save's log."""
    fast = _split(data, report, budget)
    if fast is not None:
        return fast
    return parse_yaml(data, report, budget, controls=True)


def _split(data: bytes, report: Report, budget: int) -> YMap | None:
    at = data.rfind(_START)
    if at < 0:
        return None
    tail = data[at + len(_START) :]
    if not _is_log(tail):
        return None
    header = data[: at + 1]
    if _DOCUMENT.search(header) is not None:
        return None
    # every item is `  - "ENTRY"` and no entry holds a quote: the entries are what lies between
    items = tail.decode("ascii")[len(_ITEM) : -2].split(_BETWEEN.decode("ascii"))
    # the YAML reader counts the sequence and each entry against the budget of values
    left = budget - 1 - len(items)
    if left < 0:
        return None
    aside = Report(report.path)
    doc = parse_yaml(header, aside, left, controls=True)
    # Only a header that reads cleanly as a mapping at the first column, without a log of its
    # own, is one that `log:` at the first column continues; whatever else goes to the reader.
    if not isinstance(doc, YMap) or aside.items or doc.mark[1] != _FIRST_COLUMN or "log" in doc:
        return None
    log_line = header.count(b"\n") + 1
    log = YSeq((log_line + 1, _DASH_COLUMN))
    log.extend(items)
    log.marks = list(zip(range(log_line + 1, log_line + 1 + len(items)), repeat(_ITEM_COLUMN)))
    doc["log"] = log
    doc.key_marks["log"] = (log_line, _FIRST_COLUMN)
    doc.value_marks["log"] = log.mark
    return doc


def _is_log(tail: bytes) -> bool:
    """Whether `tail` is all log, as the writer writes it: _LOG.fullmatch(tail), told by counting
    in C rather than by the pattern, which looked at each of a long save's million bytes in turn
    (about 45 instructions a byte, a twentieth of a load; counting and deleting take a few).

    n newlines; the tail opens an item and ends `"\n`; n - 1 newlines join two items (`"\n  - "`),
    so with the last one every newline ends a line `  - "..."` and no other byte lies outside
    them; two quotes a line, so none inside an entry (an item of no entry, `  - "` then the
    newline, would share its one quote: refused, as is anything else, to the YAML reader, which
    reads every save); and every byte printable ASCII but the backslash, or a newline."""
    lines = tail.count(b"\n")
    return (
        lines > 0
        and tail.startswith(_ITEM)
        and tail.endswith(b'"\n')
        and tail.count(_BETWEEN) == lines - 1
        and tail.count(b'"') == 2 * lines
        and _ITEM + b"\n" not in tail
        and not tail.translate(None, _LOG_BYTES)
    )
