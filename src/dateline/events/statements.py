"""Statements the verb dictionary files as other acts: CAMEO's 01 codes by their own conventions.

* **Considering a policy option** (CAMEO 014): "is considering sending aid", "is exploring the
  possibility of switching to ...". The verb dictionary files *consider* with consultations (040)
  and its object patterns code the option itself ("aid" → a threat to cut aid, 1311), *explore*
  with investigations (090). Weighing an option is a statement about it; weighing a hostile one
  ("considering imposing sanctions", "mulling strikes on ...") is CAMEO's threat of that act.
* **A stance reported of its speaker** (012 pessimistic, 013 optimistic comment): "said it is
  skeptical about the plan", "says he is confident that ...". What the stance is about is its
  topic, not an act of the sentence.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.events.clauses import is_passive
from dateline.events.modality import REPORT_HEADS
from dateline.events.patterns import Coded

POLICY_OPTION_CODE = "014"
# Verbs of weighing a course of action; *explore* and *study* only with an option named
# ("explored the cave" is no policy).
WEIGHING_VERBS = frozenset({"consider", "contemplate", "mull", "ponder", "weigh", "explore", "study", "examine"})
GERUND_WEIGHING = frozenset({"consider", "contemplate", "mull", "ponder", "weigh"})
OPTION_NOUNS = frozenset({"possibility", "possibilities", "option", "options", "idea", "prospect", "feasibility",
                          "way", "ways", "means"})
OPTION_DEPS = frozenset({"dobj", "xcomp", "ccomp", "pobj", "prep", "prt"})


def weighed_option(verb: Token) -> Token | None:
    """The option ``verb`` weighs: the gerund it governs ("considering sending aid") or the act
    under its possibility or option noun ("exploring the possibility of transferring ..."); the
    noun itself when no act is spelled out. None when the verb weighs no option: a passive
    ("the rebels are considered a terrorist group"), a plain object ("considered the report")."""
    lemma = verb.lemma_.lower()
    if lemma not in WEIGHING_VERBS or is_passive(verb) or any(c.dep_ == "oprd" for c in verb.children):
        return None
    for child in verb.children:
        if child.i < verb.i or child.dep_ not in OPTION_DEPS:
            continue
        if child.dep_ in {"prt", "prep"}:  # "mulling over sending troops", "thinking about ..."
            child = next((p for p in child.children if p.dep_ in {"pobj", "pcomp"}), child)
        if child.tag_ == "VBG" and lemma in GERUND_WEIGHING:
            return child
        if child.lemma_.lower() in OPTION_NOUNS and child.pos_ == "NOUN":
            for prep in child.children:  # "the possibility of transferring", "ways to cut"
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    act = next((p for p in prep.children if p.dep_ in {"pcomp", "pobj"}), None)
                    if act is not None:
                        return act
                if prep.dep_ in {"acl", "relcl"} and prep.tag_ in {"VB", "VBG"}:
                    return prep
            return child
    return None


# Acts that cut or end something: weighing them is weighing a hostile option.
CUTTING_VERBS = frozenset({"cut", "slash", "reduce", "suspend", "halt", "freeze", "withhold", "stop", "end", "curb",
                           "scrap", "ban", "expel", "impose", "sever", "downgrade", "boycott", "block"})


def hostile_option(option: Token, codes: dict[int, str]) -> bool:
    """Whether the weighed option is a hostile act (CAMEO roots 09-20, or cutting something):
    the coder's threat conventions code those; ``codes`` maps token indices to candidate codes."""
    code = codes.get(option.i)
    if code is not None and code[:2] >= "09":
        return True
    return option.lemma_.lower() in CUTTING_VERBS


# "said it is skeptical of ...": a stance reported of its speaker is a comment on a topic, CAMEO's
# pessimistic (012) or optimistic (013) comment; what the stance is about is no act of its own.
STANCE_CODES = {"skeptical": "012", "sceptical": "012", "pessimistic": "012", "doubtful": "012", "wary": "012",
                "concerned": "012", "worried": "012", "optimistic": "013", "confident": "013", "hopeful": "013",
                "upbeat": "013"}


def stance_of(verb: Token) -> Token | None:
    """The stance adjective a report verb reports of its speaker ("said it is skeptical about the
    plan", "says he is pessimistic that ..."): the adjective, or None."""
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.lemma_ != "be" or clause.i < verb.i:
            continue
        for adj in clause.children:
            if adj.dep_ == "acomp" and adj.lower_ in STANCE_CODES:
                return adj
    return None


def code_statements(coded: list[Coded]) -> None:
    """Recode a sentence's candidates by the statement conventions above (before its chains are
    resolved): a weighed option is 014, a stance reported of its speaker 012/013, and both are
    settled codes whose topic is no act of its own."""
    codes = {c.cand.token.i: c.code for c in coded}
    for c in coded:
        option = weighed_option(c.cand.token)
        if option is not None and not hostile_option(option, codes):
            c.code, c.plover, c.option = POLICY_OPTION_CODE, "", True  # "is considering sending aid"
            c.cand.specificity = max(c.cand.specificity, 1)
        stance = stance_of(c.cand.token) if c.cand.token.lemma_.lower() in REPORT_HEADS else None
        if stance is not None:  # "said it is skeptical of the plan": a comment (012/013) on a topic
            c.code, c.plover, c.option = STANCE_CODES[stance.lower_], "", True
            c.cand.specificity = max(c.cand.specificity, 1)
            for other in coded:
                if stance.left_edge.i <= other.cand.token.i <= stance.right_edge.i:
                    other.absorbed = True
