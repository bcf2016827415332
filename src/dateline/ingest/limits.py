"""The limits of reading and fetching, and the one place they are read from the environment.

Every limit has a documented default (docs/reliability.md) and a ``DATELINE_*`` setting. They are
read through ``setting``, which asks ``dateline.settings`` (the one reader of the environment).
"""

from __future__ import annotations

from typing import TypeVar

from dateline import settings

T = TypeVar("T", int, float, bool, str)


def setting(name: str, default: T | None = None) -> T:
    """The limit ``name`` (``DATELINE_<name>``) as the settings module reads it."""
    value = getattr(settings.get(), name.lower())
    return default if value is None and default is not None else value


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
