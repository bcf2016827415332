"""Who an act is done to: the target phrase's country, wherever in the phrase the nationality sits."""

from __future__ import annotations

import pytest

from dateline.record import Article


def _target_countries(article: Article, root: str) -> set[str | None]:
    return {a.country for e in article.events if e.cameo.startswith(root) for a in e.target}


def _target_codes(article: Article, root: str) -> set[str | None]:
    return {a.code for e in article.events if e.cameo.startswith(root) for a in e.target}


@pytest.mark.parametrize("text, root, country", [
    # the nationality qualifies the body that owns the thing acted on, not the thing
    ("The Cuban foreign ministry condemned a Peruvian Supreme Court ruling on Monday.", "11", "PER"),
    # and the people the body trains or employs
    ("Gunmen killed nine Malian army recruits near the border on Sunday.", "19", "MLI"),
])
def test_nationality_on_a_modifier_of_the_target_names_its_country(code, text, root, country):
    art = code(text)
    assert country in _target_countries(art, root), [(e.cameo, e.source, e.target) for e in art.events]


def test_the_party_of_a_participle_on_the_object_is_the_target(code):
    # "sanctions imposed on Bolivia": lifting them is done to Bolivia
    art = code("The Security Council lifted sanctions imposed on Bolivia in 2010.")
    assert "BOL" in _target_countries(art, "08")



def test_a_compatriot_named_on_his_own_is_a_target(code):
    # the same country and sector as the doer, but a person of his own: a domestic act
    art = code("The Moldovan government sanctioned Moldovan Prime Minister Ion Rusu on Monday.")
    assert "MDA" in _target_countries(art, "16")


def test_the_doer_s_own_troops_are_no_target(code):
    art = code("The Moldovan army withdrew its troops from the border on Monday.")
    assert not _target_countries(art, "08")


@pytest.mark.parametrize("text, country", [
    ("Japan pledged 5 million dollars in emergency aid to help Fiji recover from the cyclone.", "FJI"),
    ("The United States will help Ukraine rebuild its power grid.", "UKR"),
])
def test_the_one_helped_is_the_subject_of_the_bare_infinitive(code, text, country):
    art = code(text)
    assert country in _target_countries(art, "03"), [(e.cameo, e.source, e.target) for e in art.events]


@pytest.mark.parametrize("text, country", [
    ("Ruritanian bishops expressed hope that the Chilean government will free the prisoners.", "CHL"),
    ("The Peruvian minister voiced concern that Bolivia may close the border.", "BOL"),
])
def test_the_subject_of_a_stance_noun_s_clause_is_the_target(code, text, country):
    # the stance is about the one the clause says will act
    art = code(text)
    assert country in {a.country for e in art.events for a in e.target}, [
        (e.cameo, e.source, e.target) for e in art.events]


def test_a_party_set_beside_a_common_noun_is_the_target(code):
    # the object is a role ("its neighbour"), the party the name beside it
    art = code("Ruritania sent aid to its impoverished neighbour Moldova on Monday.")
    assert "MDA" in {a.country for e in art.events for a in e.target}, [(e.cameo, e.target) for e in art.events]


@pytest.mark.parametrize("text, country", [
    ("The Peruvian government denied charges by Chilean bishops that it had tortured prisoners.", "CHL"),
    ("The Peruvian army rejected accusations by Bolivia that its troops crossed the border.", "BOL"),
])
def test_who_put_forward_the_claim_answered_is_the_target(code, text, country):
    art = code(text)
    assert country in _target_countries(art, "01"), [(e.cameo, e.source, e.target) for e in art.events]


@pytest.mark.parametrize("text, root, country", [
    ("Ruritanian doctors collected and personally delivered medicine to a hospital in Chile.", "08", "CHL"),
    ("Peruvian snipers shot and wounded a Bolivian border guard on Monday.", "19", "BOL"),
])
def test_an_object_written_once_is_both_coordinated_verbs_target(code, text, root, country):
    art = code(text)
    assert country in _target_countries(art, root), [(e.cameo, e.source, e.target) for e in art.events]


@pytest.mark.parametrize("text, country", [
    ("The Peruvian government lifted the state of emergency in Lima on Monday.", "PER"),
    ("Chilean authorities eased the curfew in Santiago after a week of calm.", "CHL"),
])
def test_a_curfew_is_done_to_the_place_even_by_its_own_government(code, text, country):
    art = code(text)
    assert country in _target_countries(art, "08"), [(e.cameo, e.source, e.target) for e in art.events]


@pytest.mark.parametrize("text, root, country", [
    ("The Bolivian government lifted the state of emergency on Tuesday.", "08", "BOL"),
    ("Peru's cabinet said it was ready to impose martial law.", "13", "PER"),
])
def test_a_curfew_with_no_place_named_binds_the_authorities_own_country(code, text, root, country):
    art = code(text)
    assert country in _target_countries(art, root), [(e.cameo, e.source, e.target) for e in art.events]


def test_a_curfew_by_a_body_with_no_country_has_no_target(code):
    art = code("Rebel commanders imposed a curfew on Tuesday.")
    assert not _target_countries(art, "17"), [(e.cameo, e.source, e.target) for e in art.events]


def test_the_party_of_the_object_comes_before_the_verb_s_other_phrases(code):
    # "sanctions on sales to Chile": Chile, not the country whose interest is served
    art = code("Peru lifted sanctions on arms sales to Chile in the interest of Bolivian security.")
    assert _target_countries(art, "08") == {"CHL"}, [(e.cameo, e.target) for e in art.events]


def test_an_act_done_for_another_takes_that_one_s_target(code):
    # the congratulation has no object of its own: it is done to the one called
    art = code("The Peruvian president called the Chilean president on Monday to congratulate him on his victory.")
    assert "CHL" in {a.country for e in art.events for a in e.target}, [(e.cameo, e.target) for e in art.events]


@pytest.mark.parametrize("text, root, country", [
    ("Gunmen killed three Chilean policemen and injured four others on Friday.", "18", "CHL"),
    ("A mortar round hit the camp, killing one Peruvian soldier and wounding two others.", "18", "PER"),
])
def test_others_are_more_of_what_the_earlier_verb_s_object_names(code, text, root, country):
    art = code(text)
    assert country in _target_countries(art, root), [(e.cameo, e.source, e.target) for e in art.events]


@pytest.mark.parametrize("text", [
    "Rebel fighters shelled army positions in Peru’s northern Loreto region on Sunday.",
    "Gunmen ambushed a convoy in Peru's Loreto region on Friday.",
])
def test_the_country_owning_the_place_of_the_thing_attacked_is_the_target(code, text):
    art = code(text)
    assert "PER" in _target_countries(art, "19"), [(e.cameo, e.source, e.target) for e in art.events]


def test_an_object_written_once_after_coordinated_prepositions_is_each_one_s(code):
    # "curbs on travel to and from X": the object of "from" is the object of "to" too
    art = code("Chile lifted its curbs on flights to and from Bolivia on Monday.")
    assert "BOL" in _target_countries(art, "08"), [(e.cameo, e.source, e.target) for e in art.events]


@pytest.mark.parametrize("text, root, expected", [
    # a bare number taken by a verb coordinated with an earlier one is more of its object
    ("Ugandan soldiers killed three rebels and captured 20 in the north.", "17", "UGAREB"),
    # and "one person" is a civilian, the police's compatriot
    ("Kenyan police opened fire on rioters, killing one person and arresting 15.", "17", "KENCVL"),
])
def test_a_bare_number_is_more_of_the_earlier_object(code, text, root, expected):
    art = code(text)
    assert expected in {a.code for e in art.events if e.cameo.startswith(root) for a in e.target}, [
        (e.cameo, e.source, e.target) for e in art.events]


def test_the_party_an_invitation_names_is_the_target(code):
    # "accepted an invitation to meet with X": the meeting offered is the act's content, X its party
    art = code("The Egyptian president accepted an invitation to meet with the Israeli prime minister.")
    event = next(e for e in art.events if e.trigger.text == "accepted")
    assert [a.country for a in event.target] == ["ISR"]


def test_victims_are_of_the_country_where_the_clause_says_it_happened(code):
    # lending the attackers' country to "people" would make a cross-border attack a domestic one
    art = code("Two Syrian gunmen killed 23 people when they opened fire in Beirut.")
    event = next(e for e in art.events if e.trigger.text == "killed")
    assert [a.country for a in event.target] == ["LBN"]


def test_where_two_parties_meet_is_no_third_party(code):
    # the venue's country is not the one they talk to: each talks to the other
    art = code("Armenia and Azerbaijan held talks in Vienna on Monday.")
    pairs = {(e.source[0].country, e.target[0].country) for e in art.events if e.cameo.startswith("04") and e.target}
    assert pairs == {("ARM", "AZE"), ("AZE", "ARM")}, [(e.cameo, e.source, e.target) for e in art.events]


def test_a_visitor_is_no_compatriot_of_the_host(code):
    # a president with no country in the title keeps none rather than the host's
    art = code("President Olu Adeyemi is due to attend the summit in Lisbon.")
    visits = [e for e in art.events if e.cameo == "042"]
    assert visits and all(a.country != "PRT" for e in visits for a in e.source), \
        [(e.cameo, e.source, e.target) for e in art.events]


@pytest.mark.parametrize("text, expected", [
    ("A drone strike killed six militants in Mogadishu on Sunday.", "SOMREB"),
    ("Gunmen killed four villagers in Kandahar on Friday.", "AFGCVL"),
])
def test_victims_named_by_role_are_the_target_not_the_place_s_government(code, text, expected):
    art = code(text)
    targets = {a.code for e in art.events if e.cameo.startswith(("18", "19")) for a in e.target}
    assert targets == {expected}, [(e.cameo, e.source, e.target) for e in art.events]


@pytest.mark.parametrize("text, root, country", [
    # the maker of what the act answers is its target
    ("Chile condemned the tariffs imposed by Argentina on Tuesday.", "11", "ARG"),
    ("Kenya welcomed the peace plan put forward by Ethiopia.", "05", "ETH"),
    ("Ghana rejected the offer made by Togo.", "12", "TGO"),
])
def test_the_maker_of_what_an_act_answers_is_its_target(code, text, root, country):
    art = code(text)
    assert country in _target_countries(art, root), [(e.cameo, e.source, e.target) for e in art.events]


def test_force_against_people_someone_named_is_not_done_to_the_namer(code):
    art = code("Police in Lima detained four men identified by Chilean investigators.")
    assert "CHL" not in {a.country for e in art.events for a in e.target}, [(e.cameo, e.target) for e in art.events]


@pytest.mark.parametrize("text, expected", [
    # the one a town or arms are taken from, however the parser hangs the "from"
    ("Malian troops recaptured the port of Gao from al-Shabaab fighters on Monday.", "SOMREB"),
    ("The rebels seized three villages from the army.", "---MIL"),
])
def test_the_one_a_thing_is_taken_from_is_the_target(code, text, expected):
    art = code(text)
    targets = _target_codes(art, "17") | _target_codes(art, "19")
    assert expected in targets, [(e.cameo, e.source, e.target) for e in art.events]


@pytest.mark.parametrize("text, coded", [
    ("The authorities executed four prisoners in Karachi on Monday.", True),
    ("Two hostages were executed by the militants.", True),
    ("The campaign executed its strategy well.", False),
    ("Officers executed a search warrant at the house.", False),
    ("The team will need to execute better next season.", False),
])
def test_executing_a_person_is_killing_executing_a_plan_is_no_act(code, text, coded):
    art = code(text)
    kills = [e for e in art.events if e.trigger.text.lower().startswith("execut") and e.cameo.startswith("19")]
    assert bool(kills) == coded, [(e.cameo, e.trigger.text) for e in art.events]


def test_a_meeting_s_topic_that_names_no_one_is_no_party(code):
    # "border security" is a force in the agent table; here it is what the talks were about
    art = code("Kenyan and Ugandan officials held talks in Kampala on border security.")
    pairs = {(s.country, t.country) for e in art.events if e.cameo.startswith("04") for s in e.source for t in e.target}
    assert {("KEN", "UGA"), ("UGA", "KEN")} <= pairs, [(e.cameo, e.source, e.target) for e in art.events]


def test_a_meeting_s_topic_that_names_a_country_still_gives_the_target(code):
    art = code("Chilean officials held talks on Monday on the Bolivian crisis.")
    assert "BOL" in _target_countries(art, "04"), [(e.cameo, e.source, e.target) for e in art.events]


@pytest.mark.parametrize("text, root, expected", [
    # the role word on the thing acted on says whose it is; the place gives the country
    ("Russian troops pounded rebel positions in Chechnya with artillery.", "19", "RUSREB"),
    ("Militants attacked a police station in Peshawar.", "19", "PAKCOP"),
    ("Gunmen stormed a military base in Kabul.", "19", "AFGMIL"),
])
def test_a_role_word_on_a_site_names_its_owner(code, text, root, expected):
    art = code(text)
    assert expected in _target_codes(art, root), [(e.cameo, e.source, e.target) for e in art.events]


def test_an_occasion_is_no_one_s_site(code):
    # "a military ceremony" is no military's property
    art = code("The Chilean defence minister led a military ceremony in Valparaiso to mark the return of the bells to Peru.")
    assert "CHLMIL" not in {a.code for e in art.events for a in e.target}, [(e.cameo, e.target) for e in art.events]
