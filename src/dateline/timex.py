"""Time expressions (issue 5). Placeholder until the extractor lands: finds nothing."""

from __future__ import annotations

from spacy.tokens import Doc

from .record import Article


def extract_times(doc: Doc, article: Article) -> None:
    """Fill ``article.times`` with normalised TIMEX3 values."""


def date_events(doc: Doc, article: Article) -> None:
    """Give each event in ``article.events`` its date."""
