"""py3langid's model memory-mapped from the cache answers exactly as py3langid's own load."""

from __future__ import annotations

import numpy as np
import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from dateline.article import langid_model

TEXTS = [
    "The council voted on Tuesday to close the old bridge to lorries until the spring repairs end.",
    "Le conseil municipal a voté mardi la fermeture du vieux pont aux camions jusqu'au printemps.",
    "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke bis zum Frühjahr für Lastwagen zu sperren.",
    "El ayuntamiento votó el martes cerrar el viejo puente a los camiones hasta la primavera.",
    "ok",
]


@pytest.fixture(scope="module")
def reference() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def test_mapped_model_answers_as_the_packaged_one(tmp_path, monkeypatch, reference):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    mapped = langid_model.identifier()
    assert isinstance(mapped.nb_ptc, np.memmap)  # from the cache, not unpacked in memory
    for text in TEXTS:
        code, probability = mapped.classify(text)
        expected_code, expected_probability = reference.classify(text)
        assert (code, float(probability)) == (expected_code, float(expected_probability))
    again = langid_model.identifier()  # a second process finds the arrays already unpacked
    assert again.classify(TEXTS[1]) == mapped.classify(TEXTS[1])
    assert len(list(tmp_path.glob("dateline/py3langid-*/*.npy"))) == len(langid_model.ARRAYS)


def test_unwritable_cache_loads_the_model_into_memory(tmp_path, monkeypatch, reference):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    loaded = langid_model.identifier()
    assert not isinstance(loaded.nb_ptc, np.memmap)
    assert loaded.classify(TEXTS[2]) == reference.classify(TEXTS[2])
