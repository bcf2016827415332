"""Getting the records a suite scores: the same bytes, reader and pipeline as `dateline extract -`.

A suite hands over its input records (dicts, built as the shared scorer builds them). They are
written as the JSON Lines ``extract`` would read on standard input, read back by the reader
``extract`` uses for ``-`` (``read_jsonl``), sent through ``pipeline.process_batch`` with the
default options, and each Article becomes its contract record (``to_dict``) by way of a JSON
round trip, so the scorer sees exactly the values a user reads from ``extract``'s output.

``extract_records_via_cli`` runs the installed ``dateline extract -`` in a subprocess instead: the reference the
in-process path is tested against (``tests/evaluation/test_shared_agreement.py``); it costs a
second model load and the JSON on a pipe, and gives the same records.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language

from dateline.ingest.formats import read_jsonl
from dateline.ingest.raw import DEFAULT_MAX_BYTES
from dateline.pipeline import Options, process_batch

Record = dict[str, Any]


def as_jsonl(inputs: Iterable[Record]) -> bytes:
    """Input records as the JSON Lines bytes `extract -` would be fed."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in inputs).encode("utf-8")


def extract_records(inputs: list[Record], nlp: Language | None = None, model: str | None = None) -> dict[str, Record]:
    """``{id: contract record}`` for the inputs, in process, through the reader and pipeline of
    ``extract``."""
    raws = read_jsonl(io.BytesIO(as_jsonl(inputs)), None, DEFAULT_MAX_BYTES)
    options = Options(model=model, max_bytes=DEFAULT_MAX_BYTES)
    records: dict[str, Record] = {}
    for article in process_batch(raws, options, nlp=nlp):
        record = json.loads(json.dumps(article.to_dict(), ensure_ascii=False))
        records[str(record.get("id"))] = record
    return records


def extract_records_via_cli(inputs: list[Record], model: str | None = None,
                            executable: Path | None = None) -> dict[str, Record]:
    """The same, through a subprocess of the command line: the ``dateline`` script beside this
    interpreter (or the executable named), else the CLI's entry function run by this interpreter."""
    script = executable or Path(sys.executable).with_name("dateline")
    command = [str(script)] if script.exists() else [sys.executable, "-c", "from dateline.cli import main; main()"]
    command += ["extract", *(["--model", model] if model else []), "-"]
    done = subprocess.run(command, input=as_jsonl(inputs), capture_output=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"dateline extract exited {done.returncode}: {done.stderr.decode()[-2000:]}")
    records: dict[str, Record] = {}
    for line in done.stdout.decode("utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            records[str(record.get("id"))] = record
    return records


def write_records(records: dict[str, Record], path: Path) -> None:
    """Records as JSON Lines, for ``score_*.py --pred`` and for reading errors."""
    with path.open("w", encoding="utf-8") as out:
        for record in records.values():
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
