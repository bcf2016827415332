"""Finding event triggers in a parsed sentence and coding them with the verb-pattern lexicon.

A trigger is a verb (with its particle: "call for", "pull out") listed in ``verbs.tsv``. Its
CAMEO code is the first object pattern of its block whose word groups all occur on the verb's
object side (direct object, prepositional phrases, complements, passive subject), else the
block's default code. A block default of ``---`` means "not an event unless a pattern says so".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from dateline.actors.anonymity import unnamed_source
from dateline.actors.tables import get_tables
from dateline.events.clauses import CIRCUMSTANCE_MARKS, CIRCUMSTANCE_PREPS, introduced_by
from dateline.events.lexicon import Lexicon
from dateline.nlp import text_of
from dateline.words import columns_of, sentence_root, words_of

OBJECT_SIDE = frozenset({"dobj", "dative", "prep", "xcomp", "attr", "oprd", "acomp", "nsubjpass", "prt",
                         "advcl", "ccomp", "npadvmod", "obj", "pobj"})
MAX_OBJECT_WORDS = 40
MEASURE_NOUNS = frozenset({"day", "week", "month", "series", "wave", "round", "number", "string", "spate", "hour",
                           "state"})  # "declared a state of emergency": the state is the emergency
TRIGGER_POS = frozenset({"VERB"})
MODIFIER_DEPS = frozenset({"amod", "compound"})
NOUN_CLAUSE_DEPS = frozenset({"acl", "advcl"})
PARTICIPLES = frozenset({"VBG", "VBN"})
ASKING_VERBS = frozenset({"call", "ask", "appeal", "press", "push", "campaign", "lobby"})
# Written or spoken messages: a participle on one is what the message says ("a statement urging
# Libya to ...", "a report accusing the army of ..."), an act of whoever issued it.
MESSAGE_NOUNS = frozenset({"statement", "communique", "communiqué", "declaration", "letter", "resolution", "report",
                           "message", "memo", "memorandum", "petition", "motion", "note"})


@dataclass
class Candidate:
    token: Token
    code: str
    specificity: int  # number of pattern word groups matched (0 = verb default)
    particle: str = "-"


@dataclass
class Coded:
    """A candidate event while the sentence is being coded."""

    cand: Candidate
    plover: str
    code: str
    depth: int
    absorbed: bool = False
    must: bool = False  # "X must do Y" reported from a speaker: the speaker demands it
    own_view: bool = False  # "we must stay united", said the minister: the speaker's statement
    option: bool = False  # "is considering sending aid": a policy option weighed (CAMEO 014)
    issued: bool = False  # "issued a statement urging ...": the issuer's own act, not one reported
    speaker_of: list[Coded] = field(default_factory=list)


@dataclass
class DocInfo:
    """Per-token attributes of a doc as plain lists, read once with ``Doc.to_array`` (creating a
    spaCy Token object per look-up is what makes a pass over a sentence costly)."""

    lowers: list[str]
    lemmas: list[str]  # lower-cased
    pos: list[str]
    deps: list[str]
    tags: list[str]
    stop: list[bool]
    text: str
    spaces: list[int]  # whether a space follows the token


def doc_info(doc: Doc) -> DocInfo:
    cached: DocInfo | None = doc.user_data.get("dateline_info")
    if cached is None:
        c = columns_of(doc)
        cached = DocInfo(lowers=c.lowers, lemmas=list(map(str.lower, c.lemmas)), pos=c.pos, deps=c.deps,
                         tags=c.tags, stop=list(map(bool, c.stop)), text=text_of(doc),
                         spaces=c.spaces)
        doc.user_data["dateline_info"] = cached
    return cached


def _circumstance(tok: Token) -> bool:
    """A phrase that tells when or why, not what is acted on: "as the country reeled from
    attacks", "because of the shelling", "amid protests"."""
    if tok.dep_ == "advcl":
        return introduced_by(tok, CIRCUMSTANCE_MARKS)
    return tok.dep_ == "prep" and tok.lower_ in CIRCUMSTANCE_PREPS


def _describes_object(tok: Token) -> bool:
    """A relative or participial clause on a noun of the object ("the march staged by students to
    protest the decision", "nationals suspected of bombing a plane"): it says who or what the noun
    is, not what the verb does to it. An infinitive keeps its words: "an agreement to promote
    trade" is a trade agreement."""
    return tok.dep_ == "relcl" or tok.dep_ == "acl" and tok.tag_ in PARTICIPLES


def _not_acted_on(start: int, end: int, verb: Token) -> set[int]:
    """Tokens of [start, end) that the verb does not act on: a circumstance phrase nested in the
    object ("rejected an offer to extend the truce as the country reeled from attacks", parsed
    onto "extend") or a clause describing one of its nouns."""
    info, words = doc_info(verb.doc), words_of(verb.doc)
    deps, lowers = info.deps, info.lowers
    out: set[int] = set()
    for i in range(start, end):
        if i in out or not (deps[i] in {"advcl", "acl", "relcl"} or deps[i] == "prep" and lowers[i] in CIRCUMSTANCE_PREPS):
            continue
        tok = words[i]
        if _describes_object(tok) or _circumstance(tok):
            out.update(range(tok.left_edge.i, tok.right_edge.i + 1))
    return out


def object_words(verb: Token) -> set[str]:
    """Lower-case forms and lemmas of the words on the object side of ``verb`` (bounded)."""
    info = doc_info(verb.doc)
    lowers, lemmas, pos = info.lowers, info.lemmas, info.pos
    words: set[str] = set()
    budget = MAX_OBJECT_WORDS
    for child in verb.children:
        if child.dep_ not in OBJECT_SIDE or child.i < verb.i and child.dep_ != "nsubjpass":
            continue
        if child.dep_ == "advcl" and child.tag_ == "VBG":
            continue  # ", prompting a sharp warning": a consequence, not what the verb acts on
        if _circumstance(child):
            continue  # "rejected the offer as the country reeled from attacks": when or why, not what
        # A subtree is a contiguous range of tokens: read it off the per-doc word lists.
        start, end = child.left_edge.i, min(child.right_edge.i + 1, child.left_edge.i + budget)
        skip = _not_acted_on(start, end, verb)
        if skip or "PROPN" in pos[start:end]:  # "clashed with the Rapid Support Forces": a name is no pattern word
            keep = [i for i in range(start, end) if pos[i] != "PROPN" and i not in skip]
            words.update(lowers[i] for i in keep)
            words.update(lemmas[i] for i in keep)
        else:
            words.update(lowers[start:end])
            words.update(lemmas[start:end])
        if "-" in lowers[start + 1:end - 1]:
            words.update(_hyphen_words(info, start, end))
        budget -= end - start
        if budget <= 0:
            break
    return words


def _hyphen_words(info: DocInfo, start: int, end: int) -> set[str]:
    """The hyphenated words of tokens start..end as the dictionaries spell them: the tokenizer
    splits "cease-fire" into "cease", "-", "fire", so a pattern word written with its hyphen
    matched nothing."""
    lowers, lemmas, spaces = info.lowers, info.lemmas, info.spaces
    joined = set()
    for i in range(start + 1, end - 1):
        if lowers[i] == "-" and not spaces[i - 1] and not spaces[i]:
            joined.add(f"{lowers[i - 1]}-{lowers[i + 1]}")
            joined.add(f"{lowers[i - 1]}-{lemmas[i + 1]}")
    return joined


def _particle(verb: Token, lemma: str, lex: Lexicon) -> str:
    for child in verb.children:
        if child.dep_ in {"prt", "prep"} and child.lower_ in lex.particles and (lemma, child.lower_) in lex.verbs:
            return child.lower_
    return "-"


def trigger_lemma(verb: Token, lex: Lexicon) -> str:
    """The verb's lemma, or the lexicon verb its inflected form comes from when the lemmatizer cut
    a final "e" or a doubled consonant wrongly ("fined" is no "fin", "staged" no "stag", "waging"
    no "wag"): a lemma the lexicon does not know is tried against the regular English endings."""
    lemma = verb.lemma_.lower()
    if lemma in lex.verb_lemmas or verb.pos_ != "VERB":
        return lemma
    form = verb.lower_
    for suffix, tags in _ENDINGS:
        if form.endswith(suffix) and verb.tag_ in tags and len(form) > len(suffix) + 1:
            guess = next((g for g in _base_forms(form[: -len(suffix)], suffix) if g in lex.verb_lemmas), None)
            if guess is not None:
                return guess
    return lemma


_ENDINGS = (("ed", {"VBD", "VBN"}), ("es", {"VBZ"}), ("s", {"VBZ"}), ("ing", {"VBG"}))


def _base_forms(stem: str, suffix: str) -> Iterator[str]:
    """The base forms a regular ending may have come from: "fin-ed" fine or fin, "wagg-ing" wag,
    "carri-ed" carry."""
    yield stem + "e"
    yield stem
    if stem[-1:] == stem[-2:-1]:
        yield stem[:-1]
    if suffix != "ing" and stem.endswith("i"):
        yield stem[:-1] + "y"


# Verbs that are an act only done to someone ("executed three prisoners", "prisoners were
# executed"): with no object they tell how well something was done ("the team executed well").
OBJECT_ONLY_VERBS = frozenset({"execute"})


# "government forces", "the army's positions"; not an adjective of kind ("military aid", which the
# aid patterns read as such)
OWNER_DEPS = frozenset({"compound", "nmod", "poss"})


def _only_as_owner(verb: Token, group: frozenset[str]) -> bool:
    """ "attacked government forces", "shelled army positions": the pattern's one word (the
    dictionary's "attack the government", a verbal attack) only says whose the thing acted on is;
    the forces are attacked. Only a role word the actor tables know counts as an owner."""
    agents = get_tables().agents
    hits = [t for t in verb.doc[verb.i + 1:verb.right_edge.i + 1] if t.lower_ in group or t.lemma_.lower() in group]
    return bool(hits) and all(t.dep_ in OWNER_DEPS and t.pos_ == "NOUN" and t.head.pos_ == "NOUN"
                              and t.head.i != t.i and t.lemma_.lower() in agents for t in hits)


def code_trigger(verb: Token, lex: Lexicon) -> Candidate | None:
    """The CAMEO coding of ``verb`` if the lexicon knows it as an event trigger."""
    lemma = trigger_lemma(verb, lex)
    particle = _particle(verb, lemma, lex)
    entry = lex.verb(lemma, particle) or lex.verb(lemma)
    if entry is None:
        return None
    block, default = entry
    if _breaks(verb, "out"):
        return None  # "clashes broke out", "a fire broke out": the subject's event, if any, not destruction
    if _ends(verb) and _talks_subject(verb, lex):
        return None  # "talks stalled": the talks' halting, read off the noun (nominal_candidate)
    if lemma in OBJECT_ONLY_VERBS and not any(c.dep_ in {"dobj", "nsubjpass"} for c in verb.children):
        return None
    patterns = lex.patterns.get(block)
    if patterns:
        # Only the object words some pattern of this verb uses can match one, and only the
        # patterns that use one of them can match: try those, in the block's order.
        words = object_words(verb) & lex.pattern_words[block]
        index = lex.pattern_index[block]
        for at in sorted({i for word in words for i in index[word]}):
            pattern = patterns[at]
            if pattern.verb not in {"-", lemma}:
                continue  # written for another verb of the block: "take part" is no "capture part"
            if all(not group.isdisjoint(words) for group in pattern.groups):
                if len(pattern.groups) == 1 and _only_as_owner(verb, pattern.groups[0]):
                    continue
                if pattern.code == "---":
                    return None  # "executed the plan": with this object the verb is no act
                return Candidate(verb, pattern.code, len(pattern.groups), particle)
    if default in {"---", ""}:
        return None
    if any(c.dep_ == "oprd" for c in verb.children):
        return None  # "called the exercises a rehearsal": naming something is a comment, not the verb's act
    return Candidate(verb, default, 0, particle)


def noun_trigger(verb: Token, lex: Lexicon) -> Candidate | None:
    """A support verb made an event by its object noun: "staged mass demonstrations"."""
    if trigger_lemma(verb, lex) not in lex.support_verbs and verb.lower_ not in lex.support_verbs:
        return None
    if any(c.dep_ in {"prt", "oprd"} for c in verb.children):
        # "called off a strike" is the particle verb's event, not the noun's; "called the exercises
        # a rehearsal for invasion" names the exercises, it does not hold them
        return None
    for child in verb.children:
        nouns = [child] if child.dep_ in {"dobj", "nsubjpass"} else []
        if child.dep_ == "prep" and child.lower_ in {"on", "in", "for"}:  # "went on strike", "gathered for a rally"
            if child.lower_ == "for" and verb.lemma_.lower() in ASKING_VERBS:
                continue  # "called for sanctions": the sanctions are asked for, not imposed
            nouns = [p for p in child.children if p.dep_ == "pobj"]
        for noun in list(nouns):  # "launched ten days of war games", "a series of strikes"
            if noun.lemma_.lower() in MEASURE_NOUNS:
                nouns += [p for prep in noun.children if prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj"]
        for noun in nouns:
            code = _noun_code(noun, lex)
            if code:
                return Candidate(verb, code, 1)
    return None


def _noun_code(noun: Token, lex: Lexicon) -> str | None:
    """An event noun's code, its compound read first: an "air strike" is a bombing and "peace
    talks" are talks, whatever the head noun alone would say (a labour "strike")."""
    lemma = noun.lemma_.lower()
    whole = _hyphenated(noun)
    if whole is not None:
        code = lex.nouns.get(f"{whole}{lemma}") or lex.nouns.get(f"{whole}{noun.lower_}")
        if code:
            return code
    for child in noun.children:
        if child.dep_ in {"compound", "amod"} and child.i < noun.i:
            code = lex.nouns.get(f"{child.lemma_.lower()} {lemma}")
            if code:
                return code
    return lex.nouns.get(lemma) or lex.nouns.get(noun.lower_)


def _hyphenated(noun: Token) -> str | None:
    """The first part of a hyphenated noun the tokenizer split ("sit-in" is "sit", "-", "in",
    headed by "in"), with its hyphen: "sit-"; None when the noun is no such last part."""
    if noun.i < 2:
        return None
    doc = noun.doc
    hyphen, first = doc[noun.i - 1], doc[noun.i - 2]
    if hyphen.text != "-" or hyphen.whitespace_ or first.whitespace_ or first.head.i != noun.i:
        return None
    return f"{first.lower_}-"


def describes(tok: Token, lex: Lexicon) -> bool:
    """Verb forms that describe rather than report an act: participles used as modifiers
    ("newly appointed", "a railway linking Kunming and Hanoi", "militiamen armed with machetes"),
    and infinitives completing a noun of need or purpose ("the need for X to reinforce their
    unity", "in order to counter the threats")."""
    if tok.dep_ in MODIFIER_DEPS:
        return True
    if tok.dep_ not in NOUN_CLAUSE_DEPS or tok.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    if tok.tag_ in PARTICIPLES and tok.dep_ == "acl":
        if sentence_root(tok.doc, tok.i).pos_ not in {"VERB", "AUX"}:  # "Doctors from two groups donated ..." parsed verbless
            return False
        if tok.tag_ == "VBG" and tok.head.lemma_.lower() in MESSAGE_NOUNS:
            return False  # "issued a statement condemning the strikes": the statement's act
        # "a declaration demanding that Ankara provide ...": a participle carrying a clause reports it
        return not any(c.dep_ in {"nsubj", "aux", "ccomp", "xcomp"} for c in tok.children)
    return tok.head.lemma_.lower() in lex.non_event_nouns and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


# Sending, deploying or the arrival of peacekeepers is providing peacekeeping (CAMEO 074, AID),
# not a show of force (154) or a visit (040); the word may sit in the subject ("peacekeeping
# troops arrived") as well as the object ("deployed 200 peacekeepers").
PEACEKEEPING_CODE = "074"
TROOP_MOVES = frozenset({"deploy", "arrive", "station", "send", "dispatch", "land", "begin", "start"})


def peacekeeping(verb: Token) -> bool:
    """Whether ``verb`` moves peacekeepers (its subject or an object-side phrase names them)."""
    if verb.lemma_.lower() not in TROOP_MOVES:
        return False
    lowers = doc_info(verb.doc).lowers
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass", "dobj", "prep", "xcomp", "advcl", "oprd"}:
            if any(lowers[i].startswith(("peacekeep", "peace-keep")) for i in range(child.left_edge.i,
                                                                                    child.right_edge.i + 1)):
                return True
    return False


def find_candidates(sent: Span, lex: Lexicon) -> list[Candidate]:
    info = doc_info(sent.doc)
    words = words_of(sent.doc)
    out = []
    for i in range(sent.start, sent.end):
        if info.pos[i] not in TRIGGER_POS or info.deps[i] in MODIFIER_DEPS:
            continue
        tok = words[i]
        if info.lowers[i] == "according" and i + 1 < sent.end and info.lowers[i + 1] == "to":
            continue  # "according to officials" cites a source; it is not the verb "accord"
        if unnamed_source(tok):
            continue
        if not describes(tok, lex):
            cand = noun_trigger(tok, lex) or code_trigger(tok, lex)
            if peacekeeping(tok):
                cand = Candidate(tok, PEACEKEEPING_CODE, 1)
            if cand is not None:
                out.append(cand)
    root = sentence_root(sent.doc, sent.start)
    if goes_on(root) and not any(c.token.i == root.i for c in out):
        # "riots erupted in Xtown after the results were announced": the main clause's event,
        # though the sentence has other triggers
        named = nominal_candidate(sent, lex)
        if named is not None:
            out.append(named)
    return out


def goes_on(verb: Token) -> bool:
    """A verb that only says its subject event goes on or breaks out ("erupted", "broke out")."""
    if verb.pos_ != "VERB":
        return False
    if verb.lemma_.lower() in ONGOING_VERBS:
        return not any(c.dep_ == "prt" for c in verb.children)
    return _breaks(verb, "out")


def _breaks(verb: Token, particle: str) -> bool:
    """ "broke out", "broke down": the verb "break" with this particle."""
    return verb.lemma_.lower() == "break" and any(c.dep_ == "prt" and c.lower_ == particle for c in verb.children)


# Verbs that only say an event goes on or breaks out: the event is their subject noun.
ONGOING_VERBS = frozenset({"resume", "continue", "begin", "start", "erupt", "intensify", "escalate", "rage",
                           "spread", "open", "flare"})
# Verbs that say talks came to nothing ("talks collapsed", "negotiations stalled"; and "broke
# down"): CAMEO's halting of negotiations, between the talks' parties.
ENDING_VERBS = frozenset({"collapse", "stall", "fail", "founder", "falter"})
HALT_TALKS = "164"
CONSULT_ROOT = "04"
# Event nouns that name an event only as a support verb's object ("opened fire"): alone, or
# breaking out, they are no act ("a bus fire erupted").
BARE_NOUN_NON_EVENTS = frozenset({"fire"})


def nominal_candidate(sent: Span, lex: Lexicon) -> Candidate | None:
    """The event a sentence names with a noun and no event verb: a headline's verbless phrase
    ("Xland air strikes on rebel bases") or an event noun under a verb that only says it goes on
    ("talks resumed in Geneva", "protests spread to the capital"). For sentences with no trigger."""
    root = sentence_root(sent.doc, sent.start)
    verbless = "VERB" not in doc_info(sent.doc).pos[sent.start:sent.end]
    noun: Token | None = root if root.pos_ == "NOUN" and verbless else None
    if goes_on(root):
        noun = next((c for c in root.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
    ending = _ends(root)
    if ending:
        noun = _talks_subject(root, lex)
    if noun is None or noun.lemma_.lower() in BARE_NOUN_NON_EVENTS:
        return None
    if ending:  # "talks between Xland and Yland collapsed": the negotiations are halted
        return Candidate(noun, HALT_TALKS, 1)
    code = _noun_code(noun, lex)
    if code is None and noun is not root:  # "clashes broke out", "fighting continued"
        code = lex.outbreak_nouns.get(noun.lemma_.lower()) or lex.outbreak_nouns.get(noun.lower_)
    return Candidate(noun, code, 1) if code else None


def _talks_subject(verb: Token, lex: Lexicon) -> Token | None:
    """The verb's subject when it names negotiations ("talks", "negotiations", "peace talks")."""
    noun = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
    code = _noun_code(noun, lex) if noun is not None else None
    return noun if code and code.startswith(CONSULT_ROOT) else None


def _ends(verb: Token) -> bool:
    """A verb saying an event came to nothing: "collapsed", "stalled", "broke down" (not "failed
    to agree", where the clause's own act is read)."""
    if verb.pos_ != "VERB" or any(c.dep_ in {"xcomp", "ccomp"} for c in verb.children):
        return False
    return verb.lemma_.lower() in ENDING_VERBS or _breaks(verb, "down")
