"""How well the proposal builder's acceptance estimate is calibrated. Prints the table.

    python bench/calibration.py [--games 240] [--jobs 2] [--fit [--free]] [--timed N [--timed-only]]
    python bench/calibration.py --by-level [--fit-levels] [--games 2400]

Games on the bundled scenarios in which one seat (a party or guarantor, in turn) proposes with a
mix of strategies: the three levels, random moves and the library's proposers. The other seats
are AI agents at one level per game (easy, normal and hard in turn). Every answer an addressee
gives to one of that seat's proposals is a sample: what the estimate predicted from the
proposer's view when it proposed, and whether the addressee said yes. (A proposal that fails
before an addressee answers gives no sample for it.)

The table sorts the samples into tenths of the predicted chance and compares, in each, the mean
prediction with how often the answer was yes. The target: in every tenth with 50 samples or
more, they differ by at most 0.10, over at least 2,000 samples.

With --fit, the estimate's coefficients are first fitted (logistic regression) on games from
other seeds, printed to paste into game/ai/estimate_fit.py, and the table is for the fitted model.
The fit is held to monotone_constraints (game/ai/estimate.py's RISING and FALLING): setting one
issue of a package to what a side publicly asks for must not lower its estimate through the
features' weights. The features are collinear (share, share_late, share_squared, last_share,
met), and a free fit gave some of them negative weights that did lower it (met at -0.35: the
builder showed a side less likely to accept once given its own stated position). --free fits
without them.

With --timed N, the first N random timed scenarios of tests/sim/timed_scenarios.py (the tables
of bench/random_figures.py) are played too, as many games each as a bundled scenario, and a
table is printed for them alone and for the bundled ones alone besides the whole; with
--timed-only, instead of the bundled ones. The estimate was fitted on the bundled scenarios:
this is how far it carries to tables nobody wrote.
"""

from __future__ import annotations

import argparse
import sys
import time
from functools import cache
from pathlib import Path

import numpy as np

from game.ai import estimate, estimate_fit
from game.ai.selfplay import agent_rng
from game.engine import GameError, Pass, Propose, Respond, apply, new_game, view_for
from game.engine.legal import may_propose
from game.engine.model import Scenario
from game.scenario import load_scenario, resolve
from game.sim.pool import parallel_map
from game.sim.seating import game_choosers
from game.sim.simulate import game_seed

# the random tables live with the tests (bench/random_figures.py reads them from there too)
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.sim.timed_scenarios import timed_scenario, timed_scenarios

SCENARIOS = ("astana-8", "sochi-congress", "astana-to-sochi", "harbour-contract")
PROPOSERS = (
    "easy",
    "normal",
    "hard",
    "random",
    "stonewall",
    "ideal-then-fold",
    "copy-last",
    "give-away",
    "wait-nash",
    "hardline",
)
LEVELS = ("easy", "normal", "hard")

Sample = tuple[tuple[float, ...], bool]  # the features when proposed, and the answer


def _seats(scenario: Scenario) -> list[int]:
    signs = {d for v in scenario.venues for d in v.signatories}
    return [d for d in sorted(signs) if may_propose(scenario.delegations[d].role)]


@cache
def _scenario(name: str) -> Scenario:
    """A bundled scenario by name, or a random timed one by its id (timed-SEED)."""
    if name.startswith("timed-"):
        return timed_scenario(int(name.removeprefix("timed-")))
    path = resolve(name)
    assert path is not None
    return load_scenario(path)


def play_game(job: tuple[str, int, int]) -> list[Sample]:
    """One game's samples: job = (scenario name, base seed, game index)."""
    name, base, index = job
    scenario = _scenario(name)
    seats = _seats(scenario)
    player = seats[index % len(seats)]
    kind = PROPOSERS[(index // len(seats)) % len(PROPOSERS)]
    level = LEVELS[index % len(LEVELS)]
    seed = game_seed(base, index)
    kinds = {d: level for d in range(len(scenario.delegations))}
    kinds[player] = kind
    choosers = game_choosers(scenario, kinds, seed)
    state, _ = new_game(scenario, seed)
    asked: dict[tuple[int, int], tuple[float, ...]] = {}  # (proposal, addressee) -> features
    samples: list[Sample] = []
    while not state.over:
        actor = state.actor
        view = view_for(state, actor)
        action = choosers[actor](view, agent_rng(state)).action
        if actor == player and isinstance(action, Propose):
            package = tuple(
                sorted(
                    (scenario.issue_index[i], scenario.issues[scenario.issue_index[i]].option_index(o))
                    for i, o in action.package
                )
            )
            for ident in action.to:
                who = scenario.delegation_index[ident]
                asked[(state.next_proposal, who)] = estimate.builder_features(view, who, package)
        if isinstance(action, Respond) and (action.proposal, actor) in asked:
            samples.append((asked.pop((action.proposal, actor)), action.accept))
        try:
            state, _ = apply(state, action)
        except GameError:
            state, _ = apply(state, Pass(scenario.delegations[actor].id))
    return samples


def collect(
    base: int, games: int, jobs: int, names: tuple[str, ...] = SCENARIOS
) -> dict[tuple[str, str], list[Sample]]:
    """The samples of `games // len(SCENARIOS)` games on each scenario named, by scenario and by
    the level of the seats that answer (play_game's: easy, normal and hard in turn)."""
    work = [(name, base, i) for name in names for i in range(games // len(SCENARIOS))]
    out: dict[tuple[str, str], list[Sample]] = {(name, level): [] for name in names for level in LEVELS}
    for (name, _, i), batch in zip(work, parallel_map(play_game, work, jobs), strict=True):
        out[name, LEVELS[i % len(LEVELS)]].extend(batch)
    return out


def pooled(
    by_scenario: dict[tuple[str, str], list[Sample]],
    names: tuple[str, ...] | list[str],
    levels: tuple[str, ...] = LEVELS,
) -> list[Sample]:
    return [s for name in names for level in levels for s in by_scenario[name, level]]


Model = tuple[tuple[float, ...], tuple[tuple[float, float], ...]]  # coefficients, calibration points


def predict(model: Model, x: tuple[float, ...]) -> float:
    return estimate.calibrated(estimate.raw_chance(model[0], x), model[1])


def fit(samples: list[Sample], free: bool = False) -> Model:
    """The logistic model, then the calibration map of its raw chances. Unless `free`, the model
    is held to monotone_constraints: giving a side what it asks for on one issue never lowers the
    builder's estimate through a feature that moves the right way."""
    coefficients = logistic(samples, constraints=None if free else monotone_constraints())
    raw = [(estimate.raw_chance(coefficients, x), accepted) for x, accepted in samples]
    return coefficients, calibration_points(raw)


def calibration_points(raw: list[tuple[float, bool]]) -> tuple[tuple[float, float], ...]:
    """Per tenth of the raw chance: its mean, and how often the answer was yes; made increasing
    by pooling neighbours that are not (pool-adjacent-violators); pinned at 0 and 1."""
    cells: list[list[float]] = []  # [mean raw chance, rate, count]
    for k in range(10):
        rows = [(p, a) for p, a in raw if min(9, int(p * 10)) == k]
        if rows:
            cells.append([sum(p for p, _ in rows) / len(rows), sum(a for _, a in rows) / len(rows), len(rows)])
    k = 0
    while k < len(cells) - 1:
        (x0, r0, n0), (x1, r1, n1) = cells[k], cells[k + 1]
        if r0 > r1:
            n = n0 + n1
            cells[k : k + 2] = [[(x0 * n0 + x1 * n1) / n, (r0 * n0 + r1 * n1) / n, n]]
            k = max(0, k - 1)
        else:
            k += 1
    inner = tuple((round(x, 4), round(r, 4)) for x, r, _ in cells if 0.0 < x < 1.0)
    return ((0.0, 0.0), *inner, (1.0, 1.0))


def monotone_constraints() -> np.ndarray:
    """Rows a of a . w >= 0 on the coefficients w (in FEATURES' order), as game/ai/estimate.py's
    RISING and FALLING say: a non-negative weight on each feature that rises as a package moves
    to a side's public position, a non-positive one on each that falls, and share's weight at
    least twice share_squared's either way (so that b * s + c * s^2 increases over s in [-1, 1];
    share_late and last_share, non-negative, only add to that slope)."""
    index = {name: k for k, name in enumerate(estimate.BUILDER_FEATURES)}
    rows = []
    falling = estimate.FALLING + estimate.REFUSED
    for name, sign in [(n, 1.0) for n in estimate.RISING] + [(n, -1.0) for n in falling]:
        row = np.zeros(len(index))
        row[index[name]] = sign
        rows.append(row)
    for sign in (1.0, -1.0):
        row = np.zeros(len(index))
        row[index["share"]], row[index["share_squared"]] = 1.0, -2.0 * sign
        rows.append(row)
    return np.array(rows)


def logistic(samples: list[Sample], ridge: float = 1e-3, constraints: np.ndarray | None = None) -> tuple[float, ...]:
    """Logistic regression by Newton's method, with a little ridge for stability; with
    `constraints` (rows a, each held to a . w >= 0), by Newton steps each solving its quadratic
    model within them (_constrained_step), from w = 0, which meets every such row."""
    x = np.array([f for f, _ in samples])
    y = np.array([float(a) for _, a in samples])
    w = np.zeros(x.shape[1])
    if constraints is not None:
        return _rounded_within(_constrained_logistic(x, y, w, ridge, constraints), constraints)
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (p - y) + ridge * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + ridge * np.eye(len(w))
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return tuple(round(float(c), 4) for c in w)


def _loss(x: np.ndarray, y: np.ndarray, w: np.ndarray, ridge: float) -> float:
    z = x @ w
    return float(np.sum(np.logaddexp(0.0, z) - y * z) + ridge / 2 * w @ w)


def _constrained_logistic(x: np.ndarray, y: np.ndarray, w: np.ndarray, ridge: float, a: np.ndarray) -> np.ndarray:
    """Newton's method within a . w >= 0: each step is the best of the quadratic model that keeps
    them, shortened (backtracking) until the loss falls as it should. Every point between two
    that keep the rows keeps them, so every shortened step does."""
    for _ in range(200):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (p - y) + ridge * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + ridge * np.eye(len(w))
        step = _constrained_step(hessian, gradient, a, w)
        slope = float(gradient @ step)
        if slope > -1e-12:
            break
        before, t = _loss(x, y, w, ridge), 1.0
        while _loss(x, y, w + t * step, ridge) > before + 1e-4 * t * slope and t > 1e-10:
            t /= 2
        w = w + t * step
        if np.abs(t * step).max() < 1e-9:
            break
    return w


def _constrained_step(h: np.ndarray, g: np.ndarray, a: np.ndarray, w: np.ndarray) -> np.ndarray:
    """The d minimising g . d + d . h d / 2 with a . (w + d) >= 0, by its dual: a problem in one
    multiplier per row, each at least 0, solved coordinate by coordinate (few rows, h positive
    definite), d = h^-1 (a^T lambda - g)."""
    h_g = np.linalg.solve(h, g)
    h_a = np.linalg.solve(h, a.T)
    q = a @ h_a
    b = a @ w - a @ h_g
    lam = np.zeros(len(a))
    for _ in range(100_000):
        largest = 0.0
        for i in range(len(a)):
            new = max(0.0, lam[i] - (q[i] @ lam + b[i]) / q[i, i])
            largest = max(largest, abs(new - lam[i]))
            lam[i] = new
        if largest < 1e-13:
            break
    return h_a @ lam - h_g


def _rounded_within(w: np.ndarray, a: np.ndarray) -> tuple[float, ...]:
    """The coefficients to four places, still within the rows: a weight the fit left at a bound
    (within rounding) is put on it exactly, share's weight raised to twice share_squared's where
    rounding took it under."""
    out = [round(float(c), 4) for c in w]
    index = {name: k for k, name in enumerate(estimate.BUILDER_FEATURES)}
    for name in estimate.RISING:
        out[index[name]] = max(0.0, out[index[name]])
    for name in estimate.FALLING + estimate.REFUSED:
        out[index[name]] = min(0.0, out[index[name]])
    share, squared = index["share"], index["share_squared"]
    out[share] = max(out[share], round(2 * abs(out[squared]), 4))
    assert (a @ np.array(out) >= -1e-12).all()
    return tuple(out)


def table(model: Model, samples: list[Sample]) -> bool:
    """Print the calibration table; whether every well-filled tenth is within 0.10."""
    bins: list[list[tuple[float, bool]]] = [[] for _ in range(10)]
    for x, accepted in samples:
        p = predict(model, x)
        bins[min(9, int(p * 10))].append((p, accepted))
    print(f"{'predicted':<12}{'samples':>8}{'mean predicted':>16}{'accepted':>10}{'gap':>8}")
    ok = True
    for k, rows in enumerate(bins):
        label = f"{k / 10:.1f}-{(k + 1) / 10:.1f}"
        if not rows:
            print(f"{label:<12}{0:>8}")
            continue
        mean_p = sum(p for p, _ in rows) / len(rows)
        rate = sum(a for _, a in rows) / len(rows)
        gap = mean_p - rate
        counted = len(rows) >= 50
        ok &= not counted or abs(gap) <= 0.10
        mark = "" if not counted else ("  ok" if abs(gap) <= 0.10 else "  OFF")
        print(f"{label:<12}{len(rows):>8}{mean_p:>16.3f}{rate:>10.3f}{gap:>+8.3f}{mark}")
    total = len(samples)
    print(f"{total} samples (answers to proposals); target: 2,000 or more, every tenth with 50+ within 0.10")
    return ok and total >= 2000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--games", type=int, default=240, help="games to measure on (and as many to fit on)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--fit", action="store_true", help="fit the coefficients first, on other seeds")
    parser.add_argument(
        "--free", action="store_true", help="with --fit: without the monotone constraints (as before 2026-12)"
    )
    parser.add_argument(
        "--timed",
        type=int,
        default=0,
        metavar="N",
        help="also the first N random timed scenarios (bench/random_figures.py's)",
    )
    parser.add_argument(
        "--timed-only", action="store_true", help="with --timed: the random scenarios instead of the bundled ones"
    )
    parser.add_argument(
        "--by-level",
        action="store_true",
        help="a table for each level of the answering seats, each through its own calibration map "
        "(LEVEL_CALIBRATION; with --fit, fitted and printed too)",
    )
    parser.add_argument(
        "--fit-levels",
        action="store_true",
        help="with --by-level: fit only the levels' maps, on other seeds, for the coefficients as they are",
    )
    args = parser.parse_args()
    args.by_level = args.by_level or args.fit_levels  # the levels' maps are fitted to be shown
    if args.timed_only and args.timed <= 0:
        print("calibration.py: --timed-only needs --timed N with N > 0", file=sys.stderr)
        sys.exit(1)
    timed = tuple(s.id for s in timed_scenarios(args.timed)) if args.timed > 0 else ()
    names = timed if args.timed_only else SCENARIOS + timed
    model: Model = (estimate_fit.COEFFICIENTS, estimate_fit.CALIBRATION)
    by_level = dict(estimate_fit.LEVEL_CALIBRATION)
    started = time.perf_counter()
    if args.fit or args.fit_levels:
        collected = collect(1, args.games, args.jobs, names)
        if args.fit:
            training = pooled(collected, names)
            model = fit(training, free=args.free)
            print(f"fitted on {len(training)} samples (paste into game/ai/estimate_fit.py):")
            print("COEFFICIENTS = (" + ", ".join(f"{c}" for c in model[0]) + ")")
            print("CALIBRATION = (" + ", ".join(f"({x}, {y})" for x, y in model[1]) + ")")
        if args.by_level:
            # the same model's raw chance, mapped to how often each level said yes
            for level in LEVELS:
                raw = [(estimate.raw_chance(model[0], x), a) for x, a in pooled(collected, names, (level,))]
                by_level[level] = calibration_points(raw)
            print("LEVEL_CALIBRATION = {")
            for level, points in by_level.items():
                print(f'    "{level}": (' + ", ".join(f"({x}, {y})" for x, y in points) + "),")
            print("}")
        print()
    by_scenario = collect(2, args.games, args.jobs, names)
    good = True
    if args.by_level:
        for level in LEVELS:
            print(f"Answers from {level} seats, through the {level} map:")
            good &= table((model[0], by_level[level]), pooled(by_scenario, names, (level,)))
            print()
        print("All the levels, through the pooled map:")
    if timed and not args.timed_only:
        print(f"The bundled scenarios ({', '.join(SCENARIOS)}):")
        good &= table(model, pooled(by_scenario, SCENARIOS))
        print(f"\nThe first {len(timed)} random timed scenarios:")
        good &= table(model, pooled(by_scenario, timed))
        print("\nBoth:")
    good &= table(model, pooled(by_scenario, names))
    print(f"({time.perf_counter() - started:.0f} s)")
    sys.exit(0 if good else 1)


if __name__ == "__main__":
    main()
