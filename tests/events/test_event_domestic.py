"""A party known by its role alone takes the country of the other side when that side is of one
country: the PLOVER gold codes such domestic acts to that country on both sides."""

from __future__ import annotations

import pytest

from dateline.record import Article


def _codes(article: Article, root: str, side: str) -> set[str | None]:
    return {a.code for e in article.events if e.cameo.startswith(root) for a in getattr(e, side)}


def _events(article: Article) -> list[tuple[str, list[str | None], list[str | None]]]:
    return [(e.cameo, [a.code for a in e.source], [a.code for a in e.target]) for e in article.events]


@pytest.mark.parametrize("text, root, side, expected", [
    # the target known by its role: the government's own rebels, the police's own protesters
    ("The Chadian government on Monday accepted demands from rebels that it free political prisoners.",
     "08", "target", "TCDREB"),
    # (the Phoenix agents dictionary codes a student protester OPP: STUDENT_PROTESTER [~OPP])
    ("Kenyan police fired tear gas to disperse student protesters in Nairobi on Friday.", "17", "target", "KENOPP"),
    # the source known by its role: a judge investigating the country's ministers
    ("Judge Maria Lopez opened a corruption inquiry into three Peruvian ministers.", "09", "source", "PERJUD"),
    ("Opposition leaders agreed on Tuesday to call off the march in Lusaka.", "03", "source", "ZMBOPP"),
])
def test_a_party_known_by_its_role_is_the_other_side_s_compatriot(code, text, root, side, expected):
    art = code(text)
    assert expected in _codes(art, root, side), _events(art)


def test_a_named_transnational_body_keeps_its_code(code):
    art = code("Amnesty International accused the Kenyan government of torture.")
    assert not any((c or "").startswith("KEN") for c in _codes(art, "11", "source")), _events(art)


def test_the_audience_of_a_statement_is_no_compatriot(code):
    art = code("The Zambian minister told reporters on Monday that talks would resume.")
    assert "ZMBJRN" not in _codes(art, "01", "target"), _events(art)


def test_a_side_of_two_countries_lends_none(code):
    art = code("France and Germany signed a trade pact with rebels.")
    assert not any(c and c[:3] in {"FRA", "DEU"} for c in _codes(art, "03", "target")), _events(art)
