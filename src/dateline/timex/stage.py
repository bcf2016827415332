"""Time expressions (issue 5): the ``times`` pipeline stage.

``extract_times`` finds expressions with the grammar of ``timex_find`` over ``doc.text`` (one
pass of precompiled patterns), reads the tense of the clause each one sits in from the spaCy
parse, and normalises it against ``article.anchor_date`` with ``timex_normalise``. Events are dated from
these expressions by ``event_dates``.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Span

from dateline.nlp import text_of
from dateline.record import Article, Timex
from dateline.timex import calendar as cal
from dateline.timex.direction import VERBAL, clause_tense
from dateline.timex.find import Match, find
from dateline.timex.nonmarkables import non_markable
from dateline.timex.normalise import Normalised, normalise_match
from dateline.timex.profile import active as active_profile

# Families whose values later anaphora ("a year earlier", "the quarter") may refer back to.
_REFERENCE_FAMILIES = {"quarter", "qcode", "half", "month_year", "month", "year", "fiscal_year", "season",
                       "word_year"}
_REFERENCE_REACH = 600  # characters: anaphora further back than this use the article date instead
_QUARTER_REACH = 2000  # a reported quarter stays the topic of an earnings story for longer
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_ANAPHORIC_DAY_RELS = {"the previous", "the following", "the next"}
_TIME_NOUNS = {"year", "years", "quarter", "quarters", "period", "periods", "month", "months", "season", "seasons"}


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


_SHIFT_GROUPS = ("shift", "shiftadj", "yearago")
_AHEAD_WORDS = {"effective"}
_DEADLINE_WORDS = {"until", "till", "through", "by", "before", "to"}


def _words_of(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def _previous_word(text: str, start: int) -> str:
    words = text[max(0, start - 12):start].split()
    return words[-1].lower() if words else ""


def _is_reference(match: Match) -> bool:
    """Whether later anaphora may point back to this expression (shifted comparisons may not)."""
    groups = match.groups
    if any(groups.get(k) for k in _SHIFT_GROUPS) or groups.get("qrel", "").lower() in ("year-ago", "year-earlier"):
        return False
    if match.family in ("month_day", "day_month", "weekday_month_day"):
        return bool(groups.get("y"))  # "May 22, 1995 … the following year"
    return match.family in _REFERENCE_FAMILIES


def _to_timex(text: str, match: Match, norm: Normalised) -> Timex:
    return Timex(text=text[match.start:match.end], start=match.start, end=match.end, type=norm.type,
                 value=norm.value, earliest=norm.earliest, latest=norm.latest, mod=norm.mod)


def times_in(doc: Doc, anchor: date | None) -> list[Timex]:
    """All normalised time expressions of a parsed text."""
    text = text_of(doc)
    found: list[Timex] = []
    reference: tuple[str, int] | None = None
    quarter: tuple[str, int] | None = None
    last_day: str | None = None  # the last day told, for "the previous Friday"
    matches = find(text)
    marks = active_profile().marks
    for index, match in enumerate(matches):
        span = tokens_of(doc, match.start, match.end)
        if span is None or non_markable(match, span, marks) is not None:
            continue
        if match.family == "quarter" and len(span) > 1 and span[0].lower_ == "that" and span[0].dep_ == "mark":
            # "reported that third-quarter profit grew": a conjunction, not a determiner of the quarter
            match.start, span = span[1].idx, span[1:]
            match.groups.pop("det", None)
        ref_value = None
        if reference and match.start - reference[1] <= _REFERENCE_REACH:
            ref_value = reference[0]
        elif quarter and match.start - quarter[1] <= _QUARTER_REACH:
            ref_value = quarter[0]
        if match.family == "weekday" and _words_of(match.groups.get("rel")) in _ANAPHORIC_DAY_RELS:
            ref_value = last_day
        tense = clause_tense(span, text[max(0, match.start - 16):match.start].rstrip())
        if tense == "past" and _previous_word(text, match.start) in _DEADLINE_WORDS:
            tense = None  # "extended the loans through January": a deadline may lie ahead
        if _previous_word(text, match.start) in _AHEAD_WORDS:
            tense = "future"  # "a new pact effective June 1": the day a change takes effect, announced ahead
        if match.family in _DAY_FAMILIES and _previous_word(text, match.start) == "ended":
            tense = "over"  # "the quarter ended Oct. 31": closed before the article was written
        norm = normalise_match(match, anchor, tense, ref_value)
        if norm is None:
            continue
        if match.family == "duration" and _is_some_day(match, span):
            # "Islam will one day be …": some unnamed day, not a length of one day
            norm = _vague_day(tense, anchor)
        if match.family == "quarter" and anchor:
            norm = _quarter_by_closing_day(text, match, matches[index + 1:index + 2], norm, anchor, ref_value)
        found.append(_to_timex(text, match, norm))
        if norm.type == "DATE" and _DAY_VALUE.fullmatch(norm.value):
            last_day = norm.value
        if _is_reference(match) and norm.type == "DATE" and re.match(r"\d{4}", norm.value):
            reference = (norm.value, match.end)
            if re.fullmatch(r"\d{4}-Q[1-4]", norm.value):
                if tense != "past" and anchor and norm.latest and norm.latest >= anchor.isoformat():
                    reference = None  # a quarter still ahead is not the period results are compared with
                else:
                    quarter = reference
        elif anchor and _is_reporting_span(match, norm):
            # "the first nine months": comparisons that follow ("a year earlier", "the 1988 period")
            # are with the same months of the year before, a year-level reference
            reference = (str(anchor.year), match.end)
    return found


_DAY_FAMILIES = {"month_day", "day_month", "weekday_month_day"}
_CLOSING = re.compile(r"\s+(?:that\s+|which\s+)?(?P<verb>ended|ending|ends)\s+$", re.IGNORECASE)


def _quarter_by_closing_day(text: str, match: Match, following: list[Match], norm: Normalised,
                            anchor: date, reference: str | None) -> Normalised:
    """A quarter named with the day it closed ("the second quarter ended Oct. 31") is dated by that day.

    Companies number quarters by their fiscal year, so the closing day, not the article date,
    says which year's quarter is meant: a stated ordinal keeps its number and takes the closing
    day's year; a bare "the quarter ended July 31" is the calendar quarter holding most of its
    three months (May-July: the second), unless a numbered quarter was just named ("the fiscal
    first quarter … the quarter ended Sept. 29" is that one).
    """
    if not following or following[0].family not in _DAY_FAMILIES or following[0].groups.get("y"):
        return norm
    closing = _CLOSING.fullmatch(text[match.end:following[0].start])
    groups = match.groups
    if closing is None or not re.fullmatch(r"\d{4}-Q[1-4]", norm.value) or groups.get("y1") or groups.get("y2"):
        return norm
    if any(groups.get(k) for k in ("shift", "yearago")) or groups.get("qrel", "").lower() in ("year-ago", "year-earlier"):
        return norm
    tense = "over" if closing["verb"].lower() == "ended" else None
    day_norm = normalise_match(following[0], anchor, tense, None)
    if day_norm is None or not _DAY_VALUE.fullmatch(day_norm.value):
        return norm
    closing_day = date.fromisoformat(day_norm.value)
    if groups.get("ord"):
        value = f"{closing_day.year}-Q{norm.value[-1]}"
    elif reference and re.fullmatch(r"\d{4}-Q[1-4]", reference):
        return norm
    else:
        middle = cal.add_months(closing_day, -1)
        value = f"{middle.year}-Q{cal.quarter_of(middle)}"
    first, last = cal.value_interval(value, anchor)
    return Normalised(norm.type, value, first.isoformat() if first else None, last.isoformat() if last else None,
                      norm.mod)


def _is_reporting_span(match: Match, norm: Normalised) -> bool:
    """A year-to-date reporting period: "the first nine months", "the latest six months"."""
    det = (match.groups.get("det") or "").lower()
    return match.family == "duration" and det == "the" and norm.value in ("P6M", "P9M")


def extract_times(doc: Doc, article: Article) -> None:
    """Fill ``article.times`` with normalised TIMEX3 values."""
    article.times = times_in(doc, cal.parse_iso(article.anchor_date))

