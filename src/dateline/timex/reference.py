"""The story's reference time: what anaphoric expressions and bare clock times are read against.

Most expressions are read against the article date. Some point back into the story instead:
"a year earlier" and "the quarter" to the last calendar period named (within 600 characters; a
quarter reported in an earnings story stays the topic for 2,000), "that same day", "the next
morning" and "the previous Friday" to the last day named, and a clock time with no day of its
own ("at 3 p.m.", "at dawn") to the day named in its sentence ("On Sunday, … at 3 p.m."). ``StoryTime``
moves with the expressions as they are read, in text order; ``attach_clock_times`` places the
clock times once every day of the text is known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Span

from dateline.nlp import text_of
from dateline.record import Timex
from dateline.timex import calendar as cal
from dateline.timex.find import Match
from dateline.timex.normalise import Normalised, normalise_match

# Families whose values later anaphora ("a year earlier", "the quarter") may refer back to.
_PERIOD_FAMILIES = {"quarter", "qcode", "half", "month_year", "month", "year", "fiscal_year", "season",
                    "word_year"}
_PERIOD_REACH = 600  # characters: anaphora further back than this use the article date instead
_QUARTER_REACH = 2000  # a reported quarter stays the topic of an earnings story for longer
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_NIGHT_VALUE = re.compile(r"\d{4}-\d\d-\d\dT(?:EV|NI)")  # "Saturday night": a day named with its evening
_PART_OF_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\dT(?:MO|AF|EV|NI)")  # "Tuesday morning": a day with its part
DAY_FAMILIES = {"month_day", "day_month", "weekday_month_day"}
_SHIFT_GROUPS = ("shift", "shiftadj", "yearago")
_STORY_DAY_RELS = {"the previous", "the following", "the next", "that", "that same", "the same"}
_DAY_UNITS = {"day", "night"}
_COUNTED_DAY_UNITS = {"day", "days", "week", "weeks"}


def _said(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def points_to_story_day(match: Match) -> bool:
    """ "the previous Friday", "that same day", "the next morning": counted from the day last named."""
    rel = _said(match.groups.get("rel"))
    if match.family == "story_pod":
        return True
    if match.family == "weekday":
        return rel in ("the previous", "the following", "the next")
    if match.family == "rel_unit" and match.groups.get("dayshift"):
        return True  # "the day before,"
    if match.family == "ago" and _said(match.groups.get("ago")) == "earlier" \
            and _said(match.groups.get("unit")) in _COUNTED_DAY_UNITS:
        return True  # "The minister arrived on Monday; a day earlier, rebels had shelled the airport"
    return match.family == "rel_unit" and rel in _STORY_DAY_RELS and _said(match.groups.get("unit")) in _DAY_UNITS


def _is_period_reference(match: Match) -> bool:
    """Whether later anaphora may point back to this expression (shifted comparisons may not)."""
    groups = match.groups
    if any(groups.get(k) for k in _SHIFT_GROUPS) or groups.get("qrel", "").lower() in ("year-ago", "year-earlier"):
        return False
    if match.family in DAY_FAMILIES:
        return bool(groups.get("y"))  # "May 22, 1995 … the following year"
    return match.family in _PERIOD_FAMILIES


@dataclass
class StoryTime:
    """Where the story is in time as it is read: the last period and the last day named."""

    anchor: date | None
    period: tuple[str, int] | None = None  # (value, end offset)
    quarter: tuple[str, int] | None = None
    day: str | None = None

    def reference_for(self, match: Match) -> str | None:
        """The value an expression may point back to."""
        if points_to_story_day(match):
            return self.day
        if self.period and match.start - self.period[1] <= _PERIOD_REACH:
            return self.period[0]
        if self.quarter and match.start - self.quarter[1] <= _QUARTER_REACH:
            return self.quarter[0]
        return None

    def note(self, match: Match, norm: Normalised, tense: str | None) -> None:
        """Move the reference time with an expression just read."""
        if norm.type == "DATE" and _DAY_VALUE.fullmatch(norm.value):
            self.day = norm.value
        elif norm.type == "TIME" and _DAY_VALUE.match(norm.value) and (
                points_to_story_day(match) or _names_a_day(match)):
            # "Friday morning" names a day; "the next morning" moves the story on one; a bare
            # "at 3 p.m." or "overnight" names none (attach_clock_times gives it the day nearby)
            self.day = norm.value[:10]
        if _is_period_reference(match) and norm.type == "DATE" and re.match(r"\d{4}", norm.value):
            self.period = (norm.value, match.end)
            if re.fullmatch(r"\d{4}-Q[1-4]", norm.value):
                anchor = self.anchor
                if tense != "past" and anchor and norm.latest and norm.latest >= anchor.isoformat():
                    self.period = None  # a quarter still ahead is not the period results are compared with
                else:
                    self.quarter = self.period
        elif self.anchor and _is_reporting_span(match, norm):
            # "the first nine months": comparisons that follow ("a year earlier", "the 1988 period")
            # are with the same months of the year before, a year-level reference
            self.period = (str(self.anchor.year), match.end)


def _names_a_day(match: Match) -> bool:
    """ "Friday morning", "yesterday evening", "this morning": a day and its part."""
    return _has_own_day(match) or bool(match.groups.get("wd")) or match.family == "rel_pod"


def _has_own_day(match: Match) -> bool:
    return any(match.groups.get(k) for k in ("dayword", "mon"))


def attach_clock_times(doc: Doc, found: list[tuple[Match, Timex]], anchor: date | None) -> None:
    """A clock time with no day of its own takes the day named nearest to it in its sentence:
    "On Sunday, the polls closed at 8 p.m." is Sunday at 20:00, not the article's day; the end
    of a range running past midnight is on the day after its start."""
    if anchor is None:
        return
    _attach_to_named_days(doc, found, anchor)
    _run_overnight(text_of(doc), found)


_RANGE_LINK = re.compile(r"\s*(?:to|until|till|through|-|\u2013)\s*", re.IGNORECASE)
_CLOCK_HOUR = re.compile(r"\d{4}-\d\d-\d\dT(\d\d)(?::\d\d)?$")  # "T21:00"; midnight is "T24"


def _run_overnight(text: str, found: list[tuple[Match, Timex]]) -> None:
    """ "a curfew from 8 p.m. to 6 a.m.": a range whose end is an earlier hour than its start
    runs past midnight, and its end is on the next day."""
    for (first, start), (second, end) in zip(found, found[1:], strict=False):
        if first.family != "clock" or second.family != "clock":
            continue
        if not _RANGE_LINK.fullmatch(text[first.end:second.start]):
            continue
        begins, ends = _CLOCK_HOUR.match(start.value), _CLOCK_HOUR.match(end.value)
        if not (begins and ends) or int(ends.group(1)) >= int(begins.group(1)):
            continue
        if _has_own_day(second):
            # "from 6 p.m. to 6 a.m. on Sunday": the day named is the end's, the start is the eve
            if not _has_own_day(first) and start.value[:10] == end.value[:10]:
                _shift(start, -1)
        else:
            _shift(end, +1, start.value[:10])


def _shift(timex: Timex, days: int, base: str | None = None) -> None:
    day = (date.fromisoformat(base or timex.value[:10]) + timedelta(days=days)).isoformat()
    timex.value = day + timex.value[10:]
    timex.earliest = timex.latest = day


def _attach_to_named_days(doc: Doc, found: list[tuple[Match, Timex]], anchor: date) -> None:
    days = [(m, t) for m, t in found if (t.type == "DATE" and _DAY_VALUE.fullmatch(t.value))
            or (t.type == "TIME" and _PART_OF_DAY_VALUE.fullmatch(t.value) and _names_a_day(m))
            or _clock_with_day(m, t)]
    if not days:
        return
    for match, timex in found:
        if match.family not in ("clock", "day_mark") or _has_own_day(match) or not timex.value.startswith(anchor.isoformat()):
            continue
        sentence = doc.char_span(match.start, match.end, alignment_mode="expand")
        if sentence is None:
            continue
        day = _day_nearby(sentence, match, days, timex)
        if day is None:
            continue
        timex.value = day + timex.value[10:]
        timex.earliest = timex.latest = day


def _clock_with_day(match: Match, timex: Timex) -> bool:
    """ "close at 7 p.m. on Sunday": a clock time naming its day gives that day to a clock time
    beside it without one ("open at 7 a.m. and close at 7 p.m. on Sunday")."""
    return match.family == "clock" and _has_own_day(match) and bool(_DAY_VALUE.match(timex.value))


def _small_hours(night: Timex, clock: Timex) -> bool:
    """ "On Saturday night …; by 2 a.m. the shelling had stopped": the night runs into the next day."""
    return bool(_NIGHT_VALUE.fullmatch(night.value)) and clock.value[11:13].isdigit() and int(clock.value[11:13]) < 6


def _day_nearby(span: Span, match: Match, days: list[tuple[Match, Timex]], clock: Timex) -> str | None:
    """The day named nearest to a clock time in its sentence, else the last day named in the
    sentence before ("Gunmen attacked on Monday. At 4 p.m., reinforcements arrived.")."""
    sent = span.sent
    near = [(abs(m.start - match.start), m.start, t) for m, t in days if sent.start_char <= m.start < sent.end_char]
    if near:
        _, start, chosen = min(near, key=lambda n: n[:2])
    elif sent.start == 0:
        return None
    else:
        previous = span.doc[sent.start - 1].sent
        before = [(m.start, t) for m, t in days if previous.start_char <= m.start < previous.end_char]
        if not before:
            return None
        start, chosen = before[-1]
    day = chosen.value[:10]
    if start < match.start and _small_hours(chosen, clock):
        day = (date.fromisoformat(day) + timedelta(days=1)).isoformat()
    return day


_CLOSING = re.compile(r"\s+(?:that\s+|which\s+)?(?P<verb>ended|ending|ends)\s+$", re.IGNORECASE)


def quarter_by_closing_day(text: str, match: Match, following: list[Match], norm: Normalised,
                            anchor: date, reference: str | None) -> Normalised:
    """A quarter named with the day it closed ("the second quarter ended Oct. 31") is dated by that day.

    Companies number quarters by their fiscal year, so the closing day, not the article date,
    says which year's quarter is meant: a stated ordinal keeps its number and takes the closing
    day's year; a bare "the quarter ended July 31" is the calendar quarter holding most of its
    three months (May-July: the second), unless a numbered quarter was just named ("the fiscal
    first quarter … the quarter ended Sept. 29" is that one).
    """
    if not following or following[0].family not in DAY_FAMILIES or following[0].groups.get("y"):
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


