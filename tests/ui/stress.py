"""A slow machine on purpose, for hunting the interface tests' races: `pytest -p tests.ui.stress`.

CI runs on fresh, loaded machines where Textual's timers fire late, and a test that asserted after
a fixed number of frames failed there and nowhere else. Two knobs make such a machine here, so
that a race shows every run instead of one run in three (neither is on unless asked):

- `STRESS_REPAINT_MS`: every screen's update timer (which repaints it, and runs what was asked
  for after the next repaint, `call_after_refresh`) ticks every so many milliseconds instead of
  Textual's 1/60 s. At 300 (3 December, load average 9), test_title_keys.py with the driver as
  both were at 97883de failed 3 runs in 3 (2 of its 5 tests: the footer still showing the keys of
  the focus before), and test_draw_caches.py as it was at 35964c2 5 in 5; both pass with the
  driver and the tests of this branch (flaky23). At 100 they fail the same on an idle machine.
- `STRESS_STALL_MS`: while an app runs under `run_test`, a task blocks its event loop for up to
  so many milliseconds every few milliseconds, as a process that is not given the CPU is stalled.

For example `STRESS_REPAINT_MS=500 STRESS_STALL_MS=50 pytest -p tests.ui.stress -p no:cacheprovider`.
"""

from __future__ import annotations

import asyncio
import os
import random
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import textual.screen
from textual.app import App
from textual.pilot import Pilot

_REPAINT_MS = float(os.environ.get("STRESS_REPAINT_MS", "0"))
_STALL_MS = float(os.environ.get("STRESS_STALL_MS", "0"))

if _REPAINT_MS > 0:
    # read by each Screen as it makes its update timer
    textual.screen.UPDATE_PERIOD = _REPAINT_MS / 1000  # type: ignore[misc]

if _STALL_MS > 0:
    _run_test = App.run_test

    @asynccontextmanager
    async def _stalled_run_test(self: App[Any], *args: Any, **kwargs: Any) -> AsyncIterator[Pilot[Any]]:
        stalls = random.Random(0)  # the same pattern of stalls each run (their timing still varies)

        async def stall() -> None:
            while True:
                await asyncio.sleep(stalls.random() * 0.01)
                time.sleep(stalls.random() * _STALL_MS / 1000)  # blocks the loop, as a preempted process

        async with _run_test(self, *args, **kwargs) as pilot:
            staller = asyncio.create_task(stall())
            try:
                yield pilot
            finally:
                staller.cancel()

    App.run_test = _stalled_run_test  # type: ignore[method-assign]
