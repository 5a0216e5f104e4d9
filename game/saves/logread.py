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

from game.scenario.diagnostics import Report
from game.scenario.yamlread import YMap, YSeq, parse_yaml

_START = b"\nlog:\n"
# the log as the writer writes it, to the end of the file; nothing in a quoted entry is special
_LOG = re.compile(rb'(?:  - "[ !#-\[\]-~]*"\n)+')
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
    tail = memoryview(data)[at + len(_START) :]
    if _LOG.fullmatch(tail) is None:
        return None
    header = data[: at + 1]
    if _DOCUMENT.search(header) is not None:
        return None
    items = bytes(tail).decode("ascii").split("\n")
    items.pop()  # after the last newline
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
    log.extend(item[5:-1] for item in items)
    log.marks = [(line, _ITEM_COLUMN) for line in range(log_line + 1, log_line + 1 + len(items))]
    doc["log"] = log
    doc.key_marks["log"] = (log_line, _FIRST_COLUMN)
    doc.value_marks["log"] = log.mark
    return doc
