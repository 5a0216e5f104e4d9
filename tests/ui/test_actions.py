"""The action dialogs, driven by keys and clicks at 80x24 over real astana-8 views.

pytest-asyncio is not installed, so each test runs its async body with asyncio.run().
In astana-8: 0 government, 1 opposition, 2 russia, 3 turkey, 4 iran, 5 un (mediator),
6 jordan (observer); Russia and Iran are the government's patrons, Turkey the opposition's.
"""

from __future__ import annotations

import asyncio
import dataclasses
import re
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.app import App
from textual.content import Content
from textual.pilot import Pilot
from textual.screen import ModalScreen
from textual.widgets import Button, Select, Static

from game.engine import Concede, Draft, Meet, Pass, Pressure, Propose, Respond, State, Statement, apply, view_for
from game.engine.actions import WalkOut
from game.engine.model import Scenario
from game.engine.setup import new_game
from game.engine.utility import utility, with_package
from game.engine.view import View
from game.play import choices
from game.scenario import bundled, load_scenario
from game.ui.format import measured, option_label, reject_question
from game.ui.screens.actions import (
    COSTLY_CONCESSION,
    ConcedeDialog,
    ConfirmDialog,
    MeetDialog,
    PressureDialog,
    ProposalBuilder,
    RespondDialog,
    StatementDialog,
)
from game.ui.screens.dialog import SELECT_HINT
from game.ui.widgets.fields import OptionField, ToggleField
from tests.ui.driving import driven, screen_text, until

GOV, OPP, RUSSIA, UN, JORDAN = 0, 1, 2, 5, 6
UNSET = object()  # the dialog never answered


class Harness(App[None]):
    """Pushes one dialog and keeps what it dismisses with."""

    def __init__(self, dialog: ModalScreen[Any]) -> None:
        super().__init__()
        self.dialog = dialog
        self.result: object = UNSET

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self._store)

    def _store(self, result: object) -> None:
        self.result = result


Script = Callable[[Pilot[None], ModalScreen[Any]], Awaitable[None]]


async def press_each(pilot: Pilot[None], *keys: str) -> None:
    """Press keys one by one, letting the screen settle after each: a Select's overlay must be
    open before the arrows reach it, however loaded the machine is."""
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


def drive(dialog: ModalScreen[Any], script: Script, size: tuple[int, int] = (80, 24)) -> object:
    """Run the dialog at 80x24 (or `size`), play the script, and return what it was dismissed with."""

    async def body() -> object:
        app = Harness(dialog)
        async with driven(app, size=size) as pilot:
            # the harness pushes the dialog as it mounts: wait until it is up and settled, however
            # slow the machine, before the first key
            await until(pilot, lambda: app.screen is dialog and dialog.is_mounted, "the dialog")
            await pilot.pause()
            await script(pilot, dialog)
            await pilot.pause()
        return app.result

    return asyncio.run(body())


def text(dialog: ModalScreen[Any], selector: str) -> str:
    return str(dialog.query_one(selector, Static).content)


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    return load_scenario(bundled()["astana-8"])


@pytest.fixture(scope="module")
def start(scenario: Scenario) -> State:
    return new_game(scenario, 1)[0]


def view(state: State, who: int) -> View:
    return view_for(state, who)


# --- ProposalBuilder ----------------------------------------------------------------------------

GOV_POSITIONS = (
    ("detainees", "no_commitment"),
    ("zone_idlib", "counter_terror_carve_out"),
    ("zone_northern_homs", "local_settlements"),
    ("zone_eastern_ghouta", "counter_terror_carve_out"),
    ("zone_south", "linked_monitoring"),
    ("sieges", "case_by_case"),
    ("sochi_congress", "opposition_commits"),
)


def worth_to(state: State, who: int, package: tuple[tuple[str, str], ...]) -> float:
    """What a package of ids is worth to `who`, by the preferences this game drew for it."""
    sc = state.scenario
    ids = tuple((sc.issue_index[i], sc.issues[sc.issue_index[i]].option_index(o)) for i, o in package)
    return utility(sc.delegations[who], with_package(state.deal(), ids))


def test_proposal_preselects_positions_and_signatories(start: State) -> None:
    own = start.scenario.delegations[GOV]

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        assert f"If agreed: {worth_to(start, GOV, GOV_POSITIONS):.2f} (" in text(dialog, "#worth")
        assert "costs" not in text(dialog, "#worth")  # its own stated positions cost it nothing
        assert "Your stated position" in text(dialog, "#option-detail")
        # the government's reservation value (as this game drew it), beside it
        assert f"walk-away {own.reservation:.2f})" in text(dialog, "#worth")
        await pilot.click("#send")

    result = drive(ProposalBuilder(view(start, GOV)), script)
    # Every signatory present but the author; the UN and the observers are not signatories.
    assert result == Propose("government", GOV_POSITIONS, ("opposition", "russia", "turkey", "iran"))


def test_the_builder_warns_that_a_proposal_leaving_out_a_signatory_cannot_be_agreed(start: State) -> None:
    """Unticking a signatory sent, without a word, a proposal the rules can only close unagreed
    ("not every signatory was asked"), its worth "if agreed" shown as for any other. The builder
    now says so, names who is left out, and still sends it if the player wishes (the rules allow it)."""
    sc = start.scenario
    iran = sc.delegation_index["iran"]
    seen: list[str] = []

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        assert isinstance(dialog, ProposalBuilder)
        seen.append(text(dialog, ".problem"))
        dialog._boxes[iran].value = False
        await pilot.pause()
        seen.append(text(dialog, ".problem"))
        await pilot.click("#send")

    result = drive(ProposalBuilder(view(start, GOV)), script)
    assert seen[0] == ""
    assert seen[1] == "⚠ Cannot be agreed: Islamic Republic of Iran must sign and is not asked."
    assert result == Propose("government", GOV_POSITIONS, ("opposition", "russia", "turkey"))


# Far from the opposition's positions without crossing its red lines: signing it would leave the
# opposition (45 support in this game) at 2, where its hardliners pull it out (at 10).
OPP_PULLED_OUT = ((0, 0), (1, 1), (2, 0), (3, 1), (4, 2), (5, 0), (6, 2))


def drawn_line(dialog: ModalScreen[Any], selector: str) -> str:
    """One line of the dialog as the terminal shows it."""
    return dialog.query_one(selector, Static).render_line(0).text.strip()


def test_what_follows_a_pull_out_is_the_deal_standing_only_where_it_settles_the_agenda(start: State) -> None:
    """RULES.md, "Two-level game": a text that settles the venue's whole agenda was signed before
    the hardliners won, and stands; any other leaves issues open and the talks collapse."""
    import dataclasses

    v = view(start, OPP)
    assert choices.pulled_out_then(v, OPP_PULLED_OUT) == "the deal stands"
    assert choices.pulled_out_then(v, OPP_PULLED_OUT[1:]) == "the talks collapse"
    # an issue settled before counts as settled: the rest of the agenda is then the whole of it
    settled = dataclasses.replace(v, settled=(0, *v.settled[1:]))
    assert choices.pulled_out_then(settled, OPP_PULLED_OUT[1:]) == "the deal stands"


def test_what_follows_a_pull_out_is_what_the_engine_then_does_in_a_campaign_and_with_agenda_effects() -> None:
    """Found by a review: at a campaign's first venue the side pulled out starts the next at the
    line and is pulled out again as it opens (that venue collapses); and an agreed option's
    agenda effect applies before the end is judged. The warning says what the engine does."""
    from game.ai.driver import take
    from game.engine.model import Effect
    from game.sim.seating import game_choosers

    sc = load_scenario(bundled()["astana-to-sochi"])
    state, _ = new_game(sc, 1)
    choosers = game_choosers(sc, dict.fromkeys(range(len(sc.delegations)), "normal"), 1)
    while True:  # to the answer that settles Astana's whole agenda
        move, after, records = take(state, choosers[state.actor])
        if any(r.kind == "agreement" for r in records) and after.venue == 1:
            break
        state = after
    assert isinstance(move.action, Respond)
    package = next(p for p in state.proposals if p.id == move.action.proposal).package
    cost = choices.agreement_cost(view(state, GOV), package)
    support = tuple(sc.rules.collapse_support + cost if d == GOV else s for d, s in enumerate(state.support))
    low = dataclasses.replace(state, support=support)  # the government's signature takes it to the line
    v = view(low, GOV)
    assert choices.pulls_out(v, choices.agreement_cost(v, package))
    assert choices.pulled_out_then(v, package) == "the deal stands; the next venue collapses"
    assert apply(low, move.action)[0].venue_outcomes == ("agreement", "collapse")

    # the tutorial: a one-issue package whose option takes the other issues off the agenda settles it
    base = load_scenario(bundled()["tutorial"])
    option = base.issues[0].options[2]
    others = tuple(Effect("agenda_remove", a=i) for i in range(1, len(base.issues)))
    issues = (
        dataclasses.replace(
            base.issues[0],
            options=tuple(dataclasses.replace(o, effects=others) if o is option else o for o in base.issues[0].options),
        ),
        *base.issues[1:],
    )
    tutorial = dataclasses.replace(base, issues=issues)
    first, _ = new_game(tutorial, 1)
    v = view(first, first.actor)
    assert choices.pulled_out_then(v, ((0, 2),)) == "the deal stands"
    assert choices.pulled_out_then(v, ((1, 0),)) == "the talks collapse"


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_the_builders_message_line_is_whole_at_any_width(start: State, size: tuple[int, int]) -> None:
    """At 80x24 the one-line message was cut: "Signing this would take your support to the line
    where your hardliners pull…", and a signatory left out by its full name ran past it too. Each
    message now says it in the fullest words its line has room for, whole, with the figures."""
    v = view(start, OPP)
    cost = choices.agreement_cost(v, OPP_PULLED_OUT)
    after, floor = max(0, v.support[OPP] - cost), v.collapse_support
    assert choices.pulls_out(v, cost) and not any(o in v.own.red_lines[i] for i, o in OPP_PULLED_OUT)
    seen: list[str] = []

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        assert isinstance(dialog, ProposalBuilder)
        for issue, option in OPP_PULLED_OUT:
            dialog._fields[issue].value = option
        await pilot.pause()
        seen.append(drawn_line(dialog, ".problem"))
        for issue, _ in OPP_PULLED_OUT[1:]:  # one issue left: too little to pull the player out
            dialog._fields[issue].value = -1
        dialog._boxes[GOV].value = dialog._boxes[4].value = False  # the government and Iran
        await pilot.pause()
        seen.append(drawn_line(dialog, ".problem"))
        await pilot.press("escape")

    drive(ProposalBuilder(v), script, size=size)
    pulled, unasked = seen
    # what follows too: the whole agenda, so the deal would stand (a newcomer signed through the
    # warning and found it stood, unwarned of it)
    assert choices.pulled_out_then(v, OPP_PULLED_OUT) == "the deal stands"
    if size[0] == 80:
        assert pulled == "⚠ Signing gets you pulled out by your hardliners: the deal stands."
        assert unasked == "⚠ Cannot be agreed: Government, Iran must sign and are not asked."
    else:
        assert (
            pulled
            == f"⚠ Signing this leaves you {after} support: your hardliners pull you out at {floor}; the deal stands."
        )
        assert unasked == (
            "⚠ Cannot be agreed: Government of the Syrian Arab Republic, Islamic Republic of Iran "
            "must sign and are not asked."
        )


def test_up_on_the_first_row_stays_there(start: State) -> None:
    """Found by a newcomer: ↑ on the first issue went round to the Cancel button, where neither
    arrow brought the focus back, and the digits then picked nothing."""
    seen: list[str | None] = []

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        seen.append(dialog.focused.id if dialog.focused else None)
        await pilot.press("up")
        seen.append(dialog.focused.id if dialog.focused else None)
        await pilot.press("down", "up")
        seen.append(dialog.focused.id if dialog.focused else None)
        await pilot.press("escape")

    drive(ProposalBuilder(view(start, GOV)), script)
    first = f"issue-{next(iter(choices.open_issues(view(start, GOV))))}"
    assert seen == [first, first, first]


def test_the_builder_says_a_new_proposal_withdraws_the_one_still_on_the_table(start: State) -> None:
    """A newcomer found their earlier proposal gone, said only in the history ("withdraws
    proposal #6 in favour of a new one"): the builder says so before it is sent."""
    first = Propose("government", GOV_POSITIONS, ("opposition", "russia", "turkey", "iran"))
    after, _ = apply(start, first)
    mine = next(p.id for p in after.proposals if p.author == GOV)
    seen: list[str] = []

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        seen.append(text(dialog, ".problem"))
        await pilot.press("escape")

    drive(ProposalBuilder(view(after, GOV)), script)
    assert seen == [f"Sending it withdraws your proposal #{mine}, still on the table."]
    drive(ProposalBuilder(view(start, GOV)), script)  # with none on the table, nothing is said
    assert seen[1] == ""


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
def test_the_note_on_an_option_says_as_much_as_fits_its_box(start: State, size: tuple[int, int]) -> None:
    """The opposition's own position on detainees is a red line for the government and the stated
    position of four others: with every full name the note ran past its three lines, cut mid-name.
    What the box shows is now a whole wording, ending with its full stop."""

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        box = dialog.query_one("#option-detail", Static)
        shown = text(dialog, "#option-detail")
        assert len(Content(shown).wrap(box.content_size.width)) <= box.content_size.height
        assert shown.endswith(".") and "red line" in shown and "stated position" in shown
        # the rows as drawn: nothing past the box's last line is lost
        drawn = " ".join(box.render_line(y).text.strip() for y in range(box.content_size.height))
        assert drawn.endswith(".")
        await pilot.press("escape")

    drive(ProposalBuilder(view(start, OPP)), script, size=size)


def test_an_issue_named_at_great_length_still_leaves_room_for_who_stands_on_the_option(start: State) -> None:
    """A file may name an issue in 200 characters: its full name filled the note's three lines,
    and who stands on the option (the red line, the stated positions) went unsaid."""
    v = view(start, OPP)
    long_name = "The detainees, the abductees and the missing " * 5
    issues = (dataclasses.replace(v.issues[0], name=long_name.strip()), *v.issues[1:])
    v = dataclasses.replace(v, issues=issues)

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        shown = text(dialog, "#option-detail")
        assert "red line" in shown and "stated position" in shown and shown.endswith(".")
        assert shown.startswith("The detainees, the abductees…: ")
        await pilot.press("escape")

    drive(ProposalBuilder(v), script)


def test_the_terse_note_counts_the_others_in_plain_english(start: State) -> None:
    from game.ui.screens.proposal import _counted

    v = view(start, GOV)
    assert _counted(v, [GOV, OPP], "red line") == "your red line and 1 other's"
    assert _counted(v, [GOV, OPP, RUSSIA], "red line") == "your red line and 2 others'"
    assert _counted(v, [GOV], "red line") == "your red line"
    assert _counted(v, [OPP], "stated position") == "the stated position of 1 other"
    assert _counted(v, [OPP, RUSSIA], "stated position") == "the stated position of 2 others"
    assert _counted(v, [], "stated position") == ""


def note(dialog: ModalScreen[Any], delegation: int) -> str:
    return dialog.query_one(f"#to-{delegation}", ToggleField).note


def chosen(dialog: ModalScreen[Any], issue: int) -> int:
    return dialog.query_one(f"#issue-{issue}", OptionField).value


@pytest.mark.parametrize("keys", [("down", "2"), ("down", "right"), ("down", "down", "3", "up", "1")])
def test_keys_typed_at_once_after_an_arrow_act_on_the_row_the_arrow_reached(
    start: State, keys: tuple[str, ...]
) -> None:
    """A newcomer typing "↓ 2" at speed set the row they had just left: both keys reached that
    row before it handled the first (Textual hands a key to the focused widget as it comes). Sent
    in one burst here, as a quick typist's are; each key acts on the row the arrows before it
    reached, and no other row changes."""
    from textual import events

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        before = {i: chosen(dialog, i) for i in range(3)}
        for key in keys:  # posted together, none handled before the next is sent
            pilot.app.post_message(events.Key(key, key if len(key) == 1 else None))
        await pilot.pause()
        await pilot.pause()
        row, expected = 0, dict(before)
        for key in keys:
            if key == "down":
                row += 1
            elif key == "up":
                row -= 1
            elif key == "right":
                expected[row] = (expected[row] + 1) % len(dialog.query_one(f"#issue-{row}", OptionField).options)
            else:
                expected[row] = dialog.query_one(f"#issue-{row}", OptionField).options[int(key) - 1][1]
        assert {i: chosen(dialog, i) for i in range(3)} == expected
        assert dialog.focused is dialog.query_one(f"#issue-{row}")
        await pilot.press("escape")

    assert drive(ProposalBuilder(view(start, GOV)), script) is None


def test_proposal_updates_live_when_an_option_changes(start: State) -> None:
    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        worth, chance = text(dialog, "#worth"), note(dialog, OPP)
        assert chance.startswith("accepts ~") and chance.endswith("%")
        # The focus starts on the first issue; the right arrow steps through its options.
        assert dialog.focused is dialog.query_one("#issue-0")
        await press_each(pilot, "right", "right")
        assert chosen(dialog, 0) == 2  # list_exchange
        assert text(dialog, "#worth") != worth
        package = (("detainees", "list_exchange"), *GOV_POSITIONS[1:])
        assert f"If agreed: {worth_to(start, GOV, package):.2f}" in text(dialog, "#worth")
        # giving up its stated position on detainees costs the government support to sign
        assert " · to sign: " in text(dialog, "#worth") and " support (" in text(dialog, "#worth")
        # The focused option is written out in full, with who stands there.
        label = dialog.query_one("#issue-0", OptionField).options[2][0].plain
        assert label in text(dialog, "#option-detail")
        # ...with what it is worth to the player, as the concession dialog says it
        assert f"(worth {start.scenario.delegations[GOV].values[0][2]:.2f} to you)" in text(dialog, "#option-detail")
        # Untick Russia by mouse: its estimate goes, and it is not addressed.
        await pilot.click("#to-2")
        assert note(dialog, RUSSIA) == ""
        await pilot.click("#send")

    result = drive(ProposalBuilder(view(start, GOV)), script)
    assert isinstance(result, Propose)
    assert result.package[0] == ("detainees", "list_exchange")
    assert result.package[1:] == GOV_POSITIONS[1:]
    assert result.to == ("opposition", "turkey", "iran")


def test_a_partial_package_is_worth_what_the_game_would_give_if_agreed(start: State) -> None:
    """An issue left out counts at the walk-away value, as the game's score counts an issue of the
    agenda still open at the end, not at its status quo (a newcomer read 0.81 "if agreed" for a
    package the score would make 0.69)."""
    own = start.scenario.delegations[GOV]

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        await pilot.press("0")  # the first issue left out
        assert chosen(dialog, 0) == -1
        package = tuple((i, o) for i, o in dialog.package())  # type: ignore[attr-defined]
        assert 0 not in dict(package)
        worth = choices.worth_if_agreed(view(start, GOV), package)
        assert f"If agreed: {worth:.2f} (" in text(dialog, "#worth")
        left = own.weights[0] * (own.values[0][start.scenario.issues[0].status_quo] - own.reservation)
        assert utility(own, with_package(start.deal(), package)) - worth == pytest.approx(left)
        assert abs(left) >= 0.005  # the two figures differ as shown
        await pilot.press("escape")

    assert drive(ProposalBuilder(view(start, GOV)), script) is None


def test_proposal_keys_move_pick_by_number_and_send(start: State) -> None:
    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        # Down to the second issue, its third option by number, back up, one step left (it
        # wraps from the first option to "leave out", the last entry), then Enter sends.
        await press_each(pilot, "down", "3")
        assert dialog.focused is dialog.query_one("#issue-1")
        assert chosen(dialog, 1) == 2
        await press_each(pilot, "up", "left")
        assert chosen(dialog, 0) == -1
        assert "left out" in text(dialog, "#option-detail")
        # Space on an addressee unticks it.
        for _ in range(len(choices.open_issues(dialog.view))):  # type: ignore[attr-defined]
            await press_each(pilot, "down")
        assert dialog.focused is dialog.query_one("#to-1")
        await press_each(pilot, "space", "enter")

    result = drive(ProposalBuilder(view(start, GOV)), script)
    assert isinstance(result, Propose)
    assert [i for i, _ in result.package] == [i for i, _ in GOV_POSITIONS[1:]]
    assert result.package[0] == ("zone_idlib", result.package[0][1])
    assert result.package[0][1] != GOV_POSITIONS[1][1]
    assert result.to == ("russia", "turkey", "iran")


def test_proposal_shows_the_estimate_the_ai_model_gives(start: State) -> None:
    from game.ai.estimate import acceptance_chance

    v = view(start, GOV)
    package = tuple((i, v.positions[GOV][i]) for i in v.agenda)  # what the builder preselects
    expected = f"accepts ~{round(acceptance_chance(v, 4, package) * 100)}%"

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        assert note(dialog, 4) == expected
        await pilot.press("escape")

    assert drive(ProposalBuilder(v), script) is None


def test_proposal_says_when_the_addressee_refused_this_very_package(start: State) -> None:
    """The estimate counts a refusal of the same package at this venue (game.ai.estimate.refusals);
    the builder says why it is low, and only for the side that refused."""
    import dataclasses

    from game.ai.estimate import acceptance_chance
    from game.engine.state import Answer

    v = view(start, GOV)
    package = tuple((i, v.positions[GOV][i]) for i in v.agenda)
    refused = Answer(who=4, proposal=1, author=GOV, package=package, venue=0, round=v.round, accepted=False)
    seen = dataclasses.replace(v, answers=(refused,))

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        assert (
            note(dialog, 4)
            == f"accepts ~{round(acceptance_chance(seen, 4, package) * 100)}%, refused this package before"
        )
        assert "refused" not in note(dialog, 3)
        await pilot.press("escape")

    assert drive(ProposalBuilder(seen), script) is None
    assert acceptance_chance(seen, 4, package) < acceptance_chance(v, 4, package)


def test_proposal_refuses_a_red_line_and_an_empty_package(start: State) -> None:
    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        # all_for_all on detainees is across the government's red line: shown, marked, refused.
        await press_each(pilot, "5")
        assert chosen(dialog, 0) == 4
        assert "red line" in text(dialog, ".problem")
        assert "Your red line" in text(dialog, "#option-detail")
        await pilot.click("#send")
        await pilot.pause()
        assert dialog.is_current  # still open
        assert "cannot propose across your own red line" in text(dialog, ".problem")
        # Leave everything out, from the keyboard: 0 on each issue, down to the next.
        fields = list(dialog.query(".issue-choice").results(OptionField))
        fields[0].focus()
        for _ in fields:
            await press_each(pilot, "0", "down")
        assert all(f.value == -1 for f in fields)
        assert "Choose at least one issue" in text(dialog, "#worth")
        await pilot.click("#send")
        await until(pilot, lambda: "at least one issue" in text(dialog, ".problem"), "the refusal")
        await pilot.press("escape")

    assert drive(ProposalBuilder(view(start, GOV)), script) is None


def test_an_issue_left_out_says_what_it_counts_at(start: State) -> None:
    """A newcomer found "leave out" worth more than the status quo's option and nothing said why:
    at the game's last venue an issue left open counts at the walk-away value (RULES.md)."""
    shown: list[str] = []

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        await press_each(pilot, "0")  # the first issue -> leave out
        shown.append(" ".join(text(dialog, "#option-detail").split()))
        await pilot.press("escape")

    v = view(start, GOV)
    assert not v.venues_left
    drive(ProposalBuilder(v), script)
    assert shown[0].endswith(
        "left out of this package; if nothing more settles it, it counts at your walk-away value, not its status quo."
    )
    # at a campaign's first venue: whether a venue to come takes the issue up
    from game.engine import new_game, view_for
    from game.scenario import bundled, load_scenario

    campaign = load_scenario(bundled()["astana-to-sochi"])
    state, _ = new_game(campaign, 1)
    first = view_for(state, campaign.delegation_index["government"])
    issue = first.agenda[0]
    later = any(issue in venue.agenda for venue in campaign.venues[1:])
    drive(ProposalBuilder(first), script)
    expected = (
        "if nothing more settles it here, a venue to come takes it up."
        if later
        else "if nothing more settles it here, it stays at its status quo: no venue to come takes it up."
    )
    assert shown[1].endswith(f"left out of this package; {expected}")


def test_mediator_builds_a_draft_put_to_all(start: State) -> None:
    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        rows = list(dialog.query(".addressee").results(ToggleField))
        assert not any(row.can_focus for row in rows)  # no addressees to choose
        # Every party and guarantor present gets an estimate: all but Jordan, an observer.
        assert len(rows) == 5
        assert all(row.note.startswith("accepts ~") for row in rows)
        await press_each(pilot, "0")  # detainees -> leave out
        await pilot.click("#send")

    result = drive(ProposalBuilder(view(start, UN)), script)
    assert isinstance(result, Draft)
    assert result.actor == "un"
    assert [issue for issue, _ in result.package] == [
        "zone_idlib",
        "zone_northern_homs",
        "zone_eastern_ghouta",
        "zone_south",
        "sieges",
        "sochi_congress",
    ]


def test_observer_is_told_it_cannot_propose(start: State) -> None:
    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        assert "cannot make proposals" in text(dialog, ".unavailable")
        assert [b.id for b in dialog.query(Button)] == ["cancel"]
        await pilot.press("enter")

    assert drive(ProposalBuilder(view(start, JORDAN)), script) is None


# --- RespondDialog ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def with_proposal(start: State) -> State:
    package = (("detainees", "working_group"), ("sieges", "one_convoy"))
    return apply(start, Propose("government", package, ("opposition", "russia")))[0]


@pytest.fixture(scope="module")
def with_draft(with_proposal: State) -> State:
    state = with_proposal
    while state.actor != UN:
        state = apply(state, Pass(state.scenario.delegations[state.actor].id))[0]
    return apply(state, Draft("un", (("sochi_congress", "date_set"),)))[0]


def test_respond_accepts_with_a_key(with_proposal: State) -> None:
    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        await pilot.press("a")

    assert drive(RespondDialog(view(with_proposal, RUSSIA)), script) == Respond("russia", 1, True)


@pytest.mark.parametrize(("key", "accept"), [("A", True), ("r", False), ("R", False)])
def test_respond_takes_the_keys_in_either_case(with_proposal: State, key: str, accept: bool) -> None:
    """The hint writes the keys as capitals: a player may well type them so (a rejection of an
    offer worth having asks first: confirmed here)."""
    from game.ui.screens.dialog import ConfirmDialog

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        await pilot.press(key)
        await pilot.pause()
        if not accept and isinstance(pilot.app.screen, ConfirmDialog):
            await pilot.press("tab", "enter")

    assert drive(RespondDialog(view(with_proposal, RUSSIA)), script) == Respond("russia", 1, accept)


def test_respond_lists_drafts_first_with_labels(with_draft: State) -> None:
    from game.ui.screens.dialog import ConfirmDialog

    v = view(with_draft, OPP)
    waiting = choices.pending_proposals(v)
    assert [p.draft for p in waiting] == [True, False]

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        from textual.widgets import OptionList

        options = dialog.query_one("#proposals", OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in (0, 1)]
        # wrapped to the list, every line after the heading under its own text: an option that
        # ran on at the list's edge read as the next issue
        for prompt in prompts:
            assert all(line.startswith("  ") for line in prompt.split("\n")[1:]), prompt
        first, second = (" ".join(prompt.split()) for prompt in prompts)
        assert first.startswith("#2 Draft text from United Nations")
        assert "The guarantors announce 29-30 January 2018 in Sochi" in first
        assert "your utility if agreed" in first
        assert "Detainees, abductees and the missing: A working group" in second
        assert any("\n    " in prompt for prompt in prompts), "no option wrapped: nothing tested"
        await pilot.press("down")  # the government's proposal
        await pilot.click("#reject")
        await pilot.pause()
        if isinstance(pilot.app.screen, ConfirmDialog):  # worth having: asked first
            await pilot.press("tab", "enter")

    assert drive(RespondDialog(v), script) == Respond("opposition", 1, False)


def test_respond_names_the_issues_a_partial_proposal_leaves_open(start: State) -> None:
    """The answer dialog listed the issues a package settles and nothing of the others: a newcomer
    could not tell that an offer left the sieges open. A partial package's entry names them, in
    the agenda's order, on screen at 80x24; a whole-agenda package's leaves nothing to name."""
    from textual.widgets import OptionList

    from game.engine.state import PENDING, Proposal

    v = view(start, OPP)
    whole = tuple((i, v.positions[GOV][i]) for i in v.agenda)
    v = dataclasses.replace(
        v,
        proposals=(
            Proposal(1, GOV, whole[:5], (OPP, RUSSIA), (PENDING, PENDING), v.round),
            Proposal(2, GOV, whole, (OPP, RUSSIA), (PENDING, PENDING), v.round),
        ),
    )
    left = [v.issues[i].name for i, _ in whole[5:]]
    prompts: list[str] = []

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        listing = dialog.query_one("#proposals", OptionList)
        prompts.extend(" ".join(str(listing.get_option_at_index(k).prompt).split()) for k in range(2))
        shown = " ".join(re.sub(r"[\u2500-\u259f]", " ", screen_text(pilot.app)).split())
        assert f"leaves open: {'; '.join(left)}" in shown
        await pilot.press("escape")

    assert drive(RespondDialog(v), script) is None
    assert prompts[0].startswith("#1 ") and prompts[0].endswith(f"leaves open: {'; '.join(left)}")
    assert prompts[1].startswith("#2 ") and "leaves open" not in prompts[1]


def test_respond_shows_worth_and_walk_away_for_a_seven_issue_package(start: State) -> None:
    """astana-8's whole agenda in one proposal is taller than the list: the figures that decide
    the answer still show at 80x24, for whichever proposal is highlighted."""
    state = apply(start, Propose("government", GOV_POSITIONS, ("opposition", "russia")))[0]
    v = view(state, OPP)
    worth = utility(v.own, with_package(v.deal, state.proposals[0].package))

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        shown = screen_text(pilot.app)
        where = "above" if worth > v.own.reservation else "BELOW"
        assert f"your utility if agreed {worth:.2f} ({where} your walk-away {v.own.reservation:.2f})" in shown
        verdict = text(dialog, "#answer-worth")
        assert f"if agreed: {worth:.2f} (" in verdict and f"walk-away {v.own.reservation:.2f}" in verdict
        # and what signing it costs the government at home, which would pull it out
        assert " · to sign: " in verdict and " support (45→" in verdict
        # the government's whole positions settle every issue: the deal would stand
        assert "would get you pulled out by your hardliners: the deal stands." in text(dialog, ".problem")
        assert verdict in shown
        await pilot.press("escape")

    assert drive(RespondDialog(v), script) is None


def test_accepting_an_offer_that_gets_you_pulled_out_asks_first(start: State) -> None:
    """The answer dialog asks before a yes that gets the player pulled out, as the board's `a`
    does: a newcomer read the warning on the message line, pressed A, and was not asked."""
    from game.ui.screens.dialog import ConfirmDialog

    state = apply(start, Propose("government", GOV_POSITIONS, ("opposition", "russia")))[0]
    v = view(state, OPP)

    def script(confirm: bool) -> Script:
        async def run(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
            await pilot.press("A")
            await pilot.pause()
            asked = pilot.app.screen
            assert isinstance(asked, ConfirmDialog), "accepted without a question"
            question = " ".join(screen_text(pilot.app).split())
            assert "your hardliners would pull you out" in question
            if confirm:
                await pilot.click("#yes")
            else:
                await pilot.press("escape")
                await pilot.pause()
                assert pilot.app.screen is dialog  # back in the dialog, nothing answered
                await pilot.press("escape")

        return run

    assert drive(RespondDialog(v), script(True)) == Respond("opposition", 1, True)
    assert drive(RespondDialog(v), script(False)) is None


def test_the_question_before_a_yes_says_where_it_makes_the_offer_the_agreement(start: State) -> None:
    """The transcript said "your yes makes it the agreement", the question before accepting did
    not (a newcomer weighed two offers there): it says so where every other signatory has said
    yes, and not before."""
    from game.engine.state import ACCEPTED, PENDING
    from game.ui.screens.dialog import ConfirmDialog

    state = apply(start, Propose("government", GOV_POSITIONS, ("opposition", "russia", "turkey", "iran")))[0]
    offer = state.proposals[0]
    v = view(state, OPP)
    others_said_yes = dataclasses.replace(
        v, proposals=(dataclasses.replace(offer, responses=tuple(PENDING if d == OPP else ACCEPTED for d in offer.to)),)
    )

    def asked(makes_it: bool) -> Script:
        async def run(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
            await pilot.press("A")
            await pilot.pause()
            assert isinstance(pilot.app.screen, ConfirmDialog)  # (signing pulls the opposition out)
            question = " ".join(screen_text(pilot.app).split())
            assert ("Your yes makes it the agreement." in question) == makes_it, question
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("escape")

        return run

    assert drive(RespondDialog(others_said_yes), asked(True)) is None
    assert drive(RespondDialog(v), asked(False)) is None


def test_respond_says_when_another_text_the_player_accepted_is_still_open(start: State) -> None:
    """Accepting two texts, the first that every signatory accepts is the one agreed: a newcomer
    accepted the mediator's draft and a better package, and signed the draft. The answer dialog
    says so on its message line while another text the player accepted is still open."""
    from game.engine.state import ACCEPTED, PENDING, Proposal

    v = view(start, OPP)
    whole = tuple((i, v.positions[OPP][i]) for i in v.agenda)  # its own: signing costs it nothing
    part = whole[:2]
    draft = Proposal(7, UN, whole, (GOV, OPP, RUSSIA), (PENDING, ACCEPTED, PENDING), v.round, draft=True)
    offer = Proposal(8, GOV, part, (OPP, RUSSIA), (PENDING, PENDING), v.round)
    alone = dataclasses.replace(v, proposals=(offer,))
    both = dataclasses.replace(v, proposals=(draft, offer))

    async def nothing(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        assert text(dialog, ".problem") == ""
        await pilot.press("escape")

    def said(lacks: str) -> Script:
        async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
            problem = text(dialog, ".problem").replace("\n", " ")
            assert problem == f"You accepted #7 ({lacks}) too: the first all signatories accept is agreed."
            # the buttons stay in the frame with the message on two lines
            frame = dialog.query_one(".dialog").region
            assert frame.contains_region(dialog.query_one("#reject").region)
            await pilot.press("escape")

        return script

    assert drive(RespondDialog(alone), nothing) is None
    # with whose yes it still lacks: astana-8's signatories at the table but the opposition, none
    # of whom has accepted the draft (its author is the UN, no signatory); by their whole names
    # where they fit the message's two lines, else all by their short names (an author read a
    # whole name beside a short one as a slip), else a count
    assert drive(RespondDialog(both), said("still needs Government, Russia, Turkey and Iran")) is None
    near = dataclasses.replace(draft, to=(GOV, OPP, RUSSIA, 3, 4), responses=(ACCEPTED,) * 4 + (PENDING,))
    one = said("still needs Islamic Republic of Iran")
    assert drive(RespondDialog(dataclasses.replace(v, proposals=(near, offer))), one) is None
    done = dataclasses.replace(near, responses=(ACCEPTED,) * 5)
    every = said("every other signatory has said yes")
    assert drive(RespondDialog(dataclasses.replace(v, proposals=(done, offer))), every) is None


def test_the_builders_detail_follows_the_focus_when_keys_come_quickly(start: State) -> None:
    """Typed quickly ("↑ 3 ↓ 0"), an option's change arrives as a message after the keys typed
    after it have moved the focus on, and the detail described the row the focus had left while
    the next was highlighted. Here the change of the first row arrives once the focus is on the
    second: the detail describes the second."""

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        await pilot.pause()
        first, second = dialog.query_one("#issue-0", OptionField), dialog.query_one("#issue-1", OptionField)
        second.focus()
        await pilot.pause()
        dialog.post_message(OptionField.Changed(first, first.value))
        await pilot.pause()
        label = second.options[[v for _, v in second.options].index(second.value)][0].plain
        shown = " ".join(text(dialog, "#option-detail").split())
        assert dialog.focused is second and " ".join(label.split()) in shown, (label, shown)
        await pilot.press("escape")

    drive(ProposalBuilder(view(start, GOV)), script)


def test_respond_says_of_an_offer_that_the_players_yes_makes_it_the_agreement(start: State) -> None:
    """The turn's summary said so, and two newcomers looked for it in the answer dialog, where the
    answer is given: the offer's entry says it where every other signatory it needs has said yes."""
    from textual.widgets import OptionList

    from game.engine.state import ACCEPTED, PENDING, Proposal

    v = view(start, OPP)
    signatories = tuple(v.venue.signatories)
    package = tuple((i, v.positions[GOV][i]) for i in v.agenda)
    others = tuple(d for d in signatories if d not in (GOV, OPP))
    done = Proposal(7, GOV, package, (OPP, *others), (PENDING,) + (ACCEPTED,) * len(others), v.round)
    short = Proposal(8, GOV, package, (OPP, *others), (PENDING,) * (1 + len(others)), v.round)

    def entries(shown: list[str]) -> Script:
        async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
            listing = dialog.query_one("#proposals", OptionList)
            shown.extend(str(listing.get_option_at_index(k).prompt) for k in range(listing.option_count))
            await pilot.press("escape")

        return script

    shown: list[str] = []
    assert drive(RespondDialog(dataclasses.replace(v, proposals=(done, short))), entries(shown)) is None
    assert len(shown) == 2
    yes = "your yes makes it the agreement"
    assert shown[0].startswith("#7 ") and yes in " ".join(shown[0].split())
    assert shown[1].startswith("#8 ") and yes not in " ".join(shown[1].split())


def test_the_answer_buttons_stay_on_screen_when_the_worth_line_wraps(start: State) -> None:
    """A side that signs nothing reads a worth line of two lines at 80x24 ("#8 if agreed: ... ·
    you sign nothing here: your answer decides nothing"); with a two-line message and two
    whole-agenda packages in the list, the buttons still lie on the screen, inside the frame (a
    newcomer reported them gone once; not reproduced here)."""
    from game.engine.state import ACCEPTED, PENDING, Proposal

    v = view(start, OPP)
    whole = tuple((i, v.positions[OPP][i]) for i in v.agenda)
    draft = Proposal(7, UN, whole, (GOV, OPP, RUSSIA), (PENDING, ACCEPTED, PENDING), v.round, draft=True)
    # a whole-agenda package: the list fills every row it is given
    offer = Proposal(8, GOV, whole, (OPP, RUSSIA), (PENDING, PENDING), v.round)
    signs_not = dataclasses.replace(v.venue, signatories=tuple(d for d in v.venue.signatories if d != OPP))

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        await pilot.pause()
        worth = text(dialog, "#answer-worth")
        assert "you sign nothing here" in worth and dialog.query_one("#answer-worth").region.height == 2
        for button in ("#accept", "#reject"):
            region = dialog.query_one(button).region
            assert region.area and region.bottom <= 24, (button, region)
            assert dialog.query_one(".dialog").region.contains_region(region)
        await pilot.press("escape")

    for proposals in ((offer,), (draft, offer)):
        seen = dataclasses.replace(v, venue=signs_not, proposals=proposals)
        assert drive(RespondDialog(seen), script) is None


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_every_issue_of_a_whole_agenda_package_shows_in_the_answer_list(start: State, size: tuple[int, int]) -> None:
    """The list stopped at 14 rows and scrolls from one proposal to the next, never within one:
    a whole-agenda package (16 lines) lost its last issues, with no key to bring them into view.
    Now the list takes the rows the screen has: every issue of the longest package astana-8 can
    table shows, as the second of two proposals waiting, at 80x24 and on a larger screen."""
    sc = start.scenario
    gov = sc.delegation_index["government"]
    longest = []
    for i in sc.venues[0].agenda:
        options = [o for k, o in enumerate(sc.issues[i].options) if k not in sc.delegations[gov].red_lines[i]]
        longest.append((sc.issues[i].id, max(options, key=lambda o: len(o.label)).id))
    state = apply(start, Propose("government", GOV_POSITIONS[:2], ("opposition", "russia")))[0]
    state = apply(state, Propose("government", tuple(longest), ("opposition", "russia")))[0]
    v = view(state, OPP)
    issues = [sc.issues[sc.issue_index[i]] for i, _ in longest]
    labels = [issue.options[issue.option_index(o)].label for issue, (_, o) in zip(issues, longest, strict=True)]

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        await press_each(pilot, "down")
        # the screen's words, the frame's and the list's borders left out, wrapped lines joined
        shown = " ".join(re.sub(r"[\u2500-\u259f]", " ", screen_text(pilot.app)).split())
        for label in labels:
            assert " ".join(label.split()) in shown, label
        assert "Accept" in shown and "if agreed: " in text(dialog, "#answer-worth")
        await pilot.press("escape")

    assert drive(RespondDialog(v), script, size) is None


def with_walk_away(v: View, reservation: float) -> View:
    return dataclasses.replace(v, own=dataclasses.replace(v.own, reservation=reservation))


@pytest.mark.parametrize(("offset", "where"), [(-0.0004, "above"), (0.0003, "BELOW"), (0.0, "at")])
def test_a_worth_and_a_walk_away_that_round_alike_are_told_apart(start: State, offset: float, where: str) -> None:
    """Rounded to two places, a worth just under the walk-away read "0.52 (BELOW your walk-away
    0.52)": the figures get the places that tell them apart, or the worth is said to be at it."""
    state = apply(start, Propose("government", GOV_POSITIONS, ("opposition", "russia")))[0]
    v = view(state, OPP)
    worth = utility(v.own, with_package(v.deal, state.proposals[0].package))
    reservation = worth + offset
    assert f"{worth:.2f}" == f"{reservation:.2f}"  # the case: alike to two places
    v = with_walk_away(v, reservation)

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        verdict = text(dialog, "#answer-worth")
        found = re.search(r"if agreed: (\d\.\d+) \((\w+) walk-away (\d\.\d+)\)", verdict)
        assert found is not None, verdict
        shown, said, walk_away = found.groups()
        assert said == where
        assert (shown != walk_away) == (where != "at")
        for figure, value in ((shown, worth), (walk_away, reservation)):
            places = len(figure.split(".")[1])
            assert abs(float(figure) - value) <= 0.5 * 10**-places + 1e-12
        await pilot.press("escape")

    assert drive(RespondDialog(v), script) is None


def test_the_builder_tells_a_worth_from_a_walk_away_that_rounds_alike(start: State) -> None:
    seen: list[str] = []

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        assert isinstance(dialog, ProposalBuilder)
        after = utility(dialog.view.own, with_package(dialog.view.deal, dialog.package()))
        dialog.view = with_walk_away(dialog.view, after + 0.0003)
        dialog.refresh_estimates()
        seen.append(text(dialog, "#worth").split(" · ")[0])  # the worth, before what signing costs
        seen.append(f"If agreed: {after:.4f} (BELOW walk-away {after + 0.0003:.4f})")
        await pilot.press("escape")

    drive(ProposalBuilder(view(start, GOV)), script)
    assert seen[0] == seen[1]


def test_respond_with_nothing_waiting(start: State) -> None:
    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        assert "No proposal is waiting" in text(dialog, ".unavailable")
        await pilot.press("a")  # nothing to accept: ignored
        assert dialog.is_current
        await pilot.press("escape")

    assert drive(RespondDialog(view(start, OPP)), script) is None


# --- ConcedeDialog ------------------------------------------------------------------------------


def test_concede_by_keyboard_costs_what_the_engine_takes(start: State) -> None:
    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        assert "Now: No commitment beyond general statements" in text(dialog, "#current")
        # the hint says what Enter does wherever the focus is: a newcomer pressed Enter on the
        # options, saw nothing happen (the focus had moved to Concede), and then cancelled
        assert text(dialog, ".hint") == ConcedeDialog.HINT and "issue list" in ConcedeDialog.HINT
        assert "Tab, Enter, Enter: concede the ▸ option" in ConcedeDialog.HINT
        # the issue list open: Enter there picks an issue (the options' hint read over it)
        await pilot.press("enter")
        await pilot.pause()
        assert text(dialog, ".hint") == SELECT_HINT
        await pilot.press("escape")  # closes the list, not the dialog
        await pilot.pause()
        assert dialog.is_current
        await press_each(pilot, "tab", "down")  # the options; the second
        assert text(dialog, ".hint") == ConcedeDialog.LIST_HINT
        await pilot.press("enter")
        assert text(dialog, ".hint").startswith("Enter: Concede · ")
        await pilot.press("tab")
        assert text(dialog, ".hint").startswith("Enter: Cancel · ")
        await press_each(pilot, "shift+tab", "enter")  # back on Concede
        for hint in (ConcedeDialog.HINT, ConcedeDialog.LIST_HINT):
            assert len(hint) <= 74  # whole in the dialog at 80 columns (its border and padding)

    v = view(start, GOV)
    result = drive(ConcedeDialog(v), script)
    assert result == Concede("government", "detainees", "list_exchange")
    shown = choices.concession_cost(v, 0, 2)
    after = apply(start, result)[0]
    assert start.support[GOV] - after.support[GOV] == shown > 0


def test_the_concede_dialog_marks_the_option_it_would_concede_with_a_character(start: State) -> None:
    """The option picked was marked by its background alone: in a plain capture, or to a
    colour-blind player, nothing told which one Tab, Enter, Enter would concede. A ▸ stands
    before it, and moves with the arrows; the hint names the keys and the mark."""
    v = view(start, GOV)
    steps = [option_label(v, 0, o) for o in ConcedeDialog(v)._steps(0)]
    seen: list[list[str]] = []

    def marked(pilot: Pilot[None]) -> list[str]:
        # the lines of the options' list (inside its border, ▊), not the hint's
        return [line.split("▸", 1)[1] for line in screen_text(pilot.app).splitlines() if "▊▸" in line]

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        assert "Tab, Enter, Enter: concede the ▸ option" in text(dialog, ".hint")
        seen.append(marked(pilot))
        await press_each(pilot, "tab", "down")
        seen.append(marked(pilot))
        await pilot.press("escape")

    assert drive(ConcedeDialog(v), script) is None
    for shown, step in zip(seen, (0, 1), strict=True):
        assert len(shown) == 1 and steps[step] in shown[0], (shown, steps[step])
        assert all(steps[k] not in shown[0] for k in range(len(steps)) if k != step)


def test_the_concede_dialog_says_signing_costs_support_too_at_half_the_rate(start: State) -> None:
    """A newcomer spent their support on early concessions and had too little left to sign: the
    dialog says a deal costs support too, at half a concession's rate (what the engine charges),
    and the scenario's own cost of a red line crossed."""
    from game.engine.situation import agreement_concession

    rules = dataclasses.replace(start.scenario.rules, redline_support=31)
    state = dataclasses.replace(start, scenario=dataclasses.replace(start.scenario, rules=rules))
    v = view(state, GOV)
    said: list[str] = []

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        said.append(" ".join(text(dialog, ".note").split()))
        await pilot.press("escape")

    assert drive(ConcedeDialog(v), script) is None
    assert said[0].startswith(f"Your support at home: {v.support[GOV]}; your hardliners pull you out at 10.")
    assert "Signing a deal costs support too, at half these rates" in said[0]
    assert "(and 31 for each red line it crosses)" in said[0]
    # ...but not to a side that signs nothing at the venue (the SNC at Sochi read it)
    unsigned = dataclasses.replace(
        v, venue=dataclasses.replace(v.venue, signatories=tuple(d for d in v.venue.signatories if d != GOV))
    )
    said.clear()
    assert drive(ConcedeDialog(unsigned), script) is None
    assert said[0] == f"Your support at home: {v.support[GOV]}; your hardliners pull you out at 10."
    own, position = state.scenario.delegations[GOV], state.positions[GOV]
    for i in choices.concedable_issues(v):
        for o in choices.concession_options(v, i):
            conceded = choices.concession_cost(v, i, o)
            signed = agreement_concession(rules, own, position, [(i, o)])
            assert abs(2 * signed - conceded) <= 1, (i, o)  # half, but for rounding up


@pytest.mark.parametrize("who", [GOV, OPP])
def test_concede_starts_at_the_smallest_step_from_either_pole(start: State, who: int) -> None:
    """The government and the opposition stand at opposite poles: for both, the first option
    offered gives up the least, and the list runs on to the largest."""
    v = view(start, who)

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        from textual.widgets import OptionList

        options = dialog.query_one("#options", OptionList)
        issue = dialog.query_one("#issue", Select).value
        assert isinstance(issue, int)
        listed = [int(str(options.get_option_at_index(k).id)) for k in range(options.option_count)]
        costs = [choices.concession_cost(v, issue, o) for o in listed]
        assert costs == sorted(costs) and options.highlighted == 0
        assert sorted(listed) == list(choices.concession_options(v, issue))
        await pilot.press("escape")

    assert drive(ConcedeDialog(v), script) is None


def test_a_costly_concession_asks_first(start: State) -> None:
    """Near the level at which the hardliners pull the player out, even the smallest step asks
    first: the safe answer returns to the dialog, the other concedes."""
    floor = start.scenario.rules.collapse_support
    support = tuple(floor + COSTLY_CONCESSION + 1 if d == GOV else s for d, s in enumerate(start.support))
    v = view(dataclasses.replace(start, support=support), GOV)
    first = ConcedeDialog(v)._steps(0)[0]
    cost = choices.concession_cost(v, 0, first)

    async def to_the_first_option(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        await press_each(pilot, "tab", "enter", "enter")
        assert isinstance(pilot.app.screen, ConfirmDialog)
        question = str(pilot.app.screen.query_one(".question", Static).content)
        assert f"costs {cost} of your {support[GOV]} support" in question and f"pull you out at {floor}" in question

    async def refuse(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        await to_the_first_option(pilot, dialog)
        await press_each(pilot, "enter")  # the safe answer has the focus
        assert pilot.app.screen is dialog
        await press_each(pilot, "escape")

    assert drive(ConcedeDialog(v), refuse) is None

    async def accept(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        await to_the_first_option(pilot, dialog)
        await pilot.click("#yes")

    issue = start.scenario.issues[0]
    assert drive(ConcedeDialog(v), accept) == Concede("government", issue.id, issue.options[first].id)


def test_a_cheap_concession_far_from_the_floor_asks_nothing(start: State) -> None:
    v = view(start, GOV)
    first = ConcedeDialog(v)._steps(0)[0]
    assert choices.concession_cost(v, 0, first) < COSTLY_CONCESSION
    assert v.support[GOV] - COSTLY_CONCESSION * 2 > v.collapse_support

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        await press_each(pilot, "tab", "enter", "enter")

    issue = start.scenario.issues[0]
    assert drive(ConcedeDialog(v), script) == Concede("government", issue.id, issue.options[first].id)


def test_concede_offers_only_lesser_options_short_of_the_red_line(start: State) -> None:
    v = view(start, GOV)
    # Detainees: the government stands at no_commitment; all_for_all is its red line.
    assert choices.concession_options(v, 0) == (1, 2, 3)
    assert choices.concession_options(view(start, JORDAN), 1) == ()  # Jordan takes no position there

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        assert "no positions to concede" in text(dialog, ".unavailable")
        await pilot.press("escape")

    assert drive(ConcedeDialog(view(start, UN)), script) is None


# --- StatementDialog ----------------------------------------------------------------------------


def test_statement_defaults_to_conciliatory_to_the_room(start: State) -> None:
    """Conciliatory is picked when the dialog opens: with Hardline there, a newcomer's s, Enter,
    Enter made a hardline statement they had not chosen."""

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        assert "+6 support at home" in screen_text(pilot.app)  # the effects of both tones are told
        await pilot.click("#speak")

    assert drive(StatementDialog(view(start, GOV)), script) == Statement("government", "conciliatory", "")


def test_statement_says_only_the_effects_the_rules_give(start: State) -> None:
    """Dayton's hardline statements cost no momentum: the dialog said "-0 momentum"."""
    v = view(start, GOV)
    free = dataclasses.replace(v, rules=dataclasses.replace(v.rules, hardline_momentum=0))
    nothing = dataclasses.replace(
        v, rules=dataclasses.replace(v.rules, conciliatory_support=0, conciliatory_trust=0, conciliatory_momentum=0)
    )
    seen: list[str] = []

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        seen.append(" | ".join(str(note.content) for note in dialog.query(".note")))
        await pilot.press("escape")

    drive(StatementDialog(v), script)
    drive(StatementDialog(free), script)
    drive(StatementDialog(nothing), script)
    assert f"; -{v.rules.hardline_momentum} momentum." in seen[0]
    assert "Hardline: +6 support at home; -8 trust from the one addressed (-4 from each, to the room)." in seen[1]
    assert "momentum" not in seen[1].split("Hardline:")[1]
    assert "Conciliatory: no effect under this scenario's rules." in seen[2]


def test_statement_hardline_to_one_delegation(start: State) -> None:
    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        await press_each(pilot, "down")  # tone
        await press_each(pilot, "tab", "right")  # audience: the first delegation after the room
        assert "The armed opposition delegation" in screen_text(pilot.app)
        await press_each(pilot, "enter", "enter")  # on to Speak, and speak

    result = drive(StatementDialog(view(start, GOV)), script)
    assert result == Statement("government", "hardline", "opposition")


def test_the_arrow_picks_the_tone(start: State) -> None:
    """↓ to Hardline, on to the audience and Speak: the statement kept the first tone, the tone
    still picked while the highlight sat on the other (Textual's radio set picks on Enter only)."""

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        await press_each(pilot, "down", "tab", "right", "enter", "enter")

    result = drive(StatementDialog(view(start, GOV)), script)
    assert result == Statement("government", "hardline", "opposition")


def test_enter_on_the_tone_moves_on_to_speak(start: State) -> None:
    """↓ to Hardline, Enter, Enter: a hardline statement to the room. Enter on the tone picked the
    tone already picked and stayed there, and a newcomer pressed it in vain."""

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        await press_each(pilot, "down", "enter")
        assert dialog.focused is dialog.query_one("#speak")
        await press_each(pilot, "enter")

    assert drive(StatementDialog(view(start, GOV)), script) == Statement("government", "hardline", "")


@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
def test_the_statements_audience_stays_inside_the_dialog(start: State, size: tuple[int, int]) -> None:
    """The audience list, opened, spilled out of the dialog's border (a Select's overlay hangs
    below the field, and the field was the dialog's last): every part of the dialog, the
    audience chosen and its choices included, lies inside the frame."""
    seen: list[str] = []

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        await press_each(pilot, "tab", "enter")  # to the audience, and open it (or move on)
        frame = dialog.query_one(".dialog").region
        for widget in dialog.query("*"):
            if widget.display and widget.region.area and not frame.contains_region(widget.region):
                seen.append(f"{widget!r} at {widget.region} outside {frame}")
        await pilot.press("escape")
        await pilot.pause()
        if dialog.is_current:
            await pilot.press("escape")

    assert drive(StatementDialog(view(start, GOV)), script, size) is None
    assert seen == []


# --- PressureDialog -----------------------------------------------------------------------------


def test_patron_presses_its_client(start: State) -> None:
    v = view(start, RUSSIA)
    targets = choices.pressure_targets(v)
    assert {t.client for t in targets} == {GOV}

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        await press_each(pilot, "enter", "enter")

    assert drive(PressureDialog(v), script) == Pressure("russia", "government", "detainees")


def test_pressure_with_no_client_offers_only_cancel(start: State) -> None:
    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        assert "No client of yours" in text(dialog, ".unavailable")
        assert [b.id for b in dialog.query(Button)] == ["cancel"]
        await pilot.press("escape")

    assert drive(PressureDialog(view(start, OPP)), script) is None


# --- MeetDialog ---------------------------------------------------------------------------------


def test_meet_shows_what_was_learnt_and_returns_the_other(start: State) -> None:
    met = apply(start, Meet("government", "russia"))[0]
    v = view(met, GOV)
    ((issue, weight),) = choices.learned_of(v, RUSSIA)

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        from textual.widgets import OptionList

        russia = str(dialog.query_one("#others", OptionList).get_option_at_index(1).prompt)
        assert f"learnt: {v.issues[issue].name} {round(weight * 100)}%" in russia
        await press_each(pilot, "down", "down", "enter", "enter")  # Turkey

    assert drive(MeetDialog(v), script) == Meet("government", "turkey")


def test_meet_lists_a_delegation_away_in_its_place_and_skips_it(start: State) -> None:
    """A newcomer's ↓ picked another side once an absent one had dropped out of the list: the
    list keeps every delegation of the venue in its place, and one away is passed over."""
    state = start
    while state.scenario.delegations[state.actor].id != "jordan":
        state = apply(state, Pass(state.scenario.delegations[state.actor].id))[0]
    gone = apply(state, WalkOut("jordan"))[0]
    assert not gone.over and not gone.present[state.scenario.delegation_index["jordan"]]
    v = view(gone, GOV)

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        from textual.widgets import OptionList

        options = dialog.query_one("#others", OptionList)
        jordan = options.get_option_at_index(5)  # in its place, after the UN
        assert "Jordan (away from the table)" in str(jordan.prompt) and jordan.disabled
        # from the UN, one step down is the United States: Jordan is passed over
        await press_each(pilot, "down", "down", "down", "down", "down", "enter", "enter")

    assert drive(MeetDialog(v), script) == Meet("government", "us")


# --- ConfirmDialog -------------------------------------------------------------


@pytest.mark.parametrize(
    ("keys", "expected"),
    [(("enter",), False), (("escape",), False), (("tab", "enter"), True)],
)
def test_confirm_answers(keys: tuple[str, ...], expected: bool) -> None:
    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        await pilot.press(*keys)

    dialog = ConfirmDialog("Walk out of the talks?", "Walk out", "Stay")
    assert drive(dialog, script) is expected


def test_confirm_by_mouse() -> None:
    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        await pilot.click("#yes")

    assert drive(ConfirmDialog("Quit?"), script) is True


def test_an_issues_counter_counts_its_options_not_the_leave_out(start: State) -> None:
    """ "◂ A convoy every week ▸ 3/4" read as if a fourth, better option were there: the fourth was
    "leave out". The counter counts the issue's own options, and shows "-" when it is left out."""

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        field = dialog.query_one("#issue-0", OptionField)
        options = len(start.scenario.issues[0].options)
        assert field.render().plain.endswith(f" {field.position + 1}/{options}")
        await pilot.press("0")  # leave it out
        assert field.render().plain.endswith(f" -/{options}")
        await pilot.press("escape")

    drive(ProposalBuilder(view(start, GOV)), script)


def test_only_a_signatory_is_told_what_signing_would_cost_it(start: State) -> None:
    """A review found the builder and the answer dialog telling a delegation that signs nothing
    at the venue what signing would cost it (and that it would be pulled out): only signatories
    pay (RULES.md, "Agreements"), so only they are told."""
    from game.engine.legal import moves_for
    from game.play import choices

    sc = start.scenario

    def worst_for(d: int) -> tuple[tuple[int, int], ...]:
        values = sc.delegations[d].values
        return tuple(
            (i, min(range(len(sc.issues[i].options)), key=lambda o, i=i: values[i][o])) for i in sc.venues[0].agenda
        )

    assert choices.agreement_cost(view(start, GOV), worst_for(GOV)) > 0
    outsiders = [d for d in range(len(sc.delegations)) if d not in sc.venues[0].signatories]
    # what the rules would charge them if they signed, which they never do
    assert any(moves_for(view(start, d)).agreement_cost(worst_for(d)) > 0 for d in outsiders)
    assert all(choices.agreement_cost(view(start, d), worst_for(d)) == 0 for d in outsiders)


def test_a_click_on_an_issues_name_picks_its_row_and_moves_nothing(start: State) -> None:
    """Found from outside: a click on an issue's name, to pick its row, stepped its option back
    (twice onto the player's own red line). The name picks the row; "◂" steps back; the option
    and "▸" step forward."""

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        field = dialog.query_one("#issue-2", OptionField)
        before = field.value
        assert await pilot.click(field, offset=(1, 0))  # on the name
        await pilot.pause()
        assert field.has_focus and field.value == before
        line = field.render().plain
        back, forward = line.index("◂"), line.index("▸")
        for x, by in ((back, -1), (forward, 1), (forward - 2, 1)):
            position = field.position
            assert await pilot.click(field, offset=(x, 0))
            await pilot.pause()
            assert field.position == (position + by) % len(field.options), (x, line)
        await pilot.press("escape")

    drive(ProposalBuilder(view(start, GOV)), script)


def test_accepting_in_the_answer_dialog_asks_first_where_a_better_offer_waits(start: State) -> None:
    """A newcomer answered four offers in turn with `r` and `a`, and signed the one worth 0.59
    while one worth 0.81 waited: the dialog asks first, as the board does, and the safe answer
    sends nothing. A rejection, or an acceptance of the best offer, goes at once."""
    from game.engine.state import PENDING, Proposal
    from game.ui.screens.dialog import ConfirmDialog

    v = view(start, OPP)
    whole = tuple((i, v.positions[OPP][i]) for i in v.agenda)  # its own positions: worth the most
    worse = tuple((i, v.positions[GOV][i]) for i in v.agenda)
    low = Proposal(7, GOV, worse, (OPP, RUSSIA), (PENDING, PENDING), v.round)
    high = Proposal(8, RUSSIA, whole, (OPP, GOV), (PENDING, PENDING), v.round)
    both = dataclasses.replace(v, proposals=(low, high))
    value = {p.id: choices.worth_if_agreed(both, p.package) for p in (low, high)}
    assert value[8] >= value[7] + 0.005
    assert choices.pulls_out(both, choices.agreement_cost(both, low.package))

    def accepting(row: int, confirm: bool) -> Script:
        async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
            for _ in range(row):
                await pilot.press("down")
            await pilot.press("a")
            if row == 0:
                await until(pilot, lambda: isinstance(pilot.app.screen, ConfirmDialog), "the question")
                ask = pilot.app.screen
                assert isinstance(ask, ConfirmDialog)
                assert ask.question.startswith("Accept #7 from Government of the Syrian Arab Republic, worth ")
                assert ask.question.endswith(f"#8, also waiting for your answer, is worth {value[8]:.2f} to you.")
                # the government's own positions cost the opposition its support: said too, as the
                # board says it
                signing = choices.signing_cost(both, low.package)
                assert f"{signing[0].upper()}{signing[1:]}: your hardliners would pull you out (" in ask.question
                await pilot.press("tab" if confirm else "enter")  # Think again has the focus
                if confirm:
                    await pilot.press("enter")
                await pilot.pause()
                if not confirm:
                    assert pilot.app.screen is dialog
                    await pilot.press("escape")

        return script

    assert drive(RespondDialog(both), accepting(0, confirm=False)) is None
    assert drive(RespondDialog(both), accepting(0, confirm=True)) == Respond("opposition", 7, True)
    assert drive(RespondDialog(both), accepting(1, confirm=False)) == Respond("opposition", 8, True)


def test_rejecting_in_the_answer_dialog_asks_first_where_the_offer_is_worth_having(start: State) -> None:
    """A newcomer's `r`, `r` refused an offer worth 0.36 against a walk-away value of 0.18 at
    once, where the board asks first: the dialog asks the board's question, Enter (Think again)
    sends nothing, and an offer below the walk-away value is refused at once."""
    from game.engine.state import PENDING, Proposal
    from game.ui.screens.dialog import ConfirmDialog

    v = view(start, OPP)
    whole = tuple((i, v.positions[OPP][i]) for i in v.agenda)  # its own positions: worth having
    worse = tuple((i, v.positions[GOV][i]) for i in v.agenda)
    good = Proposal(8, RUSSIA, whole, (OPP, GOV), (PENDING, PENDING), v.round)
    bad = Proposal(7, GOV, worse, (OPP, RUSSIA), (PENDING, PENDING), v.round)
    table = dataclasses.replace(v, proposals=(good, bad))
    worth = {p.id: choices.worth_if_agreed(table, p.package) for p in (good, bad)}
    assert worth[8] > v.own.reservation > worth[7]
    now, after = choices.toll_a_round(table, good.package)

    def rejecting(row: int, confirm: bool | None) -> Script:
        async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
            for _ in range(row):
                await pilot.press("down")
            await pilot.press("r")
            if confirm is None:  # refused at once
                return
            await until(pilot, lambda: isinstance(pilot.app.screen, ConfirmDialog), "the question")
            ask = pilot.app.screen
            assert isinstance(ask, ConfirmDialog)
            shown, words, _ = measured(worth[8], v.own.reservation, choices.agreed_so_far(table), your=True)
            author = table.delegations[RUSSIA].name
            assert ask.question == reject_question(8, author, shown, words, now, after, v.venues_left > 0)
            assert ask.question.startswith(f"Reject #8 from {author}? It is worth {shown} to you, above")
            await pilot.press("tab" if confirm else "enter")  # Think again has the focus
            if confirm:
                await pilot.press("enter")
            await pilot.pause()
            if not confirm:
                assert pilot.app.screen is dialog
                await pilot.press("escape")

        return script

    # (the dialog lists the offers by number: #7 first)
    assert drive(RespondDialog(table), rejecting(1, confirm=False)) is None
    assert drive(RespondDialog(table), rejecting(1, confirm=True)) == Respond("opposition", 8, False)
    assert drive(RespondDialog(table), rejecting(0, confirm=None)) == Respond("opposition", 7, False)


def test_the_note_names_who_stands_on_the_government_s_own_positions(start: State) -> None:
    """At 80x24 the government's note on its own position on the Eastern Ghouta zone read "The
    red line of 1 other; your stated position and 1 other's", naming no one, where another
    option's named five. Each of its stated positions' notes now names, by short name, every
    other delegation whose red line or stated position the option is, within the box."""
    v = view(start, GOV)
    notes: dict[int, str] = {}

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        assert isinstance(dialog, ProposalBuilder)
        box = dialog.query_one("#option-detail", Static)
        for issue, field in dialog._fields.items():
            field.focus()
            await pilot.pause()
            shown = text(dialog, "#option-detail")
            assert len(Content(shown).wrap(box.content_size.width)) <= box.content_size.height
            notes[issue] = shown
        await pilot.press("escape")

    drive(ProposalBuilder(v), script)
    assert len(notes) == len(v.agenda)
    for issue, shown in notes.items():
        option = v.positions[GOV][issue]
        others = [
            d
            for d in range(len(v.delegations))
            if d != GOV and (v.positions[d][issue] == option or option in v.red_lines[d][issue])
        ]
        assert "other" not in shown.split("\n")[-1], shown
        for d in others:
            assert v.delegations[d].short_name in shown, (v.delegations[d].short_name, shown)
    ghouta = next(i for i, issue in enumerate(v.issues) if issue.id == "zone_eastern_ghouta")
    assert notes[ghouta].endswith("\nA red line for Opposition; your stated position and Iran's."), notes[ghouta]


def test_the_compact_note_says_the_player_with_the_others(start: State) -> None:
    from game.ui.screens.proposal import _whose

    v = view(start, GOV)
    turkey = 3

    def whose(ds: list[int], named: bool = True) -> str:
        return _whose(v, ds, "your red line", "a red line for", named=named, brief=True, compact=True)

    assert whose([GOV, OPP]) == "your red line and Opposition's"
    assert whose([GOV, OPP, turkey]) == "a red line for you, Opposition and Turkey"
    assert whose([GOV, OPP, turkey], named=False) == "your red line and 2 others'"
    assert whose([OPP, turkey]) == "a red line for Opposition and Turkey"
    assert whose([GOV]) == "your red line"
    stated = _whose(v, [GOV, OPP, turkey], "your stated position", "the stated position of", brief=True, compact=True)
    assert stated == "the stated position of Opposition and Turkey, and yours"  # not "of you, Opposition..."


def test_the_answer_dialog_says_what_being_pulled_out_does_to_the_player(start: State) -> None:
    """ "Signing #1 would get you pulled out by your hardliners: the talks collapse" left a
    newcomer not knowing what being pulled out did to them. The message line says it (they leave
    the table, with no more moves, and score what is agreed: RULES.md), on a second line at 80
    columns, while the list still shows the proposal whole."""
    sc = start.scenario
    package = tuple((sc.issues[i].id, sc.issues[i].options[o].id) for i, o in OPP_PULLED_OUT[1:])
    state = apply(start, Propose("government", package, ("opposition", "russia", "turkey", "iran")))[0]
    # the opposition's support low enough that this signature takes it to the line
    state = dataclasses.replace(state, support=tuple(30 if d == OPP else s for d, s in enumerate(state.support)))
    v = view(state, OPP)
    (p,) = state.proposals
    assert choices.pulls_out(v, choices.agreement_cost(v, p.package))
    labels = [sc.issues[i].options[o].label for i, o in OPP_PULLED_OUT[1:]]

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        said = (
            f"Signing #{p.id} would get you pulled out by your hardliners (the talks collapse): "
            "you leave the table (no more moves) and score what is agreed."
        )
        await until(pilot, lambda: text(dialog, ".problem") == said, "the warning with what it means")
        await pilot.pause()
        line = dialog.query_one(".problem", Static)
        drawn = [line.render_line(y).text.strip() for y in range(line.content_size.height)]
        assert " ".join(r for r in drawn if r) == said  # whole, within the dialog's width
        assert len(drawn) == 2
        shown = " ".join(re.sub(r"[\u2500-\u259f]", " ", screen_text(pilot.app)).split())
        for label in labels:  # and the proposal still shows whole above it
            assert " ".join(label.split()) in shown, label
        await pilot.press("escape")

    assert drive(RespondDialog(v), script) is None


def test_the_question_before_a_no_names_a_better_offer_already_accepted(start: State) -> None:
    """The question before a yes named a better offer waiting; the one before a no did not name
    the better one the player had accepted already (a newcomer refused a draft worth 0.59 with
    no word of the 0.85 their yes still held)."""
    from game.engine.state import ACCEPTED, PENDING, Proposal
    from game.ui.screens.dialog import ConfirmDialog

    v = view(start, OPP)
    me = v.own
    ideal = tuple((i, max(range(len(v.issues[i].options)), key=lambda o: me.values[i][o])) for i in v.agenda)
    # the government's position on the issue the opposition weighs most: less, and still worth having
    most = max(v.agenda, key=lambda i: me.weights[i])
    less = tuple((i, v.positions[GOV][i] if i == most else o) for i, o in ideal)
    good = Proposal(8, RUSSIA, less, (OPP, GOV), (PENDING, PENDING), v.round)
    held = Proposal(9, GOV, ideal, (OPP, RUSSIA), (ACCEPTED, PENDING), v.round)
    table = dataclasses.replace(v, proposals=(good, held))
    worth = {p.id: choices.worth_if_agreed(table, p.package) for p in (good, held)}
    assert worth[9] > worth[8] + 0.005 and worth[8] > v.own.reservation
    asked: list[str] = []

    async def script(pilot: Pilot[None], dialog: ModalScreen[Any]) -> None:
        await pilot.press("r")  # #8, the one waiting for an answer
        await until(pilot, lambda: isinstance(pilot.app.screen, ConfirmDialog), "the question")
        ask = pilot.app.screen
        assert isinstance(ask, ConfirmDialog)
        asked.append(ask.question)
        await pilot.press("enter")  # Think again
        await pilot.pause()
        await pilot.press("escape")

    drive(RespondDialog(table), script)
    assert asked and f"Your yes to #9, worth {worth[9]:.2f} to you, stands." in asked[0], asked
