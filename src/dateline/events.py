"""Political events (issue 4). Placeholder until the coder lands: finds nothing."""

from __future__ import annotations

from spacy.tokens import Doc

from .record import Article


def extract_events(doc: Doc, article: Article) -> None:
    """Fill ``article.events`` with PLOVER/CAMEO-coded events."""
