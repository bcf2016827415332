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


@pytest.mark.parametrize(("text", "code"), [
    ("Farm workers held a sit-in outside the Kenyan agriculture ministry.", "140"),
    ("Sudanese rebels violated the cease-fire near El Fasher on Sunday.", "196"),
    ("The Colombian army extended the cease-fire by a week.", "0871"),
])
def test_a_hyphenated_event_word_is_read_whole(nlp, text, code):
    # the tokenizer splits "sit-in" into three tokens; the noun list and the dictionary's
    # patterns spell it with its hyphen
    assert code in {e.cameo for e in _events(nlp, text)}, [(e.cameo, e.trigger.text) for e in _events(nlp, text)]


@pytest.mark.parametrize("text", [
    "He drove a 2015 Toyota to the meeting.",
    "I despise the man because his speeches are full of anger.",
    "The senator had no bank financing for the farm.",
])
def test_no_dictionary_verb_and_no_coded_side_is_no_event(nlp, text):
    # the classifier heads alone name a type for any sentence with a verb and a subject; with
    # no coded actor on either side the guess is not kept
    assert [e for e in _events(nlp, text) if e.cameo != "010"] == []


@pytest.mark.parametrize(("text", "code"), [
    ("Zambian police released video of the arrest on Monday.", "010"),
    ("The Ghanaian finance ministry released figures showing a fall in cocoa exports.", "010"),
    ("Malian rebels released three Algerian hostages on Friday.", "0841"),
])
def test_releasing_published_matter_is_no_release_of_people(nlp, text, code):
    # the dictionary's default for "release" is freeing people (0841); a video, a report or
    # figures are made public
    assert code in {e.cameo for e in _events(nlp, text)}, [(e.cameo, e.trigger.text) for e in _events(nlp, text)]


@pytest.mark.parametrize(("text", "code"), [
    ("Chile and Peru signed a fisheries deal in Lima on Monday.", "057"),
    ("Sudan's army and the rebels signed a truce deal in Jeddah.", "0871"),
])
def test_signing_a_deal_is_signing_an_agreement(nlp, text, code):
    assert code in {e.cameo for e in _events(nlp, text)}, [(e.cameo, e.trigger.text) for e in _events(nlp, text)]


def test_the_pair_acts_jointly_on_a_third(nlp):
    # "the two sides" are the pair named before; they reject sanctions together, not each other
    text = "Chile and Peru held talks in Lima on Monday. The two sides rejected the new tariffs."
    rejected = [e for e in _events(nlp, text) if e.cameo.startswith("12")]
    assert rejected and not any(e.reciprocal for e in rejected)
    assert {a.country for e in rejected for a in e.source} == {"CHL", "PER"}


def test_a_visitor_is_not_lent_the_host_s_country(nlp):
    # a party known by its role takes the other side's country in a domestic act ("police
    # dispersed demonstrators"); a visitor goes abroad
    events = _events(nlp, "The army's chief of staff will visit Nairobi next week.")
    assert events and all(a.country != "KEN" for e in events for a in e.source)


@pytest.mark.parametrize("text", [
    "Talks between Chile and Bolivia broke down on Tuesday.",
    "Negotiations between Peru and Ecuador stalled over the border.",
    "Peace talks between Kyiv and Moscow collapsed in March.",
])
def test_talks_that_come_to_nothing_are_negotiations_halted(nlp, text):
    events = _events(nlp, text)
    assert any(e.cameo == "164" and len({a.country for a in e.source + e.target}) == 2 for e in events), [
        (e.cameo, e.source, e.target) for e in events]


@pytest.mark.parametrize("text", ["The bridge collapsed on Tuesday.", "The rebels failed to take the town."])
def test_things_and_acts_that_fail_halt_no_talks(nlp, text):
    assert not any(e.cameo == "164" for e in _events(nlp, text))


@pytest.mark.parametrize("text, root", [
    # what broke out is the event, between the parties the verb names; no destruction
    ("Clashes broke out between Chilean police and protesters in Santiago.", "19"),
    ("Fighting broke out between Malian troops and rebels near Gao.", "19"),
])
def test_what_breaks_out_is_the_subject_s_event(nlp, text, root):
    events = _events(nlp, text)
    assert any(e.cameo.startswith(root) and e.trigger.text in ("Clashes", "Fighting") and e.reciprocal
               for e in events), [(e.cameo, e.trigger.text, e.source, e.target) for e in events]


def test_a_fire_breaking_out_is_no_event(nlp):
    assert not _events(nlp, "A fire broke out in the Chilean embassy in Lima on Monday.")
