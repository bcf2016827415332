"""Event dates (issue 5): the ``event_dates`` stage.

``date_events`` gives every event the time expression that governs its clause (dependency
path); else the date of an occasion named earlier that a phrase of the clause, or of the clause
reporting it, refers back to ("Following the meeting, X said that he had asked …", see
``timex.occasions``); else the nearest expression in its sentence; else the article's own date,
marked as dated by report.
"""

from __future__ import annotations

from datetime import timedelta

from spacy.tokens import Doc, Span, Token

from dateline.events.modality import REPORT_HEADS
from dateline.record import Article, DateVia, EventDate, TextSpan, Timex
from dateline.timex import calendar as cal
from dateline.timex.direction import VERBAL, clause_head, reporting_verb, verb_tense
from dateline.timex.occasions import Anaphor, anaphors
from dateline.timex.stage import tokens_of

_CLAUSE_LINKS = {"conj", "xcomp", "advcl", "acl", "relcl", "ccomp", "pcomp"}


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
    clause = _conjoined(clause_head(trigger.root))
    best: tuple[int, Timex] | None = None
    for timex, span in candidates:
        token, steps = span.root, 0
        while token.head.i != token.i and steps < 12:
            came_from, token, steps = token, token.head, steps + 1
            if token.pos_ in VERBAL:
                token = reporting_verb(token, came_from)  # "said on Tuesday it would …": the saying's
            if token.i in trigger_tokens or token.i in clause:
                if best is None or steps < best[0]:
                    best = (steps, timex)
                break
            if token.pos_ in VERBAL and token.dep_ in _CLAUSE_LINKS | {"ROOT"}:
                break  # reached another clause's verb without meeting the event's
    return best[1] if best else None


def _own_clause_verb(span: Span) -> Token | None:
    """The first verb above an expression: the event it modifies."""
    token = span.root
    for _ in range(12):
        if token.head.i == token.i:
            return None
        came_from, token = token, token.head
        if token.pos_ in VERBAL and not (span.start <= token.i < span.end):
            return reporting_verb(token, came_from)
    return None


def _dates_another_event(span: Span, clause: set[int]) -> bool:
    """The expression modifies an event told inside the trigger's clause, not the trigger: in
    "accused him of attacking a guard on Monday" Monday is the attack's, not the accusation's."""
    verb = _own_clause_verb(span)
    if verb is None or verb.i in clause or verb.dep_ not in _CLAUSE_LINKS:
        return False  # "Following the March 3 session, …": a preposition, not an event of its own
    return any(a.i in clause for a in verb.ancestors)


def _against_direction(timex: Timex, tense: str | None, anchor: str | None) -> bool:
    """A past event does not take a date ahead of the report ("thanked voters … next year"), nor a
    future one a date wholly before it: the expression belongs to another event of the sentence."""
    if not anchor:
        return False
    if tense == "past" and timex.earliest and timex.earliest > anchor:
        return True
    return tense == "future" and timex.latest is not None and timex.latest < anchor


def _candidates(doc: Doc, trigger: Span | None, sentence: list[tuple[Timex, Span]],
                anchor: str | None) -> list[tuple[Timex, Span]]:
    """The sentence's expressions that may date the trigger's event, read the same way as the
    expressions themselves (``timex.direction``)."""
    if trigger is None:
        return sentence
    head = clause_head(trigger.root)
    clause = _conjoined(head)
    tense = verb_tense(head) if head.pos_ in VERBAL else None
    return [(t, s) for t, s in sentence
            if not _dates_another_event(s, clause) and not _against_direction(t, tense, anchor)]


def _event_date(timex: Timex) -> EventDate:
    return EventDate(text=timex.text, earliest=timex.earliest, latest=timex.latest)


def placing_anaphor(doc: Doc, trigger: Span, found: list[Anaphor]) -> Anaphor | None:
    """The reference back to an occasion that places the trigger's clause, or a clause above it:
    "Following the meeting, X said that he had asked …" places the asking with the statement."""
    placing: dict[int, Anaphor] = {}
    for anaphor in found:
        for i in _conjoined(doc[anaphor.verb]):
            placing.setdefault(i, anaphor)
    if not placing:
        return None
    verb = clause_head(trigger.root)
    for _ in range(8):
        if verb.i in placing:
            return placing[verb.i]
        if verb.head.i == verb.i:
            break
        verb = clause_head(verb.head)
    return None


def _day_before(day: str | None) -> str | None:
    parsed = cal.parse_iso(day)
    return (parsed - timedelta(days=1)).isoformat() if parsed else None


def _occasion_interval(relation: str, first: str | None, last: str | None, statement: bool,
                       report: str | None) -> tuple[str | None, str | None]:
    """Earliest and latest day of a clause placed against an occasion's days (docs/time.md).

    A statement made "following" or "before" an occasion is taken as made right after or right
    before it, the same day: wire copy reports remarks to the press that way, and a later or an
    earlier statement would carry its own date. Any other act "after" it may fall on any day up to
    the report.
    """
    if relation == "at":
        return first, last
    if relation == "after":
        if statement:
            return first, last
        return first, report if report and first and report >= first else None
    if relation == "before":
        return None, first if statement else _day_before(first)
    return _day_before(first), _day_before(first)  # "on the eve of"


def _anaphor_date(doc: Doc, anaphor: Anaphor, report: str | None, text: str) -> EventDate:
    """The date an event takes from the occasion it is placed against. Events reported by the
    placed statement share its date, as they do when a time expression dates the statement."""
    occasion, day = anaphor.occasion, anaphor.date
    statement = doc[anaphor.verb].lemma_.lower() in REPORT_HEADS
    earliest, latest = _occasion_interval(anaphor.relation, day.earliest, day.latest, statement, report)
    mention = TextSpan(text[occasion.start:occasion.end], occasion.start, occasion.end)
    via = DateVia(anaphor.relation, anaphor.start, anaphor.end, mention, day.value)
    return EventDate(text=anaphor.text, earliest=earliest, latest=latest, via=via)


def date_events(doc: Doc, article: Article) -> None:
    """Give each event in ``article.events`` its date."""
    # the dateline's date is the filing's, not an event's ("ANKARA, May 2 - ... on Tuesday struck"):
    # an event it would date takes the report's date anyway, marked as such
    filed = article.dateline_span or (0, 0)
    datable = [t for t in article.times if t.type in ("DATE", "TIME") and (t.earliest or t.latest)
               and not filed[0] <= t.start < filed[1]]
    anchor = article.anchor_date
    found = anaphors(doc, article.times, anchor, article.text) if article.events else []
    for event in article.events:
        sentence = [(t, s) for t in datable if event.sentence.start <= t.start and t.end <= event.sentence.end
                    and (s := tokens_of(doc, t.start, t.end)) is not None]
        trigger = tokens_of(doc, event.trigger.start, event.trigger.end)
        sentence = _candidates(doc, trigger, sentence, anchor)
        chosen = governing_timex(doc, trigger, sentence) if trigger is not None and sentence else None
        placing = placing_anaphor(doc, trigger, found) if chosen is None and trigger is not None else None
        if placing is not None:
            event.date = _anaphor_date(doc, placing, anchor, article.text)
            continue
        if chosen is None and sentence:
            middle = (event.trigger.start + event.trigger.end) / 2
            chosen = min(sentence, key=lambda ts: abs((ts[0].start + ts[0].end) / 2 - middle))[0]
        if chosen is not None:
            event.date = _event_date(chosen)
        else:
            event.date = EventDate(text=None, earliest=anchor, latest=anchor, by_report=True)
