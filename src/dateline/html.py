"""HTML pages → main text and metadata, with trafilatura."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import Code, DatelineError


@dataclass
class Page:
    text: str
    title: str | None = None
    date: str | None = None
    author: str | None = None
    sitename: str | None = None
    url: str | None = None
    language: str | None = None

    def meta(self) -> dict[str, Any]:
        return {k: v for k, v in {"author": self.author, "sitename": self.sitename,
                                  "page_language": self.language}.items() if v}


def extract_page(html: str, url: str | None = None) -> Page:
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=False)
    if doc is None:
        raise DatelineError(Code.NO_BODY)
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = data.get("text") or ""
    if not text.strip():
        raise DatelineError(Code.NO_BODY)
    return Page(text=text.replace("\n", "\n\n"), title=data.get("title"), date=data.get("date"),
                author=data.get("author"), sitename=data.get("sitename"), url=data.get("url") or url,
                language=data.get("language"))
