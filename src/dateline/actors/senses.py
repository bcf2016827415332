"""Role words with a second sense that is no actor: read from the phrase around them."""

from __future__ import annotations

from spacy.tokens import Token

# "Settlement" is a community in the Phoenix agents (Israeli settlements); the singular word so
# qualified, or of a dispute, is an agreement ("a political settlement of the conflict")
AGREED_SETTLEMENT = frozenset({"political", "peaceful", "negotiated", "diplomatic", "final", "comprehensive",
                               "lasting", "durable", "peace", "historic", "tax", "financial", "legal", "interim",
                               "overall", "just", "court"})
DISPUTE_NOUNS = frozenset({"conflict", "dispute", "issue", "crisis", "question", "claim", "case", "war"})


def settles_a_dispute(head: Token) -> bool:
    if head.tag_ != "NN":
        return False
    for child in head.children:
        if child.dep_ in {"amod", "compound"} and child.lower_ in AGREED_SETTLEMENT:
            return True
        if child.dep_ == "prep" and child.lower_ == "of" and any(
                p.lemma_.lower() in DISPUTE_NOUNS for p in child.children if p.dep_ == "pobj"):
            return True
    return False
