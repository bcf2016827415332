"""Deeply nested HTML made shallow before the page extractor sees it.

libxml2 (under lxml and trafilatura) stops building the tree at 256 levels of nesting, and a
page nested deeper — generated markup, or a page built to hide its text — came out with no text
at all (E109). Past ``MAX_DEPTH`` levels the wrapping tags (``div``, ``span``, ``font`` …) are
dropped, their text kept, so the page reads as the same words in a shallower tree. Tags that
carry text structure (paragraphs, headings, lists, tables, line breaks) are always kept.
"""

from __future__ import annotations

import re
from collections import Counter

MAX_DEPTH = 200  # below libxml2's 256, with room for the tags that are always kept
_TAG = re.compile(r"<(/?)([A-Za-z][\w:.-]*)\b[^>]*?(/?)>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
         "track", "wbr"}
_KEPT = {"p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table", "tr", "td", "th",
         "blockquote", "pre", "article", "main", "body", "html", "head", "title", "script", "style"}


def flatten_deep(html: str, max_depth: int = MAX_DEPTH) -> str:
    """``html`` with the wrapping tags deeper than ``max_depth`` removed; unchanged (the same
    object) when it is not that deep, which a count of its tags usually shows at once."""
    if html.count("<") <= max_depth:
        return html
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # open elements: name, kept
    open_names: Counter[str] = Counter()  # the names in ``stack``: a lookup, not a scan per tag
    depth = 0  # kept elements open
    last = 0
    changed = False
    for m in _TAG.finditer(html):
        closing, name, self_closing = m.group(1), m.group(2).lower(), m.group(3)
        drop = False
        if closing:
            if open_names[name]:
                while stack:
                    popped, kept = stack.pop()
                    open_names[popped] -= 1
                    depth -= kept
                    if popped == name:
                        drop = not kept
                        break
        elif name not in _VOID and not self_closing:
            kept = depth < max_depth or name in _KEPT
            stack.append((name, kept))
            open_names[name] += 1
            depth += kept
            drop = not kept
        if drop:
            out.append(html[last:m.start()])
            out.append(" ")
            last = m.end()
            changed = True
    if not changed:
        return html
    out.append(html[last:])
    return "".join(out)
