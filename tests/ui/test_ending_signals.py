"""SIGTERM and SIGHUP (`kill`, a terminal window closed) close the interface as ctrl+q does: the
game saved, the terminal given back as it was, the status a signal gives. Before, the process
died at once and left the terminal without echo, in the interface's screen and mouse mode (a QA
tester's). Run as a player runs it: the command in a pseudo-terminal, the signal from outside."""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from game.saves import load

ROOT = Path(__file__).resolve().parents[2]
ALT_SCREEN_OFF = b"\x1b[?1049l"  # the interface's own screen left, as Textual does on closing
DEADLINE = 60.0


class Terminal:
    """`peacetalks ARGS` in a pseudo-terminal of 100x30, its screen drained as it is drawn."""

    def __init__(self, child: subprocess.Popen[bytes], master: int) -> None:
        self.child, self.master = child, master
        self.drawn = bytearray()

    def read(self) -> None:  # drain the terminal, or the child blocks on a full buffer
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.drawn.extend(chunk)

    def until(self, shown: Callable[[], bool], keys: bytes = b"") -> None:
        """Wait for `shown` (typing `keys` every half second meanwhile, if any); the game must not end."""
        deadline = time.monotonic() + DEADLINE
        while not shown():
            assert self.child.poll() is None and time.monotonic() < deadline, bytes(self.drawn[-2000:])
            if keys:
                os.write(self.master, keys)
            time.sleep(0.5 if keys else 0.05)

    def your_turn(self) -> None:
        self.until(lambda: b"YOUR TURN" in self.drawn)


@contextmanager
def terminal(tmp_path: Path, *args: str, before: Callable[[], object] | None = None) -> Iterator[Terminal]:
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    child = subprocess.Popen(
        [sys.executable, "-m", "game", *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        cwd=ROOT,
        env={**os.environ, "TERM": "xterm-256color", "PEACETALKS_DATA_DIR": str(tmp_path / "data")},
        preexec_fn=before,
    )
    os.close(slave)
    term = Terminal(child, master)
    reader = threading.Thread(target=term.read, daemon=True)
    reader.start()
    try:
        yield term
        reader.join(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        os.close(master)


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_an_ending_signal_saves_the_game_and_gives_the_terminal_back(tmp_path: Path, number: int) -> None:
    with terminal(tmp_path, "play", "tutorial", "--seed", "1", "--save", "mine", "--saves", str(tmp_path)) as term:
        term.your_turn()
        time.sleep(0.3)
        at = len(term.drawn)
        term.child.send_signal(number)
        status = term.child.wait(timeout=30)
    assert status == 128 + number, bytes(term.drawn[-2000:])
    after = bytes(term.drawn[at:])
    assert ALT_SCREEN_OFF in after, after[-500:]  # the terminal given back
    assert b"Traceback" not in term.drawn
    # the saves whole: the named one, and the autosave beside it
    assert load(tmp_path / "mine.yaml").scenario.id == "tutorial"
    (autosave,) = (tmp_path / "data").rglob("autosaves/*.yaml")
    assert load(autosave).scenario.id == "tutorial"


def test_an_outside_agent_reading_standard_input_in_play_fails_as_any_agent_does(tmp_path: Path) -> None:
    """A QA tester's agent called input() in `play`: it took the keyboard, and ctrl+q never came
    through (only kill ended the game). Its read now ends at once, and the game stops on the
    agent's error, said in one line, exit status 1."""
    agent = tmp_path / "reader.py"
    agent.write_text("def choose(view, rng):\n    input()\n")
    with terminal(tmp_path, "play", "tutorial", "--seed", "1", "--seat", f"government={agent}:choose") as term:
        deadline = time.monotonic() + DEADLINE
        while term.child.poll() is None and time.monotonic() < deadline:
            if b"Continue" in term.drawn or b"YOUR TURN" in term.drawn:
                os.write(term.master, b"\rn")  # past the notices, and the player's turn passed (n)
            time.sleep(0.3)
        status = term.child.wait(timeout=5)
    text = term.drawn.decode(errors="replace")
    assert status == 1, text[-2000:]
    (line,) = [line for line in text.splitlines() if "peacetalks: error:" in line]
    assert "EOFError" in line and "seat government" in line, line
    assert "Traceback" not in text


def test_a_hang_up_ignored_on_purpose_stays_ignored(tmp_path: Path) -> None:
    """A reviewer's: under `nohup` (SIGHUP ignored) the interface took SIGHUP all the same and
    ended on it. It leaves a signal ignored on purpose as it is; SIGTERM still ends the game."""

    def as_nohup_starts_it() -> None:
        signal.signal(signal.SIGHUP, signal.SIG_IGN)

    with terminal(tmp_path, "play", "tutorial", "--seed", "1", before=as_nohup_starts_it) as term:
        term.your_turn()
        term.child.send_signal(signal.SIGHUP)
        time.sleep(1.0)
        assert term.child.poll() is None, "the game ended on a hang-up it was started to ignore"
        term.child.send_signal(signal.SIGTERM)
        status = term.child.wait(timeout=30)
    assert status == 128 + signal.SIGTERM


def test_sigterm_ends_a_game_at_once_while_an_outside_agent_is_stuck_in_c_code(tmp_path: Path) -> None:
    """An outside agent's move runs in the interface's process; one stuck in C code holds the
    interpreter, so a handler on the event loop never runs and SIGTERM would end nothing until the
    call returned. With an outside agent at the table the signals keep their default action: the
    game ends at once, as it did before the interface took them (its autosave of the last move
    stands)."""
    agent = tmp_path / "stuck.py"
    mark = tmp_path / "thinking"
    agent.write_text(f"def choose(view, rng):\n    open({str(mark)!r}, 'w').close()\n    return sum(range(10**13))\n")
    with terminal(tmp_path, "play", "tutorial", "--seed", "1", "--seat", f"government={agent}:choose") as term:
        term.your_turn()
        term.until(mark.exists, keys=b"\rn")  # the player passes (past any notice): the agent is stuck
        time.sleep(0.5)
        assert term.child.poll() is None
        term.child.send_signal(signal.SIGTERM)
        status = term.child.wait(timeout=10)
    assert status == -signal.SIGTERM
