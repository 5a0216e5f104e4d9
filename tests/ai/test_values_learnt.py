"""The frequency model's value table of one issue (opponent._values_learnt) in one comprehension
is the three terms worked out apart, as they were: the same floats, bit for bit, and the same
table where the side offered nothing or every option reads alike (docs/lab/speed.md, "An
eighteenth pass")."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from game.ai.opponent import _values_by_position, _values_learnt


def _plain(
    position: int, offered: tuple[int, ...], accepted: tuple[int, ...], rejected: tuple[int, ...]
) -> tuple[float, ...]:
    """The model as written before the pass: by position, by offers, by answers, then mixed."""
    by_position = _values_by_position(len(offered), position)
    top = max(offered)
    by_offers = tuple([c / top for c in offered]) if top else by_position
    by_answers = [(a - r) / (a + r + 1) for a, r in zip(accepted, rejected, strict=True)]
    raw = [0.5 * p + 0.35 * f + 0.15 * x for p, f, x in zip(by_position, by_offers, by_answers, strict=True)]
    low, high = min(raw), max(raw)
    return tuple([(x - low) / (high - low) if high > low else 0.5 for x in raw])


@st.composite
def _rows(draw: st.DrawFn) -> tuple[int, tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    n = draw(st.integers(1, 8))
    counts = st.lists(st.integers(0, 60), min_size=n, max_size=n).map(tuple)
    offered = draw(st.one_of(st.just((0,) * n), counts))
    return draw(st.integers(-1, n - 1)), offered, draw(counts), draw(counts)


@settings(max_examples=400, deadline=None)
@given(_rows())
def test_the_table_is_the_terms_worked_out_apart(
    rows: tuple[int, tuple[int, ...], tuple[int, ...], tuple[int, ...]],
) -> None:
    got = _values_learnt.__wrapped__(*rows)
    want = _plain(*rows)
    assert [x.hex() for x in got] == [x.hex() for x in want]
    assert all(type(x) is float for x in got)


def test_a_side_that_offered_nothing_and_a_flat_table() -> None:
    for rows in [(1, (0, 0, 0), (2, 0, 1), (0, 3, 0)), (-1, (0, 0), (0, 0), (0, 0)), (0, (4,), (1,), (0,))]:
        assert _values_learnt.__wrapped__(*rows) == _plain(*rows)
