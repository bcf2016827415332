"""File formats by suffix: plain text, HTML, JSON Lines (each optionally gzipped) → RawInputs.

The one place that decides how a file's or an archive member's bytes are read: ``read_stream``
dispatches on the name's suffix, JSON Lines are read a bounded line at a time.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from dateline.errors import Code, DatelineError
from dateline.ingest.limits import setting
from dateline.ingest.raw import RawInput, content_id, decode, from_bytes, from_record
from dateline.record import Source

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")


def bounded_lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes]:
    """Lines of a binary stream, never holding more than ``max_bytes`` of one line in memory:
    an overlong line is yielded as its first ``max_bytes + 1`` bytes (to be rejected as E105)
    and the rest of it is skipped."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:  # skip to the end of the overlong line, chunk by chunk
                rest = stream.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
        yield line


_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS = re.compile(rb"[\[\]{}]")


def json_depth(line: bytes) -> int:
    """How deeply a JSON text nests arrays and objects, found without parsing it (the parser
    recurses, and a line nested 100,000 deep would exhaust the stack)."""
    if line.count(b"[") + line.count(b"{") <= 1:
        return line.count(b"[") + line.count(b"{")
    depth = deepest = 0
    for m in _BRACKETS.finditer(_JSON_STRING.sub(b'""', line)):
        depth += 1 if m.group() in b"[{" else -1
        deepest = max(deepest, depth)
    return deepest


def parse_json_line(line: bytes, where: str, max_depth: int | None = None) -> Any:
    """One JSON Lines record → its value. Raises DatelineError E104 for a line that does not
    parse, is not UTF-8 text, or nests deeper than ``max_depth`` (``JSON_MAX_DEPTH``)."""
    limit = int(setting("JSON_MAX_DEPTH")) if max_depth is None else max_depth
    depth = json_depth(line)
    if depth > limit:
        raise DatelineError(Code.BAD_JSON, f"{where}: nested {depth} deep, over the limit of {limit}")
    try:
        text, _warning = decode(line)
        return json.loads(text)
    except (DatelineError, ValueError, RecursionError) as exc:
        raise DatelineError(Code.BAD_JSON, f"{where}: {exc}") from None


def read_jsonl(stream: Iterable[bytes], path: str | None, max_bytes: int,
               first_line: int = 1) -> Iterator[RawInput]:
    """Records of a JSON Lines stream; ``first_line`` numbers its first line (a range of a larger file)."""
    if hasattr(stream, "readline"):
        stream = bounded_lines(stream, max_bytes)  # type: ignore[arg-type]
    records = 0
    for number, line in enumerate(stream, first_line):
        if not line.strip():
            continue
        records += 1
        where = f"{path or '<stdin>'}:{number}"
        if len(line) > max_bytes:
            yield RawInput(id=content_id(line[:4096]), source=Source(path=path),
                           error=DatelineError(Code.TOO_LARGE, f"{where}: {len(line)} bytes"))
            continue
        try:
            obj = parse_json_line(line, where)
        except DatelineError as exc:
            yield RawInput(id=content_id(line), source=Source(path=path), error=exc,
                           payload=line.decode("utf-8", "replace"))
            continue
        yield from_record(obj, path, number)
    if records == 0:  # a file of no records is still an input: it is reported, not passed over
        yield RawInput(id=content_id(f"{path or '<stdin>'}:empty"), source=Source(path=path),
                       error=DatelineError(Code.EMPTY, f"{path or '<stdin>'}: no JSON Lines records"))


def read_stream(fh: BinaryIO, name: str, where: str, max_bytes: int) -> Iterator[RawInput]:
    """A file's (or an archive member's) bytes → RawInputs, by the suffix of ``name``."""
    name = name.lower()
    if not name.endswith(JSONL_SUFFIXES + TEXT_SUFFIXES + HTML_SUFFIXES):
        yield RawInput(id=content_id(where), source=Source(path=where),
                       error=DatelineError(Code.UNSUPPORTED, where))
        return
    stream: BinaryIO = gzip.GzipFile(fileobj=fh, mode="rb") if name.endswith(".gz") else fh  # type: ignore[assignment]
    try:
        if name.endswith(JSONL_SUFFIXES):
            yield from read_jsonl(stream, where, max_bytes)
            return
        data = stream.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        # a truncated gzip: what was read before the damage has been yielded already
        yield RawInput(id=content_id(f"{where}:damaged"), source=Source(path=where),
                       error=DatelineError(Code.UNREADABLE, f"{where}: {exc}"))
        return
    yield from_bytes(data, where, html=name.endswith(HTML_SUFFIXES), max_bytes=max_bytes)
