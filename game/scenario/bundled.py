"""The scenarios that ship with the game, found in the installed package or the source tree."""

from __future__ import annotations

from pathlib import Path

DEFAULT = "astana-8"
_PACKAGE = Path(__file__).resolve().parent.parent


def scenarios_dir() -> Path:
    """Inside a wheel the files sit in game/scenarios; in a checkout, in scenarios/ beside game/."""
    installed = _PACKAGE / "scenarios"
    return installed if installed.is_dir() else _PACKAGE.parent / "scenarios"


def bundled() -> dict[str, Path]:
    """Bundled scenario name -> file, sorted by name."""
    folder = scenarios_dir()
    if not folder.is_dir():
        return {}
    return {p.stem: p for p in sorted(folder.glob("*.yaml"))}


def resolve(name_or_path: str) -> Path | None:
    """A bundled name ('astana-8') or a path to a file; None if it is neither."""
    files = bundled()
    if name_or_path in files:
        return files[name_or_path]
    path = Path(name_or_path)
    try:
        # a link is a file the user named even where it leads nowhere or back to itself: the
        # reader then says which, rather than "not a bundled name nor a file"
        return path if path.exists() or path.is_symlink() else None
    except OSError:  # a name the system cannot even look up (too long): no such file
        return None
