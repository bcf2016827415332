"""The language an article is written in, told from its text by py3langid.

py3langid ships its model in the wheel (a few MB, 97 languages, nothing downloaded at run time)
and classifies a text in about a millisecond per thousand characters (it walks the text's bytes in
Python), so it reads the first ``SAMPLE_CHARS`` only. Of the maintained detectors measured in
``benchmarks/language_detectors.py`` it was as accurate as any on 40-character pieces (0.94) and
longer ones (0.98-0.99), ten times faster than lingua or langdetect and a twentieth of lingua's
size; lingua's high-accuracy mode gains two points on 40-character pieces for a 9 s load and
~100 MB.

A text too short to tell is taken to be English, the language the project analyses; so is a
text the model is unsure of, since a wrong "not English" costs the article its analysis while a
wrong "English" costs only a poor parse.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

# The language whose NLP stages the pipeline runs (spaCy's English model and English lexicons).
ANALYSED_LANGUAGE = "en"
DEFAULT = ANALYSED_LANGUAGE
# Fewer letters than this and the guess is a coin toss: keep the default.
MIN_LETTERS = 20
# Below this probability (of the best language, normalised) the default stands.
MIN_CONFIDENCE = 0.5
# Enough text to tell a language for certain; the walk's cost grows with it. 2,000 characters gave
# the same language as 5,000 on every text over 2,000 characters in the development data (830).
SAMPLE_CHARS = 2000
# English-lexified languages the model confuses with English news: a Nigerian or Ghanaian headline
# ("Nigeria police arrest two men over church attack") scores as Nigerian Pidgin. Read as English:
# the English stages parse Pidgin passably, and a wrong "not English" loses the whole analysis.
READ_AS_ENGLISH = frozenset({"pcm"})
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)


@cache
def _identifier() -> Any:
    from dateline.article.langid_model import identifier

    return identifier()


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language; ``DEFAULT`` when too short or unsure."""
    sample = text[:SAMPLE_CHARS]
    if len(_LETTERS.findall(sample)) < MIN_LETTERS:
        return DEFAULT
    code, probability = _identifier().classify(sample)
    if code in READ_AS_ENGLISH:
        return ANALYSED_LANGUAGE
    return code if probability >= MIN_CONFIDENCE else DEFAULT


def normalise_language(tag: str) -> str:
    """A declared language as an ISO 639-1 code where there is one: "en-GB", "EN_us", "eng" and
    "English" → "en"; "fra" → "fr". A tag pycountry does not know is kept, lower-cased."""
    primary = tag.strip().replace("_", "-").split("-")[0].lower()
    if len(primary) == 2:
        return primary
    import pycountry

    try:
        found = pycountry.languages.lookup(primary)
    except LookupError:
        return primary
    return getattr(found, "alpha_2", None) or primary
