"""A fast path for pure bargaining: two parties trading offers with no politics around them.

The game engine runs every rule on every action (an immutable state, trust, support, events,
hashing), which is what a game needs and what a research domain such as NegMAS's bilateral
benchmark does not use. For such a domain this module plays the same negotiator as
`game.ai.negotiator`, formula for formula: the aspiration curve with the same random draws, the
frequency model of the other side, the logrolling hill-climb and the acceptance rule, over flat
lists instead of views of a state. tests/ai/test_bilateral.py proves it takes exactly the actions
the engine-driven agents take, game by game, on random eligible domains.

Eligible: one venue, two parties that are its signatories and speak in turn, one action point
a turn (so a turn is: answer what is on the table, then make an offer), no red lines, no
tempers, no events, zones or momentum decay, and concessions that cost no support. `eligible`
says why a scenario is not.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from game.ai.levels import LEVELS, Level
from game.ai.politics import SUPPORT_MARGIN
from game.engine import actions as A
from game.engine.model import PARTY, Scenario
from game.engine.rng import _GAMMA, mix, next_float, seed_state

_NOISE = 0.02  # as in game.ai.negotiator: how far an aspiration wanders from game to game
_MASK = (1 << 64) - 1


@dataclass(frozen=True)
class Bargain:
    """How a fast game ended: the agreed deal (by option index per scenario issue) or None."""

    agreement: tuple[int, ...] | None
    proposals: int  # offers made
    steps: int  # actions taken, answers included, as the engine counts them
    actions: tuple[A.Action, ...] = ()  # the engine's actions, when asked for


def eligible(scenario: Scenario) -> str:
    """Why the fast path cannot play this scenario ("" when it can)."""
    if len(scenario.venues) != 1:
        return "it has more than one venue"
    venue = scenario.venues[0]
    if len(scenario.delegations) != 2 or sorted(venue.signatories) != [0, 1] or sorted(venue.turn_order) != [0, 1]:
        return "it is not two parties who both sign and speak"
    if venue.action_points != 1 or venue.attendance_optional:
        return "a turn there is more than an answer and an offer"
    if scenario.events or scenario.zones or venue.random_events > 0 or venue.momentum_decay != 0:
        return "events, zones or momentum decay act on the talks"
    if venue.momentum <= 0 or scenario.rules.concession_cost != 0:
        return "the politics of concessions is switched on"
    for d in scenario.delegations:
        if d.role != PARTY or d.personality.temper != 0 or any(d.red_lines):
            return f"{d.name} has a temper, red lines or a role other than party"
        if d.support <= scenario.rules.collapse_support + SUPPORT_MARGIN:
            return f"{d.name}'s support at home is close enough to collapse to matter"
        if any(d.opening[i] >= 0 for i in range(len(scenario.issues)) if i not in venue.agenda):
            return "an issue off the agenda carries a position"
    return ""


class _Side:
    """One negotiator: its preferences as flat lists, and its level."""

    def __init__(self, scenario: Scenario, d: int, level: Level) -> None:
        dl = scenario.delegations[d]
        self.index = d
        self.id = dl.id
        self.weights = dl.weights
        self.values = dl.values
        self.reservation = dl.reservation
        self.inverse_exponent = 1.0 / dl.personality.exponent
        self.level = level
        self.position = dl.opening
        agenda = scenario.venues[0].agenda
        # the best this table could give us (reading.best_possible): the first best option of each
        deal = [issue.status_quo for issue in scenario.issues]
        for i in agenda:
            row = dl.values[i]
            deal[i] = max(range(len(row)), key=row.__getitem__)
        self.top = _utility(self.weights, self.values, deal)
        # per issue, per option we hold: every other option and what moving to it costs us
        self.drops = [
            [[(o, row[here] - row[o]) for o in range(len(row)) if o != here] for here in range(len(row))]
            for row in dl.values
        ]
        self.drop_table = [
            [[row[here] - row[o] for o in range(len(row))] for here in range(len(row))] for row in dl.values
        ]
        # search_package starts from our ideal, ties broken towards the first option
        self.ideal = [issue.status_quo for issue in scenario.issues]
        for i in agenda:
            row = dl.values[i]
            self.ideal[i] = max(range(len(row)), key=partial(_rank, row))
        self.ideal_utility = _utility(self.weights, self.values, self.ideal)


def _rank(row: tuple[float, ...], option: int) -> tuple[float, int]:
    """Higher value first, and between equal values the first option."""
    return row[option], -option


def _utility(weights: tuple[float, ...], values: tuple[tuple[float, ...], ...], deal: list[int]) -> float:
    return sum(w * vals[o] for w, vals, o in zip(weights, values, deal, strict=True))


def play_bargain(
    scenario: Scenario, seed: int, levels: tuple[str, str] = ("normal", "normal"), record: bool = False
) -> Bargain:
    """Play the scenario as `game.ai.selfplay.play` would, on the fast path; it must be eligible."""
    why = eligible(scenario)
    if why:
        raise ValueError(f"the fast path cannot play {scenario.id}: {why}")
    venue = scenario.venues[0]
    sides = [_Side(scenario, d, LEVELS[levels[d]]) for d in range(2)]
    agenda = list(venue.agenda)
    options = [len(issue.options) for issue in scenario.issues]
    status_quo = [issue.status_quo for issue in scenario.issues]
    n = len(scenario.issues)
    # the public tallies: per delegation, per issue, per option
    offered = [[[0] * k for k in options] for _ in range(2)]
    accepted = [[[0] * k for k in options] for _ in range(2)]
    rejected = [[[0] * k for k in options] for _ in range(2)]
    game_rng = seed_state(seed)  # never drawn from: an eligible venue has no random events
    rounds = venue.rounds
    calm = min(1.0, venue.momentum / 60.0)  # momentum never moves on this path
    step = 0
    made = 0
    actions: list[A.Action] = []
    pending: tuple[int, tuple[tuple[int, int], ...]] | None = None  # (author, package)
    drops_by = [side.drop_table for side in sides]

    # negotiator.aspiration before its noise, per side and round: the curve from the best this
    # table offers down to the walk-away value (no concessions are ever seen on this path, so the
    # reciprocity term is zero, and subtracting zero changes no bit)
    floors = [min(side.reservation, side.top) for side in sides]
    curves = [
        [0.0]
        + [
            floors[d] + (side.top - floors[d]) * (1.0 - min(1.0, (r - 0.5) / rounds) ** side.inverse_exponent)
            for r in range(1, rounds + 1)
        ]
        for d, side in enumerate(sides)
    ]

    def aspiration(me: _Side, round_: int) -> float:
        _, draw = next_float(mix(game_rng ^ (step * _GAMMA + me.index)) & _MASK)
        aim = curves[me.index][round_] + _NOISE * (2.0 * draw - 1.0)
        top = me.top
        floor = floors[me.index]
        return floor if aim < floor else top if aim > top else aim

    def answer(me: _Side, package: tuple[tuple[int, int], ...], round_: int) -> bool:
        aim = aspiration(me, round_)
        deal = list(status_quo)
        for i, o in package:
            deal[i] = o
        after = _utility(me.weights, me.values, deal)
        res = me.reservation
        if me.level.reads_risk:
            aim = res + (aim - res) * calm
        aim = min(aim, me.top)
        if after < res - 1e-9:
            return False
        if after >= aim - 1e-9:
            return True
        progress = min(1.0, (round_ - 0.5) / rounds)
        return (round_ >= rounds or progress >= me.level.patience) and after >= res

    def propose(me: _Side, other: int, round_: int) -> tuple[tuple[int, int], ...]:
        aim = aspiration(me, round_)
        level = me.level
        n_open = max(1, len(agenda))
        weights = _believed_weights(other, n) if level.logrolls else None
        deal = list(me.ideal)
        theirs: dict[int, list[float]] = {}
        for i in agenda:
            believed = _believed_values(other, i)
            w = weights[i] if weights is not None else 1.0 / n_open
            theirs[i] = [w * v for v in believed]
        current = me.ideal_utility
        floor = aim - 1e-12
        my_weights, drops = me.weights, me.drops
        seen = my_weights if level.logrolls else [1.0 / n_open] * n
        while True:
            best_score, best_issue, best_option = 0.0, -1, -1
            for i in agenda:
                gains, here, weight, seen_weight = theirs[i], deal[i], my_weights[i], seen[i]
                from_here = gains[here]
                for o, drop in drops[i][here]:
                    if current - weight * drop < floor:
                        continue
                    gain = gains[o] - from_here
                    if gain <= 1e-12:
                        continue
                    scale = seen_weight * drop  # max(scale, 1e-6), without the call
                    score = gain / (scale if scale >= 1e-6 else 1e-6)
                    if best_issue < 0 or score > best_score:
                        best_score, best_issue, best_option = score, i, o
            if best_issue < 0:
                break
            current -= my_weights[best_issue] * drops_by[me.index][best_issue][deal[best_issue]][best_option]
            deal[best_issue] = best_option
        return tuple(sorted((i, deal[i]) for i in agenda))

    # What never changes on this path: each side's believed values from positions alone.
    by_position = [
        [
            [1.0 - abs(o - position) / max(1, k - 1) if position >= 0 else 0.5 for o in range(k)]
            for position, k in zip(sides[who].position, options, strict=True)
        ]
        for who in range(2)
    ]
    half_position = [[[0.5 * p for p in row] for row in rows] for rows in by_position]

    def _believed_values(who: int, issue: int) -> list[float]:
        # game.ai.opponent.Beliefs._estimate_values, term for term in the same order
        if not sides[1 - who].level.learns:
            return by_position[who][issue]
        counts = offered[who][issue]
        top = max(counts)
        acc, rej = accepted[who][issue], rejected[who][issue]
        half = half_position[who][issue]
        if top:
            raw = [
                half[o] + 0.35 * (counts[o] / top) + 0.15 * ((acc[o] - rej[o]) / (acc[o] + rej[o] + 1))
                for o in range(len(counts))
            ]
        else:
            position = by_position[who][issue]
            raw = [
                half[o] + 0.35 * position[o] + 0.15 * ((acc[o] - rej[o]) / (acc[o] + rej[o] + 1))
                for o in range(len(counts))
            ]
        low, high = min(raw), max(raw)
        if high > low:
            span = high - low
            return [(x - low) / span for x in raw]
        return [0.5] * len(raw)

    def _believed_weights(who: int, n_issues: int) -> list[float]:
        # game.ai.opponent.Beliefs._estimate_weights, with nothing learnt in meetings
        learns = sides[1 - who].level.learns
        guess = [0.0] * n_issues
        position = sides[who].position
        for i in range(n_issues):
            if position[i] < 0:
                continue
            guess[i] = 1.0
            counts = offered[who][i]
            total = sum(counts)
            if learns and total:
                guess[i] = 0.5 + max(counts) / total
        scale = 1.0 / sum(guess) if sum(guess) > 0 else 0.0
        return [g * scale for g in guess]

    def tally(table: list[list[list[int]]], d: int, package: tuple[tuple[int, int], ...]) -> None:
        for i, o in package:
            table[d][i][o] += 1

    def ids(package: tuple[tuple[int, int], ...]) -> tuple[tuple[str, str], ...]:
        return tuple((scenario.issues[i].id, scenario.issues[i].options[o].id) for i, o in package)

    def respond(me: _Side, round_: int) -> bool:
        """The side answers the offer on the table; True if that made the agreement."""
        nonlocal step, pending
        assert pending is not None
        _, package = pending
        yes = answer(me, package, round_)
        if record:
            actions.append(A.Respond(me.id, made, yes))
        step += 1
        tally(accepted if yes else rejected, me.index, package)
        pending = None
        if yes:
            deal = list(status_quo)
            for i, o in package:
                deal[i] = o
            agreed.append(tuple(deal))
        return yes

    agreed: list[tuple[int, ...]] = []
    order = venue.turn_order
    for round_ in range(1, rounds + 1):
        for d in order:
            me = sides[d]
            if pending is not None and pending[0] != d and respond(me, round_):
                return Bargain(agreed[0], made, step, tuple(actions))
            package = propose(me, 1 - d, round_)
            made += 1
            if record:
                actions.append(A.Propose(me.id, ids(package), (sides[1 - d].id,)))
            step += 1
            tally(offered, d, package)
            pending = (d, package)
    # the closing session: the last offer of the last round is answered by the other side
    if pending is not None and respond(sides[1 - pending[0]], rounds):
        return Bargain(agreed[0], made, step, tuple(actions))
    return Bargain(None, made, step, tuple(actions))
