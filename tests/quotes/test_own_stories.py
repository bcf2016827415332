"""Quotes: precision on stories written for these tests (issue 18, thirteenth session). The
writer's anonymity formula ("who asked not to be named") is no statement; the source's own
statement in the same sentence stands."""

from __future__ import annotations

import pytest
from test_quotes import by_cue, run


@pytest.mark.parametrize("aside", ["who asked not to be named", "who declined to be identified",
                                   "who requested not to be quoted"])
def test_anonymity_formula_is_no_quote(nlp, aside):
    art = run(nlp, f"A port official in Velmora, {aside}, said the harbour would reopen on Friday.")
    assert [q.cue.text for q in art.quotes] == ["said"]
    q = by_cue(art, "said")
    assert q.text == "the harbour would reopen on Friday"


def test_a_plain_statement_is_untouched(nlp):
    art = run(nlp, "The envoy said the talks in Ostrava had stalled over the border question.")
    assert by_cue(art, "said").text == "the talks in Ostrava had stalled over the border question"


def test_an_indefinite_role_is_a_new_speaker(nlp):
    art = run(nlp, 'Norvell chief executive Dana Pike said sales fell. "It is a blip," an analyst at Crane Bank said.')
    q = by_cue(art, "said")
    assert q.text == "sales fell"
    blip = [q for q in art.quotes if q.text == "It is a blip"][0]
    assert blip.speaker.text == "an analyst"
    assert blip.speaker.name != "Dana Pike"
