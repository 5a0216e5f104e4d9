"""How well the proposal builder's acceptance estimate is calibrated. Prints the table.

    python bench/calibration.py [--games 240] [--jobs 2] [--fit] [--timed N [--timed-only]]

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
other seeds, printed to paste into game/ai/estimate.py, and the table is for the fitted model.

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

from game.ai import estimate
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
                asked[(state.next_proposal, who)] = estimate.features(view, who, package)
        if isinstance(action, Respond) and (action.proposal, actor) in asked:
            samples.append((asked.pop((action.proposal, actor)), action.accept))
        try:
            state, _ = apply(state, action)
        except GameError:
            state, _ = apply(state, Pass(scenario.delegations[actor].id))
    return samples


def collect(base: int, games: int, jobs: int, names: tuple[str, ...] = SCENARIOS) -> dict[str, list[Sample]]:
    """The samples of `games // len(SCENARIOS)` games on each scenario named, by scenario."""
    work = [(name, base, i) for name in names for i in range(games // len(SCENARIOS))]
    out: dict[str, list[Sample]] = {name: [] for name in names}
    for (name, _, _), batch in zip(work, parallel_map(play_game, work, jobs), strict=True):
        out[name].extend(batch)
    return out


def pooled(by_scenario: dict[str, list[Sample]], names: tuple[str, ...] | list[str]) -> list[Sample]:
    return [s for name in names for s in by_scenario[name]]


Model = tuple[tuple[float, ...], tuple[tuple[float, float], ...]]  # coefficients, calibration points


def predict(model: Model, x: tuple[float, ...]) -> float:
    return estimate.calibrated(estimate.raw_chance(model[0], x), model[1])


def fit(samples: list[Sample]) -> Model:
    """The logistic model, then the calibration map of its raw chances."""
    coefficients = logistic(samples)
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


def logistic(samples: list[Sample], ridge: float = 1e-3) -> tuple[float, ...]:
    """Logistic regression by Newton's method, with a little ridge for stability."""
    x = np.array([f for f, _ in samples])
    y = np.array([float(a) for _, a in samples])
    w = np.zeros(x.shape[1])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (p - y) + ridge * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + ridge * np.eye(len(w))
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return tuple(round(float(c), 4) for c in w)


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
        "--timed",
        type=int,
        default=0,
        metavar="N",
        help="also the first N random timed scenarios (bench/random_figures.py's)",
    )
    parser.add_argument(
        "--timed-only", action="store_true", help="with --timed: the random scenarios instead of the bundled ones"
    )
    args = parser.parse_args()
    if args.timed_only and args.timed <= 0:
        print("calibration.py: --timed-only needs --timed N with N > 0", file=sys.stderr)
        sys.exit(1)
    timed = tuple(s.id for s in timed_scenarios(args.timed)) if args.timed > 0 else ()
    names = timed if args.timed_only else SCENARIOS + timed
    model: Model = (estimate.COEFFICIENTS, estimate.CALIBRATION)
    started = time.perf_counter()
    if args.fit:
        training = pooled(collect(1, args.games, args.jobs, names), names)
        model = fit(training)
        print(f"fitted on {len(training)} samples (paste into game/ai/estimate.py):")
        print("COEFFICIENTS = (" + ", ".join(f"{c}" for c in model[0]) + ")")
        print("CALIBRATION = (" + ", ".join(f"({x}, {y})" for x, y in model[1]) + ")")
        print()
    by_scenario = collect(2, args.games, args.jobs, names)
    good = True
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
