"""The package search climbs by each issue's moves worked out once per place (game.ai.search):
it must take the very steps of the plain climb that scores every option of every issue at each
step, on any table, any aim and any level."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from game.ai.levels import LEVELS, Level
from game.ai.offers import _misreading
from game.ai.opponent import Beliefs
from game.ai.reading import acceptable, counterparts, heeded, value_with
from game.ai.search import Prepared, search_package, search_packages
from game.ai.selfplay import play
from game.engine import apply, new_game, view_for
from game.engine.rng import Rng
from game.engine.view import View
from game.scenario import load_scenario, resolve
from game.sim.random_scenarios import random_scenario
from tests.ai.seat_games import on_a_coarse_grid


def _decisions(
    index: int, seed: int, every: int, data: st.DataObject, coarse: bool = False
) -> Iterator[tuple[View, Level, Beliefs]]:
    """Every `every`-th decision of a self-played game on a random table (on a coarse grid, where
    moves of equal score leave the order of the scan to decide, when `coarse` and drawn so): the
    actor's view, a level drawn from LEVELS, and that level's beliefs."""
    sc = random_scenario(index)
    if coarse and data.draw(st.booleans()):
        sc = on_a_coarse_grid(sc)
    state, _ = new_game(sc, seed)
    for step, action in enumerate(play(sc, seed).actions):
        if step % every == 0 and not state.over:
            view = view_for(state, state.actor)
            level = LEVELS[data.draw(st.sampled_from(sorted(LEVELS)))]
            yield view, level, Beliefs(view, level.learns)
        state, _ = apply(state, action)


def plain_climb(
    view: View, beliefs: Beliefs, aim: float, level: Level, guess: dict[int, list[float]]
) -> tuple[tuple[int, int], ...]:
    """The search as first written: every option of every open issue scored at every step."""
    me = view.own
    open_issues = [i for i in view.agenda if view.settled[i] < 0]
    others = counterparts(view)
    weighed = others + heeded(view)
    n_open = max(1, len(open_issues))
    deal = list(view.deal)
    choices: dict[int, list[int]] = {}
    theirs: dict[int, list[float]] = {}
    for i in open_issues:
        choices[i] = options = acceptable(view, i, others)
        mine = me.values[i]
        deal[i] = max(options, key=lambda o: (mine[o], -o))
        weights = [beliefs.weight(s, i) if level.logrolls else 1.0 / n_open for s in weighed]
        gains = beliefs.gains(weighed, weights, i)
        if level.fixed_pie and not level.logrolls:
            # the fixed pie: a side that states no position here is read as wanting the mirror of
            # our own values
            tables = [[1.0 - v for v in mine] if view.positions[s][i] < 0 else beliefs.tables_of(s)[i] for s in weighed]
            gains = [sum([1.0 / n_open * table[o] for table in tables]) for o in range(len(mine))]
        theirs[i] = [g * guess[i][o] for o, g in enumerate(gains)]
    current = value_with(view, [(i, deal[i]) for i in open_issues])
    while True:
        best: tuple[float, int, int] | None = None
        for i in open_issues:
            values, weight, gains = me.values[i], me.weights[i], theirs[i]
            seen_weight = weight if level.logrolls else 1.0 / n_open
            here = deal[i]
            for o in choices[i]:
                drop = values[here] - values[o]
                if o == here or current - weight * drop < aim - 1e-12:
                    continue
                gain = gains[o] - gains[here]
                if gain <= 1e-12:
                    continue
                score = gain / max(seen_weight * drop, 1e-6)
                if best is None or score > best[0]:
                    best = (score, i, o)
        if best is None:
            break
        _, i, o = best
        current -= me.weights[i] * (me.values[i][deal[i]] - me.values[i][o])
        deal[i] = o
    return tuple((i, deal[i]) for i in open_issues)


@settings(max_examples=30, deadline=None)
@given(index=st.integers(0, 10_000), seed=st.integers(0, 2**32), data=st.data())
def test_the_climb_takes_the_steps_of_the_plain_climb(index: int, seed: int, data: st.DataObject) -> None:
    for view, level, beliefs in _decisions(index, seed, 2, data, coarse=True):
        # aims across the whole range, ties in the others' gains (a coarse misreading) or none
        aim = data.draw(st.floats(-0.2, 1.1))
        coarse = data.draw(st.booleans())
        guess = {
            i: [1.0 if coarse else 1.0 + 0.01 * ((i * 7 + o * 3) % 5) for o in range(len(view.issues[i].options))]
            for i in range(len(view.issues))
        }
        assert search_package(view, beliefs, aim, level, guess=guess) == plain_climb(view, beliefs, aim, level, guess)


def test_a_turns_misreading_is_a_factor_per_option_of_each_open_issue_drawn_in_turn() -> None:
    """offers._misreading draws one factor per option of every open issue, issue by issue and
    option by option in the agenda's order, from the turn's generator (kept per issue: the search
    multiplies an issue's gains by its list)."""
    sc = load_scenario(resolve("astana-8"))
    state, _ = new_game(sc, 3)
    for action in play(sc, 3).actions[:40]:
        state, _ = apply(state, action)
    view = view_for(state, state.actor)
    level = LEVELS["normal"]
    guess = _misreading(view, level, Rng(12345))
    draw = Rng(12345).random
    expected = {
        i: [1.0 + level.misreads * (2.0 * draw() - 1.0) for _ in view.issues[i].options]
        for i in view.agenda
        if view.settled[i] < 0
    }
    assert guess == expected and list(guess) == [i for i in view.agenda if view.settled[i] < 0]
    assert all(len(guess[i]) == len(view.issues[i].options) for i in guess)
    assert _misreading(view, LEVELS["hard"], Rng(12345)) is None  # a level that does not misread


@settings(max_examples=30, deadline=None)
@given(index=st.integers(0, 10_000), seed=st.integers(0, 2**32), data=st.data())
def test_one_climb_serves_every_stopping_rule_as_its_own_search(index: int, seed: int, data: st.DataObject) -> None:
    # search_packages (a plan's rounds) must give each rule's package and ask each rule of the
    # same deals, in the same order, as search_package with that rule alone
    for view, level, beliefs in _decisions(index, seed, 3, data):
        aim = data.draw(st.floats(-0.2, 1.1))
        others = counterparts(view)
        # each rule: every counterpart's estimated utility at least its own bar, the bars
        # anywhere from nothing to more than any deal gives (a rule never met: the whole climb)
        bars = data.draw(
            st.lists(st.lists(st.floats(-0.1, 1.2), min_size=len(others), max_size=len(others)), max_size=5)
        )
        asked: dict[tuple[str, int], list[tuple[int, ...]]] = {}
        together = search_packages(
            view,
            beliefs,
            aim,
            level,
            [_rule(asked, beliefs, others, ("one climb", k), b) for k, b in enumerate(bars)],
        )
        alone = [
            search_package(view, beliefs, aim, level, enough=_rule(asked, beliefs, others, ("alone", k), b))
            for k, b in enumerate(bars)
        ]
        assert together == alone
        for k in range(len(bars)):
            assert asked[("one climb", k)] == asked[("alone", k)]


@settings(max_examples=30, deadline=None)
@given(index=st.integers(0, 10_000), seed=st.integers(0, 2**32), data=st.data())
def test_a_search_started_where_the_whole_agendas_did_is_its_own_search(
    index: int, seed: int, data: st.DataObject
) -> None:
    # offers._without searches all open issues but one, at another aim, starting each issue where
    # the whole agenda's search of the same view, beliefs and misreading did (search.Prepared):
    # the very package of a search of its own, at every level, for any issue left out
    for view, level, beliefs in _decisions(index, seed, 2, data):
        open_issues = [i for i in view.agenda if view.settled[i] < 0]
        guess = {
            i: [1.0 + 0.01 * ((i * 7 + o * 3) % 5) for o in range(len(view.issues[i].options))]
            for i in range(len(view.issues))
        }
        first, second = data.draw(st.floats(-0.2, 1.1)), data.draw(st.floats(-0.2, 1.1))
        prepared: Prepared = {}
        whole = search_package(view, beliefs, first, level, guess=guess, prepared=prepared)
        assert whole == search_package(view, beliefs, first, level, guess=guess)
        assert set(prepared) == (set(open_issues) if level.logrolls else set())
        for left in open_issues:
            rest = [i for i in open_issues if i != left]
            started = search_package(view, beliefs, second, level, rest, guess, prepared=prepared)
            assert started == search_package(view, beliefs, second, level, rest, guess)
            assert started == search_package(view, beliefs, second, level, rest, guess, prepared={})


def _rule(
    asked: dict[tuple[str, int], list[tuple[int, ...]]],
    beliefs: Beliefs,
    others: list[int],
    tag: tuple[str, int],
    bar: list[float],
) -> Callable[[list[int]], bool]:
    """A stopping rule that notes every deal it is asked of under `tag`."""

    def enough(deal: list[int]) -> bool:
        asked.setdefault(tag, []).append(tuple(deal))
        return all(beliefs.utility(s, deal) >= b for s, b in zip(others, bar, strict=True))

    return enough
