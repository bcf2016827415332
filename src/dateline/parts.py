"""Long articles in parts: the budget that keeps one article's time and memory bounded.

Parsing a text as one spaCy doc costs memory in proportion to its length and several passes of
the stages compare statements or mentions pairwise, so a 1 MB article used to take gigabytes
and minutes. An article longer than ``WHOLE_CHARS`` is therefore cut, at paragraph breaks, into
parts of about ``PART_CHARS``; each part is parsed and run through the stages as an article of
its own, and the parts' findings are put back together with their offsets moved into the whole
text and their actors numbered on. Time and memory then grow with the length, not its square.

What is lost at a cut: a pronoun or a surname in one part does not reach an actor named in an
earlier part (the later part starts a new actor), and a quote cannot span two parts. Articles up
to ``WHOLE_CHARS`` — nearly every real one — are processed whole, exactly as before.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dateline.errors import MESSAGES, Code
from dateline.nlp import tokens_of
from dateline.record import Actor, Article, Dateline, ErrorInfo

WHOLE_CHARS = 100_000  # articles up to this many characters are processed as one doc
PART_CHARS = 25_000  # the size a part is cut at (a paragraph longer than this is cut at a sentence)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?\s+")


def bounds(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each part of ``text``; one part when it is short enough. Parts cover the
    text exactly, each but the last ending just after a paragraph break (or a sentence end, or at
    worst a space) so no word is cut."""
    if len(text) <= WHOLE_CHARS:
        return [(0, len(text))]
    found: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > PART_CHARS:
        end = _cut(text, start, start + PART_CHARS)
        found.append((start, end))
        start = end
    found.append((start, len(text)))
    return found


def _cut(text: str, start: int, limit: int) -> int:
    """Where a part starting at ``start`` ends: the last paragraph break before ``limit`` in its
    second half, else the last sentence end, else the last space, else ``limit``."""
    floor = start + (limit - start) // 2
    paragraph = text.rfind("\n\n", floor, limit)
    if paragraph != -1:
        return paragraph + 2
    last = None
    for m in _SENTENCE_END.finditer(text, floor, limit):
        last = m.end()
    if last is not None:
        return last
    space = max(text.rfind(" ", floor, limit), text.rfind("\n", floor, limit))
    return space + 1 if space != -1 else limit


def is_long(text: str) -> bool:
    return len(text) > WHOLE_CHARS


def run_in_parts(article: Article, nlp: Language, run_stages: Callable[[Doc, Article], Article]) -> Article:
    """Parse each part and run the stages on it as an article of its own, merging the findings into
    ``article``. The next part is parsed (in a thread: the parser spends most of its time outside
    the GIL) while the stages run on this one; no more than two parts' docs are alive at once."""
    spans = bounds(article.text)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="dateline-part") as parser:
        parsing: Future[Doc] | None = parser.submit(_parse_part, nlp, article, spans[0])
        for i, (start, _end) in enumerate(spans):
            assert parsing is not None
            doc = parsing.result()
            parsing = parser.submit(_parse_part, nlp, article, spans[i + 1]) if i + 1 < len(spans) else None
            part = _part_article(article, doc.text, start)
            run_stages(doc, part)
            _merge(article, part, start)
            del doc, part
    detail = f"{len(spans)} parts of about {PART_CHARS} characters; no speaker or actor links across them"
    article.warnings.append(ErrorInfo(Code.IN_PARTS.value, f"{MESSAGES[Code.IN_PARTS]}: {detail}"))
    return article


def _parse_part(nlp: Language, article: Article, span: tuple[int, int]) -> Doc:
    """One part parsed; the first keeps its dateline a sentence of its own, as a whole article does."""
    start, end = span
    return nlp(tokens_of(nlp, article.text[start:end], article.dateline_span if start == 0 else None))


def _part_article(article: Article, text: str, start: int) -> Article:
    # The dateline stays for the parts after the first (its place and date anchor the whole
    # story), but its span lies in the first part only.
    dateline = article.dateline
    if dateline is not None and start > 0:
        dateline = dataclasses.replace(dateline, start=0, end=0)
    return dataclasses.replace(article, text=text, dateline=dateline, entities=[], actors=[], quotes=[],
                               times=[], events=[], places=[], warnings=[])


def _merge(article: Article, part: Article, offset: int) -> None:
    renamed = {actor.id: f"a{len(article.actors) + i + 1}" for i, actor in enumerate(part.actors)}
    for name in ("entities", "actors", "quotes", "times", "events", "places"):
        items = getattr(part, name)
        for item in items:
            _move(item, offset, renamed)
        getattr(article, name).extend(items)
    for warning in part.warnings:
        if warning not in article.warnings:
            article.warnings.append(warning)


_SHIFTED = ("start", "end")
_PAIRS = ("mentions", "parts")


def _move(value: Any, offset: int, renamed: dict[str, str]) -> None:
    """Shift every char offset in a finding by ``offset`` and rename its actor references, in place."""
    if isinstance(value, Dateline):
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if key in _SHIFTED and isinstance(item, int):
                value[key] = item + offset
            elif key == "actor" and isinstance(item, str):
                value[key] = renamed.get(item, item)
            else:
                _move(item, offset, renamed)
        return
    if isinstance(value, list):
        for item in value:
            _move(item, offset, renamed)
        return
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return
    for f in dataclasses.fields(value):
        item = getattr(value, f.name)
        if f.name in _SHIFTED and isinstance(item, int):
            setattr(value, f.name, item + offset)
        elif f.name in _PAIRS and isinstance(item, list):
            setattr(value, f.name, [[s + offset, e + offset] for s, e in item])
        elif f.name == "actor" and isinstance(item, str):
            setattr(value, f.name, renamed.get(item, item))
        elif f.name == "id" and isinstance(value, Actor):
            value.id = renamed.get(value.id, value.id)
        else:
            _move(item, offset, renamed)


__all__ = ["PART_CHARS", "WHOLE_CHARS", "bounds", "is_long", "run_in_parts"]
