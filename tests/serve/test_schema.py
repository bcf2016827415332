"""Schemathesis against /openapi.json: generated requests for every operation find no 500."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
pytestmark = pytest.mark.slow  # hundreds of generated requests

from hypothesis import HealthCheck, given, settings  # noqa: E402

EXAMPLES = 25  # per operation: bounded, so the suite stays quick


def _operations(app):
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    return [result.ok() for result in schema.get_all_operations()]


def test_every_operation_is_generated(client):
    labels = {op.label for op in _operations(client.app)}
    assert {"GET /api/events", "GET /api/dyads/{a}/{b}/series", "POST /api/articles"} <= labels


def _fuzz(operation, mode, seen: dict[str, int]) -> None:
    label = f"{mode.value} {operation.label}"

    @given(case=operation.as_strategy(mode))
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def call(case):
        response = case.call()
        seen[label] = seen.get(label, 0) + 1
        assert response.status_code < 500, (label, case.path_parameters, case.query, response.text[:300])
        if response.status_code >= 400:
            assert "error" in response.json(), (label, response.text[:300])

    call()


@pytest.mark.parametrize("mode", list(schemathesis.GenerationMode), ids=lambda m: m.value)
def test_no_server_errors(client, mode):
    """Positive (valid) and negative (schema-breaking) requests alike: 2xx or a coded 4xx."""
    seen: dict[str, int] = {}
    for operation in _operations(client.app):
        _fuzz(operation, mode, seen)
    assert len(seen) >= 12
