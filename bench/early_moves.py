"""Does what a seat does before the last round change the result? Issue 10's "done when", measured.

    python bench/early_moves.py [--scenario astana-8] [--seat ID ...] [--games 100]

A newcomer found, on one seed, that proposing and meeting in the early rounds of astana-8 on hard
ended exactly as passing had. This plays, in each signatory seat, against the hard agent in every
other seat (the game's hard difficulty), rows that all end the same way and differ only in what
comes before: each is the `wait-nash` strategy of the library (rejects everything and waits, then
tables the analysis's Nash package in the last round and takes any offer worth as much), with
- `wait`: nothing before the last round;
- `meet`: a meeting with each counterpart every round before it;
- `warm`: a conciliatory statement every round before it;
- `early`: the same package tabled from the first round, and taken offers worth as much from then;
and, for what playing the early rounds well is worth, the hard and the normal agent in that seat.
Per row: the mean utility of the seat's result (± one standard error), the paired difference to
`wait` (± its standard error), the share of seeds whose result differs from `wait`'s, and the mean
round of the agreements made. Same seeds in every row; prints figures only.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from game.ai.agent import Chooser
from game.ai.reading import Decision, counterparts
from game.ai.selfplay import play
from game.ai.strategies.base import last_round, respond, worth
from game.ai.strategies.library import WaitThenNash, _pass, _table_once
from game.engine import actions as A
from game.engine.model import Scenario
from game.engine.rng import Rng
from game.engine.state import Proposal
from game.engine.utility import outcome_utility
from game.engine.view import View
from game.scenario import bundled, load_scenario
from game.sim.seating import game_choosers, nash_packages


class Meet(WaitThenNash):
    """wait-nash, meeting each counterpart once a round before the last."""

    name = "meet"

    def __init__(self, nash: dict[int, tuple[tuple[int, int], ...] | None]) -> None:
        super().__init__(nash)
        self.met: set[tuple[int, int, str]] = set()

    def act(self, view: View, rng: Rng) -> Decision:
        if last_round(view):
            return super().act(view, rng)
        for d in counterparts(view):
            other = view.delegations[d].id
            if (view.venue_index, view.round, other) not in self.met:
                self.met.add((view.venue_index, view.round, other))
                return Decision(A.Meet(view.own.id, other), "we meet them")
        return _pass(view, "we wait")


class Warm(WaitThenNash):
    """wait-nash, with a conciliatory statement once a round before the last."""

    name = "warm"

    def __init__(self, nash: dict[int, tuple[tuple[int, int], ...] | None]) -> None:
        super().__init__(nash)
        self.spoken: set[tuple[int, int]] = set()

    def act(self, view: View, rng: Rng) -> Decision:
        if last_round(view):
            return super().act(view, rng)
        if (view.venue_index, view.round) not in self.spoken:
            self.spoken.add((view.venue_index, view.round))
            return Decision(A.Statement(view.own.id, "conciliatory"), "we speak warmly")
        return _pass(view, "we wait")


class Early(WaitThenNash):
    """wait-nash's package, tabled from the first round, and its answers from the first round."""

    name = "early"

    def answer(self, view: View, proposal: Proposal, rng: Rng) -> Decision:
        target = max(view.own.reservation, worth(view, self._package(view)))
        accept = worth(view, proposal.package) >= target - 1e-9
        return respond(view, proposal, accept, "as good as the fair deal" if accept else "less than the fair deal")

    def act(self, view: View, rng: Rng) -> Decision:
        return _table_once(view, self._package(view), "the fair deal, by the analysis")


ROWS: dict[str, type[WaitThenNash] | str] = {
    "wait": WaitThenNash,
    "meet": Meet,
    "warm": Warm,
    "early": Early,
    "hard": "hard",
    "normal": "normal",
}


def _chooser(row: str, scenario: Scenario, seat: int, seed: int) -> Chooser:
    kind = ROWS[row]
    if isinstance(kind, str):
        return game_choosers(scenario, {seat: kind}, seed)[seat]
    player: Callable[[View, Rng], Decision] = kind(nash_packages(scenario)).choose
    return player


def results(scenario: Scenario, seat: int, row: str, games: int) -> list[tuple[float, float | None]]:
    """Per seed: the seat's utility of the result, and the mean round of its agreements."""
    others = {d: "hard" for d in range(len(scenario.delegations)) if d != seat}
    out = []
    for seed in range(games):
        choosers = game_choosers(scenario, others, seed)
        choosers[seat] = _chooser(row, scenario, seat, seed)
        state = play(scenario, seed, choosers).state
        rounds = [a.round for a in state.agreements]
        out.append((outcome_utility(state, seat), statistics.mean(rounds) if rounds else None))
    return out


def _se(xs: list[float]) -> float:
    return statistics.stdev(xs) / len(xs) ** 0.5 if len(xs) > 1 else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(allow_abbrev=False)
    parser.add_argument("--scenario", default="astana-8")
    parser.add_argument("--seat", action="append", help="a signatory's id (default: every signatory)")
    parser.add_argument("--games", type=int, default=100)
    args = parser.parse_args()
    scenario = load_scenario(bundled().get(args.scenario) or args.scenario)
    signatories = sorted({d for v in scenario.venues for d in v.signatories})
    seats = [scenario.delegation_index[s] for s in args.seat] if args.seat else signatories
    for seat in seats:
        started = time.perf_counter()
        print(f"\n{scenario.id}, {scenario.delegations[seat].id} ({args.games} games; hard agents in every other seat)")
        print(f"{'row':8}{'utility':>16}{'vs wait':>18}{'differs':>9}{'deal round':>12}")
        base = results(scenario, seat, "wait", args.games)
        for row in ROWS:
            got = base if row == "wait" else results(scenario, seat, row, args.games)
            utility = [u for u, _ in got]
            diff = [u - b for (u, _), (b, _) in zip(got, base, strict=True)]
            differs = sum(abs(d) > 1e-9 for d in diff) / len(diff)
            rounds = [r for _, r in got if r is not None]
            when = f"{statistics.mean(rounds):.2f}" if rounds else "-"
            versus = "" if row == "wait" else f"{statistics.mean(diff):+.3f} ± {_se(diff):.3f}"
            print(f"{row:8}{statistics.mean(utility):>9.3f} ± {_se(utility):.3f}{versus:>18}{differs:>8.0%}{when:>12}")
        print(f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
