"""Shared fixtures: the model (loaded once), the development data folder, a temporary database."""

from __future__ import annotations

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
