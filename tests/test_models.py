"""The shipped models: each in data/models/<name>/ with a meta.json, read through dateline.models;
a missing or mismatched model warns with a W code instead of falling back in silence."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import pytest
import spacy

from dateline import models
from dateline.events import model as event_model
from dateline.events import ranker as event_ranker
from dateline.quotes import cue_model, span_model, speaker_model

LOADERS = {
    cue_model.MODEL_NAME: (cue_model, cue_model.get_model),
    span_model.MODEL_NAME: (span_model, span_model.get_tagger),
    speaker_model.MODEL_NAME: (speaker_model, speaker_model.get_speaker_model),
    event_model.MODEL_NAME: (event_model, event_model.get_model),
    event_ranker.MODEL_NAME: (event_ranker, event_ranker.get_ranker),
}
ROOT = Path(__file__).resolve().parents[1]
META_KEYS = {"name", "about", "feature_set", "spacy_model", "training_data", "metrics", "trained", "script"}


@pytest.fixture
def fresh_loaders():
    """Loaders re-read the model folders (their caches are cleared before and after the test)."""
    for _, loader in LOADERS.values():
        loader.cache_clear()
    yield
    for _, loader in LOADERS.values():
        loader.cache_clear()
    models._unusable.clear()


def test_every_shipped_model_has_a_loader_and_complete_meta():
    assert models.shipped_names() == sorted(LOADERS)
    for name, (module, loader) in LOADERS.items():
        meta = models.read_meta(models.models_root() / name)
        assert meta is not None and META_KEYS <= set(meta), name
        assert meta["feature_set"] == module.FEATURE_SET
        assert meta["spacy_model"]["name"] and meta["spacy_model"]["version"]
        assert all(len(d["sha256"]) == 64 for d in meta["training_data"]) and meta["training_data"]
        assert meta["script"].startswith("scripts/train_") and (ROOT / meta["script"]).is_file()
        assert loader() is not None, name


def test_model_files_read_in_a_diff_or_are_a_compact_binary():
    for folder in models.model_folder("x").parent.iterdir():
        for path in folder.iterdir():
            if path.suffix == ".crfsuite":  # crfsuite's own binary format: the tagger opens it by path
                assert path.stat().st_size < 5_000_000
                continue
            lines = path.read_text(encoding="utf-8").splitlines()
            assert lines and max(map(len, lines)) < 2_000, path


def test_shipped_parser_matches_the_default_parser(caplog):
    from dateline.nlp import load_model

    with caplog.at_level(logging.WARNING, logger="dateline.models"):
        assert models.check_parser(load_model()) == []
    assert "W303" not in caplog.text


def test_other_parser_is_named_in_a_w303_warning(caplog):
    models._parser_mismatches.cache_clear()  # warned once per parser and process
    with caplog.at_level(logging.WARNING, logger="dateline.models"):
        stale = models.check_parser(spacy.blank("en"))
    assert stale == sorted(LOADERS)
    assert caplog.text.count("W303") == len(LOADERS)


def test_missing_model_warns_w301_and_the_stage_runs_on_rules(tmp_path, monkeypatch, caplog, fresh_loaders):
    monkeypatch.setattr(models, "models_root", lambda: tmp_path)
    with caplog.at_level(logging.WARNING):
        assert cue_model.get_model() is None
        assert event_model.get_model() is None
    assert "W301" in caplog.text and "cue_chooser" in caplog.text and "event_classifier" in caplog.text


def test_model_missing_a_file_warns_w301(tmp_path, monkeypatch, caplog, fresh_loaders):
    shutil.copytree(models.model_folder(span_model.MODEL_NAME), tmp_path / span_model.MODEL_NAME)
    (tmp_path / span_model.MODEL_NAME / span_model.SETTINGS_FILE).unlink()
    monkeypatch.setattr(models, "models_root", lambda: tmp_path)
    with caplog.at_level(logging.WARNING):
        assert span_model.get_tagger() is None
    assert "W301" in caplog.text and span_model.SETTINGS_FILE in caplog.text


def test_model_of_another_feature_set_is_refused_with_w302(tmp_path, monkeypatch, caplog, fresh_loaders):
    folder = tmp_path / speaker_model.MODEL_NAME
    shutil.copytree(models.model_folder(speaker_model.MODEL_NAME), folder)
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    meta["feature_set"] = speaker_model.FEATURE_SET + 1
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    monkeypatch.setattr(models, "models_root", lambda: tmp_path)
    with caplog.at_level(logging.WARNING):
        assert speaker_model.get_speaker_model() is None
    assert "W302" in caplog.text


def test_event_tables_write_back_byte_for_byte(tmp_path):
    shipped = models.model_folder(event_model.MODEL_NAME)
    tables = event_model.read_tables(shipped)
    assert set(tables["heads"]) == set(event_model.HEADS) and tables["calibration"]
    event_model.write_tables(tmp_path, tables)
    for name in [h + ".tsv" for h in event_model.HEADS] + [event_model.CALIBRATION_FILE]:
        assert (tmp_path / name).read_bytes() == (shipped / name).read_bytes(), name
    assert event_model.read_tables(tmp_path) == tables


def test_write_meta_digests_the_training_data(tmp_path):
    data = tmp_path / "train.jsonl"
    data.write_text('{"id": 1}\n', encoding="utf-8")
    path = models.write_meta(tmp_path / "toy", feature_set=3, nlp=spacy.blank("en"), training_data=[data],
                             metrics={"cv_f1": 0.5}, script="scripts/train_toy.py", about="a toy")
    meta = json.loads(path.read_text(encoding="utf-8"))
    assert meta["feature_set"] == 3 and meta["spacy_model"]["name"] == "en_pipeline"
    assert meta["training_data"] == [{"file": "train.jsonl", "sha256": models.digest(data)}]
    assert len(path.read_text(encoding="utf-8").splitlines()) > 5  # indented: one field a line


def test_a_record_made_without_its_models_says_so(tmp_path, monkeypatch, fresh_loaders):
    import dateline

    monkeypatch.setattr(models, "models_root", lambda: tmp_path)
    record = dateline.extract("Harbour officials said on Monday that the old pier would close in May.",
                              published="2025-04-07").to_dict()
    missing = [w["message"] for w in record["warnings"] if w["code"] == "W301"]
    assert any("cue_chooser" in m for m in missing) and any("event_classifier" in m for m in missing)
    assert record["quotes"], "the quote stage ran on its rules"


def test_a_record_made_with_its_models_has_no_model_warning():
    import dateline

    record = dateline.extract("Harbour officials said on Monday that the old pier would close in May.").to_dict()
    assert not [w for w in record.get("warnings", []) if w["code"].startswith("W3")]
