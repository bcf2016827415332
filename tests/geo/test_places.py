"""Places: gazetteer resolution and event places, on short wire-style texts written for these tests."""

from __future__ import annotations

from collections import Counter

import pytest

from dateline.geo.entities import tag_entities
from dateline.geo.places import place_events, resolve, resolve_places
from dateline.record import Article, Dateline, Event, EventActor, Offsets, TextSpan

STORY = (
    "Lithuania and Belarus traded accusations on Tuesday. Officials said new air defence units "
    "would be stationed in Minsk next year. The Belarusian leader asked Moscow to base more "
    "aircraft in the republic. The two ministers met for talks that ended without a statement."
)


def _event(text: str, trigger: str) -> Event:
    start = text.index(trigger)
    sentence_start = text.rfind(". ", 0, start) + 2 if ". " in text[:start] else 0
    sentence_end = text.find(".", start) + 1
    return Event(type="COERCE", cameo="170", quad=4, goldstein=-5.0, source=[EventActor("x")], target=[],
                 sentence=Offsets(sentence_start, sentence_end),
                 trigger=TextSpan(trigger, start, start + len(trigger)))


@pytest.fixture
def article(nlp):
    doc = nlp(STORY)
    art = Article(id="t", text=STORY, published="2025-02-10",
                  dateline=Dateline(text="VILNIUS, Feb 10", place="VILNIUS", date="2025-02-10", agency=None))
    tag_entities(doc, art)
    resolve_places(doc, art)
    return doc, art


def test_toponyms_resolve_to_gazetteer_entries(article) -> None:
    _, art = article
    by_text = {p["text"]: p for p in art.places}
    assert by_text["Minsk"]["country"] == "BLR"
    assert by_text["Belarus"]["name"] == "Belarus"
    assert by_text["Minsk"]["lat"] == pytest.approx(53.9, abs=0.2)
    for place in art.places:
        assert STORY[place["start"]:place["end"]] == place["text"]


def test_namesakes_prefer_the_articles_countries() -> None:
    assert resolve("Alexandria", Counter({"USA": 3})).iso3 == "USA"
    assert resolve("Alexandria", Counter({"EGY": 1})).iso3 == "EGY"


def test_event_places_from_locatives_and_anaphora_never_the_dateline_by_default(article) -> None:
    doc, art = article
    art.events = [_event(STORY, "stationed"), _event(STORY, "asked"), _event(STORY, "met")]
    place_events(doc, art)
    stationed, asked, met = (e.place for e in art.events)
    assert stationed is not None and stationed.name == "Minsk"
    assert asked is not None and asked.country == "BLR"  # "in the republic" after "Belarusian"/"Minsk"
    assert met is None  # nothing in the text puts the talks in Vilnius, the dateline city
    assert stationed.precision == "city" and stationed.geonames_id and stationed.basis == "sentence"
