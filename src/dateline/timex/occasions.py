"""Occasions and the references back to them (event anaphora), for dating events.

Wire copy names an occasion with its date once ("the December 6 session of the council",
"Monday's summit", "talks were held in Geneva on Tuesday") and then points back to it without
the date: "Following the meeting, the president said …", "At the summit, the leaders agreed …".
``occasions`` finds every mention of an occasion word (``data/time/occasions.tsv``) with the time
expression that modifies or locates it, if any; ``anaphors`` finds the definite mentions placed
after a link phrase ("after", "at", "ahead of", … in ``data/time/occasion_links.tsv``) and the
earlier dated occasion each refers to. ``events.dates`` turns those into event dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.attrs import LEMMA, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from dateline.nlp import text_of
from dateline.record import Timex
from dateline.timex import calendar as cal
from dateline.timex.direction import VERBAL, clause_head, verb_tense
from dateline.timex.occasion_words import lexicon
from dateline.timex.stage import tokens_of

_DEFINITE = {"the", "this", "that", "these", "those"}
_MODIFIER_DEPS = {"compound", "nmod", "poss", "amod", "npadvmod", "nummod"}
_MARK_DEPS = {"compound", "nmod", "poss", "amod"}
_SUBJECTS = {"nsubj", "nsubjpass"}
_LONGEST_OCCASION = 31  # days an occasion's date may span
_LINK_STEPS = 4  # "in the wake of": the link phrase climbs at most this many tokens above the noun


@cache
def noun_ids() -> frozenset[int]:
    """String ids of the occasion nouns: a doc's columns are checked against them."""
    return frozenset(get_string_id(word) for word in lexicon().nouns)


@dataclass
class Occasion:
    """One mention of an occasion: "the December 6 session", "Talks", "met"."""

    token: int  # the noun (or verb) naming it
    word: str  # that word, lower case: a reference prefers an occasion named by the same word
    group: str
    start: int  # the mention: the noun with what stands before it, or the verb
    end: int
    timex: Timex | None  # the date it took place, when the text tells it there
    new: bool  # "a meeting", "the next summit": a different occasion from those named before
    marks: frozenset[str]  # the words singling it out among its kind: "the [Lisbon] conference"
    words: frozenset[str]  # the words of its phrase, which a later mention's marks must be among
    phrase: tuple[int, int]  # its phrase's first and last token


@dataclass
class Anaphor:
    """A definite reference back to a dated occasion: "Following the meeting" → "the December 6 session"."""

    start: int  # the phrase from the link word to the noun
    end: int
    text: str
    relation: str  # at | after | before | eve
    verb: int  # the verb heading the clause the phrase places in time
    occasion: Occasion
    date: Timex  # the occasion's date


def _noun_group(token: Token) -> str | None:
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    nouns = lexicon().nouns
    return nouns.get(token.lower_) or nouns.get(token.lemma_.lower())


def _verb_group(token: Token) -> str | None:
    return lexicon().verbs.get(token.lemma_.lower()) if token.pos_ == "VERB" else None


def _occasion_of_verb(verb: Token) -> Token | None:
    """The occasion a dated verb places: itself ("met on May 2"), its subject ("talks were held on
    Tuesday"), its object after a verb of holding ("held talks on Tuesday"), or the noun its clause
    describes ("the meeting held on 3 March", "the summit, which took place on Monday")."""
    if _verb_group(verb):
        return verb
    hosting = verb.lemma_.lower() in lexicon().hosts
    for child in verb.children:
        if _noun_group(child) and (child.dep_ in _SUBJECTS or (hosting and child.dep_ == "dobj")):
            return child
    if verb.dep_ in ("acl", "relcl") and _noun_group(verb.head):
        return verb.head
    return None


def _dated_occasion(span: Span) -> Token | None:
    """The occasion a time expression modifies ("Monday's summit", "the December 6 session",
    "the summit on March 3") or locates in time through the verb it attaches to."""
    root = span.root
    head = root.head
    if head.i == root.i or span.start <= head.i < span.end:
        return None
    if root.dep_ in _MODIFIER_DEPS and _noun_group(head):
        return head
    if root.dep_ == "pobj" and head.dep_ == "prep" and head.head.i != head.i:
        host = head.head
    elif root.dep_ in ("npadvmod", "advmod") and head.pos_ in VERBAL:
        host = head  # "met Monday"
    else:
        return None
    if _noun_group(host):
        return host
    return _occasion_of_verb(host) if host.pos_ in VERBAL else None


def _marks(token: Token) -> frozenset[str]:
    """Words before a noun that single one occasion out of its kind: "the [Lisbon] conference",
    "her [campaign] rally", "the [budget] hearing", "the [IMF]'s meeting" (not "her", "the", "next")."""
    other = lexicon().other
    return frozenset(c.lower_ for c in token.children if c.i < token.i and c.dep_ in _MARK_DEPS
                     and c.pos_ != "PRON" and c.lower_ not in other)


def _is_named(token: Token) -> bool:
    return any(c.i < token.i and c.dep_ in _MARK_DEPS and c.pos_ == "PROPN" for c in token.children)


def _is_new(token: Token) -> bool:
    other = lexicon().other
    return any(c.dep_ in ("det", "amod", "advmod") and c.lower_ in other for c in token.children)


def _mention_start(token: Token) -> int:
    """Where a noun's mention starts: its determiner and the modifiers before it."""
    first = token
    for child in token.children:
        if child.i < first.i and child.dep_ in _MODIFIER_DEPS | {"det", "case"}:
            first = child.left_edge
    return first.idx


def _dates_an_occasion(timex: Timex) -> bool:
    """A bounded date of a month at most: "in recent weeks" bounds nothing, and "the 2019 election"
    is too coarse to date what is told against it (and seldom the election a later "the election"
    of a story written years after means)."""
    first, last = cal.parse_iso(timex.earliest), cal.parse_iso(timex.latest)
    return timex.type in ("DATE", "TIME") and first is not None and last is not None \
        and (last - first).days <= _LONGEST_OCCASION


def _dated_tokens(doc: Doc, times: list[Timex]) -> tuple[dict[int, Timex], set[int]]:
    """The occasion words time expressions date, and the tokens inside time expressions."""
    dated: dict[int, Timex] = {}
    in_times: set[int] = set()
    for timex in times:
        span = tokens_of(doc, timex.start, timex.end)
        if span is None:
            continue
        in_times.update(range(span.start, span.end))
        token = _dated_occasion(span) if _dates_an_occasion(timex) else None
        if token is not None:
            dated.setdefault(token.i, timex)
    return dated, in_times


def _mention(token: Token, group: str, timex: Timex | None) -> Occasion:
    end = token.idx + len(token)
    if token.pos_ == "VERB":
        return Occasion(token.i, token.lower_, group, token.idx, end, timex, False, frozenset(),
                        frozenset(t.lower_ for t in token.subtree), (token.i, token.i))
    return Occasion(token.i, token.lower_, group, _mention_start(token), end, timex, _is_new(token), _marks(token),
                    frozenset(t.lower_ for t in token.subtree), (token.left_edge.i, token.right_edge.i))


def occasions(doc: Doc, times: list[Timex]) -> list[Occasion]:
    """Every occasion mention of the text, in order, with the date the text gives it."""
    dated, in_times = _dated_tokens(doc, times)
    found = []
    words = noun_ids()
    # the columns once, Token objects only for the words the tables know (most of a text is not)
    lowers, lemmas = doc.to_array([LOWER, LEMMA]).T.tolist() if len(doc) else ([], [])
    for i, (low, lemma) in enumerate(zip(lowers, lemmas)):
        if i not in dated and low not in words and lemma not in words:
            continue
        token = doc[i]
        group = _noun_group(token) or (_verb_group(token) if token.i in dated else None)
        if group is not None and token.i not in in_times:  # "March 3" names a day, not a march
            found.append(_mention(token, group, dated.get(token.i)))
    _mark_named_occasions(doc, found)
    return found


def _singled_out(mention: Occasion, earlier: Occasion) -> bool:
    """Whether an earlier dated mention may be the occasion a later one names: the later one's marks
    are all in its phrase ("the Vienna talks" ← "talks in Vienna on Tuesday"), and it is not part of
    that phrase ("a meeting of the two on Monday on the margins of the summit")."""
    inside = earlier.phrase[0] <= mention.token <= earlier.phrase[1]
    return mention.marks <= earlier.words and not inside


def _mark_named_occasions(doc: Doc, mentions: list[Occasion]) -> None:
    """An undated occasion named by a proper name that no dated one of its kind before matches
    ("the Lisbon conference" after "a news conference on Sunday") is another occasion: later
    references mean it, and it has no date to give them."""
    in_force: dict[str, list[Occasion]] = {}
    for mention in mentions:
        dated = in_force.setdefault(mention.group, [])
        if mention.timex is not None:
            dated.append(mention)
        elif mention.new or (_is_named(doc[mention.token]) and not any(_singled_out(mention, o) for o in dated)):
            mention.new = True
            dated.clear()


def _link(token: Token, text: str) -> tuple[str, Token] | None:
    """The relation a link phrase names ("Following the meeting" → after) and its first token
    (``text``: the doc's text, which ``Doc.text`` rebuilds from the tokens on every access)."""
    if token.dep_ != "pobj":
        return None
    last = token.head
    top = last
    for _ in range(_LINK_STEPS):
        phrase = " ".join(text[top.idx:last.idx + len(last)].lower().split())
        if phrase in lexicon().links:
            return lexicon().links[phrase], top
        if top.head.i >= top.i:
            return None  # link phrases read left to right up to the noun
        top = top.head
    return None


def _is_definite(token: Token) -> bool:
    """ "the meeting", "their talks": a reference to an occasion already named."""
    return any((c.dep_ == "det" and c.lower_ in _DEFINITE) or c.dep_ == "poss" for c in token.children)


def _antecedent(mentions: list[Occasion], index: int, past: bool, report: str | None) -> Occasion | None:
    """The dated occasion a reference points back to: the last one named by the same word, else
    the last of its group, that its marks single out; an undated new occasion of the group in
    between ("a new round of talks") is the one meant, and it has no date to give."""
    ref = mentions[index]
    by_group = None
    for mention in reversed(mentions[:index]):
        if mention.group != ref.group:
            continue
        if mention.timex is None:
            if mention.new:
                break
            continue
        if past and report and (mention.timex.earliest or "") > report:
            continue  # a clause in the past tense cannot be placed against an occasion still ahead
        if not _singled_out(ref, mention):
            continue
        if mention.word == ref.word:
            return mention
        by_group = by_group or mention
    return by_group


def anaphors(doc: Doc, times: list[Timex], report: str | None, text: str | None = None) -> list[Anaphor]:
    """The references back to dated occasions in a parsed text ("Following the meeting, …");
    ``text``: the doc's text when the caller holds it (``Doc.text`` is rebuilt on every access)."""
    mentions = occasions(doc, times)
    found = []
    text = text if text is not None else (text_of(doc) if mentions else "")
    for index, mention in enumerate(mentions):
        token = doc[mention.token]
        if mention.timex is not None or mention.new or token.pos_ == "VERB" or not _is_definite(token):
            continue
        link = _link(token, text)
        if link is None:
            continue
        relation, first = link
        verb = clause_head(first.head if first.head.i != first.i else first)
        if verb.pos_ not in VERBAL:
            continue
        occasion = _antecedent(mentions, index, verb_tense(verb) == "past", report)
        if occasion is not None and occasion.timex is not None:
            end = token.idx + len(token)
            found.append(Anaphor(first.idx, end, text[first.idx:end], relation, verb.i, occasion,
                                 occasion.timex))
    return found
