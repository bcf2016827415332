"""Bad input: each case yields a coded error record and the rest of the batch goes on."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from dateline.ingest.files import read_inputs
from dateline.pipeline import Options, process_batch

GOOD = "HAVANA, April 2 (Reuters) - Cuba's government said on Tuesday it would raise fuel prices.\n"


def codes(paths, nlp, **options):
    out = list(process_batch(read_inputs([str(p) for p in paths], options.get("max_bytes", 5 << 20)),
                             Options(**options), nlp=nlp))
    return [(a.error.code if a.error else None) for a in out], out


def test_bad_files_get_codes_and_good_ones_survive(tmp_path: Path, nlp):
    (tmp_path / "a_empty.txt").write_text("")
    (tmp_path / "b_binary.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "c_good.txt").write_text(GOOD)
    (tmp_path / "d_latin1.txt").write_bytes("SAO PAULO, May 1 - Brazil’s café exports rose, traders said.".encode("cp1252"))
    (tmp_path / "e_image.png").write_bytes(b"\x89PNG\r\n")
    with gzip.open(tmp_path / "f_truncated.jsonl.gz", "wb") as fh:
        fh.write((json.dumps({"id": "x", "text": GOOD}) + "\n").encode() * 50)
    data = (tmp_path / "f_truncated.jsonl.gz").read_bytes()
    (tmp_path / "f_truncated.jsonl.gz").write_bytes(data[: len(data) // 2])
    got, articles = codes([tmp_path], nlp)
    by_name = {Path(a.source.path).name: a for a in articles}
    assert by_name["a_empty.txt"].error.code == "E101"
    assert by_name["b_binary.txt"].error.code == "E102"
    assert by_name["c_good.txt"].error is None and by_name["c_good.txt"].dateline.place == "HAVANA"
    latin = by_name["d_latin1.txt"]
    assert latin.error is None and "café" in latin.text and latin.warnings[0].code == "W101"
    assert by_name["e_image.png"].error.code == "E110"
    assert "E107" in got


def test_malformed_json_line_does_not_stop_the_file(tmp_path: Path, nlp):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "one", "text": GOOD}),
        '{"id": "two", "text": "unterminated',
        json.dumps({"id": "three"}),
        json.dumps({"id": "four", "text": GOOD.replace("Tuesday", "Wednesday"), "extra": 7}),
    ]))
    got, articles = codes([path], nlp)
    assert got == [None, "E104", "E106", None]
    assert articles[3].meta == {"extra": 7}
    assert articles[1].payload.startswith('{"id": "two"')


def test_size_limit(tmp_path: Path, nlp):
    (tmp_path / "big.txt").write_text(GOOD * 100)
    (tmp_path / "small.txt").write_text(GOOD)
    got, _ = codes([tmp_path], nlp, max_bytes=1000)
    assert got == ["E105", None]


def test_non_english_is_kept_unanalysed_and_rejected_only_on_request(tmp_path: Path, nlp):
    (tmp_path / "es.txt").write_text(
        "MADRID, 3 mar (EFE) - El Gobierno de España aprobó este martes una reforma de las pensiones "
        "que, según el ministro, garantizará la sostenibilidad del sistema durante las próximas décadas "
        "y mejorará las prestaciones de los trabajadores con carreras más largas y de los autónomos.")
    got, out = codes([tmp_path], nlp)
    assert got == [None] and out[0].language == "es"
    assert [w.code for w in out[0].warnings] == ["W140"] and out[0].quotes == out[0].events == []
    assert "reforma de las pensiones" in out[0].text
    assert codes([tmp_path], nlp, languages=("en", "fr"))[0] == ["E108"]
    assert codes([tmp_path], nlp, languages=("en", "es"))[0] == [None]


def test_missing_path_is_an_error_record(tmp_path: Path, nlp):
    got, _ = codes([tmp_path / "nope.txt"], nlp)
    assert got == ["E107"]


def test_bad_published_date_is_a_warning_not_a_crash(tmp_path: Path, nlp):
    path = tmp_path / "dates.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "bad", "text": GOOD, "published": "last Tuesday"}),
        json.dumps({"id": "good", "text": GOOD, "published": "2024-04-02T08:00:00Z"}),
    ]))
    got, (bad, good) = codes([path], nlp)
    assert got == [None, None]
    assert bad.published is None and [w.code for w in bad.warnings] == ["W102"]
    assert good.published == "2024-04-02T08:00:00Z" and good.dateline.date == "2024-04-02"
