"""Wire stories of our own (written for issue 13, not taken from any dataset), each with its
publication date and the value every time expression in it should get under the TimeML profile
(docs/time.md). They are multi-sentence so that the story's reference time has to move: a day
named in one sentence anchors "that evening", "the next morning" or a bare clock time later;
events anchored on other events ("the day after the election"); schedules reported under past
reporting verbs ("said he would travel on Monday").

Each gold entry is (expression, value) in text order; a value may be a tuple of spellings the
conventions allow. ``score`` pairs system and gold expressions one to one by overlap, in text
order, as the TimeBank suite does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

Gold = tuple[str, str | tuple[str, ...]]


@dataclass(frozen=True)
class Story:
    name: str
    published: date
    text: str
    gold: tuple[Gold, ...]


STORIES: tuple[Story, ...] = (
    Story("istanbul_talks", date(2026, 5, 14),
          "ISTANBUL, May 14 (Reuters) - Negotiators from the two sides will meet in Istanbul on Monday, the "
          "Turkish foreign ministry said on Thursday. The delegations are expected to arrive on Sunday evening. "
          "The first session will open the next morning, and a joint statement is due at 4 p.m., a ministry "
          "official said. The talks were first proposed on May 2.",
          (("May 14", "2026-05-14"), ("Monday", "2026-05-18"), ("Thursday", "2026-05-14"),
           ("Sunday evening", "2026-05-17TEV"), ("the next morning", "2026-05-18TMO"),
           ("4 p.m.", "2026-05-18T16:00"), ("May 2", "2026-05-02"))),
    Story("goma_fighting", date(2026, 3, 3),
          "GOMA, Congo, March 3 (AP) - Rebels entered the eastern town of Sake on Saturday after two days of "
          "heavy fighting, residents said. That evening, gunfire could be heard near the airport, and by 2 a.m. "
          "the shelling had stopped. The next morning, aid workers counted 40 bodies in the streets. The army "
          "said on Monday it had retaken the town's main road, but fighting resumed that same night.",
          (("March 3", "2026-03-03"), ("Saturday", "2026-02-28"), ("two days", "P2D"),
           ("That evening", "2026-02-28TEV"), ("2 a.m.", "2026-03-01T02:00"),
           ("The next morning", "2026-03-01TMO"), ("Monday", "2026-03-02"), ("that same night", "2026-03-02TNI"))),
    Story("arizona_arrest", date(2026, 11, 5),
          "WASHINGTON, Nov 5 (Reuters) - Police arrested a man at dawn two days before Tuesday's election after "
          "he threatened poll workers in Arizona, prosecutors said on Thursday. The man, 41, had posted the "
          "threats on Oct. 28, a week before the vote. He was released on bail the day after the election and "
          "is due in court on Nov. 19.",
          (("Nov 5", "2026-11-05"), ("dawn", "2026-11-01TMO"), ("two days", "P2D"), ("Tuesday", "2026-11-03"),
           ("Thursday", "2026-11-05"), ("Oct. 28", "2026-10-28"), ("a week", "P1W"), ("the day", "2026-11-04"),
           ("Nov. 19", "2026-11-19"))),
    Story("lavrov_beijing", date(2026, 2, 12),
          "MOSCOW, Feb 12 (TASS) - Russian Foreign Minister Sergei Lavrov said he would travel to Beijing on "
          "Monday for talks with his Chinese counterpart. Lavrov told reporters on Wednesday that the visit had "
          "been agreed last week and that he planned to stay until Thursday. The Kremlin said President "
          "Vladimir Putin would hold a phone call with the Chinese leader on Friday.",
          (("Feb 12", "2026-02-12"), ("Monday", "2026-02-16"), ("Wednesday", "2026-02-11"),
           ("last week", "2026-W06"), ("Thursday", "2026-02-19"), ("Friday", "2026-02-13"))),
    Story("store_closures", date(2026, 6, 19),
          "LONDON, June 19 (AP) - The retailer said on Tuesday it was closing 40 stores on Saturday and would "
          "cut 1,200 jobs by the end of the year. Staff were told of the closures at a meeting on Monday "
          "afternoon. A union spokesman said workers would stage a protest outside the head office next "
          "Wednesday, the day before shareholders meet.",
          (("June 19", "2026-06-19"), ("Tuesday", "2026-06-16"), ("Saturday", "2026-06-20"),
           ("the end of the year", "2026"), ("Monday afternoon", "2026-06-15TAF"), ("next Wednesday", "2026-06-24"),
           ("the day", "2026-06-24"))),
    Story("japan_quake", date(2026, 9, 28),
          "TOKYO, Sept 28 (Reuters) - A magnitude 6.8 earthquake struck off northeastern Japan at 11:42 p.m. "
          "(1442 GMT) on Sunday, the meteorological agency said. A tsunami advisory was lifted shortly after "
          "1 a.m. Monday. Bullet train services, suspended overnight, resumed at 6 a.m., and the agency warned "
          "that aftershocks could continue for about a week.",
          (("Sept 28", "2026-09-28"), ("11:42 p.m.", "2026-09-27T23:42"), ("1442 GMT", "2026-09-27T14:42"),
           ("Sunday", "2026-09-27"), ("1 a.m. Monday", "2026-09-28T01:00"), ("overnight", "2026-09-27TNI"),
           ("6 a.m.", "2026-09-28T06:00"), ("about a week", "P1W"))),
    Story("jerusalem_easter", date(2026, 3, 26),
          "JERUSALEM, March 26 (AFP) - Israeli police said on Thursday they would deploy thousands of officers "
          "around the Old City over Easter, with Good Friday processions expected to draw tens of thousands of "
          "pilgrims. Orthodox Easter falls a week later this year. Last year, police limited access to the "
          "Church of the Holy Sepulchre on Holy Saturday.",
          (("March 26", "2026-03-26"), ("Thursday", "2026-03-26"), ("Easter", "2026-04-05"),
           ("Good Friday", "2026-04-03"), ("Orthodox Easter", "2026-04-12"), ("a week", "P1W"),
           ("this year", "2026"), ("Last year", "2025"), ("Holy Saturday", "2025-04-19"))),
    Story("paris_theft", date(2026, 10, 15),
          "PARIS, Oct 15 (AFP) - A 72-year-old man was arrested on Wednesday over the theft of jewels from a "
          "museum in central Paris, prosecutors said. The suspect, who has lived in the city for decades, was "
          "detained at his home in the 11th arrondissement. Investigators were examining footage from Oct. 4, "
          "when thieves spent just seven minutes inside the gallery. The museum, which reopened in May after a "
          "two-year renovation, featured in the film \"Midnight in Paris\".",
          (("Oct 15", "2026-10-15"), ("Wednesday", "2026-10-14"), ("Oct. 4", "2026-10-04"),
           ("seven minutes", "PT7M"), ("May", "2026-05"), ("two-year", "P2Y"))),
    Story("davos_schedule", date(2026, 1, 22),
          "DAVOS, Switzerland, Jan 22 (Reuters) - The World Economic Forum's annual meeting, which opened on "
          "Monday, runs until Friday. Organisers said on Wednesday that a session on trade scheduled for "
          "Thursday morning had been moved to 3 p.m. the same day. Next year's meeting will take place from "
          "Jan. 18 to Jan. 22, 2027.",
          (("Jan 22", "2026-01-22"), ("Monday", "2026-01-19"), ("Friday", "2026-01-23"),
           ("Wednesday", "2026-01-21"), ("Thursday morning", "2026-01-22TMO"), ("3 p.m.", "2026-01-22T15:00"),
           ("the same day", "2026-01-22"), ("Next year", "2027"), ("Jan. 18", "2027-01-18"),
           ("Jan. 22, 2027", "2027-01-22"))),
    Story("mali_attack", date(2026, 7, 7),
          "BAMAKO, July 7 (Reuters) - Gunmen attacked a military post in central Mali on Friday, killing 12 "
          "soldiers, the army said on Monday. The attackers returned the following day and set fire to a "
          "market. On Sunday, the army said it had killed 30 militants in air strikes near the border; that "
          "same afternoon, a second convoy was ambushed.",
          (("July 7", "2026-07-07"), ("Friday", "2026-07-03"), ("Monday", "2026-07-06"),
           ("the following day", "2026-07-04"), ("Sunday", "2026-07-05"), ("that same afternoon", "2026-07-05TAF"))),
    Story("eu_sanctions", date(2026, 12, 10),
          "BRUSSELS, Dec 10 (Reuters) - European Union leaders will meet in Brussels next week to discuss a new "
          "sanctions package, officials said on Thursday. Ambassadors failed to agree on the package on "
          "Wednesday after Hungary raised objections earlier this month. The Commission proposed the measures "
          "in late November and wants them in force by Jan. 1. A summit on Dec. 17-18 is expected to approve "
          "the package, two days after foreign ministers meet.",
          (("Dec 10", "2026-12-10"), ("next week", "2026-W51"), ("Thursday", "2026-12-10"),
           ("Wednesday", "2026-12-09"), ("earlier this month", "2026-12"), ("late November", "2026-11"),
           ("Jan. 1", "2027-01-01"), ("Dec. 17-18", "2026-12-17"), ("two days", "P2D"))),
    Story("bangkok_rally", date(2026, 8, 20),
          "BANGKOK, Aug 20 (AP) - Thailand's opposition called for a rally on Sunday to protest against the "
          "arrest of its leader, who was detained on Tuesday night. Government and opposition negotiators said "
          "they would resume talks on Monday. The protest leader, speaking at 9 a.m. local time on Wednesday, "
          "said the rally would begin at noon and continue until midnight.",
          (("Aug 20", "2026-08-20"), ("Sunday", "2026-08-23"), ("Tuesday night", "2026-08-18TNI"),
           ("Monday", "2026-08-24"), ("9 a.m.", "2026-08-19T09:00"), ("Wednesday", "2026-08-19"),
           ("noon", "2026-08-23T12:00"), ("midnight", "2026-08-23T24:00"))),
    Story("manila_vote", date(2026, 4, 30),
          "MANILA, April 30 (Reuters) - Filipinos will vote on May 11 in midterm elections, and campaigning "
          "officially ends at midnight on May 9, two days before polling stations open. The elections "
          "commission said on Tuesday that results were expected within 48 hours of the polls closing at "
          "7 p.m. A 19-year-old student was among three people wounded when gunmen fired on a campaign rally "
          "in Cotabato last Saturday.",
          (("April 30", "2026-04-30"), ("May 11", "2026-05-11"), ("midnight", "2026-05-09T24:00"),
           ("May 9", "2026-05-09"), ("two days", "P2D"), ("Tuesday", "2026-04-28"), ("48 hours", "PT48H"),
           ("7 p.m.", "2026-05-11T19:00"), ("last Saturday", "2026-04-25"))),
    Story("ankara_mine", date(2026, 2, 26),
          "ANKARA, Feb 26 (Reuters) - Turkish prosecutors on Thursday charged 14 people over a mine collapse "
          "that killed 23 workers on Feb. 3. The company's owner was detained the next day at Istanbul airport "
          "as he tried to board a flight to Dubai. Safety inspectors had visited the mine the day before the "
          "collapse and found no violations, the labour ministry said in a statement on Feb. 10.",
          (("Feb 26", "2026-02-26"), ("Thursday", "2026-02-26"), ("Feb. 3", "2026-02-03"),
           ("the next day", "2026-02-04"), ("the day", "2026-02-02"), ("Feb. 10", "2026-02-10"))),
    Story("melbourne_final", date(2026, 3, 12),
          "MELBOURNE, March 12 (AP) - Organisers postponed Saturday's final until Sunday because of forecast "
          "storms, the tournament director said on Thursday. Play on Sunday will begin at 11 a.m., an hour "
          "earlier than planned. Fans who bought tickets for the original date will be refunded within 30 days.",
          (("March 12", "2026-03-12"), ("Saturday", "2026-03-14"), ("Sunday", "2026-03-15"),
           ("Thursday", "2026-03-12"), ("Sunday", "2026-03-15"), ("11 a.m.", "2026-03-15T11:00"),
           ("an hour", "PT1H"), ("30 days", "P30D"))),
    Story("nairobi_rates", date(2026, 10, 1),
          "NAIROBI, Oct 1 (Reuters) - Kenya's central bank cut its benchmark rate on Wednesday for the third "
          "time this year, citing inflation that fell to 3.8 percent in September from 6.1 percent a year "
          "earlier. The bank last cut rates in June. Its monetary policy committee will next meet on Dec. 3.",
          (("Oct 1", "2026-10-01"), ("Wednesday", "2026-09-30"), ("this year", "2026"), ("September", "2026-09"),
           ("a year earlier", "2025-09"), ("June", "2026-06"), ("Dec. 3", "2026-12-03"))),
    Story("pope_lebanon", date(2026, 5, 28),
          "ROME, May 28 (Reuters) - Pope Leo said on Wednesday he would visit Lebanon in September, his first "
          "trip abroad since his election a year ago. The Vatican said the pope intended to fly to Beirut on "
          "Sept. 14 and return to Rome three days later. Vatican officials were finalising the programme on "
          "Thursday and the full schedule would be released next Tuesday.",
          (("May 28", "2026-05-28"), ("Wednesday", "2026-05-27"), ("September", "2026-09"),
           ("a year ago", ("2025", "2025-05", "2025-05-28")), ("Sept. 14", "2026-09-14"), ("three days", "P3D"),
           ("Thursday", "2026-05-28"), ("next Tuesday", "2026-06-02"))),
    Story("thanksgiving_travel", date(2026, 11, 20),
          "NEW YORK, Nov 20 (AP) - Airlines expect a record 3.1 million passengers on Sunday, Nov. 29. "
          "Retailers began discounts earlier this week, days ahead of Black Friday. Stores will open at 6 p.m. "
          "on Thanksgiving Day, an hour earlier than last year.",
          (("Nov 20", "2026-11-20"), ("Sunday, Nov. 29", "2026-11-29"), ("earlier this week", "2026-W47"),
           ("Black Friday", "2026-11-27"), ("6 p.m.", "2026-11-26T18:00"), ("Thanksgiving Day", "2026-11-26"),
           ("an hour", "PT1H"), ("last year", "2025"))),
)


@dataclass
class Found:
    text: str
    start: int
    end: int
    value: str


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    matched: int = 0
    right: int = 0

    def add(self, other: Tally) -> None:
        self.gold += other.gold
        self.found += other.found
        self.matched += other.matched
        self.right += other.right


def gold_spans(story: Story) -> list[tuple[int, int, tuple[str, ...]]]:
    """The gold expressions on the story's offsets, each found after the one before it."""
    spans, at = [], 0
    for expression, value in story.gold:
        start = story.text.index(expression, at)
        spans.append((start, start + len(expression), value if isinstance(value, tuple) else (value,)))
        at = start + 1
    return spans


def _spelling(value: str) -> str:
    return value.upper().replace("T24:00", "T24")


def pair(story: Story, found: Iterable[Found]) -> tuple[Tally, list[str]]:
    """Pair gold and system expressions one to one by overlap; the tally and a line per error."""
    found = list(found)
    tally, errors, taken = Tally(gold=len(story.gold), found=len(found)), [], set()
    for start, end, values in gold_spans(story):
        j = next((j for j, f in enumerate(found) if j not in taken and f.start < end and start < f.end), None)
        said = story.text[start:end]
        if j is None:
            errors.append(f"{story.name}: missed {said!r} {values[0]}")
            continue
        taken.add(j)
        tally.matched += 1
        if _spelling(found[j].value) in {_spelling(v) for v in values}:
            tally.right += 1
        else:
            errors.append(f"{story.name}: {said!r} gave {found[j].text!r} {found[j].value}, want {values[0]}")
    errors += [f"{story.name}: spurious {f.text!r} {f.value}" for j, f in enumerate(found) if j not in taken]
    return tally, errors
