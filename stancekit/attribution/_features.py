"""Tokens and hashed features for the learned attribution model (no parser, no scikit-learn).

A feature is a string; the model keeps a weight for each feature seen in training (a
dictionary), and a score is the sum of the weights of a token's features plus the bias: a
sparse dot product in plain Python, a few microseconds per candidate. Two feature sets:

- :func:`cue_features`: is token ``i`` (a word of the cue vocabulary) a cue of saying or
  thinking here? The word, its suffix and shape, the words two either side, quotation and
  punctuation context and the position in the statement.
- :func:`source_features`: is token ``j`` the last word of the source of the cue at ``i``?
  Distance and side, the words around ``j``, what lies between (commas, quotation marks,
  other cue words), whether ``j`` is a pronoun, a title, a group noun or ends a run of
  capitalised words.
"""

from __future__ import annotations

import re
from itertools import accumulate, islice
from operator import itemgetter

from .._text import gap_token_spans

__all__ = ["tokenize", "cue_features", "source_features", "cue_values", "source_values", "CUE_PREFIXES",
           "source_prefixes", "PRONOUNS", "QUOTES", "quote_counts",
           "quote_state", "source_candidates", "mention_start", "NON_SOURCES"]

# A word (inner apostrophes kept, "don't"), a possessive "'s" on its own, or one other character.
# The first alternative is a shortcut for the second: a run of ASCII letters with no word character
# or apostrophe after it is the whole word the second would take (a letter set is tested faster
# than "[^\W_]": findall over our fixtures 10% faster).
_TOKEN = re.compile(r"[A-Za-z]++(?![\w’'])|[^\W_]+(?:[’'](?![sS]\b)[^\W_]+)*|[’'][sS]\b|[^\w\s]")
QUOTES = frozenset("\"“”«»")


def has_quote(span: str) -> bool:
    """Whether ``span`` holds one of :data:`QUOTES` (five substring searches: faster than a
    pattern or a generator over the set)."""
    return '"' in span or "“" in span or "”" in span or "«" in span or "»" in span


PRONOUNS = frozenset("he she they it we i you who".split())
# A clause's own source and cue come early: the cue among its first CLAUSE_WITHIN words (the learned
# model's clause_speaker, and the segmenter's gate before it asks the model about a clause).
CLAUSE_WITHIN = 8
_STOP = frozenset("the a an of to in on at for and or but by with from as that this these those is was were "
                  "are be been has have had not no will would could should can may might do does did "
                  "than then there their his her its our your my if so also just about into over after "
                  "before up out more most very".split())


# The tokens with the characters before each that no token holds (whitespace and "_"): ``findall``
# then gives every token and, by adding up lengths, its offsets, faster than a match object per
# token. It starts only where no such character precedes (and takes them possessively), so that a
# stretch of them with no token after it is tried once, not from each of its characters.
_GAP_TOKEN = re.compile(r"(?<![\s_])([\s_]*+)(" + _TOKEN.pattern + ")")
_FINDALL_MAX = 3000  # characters: a longer span is read match by match, up to its first ``limit`` tokens


def tokenize(text: str, start: int = 0, end: int | None = None, limit: int = 400) -> list[tuple[str, int, int]]:
    """``(token, start, end)`` for the first ``limit`` tokens of ``text[start:end]`` (offsets into ``text``)."""
    if end is None:
        end = len(text)
    if end - start > _FINDALL_MAX:
        it = _TOKEN.finditer(text, start, end)
        return [(m.group(), m.start(), m.end()) for m in islice(it, limit)]
    pairs = _GAP_TOKEN.findall(text[start:end])
    if len(pairs) > limit:
        del pairs[limit:]
    return gap_token_spans(pairs, start)


def _shape(tok: str) -> str:
    c = tok[:1]
    if c.isupper():
        return "X" if len(tok) == 1 or tok[1:].islower() else "XX"
    if c.isdigit():
        return "9"
    if c.isalpha():
        return "x"
    return tok


def _bucket(d: int) -> str:
    d = abs(d)
    return str(d) if d <= 4 else "5-7" if d <= 7 else "8-12" if d <= 12 else "13+"


def quote_state(toks: list[tuple[str, int, int]]) -> list[bool]:
    """Whether each token lies inside quotation marks (straight quotes toggle; curly and
    guillemets open and close)."""
    if QUOTES.isdisjoint(map(itemgetter(0), toks)):
        return [False] * len(toks)  # no quotation mark (most statements): one test in C
    inside = False
    out = []
    n = len(toks)
    for k, (t, ts, te) in enumerate(toks):
        if t in "“«":
            out.append(False)
            # '“The pier is old,“ she said': an opening mark after a word and before a space closes
            inside = not (inside and t == "“" and k and toks[k - 1][2] == ts and (k + 1 == n or toks[k + 1][1] > te))
            continue
        if t in "”»":
            inside = False
            out.append(False)
            continue
        if t == '"':
            inside = not inside
            out.append(False)
            continue
        out.append(inside)
    return out


def quote_counts(low: list[str]) -> list[int]:
    """Number of quotation marks before each token (and the total, last)."""
    if QUOTES.isdisjoint(low):
        return [0] * (len(low) + 1)
    return list(accumulate(map(QUOTES.__contains__, low), initial=0))


# A feature is ``<template>=<value>`` ("w=said", "inq=True"), or a name alone ("b", "cap_first").
# The model scores a statement from the values alone (:func:`cue_values`, :func:`source_values`),
# each looked up in the weights of its position's template (``_model._weights_by_position``): no
# feature string is built at inference, and most values are words of the statement whose hashes
# are already computed. :func:`cue_features` and :func:`source_features` (training) put each value
# after its template's prefix (:data:`CUE_PREFIXES`, :func:`source_prefixes`): the same strings.
# The values' constant strings are made once: indexed by a bool, a side (0 left, 1 right), a distance.
_BOOL = ("False", "True")
_POS = ("0", "1-2", "1-2", "3-6", "3-6", "3-6", "3-6")
_Q = tuple(a + b + c for a in _BOOL for b in _BOOL for c in _BOOL)
_SVW = tuple(b + "|" for b in _BOOL)
# The prefix of each value of cue_values, in order ("" for the feature "b", a name alone).
CUE_PREFIXES = ("", "w=", "suf=", "sh=", "p1=", "p2=", "n1=", "n2=", "p1w=", "wn1=", "p2p1w=", "p1sh=", "inq=",
                "q=", "pos=", "rest=", "sv=", "svw=", "pron_before=", "cap_before=", "colon=")


def cue_values(low: list[str], toks: list[tuple[str, int, int]], inq: list[bool], i: int,
               speech_verbs: frozenset[str], qc: list[int], colon: bool) -> list[str]:
    """The values of :func:`cue_features` (each feature without its :data:`CUE_PREFIXES` prefix)."""
    n = len(low)
    w = low[i]
    if i >= 2:
        p2, p1 = low[i - 2], low[i - 1]
    elif i:
        p2, p1 = "<s>", low[0]
    else:
        p2 = p1 = "<s>"
    n1 = low[i + 1] if i + 1 < n else "</s>"
    n2 = low[i + 2] if i + 2 < n else "</s>"
    last = qc[-1]
    sv = w in speech_verbs
    return [
        "b", w, w[-3:], _shape(toks[i][0]), p1, p2, n1, n2,
        p1 + "|" + w, w + "|" + n1, p2 + "|" + p1 + "|" + w,
        _shape(toks[i - 1][0]) if i else "<s>",
        _BOOL[inq[i]], _Q[(last > 0) * 4 + (qc[i] > 0) * 2 + (last > qc[i + 1])],
        _POS[i] if i <= 6 else "7+",
        "0" if n - i <= 2 else "1-5" if n - i <= 6 else "6+",
        _BOOL[sv], _SVW[sv] + p1,
        _BOOL[p1 in PRONOUNS or p2 in PRONOUNS],
        _BOOL[i >= 1 and toks[i - 1][0][:1].isupper()],
        _BOOL[colon],
    ]


def cue_features(low: list[str], toks: list[tuple[str, int, int]], inq: list[bool], i: int,
                 speech_verbs: frozenset[str], qc: list[int], colon: bool) -> list[str]:
    """Features of token ``i`` as a cue (``low``: lowercase tokens; ``qc``: :func:`quote_counts`)."""
    return list(map(str.__add__, CUE_PREFIXES, cue_values(low, toks, inq, i, speech_verbs, qc, colon)))


def _non_sources() -> frozenset[str]:
    from .._lexicon import read_data_lines
    words = {line.lower() for _, _, line in read_data_lines("attribution_non_sources.txt")}
    words |= {line.lower() for _, _, line in read_data_lines("calendar_words.txt")}
    return frozenset(words)


# Words that never end a source: adverbs, subordinating words, months and days (data files).
NON_SOURCES = _non_sources()


def _according_measures() -> frozenset[str]:
    from .._lexicon import read_data_lines
    return frozenset(line.lower() for _, _, line in read_data_lines("attribution_according_non_sources.txt"))


# Nouns of a measure or a wish after "according to" (data file): "according to the wishes of the
# largest traders", "according to plan" cite no source.
ACCORDING_MEASURES = _according_measures()


def measure_noun(low: list[str], j: int, openers: frozenset[str], most: int) -> bool:
    """Whether the lowercase words ``low[j:]`` (those after "according to"), past at most ``most``
    of ``openers`` (determiners, possessives), begin with a noun of :data:`ACCORDING_MEASURES`: the
    test of the segmenter's rules and of the learned model, which skip different openers."""
    d = j
    while d < len(low) and d - j < most and low[d] in openers:
        d += 1
    return d < len(low) and low[d] in ACCORDING_MEASURES


# How far back from its cue the learned model looks for a source when it reads a statement (issue #13,
# fourteenth round, session 19). Training keeps ``window`` (12 tokens both ways); a subject whose
# apposition or relative clause runs long ("Ana Ruiz, the harbour master who has run the northern
# pier for a dozen years, warned ...") ends further back, and no source after its cue lies that far.
# Candidates 13-20 tokens back fall in the distance feature's "13+" bucket, which training never
# fills: they are ranked by their other features (see docs/history/attribution.md for the figures, and for
# a model trained on 20 tokens back, which lost a seed actor).
SOURCE_BEFORE = 20


def source_candidates(toks: list[tuple[str, int, int]], low: list[str], i: int, inq: list[bool],
                      window: int = 12, before: int | None = None) -> list[int]:
    """Tokens that may end the source of the cue at ``i``: words within ``window`` tokens (``before``
    tokens before it when given), outside quotation marks, and not the cue itself; no function
    words (pronouns are kept), numbers, lowercase words in "-ly" or words of :data:`NON_SOURCES`."""
    lo, hi = max(0, i - (window if before is None else before)), min(len(toks), i + window + 1)
    out = []
    for j in range(lo, hi):
        if j == i or inq[j]:
            continue
        w = low[j]
        if not w[:1].isalpha():
            continue
        if (w in _STOP and w not in PRONOUNS) or w in NON_SOURCES:
            continue
        if w.endswith("ly") and len(w) > 4 and toks[j][0][:1].islower():
            continue  # an adverb
        out.append(j)
    return out


def mention_start(toks: list[tuple[str, int, int]], low: list[str], j: int,
                  lex_sets: tuple[frozenset[str], frozenset[str], frozenset[str]]) -> int:
    """First token of the mention that ends at ``j``: the capitalised words, titles, group nouns
    and organisation words before it (six at most), "of" between two capitalised words."""
    if low[j] in PRONOUNS:
        return j
    titles, groups, org_words = lex_sets
    k = j
    while k > 0 and j - k < 6:
        t, w = toks[k - 1][0], low[k - 1]
        if t[:1].isupper() and w not in ("the", "a", "an") or w in titles or w in groups or w in org_words:
            k -= 1
        elif w in ("of", "for") and k - 2 >= 0 and toks[k - 2][0][:1].isupper() and toks[k][0][:1].isupper():
            k -= 1
        else:
            break
    return k


_DETS = frozenset("the a an his her their its our my your this that these those some many most all several "
                  "other both".split())


_SIDES = "LR"
_DIST = tuple(tuple(s + _bucket(d) for d in range(14)) for s in _SIDES)  # by side, distance (13: 13+)
_ADJ = tuple(tuple(b + s for b in _BOOL) for s in _SIDES)
_KINDS = ("pron", "title", "group", "org", "cap", "low")
_KIND_SIDE = {k: tuple(k + s for s in _SIDES) for k in _KINDS}
_KIND_DIST = {k: tuple(tuple(k + s + _bucket(d) for d in range(14)) for s in _SIDES) for k in _KINDS}
_COMMAS = tuple(tuple(s + str(c) for c in range(4)) for s in _SIDES)
_QUOTES = tuple(tuple(s + str(c) for c in range(3)) for s in _SIDES)
_CUES_BETWEEN = ("0", "1", "2")
_NP_LEN = {k: tuple(str(n) + k for n in range(5)) for k in _KINDS}
# The prefixes of source_values, in order: 27 values, or 28 with "cap_first" (a name alone) after the 23rd.
_SOURCE_HEAD = ("", "side=", "dist=", "adj=", "w=", "suf=", "sh=", "kind=", "kind_side=", "kind_dist=", "nxt=",
                "prv=", "nxt_side=", "commas=", "quotes=", "cues_between=", "cue=", "cue_kind=", "run_end=", "poss=",
                "inq=", "first=", "cue_first=")
_SOURCE_TAIL = ("np_prev=", "np_det=", "np_len=", "np_prev_cue=")
_SOURCE_PREFIXES = (_SOURCE_HEAD + _SOURCE_TAIL, _SOURCE_HEAD + ("",) + _SOURCE_TAIL)


def source_prefixes(n: int) -> tuple[str, ...]:
    """The prefixes of the ``n`` values (27 or 28) of :func:`source_values`."""
    return _SOURCE_PREFIXES[n - len(_SOURCE_PREFIXES[0])]


def source_values(low: list[str], toks: list[tuple[str, int, int]], inq: list[bool], i: int, j: int,
                  lex_sets: tuple[frozenset[str], frozenset[str], frozenset[str]],
                  cue_vocab: frozenset[str], qc: list[int]) -> list[str]:
    """The values of :func:`source_features` (each feature without its :func:`source_prefixes` prefix)."""
    titles, groups, org_words = lex_sets
    n = len(low)
    d = j - i
    if d < 0:
        r, a, b, ad = 0, j, i, -d
    else:
        r, a, b, ad = 1, i, j, d
    side = _SIDES[r]
    if ad > 13:
        ad = 13  # one bucket, "13+"
    w = low[j]
    tok = toks[j][0]
    commas = cues_between = 0
    for x in low[a + 1 : b]:
        if x == ",":
            commas += 1
        if x in cue_vocab:
            cues_between += 1
    quotes = qc[b] - qc[a + 1]
    nxt = low[j + 1] if j + 1 < n else "</s>"
    prv = low[j - 1] if j >= 1 else "<s>"
    cap = tok[:1].isupper()
    kind = ("pron" if w in PRONOUNS else "title" if w in titles else "group" if w in groups
            else "org" if w in org_words else "cap" if cap else "low")
    cue = low[i]
    f = [
        "b", side, _DIST[r][ad], _ADJ[r][ad == 1],
        w, w[-3:], _shape(tok), kind, _KIND_SIDE[kind][r],
        _KIND_DIST[kind][r][ad],
        nxt, prv, nxt + side,
        _COMMAS[r][min(commas, 3)], _QUOTES[r][min(quotes, 2)],
        _CUES_BETWEEN[min(cues_between, 2)],
        cue + "|" + side, cue + "|" + kind,
        _BOOL[cap and not (j + 1 < n and toks[j + 1][0][:1].isupper())], _BOOL[nxt == "'s" or nxt == "’s"],
        _BOOL[inq[j]], _BOOL[j == 0], _BOOL[i == 0],
    ]
    if cap and j == 0:
        f.append("cap_first")
    # What comes before the mention (over its capitalised words and titles, then a determiner):
    # "in Washington", "asked by Interfax", "told the committee" are no sources.
    k = mention_start(toks, low, j, lex_sets)
    p = k - 1
    det = p >= 0 and low[p] in _DETS
    if det:
        p -= 1
    f += [(low[p] if p >= 0 else "<s>") + side, _ADJ[r][det], _NP_LEN[kind][min(j - k + 1, 4)], _ADJ[r][p == i]]
    return f


def source_features(low: list[str], toks: list[tuple[str, int, int]], inq: list[bool], i: int, j: int,
                    lex_sets: tuple[frozenset[str], frozenset[str], frozenset[str]],
                    cue_vocab: frozenset[str], qc: list[int]) -> list[str]:
    """Features of token ``j`` as the last word of the source of the cue at ``i``."""
    vals = source_values(low, toks, inq, i, j, lex_sets, cue_vocab, qc)
    return list(map(str.__add__, source_prefixes(len(vals)), vals))
