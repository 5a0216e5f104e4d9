"""The worker pool's order: results and errors come in the items' order, whatever the jobs."""

from __future__ import annotations

import time

import pytest

from game.sim.pool import parallel_imap


def _fails_slowly_first(item: int) -> int:
    # item 0 fails late and item 1 at once: with two workers, item 1's error reaches the parent first
    if item == 0:
        time.sleep(0.3)
    raise ValueError(f"item {item}")


def _squared(item: int) -> int:
    time.sleep(0.02 * (3 - item % 4))  # later items finish first
    return item * item


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_error_raised_is_the_first_item_s_as_with_one_job(jobs: int) -> None:
    with pytest.raises(ValueError, match="item 0"):
        list(parallel_imap(_fails_slowly_first, [0, 1], jobs))


def test_results_come_in_the_items_order() -> None:
    assert list(parallel_imap(_squared, list(range(8)), 2)) == [x * x for x in range(8)]
