"""Time expressions: the normaliser (unit and property-based), the stage, event dates, the suite."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.events.dates import date_events
from dateline.record import Article, Event, EventActor, Offsets, TextSpan
from dateline.timex.normalise import normalise
from dateline.timex.stage import extract_times

ANCHOR = "2025-02-10"  # a Monday

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
ABBREVIATIONS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]


def value(expression: str, tense: str | None = None, anchor: str = ANCHOR) -> str:
    found = normalise(expression, anchor, tense)
    assert found is not None, expression
    return found.value


@pytest.mark.parametrize(("expression", "tense", "expected"), [
    ("February 10", None, "2025-02-10"),
    ("December 6", "past", "2024-12-06"),
    ("March 3", "future", "2025-03-03"),
    ("Feb. 26, 1987", None, "1987-02-26"),
    ("26 February", None, "2025-02-26"),
    ("yesterday", None, "2025-02-09"),
    ("today", None, "2025-02-10"),
    ("Friday", "past", "2025-02-07"),
    ("Friday", "future", "2025-02-14"),
    ("last week", None, "2025-W06"),
    ("next month", None, "2025-03"),
    ("two years ago", None, "2023"),
    ("the 1990s", None, "199"),
    ("the nineties", None, "199"),
    ("this spring", None, "2025-SP"),
    ("the first quarter", None, "2025-Q1"),
    ("the fourth quarter", "past", "2024-Q4"),
    ("the second half of 2025", None, "2025-H2"),
    ("three days", None, "P3D"),
    ("2 1/2 years", None, "P2Y6M"),
    ("a minute and a half", None, "PT1M30S"),
    ("every Monday", None, "XXXX-WXX-1"),
    ("Mondays", None, "XXXX-WXX-1"),
    ("5 p.m. Thursday", "past", "2025-02-06T17:00"),
    ("this morning", None, "2025-02-10TMO"),
    ("now", None, "PRESENT_REF"),
    ("recently", None, "PAST_REF"),
    ("the future", None, "FUTURE_REF"),
    ("nineteen ninety-six", None, "1996"),
    ("mid-1996", None, "1996"),
    ("the last half of the '80s", None, "198"),
    ("a few days", None, "PXD"),
    ("mid-afternoon", None, "2025-02-10TAF"),
    ("Sunday mornings", None, "XXXX-WXX-7TMO"),
])
def test_values(expression: str, tense: str | None, expected: str) -> None:
    assert value(expression, tense) == expected


def test_unknown_year_is_written_with_x() -> None:
    assert value("December 6", anchor=None) == "XXXX-12-06"


@pytest.mark.parametrize(("expression", "earliest", "latest", "mod"), [
    ("early February", "2025-02-01", "2025-02-10", "START"),
    ("late February", "2025-02-21", "2025-02-28", "END"),
    ("the second half of 2025", "2025-07-01", "2025-12-31", None),
    ("the first quarter", "2025-01-01", "2025-03-31", None),
    ("last week", "2025-02-03", "2025-02-09", None),
])
def test_intervals(expression: str, earliest: str, latest: str, mod: str | None) -> None:
    found = normalise(expression, ANCHOR)
    assert found is not None
    assert (found.earliest, found.latest, found.mod) == (earliest, latest, mod)


def test_anaphoric_year_earlier_follows_the_quarter_under_discussion() -> None:
    found = normalise("a year earlier", "1989-10-26", "past", reference="1989-Q3")
    assert found is not None and found.value == "1988-Q3"


# --- properties -------------------------------------------------------------------------------

days = st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31))


def _styles(day: date) -> list[str]:
    month, abbr = MONTHS[day.month - 1], ABBREVIATIONS[day.month - 1]
    return [
        f"{month} {day.day}, {day.year}",
        f"{abbr} {day.day}, {day.year}",
        f"{day.day} {month} {day.year}",
        f"the {day.day}th of {month} {day.year}" if day.day not in (1, 2, 3, 21, 22, 23, 31) else f"{month} {day.day} {day.year}",
        day.isoformat(),
        f"{day.month}/{day.day}/{day.year}",
    ]


@settings(max_examples=150, deadline=None)
@given(day=days, style=st.integers(min_value=0, max_value=5))
def test_any_written_date_round_trips(day: date, style: int) -> None:
    expression = _styles(day)[style]
    found = normalise(expression, ANCHOR)
    assert found is not None, expression
    assert found.value == day.isoformat(), expression
    assert found.earliest == found.latest == day.isoformat()


@settings(max_examples=150, deadline=None)
@given(day=days)
def test_month_and_year_round_trip(day: date) -> None:
    assert value(f"{MONTHS[day.month - 1]} {day.year}") == f"{day.year}-{day.month:02d}"


@settings(max_examples=150, deadline=None)
@given(anchor=days, target=days, tense=st.sampled_from(["past", "future", None]))
def test_year_less_dates_follow_the_tense(anchor: date, target: date, tense: str | None) -> None:
    if target.month == 2 and target.day == 29:
        return
    found = normalise(f"{MONTHS[target.month - 1]} {target.day}", anchor.isoformat(), tense)
    assert found is not None
    resolved = date.fromisoformat(found.value)
    assert (resolved.month, resolved.day) == (target.month, target.day)
    if tense == "future":
        assert resolved >= anchor
    if tense == "past":
        assert resolved <= anchor + timedelta(days=31)
    assert abs((resolved - anchor).days) <= 366


TEMPLATES = ["early {m}", "mid-{m}", "late {m}", "the end of {y}", "the beginning of {m} {y}", "early {y}",
             "the first half of {y}", "the second half of {y}", "the third quarter of {y}", "this winter",
             "last summer", "next week", "the weekend", "this year", "late last year", "the 1980s",
             "the early 1990s", "yesterday", "two weeks ago", "{m} {y}", "the 20th century", "last month"]


@settings(max_examples=200, deadline=None)
@given(anchor=days, template=st.sampled_from(TEMPLATES), month=st.sampled_from(MONTHS),
       year=st.integers(min_value=1900, max_value=2099), tense=st.sampled_from(["past", "future", None]))
def test_intervals_are_ordered(anchor: date, template: str, month: str, year: int, tense: str | None) -> None:
    expression = template.format(m=month, y=year)
    found = normalise(expression, anchor.isoformat(), tense)
    assert found is not None, expression
    assert found.earliest is not None and found.latest is not None, expression
    assert found.earliest <= found.latest, (expression, found)


# --- the stage on a short article -------------------------------------------------------------

STORY = (
    "Officials in Vilnius said on Friday that the pipeline talks, stalled since the November 14 round, "
    "would resume. In late January, the ministry published a draft plan. The two sides will meet again "
    "on March 3 and expect to sign in the first half of 2025."
)


@pytest.fixture
def story(nlp):
    doc = nlp(STORY)
    article = Article(id="t", text=STORY, published=ANCHOR)
    extract_times(doc, article)
    return doc, article


def test_stage_finds_and_anchors_expressions(story) -> None:
    _, article = story
    found = {t.text: t.value for t in article.times}
    assert found["Friday"] == "2025-02-07"
    assert found["November 14"] == "2024-11-14"
    assert found["late January"] == "2025-01"
    assert found["March 3"] == "2025-03-03"
    assert found["the first half of 2025"] == "2025-H1"
    for timex in article.times:
        assert STORY[timex.start:timex.end] == timex.text


def _event(text: str, trigger: str) -> Event:
    start = text.index(trigger)
    sentence_start = text.rfind(". ", 0, start) + 2 if ". " in text[:start] else 0
    sentence_end = text.find(".", start) + 1
    return Event(type="AGREE", cameo="057", quad=1, goldstein=8.0, source=[EventActor("x")], target=[],
                 sentence=Offsets(sentence_start, sentence_end),
                 trigger=TextSpan(trigger, start, start + len(trigger)))


def test_events_take_the_governing_expression_else_the_report_date(story, nlp) -> None:
    doc, article = story
    article.events = [_event(STORY, "published"), _event(STORY, "meet"), _event(STORY, "resume")]
    date_events(doc, article)
    published, meet, resume = (e.date for e in article.events)
    assert (published.text, published.earliest, published.latest) == ("late January", "2025-01-21", "2025-01-31")
    assert (meet.text, meet.earliest) == ("March 3", "2025-03-03")
    # "would resume" lies ahead: neither the day it was said nor the round before dates it
    assert (resume.text, resume.by_report) == (None, True)
    lone = Article(id="u", text="Talks will resume.", published=ANCHOR)
    lone.events = [_event(lone.text, "resume")]
    date_events(nlp(lone.text), lone)
    assert lone.events[0].date.by_report and lone.events[0].date.earliest == ANCHOR


RATES = (
    "The airline will add 700 seats a week on the route. The plant will make 10,000 units annually and "
    "save $2 million a year. Exports cover about three-quarters of its grain. Trading resumes as soon as "
    "the market opens, the minister told ABC's \"This Week\" programme. The ban lasted a week, and the "
    "agency said it would decide within a month."
)


def test_rates_fractions_and_titles_are_not_times(nlp) -> None:
    article = Article(id="r", text=RATES, published=ANCHOR)
    extract_times(nlp(RATES), article)
    found = {t.text: t.value for t in article.times}
    assert found == {"a week": "P1W", "a month": "P1M"}, found


EARNINGS = (
    "Acme Corp. said third-quarter profit rose 12%. It expects sales to keep growing into the fourth "
    "quarter and through the first quarter of 2026. In the year-ago period, Acme earned $3 million."
)


def test_a_quarter_still_ahead_is_not_the_compared_period(nlp) -> None:
    article = Article(id="e", text=EARNINGS, published="2025-10-28")
    extract_times(nlp(EARNINGS), article)
    found = {t.text: t.value for t in article.times}
    assert found["the year-ago period"] == "2024-Q3", found


NINE_MONTHS = (
    "Acme Corp. said third-quarter profit rose 12% from a year earlier. In the first nine months, "
    "profit rose 8% to $40 million from $37 million a year earlier. The index fell on Friday, down 3% "
    "from the previous Friday. Flights leave on Tuesday nights."
)


def test_comparisons_follow_the_period_reported(nlp) -> None:
    article = Article(id="n", text=NINE_MONTHS, published="2025-10-28")  # a Tuesday
    extract_times(nlp(NINE_MONTHS), article)
    values = [(t.text, t.value) for t in article.times]
    assert values[1] == ("a year earlier", "2024-Q3"), values
    assert ("a year earlier", "2024") in values[2:], values
    assert ("the previous Friday", "2025-10-17") in values, values
    assert ("Tuesday nights", "XXXX-WXX-2TNI") in values, values


LOOKING_AHEAD = (
    "The board named a new chairman, effective Jan. 5. Analysts expect 2025 earnings to fall, and "
    "the company sold 1990 shares. Leaders spoke about the future of the region."
)


def test_effective_dates_look_ahead_and_years_qualify_results(nlp) -> None:
    article = Article(id="a", text=LOOKING_AHEAD, published="2024-08-20")
    extract_times(nlp(LOOKING_AHEAD), article)
    found = {t.text: t.value for t in article.times}
    assert found == {"Jan. 5": "2025-01-05", "2025": "2025"}, found


CLOSING_DAYS = (
    "Dockside Inc. earned $2 million in the quarter ended July 31. Its rival Harbor Freight Lines lost "
    "$4 million in the second quarter ended Nov. 28. Shippers said delays came within weeks or months "
    "of the strike, and fares have climbed in recent weeks and months."
)


def test_quarters_are_dated_by_the_day_they_closed(nlp) -> None:
    # Written on Nov. 25, 2025: "ended Nov. 28" is over, so last year's; the fiscal number stays.
    article = Article(id="c", text=CLOSING_DAYS, published="2025-11-25")
    extract_times(nlp(CLOSING_DAYS), article)
    found = {t.text: t.value for t in article.times}
    assert found["Nov. 28"] == "2024-11-28", found
    assert found["the second quarter"] == "2024-Q2", found
    assert found["the quarter"] == "2025-Q2", found  # May-July: mostly the calendar's second
    assert found["weeks or months"] == "PXW", found
    assert found["recent weeks and months"] == "PAST_REF", found
    assert "months" not in found, found


NOT_TIMES = (
    "Pinecrest Mills declared its initial quarterly of eight cents a share. Analysts said that "
    "third-quarter sales rose. The founder later ran a venture called Orion 1980 near Lyon. "
    "Now, the mayor says, the plant is safe."
)


def test_names_payments_and_conjunctions_stay_outside(nlp) -> None:
    article = Article(id="n", text=NOT_TIMES, published="2025-11-03")
    extract_times(nlp(NOT_TIMES), article)
    found = {t.text: t.value for t in article.times}
    assert found == {"third-quarter": "2025-Q3"}, found
    still = Article(id="m", text="Now the plant is safe, and prices are now falling.", published="2025-11-03")
    extract_times(nlp(still.text), still)
    assert [t.value for t in still.times] == ["PRESENT_REF", "PRESENT_REF"]


SOME_DAY = "The minister had been in the job one day. She said the port will one day rival Rotterdam."


def test_one_day_before_its_verb_is_some_day(nlp) -> None:
    article = Article(id="d", text=SOME_DAY, published="2025-11-03")
    extract_times(nlp(SOME_DAY), article)
    assert [(t.text, t.value) for t in article.times] == [("one day", "P1D"), ("one day", "FUTURE_REF")]


@pytest.mark.slow
@pytest.mark.devdata
def test_timebank_suite_scores(nlp, data_dir) -> None:
    from dateline.evaluation import time as suite

    result = suite.run(data_dir, nlp, limit=12)
    metrics = result["metrics"]
    assert set(metrics) == {"time.relaxed_f1", "time.strict_f1", "time.value_f1", "time.type_accuracy"}
    assert metrics["time.relaxed_f1"] > 0.8
    assert metrics["time.value_f1"] > 0.6


def test_reported_future_and_quarter_of_the_year():
    import dateline

    article = dateline.extract(
        "ASTANA, March 4. /TASS/. He said the working group would meet in the second quarter. "
        "Officials said talks would resume in the third quarter of the year.", published="2025-03-04")
    values = {t.text: t.value for t in article.times}
    assert values["the second quarter"] == "2025-Q2"  # would + said: a future seen from the report
    assert values["the third quarter of the year"] == "2025-Q3"
