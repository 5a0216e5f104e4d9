"""Authoring the history-related parts of a scenario: event conditions (errors and warnings with
line and column), history.outcome's words, the ladder and history warnings, and the hint for a
comma inside a flow-style label. Each works on a small variant of tests/fixtures/mini.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine.model import NO_LIMIT, NOT_AGREED, UNCHANGED, Condition
from game.scenario.diagnostics import Diagnostic
from game.scenario.load import check_file
from tests.scenario.test_lint import MINI_TEXT, mini_with, pos

CLASH_EFFECTS = "      - trust: {from: blue, to: red, delta: -5}\n"


def diagnose(tmp_path: Path, text: str) -> tuple[object, list[Diagnostic]]:
    path = tmp_path / "variant.yaml"
    path.write_text(text, encoding="utf-8")
    return check_file(path)


def with_when(*lines: str) -> str:
    """mini.yaml with the clash (round 2) given these condition lines under `when:`."""
    block = "    when:\n" + "".join(f"      - {line}\n" for line in lines)
    return mini_with((CLASH_EFFECTS, CLASH_EFFECTS + block))


def messages(diagnostics: list[Diagnostic], severity: str) -> list[str]:
    return [d.message for d in diagnostics if d.severity == severity]


def test_conditions_are_built_into_the_event(tmp_path: Path) -> None:
    text = with_when(
        "present: red",
        "walked_out: big",
        "momentum: {below: 30}",
        "support: {delegation: blue, at_least: 40}",
        "trust: {from: red, to: blue, between: [10, 60]}",
        "stability: {zone: north, above: 20}",
        "agreed: {issue: prisoners, option: some}",
        "open: truce",
        "round: {at_most: 3}",
    )
    scenario, diagnostics = diagnose(tmp_path, text)
    assert messages(diagnostics, "error") == []
    assert scenario is not None
    assert scenario.events[0].when == (  # type: ignore[attr-defined]
        Condition("present", 0),
        Condition("walked_out", 2),
        Condition("momentum", low=NO_LIMIT, high=29),
        Condition("support", 1, -1, 40, NO_LIMIT),
        Condition("trust", 0, 1, 10, 60),
        Condition("stability", 0, -1, 21, NO_LIMIT),
        Condition("agreed", 0, 1),
        Condition("open", 1),
        Condition("round", low=NO_LIMIT, high=3),
    )


def test_a_condition_naming_an_unknown_delegation_is_an_error_at_its_place(tmp_path: Path) -> None:
    text = with_when("present: reed")
    scenario, diagnostics = diagnose(tmp_path, text)
    assert scenario is None
    (d,) = [d for d in diagnostics if d.severity == "error"]
    assert d.message == "unknown delegation 'reed' (did you mean 'red'?)"
    assert (d.line, d.column) == pos(text, "present: reed", "reed")


def test_an_unknown_condition_kind_and_a_bound_missing_are_errors(tmp_path: Path) -> None:
    text = with_when("presnt: red", "momentum: {}")
    scenario, diagnostics = diagnose(tmp_path, text)
    assert scenario is None
    errs = messages(diagnostics, "error")
    assert "unknown condition 'presnt' (did you mean 'present'?)" in errs
    assert any("needs a bound" in m for m in errs)


@pytest.mark.parametrize("condition", ["momentum: {above: 120}", "support: {delegation: red, at_most: -5}"])
def test_a_bound_out_of_range_is_one_error_not_also_a_bound_missing(tmp_path: Path, condition: str) -> None:
    """An outside author's report: a bound beyond 0..100 also said no bound was given."""
    text = with_when(condition)
    scenario, diagnostics = diagnose(tmp_path, text)
    assert scenario is None
    errs = messages(diagnostics, "error")
    assert len(errs) == 1 and "is out of range: expected 0..100" in errs[0], errs


def test_an_otherwise_needs_a_when_and_a_round(tmp_path: Path) -> None:
    otherwise = "    otherwise: {title: Quiet, text: Nothing happens.}\n"
    text = mini_with((CLASH_EFFECTS, CLASH_EFFECTS + otherwise))
    _, diagnostics = diagnose(tmp_path, text)
    assert "event 'clash' has an otherwise but no when to fail" in messages(diagnostics, "error")
    rumour = "      - momentum: 3\n"
    text = mini_with((rumour, rumour + "    when: [{present: red}]\n" + otherwise))
    _, diagnostics = diagnose(tmp_path, text)
    assert any("an otherwise needs a round" in m for m in messages(diagnostics, "error"))


def test_a_condition_that_can_never_hold_is_a_warning_at_its_place(tmp_path: Path) -> None:
    text = with_when("boycotted: red", "momentum: {above: 100}", "round: {at_least: 3}", "present: red")
    scenario, diagnostics = diagnose(tmp_path, text)
    assert scenario is not None
    warns = [d for d in diagnostics if d.severity == "warning" and "can never hold" in d.message]
    assert [d.message.split(": this condition can never hold: ")[1] for d in warns] == [
        "attendance is required wherever the event happens, so 'red' cannot boycott",
        "it asks for more than 100, the most there can be",
        "the event fires only in round 2",
    ]
    assert (warns[0].line, warns[0].column) == pos(text, "- boycotted: red", "boycotted")


def test_history_outcome_takes_unchanged_and_not_agreed(tmp_path: Path) -> None:
    text = mini_with(("    prisoners: some\n", "    prisoners: unchanged\n    truce: not_agreed\n"))
    scenario, diagnostics = diagnose(tmp_path, text)
    assert messages(diagnostics, "error") == []
    assert scenario.history.outcome == ((0, UNCHANGED), (1, NOT_AGREED))  # type: ignore[attr-defined]
    text = mini_with(("    prisoners: some\n", "    prisoners: unchnged\n"))
    _, diagnostics = diagnose(tmp_path, text)
    assert messages(diagnostics, "error") == ["issue 'prisoners' has no option 'unchnged'"]


def test_a_history_below_a_signatorys_walk_away_is_a_warning(tmp_path: Path) -> None:
    # some prisoners and fighting: red 0.25 * 0.6 + 0.75 * 0.2 = 0.30; at 0.31 it would not sign
    text = mini_with(("reservation: 0.3", "reservation: 0.31"))
    _, diagnostics = diagnose(tmp_path, text)
    (d,) = [d for d in diagnostics if "really happened" in d.message]
    assert d.message.startswith("what really happened is worth 0.30 to signatory 'red', below its walk-away")
    assert (d.line, d.column) == pos(text, "  outcome:\n    prisoners: some", "prisoners: some")
    _, diagnostics = diagnose(tmp_path, MINI_TEXT)
    assert not [d for d in diagnostics if "really happened" in d.message]


def test_a_ladder_a_side_does_not_value_in_order_is_a_warning(tmp_path: Path) -> None:
    old = "prisoners: {weight: 1, values: {none: 1.0, some: 0.6, all: 0.0}}"
    text = mini_with((old, "prisoners: {weight: 1, values: {none: 1.0, some: 0.0, all: 0.6}}"))
    _, diagnostics = diagnose(tmp_path, text)
    (d,) = [d for d in diagnostics if "in order" in d.message]
    assert d.message.startswith("'red' does not value the ladder of 'prisoners' in order (none 1, some 0, all 0.6)")
    assert (d.line, d.column) == pos(text, "{none: 1.0, some: 0.0, all: 0.6}")


def test_a_comma_in_a_flow_style_label_gets_a_hint(tmp_path: Path) -> None:
    text = mini_with(("{id: some, label: Some released}", "{id: some, label: Some released, in batches}"))
    _, diagnostics = diagnose(tmp_path, text)
    (d,) = [d for d in diagnostics if d.severity == "error"]
    assert d.message.startswith("unknown key 'in batches' in an option (a key with no value")
    assert 'put that text in quotes: label: "A, B"' in d.message
    assert (d.line, d.column) == pos(text, "in batches}", "in batches")


def test_a_label_cut_at_several_commas_is_one_error_at_its_first_piece(tmp_path: Path) -> None:
    """Found by a scenario author: `label: 3.67%, 10,000 centrifuges, 8-year limits` inside {...}
    gave three errors (columns 36, 39 and 56), each telling to quote the text: one mistake, one
    error. A piece on a later line is a key of its own, and still said."""
    cut = "{id: some, label: 3.67%, 10,000 centrifuges, 8-year limits}"
    text = mini_with(("{id: some, label: Some released}", cut))
    _, diagnostics = diagnose(tmp_path, text)
    (d,) = [d for d in diagnostics if d.severity == "error"]
    assert d.message.startswith("unknown key '10' in an option (a key with no value")
    assert (d.line, d.column) == pos(text, cut, "10,")
    text = mini_with(
        (
            "      - {id: some, label: Some released}\n",
            "      - id: some\n        label: Some\n        a:\n        b:\n",
        )
    )
    _, diagnostics = diagnose(tmp_path, text)
    assert [d.message.split(" (")[0] for d in diagnostics if d.severity == "error"] == [
        "unknown key 'a' in an option",
        "unknown key 'b' in an option",
    ]


def test_the_scenario_warnings_wait_for_a_file_without_errors(tmp_path: Path) -> None:
    """As SCENARIOS.md says (Warnings): a condition that never holds (`above: 100`) is warned of
    once the file has no errors; a bound out of range (`above: 150`) is an error, as any number out
    of range is, and while it stands the table's warnings are not given. A delegation's trust in
    itself, a warning of one value, comes beside it."""
    never = with_when("momentum: {above: 100}")
    _, diagnostics = diagnose(tmp_path, never)
    assert messages(diagnostics, "error") == []
    assert any("it asks for more than 100, the most there can be" in m for m in messages(diagnostics, "warning"))
    beyond = with_when("momentum: {above: 150}").replace("trust: {blue: 20}", "trust: {blue: 20, red: 10}")
    _, diagnostics = diagnose(tmp_path, beyond)
    assert messages(diagnostics, "error") == ["150 is out of range: expected 0..100"]
    assert messages(diagnostics, "warning") == [
        "red: a delegation's trust in itself is always 100: the 10 given is not used; take 'red' out of its trust"
    ]
