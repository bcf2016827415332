"""Article structure: headline, lead, dateline and a clean body from raw text or a page.

Steps, in order: split into paragraphs (blank lines, or the indented paragraphs of old wire
copy) → drop boilerplate lines (rules in ``data/structure/boilerplate.tsv``) → headline →
dateline and lead (a standfirst before the dateline paragraph) → drop repeated paragraphs
(wire pages repeat the standfirst in the body) → text, with the paragraphs joined by blank lines.
"""

from __future__ import annotations

import re
from datetime import date

from dateline.article.datelines import MONTHS, DatelineMatch, iso_date, parse_dateline
from dateline.article.language import detect_language
from dateline.errors import Code, DatelineError
from dateline.ingest.raw import RawInput
from dateline.record import Article, Dateline, ErrorInfo
from dateline.resources import line_patterns

HEADLINE_MAX_CHARS = 220
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
        blocks = re.split(r"\n[ \t]*\n", body)
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


def looks_like_headline(paragraph: str) -> bool:
    if len(paragraph) > HEADLINE_MAX_CHARS or parse_dateline(paragraph):
        return False
    # A headline does not end like a sentence, or is short enough that it may ("Talks fail.").
    return not paragraph.endswith((".", ":", ";", ",")) or len(paragraph.split()) <= 8


def _key(paragraph: str) -> str:
    return re.sub(r"\W+", " ", paragraph.casefold()).strip()


def drop_repeats(paragraphs: list[str]) -> list[str]:
    """Keep each paragraph once; a paragraph that opens by repeating an earlier one keeps its rest."""
    seen: list[str] = []
    kept = []
    for paragraph in paragraphs:
        key = _key(paragraph)
        if not key or key in seen:
            continue
        for earlier in seen:
            if len(earlier) > 40 and key.startswith(earlier):
                paragraph = _strip_repeated_prefix(paragraph, earlier)
                key = _key(paragraph)
                break
        if key and key not in seen:
            seen.append(key)
            kept.append(paragraph)
    return kept


def _strip_repeated_prefix(paragraph: str, earlier_key: str) -> str:
    # Walk the raw paragraph until its key covers the earlier paragraph's key.
    for i in range(len(paragraph)):
        if _key(paragraph[:i]) == earlier_key and not paragraph[i].isalnum():
            return paragraph[i:].lstrip(" .,;:—–-")
    return paragraph


def build_article(raw: RawInput, default_published: str | None = None,
                  max_bytes: int = 5 * 1024 * 1024) -> Article:
    """RawInput → Article with structure filled in (no NLP yet). Raises DatelineError."""
    page = None
    if raw.html is not None:
        from dateline.article.page import extract_page  # trafilatura is imported only when a page comes in

        page = extract_page(raw.html, url=raw.source.url)
        body = page.text
    else:
        body = raw.text or ""
    if len(body.encode("utf-8", "surrogatepass")) > max_bytes:
        raise DatelineError(Code.TOO_LARGE, f"{len(body)} characters")
    paragraphs = [p for p in split_paragraphs(body) if not is_boilerplate(p)]
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
    paragraphs = drop_repeats(paragraphs)
    if not paragraphs:
        raise DatelineError(Code.EMPTY, "nothing left after cleaning")
    text = "\n\n".join(paragraphs)
    lead = " ".join(standfirst) if standfirst else _without_dateline(paragraphs[0], dateline_match)

    # A declared language is trusted by its primary subtag ("en-GB" is English).
    language = (raw.language or detect_language(text)).replace("_", "-").split("-")[0].lower()
    if language not in ("en", "eng", "english"):
        raise DatelineError(Code.NOT_ENGLISH, f"language: {raw.language or language}")

    article = Article(id=raw.id, text=text, source=raw.source, headline=headline, lead=lead,
                      language="en", meta=raw.meta)
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
