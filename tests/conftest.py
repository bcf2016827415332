"""Shared fixtures: the model (loaded once), the development data folder, a temporary database."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.evaluation.harness import default_data_dir
from dateline.nlp import load_model


@pytest.fixture(scope="session")
def nlp():
    return load_model()


@pytest.fixture(scope="session")
def data_dir() -> Path:
    path = default_data_dir()
    if not path.is_dir():
        pytest.skip(f"development data not found at {path}")
    return path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


# -- both store backends ---------------------------------------------------------------------
# `store_url` is an SQLite file, then a PostgreSQL schema of its own on the server named by
# $DATELINE_TEST_POSTGRES (a libpq URL; `.ci/run` starts one and sets it, see .ci/postgres.sh).
# Each test gets a fresh schema, dropped afterwards, so tests never see each other's rows.
POSTGRES_ENV = "DATELINE_TEST_POSTGRES"


def postgres_schema_url(schema: str) -> str:
    base = os.environ[POSTGRES_ENV]
    return f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A PostgreSQL store URL on a schema created for this test and dropped after it."""
    if not os.environ.get(POSTGRES_ENV):
        pytest.skip(f"no PostgreSQL server: set ${POSTGRES_ENV} (`source .ci/postgres.sh; start_postgres`)")
    import psycopg

    schema = f"dateline_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(os.environ[POSTGRES_ENV], autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    try:
        yield postgres_schema_url(schema)
    finally:
        with psycopg.connect(os.environ[POSTGRES_ENV], autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The store to test against: each test runs once per backend."""
    if request.param == "sqlite":
        return str(tmp_path / "test.db")
    return str(request.getfixturevalue("postgres_url"))
