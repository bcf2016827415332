"""Where an act's parties sit in the parse: the subject of a verb (through passives, control and
coordination), and the phrases that may name its target, in order of preference."""

from __future__ import annotations

from spacy.tokens import Token

from dateline.words import sentence_start, words_of

SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
TARGET_PREPS = ("to", "with", "against", "on", "at", "from", "for", "into", "upon", "over", "toward",
                "towards", "in", "of", "about", "between", "among")
# Prepositions that name the party of the thing acted on ("condolences to X", "sanctions against X").
OBJECT_PARTY_PREPS = frozenset({"to", "against", "on", "toward", "towards"})
ADDRESSEE_VERBS = frozenset({"demand", "ask", "urge", "request", "insist", "warn", "threaten", "propose",
                             "recommend", "appeal", "press", "push", "call"})

# Nouns of a stance towards what someone will do or did: the subject of the clause they carry is
# the one the stance is about ("expressed hope the Croatian government will ...", "voiced concern
# that Ruritania may ...", "reiterated its demand that Peru repeal ...").
STANCE_NOUNS = frozenset({"hope", "demand", "call", "appeal", "request", "ultimatum", "insistence", "concern", "fear",
                          "surprise", "regret", "optimism", "pessimism", "confidence", "expectation", "wish",
                          "warning", "doubt", "satisfaction", "disappointment", "dismay", "anger", "outrage"})

# Nouns of what someone said or asked: whoever put it forward is the one answered ("denied
# charges by X", "rejected a proposal from X"), the "by" or "from" often parsed onto the verb.
CLAIM_NOUNS = frozenset({"charge", "accusation", "allegation", "claim", "demand", "request", "proposal", "offer",
                         "call", "plea", "appeal", "criticism", "complaint", "invitation", "ultimatum"})

# Verbs of taking something from someone: the one it is taken from is the target, before the
# town or the arms taken ("recaptured the port of Xville from the rebels", "seized weapons from
# the gang"), whether the parser hangs the "from" on the verb or on the thing taken.
TAKING_VERBS = frozenset({"seize", "capture", "recapture", "retake", "take", "wrest", "regain", "grab",
                          "confiscate", "liberate", "reclaim", "snatch", "win", "conquer"})

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


def is_temporal_clause(clause: Token) -> bool:
    """An adverbial clause that tells when ("after talks were suspended", "as the army withdrew")."""
    return clause.dep_ == "advcl" and introduced_by(clause, TEMPORAL_MARKS)


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
        for child in head.children:  # "X is expected to visit", "Y was urged to release": X visits, Y releases
            if child.dep_ == "nsubjpass":
                return child
        return subject_of(head)
    if verb.dep_ in {"conj", "advcl"} and head.i != verb.i and head.pos_ in {"VERB", "AUX"}:
        return subject_of(head)
    return subject_left(verb)


def subject_left(verb: Token) -> Token | None:
    """A subject the parser attached elsewhere: the noun phrase right before the verb
    ("..., Moscow and Minsk approved" parsed as an apposition)."""
    i = verb.i - 1
    start = sentence_start(verb.doc, verb.i)
    words = words_of(verb.doc)
    while i >= start and words[i].pos_ in {"AUX", "ADV", "PART"}:
        i -= 1
    if i < start:
        return None
    tok = words[i]
    if tok.pos_ not in {"PROPN", "NOUN"} or tok.dep_ in {"compound", "amod", "nsubjpass"}:
        return None  # a passive subject is what the act was done to
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def object_heads(verb: Token) -> list[Token]:
    """Candidate target phrase heads in order of preference."""
    out: list[Token] = _taken_from(verb) if verb.lemma_.lower() in TAKING_VERBS else []
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    for child in verb.children:
        if child.dep_ == "dative" and child.pos_ == "ADP":  # "send systems to Ukraine"
            out.extend(p for p in child.children if p.dep_ == "pobj")
        elif child.dep_ in {"dative", "dobj"} or (passive and child.dep_ == "nsubjpass"):
            out.append(child)
            if child.dep_ == "dobj":  # "expressed condolences to X over Y": the object's addressee first
                out.extend(p for prep in child.children if prep.dep_ == "prep" and prep.lower_ in OBJECT_PARTY_PREPS
                           for p in prep.children if p.dep_ == "pobj")
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
            out.extend(prep_objects(child))
    nested = list(out)
    for _ in range(2):  # "an attack on X", "a sit-in in protest of X's decree"
        deeper = [p for obj in nested for child in _preps_of(obj)
                  if child.lower_ in TARGET_PREPS
                  for p in prep_objects(child)]
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
        elif child.dep_ == "dobj" and child.lemma_.lower() in STANCE_NOUNS:
            out.extend(_stance_subjects(child))
    out.extend(_claimants(verb))
    if not out:
        out.extend(_shared_objects(verb))
    return out


def _taken_from(verb: Token) -> list[Token]:
    """The party a "from" phrase names as the one a thing is taken from, on the verb or on its object."""
    holders = [verb] + [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    return [p for holder in holders for prep in holder.children
            if prep.dep_ == "prep" and prep.lower_ == "from" for p in prep_objects(prep)]


def _shared_objects(verb: Token) -> list[Token]:
    """ "condemned and rejected the decision", "donated and delivered goods to X": the object
    written once, on the second verb, is the first one's too (when the two share a subject)."""
    if any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children):
        return []
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.pos_ != "VERB" or any(c.dep_ in SUBJECT_DEPS | {"nsubjpass"} for c in conj.children):
            continue
        if any(c.dep_ == "dobj" for c in conj.children):
            return object_heads(conj)
    return []


def _claimants(verb: Token) -> list[Token]:
    """Who put forward the claim an active verb answers, by a "by" or "from" parsed onto the verb."""
    if is_passive(verb) or not any(c.dep_ == "dobj" and c.lemma_.lower() in CLAIM_NOUNS for c in verb.children):
        return []
    return [p for c in verb.children if c.dep_ == "prep" and c.lower_ in {"by", "from"} and c.i > verb.i
            for p in c.children if p.dep_ == "pobj"]


def _stance_subjects(noun: Token) -> list[Token]:
    """The subjects of the clause a stance noun carries ("hope (that) X will ...")."""
    return [s for clause in noun.children if clause.dep_ in {"acl", "ccomp"} and clause.i > noun.i
            for s in clause.children if s.dep_ in {"nsubj", "nsubjpass"} and s.i < clause.i]


def prep_objects(prep: Token) -> list[Token]:
    """A preposition's objects; one written once after coordinated prepositions is each one's
    ("curbs on travel to and from X": to X as much as from X)."""
    own = [p for p in prep.children if p.dep_ == "pobj"]
    if own:
        return own
    return [p for other in prep.conjuncts if other.i > prep.i for p in other.children if p.dep_ == "pobj"]


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


def infinitive_object_verb(tok: Token) -> Token | None:
    """The verb whose object noun the infinitive ``tok`` spells out ("rejected an invitation to
    attend", "praised its efforts to improve", "issued an ultimatum to X to halt"): CAMEO codes
    the rejection, the praise, the ultimatum; the invited, attempted or demanded act is its content."""
    noun = tok.head
    if tok.dep_ not in {"acl", "relcl"} or not is_purpose(tok) or noun.pos_ != "NOUN":
        return None
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    return verb if noun.dep_ in {"dobj", "pobj"} and verb.i != noun.i else None
