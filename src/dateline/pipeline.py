"""The pipeline: raw inputs → articles → spaCy docs → extractors → records.

``process_batch`` is the one entry point the CLI, the Python API, the store and Spark share.
Each extractor stage is a plain function ``stage(doc, article) -> None`` that writes only its
own fields of the Article; stages run in the order of ``STAGES`` (later ones read earlier ones'
output: events need actors and times).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from dateline import models
from dateline.article.language import ANALYSED_LANGUAGE
from dateline.article.structure import build_article
from dateline.errors import Code, DatelineError
from dateline.events import dates as event_dates
from dateline.events import stage as events
from dateline.geo import entities, places
from dateline.ingest.limits import max_chars
from dateline.ingest.raw import RawInput, payload_of
from dateline.nlp import BATCH_SIZE, load_model, tokens_of
from dateline.parts import is_long, run_in_parts
from dateline.quotes import stage as quotes
from dateline.record import Article, ErrorInfo
from dateline.timex import stage as timex
from dateline.words import release

log = logging.getLogger(__name__)

Stage = Callable[[Doc, Article], None]

STAGES: list[tuple[str, Stage]] = [
    ("entities", entities.tag_entities),
    ("quotes", quotes.extract_quotes),  # also builds article.actors
    ("times", timex.extract_times),
    ("places", places.resolve_places),
    ("events", events.extract_events),
    ("event_dates", event_dates.date_events),
    ("event_places", places.place_events),
]


@dataclass
class Options:
    published: str | None = None  # default publication date for inputs that carry none
    max_bytes: int = 5 * 1024 * 1024
    model: str | None = None
    batch_size: int = BATCH_SIZE
    max_chars: int | None = None  # an article's character cap; None: $DATELINE_MAX_CHARS (2,000,000)
    languages: tuple[str, ...] | None = None  # keep only articles in these (ISO 639-1); None: all
    parse_chars: int | None = None  # characters parsed together at most; None: PARSE_BATCH_CHARS


def prepare(raw: RawInput, options: Options) -> Article:
    """Turn one raw input into a structured Article (no NLP yet), or an error Article."""
    if raw.error is not None:
        return Article.failed(raw.id, raw.error.code.value, raw.error.message, raw.source, raw.payload)
    try:
        article = build_article(raw, default_published=options.published, max_bytes=options.max_bytes,
                                languages=options.languages)
    except DatelineError as exc:
        return Article.failed(raw.id, exc.code.value, exc.message, raw.source, payload_of(raw))
    except Exception as exc:  # a bug of ours must cost one article, not the batch
        log.exception("structure failed on %s", raw.id)
        return Article.failed(raw.id, Code.PIPELINE.value, f"structure: {type(exc).__name__}: {exc}",
                              raw.source, payload_of(raw))
    cap = options.max_chars or max_chars()
    if len(article.text) > cap:  # the budget: past the cap an article is refused, not parsed
        return Article.failed(raw.id, Code.TOO_LARGE.value, f"{len(article.text)} characters, over the "
                              f"{cap} character cap (DATELINE_MAX_CHARS)", raw.source, payload_of(raw))
    return article


def run_stages(doc: Doc, article: Article) -> Article:
    try:
        for name, stage in STAGES:
            try:
                stage(doc, article)
            except Exception as exc:  # one extractor failing must not lose the article or the batch
                log.exception("stage %s failed on %s", name, article.id)
                article.warnings.append(ErrorInfo(Code.STAGE_FAILED.value,
                                                  Code.STAGE_FAILED.message + f": {name}: {type(exc).__name__}: {exc}"))
    finally:
        release(doc)  # the stages share the doc's words; they refer back to it: let it go with its last reference
    for code, detail in models.unusable():  # a stage that ran on rules alone says so (W301, W302)
        article.warnings.append(ErrorInfo(code.value, f"{code.message}: {detail}"))
    return article


def process_batch(
    inputs: Iterable[RawInput], options: Options | None = None, nlp: Language | None = None
) -> Iterator[Article]:
    """Process raw inputs lazily, in order, yielding one Article (or error Article) per input.

    Articles go through in chunks of ``options.batch_size``. While the extractors run on one
    chunk, a worker thread parses the next (spaCy's parser spends much of its time outside the
    GIL), so parsing and extraction overlap; results come out in input order all the same.
    """
    options = options or Options()
    nlp = nlp or load_model(options.model)
    models.check_parser(nlp)  # a W303 warning when the shipped models learned from other parses
    chunks = in_chunks((prepare(raw, options) for raw in inputs), options.batch_size)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="dateline-parse") as parser:
        pending: tuple[list[Article], Future[list[Doc]]] | None = None
        for chunk in chunks:
            parsing = parser.submit(_parse, nlp, chunk, options.batch_size,
                                    options.parse_chars or PARSE_BATCH_CHARS)
            if pending is not None:
                yield from _extract(*pending, nlp)
            pending = (chunk, parsing)
        if pending is not None:
            yield from _extract(*pending, nlp)


T = TypeVar("T")


def in_chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last one shorter), read lazily."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# Texts parsed in one nlp.pipe batch hold at most about this many characters (a longer text goes
# alone): the parser's working memory grows with the batch, and 32 articles of 100,000 characters
# would be 3.2 million at once. The model's token-to-vector layers keep every intermediate array
# until the batch is through them, ~15 kB a token (~3.5 kB a character) at the peak.
PARSE_BATCH_CHARS = 200_000


def analysed(article: Article) -> bool:
    """Whether the NLP stages run on an article: read, and in the language they are built for."""
    return article.error is None and article.language == ANALYSED_LANGUAGE


def _parse(nlp: Language, chunk: list[Article], batch_size: int, chars: int) -> list[Doc]:
    """The docs of the chunk's analysed articles, in order; long articles are parsed later, in parts."""
    docs: list[Doc] = []
    group: list[Doc] = []
    size = 0
    for article in (a for a in chunk if analysed(a) and not is_long(a.text)):
        if group and (size + len(article.text) > chars or len(group) >= batch_size):
            docs.extend(nlp.pipe(group, batch_size=len(group)))
            group, size = [], 0
        group.append(tokens_of(nlp, article.text, article.dateline_span))
        size += len(article.text)
    if group:
        docs.extend(nlp.pipe(group, batch_size=len(group)))
    return docs


def _extract(chunk: list[Article], parsing: Future[list[Doc]], nlp: Language) -> Iterator[Article]:
    docs = iter(parsing.result())
    for article in chunk:
        if not analysed(article):
            yield article
        elif is_long(article.text):  # the budget: parsed and extracted part by part (dateline.parts)
            yield run_in_parts(article, nlp, run_stages)
        else:
            yield run_stages(next(docs), article)
