"""py3langid's model, memory-mapped from a cache of its arrays instead of unpacked in memory.

py3langid ships its model as an LZMA-compressed ``.npz`` and unpacks it into every process that
classifies: 68 MB of arrays (the byte-n-gram automaton and the feature x language weights), with
~120 MB at its peak while unpacking. A text visits only a few thousand of the automaton's 100,000
states and weights, so the arrays are unpacked once into ``.npy`` files under the user's cache
folder and memory-mapped: a process holds only the pages its texts touch, and processes on one
machine (workers of ``batch``, Spark's Python workers, ``serve``) share them through the page
cache. The arrays are the ones py3langid loads, bit for bit, and go to its own classifier, so
every answer is the same. When the cache cannot be written the model loads the usual way.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import lzma
import os
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from dateline.settings import user_cache_home

log = logging.getLogger(__name__)
# The arrays of py3langid's model file (its modelio.load_model reads the same ones).
ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
LAYOUT = "1"  # bump when what the cache holds changes


def identifier() -> Any:
    """py3langid's LanguageIdentifier over the memory-mapped arrays (normalised probabilities)."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    try:
        arrays = _mapped(_cached(Path(MODEL_DIR) / MODEL_FILE))
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, lzma.LZMAError) as exc:
        log.info("py3langid's model loads into memory (no cache of its arrays: %s)", exc)
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return LanguageIdentifier(arrays["ptc"], arrays["pc"], arrays["classes"].tolist(),
                              memoryview(arrays["nextmove"]), memoryview(arrays["out_feat"]),
                              norm_probs=True, tk_row=memoryview(arrays["nextmove_row"]))


def _mapped(folder: Path) -> dict[str, Any]:
    import numpy as np

    return {name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in ARRAYS}


def _cached(model: Path) -> Path:
    """The folder of the model's unpacked arrays, unpacked first if no process has done it yet."""
    stat = model.stat()
    key = hashlib.sha256(f"{LAYOUT}:{model.resolve()}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()
    folder = user_cache_home() / f"py3langid-{key[:16]}"
    if all((folder / f"{name}.npy").is_file() for name in ARRAYS):
        return folder
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".py3langid-", dir=folder.parent))
    try:
        _unpack(model, work)
        with contextlib.suppress(OSError):  # another process got there first: its copy is the same
            os.rename(work, folder)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return folder


def _unpack(model: Path, into: Path) -> None:
    """The model's .npz, streamed out of its LZMA wrapper, then each array streamed out of the
    .npz: nothing is held in memory whole."""
    npz = into / "model.npz"
    with lzma.open(model) as src, npz.open("wb") as dst:
        shutil.copyfileobj(src, dst, length=1 << 20)
    with zipfile.ZipFile(npz) as archive:
        names = set(archive.namelist())
        for name in ARRAYS:
            if f"{name}.npy" not in names:
                raise ValueError(f"{model}: no {name} array (another model layout)")
            with archive.open(f"{name}.npy") as src, (into / f"{name}.npy").open("wb") as dst:
                shutil.copyfileobj(src, dst, length=1 << 20)
    npz.unlink()
