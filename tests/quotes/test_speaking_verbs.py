"""Quotes: which verbs outside the cue lexicon need the acts' surer bar (issue 18, ninth session).
A verb the CAMEO codebook files under what is done in words ("hailed", "chastised") said by a
person or a body has the lexicon's bar; an act ("approved", "submitted") or a thing as the subject
keeps the acts' bar. Sentences written for these tests."""

from __future__ import annotations

from dateline.geo.entities import tag_entities
from dateline.quotes.attribution import AttributionFinder
from dateline.quotes.cue_model import Thresholds
from dateline.quotes.lexicon import get_lexicon
from dateline.record import Article

BARS = Thresholds(lexicon=0.2, open=0.25, sourceless=0.7, action=0.6)


def bar_of(nlp, text: str, cue: str) -> float:
    doc = nlp(text)
    tag_entities(doc, Article(id="t", text=text))
    lex = get_lexicon()
    readings = [c for c in AttributionFinder(doc).candidates() if c.cue.text == cue and c.frame == "dobj"]
    assert readings, [(c.cue.text, c.frame) for c in AttributionFinder(doc).candidates()]
    return BARS.of(readings[0], lex.cue_class, lex.learnt_cues(), lex.speaking_verbs())


def test_codebook_roots_split_words_from_deeds():
    speaking = get_lexicon().speaking_verbs()
    assert {"hail", "laud", "chastise", "promote"} <= speaking
    assert not {"approve", "submit", "block", "visit", "attack"} & speaking


def test_a_person_hailing_a_plan_has_the_lexicons_bar(nlp):
    assert bar_of(nlp, "Senator Maria Olsen hailed the new transit plan on Monday.", "hailed") == BARS.lexicon


def test_an_act_keeps_the_acts_bar(nlp):
    assert bar_of(nlp, "Senator Maria Olsen approved the new transit plan on Monday.", "approved") == BARS.action


def test_a_thing_promoting_keeps_the_acts_bar(nlp):
    assert bar_of(nlp, "The new charter promotes closer ties between the two ports.", "promotes") == BARS.action


def test_speaker_of_a_verb_under_an_adjective(nlp):
    # "was able to tout", "is eager to discuss": the infinitive hangs on the adjective, whose
    # clause has the subject
    from dateline.quotes.attribution import subject_of

    doc = nlp("The mayor was eager to discuss her record on housing.")
    verb = next(t for t in doc if t.lower_ == "discuss")
    assert verb.head.dep_ == "acomp"
    speaker = subject_of(verb)
    assert speaker is not None and speaker.lower_ == "mayor"
