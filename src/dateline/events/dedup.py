"""One happening told twice in an article is one event: tellings compared by the words their
triggers govern (the gist) and by their actors."""

from __future__ import annotations

from spacy.tokens import Token

from dateline.events.patterns import doc_info
from dateline.record import Event, EventActor

GIST_DEPS = frozenset({"dobj", "xcomp", "ccomp", "prep", "nsubjpass", "attr", "oprd", "dative", "prt"})
GIST_POS = frozenset({"NOUN", "VERB", "PROPN", "ADJ", "NUM"})
MAX_GIST = 30
SAME_GIST = 0.5  # share of the smaller gist two tellings of one event have in common

def _gist(verb: Token) -> frozenset[str]:
    """The content lemmas of what the trigger acts on ("agreed to resume talks on borders":
    resume, talk, border), which tell apart two events with the same verb and actors."""
    info = doc_info(verb.doc)
    words: set[str] = set()
    for child in verb.children:
        if child.dep_ not in GIST_DEPS or child.i < verb.i:
            continue
        for i in range(child.left_edge.i, child.right_edge.i + 1):  # a subtree is a contiguous range
            if info.pos[i] in GIST_POS and not info.stop[i]:
                words.add(info.lemmas[i])
            if len(words) >= MAX_GIST:
                return frozenset(words)
    return frozenset(words)


def _same_gist(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return True
    return len(a & b) >= SAME_GIST * min(len(a), len(b))


def _codes(actors: list[EventActor]) -> set[str]:
    # By country where known: "Astana is ready to host" (KAZ) and "Kazakhstan is ready to host"
    # (KAZGOV) are one actor told two ways.
    return {a.country or a.code or a.name for a in actors}


def _same(a: Event, b: Event) -> bool:
    """Two tellings of one event: same coding, and one's actors' countries a subset of the other's."""
    sa, sb, ta, tb = _codes(a.source), _codes(b.source), _codes(a.target), _codes(b.target)
    return (sa <= sb or sb <= sa) and (ta <= tb or tb <= ta)


def _dedup(events: list[Event], gists: dict[int, frozenset[str]] | None = None) -> list[Event]:
    """The same event told twice (lead repeated in the body) is one: keep the fuller telling
    in the place of the first. Same verb and actors but different objects ("agreed to resume
    talks", later "also agreed to set up a hotline") are two events."""
    gists = gists or {}
    kept: list[Event] = []
    groups: dict[tuple[str | None, str, str, bool], list[int]] = {}
    empty: frozenset[str] = frozenset()
    at_trigger: dict[int, int] = {}  # trigger offset → index in kept
    for event in events:
        key = (event.type, event.cameo[:3], event.trigger.text.lower(), event.negated)
        k = at_trigger.get(event.trigger.start)  # one trigger, one event
        if k is None:
            k = next((k for k in groups.get(key, []) if _same(kept[k], event) and _same_gist(
                gists.get(id(kept[k]), empty), gists.get(id(event), empty))), None)
        if k is None:
            groups.setdefault(key, []).append(len(kept))
            at_trigger[event.trigger.start] = len(kept)
            kept.append(event)
            continue
        prev = kept[k]
        at_trigger[event.trigger.start] = k
        if len(event.source) + len(event.target) > len(prev.source) + len(prev.target):
            event.confidence = max(prev.confidence, event.confidence)
            kept[k] = event  # keep the fuller telling in the place of the first
        else:
            prev.confidence = max(prev.confidence, event.confidence)
    return kept
