"""The board's legend for a proposal tabled again unchanged: it said "* new since its proposal
#N" over a package with no * on any line, and a newcomer looked for what had moved."""

from __future__ import annotations

import re
from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from game.ai.seats import chooser
from game.ai.selfplay import agent_rng
from game.engine import State, apply, new_game, view_for
from game.engine.model import Scenario
from game.engine.records import in_sentence
from game.play.board import entries
from game.play.history import Chronicle
from game.ui.screens.board import BoardScreen
from tests.saves.helpers import scenario_file

SAME = "nothing changed on its issues since its proposal #"


def _along_a_game(scenario: Scenario, seed: int, moves: int | None = None) -> Iterator[tuple[State, Chronicle]]:
    """The states of a game every seat of which the normal agent plays (at most `moves` of them),
    each with the history so far: what the board lists at each."""
    state, opening = new_game(scenario, seed)
    chronicle = Chronicle()
    chronicle.open(state, opening)
    for _ in range(moves if moves is not None else 10**6):
        if state.over:
            return
        yield state, chronicle
        action = chooser("normal")(view_for(state, state.actor), agent_rng(state)).action
        after, records = apply(state, action)
        chronicle.add(state, action, after, records)
        state = after


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["mini", "astana-8"]), st.integers(0, 10_000), st.integers(0, 4))
def test_the_legend_says_what_moved_since_the_authors_last_proposal(name: str, seed: int, seat: int) -> None:
    scenario, _ = scenario_file(name)
    me = seat % len(scenario.delegations)
    board = BoardScreen(scenario, me, (), True, "")
    for state, chronicle in _along_a_game(scenario, seed):
        for e in entries(state, me, chronicle):
            text = board.detail(e, 100).plain
            # an open issue the author's previous proposal put in and this one leaves out: read as
            # "nothing changed" of a package worth 0.08 less to the reader, by a newcomer
            before = dict(chronicle.tabled[e.previous].package) if e.previous >= 0 else {}
            dropped = [
                i for i in before if i not in dict(e.proposal.package) and state.settled[i] < 0 and i in state.agenda
            ]
            assert e.dropped == tuple(sorted(dropped))
            # its author as a sentence names it ("from the armed opposition delegation": an author
            # read "from The European Union" on the board and "the" everywhere else)
            author = "you" if e.proposal.author == me else in_sentence(scenario.delegations[e.proposal.author].name)
            assert text.startswith(
                f"#{e.proposal.id} {'Draft text' if e.proposal.draft else 'Proposal'} from {author}, "
            )
            assert (f"It leaves out what its proposal #{e.previous} put on " in text) == bool(dropped)
            # each issue by its whole name (cut to a column's width, a line ended "termi…")
            for i in dropped:
                assert in_sentence(scenario.issues[i].name) in " ".join(text.split())
            if e.previous < 0:
                assert "off its author's stated position" in text
            elif e.changed:
                assert f"marked * (new since its proposal #{e.previous})" in text and "nothing changed" not in text
            elif dropped:
                assert f"nothing changed on the issues it keeps since its proposal #{e.previous}" in text
            else:
                assert f"{SAME}{e.previous}" in text and "* new since" not in text


@settings(max_examples=5, deadline=None)
@given(st.integers(0, 10_000), st.sampled_from([76, 100]))
def test_every_option_is_written_whole_in_the_detail(seed: int, width: int) -> None:
    """Cut with "…" at 80 columns, two options of one issue could not be told apart ("The date,
    the preparatory mee…"): the detail wraps each option's label under itself, whole."""
    scenario, _ = scenario_file("astana-8")
    board = BoardScreen(scenario, 0, (), True, "")
    seen = 0
    for state, chronicle in _along_a_game(scenario, seed, 60):
        for e in entries(state, 0, chronicle):
            text = " ".join(board.detail(e, width).plain.split())
            for item in e.items:
                # the label's words in order; its first line is followed by its worth and marks
                words = scenario.issues[item.issue].options[item.option].label.split()
                between = r"\s+(?:(?:\d\.\d\d|=|yours|✗|red|line)\s+)*"
                assert re.search(between.join(map(re.escape, words)), text), words
                seen += 1
    assert seen


def test_a_proposal_is_compared_only_with_its_authors_last_at_the_same_venue() -> None:
    """At a campaign's second venue a newcomer read "#27 ... worth 0.85 (its #21 was worth 0.60)":
    #21 was the author's offer at the first venue, on another agenda. A proposal's previous one is
    now its author's last at the same venue, or none."""
    scenario, _ = scenario_file("astana-to-sochi")
    chronicle = [c for _, c in _along_a_game(scenario, 3)][-1]  # (one history, whole at the end)
    tabled = sorted(chronicle.tabled.values(), key=lambda t: t.id)
    venues_of: dict[int, set[int]] = {}
    for t in tabled:
        earlier = [u.id for u in tabled if u.author == t.author and u.venue == t.venue and u.id < t.id]
        assert t.previous == (earlier[-1] if earlier else -1)
        venues_of.setdefault(t.author, set()).add(t.venue)
    assert any(len(v) > 1 for v in venues_of.values()), "no author tabled at both venues: nothing tested"


def test_an_issue_taken_off_the_agenda_is_not_said_to_be_left_out() -> None:
    """A package can no longer carry an issue an event took off the agenda: the board does not
    say its author left it out (a reviewer's case; no bundled file removes one)."""
    import dataclasses

    from game.engine import Pass, Propose

    scenario, _ = scenario_file("astana-8")
    state, opening = new_game(scenario, 1)
    chronicle = Chronicle()
    chronicle.open(state, opening)
    ids = [d.id for d in scenario.delegations]

    def act(action: object) -> None:
        nonlocal state
        after, records = apply(state, action)  # type: ignore[arg-type]
        chronicle.add(state, action, after, records)  # type: ignore[arg-type]
        state = after

    while ids[state.actor] != "government":
        act(Pass(ids[state.actor]))
    first, second = (scenario.issues[i] for i in scenario.venues[0].agenda[:2])
    both = ((first.id, first.options[0].id), (second.id, second.options[0].id))
    act(Propose("government", both, ("opposition",)))
    act(Propose("government", both[:1], ("opposition",)))
    reader = ids.index("opposition")
    (latest,) = [e for e in entries(state, reader, chronicle) if len(e.proposal.package) == 1]
    assert latest.dropped == (scenario.issue_index[second.id],)
    gone = scenario.issue_index[second.id]
    removed = dataclasses.replace(state, agenda=tuple(i for i in state.agenda if i != gone))
    (latest,) = [e for e in entries(removed, reader, chronicle) if len(e.proposal.package) == 1]
    assert latest.dropped == ()


@settings(max_examples=5, deadline=None)
@given(st.integers(0, 10_000))
def test_the_legend_says_what_the_issues_cell_counts(seed: int) -> None:
    """The list's Issues cell read "7, 5*" and neither the legend nor the help said what the 7
    was (a newcomer's): the legend starts from the cell, the issues in the package, then those
    marked *, and the help says it too."""
    from game.ui.screens.board import issues_cell
    from game.ui.screens.notices import HELP

    scenario, _ = scenario_file("astana-8")
    board = BoardScreen(scenario, 0, (), True, "")
    seen = 0
    for state, chronicle in _along_a_game(scenario, seed, 40):
        listed = entries(state, 0, chronicle)
        rows = BoardScreen(scenario, 0, listed, True, "").rows(True)
        assert [row[2] for row in rows] == [issues_cell(e) for e in listed]
        for e in listed:
            text = " ".join(board.detail(e, 76).plain.split())
            count, changed = len(e.items), len(e.changed)
            cell = issues_cell(e)
            assert cell == (f"{count}, {changed}*" if changed else f"{count}")
            assert f"Issues {cell}: {count} issue{'s' if count != 1 else ''}" in text
            assert (f", {changed} marked * (" in text) == bool(changed)
            # = is explained where a line carries it
            assert ("= yours: your stated position" in text) == any(item.mine for item in e.items)
            seen += 1
    assert seen
    said = " ".join(HELP.split())
    assert "the [b]Issues[/b] column counts the issues a proposal settles, then those marked [b]*[/b]" in said
