"""Bad saves: every one is a SaveLoadError in one line naming the file, and is left untouched."""

from __future__ import annotations

import contextlib
import hashlib
import random
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from game.saves import SaveLoadError, Session, load, save, save_text
from game.saves import read as read_module
from game.saves.codec import EntryError, format_entry, parse_entry
from tests.saves.helpers import (
    V1_FIXTURE,
    assert_same_game,
    error_line,
    finished,
    log_lines,
    scenario_file,
)


@pytest.fixture(scope="module")
def big_game() -> Session:
    return finished("astana-8", 7)


@pytest.fixture(scope="module")
def mini_game() -> Session:
    return finished("mini", 3)


def write(tmp_path: Path, content: str | bytes, name: str = "bad.yaml") -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(content)
    return path


def refused(path: Path, *, line: int | None = None, says: str | None = None) -> str:
    """Load a bad save: SaveLoadError, one line starting with the file (and the line, if given),
    and the file exactly as it was. Returns the message."""
    before = path.read_bytes() if path.is_file() else None
    mtime = path.stat().st_mtime_ns if path.exists() else None
    try:
        load(path)
    except SaveLoadError as exc:
        message = str(exc)
    else:
        raise AssertionError(f"{path} loaded, but it is a bad save")
    assert "\n" not in message and "Traceback" not in message, message
    assert message.startswith(f"{path}:"), message
    if line is not None:
        assert error_line(message, path) == line, message
    if says is not None:
        assert re.search(says, message, re.IGNORECASE), message
    if before is not None:
        assert path.read_bytes() == before, "loading changed the file"
    if mtime is not None:
        assert path.stat().st_mtime_ns == mtime
    return message


def outcome_of_load(path: Path, want: Session) -> str:
    """'equal' or 'refused' for a damaged save; anything else fails the test."""
    before = path.read_bytes()
    try:
        got = load(path)
    except SaveLoadError as exc:
        assert "\n" not in str(exc) and str(exc).startswith(f"{path}:"), str(exc)
        result = "refused"
    else:
        assert_same_game(got, want, name=False)  # a flipped name is harmless: it is only a label
        result = "equal"
    assert path.read_bytes() == before
    return result


# --- damaged files ------------------------------------------------------------------------


def test_a_save_truncated_anywhere_is_refused(tmp_path: Path, big_game: Session) -> None:
    data = save_text(big_game).encode("utf-8")
    cuts = {len(data) * k // 40 for k in range(40)}
    lines, start = log_lines(data.decode("utf-8"))
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line.encode("utf-8")) + 1)
    for k in range(start, len(lines) - 1, 7):  # within the log: at a line end, mid-line, mid-hash
        cuts |= {offsets[k + 1], offsets[k + 1] - 1, offsets[k] + 5, offsets[k + 1] - 20}
    cuts |= {len(data) - 2, len(data) - 3}
    for cut in sorted(c for c in cuts if c < len(data) - 1):
        path = write(tmp_path, data[:cut], f"cut-{cut}.yaml")
        refused(path)
    # only the final newline gone, or nothing: the save is whole
    assert_same_game(load(write(tmp_path, data[:-1], "no-newline.yaml")), big_game)
    assert_same_game(load(write(tmp_path, data, "whole.yaml")), big_game)


def test_a_truncated_log_entry_names_its_line(tmp_path: Path, big_game: Session) -> None:
    text = save_text(big_game)
    lines, start = log_lines(text)
    k = start + 10
    damaged = [*lines[:k], lines[k][:-30] + '"']
    refused(write(tmp_path, "\n".join(damaged) + "\n"), line=k + 1, says="log entry 11")


def test_single_flipped_bytes_either_load_equal_or_are_refused(tmp_path: Path, mini_game: Session) -> None:
    data = save_text(mini_game).encode("utf-8")
    rng = random.Random(1712)
    results = {"equal": 0, "refused": 0}
    for _ in range(250):
        position = rng.randrange(len(data))
        damaged = bytearray(data)
        damaged[position] ^= 1 << rng.randrange(8)
        results[outcome_of_load(write(tmp_path, bytes(damaged)), mini_game)] += 1
    assert results["refused"] > 150, results


def test_flipped_bytes_in_the_log_are_refused(tmp_path: Path, big_game: Session) -> None:
    text = save_text(big_game)
    data = text.encode("utf-8")
    start = data.index(b"\nlog:\n") + 6
    rng = random.Random(2018)
    for _ in range(60):
        position = rng.randrange(start, len(data) - 1)
        if data[position : position + 1] in (b" ", b"\n"):
            continue  # whitespace may legitimately change the layout, not the game
        damaged = bytearray(data)
        damaged[position] ^= 1 << rng.randrange(7)
        outcome_of_load(write(tmp_path, bytes(damaged)), big_game)


# --- hand edits ---------------------------------------------------------------------------


def edit_log(text: str, k: int, new_line: str) -> str:
    lines, start = log_lines(text)
    lines[start + k] = new_line
    return "\n".join(lines)


def test_a_changed_answer_diverges_at_its_turn(tmp_path: Path, big_game: Session) -> None:
    text = save_text(big_game)
    _, start = log_lines(text)
    k, entry = next((k, e) for k, e in enumerate(big_game.log) if e.action.kind == "respond" and k > 3)
    changed = type(entry.action)(entry.action.actor, entry.action.proposal, not entry.action.accept)
    edited = edit_log(text, k, f'  - "{format_entry(type(entry)(entry.turn, entry.round, changed, entry.hash))}"')
    refused(write(tmp_path, edited), line=start + k + 1, says=rf"turn {entry.turn} (diverges|cannot be replayed)")


def test_a_changed_option_diverges_or_cannot_be_replayed_at_its_line(tmp_path: Path, big_game: Session) -> None:
    scenario, _ = scenario_file("astana-8")
    text = save_text(big_game)
    _, start = log_lines(text)
    k, entry = next((k, e) for k, e in enumerate(big_game.log) if e.action.kind == "propose" and k > 5)
    issue, option = entry.action.package[0]
    options = [o.id for o in scenario.issues[scenario.issue_index[issue]].options]
    for other in [o for o in options if o != option] + ["no_such_option"]:
        package = ((issue, other), *entry.action.package[1:])
        changed = type(entry.action)(entry.action.actor, package, entry.action.to)
        line = f'  - "{format_entry(type(entry)(entry.turn, entry.round, changed, entry.hash))}"'
        path = write(tmp_path, edit_log(text, k, line), f"option-{other}.yaml")
        refused(path, line=start + k + 1, says=rf"turn {entry.turn} (diverges|cannot be replayed)")


def test_a_changed_hash_diverges(tmp_path: Path, big_game: Session) -> None:
    text = save_text(big_game)
    lines, start = log_lines(text)
    k = 33
    digest = big_game.log[k].hash
    new_digest = ("0" if digest[0] != "0" else "1") + digest[1:]
    edited = edit_log(text, k, lines[start + k].replace(digest, new_digest))
    refused(write(tmp_path, edited), line=start + k + 1, says=rf"turn {k + 1} diverges")


@pytest.mark.parametrize("where", ["first", "second", "last"])
def test_a_changed_hash_diverges_at_its_own_turn_anywhere_in_the_log(
    tmp_path: Path, big_game: Session, where: str
) -> None:
    # the load's loop compares each turn's hash before it logs the turn: the first entry, the
    # second (after a turn that verified) and the last are refused at their own line and turn
    text = save_text(big_game)
    lines, start = log_lines(text)
    k = {"first": 0, "second": 1, "last": len(big_game.log) - 1}[where]
    digest = big_game.log[k].hash
    new_digest = digest[:-1] + ("0" if digest[-1] != "0" else "1")
    edited = edit_log(text, k, lines[start + k].replace(digest, new_digest))
    refused(write(tmp_path, edited), line=start + k + 1, says=rf"turn {k + 1} diverges")


@pytest.mark.parametrize("k", [0, 5, 60])
def test_a_removed_log_entry_is_refused_at_its_line(tmp_path: Path, big_game: Session, k: int) -> None:
    lines, start = log_lines(save_text(big_game))
    del lines[start + k]
    refused(write(tmp_path, "\n".join(lines)), line=start + k + 1, says="missing or out of order")


@pytest.mark.parametrize("k", [0, 5, 60])
def test_a_duplicated_log_entry_is_refused_at_its_line(tmp_path: Path, big_game: Session, k: int) -> None:
    lines, start = log_lines(save_text(big_game))
    lines.insert(start + k, lines[start + k])
    refused(write(tmp_path, "\n".join(lines)), line=start + k + 2, says="missing or out of order")


def test_a_removed_entry_with_the_rest_renumbered_is_refused(tmp_path: Path, big_game: Session) -> None:
    log = list(big_game.log)
    del log[40]
    renumbered = [type(e)(n + 1, e.round, e.action, e.hash) for n, e in enumerate(log)]
    lines, start = log_lines(save_text(big_game))
    lines[start : start + len(big_game.log)] = [f'  - "{format_entry(e)}"' for e in renumbered]
    refused(write(tmp_path, "\n".join(lines)), line=start + 41, says="turn 41 (diverges|cannot be replayed)")


def test_the_last_entry_removed_from_a_finished_game_is_refused(tmp_path: Path, big_game: Session) -> None:
    lines, start = log_lines(save_text(big_game))
    del lines[start + len(big_game.log) - 1]
    refused(write(tmp_path, "\n".join(lines)), says="outcome")


def test_an_entry_after_the_end_of_the_game_is_refused(tmp_path: Path, mini_game: Session) -> None:
    lines, start = log_lines(save_text(mini_game))
    n = len(mini_game.log)
    extra = f'  - "{n + 1} 4 red pass #{mini_game.log[-1].hash}"'
    lines.insert(start + n, extra)
    refused(write(tmp_path, "\n".join(lines)), line=start + n + 1, says=f"turn {n + 1}")


@pytest.mark.parametrize(
    "turn",
    ["\u00b2", "1\u00b2", "\u0661", "\u0663", "\u2082", "\u216b", "-1", "+1", "1.0", "0x1", "1_0"],
)
def test_odd_numbers_in_a_log_entry_are_refused_at_their_line(tmp_path: Path, mini_game: Session, turn: str) -> None:
    """Only ASCII digits are numbers here: str.isdigit() is true for a superscript two, yet int()
    fails on it, and Arabic-Indic digits would be read as numbers the text does not show."""
    lines, start = log_lines(save_text(mini_game))
    k = 2
    entry = mini_game.log[k]
    words = format_entry(entry).split(" ")
    for position in (0, 1):  # the turn, then the round
        edited = list(words)
        edited[position] = turn
        lines_ = list(lines)
        lines_[start + k] = '  - "' + " ".join(edited) + '"'
        refused(write(tmp_path, "\n".join(lines_), f"n{position}.yaml"), line=start + k + 1)


def test_a_wrong_round_number_is_refused_at_its_line(tmp_path: Path, big_game: Session) -> None:
    """The round column is part of the entry: a save that states the wrong round is not the
    game it claims to be, even though the actions and hashes replay."""
    text = save_text(big_game)
    k = 70
    entry = big_game.log[k]
    wrong = type(entry)(entry.turn, entry.round + 1, entry.action, entry.hash)
    edited = edit_log(text, k, f'  - "{format_entry(wrong)}"')
    _, start = log_lines(text)
    refused(write(tmp_path, edited), line=start + k + 1, says="round")


@pytest.mark.parametrize("number", ["\u00b2", "\u0661", "-1", "1.5", "1234567890123"])
def test_odd_proposal_numbers_are_refused(tmp_path: Path, mini_game: Session, number: str) -> None:
    lines, start = log_lines(save_text(mini_game))
    k = next(k for k, e in enumerate(mini_game.log) if e.action.kind == "respond")
    lines[start + k] = re.sub(r"proposal=\d+", f"proposal={number}", lines[start + k])
    refused(write(tmp_path, "\n".join(lines)), line=start + k + 1)


@settings(max_examples=400, deadline=None, database=None)
@given(st.text(max_size=200))
@example("\u00b2 1 red pass #" + "0" * 64)
@example("1 1 red respond proposal=\u00b2 accept=yes #" + "0" * 64)
@example("1 1 red pass #" + "0" * 64)
def test_parse_entry_reads_an_entry_or_raises_entry_error(line: str) -> None:
    try:
        entry = parse_entry(line)
    except EntryError:
        return
    assert parse_entry(format_entry(entry)) == entry


WORDS = st.sampled_from(
    [
        *("1", "2", "10", "red", "blue", "propose", "respond", "pass", "meet", "to=blue", "accept=yes", "proposal=1"),
        *("prisoners:some", "issue=truce", "option=pause", "other=red", "tone=hardline", "=", ":", "a=b", "#"),
        *("\u00b2", "\u0661", "proposal=\u00b2", "1\u00b2"),
    ]
)


@settings(max_examples=400, deadline=None, database=None)
@given(st.lists(WORDS, max_size=8), st.sampled_from(["#" + "a" * 64, "#" + "0" * 63, "", "#"]))
def test_parse_entry_on_entry_like_words(words: list[str], tail: str) -> None:
    with contextlib.suppress(EntryError):
        parse_entry(" ".join([*words, tail]))


# --- the header ---------------------------------------------------------------------------


def test_a_newer_format_is_refused_as_newer(tmp_path: Path, mini_game: Session) -> None:
    text = save_text(mini_game)
    assert "\nformat: 2\n" in text
    path = write(tmp_path, text.replace("\nformat: 2\n", "\nformat: 3\n"))
    refused(path, line=3, says="newer")


@pytest.mark.parametrize(
    "value", ["0", "-1", "1", '"2"', "two", "true", "2.0", "~", "[2]", "{a: 1}", "99999999999999999999999"]
)
def test_an_unknown_or_invalid_format_is_refused(tmp_path: Path, mini_game: Session, value: str) -> None:
    text = save_text(mini_game).replace("\nformat: 2\n", f"\nformat: {value}\n")
    refused(write(tmp_path, text), line=3, says="format")


def test_a_save_without_a_format_is_refused(tmp_path: Path, mini_game: Session) -> None:
    # it said "unknown save format None"
    message = refused(write(tmp_path, save_text(mini_game).replace("\nformat: 2\n", "\n")))
    assert message.endswith(": not a saved game: it has no 'format' field (the version of the save format)"), message
    assert "None" not in message


def test_an_edited_scenario_without_its_hash_is_refused(tmp_path: Path, mini_game: Session) -> None:
    text = save_text(mini_game)
    assert "    title: Mini talks\n" in text
    edited = text.replace("    title: Mini talks\n", "    title: Maxi talks\n")
    refused(write(tmp_path, edited), line=8, says="does not match its hash")


def test_a_save_cut_short_inside_its_scenario_is_said_to_be_cut(tmp_path: Path, mini_game: Session) -> None:
    """A tester's save cut at 3,000 bytes was said to be edited: a file that ends inside its
    embedded scenario (nothing written after it is there) is said to be cut short; a scenario
    edited in a whole file is still said to be edited."""
    text = save_text(mini_game)
    start = text.index("  text: ")
    end = text.index("\nseed:")
    for cut in (start + 200, (start + end) // 2, end - 5):
        message = refused(write(tmp_path, text[:cut], f"cut-{cut}.yaml"), line=8, says="it was cut short")
        assert "edited" not in message
    edited = text.replace("    title: Mini talks\n", "    title: Maxi talks\n")
    assert "cut short" not in refused(write(tmp_path, edited), line=8, says="edited or damaged")


def test_an_invalid_embedded_scenario_with_a_valid_hash_is_refused(tmp_path: Path, mini_game: Session) -> None:
    text = save_text(mini_game)
    old_hash = mini_game.scenario.content_hash
    edited = text.replace("    id: mini\n", "    id: Not An Id!\n", 1).replace("    collapse_support: 10\n", "")
    embedded = yaml.safe_load(edited)["scenario"]["text"]
    assert embedded != mini_game.source.decode()
    edited = edited.replace(old_hash, hashlib.sha256(embedded.encode("utf-8")).hexdigest())
    message = refused(write(tmp_path, edited), line=8, says="embedded scenario is invalid")
    assert "line 3" in message, message  # and it says where in the scenario


def test_an_embedded_scenario_that_is_not_yaml_is_refused(tmp_path: Path, mini_game: Session) -> None:
    text = save_text(mini_game)
    edited = text.replace("    title: Mini talks\n", "    title: [unclosed\n")
    embedded = yaml.safe_load(edited)["scenario"]["text"]
    edited = edited.replace(mini_game.scenario.content_hash, hashlib.sha256(embedded.encode()).hexdigest())
    refused(write(tmp_path, edited), line=8, says="embedded scenario is invalid")


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ("  blue: ai:normal\n", "  green: ai:normal\n", "'green'"),
        ("  blue: ai:normal\n", "", "'blue'"),
        ("  blue: ai:normal\n", "  blue: ai:normal\n  green: human\n", "'green'"),
        ("  blue: ai:normal\n", "  blue: ai:genius\n", "ai:genius"),
        ("  blue: ai:normal\n", "  blue: [human]\n", "blue"),
    ],
)
def test_seats_that_do_not_fit_the_scenario_are_refused(
    tmp_path: Path, mini_game: Session, old: str, new: str, says: str
) -> None:
    text = save_text(mini_game)
    assert old in text
    refused(write(tmp_path, text.replace(old, new)), says=says)


def test_an_outcome_that_does_not_match_the_replay_is_refused(tmp_path: Path, mini_game: Session) -> None:
    text = save_text(mini_game)
    result = mini_game.state.outcome
    lines = text.split("\n")
    k = lines.index(f"  result: {result}")
    for other in {"agreement", "partial", "no_deal", "collapse", "running"} - {result}:
        lines[k] = f"  result: {other}"
        message = refused(write(tmp_path, "\n".join(lines), f"{other}.yaml"), line=k + 1, says="outcome")
        assert other in message


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("seed: 3\n", "seed: three\n"),
        ("seed: 3\n", "seed: 3.5\n"),
        ("seed: 3\n", "seed: true\n"),
        ("seed: 3\n", ""),
        ("  name: mini\n", "  name: [mini]\n"),
        ("log:\n", "log: 5\nold_log:\n"),
        ('  - "1 ', '  - [1]\n  - "1 '),
    ],
)
def test_fields_of_the_wrong_kind_are_refused(tmp_path: Path, mini_game: Session, old: str, new: str) -> None:
    text = save_text(mini_game)
    assert old in text
    refused(write(tmp_path, text.replace(old, new, 1)))


@pytest.mark.parametrize(
    ("seed", "says"),
    [
        ("-5", "got -5"),
        (str(2**63), f"got {2**63}"),
        (str(10**40), "got a number of 41 digits"),
        ("9" * 4000, "got a number of 4000 digits"),
        ("9" * 5000, "got a number of 5000 digits"),
        ("0x" + "f" * 4000, "got a number of 4002 digits"),
    ],
    ids=["negative", "2^63", "10^40", "4000-digits", "5000-digits", "hex"],
)
def test_a_seed_out_of_range_is_refused_at_its_line(tmp_path: Path, mini_game: Session, seed: str, says: str) -> None:
    """The command line takes seeds 0..2^63-1; a save edited to -5, 2^63 or 4,000 digits loaded
    (and `watch --load --spoiler` printed every digit), 5,000 digits quoted every one back."""
    text = save_text(mini_game)
    line = text[: text.index("\nseed: 3\n") + 1].count("\n") + 1
    message = refused(write(tmp_path, text.replace("\nseed: 3\n", f"\nseed: {seed}\n", 1)), line=line)
    assert message.endswith(f": the seed lies in 0..2^63-1, {says}"), message
    assert len(message) < 200


def test_a_changed_seed_is_named_where_the_first_turn_diverges(tmp_path: Path, big_game: Session) -> None:
    """A tester who changed `seed: 7` to 8 was pointed at the log's first entry, with no word of
    the seed: the first turn's state is the first to hold what the seed drew."""
    text = save_text(big_game)
    seed_line = text[: text.index(f"\nseed: {big_game.seed}\n") + 1].count("\n") + 1
    edited = text.replace(f"\nseed: {big_game.seed}\n", f"\nseed: {big_game.seed + 1}\n", 1)
    message = refused(write(tmp_path, edited), says=r"turn 1 diverges")
    assert f"(the seed (line {seed_line}) or this entry was edited, " in message, message
    # a later turn's divergence is not put on the seed
    lines, start = log_lines(text)
    digest = big_game.log[4].hash
    edited = edit_log(text, 4, lines[start + 4].replace(digest, ("0" if digest[0] != "0" else "1") + digest[1:]))
    message = refused(write(tmp_path, edited), says=r"turn 5 diverges")
    said = message.removeprefix(f"{tmp_path / 'bad.yaml'}:")
    assert "(the save was edited, or written by an incompatible version)" in said and "seed" not in said, message


def test_the_highest_seed_loads(tmp_path: Path) -> None:
    game = finished("mini", 2**63 - 1)
    assert load(save(game, tmp_path, "top")).state.seed == 2**63 - 1


# --- not saves at all ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"   \n\n",
        b"\x00" * 100,
        bytes(range(256)) * 4,
        random.Random(5).randbytes(5000),
        b"\xef\xbb\xbf",
        b"\xff\xfe" + "format: 2\n".encode("utf-16-le"),
        b"- a\n- list\n",
        b"just a string\n",
        b"~\n",
        b"42\n",
        b"{}\n",
        b"format: 2\n",
        b"[" * 10_000,
        b"key: [unclosed\n",
        b"!!python/object/apply:os.system ['echo pwned']\n",
        b"format: !!python/name:os.system 2\n",
    ],
    ids=lambda c: repr(c[:20]),
)
def test_files_that_are_not_saves_are_refused(tmp_path: Path, content: bytes) -> None:
    refused(write(tmp_path, content))


def test_a_save_with_a_nul_byte_is_refused(tmp_path: Path, mini_game: Session) -> None:
    text = save_text(mini_game)
    refused(write(tmp_path, text[:500] + "\x00" + text[500:]))


@pytest.mark.parametrize("parser", ["SafeLoader", "CSafeLoader"])
@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("\nseed: 3\n", "\nseed:\t3\n"),
        ("\n  red: ai:normal\n", "\n  red:\tai:normal\n"),
        ('\n  3: "rejected:', '\n  3:\t"rejected:'),
        ("\n  result: agreement\n", "\n  result: agreement\t# by hand\n"),
    ],
    ids=["header", "seats", "reasons", "before-a-comment"],
)
def test_a_tab_yaml_safe_load_refuses_is_refused_in_a_save_at_the_tab(
    tmp_path: Path, mini_game: Session, monkeypatch: pytest.MonkeyPatch, parser: str, old: str, new: str
) -> None:
    """A hand-edited save with `seed:<tab>3` loaded, read by the C parser (YAML 1.2 allows the
    tab), where yaml.safe_load refuses the file; a scenario file with the same tab is refused at
    it. A save is now refused as a scenario is, in one line at the tab's line and column, by
    either parser, and the file is left as it was."""
    from game.saves.catalog import read_info
    from game.scenario import yamlread

    if not hasattr(yaml, parser):
        pytest.skip(f"PyYAML without its {parser}")
    monkeypatch.setattr(yamlread, "SAFE_LOADER", getattr(yaml, parser))
    text = save_text(mini_game)
    assert text.count(old) == 1
    text = text.replace(old, new)
    with pytest.raises(yaml.YAMLError):
        yaml.safe_load(text)
    at = text.index("\t")
    line, column = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
    path = write(tmp_path, text)
    message = refused(path, line=line)
    assert message == (
        f"{path}:{line}:{column}: invalid YAML: a tab here: use spaces (YAML's safe loader, yaml.safe_load, "
        "and yamllint take a tab only inside quotes, in a block text or in a comment)"
    )
    assert read_info(path).problem.startswith("not a saved game: invalid YAML: a tab here: use spaces (YAML's safe")


def alias_bomb(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def test_a_yaml_alias_bomb_is_refused(tmp_path: Path, mini_game: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_module, "MAX_VALUES", 20_000)  # the real budget is counted below
    refused(write(tmp_path, alias_bomb()), says="alias")
    # and hidden inside an otherwise valid save
    text = save_text(mini_game).replace("\nseed: ", "\nextra:\n  " + alias_bomb().replace("\n", "\n  ") + "\nseed: ")
    refused(write(tmp_path, text, "hidden.yaml"), says="alias")


def test_a_yaml_alias_bomb_is_refused_within_a_budget_the_size_of_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 500-byte file should not cost seconds and hundreds of MB to refuse. A save never holds
    an anchor or an alias (save_text writes none), so the loader can afford a budget of values in
    proportion to its lines: counted here, not timed, so a loaded machine cannot fail it."""
    from game.scenario import yamlread

    seen = [0]
    convert = yamlread._convert

    def counting(*args: object, **kwargs: object) -> object:
        seen[0] += 1
        return convert(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(yamlread, "_convert", counting)
    bomb = alias_bomb()
    refused(write(tmp_path, bomb), says="alias")
    assert 0 < seen[0] <= 2 * bomb.count("\n") + 1000 + 1


def test_a_file_over_the_size_limit_is_refused(
    tmp_path: Path, mini_game: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = save_text(mini_game)
    monkeypatch.setattr(read_module, "MAX_BYTES", len(text.encode()) - 1)
    refused(write(tmp_path, text), says="larger than")
    monkeypatch.setattr(read_module, "MAX_BYTES", len(text.encode()))
    assert_same_game(load(write(tmp_path, text, "fits.yaml")), mini_game)


def test_a_directory_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.yaml"
    folder.mkdir()
    refused(folder, says="directory")


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    refused(tmp_path / "nowhere.yaml", says="no such file")
    assert not (tmp_path / "nowhere.yaml").exists()


# --- format 1 gone wrong --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ("humans:\n- blue\n", "humans:\n- purple\n", "'purple'"),
        ("humans:\n- blue\n", "humans: blue\n", "humans"),
        ("- envoy meet other=blue\n", "- 5\n", "action 2"),
        ("- envoy meet other=blue\n", "- envoy meet other=purple\n", "turn 2"),
        ("- envoy meet other=blue\n", "- envoy dance\n", "action 2"),
        ("seed: 3\n", "seed: x\n", "seed"),
        ("seed: 3\n", "seed: -5\n", "the seed lies in 0..2\\^63-1, got -5"),
        ("  name: mini\n", "  name: mini\n  extra: 1\n  text2: |\n    x\n", None),
    ],
)
def test_a_broken_format_1_save_is_refused(tmp_path: Path, old: str, new: str, says: str | None) -> None:
    text = V1_FIXTURE.read_text(encoding="utf-8")
    assert old in text
    path = write(tmp_path, text.replace(old, new, 1))
    if says is None:  # unknown keys in the scenario block are ignored: it still loads
        assert_same_game(load(path), load(V1_FIXTURE))
    else:
        refused(path, says=says)


def test_the_bad_saves_are_bad_only_by_their_edits(tmp_path: Path, mini_game: Session, big_game: Session) -> None:
    """The unedited saves the tests above start from do load, so each refusal is the edit's."""
    for game in (mini_game, big_game):
        assert_same_game(load(save(game, tmp_path, game.name)), game)


@pytest.mark.parametrize("content", ["~\n", "null\n", "--- ~\n"])
def test_a_save_holding_no_mapping_says_it_holds_no_saved_game(tmp_path: Path, content: str) -> None:
    """A save that is just `~` was "the file holds no scenario": it is a saved game we expected."""
    path = tmp_path / "nothing.yaml"
    path.write_text(content, encoding="utf-8")
    refused(path, says="the file holds no saved game: expected a mapping of keys")


@pytest.mark.parametrize(
    ("named", "says"),
    [("3", "'named_save' should be the path of a save"), ("''", "'named_save' should be the path of a save")],
)
def test_an_autosaves_named_save_is_read_and_held_to_being_a_path(
    tmp_path: Path, mini_game: Session, named: str, says: str
) -> None:
    """An autosave names the save the game keeps up to date (game.saves.write.save_text): read
    back as written; anything but a path is refused at its line, as any other damage is."""
    text = save_text(mini_game, tmp_path / "mine.yaml")
    assert load(write(tmp_path, text)).named_save == str(tmp_path / "mine.yaml")
    assert load(write(tmp_path, save_text(mini_game))).named_save == ""
    edited = text.replace(f"named_save: {tmp_path / 'mine.yaml'}\n", f"named_save: {named}\n")
    line = next(k for k, x in enumerate(edited.splitlines(), 1) if x.startswith("named_save:"))
    message = refused(write(tmp_path, edited), line=line)
    assert says in message, message


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ("reasons:\n", "reasonz:\n", "unknown key 'reasonz' in a save (did you mean 'reasons'?)"),
        ("log:\n", "garbage: 1\nlog:\n", "unknown key 'garbage' in a save"),
        ("  turns: ", "  turn: ", "unknown key 'turn' in the save's outcome (did you mean 'turns'?)"),
        ("  hash: ", "  hahs: ", "unknown key 'hahs' in the save's scenario (did you mean 'hash'?)"),
        ("  result: ", "  extra: 1\n  result: ", "unknown key 'extra' in the save's outcome"),
    ],
)
def test_a_key_a_save_does_not_hold_is_refused_at_its_line(
    tmp_path: Path, mini_game: Session, old: str, new: str, says: str
) -> None:
    """A misspelt `reasonz:` was read past: the save loaded without the AI's reasons, and a game
    continued from it would have saved without them (a tester's)."""
    text = save_text(mini_game)
    assert old in text and mini_game.reasons
    edited = text.replace(old, new, 1)
    key = says.split("'")[1]
    line = next(k for k, x in enumerate(edited.splitlines(), 1) if x.lstrip().startswith(f"{key}:"))
    message = refused(write(tmp_path, edited), line=line)
    assert message.endswith(says)
