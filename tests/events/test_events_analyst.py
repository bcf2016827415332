"""Whole wire articles (written for these tests) read the way an analyst reads the event output:
generic groups are no NGOs, a bare "the government" is the story's country's, "the sides" are
the pair named before, a story told twice is one event."""

from __future__ import annotations

import pytest
from joint import joint_parties

from dateline.ingest.raw import from_bytes
from dateline.pipeline import Options, process_batch
from dateline.record import Article, Event

CASPIAN = (
    "Kyrgyzstan offers to host regional water talks\n\n"
    "Kyrgyz Foreign Minister Zhenish Kasymbekov said on Monday that Bishkek is ready to host the next "
    "round of talks on sharing river water.\n\n"
    "BISHKEK, June 2 (Reuters) - Kyrgyzstan is ready to host the next round of talks on sharing river water "
    "among the Central Asian states, Kyrgyz Foreign Minister Zhenish Kasymbekov said on Monday.\n\n"
    "Kyrgyzstan and Tajikistan held talks last week. Kasymbekov added that the sides had agreed to set up a "
    "working group on irrigation. He said the group would meet for the first time in September.\n"
)

LILONGWE = (
    "LILONGWE, Sept 18 (Reuters) - Malawi's main opposition party won the presidential election, the "
    "electoral commission said on Thursday.\n\n"
    "The government said it would accept the result. Police said they would deploy officers across "
    "the capital.\n"
)

TBILISI = (
    "TBILISI, March 3 (Reuters) - Georgian police detained at least 40 people overnight, a local rights "
    "group said on Monday.\n\n"
    "The group said several detainees had been beaten in custody. Opposition leaders called for fresh "
    "protests on Tuesday.\n"
)

GENEVA = (
    "GENEVA, Jan 14 (Reuters) - The United Nations special envoy on Tuesday urged the warring parties to "
    "extend a fragile ceasefire.\n\n"
    "\"The guns must stay silent,\" the envoy told a news conference. The government delegation rejected "
    "the proposal, according to a statement from its foreign ministry.\n"
)

KASHMIR = (
    "NEW DELHI, May 7 (Reuters) - Indian and Pakistani troops exchanged fire along the Line of Control "
    "overnight, the Indian army said.\n\n"
    "Both sides later agreed to hold talks between military commanders.\n"
)


@pytest.fixture
def article(nlp):
    def run(text: str, published: str = "2025-06-03") -> Article:
        raw = from_bytes(text.encode("utf-8"), None)
        return next(process_batch([raw], Options(published=published), nlp=nlp))
    return run


def _codes(actors) -> list[str | None]:
    return [a.code for a in actors]


def _sentence(art: Article, event: Event) -> str:
    return art.text[event.sentence.start:event.sentence.end]


def _at(art: Article, trigger: str) -> list[Event]:
    return [e for e in art.events if e.trigger.text == trigger]


def test_a_working_group_is_no_ngo_and_the_group_is_the_parties(article):
    art = article(CASPIAN)
    sectors = {a.sector for e in art.events for a in e.source + e.target}
    assert "NGO" not in sectors
    agreed = _at(art, "agreed")
    # the working group is the two of them, not a recipient: the parties are each other's
    assert agreed and sorted(joint_parties(art, agreed[0], "code")) == ["KGZGOV", "TJKGOV"]
    meet = _at(art, "meet")
    assert meet and sorted(joint_parties(art, meet[0], "code")) == ["KGZGOV", "TJKGOV"]
    assert meet[0].modality == "intended"


def test_an_offer_told_in_the_lead_and_again_after_the_dateline_is_one_event(article):
    art = article(CASPIAN)
    hosts = _at(art, "host")
    assert len(hosts) == 1, [(_codes(e.source), _sentence(art, e)) for e in hosts]
    assert hosts[0].source[0].country == "KGZ"
    assert hosts[0].modality == "intended"


def test_bare_national_bodies_take_the_story_country(article):
    art = article(LILONGWE)
    sources = {a.name: a.code for e in art.events for a in e.source}
    assert sources.get("The government") == "MWIGOV", sources
    assert sources.get("Police") == "MWICOP", sources


def test_a_story_filed_from_a_venue_city_does_not_lend_its_country(article):
    art = article(GENEVA)
    countries = {a.country for e in art.events for a in e.source + e.target}
    assert "CHE" not in countries
    envoy = _at(art, "urged")
    assert envoy and _codes(envoy[0].source) == ["IGOUNO"]  # not the dateline's place
    silent = [e for e in art.events if "guns" in _sentence(art, e)]
    # what "must" happen with no other party named is the envoy's statement (CAMEO 01, no PLOVER type)
    assert silent and silent[0].type is None and silent[0].cameo.startswith("01")
    assert _codes(silent[0].source) == ["IGOUNO"]


def test_rights_group_is_an_ngo_and_a_passive_beating_has_no_doer(article):
    art = article(TBILISI)
    beaten = _at(art, "beaten")
    assert beaten and beaten[0].source == []  # the group reports it; it did not beat anyone
    called = _at(art, "called")
    assert called and called[0].source[0].sector == "OPP"  # opposition leaders are no government


def test_coordinated_nationalities_give_one_actor_each_and_both_sides_are_they(article):
    art = article(KASHMIR)
    fire = _at(art, "exchanged")
    assert fire and joint_parties(art, fire[0], "code") == ["INDMIL", "PAKMIL"]
    assert all("Reuters" not in a.name for e in fire for a in e.source)
    talks = _at(art, "agreed")
    assert talks and joint_parties(art, talks[0], "code") == ["INDMIL", "PAKMIL"]


DARFUR = (
    "KHARTOUM, April 2 (AFP) - Fighting between the Sudanese army and the paramilitary Rapid Support Forces "
    "killed at least 12 civilians in North Darfur on Wednesday, medics said.\n\n"
    "The RSF accused the army of shelling residential areas.\n"
)


def test_a_word_inside_a_name_does_not_code_the_verb(article):
    art = article(DARFUR)
    # "Support" in "Rapid Support Forces" is no pattern word: fighting stays a fight
    assert not [e for e in art.events if e.type == "SUPPORT"], [(e.type, e.trigger.text) for e in art.events]


def test_fighting_between_two_forces_is_theirs_not_the_reporters(article):
    art = article(DARFUR)
    fighting = _at(art, "Fighting")
    assert fighting and sorted(joint_parties(art, fighting[0], "code")) == ["SDNMIL", "SDNREB"]
    assert all(a.sector != "HLH" for e in art.events for a in e.source)  # medics report, they do not fight
    accused = _at(art, "accused")
    assert accused and _codes(accused[0].source) == ["SDNREB"] and _codes(accused[0].target) == ["SDNMIL"]
