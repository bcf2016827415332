"""Fixtures for the export tests: our wire stories extracted once, written as records and a store."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from wire_stories import records  # noqa: E402

from dateline.ingest.files import from_record  # noqa: E402
from dateline.pipeline import process_batch  # noqa: E402
from dateline.store.db import Store  # noqa: E402


@pytest.fixture(scope="session")
def wire_articles(nlp):
    raws = [from_record(r) for r in records()]
    return list(process_batch(raws))


@pytest.fixture(scope="session")
def wire_files(wire_articles, tmp_path_factory):
    """(extract output file, store) holding the wire stories."""
    folder = tmp_path_factory.mktemp("wire")
    out = folder / "records.jsonl"
    out.write_text("".join(json.dumps(a.to_dict(), ensure_ascii=False) + "\n" for a in wire_articles),
                   encoding="utf-8")
    db = folder / "wire.db"
    with Store(db) as store:
        store.ingest(wire_articles)
    return out, db
