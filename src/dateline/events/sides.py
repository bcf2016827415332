"""Who an event's sides are where the phrase the coder reads does not say it: the party an
infinitive spelling out the object names, where role-only victims were when it happened, and
the country a role-only party shares with the other side."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Token

from dateline.actors.index import TRANSNATIONAL, code_of
from dateline.actors.resolver import ActorResolver, located
from dateline.events.clauses import object_heads, subject_of
from dateline.events.patterns import goes_on
from dateline.record import EventActor

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
SPELT_OUT_PREPS = frozenset({"with", "to", "against", "on"})  # "an invitation to meet with X"
WHERE_PREPS = frozenset({"in", "near", "outside", "at", "inside"})  # where an act's clause says it happened
CONSULT_ROOT = "04"
# What a meeting is about: its topic, when it names no one ("talks on border security", "met about
# defence"), is no party, though the agent table knows some such words as forces; a topic that
# names a country or a body ("talks on the Syrian crisis") still gives the target.
TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning"})
TOPIC_VERBS = frozenset({"discuss", "debate", "negotiate"})  # "discussed border security": the object is the topic
NAMED_LABELS = frozenset({"GPE", "LOC", "NORP", "ORG", "PERSON", "FAC"})


def parties_of(verb: Token, code: str) -> list[Token]:
    """The phrases that may name an act's target (``object_heads``), without a meeting's topic.
    An event noun that is the subject of a verb saying it broke out or went on has the verb's
    phrases too ("clashes broke out between police and protesters")."""
    heads = object_heads(verb)
    outbreak = _outbreak_verb(verb)
    if outbreak is not None:
        heads += object_heads(outbreak)
    if code[:2] != CONSULT_ROOT:
        return heads
    return [h for h in heads if not (_topic(h, verb) and not any(
        t.ent_type_ in NAMED_LABELS or t.pos_ == "PROPN" for t in h.subtree))]


def _topic(head: Token, verb: Token) -> bool:
    if head.dep_ == "pobj":
        return head.head.lower_ in TOPIC_PREPS
    return head.dep_ == "dobj" and head.head.i == verb.i and verb.lemma_.lower() in TOPIC_VERBS


def placed(resolver: ActorResolver, verb: Token, target: list[EventActor]) -> list[EventActor]:
    """Victims known by their role alone ("killed 23 people ... when they blew themselves up in
    Xtown") are of the country where the act's clause says it happened, when it names one."""
    subject = subject_of(verb)
    skip = {t.i for t in subject.subtree} if subject is not None else set()
    country = _clause_country(resolver, verb, skip, PLACE_LABELS)
    if country is None:
        return target
    return [replace(a, country=country, code=code_of(country, a.sector)) for a in target]


def _clause_country(resolver: ActorResolver, clause: Token, skip: set[int] | frozenset[int] = frozenset(),
                    labels: frozenset[str] | None = None) -> str | None:
    """The one country of the places a clause says its act happened at ("in", "near", …), outside
    the tokens ``skip``; with ``labels``, only places the tagger labelled so."""
    countries = set()
    for tok in clause.subtree:
        if tok.i in skip or tok.dep_ != "pobj" or tok.head.lower_ not in WHERE_PREPS:
            continue
        if labels is not None and tok.ent_type_ not in labels:
            continue
        place = resolver.place_target(tok)
        if place is not None and place.country:
            countries.add(place.country)
    return countries.pop() if len(countries) == 1 else None


def _outbreak_verb(trigger: Token) -> Token | None:
    """The verb an event noun is said to break out or go on by ("clashes broke out ..."): its
    phrases are the noun's."""
    if trigger.pos_ == "NOUN" and trigger.dep_ == "nsubj" and goes_on(trigger.head):
        return trigger.head
    return None


def first_party(resolver: ActorResolver, heads: Iterable[Token], codes: set[str | None],
                names: set[str]) -> list[EventActor]:
    """The located parties of the first phrase that names any other than the doer's own."""
    for head in heads:
        found = [a for a in resolver.target(head) if located(a) and a.code not in codes and a.name not in names]
        if found:
            return found
    return []


def spelt_out_target(resolver: ActorResolver, verb: Token, codes: set[str | None], names: set[str]) -> list[EventActor]:
    """The located party an infinitive spelling out an object names as its own object or partner
    ("an invitation to meet with X", "a plan to help X"), not one deeper in it."""
    heads = [c for c in verb.children if c.dep_ == "dobj"]
    heads += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in SPELT_OUT_PREPS
              for p in c.children if p.dep_ == "pobj"]
    return first_party(resolver, heads, codes, names)


# Acts answering what another made (a plan, sanctions, an offer): their maker is the target; not
# force or arrest ("held suspects identified by police").
RESPONSE_ROOTS = frozenset({"03", "05", "08", "10", "11", "12", "13"})


def made_by(resolver: ActorResolver, noun: Token, code: str, source: list[EventActor], names: set[str]) -> list[EventActor]:
    """The located party a participle on the object names as its maker: "condemned the sanctions
    imposed by Xland", "rejected a plan put forward by the Y Front" are done to Xland and the
    Front, as PETRARCH reads the first actor in the object's phrase. Only for a doer of its own
    country: an unplaced one ("the ministry") would borrow the maker's."""
    if code[:2] not in RESPONSE_ROOTS or not any(map(located, source)):
        return []
    makers = (head for clause in noun.children if clause.dep_ == "acl" and clause.tag_ == "VBN"
              for agent in clause.children if agent.dep_ == "agent"
              for head in agent.children if head.dep_ == "pobj")
    return first_party(resolver, makers, {a.code for a in source}, names)


# Where a protest is held when it is held at someone's door: "rallied outside the X embassy",
# "protested in front of parliament", "a sit-in at the ministry of Y".
PROTESTED_AT_PREPS = frozenset({"outside", "at", "near", "before", "opposite"})
PROTEST_ROOT = "14"


def protested_at(resolver: ActorResolver, verb: Token, codes: set[str | None], names: set[str]) -> list[EventActor]:
    """The body whose building a protest is held at ("demonstrated outside the Xlandic embassy"
    is a protest against Xland's government): an institution a party owns, not a bare place."""
    heads = []
    objects = [c for c in verb.children if c.dep_ == "dobj"]  # "staged a sit-in outside the embassy"
    for prep in [c for tok in [verb, *objects] for c in tok.children]:
        if prep.dep_ != "prep":
            continue
        objects = [p for p in prep.children if p.dep_ == "pobj"]
        if prep.lower_ == "in" and any(p.lower_ == "front" for p in objects):  # "in front of the embassy"
            heads += [o for p in objects for of in p.children if of.lower_ == "of" for o in of.children
                      if o.dep_ == "pobj"]
        elif prep.lower_ in PROTESTED_AT_PREPS:
            heads += objects
    for head in heads:
        if head.ent_type_ in {"GPE", "LOC"}:
            continue  # "blocked the road near the capital": a capital may stand for its government, not here
        found = [a for a in resolver.target(head) if located(a) and a.sector is not None
                 and a.code not in codes and a.name not in names]
        if found:
            return found
    return []


def unplaced(actor: EventActor) -> bool:
    """A party known by its role alone ("rebels", "demonstrators", "Judge X"): a sector, no
    country, and no transnational body of its own (a named NGO or IGO keeps its first code)."""
    code = actor.code or ""
    return not actor.country and actor.sector is not None and (
        code.startswith("---") or (code in {"", actor.sector} and actor.sector not in TRANSNATIONAL))


def lend_country(side: list[EventActor], other: list[EventActor]) -> list[EventActor]:
    """A party of one side known only by its role is the other side's compatriot when every
    party there is of one country ("the Xland government accepted demands from rebels",
    "Xland police dispersed demonstrators", "opposition leaders agreed to postpone the rally in
    Xland's capital"): the PLOVER gold codes such domestic acts to that country on both sides."""
    countries = {a.country for a in other}
    if len(countries) != 1 or None in countries or any(map(_mission, other)):
        return side
    country = countries.pop()
    return [replace(a, country=country, code=code_of(country, a.sector)) if unplaced(a) and not _outsider(a) else a
            for a in side]


# Words that place a party outside the country it deals with ("foreign diplomats", "Western
# envoys", "visiting inspectors", "international monitors"): no compatriot of the other side.
OUTSIDERS = frozenset({"foreign", "western", "international", "overseas", "visiting", "outside", "expatriate"})


# A country's diplomatic mission stands abroad: those beside it ("protesters outside the Xlandic
# embassy", "gunmen attacked the consulate") are no compatriots of its country.
MISSION_WORDS = frozenset({"embassy", "embassies", "consulate", "consulates"})


def _mission(actor: EventActor) -> bool:
    return any(word.lower() in MISSION_WORDS for word in actor.name.split())


def _outsider(actor: EventActor) -> bool:
    return any(word.lower() in OUTSIDERS for word in actor.name.split())


MUTUAL_ROOTS = frozenset({"03", "04", "05", "06"})
THIRD_PARTY_CODES = frozenset({"045"})  # co-mediators mediate between others, not with each other
TRAVEL_VERBS = frozenset({"visit", "travel", "tour", "fly"})  # "the army's commander will visit Cairo"
VISIT_CODES = frozenset({"042", "043"})  # making or hosting a visit: "X will attend the summit in Y"
MUTUAL_VERBS = frozenset({"clash", "fight", "exchange", "skirmish", "battle", "engage"})


def abroad(code: str, verb: Token) -> bool:
    """Whether the act takes one party to the other's country: a visitor is no compatriot of
    the host ("President X is due to attend the summit in Ycity")."""
    return code in VISIT_CODES or verb.lemma_.lower() in TRAVEL_VERBS


def mutual(code: str, verb: Token) -> bool:
    """Whether parties acting together act on each other: cooperation and clashes, not a joint
    appeal, rejection or protest aimed at someone else."""
    return code not in THIRD_PARTY_CODES and (code[:2] in MUTUAL_ROOTS or verb.lemma_.lower() in MUTUAL_VERBS)


def coded_side(actors: list[EventActor]) -> bool:
    """A side an event data set can code: some actor with a code (`---` and a sector counts)."""
    return any(a.code for a in actors)


# Who imposes such measures on their own country's people.
HOME_AUTHORITIES = frozenset({"GOV", "MIL", "COP", "LEG", "JUD"})


def own_people(source: list[EventActor]) -> list[EventActor]:
    """Whom a curfew, a state of emergency or martial law binds when no place is named: the
    people of the country whose own authorities impose, ease or threaten it ("the government
    lifted the state of emergency", "announced it would impose martial law")."""
    home = [a for a in source if a.country and a.sector in HOME_AUTHORITIES]
    if len(home) != 1:
        return []
    return [EventActor(name=home[0].country or "", country=home[0].country, code=home[0].country)]


def owned_site(resolver: ActorResolver, acted_on: Iterable[Token], places: list[EventActor]) -> list[EventActor]:
    """ "attacked a police station in Ytown", the town read off the verb: the station's owner, of
    the town's country, rather than the country alone."""
    for noun in acted_on if places else ():
        owner = resolver.site_owner(noun, places[0])
        if owner:
            return owner
    return places


def attacker_at(source: list[EventActor], where: EventActor) -> list[EventActor]:
    """Violence whose doer no table places: "gunmen" or "rebels" named by their kind alone are
    that kind of the place's country ("rebels attacked a base in Xland": Xland's rebels); no one
    named at all is, as ICEWS codes it, an unidentified attacker of the place's country."""
    if source and all(a.sector and not a.country for a in source):
        return [replace(a, country=where.country, code=code_of(where.country, a.sector)) for a in source]
    return [EventActor(name=f"unidentified attacker ({where.name})", country=where.country, code=where.country)]


def place_sides(resolver: ActorResolver, verb: Token, on_place: bool, source: list[EventActor],
                target: list[EventActor], reciprocal: bool) -> tuple[list[EventActor], list[EventActor]]:
    """Role-only parties given a country: the victims of an act on a place, where the clause says
    it happened; both sides of a mutual act of force ("clashes between police and protesters in
    Ytown", "fighting between the army and the RSF"), where it happened, else the other side's.
    Talks are not placed: "rebel and government negotiators met in Geneva" are not Swiss."""
    if reciprocal and on_place and any(map(unplaced, source)):
        known = [a for a in source if not unplaced(a)]
        if known:
            return lend_country(source, known), target
        where = _clause_country(resolver, _outbreak_verb(verb) or verb)
        if where is not None:  # "in a southwestern Afghan province", "clashes broke out in Dhaka"
            source = [replace(a, country=where, code=code_of(where, a.sector)) if unplaced(a) else a for a in source]
        return source, target
    if not reciprocal and on_place and target and all(map(unplaced, target)):
        target = placed(resolver, verb, target)
    return source, target
