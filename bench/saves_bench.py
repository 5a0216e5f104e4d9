"""Save, and load-and-verify, of long games. Prints figures for two sizes to show how the time
grows with the length of the game, and where a load's CPU time goes (reading the file and its
entries, replaying the actions through the engine, hashing every state); asserts nothing but
that the load gives the game saved. A load is timed as users meet it: `load` (what `peacetalks
replay --verify` and `--text`, `play --load` and the title screen's "continue" run) and
`load_timeline` (the replay viewer's), the best of three of each, beside the load average.

    python bench/saves_bench.py [--actions 10000]

The long game is astana-8 stretched to many rounds and venues (the same table, repeated) and
played by AI agents, so the log holds every kind of action the game has.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

import yaml

from game.ai.seats import chooser
from game.ai.selfplay import agent_rng
from game.collecting import fewer_collections
from game.engine import apply, new_game, state_hash, view_for
from game.saves import Session, load, save
from game.saves.logread import parse_save
from game.saves.read import _read, _read_v2, _Where
from game.saves.timeline import load_timeline
from game.scenario import bundled, check_bytes
from game.scenario.diagnostics import Report
from game.scenario.yamlread import YMap


def long_scenario(venues: int) -> bytes:
    """astana-8 with 50 rounds a venue and the venue repeated: the file's bytes."""
    doc = yaml.safe_load(bundled()["astana-8"].read_bytes())
    venue = doc["venues"][0]
    venue["rounds"] = 50
    venue["momentum_decay"] = 0
    venue["momentum"] = 100
    for delegation in doc["delegations"]:
        # nobody settles, storms out or talks the momentum away: the game runs its full length
        delegation["reservation"] = 0.99
        delegation["personality"]["temper"] = 0.0
    doc["venues"] = [dict(venue, id=f"astana_{k}") for k in range(venues)]
    for event in doc["events"]:
        event.pop("venue", None)
    # the file's own tests would play the stretched game hundreds of times: past the format's cap
    doc.pop("tests", None)
    return yaml.safe_dump(doc, sort_keys=False).encode()


def long_game(actions: int) -> Session:
    # about 600 actions a venue: enough venues that the game is cut at `actions`, not ended first
    source = long_scenario(venues=max(1, actions // 600 + 2))
    scenario, diagnostics = check_bytes(source, "long")
    assert scenario is not None, diagnostics
    session = Session.new(scenario, source, 1, {d.id: "ai:normal" for d in scenario.delegations}, "long")
    choose = chooser("normal")
    while len(session.log) < actions and not session.state.over:
        state = session.state
        decision = choose(view_for(state, state.actor), agent_rng(state))
        session.play(decision.action, decision.reason)  # with the reasons, as every save the game writes
    return session


LOADS = 3


def measure(actions: int, folder: Path) -> dict[str, float | int]:
    session = long_game(actions)
    t0 = time.perf_counter()
    path = save(session, folder, f"long-{actions}")
    saved = time.perf_counter() - t0
    # the best of a few loads: on a machine shared with other work, one load's CPU time varies by a
    # tenth or more; the best is the one least disturbed
    wall, cpu, viewer_cpu = [], [], []
    for _ in range(LOADS):
        t0, c0 = time.perf_counter(), time.process_time()
        loaded = load(path)
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        assert loaded.state == session.state
        del loaded
        c0 = time.process_time()
        timeline = load_timeline(path)  # the replay viewer's load: the same, keeping the states on the way
        viewer_cpu.append(time.process_time() - c0)
        assert timeline.session.state == session.state
        del timeline
    verified, verified_cpu = min(wall), min(cpu)
    return {
        "actions": len(session.log),
        "file_kib": round(path.stat().st_size / 1024),
        "save_s": round(saved, 3),
        "load_and_verify_s": round(verified, 3),
        # the process's own CPU time: on a shared machine, steadier than the wall clock
        "load_and_verify_cpu_s": round(verified_cpu, 3),
        "viewer_load_cpu_s": round(min(viewer_cpu), 3),
        **parts(path),
    }


def parts(path: Path) -> dict[str, float]:
    """Where a load's CPU time goes, piece by piece (each timed alone, so they add up to about
    the whole): reading the file and its entries, replaying the actions, hashing the states. With
    the collector as `load` sets it."""
    with fewer_collections():
        return _parts(path)


def _parts(path: Path) -> dict[str, float]:
    c0 = time.process_time()
    data = _read(path)
    doc = parse_save(data, Report(str(path)), 2 * data.count(b"\n") + 1000)
    assert isinstance(doc, YMap)
    header, plan = _read_v2(doc, _Where(path))
    c1 = time.process_time()
    scenario, _ = check_bytes(header.source, "long")
    assert scenario is not None
    state, _ = new_game(scenario, header.seed)
    states = []
    for step in plan:
        state, _ = apply(state, step.action)
        states.append(state)
    c2 = time.process_time()
    hashes = [state_hash(s) for s in states]
    c3 = time.process_time()
    assert hashes == [step.hash for step in plan]
    return {"of_it_read_cpu_s": round(c1 - c0, 3), "replay_cpu_s": round(c2 - c1, 3), "hash_cpu_s": round(c3 - c2, 3)}


def main() -> None:
    parser = argparse.ArgumentParser(allow_abbrev=False)
    parser.add_argument("--actions", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = [measure(args.actions // 2, Path(tmp)), measure(args.actions, Path(tmp))]
    # what else ran meanwhile: CPU seconds stretch as the load average passes the cores
    print(json.dumps({"load_average": os.getloadavg(), "cores": os.cpu_count(), "rows": rows}, indent=2))


if __name__ == "__main__":
    main()
