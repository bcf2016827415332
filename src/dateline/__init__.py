"""dateline: news articles → who said what, who did what to whom, when and where.

Public API::

    import dateline
    article = dateline.extract(text_or_html, published="2025-02-10")
    article.to_dict()                # the dateline/1 contract record
    with dateline.Store("dateline.db") as store: store.ingest([article])
"""

from __future__ import annotations

import logging

from dateline.errors import Code, DatelineError
from dateline.ingest.raw import RawInput, content_id
from dateline.pipeline import Options, process_batch
from dateline.record import Article
from dateline.store.db import Store

__all__ = ["extract", "process_batch", "Article", "Store", "Options", "RawInput", "Code", "DatelineError"]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())


def extract(text_or_html: str, published: str | None = None, *, title: str | None = None,
            url: str | None = None, id: str | None = None) -> Article:
    """Extract one article from plain text or an HTML page (detected by its first tag)."""
    head = text_or_html.lstrip()[:200].lower()
    is_html = head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in text_or_html[:5000].lower()
    raw = RawInput(id=id or content_id(text_or_html), published=published, title=title)
    raw.source.url = url
    if not text_or_html.strip():
        raw.error = DatelineError(Code.EMPTY)
    elif is_html:
        raw.html = text_or_html
    else:
        raw.text = text_or_html
    return next(process_batch([raw]))
