"""Quarters and fiscal years: the periods of earnings reports ("the third quarter",
"fiscal 1990"), each read against the article date or the period named before.
"""

from __future__ import annotations

from dateline.timex import calendar as cal
from dateline.timex.context import (
    Context,
    _last_quarter,
    _shift_value,
    _words,
    _year_from,
    year_number,
)
from dateline.timex.find import lexicon

Result = tuple[str, str] | tuple[str, str, str | None] | None
_REL_SHIFT_WORDS = {"this year's": 0, "last year's": -1, "next year's": 1}


def _quarter(g: dict[str, str], ctx: Context) -> Result:
    det = _words(g.get("det"))
    ordinal = _words(g.get("ord"))
    qrel = _words(g.get("qrel"))
    shift = _words(g.get("shift"))
    if g.get("pl") and not ordinal and qrel in ("coming", "next"):
        return "DATE", "FUTURE_REF"  # "in coming quarters"
    if g.get("pl") and not ordinal and qrel in ("recent", "past", "last", "previous"):
        return "DURATION", "PXQ"  # "in recent quarters": some quarters up to now
    if g.get("pl") or (not ordinal and not qrel and not det and not shift):
        return None  # "quarters", a bare "quarter": not a period of its own
    if det == "a" and not ordinal:
        return None
    if ordinal == "final":
        ordinal = "fourth"
    year_group = g.get("y1") or g.get("y2") or g.get("ythe")
    if ordinal:
        n = lexicon()["ordinals"][ordinal]
        year = _year_from(year_group, ctx) if year_group else None
        if year is None and det in _REL_SHIFT_WORDS and ctx.anchor:
            year = ctx.anchor.year + _REL_SHIFT_WORDS[det]
        if year is None and ctx.anchor:
            year = ctx.anchor.year
            if n > cal.quarter_of(ctx.anchor) and ctx.tense != "future":
                year -= 1  # "the fourth quarter" reported in January: last year's
        if year is None:
            return "DATE", f"XXXX-Q{n}"
        if shift.startswith(("year", "comparable year")) or qrel in ("year-ago", "year-earlier") or g.get("yearago"):
            year -= 1
        return "DATE", f"{year:04d}-Q{n}"
    if ctx.anchor is None:
        return "DATE", "XXXX-QX"
    if year_group and ordinal == "":  # "the 1988 quarter": the quarter under discussion, that year
        year = _year_from(year_group, ctx)
        base = _last_quarter(ctx)
        return ("DATE", f"{year}-{base[5:]}") if year and base else None
    current = f"{ctx.anchor.year}-Q{cal.quarter_of(ctx.anchor)}"
    if qrel in ("current",) or det in ("this",):
        return "DATE", current
    if det == "that":
        return ("DATE", ctx.reference) if ctx.reference and "-Q" in ctx.reference else None
    if qrel in ("next", "coming"):
        nxt = cal.add_months(ctx.anchor, 3)
        return "DATE", f"{nxt.year}-Q{cal.quarter_of(nxt)}"
    if qrel in ("latest", "last", "previous", "past", "recent", "just-ended") and ctx.anchor:
        prev = cal.add_months(ctx.anchor, -3)  # the last quarter to have ended (and be reported)
        base = f"{prev.year}-Q{cal.quarter_of(prev)}"
    else:
        base = _last_quarter(ctx)
    if base and det in _REL_SHIFT_WORDS:
        base = _shift_value(base, _REL_SHIFT_WORDS[det])
    if base and g.get("yearago"):
        base = _shift_value(base, -1)
    if base and (shift or qrel in ("year-ago", "year-earlier")) and shift not in ("same", "corresponding"):
        base = _shift_value(base, -1)
    return ("DATE", base) if base else None


def _qcode(g: dict[str, str], ctx: Context) -> Result:
    n = g.get("qn") or g["qn2"]
    year = g.get("y") or g.get("y2")
    if not year and ctx.anchor:
        year = str(ctx.anchor.year)
    return "DATE", f"{year or 'XXXX'}-Q{n}"




def _fiscal_year(g: dict[str, str], ctx: Context) -> Result:
    year = year_number(g["y"] if len(g["y"]) == 4 else "'" + g["y"].strip("'"), ctx.anchor)
    return ("DATE", str(year)) if year else None
