"""``dateline.words``: a Word reads as the spaCy Token it stands for."""

from dateline.words import release, sentence_root, sentence_start, words_of

ATTRS = ("i", "idx", "text", "lower_", "lemma_", "pos_", "tag_", "dep_", "ent_type_", "is_punct")
WALKS = ("children", "lefts", "rights", "subtree", "conjuncts", "ancestors")


def test_words_read_as_tokens(nlp):
    doc = nlp("The envoys of Ruritania and Xland met on Tuesday in Zenk, and both sides agreed to resume "
              "talks. Officials said the ceasefire would hold.")
    words = words_of(doc)
    assert len(words) == len(doc)
    for tok, word in zip(doc, words, strict=True):
        assert [getattr(word, a) for a in ATTRS] == [getattr(tok, a) for a in ATTRS]
        assert (word.head.i, word.left_edge.i, word.right_edge.i) == (tok.head.i, tok.left_edge.i, tok.right_edge.i)
        for walk in WALKS:
            assert [w.i for w in getattr(word, walk)] == [t.i for t in getattr(tok, walk)], walk
        assert word == tok and hash(word) == hash(tok) and word.sent == tok.sent


def test_words_are_made_once_per_doc_until_released(nlp):
    doc = nlp("Troops crossed the border.")
    assert words_of(doc) is words_of(doc)
    assert words_of(doc)[1].head is words_of(doc)[1]
    first = words_of(doc)
    release(doc)
    assert words_of(doc) is not first


def test_sentence_start_and_root_as_spacy_finds_them(nlp):
    doc = nlp("Talks resumed. The envoy, who arrived late, said both sides would meet again in Zenk.")
    for tok in doc:
        assert sentence_start(doc, tok.i) == tok.sent.start
        assert sentence_root(doc, tok.i).i == tok.sent.root.i
