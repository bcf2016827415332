"""Readers that cannot be crashed: hostile JSON Lines, odd encodings, deep HTML, huge feeds, and
random bytes and random JSON fed to every reader (hypothesis)."""

from __future__ import annotations

import io
import json
import tracemalloc

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.errors import Code
from dateline.ingest.feeds import entries
from dateline.ingest.files import read_file
from dateline.ingest.formats import json_depth, read_jsonl, read_stream
from dateline.ingest.markup import flatten_deep
from dateline.ingest.raw import RawInput, decode, from_bytes, from_record
from dateline.pipeline import Options, prepare, process_batch
from dateline.store.db import Store
from ingest_helpers import GOOD, GOOD_TOO, ingest, page, rejected_codes

MAX = 5 * 1024 * 1024


def test_a_batch_with_a_deep_line_and_a_lone_surrogate_keeps_its_good_records(tmp_path, nlp):
    lines = [json.dumps({"id": "good-1", "text": GOOD}),
             "[" * 100_000 + "]" * 100_000,
             '{"id": "emoji", "text": "' + GOOD_TOO.replace("Thursday", "Thursday \\ud83d") + '"}',
             '{"id": "deep-object", "text": "x", "extra": ' + '{"a": ' * 5000 + "1" + "}" * 5000 + "}",
             json.dumps({"id": "good-2", "text": GOOD.replace("Norway", "Iceland")})]
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "t.db"
    report = ingest(nlp, db, [str(batch)])
    assert report.stored == 3 and report.rejected == 2
    assert set(rejected_codes(db).values()) == {"E104"}
    with Store(db) as store:
        emoji = store.get("emoji")
    assert emoji is not None and "\ufffd" in emoji.text
    assert any(w.code == "W104" for w in emoji.warnings)


def test_json_depth_ignores_brackets_in_strings():
    assert json_depth(b'{"text": "[[[[{{{{"}') == 1
    assert json_depth(b'{"a": [[1], {"b": [2]}]}') == 4
    assert json_depth(b'"a \\" [[["') == 0


def test_latin1_english_reads_as_latin1():
    text, warning = decode("The señor told reporters in São Paulo that the café would stay open.".encode("latin-1"))
    assert "señor" in text and "São" in text and "café" in text
    assert warning is not None and warning.code == Code.DECODED_WITH_FALLBACK


def test_cyrillic_legacy_text_still_reads_as_cyrillic():
    text, _ = decode("Министр заявил, что решение было принято после долгих переговоров.".encode("cp1251"))
    assert "Министр" in text


def test_utf16_with_a_bom_is_read(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(GOOD.encode("utf-16"))
    (raw,) = read_file(path)
    assert raw.error is None and raw.text == GOOD
    path.write_bytes(b"\xfe\xff" + GOOD.encode("utf-16-be"))
    (raw,) = read_file(path)
    assert raw.error is None and raw.text == GOOD


def test_deep_html_is_flattened_not_lost():
    html = f"<html><head><title>Cod</title></head><body>{'<div>' * 400}<p>{GOOD}</p>{'</div>' * 400}</body></html>"
    raw = from_bytes(html.encode(), "deep.html", html=True)
    article = prepare(raw, Options())
    assert article.error is None and "Barents" in article.text


def test_flattening_keeps_shallow_html_as_it_is():
    html = page("Cod", GOOD)
    assert flatten_deep(html) is html


def test_a_year_one_date_does_not_fail_the_times_stage(nlp):
    raw = from_record({"id": "old", "text": GOOD, "published": "0001-01-01"})
    (article,) = process_batch([raw], Options(), nlp)
    assert article.error is None
    assert not [w for w in article.warnings if w.code == "W201"]
    assert any(w.code == "W102" for w in article.warnings)


def test_a_huge_feed_file_is_refused_before_it_is_read(tmp_path):
    feed = tmp_path / "big.rss"
    with open(feed, "wb") as fh:
        fh.truncate(100 * 1024 * 1024)  # a sparse 100 MB file
    tracemalloc.start()
    try:
        (raw,) = read_file(feed)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert raw.error is not None and raw.error.code == Code.TOO_LARGE
    assert peak < 5 * 1024 * 1024


def test_a_text_over_the_character_cap_is_refused(monkeypatch):
    monkeypatch.setenv("DATELINE_MAX_CHARS", "200")
    article = prepare(RawInput(id="long", text=GOOD + " " + GOOD_TOO), Options())
    assert article.error is not None and article.error.code == "E105" and "character cap" in article.error.message


# -- random input: every reader gives one record per input and never raises ---------------------
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SUFFIXES = ["a.txt", "a.html", "a.jsonl", "a.txt.gz", "a.jsonl.gz", "a.htm", "a.pdf"]
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                    max_leaves=20)
RECORDS = st.fixed_dictionaries({}, optional={"id": JSON, "text": st.text() | JSON, "html": st.text() | JSON,
                                              "published": st.text() | JSON, "title": JSON, "url": JSON,
                                              "publisher": JSON, "language": JSON})


@FUZZ
@given(data=st.binary(max_size=4000), html=st.booleans())
def test_random_bytes_as_a_document(data, html):
    raw = from_bytes(data, "x.html" if html else "x.txt", html=html)
    assert isinstance(raw, RawInput)
    article = prepare(raw, Options())
    assert article.id


@FUZZ
@given(data=st.binary(max_size=4000), name=st.sampled_from(SUFFIXES))
def test_random_bytes_as_any_file(data, name):
    found = list(read_stream(io.BytesIO(data), name, name, MAX))
    assert found and all(isinstance(r, RawInput) for r in found)
    for raw in found:
        assert prepare(raw, Options()).id


@FUZZ
@given(lines=st.lists(st.binary(max_size=300), max_size=8))
def test_random_bytes_as_json_lines(lines):
    data = b"\n".join(line.replace(b"\n", b" ") for line in lines)
    found = list(read_jsonl(io.BytesIO(data), "x.jsonl", MAX))
    assert len(found) == max(1, sum(1 for line in data.split(b"\n") if line.strip()))  # none: one E101


@FUZZ
@given(value=JSON)
def test_random_json_values_as_records(value):
    line = json.dumps(value).encode()
    (raw,) = read_jsonl(io.BytesIO(line + b"\n"), "x.jsonl", MAX)
    assert prepare(raw, Options()).id


@FUZZ
@given(record=RECORDS)
def test_random_records(record):
    raw = from_record(record, "x.jsonl", 1)
    article = prepare(raw, Options())
    assert article.id and (article.error is not None or article.text)
    json.dumps(article.to_dict(), ensure_ascii=False).encode("utf-8")  # storable as UTF-8


@FUZZ
@given(data=st.binary(max_size=3000))
def test_random_bytes_as_a_feed(data):
    found = list(entries(data, "x.rss", None, MAX))
    assert all(isinstance(r, RawInput) for r in found)


@FUZZ
@given(pieces=st.lists(st.sampled_from(list("<>/div p a") + ["<div>", "</div>", "<p>", "</span>", "<br/>"]),
                      max_size=1500))
def test_random_markup_flattens_without_error(pieces):
    text = "".join(pieces)
    flat = flatten_deep(text, max_depth=5)
    assert flat.count("<") <= text.count("<")



@FUZZ
@given(data=st.binary(max_size=3000), name=st.sampled_from(["a.zip", "a.warc", "a.warc.gz", "a.rss", "a.atom"]))
def test_random_bytes_as_an_archive_or_feed_file(tmp_path_factory, data, name):
    path = tmp_path_factory.mktemp("fuzz") / name
    path.write_bytes(data)
    found = list(read_file(path))
    assert all(isinstance(r, RawInput) for r in found)
    if not found:  # only a well-formed feed with no items gives nothing
        import feedparser

        parsed = feedparser.parse(data)
        assert name.endswith((".rss", ".atom")) and not parsed.entries and not parsed.get("bozo")
    for raw in found:
        assert prepare(raw, Options()).id
