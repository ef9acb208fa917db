"""Featurization without scikit-learn: what fitted featurizers compute, as plain code and data.

The estimators of :mod:`stancekit._features` fit and hand their transforms to the blocks here;
a scoring process (the command line and its workers) builds the same blocks from a model's
exported scorer (:mod:`stancekit._scorer`) and never imports scikit-learn or unpickles anything.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import accumulate, chain, islice, repeat
from pathlib import Path
from typing import NamedTuple

import numpy as np
import scipy.sparse as sp

from ._errors import DataError, location, type_error
from ._segment import Statement
from ._text import _CLOSERS as _QUOTE_CLOSERS, INTERVIEWER_LABELS, quote_spans

__all__ = [
    "CONTEXT_STATEMENTS", "CUE_CLASSES", "CUE_FEATURES", "StatementInput", "as_inputs", "statement_inputs",
    "cue_rows", "kind_rows", "doc_rows", "doc_groups", "DocSignals", "StackSignals", "DocPart", "FOCUS_FEATURES", "stack_rows", "stack_names", "explain_rows", "DOC_FEATURES", "QUESTION_FEATURES", "question_rows", "affix_terms", "actor_texts", "actor_role", "CueBlock", "TargetBlock", "TfidfBlock", "FeaturePlan",
    "LinearHead", "Perceptron", "TreeEnsemble", "neutral_offsets", "VOICE_FEATURE",
]

CONTEXT_STATEMENTS = 2  # how many statements before one make its context
# Setting ``author_stack``: 1 for a statement in the article's own voice (no actor).
VOICE_FEATURE = "voice:author"
# Feature-name prefixes of the text blocks (TF-IDF): the columns a TreeEnsemble does not read.
_TEXT_PREFIXES = ("w:", "c:", "a:", "ctx:", "actor:")

CUE_CLASSES = ("endorse", "doubt", "hedge", "conditional")
_KINDS = ("direct", "indirect", "narrative")
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?|n['’]t")
# Every byte but ASCII letters, digits and the straight apostrophe, as a space (see _words).
_NON_WORD_BYTES = bytes(c if 97 <= c <= 122 or 48 <= c <= 57 or c == 39 else 32 for c in range(256))


def _words(low: str) -> list[str]:
    """``_WORD.findall(low)``, about a third faster on most texts.

    A :data:`_WORD` token holds only ASCII letters and digits and apostrophes, so the tokens of a
    text are those of its stretches between other characters, cut alone. A stretch without an
    apostrophe is one token (the letters and digits of the UTF-8 bytes, every other byte made a
    space, split on spaces); one with a straight apostrophe is cut by the pattern; a text with a
    curly apostrophe (a byte sequence of its own) is cut whole by the pattern."""
    if "’" in low:
        return _WORD.findall(low)
    words = low.encode("utf-8", "surrogatepass").translate(_NON_WORD_BYTES).decode("ascii").split()
    if "'" in low:
        findall = _WORD.findall
        return [x for w in words for x in (findall(w) if "'" in w else (w,))]
    return words


class StatementInput(NamedTuple):
    """What the featurizers read of a statement (a named tuple: built for every statement scored)."""

    text: str
    context: str = ""
    kind: str = ""
    actor: str = ""
    doc: str = ""  # the document's id: statements of one document stand next to each other; "" for none
    stack: tuple[float, ...] = ()  # a first model's view of the document around it (see stack_rows)
    para: int = -1  # its paragraph in the document (Statement.paragraph); -1 when not known


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
            out.append(StatementInput(item.text, "", item.kind or "", item.actor or "", item.doc_id or "", (),
                                      item.paragraph))
        elif isinstance(item, str):
            out.append(StatementInput(item))
        elif isinstance(item, Mapping):
            text = item.get("text")
            if not isinstance(text, str):
                raise TypeError(f"{name}[{i}] has no str 'text' (got {type(text).__name__})")
            out.append(StatementInput(text, str(item.get("context") or ""), str(item.get("kind") or ""),
                                      str(item.get("actor") or ""), str(item.get("doc_id") or ""), (),
                                      _paragraph(item.get("paragraph"))))
        elif hasattr(item, "text") and isinstance(getattr(item, "text"), str):
            out.append(StatementInput(item.text, str(getattr(item, "context", "") or ""),
                                      str(getattr(item, "kind", "") or ""), str(getattr(item, "actor", "") or ""),
                                      str(getattr(item, "doc_id", "") or ""), (), _paragraph(getattr(item, "paragraph", None))))
        else:
            raise type_error(f"{name}[{i}]", item, "str, a mapping with 'text', or a Statement")
    return out


def _paragraph(value: object) -> int:
    """A statement's ``paragraph`` as :class:`StatementInput` holds it: a whole number, else -1 (not known)."""
    return int(value) if isinstance(value, (int, np.integer)) and not isinstance(value, bool) and value >= 0 else -1


def statement_inputs(statements: object) -> list[StatementInput]:
    """Statements to featurizer inputs, giving each the text of the statements before it in the same
    document (same ``doc_id``) as context, unless it brings its own."""
    if isinstance(statements, (str, bytes)):
        raise TypeError("statements must be an iterable of statements, got a bare "
                        f"{type(statements).__name__}; wrap a single statement in a list")
    items = list(statements)
    if all(type(item) is Statement for item in items):  # the segmenter's own: one pass, one tuple each
        return _segmented_inputs(items)
    base = as_inputs(items, "statements")
    out = []
    prev_doc = object()
    window: list[str] = []
    for item, inp in zip(items, base):
        if type(item) is Statement:  # the segmenter's own (a subclass may carry a context)
            doc, has_ctx = item.doc_id, False
        elif isinstance(item, Mapping):
            doc, has_ctx = item.get("doc_id"), bool(inp.context) or "context" in item
        else:
            doc, has_ctx = getattr(item, "doc_id", None), bool(inp.context)
        if doc is None or doc != prev_doc:
            window = []
        prev_doc = doc
        if not has_ctx and doc is not None:
            inp = inp._replace(context=" ".join(window[-CONTEXT_STATEMENTS:]))
        out.append(inp)
        window.append(inp.text)
    return out


def _segmented_inputs(items: list[Statement]) -> list[StatementInput]:
    """:func:`statement_inputs` of the segmenter's statements (no context of their own)."""
    out = []
    prev_doc: object = object()
    window: list[str] = []
    for item in items:
        doc = item.doc_id
        if doc is None or doc != prev_doc:
            window = []
        prev_doc = doc
        text = item.text
        out.append(StatementInput(text, " ".join(window[-CONTEXT_STATEMENTS:]) if doc is not None else "",
                                  item.kind or "", item.actor or "", doc or "", (), item.paragraph))
        window.append(text)
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


class _TokenTable:
    """Every distinct :data:`_WORD` token this process has featurized, numbered in order of first
    sight (see :func:`_token_index`). A block that reads one code per token (a vocabulary column,
    a cue code, a phrase piece) keeps its codes as an array over these numbers
    (:class:`_TokenColumn`), so that a batch's tokens are looked up in a dict once for all blocks
    and each block's codes are one numpy gather. Replaced by a fresh table (never changed under a
    reader's feet but by appending) when it passes :data:`_TABLE_MAX` tokens."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.tokens: list[str] = []


_TABLE = _TokenTable()
_TABLE_LOCK = threading.Lock()
_TABLE_MAX = 500_000


def _token_index(flat: list[str]) -> tuple[_TokenTable, np.ndarray]:
    """The table and the numbers of the tokens ``flat`` in it (new tokens are added)."""
    global _TABLE
    table = _TABLE
    ids = np.fromiter(map(table.index.get, flat, repeat(-1)), dtype=np.int64, count=len(flat))
    new = np.flatnonzero(ids < 0)
    if len(new):
        with _TABLE_LOCK:
            if len(_TABLE.tokens) > _TABLE_MAX:
                _TABLE = _TokenTable()
            if _TABLE is not table:  # replaced: every number is to be taken again
                table = _TABLE
                new = np.arange(len(flat))
            index, tokens = table.index, table.tokens
            for k in new.tolist():
                t = flat[k]
                i = index.get(t)
                if i is None:
                    i = index[t] = len(tokens)
                    tokens.append(t)
                ids[k] = i
    return table, ids


class _TokenColumn:
    """One block's code of each token of a :class:`_TokenTable` (``code(key, token)``), computed
    for the tokens the table has when asked (:meth:`of`), and again from scratch for a new table
    or a new ``key`` (what the codes depend on besides the token)."""

    def __init__(self, code: Callable[[object, str], int]) -> None:
        self.code = code
        self._state: tuple[_TokenTable, object, np.ndarray, int] | None = None  # table, key, codes, filled
        self._lock = threading.Lock()

    def of(self, table: _TokenTable, ids: np.ndarray, key: object = None) -> np.ndarray:
        """The codes of the tokens numbered ``ids`` in ``table``."""
        st = self._state
        n = len(table.tokens)
        if st is None or st[0] is not table or st[1] is not key or st[3] < n:
            with self._lock:
                st = self._state
                if st is None or st[0] is not table or st[1] is not key:
                    st = (table, key, np.zeros(max(n, 1024), dtype=np.int64), 0)
                arr, filled = st[2], st[3]
                if filled < n:
                    if len(arr) < n:
                        arr = np.concatenate([arr[:filled], np.zeros(max(n, 2 * len(arr)) - filled, dtype=np.int64)])
                    arr[filled:n] = np.fromiter(map(self.code, repeat(key), table.tokens[filled:n]),
                                                dtype=np.int64, count=n - filled)
                    st = (table, key, arr, n)
                self._state = st
        return st[2][ids]


def _batch_tokens(words: list[list[str]], cache: dict[object, object] | None) -> tuple[_TokenTable, np.ndarray] | None:
    """:func:`_token_index` of the batch's words, once per ``cache`` (None without a cache)."""
    if cache is None:
        return None
    tok = cache.get("token_index")
    if tok is None:
        tok = cache["token_index"] = _token_index(list(chain.from_iterable(words)))
    return tok


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


# Per lexicon, token -> its :func:`_phrases_at` as (class index, cue, anchor index, the cue's
# words as a list when none is a prefix ``word*``, else None); cleared past 100,000 tokens.
_ANCHOR_MEMO: dict[tuple[str, ...], dict[str, tuple[tuple[int, tuple[str, ...], int, list[str] | None], ...]]] = {}


def _anchored(token: str, dirs: tuple[str, ...]) -> tuple[tuple[int, tuple[str, ...], int, list[str] | None], ...]:
    """:func:`_phrases_at`, memoised, each cue with the list that a slice of the tokens equals
    where it matches (:func:`_phrase_match`)."""
    memo = _ANCHOR_MEMO.get(dirs)
    if memo is None or len(memo) > 100_000:
        memo = _ANCHOR_MEMO[dirs] = {}
    got = memo.get(token)
    if got is None:
        got = memo[token] = tuple((k, ph, a, None if any(w.endswith("*") for w in ph) else list(ph))
                                  for k, ph, a in _phrases_at(token, dirs))
    return got


def _phrase_match(toks: list[str], i: int, phrase: tuple[str, ...], plain: list[str] | None) -> bool:
    """:func:`_phrase_at`; a cue without a prefix word (``plain``, its words) compared as one slice."""
    if plain is None:
        return _phrase_at(toks, i, phrase)
    return 0 <= i and toks[i : i + len(plain)] == plain


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


_CUE_COLUMNS: dict[tuple[str, ...], _TokenColumn] = {}


def _cue_column(dirs: tuple[str, ...]) -> _TokenColumn:
    """The cue code (:func:`_code`) of every token of the table, for one set of lexicons."""
    col = _CUE_COLUMNS.get(dirs)
    if col is None:
        sets, neg = _cue_sets(dirs)
        classes = [sets[c] for c in CUE_CLASSES]
        col = _CUE_COLUMNS.setdefault(dirs, _TokenColumn(lambda _key, t: _code(t, classes, neg, dirs)))
    return col


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


def _may_quote(text: str) -> bool:
    """False when :func:`quote_spans` would find no quotation in ``text``: no double quote mark
    that can open one, no opening single mark, and every straight apostrophe follows a letter or
    digit ("Kazakhstan's"). A cheap test before the full one."""
    if '"' in text or "“" in text or "«" in text or "‘" in text:
        return True
    i = text.find("'")
    while i >= 0:
        if i == 0 or not text[i - 1].isalnum():
            return True
        i = text.find("'", i + 1)
    return False


def _quoted_mask(text: str) -> list[tuple[int, int]]:
    return quote_spans(text, [(0, len(text))])


def _quoted_token_ranges(text: str, low: str, toks: list[str]) -> list[tuple[int, int]]:
    """For each quotation of ``text`` (:func:`_quoted_mask`), the range ``[a, b)`` of the indexes
    of the tokens ``toks`` (the :data:`_WORD` tokens of ``low``, ``text`` lowercased) that start
    inside it.

    The tokens are counted between the quotations' ends, with no offset per token: no token
    runs over an end (a quotation opens at a mark, never inside a word, and closes after a mark
    that no word goes on from), so the tokens of each stretch are those found in it alone.
    Where lowercasing changed the text's length, offsets are added up instead."""
    spans = _quoted_mask(text)
    if not spans:
        return []
    if len(low) != len(text):
        starts = _word_starts(low, toks)
        return [(bisect_left(starts, s0), bisect_left(starts, e0)) for s0, e0 in spans]
    findall = _WORD.findall
    out = []
    n = pos = 0
    for s0, e0 in spans:
        n += len(findall(low, pos, s0))
        a = n
        n += len(findall(low, s0, e0))
        out.append((a, n))
        pos = e0
    return out


def _cue_feature_names() -> tuple[str, ...]:
    names = []
    for cls in ("endorse", "doubt"):
        for where in ("quote", "frame"):
            names += [f"{cls}_{where}", f"{cls}_{where}_negated"]
    return tuple(names + ["polarity_pos", "polarity_neg", "hedge", "conditional"])


CUE_FEATURES = _cue_feature_names()


def cue_rows(items: list[StatementInput], lows: list[str], words: list[list[str]], negation_window: int,
             lexicon_dirs: Sequence[str], tokens: tuple[_TokenTable, np.ndarray] | None = None) -> sp.csr_matrix:
    """:class:`stancekit.sklearn.CueLexiconFeatures` of each statement, from its lowercased text and
    its :data:`_WORD` tokens (``tokens``: their :func:`_token_index`, when already taken)."""
    dirs = tuple(str(d) for d in lexicon_dirs)
    rows = np.zeros((len(items), len(CUE_FEATURES)), dtype=np.float64)
    if tokens is not None:
        codes = _cue_column(dirs).of(*tokens)
    else:
        sets, neg = _cue_sets(dirs)
        classes = [sets[c] for c in CUE_CLASSES]
        memo = _token_codes(dirs)
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
    first = ends - np.fromiter(map(len, words), dtype=np.int64, count=len(words))  # each statement's first token
    local = hit_at - first[owner]
    hit_codes = codes[hit_at]
    # Negated: a negator stands at most negation_window tokens before, in the same statement.
    neg_pos = np.where(hit_codes & _NEGATOR, hit_at, -1)
    last_neg = np.maximum.accumulate(np.concatenate(([-1], neg_pos[:-1])))
    negated = (last_neg >= 0) & (hit_at - last_neg <= negation_window) \
        & (np.searchsorted(ends, last_neg, side="right") == owner)
    # Inside quotation marks: only statements with a quote mark and a cue are looked at.
    spans_of: dict[int, list[tuple[int, int]]] = {}  # per statement, its quoted tokens

    def quoted_ranges(r: int) -> list[tuple[int, int]]:
        ranges = spans_of.get(r)
        if ranges is None:
            text = items[r].text
            ranges = spans_of[r] = _quoted_token_ranges(text, lows[r], words[r]) if _may_quote(text) else []
        return ranges

    def quoted(r: int, i: int) -> bool:
        """Whether token ``i`` of statement ``r`` lies inside a quotation."""
        return any(a <= i < b for a, b in quoted_ranges(r))

    # The quoted tokens of the statements with a cue, as sorted ranges of the batch's tokens: a
    # cue is inside when the last range starting at or before it runs past it.
    cls = np.flatnonzero(hit_codes & _CLASS_BITS)
    lo: list[int] = []
    hi: list[int] = []
    for r in np.unique(owner[cls]).tolist():
        base = int(first[r])
        for a, b in quoted_ranges(r):
            if b > a:
                lo.append(base + a)
                hi.append(base + b)
    inside = np.zeros(len(hit_at), dtype=bool)
    if lo:
        at = hit_at[cls]
        j = np.searchsorted(np.array(lo, dtype=np.int64), at, side="right") - 1
        inside[cls] = (j >= 0) & (at < np.array(hi, dtype=np.int64)[np.maximum(j, 0)])
    owner_list, local_list = owner.tolist(), local.tolist()
    counts = np.zeros((len(items), n_cls, 4), dtype=np.float64)  # quote, quote_negated, frame, frame_negated
    slot = np.where(inside, 0, 2) + negated
    for c in range(n_cls):
        m = (hit_codes >> c & 1).astype(bool)
        np.add.at(counts, (owner[m], c, slot[m]), 1.0)
    # A multi-word cue counts once, never negated (negation scope is for single words).
    for k in np.flatnonzero(hit_codes & _PHRASE_ANCHOR).tolist():
        r, i = owner_list[k], local_list[k]
        toks = words[r]
        for c, ph, a, plain in _anchored(toks[i], dirs):
            if _phrase_match(toks, i - a, ph, plain):
                counts[r, c, 0 if quoted(r, i - a) else 2] += 1
    e, d = counts[:, 0], counts[:, 1]
    rows[:, 0:4] = e
    rows[:, 4:8] = d
    rows[:, 8] = e[:, 0] + e[:, 2] + d[:, 1] + d[:, 3]
    rows[:, 9] = d[:, 0] + d[:, 2] + e[:, 1] + e[:, 3]
    rows[:, 10] = counts[:, 2].sum(axis=1)
    rows[:, 11] = counts[:, 3].sum(axis=1)
    return _csr_of_dense(np.log1p(rows))


def _csr_of_dense(m: np.ndarray) -> sp.csr_matrix:
    """``sp.csr_matrix(m)`` of a 2-d array: the same arrays (the nonzero entries row by row, in
    column order), built from them without scipy's round trip through a COO matrix.

    The matrix keeps ``m`` (its ``_dense_rows``), which :func:`dense_tail` copies instead of
    scattering the entries back: ``m`` must not be changed afterwards."""
    nz = m != 0
    r, c = np.nonzero(nz)
    idx = np.int32 if m.size < 2**31 else np.int64
    indptr = np.zeros(m.shape[0] + 1, dtype=idx)
    np.cumsum(np.count_nonzero(nz, axis=1), out=indptr[1:])
    out = sp.csr_matrix((m[r, c], c.astype(idx), indptr), shape=m.shape)
    out._dense_rows = m
    return out


def _csr_of_counts(rows: np.ndarray, cols: np.ndarray, shape: tuple[int, int]) -> sp.csr_matrix:
    """``sp.csr_matrix((ones, (rows, cols)), shape)`` with duplicates summed (``sum_duplicates``):
    how often each ``(row, col)`` occurs, in canonical order. Built from one ``np.sort`` of the
    pairs packed in one integer each (numpy's sort of integers is a vectorised one): about 2.5
    times as fast as scipy's conversion and its per-row sort of the indices. The same arrays: the
    counts are sums of ones, exact in any order. The stable sort (timsort for int64): the pairs
    come row by row in runs, which it merges; about 2.3 times as fast here as the default
    quicksort over the labelling of 1 MB (13.7 -> 5.8 ms), and for integers the same result."""
    n, nf = shape
    if n * nf >= 1 << 62:
        X = sp.csr_matrix((np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=shape)
        X.sum_duplicates()
        return X
    key = np.sort(rows.astype(np.int64) * nf + cols, kind="stable")
    new = np.empty(len(key), dtype=bool)
    new[:1] = True
    np.not_equal(key[1:], key[:-1], out=new[1:])
    starts = np.flatnonzero(new)
    counts = np.diff(np.append(starts, len(key))).astype(np.float64)
    r, c = np.divmod(key[starts], nf)
    idx = np.int32 if max(n, nf, len(starts)) < 2**31 else np.int64
    indptr = np.zeros(n + 1, dtype=idx)
    np.cumsum(np.bincount(r, minlength=n), out=indptr[1:])
    return sp.csr_matrix((counts, c.astype(idx), indptr), shape=shape)


def _trie_pattern(phrases: Iterable[str]) -> str:
    """A regex matching any of ``phrases``, the longest first, as a character trie.

    It matches what ``(?:p1|p2|...)`` with the phrases sorted longest first matches (where two
    phrases both match at one place, one is a prefix of the other, and the longer is tried
    first), but ``re`` then checks each character once instead of once per phrase.
    """
    return "(?:" + _trie_body(_char_trie(phrases)) + ")"


def _char_trie(phrases: Iterable[str]) -> dict[str, dict]:
    trie: dict[str, dict] = {}
    for p in phrases:
        node = trie
        for ch in p:
            node = node.setdefault(ch, {})
        node[""] = {}
    return trie


def _trie_body(node: dict[str, dict]) -> str:
    alts = [re.escape(ch) + _trie_body(child) for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


def _whole_word_trie_pattern(phrases: Iterable[str]) -> str:
    r"""``(?<![\w])`` + :func:`_trie_pattern` + ``(?![\w])``: any of ``phrases`` with no word
    character on either side, matching what that pattern matches, about twice as fast to search.

    A pattern that opens with a look-behind is tried by ``re`` at every character of the text;
    here each first character comes first and the look-behind after it (``t(?<!\wt)h...``), so
    that ``re`` skips ahead to the phrases' first characters (a set it knows) and tests the
    look-behind only there."""
    trie = _char_trie(phrases)
    if "" in trie or not trie:  # an empty phrase matches without a first character
        return r"(?<![\w])" + "(?:" + _trie_body(trie) + ")" + r"(?![\w])"
    alts = [re.escape(ch) + r"(?<!\w" + re.escape(ch) + ")" + _trie_body(child)
            for ch, child in sorted(trie.items())]
    return "(?:" + "|".join(alts) + r")(?![\w])"


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


# Words for phrase matching. On text whose word characters are all ASCII letters and digits, the
# _WORD tokens already are whole words; text with another word character (an accented letter, a
# non-Latin script, an underscore) is cut again with _PWORD, so that "est" does not match in
# "está" and "türkiye" matches "Türkiye".
_PWORD = re.compile(r"\w+(?:['’]\w+)?|n['’]t")
_OTHER_WORD_CHAR = re.compile(r"[^\W\x00-\x7f]|_")


def _phrase_words(words: list[list[str]], lows: list[str]) -> list[list[str]]:
    """The words phrases are matched over: each text's :data:`_WORD` tokens, or its :data:`_PWORD`
    words when it has a word character that is not an ASCII letter or digit."""
    search = _OTHER_WORD_CHAR.search
    # An ASCII text has no such character but "_" (a test five times cheaper than the search).
    return [ws if ("_" not in low if low.isascii() else search(low) is None) else _PWORD.findall(low)
            for ws, low in zip(words, lows)]


def _batch_phrase_words(words: list[list[str]], lows: list[str], cache: dict[object, object]) -> list[list[str]]:
    """:func:`_phrase_words` of the batch, once per ``cache`` (read for the pieces and by each
    target's "about" phrases)."""
    return _cached(cache, "phrase_words", lambda: _phrase_words(words, lows))


def _piece_code(memo: _TokenPieces, t: str) -> int:
    """``memo``'s code of token ``t``, added to it when new (under :data:`_PIECES_LOCK`)."""
    code = memo.codes.get(t)
    if code is None:
        ps = tuple(_PIECE_IDS.get(x, -1) for x in _pieces(t))
        if max(ps) < 0 or len(ps) == 1:
            code = max(ps)  # no piece of any phrase breaks a match as well as two do
        else:
            memo.multi.append(ps)
            code = -2 - len(memo.multi)
        memo.codes[t] = code
    return code


def _piece_column_code(memo: _TokenPieces, t: str) -> int:
    with _PIECES_LOCK:
        return _piece_code(memo, t)


_PIECE_COLUMN = _TokenColumn(_piece_column_code)  # keyed by the memo its codes come from


def _piece_codes(memo: _TokenPieces, flat: list[str]) -> np.ndarray:
    """``memo``'s codes of the tokens ``flat`` (new tokens are added to it)."""
    try:
        return np.fromiter(map(memo.codes.__getitem__, flat), dtype=np.int64, count=len(flat))
    except KeyError:
        with _PIECES_LOCK:
            for t in set(flat).difference(memo.codes):
                _piece_code(memo, t)
        return np.fromiter(map(memo.codes.__getitem__, flat), dtype=np.int64, count=len(flat))


def _piece_ids(words: list[list[str]], tokens: tuple[_TokenTable, np.ndarray] | None = None,
               indexed: list[list[str]] | None = None) -> np.ndarray:
    """The piece ids of texts given as their :func:`_phrase_words` (-1 for a piece no phrase has),
    each text followed by a -2 (``tokens``: the :func:`_token_index` of ``indexed``, when taken;
    ``indexed`` is ``words`` when None, else the :data:`_WORD` tokens of the same texts: a text
    whose phrase words are that very list takes its codes from ``tokens``, the few others, cut
    again by :data:`_PWORD`, are looked up one token at a time)."""
    global _TOKENS
    memo = _TOKENS
    if len(memo.codes) > 500_000:
        memo = _TOKENS = _TokenPieces({}, [])
    if tokens is not None:
        ids = _PIECE_COLUMN.of(*tokens, key=memo)
        if _TOKENS is not memo:  # replaced meanwhile (a new phrase matcher): the codes may be stale
            return _piece_ids(words)
        if indexed is not None and indexed is not words:
            # The texts cut again (a word character outside ASCII): their stretch of ``ids`` replaced.
            parts = []
            pos = end = 0
            for own, cut in zip(indexed, words):
                at = end
                end += len(own)
                if own is not cut:
                    parts += (ids[pos:at], _piece_codes(memo, cut))
                    pos = end
            if parts:
                parts.append(ids[pos:])
                ids = np.concatenate(parts)
    else:
        ids = _piece_codes(memo, list(chain.from_iterable(words)))
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
    "Kazakhstan" matches in "Kazakhstan's", and any characters but word characters may stand
    between its words ("osce ! chair" is "osce chair"). Words are whole words: "est" does not
    match in "está" nor "osce" in "osce_chair". In each text, matches are taken from the left, the
    longest at each place, and do not overlap. Two phrases with the same pieces ("euro-atlantic",
    "euro atlantic") are one: the first in ``phrases`` order gets the matches.
    """

    def __init__(self, phrases: Sequence[str]) -> None:
        self.phrases = tuple(phrases)
        lows = [p.lower() for p in self.phrases]
        seqs = [[x for t in ws for x in _pieces(t)]
                for ws in _phrase_words([_WORD.findall(low) for low in lows], lows)]
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

    def __reduce__(self) -> tuple[object, tuple[tuple[str, ...]]]:
        # Piece ids belong to this process: another process rebuilds the trie from the phrases.
        return (_PhraseMatcher, (self.phrases,))

    def find(self, words: list[list[str]], pieces: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Text index and phrase index of every match in texts given as their :func:`_phrase_words`
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
            e = np.minimum(_search_sorted_keys(self.edge_keys, key), last)
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


def context_links(items: Sequence[StatementInput]) -> tuple[list[int], list[int], list[int]]:
    """The statements of ``items`` with a context, in three lists of indexes: those whose context
    is the text of the statement just before, those whose context is the texts of the two before
    joined by a space (as :func:`statement_inputs` builds it; compared without joining them), and
    the others (what :meth:`TargetBlock.rows` searches; the same for every target)."""
    one: list[int] = []
    two: list[int] = []
    fresh: list[int] = []
    texts = [it.text for it in items]
    for i, ctx in enumerate([it.context for it in items]):
        if not ctx:
            continue
        if i >= 1 and ctx == texts[i - 1]:
            one.append(i)
            continue
        if i >= 2:
            t2, t1 = texts[i - 2], texts[i - 1]
            if len(ctx) == len(t2) + 1 + len(t1) and ctx[len(t2)] == " " and ctx.startswith(t2) \
                    and ctx.endswith(t1):
                two.append(i)
                continue
        fresh.append(i)
    return one, two, fresh


class TargetBlock:
    """:class:`stancekit.sklearn.TargetSignalFeatures` of fitted phrases and anaphora.

    Phrases are matched word by word (see :class:`_PhraseMatcher`); anaphora as written.
    ``about``: phrases that show a document is about the target at all (setting ``doc_about``,
    read by :meth:`DocSignals.focus_rows`; see :meth:`about_hits`), matched like the phrases.
    """

    def __init__(self, phrases: Sequence[str], anaphora: Sequence[str], about: Sequence[str] = ()) -> None:
        self.phrases = tuple(phrases)
        self.anaphora = tuple(anaphora)
        self.about = tuple(about)
        self.matcher = _PhraseMatcher(self.phrases) if self.phrases else None
        self.about_matcher = _PhraseMatcher(self.about) if self.about else None
        self.anaphor_re = (re.compile(_whole_word_trie_pattern(self.anaphora))
                           if self.anaphora else None)

    def about_hits(self, words: list[list[str]], pieces: np.ndarray | None = None) -> np.ndarray | None:
        """How many of the :attr:`about` phrases each statement names (``words``: the statements'
        :func:`_phrase_words`; ``pieces``: their :func:`_piece_ids`, when already computed); None
        for a block without them."""
        if self.about_matcher is None:
            return None
        rows, _cols = self.about_matcher.find(words, pieces)
        return np.bincount(rows, minlength=len(words)).astype(np.float64)

    def rows(self, items: list[StatementInput], lows: list[str], words: list[list[str]],
             pieces: np.ndarray | None = None,
             links: tuple[list[int], list[int], list[int]] | None = None) -> sp.csr_matrix:
        """The features, from each statement's lowercased text and its :data:`_WORD` tokens
        (and the :func:`_piece_ids` of its :func:`_phrase_words`, and the :func:`context_links`
        of ``items``, when already computed).

        When a statement's context is the text of the one or two statements just before it (as
        :func:`statement_inputs` builds it), their phrase counts are reused, not searched
        again: a phrase straddling two statements (they end in punctuation) is the only thing this
        could miss.
        """
        n_p = len(self.phrases)
        n = len(items)
        matcher = self.matcher
        if matcher is not None:
            rows, cols = matcher.find(_phrase_words(words, lows) if pieces is None else words, pieces)
        else:
            rows = cols = np.zeros(0, dtype=np.int64)
        hits = np.bincount(rows, minlength=n).astype(np.float64)
        ctx_hits = np.zeros(n)
        if matcher is not None:
            one, two, fresh = context_links(items) if links is None else links
            if one:
                ctx_hits[one] = hits[np.array(one) - 1]
            if two:
                at = np.array(two)
                ctx_hits[at] = hits[at - 2] + hits[at - 1]
            if fresh:
                ctx_lows = [items[i].context.lower() for i in fresh]
                r, _c = matcher.find(_phrase_words([_WORD.findall(c) for c in ctx_lows], ctx_lows))
                ctx_hits[fresh] = np.bincount(r, minlength=len(fresh))
        anaphor = np.zeros(n)
        if self.anaphor_re is not None:
            for i in np.flatnonzero((hits == 0) & (ctx_hits > 0)).tolist():
                if self.anaphor_re.search(lows[i]):
                    anaphor[i] = 1.0
        any_ = (hits > 0).astype(np.float64)
        rest = np.column_stack([np.log1p(hits), np.log1p(ctx_hits), any_, anaphor, (1 - any_) * (1 - anaphor)])
        # The phrases as indicators (however often one occurs), then the nonzero values of ``rest``:
        # built row by row in numpy, the same matrix as ``hstack([phrases, csr_matrix(rest)])``.
        key = np.unique(rows * max(n_p, 1) + cols)
        p_rows, p_cols = np.divmod(key, max(n_p, 1))
        r_rows, r_cols = np.nonzero(rest)
        all_rows = np.concatenate([p_rows, r_rows])
        order = np.argsort(all_rows, kind="stable")  # per row: its phrases, then its other columns
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(all_rows, minlength=n), out=indptr[1:])
        idx = np.int32 if n_p + rest.shape[1] < 2**31 and len(all_rows) < 2**31 else np.int64
        return sp.csr_matrix((np.concatenate([np.ones(len(key)), rest[r_rows, r_cols]])[order],
                              np.concatenate([p_cols, r_cols + n_p]).astype(idx)[order], indptr.astype(idx)),
                             shape=(n, n_p + rest.shape[1]))


def kind_rows(items: list[StatementInput]) -> sp.csr_matrix:
    """One-hot ``kind`` of each statement (unknown kinds are all zero)."""
    m = np.zeros((len(items), len(_KINDS)))
    for i, it in enumerate(items):
        if it.kind in _KINDS:
            m[i, _KINDS.index(it.kind)] = 1.0
    return _csr_of_dense(m)


# Whether a statement asks (setting ``questions``): it ends with a question mark, and it opens with an
# interviewer's label. An interviewer's or the author's question mostly takes no position (annotation
# guide, section 3.1), while the same words stated would.
QUESTION_FEATURES = ("ask:question", "ask:interviewer")
_CLOSERS = _QUOTE_CLOSERS + " \t\r\n"  # what may follow a question's "?": closing marks, brackets, space
_INTERVIEWER_LABEL = re.compile(r"\s{0,8}(?:" + "|".join(INTERVIEWER_LABELS) + r")\s{0,3}:", re.IGNORECASE)


def question_rows(items: Sequence[StatementInput]) -> np.ndarray:
    """Per statement, :data:`QUESTION_FEATURES`: 1 where its text, closing quotation marks and
    brackets aside, ends with "?", and 1 where it opens with an interviewer's label ("Q:",
    "Question:", "Interviewer:")."""
    out = np.zeros((len(items), len(QUESTION_FEATURES)))
    for i, it in enumerate(items):
        text = it.text
        if "?" in text and text.rstrip(_CLOSERS).endswith("?"):
            out[i, 0] = 1.0
        if ":" in text[:24] and _INTERVIEWER_LABEL.match(text):
            out[i, 1] = 1.0
    return out


DOC_FEATURES = ("doc:prev_hits", "doc:next_hits", "doc:share", "doc:any_other", "doc:actor_hits",
                "doc:actor_pos", "doc:actor_neg", "doc:prev_pos", "doc:prev_neg", "doc:contrast_pos",
                "doc:contrast_neg")
# Whether the document is about the target at all (setting ``doc_focus``; see :meth:`DocSignals.focus_rows`).
FOCUS_FEATURES = ("doc:named_nowhere", "doc:named_count")
# Words after which a statement's last clause carries its point ("welcome in principle, but ...").
CONTRAST_WORDS = frozenset(("but", "however", "yet", "although", "though", "whereas", "nevertheless",
                            "nonetheless", "still", "while"))


def contrast_rows(items: Sequence[StatementInput], lows: list[str], words: list[list[str]],
                  cues: "CueBlock") -> np.ndarray:
    """Per statement, the cue polarity (endorsing, doubting; ``log1p``) of the words after its last
    contrast word (:data:`CONTRAST_WORDS`), where it has one: what a statement concedes before
    "but" weighs less than what follows. Zeros for a statement without one."""
    out = np.zeros((len(items), 2))
    tails, rows = [], []
    for i, ws in enumerate(words):
        if CONTRAST_WORDS.isdisjoint(ws):
            continue
        last = max(k for k, w in enumerate(ws) if w in CONTRAST_WORDS)
        if last + 1 < len(ws):
            rows.append(i)
            tails.append(ws[last + 1:])
    if rows:
        texts = [" ".join(t) for t in tails]
        c = cues.rows([StatementInput(t) for t in texts], texts, tails).toarray()
        out[rows] = c[:, 8:10]
    return out
DOC_WINDOW = 5  # statements before one that make its paragraph-sized focus window
DOC_NEXT = 2  # statements after one looked at


def stack_names(target_ids: Sequence[str], paragraph: bool = False) -> list[str]:
    """The names of :func:`stack_rows` columns for a first model of these targets (``paragraph``:
    with the paragraph columns, see :meth:`StackSignals.matrix`)."""
    names = [f"stack:{where}:{tid}:{lab}" for tid in target_ids for where in ("actor", "prev", "next", "doc", "self")
             for lab in ("supporting", "questioning")]
    if paragraph:
        names += [f"para:{where}:{tid}:{lab}" for where in ("others", "attributed") for tid in target_ids
                  for lab in ("supporting", "questioning")]
    return names


def n_paragraph_columns(n_stack: int) -> int:
    """How many of the ``n_stack`` columns of :func:`stack_rows` with ``paragraph`` are paragraph
    columns (setting ``paragraph_context``): 4 per target of the first model, after its 10."""
    return n_stack // 14 * 4


def stack_rows(items: Sequence[StatementInput], probas: Sequence[np.ndarray],
               layout: "_DocLayout | None" = None, author_actor: bool = False,
               paragraph: bool = False) -> list[tuple[float, ...]]:
    """A first model's view of each statement's document, from its probabilities (one array
    (n, 3) per target, in label order supporting, questioning, neutral): per target, the mean
    ``supporting`` and ``questioning`` probability over the same actor's other statements in
    the document, over the statement just before, the one just after, and over the whole document but the
    statement itself (zeros where there is no such statement); then the statement's own (what
    the first model reads of it toward every target: which target it is about). With
    ``author_actor``, the article's own voice is one actor of its document (see :class:`_DocLayout`).
    With ``paragraph`` (setting ``paragraph_context``), the paragraph columns after them (see
    :meth:`StackSignals.matrix`).

    The same as :class:`StackSignals` rows ``0:n`` (which a batch read in blocks uses)."""
    n = len(items)
    if not probas:
        return [()] * n
    return StackSignals(layout if layout is not None else _DocLayout(items, author_actor), probas,
                        paragraph).rows(0, n)


AUTHOR_KEY = "\x00author"  # the article's own voice as an actor of its document (no name can be this)


class _DocLayout:
    """Where each statement stands in its document (see :func:`doc_groups`) and which of the
    document's statements share its actor, as arrays: the document features of a batch are
    computed in numpy, whatever the number of documents.

    Every method reads rows ``a:b`` of the batch (all of them by default) from vectors over the
    whole batch: sums over a document or an actor are taken over the whole batch, the rest row
    by row, so that any range of rows gets the values the whole batch gets (bit for bit). A
    sum may be given already taken (``tot``: :meth:`group_sums` or :meth:`actor_sums` of the
    vector), so that a batch read in many blocks takes it once.

    With ``author_actor`` (setting ``author_actor``), the statements of the article's own voice
    (no actor) are one actor of their document, so that what the same actor says elsewhere
    reads, for them, what the article says elsewhere in its own voice; without it they have no
    actor."""

    def __init__(self, items: Sequence[StatementInput], author_actor: bool = False) -> None:
        self._build([it.doc for it in items], [it.actor for it in items], author_actor, [it.para for it in items])

    @classmethod
    def of(cls, docs: Sequence[str], actors: Sequence[str], author_actor: bool = False,
           paras: Sequence[int] | None = None) -> "_DocLayout":
        """The layout of statements whose ``doc``, ``actor`` and ``para`` fields are ``docs``,
        ``actors`` and ``paras``."""
        lay = cls.__new__(cls)
        lay._build(docs, actors, author_actor, paras)
        return lay

    def _build(self, docs: Sequence[str], actors: Sequence[str], author_actor: bool = False,
               paras: Sequence[int] | None = None) -> None:
        self.paras = paras  # read by paragraphs() when a plan asks for them
        self.voices = actors
        self._paragraphs: "tuple[np.ndarray, np.ndarray, np.ndarray] | None" = None
        if author_actor:
            actors = [a or AUTHOR_KEY for a in actors]
        n = len(docs)
        groups = _groups(docs)
        self.n = n
        self.n_groups = len(groups)
        self.group_start = np.array([a for a, _b in groups], dtype=np.int64)
        self.group_end = np.array([b for _a, b in groups], dtype=np.int64)
        self.group = np.repeat(np.arange(len(groups), dtype=np.int64), self.group_end - self.group_start)
        size = (self.group_end - self.group_start)[self.group]
        keys: dict[tuple[int, str], int] = {}
        actor = np.full(n, -1, dtype=np.int64)
        group = self.group.tolist()
        for i, (name, many) in enumerate(zip(actors, (size > 1).tolist())):
            if name and many:
                actor[i] = keys.setdefault((group[i], name.lower()), len(keys))
        self.actor = actor
        self.n_actors = len(keys)
        self.actor_size = np.bincount(actor[actor >= 0], minlength=self.n_actors) if len(keys) else np.zeros(0)

    def paragraphs(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per statement, its paragraph's number in the batch (-1: a paragraph not known, or a
        statement without a document), how many statements that paragraph has, and whether the
        statement is in the article's own voice (no actor); computed once, when first asked.
        A paragraph is a run of statements of one document with the same ``para``."""
        if self._paragraphs is None:
            n = self.n
            p = np.fromiter((-1 if x is None else x for x in (self.paras or [-1] * n)), dtype=np.int64, count=n)
            known = (p >= 0) & ((self.group_end - self.group_start)[self.group] > 1)
            new = np.ones(n, dtype=bool)
            if n > 1:
                new[1:] = (p[1:] != p[:-1]) | (self.group[1:] != self.group[:-1]) | ~known[:-1]
            pid = np.cumsum(new & known) - 1
            pid[~known] = -1
            size = np.zeros(n, dtype=np.int64)
            if known.any():
                size[known] = np.bincount(pid[known])[pid[known]]
            author = np.fromiter((not a for a in self.voices), dtype=bool, count=n)
            self._paragraphs = (pid, size, author)
        return self._paragraphs

    def bounds(self, a: int = 0, b: int | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Indexes, and start and end of each statement's document, for rows ``a:b``."""
        b = self.n if b is None else b
        g = self.group[a:b]
        return np.arange(a, b), self.group_start[g], self.group_end[g]

    def group_sums(self, v: np.ndarray) -> np.ndarray:
        """Sums of ``v`` (n, k) over each document."""
        return np.column_stack([np.bincount(self.group, weights=v[:, k], minlength=self.n_groups)
                                for k in range(v.shape[1])]) if self.n else np.zeros((0, v.shape[1]))

    def actor_sums(self, v: np.ndarray) -> np.ndarray:
        """Sums of ``v`` (n, k) over each actor of a document (statements without one left out)."""
        has = self.actor >= 0
        if not has.any():
            return np.zeros((0, v.shape[1]))
        return np.column_stack([np.bincount(self.actor[has], weights=v[has, k], minlength=self.n_actors)
                                for k in range(v.shape[1])])

    def doc_mean(self, v: np.ndarray, a: int = 0, b: int | None = None, tot: np.ndarray | None = None) -> np.ndarray:
        """Mean of ``v`` (n, k) over the statement's document but itself; zeros when alone."""
        b = self.n if b is None else b
        g = self.group[a:b]
        size = self.group_end[g] - self.group_start[g]
        rows = v[a:b]
        out = np.zeros_like(rows)
        many = size > 1
        if many.any():
            t = (self.group_sums(v) if tot is None else tot)[g]
            out[many] = (t[many] - rows[many]) / (size[many] - 1)[:, None]
        return out

    def actor_others(self, v: np.ndarray, mean: bool, a: int = 0, b: int | None = None,
                     tot: np.ndarray | None = None) -> np.ndarray:
        """Sum (or mean) of ``v`` over the same actor's other statements in the document."""
        b = self.n if b is None else b
        rows = v[a:b]
        out = np.zeros_like(rows)
        actor = self.actor[a:b]
        has = actor >= 0
        if not has.any():
            return out
        act = actor[has]
        cnt = self.actor_size[act]
        t = (self.actor_sums(v) if tot is None else tot)[act]
        many = cnt > 1
        at = np.flatnonzero(has)[many]
        vals = t[many] - rows[at]
        out[at] = vals / (cnt[many] - 1)[:, None] if mean else vals
        return out

    def actor_mean(self, v: np.ndarray, a: int = 0, b: int | None = None, tot: np.ndarray | None = None) -> np.ndarray:
        return self.actor_others(v, True, a, b, tot)

    def prev(self, v: np.ndarray, a: int = 0, b: int | None = None) -> np.ndarray:
        """``v`` of the statement just before in the same document (zeros for the first)."""
        idx, start, _end = self.bounds(a, b)
        out = np.zeros((len(idx),) + v.shape[1:], dtype=v.dtype)
        ok = idx > start
        out[ok] = v[idx[ok] - 1]
        return out

    def next(self, v: np.ndarray, a: int = 0, b: int | None = None) -> np.ndarray:
        """``v`` of the statement just after in the same document (zeros for the last)."""
        idx, _start, end = self.bounds(a, b)
        out = np.zeros((len(idx),) + v.shape[1:], dtype=v.dtype)
        ok = idx + 1 < end
        out[ok] = v[idx[ok] + 1]
        return out


def _groups(docs: Sequence[str]) -> list[tuple[int, int]]:
    """``(start, end)`` of each run of equal non-empty ``docs``; an empty one is a run of its own."""
    out = []
    i, n = 0, len(docs)
    while i < n:
        d = docs[i]
        j = i + 1
        if d:
            while j < n and docs[j] == d:
                j += 1
        out.append((i, j))
        i = j
    return out


def doc_groups(items: Sequence[StatementInput]) -> list[tuple[int, int]]:
    """``(start, end)`` of each run of statements of one document (same non-empty ``doc``); a
    statement without ``doc`` is a document of its own."""
    return _groups([it.doc for it in items])


def doc_rows(items: Sequence[StatementInput], hits: np.ndarray, pos: np.ndarray, neg: np.ndarray,
             contrast: np.ndarray | None = None, layout: "_DocLayout | None" = None) -> np.ndarray:
    """Document context of each statement toward one target (see :data:`DOC_FEATURES`), from the
    target's phrase hits and the cue polarity (``pos``, ``neg``) of every statement:

    - phrase hits in the :data:`DOC_WINDOW` statements before and the :data:`DOC_NEXT` after;
    - the share of the document's other statements that name the target, and whether any does;
    - over the same actor's other statements in the document: how many name the target, and their
      cue polarity where they do;
    - the cue polarity of the statement just before, where it names the target (a reply or a
      point carried on).

    Then the cue polarity after the statement's last contrast word (``contrast``, from
    :func:`contrast_rows`; zeros when not given), for a statement with or without a document.

    Counts are ``log1p``-scaled. Statements without a ``doc`` have no context (all zero). The
    same as :class:`DocSignals` rows ``0:n`` (which a batch read in blocks uses).
    """
    n = len(items)
    if not n:
        out = np.zeros((0, len(DOC_FEATURES)))
        if contrast is not None:
            out[:, 9:11] = contrast
        return out
    lay = layout if layout is not None else _DocLayout(items)
    return DocSignals(lay, hits, pos, neg).rows(0, n, contrast)


class DocSignals:
    """What :func:`doc_rows` reads of a whole batch for one target, kept so that any block of its
    rows can be featurized alone: the running sum of phrase hits, whether each statement names
    the target and its cue polarity where it does, and their sums over each document and actor.

    A long document is labelled in blocks of statements (see :meth:`stancekit._scorer.Scorer.blocks`):
    a first pass over the blocks gathers ``hits``, ``pos`` and ``neg`` (one number per statement
    each), and :meth:`rows` then gives each block the rows the whole batch gives it.
    """

    def __init__(self, layout: _DocLayout, hits: np.ndarray, pos: np.ndarray, neg: np.ndarray,
                 about: np.ndarray | None = None) -> None:
        hits = np.asarray(hits, dtype=np.float64)
        self.layout = layout
        self.cs = np.zeros(len(hits) + 1)
        np.cumsum(hits, out=self.cs[1:])
        hpn = self.hpn = np.empty((len(hits), 3))  # names the target; its cue polarity if so
        np.greater(hits, 0, out=hpn[:, 0], casting="unsafe")
        np.multiply(pos, hpn[:, 0], out=hpn[:, 1])
        np.multiply(neg, hpn[:, 0], out=hpn[:, 2])
        self.has_tot = layout.group_sums(self.hpn[:, :1])
        self.actor_tot = layout.actor_sums(self.hpn)
        # Statements naming one of the target's "about" phrases, per document (None: the plan has none).
        self.about_tot = (None if about is None else
                          layout.group_sums((np.asarray(about, dtype=np.float64) > 0).astype(np.float64)[:, None]))

    def focus_rows(self, a: int, b: int) -> np.ndarray:
        """The :data:`FOCUS_FEATURES` of rows ``a:b``: whether the statement's document (of more
        than one statement) names the target in none of its statements, itself included (a
        document about something else: US election news has no stance on a treaty it never
        names), or, where the target has "about" phrases (setting ``doc_about``), names none of
        those; and ``log1p`` of how many of its statements name the target. Zeros for a
        statement without a document."""
        lay = self.layout
        out = np.zeros((max(b - a, 0), len(FOCUS_FEATURES)))
        if b <= a:
            return out
        _i, start, end = lay.bounds(a, b)
        many = (end - start) > 1
        named = self.has_tot[lay.group[a:b], 0]
        nowhere = named == 0
        if self.about_tot is not None:
            nowhere = nowhere | (self.about_tot[lay.group[a:b], 0] == 0)
        out[:, 0] = many & nowhere
        out[:, 1] = np.where(many, np.log1p(named), 0.0)
        return out

    def rows(self, a: int, b: int, contrast: np.ndarray | None = None) -> np.ndarray:
        """The :data:`DOC_FEATURES` of rows ``a:b`` (``contrast``: their :func:`contrast_rows`)."""
        lay = self.layout
        out = np.zeros((b - a, len(DOC_FEATURES)))
        if contrast is not None:
            out[:, 9:11] = contrast
        if b <= a:
            return out
        i, start, end = lay.bounds(a, b)
        many = (end - start) > 1
        cs = self.cs
        prev = cs[i] - cs[np.maximum(i - DOC_WINDOW, start)]
        nxt = cs[np.minimum(i + 1 + DOC_NEXT, end)] - cs[np.minimum(i + 1, end)]
        out[:, 0] = np.where(many, np.log1p(prev), 0.0)
        out[:, 1] = np.where(many, np.log1p(nxt), 0.0)
        share = lay.doc_mean(self.hpn[:, :1], a, b, self.has_tot)[:, 0]
        out[:, 2] = share
        out[:, 3] = share > 0
        if lay.n_actors:
            others = lay.actor_others(self.hpn, False, a, b, self.actor_tot)
            actor = lay.actor[a:b]
            keep = (actor >= 0)[:, None] & (lay.actor_size[np.maximum(actor, 0)] > 1)[:, None]
            out[:, 4:7] = np.where(keep, np.log1p(others), 0.0)
        out[:, 7:9] = lay.prev(self.hpn[:, 1:], a, b)
        return out


class StackSignals:
    """What :func:`stack_rows` reads of a whole batch (a first model's probabilities, and their
    sums over each document and actor), kept so that any block of its rows can be read alone."""

    def __init__(self, layout: _DocLayout, probas: Sequence[np.ndarray], paragraph: bool = False) -> None:
        self.layout = layout
        self.sq = [np.ascontiguousarray(np.asarray(p, dtype=np.float64)[:, :2]) for p in probas]
        self.doc_tot = [layout.group_sums(s) for s in self.sq]
        self.actor_tot = [layout.actor_sums(s) for s in self.sq]
        self.paragraph = bool(paragraph) and bool(self.sq)
        if self.paragraph:  # sums over each paragraph, of all its statements and of its attributed ones
            pid, _size, author = layout.paragraphs()
            known = pid >= 0
            m = int(pid.max()) + 1 if known.any() else 0
            k, att = pid[known], (~author[known]).astype(np.float64)
            self.para_tot = [np.column_stack([np.bincount(k, weights=s[known, j], minlength=m) for j in (0, 1)])
                             for s in self.sq]
            self.para_att_tot = [np.column_stack([np.bincount(k, weights=s[known, j] * att, minlength=m)
                                                  for j in (0, 1)]) for s in self.sq]
            self.para_att_n = np.bincount(k, weights=att, minlength=m)

    def rows(self, a: int, b: int) -> list[tuple[float, ...]]:
        """The :func:`stack_rows` of rows ``a:b``."""
        if not self.sq:
            return [()] * (b - a)
        return [tuple(row) for row in self.matrix(a, b).tolist()]

    def matrix(self, a: int, b: int) -> np.ndarray:
        """:meth:`rows` ``a:b`` as an array (b - a, 10 per target): what :meth:`FeaturePlan.transform`
        reads from its cache under ``"stack"`` instead of each statement's ``stack`` field."""
        lay = self.layout
        if not self.sq:
            return np.zeros((b - a, 0))
        cols = []
        for sq, dt, at in zip(self.sq, self.doc_tot, self.actor_tot):
            cols += [lay.actor_mean(sq, a, b, at), lay.prev(sq, a, b), lay.next(sq, a, b), lay.doc_mean(sq, a, b, dt),
                     sq[a:b]]
        if self.paragraph:
            cols += self._paragraph_cols(a, b)
        return np.column_stack(cols)

    def _paragraph_cols(self, a: int, b: int) -> list[np.ndarray]:
        """The paragraph columns of rows ``a:b`` (setting ``paragraph_context``): per target, the
        mean ``supporting`` and ``questioning`` over the other statements of the statement's
        paragraph (zeros when it is alone in it or its paragraph is not known); then, per target,
        for a statement in the article's own voice, the same mean over the paragraph's attributed
        statements (zeros for an attributed statement, or a paragraph without one): what the
        paragraph's sources say, which the article's own sentences comment on."""
        pid, size, author = (x[a:b] for x in self.layout.paragraphs())
        many = size > 1
        at = np.maximum(pid, 0)
        others, attributed = [], []
        n_att = self.para_att_n[at] if len(self.para_att_n) else np.zeros(b - a)
        voice = (pid >= 0) & author & (n_att > 0)
        for sq, pt, pa in zip(self.sq, self.para_tot, self.para_att_tot):
            rows = sq[a:b]
            tot = pt[at] if len(pt) else np.zeros((b - a, 2))
            others.append(np.where(many[:, None], (tot - rows) / np.maximum(size - 1, 1)[:, None], 0.0))
            s = pa[at] if len(pa) else np.zeros((b - a, 2))
            attributed.append(np.where(voice[:, None], s / np.maximum(n_att, 1)[:, None], 0.0))
        return others + attributed


class DocPart:
    """A block of a batch read in blocks: rows ``start:start + n`` of it. Put in the cache of the
    block's :meth:`FeaturePlan.transform` under ``"doc"``, it gives the block's document features
    from the whole batch's :class:`DocSignals` (keyed by :meth:`FeaturePlan.doc_key`)."""

    def __init__(self, start: int, signals: Mapping[object, DocSignals]) -> None:
        self.start = int(start)
        self.signals = signals

    def rows(self, key: object, n: int, contrast: np.ndarray | None = None) -> np.ndarray:
        return self.signals[key].rows(self.start, self.start + n, contrast)

    def focus_rows(self, key: object, n: int) -> np.ndarray:
        return self.signals[key].focus_rows(self.start, self.start + n)


def _search_sorted_keys(a: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """``np.searchsorted(a, keys)``, the keys looked up in increasing order.

    A binary search per key in random order mispredicts most of its branches (about 170 ns a key
    over the 11,381 bigrams of the shipped vocabulary); in increasing order the same searches take
    a tenth of that, and sorting the keys costs less than the difference. Each key is packed with
    its position, so that one ``np.sort`` (not an ``argsort``) orders them and the results go back
    to the keys' own order. Keys that are negative or too large to pack, and short arrays, are
    searched as they come; so are the keys of a table of under 256 entries (the phrase tables, of
    18 to 63), where the sort costs more than the searches it spares (over the labelling of 1 MB:
    8.2 -> 3.1 ms for those tables; the crossover about 256 entries)."""
    n = len(keys)
    if n < 256 or len(a) < 256:
        return np.searchsorted(a, keys)
    shift = (n - 1).bit_length()
    if int(keys.min()) < 0 or int(keys.max()) >= 1 << (62 - shift):
        return np.searchsorted(a, keys)
    packed = np.sort((keys << shift) | np.arange(n, dtype=keys.dtype))
    out = np.empty(n, dtype=np.intp)
    out[packed & ((1 << shift) - 1)] = np.searchsorted(a, packed >> shift)
    return out


class _WordIndex:
    """A word vocabulary (terms of 1 to n words) as integer arrays, for counting a batch in numpy.

    Every word of a vocabulary term gets an id; an n-gram is the base-``n_words`` number of its
    words' ids, looked up in a sorted array. Python touches each token once (a dict lookup).
    """

    def __init__(self, vocabulary: Mapping[str, int], ngram_range: tuple[int, int], pat: re.Pattern[str]) -> None:
        self.findall = pat.findall
        self.lo, self.hi = ngram_range
        parts = [term.split(" ") for term in vocabulary]
        # word ids in the order of first appearance (dict.fromkeys keeps it)
        self.ids: dict[str, int] = {w: i for i, w in enumerate(dict.fromkeys(chain.from_iterable(parts)))}
        n_words = max(len(self.ids), 1)
        self.base = n_words
        self.unigram_col = np.full(n_words, -1, dtype=np.int64)
        self.keys = self._gram_keys(parts, vocabulary.values(), n_words)
        self._column: _TokenColumn | None = None  # the word id of each token of the table (see counts)

    def _gram_keys(self, parts: list[list[str]], columns: Iterable[int], n_words: int) -> dict[int, np.ndarray]:
        """Sets the unigrams' columns; returns, per n > 1 (in the order of first appearance), the
        n-grams' ``(key, column)`` rows sorted by key, the key the base-``n_words`` number of the
        words' ids. In numpy, one pass of Python over the words (start-up: about 36 -> 12 ms for
        the shipped vocabulary of 18,358 terms); a key that does not fit 63 bits raises
        OverflowError, as ``np.array`` of the Python ints did."""
        lens = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))
        cols = np.fromiter(columns, dtype=np.int64, count=len(parts))
        wid = np.fromiter(map(self.ids.__getitem__, chain.from_iterable(parts)), dtype=np.int64, count=int(lens.sum()))
        first = np.cumsum(lens) - lens  # each term's first word in ``wid``
        one = lens == 1
        self.unigram_col[wid[first[one]]] = cols[one]
        keys: dict[int, np.ndarray] = {}
        for n in dict.fromkeys(lens[~one].tolist()):
            if n_words ** n >= 1 << 63:
                raise OverflowError(f"{n}-grams of {n_words} words do not fit 64-bit keys")
            rows = np.flatnonzero(lens == n)
            key = np.zeros(len(rows), dtype=np.int64)
            for k in range(n):
                key = key * n_words + wid[first[rows] + k]
            order = np.argsort(key, kind="stable")  # (keys are distinct: distinct terms)
            keys[n] = np.column_stack([key[order], cols[rows][order]])
        return keys

    def __getstate__(self) -> dict[str, object]:
        # The token column belongs to this process's token table (and holds a lock): not pickled.
        return {**self.__dict__, "_column": None}

    def counts(self, lows: list[str], toks: list[list[str]] | None = None,
               tokens: tuple[_TokenTable, np.ndarray] | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Row of each term occurrence, and its column, over the lowercased texts ``lows`` (``toks``:
        their tokens, when already cut with this vectorizer's token pattern; ``tokens``: the
        :func:`_token_index` of ``toks``, when taken)."""
        if toks is None:
            toks = [self.findall(low) for low in lows]
        lens = np.fromiter(map(len, toks), dtype=np.int64, count=len(toks))
        total = int(lens.sum())
        if tokens is not None:
            if self._column is None:
                self._column = _TokenColumn(lambda _key, t: self.ids.get(t, -1))
            ids = self._column.of(*tokens)
        else:
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
            pos = np.minimum(_search_sorted_keys(table[:, 0], key), len(table) - 1)
            hit = table[pos, 0] == key
            rows.append(doc[: m][ok][hit])
            cols.append(table[pos[hit], 1])
        if not rows:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return np.concatenate(rows), np.concatenate(cols)




def affix_terms(word: str, lengths: Sequence[int]) -> list[str]:
    """A lowercase word's prefix terms: ``word[:k] + "~"`` for each length ``k`` it is longer than."""
    return [word[:k] + "~" for k in lengths if len(word) > k]


def actor_texts(items: list[StatementInput], role: bool = False) -> list[str]:
    """What the actor block reads of each statement: the actor's name, or ``NOACTOR``; with
    ``role``, the kind of actor instead of the name (see :func:`actor_role`)."""
    if role:
        return [actor_role(it.actor) for it in items]
    return [it.actor or "NOACTOR" for it in items]


_ROLE_WORD = re.compile(r"[\w'’.-]+")


@lru_cache(maxsize=100_000)
def actor_role(name: str) -> str:
    """The kind of source an actor's canonical name names, never the name itself: ``NOACTOR``
    (the article's own voice), ``ROLEGROUP`` (a group noun ends it: "Western diplomats"),
    ``ROLESTATE`` (a country, a seat of power: "Russia", "the Kremlin"), ``ROLEBODY`` (an
    organisation word or an acronym: "Human Rights Watch", "NATO") or ``ROLEPERSON``.
    Read from the segmentation lexicons (``groups.txt``, ``countries.tsv``,
    ``seats_of_power.tsv``, ``org_words.txt``; the shipped ones)."""
    if not name or not name.strip():
        return "NOACTOR"
    from ._lexicon import load_lexicon
    lex = load_lexicon()
    low = name.strip().lower()
    words = _ROLE_WORD.findall(low)
    if words and words[-1] in lex.groups:
        return "ROLEGROUP"
    if low in lex.country_of or low in lex.seats or low.removeprefix("the ") in lex.seats:
        return "ROLESTATE"
    if any(w in lex.org_words for w in words) or any(len(w) > 1 and w.isupper() for w in name.split()):
        return "ROLEBODY"  # an organisation word, or an acronym ("NATO", "OSCE")
    return "ROLEPERSON"


def _normalize_rows(X: sp.csr_matrix, norm: str) -> sp.csr_matrix:
    """Rows of ``X`` scaled to unit ``"l1"`` or ``"l2"`` norm in place, as scikit-learn's
    ``normalize`` does it: each row's sum is taken in index order (so the bits agree), and an
    all-zero row stays as it is. The rows are taken longest first, so that the rows with a
    ``k``-th entry are the first ones of that order (a slice, not a search per ``k``)."""
    lens = np.diff(X.indptr)
    acc = np.zeros(X.shape[0])
    if len(lens):
        order = np.argsort(-lens, kind="stable")
        starts = X.indptr[:-1][order]
        longer = len(lens) - np.cumsum(np.bincount(lens))  # how many rows have more than k entries
        part = np.zeros(len(lens))
        for k in range(int(lens.max())):
            c = int(longer[k])
            v = X.data[starts[:c] + k]
            part[:c] += v * v if norm == "l2" else np.abs(v)
        acc[order] = part
    if norm == "l2":
        acc = np.sqrt(acc)
    acc[acc == 0.0] = 1.0
    X.data /= np.repeat(acc, lens)
    return X


class TfidfBlock:
    """A fitted TF-IDF vectorizer's ``transform`` as data: the vocabulary, the idf weights and the
    steps (sublinear tf, idf, norm), for word n-grams (``token_pattern``, ``ngram_range``) or word
    prefixes (``affix_lengths``, see :class:`stancekit._features.AffixAnalyzer`).

    Equal to the vectorizer's ``transform`` (tested) for lowercase word n-grams with a token
    pattern without groups, no stop words and no accent stripping, or for word prefixes; built by
    :func:`stancekit._features.tfidf_block` only for those.
    """

    def __init__(self, terms: Sequence[str], idf: np.ndarray, *, sublinear: bool, norm: str | None,
                 token_pattern: str | None = None, ngram_range: tuple[int, int] = (1, 1),
                 affix_lengths: tuple[int, ...] | None = None, vocabulary: Mapping[str, int] | None = None) -> None:
        self.terms = tuple(terms)
        self.vocabulary = dict(vocabulary) if vocabulary is not None else {t: i for i, t in enumerate(self.terms)}
        self.idf = np.asarray(idf, dtype=np.float64)
        self.sublinear = bool(sublinear)
        self.norm = norm
        self.token_pattern = token_pattern
        self.ngram_range = (int(ngram_range[0]), int(ngram_range[1]))
        self.affix_lengths = tuple(affix_lengths) if affix_lengths is not None else None
        self._index: _WordIndex | None = None
        self._affix_memo: dict[str, tuple[int, ...]] = {}
        self._affix_packed: dict[str, int] = {}  # see _affix_counts
        self._affix_column: _TokenColumn | None = None  # the same, for the tokens of the table

    def __getstate__(self) -> dict[str, object]:
        # The token column belongs to this process's token table (and holds a lock): not pickled.
        return {**self.__dict__, "_affix_column": None}

    @property
    def n_features(self) -> int:
        return len(self.terms)

    def counts(self, docs: list[str], lows: list[str] | None = None, words: list[list[str]] | None = None,
               tokens: tuple[_TokenTable, np.ndarray] | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Row and column of every term occurrence (``tokens``: the :func:`_token_index` of
        ``words``, when taken)."""
        if self.affix_lengths is not None:
            if words is None:
                words, tokens = [_WORD.findall(d.lower()) for d in docs], None
            return self._affix_counts(words, tokens)
        if self._index is None:
            self._index = _WordIndex(self.vocabulary, self.ngram_range, re.compile(self.token_pattern or ""))
        low = lows if lows is not None else [d.lower() for d in docs]
        # Texts cut as _WORD cuts them (StanceFeaturizer's word block) take the tokens given.
        if words is not None and self.token_pattern == _WORD.pattern:
            return self._index.counts(low, words, tokens)
        return self._index.counts(low, None)

    def _affix_code(self, w: str) -> int:
        """A word's (at most two) columns packed in one integer, 32 bits each (0: none)."""
        vocab = self.vocabulary
        return sum((c + 1) << (32 * k) for k, c in enumerate(
            vocab[a] for a in affix_terms(w, self.affix_lengths or ()) if a in vocab))

    def _affix_counts(self, words: list[list[str]], tokens: tuple[_TokenTable, np.ndarray] | None = None
                      ) -> tuple[np.ndarray, np.ndarray]:
        """The terms of each word memoised; the rest is done in C loops and numpy."""
        memo = self._affix_memo
        if len(memo) > 500_000:
            memo = self._affix_memo = {}
        vocab, lengths = self.vocabulary, self.affix_lengths or ()
        flat = list(chain.from_iterable(words)) if tokens is None else None
        if len(lengths) <= 2 and len(self.terms) < 1 << 31:
            # A word's (at most two) columns packed in one integer, 32 bits each (0: none): one pass
            # of Python over the tokens, the rest in numpy, in the same order.
            if tokens is not None:
                if self._affix_column is None:
                    self._affix_column = _TokenColumn(lambda _key, w: self._affix_code(w))
                codes = self._affix_column.of(*tokens)
            else:
                packed = self._affix_packed
                if len(packed) > 500_000:
                    packed = self._affix_packed = {}
                for w in set(flat).difference(packed):
                    packed[w] = self._affix_code(w)
                codes = np.fromiter(map(packed.__getitem__, flat), dtype=np.int64, count=len(flat))
            pair = np.column_stack([(codes & 0xFFFFFFFF) - 1, (codes >> 32) - 1])
            keep = pair >= 0
            word_rows = np.repeat(np.arange(len(words), dtype=np.int64), [len(ws) for ws in words])
            return np.broadcast_to(word_rows[:, None], pair.shape)[keep], pair[keep]
        if flat is None:
            flat = list(chain.from_iterable(words))
        for w in set(flat).difference(memo):
            memo[w] = tuple(vocab[a] for a in affix_terms(w, lengths) if a in vocab)
        terms = list(map(memo.__getitem__, flat))
        per_word = np.fromiter(map(len, terms), dtype=np.int64, count=len(terms))
        cols = np.fromiter(chain.from_iterable(terms), dtype=np.int64, count=int(per_word.sum()))
        word_rows = np.repeat(np.arange(len(words), dtype=np.int64), [len(ws) for ws in words])
        return np.repeat(word_rows, per_word), cols

    def transform(self, docs: list[str], lows: list[str] | None = None,
                  words: list[list[str]] | None = None,
                  tokens: tuple[_TokenTable, np.ndarray] | None = None) -> sp.csr_matrix:
        """The TF-IDF rows of ``docs`` (``lows`` and ``words``: their lowercased text and
        :data:`_WORD` tokens, when already computed; ``tokens``: the :func:`_token_index` of
        ``words``)."""
        r, c = self.counts(docs, lows, words, tokens)
        X = _csr_of_counts(r, c, (len(docs), self.n_features))
        if self.sublinear:
            np.log(X.data, X.data)
            X.data += 1.0
        X.data *= self.idf[X.indices]
        if self.norm is not None:
            X = _normalize_rows(X, self.norm)
        return X


@dataclass(frozen=True)
class CueBlock:
    """:func:`cue_rows` with its parameters."""

    negation_window: int
    lexicon_dirs: tuple[str, ...]

    def rows(self, items: list[StatementInput], lows: list[str], words: list[list[str]],
             tokens: tuple[_TokenTable, np.ndarray] | None = None) -> sp.csr_matrix:
        return cue_rows(items, lows, words, self.negation_window, self.lexicon_dirs, tokens)


class _Transform(NamedTuple):
    """A block for which only ``transform(docs)`` is known (a vectorizer :class:`TfidfBlock` does not
    reproduce): in-memory models only, never exported."""

    fn: Callable[[list[str]], sp.csr_matrix]

    @property
    def key(self) -> int:
        """The same for the plans of several targets that share the vectorizer."""
        return id(getattr(self.fn, "__self__", self.fn))

    def transform(self, docs: list[str], lows: list[str] | None = None,
                  words: list[list[str]] | None = None, tokens: object = None) -> sp.csr_matrix:
        return self.fn(docs)


Block = TfidfBlock | _Transform


def _cached(cache: dict[object, object], key: object, fn: Callable[[], object]) -> object:
    """``cache[key]``, computed by ``fn()`` the first time it is asked for."""
    if key not in cache:
        cache[key] = fn()
    return cache[key]


def _lows_words(items: list[StatementInput], cache: dict[object, object]) -> tuple[list[str], list[list[str]]]:
    """The lowercased texts of ``items`` and their word tokens, computed once per ``cache``."""
    texts = _cached(cache, "texts", lambda: [it.text for it in items])
    lows = _cached(cache, "lows", lambda: [t.lower() for t in texts])
    return lows, _cached(cache, "words", lambda: [_words(low) for low in lows])


def _key(b: Block) -> object:
    return b.key if isinstance(b, _Transform) else id(b)


@dataclass
class FeaturePlan:
    """What :class:`stancekit.sklearn.StanceFeaturizer` computes from its fitted blocks, in its
    column order: word n-grams, character n-grams, word prefixes, context words, actor words,
    cues, target signals, kind, and cue polarity crossed with target presence."""

    word: Block | None
    char: Block | None
    affix: Block | None
    context: Block | None
    actor: Block | None
    cues: CueBlock | None
    target: TargetBlock | None
    kind: bool
    context_weight: float
    actor_weight: float
    interaction_weight: float
    doc_weight: float = 0.0
    stack_weight: float = 0.0
    n_stack: int = 0
    actor_role: bool = False
    author_actor: bool = False
    doc_focus: bool = False
    doc_gate: bool = False
    author_stack: bool = False
    n_para: int = 0  # of the n_stack columns, the last n_para are paragraph columns (paragraph_context)
    questions: bool = False  # QUESTION_FEATURES last (setting questions)

    def _stack_width(self) -> int:
        """Columns after the focus columns: the first model's view, with ``author_stack`` the
        voice and the view's copy for the article's own voice, and the paragraph columns (see
        :meth:`transform_blocks`)."""
        if not (self.stack_weight and self.n_stack):
            return 0
        return self.n_stack + (1 + self.n_stack - self.n_para if self.author_stack else 0)

    def _tail_width(self) -> int:
        """Columns after the focus columns: :meth:`_stack_width`, then the question columns
        (setting ``questions``)."""
        return self._stack_width() + (len(QUESTION_FEATURES) if self.questions else 0)

    def n_dense(self) -> int:
        """How many of the columns :meth:`transform` gives come after the text blocks (word
        n-grams, character n-grams, prefixes, context and actor words): the cues, target signals,
        kind, interactions, document context and the first model's view, which the trees of a
        :class:`TreeEnsemble` read (setting ``tree_blend``)."""
        return sum(1 for n in self.feature_names(()) if not n.startswith(_TEXT_PREFIXES))

    def gated(self, X: sp.csr_matrix) -> np.ndarray | None:
        """With ``doc_gate`` (and the focus columns, ``doc_focus``): which rows of ``X`` (this
        plan's features) belong to a document that names the target nowhere, and are to be
        labelled ``neutral`` whatever the classifier reads (SPEC section 3: a target not
        addressed at all); None when the plan has no gate."""
        if not (self.doc_gate and self.doc_focus and self.doc_weight and self.cues is not None
                and self.target is not None):
            return None
        col = X.shape[1] - self._tail_width() - len(FOCUS_FEATURES)
        return X[:, col].toarray().ravel() > 0

    def gated_blocks(self, blocks: Sequence[object]) -> np.ndarray | None:
        """:meth:`gated` of the matrix ``blocks`` make side by side (see :meth:`transform_blocks`),
        read from the block that holds the column."""
        if not (self.doc_gate and self.doc_focus and self.doc_weight and self.cues is not None
                and self.target is not None):
            return None
        col = sum(b.shape[1] for b in blocks) - self._tail_width() - len(FOCUS_FEATURES)
        for b in blocks:
            if col < b.shape[1]:
                return b[:, col].toarray().ravel() > 0
            col -= b.shape[1]
        raise IndexError("the gate column lies outside the blocks")

    def feature_names(self, stack_names: Sequence[str] = ()) -> list[str]:
        """The name of each column :meth:`transform` gives, as
        :meth:`stancekit.sklearn.StanceFeaturizer.get_feature_names_out` names them (``stack_names``:
        the stack columns' names, which the first model's targets make)."""
        names: list[str] = []

        def terms(b: Block) -> list[str]:
            if isinstance(b, TfidfBlock):
                return list(b.terms)
            return [str(x) for x in b.fn.__self__.get_feature_names_out()]  # a scikit-learn vectorizer

        for b, pre in ((self.word, "w:"), (self.char, "c:"), (self.affix, "a:"), (self.context, "ctx:"),
                       (self.actor, "actor:")):
            if b is not None:
                names += [pre + t for t in terms(b)]
        if self.cues is not None:
            names += ["cue:" + n for n in CUE_FEATURES]
        if self.target is not None:
            names += [f"target:phrase={p}" for p in self.target.phrases]
            names += ["target:" + n for n in ("target_hits", "context_hits", "target_any", "anaphor_with_context",
                                              "no_target")]
        if self.kind:
            names += [f"kind={k}" for k in _KINDS]
        if self.cues is not None and self.target is not None and self.interaction_weight:
            names += ["x:pos*target", "x:neg*target", "x:pos*notarget", "x:neg*notarget"]
        if self.cues is not None and self.target is not None and self.doc_weight:
            names += list(DOC_FEATURES)
            if self.doc_focus:
                names += list(FOCUS_FEATURES)
        if self.stack_weight and self.n_stack:
            snames = list(stack_names) if len(stack_names) == self.n_stack \
                else [f"stack:{k}" for k in range(self.n_stack)]
            base = len(snames) - self.n_para
            names += snames[:base]
            if self.author_stack:
                names += [VOICE_FEATURE] + ["author:" + n for n in snames[:base]]
            names += snames[base:]
        if self.questions:
            names += list(QUESTION_FEATURES)
        return names

    def _cues_target(self, items: list[StatementInput], cache: dict[object, object]
                     ) -> tuple[sp.csr_matrix | None, sp.csr_matrix | None]:
        """The cue rows and target rows of ``items`` (None for a block the plan has not), computed
        once per ``cache``."""
        def block(key: object, fn: Callable[[], object]):
            return _cached(cache, key, fn)

        lows, words = _lows_words(items, cache)
        cues = (block(id(self.cues), lambda: self.cues.rows(items, lows, words, _batch_tokens(words, cache)))
                if self.cues is not None else None)
        tgt = (block(("target", self.target.phrases, self.target.anaphora),  # equal phrases, equal rows
                     lambda: self.target.rows(items, lows, words, block("pieces", lambda: self._pieces(words, lows, cache)),
                                              block("context_links", lambda: context_links(items))))
               if self.target is not None else None)
        return cues, tgt

    @staticmethod
    def _pieces(words: list[list[str]], lows: list[str], cache: dict[object, object]) -> np.ndarray:
        """:func:`_piece_ids` of the batch (from its :func:`_token_index`, but for the texts
        matched over their :data:`_PWORD` words)."""
        return _piece_ids(_batch_phrase_words(words, lows, cache), _batch_tokens(words, cache), words)

    def _signals(self, cues: sp.csr_matrix, tgt: sp.csr_matrix) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Phrase hits, and endorsing and doubting cue polarity, of each statement (what
        :func:`doc_rows` reads), from its cue rows and target rows."""
        c = cues.toarray()
        return np.rint(np.expm1(tgt[:, len(self.target.phrases)].toarray().ravel())), c[:, 8], c[:, 9]

    def _about(self, items: list[StatementInput], cache: dict[object, object]) -> np.ndarray | None:
        """Hits of the target's "about" phrases in each of ``items`` (setting ``doc_about``; what
        :meth:`DocSignals.focus_rows` reads besides the phrases), computed once per ``cache``;
        None when the plan reads no focus or the target has no such phrases."""
        if not self.doc_focus or self.target is None or not self.target.about:
            return None
        lows, words = _lows_words(items, cache)
        return _cached(cache, ("about", self.target.about), lambda: self.target.about_hits(
            _batch_phrase_words(words, lows, cache), _cached(cache, "pieces", lambda: self._pieces(words, lows, cache))))

    def doc_key(self) -> tuple[object, ...] | None:
        """What this plan's document features are computed from (its target phrases and cue
        block), the same for plans that compute the same; None for a plan without them."""
        if self.cues is None or self.target is None or not self.doc_weight:
            return None
        return (self.target.phrases, self.target.anaphora, id(self.cues), self.target.about if self.doc_focus else ())

    def doc_signals(self, items: list[StatementInput], cache: dict[object, object]
                    ) -> tuple[np.ndarray, ...]:
        """Phrase hits and cue polarity (``pos``, ``neg``) of each of ``items``, as :meth:`transform`
        computes them for the document features (:class:`DocSignals` gathers them over blocks),
        and the hits of the target's "about" phrases where the plan reads them (:meth:`_about`).
        Only for a plan with a :meth:`doc_key`."""
        about = self._about(items, cache)
        return self._signals(*self._cues_target(items, cache)) + (() if about is None else (about,))

    def row_blocks(self, items: list[StatementInput], cache: dict[object, object]) -> dict[object, object]:
        """The blocks the document features are computed from, keyed as :meth:`transform` finds
        them in ``cache`` (and left there): cue rows, target rows, and cue polarity after a
        contrast word. Each row depends on its statement alone, and the target rows on the two
        statements before it too (its context): a batch read in blocks computes them once, in
        blocks with the statements before, and hands every later pass its rows. Only for a
        plan with a :meth:`doc_key`."""
        cues, tgt = self._cues_target(items, cache)
        key = ("contrast", id(self.cues))
        if key not in cache:
            cache[key] = contrast_rows(items, cache["lows"], cache["words"], self.cues)
        return {id(self.cues): cues, ("target", self.target.phrases, self.target.anaphora): tgt, key: cache[key]}

    def _interaction(self, cues: sp.csr_matrix, tgt: sp.csr_matrix, w: float) -> sp.csr_matrix:
        """Cue polarity crossed with target presence, times ``w``."""
        n_p = len(self.target.phrases)
        c = cues.toarray()
        pos, neg = c[:, 8], c[:, 9]
        t = tgt.toarray()
        present = np.maximum(t[:, n_p + 2], t[:, n_p + 3])
        return _csr_of_dense(np.column_stack([pos * present, neg * present, pos * (1 - present),
                                              neg * (1 - present)]) * w)

    def _doc_rows(self, items: list[StatementInput], cache: dict[object, object], lows: list[str],
                  words: list[list[str]], cues: sp.csr_matrix, tgt: sp.csr_matrix) -> np.ndarray:
        """The document features of ``items`` (:func:`doc_rows`, or the rows of a longer batch's
        :class:`DocSignals` when the cache holds a :class:`DocPart`), unweighted."""
        contrast = _cached(cache, ("contrast", id(self.cues)), lambda: contrast_rows(items, lows, words, self.cues))
        part = cache.get("doc")  # items are rows of a longer batch, read in blocks (see DocPart)
        if part is not None:
            rows = part.rows(self.doc_key(), len(items), contrast)
            if self.doc_focus:
                rows = np.hstack([rows, part.focus_rows(self.doc_key(), len(items))])
            return rows
        hits, pos, neg = self._signals(cues, tgt)
        layout = _cached(cache, ("layout", self.author_actor), lambda: _DocLayout(items, self.author_actor))
        if self.doc_focus:
            sig = DocSignals(layout, hits, pos, neg, self._about(items, cache))
            return np.hstack([sig.rows(0, len(items), contrast), sig.focus_rows(0, len(items))])
        return doc_rows(items, hits, pos, neg, contrast, layout)

    def transform(self, items: list[StatementInput], cache: dict[object, object]) -> sp.csr_matrix:
        """The features of ``items``, reusing blocks already computed in ``cache`` (blocks shared by
        several targets' plans are the same objects; the lowercased texts and their word tokens are
        computed once for all blocks)."""
        blocks = self.transform_blocks(items, cache)
        if not blocks:
            return sp.csr_matrix((len(items), 0))
        return sp.hstack(blocks, format="csr")

    def transform_blocks(self, items: list[StatementInput], cache: dict[object, object]) -> list[object]:
        """The blocks of columns :meth:`transform` stacks side by side, in its order."""
        def block(key: object, fn: Callable[[], object]):
            return _cached(cache, key, fn)

        lows, words = _lows_words(items, cache)
        blocks = []
        for b in (self.word, self.char, self.affix):
            if b is not None:
                blocks.append(block(_key(b), lambda b=b: b.transform(cache["texts"], lows, words,
                                                                     _batch_tokens(words, cache))))
        if self.context is not None:
            ctx = self.context
            blocks.append(block(_key(ctx), lambda: ctx.transform([it.context for it in items]))
                          * float(self.context_weight))
        if self.actor is not None:
            act = self.actor
            blocks.append(block(_key(act), lambda: act.transform(actor_texts(items, self.actor_role)))
                          * float(self.actor_weight))
        cues, tgt = self._cues_target(items, cache)
        for b in (cues, tgt):
            if b is not None:
                blocks.append(b)
        if self.kind:
            blocks.append(block("kind", lambda: kind_rows(items)))
        # The interaction and document blocks depend on the target's phrases, the cue block and
        # the weights alone: a stacked model's two stages share them (computed once per cache).
        tkey = ("target", self.target.phrases, self.target.anaphora) if self.target is not None else None
        if cues is not None and tgt is not None and self.interaction_weight:
            w = float(self.interaction_weight)
            blocks.append(block(("interaction", tkey, id(self.cues), w), lambda: self._interaction(cues, tgt, w)))
        if cues is not None and tgt is not None and self.doc_weight:
            w = float(self.doc_weight)
            blocks.append(block(("doc_rows", tkey, id(self.cues), self.author_actor, self.doc_focus, w),
                                lambda: _csr_of_dense(self._doc_rows(items, cache, lows, words, cues, tgt) * w)))
        if self.stack_weight and self.n_stack:
            src = cache.get("stack")  # a first model's view, as an array (see Scorer.features)
            if src is not None and src.shape == (len(items), self.n_stack):
                # the same for every target's plan: made once per cache (the key's array is kept
                # with the blocks, so its id stays its own)
                key = ("stack_blocks", id(src), float(self.stack_weight), bool(self.author_stack))
                blocks += _cached(cache, key, lambda: (src, self._stack_blocks(items, src)))[1]
            else:
                m = np.zeros((len(items), self.n_stack))
                if src is None:
                    for i, it in enumerate(items):
                        if len(it.stack) == self.n_stack:
                            m[i] = it.stack
                blocks += self._stack_blocks(items, m)
        if self.questions:
            blocks.append(block("questions", lambda: _csr_of_dense(question_rows(items))))
        return blocks

    def _stack_blocks(self, items: list[StatementInput], m: np.ndarray) -> list[sp.csr_matrix]:
        """The first model's view ``m`` weighed (``stack_weight``) and, with ``author_stack``, the
        article's own voice and its own weights for that view; then the paragraph columns (the
        last ``n_para`` of ``m``, setting ``paragraph_context``), weighed alike, not copied."""
        m = m * float(self.stack_weight)
        para = None
        if self.n_para:
            k = m.shape[1] - self.n_para
            m, para = np.ascontiguousarray(m[:, :k]), np.ascontiguousarray(m[:, k:])
        out = [_csr_of_dense(m)]
        if self.author_stack:
            voice = np.array([0.0 if it.actor else 1.0 for it in items])
            out.append(_csr_of_dense(np.column_stack([voice, m * voice[:, None]])))
        if para is not None:
            out.append(_csr_of_dense(para))
        return out


# -- the linear classifier ------------------------------------------------------------------------

try:  # scipy's kernel of ``csr @ dense``: it adds each product into the output in place
    from scipy.sparse._sparsetools import csr_matvecs as _csr_matvecs
except ImportError:  # pragma: no cover -- another scipy layout: LinearHead.proba_of_blocks stacks the blocks
    _csr_matvecs = None


def _as_logits(d: np.ndarray) -> np.ndarray:
    """Binary decision values (n,) to two-column logits; multiclass values pass through."""
    d = np.asarray(d, dtype=np.float64)
    return np.column_stack([np.zeros_like(d), d]) if d.ndim == 1 else d


def gate_proba(proba: np.ndarray, classes: Sequence[object], mask: np.ndarray | None) -> np.ndarray:
    """``proba`` (rows in ``classes`` order) with the rows of ``mask`` made certain ``neutral``
    (see :meth:`FeaturePlan.gated`); ``proba`` itself when nothing is gated."""
    if mask is None or not mask.any() or "neutral" not in list(classes):
        return proba
    out = proba.copy()
    out[mask] = 0.0
    out[mask, list(classes).index("neutral")] = 1.0
    return out


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def with_neutral_bias(proba: np.ndarray, offsets: np.ndarray | None) -> np.ndarray:
    """``proba`` with ``offsets`` (:func:`neutral_offsets`) added to its log-probabilities and
    renormalised: each row re-weighted by ``exp(neutral_bias)`` on ``neutral``. It acts on the final
    probabilities, after any blend with trees or a perceptron, so that a bias scored on held-out
    probabilities (``--select-cv``) is the bias of a model fit with it; a row that is certain
    (a gated row) stays as it is."""
    if offsets is None:
        return proba
    with np.errstate(divide="ignore"):
        return _softmax(np.log(proba) + offsets)


def neutral_offsets(classes: Sequence[object], neutral_bias: float) -> np.ndarray | None:
    """The row added to calibrated logits (``logits / temperature``) for setting ``neutral_bias``:
    ``neutral_bias`` in the ``neutral`` column, 0 elsewhere; None when there is nothing to add
    (a bias of 0, or no ``neutral`` class)."""
    classes = list(classes)
    if not neutral_bias or "neutral" not in classes:
        return None
    out = np.zeros(len(classes))
    out[classes.index("neutral")] = float(neutral_bias)
    return out


class TreeEnsemble:
    """Gradient-boosted trees (a fitted :class:`~sklearn.ensemble.HistGradientBoostingClassifier`
    of numeric splits) as plain arrays, and their probabilities computed in numpy.

    The trees of all rounds and classes are one array of nodes: ``feature`` and ``threshold``
    (a row goes right when its value is above the threshold, or when it is missing and
    ``missing_left`` is false), ``child`` (``child[2 * i]`` the left child of node ``i``,
    ``child[2 * i + 1]`` the right one; a leaf is its own two children) and ``value`` (a leaf's
    raw score). ``roots`` holds each tree's first node, round after round, a tree per class
    within a round (one per round for two classes); ``baseline`` the raw score before the first
    round. The trees read the last ``n_columns`` columns of a feature matrix.

    :meth:`raw` walks every tree for every row at once: an array of node indices of shape
    (rows, trees), one gather per level of depth (``levels``: the deepest leaf's depth), and adds
    the leaves' values round after round as scikit-learn does, so that the raw scores are
    scikit-learn's to the last bit (tested).
    """

    ARRAYS = ("feature", "threshold", "missing_left", "child", "value", "roots", "baseline")

    def __init__(self, feature: np.ndarray, threshold: np.ndarray, missing_left: np.ndarray, child: np.ndarray,
                 value: np.ndarray, roots: np.ndarray, baseline: np.ndarray, n_columns: int) -> None:
        self.feature = np.asarray(feature, dtype=np.intp)
        self.threshold = np.asarray(threshold, dtype=np.float64)
        self.missing_left = np.asarray(missing_left, dtype=bool)
        self.child = np.asarray(child, dtype=np.intp)
        self.value = np.asarray(value, dtype=np.float64)
        self.roots = np.asarray(roots, dtype=np.intp)
        self.baseline = np.asarray(baseline, dtype=np.float64).ravel()
        self.n_columns = int(n_columns)
        n = len(self.feature)
        if not (len(self.threshold) == len(self.missing_left) == len(self.value) == n and len(self.child) == 2 * n):
            raise ValueError(f"tree arrays of unequal lengths ({n} nodes)")
        if len(self.roots) % len(self.baseline) or (n and not (0 <= self.child.min() and self.child.max() < n
                                                             and 0 <= self.feature.min()
                                                             and self.feature.max() < max(self.n_columns, 1))):
            raise ValueError("tree arrays out of range")
        self.levels = self._levels()

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # pickled as its arrays alone: what is derived from them (the walk's order) is derived again
        return (type(self), tuple(getattr(self, k) for k in self.ARRAYS) + (self.n_columns,))

    @classmethod
    def of_hist_gradient_boosting(cls, est: object, n_columns: int) -> "TreeEnsemble":
        """The trees of a fitted ``HistGradientBoostingClassifier`` (numeric features only) that
        read the last ``n_columns`` columns of a feature matrix."""
        feature, threshold, missing, child, value, roots = [], [], [], [], [], []
        off = 0
        for predictors in est._predictors:
            for pred in predictors:
                nodes = pred.nodes
                leaf = nodes["is_leaf"].astype(bool)
                own = np.arange(len(nodes), dtype=np.intp) + off
                left = np.where(leaf, own, nodes["left"].astype(np.intp) + off)
                right = np.where(leaf, own, nodes["right"].astype(np.intp) + off)
                roots.append(off)
                feature.append(np.where(leaf, 0, nodes["feature_idx"]).astype(np.intp))
                threshold.append(np.where(leaf, np.inf, nodes["num_threshold"]))
                missing.append(nodes["missing_go_to_left"].astype(bool) | leaf)
                child.append(np.column_stack([left, right]).ravel())
                value.append(nodes["value"].astype(np.float64))
                off += len(nodes)
        cat = lambda parts, dtype: np.concatenate(parts).astype(dtype) if parts else np.zeros(0, dtype)  # noqa: E731
        return cls(cat(feature, np.intp), cat(threshold, np.float64), cat(missing, bool), cat(child, np.intp),
                   cat(value, np.float64), np.array(roots, dtype=np.intp),
                   np.asarray(est._baseline_prediction, dtype=np.float64).ravel(), n_columns)

    def _levels(self) -> int:
        """The depth of the deepest leaf (how many steps :meth:`raw` takes); sets the order in which
        :meth:`raw` walks the trees (deepest first) and how many of them each step walks."""
        pairs = self.child.reshape(-1, 2)
        depth = np.zeros(len(self.roots), dtype=np.intp)
        idx, tree = self.roots, np.arange(len(self.roots), dtype=np.intp)
        while len(idx):
            inner = pairs[idx, 0] != idx
            idx, tree = pairs[idx[inner]].ravel(), np.repeat(tree[inner], 2)
            depth[tree] += 1  # each tree's depth: the steps until its last leaf (each counted once a step)
        self._order = np.argsort(-depth, kind="stable")
        # trees deeper than step s, in that order: the first _walked[s] of them
        self._walked = [int(np.sum(depth > s)) for s in range(int(depth.max()) if len(depth) else 0)]
        return len(self._walked)

    def arrays(self) -> dict[str, np.ndarray]:
        """The arrays, by name (:data:`ARRAYS`), as :class:`TreeEnsemble` takes them."""
        return {k: getattr(self, k) for k in self.ARRAYS}

    def raw(self, X: np.ndarray) -> np.ndarray:
        """Raw scores (rows, classes; one column for two classes) of a dense matrix whose columns are
        the ones the trees read."""
        X = np.asarray(X, dtype=np.float64)
        m, d = X.shape
        k = len(self.baseline)
        trees = len(self.roots)
        if not m or not trees:
            return np.zeros((m, k)) + self.baseline
        flat = np.ascontiguousarray(X.T).ravel()  # column after column: a tree's rows read one column
        nan = bool(np.isnan(flat).any())
        at = self.feature * m  # where each node's column starts in ``flat``
        rows = np.arange(m, dtype=np.intp)
        idx = np.empty((trees, m), dtype=np.intp)  # per tree (deepest first), each row's node
        idx[:] = self.roots[self._order, None]
        pos, x, thr = np.empty_like(idx), np.empty((trees, m)), np.empty((trees, m))
        right = np.empty((trees, m), dtype=bool)
        for w in self._walked:  # the trees still deeper than this step: the first w rows of idx
            cur, p, xw, tw, rw = idx[:w], pos[:w], x[:w], thr[:w], right[:w]
            # np.take into buffers (mode="clip": unbuffered; the indices are checked in __init__)
            np.take(at, cur, out=p, mode="clip")
            p += rows
            np.take(flat, p, out=xw, mode="clip")
            np.take(self.threshold, cur, out=tw, mode="clip")
            np.greater(xw, tw, out=rw)
            if nan:
                rw |= np.isnan(xw) & ~self.missing_left[cur]
            cur *= 2
            cur += rw
            np.take(self.child, cur, out=cur, mode="clip")  # each element read before it is written
        leaves = np.empty((trees, m))
        leaves[self._order] = self.value[idx]
        leaves = leaves.reshape(-1, k, m)  # round, class, row
        out = np.empty((k, m))
        out[:] = self.baseline[:, None]
        for r in range(len(leaves)):  # baseline, then each round's trees in turn: scikit-learn's order of the sums
            out += leaves[r]
        return out.T

    def proba(self, X: np.ndarray) -> np.ndarray:
        """Probabilities (rows, classes): the softmax of :meth:`raw` (for two classes, of ``(0, raw)``)."""
        return _softmax(_as_logits(self.raw(X)[:, 0]) if len(self.baseline) == 1 else self.raw(X))


def dense_tail(blocks: Sequence[object], n: int, k: int) -> np.ndarray:
    """The last ``k`` columns of the ``n`` rows of ``blocks`` set side by side, as a new dense array.

    A CSR block's entries are added into one array of zeros in place, at their flat positions
    (what its ``toarray`` does, bit for bit, duplicates included), without slicing the block into
    a new matrix or stacking the parts: about half the time."""
    out = np.zeros((n, k))
    flat = out.reshape(-1)
    end = k  # the columns of ``out`` still to fill: [0, end)
    for b in reversed(blocks):
        if end <= 0:
            break
        w = b.shape[1]
        take = min(w, end)
        d = getattr(b, "_dense_rows", None)  # the array a block of _csr_of_dense was made of
        if d is not None and d.shape == b.shape == (n, w):  # 0.0 + x, as toarray (-0.0, left out of b, reads 0.0)
            np.add(d[:, w - take :], 0.0, out=out[:, end - take : end])
        elif type(b) is sp.csr_matrix and b.shape[0] == n and k:
            pos = np.repeat(np.arange(0, n * k, k, dtype=np.intp), np.diff(b.indptr))  # each entry's row start
            cols, data = b.indices, b.data
            if take < w:
                sel = cols >= w - take
                pos, cols, data = pos[sel], cols[sel], data[sel]
            pos += cols
            pos += end - w  # where the block's column lands in ``out``
            if b.has_canonical_format:  # no duplicates: one addition per entry (0.0 + x, as toarray)
                flat[pos] += data
            else:
                np.add.at(flat, pos, data)
        else:
            part = b[:, w - take:]
            out[:, end - take : end] = part.toarray() if sp.issparse(part) else np.asarray(part)
        end -= take
    return out[:, end:] if end > 0 else out  # blocks narrower than ``k`` in all: their columns alone


def blend(linear: np.ndarray, trees: np.ndarray, share: float) -> np.ndarray:
    """The mean of a linear head's and the trees' probabilities, the trees weighing ``share``."""
    return linear * (1.0 - share) + trees * share


class Perceptron:
    """A fitted one-hidden-layer perceptron (:class:`~sklearn.neural_network.MLPClassifier`, relu)
    as plain arrays, and its probabilities computed in numpy (setting ``mlp_blend``).

    It reads the last ``n_columns`` columns of a feature matrix, standardised with the training
    data's ``mean`` and ``scale`` and clipped to ``[-clip, clip]``: ``h = max(z @ coef0 + bias0,
    0)``, ``out = h @ coef1 + bias1``; the probabilities are the softmax of ``out`` (for two
    classes, of ``(0, out)``). Two small matrix products per batch, each row's independent of the
    others in it."""

    ARRAYS = ("mean", "scale", "clip", "coef0", "bias0", "coef1", "bias1")

    def __init__(self, mean: np.ndarray, scale: np.ndarray, clip: np.ndarray, coef0: np.ndarray, bias0: np.ndarray,
                 coef1: np.ndarray, bias1: np.ndarray, n_columns: int) -> None:
        self.mean = np.asarray(mean, dtype=np.float64).reshape(-1)
        self.scale = np.asarray(scale, dtype=np.float64).reshape(-1)
        self.clip = np.asarray(clip, dtype=np.float64).reshape(())
        self.coef0 = np.asarray(coef0, dtype=np.float64)
        self.bias0 = np.asarray(bias0, dtype=np.float64).reshape(-1)
        self.coef1 = np.asarray(coef1, dtype=np.float64)
        self.bias1 = np.asarray(bias1, dtype=np.float64).reshape(-1)
        self.n_columns = int(n_columns)
        k, h = self.coef0.shape if self.coef0.ndim == 2 else (-1, -1)
        if not (k == self.n_columns == len(self.mean) == len(self.scale) and h == len(self.bias0)
                and self.coef1.ndim == 2 and self.coef1.shape[0] == h and self.coef1.shape[1] == len(self.bias1)
                and np.all(self.scale > 0) and float(self.clip) > 0):
            raise ValueError(f"perceptron arrays do not fit together ({self.n_columns} columns)")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Perceptron) and self.n_columns == other.n_columns and all(
            np.array_equal(getattr(self, k), getattr(other, k)) for k in self.ARRAYS)

    __hash__ = None  # type: ignore[assignment]

    @classmethod
    def of_mlp(cls, est: object, mean: np.ndarray, scale: np.ndarray, clip: float) -> "Perceptron":
        """The arrays of a fitted ``MLPClassifier`` of one hidden layer (relu) whose inputs were
        ``clip((X - mean) / scale)``."""
        (c0, c1), (b0, b1) = est.coefs_, est.intercepts_
        return cls(mean, scale, np.float64(clip), c0, b0, c1, b1, len(mean))

    @classmethod
    def of_mlps(cls, ests: Sequence[object], mean: np.ndarray, scale: np.ndarray, clip: float) -> "Perceptron":
        """:meth:`of_mlp` of several such perceptrons (the same inputs and classes) averaged, as one
        wider perceptron: the hidden layers side by side (``coef0`` and ``bias0`` concatenated), the
        output weights stacked and divided by their number, the output bias the mean. Its output is
        the mean of theirs (before the softmax: a logit average). One perceptron gives :meth:`of_mlp`'s
        arrays unchanged (bit for bit)."""
        if len(ests) == 1:
            return cls.of_mlp(ests[0], mean, scale, clip)
        k = len(ests)
        c0 = np.concatenate([e.coefs_[0] for e in ests], axis=1)
        b0 = np.concatenate([e.intercepts_[0] for e in ests])
        c1 = np.concatenate([e.coefs_[1] for e in ests], axis=0) / k
        b1 = np.mean([e.intercepts_[1] for e in ests], axis=0)
        return cls(mean, scale, np.float64(clip), c0, b0, c1, b1, len(mean))

    def arrays(self) -> dict[str, np.ndarray]:
        """The arrays, by name (:data:`ARRAYS`), as :class:`Perceptron` takes them."""
        return {k: getattr(self, k) for k in self.ARRAYS}

    def proba(self, X: np.ndarray) -> np.ndarray:
        """Probabilities (rows, classes) of a dense matrix whose columns are the ones it reads."""
        return self._proba_in_place(np.array(X, dtype=np.float64))

    def _proba_in_place(self, z: np.ndarray) -> np.ndarray:
        """:meth:`proba` of ``z`` (float64, C order), which it overwrites: no copy of the matrix."""
        z -= self.mean
        z /= self.scale
        np.maximum(z, -float(self.clip), out=z)  # np.clip's values (nan kept), in a quarter of its time
        np.minimum(z, float(self.clip), out=z)
        # Each row its own product (a stack of 1-row matrices), not one ``z @ coef0``: BLAS may round
        # a row differently with the number of rows, and a row's probabilities must not depend on
        # the block it is scored in (the scorer labels in blocks)
        h = np.matmul(z[:, None, :], self.coef0)[:, 0, :]
        h += self.bias0
        np.maximum(h, 0.0, out=h)
        out = np.matmul(h[:, None, :], self.coef1)[:, 0, :]
        out += self.bias1
        return _softmax(_as_logits(out[:, 0]) if out.shape[1] == 1 else out)


class LinearHead:
    """:meth:`stancekit.sklearn.StanceClassifier.predict_proba` of a fitted logistic regression with
    temperature calibration (or none): ``softmax((X @ coef.T + intercept) / temperature)``;
    with ``trees`` (setting ``tree_blend``), the mean of that and the trees' probabilities
    (:class:`TreeEnsemble`, reading the last columns of ``X``), the trees weighing ``tree_blend``;
    with ``mlp`` (setting ``mlp_blend``), likewise with a perceptron's (:class:`Perceptron`); and
    last ``neutral_bias`` added to the neutral log-probability of the result
    (:func:`with_neutral_bias`)."""

    def __init__(self, classes: Sequence[str], coef: np.ndarray, intercept: np.ndarray, temperature: float,
                 neutral_bias: float = 0.0, trees: TreeEnsemble | None = None, tree_blend: float = 0.0,
                 mlp: Perceptron | None = None, mlp_blend: float = 0.0) -> None:
        self.classes = tuple(classes)
        self.coef = np.asarray(coef, dtype=np.float64)
        self.intercept = np.asarray(intercept, dtype=np.float64)
        self.temperature = float(temperature)
        self.neutral_bias = float(neutral_bias)
        self.trees = trees if tree_blend else None
        self.tree_blend = float(tree_blend) if trees is not None else 0.0
        self.mlp = mlp if mlp_blend else None
        self.mlp_blend = float(mlp_blend) if mlp is not None else 0.0
        self._offsets = neutral_offsets(self.classes, self.neutral_bias)
        self._coef_t: np.ndarray | None = None

    def predict_proba(self, X: sp.csr_matrix) -> np.ndarray:
        if len(self.classes) == 1:
            return np.ones((X.shape[0], 1))
        return self._blend(self._proba_of_scores(X @ self.coef.T), [X], X.shape[0])

    def _blend(self, p: np.ndarray, blocks: Sequence[object], n: int, skip: np.ndarray | None = None) -> np.ndarray:
        """``p`` blended with the trees' probabilities; rows of ``skip`` (gated rows, whose
        probabilities the gate replaces) keep ``p``, and the trees do not walk them. Likewise the
        perceptron (``mlp``), which takes the trees' place."""
        second, share = (self.trees, self.tree_blend) if self.trees is not None else (self.mlp, self.mlp_blend)
        if second is None:
            return with_neutral_bias(p, self._offsets)
        X = dense_tail(blocks, n, second.n_columns)
        if skip is None or not skip.any() or "neutral" not in self.classes:  # the gate needs a neutral class
            return with_neutral_bias(blend(p, second._proba_in_place(X) if second is self.mlp else second.proba(X),
                                           share), self._offsets)
        out = p.copy()
        keep = ~skip
        if keep.any():
            # the perceptron scores each row on its own: all rows at once, then the kept ones (no copy of X)
            q = second._proba_in_place(X)[keep] if second is self.mlp else second.proba(X[keep])
            out[keep] = blend(p[keep], q, share)
        return with_neutral_bias(out, self._offsets)

    def _proba_of_scores(self, xw: np.ndarray) -> np.ndarray:
        scores = xw + self.intercept.reshape(1, -1)
        if scores.shape[1] == 1:
            scores = scores.reshape(-1)
        return _softmax(_as_logits(scores) / self.temperature)

    def proba_of_blocks(self, blocks: Sequence[object], n: int, skip: np.ndarray | None = None) -> np.ndarray:
        """:meth:`predict_proba` of the ``n`` rows of ``blocks`` set side by side (as
        :meth:`FeaturePlan.transform` stacks them), bit for bit, without stacking them: each
        row's products are added into its score in the order a row of the stacked matrix adds
        them (block after block, each in its own column order), by scipy's own kernel. The
        trees (if any) skip the rows of ``skip``, which keep the linear probabilities (rows the
        gate makes neutral, see :func:`gate_proba`)."""
        if len(self.classes) == 1:
            return np.ones((n, 1))
        mats = [b if isinstance(b, sp.csr_matrix) else None for b in blocks]
        if _csr_matvecs is None or any(m is None or m.dtype != np.float64 or m.shape[0] != n
                                       or m.indices.dtype != m.indptr.dtype for m in mats) \
                or sum(m.shape[1] for m in mats) != self.coef.shape[1]:
            X = sp.hstack(list(blocks), format="csr") if blocks else sp.csr_matrix((n, 0))
            return self._blend(self._proba_of_scores(X @ self.coef.T), [X], n, skip)
        coef_t = self._coef_t
        if coef_t is None:
            coef_t = self._coef_t = np.ascontiguousarray(self.coef.T)  # what X @ coef.T reads, in C order
        k = coef_t.shape[1]
        out = np.zeros((n, k))
        flat = out.ravel()
        col = 0
        for m in mats:
            w = m.shape[1]
            if m.nnz:
                _csr_matvecs(n, w, k, m.indptr, m.indices, m.data, coef_t[col : col + w].ravel(), flat)
            col += w
        return self._blend(self._proba_of_scores(out), blocks, n, skip)


# -- evidence -------------------------------------------------------------------------------------

_CUE_WORDS = {"endorse": "endorsing", "doubt": "doubting"}


def evidence_label(name: str, words: Sequence[str]) -> str:
    """What an analyst reads for a feature ``name`` (as :meth:`FeaturePlan.feature_names` names it)
    of a statement whose lowercase :data:`_WORD` tokens are ``words``: a word n-gram is itself; a
    word prefix is the first word of the statement that has it; other features are described
    (``cue: doubting (quoted)``, ``target phrase: osce``, ``same actor's other statements:
    questioning chairmanship``)."""
    kind, _, rest = name.partition(":")
    if kind == "w":
        return rest
    if kind == "a":
        stem = rest.rstrip("~")
        return next((w for w in words if w.startswith(stem) and len(w) > len(stem)), stem + "…")
    if kind == "ctx":
        return f"before: {rest}"
    if kind == "actor":
        return f"actor: {rest}"
    if kind == "cue":
        if rest.startswith("polarity_"):
            return "cues: " + ("endorsing" if rest.endswith("pos") else "doubting") + " on balance"
        if rest in ("hedge", "conditional"):
            return f"cue: {rest}"
        cls, where, *neg = rest.split("_")
        return f"cue: {'negated ' if neg else ''}{_CUE_WORDS.get(cls, cls)}" + (" (quoted)" if where == "quote" else "")
    if kind == "target":
        if rest.startswith("phrase="):
            return "target phrase: " + rest[len("phrase="):]
        return {"target_hits": "target named", "context_hits": "target named just before",
                "target_any": "target named", "anaphor_with_context": "refers back to the target",
                "no_target": "target not named"}.get(rest, rest)
    if name.startswith("kind="):
        return "kind: " + name[len("kind="):]
    if kind == "x":
        cue, where = rest.split("*")
        return f"{'endorsing' if cue == 'pos' else 'doubting'} cue " + ("with the target" if where == "target"
                                                                       else "without the target")
    if kind == "doc":
        return {"prev_hits": "target named in the statements before", "next_hits": "target named in the statements after",
                "share": "target named across the document", "any_other": "target named elsewhere in the document",
                "actor_hits": "same actor names the target elsewhere",
                "actor_pos": "same actor endorses the target elsewhere",
                "actor_neg": "same actor doubts the target elsewhere",
                "prev_pos": "statement before endorses the target",
                "prev_neg": "statement before doubts the target",
                "contrast_pos": "endorsing cue after 'but'", "contrast_neg": "doubting cue after 'but'"}.get(rest, rest)
    if kind == "voice":
        return "the article's own voice"
    if kind == "author":  # setting author_stack: a first model's view, weighed apart for the article's voice
        return "own voice, " + evidence_label(rest, words)
    if kind == "ask":  # setting questions
        return {"question": "a question", "interviewer": "an interviewer's question"}.get(rest, rest)
    if kind == "para":  # setting paragraph_context
        where, tid, lab = (rest.split(":") + ["", ""])[:3]
        return {"others": "rest of the paragraph", "attributed": "the paragraph's sources"}.get(where, where) \
            + f": {lab} {tid}".rstrip()
    if kind == "stack":
        where, tid, lab = (rest.split(":") + ["", ""])[:3]
        return {"actor": "same actor's other statements", "prev": "statement before", "next": "statement after",
                "doc": "rest of the document", "self": "first reading"}.get(where, where) + f": {lab} {tid}".rstrip()
    return name


def explain_rows(X: sp.csr_matrix, head: "LinearHead", chosen: Sequence[str], names: Sequence[str],
                 words: Sequence[Sequence[str]], k: int) -> list[list[str]]:
    """Per row of ``X``, the ``k`` strongest pieces of evidence for its ``chosen`` label: the
    features whose contribution to that label's logit, against the mean of all labels' logits
    (``x_j * (w[label, j] - mean_c w[c, j])``, which the softmax reads alike), is largest and
    positive, described by :func:`evidence_label`; contributions of features that read the same
    are added up. Ties go by name, so the result is deterministic."""
    coef = head.coef
    if coef.shape[0] == 1 and len(head.classes) == 2:  # binary: logits (0, d)
        coef = np.vstack([np.zeros_like(coef), coef])
    centred = coef - coef.mean(axis=0, keepdims=True)
    X = sp.csr_matrix(X)
    out = []
    for i, label in enumerate(chosen):
        if label not in head.classes or k <= 0:
            out.append([])
            continue
        w = centred[head.classes.index(label)]
        lo, hi = X.indptr[i], X.indptr[i + 1]
        cols, vals = X.indices[lo:hi], X.data[lo:hi]
        contrib = vals * w[cols]
        merged: dict[str, float] = {}
        for c, v in zip(cols.tolist(), contrib.tolist()):
            if v > 0:
                key = evidence_label(names[c], words[i])
                merged[key] = merged.get(key, 0.0) + v
        out.append([key for key, _v in sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))[:k]])
    return out
