"""bench/outsiders.py's strategies, written from docs/AI.md "Bring your own agent" alone: each plays
whole games through the outside-agent path (`--seat ID=PATH.py:NAME`) in every signatory seat of
astana-8 without a move the rules refuse, and each keeps to what the bench says it does."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from game.ai.levels import LEVELS
from game.ai.selfplay import play
from game.engine import Propose, Respond
from game.engine.state import PENDING
from game.engine.utility import utility, with_package
from game.scenario import bundled, load_scenario
from game.sim.seating import game_choosers

BENCH = Path(__file__).resolve().parents[2] / "bench" / "outsiders.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("outsiders_bench", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


OUT = _bench()


@pytest.mark.parametrize("name", sorted(OUT.AGENTS))
def test_each_outsider_plays_every_astana_seat_through_the_agent_path(name: str) -> None:
    scenario = load_scenario(bundled()["astana-8"])
    seats = sorted({d for v in scenario.venues for d in v.signatories})
    for seat in seats:
        # what is tested: no AgentError (a move the rules refuse, a bad return), which names the seat
        play(scenario, 5, game_choosers(scenario, {seat: OUT.AGENTS[name]}, 5))


def _documented_bar(view, start: float, end: float) -> float:  # type: ignore[no-untyped-def]
    """The bar the bench's docstring describes, worked out here from its words: a share of what
    our best option on every open issue gives us over walking away, from `start` in the venue's
    first round to `end` in its last, on a straight line."""
    me = view.own
    deal = list(view.deal)
    for i in view.agenda:
        if view.settled[i] < 0:
            allowed = [o for o in range(len(view.issues[i].options)) if o not in me.red_lines[i]]
            deal[i] = max(allowed, key=lambda o: me.values[i][o])
    best = utility(me, tuple(deal))
    share = start + (end - start) * (view.round - 1) / max(1, view.venue.rounds - 1)
    return me.reservation + max(0.0, best - me.reservation) * share


def test_the_lines_answer_by_the_bar_the_bench_describes_and_early_tables_nothing() -> None:
    scenario = load_scenario(bundled()["astana-8"])
    seat = next(d for d, x in enumerate(scenario.delegations) if x.id == "opposition")
    seen = {"yes": 0, "no": 0, "early_proposals": 0}
    for cls, start, end in ((OUT.Boulware, 0.9, 0.3), (OUT.Early, 0.15, 0.15)):
        agent = cls()

        def watched(view, rng, agent=agent, cls=cls, start=start, end=end):  # type: ignore[no-untyped-def]
            decision = agent.choose(view, rng)
            if isinstance(decision.action, Respond):
                p = next(q for q in view.proposals if q.id == decision.action.proposal)
                assert p.response_of(view.me) == PENDING
                worth = utility(view.own, with_package(view.deal, p.package))
                bar = _documented_bar(view, start, end)
                if abs(worth - bar) > 1e-6:  # away from the edge, where rounding may tip it
                    assert decision.action.accept == (worth > bar)
                seen["yes" if decision.action.accept else "no"] += 1
            if cls is OUT.Early and isinstance(decision.action, Propose):
                seen["early_proposals"] += 1
            return decision

        for seed in range(3):
            choosers = game_choosers(scenario, {}, seed)
            choosers[seat] = watched
            play(scenario, seed, choosers)
    assert seen["yes"] > 0 and seen["no"] > 0 and seen["early_proposals"] == 0


def test_the_level_screen_pairs_a_variant_that_changes_nothing_to_zero(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # bench/screen_level.py: a variant with a field set to the value it has plays the same games
    # as its base, so the paired difference is exactly zero; one with the field changed does not
    spec = importlib.util.spec_from_file_location("screen_level_bench", BENCH.parent / "screen_level.py")
    assert spec is not None and spec.loader is not None
    screen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(screen)
    # the screen names its variant among the levels while it runs: taken out again after the test
    monkeypatch.setitem(LEVELS, screen.VARIANT, LEVELS["hard"])
    argv = ["screen_level.py", "--seats", "timed-10:d0", "--games", "6", "--jobs", "1", "--compare", "hard"]
    monkeypatch.setattr("sys.argv", [*argv, "keeps_heaviest=True"])
    screen.main()
    assert "| +0.0000 ± 0.0000 |" in capsys.readouterr().out
    monkeypatch.setattr("sys.argv", [*argv, "keeps_heaviest=False"])
    screen.main()
    assert "| +0.0000 ± 0.0000 |" not in capsys.readouterr().out


def test_greedy_late_refuses_until_the_last_two_rounds_and_ac_next_answers_by_its_next_package() -> None:
    # out35's outsiders keep to what the bench's docstring says: greedy-late accepts nothing before
    # the venue's last two rounds; ac-next accepts exactly what is worth its own next package
    scenario = load_scenario(bundled()["astana-8"])
    seat = next(d for d, x in enumerate(scenario.delegations) if x.id == "opposition")
    seen = {"early_no": 0, "late_yes": 0, "ac_yes": 0, "ac_no": 0}
    for cls in (OUT.GreedyLate, OUT.ACNext):
        agent = cls()

        def watched(view, rng, agent=agent, cls=cls):  # type: ignore[no-untyped-def]
            decision = agent.choose(view, rng)
            if isinstance(decision.action, Respond):
                p = next(q for q in view.proposals if q.id == decision.action.proposal)
                if cls is OUT.GreedyLate:
                    if view.round < view.venue.rounds - 1:
                        assert not decision.action.accept
                        seen["early_no"] += 1
                    else:
                        seen["late_yes"] += decision.action.accept
                else:
                    offered, mine = OUT.worth(view, p.package), OUT.worth(view, agent.package(view, 1))
                    if abs(offered - mine) > 1e-6:
                        assert decision.action.accept == (offered > mine)
                    seen["ac_yes" if decision.action.accept else "ac_no"] += 1
            return decision

        for seed in range(4):
            choosers = game_choosers(scenario, {}, seed)
            choosers[seat] = watched
            play(scenario, seed, choosers)
    # each branch was reached: greedy-late answered before its last two rounds, and signed after
    assert seen["early_no"] > 0 and seen["late_yes"] > 0
    assert seen["ac_yes"] > 0 and seen["ac_no"] > 0
