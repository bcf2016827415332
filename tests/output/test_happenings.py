"""One event per happening, on records built by hand (no parsing): keys, counts, order, selection."""

from __future__ import annotations

import io

from dateline.output.export import export
from dateline.output.happenings import Item, Selection, all_happenings
from dateline.record import Article, Event, EventActor, EventDate, Offsets, Source, TextSpan
from dateline.store.db import content_hash


def _event(cameo: str, sources: list[str], targets: list[str], day: str | None = None, **kw) -> Event:
    return Event(type="X", cameo=cameo, quad=1, goldstein=1.0,
                 source=[EventActor(name=c, country=c) for c in sources],
                 target=[EventActor(name=c, country=c) for c in targets],
                 sentence=Offsets(0, 20), trigger=TextSpan("met", 5, 8),
                 date=EventDate(text=day, earliest=day, latest=day) if day else None, **kw)


def _item(text: str, publisher: str, published: str, events: list[Event]) -> Item:
    article = Article(id=publisher + published, text=text, published=published,
                      source=Source(url=f"https://{publisher}.example/a", publisher=publisher), events=events)
    return Item(article, content_hash(text))


def test_an_undated_event_of_a_reprint_a_day_later_is_the_same_happening():
    story = [_item("Lithuania and Poland met Belarus officials.", "Wire", "2025-03-04", [_event("040", ["LTU"], ["BLR"])]),
             _item("Lithuania and Poland met Belarusian officials.", "Paper", "2025-03-05",
                   [_event("043", ["LTU"], ["BLR"])])]
    (one,) = all_happenings([story], Selection())
    assert (len(one.mentions), one.num_articles, one.num_sources) == (2, 2, 2)
    assert one.best.day == "2025-03-04"


def test_compound_sides_are_one_happening_per_pair_and_order_does_not_matter():
    wire = _item("Poland and Lithuania protested to Belarus.", "Wire", "2025-03-04",
                 [_event("141", ["POL", "LTU"], ["BLR"], "2025-03-03")])
    paper = _item("Poland and Lithuania protested to Belarus, officials said.", "Paper", "2025-03-04T09:00:00Z",
                  [_event("141", ["POL"], ["BLR"], "2025-03-03", confidence=0.9)])
    found = all_happenings([[wire, paper]], Selection())
    assert sorted((h.best.source.country, h.num_sources) for h in found) == [("LTU", 1), ("POL", 2)]
    again = all_happenings([[paper, wire]], Selection())
    assert [h.event_id for h in again] == [h.event_id for h in found]
    pol = next(h for h in found if h.best.source.country == "POL")
    assert pol.best.item is paper and pol.first.item is wire  # coding from the surest, URL from the first


def test_negated_and_non_factual_events_are_left_out_unless_asked():
    item = _item("Serbia did not recognise Kosovo and may recall its envoy.", "Wire", "2025-03-04", [
        _event("161", ["SRB"], ["XKX"], "2025-03-04", negated=True),
        _event("161", ["SRB"], ["XKX"], "2025-03-04", modality="possible"),
        _event("042", ["SRB"], ["XKX"], "2025-03-04", modality="reported")])
    assert [h.best.event.cameo for h in all_happenings([[item]], Selection())] == ["042"]
    assert len(all_happenings([[item]], Selection(include_negated=True, all_modalities=True))) == 3
    out = io.StringIO()
    export([[item]], "gdelt", out, selection=Selection(include_negated=True))
    assert len(out.getvalue().splitlines()) == 1  # GDELT rows say what happened, whatever is asked


def test_a_joint_act_is_each_party_towards_the_other_never_towards_itself():
    joint = _item("Chile and Peru signed a fisheries pact.", "Wire", "2025-03-04",
                  [_event("057", ["CHL", "PER"], ["CHL", "PER"], "2025-03-03")])
    pairs = sorted((h.best.source.country, h.best.target.country) for h in all_happenings([[joint]], Selection()))
    assert pairs == [("CHL", "PER"), ("PER", "CHL")]


def test_an_event_whose_only_pair_is_an_actor_with_itself_keeps_its_source():
    alone = _item("Chile signed.", "Wire", "2025-03-04", [_event("057", ["CHL"], ["CHL"], "2025-03-03")])
    (one,) = all_happenings([[alone]], Selection())
    assert one.best.source.country == "CHL" and one.best.target is None
