"""Where an act's parties sit in the parse: the subject of a verb (through passives, control and
coordination), and the phrases that may name its target, in order of preference."""

from __future__ import annotations

from spacy.tokens import Token

SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
TARGET_PREPS = ("to", "with", "against", "on", "at", "from", "for", "into", "upon", "over", "toward",
                "towards", "in", "of", "about", "between", "among")
ADDRESSEE_VERBS = frozenset({"demand", "ask", "urge", "request", "insist", "warn", "threaten", "propose",
                             "recommend", "appeal", "press", "push", "call"})

# Verbs whose bare-infinitive complement's subject is the one they act on ("help Fiji recover").
ENABLING_VERBS = frozenset({"help", "let", "make", "assist", "enable", "allow"})
# Subordinators of a clause that tells when something happened ("after troops shelled the town"),
# and, with the causal and concessive ones, of any clause that tells the circumstance of an act
# rather than what it acts on.
TEMPORAL_MARKS = frozenset({"after", "before", "when", "since", "while", "until", "once", "as"})
CIRCUMSTANCE_MARKS = TEMPORAL_MARKS | {"because", "although", "though", "whereas"}
# Prepositions of a phrase that tells when or why an act happened ("closed the border because of
# the fighting", "cancelled the visit amid protests"): a circumstance, not what the verb acts on.
# "as" is left out: "described X as a terrorist", "served as mediator" name the act's role.
CIRCUMSTANCE_PREPS = frozenset({"after", "before", "since", "until", "during", "amid", "amidst", "despite",
                                "because", "following"})


def introduced_by(clause: Token, marks: frozenset[str]) -> bool:
    """Whether a clause's subordinator (its ``mark``) is one of ``marks``."""
    return any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children)


def subject_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            if child.pos_ == "VERB":  # "aid workers active in Yemen said": parsed as a verb subject
                inner = next((c for c in child.children if c.dep_ in SUBJECT_DEPS), None)
                return inner or child
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    head = verb.head
    if verb.dep_ == "xcomp" and head.i != verb.i:
        for child in head.children:  # "asked Putin to deploy": the asked one does it
            if child.dep_ in {"dobj", "dative"}:
                return child
        return subject_of(head)
    if verb.dep_ in {"conj", "advcl"} and head.i != verb.i and head.pos_ in {"VERB", "AUX"}:
        return subject_of(head)
    return subject_left(verb)


def subject_left(verb: Token) -> Token | None:
    """A subject the parser attached elsewhere: the noun phrase right before the verb
    ("..., Moscow and Minsk approved" parsed as an apposition)."""
    i = verb.i - 1
    while i >= verb.sent.start and verb.doc[i].pos_ in {"AUX", "ADV", "PART"}:
        i -= 1
    if i < verb.sent.start:
        return None
    tok = verb.doc[i]
    if tok.pos_ not in {"PROPN", "NOUN"} or tok.dep_ in {"compound", "amod", "nsubjpass"}:
        return None  # a passive subject is what the act was done to
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def object_heads(verb: Token) -> list[Token]:
    """Candidate target phrase heads in order of preference."""
    out: list[Token] = []
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    for child in verb.children:
        if child.dep_ == "dative" and child.pos_ == "ADP":  # "send systems to Ukraine"
            out.extend(p for p in child.children if p.dep_ == "pobj")
        elif child.dep_ in {"dative", "dobj"} or (passive and child.dep_ == "nsubjpass"):
            out.append(child)
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
            out.extend(p for p in child.children if p.dep_ == "pobj")
    nested = list(out)
    for _ in range(2):  # "an attack on X", "a sit-in in protest of X's decree"
        deeper = [p for obj in nested for child in _preps_of(obj)
                  if child.lower_ in TARGET_PREPS
                  for p in child.children if p.dep_ == "pobj"]
        out.extend(deeper)
        nested = deeper
    for child in verb.children:
        if child.dep_ == "xcomp" or (child.dep_ == "advcl" and is_purpose(child)):
            out.extend(object_heads(child))  # "staged a strike to demand reforms by X's government"
        elif child.dep_ == "ccomp" and child.i > verb.i and verb.lemma_.lower() in ENABLING_VERBS:
            # "help Fiji recover": the one enabled is the bare infinitive's subject
            out.extend(c for c in child.children if c.dep_ == "nsubj" and c.i < child.i)
        elif child.dep_ == "ccomp" and child.i > verb.i and verb.lemma_.lower() in ADDRESSEE_VERBS:
            # "demanded that Peru repeal ...": the one asked is the clause's subject
            out.extend(c for c in child.children if c.dep_ in {"nsubj", "nsubjpass"})
    return out


def _preps_of(noun: Token) -> list[Token]:
    """A noun's prepositions, and those of a participle qualifying it: "lifted the sanctions
    imposed on X", "halted aid destined for X" is done to X as much as "sanctions on X"."""
    out: list[Token] = []
    for child in noun.children:
        if child.dep_ == "prep":
            out.append(child)
        elif child.dep_ == "acl" and child.tag_ == "VBN":
            out.extend(c for c in child.children if c.dep_ == "prep")
    return out


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


def is_purpose(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
