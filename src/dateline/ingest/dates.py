"""Reading a ``published`` value, whatever shape the source gave it.

Accepted (see docs/exports.md, "Published dates"):

* ISO 8601 / RFC 3339 dates and date-times (``2025-03-04``, ``2025-03-04T08:30:00Z``) — kept as given;
* RFC 2822, as RSS writes it (``Tue, 04 Mar 2025 08:30:00 +0000``);
* written dates (``March 4, 2025``, ``4 March 2025``, ``Mar 4 2025 10:00``);
* numeric dates ``04/03/2025``, ``4.3.2025``, ``04-03-2025`` (four-digit year last): a part over 12
  says which is the day; when both could be, the day comes first (the order of most of the world's
  wire services) unless ``month_first`` is set, and the record gets a W301 warning;
* epoch seconds (``1741077000``, an int or a digit string of 9–10 digits) and epoch milliseconds
  (12–13 digits), read as UTC.

Everything else — no year, no day, a year outside 1900–2100, words like "last Tuesday" — is
unreadable: the value is dropped and the caller records an E112 warning. Read dates are written
back in ISO form (a date, or a date-time with its offset when the source gave a time).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from dateutil import parser as dateutil_parser

from dateline.errors import Code, DatelineError

MIN_YEAR, MAX_YEAR = 1900, 2100
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_EPOCH = re.compile(r"^\d{9,10}(\.\d+)?$|^\d{12,13}$")
# Two defaults that differ in every field: a field the text does not give comes out different.
_PROBE_A = datetime(2001, 1, 1, 0, 0, 0)
_PROBE_B = datetime(2002, 2, 2, 1, 1, 1)


def _in_range(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def _iso(value: str) -> str | None:
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    # A bare "20250304" is also ISO to Python; we take only the forms with separators.
    return value if "-" in value[:8] and _in_range(parsed.year) else None


def _epoch(value: str | int | float) -> str | None:
    seconds = float(value)
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    moment = datetime.fromtimestamp(seconds, tz=UTC)
    return moment.isoformat(timespec="seconds") if _in_range(moment.year) else None


def _numeric(m: re.Match[str], month_first: bool) -> tuple[str | None, bool]:
    """A d/m/y or m/d/y date; the flag says the order had to be assumed."""
    a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    ambiguous = a <= 12 and b <= 12 and a != b
    if a > 12:
        day, month = a, b
    elif b > 12:
        month, day = a, b
    else:
        month, day = (a, b) if month_first else (b, a)
    try:
        value = date(year, month, day)
    except ValueError:
        return None, False
    return (value.isoformat() if _in_range(year) else None), ambiguous


def _rfc2822(value: str) -> str | None:
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment is None or not _in_range(moment.year):
        return None
    return moment.isoformat(timespec="seconds")


def _written(value: str, month_first: bool) -> str | None:
    """A date in words ("March 4, 2025", "4 March 2025 10:00 GMT"): every one of year, month and day
    must come from the text (read twice against different defaults to tell)."""
    try:
        a = dateutil_parser.parse(value, default=_PROBE_A, dayfirst=not month_first)
        b = dateutil_parser.parse(value, default=_PROBE_B, dayfirst=not month_first)
    except (ValueError, OverflowError, TypeError):
        return None
    if (a.year, a.month, a.day) != (b.year, b.month, b.day) or not _in_range(a.year):
        return None
    if (a.hour, a.minute) != (b.hour, b.minute):  # no time given
        return a.date().isoformat()
    return a.isoformat(timespec="seconds")


def read_published(value: Any, month_first: bool = False) -> tuple[str | None, DatelineError | None]:
    """(ISO date or date-time, warning): the warning is E112 when the value cannot be read (the
    date is then None) and W301 when a numeric date's order was assumed."""
    if value is None or value == "" or isinstance(value, bool):
        return None, None
    if isinstance(value, int | float):
        text = str(int(value)) if float(value).is_integer() else str(value)
    else:
        text = " ".join(str(value).split())
    if not text:
        return None, None
    try:
        found = _read(text, month_first)
    except (ValueError, OverflowError, OSError):
        found = (None, False)
    iso, assumed = found
    if iso is None:
        return None, DatelineError(Code.BAD_DATE, repr(text[:80]))
    if assumed:
        order = "month first" if month_first else "day first"
        return iso, DatelineError(Code.AMBIGUOUS_DATE, f"{text!r} read {order} as {iso}")
    return iso, None


def _read(text: str, month_first: bool) -> tuple[str | None, bool]:
    if _EPOCH.match(text):
        return _epoch(text), False
    iso = _iso(text)
    if iso is not None:
        return iso, False
    m = _NUMERIC.match(text)
    if m:
        return _numeric(m, month_first)
    if re.match(r"^\d+$", text):  # other bare numbers are neither epochs nor dates
        return None, False
    return _rfc2822(text) or _written(text, month_first), False
