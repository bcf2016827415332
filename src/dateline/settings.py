"""Every setting of dateline, read in one place.

A setting comes from, first match wins: its environment variable (``DATELINE_`` + the name in
capitals, unless the field names another), ``dateline.toml`` in the working folder, then
``dateline.toml`` in the user config folder (``$XDG_CONFIG_HOME/dateline``, else
``~/.config/dateline``), then its default. A command-line option, where a command has one, beats
them all. Callers ask :func:`get`; nothing else in the package reads ``os.environ`` for dateline.

Adding a setting is one line in :class:`Settings` (a typed field made by :func:`setting`) and one
row in the README's settings table (a test fails while the row is missing). A value that does not
parse, or a key ``dateline.toml`` does not know, is ignored with a W401 warning.
"""

from __future__ import annotations

import logging
import os
import tomllib
import types
import typing
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from dateline.errors import Code, warn

log = logging.getLogger(__name__)
CONFIG_FILE = "dateline.toml"
ENV_PREFIX = "DATELINE_"


def setting(default: Any, help: str, *, env: str | None = None, aliases: tuple[str, ...] = (),
            secret: bool = False) -> Any:
    """A settings field: its default, what it is for (the README says the same), and, when the
    variable is not ``DATELINE_<NAME>``, its environment variable and older names."""
    return field(default=default, repr=not secret,
                 metadata={"help": help, "env": env, "aliases": aliases, "secret": secret})


def user_data_home() -> Path:
    """Where user data goes by default: ``$XDG_DATA_HOME/dateline``, else ``~/.local/share/dateline``."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "dateline"


def user_cache_home() -> Path:
    """Where files dateline can always make again go: ``$XDG_CACHE_HOME/dateline``, else
    ``~/.cache/dateline``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dateline"


@dataclass(frozen=True)
class Settings:
    # One line per setting (wrapped when long); the README's settings table has a row for each.
    model: str | None = setting(None, "the spaCy pipeline package to load")
    gazetteer: Path | None = setting(None, "a folder of gazetteer tables laid over the shipped ones")
    fetch_timeout: float = setting(10.0, "seconds to wait for one HTTP response when fetching")
    fetch_retries: int = setting(2, "retries of a failed fetch before the input is rejected")
    data_dir: Path | None = setting(None, "the user's data folder (actor layers)", aliases=("DATELINE_HOME",))
    eval_data: Path | None = setting(None, "the development data `dateline eval` scores", env="DATELINE_DATA")
    api_key: str | None = setting(None, "the key a REST API client must send", secret=True)
    fetch_deadline: float = setting(20.0, "seconds for one URL in all: robots.txt, redirects, retries, body")
    run_deadline: float = setting(1800.0, "seconds of fetching in one run; later fetches are rejected at once")
    fetch_backoff: float = setting(0.5, "seconds before the first retry; doubled each time, with jitter")
    max_retry_after: float = setting(60.0, "the longest Retry-After waited for")
    max_redirects: int = setting(5, "redirect hops followed, each one checked")
    robots: bool = setting(True, "honour robots.txt when fetching pages")
    user_agent: str = setting("", "the User-Agent of every request (empty: dateline/<version>)")
    max_chars: int = setting(2_000_000, "characters of one article's text; longer ones are rejected")
    json_max_depth: int = setting(64, "nesting of one JSON Lines record; deeper ones are rejected")
    time_profile: str | None = setting(None, "the time conventions profile: timeml (the default) or strict")
    serve_time_limit: float = setting(5.0, "seconds one API query may run before it answers 503")
    serve_cache_mb: float = setting(64.0, "MB of API answers each server process keeps until the store changes")
    # text, not a Path: a PostgreSQL URL would lose a slash of its `//` in a Path
    serve_db: str | None = setting(None, "the store `serve --workers N` hands its worker processes (set by serve)")

    @property
    def user_data(self) -> Path:
        """The data folder in effect (the setting, else the user's default)."""
        return self.data_dir or user_data_home()


def env_names(f: Any) -> tuple[str, ...]:
    """A field's environment variable, then its older names."""
    return (f.metadata["env"] or ENV_PREFIX + f.name.upper(), *f.metadata["aliases"])


def config_files(cwd: Path | None = None) -> list[Path]:
    """The ``dateline.toml`` files read, the one that wins first."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return [(cwd or Path.cwd()) / CONFIG_FILE, Path(base) / "dateline" / CONFIG_FILE]


def get() -> Settings:
    """The settings in effect now (environment read on every call, so a changed variable counts;
    the files are parsed once per change)."""
    return Settings(**{name: value for name, (value, _) in _resolve().items()})


def explain() -> list[tuple[str, str, str]]:
    """Each setting's value as shown to a user (a secret only as set or not) and where it came
    from: ``$VARIABLE``, a ``dateline.toml`` path, or ``default``."""
    resolved = _resolve()
    out = []
    for f in fields(Settings):
        value, where = resolved.get(f.name, (f.default, "default"))
        if f.name == "data_dir" and value is None:
            value = user_data_home()
        shown = ("(set)" if value else "(not set)") if f.metadata["secret"] else ("-" if value is None else str(value))
        out.append((f.name, shown, where))
    return out


def _resolve() -> dict[str, tuple[Any, str]]:
    """The settings given by the environment or a file: name → (value, where it came from)."""
    from_files: dict[str, tuple[Any, str]] = {}
    for path in reversed(config_files()):  # the user folder first, the working folder over it
        for key, value in _read_file(path, _mtime(path)).items():
            from_files[key] = (value, str(path))
    known, hints = _fields()
    for key in from_files.keys() - known.keys():
        _warn_once(f"{from_files[key][1]}: unknown key {key!r}")
    values: dict[str, tuple[Any, str]] = {}
    for name, f in known.items():
        raw, where = _lookup(f, from_files)
        if raw is None:
            continue
        try:
            values[name] = (_convert(raw, hints[name]), where)
        except (TypeError, ValueError):
            shown = "(secret)" if f.metadata["secret"] else repr(raw)
            _warn_once(f"{where}: {name} = {shown} is not a {_kind(hints[name]).__name__}")
    return values


@lru_cache(maxsize=1)
def _fields() -> tuple[dict[str, Any], dict[str, Any]]:
    """The settings' fields and their types, read once: ``get`` runs for every article and
    resolving the type hints costs more than reading the environment."""
    return {f.name: f for f in fields(Settings)}, typing.get_type_hints(Settings)


def _lookup(f: Any, from_files: dict[str, tuple[Any, str]]) -> tuple[Any, str]:
    for var in env_names(f):
        if os.environ.get(var):
            return os.environ[var], f"${var}"
    return from_files.get(f.name, (None, ""))


def _kind(hint: Any) -> type:
    """The type a field's value converts to: the non-None member of ``X | None``."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        hint = next(a for a in typing.get_args(hint) if a is not type(None))
    assert isinstance(hint, type), hint
    return hint


_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off"}


def _convert(raw: Any, hint: Any) -> Any:
    kind = _kind(hint)
    if kind is Path:
        return Path(str(raw)).expanduser()
    if kind is bool:  # bool("false") is True: read the word
        if isinstance(raw, bool):
            return raw
        word = str(raw).strip().lower()
        if word not in _TRUE | _FALSE:
            raise ValueError(f"not a yes/no value: {raw!r}")
        return word in _TRUE
    if kind in (int, float) and isinstance(raw, bool):
        raise TypeError("a boolean is not a number")
    if kind is int and isinstance(raw, float):
        raise ValueError("not a whole number")
    return kind(raw)


def _mtime(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


@lru_cache(maxsize=8)
def _read_file(path: Path, mtime: int | None) -> dict[str, Any]:
    if mtime is None:
        return {}
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        _warn_once(f"{path}: {exc}")
        return {}
    return data


@lru_cache(maxsize=64)
def _warn_once(detail: str) -> None:
    warn(log, Code.SETTING_IGNORED, detail)
