"""The warnings of game/scenario/lint.py and game/analysis/lint.py: each fires on a small variant
of tests/fixtures/mini.yaml, with its exact message, at the line and column of the value to
change; none fires on the bundled scenarios, the fixture or the new-scenario template.

The numbers in the comments come from mini.yaml by hand: red weighs prisoners 1/4 and the truce
3/4, blue the other way round, and red's red line leaves prisoners only 'none' and 'some'.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.analysis import analyze
from game.analysis.lint import venue_checks
from game.scenario.diagnostics import Diagnostic
from game.scenario.load import check_file

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"
MINI_TEXT = MINI.read_text(encoding="utf-8")
BLUE_TRUCE = "truce: {weight: 1, values: {fighting: 1.0, pause: 0.5, monitored: 0.0}}"
ANNEX = """  - id: annex
    name: The Annex
    agenda: [prisoners]
    signatories: [red, blue]
    turn_order: [envoy, red, blue, big]
    action_points: 2
    rounds: 2
    momentum: 50
events:
"""


def mini_with(*edits: tuple[str, str]) -> str:
    text = MINI_TEXT
    for old, new in edits:
        assert old in text, f"{old!r} is not in mini.yaml"
        text = text.replace(old, new, 1)
    return text


def reservations(red: str, blue: str) -> str:
    # without the record of what happened, which walk-away values this high would put out of reach
    # (a warning of its own, tested below)
    text = mini_with(("reservation: 0.3", f"reservation: {red}"), ("  outcome:\n    prisoners: some\n", ""))
    assert text.count("reservation: 0.3\n") == 1
    return text.replace("reservation: 0.3\n", f"reservation: {blue}\n")


def pos(text: str, snippet: str, target: str | None = None) -> tuple[int, int]:
    """1-based line and column where target starts within the one occurrence of snippet."""
    assert text.count(snippet) == 1, f"{snippet!r} occurs {text.count(snippet)} times"
    offset = text.index(snippet) + (snippet.index(target) if target else 0)
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def warnings(tmp_path: Path, text: str, deep: bool = True) -> list[Diagnostic]:
    path = tmp_path / "variant.yaml"
    path.write_text(text, encoding="utf-8")
    scenario, diagnostics = check_file(path, extra=(venue_checks,) if deep else ())
    assert scenario is not None, "warnings must never stop a scenario loading"
    assert all(d.severity == "warning" for d in diagnostics), [str(d) for d in diagnostics]
    return diagnostics


def the_one(diagnostics: list[Diagnostic]) -> Diagnostic:
    assert len(diagnostics) == 1, "expected one warning, got:\n" + "\n".join(map(str, diagnostics))
    return diagnostics[0]


# --- none on what ships -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [*sorted((ROOT / "scenarios").glob("*.yaml")), MINI, ROOT / "game" / "scenario" / "template.yaml"],
    ids=lambda p: p.name,
)
def test_no_warning_on_the_bundled_scenarios_the_fixture_or_the_template(path: Path) -> None:
    scenario, diagnostics = check_file(path, extra=(venue_checks,))
    assert scenario is not None
    assert [str(d) for d in diagnostics] == []


# --- a. nothing to trade on an agenda issue -----------------------------------------------------


def test_an_issue_every_signatory_wants_settled_the_same_way(tmp_path: Path) -> None:
    text = mini_with((BLUE_TRUCE, "truce: {weight: 1, values: {fighting: 0.0, pause: 0.5, monitored: 1.0}}"))
    d = the_one(warnings(tmp_path, text))
    assert d.message == (
        "at The Hall, every signatory that weighs 'truce' likes 'monitored' best: settling it there costs none "
        "of them anything, so there is nothing to trade on it; give some signatory opposed values on it, or take "
        "it off the agenda"
    )
    assert (d.line, d.column) == pos(text, "agenda: [prisoners, truce]", "truce")


def test_an_issue_settled_the_same_way_short_of_a_red_line_says_what_the_red_line_left_out(tmp_path: Path) -> None:
    """Found by a scenario author: "every signatory that weighs 'fordow' likes 'research_centre'
    best", where one valued 'closed' (across another's red line) above it. The options across a
    red line are rightly left out; the warning now says so where that changes the best option."""
    # red now likes 'some' best; blue likes 'all' best, but 'all' is across red's red line
    text = mini_with(("prisoners: {weight: 1, values: {none: 1.0,", "prisoners: {weight: 1, values: {none: 0.5,"))
    text = text.replace("some: 0.6, all: 0.0}}", "some: 1.0, all: 0.0}}", 1)
    d = the_one(warnings(tmp_path, text, deep=False))
    assert d.message == (
        "at The Hall, every signatory that weighs 'prisoners' likes 'some' best of the options no red line rules "
        "out ('blue' likes 'all' more, but it is across a red line of 'red'): settling it there costs none of them "
        "anything, so there is nothing to trade on it; give some signatory opposed values on it, drop the red "
        "line of 'red' on 'all', or take it off the agenda"
    )
    assert (d.line, d.column) == pos(text, "agenda: [prisoners, truce]", "prisoners")


def test_the_red_lines_to_drop_are_named_where_several_are_listed(tmp_path: Path) -> None:
    """Found by a scenario author: with two options across red lines listed, the warning said
    "drop that red line", and which one was left to guess. Each is now named."""
    # a fourth option, 'most'; red likes 'some' best and draws red lines at 'most' and 'all', which
    # blue likes more than 'some'
    text = mini_with(
        (
            "      - {id: some, label: Some released}\n",
            "      - {id: some, label: Some released}\n      - {id: most, label: Most released}\n",
        ),
        ("{none: 1.0, some: 0.6, all: 0.0}}", "{none: 0.5, some: 1.0, most: 0.0, all: 0.0}}"),
        ("      prisoners: [all]\n", "      prisoners: [most, all]\n"),
        ("{none: 0.0, some: 0.6, all: 1.0}}", "{none: 0.0, some: 0.6, most: 0.8, all: 1.0}}"),
        ("{none: 0.0, some: 0.7, all: 1.0}}", "{none: 0.0, some: 0.7, most: 0.8, all: 1.0}}"),  # the envoy
    )
    d = the_one(warnings(tmp_path, text, deep=False))
    assert d.message == (
        "at The Hall, every signatory that weighs 'prisoners' likes 'some' best of the options no red line rules "
        "out ('blue' likes 'most' more, but it is across a red line of 'red'; 'blue' likes 'all' more, but it is "
        "across a red line of 'red'): settling it there costs none of them anything, so there is nothing to trade "
        "on it; give some signatory opposed values on it, drop the red line of 'red' on 'most' or on 'all', or take "
        "it off the agenda"
    )
    # an option across the red lines of both signatories opens only when both drop it
    both = text.replace(f"{BLUE_TRUCE}\n", f"{BLUE_TRUCE}\n    red_lines:\n      prisoners: [all]\n", 1)
    assert both.count("red_lines:") == text.count("red_lines:") + 1
    d = the_one(warnings(tmp_path, both, deep=False))
    assert d.message.endswith(
        "('blue' likes 'most' more, but it is across a red line of 'red'; 'blue' likes 'all' more, but it is "
        "across a red line of 'red' and 'blue'): settling it there costs none of them anything, so there is "
        "nothing to trade on it; give some signatory opposed values on it, drop the red line of 'red' on 'most' "
        "or the red lines of 'red' and 'blue' on 'all', or take it off the agenda"
    ), d.message


def test_an_issue_only_one_signatory_weighs(tmp_path: Path) -> None:
    text = mini_with((BLUE_TRUCE, BLUE_TRUCE.replace("weight: 1", "weight: 0")))
    d = the_one(warnings(tmp_path, text, deep=False))
    assert d.message.startswith("at The Hall, 'red' is the only signatory that weighs 'truce': the others give it")
    assert (d.line, d.column) == pos(text, "agenda: [prisoners, truce]", "truce")


def test_an_issue_no_signatory_weighs(tmp_path: Path) -> None:
    text = mini_with(
        ("truce: {weight: 3,", "truce: {weight: 0,"), (BLUE_TRUCE, BLUE_TRUCE.replace("weight: 1", "weight: 0"))
    )
    # (red, weighing the truce no more, takes no position on it for big to press it towards)
    d = the_one([d for d in warnings(tmp_path, text, deep=False) if "patron" not in d.message])
    assert d.message == (
        "at The Hall, no signatory weighs 'truce' in its preferences, so nothing is traded on it; give it a weight "
        "in a signatory's preferences, or take it off the agenda"
    )
    assert (d.line, d.column) == pos(text, "agenda: [prisoners, truce]", "truce")


def test_options_ranked_differently_below_the_top_are_still_something_to_trade(tmp_path: Path) -> None:
    # blue likes 'fighting' best as red does not: a real conflict, whatever the rest of the ladder
    assert warnings(tmp_path, MINI_TEXT) == []


# --- b. no zone of possible agreement -----------------------------------------------------------


def test_no_package_every_signatory_accepts(tmp_path: Path) -> None:
    # Each side alone can reach its walk-away value (red 1.0 >= 0.65, blue 0.70 >= 0.60), but no
    # package does both: of those blue accepts (>= 0.60) only {some, fighting}, worth 0.30 to red;
    # of those red accepts (>= 0.65) the best for blue is {some, monitored}, worth 0.45 to it.
    text = reservations("0.65", "0.6")
    d = the_one(warnings(tmp_path, text))
    assert d.message == (
        "at The Hall, no package gives every signatory at least its reservation value, so no deal can be made "
        "there; the nearest miss: the best 'blue' can get in a package all the others accept is worth 0.45 to it, "
        "below its reservation value 0.60: lower that, or give the sides more to trade"
    )
    assert (d.line, d.column) == pos(text, "signatories: [red, blue]", "[red, blue]")
    assert analyze(check_file(tmp_path / "variant.yaml")[0], 0).zopa_size == 0  # type: ignore[arg-type]


def test_the_package_space_checks_run_only_when_asked(tmp_path: Path) -> None:
    assert warnings(tmp_path, reservations("0.65", "0.6"), deep=False) == []


def test_a_later_venue_is_judged_with_the_earlier_issues_open(tmp_path: Path) -> None:
    # At the Annex only prisoners is on the table. With the truce left at fighting, red (0.35)
    # and blue (0.5) have no deal there; but a pause agreed at the Hall first gives {some, pause}:
    # 0.60 to red and 0.575 to blue. So there is no warning: the campaign can work.
    text = reservations("0.35", "0.5").replace("events:\n", ANNEX, 1)
    assert warnings(tmp_path, text) == []
    scenario = check_file(tmp_path / "variant.yaml")[0]
    assert scenario is not None and analyze(scenario, 1).zopa_size == 0


def test_a_later_venue_with_no_deal_whatever_came_before(tmp_path: Path) -> None:
    # the same walk-away values as above: no package of the two issues together suits both
    text = reservations("0.65", "0.6").replace("events:\n", ANNEX, 1)
    annex = text.index("  - id: annex")
    where = pos(text[annex:], "[red, blue]")
    found = {d.message: (d.line, d.column) for d in warnings(tmp_path, text) if "no package" in d.message}
    message = (
        "at The Annex, no package gives every signatory at least its reservation value, whatever was agreed at the "
        "venues before it, so no deal can be made there; the nearest miss: the best 'blue' can get in a package all "
        "the others accept, with 'truce' from the venues before at whichever options serve that best, is worth 0.45 "
        "to it, below its reservation value 0.60: lower that, or give the sides more to trade"
    )
    assert found[message] == (where[0] + text.count("\n", 0, annex), where[1])
    assert len(found) == 2  # and the Hall's own


def test_a_later_venue_short_of_a_walk_away_value_says_what_holds_it_there(tmp_path: Path) -> None:
    """Found by a scenario author: at a later venue, "red lines leave 'gov' no deal above its
    reservation value (best 0.62 < 0.62)": the two numbers read the same, and no red line was in
    the way, but the issues of the venue before, counted at their status quo. And beside it the
    deal check's "the best 'gov' can get ... is worth 0.88", judged with those issues at any
    outcome: each now says what it measured."""
    # At the Annex only prisoners is negotiated; red's best there is no release (1.0, weight 1/4)
    # with the truce left fighting (0.2, weight 3/4): 0.40, below 0.402. Red's red line (never
    # release all) is not what stands in the way.
    text = reservations("0.402", "0.3").replace("events:\n", ANNEX, 1)
    d = the_one(warnings(tmp_path, text))
    assert d.message == (
        "at The Annex, no deal on its agenda gives 'red' its reservation value (best 0.400 < 0.402, with 'truce' "
        "at its status quo, as if nothing was agreed on it at The Hall)"
    )
    # with no deal possible whatever the Hall agreed: the two warnings say what each counted
    text = reservations("0.65", "0.6").replace("events:\n", ANNEX, 1)
    said = [d.message for d in warnings(tmp_path, text) if d.message.startswith("at The Annex")]
    assert said == [
        "at The Annex, no deal on its agenda gives 'red' its reservation value (best 0.40 < 0.65, with 'truce' "
        "at its status quo, as if nothing was agreed on it at The Hall)",
        "at The Annex, no package gives every signatory at least its reservation value, whatever was agreed at the "
        "venues before it, so no deal can be made there; the nearest miss: the best 'blue' can get in a package all "
        "the others accept, with 'truce' from the venues before at whichever options serve that best, is worth 0.45 "
        "to it, below its reservation value 0.60: lower that, or give the sides more to trade",
    ], said


def test_a_best_just_below_a_walk_away_value_is_never_written_as_equal() -> None:
    from game.figures import apart, below

    assert below(0.6154, 0.62) == "0.615 < 0.620"
    assert below(0.40, 0.45) == "0.40 < 0.45"
    assert below(0.61999999, 0.62) == "just below 0.6200"
    assert apart(0.8751, 0.88) == ("0.875", "0.880")


def test_heeding_a_side_that_signs_wherever_it_sits_is_warned_of(tmp_path: Path) -> None:
    """Found by a scenario author: `heeds: [farc]` on the government, FARC a signatory at both
    venues, was taken without a word, though `heeds` lists non-signatories and the AI weighs a
    heeded side only where it sits without signing (game.ai.reading.heeded)."""
    text = MINI_TEXT.replace("    trust: {blue: 20}\n", "    trust: {blue: 20}\n    heeds: [big, blue]\n", 1)
    d = the_one(warnings(tmp_path, text, deep=False))
    assert d.message == (
        "'red' heeds 'blue', a signatory wherever the two sit (The Hall): its views count there already, so heeding "
        "it changes nothing; heeds lists the non-signatories (observers, usually) to weigh beside the signatories"
    )
    assert (d.line, d.column) == pos(text, "heeds: [big, blue]", "blue")
    # at a second venue where blue sits without signing, heeding it counts there
    annex = ANNEX.replace("signatories: [red, blue]", "signatories: [red, big]")
    campaign = warnings(tmp_path, text.replace("events:\n", annex, 1), deep=False)
    assert [d.message for d in campaign if "heeds" in d.message] == []
    # a side that never sits with it is heeded nowhere either
    apart = text.replace("heeds: [big, blue]", "heeds: [big]").replace(
        "turn_order: [envoy, red, blue, big]", "turn_order: [envoy, red, blue]"
    )
    said = [d.message for d in warnings(tmp_path, apart, deep=False) if "heeds" in d.message]
    assert said == [
        "'red' heeds 'big', which never sits at a venue with it (no turn_order holds both), so heeding it changes "
        "nothing"
    ], said


# --- c. events that can never fire --------------------------------------------------------------


def test_a_scripted_round_no_venue_reaches(tmp_path: Path) -> None:
    text = mini_with(("    round: 2\n", "    round: 7\n"))
    d = the_one(warnings(tmp_path, text))
    assert d.message == "event 'clash' is set for round 7, but no venue has more than 4 rounds"
    assert (d.line, d.column) == pos(text, "round: 7", "7")


def test_a_scripted_round_never_reached_leaves_only_the_random_draw(tmp_path: Path) -> None:
    text = mini_with(("    round: 2\n", "    round: 7\n    weight: 2\n"))
    d = the_one(warnings(tmp_path, text))
    assert d.message == (
        "event 'clash' is set for round 7, but no venue has more than 4 rounds, so it can only be drawn at random"
    )
    assert (d.line, d.column) == pos(text, "round: 7", "7")


def test_a_random_event_where_nothing_is_ever_drawn(tmp_path: Path) -> None:
    text = mini_with(("random_events: 0.5", "random_events: 0"))
    d = the_one(warnings(tmp_path, text))
    assert d.message == "event 'rumour' can never happen: it is only drawn at random, and The Hall has random_events 0"
    assert (d.line, d.column) == pos(text, "weight: 1\n", "1")


def test_a_random_event_at_a_venue_of_one_round(tmp_path: Path) -> None:
    # no event is drawn in round 1, and the scripted clash (round 2) is never reached either
    text = mini_with(("rounds: 4", "rounds: 1"))
    found = {d.message: (d.line, d.column) for d in warnings(tmp_path, text)}
    assert found["event 'rumour' can never happen: it is only drawn at random, and The Hall has a single round"] == (
        pos(text, "weight: 1\n", "1")
    )
    assert found["event 'clash' is set for round 2, but no venue has more than 1 round"] == pos(text, "round: 2", "2")


def test_a_weight_that_is_never_drawn_beside_a_round_that_is(tmp_path: Path) -> None:
    text = mini_with(("random_events: 0.5", "random_events: 0"), ("    round: 2\n", "    round: 2\n    weight: 2\n"))
    found = {d.message: (d.line, d.column) for d in warnings(tmp_path, text)}
    message = "event 'clash' has a weight but is never drawn at random (The Hall has random_events 0): it fires only in round 2"
    assert found[message] == pos(text, "weight: 2", "2")
    assert len(found) == 2  # and rumour, as above


def test_a_venue_event_is_judged_by_its_own_venue(tmp_path: Path) -> None:
    # the Annex has two rounds and draws no events; the Hall has four and draws
    text = mini_with(
        ("weight: 1\n", "weight: 1\n    venue: annex\n"), ("    round: 2\n", "    round: 3\n    venue: annex\n")
    )
    text = text.replace("events:\n", ANNEX, 1)
    found = {d.message: (d.line, d.column) for d in warnings(tmp_path, text, deep=False)}
    assert found == {
        "event 'clash' is set for round 3, but The Annex has only 2": pos(text, "round: 3", "3"),
        "event 'rumour' can never happen: it is only drawn at random, and The Annex has random_events 0": pos(
            text, "weight: 1\n", "1"
        ),
    }


# --- d. delegations that can never act ----------------------------------------------------------


def test_a_delegation_in_no_turn_order(tmp_path: Path) -> None:
    text = mini_with(("turn_order: [envoy, red, blue, big]", "turn_order: [envoy, red, blue]"))
    d = the_one(warnings(tmp_path, text))
    assert d.message == (
        "delegation 'big' is in no venue's turn_order, so it never gets a turn and can never act; "
        "add it to a turn_order or remove it"
    )
    assert (d.line, d.column) == pos(text, "  - id: big", "big")


def test_a_patron_that_never_shares_an_issue_with_its_client(tmp_path: Path) -> None:
    # big weighs only the truce, which is no longer on the agenda: it has nothing to press red on
    text = mini_with(("agenda: [prisoners, truce]", "agenda: [prisoners]"))
    found = [d for d in warnings(tmp_path, text, deep=False) if "patron" in d.message]
    assert [d.message for d in found] == [
        "'big' is a patron of 'red' but can never press it: no issue on the agenda where they sit together is one "
        "on which both take a position"
    ]
    assert (found[0].line, found[0].column) == pos(text, "patrons: [big]", "big")


def test_a_patron_that_never_sits_with_its_client(tmp_path: Path) -> None:
    # big leaves the Hall and sits only at the Annex, where red does not
    annex = ANNEX.replace("signatories: [red, blue]", "signatories: [blue, big]")
    annex = annex.replace("turn_order: [envoy, red, blue, big]", "turn_order: [envoy, blue, big]")
    text = mini_with(("turn_order: [envoy, red, blue, big]", "turn_order: [envoy, red, blue]"), ("events:\n", annex))
    found = {d.message: (d.line, d.column) for d in warnings(tmp_path, text, deep=False) if "patron" in d.message}
    assert found == {
        "'big' is a patron of 'red' but can never press it: they never sit at the same venue": pos(
            text, "patrons: [big]", "big"
        )
    }


def test_a_mediator_with_nobody_to_answer_its_drafts(tmp_path: Path) -> None:
    text = mini_with(("role: party", "role: observer"), ("role: party", "role: observer"))
    text = text.replace("turn_order: [envoy, red, blue, big]", "turn_order: [envoy, red, blue]")
    found = {d.message: (d.line, d.column) for d in warnings(tmp_path, text, deep=False)}
    message = "mediator 'envoy' never sits with a party or guarantor, so it can never table a draft"
    assert found[message] == pos(text, "role: mediator", "mediator")


def test_an_observer_that_sits_somewhere_is_not_reported(tmp_path: Path) -> None:
    # statements and meetings are open to every delegation at the table
    text = mini_with(("role: guarantor", "role: observer"))
    assert warnings(tmp_path, text) == []


def test_a_scripted_event_that_takes_a_signatory_away_whatever_happens(tmp_path: Path) -> None:
    text = mini_with(("      - stability: {zone: north, delta: -10}\n", "      - leave: {delegation: red}\n"))
    d = the_one(warnings(tmp_path, text))
    assert d.message == (
        "event 'clash' takes signatory 'red' from the table in round 2 whatever happens, which collapses every "
        "game: give it a `when`, or a weight instead of a round"
    )
    assert (d.line, d.column) == pos(text, "- leave: {delegation: red}", "leave")
    # with a condition the table can act on, or on a delegation that does not sign, it is an event
    conditional = text.replace(
        "    round: 2\n", "    round: 2\n    when:\n      - trust: {from: red, to: blue, at_most: 20}\n", 1
    )
    assert warnings(tmp_path, conditional) == []
    assert warnings(tmp_path, text.replace("{delegation: red}", "{delegation: big}")) == []
    # in a campaign it collapses the venue it fires at, and the next venue opens
    campaign = text.replace("events:\n", ANNEX, 1)
    d = the_one(warnings(tmp_path, campaign))
    assert d.message.endswith(
        "which collapses the venue it fires at in every game: give it a `when`, or a weight instead of a round"
    )
    d = the_one(warnings(tmp_path, campaign.replace("    round: 2\n", "    venue: annex\n    round: 2\n", 1)))
    assert "which collapses The Annex in every game:" in d.message


def test_a_leave_effect_on_a_delegation_never_at_the_table(tmp_path: Path) -> None:
    text = mini_with(
        ("turn_order: [envoy, red, blue, big]", "turn_order: [envoy, red, blue]"),
        ("      - momentum: 3\n", "      - leave: {delegation: big}\n"),
    )
    found = [d for d in warnings(tmp_path, text) if "leave" in d.message or "from the table" in d.message]
    assert [d.message for d in found] == [
        "event 'rumour' takes 'big' from the table, but it never sits where the event fires"
    ]
    assert (found[0].line, found[0].column) == pos(text, "- leave: {delegation: big}", "leave")


# --- support that starts at the collapse line -----------------------------------------------------


def test_a_signatory_starting_at_the_collapse_line_collapses_every_game(tmp_path: Path) -> None:
    """Found from outside: support equal to collapse_support validated with no warning, and every
    game then ended in a collapse before anyone moved."""
    text = MINI_TEXT.replace("    support: 60\n", "    support: 10\n", 1)
    d = the_one(warnings(tmp_path, text, deep=False))
    assert d.message == (
        "'red' starts with support 10, at or below the collapse line 10 (rules: collapse_support), so every "
        "game collapses before anyone moves: raise its support or lower the line"
    )
    assert (d.line, d.column) == pos(text, "    support: 10\n", "10")
    # and the engine does as the warning says
    from game.engine import new_game
    from game.scenario import load_scenario

    path = tmp_path / "variant.yaml"
    state, _ = new_game(load_scenario(path), 1)
    assert state.outcome == "collapse"
    # news of the first round that lifts it, read before anyone moves, saves it: no warning
    lifted = text.replace(
        "      - stability: {zone: north, delta: -10}\n", "      - support: {delegation: red, delta: 30}\n", 1
    )
    assert warnings(tmp_path, lifted.replace("    round: 2\n", "    round: 1\n", 1), deep=False) == []


def test_a_mediator_at_the_collapse_line_is_pulled_out_and_the_talks_go_on(tmp_path: Path) -> None:
    text = MINI_TEXT.replace("collapse_support: 10", "collapse_support: 55")
    d = the_one(warnings(tmp_path, text, deep=False))
    assert d.message.startswith("'envoy' starts with support 50, at or below the collapse line 55")
    assert "so it is pulled out of the talks before anyone moves" in d.message
    # one that never sits at the first venue is never pulled out of it
    away = text.replace("turn_order: [envoy, red, blue, big]", "turn_order: [red, blue, big]")
    assert away != text
    assert not [d for d in warnings(tmp_path, away, deep=False) if "collapse line" in d.message]


def test_a_scripted_event_that_empties_the_agenda(tmp_path: Path) -> None:
    """Found from outside: a round-1 event taking both issues off validated with no warning, and
    every game ended with no deal."""
    text = MINI_TEXT.replace(
        "      - stability: {zone: north, delta: -10}\n",
        "      - agenda: {remove: prisoners}\n      - agenda: {remove: truce}\n      - stability: {zone: north, delta: -10}\n",
        1,
    )
    d = the_one(warnings(tmp_path, text, deep=False))
    assert d.message == (
        "event 'clash' takes every issue of The Hall's agenda off the table in round 2 whatever happens, so no "
        "game there can reach a deal after it: give it a `when`, or leave an issue on"
    )
    # one issue left on, or a condition on it, or another card that can put an issue back: no warning
    assert warnings(tmp_path, text.replace("      - agenda: {remove: truce}\n", ""), deep=False) == []
    assert (
        warnings(
            tmp_path,
            text.replace("    round: 2\n", "    round: 2\n    when: [{momentum: {below: 40}}]\n", 1),
            deep=False,
        )
        == []
    )
    back = text.replace("      - momentum: 3\n", "      - momentum: 3\n      - agenda: {add: truce}\n", 1)
    assert warnings(tmp_path, back, deep=False) == []


def test_a_short_name_longer_than_the_narrow_columns_is_warned_of(tmp_path: Path) -> None:
    """`short_name` is what the table's narrow columns show (12 letters at 80 columns): one
    longer is cut there as the whole name was, and the author is told where."""
    fits = mini_with(("    name: Red\n", "    name: Red\n    short_name: The Red side\n"))  # 12
    assert warnings(tmp_path, fits, deep=False) == []
    from game.scenario import load_scenario

    assert load_scenario(tmp_path / "variant.yaml").delegations[0].short_name == "The Red side"
    text = mini_with(("    name: Red\n", "    name: Red\n    short_name: The Red delegation\n"))
    d = the_one(warnings(tmp_path, text, deep=False))
    assert d.message == (
        "the short name 'The Red delegation' is 18 columns wide: the table's narrow columns show 12, so it will be "
        "cut there"
    )
    # columns as the terminal counts them: combining marks none, wide characters two (a tester's
    # three letters with ten marks were said to have 13 letters)
    marked = "O\u0308\u0338\u0322\u0317\u0319p\u0338\u031c\u0352p" + "e\u0301" * 9
    assert (
        warnings(tmp_path, mini_with(("    name: Red\n", f"    name: Red\n    short_name: {marked}\n")), deep=False)
        == []
    )
    wide = "\u7d05\u8272\u306e\u4ee3\u8868\u56e3\u3067\u3059"  # eight wide characters: 16 columns
    d = the_one(
        warnings(tmp_path, mini_with(("    name: Red\n", f"    name: Red\n    short_name: {wide}\n")), deep=False)
    )
    assert f"'{wide}' is 16 columns wide" in d.message
    assert (d.line, d.column) == pos(text, "    short_name: The Red delegation\n", "The Red delegation")
    assert load_scenario(MINI).delegations[0].short_name == ""  # none given: the name, cut


def test_an_opening_that_leaves_the_talks_one_walk_out_from_collapse(tmp_path: Path) -> None:
    """An author's second venue opened with three breaks (10 momentum each, where the issue was
    agreed before) and stood at momentum 10 of its 40, one walk-out (20) from collapse, and most
    of its games collapsed with no warning. Here a round-1 card at the annex breaks what the
    hall may have settled and costs 15 momentum more, only where the hall agreed it (`when`)."""
    opening = """  - id: backlash
    title: A backlash at home
    text: Both capitals disown what was signed.
    venue: annex
    round: 1
    when:
      - agreed: {issue: prisoners}
    effects:
      - break: {issue: prisoners}
      - momentum: -25
"""
    text = MINI_TEXT.replace("events:\n", ANNEX + opening, 1)
    d = the_one(warnings(tmp_path, text, deep=False))
    assert d.message == (
        "the round-1 events of The Annex ('backlash') can take its momentum from 50 to 15 as it opens (a break "
        "costs 10 where its issue was agreed before): a single walk-out (20) would then end the talks there; open "
        "it with more `momentum`, or soften those effects"
    )
    assert (d.line, d.column) == pos(text, "      - break: {issue: prisoners}", "- break")
    # the annex opened with more momentum, or the card costing less: no warning
    assert warnings(tmp_path, text.replace("    momentum: 50\nevents:", "    momentum: 60\nevents:"), deep=False) == []
    assert warnings(tmp_path, text.replace("      - momentum: -25\n", "      - momentum: -5\n"), deep=False) == []
    # a card with no condition always fires in round 1: its gain counts (a reviewer's case)
    relief = """  - id: relief
    title: A relief convoy arrives
    text: The first convoy in months reaches the enclave.
    venue: annex
    round: 1
    effects:
      - momentum: 30
"""
    assert warnings(tmp_path, text.replace("events:\n", "events:\n" + relief, 1), deep=False) == []
    # to 0 or below, the opening itself ends the talks: said so, with no walk-out in it
    d = the_one(warnings(tmp_path, text.replace("      - momentum: -25\n", "      - momentum: -45\n"), deep=False))
    assert "from 50 to 0 as it opens" in d.message and "the opening alone would end the talks there" in d.message


def test_a_short_names_columns_are_counted_as_rich_draws_them() -> None:
    """The lint's count and the interface's drawing agree: an emoji with its selector, a soft
    hyphen and a spacing mark were counted otherwise (a review's)."""
    from rich.cells import cell_len

    from game.safetext import columns

    for text in (
        "Red",
        "\u2764\ufe0f",
        "a\u00adb",
        "\u0915\u0903",
        "O\u0308\u0338p",
        "\u7d05\u8272",
        "\U0001f44d",
        "Türkiye",
        # a skin tone, a family joined by ZERO WIDTH JOINER, a selector after a letter, Hangul
        # jamo ("Russia 👍🏽👍🏽" was warned at 15 columns where Rich draws 11: a review's)
        "Russia \U0001f44d\U0001f3fd\U0001f44d\U0001f3fd",
        "Kurds \U0001f468\u200d\U0001f469\u200d\U0001f467",
        "a\ufe0f",
        "\u1100\u1161\u11a8",
        # keycaps and symbols a selector draws as emoji (counted one column short: a review's)
        "1\ufe0f\u20e3 First",
        "Bloc \u2194\ufe0f 1\ufe0f\u20e3 2\ufe0f\u20e3",
        "\u2139\ufe0f Info",
    ):
        assert columns(text) == cell_len(text), text
    # every character a selector may widen, and others it may not
    from game.safetext import _EMOJI_BY_SELECTOR

    for char in (*sorted(_EMOJI_BY_SELECTOR), "a", "\u00e9", "\u4e2d", "\U0001f44d"):
        assert columns(char + "\ufe0f") == cell_len(char + "\ufe0f"), hex(ord(char))


@pytest.mark.parametrize(
    ("old", "field", "what", "most"),
    [
        ("    name: Red\n", "    name: {}\n", "delegation's name", 60),
        ("    name: Prisoners\n", "    name: {}\n", "issue's name", 60),
        ("    name: The Hall\n", "    name: {}\n", "venue's name", 60),
        ("        label: All released\n", "        label: {}\n", "option's label", 120),
        ("    title: A clash in the north\n", "    title: {}\n", "event's title", 100),
        ("    name: The north\n", "    name: {}\n", "zone's name", 60),
    ],
)
def test_a_name_that_would_flood_the_transcript_is_warned_of_where_it_stands(
    tmp_path: Path, old: str, field: str, what: str, most: int
) -> None:
    """An author's delegation name of 880 characters validated, and ran on through every line of
    the transcript that named it: a name past about twice the longest of its kind in the bundled
    scenarios is warned of, at its line; one of the longest allowed is not."""
    assert warnings(tmp_path, mini_with((old, field.format("é" * most))), deep=False) == []
    text = mini_with((old, field.format("\u7d05" * (most // 2 + 1))))  # wide characters: two columns each
    d = the_one(warnings(tmp_path, text, deep=False))
    assert d.message.startswith(f"this {what} is {2 * (most // 2 + 1)} columns long: ")
    assert d.message.endswith(f"keep it to {most} (a longer account belongs in a description or the event's text)")
    assert d.line == text.split("\n").index(field.format("\u7d05" * (most // 2 + 1)).rstrip("\n")) + 1


def test_an_events_otherwise_title_past_its_length_is_warned_of_too(tmp_path: Path) -> None:
    """What a scripted event says in its place is a title the transcript shows as well (a reviewer's)."""
    old = "    title: A clash in the north\n"
    other = "    when: [{{momentum: {{below: 90}}}}]\n    otherwise: {{title: {}, text: Nothing happens.}}\n"
    assert warnings(tmp_path, mini_with((old, old + other.format("o" * 100))), deep=False) == []
    text = mini_with((old, old + other.format("o" * 101)))
    d = the_one(warnings(tmp_path, text, deep=False))
    assert d.message.startswith("this event's otherwise title is 101 columns long: ")
    assert d.line == text.split("\n").index(other.format("o" * 101).split("\n")[1]) + 1
