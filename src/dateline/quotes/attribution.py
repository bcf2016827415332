"""Find attributions — content, cue and source mention — over spaCy's dependency parse.

Two routes meet here:

1. Direct quotes are found from the quote marks (``quotes.marks``) and tied to the cue verb in the
   words right after the closing mark ("…," he said) or right before the opening one (he said: "…"),
   and a quote resumed after the cue ("…," he said. "…") joins the same attribution.
2. Reported speech comes from the verb's syntactic frame: the clausal complement of "said", the
   object of "called", "according to X", the main clause a parenthetical "he said" hangs off. Which
   (lemma, frame) pairs carry attributions is a table learned from the PolNeAR training split and
   backed by the hand lexicon of cue verbs for lemmas the corpus never saw.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from dateline.actors.anonymity import unnamed_source
from dateline.nlp import text_of
from dateline.quotes.frames import (
    POLLS,
    according_to,
    frames,
    hung_clause,
    passive_subject,
    poll_phrase,
    trimmed,
)
from dateline.quotes.lexicon import QuoteLexicon, get_lexicon
from dateline.quotes.marks import QuoteRegion, find_quote_regions
from dateline.quotes.tokens import expand_span, flags_of, sentence_bounds
from dateline.words import columns_of, words_of

THRESHOLD = 0.3  # tuned on PolNeAR dev: F1 is flat between 0.25 and 0.3, precision falls below
# Verbs outside the cue lexicon ("submitted a treaty") need more corpus evidence than a few hits.
OUTSIDE_LEXICON_PRIOR_WEIGHT = 5.0


def threshold() -> float:
    return THRESHOLD
PRIOR_WEIGHT = 2.0
# Reported speech with no one speaking ("aimed at responding to threats") needs a sure cue.
SOURCELESS_THRESHOLD = 0.7
# Prior attribution rate by cue class and frame, for lemmas the training table does not cover.
_PRIOR = {
    ("speech", "ccomp"): 0.9, ("speech", "head"): 0.9, ("speech", "direct"): 0.95,
    ("belief", "ccomp"): 0.6, ("report", "ccomp"): 0.7, ("source", "according"): 0.95,
    ("line", "line"): 0.9,
}
_DEFAULT_PRIOR = 0.05
# A passive with its agent ("was denied by the ministry") reads like the active clause.
PASSIVE_RATE = 0.9
# "In a poll released Sunday, Clinton led by 5 points": the poll vouches for the clause.
POLL_RATE = 0.9
# Readings whose construction names the speaker outright: "NAME: …", "according to X", "in a poll".
NAMING_FRAMES = frozenset({"line", "according", "poll"})
_PASSIVE_CLASSES = ("speech", "report", "belief")
# Verbs of taking a stand, outside the speech lexicon, whose passive subject is what was backed or
# refused ("the levy is opposed by most shopkeepers").
_STANCE_VERBS = frozenset({"endorse", "support", "back", "oppose", "reject", "echo", "dismiss"})
# Cue classes whose "that" clause the parser may hang on a noun after them (``frames.hung_clause``).
_CLAUSE_CLASSES = ("speech", "report", "belief")
_ADDRESSEE_VERBS = frozenset({"tell", "inform", "assure", "brief", "warn", "ask", "urge", "remind"})
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_INHERIT_SUBJECT = ("xcomp", "conj", "advcl", "pcomp", "acomp")
_NP_LEFT = ("compound", "amod", "det", "poss", "nmod", "nummod", "flat", "case", "punct", "quantmod")
_CLAUSE_END = {".", "!", "?", ";"}
_NP_INSIDE = {"compound", "det", "poss", "amod", "nmod", "flat", "case", "nummod", "quantmod"}
_WINDOW = 14  # tokens searched for a cue next to a quote
_RESUME_REACH = 240  # chars of cue clause after which a quote may still resume the same statement
_NOT_SPEAKERS = {"TIME", "DATE", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"}
_DATELINE_TAIL = set(" \t\n-–—.:,|/")  # what separates a dateline from the story
# A transcript or headline line "PENCE: Well, look…" / "Pat Caddell: Voters worried…".
_SPEAKER_LINE = re.compile(r"(?:^|\n\n)[\"“]?([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[ \t]+(?=\S)")
# Labels of the paper's own notes, which no one says: "Correction: An earlier version…".
_EDITORS_LABELS = frozenset({"correction", "corrections", "clarification", "update", "updated", "editor's note",
                             "note", "related", "watch", "read more", "photo", "video"})
# A paragraph closing on a colon, and the next paragraph's first character.
_COLON_END = re.compile(r":[^\S\n]*\n[\s]*(?=\S)")
# A signed quote: "“…” ― Name" at the end of a line (readers' letters, collected reactions).
_SIGNATURE = re.compile(r"[^\S\n]*([―—–]|--?)[^\S\n]*([A-Z][\w.'’-]*(?:,? [A-Z][\w.'’-]*){0,4})\.?[^\S\n]*(?=\n|$)")


@dataclass
class Attribution:
    start: int
    end: int
    kind: str  # direct | indirect | mixed
    cue: Token
    cue_end: int  # char end of the cue phrase ("according to", "pointed out")
    source: Token | None  # head token of the speaker mention
    score: float
    regions: list[QuoteRegion] = field(default_factory=list)
    addressee: Token | None = None
    frame: str = ""  # direct | according | line | ccomp | dobj | head | prep:<word> …
    rate: float = 0.0  # the rule rate (``score`` may be overwritten by the trained model)


def np_span(token: Token) -> tuple[int, int]:
    """Char span of a noun phrase without its relative clauses and appositions."""
    left = token.i
    for child in token.lefts:
        if child.dep_ in _NP_LEFT or child.dep_ == "compound":
            left = min(left, child.left_edge.i)
    right = token.i
    for child in token.rights:
        if child.dep_ in ("compound", "flat", "case") and child.i == right + 1:
            right = child.right_edge.i
    c, space = columns_of(token.doc), flags_of(token.doc).space
    texts = c.texts
    # a line break in the words between (the spaces spaCy keeps after tokens are plain spaces)
    while left < token.i and (c.punct[left] or space[left] or any("\n" in t for t in texts[left:token.i])):
        left += 1
    return c.starts[left], c.starts[right] + len(texts[right])


def subject_of(verb: Token) -> Token | None:
    """The speaker of a cue verb: its subject, a passive's agent, or the subject it inherits."""
    agent = passive_agent(verb)
    if agent is not None and verb.lemma_.lower() not in HEARD_SPEAKING:
        return agent  # "the claim was denied by the ministry": the ministry speaks, not the claim
    current = verb
    for _ in range(4):
        for child in current.children:
            if child.dep_ in _SUBJECT_DEPS and not child.is_punct:
                return child
            if child.dep_ == "agent":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
        if current.dep_ in ("acl",) and current.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return current.head
        if current.dep_ not in _INHERIT_SUBJECT or current.head is current:
            return None
        current = current.head
    return None


# "She was quoted as saying", "he can be heard shouting": the passive's subject is the speaker
# and a by-phrase names who recorded it.
HEARD_SPEAKING = frozenset({"quote", "hear", "overhear", "record", "catch", "tape", "film"})


def passive_agent(verb: Token) -> Token | None:
    """The by-phrase object of a passive verb with a subject ("was endorsed by the unions")."""
    if not any(c.dep_ in ("nsubjpass", "csubjpass") for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def noun_source(noun: Token) -> Token | None:
    """The holder of a noun cue: "Trump's claim", "a statement by the ministry", "X made the claim"."""
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN", "PRON"):
            return child
        if child.dep_ == "compound" and child.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") and child.i == noun.i - 1:
            return child  # "the Trump claim that…", and a verb the tagger took for a noun: "Trump claims that…"
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    if noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
        return subject_of(noun.head)
    return None


class AttributionFinder:
    """Finds the attributions of one parsed document."""

    def __init__(self, doc: Doc, lexicon: QuoteLexicon | None = None, nouns: frozenset[str] = frozenset(),
                 exclude: tuple[int, int] | None = None) -> None:
        self.doc = doc
        self.words = words_of(doc)  # tokens as Words: the parse walks below make no Token objects
        self.exclude = exclude  # the dateline's char span: no content, cue or speaker there
        self.nouns = nouns  # noun lemmas that may be cues ("claim", "statement"): candidates too
        self.text = text_of(doc)
        self.lex = lexicon or get_lexicon()
        self.regions = find_quote_regions(self.text)
        self.region_starts = [r.start for r in self.regions]  # sorted: find_quote_regions sorts them
        self.sents = sentence_bounds(doc)
        self.readings: list[Attribution] = []  # the scored candidates, once the cue model has run
        self.quoted: list[bool] | None = None  # per token: inside quote marks (cue_model.in_quote_flags)
        self.cue_facts: object | None = None  # what the cue model reads for every reading (cue_model)
        self.speaker_facts: object | None = None  # what the speaker model reads for every reading (speaker_model)
        self._ents: list[Span] | None = None

    def entities(self) -> list[Span]:
        """The doc's entity spans, built once (``Doc.ents`` makes new Spans on every access)."""
        if self._ents is None:
            self._ents = list(self.doc.ents)
        return self._ents

    # -- scoring ---------------------------------------------------------------------------
    def rate(self, lemma: str, frame: str) -> float:
        cls = self.lex.cue_class.get(lemma, "")
        base = "prep" if frame.startswith("prep:") else frame
        prior = _PRIOR.get((cls, base), 0.3 if cls and base in ("dobj", "xcomp") else _DEFAULT_PRIOR)
        pos, total = self.lex.frame_rate.get((lemma, frame), (0, 0))
        weight = PRIOR_WEIGHT if cls else OUTSIDE_LEXICON_PRIOR_WEIGHT
        return (pos + weight * prior) / (total + weight)

    def is_speech_cue(self, token: Token) -> bool:
        return token.pos_ in ("VERB", "AUX") and self.lex.cue_class.get(token.lemma_.lower()) == "speech"

    # -- direct quotes ---------------------------------------------------------------------
    def _token_at(self, char: int) -> int:
        """Index of the first token starting at or after a char offset."""
        span = expand_span(self.doc, char, len(self.text))
        return span[0] if span is not None else len(self.doc)

    def _cue_after(self, region: QuoteRegion) -> tuple[Token, int] | None:
        """The speech verb in "…," he said / "…," said the minister; with the window's char end."""
        # a quote inside the quote closes with it ("… the pills you called 'cures,'" she said):
        # the comma before the inner mark is the one that hands the words to the cue
        inside = self.text[region.start:region.end].rstrip("’'\"”")
        inside_end = inside[-1:]
        after = self.text[region.close_end:region.close_end + 2].strip()[:1]
        if inside_end not in ",?!.—-" and after not in (",", "—", "-"):
            return None
        i = self._token_at(region.close_end)
        cue: Token | None = None
        for tok in self.words[i:i + _WINDOW]:
            if tok.idx >= region.close_end and "\n\n" in self.text[region.close_end:tok.idx]:
                break
            if cue is None and self.is_speech_cue(tok):
                cue = tok
            if tok.text in _CLAUSE_END or (tok.is_quote and tok.idx > region.close_end):
                end = tok.idx + (len(tok) if tok.text in _CLAUSE_END else 0)
                return (cue, end) if cue is not None else self._cue_past_subject(i, region)
        if cue is None:
            return self._cue_past_subject(i, region)
        # "…," she said, but…: no clause end in reach; the cue's own phrase ends the window.
        last = self.words[cue.right_edge.i]
        return cue, last.idx + len(last)

    def _cue_past_subject(self, i: int, region: QuoteRegion) -> tuple[Token, int] | None:
        """ "…," Ann Ruiz, director of the institute and a lecturer at the university, said: a
        speaker named at length puts the cue beyond the window; the speech verb the words after
        the mark hang from (their subject's head) is the cue, its clause's end the window's."""
        doc = self.words
        while i < len(doc) and (doc[i].is_punct or doc[i].is_space):
            i += 1
        if i >= len(doc) or "\n\n" in self.text[region.close_end:doc[i].idx]:
            return None
        sent_end = self.sents[i][1]
        tok = doc[i]
        # up the speaker's own noun phrase to its subject link: "They reflected X," he said — the
        # clause after the mark is not a subject, and its verb's head is no cue of this quote
        while tok.dep_ in _NP_INSIDE and tok.head is not tok and i <= tok.head.i < sent_end:
            tok = tok.head
        verb = tok.head
        if tok.dep_ != "nsubj" or not i < verb.i < sent_end or not self.is_speech_cue(verb) \
                or "\n" in self.text[region.close_end:verb.idx]:
            return None
        tok = verb
        for later in doc[tok.i + 1:sent_end]:
            if later.text in _CLAUSE_END or later.is_quote:
                return tok, later.idx + (len(later) if later.text in _CLAUSE_END else 0)
        last = doc[sent_end - 1]
        return tok, last.idx + len(last)

    def _cue_before(self, region: QuoteRegion) -> Token | None:
        """The speech verb in he said: "…" / he told reporters, "…"."""
        lead = self.text[:region.open_at].rstrip()
        if not lead or lead[-1] not in ":,":
            return None
        i = self._token_at(len(lead) - 1)
        for tok in reversed(self.words[max(0, i - _WINDOW):i]):
            if tok.text in _CLAUSE_END or tok.is_quote:
                break
            if self.is_speech_cue(tok):
                return tok
        return None

    def direct_quotes(self) -> dict[int, tuple[list[QuoteRegion], int]]:
        """Cue token index → its quote regions and the end of the last cue window."""
        found: dict[int, tuple[list[QuoteRegion], int]] = {}
        last: tuple[int, int] | None = None  # (cue index, window end) of the previous attachment
        for region in self.regions:
            at_boundary = self._opens_clause(region)
            if last is not None and self._resumes(last, region):
                # "…," he said. "…": the quote resumes after the cue.
                cue_i, _ = last
                after = self._cue_after(region)
                if after is None or after[0].i == cue_i:
                    found[cue_i][0].append(region)
                    last = (cue_i, after[1]) if after else None
                    continue
            after = self._cue_after(region) if at_boundary else None
            if after is not None:
                cue, end = after
                found.setdefault(cue.i, ([], end))[0].append(region)
                last = (cue.i, end)
                continue
            last = None
            before = self._cue_before(region)
            if before is not None and before.i not in found:
                found[before.i] = ([region], region.close_end)
        return found

    def _resumes(self, last: tuple[int, int], region: QuoteRegion) -> bool:
        """Does a quote go on with the previous cue's words? "…," he said. "…" — also when the cue
        clause runs on past the window ("…," said X, an economist who …, a think tank. "…"),
        as long as nothing between is quoted or has a speech cue of its own."""
        cue_i, window_end = last
        gap = self.text[window_end:region.open_at]
        if not 0 <= len(gap) <= _RESUME_REACH or "\n" in gap:
            return False
        if len(gap) > 3:
            if not gap.rstrip().endswith((".", "!", "?")) or any(r.open_at >= window_end for r in self.regions
                                                                   if r.open_at < region.open_at):
                return False
        return not self._another_cue_between(cue_i, region.open_at)

    def _another_cue_between(self, cue_i: int, char: int) -> bool:
        """ "…," he said, adding that "…": the second quote is the second cue's, not a resumption."""
        for tok in self.words[cue_i + 1:self._token_at(char)]:
            if self.is_speech_cue(tok):
                return True
        return False

    def _opens_clause(self, region: QuoteRegion) -> bool:
        """A quote that starts a sentence, a paragraph or follows a colon/comma/dash."""
        lead = self.text[:region.open_at].rstrip(" \t")
        if not lead or lead.endswith("\n"):
            return True
        return lead[-1] in ":,.—–-(?!;"

    # -- all attributions ------------------------------------------------------------------
    def candidates(self) -> list[Attribution]:
        """Every (cue, content) reading the text offers: direct quotes, "according to", each frame
        of each verb (and of the cue nouns ``nouns`` lists), transcript lines. ``score`` holds the
        rule rate; the caller decides which readings are attributions."""
        direct = self.direct_quotes()
        out: list[Attribution] = []
        for i in self._cue_positions(direct):
            tok = self.words[i]
            if tok.i in direct:
                regions, _ = direct[tok.i]
                source = subject_of(tok)
                if source is None or any(r.open_at <= source.idx < r.close_end for r in regions):
                    source = self._nearby_speaker(tok, regions)
                out.append(Attribution(regions[0].start, regions[-1].end, "direct", tok, tok.idx + len(tok),
                                       source, self.rate(tok.lemma_.lower(), "direct"), regions, frame="direct"))
                continue
            acc = according_to(tok, self.sents[tok.i]) if tok.lower_ == "according" else None
            if acc is not None:
                (s, e), source, cue_end = acc
                out.append(Attribution(s, e, self.kind_of(s, e), tok, cue_end, source, 0.95, frame="according"))
                continue
            poll = poll_phrase(tok, self.sents[tok.i]) if tok.pos_ == "ADP" else None
            if poll is not None:
                (s, e), source, cue_end = poll
                out.append(Attribution(s, e, self.kind_of(s, e), tok, cue_end, source, POLL_RATE, frame="poll"))
                continue
            if tok.pos_ == "ADP" or unnamed_source(tok):
                continue  # "who asked not to be named": why the source is unnamed, not what it said
            pos = tok.pos_
            if pos in ("VERB", "AUX"):
                if tok.dep_ == "aux":
                    continue
            elif pos != "NOUN" or tok.lemma_.lower() not in self.nouns:
                continue
            lemma = tok.lemma_.lower()
            source = subject_of(tok) if pos != "NOUN" else noun_source(tok)
            readings = frames(tok, self.sents[tok.i][0])
            hung = hung_clause(tok, self.nouns) if pos == "VERB" and self.lex.cue_class.get(lemma) in _CLAUSE_CLASSES else None
            if hung is not None:
                readings.append(("ccomp", hung))
            for frame, (s, e) in readings:
                out.append(Attribution(s, e, self.kind_of(s, e), tok, tok.idx + len(tok), source,
                                       self.rate(lemma, frame), frame=frame))
            said = self._passive_reading(tok, lemma, source)
            if said is not None:
                out.append(said)
        out.extend(self.speaker_lines())
        out.extend(self.signed_quotes())
        out.extend(self.colon_paragraphs(direct))
        for cand in out:
            cand.rate = cand.score
        return [cand for cand in out if self.fit_reading(cand)]

    def _passive_reading(self, verb: Token, lemma: str, source: Token | None) -> Attribution | None:
        """A speech or stance verb in the passive with its agent: the subject is what was said or
        taken a stand on, the agent the speaker. Not the verbs whose passive subject is the
        addressee ("was told by") or the speaker ("was quoted by")."""
        if verb.pos_ != "VERB" or source is None or lemma in _ADDRESSEE_VERBS or lemma in HEARD_SPEAKING:
            return None
        if self.lex.cue_class.get(lemma) not in _PASSIVE_CLASSES and lemma not in _STANCE_VERBS:
            return None
        span = passive_subject(verb)
        if span is None:
            return None
        return Attribution(span[0], span[1], self.kind_of(*span), verb, verb.idx + len(verb), source,
                           PASSIVE_RATE, frame="passive")

    def _cue_positions(self, direct: dict[int, tuple[list[QuoteRegion], int]]) -> list[int]:
        """Token indices that may be cues — verbs, the cue nouns, "according", direct quotes'
        cues — read from the token columns, so most tokens never become Token objects."""
        c = columns_of(self.doc)
        nouns = self.nouns
        out = []
        for i, (pos, lemma, lower) in enumerate(zip(c.pos, c.lemmas, c.lowers, strict=True)):
            if i in direct or lower == "according" or pos in ("VERB", "AUX") or (pos == "ADP" and lower in POLLS):
                out.append(i)
            elif pos == "NOUN" and nouns and lemma.lower() in nouns:
                out.append(i)
        return out

    def fit_reading(self, cand: Attribution) -> bool:
        """Keep a reading inside its paragraph and off the dateline; False when nothing is left.

        A headline without a full stop runs into the next paragraph in the parse, and wire copy
        opens with "SEOUL, March 10 (Yonhap) --": neither belongs to the content, and the dateline's
        place is never the speaker."""
        text = self.text
        if cand.source is not None and (cand.source.ent_type_ in _NOT_SPEAKERS or cand.source.like_num):
            cand.source = None  # "5:45 p.m.: Trump says…" — a time heading is nobody
        if cand.frame not in ("direct", "line") and "\n\n" in text[min(cand.start, cand.cue.idx):max(cand.end, cand.cue.idx)]:
            if "\n\n" in text[cand.end:cand.cue.idx] or "\n\n" in text[cand.cue.idx:cand.start]:
                return False  # the parse joined two paragraphs: the content is in the other one
            # the content keeps the cue's paragraph: a reading around the cue whose clause the
            # parser began in the paragraph before (a closing mark left over, '…"¶Growth, she
            # said, is slow') starts after the break, and one running on into the next ends there
            before = text.rfind("\n\n", cand.start, min(cand.cue.idx, cand.end))
            if before >= 0:
                cand.start = before + 2
            after = text.find("\n\n", max(cand.cue.idx, cand.start), cand.end)
            if after >= 0:
                cand.end = after
        if self.exclude is not None:
            ds, de = self.exclude
            if ds <= cand.cue.idx < de:
                return False
            if cand.source is not None and ds <= cand.source.idx < de:
                cand.source = None
            if cand.start < de and ds < cand.end:
                if cand.start >= ds:
                    cand.start = de
                    while cand.start < cand.end and text[cand.start] in _DATELINE_TAIL:
                        cand.start += 1
                else:
                    cand.end = ds
        while cand.end > cand.start and text[cand.end - 1].isspace():
            cand.end -= 1
        while cand.start < cand.end and text[cand.start].isspace():
            cand.start += 1
        return cand.end - cand.start > 1

    def find(self, cands: list[Attribution] | None = None) -> list[Attribution]:
        """The rule decision: each cue's best-rated frame above the threshold."""
        best: dict[int, Attribution] = {}
        bar = threshold()
        for cand in self.candidates() if cands is None else cands:
            if cand.frame in NAMING_FRAMES or cand.frame in ("direct", "passive"):
                best[cand.cue.i] = cand
                continue
            if cand.rate < bar or (cand.source is None and cand.rate < SOURCELESS_THRESHOLD):
                continue
            if cand.cue.pos_ == "NOUN":
                continue  # nouns are left to the trained model
            held = best.get(cand.cue.i)
            if held is None or (held.frame not in ("direct", "according") and cand.rate > held.rate):
                best[cand.cue.i] = cand
        return sorted(best.values(), key=lambda a: (a.cue.i, a.start))

    def speaker_lines(self) -> list[Attribution]:
        """ "NAME: words…" at the start of a paragraph: the rest of the paragraph is NAME's."""
        out = []
        for m in _SPEAKER_LINE.finditer(self.text):
            name = self.doc.char_span(m.start(1), m.end(1))
            colon = self.doc.char_span(m.end(1), m.end(1) + 1)
            if name is None or colon is None or name.text.lower().replace("’", "'") in _EDITORS_LABELS:
                continue  # "Correction: An earlier version of this article…" is the paper's note
            if not all(t.pos_ == "PROPN" or t.is_upper or t.ent_type_ in ("PERSON", "ORG") for t in name) \
                    and not (m.start() == 0 and len(name) == 1 and name[0].is_title and name[0].pos_ == "NOUN"):
                continue  # a headline's one-word label speaks too: "Poll: voters split on the tram"
            end = self.text.find("\n\n", m.end())
            end = len(self.text) if end < 0 else end
            content = trimmed(self.doc, self._token_at(m.end()), self._token_at(end))
            if content is None:
                continue
            out.append(Attribution(content[0], content[1], self.kind_of(*content), self.words[colon.start],
                                   colon.end_char, self.words[name.root.i], self.rate(":", "line"), frame="line"))
        return out

    def colon_paragraphs(self, direct: dict[int, tuple[list[QuoteRegion], int]]) -> list[Attribution]:
        """ "The treasurer added:" / "The Gazette reports:" / "X made the following remark:" closing a
        paragraph: the next paragraph is what was said, quoted or not (a quote there whose cue the
        mark route missed, or a set-off block of plain text). One paragraph, or the quote that opens
        it when its marks run further."""
        out = []
        for m in _COLON_END.finditer(self.text):
            found = self._colon_cue(m.start())
            if found is None or found[0].i in direct:
                continue
            cue, source = found
            start = m.end()
            end = self.text.find("\n", start)
            end = len(self.text) if end < 0 else end
            regions = [r for r in self.regions if r.open_at == start]
            span = (regions[0].start, regions[0].end) if regions \
                else trimmed(self.doc, self._token_at(start), self._token_at(end))
            if span is None:
                continue
            out.append(Attribution(span[0], span[1], self.kind_of(*span), cue, cue.idx + len(cue), source,
                                   self.rate(":", "line"), regions[:1], frame="line"))
        return out

    def _colon_cue(self, colon: int) -> tuple[Token, Token] | None:
        """The cue of a paragraph ending on a colon, and its speaker: the last speech or report
        verb before the colon with nothing said after it (a verb with its own clause, "said the
        plan had three parts:", says that clause), or a cue noun ("the following statement:")."""
        i = self._token_at(colon)
        sent_start = self.sents[i][0] if i < len(self.doc) else 0
        for tok in reversed(self.words[max(sent_start, i - _WINDOW):i]):
            if tok.is_quote or "\n" in tok.text:
                return None
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB" and self.lex.cue_class.get(lemma) in ("speech", "report"):
                if any(c.dep_ in ("ccomp", "xcomp") and c.i < i for c in tok.children):
                    return None  # the parser may hang the next paragraph on the cue: that is the content
                source = subject_of(tok)
            elif tok.pos_ == "NOUN" and lemma in self.nouns:
                source = noun_source(tok)
            else:
                continue
            return (tok, source) if source is not None and source.pos_ in ("PROPN", "NOUN", "PRON") else None
        return None

    def signed_quotes(self) -> list[Attribution]:
        """ "“…” ― Name" closing a line: the quote is Name's, the dash is the cue."""
        out = []
        for region in self.regions:
            m = _SIGNATURE.match(self.text, region.close_end)
            if m is None:
                continue
            dash = self.doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            name = self.doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
            if dash is None or name is None or not any(t.pos_ == "PROPN" for t in name):
                continue
            out.append(Attribution(region.start, region.end, "direct", self.words[dash.start], dash.end_char,
                                   self.words[name.root.i],
                                   self.rate(":", "line"), [region], frame="line"))
        return out

    def _nearby_speaker(self, cue: Token, regions: list[QuoteRegion]) -> Token | None:
        """When the parse gives the cue no subject: the nominal right before it, else right after,
        outside the quote ("…» Trade Minister Pavel Dorn said", "…," said the mayor)."""
        inside = [(r.open_at, r.close_end) for r in regions]

        def usable(tok: Token) -> bool:
            return tok.pos_ in ("PROPN", "NOUN", "PRON") and not any(s <= tok.idx < e for s, e in inside)

        sent_start, sent_end = self.sents[cue.i]
        for tok in reversed(self.words[max(sent_start, cue.i - 6):cue.i]):
            if usable(tok):
                return tok
        for tok in self.words[cue.i + 1:min(sent_end, cue.i + 6)]:
            if usable(tok):
                while tok.head.i != tok.i and tok.dep_ in ("compound", "flat") and tok.head.i < cue.i + 8:
                    tok = tok.head
                return tok
        return None

    def kind_of(self, start: int, end: int) -> str:
        # a region that qualifies starts at or after ``start`` (its mark before it) and before ``end``
        regions = self.regions
        first, last = bisect_left(self.region_starts, start), bisect_left(self.region_starts, end)
        inside = [r for r in regions[first:last] if start <= r.open_at + 1 and r.end <= end]
        if not inside:
            return "indirect"
        covered = sum(r.end - r.start for r in inside)
        return "direct" if covered >= 0.9 * (end - start - 2) else "mixed"

    @staticmethod
    def addressee(cue: Token) -> Token | None:
        """Whom the words were addressed to: "told reporters", "said to journalists"."""
        for child in cue.children:
            if child.dep_ in ("dobj", "dative") and cue.lemma_ in ("tell", "inform", "assure", "brief", "warn"):
                if child.pos_ in ("NOUN", "PROPN", "PRON"):
                    return child
            if child.dep_ in ("prep", "dative") and child.lower_ == "to":
                objs = [c for c in child.children if c.dep_ == "pobj" and c.ent_type_ in ("PERSON", "ORG", "NORP", "")]
                if objs and objs[0].pos_ in ("NOUN", "PROPN", "PRON"):
                    return objs[0]
        return None
