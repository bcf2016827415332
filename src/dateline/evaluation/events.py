"""Event coding scored on the development sets.

* ``plover_gsr_dev.jsonl`` — top event type accuracy (the highest-confidence event of the
  sentence against the gold ``event``) and actor-country agreement (the top event's source
  countries include a gold actor's country; IGOs count as "IGO"). Also target agreement.
* ``conflibert_cameo_train.jsonl`` — the top event's CAMEO root mapped to the five classes,
  macro F1. The shipped model was trained on this file, so the score reported here comes from
  5-fold cross-validation: each fold is coded with a penta head trained on the other four.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dateline.events.lexicon import penta_class
from dateline.events.model import SparseModel, get_model, sentence_features, train_softmax
from dateline.events.stage import SentenceCoder
from dateline.record import Article, Event, EventActor

FOLDS = 5


def _read(path: Path, limit: int | None) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    return rows[:limit] if limit else rows


def _country(actor: EventActor) -> str | None:
    if actor.country:
        return actor.country
    if actor.sector in {"IGO", "NGO"} or (actor.code or "").startswith("IGO"):
        return "IGO"
    return None


def code_text(nlp: Language, texts: Iterable[str]) -> Iterable[tuple[list[Event], object]]:
    """Events of each text (best first) and its parsed doc."""
    for doc in nlp.pipe(texts, batch_size=64):
        article = Article(id="eval", text=doc.text)
        coder = SentenceCoder(doc, article)
        events: list[Event] = []
        for sent in doc.sents:
            events.extend(coder.code(sent))
        yield events, doc


def _gold_countries(actors: Any) -> set[str]:
    if not isinstance(actors, list):
        return set()
    return {a["code"][:3] for a in actors if a.get("code")}


def score_plover(rows: list[dict[str, Any]], nlp: Language, worst: list[tuple[Any, ...]] | None = None) -> dict[str, float]:
    right = country_right = country_n = target_right = target_n = 0
    for row, (events, _doc) in zip(rows, code_text(nlp, (r["text"].strip("{} ") for r in rows))):
        top = events[0] if events else None
        ok = top is not None and top.type == row["event"]
        right += ok
        gold_src = _gold_countries(row.get("actor"))
        gold_tgt = _gold_countries(row.get("recipient"))
        if gold_src:
            country_n += 1
            pred = {_country(a) for a in top.source} if top else set()
            country_right += bool(pred & gold_src)
        if gold_tgt:
            target_n += 1
            pred = {_country(a) for a in top.target} if top else set()
            target_right += bool(pred & gold_tgt)
        if worst is not None and not ok:
            worst.append((row["event"], top.type if top else None, top.cameo if top else None,
                          top.trigger.text if top else None, row["text"][:160]))
    n = max(len(rows), 1)
    return {
        "events.plover_accuracy": right / n,
        "events.actor_country": country_right / max(country_n, 1),
        "events.target_country": target_right / max(target_n, 1),
    }


def _macro_f1(gold: list[int], pred: list[int], classes: int = 5) -> float:
    f1s = []
    for c in range(classes):
        tp = sum(g == c and p == c for g, p in zip(gold, pred))
        fp = sum(g != c and p == c for g, p in zip(gold, pred))
        fn = sum(g == c and p != c for g, p in zip(gold, pred))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / classes


def penta_predict(events: list[Event], probs: dict[str, float] | None) -> int:
    """The lexicon's top event decides when it is confident; otherwise the penta head does."""
    if probs:
        best = max(probs, key=probs.__getitem__)
        if not events or probs[best] > 0.6:
            return int(best)
        lex = penta_class(events[0].cameo)
        return lex if probs.get(str(lex), 0.0) > 0.15 else int(best)
    return penta_class(events[0].cameo) if events else 0


def score_penta(rows: list[dict[str, Any]], nlp: Language, seed: int = 13) -> dict[str, float]:
    """5-fold cross-validated: each fold is coded by a coder whose penta head never saw it."""
    docs = list(nlp.pipe((r["text"] for r in rows), batch_size=64))
    feats = [sentence_features(doc[:]) for doc in docs]
    labels = [str(r["penta_label"]) for r in rows]
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    fold_of = {i: k % FOLDS for k, i in enumerate(order)}
    shipped = get_model()
    plover_head = {"plover": _head_dict(shipped, "plover")} if shipped and "plover" in shipped.heads else {}
    pred, head_only, lex_only = [0] * len(rows), [0] * len(rows), [0] * len(rows)
    for fold in range(FOLDS):
        train = [i for i in order if fold_of[i] != fold]
        head = train_softmax([feats[i] for i in train], [labels[i] for i in train])
        model = SparseModel({"heads": {"penta": head, **plover_head}})
        for i in order:
            if fold_of[i] != fold:
                continue
            events = _top_events(docs[i], model)
            probs = model.proba("penta", feats[i])
            pred[i] = penta_predict(events, probs)
            head_only[i] = int(max(probs, key=probs.__getitem__))
            lex_only[i] = penta_class(events[0].cameo) if events else 0
    gold = [int(x) for x in labels]
    return {"events.cameo_penta_f1": _macro_f1(gold, pred),
            "events.cameo_penta_f1_classifier_only": _macro_f1(gold, head_only),
            "events.cameo_penta_f1_lexicon_only": _macro_f1(gold, lex_only)}


def _head_dict(model: SparseModel, name: str) -> dict[str, Any]:
    classes, weights, bias = model.heads[name]
    return {"classes": classes, "weights": weights, "bias": bias}


def _top_events(doc: Doc, model: SparseModel) -> list[Event]:
    coder = SentenceCoder(doc, Article(id="eval", text=doc.text), model=model)
    events: list[Event] = []
    for sent in doc.sents:
        events.extend(coder.code(sent))
    return events


def run(data_dir: Path, nlp: Language, limit: int | None = None) -> dict[str, Any]:
    plover = data_dir / "events" / "plover_gsr_dev.jsonl"
    cameo = data_dir / "events" / "conflibert_cameo_train.jsonl"
    if not plover.exists() and not cameo.exists():
        return {"skipped": "no events data in " + str(data_dir)}
    metrics: dict[str, float] = {}
    n = 0
    if plover.exists():
        rows = _read(plover, limit)
        metrics.update(score_plover(rows, nlp))
        n += len(rows)
    if cameo.exists():
        rows = _read(cameo, limit)
        metrics.update(score_penta(rows, nlp))
        n += len(rows)
    return {"metrics": {k: round(v, 4) for k, v in metrics.items()}, "n": n}
