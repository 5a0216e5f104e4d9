"""Problems found in a scenario file, each pointing at a line and column."""

from __future__ import annotations

from dataclasses import dataclass, field

Mark = tuple[int, int]  # 1-based line and column; (0, 0) where the file has no position


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    column: int
    severity: str  # "error" | "warning"
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}" if self.line else self.path
        return f"{where}: {self.severity}: {self.message}"


@dataclass
class Report:
    """Collects every diagnostic of one file, so an author sees them all in one run."""

    path: str
    items: list[Diagnostic] = field(default_factory=list)

    def error(self, mark: Mark, message: str) -> None:
        self.items.append(Diagnostic(self.path, mark[0], mark[1], "error", message))

    def warning(self, mark: Mark, message: str) -> None:
        self.items.append(Diagnostic(self.path, mark[0], mark[1], "warning", message))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "warning"]

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.items, key=lambda d: (d.line, d.column, d.severity, d.message))


class ScenarioError(Exception):
    """A scenario file that cannot be played; carries every diagnostic found."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        first = next((d for d in diagnostics if d.severity == "error"), None)
        super().__init__(str(first) if first else "invalid scenario")
