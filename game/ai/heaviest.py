"""The heaviest-issue rule (Level.keeps_heaviest and the flags that widen it): a partial package
that leaves open the issue we weigh most is neither signed nor tabled where that issue is worth
more than what the package settles, and, by the level's reading, in the cases where the issue
is pulled apart or clear of the rest whatever it weighs. The answer (game.ai.answering) and the
package we table (game.ai.offers) ask it the same way, through level_keeps_heaviest."""

from __future__ import annotations

from game.ai.levels import Level
from game.ai.opponent import Beliefs
from game.ai.politics import pulled_apart
from game.ai.reading import counterparts, deadline, left_open, value_with
from game.engine.view import View


def level_keeps_heaviest(view: View, left: list[int], worth: float, level: Level, beliefs: Beliefs) -> bool:
    """`keeps_heaviest` as the level reads it (Level.keeps_heaviest and the flags that widen it):
    the one reading both an answer and a package the agent would table go through."""
    return level.keeps_heaviest and keeps_heaviest(
        view,
        left,
        worth,
        several=level.heaviest_at_tables,
        last=level.heaviest_at_last,
        split=beliefs if level.split_at_last else None,
        clear=beliefs if level.heaviest_clear else None,
    )


def keeps_heaviest(
    view: View,
    left: list[int],
    worth: float,
    *,
    several: bool = False,
    last: bool = False,
    split: Beliefs | None = None,
    clear: Beliefs | None = None,
) -> bool:
    """Whether, at a table of two before the game's last venue, a partial package worth `worth`
    to us that leaves `left` open is to be refused (or not tabled): it leaves open the venue's
    open issue we weigh most, what it leaves open weighs more to us than what it settles, and
    the venue has rounds left or the counterpart has put a whole package to us at this venue
    worth at least as much to us (Level.keeps_heaviest). With `several`
    (Level.heaviest_at_tables), at a table of several too (docs/lab/agents.md, "Signing and
    tabling at a table of several"). With `last` (Level.heaviest_at_last), at the game's last
    venue too, but there only where a counterpart has put to us at this venue a whole package
    worth at least as much: an issue left open there ends at our walk-away value, and where no
    counterpart has offered a whole package that good, the partial one may be the only deal the
    table holds (docs/lab/agents.md, "The heaviest issue at the last venue"). With `split` (our
    reading of the others, Level.split_at_last), at the game's last venue at a table of several,
    the weight condition is waived for an issue of more than two options that two counterparts
    pull apart (game.ai.politics.pulled_apart): once the rest is settled no trade is left to
    carry it, each of them refuses the other's end, and it ends at our walk-away value, whatever
    it weighs beside the rest, where a whole package could have landed it between their ends (an
    issue of two options has no middle: whoever gets it, the whole package gives one side all of
    it); but not in the closing session, where no whole package can follow
    (docs/lab/agents.md, "A split issue at the last venue"). With `clear` (our reading of the
    counterpart, Level.heaviest_clear), at a table of two before the game's last venue while this
    venue has rounds left, the weight condition is waived where the issue outweighs the next two
    open issues together and the two sides state each other's worst option on it
    (_clear_of_rest; docs/lab/agents.md, "The heaviest issue clear of the rest")."""
    if not left or not (view.venues_left or last):
        return False
    others = counterparts(view)
    if not others or (len(others) > 1 and not several):
        return False
    open_issues = [i for i in view.agenda if view.settled[i] < 0]
    weights = view.own.weights
    heaviest = max(open_issues, key=lambda i: weights[i])
    if heaviest not in left:
        return False
    waived = (
        split is not None
        and last
        and not view.venues_left
        and not view.closing
        and len(others) > 1
        and len(view.issues[heaviest].options) > 2
        and heaviest in pulled_apart(view, split, open_issues)
    )
    if not waived and clear is not None:
        waived = _clear_of_rest(view, clear, heaviest, open_issues)
    if not waived and sum(weights[i] for i in left) <= sum(weights[i] for i in open_issues if i not in left):
        return False
    if not deadline(view) and view.venues_left:
        return True
    seen = [a.package for a in view.answers if a.venue == view.venue_index and a.author in others]
    seen += [p.package for p in view.proposals if p.author in others]
    return any(not left_open(view, q) and value_with(view, q) >= worth - 1e-9 for q in seen)


def _clear_of_rest(view: View, beliefs: Beliefs, heaviest: int, open_issues: list[int]) -> bool:
    """Whether, at a table of two before the game's last venue with rounds left at this one,
    `heaviest` outweighs the next two open issues together, and we state on it the option the
    counterpart values least (as we read it) while it states the one we value least: the issue
    the two sides pull apart, and by its weight clear of the rest, not the heaviest by a draw
    (Level.heaviest_clear)."""
    others = counterparts(view)
    if not view.venues_left or len(others) != 1 or deadline(view):
        return False
    weights = view.own.weights
    rest = sorted([weights[i] for i in open_issues if i != heaviest], reverse=True)
    if weights[heaviest] <= sum(rest[:2]):
        return False
    other = others[0]
    ours, theirs = view.positions[view.me][heaviest], view.positions[other][heaviest]
    if ours < 0 or theirs < 0:
        return False
    table, mine = beliefs.tables_of(other)[heaviest], view.own.values[heaviest]
    return table[ours] <= min(table) + 1e-9 and mine[theirs] <= min(mine) + 1e-9
