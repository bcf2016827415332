"""Calendar arithmetic for time values: shifting, choosing a year, and TIMEX3 value → interval.

Pure functions over ``datetime.date``; nothing here knows about texts. The interval of a value
is the first and last day it can denote ("2025-H2" → 2025-07-01..2025-12-31); a part-of-period
modifier narrows it ("early" keeps the first third, TimeML mod START).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
SEASON_ORDER = ["WI", "SP", "SU", "FA"]  # within a year: winter belongs to the year of its January


def parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def season_of(day: date) -> tuple[int, str]:
    """(year, code) of the season a day falls in; December is the next year's winter."""
    if day.month == 12:
        return day.year + 1, "WI"
    for code, (first, last) in SEASON_MONTHS.items():
        if code != "WI" and first <= day.month <= last:
            return day.year, code
    return day.year, "WI"


def shift_season(year: int, code: str, steps: int) -> tuple[int, str]:
    index = year * 4 + SEASON_ORDER.index(code) + steps
    return index // 4, SEASON_ORDER[index % 4]


# How far ahead a year-less date may lie and still be read as upcoming rather than last year's:
# in a past-tense clause only a few weeks ("was extended to Nov. 16"), otherwise about a season.
NEAR_FUTURE_DAYS = {"past": 31, None: 120}


def pick_year(candidates: list[tuple[date, date]], anchor: date, tense: str | None) -> int:
    """Choose among (start, end) periods in neighbouring years the one the tense points to.

    Future: the earliest period not yet over; "over" (a date something ended on): the latest one
    already begun. Otherwise the nearest period, except that a period
    starting more than ``NEAR_FUTURE_DAYS`` ahead gives way to the latest one already begun:
    news reports mostly the past ("in March", written in October, is last March).
    """
    if tense == "future":
        pending = [c for c in candidates if c[1] >= anchor]
        if pending:
            return min(pending)[0].year
    if tense == "over":  # "the quarter ended Oct. 31": a period already closed when the article was written
        begun = [c for c in candidates if c[0] <= anchor]
        if begun:
            return max(begun)[0].year

    def distance(c: tuple[date, date]) -> int:
        if c[0] <= anchor <= c[1]:
            return 0
        return (c[0] - anchor).days if c[0] > anchor else (anchor - c[1]).days

    nearest = min(candidates, key=lambda c: (distance(c), c[0] > anchor))
    reach = NEAR_FUTURE_DAYS["past"] if tense == "past" else NEAR_FUTURE_DAYS[None]
    if nearest[0] > anchor and (nearest[0] - anchor).days > reach:
        begun = [c for c in candidates if c[0] <= anchor]
        if begun:
            return max(begun)[0].year
    return nearest[0].year


def resolve_month_day(month: int, day: int, anchor: date, tense: str | None) -> date | None:
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append((date(year, month, day),) * 2)
        except ValueError:
            continue
    if not options:
        return None
    year = pick_year(options, anchor, tense)
    return date(year, month, day)


def resolve_month(month: int, anchor: date, tense: str | None) -> int:
    options = [(date(y, month, 1), month_end(y, month)) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    return pick_year(options, anchor, tense)


def resolve_weekday(weekday: int, anchor: date, tense: str | None, rel: str | None) -> date:
    """The date of an ISO weekday (1 = Monday) named in an article written on ``anchor``."""
    ahead = (weekday - anchor.isoweekday()) % 7
    behind = (anchor.isoweekday() - weekday) % 7
    if rel in ("last", "this past", "the previous"):
        return anchor - timedelta(days=behind or 7)
    if rel in ("next", "this coming", "the following", "the next"):
        return anchor + timedelta(days=ahead or 7)
    if ahead == 0:
        return anchor  # "said Friday" in a Friday paper: the day itself
    if tense == "future":
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=behind)


def _thirds(first: date, last: date, third: int) -> tuple[date, date]:
    """One third of an interval; months split at the 10th and 20th as in "early/mid/late May"."""
    if first.day == 1 and last == month_end(first.year, first.month):
        bounds = [(1, 10), (11, 20), (21, last.day)]
        lo, hi = bounds[third]
        return first.replace(day=lo), first.replace(day=hi)
    days = (last - first).days + 1
    size = -(-days // 3)
    start = first + timedelta(days=size * third)
    end = min(last, start + timedelta(days=size - 1))
    return min(start, last), end


_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")


def value_interval(value: str, anchor: date | None) -> tuple[date | None, date | None]:
    """First and last day a TIMEX3 value denotes (None where open or unknown)."""
    if value == "PRESENT_REF":
        return anchor, anchor
    if value == "PAST_REF":
        return None, anchor
    if value == "FUTURE_REF":
        return anchor, None
    if m := _DAY.match(value):
        try:
            day = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None, None
        return day, day
    if m := _MONTH.match(value):
        year, month = int(m[1]), int(m[2])
        return date(year, month, 1), month_end(year, month)
    if m := _YEAR.match(value):
        return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    if m := _WEEK.match(value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return monday + timedelta(days=5), monday + timedelta(days=6)
        return monday, monday + timedelta(days=6)
    if m := _QUARTER.match(value):
        year, q = int(m[1]), int(m[2])
        return date(year, 3 * q - 2, 1), month_end(year, 3 * q)
    if m := _HALF.match(value):
        year, h = int(m[1]), int(m[2])
        return date(year, 6 * h - 5, 1), month_end(year, 6 * h)
    if m := _SEASON.match(value):
        year, (first, last) = int(m[1]), SEASON_MONTHS[m[2]]
        start_year = year - 1 if m[2] == "WI" else year
        return date(start_year, first, 1), month_end(year, last)
    if m := _DECADE.match(value):
        return date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 9, 12, 31)
    if m := _CENTURY.match(value):
        return date(int(m[1]) * 100, 1, 1), date(int(m[1]) * 100 + 99, 12, 31)
    return None, None


def narrow(first: date | None, last: date | None, mod: str | None, anchor: date | None,
           part: str | None = None) -> tuple[date | None, date | None]:
    """Apply a part-of-period modifier to an interval."""
    if first is None or last is None:
        if mod == "ON_OR_AFTER":
            return first, None
        return first, last
    if part == "earlier" and anchor is not None:
        return first, max(first, min(last, anchor))
    if part == "later" and anchor is not None:
        return min(last, max(first, anchor)), last
    if mod == "START":
        return _thirds(first, last, 0)
    if mod == "MID":
        return _thirds(first, last, 1)
    if mod == "END":
        return _thirds(first, last, 2)
    if mod == "ON_OR_AFTER":
        return first, None
    if mod == "ON_OR_BEFORE":
        return None, last
    if mod == "BEFORE":  # "pre-2000": up to the period, not into it
        return None, first - timedelta(days=1)
    if mod == "AFTER":
        return last + timedelta(days=1), None
    return first, last
