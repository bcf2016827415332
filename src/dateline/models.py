"""The trained models the package ships: ``data/models/<name>/``, the model files and ``meta.json``.

``meta.json`` says what a model is and how it was made, so a retrained model can be traced and a
stale one caught::

    feature_set    the version of the feature code it learned from (its module's FEATURE_SET)
    spacy_model    {"name", "version"} of the parser whose parses it learned from
    training_data  [{"file", "sha256"}]: what it was fitted on (digests of the files as read)
    metrics        the scores the training script measured (cross-validated on training data)
    trained        the date, and ``script`` the training script that wrote it

A model that is missing, or was trained on another feature set, is not used and says so with a
coded warning (W301, W302): its stage then runs on rules, never silently. A model learned from
another spaCy model's parses is used, with a warning (W303). The writers in ``scripts/train_*.py``
write a model's folder through :func:`write_meta`.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import IO, Any, TypeVar

from dateline.errors import Code, warn

log = logging.getLogger(__name__)
META_FILE = "meta.json"


def models_root() -> Traversable:
    return resources.files("dateline") / "data" / "models"


def model_folder(name: str) -> Path:
    """The folder of a shipped model as a path (training scripts write there)."""
    return Path(str(models_root() / name))


@dataclass(frozen=True)
class ShippedModel:
    name: str
    folder: Traversable
    meta: dict[str, Any]

    def file(self, filename: str) -> Traversable:
        return self.folder / filename


def read_meta(folder: Traversable) -> dict[str, Any] | None:
    path = folder / META_FILE
    if not path.is_file():
        return None
    meta: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return meta


# Models this process could not use, by name: each article's record carries them as warnings.
_unusable: dict[str, tuple[Code, str]] = {}


def load(name: str, feature_set: int, files: Iterable[str]) -> ShippedModel | None:
    """A shipped model's folder, checked against its meta; None, with a coded warning (in the log
    now, on each article's record from then on), when the model cannot be used."""
    folder = models_root() / name
    meta = read_meta(folder)
    missing = [META_FILE] if meta is None else [f for f in files if not (folder / f).is_file()]
    if missing or meta is None:
        _refuse(name, Code.MODEL_MISSING, f"{name}: no {', '.join(missing)}", folder)
        return None
    if meta.get("feature_set") != feature_set:
        _refuse(name, Code.MODEL_FEATURES, f"{name}: trained on feature set {meta.get('feature_set')}, "
                                           f"the code computes {feature_set}; retrain it", folder)
        return None
    _unusable.pop(name, None)
    return ShippedModel(name, folder, meta)


ModelT = TypeVar("ModelT")


def read_text_model(name: str, feature_set: int, file: str, reader: Callable[[IO[str]], ModelT]) -> ModelT | None:
    """A model shipped as one text file, read by ``reader``; None (with a coded warning, see
    ``load``) when the package carries none usable."""
    shipped = load(name, feature_set, [file])
    if shipped is None:
        return None
    with shipped.file(file).open(encoding="utf-8") as fh:
        return reader(fh)


def _refuse(name: str, code: Code, detail: str, folder: Traversable) -> None:
    warn(log, code, f"{detail} (in {folder})")
    _unusable[name] = (code, detail)


def unusable() -> list[tuple[Code, str]]:
    """The (code, detail) of each model this process refused, by model name."""
    return [_unusable[name] for name in sorted(_unusable)]


def shipped_names() -> list[str]:
    root = models_root()
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if (p / META_FILE).is_file())


def parser_of(nlp: Any) -> dict[str, str]:
    """The ``spacy_model`` entry of a loaded spaCy pipeline: its package name and version."""
    meta = nlp.meta
    return {"name": f"{meta.get('lang', 'en')}_{meta.get('name', '?')}", "version": str(meta.get("version", "?"))}


def check_parser(nlp: Any) -> list[str]:
    """Warn (W303) about each shipped model that learned from another spaCy model's parses; the
    names of those models. Checked once per parser and process."""
    parser = parser_of(nlp)
    return list(_parser_mismatches(parser["name"], parser["version"]))


@cache
def _parser_mismatches(name: str, version: str) -> tuple[str, ...]:
    stale = []
    for model in shipped_names():
        meta = read_meta(models_root() / model) or {}
        trained = meta.get("spacy_model") or {}
        if (trained.get("name"), trained.get("version")) != (name, version):
            warn(log, Code.MODEL_PARSER, f"{model} learned from {trained.get('name')} {trained.get('version')}, "
                                         f"this run parses with {name} {version}")
            stale.append(model)
    return tuple(stale)


def digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def write_meta(folder: Path, *, feature_set: int, nlp: Any, training_data: Iterable[Path],
               metrics: dict[str, Any], script: str, about: str, **extra: Any) -> Path:
    """Write a model folder's ``meta.json`` (indented, keys in a fixed order, so a diff reads it)."""
    folder.mkdir(parents=True, exist_ok=True)
    meta = {
        "name": folder.name,
        "about": about,
        "feature_set": feature_set,
        "spacy_model": parser_of(nlp),
        "training_data": [{"file": p.name, "sha256": digest(p)} for p in training_data],
        "metrics": metrics,
        "trained": datetime.date.today().isoformat(),
        "script": script,
        **extra,
    }
    path = folder / META_FILE
    path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
