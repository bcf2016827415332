"""Events named by a noun with no event verb: verbless headline-style sentences and event nouns
under verbs that only say the event goes on. Sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.events.stage import extract_events
from dateline.record import Article, Event


def _events(nlp, text: str) -> list[Event]:
    article = Article(id="t", text=text, published="2025-03-04")
    extract_events(nlp(text), article)
    return article.events


@pytest.mark.parametrize(("text", "root", "source", "target"), [
    ("Nigerian air strikes on Cameroonian army posts.", "19", "NGA", "CMR"),
    ("New Japanese sanctions on North Korean shipping firms.", "16", "JPN", "PRK"),
    ("Fresh talks between Armenia and Azerbaijan resumed in Geneva on Monday.", "04", "ARM", "AZE"),
])
def test_a_named_event_is_coded_from_its_noun(nlp, text, root, source, target):
    events = _events(nlp, text)
    assert events, text
    top = max(events, key=lambda e: e.confidence)
    assert top.cameo.startswith(root), (top.cameo, top.trigger.text)
    if source:
        assert source in {a.country for a in top.source}
    assert target in {a.country for a in top.target} | ({a.country for a in top.source} if top.reciprocal else set())


def test_a_noun_that_is_an_event_only_as_an_object_stays_none(nlp):
    assert not _events(nlp, "Kenyan fire over the Ugandan border.")  # a fire, not "opened fire"


def test_a_sentence_with_an_event_verb_is_coded_from_the_verb(nlp):
    events = _events(nlp, "Chadian troops attacked rebel positions near the Libyan border.")
    assert max(events, key=lambda e: e.confidence).trigger.text == "attacked"
