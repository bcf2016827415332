"""Archives and corpora: WARC files and .zip of articles, their skipped members listed in the manifest.

``.jsonl.gz`` and folders are read by ``files`` and ``formats`` (a folder is every file below it, in
sorted order); this module adds the containers whose members are themselves inputs:

- **WARC** (``.warc``, ``.warc.gz``, with ``warcio``): every ``response`` (or ``resource``)
  record whose payload is HTML becomes a page with the record's target URI as its URL; other
  records (requests, metadata, images, redirects) are skipped and listed in the manifest.
- **zip**: every member is read by its own suffix, exactly as a file on disk would be; a member
  larger than the size limit is rejected from its declared size without being inflated.

A damaged archive (truncated gzip, broken zip) yields one E107 record for the damage, after
the members that could be read: nothing already read is lost.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from dateline.errors import Code, DatelineError
from dateline.ingest.formats import read_stream
from dateline.ingest.manifest import Manifest
from dateline.ingest.raw import RawInput, content_id, from_bytes
from dateline.record import Source

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
ZIP_SUFFIXES = (".zip",)
ARCHIVE_SUFFIXES = WARC_SUFFIXES + ZIP_SUFFIXES
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_archive(name: str) -> bool:
    return name.lower().endswith(ARCHIVE_SUFFIXES)


def read_archive(path: Path, max_bytes: int, manifest: Manifest | None = None) -> Iterator[RawInput]:
    """RawInputs from a WARC or zip file (members in archive order)."""
    if path.name.lower().endswith(ZIP_SUFFIXES):
        yield from read_zip(path, max_bytes, manifest)
    else:
        yield from read_warc(path, max_bytes, manifest)


def _damaged(path: str, exc: BaseException, member: str | None = None) -> RawInput:
    where = f"{path}!{member}" if member else path
    return RawInput(id=content_id(f"{where}:damaged"), source=Source(path=path),
                    error=DatelineError(Code.UNREADABLE, f"{where}: {type(exc).__name__}: {exc}"))


def read_warc(path: Path, max_bytes: int, manifest: Manifest | None = None) -> Iterator[RawInput]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    spath = str(path)
    try:
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh, arc2warc=True):
                uri = record.rec_headers.get_header("WARC-Target-URI")
                if record.rec_type not in ("response", "resource"):
                    _note(manifest, spath, uri, "skipped", detail=f"{record.rec_type} record")
                    continue
                ctype = (record.http_headers.get_header("Content-Type") if record.http_headers
                         else record.rec_headers.get_header("Content-Type")) or ""
                status = record.http_headers.get_statuscode() if record.http_headers else "200"
                if not ctype.lower().startswith(_HTML_TYPES) or status != "200":
                    _note(manifest, spath, uri, "skipped", detail=f"{status} {ctype or 'no type'}")
                    continue
                data = record.content_stream().read(max_bytes + 1)
                if len(data) <= max_bytes and getattr(record.raw_stream, "limit", 0) > 0:
                    raise EOFError(f"record {uri} ends before its declared length")
                raw = from_bytes(data, spath, html=True, max_bytes=max_bytes)
                raw.source.url = uri
                raw.meta["warc_date"] = record.rec_headers.get_header("WARC-Date")
                yield raw
        if spath.lower().endswith(".gz"):
            _check_gzip_complete(path)  # warcio stops quietly at a truncated gzip member
    except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError) as exc:
        yield _damaged(spath, exc)


def _check_gzip_complete(path: Path) -> None:
    """Stream the whole file through gzip (in chunks); raises EOFError when it is truncated."""
    import gzip

    with gzip.open(path, "rb") as fh:
        while fh.read(1 << 20):
            pass


def read_zip(path: Path, max_bytes: int, manifest: Manifest | None = None) -> Iterator[RawInput]:
    spath = str(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        yield _damaged(spath, exc)
        return
    with archive:
        for info in archive.infolist():
            if info.is_dir() or Path(info.filename).name.startswith((".", "__MACOSX")):
                _note(manifest, spath, info.filename, "skipped", detail="folder or hidden entry")
                continue
            where = f"{spath}!{info.filename}"
            if info.file_size > max_bytes:
                yield RawInput(id=content_id(where), source=Source(path=where),
                               error=DatelineError(Code.TOO_LARGE, f"{where}: {info.file_size} bytes"))
                continue
            try:
                data = archive.read(info)
            except (zipfile.BadZipFile, OSError, EOFError, zlib.error, RuntimeError) as exc:
                yield _damaged(spath, exc, info.filename)
                continue
            yield from read_stream(io.BytesIO(data), info.filename, where, max_bytes)


def _note(manifest: Manifest | None, path: str, member: str | None, status: str,
          code: str | None = None, detail: str | None = None) -> None:
    if manifest is not None:
        manifest.add(path, member, status, code, detail)
