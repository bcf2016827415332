"""Quotes: side clauses, nested statements and the speakers they pass on (issue 18, fifth session),
on wire-style sentences written for these tests."""

from __future__ import annotations

from test_quotes import by_cue, run


def test_side_cue_does_not_swallow_a_likelier_statement(nlp):
    # the parse hangs "according to" off the main clause and offers "disagreed" a reading of the
    # whole sentence around it: "according to" is the statement, not the side clause's cue
    art = run(nlp, "According to Ruiz, the ministry has replaced three directors because many disagreed with its plans.")
    q = by_cue(art, "According to")
    assert q.speaker.text == "Ruiz"
    assert q.text.startswith("the ministry has replaced")
    assert not [x for x in art.quotes if x.cue.text == "disagreed"]


def test_an_anonymity_formula_is_no_statement(nlp):
    # "who asked not to be named" says why the source is unnamed; the statement is the "said"
    art = run(nlp, "A senior Kenyan official, who asked not to be named, said the vote would be delayed.")
    assert [q.cue.text for q in art.quotes] == ["said"]
    art = run(nlp, "Two envoys, who declined to be identified, told reporters the talks had stalled.")
    assert [q.cue.text for q in art.quotes] == ["told"]
