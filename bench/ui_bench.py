"""The interface's speed: launch to an interactive table, and keypress-to-screen latency for
opening the proposal builder and for submitting a proposal, as medians. Prints figures.

    python bench/ui_bench.py [--runs 7]

Launch is measured from spawning a new Python process to the table being ready for the
player's first key (headless, through Textual's test driver, so no terminal is needed): it
includes the interpreter starting and every import. The latencies are measured in-process with
Textual's Pilot: from the key press to the screen having processed it and repainted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = """
import asyncio, sys, time, tempfile
from pathlib import Path
from game.scenario import bundled
from game.ui.app import make_app
from game.ui.screens.table import TableScreen

async def main():
    app = make_app(bundled()["astana-8"], ("government",), seed=5, saves_dir=Path(tempfile.mkdtemp()), speed=0)
    async with app.run_test(size=(100, 32)) as pilot:
        while not isinstance(app.screen, TableScreen) or app.screen.session.state.actor != 0:
            await pilot.pause(0.001)
        print(time.time())

asyncio.run(main())
"""


def launch_seconds() -> float:
    start = time.time()
    out = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1]) - start


async def latencies(runs: int) -> tuple[list[float], list[float]]:
    from game.scenario import bundled
    from game.ui.app import make_app
    from game.ui.screens.actions import ProposalBuilder
    from game.ui.screens.notices import Notice
    from game.ui.screens.table import TableScreen

    opening: list[float] = []
    submitting: list[float] = []
    app = make_app(bundled()["astana-8"], ("government",), seed=5, saves_dir=Path(tempfile.mkdtemp()), speed=0)
    async with app.run_test(size=(100, 32)) as pilot:
        while not isinstance(app.screen, TableScreen):
            await pilot.pause(0.001)
        table = app.screen
        for _ in range(runs):
            while (table.session.state.actor != 0 or app.screen is not table) and not table.session.state.over:
                if isinstance(app.screen, Notice):  # a new round's events: read, and go on
                    await pilot.press("enter")
                await pilot.pause(0.001)
            if table.session.state.over:
                break
            while any(q.response_of(0) == 0 for q in table.session.state.proposals):
                await pilot.press("r")  # answer what is put to us first (a draft must be answered)
                await pilot.pause()
                await pilot.press("a")
                await pilot.pause()
            t0 = time.perf_counter()
            await pilot.press("p")
            while not isinstance(app.screen, ProposalBuilder):
                await pilot.pause(0)
            await pilot.pause()
            opening.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            await pilot.click("#send")
            while isinstance(app.screen, ProposalBuilder):
                await pilot.pause(0)
            await pilot.pause()
            submitting.append(time.perf_counter() - t0)
            if app.screen is table and table.session.state.actor == 0:
                await pilot.press("n")  # pass the rest of the turn; the AI plays on at full speed
    return opening, submitting


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    launches = [launch_seconds() for _ in range(args.runs)]
    opening, submitting = asyncio.run(latencies(args.runs))
    print(
        json.dumps(
            {
                "launch_to_table_s_median": round(statistics.median(launches), 3),
                "open_proposal_builder_ms_median": round(statistics.median(opening) * 1000, 1),
                "submit_proposal_ms_median": round(statistics.median(submitting) * 1000, 1),
                "runs": args.runs,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
