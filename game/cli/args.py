"""The types of the `peacetalks` command's arguments: each refuses, in the words of a usage
error, what the user did not write as the value it stands for."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable


def whole(text: str, what: str, low: int, high: int, bounds: str) -> int:
    """The one parser of every whole-number argument: an optional minus sign and ASCII digits,
    nothing else. Python's int() also takes `1_000`, spaces around, a plus sign and digits of other
    scripts (`١٢`); a number the user did not type as one is refused, not guessed at."""
    if not re.fullmatch(r"-?[0-9]+", text):
        raise argparse.ArgumentTypeError(f"{what} is a whole number written in digits 0-9, got {text!r}")
    # the digits that make the number (leading zeros make none: 000...0001 is 1, a reviewer's)
    significant = text.lstrip("-").lstrip("0") or "0"
    if len(significant) > 30:  # a thousand digits would be converted, then printed back whole
        raise argparse.ArgumentTypeError(f"{what} lies in {bounds}, got a number of {len(significant)} digits")
    value = -int(significant) if text.startswith("-") else int(significant)
    if not low <= value <= high:
        raise argparse.ArgumentTypeError(f"{what} lies in {bounds}, got {value}")
    return value


def positive(text: str) -> int:
    return whole(text, "the number", 1, 1_000_000, "1..1000000")


def seconds(text: str) -> float:
    """Seconds, as digits 0-9 with a decimal point if need be (`2`, `0.5`), 0.01 to 3600."""
    # a minus sign is taken here to be refused by the range below, as whole refuses `--seed -1`:
    # a number written in digits, all the same, was told it was not one (as were 11 digits)
    match = re.fullmatch(r"-?([0-9]+)(?:\.([0-9]+))?", text)
    if match is None:
        raise argparse.ArgumentTypeError(f"the seconds are a number written in digits 0-9 (2, 0.5), got {text!r}")
    # the digits that make the number: 3600.000...0 and 000...0.5 are in range (a reviewer's)
    digits = len(match[1].lstrip("0")) + len((match[2] or "").rstrip("0"))
    if digits > 30:  # as whole: a thousand digits would be printed back whole
        raise argparse.ArgumentTypeError(f"the seconds lie in 0.01..3600, got a number of {digits} digits")
    value = float(text)
    if not 0.01 <= value <= 3600:
        # written by the digits that make it: 5,000 zeros were printed back whole (a reviewer's)
        fraction = (match[2] or "").rstrip("0")
        shown = (
            ("-" if text.startswith("-") else "") + (match[1].lstrip("0") or "0") + (f".{fraction}" if fraction else "")
        )
        raise argparse.ArgumentTypeError(f"the seconds lie in 0.01..3600, got {shown}")
    return value


def jobs(text: str) -> int:
    return whole(text, "the number of jobs", 1, 64, "1..64")


def _named(what: str) -> Callable[[str], str]:
    """An argument that names a file or a folder, refused when empty: to pathlib an empty name is
    the current folder (`validate ""` said ".: is a directory", `replay ""` too; `watch ""` and
    `play ""` played the default scenario; `--save-dir "$UNSET"` would fill the folder with saves)."""

    def named(text: str) -> str:
        if not text:
            raise argparse.ArgumentTypeError(f"expected {what}, got an empty name")
        return text

    return named


new_file = _named("the path of the file to write")
scenario = _named("a bundled scenario name or the path of a scenario file")
scenario_file = _named("the path of a scenario file")  # validate takes paths only
save_file = _named("the path of a saved game")
folder = _named("the path of a folder")


def seed(text: str) -> int:
    # the seeds a scenario file may hold (game.scenario.spec): 0..2^63-1
    return whole(text, "a seed", 0, 2**63 - 1, "0..2^63-1")
