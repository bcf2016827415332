"""timex.scan: a family's pattern tried only at its possible openings gives finditer's matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.timex import scan
from dateline.timex.find import compiled


def spans(matches: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]


def scanned(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    scanner = scan.Scanner([pattern])
    return list(scanner.matches(0, text, scanner.starts(text)))


def same_as_finditer(text: str) -> None:
    scanner = scan.Scanner([pattern for _, pattern in compiled()])
    starts = scanner.starts(text)
    for number, (family, pattern) in enumerate(compiled()):
        assert spans(scanner.matches(number, text, starts)) == spans(pattern.finditer(text)), family


def test_every_family_is_read() -> None:
    """The shortcut covers every family (a fallback is allowed, but none is expected today)."""
    unread = [family for family, pattern in compiled() if scan.openings(pattern) is None]
    assert unread == []


def test_folds_are_all_non_ascii_characters_matching_ascii_ignoring_case() -> None:
    others = "".join(chr(c) for c in range(128, 0x110000) if not 0xD800 <= c <= 0xDFFF)
    found = set(re.findall(r"[\x00-\x7f]", others, re.IGNORECASE))
    assert found == set(scan.FOLDS)
    for char, letter in scan.FOLDS.items():
        assert re.fullmatch(letter, char, re.IGNORECASE)


@pytest.mark.parametrize("text", [
    "The talks resume next Tuesday, three weeks after the summit of Jan. 4, 2024.",
    "SALES ROSE IN THE THIRD QUARTER OF 1998 AND FELL 2 YEARS AGO",
    "It ended now",  # a short match at the very end of the text
    "now",
    "the\u00a0year\u00a0before, on\u00a0Monday\u00a0morning",  # no-break spaces
    "\u0130stanbul \u017fix days ago, \u212a-day; \u0661\u0669\u0669\u0668 and 1\u066998",
    "“Last week” — she said — ‘in the 1990s’; at 10:30 a.m. GMT on 3/14/2021",
    "-quarter 'ninety ... 'the '90s' Q3 2021 3Q FY2020 mid-morning",
    "",
])
def test_own_sentences(text: str) -> None:
    same_as_finditer(text)


_WORDS = ["the", "The", "last", "next", "this", "a", "two", "twenty-one", "1998", "'98", "90s", "3", "12",
          "May", "may", "March", "Jan.", "Monday", "Mon.", "week", "weeks", "year", "years", "ago", "quarter",
          "third", "Q3", "fiscal", "now", "today", "morning", "at", "5", "p.m.", "10:30", "GMT", "of",
          "Christmas", "half", "century", "early", "mid", "spring", "every", "day", "İ", "ſ", "K", "é"]
_GLUE = [" ", "  ", ", ", "-", ".", "\u00a0", "\n", "'", "“", "/", ""]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GLUE)), max_size=14))
def test_word_salad(pieces: list[tuple[str, str]]) -> None:
    same_as_finditer("".join(word + glue for word, glue in pieces))


@pytest.mark.parametrize("source", [
    r"(?<![\w])(a)\1",  # a back reference: not read
    r"(?<![\w])(?-i:May)\s+\d",  # flags changed inside: not read
    r"(?<![\w])x?",  # may match nothing: not read
    r"\d+ days",  # no leading lookbehind: a match may start inside a word
])
def test_patterns_not_read_fall_back_to_finditer(source: str) -> None:
    pattern = re.compile(source, re.IGNORECASE)
    assert scan.openings(pattern) is None
    text = "aa MAY 3 ok 12 days, x1 days (xx)"
    assert spans(scanned(pattern, text)) == spans(pattern.finditer(text))


def test_a_pattern_with_too_many_openings_reads_at_a_shorter_width() -> None:
    pattern = re.compile(r"(?<![\w])[a-z]{2}[0-9]{2}[a-z]{2}x", re.IGNORECASE)
    read = scan.openings(pattern)
    assert read is not None and not read.full and max(len(key) for key in read.short) < scan.WIDTH
    text = "ab12cdx, zz99zzX and q1"
    assert spans(scanned(pattern, text)) == spans(pattern.finditer(text))
