"""The levels' ladder: each step of hard > normal > easy > random is tested by the paired
difference of the two rows over the same seeds and the standard error of that difference."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.cli import main
from game.scenario import load_scenario
from game.sim import tournament as T
from game.sim.simulate import game_seed

ROOT = Path(__file__).resolve().parents[2]
MINI_PATH = ROOT / "tests" / "fixtures" / "mini.yaml"


def _row(kind: str, surplus: list[float]) -> T.Row:
    """A row as the tournament builds it, from its games' surpluses alone."""
    outcomes = [T.Outcome(i, s, s != 0.0, False, seed=i) for i, s in enumerate(surplus)]
    return T._row(kind, outcomes, [], 0.0)


def test_the_paired_standard_error_on_known_numbers() -> None:
    # differences 1, 0, 1, -1: mean 0.25; sample variance (0.5625 + 0.0625 + 0.5625 + 1.5625) / 3
    diff, se = T.paired([1.0, 2.0, 3.0, 4.0], [0.0, 2.0, 2.0, 5.0])
    assert diff == pytest.approx(0.25)
    assert se == pytest.approx(math.sqrt(2.75 / 3 / 4))
    assert T.paired([0.5], [0.2]) == pytest.approx((0.3, 0.0))  # one game: no spread to measure


def test_pairing_shows_a_step_that_the_rows_own_spread_hides() -> None:
    # the seeds' luck moves both rows alike (0 to 1), the upper row is always 0.05 above, give or take 0.01
    luck = [(i * 37 % 100) / 100 for i in range(50)]
    lower = _row("easy", luck)
    upper = _row("normal", [x + 0.05 + (0.01 if i % 2 else -0.01) for i, x in enumerate(luck)])
    (step,) = T.ladder([upper, lower])
    assert (step.upper, step.lower) == ("normal", "easy")
    assert step.diff == pytest.approx(0.05)
    assert step.se == pytest.approx(0.01 * math.sqrt(50 / 49) / math.sqrt(50))
    assert step.se_unpaired == pytest.approx(math.hypot(upper.se_surplus, lower.se_surplus))
    assert step.clear  # by some fifty paired standard errors
    assert not step.diff > T.CLEAR * step.se_unpaired  # while the unpaired test sees nothing


def test_the_ladder_follows_the_levels_order_and_skips_a_level_not_played() -> None:
    rows = [_row(k, [v, v + 0.1]) for k, v in (("random", 0.0), ("accept-all", 0.5), ("easy", 0.2), ("hard", 0.4))]
    steps = T.ladder(rows)
    assert [(s.upper, s.lower) for s in steps] == [("hard", "easy"), ("easy", "random")]
    assert [s.diff for s in steps] == pytest.approx([0.2, 0.2])
    # the same gap in every game: no spread, and a step that holds; a tie in every game does not
    assert all(s.se == pytest.approx(0.0) and s.clear for s in steps)
    assert not T.ladder([_row("normal", [0.1, 0.3]), _row("easy", [0.1, 0.3])])[0].clear
    assert T.ladder([_row("accept-all", [0.1])]) == []


values = st.floats(-1.0, 1.0, allow_nan=False)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(values, values), min_size=2, max_size=40), st.floats(-1.0, 1.0))
def test_the_paired_difference_is_the_difference_of_means_and_ignores_shared_luck(
    pairs: list[tuple[float, float]], shift: float
) -> None:
    a, b = [x for x, _ in pairs], [y for _, y in pairs]
    diff, se = T.paired(a, b)
    n = len(a)
    assert diff == pytest.approx(sum(a) / n - sum(b) / n, abs=1e-9)
    assert se >= 0.0
    # the same luck added to both rows game by game changes nothing
    luck = [shift * ((i * 7) % 5) for i in range(n)]
    assert T.paired([x + c for x, c in zip(a, luck, strict=True)], [y + c for y, c in zip(b, luck, strict=True)]) == (
        pytest.approx(diff, abs=1e-9),
        pytest.approx(se, abs=1e-9),
    )
    # swapping the rows flips the sign and keeps the error
    back = T.paired(b, a)
    assert back[0] == pytest.approx(-diff, abs=1e-9) and back[1] == pytest.approx(se, abs=1e-9)
    # the error is that of a mean: the sample deviation of the differences over the root of n
    d = [x - y for x, y in pairs]
    m = sum(d) / n
    assert se == pytest.approx(math.sqrt(sum((x - m) ** 2 for x in d) / (n - 1)) / math.sqrt(n), abs=1e-9)
    # a step is clear exactly when the paired difference is more than two of its standard errors
    step = T.ladder([_row("normal", a), _row("easy", b)])[0]
    assert step.clear == (diff > T.CLEAR * se)


def test_a_run_pairs_every_step_game_by_game() -> None:
    mini = load_scenario(MINI_PATH)
    games, seed, seat = 8, 2, 0
    rows = T.run(mini, seat, games, seed=seed, kinds=T.LADDER)
    surplus = {k: [T.play_one(mini, seat, k, i, game_seed(seed, i))[1] for i in range(games)] for k in T.LADDER}
    steps = T.ladder(rows)
    assert [(s.upper, s.lower) for s in steps] == [("hard", "normal"), ("normal", "easy"), ("easy", "random")]
    for s in steps:
        diff, se = T.paired(surplus[s.upper], surplus[s.lower])
        assert (s.diff, s.se) == (pytest.approx(diff), pytest.approx(se))


def test_the_command_prints_the_ladder_in_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tournament", str(MINI_PATH), "--seat", "red", "--games", "4"]) == 0
    out = capsys.readouterr().out
    for step in ("hard > normal", "normal > easy", "easy > random"):
        line = next(x for x in out.splitlines() if x.strip().startswith(step))
        assert "paired" in line and "unpaired" in line
    assert main(["tournament", str(MINI_PATH), "--seat", "red", "--games", "4", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(s["upper"], s["lower"]) for s in data["ladder"]] == [
        ("hard", "normal"),
        ("normal", "easy"),
        ("easy", "random"),
    ]
    assert {"diff", "se", "se_unpaired", "clear"} <= set(data["ladder"][0])
    assert all("surplus" not in r for r in data["rows"])  # the games' list stays out of the output


def test_one_game_has_no_standard_error_and_no_step_holds_on_it() -> None:
    """Before, one game gave a standard error of 0: every row printed ±0.000 and any step with
    upper ahead on that one game "held", as if one game settled it."""
    upper, lower = _row("hard", [0.4]), _row("normal", [0.1])
    assert upper.se_surplus is None and lower.se_surplus is None
    (step,) = T.ladder([upper, lower])
    assert step.diff == pytest.approx(0.3)
    assert step.se is None and step.se_unpaired is None and not step.clear
    # the difference to hard, too
    row = T._row("easy", [T.Outcome(0, 0.2, True, False, seed=0)], [0.4], 0.0)
    assert row.diff_to_hard == pytest.approx(-0.2) and row.se_diff is None


def test_the_command_says_a_standard_error_of_one_game_is_undefined(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["tournament", str(MINI_PATH), "--seat", "red", "--games", "1"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert not re.search(r"± ?\d", out), out  # no standard error printed as a number
    assert "a standard error is undefined (n/a)" in out
    hard = next(x for x in out.splitlines() if x.startswith("hard "))
    normal = next(x for x in out.splitlines() if x.startswith("normal "))
    assert "±n/a" in hard and normal.index(" ±") == hard.index(" ±") and len(normal) == len(hard)
    for step in ("hard > normal", "normal > easy", "easy > random"):
        line = next(x for x in out.splitlines() if x.strip().startswith(step))
        assert "± n/a paired (± n/a unpaired)  not shown" in line
    assert main([*args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert all(r["se_surplus"] is None for r in data["rows"])
    assert all(r["se_diff"] is None for r in data["rows"] if r["kind"] != "hard")
    assert data["ladder"] and all(
        s["se"] is None and s["se_unpaired"] is None and not s["clear"] for s in data["ladder"]
    )
