"""A tournament in one seat: every level and every strategy of the library plays that seat over
the same seeds (paired), the other seats played by the normal agent, and each is compared with
the hard agent game by game.

Surplus is the seat's utility of the outcome minus its walk-away value, both as the game drew
them (a game with nothing agreed gives exactly zero). The paired difference to hard is the mean,
over the seeds, of (surplus of this row - surplus of the hard agent on the same seed), with the
standard error of that mean: the seeds' own luck cancels out, so small differences show.

The levels' ladder (hard > normal > easy > random) is tested the same way, step by step: each
step is the paired difference between the two rows on the same seeds, with the standard error of
that difference (the unpaired figure, the two rows' standard errors combined as if the rows were
independent, is kept beside it for comparison: it is larger wherever the seeds' luck moves both
rows alike, and so hides real steps).
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, NamedTuple

from game.ai.levels import LEVELS
from game.ai.rehearsal import STYLES, style_name
from game.ai.selfplay import play
from game.ai.strategies import STRATEGIES
from game.engine.model import Scenario
from game.engine.types import draw_types
from game.engine.utility import outcome_utility
from game.sim.ahead import rehearse_ahead
from game.sim.pool import note, parallel_imap
from game.sim.seating import game_choosers, game_in_play, stop_hung_moves
from game.sim.simulate import game_seed
from game.stats import mean as _mean
from game.stats import paired
from game.stats import standard_error as _se

BASELINE = "hard"
OTHERS = "normal"  # the level of every other seat
# the rows, in the order they are played and printed: the levels from the best, then the library
KINDS = ("hard", "normal", "easy", *STRATEGIES)
# the levels from the best to the floor: each must beat the next by more than two standard errors
LADDER = ("hard", "normal", "easy", "random")
CLEAR = 2.0  # a step of the ladder counts when its paired difference is more than this many SE


class Outcome(NamedTuple):
    """One game of a row. Its position comes first: a row's games sort into the order of the seeds."""

    position: int  # the game's place in the run (its seed is game_seed(base, position))
    surplus: float
    agreed: bool  # anything signed, at any venue
    last_round: bool  # a signing in a venue's last round
    seed: int


@dataclass(frozen=True)
class Row:
    kind: str
    games: int
    mean_surplus: float
    se_surplus: float | None  # None with fewer than two games: no spread to measure
    agreement_rate: float
    last_round_share: float | None  # of the games with an agreement, those agreed in the last round
    diff_to_hard: float | None
    se_diff: float | None
    seconds: float
    # the surplus of every game, in the order of the seeds: what pairs this row with any other
    surplus: tuple[float, ...] = field(default=(), repr=False)
    # the rest of every game, in the same order: `--json` gives them game by game, so that a reader
    # can pair any two rows (two agents of their own, not only each with hard) and replay a game
    seeds: tuple[int, ...] = field(default=(), repr=False)
    agreed: tuple[bool, ...] = field(default=(), repr=False)
    last_round: tuple[bool, ...] = field(default=(), repr=False)


@dataclass(frozen=True)
class Step:
    """One step of the ladder: `upper` against `lower` over the same seeds."""

    upper: str
    lower: str
    diff: float  # the mean over the seeds of (upper's surplus - lower's surplus)
    se: float | None  # the standard error of that paired mean (None with fewer than two games)
    se_unpaired: float | None  # the two rows' standard errors combined, as if they had not shared seeds

    @property
    def clear(self) -> bool:
        """Whether upper beats lower by more than CLEAR standard errors of the paired difference.
        Never with fewer than two games: one game has no spread, so no standard error to beat."""
        return self.se is not None and self.diff > CLEAR * self.se


_scenario: Scenario | None = None  # per worker process: the scenario of the run


def _init(scenario: Scenario) -> None:
    """The scenario every game of the run plays, set once per worker (or in this process)."""
    global _scenario
    _scenario = scenario
    stop_hung_moves()


def _games(task: tuple[int, str, list[tuple[int, int]]]) -> list[Outcome]:
    seat, kind, seeds = task
    assert _scenario is not None
    played = []
    for index, seed in seeds:
        note(game_in_play(_scenario, {seat: kind}, seed))  # named if the worker ends in it
        played.append(play_one(_scenario, seat, kind, index, seed))
    return played


def play_one(scenario: Scenario, seat: int, kind: str, index: int, seed: int) -> Outcome:
    """One game with `kind` in `seat` and the normal agent everywhere else."""
    state = play(scenario, seed, game_choosers(scenario, {seat: kind}, seed)).state
    # the yardstick is the walk-away value the game drew for the seat, before any event moved it:
    # the same for every row of a seed. Measured against the moved value, as the debrief judges a
    # single game, news that hurts the seat would raise its score and news that helps would lower
    # it, and rows whose timing let different cards fire would not be compared on one scale
    drawn = draw_types(scenario, seed).delegations[seat].reservation
    surplus = outcome_utility(state, seat) - drawn
    last = any(a.round >= state.scenario.venues[a.venue].rounds for a in state.agreements)
    return Outcome(index, surplus, bool(state.agreements), last, seed)


def run(
    scenario: Scenario,
    seat: int,
    games: int,
    seed: int = 0,
    jobs: int = 1,
    kinds: tuple[str, ...] = KINDS,
    on_row: Callable[[Row], None] | None = None,
) -> list[Row]:
    """Play every row; `on_row` hears of each as soon as it is complete (in order). The rows are
    the same whatever `jobs` is. Ctrl+C stops every worker at once."""
    kinds = (BASELINE, *(k for k in kinds if k != BASELINE))  # every other row is compared with it
    seeds = [(i, game_seed(seed, i)) for i in range(games)]
    outside = [kind for kind in kinds if ":" in kind]
    if outside and seeds:
        # each outside agent's first game before any row: an agent that fails at once was found
        # only once every built-in row had been played and printed, minutes at 300 games a row (a
        # researcher's). Played again in its row (the same seed gives the same game), and before
        # the clock of the rows starts: no row's seconds count it
        trial = [(seat, kind, seeds[:1]) for kind in outside]
        for _ in parallel_imap(_games, trial, min(jobs, len(trial)), _init, (scenario,), isolated=True):
            pass
    # the seat's rehearsal at each level that rehearses (the hard row's), here once rather than in
    # every worker; the first row's seconds count it, as they did when each worker rehearsed
    started = time.perf_counter()
    for kind in kinds:
        rehearse_ahead(scenario, {seat: kind}, jobs)
    size = max(1, min(50, -(-games // (jobs * 2))))  # a few tasks per worker and row evens the load
    tasks = [(seat, kind, seeds[i : i + size]) for kind in kinds for i in range(0, games, size)]
    per_kind = -(-games // size)
    rows: list[Row] = []
    baseline: list[float] = []
    for kind, outcomes, seconds in _rows(scenario, tasks, per_kind, jobs, started):
        if kind == BASELINE:
            baseline = [game.surplus for game in sorted(outcomes)]
        row = _row(kind, outcomes, baseline, seconds)
        rows.append(row)
        if on_row is not None:
            on_row(row)
    return rows


def _rows(
    scenario: Scenario,
    tasks: list[tuple[int, str, list[tuple[int, int]]]],
    per_kind: int,
    jobs: int,
    started: float,
) -> Iterator[tuple[str, list[Outcome], float]]:
    """Each row's outcomes as it completes, with the seconds since the last row completed (the
    first row's since `started`)."""
    # Ctrl+C (or any failure) stops the workers at once, not after their batch: game.sim.pool
    # an outside agent's rows in a worker even with one job (game.sim.pool: `isolated`)
    outside = any(":" in kind for _, kind, _ in tasks)
    results = parallel_imap(_games, tasks, jobs, _init, (scenario,), isolated=outside)
    yield from _collect(tasks, per_kind, results, started)


def _collect(
    tasks: list[tuple[int, str, list[tuple[int, int]]]],
    per_kind: int,
    results: Iterator[list[Outcome]],
    started: float,
) -> Iterator[tuple[str, list[Outcome], float]]:
    outcomes: list[Outcome] = []
    last = started
    for n, batch in enumerate(results, 1):
        outcomes.extend(batch)
        if n % per_kind == 0:
            now = time.perf_counter()
            yield tasks[n - 1][1], outcomes, now - last
            outcomes, last = [], now


def _row(kind: str, outcomes: list[Outcome], baseline: list[float], seconds: float) -> Row:
    ordered = sorted(outcomes)
    surplus = [game.surplus for game in ordered]
    n = len(surplus)
    agreed = [game.last_round for game in ordered if game.agreed]
    diff = se = None
    if len(baseline) == n:
        diff, se = _paired(surplus, baseline)
    return Row(
        kind=kind,
        games=n,
        mean_surplus=_mean(surplus),
        se_surplus=_defined_se(surplus),
        agreement_rate=len(agreed) / n,
        last_round_share=sum(agreed) / len(agreed) if agreed else None,
        diff_to_hard=diff,
        se_diff=se,
        seconds=seconds,
        surplus=tuple(surplus),
        seeds=tuple(game.seed for game in ordered),
        agreed=tuple(game.agreed for game in ordered),
        last_round=tuple(game.last_round for game in ordered),
    )


def ladder(rows: Sequence[Row]) -> list[Step]:
    """The steps of hard > normal > easy > random between the rows the run played (a level not
    played is skipped: its neighbours are compared directly), each by its paired difference."""
    played = {r.kind: r for r in rows}
    levels = [played[k] for k in LADDER if k in played]
    steps = []
    for a, b in itertools.pairwise(levels):
        diff, se = _paired(a.surplus, b.surplus)
        unpaired = None if a.se_surplus is None or b.se_surplus is None else math.hypot(a.se_surplus, b.se_surplus)
        steps.append(Step(a.kind, b.kind, diff, se, unpaired))
    return steps


def _defined_se(xs: Sequence[float]) -> float | None:
    """The standard error of the mean of `xs`; None (undefined) for fewer than two games, where
    game.stats gives 0, which a table would print as certainty and the ladder read as a step
    that holds."""
    return _se(xs) if len(xs) >= 2 else None


def _paired(a: Sequence[float], b: Sequence[float]) -> tuple[float, float | None]:
    """The paired difference and its standard error (None for fewer than two games)."""
    diff, se = paired(a, b)
    return diff, se if len(a) >= 2 else None


def same_as_hard(rows: Sequence[Row]) -> dict[str, str]:
    """A note for each row that scored what hard scored in every game, by the row's kind (the
    text prints them under the rows, --json as each row's `same_as_hard`): +0.000 ± 0.000 read
    as a fault to an author, but the hard agent plays the style its rehearsal chose for the seat,
    and a row of the library that is that style plays the same games."""
    hard = next((row for row in rows if row.kind == BASELINE), None)
    if hard is None or hard.games < 2:
        return {}
    styles = {style_name(style) for style in STYLES[BASELINE]}
    notes = {}
    for row in rows:
        if row.kind == BASELINE or row.surplus != hard.surplus:
            continue
        if row.kind in styles:
            notes[row.kind] = (
                f"{row.kind}: the same result as hard in every game; here the hard agent plays {row.kind}'s way"
                " (the style its rehearsal chose for this seat, docs/AI.md)."
            )
        else:
            notes[row.kind] = f"{row.kind}: the same result as hard in every game."
    return notes


def describe(kind: str) -> str:
    """What a row's player is, in a few words."""
    if kind in LEVELS:
        return f"the {kind} agent"
    if kind in STRATEGIES:
        return STRATEGIES[kind].summary
    return f"your agent {kind}"  # an outside agent (`--agent PATH.py:NAME`), named as given


def to_json(scenario: Scenario, seat: int, games: int, seed: int, rows: list[Row]) -> dict[str, Any]:
    """What `tournament --json` prints, but for its provenance (docs/AI.md, "The tournament's JSON")."""
    notes = same_as_hard(rows)
    return {
        "scenario": scenario.id,
        "seat": scenario.delegations[seat].id,
        "games": games,
        "seed": seed,
        # every row played these, game k the k-th: `watch SCENARIO --seed S --seat SEAT=KIND` replays one
        "seeds": [game_seed(seed, i) for i in range(games)],
        "others": OTHERS,
        "baseline": BASELINE,
        "rows": [
            {
                **{k: v for k, v in asdict(r).items() if k not in PER_GAME},
                "seconds": round(r.seconds, 2),
                "what": describe(r.kind),
                "same_as_hard": notes.get(r.kind),  # the note the text prints under the rows, or None
                "per_game": per_game(r),
            }
            for r in rows
        ],
        "ladder": [{**asdict(s), "clear": s.clear} for s in ladder(rows)],
    }


PER_GAME = ("surplus", "seeds", "agreed", "last_round")  # a row's fields given game by game, in per_game


def per_game(row: Row) -> list[dict[str, Any]]:
    """A row's games in the order of the seeds: each game's seed, the seat's surplus, whether
    anything was signed and whether a signing came in a venue's last round."""
    return [
        {"seed": s, "surplus": x, "agreed": a, "last_round": last}
        for s, x, a, last in zip(row.seeds, row.surplus, row.agreed, row.last_round, strict=True)
    ]
