"""The fast path for pure bargaining plays exactly the game the engine-driven agents play.

game.sim.bilateral re-implements the negotiator over flat lists for speed; these tests hold it
to the original: on random eligible domains, at every level, the same actions in the same order
(and so the same agreement at the same step), and a clear refusal of a domain it cannot play.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.ai import play
from game.ai.seats import choosers
from game.engine.model import Scenario
from game.scenario import load_scenario
from game.scenario.load import check_bytes
from game.sim.bilateral import eligible, play_bargain

ROOT = Path(__file__).resolve().parents[2]
LEVEL_NAMES = ("easy", "normal", "hard")
STYLES = ("boulware", "linear", "conceder")


def domain_yaml(
    sizes: list[int],
    values: list[list[list[float]]],
    weights: list[list[float]],
    reservations: list[float],
    styles: list[str],
    rounds: int,
    momentum: int,
    first: int,
    status_quo: list[int],
) -> str:
    lines = [
        "format: 1",
        "id: random-bargain",
        "title: A random bilateral domain",
        "summary: Two parties and a few ordered issues.",
        "rules: {collapse_support: 0, concession_cost: 0}",
        "issues:",
    ]
    for i, k in enumerate(sizes):
        options = ", ".join(f"{{id: o{o}, label: o{o}}}" for o in range(k))
        lines += [
            f"  - id: i{i}",
            f"    name: Issue {i}",
            f"    status_quo: o{status_quo[i]}",
            f"    options: [{options}]",
        ]
    lines.append("delegations:")
    for d in range(2):
        lines += [
            f"  - id: d{d}",
            f"    name: Side {d}",
            f"    leader: Leader {d}",
            "    role: party",
            f"    personality: {{style: {styles[d]}, temper: 0}}",
            f"    reservation: {reservations[d]}",
            "    support: 100",
            "    preferences:",
        ]
        for i, k in enumerate(sizes):
            table = ", ".join(f"o{o}: {values[d][i][o]}" for o in range(k))
            lines.append(f"      i{i}: {{weight: {weights[d][i]}, values: {{{table}}}}}")
    order = "[d0, d1]" if first == 0 else "[d1, d0]"
    agenda = ", ".join(f"i{i}" for i in range(len(sizes)))
    lines += [
        "venues:",
        "  - id: table",
        "    name: The table",
        f"    agenda: [{agenda}]",
        "    signatories: [d0, d1]",
        f"    turn_order: {order}",
        "    action_points: 1",
        f"    rounds: {rounds}",
        f"    momentum: {momentum}",
        "    momentum_decay: 0",
    ]
    return "\n".join(lines) + "\n"


@st.composite
def domains(draw: st.DrawFn) -> Scenario:
    sizes = draw(st.lists(st.integers(2, 5), min_size=1, max_size=4))
    value = st.integers(0, 100).map(lambda x: x / 100)
    values = [[[draw(value) for _ in range(k)] for k in sizes] for _ in range(2)]
    weights = [[draw(st.integers(1, 9)) / 10 for _ in sizes] for _ in range(2)]
    reservations = [draw(st.integers(0, 60)) / 100 for _ in range(2)]
    styles = [draw(st.sampled_from(STYLES)) for _ in range(2)]
    status_quo = [draw(st.integers(0, k - 1)) for k in sizes]
    text = domain_yaml(
        sizes,
        values,
        weights,
        reservations,
        styles,
        rounds=draw(st.integers(1, 30)),
        momentum=draw(st.integers(20, 100)),
        first=draw(st.integers(0, 1)),
        status_quo=status_quo,
    )
    scenario, diagnostics = check_bytes(text.encode(), "random.yaml")
    assert scenario is not None, [str(d) for d in diagnostics]
    return scenario


@settings(max_examples=120)
@given(
    scenario=domains(),
    seed=st.integers(0, 2**32),
    levels=st.tuples(st.sampled_from(LEVEL_NAMES), st.sampled_from(LEVEL_NAMES)),
)
def test_fast_path_takes_the_engines_actions(scenario: Scenario, seed: int, levels: tuple[str, str]) -> None:
    assert eligible(scenario) == ""
    game = play(scenario, seed, choosers({0: levels[0], 1: levels[1]}))
    fast = play_bargain(scenario, seed, levels, record=True)
    assert list(fast.actions) == game.actions
    assert fast.steps == game.state.step
    assert fast.proposals == sum(1 for a in game.actions if a.kind == "propose")
    if game.state.agreements:
        assert fast.agreement == game.state.deal()
    else:
        assert fast.agreement is None


def test_fast_path_matches_the_engine_on_the_negmas_domain() -> None:
    scenario = load_scenario(ROOT / "bench" / "negmas-domain.yaml")
    for seed in range(20):
        game = play(scenario, seed)
        fast = play_bargain(scenario, seed, record=True)
        assert list(fast.actions) == game.actions
        assert fast.agreement == game.state.deal()


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        ("    action_points: 1", "    action_points: 2"),
        ("personality: {style: boulware, temper: 0}", "personality: {style: boulware, temper: 0.5}"),
        ("  concession_cost: 0", "  concession_cost: 50"),
        ("    momentum_decay: 0", "    momentum_decay: 5"),
    ],
)
def test_a_domain_with_politics_is_refused(edit: str, reason: str) -> None:
    text = (ROOT / "bench" / "negmas-domain.yaml").read_text()
    assert edit in text
    scenario, _ = check_bytes(text.replace(edit, reason).encode(), "edited.yaml")
    assert scenario is not None
    assert eligible(scenario) != ""
    with pytest.raises(ValueError, match="cannot play"):
        play_bargain(scenario, 0)


def test_the_bundled_scenarios_are_not_pure_bargaining() -> None:
    for name in ("astana-8", "sochi-congress"):
        scenario = load_scenario(ROOT / "scenarios" / f"{name}.yaml")
        assert eligible(scenario) != ""
