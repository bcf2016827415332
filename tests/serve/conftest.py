"""Fixtures for the server's tests: a store holding the seed article and our own stories, really
extracted (spaCy parses, the full pipeline), and apps over it with and without an API key."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed")

from fastapi.testclient import TestClient  # noqa: E402

from dateline.ingest.files import from_record, read_inputs  # noqa: E402
from dateline.pipeline import Options, process_batch  # noqa: E402
from dateline.serve.app import create_app  # noqa: E402
from dateline.store.db import Store  # noqa: E402

HERE = Path(__file__).parent
STORIES = HERE / "stories.jsonl"
SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "tass-2025-02-10-ryabkov.txt"
if "DATELINE_DATA" in os.environ:
    SEED = Path(os.environ["DATELINE_DATA"]).resolve().parent / "seed" / SEED.name
API_KEY = "test-key-of-our-own"


def _stories(nlp):
    raws = [from_record(json.loads(line), path=str(STORIES)) for line in STORIES.read_text().splitlines() if line]
    return list(process_batch(raws, Options(), nlp=nlp))


@pytest.fixture(scope="session")
def seed_record(nlp) -> dict:
    if not SEED.exists():
        pytest.skip(f"the seed article is not at {SEED}")
    articles = list(process_batch(read_inputs([str(SEED)]), Options(published="2025-02-10"), nlp=nlp))
    return articles[0].to_dict()


@pytest.fixture(scope="session")
def story_articles(nlp):
    return _stories(nlp)


@pytest.fixture(scope="session")
def store_path(tmp_path_factory, nlp, seed_record, story_articles) -> Path:
    from dateline.record import article_from_dict

    path = tmp_path_factory.mktemp("serve") / "serve.db"
    with Store(path) as store:
        report = store.ingest([article_from_dict(seed_record), *story_articles])
    assert report.stored == 1 + len(story_articles)
    return path


@pytest.fixture(scope="session")
def client(store_path) -> TestClient:
    """An app with no API key: read-only."""
    app = create_app(store_path, api_key=lambda: None)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def api_key() -> str:
    return API_KEY


@pytest.fixture
def writable_client(tmp_path, seed_record) -> TestClient:
    """An app over a fresh store of its own, with an API key configured."""
    path = tmp_path / "writable.db"
    Store(path).close()
    app = create_app(path, api_key=lambda: API_KEY)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
