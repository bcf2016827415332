"""The local engine's chunking: input order kept, the last round shared out among the workers."""

from __future__ import annotations

import pytest

from dateline.scale.local import balanced_chunks


@pytest.mark.parametrize("n, workers", [(0, 2), (1, 2), (5, 2), (40, 2), (47, 2), (48, 2), (300, 2),
                                        (100, 3), (33, 1), (16, 1)])
def test_every_input_once_in_order_and_no_chunk_over_size(n: int, workers: int):
    chunks = list(balanced_chunks(range(n), 16, workers))
    assert [x for c in chunks for x in c] == list(range(n))
    assert all(0 < len(c) <= 16 for c in chunks)


def test_the_last_round_keeps_every_worker_busy():
    # 40 inputs in chunks of 16 on two workers would be 16 + 16 + 8: one worker parses 24, the
    # other 16; shared out, each parses 20
    assert [len(c) for c in balanced_chunks(range(40), 16, 2)] == [10, 10, 10, 10]
    sizes = [len(c) for c in balanced_chunks(range(300), 16, 2)]
    tail = [s for s in sizes if s != 16]
    assert len(tail) % 2 == 0 and max(tail) - min(tail) <= 1


def test_full_chunks_until_the_end_is_in_sight():
    # the reader holds workers + 1 chunks' worth; everything before that is cut at full size
    sizes = [len(c) for c in balanced_chunks(range(1000), 16, 2)]
    assert sizes[:55] == [16] * 55
