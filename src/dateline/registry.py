"""Optional modules: capabilities that plug commands or store savers in by name.

A module listed by name that is not installed is skipped; one that is there but fails to
import raises, so a real bug is never hidden.
"""

from __future__ import annotations

import importlib
from types import ModuleType


def optional_module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name == name:
            return None
        raise
