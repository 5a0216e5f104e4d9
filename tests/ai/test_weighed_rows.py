"""A counterpart's weighed rows (Beliefs.rows) are each issue's weight times its value table,
at every level; only a reader of stakes keeps them by its weights' and tables' identity
(opponent._rows): for any other level the public rows they are kept by already hold every input,
and that second memory found nothing (docs/lab/speed.md, "An eighteenth pass")."""

from __future__ import annotations

from game.ai import opponent
from game.ai.levels import LEVELS
from game.ai.opponent import level_beliefs
from game.ai.reading import counterparts
from game.ai.selfplay import play
from game.engine import apply, new_game, view_for
from game.scenario import load_scenario, resolve


def _plain_rows(weights: tuple[float, ...], tables: tuple[tuple[float, ...], ...]) -> tuple[tuple[float, ...], ...]:
    if not any(w > 0 for w in weights):
        return ()
    return tuple(
        tuple(w * v for v in table) if w > 0 else (0.0,) * len(table) for w, table in zip(weights, tables, strict=True)
    )


def test_the_rows_are_the_weights_times_the_tables_and_only_a_reader_of_stakes_keeps_them_by_identity() -> None:
    sc = load_scenario(resolve("astana-8"))
    for level_name in ("easy", "normal", "hard"):
        level = LEVELS[level_name]
        seed = 11
        state, _ = new_game(sc, seed)
        asked = 0
        for step, action in enumerate(play(sc, seed, {}).actions):
            if step % 3 == 0 and not state.over:
                view = view_for(state, state.actor)
                opponent._rows.clear()
                opponent._rows_by_public.clear()
                beliefs = level_beliefs(view, level)
                for s in counterparts(view):
                    rows = beliefs.rows(s)
                    assert rows == _plain_rows(beliefs.weights_of(s), beliefs.tables_of(s))
                    asked += 1
                # a reader of stakes keeps what it worked out there; no other level does
                assert bool(opponent._rows) == (level.reads_stakes and level.learns and bool(counterparts(view)))
            state, _ = apply(state, action)
        assert asked > 50
