"""Recognising time expressions: a small grammar of precompiled patterns over plain text.

The word tables live in ``data/time/lexicon.json``; this module turns them into regular
expression fragments and a list of pattern *families* ("month_day", "duration", …). Each family
is one compiled pattern with named groups; ``timex.normalise`` interprets the groups of each
family. Recognition and normalisation share this grammar, so ``normalise("Feb. 26, 1987", …)``
re-parses the expression with the same patterns that found it in a text.

Extents follow the TimeML/TimeBank conventions: a leading "the" is part of the expression
("the third quarter"), prepositions are not ("in [1988]"), and modifiers that say which part of a
period or how precise an amount is are ("[early next year]", "[about two years ago]").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from dateline.timex import feasts
from dateline.timex.scan import Scanner


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The word tables of data/time/lexicon.json (keys starting with "_" are comments)."""
    path = resources.files("dateline") / "data" / "time" / "lexicon.json"
    with path.open(encoding="utf-8") as fh:
        tables: dict[str, Any] = json.load(fh)
        return tables


def _alt(words: list[str] | Any, abbrev_dot: bool = False) -> str:
    """An alternation of words, longest first; abbreviations (≤4 letters) may carry a dot."""
    items = sorted((w for w in words if not w.startswith("_")), key=len, reverse=True)
    parts = []
    for word in items:
        piece = re.escape(word).replace(r"\ ", r"\s+")
        if abbrev_dot and len(word) <= 4 and word.isalpha() and word not in lexicon()["full_month_names_short"]:
            piece += r"\.?"
        parts.append(piece)
    return "(?:" + "|".join(parts) + ")"


@dataclass(frozen=True)
class Macros:
    """Regex fragments shared by the families."""

    month: str
    weekday: str
    day: str
    year: str
    word_year: str
    number: str
    unit: str
    season: str
    ordinal: str
    decade_word: str
    tz: str
    holiday: str
    deictic: str
    set_word: str
    pod: str
    day_mark: str


def _number_words(lex: dict[str, Any]) -> str:
    units = [w for w, n in lex["numbers"].items() if isinstance(n, int) and 1 <= n <= 19 and " " not in w
             and w not in ("a", "an", "single", "dozen")]
    tens = [w for w, n in lex["numbers"].items() if isinstance(n, int) and n >= 20]
    simple = f"(?:{_alt(tens)}(?:[-\\s]{_alt(units)})?|{_alt(units)})"
    scaled = f"(?:(?:{simple}|a|one)[-\\s]+{_alt(list(lex['scales']))}(?:[-\\s]+(?:and[-\\s]+)?{simple})?)"
    # a second number word follows only a scale ("one thousand five hundred"): in "three two-year
    # tours" the first counts the tours, the second the years
    return f"(?:{scaled}(?:[-\\s]+(?:{scaled}|{simple}))?|{simple})"


@lru_cache(maxsize=1)
def macros() -> Macros:
    lex = lexicon()
    full_weekdays = [w for w in lex["weekdays"] if len(w) > 5]
    short_weekdays = [w + r"\." for w in lex["weekdays"] if len(w) <= 5]
    weekday = "(?:" + "|".join(sorted(full_weekdays, key=len, reverse=True) + short_weekdays) + ")"
    number_words = _number_words(lex)
    digits = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+1/2)?"
    vague = _alt(lex["vague_numbers"])
    fixed = _alt([w for w, n in lex["numbers"].items() if " " in w or w in ("a", "an", "single", "dozen")])
    number = f"(?:{digits}|{number_words}|{fixed}|{vague})"
    teens = "(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
    tens = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    ones = "(?:one|two|three|four|five|six|seven|eight|nine)"
    word_year = (
        f"(?:(?:nineteen|eighteen|twenty)[-\\s]+(?:{tens}(?:[-\\s]{ones})?|{teens}|hundred|oh[-\\s]{ones})"
        f"|two\\s+thousand(?:[-\\s]+(?:and[-\\s]+)?(?:{tens}(?:[-\\s]{ones})?|{teens}|{ones}))?)"
    )
    return Macros(
        month=_alt(list(lex["months"]), abbrev_dot=True) + r"(?![a-z])",
        weekday=weekday + r"(?![a-z])",
        day=r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d])",
        year=r"(?:1[0-9]\d\d|20\d\d)(?![\d])",
        word_year=word_year,
        number=number,
        unit=_alt([u for u in lex["units"]]) + r"(?![a-z])",
        season=_alt(list(lex["seasons"])),
        ordinal=_alt([o for o in lex["ordinals"] if o != "last"]),
        decade_word=_alt(list(lex["decade_words"])),
        tz=_alt(lex["time_zones"]),
        holiday=_alt(feasts.names()),
        deictic=_alt([w for w in lex["deictic"] if not w.startswith("_")]),
        set_word=_alt([w for w in lex["sets"] if not w.startswith("_")]),
        pod=_alt([p for p in lex["parts_of_day"] if not p.startswith("_")]),
        day_mark=_alt([w for w in lex["day_marks"] if not w.startswith("_")]),
    )


def _families(m: Macros) -> list[tuple[str, str]]:
    """(family, pattern) in priority order; on equal extents the earlier family wins."""
    yr = f"(?:{m.year}|'\\d\\d(?![\\d']))"
    wd = f"(?P<wd>{m.weekday})"
    rel_year = r"(?:this|last|next|the\s+previous|the\s+following)\s+year"
    clock = (r"(?:(?P<h>\d{1,2})(?:[:.](?P<mi>\d\d))?\s*(?P<ampm>a\.\s?m\.|p\.\s?m\.|am\b|pm\b)"
             r"|(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?!\d)(?:\s+(?:hours|hrs|GMT|UTC))?"
             r"|(?P<hm4>(?:[01]\d|2[0-3])[0-5]\d)(?=\s+(?:GMT|UTC|hours|hrs)\b)"  # "at 1800 GMT"
             r"|(?P<clockword>noon|midnight|midday))")
    return [
        ("iso_date", r"(?P<y>(?:19|20)\d\d)-(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?:T(?P<hh>\d\d):(?P<mm>\d\d))?(?![\d])"),
        ("numeric_date", r"(?<![\d/])(?P<mo>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>(?:19|20)?\d\d)(?![\d/])"),
        ("clock", f"(?:(?P<around>around|about|approximately)\\s+)?{clock}"
                  f"(?:\\s+(?P<tz>{m.tz})(?![a-z]))?"
                  f"(?:,?\\s+(?:on\\s+)?(?P<dayword>yesterday|today|tomorrow|{m.weekday}))?"
                  f"(?:,?\\s+(?P<mon>{m.month})\\s+(?P<d>{m.day}))?"),
        ("weekday_month_day", f"(?:(?P<rel>this\\s+coming|this|last|next)\\s+)?{wd},?\\s+(?:the\\s+)?"
                              f"(?:(?P<mon>{m.month})\\s+(?:(?P<d>{m.day})|(?P<dord>{m.ordinal}))"
                              f"|(?:(?P<d2>{m.day})|(?P<dord2>{m.ordinal}))\\s+(?:of\\s+)?(?P<mon2>{m.month}))"
                              f"(?:,?\\s+(?P<y>{yr}|{m.word_year}))?"),
        ("month_day", f"(?P<mon>{m.month})\\s+(?:the\\s+)?(?:(?P<d>{m.day})|(?P<dord>{m.ordinal}))(?![\\d,]\\d)"
                      f"(?:(?:,\\s*|\\s+)(?P<y>{yr}|{m.word_year}))?(?!\\s*(?:%|percent|cents|\\$))"),
        ("day_month", f"(?:the\\s+)?(?:(?P<d>{m.day})|(?P<dord>{m.ordinal}))\\s+(?:of\\s+)?(?P<mon>{m.month})"
                      f"(?:,?\\s+(?P<y>{yr}|{m.word_year}))?"),
        ("month_year", f"(?P<mon>{m.month}),?\\s+(?:of\\s+)?(?P<y>{m.year}|{m.word_year}|'\\d\\d)"),
        ("month_rel_year", f"(?P<mon>{m.month})\\s+(?:of\\s+)?(?P<relyear>{rel_year})"),
        ("month", f"(?:(?P<rel>this\\s+past|this\\s+coming|this|last|next|that)\\s+)?(?P<mon>{m.month})"),
        ("weekday_pod", f"(?:(?P<rel>this\\s+coming|this\\s+past|this|last|next)\\s+)?(?P<wd>{m.weekday[:-9]})"
                        f"(?P<plural>s)?\\s+(?P<pod>{m.pod})"),
        ("pod_rel", f"(?P<pod>{m.pod})\\s+(?P<dayword>yesterday|today|tomorrow|{m.weekday})"
                    r"|(?P<podmid>mid[-\s](?:morning|afternoon))(?![\w-])"),
        ("weekday", f"(?:(?P<rel>this\\s+coming|this\\s+past|this|last|next|the\\s+previous|the\\s+following"
                    f"|the\\s+next|that)\\s+)?(?P<wd>{m.weekday[:-9]})(?P<plural>s)?(?![a-z])"),
        ("story_pod", "(?P<rel>the\\s+next|the\\s+following|the\\s+previous|that\\s+same|the\\s+same|that)\\s+"
                      "(?P<pod>morning|afternoon|evening|night)(?![\\w-])"),
        ("rel_pod", "(?P<rel>this|yesterday|tomorrow|last|tonight|early\\s+this|later\\s+this|earlier\\s+this"
                    "|late\\s+this|this\\s+past)\\s+(?P<pod>morning|afternoon|evening|night)"),
        ("quarter", f"(?:(?P<det>the|its|their|this\\s+year's|last\\s+year's|next\\s+year's|a|this|that)\\s+)?"
                    f"(?:(?P<shift>comparable\\s+year-ago|comparable\\s+year-earlier|year-ago|year-earlier|"
                    f"year\\s+ago|year\\s+earlier|corresponding|comparable|same)\\s+)?"
                    f"(?:(?P<y1>{m.year})\\s+)?(?:(?P<flat>flat|strong|weak|disappointing|difficult)\\s+)?"
                    f"(?:(?P<fiscal>fiscal)[-\\s]+)?"
                    f"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)"
                    f"|(?P<qrel>latest|current|last|previous|past|next|coming|recent|just-ended|year-ago|year-earlier))?"
                    f"[-\\s]*(?P<q>quarter|qtr\\.?)(?P<pl>s)?(?![-\\w])"
                    f"(?:\\s+(?:of\\s+|in\\s+)?(?P<y2>{m.year}|fiscal\\s+{m.year}|{rel_year})"
                    f"|\\s+of\\s+(?P<ythe>the\\s+year)(?![\\w-]))?"
                    f"(?P<yearago>\\s+a\\s+year\\s+(?:ago|earlier))?"),
        ("qcode", r"(?P<qn>[1-4])Q(?:\s*(?P<y>(?:19|20)\d\d))?|Q(?P<qn2>[1-4])(?:\s+(?P<y2>(?:19|20)\d\d))?(?![\w])"),
        ("half", f"(?:the\\s+)?(?P<ord>first|second|last|latter|back|front)\\s+half"
                 f"(?:\\s+of\\s+(?:(?P<y>{m.year}|the\\s+year|{rel_year}|fiscal\\s+{m.year})"
                 f"|the\\s+(?P<dec>(?:1[0-9]|20)\\d0'?s|'\\d0s|{m.decade_word})))?"),
        ("part_year", f"(?:the\\s+)?(?P<y>{m.year})\\s+(?P<what>period|fiscal\\s+year|season|year)"),
        ("shifted", r"(?:the\s+)?(?:comparable\s+|corresponding\s+|same\s+)?(?P<shift>year-ago|year-earlier|"
                    r"year\s+ago|year\s+earlier|prior-year|previous-year)"
                    r"\s+(?P<what>period|quarter|nine\s+months|six\s+months|month|fiscal\s+year)(?![\w-])"
                    r"|(?P<shiftadj>year-ago|year-earlier)(?![\w-])"),
        ("corresponding", r"(?:the\s+)?(?:corresponding|comparable|same)\s+(?P<what>period|quarter|month|week)\s+"
                          r"(?:of\s+)?(?P<relyear>last\s+year|a\s+year\s+(?:ago|earlier))"),
        ("decade", f"(?:the\\s+)?(?:(?P<part>early|mid|late)[-\\s]?)?(?P<dec>(?:1[0-9]|20)\\d0'?s|'\\d0s|\\d0s(?![\\w])|{m.decade_word})"),
        ("century", f"(?:the\\s+)?(?P<ord>\\d{{1,2}}(?:st|nd|rd|th)|{m.ordinal})[-\\s]century"),
        ("season", f"(?:(?P<rel>this\\s+past|this\\s+coming|this|last|next|(?:the\\s+)?(?:early|late|mid)|the|that)\\s+)?"
                   f"(?P<s>{m.season})(?:\\s+(?:of\\s+)?(?P<y>{m.year}|{m.word_year}|'\\d\\d))?"),
        ("holiday", f"(?P<hol>{m.holiday})(?![\\w'-])(?:\\s+(?P<y>{m.year}))?"),
        ("fiscal_year", f"(?:(?P<fy>fiscal|FY)\\s*(?:year\\s+)?(?P<y>{m.year}|'?\\d\\d(?![\\d])))"),
        ("word_year", f"(?:the\\s+year\\s+)?(?P<wy>{m.word_year})"),
        ("year", f"(?:(?P<the>the\\s+year)\\s+)?(?P<y>{m.year})"
                 r"(?P<beyond>\s+(?:and\s+beyond|or\s+later|and\s+thereafter|or\s+earlier|or\s+before))?"),
        ("set", f"(?P<every>every|each|per)\\s+(?:(?P<num>{m.number})\\s+)?(?:other\\s+)?"
                f"(?:(?P<unit>{m.unit})|(?P<swd>{m.weekday})|(?P<smon>{m.month}))"
                f"|(?P<sword>{m.set_word})(?![\\w-])"
                f"|(?P<swe>weekends)(?![\\w-])"
                f"|(?P<times>once|twice|(?:three|four|five|\\d+)\\s+times)\\s+(?:a|an|per|each)\\s+(?P<tunit>{m.unit})"),
        ("ago", f"(?:(?P<dir>the\\s+past|the\\s+last)\\s+)?(?P<num>{m.number})(?:\\s+(?:or|to)\\s+(?P<num2>{m.number}))?"
                f"(?:[-\\s]+(?:more|additional))?[-\\s]+(?P<unit>{m.unit})(?P<orso>\\s+or\\s+so)?\\s+(?P<ago>ago|earlier|from\\s+now|back)"
                f"(?![\\w])"),
        ("duration", f"(?:(?P<det>the|these|those|its|his|her|their|a|an)\\s+)?"
                     f"(?:(?P<dir>first|last|past|next|previous|coming|latest|final|following|remaining|initial|"
                     f"preceding|recent|early|late|year-earlier|year-ago)\\s+)?"
                     f"(?P<num>{m.number})(?:\\s+(?:to|or|-)\\s+(?P<num2>{m.number}))?"
                     f"(?:[-\\s]+(?P<more>more|additional|straight|consecutive|full|successive|trading|business))?"
                     f"[-\\s]+(?P<unit>{m.unit})(?P<old>-old)?(?P<half>\\s+and\\s+a\\s+half)?(?P<orso>\\s+or\\s+(?:so|more))?"
                     f"(?P<period>\\s+period)?"),
        ("rel_unit", "(?P<rel>the\\s+following|the\\s+previous|the\\s+next|the\\s+past|the\\s+last|the\\s+current|"
                     "the\\s+coming|the\\s+latest|the\\s+same|the\\s+present|this\\s+past|this\\s+coming|this|last|next|"
                     "past|previous|coming|current|that\\s+same|that|the\\s+full|the)\\s+(?P<fiscal>fiscal\\s+)?"
                     "(?P<unit>week|weekend|month|year|decade|century|period|day|millennium)(?![\\w-])"
                     "(?P<dayshift>\\s+(?:before|after)(?=\\s*[,;.:]))?"  # "The day before, the envoy had left"
                     "(?P<orso>\\s+or\\s+so)?(?P<ending>(?=\\s+(?:ended|ending|that\\s+ended)\\b))?"),
        ("plural_unit", "(?:(?P<rel>recent|coming|past|the\\s+coming|the\\s+past|future|the)\\s+)?"
                        "(?P<unit>years|months|weeks|days|decades|centuries|hours|minutes|quarters)(?![\\w])"
                        "(?:\\s+(?:and|or)\\s+(?P<unit2>years|months|weeks|days|decades|hours)(?![\\w]))?"
                        "(?P<ahead>\\s+ahead)?"),
        ("deictic", f"(?P<word>{m.deictic})(?![\\w-])"),
        ("day_mark", f"(?P<mark>{m.day_mark})(?![\\w-])"),
    ]


@lru_cache(maxsize=1)
def compiled() -> list[tuple[str, re.Pattern[str]]]:
    return [(name, re.compile(r"(?<![\w])(?:" + pat + ")", re.IGNORECASE)) for name, pat in _families(macros())]


@lru_cache(maxsize=1)
def _scanner() -> Scanner:
    """The families' patterns, each run only where a match of it can start (``timex.scan``)."""
    return Scanner([pattern for _, pattern in compiled()])


@lru_cache(maxsize=1)
def _prefix_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lex = lexicon()
    part = (r"(?:(?P<bound>pre|post)-"
            r"|(?P<parton>early|late)\s+on\s+"  # "late on Monday" is TimeML's "late Monday"
            r"|(?:the\s+)?(?:very\s+)?(?P<part>early|late|mid|earlier|later)[-\s]?"
            r"|(?P<partin>earlier|later)\s+in\s+"
            r"|(?P<partof>the\s+(?:beginning|start|end|middle|close|outset)\s+of)\s+)$")
    quant = _alt([q for q in lex["quantifier_mods"]])
    quantifier = r"(?<![\w-])(?P<quant>" + quant + r")\s+$"
    return re.compile(r"(?<![\w-])" + part, re.IGNORECASE), re.compile(quantifier, re.IGNORECASE)


@dataclass
class Match:
    """One recognised expression: its family, extent and named groups (with prefixes)."""

    family: str
    start: int
    end: int
    groups: dict[str, str] = field(default_factory=dict)
    part: str | None = None  # "early", "the end of", … (a period-part prefix)
    quant: str | None = None  # "about", "at least", … (a precision prefix)


# Expressions a day is named by, which "early on"/"late on" can take: "late on Monday".
_DAY_FAMILIES_ON = {"weekday", "weekday_month_day", "month_day", "day_month", "weekday_pod"}
_NUMBERS_AFTER_A = {"few", "couple of", "dozen", "half", "hundred", "thousand"}
_NOT_IN_EXTENT = {"a", "an", "its", "his", "her", "their"}
_DAY_WORDS = {"yesterday", "today", "tomorrow", "tonight"}


def _takes_part(text: str, match: Match) -> bool:
    """Which expressions a part-of-period word ("early", "the end of") can modify."""
    if match.family in ("clock", "ago", "duration", "plural_unit"):
        return False
    if match.family == "deictic":
        return match.groups.get("word", "").lower() in _DAY_WORDS
    return True


def _adjectival(match: Match) -> bool:
    """A period used before a noun ("a two-week visit", "its third-quarter loss")."""
    if match.groups.get("period"):
        return False
    if match.family == "quarter":
        return "-quarter" in match.groups.get("_text", "")
    unit = (match.groups.get("unit") or "").lower()
    return match.family == "duration" and not unit.endswith("s") and (
        (match.groups.get("num") or "").lower() not in ("a", "an", "one"))


def _trim_determiner(text: str, match: Match) -> None:
    """TimeML leaves possessives, "a", and the article of an adjectival period outside the extent."""
    det = match.groups.get("det")
    if not det:
        return
    if det.lower() in ("a", "an") and (match.groups.get("num") or "").lower() in _NUMBERS_AFTER_A:
        return  # "a few days", "a couple of years": the article belongs to the number
    if det.lower() in _NOT_IN_EXTENT or (det.lower() == "the" and _adjectival(match)):
        head = re.match(re.escape(det) + r"\s+", text[match.start:match.end], re.IGNORECASE)
        if head:
            match.start += head.end()
            match.groups.pop("det")


def _extend_left(text: str, match: Match) -> None:
    """Take in the part-of-period and quantifier words that TimeML puts inside the extent."""
    part_re, quant_re = _prefix_patterns()
    for _ in range(2):
        window = text[max(0, match.start - 40):match.start]
        found = part_re.search(window)
        if found and match.part is None and _takes_part(text, match):
            if found.group("parton") and match.family not in _DAY_FAMILIES_ON:
                break
            word = (found.group("bound") or found.group("parton") or found.group("part") or found.group("partin")
                    or found.group("partof") or "").lower()
            match.part = " ".join(word.split())
            match.start -= len(window) - found.start()
            continue
        found = quant_re.search(window)
        if found and match.quant is None:
            quant = " ".join(found.group("quant").lower().split())
            covered = match.groups.get("det") or match.groups.get("rel") or ""
            if quant == "some" and (covered.lower().startswith("the") or match.family != "duration"):
                break  # "some" as a determiner, not "some 20 years"
            if match.family == "deictic" and "year" not in match.groups.get("word", "").lower():
                break  # "about the future": a preposition
            if match.family == "duration" and match.groups.get("det", "").lower() in _NOT_IN_EXTENT:
                break
            match.quant = quant
            match.start -= len(window) - found.start()
            continue
        break


def _previous_word(text: str, start: int) -> str:
    words = text[max(0, start - 20):start].split()
    return words[-1].lower().strip(",;:(\"'-") if words else ""


_NEEDS_CONTEXT_SEASONS = {"fall", "spring"}


def _plausible(text: str, family: str, found: re.Match[str], groups: dict[str, str]) -> bool:
    """Reject matches that are ordinary words in this context ("may" the verb, "$1990", "a second")."""
    lex = lexicon()
    context_words = set(lex["context_prepositions"]["words"])
    before = text[max(0, found.start() - 5):found.start()]  # "post-" is five characters
    if re.search(r"\w-$", before) and not before.lower().endswith(("mid-", "pre-", "post-")):
        return False  # inside a hyphenated word ("ex-1990", "Jan-Feb" is handled as two)
    if family == "month" and len(groups["mon"]) <= 3 and re.match(r"-(?!to-)[a-z]", text[found.end():found.end() + 4]):
        return False  # an abbreviation's letters opening a hyphenated name ("the Mar-a-Lago club")
    for key in ("mon", "mon2"):
        month = groups.get(key)
        if month and month.lower().rstrip(".") in lex["ambiguous_months"] and not month[0].isupper():
            return False
    if family == "day_mark" and _previous_word(text, found.start()) not in context_words:
        return False  # "at dawn", "before nightfall"; "the dawn of a new era" is no time of day
    if family == "holiday" and not groups["hol"][0].isupper():
        return False  # a holiday is a name: "eastern", "the thanksgiving service" are not
    if family == "month" and not groups.get("rel"):
        month = groups["mon"]
        if month.lower() in lex["ambiguous_months"] and _previous_word(text, found.start()) not in context_words:
            return False
        if not month[0].isupper():
            return False
    if family in ("year", "fiscal_year", "part_year", "month_year"):
        before = text[max(0, found.start() - 2):found.start()]
        after = text[found.end():found.end() + 9].lower()
        if "$" in before or re.match(r"\s*(?:%|percent|[,.]\d)", after) or re.search(r"\d[,.]$", before):
            return False
    if family == "season" and not groups.get("y"):
        rel = (groups.get("rel") or "").lower()
        season = groups["s"].lower()
        if rel in ("the", "") and text[found.end():found.end() + 4].lower() == " of ":
            return False
        if not rel and _previous_word(text, found.start()) not in context_words:
            return False
        if rel == "the" and season in _NEEDS_CONTEXT_SEASONS and _previous_word(text, found.start()) not in context_words:
            return False
    if family == "plural_unit" and not groups.get("rel"):
        if _previous_word(text, found.start()) not in context_words:
            return False
    return True


@lru_cache(maxsize=1)
def family_keys() -> dict[str, tuple[str, ...]]:
    """Words one of which every match of a family contains (lower case). A family whose words
    are all absent from a text cannot match there, and its pattern is not run: scanning a long
    article with every pattern is most of this stage's cost."""
    lex = lexicon()

    def words(*tables: str) -> tuple[str, ...]:
        return tuple({w.split()[0].lower() for t in tables for w in lex[t] if not w.startswith("_") and w.split()})

    months, weekdays, pods = words("months"), words("weekdays"), words("parts_of_day")
    return {
        "weekday_month_day": months, "month_day": months, "day_month": months, "month_year": months,
        "month_rel_year": months, "month": months, "weekday_pod": weekdays, "weekday": weekdays,
        "pod_rel": pods + ("mid",), "rel_pod": pods, "story_pod": pods, "quarter": ("quarter", "qtr"), "half": ("half",),
        "part_year": ("period", "year", "season"), "shifted": ("year",),
        "corresponding": ("corresponding", "comparable", "same"),
        "decade": ("0s", "0's") + words("decade_words"), "century": ("centur",), "season": words("seasons"),
        "day_mark": tuple(w for w in lex["day_marks"] if not w.startswith("_")),
        "holiday": tuple({name.split()[0] for name in feasts.names()}), "fiscal_year": ("fiscal", "fy"), "ago": ("ago", "earlier", "from", "back"),
    }


_PLAIN_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def find(text: str) -> list[Match]:
    """Every time expression in ``text``: longest non-overlapping matches, in text order.

    Typographic apostrophes are read as plain ones ("New Year’s Eve", "the ’90s"): one character
    for one, so the offsets are the text's own."""
    text = text.translate(_PLAIN_APOSTROPHES)
    candidates: list[tuple[int, int, int, Match]] = []
    keys = family_keys()
    lowered = text.lower()
    scanner = _scanner()
    starts = scanner.starts(text)
    present: dict[int, bool] = {}  # several families share one word table (the months): look once
    for rank, (family, _pattern) in enumerate(compiled()):
        needed = keys.get(family)
        if needed is not None:
            known = present.get(id(needed))
            if known is None:
                known = present[id(needed)] = any(word in lowered for word in needed)
            if not known:
                continue
        for found in scanner.matches(rank, text, starts):
            if found.end() == found.start():
                continue
            groups = {k: v for k, v in found.groupdict().items() if v is not None}
            if not _plausible(text, family, found, groups):
                continue
            candidates.append((found.start(), found.end(), rank, Match(family, found.start(), found.end(), groups)))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[Match] = []
    occupied: list[tuple[int, int]] = []
    for start, end, _rank, match in candidates:
        if any(start < e and s < end for s, e in occupied):
            continue
        occupied.append((start, end))
        taken.append(match)
    taken.sort(key=lambda m: m.start)
    for match in taken:
        match.groups["_text"] = text[match.start:match.end].lower()
        _trim_determiner(text, match)
        _extend_left(text, match)
    _range_years(text, taken)
    extra = _coordinated_days(text, taken)
    return sorted(taken + extra, key=lambda m: m.start) if extra else taken


_RANGE_LINK = re.compile(r"\s*(?:to|through|until|till|and|or|-|\u2013|\u2014)\s*", re.IGNORECASE)
_YEARLESS = {"month", "month_day", "day_month"}
_WITH_YEAR = {"month_year", "month_day", "day_month", "weekday_month_day"}


def _range_years(text: str, taken: list[Match]) -> None:
    """ "from September to December 2014", "between March 3 and May 9, 2015": the first end of a
    range of months or days without a year takes the year of the second."""
    for first, second in zip(taken, taken[1:], strict=False):
        if first.family not in _YEARLESS or first.groups.get("y") or first.groups.get("rel") \
                or second.family not in _WITH_YEAR or not second.groups.get("y"):
            continue
        if not _RANGE_LINK.fullmatch(text[first.end:second.start]):
            continue
        first.groups["y"] = second.groups["y"]
        if first.family == "month":
            first.family = "month_year"


_COORDINATED_DAY = re.compile(r"\s*(?:,|and|or|&|-|to|through)\s*(?:and\s+)?(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
                              r"(?![\d,.]\d|\s*(?:%|percent|p\.m|a\.m|pm|am|hours|days|years|people|of)\b)")


def _coordinated_days(text: str, taken: list[Match]) -> list[Match]:
    """ "May 3 and 4", "on March 10-12": the days after a month and day share its month (and year)."""
    extra: list[Match] = []
    starts = {m.start for m in taken}
    for match in taken:
        if match.family != "month_day" or match.groups.get("y") or not match.groups.get("d"):
            continue
        end = match.end
        for _ in range(3):
            found = _COORDINATED_DAY.match(text, end)
            if not found or found.start("d") in starts:
                break
            groups = {"mon": match.groups["mon"], "d": found["d"], "_text": found["d"]}
            extra.append(Match("month_day", found.start("d"), found.end(), groups))
            end = found.end()
    return extra


def parse(expression: str) -> Match | None:
    """The single match covering all of ``expression`` (prefixes included), else None."""
    text = expression.strip()
    for match in find(text):
        if match.start == 0 and match.end == len(text):
            return match
    return None
