"""Full-text queries: a user's words made safe for SQLite FTS5."""

from __future__ import annotations

import re


def fts_query(user_query: str) -> str:
    """Escape a user's query for FTS5: every word a quoted term, all required.

    A trailing ``*`` on a word keeps its prefix search; nothing else of FTS5's syntax gets
    through, so a stray quote or parenthesis can never make a query fail.
    """
    terms = []
    for word in re.findall(r"[\w'’*.-]+", user_query):
        prefix = word.endswith("*")
        core = word.strip("*.'’-")
        if core:
            terms.append('"' + core.replace('"', '""') + '"' + ("*" if prefix else ""))
    return " ".join(terms)


def like_pattern(words: str) -> str:
    """A LIKE pattern matching ``words`` anywhere, its own ``%`` and ``_`` taken literally (use with
    ``ESCAPE '\\'``): `--speaker %` looks for a percent sign, it does not match everyone."""
    escaped = words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def ts_terms(user_query: str) -> list[tuple[str, bool]]:
    """The same words as ``fts_query``, for PostgreSQL: (word, is a prefix) pairs. Each word is
    later read by PostgreSQL's own parser as document text is (``phraseto_tsquery``), so "U.S.-owned"
    matches what it matches in the text; a prefix word keeps its letters and digits only, the
    one form ``word:*`` takes. No operator of tsquery's syntax ever comes from the user."""
    terms = []
    for word in re.findall(r"[\w'’*.-]+", user_query):
        prefix = word.endswith("*")
        core = word.strip("*.'’-")
        if prefix:
            core = "<->".join(re.findall(r"[^\W_]+", core))
        if core:
            terms.append((core, prefix))
    return terms
