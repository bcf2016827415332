"""Main text from web pages: dateline against trafilatura configured well, and each of our rules
measured leave-one-domain-out.

What it prints, on a folder of pages with gold main text (``html/<id>.html.gz`` and
``ground-truth.json``, the article-extraction-benchmark layout of ../shared/data/html):

- token precision / recall / F1 per page, averaged (the measure of ../shared/eval/score_html.py),
  for dateline's article text (``build_article``, the record's ``text`` without the NLP stages,
  every language kept), for trafilatura with comments off and ``favor_precision`` (the anchor to
  beat) and for trafilatura's defaults; and the pages each leaves empty;
- with ``--rules``, each rule of ``dateline.article.page.RULES`` (and the structure step's line
  rules) switched off in turn: its gain over all pages, the domains it changes, and the worst
  gain when one dev domain is held out (the rule's gain on the other domains). A rule is
  accepted when that worst gain is above zero and it fires on at least three domains.

Run from the project root:  .venv/bin/python benchmarks/html_anchor.py [--data DIR] [--rules]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlsplit

from dateline.article import page as page_rules
from dateline.article.structure import build_article
from dateline.errors import DatelineError
from dateline.ingest.files import RawInput

_TOKEN = re.compile(r"\w+", re.UNICODE)
MIN_DOMAINS = 3


def token_prf(pred: str, gold: str) -> tuple[float, float, float]:
    """Bag-of-tokens overlap, as the shared scorer counts it (lower-cased \\w+ tokens)."""
    p = Counter(t.lower() for t in _TOKEN.findall(pred or ""))
    g = Counter(t.lower() for t in _TOKEN.findall(gold or ""))
    common = sum((p & g).values())
    if not p or not g or not common:
        return 0.0, 0.0, 0.0
    precision, recall = common / sum(p.values()), common / sum(g.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def load_pages(folder: Path) -> list[dict]:
    truth = json.loads((folder / "ground-truth.json").read_text())
    pages = []
    for key, item in sorted(truth.items()):
        html = gzip.open(folder / "html" / f"{key}.html.gz").read().decode("utf-8", "replace")
        url = item.get("url")
        domain = urlsplit(url or "").netloc.lower().removeprefix("www.") or key
        pages.append({"id": key, "html": html, "url": url, "gold": item.get("articleBody", ""), "domain": domain})
    return pages


def ours(page: dict) -> str:
    try:
        return build_article(RawInput(id=page["id"], html=page["html"], source=_source(page))).text
    except DatelineError:
        return ""


def _source(page: dict):
    from dateline.record import Source

    return Source(url=page["url"])


def trafilatura_text(page: dict, precise: bool) -> str:
    import trafilatura

    if precise:
        return trafilatura.extract(page["html"], url=page["url"], include_comments=False,
                                   favor_precision=True) or ""
    return trafilatura.extract(page["html"], url=page["url"]) or ""


def summary(name: str, texts: dict[str, str], pages: list[dict]) -> list[float]:
    scores = [token_prf(texts[p["id"]], p["gold"]) for p in pages]
    n = len(scores)
    mean = [sum(s[i] for s in scores) / n for i in range(3)]
    empty = sum(1 for p in pages if not texts[p["id"]].strip())
    print(f"{name:40s} P {mean[0]:.3f} R {mean[1]:.3f} F1 {mean[2]:.3f}   {empty} empty")
    return [s[2] for s in scores]


def rule_table(pages: list[dict], base_texts: dict[str, str], base_f1: list[float],
               only: list[str] | None = None) -> None:
    rules = [(name, lambda n=name: page_rules.rules_off(n)) for name in only or page_rules.RULES]
    print(f"\n{'rule':22s} {'gain':>7s} {'domains':>7s} {'worst held-out':>14s}  verdict")
    for name, switch in rules:
        with switch():
            texts = {p["id"]: ours(p) for p in pages}
        f1 = [token_prf(texts[p["id"]], p["gold"])[2] for p in pages]
        gain_by_domain: dict[str, float] = defaultdict(float)
        fired = set()
        for p, with_rule, without in zip(pages, base_f1, f1):
            gain_by_domain[p["domain"]] += with_rule - without
            if texts[p["id"]] != base_texts[p["id"]]:
                fired.add(p["domain"])
        total = sum(gain_by_domain.values())
        worst = min(total - g for g in gain_by_domain.values())
        verdict = "meets the bar" if worst > 0 and len(fired) >= MIN_DOMAINS else "below the bar"
        print(f"{name:22s} {total / len(pages):+7.4f} {len(fired):7d} {worst / len(pages):+14.4f}  {verdict}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data/html")
    ap.add_argument("--rules", action="store_true", help="also measure each rule leave-one-domain-out")
    ap.add_argument("--only", nargs="*", help="with --rules: measure only these rules")
    ap.add_argument("--dump", help="write our texts to this JSON file (for looking at errors)")
    args = ap.parse_args()
    pages = load_pages(Path(args.data))
    print(f"{len(pages)} pages, {len({p['domain'] for p in pages})} domains", file=sys.stderr)
    base = {p["id"]: ours(p) for p in pages}
    base_f1 = summary("dateline (article text)", base, pages)
    summary("trafilatura, comments off, precision", {p["id"]: trafilatura_text(p, True) for p in pages}, pages)
    summary("trafilatura defaults", {p["id"]: trafilatura_text(p, False) for p in pages}, pages)
    if args.dump:
        Path(args.dump).write_text(json.dumps({p["id"]: {"ours": base[p["id"]], "f1": f, "domain": p["domain"]}
                                               for p, f in zip(pages, base_f1)}, ensure_ascii=False))
    if args.rules:
        rule_table(pages, base, base_f1, args.only)


if __name__ == "__main__":
    main()
