"""The readings the parse offers for one cue: which words a verb's frames, "according to X" and a
parenthetical cue make its content (``AttributionFinder.candidates`` lists them for every cue).

Each frame is named (ccomp, dobj, dobj+pred, xcomp, prep:<word>, head, head_wrap, head_after…)
because the learned tables and the cue model read the name. Where the PolNeAR training split shows
a frame's words systematically wider or narrower than the annotated content, the edges here follow
it (counts in the comments); the trained content tagger re-draws the rest.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline.quotes.tokens import flags_of
from dateline.words import columns_of, words_of


def trimmed(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Char span of tokens [start, end) without leading/trailing commas, dashes and spaces."""
    c, space = columns_of(doc), flags_of(doc).space
    texts = c.texts
    while start < end and (space[start] or texts[start] in ",;:—–-"):
        start += 1
    while end > start and (space[end - 1] or texts[end - 1] in ",;:—–-"):
        end -= 1
    if start >= end:
        return None
    return c.starts[start], c.starts[end - 1] + len(texts[end - 1])


def _clause_start(verb: Token, content: Token) -> int:
    """First token of the cue clause that follows its content ("…, the senior diplomat said")."""
    start = verb.i
    for child in verb.children:
        if child.i > content.right_edge.i and child.i < verb.i and not child.is_punct:
            start = min(start, child.left_edge.i)
    return start


def frames(verb: Token, sent_start: int) -> list[tuple[str, tuple[int, int]]]:
    """Every (frame, content char span) the verb's parse offers."""
    doc = verb.doc
    out: list[tuple[str, tuple[int, int]]] = []
    for child in verb.children:
        dep = child.dep_
        span: tuple[int, int] | None = None
        frame = dep
        if dep == "ccomp" and child.i < verb.i:
            # "A, but B, the source added": the whole sentence before the cue clause is the content,
            # not just the conjunct the parser hung the ccomp on.
            span = trimmed(doc, sent_start, _clause_start(verb, child))
        elif dep in ("dobj", "oprd") and any(c.dep_ in ("oprd", "xcomp") for c in verb.children if c.i > child.i):
            # "called them 'deplorables'": object and predicate together are the content (the
            # parser often labels both "oprd": "called Trump a 'liar'"). Before a clause ("told
            # reporters that…") the object is the addressee, never content: the clause's own reading
            # (the PolNeAR training split: clause alone 279, object and clause 77).
            if dep == "oprd" and any(c.dep_ in ("dobj", "oprd") and c.i < child.i for c in verb.children):
                continue  # the second predicate: the first object's reading covers it
            pred = max(c.right_edge.i for c in verb.children if c.dep_ in ("oprd", "xcomp"))
            frame = "dobj+pred"
            span = trimmed(doc, child.left_edge.i, aside_start(doc, child.left_edge.i, pred + 1))
        elif dep == "ccomp" or (dep in ("acl", "relcl") and verb.pos_ == "NOUN"):
            # a noun cue's clause: "the claim that…", "concerns about…" (prep below)
            span = trimmed(doc, child.left_edge.i, child.right_edge.i + 1)
        elif dep in ("dobj", "xcomp"):
            hi = child.right_edge.i + 1
            if dep == "dobj":
                hi = max(hi, _object_phrase_end(verb, child))
            span = trimmed(doc, child.left_edge.i, aside_start(doc, child.left_edge.i, hi))
        elif dep == "prep":
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objs:
                frame = "prep:" + child.lower_
                lo = objs[0].left_edge.i
                if child.lower_ in _OBJECT_PREPS:
                    lo = min([lo] + [c.left_edge.i for c in verb.children if c.dep_ == "dobj" and c.i < child.i])
                span = trimmed(doc, lo, aside_start(doc, lo, objs[0].right_edge.i + 1))
        if span:
            out.append((frame, span))
    if verb.dep_ in ("parataxis", "ccomp", "advcl") and verb.head is not verb:
        out.extend(_head_frames(verb))
    return out


# Set off by a comma or a dash, these add the writer's words about what was named ("backed the
# plan, which critics call costly"; "praised the deal — the first in a decade"): not the content.
_ASIDES = ("relcl", "appos", "acl")
_ASIDE_MARKS = {",", "—", "–", "-", "--", "("}


def aside_start(doc: Doc, lo: int, hi: int) -> int:
    """End (exclusive token index) of a noun-phrase or infinitive content [lo, hi) before its first
    aside: a relative clause, apposition or participle set off by a comma or dash."""
    texts, punct, words = columns_of(doc).texts, columns_of(doc).punct, words_of(doc)
    for mark in range(lo + 1, hi - 1):
        if texts[mark] not in _ASIDE_MARKS:
            continue
        # the phrases that open right after the mark, innermost first
        tok = words[mark + 1]
        while tok.left_edge.i == mark + 1:
            if tok.dep_ in _ASIDES and lo <= tok.head.i < mark:
                close = tok.right_edge.i + 1
                if close + 1 < hi and texts[close] in _ASIDE_MARKS and texts[close] != "(" \
                        and not punct[close + 1]:
                    break  # set off on both sides, with the content going on after it: inside it
                return mark
            if tok.head is tok:
                break
            tok = tok.head
    return hi


# "described the deal as a betrayal", "praised her for her courage", "likened the plan to a tax":
# the object and what is said of it are one content (the PolNeAR training split: 517 of 681 with
# these prepositions cover both).
_OBJECT_PREPS = {"as", "for", "to", "of", "with"}


def _object_phrase_end(verb: Token, obj: Token) -> int:
    """End (exclusive token index) of an object and the verb's prepositional phrase that says
    something of it ("X as Y", "X for Y"), or the object's own end."""
    end = obj.right_edge.i + 1
    for child in verb.children:
        if child.dep_ == "prep" and child.i >= end and child.lower_ in _OBJECT_PREPS \
                and any(c.dep_ in ("pobj", "pcomp") for c in child.children):
            return child.right_edge.i + 1
    return end


def _head_frames(verb: Token) -> list[tuple[str, tuple[int, int]]]:
    """The clause a parenthetical cue hangs off is the content: "My hope," he said, "is that…"
    (before the cue), "The museum, he said, would make…" (around it: one span with the cue
    inside, as quotes are contiguous), "As she said, the economy…" (after it)."""
    doc = verb.doc
    head = verb.head
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    vlo, vhi = verb.left_edge.i, verb.right_edge.i + 1
    found: list[tuple[str, tuple[int, int] | None]] = []
    if head.i < verb.i:
        found.append(("head", trimmed(doc, lo, vlo)))
        if hi > vhi:
            found.append(("head_wrap", trimmed(doc, lo, hi)))
    elif vlo > lo:
        found.append(("head_wrap", trimmed(doc, lo, hi)))
    else:
        found.append(("head_after", trimmed(doc, vhi, hi)))
    return [(frame, span) for frame, span in found if span]


def hung_clause(verb: Token, cue_nouns: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """ "said during a news conference that he may wait", "told reporters at the docks that the
    company would lose": a cue with no clausal complement whose "that" clause the parser hung on the
    noun of its prepositional phrase, as if a relative clause. A clause with a subject of its own
    after "that" is the cue's complement (the PolNeAR training split: 49 of 91 such clauses of
    lexicon cues are the cue's content, 13 more another cue's). Not on a cue noun ("responded to
    reports that…"): that clause is the noun's own reading; but the message a cue is said in
    ("said in a statement that…", "wrote in an op-ed that…") carries the cue's own content."""
    if any(c.dep_ == "ccomp" for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ != "prep" or child.i < verb.i:
            continue
        for tok in child.subtree:
            first = tok.left_edge
            if tok.dep_ in ("relcl", "acl") and first.lower_ == "that" and first.i > tok.head.i \
                    and (tok.head.lemma_.lower() not in cue_nouns or child.lower_ == "in") \
                    and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that" for c in tok.children):
                return trimmed(verb.doc, first.i, tok.right_edge.i + 1)
    return None


def passive_subject(verb: Token) -> tuple[int, int] | None:
    """ "The plan has been endorsed by the unions", "That the tariffs would go was confirmed by
    Dorn": a passive cue with a by-agent says its subject (the agent is the speaker)."""
    doc = verb.doc
    if not any(c.dep_ == "agent" for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ in ("nsubjpass", "csubjpass") and child.i < verb.i:
            lo = child.left_edge.i
            return trimmed(doc, lo, aside_start(doc, lo, child.right_edge.i + 1))
    return None


def according_to(token: Token, sent: tuple[int, int]) -> tuple[tuple[int, int], Token, int] | None:
    """For "according to X": (content span, source head, cue end)."""
    if token.lower_ != "according":
        return None
    to = [c for c in token.children if c.lower_ == "to"]
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    prep = to[0] if to else (nxt if nxt is not None and nxt.lower_ == "to" else None)
    if prep is None:
        return None
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    if not objs:
        return None
    source = _author(objs[0])
    doc = token.doc
    phrase_start, phrase_end = token.i, max(objs[0].right_edge.i, prep.i) + 1
    lo, hi = _claim_bounds(token, sent)
    if phrase_start - lo <= 1:
        span = trimmed(doc, phrase_end, hi)
    elif all(t.is_punct or t.is_space for t in words_of(doc)[phrase_end:hi]):
        span = trimmed(doc, lo, phrase_start)
    else:
        # "The levy, according to Ruiz, has failed": the claim is around the phrase (one span, the
        # cue inside, as contents are contiguous), not the words before it
        span = trimmed(doc, lo, hi)
    if span is None:
        return None
    return span, source, prep.idx + len(prep)


# "In a Marist poll released Sunday, Clinton led by 5 points", "…have been damaged, by one
# estimate": a poll or a count vouches for the clause its phrase hangs on, as "according to" does.
POLLS = {"in": frozenset({"poll", "survey", "average"}),
         "by": frozenset({"estimate", "count", "reckoning", "tally"})}


def poll_phrase(token: Token, sent: tuple[int, int]) -> tuple[tuple[int, int], Token, int] | None:
    """For "in a poll" / "by one estimate" hung on a clause's verb: (content span, source head (the
    poll), cue end)."""
    nouns = POLLS.get(token.lower_)
    head = token.head
    if nouns is None or token.dep_ != "prep" or head.pos_ not in ("VERB", "AUX"):
        return None
    objs = [c for c in token.children if c.dep_ == "pobj"]
    if not objs or objs[0].lemma_.lower() not in nouns or objs[0].tag_ not in ("NN", "NNP") or not _finite(head):
        return None  # "rose in the polls", "slipping to 39 percent in a poll": no one's finding
    doc = token.doc
    phrase_start, phrase_end = token.i, objs[0].right_edge.i + 1
    lo, hi = _claim_bounds(token, sent)
    before = trimmed(doc, lo, phrase_start) if _has_word(doc, lo, phrase_start) else None
    after = trimmed(doc, phrase_end, hi) if _has_word(doc, phrase_end, hi) else None
    if before is None and after is None:
        return None
    if before is None or after is None:
        span = before or after
    else:
        span = trimmed(doc, lo, hi)  # "Clinton, in the latest poll, leads…": around the phrase
    if span is None:
        return None
    return span, objs[0], token.idx + len(token)


def _has_word(doc: Doc, start: int, end: int) -> bool:
    return any(not t.is_punct and t.text.strip() for t in words_of(doc)[start:end])


def _finite(verb: Token) -> bool:
    return verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in verb.children)


def _claim_bounds(token: Token, sent: tuple[int, int]) -> tuple[int, int]:
    """Token range of what "according to" vouches for: the clause it hangs on, within the
    sentence ("…, which it often is, according to Scott": the relative clause), else the sentence."""
    head = token.head
    while head.dep_ == "conj" and head.head is not head:
        head = head.head  # "A stood at X and has since grown to Y, according to…": both conjuncts
    # (``head is token`` once stood first here: never true of spaCy's Tokens, each a new object)
    if head.pos_ not in ("VERB", "AUX") or not sent[0] <= head.left_edge.i <= head.right_edge.i < sent[1]:
        return sent
    return head.left_edge.i, head.right_edge.i + 1


MESSAGES = {"statement", "report", "release", "communique", "communiqué", "letter", "post", "tweet", "filing",
             "transcript", "interview", "document", "memo", "note", "message", "announcement", "bulletin",
             "speech", "remarks", "testimony", "briefing"}


def _author(obj: Token) -> Token:
    """ "according to a statement from its foreign ministry": the ministry speaks, not the statement."""
    if obj.lemma_.lower() not in MESSAGES:
        return obj
    for child in obj.children:
        if child.dep_ in ("prep", "poss") and (child.dep_ == "poss" or child.lower_ in ("from", "by", "of")):
            if child.dep_ == "poss":
                return child
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    return obj
