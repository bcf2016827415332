"""Quotes and speakers (issue 3): who said what, resolved through the text.

The stage ``extract_quotes`` finds attributions (``attribution``), builds the article's actors
(``actors``) and resolves each speaker mention — name, surname, role noun, pronoun — to one of them.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .attribution import Attribution, AttributionFinder, np_span
from .record import Article, Quote, Span, Speaker


def _speaker(doc: Doc, att: Attribution) -> Speaker | None:
    if att.source is None:
        return None
    start, end = np_span(att.source)
    return Speaker(doc.text[start:end], start, end)


def extract_quotes(doc: Doc, article: Article) -> None:
    """Fill ``article.quotes`` and ``article.actors``."""
    finder = AttributionFinder(doc)
    quotes = []
    for att in finder.find():
        cue = Span(doc.text[att.cue.idx:att.cue_end], att.cue.idx, att.cue_end)
        quotes.append(Quote(doc.text[att.start:att.end], att.start, att.end, att.kind, cue, _speaker(doc, att),
                            att.addressee.text if att.addressee is not None else None))
    article.quotes = quotes
