"""The random bench's tables (tests/sim/timed_scenarios.py) written as scenario files
(tests/sim/scenario_file.py) and read back by the game's own loader, by the path `peacetalks`
reads a file: the same tables, so issue 10's figures on them (bench/random_figures.py) are
figures on tables an author can write, and anyone can play them with `peacetalks tournament FILE`."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.cli import main
from game.engine.model import Effect, Scenario
from game.scenario import bundled, load_scenario
from game.scenario.load import check_source
from game.sim import tournament as T
from tests.sim.scenario_file import NotWritable, scenario_yaml, write_scenario
from tests.sim.timed_scenarios import signatory_seats, timed_scenario, timed_scenarios

ROOT = Path(__file__).resolve().parents[2]
# the first sensible tables, as bench/random_figures.py takes them (its default is 20)
SENSIBLE = 20


def _read_back(sc: Scenario, folder: Path) -> tuple[Scenario, Path]:
    path = write_scenario(sc, folder / f"{sc.id}.yaml")
    # check_source is what `peacetalks` reads a file with (game.commands._load_source)
    loaded, diagnostics, _ = check_source(path)
    assert loaded is not None, [str(d) for d in diagnostics]
    assert not [d for d in diagnostics if d.severity == "error"]
    return loaded, path


def _assert_same_table(loaded: Scenario, sc: Scenario, path: Path) -> None:
    """Every field of the dataclasses but the content hash, which is the file's sha256 once
    loaded where the generator names the table by its seed (the caches of a game key on it)."""
    assert loaded.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()
    for field in dataclasses.fields(Scenario):
        if field.name != "content_hash":
            assert getattr(loaded, field.name) == getattr(sc, field.name), (sc.id, field.name)


def test_the_sensible_tables_come_back_from_their_files(tmp_path: Path) -> None:
    for sc in timed_scenarios(SENSIBLE):
        loaded, path = _read_back(sc, tmp_path)
        _assert_same_table(loaded, sc, path)


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**31))
def test_any_drawn_table_comes_back_from_its_file(tmp_path_factory: pytest.TempPathFactory, seed: int) -> None:
    """Sensible or not: every table the bench could draw is written, and read back the same."""
    sc = timed_scenario(seed)
    loaded, path = _read_back(sc, tmp_path_factory.mktemp("tables"))
    _assert_same_table(loaded, sc, path)


def test_the_silent_tables_are_refused_for_the_positions_no_file_can_leave_out() -> None:
    """Why the bench's tables state a position on every issue a side weighs: with silent=True
    (the tables of before 4 December 2026) a side weighs an issue and says nothing on it, and a
    file cannot say that (its loader gives the side its best option)."""
    for sc in timed_scenarios(6, silent=True):
        with pytest.raises(NotWritable) as refused:
            scenario_yaml(sc)
        assert any("states no position" in p for p in refused.value.problems), refused.value.problems


def test_the_command_plays_the_file_as_the_bench_plays_the_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`peacetalks tournament FILE --seat ID` gives the rows the bench's in-memory table gives."""
    sc = timed_scenarios(1)[0]
    seat = signatory_seats(sc)[0]
    kinds = ("hard", "easy", "stonewall", "random")
    path = write_scenario(sc, tmp_path / f"{sc.id}.yaml")
    assert main(["tournament", str(path), "--seat", sc.delegations[seat].id, "--games", "3", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    played = {row["kind"]: row for row in printed["rows"]}
    for row in T.run(sc, seat, 3, kinds=kinds):
        figures = {k: v for k, v in dataclasses.asdict(row).items() if k not in ("seconds", *T.PER_GAME)}
        assert {k: played[row.kind][k] for k in figures} == figures
        assert played[row.kind]["per_game"] == T.per_game(row)


@pytest.mark.parametrize(
    "path",
    [*bundled().values(), *sorted((ROOT / "docs" / "examples").glob("*.yaml"))],
    ids=lambda p: Path(p).stem,
)
def test_every_file_the_game_ships_comes_back_from_the_file_written_of_it(path: Path, tmp_path: Path) -> None:
    """What the random tables never hold (history, an otherwise, conditions of every kind,
    stances, heeds, chairs, places, an author's decimal weights) is written too."""
    sc = load_scenario(path)
    loaded, written = _read_back(sc, tmp_path)
    _assert_same_table(loaded, sc, written)


def test_what_no_file_can_say_is_named_not_dropped() -> None:
    """Each thing, in one refusal. The weights sum to 1.0000000000000002 as floats: the loader's
    division by their sum moves them, and no whole numbers (nor those over a divisor) give them."""
    sc = next(s for s in timed_scenarios(SENSIBLE) if len(s.issues) == 3)
    d0 = sc.delegations[0]
    event = sc.events[0]
    broken = dataclasses.replace(
        sc,
        delegations=(
            dataclasses.replace(
                d0, trust=(50, *d0.trust[1:]), opening=(-1, *d0.opening[1:]), weights=(0.2, 0.3, 0.5000000000000002)
            ),
            *sc.delegations[1:],
        ),
        events=(
            dataclasses.replace(event, round=0, weight=0.0, effects=(Effect("momentum", a=1, delta=5),)),
            *sc.events[1:],
        ),
    )
    with pytest.raises(NotWritable) as refused:
        scenario_yaml(broken)
    problems = " | ".join(refused.value.problems)
    for said in (
        "delegation 'd0': trust in itself is 50",
        f"delegation 'd0' weighs issue {sc.issues[0].id!r} but states no position on it",
        "delegation 'd0': weights (0.2, 0.3, 0.5000000000000002) do not come back",
        f"event {event.id!r} has neither a round nor a weight",
        f"event {event.id!r}: a momentum effect with a set",
    ):
        assert said in problems
