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
    LONDON, 4 May (Reuters) -               day first, as in British and most European copy
    PARIS, 3 mars (AFP) -                   month names of other languages (see FOREIGN_MONTHS)
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

# Month names (and their usual abbreviations) of the languages whose wire copy most often comes in,
# so an article kept in another language keeps its dateline. Russian months are in the genitive,
# as a date writes them ("4 мая"). English words they could be mistaken for are left out.
FOREIGN_MONTHS = {
    # French
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "mars": 3, "avril": 4, "avr": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9,
    "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12, "déc": 12,
    # German
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "juni": 6, "juli": 7,
    "oktober": 10, "okt": 10, "dezember": 12, "dez": 12,
    # Spanish
    "enero": 1, "ene": 1, "febrero": 2, "marzo": 3, "abril": 4, "abr": 4, "mayo": 5, "junio": 6,
    "julio": 7, "agosto": 8, "ago": 8, "septiembre": 9, "setiembre": 9, "octubre": 10,
    "noviembre": 11, "diciembre": 12, "dic": 12,
    # Italian
    "gennaio": 1, "gen": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "giu": 6,
    "luglio": 7, "lug": 7, "settembre": 9, "set": 9, "ottobre": 10, "ott": 10, "dicembre": 12,
    # Portuguese
    "janeiro": 1, "fevereiro": 2, "fev": 2, "março": 3, "marco": 3, "maio": 5, "junho": 6,
    "julho": 7, "setembro": 9, "outubro": 10, "out": 10, "dezembro": 12,
    # Dutch
    "januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8,
    # Russian (genitive)
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
}
_ALL_MONTHS = {**FOREIGN_MONTHS, **MONTHS}

# Agency names as they appear in the parenthesis or slashes → the name we output.
AGENCIES = {
    "tass": "TASS", "reuters": "Reuters", "ap": "AP", "afp": "AFP", "xinhua": "Xinhua",
    "upi": "UPI", "interfax": "Interfax", "aa": "Anadolu", "anadolu": "Anadolu",
    "anadolu agency": "Anadolu", "pti": "PTI", "yonhap": "Yonhap", "ians": "IANS", "ani": "ANI",
    "kyodo": "Kyodo", "bernama": "Bernama", "efe": "EFE", "dpa": "dpa", "ria novosti": "RIA Novosti",
    "belta": "BelTA", "irna": "IRNA", "wam": "WAM", "sana": "SANA", "kuna": "KUNA", "mena": "MENA",
    "apa": "APA", "trend": "Trend", "akipress": "AKIpress", "xinhua news agency": "Xinhua",
    "cna": "CNA", "pna": "PNA", "antara": "Antara", "ukrinform": "Ukrinform", "itar-tass": "TASS",
    "тасс": "TASS", "итар-тасс": "TASS", "интерфакс": "Interfax", "риа новости": "RIA Novosti",
}

_MONTH_NAMES = "|".join(sorted(_ALL_MONTHS, key=len, reverse=True))
_MONTH = rf"(?P<month>{_MONTH_NAMES})\.?"
# A place starts with a capital: Latin, Greek or Cyrillic.
_PLACE_WORD = r"[A-Z\u00C0-\u00DE\u0391-\u03A9\u0400-\u042F][\w\u00C0-\u024F'’.\-}]*"
_PLACE = rf"(?P<place>{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,4}}(?:,\s+(?!(?:{_MONTH_NAMES})\.?\s)[A-Z][\w'.\-]*(?:\s+[A-Z][\w'.\-]*){{0,2}}){{0,2}})"
_DATE = rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?\.?"
# Day first: "4 May", "4. Mai", "3 de marzo de 2025".
_DATE_DAY_FIRST = (rf"(?P<day>\d{{1,2}})\.?\s+(?:de\s+)?{_MONTH}(?:,?\s+(?:de\s+)?(?P<year>(?:19|20)\d\d))?\.?")
_AGENCY = (r"(?:\((?P<agency>[A-Za-z\u0400-\u04FF][A-Za-z\u0400-\u04FF .&-]{0,30})\)"
           r"|/(?P<agency_slash>[A-Za-z\u0400-\u04FF-]{2,20})/\.?)")
_DASH = r"(?:--|-|—|–|_|:)"

_WITH_DATE = re.compile(
    rf"^{_PLACE}\s*[,.]\s+{_DATE}\s*(?:{_AGENCY}\s*)?(?P<sep>{_DASH}|(?<=\.)|(?<=\)))\s*",
    re.IGNORECASE,
)
_WITH_DAY_FIRST = re.compile(
    rf"^{_PLACE}\s*[,.]\s+{_DATE_DAY_FIRST}\s*(?:{_AGENCY}\s*)?(?P<sep>{_DASH}|(?<=\.)|(?<=\)))\s*",
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
    for pattern in (_WITH_DATE, _WITH_DAY_FIRST, _AGENCY_ONLY, _DASH_ONLY):
        m = pattern.match(paragraph)
        if m is None:
            continue
        place = m.group("place").strip().rstrip(",")
        dated = pattern in (_WITH_DATE, _WITH_DAY_FIRST)
        if not _plausible_place(place, dated):
            continue
        groups = m.groupdict()
        agency_raw = groups.get("agency") or groups.get("agency_slash")
        agency = _agency(agency_raw)
        if agency_raw and agency is None and not dated:
            continue
        if agency is None and agency_raw and _looks_like_agency(agency_raw):
            agency = " ".join(agency_raw.split())  # a dated "(Northwire)": an agency we have no entry for
        month = _ALL_MONTHS[m.group("month").lower().rstrip(".")] if groups.get("month") else None
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


def _looks_like_agency(raw: str) -> bool:
    """A name in brackets after a dated dateline: capitalised words, at most four."""
    words = raw.split()
    return 0 < len(words) <= 4 and words[0][:1].isupper()


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
