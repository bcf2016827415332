"""Bad input never stops a batch: each kind gets its error code, and the good files next to it
are stored. Rejected inputs are kept with their reason (and payload, when there is one)."""

from __future__ import annotations

import gzip
import json
import tracemalloc
from pathlib import Path

from dateline.ingest.files import read_inputs
from dateline.store.db import Store
from ingest_helpers import GERMAN, GOOD, GOOD_TOO, RUSSIAN, ingest, page, rejected_codes, stored_texts


def _folder_with_good(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return folder


def _assert_good_stored(db: Path) -> None:
    assert any("cod quota" in t for t in stored_texts(db))


def test_empty_and_binary_files(tmp_path, nlp):
    folder = _folder_with_good(tmp_path)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b"  \n\n ")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    db = tmp_path / "t.db"
    report = ingest(nlp, db, [str(folder)])
    codes = rejected_codes(db)
    assert codes[str(folder / "empty.txt")] == "E101"
    assert codes[str(folder / "blank.txt")] == "E101"
    assert codes[str(folder / "image.txt")] == "E102"
    assert report.stored == 1
    _assert_good_stored(db)


def test_latin1_is_decoded_and_kept_with_a_warning(tmp_path, nlp):
    folder = _folder_with_good(tmp_path)
    text = GOOD_TOO.replace("Thursday,", "Thursday at the Café Colón,")
    (folder / "latin1.txt").write_bytes(text.encode("latin-1"))
    db = tmp_path / "t.db"
    ingest(nlp, db, [str(folder)])
    with Store(db) as store:
        stored = {a.source.path: a for a in store.articles()}
    article = stored[str(folder / "latin1.txt")]
    assert "Café Colón" in article.text
    assert [w.code for w in article.warnings] == ["W101"]
    _assert_good_stored(db)


def test_cp1251_is_decoded_and_stored_as_russian(tmp_path, nlp):
    folder = _folder_with_good(tmp_path)
    (folder / "ru.txt").write_bytes(RUSSIAN.encode("cp1251"))
    db = tmp_path / "t.db"
    ingest(nlp, db, [str(folder)])
    with Store(db) as store:
        russian = next(a for a in store.articles() if a.source.path == str(folder / "ru.txt"))
        # decoded as Cyrillic, not cp1252 mojibake: the stored text reads as Russian, and is found
        assert "Правительство" in russian.text and russian.language == "ru"
        assert [h["id"] for h in store.search("Правительство")] == [russian.id]
    _assert_good_stored(db)


def test_non_english_is_stored_without_analysis(tmp_path, nlp):
    folder = _folder_with_good(tmp_path)
    (folder / "de.txt").write_text(GERMAN, encoding="utf-8")
    db = tmp_path / "t.db"
    report = ingest(nlp, db, [str(folder)])
    with Store(db) as store:
        german = next(a for a in store.articles() if a.source.path == str(folder / "de.txt"))
        assert not list(store.rejected())
    assert report.stored == 2 and german.language == "de" and "Bundesregierung" in german.text
    assert german.dateline.place == "BERLIN" and [w.code for w in german.warnings] == ["W140"]
    _assert_good_stored(db)


def test_html_without_body(tmp_path, nlp):
    folder = _folder_with_good(tmp_path)
    (folder / "nobody.html").write_text("<html><head><title>Nothing here</title></head><body></body></html>")
    (folder / "menu.html").write_text("<html><body><nav><a href='/a'>World</a> <a href='/b'>Sport</a></nav>"
                                      "<div><a href='/c'>Weather</a></div></body></html>")
    (folder / "story.html").write_text(page("Peru holds rates", GOOD_TOO))
    db = tmp_path / "t.db"
    ingest(nlp, db, [str(folder)])
    codes = rejected_codes(db)
    assert codes[str(folder / "nobody.html")] == "E109"
    assert codes[str(folder / "menu.html")] == "E109"
    assert any("benchmark interest rate" in t for t in stored_texts(db))
    _assert_good_stored(db)


def test_truncated_gzip_keeps_what_came_before(tmp_path, nlp):
    folder = _folder_with_good(tmp_path)
    lines = [json.dumps({"id": f"r{i}", "text": GOOD_TOO.replace("5.75", f"{i}.25")}) for i in range(3)]
    filler = [json.dumps({"id": f"f{i}", "text": f"filler {i} " + "x" * 20000}) for i in range(20)]
    data = gzip.compress(("\n".join(lines + filler) + "\n").encode(), compresslevel=1)
    (folder / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    (folder / "cut.html.gz").write_bytes(gzip.compress(page("Peru", GOOD_TOO).encode())[:40])
    db = tmp_path / "t.db"
    ingest(nlp, db, [str(folder)])
    codes = rejected_codes(db)
    assert codes[str(folder / "cut.jsonl.gz")] == "E107"
    assert codes[str(folder / "cut.html.gz")] == "E107"
    texts = stored_texts(db)
    assert all(any(f"{i}.25 percent" in t for t in texts) for i in range(3))
    _assert_good_stored(db)


def test_malformed_json_line_in_a_good_file(tmp_path, nlp):
    folder = _folder_with_good(tmp_path)
    good = json.dumps({"id": "peru", "text": GOOD_TOO})
    (folder / "mixed.jsonl").write_text(good + "\n{\"id\": \"broken\", \"text\": \n", encoding="utf-8")
    db = tmp_path / "t.db"
    ingest(nlp, db, [str(folder)])
    with Store(db) as store:
        rejected = store.rejected()
        ids = {a.id for a in store.articles()}
    assert [r["code"] for r in rejected] == ["E104"]
    assert '"broken"' in rejected[0]["payload"]  # the bad line is kept as it was
    assert "peru" in ids
    _assert_good_stored(db)


def test_200mb_file_is_rejected_by_size_without_reading_it(tmp_path, nlp):
    folder = _folder_with_good(tmp_path)
    huge = folder / "huge.txt"
    with open(huge, "wb") as fh:  # sparse: no 200 MB ever written or read
        fh.truncate(200 * 1024 * 1024)
    one_line = folder / "huge.jsonl"
    with open(one_line, "wb") as fh:
        fh.write(b'{"id": "big", "text": "')
        fh.truncate(200 * 1024 * 1024)
    tracemalloc.start()
    raws = list(read_inputs([str(huge), str(one_line)], max_bytes=1024 * 1024))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert [r.error.code for r in raws] == ["E105", "E105"]
    assert peak < 8 * 1024 * 1024  # the 1 MB limit bounds what is held, not the 200 MB file
    db = tmp_path / "t.db"
    ingest(nlp, db, [str(folder)], max_bytes=1024 * 1024)
    codes = rejected_codes(db)
    assert codes[str(huge)] == "E105"
    assert codes[str(one_line)] == "E105"
    _assert_good_stored(db)


def test_retry_rejected_reruns_a_fixed_input(tmp_path, nlp):
    folder = _folder_with_good(tmp_path)
    (folder / "later.jsonl").write_text(json.dumps({"id": "later", "title": "x"}) + "\n")
    db = tmp_path / "t.db"
    ingest(nlp, db, [str(folder)])
    assert rejected_codes(db) == {str(folder / "later.jsonl"): "E106"}
    # the input is fixed where it lives; the retry re-reads it from its file
    (folder / "later.jsonl").write_text(json.dumps({"id": "later", "text": GOOD_TOO}) + "\n")
    with Store(db) as store:
        store.conn.execute("UPDATE rejected SET payload = NULL")
        store.conn.commit()
    report = ingest(nlp, db, retry_rejected=True)
    assert report.stored == 1
    assert rejected_codes(db) == {}
