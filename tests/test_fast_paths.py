"""Speed paths of scoring (issue #13, end-to-end speed): each one must give what the plain path it
stands in for gives, bit for bit. The plain paths stay in the code (they serve other callers,
scikit-learn pipelines and odd inputs), so each pair is compared here on fixture statements."""

from __future__ import annotations

from dataclasses import fields
from itertools import repeat
from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sp

import stancekit
from stancekit import _vectors as V
from stancekit._scorer import in_label_order, load_scoring_model
from stancekit.attribution import _model as AM

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
MODEL = ROOT / "models" / "stancekit-default.joblib"


def _texts(n: int) -> list[tuple[str, str]]:
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((FIXTURES / "dev").glob("*.txt"))[:n]]


@pytest.fixture(scope="module")
def statements() -> list:
    return [s for doc_id, text in _texts(12) for s in stancekit.segment(text, doc_id)]


@pytest.fixture(scope="module")
def scorer():
    return load_scoring_model(MODEL)


def _same_csr(a: sp.csr_matrix, b: sp.csr_matrix) -> bool:
    return (a.shape == b.shape and np.array_equal(a.indptr, b.indptr) and np.array_equal(a.indices, b.indices)
            and np.array_equal(a.data, b.data) and a.data.dtype == b.data.dtype)


def _lows_words(statements) -> tuple[list, list[str], list[list[str]]]:
    items = V.statement_inputs(statements)
    lows = [it.text.lower() for it in items]
    return items, lows, [V._WORD.findall(low) for low in lows]


@pytest.mark.parametrize("table_max", [500_000, 50])
def test_token_table_codes_equal_the_per_block_memos(scorer, statements, table_max, monkeypatch):
    """Cue rows, word and prefix TF-IDF rows and phrase pieces read from the shared token table
    (including a table replaced every 50 tokens) equal those computed from each block's own memo."""
    monkeypatch.setattr(V, "_TABLE_MAX", table_max)
    plan = scorer.plans[scorer.target_ids[0]]
    items, lows, words = _lows_words(statements)
    for a in range(0, len(items), 40):  # several batches, so that the table grows and is replaced
        it, lo, wo = items[a : a + 40], lows[a : a + 40], words[a : a + 40]
        tokens = V._token_index([w for ws in wo for w in ws])
        assert _same_csr(plan.cues.rows(it, lo, wo, tokens), plan.cues.rows(it, lo, wo))
        for block in (plan.word, plan.affix):
            assert _same_csr(block.transform([x.text for x in it], lo, wo, tokens),
                             block.transform([x.text for x in it], lo, wo))
        assert np.array_equal(V._piece_ids(wo, tokens), V._piece_ids(wo))


_CUT_AGAIN = ["Türkiye's envoy praised the OSCE chairmanship in Astana.",
              "Está claro, said Ilse Brandvik: the treaty_draft is the treaty.",
              "kazakhstan’s chairmanship, São Tomé and the European security treaty"]


@pytest.mark.parametrize("where", [0, 17, -1])
def test_piece_ids_of_a_batch_with_texts_cut_again_regression(scorer, statements, where):
    """A batch where a few texts hold a word character outside ASCII (their phrase words are cut
    again by _PWORD, at the start, inside or at the end of the batch): the other texts' piece ids come
    from the token table, the few are looked up, and the whole equals the plain look-ups. (Before,
    one such text, common in news, sent every token of its batch to the look-ups.)"""
    _items, lows, words = _lows_words(statements[:40])
    extra = [t.lower() for t in _CUT_AGAIN]
    at = len(lows) if where < 0 else where
    lows = lows[:at] + extra + lows[at:]
    words = words[:at] + [V._WORD.findall(t) for t in extra] + words[at:]
    pw = V._phrase_words(words, lows)
    assert sum(a is not b for a, b in zip(pw, words)) == len(extra)
    tokens = V._token_index([w for ws in words for w in ws])
    ids = V._piece_ids(pw, tokens, words)
    assert np.array_equal(ids, V._piece_ids(pw))
    assert (ids >= 0).any() and (ids == -2).sum() == len(pw)
    assert np.array_equal(V._piece_ids(pw[:3], V._token_index([w for ws in words[:3] for w in ws]), words[:3]),
                          V._piece_ids(pw[:3]))


def test_target_rows_equal_the_stacked_blocks(scorer, statements):
    """TargetBlock.rows builds its matrix in numpy: the phrase indicators then the other columns,
    the matrix ``hstack([phrases, csr_matrix(rest)])`` gives."""
    items, lows, words = _lows_words(statements)
    for tid in scorer.target_ids:
        block = scorer.plans[tid].target
        got = block.rows(items, lows, words)
        rows, cols = block.matcher.find(V._phrase_words(words, lows))
        phrases = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(items), len(block.phrases)))
        phrases.data[:] = 1.0
        rest = got[:, len(block.phrases):].toarray()
        want = sp.hstack([phrases, sp.csr_matrix(rest)], format="csr")
        assert _same_csr(got, want)


def test_linear_head_reads_blocks_as_the_stacked_matrix(scorer, statements):
    """proba_of_blocks adds each row's products in the stacked matrix's order: bit-equal."""
    items = V.statement_inputs(statements)
    cache: dict = {}
    scorer._stack_into(items, cache, features=True)
    for tid in scorer.target_ids:
        blocks = scorer.plans[tid].transform_blocks(items, cache)
        head = scorer.heads[tid]
        assert np.array_equal(head.proba_of_blocks(blocks, len(items)),
                              head.predict_proba(sp.hstack(blocks, format="csr")))


def test_label_probas_equal_the_features_path(scorer, statements):
    items = V.statement_inputs(statements)
    fast = scorer.label_probas(items)
    feats = scorer.features(items)
    for tid in scorer.target_ids:
        plain = in_label_order(scorer._head_proba(tid, feats[tid]), scorer.heads[tid].classes)
        assert np.array_equal(fast[tid], plain)


def test_segmenter_statements_take_the_one_pass_inputs(statements):
    """statement_inputs of the segmenter's own statements (one pass) equals the general path,
    which a subclass of Statement takes."""

    class Sub(stancekit.Statement):
        pass

    subs = [Sub(**{f.name: getattr(s, f.name) for f in fields(s)}) for s in statements]
    extra = stancekit.segment("Anna Keller said the treaty was dead. She said so twice.", None)
    assert V.statement_inputs(statements + extra) == V.statement_inputs(subs + extra)


def test_attribution_weights_by_position_equal_the_whole_dict(monkeypatch):
    """Every cue and source score the model computes from feature values while segmenting fixture
    articles equals the sum over the whole weight dict of the feature strings (each value after its
    template's prefix), and every value list has a known layout (no fallback)."""
    from stancekit.attribution import _features as AF
    model = AM.resolve_attribution("default")
    if model is None:
        pytest.skip("no shipped attribution model")
    seen = {"cue": 0, "source": 0}
    cue, source = AM.AttributionModel._cue_value_score, AM.AttributionModel._source_value_score

    def check_cue(self, vals):
        got = cue(self, vals)
        assert len(vals) in self._cue_by_pos
        feats = [p + v for p, v in zip(AF.CUE_PREFIXES, vals, strict=True)]
        assert got == self._cb + sum(map(self.cue_weights.get, feats, repeat(0.0))) == self.cue_score(feats)
        seen["cue"] += 1
        return got

    def check_source(self, vals):
        got = source(self, vals)
        assert len(vals) in self._source_by_pos
        feats = [p + v for p, v in zip(AF.source_prefixes(len(vals)), vals, strict=True)]
        assert got == self._sb + sum(map(self.source_weights.get, feats, repeat(0.0))) == self.source_score(feats)
        seen["source"] += 1
        return got

    monkeypatch.setattr(AM.AttributionModel, "_cue_value_score", check_cue)
    monkeypatch.setattr(AM.AttributionModel, "_source_value_score", check_source)
    for doc_id, text in _texts(30):
        stancekit.segment(text, doc_id)
    assert seen["cue"] > 50 and seen["source"] > 50


def test_attribution_feature_values_fall_back_to_the_whole_dict():
    """A value list of a length no layout knows is scored from the whole dict, its values joined to
    their prefixes; a value that only a name alone and a '<template>=' feature could share leaves
    the template's layouts out."""
    model = AM.AttributionModel({"b": 1.0, "w=said": 0.5}, {"b": -1.0}, {
        "format": AM.FORMAT, "cue_bias": 0.0, "source_bias": 0.0, "cue_threshold": 0.0, "source_threshold": 0.0,
        "vocab": ["said"]})
    model._by_pos = ({}, {})
    assert model._cue_value_score(["b", "said"] + ["x"] * 19) == 1.5
    assert model._source_value_score(["b"] + ["x"] * 26) == -1.0
    cue, _ = AM._weights_by_position({"b": 1.0, "b=b": 2.0, "w=b": 3.0}, {})
    assert cue == {}


def test_weights_by_position_leave_out_ambiguous_layouts(monkeypatch):
    """A length at which two feature lists put different templates at one position is scored
    from the whole dict."""
    monkeypatch.setattr(AM, "_sample_features", lambda: ([["b", "w=x"], ["b", "p1=x"], ["b", "w=x", "n1=y"]],
                                                          [["b"]]))
    cue, source = AM._weights_by_position({"b": 1.0, "w=x": 2.0, "p1=x": 3.0, "n1=y": 4.0}, {"b": 0.5})
    assert set(cue) == {3} and [len(d) for d in cue[3]] == [1, 1, 1]
    assert source == {1: [{"b": 0.5}]}


def test_scorer_pickles_after_labelling_regression(scorer, statements):
    """Regression: the token columns (a lambda and a lock, filled by labelling) made the scorer
    unpicklable, and `score --scheduler` could not send it to Dask workers. They are left out of
    the pickle and rebuilt where it is loaded; the copy labels as the original does."""
    import pickle

    import cloudpickle

    want = scorer._best(statements)
    for dumps, loads in ((pickle.dumps, pickle.loads), (cloudpickle.dumps, cloudpickle.loads)):
        assert loads(dumps(scorer))._best(statements) == want


@pytest.mark.parametrize("text", [
    "", "plain ascii words and 1990s", "don't rock'n'roll o' 'quoted' ''x", "it’s a curly ’ apostrophe",
    "café señor naïve", "İstanbul \u212a k", "tab\tnew\nline\x1c\x1dsep", "lone \ud800 surrogate", "a_b-c.d,e",
])
def test_words_split_equals_the_word_pattern(text):
    """V._words (bytes split, the pattern only where an apostrophe is) gives _WORD.findall's tokens."""
    for t in (text, text.lower()):
        assert V._words(t) == V._WORD.findall(t)


def _plain_quote_state(toks):
    inside, out = False, []
    for t, _, _ in toks:
        if t in ("“", "«"):
            out.append(False)
            inside = True
        elif t in ("”", "»"):
            out.append(False)
            inside = False
        elif t == '"':
            out.append(False)
            inside = not inside
        else:
            out.append(inside)
    return out


def test_attribution_quote_helpers_equal_the_plain_loops(statements):
    """quote_state / quote_counts (one test in C when no quotation mark) against plain loops."""
    from stancekit.attribution import _features as AF
    texts = [s.text for s in statements[:300]] + ['He said "no" and «oui» “yes”', '"a', "”b“"]
    for text in texts:
        toks = AF.tokenize(text)
        low = [t[0].lower() for t in toks]
        assert AF.quote_state(toks) == _plain_quote_state(toks)
        counts = [0]
        for w in low:
            counts.append(counts[-1] + (w in AF.QUOTES))
        assert AF.quote_counts(low) == counts and all(type(c) is int for c in AF.quote_counts(low))


def test_attribution_feature_strings_are_the_templates(statements):
    """cue_features / source_features (constant strings from tables) give '<template>=<value>'
    strings built plainly for a few fields, on real statements: side, distance bucket, booleans."""
    from stancekit.attribution import _features as AF
    speech = frozenset(["said", "says"])
    sets = (frozenset(["minister"]), frozenset(["officials"]), frozenset(["ministry"]))
    seen = 0
    for s in statements[:200]:
        toks = AF.tokenize(s.text)
        low = [t[0].lower() for t in toks]
        inq, qc = AF.quote_state(toks), AF.quote_counts(low)
        for i in range(len(low)):
            f = AF.cue_features(low, toks, inq, i, speech, qc, ":" in low)
            assert f[12] == f"inq={inq[i]}" and f[16] == f"sv={low[i] in speech}"
            assert f[13] == f"q={qc[-1] > 0}{qc[i] > 0}{qc[-1] > qc[i + 1]}"
            for j in range(max(0, i - 14), min(len(low), i + 15)):
                if j == i:
                    continue
                g = AF.source_features(low, toks, inq, i, j, sets, speech, qc)
                side = "L" if j < i else "R"
                assert g[1] == "side=" + side and g[2] == "dist=" + side + AF._bucket(j - i)
                assert g[3] == f"adj={abs(j - i) == 1}{side}" and g[20] == f"inq={inq[j]}"
                between = low[min(i, j) + 1 : max(i, j)]
                assert g[13] == f"commas={side}{min(between.count(','), 3)}"
                seen += 1
    assert seen > 1000


_ODD_TEXTS = [
    "", "   ", "plain ascii words and 1990s", "Mixed CASE Words, ALL CAPS: NATO's U.S.-led plan",
    "don't rock'n'roll o' 'quoted' ''x", "it’s a curly ’ apostrophe", "café señor naïve ÀÉÎ",
    "İstanbul \u212a k \u212b", "tab\tnew\nline\x1c\x1dsep\x85end", "lone \ud800 surrogate", "a_b-c.d,e",
    "ＦＵＬＬ width ﬁ ligature ß ẞ", "«Il a dit»: “yes” — and –", "x" * 300,
]


@pytest.mark.parametrize("text", _ODD_TEXTS)
def test_lower_words_equal_the_word_pattern(text):
    """_text.lower_words (bytes translate and split) gives re.findall('[a-z]+', text.lower())."""
    import re

    from stancekit._text import lower_words
    assert lower_words(text) == re.findall("[a-z]+", text.lower())


@pytest.mark.parametrize("text", _ODD_TEXTS)
def test_attribution_span_words_equal_the_word_pattern(text):
    """attribution._model._span_words (lower_words where no apostrophe) gives _WORD_CHARS' words."""
    assert AM._span_words(text) == AM._WORD_CHARS.findall(text.lower())


def test_segment_tokens_equal_the_token_matches(statements):
    """_segment._tokens (one findall, offsets added up) gives each _TOKEN match with its span, on
    statements, whole fixture articles, slices of them and odd texts."""
    from stancekit import _segment as S
    texts = [s.text for s in statements[:300]] + [t for _, t in _texts(3)] + _ODD_TEXTS
    for text in texts:
        for start, end in ((0, None), (3, None), (2, len(text) - 2)):
            want = [(m.group(), m.start(), m.end()) for m in S._TOKEN.finditer(text, start, len(text) if end is None else end)]
            assert S._tokens(text, start, end) == want


def _odd_spans(texts):
    """(text, start, end) over each text: whole, cut at both ends, every short window of a short one."""
    for text in texts:
        yield text, 0, len(text)
        yield text, min(3, len(text)), max(0, len(text) - 2)
        if len(text) <= 40:
            for a in range(len(text) + 1):
                for b in range(a, len(text) + 1):
                    yield text, a, b


_ODD_SENTENCES = _ODD_TEXTS + [
    "He said so.\nThen U.S. officials left.", "abc.", "abc.\n", "ab. c", "é. a", "abc.. x", "ABC. d",
    "the view of X, in his opinion", "his judgment; her judgement", "Viewers' words", "a (b) [c] — d – e",
    "Ann Lee, 53, a nurse from Ohio; Sen. Bob Ray (D-Ohio). Then", "it'S o's '’s x’ _a_ __ b_c",
]


_VIEW_TEXTS = [
    "In Ana Ruiz's view, the pier is safe.", "In the opinion of the harbour board, it is not.",
    "In their words the levy is fair.", "in the judgment of  critics, it failed", "In his  assessment: no.",
    "In the estimation of Varby's mayor the toll is low.", "In Tom Berg’s judgement the ferry is late.",
    "In the viewpoint of many, and in her viewing, nothing changed.", "In Lee's view-point it is fine.",
    "In the Kremlin's calculation, a summit helps.", "in their telling it was", "In his account , fine",
    "in his account for a year", "In the calculation of  the board, no.", "in her accounts, yes",
]


def test_view_gate_holds_what_the_view_patterns_need(statements):
    """_views_and_passives searches _IN_POSS_VIEW and _IN_VIEW only when the frame's lowercase words
    hold one of _VIEW_WORDS: every text either pattern matches holds one."""
    from stancekit import _segment as S
    from stancekit._text import lower_words

    found = 0
    for text in _ODD_SENTENCES + _VIEW_TEXTS + [s.text for s in statements]:
        if S._IN_POSS_VIEW.search(text) is not None or S._IN_VIEW.search(text) is not None:
            found += 1
            assert not S._VIEW_WORD_SET.isdisjoint(lower_words(text)), text
    assert found >= 6


def test_last_word_equals_the_pattern():
    """_text._last_word (two strips) gives _LAST_WORD.search(text, start, end)'s word, on every
    window of odd texts and the 24 characters before each full stop of fixture articles."""
    from stancekit import _text as T
    texts = _ODD_SENTENCES + [t for _, t in _texts(4)]
    spans = list(_odd_spans(_ODD_SENTENCES))
    spans += [(t, max(0, k - 24), k) for t in texts for k in range(len(t)) if t[k] == "."]
    for text, a, b in spans:
        m = T._LAST_WORD.search(text, a, b)
        assert T._last_word(text, a, b) == (m.group(1) if m else None), (text[a:b], a, b)


def test_mention_stop_pattern_equals_the_look_behind_first_one():
    """_mention._STOP_RE (the full stop matched before its look-behind) finds what the pattern with
    the look-behind first finds, at every start of odd texts and fixture articles."""
    import re

    from stancekit.attribution import _mention as M
    plain = re.compile(r'[,;"“”«»()—–\[\]]|(?<=[a-z]{3})\.(?=\s)')
    texts = _ODD_SENTENCES + [t[:3000] for _, t in _texts(3)]
    for text, a, b in _odd_spans(_ODD_SENTENCES):
        assert _span(M._STOP_RE.search(text, a, b)) == _span(plain.search(text, a, b))
    for text in texts:
        for a in range(0, len(text), 7):
            assert _span(M._STOP_RE.search(text, a, a + 401)) == _span(plain.search(text, a, a + 401))


def _span(m):
    return m.span() if m else None


def test_attribution_tokenize_equals_the_token_matches(statements, monkeypatch):
    """attribution tokenize (one findall, offsets added up; match by match past _FINDALL_MAX) gives
    the first ``limit`` _TOKEN matches, on statements, whole articles, slices and odd texts."""
    from stancekit.attribution import _features as AF
    texts = [s.text for s in statements[:300]] + [t for _, t in _texts(3)] + _ODD_SENTENCES
    for findall_max in (AF._FINDALL_MAX, 10):
        monkeypatch.setattr(AF, "_FINDALL_MAX", findall_max)
        for text in texts:
            for start, end, limit in ((0, None, 400), (3, None, 400), (2, len(text) - 2, 400), (0, None, 5)):
                it = AF._TOKEN.finditer(text, start, len(text) if end is None else end)
                want = [(m.group(), m.start(), m.end()) for m, _ in zip(it, range(limit))]
                assert AF.tokenize(text, start, end, limit) == want


def test_attribution_quote_test_equals_the_substring_tests():
    """has_quote (five substring tests, for the attribution model's words to score) is 'any of
    QUOTES in the span'."""
    from stancekit.attribution import _features as AF
    for text, a, b in _odd_spans(_ODD_SENTENCES + ['x "y"', "«", "»", "“", "”", "‘’'"]):
        assert AF.has_quote(text[a:b]) == any(q in text[a:b] for q in AF.QUOTES)
    assert all(AF.has_quote(q) for q in AF.QUOTES)


def test_segment_split_matches_equal_the_pattern(statements):
    """attribution._split._split_matches (str.find, then a match at each comma or semicolon) gives the
    matches of _SPLIT.finditer, with their spans and the 'appended' group."""
    from stancekit.attribution import _split as S
    texts = _ODD_SENTENCES + [s.text for s in statements] + [
        ",", ";", ", and x", ",, but y", "; ;a", ",\n while x", "a, an idea ; b, but c;d", ";;", ", , ,",
        "Paris agreed, while Rome, a charge it denied; and then, though, x"]
    for text in texts:
        want = [(m.span(), m.group("appended")) for m in S._SPLIT.finditer(text)]
        assert [(m.span(), m.group("appended")) for m in S._split_matches(text)] == want


_CAPITAL_TEXTS = _ODD_SENTENCES + [
    "Mr. Smith and Mr Jones", "Mrs. Ray, Mrs Ray; Dr. No. Sen.", "Moscow. Moscow's Moscow’s Moscow-led Moscow1",
    "McCain, DiPietro and O’Malley", "St. Petersburg A. B. Cee U.S.A. Ab.Cd Ab_cd", "Émile Zola Ā Ab\u00e9 Abé",
    "Ann de la Cruz, Jan van Dijk, Abu al Rahman", "The The The", "A\nB  C\tD", "Ab", "Ab ", "A",
    "Aa\u2028Bb", "Kazakhstan\u00a0Astana", "ALL CAPS NATO Ab CD", "AbC Def", "Ab-Cd Ef", "Ab'", "Ab's Cd",
]


def test_segment_token_capitalised_word_alternative():
    """_segment._TOKEN's capitalised-word alternative (third) takes no token the pattern without it
    would take otherwise: the same tokens over fixture articles, odd texts and every window of the
    short ones."""
    import re

    from stancekit import _segment as S
    plain = re.compile(S._TOKEN.pattern.replace(r"|[A-Z][a-z]++(?![\w’'.\-])", "", 1))
    assert plain.pattern != S._TOKEN.pattern
    texts = _CAPITAL_TEXTS + [t for _, t in _texts(6)]
    for text, a, b in list(_odd_spans(_CAPITAL_TEXTS)) + [(t, 0, len(t)) for t in texts]:
        assert [m.span() for m in S._TOKEN.finditer(text, a, b)] == [m.span() for m in plain.finditer(text, a, b)]


def test_name_pattern_look_ahead_finds_what_the_pattern_without_it_finds():
    """attribution._coref._NAME_SEQ's look-ahead after the first capital (the rest of the word,
    whitespace, a capital or a particle) only fails early: the same matches over fixture articles,
    odd texts and every window of the short ones."""
    import re

    from stancekit.attribution import _coref as C
    look = rf"(?=\S*+\s++(?:[{C._UP}]|{C._PARTICLE}\s))"
    plain = re.compile(C._NAME_SEQ.pattern.replace(look, "", 1))
    assert plain.pattern != C._NAME_SEQ.pattern
    texts = _CAPITAL_TEXTS + [t for _, t in _texts(6)]
    for text, a, b in list(_odd_spans(_CAPITAL_TEXTS)) + [(t, 0, len(t)) for t in texts]:
        assert [m.span() for m in C._NAME_SEQ.finditer(text, a, b)] == [m.span() for m in plain.finditer(text, a, b)]


def test_attribution_token_ascii_word_alternative():
    """attribution._features._TOKEN's first alternative (a run of ASCII letters, no word character
    or apostrophe after it) takes the word the second would: the same tokens over fixture articles,
    odd texts and every window of the short ones."""
    import re

    from stancekit.attribution import _features as AF
    first = r"[A-Za-z]++(?![\w’'])|"
    assert AF._TOKEN.pattern.startswith(first)
    plain = re.compile(AF._TOKEN.pattern[len(first):])
    texts = _CAPITAL_TEXTS + ["don't rock'n'roll Russia's Russia’S it's x'", "ab1 ab_ ab\u00e9 ab- ab. ab,"]
    texts += [t for _, t in _texts(6)]
    for text, a, b in list(_odd_spans(texts[:len(_CAPITAL_TEXTS) + 2])) + [(t, 0, len(t)) for t in texts]:
        assert [m.span() for m in AF._TOKEN.finditer(text, a, b)] == [m.span() for m in plain.finditer(text, a, b)]


def test_line_end_test_equals_the_terminal_pattern():
    """_text._ends_terminal (one strip) gives bool(_TERMINAL.search(line)) on stripped lines: every
    line of fixture articles, odd texts and every window of the short ones, stripped."""
    from stancekit import _text as T
    odd = _ODD_SENTENCES + ["a.", "a.)", "a.’ ”", "a!»", "a?]", "a…", ".", ")", "a.\u00a0)", "a.x)", "a ).", "'",
                            "a.\"'”’»)]", "a\".", "a. ”\u2028", "..."]
    lines = [t[a:b].strip() for t, a, b in _odd_spans(odd)]
    lines += [ln.strip() for _, t in _texts(12) for ln in t.split("\n")]
    for line in lines:
        assert T._ends_terminal(line) == bool(T._TERMINAL.search(line)), line


_TERMINAL_TEXTS = ["He left. She came!  Then? No… yes.", "a.. b... c", "x!. y ?! z", "U.S. officials. Then",
                   "end.”  Next", "end.) Next", "a.\u00a0b. c", "…", "....", ". . .", "a.\n\nb", "it's. 'Yes.' No"]


def test_sentence_candidates_by_the_full_stop_pattern_equal_the_candidate_pattern():
    """_text._CANDIDATE_STOP (opening with a literal full stop) finds _CANDIDATE's matches on every
    span without "!", "?" or "…" (the look-behind may read a mark before the span); _no_terminal
    (four str.find) is 'not _ANY_TERMINAL.search'; sentences of fixture articles and odd texts, whole
    and on every window of the short ones. (On pathological input, _CANDIDATE_STOP is run with every
    other pattern of _text by test_segment's test_every_regex_finishes_on_pathological_input.)"""
    from stancekit import _text as T
    texts = _ODD_SENTENCES + _TERMINAL_TEXTS + [t for _, t in _texts(8)]
    spans = list(_odd_spans(_ODD_SENTENCES + _TERMINAL_TEXTS)) + [(t, 0, len(t)) for t in texts]
    spans += [(t, k, min(len(t), k + 300)) for _, t in _texts(3) for k in range(0, len(t), 97)]
    plain_spans = 0
    for text, a, b in spans:
        assert T._no_terminal(text, a, b) == (T._ANY_TERMINAL.search(text, a, b) is None)
        if not any(c in text[a:b] for c in "!?…"):
            plain_spans += 1
            want = [m.groups() + (m.span(),) for m in T._CANDIDATE.finditer(text, a, b)]
            assert [m.groups() + (m.span(),) for m in T._CANDIDATE_STOP.finditer(text, a, b)] == want
    assert plain_spans > 100



def test_quote_mark_offsets_equal_the_quote_mark_pattern():
    """_text._quote_marks (str.find of each mark, sorted) gives the offsets of _QUOTE_MARK.finditer,
    on fixture articles (whole and in windows), odd texts and every window of the short ones, and
    on texts made only of marks."""
    from stancekit import _text as T
    marks = ["\"“”«»‘’'" * 50, "'" * 300, "a’b “c” «d» ‘e’ \"f\" g's", "“\n\n“", "x" * 40 + "”"]
    texts = _ODD_SENTENCES + _TERMINAL_TEXTS + marks + [t for _, t in _texts(8)]
    spans = list(_odd_spans(_ODD_SENTENCES + _TERMINAL_TEXTS + marks[2:])) + [(t, 0, len(t)) for t in texts]
    spans += [(t, k, min(len(t), k + 500)) for _, t in _texts(3) for k in range(0, len(t), 131)]
    for text, a, b in spans:
        assert T._quote_marks(text, a, b) == [m.start() for m in T._QUOTE_MARK.finditer(text, a, b)]


def test_lower_words_memo_gives_each_caller_its_own_list():
    """_text.lower_words keeps the words of the last two texts: a text read again gets equal words,
    in a list of its own (a caller that changes its list changes no other caller's), and a text
    over _MEMO_CHARS is not kept."""
    import re

    from stancekit import _text as T
    texts = _ODD_TEXTS + ["The Minister SAID so.", "the minister said so", "x" * (T._MEMO_CHARS + 1)]
    for a in texts:
        for b in texts:
            for text in (a, b, a, b, a):
                first = T.lower_words(text)
                assert first == re.findall("[a-z]+", text.lower())
                first.append("changed")
                assert T.lower_words(text) == re.findall("[a-z]+", text.lower())
    assert all(len(seen) <= T._MEMO_CHARS for seen, _ in T._LOWER_MEMO)


def test_segmenter_statements_equal_the_dataclass_constructor(statements):
    """_segment._statement (the instance dict set in one step) gives what Statement(...) gives: equal,
    the same dict in field order, the same hash and repr, frozen; and Statement has no __post_init__
    that the shortcut would skip."""
    import dataclasses
    import pickle

    from stancekit._segment import Statement, _statement
    assert not hasattr(Statement, "__post_init__")
    assert type(statements[0]) is Statement
    for st in statements[:200] + [_statement(None, "0", None, None, "narrative", 0, 1, "x")]:
        args = [getattr(st, f.name) for f in dataclasses.fields(Statement) if not f.kw_only]
        made, plain = _statement(*args, st.paragraph), Statement(*args, paragraph=st.paragraph)
        assert made == plain and vars(made) == vars(plain) and list(vars(made)) == list(vars(plain))
        assert hash(made) == hash(plain) and repr(made) == repr(plain)
        assert pickle.loads(pickle.dumps(made)) == plain
        with pytest.raises(dataclasses.FrozenInstanceError):
            made.actor = "someone"


@pytest.mark.parametrize("phrase", [("look", "forward"), ("as", "long", "as"), ("remains", "to", "be", "seen"),
                                    ("sphere*", "of", "influence"), ("not", "yet*")])
def test_cue_phrase_match_equals_the_word_by_word_test(statements, phrase):
    """``_phrase_match`` (a cue without a prefix word compared as one slice) gives ``_phrase_at``
    at every token of the fixture statements, before their start and past their end."""
    plain = None if any(w.endswith("*") for w in phrase) else list(phrase)
    made = [list(phrase), list(phrase)[:-1], ["x", *phrase, "y"], [w.rstrip("*") + "s" for w in phrase]]
    for toks in [V._words(s.text.lower()) for s in statements] + made:
        for i in range(-len(phrase), len(toks) + 1):
            assert V._phrase_match(toks, i, phrase, plain) == V._phrase_at(toks, i, phrase)


def test_anchored_cues_are_the_phrases_at_the_token(statements):
    """``_anchored`` is ``_phrases_at`` with each cue's words as a list (None for a prefix word), memoised."""
    dirs: tuple[str, ...] = ()
    by_anchor, _starred = V._phrases_by_anchor(dirs)
    for tok in {*by_anchor, *(w for s in statements for w in V._words(s.text.lower()))}:
        got = V._anchored(tok, dirs)
        assert [(k, ph, a) for k, ph, a, _ in got] == V._phrases_at(tok, dirs)
        assert all(p == (None if any(w.endswith("*") for w in ph) else list(ph)) for _, ph, _, p in got)
        assert V._anchored(tok, dirs) is got


def test_context_links_equal_the_joined_contexts(statements):
    """``context_links`` sorts each statement with a context as ``statement_inputs`` builds it: the
    text before (one), the two before joined by a space (two), or neither (fresh), as comparing
    the joined strings does; the target rows given the links equal those computed without them."""
    items = V.statement_inputs(statements)
    items += [V.StatementInput("a b", "x y"), V.StatementInput("c", "a b"), V.StatementInput("d", "a b c"),
              V.StatementInput("e", "b c"), V.StatementInput("f", "")]
    one, two, fresh = V.context_links(items)
    texts = [it.text for it in items]
    for i, it in enumerate(items):
        want = (None if not it.context else "one" if i >= 1 and it.context == texts[i - 1]
                else "two" if i >= 2 and it.context == texts[i - 2] + " " + texts[i - 1] else "fresh")
        got = "one" if i in one else "two" if i in two else "fresh" if i in fresh else None
        assert got == want, i
    block = V.TargetBlock(("treaty", "security treaty", "osce"), ("it",))
    lows = [it.text.lower() for it in items]
    words = [V._words(low) for low in lows]
    assert _same_csr(block.rows(items, lows, words, links=(one, two, fresh)), block.rows(items, lows, words))


@pytest.mark.parametrize("shape", [(0, 4), (5, 0), (1, 1), (37, 12), (200, 3)])
def test_dense_blocks_to_csr_equal_scipys_conversion(shape):
    """``_csr_of_dense`` gives the arrays ``sp.csr_matrix`` gives (zeros, -0.0 and NaN included)."""
    rng = np.random.default_rng(len(shape) + shape[0])
    m = rng.normal(size=shape)
    m[rng.random(shape) < 0.6] = 0.0
    if m.size:
        m.flat[:: 7] = -0.0
        m.flat[3 :: 11] = np.nan
    got, want = V._csr_of_dense(m), sp.csr_matrix(m)
    assert got.shape == want.shape and got.dtype == want.dtype and got.indices.dtype == want.indices.dtype
    assert np.array_equal(got.indptr, want.indptr) and np.array_equal(got.indices, want.indices)
    assert np.array_equal(got.data, want.data, equal_nan=True)


@pytest.mark.parametrize("norm", ["l1", "l2"])
def test_normalized_rows_equal_scikit_learns_normalize(norm):
    """``_normalize_rows`` (rows longest first, one slice per entry index) gives scikit-learn's
    ``normalize`` bit for bit: empty rows, rows of one entry and rows of hundreds."""
    from sklearn.preprocessing import normalize
    rng = np.random.default_rng(7)
    lens = [0, 1, 300, 2, 0, 57, 1, 120, 3]
    rows = [sp.random(1, 400, density=n / 400, random_state=k, format="csr") for k, n in enumerate(lens)]
    X = sp.vstack(rows, format="csr")
    X.data = rng.normal(size=X.nnz)
    got = V._normalize_rows(X.copy(), norm)
    want = normalize(X, norm=norm)
    assert np.array_equal(got.indptr, want.indptr) and np.array_equal(got.data, want.data)
    empty = sp.csr_matrix((0, 5))
    assert V._normalize_rows(empty.copy(), norm).shape == (0, 5)


@pytest.mark.parametrize("n, low, high", [(0, 0, 10), (100, 0, 50), (5_000, 0, 14_745_600), (5_000, -3, 40),
                                          (3_000, 0, 1 << 61), (70_000, 0, 9_000)])
def test_searching_keys_in_sorted_order_equals_searchsorted(n, low, high):
    """_search_sorted_keys (keys sorted with their positions packed in, then searched) gives
    np.searchsorted's positions in the keys' own order: short arrays, negative keys and keys too
    large to pack with a position go the plain way; duplicates and keys outside the table too."""
    rng = np.random.default_rng(n)
    table = np.unique(rng.integers(0, max(high, 1), size=2_000))
    keys = rng.integers(low, high, size=n)
    if n:
        keys[: n // 3] = rng.choice(table, size=n // 3)  # hits, each more than once
    got = V._search_sorted_keys(table, keys)
    assert np.array_equal(got, np.searchsorted(table, keys)) and got.dtype == np.intp
    small = table[:: max(1, len(table) // 63)][:63]  # a phrase table's size: searched as the keys come
    got = V._search_sorted_keys(small, keys)
    assert np.array_equal(got, np.searchsorted(small, keys)) and got.dtype == np.intp


@pytest.mark.parametrize("n, nf, nnz", [(0, 5, 0), (4, 7, 0), (1, 3, 10), (50, 15_221, 2_000), (300, 40, 20_000)])
def test_counts_to_csr_equal_scipys_conversion_and_sum(n, nf, nnz):
    """_csr_of_counts (one sort of the packed pairs, then run lengths) gives the arrays of
    ``csr_matrix((ones, (rows, cols)))`` after ``sum_duplicates``: data, indices, indptr and their
    dtypes, rows with no entries and matrices with none included."""
    rng = np.random.default_rng(nnz)
    rows = rng.integers(0, max(n, 1), size=nnz) if n else np.zeros(0, dtype=np.int64)
    cols = rng.integers(0, nf, size=nnz)
    want = sp.csr_matrix((np.ones(nnz), (rows, cols)), shape=(n, nf))
    want.sum_duplicates()
    got = V._csr_of_counts(rows, cols, (n, nf))
    assert _same_csr(got, want)
    assert got.indices.dtype == want.indices.dtype and got.indptr.dtype == want.indptr.dtype
    assert got.has_canonical_format


def test_confidence_text_is_the_repr_of_the_rounded_confidence():
    """The JSONL writer's confidence (one formatting to 4 places, trailing zeros off) is
    ``repr(round(c, 4))`` for every probability: the multiples of 0.0001 and the halfway points
    between them, with the floats either side of each, zeros of both signs and the ends."""
    import math

    from stancekit._batch import _confidence_text

    values = [0.0, -0.0, 1.0, 5e-5, 4.9999e-5, 1e-300, 0.99995, 0.49995, 0.12345, 0.00015]
    for k in range(0, 10_001, 7):
        for x in (k / 10_000, (k + 0.5) / 10_000):
            values += [x, math.nextafter(x, 2.0), math.nextafter(x, -1.0)]
    values += list(np.random.default_rng(3).random(20_000))
    for x in values:
        x = float(x)
        if -0.0 <= x <= 1.0:
            assert _confidence_text(x) == repr(round(x, 4)), x


# Session 15: gates on the segmenter's per-statement rules. Each gate returns early only where the
# pattern or the word test it stands before could not have given anything else.
_GATE_TEXTS = [
    "Ana Ruiz said the pier is safe.", "The delegates backing Ruiz declined to comment.",
    "The actors involved are quick to say so.", "Berg  said it twice.", "Berg, backing Ruiz, said no.",
    "Lund sayingggggggggggggggggggggggggggggg so", "Lund éditing the text said", "Lund Xing said",
    "Lund told", "Lund backing", "The port, engineers say, is safe.", "For now, logisticians argued, it waits.",
    "The pier, he says, is safe.", "Reyes, critics Said, lost.", "a b c", "", " ", "x" * 120,
]


def _participle_phrase_plain(text: str, pos: int, end: int, speech_verbs: frozenset[str]) -> int:
    """_mention._participle_phrase as it read before its gate (the pattern at every position)."""
    from stancekit.attribution import _mention as M

    found = M._PARTICIPLE_PHRASE.match(text, pos, end)
    if found is None:
        return pos
    part = found.group(1)
    if not part.endswith(("ing", "ed")) or part.endswith("ed") and part not in M._PARTICIPLES_ED:
        return pos
    words = list(M._WORD_SPAN.finditer(text, found.start(2), found.end(2)))
    k = found.end(1)
    for i, w in enumerate(words):
        low = w.group()
        if low.endswith("ly") and i + 1 < len(words):
            low = words[i + 1].group()
        if (i >= 1 or part.endswith("ed")) and (low in speech_verbs or low in M._VERBS or low in M._FINDING_VERBS
                                                or (low.endswith("ed") and low.islower())):
            return k
        if i >= 5 or low.lower() in M._PHRASE_STOPS:
            return pos
        k = w.end()
    return pos


def test_participle_phrase_gate_equals_the_pattern(statements):
    """_participle_phrase's early return (no space, or a lowercase word not in -ing/-ed after it)
    gives what the pattern gives, at every position of statements and odd texts, two ends each."""
    from stancekit._lexicon import load_lexicon
    from stancekit.attribution._mention import _participle_phrase

    verbs = load_lexicon().speech_verbs
    for text in [s.text for s in statements[:200]] + _GATE_TEXTS + _ODD_TEXTS:
        for pos in range(len(text) + 1):
            for end in (len(text), min(len(text), pos + 12)):
                assert _participle_phrase(text, pos, end, verbs) == _participle_phrase_plain(text, pos, end, verbs)


@pytest.mark.parametrize("mention", [
    None, "", " ", "Wednesday", "the Super Tuesday", "Theresa May", "May", "Tuesday's", "the Tuesday the",
    "MONDAY", "Mon.", "Lund said Friday", "Friday Berg", "march", "Ana Ruiz", "a super", "the", "Jänner März",
    "\u212aelvin Monday", "October 12", "Friday\n",
])
def test_calendar_only_gate_equals_the_word_test(mention):
    """_segment._calendar_only's early return (its last word no calendar word) gives the word test's answer."""
    from stancekit import _segment as S
    from stancekit._lexicon import load_lexicon
    from stancekit._text import lower_words

    lex = load_lexicon()
    words = [w for w in lower_words(mention or "") if w not in S._DETERMINERS and w != "super"]
    assert S._calendar_only(mention, lex) == (bool(words) and all(w in lex.calendar for w in words))


def test_plural_tag_and_description_gates_hold_what_their_patterns_need(statements):
    """A frame that _PLURAL_TAG matches holds one of _PLURAL_TAG_WORDS among its words, and an actor
    that _DESCRIPTION_TAIL matches holds ' wh', ' that' or ' present' (the set and substring tests
    segment() asks first)."""
    from stancekit import _segment as S
    from stancekit._text import lower_words

    texts = [s.text for s in statements] + _GATE_TEXTS + _ODD_TEXTS
    found = 0
    for text in texts:
        if S._PLURAL_TAG.search(text) is not None:
            found += 1
            assert not S._PLURAL_TAG_WORDS.isdisjoint(lower_words(text))
        elif S._PLURAL_TAG_WORDS.isdisjoint(lower_words(text)):
            assert S._PLURAL_TAG.search(text) is None
    assert found >= 2
    for actor in ["diplomats who have seen it", "the ambassadors present", "officials whose names", "x that y",
                  "a source which", "Who", "people close to the mayor", "Ana Ruiz", "the presenter", "staff present\n"]:
        if S._DESCRIPTION_TAIL.search(actor) is not None:
            assert " wh" in actor or " that" in actor or " present" in actor


# Session 16: start-up.
def _plain_word_index(vocabulary):
    """_WordIndex's arrays built as before session 16: a Python loop over the terms."""
    grams = [(term.split(" "), col) for term, col in vocabulary.items()]
    ids: dict[str, int] = {}
    for parts, _col in grams:
        for w in parts:
            ids.setdefault(w, len(ids))
    n_words = max(len(ids), 1)
    unigram_col = np.full(n_words, -1, dtype=np.int64)
    keys: dict[int, list[tuple[int, int]]] = {}
    for parts, col in grams:
        if len(parts) == 1:
            unigram_col[ids[parts[0]]] = col
        else:
            key = 0
            for w in parts:
                key = key * n_words + ids[w]
            keys.setdefault(len(parts), []).append((key, col))
    return ids, n_words, unigram_col, {n: np.array(sorted(kc), dtype=np.int64).reshape(-1, 2) for n, kc in keys.items()}


@pytest.mark.parametrize("vocabulary", [
    {},
    {"pier": 0},
    {"old pier": 2, "pier": 0, "the old pier": 1, "old": 3, "pier old": 4, "two  spaces": 5, "": 6, "the": 7},
    {f"w{i % 37} w{i % 11}" if i % 3 else f"w{i}": i for i in range(500)},
    "shipped",
])
def test_word_index_arrays_equal_the_plain_loop(scorer, vocabulary):
    """_WordIndex's word ids, unigram columns and sorted n-gram keys (built in numpy) are the
    plain loop's, in the same order and dtypes, for the shipped word vocabulary too."""
    import re

    if vocabulary == "shipped":
        vocabulary = next(b.vocabulary for plan in scorer.plans.values() for b in (plan.word, plan.context, plan.actor)
                          if isinstance(b, V.TfidfBlock) and b.affix_lengths is None)
        assert len(vocabulary) > 1000
    index = V._WordIndex(vocabulary, (1, 3), re.compile(r"\w+"))
    ids, base, unigram_col, keys = _plain_word_index(vocabulary)
    assert list(index.ids.items()) == list(ids.items()) and index.base == base
    assert index.unigram_col.dtype == unigram_col.dtype and np.array_equal(index.unigram_col, unigram_col)
    assert list(index.keys) == list(keys)
    for n, k in keys.items():
        assert index.keys[n].dtype == k.dtype and index.keys[n].shape == k.shape and np.array_equal(index.keys[n], k)


# Session 18: gates before per-cue and per-verb work (issue #13, speed).
_CONCESSIVE_TEXTS = [
    "The ferry kept running, in spite of the repeated warnings from the union.",
    "In Spite Of repeated appeals from the islands, the board cut the service.",
    "The toll rose amid protests from the traders, Ana Ruiz said.",
    "Notwithstanding complaints from the crews, the council argued that the fee was fair.",
    "The night boat stayed, despite repeated objections by the mayor.",
    "in spite of " * 5 + "warnings", "spite of them, she said.", "Despite what the mayor said, the bridge will close.",
]


def test_circumstance_gate_holds_what_circumstantial_needs(statements):
    """AttributionModel._find_in asks _circumstantial only when the statement holds one of
    _CIRCUMSTANCE_WORDS: every cue it would call circumstantial is in such a statement."""
    from stancekit.attribution._features import tokenize

    found = 0
    for text in [s.text for s in statements] + _CONCESSIVE_TEXTS + _GATE_TEXTS + _ODD_TEXTS:
        low = [t[0].lower() for t in tokenize(text)]
        for i in range(len(low)):
            if AM._circumstantial(low, i):
                found += 1
                assert not AM._CIRCUMSTANCE_WORDS.isdisjoint(low), text
    assert found >= 5


@pytest.mark.parametrize("thresholds", [None, (3.0, 3.0, 3.0, -1.0, 3.0, -1.0)])
def test_cue_word_filter_holds_the_words_of_the_cue_loop(thresholds):
    """_find_in passes over the tokens outside ``_any`` (a statement with a quotation mark) or
    ``_unquoted`` (without) before its loop: each holds every word the loop could take."""
    from stancekit.attribution._model import resolve_attribution

    model = resolve_attribution("default")
    if thresholds is not None:
        model = model.with_thresholds(*thresholds, gerund=-3.0, finding=-3.0)
        # (lower quote and pronoun thresholds than the cue's, and gerunds, which the shipped model has not)
        assert model._gerund_words and model._pron_words - model.candidates and model._quote_words - model.candidates
    assert model._quote_words | model._pron_words | model._gerund_words <= model._any
    assert model.candidates | model._pron_words | model._gerund_words <= model._unquoted


_RELATIVE_TEXTS = [
    "A harbour engineer who was on the pier until Monday said the deck is weak.",
    "Residents who attended the meeting on Friday said they were never asked.",
    "Dock Workers WHO walked out last week said the shifts were unsafe.",
    "Two officials who asked not to be named said the talks had stalled.",
    "The ferry captain, who has sailed the route for years, said it was safe.",
]


def test_restricted_subject_gate_holds_what_it_needs(statements):
    """frame_speaker asks _restricted_subject only when the frame's lowercase words hold "who":
    every verb whose subject it finds is in such a frame."""
    from stancekit import _segment as S
    from stancekit._lexicon import load_lexicon
    from stancekit._text import lower_words

    lex = load_lexicon()
    found = 0
    for text in [s.text for s in statements] + _RELATIVE_TEXTS + _GATE_TEXTS + _ODD_TEXTS:
        toks = S._tokens(text)
        for vi in range(len(toks)):
            if S._restricted_subject(toks, vi, lex) is not None:
                found += 1
                assert "who" in lower_words(text), text
    assert found >= 3


# Session 20: frame-level gates before two searches that most frames fail.
_COMPARED_TEXTS = [
    "The levy rose faster than most ferry owners had expected.",
    "The repairs took longer than the harbour board admits, and nobody is surprised.",
    "It went further than many in Oslund expected it to go.",
    "The pier is safer THAN its critics predicted.",
    "Than anyone in Varby expected when the tide turned, the crew stayed.",
    "More than 200 residents said in a letter that the pier is old.",
    "The fee, rather-than the toll, was what the mayor said.",
]


def test_compared_saying_gate_holds_what_it_needs(statements):
    """frame_speaker asks _compared_saying only when the frame's lowercase words hold "than":
    every verb it reads as closing a comparison is in such a frame."""
    from stancekit import _segment as S
    from stancekit._text import lower_words
    from stancekit.attribution._saying import _compared_saying

    found = 0
    for text in [s.text for s in statements] + _COMPARED_TEXTS + _GATE_TEXTS + _ODD_TEXTS:
        toks = S._tokens(text)
        for vi in range(1, len(toks)):
            for i in (None, 0, vi - 1):
                if _compared_saying(toks, i, vi):
                    found += 1
                    assert "than" in lower_words(text), text
    assert found >= 3


_NOUN_CUE_TEXTS = [
    "The plan drew sharp criticism from dock workers on Monday.",
    "It earned an endorsement by the Varby harbour council.",
    "The levy met self-criticism from  the board itself.",
    "There were complaints\tby residents about the noise.",
    "Warnings from the coast guard went unheeded.",
    "A WARNING FROM the port was ignored.",
    "The criticisms by them, and the praise from others, came late.",
]


def test_noun_cue_gate_holds_what_its_pattern_needs(statements):
    """_views_and_passives searches _NOUN_CUE only when the frame's lowercase words hold one of
    _NOUN_CUE_WORDS: every frame the pattern matches holds one, and every noun of the data file
    gives the set a word."""
    from stancekit import _segment as S
    from stancekit._text import lower_words

    assert all(not S._NOUN_CUE_WORDS.isdisjoint(lower_words(noun)) for noun in S._NOUN_CUES)
    found = 0
    for text in [s.text for s in statements] + _NOUN_CUE_TEXTS + _GATE_TEXTS + _ODD_TEXTS:
        if S._NOUN_CUE.search(text) is not None:
            found += 1
            assert not S._NOUN_CUE_WORDS.isdisjoint(lower_words(text)), text
    assert found >= 5


_ANONYMOUS_TEXTS = [
    "Two people familiar with the plan said the pier would close.",
    "A source close to the mayor said no decision had been made.",
    "Officials with direct knowledge of the talks said they had stalled.",
    "Several members briefed on the audit said the figures were wrong.",
    "People FAMILIAR WITH the toll said it would rise.",
    "Aides involved in the talks said the ferry could wait.",
    "Members close to, but not in, the board said nothing.",
]


def test_anonymous_gate_holds_what_anonymous_before_needs(statements):
    """frame_speaker asks _anonymous_before only when the frame's lowercase words hold a head of
    _ANON_HEADS and every word of one of _ANON_PHRASES: every source it finds is in such a frame."""
    from stancekit import _segment as S
    from stancekit._lexicon import load_lexicon
    from stancekit._text import lower_words

    lex = load_lexicon()
    found = 0
    for text in [s.text for s in statements] + _ANONYMOUS_TEXTS + _GATE_TEXTS + _ODD_TEXTS:
        toks = S._tokens(text)
        for vi in range(len(toks)):
            if S._anonymous_before(toks, vi, lex) is not None:
                found += 1
                words = lower_words(text)
                assert not S._ANON_HEADS.isdisjoint(words) and S._anonymous_phrase_in(words), text
    assert found >= 5
