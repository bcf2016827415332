"""Article structure: headline, lead, dateline, boilerplate and repeated paragraphs."""

from __future__ import annotations

from dateline.article.structure import drop_repeats, is_boilerplate, split_paragraphs
from dateline.ingest.raw import RawInput
from dateline.pipeline import Options, prepare

STANDFIRST = ("Lawmakers in Vilnius backed a plan on Monday to extend conscription to eighteen "
              "months for the first time since 2015")
ARTICLE = f"""All news

Lithuania votes to lengthen military service

{STANDFIRST}

VILNIUS, March 3. /TASS/. Lithuania's parliament voted on Monday to extend compulsory military service, the defence ministry said.

"The decision reflects the situation on our borders," Defence Minister Dovile Sakaliene told reporters.

Share

{STANDFIRST}. The bill now goes to the president, who is expected to sign it.
"""


def build(text: str, published: str | None = None, title: str | None = None):
    return prepare(RawInput(id="t", text=text, title=title), Options(published=published))


def test_headline_lead_and_dateline():
    article = build(ARTICLE, published="2025-03-03")
    assert article.error is None
    assert article.headline == "Lithuania votes to lengthen military service"
    assert article.lead == STANDFIRST
    assert (article.dateline.place, article.dateline.agency, article.dateline.date) == ("VILNIUS", "TASS", "2025-03-03")
    assert article.text[article.dateline.start:article.dateline.end] == "VILNIUS, March 3. /TASS/."


def test_boilerplate_removed_and_repeat_kept_once():
    article = build(ARTICLE)
    assert "All news" not in article.text
    assert "\n\nShare\n\n" not in article.text
    assert article.text.count("extend conscription to eighteen months") == 1
    # The body paragraph that repeated the standfirst keeps its new sentence.
    assert "The bill now goes to the president" in article.text


def test_no_year_is_invented_without_a_date():
    article = build(ARTICLE)
    assert article.dateline.date == "XXXX-03-03"
    assert article.published is None and article.published_source is None


def test_year_inferred_only_when_the_text_gives_it():
    text = ("BRUSSELS, June 2 (Reuters) - European ministers met on June 2, 2026 to discuss "
            "the budget, officials said.")
    article = build(text)
    assert article.dateline.date == "2026-06-02"
    assert article.published_source == "inferred"


def test_published_year_applies_across_new_year():
    article = build("TOKYO, Dec. 31 (Kyodo) -- Markets closed for the holiday, operators said.",
                    published="2026-01-01")
    assert article.dateline.date == "2025-12-31"


def test_title_from_input_is_not_repeated_in_text():
    article = build("Rail strike ends\n\nWorkers returned to work on Friday, the union said.",
                    title="Rail strike ends")
    assert article.headline == "Rail strike ends"
    assert article.text.startswith("Workers returned")


def test_hard_wrapped_wire_copy_is_rejoined():
    body = ("OSLO, May 4 - Norway's oil fund said\nit sold its stake.\n"
            "    The fund gave no reason\nfor the sale.\n")
    assert split_paragraphs(body) == ["OSLO, May 4 - Norway's oil fund said it sold its stake.",
                                      "The fund gave no reason for the sale."]


def test_boilerplate_rules():
    for line in ["All news", "Read more", "Share this article", "Subscribe to our newsletter",
                 "By Anna Petrova", "Photo: Ivan Ivanov/Example Agency", "Advertisement",
                 "Reporting by Jane Doe; Editing by John Roe", "© 2025 Example News"]:
        assert is_boilerplate(line), line
    for line in ["By Friday the talks had collapsed, officials said.", "Share prices rose 3%.",
                 "Read the statement in full, the minister urged reporters."]:
        assert not is_boilerplate(line), line


def test_repeats_of_the_standfirst_and_consecutive_duplicates_collapse():
    assert drop_repeats(["One thing happened today.", "One thing happened today.", "Another."]) == [
        "One thing happened today.", "Another."]
    # further apart and not the standfirst: a list line, kept
    assert drop_repeats(["Row A.", "Row B.", "Row A."]) == ["Row A.", "Row B.", "Row A."]
    assert drop_repeats(["Lead.", "Body.", "Lead."], standfirst=1) == ["Lead.", "Body."]


def test_lede_is_the_lead_when_there_is_no_standfirst():
    article = build("OSLO, May 4 (Reuters) - Norway's oil fund sold its stake, it said.\n\nMore later.")
    assert article.lead == "Norway's oil fund sold its stake, it said."
    assert article.text.startswith("OSLO, May 4 (Reuters) - Norway's")


def test_user_gazetteer_is_laid_over_the_package_tables(tmp_path, monkeypatch):
    from dateline.geo import gazetteer

    (tmp_path / "places.tsv").write_text("name\tiso3\tkind\tlat\tlon\tpopulation\nNew Atlantis\tNZL\tcity\t1\t2\t5\n")
    monkeypatch.setenv("DATELINE_GAZETTEER", str(tmp_path))
    fresh = gazetteer.Gazetteer()
    assert fresh.lookup("New Atlantis").iso3 == "NZL"
    assert fresh.lookup("Minsk").iso3 == "BLR"
    assert fresh.lookup("name") is None  # the overlay's header is not a place


def test_gazetteer_folds_accents_both_ways():
    from dateline.geo.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    assert gaz.lookup("Turkiye").iso3 == gaz.lookup("Türkiye").iso3 == "TUR"
    assert gaz.lookup("Bogota").kind == "capital"
    assert gaz.lookup("Cote d'Ivoire").iso3 == "CIV"


def test_declared_language_is_read_by_its_primary_subtag():
    text = "RIGA, Oct 2 (Reuters) - Latvia's government agreed to buy air defence systems, officials said."
    assert prepare(RawInput(id="t", text=text, language="en-GB"), Options()).error is None
    latvian = prepare(RawInput(id="t", text=text, language="lv"), Options())
    assert latvian.error is None and latvian.language == "lv" and latvian.warnings[0].code == "W140"
    assert prepare(RawInput(id="t", text=text, language="lv"), Options(languages=("en",))).error.code == "E108"
    assert prepare(RawInput(id="t", text=text, language="eng"), Options(languages=("en",))).language == "en"


def test_language_is_told_from_the_text():
    french = ("PARIS, 3 mars (AFP) - Le gouvernement a présenté lundi un projet de loi sur les retraites "
              "qui doit être examiné par les députés avant la fin du mois, a indiqué le ministre.")
    english = "RIGA, Oct 2 (Reuters) - Latvia's government agreed to buy air defence systems, officials said."
    assert prepare(RawInput(id="f", text=french), Options()).language == "fr"
    assert prepare(RawInput(id="e", text=english), Options()).language == "en"
    assert prepare(RawInput(id="s", text="Oslo, 12:00"), Options()).language == "en"  # too short to tell
    # py3langid reads West African English headlines as Nigerian Pidgin: they are analysed as English
    headline = "Nigeria police arrest two men over church attack."
    assert prepare(RawInput(id="n", text=headline), Options()).language == "en"


def test_web_copy_with_single_line_breaks_keeps_its_paragraphs():
    # Most paragraphs end in one line break, a few in a blank line: the lines are far longer
    # than any wrap width, so each is a paragraph and none is glued to the next.
    first = "The council voted on Tuesday to close the old bridge to lorries, " * 2
    body = (f"{first.strip()}\n\"It is a matter of safety,\" the mayor told the meeting.\n\n"
            "Repairs start in spring.")
    assert split_paragraphs(body) == [first.strip(), "\"It is a matter of safety,\" the mayor told the meeting.",
                                      "Repairs start in spring."]


def test_hard_wrapped_blocks_between_blank_lines_split_at_indents():
    body = ("LIMA, June 2 - The mine reopened\non Monday, its owner said.\n"
            "    Output will resume\nnext week.\n\n    Shares rose.")
    assert split_paragraphs(body) == ["LIMA, June 2 - The mine reopened on Monday, its owner said.",
                                      "Output will resume next week.", "Shares rose."]
