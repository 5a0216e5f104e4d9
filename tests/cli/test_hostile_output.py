"""No command writes a control sequence that came from a file or a file name (issue 14): what
the format refuses never loads, and whatever else reaches the terminal is escaped; --json is exact.
"""

from __future__ import annotations

import errno
import hashlib
import io
import json
import sys
from pathlib import Path

import pytest
import yaml

from game.cli import main
from game.safetext import CONTROL
from game.saves import Session, default_seats, save
from game.scenario import load_scenario

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"
# A file name that would open a hyperlink, blink and clear the screen if printed raw.
EVIL = "evil\x1b]8;;https:example.com\x07\x1b[5m\x9b2J"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def assert_clean(*texts: str) -> None:
    for text in texts:
        found = CONTROL.search(text)
        assert found is None, f"a control character reached the terminal: {text!r}"


@pytest.fixture
def evil_scenario(tmp_path: Path) -> Path:
    path = tmp_path / f"{EVIL}.yaml"
    path.write_bytes(MINI.read_bytes())
    return path


@pytest.fixture
def evil_save(tmp_path: Path) -> Path:
    scenario = load_scenario(MINI)
    session = Session.new(scenario, MINI.read_bytes(), 4, default_seats(scenario), "mini")
    written = save(session, tmp_path, "game")
    path = tmp_path / f"{EVIL}.yaml"
    written.rename(path)
    return path


@pytest.mark.parametrize(
    "args",
    [
        ("validate", "{scenario}"),
        ("validate", "{missing}"),
        ("analyze", "{scenario}"),
        ("analyze", "{missing}"),
        ("simulate", "{scenario}", "--games", "2"),
        ("test-scenario", "{scenario}"),
        ("test-scenario", "{missing}"),
        ("watch", "{scenario}"),
        ("watch", "--load", "{save}"),
        ("watch", "--load", "{missing}"),
        ("replay", "{save}", "--text"),
        ("replay", "{save}", "--verify"),
        ("replay", "{missing}", "--text"),
    ],
    ids=lambda a: " ".join(a),
)
def test_a_hostile_file_name_is_printed_escaped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, evil_scenario: Path, evil_save: Path, args: tuple[str, ...]
) -> None:
    names = {"scenario": str(evil_scenario), "save": str(evil_save), "missing": str(tmp_path / f"no-{EVIL}.yaml")}
    code, out, err = run(capsys, *(a.format(**names) for a in args))
    assert code in (0, 1)  # ok, or an invalid file or a name that is neither a scenario nor a file
    assert_clean(out, err)


@pytest.mark.parametrize(
    "args",
    [
        ("play", "--load", "{missing}"),
        ("replay", "{missing}"),
        ("watch", "--load", "{missing}"),
        ("validate", "{missing}"),
    ],
    ids=lambda a: " ".join(a),
)
def test_a_refusal_names_a_hostile_file_in_one_escaped_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: tuple[str, ...]
) -> None:
    """Before, `play --load` and the replay viewer, which leave stdout to the interface, printed
    a missing file's name raw on stderr (escape sequences and all), and every command split the
    one-line refusal where the name held a line break."""
    missing = str(tmp_path / f"no-{EVIL}\nforged: ok.yaml")
    code, out, err = run(capsys, *(a.format(missing=missing) for a in args))
    assert code == 1 and out == ""
    assert_clean(err)
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert "no-evil\\x1b]8;;https:example.com\\x07\\x1b[5m\\x9b2J\\nforged: ok.yaml" in err


def test_validate_says_ok_with_the_name_escaped(capsys: pytest.CaptureFixture[str], evil_scenario: Path) -> None:
    code, out, err = run(capsys, "validate", str(evil_scenario))
    assert code == 0, err
    assert out.endswith("/evil\\x1b]8;;https:example.com\\x07\\x1b[5m\\x9b2J.yaml: ok: Mini talks\n")


def test_json_output_stays_exact(capsys: pytest.CaptureFixture[str], evil_scenario: Path) -> None:
    code, out, _ = run(capsys, "test-scenario", str(evil_scenario), "--json")
    assert code in (0, 1)
    assert_clean(out)
    assert json.loads(out)["files"][0]["path"] == str(evil_scenario), "JSON carries the name exactly"


def test_a_save_whose_embedded_scenario_holds_escapes_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A save embeds its scenario; the scenario's rules hold there too, so it cannot smuggle a
    control sequence into `watch --load` or `replay --text`."""
    scenario = load_scenario(MINI)
    session = Session.new(scenario, MINI.read_bytes(), 4, default_seats(scenario), "mini")
    session.source = MINI.read_bytes().replace(b"name: Red\n", b'name: "Red\\e[5m"\n')
    session.scenario = scenario
    path = save(session, tmp_path, "tampered")
    text = path.read_text()
    digest = hashlib.sha256(session.source).hexdigest()
    path.write_text(text.replace(scenario.content_hash, digest))
    for args in (("watch", "--load", str(path)), ("replay", str(path), "--text"), ("replay", str(path), "--verify")):
        code, out, err = run(capsys, *args)
        assert code == 1 and out == ""
        assert_clean(err)
        assert len(err.splitlines()) == 1 and "control character U+001B (ESCAPE)" in err


def test_the_save_browser_escapes_what_it_reads_raw(tmp_path: Path) -> None:
    """The browser lists a save from its header, before any validation: a hostile save's title,
    seats and file name reach it as escaped text."""
    from game.saves.catalog import list_saves

    scenario = load_scenario(MINI)
    session = Session.new(scenario, MINI.read_bytes(), 4, default_seats(scenario, ("red",)), "mini")
    path = save(session, tmp_path, "game")
    text = path.read_text()
    text = text.replace("title: Mini talks", 'title: "Mini\\e]8;;x\\atalks"').replace(
        "    name: Red\n", '    name: "Red\\e[5m"\n'
    )
    # the embedded scenario's hash made for the hostile texts: one that does not match is listed
    # as damaged, its texts unread
    embedded = yaml.safe_load(text)["scenario"]
    text = text.replace(embedded["hash"], hashlib.sha256(embedded["text"].encode("utf-8")).hexdigest())
    path.write_text(text)
    path.rename(tmp_path / f"{EVIL}.yaml")
    (row,) = list_saves(tmp_path)
    for shown in (row.name, row.scenario, *row.seats, row.result):
        assert_clean(shown)
    assert row.scenario == "Mini\\x1b]8;;x\\x07talks" and row.seats == ("Red\\x1b[5m",)


class _FullDisk(io.StringIO):
    """Standard output on a full disk: each write fails at once (an unbuffered stream), or only
    the flush does (a buffered one, whose writes fit in its buffer)."""

    def __init__(self, on_write: bool) -> None:
        super().__init__()
        self.on_write = on_write

    def write(self, text: str) -> int:
        if self.on_write:
            raise OSError(errno.ENOSPC, "No space left on device")
        return super().write(text)

    def flush(self) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("on_write", [True, False], ids=["write", "flush"])
@pytest.mark.parametrize("args", [("schema",), ("list",), ("replay", "--text", "{save}")])
def test_output_that_cannot_be_written_is_one_line_and_exit_1(
    args: tuple[str, ...],
    on_write: bool,
    evil_save: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`peacetalks schema > file` on a full disk: before, a traceback (or, buffered, exit 0 and
    Python's own "Exception ignored" at exit, status 120)."""
    monkeypatch.setattr(sys, "stdout", _FullDisk(on_write))
    code = main([a.format(save=evil_save) for a in args])
    err = capsys.readouterr().err
    assert code == 1
    assert err == "peacetalks: error: cannot write to standard output: No space left on device\n"


@pytest.mark.parametrize("args", [("list",), ("schema",), ("replay", "{save}", "--text")], ids=" ".join)
def test_a_closed_standard_output_is_one_line_and_exit_1(
    args: tuple[str, ...], evil_save: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`peacetalks list >&-`: Python starts with sys.stdout None, and the first print was a
    traceback (AttributeError: 'NoneType' object has no attribute 'write')."""
    monkeypatch.setattr(sys, "stdout", None)
    code = main([a.format(save=evil_save) for a in args])
    assert code == 1
    assert capsys.readouterr().err == (
        "peacetalks: error: cannot write to standard output: it was closed before the command started\n"
    )


def test_a_closed_standard_error_still_ends_with_status_1(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """`peacetalks validate missing.yaml 2>&-`: the refusal has nowhere to go; the status says it."""
    monkeypatch.setattr(sys, "stderr", None)
    assert main(["validate", str(tmp_path / "missing.yaml")]) == 1


@pytest.mark.parametrize("closed", ["stdin", "stdout"])
def test_play_with_a_stream_closed_says_it_needs_a_terminal(
    closed: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`peacetalks play <&-`: before, a traceback (AttributeError on sys.stdin.isatty)."""
    monkeypatch.setattr(sys, closed, None)
    assert main(["play", "tutorial"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("peacetalks: error: the game needs a terminal to play in") and err.count("\n") == 1


class _Terminal(io.TextIOWrapper):
    """A terminal of some encoding, as far as the game asks one."""

    def isatty(self) -> bool:
        return True


def _terminal(encoding: str) -> _Terminal:
    return _Terminal(io.BytesIO(), encoding=encoding)


def test_text_a_terminals_encoding_cannot_show_is_replaced_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found from outside: under an ISO-8859-1 locale `list`, `watch` and `replay --text` ended
    in a UnicodeEncodeError traceback at the first ć or ğ of a name."""
    out = _terminal("latin-1")
    monkeypatch.setattr(sys, "stdout", out)
    assert main(["watch", "astana-8", "--seed", "1"]) == 0
    out.flush()
    text = out.buffer.getvalue().decode("latin-1")  # type: ignore[attr-defined]
    assert "Putin and Erdo?an speak by phone." in text and "Outcome:" in text
    assert "Traceback" not in capsys.readouterr().err


def test_the_screen_is_refused_in_one_line_on_a_terminal_that_is_not_utf8(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """It drew escape text (`\\u2502`) in place of the table's lines, with no word why."""
    for stream in ("stdin", "stdout"):
        monkeypatch.setattr(sys, stream, _terminal("utf-8"))
    monkeypatch.setattr(sys, "__stdout__", _terminal("iso8859-1"))
    assert main(["play", "tutorial"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("peacetalks: error: this terminal's encoding is iso8859-1, and the game's screen needs UTF-8")
    assert err.count("\n") == 1


def test_play_with_standard_error_sent_elsewhere_says_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`peacetalks play 2>log` in a terminal ran on a blank screen: the interface draws on standard
    error (Textual's driver writes there), and drew the game into the file."""
    for stream in ("stdin", "stdout", "__stdout__"):
        monkeypatch.setattr(sys, stream, _terminal("utf-8"))
    monkeypatch.setattr(sys, "__stderr__", io.StringIO())  # not a terminal
    assert main(["play", "tutorial"]) == 1
    err = capsys.readouterr().err
    assert err == (
        "peacetalks: error: the game draws its screen on standard error, which is not a terminal here; "
        "run it without redirecting standard error (2>...)\n"
    )
