"""Suites "plover", "penta" and "petrarch": the record's ``events`` on sentence-level gold.

Input, for all three: each sentence's ``id`` and ``text``, and ``published`` from its ``date``
when it has one (``YYYYMMDD`` becomes ``YYYY-MM-DD``; other dates keep their first ten
characters). The **top event** of a record is its most confident event that is not negated (the
first of equals, in record order).

* plover (events/plover_gsr_dev.jsonl): top-event type accuracy; type recall (the gold type among
  any of the record's events); actor country — a record event of the gold type whose source or
  target countries include a gold actor's first three code letters (over all sentences);
  recipient country — the same for the gold recipients (over sentences that have one).
  An event's countries are each actor's ``country``, else its ``code``, first three letters.
  Triple recall and precision — a development stand-in for the petrarch suite, which has no dev
  set: (actor side, recipient side, PLOVER type) of every gold actor and recipient ("---" when
  there is none) against the same of every non-negated typed event, sides read as in petrarch.
  It charges the extra events and pairs a sentence's record carries, which the top-event figures
  do not; the gold writes "A and B agreed" with no recipient, so such pairs count against us.
* penta (events/conflibert_cameo_train.jsonl): the top event's CAMEO root in the data's own five
  classes — 01-02 statement, 03-05 verbal cooperation, 06-08 material cooperation, 09-13 and 16
  verbal conflict, 14-15 and 17-20 material conflict; no top event (or no CAMEO code) is a miss.
  Macro F1 over the five classes, and accuracy. The event model may have trained on this file:
  read the score as an upper bound, not a result.
* petrarch (events/petrarch_validation.jsonl, not in the development data): (source country,
  target country, CAMEO root) triples of the non-negated coded events against the gold's; recall
  and precision. An actor's side is its country, else IGO/NGO/MNC/IMG from its code, else "---".
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from spacy.language import Language

from dateline.evaluation.measures import macro_f1
from dateline.evaluation.suite import Records, Row, Scores, Suite, read_jsonl, record_of
from dateline.events.ranker import cameo_class

PLOVER_FILE = "events/plover_gsr_dev.jsonl"
PENTA_FILE = "events/conflibert_cameo_train.jsonl"
PETRARCH_FILE = "events/petrarch_validation.jsonl"
UPPER_BOUND = "upper bound: the event model may have trained on this set"
TRANSNATIONAL = {"IGO", "NGO", "MNC", "IMG"}  # CAMEO first codes of actors with no country


def _published(row: Row) -> str | None:
    date = str(row.get("date") or "")
    if len(date) == 8 and date.isdigit():
        return f"{date[:4]}-{date[4:6]}-{date[6:]}"
    return date[:10] or None


def inputs(rows: list[Row]) -> list[Row]:
    built = []
    for row in rows:
        record = {"id": row["id"], "text": row["text"]}
        if _published(row):
            record["published"] = _published(row)
        built.append(record)
    return built


def top_event(record: dict[str, Any]) -> dict[str, Any] | None:
    asserted = [e for e in record.get("events") or [] if not e.get("negated")]
    return max(asserted, key=lambda e: e.get("confidence") or 0) if asserted else None


def _countries(actors: list[dict[str, Any]] | None) -> set[str]:
    named = (str(a.get("country") or a.get("code") or "") for a in actors or [])
    return {n[:3].upper() for n in named if n}


def _gold_countries(actors: Any) -> set[str]:
    if not isinstance(actors, list):
        return set()
    return {a["code"][:3] for a in actors if isinstance(a, dict) and a.get("code")}


def _names_country(events: list[dict[str, Any]], countries: set[str]) -> bool:
    return any((_countries(e.get("source")) | _countries(e.get("target"))) & countries for e in events)


def _side(actor: dict[str, Any]) -> str:
    code = (actor.get("code") or "")[:3].upper()
    return (actor.get("country") or "")[:3].upper() or (code if code in TRANSNATIONAL else "---")


def _sides(actors: list[dict[str, Any]] | None) -> set[str]:
    return {_side(a) for a in actors or []} or {"---"}


def _gold_triples(row: Row) -> set[tuple[str, str, str]]:
    actors = _gold_countries(row.get("actor")) or {"---"}
    recipients = _gold_countries(row.get("recipient")) or {"---"}
    return {(a, r, row["event"]) for a in actors for r in recipients}


def _triples(record: dict[str, Any], label: Callable[[dict[str, Any]], str]) -> set[tuple[str, str, str]]:
    """(source side, target side, label) of every non-negated event with a label, each pair of sides."""
    return {(s, t, label(e)) for e in record.get("events") or [] if not e.get("negated") and label(e)
            for s in _sides(e.get("source")) for t in _sides(e.get("target"))}


def typed_triples(record: dict[str, Any]) -> set[tuple[str, str, str]]:
    return _triples(record, lambda e: e.get("type") or "")


def score_plover(rows: list[Row], records: Records) -> Scores:
    top_right = any_right = actor_right = recipient_right = with_recipient = 0
    gold_n = predicted_n = hits = 0
    for row in rows:
        record = record_of(records, row)
        gold, got = _gold_triples(row), typed_triples(record)
        gold_n, predicted_n, hits = gold_n + len(gold), predicted_n + len(got), hits + len(gold & got)
        events = record.get("events") or []
        top = top_event(record)
        top_right += bool(top and top.get("type") == row["event"])
        any_right += row["event"] in {e.get("type") for e in events}
        of_type = [e for e in events if e.get("type") == row["event"]]
        actors, recipients = _gold_countries(row.get("actor")), _gold_countries(row.get("recipient"))
        actor_right += bool(actors) and _names_country(of_type, actors)
        if recipients:
            with_recipient += 1
            recipient_right += _names_country(of_type, recipients)
    n = len(rows) or 1
    return Scores({"plover.top_accuracy": top_right / n, "plover.type_recall": any_right / n,
                   "plover.actor_country": actor_right / n,
                   "plover.recipient_country": recipient_right / max(with_recipient, 1),
                   "plover.triple_recall": hits / max(gold_n, 1), "plover.triple_precision": hits / max(predicted_n, 1)},
                  {"sentences with a gold recipient": with_recipient, "gold triples": gold_n,
                   "predicted triples": predicted_n})


def penta_class(cameo: Any) -> int:
    """The ConfliBERT five classes of a CAMEO code (its first two digits are the root)."""
    return cameo_class(str(cameo))


def predicted_penta(record: dict[str, Any]) -> int:
    top = top_event(record)
    return penta_class(top["cameo"]) if top and top.get("cameo") else -1


def score_penta(rows: list[Row], records: Records) -> Scores:
    gold = [int(r["penta_label"]) for r in rows]
    got = [predicted_penta(record_of(records, r)) for r in rows]
    macro, per_class = macro_f1(gold, got, range(5))
    accuracy = sum(g == p for g, p in zip(gold, got, strict=True)) / (len(rows) or 1)
    return Scores({"penta.macro_f1": macro, "penta.accuracy": accuracy},
                  {"no top event": got.count(-1), "per-class F1": [round(f, 3) for f in per_class]})


def coded_triples(record: dict[str, Any]) -> set[tuple[str, str, str]]:
    return _triples(record, lambda e: str(e["cameo"])[:2] if e.get("cameo") else "")


def score_petrarch(rows: list[Row], records: Records) -> Scores:
    gold_n = predicted_n = hits = 0
    for row in rows:
        gold = {(e["source"][:3], e["target"][:3], str(e["code"])[:2]) for e in row.get("events") or []}
        got = coded_triples(record_of(records, row))
        gold_n, predicted_n, hits = gold_n + len(gold), predicted_n + len(got), hits + len(gold & got)
    return Scores({"petrarch.triple_recall": hits / max(gold_n, 1), "petrarch.triple_precision": hits / max(predicted_n, 1)},
                  {"gold triples": gold_n, "predicted triples": predicted_n})


def _loader(rel: str) -> Callable[[Path], list[dict[str, Any]]]:
    return lambda data_dir: read_jsonl(Path(data_dir) / rel)


PLOVER = Suite("plover", (PLOVER_FILE,), _loader(PLOVER_FILE), inputs, score_plover, headline="plover.top_accuracy")
PENTA = Suite("penta", (PENTA_FILE,), _loader(PENTA_FILE), inputs, score_penta, headline="penta.macro_f1",
              note=UPPER_BOUND)
PETRARCH = Suite("petrarch", (PETRARCH_FILE,), _loader(PETRARCH_FILE), inputs, score_petrarch,
                 headline="petrarch.triple_recall")
SUITES = (PLOVER, PENTA, PETRARCH)


def run(data_dir: Path, nlp: Language | None = None, limit: int | None = None) -> dict[str, Any]:
    """The three event suites, keyed by name."""
    from dateline.evaluation.runner import run_suite

    return {s.name: run_suite(s, data_dir, nlp, limit) for s in SUITES}
