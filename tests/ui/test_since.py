"""What the table says when the turn comes back to the player: how their proposals were answered
since their last move, and what waits for their answer (game/ui/since.py), in random games and
at the table.

pytest-asyncio is not installed, so the Pilot test runs its async body with asyncio.run().
"""

from __future__ import annotations

import asyncio
import dataclasses
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from game.ai.seats import chooser
from game.ai.selfplay import agent_rng
from game.engine import Pass, Propose, Respond, apply, new_game, view_for
from game.engine.legal import moves_for
from game.engine.model import Scenario
from game.engine.records import in_sentence
from game.engine.state import ACCEPTED, PENDING, State
from game.engine.utility import state_worth_if_agreed
from game.play import choices
from game.play.board import entries
from game.play.history import Chronicle
from game.ui.format import against
from game.ui.screens.history import HistoryScreen
from game.ui.since import LISTED, since_last_move
from game.ui.widgets.panels import AgendaTable
from game.ui.widgets.wrapped import MORE_BELOW, MORE_BELOW_HERE, WrappedText
from tests.engine.conftest import with_venue
from tests.saves.helpers import scenario_file, scenario_path
from tests.ui.driving import GOV, driven, new_app, press, reject_answer, screen_of, settle, until

HEAD = "Since your last move:"


def answers_since(chronicle: Chronicle, start: int, me: int) -> dict[int, tuple[set[int], set[int]]]:
    """Who accepted and who rejected each of `me`'s proposals in the lines from `start` on."""
    mine = {t.id for t in chronicle.tabled.values() if t.author == me}
    out: dict[int, tuple[set[int], set[int]]] = {}
    for line in chronicle.lines[start:]:
        if line.record.kind == "respond" and line.answered in mine and line.actor != me:
            out.setdefault(line.answered, (set(), set()))[0 if line.accept else 1].add(line.actor)
    return out


def check(chronicle: Chronicle, start: int, state: State, me: int, then: float, lapsed: dict[int, int]) -> None:
    said = [p.plain for p in since_last_move(chronicle, start, state, me, then)]
    answered = answers_since(chronicle, start, me)
    waiting = [p.id for p in state.proposals if p.response_of(me) == PENDING]
    now = state.scenario.delegations[me].reservation
    moved = [line for line in said if "Your walk-away value moved" in line]
    if round(now, 4) == round(then, 4):
        assert moved == []
    else:
        # said once, from what it was to what it is, and which way no deal went
        assert len(moved) == 1
        assert f"from {then:.2f} to {now:.2f}" in moved[0] or f"from {then:.3f} to {now:.3f}" in moved[0]
        assert ("worth more to you" in moved[0]) == (now > then)
    # offers put to me that failed or closed since my last move, which I never answered: read
    # from the states, not the lines the summary reads (the proposal's own answer from me, in
    # the state just before it closed)
    # ... and those that lapsed unanswered, each the proposal its record's action took from the
    # state (the `lapsed` the test's loop read from the states themselves)
    ended = [
        x.answered if x.record.kind != "expired" else lapsed[id(x)]
        for x in chronicle.lines[start:]
        if x.record.kind in ("failed", "closed", "expired")
    ]
    gone: list[int] = []
    for pid in ended:
        t = chronicle.tabled[pid]
        never = all(not (x.record.kind == "respond" and x.actor == me and x.answered == pid) for x in chronicle.lines)
        if t.author != me and me in t.to and never and pid not in gone:
            gone.append(pid)
    told_gone = [line for line in said if "gone before your answer" in line]
    assert len(told_gone) == (1 if gone else 0)
    if gone:
        listed = [int(n) for n in re.findall(r"#(\d+) from", told_gone[0])]
        assert listed == sorted(gone)  # by number, as the board lists them (a newcomer read them out of order)
        assert told_gone[0].count("lapsed unanswered") == sum(pid in lapsed.values() for pid in gone)
        # none of them did I ever answer (one accepted on an earlier turn, refused since by
        # another, was listed), and each is closed now
        open_now = {p.id for p in state.proposals}
        # each worth set against the walk-away value (or what is agreed) to the places that tell
        # them apart, and where it is not clearly above, said so: "worth 0.34" beside a walk-away
        # of 0.34 told a newcomer nothing
        view = view_for(state, me)
        agreed = choices.agreed_so_far(view)
        mark = view.own.reservation if agreed is None else agreed
        for pid in listed:
            shown, marked, where = against(state_worth_if_agreed(state, me, chronicle.tabled[pid].package), mark)
            found = re.search(rf"#{pid} from [^(]*\(worth ([0-9.]+)([^)]*)\)", told_gone[0])
            assert found is not None and found.group(1) == shown, told_gone[0]
            said_of = found.group(2)
            if where == "at":
                assert said_of.startswith(", at "), said_of
            elif where == "BELOW" or marked != f"{mark:.2f}":
                assert said_of.startswith(f", {where.lower()} ") and f" {marked}" in said_of, said_of
            else:
                assert not re.match(r", (at|below|above) ", said_of), said_of
        for pid in listed:
            assert pid not in open_now
            assert all(r.proposal != pid or r.who != me for r in state.answers)
    # a side that left the table since: its record's words, in one line
    left = [
        x.record.text
        for x in chronicle.lines[start:]
        if x.record.kind in ("walk_out", "boycott", "pulled_out", "left") and x.actor != me
    ]
    told_left = [line for line in said if line.strip().startswith("Gone from the table:")]
    assert len(told_left) == (1 if left else 0)
    for words in left:
        assert words in told_left[0]
    # the others' offers I accepted on an earlier turn: each where something happened to it since
    # (another's answer, or its end) is followed up, on a line of its own, and no other
    mine = {t.id for t in chronicle.tabled.values() if t.author == me}
    yes_of_mine = {
        x.answered for x in chronicle.lines[:start] if x.record.kind == "respond" and x.actor == me and x.accept
    } - mine
    happened = {
        x.answered
        for x in chronicle.lines[start:]
        if x.answered in yes_of_mine
        and (
            (x.record.kind == "respond" and x.actor != me)
            or x.record.kind in ("failed", "agreement", "closed", "expired")
        )
    }
    followed = [m for line in said for m in [re.match(r"\s*#(\d+) from .*, which you accepted: ", line)] if m]
    assert sorted(int(m.group(1)) for m in followed) == sorted(happened)
    if not answered and not waiting and not moved and not gone and not left and not happened:
        assert said == []
        return
    assert said[0] == f"Your turn, round {state.round}. {HEAD}"
    names = [in_sentence(d.name) for d in state.scenario.delegations]  # as a sentence writes them
    told = {int(m.group(1)): line for line in said for m in [re.match(r"\s*Your proposal #(\d+): ", line)] if m}
    assert set(told) == set(answered)
    for pid, (yes, no) in answered.items():
        accepted, _, rejected = told[pid].partition("rejected by")
        assert all(names[d] in accepted for d in yes) and all(names[d] in rejected for d in no)
        assert ("accepted by" in told[pid]) == bool(yes) and bool(rejected) == bool(no)
    pending = [line for line in said if "Waiting for your answer" in line]
    assert len(pending) == (1 if waiting else 0)
    if waiting:
        # measured against the walk-away value until something is agreed, then against what is
        # agreed already (a newcomer had agreed 0.39 and was still told of a walk-away of 0.36)
        something = any(o >= 0 for o in state.settled)
        assert ("what is agreed already gives you " in pending[0]) == something
        assert ("your walk-away is " in pending[0]) == (not something)
        board = [e.proposal.id for e in entries(state, me, chronicle) if e.waiting_for_me]
        assert sorted(board) == sorted(waiting)
        assert re.findall(r"#(\d+) from", pending[0]) == [str(p) for p in board[:LISTED]]
        more = len(waiting) - LISTED
        assert (f"and {more} more" in pending[0]) == (more > 0)
        # the ones my yes would make the agreement: every other signatory at the table it needs
        # is its author or has accepted it (read from the state)
        venue = state.scenario.venues[state.venue]
        needed = [d for d in venue.signatories if state.present[d] and d != me]
        by_id = {p.id: p for p in state.proposals}
        closing = []
        for pid in board[:LISTED]:
            p = by_id[pid]
            yes = {p.author} | {d for d, r in zip(p.to, p.responses, strict=True) if r == ACCEPTED}
            closing.append(all(d in yes for d in needed))
        assert pending[0].count("your yes makes it the agreement") == sum(closing)
        assert ") (" not in pending[0]  # what is said of an offer is one bracket, its notes joined


@settings(max_examples=12, deadline=None)
@given(
    st.sampled_from(["mini", "astana-8", "sochi-congress"]), st.integers(0, 10_000), st.integers(0, 4), st.booleans()
)
def test_the_summary_tells_every_answer_to_my_proposals_and_everything_waiting_for_me(
    name: str, seed: int, seat: int, idle: bool
) -> None:
    """`idle`: the seat passes wherever the rules let it, so offers put to it lapse unanswered
    (an AI answers every offer put to it)."""
    scenario, _ = scenario_file(name)
    _play_and_check(scenario, seed, seat % len(scenario.delegations), idle)


def test_an_offer_the_player_accepted_is_followed_to_its_end() -> None:
    """A newcomer accepted Iran's #4; no later summary said what became of it (Turkey refused
    it). Over the first seeds of astana-8 where a seat's yes is followed by another's answer or
    the offer's end, the summary says it, and while the offer is open that the yes stands."""
    scenario, _ = scenario_file("astana-8")
    found = []
    for seed in range(3):
        for me in range(4):
            found += [line for line in _play_and_check(scenario, seed, me, False, followed=True)]
        if any("it fails" in line for line in found) and any("agreed" in line for line in found):
            break
    else:
        raise AssertionError(f"no accepted offer followed to its end in three seeds: {found}")
    # one still open: in mini (with big signing too, or not), big accepts red's #1 (put to blue,
    # big and the envoy); the envoy says yes in round 2, blue has not answered when big's turn
    # comes back.
    # A side that signs nothing is not told that its yes stands (its answer decides nothing)
    for signing in ("red", "blue", "big"), ("red", "blue"):
        line = _followed_in_mini(signing)
        assert "accepted by" in line and "1 still to answer" in line
        stands = "1 still to answer (your yes stands: if they agree, it is the deal)." in line
        assert stands == ("big" in signing)
    # withdrawn since by its author: said so, not a line ending on nothing (a review)
    line = _followed_in_mini(("red", "blue"), withdraw=True)
    assert "accepted by " in line and line.endswith("; withdrawn by its author for a new proposal.")


def _followed_in_mini(signing: tuple[str, ...], withdraw: bool = False) -> str:
    """What big's summary says of red's #1, which big accepted, at its next turn (red tabling
    another proposal in round 2 first, with `withdraw`)."""
    mini, _ = scenario_file("mini")
    mini = with_venue(mini, signatories=tuple(mini.delegation_index[d] for d in signing))
    state, opening = new_game(mini, 3)
    chronicle = Chronicle()
    chronicle.open(state, opening)
    big = mini.delegation_index["big"]
    moves = [
        Pass("envoy"),
        Propose("red", (("truce", "pause"),), ("blue", "big", "envoy")),
        Pass("red"),
        Pass("blue"),
        Respond("big", 1, True),
        Pass("big"),
    ]
    start = 0
    red_again = [Propose("red", (("truce", "monitored"),), ("blue",))] if withdraw else []
    for action in [*moves, Respond("envoy", 1, True), Pass("envoy"), *red_again, Pass("red"), Pass("blue")]:
        after, records = apply(state, action)
        chronicle.add(state, action, after, records)
        state = after
        if action == Pass("big"):
            start = len(chronicle.lines)
    assert state.actor == big and state.proposals and (state.proposals[0].id == 1) != withdraw
    said = [p.plain for p in since_last_move(chronicle, start, state, big, mini.delegations[big].reservation)]
    line = next(x for x in said if ", which you accepted: " in x)
    assert line.startswith("  #1 from ") and mini.delegations[mini.delegation_index["red"]].name in line
    return line


def test_an_offer_left_to_lapse_is_said_to_have_lapsed() -> None:
    """An author passed with an offer waiting that their yes would have made the agreement; it
    lapsed at the round's end, and the summary said nothing of it. In the campaign, Iran
    passing every turn lets Russia's offer #29 lapse at seed 0 (chosen for it: AI authors mostly
    withdraw an offer by tabling the next)."""
    scenario, _ = scenario_file("astana-to-sochi")
    told = _play_and_check(scenario, 0, 6, idle=True)
    assert any("#29 from" in line and "lapsed unanswered" in line for line in told)


def _play_and_check(scenario: Scenario, seed: int, me: int, idle: bool, followed: bool = False) -> list[str]:
    """Play a normal-level game, checking the summary at each of `me`'s turns; what it said of
    offers gone before `me`'s answer, every time (of offers `me` accepted, with `followed`)."""
    told: list[str] = []
    state, opening = new_game(scenario, seed)
    chronicle = Chronicle()
    chronicle.open(state, opening)
    start: int | None = None
    then = 0.0
    turns = 0
    lapsed: dict[int, int] = {}  # an "expired" line's id() -> the proposal that lapsed
    while not state.over and turns < 400:
        if state.actor == me and start is not None:
            check(chronicle, start, state, me, then, lapsed)
            said = [p.plain for p in since_last_move(chronicle, start, state, me, then)]
            mark = ", which you accepted: " if followed else "gone before"
            told += [line for line in said if mark in line]
        actor = state.actor
        action = chooser("normal")(view_for(state, actor), agent_rng(state)).action
        if idle and actor == me and moves_for(view_for(state, me)).allowed("pass"):
            action = Pass(state.scenario.delegations[me].id)
        after, records = apply(state, action)
        at = len(chronicle.lines)
        chronicle.add(state, action, after, records)
        # the proposals this action let lapse, from the states: gone from the state's open ones,
        # neither agreed nor answered away by the action (an answer's failure or close), each
        # given to the line of an "expired" record of its author in turn
        agreed = {a.proposal for a in after.agreements}
        answered_now = action.proposal if isinstance(action, Respond) else -1
        still = {p.id for p in after.proposals}
        vanished = [p for p in state.proposals if p.id not in still and p.id not in agreed and p.id != answered_now]
        for line in chronicle.lines[at:]:
            if line.record.kind == "expired":
                mine = next(p for p in vanished if p.author == line.record.actor)
                vanished.remove(mine)
                lapsed[id(line)] = mine.id
        state = after
        if actor == me:
            start = len(chronicle.lines)
            then = state.scenario.delegations[me].reservation
        turns += 1
    return told


def test_the_table_sums_up_the_answers_to_my_proposal_when_my_turn_comes_back(tmp_path: Path) -> None:
    async def body() -> None:
        app = new_app(tmp_path, ("government",), seed=1)
        async with driven(app, size=(100, 32)) as pilot:
            table = await settle(pilot)
            log = table.query_one("#transcript", WrappedText)
            assert not any(HEAD in p.plain for p in log._paragraphs)  # nothing to sum up yet
            await press(pilot, "p", "enter")  # the government's own wish list: the opposition refuses it
            await until(pilot, lambda: len(table.session.log) > 0, "the proposal")
            mine = table.session.state.proposals[-1].id
            start = len(table.chronicle.lines)
            await press(pilot, "n")
            table = await settle(pilot)
            paragraphs = [p.plain for p in log._paragraphs]
            at = max(k for k, p in enumerate(paragraphs) if HEAD in p)
            summary = paragraphs[at:]
            state = table.session.state
            answered = answers_since(table.chronicle, start, GOV)
            assert mine in answered and answered[mine][1], "the opposition rejects the government's ideal"
            opp = in_sentence(state.scenario.delegations[1].name)
            line = next(p for p in summary if f"Your proposal #{mine}:" in p)
            assert f"rejected by {opp}" in line and "it fails" in line
            # with the reason it gave, as the table said it (a newcomer read the refusals with no why)
            refusal = next(
                x for x in table.chronicle.lines[start:] if x.record.kind == "respond" and x.answered == mine
            )
            reason = refusal.reason
            assert reason and f"rejected by {opp} ({reason})" in line, line
            await press(pilot, "h")
            history = await screen_of(pilot, HistoryScreen)
            assert f"rejects proposal #{mine}.  ({reason})" in history.text().replace("\n", " ")
            await press(pilot, "escape")
            table = await settle(pilot)
            if any(p.response_of(GOV) == PENDING for p in state.proposals):
                assert any("Waiting for your answer" in p for p in summary)
            # said once: the next turn's summary starts from the move after it
            await press(pilot, "n")
            table = await settle(pilot)
            assert sum(f"Your proposal #{mine}:" in p.plain for p in log._paragraphs) == 1

    asyncio.run(body())


def test_the_table_says_when_an_event_moved_my_walk_away_value(tmp_path: Path) -> None:
    """An event that moves the player's own walk-away value does it without a word in its text:
    the summary at their next turn says from what to what, and which event did it."""
    mini = scenario_path("mini").read_text(encoding="utf-8")
    scripted = "      - trust: {from: blue, to: red, delta: -5}\n"
    assert scripted in mini
    moved = tmp_path / "moved.yaml"
    moved.write_text(mini.replace(scripted, scripted + "      - walk_away: {delegation: red, delta: 15}\n"))

    async def body() -> None:
        app = new_app(tmp_path, ("red",), seed=1, scenario=moved)
        async with driven(app, size=(100, 32)) as pilot:
            table = await settle(pilot)
            assert table.session.state.round == 1
            for _ in range(6):
                if table.session.state.round != 1:  # the clash is scripted for round 2
                    break
                if any(p.response_of(0) == PENDING for p in table.session.state.proposals):
                    await press(pilot, "r")  # the mediator's draft is answered first: no
                    await reject_answer(pilot)
                await press(pilot, "n")
                table = await settle(pilot)
            state = table.session.state
            assert state.round == 2 and state.scenario.delegations[0].reservation == 0.45
            log = table.query_one("#transcript", WrappedText)
            said = [p.plain for p in log._paragraphs]
            line = next(p for p in said if "Your walk-away value moved" in p)
            assert "from 0.30 to 0.45 (A clash in the north)" in line and "worth more to you" in line

    asyncio.run(body())


def test_a_press_the_player_received_is_in_the_summary_and_a_meeting_in_hot_seat_too() -> None:
    """A newcomer found a patron's press on them only as a line among the AI's moves: the summary
    says it. In hot-seat play the shared transcript keeps what a meeting taught each side to
    itself, so the summary a player reads alone says what one they were asked to taught them."""
    from game.engine import Meet, Pass, Pressure
    from game.engine.legal import legal_moves
    from game.scenario import load_scenario
    from tests.ui.driving import ASTANA

    sc = load_scenario(ASTANA)
    ids = [d.id for d in sc.delegations]
    state, opening = new_game(sc, 5)
    first = state
    actions = []

    def play(action: object) -> None:
        nonlocal state
        actions.append(action)
        state, _ = apply(state, action)  # type: ignore[arg-type]

    while ids[state.actor] != "government":
        play(Pass(ids[state.actor]))
    play(Pass("government"))
    start_actions = len(actions)
    pressed = met = False
    while ids[state.actor] != "government":
        moves = list(legal_moves(state).finite())
        press_me = [m for m in moves if isinstance(m, Pressure) and m.client == "government"]
        meet_me = [m for m in moves if isinstance(m, Meet) and m.other == "government"]
        if press_me and not pressed:
            play(press_me[0])
            pressed = True
        elif meet_me and not met:
            play(meet_me[0])
            met = True
        else:
            play(Pass(ids[state.actor]))
    assert pressed and met, (pressed, met)
    chronicle = Chronicle.of(first, opening, actions[:start_actions])
    start = len(chronicle.lines)
    chronicle = Chronicle.of(first, opening, actions)
    alone = " ".join(t.plain for t in since_last_move(chronicle, start, state, GOV))
    assert "Pressed: " in alone and "presses Government of the Syrian Arab Republic, which moves on" in alone
    assert "You learnt" not in alone  # only where asked (the table asks, solo and hot-seat alike)
    seated = " ".join(t.plain for t in since_last_move(chronicle, start, state, GOV, meetings=True))
    assert "Pressed: " in seated and "You learnt" in seated
    # nobody else's summary has them
    other = " ".join(t.plain for t in since_last_move(chronicle, start, state, 1, meetings=True))
    assert "Pressed: " not in other and "You learnt" not in other


def test_an_answer_in_the_closing_session_that_keeps_the_floor_brings_no_summary(tmp_path: Path) -> None:
    """Found from outside: in the closing session, an answer that keeps the floor (nobody moves
    in between) printed "Since your last move" again at once, repeating what still waits."""
    from game.saves import load, save
    from game.ui.app import make_app
    from tests.saves.helpers import ai_action, new_session

    session = new_session("astana-8", 0, government="human")
    while not (session.state.closing and session.state.actor == GOV):
        session.play(ai_action(session))  # astana-8 seed 0: the government owes several answers there
    owed = [p.id for p in session.state.proposals if p.response_of(GOV) == PENDING]
    assert len(owed) >= 2
    path = save(session, tmp_path, "closing")

    async def body() -> None:
        app = make_app(load=path, loaded=load(path), saves_dir=tmp_path, speed=0)
        async with driven(app, size=(120, 40)) as pilot:
            table = await settle(pilot)
            log = table.query_one("#transcript", WrappedText)
            heads = lambda: sum(HEAD in p.plain for p in log._paragraphs)  # noqa: E731
            before, moves = heads(), len(table.session.log)
            await press(pilot, "r", "A")
            await until(pilot, lambda: len(table.session.log) > moves, "the answer")
            await pilot.pause()
            assert table.session.state.actor == GOV and len(table.session.log) == moves + 1
            assert heads() == before  # the floor stayed: nothing new to sum up

    asyncio.run(body())


def test_the_summary_is_shown_to_a_player_who_had_scrolled_up(tmp_path: Path) -> None:
    """Found from outside: scrolled up to read while the others spoke, a player found their turn
    come back with its summary below, off screen. The summary takes the reader to the end."""

    async def body() -> None:
        app = new_app(tmp_path, ("government",), seed=1)
        async with driven(app, size=(100, 32)) as pilot:
            table = await settle(pilot)
            log = table.query_one("#transcript", WrappedText)
            await press(pilot, "p", "enter")  # the government's own wish list: the opposition refuses it
            await until(pilot, lambda: len(table.session.log) > 0, "the proposal")
            heads = sum(HEAD in p.plain for p in log._paragraphs)
            log.scroll_home(animate=False, immediate=True)
            await pilot.pause()
            assert log.max_scroll_y > 0 and log.scroll_y == 0
            await press(pilot, "n")
            table = await settle(pilot)
            await until(pilot, lambda: sum(HEAD in p.plain for p in log._paragraphs) > heads, "the summary")
            await pilot.pause()
            # the summary's first line in view (from its start where it is taller than the view)
            head = max(k for k, line in enumerate(log._lines) if HEAD in line.text)
            assert log.max_scroll_y > 0
            assert log.scroll_y <= head < log.scroll_y + log.scrollable_content_region.height

    asyncio.run(body())


def test_an_offer_that_changed_since_its_authors_last_says_what_that_one_was_worth() -> None:
    """An offer that hardens round by round (the hard agent's edge style asks more each round)
    is what a player reads to time an answer: the summary sets the author's last offer to them
    beside the new one, at the same places, where the two differ."""
    from game.engine import Pass, Propose, Respond
    from game.engine.utility import utility, with_package

    sc, _ = scenario_file("mini")
    state, _ = new_game(sc, 1)
    ids = [d.id for d in sc.delegations]
    red, blue = ids.index("red"), ids.index("blue")

    def ask(prisoners: str) -> Propose:
        return Propose("red", (("prisoners", prisoners), ("truce", "monitored")), ("blue",))

    actions = []
    for offer in ("some", "none"):  # a round's offer, then a harder one the next round
        while state.actor != red:
            pending = [p for p in state.proposals if p.response_of(state.actor) == PENDING]
            who = sc.delegations[state.actor].id
            action = Respond(who, pending[0].id, False) if pending else Pass(who)
            state, _ = apply(state, action)
            actions.append(action)
        for action in (ask(offer), Pass("red")):
            state, _ = apply(state, action)
            actions.append(action)
    while state.actor != blue:
        action = Pass(sc.delegations[state.actor].id)
        state, _ = apply(state, action)
        actions.append(action)
    chronicle = Chronicle.replay(sc, 1, actions)
    summary = "\n".join(t.plain for t in since_last_move(chronicle, 0, state, blue))
    first, second = sorted(t.id for t in chronicle.tabled.values() if t.author == red)
    own = state.scenario.delegations[blue]
    worth = {
        pid: f"{utility(own, with_package(state.deal(), chronicle.tabled[pid].package)):.2f}" for pid in (first, second)
    }
    assert worth[first] != worth[second]
    assert f"#{second} from {sc.delegations[red].name}, worth {worth[second]}" in summary, summary
    assert f"its #{first} was worth {worth[first]})" in summary, summary


def test_at_80x24_a_summary_taller_than_the_transcript_is_shown_from_its_start(tmp_path: Path) -> None:
    """The transcript has five lines at 80x24: scrolled to its end, the summary read from its
    middle ("(its #7 was worth 0.81), and 1 more."). Taller than the view, it is shown from its
    first line; and the lines that come after it (the player's own move) are followed again."""

    async def body() -> None:
        app = new_app(tmp_path, ("government",), seed=1)
        async with driven(app, size=(80, 24)) as pilot:
            table = await settle(pilot)
            log = table.query_one("#transcript", WrappedText)
            await press(pilot, "p", "enter")
            await until(pilot, lambda: len(table.session.log) > 0, "the proposal")
            heads = sum(HEAD in p.plain for p in log._paragraphs)
            await press(pilot, "n")
            table = await settle(pilot)
            await until(pilot, lambda: sum(HEAD in p.plain for p in log._paragraphs) > heads, "the summary")
            await pilot.pause()
            start = max(k for k, line in enumerate(log._lines) if HEAD in line.text)
            assert len(log._lines) - start > log.scrollable_content_region.height, "the summary fits: nothing tested"
            assert log.scroll_y == start < log.max_scroll_y
            # and its last line in view says there is more below (newcomers read five lines and
            # missed the rest), until the reader is at the end
            bottom = log.scrollable_content_region.height - 1
            assert log.render_line(bottom).text.strip() == MORE_BELOW.strip()
            assert all("more below" not in log.render_line(y).text for y in range(bottom))
            # t puts the cursor in the transcript, where ↓ scrolls it (Tab took three presses, and
            # ↓ on the way scrolled the delegations), and t again takes it back to the agenda
            await pilot.press("t")
            assert log.has_focus
            # ...filling the screen but for the status line and the key row (four lines of a
            # summary of twenty showed at 80x24: a newcomer's)
            await pilot.pause()
            assert table.maximized is log and log.region.height == 24 - 2
            assert table.query_one("#status").region.height == 1 and table.query_one("#keys").region.height == 1
            tall = log.scrollable_content_region.height
            # (the packages above it written in full now: the summary starts further down, and
            # the reader is kept on its first line)
            start_full = max(k for k, line in enumerate(log._lines) if HEAD in line.text)
            assert log.scroll_y <= start_full and (log.scroll_y + tall >= len(log._lines)) == (
                "more below" not in log.render_line(tall - 1).text
            )
            # Esc puts it back in its place, the cursor still in it, where the marker says how to
            # read on from there ("t, then" had a newcomer press t)
            await pilot.press("escape")
            await pilot.pause()
            assert table.maximized is None and log.has_focus
            log.scroll_to(y=start, animate=False, immediate=True)
            await pilot.pause()
            assert log.render_line(bottom).text.strip() == MORE_BELOW_HERE.strip()
            await pilot.press("down")
            await pilot.pause()
            assert log.scroll_y == start + 1
            await pilot.press("t")
            assert table.query_one("#agenda").has_focus
            await pilot.pause()
            assert table.maximized is None and log.region.height < 24 // 2
            bottom = log.scrollable_content_region.height - 1
            # the cursor taken elsewhere (here by the code) puts the transcript back in its place
            await pilot.press("t")
            assert table.maximized is log
            table.query_one("#agenda").focus()
            await pilot.pause()
            assert table.maximized is None
            log.scroll_end(animate=False, immediate=True)
            await pilot.pause()
            assert "more below" not in log.render_line(bottom).text
            lines = len(log._lines)
            # the player's move, whatever the rules allow now (a draft may be owed an answer first)
            state = table.session.state
            table._act(chooser("normal")(view_for(state, state.actor), agent_rng(state)).action)
            await until(pilot, lambda: len(log._lines) > lines, "the lines after the summary")
            await pilot.pause()
            assert log.scroll_y == log.max_scroll_y

    asyncio.run(body())


def test_the_players_own_move_takes_the_transcript_to_its_end(tmp_path: Path) -> None:
    """A newcomer scrolled the transcript up to read (t, then ↑) and, after their own move, saw
    neither it nor any move after it: the transcript kept the place they had left it at. The
    player's move now takes it to its end, and the moves after it follow."""

    async def body() -> None:
        app = new_app(tmp_path, ("government",), seed=1)
        async with driven(app, size=(80, 24)) as pilot:
            table = await settle(pilot)
            log = table.query_one("#transcript", WrappedText)
            await until(pilot, lambda: log.max_scroll_y > 0, "a transcript taller than its pane")
            log.scroll_home(animate=False, immediate=True)
            await pilot.pause()
            assert log.scroll_y == 0
            await press(pilot, "s", "enter", "enter")  # a statement: a move that keeps the turn
            await until(pilot, lambda: "statement" in log.plain[-300:], "the statement in the transcript")
            await until(pilot, lambda: log.scroll_y == log.max_scroll_y > 0, "the transcript at its end")

    asyncio.run(body())


def test_an_earlier_offer_is_valued_on_the_issues_still_open() -> None:
    """ "#31 ... worth 0.67 (its #25 was worth 0.73)" read as the UN hardening its offer, where the
    board said nothing had changed on its issues: #23 had been agreed in between, and #25 was
    valued with its own option on the issue #23 settled. The earlier offer is valued on the
    issues still open, the agreed one counting as agreed, as the new one's worth counts it."""
    from game.play.history import Tabled
    from game.ui.since import _was_worth

    scenario, _ = scenario_file("mini")
    state, opening = new_game(scenario, 3)
    me, prisoners, truce = 0, 0, 1
    agreed = dataclasses.replace(state, settled=(2, -1))  # prisoners agreed at "all" since
    chronicle = Chronicle()
    chronicle.open(agreed, opening)
    # the author's earlier offer put prisoners at "none" (0) and the truce at "pause" (1)
    chronicle.tabled[7] = Tabled(7, 3, ((prisoners, 0), (truce, 1)), (me,), False, 0, 1)
    now = state_worth_if_agreed(agreed, me, ((truce, 1),))
    shown = f"{now:.2f}"
    assert _was_worth(agreed, me, chronicle, 7, shown) == ""  # the same terms on what is open
    assert state_worth_if_agreed(agreed, me, ((prisoners, 0), (truce, 1))) != now  # as it read before


def test_an_accepted_offer_agreed_by_a_boycott_is_said_agreed_and_a_withdrawal_is_its_own() -> None:
    """A review's case: red's #1, which big accepted, is agreed when blue boycotts (no answer in
    that move), then red tables #2 and #3 (withdrawing #2). The chronicle's agreement line names
    #1, its withdrawn line #2; big's summary says #1 was agreed, not withdrawn."""
    from game.engine.actions import Boycott

    mini, _ = scenario_file("mini")
    ix = mini.delegation_index
    mini = with_venue(
        mini,
        signatories=(ix["red"], ix["blue"], ix["big"]),
        attendance_optional=True,
        turn_order=tuple(ix[d] for d in ("red", "big", "envoy", "blue")),
    )
    state, opening = new_game(mini, 3)
    chronicle = Chronicle()
    chronicle.open(state, opening)
    moves = [
        Propose("red", (("truce", "pause"),), ("big", "envoy", "blue")),
        Pass("red"),
        Respond("big", 1, True),
        Pass("big"),
        Respond("envoy", 1, True),
        Pass("envoy"),
        Boycott("blue"),
        Propose("red", (("prisoners", "some"),), ("big", "envoy")),
        Propose("red", (("prisoners", "none"),), ("big", "envoy")),
    ]
    start = 0
    for action in moves:
        after, records = apply(state, action)
        chronicle.add(state, action, after, records)
        state = after
        if action == Pass("big"):
            start = len(chronicle.lines)
    big = ix["big"]
    assert state.actor == big and [a.proposal for a in state.agreements] == [1]
    kinds = {line.record.kind: line.answered for line in chronicle.lines[start:]}
    assert kinds["agreement"] == 1 and kinds["withdrawn"] == 2
    said = [p.plain for p in since_last_move(chronicle, start, state, big, mini.delegations[big].reservation)]
    line = next(x for x in said if ", which you accepted: " in x)
    assert line.startswith("  #1 from ") and line.endswith(": agreed.")


def test_a_card_that_can_take_the_player_from_the_table_is_said_while_it_can() -> None:
    """As Bosnia at Dayton, a newcomer read the card in the brief, made a conciliatory statement
    (support 55 to 53) that kept it live, and lost the seat to it at the next round's start. The
    turn's summary says it while its conditions hold, and that a hardline statement would keep it
    off; once support is past its bound, nothing."""
    import dataclasses

    from game.engine import new_game

    scenario, _ = scenario_file("dayton-1995")
    state, opening = new_game(scenario, 7)
    me = scenario.delegation_index["bosnia"]
    chronicle = Chronicle()
    chronicle.open(state, opening)
    assert state.support[me] == 55
    said = [p.plain for p in since_last_move(chronicle, 0, state, me, state.scenario.delegations[me].reservation)]
    (line,) = [x for x in said if "A card can take you from the table" in x]
    assert "“The Bosnian delegation packs its bags”, up to round 3; while the inter-entity map is open;" in line
    assert "while your support at home is at most 55 (now 55). One hardline statement would keep it off." in line
    safe = dataclasses.replace(state, support=tuple(57 if d == me else s for d, s in enumerate(state.support)))
    said = [p.plain for p in since_last_move(chronicle, 0, safe, me, state.scenario.delegations[me].reservation)]
    assert not any("A card can take you" in x for x in said)


def test_the_card_is_said_while_a_boycott_that_would_let_it_fire_may_still_come() -> None:
    """At Sochi the platforms' card needs the SNC's boycott, which the SNC, speaking after them in
    round 1, may still declare: the brief's reading (and the hard agent's) counts it, and the
    summary said nothing to the platforms. Names read as a sentence names them."""
    from game.engine import view_for
    from game.play.deck_words import own_departure_live
    from tests.saves.helpers import ai_action, new_session

    session = new_session("sochi-congress", 3, platforms="human")
    me = session.scenario.delegation_index["platforms"]
    snc = session.scenario.delegation_index["snc"]
    while session.state.actor != me:
        session.play(ai_action(session))
    state = session.state
    assert state.round == 1 and not state.boycotted[snc]
    found = own_departure_live(view_for(state, me))
    assert found is not None
    card, when, _ = found
    assert card.id == "platforms_pull_out"
    assert "while your support at home is at most" in when


def test_a_resize_while_the_transcript_fills_the_screen_refits_the_table_after(tmp_path: Path) -> None:
    """A reviewer's: the agenda, hidden while the transcript filled the screen, kept the columns
    of the old width once it came back ("0.96 No commitm…" and thirty empty columns)."""

    async def body() -> None:
        app = new_app(tmp_path, ("government",), seed=11)
        async with driven(app, size=(80, 24)) as pilot:
            table = await settle(pilot)
            agenda = table.query_one("#agenda", AgendaTable)
            narrow = agenda.get_row_at(0)
            await press(pilot, "t")
            assert table.maximized is not None
            await pilot.resize_terminal(120, 30)
            await pilot.pause()
            await press(pilot, "t")
            await pilot.pause()
            await pilot.pause()
            assert table.maximized is None
            assert str(agenda.get_row_at(0)[-1]) != str(narrow[-1]), "the agenda kept the old width's cut"

    asyncio.run(body())


def test_the_transcript_filling_the_screen_writes_packages_in_full(tmp_path: Path) -> None:
    """Two newcomers read "Eastern Ghouta zo…: A recommitted truce with…" on the whole screen:
    filling it (t), the transcript writes each proposal's package with every name and label in
    full, and back in place it cuts them again, the reader at the end kept there."""
    from game.ui.widgets.wrapped import WrappedText

    async def body() -> None:
        app = new_app(tmp_path, ("opposition",), seed=1)
        async with driven(app, size=(80, 24)) as pilot:
            table = await settle(pilot)
            state = table.session.state
            offer = next(p for p in state.proposals if p.response_of(1) == PENDING)
            labels = [state.scenario.issues[i].options[o].label for i, o in offer.package]
            long = [label for label in labels if len(label) > 30]
            assert long, "no label the transcript cuts: nothing tested"
            log = table.query_one("#transcript", WrappedText)

            def read() -> str:
                return " ".join(log.plain.split())

            assert not any(label in read() for label in long)
            await press(pilot, "t")
            await pilot.pause()
            assert table.maximized is log and all(label in read() for label in labels), read()
            assert log.following  # the summary at the end stays in view
            await press(pilot, "t")
            await pilot.pause()
            assert table.maximized is None and not any(label in read() for label in long)

    asyncio.run(body())
