"""Non-markables: the one place that decides a recognised expression is not a time expression.

The grammar of ``timex.find`` recognises time words; whether those words place or measure an
event is decided here, with the parse, after recognition. Each rule below names a class — an
age ("a 52-year-old farmer"), a name or a title ("Theresa May", "Friday Night Lights"), a model
year ("a 2019 sedan"), a generic "the day" ("the day the war ended"), a vague length ("for
decades"), a rate ("$2 million a year"), a word in another sense ("May" the modal, "fall" the
verb) — and reads its words from ``data/time/non_markables.tsv``. A conventions profile
(``timex.profile``) may mark some classes anyway: TimeML marks "now" and "several months".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from spacy.tokens import Span, Token

from dateline.nlp import text_of
from dateline.resources import data_rows
from dateline.timex import feasts, occasion_words
from dateline.timex.find import Match, lexicon

VERBAL = {"VERB", "AUX"}


@cache
def table() -> dict[tuple[str, str], frozenset[str]]:
    """(class, cue) → words, from data/time/non_markables.tsv."""
    found: dict[tuple[str, str], set[str]] = {}
    for row in data_rows("time", "non_markables.tsv"):
        found.setdefault((row[0], row[1]), set()).add(row[2])
    return {key: frozenset(words) for key, words in found.items()}


def _words(kind: str, cue: str) -> frozenset[str]:
    return table().get((kind, cue), frozenset())


def _said(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def _after(match: Match, span: Span, chars: int = 24) -> str:
    text = text_of(span.doc)
    return text[match.end:match.end + chars]


def _before(match: Match, span: Span, chars: int = 24) -> str:
    text = text_of(span.doc)
    return text[max(0, match.start - chars):match.start]


@cache
def _calendar_words() -> frozenset[str]:
    lex = lexicon()
    return frozenset(lex["months"]) | frozenset(lex["weekdays"]) | frozenset(feasts.names()) \
        | frozenset(lex["parts_of_day"]) | frozenset(lex["units"])


# --- the classes ---------------------------------------------------------------------------


def _age(match: Match, span: Span) -> bool:
    """ "a 52-year-old", "52 years old", "in her 60s", "his early forties": how old, not when."""
    if match.family == "duration" and (match.groups.get("old") or re.match(r"\s+old\b", _after(match, span))):
        # people's ages are counted in years; "an 8-month-old truce" dates a thing, and TimeML marks it
        return _said(match.groups.get("unit")) in _words("age", "unit")
    if match.family == "decade":
        owner = _before(match, span, 12).split()
        return bool(owner) and owner[-1].lower() in _words("age", "owner")
    return False


def _vague_length(match: Match, span: Span) -> str | None:
    """ "for decades", "in weeks" (no count) and "a few weeks", "several months" (a vague count)."""
    if match.family == "plural_unit" and re.match(r"-(?:long|old)\b", _after(match, span)):
        return "vague_plural"  # "the decades-long dispute": how long, with no count
    if match.family == "duration" and _said(match.groups.get("num")) in ("a", "an") \
            and _said(match.groups.get("unit")).endswith("s"):
        return "vague_plural"  # "a months-long standoff": the article is the standoff's, no count
    if match.family == "plural_unit" and not match.groups.get("rel") and not match.quant:
        bound = _before(match, span, 12).split()
        if not (bound and bound[-1].lower() in _words("vague_plural", "bound")):
            return "vague_plural"  # "for decades"; "within weeks" bounds an event and is marked
    if match.family == "duration" and _said(match.groups.get("num")) in _words("vague_count", "number") \
            and not match.groups.get("dir"):
        return "vague_count"
    return None


def _deictic(match: Match) -> bool:
    return match.family == "deictic" and _said(match.groups.get("word")) in _words("deictic", "word")


def _inside_name(match: Match, span: Span) -> bool:
    """A time word inside a longer named entity of a naming kind: "Theresa May", "Jan Novak" —
    not a feast with its observance, whatever the parse calls it ("Thanksgiving Dinner")."""
    calendar = _calendar_words()
    if match.family in ("holiday", "season"):
        calendar = calendar | _words("name", "feast_noun")
    for token in span:
        if token.ent_type_ not in _words("name", "entity"):
            continue
        entity = next((e for e in span.doc.ents if e.start <= token.i < e.end), None)
        if entity is None:
            continue
        outside = [t for t in entity if not (span.start <= t.i < span.end)]
        if any(t.is_alpha and t.lower_.rstrip(".") not in calendar for t in outside):
            return True
    return _names_a_group(match, span)


def _names_a_group(match: Match, span: Span) -> bool:
    """ "the Class of 2024": a capitalised noun of the table and "of" before a year is a name."""
    if match.family != "year":
        return False
    before = re.search(r"\b(\w+)\s+of\s+$", _before(match, span, 16))
    return before is not None and before.group(1)[:1].isupper() and before.group(1).lower() in _words("name", "year_of")


def _named_occasion(match: Match, span: Span) -> bool:
    """ "a day of mourning", "a national day of prayer": an observance, not a length of one day."""
    if match.family != "duration" or _said(match.groups.get("unit")) != "day" \
            or _said(match.groups.get("num")) not in ("a", "an", "one"):
        return False
    follower = re.match(r"\s+of\s+(\w+)", _after(match, span, 24))
    return follower is not None and follower.group(1).lower() in _words("occasion", "day_of")


def _title(match: Match, span: Span) -> bool:
    """A title made of time words: "the film Friday Night Lights", "ABC's "This Week"", a
    capitalised part of the day mid-sentence, or a weekday compounding a name ("the Sunday Times")."""
    doc = span.doc
    if match.family == "weekday_pod" and span[-1].text[:1].isupper() and span[-1].i > span.sent.start:
        return True  # "Saturday Night" in running text is a programme, a day's evening is lower case
    if span.start > 0 and doc[span.start - 1].lower_ in _words("name", "title_cue"):
        if span[0].text[:1].isupper():
            return True
    if _compounds_a_name(match, span) or _capitalised_unit(match, span) or _quoted_title(match, span):
        return True
    if match.family == "rel_unit" and match.groups.get("unit", "")[:1].isupper() \
            and match.groups.get("rel", "")[:1].isupper():
        return bool(re.search(r"(?:[\"\u201c]|'s\s+|s'\s+)$", _before(match, span, 4)))
    return False


_TITLE_SMALL = frozenset({"a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "and", "from", "by"})
_OPENING, _CLOSING = ('"', "\u201c"), ('"', "\u201d")


def _quoted_title(match: Match, span: Span) -> bool:
    """A time word in a short quotation of capitalised words with another word of the name beside
    it: a programme or a title ("Fox News Sunday", "CBS This Morning", "Twelve Days in May"). Not
    a quoted date ("Super Tuesday" is all the match), a cry ("What a night!") or numbers."""
    text = text_of(span.doc)
    lo = max(text.rfind(q, max(0, match.start - 60), match.start) for q in _OPENING)
    ends = [e for e in (text.find(q, match.end, match.end + 60) for q in _CLOSING) if e >= 0]
    if lo < 0 or not ends:
        return False
    hi = min(ends)
    inner = text[lo + 1:hi].strip().rstrip(",.")
    if "\n" in inner or inner[-1:] in "!?" or any(c.isdigit() for c in inner):
        return False
    words = [(m.start() + lo + 1, m.group()) for m in re.finditer(r"[\w'\u2019-]+", text[lo + 1:hi])]
    if not 2 <= len(words) <= 6 or not all(w[:1].isupper() or w.lower() in _TITLE_SMALL for _, w in words):
        return False
    calendar = _calendar_words()
    return any(not (match.start <= at < match.end) and w[:1].isupper() and w.lower() not in calendar
               and w.lower() not in _TITLE_SMALL for at, w in words)


_UNIT_FAMILIES = {"duration", "rel_unit", "plural_unit"}


def _capitalised_unit(match: Match, span: Span) -> bool:
    """A unit written with a capital inside a sentence belongs to a name: "the Six-Day War",
    "the Thirty Years' War", "The Year of the Snake"."""
    unit = match.groups.get("unit") or ""
    if match.family not in _UNIT_FAMILIES or not unit.istitle():  # a headline in capitals is no name
        return False
    token = next((t for t in span if t.text.lower().startswith(unit.lower()[:3])), None)
    return token is not None and token.i > token.sent.start


_NAMING_FAMILIES = {"weekday", "month", "season", "holiday"}


def _compounds_a_name(match: Match, span: Span) -> bool:
    """A capitalised weekday, month, season or feast naming something with the proper noun after
    it: "the Sunday Times", "the Winter Olympics", "the Easter Rising" (not "Easter Sunday")."""
    doc, last = span.doc, span[-1]
    follower = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if follower is None or match.family not in _NAMING_FAMILIES or not last.text[:1].isupper():
        return False
    if not (follower.text[:1].isupper() and follower.lower_ not in _calendar_words()):
        return False
    if match.family in ("weekday", "month"):
        return last.dep_ == "compound" and last.head.i == follower.i and follower.pos_ == "PROPN"
    # the parse tags "Rising" or "Olympics" as it likes; what a feast is kept with ("Christmas
    # Mass", "Thanksgiving Dinner") is in the table, and the day is still meant
    return follower.pos_ in ("PROPN", "NOUN", "VERB") and follower.lower_ not in _words("name", "feast_noun")


@cache
def _kept_with_a_feast() -> frozenset[str]:
    """Nouns a feast still dates when it qualifies them: what it is kept with ("Christmas
    shopping"), stretches of time ("the Easter weekend") and occasions ("the Easter attacks")."""
    return _words("name", "feast_noun") | _calendar_words() | frozenset(occasion_words.lexicon().nouns)


def _qualifies_next(span: Span) -> bool:
    """ "the past two winners", "the future president": the word qualifies the noun after it."""
    doc = span.doc
    if span.end >= len(doc):
        return False
    return doc[span.end].pos_ in ("NUM", "NOUN", "PROPN", "ADJ")


def _qualifies_a_thing(span: Span) -> bool:
    """A feast compounding a common noun, with no preposition before it, names a kind of thing
    ("Easter eggs", "a Christmas tree"): the day is not meant, unless the noun is one the feast
    still dates (``_kept_with_a_feast``)."""
    last, doc = span[-1], span.doc
    if " ".join(span.text.lower().split()) in _words("name", "vote_day"):
        return False  # "the Super Tuesday contests": a day of voting dates what it qualifies
    if span.start > 0 and doc[span.start - 1].pos_ == "ADP":
        return False  # "on Christmas people gather": a preposition places the day, whatever the parse
    head = last.head
    if last.dep_ != "compound" or head.i != last.i + 1 or head.pos_ != "NOUN" or head.text[:1].isupper():
        return False
    kept = _kept_with_a_feast()
    return head.lower_ not in kept and head.lemma_.lower() not in kept


def _names_a_thing(year: Token) -> bool:
    """A number after a proper name is part of the name ("a venture called Orion 1980", "Form 1040")."""
    head = year.head
    named = head.pos_ == "PROPN" or (head.pos_ == "NOUN" and head.text[:1].isupper())  # "Flight 1549"
    if year.dep_ not in ("nummod", "compound", "appos") or not named or head.i >= year.i:
        return False
    doc_text = text_of(year.doc)
    return head.lower_.rstrip(".") not in _calendar_words() and doc_text[head.idx + len(head):year.idx].isspace()


def _owned_make(year: Token, span: Span) -> bool:
    """ "a 1967 Mustang", "his 2012 Ford Focus": a year between "a"/a possessive and a make's name,
    the proper noun heading the phrase ("a 2019 Reuters report" is headed by the report: a date)."""
    doc, head = span.doc, year.head
    if span.start == 0 or doc[span.start - 1].lower_ not in _words("model_year", "owner"):
        return False
    if year.dep_ not in ("nummod", "compound", "amod") or head.i <= year.i or head.pos_ != "PROPN":
        return False
    return all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.ent_type_ not in _words("model_year", "not_make")
               for t in doc[span.end:head.i + 1])


def _model_year(match: Match, span: Span) -> bool:
    """ "a 2019 Toyota", "the 2024 model": a year naming a model of a product."""
    if match.family != "year" or match.groups.get("the") or match.groups.get("beyond"):
        return False
    root, doc = span.root, span.doc
    follower = doc[span.end] if span.end < len(doc) else None
    if follower is None:
        return False
    if follower.lower_ in _words("model_year", "noun"):
        return True
    head = root.head
    return root.dep_ in ("nummod", "compound", "amod") and head.i > root.i and head.pos_ == "PROPN" \
        and (follower.ent_type_ in _words("model_year", "entity") or head.ent_type_ == "PRODUCT") \
        and any(t.lower_ in _words("model_year", "noun") or t.ent_type_ == "PRODUCT"
                for t in doc[span.end:min(len(doc), span.end + 4)]) or _names_a_thing(root) \
        or _owned_make(root, span)


def _generic_day(match: Match, span: Span) -> bool:
    """ "the day the rebels entered", "the rest of the day": an occasion or a stretch, not a date."""
    if match.family != "rel_unit" or _said(match.groups.get("rel")) != "the" or _said(match.groups.get("unit")) != "day":
        return False
    if _before(match, span, 3).rstrip().endswith(","):
        return False  # "Oct. 12, the day before …": in apposition to a date, the date itself
    follower = _after(match, span).split()
    if follower and follower[0].lower().strip(",.'") in _words("generic_day", "after") \
            and not _after(match, span).startswith((",", ".", ";")):
        return True
    before = _said(_before(match, span, 20))
    if any(before.endswith(cue) for cue in _words("generic_day", "before")):
        return True
    # "The day began with prayers", "spent the day with his family": a participant of the
    # clause, not a placing of it ("on the day", "Shares fell 2% on the day" keep their preposition)
    return span.root.dep_ in _words("generic_day", "role") and not _after(match, span).startswith(",")


def _is_rate(match: Match, span: Span) -> bool:
    """An amount per unit of time ("$2 million a year", "700 seats a week", "rise 8.5% annually").

    TimeML leaves such rates unmarked (like "miles per hour"): the unit measures a quantity,
    it does not place or time an event. Recognised by an amount just before the expression,
    with no preposition or verb between ("within a week", "doubling profits annually" stay).
    """
    groups = match.groups
    per_unit = match.family == "duration" and (groups.get("num") or "").lower() in ("a", "an") \
        and not groups.get("det") and not groups.get("dir")
    per_word = match.family == "set" and (groups.get("every", "").lower() == "per" or "sword" in groups)
    if not (per_unit or per_word) or match.part or match.quant:
        return False
    doc = span.doc
    for i in range(span.start - 1, max(-1, span.start - 4), -1):
        token = doc[i]
        if token.like_num or token.lower_ in _words("rate", "unit") or token.tag_ == "$":
            return True
        if token.pos_ in ("ADP", "VERB", "AUX", "PUNCT", "CCONJ", "SCONJ", "ADV", "PART"):
            return False
    return False


def _measures(span: Span) -> bool:
    """ "average daily volume", "daily dividends": a set word qualifying an amount, not an event."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in _words("rate", "before"):
        return True
    head = span.root.head
    return head.i > span.root.i and (head.lemma_.lower() in _words("rate", "measure")
                                     or any(t.lemma_.lower() in _words("rate", "measure")
                                            for t in doc[span.end:head.i + 1]))


def _opens_sentence(span: Span) -> bool:
    first = span[0].sent.start
    while first < span.start and span.doc[first].is_punct:
        first += 1
    return first == span.start


def _determined(span: Span) -> bool:
    """ "the 1967 borders", "its 2016 accords": a count of things takes no article before a bare
    four-digit number ("1990 shares"), so a determiner or possessive makes the number a year."""
    before = span.doc[span.start - 1] if span.start > span.sent.start else None
    return before is not None and (before.lower_ in ("the", "this", "that") or before.tag_ in ("PRP$", "POS"))


_FRACTION_OF = re.compile(r"\s+of\s+(?:the|its|their|his|her|our|all|this|that|these|those)\s+(?!(?:fiscal\s+)?year)",
                          re.IGNORECASE)


def _other_sense(match: Match, span: Span) -> str | None:
    """Time words in another sense: the modal "May", "1990 shares", "prices fall", a fraction, …"""
    root, family, groups = span.root, match.family, match.groups
    after = _after(match, span)
    if family == "month" and span[0].tag_ == "MD":
        return "modal"
    if family == "year" and not groups.get("beyond") and root.dep_ == "nummod" and root.head.tag_ == "NNS" \
            and not _determined(span) and root.head.lower_ not in _words("time_noun", "word") \
            and root.head.lower_ not in lexicon()["period_nouns"]["words"]:
        return "amount"  # "1990 shares"
    if family == "season" and root.pos_ == "VERB":
        return "verb"  # "prices fall", "to spring back"
    if family == "holiday" and _qualifies_a_thing(span):
        return "qualifier"  # "a Halloween mask", "the Christmas market": a kind of thing, no day
    if family == "set" and "sword" in groups and (root.dep_ == "amod" or root.pos_ == "NOUN"):
        if _said(groups["sword"]) not in lexicon()["attributive_sets"] or _measures(span):
            return "rate"  # "a quarterly dividend", "average daily volume": an amount per period
    if family == "duration" and (groups.get("unit") or "").lower() == "quarters" and (
            _FRACTION_OF.match(after) or re.search(r"[a-z]-quarters$", span.text, re.IGNORECASE)):
        return "fraction"  # "three-quarters of its food"
    if family == "deictic":
        word = _said(groups.get("word"))
        if word == "current" and root.pos_ != "ADJ":
            return "other"
        if word == "now" and _opens_sentence(span) and after[:1] == ",":
            return "discourse"  # "Now, he says, …" turns the story
        if word in ("the future", "the past") and re.match(r"\s+of\b", after, re.IGNORECASE):
            return "fate"  # "the future of our peoples"
        if word in ("the future", "the past") and _qualifies_next(span):
            return "attributive"  # "the past two winners", "the future president"
        if word == "soon" and re.match(r"\s+(?:after|before|as)\b", after, re.IGNORECASE):
            return "conjunction"  # "as soon as", "soon after"
    if family in ("duration", "rel_unit") and _UNIT_TO_UNIT.match(after):
        return "compound"  # "on a day-to-day basis", "a year-on-year rise": how often, not how long
    if family == "rel_unit" and _said(groups.get("rel")) == "the" and _honour_or_idiom(match, span):
        return "idiom"  # "named person of the year", "the flavor of the week", "back in the day"
    if family == "rel_unit" and _summing_up(match, span):
        return "idiom"  # "at the end of the day, it is about jobs": in the end, on no day
    if family == "rel_unit" and _said(groups.get("rel")) == "the last" and re.match(r"\s+of\b", after, re.IGNORECASE):
        return "ordinal"  # "the last week of October", "the last days of the campaign": the final one, not the one before
    if family in ("duration", "set") and (groups.get("unit") or "").lower() in ("second", "seconds") \
            and family == "duration" and (groups.get("num") or "a").lower() in ("a", "an", "one"):
        return "other"  # "a second" is an ordinal more often than a length
    return None


_PRESENT_OR_AHEAD = {"VBZ", "VBP", "MD"}


_UNIT_TO_UNIT = re.compile(r"-(?:to|by|on|over|after)-(?:day|week|month|year|quarter)\b", re.IGNORECASE)


def _honour_or_idiom(match: Match, span: Span) -> bool:
    """ "person of the year", "the flavor of the week" (an honour or a fashion, `honour` words
    before "of"), "back in the day" (`phrase`): no period is placed."""
    before = _before(match, span, 24).lower().split()
    if len(before) >= 2 and before[-1] == "of" and before[-2] in _words("idiom", "honour"):
        return True
    said = " ".join(before[-2:] + [_said(match.groups.get("_text"))])
    return said in _words("idiom", "phrase")


def _summing_up(match: Match, span: Span) -> bool:
    """ "At the end of the day, voters want jobs": the idiom sums up an argument and places nothing.
    Told from the literal day by its clause: present tense or a modal ("voters want", "it will
    pass"); in a past narrative the day is meant ("at the end of the day the index closed lower")."""
    if match.part != "the end of" or _said(match.groups.get("unit")) != "day" \
            or _said(match.groups.get("rel")) != "the" or not _before(match, span, 4).lower().endswith("at "):
        return False
    verb = next((t for t in span.root.ancestors if t.pos_ in VERBAL), None)
    if verb is None:
        return False
    return verb.tag_ in _PRESENT_OR_AHEAD or any(c.tag_ == "MD" for c in verb.children) \
        or (verb.tag_ == "VBG" and any(c.lower_ in ("is", "are", "'s", "'re") for c in verb.children))


_RULES: list[tuple[str, Callable[[Match, Span], bool]]] = [
    ("age", _age), ("name", lambda m, s: _inside_name(m, s) or _title(m, s)), ("model_year", _model_year),
    ("generic_day", _generic_day), ("occasion", _named_occasion), ("rate", _is_rate),
]


def non_markable(match: Match, span: Span, marks: frozenset[str] = frozenset()) -> str | None:
    """The class that makes a recognised expression a non-markable, or None when it is a timex.

    ``marks`` are the classes the conventions profile marks anyway ("deictic", "vague_count").
    """
    for kind, rule in _RULES:
        if rule(match, span):
            return kind
    vague = _vague_length(match, span)
    if vague and vague not in marks:
        return vague
    if _deictic(match) and "deictic" not in marks:
        return "deictic"
    return _other_sense(match, span)
