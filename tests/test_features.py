"""The featurizers' fast paths give exactly what the plain implementations give."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import TfidfVectorizer

from stancekit._features import AffixAnalyzer, CueLexiconFeatures, StanceFeaturizer, TargetSignalFeatures, _tfidf_transform
from stancekit._vectors import _WORD, _PhraseMatcher, _pieces, _word_starts, as_inputs

DOCS = [
    "Moscow welcomed the draft treaty; Warsaw's envoy didn't.",
    "“We are open to talks,” the minister said, “as long as the OSCE agrees.”",
    "Kazakhstan’s chairmanship drew praise and doubt in equal measure.",
    "The treaty, the treaty and the treaty again: it was all anyone discussed.",
    "Élodie Martin, a French diplomat, called the plan premature.",
    "",
    "   ",
    "Numbers 2010 and 55 count as words; so do n't and o’clock.",
]

VECTORIZERS = {
    "word 1-2": TfidfVectorizer(ngram_range=(1, 2), token_pattern=r"(?u)\b\w[\w'’]*\b", sublinear_tf=True),
    "word 1-3": TfidfVectorizer(ngram_range=(1, 3), token_pattern=r"(?u)\b\w[\w'’]*\b", sublinear_tf=True),
    "word 2-3": TfidfVectorizer(ngram_range=(2, 3)),
    "default": TfidfVectorizer(),
    "max_df: n-gram words that are not unigram terms": TfidfVectorizer(ngram_range=(1, 2), max_df=0.2),
    "max_features 7": TfidfVectorizer(ngram_range=(1, 3), max_features=7),
    "no sublinear, l1": TfidfVectorizer(norm="l1"),
    "no norm": TfidfVectorizer(norm=None, sublinear_tf=True),
    "affix": TfidfVectorizer(analyzer=AffixAnalyzer((4, 6)), sublinear_tf=True),
    "char_wb (handed to scikit-learn)": TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4)),
    "uppercase kept (handed to scikit-learn)": TfidfVectorizer(lowercase=False),
    "binary (handed to scikit-learn)": TfidfVectorizer(binary=True),
    "float32 (handed to scikit-learn)": TfidfVectorizer(dtype=np.float32),
}


def assert_same_matrix(a, b):
    a, b = a.tocsr(), b.tocsr()
    a.sort_indices()
    b.sort_indices()
    assert a.shape == b.shape
    assert np.array_equal(a.indptr, b.indptr) and np.array_equal(a.indices, b.indices)
    assert np.array_equal(a.data, b.data)


@pytest.mark.parametrize("name", sorted(VECTORIZERS))
def test_fast_tfidf_equals_scikit_learn(name):
    from sklearn.base import clone

    vec = clone(VECTORIZERS[name]).fit(DOCS)
    other = DOCS[::-1] + ["An unseen text with treaty and unknown words.", "the the the"]
    assert_same_matrix(_tfidf_transform(vec, other), vec.transform(other))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("ab c’'-.É\n2")), max_size=40), min_size=1, max_size=8))
def test_fast_tfidf_equals_scikit_learn_on_any_text(docs):
    for name in ("word 1-3", "word 2-3", "affix"):
        vec = TfidfVectorizer(**{**VECTORIZERS[name].get_params(), "min_df": 1})
        try:
            vec.fit(DOCS + docs)
        except ValueError:
            continue
        assert_same_matrix(_tfidf_transform(vec, docs), vec.transform(docs))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("an't’'\"“” .,É2")), max_size=60))
def test_word_starts_equal_finditer(text):
    low = text.lower()
    assert _word_starts(low, _WORD.findall(low)) == [m.start() for m in _WORD.finditer(low)]


def test_featurizer_transform_is_the_same_through_the_shared_cache():
    f = StanceFeaturizer(phrases=("treaty",), affix_lengths=(4, 6), actor_weight=1.0, context_weight=0.5,
                         min_df=1).fit(DOCS)
    items = [{"text": d, "actor": "Someone", "context": "The treaty came first."} for d in DOCS]
    assert_same_matrix(f.transform(items), f._transform(as_inputs(items), {}))


@pytest.mark.parametrize("text,endorse,hedge,conditional", [
    ("They look forward to talks.", 1, 0, 0),                # multi-word endorsing cue
    ("They look\nforward to talks.", 1, 0, 0),              # any space between the words
    ("It remains to be seen.", 0, 1, 0),
    ("We are open to talks.", 0, 1, 0),
    ("As long as it holds, fine.", 0, 0, 1),
    ("He stood there at the same time.", 0, 0, 1),
    ("A reopen to talks.", 0, 0, 0),                          # not a cue inside another word
    ("They look ahead.", 0, 0, 0),                            # only part of the phrase
])
def test_multi_word_cues(text, endorse, hedge, conditional):
    f = CueLexiconFeatures().fit([text])
    row = dict(zip(f.get_feature_names_out(), f.transform([text]).toarray()[0]))
    assert (row["endorse_frame"] > 0) == bool(endorse)
    assert (row["hedge"] > 0) == bool(hedge)
    assert (row["conditional"] > 0) == bool(conditional)


def test_target_context_counts_reused_from_previous_statements_equal_a_fresh_search():
    f = TargetSignalFeatures(phrases=("security treaty", "treaty", "osce"), anaphora=("it",)).fit(["x"])
    texts = ["Moscow proposed a security treaty.", "Nobody else did.", "It has support, said the OSCE.",
             "The treaty is back.", "It is."]
    chained = []
    for i, t in enumerate(texts):
        ctx = " ".join(texts[max(0, i - 2) : i])
        chained.append({"text": t, "context": ctx})
    fresh = [dict(d, context=d["context"] + "") for d in chained]
    a = f.transform(chained)  # contexts equal the previous statements: counts reused
    # The same contexts seen one at a time are searched afresh.
    b = np.vstack([f.transform([d]).toarray() for d in fresh])
    assert np.array_equal(a.toarray(), b)
    names = list(f.get_feature_names_out())
    assert a.toarray()[4, names.index("anaphor_with_context")] == 1.0


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["treaty", "security treaty", "the", " ", "osce", "osce chair", "chair", "-", "’s",
                                 "x", "\n", "security", "euro-atlantic"]), max_size=30).map("".join))
def test_phrase_trie_matches_what_the_longest_first_alternation_matches(text):
    import re

    from stancekit._vectors import _trie_pattern

    phrases = ["treaty", "security treaty", "osce", "osce chair", "chair", "the chair", "euro-atlantic security",
               "kazakhstan’s chair", "est", "e"]
    old = re.compile(r"(?<![\w])(?:" + "|".join(sorted(map(re.escape, phrases), key=len, reverse=True)) + r")(?![\w])")
    new = re.compile(r"(?<![\w])" + _trie_pattern(phrases) + r"(?![\w])")
    assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["it", "its", "that", "the draft", "this", " ", "x", "_", "é", "-", "(", "t",
                                 "astana", "\n", "it’s", "th", "the"]), max_size=30).map("".join))
def test_whole_word_trie_matches_what_the_look_behind_first_pattern_matches(text):
    """The anaphora pattern with each first character before its look-behind finds the same
    matches as the same trie behind one look-behind (including phrases that open with a character
    that is not a word character, and one of one character)."""
    import re

    from stancekit._vectors import _trie_pattern, _whole_word_trie_pattern

    for phrases in (["it", "that", "the draft", "the document", "this", "its chairmanship", "astana"],
                    ["t", "(the plan)", "-x", "it"], ["this"]):
        old = re.compile(r"(?<![\w])" + _trie_pattern(phrases) + r"(?![\w])")
        new = re.compile(_whole_word_trie_pattern(phrases))
        assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]
        assert [m.span() for m in new.finditer(text, 1)] == [m.span() for m in old.finditer(text, 1)]


@pytest.mark.parametrize("text", ["t" * 200_000, "it" * 100_000, "th" * 100_000 + "!", "the " * 50_000,
                                  "xit " * 50_000, "_" * 200_000])
def test_whole_word_trie_on_pathological_input(text):
    """No catastrophic backtracking: a trie reads each character once from each start."""
    import re

    from stancekit._vectors import _whole_word_trie_pattern

    pat = re.compile(_whole_word_trie_pattern(["it", "that", "the draft", "the document", "this", "t"]))
    list(pat.finditer(text))  # a backtracking pattern would hang here


PHRASES = ("treaty", "security treaty", "european security treaty", "euro-atlantic security treaty", "osce",
           "osce chair", "the chair", "chairmanship", "kazakhstan", "kazakhstan's chair", "kazakhstan’s chair",
           "vancouver to vladivostok", "est")


def _matches(phrases, text):
    f = TargetSignalFeatures(phrases=phrases).fit(["x"])
    row = f.transform([text]).tocsr()
    names = list(f.get_feature_names_out())
    found = [names[j].removeprefix("phrase=") for j in row.indices if names[j].startswith("phrase=")]
    return sorted(found), int(round(np.expm1(row.toarray()[0, names.index("target_hits")])))


@pytest.mark.parametrize("text,found,hits", [
    ("The security treaty was signed.", ["security treaty"], 1),
    ("A European Security Treaty draft.", ["european security treaty"], 1),     # the longest at one place
    ("The Euro-Atlantic security treaty.", ["euro-atlantic security treaty"], 1),
    ("The Euro Atlantic security treaty.", ["euro-atlantic security treaty"], 1),  # a space for the hyphen
    ("A security\ntreaty, then a treaty.", ["security treaty", "treaty"], 2),   # any spacing
    ("Kazakhstan's chair spoke.", ["kazakhstan's chair"], 1),
    ("Kazakhstan’s chair spoke.", ["kazakhstan’s chair"], 1),                    # each apostrophe its own
    ("Kazakhstan's economy grew.", ["kazakhstan"], 1),                         # the name in a possessive
    ("Kazakhstani officials and Kazakhstans.", [], 0),                         # never inside a longer word
    ("The chairmanship began.", ["chairmanship"], 1),                          # "the chair" is not there
    ("The chair: the OSCE chair.", ["osce chair", "the chair"], 2),
    ("Treaty, treaty, treaty.", ["treaty"], 3),                                # an indicator; hits count all
    ("From Vancouver to Vladivostok.", ["vancouver to vladivostok"], 1),
    ("The EST and the Estonian test.", ["est"], 1),
    ("", [], 0),
])
def test_target_phrase_matches(text, found, hits):
    assert _matches(PHRASES, text) == (found, hits)


@pytest.mark.parametrize("phrases,text,hits", [
    (("est",), "El tratado está listo.", 0),        # regression: "est" matched in "está"
    (("est",), "Estéril debate.", 0),
    (("est",), "The EST was proposed.", 1),
    (("türkiye",), "Türkiye welcomed it.", 1),       # a word with a letter outside ASCII
    (("türkiye",), "Tärkiye welcomed it.", 0),
    (("договор",), "Договор о безопасности.", 1),   # another script
    (("osce chair",), "The osce_chair said so.", 0),  # an underscore joins words
    (("osce chair",), "The OSCE chair, naïvely, said so.", 1),
])
def test_target_phrases_are_whole_words_in_any_script(phrases, text, hits):
    f = TargetSignalFeatures(phrases=phrases).fit(["x"])
    names = list(f.get_feature_names_out())
    assert np.expm1(f.transform([text]).toarray()[0, names.index("target_hits")]).round() == hits


def test_target_phrase_without_words_is_refused():
    with pytest.raises(ValueError, match=r"target phrase '!!!' has no words"):
        TargetSignalFeatures(phrases=("treaty", "!!!")).fit(["x"])


def _plain_phrase_matches(phrases, text):
    """Phrase matches by the rules as written: word pieces, from the left, the longest at each place."""
    pieces = [x for t in _WORD.findall(text.lower()) for x in _pieces(t)]
    seqs = [[x for t in _WORD.findall(p.lower()) for x in _pieces(t)] for p in phrases]
    out, i = [], 0
    while i < len(pieces):
        best = None
        for col, seq in enumerate(seqs):
            if seq and pieces[i : i + len(seq)] == seq and (best is None or len(seq) > len(seqs[best])):
                best = col
        if best is None:
            i += 1
        else:
            out.append(best)
            i += len(seqs[best])
    return sorted(out)


_PHRASE_PIECES = ["treaty", "security", "european", "osce", "chair", "the", "kazakhstan", "kazakhstan's", "’s", "-",
                  "euro", "atlantic", "x", " ", " ", "\n", ", ", "'", "vancouver to vladivostok", "est", "Est", "2010"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PHRASE_PIECES), max_size=25).map("".join), min_size=1, max_size=6),
       st.lists(st.lists(st.sampled_from(_PHRASE_PIECES[:14]), min_size=1, max_size=4).map(" ".join),
                min_size=1, max_size=6))
def test_phrase_matcher_equals_the_rules_applied_text_by_text(texts, extra):
    phrases = list(dict.fromkeys(PHRASES + tuple(extra)))
    words = [_WORD.findall(t.lower()) for t in texts]
    first = _PhraseMatcher(PHRASES)
    before = first.find(words)
    m = _PhraseMatcher(phrases)  # new pieces: the token memo is rebuilt; the first matcher still works
    assert [np.array_equal(a, b) for a, b in zip(before, first.find(words))] == [True, True]
    rows, cols = m.find(words)
    got = [sorted(c for r, c in zip(rows.tolist(), cols.tolist()) if r == i) for i in range(len(texts))]
    seen = {}
    for col, p in enumerate(phrases):  # phrases with the same pieces are one: the first gets the matches
        key = tuple(x for t in _WORD.findall(p.lower()) for x in _pieces(t))
        seen.setdefault(key, col)
    firsts = sorted(set(seen.values()))
    want = [sorted(firsts[c] for c in _plain_phrase_matches([phrases[j] for j in firsts], t)) for t in texts]
    assert got == want


def test_phrase_matcher_pickled_to_another_process_matches_the_same():
    """Regression: piece ids are per process, so a pickled matcher (Dask ships scorers to its workers)
    matched other phrases in a process that had seen other phrases first."""
    import pickle
    import subprocess
    import sys

    m = _PhraseMatcher(PHRASES)
    words = [_WORD.findall(t.lower()) for t in ("The European Security Treaty and Kazakhstan's chair.", "The OSCE.")]
    want = [a.tolist() for a in m.find(words)]
    code = ("import pickle, sys; from stancekit._vectors import _PhraseMatcher; "
            "_PhraseMatcher(('zebra crossing', 'osce', 'aardvark')); "
            "m, words = pickle.loads(sys.stdin.buffer.read()); print([a.tolist() for a in m.find(words)])")
    out = subprocess.run([sys.executable, "-c", code], input=pickle.dumps((m, words)), capture_output=True, check=True)
    assert out.stdout.decode().strip() == str(want)


def _plain_cue_rows(f, texts):
    """The cue counts by the rules as written: token by token, one statement at a time."""
    from stancekit._vectors import (_CLASS_BITS, _NEGATOR, _PHRASE_ANCHOR, CUE_CLASSES, _code, _cue_sets,
                                     _phrase_at, _phrases_at, _quoted_mask)
    dirs = ()
    sets, neg = _cue_sets(dirs)
    classes = [sets[c] for c in CUE_CLASSES]
    rows = []
    for text in texts:
        low = text.lower()
        toks = _WORD.findall(low)
        starts = [m.start() for m in _WORD.finditer(low)]
        spans = _quoted_mask(text)

        def inside(i):
            return any(s0 <= starts[i] < e0 for s0, e0 in spans)

        counts = [[0, 0, 0, 0] for _ in CUE_CLASSES]
        neg_until = -1
        for i, tok in enumerate(toks):
            code = _code(tok, classes, neg, dirs)
            if code & _CLASS_BITS:
                slot = (0 if inside(i) else 2) + (1 if i <= neg_until else 0)
                for k in range(len(CUE_CLASSES)):
                    if code >> k & 1:
                        counts[k][slot] += 1
            if code & _PHRASE_ANCHOR:
                for k, ph, a in _phrases_at(tok, dirs):
                    if _phrase_at(toks, i - a, ph):
                        counts[k][0 if inside(i - a) else 2] += 1
            if code & _NEGATOR:
                neg_until = i + f.negation_window
        e, d = counts[0], counts[1]
        rows.append([e[0], e[1], e[2], e[3], d[0], d[1], d[2], d[3], e[0] + e[2] + d[1] + d[3],
                     d[0] + d[2] + e[1] + e[3], sum(counts[2]), sum(counts[3])])
    return np.log1p(np.array(rows, dtype=np.float64))


_CUE_PIECES = ["welcomed", "doubts", "not", "never", "didn't", "maybe", "but", "as long as", "look forward to",
               "remains to be seen", "the plan", "it", " ", " ", ", ", ". ", "“", "”", '"', "'", "‘", "’s", "\n\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_CUE_PIECES), max_size=20).map(" ".join), min_size=1, max_size=5),
       st.integers(0, 4))
def test_cue_counts_equal_the_rules_applied_token_by_token(texts, window):
    f = CueLexiconFeatures(negation_window=window).fit(["x"])
    np.testing.assert_array_equal(f.transform(texts).toarray(), _plain_cue_rows(f, texts))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1 _.,\n\"“”«»‘’'")), max_size=30))
def test_may_quote_is_false_only_where_there_is_no_quotation(text):
    from stancekit._vectors import _may_quote, _quoted_mask

    if not _may_quote(text):
        assert _quoted_mask(text) == []


def test_featurizer_follows_set_params_after_fit():
    """Regression: the transform plan is built once per fit; parameters changed afterwards must count."""
    texts = ["They did not welcome the treaty.", "Moscow welcomed the plan.", "The treaty was not welcomed."]
    f = StanceFeaturizer(phrases=("treaty",), min_df=1).fit(texts)
    before = f.transform(texts).toarray()
    f.set_params(interaction_weight=0.0)
    assert f.transform(texts).shape[1] == before.shape[1] - 4
    f.set_params(interaction_weight=1.0)
    f.cues_.set_params(negation_window=0)  # "not welcome": no longer negated
    assert not np.array_equal(f.transform(texts).toarray(), before)
    f.cues_.set_params(negation_window=3)
    np.testing.assert_array_equal(f.transform(texts).toarray(), before)


def test_featurizer_follows_its_parts_refit_in_place():
    """Regression: the cached plan kept the phrases and vocabulary of the first fit."""
    texts = ["The treaty is back.", "Astana hosts the summit.", "Nothing here."]
    f = StanceFeaturizer(phrases=("treaty",), min_df=1).fit(texts)
    f.target_.set_params(phrases=("astana",)).fit(texts)
    names = list(f.get_feature_names_out())
    cols = [k for k, n in enumerate(names) if n.startswith("target:")]
    np.testing.assert_array_equal(f.transform(texts).toarray()[:, cols], f.target_.transform(texts).toarray())
    f.word_.fit(["only two words"])
    assert f.transform(texts).shape[1] == len(f.get_feature_names_out())


def test_featurizer_with_a_scikit_learn_block_is_freed():
    """Regression: a cache held each character n-gram vectorizer forever."""
    import gc
    import weakref

    f = StanceFeaturizer(phrases=("treaty",), char_ngram_range=(2, 3), min_df=1).fit(["The treaty.", "A plan."])
    f.transform(["The treaty."])
    ref = weakref.ref(f.char_)
    del f
    gc.collect()
    assert ref() is None


# -- document context: the statements around one, the same actor's other statements ----------------

def _doc(*rows, doc="d"):
    """Featurizer inputs of one document: (text, actor) pairs."""
    from stancekit._vectors import StatementInput
    return [StatementInput(text, "", "indirect" if actor else "narrative", actor, doc) for text, actor in rows]


def test_document_features_read_the_statements_around_and_the_same_actor():
    from stancekit._vectors import DOC_FEATURES, doc_rows
    items = _doc(("The treaty was tabled.", ""), ("Ann Lee said it was weak.", "Ann Lee"),
                 ("Bo Ek said nothing.", "Bo Ek"), ("Ann Lee said the treaty fails.", "Ann Lee"))
    hits = np.array([1.0, 0.0, 0.0, 1.0])
    pos = np.zeros(4)
    neg = np.array([0.0, 1.0, 0.0, 2.0])
    m = dict(zip(DOC_FEATURES, doc_rows(items, hits, pos, neg).T))
    np.testing.assert_allclose(m["doc:prev_hits"], np.log1p([0, 1, 1, 1]))
    np.testing.assert_allclose(m["doc:next_hits"], np.log1p([0, 1, 1, 0]))
    np.testing.assert_allclose(m["doc:share"], [1 / 3, 2 / 3, 2 / 3, 1 / 3])
    # Ann Lee's other statement names the target (and doubts it, with polarity 2); Bo Ek has none.
    np.testing.assert_allclose(m["doc:actor_hits"], np.log1p([0, 1, 0, 0]))
    np.testing.assert_allclose(m["doc:actor_neg"], np.log1p([0, 2, 0, 0]))
    np.testing.assert_allclose(m["doc:prev_neg"], [0, 0, 0, 0])  # the statement before names no target


def test_document_features_stop_at_the_document_and_need_one():
    from stancekit._vectors import doc_rows
    a = _doc(("The treaty.", "X"), ("More.", "X"), doc="a")
    b = _doc(("Nothing here.", "X"), doc="b")
    none = _doc(("The treaty.", "X"), ("More.", "X"), doc="")
    rows = doc_rows(a + b + none, np.array([1.0, 0, 0, 1, 0]), np.zeros(5), np.zeros(5))
    assert rows[2].sum() == 0  # alone in its document: no context
    assert not rows[3:].any()  # no document id: no context
    assert rows[1].any()


def test_document_focus_says_whether_the_document_names_the_target_at_all():
    """doc_focus (#14): a document that never names the target (US election news and the treaty) is
    told apart from one that names it in another statement; a statement alone or without a
    document gets zeros."""
    from stancekit._vectors import FOCUS_FEATURES, DocSignals, _DocLayout
    items = (_doc(("The treaty was tabled.", ""), ("Critics said it was weak.", "Critics"), doc="a")
             + _doc(("The senator won.", ""), ("Voters said it was great.", "Voters"), doc="b")
             + _doc(("Alone.", ""), doc="c") + _doc(("No document.", ""), ("Nor this.", ""), doc=""))
    hits = np.array([1.0, 0, 0, 0, 0, 0, 0])
    sig = DocSignals(_DocLayout(items), hits, np.zeros(7), np.zeros(7))
    m = dict(zip(FOCUS_FEATURES, sig.focus_rows(0, 7).T))
    assert m["doc:named_nowhere"].tolist() == [0, 0, 1, 1, 0, 0, 0]
    np.testing.assert_allclose(m["doc:named_count"], np.log1p([1, 1, 0, 0, 0, 0, 0]))
    np.testing.assert_array_equal(sig.focus_rows(3, 5), sig.focus_rows(0, 7)[3:5])  # any block of rows


def test_articles_own_voice_is_one_actor_of_its_document_with_author_actor():
    from stancekit._vectors import DOC_FEATURES, doc_rows, stack_names, stack_rows, _DocLayout
    items = _doc(("The treaty is a bad idea.", ""), ("Ann Lee said it was fine.", "Ann Lee"),
                 ("Nobody should sign the treaty.", ""), ("A third voice.", ""), doc="a") + _doc(("Alone.", ""), doc="b")
    hits = np.array([1.0, 0, 1, 0, 0])
    pos = np.zeros(5)
    neg = np.array([1.0, 0, 2, 0, 0])
    off = dict(zip(DOC_FEATURES, doc_rows(items, hits, pos, neg).T))
    on = dict(zip(DOC_FEATURES, doc_rows(items, hits, pos, neg, layout=_DocLayout(items, author_actor=True)).T))
    np.testing.assert_allclose(off["doc:actor_hits"], 0)  # the article's own voice has no actor
    np.testing.assert_allclose(on["doc:actor_hits"], np.log1p([1, 0, 1, 2, 0]))  # its other statements in its voice
    np.testing.assert_allclose(on["doc:actor_neg"], np.log1p([2, 0, 1, 3, 0]))
    assert on["doc:share"].tolist() == off["doc:share"].tolist()  # the rest is as it was
    p = np.array([[0.1, 0.8, 0.1], [0.7, 0.1, 0.2], [0.3, 0.6, 0.1], [0.2, 0.2, 0.6], [0.5, 0.5, 0.0]])
    got = dict(zip(stack_names(["t"]), np.array(stack_rows(items, [p], author_actor=True)).T))
    np.testing.assert_allclose(got["stack:actor:t:questioning"], [0.4, 0.0, 0.5, 0.7, 0.0])
    assert not np.array(stack_rows(items, [p]))[:, 0].any()


def test_stack_rows_average_a_first_models_view_of_the_document():
    from stancekit._vectors import stack_names, stack_rows
    items = _doc(("a", "X"), ("b", "Y"), ("c", "X"))
    p = np.array([[0.8, 0.1, 0.1], [0.2, 0.6, 0.2], [0.4, 0.3, 0.3]])
    rows = np.array(stack_rows(items, [p]))
    names = stack_names(["t"])
    assert len(names) == rows.shape[1] == 10
    got = dict(zip(names, rows.T))
    np.testing.assert_allclose(got["stack:actor:t:supporting"], [0.4, 0.0, 0.8])
    np.testing.assert_allclose(got["stack:prev:t:questioning"], [0.0, 0.1, 0.6])
    np.testing.assert_allclose(got["stack:next:t:questioning"], [0.6, 0.3, 0.0])
    np.testing.assert_allclose(got["stack:doc:t:supporting"], [0.3, 0.6, 0.5])
    np.testing.assert_allclose(got["stack:self:t:supporting"], [0.8, 0.2, 0.4])


@pytest.mark.parametrize("text,pos,neg", [
    ("We welcome the draft, but it is flawed and dangerous.", 0, 2),
    ("Some call it flawed; however, we welcome it.", 1, 0),
    ("We welcome the draft.", 0, 0),  # no contrast word
    ("It is flawed, but", 0, 0),  # nothing after it
])
def test_contrast_reads_the_clause_after_the_last_contrast_word(text, pos, neg):
    from stancekit._vectors import _WORD, CueBlock, StatementInput, contrast_rows
    low = text.lower()
    got = contrast_rows([StatementInput(text)], [low], [_WORD.findall(low)], CueBlock(3, ()))
    np.testing.assert_allclose(got[0], np.log1p([pos, neg]))


@pytest.mark.parametrize("name,role", [
    ("Sergei Lavrov", "ROLEPERSON"), ("Russia", "ROLESTATE"), ("the Kremlin", "ROLESTATE"),
    ("Western diplomats", "ROLEGROUP"), ("Human Rights Watch", "ROLEBODY"), ("Kazakh Foreign Ministry", "ROLEBODY"),
    ("NATO", "ROLEBODY"), ("", "NOACTOR"), ("   ", "NOACTOR"),
])
def test_actor_role_names_the_kind_of_source_never_the_source(name, role):
    from stancekit._vectors import actor_role
    assert actor_role(name) == role


@pytest.mark.parametrize("name,words,shown", [
    ("w:welcomed", ["they", "welcomed", "it"], "welcomed"),
    ("w:new treaty", ["a", "new", "treaty"], "new treaty"),
    ("a:criti~", ["the", "critics", "spoke"], "critics"),
    ("a:criti~", ["nothing"], "criti…"),
    ("cue:doubt_quote_negated", [], "cue: negated doubting (quoted)"),
    ("cue:endorse_frame", [], "cue: endorsing"),
    ("target:phrase=osce", [], "target phrase: osce"),
    ("kind=direct", [], "kind: direct"),
    ("x:neg*target", [], "doubting cue with the target"),
    ("doc:actor_neg", [], "same actor doubts the target elsewhere"),
    ("stack:actor:treaty:questioning", [], "same actor's other statements: questioning treaty"),
    ("doc:contrast_neg", [], "doubting cue after 'but'"),
])
def test_evidence_labels(name, words, shown):
    from stancekit._vectors import evidence_label
    assert evidence_label(name, words) == shown


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["a", "n", "t", "K", "\u212a", "İ", "é", "1", "_", "-", " ", ".", "'", "’", "‘", '"',
                                 "“", "”", "«", "»", "don't", "x’y", "n't"]), max_size=40).map("".join))
def test_quoted_token_ranges_equal_the_tokens_offsets(text):
    """The quoted tokens found by counting tokens between the quotations' ends (no offset per
    token) are those whose offset lies inside a quotation; the Kelvin sign and "İ" change
    length when lowercased."""
    from stancekit._vectors import _quoted_mask, _quoted_token_ranges

    low = text.lower()
    toks = _WORD.findall(low)
    starts = [m.start() for m in _WORD.finditer(low)]
    spans = _quoted_mask(text)
    ranges = _quoted_token_ranges(text, low, toks)
    assert [any(a <= i < b for a, b in ranges) for i in range(len(toks))] == \
        [any(s0 <= s < e0 for s0, e0 in spans) for s in starts]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["treaty", "treat", "treatment", "chairmanship", "chair", "osce", "a",
                                          "deterioration", "x"]), max_size=12), max_size=6))
def test_affix_counts_packed_equal_each_words_terms(words):
    """With two prefix lengths or fewer, a word's columns are packed in one integer: the same
    rows and columns, in the same order, as each word's terms listed one by one."""
    from stancekit._vectors import TfidfBlock, affix_terms

    terms = ["trea~", "treaty~", "chai~", "chairm~", "dete~", "deteri~"]
    for lengths in ((4,), (4, 6), (4, 6, 8)):
        block = TfidfBlock(terms, np.ones(len(terms)), sublinear=True, norm="l2", affix_lengths=lengths)
        rows, cols = block._affix_counts(words)
        want = [(r, block.vocabulary[t]) for r, ws in enumerate(words) for w in ws for t in affix_terms(w, lengths)
                if t in block.vocabulary]
        assert list(zip(rows.tolist(), cols.tolist())) == want


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("ab _é’'-2")), max_size=12), max_size=5))
def test_phrase_words_recut_exactly_the_texts_with_another_word_character(texts):
    from stancekit._vectors import _OTHER_WORD_CHAR, _PWORD, _phrase_words

    lows = [t.lower() for t in texts]
    words = [_WORD.findall(low) for low in lows]
    assert _phrase_words(words, lows) == [_PWORD.findall(low) if _OTHER_WORD_CHAR.search(low) else ws
                                          for ws, low in zip(words, lows)]
