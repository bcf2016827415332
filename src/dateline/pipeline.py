"""The pipeline: raw inputs → articles → spaCy docs → extractors → records.

``process_batch`` is the one entry point the CLI, the Python API, the store and Spark share.
Each extractor stage is a plain function ``stage(doc, article) -> None`` that writes only its
own fields of the Article; stages run in the order of ``STAGES`` (later ones read earlier ones'
output: events need actors and times).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from . import entities, events, places, quotes, timex
from .errors import Code, DatelineError
from .nlp import BATCH_SIZE, load_model
from .record import Article, ErrorInfo
from .sources import RawInput, payload_of
from .structure import build_article

log = logging.getLogger(__name__)

Stage = Callable[[Doc, Article], None]

STAGES: list[tuple[str, Stage]] = [
    ("entities", entities.tag_entities),
    ("quotes", quotes.extract_quotes),  # also builds article.actors
    ("times", timex.extract_times),
    ("places", places.resolve_places),
    ("events", events.extract_events),
    ("event_dates", timex.date_events),
    ("event_places", places.place_events),
]


@dataclass
class Options:
    published: str | None = None  # default publication date for inputs that carry none
    max_bytes: int = 5 * 1024 * 1024
    model: str | None = None
    batch_size: int = BATCH_SIZE


def prepare(raw: RawInput, options: Options) -> Article:
    """Turn one raw input into a structured Article (no NLP yet), or an error Article."""
    if raw.error is not None:
        return Article.failed(raw.id, raw.error.code.value, raw.error.message, raw.source, raw.payload)
    try:
        article = build_article(raw, default_published=options.published, max_bytes=options.max_bytes)
    except DatelineError as exc:
        return Article.failed(raw.id, exc.code.value, exc.message, raw.source, payload_of(raw))
    except Exception as exc:  # a bug of ours must cost one article, not the batch
        log.exception("structure failed on %s", raw.id)
        return Article.failed(raw.id, Code.PIPELINE.value, f"structure: {type(exc).__name__}: {exc}",
                              raw.source, payload_of(raw))
    return article


def run_stages(doc: Doc, article: Article) -> Article:
    for name, stage in STAGES:
        try:
            stage(doc, article)
        except Exception as exc:  # one extractor failing must not lose the article or the batch
            log.exception("stage %s failed on %s", name, article.id)
            article.warnings.append(ErrorInfo(Code.PIPELINE.value, f"{name}: {type(exc).__name__}: {exc}"))
    return article


def process_batch(
    inputs: Iterable[RawInput], options: Options | None = None, nlp: Language | None = None
) -> Iterator[Article]:
    """Process raw inputs lazily, in order, yielding one Article (or error Article) per input."""
    options = options or Options()
    nlp = nlp or load_model(options.model)
    articles = (prepare(raw, options) for raw in inputs)
    buffer: list[Article] = []
    for article in articles:
        buffer.append(article)
        if len(buffer) >= options.batch_size:
            yield from _annotate(buffer, nlp, options)
            buffer = []
    if buffer:
        yield from _annotate(buffer, nlp, options)


def _annotate(batch: list[Article], nlp: Language, options: Options) -> Iterator[Article]:
    live = [a for a in batch if a.error is None]
    docs = nlp.pipe((a.text for a in live), batch_size=options.batch_size)
    done = {id(a): run_stages(doc, a) for a, doc in zip(live, docs)}
    for article in batch:
        yield done.get(id(article), article)
