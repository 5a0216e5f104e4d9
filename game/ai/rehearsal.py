"""The hard agent's rehearsal: before its first move it plays the talks through in its head, in
each of its styles, and keeps the style that did best.

Every rule of the hard level was found on some tables and pays there; on tables no rule was tuned
on, the same rule can cost (docs/AI.md, "On tables no rule was tuned on": switching off its bets
gains +0.23 over 47 seats of one set of random tables and loses -0.76 over 45 of another). A
rule's worth depends on the table, so the agent tries its styles on the table it sits at:

- it plays up to FURTHEST games of the scenario in each style (fewer where a style falls behind
  or one is clearly ahead: `rehearse`), the normal agent in every other seat, each game's
  preferences drawn from the scenario's central values and spreads as a real game draws them
  (the public file: `peacetalks analyze` prints the same numbers), never the real game's draw,
  which it cannot see;
- it scores each game as the tournaments do (its utility of the outcome less its walk-away value
  in that game);
- it keeps its full style unless another does better over the same games by more than MARGIN
  standard errors of the paired difference: a style ahead by luck alone stays unused.

The choice is a function of the scenario and the seat alone (the rehearsal's seeds come from the
scenario's own hash), so it is the same in every game of that scenario, on every machine, and a
process works it out once; for the bundled scenarios it ships worked out (game.ai.book).
docs/lab/agents.md, "A rehearsal before the first move", "The rehearsal's third stage" and "The
rehearsal's fourth stage", have the figures that chose the styles, the number of games and the
margin.
"""

from __future__ import annotations

import hashlib
import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import partial
from typing import TypeVar

from game.ai.agent import Chooser
from game.ai.book import booked
from game.ai.driver import agent_rng, applied, take
from game.ai.levels import LEVELS, Level
from game.ai.negotiator import choose
from game.ai.reading import Decision
from game.ai.selfplay import play
from game.ai.strategies import STRATEGIES, EdgeOfZone
from game.ai.strategies.edge import FIRM
from game.ai.strategies.library import (
    AcceptAboveWalkaway,
    ConcedeAll,
    CopyLast,
    GiveAway,
    IdealThenFold,
    WalkOut,
)
from game.engine import Action, State, new_game, view_for
from game.engine.hashing import play_text
from game.engine.model import Scenario
from game.engine.rng import MASK, Rng, mix
from game.engine.types import draw_types
from game.engine.utility import outcome_utility
from game.engine.view import View
from game.stats import mean as _mean
from game.stats import paired

FIRST = 4  # games every style plays before those clearly behind the full style drop out
# paired standard errors behind the full style that drop a style after FIRST games (-0.5 until
# session 46: edge, behind by 0.58 SE after 4 games at sochi-congress's Turkey, is ahead of the full
# style there over 300; docs/lab/agents.md, "The first stage's bound")
BEHIND = -1.5
REHEARSALS = 16  # games a style not clearly behind after FIRST plays (12 let luck choose a bundled seat)
ONWARD = 0.2  # its paired lead after REHEARSALS games, in standard errors, to play on to LONGER
LONGER = 48  # games a style still in reach of the margin plays (gains of 0.03-0.04 need them)
FURTHER = 1.0  # its paired lead after LONGER games, in standard errors, to play on to LONGEST
LONGEST = 96  # games a style near the margin after LONGER plays (leads of 0.02 need them)
BEYOND = 1.5  # its paired lead after LONGEST games, in standard errors, to play on to FURTHEST
FURTHEST = 192  # games a style near the margin after LONGEST plays, where none passed it there
MARGIN = 2.0  # standard errors a style must beat the full one by (below 2, luck chose at some tables)
OTHERS = "normal"  # the level the rehearsal sets in every other seat, as the tournaments do


# The curve exponents of the paced styles: t ** (1 / exponent) of the time gone is how far the
# aim has come down from the best possible towards walking away (game.ai.offers.aspiration), so
# below a personality's own (boulware 0.3, linear 1, conceder 3) the style holds out longer, and
# above it gives ground sooner.
PACES = (0.5, 4.0)


def _paced(level: Level, exponent: float) -> Level:
    """The level conceding on this curve whatever its personality's (Level.temper_curve)."""
    return replace(level, name=f"{level.name} on curve {exponent:g}", temper_curve=exponent)


def _reading_the_file(level: Level) -> Level:
    """The level with its model of the others read from the file's central numbers."""
    return replace(level, name=f"{level.name} reading the file", reads_file=True)


def _without(level: Level, fields: tuple[str, ...]) -> Level:
    """The level with these rules set as the normal level has them."""
    normal = LEVELS["normal"]
    return replace(level, name=f"{level.name} without {', '.join(fields)}", **{f: getattr(normal, f) for f in fields})


# edge leaving the others a firm margin in every round (game.ai.strategies.edge.FIRM): a style, not
# a strategy of the library
FIRM_EDGE = f"edge at {FIRM:g}"

# A style is a level's rules, or a strategy of the library by name (one that needs no arguments:
# not wait-nash, which takes the analysis's packages). The styles share a rehearsal game's moves
# for as long as they agree, each with a player of its own for the game (`player`).
Style = Level | str


# Per level that rehearses, its styles, the first its full one. The rule left out in the second
# is the one whose worth swung most between sets of tables (docs/AI.md, "On tables no rule was
# tuned on"): the bets, an opening the acceptance estimate picks, which some tables refuse. The
# normal agent is the third: where reading the others goes wrong at a table, plain play does
# better there. The fourth holds its ideal and refuses everything until the last round, then
# takes anything above walking away: at some tables the others give way to a side that never
# moves (ideal-then-fold was the library strategy ahead of hard in most seats where one was).
# The fifth and sixth are the library strategies that were ahead of hard where none of the first
# four was (docs/lab/agents.md, "The rehearsal's third stage"): staying away, where the others' deal
# without this side suits it better than any it could sign (a boycott where attendance is
# optional, else a walk-out, which leaves it its walk-away value before the rounds take their
# toll); and taking any offer above walking away without proposing, where holding out costs
# more in delay than it wins. The last two were the strategies still ahead of hard on other
# tables with those six (docs/lab/agents.md, "Copy-last and concede-all as styles"): tabling back
# the last offer put to it, where the others' own package is the one that passes (a strategy
# with a memory: each game of the rehearsal gives each style a player of its own, `player`);
# and conceding a step on every position each turn, where moving first and in public pays. The
# ninth tables what the others ask for and accepts everything: at a table where what they ask is
# what suits this side too, it was ahead of hard by +0.19 (docs/lab/agents.md, "Copy-last and
# concede-all as styles"). The tenth reads the file's published numbers and asks, round by round,
# its best package that leaves the others a margin over their walk-away values, the margin
# shrinking to nothing at the deadline (a fair offer early, a harder one as time passes): an outside tester's strategy of that kind was ahead of
# hard by +0.10 in sochi-congress's government seat (docs/lab/agents.md, "Edge of the zone").
# The next two are the full style at other paces of concession, the
# oldest lever of bargaining: where the table gives way to a side that holds out, or rewards
# one that moves early, every rule of the full style plays on with the aim coming down more
# slowly or sooner (docs/lab/agents.md, "Paced styles"). The last is the full style with its
# model of the others read from the file's published numbers rather than from their positions
# and offers: where the others' stated positions mislead (a side silent on an issue it weighs,
# one asking far more than it needs), the file's numbers are the better reading; where the table
# moves away from them, the frequency model follows it (docs/lab/agents.md, "Reading the file").
# And edge again with a firm margin of FIRM in every round: at a campaign whose first venue is
# short, edge's margin, generous early, gives away what a firm one keeps (docs/lab/agents.md, "A
# firm edge").
STYLES: dict[str, tuple[Style, ...]] = {
    "hard": (
        LEVELS["hard"],
        _without(LEVELS["hard"], ("bets",)),
        LEVELS["normal"],
        IdealThenFold.name,
        WalkOut.name,
        AcceptAboveWalkaway.name,
        CopyLast.name,
        ConcedeAll.name,
        GiveAway.name,
        EdgeOfZone.name,
        *(_paced(LEVELS["hard"], exponent) for exponent in PACES),
        _reading_the_file(LEVELS["hard"]),
        FIRM_EDGE,
    ),
}


def style_name(style: Style) -> str:
    return style.name if isinstance(style, Level) else style


def player(style: Style, scenario: Scenario | None = None) -> Chooser:
    """A style's chooser for one game: its level's `choose`, or a fresh object of its strategy,
    which may remember the game it plays (copy-last remembers the last offer put to it); edge
    and a level that reads the file (Level.reads_file) read `scenario`, the file's published
    numbers."""
    if isinstance(style, Level):
        return partial(choose, level=style, prior=scenario)
    if style == EdgeOfZone.name:
        return EdgeOfZone(scenario).choose
    if style == FIRM_EDGE:
        return EdgeOfZone(scenario, firm=FIRM).choose
    return STRATEGIES[style]().choose


@dataclass(frozen=True)
class Choice:
    """What a rehearsal found for one seat: the style kept, and every style's scores."""

    style: Style
    # per style of STYLES[kind], its surplus in each game it played: every style plays the first
    # FIRST games, those not clearly behind the full style there play on to REHEARSALS, those
    # ahead by more than ONWARD standard errors then play on to LONGER, and those ahead by more
    # than FURTHER then play on to LONGEST, unless the choice is made at an earlier stage
    # (`_settled`)
    scores: tuple[tuple[float, ...], ...]


def pick(scores: list[list[float]], margin: float = MARGIN) -> int:
    """The style to keep, from each style's surplus game by game over the same games (the first
    is the full style): the best mean among the styles ahead of the full one by more than
    `margin` paired standard errors; the full style if none is."""
    best, best_mean = 0, _mean(scores[0])
    for k in range(1, len(scores)):
        if _lead(scores[k], scores[0]) > margin and _mean(scores[k]) > best_mean:
            best, best_mean = k, _mean(scores[k])
    return best


def seeds(scenario: Scenario, games: int = REHEARSALS) -> list[int]:
    """The rehearsal's game seeds: from what the scenario is played by (`play_text`), so the
    same scenario always rehearses the same games, however its file is laid out and whatever its
    texts say (an author's rewording changed the games, and so, between close styles, the
    choice), apart from the seeds a run of games counts from 0."""
    digest = hashlib.sha256(f"rehearsal\0{play_text(scenario)}".encode()).digest()
    base = int.from_bytes(digest[:8], "big")
    return [mix((base + i) & MASK) >> 1 for i in range(games)]


# The largest table the hard agent rehearses, in units of play a game (turns a game x delegations
# squared, as a scenario's tests are bounded: game.scenario.expect): astana-to-sochi, the largest
# bundled table, is 11,374, and a rehearsal there takes up to ten seconds a seat.
REHEARSAL_WORK_MAX = 20_000


def game_work(scenario: Scenario) -> int:
    """A game's units of play: its turns (every venue's rounds x the delegations that speak) x
    the delegations squared."""
    n = len(scenario.delegations)
    return sum(v.rounds * len(v.turn_order) for v in scenario.venues) * n * n


def rehearse(scenario: Scenario, seat: int, kind: str = "hard", games: int = FURTHEST) -> Choice:
    """Play the scenario in each style of `kind` in `seat` (the others normal) and choose.
    `scenario` must be the file's (central values), never a game's draw.

    The games come in five stages, and after each the styles with no chance left stop:
    - every style plays the first FIRST games; a style behind the full one there by more than
      one and a half paired standard errors (BEHIND), or scoring the same in each game, is
      dropped. Four games say little: a style dropped because it was behind by any amount, or
      by half a standard error, was at some tables ahead by a few hundredths over 300 games
      (docs/lab/agents.md, "The rehearsal's fourth stage", "The first stage's bound");
    - the rest play on to REHEARSALS; a style ahead of the full one by ONWARD paired standard
      errors or less is dropped: to pass the MARGIN at LONGEST games its lead in standard errors
      would have to grow fivefold, where a lead that holds grows by the square root of six
      (2.4). If a style left is past the MARGIN and none left has a better mean (`_settled`),
      `pick` chooses there;
    - the rest play on to LONGER; a style ahead by FURTHER standard errors or less is dropped (its
      lead would have to double by LONGEST, where one that holds grows by the square root of two,
      1.4), and again `pick` chooses there if `_settled` says so;
    - the rest play on to LONGEST, and `pick` chooses over the games they all played;
    - where that keeps the full style, the styles ahead of it by more than BEYOND standard errors
      play on with it to FURTHEST (`games`), and `pick` chooses again over those games. At
      sochi-congress's government seat copy-last was ahead by 0.018 ± 0.010 after 96 games (1.8
      standard errors) and by 0.031 ± 0.007 over 300 others: a lead of 0.02-0.03 shows past the
      margin only after about 200 games (docs/lab/agents.md, "The rehearsal's fifth stage").
    A choice made at a stage stands: more games would only test it against luck again. A
    style's lead of a few hundredths, which decides whether a library strategy beats the agent
    at a table, shows only past 16 games, and one of 0.02 only past 48 (docs/lab/agents.md,
    "The rehearsal's third stage", "The rehearsal's fourth stage")."""
    styles = STYLES[kind]
    if game_work(scenario) > REHEARSAL_WORK_MAX:
        # a table this large would take minutes to rehearse, seat after seat (a tester's 30
        # delegations and 30 issues took half a minute a seat before its first move): its full style
        return Choice(styles[0], ())
    every = seeds(scenario, games)
    scores: list[list[float]] = [[] for _ in styles]
    playing = list(range(len(styles)))
    for start, stop in ((0, FIRST), (FIRST, REHEARSALS), (REHEARSALS, LONGER), (LONGER, min(games, LONGEST))):
        batch = every[start:stop]
        if not batch:
            break
        own = [k for k in playing if style_name(styles[k]) != OTHERS]
        for k, played in zip(own, _styled(scenario, seat, [styles[k] for k in own], batch), strict=True):
            scores[k].extend(played)
        if any(style_name(styles[k]) == OTHERS for k in playing):  # the normal agent in this seat
            scores[styles.index(LEVELS[OTHERS])].extend(s[seat] for s in _all_others(scenario, batch))
        if stop <= FIRST:
            playing = [
                0,
                *(k for k in playing[1:] if _standing(scores[k], scores[0]) > BEHIND and scores[k] != scores[0]),
            ]
        else:
            least = ONWARD if stop <= REHEARSALS else FURTHER
            playing = [0, *(k for k in playing[1:] if _lead(scores[k], scores[0]) > least)]
        # a style dropped here can never pass the margin (its lead is FURTHER or less), so the
        # styles that play on decide whether the choice can be made now
        if len(playing) == 1 or (stop >= REHEARSALS and _settled([scores[k] for k in playing])):
            break
    chosen = playing[pick([scores[k] for k in playing])]
    near = [k for k in playing[1:] if len(scores[k]) == LONGEST and _lead(scores[k], scores[0]) > BEYOND]
    if chosen == 0 and near and games > LONGEST:
        # none passed the margin, and some are within reach of it: on with the full style
        own = [0, *near]
        for k, played in zip(own, _styled(scenario, seat, [styles[k] for k in own], every[LONGEST:games]), strict=True):
            scores[k].extend(played)
        chosen = own[pick([scores[k] for k in own])]
    return Choice(styles[chosen], tuple(tuple(s) for s in scores))


def _settled(scores: list[list[float]]) -> bool:
    """Whether the rehearsal can choose now, from the scores of the styles that would play on
    (the full style first): a style is past the margin, and none of them has a better mean (one
    that has not passed the margin yet may still: at timed-273 d1 the style without bets passed
    it after 16 games, and walk-out, ahead of it on the mean, is +0.043 better over 300)."""
    best = pick(scores)
    return best != 0 and _mean(scores[best]) >= max(_mean(s) for s in scores)


def _standing(style: Sequence[float], full: Sequence[float]) -> float:
    """A style's mean difference from the full style in the games it played, in paired standard
    errors: below 0 where it is behind (infinite where the standard error is 0, ahead or behind
    by the same amount in every game; 0 where it scores the same in every game)."""
    d, se = paired(style, full)
    if se > 0:
        return d / se
    return math.copysign(math.inf, d) if d else 0.0


def _lead(style: Sequence[float], full: Sequence[float]) -> float:
    """A style's lead over the full style in paired standard errors (0 where it is not ahead)."""
    return max(0.0, _standing(style, full))


def _styled(scenario: Scenario, seat: int, styles: list[Style], game_seeds: list[int]) -> list[list[float]]:
    """Per style, its surplus in each game. The styles play one game together for as long as they
    make the same moves (the same state, the same generator: the same game), and it forks where
    they differ: each style's result is exactly that of its own game, at the cost of the moves
    that differ (the full style and the one without bets agree in most games)."""
    scores = [[0.0] * len(game_seeds) for _ in styles]
    for i, seed in enumerate(game_seeds):
        # a player per style and game: a fork's styles are its own, so each player sees exactly
        # the moves of its own game
        players = [player(style, scenario) for style in styles]
        walkaway = draw_types(scenario, seed).delegations[seat].reservation
        start, _ = new_game(scenario, seed)
        forks: list[tuple[State, tuple[int, ...]]] = [(start, tuple(range(len(styles))))]
        while forks:
            state, group = forks.pop()
            while not state.over:
                if state.actor != seat:
                    state = take(state, choose)[1]
                    continue
                moves: dict[Action, list[int]] = {}
                # one view for every style: a decision's pure questions of its view are remembered
                # for the last view asked (game.ai.reading.view_memo), so the styles that read the
                # table alike (the full style and the one without bets) work them out once
                view = view_for(state, seat)
                for k in group:
                    moves.setdefault(players[k](view, agent_rng(state)).action, []).append(k)
                if len(moves) > 1:
                    forks.extend((applied(state, action)[2], tuple(ks)) for action, ks in moves.items())
                    break
                state = applied(state, next(iter(moves)))[2]
            else:
                for k in group:
                    scores[k][i] = outcome_utility(state, seat) - walkaway
    return scores


def _all_others(scenario: Scenario, batch: list[int]) -> list[tuple[float, ...]]:
    """Every seat's surplus in the games of these seeds with the normal agent everywhere: the
    normal style's scores, the same games for every seat, so played once a scenario."""
    key = _key(scenario)
    with _lock:
        known = dict(_normal_games[key][1]) if key in _normal_games else {}
    for seed in batch:
        if seed not in known:
            state = play(scenario, seed).state
            drawn = draw_types(scenario, seed).delegations
            known[seed] = tuple(outcome_utility(state, d) - drawn[d].reservation for d in range(len(drawn)))
    with _lock:
        _normal_games[key] = (scenario, known)
        _normal_games.move_to_end(key)
        _trim(_normal_games)
    return [known[seed] for seed in batch]


_CACHED = 256  # entries a cache keeps (a tournament or a game plays one scenario: a few seats)
_lock = threading.Lock()  # the interface rehearses in a worker thread
_choices: OrderedDict[tuple[object, ...], tuple[Scenario, Choice]] = OrderedDict()
_normal_games: OrderedDict[tuple[object, ...], tuple[Scenario, dict[int, tuple[float, ...]]]] = OrderedDict()
_underway: dict[tuple[object, ...], threading.Event] = {}  # the seats a thread is rehearsing now
_elsewhere: set[tuple[object, ...]] = set()  # those of them other processes rehearse (`elsewhere`)


def _key(scenario: Scenario) -> tuple[object, ...]:
    """A scenario read from a file is known by its bytes' hash, so loading it again finds the
    choice; one built in memory (no hash) by its identity (the cache holds it, so the id stays
    its own)."""
    return (scenario.content_hash, scenario.id) if scenario.content_hash else ("", id(scenario))


_V = TypeVar("_V")


def _trim(cache: OrderedDict[tuple[object, ...], _V]) -> None:
    while len(cache) > _CACHED:
        cache.popitem(last=False)


class Abandoned(Exception):
    """The game that asked for a seat's choice was closed before it had one (`choice`'s
    `given_up`): nothing was rehearsed for it."""


def choice(scenario: Scenario, seat: int, kind: str = "hard", given_up: Callable[[], bool] | None = None) -> Choice:
    """The rehearsal's choice for a seat, worked out once a process. A second thread that asks
    for a seat being rehearsed waits for that rehearsal rather than playing it again (the
    interface rehearses every AI seat ahead while the player reads, and a seat's first move may
    come before its rehearsal is done). Where `given_up()` says the game that asks is gone, it
    raises Abandoned rather than rehearse here: a closed game's first move, woken by the cancel
    that killed the workers rehearsing for it, had the process wait at exit for a whole
    rehearsal nobody would use."""
    key = (*_key(scenario), seat, kind)
    while True:
        with _lock:
            if key in _choices:
                _choices.move_to_end(key)
                return _choices[key][1]
            underway = _underway.get(key)
            if underway is None:
                if given_up is not None and given_up():
                    raise Abandoned
                underway = _underway[key] = threading.Event()
                break
        underway.wait()  # then the choice is known, unless that rehearsal failed: try it here
    try:
        found = rehearse(scenario, seat, kind)
        with _lock:
            _choices[key] = (scenario, found)
            _trim(_choices)
        return found
    finally:
        with _lock:
            del _underway[key]
        underway.set()


def signs(scenario: Scenario, seat: int) -> bool:
    """Whether the seat signs at some venue: only a signatory rehearses (`Rehearsed.prepare`)."""
    return any(seat in venue.signatories for venue in scenario.venues)


def pending(scenario: Scenario, seats: Mapping[int, str]) -> list[tuple[int, str]]:
    """The (seat, kind) of these seats, by the kind that plays each, that will rehearse before
    their first move: a level that rehearses, at a signatory seat, neither in the book nor
    worked out in this process yet."""
    with _lock:
        known = set(_choices)
    return [
        (seat, kind)
        for seat, kind in sorted(seats.items())
        if kind in STYLES and signs(scenario, seat) and _booked(scenario, seat, kind) is None
        if (*_key(scenario), seat, kind) not in known
    ]


def remember(scenario: Scenario, seat: int, kind: str, found: Choice) -> None:
    """A choice another process worked out for this seat, kept as this process's own (so that
    processes forked from this one find it): its style is the level's own object again, as
    `choice` gives it, not the copy a pipe brought back. A thread waiting for it (`elsewhere`)
    goes on."""
    style = _named(kind, style_name(found.style))
    assert style is not None, found.style  # a style of this very code, from a worker started from it
    key = (*_key(scenario), seat, kind)
    with _lock:
        _choices[key] = (scenario, Choice(style, found.scores))
        _trim(_choices)
        waiting = _underway.pop(key) if key in _elsewhere else None
        _elsewhere.discard(key)
    if waiting is not None:
        waiting.set()


@contextmanager
def elsewhere(scenario: Scenario, todo: Sequence[tuple[int, str]]) -> Iterator[None]:
    """These (seat, kind) are being rehearsed in other processes for this one (game.sim.rehearsers):
    meanwhile a thread that asks for one (`choice`: the interface's seat at its first move) waits
    for `remember` rather than rehearsing it a second time. One left unknown when this ends (the
    other process failed, or the work was cancelled) is released: the thread asking rehearses it."""
    keys = []
    with _lock:
        for seat, kind in todo:
            key = (*_key(scenario), seat, kind)
            if key not in _choices and key not in _underway:
                _underway[key] = threading.Event()
                _elsewhere.add(key)
                keys.append(key)
    try:
        yield
    finally:
        with _lock:
            left = [_underway.pop(key) for key in keys if key in _elsewhere]
            _elsewhere.difference_update(keys)
        for waiting in left:
            waiting.set()


def _booked(scenario: Scenario, seat: int, kind: str) -> Style | None:
    """The style the book of the bundled scenarios holds for the seat (game.ai.book), if any."""
    name = booked(scenario, seat, kind)
    return None if name is None else _named(kind, name)


def _named(kind: str, name: str) -> Style | None:
    """The style of `kind` by its name, the object itself (None for a name it has not)."""
    return next((style for style in STYLES[kind] if style_name(style) == name), None)


class Rehearsed:
    """A seat played at a level that rehearses: on its first move it rehearses (or finds the
    choice made), then plays the style kept, move by move, as `choose` plays that level."""

    def __init__(self, scenario: Scenario, kind: str = "hard") -> None:
        self.scenario = scenario
        self.kind = kind
        self.style: Style | None = None
        self._play: Chooser | None = None  # the style's player for this game, from its first move

    def prepare(self, seat: int, given_up: Callable[[], bool] | None = None) -> Style:
        """The style kept for the seat: the book's for a bundled scenario (game.ai.book), else
        rehearsed on the first call (the interface may call this from two threads at once: both
        get the one choice, game.ai.rehearsal.choice, which raises Abandoned where `given_up()`
        says the game is gone)."""
        if self.style is None:
            if signs(self.scenario, seat):
                self.style = (
                    _booked(self.scenario, seat, self.kind) or choice(self.scenario, seat, self.kind, given_up).style
                )
            else:
                # a delegation that signs nothing: what it gains is the signatories' doing, and
                # the rehearsal's styles were measured in signatory seats only
                self.style = STYLES[self.kind][0]
        return self.style

    def __call__(self, view: View, rng: Rng) -> Decision:
        if self._play is None:  # the game's moves are asked for one at a time, in one thread
            self._play = player(self.prepare(view.me), self.scenario)
        return self._play(view, rng)
