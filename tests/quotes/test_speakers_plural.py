"""A plural role noun speaks for a group, never for one person of the story who holds a like post."""

from __future__ import annotations

from dateline.geo.entities import tag_entities
from dateline.quotes.stage import extract_quotes
from dateline.record import Article


def _speakers(nlp, text: str) -> list[str | None]:
    doc = nlp(text)
    article = Article(id="t", text=text, published="2025-03-04")
    tag_entities(doc, article)
    extract_quotes(doc, article)
    return [q.speaker.name if q.speaker else None for q in article.quotes]


def test_analysts_are_not_the_chief_executive(nlp) -> None:
    text = ("Xcorp's chief executive Anna Berg said the company would cut 300 jobs. "
            "Analysts said the plan was too timid.")
    assert _speakers(nlp, text) == ["Anna Berg", "Analysts"]


def test_officials_are_not_the_minister(nlp) -> None:
    text = ("Foreign Minister Ivo Saric said the talks would resume. "
            "Senior officials said no date had been set.")
    assert _speakers(nlp, text)[-1] != "Ivo Saric"
