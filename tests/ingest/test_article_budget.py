"""The budget per article: long texts run in parts whose findings land at the right offsets of the
whole; the pass that drops nested attributions answers as the pairwise one did."""

from __future__ import annotations

import random
from types import SimpleNamespace

from dateline import parts
from dateline.ingest.raw import RawInput
from dateline.pipeline import Options, process_batch
from dateline.quotes.stage import _nested
from ingest_helpers import GOOD, GOOD_TOO


def test_parts_cover_the_text_and_cut_at_paragraphs():
    text = "\n\n".join(f"Paragraph {i}. " + "Words run on here. " * 40 for i in range(400))
    spans = parts.bounds(text)
    assert len(spans) > 1 and spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(text[e - 2:e] == "\n\n" for _s, e in spans[:-1])
    assert all(e - s <= parts.PART_CHARS for s, e in spans)


def test_a_paragraph_longer_than_a_part_is_cut_at_a_sentence():
    text = "The talks went on. " * 10_000
    spans = parts.bounds(text)
    assert all(text[e - 2:e] == ". " for _s, e in spans[:-1])


def test_short_texts_are_one_part():
    assert parts.bounds(GOOD) == [(0, len(GOOD))]


def test_a_long_article_in_parts_keeps_offsets_into_the_whole_text(nlp):
    stories = [GOOD, GOOD_TOO, GOOD.replace("Norway", "Iceland"), GOOD_TOO.replace("Peru", "Chile")]
    paragraphs = [f"In update {i}, " + stories[i % 4].split(" - ", 1)[1] for i in range(int(parts.WHOLE_CHARS / 300) + 40)]
    text = "OSLO, May 4 (Reuters) - " + "\n\n".join(paragraphs)
    (article,) = process_batch([RawInput(id="long", text=text)], Options(published="2021-05-04"), nlp)
    assert article.error is None and len(parts.bounds(article.text)) > 1
    assert [w.code for w in article.warnings].count("W202") == 1
    assert article.quotes and article.events and article.times and article.entities
    for q in article.quotes:
        assert article.text[q.start:q.end] == q.text
        if q.speaker is not None:
            assert article.text[q.speaker.start:q.speaker.end] == q.speaker.text
    for t in article.times:
        assert article.text[t.start:t.end] == t.text
    for e in article.events:
        assert article.text[e.trigger.start:e.trigger.end] == e.trigger.text
    ids = [a.id for a in article.actors]
    assert len(ids) == len(set(ids))
    assert {q.speaker.actor for q in article.quotes if q.speaker and q.speaker.actor} <= set(ids)
    for actor in article.actors:
        for start, end in actor.mentions:
            assert 0 <= start < end <= len(article.text)
    late = [q for q in article.quotes if q.start > parts.bounds(article.text)[1][0]]
    assert late  # the later parts' findings are there, moved past the first part


def _pairwise(att, others) -> bool:
    if att.cue.text == ":":
        return False
    return any(o is not att and o.start <= att.cue.idx < o.end and o.start <= att.start and att.end <= o.end
               and (o.end - o.start) > (att.end - att.start) for o in others)


def test_nested_attributions_are_found_as_pairwise():
    rng = random.Random(7)
    for _ in range(2000):
        found = []
        for _ in range(rng.randint(1, 12)):
            start = rng.randint(0, 30)
            cue = SimpleNamespace(idx=rng.randint(0, 45), text=rng.choice(["said", "told", ":"]))
            found.append(SimpleNamespace(start=start, end=start + rng.randint(1, 15), cue=cue, frame="clause"))
        assert [a for a in found if not _nested(a, found)] == [a for a in found if not _pairwise(a, found)]
