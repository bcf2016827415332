"""A protest held at a party's door is a protest against that party ("rallied outside the Xlandic
embassy"), and the people beside a country's mission abroad are no compatriots of that country."""

from __future__ import annotations

import pytest

from dateline.record import Article


def _protests(article: Article) -> list[tuple[str, list[str | None], list[str | None]]]:
    return [(e.cameo, [a.code for a in e.source], [a.code for a in e.target]) for e in article.events
            if e.cameo.startswith("14")]


@pytest.mark.parametrize("text, target", [
    ("Hundreds of people protested outside the French embassy in the capital on Friday.", "FRAGOV"),
    ("Students protested in front of the Kenyan parliament on Tuesday.", "KENLEG"),
    ("Members of a farmers' union staged a demonstration outside the Peruvian president's offices.", "PERGOV"),
])
def test_the_body_a_protest_is_held_at_is_its_target(code, text, target):
    art = code(text)
    assert any(target in targets for _, _, targets in _protests(art)), _protests(art)


def test_protesters_at_an_embassy_are_not_its_country_s_people(code):
    art = code("Demonstrators rallied outside the US embassy on Sunday against the war.")
    protests = _protests(art)
    assert protests and all("USAGOV" in targets for _, _, targets in protests), protests
    assert not any((c or "").startswith("USA") for _, sources, _ in protests for c in sources), protests


def test_a_town_near_a_protest_is_no_target(code):
    art = code("Villagers blocked the highway near Lusaka for three hours on Monday.")
    assert not any("ZMBGOV" in targets for _, _, targets in _protests(art)), _protests(art)
