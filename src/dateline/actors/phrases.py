"""The word tables and small phrase readings the actor resolver uses (``actors.resolver``): which
dependents make up an actor phrase, which heads count people, which roles speak for a body, and
how coordinated or counted heads borrow a country or a kind from their neighbours."""

from __future__ import annotations

from spacy.tokens import Token

from dateline.actors.memory import ARMED_GROUPS, _code
from dateline.record import EventActor

PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "him", "her", "them", "us"})
# Modifiers that can carry an actor's country or role; "of" phrases too ("the government of Iraq"),
# but no other prepositional phrase ("a treaty with Belarus" is not Belarusian).
PHRASE_DEPS = frozenset({"compound", "amod", "poss", "nmod", "det", "appos", "case", "prep", "pobj"})
MAX_PHRASE = 14
LOCATIVE_PREPS = frozenset({"in", "of", "from", "throughout", "across", "inside"})
QUANTITY_HEADS = frozenset({"thousands", "hundreds", "dozens", "scores", "tens", "millions", "group", "number",
                            "members", "some", "many", "most", "third", "half", "all", "one", "two", "three",
                            "several", "majority", "crowd", "crowds", "lot", "batch", "patch", "team"})


POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our", "my", "your"})
OWNER_PREPS = frozenset({"by", "from", "of"})
PLACE_PREPS = frozenset({"of", "in", "near"})
# Definite descriptions that stand for the international body named before ("the alliance").
BODY_ANAPHORS = frozenset({"alliance", "bloc", "union", "organisation", "organization", "body", "council",
                           "commission", "agency", "grouping", "coalition"})
WHERE_PREPS = frozenset({"in", "near", "outside", "at", "inside"})
# Role words whose sector a modifier's sector overrides ("opposition leaders", "military officials").
GENERIC_ROLES = frozenset({"leader", "official", "spokesman", "spokeswoman", "spokesperson", "member", "chief",
                           "figure", "representative"})
# Roles held in a body ("a commander of X", "a spokesman for X"): in a body that is not a
# state's, the holder is the body's, whatever sector the title alone would give.
GROUP_ROLES = GENERIC_ROLES | {"commander", "head", "fighter", "militant", "chairman", "founder", "deputy"}
SPEAKING_ROLES = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative"})
NON_STATE_SECTORS = ARMED_GROUPS | {"OPP", "NGO", "IGO"}
OWNING_SECTORS = frozenset({"REB", "MIL", "COP", "OPP", "GOV", "INS", "UAF"})
OVERRIDING_SECTORS = frozenset({"OPP", "REB", "MIL", "COP", "PTY", "NGO", "BUS", "LAB", "REL", "MED", "EDU",
                                "JUD", "LEG"})


def without_possessive(name: str) -> str:
    """The owner's name in an entity the tagger ran over a possessive ("Xland's", "Xland's Y")."""
    for mark in ("'s ", "’s "):
        name = name.split(mark, 1)[0]
    for mark in ("'s", "’s"):
        name = name.removesuffix(mark)
    return name.rstrip()


def share_country(heads: list[Token], actors: list[EventActor]) -> None:
    """ "Israeli helicopters and tanks": the nationality written once qualifies every
    coordinated common noun, so a conjunct without a country takes the first one's."""
    if len(actors) < 2 or heads[0].pos_ != "NOUN" or not actors[0].country:
        return
    for actor in actors[1:]:
        if actor.country is None and actor.sector and not actor.name[:1].isupper():
            actor.country = actors[0].country
            actor.code = _code(actor.country, actor.sector)


def counted(head: Token) -> Token | None:
    """The people a quantity or collective head counts ("a group of X", "thousands of X")."""
    if head.lower_ not in QUANTITY_HEADS:
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def kind_of_others(head: Token) -> Token | None:
    """What "others" or a bare number are more of when a verb coordinated with an earlier one
    takes them as its object ("killed three soldiers and wounded four others", "killing one and
    injuring others", "killing two people and arresting 15"): the earlier verb's object, whose
    country they share."""
    more = head.lower_ == "others" or (head.pos_ == "NUM" and head.tag_ == "CD")
    if not more or head.dep_ != "dobj" or head.head.dep_ != "conj":
        return None
    first = head.head.head
    return next((c for c in first.children if c.dep_ == "dobj"), None)
