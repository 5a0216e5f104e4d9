"""A campaign's venues each have their own table: statuses per venue in the debrief (the bug: a
delegation that signed at Astana and boycotted Sochi was listed as "signed"), and the screen
between two venues with what carries over."""

from __future__ import annotations

import dataclasses
import functools

from game.engine import Boycott
from game.play.attendance import statuses
from game.play.debrief import delegation_results
from game.play.venue_end import venue_end
from game.saves import Session
from tests.saves.helpers import ai_action, new_session

OPP = 1  # astana-to-sochi's armed opposition: signs at Astana, may stay away from Sochi


@functools.cache
def boycotting_sochi() -> tuple[Session, Session]:
    """A campaign where the opposition signs at Astana and boycotts Sochi: the game at the
    moment Sochi opens, and the game played to its end (the first seed where that happens)."""
    for seed in range(50):
        games = _boycott(seed)
        if games is not None:
            return games
    raise AssertionError("no seed below 50 lets the opposition sign at Astana and boycott Sochi")


def _boycott(seed: int) -> tuple[Session, Session] | None:
    session = new_session("astana-to-sochi", seed)
    at_opening: Session | None = None
    while not session.state.over:
        state = session.state
        if state.venue == 1 and at_opening is None:
            at_opening = Session(
                session.scenario, session.source, session.seed, dict(session.seats), state, list(session.log),
                list(session.records), session.name,
            )  # fmt: skip
        if state.venue == 1 and state.round == 1 and state.actor == OPP and state.present[OPP]:
            session.play(Boycott("opposition"))
            continue
        session.play(ai_action(session))
    signed = any(a.venue == 0 and OPP in a.parties for a in session.state.agreements)
    boycotted = any(r.kind == "boycott" and r.actor == OPP for r in session.records)
    return (at_opening, session) if at_opening is not None and signed and boycotted else None


def test_a_delegation_that_signed_at_one_venue_and_boycotted_the_next_is_not_just_signed() -> None:
    _, session = boycotting_sochi()
    assert any(a.venue == 0 and OPP in a.parties for a in session.state.agreements), "it signed at Astana"
    assert statuses(session)[OPP] == ("signed", "boycotted")
    row = delegation_results(session)[OPP]
    assert row.status == "Astana 8: signed\nCongress of Syrian National Dialogue: boycotted"


def test_every_status_names_each_venue_a_delegation_sat_at() -> None:
    _, session = boycotting_sochi()
    sc = session.scenario
    for d, row in enumerate(delegation_results(session)):
        for venue in sc.venues:
            assert (venue.name in row.status) == (d in venue.turn_order)


def test_the_venue_end_screen_says_what_was_agreed_and_what_carries_over() -> None:
    opening, _ = boycotting_sochi()
    state = opening.state
    summary = venue_end(opening, 0, OPP)
    assert summary.venue == "Astana 8" and summary.next_venue == "Congress of Syrian National Dialogue"
    assert summary.outcome == state.venue_outcomes[0]
    assert len(summary.agreed) == sum(len(a.package) for a in state.agreements if a.venue == 0)
    assert len(summary.standing) == sum(1 for o in state.settled if o >= 0)
    assert summary.momentum == state.momentum
    seats = summary.seats
    assert seats[OPP].status == "signed" and seats[OPP].trusts_me == -1
    assert [s.support for s in seats] == list(state.support)
    assert [s.next_venue for s in seats] == [k in opening.scenario.venues[1].turn_order for k in range(len(seats))]
    # what OPP reads of trust is its own row and its own column, nothing else
    assert [s.my_trust for k, s in enumerate(seats) if k != OPP] == [
        t for k, t in enumerate(state.trust[OPP]) if k != OPP
    ]
    # the record's words, without "Astana 8 ends: " (the screen says "Astana 8 ended in ..." above)
    ends = next(r.text for r in opening.records if r.kind == "venue_end")
    assert ends == f"Astana 8 ends: {summary.reason}"


def test_a_delegation_an_event_took_from_the_table_has_left_the_talks() -> None:
    """Sochi's deciding cards take a signatory away (a `leave` effect): the debrief says it left,
    not that it did not sign (the first seed below 60 where one is drawn)."""
    for seed in range(60):
        session = new_session("sochi-congress", seed)
        while not session.state.over:
            session.play(ai_action(session))
        gone = [r.actor for r in session.records if r.kind == "left"]
        if gone:
            break
    else:
        raise AssertionError("no seed below 60 draws a card that takes a delegation away")
    assert session.state.outcome == "collapse"
    (status,) = statuses(session)[gone[0]]
    assert len(gone) == 1 and status in ("left the talks", "signed, then left the talks")
    assert not session.state.present[gone[0]]


def test_the_venue_end_names_the_news_that_opened_the_next_venue() -> None:
    """The screen between the venues showed the zones after the news that opens Sochi had moved
    them (the offensive on Idlib: -15), and said they carried over as they were. It now names
    that news: the events fired as Sochi opened, and only those (none of the later rounds')."""
    at_opening, finished = boycotting_sochi()
    sc = at_opening.scenario
    summary = venue_end(at_opening, 0, OPP)
    end = next(k for k, r in enumerate(at_opening.records) if r.kind == "venue_end")
    opened = [r.text for r in at_opening.records[end + 1 :] if r.kind == "event"]
    assert opened and len(summary.news) == len(opened)
    for title, text in zip(summary.news, opened, strict=True):
        assert text.startswith(f"{title}. ")
        assert title in {card.title for card in sc.events}
    later = venue_end(finished, 0, OPP)  # the same venue end, read once the game is over
    assert later.news == summary.news


def test_an_issue_left_open_and_on_no_agenda_to_come_is_said_to_stay_at_its_status_quo() -> None:
    """An outside tester: Astana ended in a partial deal without the Idlib zone, and the screen
    between the venues named neither it nor what becomes of it (the game scores it at its status
    quo: it is on no later agenda)."""
    for seed in range(40):
        session = new_session("astana-to-sochi", seed)
        while session.state.venue == 0 and not session.state.over:
            session.play(ai_action(session))
        if session.state.over:
            continue
        sc, state = session.scenario, session.state
        ahead = {i for i in sc.venues[1].agenda}
        left = [i for i in sc.venues[0].agenda if state.settled[i] < 0 and i not in ahead]
        summary = venue_end(session, 0, OPP)
        expected = tuple(
            f"{sc.issues[i].name} (status quo: {sc.issues[i].options[sc.issues[i].status_quo].label})" for i in left
        )
        assert summary.lapsed == expected
        if left:
            from game.ui.screens.venue_end import _carried

            said = _carried(summary, True).plain
            assert "Left open at Astana 8, and on no agenda to come: " in said
            assert all(sc.issues[i].name in said for i in left) and "It stays at its status quo." in said
            return
    raise AssertionError("no seed below 40 left an Astana-only issue open")


def test_the_screen_between_venues_says_who_signs_at_the_next_and_tells_a_reader_who_stops() -> None:
    """The opposition signs at Astana and signs nothing at Sochi: a newcomer learnt it from the
    debrief's notes, the brief having changed without a word. The seats' column says who signs at
    the next venue, and the reader whose signature changes is told."""
    from game.ui.screens.venue_end import _carried

    session = new_session("astana-to-sochi", 8)
    while session.state.venue == 0 and not session.state.over:
        session.play(ai_action(session))
    assert not session.state.over
    sc = session.scenario
    sochi = sc.venues[1]
    assert OPP in sc.venues[0].signatories and OPP not in sochi.signatories
    for me in range(len(sc.delegations)):
        summary = venue_end(session, 0, me)
        assert [s.signs_next for s in summary.seats] == [k in sochi.signatories for k in range(len(sc.delegations))]
        said = _carried(summary, True).plain
        stops = me in sc.venues[0].signatories and me not in sochi.signatories
        starts = me not in sc.venues[0].signatories and me in sochi.signatories
        assert (f"At {sochi.name} you sign nothing: you propose and answer" in said) == stops, me
        assert (f"At {sochi.name} you sign: no deal there without you." in said) == starts, me
        # in hot-seat play the screen is everyone's: nobody is addressed
        assert "At " + sochi.name + " you sign" not in _carried(summary, False).plain
        # a seat that does not sit at the next venue is not told what it does there
        away = tuple(dataclasses.replace(s, next_venue=False) if k == me else s for k, s in enumerate(summary.seats))
        assert "At " + sochi.name + " you sign" not in _carried(dataclasses.replace(summary, seats=away), True).plain
