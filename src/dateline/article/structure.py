"""Article structure: headline, lead, dateline and a clean body from raw text or a page.

Steps, in order: split into paragraphs (blank lines, or the indented paragraphs of old wire
copy) → drop boilerplate lines of plain text (rules in ``data/structure/boilerplate.tsv``) →
headline → dateline and lead (a standfirst before the dateline paragraph) → drop repeats of the
standfirst (wire pages print it again in the body) and consecutive duplicates → the language
(py3langid on the text, unless declared) → text, with the paragraphs joined by blank lines.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date
from typing import Any

from dateline.article.datelines import MONTHS, DatelineMatch, iso_date, parse_dateline
from dateline.article.language import ANALYSED_LANGUAGE, detect_language, normalise_language
from dateline.article.page import rule_on
from dateline.errors import MESSAGES, Code, DatelineError
from dateline.ingest.raw import RawInput
from dateline.record import Article, Dateline, ErrorInfo
from dateline.resources import line_patterns

HEADLINE_MAX_CHARS = 220
# RawInput.meta key of a feed item's summary, the text when its page has none (ingest/feeds.py).
FEED_SUMMARY = "feed_summary"
DATELINE_SEARCH_PARAGRAPHS = 4


def boilerplate_patterns() -> tuple[re.Pattern[str], ...]:
    return line_patterns("structure", "boilerplate.tsv")


def is_boilerplate(paragraph: str) -> bool:
    text = paragraph.strip()
    if len(text) > 300:
        return False
    return any(p.fullmatch(text) for p in boilerplate_patterns())


def split_paragraphs(body: str) -> list[str]:
    """Paragraphs of a plain-text body, each with its hard line breaks joined."""
    body = body.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    if re.search(r"\n[ \t]*\n", body):
        blocks = [part for block in re.split(r"\n[ \t]*\n", body) for part in _unwrapped(block)]
    elif re.search(r"\n[ \t]{2,}\S", body):
        # Old wire copy: hard-wrapped lines, a new paragraph starts indented.
        blocks = re.split(r"\n(?=[ \t]{2,}\S)", body)
    else:
        blocks = body.split("\n")
    paragraphs = []
    for block in blocks:
        text = " ".join(line.strip() for line in block.split("\n") if line.strip())
        text = re.sub(r"[ \t]+", " ", text).strip()
        if text:
            paragraphs.append(text)
    return paragraphs


# A line longer than this is not hard-wrapped: typewriter and wire copy wraps at 60-80 columns.
WRAP_COLUMNS = 100


def _unwrapped(block: str) -> list[str]:
    """The paragraphs of one blank-line-separated block. Its single line breaks are hard wraps
    (joined later) when every line but the last fits the wrap width, and then a line indented
    by two spaces or more opens a new paragraph; otherwise each line is a paragraph of its own
    (web copy that marks most paragraphs by one line break and some by a blank line)."""
    lines = block.strip("\n").split("\n")
    if len(lines) < 2:
        return [block]
    if all(len(line.rstrip()) <= WRAP_COLUMNS for line in lines[:-1]):
        return re.split(r"\n(?=[ \t]{2,}\S)", block)
    return lines


def looks_like_headline(paragraph: str) -> bool:
    if len(paragraph) > HEADLINE_MAX_CHARS or parse_dateline(paragraph):
        return False
    # A headline does not end like a sentence, or is short enough that it may ("Talks fail.").
    return not paragraph.endswith((".", ":", ";", ",")) or len(paragraph.split()) <= 8


_NON_WORD = re.compile(r"\W+")


def _key(paragraph: str) -> str:
    return _NON_WORD.sub(" ", paragraph.casefold()).strip()


def drop_repeats(paragraphs: list[str], standfirst: int = 0) -> list[str]:
    """Drop a paragraph that repeats the one just before it, and a body paragraph that repeats the
    standfirst (the first ``standfirst`` paragraphs; wire pages print it again in the body). A body
    paragraph that opens with the standfirst keeps its rest.

    Repeats further apart are left alone: a list, a table or a recurring line of a live report
    repeats on purpose, and deleting it loses text.
    """
    if not rule_on("repeats"):
        return paragraphs
    lead_keys = [_key(p) for p in paragraphs[:standfirst]]
    kept: list[str] = []
    last_key = None
    for i, paragraph in enumerate(paragraphs):
        key = _key(paragraph)
        if i >= standfirst:
            if key in lead_keys:
                continue
            for earlier in lead_keys:
                if len(earlier) > 40 and key.startswith(earlier):
                    paragraph = _strip_repeated_prefix(paragraph, earlier)
                    key = _key(paragraph)
                    break
        if key and key != last_key:
            kept.append(paragraph)
            last_key = key
    return kept


def _strip_repeated_prefix(paragraph: str, earlier_key: str) -> str:
    # Walk the raw paragraph until its key covers the earlier paragraph's key.
    for i in range(len(paragraph)):
        if _key(paragraph[:i]) == earlier_key and not paragraph[i].isalnum():
            return paragraph[i:].lstrip(" .,;:—–-")
    return paragraph


def build_article(raw: RawInput, default_published: str | None = None,
                  max_bytes: int = 5 * 1024 * 1024, languages: Collection[str] | None = None) -> Article:
    """RawInput → Article with structure filled in (no NLP yet). Raises DatelineError.

    Every language is kept: an article not in English gets its text, headline, dateline and
    publisher, its language code and a W140 warning that the (English) NLP stages are skipped.
    ``languages`` restricts on purpose: an article in any other language is rejected (E108)."""
    page, body, summary_used = _body_of(raw)
    meta = {k: v for k, v in raw.meta.items() if k != FEED_SUMMARY}
    if len(body.encode("utf-8", "surrogatepass")) > max_bytes:
        raise DatelineError(Code.TOO_LARGE, f"{len(body)} characters")
    # The line rules are for plain text, which has no markup to tell furniture by; on pages the
    # block rules have done that, and line rules measured on pages fire on one site only.
    paragraphs = [p for p in split_paragraphs(body) if page is not None or not is_boilerplate(p)]
    if not paragraphs:
        raise DatelineError(Code.NO_BODY if page is not None else Code.EMPTY)

    headline = raw.title or (page.title if page else None)
    if headline and _key(paragraphs[0]) == _key(headline):
        paragraphs.pop(0)
    elif headline is None and len(paragraphs) > 1 and looks_like_headline(paragraphs[0]):
        headline = paragraphs.pop(0)

    dateline_match, dateline_index = None, None
    for i, paragraph in enumerate(paragraphs[:DATELINE_SEARCH_PARAGRAPHS]):
        dateline_match = parse_dateline(paragraph)
        if dateline_match:
            dateline_index = i
            break
    standfirst = paragraphs[:dateline_index] if dateline_index else []
    paragraphs = drop_repeats(paragraphs, len(standfirst))
    if not paragraphs:
        raise DatelineError(Code.EMPTY, "nothing left after cleaning")
    text = "\n\n".join(paragraphs)
    lead = " ".join(standfirst) if standfirst else _without_dateline(paragraphs[0], dateline_match)

    # A declared language is trusted by its primary subtag ("en-GB" is English).
    language = normalise_language(raw.language) if raw.language else detect_language(text)
    if languages and language not in languages:
        raise DatelineError(Code.NOT_ENGLISH, f"{language}, not among --languages {','.join(languages)}")

    article = Article(id=raw.id, text=text, source=raw.source, headline=headline, lead=lead,
                      language=language, meta=meta)
    if summary_used:
        article.meta["text_from"] = FEED_SUMMARY
        article.warnings.append(ErrorInfo(Code.FEED_SUMMARY.value, MESSAGES[Code.FEED_SUMMARY]))
    if language != ANALYSED_LANGUAGE:
        article.warnings.append(ErrorInfo(Code.NOT_ANALYSED.value, f"{MESSAGES[Code.NOT_ANALYSED]}: {language}"))
    if page is not None:
        article.raw_page = raw.html
        article.meta.update(page.meta())
        article.source.url = article.source.url or page.url
        article.source.publisher = article.source.publisher or page.sitename
    article.warnings.extend(ErrorInfo(w.code.value, w.message) for w in raw.warnings)
    _set_published(article, raw.published or default_published, page.date if page else None)
    if dateline_match is not None:
        article.dateline = _dateline(article, dateline_match, text)
    return article


def _body_of(raw: RawInput) -> tuple[Any, str, bool]:
    """The page (or None), the body text, and whether the body is a feed item's summary because
    its page had no main text."""
    if raw.html is None:
        return None, raw.text or "", False
    from dateline.article.page import extract_page  # trafilatura is imported only when a page comes in

    try:
        page = extract_page(raw.html, url=raw.source.url)
    except DatelineError as exc:
        if exc.code != Code.NO_BODY or not raw.meta.get(FEED_SUMMARY):
            raise
        return None, str(raw.meta[FEED_SUMMARY]), True
    return page, page.text, False


def _without_dateline(paragraph: str, match: DatelineMatch | None) -> str:
    """The lede as a reader reads it: the dateline is metadata, not part of the lead."""
    if match is not None and paragraph.startswith(match.text):
        return paragraph[match.end:].strip() or paragraph
    return paragraph


def _set_published(article: Article, given: str | None, page_date: str | None) -> None:
    from dateline.ingest.dates import read_published

    given, warning = read_published(given)  # the Python API and feeds hand values in as written
    if warning is not None and all(w.code != warning.code.value for w in article.warnings):
        article.warnings.append(ErrorInfo(warning.code.value, warning.message))
    if given:
        article.published, article.published_source = given, "input"
    elif page_date:
        article.published, article.published_source = page_date, "html"


def _dateline(article: Article, m: DatelineMatch, text: str) -> Dateline:
    start = text.find(m.text)
    year = m.year
    if year is None and article.published and m.month:
        year = _nearest_year(article.published, m.month, m.day)
    elif year is None and m.month:
        year = _year_from_text(text, m.month, m.day)
        if year and article.published is None:
            article.published_source = "inferred"
    elif year is not None and article.published is None:
        article.published_source = "dateline"
    iso = iso_date(m.month, m.day, year)
    if article.published is None and iso and not iso.startswith("X"):
        article.published = iso
    return Dateline(text=m.text, place=m.place, date=iso, agency=m.agency,
                    start=max(start, 0), end=max(start, 0) + len(m.text))


def _nearest_year(published: str, month: int, day: int | None) -> int:
    """The year that puts the dateline's month-day nearest the publication date."""
    pub = date.fromisoformat(published[:10])
    best = pub.year
    best_gap = None
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            gap = abs((date(year, month, day or 1) - pub).days)
        except ValueError:
            continue
        if best_gap is None or gap < best_gap:
            best, best_gap = year, gap
    return best


def _year_from_text(text: str, month: int, day: int | None) -> int | None:
    """A year the article itself gives for the dateline's month-day ("February 10, 2025")."""
    names = "|".join(name for name, number in MONTHS.items() if number == month)
    patterns = [rf"\b(?:{names})\.?\s+{day}(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b",
                rf"\b{day}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{names})\.?,?\s+((?:19|20)\d\d)\b"]
    for pattern in patterns:
        m = re.search(pattern, text, re.IGNORECASE)
        if m:
            return int(m.group(1))
    return None
