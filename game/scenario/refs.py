"""The id tables of a scenario being built, and lookups that report a dangling reference with
the line and column of the value at fault (and the nearest id, where one is close)."""

from __future__ import annotations

from game.scenario.diagnostics import Mark, Report
from game.scenario.shapes import close
from game.scenario.yamlread import YSeq


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
