"""Normalising a time expression to a TIMEX3 value and an interval, against an anchor date.

``normalise(expression, anchor, tense, reference)`` is pure: the expression is parsed with the
grammar of ``timex.find`` and each pattern family has a small interpreter below. ``anchor`` is
the article date; ``tense`` ("past" | "present" | "future" | None) of the clause decides which
way a year-less date points ("December 6" said in February, past tense → the previous
December); ``reference`` is the value of the last date mentioned before, for anaphoric
expressions ("a year earlier" after "the third quarter" → the third quarter of the year before).
That context and the readers the interpreters share (numbers, years, relative years, the period
referred back to) are in ``timex.context``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from dateline.timex import calendar as cal
from dateline.timex import feasts
from dateline.timex.context import (
    Context,
    _anchor_or_x,
    _last_quarter,
    _shift_value,
    _words,
    _year_from,
    day_number,
    month_number,
    word_number,
    year_number,
)
from dateline.timex.find import Match, lexicon, parse
from dateline.timex.periods import _fiscal_year, _qcode, _quarter
from dateline.timex.profile import active as active_profile


@dataclass(frozen=True)
class Normalised:
    type: str  # DATE | TIME | DURATION | SET
    value: str
    earliest: str | None = None
    latest: str | None = None
    mod: str | None = None


Result = tuple[str, str] | tuple[str, str, str | None] | None

_TIME_UNITS = {"H", "S"}
_ORD_HALF = {"first": 1, "front": 1, "second": 2, "last": 2, "latter": 2, "back": 2}


# --- family interpreters -------------------------------------------------------------------


def _iso_date(g: dict[str, str], ctx: Context) -> Result:
    value = f"{g['y']}-{g['mo']}-{g['d']}"
    if g.get("hh"):
        return "TIME", f"{value}T{g['hh']}:{g['mm']}"
    return "DATE", value


def _numeric_date(g: dict[str, str], ctx: Context) -> Result:
    year = int(g["y"]) if len(g["y"]) == 4 else year_number("'" + g["y"], ctx.anchor)
    return "DATE", f"{year:04d}-{int(g['mo']):02d}-{int(g['d']):02d}"


def _calendar_date(month: int, day: int, year_text: str | None, ctx: Context, weekday: int | None = None) -> Result:
    year = _year_from(year_text, ctx) if year_text else None
    if year is None and ctx.anchor is not None:
        resolved = None
        if weekday is not None:  # "Friday, Oct. 13": the year in which that day is a Friday
            for y in (ctx.anchor.year, ctx.anchor.year - 1, ctx.anchor.year + 1):
                try:
                    if date(y, month, day).isoweekday() == weekday:
                        resolved = date(y, month, day)
                        break
                except ValueError:
                    return None
        resolved = resolved or cal.resolve_month_day(month, day, ctx.anchor, ctx.tense)
        if resolved is None:
            return None
        return "DATE", resolved.isoformat()
    try:
        date(year or 2000, month, day)
    except ValueError:
        return None
    return "DATE", f"{year:04d}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}"


def _month_day(g: dict[str, str], ctx: Context) -> Result:
    month = month_number(g.get("mon") or g["mon2"])
    day = day_number(g.get("d") or g.get("dord") or g.get("d2") or g["dord2"])
    weekday = lexicon()["weekdays"].get(_words(g["wd"]).rstrip(".")) if g.get("wd") else None
    return _calendar_date(month, day, g.get("y"), ctx, weekday)


def _month_year(g: dict[str, str], ctx: Context) -> Result:
    year = _year_from(g.get("y") or g.get("relyear"), ctx)
    month = month_number(g["mon"])
    return "DATE", f"{year:04d}-{month:02d}" if year else f"XXXX-{month:02d}"


def _month(g: dict[str, str], ctx: Context) -> Result:
    month = month_number(g["mon"])
    if ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}"
    rel = _words(g.get("rel"))
    tense = {"last": "past", "this past": "past", "next": "future", "this coming": "future"}.get(rel, ctx.tense)
    if rel in ("last", "this past") and month >= ctx.anchor.month:
        year = ctx.anchor.year - 1
    elif rel in ("next", "this coming") and month <= ctx.anchor.month:
        year = ctx.anchor.year + 1
    elif rel == "this":
        year = ctx.anchor.year
    else:
        year = cal.resolve_month(month, ctx.anchor, tense)
    return "DATE", f"{year:04d}-{month:02d}"


_ANAPHORIC_DAY_RELS = {"the previous", "the following", "the next"}


def _weekday_date(g: dict[str, str], ctx: Context) -> date | None:
    if ctx.anchor is None:
        return None
    weekday = lexicon()["weekdays"][_words(g["wd"]).rstrip(".")]
    rel = _words(g.get("rel")) or None
    base = ctx.anchor
    if rel in _ANAPHORIC_DAY_RELS and ctx.reference and re.fullmatch(r"\d{4}-\d\d-\d\d", ctx.reference):
        base = date.fromisoformat(ctx.reference)  # "the previous Friday": before the day just told
    return cal.resolve_weekday(weekday, base, ctx.tense, rel)


def _weekday(g: dict[str, str], ctx: Context) -> Result:
    weekday = lexicon()["weekdays"][_words(g["wd"]).rstrip(".")]
    pod = lexicon()["parts_of_day"].get(_words(g.get("pod")))
    suffix = f"T{pod}" if pod else ""
    if g.get("plural") or _words(g.get("pod")).endswith("s"):  # "Tuesday nights": every Tuesday night
        return "SET", f"XXXX-WXX-{weekday}{suffix}"
    day = _weekday_date(g, ctx)
    value = day.isoformat() if day else f"XXXX-WXX-{weekday}"
    return ("TIME" if pod else "DATE"), value + suffix


def _day_word(word: str, ctx: Context) -> str:
    word = _words(word)
    if word in ("yesterday", "today", "tomorrow"):
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[word]
        return _anchor_or_x(ctx, lambda a: (a + timedelta(days=shift)).isoformat(), "XXXX-XX-XX")
    day = _weekday_date({"wd": word}, ctx)
    return day.isoformat() if day else "XXXX-XX-XX"


def _pod_rel(g: dict[str, str], ctx: Context) -> Result:
    if g.get("podmid"):  # "by mid-afternoon", no day named: the day of the report
        pod = lexicon()["parts_of_day"][_words(g["podmid"]).replace(" ", "-")]
        return "TIME", f"{_day_word('today', ctx)}T{pod}"
    pod = lexicon()["parts_of_day"][_words(g["pod"])]
    return "TIME", f"{_day_word(g['dayword'], ctx)}T{pod}"


def _rel_pod(g: dict[str, str], ctx: Context) -> Result:
    rel = _words(g["rel"])
    pod = lexicon()["parts_of_day"][_words(g["pod"])]
    shift = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(rel, 0)
    if rel == "last" and pod != "NI":
        shift = -1
    day = _anchor_or_x(ctx, lambda a: (a + timedelta(days=shift)).isoformat(), "XXXX-XX-XX")
    return "TIME", f"{day}T{pod}"


_STORY_SHIFT = {"the next": 1, "the following": 1, "the previous": -1}


def _story_day(ctx: Context) -> date | None:
    """The day the story last named (``ctx.reference`` when it is one), else the article date."""
    if ctx.reference and re.fullmatch(r"\d{4}-\d\d-\d\d", ctx.reference):
        return date.fromisoformat(ctx.reference)
    return ctx.anchor


def _story_pod(g: dict[str, str], ctx: Context) -> Result:
    """ "the next morning", "that night": a part of the day counted from the day the story is at."""
    day = _story_day(ctx)
    pod = lexicon()["parts_of_day"][_words(g["pod"])]
    if day is None:
        return "TIME", f"XXXX-XX-XXT{pod}"
    return "TIME", f"{(day + timedelta(days=_STORY_SHIFT.get(_words(g['rel']), 0))).isoformat()}T{pod}"


def _day_mark(g: dict[str, str], ctx: Context) -> Result:
    """ "at dawn": that part of the article's day (``timex.reference`` moves it to a day named nearby)."""
    pod = lexicon()["day_marks"][_words(g["mark"])]
    return "TIME", f"{_anchor_or_x(ctx, date.isoformat, 'XXXX-XX-XX')}T{pod}"


def _clock(g: dict[str, str], ctx: Context) -> Result:
    if g.get("clockword"):
        word = _words(g["clockword"])
        hhmm = lexicon()["clock_words"][word]
    elif g.get("hm4"):
        hhmm = f"{g['hm4'][:2]}:{g['hm4'][2:]}"
    elif g.get("h24"):
        hhmm = f"{int(g['h24']):02d}:{g['mi24']}"
    else:
        hour = int(g["h"])
        if hour > 12:
            return None
        pm = g["ampm"].lower().startswith("p")
        hour = (hour % 12) + (12 if pm else 0)
        hhmm = f"{hour:02d}:{g.get('mi') or '00'}"
    if g.get("mon"):
        day_value = _calendar_date(month_number(g["mon"]), day_number(g["d"]), None, ctx)
        day = day_value[1] if day_value else "XXXX-XX-XX"
    elif g.get("dayword"):
        day = _day_word(g["dayword"], ctx)
    else:
        day = _anchor_or_x(ctx, date.isoformat, "XXXX-XX-XX")
    if hhmm == "24:00":
        return "TIME", f"{day}T24"
    return "TIME", f"{day}T{hhmm}"

def _half(g: dict[str, str], ctx: Context) -> Result:
    n = _ORD_HALF[_words(g["ord"])]
    if g.get("dec"):  # "the last half of the '80s": TIMEX3 has no half-decade, the decade with a part
        decade = _decade({"dec": g["dec"]}, ctx)
        return ("DATE", decade[1], "START" if n == 1 else "END") if decade else None
    year = _year_from(g.get("y"), ctx) if g.get("y") else None
    if year is None and ctx.anchor:
        year = ctx.anchor.year
        if n == 2 and ctx.anchor.month <= 6 and ctx.tense == "past":
            year -= 1
    return "DATE", f"{year:04d}-H{n}" if year else f"XXXX-H{n}"


def _part_year(g: dict[str, str], ctx: Context) -> Result:
    if _words(g["what"]) == "period" and ctx.reference and re.fullmatch(r"\d{4}-Q[1-4]", ctx.reference):
        return "DATE", f"{g['y']}{ctx.reference[4:]}"  # "the 1988 period": the quarter compared, that year
    return "DATE", g["y"]


def _shifted(g: dict[str, str], ctx: Context) -> Result:
    what = _words(g.get("what"))
    if what == "fiscal year":
        what = ""
    if what in ("nine months", "six months"):
        return "DURATION", "P9M" if what.startswith("nine") else "P6M"
    if what in ("quarter", "period"):
        base = _last_quarter(ctx)
    else:
        base = ctx.reference or (str(ctx.anchor.year) if ctx.anchor else None)
    shifted = _shift_value(base, -1) if base else None
    return ("DATE", shifted) if shifted else None


def _corresponding(g: dict[str, str], ctx: Context) -> Result:
    base = _last_quarter(ctx) if _words(g["what"]) == "quarter" else ctx.reference
    base = base or (_last_quarter(ctx) if ctx.anchor else None)
    shifted = _shift_value(base, -1) if base else None
    return ("DATE", shifted) if shifted else None


def _decade(g: dict[str, str], ctx: Context) -> Result:
    text = _words(g["dec"]).replace("'s", "s")
    words = lexicon()["decade_words"]
    value: str | None
    if text in words:
        digit = words[text]
        century = (ctx.anchor.year if ctx.anchor else 1990) // 100
        if century * 100 + digit * 10 > (ctx.anchor.year if ctx.anchor else 1990):
            century -= 1
        value = f"{century}{digit}"
    elif text.startswith("'") or len(text) == 3:
        year = year_number("'" + text.strip("'s")[:2], ctx.anchor)
        value = str(year)[:3] if year else None
    else:
        value = text[:3]
    if not value:
        return None
    part = {"early": "START", "mid": "MID", "late": "END"}.get(_words(g.get("part")))
    return "DATE", value, part


def _century(g: dict[str, str], ctx: Context) -> Result:
    n = day_number(_words(g["ord"]))
    return "DATE", f"{n - 1:02d}"


def _season(g: dict[str, str], ctx: Context) -> Result:
    code = lexicon()["seasons"][_words(g["s"])]
    rel = _words(g.get("rel")).removeprefix("the ")
    part = {"early": "START", "mid": "MID", "late": "END"}.get(rel)
    if g.get("y"):
        year = _year_from(g["y"], ctx)
        return "DATE", f"{year}-{code}", part
    if ctx.anchor is None:
        return "DATE", f"XXXX-{code}", part
    now_year, now_code = cal.season_of(ctx.anchor)
    year = ctx.anchor.year + (1 if code == "WI" and ctx.anchor.month == 12 else 0)
    if rel in ("last", "this past") or (rel not in ("this", "next", "this coming") and ctx.tense == "past"):
        candidates = [cal.shift_season(now_year, now_code, -k) for k in range(0 if rel not in ("last",) else 1, 5)]
        year = next(y for y, c in candidates if c == code)
    elif rel in ("next", "this coming") or ctx.tense == "future":
        candidates = [cal.shift_season(now_year, now_code, k) for k in range(0 if rel != "next" else 1, 5)]
        year = next(y for y, c in candidates if c == code)
    return "DATE", f"{year}-{code}", part


def _holiday(g: dict[str, str], ctx: Context) -> Result:
    """A named day ("Easter", "Thanksgiving 2024"): the calendar's day in the year told, else in
    the year the tense points to (``timex.feasts``)."""
    name = _words(g["hol"])
    if g.get("y"):
        day = feasts.day_of(name, int(g["y"]))
        return ("DATE", day.isoformat()) if day else None
    if ctx.anchor is None:
        return None
    options = [(d, d) for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)
               if (d := feasts.day_of(name, y)) is not None]
    if not options:
        return None
    year = cal.pick_year(options, ctx.anchor, ctx.tense)
    return "DATE", next(d for d, _ in options if d.year == year).isoformat()


def _word_year(g: dict[str, str], ctx: Context) -> Result:
    year = year_number(g["wy"], ctx.anchor)
    return ("DATE", str(year)) if year else None


def _year(g: dict[str, str], ctx: Context) -> Result:
    beyond = _words(g.get("beyond"))
    mod = None
    if beyond:
        mod = "ON_OR_BEFORE" if beyond.endswith(("earlier", "before")) else "ON_OR_AFTER"
    return "DATE", g["y"], mod


def _unit_code(unit: str) -> str:
    return str(lexicon()["units"][_words(unit).replace("trading ", "").replace("business ", "")])


def _duration_value(amount: float | None, code: str) -> str:
    """P3D, PT2H, P2Y6M (fractions carried to the next smaller unit), PXY when vague."""
    time_part = "T" if code in _TIME_UNITS or (code == "M" and False) else ""
    if amount is None:
        return f"P{time_part}X{code}"
    whole = int(amount)
    frac = amount - whole
    smaller = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H"), "H": (60, "M"), "E": (10, "Y"),
               "C": (100, "Y")}
    text = f"{whole}{code}" if whole else ""
    if frac and code in smaller:
        factor, sub = smaller[code]
        part = round(frac * factor)
        if sub in ("H",) and code == "D":
            return f"P{text}T{part}H" if text else f"PT{part}H"
        text += f"{part}{sub}"
    return f"P{time_part}{text or '0' + code}"


def _minute_or_month(unit: str) -> str:
    unit = _words(unit)
    code = _unit_code(unit)
    return "MIN" if unit.startswith("minute") else code


def _duration(g: dict[str, str], ctx: Context) -> Result:
    unit_word = _words(g["unit"])
    amount = word_number(g["num"])
    if _words(g["num"]) in ("a", "an") and g.get("det"):
        return None
    if g.get("half") and amount is not None:
        amount += 0.5
    code = _minute_or_month(unit_word)
    if code == "MIN":
        value = _duration_value(amount, "M").replace("P", "PT", 1) if amount is None or amount == int(amount) \
            else f"PT{int(amount)}M{round((amount - int(amount)) * 60)}S"
    elif code == "WE":
        value = f"P{int(amount) if amount else 'X'}WE"
    else:
        value = _duration_value(amount, code)
    mod = "APPROX" if _words(g.get("orso")) == "or so" else None
    return "DURATION", value, mod


def _ago(g: dict[str, str], ctx: Context) -> Result:
    amount = word_number(g["num"])
    direction = -1 if _words(g["ago"]) in ("ago", "earlier", "before", "back") else 1
    anaphoric = _words(g["ago"]) in ("earlier", "later", "before")
    code = _minute_or_month(g["unit"])
    if amount is None:
        return "DATE", "PAST_REF" if direction < 0 else "FUTURE_REF"
    if code == "Y" and amount == 1 and anaphoric and ctx.reference:
        shifted = _shift_value(ctx.reference, -1 if direction < 0 else 1)
        return ("DATE", shifted) if shifted else None
    if code == "Y" and amount == 1 and ctx.reference and re.fullmatch(r"\d{4}-Q\d", ctx.reference):
        shifted = _shift_value(ctx.reference, direction)
        return ("DATE", shifted) if shifted else None
    if code in ("C", "E") and amount != int(amount):
        amount, code = amount * (100 if code == "C" else 10), "Y"  # "a quarter-century ago": the year 25 back
    base = ctx.anchor
    if anaphoric and ctx.reference and re.fullmatch(r"\d{4}-\d\d-\d\d", ctx.reference):
        base = date.fromisoformat(ctx.reference)
        if ctx.anchor and base > ctx.anchor and ctx.tense == "past":
            base = ctx.anchor  # "ahead of next Tuesday's primary. A day earlier, six were arrested": not that day
    if base is None:
        return "DATE", "PAST_REF" if direction < 0 else "FUTURE_REF"
    n = int(round(amount)) * direction
    if code == "Y":
        return "DATE", str(base.year + n)
    if code == "M":
        return "DATE", cal.add_months(base, n).strftime("%Y-%m")
    if code == "Q":
        moved = cal.add_months(base, 3 * n)
        return "DATE", f"{moved.year}-Q{cal.quarter_of(moved)}"
    if code in ("W", "D", "WE"):
        return "DATE", (base + timedelta(days=n * (7 if code != "D" else 1))).isoformat()
    if code == "E":  # "a decade ago": the year ten years back, or that decade (the profile's choice)
        year = str(base.year + 10 * n)
        return "DATE", year if active_profile().ago_decade == "year" else year[:3]
    if code == "C":
        return "DATE", str(base.year + 100 * n)[:2]
    return "TIME", base.isoformat()


_REL_UNIT_SHIFT = {"last": -1, "past": -1, "previous": -1, "this past": -1, "next": 1, "coming": 1,
                   "following": 1, "this coming": 1, "this": 0, "current": 0, "present": 0, "latest": 0,
                   "same": 0, "that": 0, "": 0}


def _rel_unit(g: dict[str, str], ctx: Context) -> Result:
    rel_text = _words(g["rel"])
    anaphoric = rel_text in ("that", "that same", "the following", "the previous", "the same", "the next")
    rel = rel_text.removeprefix("the ").removeprefix("the").removesuffix(" same")
    unit = _words(g["unit"])
    shift = _REL_UNIT_SHIFT.get(rel, 0)
    if g.get("dayshift") and rel_text == "the":
        # "the day before", "the week after": one unit from the day the story last named
        anaphoric, rel_text = True, "the previous" if _words(g["dayshift"]) == "before" else "the following"
        shift = -1 if rel_text == "the previous" else 1
    mod = "APPROX" if g.get("orso") else None
    if "ending" in g and rel_text in ("the", "the latest", "the past", "the last") and unit in ("year", "month"):
        return "DURATION", f"P1{unit[0].upper()}"  # "the year ended March 31": a span, not a calendar year
    if unit == "period":
        if rel_text == "the" or rel in ("latest", "same", "current"):
            base = ctx.reference if rel != "latest" else _last_quarter(ctx)
            return ("DATE", base, mod) if base else None
        return None
    base_day = ctx.anchor
    if anaphoric and ctx.reference and re.fullmatch(r"\d{4}(-\d\d){0,2}", ctx.reference):
        ref = ctx.reference
        base_day = date(int(ref[:4]), int(ref[5:7]) if len(ref) > 4 else 6, int(ref[8:10]) if len(ref) > 7 else 15)
    if base_day is None:
        return None
    if unit == "day":
        if rel_text == "the":
            return "DATE", base_day.isoformat(), mod
        return "DATE", (base_day + timedelta(days=shift)).isoformat(), mod
    if unit == "week":
        return "DATE", cal.iso_week(base_day + timedelta(days=7 * shift)), mod
    if unit == "weekend":
        saturday = base_day + timedelta(days=6 - base_day.isoweekday())
        if shift < 0 or (shift == 0 and ctx.tense != "future" and base_day.isoweekday() < 6):
            saturday -= timedelta(days=7)
        elif shift > 0 and base_day.isoweekday() >= 6:
            saturday += timedelta(days=7)
        return "DATE", cal.iso_week(saturday) + "-WE", mod
    if unit == "month":
        return "DATE", cal.add_months(base_day, shift).strftime("%Y-%m"), mod
    if unit == "year":
        return "DATE", str(base_day.year + shift), mod
    if unit == "decade":
        return "DATE", str(base_day.year + 10 * shift)[:3], mod
    if unit == "century":
        return "DATE", str(base_day.year + 100 * shift)[:2], mod
    return None


def _plural_unit(g: dict[str, str], ctx: Context) -> Result:
    rel = _words(g.get("rel"))
    code = _minute_or_month(g["unit"])
    if rel in ("coming", "the coming", "future"):
        return "DATE", "FUTURE_REF"
    if rel in ("recent", "past") and (code == "Y" or g.get("unit2")):
        # "in recent years", "in recent weeks and months": TimeBank marks a vague past, not a length
        return "DATE", "PAST_REF"
    if code == "MIN":
        return "DURATION", "PTXM"
    return "DURATION", _duration_value(None, code)


def _set(g: dict[str, str], ctx: Context) -> Result:
    lex = lexicon()
    if g.get("sword"):
        return "SET", lex["sets"][_words(g["sword"])]
    if g.get("times"):
        return "SET", _duration_value(1, _unit_code(g["tunit"]))
    if g.get("swd"):
        return "SET", f"XXXX-WXX-{lex['weekdays'][_words(g['swd']).rstrip('.')]}"
    if g.get("smon"):
        return "SET", f"XXXX-{month_number(g['smon']):02d}"
    if g.get("swe"):
        return "SET", "XXXX-WXX-WE"  # "on weekends": the weekend of any week
    amount = word_number(g["num"]) if g.get("num") else 1.0
    code = _minute_or_month(g["unit"])
    if code == "MIN":
        return "SET", f"PT{int(amount or 1)}M"
    return "SET", _duration_value(amount, code)


def _deictic(g: dict[str, str], ctx: Context) -> Result:
    kind, rule, *mod = lexicon()["deictic"][_words(g["word"])]
    m = re.fullmatch(r"(day|year)([+-]\d+)(.*)", rule)
    if not m:
        return kind, rule
    if ctx.anchor is None:
        return kind, ("XXXX-XX-XX" if m[1] == "day" else "XXXX") + m[3], mod[0] if mod else None
    if m[1] == "day":
        return kind, (ctx.anchor + timedelta(days=int(m[2]))).isoformat() + m[3]
    return kind, f"{ctx.anchor.year + int(m[2])}{m[3]}", mod[0] if mod else None


INTERPRETERS: dict[str, Callable[[dict[str, str], Context], Result]] = {
    "iso_date": _iso_date, "numeric_date": _numeric_date, "clock": _clock,
    "weekday_month_day": _month_day, "month_day": _month_day, "day_month": _month_day,
    "month_year": _month_year, "month_rel_year": _month_year, "month": _month,
    "story_pod": _story_pod, "day_mark": _day_mark, "weekday_pod": _weekday, "pod_rel": _pod_rel, "weekday": _weekday, "rel_pod": _rel_pod,
    "quarter": _quarter, "qcode": _qcode, "half": _half, "part_year": _part_year,
    "shifted": _shifted, "corresponding": _corresponding, "decade": _decade, "century": _century,
    "season": _season, "holiday": _holiday, "fiscal_year": _fiscal_year, "word_year": _word_year,
    "year": _year, "set": _set, "ago": _ago, "duration": _duration, "rel_unit": _rel_unit,
    "plural_unit": _plural_unit, "deictic": _deictic,
}


def _part_mod(part: str | None) -> str | None:
    if not part:
        return None
    return {"early": "START", "earlier": "START", "the beginning of": "START", "the start of": "START",
            "the outset of": "START", "late": "END", "later": "END", "the end of": "END",
            "the close of": "END", "mid": "MID", "middle": "MID", "the middle of": "MID",
            "pre": "BEFORE", "post": "AFTER"}.get(part)


def normalise_match(match: Match, anchor: date | None, tense: str | None = None,
                    reference: str | None = None) -> Normalised | None:
    """Interpret one recognised expression."""
    ctx = Context(anchor, tense, reference)
    result = INTERPRETERS[match.family](match.groups, ctx)
    if result is None or result[1] is None:
        return None
    kind, value = result[0], result[1]
    mod = result[2] if len(result) > 2 else None
    mod = _part_mod(match.part) or mod
    if match.quant:
        mod = lexicon()["quantifier_mods"].get(match.quant, mod)
    first, last = (None, None)
    if kind in ("DATE", "TIME"):
        first, last = cal.value_interval(value, anchor)
        part = match.part if match.part in ("earlier", "later") else None
        first, last = cal.narrow(first, last, mod, anchor, part)
    return Normalised(kind, value, first.isoformat() if first else None, last.isoformat() if last else None, mod)


def normalise(expression: str, anchor: str | date | None, tense: str | None = None,
              reference: str | None = None) -> Normalised | None:
    """Normalise one whole expression ("early February", "Dec. 6") written on ``anchor``."""
    match = parse(expression)
    if match is None:
        return None
    if isinstance(anchor, str):
        anchor = cal.parse_iso(anchor)
    return normalise_match(match, anchor, tense, reference)
