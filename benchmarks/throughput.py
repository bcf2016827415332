"""Throughput: `dateline extract` against bare spaCy `nlp.pipe` on the same texts, in one run.

    .venv/bin/python benchmarks/throughput.py [--articles 300] [--data ../shared/data]

Texts are news articles from the development data (PolNeAR, then TimeBank) when present, else
the bundled samples repeated. Both sides use the same loaded model and batch size; each side is
run twice, alternating, and the faster run counts. Prints articles/s, the ratio (dateline time ÷
spaCy time; the bar is ≤ 1.3) and the process's peak resident memory.

Wall time on a shared host moves ±15–30 % between runs minutes apart, so the ratio of the
process's CPU time (``time.process_time``, all threads) is printed beside it: it is the figure that
repeats when other work runs on the machine. The exit code follows the wall-clock ratio.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

from spacy.language import Language

from dateline.evaluation.harness import default_data_dir
from dateline.ingest.files import read_inputs
from dateline.ingest.raw import RawInput
from dateline.nlp import BATCH_SIZE, load_model
from dateline.pipeline import Options, process_batch

ROOT = Path(__file__).resolve().parents[1]


def corpus(data_dir: Path, n: int) -> list[RawInput]:
    raws: list[RawInput] = []
    for rel in ("quotes/polnear_dev.jsonl", "quotes/polnear_train.jsonl", "time/timebank.jsonl"):
        path = data_dir / rel
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                raws.append(RawInput(id=rec["id"], text=rec["text"], published=rec.get("published") or rec.get("dct")))
                if len(raws) >= n:
                    return raws
    samples = [r for r in read_inputs([str(ROOT / "samples")]) if r.error is None]
    while len(raws) < n:
        raws.extend(samples)
    return raws[:n]


def time_dateline(nlp: Language, raws: list[RawInput]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) for extracting and serialising every article."""
    started, cpu = time.perf_counter(), time.process_time()
    for article in process_batch(raws, Options(), nlp=nlp):
        json.dumps(article.to_dict(), ensure_ascii=False)
    return time.perf_counter() - started, time.process_time() - cpu


def time_spacy(nlp: Language, texts: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) for parsing the texts alone."""
    started, cpu = time.perf_counter(), time.process_time()
    for _doc in nlp.pipe(texts, batch_size=BATCH_SIZE):
        pass
    return time.perf_counter() - started, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--data", type=Path, default=default_data_dir())
    args = parser.parse_args()
    nlp = load_model()
    raws = corpus(args.data, args.articles)
    # Bare spaCy parses the same cleaned texts dateline parses, so only our work differs.
    from dateline.pipeline import prepare

    texts = [a.text for a in (prepare(r, Options()) for r in raws) if a.error is None]
    words = sum(len(t.split()) for t in texts)
    time_spacy(nlp, texts[:20])  # warm-up
    spacy_s, dateline_s = [], []
    for _ in range(2):
        spacy_s.append(time_spacy(nlp, texts))
        dateline_s.append(time_dateline(nlp, raws))
    s, d = min(w for w, _ in spacy_s), min(w for w, _ in dateline_s)
    s_cpu, d_cpu = min(c for _, c in spacy_s), min(c for _, c in dateline_s)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {len(raws)}  words: {words}")
    print(f"bare spaCy nlp.pipe : {s:7.2f} s  {len(texts) / s:7.1f} articles/s")
    print(f"dateline extract    : {d:7.2f} s  {len(raws) / d:7.1f} articles/s")
    print(f"ratio (dateline / spaCy): {d / s:.3f}   (bar: <= 1.3)")
    print(f"CPU-time ratio          : {d_cpu / s_cpu:.3f}   (spaCy {s_cpu:.2f} s, dateline {d_cpu:.2f} s)")
    print(f"peak memory: {peak_mb:.0f} MB")
    return 0 if d / s <= 1.3 else 1


if __name__ == "__main__":
    sys.exit(main())
