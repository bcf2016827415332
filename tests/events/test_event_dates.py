"""Event dates from occasions named earlier (event anaphora): "Following the meeting, …" takes the
date of "the March 3 session". Short wire-style stories of our own, real parses."""

from __future__ import annotations

import pytest

from dateline.events.dates import date_events
from dateline.record import Article, Event, EventActor, Offsets, TextSpan, article_from_dict
from dateline.timex.stage import extract_times

PUBLISHED = "2025-03-10"  # a Monday


def _event(text: str, trigger: str, after: str = "") -> Event:
    """An event at the first ``trigger`` after ``after``, its sentence bounded by full stops."""
    start = text.index(trigger, text.index(after) if after else 0)
    sentence_start = text.rfind(". ", 0, start) + 2 if ". " in text[:start] else 0
    sentence_end = text.find(".", start) + 1
    return Event(type="AGREE", cameo="057", quad=1, goldstein=8.0, source=[EventActor("x")], target=[],
                 sentence=Offsets(sentence_start, sentence_end), trigger=TextSpan(trigger, start, start + len(trigger)))


@pytest.fixture
def dated(nlp):
    """Date the events at the given triggers of a story; return their dates in order."""
    def run(text: str, *triggers: str | tuple[str, str], published: str | None = PUBLISHED):
        doc = nlp(text)
        article = Article(id="t", text=text, published=published)
        extract_times(doc, article)
        article.events = [_event(text, *t) if isinstance(t, tuple) else _event(text, t) for t in triggers]
        date_events(doc, article)
        return [e.date for e in article.events]
    return run


def test_a_statement_following_a_session_dates_what_it_reports(dated) -> None:
    text = ("Following the March 3 session of the regional assembly, the two parties signed a coalition pact. "
            "Following the meeting, the speaker said that she had invited the opposition to join the cabinet.")
    signed, invited = dated(text, "signed", "invited")
    assert (signed.text, signed.earliest, signed.via) == ("March 3", "2025-03-03", None)
    # a synonym ("meeting" for "session"), a statement made right after: the day of the session
    assert (invited.text, invited.earliest, invited.latest) == ("Following the meeting", "2025-03-03", "2025-03-03")
    assert invited.via.relation == "after" and invited.via.value == "2025-03-03"
    assert invited.via.occasion.text == "the March 3 session"
    assert text[invited.via.start:invited.via.end] == "Following the meeting"
    assert not invited.by_report


def test_an_act_after_talks_lies_between_them_and_the_report(dated) -> None:
    text = ("Talks were held in Vienna on Tuesday between the two delegations. "
            "After the talks, the delegations exchanged forty prisoners.")
    (exchanged,) = dated(text, "exchanged")
    assert (exchanged.earliest, exchanged.latest) == ("2025-03-04", PUBLISHED)
    assert exchanged.via.occasion.text == "Talks"


def test_at_the_summit_takes_its_day(dated) -> None:
    text = ("At Monday's summit in Sofia, the leaders discussed gas transit. "
            "At the summit, the premier also pledged flood aid to the region.")
    (pledged,) = dated(text, "pledged")
    assert (pledged.text, pledged.earliest, pledged.latest) == ("At the summit", "2025-03-10", "2025-03-10")
    assert pledged.via.relation == "at"


def test_before_a_meeting_ends_the_day_before_it(dated) -> None:
    text = ("The council meeting held on 3 March ended without a vote. "
            "Before the meeting, the mayor accused the opposition of stalling the budget.")
    (accused,) = dated(text, "accused")
    assert (accused.earliest, accused.latest) == (None, "2025-03-02")
    assert accused.via.relation == "before" and accused.via.occasion.text == "The council meeting"


def test_the_same_word_is_preferred_to_a_later_synonym(dated) -> None:
    text = ("Negotiators held talks in Oslo on Tuesday. Thursday's summit in Bern drew six heads of state. "
            "After the talks, the negotiators released a joint text.")
    (released,) = dated(text, "released")
    assert released.earliest == "2025-03-04" and released.via.occasion.text == "talks"


def test_an_occasion_with_no_date_changes_nothing(dated) -> None:
    text = "The ministers held a meeting in Riga. After the meeting, the envoy announced a truce."
    (announced,) = dated(text, "announced")
    assert announced.by_report and announced.earliest == PUBLISHED and announced.via is None


def test_a_new_undated_occasion_stands_between(dated) -> None:
    text = ("Talks were held on Tuesday. A new round of talks is planned in Geneva. "
            "After the talks, the sides exchanged prisoners.")
    (exchanged,) = dated(text, "exchanged")
    assert exchanged.by_report


def test_the_sentence_own_time_expression_wins(dated) -> None:
    text = "Talks were held in Vienna on Tuesday. After the talks, the two sides signed a truce on Thursday."
    (signed,) = dated(text, "signed")
    assert (signed.text, signed.earliest, signed.via) == ("Thursday", "2025-03-06", None)


def test_a_past_clause_is_not_placed_after_an_occasion_ahead(dated) -> None:
    text = ("The foreign ministers will hold talks on March 20. "
            "After the talks, the ministers will sign an accord. After the talks, the envoys left.")
    sign, left = dated(text, "sign", ("left", "envoys"))
    assert (sign.earliest, sign.latest) == ("2025-03-20", None)  # ahead of the report: open-ended
    assert left.by_report


def test_a_proper_name_singles_out_another_occasion(dated) -> None:
    text = ("The minister spoke at a news conference on Sunday. "
            "He was invited to the Lisbon conference but declined. At the conference, delegates adopted a charter.")
    (adopted,) = dated(text, "adopted")
    assert adopted.by_report  # the Lisbon conference, not Sunday's news conference


def test_a_verb_names_an_occasion_and_the_eve_is_the_day_before(dated) -> None:
    text = ("The two presidents met in Baku on Saturday. "
            "On the eve of the meeting, the foreign ministers drafted a communique.")
    (drafted,) = dated(text, "drafted")
    assert (drafted.earliest, drafted.latest) == ("2025-03-07", "2025-03-07")
    assert drafted.via.relation == "eve" and drafted.via.occasion.text == "met"


def test_the_record_carries_where_the_date_came_from() -> None:
    import dateline

    text = ("VILNIUS, March 10. /Baltic Wire/. Following the March 3 session of the Baltic Council of Ministers, "
            "Riga and Tallinn approved a joint energy plan. Following the meeting, Latvian Prime Minister "
            "Anna Berzina said that she had asked Estonia to share its grid reserves with Latvia.")
    article = dateline.extract(text, published=PUBLISHED)
    asked = next(e for e in article.events if e.trigger.text == "asked")
    assert (asked.date.text, asked.date.earliest, asked.date.latest) == ("Following the meeting", "2025-03-03",
                                                                        "2025-03-03")
    record = article.to_dict()
    by_trigger = {e["trigger"]["text"]: e["date"] for e in record["events"]}
    assert by_trigger["asked"]["via"]["occasion"]["text"] == "the March 3 session"
    assert "via" not in by_trigger["approved"]  # dated by its own expression: no field added
    rebuilt = article_from_dict(record)
    assert [e.date for e in rebuilt.events] == [e.date for e in article.events]
    rebuilt = article_from_dict(record)
    assert [e.date for e in rebuilt.events] == [e.date for e in article.events]


def test_an_accusation_is_not_dated_by_the_act_alleged(dated) -> None:
    text = "On Wednesday, prosecutors accused the guard of beating a prisoner on Saturday."
    accused, beating = dated(text, "accused", "beating")
    assert (accused.text, accused.earliest) == ("Wednesday", "2025-03-05")
    assert (beating.text, beating.earliest) == ("Saturday", "2025-03-08")


def test_an_accusation_without_its_own_date_is_dated_by_report(dated) -> None:
    text = "Prosecutors accused the guard of beating a prisoner on Saturday."
    (accused,) = dated(text, "accused")
    assert accused.by_report and accused.text is None


def test_a_past_event_does_not_take_a_date_ahead(dated) -> None:
    text = "The premier thanked voters and said the coalition would govern until next year."
    thanked, govern = dated(text, "thanked", "govern")
    assert thanked.by_report and thanked.text is None
    assert govern.text == "next year"


def test_a_day_between_the_report_and_its_clause_dates_the_report(dated) -> None:
    # the parse hangs "on Friday" on "would raise"; standing before the clause's subject it is the saying's
    said, = dated("The central bank said on Friday it would raise interest rates in June.", "said")
    assert (said.text, said.earliest) == ("Friday", "2025-03-07")


def test_the_dateline_dates_the_filing_not_the_event(nlp) -> None:
    from dateline.evaluation.records import extract_records

    # the parse hangs the dateline's "March 10" on the main verb, nearer than "on Thursday"
    text = ("NAIROBI, March 10 (Wire) - The Nairobi county assembly on Thursday approved a plan to build dedicated "
            "bus lanes on four main roads, a move officials said would cut commuting times by half.")
    record = extract_records([{"id": "z", "text": text, "published": PUBLISHED}], nlp=nlp)["z"]
    approved = next(e for e in record["events"] if e["trigger"]["text"] == "approved")
    assert approved["date"]["text"] == "Thursday", approved["date"]
    assert approved["date"]["earliest"] == "2025-03-06"
