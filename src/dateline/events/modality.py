"""Polarity and modality of an event trigger, read off the dependency parse.

``negated``: a negation on the trigger or on the verb chain that governs it ("did not agree",
"refused to..." is a REJECT of its own and stays positive). Modality is one of
asserted | intended | possible | requested | reported:

* ``possible``  — can/could/may/might, or a conditional clause ("if ...")
* ``intended``  — will/would/shall, going to, plans/wants/ready/willing/prepared to (not "decided to":
  CAMEO codes a decision taken as the act it decides)
* ``requested`` — the trigger is what someone was asked to do (kept on absorbed requests)
* ``reported``  — inside a quotation or the complement of a reporting verb
"""

from __future__ import annotations

from spacy.tokens import Token

POSSIBLE_AUX = frozenset({"can", "could", "may", "might", "ca"})
INTENDED_AUX = frozenset({"will", "would", "shall", "'ll", "wo", "’ll"})
INTENT_HEADS = frozenset({"plan", "want", "intend", "ready", "willing", "prepared", "prepare", "hope", "seek",
                          "aim", "promise", "pledge", "vow", "swear", "expect", "offer", "agree", "try",
                          "going", "set", "able", "eager", "keen", "determined", "consider", "propose"})
REQUEST_HEADS = frozenset({"ask", "urge", "request", "demand", "call", "appeal", "press", "petition", "invite",
                           "beg", "implore", "encourage", "tell", "order"})
REPORT_HEADS = frozenset({"say", "tell", "report", "announce", "state", "claim", "add", "note", "declare",
                          "confirm", "quote", "insist", "stress", "reiterate", "explain", "write", "believe",
                          "think", "argue", "suggest", "allege", "acknowledge", "indicate"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})


def is_negated(trigger: Token) -> bool:
    """A negation attached to the trigger or to its auxiliary chain."""
    for child in trigger.children:
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ in {"never"}):
            return True
    head = trigger
    # "did not agree to send": the negation sits on the governing verb of an xcomp chain
    while head.dep_ == "xcomp" and head.head.i != head.i:
        head = head.head
        if any(c.dep_ == "neg" for c in head.children):
            return True
    return False


def _aux_modality(tok: Token) -> str | None:
    for child in tok.children:
        if child.dep_ in {"aux", "auxpass"}:
            low = child.lower_
            if low in POSSIBLE_AUX:
                return "possible"
            if low in INTENDED_AUX:
                return "intended"
    return None


def modality_of(trigger: Token, in_quote: bool) -> str:
    """The modality of the event at ``trigger`` (see module doc)."""
    found = _aux_modality(trigger)
    if found:
        return found
    tok = trigger
    for _ in range(4):  # walk the verb chain upwards: "is ready to send", "said it would send"
        if tok.dep_ == "advcl" and any(c.lower_ in CONDITIONAL_MARKS for c in tok.children if c.dep_ == "mark"):
            return "possible"
        head = tok.head
        if head.i == tok.i:
            break
        dep = tok.dep_
        if dep == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            dep = "xcomp"  # "sworn to fight" parsed as a purpose clause
        if dep in {"xcomp", "ccomp", "acomp"}:
            lemma = head.lemma_.lower()
            if dep == "xcomp" and (lemma in INTENT_HEADS or head.lower_ in INTENT_HEADS):  # "going to send"
                return "intended"
            if dep == "xcomp" and lemma in REQUEST_HEADS:
                return "requested"
            if lemma in REPORT_HEADS:
                return "reported"
            found = _aux_modality(head)
            if found and dep == "xcomp":
                return found
        elif dep not in {"conj", "acomp"}:
            break
        tok = head
    return "reported" if in_quote else "asserted"
