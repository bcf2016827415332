"""Reading a joint act back from its directed events (events/dyads.py)."""

from __future__ import annotations

from dateline.events.dyads import joint_act, parties
from dateline.record import Article, Event


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
