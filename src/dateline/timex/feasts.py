"""Named days from a maintained calendar: the ``holidays`` package and dateutil's Easter.

``data/time/holidays.tsv`` maps each name ("Thanksgiving", "Good Friday", "Eid al-Fitr") to the
calendar that dates it: a country's public holidays in the ``holidays`` package (movable feasts,
lunar and lunisolar ones included), days counted from Easter, or, for a few observances no public
calendar lists, a fixed day. ``day_of(name, year)`` is the day in a given year.
``historical_day`` dates the few days whose name is one event ("the September 11 attacks") from
``data/time/historical_days.tsv``.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from dateline.resources import data_rows


@cache
def table() -> dict[str, tuple[str, str]]:
    """name → (calendar, entry)."""
    return {row[0].lower(): (row[1], row[2]) for row in data_rows("time", "holidays.tsv")}


def names() -> list[str]:
    return list(table())


@cache
def _country_days(calendar: str, year: int) -> dict[str, date]:
    """English holiday name → its first day that year, in one country's public calendar."""
    import holidays  # imported on first use: most texts name no holiday

    country, _, subdivision = calendar.partition("/")
    days: dict[str, date] = {}
    for language in ("en_US", None):  # some calendars name their days in English only as en_IN, en_GB, …
        try:
            found = holidays.country_holidays(country, subdiv=subdivision or None, years=year, language=language)
        except NotImplementedError:
            continue
        for day, label in sorted(found.items()):
            for part in label.split("; "):
                days.setdefault(part, day)
    return days


def day_of(name: str, year: int) -> date | None:
    """The day a named holiday falls on in ``year``; None when the calendar does not list it."""
    entry = table().get(" ".join(name.lower().split()))
    if entry is None:
        return None
    calendar, value = entry
    if calendar == "fixed":
        month, day = (int(x) for x in value.split("-"))
        return date(year, month, day)
    if calendar == "weekday":
        return _nth_weekday(value, year)
    if calendar.endswith("easter"):
        from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

        if calendar.startswith("RU"):
            return easter(year, EASTER_ORTHODOX) + timedelta(days=int(value))
        return easter(year, EASTER_WESTERN) + timedelta(days=int(value))
    try:
        return _country_days(calendar, year).get(value)
    except (NotImplementedError, KeyError):
        return None


def _nth_weekday(rule: str, year: int) -> date | None:
    """ "03-1-1/4": the first Tuesday of March in the years divisible by 4 (Super Tuesday)."""
    days, _, every = rule.partition("/")
    if every and year % int(every):
        return None
    month, nth, weekday = (int(x) for x in days.split("-"))
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


@cache
def _historical() -> dict[str, tuple[date, frozenset[str]]]:
    """month-day → (the day of the event, the nouns naming it)."""
    return {row[0]: (date.fromisoformat(row[1]), frozenset(row[2].split(","))) for row in
            data_rows("time", "historical_days.tsv")}


def historical_day(month_day: str, noun: str, anchor: date | None) -> date | None:
    """The day of the one event a year-less day names before its noun ("the September 11
    attacks" → 2001-09-11); None for any other day, noun, or an article written before it."""
    entry = _historical().get(month_day)
    if entry is None or noun not in entry[1] or (anchor is not None and anchor < entry[0]):
        return None
    return entry[0]
