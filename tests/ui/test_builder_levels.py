"""The builder's acceptance estimate for a side the player chose a built-in level for is read
through that level's calibration map (game.ai.estimate_fit.LEVEL_CALIBRATION): the hard agents said
yes up to 0.22 less often than the map pooled over every level showed. A side played by a
strategy (or a person, or an outside agent) is read through the pooled map."""

from __future__ import annotations

import asyncio
from pathlib import Path

from game.ai.estimate import acceptance_chance
from game.ui.format import percent
from game.ui.screens.actions import ProposalBuilder
from game.ui.widgets.fields import ToggleField
from tests.ui.driving import driven, new_app, press, screen_of, settle


def test_each_sides_estimate_is_read_through_the_map_of_the_level_it_plays(tmp_path: Path) -> None:
    async def body() -> None:
        app = new_app(tmp_path, ("government",), seed=2, difficulty="hard", seats=(("turkey", "ai:copy-last"),))
        async with driven(app, size=(120, 40)) as pilot:
            table = await settle(pilot)
            await press(pilot, "p")
            builder = await screen_of(pilot, ProposalBuilder)
            await pilot.pause()
            ids = [d.id for d in table.session.scenario.delegations]
            iran, turkey = ids.index("iran"), ids.index("turkey")  # Iran hard, Turkey a strategy
            assert builder.levels[iran] == "hard" and turkey not in builder.levels
            package, view = builder.package(), builder.view
            hard = acceptance_chance(view, iran, package, "hard")
            assert hard != acceptance_chance(view, iran, package)  # the two maps tell apart here
            assert builder.query_one(f"#to-{iran}", ToggleField).note.startswith(f"accepts ~{percent(hard)}")
            pooled = acceptance_chance(view, turkey, package)
            assert builder.query_one(f"#to-{turkey}", ToggleField).note.startswith(f"accepts ~{percent(pooled)}")
            await pilot.press("escape")

    asyncio.run(body())


def test_a_side_another_player_plays_gets_no_estimate(tmp_path: Path) -> None:
    """Hot-seat: the estimate models the AI's answers; beside the other player's delegation a
    newcomer read "accepts ~38%" (and ~81% for a third player)."""

    async def body() -> None:
        app = new_app(tmp_path, ("government", "opposition"), seed=2)
        async with driven(app, size=(120, 40)) as pilot:
            table = await settle(pilot)
            assert table.viewer == 0
            await press(pilot, "p")
            builder = await screen_of(pilot, ProposalBuilder)
            await pilot.pause()
            ids = [d.id for d in table.session.scenario.delegations]
            opposition, iran = ids.index("opposition"), ids.index("iran")
            assert builder.query_one(f"#to-{opposition}", ToggleField).note == "a player: no estimate"
            assert builder.query_one(f"#to-{iran}", ToggleField).note.startswith("accepts ~")
            await pilot.press("escape")

    asyncio.run(body())


def test_the_builder_says_when_a_side_already_answered_this_very_package() -> None:
    """Beside the chance, the builder says a side accepted (or refused) this very package: the
    estimate reads it, and an author's "Edit as counter" of an offer the government had accepted
    showed a low chance with no word of why it should be high."""
    import dataclasses
    from types import SimpleNamespace

    from game.engine import new_game, view_for
    from game.engine.state import PENDING, Answer, Proposal
    from game.scenario import bundled, load_scenario

    sc = load_scenario(bundled()["astana-8"])
    view = view_for(new_game(sc, 5)[0], 0)
    package = tuple((i, 0) for i in sc.venues[0].agenda[:2])

    def note(accepted: bool, this_round: bool) -> str:
        when = view.round - (0 if this_round else 1)
        said = Answer(who=1, proposal=1, author=2, package=package, venue=0, round=when, accepted=accepted)
        builder = SimpleNamespace(view=dataclasses.replace(view, answers=(said,)), levels={}, players=frozenset())
        return ProposalBuilder._estimate(builder, 1, package)  # type: ignore[arg-type]

    assert note(True, True).endswith(", accepted this package this round")
    assert note(True, False).endswith(", accepted this package before")
    assert note(False, True).endswith(", refused this package before")
    assert ProposalBuilder._estimate(SimpleNamespace(view=view, levels={}, players=frozenset()), 1, package).startswith(
        "accepts ~"
    )  # type: ignore[arg-type]
    # its own open proposal, put to the player: read as its yes, and said as what it is (a reviewer)
    own = Proposal(id=3, author=1, package=package, to=(0,), responses=(PENDING,), round=view.round)
    tabled = SimpleNamespace(
        view=dataclasses.replace(view, proposals=(own,), tabled=(own,)), levels={}, players=frozenset()
    )
    assert ProposalBuilder._estimate(tabled, 1, package).endswith(", its own proposal")  # type: ignore[arg-type]


def test_who_holds_an_option_is_named_by_short_names_before_being_counted() -> None:
    """The harbour's long names went straight to "the stated position of 2 others", naming
    nobody: between the whole names and a count, the short names the table's columns use."""
    from game.engine import new_game, view_for
    from game.scenario import bundled, load_scenario
    from game.ui.screens.proposal import _whose

    scenario = load_scenario(bundled()["harbour-contract"])
    state, _ = new_game(scenario, 1)
    view = view_for(state, 0)
    others = [1, 2]
    whole = _whose(view, others, "your stated position", "the stated position of")
    brief = _whose(view, others, "your stated position", "the stated position of", brief=True)
    counted = _whose(view, others, "your stated position", "the stated position of", named=False)
    names = [scenario.delegations[d] for d in others]
    assert whole == f"the stated position of {names[0].name} and {names[1].name}"
    assert brief == f"the stated position of {names[0].short_name} and {names[1].short_name}"
    assert counted == "the stated position of 2 others"
    assert len(brief) < len(whole)
