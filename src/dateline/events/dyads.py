"""Joint acts as directed events: what CAMEO's dyadic view and every event data set expect.

"Chile and Peru signed a fisheries pact" is one act by two parties, each towards the other. A
record with both parties on both sides would read, pair by pair, as Chile acting on Chile too;
so a joint act is written as one event per party, its source that party and its target the
others (CHL → PER, PER → CHL), each marked ``reciprocal``. Same trigger, sentence, code, date and
confidence: the events of one act are told apart by their dyad alone.
"""

from __future__ import annotations

from dataclasses import replace

from dateline.record import Event


def directed(events: list[Event]) -> list[Event]:
    """The events with every joint act split into one event per party."""
    out: list[Event] = []
    for event in events:
        if not event.reciprocal or len(event.source) < 2:
            out.append(event)
            continue
        for party in event.source:
            others = [replace(a) for a in event.source if a is not party]
            out.append(replace(event, source=[replace(party)], target=others))
    return out
