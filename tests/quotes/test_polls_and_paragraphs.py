"""Quotes: a reading keeps its cue's paragraph (issue 18, tenth session), on sentences written for these tests."""

from __future__ import annotations

from test_quotes import by_cue, run


def test_reading_around_a_cue_keeps_the_cue_paragraph(nlp):
    # the parser begins the second paragraph's clause at the first paragraph's closing mark
    art = run(nlp, 'The mayor defended the budget. "People just do not use the libraries and do not see them."\n\n'
              "Climate change, the treasurer often says, is the greatest threat facing the county.")
    q = by_cue(art, "says")
    assert q.speaker is not None and q.speaker.text == "the treasurer"
    assert q.text.startswith("Climate change, the treasurer often says, is the greatest threat")
