"""Event coding on short wire-style sentences written for these tests."""

from __future__ import annotations

from joint import joint_act, joint_parties

from dateline.record import Article


def _one(article: Article, etype: str):
    found = [e for e in article.events if e.type == etype and e is joint_act(article.events, e)[0]]
    assert len(found) == 1, [(e.type, e.cameo, e.trigger.text) for e in article.events]
    return found[0]


def _countries(actors) -> list[str | None]:
    return [a.country for a in actors]


def test_capitals_stand_for_governments_in_a_compound_agreement(code):
    art = code("Warsaw and Vilnius concluded a defence agreement on Tuesday, officials said.")
    event = _one(art, "AGREE")
    assert joint_parties(art, event) == ["POL", "LTU"]  # each the other's party
    assert {a.sector for e in joint_act(art.events, event) for a in e.source} == {"GOV"}
    assert event.cameo.startswith("03")


def test_request_from_nationality_and_title(code):
    art = code("Moldovan President Maia Sandu asked Romania to send more fighter jets, her office said.")
    event = _one(art, "REQUEST")
    assert _countries(event.source) == ["MDA"]
    assert event.source[0].sector == "GOV"
    assert _countries(event.target) == ["ROU"]
    assert event.cameo.startswith("02")


def test_possible_deployment_is_an_intent_not_an_asserted_act(code):
    art = code("The French president said the missiles can be deployed in Estonia next year.")
    event = art.events[0]
    assert event.type == "AGREE"
    assert event.modality == "possible"
    assert _countries(event.source) == ["FRA"]
    assert _countries(event.target) == ["EST"]
    assert event.quad in (1, 2)


def test_negated_event_is_flagged(code):
    art = code("Chile did not recognize the election results in Venezuela.")
    assert art.events, "expected an event"
    assert art.events[0].negated is True


def test_refused_future_cooperation_is_a_rejection(code):
    art = code("Uganda said it would not accept more refugees from Sudan.")
    assert art.events[0].type == "REJECT"


def test_announced_attack_is_a_threat(code):
    art = code("The rebel commander said his fighters would attack the airport in Goma.")
    assert art.events[0].type == "THREATEN"


def test_announced_force_posture_aimed_at_no_one_is_no_threat(code):
    # a plan to send more police is a mobilisation told in advance, not a threat to anyone
    art = code("Police will deploy additional officers to the border area, a spokesman said.")
    assert art.events and art.events[0].type == "MOBILIZE", [(e.cameo, e.type) for e in art.events]


def test_going_to_is_a_future_not_a_meeting(code):
    # "going to" is English's future: the act is the verb it governs, intended, and nobody goes anywhere
    art = code("Chile is going to impose new tariffs on Peruvian steel.")
    assert art.events and not any(e.cameo.startswith("04") for e in art.events), [(e.cameo, e.trigger.text) for e in art.events]
    assert art.events[0].trigger.text == "impose" and art.events[0].modality == "intended"


def test_igo_actor_gets_igo_code(code):
    art = code("NATO condemned the missile strike on the port of Odesa.")
    event = _one(art, "ACCUSE")
    assert event.source[0].sector == "IGO"
    assert event.source[0].code.startswith("IGO")


def test_protest_from_support_verb_and_event_noun(code):
    art = code("Thousands of Serbian students staged a demonstration in Belgrade on Sunday.")
    event = _one(art, "PROTEST")
    assert _countries(event.source) == ["SRB"]


def test_event_told_twice_is_one_event(code):
    text = ("Japan imposed sanctions on North Korea on Monday.\n\n"
            "Officials in Seoul welcomed the move. Japan imposed sanctions on North Korea on Monday.")
    art = code(text)
    sanctions = [e for e in art.events if e.type == "SANCTION"]
    assert len(sanctions) == 1


def test_offsets_point_into_the_text(code):
    text = "Egypt hosted talks between Sudan's army and the paramilitary forces in Cairo."
    art = code(text)
    assert art.events
    for event in art.events:
        assert text[event.trigger.start:event.trigger.end] == event.trigger.text
        assert 0 <= event.sentence.start < event.sentence.end <= len(text)
        assert 0.0 <= event.confidence <= 1.0
        assert isinstance(event.cameo, str)


def test_bare_surname_takes_the_titled_mention_s_country(code):
    text = ("Kazakh President Kassym-Jomart Tokayev arrived in Baku on Monday.\n\n"
            "Tokayev urged Armenia to sign the peace treaty without delay.")
    art = code(text)
    event = _one(art, "REQUEST")
    assert _countries(event.source) == ["KAZ"]
    assert _countries(event.target) == ["ARM"]


def test_every_conjunct_of_a_meeting_is_a_party(code):
    art = code("Chile, Peru and Bolivia met in La Paz on Friday to discuss water rights.")
    event = next(e for e in art.events if e.cameo.startswith("04"))
    assert joint_parties(art, event) == ["CHL", "PER", "BOL"]


def test_joint_sanctions_are_not_a_sanction_of_each_other(code):
    art = code("Britain and France imposed sanctions on Ruritania's mining firms on Monday.")
    assert all(not e.reciprocal for e in art.events)


def test_a_named_subject_no_table_knows_still_acts(code):
    art = code("Papadakis agreed to step down on Friday.")
    assert art.events, "the event is kept with its named, uncoded source"
    assert [(a.name, a.code) for a in art.events[0].source] == [("Papadakis", None)]


def test_a_town_where_a_pact_was_signed_is_no_party_to_it(code):
    art = code("Chile and Peru signed a fisheries accord in Valparaiso.")
    event = art.events[0]
    assert joint_parties(art, event) == ["CHL", "PER"]


def test_agreeing_with_someone_that_a_claim_holds_is_a_statement(code):
    art = code("The Kenyan government agreed with the opposition that the vote had been fair.")
    assert art.events[0].cameo == "019" and art.events[0].type is None
    pact = code("Kenya and Uganda agreed to reopen the border.")
    assert pact.events[0].type == "AGREE"


def test_a_reason_phrase_is_not_what_the_verb_acts_on(code):
    # "because of heavy fighting" tells why the border closed; it is no ceasefire (stopping the fighting)
    art = code("Hungary closed its border with Serbia because of heavy fighting in the region.")
    assert art.events and not any(e.cameo.startswith("087") for e in art.events)
    assert art.events[0].type != "RETREAT"


def test_a_circumstance_inside_the_object_is_not_what_the_verb_acts_on(code):
    # the attack is when the plan was turned down, not a denied attack (CAMEO 016)
    art = code("Union leaders rejected the ministry's plan to reopen the mines while the valley was "
               "still recovering from an attack on a convoy.")
    assert art.events[0].type == "REJECT" and not art.events[0].cameo.startswith("01")


def test_refusing_to_step_down_after_accusations_is_a_refusal(code):
    art = code("The senator refused to resign after accusations of bribery by two donors.")
    assert art.events[0].type == "REJECT"


def test_sending_people_to_investigate_is_an_investigation(code):
    art = code("The ministry sent a team of inspectors to the port to investigate the explosion.")
    assert art.events[0].cameo.startswith("09")
    assert [a.name for a in art.events[0].source] == ["The ministry"]


def test_a_clause_describing_the_object_is_not_what_the_verb_acts_on(code):
    # the attack is what the appellant was convicted of; the court denies no attack (CAMEO 016)
    art = code("The court rejected an appeal filed by the man convicted of the attack on the embassy.")
    assert art.events[0].type == "REJECT" and not art.events[0].cameo.startswith("01")


def test_an_infinitive_spelling_out_the_object_is_no_event_of_its_own(code):
    # the proposal's negotiating and the council's reducing are what is rejected and welcomed
    art = code("The rebels rejected a proposal to negotiate with the government.")
    assert [e.type for e in art.events if not e.negated] == ["REJECT"]
    art = code("The minister welcomed the council's efforts to reduce tensions along the border.")
    assert [e.type for e in art.events if not e.negated] == ["SUPPORT"]


def test_a_plan_announced_is_still_the_planned_act(code):
    art = code("The government announced plans to impose sanctions on Venezuela.")
    assert "SANCTION" in {e.type for e in art.events}


def test_a_verbs_idiom_stays_with_that_verb(code):
    # "take part" is an idiom of take: the seizing verbs of its block do not join in
    seized = code("Rebel fighters captured part of the eastern province after a week of clashes.")
    assert [e.cameo[:2] for e in seized.events] == ["17"]
    joined = code("Chilean soldiers took part in a naval exercise off the coast.")
    assert [e.cameo for e in joined.events] == ["062"]


def test_a_title_naming_an_international_body_outranks_the_dictionary_s_country(code):
    # the Phoenix entry for this man gives Norway (his earlier offices); the title says NATO
    art = code("NATO Secretary General Jens Stoltenberg urged Xland to free the detained sailors.")
    event = _one(art, "REQUEST")
    assert [a.code for a in event.source] == ["IGOWSTNAT"]


def test_every_country_of_an_of_phrase_is_a_party(code):
    art = code("The interior ministers of Chile and Argentina met in Santiago on Friday.")
    event = next(e for e in art.events if e.cameo.startswith("04"))
    assert joint_parties(art, event) == ["CHL", "ARG"]
