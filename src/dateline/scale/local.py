"""``batch --engine local``: a process pool on one machine.

The parent reads the inputs (the same readers as ``extract``), cuts them into chunks of a fixed
size in input order and writes each finished chunk; each worker process loads the model once
and runs :func:`~dateline.pipeline.process_batch` on the chunks it is handed. At most two
chunks per worker are in flight, so memory stays bounded whatever the corpus size.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.ingest.files import RawInput
from dateline.pipeline import Options, process_batch
from dateline.scale import worker
from dateline.scale.dataset import done_ids, write_chunk

# Small enough that a few hundred inputs keep every worker busy to the end; large enough that
# handing a chunk over (pickling its inputs and records) costs nothing next to parsing it.
DEFAULT_CHUNK = 16


@dataclass
class BatchReport:
    inputs: int = 0
    skipped: int = 0  # already in OUTPUT from an earlier run
    failed: int = 0  # error records written
    rows: dict[str, int] = field(default_factory=dict)

    def add(self, counts: dict[str, int]) -> None:
        for name, n in counts.items():
            self.rows[name] = self.rows.get(name, 0) + n

    def __str__(self) -> str:
        tables = ", ".join(f"{n} {name}" for name, n in self.rows.items())
        return (f"{self.inputs} inputs: {self.skipped} already done, {self.failed} error records; "
                f"wrote {tables or 'nothing'}")


_worker_options: Options | None = None


def _init_worker(options: Options) -> None:
    global _worker_options
    _worker_options = options
    worker.prepare(options)


def _process(chunk: list[RawInput]) -> list[dict[str, Any]]:
    options = _worker_options or Options()
    records = [article.to_dict() for article in process_batch(chunk, options)]
    worker.release()
    return records


def chunks(inputs: Iterable[RawInput], size: int, skip: set[str], report: BatchReport,
           workers: int = 1) -> Iterator[list[RawInput]]:
    """The inputs not already in OUTPUT, in chunks of ``size``, counted in ``report`` as read."""
    def kept() -> Iterator[RawInput]:
        for raw in inputs:
            report.inputs += 1
            if raw.id in skip:
                report.skipped += 1
            else:
                yield raw
    return balanced_chunks(kept(), size, workers)


def balanced_chunks(items: Iterable[RawInput], size: int, workers: int) -> Iterator[list[RawInput]]:
    """Chunks of ``size`` in input order, but the last inputs shared out evenly: the reader keeps
    ``workers + 1`` chunks' worth in hand, and what is left when the inputs end is cut into a
    multiple of ``workers`` equal chunks. Otherwise the last round leaves workers idle — 40
    inputs in chunks of 16 on two workers are three chunks, so one worker parses 24 and the
    other 16 — which on a few hundred inputs is a tenth of the run."""
    held: list[RawInput] = []
    for raw in items:
        held.append(raw)
        if len(held) >= size * (workers + 1):
            yield held[:size]
            held = held[size:]
    if not held:
        return
    rounds = -(-len(held) // (size * workers))  # rounds of chunks the tail needs at full size
    per = -(-len(held) // (rounds * workers))
    for start in range(0, len(held), per):
        yield held[start:start + per]


def run_local(inputs: Iterable[RawInput], output: Path, options: Options, workers: int = 1,
              chunk_size: int = DEFAULT_CHUNK) -> BatchReport:
    report = BatchReport()
    output.mkdir(parents=True, exist_ok=True)
    skip = done_ids(output)
    # Workers are forked from a parent that has loaded the model and its tables once: they start
    # at once and share those pages copy-on-write. The parent runs no thread before the fork.
    from dateline.nlp import load_model

    worker.tune_allocator()
    load_model(options.model)
    context = multiprocessing.get_context("fork")
    workers = max(1, workers)
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                             initargs=(options,)) as pool:
        pending: set[Future[list[dict[str, Any]]]] = set()
        for chunk in chunks(inputs, chunk_size, skip, report, workers):
            pending.add(pool.submit(_process, chunk))
            if len(pending) >= 2 * workers:
                pending = _write_done(pending, output, report)
        while pending:
            pending = _write_done(pending, output, report)
    return report


def _write_done(pending: set[Future[list[dict[str, Any]]]], output: Path,
                report: BatchReport) -> set[Future[list[dict[str, Any]]]]:
    done, rest = wait(pending, return_when=FIRST_COMPLETED)
    for future in done:
        records = future.result()
        report.failed += sum(1 for r in records if r.get("error"))
        report.add(write_chunk(output, records))
    return rest
