"""The JSON Schema made from the scenario spec: the copy in docs/ is current, it is a valid
draft 2020-12 schema, every scenario that ships passes it, and what the loader refuses for its
shape it refuses too."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from game.scenario import shapes, spec
from game.scenario.schema import scenario_schema, schema_text
from game.scenario.yamlread import load_plain

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = [
    *sorted((ROOT / "scenarios").glob("*.yaml")),
    ROOT / "tests" / "fixtures" / "mini.yaml",
    ROOT / "game" / "scenario" / "template.yaml",
]
REGENERATE = "regenerate it with: peacetalks schema > docs/scenario.schema.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = scenario_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def mini() -> Any:
    return yaml.safe_load((ROOT / "tests" / "fixtures" / "mini.yaml").read_text(encoding="utf-8"))


def test_the_schema_in_docs_is_the_one_the_spec_makes() -> None:
    shipped = (ROOT / "docs" / "scenario.schema.json").read_text(encoding="utf-8")
    assert shipped == schema_text(), f"docs/scenario.schema.json is out of date: {REGENERATE}"


def test_the_schema_is_deterministic_json_of_draft_2020_12() -> None:
    text = schema_text()
    assert text == schema_text()
    data = json.loads(text)
    assert data["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(data)


def test_the_schema_follows_the_spec() -> None:
    data = scenario_schema()
    top = data["properties"]
    assert set(top) == set(spec.SCENARIO.fields)
    assert data["required"] == [name for name, f in spec.SCENARIO.fields.items() if f.required]
    assert data["additionalProperties"] is False
    delegation = data["$defs"]["delegation"]
    assert delegation["properties"]["role"]["enum"] == ["party", "guarantor", "mediator", "observer"]
    assert delegation["properties"]["controller"]["default"] == "ai"
    assert delegation["properties"]["id"]["pattern"] == shapes.ID_PATTERN.pattern
    assert delegation["properties"]["reservation"] == {
        "description": "utility of no deal, 0..1",
        "type": "number",
        "minimum": 0,
        "maximum": 1,
    }
    venue = data["$defs"]["venue"]["properties"]
    assert venue["rounds"]["type"] == "integer" and venue["rounds"]["maximum"] == 50
    assert venue["agenda"]["minItems"] == 1
    effect = data["$defs"]["effect"]
    assert effect["minProperties"] == effect["maxProperties"] == 1
    assert set(effect["properties"]) == set(spec.EFFECT.kinds)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_scenario_that_ships_passes_the_schema(validator: jsonschema.Draft202012Validator, path: Path) -> None:
    # the game's own plain reader (PyYAML's safe one, in C where built)
    document = load_plain(path.read_text(encoding="utf-8"))
    problems = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]
    assert problems == []


def _set(document: Any, where: tuple[str | int, ...], value: Any) -> Any:
    changed = copy.deepcopy(document)
    node = changed
    for step in where[:-1]:
        node = node[step]
    node[where[-1]] = value
    return changed


BAD: list[tuple[str, tuple[str | int, ...], Any, str]] = [
    ("unknown top-level key", ("titel",), "Mini", "Additional properties are not allowed"),
    ("unknown key in a venue", ("venues", 0, "roundz"), 4, "Additional properties are not allowed"),
    ("unknown effect", ("events", 0, "effects", 0), {"weather": 3}, "Additional properties are not allowed"),
    ("two effects in one", ("events", 0, "effects", 0), {"momentum": 3, "stability": {}}, "too many properties"),
    ("a role that is not one", ("delegations", 0, "role"), "king", "is not one of"),
    ("a style that is not one", ("delegations", 0, "personality", "style"), "stubborn", "is not one of"),
    ("an id with capitals", ("issues", 0, "id"), "Prisoners", "does not match"),
    ("an id with a space", ("delegations", 1, "id"), "blue team", "does not match"),
    ("a preference for a bad id", ("delegations", 0, "preferences", "Truce!"), {"weight": 1}, "does not match"),
    ("a reservation above 1", ("delegations", 0, "reservation"), 1.5, "is greater than the maximum"),
    ("a fractional round", ("venues", 0, "rounds"), 2.5, "is not of type 'integer'"),
    ("text where a number goes", ("venues", 0, "momentum"), "high", "is not of type 'integer'"),
    ("blank text", ("title",), "   ", "does not match"),
    ("a second format", ("format",), 2, "was expected"),
    ("a single option", ("issues", 0, "options"), [{"id": "none", "label": "No release"}], "is too short"),
]


@pytest.mark.parametrize(("where", "value", "complaint"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_what_the_loader_refuses_for_its_shape_the_schema_refuses(
    validator: jsonschema.Draft202012Validator, where: tuple[str | int, ...], value: Any, complaint: str
) -> None:
    assert list(validator.iter_errors(mini())) == []
    errors = [e.message for e in validator.iter_errors(_set(mini(), where, value))]
    assert any(complaint in message for message in errors), errors


def test_a_missing_required_key_is_refused(validator: jsonschema.Draft202012Validator) -> None:
    document = mini()
    del document["delegations"][0]["reservation"]
    assert [e.message for e in validator.iter_errors(document)] == ["'reservation' is a required property"]
