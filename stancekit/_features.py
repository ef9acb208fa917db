"""Featurizers: scikit-learn transformers over statements.

Each transformer takes ``X``, an iterable of statements, where a statement is
a ``str`` (its text) or a mapping / object with ``text`` and optionally
``context`` (the sentences just before it) and ``kind``. A bare string in
place of the iterable raises ``TypeError``, as in scikit-learn's text
vectorizers.
"""

from __future__ import annotations

import re
from weakref import WeakKeyDictionary

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.utils.validation import check_is_fitted

# The transforms themselves live in the scikit-learn-free _vectors: scorers use them too.
from ._vectors import (
    _KINDS, _WORD, CUE_CLASSES, DOC_FEATURES, FOCUS_FEATURES, CUE_FEATURES, QUESTION_FEATURES, CueBlock, FeaturePlan, StatementInput, TargetBlock, TfidfBlock, VOICE_FEATURE,
    _PWORD, _cue_sets, _Transform, actor_texts, affix_terms, as_inputs, cue_rows, kind_rows, n_paragraph_columns,
)

__all__ = [
    "StatementInput",
    "as_inputs",
    "CueLexiconFeatures",
    "TargetSignalFeatures",
    "KindFeatures",
    "StanceFeaturizer",
    "CUE_CLASSES",
]

class _NamedFeatures:
    """``get_feature_names_out`` from the fitted ``feature_names_``."""

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        check_is_fitted(self, "feature_names_")
        return self.feature_names_.copy()


class CueLexiconFeatures(_NamedFeatures, TransformerMixin, BaseEstimator):
    """Counts of endorsing, doubting, hedging and conditional cues, with negation scope.

    For each of ``endorse`` and ``doubt``: plain and negated counts, inside
    quotation marks and in the reporting frame. A cue is negated when a
    negator ("not", "n't", "never", "failed", ...) stands within
    ``negation_window`` words before it. Then the net polarity (endorse plus
    negated doubt, minus doubt plus negated endorse) and hedge and condition
    counts. Counts are ``log1p``-scaled.

    Lexicon entries are words (``welcomed``), word prefixes (``critici*``) or
    multi-word cues (``remains to be seen``, matched word by word whatever the
    spacing, never negated). Words are runs of ASCII letters and digits, with
    an apostrophe ending (``kazakhstan's``, ``didn't``).

    Parameters
    ----------
    negation_window : int, default 3
    lexicon_dirs : tuple of str, default ()
        Directories with ``cues/<class>.txt`` files extending the shipped lexicons.

    Notes
    -----
    Out of scope: sarcasm detection and scope beyond the clause.
    """

    def __init__(self, negation_window: int = 3, lexicon_dirs: tuple[str, ...] = ()) -> None:
        self.negation_window = negation_window
        self.lexicon_dirs = lexicon_dirs

    def fit(self, X: object, y: object = None) -> "CueLexiconFeatures":
        if not isinstance(self.negation_window, int) or self.negation_window < 0:
            raise ValueError(f"negation_window must be a non-negative int, got {self.negation_window!r}")
        as_inputs(X)
        _cue_sets(tuple(str(d) for d in self.lexicon_dirs))
        self.feature_names_ = np.array(CUE_FEATURES, dtype=object)
        return self

    def transform(self, X: object) -> sp.csr_matrix:
        check_is_fitted(self, "feature_names_")
        items = as_inputs(X)
        lows = [it.text.lower() for it in items]
        return self._transform(items, lows, [_WORD.findall(low) for low in lows])

    def _transform(self, items: list[StatementInput], lows: list[str], words: list[list[str]]) -> sp.csr_matrix:
        """The features, from each statement's lowercased text and its :data:`_WORD` tokens."""
        return cue_rows(items, lows, words, self.negation_window, tuple(str(d) for d in self.lexicon_dirs))


class TargetSignalFeatures(_NamedFeatures, TransformerMixin, BaseEstimator):
    """Which target phrases appear in the statement and in the sentences just before it.

    Parameters
    ----------
    phrases : tuple of str
        Lowercase phrases that signal the target.
    anaphora : tuple of str
        Phrases that may refer back to the target ("the initiative", "it").
    about : tuple of str, default ()
        Phrases that show a document is about the target at all; no feature of their own
        here: :class:`StanceFeaturizer` reads them with ``doc_focus`` (see
        :meth:`stancekit._vectors.DocSignals.focus_rows`).

    Features: one indicator per phrase in the statement; the number of
    phrase hits in the statement and in its context (``log1p``); whether the
    target appears anywhere; and anaphora in the statement while the target
    appears in the context.

    Phrases are matched word by word (see :class:`_PhraseMatcher`): the
    characters between words do not matter ("human-rights" matches "human
    rights"), an apostrophe ending is a word of its own ("Kazakhstan"
    matches in "Kazakhstan's"), and a phrase never matches inside a longer
    word. Anaphora are matched as written.
    """

    def __init__(self, phrases: tuple[str, ...] = (), anaphora: tuple[str, ...] = (), about: tuple[str, ...] = ()) -> None:
        self.phrases = phrases
        self.anaphora = anaphora
        self.about = about

    def fit(self, X: object, y: object = None) -> "TargetSignalFeatures":
        if isinstance(self.phrases, str) or isinstance(self.anaphora, str) or isinstance(self.about, str):
            raise TypeError("phrases, anaphora and about must be sequences of str, not a bare str")
        as_inputs(X)
        self.phrases_ = tuple(sorted({p.lower() for p in self.phrases if p.strip()}))
        for p in self.phrases_:
            if not _PWORD.findall(p):
                raise ValueError(f"target phrase {p!r} has no words (letters or digits); phrases are matched word by word")
        self.anaphora_ = tuple(sorted({p.lower() for p in self.anaphora if p.strip()}))
        self.about_ = tuple(sorted({p.lower() for p in self.about if p.strip()}))
        for p in self.about_:
            if not _PWORD.findall(p):
                raise ValueError(f"about phrase {p!r} has no words (letters or digits); phrases are matched word by word")
        self._compile()
        self.feature_names_ = np.array(
            [f"phrase={p}" for p in self.phrases_]
            + ["target_hits", "context_hits", "target_any", "anaphor_with_context", "no_target"],
            dtype=object,
        )
        return self

    def _compile(self) -> None:
        self._block = TargetBlock(self.phrases_, self.anaphora_, getattr(self, "about_", ()))

    def __getstate__(self) -> dict[str, object]:
        state = dict(super().__getstate__())  # a copy: object.__getstate__ hands out __dict__ itself
        state.pop("_block", None)
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        super().__setstate__(state)
        if "phrases_" in state:
            self._compile()

    def transform(self, X: object) -> sp.csr_matrix:
        check_is_fitted(self, "feature_names_")
        items = as_inputs(X)
        lows = [it.text.lower() for it in items]
        return self._block.rows(items, lows, [_WORD.findall(low) for low in lows])


class KindFeatures(_NamedFeatures, TransformerMixin, BaseEstimator):
    """One-hot ``kind`` of the statement (direct, indirect, narrative; unknown kinds are all zero)."""

    def fit(self, X: object, y: object = None) -> "KindFeatures":
        as_inputs(X)
        self.feature_names_ = np.array([f"kind={k}" for k in _KINDS], dtype=object)
        return self

    def transform(self, X: object) -> sp.csr_matrix:
        check_is_fitted(self, "feature_names_")
        return kind_rows(as_inputs(X))


class AffixAnalyzer:
    """Word prefixes of the given lengths, a cheap stand-in for character n-grams.

    ``AffixAnalyzer((4, 6))("Welcomed it")`` gives ``["welc~", "welcom~"]``: words
    longer than a length contribute their prefix of that length, so "criticised",
    "criticism" and "critics" share features.
    """

    def __init__(self, lengths: tuple[int, ...] = (4, 6)) -> None:
        self.lengths = tuple(lengths)

    def __call__(self, doc: str) -> list[str]:
        return self.from_words(_WORD.findall(doc.lower()))

    def from_words(self, words: list[str]) -> list[str]:
        """The terms of a text already cut into lowercase :data:`_WORD` tokens."""
        return [t for w in words for t in affix_terms(w, self.lengths)]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AffixAnalyzer) and other.lengths == self.lengths

    def __hash__(self) -> int:
        return hash(self.lengths)

    def __repr__(self) -> str:
        return f"AffixAnalyzer({self.lengths!r})"


def _fit_vectorizer(vec: TfidfVectorizer, docs: list[str]) -> TfidfVectorizer | None:
    """Fit ``vec``; None when the documents leave it no vocabulary.

    The fitted vectorizer keeps no ``stop_words_`` (the terms ``min_df`` cut: a set, whose pickled
    order follows string hashing) and no ``_stop_words_id`` (an ``id()``), so that model files do
    not differ from run to run for those reasons.
    """
    try:
        vec.fit(docs)
    except ValueError:  # empty vocabulary
        return None
    for attr in ("stop_words_", "_stop_words_id"):
        if hasattr(vec, attr):
            delattr(vec, attr)
    return vec


# Per fitted vectorizer, its TfidfBlock (None: handed to scikit-learn); never pickled.
_BLOCKS: "WeakKeyDictionary[TfidfVectorizer, tuple[object, TfidfBlock | None]]" = WeakKeyDictionary()


def tfidf_block(vec: TfidfVectorizer) -> TfidfBlock | None:
    """The :class:`TfidfBlock` of a fitted vectorizer: its ``transform`` without scikit-learn's
    per-term Python loop; None for a configuration the block does not reproduce (binary, no idf,
    not float64, character analyzers, stop words, accent stripping, a custom tokenizer or
    preprocessor, uppercase kept, a token pattern with groups, or n-gram numbers too large)."""
    entry = _BLOCKS.get(vec)
    if entry is not None and entry[0] is vec.vocabulary_:
        return entry[1]
    block = None
    if not vec.binary and vec.use_idf and np.dtype(vec.dtype) == np.float64 and vec.norm in ("l1", "l2", None):
        terms = sorted(vec.vocabulary_, key=vec.vocabulary_.__getitem__)
        common = {"sublinear": vec.sublinear_tf, "norm": vec.norm, "vocabulary": vec.vocabulary_}
        if isinstance(vec.analyzer, AffixAnalyzer):
            block = TfidfBlock(terms, vec.idf_, affix_lengths=vec.analyzer.lengths, **common)
        elif vec.analyzer == "word" and vec.tokenizer is None and vec.preprocessor is None and vec.lowercase \
                and vec.stop_words is None and vec.strip_accents is None and vec.input == "content" \
                and not re.compile(vec.token_pattern).groups:
            lo, hi = vec.ngram_range
            n_words = len({w for t in terms for w in t.split(" ")})
            if float(max(n_words, 1)) ** hi < 2.0 ** 62:  # n-gram numbers fit in int64
                block = TfidfBlock(terms, vec.idf_, token_pattern=vec.token_pattern, ngram_range=(lo, hi), **common)
    _BLOCKS[vec] = (vec.vocabulary_, block)
    return block


def _tfidf_transform(vec: TfidfVectorizer, docs: list[str], lows: list[str] | None = None,
                     words: list[list[str]] | None = None) -> sp.csr_matrix:
    """``vec.transform(docs)`` by its :class:`TfidfBlock` (equal, tested), or by scikit-learn when
    it has none. ``lows`` and ``words`` (the lowercased documents and their :data:`_WORD` tokens)
    may be passed when already computed."""
    block = tfidf_block(vec)
    if block is None:
        return vec.transform(docs)
    return block.transform(docs, lows, words)


def _text_of(items: list[StatementInput]) -> list[str]:
    return [it.text for it in items]


# Per fitted featurizer, its FeaturePlan; per cue featurizer, the one block object that stands
# for it (so that plans of several targets share it).
_PLANS: "WeakKeyDictionary[object, tuple[tuple[object, ...], tuple[object, ...], FeaturePlan]]" = WeakKeyDictionary()
_CUE_BLOCKS: "WeakKeyDictionary[object, CueBlock]" = WeakKeyDictionary()


def _cue_block(cues: "CueLexiconFeatures") -> CueBlock:
    block = CueBlock(int(cues.negation_window), tuple(str(d) for d in cues.lexicon_dirs))
    old = _CUE_BLOCKS.get(cues)
    if old != block:  # first use, or set_params since
        _CUE_BLOCKS[cues] = old = block
    return old


class StanceFeaturizer(TransformerMixin, BaseEstimator):
    """All stance features of a statement toward one target, as one sparse matrix.

    Parameters
    ----------
    phrases, anaphora : tuple of str
        The target's signal phrases (see :class:`TargetSignalFeatures`).
    about : tuple of str, default ()
        Phrases that show a document is about the target at all (see
        :class:`TargetSignalFeatures`): with ``doc_focus``, a document that names none of them
        counts as one that names the target nowhere (and is gated with ``doc_gate``).
    word_ngram_range : tuple of int, default (1, 2)
        Word n-grams of the statement (TF-IDF, sublinear).
    char_ngram_range : tuple of int or None, default None
        Character n-grams within word boundaries; None turns them off.
    affix_lengths : tuple of int or None, default None
        Word prefixes of these lengths (see :class:`AffixAnalyzer`): most of
        what character n-grams add, at a fraction of the cost.
    min_df : int, default 2
    max_features : int or None, default 50_000
    use_cues, use_target, use_kind : bool, default True
    interaction_weight : float, default 1.0
        Weight of cue polarity crossed with target presence, so that a
        linear model can learn that "welcomed" matters when the target is
        in focus. 0 turns the interactions off.
    context_weight : float, default 0.0
        Weight of the word unigrams of the context (the statements before);
        0 turns them off.
    actor_weight : float, default 0.0
        Weight of the words of the actor's name (a source's known position
        is evidence); 0 turns them off.
    doc_weight : float, default 0.0
        Weight of the document context (see :func:`stancekit._vectors.doc_rows`): the target
        in the statements around one, in the whole document and in the same actor's other
        statements, read from the statements of one document passed together (same
        ``doc_id``). Needs ``use_cues`` and ``use_target``; 0 turns it off.
    stack_weight : float, default 0.0
        Weight of a first model's view of the document (the ``stack`` field of each
        statement, see :func:`stancekit._vectors.stack_rows`); 0 turns it off.
    actor_role : bool, default False
        The actor block reads the kind of actor, not the name's words.
    author_actor : bool, default False
        In the document context and the stacked view, the statements of the article's own
        voice (no actor) are one actor of their document: "the same actor's other statements"
        of such a statement are the article's other statements in its own voice.
    doc_focus : bool, default False
        With the document context, two more columns (see
        :meth:`stancekit._vectors.DocSignals.focus_rows`): whether the statement's document
        names the target nowhere, and how many of its statements name it.
    doc_gate : bool, default False
        With ``doc_focus``: a statement whose document names the target nowhere is labelled
        ``neutral`` (certain) by :class:`stancekit.StanceModel` and its scorer, whatever the
        classifier reads; the features are the same with or without it.
    author_stack : bool, default False
        With ``stack_weight``: after the first model's view, a column that is 1 for a statement
        in the article's own voice (no actor), and a copy of the view for such statements (0
        for the others), so that a linear classifier weighs the first model's reading apart for
        the article's own voice.
    paragraph_context : bool, default False
        With ``stack_weight``: the ``stack`` field ends with the first model's view of the
        statement's paragraph (4 columns per target, see
        :meth:`stancekit._vectors.StackSignals.matrix`, made with ``paragraph``), which come
        last, after the author's copy (they are not copied).
    questions : bool, default False
        Two columns after all others (:data:`stancekit._vectors.QUESTION_FEATURES`): whether the
        statement ends with a question mark, and whether it opens with an interviewer's label
        ("Q:", "Interviewer:"). A question mostly takes no position, where the same words stated
        would (the eleventh #14 round).
    lexicon_dirs : tuple of str, default ()
        Extra cue lexicons (see :class:`CueLexiconFeatures`).
    """

    def __init__(
        self,
        phrases: tuple[str, ...] = (),
        anaphora: tuple[str, ...] = (),
        about: tuple[str, ...] = (),
        word_ngram_range: tuple[int, int] = (1, 2),
        char_ngram_range: tuple[int, int] | None = None,
        affix_lengths: tuple[int, ...] | None = None,
        min_df: int = 2,
        max_features: int | None = 50_000,
        use_cues: bool = True,
        use_target: bool = True,
        use_kind: bool = True,
        interaction_weight: float = 1.0,
        context_weight: float = 0.0,
        actor_weight: float = 0.0,
        doc_weight: float = 0.0,
        stack_weight: float = 0.0,
        actor_role: bool = False,
        author_actor: bool = False,
        doc_focus: bool = False,
        doc_gate: bool = False,
        author_stack: bool = False,
        paragraph_context: bool = False,
        questions: bool = False,
        lexicon_dirs: tuple[str, ...] = (),
    ) -> None:
        self.phrases = phrases
        self.anaphora = anaphora
        self.about = about
        self.word_ngram_range = word_ngram_range
        self.char_ngram_range = char_ngram_range
        self.affix_lengths = affix_lengths
        self.min_df = min_df
        self.max_features = max_features
        self.use_cues = use_cues
        self.use_target = use_target
        self.use_kind = use_kind
        self.interaction_weight = interaction_weight
        self.context_weight = context_weight
        self.actor_weight = actor_weight
        self.doc_weight = doc_weight
        self.stack_weight = stack_weight
        self.actor_role = actor_role
        self.author_actor = author_actor
        self.doc_focus = doc_focus
        self.doc_gate = doc_gate
        self.author_stack = author_stack
        self.paragraph_context = paragraph_context
        self.questions = questions
        self.lexicon_dirs = lexicon_dirs

    def __setstate__(self, state: dict[str, object]) -> None:
        # A featurizer pickled before ``author_stack`` existed (models before the eighth #14
        # round) had none: the default, which adds no column, so that get_params and clone work.
        state = dict(state)
        state.setdefault("author_stack", False)
        state.setdefault("paragraph_context", False)  # likewise, before the tenth #14 round
        state.setdefault("questions", False)  # and before the eleventh
        super().__setstate__(state)

    def fit(self, X: object, y: object = None) -> "StanceFeaturizer":
        items = as_inputs(X)
        if not items:
            raise ValueError("X is empty: cannot fit a featurizer on no statements")
        texts = _text_of(items)
        min_df = self.min_df if len(items) >= 2 * self.min_df else 1
        tfidf = {"min_df": min_df, "sublinear_tf": True, "max_features": self.max_features, "dtype": np.float64}
        self.word_ = _fit_vectorizer(
            TfidfVectorizer(ngram_range=tuple(self.word_ngram_range), token_pattern=_WORD.pattern, **tfidf),
            texts) if self.word_ngram_range is not None else None
        self.char_ = _fit_vectorizer(
            TfidfVectorizer(analyzer="char_wb", ngram_range=tuple(self.char_ngram_range), **tfidf),
            texts) if self.char_ngram_range is not None else None
        self.affix_ = _fit_vectorizer(
            TfidfVectorizer(analyzer=AffixAnalyzer(tuple(self.affix_lengths)), **tfidf),
            texts) if self.affix_lengths else None
        self.context_ = _fit_vectorizer(
            TfidfVectorizer(min_df=min_df, sublinear_tf=True, max_features=self.max_features, dtype=np.float64),
            [it.context for it in items]) if self.context_weight else None
        self.actor_ = _fit_vectorizer(
            TfidfVectorizer(min_df=1, dtype=np.float64, token_pattern=r"(?u)\b\w[\w'’]+\b"),
            actor_texts(items, bool(self.actor_role))) if self.actor_weight else None
        self.cues_ = CueLexiconFeatures(lexicon_dirs=self.lexicon_dirs).fit(items) if self.use_cues else None
        self.target_ = (TargetSignalFeatures(tuple(self.phrases), tuple(self.anaphora),
                                             tuple(getattr(self, "about", ()) or ())).fit(items)
                        if self.use_target else None)
        self.kind_ = KindFeatures().fit(items) if self.use_kind else None
        self.n_stack_ = len(items[0].stack) if self.stack_weight else 0
        self.n_para_ = n_paragraph_columns(self.n_stack_) if self.paragraph_context else 0
        self.n_features_out_ = self.transform(items[:1]).shape[1]
        return self

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        check_is_fitted(self, "n_features_out_")
        names: list[str] = []
        if self.word_ is not None:
            names += [f"w:{n}" for n in self.word_.get_feature_names_out()]
        if self.char_ is not None:
            names += [f"c:{n}" for n in self.char_.get_feature_names_out()]
        if self.affix_ is not None:
            names += [f"a:{n}" for n in self.affix_.get_feature_names_out()]
        if self.context_ is not None:
            names += [f"ctx:{n}" for n in self.context_.get_feature_names_out()]
        if self.actor_ is not None:
            names += [f"actor:{n}" for n in self.actor_.get_feature_names_out()]
        for part, pre in ((self.cues_, "cue:"), (self.target_, "target:"), (self.kind_, "")):
            if part is not None:
                names += [pre + n for n in part.get_feature_names_out()]
        if self.cues_ is not None and self.target_ is not None and self.interaction_weight:
            names += ["x:pos*target", "x:neg*target", "x:pos*notarget", "x:neg*notarget"]
        if self.cues_ is not None and self.target_ is not None and getattr(self, "doc_weight", 0.0):
            names += list(DOC_FEATURES)
            if getattr(self, "doc_focus", False):
                names += list(FOCUS_FEATURES)
        if getattr(self, "n_stack_", 0):
            base = self.n_stack_ - getattr(self, "n_para_", 0)
            names += [f"stack:{k}" for k in range(base)]
            if self.author_stack:
                names += [VOICE_FEATURE] + [f"author:stack:{k}" for k in range(base)]
            names += [f"stack:{k}" for k in range(base, self.n_stack_)]
        if getattr(self, "questions", False):
            names += list(QUESTION_FEATURES)
        return np.array(names, dtype=object)

    def transform(self, X: object) -> sp.csr_matrix:
        check_is_fitted(self, "cues_")
        return self._transform(as_inputs(X), {})

    def _transform(self, items: list[StatementInput], cache: dict[object, object]) -> sp.csr_matrix:
        """Transform, reusing blocks already computed in ``cache`` by a shared sub-transformer.

        :func:`stancekit._model.fit_model` makes the pipelines of several targets share
        identical fitted vectorizers, so a statement's text is vectorized once per call; the
        lowercased texts and their word tokens are computed once for all blocks.
        """
        return self.feature_plan().transform(items, cache)

    def feature_plan(self) -> FeaturePlan:
        """The fitted blocks as a :class:`stancekit._vectors.FeaturePlan` (what :meth:`transform`
        computes; what a scorer file holds). Built again only when a part was refit or a parameter
        that the plan holds was set."""
        check_is_fitted(self, "cues_")
        parts = (self.word_, self.char_, getattr(self, "affix_", None), getattr(self, "context_", None),
                 getattr(self, "actor_", None), self.cues_, self.target_, self.kind_)
        word, char, affix, context, actor, cues, target, kind = parts
        # Parameters that set_params may change after fit (the blocks' own are read live too).
        weights = (float(self.context_weight), float(self.actor_weight), float(self.interaction_weight),
                   None if cues is None else _cue_block(cues), float(getattr(self, "doc_weight", 0.0)),
                   float(getattr(self, "stack_weight", 0.0)), int(getattr(self, "n_stack_", 0)),
                   bool(getattr(self, "actor_role", False)), bool(getattr(self, "author_actor", False)),
                   bool(getattr(self, "doc_focus", False)), bool(getattr(self, "doc_gate", False)),
                   bool(self.author_stack), int(getattr(self, "n_para_", 0)), bool(getattr(self, "questions", False)))
        # What a refit changes in place: a vectorizer's vocabulary, the target signals' compiled phrases.
        fitted = tuple(x for part in parts for x in (part, getattr(part, "vocabulary_", None),
                                                     getattr(part, "_block", None)))
        entry = _PLANS.get(self)
        if entry is not None and len(entry[0]) == len(fitted) and all(a is b for a, b in zip(entry[0], fitted)) \
                and entry[1] == weights:
            return entry[2]

        def block(vec):
            if vec is None:
                return None
            b = tfidf_block(vec)
            return b if b is not None else _Transform(vec.transform)

        plan = FeaturePlan(
            word=block(word), char=block(char), affix=block(affix), context=block(context), actor=block(actor),
            cues=weights[3], target=None if target is None else target._block,
            kind=kind is not None, context_weight=weights[0], actor_weight=weights[1], interaction_weight=weights[2],
            doc_weight=weights[4], stack_weight=weights[5], n_stack=weights[6], actor_role=weights[7],
            author_actor=weights[8], doc_focus=weights[9], doc_gate=weights[10], author_stack=weights[11],
            n_para=weights[12], questions=weights[13])
        _PLANS[self] = (fitted, weights, plan)
        return plan
