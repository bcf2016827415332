"""A fourth set of wire sentences of our own (written fresh, not taken from any dataset), read
against a Wednesday article date in March: anchoring relative expressions (last/next/this with a
weekday, month or season, "a year earlier", quarters, fiscal years, decades, "the past N weeks"),
sets, the direction of bare weekdays and months under present progressives, copulas, noun
infinitives and "since" with a gerund, and words that are not time expressions. Values follow
the TimeML profile (docs/time.md). Real spaCy parses."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.timex.stage import times_in

WEDNESDAY = date(2026, 3, 18)  # ISO week 2026-W12, in the first quarter


@pytest.fixture
def times(nlp):
    def run(text: str, anchor: date = WEDNESDAY) -> dict[str, str]:
        return {t.text: t.value for t in times_in(nlp(text), anchor)}
    return run


# --- last / next / this with a weekday, a month, a season ------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The minister resigned last Monday after a row over spending.", {"last Monday": "2026-03-16"}),
    ("The summit will open next Tuesday in Geneva.", {"next Tuesday": "2026-03-24"}),
    ("The union said it would strike this Friday.", {"this Friday": "2026-03-20"}),
    ("Parliament approved the budget last March.", {"last March": "2025-03"}),
    ("Elections are due next January.", {"next January": "2027-01"}),
    ("The new stadium opens this June.", {"this June": "2026-06"}),
    ("The drought began last summer.", {"last summer": "2025-SU"}),
    ("Farmers hope for rain this spring.", {"this spring": "2026-SP"}),
    ("The new bridge is expected to open next spring.", {"next spring": "2027-SP"}),
])
def test_relative_named_periods(times, text, expected) -> None:
    assert times(text) == expected


# --- anaphoric and counted periods ----------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Sales rose 4 percent from a year earlier.", {"a year earlier": "2025"}),
    ("Inflation eased to 2.1 percent in February from 2.6 percent a year earlier.",
     {"February": "2026-02", "a year earlier": "2025-02"}),
    ("The army withdrew in 2019; a year earlier it had taken the city.", {"2019": "2019", "a year earlier": "2018"}),
    ("The ministry said output grew 3 percent the previous year.", {"the previous year": "2025"}),
    ("Prices have risen sharply over the past three weeks.", {"the past three weeks": "P3W"}),
    ("The rebels have gained ground in the last two months.", {"the last two months": "P2M"}),
    ("Donations rose in the past year.", {"the past year": "2025"}),
    ("Voters went to the polls three weeks ago.", {"three weeks ago": "2026-02-25"}),
    ("The company was founded a decade ago.", {"a decade ago": "2016"}),
    ("Crime has fallen over the past decade.", {"the past decade": "201"}),  # TimeBank: the decade before
    ("The band was famous in the 1980s.", {"the 1980s": "198"}),
    ("The treaty was signed in the early 1990s.", {"the early 1990s": "199"}),
])
def test_anchored_periods(times, text, expected) -> None:
    assert times(text) == expected


# --- "N days/weeks earlier" counts back from the day the story last named ------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The minister arrived on Monday; a day earlier, rebels had shelled the airport.",
     {"Monday": "2026-03-16", "a day earlier": "2026-03-15"}),
    ("The court ruled on March 10. Two weeks earlier, the defence had asked for a delay.",
     {"March 10": "2026-03-10", "Two weeks earlier": "2026-02-24"}),
    ("Prices rose two days earlier, traders said.", {"two days earlier": "2026-03-16"}),
    # a day still ahead is not where a past clause counts from
    ("The rally comes ahead of next Tuesday's primary. A day earlier, six protesters were arrested.",
     {"next Tuesday": "2026-03-24", "A day earlier": "2026-03-17"}),
])
def test_days_earlier_from_the_story_day(times, text, expected) -> None:
    assert times(text) == expected


# --- a clock time takes the day named with its part of the day -----------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The session began on Tuesday morning and ran past midnight.",
     {"Tuesday morning": "2026-03-17TMO", "midnight": "2026-03-17T24"}),
    ("Workers are expected to walk out tomorrow morning at 6 a.m.",
     {"tomorrow morning": "2026-03-19TMO", "6 a.m.": "2026-03-19T06:00"}),
])
def test_clock_time_with_a_part_of_day(times, text, expected) -> None:
    assert times(text) == expected


# --- typographic apostrophes are read as plain ones -----------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Crowds gathered on New Year\u2019s Eve.", {"New Year\u2019s Eve": "2025-12-31"}),
    ("Flowers were sold out before Valentine\u2019s Day.", {"Valentine\u2019s Day": "2026-02-14"}),
    ("The law passed in the 1990\u2019s.", {"the 1990\u2019s": "199"}),
    ("Sales peaked in the \u201980s.", {"the \u201980s": "198"}),
    ("Protests spread in the spring of \u201968.", {"the spring of \u201968": "1968-SP"}),
    ("Last year\u2019s third-quarter profit was restated.", {"Last year\u2019s third-quarter": "2025-Q3"}),
])
def test_typographic_apostrophes(times, text, expected) -> None:
    assert times(text) == expected


# --- a range's first end takes the year of the second --------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("At least 46,000 accounts were active from September to December 2014.",
     {"September": "2014-09", "December 2014": "2014-12"}),
    ("Sales fell between March 3 and May 9, 2015.", {"March 3": "2015-03-03", "May 9, 2015": "2015-05-09"}),
    ("Prices rose in March and fell in May 2015.", {"March": "2026-03", "May 2015": "2015-05"}),
])
def test_range_years(times, text, expected) -> None:
    assert times(text) == expected


# --- fractions of a century -------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("He has spent a quarter-century in Congress.", {"a quarter-century": "P25Y"}),
    ("The party ruled for nearly a half-century.", {"nearly a half-century": "P50Y"}),
    ("The show went off the air a quarter-century ago.", {"a quarter-century ago": "2001"}),
    ("The dam was built half a century ago.", {"half a century ago": "1976"}),
    ("The treaty was signed a century ago.", {"a century ago": "19"}),
    ("Profit rose in the third quarter.", {"the third quarter": "2025-Q3"}),
    ("A quarter of the vote went to the left.", {}),
])
def test_fractions_of_a_century(times, text, expected) -> None:
    assert times(text) == expected


# --- quarters, halves and fiscal years ------------------------------------------------------

@pytest.mark.parametrize(("text", "expected", "anchor"), [
    ("Exports fell in the fourth quarter, the statistics office said.", {"the fourth quarter": "2025-Q4"}, WEDNESDAY),
    ("The company expects profit to rise in the second quarter.", {"the second quarter": "2026-Q2"}, WEDNESDAY),
    ("The fund returned 9 percent last quarter.", {"last quarter": "2025-Q4"}, WEDNESDAY),
    ("The bank expects a rebound next quarter.", {"next quarter": "2026-Q2"}, WEDNESDAY),
    ("The company expects growth in Q3.", {"Q3": "2026-Q3"}, WEDNESDAY),
    ("Sales rose in the second quarter.", {"the second quarter": "2026-Q2"}, date(2026, 7, 20)),
    ("The economy shrank in the second half of 2025.", {"the second half of 2025": "2025-H2"}, WEDNESDAY),
    ("The vaccine was approved in the first half of last year.", {"the first half of last year": "2025-H1"}, WEDNESDAY),
    ("Revenue in fiscal 2025 reached $4 billion.", {"fiscal 2025": "2025"}, WEDNESDAY),
    ("The airline expects a loss for the 2026 fiscal year.", {"the 2026 fiscal year": "2026"}, WEDNESDAY),
    ("The company expects a profit in fiscal year 2027.", {"fiscal year 2027": "2027"}, WEDNESDAY),
])
def test_quarters_and_fiscal_years(times, text, expected, anchor) -> None:
    assert times(text, anchor) == expected


# --- sets ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The market meets every Saturday.", {"every Saturday": "XXXX-WXX-6"}),
    ("The committee meets twice a month.", {"twice a month": "P1M"}),
    ("The tournament is held every four years.", {"every four years": "P4Y"}),
    ("The museum is closed on Mondays.", {"Mondays": "XXXX-WXX-1"}),
    ("Trains run every 15 minutes.", {"every 15 minutes": "PT15M"}),
    # the weekend of any week
    ("Markets are closed on weekends.", {"weekends": "XXXX-WXX-WE"}),
])
def test_sets(times, text, expected) -> None:
    assert times(text) == expected


# --- direction of a bare day or month ------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The court ruled on Friday that the law was invalid.", {"Friday": "2026-03-13"}),
    ("The court will rule on Friday.", {"Friday": "2026-03-20"}),
    ("The factory closed in November.", {"November": "2025-11"}),
    ("The new law takes effect in April.", {"April": "2026-04"}),
    ("The minister travelled to Brussels on Friday.", {"Friday": "2026-03-13"}),
    # a present progressive of an occasion tells an arrangement; an ongoing inquiry does not
    ("The minister is meeting his French counterpart on Friday.", {"Friday": "2026-03-20"}),
    ("The unions are holding a rally on Saturday.", {"Saturday": "2026-03-21"}),
    ("The team is playing the league leaders on Saturday.", {"Saturday": "2026-03-21"}),
    ("The ministry is releasing the figures on Thursday.", {"Thursday": "2026-03-19"}),
    ("The president is visiting Japan in April.", {"April": "2026-04"}),
    ("Police are investigating a fire on Monday.", {"Monday": "2026-03-16"}),
    ("The governor is coming off a strong debate Thursday night.", {"Thursday night": "2026-03-12TNI"}),
    # typographic apostrophes: "’ll" is "will", "’d" before a bare verb "would", "’ve" "have"
    ("\u201cWe\u2019ll be meeting on Friday in St. Louis,\u201d she said.", {"Friday": "2026-03-20"}),
    ("The minister\u2019s aides said he\u2019d travel on Friday.", {"Friday": "2026-03-20"}),
    ("They\u2019ve had thousands of shootings since January 1st.", {"January 1st": "2026-01-01"}),
    # a present "be" placing its subject on a day
    ("The funeral is on Saturday.", {"Saturday": "2026-03-21"}),
    ("The deadline is Friday.", {"Friday": "2026-03-20"}),
    ("Unemployment is at its highest since November.", {"November": "2025-11"}),
    # an infinitive qualifying a noun looks ahead, unless the noun is one counted already
    ("The bill, to be debated on Friday, faces opposition.", {"Friday": "2026-03-20"}),
    ("She was the first woman to win the race on Sunday.", {"Sunday": "2026-03-15"}),
    ("Since taking office in January, the mayor has cut 200 jobs.", {"January": "2026-01"}),
    # a gerund after a preposition takes the time of the clause it attaches to
    ("Since winning the election in May, the party has lost support.", {"May": "2025-05"}),
    ("The bank earned a large fee for advising the firm in May.", {"May": "2025-05"}),
    ("The coach will leave on Sunday before arriving in Tokyo on Tuesday.",
     {"Sunday": "2026-03-22", "Tuesday": "2026-03-24"}),
    # what comes after a gerund of "after" may be past even when the clause looks ahead
    ("After winning Tuesday's primary, the senator must prepare for harder contests.", {"Tuesday": "2026-03-17"}),
    ("Speaking on Monday, the minister said the talks had failed.", {"Monday": "2026-03-16"}),
    # a promise, vow, pledge or threat is itself the act its day places; what is promised looks ahead
    ("The senator promised Sunday at a rally to end the tax breaks.", {"Sunday": "2026-03-15"}),
    ("The rebels threatened on Monday to cut the road.", {"Monday": "2026-03-16"}),
    ("The prime minister vowed Tuesday that the army would stay.", {"Tuesday": "2026-03-17"}),
    ("The minister pledged to cut taxes on Friday.", {"Friday": "2026-03-20"}),
    ("The leaders will sign the deal after meeting in May.", {"May": "2026-05"}),
])
def test_direction(times, text, expected) -> None:
    assert times(text) == expected


# --- words that are not time expressions ---------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Thousands of protesters march on parliament.", {}),
    ("The hospital offers 24/7 care.", {}),
    ("She finished second in the race.", {}),
    ("The fund bought 2025 shares.", {}),
    ("For the first time, a woman leads the party.", {}),
    ("At the same time, exports fell.", {}),
    ("Summer Johnson, a spokeswoman, declined to comment.", {}),
    ("April Ryan asked the president a question.", {}),
    ("Rescuers arrived within minutes.", {"minutes": "PTXM"}),  # a bound: marked
    # a unit joined to a unit ("day-to-day", "year-on-year") tells how often or against what
    ("Officials meet on a day-to-day basis.", {}),
    ("The index showed a year-on-year fall of 2 percent.", {}),
    ("The agency handles the day-to-day running of the port.", {}),
    # an honour or a fashion "of the year/week", and "back in the day", place nothing
    ("The magazine named her person of the year.", {}),
    ("The senator will be the flavor of the week.", {}),
    ("Back in the day, the town had three cinemas.", {}),
    ("The best moments of the year were replayed.", {"the year": "2026"}),
    # "a" before a plural length with "-long"/"-old" is the article of the noun after it
    ("The deal ended a months-long standoff.", {}),
    ("The court settled a decades-old dispute over the land.", {}),
    ("The union called off a weeks-long strike on Monday.", {"Monday": "2026-03-16"}),
    ("The strike lasted a month.", {"a month": "P1M"}),
])
def test_not_time_expressions(times, text, expected) -> None:
    assert times(text) == expected


# --- known misses: readings written and measured, but firing on fewer than three documents of
# the dev and training texts (TimeBank, PolNeAR, Reuters, NGEC), so not kept (docs/time.md) ---

@pytest.mark.xfail(strict=True, reason="a season after every/each: no document in the data")
def test_season_set(times) -> None:
    assert times("He visits his mother every summer.") == {"every summer": "XXXX-SU"}


@pytest.mark.xfail(strict=True, reason="'every weekend' gives P1WE: no document in the data")
def test_every_weekend(times) -> None:
    assert times("The club meets every weekend.") == {"every weekend": "XXXX-WXX-WE"}


@pytest.mark.xfail(strict=True, reason="a quarter code ahead of the article date in a past clause: no document")
def test_quarter_code_last_year(times) -> None:
    assert times("Profit rose in Q4.") == {"Q4": "2025-Q4"}


@pytest.mark.xfail(strict=True, reason="'the full year 1986' as one expression: two documents in the data")
def test_full_year_with_its_year(times) -> None:
    assert times("For the full year 2025, profit rose 8 percent.") == {"the full year 2025": "2025"}


@pytest.mark.xfail(strict=True, reason="a meeting's minutes as a length: no document in the data")
def test_minutes_of_a_meeting(times) -> None:
    assert times("He read the minutes of the meeting.") == {}


@pytest.mark.xfail(strict=True, reason="past progressive of a timetable verb read as past")
def test_past_progressive_closing(times) -> None:
    assert times("The shop was closing on Friday, its owner said.") == {"Friday": "2026-03-20"}


@pytest.mark.xfail(strict=True, reason="a month placed by a present 'be' with 'in' is left to the nearest reading")
def test_copula_in_month(times) -> None:
    assert times("The election is in November.") == {"November": "2026-11"}


@pytest.mark.parametrize(("text", "expected"), [
    ("The repairs are expected to last several weeks.", {"several weeks": "PXW"}),
    ("The new contract would last three years, the union said.", {"three years": "P3Y"}),
    ("Prices have doubled over the last three years.", {"the last three years": "P3Y"}),
])
def test_the_verb_last_is_not_part_of_the_length(times, text, expected) -> None:
    assert times(text) == expected
