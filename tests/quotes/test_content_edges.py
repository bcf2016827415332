"""Quotes: where a re-drawn content may not run on (issue 18, sixth session), on wire-style
sentences written for these tests."""

from __future__ import annotations

import pytest
from test_quotes import by_cue, run

from dateline.quotes.attribution import Attribution
from dateline.quotes.span_model import run_on_limit


@pytest.mark.parametrize("text,cue,content", [
    # "in" a message: the medium of the act, not what was said
    ("The minister's visit came hours after opposition leader Tomas Brandt criticized Varga in late-night posts.",
     "criticized", "Varga"),
    # a time: when it was said
    ("Senator Ella Moss mentioned the shipyard since the budget hearing in March.", "mentioned", "the shipyard"),
    # a circumstance: why or amid what
    ("Northern ministers were offering new border patrols amid fears that smugglers are moving into the region.",
     "offering", "new border patrols"),
])
def test_object_stops_before_a_circumstance_of_the_cue(nlp, text, cue, content):
    assert by_cue(run(nlp, text), cue).text == content


def _reading(doc, cue_word: str, content: str) -> Attribution:
    cue = next(t for t in doc if t.text == cue_word)
    start = doc.text.index(content)
    return Attribution(start, start + len(content), "indirect", cue, cue.idx + len(cue), None, 0.9, frame="dobj")


def test_the_speakers_next_act_ends_a_reading(nlp):
    doc = nlp("The senator is promising tax cuts and new schools, but she has also hardened her attacks on the unions.")
    stop = run_on_limit(_reading(doc, "promising", "tax cuts and new schools"))
    assert stop is not None and doc.text[stop:].startswith(", but she has")


def test_a_second_half_with_another_subject_stays_open(nlp):
    # "it" is not the speaker again: the parse may have hung the statement's own second half on the cue
    doc = nlp("When you call a pill a cure, and it is something you can buy, people get false hope.")
    assert run_on_limit(_reading(doc, "call", "a pill a cure")) is None


def test_open_phrases_and_readings_before_the_cue(nlp):
    doc = nlp("The agency found 40 cases of fraud out of more than a million claims.")
    assert run_on_limit(_reading(doc, "found", "40 cases of fraud")) is None
    doc = nlp('The deal was "a start," she added on Twitter.')
    assert run_on_limit(_reading(doc, "added", "The deal was \"a start,\"")) is None


def test_a_quote_closing_on_an_inner_quote_is_the_cue_afters(nlp):
    # the comma that hands the words to "said" sits before the inner closing mark
    art = run(nlp, "“Nobody here is a ‘traitor,’” Ruiz said. “We disagree, that is all.”")
    q = by_cue(art, "said")
    assert q.speaker.text == "Ruiz"
    assert q.parts is not None and len(q.parts) == 2
    assert q.text.startswith("Nobody here") and q.text.endswith("that is all.")


def test_a_colon_statement_before_a_quote_is_no_content_of_the_later_cue(nlp):
    # a lexicon cue before the colon: "scolded" (outside the lexicon, its clause at 0.3) sits under the open bar
    art = run(nlp, "Senator Ana Ruiz (D-Ore.) warned him: “The evidence is almost unanimous against you on the "
                   "three pills you called ‘cures,’” she said.")
    said = by_cue(art, "said")
    assert said.speaker.text == "she"
    assert said.text.startswith("The evidence")  # not "Senator Ana Ruiz (D-Ore.) warned him: …"
    assert by_cue(art, "warned").speaker.text.endswith("Ruiz")


@pytest.mark.parametrize("text,outer", [
    ("The union is denouncing what it calls “the worst pay offer in a decade.”", "denouncing"),
    ("Varga spoke at length about what she sees as the failures of the port authority.", "spoke"),
])
def test_what_someone_calls_a_thing_is_no_statement_of_its_own(nlp, text, outer):
    art = run(nlp, text)
    assert by_cue(art, outer).text.startswith("what")
    assert not [q for q in art.quotes if q.cue is not None and q.cue.text in ("calls", "sees")]


def test_a_name_given_by_the_writer_is_no_statement(nlp):
    art = run(nlp, "Officials blamed the break-in on a military hacking group known as Cozy Wolf.")
    assert not [q for q in art.quotes if q.cue is not None and q.cue.text == "known"]


def test_the_papers_own_note_has_no_speaker(nlp):
    art = run(nlp, "The council voted on Monday.\n\nCorrection: An earlier version of this article misstated the "
                   "date of the vote.\n\nMOSS: We will appeal the ruling.")
    assert [q.speaker.text for q in art.quotes if q.cue is not None and q.cue.text == ":"] == ["MOSS"]


@pytest.mark.parametrize("text,cue,content", [
    # an aside set off on both sides, with the content going on after it, is inside the content
    ("He also vowed to form a joint task force, which would include the army, to crack down on smugglers.",
     "vowed", "to form a joint task force, which would include the army, to crack down on smugglers"),
    ("The mayor accused Tomas Brandt, who ran the port for a decade, of hiding its losses.",
     "accused", "Tomas Brandt, who ran the port for a decade, of hiding its losses"),
    # at the end of the content it is the writer's word about what was named
    ("The council backed the plan, which critics call costly.", "backed", "the plan"),
])
def test_an_aside_inside_a_content(nlp, text, cue, content):
    assert by_cue(run(nlp, text), cue).text == content
