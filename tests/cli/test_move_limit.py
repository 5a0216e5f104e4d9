"""`--move-limit SECONDS` on simulate, tournament and watch: an outside agent that takes longer
over one move (a loop that never ends, a wait on nothing) stops the command in one line naming
the seat, the game's seed and the move, exit 1, where it held the command for ever; without the
option an agent takes the time it takes."""

from __future__ import annotations

import signal
import tempfile
import threading
import time
from pathlib import Path

import pytest

from game.ai.agent import AgentError, Guarded, seated_agent
from game.ai.reading import Decision
from game.ai.timing import move_limit
from game.cli.parser import parser as _parser
from game.engine import actions as A
from game.engine.rng import Rng
from game.engine.setup import new_game
from game.engine.view import view_for
from game.scenario import bundled, load_scenario
from tests.cli_runner import run_main

ASTANA = load_scenario(bundled()["astana-8"])

AGENTS = """
import signal
import time
from game.ai.random_agent import choose_random


def passing(view, rng):
    return choose_random(view, rng)  # a legal move, whatever is on the table


def busy(view, rng):
    # a loop that would run half a minute, from round 2: bounded, so that a limit that failed
    # fails the test rather than holding the suite
    if view.round >= 2:
        started = time.monotonic()
        while time.monotonic() - started < 30:
            pass
    return passing(view, rng)


def asleep(view, rng):
    time.sleep(30)
    return passing(view, rng)


def deaf(view, rng):
    # catches whatever stops it, and goes on for a second
    started = time.monotonic()
    while time.monotonic() - started < 1.0:
        try:
            time.sleep(0.05)
        except BaseException:
            pass
    return passing(view, rng)


def slow(view, rng):
    time.sleep(0.02)
    return passing(view, rng)


def own_alarm_then_busy(view, rng):
    # the tail of a search budget kept with the process's alarm, then a loop: its alarm(0)
    # switched the limit off when the limit was that alarm
    signal.alarm(0)
    return busy(view, rng)


def own_alarm_kept(view, rng):
    # its own alarm, set and answered within its move: the limit leaves it alone
    fired = []
    signal.signal(signal.SIGALRM, lambda *_: fired.append(1))
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    started = time.monotonic()
    while not fired and time.monotonic() - started < 5:
        time.sleep(0.01)
    if not fired:
        raise RuntimeError("my alarm never came")
    return passing(view, rng)


def retrying(view, rng):
    # catches every stop and waits again, for ever: only abandoning the move ends it
    if view.round >= 2:
        while True:
            try:
                time.sleep(1000)
            except BaseException:
                continue
    return passing(view, rng)


def stuck_in_c(view, rng):
    # a regular expression that backtracks for ages in C, holding Python's lock all along: no
    # Python thread runs meanwhile, the watchdog included
    if view.round >= 2:
        import re

        re.match(r"(a+)+$", "a" * 40 + "b")
    return passing(view, rng)


def retrying_at_once(view, rng):
    while True:
        try:
            time.sleep(1000)
        except BaseException:
            continue


def converts(view, rng):
    # stopped, it raises an error of its own
    try:
        time.sleep(30)
    except BaseException:
        raise ValueError("interrupted") from None
    return passing(view, rng)
"""


@pytest.fixture
def agents(tmp_path: Path) -> Path:
    path = tmp_path / "mine.py"
    path.write_text(AGENTS, encoding="utf-8")
    return path


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize(("name", "moment"), [("busy", "round 2, turn "), ("asleep", "round 1, turn 1)")])
def test_an_agent_over_the_limit_stops_simulate_in_one_line(agents: Path, jobs: str, name: str, moment: str) -> None:
    started = time.monotonic()
    out = run_main(
        "simulate", "astana-8", "--games", "3", "--seat", f"government={agents}:{name}", "--move-limit", "0.2",
        "--jobs", jobs,
    )  # fmt: skip
    assert time.monotonic() - started < 15  # not the agent's 30 s
    assert out.returncode == 1
    lines = out.stderr.splitlines()
    assert len(lines) == 1, out.stderr
    assert lines[0].startswith(f"peacetalks: error: the agent in seat government ({agents}:{name}; game seed 0, ")
    assert moment in lines[0]
    assert lines[0].endswith("took more than 0.2 s over one move (--move-limit)")
    assert out.stdout == ""


def test_an_agent_that_catches_the_stop_and_goes_on_is_stopped_as_its_move_ends(agents: Path) -> None:
    out = run_main("simulate", "astana-8", "--games", "1", "--seat", f"opposition={agents}:deaf", "--move-limit", "0.2")
    assert out.returncode == 1
    assert "(--move-limit)" in out.stderr and "round 1" in out.stderr


def test_without_the_option_or_within_it_an_agent_takes_its_time(agents: Path) -> None:
    for limit in ((), ("--move-limit", "5")):
        out = run_main("simulate", "astana-8", "--games", "1", "--seat", f"opposition={agents}:slow", *limit)
        assert out.returncode == 0, out.stderr
        assert out.stderr == ""


def test_the_tournament_stops_at_its_agents_row(agents: Path) -> None:
    out = run_main(
        "tournament", "astana-8", "--seat", "government", "--games", "2", "--agent", f"{agents}:asleep",
        "--move-limit", "0.2",
    )  # fmt: skip
    assert out.returncode == 1
    assert out.stderr.splitlines()[-1].endswith("took more than 0.2 s over one move (--move-limit)")
    assert "hard" in out.stdout  # the rows before it were printed as they came


def test_an_agents_own_alarm_neither_switches_the_limit_off_nor_is_switched_off(agents: Path) -> None:
    started = time.monotonic()
    out = run_main(
        "simulate", "astana-8", "--games", "1", "--seat", f"government={agents}:own_alarm_then_busy",
        "--move-limit", "0.3",
    )  # fmt: skip
    assert out.returncode == 1 and "round 2" in out.stderr and "(--move-limit)" in out.stderr
    assert time.monotonic() - started < 15  # stopped at its limit, not after its 30 s loop
    out = run_main(
        "simulate", "astana-8", "--games", "1", "--seat", f"government={agents}:own_alarm_kept", "--move-limit", "5"
    )
    assert out.returncode == 0, out.stderr


def test_an_agent_that_turns_the_stop_into_an_error_of_its_own_is_said_to_be_over_time(agents: Path) -> None:
    out = run_main(
        "simulate", "astana-8", "--games", "1", "--seat", f"government={agents}:converts",
        "--move-limit", "0.123456789",
    )  # fmt: skip
    assert out.returncode == 1
    # and the limit as given, not rounded to six figures
    assert out.stderr.rstrip().endswith("took more than 0.123456789 s over one move (--move-limit)"), out.stderr


def test_the_stop_coming_as_the_move_ends_still_puts_the_handler_back() -> None:
    """The stop may come at any line, the cleanup's first included: the handler is put back
    whatever line it interrupts (a reviewer left it installed after a move)."""
    from game.ai import timing

    assert timing._STOP is not None
    before = signal.getsignal(timing._STOP)
    for spin in range(0, 400, 7):
        try:
            with timing.timed(5.0):
                signal.pthread_kill(threading.main_thread().ident or 0, timing._STOP)
                for _ in range(spin):  # the handler runs at some line near here, or in the cleanup
                    pass
        except timing.OverTime:
            pass
        assert signal.getsignal(timing._STOP) is before


def test_watch_stops_at_the_move_and_leaves_the_signals_as_it_found_them(agents: Path) -> None:
    from game.ai import timing

    assert timing._STOP is not None
    before = signal.getsignal(timing._STOP)
    out = run_main("watch", "astana-8", "--seat", f"government={agents}:busy", "--move-limit", "0.2")
    assert out.returncode == 1
    assert "round 2" in out.stderr and "(--move-limit)" in out.stderr
    assert "Round 1 of" in out.stdout  # the game as far as it went
    assert signal.getsignal(timing._STOP) is before
    out = run_main("watch", "astana-8", "--seat", f"government={agents}:slow", "--move-limit", "5")
    assert out.returncode == 0, out.stderr
    assert signal.getsignal(timing._STOP) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # the process's alarm untouched


def test_an_agent_made_outside_the_limit_has_none_and_the_limit_closes_after_the_command(agents: Path) -> None:
    with move_limit(0.5):
        limited = seated_agent(f"{agents}:slow", ASTANA, "government", 0)
    assert limited.limit == 0.5
    assert seated_agent(f"{agents}:slow", ASTANA, "government", 0).limit is None


def test_in_another_thread_a_move_over_the_limit_is_refused_as_it_ends() -> None:
    # no alarm outside the main thread (Python runs signal handlers there only): the move is
    # measured instead
    def dawdling(view: object, rng: Rng) -> Decision:
        time.sleep(0.3)
        return Decision(A.Pass("government"), "late")

    guarded = Guarded(dawdling, "government", 0)
    guarded.limit = 0.1
    state, _ = new_game(ASTANA, 0)
    caught: list[BaseException] = []

    def run() -> None:
        try:
            guarded(view_for(state, state.actor), Rng(0))
        except BaseException as exc:
            caught.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert len(caught) == 1 and isinstance(caught[0], AgentError)
    assert "took more than 0.1 s over one move" in str(caught[0])


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("0", "lie in 0.01..3600, got 0"),
        ("3601", "lie in 0.01..3600, got 3601"),
        ("1e3", "written in digits 0-9 (2, 0.5), got '1e3'"),
        ("nan", "written in digits 0-9"),
        ("", "written in digits 0-9"),
        # numbers in digits, outside the range, are told the range, as --seed and --games say it
        ("-1", "lie in 0.01..3600, got -1"),
        ("99999999999", "lie in 0.01..3600, got 99999999999"),
        ("3600.000001", "lie in 0.01..3600, got 3600.000001"),
        pytest.param("9" * 5000, "lie in 0.01..3600, got a number of 5000 digits", id="5000-digits"),
        pytest.param("0." + "1" * 40, "lie in 0.01..3600, got a number of 40 digits", id="40-digits"),
        # written by the digits that make it (a reviewer's: 5,000 zeros were printed back whole)
        pytest.param("0" * 5000, "lie in 0.01..3600, got 0", id="5000-zeros"),
        pytest.param("3601." + "0" * 5000, "lie in 0.01..3600, got 3601", id="trailing-zeros"),
    ],
)
def test_a_limit_that_is_not_seconds_is_a_usage_error(given: str, said: str) -> None:
    out = run_main("simulate", "astana-8", "--move-limit", given)
    assert out.returncode == 1
    assert said in out.stderr
    assert "Traceback" not in out.stderr
    assert len(out.stderr) < 200 and out.stderr.count("\n") == 1, "one short line, never the value whole"


@pytest.mark.parametrize(
    ("given", "seconds"),
    [
        ("0" * 22 + "1", 1.0),
        ("0012.50", 12.5),
        ("3600", 3600.0),
        # (a reviewer's: zeros that make no digit of the number were counted as 35 digits)
        ("3600." + "0" * 31, 3600.0),
        ("0" * 31 + ".5", 0.5),
    ],
)
def test_a_limit_in_digits_with_leading_zeros_is_taken(given: str, seconds: float) -> None:
    """`--move-limit 00000000000000000000001` was "not a number written in digits 0-9"; --seed
    takes leading zeros, and so do the seconds."""
    assert _parser().parse_args(["simulate", "astana-8", "--move-limit", given]).move_limit == seconds


def test_a_seed_with_more_leading_zeros_than_digits_is_its_number() -> None:
    """`--seed 000...0001` (40 zeros) was "a number of 41 digits" (a reviewer's)."""
    assert _parser().parse_args(["simulate", "astana-8", "--seed", "0" * 40 + "1"]).seed == 1
    assert _parser().parse_args(["simulate", "astana-8", "--seed", "0" * 5000 + "7"]).seed == 7


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_move_that_catches_every_stop_is_abandoned_after_the_grace(agents: Path, jobs: str) -> None:
    """An agent that catches every stop and waits again (a bare `except: continue` around its
    wait) held the command for ever, with nothing said (a reviewer's): stopped again and again,
    its move is abandoned GRACE seconds past the limit, and said so as the game's error."""
    from game.ai.timing import GRACE

    started = time.monotonic()
    out = run_main(
        "simulate", "astana-8", "--games", "3", "--seat", f"government={agents}:retrying", "--move-limit", "0.2",
        "--jobs", jobs,
    )  # fmt: skip
    assert 0.2 + GRACE <= time.monotonic() - started < 0.2 + GRACE + 10
    assert out.returncode == 1
    lines = out.stderr.splitlines()
    assert len(lines) == 1, out.stderr
    assert lines[0].startswith(f"peacetalks: error: the agent in seat government ({agents}:retrying; game seed 0, ")
    assert lines[0].endswith(
        f"took more than 0.2 s over one move (--move-limit), and went on {GRACE:g} s past it: the game was abandoned there"
    )


def test_watch_abandons_such_a_move_in_its_own_process_saying_why(agents: Path) -> None:
    """In `watch` the agent plays in the command's own process: abandoning its move ends that
    process, after the transcript so far and one line of error (a process of its own here, since
    this one would end with it)."""
    import subprocess
    import sys

    command = [sys.executable, "-m", "game", "watch", "astana-8", "--seat", f"government={agents}:retrying"]
    done = subprocess.run([*command, "--move-limit", "0.2"], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 1
    assert "Round 1 of" in done.stdout  # the game as far as it went
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].endswith("the game was abandoned there"), done.stderr
    assert "Traceback" not in done.stderr


def test_a_move_stuck_in_c_code_is_ended_all_the_same(agents: Path) -> None:
    """A move that holds Python's lock in C code for good never lets the watchdog run: the
    interpreter's own faulthandler thread ends its worker a second past the abandon, and the
    command says which game, agent and move it was, and why, as `watch` does (a reviewer's hang,
    with nothing said; then "a worker process ended (exit code 1)", with no limit named). Both
    games stick: the first game's is said, whichever worker ends first."""
    from game.ai.timing import LAST_RESORT
    from game.sim.simulate import game_seed

    started = time.monotonic()
    out = run_main(
        "simulate", "astana-8", "--games", "2", "--seat", f"government={agents}:stuck_in_c", "--move-limit", "0.2",
        "--jobs", "2", "--seed", "7",
    )  # fmt: skip
    assert time.monotonic() - started < 0.2 + LAST_RESORT + 10
    assert out.returncode == 1
    lines = out.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in out.stderr, out.stderr
    assert lines[0].startswith(
        f"peacetalks: error: the agent in seat government ({agents}:stuck_in_c; game seed {game_seed(7, 0)}, round 2, "
    ), lines[0]
    assert lines[0].endswith(
        f"took more than 0.2 s over one move (--move-limit), and went on {LAST_RESORT:g} s past it in code that no "
        "stop reaches (C code that holds Python's lock, a regular expression say): the game was abandoned there"
    )


def test_a_worker_that_ends_in_a_timed_move_before_the_last_resort_is_said_to_have_ended() -> None:
    """What a timed move would say if the last resort ended it is said only where the worker
    ended when the last resort was due: an agent that ends its worker at once (os._exit(1)) in a
    timed move is a worker that ended, not a move stuck past its limit."""
    import subprocess
    import sys

    agent = (
        "import os\n"
        "from game.ai.negotiator import choose as normal\n"
        "def choose(view, rng):\n"
        "    if view.round >= 2:\n"
        "        os._exit(1)\n"
        "    return normal(view, rng)\n"
    )
    command = [sys.executable, "-c", "import sys\nfrom game.cli import main\nsys.exit(main(sys.argv[1:]))"]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ends.py"
        path.write_text(agent)
        done = subprocess.run(
            [*command, "simulate", "astana-8", "--games", "2", "--jobs", "2", "--move-limit", "5",
             "--seat", f"government={path}:choose"],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.startswith("peacetalks: error: a worker process ended (exit code 1) during game seed "), (
        done.stderr
    )
    assert "--move-limit" not in done.stderr


def test_watch_keeps_the_transcript_printed_before_a_move_it_abandons(agents: Path) -> None:
    """Abandoning a move ends the process at once: the transcript printed before it was still in
    stdout's buffer, unwritten, where stdout is a file (a reviewer's: 0 bytes of it)."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    command = [sys.executable, "-m", "game", "watch", "astana-8", "--seat", f"government={agents}:retrying_at_once"]
    done = subprocess.run(
        [*command, "--move-limit", "0.2"], capture_output=True, text=True, timeout=60, check=False, env=env
    )
    assert done.returncode == 1
    assert done.stdout.startswith("Astana 8") and "Round 1 of" in done.stdout, done.stdout[:300]
    assert done.stderr.splitlines()[-1].endswith("the game was abandoned there")


def test_a_move_interrupted_by_an_error_leaves_the_watchdog_working_for_the_next() -> None:
    """Anything raised in a move (a Ctrl+C, an agent's own signal) leaves no deadline set and the
    watchdog alive: the next move over its limit is still stopped (a reviewer's, where a lock
    held at that instant left it dead)."""
    from game.ai import timing

    for _ in range(50):
        try:
            with timing.timed(0.2):
                raise KeyboardInterrupt
        except KeyboardInterrupt:
            pass
        assert timing._the_watchdog().deadline is None
    started = time.monotonic()
    try:
        with timing.timed(0.2):
            time.sleep(5)
    except timing.OverTime:
        pass
    assert time.monotonic() - started < 2


def test_watch_says_why_when_a_move_stuck_in_c_code_ends_it(agents: Path) -> None:
    """A move that holds Python's lock in C code is ended by faulthandler's thread, where no
    Python thread of `watch` runs to say why: the command ended with exit status 1 and not a word.
    A process of its own says the move's line, naming the seat and the seed, as simulate names
    them (a playtester's)."""
    import subprocess
    import sys

    from game.ai.timing import LAST_RESORT

    command = [sys.executable, "-m", "game", "watch", "astana-8", "--seed", "5"]
    started = time.monotonic()
    done = subprocess.run(
        [*command, "--seat", f"government={agents}:stuck_in_c", "--move-limit", "0.2"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert time.monotonic() - started < 0.2 + LAST_RESORT + 10
    assert done.returncode == 1
    assert "Round 2 of" in done.stdout  # the game as far as it went
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert lines[0].startswith(f"peacetalks: error: the agent in seat government ({agents}:stuck_in_c; game seed 5, ")
    assert lines[0].endswith(
        f"took more than 0.2 s over one move (--move-limit), and went on {LAST_RESORT:g} s past it in code that no "
        "stop reaches (C code that holds Python's lock, a regular expression say): the game was abandoned there"
    )


def test_a_move_stuck_in_c_code_is_ended_even_where_the_witness_is_gone() -> None:
    """The witness killed (by hand, or out of memory), the word to it failed and the last resort
    was never armed: a move stuck in C code ran on for ever (a reviewer's). It is armed without it."""
    import subprocess
    import sys

    from game.ai.timing import LAST_RESORT

    script = (
        "import re\n"
        "from game.ai import timing\n"
        "with timing.witnessed():\n"
        "    timing._witness.kill(); timing._witness.wait()\n"
        "    with timing.timed(0.2):\n"
        "        re.match(r'(a+)+$', 'a' * 40 + 'b')\n"
        "print('the move ended of itself')\n"
    )
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 1 and "ended of itself" not in done.stdout, done
    assert time.monotonic() - started < 0.2 + LAST_RESORT + 10


def test_the_agents_import_where_no_process_forks() -> None:
    """Windows has no os.register_at_fork (nor fork), SIGHUP or SIGURG: the module that ends stuck
    moves asked for the first as it loaded, and the interface's module for SIGHUP, and neither
    `play` nor `watch` could start there (two reviewers'). Their modules load without them."""
    import subprocess
    import sys

    script = (
        "import os, signal\n"
        "del os.register_at_fork, os.fork, signal.SIGHUP, signal.SIGURG\n"
        "import game.ai.agent, game.cli, game.ui.app, game.commands_ui, game.commands_watch\n"
        "print('imported')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False)
    assert (done.returncode, done.stdout) == (0, "imported\n"), done.stderr
