"""Verb chains: which of two coded verbs, one governing the other, is the sentence's event.

A statement yields to the act it reports ("said it had shelled" is the shelling, reported); a verb
of mere intention to what it intends; a judging speech verb ("denied that ...") keeps its own
event and speaks for the one judged; a message's participle ("issued a statement urging ...") is
the issuer's act; other governors absorb what they govern ("agreed to withdraw" is one AGREE).
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.events.clauses import infinitive_object_verb, is_purpose, is_temporal_clause
from dateline.events.lexicon import Lexicon
from dateline.events.modality import REPORT_HEADS
from dateline.events.patterns import MESSAGE_NOUNS, Coded

CHAIN_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "pobj", "prep", "advcl", "acomp", "dobj", "conj_"})
OBLIGATION_AUX = frozenset({"must", "should"})
# Verbs of mere intention: what they govern is the event (with modality intended), unlike
# agree/offer/promise/threaten/refuse, which are events of their own.
INTENT_ONLY = frozenset({"plan", "intend", "prepare", "decide", "want", "aim", "seek", "vow", "swear", "try",
                         "attempt", "expect", "hope"})
# Speech verbs that judge what they report: the judgement is the speaker's own event against
# the one judged ("accused the army of shelling", "denied that its troops fired"), not a report.
EVALUATIVE_SPEECH = frozenset({"allege", "claim", "accuse", "blame", "complain", "condemn", "criticize", "criticise",
                               "denounce", "deny", "dismiss", "reject", "praise", "welcome", "refute"})
SENDING_VERBS = frozenset({"send", "dispatch", "despatch", "deploy"})
# Verbs that put out a message: the message's act is theirs ("issued a statement urging ...").
MESSAGE_CARRIERS = frozenset({"issue", "release", "publish", "put", "send", "adopt", "pass", "approve", "circulate",
                              "post", "deliver", "write", "read", "make"})


def _governor(tok: Token, by_index: dict[int, Coded]) -> tuple[Coded | None, str]:
    """The nearest candidate that governs ``tok`` through a complement chain, and the first link."""
    first = tok.dep_
    for _ in range(4):
        if tok.dep_ not in CHAIN_DEPS or tok.head.i == tok.i:
            return None, first
        tok = tok.head
        if tok.i in by_index:
            return by_index[tok.i], first
    return None, first


def is_statement(code: str) -> bool:
    """CAMEO root 01: a statement, which PLOVER does not code (its type is None)."""
    return code.startswith("01")


def _message_carrier(tok: Token, by_index: dict[int, Coded]) -> Coded | None:
    """The candidate that issued the message whose participle ``tok`` is ("issued a statement
    calling on ...", "adopted a resolution criticizing ..."): a vehicle for the message's act."""
    noun = tok.head
    if tok.dep_ != "acl" or tok.tag_ != "VBG" or noun.lemma_.lower() not in MESSAGE_NOUNS:
        return None
    if noun.dep_ not in {"dobj", "nsubjpass"} or noun.head.i == noun.i:
        return None
    carrier = by_index.get(noun.head.i)
    return carrier if carrier is not None and carrier.cand.token.lemma_.lower() in MESSAGE_CARRIERS else None


def _object_infinitive(tok: Token, by_index: dict[int, Coded]) -> bool:
    """An infinitive spelling out the object of a coded act ("rejected an invitation to attend"):
    the act's content, no event of its own; not under a statement, whose plan is the event."""
    verb = infinitive_object_verb(tok)
    gov = by_index.get(verb.i) if verb is not None else None
    return gov is not None and not gov.option and not is_statement(gov.code) and gov.cand.token.lemma_.lower() not in REPORT_HEADS


def _sent_to_investigate(c: Coded, gov: Coded, link: str) -> bool:
    """An investigation (CAMEO 09) that is the purpose of sending people ("dispatched inspectors to
    examine the site"): CAMEO codes the investigation, the sending being how it is carried out.
    Only sending: "closed the border to address concerns" stays a closure."""
    return (c.code.startswith("09") and link in {"advcl", "xcomp"} and is_purpose(c.cand.token)
            and gov.cand.token.lemma_.lower() in SENDING_VERBS)


def _going_to(tok: Token) -> bool:
    """ "going to" before a bare verb is English's future ("Xland is going to impose tariffs"),
    the way "will" is: the verb it governs is the act, and "go" no visit or meeting."""
    return tok.lemma_.lower() == "go" and tok.tag_ == "VBG" and any(
        c.dep_ == "xcomp" and c.tag_ == "VB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in tok.children)


def resolve_chains(coded: list[Coded], lex: Lexicon) -> None:
    """Collapse verb chains: statements yield to what they report, other governors absorb."""
    by_index = {c.cand.token.i: c for c in coded}
    for c in coded:
        if _going_to(c.cand.token):
            c.absorbed = True  # "is going to impose": a future, no going anywhere
            continue
        carrier = _message_carrier(c.cand.token, by_index)
        if carrier is not None:  # the statement's act is the event, done by who issued it
            carrier.absorbed = True
            carrier.speaker_of.append(c)
            c.issued = True
            continue
        if _object_infinitive(c.cand.token, by_index):
            c.absorbed = True
            continue
        gov, link = _governor(c.cand.token, by_index)
        if gov is None or _going_to(gov.cand.token):
            continue
        gov_lemma = gov.cand.token.lemma_.lower()
        if gov.option:
            c.absorbed = True  # the option weighed is no act yet: the weighing is the statement
            continue
        if gov_lemma in INTENT_ONLY and link in {"xcomp", "ccomp", "advcl"}:
            gov.absorbed = True  # "plans to impose": the planned act is the event, intended
            continue
        if _sent_to_investigate(c, gov, link):
            gov.absorbed = True  # "sent a team to investigate the crash": the investigation is the event
            continue
        if gov_lemma in EVALUATIVE_SPEECH and link != "conj":
            c.absorbed = True  # "denied that its troops shelled ...": the denial is the speaker's event
            gov.speaker_of.append(c)
        elif (is_statement(gov.code) or gov_lemma in REPORT_HEADS) and is_temporal_clause(c.cand.token):
            continue  # "expressed pessimism after talks were suspended": two acts, the statement the main one
        elif (is_statement(gov.code) and link != "xcomp") or gov_lemma in REPORT_HEADS:
            # a statement reports a clause; an infinitive is what it declines or claims to do
            # ("declined to comment on the talks" is the refusal to comment, not the talks)
            gov.absorbed = True
            gov.speaker_of.append(c)
            c.must = any(a.dep_ == "aux" and a.lower_ in OBLIGATION_AUX for a in c.cand.token.children)
        elif link != "conj":
            c.absorbed = True
