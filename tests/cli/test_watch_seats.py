"""`play FILE --watch` sets and checks `--seat` as `play` does without it. It opened the interface
before the seats were read: a researcher's own agent was never seated (the built-in agent played
the seat), and a seat no scenario has, with an agent file that does not exist, was not refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from game.scenario import bundled
from tests.cli_runner import one_line, run_main

ROOT = Path(__file__).resolve().parents[2]
AGENT = f"{ROOT / 'tests' / 'fixtures' / 'agents' / 'agents.py'}:Plain"


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """What the interface would have been opened with (the tests have no terminal)."""
    calls: list[dict[str, Any]] = []

    def record(*args: Any, **kwargs: Any) -> int:
        calls.append({"args": args, **kwargs})
        return 0

    monkeypatch.setattr("game.commands_ui._opened", record)
    return calls


@pytest.fixture
def talks(tmp_path: Path) -> Path:
    path = tmp_path / "talks.yaml"
    path.write_bytes(bundled()["astana-8"].read_bytes())
    return path


def test_the_watched_game_is_opened_with_the_seats_given(talks: Path, opened: list[dict[str, Any]]) -> None:
    args = ("play", talks, "--as", "government", "--seat", f"opposition={AGENT}", "--seat", "turkey=hard")
    out = run_main(*args, "--watch")
    assert out.returncode == 0, out.stderr
    (call,) = opened
    assert call["watch"] is True
    assert call["seats"] == (("opposition", f"agent:{AGENT}"), ("turkey", "ai:hard"))
    # the same seats as the game without --watch is opened with
    assert run_main(*args).returncode == 0
    assert opened[1]["seats"] == call["seats"]


@pytest.mark.parametrize(
    ("seat", "fragment"),
    [
        ("nobody=nonsense.py:X", "--seat nobody=nonsense.py:X: no delegation 'nobody' (known: government,"),
        ("opposition=nonsense.py:X", "--seat opposition: nonsense.py:X: no such file nonsense.py"),
        ("opposition=genius", "the level or strategy is one of easy, normal, hard"),
        ("government=hard", "--seat government: you play that delegation yourself"),
    ],
)
def test_a_seat_play_refuses_is_refused_with_watch_too(
    seat: str, fragment: str, talks: Path, opened: list[dict[str, Any]]
) -> None:
    for watch in ((), ("--watch",)):
        out = run_main("play", talks, "--seat", seat, *watch)
        assert out.returncode == 1
        one_line(out.stderr, fragment)
    assert opened == []


def test_the_players_given_are_checked_with_watch_too(talks: Path, opened: list[dict[str, Any]]) -> None:
    out = run_main("play", talks, "--as", "nobody", "--watch")
    assert out.returncode == 1
    one_line(out.stderr, "--as nobody: no such delegation")
    assert opened == []


def test_a_file_that_does_not_load_yet_checks_what_needs_no_scenario(
    tmp_path: Path, opened: list[dict[str, Any]]
) -> None:
    """Its errors are shown in the interface, and the game starts once it loads: the seats' ids
    are checked then (tests/ui/test_watch.py); their kinds and agent files are checked now."""
    broken = tmp_path / "talks.yaml"
    broken.write_text(bundled()["astana-8"].read_text().replace("rounds: 6", "rounds: six", 1))
    out = run_main("play", broken, "--seat", "opposition=nonsense.py:X", "--watch")
    assert out.returncode == 1
    one_line(out.stderr, "--seat opposition: nonsense.py:X: no such file nonsense.py")
    out = run_main("play", broken, "--seat", "opposition=genius", "--watch")
    assert out.returncode == 1
    assert opened == []
    out = run_main("play", broken, "--seat", f"anyone={AGENT}", "--watch")
    assert out.returncode == 0, out.stderr
    assert opened[0]["seats"] == (("anyone", f"agent:{AGENT}"),)
