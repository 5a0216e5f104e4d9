"""A save's log is read without the YAML library when it is exactly as the game writes it
(game.saves.logread), each line by one pattern (game.saves.codec.read_line), and a log whose
lines are all as written by splitting them and looking their middles up (game.saves.codec.read_log):
each gives what the general readers give, values, marks and errors alike, on saves as written and
on saves changed anywhere."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from game.saves import Session, save_text
from game.saves.codec import _LINE, _MIDDLES, EntryError, format_entry, parse_entry, read_line, read_log
from game.saves.logread import _log_entries, _split, parse_save
from game.scenario.diagnostics import Report
from game.scenario.yamlread import YMap, YSeq, parse_yaml
from tests.saves.helpers import finished, new_session, play_on

BUDGET = 1_000_000


def shape(value: Any) -> Any:
    """Everything a reader gives: values, their types, and the marks of items, keys and values."""
    if isinstance(value, YMap):
        return (
            "map",
            value.mark,
            [(k, value.key_marks.get(k), value.value_marks.get(k), shape(v)) for k, v in value.items()],
        )
    if isinstance(value, YSeq):
        return ("seq", value.mark, list(value.marks), [shape(v) for v in value])
    return (type(value).__name__, value)


def both(data: bytes, budget: int = BUDGET) -> tuple[Any, Any]:
    """(the fast reader's result and errors, the YAML reader's), to compare."""
    fast, slow = Report("save.yaml"), Report("save.yaml")
    got = parse_save(data, fast, budget)
    want = parse_yaml(data, slow, budget, controls=True)
    return (shape(got), [str(d) for d in fast.items]), (shape(want), [str(d) for d in slow.items])


@pytest.fixture(scope="module")
def game() -> Session:
    return finished("mini", 3)


@pytest.fixture(scope="module")
def text(game: Session) -> str:
    return save_text(game)


def test_a_save_as_written_is_read_by_the_fast_path_to_the_same_values_and_marks(text: str) -> None:
    data = text.encode()
    fast = _split(data, Report("save.yaml"), BUDGET)
    assert fast is not None  # the fast path did read it, its reasons too
    assert "reasons" in fast and fast.key_marks["reasons"] == (text.split("\n").index("reasons:") + 1, 1)
    got, want = both(data)
    assert got == want
    assert want[1] == [] and len(want[0][2][-1][3][3]) > 20  # no errors, and a real log was compared


def test_a_reason_our_agents_could_not_give_is_written_by_yaml_and_read_back() -> None:
    """A reason outside the fast form (an outside agent's: a quote, a backslash, letters beyond
    ASCII) is written as PyYAML writes it, and both readers give it back as it was."""
    session = finished("mini", 3)
    odd = ['say "no" \\ twice', "Erdoğan's terms: — no", "a\u0085b", "x" * 300]
    for turn, text in zip(sorted(session.reasons), odd, strict=False):
        session.reasons[turn] = text
    data = save_text(session).encode()
    got, want = both(data)
    assert got == want and want[1] == []
    reasons = {int(k): v for k, v in parse_save(data, Report("s"), BUDGET)["reasons"].items()}  # type: ignore[index]
    assert reasons == session.reasons


@pytest.mark.parametrize("seed", [1, 5, 11])
def test_saves_of_games_cut_anywhere_read_the_same(seed: int) -> None:
    session = new_session("astana-8", seed)
    for turns in (1, 7, 40):
        play_on(session, turns)
        data = save_text(session).encode()
        assert _split(data, Report("s"), BUDGET) is not None
        got, want = both(data)
        assert got == want


def _indent_header(text: str) -> str:
    header, log = text.split("\nlog:\n")
    return re.sub(r"(?m)^", "  ", header) + "\nlog:\n" + log


def _first_reason(text: str, change: Any) -> str:
    """The save with its first reason's line (`  TURN: "TEXT"`, the writer's) changed."""
    start = text.index("\nreasons:\n") + len("\nreasons:\n")
    end = text.index("\n", start)
    return text[:start] + change(text[start:end]) + text[end:]


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda t: _first_reason(t, lambda r: r.replace(': "', ': "\\u0041', 1)), id="a-reason-escaped"),
        pytest.param(lambda t: _first_reason(t, lambda r: r.replace('"', "'")), id="a-reason-single-quoted"),
        pytest.param(lambda t: _first_reason(t, lambda r: r.replace('"', "")), id="a-reason-unquoted"),
        pytest.param(lambda t: _first_reason(t, lambda r: r.replace(': "', ': "é', 1)), id="a-reason-not-ascii"),
        pytest.param(lambda t: _first_reason(t, lambda r: r + "\n" + r), id="a-turn-twice"),
        pytest.param(lambda t: _first_reason(t, lambda r: "  0" + r[2:]), id="a-turn-zero-padded"),
        pytest.param(lambda t: _first_reason(t, lambda r: " " + r), id="a-reason-indented-more"),
        pytest.param(lambda t: _first_reason(t, lambda r: r + "  # said"), id="a-comment-after-a-reason"),
        pytest.param(lambda t: _first_reason(t, lambda r: "  x: 1\n" + r), id="a-key-in-the-reasons"),
        pytest.param(lambda t: t.replace("\nreasons:\n", '\nreasons:\n  1: "first"\n'), id="a-second-turn-1"),
        pytest.param(lambda t: t.replace("\nseed:", "\nreasons: {}\nseed:"), id="reasons-twice"),
        pytest.param(lambda t: t.replace("\nreasons:\n", "\nreasons: \n"), id="a-space-after-reasons"),
        pytest.param(lambda t: t.replace("\nseed:", "\n...\nseed:"), id="document-end-in-header"),
        pytest.param(lambda t: t.replace("\nseed:", "\n---\nseed:"), id="document-start-in-header"),
        pytest.param(lambda t: t.replace("\nseed:", "\nlog: []\nseed:"), id="a-second-log"),
        pytest.param(lambda t: t.replace("\nseed:", '\n"log": 1\nseed:'), id="a-quoted-second-log"),
        pytest.param(lambda t: t.replace("\nlog:\n", "\n...\nlog:\n"), id="document-end-before-the-log"),
        pytest.param(lambda t: t.replace("\nlog:\n", "\n---\nlog:\n"), id="document-start-before-the-log"),
        pytest.param(lambda t: t.replace("\nlog:\n", "\n... # end\nlog:\n"), id="document-end-and-comment"),
        pytest.param(_indent_header, id="header-indented"),
        pytest.param(lambda t: t.replace("\nseed:", "\nseed: [1,\n"), id="header-unclosed"),
        pytest.param(lambda t: t.replace("\nseed:", '\nseed: "1\n'), id="header-open-quote"),
        pytest.param(lambda t: t.replace("\nseed:", "\nseed: &a\n"), id="an-anchor-left-open"),
        pytest.param(lambda t: t.replace(" pass ", " pa\\u0073s ", 1), id="an-escape-in-an-entry"),
        pytest.param(lambda t: t.replace(" pass ", " pässe ", 1), id="non-ascii-in-an-entry"),
        pytest.param(lambda t: t.replace("\n", "\r\n"), id="crlf"),
        pytest.param(lambda t: t + "# the end\n", id="a-comment-after"),
        pytest.param(lambda t: t + "\n", id="a-blank-line-after"),
        pytest.param(lambda t: t.rstrip("\n"), id="no-final-newline"),
        pytest.param(lambda t: t + "extra: 1\n", id="a-key-after-the-log"),
        pytest.param(lambda t: t.replace('  - "', '  -  "', 1), id="another-indent"),
        pytest.param(lambda t: t.replace('  - "', "  - '", 1), id="a-single-quote"),
        pytest.param(lambda t: t.replace("\nlog:\n", "\nlog:\n\n"), id="a-blank-line-before-the-log"),
        pytest.param(lambda t: t.replace("\nformat: 2\n", "\nformat: !!str 2\n"), id="a-tag-in-the-header"),
        pytest.param(lambda t: t.replace("\nformat: 2\n", "\nformat: !x 2\n"), id="an-unknown-tag"),
        pytest.param(lambda t: t.replace("\nseed:", "\nseed: \x07\nx:"), id="a-control-character"),
        pytest.param(lambda t: t[t.index("\nlog:") + 1 :], id="no-header"),
        pytest.param(lambda t: "\ufeff" + t, id="a-byte-order-mark"),
    ],
)
def test_a_save_changed_anywhere_reads_as_the_yaml_reader_reads_it(text: str, change: Any) -> None:
    changed = change(text)
    assert changed != text
    got, want = both(changed.encode())
    assert got == want


def test_the_budget_of_values_counts_the_log_as_the_yaml_reader_does(text: str) -> None:
    data = text.encode()
    low, high = 1, BUDGET  # the fewest values the YAML reader reads this save with
    while low < high:
        middle = (low + high) // 2
        low, high = (low, middle) if _uses(data, middle) else (middle + 1, high)
    fits = low
    for budget in (fits - 1, fits, fits + 1):
        got, want = both(data, budget)
        assert got == want
    assert both(data, fits - 1)[1][1]  # one value fewer is refused, by both


def _uses(data: bytes, budget: int) -> bool:
    report = Report("s")
    parse_yaml(data, report, budget, controls=True)
    return not report.items


@settings(max_examples=150, deadline=None, database=None)
@given(st.data())
@example(data=None)
def test_a_save_with_any_character_put_anywhere_reads_as_the_yaml_reader_reads_it(text: str, data: Any) -> None:
    if data is None:
        where, char = len(text) - 3, '"'
    else:
        where = data.draw(st.integers(0, len(text)))
        char = data.draw(st.sampled_from(['"', "\\", "#", " ", "\n", "-", ":", "'", "\t", "é", "\x00", "x", "..."]))
    got, want = both((text[:where] + char + text[where:]).encode())
    assert got == want


# --- one line ---------------------------------------------------------------------------------

HASH = "#" + "0" * 64
PIECES = st.sampled_from(
    [
        *("1", "2", "10", "007", "red", "blue", "propose", "respond", "pass", "meet", "to=blue", "accept=yes"),
        *("proposal=1", "prisoners:some", "issue=truce", "option=pause", "other=red", "tone=hardline", "=", ":"),
        *("a=b", "#", "#x", "a#b", "\u00b2", "\u0661", "1\u00b2", "é", HASH, "#" + "A" * 64, "#" + "0" * 65),
        *(" ", "  ", "\t", "\u00a0", "1234567890"),
    ]
)


def _read(reader: Any, line: str) -> Any:
    try:
        got = reader(line)
    except EntryError as exc:
        return ("refused", str(exc))
    return ("read", got.turn, got.round, got.action, got.hash) if hasattr(got, "turn") else ("read", *got)


@settings(max_examples=600, deadline=None, database=None)
@given(st.lists(PIECES, max_size=9), st.sampled_from([" ", ""]), st.sampled_from([HASH, "#" + "ab" * 32, "", "#"]))
@example(["12", "3", "red", "respond", "proposal=4", "accept=yes"], " ", HASH)
@example(["1", "1", "red", "pass", "#x"], " ", HASH)
@example(["1", "1", "#red", "pass"], " ", HASH)
def test_read_line_reads_what_parse_entry_reads(pieces: list[str], space: str, tail: str) -> None:
    line = " ".join(pieces) + space + tail
    assert _read(read_line, line) == _read(parse_entry, line)


def test_read_line_reads_a_written_line_and_refuses_a_bad_one_as_parse_entry_does(game: Session) -> None:
    for entry in game.log:
        assert read_line(format_entry(entry)) == (entry.turn, entry.round, entry.action, entry.hash)
    for bad in (f"1 1 red dance {HASH}", f"1 1 red respond proposal=x accept=yes {HASH}", "1 1 red pass"):
        with pytest.raises(EntryError) as fast:
            read_line(bad)
        with pytest.raises(EntryError) as slow:
            parse_entry(bad)
        assert str(fast.value) == str(slow.value)


# --- the log's form, told by counting -------------------------------------------------------------

# the log as the writer writes it, to the end of the file, one quoted entry a line, nothing in an
# entry special (printable ASCII but the quote and the backslash): what _log_entries must read
_LOG = re.compile(rb'(?:  - "[ !#-\[\]-~]*"\n)+')

LOG_PIECES = st.sampled_from(
    [b'  - "', b'"\n', b"x", b"12 3 red pass #", b" ", b'"', b"\\", b"\n", b"-", b"\t", b"\x7f", b"\xc3\xa9", b"~", b""]
)


@settings(max_examples=800, deadline=None, database=None)
@given(st.lists(LOG_PIECES, max_size=14))
@example([b'  - "', b'"\n'])
@example([b'  - "', b'"\n', b'  - "', b"x", b'"\n'])
@example([b'  - "', b"\n", b'  - "', b'"', b'"\n'])
@example([b'  - "', b"\n"])
@example([b'  - "', b'"', b'"\n', b'  - "', b"\n"])
def test_the_log_is_told_by_splitting_as_the_pattern_tells_it(pieces: list[bytes]) -> None:
    """_log_entries, which splits between items and deletes the bytes an entry may hold, reads
    exactly the tails the writer's pattern matches, and their entries as the lines' values."""
    tail = b"".join(pieces)
    entries = _log_entries(tail)
    assert (entries is not None) == (_LOG.fullmatch(tail) is not None)
    if entries is not None:
        assert entries == [line[5:-1] for line in tail.decode("ascii").split("\n")[:-1]]


def test_a_long_log_as_written_is_told_by_splitting(text: str) -> None:
    tail = text.encode().split(b"\nlog:\n")[1]
    entries = _log_entries(tail)
    assert entries is not None and _LOG.fullmatch(tail) is not None and len(entries) > 20
    assert _log_entries(tail.replace(b'"\n', b'" \n', 1)) is None  # a byte after an item's closing quote
    assert _log_entries(tail[:-1]) is None  # cut short


# --- a whole log, by its lines' middles -------------------------------------------------------------


def _line_by_line(lines: list[Any]) -> list[tuple[int, int, Any, str]] | None:
    """What reading each line with read_line gives, turns checked; None where that refuses."""
    read = []
    for k, line in enumerate(lines):
        if not isinstance(line, str):
            return None
        try:
            got = read_line(line)
        except EntryError:
            return None
        if got[0] != k + 1:
            return None
        read.append(got)
    return read


def _check_log(lines: list[Any]) -> bool:
    """read_log reads the log as read_line reads its lines, or leaves it to them; True if it read it."""
    got = read_log(lines)
    want = _line_by_line(lines)
    if got is None:
        # it leaves to read_line only a log that is not wholly as written (a turn such as "02"
        # reads as 2, but is not how the game writes it)
        written = all(_LINE.fullmatch(line) and line.startswith(f"{k} ") for k, line in enumerate(lines, 1))
        assert want is None or not written
        return False
    assert want is not None
    assert list(zip(range(1, len(lines) + 1), got.rounds, got.actions, got.hashes, strict=True)) == want
    return True


@pytest.fixture(scope="module")
def lines(game: Session) -> list[str]:
    return [format_entry(entry) for entry in game.log]


def test_a_log_as_written_is_read_whole_the_same_first_and_again(lines: list[str]) -> None:
    _MIDDLES.clear()
    assert _check_log(lines)  # every middle read by the pattern
    assert _MIDDLES
    assert _check_log(lines)  # every middle known


def test_a_known_middle_reads_with_each_lines_own_turn_and_hash(lines: list[str]) -> None:
    h1, h2 = "1" * 64, "ab" * 32
    log = [f"1 2 red respond proposal=4 accept=yes #{h1}", f"2 2 red respond proposal=4 accept=yes #{h2}"]
    got = read_log(log)
    assert got is not None
    assert got.hashes == [h1, h2] and got.rounds == [2, 2] and got.actions[0] is got.actions[1]
    other = read_log([f"1 3 red respond proposal=4 accept=yes #{h1}"])  # another round: another middle
    assert other is not None and other.rounds == [3]
    for bad in (
        f"2 2 red respond proposal=4 accept=yes #{h2.upper()}",  # upper-case digits
        f"2 2 red respond proposal=4 accept=yes #{'g' * 64}",  # not hex
        f"2 2 red respond proposal=4 accept=yes #{h1[:-1]}",  # a digit short
        f"2 2 red respond proposal=4 accept=yes #{h1}0",  # a digit over
        f"3 2 red respond proposal=4 accept=yes #{h1}",  # the wrong turn
        f"02 2 red respond proposal=4 accept=yes #{h1}",  # the turn written otherwise
        f"2  2 red respond proposal=4 accept=yes #{h1}",  # two spaces
        f"2 2 red respond proposal=4 accept=yes  #{h1}",
        f"2 2 red respond proposal=4 accept=yes #{h1} ",
        f"2 2 red respond proposal=4 accept=yes #\u0661{h1[1:]}",
        "2 2 red respond proposal=4 accept=yes #" + "\u0661" * 64,  # non-ASCII digits
        f"2 2 red respond proposal=4 accept=yes{h1}",
        f"2 2 red dance #{h1}",
    ):
        assert read_log([log[0], bad]) is None, bad
        _check_log([log[0], bad])


_CHANGES = ["0", "1", "9", "a", "f", "A", "g", " ", "  ", "#", " #", ":", "=", "", "\u0661", "\u00b2", "\t"]


@settings(max_examples=400, deadline=None, database=None)
@given(st.data())
def test_a_log_changed_anywhere_reads_as_its_lines_read(lines: list[str], data: Any) -> None:
    log = list(lines[:12])
    for _ in range(data.draw(st.integers(1, 3))):
        k = data.draw(st.integers(0, len(log) - 1))
        line = log[k]
        where = data.draw(st.integers(0, len(line)))
        cut = data.draw(st.integers(0, 2))
        log[k] = line[:where] + data.draw(st.sampled_from(_CHANGES)) + line[where + cut :]
    if data.draw(st.booleans()):
        _MIDDLES.clear()  # every middle read afresh, or (as left by the last example) known
    _check_log(log)
    _check_log(log)


def test_what_read_log_knows_is_bounded(lines: list[str]) -> None:
    from game.saves import codec

    _MIDDLES.clear()
    for k in range(codec._MIDDLES_KEPT + 10):
        assert read_log([f"1 {k} red pass #{'0' * 64}"]) is not None
    assert len(_MIDDLES) <= codec._MIDDLES_KEPT
    assert _check_log(lines)


def test_a_long_middle_is_read_but_not_kept() -> None:
    """A line longer than any the bundled scenarios write (a hostile file, or a very large
    agenda) reads as any other, but its middle is not kept: the table counts entries, so long
    texts must not fill it (review rev28b)."""
    h = "2" * 64
    long_id = "x" * 2000
    line = f"1 1 {long_id} respond proposal=4 accept=yes #{h}"
    _MIDDLES.clear()
    got = read_log([line])
    assert got is not None and got.hashes == [h]
    assert not _MIDDLES
    short = f"1 1 red respond proposal=4 accept=yes #{h}"
    assert read_log([short]) is not None and len(_MIDDLES) == 1
