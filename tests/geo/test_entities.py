"""Entities: spaCy's, corrected by the gazetteer and by title context."""

from __future__ import annotations

from dateline.geo.entities import corrected_ents


def labels(nlp, text):
    return {(e.text, e.label_) for e in corrected_ents(nlp(text))}


def test_capitals_and_countries_are_places(nlp):
    got = labels(nlp, "Talks between Minsk and Moscow resumed, and Belarus said it was ready.")
    assert {("Minsk", "GPE"), ("Moscow", "GPE"), ("Belarus", "GPE")} <= got


def test_demonym_split_from_a_title(nlp):
    got = labels(nlp, "Kazakhstan is ready to host the talks, Kazakh Foreign Minister Murat Nurtleu said.")
    assert ("Kazakh", "NORP") in got
    assert not any(text.startswith("Kazakh ") for text, _ in got)


def test_name_after_a_title_is_a_person(nlp):
    got = labels(nlp, "Kazakh Foreign Minister Murat Nurtleu said on Tuesday that Astana is ready.")
    assert ("Murat Nurtleu", "PERSON") in got


def test_organisation_after_the_is_left_alone(nlp):
    got = labels(nlp, "The European Union and the African Union signed a memorandum in Addis Ababa.")
    assert not any(label == "PERSON" for _, label in got)


def test_surname_of_a_named_person_stays_a_person(nlp):
    text = ("Kazakh Foreign Minister Murat Nurtleu said on Tuesday that talks would resume. "
            "Nurtleu added that the sides had agreed to set up a working group.")
    got = labels(nlp, text)
    assert ("Nurtleu", "PERSON") in got


def test_a_surname_that_is_also_a_country_does_not_clash(nlp):
    text = "Coach Michael Jordan spoke in Amman. Jordan said the team would travel to Jordan next week."
    spans = corrected_ents(nlp(text))
    starts = [(s.start, s.end) for s in spans]
    assert all(a[1] <= b[0] for a, b in zip(starts, starts[1:]))  # no overlapping entities
