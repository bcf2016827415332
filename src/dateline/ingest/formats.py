"""File formats by suffix: plain text, HTML, JSON Lines (each optionally gzipped) → RawInputs.

The one place that decides how a file's or an archive member's bytes are read: ``read_stream``
dispatches on the name's suffix, JSON Lines are read a bounded line at a time.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from dateline.errors import Code, DatelineError
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


def read_jsonl(stream: Iterable[bytes], path: str | None, max_bytes: int,
               first_line: int = 1) -> Iterator[RawInput]:
    """Records of a JSON Lines stream; ``first_line`` numbers its first line (a range of a larger file)."""
    if hasattr(stream, "readline"):
        stream = bounded_lines(stream, max_bytes)  # type: ignore[arg-type]
    for number, line in enumerate(stream, first_line):
        if not line.strip():
            continue
        where = f"{path or '<stdin>'}:{number}"
        if len(line) > max_bytes:
            yield RawInput(id=content_id(line[:4096]), source=Source(path=path),
                           error=DatelineError(Code.TOO_LARGE, f"{where}: {len(line)} bytes"))
            continue
        try:
            text, _warning = decode(line)
            obj = json.loads(text)
        except (DatelineError, ValueError) as exc:
            payload = line.decode("utf-8", "replace")
            yield RawInput(id=content_id(line), source=Source(path=path), payload=payload,
                           error=DatelineError(Code.BAD_JSON, f"{where}: {exc}"))
            continue
        yield from_record(obj, path, number)


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
