"""Quotes: a poll or a count vouches for the clause its phrase hangs on, and a reading keeps its
cue's paragraph (issue 18, tenth session), on sentences written for these tests."""

from __future__ import annotations

from test_quotes import by_cue, run


def test_poll_phrase_before_the_clause(nlp):
    art = run(nlp, "In the latest Gazette poll, Ortega led Brandt by six points among likely voters.")
    q = by_cue(art, "In")
    assert q.speaker is not None and q.speaker.text == "the latest Gazette poll"
    assert q.text.startswith("Ortega led Brandt by six points")


def test_estimate_after_the_clause(nlp):
    art = run(nlp, "About 4,000 acres of wetland have been drained by the new canal, by one estimate.")
    q = by_cue(art, "by")
    assert q.speaker is not None and q.speaker.text == "one estimate"
    assert q.text == "About 4,000 acres of wetland have been drained by the new canal"


def test_respondents_statement_inside_the_poll_stands(nlp):
    art = run(nlp, "In a survey released Monday, 40 percent of farmers said the subsidy had come too late.")
    assert by_cue(art, "In").text.startswith("40 percent of farmers said")
    said = by_cue(art, "said")
    assert said.speaker is not None and said.speaker.text.startswith("40 percent")
    assert said.text == "the subsidy had come too late"


def test_no_poll_statement_for_standing_in_the_polls(nlp):
    # "rose in the polls": a candidate's standing, no one's finding; nor a participle's phrase
    art = run(nlp, "Brandt rose in the polls after the debate. The mayor, slipping to third in a poll, kept quiet.")
    assert not [q for q in art.quotes if q.cue is not None and q.cue.text.lower() in ("in", "by")]


def test_reading_around_a_cue_keeps_the_cue_paragraph(nlp):
    # the parser begins the second paragraph's clause at the first paragraph's closing mark
    art = run(nlp, 'The mayor defended the budget. "People just do not use the libraries and do not see them."\n\n'
              "Climate change, the treasurer often says, is the greatest threat facing the county.")
    q = by_cue(art, "says")
    assert q.speaker is not None and q.speaker.text == "the treasurer"
    assert q.text.startswith("Climate change, the treasurer often says, is the greatest threat")
