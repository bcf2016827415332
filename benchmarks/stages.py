"""Where dateline's own time goes: each extractor stage's CPU time on parsed articles, beside spaCy's.

    .venv/bin/python benchmarks/stages.py [--articles 80] [--repeat 4] [--data ../shared/data]

`throughput.py` says whether the whole pipeline is within its bar; this says which stage to look
at when it is not. The articles (the first ``--articles`` of those throughput.py times) are prepared
and parsed once, untimed; then every stage of ``pipeline.STAGES`` runs over all of them in order,
``--repeat`` times on fresh copies of the parses, and each stage's best CPU time counts (CPU time:
the machine is shared, wall time is noisy). Preparing the articles (structure, language) and
serialising the records are timed the same way. Each figure is also given as a share of spaCy's
own parse of the same texts, the unit of the throughput bar.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import time
from pathlib import Path

from spacy.tokens import DocBin

from dateline.evaluation.harness import default_data_dir
from dateline.nlp import BATCH_SIZE, load_model
from dateline.pipeline import STAGES, Options, prepare
from dateline.words import release

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import corpus  # noqa: E402  # the same articles throughput.py times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=80)
    parser.add_argument("--repeat", type=int, default=4)
    parser.add_argument("--data", type=Path, default=default_data_dir())
    args = parser.parse_args()
    nlp = load_model()
    raws = corpus(args.data, args.articles)
    best: dict[str, float] = {}

    def keep(name: str, started: float) -> None:
        best[name] = min(best.get(name, float("inf")), time.process_time() - started)

    for _ in range(args.repeat):
        started = time.process_time()
        articles = [a for a in (prepare(r, Options()) for r in raws) if a.error is None]
        keep("prepare", started)
    started = time.process_time()
    parsed = list(nlp.pipe([a.text for a in articles], batch_size=BATCH_SIZE))
    spacy_s = time.process_time() - started
    packed = DocBin(store_user_data=True, docs=parsed).to_bytes()
    for _ in range(args.repeat):
        docs = list(DocBin().from_bytes(packed).get_docs(nlp.vocab))
        copies = [copy.deepcopy(a) for a in articles]
        for name, stage in STAGES:
            started = time.process_time()
            for doc, article in zip(docs, copies, strict=True):
                stage(doc, article)
            keep(name, started)
        for doc in docs:
            release(doc)
        started = time.process_time()
        for article in copies:
            json.dumps(article.to_dict(), ensure_ascii=False)
        keep("serialise", started)
    print(f"articles: {len(articles)}  spaCy parse: {spacy_s:.2f} s CPU; each figure the best of {args.repeat} runs"
          " (the first also loads the tables)")
    for name, seconds in best.items():
        print(f"  {name:<13} {seconds:7.3f} s  {seconds / spacy_s:6.3f} of spaCy")
    total = sum(best.values())
    print(f"  {'all':<13} {total:7.3f} s  {total / spacy_s:6.3f} of spaCy  (the throughput ratio is about 1 + this)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
