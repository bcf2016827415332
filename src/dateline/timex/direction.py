"""Which way an expression points: the tense of the event that governs it, read from the parse.

A year-less date ("on Friday", "in March") is resolved towards the past or the future by the
event it modifies, not by the verb that reports it. Plans, schedules, expectations, intentions,
calls and orders point ahead whatever their own tense ("intended to fly home on Friday",
"called for a rally on Sunday", "was scheduled for Thursday"); so do "will", "would" and
"going to", and "until"/"as early as" before the expression in a clause that is not itself past.
The same reading dates events (``events.dates``): a past event does not take a date ahead.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

VERBAL = {"VERB", "AUX"}
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "can", "may", "might", "should", "must", "ca", "could"}
# Modals whose perfect tells a past possibility: "may have fled on Sunday", "could have left on
# Monday" ("will have finished by Friday" still looks ahead).
_POSSIBLE_PAST = {"can", "ca", "may", "might", "should", "must", "could"}
_DENIALS = {"not", "n't", "never", "no", "longer", "hardly", "barely"}
# Verbs of going whose past progressive tells a plan seen from the past: "was leaving for
# Brussels on Friday", "were flying home on Sunday" (not when interrupted: "was leaving … when").
_GOING_LEMMAS = frozenset({"leave", "depart", "fly", "travel", "head", "return", "go", "come", "move"})
# Verbs and adjectives whose complement lies ahead of them: "expects to close by year end",
# "plans for a vote on Friday", "called for a strike on Monday", "is due on Tuesday".
FORWARD_LEMMAS = frozenset({
    "plan", "expect", "intend", "schedule", "set", "aim", "hope", "want", "seek", "agree", "decide",
    "promise", "propose", "prepare", "due", "likely", "going", "vow", "pledge", "threaten", "call", "urge",
    "order", "announce", "postpone", "delay", "reschedule", "adjourn", "invite", "ask", "demand", "plot",
    "expected", "scheduled", "slated", "poised", "ready", "eager", "determined", "anticipate", "await",
})
# Verbs that look ahead only through an infinitive or a "for" phrase ("called for a rally"),
# not on their own ("called him on Monday", "announced on Monday", "promised Sunday at a rally
# to end …": the promise is the act the day places).
_ONLY_WITH_COMPLEMENT = frozenset({"call", "ask", "order", "announce", "invite", "set", "want", "agree",
                                   "decide", "demand", "urge", "hope", "seek", "prepare", "ready", "eager",
                                   "determined", "likely", "going", "promise", "vow", "pledge", "threaten",
                                   "propose"})
# Verbs of a timetable, whose simple present tells what is scheduled: "the deadline expires on
# Friday", "voters go to the polls on Sunday", "the ceasefire takes effect at midnight Thursday".
SCHEDULE_LEMMAS = frozenset({"expire", "open", "reopen", "resume", "begin", "start", "convene", "kick",
                             "take", "go", "face", "run", "end", "close", "lapse", "arrive", "leave", "depart",
                             "travel", "fly", "meet", "vote", "hold", "host", "visit"})
# Verbs whose present progressive tells an arrangement ("the unions are holding a rally on
# Saturday", "the minister is meeting his counterpart on Friday"), not an ongoing act ("police are
# investigating a fire on Monday" is left to the nearest reading).
ARRANGED_LEMMAS = (SCHEDULE_LEMMAS - {"run", "take", "kick"}) | _GOING_LEMMAS | frozenset({
    "play", "attend", "speak", "address", "sign", "launch", "unveil", "release", "stage", "celebrate",
    "mark", "march", "rally", "strike", "testify", "appear", "debate", "rule", "host", "hold", "visit"})
_NOW_BE = {"is", "are", "am", "'s", "'re", "'m"}
# Words that single out the noun an infinitive qualifies as one already counted: "the first
# woman to win the race in 2020" tells a past, "a bill to be debated on Friday" one ahead.
_COUNTED = {"first", "last", "only", "second", "third", "latest", "next"}
# Prepositions whose gerund tells what happened before the clause: "after winning", "since taking".
_BEFORE_THE_CLAUSE = {"after", "since", "following", "upon", "on"}
# Verbs that move an occasion: the new day is ahead ("postponed the vote until Friday"), the day
# of the occasion moved is not ("Tuesday's vote was postponed").
_POSTPONING = frozenset({"postpone", "delay", "reschedule", "adjourn", "defer"})
# Words before an expression that make it a limit or an earliest time ahead.
FORWARD_MARKERS = ("until", "till", "as early as", "as soon as", "no earlier than", "not before")
# Prepositions whose object lies after the clause they attach to: "campaigning ahead of the
# November election has begun" — read ahead unless the clause itself is told as past.
# "before" is left out: "the share before Friday's purchases is 7%" looks back.
_AWAITING = {("ahead", "of"), ("preparation", "for"), ("run", "to"), ("lead", "to")}


def _plain(token: Token) -> str:
    """A word in lower case with a typographic apostrophe made plain: "We’ll" is "we 'll"."""
    return token.lower_.replace("\u2019", "'")


def verb_tense(verb: Token) -> str | None:
    """past | present | future for a verb and its auxiliaries; None when not told."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {_plain(a) for a in auxes}
    if "'d" in words:  # "he'd travel" is "would", "he'd left" is "had"
        words = words - {"'d"} | {"would" if verb.tag_ == "VB" or "be" in words else "had"}
    if words & _POSSIBLE_PAST and "have" in words:
        return "past"
    if "could" in words and any(c.dep_ == "neg" or c.lower_ in _DENIALS for c in verb.children):
        return "past"  # "could not be reached on Monday", "could no longer wait": a past inability
    if words & _FUTURE_AUX or "going" in words:
        return "future"
    if _planned_going(verb, words):
        return "future"
    if "would" in words:
        # "said it would report on Thursday": a future seen from a past report; "would have" tells no time
        return None if "have" in words else "future"
    if "had" in words:
        return "past"  # "had been scheduled to expire at midnight Friday": a plan already overtaken
    if verb.lemma_.lower() in FORWARD_LEMMAS and verb.lemma_.lower() not in _ONLY_WITH_COMPLEMENT:
        return "future"  # "was scheduled for Thursday", "plans a vote", "expected by mid-October"
    if verb.tag_ == "VBG" and not auxes and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" \
            and verb.head.head.pos_ in VERBAL and verb.head.head.i != verb.i:
        # a gerund after a preposition takes the time of the verb the phrase attaches to: "earned
        # $40 million for helping it sell itself in March", "since taking over in the fall"; what
        # comes before a future ("after trouncing her in Tuesday's primary, he must …") may be past
        tense = verb_tense(verb.head.head)
        return None if tense == "future" and verb.head.lower_ in _BEFORE_THE_CLAUSE else tense
    if "to" in words and "be" in words and verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl") \
            and verb.head.pos_ in ("NOUN", "PROPN") \
            and not any(c.lower_ in _COUNTED or c.tag_ == "JJS" for c in verb.head.children):
        # "the bill, to be debated on Friday": a passive infinitive qualifying a noun looks ahead
        # ("the decision to meet him in June", "the failure to see it before Sept. 11" need not)
        return "future"
    if "to" in words and verb.tag_ == "VB":
        # An infinitive takes the time of the verb it complements: "plans to meet" looks ahead,
        # "intended to fly home on Friday" too, "was allowed to inspect since Jan. 13" does not.
        head = verb.head
        if head.i == verb.i or head.pos_ not in VERBAL | {"ADJ"}:
            return None
        pluperfect = any(c.lower_ == "had" for c in head.children)
        if head.lemma_.lower() in FORWARD_LEMMAS and not pluperfect:
            return "future"  # "intended to fly home on Friday"
        if head.lemma_ == "be" and verb_tense(head) != "past":
            return "future"  # "is to resume trading Tuesday"
        return verb_tense(head) if head.head.i != head.i or head.dep_ == "ROOT" else None
    tags = {verb.tag_} | {a.tag_ for a in auxes}
    if "VBD" in tags or ("VBN" in tags and words & {"has", "have", "had", "'s", "'ve"}):
        return "past"
    if tags & {"VBZ", "VBP"}:
        if not auxes and verb.lemma_.lower() in SCHEDULE_LEMMAS:
            return "future"  # a timetable: "the deadline expires on Friday"
        return "present"
    return None


def _planned_going(verb: Token, auxes: set[str]) -> bool:
    """ "was leaving for Brussels on Friday": a departure arranged ahead of the report."""
    if verb.tag_ != "VBG" or not auxes & {"was", "were"} or verb.lemma_.lower() not in _GOING_LEMMAS:
        return False
    return not any(c.dep_ == "advcl" and any(m.lower_ in ("when", "as", "while") for m in c.children)
                   for c in verb.children)


def clause_head(token: Token) -> Token:
    """The verb heading the clause a token belongs to (itself when it is one)."""
    for _ in range(10):
        if token.pos_ in VERBAL or token.head.i == token.i:
            return token
        token = token.head
    return token


def _asks_for(token: Token) -> bool:
    """A noun asked or planned for: "called for [a rally]", "plans for [talks]"."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ != "for":
        return False
    return prep.head.lemma_.lower() in FORWARD_LEMMAS


def _awaited(token: Token) -> bool:
    """An occasion still to come when the clause is told: the object of "ahead of"."""
    prep = token.head
    if token.dep_ != "pobj" or prep.pos_ != "ADP":
        return False
    return (prep.head.lower_, prep.lower_) in _AWAITING


# Prepositions by which a present "be" places its subject on a day ahead: "the vote is on
# Friday" (not "since", "from", "after": stretches up to now; nor "in": "inflation is 3 percent
# in February" reports a figure).
_PLACING = {"on", "at", "for"}


def _arranged(verb: Token) -> bool:
    """ "The unions are holding a rally on Saturday": a present progressive of an occasion, with
    the day after it (a dateline before it is the report's: "TAIPEI, March 23 - Taiwan is holding
    talks")."""
    auxes = {_plain(c) for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if any(c.lower_ == "off" for c in verb.children):
        return False  # "is coming off a strong debate Thursday night": behind, not ahead
    return verb.tag_ == "VBG" and bool(auxes) and auxes <= _NOW_BE and verb.lemma_.lower() in ARRANGED_LEMMAS


def _copula_placing(verb: Token, came_from: Token, span: Span) -> bool:
    """ "The funeral is on Saturday": a present "be" with no auxiliary whose complement is the
    time of its subject tells an occasion still to come."""
    if verb.lemma_ != "be" or verb.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    if not any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children):
        return False
    if came_from.dep_ == "prep":
        return came_from.lower_ in _PLACING and span.root.head.i == came_from.i
    return came_from.dep_ in ("attr", "npadvmod") and span.start <= came_from.i < span.end


def _told_now(verb: Token, tense: str | None) -> bool:
    """A clause told from the moment of writing: present, future, or present perfect ("has begun")."""
    if tense != "past":
        return True
    auxes = {_plain(c) for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return bool(auxes & {"has", "have", "'s", "'ve"}) and "had" not in auxes


def reporting_verb(verb: Token, prep: Token) -> Token:
    """ "said on Tuesday it would raise rates": the parse hangs the day on the reported clause,
    but a phrase standing between the reporting verb and the clause's subject, with no "that"
    before it, belongs to the report (its time is the saying's, told in the past)."""
    report = verb.head
    if verb.dep_ != "ccomp" or prep.dep_ != "prep" or prep.head.i != verb.i or not report.i < prep.i:
        return verb
    if any(c.dep_ == "mark" and c.i < prep.i for c in verb.children):
        return verb  # "reported that, from November 11, Riyadh will ...": inside the clause
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if subjects and prep.right_edge.i < subjects[0].left_edge.i and subjects[0].i < verb.i:
        return report
    return verb


def clause_tense(span: Span, before: str = "") -> str | None:
    """The direction of the event an expression modifies: its first verbal ancestor's tense, ahead
    when the path passes a noun asked or planned for, or awaited in a clause told now, or a limit
    word precedes the expression."""
    token = span.root
    forward_marker = before.lower().endswith(FORWARD_MARKERS)
    awaited = False
    came_from = token
    for _ in range(8):
        outside = not (span.start <= token.i < span.end)
        if outside and token.pos_ in VERBAL:
            token = reporting_verb(token, came_from)
            tense = verb_tense(token)
            if token.lemma_.lower() in _POSTPONING and tense == "future" and came_from.dep_ != "prep":
                return None  # "Tuesday's vote was postponed": the day first set, not the new one
            if awaited and _told_now(token, tense):
                return "future"
            # a day before the verb may be a dateline: "BRUSSELS, March 4 - The Community is …"
            if tense == "present" and span.start > token.i and (_arranged(token) or _copula_placing(token, came_from, span)):
                return "future"  # "are holding a rally on Saturday", "the funeral is on Saturday"
            return "future" if forward_marker and tense != "past" else tense
        if outside and token.pos_ == "ADJ":
            if token.lemma_.lower() in FORWARD_LEMMAS:
                return "future"  # "due on Tuesday"
            return None  # "payable Dec. 7": an adjective, no tense to read
        if token.pos_ in ("NOUN", "PROPN") and _asks_for(token):
            return "future"  # "called for a rally on Sunday", "set for Election Day"
        awaited = awaited or (outside and token.pos_ in ("NOUN", "PROPN") and _awaited(token))
        if token.head.i == token.i:
            break
        came_from, token = token, token.head
    return verb_tense(token) if token.pos_ in VERBAL else None
