"""The cost of time: a status quo that hurts, and talks that may be adjourned before their end.

Every round that ends with an agenda issue still open costs each side a little, in proportion to
how much that issue matters to it and how far the status quo on it is from what it wants
(`bleed`): besieged towns starve while the siege clauses wait, and a side that is content with
the status quo loses nothing by waiting. The cost adds up in the state (`toll`) and is taken from
what the game gives the side at the end, deal or no deal, so a deal reached sooner is worth more.

And after every round but a venue's last, the talks may break off: the guarantors close the session,
and what was agreed stands while everything still open lapses. The chance grows as the rounds
pass and as momentum falls (`breakdown_chance`), so no side can count on a last round to deliver
an ultimatum in, and waiting is a risk for every side whose walk-away value is worse than a deal.
The chance is public (the rule and the momentum are), so the agents read it; the roll has its own
stream, derived from the seed, the venue and the round, so it is the same whatever happened in
the game (events included) and a replay repeats it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from game.engine.model import Delegation, Issue, Rules
from game.engine.rng import MASK, mix, next_float, seed_state

_STREAM = 0x636C6F636B  # "clock"


def bleed(d: Delegation, rules: Rules, deal: Sequence[int], open_issues: Sequence[int]) -> int:
    """What one more round without agreement on these issues costs d, in ten-thousandths."""
    if not rules.delay_cost:
        return 0  # what the sum below rounds to, without it (agents ask at every move)
    # summed over a list rather than a generator: the same additions in the same order, in C
    weights, values = d.weights, d.values
    lack = sum([weights[i] * (1.0 - values[i][deal[i]]) for i in open_issues])
    return round(rules.delay_cost * 100 * lack)


def deal_and_open(
    issues: Sequence[Issue], settled: Sequence[int], agenda: Sequence[int]
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The option in force on every issue (the agreed one, else the status quo) and the agenda's
    open issues, in its order: what `bleed` reads, as flow.charge_delay charges it."""
    deal = tuple([s if s >= 0 else issue.status_quo for s, issue in zip(settled, issues, strict=True)])
    return deal, tuple([i for i in agenda if settled[i] < 0])


def after_agreement(
    issues: Sequence[Issue],
    venue_agenda: Sequence[int],
    settled: Sequence[int],
    agenda: Sequence[int],
    package: Sequence[tuple[int, int]],
) -> tuple[list[int], list[int]]:
    """What is settled, and the venue's agenda (in its order), once `package` is agreed: its
    options settled, then their effects on the agenda applied in turn, as handlers._agree and
    Work.apply_effect apply them (an issue added or taken off; an agreement broken: open again,
    and back on the agenda where the venue's file has it). A pure reading, for what a player is
    told an agreement would do to the toll and to the talks (game.play.choices)."""
    settled, agenda = list(settled), list(agenda)
    for i, o in package:
        settled[i] = o
    for i, o in package:
        for effect in issues[i].options[o].effects:
            if effect.kind == "agenda_add" and effect.a not in agenda and settled[effect.a] < 0:
                agenda.append(effect.a)
            elif effect.kind == "agenda_remove" and effect.a in agenda:
                agenda.remove(effect.a)
            elif effect.kind == "break" and settled[effect.a] >= 0:
                settled[effect.a] = -1
                if effect.a not in agenda and effect.a in venue_agenda:
                    agenda.append(effect.a)
    return settled, agenda


def breakdown_chance(rules: Rules, round_: int, rounds: int, momentum: int) -> float:
    """The chance, 0..1, that the talks end after `round_` of `rounds` at this momentum."""
    return _chance(rules.breakdown_risk, round_, rounds, momentum)


def _chance(risk: int, round_: int, rounds: int, momentum: int) -> float:
    # breakdown_chance, from the one rule number it reads
    if round_ >= rounds or risk <= 0:
        return 0.0
    chance = risk / 100.0 * (round_ / rounds) * (1.5 - momentum / 100.0)
    return min(1.0, max(0.0, chance))


def survival(rules: Rules, round_: int, rounds: int, momentum: int) -> list[float]:
    """The chance that each later round is reached (index 0: the next one), if momentum stays."""
    if rules.breakdown_risk <= 0:
        # no chance of adjournment: every later round is reached (the loop below gives these
        # very floats, 1.0 times 1.0, at the cost of a call per round; agents ask at every move)
        return [1.0] * max(0, rounds - round_)
    return list(_survival(rules.breakdown_risk, round_, rounds, momentum))


@lru_cache(maxsize=4096)
def rounds_expected(risk: int, round_: int, rounds: int, momentum: int) -> float:
    """sum(survival(rules, round_, rounds, momentum), 0.0) for a scenario whose breakdown_risk is
    `risk`: how many later rounds the talks are expected to reach. Every agent's aspiration reads
    it (game.ai.reading.horizon) from the fresh view of each move, and built the list of chances
    and summed it each time: remembered by the numbers it reads (keyed by the one rule number,
    as _survival is), the same sum of the same list (docs/lab/speed.md, "A twenty-first pass")."""
    if risk <= 0:
        return sum([1.0] * max(0, rounds - round_), 0.0)
    return sum(_survival(risk, round_, rounds, momentum), 0.0)


# A pure function of a handful of public numbers, which every agent asks at every move: remembered
# (bounded; the same arguments give the same floats). Keyed by the one rule number it reads, not
# by the Rules, whose hash is worked out afresh from its thirty-odd fields at every call.
@lru_cache(maxsize=4096)
def _survival(risk: int, round_: int, rounds: int, momentum: int) -> tuple[float, ...]:
    out, alive = [], 1.0
    for r in range(round_, rounds):
        alive *= 1.0 - _chance(risk, r, rounds, momentum)
        out.append(alive)
    return tuple(out)


def roll(seed: int, venue: int, round_: int) -> float:
    """The draw compared with the chance after this round of this venue: in [0, 1)."""
    state = mix(seed_state(seed) ^ _STREAM ^ (venue << 16) ^ round_) & MASK
    return next_float(state)[1]
