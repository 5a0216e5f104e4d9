"""The direction of imports: the headless layers never pull in the UI toolkit or YAML."""

import subprocess
import sys

import pytest

HEADLESS = [
    "game.engine",
    "game.ai",
    "game.analysis",
    "game.scenario",
    "game.saves",
    "game.sim",
    "game.commands",
    "game.play",
]


def _modules_after_import(module: str) -> set[str]:
    code = f"import sys, {module}; print('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


@pytest.mark.parametrize("module", HEADLESS)
def test_headless_layers_never_import_textual(module: str) -> None:
    loaded = _modules_after_import(module)
    assert module in loaded
    assert not any(m == "textual" or m.startswith("textual.") for m in loaded)


def test_engine_imports_no_other_layer_and_no_yaml() -> None:
    loaded = _modules_after_import("game.engine")
    assert "yaml" not in loaded
    for layer in ("game.ai", "game.scenario", "game.ui", "game.cli", "game.commands", "game.saves"):
        assert layer not in loaded, f"the engine imported {layer}"


@pytest.mark.parametrize(("module", "sibling"), [("game.ai", "game.analysis"), ("game.analysis", "game.ai")])
def test_siblings_stay_apart_and_read_no_files(module: str, sibling: str) -> None:
    loaded = _modules_after_import(module)
    assert sibling not in loaded
    assert "game.scenario" not in loaded
    assert "yaml" not in loaded
