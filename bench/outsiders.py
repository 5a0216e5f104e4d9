"""Strategies an outsider writes from docs/AI.md, "Bring your own agent", alone, against the hard
agent in every signatory seat (issue 10: "others will check them with strategies you have not seen").

    python bench/outsiders.py [--games 300] [--jobs 2] [--random] [--only NAME ...]
        [--seats SCENARIO:SEAT ...] [--agents STRATEGY ...]

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

Four more (out35, session 34), of other kinds: they value a package by docs/RULES.md "Utility"
(open issues of the agenda at the walk-away value), and all but greedy-late table packages that
give ground on the issues the others care for, rather than their best:

- **tit-for-tat**: behaviour-dependent concession (Faratin's absolute tit-for-tat): each round it
  gives up, from its best, as much worth as the best offer put to it gained since the round
  before (at least 3% of its best over walking away), and answers by that bar;
- **ac-next**: ANAC's ACnext: a Boulware line (the bar falls with the square of the time gone, to
  5% above walking away in the last round), its package nearest the last offer put to it; it
  accepts exactly what is worth at least its own next package;
- **nash-guess**: guesses the others' values from their public positions, proposals, acceptances
  and declared red lines (equal weights unless a meeting told it one) and tables the package that
  maximises the product of the guessed gains over guessed walk-away values; accepts what is worth
  that package to it, less up to half its margin by the last round;
- **greedy-late**: tables its best and refuses everything until the venue's last two rounds, then
  accepts the best offer seen at the venue above walking away (in the last round, any above it).

Per seat, the paired difference of each to the hard agent over the same seeds (game.sim.tournament,
the other seats normal) and its standard error; a row that is more than one standard error ahead
is marked. `--random` plays the 45 signatory seats of the random tables of bench/random_figures.py
instead of the bundled scenarios'; `--seats` keeps the named ones of the set, `--agents` the named
strategies.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.ai.reading import Decision  # noqa: E402
from game.engine import Pass, Propose, Respond, View  # noqa: E402
from game.engine.legal import moves_for  # noqa: E402
from game.engine.model import Scenario  # noqa: E402
from game.engine.rng import Rng  # noqa: E402
from game.engine.state import PENDING, Proposal  # noqa: E402
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


# Four more, of other kinds (out35, session 34): they read the same view, but where the lines
# above hold a bar on a straight line and table their best, these answer the others' moves, table
# packages that give ground, guess what the others want, or wait for the end.


def open_issues(view: View) -> list[int]:
    return [i for i in view.agenda if view.settled[i] < 0]


def allowed_options(view: View, issue: int) -> list[int]:
    return [o for o in range(len(view.issues[issue].options)) if o not in view.own.red_lines[issue]]


def worth(view: View, package: Package) -> float:
    """What a package gives us if it is agreed, by docs/RULES.md "Utility": each settled issue at
    the agreed option, each issue of this venue's agenda still open at our walk-away value, and an
    issue this venue does not negotiate at what is in force."""
    me = view.own
    chosen = dict(package)
    total = 0.0
    for i, w in enumerate(me.weights):
        if i in chosen:
            total += w * me.values[i][chosen[i]]
        elif view.settled[i] >= 0 or i not in view.agenda:
            total += w * me.values[i][view.deal[i]]
        else:
            total += w * me.reservation
    return total


def owed(view: View) -> list[Proposal]:
    """The proposals put to us that wait for our answer (a mediator's draft among them)."""
    return [p for p in view.proposals if p.author != view.me and p.response_of(view.me) == PENDING]


def other_signatories(view: View) -> list[int]:
    return [s for s in view.venue.signatories if s != view.me and view.present[s]]


def table(view: View, package: Package, reason: str) -> Decision | None:
    """Our package, put to every other signatory present, once a round, where the rules let us."""
    others = [view.delegations[s].id for s in other_signatories(view)]
    tabled = any(p.author == view.me and p.round == view.round for p in view.proposals)
    if not package or not others or tabled or not moves_for(view).allowed("propose"):
        return None
    named = tuple((view.issues[i].id, view.issues[i].options[o].id) for i, o in package)
    return Decision(Propose(view.own.id, named, tuple(others)), reason)


def progress(view: View, ahead: int = 0) -> float:
    """How far through the venue's rounds we are: 0 in its first round, 1 in its last."""
    return min(1.0, (view.round - 1 + ahead) / max(1, view.venue.rounds - 1))


class Guess:
    """What the others want, guessed from what is public only: on each open issue a side is
    taken to like its stated position best and the options further from it less (the options of
    an issue are in order, docs/RULES.md), blended with what it has put in its proposals and
    accepted; its declared red lines it hates; each issue weighs the same to it unless a meeting
    told us its weight. Its walk-away value is guessed as what the options in force give it,
    kept within 0.2-0.6."""

    def __init__(self, view: View) -> None:
        self.sides = other_signatories(view)
        self.values: dict[int, list[list[float]]] = {}
        self.weights: dict[int, list[float]] = {}
        self.walk_away: dict[int, float] = {}
        issues = open_issues(view)
        for s in self.sides:
            values = []
            for i, issue in enumerate(view.issues):
                n = len(issue.options)
                pos = view.positions[s][i]
                shown = [a + b for a, b in zip(view.offered[s][i], view.accepted[s][i], strict=True)]
                top = max(shown) if shown else 0
                row = []
                for o in range(n):
                    base = 1.0 - abs(o - pos) / max(1, n - 1) if pos >= 0 else 0.5
                    v = 0.6 * base + 0.4 * shown[o] / top if top else base
                    row.append(-1.0 if o in view.red_lines[s][i] else v)
                values.append(row)
            told = {i: w for who, i, w in view.learned if who == s and i in issues}
            rest = [i for i in issues if i not in told]
            share = max(0.0, 1.0 - sum(told.values())) / len(rest) if rest else 0.0
            self.values[s] = values
            self.weights[s] = [told.get(i, share if i in rest else 0.0) for i in range(len(view.issues))]
            in_force = sum(self.weights[s][i] * values[i][view.deal[i]] for i in issues)
            self.walk_away[s] = min(0.6, max(0.2, in_force))

    def gain(self, issue: int, option: int) -> float:
        """What the others together would get from this option on this issue (weighted)."""
        return sum(self.weights[s][issue] * self.values[s][issue][option] for s in self.sides)

    def value(self, s: int, package: Package) -> float:
        return sum(self.weights[s][i] * self.values[s][i][o] for i, o in package)


def give_ground(view: View, aim: float, liked: Callable[[int, int], float]) -> Package:
    """From our best package, move issue by issue to the option that the others like most (by
    `liked`) for each unit of worth we give up, as long as the package stays worth `aim` to us."""
    package = dict(best_package(view))
    while True:
        now = worth(view, tuple(sorted(package.items())))
        move, best_ratio = None, 0.0
        for i in package:
            for o in allowed_options(view, i):
                gained = liked(i, o) - liked(i, package[i])
                if o == package[i] or gained <= 1e-12:
                    continue
                lost = view.own.weights[i] * (view.own.values[i][package[i]] - view.own.values[i][o])
                if now - lost < aim - 1e-9:
                    continue
                ratio = gained / max(lost, 1e-6)
                if ratio > best_ratio:
                    move, best_ratio = (i, o), ratio
        if move is None:
            return tuple(sorted(package.items()))
        package[move[0]] = move[1]


class TitForTat:
    """Behaviour-dependent concession (Faratin, Sierra and Jennings' absolute tit-for-tat): it
    gives up, from its best package, as much worth to it as the best offer put to it improved
    from one round to the next (at least 3% of its best over walking away each round, to get the
    exchange going); it accepts what reaches that bar and tables the package at the bar that its
    guess of the others likes most."""

    NUDGE = 0.03

    def __init__(self) -> None:
        self.venue = -1
        self.round = 0
        self.given = 0.0  # worth given up so far at this venue
        self.offers: dict[int, float] = {}  # round -> best worth of an offer put to us

    def choose(self, view: View, rng: Rng) -> Decision:
        me = view.own
        if view.venue_index != self.venue:
            self.venue, self.round, self.given, self.offers = view.venue_index, view.round, 0.0, {}
        best = worth(view, best_package(view))
        span = max(0.0, best - me.reservation)
        while self.round < view.round:  # a new round: mirror what the others gave last round
            last, before = self.offers.get(self.round), [v for r, v in self.offers.items() if r < self.round]
            moved = last - max(before) if last is not None and before else 0.0
            self.given += max(self.NUDGE * span, moved)
            self.round += 1
        for p in view.proposals:
            if p.author != view.me and p.round == view.round:
                self.offers[view.round] = max(self.offers.get(view.round, 0.0), worth(view, p.package))
        aim = max(me.reservation, best - self.given)
        waiting = owed(view)
        if waiting:
            offered = worth(view, waiting[0].package)
            yes = offered >= aim - 1e-9
            return Decision(Respond(me.id, waiting[0].id, yes), f"worth {offered:.2f} to us; we hold out for {aim:.2f}")
        package = give_ground(view, aim, Guess(view).gain)
        return table(view, package, "as much as you gave") or Decision(Pass(me.id), "we wait for answers")


class ACNext:
    """ANAC's ACnext acceptance with a Boulware line (Baarslag et al.): its bar falls from its best
    with the square of the time gone, to 5% of its best over walking away in the last round; it
    tables the package at the bar nearest the last offer put to it (else the others' stated
    positions), and accepts an offer exactly when it is worth at least what its own next package
    would give it."""

    def __init__(self) -> None:
        self.last: Package = ()  # the last offer put to us (by anyone)

    def aim(self, view: View, ahead: int) -> float:
        me = view.own
        best = worth(view, best_package(view))
        floor = me.reservation + 0.05 * max(0.0, best - me.reservation)
        return max(floor, best - (best - floor) * progress(view, ahead) ** 2)

    def package(self, view: View, ahead: int) -> Package:
        near = dict(p for p in self.last if view.settled[p[0]] < 0)
        positions = {i: [view.positions[s][i] for s in other_signatories(view)] for i in open_issues(view)}

        def liked(i: int, o: int) -> float:
            return 1.0 if near.get(i) == o else 0.0 if near else positions[i].count(o) / max(1, len(positions[i]))

        return give_ground(view, self.aim(view, ahead), liked)

    def choose(self, view: View, rng: Rng) -> Decision:
        me = view.own
        waiting = owed(view)
        for p in view.proposals:
            if p.author != view.me and p.response_of(view.me) is not None:
                self.last = p.package
        if waiting:
            offered = worth(view, waiting[0].package)
            mine = worth(view, self.package(view, 1))
            yes = offered >= mine - 1e-9
            return Decision(
                Respond(me.id, waiting[0].id, yes), f"worth {offered:.2f}; our next offer gives us {mine:.2f}"
            )
        package = self.package(view, 0)
        return table(view, package, "our offer for this round") or Decision(Pass(me.id), "we wait for answers")


class NashGuess:
    """A Nash-seeker on guessed preferences: it tables, every round, the package that maximises
    the product of each signatory's gain over its walk-away value (ours known, the others' from
    Guess), found by moving one issue at a time from several starts; it accepts an offer worth at
    least that package to it less a share of the margin that grows to a half by the last round."""

    def nash(self, view: View) -> Package:
        guess = Guess(view)
        me = view.own
        issues = open_issues(view)

        def score(package: dict[int, int]) -> float:
            named = tuple(sorted(package.items()))
            gains = [worth(view, named) - me.reservation]
            gains += [guess.value(s, named) - guess.walk_away[s] for s in guess.sides]
            return sum(math.log(g) if g > 1e-3 else math.log(1e-3) + (g - 1e-3) / 1e-3 for g in gains)

        starts = [
            dict(best_package(view)),
            {i: max(allowed_options(view, i), key=lambda o: guess.gain(i, o)) for i in issues},
        ]
        found, top = starts[0], -math.inf
        for package in starts:
            current = score(package)
            for _ in range(10):
                moved = False
                for i in issues:
                    for o in allowed_options(view, i):
                        trial = {**package, i: o}
                        value = score(trial)
                        if value > current + 1e-12:
                            package, current, moved = trial, value, True
                if not moved:
                    break
            if current > top:
                found, top = package, current
        return tuple(sorted(found.items()))

    def choose(self, view: View, rng: Rng) -> Decision:
        me = view.own
        package = self.nash(view)
        target = worth(view, package)
        bar = max(me.reservation, target - 0.5 * max(0.0, target - me.reservation) * progress(view))
        waiting = owed(view)
        if waiting:
            offered = worth(view, waiting[0].package)
            yes = offered >= bar - 1e-9
            return Decision(
                Respond(me.id, waiting[0].id, yes), f"worth {offered:.2f}; the fair deal gives us {target:.2f}"
            )
        return table(view, package, "the deal fairest to all, as we read you") or Decision(Pass(me.id), "we wait")


class GreedyLate:
    """Tables its best package every round and refuses everything until the last two rounds of
    the venue; there it accepts an offer above its walk-away value that is at least as good as
    the best offer it has seen at this venue, and in the last round any above it, the best first."""

    def __init__(self) -> None:
        self.venue = -1
        self.seen = -math.inf  # the best worth of an offer seen at this venue

    def choose(self, view: View, rng: Rng) -> Decision:
        me = view.own
        if view.venue_index != self.venue:
            self.venue, self.seen = view.venue_index, -math.inf
        waiting = sorted(owed(view), key=lambda p: -worth(view, p.package))
        if waiting:
            first = waiting[0]
            offered = worth(view, first.package)
            late = view.round >= view.venue.rounds - 1
            last = view.round >= view.venue.rounds
            yes = late and offered > me.reservation and (offered >= self.seen - 1e-9 or last)
            self.seen = max(self.seen, offered)
            return Decision(Respond(me.id, first.id, yes), f"worth {offered:.2f} to us, round {view.round}")
        for p in view.proposals:
            if p.author != view.me:
                self.seen = max(self.seen, worth(view, p.package))
        return table(view, best_package(view), "our best") or Decision(Pass(me.id), "we wait for the end")


AGENTS = {
    "boulware": f"{__file__}:Boulware",
    "conceder": f"{__file__}:Conceder",
    "early": f"{__file__}:Early",
    "logroller": f"{__file__}:Logroller",
    "patient": f"{ROOT / 'docs' / 'examples' / 'my_agent.py'}:Patient",
    "tit-for-tat": f"{__file__}:TitForTat",
    "ac-next": f"{__file__}:ACNext",
    "nash-guess": f"{__file__}:NashGuess",
    "greedy-late": f"{__file__}:GreedyLate",
}


def seats(
    random: bool, only: list[str] | None, chosen_seats: list[str] | None = None, start: int = 0
) -> list[tuple[Scenario, int]]:
    if random:
        from tests.sim.timed_scenarios import signatory_seats, timed_scenarios

        chosen = [(sc, s) for sc in timed_scenarios(20, start, False) for s in signatory_seats(sc)]
    else:
        chosen = []
        for name in only or sorted(bundled()):
            scenario = load_scenario(bundled()[name])
            chosen += [(scenario, s) for s in sorted({d for v in scenario.venues for d in v.signatories})]
    if chosen_seats:
        chosen = [(sc, s) for sc, s in chosen if f"{sc.id}:{sc.delegations[s].id}" in chosen_seats]
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--games", type=int, default=300)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--random", action="store_true", help="the random tables' 45 signatory seats")
    parser.add_argument(
        "--start", type=int, default=0, help="with --random: the first generator seed (21: untuned tables)"
    )
    parser.add_argument("--only", nargs="*", default=None, help="bundled scenario names (default: every one)")
    parser.add_argument("--seats", nargs="*", default=None, help="SCENARIO:SEAT ids (timed-0:d1), of the set chosen")
    parser.add_argument("--agents", nargs="*", default=None, choices=sorted(AGENTS), help="strategies (default: all)")
    args = parser.parse_args()
    agents = {name: AGENTS[name] for name in args.agents or AGENTS}
    print("| scenario, seat | hard | " + " | ".join(agents) + " |")
    print("|---|---|" + "---|" * len(agents))
    ahead = total = 0
    for scenario, seat in seats(args.random, args.only, args.seats, args.start):
        rows = T.run(scenario, seat, args.games, jobs=args.jobs, kinds=("hard", *agents.values()))
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
