"""The limits of reading and fetching, and the one place they are read from the environment.

Every limit has a documented default (docs/reliability.md) and a ``DATELINE_*`` setting. They are
read through ``setting`` only, so that when the project's settings module lands this one function
is pointed at it and nothing else changes.
"""

from __future__ import annotations

import os
from typing import TypeVar

T = TypeVar("T", int, float, bool, str)

# name (without the DATELINE_ prefix) → default. Types follow the default's.
DEFAULTS: dict[str, int | float | bool | str] = {
    "FETCH_TIMEOUT": 10.0,  # seconds one connect or one read may wait
    "FETCH_DEADLINE": 20.0,  # seconds for one URL in all: robots.txt, redirects, retries, body
    "RUN_DEADLINE": 1800.0,  # seconds of fetching in one run; later fetches are rejected at once
    "FETCH_RETRIES": 2,  # further attempts after a timeout, a dropped connection, 429 or 5xx
    "FETCH_BACKOFF": 0.5,  # seconds before the first retry; doubled each time, with jitter
    "MAX_RETRY_AFTER": 60.0,  # the longest Retry-After we wait for (within the deadline)
    "MAX_REDIRECTS": 5,
    "ROBOTS": True,  # honour robots.txt when fetching feed items' pages
    "USER_AGENT": "",  # empty: dateline/<version> (+ what it is)
    "MAX_CHARS": 2_000_000,  # characters of one article's text; longer ones are rejected (E105)
    "JSON_MAX_DEPTH": 64,  # nesting of one JSON Lines record
}


def setting(name: str, default: T | None = None) -> T:
    """The value of ``DATELINE_<name>`` in the type of its default; the default when it is unset
    or does not read as that type."""
    fallback = DEFAULTS[name] if default is None else default
    value = os.environ.get(f"DATELINE_{name}")
    if value is None or value.strip() == "":
        return fallback  # type: ignore[return-value]
    try:
        if isinstance(fallback, bool):
            return value.strip().lower() not in ("0", "false", "no", "off")  # type: ignore[return-value]
        return type(fallback)(value.strip())  # type: ignore[return-value]
    except ValueError:
        return fallback  # type: ignore[return-value]


def max_chars() -> int:
    """The character cap of one article (``DATELINE_MAX_CHARS``)."""
    return max(1, int(setting("MAX_CHARS")))


def user_agent() -> str:
    configured = str(setting("USER_AGENT"))
    if configured:
        return configured
    from importlib.metadata import PackageNotFoundError, version

    try:
        ours = version("dateline")
    except PackageNotFoundError:
        ours = "0"
    return f"dateline/{ours} (news article extraction; one request per host at a time; honours robots.txt)"
