"""Fixtures for the server's tests: a store holding the seed article and our own stories, really
extracted (spaCy parses, the full pipeline), and apps over it with and without an API key.

Each store is made twice, SQLite and PostgreSQL, from the same articles: the tests that take
``store_path``, ``client`` or ``writable_client`` run once per backend. PostgreSQL's store is a
schema of its own on $DATELINE_TEST_POSTGRES (skipped, saying why, when that is unset; `.ci/run`
sets it), dropped at the end of the session."""

from __future__ import annotations

import json
import os
import uuid
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
BACKENDS = ["sqlite", "postgresql"]
POSTGRES_ENV = "DATELINE_TEST_POSTGRES"
# ingested_at is the clock's at ingest: pinned, so both stores (and every run) answer the same
PINNED = "UPDATE articles SET ingested_at = '2025-06-01T12:00:00Z'"


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


def postgres_schema(name: str):
    """A PostgreSQL store URL on a new schema, and the function that drops it; skips without a server."""
    if not os.environ.get(POSTGRES_ENV):
        pytest.skip(f"no PostgreSQL server: set ${POSTGRES_ENV} (`source .ci/postgres.sh; start_postgres`)")
    import psycopg

    base = os.environ[POSTGRES_ENV]
    schema = f"dateline_{name}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")

    def drop() -> None:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")

    return f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}", drop


def filled_store(db: str, seed_record, story_articles) -> str:
    from dateline.record import article_from_dict

    with Store(db) as store:
        report = store.ingest([article_from_dict(seed_record), *story_articles])
        assert report.stored == 1 + len(story_articles)
        with store.conn:
            store.conn.execute(PINNED)
    return db


@pytest.fixture(scope="session")
def sqlite_store(tmp_path_factory, nlp, seed_record, story_articles) -> str:
    return filled_store(str(tmp_path_factory.mktemp("serve") / "serve.db"), seed_record, story_articles)


@pytest.fixture(scope="session")
def postgresql_store(nlp, seed_record, story_articles):
    url, drop = postgres_schema("serve")
    try:
        yield filled_store(url, seed_record, story_articles)
    finally:
        drop()


@pytest.fixture(scope="session", params=BACKENDS)
def store_path(request) -> str:
    """The test store: an SQLite file's path, then a PostgreSQL URL (the same articles in each)."""
    return str(request.getfixturevalue(f"{request.param}_store"))


def read_only_client(db: str):
    app = create_app(db, api_key=lambda: None)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="session")
def client(store_path) -> TestClient:
    """An app with no API key: read-only."""
    yield from read_only_client(store_path)


@pytest.fixture(scope="session")
def sqlite_client(sqlite_store) -> TestClient:
    yield from read_only_client(sqlite_store)


@pytest.fixture(scope="session")
def postgresql_client(postgresql_store) -> TestClient:
    yield from read_only_client(postgresql_store)


@pytest.fixture
def api_key() -> str:
    return API_KEY


@pytest.fixture
def writable_client(store_url, seed_record) -> TestClient:
    """An app over a fresh store of its own (each backend: ``store_url``), with an API key configured."""
    Store(store_url).close()
    app = create_app(store_url, api_key=lambda: API_KEY)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def writable_pair(tmp_path, postgres_url):
    """Two fresh writable stores, SQLite and PostgreSQL, each behind an app with the API key."""
    with (TestClient(create_app(tmp_path / "pair.db", api_key=lambda: API_KEY), raise_server_exceptions=False) as lite,
          TestClient(create_app(postgres_url, api_key=lambda: API_KEY), raise_server_exceptions=False) as pg):
        yield lite, pg
