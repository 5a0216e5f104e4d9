"""The `peacetalks` command end to end, as a user runs it: most tests call `main(argv)` in this
process (tests/cli_runner.py); the installed entry point, `python -m game`, the refusal without a
terminal and the wheel run in a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest

from game.saves.read import EXAMPLES
from tests.cli_runner import one_line, run_main

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "game", *args], capture_output=True, text=True, cwd=cwd or ROOT, timeout=120
    )


def test_list_shows_bundled_scenarios_venues_and_delegations() -> None:
    out = run("list")
    assert out.returncode == 0, out.stderr
    assert "astana-8:" in out.stdout and "sochi-congress:" in out.stdout
    assert "venue astana" in out.stdout
    assert "signatory" in out.stdout


def test_simulate_json_has_the_promised_fields_and_is_byte_identical() -> None:
    first = run_main("simulate", "astana-8", "--games", "4", "--seed", "9", "--json")
    second = run_main("simulate", "astana-8", "--games", "4", "--seed", "9", "--json")
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    data = json.loads(first.stdout)
    for key in ("games", "seed", "agreement_rate", "mean_rounds", "per_delegation", "results"):
        assert key in data
    assert data["games"] == 4 and data["seed"] == 9 and len(data["results"]) == 4
    for row in data["per_delegation"].values():
        assert set(row) >= {"mean_utility", "mean_surplus"}
    for game in data["results"]:
        assert set(game) >= {"seed", "outcome", "rounds", "final_state_hash", "agreement"}
        assert len(game["final_state_hash"]) == 64
    other = json.loads(run_main("simulate", "astana-8", "--games", "4", "--seed", "10", "--json").stdout)
    assert [g["final_state_hash"] for g in other["results"]] != [g["final_state_hash"] for g in data["results"]]


def test_simulate_accepts_a_path_and_prints_a_table() -> None:
    out = run_main("simulate", str(MINI), "--games", "3")
    assert out.returncode == 0, out.stderr
    assert "agreement rate" in out.stdout
    assert "mean surplus" in out.stdout
    assert ": 3 AI-only games from seed 0" in out.stdout
    one = run_main("simulate", str(MINI), "--games", "1")
    assert ": 1 AI-only game from seed 0" in one.stdout  # "1 AI-only games" (a tester's)


def test_simulate_on_an_invalid_file_exits_1_with_diagnostics(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINI.read_text().replace("rounds: 4", "rounds: many"))
    out = run_main("simulate", str(bad))
    assert out.returncode == 1
    assert f"{bad}:" in out.stderr and "error:" in out.stderr
    assert "Traceback" not in out.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("simulate", "astana-8", "--games", "0"),
        ("simulate", "astana-8", "--seed", "-1"),
        ("simulate",),
        ("frobnicate",),
        ("play", "astana-8", "--seed", "x"),
        ("watch", "astana-8", "--seed", "x"),
    ],
)
def test_bad_arguments_get_one_line_and_exit_1(args: tuple[str, ...]) -> None:
    out = run_main(*args)
    assert out.returncode == 1
    assert len(out.stderr.strip().splitlines()) == 1
    assert "error" in out.stderr and "Traceback" not in out.stderr


def test_watch_runs_a_whole_game_and_prints_the_outcome() -> None:
    out = run_main("watch", str(MINI), "--seed", "4")
    assert out.returncode == 0, out.stderr
    assert "Round 1 of 4 begins." in out.stdout
    assert "Outcome:" in out.stdout
    assert "What really happened" in out.stdout


def test_watchs_results_table_keeps_its_columns_with_a_long_name() -> None:
    """astana-to-sochi's "The Moscow and Cairo platforms and independents" (48 characters) pushed
    its figures out of the 40-column name column."""
    out = run_main("watch", "astana-to-sochi", "--seed", "1")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    start = lines.index(next(line for line in lines if line.startswith("delegation ")))
    table = lines[start:]
    table = table[: next((k for k, line in enumerate(table) if not line.strip()), len(table))]
    assert any(line.startswith("The Moscow and Cairo platforms and independents") for line in table)
    assert len({len(line) for line in table}) == 1, table  # every row, and the header, end at one column


def test_a_boycott_says_why_it_was_chosen() -> None:
    """A signatory staying away for the deal the others will make without it gave the protest's
    reason ("worth less than staying away") and then did well out of that deal; a side that is
    no signatory (the SNC at Sochi) stays away in protest, and says so."""
    out = run_main("watch", "astana-to-sochi", "--seed", "1")
    assert out.returncode == 0, out.stderr
    lines = [line for line in out.stdout.splitlines() if " boycotts " in line]
    by_gain = [line for line in lines if line.startswith("Russian Federation")]
    protest = [line for line in lines if line.startswith("Syrian Negotiation Commission")]
    assert by_gain and by_gain[0].endswith(
        "(the deal the others will make without us suits us better than any we could sign here)"
    )
    assert protest and protest[0].endswith("(what this congress is likely to give us is worth less than staying away)")


def _play_hint(stdout: str) -> str:
    last = stdout.strip().splitlines()[-1]
    assert last.startswith("Every seat was played by an AI negotiator. To sit at the table yourself: "), last
    return last.split(": ", 1)[1]


def test_watch_ends_with_the_play_command_for_the_scenario_it_watched(tmp_path: Path) -> None:
    """It said `peacetalks play` whatever was watched, which opens astana-8."""
    assert _play_hint(run_main("watch", "harbour-contract", "--seed", "3").stdout) == "peacetalks play harbour-contract"
    spaced = tmp_path / "my talks.yaml"
    spaced.write_bytes(MINI.read_bytes())
    assert _play_hint(run_main("watch", str(spaced), "--seed", "4").stdout) == f"peacetalks play '{spaced}'"
    dashed = tmp_path / "-mini.yaml"
    dashed.write_bytes(MINI.read_bytes())
    out = run_main("watch", "--seed", "4", "--", "-mini.yaml", cwd=tmp_path)
    assert _play_hint(out.stdout) == "peacetalks play ./-mini.yaml", out.stderr
    # a game continued from a save: its bundled scenario, found by the file it embeds
    saves = tmp_path / "saves"
    out = run_main("watch", "harbour-contract", "--seed", "3", "--save", "h", "--saves", str(saves))
    assert out.returncode == 0, out.stderr
    loaded = run_main("watch", "--load", str(saves / "h.yaml"))
    assert _play_hint(loaded.stdout) == "peacetalks play harbour-contract", loaded.stderr


def test_watch_with_no_scenario_plays_the_default_one() -> None:
    out = run_main("watch")
    assert out.returncode == 0, out.stderr
    assert "Astana" in out.stdout and "Outcome:" in out.stdout


@pytest.mark.parametrize(
    "args", [(), ("play",), ("play", "astana-8", "--as", "opposition"), ("play", str(MINI), "--watch")]
)
def test_the_interface_without_a_terminal_says_so_instead_of_hanging(args: tuple[str, ...]) -> None:
    out = run(*args)  # stdin and stdout are pipes here, as in CI
    assert out.returncode == 1
    assert "needs a terminal" in out.stderr and "peacetalks watch" in out.stderr
    assert "Traceback" not in out.stderr


def test_watch_needs_a_scenario_file_not_a_save() -> None:
    out = run_main("play", "--load", "saves/astana-8-history.yaml", "--watch", cwd=ROOT)
    assert out.returncode == 1
    assert "--watch follows a scenario file" in out.stderr
    assert "Traceback" not in out.stderr


def test_the_wheel_ships_the_bundled_scenarios(tmp_path: Path) -> None:
    # Built by the build backend pyproject.toml names, through its PEP 517 hook, as `pip wheel
    # --no-build-isolation` builds it, without pip's own start-up (half a second of the suite).
    # The wheel is built from the sdist, as pip builds it from a source archive: a file the wheel
    # takes that the sdist leaves out (the example saves, once) fails there alone.
    backend = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]["build-backend"]
    hook = f"import sys, {backend} as backend; print(backend.build_sdist(sys.argv[1]))"
    built = subprocess.run(
        [sys.executable, "-c", hook, str(tmp_path)], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert built.returncode == 0, built.stderr
    (sdist,) = tmp_path.glob("peacetalks-*.tar.gz")
    with tarfile.open(sdist) as archive:
        # the example saves by name, not the folder: a player's own saves sit beside them
        shipped = {Path(n).name for n in archive.getnames() if len(Path(n).parts) == 3 and Path(n).parts[1] == "saves"}
        assert shipped == {"make_examples.py", *(f"{name}.yaml" for name in EXAMPLES)}, shipped
        # (the "data" filter where this Python has it: 3.11.4 and later)
        archive.extractall(tmp_path / "src", **({"filter": "data"} if hasattr(tarfile, "data_filter") else {}))
    (source,) = (tmp_path / "src").iterdir()
    hook = f"import sys, {backend} as backend; print(backend.build_wheel(sys.argv[1]))"
    built = subprocess.run(
        [sys.executable, "-c", hook, str(tmp_path)], capture_output=True, text=True, cwd=source, timeout=300
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("peacetalks-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for scenario in (ROOT / "scenarios").glob("*.yaml"):
        assert f"game/scenarios/{scenario.name}" in names
    # and the installed package finds them from any directory
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)], check=True
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    where = subprocess.run(
        [sys.executable, "-c", "import game; print(game.__file__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert where.stdout.startswith(str(target)), "the test must run the installed copy, not the checkout"
    out = subprocess.run(
        [sys.executable, "-m", "game", "list"], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert "astana-8:" in out.stdout
    # the example saves ship too, found by name from any folder (a newcomer ran the README's
    # `replay saves/astana-8-history.yaml` elsewhere: "no such file")
    for example in EXAMPLES:
        assert f"game/examples/{example}.yaml" in names
    verified = subprocess.run(
        [sys.executable, "-m", "game", "replay", "astana-8-history", "--verify"],
        capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60,
    )  # fmt: skip
    assert verified.returncode == 0 and "every state hash matches" in verified.stdout, verified.stderr
    # the book of the bundled scenarios' rehearsals ships, and counts for the installed sources
    assert "game/ai/book.json" in names
    checked = subprocess.run(
        [sys.executable, "-m", "game.sim.book", "--check"], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert checked.returncode == 0, checked.stderr
    # and the starting scenario of new-scenario ships too, and validates (with no checkout beside it)
    assert "game/scenario/template.yaml" in names
    made = subprocess.run(
        [sys.executable, "-m", "game", "new-scenario", "talks.yaml"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert made.returncode == 0, made.stderr
    assert not (tmp_path / "talks.yaml").read_text(encoding="utf-8").startswith("# yaml-language-server")
    checked = subprocess.run(
        [sys.executable, "-m", "game", "validate", "talks.yaml"], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert (checked.returncode, checked.stderr) == (0, ""), checked.stderr


def test_analyze_shows_central_preferences_and_a_games_draw_only_as_a_spoiler() -> None:
    # in this process (main(argv)): four Pythons importing numpy and the analysis cost more than the analyses
    central = run_main("analyze", "astana-8", "--json", cwd=ROOT)
    assert central.returncode == 0
    assert json.loads(central.stdout)["preferences"] == "central"
    text = run_main("analyze", "astana-8", cwd=ROOT).stdout
    assert "SPOILER" not in text
    # the text says its figures are the file's centres, not a game's numbers, and names the venue
    # once (it read "Astana 8: detainees, zones and a date for Sochi: Astana 8")
    assert text.splitlines()[:3] == [
        "Astana 8: detainees, zones and a date for Sochi",
        "venue: Astana 8",
        "preferences: the file's central values; each game draws its own around them",
    ]
    fixed = run_main("analyze", "docs/examples/stage1.yaml", cwd=ROOT).stdout
    assert "preferences:" not in fixed  # no spreads: every game plays the file's numbers
    second = run_main("analyze", "astana-to-sochi", "--venue", "sochi", cwd=ROOT).stdout
    assert second.splitlines()[1] == "venue: Congress of Syrian National Dialogue (2 of 2)"
    spoiled = run_main("analyze", "astana-8", "--spoiler-seed", "3", cwd=ROOT)
    assert spoiled.returncode == 0 and "SPOILER" in spoiled.stdout
    assert spoiled.stdout != text  # the drawn numbers are not the file's
    data = json.loads(run_main("analyze", "astana-8", "--json", "--spoiler-seed", "3", cwd=ROOT).stdout)
    assert data["preferences"] == "drawn for seed 3 (spoiler)"
    # a seed no game can have is a usage error, as with --seed (before, -1 and 2^64 drew numbers)
    for bad in ("-1", str(2**64), "x"):
        refused = run_main("analyze", "astana-8", "--spoiler-seed", bad, cwd=ROOT)
        assert (refused.returncode, refused.stdout) == (1, ""), refused
        assert refused.stderr.count("\n") == 1 and "--spoiler-seed" in refused.stderr


def test_simulate_never_writes_over_a_save_that_appeared_while_it_ran(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Checked free at the start, a game's name taken meanwhile (another run into the same
    folder) was written over: ten games of two runs gave five files, their seeds mixed."""
    import game.sim.simulate as simulate

    folder = tmp_path / "saves"
    taken = folder / "astana-8-0002.yaml"
    original = simulate._save

    def another_run_first(*args: Any) -> None:
        if args[-1] == "astana-8-0002":
            taken.write_text("another run's game 2")
        original(*args)

    monkeypatch.setattr(simulate, "_save", another_run_first)
    out = run_main("simulate", "astana-8", "--games", "3", "--save-dir", str(folder))
    assert out.returncode == 1
    one_line(out.stderr, str(taken), "appeared while")
    assert taken.read_text() == "another run's game 2"
    assert sorted(p.name for p in folder.iterdir()) == ["astana-8-0001.yaml", "astana-8-0002.yaml"]


def test_watch_never_writes_over_a_save_that_appeared_while_it_played(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import game.commands_watch as watch

    taken = tmp_path / "h.yaml"
    original = watch._play_out

    def another_command_saves_first(session: Any) -> None:
        original(session)
        taken.write_text("another command's save")

    monkeypatch.setattr(watch, "_play_out", another_command_saves_first)
    out = run_main("watch", "harbour-contract", "--seed", "3", "--save", "h", "--saves", str(tmp_path))
    assert out.returncode == 1
    one_line(out.stderr, str(taken), "appeared while")
    assert taken.read_text() == "another command's save"
    assert [p.name for p in tmp_path.iterdir()] == ["h.yaml"]
