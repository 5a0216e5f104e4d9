"""Writes the book of the bundled scenarios' rehearsals (game.ai.book) again, or checks it.

    python -m game.sim.book [--jobs N]     rehearse every signatory seat, write game/ai/book.json
    python -m game.sim.book --check        exit 1 if the book is not current (nothing rehearsed)

Run it after a change to the agents or the rules (the book's fingerprint no longer matches
their sources, and tests/ai/test_book.py says so) or to a bundled scenario. It takes about
40 s of CPU, spread over the cores.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from game.ai import book
from game.ai.rehearsal import STYLES, choice, signs, style_name
from game.engine.model import Scenario
from game.exits import EXIT_INTERRUPTED
from game.saves import SaveError, write_atomic
from game.scenario import bundled, load_scenario
from game.sim.pool import parallel_map

KIND = book.KIND


def seats() -> list[tuple[str, int]]:
    """Every signatory seat of every bundled scenario, as (scenario name, seat index)."""
    out: list[tuple[str, int]] = []
    for name, scenario in _bundled():
        out.extend((name, seat) for seat in range(len(scenario.delegations)) if signs(scenario, seat))
    return out


def _bundled() -> list[tuple[str, Scenario]]:
    return [(name, load_scenario(path)) for name, path in sorted(bundled().items())]


def _rehearse(task: tuple[str, int]) -> tuple[str, str, str, str]:
    name, seat = task
    scenario = load_scenario(bundled()[name])
    style = choice(scenario, seat, KIND).style
    return name, book.text_hash(scenario), scenario.delegations[seat].id, style_name(style)


class Moved(Exception):
    """The sources changed while the book was being written."""


def written(jobs: int) -> dict[str, Any]:
    """The book, every seat rehearsed afresh (the process's own choices, never the book's). The
    fingerprint is taken before the rehearsals, which run the code this process imported, and
    checked again after them: an edit meanwhile (or a branch switched) would otherwise give the
    new sources' fingerprint to the old code's choices."""
    code = book.fingerprint()
    scenarios: dict[str, Any] = {}
    for name, key, seat, style in parallel_map(_rehearse, seats(), jobs):
        scenarios.setdefault(key, {"scenario": name, "styles": {}})["styles"][seat] = style
    if book.fingerprint() != code:
        raise Moved("the sources of the agents or the rules changed while the book was written: run it again")
    return {
        "about": "The hard agent's rehearsal at every signatory seat of the bundled scenarios; "
        "written by python -m game.sim.book, read by game.ai.book.",
        "fingerprint": code,
        "kind": KIND,
        "scenarios": scenarios,
    }


AGAIN = "python -m game.sim.book writes it again"


def current() -> list[str]:
    """What is out of date in the shipped book (empty if nothing is)."""
    try:
        data = json.loads(book.BOOK.read_text(encoding="utf-8"))
        code = book.fingerprint()
    except (OSError, ValueError) as exc:
        return [f"{book.BOOK}: cannot be read ({exc}); {AGAIN}"]
    found = book.entries(data, code)
    if found is None:
        return [f"{book.BOOK}: not a book written for these sources of the agents and the rules; {AGAIN}"]
    known = {style_name(style) for style in STYLES[KIND]}
    problems = [
        f"{book.BOOK}: {seat} plays {style!r}, which is no style of the {KIND} level; {AGAIN}"
        for styles in found.values()
        for seat, style in styles.items()
        if style not in known
    ]
    expected: dict[str, set[str]] = {}
    for name, scenario in _bundled():
        key = book.text_hash(scenario)
        for seat in range(len(scenario.delegations)):
            if not signs(scenario, seat):
                continue
            seat_id = scenario.delegations[seat].id
            expected.setdefault(key, set()).add(seat_id)
            if seat_id not in found.get(key, {}):
                problems.append(f"{name}: no entry for {seat_id}; {AGAIN}")
    problems.extend(
        f"an entry for a scenario no longer bundled ({key[:12]}); {AGAIN}" for key in found if key not in expected
    )
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.sim.book", allow_abbrev=False)
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="processes that rehearse (default: every core)"
    )
    parser.add_argument("--check", action="store_true", help="only say whether the book is current")
    args = parser.parse_args(argv)
    if args.check:
        problems = current()
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    try:
        data = written(args.jobs)
        # whole or not at all: a run stopped halfway leaves the old book
        write_atomic(book.BOOK, json.dumps(data, indent=1, sort_keys=True) + "\n")
    except Moved as exc:
        print(f"{book.BOOK}: not written: {exc}", file=sys.stderr)
        return 1
    except SaveError as exc:  # an installed copy's folder may be read-only
        print(f"the book is not written: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{book.BOOK}: interrupted, not written", file=sys.stderr)
        return EXIT_INTERRUPTED
    print(f"{book.BOOK}: {sum(len(e['styles']) for e in data['scenarios'].values())} seats")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
