"""Reading a joint act back from its directed events (events/dyads.py)."""

from __future__ import annotations

from dateline.record import Article, Event, EventActor


def joint_act(events: list[Event], event: Event) -> list[Event]:
    """The directed events one joint act was written as (``event`` alone when it is no joint act)."""
    if not event.reciprocal:
        return [event]
    return [e for e in events if e.reciprocal and e.trigger == event.trigger and e.cameo == event.cameo]


def parties(events: list[Event], event: Event) -> list[EventActor]:
    """Who takes part in the act ``event`` is one direction of, in the order the text names them."""
    return [a for e in joint_act(events, event) for a in e.source]


def joint_parties(article: Article, event: Event, key: str = "country") -> list[str | None]:
    """The parties of the joint act ``event`` belongs to, after checking that it was written as
    one event per party, each towards all the others."""
    acts = joint_act(article.events, event)
    names = [getattr(a, key) for a in parties(article.events, event)]
    assert len(acts) == len(names) > 1, names
    for act in acts:
        (own,) = (getattr(a, key) for a in act.source)
        assert sorted(map(str, (getattr(a, key) for a in act.target))) == sorted(
            map(str, (n for n in names if n != own))), (own, act.target)
    return names
