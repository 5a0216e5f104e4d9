"""`peacetalks ARGS` run in this process: `main(argv)` with its output captured.

Starting a Python per command cost about a second each, most of the suite's time; the command
is the same function either way. A few tests in tests/cli/test_commands.py still run the
installed command in a real process (its entry point, `python -m game`, a terminal's absence).
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import time
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

from game.cli import main


@dataclass(frozen=True)
class Result:
    """What a finished command left: the same three fields as subprocess.CompletedProcess."""

    returncode: int
    stdout: str
    stderr: str


def run_main(*args: str | Path, cwd: Path | None = None) -> Result:
    """Run the command with these arguments (from the folder `cwd`, if given)."""
    out, err = io.StringIO(), io.StringIO()
    before = os.getcwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        with redirect_stdout(out), redirect_stderr(err):
            try:
                status = main([str(a) for a in args])
            except SystemExit as exc:  # --help and --version end the way argparse ends them
                status = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        os.chdir(before)
    return Result(status, out.getvalue(), err.getvalue())


def interruptible() -> None:
    """Ctrl+C as a terminal delivers it, for a command started by a test (subprocess's
    preexec_fn). A shell starts a background job with SIGINT ignored, an ignored signal stays
    ignored across exec, and Python then installs no handler: a suite run that way would find
    every command deaf to Ctrl+C, whatever the command does."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def children(pid: int) -> list[int]:
    """The processes `pid` has started and not yet reaped (Linux; none where /proc is absent)."""
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def press_ctrl_c(
    command: list[str], workers: int, cwd: Path, settle: float = 0.0, wait: float = 60.0
) -> tuple[subprocess.Popen[str], float, list[int], str]:
    """Start `command`, wait for its `workers` worker processes (and `settle` seconds more), press
    Ctrl+C as a terminal does (SIGINT to the whole group); how long it took to exit, the workers
    it had, and what it wrote to stderr. Killed if it does not end within `2 * wait` seconds."""
    proc = subprocess.Popen(
        command,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=interruptible,
    )
    deadline = time.monotonic() + wait
    while len(children(proc.pid)) < workers:
        assert proc.poll() is None, "the command ended before starting its workers"
        assert time.monotonic() < deadline, "the workers never started"
        time.sleep(0.02)
    started = children(proc.pid)
    time.sleep(settle)
    start = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=2 * wait)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    return proc, time.monotonic() - start, started, err


def one_line(err: str, *fragments: str) -> str:
    """The one line a refused command wrote to stderr, with each fragment in it and no traceback."""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]
