"""The interface's speed: launch to an interactive table, and keypress-to-screen latency for
opening the proposal builder and for submitting a proposal, as medians; and opening the replay
viewer on a long save (10,000 actions), the memory its states take, and its keys; and the CPU
time of a whole repaint of the table, and of a notice over it, and per AI move of three whole
AI games on screen. Prints figures.

    python bench/ui_bench.py [--runs 7] [--replay-actions 10000] [--replay-only] [--board-only] [--repaint-only]

Launch is measured from spawning a new Python process to the table being ready for the
player's first key (headless, through Textual's test driver, so no terminal is needed): it
includes the interpreter starting and every import. The latencies are measured in-process with
Textual's Pilot, from the key press to the first frame Textual draws that shows its result: the
builder open, or the table with the new proposal on it. The proposals board (o) and the history
(h) are opened the same way, at the table of a game in which 40 proposals have been tabled.
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
from collections.abc import Callable
from pathlib import Path
from typing import Any

CHILD = """
import asyncio, sys, time, tempfile
from pathlib import Path
from game.scenario import bundled
from game.ui.app import make_app
from game.ui.screens.table import TableScreen

async def main():
    app = make_app(bundled()["astana-8"], ("government",), seed=5, saves_dir=Path(tempfile.mkdtemp()), speed=0)
    async with app.run_test(size=(100, 32)) as pilot:
        # the table mounted, and on top of it the first round's events, which Enter closes
        while not any(isinstance(s, TableScreen) and s.is_mounted for s in app.screen_stack):
            await pilot.pause(0.001)
        print(time.time())

asyncio.run(main())
"""


def launch_seconds() -> float:
    start = time.time()
    out = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1]) - start


class Frames:
    """When each frame was drawn, of which screen, and how many proposals were tabled by then: Textual
    composes every frame and hands it to `App._display` (which the headless driver discards),
    so this is when a player would see it."""

    def __init__(self, app: Any, probe: Callable[[], int]) -> None:
        self.drawn: list[tuple[float, object, int]] = []
        display = app._display

        def recording(screen: object, renderable: object) -> None:
            if renderable is not None:
                self.drawn.append((time.perf_counter(), screen, probe()))
            display(screen, renderable)

        app._display = recording

    def first(self, since: float, ready: Callable[[object, int], bool]) -> float | None:
        """Seconds from `since` to the first frame drawn that is `ready`."""
        return next((t - since for t, screen, seen in self.drawn if t > since and ready(screen, seen)), None)


def _deadline(since: float, what: str) -> None:
    if time.perf_counter() - since > 10:
        raise SystemExit(f"ui_bench: gave up waiting for {what}")


async def _one_game(seed: int, runs: int, opening: list[float], submitting: list[float]) -> None:
    """One game of astana-8 as the government: at each of its turns, open the builder and send."""
    from game.scenario import bundled
    from game.ui.app import make_app
    from game.ui.screens.actions import ProposalBuilder
    from game.ui.screens.notices import Notice
    from game.ui.screens.table import TableScreen

    app = make_app(bundled()["astana-8"], ("government",), seed=seed, saves_dir=Path(tempfile.mkdtemp()), speed=0)
    tables: list[TableScreen] = []
    # what the table shows of the state: how many proposals have been tabled so far
    frames = Frames(app, lambda: tables[0].session.state.next_proposal if tables else -1)
    async with app.run_test(size=(100, 32)) as pilot:
        while not any(isinstance(s, TableScreen) for s in app.screen_stack):
            await pilot.pause(0.001)
        table = next(s for s in app.screen_stack if isinstance(s, TableScreen))
        tables.append(table)
        for _ in range(runs):
            while (table.session.state.actor != 0 or app.screen is not table) and not table.session.state.over:
                if isinstance(app.screen, Notice):  # a new round's events: read, and go on
                    await pilot.press("enter")
                await pilot.pause(0.001)
            if table.session.state.over:
                break
            if table.session.state.closing:  # the closing session takes answers only
                await pilot.press("n")
                await pilot.pause()
                continue
            while any(q.response_of(0) == 0 for q in table.session.state.proposals):
                await pilot.press("r")  # answer what is put to us first (a draft must be answered)
                await pilot.pause()
                await pilot.press("a")
                await pilot.pause()
            await pilot.pause(0.1)  # the table at rest, as a player finds it before a key
            t0 = time.perf_counter()
            await pilot.press("p")
            while (shown := frames.first(t0, lambda s, _: isinstance(s, ProposalBuilder))) is None:
                _deadline(t0, "the proposal builder")
                await pilot.pause(0.001)
            opening.append(shown)
            await pilot.pause(0.1)
            before = table.session.state.next_proposal
            t0 = time.perf_counter()
            await pilot.press("enter")  # Enter in the builder sends the package it shows
            while (shown := frames.first(t0, lambda s, n, b=before: s is table and n > b)) is None:
                _deadline(t0, "the table with the new proposal")
                await pilot.pause(0.001)
            submitting.append(shown)
            await pilot.pause()
            if app.screen is table and table.session.state.actor == 0:
                await pilot.press("n")  # pass the rest of the turn; the AI plays on at full speed


async def latencies(runs: int) -> tuple[list[float], list[float]]:

    opening: list[float] = []
    submitting: list[float] = []
    seed = 5
    while len(opening) < runs:  # a game gives one sample a round: play as many as it takes
        await _one_game(seed, runs - len(opening), opening, submitting)
        seed += 1
    return opening, submitting


def _forty_proposals() -> Path:
    """A save of astana-to-sochi, AI against AI, stopped at the first turn after the 40th proposal
    (of the first seed that gets that far);
    the delegation whose turn it is becomes the human seat, so the table opens on its turn."""
    import dataclasses

    from game.ai.seats import chooser
    from game.ai.selfplay import agent_rng
    from game.engine import view_for
    from game.saves import Session, save
    from game.scenario import bundled, load_scenario

    path = bundled()["astana-to-sochi"]
    scenario = load_scenario(path)
    # With the cost of time most games settle early: the first seed whose game reaches 40 tabled
    # proposals gives the board its crowd.
    for seed in range(1, 200):
        session = Session.new(scenario, path.read_bytes(), seed, {d.id: "ai:normal" for d in scenario.delegations})
        while session.state.next_proposal <= 40 and not session.state.over:
            state = session.state
            session.play(chooser("normal")(view_for(state, state.actor), agent_rng(state)).action)
        if not session.state.over:
            break
    else:
        raise SystemExit("ui_bench: no game of the first 200 seeds reached its 40th proposal")
    seats = dict(session.seats) | {scenario.delegations[session.state.actor].id: "human"}
    return save(dataclasses.replace(session, seats=seats), Path(tempfile.mkdtemp()), "forty")


async def board_and_history(runs: int) -> dict[str, float | int]:
    """Key to frame for the proposals board (o) and the history (h), `runs` times each."""
    from game.ui.app import make_app
    from game.ui.screens.board import BoardScreen
    from game.ui.screens.history import HistoryScreen
    from game.ui.screens.table import TableScreen

    app = make_app(load=_forty_proposals(), saves_dir=Path(tempfile.mkdtemp()), speed=0)
    frames = Frames(app, lambda: 0)
    figures: dict[str, float | int] = {}
    async with app.run_test(size=(100, 32)) as pilot:
        t0 = time.perf_counter()
        while not isinstance(app.screen, TableScreen):
            _deadline(t0, "the table")
            await pilot.pause(0.001)
        table = app.screen
        figures["tabled_proposals"] = table.session.state.next_proposal - 1
        figures["open_proposals"] = len(table.session.state.proposals)
        for key, kind in (("o", BoardScreen), ("h", HistoryScreen)):
            times = []
            for _ in range(runs):
                await pilot.pause(0.1)  # the table at rest
                t0 = time.perf_counter()
                await pilot.press(key)
                while (shown := frames.first(t0, lambda s, _, k=kind: isinstance(s, k))) is None:
                    _deadline(t0, kind.__name__)
                    await pilot.pause(0.001)
                times.append(shown)
                await pilot.pause()
                await pilot.press("escape")
                while app.screen is not table:
                    _deadline(t0, "the table again")
                    await pilot.pause(0.001)
            name = "board" if kind is BoardScreen else "history"
            figures[f"open_{name}_ms_median"] = round(statistics.median(times) * 1000, 1)
            figures[f"open_{name}_ms_each"] = [round(x * 1000) for x in times]  # type: ignore[assignment]
    return figures


async def repaint_figures(runs: int) -> dict[str, float]:
    """CPU milliseconds to repaint the whole screen, as Textual does after a layout or a resize
    (median of `runs`, 20 repaints each): the table at rest, and a notice over it (its backdrop,
    the table dimmed, drawn with it)."""
    from game.scenario import bundled
    from game.ui.app import make_app
    from game.ui.screens.notices import Notice
    from game.ui.screens.table import TableScreen

    app = make_app(bundled()["astana-8"], ("government",), seed=5, saves_dir=Path(tempfile.mkdtemp()), speed=0)
    figures: dict[str, float] = {}
    async with app.run_test(size=(100, 32)) as pilot:
        t0 = time.perf_counter()
        while not isinstance(app.screen, TableScreen) or app.screen.session.state.actor != 0:
            _deadline(t0, "the table")
            if isinstance(app.screen, Notice):
                await pilot.press("enter")
            await pilot.pause(0.001)
        await pilot.pause()
        for name in ("table", "notice_over_table"):
            if name == "notice_over_table":
                app.push_screen(Notice("A notice", "Over the table. " * 40))
                while not isinstance(app.screen, Notice) or not app.screen.is_mounted:
                    _deadline(t0, "the notice")
                    await pilot.pause(0.001)
                await pilot.pause()
            screen = app.screen
            times = []
            for _ in range(runs):
                c0 = time.process_time()
                for _ in range(20):
                    screen.refresh()  # the whole screen, as after a layout, a resize or a toast
                    screen._on_timer_update()
                times.append((time.process_time() - c0) / 20)
            figures[f"repaint_{name}_ms_median"] = round(statistics.median(times) * 1000, 2)
    return figures


async def ai_game_figures(runs: int) -> dict[str, float | int]:
    """CPU per AI move on screen: whole games of astana-8 with every seat played by the AI at full
    speed, from the table's first frame to the debrief (seeds 1 to `runs`), and how many frames
    Textual drew for them."""
    from game.scenario import bundled
    from game.ui.app import make_app
    from game.ui.screens.debrief import DebriefScreen
    from game.ui.screens.table import TableScreen

    cpu = 0.0
    moves = frames = 0
    for seed in range(1, runs + 1):
        app = make_app(bundled()["astana-8"], (), seed=seed, saves_dir=Path(tempfile.mkdtemp()), speed=0)
        drawn = Frames(app, lambda: 0)
        async with app.run_test(size=(100, 32)) as pilot:
            t0 = time.perf_counter()
            while not any(isinstance(s, TableScreen) for s in app.screen_stack):
                _deadline(t0, "the table")
                await pilot.pause(0.001)
            table = next(s for s in app.screen_stack if isinstance(s, TableScreen))
            start, c0 = len(drawn.drawn), time.process_time()
            while not isinstance(app.screen, DebriefScreen):
                if time.perf_counter() - t0 > 120:
                    raise SystemExit("ui_bench: the AI game did not reach the debrief")
                await asyncio.sleep(0.01)
            cpu += time.process_time() - c0
            moves += len(table.session.log)
            frames += len(drawn.drawn) - start
    return {
        "ai_games": runs,
        "ai_moves": moves,
        "ai_frames": frames,
        "ai_cpu_ms_per_move": round(cpu / moves * 1000, 2),
        "ai_cpu_ms_per_frame": round(cpu / max(frames, 1) * 1000, 2),
    }


def replay_figures(actions: int, runs: int) -> dict[str, float | int]:
    """Open the replay viewer on a save of `actions` actions: loading and verifying it with its
    timeline (against a plain load), the extra memory the states take, the viewer's first screen,
    and the keys' latency (median of `runs`)."""
    import gc
    import tracemalloc

    from saves_bench import long_game  # bench/ is this script's folder

    from game.saves import load, save
    from game.saves.timeline import load_timeline
    from game.ui.app import make_app
    from game.ui.screens.replay import ReplayScreen

    path = save(long_game(actions), Path(tempfile.mkdtemp()), "long")
    t0 = time.perf_counter()
    load(path)
    plain_s = time.perf_counter() - t0
    gc.collect()
    t0 = time.perf_counter()
    timeline = load_timeline(path)
    timeline_s = time.perf_counter() - t0
    del timeline
    gc.collect()
    tracemalloc.start()
    session = load(path)
    plain_bytes = tracemalloc.get_traced_memory()[0]
    del session
    gc.collect()
    tracemalloc.stop()
    tracemalloc.start()
    timeline = load_timeline(path)
    timeline_bytes = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    figures: dict[str, float | int] = {
        "replay_actions": timeline.steps,
        "replay_load_s": round(plain_s, 3),
        "replay_load_with_states_s": round(timeline_s, 3),
        "replay_states_mib": round((timeline_bytes - plain_bytes) / 2**20, 1),
        "replay_checkpoint_every": timeline.every,
    }

    async def drive() -> None:
        t0 = time.perf_counter()
        app = make_app(replay=timeline)
        async with app.run_test(size=(100, 32)) as pilot:
            while not isinstance(app.screen, ReplayScreen) or not app.screen.query_one("RichLog").lines:
                await pilot.pause(0.001)
            figures["replay_first_screen_s"] = round(time.perf_counter() - t0, 3)
            for key in ("end", "home", "right", "pagedown", "left"):
                times = []
                for _ in range(runs):
                    t0 = time.perf_counter()
                    await pilot.press(key)
                    await pilot.pause()
                    times.append(time.perf_counter() - t0)
                    if key in ("end", "home"):
                        await pilot.press("home" if key == "end" else "end")  # back, to press it again
                        await pilot.pause()
                figures[f"replay_key_{key}_ms_median"] = round(statistics.median(times) * 1000, 1)

    asyncio.run(drive())
    figures["replay_open_s"] = round(timeline_s + float(figures["replay_first_screen_s"]), 3)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(allow_abbrev=False)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--replay-actions", type=int, default=10_000, help="0: leave the replay viewer out")
    parser.add_argument("--replay-only", action="store_true", help="measure the replay viewer only")
    parser.add_argument("--board-only", action="store_true", help="launch, the board and the history only")
    parser.add_argument("--repaint-only", action="store_true", help="the whole screen's repaint only")
    args = parser.parse_args()
    if args.repaint_only:
        print(json.dumps(asyncio.run(repaint_figures(args.runs)) | asyncio.run(ai_game_figures(3)), indent=2))
        return
    if args.board_only:
        launches = [launch_seconds() for _ in range(args.runs)]
        figures = {"launch_to_table_s_median": round(statistics.median(launches), 3)}
        print(json.dumps(figures | asyncio.run(board_and_history(args.runs)), indent=2))
        return
    if args.replay_only:
        print(json.dumps(replay_figures(args.replay_actions, args.runs), indent=2))
        return
    launches = [launch_seconds() for _ in range(args.runs)]
    opening, submitting = asyncio.run(latencies(args.runs))
    print(
        json.dumps(
            {
                "launch_to_table_s_median": round(statistics.median(launches), 3),
                "open_proposal_builder_ms_median": round(statistics.median(opening) * 1000, 1),
                "submit_proposal_ms_median": round(statistics.median(submitting) * 1000, 1),
                "open_proposal_builder_ms_each": [round(x * 1000) for x in opening],
                "submit_proposal_ms_each": [round(x * 1000) for x in submitting],
                "runs": args.runs,
            }
            | asyncio.run(board_and_history(args.runs))
            | asyncio.run(repaint_figures(args.runs))
            | asyncio.run(ai_game_figures(3))
            | (replay_figures(args.replay_actions, args.runs) if args.replay_actions else {}),
            indent=2,
        )
    )


if __name__ == "__main__":
    from game.ui.app import interface_gc

    with interface_gc():  # the collector as `peacetalks` runs the interface
        main()
