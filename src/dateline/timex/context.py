"""What a time expression is read against, and the readers every family interpreter shares.

A ``Context`` is the article date (``anchor``), the tense of the clause and the value of the last
date mentioned before (``reference``). The readers here turn an expression's words into numbers
(written numbers "twenty four", "2 1/2"; years "'89", "nineteen eighty-nine", "fiscal 1989";
months and days) and resolve what points back at the context: "last year", "the previous year",
the same period a year before ("a year earlier"), the quarter under discussion ("the quarter").
They live apart from ``timex.normalise`` so that module is the list of pattern families, each a
small interpreter over this shared ground.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from dateline.timex import calendar as cal
from dateline.timex.find import lexicon


@dataclass(frozen=True)
class Context:
    anchor: date | None
    tense: str | None
    reference: str | None


def _words(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def month_number(word: str) -> int:
    return int(lexicon()["months"][word.lower().rstrip(".")])


def day_number(word: str) -> int:
    word = word.lower()
    digits = re.match(r"\d+", word)
    return int(digits.group()) if digits else lexicon()["ordinals"][word]


def word_number(text: str) -> float | None:
    """A written number ("twenty four", "2 1/2", "a hundred", "1,500"); None when vague."""
    text = _words(text).replace("-", " ")
    lex = lexicon()
    if re.fullmatch(r"[\d,]+(\.\d+)?( 1/2)?", text):
        half = 0.5 if text.endswith(" 1/2") else 0.0
        return float(text.split()[0].replace(",", "")) + half
    if text in lex["numbers"]:
        return float(lex["numbers"][text])
    if text in lex["vague_numbers"]:
        return None
    total, current = 0.0, 0.0
    for word in text.split():
        if word == "and":
            continue
        if word in lex["scales"]:
            current = max(current, 1.0) * lex["scales"][word]
            total, current = total + current, 0.0
        elif word in lex["numbers"]:
            current += lex["numbers"][word]
        else:
            return None
    return total + current


def year_number(text: str, anchor: date | None) -> int | None:
    text = _words(text)
    if re.fullmatch(r"\d{4}", text):
        return int(text)
    if re.fullmatch(r"'\d\d", text):
        yy = int(text[1:])
        base = (anchor.year if anchor else 2000) // 100 * 100
        return base + yy if base + yy <= (anchor.year if anchor else 2000) + 10 else base - 100 + yy
    text = text.replace("-", " ")
    if text.startswith("two thousand"):
        rest = text[len("two thousand"):].replace("and", " ").strip()
        return 2000 + int(word_number(rest) or 0) if rest else 2000
    words = text.split()
    if len(words) >= 2 and words[0] in ("nineteen", "eighteen", "twenty"):
        century = int(lexicon()["numbers"][words[0]])
        rest = " ".join(w for w in words[1:] if w != "oh")
        if rest == "hundred":
            return century * 100
        low = word_number(rest)
        return century * 100 + int(low) if low is not None and low < 100 else None
    return None


def _year_from(text: str | None, ctx: Context) -> int | None:
    """A year group: digits, words, "fiscal 1989", or "this/last/next year"."""
    text = _words(text)
    if not text:
        return None
    text = text.removeprefix("fiscal ").removeprefix("the ")
    rel = {"this year": 0, "last year": -1, "next year": 1, "previous year": -1, "following year": 1,
           "year": 0}.get(text)
    if rel is not None:
        base = _reference_year(ctx) if text in ("previous year", "following year", "year") else None
        if base is None:
            if ctx.anchor is None:
                return None
            base = ctx.anchor.year
        return base + rel
    return year_number(text, ctx.anchor)


def _reference_year(ctx: Context) -> int | None:
    if ctx.reference and re.match(r"\d{4}", ctx.reference):
        return int(ctx.reference[:4])
    return ctx.anchor.year if ctx.anchor else None


def _shift_value(value: str, years: int) -> str | None:
    """The same period ``years`` earlier/later: 1989-Q3 → 1988-Q3, 1989-10-26 → 1988-10-26."""
    m = re.match(r"(\d{4})(.*)$", value)
    if not m:
        return None
    return f"{int(m[1]) + years:04d}{m[2]}"


def _anchor_or_x(ctx: Context, fmt: Callable[[date], str], unknown: str) -> str:
    return fmt(ctx.anchor) if ctx.anchor else unknown


def _last_quarter(ctx: Context) -> str | None:
    """The quarter an undated "the quarter" means: the last one mentioned, else the last ended."""
    if ctx.reference and re.fullmatch(r"\d{4}-Q[1-4]", ctx.reference):
        return ctx.reference
    if ctx.anchor is None:
        return None
    prev = cal.add_months(ctx.anchor, -3)
    return f"{prev.year}-Q{cal.quarter_of(prev)}"
