"""Find quoted regions in a text: every quote style, quotes spanning paragraphs.

Quote characters are ambiguous (straight quotes, apostrophes, typographic slips such as a closing
mark used to open), so the direction of each mark is read from its neighbours first and from its
shape only when the neighbours do not decide. One compiled regex pass over the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# '' and `` (Penn/NYT style) before the single marks they are made of.
_MARK = re.compile(r"''|``|[\"“”«»„]|[‘’']")
_DOUBLE_OPEN = {"“", "«", "``", "„"}
_DOUBLE_CLOSE = {"”", "»"}
_SINGLE = {"‘", "’", "'"}
_OPEN_BEFORE = set(" \t\n([{—–-/") | {""}


@dataclass(frozen=True)
class QuoteRegion:
    start: int  # first character inside the marks
    end: int  # end of the inside (exclusive)
    open_at: int  # offset of the opening mark
    close_end: int  # offset just past the closing mark (== end at an unclosed paragraph end)

    def words(self, text: str) -> int:
        return len(text[self.start:self.end].split())


def _direction(text: str, start: int, end: int, mark: str) -> str:
    """'open', 'close' or 'either' for the mark at text[start:end]."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    opens = before in _OPEN_BEFORE and after not in ("", " ", "\n", "\t")
    closes = before not in ("", " ", "\n", "\t") and (after == "" or not after.isalnum())
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    if mark in _DOUBLE_OPEN or mark == "‘":
        return "open"
    if mark in _DOUBLE_CLOSE or mark == "’":
        return "close"
    return "either"


def find_quote_regions(text: str) -> list[QuoteRegion]:
    """Top-level double-quoted regions, plus single-quoted ones outside any double quote."""
    regions: list[QuoteRegion] = []
    open_at: int | None = None
    open_end = 0  # where the open quote's inside starts
    scan_from = 0  # the last mark seen inside the open quote (paragraph continuations move it)
    single_at: int | None = None
    single_end = 0
    for m in _MARK.finditer(text):
        mark, s, e = m.group(), m.start(), m.end()
        if open_at is not None and "\n\n" in text[scan_from:s]:
            # A paragraph ended inside the quote: it continues only if this paragraph opens with a mark.
            para_start = text.rfind("\n\n", scan_from, s) + 2
            if s != para_start:
                para_end = text.find("\n\n", scan_from)
                regions.append(QuoteRegion(open_end, para_end, open_at, para_end))
                open_at = None
            else:
                scan_from = e
                continue  # the continuation mark re-opens the same quote
        direction = _direction(text, s, e, mark)
        if mark in _SINGLE:
            if open_at is not None:
                continue  # nested single quotes belong to the enclosing quote
            if single_at is None and direction == "open":
                single_at, single_end = s, e
            elif single_at is not None and direction in ("close", "either") and "\n\n" not in text[single_end:s]:
                regions.append(QuoteRegion(single_end, s, single_at, e))
                single_at = None
            elif single_at is not None and "\n\n" in text[single_end:s]:
                single_at = s if direction == "open" else None
                single_end = e
            continue
        if open_at is None:
            if direction != "close":
                open_at, open_end, scan_from = s, e, e
                single_at = None
        elif direction != "open" or mark in ('"', "''"):
            if s > open_end:
                regions.append(QuoteRegion(open_end, s, open_at, e))
            open_at = None
    if open_at is not None:
        end = text.find("\n\n", open_end)
        end = len(text) if end < 0 else end
        regions.append(QuoteRegion(open_end, end, open_at, end))
    regions.sort(key=lambda r: r.start)
    return [r for r in regions if text[r.start:r.end].strip()]
