"""Quotes: cues inside quote marks and the words around the quotation (issue 18, eleventh session),
on sentences written for these tests."""

from __future__ import annotations

from test_quotes import run


def test_a_quoted_cue_tells_nothing_outside_its_quotation(nlp):
    # "argued" is a word of the quoted phrase: it cannot report the writer's clause around it
    art = run(nlp, "The mayor said voters were tired of hearing “she argued this, he argued that.”")
    assert not [q for q in art.quotes if q.cue.text == "argued" and q.start < art.text.index("“")]
    assert [q for q in art.quotes if q.cue.text == "said"]


def test_a_quoted_cue_may_report_inside_its_quotation(nlp):
    art = run(nlp, "“Then the chief told me that the plant would close,” the engineer said.")
    said = [q for q in art.quotes if q.cue.text == "said"]
    assert said and said[0].speaker is not None and said[0].speaker.text == "the engineer"
