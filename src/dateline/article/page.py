"""HTML pages → main text and metadata: trafilatura, and a few block rules on top.

trafilatura finds the main content and the metadata (title, date, author, site name, language).
We run it in its precision mode without comments, take its content tree (not its flat text)
and walk the blocks ourselves, because the tree still tells us what plain text cannot:

- a block whose words are nearly all link text is navigation ("related stories" lists, tag
  clouds, "next article" teasers), not article prose;
- the page's own headline (``<h1>``) repeats the title and is not part of the body.

Before trafilatura sees the page we prune what a reader never sees as prose: hidden elements
(``hidden``, ``aria-hidden``, inline ``display:none``), teaser articles nested in the story and
clusters of links nested inside a paragraph (hover cards and inline "related" widgets that would
otherwise run into the sentence). When the precision mode finds much less text than trafilatura's
default mode, the page is one whose content the stricter mode cut away, and we take the default
mode's tree instead. After it, prose paragraphs of the content container that the extractor
skipped are put back.

Every rule is measured with and without it on the dev pages, each URL domain held out in turn
(``benchmarks/html_anchor.py``). Rules that did not hold up on sites outside the ones they were
written for are gone: line patterns of site furniture, a readability-based tail trim, press-release
tail patterns (see docs/architecture.md).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from dateline.errors import Code, DatelineError

# Blocks whose text is at least this share link text are navigation.
LINK_DENSITY_MAX = 0.6
# A block this long is prose even when it is mostly links (a linked quote, a link-rich lead).
LINK_BLOCK_MAX_WORDS = 40
# The precision mode is trusted unless it keeps less than this share of the default mode's words.
PRECISION_MIN_SHARE = 0.55
TITLE_OVERLAP = 0.6
# When the block rules would drop every block, a page with at least this many words keeps them all.
KEEP_ALL_MIN_WORDS = 12
# A cluster of at least this many links inside a paragraph, nearly all link text, is a widget.
INLINE_WIDGET_LINKS = 3
INLINE_WIDGET_LINK_SHARE = 0.8
# Recovery of skipped prose: a page paragraph counts as taken when this share of its 3-grams is in
# our text, as missed below the second share; prose has this many words, few of them links.
RECOVER_TAKEN_SHARE = 0.8
RECOVER_MISSED_SHARE = 0.2
RECOVER_MIN_WORDS = 12
RECOVER_MAX_LINK_SHARE = 0.3
RECOVER_MIN_TAKEN = 3
TWIN_SCOPE_LEVELS = 3
# A twin container with a single paragraph is a quote or claim box, not a chunk of the story.
TWIN_MIN_PARAGRAPHS = 2
_SENTENCE_END = set(".!?\"'”’»)…:")
_FURNITURE_TAGS = {"nav", "aside", "footer", "header", "figure", "figcaption", "form", "blockquote", "li"}
_FURNITURE_CLASS = re.compile(r"related|promo|newsletter|subscri|comment|caption|share|social|"
                              r"sidebar|footer|teaser|recommend|author|byline|bio\b|disclaimer", re.IGNORECASE)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_WORD = re.compile(r"\w+", re.UNICODE)
_EMBED_CLASS = re.compile(r"\b(twitter-tweet|instagram-media|tiktok-embed)\b")
_BLOCK_TAGS = {"p", "head", "quote", "list", "table", "code", "div", "item", "row"}


# Each rule on top of trafilatura has a name, so benchmarks/html_anchor.py can measure the text
# with and without it (a rule stays only when it helps with every dev domain held out in turn).
RULES = ("hidden", "nested_teasers", "inline_widgets", "embeds", "precision_fallback", "navigation",
         "title_heading", "recover_prose", "repeats", "sign_off")
_rules_off: frozenset[str] = frozenset()


def rule_on(name: str) -> bool:
    return name not in _rules_off


@contextmanager
def rules_off(*names: str) -> Iterator[None]:
    """Switch rules off for the duration (for measuring them; not thread-safe, not for production)."""
    global _rules_off
    saved = _rules_off
    _rules_off = saved | frozenset(names)
    try:
        yield
    finally:
        _rules_off = saved


@dataclass
class Page:
    text: str
    title: str | None = None
    date: str | None = None
    author: str | None = None
    sitename: str | None = None
    url: str | None = None
    language: str | None = None
    description: str | None = None
    paragraphs: list[str] = field(default_factory=list, repr=False)

    def meta(self) -> dict[str, Any]:
        return {k: v for k, v in {"author": self.author, "sitename": self.sitename,
                                  "page_language": self.language}.items() if v}


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


# -- trafilatura ---------------------------------------------------------------------------
def _bare(tree: Any, url: str | None, precision: bool) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        copy.deepcopy(tree), url=url, with_metadata=True, include_comments=False,
        include_tables=True, include_links=True, favor_precision=precision,
    )


def load_tree(html: str) -> Any:
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        raise DatelineError(Code.NO_BODY, "not an HTML document")
    return tree


# -- pruning -------------------------------------------------------------------------------
def _is_hidden(element: Any) -> bool:
    return (element.get("hidden") is not None or element.get("aria-hidden") == "true"
            or bool(_HIDDEN_STYLE.search(element.get("style") or "")))


def _is_inline_widget(element: Any) -> bool:
    links = list(element.iter("a"))
    if len(links) < INLINE_WIDGET_LINKS:
        return False
    text = "".join(element.itertext()).strip()
    link_chars = sum(len("".join(a.itertext()).strip()) for a in links)
    return link_chars >= INLINE_WIDGET_LINK_SHARE * max(1, len(text))


def _remove_keeping_tail(element: Any) -> None:
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _element_words(element: Any) -> int:
    return len(words(element.text_content() if hasattr(element, "text_content")
                     else "".join(element.itertext())))


def nested_teasers(tree: Any) -> list[Any]:
    """``<article>`` elements inside an article that has prose of its own: teaser cards.

    HTML5 nests an article only for a self-contained item inside it (a related post, a
    comment, a video card). Several nested articles are a list of such items; a single one is
    dropped only when the outer article has more words of its own, so a wrapper whose real
    story sits in one nested article is left alone.
    """
    doomed = []
    for outer in tree.iter("article"):
        if any(a.tag == "article" for a in outer.iterancestors()):
            continue
        inner = [a for a in outer.iter("article") if a is not outer]
        inner = [a for a in inner if not any(b in inner for b in a.iterancestors())]
        if not inner:
            continue
        sizes = [_element_words(a) for a in inner]
        if len(inner) > 1 or _element_words(outer) - sum(sizes) > max(sizes):
            doomed.extend(inner)
    return doomed


def unwrap_embeds(tree: Any) -> None:
    """Lift embedded posts (tweets, Instagram captions) out of wrappers that trafilatura
    discards as social widgets: a quoted post is part of the story, as editors place it."""
    for quote in list(tree.iter("blockquote")):
        if not _EMBED_CLASS.search(quote.get("class") or ""):
            continue
        wrapper = quote.getparent()
        if wrapper is None or wrapper.tag != "div" or wrapper.getparent() is None:
            continue
        others = [c for c in wrapper if c is not quote and c.tag not in ("script", "noscript")]
        if not others and not (wrapper.text or "").strip():
            quote.tail = wrapper.tail
            wrapper.getparent().replace(wrapper, quote)


def prune_tree(tree: Any) -> Any:
    """Remove hidden elements, nested teaser articles and link widgets nested in paragraphs
    (innermost widget only); lift embedded posts out of their widget wrappers."""
    if rule_on("embeds"):
        unwrap_embeds(tree)
    doomed = []
    if rule_on("hidden"):
        doomed = [el for el in tree.iter() if isinstance(el.tag, str) and _is_hidden(el)]
    if rule_on("nested_teasers"):
        doomed.extend(nested_teasers(tree))
    for paragraph in tree.iter("p") if rule_on("inline_widgets") else ():
        for el in paragraph.iter("span", "div"):
            if el is paragraph or not _is_inline_widget(el):
                continue
            # the outer span of a hover card holds the real name; drop only the card inside it
            if not any(_is_inline_widget(d) for d in el.iter("span", "div") if d is not el):
                doomed.append(el)
    for element in doomed:
        _remove_keeping_tail(element)
    return tree


def _trigrams_list(tokens: list[str]) -> list[tuple[str, str, str]]:
    return list(zip(tokens, tokens[1:], tokens[2:]))


def _trigrams(tokens: list[str]) -> set[tuple[str, str, str]]:
    return set(_trigrams_list(tokens))


# -- blocks ----------------------------------------------------------------------------------
@dataclass
class Block:
    text: str
    tag: str
    link_words: int
    words: int

    @property
    def link_share(self) -> float:
        return self.link_words / self.words if self.words else 0.0


def _text_of(element: Any) -> str:
    if element.tag == "row":  # table cells are separate words even when the markup runs them on
        return " ".join(filter(None, (_text_of(cell) for cell in element)))
    return " ".join("".join(element.itertext()).split())


def _link_words(element: Any) -> int:
    return sum(len(words(_text_of(ref))) for ref in element.iter("ref"))


def space_line_breaks(body: Any) -> None:
    """A line break (``<lb/>``) separates words: "Tampa, FL<lb/>June 3" reads "FL June", not "FLJune"."""
    for lb in body.iter("lb"):
        lb.tail = " " + (lb.tail or "")


def blocks_of(body: Any) -> list[Block]:
    """The content tree's blocks in order; lists and tables give one block per item or row."""
    found: list[Block] = []
    for child in body:
        if child.tag in ("list", "table"):
            parts = [el for el in child.iter("item", "row") if el is not child]
            # nested items would be counted twice; keep the outermost only
            parts = [el for el in parts if not any(a in parts for a in el.iterancestors())]
        else:
            parts = [child]
        for part in parts:
            text = _text_of(part)
            if text:
                n = len(words(text))
                found.append(Block(text, child.tag, min(_link_words(part), n), n))
    return found


def is_navigation(block: Block) -> bool:
    return rule_on("navigation") and block.link_share >= LINK_DENSITY_MAX and block.words <= LINK_BLOCK_MAX_WORDS


def _same_as_title(text: str, title: str | None) -> bool:
    if not title:
        return False
    a, b = set(words(text)), set(words(title))
    if not a or not b:
        return False
    return len(a & b) / max(len(a), len(b)) >= TITLE_OVERLAP


def clean_blocks(blocks: list[Block], title: str | None) -> list[str]:
    """Drop navigation and the repeated headline; return the paragraphs kept."""
    kept = [b for b in blocks if not is_navigation(b)]
    # The page's h1 (first heading, before any prose) restates the title.
    if rule_on("title_heading") and kept and kept[0].tag == "head" and _same_as_title(kept[0].text, title):
        kept.pop(0)
    return [b.text for b in kept]


# -- the story's sign-off ---------------------------------------------------------------------
# A closing paragraph this short that gives an e-mail address to write to, or credits the
# reporting ("Reporting by …", "… contributed to this report"), is the sign-off, not the story.
SIGN_OFF_MAX_WORDS = 60
_CONTACT = re.compile(
    r"[\w.+-]+@[\w-]+\.[a-z]{2,}\b"
    r"|\bcontributed to this (report|story|article)\b|^\(?(additional )?(reporting|writing|editing) by\b",
    re.IGNORECASE)


def drop_sign_off(paragraphs: list[str]) -> list[str]:
    """Drop the closing run of sign-off paragraphs (the story keeps at least its first)."""
    if not rule_on("sign_off"):
        return paragraphs
    end = len(paragraphs)
    while end > 1 and len(words(paragraphs[end - 1])) <= SIGN_OFF_MAX_WORDS and _CONTACT.search(paragraphs[end - 1]):
        end -= 1
    return paragraphs[:end]


# -- recovery of prose the extractor left out --------------------------------------------------
def _prose_elements(root: Any) -> list[Any]:
    """``<p>`` elements under root that read as article prose, outside furniture containers."""
    found = []
    for p in root.iter("p"):
        if any(a.tag in _FURNITURE_TAGS or _FURNITURE_CLASS.search(a.get("class") or "")
               for a in [p, *p.iterancestors()]) or p.getparent() is None:
            continue
        text = " ".join(p.text_content().split())
        n = len(words(text))
        links = sum(len(words(a.text_content())) for a in p.iter("a"))
        if n >= RECOVER_MIN_WORDS and links <= RECOVER_MAX_LINK_SHARE * n and text[-1:] in _SENTENCE_END:
            found.append(p)
    return found


def _common_ancestor(elements: list[Any]) -> Any:
    chain = [elements[0], *elements[0].iterancestors()]
    depth = {id(e): i for i, e in enumerate(chain)}
    best = 0
    for el in elements[1:]:
        for anc in [el, *el.iterancestors()]:
            if id(anc) in depth:
                best = max(best, depth[id(anc)])
                break
    return chain[best]


def _signature(element: Any) -> tuple[str, str]:
    return element.tag, " ".join(sorted((element.get("class") or "").split()))


def _twin_containers(root: Any) -> list[Any]:
    """Containers shaped like root (same tag and classes) under its nearby ancestors: the other
    chunks of an article split into several blocks."""
    signature = _signature(root)
    if not signature[1]:
        return []
    scope = root
    for _ in range(TWIN_SCOPE_LEVELS):
        if scope.getparent() is None or scope.getparent().tag in ("body", "html"):
            break
        scope = scope.getparent()
    return [el for el in scope.iter(root.tag) if el is not root and _signature(el) == signature
            and not any(a is root for a in el.iterancestors())]


def _missed_in_content(root: Any, taken: list[Any], missed: list[Any]) -> list[Any]:
    """Missed prose inside root before its last taken paragraph (a skipped lead or an inner
    gap; prose after the last one was cut on purpose), and all missed prose in twin containers."""
    order = {id(e): i for i, e in enumerate(root.getroottree().iter())}
    last = max(order[id(p)] for p in taken)
    inside = {id(e) for e in root.iter()}
    prose = {id(p) for p in missed}
    twins = set()
    for twin in _twin_containers(root):
        members = [id(e) for e in twin.iter()]
        if sum(1 for m in members if m in prose) >= TWIN_MIN_PARAGRAPHS:
            twins.update(members)
    return [p for p in missed
            if (id(p) in inside and order[id(p)] < last) or id(p) in twins]


def recover_missed_prose(paragraphs: list[str], tree: Any) -> list[str]:
    """Put back prose paragraphs of the content container that the extractor skipped.

    Some pages split one article over several sibling containers (a chunk per ad slot) or set
    the lead in its own wrapper; the extractor then keeps only one part. The container is the
    nearest common ancestor of the page paragraphs we did take; its skipped prose and the prose
    of containers shaped like it go back in document order, each after the taken paragraph
    that precedes it.
    """
    grams = _trigrams(words(" ".join(paragraphs)))
    if not grams or not rule_on("recover_prose"):
        return paragraphs
    taken, missed = [], []
    for p in _prose_elements(tree):
        own = _trigrams_list(words(p.text_content()))
        share = sum(1 for g in own if g in grams) / len(own) if own else 0.0
        if share >= RECOVER_TAKEN_SHARE:
            taken.append(p)
        elif share < RECOVER_MISSED_SHARE:
            missed.append(p)
    if len(taken) < RECOVER_MIN_TAKEN or not missed:
        return paragraphs
    root = _common_ancestor(taken)
    if root.tag in ("body", "html"):
        return paragraphs
    missed = _missed_in_content(root, taken, missed)
    if not missed:
        return paragraphs
    order = {id(e): i for i, e in enumerate(tree.getroottree().iter())}
    # where each taken element sits among our paragraphs: the paragraph holding its first trigram
    anchors = []
    for p in taken:
        first = next(iter(_trigrams_list(words(p.text_content()))), None)
        index = next((i for i, para in enumerate(paragraphs)
                      if first and first in _trigrams(words(para))), None)
        if index is not None:
            anchors.append((order[id(p)], index))
    inserts: dict[int, list[str]] = {}
    for p in sorted(missed, key=lambda e: order[id(e)]):
        before = [index for position, index in anchors if position < order[id(p)]]
        inserts.setdefault(max(before) + 1 if before else 0, []).append(_text_of(p))
    result: list[str] = []
    for i in range(len(paragraphs) + 1):
        result.extend(inserts.get(i, []))
        if i < len(paragraphs):
            result.append(paragraphs[i])
    return result


def _word_count(doc: Any) -> int:
    return len(words(doc.text or "")) if doc is not None else 0


def extract_page(html: str, url: str | None = None) -> Page:
    """A page's main text (paragraphs joined by blank lines) and metadata. Raises E109.

    Our rules never cost a page all its text: when pruning leaves trafilatura nothing, the page
    is read again unpruned, and when the block rules drop every block, the blocks are kept
    (unless they are a bare menu, under ``KEEP_ALL_MIN_WORDS`` words in all)."""
    try:
        return _read_page(prune_tree(load_tree(html)), url)
    except DatelineError as exc:
        if exc.code != Code.NO_BODY:
            raise
        return _read_page(load_tree(html), url)


def _read_page(tree: Any, url: str | None) -> Page:
    precise = _bare(tree, url, precision=True)
    default = _bare(tree, url, precision=False)
    doc = precise
    if rule_on("precision_fallback") and _word_count(precise) < PRECISION_MIN_SHARE * _word_count(default):
        doc = default
    if doc is None or doc.body is None:
        raise DatelineError(Code.NO_BODY)
    meta = default if default is not None else doc
    space_line_breaks(doc.body)
    blocks = blocks_of(doc.body)
    paragraphs = clean_blocks(blocks, meta.title)
    if not paragraphs and sum(b.words for b in blocks) >= KEEP_ALL_MIN_WORDS:
        paragraphs = [b.text for b in blocks]
    paragraphs = recover_missed_prose(paragraphs, tree)
    paragraphs = drop_sign_off(paragraphs)
    if not paragraphs:
        raise DatelineError(Code.NO_BODY)
    return Page(text="\n\n".join(paragraphs), title=meta.title, date=meta.date, author=meta.author,
                sitename=meta.sitename, url=meta.url or url, language=meta.language,
                description=meta.description, paragraphs=paragraphs)
