"""Control characters in a scenario's text are refused at their line and column: a terminal would
take them as commands (issue 14). Names are one line; long texts may hold line breaks and tabs."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from game.safetext import first_control
from game.scenario.load import check_bytes
from game.scenario.schema import scenario_schema

MINI = (Path(__file__).resolve().parents[1] / "fixtures" / "mini.yaml").read_text(encoding="utf-8")
NAME_LINE = MINI.splitlines().index("  - id: red") + 2  # "    name: Red"

HOSTILE = {
    "ESC": "\x1b[5mblink",
    "OSC 8 hyperlink": "\x1b]8;;https://example.com\x07x\x1b]8;;\x07",
    "C1 CSI": "\x9b2J",
    "NUL": "a\x00b",
    "CR": "Red\rBlue",
    "DEL": "a\x7f",
    "BEL": "a\x07",
    "right-to-left override": "abc\u202edef",
    "line separator": "a\u2028b",
}


def with_name(name_yaml: str) -> str:
    return MINI.replace("    name: Red\n", f"    name: {name_yaml}\n", 1)


def errors(text: str) -> list[str]:
    scenario, diagnostics = check_bytes(text.encode("utf-8"), "s.yaml")
    found = [str(d) for d in diagnostics if d.severity == "error"]
    assert (scenario is None) == bool(found)
    return found


@pytest.mark.parametrize("value", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_control_character_written_as_an_escape_is_refused_at_the_text(value: str) -> None:
    found = errors(with_name(json.dumps(value)))  # a YAML double-quoted string with escapes
    assert len(found) == 1, found
    assert found[0].startswith(f"s.yaml:{NAME_LINE}:11: error: the text holds the control character U+")
    assert first_control(found[0]) is None, "the message itself is safe to print"


@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\u202a"])
def test_a_raw_control_character_is_refused_at_its_own_column(char: str) -> None:
    found = errors(with_name(f"Re{char}d"))
    assert len(found) == 1, found
    assert found[0].startswith(f"s.yaml:{NAME_LINE}:13: error: the text holds the control character U+{ord(char):04X}")


def test_keys_are_checked_too() -> None:
    found = errors(MINI.replace("format: 1\n", 'format: 1\n"x\\e[2J": 1\n'))
    assert any(":3:1: error: the text holds the control character U+001B (ESCAPE)" in e for e in found), found


@pytest.mark.parametrize("value", ['"Red\\nBlue"', '"Red\\tBlue"', "|\n      Red\n      Blue"])
def test_a_name_is_one_line(value: str) -> None:
    found = errors(with_name(value))
    assert len(found) == 1 and "in one line of text: names, labels and titles are one line" in found[0], found


def test_a_folded_name_loses_its_final_line_break_and_long_texts_keep_theirs() -> None:
    text = with_name(">\n      Red\n      delegation")
    text = text.replace(
        "summary: Two parties, a patron and an envoy negotiate two issues.",
        'summary: "Two parties\\n\\tand a patron."',
    )
    scenario, diagnostics = check_bytes(text.encode(), "s.yaml")
    assert scenario is not None, diagnostics
    assert scenario.delegations[0].name == "Red delegation"
    assert scenario.summary == "Two parties\n\tand a patron."


def test_arabic_direction_marks_are_text() -> None:
    scenario, diagnostics = check_bytes(
        with_name('"\u200f\u0627\u0644\u062d\u0643\u0648\u0645\u0629\u200e (Red)"').encode(), "s.yaml"
    )
    assert scenario is not None, diagnostics


@given(st.text(st.characters(max_codepoint=0xFFFF, exclude_categories=("Cs",)), max_size=12))
def test_any_name_loads_exactly_when_it_holds_no_control_character(name: str) -> None:
    """json.dumps writes any text as a YAML double-quoted string, every character escaped."""
    scenario, diagnostics = check_bytes(with_name(json.dumps(name)).encode(), "s.yaml")
    line = name.rstrip("\n")  # a final line break is dropped from a one-line text
    ok = bool(line.strip()) and first_control(line, one_line=True) is None
    assert (scenario is not None) == ok, diagnostics
    if scenario is not None:
        assert scenario.delegations[0].name == line


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    """The schema checked once and its validator built once for the module's tests
    (jsonschema.validate checks the schema itself again at every call: a tenth of a second)."""
    schema = scenario_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("value", [*HOSTILE.values(), "Red\nBlue"])
def test_the_json_schema_refuses_what_the_loader_refuses(
    validator: jsonschema.Draft202012Validator, value: str
) -> None:
    document = yaml.safe_load(MINI)
    document["delegations"][0]["name"] = value
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(document)
    document["delegations"][0]["name"] = "Red"
    document["summary"] = "Two lines\n\tof summary"
    validator.validate(document)


@pytest.mark.parametrize("char", ["\x85", "\u2028", "\u2029", "\r"])
@pytest.mark.parametrize("where", ["comment", "name"])
def test_a_raw_line_break_yaml_alone_reads_is_refused_where_it_stands(char: str, where: str) -> None:
    """NEXT LINE, the Unicode separators and a lone carriage return end a line for YAML and not
    in most editors: one in a comment on line 1 was reported as "did not find expected <document
    start>" fifteen lines on, and every line number after one was off (a tester's)."""
    if where == "comment":
        text, line, column = f"# a no{char}te\n" + MINI, 1, 7
    else:
        text, line, column = with_name(f"Re{char}d"), NAME_LINE, 13
    found = errors(text)
    assert len(found) == 1, found
    assert found[0].startswith(f"s.yaml:{line}:{column}: error: the character U+{ord(char):04X} (")
    assert "ends a line for YAML" in found[0] and first_control(found[0]) is None


def test_a_file_with_windows_or_old_mac_line_breaks_still_loads() -> None:
    assert errors(MINI.replace("\n", "\r\n")) == []
    assert errors(MINI.replace("\n", "\r")) == []  # every line ending in CR: an editor shows them so


def test_a_save_whose_scenario_holds_a_line_separator_still_loads_and_lists(tmp_path: Path) -> None:
    """The check is the scenario file's: a save keeps the file it was played from as it was, and
    a save of a scenario an earlier version took with a U+2028 in a comment was refused, and listed
    as not a saved game (a review's)."""
    from game.saves import Session, load, save
    from game.saves.catalog import read_info
    from tests.saves.helpers import play_on, seats_for

    # the file as an earlier version read it: a separator in a comment (a file read now refuses it)
    odd = ("# a note\u2028\n" + MINI).encode()
    assert errors(odd.decode()) != []
    scenario, diagnostics = check_bytes(odd, "earlier.yaml", embedded=True)  # as a save's is read
    assert scenario is not None, diagnostics
    session = play_on(Session.new(scenario, odd, 3, seats_for(scenario, "normal"), "mini"), 4)
    path = save(session, tmp_path, "odd")
    assert "\u2028" in path.read_text(encoding="utf-8")  # kept raw in the save, as the writer keeps text
    assert read_info(path).problem == ""
    assert load(path).source == odd
