"""Where events happen: what the sentence names, then the article; never the dateline by default."""

from __future__ import annotations

import pytest

import dateline


def _places(text: str) -> list[tuple[str, str | None, str | None, str | None] | None]:
    article = dateline.extract(text, published="2025-03-04")
    return [(e.place.name, e.place.country, e.place.precision, e.place.basis) if e.place else None
            for e in article.events]


@pytest.mark.parametrize(("text", "expected"), [
    # the town the strike hit, 60 km from the dateline city (GeoNames spells it Izyum)
    ("KHARKIV, March 4 - Russian forces shelled the town of Izium on Tuesday, regional officials said.",
     ("Izyum", "UKR", "city", "sentence")),
    # a place named in the subject
    ("KYIV, March 4 - A drone strike on Pokrovsk killed three people on Tuesday, officials said.",
     ("Pokrovsk", "UKR", "city", "sentence")),
    # "here" puts the event in the dateline city
    ("ANKARA, March 4 - Turkey and Azerbaijan held talks here on Tuesday.", ("Ankara", "TUR", "city", "dateline")),
    # one country on both sides: the country, at country precision
    ("TEHRAN, March 4 - Iranian police arrested Iranian students on Tuesday.", ("Iran", "IRN", "country", "article")),
])
def test_event_places(nlp, text, expected):
    assert _places(text)[0] == expected


def test_a_decision_elsewhere_is_not_placed_in_the_target_or_the_dateline(nlp):
    found = _places("BRUSSELS, March 4 - The European Union imposed new sanctions on Venezuela on Tuesday.")
    assert found and all(p is None for p in found)
