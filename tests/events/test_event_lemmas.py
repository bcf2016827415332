"""Triggers the lemmatizer cuts wrongly are still read: "fined" is no "fin", "staged" no "stag"."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, root", [
    ("The competition authority fined the Dutch bank 30 million euros on Friday.", "17"),
    ("Hundreds of students staged a sit-in outside the education ministry in Dhaka.", "14"),
    ("The rebels have been waging a war against the Burundian army since 2015.", "19"),
])
def test_a_trigger_the_lemmatizer_cut_short_is_coded(code, text, root):
    art = code(text)
    assert any(e.cameo.startswith(root) for e in art.events), [(e.cameo, e.trigger.text) for e in art.events]


def test_being_appalled_is_disapproval_not_a_massacre(code):
    art = code("The Irish government said it was appalled by the shelling of the hospital.")
    assert not any(e.cameo.startswith("20") for e in art.events), [(e.cameo, e.trigger.text) for e in art.events]
