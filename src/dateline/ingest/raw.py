"""Raw inputs: what a reader hands the pipeline, before any article structure is found.

A ``RawInput`` is one document as read (text or HTML, with what the source said about it); its
id is a digest of the content unless the source names one. Nothing here raises on bad input:
bytes that cannot be read become a RawInput with an ``error`` (a catalogue code) and, where
there is one, the payload to re-run. A leaf module: every reader in ``ingest`` builds on it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from dateline.errors import Code, DatelineError
from dateline.record import Source

KNOWN_FIELDS = {"id", "text", "html", "published", "title", "url", "publisher", "language"}
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


@dataclass
class RawInput:
    id: str
    text: str | None = None
    html: str | None = None
    published: str | None = None
    title: str | None = None
    language: str | None = None
    source: Source = field(default_factory=Source)
    meta: dict[str, Any] = field(default_factory=dict)
    error: DatelineError | None = None
    warnings: list[DatelineError] = field(default_factory=list)
    payload: str | None = None  # what was read, kept for rejected inputs so they can be re-run


def content_id(content: str | bytes) -> str:
    data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    return hashlib.sha1(data).hexdigest()[:16]


def payload_of(raw: RawInput) -> str:
    """The input as a JSON Lines record, so that a rejected input can be re-run as it was."""
    if raw.payload is not None:
        return raw.payload
    record = {"id": raw.id, "text": raw.text, "html": raw.html, "published": raw.published,
              "title": raw.title, "url": raw.source.url, "publisher": raw.source.publisher,
              "language": raw.language, **raw.meta}
    return json.dumps({k: v for k, v in record.items() if v is not None}, ensure_ascii=False)


def decode(data: bytes) -> tuple[str, DatelineError | None]:
    """Bytes → text. Binary raises E102; invalid UTF-8 is decoded in its detected legacy
    encoding (cp1251 for Cyrillic, cp1252/latin-1 for Western text) with an E103 warning."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if _looks_binary(data):
        raise DatelineError(Code.BINARY)
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        bad_byte = exc.start
    encoding = legacy_encoding(data)
    return data.decode(encoding, "replace"), DatelineError(Code.DECODE, f"byte {bad_byte}; read as {encoding}")


# Single-byte encodings news text comes in when it is not UTF-8.
LEGACY_ENCODINGS = ("cp1252", "cp1251", "latin_1", "iso8859_15", "koi8_r", "cp1250", "iso8859_2")


def legacy_encoding(data: bytes) -> str:
    """The most plausible single-byte encoding of ``data`` (charset_normalizer, else cp1252)."""
    try:
        from charset_normalizer import from_bytes as detect

        best = detect(data[:65536], cp_isolation=list(LEGACY_ENCODINGS)).best()
    except Exception:  # detection is a refinement; never fail a read over it
        best = None
    if best is None:
        try:
            data.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            return "latin_1"
    return best.encoding


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return control / len(sample) > 0.05


def from_bytes(data: bytes, path: str | None, html: bool = False,
               max_bytes: int = DEFAULT_MAX_BYTES) -> RawInput:
    """A whole document's bytes (text or HTML) → RawInput."""
    source = Source(path=path)
    rid = content_id(data)
    if len(data) > max_bytes:
        return RawInput(id=rid, source=source, error=DatelineError(Code.TOO_LARGE, f"{len(data)} bytes"))
    if not data.strip():
        return RawInput(id=rid, source=source, error=DatelineError(Code.EMPTY, path or ""))
    try:
        text, warning = decode(data)
    except DatelineError as exc:
        return RawInput(id=rid, source=source, error=exc)
    raw = RawInput(id=rid, source=source, warnings=[warning] if warning else [])
    if html:
        raw.html = text
    else:
        raw.text = text
    return raw


def from_record(obj: Any, path: str | None = None, line: int | None = None) -> RawInput:
    """A JSON Lines record (already parsed) → RawInput."""
    where = f"{path or '<stdin>'}:{line}" if line else (path or "<stdin>")
    if not isinstance(obj, dict):
        err = DatelineError(Code.BAD_JSON, f"{where}: a record must be a JSON object")
        return RawInput(id=content_id(json.dumps(obj)), error=err, payload=json.dumps(obj))
    text, html = obj.get("text"), obj.get("html")
    rid = str(obj.get("id") or content_id(text or html or json.dumps(obj, sort_keys=True)))
    source = Source(path=path, url=obj.get("url"), publisher=obj.get("publisher"))
    meta = {k: v for k, v in obj.items() if k not in KNOWN_FIELDS}
    published, date_warning = _iso_date(obj.get("published"))
    raw = RawInput(id=rid, text=text if isinstance(text, str) else None,
                   html=html if isinstance(html, str) else None, published=published,
                   title=_str(obj.get("title")), language=_str(obj.get("language")), source=source, meta=meta,
                   warnings=[date_warning] if date_warning else [])
    if raw.text is None and raw.html is None:
        raw.error = DatelineError(Code.NO_TEXT, where)
        raw.payload = json.dumps(obj, ensure_ascii=False)
    return raw


def _iso_date(value: Any) -> tuple[str | None, DatelineError | None]:
    """The published value read into ISO form (ingest/dates.py); unreadable ones are dropped with
    an E112 warning, numeric ones of assumed order kept with a W301 warning."""
    from dateline.ingest.dates import read_published

    return read_published(value)


def _str(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None
