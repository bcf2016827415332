"""Readable, plain-text views of articles and of a database, for people at a terminal."""

from __future__ import annotations

import textwrap

from dateline.record import Article
from dateline.store.db import Store
from dateline.store.dialect import display_name


def _dateline_line(article: Article) -> str:
    dl = article.dateline
    if dl is None:
        return "no dateline"
    return f"{dl.place or '?'} / {dl.agency or 'no agency'} / {dl.date or 'no date'}"


def describe(article: Article, width: int = 100) -> str:
    """One article: its structure, then who said what, what happened and when."""
    lines = [article.headline or f"(no headline) {article.id}",
             f"  id {article.id} · published {article.published or 'unknown'}"
             f" ({article.published_source or '-'}) · dateline {_dateline_line(article)}"]
    if article.lead:
        lines += textwrap.wrap("Lead: " + article.lead, width, initial_indent="  ", subsequent_indent="    ")
    if article.actors:
        lines.append("  Actors: " + "; ".join(
            f"{a.name} ({a.code or a.country or '?'}{', ' + a.title if a.title else ''})" for a in article.actors))
    for q in article.quotes:
        who = (q.speaker.name or q.speaker.text) if q.speaker else "?"
        lines += textwrap.wrap(f"“{q.text}” — {who} [{q.kind}]", width, initial_indent="  Q ",
                               subsequent_indent="    ")
    for e in article.events:
        src = "+".join(a.code or a.name for a in e.source) or "?"
        tgt = "+".join(a.code or a.name for a in e.target) or "-"
        when = e.date.earliest if e.date and e.date.earliest else "?"
        flags = ("NOT " if e.negated else "") + (e.modality if e.modality != "asserted" else "")
        lines.append(f"  E {e.type or 'STATEMENT':<11} {e.cameo:<5} {src} → {tgt}  {when}  "
                     f"{e.place.name if e.place else ''} {flags}".rstrip() + f"  «{e.trigger.text}»")
    if article.times:
        lines.append("  Times: " + "; ".join(f"{t.text} = {t.value}" for t in article.times))
    return "\n".join(lines)


def summarise(store: Store, limit: int = 50) -> str:
    rejected = store.rejected()
    out = [f"{display_name(store.path)}: {store.count()} articles, {len(rejected)} rejected inputs", ""]
    for i, article in enumerate(store.articles()):
        if i >= limit:
            out.append(f"… and {store.count() - limit} more")
            break
        out += [describe(article), ""]
    for row in rejected:
        out.append(f"rejected {row['input_id']} ({row['source_path'] or 'stdin'}): {row['code']} {row['message']}")
    return "\n".join(out)
