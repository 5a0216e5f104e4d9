"""The JSON Schema (draft 2020-12) of the scenario format, made from the spec the loader checks with.

Editors read it to complete and check scenario files as they are typed. Every module-level spec of
game.scenario.spec that is a structure (an object, a one-key mapping, a list) becomes a `$defs`
entry named after its variable; scalars are written in place. Only keywords that mean the same in
draft 7 are used (`$defs` is reached by plain JSON pointers), so older editor tooling reads it too.

The schema is a little stricter than the loader in two places, both harmless for an author: text
must be written as text (the loader also takes `title: 1984` and reads it as "1984"), and an
optional key may not be written with no value (the loader takes `description:` as left out).
What only the loader can check (references between ids, duplicates, red lines) it leaves out.
"""

from __future__ import annotations

import json
from typing import Any

from game.safetext import CONTROL_CLASS
from game.scenario import shapes
from game.scenario import spec as S

DIALECT = "https://json-schema.org/draft/2020-12/schema"
# The loader refuses text that is empty or only spaces, or that holds a control character
# (game.safetext); a name, a label or a title is one line besides.
_TEXT = r"^(?=[\s\S]*\S)[^" + CONTROL_CLASS + r"]*$"
_LINE = r"^(?=[\s\S]*\S)[^" + CONTROL_CLASS + r"\t\n]*\n*$"


def scenario_schema() -> dict[str, Any]:
    """The schema as a JSON-ready dict, the same on every run."""
    return _Writer().document()


def schema_text() -> str:
    """The schema as the text `peacetalks schema` prints and docs/scenario.schema.json holds."""
    return json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n"


class _Writer:
    def __init__(self) -> None:
        # Structures with a name in spec.py become $defs; id() because specs are unhashable.
        self.names: dict[int, str] = {}
        for name, value in vars(S).items():
            if isinstance(value, shapes.Obj | shapes.OneKey | shapes.ListOf) and value is not S.SCENARIO:
                self.names.setdefault(id(value), name.lower())
        self.defs: dict[str, dict[str, Any]] = {}

    def document(self) -> dict[str, Any]:
        root = self.inline(S.SCENARIO)
        body = {
            "$schema": DIALECT,
            "title": "Peace Talks scenario",
            "description": "A scenario of the Peace Talks game, format 1. The authoring guide: docs/SCENARIOS.md.",
            **{k: v for k, v in root.items() if k != "description"},
        }
        body["$defs"] = dict(sorted(self.defs.items()))
        return body

    def of(self, spec: shapes.Spec) -> dict[str, Any]:
        """The schema of a spec where it is used: a reference to its $defs entry, or the schema itself."""
        name = self.names.get(id(spec))
        if name is None:
            return self.inline(spec)
        if name not in self.defs:
            self.defs[name] = {}  # claimed first: a spec that contained itself would not recurse forever
            self.defs[name] = self.inline(spec)
        return {"$ref": f"#/$defs/{name}"}

    def inline(self, spec: shapes.Spec) -> dict[str, Any]:
        out: dict[str, Any] = {}
        doc = spec.doc or getattr(spec, "what", "")
        if doc:
            out["description"] = doc
        if isinstance(spec, shapes.Str):
            out["type"] = "string"
            if spec.choices:
                out["enum"] = list(spec.choices)
            elif spec.ident:
                out["pattern"] = shapes.ID_PATTERN.pattern
            else:
                out["pattern"] = _LINE if spec.line else _TEXT
        elif isinstance(spec, shapes.Num):
            out["type"] = "integer" if spec.integer else "number"
            if spec.low is not None and spec.low == spec.high:
                out["const"] = spec.low
            else:
                if spec.low is not None:
                    out["minimum"] = spec.low
                if spec.high is not None:
                    out["maximum"] = spec.high
        elif isinstance(spec, shapes.Bool):
            out["type"] = "boolean"
        elif isinstance(spec, shapes.ListOf):
            out["type"] = "array"
            out["items"] = self.of(spec.item)
            if spec.min_items:
                out["minItems"] = spec.min_items
            if spec.max_items is not None:
                out["maxItems"] = spec.max_items
        elif isinstance(spec, shapes.MapOf):
            # its keys are always ids the author chose elsewhere (issues, options, delegations)
            out["type"] = "object"
            out["propertyNames"] = {"pattern": shapes.ID_PATTERN.pattern}
            out["additionalProperties"] = self.of(spec.value)
        elif isinstance(spec, shapes.Obj):
            out["type"] = "object"
            out["properties"] = {name: self.field(fld) for name, fld in spec.fields.items()}
            required = [name for name, fld in spec.fields.items() if fld.required]
            if required:
                out["required"] = required
            out["additionalProperties"] = False
        elif isinstance(spec, shapes.OneKey):
            out["type"] = "object"
            out["properties"] = {name: self.of(kind) for name, kind in spec.kinds.items()}
            out["minProperties"] = 1
            out["maxProperties"] = 1
            out["additionalProperties"] = False
        else:
            raise TypeError(f"no JSON Schema for {type(spec).__name__}: teach game/scenario/schema.py about it")
        return out

    def field(self, fld: shapes.Field) -> dict[str, Any]:
        out = self.of(fld.spec)
        if fld.default is not None:
            out = {**out, "default": fld.default}
        return out
