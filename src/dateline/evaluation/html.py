"""Suite "html": main text of the article-extraction-benchmark pages (``html/``).

Input: every page in ``ground-truth.json`` (sorted by key), its gzipped HTML decoded as UTF-8
(bad bytes replaced) with the page's ``url``, whatever its language. The record's ``text`` is
compared with the gold ``articleBody`` as bags of lowercased words; precision, recall and F1 are
averaged over pages. A page whose record has no text (a rejected language, no main text found)
scores 0 on all three: that is what a user of ``extract`` gets for it.

Anchor: ``trafilatura.extract`` with its defaults on the same pages, scored the same way, and
the count of pages where it finds text and our record has none ("lost pages").
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path
from typing import Any

from spacy.language import Language

from dateline.evaluation.measures import word_prf
from dateline.evaluation.suite import Records, Row, Scores, Suite, record_of

FOLDER = "html"


def load(data_dir: Path) -> list[Row]:
    folder = data_dir / FOLDER
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    rows = []
    for key in sorted(truth):
        page = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())
        rows.append({"id": key, "html": page.decode("utf-8", "replace"), "url": truth[key].get("url"),
                     "body": truth[key]["articleBody"]})
    return rows


def inputs(rows: list[Row]) -> list[Row]:
    return [{"id": r["id"], "html": r["html"], "url": r["url"]} for r in rows]


def _mean_prf(texts: list[str], rows: list[Row]) -> tuple[float, float, float]:
    scored = [word_prf(text, row["body"]) for text, row in zip(texts, rows, strict=True)]
    n = len(scored) or 1
    return sum(s[0] for s in scored) / n, sum(s[1] for s in scored) / n, sum(s[2] for s in scored) / n


def score(rows: list[Row], records: Records) -> Scores:
    texts = [record_of(records, r).get("text") or "" for r in rows]
    p, r, f = _mean_prf(texts, rows)
    codes = Counter((record_of(records, row).get("error") or {}).get("code") for row in rows)
    kept = [(text, row) for text, row in zip(texts, rows, strict=True) if not record_of(records, row).get("error")]
    kept_f1 = _mean_prf([t for t, _ in kept], [row for _, row in kept])[2]
    return Scores({"html.f1": f}, {"precision": p, "recall": r,
                                   "pages without text": sum(not t.strip() for t in texts),
                                   "error records": {c: codes[c] for c in sorted(c for c in codes if c)},
                                   "F1 on the pages kept (no error record)": kept_f1})


def trafilatura_anchor(rows: list[Row], records: Records) -> Scores:
    import trafilatura

    theirs = [trafilatura.extract(r["html"]) or "" for r in rows]
    p, r, f = _mean_prf(theirs, rows)
    lost = sum(bool(text.strip()) and not (record_of(records, row).get("text") or "").strip()
               for row, text in zip(rows, theirs, strict=True))
    return Scores({"html.trafilatura_f1": f}, {"trafilatura precision": p, "trafilatura recall": r,
                                               "lost pages (text by trafilatura, none in the record)": lost})


SUITE = Suite("html", (FOLDER,), load, inputs, score, headline="html.f1", anchor=trafilatura_anchor,
              note="every page, whatever its language; a page without text scores 0")


def run(data_dir: Path, nlp: Language | None = None, limit: int | None = None) -> dict[str, Any]:
    from dateline.evaluation.runner import run_suite

    return run_suite(SUITE, data_dir, nlp, limit)
