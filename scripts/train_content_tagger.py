"""Train ``data/quotes/content_crf.bin`` (and its bars, ``content_crf.tsv``) from PolNeAR train.

For every gold attribution of the training split, the window around its cue word
(``quotes.span_model.window``) is labelled B/I/O by the gold content spans, and a linear-chain CRF
(python-crfsuite, elastic net so rare features drop out) learns to tag it. The confidence bars
at which the stage swaps a chosen reading's boundaries for the tagger's are tuned by 2-fold
cross-validation over the training articles: the tagger trained on one half re-draws the
attributions the shipped cue model chooses on the other half, scored end to end by the PolNeAR
scorer. The development split is never read here. Usage:

    python scripts/train_content_tagger.py ../shared/data/quotes/polnear_train.jsonl [--docbin FILE]
"""

from __future__ import annotations

import argparse
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

import pycrfsuite
from spacy.tokens import Doc

from dateline.evaluation.quotes import Counts, load_gold, parsed_records, score_article
from dateline.nlp import load_model
from dateline.quotes.attribution import Attribution, AttributionFinder
from dateline.quotes.cue_model import get_model, in_quote_flags
from dateline.quotes.span_model import ContentTagger, DocView, propose, redraw, token_features, window
from dateline.quotes.stage import find_attributions
from dateline.record import Quote, TextSpan

FOLDS = 2
BARS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.6, 2.0)  # margins of expected F1
PARAMS = {"c1": 0.3, "c2": 0.01, "max_iterations": 80, "feature.possible_transitions": True}


def cue_token(doc: Doc, finder_cues: dict[int, int], spans: list[tuple[int, int]]) -> int | None:
    """The token the finder would read as this gold cue: a candidate cue inside it, else its root."""
    s, e = spans[0]
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or not len(span):
        return None
    for t in span:
        if t.i in finder_cues:
            return t.i
    return span.root.i


def instances(doc: Doc, record: dict[str, Any], nouns: frozenset[str]) -> list[tuple[list[list[str]], list[str]]]:
    """(features, labels) of the window around each gold cue."""
    finder = AttributionFinder(doc, nouns=nouns)
    view = DocView(doc, finder.sents, in_quote_flags(finder))
    cues = {c.cue.i: 1 for c in finder.candidates()}
    out = []
    for gold in load_gold(record):
        if not gold.cue or not gold.content:
            continue
        i = cue_token(doc, cues, gold.cue)
        if i is None:
            continue
        cue = doc[i]
        lo, hi = window(doc, cue, finder.sents)
        labels = []
        prev_in = False
        for tok in doc[lo:hi]:
            inside = any(s <= tok.idx < e for s, e in gold.content)
            labels.append(("I" if prev_in else "B") if inside else "O")
            prev_in = inside
        cls = finder.lex.cue_class.get(cue.lemma_.lower(), "-")
        out.append((token_features(view, cue, lo, hi, cls), labels))
    return out


def train(data: list[tuple[list[list[str]], list[str]]], path: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in data:
        trainer.append(xseq, yseq)
    trainer.set_params(PARAMS)
    trainer.train(str(path))


def as_quotes(text: str, found: list[Attribution]) -> list[Quote]:
    return [Quote(text[a.start:a.end], a.start, a.end, a.kind, TextSpan("", a.cue.idx, a.cue_end), None)
            for a in found]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("train", type=Path)
    parser.add_argument("--docbin", type=Path, help="cached parses of the same texts, in order")
    args = parser.parse_args()
    nlp = load_model()
    records, docs = parsed_records(args.train, nlp, args.docbin)
    model = get_model()
    assert model is not None
    per_doc = [instances(doc, record, model.nouns) for doc, record in zip(docs, records)]
    print(f"{sum(map(len, per_doc))} windows")
    found = [find_attributions(doc, tagger=False) for doc in docs]
    readings = []
    for finder, _ in found:
        by_cue: dict[int, list[tuple[int, int]]] = {}
        for cand in finder.readings:
            by_cue.setdefault(cand.cue.i, []).append((cand.start, cand.end))
        readings.append(by_cue)
    fold_of = [n % FOLDS for n in range(len(records))]
    # (bar_direct, bar_other) -> content counts over the held-out folds
    totals: dict[tuple[float, float], Counts] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(FOLDS):
            path = Path(tmp) / f"fold{k}.crf"
            train([x for n, xs in enumerate(per_doc) if fold_of[n] != k for x in xs], path)
            tagger = pycrfsuite.Tagger()
            tagger.open(str(path))
            for n, record in enumerate(records):
                if fold_of[n] != k:
                    continue
                gold = load_gold(record)
                finder, atts = found[n]
                view = DocView(finder.doc, finder.sents, in_quote_flags(finder))
                sure = ContentTagger(tagger, 0.0, 0.0)
                proposals = [propose(view, finder, att, sure, readings[n].get(att.cue.i, [])) for att in atts]
                for bd in BARS:
                    for bo in BARS:
                        atts = redraw(finder, found[n][1], ContentTagger(tagger, bd, bo), proposals)
                        counts = score_article(record["text"], as_quotes(record["text"], atts), gold)["content"]
                        totals.setdefault((bd, bo), Counts()).add(counts)
            print(f"fold {k} done")
    for bars, counts in sorted(totals.items(), key=lambda kv: kv[1].prf()[2]):
        p, r, f = counts.prf()
        print(f"bars {bars}: content P/R/F {p:.3f}/{r:.3f}/{f:.3f}")
    best = max(totals, key=lambda b: totals[b].prf()[2])
    out_dir = Path(str(resources.files("dateline") / "data" / "quotes"))
    train([x for xs in per_doc for x in xs], out_dir / "content_crf.bin")
    with (out_dir / "content_crf.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# content tagger bars (scripts/train_content_tagger.py, 2-fold CV on PolNeAR train)\n")
        fh.write(f"bar_direct\t{best[0]}\nbar_other\t{best[1]}\n")
    print(f"wrote content_crf.bin, bars {best}")


if __name__ == "__main__":
    main()
