"""Dated roles: the built-in dictionary read against the article's date up to its horizon, the
table of office holders since then, and names the tagger cuts short. Stories written here."""

from __future__ import annotations

import pytest

from dateline.actors.phoenix import NEVER, ORIGIN, PHOENIX_HORIZON, PhoenixLayer
from dateline.events.stage import extract_events
from dateline.record import Article

# An invented person: an opposition figure, then in office, with the dictionary's default after
STALE = [("vera invented", "XLDOPP", "1990-01-01", "1999-12-31", PHOENIX_HORIZON),
         ("vera invented", "XLDGOV", "2000-01-01", NEVER, PHOENIX_HORIZON),
         ("vera invented", "XLDELI", ORIGIN, NEVER, PHOENIX_HORIZON)]


def test_a_bounded_role_wins_on_its_dates_and_the_unbounded_one_is_the_default() -> None:
    layer = PhoenixLayer(STALE)
    assert layer.lookup("Vera Invented", "1995-06-01").code == "XLDOPP"
    assert layer.lookup("Vera Invented", "2003-06-01").code == "XLDGOV"
    assert layer.lookup("Vera Invented", "1980-06-01").code == "XLDELI"


def test_past_the_horizon_the_stale_dates_say_nothing() -> None:
    layer = PhoenixLayer(STALE)
    assert layer.lookup("Vera Invented", "2020-06-01").code == "XLDGOV"  # its government role, as undated
    kept = PhoenixLayer([*STALE, ("vera invented", "IGOXYZ", "2016-01-01", NEVER)])
    assert kept.lookup("Vera Invented", "2020-06-01").code == "IGOXYZ"
    assert kept.lookup("Vera Invented", "2003-06-01").code == "XLDGOV"
    assert kept.lookup("Vera Invented").code == "IGOXYZ"  # undated: the kept table's latest office


def _top_source(nlp, text: str, published: str):
    art = Article(id="t", text=text, published=published)
    extract_events(nlp(text), art)
    top = max(art.events, key=lambda e: e.confidence)
    return [a.code for a in top.source]


@pytest.mark.parametrize(("text", "published", "code"), [
    ("Donald Trump criticised the trade deal on Monday.", "2019-05-06", "USAGOV"),
    ("Donald Trump criticised the trade deal on Monday.", "2022-05-09", "USAELI"),
    ("Jens Stoltenberg criticised the missile test on Monday.", "2019-05-06", "IGOWSTNAT"),
    ("Jens Stoltenberg criticised the missile test on Monday.", "2012-05-07", "NORGOV"),
    ("Kim Jong Un criticised the joint drills.", "2023-03-06", "PRKGOV"),
    # the tagger cuts the first name off or tags nothing; the full name is still looked up
    ("Imran Khan criticised the budget on Monday.", "2020-06-08", "PAKGOV"),
    ("Theresa May criticised the budget on Monday.", "2018-06-04", "GBRGOV"),
])
def test_office_holders_since_the_dictionaries_were_kept(nlp, text, published, code) -> None:
    assert _top_source(nlp, text, published) == [code]


def test_a_person_s_government_is_of_the_person_s_country_whatever_their_office(nlp) -> None:
    # in 2001 the dictionary has Suharto out of office (ELI); his government is still a government
    text = "Students protested against President Suharto's government."
    art = Article(id="t", text=text, published="2001-05-07")
    extract_events(nlp(text), art)
    assert "IDNGOV" in {a.code for e in art.events for a in e.target}, art.events
