"""One event per happening: the events of a story's articles folded into dyadic events.

GDELT and ICEWS rows have one actor per side, so an event with compound sides ("Russia and
Belarus agreed") is one dyadic event per source × target pair. Within a story (a wire story and
its reprints, ``store.stories``), the dyadic events that share date, dyad, CAMEO root and polarity
(``stories.event_key`` applied to the pair) are one happening, with a mention per article: GDELT's
NumMentions (every report), NumArticles (distinct articles) and NumSources (distinct publishers,
``stories.outlet``).

Nothing depends on the order articles were ingested or listed in: a story's articles are sorted
by publication time then content hash, the report that represents a happening is the most
confident one (ties: the earliest), and ids are hashes of what the happening is.

What reaches a happening: asserted and reported events, not negated ones, unless ``Selection``
says otherwise (docs/exports.md, "What is exported").
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from dateline.record import Article, Event, EventActor
from dateline.store.stories import event_key, outlet

FACTUAL_MODALITIES = frozenset({"asserted", "reported"})


@dataclass(frozen=True)
class Selection:
    include_negated: bool = False
    all_modalities: bool = False
    since: str | None = None
    until: str | None = None

    def admits(self, event: Event, day: str | None) -> bool:
        if event.negated and not self.include_negated:
            return False
        if event.modality not in FACTUAL_MODALITIES and not self.all_modalities:
            return False
        if self.since and (day is None or day[:10] < self.since):
            return False
        return not (self.until and (day is None or day[:10] > self.until))


@dataclass
class Item:
    """An article as the exporters see it: the record and what the store knows of it."""

    article: Article
    content_hash: str
    added: str | None = None  # when it was stored (ISO, UTC); None for extract output


@dataclass
class Mention:
    item: Item
    index: int  # the event's position in the article's record
    event: Event
    source: EventActor | None
    target: EventActor | None
    day: str | None = None  # the day the happening is keyed on (see ``story_happenings``)


@dataclass
class Happening:
    event_id: int
    story_id: int
    mentions: list[Mention] = field(default_factory=list)

    @property
    def best(self) -> Mention:
        """The most confident report (ties: the earliest), whose coding the rows carry."""
        return max(self.mentions, key=lambda m: m.event.confidence)

    @property
    def first(self) -> Mention:
        return self.mentions[0]

    @property
    def num_articles(self) -> int:
        return len({m.item.content_hash for m in self.mentions})

    @property
    def num_sources(self) -> int:
        return len({outlet(m.item.article) for m in self.mentions})

    def article_mentions(self) -> list[Mention]:
        """One mention per article (its first report of the happening)."""
        seen: dict[str, Mention] = {}
        for m in self.mentions:
            seen.setdefault(m.item.content_hash, m)
        return list(seen.values())


def event_day(event: Event, article: Article) -> str | None:
    if event.date is not None and event.date.earliest:
        return event.date.earliest[:10]
    return article.anchor_date


def stable_id(*parts: object) -> int:
    """A positive 52-bit integer from the parts: the same happening gets the same id in every
    export, and it fits a float64 (JSON readers, pandas) exactly."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return int(digest[:13], 16)


def published_key(article: Article) -> str:
    """The publication moment in UTC, comparable across forms ("2025-03-04" is midnight UTC)."""
    value = article.published
    if not value or value.startswith("X"):
        return "9999"
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return "9999"
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat()


def _order(item: Item) -> tuple[str, str]:
    return (published_key(item.article), item.content_hash)


def _same_actor(a: EventActor | None, b: EventActor | None) -> bool:
    return a is not None and b is not None and (a.code, a.country, a.name.casefold()) == (
        b.code, b.country, b.name.casefold())


def _pairs(event: Event) -> Iterator[tuple[EventActor | None, EventActor | None]]:
    """Every source × target pair, never an actor acting on itself. The coder writes a joint act
    as one event per direction (events/dyads.py); records stored by earlier versions list its
    parties on both sides, and this keeps their export CHN → VNM and VNM → CHN too."""
    nobody: list[EventActor | None] = [None]  # a side with no actor still gives a row
    pairs = [(source, target) for source in event.source or nobody for target in event.target or nobody
             if not _same_actor(source, target)]
    yield from pairs or [(source, None) for source in event.source]


def _pair_key(event: Event, day: str | None, source: EventActor | None,
              target: EventActor | None) -> tuple[object, ...]:
    single = Event(type=event.type, cameo=event.cameo, quad=event.quad, goldstein=event.goldstein,
                   source=[source] if source else [], target=[target] if target else [],
                   sentence=event.sentence, trigger=event.trigger, negated=event.negated)
    key = event_key(single)
    return (day, *key[1:])


def story_happenings(items: Iterable[Item], selection: Selection) -> list[Happening]:
    """The happenings of one story's articles. An event with no date of its own is dated by the
    story's first publication day, not its own article's: a reprint a day later reports the same
    happening."""
    ordered = sorted(items, key=_order)
    if not ordered:
        return []
    story_id = stable_id("story", ordered[0].content_hash)
    story_day = min((i.article.anchor_date for i in ordered if i.article.anchor_date), default=None)
    groups: dict[tuple[object, ...], list[Mention]] = {}
    for item in ordered:
        for index, event in enumerate(item.article.events):
            own = event.date is not None and bool(event.date.earliest)
            day = event_day(event, item.article) if own else story_day
            if not selection.admits(event, day):
                continue
            for source, target in _pairs(event):
                key = _pair_key(event, day, source, target)
                groups.setdefault(key, []).append(Mention(item, index, event, source, target, day))
    happenings = []
    for key, mentions in groups.items():
        anchor = mentions[0].item.content_hash
        happenings.append(Happening(stable_id("event", anchor, *key), story_id, mentions))
    happenings.sort(key=lambda h: (h.best.day or "", h.event_id))
    return happenings


def all_happenings(stories: Iterable[list[Item]], selection: Selection) -> list[Happening]:
    found = [h for story in stories for h in story_happenings(story, selection)]
    found.sort(key=lambda h: (h.best.day or "", h.story_id, h.event_id))
    return found
