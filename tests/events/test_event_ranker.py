"""The trained event ranker: what it may change in a sentence's events, and its model file."""

from __future__ import annotations

from dateline.events import ranker
from dateline.events.lexicon import get_lexicon
from dateline.record import Event, EventActor, Offsets, TextSpan


def _event(cameo: str, confidence: float = 0.5) -> Event:
    lex = get_lexicon()
    info = lex.info(cameo)
    return Event(type=(info.plover or None) if info else None, cameo=cameo, quad=1, goldstein=0.0,
                 source=[EventActor(name="Ruritania", country="RUR", code="RUR")], target=[],
                 sentence=Offsets(0, 10), trigger=TextSpan("met", 0, 3), confidence=confidence)


def _sure_of(klass: int, margin: float = 0.2) -> ranker.Ranker:
    """A toy ranker that backs one class whatever it reads."""
    bias = [5.0 if c == klass else 0.0 for c in range(ranker.CLASSES)]
    return ranker.Ranker({}, bias, margin)


def test_cameo_classes_follow_the_data_labels():
    assert [ranker.cameo_class(c) for c in ("010", "020", "036", "0831", "112", "160", "145", "190")] == \
        [0, 0, 1, 2, 3, 3, 4, 4]


def test_feature_vector_matches_the_names():
    events = [_event("040"), _event("190")]
    x = ranker.features(events, [0.0, 1.0], {"ASSAULT": 0.6}, {"1": 0.3, "4": 0.7})
    assert len(x) == len(ranker.feature_names())
    named = dict(zip(ranker.feature_names(), x, strict=True))
    assert named["first=1"] == 1.0 and named["other=4"] == 1.0 and named["plover_class=4"] == 0.6


def test_an_event_of_the_backed_class_comes_first_with_the_rankers_confidence():
    consult, assault = _event("040", 0.8), _event("190", 0.3)
    out = ranker.rerank([consult, assault], [0.0, 0.0], [False, False], {}, {}, get_lexicon(), _sure_of(4))
    assert out[0] is assault and out[0].cameo == "190"
    assert out[0].confidence > 0.9 and out[1].confidence < out[0].confidence


def test_a_verb_default_is_recoded_to_the_backed_class():
    consult = _event("040")
    out = ranker.rerank([consult], [0.0], [False], {"ASSAULT": 0.7, "COERCE": 0.2}, {}, get_lexicon(),
                        _sure_of(4))
    assert out[0] is consult and consult.cameo == "190" and consult.type == "ASSAULT" and consult.quad == 4


def test_a_settled_code_is_never_recoded():
    consult = _event("0431")
    out = ranker.rerank([consult], [2.0], [True], {"ASSAULT": 0.7}, {}, get_lexicon(), _sure_of(4))
    assert out[0].cameo == "0431"


def test_within_the_margin_the_coders_class_stands():
    consult = _event("040")
    close = ranker.Ranker({}, [0.0, 0.0, 0.0, 0.0, 0.1], margin=0.5)
    assert ranker.rerank([consult], [0.0], [False], {}, {}, get_lexicon(), close)[0].cameo == "040"


def test_statement_recode_needs_the_plover_head_to_read_an_appeal():
    lex = get_lexicon()
    assert ranker.recode(_event("040"), 0, {"REQUEST": 0.2}, lex).cameo == "010"
    assert ranker.recode(_event("040"), 0, {"REQUEST": 0.8}, lex).cameo == "020"


def test_weights_write_and_read_back(tmp_path):
    names = ranker.feature_names()
    weights = {n: [0.1 * i, 0.0, -0.2, 0.0, 0.3] for i, n in enumerate(names)}
    ranker.write_ranker(tmp_path, weights, [0.5, -0.5, 0.0, 0.25, -0.25], 0.3)
    back = ranker.read_ranker(tmp_path)
    assert back.margin == 0.3 and back.bias == [0.5, -0.5, 0.0, 0.25, -0.25]
    x = [1.0] * len(names)
    assert back.proba(x) == ranker.Ranker(weights, [0.5, -0.5, 0.0, 0.25, -0.25], 0.3).proba(x)


def test_the_shipped_ranker_loads():
    shipped = ranker.get_ranker()
    assert shipped is not None and 0.0 <= shipped.margin <= 1.0
