"""Political events (issue 4): who did what to whom, coded in PLOVER and CAMEO.

Per sentence: the verb-pattern lexicon proposes triggers with CAMEO codes (``events.patterns``);
chains of verbs are collapsed to the event that matters ("said he had asked Putin to deploy" is
one REQUEST, reported; "agreed to withdraw" is one AGREE); the sentence classifier
(``events.model``) re-ranks the candidates and gives the confidence; actors come from the parse
around the trigger (``actors.resolver``); polarity and modality from ``events.modality``. Article-level dedup
merges an event told twice.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from dateline.actors.resolver import ActorResolver, is_reciprocal, located
from dateline.actors.tables import get_tables
from dateline.events import model as event_model
from dateline.events import ranker as event_ranker
from dateline.events.chains import CHAIN_DEPS, OBLIGATION_AUX, resolve_chains
from dateline.events.clauses import (
    SUBJECT_DEPS,
    TEMPORAL_MARKS,
    is_passive,
    is_purpose,
    is_temporal_clause,
    object_heads,
    subject_left,
    subject_of,
)
from dateline.events.dedup import _codes, _dedup, _gist
from dateline.events.dyads import directed
from dateline.events.lexicon import Lexicon, get_lexicon, penta_class, quad_class
from dateline.events.modality import REPORT_HEADS, is_negated, modality_of
from dateline.events.patterns import Candidate, Coded, doc_info, find_candidates, nominal_candidate
from dateline.events.sides import (
    PLACE_LABELS,
    PROTEST_ROOT,
    abroad,
    attacker_at,
    coded_side,
    first_party,
    lend_country,
    made_by,
    mutual,
    own_people,
    owned_site,
    parties_of,
    place_sides,
    protested_at,
    spelt_out_target,
    unplaced,
)
from dateline.events.statements import code_statements
from dateline.record import Article, Event, EventActor, Offsets, TextSpan
from dateline.words import word_at, words_of

# Announced material conflict is coded as the matching threat (CAMEO 13x).
CONFLICT_THREATS = {"15": "138", "16": "131", "17": "137", "18": "138", "19": "138", "20": "138", "14": "133"}
DONE = frozenset({"asserted", "reported"})
STATEMENT = "010"  # CAMEO's "make statement", which PLOVER does not code
# Verbs whose that-clause names the addressee as its subject ("demanded that Israel withdraw").
# Acts done somewhere to whoever is there: with no one named, the place's country is the target.
PLACE_TARGET_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})
# So are a curfew or a state of emergency eased or extended, even by the place's own government.
PLACE_TARGET_CODES = frozenset({"0813", "0814", "1723", "1724", "137"})
UNATTRIBUTED_ROOTS = frozenset({"18", "19", "20"})
DEMAND_VERBS = frozenset({"demand", "insist"})
# Verbs of a finding or a ruling: "the court ruled that the police must ...", "the forum
# concluded that rich nations must ..." is an order or a demand of whoever found it (CAMEO 10x).
FINDING_HEADS = frozenset({"conclude", "rule", "decide", "find", "determine", "recommend"})
DEMAND_CARRIERS = frozenset({"repeat", "renew", "issue", "make", "voice", "press", "send", "deliver", "reiterate"})
DEMAND_NOUNS = frozenset({"demand", "call", "appeal", "request", "ultimatum", "insistence"})
COOPERATIVE_ROOTS = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
# Acts two named parties do together when no one else is named: agreeing, meeting, supporting,
# cooperating; "Britain and France imposed sanctions" is no sanction of each other.
CONTEXT_INTENT = {"military": "2", "economic": "1", "humanitarian": "3"}
SALIENCE_PROB = 0.5  # weight of the PLOVER head's probability when choosing the sentence's main event
SALIENCE_PENTA = 0.5
MATERIAL_CONFLICT = 4  # QuadClass: violence and coercion told in a clause still happened
SURE_MAIN = 0.8  # the main event's (calibrated) confidence above which background acts are dropped
FAINT = 0.5  # share of the main act's (calibrated) confidence below which an act beside it is dropped
SUBORDINATE_PENALTY = 1.0  # salience lost by an act in a relative or temporal clause
CLASSIFIER_ONLY_MIN = 0.1  # the heads alone make an event (at the root verb) only above this PLOVER probability;
# low, since the ranker then decides its class from both heads and may recode it (it is no settled code)
QUOTE_CHARS = frozenset('"“”«»')
NAMED_ACTOR_ENTS = frozenset({"PERSON", "ORG"})
VIEW_VERBS = frozenset({"agree", "concur"})
RELATIVE_TAGS = frozenset({"WDT", "WP"})
REPORT_FRAME_DEPS = frozenset({"parataxis", "ccomp", "advcl", "conj"})


def _depth(tok: Token) -> int:
    d = 0
    while tok.head.i != tok.i and d < 20:
        tok = tok.head
        d += 1
    return d


def _on_place(code: str) -> bool:
    """An act done somewhere to whoever is there: with no one named, the place's country is the target."""
    return code[:2] in PLACE_TARGET_ROOTS or code in PLACE_TARGET_CODES


def _acted_on(verb: Token) -> list[Token]:
    """The direct objects of a verb (the passive's subject): the things an act is done to."""
    return [c for c in verb.children if c.dep_ == "dobj" or (c.dep_ == "nsubjpass" and is_passive(verb))]


def _penta_support(penta: dict[str, float], code: str) -> float:
    """How much the penta head backs an event's CAMEO class. Appeals (02) count the head's
    statement class too: the news it was trained on labels most "X urged Y to ..." sentences
    as statements, so its statement mass is evidence of an appeal, not against it."""
    support = penta.get(str(penta_class(code)), 0.0)
    if code.startswith("02"):
        support += penta.get("0", 0.0)
    return support


def _reported_clause(trigger: Token) -> tuple[Token, int, int] | None:
    """The reported clause holding ``trigger``: its head and token bounds, without the reporting
    frame ("X said that ...", "..., his office said"); None when the trigger is not reported."""
    for child in trigger.children:  # "Erdogan asked Putin to ..., his office said"
        if child.i > trigger.i and child.lemma_.lower() in REPORT_HEADS and child.dep_ in REPORT_FRAME_DEPS:
            return trigger, trigger.left_edge.i, child.left_edge.i
    tok = trigger
    for _ in range(6):
        head = tok.head
        if head.i == tok.i or tok.dep_ not in CHAIN_DEPS | {"ccomp", "conj"}:
            return None
        if head.lemma_.lower() in REPORT_HEADS and tok.dep_ in {"ccomp", "xcomp", "conj", "advcl"}:
            return tok, tok.left_edge.i, tok.right_edge.i + 1
        tok = head
    return None


def _subordinate(trigger: Token) -> bool:
    """An act told inside a relative, temporal or noun-modifying clause ("a march in which a
    dozen died", "after troops shelled the town"): background to the sentence's main act."""
    tok = trigger
    for _ in range(8):
        if tok.dep_ in {"relcl", "acl"}:
            return True
        if is_temporal_clause(tok):
            return True
        if tok.dep_ == "pcomp" and tok.head.lower_ in TEMPORAL_MARKS:  # "after shelling the town"
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _plover(lex: Lexicon, code: str) -> str:
    info = lex.info(code)
    return info.plover if info else ""


def _obliged(verb: Token) -> bool:
    """ "(declared that) China must drop ...", "its demand that Israel ease ...": a demand reported."""
    if verb.dep_ not in {"ccomp", "acl"}:
        return False
    head = verb.head
    if head.lemma_.lower() in DEMAND_NOUNS and head.pos_ == "NOUN":
        # "reiterated its demand that Israel ease ...", not "accepted demands that it ..."
        carrier = head.head.lemma_.lower()
        return head.head.i != head.i and (carrier in REPORT_HEADS or carrier in DEMAND_CARRIERS)
    return head.lemma_.lower() in REPORT_HEADS | FINDING_HEADS and any(
        a.dep_ == "aux" and a.lower_ in OBLIGATION_AUX for a in verb.children)


def _shares_a_view(verb: Token) -> bool:
    """ "X agreed with Y that Z": agreeing with someone about a claim is a statement (CAMEO 019),
    not an agreement between the two."""
    if verb.lemma_.lower() not in VIEW_VERBS:
        return False
    partners = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children
                if p.dep_ == "pobj"]
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    clauses += [c for p in partners for c in p.children if c.dep_ in {"acl", "relcl", "ccomp"}]  # parsed onto Y
    return bool(partners) and any(m.dep_ == "mark" and m.lower_ == "that" for c in clauses for m in c.children)


def _in_quote(sent: Span, tok: Token) -> bool:
    """An odd number of quotation marks between the sentence start and the trigger."""
    text = doc_info(sent.doc).text
    return sum(text.count(q, sent.start_char, tok.idx) for q in QUOTE_CHARS) % 2 == 1


@dataclass
class Reading:
    """One sentence as the coder reads it, before the ranker: events in clause order with their
    evidence, each one's lexicon specificity, and the heads' probabilities."""

    ranked: list[tuple[Event, dict[str, float]]]
    specificity: list[float]
    settled: list[bool]
    plover: dict[str, float]
    penta: dict[str, float]


class SentenceCoder:
    def __init__(self, doc: Doc, article: Article, resolver: ActorResolver | None = None,
                 model: event_model.SparseModel | None = None, ranked: bool = True) -> None:
        self.doc = doc
        self.article = article
        self.lex = get_lexicon()
        self.resolver = resolver or ActorResolver(doc, article)
        self.model = model or event_model.get_model()
        # ranked=False: the coder's own order and confidence (what the ranker is trained on)
        self.ranker = event_ranker.get_ranker() if ranked else None
        self.gists: dict[int, frozenset[str]] = {}  # id(event) → what the event is about
        self.background: dict[int, bool] = {}  # id(event) → told in a subordinate clause

    def code(self, sent: Span) -> list[Event]:
        """The events of a sentence, the one it is mainly about first. An act told in a relative,
        temporal or noun-modifying clause ("the strike they were planning", "as the two leaders
        sought to ease tensions", "before aid is released") is background to the main act, and
        no event of its own beside it: CAMEO codes the sentence's act, and each act coordinated
        with it ("condemned the attack and promised aid"), not what the clauses around them tell.
        Only when the coder is sure of the main act: otherwise a clause's act may be the one."""
        events = [event for event, _ in self.code_with_evidence(sent)]
        main = next(iter(event_ranker.kept(events)), events[0] if events else None)
        if main is None:
            return events
        # beside the main act, one the coder judges less than half as likely coded right is no
        # event, unless it is violence or coercion, which a clause telling it still says happened
        events = [e for e in events if e is main or e.confidence >= FAINT * main.confidence
                  or e.quad == MATERIAL_CONFLICT]
        if main.confidence < SURE_MAIN:
            return events  # unsure of the main act: the clauses' acts stay as its alternatives
        return [e for e in events if e is main or not self.background.get(id(e), False) or e.quad == MATERIAL_CONFLICT]

    def code_with_evidence(self, sent: Span) -> list[tuple[Event, dict[str, float]]]:
        reading = self.read(sent)
        if self.ranker is None or not reading.ranked:
            return reading.ranked
        evidence = {id(event): ev for event, ev in reading.ranked}
        events = [event for event, _ in reading.ranked]
        ordered = event_ranker.rerank(events, reading.specificity, reading.settled, reading.plover, reading.penta,
                                      self.lex, self.ranker)
        return [(event, evidence[id(event)]) for event in ordered]

    def read(self, sent: Span) -> Reading:
        """The sentence's events in the coder's own order (the clause ranking), with the evidence
        behind each and the classifier heads' reading of the sentence: what the ranker reads."""
        coded = self._candidates(sent)
        resolve_chains(coded, self.lex)
        live = [c for c in coded if not c.absorbed]
        if not live:
            nominal = nominal_candidate(sent, self.lex)
            if nominal is not None:
                live = coded = [self._coded(nominal)]
        if not live and not self._worth_classifying(sent):
            return Reading([], [], [], {}, {})
        plover, penta = self.model.sentence_proba(sent, [c.code for c in coded]) if self.model else ({}, {})
        guessed = False
        if not live:
            fallback = self._classifier_candidate(sent, plover)
            if fallback is None:
                return Reading([], [], [], plover, penta)
            live = coded = [fallback]
            guessed = fallback.code != STATEMENT
        ranked = []
        for c in live:
            event = self._build(sent, c, coded)
            if guessed and not (coded_side(event.source) and coded_side(event.target)):
                return Reading([], [], [], plover, penta)
            evidence = {
                "specificity": float(min(c.cand.specificity, 3)), "prob": plover.get(event.type or "", 0.0),
                "penta": penta.get(str(penta_class(event.cameo)), 0.0), "source": float(bool(event.source)),
                "target": float(bool(event.target)), "depth": float(min(c.depth, 6)),
                "hedged": float(event.modality in {"possible", "intended"}),
            }
            judged = self._clause_evidence(c, event, {**evidence, "penta": _penta_support(penta, event.cameo)}, coded)
            event.confidence = event_model.confidence(judged)
            # settled: coded by a pattern of the verb dictionary or by a convention of the coder
            # (a demand, an announced act), not by the verb's default: the ranker may not recode it
            settled = c.cand.specificity > 0 or c.must or c.own_view or c.option or event.cameo != c.code
            ranked.append((self._salience(c, evidence) - SUBORDINATE_PENALTY * self.background[id(event)],
                           event, judged, settled))
        ranked.sort(key=lambda item: -item[0])
        if ranked:  # the top event by confidence is the coder's first choice, not a runner-up
            first = ranked[0][1].confidence
            for _, event, _, _ in ranked[1:]:
                event.confidence = min(event.confidence, round(max(first - 0.001, 0.0), 3))
        return Reading([(event, evidence) for _, event, evidence, _ in ranked],
                       [evidence["specificity"] for _, _, evidence, _ in ranked],
                       [settled for *_, settled in ranked], plover, penta)

    def _clause_evidence(self, c: Coded, event: Event, evidence: dict[str, float],
                         coded: list[Coded]) -> dict[str, float]:
        """The evidence the confidence is judged on. A reported event ("Lukashenko said that he
        had asked Putin to ...", "..., his office said") is judged on its own clause: the
        classifier reading the whole sentence sees a statement, and the reporting frame adds
        depth, though neither makes the reported act less likely to be coded right."""
        found = _reported_clause(c.cand.token)
        if found is None or self.model is None:
            return evidence
        clause, lo, hi = found
        codes = [x.code for x in coded if lo <= x.cand.token.i < hi]
        plover, penta = self.model.sentence_proba(self.doc[lo:hi], codes)
        return {**evidence, "prob": plover.get(event.type or "", 0.0), "penta": _penta_support(penta, event.cameo),
                "depth": float(min(max(c.depth - _depth(clause), 0), 6))}

    @staticmethod
    def _worth_classifying(sent: Span) -> bool:
        """Only sentences whose root is a verb with a subject can carry an event the lexicon missed."""
        root = word_at(sent.doc, sent.root.i)
        return root.pos_ == "VERB" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in root.children)

    def _classifier_candidate(self, sent: Span, plover: dict[str, float]) -> Coded | None:
        """The classifier's event at the root verb, when it is confident and the lexicon found none.

        ``read`` keeps it only between two coded sides: on a wire sentence of news with no
        dictionary verb ("he drove a 2015 Toyota", "I despise the man") the heads still name a
        type, and over real news articles almost every such guess was wrong."""
        if not plover:
            return None
        root = word_at(sent.doc, sent.root.i)
        if root.lemma_.lower() in REPORT_HEADS:
            # "she added that work would begin in June": nothing the lexicon codes is reported, so
            # the sentence is its speaker's statement, not whatever act the classifier guesses
            return Coded(Candidate(root, STATEMENT, 0), "", STATEMENT, 0)
        best = max(plover, key=plover.__getitem__)
        if plover[best] < CLASSIFIER_ONLY_MIN:
            return None
        code = self.lex.default_cameo.get(best)
        if code is None:
            return None
        return Coded(Candidate(word_at(sent.doc, sent.root.i), code, 0), best, code, 0)

    @staticmethod
    def _salience(c: Coded, ev: dict[str, float]) -> float:
        """Which event the sentence is about: near the root, specific, with actors, model-backed."""
        return (-0.5 * ev["depth"] + 0.3 * ev["specificity"] + 0.4 * ev["source"] + 0.2 * ev["target"]
                + SALIENCE_PROB * ev["prob"] + SALIENCE_PENTA * ev["penta"])

    def _coded(self, cand: Candidate) -> Coded:
        return Coded(cand, _plover(self.lex, cand.code), cand.code, _depth(cand.token))

    def _candidates(self, sent: Span) -> list[Coded]:
        out = [self._coded(cand) for cand in find_candidates(sent, self.lex)]
        seen = {c.cand.token.i for c in out}
        info, words = doc_info(self.doc), words_of(self.doc)
        for i in range(sent.start, sent.end):  # "declared that China must drop ...": a demand even when "drop" is no trigger
            if info.pos[i] != "VERB" or i in seen or info.deps[i] not in {"ccomp", "acl"}:
                continue
            tok = words[i]
            if _obliged(tok):
                coded = Coded(Candidate(tok, "100", 0), "REQUEST", "100", _depth(tok))
                coded.must = True
                out.append(coded)
        code_statements(out)
        return out

    def _speaker(self, verb: Token, coded: list[Coded]) -> list[EventActor]:
        for c in coded:
            if any(x.cand.token.i == verb.i for x in c.speaker_of):
                subj = subject_of(c.cand.token)
                if subj is not None:
                    actors = self.resolver.resolve(subj)
                    self.resolver.remember_speaker(actors)
                    return actors
        # "..., the senior Russian diplomat said" / "reiterated its demand that ...": walk up the clause
        tok = verb
        for _ in range(4):
            if tok.head.i == tok.i:
                break
            tok = tok.head
            lemma = tok.lemma_.lower()
            if tok.pos_ == "NOUN" and lemma in DEMAND_NOUNS and tok.head.i != tok.i:
                tok = tok.head
                lemma = tok.lemma_.lower()
            if (lemma in REPORT_HEADS and tok.pos_ in {"VERB", "AUX"}) or (tok.pos_ == "VERB" and tok.dep_ == "ROOT"):
                subj = subject_of(tok)
                if subj is not None:
                    return self.resolver.resolve(subj)
                break
        return []

    def _actors(self, verb: Token, coded: list[Coded], code: str) -> tuple[list[EventActor], list[EventActor], bool]:
        speaker = self._speaker(verb, coded)
        subj = subject_of(verb)
        if subj is not None and self.resolver.in_dateline(subj):
            subj = self._story_subject(subj, verb)
        source: list[EventActor] = []
        reciprocal = False
        if subj is not None:
            pair = self.resolver.reciprocal(subj.i) if is_reciprocal(subj) else []
            if pair:
                # "the two sides": both, and no recipient; acting on each other only where two
                # parties can ("the two sides agreed", "clashed"), not when they jointly reject a third
                source = pair
                reciprocal = mutual(code, verb)
            elif subj.tag_ in RELATIVE_TAGS and verb.dep_ == "relcl":
                source = self.resolver.agent(self._antecedent(verb.head))  # "attacks ..., which killed"
            else:
                source = self.resolver.agent(subj)  # "Egypt's presidency", "Syrian regime air strikes": the owner acts
            if not source and self._named_subject(subj):
                # a person or body no table knows still did it: named, with no code (CAMEO's "---")
                source = [EventActor(name=" ".join(t.text for t in subj.subtree if t.pos_ == "PROPN") or subj.text)]
        if not source and verb.pos_ == "NOUN":  # a named event: "Xland's air strikes", "new US sanctions"
            source = self.resolver.agent(verb)
        if not source and code[:2] not in UNATTRIBUTED_ROOTS and not (
                code[:2] in PLACE_TARGET_ROOTS and is_passive(verb) and modality_of(verb, False) in DONE):
            # who reports a bombing did not bomb: material conflict keeps its subject, and a
            # passive one ("detainees had been beaten", the group said) has no doer named; one
            # announced ("would be prosecuted", the minister said) is the speaker's threat
            source = speaker
        target: list[EventActor] = []
        fallback: list[EventActor] = []
        codes = {a.code for a in source}
        names = {a.name for a in source}  # an uncoded party is known by its name alone
        locatives: list[Token] = []
        for head in parties_of(verb, code):
            inside = head.dep_ == "pobj" and head.head.lower_ == "in"  # "in Xtown": maybe where, not whom
            if inside and (head.ent_type_ not in {"GPE"} or (len(source) > 1 and mutual(code, verb))):
                # "Xland and Yland held talks in Zville": where two parties meet is the venue,
                # not a third party (a capital alone there still reads as its government)
                locatives.append(head)
                continue
            # "asked both delegations to return": the pair named before is the one asked
            named = self.resolver.reciprocal(head.i) if is_reciprocal(head) else self.resolver.target(head)
            # a compatriot named on his own is a party ("the Moldovan government sanctioned
            # Prime Minister X"); a bare same-coded phrase is the doer's own ("the country's troops")
            own = head.ent_type_ not in NAMED_ACTOR_ENTS
            found = [a for a in named if (a.code not in codes or a.code is None or (a.country and not own)) and a.name not in names]
            if (inside and not _on_place(code)
                    and found and all(a.sector is None and a.code == a.country for a in found)):
                locatives.append(head)  # "signed a pact in Geneva": a town where it happened, no party
                continue
            if inside and (not found and code in PLACE_TARGET_CODES or (
                    fallback and _on_place(code) and all(map(unplaced, fallback)))):
                # "extended the curfew in its capital"; "killed five militants in Xtown": the
                # militants are the target, of the place's country (below), not its government
                locatives.append(head)
                continue
            if not source and len(found) > 1 and head.dep_ == "pobj" and head.head.lower_ == "between" and (
                    _on_place(code) or any(located(a) for a in found)):
                source, reciprocal = found, True  # "fighting between the army and the RSF"; "clashes between police and protesters"
                break
            if any(located(a) for a in found):
                target = found
                break
            fallback = fallback or found  # "killing three civilians": whose, the story may not say
        target = target or fallback
        if not target and verb.dep_ == "advcl" and is_purpose(verb):  # "called X to congratulate him"
            target = self._purpose_target(verb.head, codes, names)
        if not target and not code.startswith("01"):
            # "accepted an invitation to meet with X", "condemned sanctions imposed by X"
            for noun in _acted_on(verb):
                for child in noun.children:
                    if not target and child.dep_ == "acl" and is_purpose(child):
                        target = spelt_out_target(self.resolver, child, codes, names)
                target = target or made_by(self.resolver, noun, code, source, names)
        if not target and code[:2] == PROTEST_ROOT:  # "rallied outside the Xlandic embassy"
            target = protested_at(self.resolver, verb, codes, names)
        if not target and _on_place(code):
            # "wounded nine people in Lahore", "closed streets in the capital, Lima"
            places = [p for p in map(self.resolver.place_target, locatives) if p is not None]
            # "hit military positions in Xland's north": where the thing acted on is
            places += [p for p in map(self.resolver.where, _acted_on(verb)) if p is not None]
            # a curfew is a government's on its own people; other acts at home are no one's target
            home = set() if code in PLACE_TARGET_CODES else {a.country for a in source}
            target = owned_site(self.resolver, _acted_on(verb), [p for p in places if p.country not in home][:1])
        if not target and code in PLACE_TARGET_CODES:
            target = own_people(source)
        if code[:2] in UNATTRIBUTED_ROOTS and not any(located(a) for a in source):
            # "A car bomb outside the village of Xville wounded ...": violence with no one named
            # behind it is coded, as ICEWS does, to an unidentified attacker of the place's country
            where = self.resolver.where(subj) if subj is not None else None
            where = where or next(filter(None, map(self.resolver.place_target, locatives)), None)
            source = attacker_at(source, where) if where is not None else source
        if reciprocal:
            target = []
        elif len(source) > 1 and not target and mutual(code, verb):
            reciprocal = True  # "Chile and Peru agreed", "the armies clashed": each acts on the other
        return source, target, reciprocal

    def _purpose_target(self, verb: Token, codes: set[str | None], names: set[str]) -> list[EventActor]:
        """The located party the act a purpose clause serves is done to, not the doer's own."""
        # where the served act happened is no party to it
        heads = (h for h in object_heads(verb) if not (h.dep_ == "pobj" and h.head.lower_ in {"in", "near", "at"}))
        return first_party(self.resolver, heads, codes, names)

    def _named_subject(self, subj: Token) -> bool:
        """A subject that names someone: a proper noun or a person or organisation entity, not a
        place (places are resolved or are no actors) and not the dateline."""
        named = subj.ent_type_ in NAMED_ACTOR_ENTS or (subj.pos_ == "PROPN" and not subj.ent_type_)
        return named and not self.resolver.in_dateline(subj)

    def _antecedent(self, noun: Token) -> Token:
        """What a relative clause is about: the parser often hangs it on the nearest place ("drone
        attacks on the port of Odesa, which killed"); places do not act, so climb to the thing."""
        for _ in range(6):
            place = noun.ent_type_ in PLACE_LABELS or noun.lemma_.lower() in get_tables().place_nouns
            if not place or noun.dep_ not in {"pobj", "appos", "prep"} or noun.head.i == noun.i:
                break
            noun = noun.head
            while noun.dep_ == "prep" and noun.head.i != noun.i:
                noun = noun.head
        return noun

    def _story_subject(self, subj: Token, verb: Token) -> Token | None:
        """The parser made the dateline's place the subject ("ANKARA, March 3 (Reuters) - Turkey
        and Greece agreed"): the story's subject is the phrase set in apposition after it."""
        stack = list(subj.children)
        while stack:
            tok = stack.pop(0)
            if tok.dep_ in {"appos", "conj"}:
                if not self.resolver.in_dateline(tok) and tok.pos_ in {"PROPN", "NOUN", "PRON"}:
                    return tok
                stack.extend(tok.children)
        for other in verb.children:  # "GENEVA, Jan 14 (Reuters) - The UN envoy urged": two subjects parsed
            if (other.dep_ in SUBJECT_DEPS and other.i != subj.i and other.pos_ in {"PROPN", "NOUN", "PRON"}
                    and not self.resolver.in_dateline(other)):
                return other
        left = subject_left(verb)
        return left if left is not None and not self.resolver.in_dateline(left) else None

    def _build(self, sent: Span, c: Coded, coded: list[Coded]) -> Event:
        verb = c.cand.token
        source, target, reciprocal = self._actors(verb, coded, c.code)
        if not c.must and _obliged(verb):
            c.must = True
        if c.must:  # "Libya must hand over the suspects", said the minister: minister → Libya
            speaker = self._speaker(verb, coded)
            if speaker and _codes(speaker).isdisjoint(_codes(source)) and any(map(located, source)):
                source, target = speaker, source
            elif speaker:  # what the speaker's own side must do is a view, not a demand
                c.own_view = True
                source, target = speaker, []
        negated = is_negated(verb)
        modality = modality_of(verb, _in_quote(sent, verb))
        if modality == "asserted" and not c.issued and any(c in g.speaker_of for g in coded):
            modality = "reported"
        code, plover, negated = self._recode(c, modality, negated, bool(target))
        source, target = place_sides(self.resolver, verb, _on_place(code), source, target, reciprocal)
        if not reciprocal and not code.startswith("01") and not abroad(code, verb):
            # whom a statement is told to is its audience, no party; a visitor goes abroad
            source, target = lend_country(source, target), lend_country(target, source)
        info = self.lex.info(code)
        context = [x.strip() for x in (info.context if info else "").split(",") if x.strip()]
        event = Event(
            type=plover or None, cameo=code, quad=quad_class(code), goldstein=self.lex.goldstein_of(code),
            source=source, target=target, sentence=Offsets(sent.start_char, sent.end_char),
            trigger=TextSpan(verb.text, verb.idx, verb.idx + len(verb.text)),
            mode=(info.mode or None) if info else None, context=context,
            negated=negated, modality=modality, reciprocal=reciprocal and len(source) > 1,
        )
        if event.reciprocal:  # the dyads are the ordered pairs of the parties: each is the other's target
            event.target = [replace(a) for a in source]
        self.gists[id(event)] = _gist(verb)
        self.background[id(event)] = _subordinate(verb)
        return event

    def _recode(self, c: Coded, modality: str, negated: bool, aimed: bool) -> tuple[str, str, bool]:
        """CAMEO's conventions for unrealised acts (returns code, PLOVER type, negated):
        promised cooperation is an AGREE (03x); announced conflict is a THREATEN (13x);
        a refused future cooperation is a REJECT (12x)."""
        code, plover = c.code, c.plover
        root = code[:2]
        if modality in {"intended", "possible"} and negated and ("03" <= root <= "08"):
            return "120", "REJECT", False
        if modality in {"intended", "possible"} and root in COOPERATIVE_ROOTS:
            info = self.lex.info(code)
            new = COOPERATIVE_ROOTS[root]
            ctx = info.context if info else ""
            if new in {"031", "033"} and ctx in CONTEXT_INTENT:
                new += CONTEXT_INTENT[ctx]
            return new, _plover(self.lex, new) or "AGREE", negated
        if modality in {"intended", "possible"} and root in CONFLICT_THREATS and not negated and (aimed or root != "15"):
            new = CONFLICT_THREATS[root]
            return new, _plover(self.lex, new) or "THREATEN", negated
        if c.own_view:
            return STATEMENT, "", negated
        if _shares_a_view(c.cand.token):
            return "019", "", negated  # "agreed with the minister that ...": an opinion voiced (express accord)
        if c.must:
            return "100", "REQUEST", negated
        if root == "02" and c.cand.token.lemma_.lower() in DEMAND_VERBS:
            # the CAMEO verb dictionary files "demand" with the appeals: a demand is 10x, whose
            # sub-codes mirror the appeals' (021 → 101, 0243 → 1043)
            new = "10" + code[2:]
            return new, _plover(self.lex, new) or plover, negated
        return code, plover, negated


def extract_events(doc: Doc, article: Article) -> None:
    """Fill ``article.events`` with PLOVER/CAMEO-coded events."""
    coder = SentenceCoder(doc, article)
    events: list[Event] = []
    for sent in doc.sents:
        # An event with no actor at all is of no use to an event data set: drop it here.
        events.extend(e for e in coder.code(sent) if e.source or e.target)
    article.events = directed(_dedup(events, coder.gists))
