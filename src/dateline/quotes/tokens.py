"""Token facts the quote finder reads for every candidate reading, as plain per-doc lists.

The finder and its models ask the same few things of the same tokens thousands of times per
article (is it whitespace, a quote mark, which token holds a char offset); through spaCy each
ask makes a new ``Token`` or ``Span``. These lists are read once per doc (``Doc.to_array``) and
kept in ``doc.user_data`` beside ``words.columns_of``'s columns; they are plain values.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.attrs import IS_QUOTE, IS_SPACE, SENT_START
from spacy.tokens import Doc

from dateline.words import columns_of, words_of

_KEY = "dateline.quotes.flags"


@dataclass
class Flags:
    """Per token: ``Token.is_space``, ``Token.is_quote``, and the models' word form (the lower
    form, "<sp>" for whitespace: their model files are line- and tab-based)."""

    space: list[bool]
    quote: list[bool]
    forms: list[str]


def flags_of(doc: Doc) -> Flags:
    cached: Flags | None = doc.user_data.get(_KEY)
    if cached is None:
        cached = doc.user_data[_KEY] = _read_flags(doc)
    return cached


def _read_flags(doc: Doc) -> Flags:
    if not len(doc):
        return Flags([], [], [])
    space, quote = ([flag == 1 for flag in column] for column in doc.to_array([IS_SPACE, IS_QUOTE]).T.tolist())
    forms = ["<sp>" if sp else lower for lower, sp in zip(columns_of(doc).lowers, space, strict=True)]
    return Flags(space, quote, forms)


def token_by_char(doc: Doc, char: int) -> int:
    """The token whose text or trailing space holds a char offset, -1 for none (spaCy's own
    search behind ``Doc.char_span``)."""
    c = columns_of(doc)
    k = bisect_right(c.starts, char) - 1
    if k < 0 or char >= c.starts[k] + len(c.texts[k]) + c.spaces[k]:
        return -1
    return k


def expand_span(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Token range of ``doc.char_span(start, end, alignment_mode="expand")``, without the Span."""
    first = token_by_char(doc, start)
    last = token_by_char(doc, end - 1)
    if first < 0 or last < 0:
        return None
    c = columns_of(doc)
    if start == c.starts[first] + len(c.texts[first]):
        first += 1  # a char span opening on a token's trailing space starts at the next token
    if first > last + 1:
        raise IndexError(f"no span [{first}, {last + 1})")  # as spaCy's Span refuses it
    return first, last + 1


def span_root(doc: Doc, start: int, end: int) -> int:
    """Index of ``doc[start:end].root``, found as spaCy finds it: the span's first sentence root,
    else the word nearest the root of those whose head is outside the span (bare whitespace and
    punctuation counted as far), the first on a tie."""
    heads = columns_of(doc).heads
    for i in range(start, end):
        if heads[i] == i:
            return i
    n = len(heads)
    flags, punct, words = flags_of(doc), columns_of(doc).punct, words_of(doc)
    best, root = n, -1
    for i in range(start, end):
        if start <= heads[i] < end:
            continue
        if (flags.space[i] or punct[i]) and next(words[i].children, None) is None:
            steps = n - 1
        else:
            steps, j = 0, i
            while heads[j] != j:
                j = heads[j]
                steps += 1
                if steps >= n:
                    raise RuntimeError("the parse's heads form a loop")
        if steps < best:
            best, root = steps, i
    return start if root == -1 else root


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token indices of each token's sentence; one pass (Token.sent rescans the doc)."""
    n = len(doc)
    if not n:
        return []
    # Doc.sents builds a Span per sentence from Token objects; the SENT_START column is one array
    starts = [i for i, flag in enumerate(doc.to_array([SENT_START]).tolist()) if i == 0 or flag == 1]
    bounds: list[tuple[int, int]] = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else n
        bounds.extend([(start, end)] * (end - start))
    return bounds
