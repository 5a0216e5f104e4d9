"""The id tables of a scenario being built, and lookups that report a dangling reference with
the line and column of the value at fault (and the nearest id, where one is close)."""

from __future__ import annotations

from typing import Any

from game.scenario.diagnostics import Mark, Report
from game.scenario.shapes import close
from game.scenario.yamlread import YMap, YSeq


def written_ids(items: Any) -> set[str]:
    """Every id a list of objects was written with, the ids of objects with errors of their own
    and of objects the shape check refused included: a reference to one of them is not reported
    again as unknown (one error per mistake). An id that is not one (`id: Sinn_Fein`) counts as
    written and as the id it was likely meant as ('sinn_fein', what the references say); an item
    written bare where a mapping was expected (`- phased` for an option) counts as its id."""
    if not isinstance(items, YSeq):
        return set()
    out: set[str] = set()
    for item in [*items, *items.rejected]:
        ident = item.get("id", item.rejected.get("id")) if isinstance(item, YMap) else item
        if isinstance(ident, str) and ident.strip():
            out.update({ident, ident.lower(), "_".join(ident.lower().split())})
    return out


class Refs:
    """Id -> index tables, and lookups that report dangling references."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.zones: dict[str, int] = {}
        self.issues: dict[str, int] = {}
        self.options: dict[str, dict[str, int]] = {}
        self.delegations: dict[str, int] = {}
        self.venues: dict[str, int] = {}
        self.broken: set[str] = set()
        self.broken_options: dict[str, set[str]] = {}  # per issue, every option id written (faulty or not)

    def dedup(self, items: YSeq, what: str) -> tuple[dict[str, int], YSeq]:
        table: dict[str, int] = {}
        kept = YSeq(items.mark)
        for k, item in enumerate(items):
            ident = item.get("id")
            if ident is None:
                continue
            if ident in table:
                self.report.error(item.at("id"), f"duplicate {what} id {ident!r}")
                continue
            table[ident] = len(table)
            kept.append(item)
            kept.marks.append(items.at(k))
        return table, kept

    def find(self, table: dict[str, int], ident: str, mark: Mark, what: str) -> int:
        if ident in table:
            return table[ident]
        if ident in self.broken:
            return -1  # defined, but with errors of its own: reported there
        self.report.error(mark, f"unknown {what} {ident!r}{close(ident, table)}")
        return -1

    def option(self, issue: str, ident: str, mark: Mark) -> int:
        options = self.options.get(issue)
        if options is None:
            return -1  # the issue itself is unknown or broken: reported elsewhere
        if ident in options:
            return options[ident]
        if ident in self.broken_options.get(issue, ()):
            return -1  # defined, but with errors of its own: reported there
        self.report.error(mark, f"issue {issue!r} has no option {ident!r}{close(ident, options)}")
        return -1
