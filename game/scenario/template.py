"""The commented starting scenario that `peacetalks new-scenario` writes (template.yaml, beside
this module, ships inside the package)."""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from game.scenario.shapes import ID_PATTERN

TEMPLATE = Path(__file__).resolve().with_name("template.yaml")
_TEMPLATE_ID = "id: river-talks"
# In a source checkout the schema sits in docs/; an installed game has no docs folder.
_CHECKOUT_SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "scenario.schema.json"


def starting_scenario(target: Path, schema: Path | None = _CHECKOUT_SCHEMA) -> str:
    """The template for a file to be written at target: its id taken from the file name where
    that is a valid id, and, for a file inside the source checkout whose docs/ holds the schema, a
    first line that points the YAML language server at it (relative to the file's folder)."""
    text = TEMPLATE.read_text(encoding="utf-8")
    # not a name YAML reads as something else (null, true, no...)
    if ID_PATTERN.fullmatch(target.stem) and yaml.safe_load(target.stem) == target.stem:
        # its comment kept in the column of the others where the id leaves room
        line = next(x for x in text.splitlines() if x.startswith(_TEMPLATE_ID))
        code, hash_, comment = line.partition("#")
        ours = f"id: {target.stem}"
        text = text.replace(line, f"{ours.ljust(len(code) - 1)} {hash_}{comment}" if hash_ else ours, 1)
    # the folder, resolved, and not the target: that may be a symbolic link leading nowhere or to
    # itself (written over with --force), which resolve() in Python 3.11 raises on
    folder = target.absolute().parent.resolve()
    # only inside the checkout that holds the schema: elsewhere a path to it would break when moved
    if schema is not None and schema.is_file() and folder.is_relative_to(schema.parent.parent):
        where = Path(os.path.relpath(schema, folder)).as_posix()
        # the template's advice to write the schema and add this line, said of a file that has it
        # already, read to an author as a step still to take
        text = f"# yaml-language-server: $schema={where}\n{text.replace(_EDITOR_ADVICE, _EDITOR_DONE, 1)}"
    return text


_EDITOR_ADVICE = """# Editor support: `peacetalks schema > scenario.schema.json` writes the JSON Schema of this
# format; a comment line "yaml-language-server: $schema=scenario.schema.json" (with "# " before
# it) then lets an editor with the YAML language server complete and check this file as you type.
"""
_EDITOR_DONE = """# Editor support: the first line points an editor with the YAML language server at the JSON
# Schema of this format, in the checkout's docs/, to complete and check this file as you type.
"""
