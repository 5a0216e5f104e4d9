"""Scenario files: YAML in, a validated Scenario out; every error as PATH:LINE:COL."""

from game.scenario.bundled import DEFAULT, bundled, resolve
from game.scenario.diagnostics import Diagnostic, ScenarioError
from game.scenario.load import check_bytes, check_file, load_scenario

__all__ = ["DEFAULT", "Diagnostic", "ScenarioError", "bundled", "check_bytes", "check_file", "load_scenario", "resolve"]
