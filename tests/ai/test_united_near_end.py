"""signs_united_table with the furthest issue read as the table's reach near the venue's end
(Level.united_near_end, on in the hard level; docs/lab/agents.md, "A table's reach near the end").
In the random scenario timed-11 (as a file writes it: one venue of three rounds, d4, d1 and d0
signing in that order) d4 puts to d1 in round 1 a whole package with contested at o3, the option
d4 states, where d0 states o4, the option d1 values least. The hard d1 refused it by its plan;
where d0 would have signed it, the library's accept-above-walkaway and the easy agent, signing,
had it agreed in round 1, and hard got contested at o4 later or left it open."""

from __future__ import annotations

import dataclasses

from game.ai.answering import united_against
from game.ai.levels import LEVELS
from game.ai.reading import bleed_rate, counterparts, last_round, left_open
from game.engine import actions as A
from game.engine.utility import outcome_utility
from game.engine.view import View
from tests.ai.seat_games import decided_gain, level_in_seat, replayed, timed_rule_game, timed_seat

HARD = LEVELS["hard"]
WITHOUT = dataclasses.replace(HARD, united_near_end=False)

Package = tuple[tuple[int, int], ...]


def _furthest(view: View, package: Package) -> tuple[int, list[float], float]:
    """The conditions the rule reads, from the view's data and not through united_against: the
    package's issue furthest (by our weight) below our best option outside our red line, the
    values to us of the options the counterparts state there, and the package's option's value."""
    me = view.own
    best = [max(v for o, v in enumerate(me.values[i]) if o not in me.red_lines[i]) for i in range(len(me.values))]
    _, far = max((me.weights[i] * (best[i] - me.values[i][o]), i) for i, o in package)
    stated = [me.values[far][view.positions[s][far]] for s in counterparts(view)]
    return far, stated, me.values[far][dict(package)[far]]


def _out_of_reach(view: View, package: Package) -> bool:
    """The rule's reading, from the view's data: a whole package at a table of several, every
    counterpart stating a position on each of its issues, what their best stated options would add
    over it within a round's toll; on the furthest issue no counterpart states an option better for
    us than the package's, one states the option we value least, and not every one of them does
    (else the table was read as united without the rule)."""
    others = counterparts(view)
    if len(others) < 2 or left_open(view, package):
        return False
    if any(view.positions[s][i] < 0 for s in others for i, _ in package):
        return False
    values, weights = view.own.values, view.own.weights
    asked = sum(
        weights[i] * max(0.0, *(values[i][view.positions[s][i]] - values[i][o] for s in others)) for i, o in package
    )
    far, stated, mine = _furthest(view, package)
    least = min(values[far])
    return asked <= bleed_rate(view) + 1e-9 and max(stated) <= mine + 1e-9 and min(stated) == least < max(stated)


def test_the_hard_agent_signs_what_is_out_of_the_tables_reach() -> None:
    """timed-11 d1's game 78: the first decision the rule changes is d1's round-1 answer to d4's
    whole package, contested at o3 (d4's stated option; d0 states the option d1 values least):
    signed with the rule and agreed in round 1; refused without it, and the table signs contested
    at o4 in round 3, d1 lower by more than 0.05 (fails with the rule off)."""
    assert HARD.united_near_end and not LEVELS["normal"].united_near_end
    sc, seat, seed, final, (_, view, said, unsaid) = timed_rule_game(11, "d1", 78, HARD, WITHOUT, silent=False)
    assert isinstance(said.action, A.Respond) and isinstance(unsaid.action, A.Respond)
    assert said.action.accept and not unsaid.action.accept
    assert "the whole table asks this of us" in said.reason
    p = next(q for q in view.proposals if q.id == said.action.proposal)
    assert united_against(view, p.package, True) and not united_against(view, p.package)
    assert _out_of_reach(view, p.package)
    contested = next(i for i, issue in enumerate(view.issues) if issue.id == "contested")
    values = view.own.values[contested]
    stated = [values[view.positions[s][contested]] for s in counterparts(view)]
    assert min(stated) == min(values) and max(stated) == values[dict(p.package)[contested]] > min(values)
    assert [(a.round, a.package) for a in final.agreements] == [(1, p.package)]
    _, without = replayed(sc, seed, level_in_seat(sc, seed, seat, WITHOUT))
    assert [a.round for a in without.agreements] == [3]
    assert outcome_utility(final, seat) > outcome_utility(without, seat) + 0.05


def test_every_decision_the_rule_changes_is_near_the_end() -> None:
    """Over the tournament's first 100 games in timed-11 d1, every decision the rule changes (five
    or more of them a refusal turned into a yes) is the signature of a whole package at a table of
    several, with two rounds or fewer of the venue after it, that the view's data read as out of
    the table's reach and not as the united ask (`_out_of_reach`); the seat gains."""
    sc, seat = timed_seat(11, "d1", silent=False)
    decided, gain = decided_gain(sc, seat, HARD, WITHOUT, 100)
    # at the venue's last round the agent signs anyway, the reason aside: only the reason changes
    assert sum(chosen.action != otherwise.action for _, chosen, otherwise in decided) >= 5
    for view, chosen, _ in decided:
        assert isinstance(chosen.action, A.Respond) and chosen.action.accept
        assert "the whole table asks this of us" in chosen.reason
        p = next(q for q in view.proposals if q.id == chosen.action.proposal)
        assert not left_open(view, p.package) and len(counterparts(view)) >= 2
        assert last_round(view) - view.round <= 2
        assert _out_of_reach(view, p.package)
    assert gain > 0.05


def test_at_a_longer_venue_it_decides_only_where_the_table_is_out_of_reach() -> None:
    """At timed-8 (one venue of five rounds) over the tournament's first 100 games, d0's and d1's:
    every decision the rule changes is the signature of a whole package, in the venue's last three
    rounds, where the table is out of reach as the view's data read it (`_out_of_reach`): none in
    round 1 or 2, and none where no counterpart states the option we value least on the furthest
    issue (read without that condition, the rule changed the first decision of two of d0's games
    and of eight of d1's, nine of those ten there)."""
    for seat_id in ("d0", "d1"):
        sc, seat = timed_seat(8, seat_id, silent=False)
        decided, _ = decided_gain(sc, seat, HARD, WITHOUT, 100)
        for view, chosen, _ in decided:
            assert view.round >= 3 and last_round(view) - view.round <= 2
            assert isinstance(chosen.action, A.Respond) and chosen.action.accept
            p = next(q for q in view.proposals if q.id == chosen.action.proposal)
            assert _out_of_reach(view, p.package)


def test_a_side_asking_past_the_package_keeps_the_table_in_reach() -> None:
    """Game 78's view (the first test's) with the toll raised (delay_cost 30), so that what the
    table's stated options ask stays within a round's toll whatever d4 states on contested: the
    rule reads the package out of the table's reach; not where d4 states an option on contested
    better for us than the package's (a side there would come our way past it), nor where d0,
    like d4, states the package's option (no side states the option we value least). In a
    closing session the rounds left are none, whatever the venue's count."""
    *_, (_, view, said, _) = timed_rule_game(11, "d1", 78, HARD, WITHOUT, silent=False)
    assert isinstance(said.action, A.Respond)
    p = next(q for q in view.proposals if q.id == said.action.proposal)
    contested = next(i for i, issue in enumerate(view.issues) if issue.id == "contested")
    values = view.own.values[contested]
    mine = dict(p.package)[contested]
    at = {values[view.positions[s][contested]]: s for s in counterparts(view)}
    package_side, far_side = at[values[mine]], at[min(values)]
    costly = dataclasses.replace(view, rules=dataclasses.replace(view.rules, delay_cost=30))

    def stating(side: int, option: int) -> View:
        positions = [list(row) for row in costly.positions]
        positions[side][contested] = option
        return dataclasses.replace(costly, positions=tuple(tuple(row) for row in positions))

    assert _furthest(costly, p.package)[0] == contested and last_round(view) - view.round == 2
    assert _out_of_reach(costly, p.package) and united_against(costly, p.package, True)
    better = min((o for o in range(len(values)) if values[o] > values[mine]), key=values.__getitem__)
    past = stating(package_side, better)
    assert _furthest(past, p.package)[0] == contested and max(_furthest(past, p.package)[1]) > values[mine]
    assert not united_against(past, p.package, True)
    both = stating(far_side, mine)
    assert min(_furthest(both, p.package)[1]) > min(values)
    assert not united_against(both, p.package, True)
    # the rounds left are read to the venue's last round as it stands: in the closing session of
    # a venue of six rounds adjourned after round 1, none are left
    adjourned = dataclasses.replace(costly, venue=dataclasses.replace(costly.venue, rounds=6), closing=True)
    assert last_round(adjourned) == adjourned.round == 1 and united_against(adjourned, p.package, True)
    assert not united_against(dataclasses.replace(adjourned, closing=False), p.package, True)
