"""The states at which an agent in one seat of a bundled scenario made a given kind of move, over
whole games with every other seat normal: what the tests of the hard agent's rules replay."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from functools import partial

import game.ai.holding as holding
import game.ai.negotiator as negotiator
from game.ai.agent import Chooser, Guarded
from game.ai.driver import agent_rng, applied, take
from game.ai.levels import LEVELS, Level
from game.ai.negotiator import choose
from game.ai.planning import Plan
from game.ai.reading import Decision, counterparts, fallback, left_open, value_with
from game.ai.selfplay import play
from game.engine import actions as A
from game.engine import apply, new_game, view_for
from game.engine.model import Scenario
from game.engine.state import Answer, Proposal, State
from game.engine.utility import delay_toll, outcome_utility
from game.engine.view import View
from game.scenario import bundled, load_scenario
from game.sim.seating import game_choosers
from game.sim.simulate import game_seed
from tests.sim.timed_scenarios import timed_scenario as _timed


def timed_scenario(index: int) -> Scenario:
    """The random bench's table `timed-{index}` as it was when the hard agent's rules were found
    on it: with the sides silent on issues they weigh (`silent`), a table no scenario file can
    write since 4 December 2026's generator states every weighed position. Each rule is general;
    its test replays the game it was found in."""
    return _timed(index, silent=True)


def timed_seat(index: int, seat_id: str, silent: bool = True) -> tuple[Scenario, int]:
    """The random bench's table `timed-{index}` and the index of its delegation `seat_id`: the
    seat a rule of the hard agent was found in (`silent`: on the old tables, as `timed_scenario`;
    otherwise on the tables as a file writes them, where the rules of 4 December 2026 were found)."""
    sc = timed_scenario(index) if silent else _timed(index)
    assert sc.id == f"timed-{index}"
    return sc, [d.id for d in sc.delegations].index(seat_id)


def style_in_seat(scenario: Scenario, seat: int, level: str, seed: int) -> dict[int, Chooser]:
    """The tournament's choosers (every other seat normal) with `level`'s full style in `seat`:
    its rules every game, not the style its rehearsal keeps (game.ai.rehearsal). A test of a
    rule replays the rule's own games."""
    choosers = game_choosers(scenario, {seat: level}, seed)
    if level in LEVELS:
        choosers[seat] = partial(choose, level=LEVELS[level])
    return choosers


def seat_states(
    scenario: str, seat_id: str, seeds: range, keep: Callable[[A.Action, str], bool], level: str = "hard"
) -> list[State]:
    """The states at which the seat, played at `level`, made a move (an action and its reason)
    that `keep` accepts."""
    sc = load_scenario(bundled()[scenario])
    seat = [d.id for d in sc.delegations].index(seat_id)
    found = []
    for seed in seeds:
        state, _ = new_game(sc, seed)
        game = play(sc, seed, style_in_seat(sc, seat, level, seed))
        for action, reason in zip(game.actions, game.reasons, strict=True):
            if state.actor == seat and keep(action, reason):
                found.append(state)
            state, _ = apply(state, action)
    return found


class Steps(list[tuple[State, A.Action]]):
    """A game's steps (each state with the action taken at it), knowing, where the game's agents
    were levels (`partial(choose, level=...)`) whose moves the rules all took, each move's reason
    and each seat's level: `first_difference` then reads a seat's decision from the game instead
    of asking its level again (the same decision: the same view and generator)."""

    reasons: list[str] | None = None
    levels: dict[int, Level]


def replayed(scenario: Scenario, seed: int, choosers: dict[int, Chooser]) -> tuple[Steps, State]:
    """A game played by `choosers`: each state with the action taken at it, and the final state."""
    steps, state, _ = _played(scenario, seed, choosers)
    return steps, state


def _played(
    scenario: Scenario,
    seed: int,
    choosers: dict[int, Chooser],
    seat: int = -1,
    without: Level | None = None,
    actions: bool = False,
) -> tuple[Steps, State, tuple[State, View, Decision, Decision] | None]:
    """`replayed`, and, where `without` is given, the first decision of `seat` where `without`
    would choose otherwise than the seat's chooser (None if it never does): what
    `first_difference` finds along the game's steps, found while the game is played. With
    `actions`, the first where it would take another action (a decision whose reason alone
    differs is the same move), each of the seat's actions up to there checked to be its
    chooser's.

    The game is game.ai.selfplay.play's, move for move: every move is driver.take's (the seat's
    own, while a difference is looked for, is take's steps written out, to ask `without` of the
    same view); each state is kept as the game passes it, where the steps were found by applying
    the game's actions again. `without` is asked of the very view the seat's chooser decided on,
    with a generator of its own from the same state (agent_rng): a view is immutable and what a
    decision remembers of it (game.ai.reading.view_memo) is a pure function of it, as the
    rehearsal's styles asking one view rely on (game.ai.rehearsal._styled)."""
    state, _ = new_game(scenario, seed)
    steps = Steps()
    reasons: list[str] = []
    refused = False
    differed = None
    mine = choosers.get(seat)
    looking = without is not None and mine is not None and not isinstance(mine, Guarded)
    while not state.over:
        actor = state.actor
        chooser = choosers.get(actor, choose)
        if looking and actor == seat:
            view = view_for(state, seat)
            decision = chooser(view, agent_rng(state))
            action, why, after, _ = applied(state, decision.action)
            assert without is not None
            unsaid = choose(view, agent_rng(state), without)
            if actions:
                assert decision.action == action  # the seat's chooser's own action, not refused
            if (decision.action != unsaid.action) if actions else (decision != unsaid):
                differed = (state, view, decision, unsaid)
                looking = False
            else:
                assert decision.action == action  # as first_difference asserts of a move both take
        else:
            move, after, _ = take(state, chooser)
            action, why, decision = move.action, move.refused, move.decision
        steps.append((state, action))
        reasons.append(decision.reason)
        refused |= bool(why)
        state = after
    steps.levels = {
        seat: c.keywords["level"]
        for seat, c in choosers.items()
        if isinstance(c, partial) and c.func is choose and isinstance(c.keywords.get("level"), Level)
    }
    if not refused:
        steps.reasons = reasons
    return steps, state, differed


def level_in_seat(scenario: Scenario, seed: int, seat: int, level: Level) -> dict[int, Chooser]:
    """The tournament's choosers (every other seat normal) with `level`, a variant of a built-in
    level, in `seat`: how a rule is measured on and off over the same game."""
    choosers = game_choosers(scenario, {seat: "hard"}, seed)
    choosers[seat] = partial(choose, level=level)
    return choosers


def seat_gain(scenario: Scenario, seat: int, games: int, with_rule: Level, without: Level) -> float:
    """What the seat ends with, summed over the tournament's first `games` games, with a rule on
    (`with_rule`) less with it off (`without`), every other seat normal. A game where `without`
    decides as `with_rule` at every one of the seat's turns is the same game without the rule
    (the same states, so the same moves of every seat), and gains nothing; one where it decides
    otherwise is played on without the rule from the first such decision (`unruled`)."""
    gain = 0.0
    for game in range(games):
        seed = game_seed(0, game)
        _, on, differed = _played(scenario, seed, level_in_seat(scenario, seed, seat, with_rule), seat, without)
        if differed is not None:
            off = unruled(differed[0], scenario, seed, seat, without)
            gain += outcome_utility(on, seat) - outcome_utility(off, seat)
    return gain


def first_change(
    scenario: Scenario, seed: int, seat: int, with_rule: Level, without: Level
) -> tuple[State, tuple[State, View, Decision, Decision] | None]:
    """The game of `seed` with `with_rule` in `seat` (every other seat normal): its final state,
    and the seat's first decision whose action `without` would not take (the state, the view and
    the two decisions; None where it takes every one), each of the seat's actions up to there
    checked to be `with_rule`'s."""
    _, final, differed = _played(scenario, seed, level_in_seat(scenario, seed, seat, with_rule), seat, without, True)
    return final, differed


def unruled(parted: State, scenario: Scenario, seed: int, seat: int, without: Level) -> State:
    """The end of the tournament's game of `seed` with `without` in `seat` (every other seat
    normal), given `parted`, the state of the game with the rule at the seat's first decision
    that `without` takes otherwise: up to there the two games are one (the seat decided as
    `without` would at each of its turns, and the others' moves are those of the same states),
    so the game without the rule is played on from there, as selfplay.play plays a game
    (driver.take, move by move), rather than from its opening again. The rehearsal forks its
    styles' games so (game.ai.rehearsal._styled)."""
    choosers = level_in_seat(scenario, seed, seat, without)
    state = parted
    while not state.over:
        state = take(state, choosers.get(state.actor, choose))[1]
    return state


def seat_views(index: int, seat: int, game: int, level: str) -> list[View]:
    """The views of `seat`, played at `level` (the others normal), at each of its turns in the
    tournament's game `game` of the random bench's table `timed-{index}`."""
    sc = timed_scenario(index)
    steps, _ = replayed(sc, game_seed(0, game), style_in_seat(sc, seat, level, game_seed(0, game)))
    return [view_for(state, seat) for state, _ in steps if not state.over and state.actor == seat]


def level_views(scenario: Scenario, seed: int, level: str, keep: Callable[[View], bool]) -> list[View]:
    """The views `keep` picks along a game with every seat at `level`, each taken at the turn of
    the side to act."""
    everyone: dict[int, Chooser] = dict.fromkeys(range(len(scenario.delegations)), partial(choose, level=level))
    views = (view_for(state, state.actor) for state, _ in replayed(scenario, seed, everyone)[0])
    return [view for view in views if keep(view)]


def first_difference(
    steps: list[tuple[State, A.Action]], seat: int, with_rule: Level, without: Level
) -> tuple[State, View, Decision, Decision] | None:
    """Along a game's steps, the first decision of `seat` where the two variants of a level
    choose differently (the state, the seat's view and the two decisions), checking that up to
    there the game's own actions are those of `with_rule`; None if they never differ."""
    # the seat's own decisions, read from the game where it was played by `with_rule` (Steps)
    reasons = steps.reasons if isinstance(steps, Steps) and steps.levels.get(seat) == with_rule else None
    for k, (state, action) in enumerate(steps):
        if state.actor != seat:
            continue
        view = view_for(state, seat)
        unsaid = choose(view, agent_rng(state), without)
        said = Decision(action, reasons[k]) if reasons is not None else choose(view, agent_rng(state), with_rule)
        if said != unsaid:
            return state, view, said, unsaid
        assert said.action == action
    return None


def timed_rule_game(
    index: int, seat_id: str, game: int, with_rule: Level, without: Level, silent: bool = True
) -> tuple[Scenario, int, int, State, tuple[State, View, Decision, Decision]]:
    """The tournament's game `game` of the random bench's table `timed-{index}` with `with_rule`
    in the seat `seat_id` (every other seat normal): the scenario, the seat, the game's seed, its
    final state, and the first decision where `without` would choose differently (there must be
    one: a rule's test game is one the rule decides)."""
    sc, seat = timed_seat(index, seat_id, silent)
    seed = game_seed(0, game)
    _, final, differed = _played(sc, seed, level_in_seat(sc, seed, seat, with_rule), seat, without)
    assert differed is not None, f"the rule decides nothing in timed-{index} {seat_id}'s game {game}"
    return sc, seat, seed, final, differed


def heaviest_refusal(
    index: int, seat_id: str, game: int, with_rule: Level, without: Level
) -> tuple[View, Proposal, list[int], float]:
    """A heaviest-issue rule's test game (`timed_rule_game`, the tables as a file writes them):
    the first decision the rule changes is a refusal of a partial package that the level without
    it signs, for leaving open the issue the seat weighs most, which outweighs what the package
    settles. Returns the view, the package's proposal, the issues it leaves open, and the seat's
    end with the rule less its end without it."""
    sc, seat, seed, final, (parted, view, said, unsaid) = timed_rule_game(
        index, seat_id, game, with_rule, without, False
    )
    assert isinstance(said.action, A.Respond) and isinstance(unsaid.action, A.Respond)
    assert not said.action.accept and unsaid.action.accept
    assert "issue we care most about" in said.reason
    p = next(q for q in view.proposals if q.id == said.action.proposal)
    left = left_open(view, p.package)
    weights = view.own.weights
    open_issues = [i for i in view.agenda if view.settled[i] < 0]
    assert max(open_issues, key=lambda i: weights[i]) in left
    assert sum(weights[i] for i in left) > sum(weights[i] for i in open_issues if i not in left)
    off = unruled(parted, sc, seed, seat, without)
    return view, p, left, outcome_utility(final, seat) - outcome_utility(off, seat)


def waived_refusal(
    index: int, seat_id: str, game: int, with_rule: Level, without: Level
) -> tuple[Scenario, State, View, int, list[int], float]:
    """A test game of a rule that waives the heaviest-issue rule's weight condition (split_at_last,
    heaviest_clear; `timed_rule_game`, the tables as a file writes them): the first decision the
    rule changes is a refusal of a partial package that the level without it signs, for leaving
    open exactly the issue the seat weighs most. Returns the scenario, the final state, the view,
    that issue, the open issues, and the seat's end with the rule less its end without it."""
    sc, seat, seed, final, (parted, view, said, unsaid) = timed_rule_game(
        index, seat_id, game, with_rule, without, False
    )
    assert isinstance(said.action, A.Respond) and isinstance(unsaid.action, A.Respond)
    assert not said.action.accept and unsaid.action.accept
    assert "issue we care most about" in said.reason
    p = next(q for q in view.proposals if q.id == said.action.proposal)
    open_issues = [i for i in view.agenda if view.settled[i] < 0]
    heaviest = max(open_issues, key=lambda i: view.own.weights[i])
    assert left_open(view, p.package) == [heaviest]
    off = unruled(parted, sc, seed, seat, without)
    return sc, final, view, heaviest, open_issues, outcome_utility(final, seat) - outcome_utility(off, seat)


def rule_games(
    scenario: Scenario, seat: int, with_rule: Level, without: Level, games: int
) -> Iterator[tuple[list[tuple[State, A.Action]], tuple[State, View, Decision, Decision] | None]]:
    """The tournament's first `games` seeds with `with_rule` in `seat` (every other seat normal):
    each game's steps, and the first decision where `without` would choose differently (None
    where it never does): how a rule's tests find the moves it decides."""
    for steps, _, differed in _rule_games(scenario, seat, with_rule, without, games):
        yield steps, differed


def _rule_games(
    scenario: Scenario, seat: int, with_rule: Level, without: Level, games: int
) -> Iterator[tuple[list[tuple[State, A.Action]], State, tuple[State, View, Decision, Decision] | None]]:
    """`rule_games` with each game's final state: what a caller needs of the game with the rule
    without playing it again."""
    for game in range(games):
        seed = game_seed(0, game)
        yield _played(scenario, seed, level_in_seat(scenario, seed, seat, with_rule), seat, without)


def rule_decisions(
    scenario: Scenario, seat: int, with_rule: Level, without: Level, games: int
) -> Iterator[tuple[View, Decision, Decision]]:
    """Over `rule_games`, the first decision of each game where the rule decides: the view, what
    `with_rule` chose and what `without` would have chosen."""
    for _, differed in rule_games(scenario, seat, with_rule, without, games):
        if differed is not None:
            _, view, chosen, otherwise = differed
            yield view, chosen, otherwise


def decided_gain(
    scenario: Scenario, seat: int, with_rule: Level, without: Level, games: int
) -> tuple[list[tuple[View, Decision, Decision]], float]:
    """`rule_decisions` and `seat_gain` in one pass over the tournament's first `games` seeds: the
    first decision the rule changes in each game it decides, and the seat's gain summed over those
    games. A game where the rule decides nothing plays the same without it, for a rule that draws
    nothing from the generator (a Level flag gating a reading), so only the decided games are
    played without it, on from the first decision it changes (`unruled`; with it, the game
    already played is its end)."""
    decided: list[tuple[View, Decision, Decision]] = []
    gain = 0.0
    for game, (_, on, differed) in enumerate(_rule_games(scenario, seat, with_rule, without, games)):
        if differed is None:
            continue
        _, view, chosen, otherwise = differed
        decided.append((view, chosen, otherwise))
        off = unruled(differed[0], scenario, game_seed(0, game), seat, without)
        gain += outcome_utility(on, seat) - outcome_utility(off, seat)
    return decided, gain


def signed_where_refused(
    scenario: Scenario, seat: int, with_rule: Level, without: Level, games: int
) -> list[tuple[View, Decision, Decision]]:
    """`decided_gain` for a rule that signs what its level would refuse: over the tournament's
    first `games` seeds, the rule decides at least five games, each first decision it changes is
    an answer signed with it and refused without it, and the seat gains in total. The decisions,
    for the rule's own conditions to be checked on them."""
    changed, gain = decided_gain(scenario, seat, with_rule, without, games)
    assert len(changed) >= 5
    for _, chosen, otherwise in changed:
        assert isinstance(chosen.action, A.Respond) and isinstance(otherwise.action, A.Respond)
        assert chosen.action.accept and not otherwise.action.accept
    assert gain > 0
    return changed


def rule_walkouts(
    scenario: Scenario, seat: int, with_rule: Level, without: Level, games: int
) -> Iterator[tuple[View, State, State]]:
    """Over `rule_games`, each game where the rule's first decision is a walk-out that `without`
    would not make: the view it walked out on, and how the game ends with the rule (left) and
    without it (stayed), both from the tournament's seed (with the rule, the game already played to
    find the decision). A walk-out rule's tests."""
    for game, (_, left, differed) in enumerate(_rule_games(scenario, seat, with_rule, without, games)):
        if differed is None:
            continue
        _, view, chosen, otherwise = differed
        assert isinstance(chosen.action, A.WalkOut) and not isinstance(otherwise.action, A.WalkOut)
        stayed = unruled(differed[0], scenario, game_seed(0, game), seat, without)
        yield view, left, stayed


def venue_answers(view: View) -> list[Answer]:
    """The answers at this venue on packages of issues still open (the stalemate rule's record)."""
    return [a for a in view.answers if a.venue == view.venue_index and all(view.settled[i] < 0 for i, _ in a.package)]


def check_stalemate_walkout(view: View, seat: int, left: State, stayed: State, gain: float) -> None:
    """A stalemate walk-out as the rules read it (`rule_walkouts`): none of the counterpart's
    packages at the venue is worth more to the seat than what it has, and leaving ends the game
    with the same agreements, a smaller toll and more than `gain` more for the seat."""
    other = counterparts(view)[0]
    theirs = [a.package for a in venue_answers(view) if a.author == other]
    assert theirs and all(value_with(view, p) <= fallback(view) + 1e-9 for p in theirs)
    assert left.settled == stayed.settled
    assert delay_toll(left, seat) < delay_toll(stayed, seat)
    assert outcome_utility(left, seat) > outcome_utility(stayed, seat) + gain


def on_a_coarse_grid(sc: Scenario) -> Scenario:
    """The scenario with every delegation's values rounded to quarters and its issues weighed
    alike: many packages and moves of equal score, where an agent's choice is decided by the
    order of its scan and the margin a move needs (the ties a speed-up must keep)."""
    grid = tuple(
        dataclasses.replace(
            d,
            values=tuple(tuple(round(v * 4) / 4 for v in row) for row in d.values),
            weights=(1.0 / len(d.weights),) * len(d.weights),
        )
        for d in sc.delegations
    )
    return dataclasses.replace(sc, delegations=grid)


def package_indices(view: View, package: tuple[tuple[str, str], ...]) -> tuple[tuple[int, int], ...]:
    """An action's package (issue and option ids) as the agent's (issue, option) indices."""
    issues = {issue.id: i for i, issue in enumerate(view.issues)}
    return tuple(sorted((issues[i], [o.id for o in view.issues[issues[i]].options].index(o)) for i, o in package))


def plan_hold_out(view: View, state: State, level: Level) -> list[tuple[int, int]]:
    """The package the level's plan holds out for at this decision (the first plan with a later
    package that holding._refused_hold_out is asked of), read by standing in for that helper
    while the level chooses; empty where no plan holds out."""
    read: list[tuple[int, int]] = []
    real = holding._refused_hold_out

    def spy(view: View, level: Level, chosen: Plan) -> bool:
        if chosen.later is not None and not read:
            read.extend(chosen.later)
        return real(view, level, chosen)

    holding._refused_hold_out = spy
    try:
        negotiator.choose(view, agent_rng(state), level)
    finally:
        holding._refused_hold_out = real
    return read
