"""Event dates (issue 5): the ``event_dates`` stage.

``date_events`` gives every event the time expression that governs its clause (dependency
path), else the nearest in its sentence, else the article's own date, marked as dated by report.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .record import Article, EventDate, Timex
from .timex import VERBAL, tokens_of

_CLAUSE_LINKS = {"conj", "xcomp", "advcl", "acl", "relcl", "ccomp", "pcomp"}


def _clause_head(token: Token) -> Token:
    """The verb heading the clause a token belongs to (itself when it is one)."""
    for _ in range(10):
        if token.pos_ in VERBAL or token.head.i == token.i:
            return token
        token = token.head
    return token


def _conjoined(verb: Token) -> set[int]:
    """Verbs sharing modifiers by coordination: "approved X and concluded Y" on December 6."""
    group = {verb.i}
    top = verb
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
        group.add(top.i)
    stack = [top]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ == "conj" and child.pos_ in VERBAL and child.i not in group:
                group.add(child.i)
                stack.append(child)
    return group


def governing_timex(doc: Doc, trigger: Span, candidates: list[tuple[Timex, Span]]) -> Timex | None:
    """The time expression attached (through its head path) to the trigger's clause."""
    trigger_tokens = {t.i for t in trigger}
    clause = _conjoined(_clause_head(trigger.root))
    best: tuple[int, Timex] | None = None
    for timex, span in candidates:
        token, steps = span.root, 0
        while token.head.i != token.i and steps < 12:
            token, steps = token.head, steps + 1
            if token.i in trigger_tokens or token.i in clause:
                if best is None or steps < best[0]:
                    best = (steps, timex)
                break
            if token.pos_ in VERBAL and token.dep_ in _CLAUSE_LINKS | {"ROOT"}:
                break  # reached another clause's verb without meeting the event's
    return best[1] if best else None


def _event_date(timex: Timex) -> EventDate:
    return EventDate(text=timex.text, earliest=timex.earliest, latest=timex.latest)


def date_events(doc: Doc, article: Article) -> None:
    """Give each event in ``article.events`` its date."""
    datable = [t for t in article.times if t.type in ("DATE", "TIME") and (t.earliest or t.latest)]
    anchor = article.anchor_date
    for event in article.events:
        sentence = [(t, s) for t in datable if event.sentence.start <= t.start and t.end <= event.sentence.end
                    and (s := tokens_of(doc, t.start, t.end)) is not None]
        trigger = tokens_of(doc, event.trigger.start, event.trigger.end)
        chosen = governing_timex(doc, trigger, sentence) if trigger is not None and sentence else None
        if chosen is None and sentence:
            middle = (event.trigger.start + event.trigger.end) / 2
            chosen = min(sentence, key=lambda ts: abs((ts[0].start + ts[0].end) / 2 - middle))[0]
        if chosen is not None:
            event.date = _event_date(chosen)
        else:
            event.date = EventDate(text=None, earliest=anchor, latest=anchor, by_report=True)
