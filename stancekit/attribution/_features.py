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
from itertools import islice

__all__ = ["tokenize", "cue_features", "source_features", "PRONOUNS", "QUOTES", "quote_counts",
           "quote_state", "source_candidates", "mention_start", "NON_SOURCES"]

# A word (inner apostrophes kept, "don't"), a possessive "'s" on its own, or one other character.
_TOKEN = re.compile(r"[^\W_]+(?:[’'](?![sS]\b)[^\W_]+)*|[’'][sS]\b|[^\w\s]")
QUOTES = frozenset("\"“”«»")
PRONOUNS = frozenset("he she they it we i you who".split())
_STOP = frozenset("the a an of to in on at for and or but by with from as that this these those is was were "
                  "are be been has have had not no will would could should can may might do does did "
                  "than then there their his her its our your my if so also just about into over after "
                  "before up out more most very".split())


def tokenize(text: str, start: int = 0, end: int | None = None, limit: int = 400) -> list[tuple[str, int, int]]:
    """``(token, start, end)`` for the first ``limit`` tokens of ``text[start:end]`` (offsets into ``text``)."""
    it = _TOKEN.finditer(text, start, len(text) if end is None else end)
    return [(m.group(), m.start(), m.end()) for m in islice(it, limit)]


def _shape(tok: str) -> str:
    if tok[:1].isupper():
        return "X" if len(tok) == 1 or tok[1:].islower() else "XX"
    if tok[:1].isdigit():
        return "9"
    if tok[:1].isalpha():
        return "x"
    return tok


def _bucket(d: int) -> str:
    d = abs(d)
    return str(d) if d <= 4 else "5-7" if d <= 7 else "8-12" if d <= 12 else "13+"


def quote_state(toks: list[tuple[str, int, int]]) -> list[bool]:
    """Whether each token lies inside quotation marks (straight quotes toggle; curly and
    guillemets open and close)."""
    inside = False
    out = []
    for t, _, _ in toks:
        if t in "“«":
            out.append(False)
            inside = True
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
    out = [0]
    for w in low:
        out.append(out[-1] + (w in QUOTES))
    return out


def cue_features(low: list[str], toks: list[tuple[str, int, int]], inq: list[bool], i: int,
                 speech_verbs: frozenset[str], qc: list[int], colon: bool) -> list[str]:
    """Features of token ``i`` as a cue (``low``: lowercase tokens; ``qc``: :func:`quote_counts`)."""
    n = len(low)
    w = low[i]
    p1 = low[i - 1] if i >= 1 else "<s>"
    p2 = low[i - 2] if i >= 2 else "<s>"
    n1 = low[i + 1] if i + 1 < n else "</s>"
    n2 = low[i + 2] if i + 2 < n else "</s>"
    has_q = qc[-1] > 0
    q_before = qc[i] > 0
    q_after = qc[-1] > qc[i + 1]
    f = [
        "b", "w=" + w, "suf=" + w[-3:], "sh=" + _shape(toks[i][0]),
        "p1=" + p1, "p2=" + p2, "n1=" + n1, "n2=" + n2,
        "p1w=" + p1 + "|" + w, "wn1=" + w + "|" + n1, "p2p1w=" + p2 + "|" + p1 + "|" + w,
        "p1sh=" + _shape(toks[i - 1][0]) if i else "p1sh=<s>",
        "inq=" + str(inq[i]), "q=" + str(has_q) + str(q_before) + str(q_after),
        "pos=" + ("0" if i == 0 else "1-2" if i <= 2 else "3-6" if i <= 6 else "7+"),
        "rest=" + ("0" if n - i <= 2 else "1-5" if n - i <= 6 else "6+"),
        "sv=" + str(w in speech_verbs), "svw=" + str(w in speech_verbs) + "|" + p1,
        "pron_before=" + str(p1 in PRONOUNS or p2 in PRONOUNS),
        "cap_before=" + str(i >= 1 and toks[i - 1][0][:1].isupper()),
        "colon=" + str(colon),
    ]
    return f


def _non_sources() -> frozenset[str]:
    from .._lexicon import read_data_lines
    words = {line.lower() for _, _, line in read_data_lines("attribution_non_sources.txt")}
    words |= {line.lower() for _, _, line in read_data_lines("calendar_words.txt")}
    return frozenset(words)


# Words that never end a source: adverbs, subordinating words, months and days (data files).
NON_SOURCES = _non_sources()


def source_candidates(toks: list[tuple[str, int, int]], low: list[str], i: int, inq: list[bool],
                      window: int = 12) -> list[int]:
    """Tokens that may end the source of the cue at ``i``: words within ``window`` tokens, outside
    quotation marks, and not the cue itself; no function words (pronouns are kept), numbers,
    lowercase words in "-ly" or words of :data:`NON_SOURCES`."""
    lo, hi = max(0, i - window), min(len(toks), i + window + 1)
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


def source_features(low: list[str], toks: list[tuple[str, int, int]], inq: list[bool], i: int, j: int,
                    lex_sets: tuple[frozenset[str], frozenset[str], frozenset[str]],
                    cue_vocab: frozenset[str], qc: list[int]) -> list[str]:
    """Features of token ``j`` as the last word of the source of the cue at ``i``."""
    titles, groups, org_words = lex_sets
    n = len(low)
    d = j - i
    side = "L" if d < 0 else "R"
    w = low[j]
    tok = toks[j][0]
    a, b = (j, i) if d < 0 else (i, j)
    between = low[a + 1 : b]
    commas = between.count(",")
    quotes = qc[b] - qc[a + 1]
    cues_between = sum(1 for x in between if x in cue_vocab)
    nxt = low[j + 1] if j + 1 < n else "</s>"
    prv = low[j - 1] if j >= 1 else "<s>"
    cap = tok[:1].isupper()
    run_end = cap and not (j + 1 < n and toks[j + 1][0][:1].isupper())
    kind = ("pron" if w in PRONOUNS else "title" if w in titles else "group" if w in groups
            else "org" if w in org_words else "cap" if cap else "low")
    f = [
        "b", "side=" + side, "dist=" + side + _bucket(d), "adj=" + str(abs(d) == 1) + side,
        "w=" + w, "suf=" + w[-3:], "sh=" + _shape(tok), "kind=" + kind, "kind_side=" + kind + side,
        "kind_dist=" + kind + side + _bucket(d),
        "nxt=" + nxt, "prv=" + prv, "nxt_side=" + nxt + side,
        "commas=" + side + str(min(commas, 3)), "quotes=" + side + str(min(quotes, 2)),
        "cues_between=" + str(min(cues_between, 2)),
        "cue=" + low[i] + "|" + side, "cue_kind=" + low[i] + "|" + kind,
        "run_end=" + str(run_end), "poss=" + str(nxt in ("'s", "’s")),
        "inq=" + str(inq[j]), "first=" + str(j == 0), "cue_first=" + str(i == 0),
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
    before = low[p] if p >= 0 else "<s>"
    f += ["np_prev=" + before + side, "np_det=" + str(det) + side, "np_len=" + str(min(j - k + 1, 4)) + kind,
          "np_prev_cue=" + str(p == i) + side]
    return f
