"""Actors: titles, nationality words, sectors, surname and role-noun mentions, bodies and countries."""

from __future__ import annotations

import pytest

from dateline.events.stage import extract_events
from dateline.geo.entities import tag_entities
from dateline.quotes.stage import extract_quotes, find_actor
from dateline.record import Actor, Article

STORY = (
    "VIENNA, March 3. Ukrainian Deputy Foreign Minister Oksana Melnyk said on Monday that Kyiv "
    "expected the talks to resume within weeks.\n\n"
    '"We are ready to meet at any level," the deputy foreign minister told reporters.\n\n'
    "Melnyk added that the proposal had been sent to Turkish President Recep Tayyip Erdogan. "
    "The Turkish president said that Ankara would host the meeting, and the senior Ukrainian "
    "diplomat welcomed the offer."
)


def run(nlp, text: str) -> Article:
    doc = nlp(text)
    article = Article(id="t", text=text, published="2025-03-03")
    tag_entities(doc, article)
    extract_quotes(doc, article)
    return article


def named(article: Article, name: str) -> Actor:
    found = [a for a in article.actors if a.name == name]
    assert len(found) == 1, [a.name for a in article.actors]
    return found[0]


@pytest.fixture(scope="module")
def story(nlp) -> Article:
    return run(nlp, STORY)


def test_title_gives_country_and_sector(story):
    melnyk = named(story, "Oksana Melnyk")
    assert (melnyk.country, melnyk.sector, melnyk.code) == ("UKR", "GOV", "UKRGOV")
    assert melnyk.title == "Deputy Foreign Minister"
    assert melnyk.kind == "person"


def test_second_person_coded_from_own_title(story):
    erdogan = named(story, "Recep Tayyip Erdogan")
    assert erdogan.code == "TURGOV" and erdogan.title == "President"


def test_surname_mention_joins_the_full_name(story):
    melnyk = named(story, "Oksana Melnyk")
    surname_at = STORY.index("Melnyk added")
    assert [surname_at, surname_at + len("Melnyk")] in melnyk.mentions
    assert find_actor(story, surname_at, surname_at + 6) == melnyk.id


def test_role_nouns_resolve_to_the_role_holder(story):
    speakers = {q.speaker.text: q.speaker.name for q in story.quotes}
    assert speakers["the deputy foreign minister"] == "Oksana Melnyk"
    assert speakers["The Turkish president"] == "Recep Tayyip Erdogan"


def test_every_quote_has_its_speaker_resolved(story):
    assert story.quotes
    assert all(q.speaker is not None and q.speaker.actor is not None for q in story.quotes)


def test_capital_is_the_country_government(nlp):
    art = run(nlp, "Ankara has rejected the proposal, Foreign Minister Ali Demir said.")
    turkey = [a for a in art.actors if a.kind == "country"]
    assert len(turkey) == 1 and turkey[0].code == "TURGOV"
    assert find_actor(art, 0, 6) == turkey[0].id


@pytest.mark.parametrize("title,sector", [
    ("General", "MIL"), ("Senator", "LEG"), ("Judge", "JUD"), ("rebel commander", "MIL"),
    ("Prime Minister", "GOV"), ("opposition leader", "OPP"),
])
def test_sector_from_title(nlp, title, sector):
    art = run(nlp, f"French {title} Marc Dubois said the plan would fail.")
    actor = named(art, "Marc Dubois")
    assert actor.sector == sector and actor.country == "FRA"


def test_rebels_are_a_sector(nlp):
    from dateline.actors.index import role_sector
    from dateline.actors.tables import get_tables

    assert role_sector(["rebel"], get_tables()) == "REB"


@pytest.mark.parametrize("words, sector", [
    (["officials"], "GOV"), (["senior", "diplomats"], "GOV"), (["lawmakers"], "LEG"), (["deputies"], "LEG"),
    (["rebels"], "REB"), (["journalists"], "MED"),
])
def test_a_plural_role_has_its_singular_s_sector(words, sector):
    from dateline.actors.index import role_sector
    from dateline.actors.tables import get_tables

    assert role_sector(words, get_tables()) == sector


def test_organisations_from_table(nlp):
    art = run(nlp, "NATO said it would send more aircraft. The Kremlin said the move was a provocation.")
    codes = {a.name: a.code for a in art.actors}
    assert codes.get("NATO") == "IGONAT"
    assert codes.get("Kremlin") == "RUSGOV"
    assert [q.speaker.name for q in art.quotes] == ["NATO", "Kremlin"]


def test_pronoun_mention_is_recorded_on_the_actor(nlp):
    art = run(nlp, "Senator Joan Pike criticised the budget. She said it would hurt farmers.")
    pike = named(art, "Joan Pike")
    she = art.text.index("She")
    assert [she, she + 3] in pike.mentions


def test_find_actor_misses_return_none(story):
    assert find_actor(story, 0, 0) is None


def test_dateline_agency_is_no_actor_nor_speaker(nlp):
    from dateline.article.datelines import parse_dateline
    from dateline.record import Dateline

    text = ("ANKARA, May 3 (Reuters) - Turkish Foreign Minister Deniz Akar said on Saturday that "
            "Ankara would send a delegation to the talks. Reuters could not reach his office for comment.")
    match = parse_dateline(text)
    assert match is not None and match.agency
    doc = nlp(text)
    article = Article(id="t", text=text, published="2025-05-03",
                      dateline=Dateline(match.text, match.place, None, match.agency, 0, len(match.text)))
    tag_entities(doc, article)
    extract_quotes(doc, article)
    reuters = [a for a in article.actors if a.name == "Reuters"]
    # the later "Reuters could not reach" mention may make it an actor, but never from the dateline
    assert all(s >= len(match.text) for a in reuters for s, _ in a.mentions)
    assert not any(s < len(match.text) for a in article.actors for s, _ in a.mentions)
    assert all(q.speaker is None or q.speaker.start >= len(match.text) for q in article.quotes)
    assert named(article, "Deniz Akar").code == "TURGOV"


def test_documents_and_weapons_are_no_actors(nlp):
    text = ("Warsaw and Vilnius adopted the Joint Defence Concept of the Baltic Council on Friday. "
            "Lithuanian Defence Minister Rasa Juknevic said the Vanguard missile system would be deployed "
            "next year, and that the Vanguard systems would stay under national command.")
    art = run(nlp, text)
    names = [a.name for a in art.actors]
    assert not any("Concept" in name or "Vanguard" in name for name in names), names
    assert named(art, "Rasa Juknevic").code == "LTUGOV"


def test_a_union_of_named_states_is_an_intergovernmental_body(nlp):
    art = run(nlp, "The Nordic Union of Norway, Sweden and Finland will meet in Oslo. "
                   "The Nordic Union said the talks would cover energy prices.")
    union = named(art, "Nordic Union")
    assert union.sector == "IGO" and union.country is None


def test_an_unnamed_role_holder_is_an_actor_that_later_mentions_find(nlp):
    art = run(nlp, "The European Union trade commissioner said on Friday that tariffs on steel would rise in July. "
                   '"We have no choice," the commissioner told reporters. She said talks with Washington would go on.')
    assert [q.speaker.name for q in art.quotes] == ["European Union trade commissioner"] * 3
    holder = named(art, "European Union trade commissioner")
    assert (holder.kind, holder.sector, holder.code) == ("person", "IGO", "IGOEUR")


def test_a_body_named_by_its_role_speaks(nlp):
    art = run(nlp, "Kenyan police said on Sunday that six people had been arrested after the march.")
    police = named(art, "Kenyan police")
    assert (police.kind, police.country, police.sector) == ("organisation", "KEN", "COP")
    assert only_quote(art).speaker.actor == police.id


def test_according_to_a_statement_from_a_body(nlp):
    art = run(nlp, "The army rejected the claims on Monday, according to a statement from the defence ministry.")
    assert only_quote(art).speaker.text == "the defence ministry"


def test_a_headline_run_into_the_lede_does_not_speak(nlp):
    text = ("Senator Vale urges calm after floods\n\nLISBON, May 2 (Reuters) - The regional governor on Tuesday "
            "urged residents to stay indoors, saying that more rain was expected overnight.")
    art = run(nlp, text)
    lede = text.index("The regional")
    speakers = {q.speaker.text for q in art.quotes if q.cue.start > lede and q.speaker is not None}
    assert speakers == {"The regional governor"}, [(q.cue.text, q.speaker) for q in art.quotes]


def only_quote(article: Article):
    assert len(article.quotes) == 1, [q.text for q in article.quotes]
    return article.quotes[0]


def test_office_holders_take_the_country_the_story_is_about(nlp):
    from dateline.record import Dateline

    text = ("ACCRA, June 4 (Reuters) - Ghana's parliament approved the budget on Tuesday.\n\n"
            "Finance Minister Kofi Asante said the deficit would narrow next year.")
    doc = nlp(text)
    article = Article(id="t", text=text, published="2025-06-04")
    article.dateline = Dateline(text="ACCRA, June 4 (Reuters) -", place="ACCRA", date="2025-06-04", agency="Reuters",
                                start=0, end=text.index("Ghana"))
    tag_entities(doc, article)
    extract_quotes(doc, article)
    assert named(article, "Kofi Asante").code == "GHAGOV"


def test_a_story_filed_from_a_venue_lends_no_country(nlp):
    from dateline.record import Dateline

    text = ("GENEVA, June 4 (Reuters) - Finance Minister Kofi Asante said talks with creditors would resume.")
    doc = nlp(text)
    article = Article(id="t", text=text, published="2025-06-04")
    article.dateline = Dateline(text="GENEVA, June 4 (Reuters) -", place="GENEVA", date="2025-06-04", agency="Reuters",
                                start=0, end=text.index("Finance"))
    tag_entities(doc, article)
    extract_quotes(doc, article)
    assert named(article, "Kofi Asante").country is None


def test_a_common_noun_names_no_transnational_body(nlp):
    # "activists" or "a rights group" with no country are of an unknown country ("---"), not
    # the transnational NGO code a named body such as Amnesty International has
    text = "Activists staged a sit-in outside the ministry on Monday."
    art = Article(id="t", text=text, published="2025-03-04")
    extract_events(nlp(text), art)
    codes = {a.code for e in art.events for a in e.source}
    assert codes and all(c.startswith("---") for c in codes), codes


def test_a_sector_code_alone_names_no_country():
    # the Phoenix dictionaries code a news agency by its sector alone: no country "MED"
    from dateline.actors.phoenix import _split
    assert _split("MED").country is None and _split("MED").sector == "MED"
    assert _split("USAMED").country == "USA"
    # every sector the exports name, not only the ones the shipped dictionary happens to use
    assert _split("JUD").code == "---JUD" and _split("ELI").country is None
    assert _split("NGOHRI").code == "NGOHRI" and _split("NGOHRI").sector == "NGO"


def test_a_person_named_with_fewer_middle_names_than_the_dictionary():
    from dateline.actors.phoenix import PhoenixLayer
    layer = PhoenixLayer([("karim yusuf hamid al tanweer", "XLDGOV", "0001-01-01", "9999-12-31"),
                          ("karim al tanweer", "XLDGOV", "0001-01-01", "9999-12-31"),
                          ("anna marie louise berg", "YLDGOV", "0001-01-01", "9999-12-31"),
                          ("anna louise berg", "ZLDGOV", "0001-01-01", "9999-12-31")])
    assert layer.short_form("Karim Yusuf al-Tanweer").country == "XLD"  # a middle name left out
    assert layer.short_form("Karim El Tanweer").country == "XLD"  # the article as the news spells it
    assert layer.short_form("Karim Tanweer") is None  # first and last name alone: too common a pair
    assert layer.short_form("Anna Louise Berg") is None  # namesakes of two countries
    assert layer.short_form("Karim Omar al-Tanweer") is None  # a middle name the entries lack


def test_an_office_holder_of_no_named_country_is_coded_with_dashes(nlp):
    from dateline.actors.index import build_actors

    doc = nlp("Interior Ministry spokeswoman Lena Marvik said the border would reopen.")
    marvik = next(a for a in build_actors(doc).actors if a.name == "Lena Marvik")
    assert (marvik.country, marvik.sector, marvik.code) == (None, "GOV", "---GOV")


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Norway said its navy had seized a Russian trawler near Svalbard.", "NORMIL", "RUS"),
    ("The Chilean defence ministry announced that its troops would leave the border area.", "CHLMIL", None),
    ("Peru has begun withdrawing some of its soldiers from Bolivia.", "PER", "BOL"),
])
def test_its_forces_are_the_subject_s(nlp, text, source, target):
    # "its" stands for the subject of a clause above the phrase; the subject's own troops are
    # never the target of its act
    art = Article(id="t", text=text, published="2025-03-04")
    extract_events(nlp(text), art)
    top = max(art.events, key=lambda e: e.confidence)
    assert any((a.code or "").startswith(source) for a in top.source), top
    countries = {a.country for a in top.target}
    assert (target in countries) if target else not countries, top


@pytest.mark.parametrize(("text", "party"), [
    ("Ghana called for a negotiated settlement of the border dispute.", False),
    ("The envoy urged a political settlement in Sudan.", False),
    ("Israel approved hundreds of new settlements in the West Bank.", True),
])
def test_a_settlement_agreed_is_no_party(nlp, text, party):
    art = Article(id="t", text=text, published="2025-03-04")
    extract_events(nlp(text), art)
    named = {a.name for e in art.events for a in e.source + e.target}
    assert any("settlement" in n for n in named) is party, named


@pytest.mark.parametrize(("text", "target"), [
    ("Chilean Foreign Minister Ana Rojas and her Peruvian counterpart Luis Vera signed the accord.", "PER"),
    ("The Kenyan president met his Ugandan counterpart in Kampala.", "UGA"),
    ("Senegalese officials shared evidence with their Malian counterparts.", "MLI"),
])
def test_a_counterpart_is_the_other_country_s_official(nlp, text, target):
    art = Article(id="t", text=text, published="2025-03-04")
    extract_events(nlp(text), art)
    top = max(art.events, key=lambda e: e.confidence)
    assert target in {a.country for a in top.target} | ({a.country for a in top.source} if top.reciprocal else set()), top


@pytest.mark.parametrize(("text", "party"), [
    ("Ghana rejected the use of force against the strikers.", False),
    ("Riot police used excessive force to clear the square.", False),
    ("The regional force withdrew from the border town.", True),
])
def test_force_used_is_no_party(nlp, text, party):
    art = Article(id="t", text=text, published="2025-03-04")
    extract_events(nlp(text), art)
    named = {a.name for e in art.events for a in e.source + e.target}
    assert any(n.lower().endswith("force") for n in named) is party, named


@pytest.mark.parametrize(("text", "name"), [
    # a surname that is a capital's name, or a short word the table holds as an acronym, is no body
    ("Clara Lima criticised the new budget on Tuesday.", "Clara Lima"),
    ("Daniel Muscat condemned the port strike.", "Daniel Muscat"),
    ("Kim Jong Un criticised the joint drills.", "Kim Jong Un"),
])
def test_a_person_s_name_names_no_place_or_body(nlp, text, name):
    art = Article(id="t", text=text, published="2025-03-04")
    extract_events(nlp(text), art)
    sources = [a for e in art.events for a in e.source]
    assert sources and all(a.name == name and a.code not in {"PER", "OMN", "IGOUNO"} for a in sources), sources


def test_a_demonym_in_a_group_the_tagger_calls_a_person_still_gives_the_country(nlp):
    text = "Bosnian Serbs demanded a truce with government forces."
    art = Article(id="t", text=text, published="2025-03-04")
    extract_events(nlp(text), art)
    assert "BIH" in {a.country for e in art.events for a in e.source}, art.events


def sources(nlp, text: str) -> list:
    """The coded sources of the events of one text, the article's actors indexed first, as the
    pipeline does."""
    doc = nlp(text)
    art = Article(id="t", text=text, published="2025-03-04")
    tag_entities(doc, art)
    extract_quotes(doc, art)
    extract_events(doc, art)
    return [a for e in art.events for a in e.source]


@pytest.mark.parametrize("text, expected", [
    # a role held in a body that is not a state's is the body's
    ("A commander of Hamas criticized the Egyptian government.", "PSEREB"),
    ("A spokesman for the Taliban criticized the Pakistani government.", "AFGREB"),
    ("The leader of the rebel group criticized the Malian government.", "REB"),
])
def test_a_role_in_a_non_state_body_speaks_for_the_body(nlp, text, expected):
    found = sources(nlp, text)
    assert any(expected in (a.code or "") for a in found), found


def test_an_armed_body_the_dictionaries_name_is_not_composed_from_its_words(nlp):
    # "Syrian" + "Army" would make the state's military; the dictionaries know the rebels
    found = sources(nlp, "The Free Syrian Army criticized the Turkish government.")
    assert {a.code for a in found} == {"SYRREB"}, found


def test_a_possessive_country_owns_a_national_institution(nlp):
    # the table's "Congress" is the United States'; Peru's is Peru's
    found = sources(nlp, "Peru's Congress criticized the interior minister.")
    assert {a.country for a in found} == {"PER"}, found
