"""The AI negotiator.

Its aspiration falls over the venue's time from the best it can get towards its walk-away value,
along the curve of its personality (Boulware holds out, a conceder gives early) and a little
faster when the others concede (reciprocity). It proposes the package that gives the others the
most, as far as it can read them, without going below that aspiration (logrolling: giving on what
matters little to it and much to them), and accepts an offer that beats what it would propose
next, or, as time runs out, anything better than walking away. Around that sit the politics:
patrons press stalling clients, hardliners walk out when support collapses, and a delegation
stays away from a venue whose likely outcome is worth less to it than its walk-away value.
"""

from __future__ import annotations

from dataclasses import replace

from game.ai.answering import mean_trust, say_no, say_yes, signs
from game.ai.bets import best_bet
from game.ai.deck import support_bound, threatening_card
from game.ai.early import early_whole, first_round_hold, refused_at_aim, whole_signed_at_deadline
from game.ai.ground import ground_keeps_us, nothing_more, signing_loses
from game.ai.hazards import card_meeting, gesture_can_wait, provokes_card
from game.ai.holding import aim_noise, answer_offer, hold_bar, planned_offer
from game.ai.idle import concedes_past_refusals, deadline_answers, nothing_to_win, stalemate, tabled_here
from game.ai.levels import DEFAULT_LEVEL, LEVELS, Level
from game.ai.offers import aspiration, proposal
from game.ai.opponent import Beliefs, level_beliefs
from game.ai.politics import (
    SUPPORT_MARGIN,
    concession,
    mediate,
    meet_or_pass,
    meeting,
    pressure,
    pulled_apart,
    should_boycott,
)
from game.ai.reading import (
    PROVOKED_TRUST,
    WALKOUT_TEMPER,
    WALKOUT_TRUST,
    Decision,
    counterparts,
    deadline,
    fallback,
    left_open,
    value_with,
)
from game.ai.repeats import put_to_us
from game.ai.signed import signed_as_much
from game.engine import actions as A
from game.engine.legal import may_draft, may_propose
from game.engine.model import Scenario
from game.engine.records import in_sentence
from game.engine.rng import Rng
from game.engine.state import PENDING, Proposal
from game.engine.view import View

# Support this many times SUPPORT_MARGIN above collapse is more than a side needs at home (see
# secure_at_home): at astana-8 the government starts 62 above it, the opposition 35
_SECURE = 3


def choose(view: View, rng: Rng, level: Level | str = DEFAULT_LEVEL, prior: Scenario | None = None) -> Decision:
    """The next action of the delegation the view belongs to; it must be its turn. `prior` is
    the scenario file as written (its central numbers, never a game's draw): a level that reads
    the file models the others by it."""
    if isinstance(level, str):
        level = LEVELS[level]
    me = view.own
    beliefs = level_beliefs(view, level, prior)
    start = rng.state  # where the generator stood: Level.stalemate_concession replays the move from it
    # this move's noise on our aim, the generator's next number: drawn only where a move reads it
    # (answering and proposing, about half the moves), the generator moved past it either way
    noise_rng = rng.skip()
    # the aspiration (a pure function of the view) is worked out only where a move reads it:
    # answering and proposing, about half the moves
    # the mediator's drafts first, then by number (one proposal or none, as most views hold, is in order)
    proposals = view.proposals if len(view.proposals) < 2 else sorted(view.proposals, key=_answer_order)
    for p in proposals:
        if p.author != view.me and p.response_of(view.me) == PENDING:
            if level.haggles and not p.draft and _first_offer(view):
                # a naive negotiator's rule, whatever the offer is worth: it counters with its
                # own opening, which asks less than the offer it refused often gave it
                return say_no(me.id, p.id, "rejected: we never take the first offer")
            if level.holds_whole_early and not p.draft and left_open(view, p.package) and early_whole(view):
                return say_no(me.id, p.id, "rejected: this early we settle the whole package or nothing")
            if level.holds_whole_to_deadline and not p.draft and whole_signed_at_deadline(view, p.package):
                return say_no(me.id, p.id, "rejected: the whole package can still be signed at the deadline")
            said = answer_offer(view, p, level, beliefs, noise_rng)
            if level.signs_as_signed and not signs(said) and signed_as_much(view, p):
                # the very package of a standing proposal we have signed: refusing it here, for
                # whatever reason, wins nothing our yes there has not given away (game.ai.signed)
                return say_yes(me.id, p.id, "accepted: we have signed as much already")
            return said
    if not view.ap:
        return Decision(A.Pass(me.id), "no action points left")
    guarded = support_bound(view) if level.guards_support else None
    if (level.heads_off and threatening_card(view) is not None) or _guard_now(view, guarded):
        # before the card can come up: a statement lifts our support towards what it needs
        return Decision(A.Statement(me.id, "hardline"), "we must show our own side we will not be taken for granted")
    if view.venue.attendance_optional and view.round == 1 and should_boycott(view, beliefs, level):
        if level.boycotts_by_gain and view.me in view.venue.signatories:
            # the boycott by gain: staying away for the others' deal, not as a protest (politics)
            return Decision(
                A.Boycott(me.id), "the deal the others will make without us suits us better than any we could sign here"
            )
        return Decision(A.Boycott(me.id), "what this congress is likely to give us is worth less than staying away")
    support = view.support[view.me]
    temper = me.personality.temper
    if support <= view.collapse_support + 3 and temper >= 0.7:
        return Decision(A.WalkOut(me.id), "our support at home has all but collapsed: the hardliners have won")
    if (
        may_propose(me.role)
        and temper >= WALKOUT_TEMPER
        and mean_trust(view) < WALKOUT_TRUST
        and not _stays(view, level)
        and not (level.stays_offered and _offered_above(view))
    ):
        return Decision(A.WalkOut(me.id), "there is no one here we can trust to keep their word")
    if support <= view.collapse_support + SUPPORT_MARGIN and not may_draft(me.role):
        return Decision(A.Statement(me.id, "hardline"), "we must reassure our own side")
    if level.leaves_idle_venue and nothing_to_win(view):
        return Decision(A.WalkOut(me.id), "nothing on this table can be worth another round to us")
    if (
        level.leaves_stalemate
        and stalemate(view, level.stalemate_on_repeat, level.stalemate_untabled, level.stalemate_to_deadline)
        and not (level.stalemate_concession and _conceded_now(view))
    ):
        if level.stalemate_concession and deadline_answers(view):
            # the move we would make without the walk-out, from the generator as it stood: where it
            # tables a package conceding past every refusal, the counterpart answers that at its
            # deadline (docs/lab/agents.md, "A concession before the walk-out")
            moved = Rng(start)
            stayed = choose(view, moved, replace(level, leaves_stalemate=False), prior)
            if isinstance(stayed.action, A.Propose) and concedes_past_refusals(
                view, _indices(view, stayed.action.package)
            ):
                rng.state = moved.state
                return stayed
        # stalemate_untabled reads it before we have tabled anything here: nothing of ours refused
        refusal = "they refuse all we offer" if tabled_here(view) else "they put back what we refused"
        return Decision(A.WalkOut(me.id), f"{refusal} and offer nothing worth another round to us")
    provoked = None if level.keeps_temper and secure_at_home(view) else _provoked_by(view, rng)
    if provoked is not None and level.spares_cards and provokes_card(view, provoked):
        # the trust it would cost lets a card of the deck end the venue (game.ai.hazards)
        provoked = None
    if provoked is not None:
        return Decision(
            A.Statement(me.id, "hardline", view.delegations[provoked].id),
            f"we will not stay silent while {in_sentence(view.delegations[provoked].name)} acts in bad faith",
        )
    if may_draft(me.role):
        return mediate(view, beliefs, level, rng)
    if not may_propose(me.role):  # an observer
        return meet_or_pass(view, rng, level)
    open_issues = [i for i in view.agenda if view.settled[i] < 0]
    if not open_issues:
        return Decision(A.Pass(me.id), "nothing left to negotiate here")
    mine = next((p for p in view.proposals if p.author == view.me), None)
    to = tuple([view.delegations[s].id for s in counterparts(view)])
    # a level that does not lead still opens: in a venue's first round it tables its own package
    # at a split table of several we chose to attend, the mediator's text of this round is
    # answered, not competed with (Level.attends_split_table)
    leads = level.leads and not (level.attends_split_table and _answers_text(view, beliefs, open_issues))
    leading = leads or (level.opens and view.round == 1) or not _offered_this_round(view)
    if to and (mine is None or mine.round < view.round) and leading:
        noise = aim_noise(noise_rng)
        aim = aspiration(view, level, noise)  # a pure function of the view: worked out once
        if level.first_round_share > 0 and refused_at_aim(view, aim):
            # having refused an offer worth our aim (first_round_hold), we table no less
            aim = max(aim, first_round_hold(view, level))
        bar = hold_bar(view, level, noise, aim) if level.plans else aim
        if level.reads_ground_to_end:
            # we ask no less than what signing nothing is expected to leave us (game.ai.ground)
            floor = nothing_more(view)
            aim, bar = max(aim, floor), max(bar, floor)
        if level.holds_whole_early and early_whole(view):
            level = replace(level, partial=False, leads_common=False)
        planned = planned_offer(view, beliefs, level, bar) if level.plans else None
        if planned is not None:
            return planned
        if level.bets and view.rules.delay_cost > 0:
            # where waiting is free, a refusal costs nothing and every bet says ask more: in the
            # authoring guide's example (no cost of time) that halved the hard agent's deals
            package, partial = best_bet(view, beliefs, aim, level, noise, rng)
        else:
            package, partial = proposal(view, beliefs, aim, level, rng)
        if partial and level.holds_whole_to_deadline and whole_signed_at_deadline(view, package):
            # the whole package instead (game.ai.early.whole_to_deadline)
            package, partial = proposal(view, beliefs, aim, replace(level, partial=False, leads_common=False), rng)
        ids = tuple([(view.issues[i].id, view.issues[i].options[o].id) for i, o in package])
        if partial:
            left = [in_sentence(view.issues[i].name) for i in left_open(view, package)]
            why = f"what we can settle now, leaving {', '.join(left)} for later"
        else:
            why = "a package we believe the others can live with"
        # we table nothing we would refuse ourselves for what it leaves us (game.ai.ground): an
        # offer the others sign is agreed
        if not (level.reads_ground_to_end and signing_loses(view, package)):
            return Decision(A.Propose(me.id, ids, to), why)
    # a guard makes no gesture that would bring its support back down to the card's bound
    gesture = (
        concession(view, mine.package if mine else (), guarded, level.gestures_when_asked) if level.gestures else None
    )
    if gesture is not None and level.meets_the_card and level.card_before_gesture and gesture_can_wait(view):
        # nobody would see the gesture before the card is drawn at the next round's start, and
        # the meeting does not fit after it (docs/lab/agents.md, "The card before the gesture")
        guarded_meeting = _card_meeting(view)
        if guarded_meeting is not None:
            return guarded_meeting
    if gesture is not None:
        return gesture
    if level.meets_the_card:
        guarded_meeting = _card_meeting(view)
        if guarded_meeting is not None:
            return guarded_meeting
    if level.seeks_meetings:
        bilateral = meeting(view, rng)
        if bilateral is not None:
            return bilateral
    pressing = pressure(view) if level.presses else None
    if pressing is not None:
        return pressing
    return meet_or_pass(view, rng, level)


def _conceded_now(view: View) -> bool:
    """Whether, in the round before the venue's last with the counterpart speaking before us, our
    package of this round stands and concedes past every refusal (Level.stalemate_concession):
    tabled in place of the walk-out, it waits for the counterpart's deadline answer, and walking
    out after it would take it back."""
    if not deadline_answers(view):
        return False
    return any(
        p.author == view.me and p.round == view.round and concedes_past_refusals(view, p.package)
        for p in view.proposals
    )


def _indices(view: View, package: tuple[tuple[str, str], ...]) -> tuple[tuple[int, int], ...]:
    """A package as an action names it (issue and option ids) in the view's indices."""
    at = {issue.id: n for n, issue in enumerate(view.issues)}
    return tuple([(at[i], view.issues[at[i]].option_index(o)) for i, o in package])


def _card_meeting(view: View) -> Decision | None:
    """A meeting with the side whose trust (or ours in it) a card of the deck reads, where it keeps
    the card from ending the venue (Level.meets_the_card; game.ai.hazards.card_meeting)."""
    guard = card_meeting(view)
    if guard is None:
        return None
    return Decision(A.Meet(view.own.id, view.delegations[guard].id), "to keep the talks from breaking down")


def _answer_order(p: Proposal) -> tuple[bool, int]:
    return (not p.draft, p.id)


def _stays(view: View, level: Level) -> bool:
    """Whether a level that reads its ground to the end keeps its seat where its temper would
    walk it out: the rounds left at this venue are expected to lift its walk-away value by more
    than their toll (game.ai.ground.ground_keeps_us), and a walk-out would end them. In
    timed-15 d1 (a random scenario) the hot-tempered seat walked out of both venues, and
    stonewall, sitting on, collected what the deck gave it (docs/lab/agents.md, "Reading the ground to
    the end")."""
    return level.reads_ground_to_end and ground_keeps_us(view)


def _offered_above(view: View) -> bool:
    """Whether we keep our seat where distrust would walk us out (Level.stays_offered): at the
    game's last venue, at a table of two, the latest package the counterpart put to us at this
    venue (answered, or still before us) is worth more to us than what we have if nothing more
    is agreed. The walk-out ends the game at that value; a side that offers us more can still
    sign it in the rounds left, whatever we think of its word (docs/lab/agents.md, "A walk-out
    past an offer")."""
    if view.venues_left or len(counterparts(view)) != 1:
        return False
    latest = put_to_us(view, counterparts(view)[0])
    if not latest:
        return False
    return value_with(view, latest[max(latest)]) > fallback(view) + 1e-9


def _first_offer(view: View) -> bool:
    """Whether an offer put to us now is the first we answer at this venue: in its first round,
    before we have answered anything here. Only the one: refusing every offer of the first round
    cost so much trust at all-easy tables (each refusal lowers the author's trust in us) that
    half of Astana's games ended without a deal (docs/AI.md, "Levels"). Never where we could
    not table the opening the rule counters with: in the closing session, in a venue's last
    round (a one-round venue), without action points, or in a role that may not propose; there
    the refusal would end the venue with nothing (a review found it on a one-round venue)."""
    if view.round != 1 or len(counterparts(view)) != 1:
        return False
    if deadline(view) or not view.ap or not may_propose(view.own.role):
        return False
    return not any(a.who == view.me and a.venue == view.venue_index for a in view.answers)


def _guard_now(view: View, bound: int | None) -> bool:
    """Whether a card that would take us from the table reads our support at or below `bound`
    (game.ai.deck.support_bound), our support is there now, and the statements this turn's
    action points allow would lift it above: one statement at a time, until it is."""
    if bound is None:
        return False
    support = view.support[view.me]
    return support <= bound < support + view.ap * view.rules.hardline_support


def _answers_text(view: View, beliefs: Beliefs, open_issues: list[int]) -> bool:
    """Whether we leave the table to a mediator's text of this round rather than table our own
    package (Level.attends_split_table): at a venue whose attendance is optional, at a table of
    several, where two counterparts pull apart an open issue (politics.pulled_apart). At
    dayton-1995 and harbour-contract, where attendance is required, answering the text at every
    table of several cost Bosnia 0.0027 ± 0.0016, Croatia 0.0016 ± 0.0011 and the union 0.0033 ±
    0.0012 (docs/lab/agents.md, "The heaviest issue at the last venue")."""
    if not view.venue.attendance_optional or len(counterparts(view)) < 2:
        return False
    if not any(p.draft and p.author != view.me and p.round == view.round for p in view.proposals):
        return False
    return bool(pulled_apart(view, beliefs, open_issues))


def _offered_this_round(view: View) -> bool:
    """Whether someone else has put an offer or a text on the table this round: a level that
    does not lead (easy) answers it and waits rather than tabling its own package."""
    return any(p.author != view.me and p.round == view.round for p in view.proposals)


def secure_at_home(view: View) -> bool:
    """Whether our support stands so far above collapse that we need none of what an outburst
    buys. A hardline statement at the side we trust least buys support at home, at the price of
    that side's trust in us and of the talks' momentum; a side with support to spare pays that
    price for nothing, and the trust it costs raises the margin that side asks of every offer
    before it signs with us (answer's margin). At astana-8 the government's outbursts at the
    opposition cost the hard agent 0.027 a game (docs/AI.md, "Keeping one's temper")."""
    return view.support[view.me] - view.collapse_support > _SECURE * SUPPORT_MARGIN


def _provoked_by(view: View, rng: Rng) -> int | None:
    """A hot temper answers bad faith in public, now and then: the least trusted counterpart."""
    me = view.own
    if not may_propose(me.role) or me.personality.temper < 0.5:
        return None
    if view.ap < view.venue.action_points:
        return None  # one outburst a turn at most, before anything else is done with it
    others = counterparts(view)
    if not others:
        return None
    worst = min(others, key=lambda s: (view.my_trust[s], s))
    trust = view.my_trust[worst]
    if trust >= PROVOKED_TRUST:
        return None
    return worst if rng.random() < me.personality.temper * (PROVOKED_TRUST - trust) / PROVOKED_TRUST else None
