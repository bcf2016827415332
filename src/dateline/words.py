"""A parsed doc's tokens as ``Word`` objects made once per doc, for the stages that walk the parse.

spaCy makes a new ``Token`` on every step through the parse (``tok.head``, ``tok.left_edge``,
each of ``tok.children``, which also rescans the token's whole subtree) and looks a string
attribute (``dep_``, ``lower_``, ``lemma_``) up in the string store on every read. The event
coder and the actor resolver walk the parse around each trigger many times, and those costs were
most of their time. A ``Word`` is a ``Token`` (it passes for one anywhere, compares and hashes as
one) whose attributes the walks read are plain values, and whose head, edges and children are the
doc's other ``Word`` objects. Everything else (``sent``, ``is_stop``, ...) is the ``Token``'s own.

A doc's words are made when first asked for (most of a long article's are never walked), and
kept in ``doc.user_data`` until ``release`` (they refer to the doc, so keeping them would leave
the doc to the garbage collector).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain

from spacy.attrs import (
    DEP,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_PUNCT,
    IS_STOP,
    LEMMA,
    LOWER,
    ORTH,
    POS,
    SENT_START,
    SPACY,
    TAG,
)
from spacy.tokens import Doc, Token

_KEY = "dateline.words"
_COLUMNS_KEY = "dateline.columns"
_STRING_ATTRS = [ORTH, LOWER, LEMMA, POS, TAG, DEP, ENT_TYPE]
_NUMBER_ATTRS = [IDX, IS_PUNCT, IS_STOP, HEAD, SPACY, SENT_START]
_HASH_MASK = (1 << 64) - 1
# Hash → string, shared by all docs (a hash names the same string in every vocab): the string
# store's own look-up is slow enough to matter when a doc is one sentence.
_NAMES: dict[int, str] = {}


class Word(Token):
    """A token of a parsed doc with its attributes read once (see the module's docstring)."""

    __slots__ = ("i", "idx", "text", "lower_", "lemma_", "pos_", "tag_", "dep_", "ent_type_", "is_punct",
                 "head", "_lefts", "_rights", "_edges")
    i: int
    idx: int
    text: str
    lower_: str
    lemma_: str
    pos_: str
    tag_: str
    dep_: str
    ent_type_: str
    is_punct: bool
    head: Word
    _lefts: tuple[Word, ...]
    _rights: tuple[Word, ...]
    _edges: tuple[Word, Word] | None

    @property
    def left_edge(self) -> Word:
        return (self._edges or self._read_edges())[0]

    @property
    def right_edge(self) -> Word:
        return (self._edges or self._read_edges())[1]

    def _read_edges(self) -> tuple[Word, Word]:
        # spaCy's own (its parser keeps them), read on first use: most words are never asked
        token, words = Token(self.vocab, self.doc, self.i), words_of(self.doc)
        self._edges = (words[token.left_edge.i], words[token.right_edge.i])
        return self._edges

    @property
    def lefts(self) -> Iterator[Word]:
        return iter(self._lefts)

    @property
    def rights(self) -> Iterator[Word]:
        return iter(self._rights)

    @property
    def children(self) -> Iterator[Word]:
        return iter(self._lefts + self._rights)

    @property
    def subtree(self) -> Iterator[Word]:
        """As ``Token.subtree``: the left children's subtrees, the word, the right children's."""
        for word in self._lefts:
            yield from word.subtree
        yield self
        for word in self._rights:
            yield from word.subtree

    @property
    def ancestors(self) -> Iterator[Word]:
        word = self
        while word.head.i != word.i:
            word = word.head
            yield word

    @property
    def conjuncts(self) -> tuple[Word, ...]:  # type: ignore[override]  # spaCy's stub says a 1-tuple
        """As ``Token.conjuncts``: the words coordinated with this one, itself left out."""
        if self.dep_ != "conj":
            for child in self._rights:
                if child.dep_ == "conj":
                    break
            else:
                return ()  # most words: no coordination to walk
        start = self
        while start.i != start.head.i and start.dep_ == "conj":
            start = start.head
        queue = [start]
        output = [start]
        for word in queue:
            for child in word._rights:
                if child.dep_ == "conj":
                    output.append(child)
                    queue.append(child)
        return tuple(w for w in output if w.i != self.i)


def words_of(doc: Doc) -> list[Word]:
    """The doc's words, made on the first call and kept until ``release``."""
    cached: list[Word] | None = doc.user_data.get(_KEY)
    if cached is None:
        cached = doc.user_data[_KEY] = _make_words(doc)
    return cached


def word_at(doc: Doc, i: int) -> Word:
    return words_of(doc)[i]


def release(doc: Doc) -> None:
    """Drop the doc's words (they refer back to the doc)."""
    doc.user_data.pop(_KEY, None)


@dataclass
class Columns:
    """A doc's token attributes as plain lists, read with one ``Doc.to_array`` call."""

    texts: list[str]
    lowers: list[str]
    lemmas: list[str]
    pos: list[str]
    tags: list[str]
    deps: list[str]
    ents: list[str]
    starts: list[int]  # character offsets
    punct: list[int]
    stop: list[int]
    heads: list[int]  # absolute indices
    spaces: list[int]  # whether a space follows
    sent_starts: list[int]  # where each token's sentence starts


def columns_of(doc: Doc) -> Columns:
    """The doc's columns, read once (plain values: kept with the doc)."""
    cached: Columns | None = doc.user_data.get(_COLUMNS_KEY)
    if cached is None:
        cached = doc.user_data[_COLUMNS_KEY] = _read_columns(doc)
    return cached


def _read_columns(doc: Doc) -> Columns:
    # int64: HEAD is an offset to the head, negative to its left
    columns = doc.to_array(_STRING_ATTRS + _NUMBER_ATTRS).astype("int64").T.tolist()
    strings = doc.vocab.strings
    named = columns[:len(_STRING_ATTRS)]
    for h in set(chain.from_iterable(named)).difference(_NAMES):
        _NAMES[h] = strings[h & _HASH_MASK]  # the int64 view made large hashes negative
    texts, lowers, lemmas, pos, tags, deps, ents = (list(map(_NAMES.__getitem__, column)) for column in named)
    starts, punct, stop, offsets, spaces, sent_start = columns[len(_STRING_ATTRS):]
    heads = [i + offset for i, offset in enumerate(offsets)]
    # As ``Span.sent`` finds it: back to the nearest token marked as starting one, else the first.
    sent_starts, current = [], 0
    for i, flag in enumerate(sent_start):
        current = i if flag == 1 else current
        sent_starts.append(current)
    return Columns(texts, lowers, lemmas, pos, tags, deps, ents, starts, punct, stop, heads, spaces, sent_starts)


def text_of_columns(doc: Doc) -> str:
    """``Doc.text`` (the tokens' texts, each with its trailing space), joined from the columns."""
    c = columns_of(doc)
    return "".join([text + " " if space else text for text, space in zip(c.texts, c.spaces, strict=True)])


def sentence_start(doc: Doc, i: int) -> int:
    """``doc[i].sent.start``, without building the sentence (``Token.sent`` scans the doc)."""
    return columns_of(doc).sent_starts[i]


def sentence_words(doc: Doc, i: int) -> list[Word]:
    """The words of ``doc[i].sent``, bounded by the columns (``Token.sent`` scans the doc)."""
    starts = columns_of(doc).sent_starts
    start = end = starts[i]
    while end < len(starts) and starts[end] == start:
        end += 1
    return words_of(doc)[start:end]


def sentence_root(doc: Doc, i: int) -> Word:
    """``doc[i].sent.root``: as ``Span.root`` finds it, the sentence's first word that is its own head."""
    c = columns_of(doc)
    start = c.sent_starts[i]
    j = start
    while j < len(c.heads) and c.sent_starts[j] == start:
        if c.heads[j] == j:
            return words_of(doc)[j]
        j += 1
    return words_of(doc)[doc[i].sent.root.i]  # no root word: spaCy's own answer


def _make_words(doc: Doc) -> list[Word]:
    c = columns_of(doc)
    vocab = doc.vocab
    words = [Word(vocab, doc, i) for i in range(len(doc))]
    # A word's children, left and right of it, in order: the words whose head it is (most
    # words have none, so only heads get a list).
    lefts: dict[int, list[Word]] = {}
    rights: dict[int, list[Word]] = {}
    for word, i, idx, text, lower, lemma, pos, tag, dep, ent, punct, head in zip(
            words, range(len(words)), c.starts, c.texts, c.lowers, c.lemmas, c.pos, c.tags, c.deps, c.ents, c.punct,
            c.heads, strict=True):
        word.i, word.idx, word.text, word.lower_, word.lemma_ = i, idx, text, lower, lemma
        word.pos_, word.tag_, word.dep_, word.ent_type_ = pos, tag, dep, ent
        word.is_punct, word._edges, word.head = punct == 1, None, words[head]
        if head > i:
            lefts.setdefault(head, []).append(word)
        elif head < i:
            rights.setdefault(head, []).append(word)
    for i, word in enumerate(words):
        word._lefts, word._rights = tuple(lefts.get(i, ())), tuple(rights.get(i, ()))
    return words
