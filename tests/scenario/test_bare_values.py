"""Bare YAML values where the file format expects text or a number: YAML 1.1, which PyYAML reads,
takes `No` for false, `010` for 8 and `1.5e2` for text. A text field keeps what the author wrote,
a number in exponent form is a number (as YAML 1.2 and an editor's schema read it), and a value
refused with a reason is not reported a second time as missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.load import check_bytes

MINI = (Path(__file__).resolve().parents[1] / "fixtures" / "mini.yaml").read_text()


def checked(text: str) -> tuple[object, list[str]]:
    scenario, diagnostics = check_bytes(text.encode(), "f.yaml")
    return scenario, [f"{d.line}:{d.column}: {d.severity}: {d.message}" for d in diagnostics if d.severity == "error"]


@pytest.mark.parametrize(
    ("written", "shown"),
    [("On", "On"), ("No", "No"), ("yes", "yes"), ("010", "010"), ("1.50", "1.50"), ("1_000", "1_000"), ("1e3", "1e3")],
)
def test_a_bare_title_or_label_is_the_text_as_written(written: str, shown: str) -> None:
    text = MINI.replace("title: Mini talks", f"title: {written}").replace("label: No release", f"label: {written}")
    scenario, errors = checked(text)
    assert errors == []
    assert scenario.title == shown  # type: ignore[attr-defined]
    assert scenario.issues[0].options[0].label == shown  # type: ignore[attr-defined]


def test_option_ids_yes_and_no_are_ids_as_written_wherever_they_are_named() -> None:
    text = (
        MINI.replace("{id: none,", "{id: no,")
        .replace("{id: some,", "{id: yes,")
        .replace("none: 1.0, some:", "no: 1.0, yes:")
        .replace("none: 0.0, some:", "no: 0.0, yes:")
        .replace("status_quo: none", "status_quo: no")
        .replace("prisoners: some", "prisoners: yes")
    )
    scenario, errors = checked(text)
    assert errors == [], errors
    assert [o.id for o in scenario.issues[0].options][:2] == ["no", "yes"]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("written", "value"), [("1.5e2", 150.0), ("3e0", 3.0), ("2E-1", 0.2), ("-0.5e1", -5.0)])
def test_a_number_in_exponent_form_is_a_number(written: str, value: float) -> None:
    text = MINI.replace("truce: {weight: 3, values", f"truce: {{weight: {written}, values")
    scenario, errors = checked(text)
    if value < 0:
        assert errors == [f"50:23: error: {value} is out of range: expected 0..1000"], errors
        return
    assert errors == [], errors
    plain, _ = checked(MINI.replace("truce: {weight: 3, values", f"truce: {{weight: {value!r}, values"))
    assert scenario.delegations[0].weights == plain.delegations[0].weights  # type: ignore[attr-defined]


def test_a_quoted_number_is_still_text_where_a_number_is_expected() -> None:
    _, errors = checked(MINI.replace("truce: {weight: 3, values", 'truce: {weight: "1e2", values'))
    assert errors == ["50:23: error: expected a number, found the text '1e2'"]


@pytest.mark.parametrize("written", ["round: 99", "round: 0", "round: two"])
def test_an_events_refused_round_is_the_one_error(written: str) -> None:
    _, errors = checked(MINI.replace("    round: 2\n", f"    {written}\n", 1))
    assert len(errors) == 1 and errors[0].startswith("97:12: error: "), errors
    assert "neither a round nor a weight" not in errors[0]


@pytest.mark.parametrize("written", ["weight: -1", "weight: .inf", "weight: .nan", "weight: heavy"])
def test_an_events_refused_weight_is_the_one_error(written: str) -> None:
    _, errors = checked(MINI.replace("    weight: 1\n", f"    {written}\n", 1))
    assert len(errors) == 1 and errors[0].startswith("104:13: error: "), errors


def test_a_refused_weight_on_a_sides_only_issue_is_not_also_every_weight_zero() -> None:
    text = MINI.replace("prisoners: {weight: 1, values: {none: 1.0", "prisoners: {weight: x, values: {none: 1.0")
    text = text.replace("truce: {weight: 3, values", "truce: {weight: 0, values")
    _, errors = checked(text)
    assert errors == ["49:27: error: expected a number, found the text 'x'"], errors
    # and where every weight given is 0, it is still said
    _, errors = checked(text.replace("weight: x,", "weight: 0,"))
    assert any("every weight is 0" in e for e in errors)


def test_exponent_text_said_to_be_text_stays_text_and_a_whole_one_counts_rounds() -> None:
    _, errors = checked(MINI.replace("truce: {weight: 3, values", "truce: {weight: !!str 3e0, values"))
    assert errors == ["50:23: error: expected a number, found the text '3e0'"], errors
    scenario, errors = checked(MINI.replace("    rounds: 4\n", "    rounds: 4e0\n"))
    assert errors == [] and scenario.venues[0].rounds == 4  # type: ignore[attr-defined]
    _, errors = checked(MINI.replace("    rounds: 4\n", "    rounds: 4.5e0\n"))
    assert len(errors) == 1 and "expected a whole number" in errors[0], errors


def test_a_preference_left_empty_is_the_one_error() -> None:
    text = MINI.replace("prisoners: {weight: 1, values: {none: 1.0, some: 0.6, all: 0.0}}", "prisoners:")
    _, errors = checked(text.replace("truce: {weight: 3, values", "truce: {weight: 0, values"))
    assert len(errors) == 1 and "expected a mapping, found nothing" in errors[0], errors


def test_a_scenario_whose_name_reads_as_a_number_saves_and_replays(tmp_path: Path) -> None:
    """Found in review: a save names its scenario in a field written by YAML 1.1, bare where YAML
    1.1 sees text (`name: 1e5`); read back as a number, the save no longer matched its scenario."""
    from game.cli import main

    path = tmp_path / "1e5.yaml"
    path.write_text(MINI)
    assert main(["watch", str(path), "--seed", "2", "--save", "s", "--saves", str(tmp_path / "saves")]) == 0
    assert "name: 1e5" in (tmp_path / "saves" / "s.yaml").read_text()
    assert main(["replay", str(tmp_path / "saves" / "s.yaml"), "--verify"]) == 0


@pytest.mark.parametrize(("written", "value"), [("0x0A", 10), ("+7", 7), ("7.0", 7)])
def test_a_number_both_yaml_versions_read_alike_is_that_number(written: str, value: int) -> None:
    text = MINI.replace("truce: {weight: 3, values", f"truce: {{weight: {written}, values")
    scenario, errors = checked(text)
    assert errors == [], errors
    plain, _ = checked(MINI.replace("truce: {weight: 3, values", f"truce: {{weight: {value}, values"))
    assert scenario.delegations[0].weights == plain.delegations[0].weights  # type: ignore[attr-defined]


EDITOR = "YAML 1.2 (and your editor)"


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("010", f"is 8 to YAML 1.1 (octal) and 10 to {EDITOR}: write the number you mean plainly (10, or 8)"),
        ("1:0", f"is 60 to YAML 1.1 and text to {EDITOR}: write 60"),
        ("0:30.5", f"is 30.5 to YAML 1.1 and text to {EDITOR}: write 30.5"),
        ("0b1010", f"is 10 to YAML 1.1 and text to {EDITOR}: write 10"),
        ("1_0", f"is 10 to YAML 1.1 and text to {EDITOR}: write 10"),
        ("1_000.5", f"is 1000.5 to YAML 1.1 and text to {EDITOR}: write 1000.5"),
        # found by a scenario author: 06 was said to be "one number to YAML 1.1 and another, or
        # text, to YAML 1.2", where both read 6; 08 (text to 1.1, 8 to 1.2) was "expected a whole
        # number, found the text '08'", without the reason
        (
            "06",
            f"has a leading zero: YAML 1.1 reads it as octal, {EDITOR} as decimal; both read 6 here, "
            "but 010 is 8 to one and 10 to the other: write 6",
        ),
        (
            "08",
            "is text to YAML 1.1 (a leading zero makes a number octal to it, and octal has no 8 or 9) "
            f"and 8 to {EDITOR}: write 8",
        ),
        ("0o17", f"is text to YAML 1.1 and 15 to {EDITOR}: write 15"),
    ],
)
def test_a_number_yaml_1_1_and_1_2_read_differently_is_refused(written: str, message: str) -> None:
    """Found from outside: `rounds: 010` validated and played 8 rounds (YAML 1.1's octal), where
    an editor, as YAML 1.2, reads ten; `weight: 1:0` was sixty (base 60). Such a number is
    refused where a number is expected, saying how each reads it and what to write; where text
    is, it is the text written."""
    text = MINI.replace("truce: {weight: 3, values", f"truce: {{weight: {written}, values")
    _, errors = checked(text)
    assert errors == [f"50:23: error: {written!r} {message}"], errors
    titled, errors = checked(MINI.replace("title: Mini talks", f"title: {written}"))
    assert errors == [] and titled.title == written  # type: ignore[attr-defined]


def test_a_save_made_before_reads_its_scenario_as_it_was_played() -> None:
    """A review found that the refusal above would have turned a save of such a scenario, made
    before it, into one that no longer loads (or, read as YAML 1.2, no longer replays): a save's
    scenario is read as the game that played it read it."""
    from game.scenario import check_bytes

    text = MINI.replace("truce: {weight: 3, values", "truce: {weight: 010, values").encode()
    strict, errors = check_bytes(text, "f.yaml")
    assert strict is None and errors
    embedded, diagnostics = check_bytes(text, "save.yaml (embedded scenario)", embedded=True)
    assert embedded is not None and not [d for d in diagnostics if d.severity == "error"]
    plain, _ = checked(MINI.replace("truce: {weight: 3, values", "truce: {weight: 8, values"))
    assert embedded.delegations[0].weights == plain.delegations[0].weights  # type: ignore[attr-defined]
