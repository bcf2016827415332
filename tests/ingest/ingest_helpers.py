"""Shared helpers for the ingest tests: short wire stories written for these tests, and a
one-call ingest that runs the real pipeline and store (the same path as `dateline ingest`)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from dateline.cli.ingest import gather_inputs
from dateline.ingest.feeds import PoliteFetcher
from dateline.ingest.manifest import Manifest
from dateline.pipeline import Options, process_batch
from dateline.store.db import Store

GOOD = (
    "OSLO, May 4 (Reuters) - Norway's fisheries ministry said on Tuesday it would cut the cod "
    "quota for the coming season by a fifth after scientists warned that stocks in the Barents "
    "Sea had fallen for the third year in a row. The ministry said the decision was taken "
    "together with the Russian authorities, who share the management of the stock."
)
GOOD_TOO = (
    "LIMA, June 9 (Reuters) - Peru's central bank held its benchmark interest rate at 5.75 "
    "percent on Thursday, saying that inflation had eased in the past two months but that the "
    "outlook for the economy remained uncertain. The bank said it was ready to act if prices "
    "rose again and that it would watch the exchange rate closely."
)
GERMAN = (
    "BERLIN, 4. Mai - Die Bundesregierung hat am Dienstag beschlossen, die Förderung für "
    "Elektroautos zu verlängern. Der Minister sagte, dass die Entscheidung nach langen "
    "Verhandlungen mit den Ländern getroffen worden sei und dass die neuen Regeln ab dem "
    "kommenden Monat gelten sollen, wie die Regierung mitteilte."
)
RUSSIAN = (
    "МОСКВА, 4 мая - Правительство России во вторник приняло решение продлить программу "
    "поддержки производителей сельскохозяйственной техники. Министр заявил, что решение было "
    "принято после долгих переговоров с регионами и что новые правила начнут действовать со "
    "следующего месяца, сообщила пресс-служба правительства."
)


def page(title: str, body: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>{title}</h1>{paragraphs}</article></body></html>")


def ingest(nlp, db: Path, paths: Iterable[str] = (), feeds: Iterable[str] = (), *, fetch: bool = False,
           retry_rejected: bool = False, fetcher: PoliteFetcher | None = None, max_bytes: int = 5 * 1024 * 1024,
           manifest: Manifest | None = None):
    with Store(db) as store:
        inputs = gather_inputs(store, list(paths), list(feeds), fetch, retry_rejected, max_bytes,
                               manifest, fetcher)
        return store.ingest(process_batch(inputs, Options(max_bytes=max_bytes), nlp=nlp))


def stored_texts(db: Path) -> list[str]:
    with Store(db) as store:
        return [a.text for a in store.articles()]


def rejected_codes(db: Path) -> dict[str, str]:
    """source path (or input id) → error code of every rejected input."""
    with Store(db) as store:
        return {(r["source_path"] or r["input_id"]): r["code"] for r in store.rejected()}
