"""The direction of imports: the headless layers never pull in the UI toolkit or YAML."""

import subprocess
import sys
from pathlib import Path

import pytest

HEADLESS = [
    "game.engine",
    "game.ai",
    "game.analysis",
    "game.scenario",
    "game.saves",
    "game.sim",
    "game.commands",
    "game.commands_ui",
    "game.commands_watch",
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


ROOT = Path(__file__).resolve().parents[1]


def _lint_imports(config: Path) -> int:
    from importlinter.cli import lint_imports

    return lint_imports(config_filename=str(config), no_cache=True, no_logo=True)


def test_the_import_contracts_hold(capsys: pytest.CaptureFixture[str]) -> None:
    # pyproject.toml's [tool.importlinter] contracts, from the source: an import inside a
    # function that no run-time test happens to reach is caught here
    status = _lint_imports(ROOT / "pyproject.toml")
    out = capsys.readouterr().out
    assert status == 0, out
    assert "0 broken" in out


def test_a_broken_contract_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # the checker is really checking: the interface does import textual
    config = tmp_path / "contracts.toml"
    config.write_text(
        '[tool.importlinter]\nroot_package = "game"\ninclude_external_packages = true\n'
        '[[tool.importlinter.contracts]]\nname = "no textual in the interface"\ntype = "forbidden"\n'
        'source_modules = ["game.ui"]\nforbidden_modules = ["textual"]\n'
    )
    assert _lint_imports(config) == 1
    assert "1 broken" in capsys.readouterr().out
