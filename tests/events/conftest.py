"""Fixtures shared by the event tests."""

from __future__ import annotations

import pytest

from dateline.events.stage import extract_events
from dateline.record import Article


@pytest.fixture
def code(nlp):
    """Code one text as an article of its own (parsed by the session's model)."""
    def run(text: str, published: str = "2025-03-04") -> Article:
        doc = nlp(text)
        article = Article(id="t", text=text, published=published)
        extract_events(doc, article)
        return article
    return run
