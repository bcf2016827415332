"""Build ``data/quotes/cue_frames.tsv`` from the PolNeAR training split.

For every verb and every syntactic frame the attribution finder offers (ccomp, dobj, xcomp,
prep:<word>, head, direct), count how often the frame's content matches a gold attribution whose
cue is that verb (content token-F1 >= 0.5). The runtime turns (positives, total) into a smoothed
rate against the hand lexicon's prior. Usage:

    python scripts/build_cue_frames.py ../shared/data/quotes/polnear_train.jsonl [--docbin FILE]
"""

from __future__ import annotations

import argparse
from collections import Counter
from importlib import resources
from pathlib import Path

from dateline.evaluation.quotes import load_gold, parsed_records, token_f1, word_positions
from dateline.nlp import load_model
from dateline.quotes.attribution import AttributionFinder, sentence_bounds
from dateline.quotes.frames import frames

MIN_TOTAL = 2


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("train", type=Path)
    parser.add_argument("--docbin", type=Path, help="cached parses of the same texts, in order")
    args = parser.parse_args()
    nlp = load_model()
    records, docs = parsed_records(args.train, nlp, args.docbin)
    positive: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    for record, doc in zip(records, docs):
        text = record["text"]
        gold = load_gold(record)
        gold_words = [word_positions(text, g.content) for g in gold]
        direct = AttributionFinder(doc).direct_quotes()
        sents = sentence_bounds(doc)
        for verb in doc:
            if verb.pos_ not in ("VERB", "AUX") or verb.dep_ == "aux":
                continue
            offered = frames(verb, sents[verb.i][0])
            if verb.i in direct:
                regions = direct[verb.i][0]
                offered.append(("direct", (regions[0].start, regions[-1].end)))
            lemma = verb.lemma_.lower()
            cue_of = [j for j, g in enumerate(gold) if any(s < verb.idx + len(verb) and verb.idx < e for s, e in g.cue)]
            for frame, span in offered:
                total[(lemma, frame)] += 1
                words = word_positions(text, [span])
                if any(token_f1(words, gold_words[j]) >= 0.5 for j in cue_of):
                    positive[(lemma, frame)] += 1
    out = resources.files("dateline") / "data" / "quotes" / "cue_frames.tsv"
    with open(str(out), "w", encoding="utf-8") as fh:
        fh.write("# lemma\tframe\tattributions\toccurrences  (PolNeAR train; scripts/build_cue_frames.py)\n")
        for key in sorted(total):
            if total[key] >= MIN_TOTAL:
                fh.write(f"{key[0]}\t{key[1]}\t{positive[key]}\t{total[key]}\n")
    print(f"wrote {out}: {len(total)} frames seen, {sum(positive.values())} positives")


if __name__ == "__main__":
    main()
