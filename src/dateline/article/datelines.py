"""Datelines: the "PLACE, Month Day (AGENCY) -" opening of a wire story.

One grammar covers the agencies' house styles:
    MOSCOW, February 10. /TASS/.            TASS
    SALVADOR, Feb 26 -                      Reuters (1980s)
    PASADENA, Calif., Feb 26 -              place with a region
    LONDON (Reuters) -                      Reuters today, AFP, AP, UPI, PTI, Yonhap…
    NAIROBI, Kenya (AP) _                   AP
    BEIJING, Jan. 5 (Xinhua) --             Xinhua, UPI, Yonhap
    MOSCOW. Feb 10 (Interfax) -             Interfax
    KYIV —                                  plain place and dash
A dateline is recognised only at the start of a paragraph, and a bare place needs a dash after
it, so that ordinary sentences ("Washington, he said, …") are never taken for one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

# Agency names as they appear in the parenthesis or slashes → the name we output.
AGENCIES = {
    "tass": "TASS", "reuters": "Reuters", "ap": "AP", "afp": "AFP", "xinhua": "Xinhua",
    "upi": "UPI", "interfax": "Interfax", "aa": "Anadolu", "anadolu": "Anadolu",
    "anadolu agency": "Anadolu", "pti": "PTI", "yonhap": "Yonhap", "ians": "IANS", "ani": "ANI",
    "kyodo": "Kyodo", "bernama": "Bernama", "efe": "EFE", "dpa": "dpa", "ria novosti": "RIA Novosti",
    "belta": "BelTA", "irna": "IRNA", "wam": "WAM", "sana": "SANA", "kuna": "KUNA", "mena": "MENA",
    "apa": "APA", "trend": "Trend", "akipress": "AKIpress", "xinhua news agency": "Xinhua",
    "cna": "CNA", "pna": "PNA", "antara": "Antara", "ukrinform": "Ukrinform", "itar-tass": "TASS",
}

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH = rf"(?P<month>{_MONTH_NAMES})\.?"
_PLACE_WORD = r"[A-Z\u00C0-\u00DE][\w\u00C0-\u024F'’.\-}]*"
_PLACE = rf"(?P<place>{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,4}}(?:,\s+(?!(?:{_MONTH_NAMES})\.?\s)[A-Z][\w'.\-]*(?:\s+[A-Z][\w'.\-]*){{0,2}}){{0,2}})"
_DATE = rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?\.?"
_AGENCY = r"(?:\((?P<agency>[A-Za-z][A-Za-z .&-]{0,30})\)|/(?P<agency_slash>[A-Za-z-]{2,20})/\.?)"
_DASH = r"(?:--|-|—|–|_|:)"

_WITH_DATE = re.compile(
    rf"^{_PLACE}\s*[,.]\s+{_DATE}\s*(?:{_AGENCY}\s*)?(?P<sep>{_DASH}|(?<=\.)|(?<=\)))\s*",
    re.IGNORECASE,
)
_AGENCY_ONLY = re.compile(rf"^{_PLACE}\s+{_AGENCY}\s*(?P<sep>{_DASH})?\s*")
_DASH_ONLY = re.compile(rf"^{_PLACE}\s+(?P<sep>—|–|--)\s+")


@dataclass
class DatelineMatch:
    text: str  # the dateline as written, without the trailing separator and space
    end: int  # where the story text starts after it
    place: str
    agency: str | None
    month: int | None
    day: int | None
    year: int | None


def parse_dateline(paragraph: str) -> DatelineMatch | None:
    """Recognise a dateline at the start of `paragraph`; None when there is none."""
    for pattern in (_WITH_DATE, _AGENCY_ONLY, _DASH_ONLY):
        m = pattern.match(paragraph)
        if m is None:
            continue
        place = m.group("place").strip().rstrip(",")
        if not _plausible_place(place, pattern is _WITH_DATE):
            continue
        groups = m.groupdict()
        agency_raw = groups.get("agency") or groups.get("agency_slash")
        agency = _agency(agency_raw)
        if agency_raw and agency is None and pattern is not _WITH_DATE:
            continue
        month = MONTHS[m.group("month").lower().rstrip(".")] if groups.get("month") else None
        day = int(m.group("day")) if groups.get("day") else None
        if day is not None and not 1 <= day <= 31:
            continue
        year = int(m.group("year")) if groups.get("year") else None
        text = paragraph[: m.end()].rstrip()
        sep = groups.get("sep") or ""
        if sep and text.endswith(sep) and sep != ".":
            text = text[: -len(sep)].rstrip()
        return DatelineMatch(text, m.end(), place, agency, month, day, year)
    return None


def _agency(raw: str | None) -> str | None:
    if not raw:
        return None
    return AGENCIES.get(" ".join(raw.lower().split()))


def _plausible_place(place: str, has_date: bool) -> bool:
    head = place.split(",")[0]
    words = head.split()
    if not words or len(words) > 5:
        return False
    # Without a date we demand an all-caps place ("KYIV —"), the wire convention; with a date,
    # mixed case ("Caracas, March 6 -") is common in older copy.
    if not has_date and head.upper() != head:
        return False
    return head[0].isalpha()


def iso_date(month: int | None, day: int | None, year: int | None) -> str | None:
    if month is None or day is None:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}"
