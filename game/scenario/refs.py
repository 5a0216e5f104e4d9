"""The id tables of a scenario being built, and lookups that report a dangling reference with
the line and column of the value at fault (and the nearest id, where one is close)."""

from __future__ import annotations

from collections.abc import Iterable
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
        # per issue, the option ids written a second time and where: reported by report_doubled,
        # with the references to options the issue lacks (`unnamed`, per issue and id) that the
        # duplicate likely explains
        self.doubled: dict[str, list[tuple[str, Mark, int]]] = {}  # (id, where, the first's line)
        self.unnamed: dict[str, dict[str, list[Mark]]] = {}
        # the same for the ids of each kind ('issue', 'delegation', ...): an author who copied an
        # issue and kept the first's id got the duplicate and an "unknown issue" at each reference
        # to the id the copy should have had, seven errors for one mistake
        self.doubled_ids: dict[str, list[tuple[str, Mark, int]]] = {}
        self.unknown: dict[str, dict[str, list[Mark]]] = {}

    @property
    def doubles(self) -> bool:
        """Whether an id is written twice: an error report_doubled has still to say."""
        return bool(self.doubled or self.doubled_ids)

    def dedup(self, items: YSeq, what: str, issue: str | None = None) -> tuple[dict[str, int], YSeq]:
        """The id table of `items` and the items with a first id. A duplicate is an error, said by
        report_doubled once the references are read (those it likely explains are said in it)."""
        table: dict[str, int] = {}
        first: dict[str, int] = {}  # the line of each id's first
        kept = YSeq(items.mark)
        for k, item in enumerate(items):
            ident = item.get("id")
            if ident is None:
                continue
            if ident in table:
                doubled = self.doubled_ids.setdefault(what, []) if issue is None else self.doubled.setdefault(issue, [])
                doubled.append((ident, item.at("id"), first[ident]))
                continue
            table[ident] = len(table)
            first[ident] = item.at("id")[0]
            kept.append(item)
            kept.marks.append(items.at(k))
        return table, kept

    def find(self, table: dict[str, int], ident: str, mark: Mark, what: str) -> int:
        if ident in table:
            return table[ident]
        if ident in self.broken:
            return -1  # defined, but with errors of its own: reported there
        self.no_id(what, ident, mark, table)
        return -1

    def no_id(self, what: str, ident: str, mark: Mark, known: Iterable[str]) -> None:
        """Report a reference to an id of a kind that no object has; where an id of that kind is
        written twice, the second was likely meant as this one: the reference is said in that
        duplicate's one error."""
        if what in self.doubled_ids:
            self.unknown.setdefault(what, {}).setdefault(ident, []).append(mark)
            return
        self.report.error(mark, f"unknown {what} {ident!r}{close(ident, known)}")

    def option(self, issue: str, ident: str, mark: Mark) -> int:
        options = self.options.get(issue)
        if options is None:
            return -1  # the issue itself is unknown or broken: reported elsewhere
        if ident in options:
            return options[ident]
        if ident in self.broken_options.get(issue, ()):
            return -1  # defined, but with errors of its own: reported there
        self.no_option(issue, ident, mark, options)
        return -1

    def no_option(self, issue: str, ident: str, mark: Mark, options: Iterable[str]) -> None:
        """Report a reference to an option the issue does not have; where the issue has an
        option id written twice, that is the likely cause (an author copied `cap_6104` over
        `cap_4000`, and got the duplicate and an error at each of the four values of
        `cap_4000`): the reference is said once, in the duplicate's error."""
        if issue in self.doubled:
            self.unnamed.setdefault(issue, {}).setdefault(ident, []).append(mark)
            return
        self.report.error(mark, f"issue {issue!r} has no option {ident!r}{close(ident, options)}")

    def report_doubled(self) -> None:
        """The error of each duplicate id, with the line of the first; the first duplicate of an
        issue's options, or of a kind of object, naming the references to what is missing that
        it likely explains, and where."""
        for what, doubled in self.doubled_ids.items():
            missing = self.unknown.get(what, {})
            for n, (ident, mark, first) in enumerate(doubled):
                lacks = f"no {what} has the id {_names([repr(x) for x in missing], 'or')}" if missing else ""
                self.report.error(mark, f"duplicate {what} id {ident!r}{_hint(lacks, missing, ident, first, n)}")
        for issue, doubled in self.doubled.items():
            unnamed = self.unnamed.get(issue, {})
            for n, (ident, mark, first) in enumerate(doubled):
                lacks = f"{issue!r} has no option {_names([repr(x) for x in unnamed])}" if unnamed else ""
                self.report.error(mark, f"duplicate option id {ident!r}{_hint(lacks, unnamed, ident, first, n)}")


def _hint(lacks: str, missing: dict[str, list[Mark]], ident: str, first: int, n: int) -> str:
    """The hint of the `n`th duplicate of an id `ident` (its first on line `first`). The first
    names the references to the ids `missing` that it likely explains (`lacks` says what is
    missing); which of the two was renamed by mistake is not known, so both are named."""
    if n > 0 or not missing:
        return f" (the first is on line {first})"
    lines = sorted({line for marks in missing.values() for line, _ in marks})
    where = f"line {lines[0]}" if len(lines) == 1 else f"lines {_names([str(x) for x in lines])}"
    meant = repr(next(iter(missing))) if len(missing) == 1 else "one of them"
    return (
        f" (and {lacks}, which {where} {'names' if len(lines) == 1 else 'name'}: was this one, or the {ident!r} "
        f"on line {first}, meant to be {meant}?)"
    )


def _names(names: list[str], last: str = "and") -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" {last} " + names[-1]
