"""Annotation conventions as a profile (``data/time/profiles.json``, docs/time.md "Profiles").

Guidelines differ on a few points — whether "now" or "several months" is a time expression,
what "a decade ago" denotes — and no one choice suits every gold standard. A profile names the
choices; ``DATELINE_TIME_PROFILE`` selects one, the file's ``default`` (TimeML) otherwise.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from dateline import settings


@dataclass(frozen=True)
class Profile:
    name: str
    marks: frozenset[str]  # non-markable classes marked anyway (timex.nonmarkables)
    ago_decade: str  # "year": "a decade ago" is the year ten years back; "decade": that decade


@cache
def _profiles() -> dict[str, Any]:
    path = resources.files("dateline") / "data" / "time" / "profiles.json"
    with path.open(encoding="utf-8") as fh:
        profiles: dict[str, Any] = json.load(fh)
    return profiles


@cache
def _load(name: str) -> Profile:
    table = _profiles()
    if name not in table or name.startswith("_") or name == "default":
        known = sorted(k for k in table if not k.startswith("_") and k != "default")
        raise ValueError(f"unknown time profile {name!r}; known: {', '.join(known)}")
    entry = table[name]
    return Profile(name, frozenset(entry.get("marks", [])), entry.get("ago_decade", "year"))


def active() -> Profile:
    """The profile in force: ``DATELINE_TIME_PROFILE`` if set, else the table's default."""
    return _load(settings.get().time_profile or _profiles()["default"])
