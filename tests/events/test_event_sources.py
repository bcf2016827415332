"""Who does an act: the doer behind a thing that acts, and names written as runs of modifiers."""

from __future__ import annotations

import pytest

from dateline.record import Article


def _source_codes(article: Article, root: str) -> set[str]:
    return {(a.code or "")[:3] for e in article.events if e.cameo.startswith(root) for a in e.source}


@pytest.mark.parametrize("text, first", [
    # a participle's agent on the acting thing is the doer
    ("The shells fired by the Peruvian army hit a market in the town on Monday.", "PER"),
    # and a "by" phrase on an act, coded though an armed group has no country
    ("A rocket attack by the Islamic State group killed nine villagers on Sunday.", "IMG"),
])
def test_the_doer_named_by_a_by_phrase_on_the_subject_is_the_source(code, text, first):
    art = code(text)
    assert first in _source_codes(art, "19"), [(e.cameo, e.source, e.target) for e in art.events]


def test_a_name_split_into_modifiers_is_still_the_named_group(code):
    art = code("Islamic State forces hold dozens of families in the old town.")
    assert any(a.code == "IMGREB" for e in art.events for a in e.source), [(e.cameo, e.source) for e in art.events]


@pytest.mark.parametrize("text, country", [
    # a region the city table lacks names its country through the regions table
    ("Gunmen in Darfur attacked a convoy of traders on Friday.", "SDN"),
    ("The provincial government of Aceh banned the rally on Tuesday.", "IDN"),
])
def test_a_region_gives_its_country_to_the_party_placed_in_it(code, text, country):
    art = code(text)
    got = {(a.country or "") for e in art.events for a in e.source}
    assert country in got, [(e.cameo, e.source, e.target) for e in art.events]


def test_an_outsider_is_no_compatriot_of_the_other_side(code):
    article = code("Foreign diplomats criticised the arrest of the Zambian opposition leader.")
    top = max(article.events, key=lambda e: e.confidence)
    assert "ZMB" in {a.country for a in top.target}
    assert all(a.country != "ZMB" for a in top.source), top.source  # foreign: not Zambians


def test_a_group_of_nationals_acts_for_their_country(code):
    # "a group of X hackers": the people counted act, and their nationality is the side's country
    art = code("A group of Mexican hackers attacked the websites of the Belgian government.")
    event = next(e for e in art.events if e.trigger.text == "attacked")
    assert [a.country for a in event.source] == ["MEX"]


@pytest.mark.parametrize("text", [
    "The Indian prime minister is scheduled to meet the Chinese president in Beijing.",
    "Argentina's president is expected to visit Santiago in January.",
])
def test_the_subject_of_a_passive_raising_verb_does_the_infinitive_s_act(code, text):
    top = max(code(text).events, key=lambda e: e.confidence)
    assert top.source and top.source[0].sector == "GOV", (top.cameo, top.source)


@pytest.mark.parametrize("text, expected", [
    # attackers named only by their kind are that kind of the place's country
    ("Gunmen killed five villagers in Kabul on Sunday.", {"AFGREB"}),
    ("Rebels attacked government forces in Kabul overnight.", {"AFGREB"}),
])
def test_attackers_named_by_kind_take_the_place_s_country(code, text, expected):
    art = code(text)
    codes = {a.code for e in art.events if e.cameo.startswith("19") for a in e.source}
    assert codes == expected, [(e.cameo, e.source) for e in art.events]


def test_violence_with_no_one_named_is_an_unidentified_attacker_s(code):
    art = code("A roadside bomb in Kandahar killed three soldiers.")
    sources = [a for e in art.events if e.cameo.startswith("19") for a in e.source]
    assert sources and all(a.country == "AFG" and a.sector is None for a in sources), sources


@pytest.mark.parametrize("text, pair", [
    # both sides of a clash named by their roles alone: each acts on the other, of the place's country
    ("Clashes broke out between police and protesters in Kabul on Friday.", {"AFGCOP", "AFGCVL"}),
    # a side known by its role takes the other side's country
    ("Fighting erupted between the army and the Taliban in Kandahar.", {"AFGMIL", "AFGREB"}),
])
def test_the_sides_of_a_clash_between_two_act_on_each_other(code, text, pair):
    art = code(text)
    mutual = [e for e in art.events if e.cameo.startswith("19") and e.reciprocal]
    assert mutual and {a.code for e in mutual for a in e.source} == pair, [
        (e.cameo, e.source, e.target, e.reciprocal) for e in art.events]
