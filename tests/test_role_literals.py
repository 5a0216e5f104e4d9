"""Roles are the engine's to judge: outside the engine and the scenario format no code names a
role as a literal (issue 13: "grep finds no role literals outside the engine and the scenario
format"); what a role may do is asked of the engine's legal moves, and a label for one is made
from the engine's list of roles."""

from __future__ import annotations

import ast
from pathlib import Path

from game.engine.model import ROLES

GAME = Path(__file__).resolve().parents[1] / "game"
OWNERS = {"engine", "scenario"}


def role_literals(root: Path) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        if path.relative_to(root).parts[0] in OWNERS:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in ROLES:
                found.append(f"{path.relative_to(root.parent)}:{node.lineno}: {node.value!r}")
    return found


def test_no_code_outside_the_engine_and_the_format_names_a_role() -> None:
    assert role_literals(GAME) == []


def test_the_scan_finds_a_role_named_in_a_module(tmp_path: Path) -> None:
    (tmp_path / "engine").mkdir()
    (tmp_path / "engine" / "rules.py").write_text('ROLE = "mediator"\n')  # the engine's own: allowed
    (tmp_path / "ui.py").write_text('SHORT = {"guarantor": "gua."}\n')
    assert role_literals(tmp_path) == [f"{tmp_path.name}/ui.py:1: 'guarantor'"]
