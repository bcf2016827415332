"""Places (issue 5). Placeholder until the resolver lands."""

from __future__ import annotations

from spacy.tokens import Doc

from .record import Article


def resolve_places(doc: Doc, article: Article) -> None:
    """Fill ``article.places`` with resolved toponyms."""


def place_events(doc: Doc, article: Article) -> None:
    """Give each event in ``article.events`` its place."""
