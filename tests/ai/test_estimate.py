"""The proposal builder's acceptance estimate reads the player's view and nothing else, and
behaves as a chance should. (How well it is calibrated is measured in bench/calibration.py.)"""

from __future__ import annotations

import dataclasses
import importlib
import itertools
import pkgutil
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.ai.estimate import (
    BUILDER_FEATURES,
    FALLING,
    FEATURES,
    REFUSED,
    RISING,
    acceptance_chance,
    agent_chance,
    answered,
    builder_features,
    calibrated,
    features,
)
from game.ai.estimate_fit import AGENT_CALIBRATION, AGENT_COEFFICIENTS, CALIBRATION, COEFFICIENTS, LEVEL_CALIBRATION
from game.engine import new_game, view_for
from game.engine.legal import may_propose
from game.engine.model import Scenario
from game.engine.state import Answer
from game.engine.view import View
from game.play import choices
from game.scenario import bundled, load_scenario
from tests.saves.helpers import new_session, play_on

ASTANA = load_scenario(bundled()["astana-8"])
GOV, OPP = ASTANA.delegation_index["government"], ASTANA.delegation_index["opposition"]


def _packages(sc: Scenario, limit: int = 60) -> list[tuple[tuple[int, int], ...]]:
    agenda = sc.venues[0].agenda[:3]
    ranges = [range(len(sc.issues[i].options)) for i in agenda]
    return [tuple(zip(agenda, combo, strict=True)) for combo in itertools.islice(itertools.product(*ranges), limit)]


def _with_private(sc: Scenario, who: int, **changes: object) -> Scenario:
    delegations = list(sc.delegations)
    delegations[who] = dataclasses.replace(delegations[who], **changes)
    return dataclasses.replace(sc, delegations=tuple(delegations))


def test_another_sides_private_numbers_do_not_change_the_estimate() -> None:
    them = ASTANA.delegations[OPP]
    n = len(ASTANA.issues)
    secret = _with_private(
        ASTANA,
        OPP,
        weights=tuple(reversed(them.weights)),
        values=tuple(tuple(1.0 - v for v in row) for row in them.values),
        reservation=0.9,
        personality=dataclasses.replace(them.personality, temper=1.0 - them.personality.temper),
    )
    assert secret.delegations[OPP].weights != them.weights or n == 1
    for seed in (1, 2, 3):
        plain = view_for(new_game(ASTANA, seed)[0], GOV)
        hidden = view_for(new_game(secret, seed)[0], GOV)
        assert plain == hidden  # the government's view is the same...
        for package in _packages(ASTANA):
            # ...and so is every estimate made from it
            assert acceptance_chance(plain, OPP, package) == acceptance_chance(hidden, OPP, package)


def test_what_is_public_does_change_it() -> None:
    # the control for the test above: a different public position is seen, and counts
    them = ASTANA.delegations[OPP]
    issue = ASTANA.venues[0].agenda[0]
    opening = list(them.opening)
    opening[issue] = (opening[issue] + 1) % len(ASTANA.issues[issue].options)
    moved = _with_private(ASTANA, OPP, opening=tuple(opening))
    plain = view_for(new_game(ASTANA, 1)[0], GOV)
    other = view_for(new_game(moved, 1)[0], GOV)
    assert any(acceptance_chance(plain, OPP, p) != acceptance_chance(other, OPP, p) for p in _packages(ASTANA))


def test_across_a_declared_red_line_the_chance_is_zero() -> None:
    view = view_for(new_game(ASTANA, 1)[0], GOV)
    crossings = [
        ((i, o),)
        for i in ASTANA.venues[0].agenda
        for o in range(len(ASTANA.issues[i].options))
        if o in view.red_lines[OPP][i]
    ]
    assert crossings, "astana-8 should give the opposition a declared red line"
    for package in crossings:
        assert acceptance_chance(view, OPP, package) == 0.0


def test_giving_a_side_what_it_asks_for_beats_giving_it_the_opposite() -> None:
    for who in (OPP, ASTANA.delegation_index["turkey"], ASTANA.delegation_index["russia"]):
        view = view_for(new_game(ASTANA, 4)[0], GOV)
        asked = tuple((i, view.positions[who][i]) for i in ASTANA.venues[0].agenda if view.positions[who][i] >= 0)
        opposite = tuple(
            (i, max(range(len(ASTANA.issues[i].options)), key=lambda o, i=i: abs(o - view.positions[who][i])))
            for i, _ in asked
        )
        assert acceptance_chance(view, who, asked) > acceptance_chance(view, who, opposite)


@settings(max_examples=60)
@given(seed=st.integers(0, 2**32), who=st.sampled_from([OPP, 2, 3, 4]), data=st.data())
def test_it_is_a_chance(seed: int, who: int, data: st.DataObject) -> None:
    view = view_for(new_game(ASTANA, seed)[0], GOV)
    agenda = ASTANA.venues[0].agenda
    issues = data.draw(st.lists(st.sampled_from(agenda), min_size=1, max_size=len(agenda), unique=True))
    package = tuple(sorted((i, data.draw(st.integers(0, len(ASTANA.issues[i].options) - 1))) for i in issues))
    for p in (acceptance_chance(view, who, package), agent_chance(view, who, package)):
        assert 0.0 <= p <= 1.0
    assert len(features(view, who, package)) == len(FEATURES) == len(AGENT_COEFFICIENTS)
    assert len(builder_features(view, who, package)) == len(BUILDER_FEATURES) == len(COEFFICIENTS)


@pytest.mark.parametrize(
    "points",
    [CALIBRATION, AGENT_CALIBRATION, *LEVEL_CALIBRATION.values()],
    ids=["builder", "agents", *(f"builder-{level}" for level in LEVEL_CALIBRATION)],
)
def test_the_calibration_map_is_increasing_from_0_to_1(points: tuple[tuple[float, float], ...]) -> None:
    assert points[0] == (0.0, 0.0) and points[-1] == (1.0, 1.0)
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    assert xs == sorted(xs) and ys == sorted(ys)
    grid = [k / 100 for k in range(101)]
    mapped = [calibrated(p, points) for p in grid]
    assert mapped == sorted(mapped)
    for x, y in points:
        assert abs(calibrated(x, points) - y) < 1e-12


def test_the_agents_read_their_own_fit_and_only_the_builder_the_calibrated_one() -> None:
    """The player's builder shows the calibrated fit (tests/ui/test_actions.py checks what it
    shows); the agents keep the fit their rules were tuned with. No module of the AI but the
    estimate's own holds the builder's function: an agent reading it would play differently from
    the games tests/golden pins, and the builder's refits would move the agents with them."""
    import game.ai

    readers = []
    for info in pkgutil.walk_packages(game.ai.__path__, "game.ai."):
        module = importlib.import_module(info.name)
        # by any name it is bound to there
        if info.name != "game.ai.estimate" and any(v is acceptance_chance for v in vars(module).values()):
            readers.append(info.name)
    assert readers == []
    # the two fits read one view's features and differ in what they make of them
    view = view_for(new_game(ASTANA, 3)[0], GOV)
    packages = [tuple((i, o) for i in ASTANA.venues[0].agenda) for o in range(2)]
    assert any(acceptance_chance(view, OPP, p) != agent_chance(view, OPP, p) for p in packages)


def test_the_builders_weights_keep_to_the_monotone_constraints() -> None:
    """Features that rise as a package moves to what a side asks are weighed at 0 or more (met, the
    shares, gains), those that fall at 0 or less (strain), and share with share_squared rises over
    share's whole range [-1, 1]: bench/calibration.py fits them so."""
    weight = dict(zip(BUILDER_FEATURES, COEFFICIENTS, strict=True))
    assert all(weight[name] >= 0 for name in RISING)
    assert all(weight[name] <= 0 for name in FALLING + REFUSED)
    assert weight["share"] >= 2 * abs(weight["share_squared"])


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32), turns=st.integers(0, 40), data=st.data())
def test_giving_a_side_its_stated_position_on_one_issue_never_lowers_its_estimate(
    seed: int, turns: int, data: st.DataObject
) -> None:
    """The player's report of 6 December 2026: the builder showed a side less likely to accept
    once one issue was set to its own stated position (met weighed at -0.35, and the frequency
    model ranking an option the side had offered above the one it states). At the start and
    after some moves, from any seat's view, for any other side present."""
    state = play_on(new_session("astana-8", seed % 10_000), turns).state
    if state.over:
        return
    me = data.draw(
        st.sampled_from([d for d in range(len(ASTANA.delegations)) if may_propose(ASTANA.delegations[d].role)])
    )
    view = view_for(state, me)
    others = choices.present_others(view)
    issues = choices.open_issues(view)
    if not others or not issues:
        return
    who = data.draw(st.sampled_from(others))
    chosen = data.draw(st.lists(st.sampled_from(issues), min_size=1, max_size=len(issues), unique=True))
    options = {i: [o for o in range(len(ASTANA.issues[i].options)) if o not in view.red_lines[who][i]] for i in chosen}
    package = tuple(sorted((i, data.draw(st.sampled_from(options[i]))) for i in chosen))
    for k, (i, o) in enumerate(package):
        stated = view.positions[who][i]
        if stated < 0 or stated == o or stated in view.red_lines[who][i]:
            continue
        edited = (*package[:k], (i, stated), *package[k + 1 :])
        (*edited_refused, _, _), (*refused, accepted_now, accepted_before) = (
            answered(view, who, edited),
            answered(view, who, package),
        )
        if edited_refused > refused or accepted_now or accepted_before:
            continue  # it refused the edited package, or accepted this one: either may lower it
        assert acceptance_chance(view, who, edited) >= acceptance_chance(view, who, package)


def _answers_read(accepted: bool) -> Iterator[tuple[View, Answer]]:
    """Over astana-8's all-AI games (seeds 0-5, up to 160 moves each), at every move, each answer
    of the room's record that the mover reads: another side's yes (`accepted`) or no at this
    venue, to a package across none of its declared red lines (there the estimate is 0 whatever
    was said)."""
    for view in _movers_views(6, 160):
        for answer in view.answers:
            if answer.accepted != accepted or answer.venue != view.venue_index or answer.who == view.me:
                continue
            if not any(o in view.red_lines[answer.who][i] for i, o in answer.package):
                yield view, answer


def _movers_views(games: int, moves: int) -> Iterator[View]:
    """The mover's view at each of the first `moves` moves of astana-8's all-AI games 0 to
    `games` - 1."""
    for seed in range(games):
        session = new_session("astana-8", seed)
        for _ in range(moves):
            state = play_on(session, 1).state
            if state.over:
                break
            yield view_for(state, state.actor)


def test_a_package_refused_before_is_estimated_lower_than_the_same_one_fresh() -> None:
    """The calibration games of 6 December 2026: a package sent again to a side that had refused
    it was accepted half as often as the builder said (10% of 720 answers, 22% predicted). Each
    refusal an AI game makes is read: this round's and an earlier round's, against the same view
    with the room's record of answers and the open proposals emptied."""
    seen = {"now": 0, "before": 0}
    for view, answer in _answers_read(accepted=False):
        now, before, accepted_now, accepted_before = answered(view, answer.who, answer.package)
        if accepted_now or accepted_before:
            continue  # it also said yes to it: test_a_package_accepted_before...
        assert (now, before) != (0.0, 0.0)
        assert now == float(answer.round == view.round) or before == 1.0
        fresh = dataclasses.replace(view, answers=(), proposals=(), tabled=())
        assert answered(fresh, answer.who, answer.package) == (0.0, 0.0, 0.0, 0.0)
        assert acceptance_chance(view, answer.who, answer.package) < acceptance_chance(
            fresh, answer.who, answer.package
        )
        seen["now" if now else "before"] += 1
    assert seen["now"] > 0 and seen["before"] > 0, seen


def test_a_package_accepted_before_is_estimated_higher_than_the_same_one_fresh() -> None:
    """A side that had accepted a package accepted it again 98% of the time in the same round and
    95% later (160 all-AI games, 7 December 2026), and an author's "Edit as counter" of an offer
    the government had accepted showed "accepts ~34%". Each acceptance an AI game makes is read,
    against the same view with the room's record of answers and the open proposals emptied."""
    seen = {"now": 0, "before": 0}
    for view, answer in _answers_read(accepted=True):
        refused_now, refused_before, now, before = answered(view, answer.who, answer.package)
        if refused_now or refused_before:
            continue  # it also said no to it
        assert now == float(answer.round == view.round) or before == 1.0
        fresh = dataclasses.replace(view, answers=(), proposals=(), tabled=())
        assert acceptance_chance(view, answer.who, answer.package) > acceptance_chance(
            fresh, answer.who, answer.package
        )
        seen["now" if now else "before"] += 1
    assert seen["now"] > 0 and seen["before"] > 0, seen


def test_a_sides_own_open_proposal_is_read_as_its_yes() -> None:
    """Its author counts as accepting a proposal (RULES.md): in hot-seat play "Edit as counter"
    of the other player's unchanged proposal showed "accepts ~27%". Over AI games, each open
    proposal at the table (put to the mover or not) is read as its author's yes to that package,
    against the same view without it."""
    seen = {"put to the mover": 0, "put to others": 0}
    for view in _movers_views(4, 120):
        # every open proposal at the table, whoever it was put to: an SNC player's counter of the
        # government's #36, put to others, read "accepts ~27%" of the government's own package
        assert {p.id for p in view.proposals} <= {p.id for p in view.tabled}
        for p in view.tabled:
            if p.author == view.me or any(o in view.red_lines[p.author][i] for i, o in p.package):
                continue
            now, before = answered(view, p.author, p.package)[2:]
            assert (now, before) == ((1.0, 0.0) if p.round == view.round else (0.0, 1.0)) or now == before == 1.0
            unseen = dataclasses.replace(view, tabled=tuple(q for q in view.tabled if q.id != p.id))
            if not any(answered(unseen, p.author, p.package)[2:]):
                assert acceptance_chance(view, p.author, p.package) > acceptance_chance(unseen, p.author, p.package)
                seen["put to the mover" if view.me in p.to else "put to others"] += 1
    assert all(seen.values()), seen


def test_only_an_answer_to_that_package_by_that_side_at_this_venue_counts() -> None:
    view = view_for(new_game(ASTANA, 5)[0], GOV)
    package = tuple((i, 0) for i in ASTANA.venues[0].agenda[:2])
    other = tuple((i, 1) for i in ASTANA.venues[0].agenda[:2])

    def said(**fields: object) -> Answer:
        base = {"who": OPP, "proposal": 1, "author": 2, "package": package, "venue": 0, "round": view.round}
        return Answer(**{**base, "accepted": False, **fields})  # type: ignore[arg-type]

    def read(*answers: Answer) -> tuple[float, ...]:
        return answered(dataclasses.replace(view, answers=answers), OPP, package)

    # refused now, refused before, accepted now, accepted before
    assert read(said()) == (1.0, 0.0, 0.0, 0.0)
    assert read(said(round=view.round - 1)) == (0.0, 1.0, 0.0, 0.0)
    assert read(said(), said(round=view.round - 1)) == (1.0, 1.0, 0.0, 0.0)
    assert read(said(accepted=True)) == (0.0, 0.0, 1.0, 0.0)
    assert read(said(accepted=True, round=view.round - 1)) == (0.0, 0.0, 0.0, 1.0)
    assert read(said(who=3)) == (0.0, 0.0, 0.0, 0.0)
    assert read(said(package=other)) == (0.0, 0.0, 0.0, 0.0)
    assert read(said(venue=1)) == (0.0, 0.0, 0.0, 0.0)
    # the package as the builder may hold it, issues in another order, is the same package
    assert answered(dataclasses.replace(view, answers=(said(),)), OPP, tuple(reversed(package))) == (1.0, 0.0, 0.0, 0.0)


def test_a_seat_of_a_built_in_level_is_read_through_that_levels_map() -> None:
    """The player chose the levels they play against, and the hard agents said yes up to 0.22 less
    often than the estimate pooled over every level showed (the easy ones up to 0.26 more): the
    builder reads a side of a built-in level through its own map, any other side (a person, a
    strategy, an outside agent) through the pooled one."""
    from game.ai.estimate import raw_chance

    assert set(LEVEL_CALIBRATION) == {"easy", "normal", "hard"}
    state, _ = new_game(ASTANA, 5)
    view = view_for(state, GOV)
    differs = {level: False for level in LEVEL_CALIBRATION}
    for package in _packages(ASTANA):
        if any(o in view.red_lines[OPP][i] for i, o in package):
            assert all(acceptance_chance(view, OPP, package, level) == 0.0 for level in (None, *LEVEL_CALIBRATION))
            continue
        raw = raw_chance(COEFFICIENTS, builder_features(view, OPP, package))
        pooled = acceptance_chance(view, OPP, package)
        assert pooled == calibrated(raw, CALIBRATION)
        for kind in (None, "copy-last", "agent:x.py:A"):
            assert acceptance_chance(view, OPP, package, kind) == pooled
        for level, points in LEVEL_CALIBRATION.items():
            chance = acceptance_chance(view, OPP, package, level)
            assert chance == calibrated(raw, points)
            differs[level] |= chance != pooled
    assert all(differs.values())
    # easy says yes more often than normal, and normal than hard, where the raw chance is middling
    assert calibrated(0.5, LEVEL_CALIBRATION["easy"]) > calibrated(0.5, LEVEL_CALIBRATION["normal"])
    assert calibrated(0.5, LEVEL_CALIBRATION["normal"]) > calibrated(0.5, LEVEL_CALIBRATION["hard"])
