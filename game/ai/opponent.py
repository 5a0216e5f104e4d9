"""What an agent believes of another delegation's preferences, from what is public.

A frequency model in the manner of the ANAC agents, fed by what the room sees: the options a
delegation puts in its own proposals (an issue on which it never varies matters to it), the
packages it accepts and rejects, its public position (near it is good for it), and, exactly,
what a bilateral meeting revealed of its weights.

`consistency` says how far a side's own offers bear out the positions it states; a reader of
deeds (the hard level's `reads_deeds`) takes a side whose offers contradict them as misread by
that model (`Beliefs.misread`), and game.ai.planning then weighs what that side refused over what
the model reads into its positions.

An issue a side states no position on is weighed at zero, unless (for a reader of stakes, the
hard level's `reads_stakes`) the side's own answers show it cares: see Beliefs._shown_stakes.
"""

from __future__ import annotations

from functools import lru_cache
from operator import getitem, is_

from game.ai.levels import Level
from game.engine.model import Scenario
from game.engine.view import View


class Beliefs:
    """Estimated weights and values of every delegation, as seen by one viewer."""

    def __init__(
        self,
        view: View,
        learns: bool,
        deeds: bool = False,
        refusals: bool = False,
        stakes: bool = False,
        table_refusals: bool = False,
        prior: Scenario | None = None,
    ) -> None:
        self.view = view
        self.learns = learns
        # whether an issue a side states no position on is weighed where the side's own answers
        # show it cares (see shown_stakes; the level's reads_stakes): else it is weighed at zero
        self.stakes = stakes and learns
        # whether misread() may say yes: the reader weighs what a side did over what it states
        self.deeds = deeds
        # whether a plan reads a side's floor from the refusals its model of that side cannot
        # explain (game.ai.planning.read_sides; the hard level's reads_refusals)
        self.refusals = refusals
        # ...and at a table of several, from a side's refusals of one of our own packages in two
        # rounds (the hard level's reads_table_refusals)
        self.table_refusals = table_refusals
        n = len(view.delegations)
        self._weights: list[tuple[float, ...] | None] = [None] * n
        # per delegation and issue: weight * value of each option (see utility)
        self._rows: list[tuple[tuple[float, ...], ...] | None] = [None] * n
        # per delegation: its value table of every issue (see _tables)
        self._by_who: list[tuple[tuple[float, ...], ...] | None] = [None] * n
        if prior is not None:
            # a reader of the file (Level.reads_file): every other side is read by its published
            # central numbers, the same in each decision, with what meetings revealed of its weights
            for who, (weights, tables, rows) in enumerate(_read_from(prior, view.learned)):
                if who != view.me:
                    self._weights[who], self._by_who[who], self._rows[who] = weights, tables, rows

    def misread(self, who: int) -> bool:
        """Whether, to a reader of deeds, this model misreads `who`: its own offers contradict
        the positions it states (see consistency), and the model reads a side mostly from those."""
        return self.deeds and consistency(self.view, who) < CONSISTENT

    def value(self, who: int, issue: int, option: int) -> float:
        return self._tables(who)[issue][option]

    def weight(self, who: int, issue: int) -> float:
        weights = self._weights[who]
        if weights is None:
            weights = self._weights[who] = self._estimate_weights(who)
        return weights[issue]

    def weights_of(self, who: int) -> tuple[float, ...]:
        """Its estimated weight of every issue: weight(who, i) for each issue i."""
        weights = self._weights[who]
        if weights is None:
            weights = self._weights[who] = self._estimate_weights(who)
        return weights

    def tables_of(self, who: int) -> tuple[tuple[float, ...], ...]:
        """Its estimated value of every option of every issue: tables_of(who)[i][o] is value(who, i, o)."""
        return self._tables(who)

    def _estimate_values(self, who: int, issue: int) -> tuple[float, ...]:
        view = self.view
        n = len(view.issues[issue].options)
        position = view.positions[who][issue]
        if not self.learns:
            return _values_by_position(n, position)
        return _values_learnt(position, view.offered[who][issue], view.accepted[who][issue], view.rejected[who][issue])

    def _estimate_tables(self, who: int) -> tuple[tuple[float, ...], ...]:
        """_estimate_values of every issue in turn, in one loop over the delegation's rows (a
        counterpart's tables are read afresh after each of its public moves)."""
        view = self.view
        if not self.learns:
            return tuple([self._estimate_values(who, i) for i in range(len(view.issues))])
        # _values_learnt reads an issue's size from its offered row (a count per option). Called
        # by map, from C, issue by issue: the four rows hold one entry per issue by construction
        # of the state's tables, so map ends where zip(strict=True) ended; a comprehension that
        # unpacked them cost bytecodes per issue at every miss (docs/lab/speed.md, "An eighteenth
        # pass")
        return tuple(
            map(_values_learnt, view.positions[who], view.offered[who], view.accepted[who], view.rejected[who])
        )

    def _estimate_weights(self, who: int) -> tuple[float, ...]:
        view = self.view
        # what meetings revealed of it: nothing, in most views (the empty tuple either way)
        known = (
            tuple([(i, w) for subject, i, w in view.learned if subject == who]) if self.learns and view.learned else ()
        )
        # remembered by the identity of its rows, as the value tables are (see _tables), and
        # by value below: hashing the offered table for the cache's key cost more than a lookup
        rows: tuple[object, ...] = (view.issues, view.positions[who], view.offered[who])
        if self.stakes:
            rows = (*rows, view.answers, view.accepted[who], view.rejected[who])
        key = (self.learns, known, *map(id, rows))
        hit = _weight_rows.get(key)
        if hit is not None and all(map(is_, hit[0], rows)):
            return hit[1]
        shown = self._shown_stakes(who, known) if self.stakes else ()
        weights = _weights(len(view.issues), known, view.positions[who], view.offered[who], self.learns, shown)
        if len(_weight_rows) >= _TABLES_KEPT:
            _weight_rows.clear()
        _weight_rows[key] = (rows, weights)
        return weights

    def _shown_stakes(self, who: int, known: tuple[tuple[int, float], ...]) -> tuple[int, ...]:
        """The issues `who` states no position on (and no meeting revealed) whose weight its own
        answers show: it took, or tabled, one package and refused another at the same venue no
        earlier, the two settling the same issues; so it prefers the first (its bar only falls
        within a venue). Where the issues it states positions on do not explain that preference
        (their weighed values, as the model reads them, favour the refused package or neither),
        the unstated issues on which the two differ must: it is not indifferent to them."""
        view = self.view
        positions = view.positions[who]
        learnt = {i for i, _ in known}
        unstated = {i for i in range(len(view.issues)) if positions[i] < 0 and i not in learnt}
        if not unstated:
            return ()
        refused = [a for a in view.answers if a.who == who and not a.accepted]
        if not refused:
            return ()
        liked = [a for a in view.answers if (a.who == who and a.accepted) or a.author == who]
        if not liked:
            return ()
        base = _weights(len(view.issues), known, positions, view.offered[who], self.learns, ())
        tables = self._tables(who)
        shown: set[int] = set()
        for no in refused:
            against = dict(no.package)
            for yes in liked:
                if yes.venue != no.venue or yes.round > no.round or len(yes.package) != len(no.package):
                    continue
                took = dict(yes.package)
                if took.keys() != against.keys():
                    continue
                differ = [i for i in took if took[i] != against[i]]
                hidden = [i for i in differ if i in unstated]
                if not hidden or set(hidden) <= shown:
                    continue
                stated = sum(
                    base[i] * (tables[i][took[i]] - tables[i][against[i]]) for i in differ if i not in unstated
                )
                if stated <= 0:
                    shown.update(hidden)
        return tuple(sorted(shown))

    def utility(self, who: int, deal: list[int] | tuple[int, ...]) -> float:
        # The hottest call of a decision (every package an agent weighs, for every counterpart):
        # per delegation, each issue's weighed values w * value are worked out once, and a deal's
        # utility is their sum over its options, in issue order. An issue it does not weigh at all
        # adds 0.0, which leaves a float unchanged, so the result is the same float as summing
        # weight * value over the weighed issues one by one (and 0 when it weighs none).
        rows = self.rows(who)
        return sum(map(getitem, rows, deal)) if rows else 0

    def rows(self, who: int) -> tuple[tuple[float, ...], ...]:
        """Per issue, weight * value of each option, as utility sums them (() if it weighs none)."""
        rows = self._rows[who]
        if rows is None:
            rows = self._rows[who] = self._weighed_rows(who)
        return rows

    def _weighed_rows(self, who: int) -> tuple[tuple[float, ...], ...]:
        # A pure function of the public rows its weights and value tables are read from (see
        # _estimate_weights and _tables): remembered by those rows' identity, in one lookup, so a
        # decision whose counterpart did nothing since the last one reuses its rows without
        # looking its weights and tables up first (each decision asks it of every counterpart).
        view = self.view
        # what meetings revealed of it: nothing, in most views (the empty tuple either way)
        known = (
            tuple([(i, w) for subject, i, w in view.learned if subject == who]) if self.learns and view.learned else ()
        )
        public: tuple[object, ...] = (
            view.issues,
            view.positions[who],
            view.offered[who],
            view.accepted[who],
            view.rejected[who],
        )
        if self.stakes:
            public = (*public, view.answers)
        key = (self.learns, known, *map(id, public))
        hit = _rows_by_public.get(key)
        if hit is not None and all(map(is_, hit[0], public)):
            return hit[1]
        rows = self._rows_of_estimates(who)
        if len(_rows_by_public) >= _TABLES_KEPT:
            _rows_by_public.clear()
        _rows_by_public[key] = (public, rows)
        return rows

    def _rows_of_estimates(self, who: int) -> tuple[tuple[float, ...], ...]:
        # a pure function of its estimated weights and value tables, which are themselves
        # remembered by the identity of public rows (see _tables): remembered by theirs, for a
        # reader of stakes only. Its public rows (_weighed_rows) hold the whole record of
        # answers, which every answer changes while a side's weights and tables stay the very
        # same objects (20,464 of its 24,429 misses found them here in 100 hard games of
        # astana-8). For any other level those rows hold every input of the weights and the
        # tables, so a miss there is a miss here (none of 3,711 found anything, normal), and
        # the lookup, its key and the entry, which the collector walks, cost for nothing
        # (docs/lab/speed.md, "An eighteenth pass")
        weights = self._weights[who]
        if weights is None:
            weights = self._weights[who] = self._estimate_weights(who)
        tables = self._tables(who)
        if not self.stakes:
            return _weighed(weights, tables)
        key = (id(weights), id(tables))
        hit = _rows.get(key)
        if hit is not None and hit[0] is weights and hit[1] is tables:
            return hit[2]
        rows = _weighed(weights, tables)
        if len(_rows) >= _TABLES_KEPT:
            _rows.clear()
        _rows[key] = (weights, tables, rows)
        return rows

    def weighed_gains(
        self, rows: list[tuple[tuple[float, ...], ...]], issue: int, factors: list[float] | None = None
    ) -> list[float]:
        """gains(weighed, [weight(s, issue) for s in weighed], issue), from the weighed delegations'
        rows ([rows(s) for s in weighed], looked up once for every issue a search weighs): each
        product w * value is the one rows() holds (0.0 where it weighs the issue at 0, as
        0.0 * value is, values being 0..1), summed in the same order, so the same floats. With
        `factors` (a turn's misreading, one per option), each option's sum times its factor, as
        it is made: the products a second pass over the sums gave."""
        n = len(self.view.issues[issue].options)
        if not rows:
            return [0] * n if factors is None else [0 * f for f in factors]
        columns = [r[issue] if r else (0.0,) * n for r in rows]
        # zip without strict=: every column holds the issue's n options by construction (rows(),
        # from the tables of each issue's options), as do a turn's factors (offers._misreading),
        # and a keyword makes zip parse its arguments at every call, about 120 ns, here twice a
        # search per open issue (the seventeenth pass in docs/lab/speed.md)
        if factors is None:
            return [sum(column) for column in zip(*columns)]  # noqa: B905
        return [sum(column) * f for column, f in zip(zip(*columns), factors)]  # noqa: B905

    def gains(self, weighed: list[int], weights: list[float], issue: int) -> list[float]:
        """Per option of the issue, sum(w * value(s, issue, option)) over the weighed delegations
        s and their weights w: what they would together gain. Each one's value table is looked up
        once, not once per option; the products are summed in the same order (one delegation's
        after another's, from 0, as sum() adds), so the floats are the same."""
        if not weighed:
            return [0] * len(self.view.issues[issue].options)
        products = [[w * v for v in self._tables(s)[issue]] for s, w in zip(weighed, weights, strict=True)]
        return [sum(column) for column in zip(*products, strict=True)]

    def _tables(self, who: int) -> tuple[tuple[float, ...], ...]:
        """Its estimated value table of every issue. A pure function of a few public rows of the
        state (its position, and what it offered, accepted and rejected), which the engine
        shares from one state to the next while they do not change: remembered across decisions
        by those rows' identity (holding them, so an id is never taken for another's), so an
        agent's decision looks its counterparts up once each rather than once per issue."""
        tables = self._by_who[who]
        if tables is not None:
            return tables
        view = self.view
        rows = (view.issues, view.positions[who], view.offered[who], view.accepted[who], view.rejected[who])
        key = (self.learns, *map(id, rows))
        hit = _tables.get(key)
        if hit is not None and all(map(is_, hit[0], rows)):
            tables = hit[1]
        else:
            # a tuple: the same tables are handed to every agent that asks, so none may change them
            tables = self._estimate_tables(who)
            if len(_tables) >= _TABLES_KEPT:
                _tables.clear()
            _tables[key] = (rows, tables)
        self._by_who[who] = tables
        return tables


# (learns, ids of the issues and of one delegation's public rows) -> (those objects, the value
# tables): see Beliefs._tables. Bounded by clearing; a miss only costs the computation.
_tables: dict[tuple[object, ...], tuple[tuple[object, ...], tuple[tuple[float, ...], ...]]] = {}
_TABLES_KEPT = 4096
# (learns, what meetings revealed of it, ids of the issues and of its position and offered rows)
# -> (those objects, its estimated weights): see Beliefs._estimate_weights
_weight_rows: dict[tuple[object, ...], tuple[tuple[object, ...], tuple[float, ...]]] = {}
# (learns, what meetings revealed of it, ids of the issues and of its public rows) -> (those
# objects, its weighed rows): see Beliefs._weighed_rows
_rows_by_public: dict[tuple[object, ...], tuple[tuple[object, ...], tuple[tuple[float, ...], ...]]] = {}
# (ids of a delegation's estimated weights and value tables) -> (those two, its weighed rows):
# see Beliefs._rows_of_estimates
_rows: dict[tuple[int, int], tuple[object, object, tuple[tuple[float, ...], ...]]] = {}


def _weighed(weights: tuple[float, ...], tables: tuple[tuple[float, ...], ...]) -> tuple[tuple[float, ...], ...]:
    """Per issue, weight * value of each option (() where no issue is weighed): Beliefs.rows."""
    if not any(w > 0 for w in weights):
        return ()
    return tuple(
        [
            tuple([w * v for v in table]) if w > 0 else (0.0,) * len(table)
            for w, table in zip(weights, tables, strict=True)
        ]
    )


# The estimates are pure functions of public, immutable rows of the game state (the engine
# shares unchanged rows from one state to the next), so they are remembered by value across
# decisions, agents and games: the same rows give the same floats. An agent estimated every
# delegation's values afresh at each decision, a third of the time an AI game took. The caches
# are bounded; a miss only costs the computation.


# How close (0..1), on average, a side's own offers must sit to its stated positions for a reader
# of deeds to take the positions at their word. Authored sides offer near what they state:
# 0.72-0.96 at Dayton and Sochi, no lower than 0.46 at astana-8 (its opposition gives ground on
# issues it states positions on). Random scenarios draw public positions apart from the
# preferences, and there some sides' offers sit at 0.0-0.33 (docs/lab/agents.md, "The hard agent's
# misfires on random scenarios").
CONSISTENT = 0.4


def consistency(view: View, who: int) -> float:
    """How close, 0..1, the options a side has put in its own proposals (the public record) sit to
    the positions it states, on the issues where it states one: 1 where every offer is at its
    position, 0 where every offer is at the far end of the issue; 1.0 (nothing contradicts it)
    before it has offered."""
    return _consistency(tuple([len(x.options) for x in view.issues]), view.positions[who], view.offered[who])


@lru_cache(maxsize=4096)
def _consistency(sizes: tuple[int, ...], positions: tuple[int, ...], offered: tuple[tuple[int, ...], ...]) -> float:
    total = near = 0.0
    for size, position, offers in zip(sizes, positions, offered, strict=True):
        if position < 0:
            continue
        span = max(1, size - 1)
        for option, times in enumerate(offers):
            total += times
            near += times * (1.0 - abs(option - position) / span)
    return near / total if total else 1.0


@lru_cache(maxsize=1024)
def _values_by_position(n: int, position: int) -> tuple[float, ...]:
    span = max(1, n - 1)
    return tuple(1.0 - abs(o - position) / span if position >= 0 else 0.5 for o in range(n))


@lru_cache(maxsize=8192)
def _values_learnt(
    position: int, offered: tuple[int, ...], accepted: tuple[int, ...], rejected: tuple[int, ...]
) -> tuple[float, ...]:
    # Each option's 0.5 * its value by position + 0.35 * by offers (its count over the top count,
    # or by position where the side offered nothing) + 0.15 * by answers, in one comprehension:
    # the same operations in the same order, so the same floats, without the two lists and two
    # zips the three terms took apart (docs/lab/speed.md, "An eighteenth pass")
    by_position = _values_by_position(len(offered), position)
    top = max(offered)
    if top:
        raw = [
            0.5 * p + 0.35 * (c / top) + 0.15 * ((a - r) / (a + r + 1))
            for p, c, a, r in zip(by_position, offered, accepted, rejected, strict=True)
        ]
    else:
        raw = [
            0.5 * p + 0.35 * p + 0.15 * ((a - r) / (a + r + 1))
            for p, a, r in zip(by_position, accepted, rejected, strict=True)
        ]
    low, high = min(raw), max(raw)
    if high > low:
        span = high - low  # the same float as each (high - low) was
        return tuple([(x - low) / span for x in raw])
    return (0.5,) * len(raw)


@lru_cache(maxsize=4096)
def _weights(
    n: int,
    known_pairs: tuple[tuple[int, float], ...],
    positions: tuple[int, ...],
    offered: tuple[tuple[int, ...], ...],
    learns: bool,
    shown: tuple[int, ...] = (),
) -> tuple[float, ...]:
    known = dict(known_pairs)
    guess = [0.0] * n
    for i in range(n):
        # an issue it states no position on is weighed as a stated one once its answers show
        # it cares (Beliefs._shown_stakes); else at zero
        if i in known or (positions[i] < 0 and i not in shown):
            continue
        guess[i] = 1.0
        offers = offered[i]
        total = sum(offers)
        if learns and total:
            # an issue on which it always asks for the same thing is one it cares about
            guess[i] = 0.5 + max(offers) / total
    rest = max(0.0, 1.0 - sum(known.values()))
    scale = rest / sum(guess) if sum(guess) > 0 else 0.0
    return tuple([known[i] if i in known else guess[i] * scale for i in range(n)])


def level_beliefs(view: View, level: Level, prior: Scenario | None = None) -> Beliefs:
    """The beliefs a level's agent forms from this view: which of the record's readings it makes
    is the level's (every move of an agent reads the view through these). `prior` is the
    scenario file (its central numbers), read only by a level that reads the file."""
    return Beliefs(
        view,
        level.learns,
        level.reads_deeds,
        level.reads_refusals,
        level.reads_stakes,
        level.reads_table_refusals,
        prior if level.reads_file else None,
    )


_Read = tuple[tuple[float, ...], tuple[tuple[float, ...], ...], tuple[tuple[float, ...], ...]]
# (id of the file, what meetings revealed) -> (the file, each delegation's weights, value tables
# and weighed rows): the same in every decision of every game of the file, so worked out once
_read: dict[tuple[int, tuple[tuple[int, int, float], ...]], tuple[Scenario, tuple[_Read, ...]]] = {}


def _read_from(prior: Scenario, learned: tuple[tuple[int, int, float], ...]) -> tuple[_Read, ...]:
    """Each delegation of the file as its central numbers say, but for the weights a meeting
    revealed (view.learned: who, issue, the real weight), which stand, the rest of its central
    weights scaled to the weight left."""
    key = (id(prior), learned)
    hit = _read.get(key)
    if hit is not None and hit[0] is prior:
        return hit[1]
    read: list[_Read] = []
    for who, d in enumerate(prior.delegations):
        known = {i: w for subject, i, w in learned if subject == who}
        weights = tuple(d.weights)
        if known:
            rest = sum(w for i, w in enumerate(weights) if i not in known)
            scale = max(0.0, 1.0 - sum(known.values())) / rest if rest > 0 else 0.0
            weights = tuple(known[i] if i in known else w * scale for i, w in enumerate(weights))
        tables = tuple(tuple(v) for v in d.values)
        read.append((weights, tables, _weighed(weights, tables)))
    if len(_read) >= _TABLES_KEPT:
        _read.clear()
    _read[key] = (prior, tuple(read))
    return _read[key][1]
