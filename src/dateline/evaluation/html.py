"""Main-text extraction scorer on the article-extraction-benchmark pages (``html/``).

For every page, our text and plain trafilatura's text are scored against the gold
``articleBody``: both sides are tokenised into lowercased words and compared as bags of
tokens (precision = shared tokens / our tokens, recall = shared tokens / gold tokens), and
P/R/F1 are averaged per page.

"Our text" is exactly what ``dateline extract`` puts in ``text`` for the page: trafilatura plus
our block rules (``dateline.article.page``) and then the structure step (headline removal, boilerplate
lines, repeated paragraphs). The gold bodies do not include the headline, so removing it is
right. The language check is bypassed (the benchmark has Portuguese, German, Japanese pages,
which ``extract`` rejects with E108 by design; their extraction is still scored).

"Plain trafilatura" is ``trafilatura.extract(html)`` with its default settings, on the same
pages, through the same tokeniser: the anchor the bar compares against.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from dateline.article.structure import build_article
from dateline.errors import DatelineError
from dateline.ingest.files import RawInput

DATA_DIR = Path("html")
_WORD = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text.lower()))


def token_prf(predicted: str, gold: str) -> tuple[float, float, float]:
    pred, ref = tokens(predicted), tokens(gold)
    shared = sum((pred & ref).values())
    n_pred, n_ref = sum(pred.values()), sum(ref.values())
    p = shared / n_pred if n_pred else 0.0
    r = shared / n_ref if n_ref else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def our_text(html: str, url: str | None) -> str:
    """What ``dateline extract`` would put in ``text`` for this page ('' when it finds none)."""
    raw = RawInput(id="page", html=html, language="en")
    raw.source.url = url
    try:
        return build_article(raw).text
    except DatelineError:
        return ""


def trafilatura_text(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def load_pages(data_dir: Path, limit: int | None = None) -> list[tuple[str, str, dict[str, Any]]]:
    folder = data_dir / DATA_DIR
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth)[:limit]:
        path = folder / "html" / f"{page_id}.html.gz"
        if path.exists():
            html = gzip.open(path, "rb").read().decode("utf-8", "replace")
            pages.append((page_id, html, truth[page_id]))
    return pages


def score_pages(pages: list[tuple[str, str, dict[str, Any]]]) -> dict[str, Any]:
    ours, theirs = [], []
    for _page_id, html, gold in pages:
        ours.append(token_prf(our_text(html, gold.get("url")), gold["articleBody"]))
        theirs.append(token_prf(trafilatura_text(html), gold["articleBody"]))
    n = len(pages)

    def mean(rows: list[tuple[float, float, float]], k: int) -> float:
        return round(sum(r[k] for r in rows) / n, 4) if n else 0.0

    return {"metrics": {"html.precision": mean(ours, 0), "html.recall": mean(ours, 1),
                        "html.f1": mean(ours, 2), "html.trafilatura_precision": mean(theirs, 0),
                        "html.trafilatura_recall": mean(theirs, 1), "html.trafilatura_f1": mean(theirs, 2)},
            "n": n}


def run(data_dir: Path, nlp: Any = None, limit: int | None = None) -> dict[str, Any]:
    if not (data_dir / DATA_DIR / "ground-truth.json").exists():
        return {"skipped": f"{data_dir / DATA_DIR / 'ground-truth.json'} not found"}
    return score_pages(load_pages(data_dir, limit))
