"""The manifest of a run: every input read, skipped or rejected, with its reason.

``files.read_inputs`` fills one when it is given one, and passes it down to the archive readers,
which list the members they skip (requests, images, folders). A leaf module.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ManifestEntry:
    path: str | None
    member: str | None
    status: str  # read | skipped | rejected
    code: str | None = None
    detail: str | None = None


@dataclass
class Manifest:
    """What one run read, skipped and rejected; ``files.read_inputs`` fills it when given one."""

    entries: list[ManifestEntry] = field(default_factory=list)

    def add(self, path: str | None, member: str | None, status: str, code: str | None = None,
            detail: str | None = None) -> None:
        self.entries.append(ManifestEntry(path, member, status, code, detail))

    def counts(self) -> dict[str, int]:
        counts = {"read": 0, "skipped": 0, "rejected": 0}
        for entry in self.entries:
            counts[entry.status] = counts.get(entry.status, 0) + 1
        return counts

    def summary(self) -> str:
        c = self.counts()
        return f"manifest: {c['read']} read, {c['skipped']} skipped, {c['rejected']} rejected"
