"""Datelines in each agency's house style, and sentences that must not be taken for one."""

from __future__ import annotations

import pytest

from dateline.article.datelines import parse_dateline


@pytest.mark.parametrize(
    "opening, place, agency, month, day, year",
    [
        ("MOSCOW, February 10. /TASS/. The ministry said", "MOSCOW", "TASS", 2, 10, None),
        ("SALVADOR, Feb 26 - Rains continued", "SALVADOR", None, 2, 26, None),
        ("PASADENA, Calif., Feb 26 - The company said", "PASADENA, Calif.", None, 2, 26, None),
        ("LONDON (Reuters) - Britain's economy grew", "LONDON", "Reuters", None, None, None),
        ("SYDNEY, March 3 (Reuters) - Shares fell", "SYDNEY", "Reuters", 3, 3, None),
        ("NAIROBI, Kenya (AP) _ Police said", "NAIROBI, Kenya", "AP", None, None, None),
        ("LIMA, Peru (AP) — Lawmakers voted", "LIMA, Peru", "AP", None, None, None),
        ("PARIS, Jan 5, 2024 (AFP) - Farmers blocked roads", "PARIS", "AFP", 1, 5, 2024),
        ("BEIJING, Jan. 5 (Xinhua) -- China reported", "BEIJING", "Xinhua", 1, 5, None),
        ("WASHINGTON, Sept. 9 (UPI) -- The Senate", "WASHINGTON", "UPI", 9, 9, None),
        ("MOSCOW. Feb 10 (Interfax) - Russia's central bank", "MOSCOW", "Interfax", 2, 10, None),
        ("ANKARA (AA) - Turkey's parliament", "ANKARA", "Anadolu", None, None, None),
        ("NEW DELHI, Jan 5 (PTI) The government", "NEW DELHI", "PTI", 1, 5, None),
        ("SEOUL, Jan. 5 (Yonhap) -- North Korea", "SEOUL", "Yonhap", 1, 5, None),
        ("KYIV — Air raid sirens sounded", "KYIV", None, None, None, None),
        ("Caracas, March 6 - The government is close", "Caracas", None, 3, 6, None),
        ("RIO DE JANEIRO, MARCH 13 - Brazil's oil company", "RIO DE JANEIRO", None, 3, 13, None),
        ("LONDON, 4 May (Reuters) - Britain's economy grew", "LONDON", "Reuters", 5, 4, None),
        ("BERLIN, 4. Mai (dpa) - Die Regierung hat", "BERLIN", "dpa", 5, 4, None),
        ("LYON, 12 décembre (AFP) - Les agriculteurs", "LYON", "AFP", 12, 12, None),
        ("BOGOTÁ, 3 de marzo de 2025 (EFE) - El Gobierno", "BOGOTÁ", "EFE", 3, 3, 2025),
        ("КАЗАНЬ, 15 апреля /ТАСС/. Власти", "КАЗАНЬ", "TASS", 4, 15, None),
        # an agency with no entry of ours, after a date: kept as written
        ("WARSAW, March 4 (Northwire) - Poland and Lithuania", "WARSAW", "Northwire", 3, 4, None),
        ("OSLO, May 2 (Fjord Wire Service) - The fund", "OSLO", "Fjord Wire Service", 5, 2, None),
    ],
)
def test_agency_styles(opening, place, agency, month, day, year):
    m = parse_dateline(opening)
    assert m is not None
    assert (m.place, m.agency, m.month, m.day, m.year) == (place, agency, month, day, year)
    assert opening[m.end:].strip()[0].isalpha()  # the story starts right after it


@pytest.mark.parametrize(
    "sentence",
    [
        "Washington, he said, had not been consulted.",
        "The minister said - without giving details - that talks would go on.",
        "Moscow sees no link between the two treaties.",
        "In early February, the president submitted a treaty.",
        "Kyiv — as officials call it — was calm.",
        "Paris, 3 times a year, hosts the fair.",
    ],
)
def test_ordinary_sentences_are_not_datelines(sentence):
    assert parse_dateline(sentence) is None
