"""Benchmark: near-duplicate grouping on 10,000 generated articles, 30% of them reprints.

    .venv/bin/python benchmarks/dedup.py [--n 10000] [--dup-share 0.3] [--seed 6]

Articles are generated procedurally (syllable-built names and sentence templates written here;
no gold or real text). A reprint copies one original and edits it the way outlets do: a few
words swapped (house style, a changed figure), the last paragraph dropped or a sentence added,
paragraphs re-wrapped. The truth is "same original".

What runs: ``Store.ingest`` with ready-made ``Article`` records — the exact-duplicate check
(content hash), the story saver (MinHash + LSH + verification, ``dateline.store.stories``) and every
other store saver, all inside the store's batch transactions. spaCy is bypassed (the articles
carry no NLP annotation), so articles/s here measures the dedup + store path, not extraction.

Reports pairwise grouping precision/recall (pairs of articles put in one story vs pairs that
share an original), articles/s and peak memory (the process's max RSS).
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from dateline.record import Article, Source
from dateline.store.db import Store

ONSETS = "b c d f g h k l m n p r s t v z br dr gr kr pl st tr sh ch".split()
VOWELS = "a e i o u ai ea ou ie".split()
CODAS = ["", "", "n", "r", "s", "l", "m", "k", "nd", "st"]
TEMPLATES = [
    "The {adj} {noun} of {place} {verb} the {noun2} on {day}, {official} {name} said.",
    "{name}, the {official} of {place}, told reporters that the {noun} would {verb2} the {noun2}.",
    "Officials in {place} said {num} {noun}s had been {verbed} since {month}.",
    "The {noun} {verb} after talks between {place} and {place2} ended without a deal on the {noun2}.",
    "According to {name}, the {adj} {noun2} is expected to {verb2} before the end of {month}.",
    "{place} has {verbed} {num} {noun}s this year, up from {num2} a year earlier.",
    "A spokesman for the {noun} in {place} declined to comment on the {adj} {noun2}.",
    "The decision drew criticism from {name}, who said the {noun} of {place2} was {adj}.",
]
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = "January February March April May June July August September October November December".split()
OFFICIALS = "minister governor spokesman director chairman envoy mayor commissioner".split()


def word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS) for _ in range(syllables))


class Lexicon:
    def __init__(self, rng: random.Random) -> None:
        self.nouns = [word(rng, rng.randint(2, 3)) for _ in range(3000)]
        self.adjs = [word(rng, 2) + "ic" for _ in range(800)]
        self.verbs = [word(rng, 2) for _ in range(800)]
        self.places = [word(rng, 2).title() + rng.choice(["ia", "stan", "land", ""]) for _ in range(1500)]
        self.names = [f"{word(rng, 2).title()} {word(rng, 3).title()}" for _ in range(3000)]

    def sentence(self, rng: random.Random) -> str:
        return rng.choice(TEMPLATES).format(
            adj=rng.choice(self.adjs), noun=rng.choice(self.nouns), noun2=rng.choice(self.nouns),
            verb=rng.choice(self.verbs) + "ed", verb2=rng.choice(self.verbs), verbed=rng.choice(self.verbs) + "ed",
            place=rng.choice(self.places), place2=rng.choice(self.places), name=rng.choice(self.names),
            official=rng.choice(OFFICIALS), day=rng.choice(DAYS), month=rng.choice(MONTHS),
            num=rng.randint(2, 900), num2=rng.randint(2, 900))

    def article(self, rng: random.Random) -> list[str]:
        return [" ".join(self.sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(4, 7))]


def reprint(paragraphs: list[str], lex: Lexicon, rng: random.Random) -> list[str]:
    """An outlet's copy: a few words swapped, the tail trimmed or extended."""
    edited = []
    for paragraph in paragraphs:
        words = paragraph.split(" ")
        for _ in range(max(1, len(words) // 40)):  # ~2.5% of words changed
            i = rng.randrange(len(words))
            words[i] = rng.choice([rng.choice(lex.nouns), str(rng.randint(2, 900)), rng.choice(lex.adjs)])
        edited.append(" ".join(words))
    if len(edited) > 4 and rng.random() < 0.5:
        edited.pop()  # the last paragraph cut for space
    else:
        edited.append(lex.sentence(rng))  # a line of the outlet's own
    return edited


def generate(n: int, dup_share: float, seed: int) -> tuple[list[Article], list[int]]:
    rng = random.Random(seed)
    lex = Lexicon(rng)
    n_dup = int(n * dup_share)
    originals = [lex.article(rng) for _ in range(n - n_dup)]
    items: list[tuple[list[str], int]] = [(p, i) for i, p in enumerate(originals)]
    for _ in range(n_dup):
        source = rng.randrange(len(originals))
        items.append((reprint(originals[source], lex, rng), source))
    rng.shuffle(items)
    articles = [Article(id=f"g{k}", text="\n\n".join(paras), headline=paras[0][:60],
                        source=Source(publisher=f"outlet{rng.randrange(40)}")) for k, (paras, _) in enumerate(items)]
    return articles, [truth for _, truth in items]


def pairs(groups: Counter[object]) -> int:
    return sum(c * (c - 1) // 2 for c in groups.values())


def grouping_scores(predicted: list[int], truth: list[int]) -> tuple[float, float]:
    both = pairs(Counter(zip(predicted, truth)))
    pred_pairs, true_pairs = pairs(Counter(predicted)), pairs(Counter(truth))
    return (both / pred_pairs if pred_pairs else 1.0), (both / true_pairs if true_pairs else 1.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--dup-share", type=float, default=0.3)
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args()

    articles, truth = generate(args.n, args.dup_share, args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        start = time.perf_counter()
        with Store(db) as store:
            report = store.ingest(articles, batch_size=256)
            elapsed = time.perf_counter() - start
            story = dict(store.conn.execute(
                "SELECT a.id, s.story_id FROM articles a JOIN article_story s ON s.article_rowid = a.rowid"))
    predicted = [story[a.id] for a in articles]
    precision, recall = grouping_scores(predicted, truth)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {args.n} ({int(args.n * args.dup_share)} reprints of {args.n - int(args.n * args.dup_share)} "
          f"originals); {report}")
    print(f"stories: {len(set(predicted))} found, {len(set(truth))} true")
    print(f"grouping precision {precision:.4f}  recall {recall:.4f}  (pairwise)")
    print(f"throughput {args.n / elapsed:.0f} articles/s ({elapsed:.1f} s, dedup + store, no spaCy)")
    print(f"peak memory: {rss_mb:.0f} MB max RSS of the whole process (generation, model-free store, index)")
    ok = precision >= 0.95 and recall >= 0.95
    print("bar (P and R >= 0.95):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
