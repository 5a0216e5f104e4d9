"""Headless runs: many AI-only games, judged by the analysis. Sits above ai/ and analysis/."""
