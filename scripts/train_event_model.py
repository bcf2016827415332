"""Train the small event classifier shipped as src/dateline/data/events/model.json.

Heads (multinomial logistic regression over sparse sentence features, see src/dateline/events/model.py):

* ``plover`` — PLOVER event type, trained on the NGEC synthetic stories (their opening
  sentences, which state the event) — never on the PLOVER dev set we report on;
* ``penta``  — ConfliBERT's five CAMEO classes, trained on conflibert_cameo_train.jsonl (the
  evaluation reports a 5-fold cross-validated score for it, not this fit).

Then the confidence calibration: a logistic regression predicting whether a sentence's top
event is right (its CAMEO penta class equals the gold one) from the evidence the coder has
(events/stage.py ``code_with_evidence``: a reported event is judged on its own clause, without the
reporting frame), fitted on half of ConfliBERT with a penta head trained on the other half. The
PLOVER dev set is never used; its reliability bins are the independent check. (Fitting on the
NGEC stories instead was tried: their labels name the story's event, not the opening's first
one, and the fit under-rated everything.)

Usage: python scripts/train_event_model.py [DATA_DIR]   (default ../shared/data)
       python scripts/train_event_model.py --calibrate-only [DATA_DIR]   (keep the shipped heads)
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "dateline" / "data" / "events" / "model.json"


def _first_sentences(text: str, n: int = 2) -> str:
    para = text.strip().split("\n")[0]
    parts = para.replace("? ", ". ").split(". ")
    return ". ".join(parts[:n])


def main() -> None:
    from dateline.events import model as event_model
    from dateline.events.model import sentence_features, train_softmax
    from dateline.nlp import load_model

    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    data = Path(args[0]) if args else ROOT.parent / "shared" / "data"
    nlp = load_model()
    if "--calibrate-only" in sys.argv:
        model = json.loads(OUT.read_text(encoding="utf-8"))
        model["calibration"] = calibrate_on_news(nlp, data, model)
        OUT.write_text(json.dumps(model, separators=(",", ":")), encoding="utf-8")
        print(f"wrote {OUT}")
        return
    t0 = time.time()
    ngec = [json.loads(line) for line in (data / "events" / "ngec_synthetic.jsonl").open(encoding="utf-8")]
    texts = [_first_sentences(r["text"]) for r in ngec]
    feats = [sentence_features(doc[:]) for doc in nlp.pipe(texts, batch_size=128)]
    plover = train_softmax(feats, [r["label"] for r in ngec], l2=3e-3, iters=120, min_count=3)
    print(f"plover head: {len(plover['weights'])} features, {time.time() - t0:.0f}s")

    cameo = [json.loads(line) for line in (data / "events" / "conflibert_cameo_train.jsonl").open(encoding="utf-8")]
    feats = [sentence_features(doc[:]) for doc in nlp.pipe((r["text"] for r in cameo), batch_size=128)]
    labels = [str(r["penta_label"]) for r in cameo]
    penta = train_softmax(feats, labels, l2=1e-3, iters=150)
    print(f"penta head: {len(penta['weights'])} features")

    model = {"about": "dateline event classifier; see scripts/train_event_model.py",
             "heads": {"plover": plover, "penta": penta}}
    model["calibration"] = calibrate_on_news(nlp, data, model)
    OUT.write_text(json.dumps(model, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size / 1e6:.2f} MB)")
    event_model.get_model.cache_clear()


def calibrate_on_news(nlp, data: Path, shipped: dict) -> dict:
    """Fit the confidence on half of ConfliBERT (real news sentences) with a penta head trained
    on the other half only, so the confidence does not learn to trust memorised sentences."""
    from dateline.events.model import sentence_features, train_softmax

    rows = [json.loads(line) for line in (data / "events" / "conflibert_cameo_train.jsonl").open(encoding="utf-8")]
    order = list(range(len(rows)))
    random.Random(11).shuffle(order)
    half_a, half_b = order[: len(order) // 2], order[len(order) // 2:]
    docs = nlp.pipe((rows[i]["text"] for i in half_a), batch_size=128)
    feats = [sentence_features(doc[:]) for doc in docs]
    held = train_softmax(feats, [str(rows[i]["penta_label"]) for i in half_a], l2=1e-3, iters=150)
    heads = {"plover": shipped["heads"]["plover"], "penta": held}
    return calibrate(nlp, [rows[i] for i in half_b], {"heads": heads}, shipped)


def calibrate(nlp, rows: list[dict], model: dict, shipped: dict) -> dict:
    """Fit the confidence coefficients: is the sentence's top event of the gold CAMEO class?"""

    from dateline.events import model as event_model

    OUT.write_text(json.dumps(model), encoding="utf-8")  # the coder reads the heads from disk
    event_model.get_model.cache_clear()
    try:
        return _fit(nlp, rows)
    finally:
        OUT.write_text(json.dumps(shipped, separators=(",", ":")), encoding="utf-8")
        event_model.get_model.cache_clear()


def _right_class(code: str, gold: int) -> bool:
    """The event's CAMEO class is the gold one; an appeal (02) is also right on a sentence the
    annotators filed as a statement (ConfliBERT labels most "X urged Y to ..." that way)."""
    from dateline.events.lexicon import penta_class

    return penta_class(code) == gold or (code.startswith("02") and gold == 0)


def _fit(nlp, rows: list[dict]) -> dict:
    import numpy as np

    from dateline.events import model as event_model
    from dateline.events.stage import SentenceCoder
    from dateline.record import Article

    xs, ys = [], []
    sample = random.Random(7).sample(rows, min(len(rows), 1000))
    for row, doc in zip(sample, nlp.pipe((r["text"] for r in sample), batch_size=128)):
        coder = SentenceCoder(doc, Article(id="c", text=doc.text))
        for sent in doc.sents:
            for event, ev in coder.code_with_evidence(sent)[:1]:
                xs.append([ev[k] for k in event_model.EVIDENCE])
                ys.append(float(_right_class(event.cameo, row["penta_label"])))
            break
    x, y = np.array(xs, dtype=float), np.array(ys)
    w, b = np.zeros(x.shape[1]), 0.0
    for _ in range(3000):  # plain gradient descent on the log loss
        p = 1 / (1 + np.exp(-(x @ w + b)))
        w -= 0.1 * (x.T @ (p - y) / len(y) + 1e-3 * w)
        b -= 0.1 * float((p - y).mean())
    p = 1 / (1 + np.exp(-(x @ w + b)))
    bins = np.clip((p * 5).astype(int), 0, 4)
    for k in range(5):
        m = bins == k
        if m.any():
            print(f"  confidence {k / 5:.1f}-{(k + 1) / 5:.1f}: n={int(m.sum())} predicted {p[m].mean():.2f}"
                  f" observed {y[m].mean():.2f}")
    cal = {k: round(float(v), 4) for k, v in zip(event_model.EVIDENCE, w)}
    cal["bias"] = round(b, 4)
    return cal


if __name__ == "__main__":
    main()
