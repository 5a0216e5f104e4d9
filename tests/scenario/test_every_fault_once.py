"""One run of validate reports every fault of a file, and each fault once.

Found by a scenario author: a value out of range in an issue, a delegation or a venue hid every
other fault of that same object (a misspelt reference beside it was only told after the range
was fixed), and an object whose own definition failed (an id that is not one, an option written
bare) made every reference to it an "unknown" error of its own, ten for one mistake.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.scenario.test_diagnostics import errors, first_line, load, mini_with, pos


def _errors(tmp_path: Path, *edits: tuple[str, str]) -> tuple[str, list[tuple[int, int, str]]]:
    text = mini_with(*edits)
    scenario, diagnostics, _ = load(tmp_path, text)
    assert scenario is None
    return text, [(d.line, d.column, d.message) for d in errors(diagnostics)]


def test_a_venue_value_out_of_range_does_not_hide_a_misspelt_signatory(tmp_path: Path) -> None:
    text, found = _errors(
        tmp_path, ("signatories: [red, blue]", "signatories: [red, bleu]"), ("rounds: 4", "rounds: 66")
    )
    assert found == [
        (*pos(text, "signatories: [red, bleu]", "bleu"), "unknown delegation 'bleu' (did you mean 'blue'?)"),
        (*pos(text, "rounds: 66", "66"), "66 is out of range: expected 1..50"),
    ]


def test_a_delegation_value_out_of_range_does_not_hide_its_other_faults(tmp_path: Path) -> None:
    text, found = _errors(
        tmp_path,
        ("support: 60", "support: 555"),
        ("prisoners: {weight: 1, values: {none: 1.0,", "prisoners: {weight: 1, values: {nnoe: 1.0,"),
        ("trust: {blue: 20}", "trust: {bleu: 20}"),
    )
    assert found == [
        (*pos(text, "support: 555", "555"), "555 is out of range: expected 0..100"),
        (*pos(text, "{nnoe: 1.0", "nnoe"), "issue 'prisoners' has no option 'nnoe' (did you mean 'none'?)"),
        (*pos(text, "trust: {bleu: 20}", "bleu"), "unknown delegation 'bleu' (did you mean 'blue'?)"),
    ]


def test_an_issue_without_a_name_still_has_its_status_quo_checked(tmp_path: Path) -> None:
    text, found = _errors(tmp_path, ("    name: Prisoners\n    status_quo: none\n", "    status_quo: nnoe\n"))
    assert found == [
        (*pos(text, "- id: prisoners", "id: prisoners"), "an issue is missing the required key 'name'"),
        (*pos(text, "status_quo: nnoe", "nnoe"), "issue 'prisoners' has no option 'nnoe' (did you mean 'none'?)"),
    ]
    # and the references to the issue elsewhere are not reported as unknown
    assert not any("unknown issue" in message for *_, message in found)


def test_a_venue_with_a_refused_signatory_is_not_also_short_of_signatories(tmp_path: Path) -> None:
    text, found = _errors(tmp_path, ("signatories: [red, blue]", "signatories: [red, Blue!]"))
    assert found == [
        (
            *pos(text, "signatories: [red, Blue!]", "Blue!"),
            "'Blue!' is not a valid id: use lower-case letters, digits, '_' and '-'",
        )
    ]


def test_an_invalid_id_is_one_error_not_one_per_reference(tmp_path: Path) -> None:
    """`id: Blue` (capital B): its references (trust, signatories, turn order, an event's effect,
    a test's check) say 'blue', what it was meant as; the one mistake is the id itself."""
    text, found = _errors(
        tmp_path,
        ("  - id: blue\n", "  - id: Blue\n"),
        ("history:", "tests:\n  - name: t\n    expect:\n      - present: {delegation: blue}\nhistory:"),
    )
    assert found == [
        (*pos(text, "id: Blue", "Blue"), "'Blue' is not a valid id: use lower-case letters, digits, '_' and '-'")
    ]


def test_a_delegation_with_an_invalid_id_has_its_other_faults_reported(tmp_path: Path) -> None:
    text, found = _errors(tmp_path, ("  - id: blue\n", "  - id: Blue\n"), ("trust: {blue: 20}", "trust: {bgi: 20}"))
    assert found == [
        (*pos(text, "trust: {bgi: 20}", "bgi"), "unknown delegation 'bgi' (did you mean 'big'?)"),
        (*pos(text, "id: Blue", "Blue"), "'Blue' is not a valid id: use lower-case letters, digits, '_' and '-'"),
    ]


def test_an_option_written_bare_is_one_error_not_one_per_reference(tmp_path: Path) -> None:
    """`- some` for `- {id: some, label: ...}`: the values tables, a red line and the history that
    name 'some' are not told it does not exist."""
    text, found = _errors(
        tmp_path,
        ("{id: some, label: Some released}", "some"),
        ("red_lines:\n      prisoners: [all]", "red_lines:\n      prisoners: [some]"),
    )
    assert found == [(*pos(text, "      - some\n", "some"), "expected a mapping, found the text 'some'")]


@pytest.mark.parametrize("key", ["random_events: 0.5", "momentum: 50"])
def test_a_venue_key_moved_out_to_column_1_is_said_to_look_mis_indented(tmp_path: Path, key: str) -> None:
    """`random_events: 0.5` moved to the scenario's column 1, after `venues:`, was "unknown key
    'random_events' in the scenario (did you mean 'events'?)": a key of a venue, not a misspelling
    (and a required key so moved is not also missing from the venue)."""
    text = mini_with((f"    {key}\n", ""), ("\nevents:", f"\n{key}\nevents:"))
    scenario, diagnostics, _ = load(tmp_path, text)
    assert scenario is None
    found = [(d.line, d.column, d.message) for d in errors(diagnostics)]
    name = key.split(":")[0]
    assert found == [
        (
            *pos(text, f"\n{key}", key),
            f"{name!r} looks mis-indented: it is a key of a venue, not of the scenario; "
            "indent it under its venue in 'venues'",
        )
    ]


def test_a_key_moved_out_of_a_mapping_is_said_to_look_mis_indented(tmp_path: Path) -> None:
    text, found = _errors(
        tmp_path,
        ("    personality: {style: linear, temper: 0.4}\n", "    personality: {style: linear}\n    temper: 0.4\n"),
    )
    assert found == [
        (
            *pos(text, "    temper: 0.4", "temper"),
            "'temper' looks mis-indented: it is a key of a personality, not of a delegation; "
            "indent it under 'personality'",
        )
    ]  # and not again as a personality missing its temper


def test_an_unknown_key_of_no_object_before_it_is_still_unknown(tmp_path: Path) -> None:
    """`events` is a key of no venue: at column 1 before the venues it is a misspelling."""
    text, found = _errors(tmp_path, ("venues:\n", "random_events: 0.5\nvenues:\n"))
    assert found == [
        (
            *pos(text, "random_events: 0.5\nvenues"),
            "unknown key 'random_events' in the scenario (did you mean 'events'?)",
        )
    ]


def test_a_weight_on_an_issue_whose_definition_failed_is_no_weight_of_0(tmp_path: Path) -> None:
    """'Big' weighs only the truce: with the truce's id refused ('Truce'), it was also said to give
    every issue a weight of 0 (a reviewer's); the one mistake is one error. A stray duplicate of the
    issue's first line, before the whole issue, is said as the duplicate and the missing keys, no more."""
    text, found = _errors(tmp_path, ("  - id: truce\n", "  - id: Truce\n"))
    assert found == [
        (*pos(text, "  - id: Truce", "Truce"), "'Truce' is not a valid id: use lower-case letters, digits, '_' and '-'")
    ]
    text, found = _errors(tmp_path, ("  - id: truce\n", "  - id: truce\n  - id: truce\n"))
    messages = [m for _, _, m in found]
    assert f"duplicate issue id 'truce' (the first is on line {first_line(text, '- id: truce')})" in messages
    assert not any("cannot be normalised" in m for m in messages), messages
    assert all("missing the required key" in m or "duplicate" in m for m in messages), messages


def test_a_bare_number_of_thousands_of_digits_is_one_error_not_a_traceback(tmp_path: Path) -> None:
    """Reading it the ways YAML 1.1 and 1.2 do raised past Python's 4,300 digits (a reviewer's)."""
    for number in ("0" + "9" * 5000, "1_" + "0" * 5000, "0" + "1" * 5000):
        text, found = _errors(tmp_path, ("support: 60", f"support: {number}"))
        assert found == [
            (
                *pos(text, f"support: {number}", number),
                f"a bare number of {len(number)} characters ({number[:12]}…), which YAML 1.1 and YAML 1.2 read "
                "differently: write a number in range, plainly",
            )
        ]


def test_a_plain_number_of_thousands_of_digits_is_out_of_range_in_a_short_line(tmp_path: Path) -> None:
    """Python's int() takes at most 4,300 digits: `rounds: 999…` was "cannot read the value
    '999…'" with every digit quoted (a line of 5 KB). Now the range and the count of digits."""
    for number in ("9" * 5000, "-" + "1" * 4400, "+" + "7" * 4301):
        text, found = _errors(tmp_path, ("rounds: 4", f"rounds: {number}"))
        digits = len(number.lstrip("+-"))
        assert found == [
            (
                *pos(text, f"rounds: {number}", number),
                f"a number of {digits} digits is out of range: expected 1..50",
            )
        ]


def test_a_text_field_of_thousands_of_digits_is_the_text_written(tmp_path: Path) -> None:
    """`title: 999…` (5,000 digits) was refused as an unreadable value; a title is text, and a
    bare number where text is expected is the text written (as `title: 010` is)."""
    number = "9" * 5000
    scenario, diagnostics, _ = load(tmp_path, mini_with(("title: Mini talks", f"title: {number}")))
    assert errors(diagnostics) == []
    assert scenario is not None and scenario.title == number  # type: ignore[attr-defined]


def test_a_misspelt_issue_of_weight_0_does_not_hide_that_every_weight_is_0(tmp_path: Path) -> None:
    """Only a preference not read that may weigh something holds the error back: one of weight 0
    under a misspelt issue leaves every weight 0 whatever it meant (a reviewer's)."""
    zero = (
        ("prisoners: {weight: 1, values: {none: 1.0,", "prisoners: {weight: 0, values: {none: 1.0,"),
        ("truce: {weight: 3, values: {fighting: 0.2,", "trcue: {weight: 0, values: {fighting: 0.2,"),
    )
    _, found = _errors(tmp_path, *zero)
    messages = [m for _, _, m in found]
    assert any(m.startswith("unknown issue 'trcue'") for m in messages), messages
    assert any("red: the preferences cannot be normalised: every weight is 0" in m for m in messages), messages


def test_an_option_id_written_twice_explains_the_references_to_the_one_it_replaced(tmp_path: Path) -> None:
    """Found by a scenario author: `cap_4000` renamed `cap_6104` by mistake (an id written twice)
    gave the duplicate's error and one "has no option 'cap_4000' (did you mean 'cap_10000'?)" at
    each value of it, five errors for one mistake and a suggestion that led away from it. The
    references to the option the issue lacks are named in the duplicate's one error, the tests'
    among them."""
    tests = "tests:\n  - name: Nothing released\n    expect:\n      - agreed: {issue: prisoners, option: none}\n"
    text = mini_with(("{id: none, label: No release}", "{id: some, label: No release}")) + tests
    _, diagnostics, _ = load(tmp_path, text)
    lines = [n for n, line in enumerate(text.splitlines(), 1) if re.search(r"\bnone\b", line)]
    assert len(lines) == 5  # the status quo, three delegations' values and the test
    named = ", ".join(map(str, lines[:-1])) + f" and {lines[-1]}"
    first = pos(text, "{id: some, label: No release}", "some")[0]
    assert [(d.line, d.column, d.message) for d in errors(diagnostics)] == [
        (
            *pos(text, "{id: some, label: Some released}", "some"),
            f"duplicate option id 'some' (and 'prisoners' has no option 'none', which lines {named} name: was this "
            f"one, or the 'some' on line {first}, meant to be 'none'?)",
        )
    ]


def _lines(text: str, pattern: str) -> str:
    """The lines that match `pattern`, as an error names them ('50, 63 and 86')."""
    lines = [str(n) for n, line in enumerate(text.splitlines(), 1) if re.search(pattern, line)]
    return lines[0] if len(lines) == 1 else ", ".join(lines[:-1]) + f" and {lines[-1]}"


def test_an_issue_or_delegation_id_written_twice_explains_the_references_to_the_one_it_replaced(
    tmp_path: Path,
) -> None:
    """Found by a scenario author: a second `- id: fordow` over another issue's id gave the
    duplicate's error and an "unknown issue 'arms_embargo'" at each of the six references to the
    id it replaced; a delegation's, an "unknown delegation 'iaea'" before the duplicate it came
    from. As for an option id written twice, the one mistake is one error, at the duplicate, with
    the line of the first and the references it likely explains, the tests' among them."""
    tests = "tests:\n  - name: A truce\n    expect:\n      - agreed: {issue: truce}\n"
    text = mini_with(("  - id: truce\n", "  - id: prisoners\n")) + tests
    _, diagnostics, _ = load(tmp_path, text)
    named = _lines(text, r"\btruce[]:}]")  # four delegations' values, the agenda and the test
    assert [(d.line, d.column, d.message) for d in errors(diagnostics)] == [
        (
            *pos(text, "  - id: prisoners\n    name: Truce", "prisoners"),
            f"duplicate issue id 'prisoners' (and no issue has the id 'truce', which lines {named} name: was this "
            f"one, or the 'prisoners' on line {first_line(text, '- id: prisoners')}, meant to be 'truce'?)",
        )
    ]
    text = mini_with(("  - id: big\n", "  - id: blue\n"))
    _, diagnostics, _ = load(tmp_path, text)
    named = _lines(text, r"\bbig\b")  # red's patron, the turn order
    assert [(d.line, d.column, d.message) for d in errors(diagnostics)] == [
        (
            *pos(text, "  - id: blue\n    name: Big Power", "blue"),
            f"duplicate delegation id 'blue' (and no delegation has the id 'big', which lines {named} name: was "
            f"this one, or the 'blue' on line {first_line(text, '- id: blue')}, meant to be 'big'?)",
        )
    ]


def test_a_small_ranking_is_not_read_as_values_out_of_100(tmp_path: Path) -> None:
    """A reviewer's: `{none: 0, some: 1, all: 2}` (a ranking, or a score out of a few) was read as
    written out of 100, "write 0.02 for 2". With no number above 10 each number above 1 is out of
    range where it stands, as before; one above 10 still names the scale."""
    fractions = "{none: 0.0, some: 0.6, all: 1.0}}"
    text, found = _errors(tmp_path, (fractions, "{none: 0, some: 1, all: 2}}"))
    assert found == [(*pos(text, "some: 1, all: 2}", "2"), "2 is out of range: expected 0..1")]
    text, found = _errors(tmp_path, (fractions, "{none: 0, some: 5, all: 10}}"))  # (out of 10, as well)
    assert found == [
        (*pos(text, "some: 5, all: 10}", "5"), "5 is out of range: expected 0..1"),
        (*pos(text, "some: 5, all: 10}", "10"), "10 is out of range: expected 0..1"),
    ]
    text, found = _errors(tmp_path, (fractions, "{none: 0, some: 4, all: 12}}"))
    assert found == [
        (
            *pos(text, "values: {none: 0, some: 4", "{"),
            "4 and 12 are out of range: expected 0..1 (these values look written out of 100: the scale here is "
            "0 to 1, so write 0.04 for 4)",
        )
    ]


def test_the_tests_check_against_the_first_of_an_id_written_twice(tmp_path: Path) -> None:
    """A reviewer's: the tests' checks read the last object of an id written twice, the
    scenario's the first (the one the duplicate's error names as the original): a check naming an
    option of the first issue was "issue 'prisoners' has no option 'some'", a false error, and a
    venue's rounds were the copy's. Every kind keeps its first."""
    tests = (
        "tests:\n  - name: Some released\n    venue: hall\n    expect:\n"
        "      - agreed: {issue: prisoners, option: some, by_round: 8}\n"
    )
    copy = "  - id: hall\n    name: The Hall again\n    agenda: [prisoners]\n    signatories: [red, blue]\n"
    copy += "    action_points: 2\n    rounds: 10\n    momentum: 50\nevents:\n"
    text = mini_with(("  - id: truce\n", "  - id: prisoners\n"), ("events:\n", copy)) + tests
    _, diagnostics, _ = load(tmp_path, text)
    found = [(d.severity, d.line, d.message) for d in diagnostics]
    named = _lines(text, r"\btruce[]:}]")  # four delegations' values and the agenda
    assert [m for severity, _, m in found if severity == "error"] == [
        f"duplicate issue id 'prisoners' (and no issue has the id 'truce', which lines {named} "
        f"name: was this one, or the 'prisoners' on line {first_line(text, '- id: prisoners')}, meant to be 'truce'?)",
        f"duplicate venue id 'hall' (the first is on line {first_line(text, '- id: hall')})",
    ]
    assert (
        "warning",
        pos(text, "by_round: 8", "8")[0],
        "by_round 8 is past the last round of venue 'hall' (4): it limits nothing",
    ) in found


def test_option_values_written_out_of_100_are_one_error_that_names_the_scale(tmp_path: Path) -> None:
    """Found by a scenario author: `values: {none: 0, phased: 35, implementation_day: 80,
    on_signing: 100}` gave "35 is out of range: expected 0..1" and two more like it, and never
    said that values run from 0 to 1. Where the numbers look written out of 100, the mapping is
    one error that says how to write them; a single slip beside fractions is still said where it
    stands."""
    scaled = ("{none: 0.0, some: 0.6, all: 1.0}}", "{none: 0, some: 35, all: 100}}")
    text, found = _errors(tmp_path, scaled)
    assert found == [
        (
            *pos(text, "values: {none: 0, some: 35", "{"),
            "35 and 100 are out of range: expected 0..1 (these values look written out of 100: the scale here is "
            "0 to 1, so write 0.35 for 35)",
        )
    ]
    text, found = _errors(tmp_path, ("{none: 0.0, some: 0.6, all: 1.0}}", "{none: 0.0, some: 0.6, all: 10}}"))
    assert found == [(*pos(text, "some: 0.6, all: 10}", "10"), "10 is out of range: expected 0..1")]


def test_an_id_pasted_over_one_whose_name_is_like_the_others_is_still_one_error(tmp_path: Path) -> None:
    """astana-8's zones share a prefix: with `zone_south` pasted over as a second `zone_idlib`,
    every reference to `zone_south` is close to some other zone's id. They are the duplicate's
    one error all the same (a reviewer's: a rule that said each close one on its own gave 19
    errors, each with a "did you mean" that pointed the wrong way)."""
    from game.scenario.load import check_file

    text = (Path(__file__).resolve().parents[2] / "scenarios" / "astana-8.yaml").read_text(encoding="utf-8")
    assert text.count("  - id: zone_south\n") == 1
    path = tmp_path / "pasted.yaml"
    path.write_text(text.replace("  - id: zone_south\n", "  - id: zone_idlib\n", 1), encoding="utf-8")
    _, diagnostics = check_file(path)
    said = [d.message for d in diagnostics if d.severity == "error"]
    assert len(said) == 1 and said[0].startswith(
        "duplicate issue id 'zone_idlib' (and no issue has the id 'zone_south'"
    )
