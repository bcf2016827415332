"""A source's anonymity formula: "a diplomat who asked not to be named", "officials, who declined
to be identified". The story says why its source goes unnamed; it is neither a request or refusal
(the event coder) nor a statement (the quote stage). Read on the parse, shared by both rooms."""

from __future__ import annotations

from spacy.tokens import Token

ANONYMITY_VERBS = frozenset({"ask", "request", "decline", "refuse", "wish", "want", "prefer"})
UNNAMED = frozenset({"name", "identify", "quote"})


def unnamed_source(tok: Token) -> bool:
    """Whether ``tok`` governs a passive "(not) to be named / identified / quoted"."""
    return tok.lemma_.lower() in ANONYMITY_VERBS and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in UNNAMED and any(g.dep_ == "auxpass" for g in c.children)
        for c in tok.children)
