"""Multi-sentence wire stories of our own (``time_stories.py``): the story's reference time has
to move, events are anchored on other events, schedules are reported under past verbs. Each
story's errors must stay within its pinned misses (classes measured and left, docs/time.md,
"A fifth set"); the whole set must keep its exact value accuracy. Real spaCy parses."""

from __future__ import annotations

from datetime import date

import pytest
from time_stories import STORIES, Found, Tally, pair

from dateline.timex.stage import times_in

# Misses measured and left (why: docs/time.md, "A fifth set"). A fix that removes one should
# remove it here; a new error fails the story.
KNOWN: dict[str, set[str]] = {
    # a clock time after "the next morning" / "That evening": a day-anchored part of the day gives no day (1 dev document)
    "istanbul_talks": {"istanbul_talks: '4 p.m.' gave '4 p.m.' 2026-05-17T16:00, want 2026-05-18T16:00"},
    "goma_fighting": {"goma_fighting: '2 a.m.' gave '2 a.m.' 2026-02-28T02:00, want 2026-03-01T02:00"},
    # "at dawn two days before Tuesday's election", "the day after the election": arithmetic on an occasion's day
    "arizona_arrest": {"arizona_arrest: 'dawn' gave 'dawn' 2026-11-03TMO, want 2026-11-01TMO",
                       "arizona_arrest: missed 'the day' 2026-11-04"},
    # "planned to stay until Thursday" in a Thursday paper: the article's weekday is read as today
    "lavrov_beijing": {"lavrov_beijing: 'Thursday' gave 'Thursday' 2026-02-12, want 2026-02-19"},
    # "said it was closing 40 stores on Saturday" (past progressive, not a verb of going); "the day before shareholders meet"
    "store_closures": {"store_closures: 'Saturday' gave 'Saturday' 2026-06-13, want 2026-06-20",
                       "store_closures: 'the day' gave 'the day' 2026-06-19, want 2026-06-24"},
    "japan_quake": {"japan_quake: 'overnight' gave 'overnight' 2026-09-28TNI, want 2026-09-27TNI"},
    "jerusalem_easter": {"jerusalem_easter: missed 'Holy Saturday' 2025-04-19"},
    "paris_theft": {"paris_theft: spurious 'Midnight' 2026-10-04T24"},
    # the day of a trailing attribution ("…, the army said on Monday") moves the story's day (fires on no dev document)
    "mali_attack": {"mali_attack: 'the following day' gave 'the following day' 2026-07-07, want 2026-07-04"},
    "eu_sanctions": {"eu_sanctions: spurious '18' 2026-12-18"},
    # a clock time in a clause about an occasion dated earlier ("the rally would begin at noon")
    "bangkok_rally": {"bangkok_rally: 'noon' gave 'noon' 2026-08-19T12:00, want 2026-08-23T12:00",
                      "bangkok_rally: 'midnight' gave 'midnight' 2026-08-19T24, want 2026-08-23T24:00"},
    "manila_vote": {"manila_vote: '7 p.m.' gave '7 p.m.' 2026-04-28T19:00, want 2026-05-11T19:00"},
    "ankara_mine": {"ankara_mine: missed 'the day' 2026-02-02"},
    # "Saturday's final" postponed: the day first set has no tense; "Play on Sunday will …": "Play" parsed a verb;
    # "an hour earlier than planned" is a length, read as a shifted day (fires on no dev document)
    "melbourne_final": {"melbourne_final: 'Saturday' gave 'Saturday' 2026-03-07, want 2026-03-14",
                        "melbourne_final: 'Sunday' gave 'Sunday' 2026-03-08, want 2026-03-15",
                        "melbourne_final: '11 a.m.' gave '11 a.m.' 2026-03-08T11:00, want 2026-03-15T11:00",
                        "melbourne_final: 'an hour' gave 'an hour earlier' 2026-03-12, want PT1H"},
    "thanksgiving_travel": {"thanksgiving_travel: 'Black Friday' gave 'Friday' 2026-11-20, want 2026-11-27",
                            "thanksgiving_travel: 'an hour' gave 'an hour earlier' 2026-11-20, want PT1H"},
}


def _found(nlp, story) -> list[Found]:
    return [Found(t.text, t.start, t.end, t.value) for t in times_in(nlp(story.text), story.published)]


@pytest.mark.parametrize("story", STORIES, ids=[s.name for s in STORIES])
def test_story_errors_stay_pinned(nlp, story) -> None:
    _, errors = pair(story, _found(nlp, story))
    assert set(errors) <= KNOWN.get(story.name, set())


def test_story_scores(nlp) -> None:
    total = Tally()
    for story in STORIES:
        total.add(pair(story, _found(nlp, story))[0])
    assert total.gold == 139
    assert total.right / total.gold >= 0.856  # 0.842 before the fifth set's rules
    assert total.matched / total.found >= 0.98


@pytest.mark.parametrize(("text", "expected"), [
    # the day placing "propose" is the proposing's, as with promise or announce
    ("The talks were first proposed on May 2.", {"May 2": "2026-05-02"}),
    ("The Commission proposed the measures in late November.", {"late November": "2025-11"}),
    # ahead only through what is proposed
    ("The opposition proposed to hold the vote on Monday.", {"Monday": "2026-05-18"}),
])
def test_proposing_is_dated_by_its_day(nlp, text, expected) -> None:
    assert {t.text: t.value for t in times_in(nlp(text), date(2026, 5, 14))} == expected


@pytest.mark.xfail(reason="the day after a noun proposed hangs on the noun; reading it ahead lost a TimeBank quarter",
                   strict=True)
def test_a_day_for_a_noun_proposed(nlp) -> None:
    assert {t.text: t.value for t in times_in(nlp("The mediators proposed talks for Friday."),
                                                date(2026, 5, 14))} == {"Friday": "2026-05-15"}


@pytest.mark.parametrize(("text", "anchor", "expected"), [
    # Super Tuesday: the first Tuesday in March of a US presidential election year
    ("Both candidates are pouring money into Super Tuesday.", date(2027, 11, 18), {"Super Tuesday": "2028-03-07"}),
    ("She swept the South on Super Tuesday.", date(2028, 3, 9), {"Super Tuesday": "2028-03-07"}),
    # a day of voting dates what it qualifies ("a Christmas card" is a kind of thing, no day)
    ("He won most of the Super Tuesday contests.", date(2028, 3, 9), {"Super Tuesday": "2028-03-07"}),
    # no Super Tuesday in the years between
    ("Officials met on Tuesday.", date(2026, 3, 5), {"Tuesday": "2026-03-03"}),
])
def test_super_tuesday(nlp, text, anchor, expected) -> None:
    assert {t.text: t.value for t in times_in(nlp(text), anchor)} == expected
