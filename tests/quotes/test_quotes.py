"""Quotes: every construction of issue 3 on short wire-style articles written for these tests."""

from __future__ import annotations

import pytest

from dateline.geo.entities import tag_entities
from dateline.quotes.marks import find_quote_regions
from dateline.quotes.stage import extract_quotes
from dateline.record import Article, Quote


def run(nlp, text: str) -> Article:
    doc = nlp(text)
    article = Article(id="t", text=text, published="2025-03-04")
    tag_entities(doc, article)
    extract_quotes(doc, article)
    return article


def only(article: Article) -> Quote:
    assert len(article.quotes) == 1, [q.text for q in article.quotes]
    return article.quotes[0]


def by_cue(article: Article, cue: str) -> Quote:
    found = [q for q in article.quotes if q.cue is not None and q.cue.text.startswith(cue)]
    assert found, [(q.cue.text if q.cue else None, q.text) for q in article.quotes]
    return found[0]


def test_offsets_point_into_text(nlp):
    art = run(nlp, 'Finance Minister Olga Varga said, "Inflation will fall below four percent next year."')
    for q in art.quotes:
        assert art.text[q.start:q.end] == q.text
        assert art.text[q.cue.start:q.cue.end] == q.cue.text
        assert art.text[q.speaker.start:q.speaker.end] == q.speaker.text


@pytest.mark.parametrize("opening,closing", [('"', '"'), ("“", "”"), ("``", "''"), ("«", "»"), ("‘", "’"), ("''", "''")])
def test_direct_quote_in_every_style(nlp, opening, closing):
    text = f"{opening}We will not sign this agreement in its present form,{closing} Trade Minister Pavel Dorn said."
    q = only(run(nlp, text))
    assert q.kind == "direct"
    assert q.text == "We will not sign this agreement in its present form"
    assert q.speaker.name == "Pavel Dorn"
    assert q.cue.text == "said"


def test_cue_before_quote_with_colon(nlp):
    q = only(run(nlp, 'Prime Minister Ana Kovac said on Tuesday: "The border crossings will reopen within a week."'))
    assert q.kind == "direct" and q.text.startswith("The border crossings")
    assert q.speaker.name == "Ana Kovac"


def test_said_before_speaker(nlp):
    q = only(run(nlp, '"The harvest was the worst in a decade," said Marta Ilic, a farmer from the north.'))
    assert q.speaker.name == "Marta Ilic"
    assert q.text.startswith("The harvest")


def test_quote_resumed_after_the_cue_is_one_quote(nlp):
    text = ('"We have done everything we could," the mayor, Tomas Berg, said. '
            '"Now it is up to the national government to act."')
    q = only(run(nlp, text))
    assert q.text.startswith("We have done") and q.text.endswith("to act.")


def test_cue_between_the_two_halves_of_a_sentence(nlp):
    text = 'At the same time, Berg continued, "the city cannot pay for the repairs on its own."'
    q = only(run(nlp, text))
    assert q.cue.text == "continued" and q.text.startswith("the city cannot pay")


def test_quote_over_two_paragraphs(nlp):
    text = ('Interior Minister Lena Holt told parliament: "The police acted within the law.\n\n'
            '"Every complaint will still be investigated by an independent panel."\n\n'
            'Opposition deputies walked out of the chamber.')
    q = only(run(nlp, text))
    assert "acted within the law" in q.text and "independent panel" in q.text
    assert q.addressee == "parliament"


def test_reported_speech_with_and_without_that(nlp):
    art = run(nlp, "The central bank said that interest rates would stay unchanged. "
                   "Its governor, Ivo Saric, said prices were rising too fast.")
    assert len(art.quotes) == 2
    first, second = art.quotes
    assert first.kind == "indirect" and first.text.startswith("that interest rates")
    assert second.text.startswith("prices were rising") and second.speaker.name == "Ivo Saric"


def test_content_before_cue(nlp):
    q = only(run(nlp, "The talks will resume next month in Geneva, a senior European diplomat said."))
    assert q.text == "The talks will resume next month in Geneva"
    assert q.speaker.text == "a senior European diplomat"


def test_according_to(nlp):
    q = only(run(nlp, "The dam was completed two years late, according to the ministry of water."))
    assert q.cue.text == "according to"
    assert q.text.startswith("The dam was completed")
    assert "ministry" in q.speaker.text


def test_added_that_with_partial_quote_is_mixed(nlp):
    q = only(run(nlp, 'Holt added that she saw "no reason at all" to resign.'))
    assert q.kind == "mixed"
    assert '"no reason at all"' in q.text


@pytest.mark.parametrize("verb", ["warned", "denied", "insisted", "argued", "claimed", "stressed", "announced"])
def test_cues_beyond_say(nlp, verb):
    q = only(run(nlp, f"General Piotr Nowak {verb} that the troops would stay in the region until spring."))
    assert q.cue.text == verb
    assert q.speaker.name == "Piotr Nowak"


def test_pronoun_speaker_resolves_to_previous_speaker(nlp):
    art = run(nlp, 'Health Minister Rosa Lind said the clinics would open on Monday. '
                   '"We have hired two hundred nurses," she said.')
    assert [q.speaker.name for q in art.quotes] == ["Rosa Lind", "Rosa Lind"]


def test_title_in_quote_marks_is_not_a_quote(nlp):
    art = run(nlp, 'The festival opened with the film "The Long Winter" in the old town square.')
    assert art.quotes == []


def test_scare_quotes_around_one_word_are_not_a_quote(nlp):
    art = run(nlp, 'Parliament passed the so-called "reform" of the pension system on Friday.')
    assert art.quotes == []


def test_no_quote_twice(nlp):
    text = ('"We will respond," Defence Minister Karl Vos said. Vos said the army was ready. '
            '"Nobody should doubt it," he added.')
    art = run(nlp, text)
    spans = [(q.start, q.end) for q in art.quotes]
    assert len(spans) == len(set(spans)) == 3


def test_quote_regions_continue_only_when_the_paragraph_reopens():
    text = '"First part.\n\nA plain paragraph with no quote mark.'
    regions = find_quote_regions(text)
    assert [text[r.start:r.end] for r in regions] == ["First part."]


def test_apostrophes_are_not_quotes():
    text = "Russia’s envoy met the ministers’ aides at the nation's capital."
    assert find_quote_regions(text) == []


# -- the trained cue model ------------------------------------------------------------------


def test_model_ships_small_and_loads():
    from dateline.models import model_folder
    from dateline.quotes.cue_model import MODEL_FILE, MODEL_NAME, get_model

    model = get_model()
    assert model is not None and model.weights and model.nouns
    assert (model_folder(MODEL_NAME) / MODEL_FILE).stat().st_size < 5_000_000


def test_stance_verb_with_infinitive_is_an_attribution(nlp):
    q = only(run(nlp, "Mayor Tomas Berg plans to close the old bridge to trucks next month."))
    assert q.cue.text == "plans"
    assert q.text == "to close the old bridge to trucks next month"
    assert q.speaker.name == "Tomas Berg"


def test_noun_cue_with_that_clause(nlp):
    q = only(run(nlp, "Labour Minister Dora Veld made the claim that unemployment had halved since 2020."))
    assert q.cue.text == "claim"
    assert q.text.startswith("that unemployment had halved")
    assert q.speaker.name == "Dora Veld"


def test_stance_on_a_proposal(nlp):
    q = only(run(nlp, "The opposition leader, Irena Kask, supports the proposal to lower the voting age."))
    assert q.cue.text == "supports" and q.speaker.name == "Irena Kask"


def test_an_act_is_not_a_quote(nlp):
    art = run(nlp, "In March, Prime Minister Ana Kovac submitted a draft budget to parliament for approval.")
    assert art.quotes == []


def test_acts_of_two_capitals_are_not_quotes(nlp):
    art = run(nlp, "After the summit in June, Riga and Vilnius approved the Energy Charter of the Baltic Union "
                   "and concluded a bilateral accord on grid links within the framework of the union.")
    assert art.quotes == [], [(q.cue.text, q.text) for q in art.quotes]


# -- datelines and headlines ----------------------------------------------------------------


def test_dateline_is_neither_content_nor_speaker(nlp):
    from dateline.record import Dateline

    text = ("OSLO, May 12 (Nordwire) -- Norway on Tuesday rejected the fishing quota proposed by its "
            "neighbours as unfair to coastal towns, state radio said.\n\n"
            "The fisheries minister said talks would continue in June.")
    doc = nlp(text)
    article = Article(id="t", text=text, published="2025-05-12")
    article.dateline = Dateline("OSLO, May 12 (Nordwire)", "OSLO", "2025-05-12", "Nordwire", 0, 23)
    tag_entities(doc, article)
    extract_quotes(doc, article)
    assert article.quotes
    for q in article.quotes:
        assert "OSLO" not in q.text and "Nordwire" not in q.text and not q.text.startswith("--")
        assert q.speaker is None or q.speaker.start >= 23
    first = article.quotes[0]
    assert first.text.startswith("Norway on Tuesday rejected") and first.speaker.text == "state radio"


def test_content_stays_in_its_paragraph(nlp):
    text = ("Minister says ferry fares will rise in the autumn\n\n"
            "Harbour workers began a two-day strike on Friday over pay.")
    art = run(nlp, text)
    assert all("\n\n" not in q.text for q in art.quotes)
    assert all("strike" not in q.text for q in art.quotes)


def test_signed_quotes_of_collected_reactions(nlp):
    text = ("Readers sent us their views on the new bridge toll.\n"
            "“I drive to work every day and this will cost me a fortune.” ― Rosa Delgado\n"
            "“The old bridge was falling apart. Someone has to pay for it.”\u00a0― Ben Okafor.\n")
    art = run(nlp, text)
    signed = {q.speaker.name: q for q in art.quotes if q.cue is not None and q.cue.text == "―"}
    assert set(signed) == {"Rosa Delgado", "Ben Okafor"}
    assert signed["Ben Okafor"].text.startswith("The old bridge") and signed["Ben Okafor"].kind == "direct"


def test_dash_inside_a_sentence_signs_nothing(nlp):
    art = run(nlp, "The council voted on the “bridge levy” — Mayor Ana Ruiz abstained.")
    assert not any(q.cue is not None and q.cue.text in "―—" for q in art.quotes)


def test_parenthetical_cue_inside_the_reported_sentence(nlp):
    art = run(nlp, "The new bridge, Governor Ilse Brandt said, would open to traffic before the winter.")
    q = by_cue(art, "said")
    assert q.text.startswith("The new bridge") and "before the winter" in q.text
    assert q.speaker.name == "Ilse Brandt"


# -- the trained content tagger (quotes.span_model) -------------------------------------------------------

def test_content_runs_join_across_the_cue():
    from dateline.quotes.span_model import joined, pieces

    runs = pieces(["O", "B", "I", "O", "O", "B", "I", "O"])
    assert runs == [(1, 3), (5, 7)]
    assert joined(runs, cue_at=3) == (1, 7)  # "The bridge, she said, would open": one statement
    assert joined([(0, 2), (20, 30)], cue_at=35) == (20, 30)  # a far run on the same side stays out
    assert joined([], cue_at=0) is None


def test_tagger_sees_the_cue_paragraph_only(nlp):
    from dateline.quotes.attribution import sentence_bounds
    from dateline.quotes.span_model import window

    doc = nlp("The council met on Monday.\n\nMayor Ana Ruiz said the budget would shrink. Taxes stay flat.")
    said = next(t for t in doc if t.text == "said")
    lo, hi = window(doc, said, sentence_bounds(doc))
    assert doc[lo].text == "Mayor" and doc[hi - 1].text == "."
    assert "Taxes" in doc[lo:hi].text and "council" not in doc[lo:hi].text


def test_tagger_places_words_by_the_parse(nlp):
    from dateline.quotes.attribution import sentence_bounds
    from dateline.quotes.span_model import DocView

    doc = nlp("Officials said the plan would fail.")
    view = DocView(doc, sentence_bounds(doc), [False] * len(doc))
    rel = dict(zip((t.text for t in doc), view.relations(1, 0, len(doc))))
    assert rel["said"] == "cue" and rel["Officials"] == "sub:nsubj"
    assert rel["plan"] == rel["fail"] == "sub:ccomp"


def test_shipped_tagger_loads_with_its_bars():
    from dateline.quotes.span_model import get_tagger

    tagger = get_tagger()
    assert tagger is not None and 0 <= tagger.bar_other <= 2 and 0 <= tagger.bar_direct <= 2


def test_redrawn_contents_never_share_words(nlp):
    art = run(nlp, "Mayor Ana Ruiz said the budget would shrink next year. Her deputy, Tomas Berg, said the "
                   "cuts would hit schools and parks first, and he warned that libraries could close.")
    spans = sorted((q.start, q.end) for q in art.quotes)
    assert len(spans) >= 2
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), [q.text for q in art.quotes]


def _reading(doc, cue: str, content: str, source: str | None, score: float):
    from dateline.quotes.attribution import Attribution

    tok = next(t for t in doc if t.text == cue)
    start = doc.text.index(content)
    speaker = next(t for t in doc if t.text == source) if source else None
    return Attribution(start, start + len(content), "indirect", tok, tok.idx + len(tok), speaker, score)


def test_same_words_from_one_speaker_are_one_statement(nlp):
    from dateline.quotes.stage import distinct

    doc = nlp('Envoys condemned what the minister called "a reckless escalation" at the border.')
    words = 'what the minister called "a reckless escalation" at the border'
    same = [_reading(doc, "condemned", words, "Envoys", 0.9), _reading(doc, "called", words, "Envoys", 0.4)]
    assert [a.cue.text for a in distinct(doc.text, same)] == ["condemned"]
    # the minister's own words and the envoys' condemnation of them are two statements
    two = [_reading(doc, "condemned", words, "Envoys", 0.9), _reading(doc, "called", words, "minister", 0.4)]
    assert len(distinct(doc.text, two)) == 2




def _parsed(nlp, words, heads, deps, pos, ents=None):
    """A hand-set parse: the parser's known readings, whatever the model version does."""
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)


def test_two_predicates_labelled_oprd_read_as_object_and_predicate(nlp):
    from dateline.quotes.frames import frames

    # Cruz called Trump a liar .  — the parser labels both "Trump" and "liar" oprd
    doc = _parsed(nlp, ["Cruz", "called", "Trump", "a", "liar", "."], [1, 1, 1, 4, 1, 1],
                  ["nsubj", "ROOT", "oprd", "det", "oprd", "punct"], ["PROPN", "VERB", "PROPN", "DET", "NOUN", "PUNCT"])
    readings = frames(doc[1], 0)
    assert [(frame, doc.text[s:e]) for frame, (s, e) in readings] == [("dobj+pred", "Trump a liar")]


def test_named_compound_holds_a_noun_cue(nlp):
    from dateline.quotes.attribution import noun_source

    # But Petrov claims that ... — the tagger took "claims" for a noun with "Petrov" its compound
    doc = _parsed(nlp, ["But", "Petrov", "claims", "that", "it", "failed", "."], [2, 2, 2, 5, 5, 2, 2],
                  ["cc", "compound", "ROOT", "mark", "nsubj", "ccomp", "punct"],
                  ["CCONJ", "PROPN", "NOUN", "SCONJ", "PRON", "VERB", "PUNCT"],
                  ents=["O", "B-PERSON", "O", "O", "O", "O", "O"])
    assert noun_source(doc[2]).text == "Petrov"
    # an unnamed compound is a kind of claim, not its holder: "the insurance claims"
    doc = _parsed(nlp, ["insurance", "claims", "rose"], [1, 2, 2], ["compound", "nsubj", "ROOT"], ["NOUN", "NOUN", "VERB"])
    assert noun_source(doc[1]) is None


def test_called_x_a_y_is_the_speakers_words(nlp):
    art = run(nlp, 'Senator Ruth Bell called the governor a "reckless gambler" at a rally on Sunday.')
    quote = by_cue(art, "called")
    assert quote.text.startswith('the governor a "reckless gambler"')
    assert quote.speaker is not None and quote.speaker.name == "Ruth Bell"


def test_a_verb_tagged_as_noun_keeps_its_named_speaker(nlp):
    art = run(nlp, "But Petrov claims that the vote count was rigged.")
    quote = by_cue(art, "claims")
    assert quote.text == "that the vote count was rigged"
    assert quote.speaker is not None and quote.speaker.text == "Petrov"


def test_a_second_statement_inside_the_first_stands_on_its_own(nlp):
    art = run(nlp, "Prime Minister Lena Holm said on Monday that the country would leave the pact by March "
                   "and suggested that it would also quit the customs union.")
    assert by_cue(art, "said").text == "that the country would leave the pact by March"
    assert by_cue(art, "suggested").text == "that it would also quit the customs union"


def test_adding_that_after_a_quote_is_a_second_statement(nlp):
    art = run(nlp, '"The harbour will reopen in May," the mayor said, adding that "the fishing fleet '
                   'will be the first to return."')
    assert by_cue(art, "said").text == "The harbour will reopen in May"
    assert by_cue(art, "adding").text.startswith('that "the fishing fleet')


def test_quote_split_by_a_long_cue_keeps_its_pieces(nlp):
    text = ('"The reform is a mistake," said Marta Lind, an economist who ran the central bank for ten years '
            'and now teaches in Uppsala. "It will cost the poorest most."')
    art = run(nlp, text)
    quote = by_cue(art, "said")
    assert [text[s:e] for s, e in quote.parts] == ["The reform is a mistake", "It will cost the poorest most."]
    assert art.to_dict()["quotes"][0]["parts"] == quote.parts


def test_aside_after_object_is_not_content(nlp):
    """A relative clause or apposition set off by a comma is the writer's, not the speaker's."""
    art = run(nlp, "Senator Ruth Okafor praised the harbour plan, which the council will vote on in May.")
    q = by_cue(art, "praised")
    assert q.text == "the harbour plan"
    art = run(nlp, "Mayor Lena Brandt endorsed the new tram line, the third in a decade.")
    q = by_cue(art, "endorsed")
    assert q.text == "the new tram line"


def test_cue_beyond_a_long_speaker_description(nlp):
    """The speech verb sits far after the closing mark when the speaker is described at length;
    the quote still resumes after the cue clause."""
    art = run(nlp, "''The levy has the virtue of being simple,'' Ann Ruiz, director of the Harbour Policy Institute "
                   "and a lecturer at the state university, said of the mayor's plan. ''It does not make the deficit worse.''")
    q = only(art)
    assert q.cue.text == "said" and q.speaker.name == "Ann Ruiz"
    assert q.text.startswith("The levy has") and q.text.endswith("deficit worse.")
    assert q.parts is not None and len(q.parts) == 2


def test_clause_after_a_quote_is_no_speaker_of_it(nlp):
    """ "X." They reflected "Y," the minister said: the cue of the second sentence is not the first
    quote's, whose own cue came before it."""
    art = run(nlp, 'At the same talks, Dorn continued, "several clauses were written into the draft in the light of '
                   'the new tariffs." They reflected "the need for both ports to act together," the trade minister said.')
    assert by_cue(art, "continued").text.startswith("several clauses")
    assert by_cue(art, "said").text.startswith("They reflected")


def test_addressee_is_never_content(nlp):
    """ "told reporters that…": whom the words were for is the addressee, the clause is the content."""
    q = only(run(nlp, "Trade Minister Pavel Dorn told reporters that the talks would resume next week."))
    assert q.text == "that the talks would resume next week"
    assert q.addressee == "reporters"
    q = only(run(nlp, "Mayor Lena Brandt told a news conference on Monday that fares would fall in June."))
    assert q.text == "that fares would fall in June"
    q = only(run(nlp, "Dorn called the plan a disgrace."))
    assert q.text == "the plan a disgrace"


def test_what_is_expected_does_not_speak(nlp):
    """ "The vote is expected to be close": the passive's subject is no speaker; a speaker heard
    or quoted in the passive still is."""
    assert run(nlp, "The vote in the council is expected to be close.").quotes == []
    assert run(nlp, "Prices are expected to rise further.").quotes == []
    assert run(nlp, "The talks suggest that a deal is near.").quotes == []
    q = only(run(nlp, "The study suggests that the levy has failed."))
    assert q.speaker.text == "The study"  # a study, a poll, an ad speaks; a vote or a price does not


def test_headline_label_speaks(nlp):
    """A headline opened by a one-word label ("Survey: …") attributes the rest to it."""
    art = run(nlp, "Survey: Voters Back the Harbour Tram by Two to One.\n\nA majority of residents support the line.")
    q = by_cue(art, ":")
    assert q.speaker.text == "Survey" and q.text.startswith("Voters Back")


def test_learnt_cue_inventory():
    """Cues learnt from the training split's counts: outside the hand lexicon, seen often enough,
    mostly attributions when the content is an object (else an act: "approved the plan")."""
    from dateline.quotes.lexicon import QuoteLexicon

    lex = QuoteLexicon({"say": "speech"}, {("tout", "dobj"): (6, 10), ("approve", "dobj"): (4, 13),
                                           ("hope", "xcomp"): (26, 42), ("say", "ccomp"): (90, 100),
                                           ("plant", "dobj"): (2, 3), ("seek", "xcomp"): (40, 114)})
    assert lex.learnt_cues() == frozenset({("tout", "dobj"), ("hope", "xcomp"), ("seek", "xcomp")})


def test_object_and_what_is_said_of_it(nlp):
    """ "described the deal as a betrayal": the object and the phrase that says something of it."""
    assert only(run(nlp, "Ruiz described the deal as a betrayal of the workers.")).text == "the deal as a betrayal of the workers"
    assert only(run(nlp, "The mayor likened the levy to a tax on the poor.")).text == "the levy to a tax on the poor"


def test_passive_agent_speaks(nlp):
    """ "The plan has been endorsed by the unions": the by-agent speaks, the subject is what was
    said or backed; a passive of an act, or of telling someone, is no statement of its subject."""
    q = only(run(nlp, "The harbour plan has been endorsed by the city's three largest unions."))
    assert q.cue.text == "endorsed" and q.text == "The harbour plan"
    assert q.speaker.text == "the city's three largest unions"
    q = only(run(nlp, "The claim was denied by the ministry on Tuesday."))
    assert q.text == "The claim" and q.speaker.text == "the ministry"
    q = only(run(nlp, "That the tariffs would be lifted was confirmed by Trade Minister Pavel Dorn."))
    assert q.text == "That the tariffs would be lifted" and q.speaker.name == "Pavel Dorn"
    assert run(nlp, "The bridge was built by a Danish firm in 1998.").quotes == []


def test_according_to_in_its_spellings(nlp):
    """ "according to X" first, last or inside the sentence; a message names its author; the one
    it is according to is the speaker, never an addressee."""
    q = only(run(nlp, "The ferry strike will end on Friday, according to the union."))
    assert q.text == "The ferry strike will end on Friday" and q.speaker.text == "the union"
    assert q.addressee is None
    q = only(run(nlp, "According to a statement from the port authority, the ferries will run again on Monday."))
    assert q.speaker.text == "the port authority" and q.text.startswith("the ferries will run")
    q = only(run(nlp, "The levy, according to Ruiz, has failed."))
    assert q.text == "The levy, according to Ruiz, has failed." and q.speaker.text == "Ruiz"
    q = only(run(nlp, "Fares will rise in June, according to the mayor's spokesman."))
    assert q.speaker.text == "the mayor's spokesman"
