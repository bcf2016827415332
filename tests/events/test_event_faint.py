"""Beside the main act of a sentence, an act the coder judges less than half as likely coded
right as the main one is no event of its own (it costs precision far more than it adds)."""

from __future__ import annotations

from dateline.events.stage import FAINT, SentenceCoder
from dateline.record import Article, Event, EventActor, Offsets, TextSpan


def _event(cameo: str, confidence: float, negated: bool = False) -> Event:
    return Event(type="X", cameo=cameo, quad=1, goldstein=0.0, source=[EventActor(name="Xland", country="XLD")],
                 target=[], sentence=Offsets(0, 10), trigger=TextSpan("did", 0, 3), negated=negated,
                 confidence=confidence)


def _coded(nlp, events: list[Event]) -> list[Event]:
    text = "The minister praised the plan and said talks would resume."
    doc = nlp(text)
    coder = SentenceCoder(doc, Article(id="t", text=text))
    coder.code_with_evidence = lambda sent: [(e, {}) for e in events]  # type: ignore[method-assign]
    return coder.code(next(iter(doc.sents)))


def test_a_faint_act_beside_the_main_one_is_dropped(nlp):
    main, faint = _event("051", 0.6), _event("040", 0.6 * FAINT - 0.01)
    assert _coded(nlp, [main, faint]) == [main]


def test_an_act_nearly_as_likely_as_the_main_one_stays(nlp):
    main, second = _event("051", 0.6), _event("040", 0.55)
    assert _coded(nlp, [main, second]) == [main, second]


def test_a_faint_main_act_stays(nlp):
    # the sentence's main act is kept however unsure the coder is of it
    main = _event("051", 0.12)
    assert _coded(nlp, [main]) == [main]


def test_the_main_act_is_the_first_asserted_one(nlp):
    # a negated act first is no main act: the faint test is against the first asserted one
    negated, main, faint = _event("120", 0.9, negated=True), _event("051", 0.3), _event("040", 0.1)
    assert _coded(nlp, [negated, main, faint]) == [negated, main]


def test_faint_violence_beside_the_main_act_stays(nlp):
    # violence or coercion a clause tells still happened: no faint cut for material conflict
    main, attack = _event("111", 0.8), _event("190", 0.2)
    attack.quad = 4
    assert _coded(nlp, [main, attack]) == [main, attack]
