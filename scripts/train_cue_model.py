"""Train ``data/models/cue_chooser/`` (weights.tsv and meta.json) from the PolNeAR training split.

Every candidate reading ``AttributionFinder.candidates`` offers is labelled positive when its
content matches a gold attribution (token-F1 >= 0.5) whose cue overlaps the candidate's cue
word. A logistic regression (L1, so most features drop out) is fitted on those readings. The
regularisation strength and the decision threshold are chosen by 5-fold cross-validation over
the training articles, scored end to end with the PolNeAR scorer (content and source F1); the
development split is never read here. Usage:

    python scripts/train_cue_model.py ../shared/data/quotes/polnear_train.jsonl [--docbin FILE]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from spacy.tokens import Doc

from dateline import models
from dateline.evaluation.quotes import (
    Counts,
    load_gold,
    parsed_records,
    score_article,
    token_f1,
    word_positions,
)
from dateline.geo.entities import tag_entities
from dateline.nlp import load_model
from dateline.quotes import cue_model
from dateline.quotes.attribution import Attribution, AttributionFinder, np_span
from dateline.quotes.cue_model import CueModel, Thresholds, features, in_quote_flags
from dateline.quotes.lexicon import get_lexicon
from dateline.quotes.stage import select
from dateline.record import Article, Quote, Speaker, TextSpan

MIN_NOUN_CUES = 3  # a noun lemma must head this many training cues to be offered as a cue
FOLDS = 5
C_GRID = (1.0, 3.0)
# Two thresholds have floors the training split cannot set. "action" (noun-phrase objects of
# verbs outside the cue lexicon) at 0.6: below it acts such as "submitted a treaty" become
# quotes, which PolNeAR's broad scheme rewards a little (about one point of content F1) and an
# analyst reading statements does not. "sourceless" at 0.7: a reading with no one speaking
# ("Moscow and Minsk ... concluded an agreement", where the parse loses the subject) must be a
# sure one; cross-validation is flat between 0.55 and 0.7 (content F1 0.721 vs 0.719).
THRESHOLDS = tuple(Thresholds(lex, op, 0.7, act) for lex in (0.1, 0.15, 0.2, 0.3) for op in (0.2, 0.25, 0.3, 0.4, 0.45, 0.5)
                   for act in (0.6, 0.7))


def cue_nouns(records: list[dict[str, Any]], docs: list[Doc]) -> frozenset[str]:
    counts: Counter[str] = Counter()
    for record, doc in zip(records, docs):
        for gold in load_gold(record):
            for s, e in gold.cue:
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is not None and span.root.pos_ == "NOUN":
                    counts[span.root.lemma_.lower()] += 1
    return frozenset(lemma for lemma, n in counts.items() if n >= MIN_NOUN_CUES)


def label(text: str, cand: Attribution, gold_words: list[set[int]], gold_cues: list[list[tuple[int, int]]]) -> int:
    cue_s, cue_e = cand.cue.idx, cand.cue.idx + len(cand.cue)
    words = word_positions(text, [(cand.start, cand.end)])
    for gw, cues in zip(gold_words, gold_cues):
        if any(s < cue_e and cue_s < e for s, e in cues) and token_f1(words, gw) >= 0.5:
            return 1
    return 0


def as_quotes(text: str, found: list[Attribution]) -> list[Quote]:
    """Quotes as the stage writes them, minus name resolution (the scorer reads offsets only)."""
    out = []
    for att in found:
        speaker = None
        if att.source is not None:
            s, e = np_span(att.source)
            speaker = Speaker(text[s:e], s, e)
        out.append(Quote(text[att.start:att.end], att.start, att.end, att.kind,
                         TextSpan(text[att.cue.idx:att.cue_end], att.cue.idx, att.cue_end), speaker))
    return out


def evaluate(texts: list[str], golds: list[Any], cands: list[list[Attribution]], finders: list[AttributionFinder],
             threshold: Thresholds) -> dict[str, Counts]:
    """Content, source and cue counts of the stage's choice (``select``: the model's readings above
    their bars, the learnt inventory at the lexicon's bar, the rules for the cues left out)."""
    totals = {name: Counts() for name in ("content", "source", "cue")}
    lexicon = get_lexicon()
    learnt, speaking = lexicon.learnt_cues(), lexicon.speaking_verbs()
    for text, gold, doc_cands, finder in zip(texts, golds, cands, finders):
        edges = [(cand.start, cand.end) for cand in doc_cands]
        found = select(doc_cands, threshold, lexicon.cue_class, finder.find(doc_cands), learnt, speaking)
        for name, counts in score_article(text, as_quotes(text, found), gold).items():
            totals[name].add(counts)
        for cand, (start, end) in zip(doc_cands, edges):  # select cuts contents (release_turns)
            cand.start, cand.end = start, end
    return totals


def fit(X: Any, y: np.ndarray, c: float) -> LogisticRegression:
    model = LogisticRegression(l1_ratio=1.0, C=c, solver="liblinear", max_iter=200)
    return model.fit(X, y)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("train", type=Path)
    parser.add_argument("--docbin", type=Path, help="cached parses of the same texts, in order")
    parser.add_argument("--c", type=float, help="skip the search: use this C")
    parser.add_argument("--threshold", type=float, nargs=4, help="skip the search: lexicon, open, sourceless, action")
    args = parser.parse_args()
    nlp = load_model()
    records, docs = parsed_records(args.train, nlp, args.docbin)
    nouns = cue_nouns(records, docs)
    print(f"{len(nouns)} cue nouns")
    texts, golds, cands, feats, labels, owner, finders = [], [], [], [], [], [], []
    for n, (record, doc) in enumerate(zip(records, docs)):
        text = record["text"]
        gold = load_gold(record)
        # the pipeline corrects the parser's entities before the quotes stage (speaker kinds read
        # them): train on the entities the stage will see
        tag_entities(doc, Article(id="t", text=text))
        finder = AttributionFinder(doc, nouns=nouns)
        quoted = in_quote_flags(finder)
        gold_words = [word_positions(text, g.content) for g in gold]
        doc_cands = finder.candidates()
        for cand in doc_cands:
            feats.append({f: 1 for f in features(cand, finder, quoted)})
            labels.append(label(text, cand, gold_words, [g.cue for g in gold]))
            owner.append(n)
        texts.append(text)
        finders.append(finder)
        golds.append(gold)
        cands.append(doc_cands)
    vec = DictVectorizer()
    X = vec.fit_transform(feats).tocsr()
    X.indices = X.indices.astype(np.int32)  # liblinear refuses 64-bit sparse indices
    X.indptr = X.indptr.astype(np.int32)
    y = np.array(labels)
    owner_arr = np.array(owner)
    print(f"{X.shape[0]} candidates, {int(y.sum())} positive, {X.shape[1]} features")
    fold_of = np.arange(len(records)) % FOLDS
    best: tuple[float, float, Thresholds] | None = None
    for c in ([args.c] if args.c else C_GRID):
        probs = np.zeros(len(y))
        for k in range(FOLDS):
            held = fold_of[owner_arr] == k
            probs[held] = fit(X[~held], y[~held], c).predict_proba(X[held])[:, 1]
        flat = [cand for doc_cands in cands for cand in doc_cands]
        for cand, p in zip(flat, probs):
            cand.score = float(p)
        for t in ([Thresholds(*args.threshold)] if args.threshold else THRESHOLDS):
            totals = evaluate(texts, golds, cands, finders, t)
            f_content, f_source = totals["content"].prf()[2], totals["source"].prf()[2]
            p, r, f = totals["content"].prf()
            print(f"C={c} {t}: content P/R/F {p:.3f}/{r:.3f}/{f:.3f} source F {f_source:.3f}")
            objective = f_content + f_source
            if best is None or objective > best[0]:
                best = (objective, c, t, {"cv_content_f1": round(f_content, 4), "cv_source_f1": round(f_source, 4)})
    assert best is not None
    _, c, t, cv = best
    final = fit(X, y, c)
    names = vec.get_feature_names_out()
    weights = {name: float(w) for name, w in zip(names, final.coef_[0]) if abs(w) > 1e-6}
    weights["bias"] = weights.get("bias", 0.0) + float(final.intercept_[0])
    folder = models.model_folder(cue_model.MODEL_NAME)
    folder.mkdir(parents=True, exist_ok=True)
    CueModel(weights, t, nouns).save(folder / cue_model.MODEL_FILE)
    models.write_meta(folder, feature_set=cue_model.FEATURE_SET, nlp=nlp, training_data=[args.train],
                      metrics={"selection": f"C and thresholds by {FOLDS}-fold CV on the training articles, "
                                            "PolNeAR content F1 + source F1", "C": c, **cv},
                      script="scripts/train_cue_model.py",
                      about="which (cue, frame, content) readings of the parse are attributions: L1 logistic "
                            "regression over parse features (dateline.quotes.cue_model)")
    print(f"wrote {folder}: C={c} threshold={t}, {len(weights)} non-zero weights")


if __name__ == "__main__":
    main()
