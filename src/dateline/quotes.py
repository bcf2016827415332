"""Quotes and speakers (issue 3). Placeholder until the extractor lands: finds nothing."""

from __future__ import annotations

from spacy.tokens import Doc

from .record import Article


def extract_quotes(doc: Doc, article: Article) -> None:
    """Fill ``article.quotes`` and ``article.actors``."""
