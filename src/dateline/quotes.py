"""Quotes and speakers (issue 3): who said what, resolved through the text.

The stage ``extract_quotes`` finds attributions (``attribution``), builds the article's actors
(``actors``) and resolves each speaker mention — name, surname, role noun, pronoun — to one of
them (``speakers``). ``find_actor`` (re-exported from ``actors``) maps a char span to an actor id.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .actors import build_actors, find_actor
from .attribution import Attribution, AttributionFinder, np_span
from .record import Article, Quote, Span, Speaker
from .speakers import SpeakerResolver

__all__ = ["extract_quotes", "find_actor"]


def _speaker(doc: Doc, text: str, att: Attribution, resolver: SpeakerResolver) -> Speaker | None:
    if att.source is None:
        return None
    start, end = np_span(att.source)
    span = doc.char_span(start, end, alignment_mode="expand")
    actor = resolver.resolve(att.source, span.start, span.end) if span is not None else None
    if actor is not None and [start, end] not in actor.mentions and att.source.pos_ == "PRON":
        actor.mentions.append([att.source.idx, att.source.idx + len(att.source)])
        actor.mentions.sort()
    return Speaker(text[start:end], start, end, actor.name if actor else None, actor.id if actor else None)


def _nested(att: Attribution, others: list[Attribution]) -> bool:
    """An attribution reported inside another one's content ("Moscow sees…", Ryabkov said)."""
    if att.cue.text == ":":
        return False  # transcript lines stay, even inside a quoted transcript
    return any(
        o is not att and o.start <= att.cue.idx < o.end and o.start <= att.start and att.end <= o.end
        and (o.end - o.start) > (att.end - att.start)
        for o in others
    )


def extract_quotes(doc: Doc, article: Article) -> None:
    """Fill ``article.quotes`` and ``article.actors``."""
    index = build_actors(doc)
    resolver = SpeakerResolver(doc, index)
    finder = AttributionFinder(doc)
    text = finder.text  # Doc.text is rebuilt from the tokens on every access
    found = finder.find()
    quotes = []
    for att in found:
        if _nested(att, found):
            continue
        cue = Span(text[att.cue.idx:att.cue_end], att.cue.idx, att.cue_end)
        quotes.append(Quote(text[att.start:att.end], att.start, att.end, att.kind, cue,
                            _speaker(doc, text, att, resolver),
                            att.addressee.text if att.addressee is not None else None))
    article.quotes = quotes
    article.actors = index.actors
