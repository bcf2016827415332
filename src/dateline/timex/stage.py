"""Time expressions (issue 5): the ``times`` pipeline stage.

``extract_times`` finds expressions with the grammar of ``timex.find`` over ``doc.text`` (one
pass of precompiled patterns), reads the tense of the clause each one sits in from the spaCy
parse, and normalises it against ``article.anchor_date`` with ``timex.normalise``. Events are dated from
these expressions by ``events.dates``.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Span

from dateline.nlp import text_of
from dateline.record import Article, Timex
from dateline.timex import calendar as cal
from dateline.timex import feasts
from dateline.timex.direction import VERBAL, clause_tense
from dateline.timex.find import Match, find
from dateline.timex.nonmarkables import non_markable
from dateline.timex.normalise import Normalised, normalise_match
from dateline.timex.profile import active as active_profile
from dateline.timex.reference import DAY_FAMILIES, StoryTime, attach_clock_times, quarter_by_closing_day


def tokens_of(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _is_some_day(match: Match, span: Span) -> bool:
    """ "one day" set before the verb it modifies, as in "he will one day lead", means some day."""
    if " ".join(match.groups.get("_text", "").split()) != "one day":
        return False
    if span.start > 0 and span.doc[span.start - 1].tag_ == "MD":
        return True  # "will one day rival"
    head = span.root.head
    return head.i >= span.end and head.pos_ in VERBAL and span.root.dep_ not in ("pobj", "dobj")


def _vague_day(tense: str | None, anchor: date | None) -> Normalised:
    value = "PAST_REF" if tense == "past" else "FUTURE_REF"
    first, last = cal.value_interval(value, anchor)
    return Normalised("DATE", value, first.isoformat() if first else None, last.isoformat() if last else None)


_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_AHEAD_WORDS = {"effective"}
_DEADLINE_WORDS = {"until", "till", "through", "by", "before", "to"}


def _words_of(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def _previous_word(text: str, start: int) -> str:
    words = text[max(0, start - 12):start].split()
    return words[-1].lower() if words else ""


def _named_event_day(span: Span, norm: Normalised, anchor: date | None) -> Normalised:
    """ "the September 11 attacks": a day naming one event in history is that event's day."""
    noun = span.root.head  # "the Sept. 11 terrorist attacks": the noun the day qualifies
    if noun.pos_ not in ("NOUN", "PROPN") or not span.end <= noun.i < span.end + 3 \
            or not _DAY_VALUE.fullmatch(norm.value):
        return norm
    day = feasts.historical_day(norm.value[5:], noun.lemma_.lower(), anchor)
    if day is None:
        return norm
    return Normalised(norm.type, day.isoformat(), day.isoformat(), day.isoformat(), norm.mod)


def _to_timex(text: str, match: Match, norm: Normalised) -> Timex:
    return Timex(text=text[match.start:match.end], start=match.start, end=match.end, type=norm.type,
                 value=norm.value, earliest=norm.earliest, latest=norm.latest, mod=norm.mod)


def times_in(doc: Doc, anchor: date | None) -> list[Timex]:
    """All normalised time expressions of a parsed text."""
    text = text_of(doc)
    found: list[tuple[Match, Timex]] = []
    story = StoryTime(anchor)
    matches = find(text)
    marks = active_profile().marks
    for index, match in enumerate(matches):
        span = tokens_of(doc, match.start, match.end)
        if span is None or non_markable(match, span, marks) is not None:
            continue
        if match.family == "quarter" and len(span) > 1 and span[0].lower_ == "that" and span[0].dep_ == "mark":
            # "reported that third-quarter profit grew": a conjunction, not a determiner of the quarter
            span = _drop_first_word(text, match, span, "det")
        if match.groups.get("dir") == "last" and len(span) > 1 and span[0].lower_ == "last" and span[0].pos_ == "VERB":
            # "the visit will last four days": the verb "last", not "the last four days" before now
            span = _drop_first_word(text, match, span, "dir")
        ref_value = story.reference_for(match)
        tense = _tense(text, match, span)
        norm = normalise_match(match, anchor, tense, ref_value)
        if norm is None:
            continue
        if match.family == "duration" and _is_some_day(match, span):
            # "Islam will one day be …": some unnamed day, not a length of one day
            norm = _vague_day(tense, anchor)
        if match.family in DAY_FAMILIES and not match.groups.get("y"):
            norm = _named_event_day(span, norm, anchor)
        if match.family == "quarter" and anchor:
            norm = quarter_by_closing_day(text, match, matches[index + 1:index + 2], norm, anchor, ref_value)
        found.append((match, _to_timex(text, match, norm)))
        story.note(match, norm, tense)
    attach_clock_times(doc, found, anchor)
    return [timex for _, timex in found]


def _drop_first_word(text: str, match: Match, span: Span, group: str) -> Span:
    """The match without its first word, a word of another part of speech the finder took for
    its ``group``; the match's text (lower case, as the finder writes it) follows."""
    match.start, span = span[1].idx, span[1:]
    match.groups.pop(group, None)
    match.groups["_text"] = text[match.start:match.end].lower()
    return span


def _tense(text: str, match: Match, span: Span) -> str | None:
    """The direction the expression is read in (``timex.direction``), with the words before it."""
    before = _previous_word(text, match.start)
    tense = clause_tense(span, text[max(0, match.start - 16):match.start].rstrip())
    if tense == "past" and before in _DEADLINE_WORDS:
        tense = None  # "extended the loans through January": a deadline may lie ahead
    if before in _AHEAD_WORDS:
        tense = "future"  # "a new pact effective June 1": the day a change takes effect, announced ahead
    if match.family in DAY_FAMILIES and before == "ended":
        tense = "over"  # "the quarter ended Oct. 31": closed before the article was written
    return tense


def extract_times(doc: Doc, article: Article) -> None:
    """Fill ``article.times`` with normalised TIMEX3 values."""
    article.times = times_in(doc, cal.parse_iso(article.anchor_date))

