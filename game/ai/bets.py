"""What a level that bets offers: the package of best expected value by the agents' reading of
the chance of acceptance (game.ai.estimate.agent_chance), walked from the package at its aim
(game.ai.offers), and the lead on common ground a venue's first round may table instead.
"""

from __future__ import annotations

from game.ai.estimate import agent_chance
from game.ai.levels import Level
from game.ai.offers import (
    contradicted,
    going_on_worth,
    held_share,
    latest_packages,
    proposal,
    refused_lately,
    still_to_win,
    weighed_proposal,
)
from game.ai.opponent import Beliefs
from game.ai.reading import acceptable, counterparts, fallback, left_open, value_with
from game.ai.table_estimate import first_offer_chance, unanswered
from game.engine.rng import Rng
from game.engine.view import View

_BET_STEPS = 6  # the most changes of option a bettor's walk makes from the package at its aim


def best_bet(
    view: View, beliefs: Beliefs, aim: float, level: Level, noise: float = 0.0, rng: Rng | None = None
) -> tuple[tuple[tuple[int, int], ...], bool]:
    """The package at our aim (`proposal`), then changed option by option while that raises
    what it is worth in expectation: the chance that every counterpart accepts it (the agents'
    reading of the estimate's features, `agent_chance`, taken as independent answers; with
    `trust_needs_share`, a first offer's reading at a table of two, `first_offer_chance`) times
    what it gives us, plus the chance it is refused times what going on is worth (next round's
    aim if the talks go on, what we have if they end, less a round's toll).

    Only changes in our favour are tried: the search's climb towards the others already gives
    what our reading says they want, and walking further their way by the estimate cost the
    hard agent up to 0.011 a game in Astana's and the campaign's Russia seats (docs/AI.md).
    What the estimate adds is the other direction: asking more where a refusal is no likelier.
    With `first_bet_keeps_stated` (and `trust_needs_share`, whose `unanswered` side it reads), a
    first offer at a table of two takes nothing back against the aim on an issue where the
    counterpart states the option we value least (`_takes_back`); with `doubts_stated_peak` its
    chance reads the side's other stated options as peaks only in part (`_doubted_chance`)."""
    going_on = going_on_worth(view, level, noise)
    others = counterparts(view)
    share = held_share(view, aim)
    values = view.own.values
    fresh = unanswered(view) if level.trust_needs_share else frozenset()
    doubt = level.doubts_stated_peak

    def chance(package: tuple[tuple[int, int], ...]) -> float:
        yes = 1.0
        for s in others:
            if s not in fresh:
                yes *= agent_chance(view, s, package)
            elif doubt > 0.0:
                yes *= _doubted_chance(view, s, package, doubt)
            else:
                yes *= first_offer_chance(view, s, package)
        return yes

    def expected(package: tuple[tuple[int, int], ...]) -> float:
        worth = value_with(view, package)
        left = left_open(view, package)
        if left:  # a partial package, with the share we still hope to win on what it leaves open
            worth += share * still_to_win(view, left, level.hopes_from_status_quo)
        yes = chance(package)
        return yes * worth + (1.0 - yes) * going_on

    if level.weighs_left_out and view.venues_left:
        package, partial = weighed_proposal(view, beliefs, aim, level, rng, expected)
    else:
        package, partial = proposal(view, beliefs, aim, level, rng)
    refused = refused_lately(view) if level.heeds_refusals else {}

    def walk(package: tuple[tuple[int, int], ...], keep_stated: bool) -> tuple[float, tuple[tuple[int, int], ...]]:
        best = expected(package)
        for _ in range(_BET_STEPS):  # each step the one change (within the red lines) that adds most
            step: tuple[float, tuple[tuple[int, int], ...]] | None = None
            for k, (i, o) in enumerate(package):
                for other in acceptable(view, i, others):
                    if values[i][other] <= values[i][o]:
                        continue
                    if keep_stated and _takes_back(view, beliefs, fresh, i, aimed.get(i, o), other):
                        continue  # the side has said what it wants here, and nothing else yet
                    tried = (*package[:k], (i, other), *package[k + 1 :])
                    refusers = refused.get(frozenset(tried)) if refused else None
                    if refusers and contradicted(view, refusers, tried):
                        continue  # the table has just refused it, though we read it as likely to pass
                    worth = expected(tried)
                    if worth > best + 1e-6 and (step is None or worth > step[0]):
                        step = (worth, tried)
            if step is None:
                break
            best, package = step
        return best, package

    at_aim = package
    aimed = dict(at_aim)
    best, package = walk(at_aim, False)
    if level.leads_common and view.round == 1:
        lead = common_lead(view, beliefs)
        if (
            lead is not None
            # with lead_doubts_as_bet the bet's doubt is its own chance, as `expected` reads it:
            # whatever reading the level gives `chance` (the hard level's _doubted_chance, with
            # doubts_stated_peak 1.0), so that the lead is weighed against the very number the
            # walk climbed by. Where no counterpart is `fresh` that chance is _chance_all's. In
            # the games the rule decides (timed-1 d1) _doubted_chance and first_offer_chance read
            # the bet alike (0.17, 0.62), so the tests cannot tell the two readings apart
            and (chance(package) if level.lead_doubts_as_bet else _chance_all(view, others, package)) < _BET_DOUBT
            # the lead's own sureness keeps the estimate with full trust on purpose: _LEAD_SURE
            # was set on that reading (lead28), and lead_doubts_as_bet changes only what the bet's
            # doubt reads (in the games it decides the lead reads alike both ways, 0.98 and 0.96)
            and _chance_all(view, others, lead) >= _LEAD_SURE
            and expected(lead) > best + 1e-6
            and not (level.lead_keeps_granted and lead_granted(view, lead))
        ):
            return lead, True
    if level.first_bet_keeps_stated and fresh:
        # the lead above is weighed against the bet as the estimate alone would make it (lead28's
        # reading); what is tabled in its place asks no more than the aim where the side has spoken
        best, package = walk(at_aim, True)
    return package, partial


# how much (0..1) every counterpart must value our best option of an issue, by our model of it,
# for the issue to be common ground
_COMMON = 0.75
# the least chance, by the estimate, that every counterpart signs the lead: where the model reads
# common ground that the estimate doubts (timed-11 d1, timed-18 d0, astana-8's Russia), the
# partial package's hope on what it leaves open is counted from the first round, when it is
# largest, and the lead lost (docs/lab/agents.md, "The lead as a hard rule again")
_LEAD_SURE = 0.5
# the chance of the bet's package below which the lead is weighed at all: where the bet is
# expected to pass (by the estimate with full trust, or with Level.lead_doubts_as_bet, as the hard
# level does, by the bet's own chance: for a counterpart that has answered nothing at the venue,
# trust weighed by the package's share and its stated options read as peaks only in part), the
# lead's hope on what it leaves open only adds a round's risk (timed-15 d0 and timed-11 d4, bets at
# 0.80 and 0.96 by the estimate with full trust, lost 0.03 and 0.015 a game with the lead)
_BET_DOUBT = 0.7


def _takes_back(view: View, beliefs: Beliefs, fresh: frozenset[int], issue: int, aimed: int, other: int) -> bool:
    """Whether `other` on `issue`, in place of the option `aimed` our aim gives it, asks more (by
    our model) of a counterpart in `fresh` (one that has answered nothing at the venue) whose
    stated position there is the option we value least: the issue the two sides pull in opposite
    directions. Before its first answer the model's weights for it are only the prior; what our
    aim concedes on such an issue is what the table needs, and taking it back is a bet on a
    weight we have not read."""
    values = view.own.values[issue]
    least = min(values)
    for s in fresh:
        stated = view.positions[s][issue]
        if stated >= 0 and values[stated] <= least + 1e-9:
            table = beliefs.tables_of(s)[issue]
            if table[other] < table[aimed] - 1e-9:
                return True
    return False


def _doubted_chance(view: View, who: int, package: tuple[tuple[int, int], ...], doubt: float) -> float:
    """first_offer_chance for a side that has answered nothing at the venue, its stated options
    read as its peaks only with the chance 1 - `doubt`: else each option the package asks in
    place of a stated one, that we value more, on an issue the side has offered nothing on, is
    worth as much to it as the stated one (a position says what a side asks for, not what it
    would refuse). Not where it states the option we value least: there the two sides pull the
    issue apart, and taking it back is what below28 found refused (docs/lab/agents.md, "The
    stated option is not yet a peak")."""
    stated = view.positions[who]
    offered = view.offered[who]
    values = view.own.values
    granted = tuple(
        (i, stated[i])
        if stated[i] >= 0
        and not any(offered[i])
        and o != stated[i]
        and values[i][o] > values[i][stated[i]]
        and values[i][stated[i]] > min(values[i]) + 1e-9
        else (i, o)
        for i, o in package
    )
    chance = first_offer_chance(view, who, package)
    if granted == package:
        return chance
    return (1.0 - doubt) * chance + doubt * first_offer_chance(view, who, granted)


def _chance_all(view: View, others: list[int], package: tuple[tuple[int, int], ...]) -> float:
    """The chance, by the agents' reading of the estimate, that every counterpart accepts."""
    yes = 1.0
    for s in others:
        yes *= agent_chance(view, s, package)
    return yes


def lead_granted(view: View, lead: tuple[tuple[int, int], ...]) -> bool:
    """Whether, at the game's last venue, the counterparts' latest packages there (the public
    record of answers, and the proposals open before us) already give us every issue of `lead`
    at its option there or one we value more: at least one counterpart's, and at least half of
    them. Such issues are agreed in substance as part of those sides' trade. The lead would
    settle them apart, for nothing, and leave the rest to be bargained without them, where at the
    last venue an issue left open is bargained there or not at all (Level.lead_keeps_granted;
    offers.granted reads the same record, offers.latest_packages, for a partial package at a table of two). Before a
    campaign's last venue it lost at timed-0 d1, a table of three, 0.0055 ± 0.0043 a game."""
    if view.venues_left:
        return False
    others = counterparts(view)
    latest = latest_packages(view)
    values = view.own.values
    granting = 0
    for package in latest.values():
        offered = dict(package)
        granting += all(i in offered and values[i][offered[i]] >= values[i][o] - 1e-9 for i, o in lead)
    return granting > 0 and 2 * granting >= len(others)


def common_lead(view: View, beliefs: Beliefs) -> tuple[tuple[int, int], ...] | None:
    """The package that settles only the open issues our model reads as common ground, each at
    our best option (within the red lines): every counterpart weighs the issue and values that
    option at _COMMON or more. None where no issue is, or every open issue is (the whole
    package is what the bet already weighs), or the package is worth less to us than no deal.
    In the random seats where the hard agent fell short of random by 0.10, ceiling26 found
    that such a package, tabled at once, is signed and pays (docs/lab/agents.md, "What the four seats
    could win")."""
    others = counterparts(view)
    if not others:
        return None
    values = view.own.values
    open_issues = [i for i in view.agenda if view.settled[i] < 0]
    package: list[tuple[int, int]] = []
    for i in open_issues:
        options = acceptable(view, i, others)
        if not options:
            continue
        best = max(options, key=lambda o: values[i][o])
        if values[i][best] <= values[i][view.deal[i]] + 1e-9:
            continue  # nothing to gain on it
        if all(beliefs.weights_of(s)[i] > 0 and beliefs.tables_of(s)[i][best] >= _COMMON for s in others):
            package.append((i, best))
    if not package or len(package) == len(open_issues):
        return None
    lead = tuple(package)
    if value_with(view, lead) < fallback(view) - 1e-9:
        return None
    return lead
