"""What happened since the player's last move, said when the turn comes back to them.

While the AI seats speak, the transcript scrolls past a whole round: the answers to the player's
own proposals and the new proposals put to them are easy to miss, and a newcomer found their
proposal gone from the board without having seen who refused it. This gathers the two things a
player must act on from the history's lines since their last move: how their proposals were
answered, and what now waits for their answer, with its worth to them. No Textual here.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from game.engine import Action, view_for
from game.engine.records import in_sentence
from game.engine.state import PENDING, State
from game.engine.utility import state_worth_if_agreed
from game.engine.view import View
from game.play import choices
from game.play.board import entries
from game.play.deck_words import own_departure_live
from game.play.history import Chronicle, walk_away_causes
from game.play.moved import Cause, Then, support_moved, trust_moved
from game.ui.format import action_phrase, against, fixed
from game.ui.transcript import meeting_text

LISTED = 3  # proposals waiting for an answer named one by one; more are counted
# the records of a side leaving the table: a walk-out, a boycott, hardliners pulling it out, a card
_GONE = ("walk_out", "boycott", "pulled_out", "left")


def _names(state: State, seats: list[int]) -> str:
    # inside a sentence ("rejected by the armed opposition delegation"): a newcomer read "The" there
    names = [in_sentence(state.scenario.delegations[d].name) for d in seats]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def walk_away_moved(chronicle: Chronicle, start: int, state: State, me: int, then: float) -> Text | None:
    """A line when `me`'s walk-away value is not what it was at their last move: the events and
    agreements that move it do so without a word (game.engine.work.move_walk_away), and every
    worth the table shows is judged against it."""
    now = state.scenario.delegations[me].reservation
    shown, was, where = against(now, then)
    if where == "at":
        return None
    causes = walk_away_causes(chronicle, start, state.scenario, me)
    text = Text(f"  Your walk-away value moved from {was} to ")
    text.append(shown, style="bold")
    text.append(f" ({'; '.join(causes)})" if causes else "")
    more = "more" if where == "above" else "less"
    text.append(f": no deal is worth {more} to you than before, and every offer is judged against it.")
    return text


def _cause(state: State, cause: Cause) -> str:
    """A thing that moved a value, in a few words."""
    names = [d.name for d in state.scenario.delegations]
    if cause.kind == "news":
        return f"the news of round {cause.round}: {', '.join(_quoted(title) for title in cause.news)}"
    if cause.kind == "agreement":
        return f"the agreement on #{cause.proposal}"
    if cause.kind == "own":
        return "your own move"
    if cause.kind == "met":
        return f"{names[cause.actor]} met you"
    assert cause.action is not None
    who = names[cause.actor] if cause.actor >= 0 else cause.action.actor
    return f"{who} {action_phrase(state.scenario, cause.action)}"


def _quoted(title: str) -> str:
    """A card's title quoted, so that several read apart from each other and from the causes
    around them (a title may hold a comma)."""
    return f"“{title}”"


def trust_line(then: Then, log: Sequence[Action], me: int) -> Text | None:
    """A line naming each side whose trust in `me` moved since their last move, from what to what,
    and what moved it (game.play.moved)."""
    moved = trust_moved(then, log, me)
    if not moved:
        return None
    text = Text("  Trust in you moved: ")
    for k, m in enumerate(moved):
        text.append("; " if k else "")
        text.append(f"{then.state.scenario.delegations[m.key].name} {m.before} → {m.after}", style="bold")
        text.append(f" ({'; '.join(_cause(then.state, c) for c in m.causes)})")
    text.append(".")
    return text


def support_line(then: Then, log: Sequence[Action], me: int) -> Text | None:
    """A line when `me`'s support at home moved since their last move (game.play.moved)."""
    moved = support_moved(then, log, me)
    if moved is None:
        return None
    text = Text("  Your support at home moved: ")
    text.append(f"{moved.before} → {moved.after}", style="bold")
    text.append(f" ({'; '.join(_cause(then.state, c) for c in moved.causes)}).")
    return text


def _was_worth(state: State, me: int, chronicle: Chronicle, previous: int, shown: str) -> str:
    """What the author's previous proposal to `me` is worth to `me` now, written to the places of
    `shown` (the new one's worth), where it differs; "" where there is none or it is the same."""
    tabled = chronicle.tabled.get(previous) if previous >= 0 else None
    if tabled is None or me not in tabled.to:
        return ""
    places = len(shown.partition(".")[2]) or 2
    # on the issues still open: an issue agreed since counts as agreed in both, or the agreement
    # read as the author hardening its offer ("its #25 was worth 0.73" of the same terms, a
    # newcomer found, the board saying nothing had changed on its issues)
    still_open = tuple((i, o) for i, o in tabled.package if state.settled[i] < 0)
    was = f"{state_worth_if_agreed(state, me, still_open):.{places}f}"
    return "" if was == shown else was


def _gone_before_answer(chronicle: Chronicle, start: int, state: State, me: int, view: View) -> Text | None:
    """A line naming the offers put to `me` that failed or closed, in the lines from `start` on,
    before `me` had answered them: a newcomer never learnt of three packages the government,
    speaking first, had refused, and so of what the others had offered."""
    # answered at any time: an offer the player accepted on an earlier turn, refused since by
    # another, is not one they never answered
    answered = {line.answered for line in chronicle.lines if line.record.kind == "respond" and line.actor == me}
    refused_by: dict[int, list[int]] = {}
    gone: list[int] = []
    lapsed: set[int] = set()
    for line in chronicle.lines[start:]:
        tabled = chronicle.tabled.get(line.answered)
        if tabled is None or tabled.author == me or me not in tabled.to or line.answered in answered:
            continue
        if line.record.kind == "respond" and not line.accept:
            refused_by.setdefault(line.answered, []).append(line.actor)
        elif line.record.kind in ("failed", "closed", "expired") and line.answered not in gone:
            # an offer left unanswered lapses at the end of the round after it was made: an
            # author passed with one waiting that their yes would have made the agreement, and
            # it vanished without a word
            gone.append(line.answered)
            if line.record.kind == "expired":
                lapsed.add(line.answered)
    if not gone:
        return None
    text = Text("  Put to you, and gone before your answer: ")
    # measured as what waits for an answer is (the walk-away value, or what is agreed), to the
    # places that tell the two apart: "#4 (worth 0.34, ...)" beside a walk-away of 0.34 said
    # nothing of which was the more (a newcomer's)
    agreed = choices.agreed_so_far(view)
    mark, mark_name = (view.own.reservation, "your walk-away") if agreed is None else (agreed, "what is agreed")
    # by number, as the board lists them, not as they went ("#30; #32; #31; #33": a newcomer's)
    for k, pid in enumerate(sorted(gone)):
        tabled = chronicle.tabled[pid]
        worth, marked, where = against(state_worth_if_agreed(state, me, tabled.package), mark)
        if where == "at":
            worth += f", at {mark_name}"
        elif where == "BELOW" or marked != fixed(mark, 2):  # (above it, said where apart only past two places)
            worth += f", {where.lower()} {mark_name} {marked}"
        who = refused_by.get(pid)
        why = f", refused by {_names(state, who)}" if who else ""
        why += ", lapsed unanswered" if pid in lapsed else ""
        text.append(
            ("; " if k else "")
            + f"#{pid} from {in_sentence(state.scenario.delegations[tabled.author].name)} (worth {worth}{why})"
        )
    text.append(".")
    return text


def _gone_how(chronicle: Chronicle, start: int, pid: int) -> str:
    """How proposal `pid` left the table since line `start` where no line of its own says it: an
    agreement settled one of its issues (the others close then), or its author tabled another
    (which withdraws it)."""
    tabled = chronicle.tabled[pid]
    issues = {i for i, _ in tabled.package}
    for line in chronicle.lines[start:]:
        if line.record.kind == "agreement" and line.answered in chronicle.tabled:
            if issues & {i for i, _ in chronicle.tabled[line.answered].package}:
                return f"closed when #{line.answered} settled an issue of it"
        elif line.record.kind == "withdrawn" and line.answered == pid:
            return "withdrawn by its author for a new proposal"
    return "no longer on the table"


def since_last_move(
    chronicle: Chronicle,
    start: int,
    state: State,
    me: int,
    walk_away_then: float | None = None,
    meetings: bool = False,
    trust_then: tuple[Then, Sequence[Action]] | None = None,
) -> list[Text]:
    """The answers to `me`'s proposals in the history's lines from `start` on, a move of `me`'s
    walk-away value since then (`walk_away_then`: what it was at their last move), and the
    proposals now waiting for `me`'s answer, a paragraph each under a heading; nothing when
    there is none of them."""
    mine = {pid for pid, tabled in chronicle.tabled.items() if tabled.author == me}
    # ...and the others' proposals the player said yes to: a newcomer accepted Iran's #4 and no
    # later summary said what became of it (it failed on Turkey's no), nor that the yes stood
    accepted = {
        line.answered
        for line in chronicle.lines[:start]
        if line.record.kind == "respond" and line.actor == me and line.accept
    } - mine
    followed = mine | accepted
    said: dict[int, tuple[list[int], list[int]]] = {}  # proposal -> (accepted by, rejected by)
    why: dict[tuple[int, int], str] = {}  # (proposal, who refused it) -> the reason it gave
    ended: dict[int, str] = {}
    for line in chronicle.lines[start:]:
        if line.answered not in followed:
            continue
        if line.record.kind == "respond" and line.actor != me:
            said.setdefault(line.answered, ([], []))[0 if line.accept else 1].append(line.actor)
            if not line.accept and line.reason:
                why[line.answered, line.actor] = line.reason
        elif line.record.kind in ("failed", "agreement", "closed", "expired"):
            ended[line.answered] = line.record.kind
    open_ = {p.id: p for p in state.proposals}
    lines: list[Text] = []
    # the player's own proposals where someone answered since; one they accepted where anything
    # happened to it since
    for pid in sorted(set(said) | {pid for pid in ended if pid in accepted}):
        yes, rejected = said.get(pid, ([], []))
        if pid in mine:
            text = Text(f"  Your proposal #{pid}: ")
        else:
            author = in_sentence(state.scenario.delegations[chronicle.tabled[pid].author].name)
            text = Text(f"  #{pid} from {author}, which you accepted: ")
        parts = []
        if yes:
            parts.append(f"accepted by {_names(state, yes)}")
        if rejected:
            # with what each said: a newcomer read "rejected by Republic of Turkey" and no why
            parts.append(
                "rejected by "
                + _names(state, rejected)
                + "".join(
                    f" ({state.scenario.delegations[d].name}: {why[pid, d]})"
                    if len(rejected) > 1
                    else f" ({why[pid, d]})"
                    for d in rejected
                    if (pid, d) in why
                )
            )
        text.append("; ".join(parts))
        colon = ": " if parts else ""
        end = ended.get(pid)
        if end == "agreement":
            text.append(f"{colon}agreed.", style="bold green")
        elif end == "failed":
            text.append(f"{colon}it fails.", style="bold")
        elif end == "closed":
            text.append(f"{colon}closed (not every signatory was asked).")
        elif end == "expired":
            text.append(f"{colon}it lapses, not every side having answered.")
        elif pid in open_:
            waiting = sum(r == PENDING for r in open_[pid].responses)
            if pid in accepted and waiting and me in state.scenario.venues[state.venue].signatories:
                # a yes stands until the proposal closes: a newcomer's fallback acceptance became
                # the agreement after they had tabled a better offer
                text.append(f"; {waiting} still to answer (your yes stands: if they agree, it is the deal).")
            else:
                text.append(f"; {waiting} still to answer." if waiting else ".")
        else:
            # gone without an end of its own (a review found such a line ending on nothing)
            text.append(f"{'; ' if parts else ''}{_gone_how(chronicle, start, pid)}.")
        lines.append(text)
    met: list[Text] = []
    for line in chronicle.lines[start:]:
        if line.record.kind == "pressure" and line.other == me:
            # a patron's press moves the player's public position and costs them support: easy to
            # miss among the AI's moves (a newcomer found it only in the transcript)
            lines.append(Text(f"  Pressed: {line.record.text} (your public position moved; it cost you support)"))
        elif meetings and line.record.kind == "meet" and line.other == me:
            # in hot-seat play the shared transcript keeps what a meeting taught each side to
            # itself; alone, its own line had scrolled past: said last, after what waits for an
            # answer (what the turn is for)
            met.append(Text("  ").append_text(meeting_text(state.scenario, view_for(state, me), chronicle, line, True)))
    left = [line.record.text for line in chronicle.lines[start:] if line.record.kind in _GONE and line.actor != me]
    if left:
        # a side that left the table changes what can be agreed: a newcomer learnt of a walk-out
        # from the debrief, the side's row gone from the table without a word
        lines.append(Text("  Gone from the table: " + " ".join(left)))
    moved = None if walk_away_then is None else walk_away_moved(chronicle, start, state, me, walk_away_then)
    if moved is not None:
        lines.append(moved)
    view = view_for(state, me)
    # what waits for the player's answer, then a card that can take them from the table
    lines.extend(t for t in (_waiting(chronicle, state, me, view), _card_threat(view)) if t is not None)
    # after what to act on: whose trust in the player moved, and what moved it (`trust_then`: the
    # table at their last move, and the game's log from the start)
    if trust_then is not None:
        # ...and their support at home, which signing spends
        lines.extend(t for t in (trust_line(*trust_then, me), support_line(*trust_then, me)) if t is not None)
    lines.extend(met)
    # last, what is no longer there to answer (nothing to act on): at 80x24 the transcript shows
    # four lines, and a list of lapsed offers had pushed the trust and support lines out of sight
    # (a newcomer found them only by scrolling)
    gone = _gone_before_answer(chronicle, start, state, me, view)
    if gone is not None:
        lines.append(gone)
    if not lines:
        return []
    return [Text(f"Your turn, round {state.round}. {since_when(chronicle, me)}:", style="bold"), *lines]


def _waiting(chronicle: Chronicle, state: State, me: int, view: View) -> Text | None:
    """The offers waiting for the player's answer, each with its worth and what is said of it."""
    waiting_entries = [e for e in entries(state, me, chronicle) if e.waiting_for_me]
    if not waiting_entries:
        return None
    # measured as the board measures them: against the walk-away value while nothing is agreed,
    # then against what is agreed already (what no further deal leaves the player)
    agreed = waiting_entries[0].agreed
    listed = [
        (entry, against(entry.worth, entry.walk_away if agreed is None else agreed))
        for entry in waiting_entries[:LISTED]
    ]
    # the mark to as many places as the closest worth needed to be told apart from it
    mark = max((figures[1] for _, figures in listed), key=len)
    baseline = f"your walk-away is {mark}" if agreed is None else f"what is agreed already gives you {mark}"
    mark_name = "your walk-away" if agreed is None else "what is agreed"
    text = Text(f"  Waiting for your answer (r, or o for the board; {baseline}): ")
    for k, (entry, (worth, _, where)) in enumerate(listed):
        p = entry.proposal
        text.append(", " if k else "")
        draft = " (a draft)" if p.draft else ""
        text.append(f"#{p.id} from {in_sentence(state.scenario.delegations[p.author].name)}{draft}, worth ")
        text.append(worth, style="bold" if where == "BELOW" else "")
        # what is said of it, in one bracket ("… (your yes makes it the agreement) (its #1 was
        # worth 0.04)" read as two afterthoughts to a playtester)
        notes: list[tuple[str, str]] = []
        if where != "above":
            notes.append((f"{where.lower()} {mark_name}", ""))
        if not choices.still_needs(view, p.id):
            # every other signatory it needs has said yes: a newcomer learnt it from the board
            notes.append(("your yes makes it the agreement", "bold"))
        was = _was_worth(state, me, chronicle, entry.previous, worth)
        if was:
            # an offer that hardens (or softens) round by round is what a player reads to
            # time an answer: the author's last one to them, at the same places
            notes.append((f"its #{entry.previous} was worth {was}", ""))
        for n, (note, style) in enumerate(notes):
            text.append(" (" if n == 0 else "; ")
            text.append(note, style=style)
        text.append(")" if notes else "")
    more = len(waiting_entries) - LISTED
    text.append(f", and {more} more." if more > 0 else ".")
    return text


def _card_threat(view: View) -> Text | None:
    """A card of the deck that can take the player from the table as the next round opens, while
    it can (the brief lists the deck's cards; a newcomer read it, then kept the card live with a
    conciliatory statement and lost the seat to it)."""
    threat = own_departure_live(view)
    if threat is None:
        return None
    card, when, hardline = threat
    text = Text("  A card can take you from the table as a round opens: ", style="bold")
    text.append(f"{_quoted(card.title)}, {when}")  # (no bracket round the "(now 55)" in `when`)
    text.append(". One hardline statement would keep it off." if hardline else ".")
    return text


def since_when(chronicle: Chronicle, me: int) -> str:
    """ "Since your last move", or before a player's first move "Since the talks opened" (which
    read oddly as "your last move" to a player who had not moved yet)."""
    moved = any(line.actor == me for line in chronicle.lines)
    return "Since your last move" if moved else "Since the talks opened"
