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


# "Force" is the military in the Phoenix agents ("the multinational force"); force used, shown or
# threatened, or done "by force", is a means, not a party
FORCE_MEANS_HEADS = frozenset({"use", "threat", "show", "resort", "display"})
FORCE_MEANS_MODIFIERS = frozenset({"excessive", "lethal", "deadly", "brute", "disproportionate", "unnecessary",
                                   "reasonable", "minimal", "maximum"})


def force_as_means(head: Token) -> bool:
    if head.tag_ != "NN":
        return False
    if any(c.dep_ == "amod" and c.lower_ in FORCE_MEANS_MODIFIERS for c in head.children):
        return True
    prep = head.head
    if head.dep_ != "pobj" or prep.i == head.i:
        return False
    if prep.lower_ in {"by", "with"}:
        return not any(c.dep_ == "det" for c in head.children)
    return prep.lower_ == "of" and prep.head.lemma_.lower() in FORCE_MEANS_HEADS
