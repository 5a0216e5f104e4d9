"""Golden values: the generator's outputs, state hashes at fixed turns of fixed games, and whole
transcripts, pinned in files. A change that alters every game fails here even when the example
saves are regenerated with it; a change meant to alter the game rewrites them deliberately with
`pytest tests/golden --update-golden` (see tests/golden/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.golden import values
from tests.golden.conftest import Golden


def test_the_generators_first_outputs(golden: Golden) -> None:
    golden.check("rng", values.rng_outputs())


def test_state_hashes_of_ai_games_at_fixed_turns(
    golden: Golden, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    golden.check("ai_games", values.ai_games(capsys, tmp_path))


def test_state_hashes_of_random_games_at_fixed_turns(
    golden: Golden, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    golden.check("random_games", values.random_games(capsys, tmp_path))


def test_legal_move_counts_at_fixed_states(golden: Golden, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    golden.check("legal_counts", values.legal_counts(capsys, tmp_path))


@pytest.mark.parametrize("file", sorted(values.TRANSCRIPTS))
def test_frozen_transcripts(golden: Golden, capsys: pytest.CaptureFixture[str], file: str) -> None:
    golden.check_text(file, values.TRANSCRIPTS[file](capsys))
