"""Featurizers: scikit-learn transformers over statements.

Each transformer takes ``X``, an iterable of statements, where a statement is
a ``str`` (its text) or a mapping / object with ``text`` and optionally
``context`` (the sentences just before it) and ``kind``. A bare string in
place of the iterable raises ``TypeError``, as in scikit-learn's text
vectorizers.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.utils.validation import check_is_fitted

from ._errors import DataError, location, type_error
from ._text import quote_spans

__all__ = [
    "StatementInput",
    "as_inputs",
    "CueLexiconFeatures",
    "TargetSignalFeatures",
    "KindFeatures",
    "StanceFeaturizer",
    "CUE_CLASSES",
]

CUE_CLASSES = ("endorse", "doubt", "hedge", "conditional")
_KINDS = ("direct", "indirect", "narrative")
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?|n['’]t")


@dataclass(frozen=True)
class StatementInput:
    """What the featurizers read of a statement."""

    text: str
    context: str = ""
    kind: str = ""
    actor: str = ""


def as_inputs(X: object, name: str = "X") -> list[StatementInput]:
    """Normalise ``X`` (an iterable of statements) to a list of :class:`StatementInput`."""
    if isinstance(X, (str, bytes)):
        raise TypeError(
            f"{name} must be an iterable of statements (str, mapping or Statement), "
            f"got a bare {type(X).__name__}; wrap a single statement in a list"
        )
    if not isinstance(X, Iterable):
        raise type_error(name, X, "an iterable of statements")
    out = []
    for i, item in enumerate(X):
        if isinstance(item, StatementInput):
            out.append(item)
        elif isinstance(item, str):
            out.append(StatementInput(item))
        elif isinstance(item, Mapping):
            text = item.get("text")
            if not isinstance(text, str):
                raise TypeError(f"{name}[{i}] has no str 'text' (got {type(text).__name__})")
            out.append(StatementInput(text, str(item.get("context") or ""), str(item.get("kind") or ""),
                                      str(item.get("actor") or "")))
        elif hasattr(item, "text") and isinstance(getattr(item, "text"), str):
            out.append(StatementInput(item.text, str(getattr(item, "context", "") or ""),
                                      str(getattr(item, "kind", "") or ""), str(getattr(item, "actor", "") or "")))
        else:
            raise type_error(f"{name}[{i}]", item, "str, a mapping with 'text', or a Statement")
    return out


# -- cue lexicons ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class _CueSet:
    exact: frozenset[str]
    prefixes: tuple[str, ...]
    phrases: re.Pattern[str] | None

    def hits(self, tokens: list[str], low: str) -> list[int]:
        """Token indexes that are cues, plus phrase hits as character offsets (negative-free)."""
        idx = []
        for i, t in enumerate(tokens):
            if t in self.exact or (self.prefixes and t.startswith(self.prefixes)):
                idx.append(i)
        return idx


def _read_cue_file(name: str, dirs: Sequence[str]) -> list[tuple[str, int, str]]:
    rows = []
    base = resources.files("stancekit").joinpath("data").joinpath("cues").joinpath(f"{name}.txt")
    sources = [(f"stancekit/data/cues/{name}.txt", base.read_text(encoding="utf-8"))]
    for d in dirs:
        p = Path(d) / "cues" / f"{name}.txt"
        if p.is_file():
            sources.append((str(p), p.read_text(encoding="utf-8")))
    for src, text in sources:
        for n, raw in enumerate(text.splitlines(), 1):
            line = raw.strip().lower()
            if line and not line.startswith("#"):
                if "*" in line[:-1]:
                    raise DataError(f"{location(src, n)}: '*' may only end an entry, got {raw.strip()!r}")
                rows.append((src, n, line))
    return rows


_TOKEN_CLASS_CACHE: dict[tuple[str, ...], dict[str, tuple[int, ...]]] = {}


def _token_classes(dirs: tuple[str, ...], sets: dict[str, "_CueSet"]) -> dict[str, tuple[int, ...]]:
    """A per-lexicon memo: token -> indexes of the cue classes it belongs to."""
    memo = _TOKEN_CLASS_CACHE.get(dirs)
    if memo is None or len(memo) > 500_000:
        memo = _TOKEN_CLASS_CACHE[dirs] = {}
    return memo


@lru_cache(maxsize=8)
def _cue_sets(dirs: tuple[str, ...]) -> tuple[dict[str, _CueSet], frozenset[str]]:
    sets = {}
    for cls in CUE_CLASSES:
        exact, prefixes, phrases = set(), [], []
        for _src, _n, line in _read_cue_file(cls, dirs):
            if " " in line:
                phrases.append(re.escape(line.rstrip("*")) + (r"\w*" if line.endswith("*") else r"\b"))
            elif line.endswith("*"):
                prefixes.append(line[:-1])
            else:
                exact.add(line)
        pat = re.compile(r"\b(?:" + "|".join(phrases) + ")") if phrases else None
        sets[cls] = _CueSet(frozenset(exact), tuple(sorted(set(prefixes))), pat)
    neg = frozenset(line for _s, _n, line in _read_cue_file("negation", dirs))
    return sets, neg


def _quoted_mask(text: str) -> list[tuple[int, int]]:
    return quote_spans(text, [(0, len(text))])


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
        names = []
        for cls in ("endorse", "doubt"):
            for where in ("quote", "frame"):
                names += [f"{cls}_{where}", f"{cls}_{where}_negated"]
        names += ["polarity_pos", "polarity_neg", "hedge", "conditional"]
        self.feature_names_ = np.array(names, dtype=object)
        return self

    def transform(self, X: object) -> sp.csr_matrix:
        check_is_fitted(self, "feature_names_")
        items = as_inputs(X)
        sets, neg = _cue_sets(tuple(str(d) for d in self.lexicon_dirs))
        rows = np.zeros((len(items), len(self.feature_names_)), dtype=np.float64)
        w = self.negation_window
        dirs = tuple(str(d) for d in self.lexicon_dirs)
        memo = _token_classes(dirs, sets)
        classes = [sets[c] for c in CUE_CLASSES]
        for r, it in enumerate(items):
            low = it.text.lower()
            toks = [(m.group(0), m.start()) for m in _WORD.finditer(low)]
            spans = _quoted_mask(it.text) if ('"' in low or "“" in low or "«" in low or "‘" in low or "'" in low) else []
            counts = [[0, 0, 0, 0] for _ in CUE_CLASSES]  # quote, quote_negated, frame, frame_negated
            neg_until = -1
            for i, (t, pos) in enumerate(toks):
                hit = memo.get(t)
                if hit is None:
                    hit = tuple(k for k, cs in enumerate(classes)
                                if t in cs.exact or (cs.prefixes and t.startswith(cs.prefixes)))
                    memo[t] = hit
                if hit:
                    negated = i <= neg_until
                    inq = bool(spans) and any(s0 <= pos < e0 for s0, e0 in spans)
                    slot = (0 if inq else 2) + (1 if negated else 0)
                    for k in hit:
                        counts[k][slot] += 1
                if t in neg or t.endswith(("n't", "n’t")):
                    neg_until = i + w
            for k, cs in enumerate(classes):
                if cs.phrases is not None:
                    for m in cs.phrases.finditer(low):
                        inq = bool(spans) and any(s0 <= m.start() < e0 for s0, e0 in spans)
                        counts[k][0 if inq else 2] += 1
            e, d = counts[0], counts[1]
            vals = [e[0], e[1], e[2], e[3], d[0], d[1], d[2], d[3]]
            pos_ = e[0] + e[2] + d[1] + d[3]
            negc = d[0] + d[2] + e[1] + e[3]
            vals += [pos_, negc, sum(counts[2]), sum(counts[3])]
            rows[r] = [math.log1p(v) for v in vals]
        return sp.csr_matrix(rows)


class TargetSignalFeatures(_NamedFeatures, TransformerMixin, BaseEstimator):
    """Which target phrases appear in the statement and in the sentences just before it.

    Parameters
    ----------
    phrases : tuple of str
        Lowercase phrases that signal the target.
    anaphora : tuple of str
        Phrases that may refer back to the target ("the initiative", "it").

    Features: one indicator per phrase in the statement; the number of
    phrase hits in the statement and in its context (``log1p``); whether the
    target appears anywhere; and anaphora in the statement while the target
    appears in the context.
    """

    def __init__(self, phrases: tuple[str, ...] = (), anaphora: tuple[str, ...] = ()) -> None:
        self.phrases = phrases
        self.anaphora = anaphora

    def fit(self, X: object, y: object = None) -> "TargetSignalFeatures":
        if isinstance(self.phrases, str) or isinstance(self.anaphora, str):
            raise TypeError("phrases and anaphora must be sequences of str, not a bare str")
        as_inputs(X)
        self.phrases_ = tuple(sorted({p.lower() for p in self.phrases if p.strip()}))
        self.anaphora_ = tuple(sorted({p.lower() for p in self.anaphora if p.strip()}))
        self._compile()
        self.feature_names_ = np.array(
            [f"phrase={p}" for p in self.phrases_]
            + ["target_hits", "context_hits", "target_any", "anaphor_with_context", "no_target"],
            dtype=object,
        )
        return self

    def _compile(self) -> None:
        def pat(items: tuple[str, ...]) -> re.Pattern[str] | None:
            if not items:
                return None
            alts = sorted((re.escape(p) for p in items), key=len, reverse=True)
            return re.compile(r"(?<![\w])(?:" + "|".join(alts) + r")(?![\w])")
        self._phrase_re = pat(self.phrases_)
        self._anaphor_re = pat(self.anaphora_)
        self._index = {p: i for i, p in enumerate(self.phrases_)}

    def __getstate__(self) -> dict[str, object]:
        state = self.__dict__.copy()
        for k in ("_phrase_re", "_anaphor_re", "_index"):
            state.pop(k, None)
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        if "phrases_" in state:
            self._compile()

    def transform(self, X: object) -> sp.csr_matrix:
        check_is_fitted(self, "feature_names_")
        items = as_inputs(X)
        n_p = len(self.phrases_)
        data, indices, indptr = [], [], [0]
        for it in items:
            row: dict[int, float] = {}
            hits = 0
            if self._phrase_re is not None:
                for m in self._phrase_re.finditer(it.text.lower()):
                    row[self._index[m.group(0)]] = 1.0
                    hits += 1
            ctx_hits = len(self._phrase_re.findall(it.context.lower())) if (self._phrase_re and it.context) else 0
            ana = bool(self._anaphor_re and self._anaphor_re.search(it.text.lower()))
            row[n_p] = math.log1p(hits)
            row[n_p + 1] = math.log1p(ctx_hits)
            if hits:
                row[n_p + 2] = 1.0
            if ana and ctx_hits and not hits:
                row[n_p + 3] = 1.0
            if not hits and not (ana and ctx_hits):
                row[n_p + 4] = 1.0
            for k in sorted(row):
                if row[k]:
                    indices.append(k)
                    data.append(row[k])
            indptr.append(len(indices))
        return sp.csr_matrix((data, indices, indptr), shape=(len(items), len(self.feature_names_)))


class KindFeatures(_NamedFeatures, TransformerMixin, BaseEstimator):
    """One-hot ``kind`` of the statement (direct, indirect, narrative; unknown kinds are all zero)."""

    def fit(self, X: object, y: object = None) -> "KindFeatures":
        as_inputs(X)
        self.feature_names_ = np.array([f"kind={k}" for k in _KINDS], dtype=object)
        return self

    def transform(self, X: object) -> sp.csr_matrix:
        check_is_fitted(self, "feature_names_")
        items = as_inputs(X)
        m = np.zeros((len(items), len(_KINDS)))
        for i, it in enumerate(items):
            if it.kind in _KINDS:
                m[i, _KINDS.index(it.kind)] = 1.0
        return sp.csr_matrix(m)


class AffixAnalyzer:
    """Word prefixes of the given lengths, a cheap stand-in for character n-grams.

    ``AffixAnalyzer((4, 6))("Welcomed it")`` gives ``["welc~", "welcom~"]``: words
    longer than a length contribute their prefix of that length, so "criticised",
    "criticism" and "critics" share features.
    """

    def __init__(self, lengths: tuple[int, ...] = (4, 6)) -> None:
        self.lengths = tuple(lengths)

    def __call__(self, doc: str) -> list[str]:
        out = []
        lengths = self.lengths
        for w in _WORD.findall(doc.lower()):
            n = len(w)
            for k in lengths:
                if n > k:
                    out.append(w[:k] + "~")
        return out

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


def _actor_texts(items: list[StatementInput]) -> list[str]:
    return [it.actor or "NOACTOR" for it in items]


def _text_of(items: list[StatementInput]) -> list[str]:
    return [it.text for it in items]


class StanceFeaturizer(TransformerMixin, BaseEstimator):
    """All stance features of a statement toward one target, as one sparse matrix.

    Parameters
    ----------
    phrases, anaphora : tuple of str
        The target's signal phrases (see :class:`TargetSignalFeatures`).
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
    lexicon_dirs : tuple of str, default ()
        Extra cue lexicons (see :class:`CueLexiconFeatures`).
    """

    def __init__(
        self,
        phrases: tuple[str, ...] = (),
        anaphora: tuple[str, ...] = (),
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
        lexicon_dirs: tuple[str, ...] = (),
    ) -> None:
        self.phrases = phrases
        self.anaphora = anaphora
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
        self.lexicon_dirs = lexicon_dirs

    def fit(self, X: object, y: object = None) -> "StanceFeaturizer":
        items = as_inputs(X)
        if not items:
            raise ValueError("X is empty: cannot fit a featurizer on no statements")
        texts = _text_of(items)
        min_df = self.min_df if len(items) >= 2 * self.min_df else 1
        tfidf = {"min_df": min_df, "sublinear_tf": True, "max_features": self.max_features, "dtype": np.float64}
        self.word_ = _fit_vectorizer(
            TfidfVectorizer(ngram_range=tuple(self.word_ngram_range), token_pattern=r"(?u)\b\w[\w'’]*\b", **tfidf),
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
            _actor_texts(items)) if self.actor_weight else None
        self.cues_ = CueLexiconFeatures(lexicon_dirs=self.lexicon_dirs).fit(items) if self.use_cues else None
        self.target_ = (TargetSignalFeatures(tuple(self.phrases), tuple(self.anaphora)).fit(items)
                        if self.use_target else None)
        self.kind_ = KindFeatures().fit(items) if self.use_kind else None
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
        return np.array(names, dtype=object)

    def transform(self, X: object) -> sp.csr_matrix:
        check_is_fitted(self, "cues_")
        return self._transform(as_inputs(X), {})

    def _transform(self, items: list[StatementInput], cache: dict[int, object]) -> sp.csr_matrix:
        """Transform, reusing blocks already computed in ``cache`` by a shared sub-transformer.

        :func:`stancekit._model.fit_model` makes the pipelines of several targets share
        identical fitted vectorizers, so a statement's text is vectorized once per call.
        """
        texts = None

        def block(obj, fn):
            key = id(obj)
            if key not in cache:
                cache[key] = fn()
            return cache[key]

        blocks = []
        for vec, src in ((self.word_, "text"), (self.char_, "text"), (getattr(self, "affix_", None), "text"),
                         (getattr(self, "context_", None), "context"), (getattr(self, "actor_", None), "actor")):
            if vec is None:
                continue
            if src == "text":
                texts = texts if texts is not None else _text_of(items)
                blocks.append(block(vec, lambda v=vec: v.transform(texts)))
            elif src == "context":
                blocks.append(block(vec, lambda v=vec: v.transform([it.context for it in items]))
                              * float(self.context_weight))
            else:
                blocks.append(block(vec, lambda v=vec: v.transform(_actor_texts(items)))
                              * float(self.actor_weight))
        cues = block(self.cues_, lambda: self.cues_.transform(items)) if self.cues_ is not None else None
        tgt = self.target_.transform(items) if self.target_ is not None else None
        for b in (cues, tgt):
            if b is not None:
                blocks.append(b)
        if self.kind_ is not None:
            blocks.append(block(self.kind_, lambda: self.kind_.transform(items)))
        if cues is not None and tgt is not None and self.interaction_weight:
            n_p = len(self.target_.phrases_)
            c = cues.toarray()
            pos, neg = c[:, 8], c[:, 9]
            t = tgt.toarray()
            present = np.maximum(t[:, n_p + 2], t[:, n_p + 3])
            w = float(self.interaction_weight)
            inter = np.column_stack([pos * present, neg * present, pos * (1 - present), neg * (1 - present)]) * w
            blocks.append(sp.csr_matrix(inter))
        if not blocks:
            return sp.csr_matrix((len(items), 0))
        return sp.hstack(blocks, format="csr")
