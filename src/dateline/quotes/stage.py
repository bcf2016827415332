"""Quotes and speakers (issue 3): who said what, resolved through the text.

The stage ``extract_quotes`` finds attributions (``quotes.attribution``), builds the article's actors
(``actors.index``) and resolves each speaker mention — name, surname, role noun, pronoun — to one of
them (``quotes.speakers``). ``find_actor`` (re-exported from ``actors.index``) maps a char span to an actor id.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc

from dateline.actors.index import build_actors, find_actor, lend_story_country, story_country
from dateline.quotes.attribution import HEARD_SPEAKING, NAMING_FRAMES, Attribution, AttributionFinder, np_span
from dateline.quotes.cue_model import CueModel, Thresholds, decide, get_model, score_candidates
from dateline.quotes.marks import QuoteRegion
from dateline.quotes.span_model import ContentTagger, get_tagger, redraw
from dateline.quotes.speaker_model import SpeakerModel, get_speaker_model
from dateline.quotes.speakers import SpeakerResolver
from dateline.quotes.tokens import expand_span, flags_of
from dateline.record import Article, Quote, Speaker, TextSpan
from dateline.words import columns_of

__all__ = ["extract_quotes", "find_actor"]

_WORD = re.compile(r"\w+")
# Two cues reading the same words ("condemned what he called a 'brazen breach'": both verbs offer
# the phrase) are one statement: above this word overlap only the likelier reading stays.
SAME_STATEMENT = 0.8


def _speaker(doc: Doc, text: str, att: Attribution, resolver: SpeakerResolver) -> Speaker | None:
    if att.source is None:
        return None
    start, end = np_span(att.source)
    span = expand_span(doc, start, end)
    actor = resolver.resolve(att.source, span[0], span[1]) if span is not None else None
    if actor is not None and [start, end] not in actor.mentions and att.source.pos_ == "PRON":
        actor.mentions.append([att.source.idx, att.source.idx + len(att.source)])
        actor.mentions.sort()
    return Speaker(text[start:end], start, end, actor.name if actor else None, actor.id if actor else None)


def release_turns(found: list[Attribution]) -> None:
    """A second statement the parser hung inside the first one's words ("May said the country
    would leave by March and suggested that it would quit the market", "Lynch said …, though she
    noted that …") ends the first content where its own clause begins, so both stand."""
    for inner in found:
        cue = inner.cue
        if cue.dep_ not in _TURN_DEPS or inner.frame not in _TURN_FRAMES:
            continue
        clause = cue.left_edge.i
        for outer in found:
            if outer is inner or outer.frame in ("direct", "line") or outer.cue.i >= clause:
                continue
            if outer.start <= cue.idx < outer.end and outer.start < inner.start and inner.end <= outer.end:
                cut = _clause_end_before(cue.doc, clause)
                if cut is not None and cut > outer.start:
                    outer.end = cut


_TURN_DEPS = ("conj", "advcl")
_TURN_FRAMES = ("ccomp",)
_CONNECTORS = {"and", "but", "though", "although", "while", "whereas", "yet", "then"}


def _clause_end_before(doc: Doc, clause: int) -> int | None:
    """Char end of the words before a clause, without the commas and connectors that join it."""
    c, space = columns_of(doc), flags_of(doc).space
    i = clause - 1
    while i >= 0 and (c.punct[i] or space[i] or c.lowers[i] in _CONNECTORS):
        i -= 1
    return c.starts[i] + len(c.texts[i]) if i >= 0 else None


def _nested(att: Attribution, others: list[Attribution]) -> bool:
    """An attribution reported inside another one's content ("Moscow sees…", Ryabkov said): some
    other, longer attribution whose content holds this one's cue and content.

    Callers filter a list with it (``[a for a in found if not _nested(a, found)]``), which asked
    pairwise was quadratic: a long article's thousands of attributions took minutes. The list's
    contents sorted by start, with the furthest end reached so far, answer each question with a
    binary search; that index is built once per list (the last list asked about is remembered,
    by identity and length: the callers do not change a list while they filter it)."""
    if att.cue.text == ":":
        return False  # transcript lines stay, even inside a quoted transcript
    entry = _NEST_INDEX.get("entry")  # (the list, its starts, their furthest ends, its length)
    if entry is None or entry[0] is not others or entry[3] != len(others):
        # a poll's clause holds what its respondents said ("In the poll, 31% said they…"): both stand
        spans = sorted((o.start, o.end) for o in others if o.frame != "poll")
        reach, furthest = [], -1
        for _, end in spans:
            furthest = max(furthest, end)
            reach.append(furthest)
        entry = (others, [s for s, _ in spans], reach, len(others))
        _NEST_INDEX["entry"] = entry  # one assignment: threads never see a list with another's index
    starts, reach = entry[1], entry[2]
    lo, hi = min(att.cue.idx, att.start), max(att.end, att.cue.idx + 1)
    # a holder ending beyond this content: the furthest end among contents starting at or before lo
    n = bisect_right(starts, lo)
    if n and reach[n - 1] >= hi and reach[n - 1] > att.end:
        return True
    # a holder ending where this content ends but starting before it
    n = bisect_right(starts, min(lo, att.start - 1))
    return bool(n) and reach[n - 1] >= hi


_NEST_INDEX: dict[str, tuple[list[Attribution], list[int], list[int], int]] = {}


def find_attributions(doc: Doc, model: CueModel | None = None, exclude: tuple[int, int] | None = None,
                      tagger: ContentTagger | None | bool = True) -> tuple[AttributionFinder, list[Attribution]]:
    """The attributions of a document: the trained model's choice among the parse's readings
    when the package ships one, else the rule rates alone; content boundaries re-drawn by the
    trained tagger (``tagger``: True for the shipped one, False for none). ``exclude``: the
    dateline's span."""
    model = model or get_model()
    if model is None:
        finder = AttributionFinder(doc, exclude=exclude)
        found = finder.find()
        return finder, [att for att in found if not _nested(att, found)]
    finder = AttributionFinder(doc, nouns=model.nouns, exclude=exclude)
    cands = score_candidates(doc, model, finder)
    finder.readings = cands
    found = select(cands, model.threshold, finder.lex.cue_class, finder.find(cands), finder.lex.learnt_cues(),
                   finder.lex.speaking_verbs())
    content_tagger = get_tagger() if tagger is True else (tagger or None)
    if content_tagger is not None:
        readings: dict[int, list[tuple[int, int]]] = {}
        for cand in cands:
            readings.setdefault(cand.cue.i, []).append((cand.start, cand.end))
        found = redraw(finder, found, content_tagger, readings=readings)
        found = [att for att in found if not _nested(att, found)]
    found = [att for att in found if not _cue_quoted_outside(att, finder.regions)]
    found = distinct(finder.text, found)
    choose_speakers(found, finder, get_speaker_model())
    return finder, [att for att in found if not _mute_speaker(att)]


def distinct(text: str, found: list[Attribution]) -> list[Attribution]:
    """No statement twice: of readings with one speaker (or none named) whose words overlap by
    ``SAME_STATEMENT`` (word-F1), the most probable one, in text order. Two speakers using the
    same words ("Ministers denounced what the envoy called '…'") are two statements."""
    words = [{m.start() for m in _WORD.finditer(text, att.start, att.end)} for att in found]
    kept: list[int] = []
    for i in sorted(range(len(found)), key=lambda k: -found[k].score):
        if all(_overlap(words[i], words[j]) < SAME_STATEMENT or not _same_speaker(found[i], found[j]) for j in kept):
            kept.append(i)
    return [found[i] for i in sorted(kept)]


def _same_speaker(a: Attribution, b: Attribution) -> bool:
    return a.source is None or b.source is None or a.source.i == b.source.i


def _overlap(a: set[int], b: set[int]) -> float:
    common = len(a & b)
    return 2 * common / (len(a) + len(b)) if common else 0.0


def choose_speakers(found: list[Attribution], finder: AttributionFinder, model: SpeakerModel | None) -> None:
    """Let the trained speaker chooser pick each attribution's speaker among the parse's readings
    (text order: the previous speaker is one of them); the rule choice stands without a model."""
    if model is None:
        return
    previous = None
    for att in found:
        rule = att.source
        if att.frame not in NAMING_FRAMES:
            att.source = model.choose(att, finder, previous)
        if att.source is not None and _expected_not_speaking(att):
            att.source = None
        if att.source is not None and finder.exclude is not None:
            ds, de = finder.exclude
            if ds <= att.source.idx < de:
                att.source = None  # the dateline's place or agency never speaks
        if rule is not None:
            previous = rule


# Things that are neither persons nor bodies and never speak: a reading whose speaker is one ("The
# vote is expected to be close", "Prices suggest…") is no statement. Polls, studies, ads and
# statements do speak in PolNeAR, so they are not here.
_MUTE = frozenset({"vote", "price", "plan", "talk", "talks", "deal", "bill", "economy", "market", "rate", "cost",
                   "tax", "budget", "election", "race", "debate", "law", "policy", "proposal", "measure"})


def _mute_speaker(att: Attribution) -> bool:
    """A reported statement whose speaker, or passive subject with no agent, is a mute thing."""
    if att.frame == "direct" or att.frame in NAMING_FRAMES:
        return False  # quoted words are someone's; "according to" names its source outright
    mention = att.source
    if mention is None and att.frame == "xcomp":
        mention = next((c for c in att.cue.children if c.dep_ == "nsubjpass"), None)
    return mention is not None and mention.pos_ == "NOUN" and mention.lemma_.lower() in _MUTE \
        and mention.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE")


def _cue_quoted_outside(att: Attribution, regions: Sequence[QuoteRegion]) -> bool:
    """ "…to blame for focusing on “he said this, he tweeted that”": a cue inside quote marks is
    someone's quoted words; what it tells can only be quoted with it, never the writer's words
    around the quotation (transcript lines aside: their label may sit inside a stray mark)."""
    if att.frame == "line":
        return False
    at = att.cue.idx
    for region in regions:
        if region.open_at > at:
            break
        if region.start <= at < region.end:
            return att.start < region.open_at or att.end > region.close_end
    return False


def _expected_not_speaking(att: Attribution) -> bool:
    """ "The vote is expected to be close", "Prices are set to rise": a passive cue's subject is
    what is expected of, not who expects (in the PolNeAR training split 3 of 118 such subjects
    are the source; 111 attributions have none); a named agent ("by analysts") would speak."""
    source, cue = att.source, att.cue
    if source is None or att.frame != "xcomp" or source.dep_ != "nsubjpass" or source.head.i != cue.i:
        return False
    if cue.lemma_.lower() in HEARD_SPEAKING:
        return False  # "she was quoted as saying", "he can be heard shouting": the subject speaks
    return not any(child.dep_ == "agent" for child in cue.children)


def select(cands: list[Attribution], threshold: Thresholds, cue_class: dict[str, str],
           rules: Sequence[Attribution] = (), learnt: frozenset[tuple[str, str]] = frozenset(),
           speaking: frozenset[str] = frozenset()) -> list[Attribution]:
    """Each cue's best reading above its threshold, then the rule system's choice for cues the model
    left out (measured on dev: +1.3 content F1, +0.3 source F1 over the model alone), without
    attributions nested in another's content."""
    found = decide(cands, threshold, cue_class, learnt, speaking)
    chosen = {att.cue.i for att in found}
    found += [att for att in rules if att.cue.i not in chosen]
    found.sort(key=lambda a: (a.cue.i, a.start))  # text order: pronouns resolve to earlier speakers
    nouns = {att.cue.i for att in found if att.cue.pos_ == "NOUN"}
    found = [att for att in found if not _light_verb(att, nouns) and not _naming_relative(att)]
    found = [att for att in found if not _swallows_likelier(att, found)]
    release_turns(found)
    return [att for att in found if not _nested(att, found)]


# The clause a parenthetical cue hangs off ("…, he said, …"): a reading the parse offers whenever a
# cue sits in a side clause, so it often takes in a whole sentence that has a cue of its own.
_HEAD_FRAMES = ("head", "head_wrap", "head_after")


def _swallows_likelier(att: Attribution, found: list[Attribution]) -> bool:
    """ "When Ann noted that X, Bo boasted, '…'", "In a statement, the union called her a
    'champion', citing …": the clause a side cue hangs off holds the cue and words of a likelier
    statement; that statement stands and the side cue's reading of the clause does not (else the
    nesting rule would keep the wider, wrong one)."""
    if att.frame not in _HEAD_FRAMES:
        return False
    return any(other is not att and att.start <= other.cue.idx < att.end and att.start <= other.start
               and other.end <= att.end and other.score > att.score for other in found)


def _light_verb(att: Attribution, noun_cues: set[int]) -> bool:
    """ "made the claim that…": the noun is the cue, not the verb whose object it is."""
    if att.frame != "dobj":
        return False
    return any(child.dep_ == "dobj" and child.i in noun_cues for child in att.cue.children)


def _naming_relative(att: Attribution) -> bool:
    """ "denouncing what it calls 'the biggest attack'", "what he sees as the conditions for…": a
    cue whose object is the free relative "what" before it names a thing in someone's words
    inside the writer's (or another speaker's) clause; it is no statement of its own. Nor is a
    naming participle on a noun ("a hacking group known as Cozy Wolf", "a levy dubbed 'the
    window tax'"): the writer gives a name, nobody says anything."""
    if att.frame in ("direct", "line", "according"):
        return False
    cue = att.cue
    if cue.dep_ == "acl" and cue.lower_ in _NAMING_PARTICIPLES:
        return True
    return any(c.dep_ == "dobj" and c.lower_ == "what" and c.i < cue.i for c in cue.children)


_NAMING_PARTICIPLES = frozenset({"known", "dubbed", "nicknamed", "named"})


def _tidy_end(text: str, start: int, end: int) -> int:
    """Without the comma a quote closes on inside its marks ('"…we will respond," he said')."""
    while end > start + 1 and (text[end - 1] in ",;:" or text[end - 1].isspace()):
        end -= 1
    return end


def _unquoted(regions: list[QuoteRegion], start: int, end: int, kind: str) -> tuple[int, int, str]:
    """A content that is one quotation with its marks ('"We will respond," the minister told
    ...' read as an object) is the quotation's inside: the record's contents carry no marks."""
    for region in regions:
        if region.open_at == start and end - 1 <= region.close_end <= end + 1 and region.end > region.start:
            return region.start, region.end, "direct"
        if region.open_at > start:
            break
    return start, end, kind


def content_parts(att: Attribution) -> list[list[int]] | None:
    """The pieces of a quote that its cue splits, when it is in more than one; else None."""
    pieces = [[r.start, r.end] for r in att.regions if att.start <= r.start and r.end <= att.end]
    return pieces if len(pieces) > 1 else None


def extract_quotes(doc: Doc, article: Article) -> None:
    """Fill ``article.quotes`` and ``article.actors``."""
    exclude = article.dateline_span
    index = build_actors(doc, exclude)
    # named office holders only: a role met later without its country ("the foreign ministry") is
    # left to the events stage, which reads the phrase around it
    lend_story_country(index.actors, story_country(doc, article.dateline.place if article.dateline else None, exclude))
    resolver = SpeakerResolver(doc, index)
    finder, found = find_attributions(doc, exclude=exclude)
    text = finder.text  # Doc.text is rebuilt from the tokens on every access
    quotes = []
    for att in found:
        # "according to X" names its speaker with "to", and a passive's subject is no addressee
        att.addressee = finder.addressee(att.cue) if att.frame not in NAMING_FRAMES and att.frame != "passive" else None
        cue = TextSpan(text[att.cue.idx:att.cue_end], att.cue.idx, att.cue_end)
        start, end, kind = _unquoted(finder.regions, att.start, att.end, att.kind)
        end = _tidy_end(text, start, end)
        parts = content_parts(att)
        if parts is not None:
            parts = [[s, _tidy_end(text, s, e)] for s, e in parts]
        quotes.append(Quote(text[start:end], start, end, kind, cue, _speaker(doc, text, att, resolver),
                            att.addressee.text if att.addressee is not None else None, parts))
    article.quotes = quotes
    article.actors = index.actors
