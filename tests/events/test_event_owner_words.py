"""A dictionary pattern's word that only says whose the thing acted on is matches no pattern of its own."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, coded_as", [
    # "government" only says whose the forces are: an armed attack, not a verbal one
    ("Rebels attacked government forces near the border on Sunday.", "19"),
    ("Insurgents attacked government troops outside the town.", "19"),
    # the government itself attacked is a verbal attack, as the dictionary says
    ("The opposition attacked the government over its handling of the floods.", "11"),
])
def test_a_pattern_word_that_only_names_an_owner_does_not_match(code, text, coded_as):
    art = code(text)
    assert any(e.cameo.startswith(coded_as) and e.trigger.text == "attacked" for e in art.events), [
        (e.cameo, e.trigger.text) for e in art.events]
