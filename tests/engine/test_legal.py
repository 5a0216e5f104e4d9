"""legal.py against apply(): what it offers, the engine takes; what it refuses, the engine refuses
with the same words; its counts are exact. Over small random scenarios, so it holds in general.

The full 10,000 random-agent games run in bench/legal.py (about half a minute); the suite plays
a tenth of them, every state checked.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from game.engine import actions as A
from game.engine import apply, new_game, view_for
from game.engine.errors import GameError
from game.engine.legal import FINITE_KINDS, KINDS, is_legal, legal_moves, moves_for, refusal
from game.engine.model import Scenario
from game.engine.rng import Rng
from game.engine.state import State
from game.sim.random_scenarios import random_scenario
from tests.engine.conftest import random_game

GAMES = 1_000


def engine_says(state: State, action: A.Action) -> str:
    """apply()'s verdict: "" if it takes the action, else its message."""
    try:
        apply(state, action)
    except GameError as e:
        return str(e)
    return ""


def test_a_random_agent_over_legal_moves_never_makes_a_refused_move() -> None:
    kinds: set[str] = set()
    endings: set[str] = set()
    for seed in range(GAMES):
        for state in random_game(seed):
            if not state.over:
                kinds.add(state.scenario.delegations[state.actor].role)
        endings.add(state.outcome)
    # the sample reaches every role and every way a game ends, so it tests what it claims to
    assert kinds == {"party", "guarantor", "mediator", "observer"}
    assert endings == {"agreement", "partial", "no_deal", "collapse"}


def candidates(sc: Scenario, actor: str, proposals: int) -> Iterator[A.Action]:
    """Every action of the finite kinds the scenario's ids allow, legal or not, and some
    malformed ones."""
    ids = [d.id for d in sc.delegations]
    for p in range(proposals + 1):
        yield A.Respond(actor, p, True)
        yield A.Respond(actor, p, False)
    for x in sc.issues:
        for o in x.options:
            yield A.Concede(actor, x.id, o.id)
        yield A.Concede(actor, x.id, "nowhere")
    yield A.Concede(actor, "ghost", "o0")
    for tone in (*A.TONES, "sarcastic"):
        for d in ("", *ids, "ghost"):
            yield A.Statement(actor, tone, d)
    for x in sc.issues:
        for d in (*ids, "ghost"):
            yield A.Pressure(actor, d, x.id)
    for d in (*ids, "ghost"):
        yield A.Meet(actor, d)
    yield A.Boycott(actor)
    yield A.WalkOut(actor)
    yield A.Pass(actor)


def packages(sc: Scenario) -> Iterator[A.Package]:
    """Every package over the scenario's issues (settled or off the agenda too), in issue order."""
    choices = [[None, *(o.id for o in x.options)] for x in sc.issues]
    for pick in itertools.product(*choices):
        package = tuple((x.id, o) for x, o in zip(sc.issues, pick, strict=True) if o is not None)
        if package:
            yield package


def check_state(state: State) -> None:
    sc = state.scenario
    actor = sc.delegations[state.actor].id
    moves = legal_moves(state)
    from_view = moves_for(view_for(state, state.actor))
    offered = list(moves.finite())
    assert offered == list(from_view.finite())
    assert moves.counts() == from_view.counts()
    assert moves.statuses == from_view.statuses
    taken = []
    for action in candidates(sc, actor, state.next_proposal):
        said = engine_says(state, action)
        assert refusal(state, action) == said, action
        assert moves.refusal(action) == said
        assert is_legal(state, action) == (not said)
        if not said:
            taken.append(action)
    # exactly the legal ones, each once, kind by kind in KINDS order
    assert len(set(offered)) == len(offered)
    assert set(offered) == set(taken)
    assert [a.kind for a in offered] == [a.kind for a in taken]
    counts = moves.counts()
    for kind in FINITE_KINDS:
        n = sum(1 for a in taken if a.kind == kind)
        assert counts[kind] == n
        status = moves.status(kind)
        assert status.allowed == (n > 0), (kind, status)
        if not status.allowed:
            assert status.reason
    # proposals and drafts: every package to every set of addressees, in table order
    others = [d.id for i, d in enumerate(sc.delegations) if i != state.actor]
    proposals = drafts = 0
    for package in packages(sc):
        said = engine_says(state, A.Draft(actor, package))
        assert refusal(state, A.Draft(actor, package)) == said
        drafts += not said
        for k in range(1, len(others) + 1):
            for to in itertools.combinations(others, k):
                action = A.Propose(actor, package, to)
                said = engine_says(state, action)
                assert refusal(state, action) == said
                proposals += not said
    assert (counts["propose"], counts["draft"]) == (proposals, drafts)
    assert moves.allowed("propose") == (proposals > 0)
    assert moves.allowed("draft") == (drafts > 0)


@pytest.mark.parametrize("seed", range(16))
def test_moves_are_exactly_what_apply_takes_with_its_words(seed: int) -> None:
    for state in random_game(seed):
        if not state.over:
            check_state(state)


def test_a_refused_kind_gives_the_engines_reason() -> None:
    sc = random_scenario(3)
    state, _ = new_game(sc, 3)
    assert not state.over
    moves = legal_moves(state)
    other = next(d for d in range(len(sc.delegations)) if d != state.actor)
    theirs = legal_moves(state, other)
    for kind in KINDS:
        status = theirs.status(kind)
        assert not status.allowed
        assert status.reason == f"it is {sc.names[state.actor]}'s turn, not {sc.names[other]}'s"
    assert moves.allowed("pass") and moves.allowed("walk_out")


def test_draws_are_legal_and_cover_every_kind() -> None:
    seen: set[str] = set()
    for seed in range(60):
        sc = random_scenario(seed)
        state, _ = new_game(sc, seed)
        if state.over:
            continue
        moves = legal_moves(state)
        rng = Rng(seed)
        for _ in range(30):
            action = moves.draw(rng)
            assert engine_says(state, action) == ""
            seen.add(action.kind)
    assert seen == set(KINDS) - {"respond"}  # nothing is on the table before the first move


def test_draw_is_uniform_over_all_legal_actions() -> None:
    """On a state with few enough actions, each is drawn about equally often."""
    for seed in range(200):
        sc = random_scenario(seed)
        state, _ = new_game(sc, seed)
        moves = legal_moves(state)
        if not state.over and 8 <= moves.count() <= 30:
            break
    total = moves.count()
    rng = Rng(5)
    draws = 300 * total
    tally: dict[A.Action, int] = {}
    for _ in range(draws):
        action = moves.draw(rng)
        if isinstance(action, A.Propose):  # one set of addressees in table order per draw
            action = A.Propose(action.actor, action.package, tuple(sorted(action.to)))
        tally[action] = tally.get(action, 0) + 1
    assert len(tally) == total
    assert all(150 < n < 450 for n in tally.values()), sorted(tally.values())


def test_may_concede_is_membership_of_the_concession_options() -> None:
    """Moves.may_concede(i, o), asked first or after concession_options(i) is kept, says what
    `o in concession_options(i)` says, for every issue and option (and outside the options), at
    every state of random games whatever the seat's role and positions."""
    conceding = 0
    for seed in range(40):
        for state in random_game(seed):
            if state.over:
                continue
            for d in range(len(state.scenario.delegations)):
                view = view_for(state, d)
                for i, issue in enumerate(state.scenario.issues):
                    options = range(-1, len(issue.options) + 1)
                    fresh = [moves_for(view).may_concede(i, o) for o in options]
                    moves = moves_for(view)
                    listed = moves.concession_options(i)
                    assert fresh == [o in listed for o in options]
                    assert [moves.may_concede(i, o) for o in options] == fresh
                    conceding += any(fresh)
    assert conceding  # the sample has seats with a concession to make


def test_a_move_with_fields_of_the_wrong_type_is_refused_not_raised() -> None:
    """A move from outside the game (a plug-in agent's) may hold anything. The rules' check took
    its fields on trust, and a package given as a dict, an addressee as a list or an answer as
    text raised TypeError or ValueError inside it; refusal() now says what apply() says."""
    sc = random_scenario(3)
    state, _ = new_game(sc, 3)
    me = sc.delegations[state.actor].id
    other = next(d.id for d in sc.delegations if d.id != me)
    issue, option = sc.issues[0].id, sc.issues[0].options[0].id
    for action in (
        A.Respond(me, 1, "no"),  # type: ignore[arg-type]
        A.Respond(me, 1.0, True),  # type: ignore[arg-type]
        A.Propose(me, {issue: option}, (other,)),  # type: ignore[arg-type]
        A.Propose(me, issue, (other,)),  # type: ignore[arg-type]
        A.Propose(me, ((issue, option, option),), (other,)),  # type: ignore[arg-type]
        A.Propose(me, ((issue, option),), [other]),  # type: ignore[arg-type]
        A.Meet(me, [other]),  # type: ignore[arg-type]
        A.Pressure(me, [other], 3),  # type: ignore[arg-type]
        A.Statement(me, "hardline", None),  # type: ignore[arg-type]
    ):
        said = engine_says(state, action)
        assert said, action
        assert refusal(state, action) == said
        assert moves_for(view_for(state, state.actor)).refusal(action) == said
        assert not is_legal(state, action)


def test_lacking_names_the_signatories_whose_yes_a_proposal_still_needs() -> None:
    """The viewer's yes makes a proposal agreed exactly where nothing is lacking: its author and
    every other signatory at the table have said yes (the rule _settle_if_done applies)."""
    from game.engine.state import ACCEPTED, PENDING, Proposal
    from game.scenario import bundled, load_scenario

    sc = load_scenario(bundled()["astana-8"])
    state, _ = new_game(sc, 1)
    me = sc.delegation_index["opposition"]
    view = view_for(state, me)
    others = [d for d in sc.venues[0].signatories if d != me]
    author, rest = others[0], others[1:]
    package = ((sc.venues[0].agenda[0], 0),)
    pending = Proposal(1, author, package, (me, *rest), (PENDING,) * (1 + len(rest)), 1)
    assert moves_for(view).lacking(pending) == tuple(rest)
    nearly = Proposal(1, author, package, (me, *rest), (PENDING,) + (ACCEPTED,) * (len(rest) - 1) + (PENDING,), 1)
    assert moves_for(view).lacking(nearly) == (rest[-1],)
    done = Proposal(1, author, package, (me, *rest), (PENDING,) + (ACCEPTED,) * len(rest), 1)
    assert moves_for(view).lacking(done) == ()
