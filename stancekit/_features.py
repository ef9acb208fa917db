"""Featurizers: scikit-learn transformers over statements.

Each transformer takes ``X``, an iterable of statements, where a statement is
a ``str`` (its text) or a mapping / object with ``text`` and optionally
``context`` (the sentences just before it) and ``kind``. A bare string in
place of the iterable raises ``TypeError``, as in scikit-learn's text
vectorizers.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import accumulate, chain, islice, repeat
from pathlib import Path
from typing import NamedTuple
from weakref import WeakKeyDictionary

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted

from ._errors import DataError, location, type_error
from ._segment import Statement
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


class StatementInput(NamedTuple):
    """What the featurizers read of a statement (a named tuple: built for every statement scored)."""

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
        elif type(item) is Statement:  # the segmenter's own: its fields are known (no context)
            out.append(StatementInput(item.text, "", item.kind or "", item.actor or ""))
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
    phrases: tuple[tuple[str, ...], ...]  # token sequences; a last token ending in "*" is a prefix


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


@lru_cache(maxsize=8)
def _cue_sets(dirs: tuple[str, ...]) -> tuple[dict[str, _CueSet], frozenset[str]]:
    sets = {}
    for cls in CUE_CLASSES:
        exact, prefixes, phrases = set(), [], []
        for _src, _n, line in _read_cue_file(cls, dirs):
            if " " in line:
                phrases.append(tuple(line.split()))
            elif line.endswith("*"):
                prefixes.append(line[:-1])
            else:
                exact.add(line)
        sets[cls] = _CueSet(frozenset(exact), tuple(sorted(set(prefixes))), tuple(sorted(set(phrases))))
    neg = frozenset(line for _s, _n, line in _read_cue_file("negation", dirs))
    return sets, neg


# A token's code: bit k for membership of CUE_CLASSES[k], then a bit for negators and one for
# the anchor of a multi-word cue (its longest word, which is rarer than "in" or "at").
_NEGATOR = 1 << len(CUE_CLASSES)
_PHRASE_ANCHOR = 1 << (len(CUE_CLASSES) + 1)
_CLASS_BITS = _NEGATOR - 1
_CODE_CACHE: dict[tuple[str, ...], dict[str, int]] = {}


def _token_codes(dirs: tuple[str, ...]) -> dict[str, int]:
    """A per-lexicon memo, token -> code; cleared when it grows past 500,000 tokens."""
    memo = _CODE_CACHE.get(dirs)
    if memo is None or len(memo) > 500_000:
        memo = _CODE_CACHE[dirs] = {}
    return memo


_Anchored = tuple[int, tuple[str, ...], int]  # class index, the cue's tokens, the anchor's index in them


@lru_cache(maxsize=8)
def _phrases_by_anchor(dirs: tuple[str, ...]) -> tuple[dict[str, list[_Anchored]], list[_Anchored]]:
    """Multi-word cues by their anchor (the first of their longest words), exact anchors in a
    dict and prefix anchors (``word*``) in a list."""
    sets, _neg = _cue_sets(dirs)
    by_anchor: dict[str, list[_Anchored]] = {}
    starred: list[_Anchored] = []
    for k, cls in enumerate(CUE_CLASSES):
        for ph in sets[cls].phrases:
            a = max(range(len(ph)), key=lambda n: len(ph[n].rstrip("*")))
            if ph[a].endswith("*"):
                starred.append((k, ph, a))
            else:
                by_anchor.setdefault(ph[a], []).append((k, ph, a))
    return by_anchor, starred


def _phrases_at(token: str, dirs: tuple[str, ...]) -> list[_Anchored]:
    """The multi-word cues that ``token`` can be the anchor of."""
    by_anchor, starred = _phrases_by_anchor(dirs)
    return by_anchor.get(token, []) + [x for x in starred if _token_matches(token, x[1][x[2]])]


def _code(token: str, classes: list[_CueSet], neg: frozenset[str], dirs: tuple[str, ...]) -> int:
    code = 0
    for k, cs in enumerate(classes):
        if token in cs.exact or (cs.prefixes and token.startswith(cs.prefixes)):
            code |= 1 << k
    if _phrases_at(token, dirs):
        code |= _PHRASE_ANCHOR
    if token in neg or token.endswith(("n't", "n’t")):
        code |= _NEGATOR
    return code


def _token_matches(token: str, entry: str) -> bool:
    return token.startswith(entry[:-1]) if entry.endswith("*") else token == entry


def _phrase_at(toks: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return 0 <= i and i + n <= len(toks) and all(_token_matches(toks[i + k], phrase[k]) for k in range(n))


def _word_starts(low: str, toks: list[str]) -> list[int]:
    """Offsets of the :data:`_WORD` tokens ``toks`` of ``low``: the gaps between tokens and the
    tokens, added up (what ``finditer`` gives, without a match object per token)."""
    lengths = chain.from_iterable(zip(map(len, _WORD.split(low)), map(len, toks)))
    return list(islice(accumulate(lengths), 0, None, 2))


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
        lows = [it.text.lower() for it in items]
        return self._transform(items, lows, [_WORD.findall(low) for low in lows])

    def _transform(self, items: list[StatementInput], lows: list[str], words: list[list[str]]) -> sp.csr_matrix:
        """The features, from each statement's lowercased text and its :data:`_WORD` tokens."""
        dirs = tuple(str(d) for d in self.lexicon_dirs)
        sets, neg = _cue_sets(dirs)
        classes = [sets[c] for c in CUE_CLASSES]
        memo = _token_codes(dirs)
        rows = np.zeros((len(items), len(self.feature_names_)), dtype=np.float64)
        flat = list(chain.from_iterable(words))
        for t in set(flat).difference(memo):
            memo[t] = _code(t, classes, neg, dirs)
        codes = np.fromiter(map(memo.__getitem__, flat), dtype=np.int64, count=len(flat))
        hit_at = np.flatnonzero(codes)  # most tokens are no cue: only these are looked at
        if not len(hit_at):
            return sp.csr_matrix(rows)
        n_cls = len(CUE_CLASSES)
        ends = np.cumsum([len(ws) for ws in words])
        owner = np.searchsorted(ends, hit_at, side="right")
        local = hit_at - (ends - np.fromiter(map(len, words), dtype=np.int64, count=len(words)))[owner]
        hit_codes = codes[hit_at]
        # Negated: a negator stands at most negation_window tokens before, in the same statement.
        neg_pos = np.where(hit_codes & _NEGATOR, hit_at, -1)
        last_neg = np.maximum.accumulate(np.concatenate(([-1], neg_pos[:-1])))
        negated = (last_neg >= 0) & (hit_at - last_neg <= self.negation_window) \
            & (np.searchsorted(ends, last_neg, side="right") == owner)
        # Inside quotation marks: only statements with a quote mark and a cue are looked at.
        inside = np.zeros(len(hit_at), dtype=bool)
        spans_of: dict[int, tuple[list[tuple[int, int]], list[int]]] = {}

        def quoted(r: int, i: int) -> bool:
            """Whether token ``i`` of statement ``r`` lies inside a quotation."""
            if r not in spans_of:
                low = lows[r]
                has_mark = '"' in low or "“" in low or "«" in low or "‘" in low or "'" in low
                spans = _quoted_mask(items[r].text) if has_mark else []
                spans_of[r] = (spans, _word_starts(low, words[r]) if spans else [])
            spans, starts = spans_of[r]
            return bool(spans) and any(s0 <= starts[i] < e0 for s0, e0 in spans)

        owner_list, local_list = owner.tolist(), local.tolist()
        for k in np.flatnonzero(hit_codes & _CLASS_BITS).tolist():
            inside[k] = quoted(owner_list[k], local_list[k])
        counts = np.zeros((len(items), n_cls, 4), dtype=np.float64)  # quote, quote_negated, frame, frame_negated
        slot = np.where(inside, 0, 2) + negated
        for c in range(n_cls):
            m = (hit_codes >> c & 1).astype(bool)
            np.add.at(counts, (owner[m], c, slot[m]), 1.0)
        # A multi-word cue counts once, never negated (negation scope is for single words).
        for k in np.flatnonzero(hit_codes & _PHRASE_ANCHOR).tolist():
            r, i = owner_list[k], local_list[k]
            toks = words[r]
            for c, ph, a in _phrases_at(toks[i], dirs):
                if _phrase_at(toks, i - a, ph):
                    counts[r, c, 0 if quoted(r, i - a) else 2] += 1
        e, d = counts[:, 0], counts[:, 1]
        rows[:, 0:4] = e
        rows[:, 4:8] = d
        rows[:, 8] = e[:, 0] + e[:, 2] + d[:, 1] + d[:, 3]
        rows[:, 9] = d[:, 0] + d[:, 2] + e[:, 1] + e[:, 3]
        rows[:, 10] = counts[:, 2].sum(axis=1)
        rows[:, 11] = counts[:, 3].sum(axis=1)
        return sp.csr_matrix(np.log1p(rows))


def _trie_pattern(phrases: Iterable[str]) -> str:
    """A regex matching any of ``phrases``, the longest first, as a character trie.

    It matches what ``(?:p1|p2|...)`` with the phrases sorted longest first matches (where two
    phrases both match at one place, one is a prefix of the other, and the longer is tried
    first), but ``re`` then checks each character once instead of once per phrase.
    """
    trie: dict[str, dict] = {}
    for p in phrases:
        node = trie
        for ch in p:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + build(trie) + ")"


# -- target phrases, matched over word pieces -------------------------------------------------------

# Every word piece of every phrase matcher built in this process gets an id in _PIECE_IDS (pieces
# come from phrase lists, never from texts, and are never forgotten). Text tokens are memoised in
# a _TokenPieces: a token of one piece maps to its id (-1 for a piece no phrase has); a token of
# several pieces with a known one, to -3 - k for its k-th entry of ``multi``. The memo is replaced
# (never changed under a reader's feet) when it passes 500,000 tokens or a phrase brings a new piece.
_PIECE_IDS: dict[str, int] = {}
_PIECES_LOCK = threading.Lock()


class _TokenPieces(NamedTuple):
    codes: dict[str, int]
    multi: list[tuple[int, ...]]


_TOKENS = _TokenPieces({}, [])
_NODE_BASE = 1 << 31  # a trie edge's key: node * _NODE_BASE + piece id


def _pieces(token: str) -> tuple[str, ...]:
    """A :data:`_WORD` token as a phrase sees it: an apostrophe ending is a piece of its own, so that
    ``kazakhstan`` matches in ``kazakhstan's`` (as a phrase matches before any character that is
    not a letter or digit) and ``kazakhstan's chair`` still needs the ``'s``."""
    for i, ch in enumerate(token):
        if ch in "'’":
            return (token[:i], token[i:]) if i else (token,)
    return (token,)


def _piece_ids(words: list[list[str]]) -> np.ndarray:
    """The piece ids of texts given as :data:`_WORD` tokens (-1 for a piece no phrase has), each
    text followed by a -2."""
    global _TOKENS
    memo = _TOKENS
    if len(memo.codes) > 500_000:
        memo = _TOKENS = _TokenPieces({}, [])
    flat = list(chain.from_iterable(words))
    try:
        ids = np.fromiter(map(memo.codes.__getitem__, flat), dtype=np.int64, count=len(flat))
    except KeyError:
        with _PIECES_LOCK:
            for t in set(flat).difference(memo.codes):
                ps = tuple(_PIECE_IDS.get(x, -1) for x in _pieces(t))
                if max(ps) < 0 or len(ps) == 1:
                    memo.codes[t] = max(ps)  # no piece of any phrase breaks a match as well as two do
                else:
                    memo.multi.append(ps)
                    memo.codes[t] = -2 - len(memo.multi)
        ids = np.fromiter(map(memo.codes.__getitem__, flat), dtype=np.int64, count=len(flat))
    ids = np.insert(ids, np.cumsum(np.fromiter(map(len, words), dtype=np.int64, count=len(words))), -2)
    multi = np.flatnonzero(ids <= -3)
    if len(multi):
        parts = [memo.multi[-3 - c] for c in ids[multi].tolist()]
        reps = np.ones(len(ids), dtype=np.int64)
        reps[multi] = [len(p) for p in parts]
        at = (np.cumsum(reps) - reps)[multi].tolist()
        ids = np.repeat(ids, reps)
        for a, p in zip(at, parts):
            ids[a : a + len(p)] = p
    return ids


class _PhraseMatcher:
    """Phrases as a trie of word pieces, walked over a whole batch of texts in numpy.

    A phrase matches where its pieces stand in a row: "euro-atlantic" matches "euro atlantic",
    "Kazakhstan" matches in "Kazakhstan's". In each text, matches are taken from the left, the
    longest at each place, and do not overlap. Two phrases with the same pieces ("euro-atlantic",
    "euro atlantic") are one: the first in ``phrases`` order gets the matches.
    """

    def __init__(self, phrases: Sequence[str]) -> None:
        seqs = [[x for t in _WORD.findall(p.lower()) for x in _pieces(t)] for p in phrases]
        global _TOKENS
        with _PIECES_LOCK:
            new = {x for seq in seqs for x in seq}.difference(_PIECE_IDS)
            for x in sorted(new):
                _PIECE_IDS[x] = len(_PIECE_IDS)
            if new:
                _TOKENS = _TokenPieces({}, [])  # memoised tokens may hold a piece that has an id now
        edges: dict[int, int] = {}
        accept = [-1]
        for col, seq in enumerate(seqs):
            node = 0
            for x in seq:
                key = node * _NODE_BASE + _PIECE_IDS[x]
                if key not in edges:
                    edges[key] = len(accept)
                    accept.append(-1)
                node = edges[key]
            if seq and accept[node] < 0:
                accept[node] = col
        order = sorted(edges)
        self.edge_keys = np.array(order, dtype=np.int64)
        self.edge_to = np.array([edges[k] for k in order], dtype=np.int64)
        self.accept = np.array(accept, dtype=np.int64)
        self.longest = max(map(len, seqs), default=0)

    def find(self, words: list[list[str]], pieces: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Text index and phrase index of every match in texts given as :data:`_WORD` tokens
        (``pieces``: their :func:`_piece_ids`, when already computed)."""
        ids = _piece_ids(words) if pieces is None else pieces
        none = np.zeros(0, dtype=np.int64)
        if not len(self.edge_keys) or not len(ids):
            return none, none
        starts = np.flatnonzero(ids >= 0)
        node = np.zeros(len(starts), dtype=np.int64)
        best_len = np.zeros(len(starts), dtype=np.int64)
        best_col = np.full(len(starts), -1, dtype=np.int64)
        live = np.arange(len(starts))
        last = len(self.edge_keys) - 1
        for k in range(self.longest):
            at = starts[live] + k
            live, at = live[at < len(ids)], at[at < len(ids)]
            key = node[live] * _NODE_BASE + ids[at]  # a negative id (no phrase's piece, a text's end) is no edge
            e = np.minimum(np.searchsorted(self.edge_keys, key), last)
            ok = (self.edge_keys[e] == key) & (ids[at] >= 0)
            live, e = live[ok], e[ok]
            if not len(live):
                break
            node[live] = self.edge_to[e]
            col = self.accept[node[live]]
            won = col >= 0
            best_len[live[won]] = k + 1
            best_col[live[won]] = col[won]
        found = np.flatnonzero(best_col >= 0)
        # From the left, the longest at each place, no overlaps.
        keep = []
        end = -1
        for f, s, n in zip(found.tolist(), starts[found].tolist(), best_len[found].tolist()):
            if s >= end:
                keep.append(f)
                end = s + n
        if not keep:
            return none, none
        kept = np.array(keep, dtype=np.int64)
        rows = np.searchsorted(np.flatnonzero(ids == -2), starts[kept])  # -2 closes each text
        return rows.astype(np.int64), best_col[kept]


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

    Phrases are matched word by word (see :class:`_PhraseMatcher`): the
    characters between words do not matter ("human-rights" matches "human
    rights"), an apostrophe ending is a word of its own ("Kazakhstan"
    matches in "Kazakhstan's"), and a phrase never matches inside a longer
    word. Anaphora are matched as written.
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
        self._matcher = _PhraseMatcher(self.phrases_) if self.phrases_ else None
        self._anaphor_re = (re.compile(r"(?<![\w])" + _trie_pattern(self.anaphora_) + r"(?![\w])")
                            if self.anaphora_ else None)

    def __getstate__(self) -> dict[str, object]:
        state = self.__dict__.copy()
        for k in ("_matcher", "_anaphor_re"):
            state.pop(k, None)
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        if "phrases_" in state:
            self._compile()

    def transform(self, X: object) -> sp.csr_matrix:
        check_is_fitted(self, "feature_names_")
        items = as_inputs(X)
        lows = [it.text.lower() for it in items]
        return self._transform(items, lows, [_WORD.findall(low) for low in lows])

    def _transform(self, items: list[StatementInput], lows: list[str], words: list[list[str]],
                   pieces: np.ndarray | None = None) -> sp.csr_matrix:
        """The features, from each statement's lowercased text and its :data:`_WORD` tokens
        (and their :func:`_piece_ids`, when already computed).

        When a statement's context is the text of the one or two statements just before it (as
        :class:`stancekit.StanceModel` builds it), their phrase counts are reused, not searched
        again: a phrase straddling two statements (they end in punctuation) is the only thing this
        could miss.
        """
        n_p = len(self.phrases_)
        n = len(items)
        matcher = self._matcher
        if matcher is not None:
            rows, cols = matcher.find(words, pieces)
        else:
            rows = cols = np.zeros(0, dtype=np.int64)
        hits = np.bincount(rows, minlength=n).astype(np.float64)
        ctx_hits = np.zeros(n)
        if matcher is not None:
            fresh: list[int] = []
            for i, it in enumerate(items):
                ctx = it.context
                if not ctx:
                    continue
                if i >= 1 and ctx == items[i - 1].text:
                    ctx_hits[i] = hits[i - 1]
                elif i >= 2 and len(ctx) == len(items[i - 2].text) + 1 + len(items[i - 1].text) \
                        and ctx == items[i - 2].text + " " + items[i - 1].text:
                    ctx_hits[i] = hits[i - 2] + hits[i - 1]
                else:
                    fresh.append(i)
            if fresh:
                r, _c = matcher.find([_WORD.findall(items[i].context.lower()) for i in fresh])
                ctx_hits[fresh] = np.bincount(r, minlength=len(fresh))
        anaphor = np.zeros(n)
        if self._anaphor_re is not None:
            for i in np.flatnonzero((hits == 0) & (ctx_hits > 0)).tolist():
                if self._anaphor_re.search(lows[i]):
                    anaphor[i] = 1.0
        phrases = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n_p))
        phrases.data[:] = 1.0  # an indicator, however often the phrase occurs
        any_ = (hits > 0).astype(np.float64)
        rest = np.column_stack([np.log1p(hits), np.log1p(ctx_hits), any_, anaphor, (1 - any_) * (1 - anaphor)])
        return sp.hstack([phrases, sp.csr_matrix(rest)], format="csr")


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
        return self.from_words(_WORD.findall(doc.lower()))

    def from_words(self, words: list[str]) -> list[str]:
        """The terms of a text already cut into lowercase :data:`_WORD` tokens."""
        return [w[:k] + "~" for w in words for k in self.lengths if len(w) > k]

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


# Per fitted vectorizer, a fast lookup from tokens to columns (never pickled).
_LOOKUPS: "WeakKeyDictionary[TfidfVectorizer, dict[object, object]]" = WeakKeyDictionary()


def _lookup(vec: TfidfVectorizer) -> dict[object, object]:
    table = _LOOKUPS.get(vec)
    if table is None or table.get("_vocabulary") is not vec.vocabulary_:
        table = _LOOKUPS[vec] = {"_vocabulary": vec.vocabulary_}
    return table


class _WordIndex:
    """A fitted word vectorizer's vocabulary as integer arrays, for counting a batch in numpy.

    Every word of a vocabulary term gets an id; an n-gram is the base-``n_words`` number of its
    words' ids, looked up in a sorted array. Python touches each token once (a dict lookup).
    """

    def __init__(self, vec: TfidfVectorizer, pat: re.Pattern[str]) -> None:
        self.findall = pat.findall
        self.lo, self.hi = vec.ngram_range
        grams = [(term.split(" "), col) for term, col in vec.vocabulary_.items()]
        self.ids: dict[str, int] = {}
        for parts, _col in grams:
            for w in parts:
                self.ids.setdefault(w, len(self.ids))
        n_words = max(len(self.ids), 1)
        self.base = n_words
        self.unigram_col = np.full(n_words, -1, dtype=np.int64)
        keys: dict[int, list[tuple[int, int]]] = {}
        for parts, col in grams:
            if len(parts) == 1:
                self.unigram_col[self.ids[parts[0]]] = col
            else:
                key = 0
                for w in parts:
                    key = key * n_words + self.ids[w]
                keys.setdefault(len(parts), []).append((key, col))
        self.keys = {n: np.array(sorted(kc), dtype=np.int64).reshape(-1, 2) for n, kc in keys.items()}

    def counts(self, lows: list[str], toks: list[list[str]] | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Row of each term occurrence, and its column, over the lowercased texts ``lows`` (``toks``:
        their tokens, when already cut with this vectorizer's token pattern)."""
        if toks is None:
            toks = [self.findall(low) for low in lows]
        lens = np.fromiter(map(len, toks), dtype=np.int64, count=len(toks))
        total = int(lens.sum())
        ids = np.fromiter(map(self.ids.get, chain.from_iterable(toks), repeat(-1)), dtype=np.int64, count=total)
        doc = np.repeat(np.arange(len(toks), dtype=np.int64), lens)
        rows, cols = [], []
        if self.lo == 1:
            c = self.unigram_col[ids[ids >= 0]] if total else np.zeros(0, dtype=np.int64)
            keep = c >= 0
            rows.append(doc[ids >= 0][keep])
            cols.append(c[keep])
        for n in range(max(self.lo, 2), self.hi + 1):
            table = self.keys.get(n)
            m = total - n + 1
            if table is None or m <= 0:
                continue
            ok = (doc[: m] == doc[n - 1 :]) & (ids[: m] >= 0)
            key = ids[: m].copy()
            for k in range(1, n):
                ok &= ids[k : m + k] >= 0
                key = key * self.base + ids[k : m + k]
            key = key[ok]
            pos = np.minimum(np.searchsorted(table[:, 0], key), len(table) - 1)
            hit = table[pos, 0] == key
            rows.append(doc[: m][ok][hit])
            cols.append(table[pos[hit], 1])
        if not rows:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return np.concatenate(rows), np.concatenate(cols)


def _word_index(vec: TfidfVectorizer) -> _WordIndex | None:
    """For a plain word vectorizer (lowercase, no stop words or accent stripping, a token pattern
    without groups), its :class:`_WordIndex` (scikit-learn's analyzer and vocabulary, without
    building each n-gram string). None for any other configuration."""
    if vec.analyzer != "word" or vec.tokenizer is not None or vec.preprocessor is not None \
            or not vec.lowercase or vec.stop_words is not None or vec.strip_accents is not None \
            or vec.input != "content":
        return None
    table = _lookup(vec)
    if "_word" in table:
        return table["_word"]  # type: ignore[return-value]
    pat = re.compile(vec.token_pattern)
    index = None
    if not pat.groups:
        index = _WordIndex(vec, pat)
        if float(index.base) ** index.hi >= 2.0 ** 62:  # n-gram numbers would overflow int64
            index = None
    table["_word"] = index
    return index


def _affix_counts(vec: TfidfVectorizer, words: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
    """Row and column of each affix term occurrence in texts given as :data:`_WORD` tokens
    (the terms of each word memoised; the rest is done in C loops and numpy)."""
    table = _lookup(vec)
    memo = table.get("_affix")
    if memo is None or len(memo) > 500_000:  # type: ignore[arg-type]
        memo = table["_affix"] = {}
    analyzer: AffixAnalyzer = vec.analyzer
    vocab = vec.vocabulary_
    flat = list(chain.from_iterable(words))
    for w in set(flat).difference(memo):  # type: ignore[arg-type]
        memo[w] = tuple(vocab[a] for a in analyzer.from_words([w]) if a in vocab)  # type: ignore[index]
    terms = list(map(memo.__getitem__, flat))  # type: ignore[union-attr]
    per_word = np.fromiter(map(len, terms), dtype=np.int64, count=len(terms))
    cols = np.fromiter(chain.from_iterable(terms), dtype=np.int64, count=int(per_word.sum()))
    word_rows = np.repeat(np.arange(len(words), dtype=np.int64), [len(ws) for ws in words])
    return np.repeat(word_rows, per_word), cols


def _tfidf_transform(vec: TfidfVectorizer, docs: list[str], lows: list[str] | None = None,
                     words: list[list[str]] | None = None) -> sp.csr_matrix:
    """``vec.transform(docs)`` without scikit-learn's per-term Python counting loop.

    Equal to ``vec.transform(docs)`` (tested): counts of the fitted vocabulary's terms, then
    the fitted transformer's steps in its order (sublinear tf, idf, norm). ``lows`` and ``words``
    (the lowercased documents and their :data:`_WORD` tokens) may be passed when already
    computed; ``words`` serve affix vectorizers and word vectorizers whose ``token_pattern`` is
    :data:`_WORD`'s. Vectorizers this does not reproduce go to ``vec.transform``.
    """
    if vec.binary or not vec.use_idf or np.dtype(vec.dtype) != np.float64:
        return vec.transform(docs)
    if isinstance(vec.analyzer, AffixAnalyzer):
        if words is None:
            words = [_WORD.findall(d.lower()) for d in docs]
        r, c = _affix_counts(vec, words)
    else:
        index = _word_index(vec)
        if index is None:
            return vec.transform(docs)
        low = lows if lows is not None else [d.lower() for d in docs]
        # A vectorizer that cuts words as _WORD does (StanceFeaturizer's) takes the tokens given.
        r, c = index.counts(low, words if words is not None and vec.token_pattern == _WORD.pattern else None)
    X = sp.csr_matrix((np.ones(len(r), dtype=np.float64), (r, c)), shape=(len(docs), len(vec.vocabulary_)))
    X.sum_duplicates()
    if vec.sublinear_tf:
        np.log(X.data, X.data)
        X.data += 1.0
    X.data *= vec.idf_[X.indices]
    if vec.norm is not None:
        X = normalize(X, norm=vec.norm, copy=False)
    return X


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

    def _transform(self, items: list[StatementInput], cache: dict[object, object]) -> sp.csr_matrix:
        """Transform, reusing blocks already computed in ``cache`` by a shared sub-transformer.

        :func:`stancekit._model.fit_model` makes the pipelines of several targets share
        identical fitted vectorizers, so a statement's text is vectorized once per call; the
        lowercased texts and their word tokens are computed once for all blocks.
        """
        def block(key: object, fn: Callable[[], object]):
            if key not in cache:
                cache[key] = fn()
            return cache[key]

        texts = block("texts", lambda: _text_of(items))
        lows = block("lows", lambda: [t.lower() for t in texts])
        words = block("words", lambda: [_WORD.findall(low) for low in lows])
        blocks = []
        for vec, src in ((self.word_, "text"), (self.char_, "text"), (getattr(self, "affix_", None), "text"),
                         (getattr(self, "context_", None), "context"), (getattr(self, "actor_", None), "actor")):
            if vec is None:
                continue
            if src == "text":
                blocks.append(block(id(vec), lambda v=vec: _tfidf_transform(v, texts, lows, words)))
            elif src == "context":
                blocks.append(block(id(vec), lambda v=vec: _tfidf_transform(v, [it.context for it in items]))
                              * float(self.context_weight))
            else:
                blocks.append(block(id(vec), lambda v=vec: _tfidf_transform(v, _actor_texts(items)))
                              * float(self.actor_weight))
        cues = block(id(self.cues_), lambda: self.cues_._transform(items, lows, words)) \
            if self.cues_ is not None else None
        tgt = (self.target_._transform(items, lows, words, block("pieces", lambda: _piece_ids(words)))
               if self.target_ is not None else None)
        for b in (cues, tgt):
            if b is not None:
                blocks.append(b)
        if self.kind_ is not None:
            blocks.append(block(id(self.kind_), lambda: self.kind_.transform(items)))
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
