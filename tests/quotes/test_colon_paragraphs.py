"""Quotes: a paragraph closing on a colon introduces the next one; a clause the parser hung on a noun
after its cue is the cue's (issue 18, seventh session), on sentences written for these tests."""

from __future__ import annotations

from test_quotes import by_cue, run

LEAD = "The mayor of Dunmore spoke at length about the budget on Tuesday.\n\n"
AFTER = "\n\nThe plan drew mixed reviews."


def test_plain_paragraph_after_a_speech_verb_and_colon(nlp):
    art = run(nlp, LEAD + "The city treasurer added:\n\nWe cannot pay for the new bridge this year. "
              "The council will have to wait until the spring." + AFTER)
    q = by_cue(art, "added")
    assert q.speaker.text == "The city treasurer"
    assert q.text == "We cannot pay for the new bridge this year. The council will have to wait until the spring."


def test_quoted_paragraph_after_a_report_verb(nlp):
    # "reports" is no speech verb, so the quote-mark route leaves the quote to this reading
    art = run(nlp, LEAD + 'The Riverside Gazette reports:\n\n"The city has run a deficit for three years. '
              'Its reserves are nearly gone."' + AFTER)
    q = by_cue(art, "reports")
    assert q.speaker.text == "The Riverside Gazette"
    assert q.text == "The city has run a deficit for three years. Its reserves are nearly gone."


def test_cue_noun_before_the_colon(nlp):
    art = run(nlp, "The mayor of Dunmore spoke at length about the budget. Last year, the treasurer made the "
              'following remark:\n\n"We cannot pay for the new bridge this year. The council will have to wait."' + AFTER)
    q = by_cue(art, "remark")
    assert q.speaker.text == "the treasurer"
    assert q.text.startswith("We cannot pay for the new bridge")


def test_no_statement_without_a_cue_or_after_a_clause(nlp):
    art = run(nlp, "The mayor of Dunmore spoke at length about the budget. Here are the details:\n\n"
              "The bridge will cost four million dollars." + AFTER)
    assert not art.quotes
    art = run(nlp, "The mayor of Dunmore spoke at length about the budget. He said the plan had three parts:\n\n"
              "First, the bridge will be rebuilt." + AFTER)
    assert [q.text for q in art.quotes] == ["the plan had three parts"]


def test_that_clause_hung_on_the_noun_after_the_cue(nlp):
    # the parser reads "the docks that the company would lose" as a relative clause
    art = run(nlp, "Ruiz told reporters at the docks that the company would lose.")
    q = by_cue(art, "told")
    assert q.speaker.text == "Ruiz"
    assert q.text == "that the company would lose"


def test_the_message_a_cue_is_said_in_is_no_content(nlp):
    # the parser hangs the clause on "statement"; what was said is the clause, not the statement
    art = run(nlp, "Rep. Ana Ruiz said in a statement that the announcements were important first steps.")
    q = by_cue(art, "said")
    assert q.text == "that the announcements were important first steps"


def test_a_quotation_vouched_for_by_according_to_loses_its_marks(nlp):
    art = run(nlp, '"The bridge will not open before the spring," according to a city engineer.')
    q = by_cue(art, "according")
    assert q.text == "The bridge will not open before the spring" and q.kind == "direct"


def test_a_quotation_read_as_an_object_loses_its_marks(nlp):
    # "shot back" is no speech verb of the lexicon: the parse's reading took the marks along
    art = run(nlp, '"The council has run out of excuses," Ruiz shot back.')
    assert [(q.text, q.kind) for q in art.quotes] == [("The council has run out of excuses", "direct")]
