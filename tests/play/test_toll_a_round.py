"""What a round costs a side now and once a package is agreed (game.play.choices.toll_a_round) is
what the engine charges when the round ends: the board's refusal question quotes it."""

from __future__ import annotations

import dataclasses

import pytest

from game.engine import Pass, Propose, Respond, apply, new_game, view_for
from game.engine.model import Scenario
from game.engine.state import State
from game.play.choices import ends_the_talks, toll_a_round, toll_to_stop
from tests.saves.helpers import ROOT, ai_action, from_bytes, new_session
from tests.ui.test_brief_time import _round_passes


def _charged(state: State, d: int) -> float:
    """What the round under way charges `d` when it ends, nothing more being agreed."""
    return (_round_passes(state).toll[d] - state.toll[d]) / 10_000


# games in which a partial deal is made while the round goes on (a whole-agenda deal ends the game)
@pytest.mark.parametrize(
    ("name", "seed"), [("astana-8", 1), ("astana-8", 6), ("sochi-congress", 5), ("astana-to-sochi", 3)]
)
def test_the_toll_before_and_after_an_agreement_is_what_the_round_charges(name: str, seed: int) -> None:
    session = new_session(name, seed)
    checked = 0
    while not session.state.over:
        before = session.state
        session.play(ai_action(session))
        after = session.state
        made = len(after.agreements) > len(before.agreements)
        if not made or before.closing or after.over or after.round != before.round or after.venue != before.venue:
            continue
        package = after.agreements[-1].package
        for d in before.scenario.venues[before.venue].signatories:
            now, then = toll_a_round(view_for(before, d), package)
            assert now == pytest.approx(_charged(before, d), abs=1e-9)
            assert then == pytest.approx(_charged(after, d), abs=1e-9)
            assert then <= now
            checked += now > then  # the agreement stopped part of this side's toll
    assert checked, "no agreement in a round that goes on, or none that stopped a toll"


def test_nothing_where_time_costs_nothing() -> None:
    session = new_session("tutorial", 1)
    view = view_for(session.state, 0)
    package = tuple((i, 0) for i in view.agenda)
    assert toll_a_round(view, package) == (0.0, 0.0)


def _stage5_with(effects: dict[str, str]) -> Scenario:
    """The guide's stage 5 with a toll, no random events, and effects given to some options
    (option id -> one effect line)."""
    text = (ROOT / "docs" / "examples" / "stage5.yaml").read_text(encoding="utf-8")
    for option, effect in effects.items():
        old = next(line for line in text.splitlines() if line.strip().startswith(f"- {{id: {option},"))
        label = old.split("label:", 1)[1].rstrip("}").strip()
        indent = old[: len(old) - len(old.lstrip())]
        new = f"{indent}- id: {option}\n{indent}  label: {label}\n{indent}  effects:\n{indent}    - {effect}"
        text = text.replace(old, new, 1)
    text = text.replace("random_events: 0.3", "random_events: 0") + "rules:\n  delay_cost: 5\n"
    return from_bytes(text.encode())


def _proposed(state: State, author: str, package: tuple[tuple[str, str], ...], to: tuple[str, ...]) -> State:
    """`author` proposes `package` at its turn, the others passing until then."""
    ids = [d.id for d in state.scenario.delegations]
    while ids[state.actor] != author:
        state, _ = apply(state, Pass(ids[state.actor]))
    state, _ = apply(state, Propose(author, package, to))
    return state


def _all_accept(state: State) -> State:
    """Every addressee accepts the open proposals at its turn (the others pass)."""
    ids = [d.id for d in state.scenario.delegations]
    while state.proposals:
        p, who = state.proposals[0], ids[state.actor]
        state, _ = apply(state, Respond(who, p.id, True) if p.response_of(state.actor) == 0 else Pass(who))
    return state


def test_an_agreed_option_that_breaks_an_agreement_keeps_its_issue_tolling() -> None:
    """A reviewer's case: the route through the hospital breaks the agreement on who pays the
    deficit, which then tolls again; the board had said the toll would fall further than it does."""
    sc = _stage5_with({"via_hospital": "break: {issue: cost_share}"})
    state, _ = new_game(sc, 1)
    state = _all_accept(_proposed(state, "millbrook", (("cost_share", "equal"),), ("easton", "county")))
    cost_share = sc.issue_index["cost_share"]
    assert state.settled[cost_share] >= 0
    before = _proposed(state, "county", (("route", "via_hospital"),), ("millbrook", "easton"))
    (offer,) = before.proposals
    after = _all_accept(before)
    assert after.settled[cost_share] < 0 and after.round == before.round  # broken, in the same round
    for d in (sc.delegation_index["millbrook"], sc.delegation_index["easton"]):
        now, then = toll_a_round(view_for(before, d), offer.package)
        assert now == pytest.approx(_charged(before, d), abs=1e-9)
        assert then == pytest.approx(_charged(after, d), abs=1e-9)


def test_an_agreement_that_takes_a_signatory_from_the_table_ends_the_talks() -> None:
    sc = _stage5_with({"until_9": "leave: {delegation: county}"})
    state, _ = new_game(sc, 1)
    view = view_for(state, sc.delegation_index["easton"])
    evening = sc.issue_index["evening"]
    nine = next(o for o, x in enumerate(sc.issues[evening].options) if x.id == "until_9")
    assert ends_the_talks(view, ((evening, nine),))
    assert not ends_the_talks(view, ((evening, 0 if nine else 1),))
    # what the questions and the board weigh: no toll stopped by an agreement that ends the talks,
    # nor in the closing session; else the round's toll as it stands
    other = ((evening, 0 if nine else 1),)
    assert toll_a_round(view, ((evening, nine),))[0] > 0
    assert toll_to_stop(view, ((evening, nine),)) == (0.0, 0.0)
    assert toll_to_stop(view, other) == toll_a_round(view, other)
    assert toll_to_stop(dataclasses.replace(view, closing=True), other) == (0.0, 0.0)


def test_in_a_campaign_a_venues_last_deal_ends_that_venues_toll_and_the_board_says_so() -> None:
    """A reviewer's case: the deal that settles Astana's agenda gives no toll after it at Astana,
    but Sochi charges its own: the board's question says "here"."""
    from game.play.board import entries
    from game.play.history import Chronicle
    from game.ui.format import reject_question

    session = new_session("astana-to-sochi", 1)
    while session.state.venue == 0:
        before = session.state
        session.play(ai_action(session))
    (agreement,) = [a for a in session.state.agreements if a.venue == 0][-1:]
    for d in before.scenario.venues[0].signatories:
        now, then = toll_a_round(view_for(before, d), agreement.package)
        assert then == 0.0 < now
    # the last yes, from the side whose move made the agreement: the offer waited for it
    first, opening = new_game(session.scenario, session.seed)
    chronicle = Chronicle.of(first, opening, [e.action for e in session.log[: before.step]])
    (entry,) = [e for e in entries(before, before.actor, chronicle) if e.proposal.id == agreement.proposal]
    assert entry.waiting_for_me and entry.venues_follow
    asked = reject_question(agreement.proposal, "x", "0.5", "above", *entry.toll, entry.venues_follow)
    assert asked.endswith(" that each round costs you here.")
