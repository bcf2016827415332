"""An article's text as HTML with its quotes, speakers, cues, events and times marked.

The text is cut at every span boundary; each piece is escaped and wrapped in the tags of the
spans covering it, always nested in the same order, so overlapping spans still give well-formed
HTML. Nothing of the article reaches the page unescaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

# Outermost first: a speaker mention inside a quote is wrapped by the quote's mark.
ORDER = ("quote", "speaker", "cue", "event", "time")


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str
    title: str
    href: str | None = None
    ref: str | None = None  # the id of the item beside the text this mark belongs to


def actor_href(name: str) -> str:
    return "/actors/" + quote(name, safe="")


def marks_of(record: dict[str, Any], event_ids: dict[int, int]) -> list[Mark]:
    """The marks of a stored record; ``event_ids`` maps an event's index to its stored id."""
    marks: list[Mark] = []
    for n, q in enumerate(record.get("quotes") or []):
        speaker = q.get("speaker") or {}
        who = speaker.get("name") or speaker.get("text") or "unknown speaker"
        for start, end in q.get("parts") or [[q["start"], q["end"]]]:
            marks.append(Mark(start, end, "quote", f"{q.get('kind', 'quote')} quote by {who}", ref=f"quote-{n}"))
        if q.get("cue"):
            marks.append(Mark(q["cue"]["start"], q["cue"]["end"], "cue", "reporting verb", ref=f"quote-{n}"))
        if speaker.get("start") is not None and speaker.get("end") is not None:
            href = actor_href(speaker["name"]) if speaker.get("name") else None
            marks.append(Mark(speaker["start"], speaker["end"], "speaker", f"speaker: {who}", href=href,
                              ref=f"quote-{n}"))
    for n, e in enumerate(record.get("events") or []):
        trigger = e.get("trigger") or {}
        if trigger.get("start") is not None:
            marks.append(Mark(trigger["start"], trigger["end"], "event",
                              f"{e.get('type')} (CAMEO {e.get('cameo')})",
                              href=f"/events/{event_ids[n]}" if n in event_ids else None, ref=f"event-{n}"))
    for n, t in enumerate(record.get("times") or []):
        marks.append(Mark(t["start"], t["end"], "time", f"{t.get('type')} {t.get('value')}", ref=f"time-{n}"))
    return marks


def _open(mark: Mark, inside_link: bool) -> str:
    attrs = f' class="hl hl-{mark.kind}" title="{escape(mark.title)}"'
    if mark.ref:
        attrs += f' data-ref="{escape(mark.ref)}"'
    if mark.href and not inside_link:
        return f'<a href="{escape(mark.href)}"{attrs}>'
    return f"<mark{attrs}>"


def highlight(text: str, marks: list[Mark]) -> Markup:
    """``text`` escaped, each piece wrapped in the marks that cover it."""
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    rank = {kind: i for i, kind in enumerate(ORDER)}
    out: list[str] = []
    for lo, hi in zip(cuts, cuts[1:]):
        covering = sorted((m for m in valid if m.start <= lo and hi <= m.end), key=lambda m: rank[m.kind])
        closes: list[str] = []
        linked = False
        for m in covering:
            out.append(_open(m, linked))
            closes.append("</a>" if m.href and not linked else "</mark>")
            linked = linked or bool(m.href)
        out.append(str(escape(text[lo:hi])))
        out.extend(reversed(closes))
    return Markup("".join(out))


def marked_snippet(snippet: str | None, open_mark: str, close_mark: str) -> Markup:
    """An FTS snippet escaped, its match markers made into <mark> tags."""
    if not snippet:
        return Markup("")
    escaped = str(escape(snippet))
    return Markup(escaped.replace(open_mark, "<mark>").replace(close_mark, "</mark>"))
