"""Strategies an outsider writes from docs/AI.md, "Bring your own agent", alone, against the hard
agent in every signatory seat (issue 10: "others will check them with strategies you have not seen").

    python bench/outsiders.py [--games 300] [--jobs 2] [--random] [--only NAME ...]

None of these is in the library, and none reads anything but its own view: each holds out for a
share of what its best package (its best option on every open issue, never across its own red
line) gives it over its walk-away value, the share moving along a straight line from the venue's
first round to its last; it answers every offer put to it by that bar, and tables its best package
once a round. They differ in where the share starts and ends, and in whether they table:

- **boulware**: 90% of its best in the first round, 30% in the last (holds out, then gives way);
- **conceder**: 40% to 0% (settles early for little);
- **early**: 15% throughout, and tables nothing (takes the first modest offer);
- **logroller**: 70% to 10%, and its package gives the third of the open issues it weighs least
  to the option most of the other signatories state in public;
- **patient**: docs/examples/my_agent.py's agent, as the docs print it.

Per seat, the paired difference of each to the hard agent over the same seeds (game.sim.tournament,
the other seats normal) and its standard error; a row that is more than one standard error ahead
is marked. `--random` plays the 45 signatory seats of the random tables of bench/random_figures.py
instead of the bundled scenarios'.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.ai.reading import Decision  # noqa: E402
from game.engine import Pass, Propose, Respond, View  # noqa: E402
from game.engine.legal import moves_for  # noqa: E402
from game.engine.model import Scenario  # noqa: E402
from game.engine.rng import Rng  # noqa: E402
from game.engine.state import PENDING  # noqa: E402
from game.engine.utility import utility, with_package  # noqa: E402
from game.scenario import bundled, load_scenario  # noqa: E402
from game.sim import tournament as T  # noqa: E402

Package = tuple[tuple[int, int], ...]


def best_package(view: View, give_cheap: bool = False) -> Package:
    """Our best option on each open agenda issue; with `give_cheap`, the third of those issues we
    weigh least go to the option most other signatories state (where our red lines allow it)."""
    me = view.own
    open_issues = [i for i in view.agenda if view.settled[i] < 0]
    cheap = set(sorted(open_issues, key=lambda i: me.weights[i])[: len(open_issues) // 3]) if give_cheap else set()
    package = []
    for i in open_issues:
        allowed = [o for o in range(len(view.issues[i].options)) if o not in me.red_lines[i]]
        option = max(allowed, key=me.values[i].__getitem__)
        if i in cheap:
            stated = [view.positions[s][i] for s in view.venue.signatories if s != view.me]
            votes = {o: stated.count(o) for o in stated if o in allowed}
            if votes:
                option = max(votes, key=lambda o: (votes[o], -o))
        package.append((i, option))
    return tuple(package)


class Line:
    """Holds out for a share of its best over walking away, from `start` to `end` over the rounds
    (each strategy below sets the two)."""

    start: float
    end: float
    tables = True
    give_cheap = False

    def aim(self, view: View) -> float:
        me = view.own
        best = utility(me, with_package(view.deal, best_package(view)))
        progress = (view.round - 1) / max(1, view.venue.rounds - 1)
        share = self.start + (self.end - self.start) * progress
        return me.reservation + max(0.0, best - me.reservation) * share

    def choose(self, view: View, rng: Rng) -> Decision:
        me = view.own
        aim = self.aim(view)
        for proposal in view.proposals:
            if proposal.author != view.me and proposal.response_of(view.me) == PENDING:
                worth = utility(me, with_package(view.deal, proposal.package))
                reason = f"worth {worth:.2f} to us against the {aim:.2f} we hold out for"
                return Decision(Respond(me.id, proposal.id, worth >= aim - 1e-9), reason)
        others = [view.delegations[s].id for s in view.venue.signatories if s != view.me and view.present[s]]
        tabled = any(p.author == view.me and p.round == view.round for p in view.proposals)
        package = best_package(view, self.give_cheap)
        if self.tables and package and others and not tabled and moves_for(view).allowed("propose"):
            named = tuple((view.issues[i].id, view.issues[i].options[o].id) for i, o in package)
            return Decision(Propose(me.id, named, tuple(others)), "our package for this round")
        return Decision(Pass(me.id), "we wait for answers")


class Boulware(Line):
    start, end = 0.9, 0.3


class Conceder(Line):
    start, end = 0.4, 0.0


class Early(Line):
    start, end = 0.15, 0.15
    tables = False


class Logroller(Line):
    start, end = 0.7, 0.1
    give_cheap = True


AGENTS = {
    "boulware": f"{__file__}:Boulware",
    "conceder": f"{__file__}:Conceder",
    "early": f"{__file__}:Early",
    "logroller": f"{__file__}:Logroller",
    "patient": f"{ROOT / 'docs' / 'examples' / 'my_agent.py'}:Patient",
}


def seats(random: bool, only: list[str] | None) -> list[tuple[Scenario, int]]:
    if random:
        from tests.sim.timed_scenarios import signatory_seats, timed_scenarios

        return [(sc, s) for sc in timed_scenarios(20, 0, False) for s in signatory_seats(sc)]
    chosen = []
    for name in only or sorted(bundled()):
        scenario = load_scenario(bundled()[name])
        chosen += [(scenario, s) for s in sorted({d for v in scenario.venues for d in v.signatories})]
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--games", type=int, default=300)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--random", action="store_true", help="the random tables' 45 signatory seats")
    parser.add_argument("--only", nargs="*", default=None, help="bundled scenario names (default: every one)")
    args = parser.parse_args()
    print("| scenario, seat | hard | " + " | ".join(AGENTS) + " |")
    print("|---|---|" + "---|" * len(AGENTS))
    ahead = total = 0
    for scenario, seat in seats(args.random, args.only):
        rows = T.run(scenario, seat, args.games, jobs=args.jobs, kinds=("hard", *AGENTS.values()))
        cells = []
        for row in rows[1:]:
            assert row.diff_to_hard is not None and row.se_diff is not None
            beats = row.diff_to_hard > row.se_diff
            cells.append(f"{row.diff_to_hard:+.3f} ± {row.se_diff:.3f}{' **ahead**' if beats else ''}")
        ahead += any("ahead" in c for c in cells)
        total += 1
        seat_id = scenario.delegations[seat].id
        print(f"| {scenario.id}, {seat_id} | {rows[0].mean_surplus:+.3f} | " + " | ".join(cells) + " |", flush=True)
    print(f"\nSeats where one of these is ahead of hard by more than one SE: {ahead} of {total}.")


if __name__ == "__main__":
    main()
