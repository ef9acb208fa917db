"""Train the attribution model: ``python -m stancekit.attribution.train DATA... -o FILE``.

``DATA`` is PolNeAR's ``train.tar.gz`` (or any brat standoff folder with Source / Cue /
Content spans) or a SPEC section 6 folder. The shipped model is rebuilt with::

    python -m stancekit.attribution.train ../shared/benchmarks/polnear/train.tar.gz fixtures/train \\
        -o models/attribution.npz --cv 5

Training is deterministic: the same data gives the same bytes. ``--cv K`` adds to the
manifest the K-fold cross-validated figures on the first data set (articles sorted by id,
article ``i`` in fold ``i % K``; the model of each fold is trained on the other folds of
that set only), the rules alone beside rules + model.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .._files import kernel_note, previous_manifest, read_manifest
from .._lexicon import load_lexicon
from ._corpus import AttributedDoc, read_any
from ._features import (PRONOUNS, cue_features, quote_counts, quote_state, source_candidates, source_features,
                        tokenize)
from ._model import FORMAT, AttributionModel

__all__ = ["fit", "data_digest", "main", "RECALL_THRESHOLDS"]

MIN_COUNT = 2  # features seen fewer times in training get no weight
MIN_WEIGHT = 1e-3
# A word is a cue candidate when gold cues use it in this share of its uses at least: 0.02
# gave +0.4 point of F1 over 0.1 on a fold, for 40% more time in the model.
CUE_RATE = 0.1
# Inverse regularisation of the two logistic regressions. Issue #13, seventh round: the cue model's
# 0.5 -> 1 (with the cue threshold 1.5 -> 1.75 below): it separates PolNeAR's cues from other uses of
# the same words better (fold 1, both models at one C, the old thresholds: right 2,564 -> 2,588; C 2:
# 2,595, C 4: 2,625, C 0.25: 2,547), but it is more confident about narration too, and only C 1 kept
# fixtures/dev and the seed article at thresholds that keep most of the gain (C 1.5 and more lose dev
# statements at every threshold tried). The source ranker stays at 0.5: at 1 it lost sources that 0.5
# finds ('..., said the depot foreman known only as Sal'), at 2 it gained one. Fold models with the code of
# b2f30ba: fold 1 right 2,568 -> 2,587 (F1 0.7588 -> 0.7618), fold 2 2,438 -> 2,443.
CUE_C = 1.0
SOURCE_C = 0.5
# Log-odds over which a cue is taken and its best source candidate kept. PolNeAR calls more
# things attributions than SPEC section 4 does ("mocked", "don't like", "drew criticism":
# SPEC's narrative voice), so there are two operating points:
# - the default, cue 2 / source -3 / speech-verb list 1 (cue probability 0.88, 0.73 for the
#   list's words): the highest PolNeAR 5-fold CV F1 at which fixtures/dev attribution accuracy
#   and the seed article's actors stay as the rules have them (CV F1: speech 2 0.659, 1.5
#   0.667, 1 0.676; 0 gives 0.691 but loses dev statements and seed actors, as does a cue
#   threshold of 1.5 or less);
# - PolNeAR's broad attributions, -1 / -3 (:data:`RECALL_THRESHOLDS`, for
#   ``model.with_thresholds(*RECALL_THRESHOLDS)``; CV F1 0.753): fold 1 F1 0.684 at 0/0, 0.715
#   at -1/-1, 0.726 at -1/-3, 0.720 at -2/-2 (first model). It attributes SPEC's narrated
#   actions and nominal cues ("few can question", "three promises") to their doers.
#
# Issue #13, second round: the cue threshold of reported speech, where SPEC and PolNeAR agree,
# is lower: in a statement with a quotation mark (QUOTE_THRESHOLD), before "that" or a colon
# (CLAUSE_THRESHOLD) and right after a personal pronoun (PRONOUN_THRESHOLD); the rest of the
# cue threshold 2 -> 1.75. PolNeAR CV F1 (fold models of the session's first code, mention
# extension included): 0.680 -> 1.75: 0.684 -> quote -1: 0.697 -> clause 1: 0.697 -> pronoun 0:
# 0.700, each keeping fixtures/dev 0.8343 and the seed's 35 actors (quote -2, clause 0 and
# pronoun -1 lose a dev statement at the next step or leave too little margin).
# Third round: 1.75 -> 1.5 (with the judgement verbs, noun cues and gates of the round; fold 1 F1
# 0.7444 -> 0.7455, fold 2 0.7177 -> 0.7186; dev, fixtures/train and the seed unchanged; 1.25 loses
# a dev statement, "Members of the European Parliament debated ...").
# Seventh round, with the cue model's C 1: 1.5 -> 1.75 (at 1.5 a dev statement is lost, "Members of
# the European Parliament debated ..."; at 2 fold 1 loses about 15 right attributions). The joint
# source threshold stays 1.5: the guards hold there, and 1.75 loses 11 on fold 2 (2,442 -> 2,431).
# Eighth round: 1.75 -> 1.5, with the verbs that narrate an event never cues
# (data/attribution_event_verbs.txt: "debated", "met", "signed"; the dev statement that 1.5 lost was
# "Members of the European Parliament on Wednesday debated the results ..."). Fold 1 (fold model of
# the round's code): right 2,617 -> 2,630, false 129 -> 132 (1.4: 2,637; 1.25 loses a seed actor);
# fixtures/dev 293, fixtures/train 3,468, seed 35/35 with the full model rebuilt.
CUE_THRESHOLD = 1.5
SOURCE_THRESHOLD = -3.0
SPEECH_THRESHOLD = 1.0  # the cue threshold of the speech-verb list's words
QUOTE_THRESHOLD = -1.0
CLAUSE_THRESHOLD = 1.0
PRONOUN_THRESHOLD = 0.0
# A cue over JOINT_CUE_THRESHOLD but under the threshold of its context is taken when its best
# source scores over JOINT_SOURCE_THRESHOLD (a clear source makes a weaker cue enough). CV F1
# (same fold models, the thresholds above): 0.699 -> 0/2: 0.715 (precision 0.944 -> 0.938),
# dev 0.8371, seed 35/35; 0/1 0.722 and 0/0 0.728 lose seed actors, -0.5/2 0.719 leaves dev at
# 0.8343, -1/3 0.714 loses dev statements.
# Third round: 0/1.5, with a verb of phase before the verb it governs never a cue ("continued
# restricting"), no negative source ("nobody asks") and, for a cue taken this way, a source that
# may be a speaker (capitalised, a pronoun, a title, group or organisation word, or a common noun
# that headed gold sources SOURCE_HEAD_MIN times in training: ``meta["source_heads"]``; "the
# ministers who gathered on the island expected" is no attribution of "island"). PolNeAR CV F1
# 0.716 -> 0.721 (recall 0.711 -> 0.716, precision 0.938, speaker 0.805 -> 0.809), dev 0.8371,
# seed 35/35, fixtures/train unchanged; 0/1 loses a dev statement ("X ordered ... out", 1.36).
JOINT_CUE_THRESHOLD = 0.0
JOINT_SOURCE_THRESHOLD = 1.5
# A verb of finding (data/attribution_finding_verbs.txt: "showed", "found") over FINDING_THRESHOLD is
# a cue when its source before it is a poll, study or report (data/attribution_finding_nouns.txt):
# SPEC's "findings of polls, reports, studies". Fold 1: F1 +0.001 at -1 (0: +0, -2: same as -1);
# dev, fixtures/train and the seed unchanged.
# Eighth round: -1 -> -2, with the finding's source taken whatever it scores (a poll, study or report
# before the verb; "Surveys of ferry riders taken as they boarded at the piers showed" scored "surveys"
# under the source threshold): fold 1 right 2,609 -> 2,614 (the source alone: 2,611; -3: the same as -2),
# no fixture statement moved, seed 35/35.
FINDING_THRESHOLD = -2.0
# Tenth round (session 15): a speech-list word that closes a tag after a comma, its source between
# ("..., the survey concluded.", "..., the clerk added, and ...": _model._tag) is taken over -1 (the
# quotation threshold). Fold 1 right 2,768 -> 2,769, fold 2 2,570 -> 2,573 (fixed fold models), false
# unchanged; fixtures/train +1 ("For now, logisticians say, ..."), dev and seed unchanged. 0: +1/+2;
# -2: the same as -1. Without the word gates of _tag, -1 took "I laughed, and didn't argue.", "as the
# report implies" and "Silence ... is also a reply," from the fixtures' article voice.
TAG_THRESHOLD = -1.0
# Eleventh round (session 16): a speech-list word in "-ing" right after "by", "after", "before", "in",
# "while", "when" or "since" ("struck back by accusing the port of", "before saying, ''...''", "after
# questioning the board's figures": a saying of the clause's subject; _model._GERUND_PREPS) is taken over
# 0, not the cue threshold 1.5 (the speech list's 1.0 is for finite forms). Fold models refit at
# f281288: fold 1 right 2,792 -> 2,798, fold 2 2,615 -> 2,619, fold 3 2,513 -> 2,513 (found +1),
# false unchanged on all three; dev, fixtures/train and the seed unchanged. -0.5: +8/+6/+1, but fold
# 3's false 241 -> 243 (a vote and an enrolment after "by" with "rejecting" and "admitting": acts).
GERUND_THRESHOLD = 0.0
RECALL_THRESHOLDS = (-1.0, -3.0)
SOURCE_HEAD_MIN = 3


# Where a source's first noun phrase ends: an apposition or a relative clause after it.
_APPOSITION = re.compile(r"[,(;—–]|\s-\s|\b(?:who|whose|which|that)\b")


def data_digest(docs: Sequence[AttributedDoc]) -> str:
    """sha256 over the documents' ids, texts and gold spans, in id order."""
    h = hashlib.sha256()
    for d in sorted(docs, key=lambda d: d.doc_id):
        h.update(json.dumps([d.doc_id, d.text, [[a.source, a.cue, a.content] for a in d.attributions],
                             d.narrative], ensure_ascii=False).encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()


def _units(doc: AttributedDoc) -> list[tuple[int, int]]:
    from .._segment import segment
    return [(s.start, s.end) for s in segment(doc.text, attribution=None)]


def _marks(doc: AttributedDoc, speech: frozenset[str]) -> tuple[dict[int, int], dict[int, int]]:
    """Start of each cue token -> its attribution, and attribution -> start of its source's last word."""
    text = doc.text
    cue_at: dict[int, int] = {}
    head: dict[int, int] = {}
    for k, a in enumerate(doc.attributions):
        if a.source:
            s, e = a.source[0]
            # The head of the source's first noun phrase: "Ida Brandt, a pollster who ..." -> Brandt.
            cut = _APPOSITION.search(text, s, e)
            words = [t for t in tokenize(text, s, cut.start() if cut else e) if t[0][:1].isalnum()]
            if not words:
                words = [t for t in tokenize(text, s, e) if t[0][:1].isalnum()]
            if words:
                head[k] = words[-1][1]
        cues = a.cue
        if not cues and a.source:
            # SPEC section 6 data: no cue spans; the speech verbs of the statement stand for them.
            cues = tuple((t[1], t[2]) for cs, ce in a.content for t in tokenize(text, cs, ce)
                         if t[0].lower() in speech)
        for cs, ce in cues:
            for t in tokenize(text, cs, ce):
                cue_at[t[1]] = k
    return cue_at, head


def _examples(docs: Sequence[AttributedDoc], lex, vocab: frozenset[str]):
    speech = lex.speech_verbs
    lex_sets = (lex.titles, lex.groups, lex.org_words)
    cue_rows, cue_y, src_groups = [], [], []
    for doc in docs:
        cue_at, head = _marks(doc, speech)
        for s, e in _units(doc):
            toks = tokenize(doc.text, s, e)
            low = [t[0].lower() for t in toks]
            inq = quote_state(toks)
            qc = quote_counts(low)
            colon = ":" in low
            used: set[int] = set()
            for i, w in enumerate(low):
                if w not in vocab:
                    continue
                k = cue_at.get(toks[i][1])
                cue_rows.append(cue_features(low, toks, inq, i, speech, qc, colon))
                cue_y.append(k is not None)
                if k is None or k in used or k not in head:
                    continue
                used.add(k)
                cands = source_candidates(toks, low, i, inq)
                ys = [toks[j][1] == head[k] for j in cands]
                if any(ys):
                    for j, y in zip(cands, ys):
                        src_groups.append((source_features(low, toks, inq, i, j, lex_sets, vocab, qc), y))
    return cue_rows, cue_y, src_groups


def _source_heads(docs: Sequence[AttributedDoc], speech: frozenset[str]) -> frozenset[str]:
    """Lowercase words that head gold sources at least ``SOURCE_HEAD_MIN`` times ("officials",
    "campaign", "poll"): the common nouns that may name a speaker (see ``AttributionModel``)."""
    seen: Counter[str] = Counter()
    for doc in docs:
        _, head = _marks(doc, speech)
        for start in head.values():
            t = tokenize(doc.text, start, start + 40, limit=1)
            if t and t[0][0][:1].islower():
                seen[t[0][0].lower()] += 1
    return frozenset(w for w, n in seen.items() if n >= SOURCE_HEAD_MIN and w not in PRONOUNS)


def _vocab(docs: Sequence[AttributedDoc], speech: frozenset[str]) -> frozenset[str]:
    """Words that may be cues: those inside gold cue spans at least twice and in at least
    ``CUE_RATE`` of their uses, and the speech-verb list."""
    in_cue: Counter[str] = Counter()
    for doc in docs:
        for a in doc.attributions:
            for cs, ce in a.cue:
                for t in tokenize(doc.text, cs, ce):
                    if t[0][:1].isalpha():
                        in_cue[t[0].lower()] += 1
    total: Counter[str] = Counter()
    for doc in docs:
        for t in tokenize(doc.text, limit=10**9):
            w = t[0].lower()
            if w in in_cue:
                total[w] += 1
    words = {w for w, n in in_cue.items() if n >= 2 and n >= CUE_RATE * total[w] and w not in PRONOUNS
             and w not in ("the", "a", "an", "of", "to", "and", "in")}
    return frozenset(words | set(speech))


def _fit_weights(rows: list[list[str]], y: list[bool], c: float) -> tuple[dict[str, float], float]:
    """Logistic regression (inverse regularisation ``c``) on binary features; weights under
    ``MIN_WEIGHT`` are dropped, the rest rounded to float32 (the same data gives the same bytes)."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for feats in rows for f in feats)
    names = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: k for k, f in enumerate(names)}
    indptr, indices = [0], []
    for feats in rows:
        indices.extend(sorted({index[f] for f in feats if f in index}))
        indptr.append(len(indices))
    X = csr_matrix((np.ones(len(indices), dtype=np.float64), np.array(indices, dtype=np.int64),
                    np.array(indptr, dtype=np.int64)), shape=(len(rows), len(names)))
    # max_iter 1000: the cue model at C 1 does not converge in 200 iterations (the converged one scores the
    # same on fold 1 within 2 attributions, and keeps the guards).
    clf = LogisticRegression(C=c, solver="lbfgs", max_iter=1000)
    clf.fit(X, np.array(y, dtype=np.int8))
    coef = np.round(clf.coef_[0], 5).astype(np.float32)
    weights = {f: float(w) for f, w in zip(names, coef) if abs(w) >= MIN_WEIGHT}
    return weights, round(float(clf.intercept_[0]), 5)


def fit(docs: Sequence[AttributedDoc], lexicon_dirs: Sequence[str | Path] = ()) -> AttributionModel:
    """Train the cue classifier and the source ranker on ``docs`` (deterministic).

    Raises
    ------
    ValueError
        ``docs`` give no cue or no source example.
    """
    lex = load_lexicon(lexicon_dirs)
    docs = sorted(docs, key=lambda d: d.doc_id)
    vocab = _vocab(docs, lex.speech_verbs)
    cue_rows, cue_y, src = _examples(docs, lex, vocab)
    if not any(cue_y) or not src:
        raise ValueError(f"no cue or source examples in {len(docs)} document(s): the data has no attributions "
                         "with a cue and a source in the same statement")
    cw, cb = _fit_weights(cue_rows, cue_y, CUE_C)
    word_max: dict[str, float] = {}
    for feats in cue_rows:
        score = cb + sum(cw.get(f, 0.0) for f in feats)
        word = feats[1][2:]  # "w=<word>"
        word_max[word] = max(word_max.get(word, -1e9), score)
    sw, sb = _fit_weights([f for f, _ in src], [y for _, y in src], SOURCE_C)
    meta = {"format": FORMAT, "cue_bias": cb, "source_bias": sb,
            "cue_threshold": CUE_THRESHOLD, "source_threshold": SOURCE_THRESHOLD,
            "speech_threshold": SPEECH_THRESHOLD, "quote_threshold": QUOTE_THRESHOLD,
            "clause_threshold": CLAUSE_THRESHOLD, "pronoun_threshold": PRONOUN_THRESHOLD,
            "joint_cue_threshold": JOINT_CUE_THRESHOLD, "joint_source_threshold": JOINT_SOURCE_THRESHOLD,
            "finding_threshold": FINDING_THRESHOLD, "tag_threshold": TAG_THRESHOLD,
            "gerund_threshold": GERUND_THRESHOLD,
            "vocab": sorted(vocab), "source_heads": sorted(_source_heads(docs, lex.speech_verbs)),
            "cue_word_max": {w: round(v, 3) for w, v in sorted(word_max.items())},
            "examples": {"cue": len(cue_y), "cue_positive": int(sum(cue_y)), "source": len(src)}}
    return AttributionModel(cw, sw, meta)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m stancekit.attribution.train", description=__doc__.split("\n")[0])
    ap.add_argument("data", nargs="+", help="PolNeAR's train.tar.gz, brat folders or SPEC section 6 folders")
    ap.add_argument("-o", "--output", required=True, help="the model file (.npz); its manifest goes beside it")
    ap.add_argument("--cv", type=int, default=0, help="also K-fold cross-validate on the first data set")
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args(argv)
    sets = [(str(p), read_any(p)) for p in args.data]
    docs = [d for _, ds in sets for d in ds]
    model = fit(docs)
    manifest: dict[str, object] = {
        "training_data": {"sets": [{"path": Path(p).name, "documents": len(ds),
                                    "attributions": sum(len(d.attributions) for d in ds),
                                    "sha256": data_digest(ds)} for p, ds in sets],
                          "sha256": data_digest(docs)},
        "command": "python -m stancekit.attribution.train " + " ".join(args.data) + f" -o {args.output}"
                   + (f" --cv {args.cv}" if args.cv else ""),
        "examples": model.meta["examples"],
    }
    if args.cv:
        manifest["cv"] = cross_validate(sets[0][1], args.cv, args.jobs)
    before = previous_manifest(args.output)
    model.save(args.output, manifest)
    after = read_manifest(args.output)
    print(json.dumps(manifest, indent=2))
    note = kernel_note(before, after)
    if note:
        print(note, file=sys.stderr)
    return 0


def cross_validate(docs: Sequence[AttributedDoc], k: int, jobs: int = 1) -> dict[str, object]:
    """Pooled K-fold figures (issue #13's measure) of the rules alone and of rules + model."""
    from ._score import count_doc, pooled
    from .._segment import segment

    docs = sorted(docs, key=lambda d: d.doc_id)
    out: dict[str, object] = {"folds": k, "documents": len(docs)}
    rules = pooled(count_doc(d, segment(d.text, d.doc_id, attribution=None)) for d in docs)
    learned = []
    for f in range(k):
        model = fit([d for i, d in enumerate(docs) if i % k != f])
        learned.append(pooled(count_doc(d, segment(d.text, d.doc_id, attribution=model))
                              for i, d in enumerate(docs) if i % k == f))
    out["rules"] = {n: round(v, 4) for n, v in rules.row().items()}
    out["rules+model"] = {n: round(v, 4) for n, v in pooled(learned).row().items()}
    return out


if __name__ == "__main__":
    sys.exit(main())
