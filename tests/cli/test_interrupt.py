"""Ctrl+C stops work spread over processes at once, leaving no worker behind.

The terminal sends SIGINT to the whole foreground process group, so the tests do the same:
the command runs in a session of its own and the signal goes to its group.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.sim.pool import parallel_imap, parallel_map
from tests.cli_runner import children, interruptible, one_line, press_ctrl_c

ROOT = Path(__file__).resolve().parents[2]
# Far below what the interrupted work would take (the old pool waited for every queued batch:
# 100,000 games, or items that sleep ten minutes), far above a prompt exit on a machine loaded ten
# times over (a run of the whole suite on 2 cores shared with others).
PROMPT = 60.0
WORK = 600  # seconds of sleep an item of the work below takes: longer than any test should wait


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _interrupt(command: list[str], workers: int) -> tuple[subprocess.Popen[str], float, list[int], str]:
    """Ctrl+C once the workers are into their first batch."""
    return press_ctrl_c(command, workers, ROOT, settle=0.5, wait=PROMPT)


def slow_square(x: int) -> int:
    """A piece of work far longer than any test should wait."""
    time.sleep(WORK)
    return x * x


def first_fast(x: int) -> int:
    """The first item at once, every other far longer than any test should wait."""
    if x:
        time.sleep(WORK)
    return x


def test_a_caller_that_stops_reading_stops_the_workers_at_once() -> None:
    import multiprocessing

    results = parallel_imap(first_fast, [0, 1, 2, 3], 2)
    assert next(results) == 0
    start = time.monotonic()
    results.close()  # as a caller that breaks out of its loop, or fails, does
    assert time.monotonic() - start < PROMPT
    assert not multiprocessing.active_children(), "a worker outlived the closed iterator"


def test_an_initializer_runs_in_each_worker_and_in_process_without_workers() -> None:
    assert list(parallel_imap(_scaled, [1, 2, 3], 2, _set_scale, (10,))) == [10, 20, 30]
    assert list(parallel_imap(_scaled, [1, 2, 3], 1, _set_scale, (5,))) == [5, 10, 15]


_scale = 1


def _set_scale(value: int) -> None:
    global _scale
    _scale = value


def _scaled(x: int) -> int:
    return x * _scale


def test_parallel_map_keeps_the_order_of_its_items() -> None:
    assert parallel_map(abs, [-3, 1, -2, 5, -8], 2) == [3, 1, 2, 5, 8]
    assert parallel_map(abs, [-3, 1], 1) == [3, 1]


def test_an_error_in_a_worker_is_raised_in_the_parent() -> None:
    with pytest.raises(ValueError):
        parallel_map(int, ["1", "2", "x", "4"], 2)


def test_ctrl_c_stops_parallel_map_at_once_and_kills_its_workers() -> None:
    code = (
        "from tests.cli.test_interrupt import slow_square\n"
        "from game.sim.pool import parallel_map\n"
        "parallel_map(slow_square, list(range(8)), 2)\n"
    )
    proc, seconds, workers, err = _interrupt([sys.executable, "-c", code], 2)
    assert seconds < PROMPT, f"took {seconds:.1f} s to stop"
    assert proc.returncode != 0
    assert "KeyboardInterrupt" in err
    assert not any(_alive(w) for w in workers), "a worker outlived the interrupted map"


def test_ctrl_c_stops_simulate_jobs_at_once() -> None:
    command = [sys.executable, "-m", "game", "simulate", "astana-8", "--games", "100000", "--jobs", "2"]
    proc, seconds, workers, err = _interrupt(command, 2)
    assert seconds < PROMPT, f"simulate --jobs 2 took {seconds:.1f} s to stop"
    assert proc.returncode == 130
    assert "Traceback" not in err
    assert not any(_alive(w) for w in workers), "a worker outlived the interrupted simulation"


def _run_with(setup: str, work: str) -> subprocess.CompletedProcess[str]:
    """Run `setup` then `work` in a fresh Python with Ctrl+C as a terminal delivers it."""
    return subprocess.run(
        [sys.executable, "-c", f"{setup}\n{work}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=interruptible,
    )


def test_ctrl_c_while_a_worker_starts_reaches_only_the_parent() -> None:
    """A Ctrl+C that reaches a worker between its fork and its first line (where it starts
    ignoring SIGINT) is held until it ignores it: under load that instant lasts long enough for a
    terminal's Ctrl+C to kill a worker with a traceback. The first worker sends itself one there."""
    setup = (
        "import multiprocessing, os, signal\n"
        "import game.sim.pool as pool\n"
        "start = pool._start_worker\n"
        "def early_ctrl_c(*args):\n"
        "    if multiprocessing.current_process().name.endswith('-1'):\n"
        "        os.kill(os.getpid(), signal.SIGINT)\n"
        "    start(*args)\n"
        "pool._start_worker = early_ctrl_c\n"
    )
    done = _run_with(setup, "print(pool.parallel_map(abs, [-1, -2, -3, -4], 2))")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[1, 2, 3, 4]"
    assert "KeyboardInterrupt" not in done.stderr and "Traceback" not in done.stderr


def test_ctrl_c_while_the_pool_starts_leaves_no_worker() -> None:
    """A Ctrl+C that reaches the parent while the pool is being made (its workers forked, the pool
    not yet returned) stops it as one during the work does: the workers are killed. Before, the
    KeyboardInterrupt left Pool() with its workers alive, and `tournament` hung at exit under load
    with them holding its output open. Here the parent sends itself one right after the forks."""
    setup = (
        "import multiprocessing, os, signal\n"
        "import game.sim.pool as pool\n"
        "start = pool._start_workers\n"
        "def forked_then_ctrl_c(*args):\n"
        "    start(*args)\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "pool._start_workers = forked_then_ctrl_c\n"
    )
    work = (
        "try:\n"
        "    pool.parallel_map(abs, [-1, -2, -3, -4], 2)\n"
        "except KeyboardInterrupt:\n"
        "    print('interrupted', len(multiprocessing.active_children()))\n"
    )
    done = _run_with(setup, work)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "interrupted 0", "a worker outlived the interrupted start"


def dies_on_two(x: int) -> int:
    """A worker that dies on item 2 (as one killed from outside or out of memory does)."""
    if x == 2:
        os._exit(3)
    return x


def test_a_worker_that_dies_is_an_error_not_a_wait_for_ever() -> None:
    """multiprocessing.Pool, which the pool used before, starts a new worker in place of a dead
    one and waits for ever for the item it had; here the parent says so and stops the others.
    Run in a child Python with a time limit, so that a hang fails the test rather than the suite."""
    work = (
        "import multiprocessing\n"
        "from tests.cli.test_interrupt import dies_on_two\n"
        "from game.sim.pool import parallel_map\n"
        "try:\n"
        "    parallel_map(dies_on_two, list(range(6)), 2)\n"
        "except RuntimeError as error:\n"
        "    print(error, '|', len(multiprocessing.active_children()))\n"
    )
    assert _child(work) == "a worker process ended (exit code 3) before its result | 0"


def _child(work: str) -> str:
    """What a child Python running `work` prints, once it has ended well (within PROMPT)."""
    done = subprocess.run([sys.executable, "-c", work], cwd=ROOT, capture_output=True, text=True, timeout=PROMPT)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def notes_then_dies_on_two(x: int) -> int:
    """Says what it does with each item (game.sim.pool.note); dies on item 2, as an outside
    agent's `os._exit` ends its worker."""
    from game.sim.pool import note

    note(f"item {x}")
    if x == 2:
        note("item 2, the last step")
        os._exit(0)
    return x


def test_a_worker_that_dies_is_named_by_what_it_said_it_was_doing() -> None:
    """Before, the error said only that a worker had ended: not which game (seed, seat and agent)
    it was playing. The notes of the item in hand name it; a note of an earlier item does not."""
    work = (
        "from tests.cli.test_interrupt import notes_then_dies_on_two\n"
        "from game.sim.pool import WorkerEnded, parallel_map\n"
        "try:\n"
        "    parallel_map(notes_then_dies_on_two, list(range(6)), 2)\n"
        "except WorkerEnded as error:\n"
        "    print(error, '|', error.exitcode, '|', error.doing)\n"
    )
    assert _child(work) == (
        "a worker process ended (exit code 0) during item 2, the last step | 0 | item 2, the last step"
    )


def big_or_fails(x: int) -> bytes:
    """Item 0 fails once the other worker is busy sending large results."""
    if x == 0:
        time.sleep(0.05)
        raise ValueError("item 0")
    return bytes(4_000_000)


def test_an_error_while_the_others_send_large_results_stops_them_all_at_once() -> None:
    """The hang the pool before had (CPython issue 96995): on an error it killed its workers, and
    one killed while sending a result kept the lock of the queue every worker shared, which the
    pool's own thread then waited for. Here each worker has a pipe of its own."""
    import multiprocessing

    for _ in range(5):
        start = time.monotonic()
        with pytest.raises(ValueError, match="item 0"):
            parallel_map(big_or_fails, list(range(40)), 2)
        assert time.monotonic() - start < PROMPT
        assert not multiprocessing.active_children(), "a worker outlived the error"


def _signal_the_parent(command: list[str], signum: int) -> tuple[subprocess.Popen[str], list[int], str]:
    """Start `command`, wait for its two workers to be under way, send `signum` to the command's
    own process alone (as `kill PID` does, or a supervisor that knows only the command); the
    command, its workers and what it wrote to stderr. Everything killed if it hangs."""
    proc = subprocess.Popen(
        command,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=interruptible,
    )
    workers: list[int] = []
    try:
        deadline = time.monotonic() + PROMPT
        while len(children(proc.pid)) < 2:
            assert proc.poll() is None, "the command ended before starting its workers"
            assert time.monotonic() < deadline, "the workers never started"
            time.sleep(0.02)
        workers = children(proc.pid)
        time.sleep(0.5)
        os.kill(proc.pid, signum)
        # a worker left running would hold stderr open: wait for the command alone, then read
        proc.wait(timeout=PROMPT)
        _gone(workers)
        _, err = proc.communicate(timeout=PROMPT)
    finally:
        for pid in [proc.pid, *workers]:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        proc.wait()
    return proc, workers, err


def _gone(workers: list[int]) -> None:
    """Every worker has ended (within PROMPT: killed by the system, or seen its parent gone)."""
    deadline = time.monotonic() + PROMPT
    while any(_alive(w) for w in workers):
        assert time.monotonic() < deadline, "a worker outlived its parent"
        time.sleep(0.05)


_LONG_RUNS = {
    "simulate": ["simulate", "astana-8", "--games", "100000", "--jobs", "2"],
    "tournament": ["tournament", "astana-8", "--seat", "opposition", "--games", "100000", "--jobs", "2"],
    "test-scenario": ["test-scenario", "astana-8", "astana-to-sochi", "dayton-1995", "--jobs", "2"],
}


@pytest.mark.parametrize(
    ("command", "signum"),
    [
        ("simulate", signal.SIGTERM),
        ("simulate", signal.SIGHUP),
        ("tournament", signal.SIGTERM),
        ("test-scenario", signal.SIGHUP),
    ],
)
def test_sigterm_or_sighup_to_the_command_stops_its_workers_as_ctrl_c_does(command: str, signum: int) -> None:
    """Before, SIGTERM or SIGHUP ended the command's own process alone: its workers, given to
    init, played (and saved) for ever. Now the command stops them, says so in one line, and ends
    with the shell's status for that signal."""
    proc, workers, err = _signal_the_parent([sys.executable, "-m", "game", *_LONG_RUNS[command]], signum)
    assert proc.returncode == 128 + signum, err
    assert one_line(err) == f"peacetalks: stopped by {signal.Signals(signum).name}"
    assert not any(_alive(w) for w in workers)


def test_workers_die_with_a_parent_killed_outright() -> None:
    """A parent killed with SIGKILL handles nothing: its workers die with it all the same."""
    command = [sys.executable, "-m", "game", *_LONG_RUNS["simulate"]]
    proc, workers, _ = _signal_the_parent(command, signal.SIGKILL)
    assert proc.returncode == -signal.SIGKILL
    assert not any(_alive(w) for w in workers)


def notes_for_ever(x: int) -> int:
    """Work that says between its steps what it does, as simulate does between games."""
    from game.sim.pool import note

    for step in range(WORK * 20):
        note(f"item {x}, step {step}")
        time.sleep(0.05)
    return x


def test_an_orphaned_worker_ends_itself_between_games_where_the_system_would_not_kill_it() -> None:
    """Where the system cannot be asked to kill a worker with its parent (not Linux), a worker
    sees between games (at each note) and while it waits for work that its parent is gone."""
    code = (
        "import game.sim.pool as pool\n"
        "from tests.cli.test_interrupt import notes_for_ever\n"
        "pool._die_with_parent = lambda: None\n"
        "pool.parallel_map(notes_for_ever, [0, 1, 2], 2)\n"
    )
    proc, workers, _ = _signal_the_parent([sys.executable, "-c", code], signal.SIGKILL)
    assert proc.returncode == -signal.SIGKILL
    assert not any(_alive(w) for w in workers)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_in_the_middle_of_a_save_leaves_no_temporary_file(tmp_path: Path, jobs: str) -> None:
    """A Ctrl+C while simulate --save-dir wrote a game (here its fsync never ends) left the
    hidden temporary file in the folder for good: with one job the interrupted write did not
    remove it, with two the worker writing it was killed. Neither does now."""
    folder = tmp_path / "saves"
    code = (
        "import os, sys, time\n"
        "os.fsync = lambda fd: time.sleep(600)\n"
        "from game.cli import main\n"
        f"sys.exit(main(['simulate', 'astana-8', '--games', '6', '--jobs', '{jobs}', '--save-dir', {str(folder)!r}]))\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=interruptible,
    )
    try:
        deadline = time.monotonic() + PROMPT
        # every worker in its write (with one job, the one process)
        while len(list(folder.glob(".*.tmp"))) < int(jobs):
            assert proc.poll() is None, "the command ended before it wrote a save"
            assert time.monotonic() < deadline, "no save was begun"
            time.sleep(0.02)
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=PROMPT)
    finally:
        with contextlib.suppress(OSError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.returncode == 130, err
    assert one_line(err) == "peacetalks: interrupted"
    assert list(folder.iterdir()) == [], "a temporary file (or a save) was left behind"


def sleeps(x: int) -> int:
    time.sleep(3600)
    return x


def _pooled(setup: str) -> tuple[int, str]:
    """Run `setup` (a script that imports `pool` and readies its signal), then three items of an
    hour each over two workers, in a process of its own started with SIGINT at its default (a
    suite started in the background has it ignored): its exit status (3 on the exception a
    signal raised, whose name it prints) and what it wrote on standard error."""
    code = setup + (
        "try:\n"
        "    pool.parallel_map(sleeps, [1, 2, 3], 2)\n"
        "except BaseException as error:\n"
        "    print(type(error).__name__, file=sys.stderr)\n"
        "    sys.exit(3)\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=interruptible,
    )
    try:
        _, err = proc.communicate(timeout=PROMPT)
    finally:
        with contextlib.suppress(OSError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    return proc.returncode, err


@pytest.mark.parametrize(("first", "second"), [("SIGTERM", "SIGHUP"), ("SIGINT", "SIGINT"), ("SIGINT", "SIGTERM")])
def test_a_second_signal_while_the_workers_are_killed_leaves_none_and_ends(first: str, second: str) -> None:
    """A reviewer's: a second signal (systemd's SIGTERM then SIGHUP, a Ctrl+C and a `kill`, two
    Ctrl+C) raised while the workers were being killed left one alive, ignoring the SIGTERM that
    multiprocessing's exit sends it, and the command waited on it for ever. The second signal is
    sent here from inside the killing, as the worst moment for it."""
    code = (
        "import os, signal, sys, threading\n"
        "import game.sim.pool as pool\n"
        "from tests.cli.test_interrupt import sleeps\n"
        "kill = pool._kill\n"
        "def second(workers):\n"
        f"    os.kill(os.getpid(), signal.{second})\n"
        "    [None for _ in range(1000)]  # (delivered at a bytecode of these)\n"
        "    kill(workers)\n"
        "pool._kill = second\n"
        f"threading.Timer(1.0, lambda: os.kill(os.getpid(), signal.{first})).start()\n"
    )
    returncode, err = _pooled(code)
    assert returncode == 3, err  # ended, on the signal's exception
    assert err.strip().splitlines()[-1] in ("KeyboardInterrupt", "Stopped"), err


@pytest.mark.parametrize("blocked", [False, True])
@pytest.mark.parametrize(
    ("signame", "says"), [("SIGINT", "KeyboardInterrupt"), ("SIGTERM", "Stopped"), ("SIGINT", "default")]
)
def test_a_signal_another_thread_takes_while_a_worker_starts_stops_every_worker(
    signame: str, says: str, blocked: bool
) -> None:
    """A Ctrl+C taken by another thread (a timer's) while the workers started ran the main
    thread's handler between a worker's fork and its entry in the list of workers, whatever the
    main thread's mask: that worker, never killed, kept the command waiting on it at exit for
    ever (4 of 40 runs of a Ctrl+C in its first 30 ms). Sent here at that very instant; and with
    the signal blocked in the main thread for good (`blocked`), where raising it again there left
    it pending and the command ran on (a reviewer's)."""
    code = (
        "import os, signal, sys, threading\n"
        "from game.sim import pool\n"
        "from tests.cli.test_interrupt import sleeps\n"
        "Worker = pool._Worker\n"
        "now, sent = threading.Event(), threading.Event()\n"
        "def send():\n"
        "    now.wait()\n"
        f"    os.kill(os.getpid(), signal.{signame})\n"
        "    sent.set()\n"
        "# started before the command: a thread started while the signals are held inherits the mask\n"
        "threading.Thread(target=send, daemon=True).start()\n"
        # "default": the system's own action for SIGINT, which ends the process (a reviewer's)
        + ("signal.signal(signal.SIGINT, signal.SIG_DFL)\n" if says == "default" else "")
        + (f"signal.pthread_sigmask(signal.SIG_BLOCK, {{signal.{signame}}})\n" if blocked else "")
        + "def known(process, conn):\n"
        "    now.set()\n"
        "    sent.wait()\n"
        "    [None for _ in range(1000)]  # (its handler runs at a bytecode of these)\n"
        "    return Worker(process, conn)\n"
        "pool._Worker = known\n"
    )
    returncode, err = _pooled(code)
    if says == "default":
        assert returncode == -signal.SIGINT, err
        return
    assert returncode == 3, err
    assert err.strip().splitlines()[-1] == says, err


def test_a_signal_another_thread_takes_while_the_workers_work_stops_them() -> None:
    """The system gives a signal to another thread where the main one blocks it (or has one
    pending already), and a thread's signal does not interrupt the main thread's wait for its
    workers: that waited for ever (a test's timer's Ctrl+C, under load). The main thread blocks
    it here for good, so only the other thread can take it."""
    code = (
        "import os, signal, sys, threading, time\n"
        "from game.sim import pool\n"
        "from tests.cli.test_interrupt import sleeps\n"
        "def send():\n"
        "    time.sleep(1.0)  # the workers at work by then\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "threading.Thread(target=send, daemon=True).start()\n"
        "signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})\n"
    )
    returncode, err = _pooled(code)
    assert returncode == 3, err
    assert err.strip().splitlines()[-1] == "KeyboardInterrupt", err


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_sigterm_with_one_job_in_the_middle_of_a_save_leaves_no_temporary_file(tmp_path: Path, signum: int) -> None:
    """A reviewer's: with one job (the default) a SIGTERM killed the command in the middle of a
    save and left its temporary file for good, and said nothing. It is a Ctrl+C there too."""
    folder = tmp_path / "saves"
    code = (
        "import os, sys, time\n"
        "os.fsync = lambda fd: time.sleep(600)\n"
        "from game.cli import main\n"
        f"sys.exit(main(['simulate', 'astana-8', '--games', '3', '--save-dir', {str(folder)!r}]))\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + PROMPT
        while not list(folder.glob(".*.tmp")):
            assert proc.poll() is None, "the command ended before it wrote a save"
            assert time.monotonic() < deadline, "no save was begun"
            time.sleep(0.02)
        proc.send_signal(signum)
        _, err = proc.communicate(timeout=PROMPT)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
    assert proc.returncode == 128 + signum, err
    assert one_line(err) == f"peacetalks: stopped by {signal.Signals(signum).name}"
    assert list(folder.iterdir()) == [], "a temporary file (or a save) was left behind"


SWALLOWS = """
import time

def choose(view, rng):
    while True:  # a retry loop around a bare except: every exception caught, Ctrl+C's too
        try:
            time.sleep(0.2)
        except BaseException:
            pass
"""


def test_sigterm_ends_watch_at_once_while_an_outside_agent_plays_in_its_process(tmp_path: Path) -> None:
    """A reviewer's: SIGTERM raised as a Ctrl+C in `watch` reached the outside agent's move, which
    plays in the command's own process; one that caught every exception kept the command alive
    until SIGKILL. There its default action ends the command at once, as before."""
    agent = tmp_path / "swallows.py"
    agent.write_text(SWALLOWS)
    proc = subprocess.Popen(
        [sys.executable, "-m", "game", "watch", "tutorial", "--seat", f"government={agent}:choose"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        time.sleep(3.0)  # into the agent's first move
        assert proc.poll() is None
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGTERM


@pytest.mark.parametrize("mode", ["--text", "--verify"])
def test_replay_without_its_viewer_stops_on_sigterm_as_the_other_commands_do(mode: str) -> None:
    """A reviewer's: `replay --text` and `--verify` open no interface, yet were let die of SIGTERM
    with nothing said, as the viewer is (which handles it on its own loop)."""
    code = (
        "import os, signal, sys, time\n"
        "import game.commands as commands\n"
        "def run(args):\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    time.sleep(5)\n"
        "    return 0\n"
        "commands.run = run\n"
        "from game.cli import main\n"
        f"sys.exit(main(['replay', 'saves/astana-8-ai.yaml', '{mode}']))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=PROMPT)
    assert proc.returncode == 128 + signal.SIGTERM, proc.stderr
    assert one_line(proc.stderr) == "peacetalks: stopped by SIGTERM"
