"""TweetEval stance (SemEval-2016 Task 6A): retrain stancekit's model on tweets and score it.

Usage::

    python benchmarks/tweeteval.py DATA_DIR [--targets a,b] [--limit N] [--grid small|full|wide]
                                   [--prep none[,tweet[,tweet-words]]] [--refit train+val|train]
                                   [--val-only] [--ablations] [--jobs N] [--out-json FILE]
    python benchmarks/tweeteval.py DATA_DIR --cv [NAMES] [--folds 5] [--repeats 2] [--seed 0]

``DATA_DIR`` holds one folder per target (``abortion``, ``atheism``,
``climate``, ``feminist``, ``hillary``) with ``{train,val,test}_text.txt``
and ``{train,val,test}_labels.txt``, and ``mapping.txt`` (see the README
there). It defaults to ``../shared/benchmarks/tweeteval-stance`` beside the
repository. The data stays where it is: each split is converted to
stancekit's flat JSONL format (``text``, ``target``, ``label``) in a
temporary directory and read back with :func:`stancekit._data.read_labelled`,
the reader behind ``stancekit train``.

Tweet text can be prepared during that conversion (``--prep``, see
:data:`PREPS` and :func:`prepare_text`): dropping the dataset's ``#SemST``
tag, normalising @handles and URLs, collapsing letter elongations and
splitting hashtags into words. This is a benchmark-side choice; the library
and its news model are untouched. ``none`` (the default) is the text as
given, as in the first two protocols.

Protocol (as the data's README asks):

1. For every text preparation given to ``--prep`` and every setting of the
   grid, fit :func:`stancekit._model.fit_model` (the ``StanceFeaturizer`` +
   ``StanceClassifier`` pipeline, one per target) on ``train`` and score
   ``val``; keep the best pooled ``val`` F_avg (the first on ties, preps in
   the order given, then grid order). ``--val-only`` stops here (``test``
   is not read).
2. Refit the chosen setting on ``train`` + ``val`` (the default; what
   ``stancekit train --dev`` does for its final model) or on ``train``
   alone (``--refit train``).
3. Score ``test`` once and print the pooled F_avg (the official metric:
   (F1(against) + F1(favor)) / 2 over all targets' test tweets pooled),
   per-target figures and the published table with this run inserted.

``--cv`` replaces the protocol by repeated stratified cross-validation over
train + val of the candidates in :data:`CV_CANDIDATES` (``test`` is not
read): a way to compare settings more robustly than on the 294 val tweets
without another look at test.

``--ablations`` then also reports, as diagnostics only (they choose
nothing), the same settings without the news-specific features (cue
lexicons, target phrases, statement kind, interactions) and a plain TF-IDF
+ logistic regression baseline, on ``val`` and on ``test``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

from stancekit._data import LabelledSet, read_labelled
from stancekit._errors import DataError
from stancekit._evaluate import f_avg, label_report
from stancekit._model import DEFAULT_SETTINGS, StanceModel, fit_model
from stancekit._targets import Target, targets_from_ids
from stancekit._train import baseline_model

__all__ = ["TARGETS", "GRIDS", "CV_CANDIDATES", "cross_validate_candidates", "PUBLISHED", "LABEL_MAP", "PREPS", "prepare_text", "split_hashtag", "load_split",
           "select", "select_prepared", "run", "main"]

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "tweeteval-stance"
SPLITS = ("train", "val", "test")

# The five targets; the folder name is the target id, the phrases are words that name it in tweets.
TARGETS: tuple[Target, ...] = (
    Target("abortion", "Legalization of abortion (SemEval-2016 Task 6A)", ("abortion", "pro-life", "pro-choice")),
    Target("atheism", "Atheism (SemEval-2016 Task 6A)", ("atheism", "god", "religion")),
    Target("climate", "Climate change is a real concern (SemEval-2016 Task 6A)", ("climate", "global warming")),
    Target("feminist", "Feminist movement (SemEval-2016 Task 6A)", ("feminist", "feminism", "women")),
    Target("hillary", "Hillary Clinton (SemEval-2016 Task 6A)", ("hillary", "clinton")),
)

# TweetEval label names (mapping.txt) to stancekit labels.
LABEL_MAP: dict[str, str] = {"favor": "supporting", "against": "questioning", "none": "neutral"}

# Settings tried on val. Calibration is fixed to "temperature" (it leaves labels unchanged) and
# context_weight to 0 (a tweet has no preceding statements).
_FIXED: dict[str, object] = {"calibration": "temperature", "context_weight": 0.0}
GRIDS: dict[str, list[dict[str, object]]] = {
    "small": [
        {**_FIXED, "C": c, "char_ngram_range": ch, "word_ngram_range": (1, 2), "interaction_weight": 1.0}
        for c, ch in itertools.product((1.0, 3.0), (None, (2, 5)))
    ],
    "full": [
        {**_FIXED, "C": c, "char_ngram_range": ch, "word_ngram_range": w, "interaction_weight": iw}
        for c, ch, w, iw in itertools.product((0.3, 1.0, 3.0, 10.0), (None, (2, 5)), ((1, 2), (1, 3)), (0.0, 1.0))
    ],
    # Second protocol (run after the first test score was known; still chosen on val only):
    # character n-grams fixed on (every val score with them beat every one without), larger C,
    # and class weighting as a setting (the SemEval organisers' SVM is unweighted).
    "wide": [
        {**_FIXED, "C": c, "char_ngram_range": (2, 5), "word_ngram_range": w, "interaction_weight": iw,
         "class_weight": cw}
        for c, w, iw, cw in itertools.product((1.0, 3.0, 10.0, 30.0), ((1, 2), (1, 3)), (0.0, 1.0), ("balanced", None))
    ],
}

# Cross-validation on train + val (``--cv``; never reads test): protocol 3's pick and changes to
# it, each a prep and settings. Run after the third test score, to learn what might help without
# another look at test.
_P3: dict[str, object] = {**_FIXED, "C": 10.0, "char_ngram_range": (2, 5), "word_ngram_range": (1, 2),
                          "interaction_weight": 1.0}
_NEWS_OFF: dict[str, object] = {"use_cues": False, "use_target": False, "use_kind": False, "interaction_weight": 0.0}
CV_CANDIDATES: dict[str, tuple[str, dict[str, object]]] = {
    "protocol 3": ("tweet", _P3),
    "prep none": ("none", _P3),
    "C=3": ("tweet", {**_P3, "C": 3.0}),
    "C=30": ("tweet", {**_P3, "C": 30.0}),
    "min_df 1": ("tweet", {**_P3, "min_df": 1}),
    "char (1, 5)": ("tweet", {**_P3, "char_ngram_range": (1, 5)}),
    "char (2, 6)": ("tweet", {**_P3, "char_ngram_range": (2, 6)}),
    "char (3, 5)": ("tweet", {**_P3, "char_ngram_range": (3, 5)}),
    "word (1, 3)": ("tweet", {**_P3, "word_ngram_range": (1, 3)}),
    "no class weights": ("tweet", {**_P3, "class_weight": None}),
    "interaction 0": ("tweet", {**_P3, "interaction_weight": 0.0}),
    "cues off": ("tweet", {**_P3, "use_cues": False, "interaction_weight": 0.0}),
    "news blocks off": ("tweet", {**_P3, **_NEWS_OFF}),
    "protocol 2's pick": ("tweet", {**_P3, "C": 3.0, "word_ngram_range": (1, 3), "interaction_weight": 0.0,
                                    "class_weight": None}),
    "C=3 + no class weights": ("tweet", {**_P3, "C": 3.0, "class_weight": None}),
    "news blocks off + min_df 1": ("tweet", {**_P3, **_NEWS_OFF, "min_df": 1}),
    "news blocks off + min_df 1 + C=3": ("tweet", {**_P3, **_NEWS_OFF, "min_df": 1, "C": 3.0}),
    "news blocks off + min_df 1 + C=30": ("tweet", {**_P3, **_NEWS_OFF, "min_df": 1, "C": 30.0}),
}

# Published pooled test F_avg (percent), from the data's README.
PUBLISHED: tuple[tuple[str, float], ...] = (
    ("majority class", 65.2),
    ("TweetEval SVM (linear)", 67.3),
    ("MITRE (best SemEval-2016 team, LSTM)", 67.8),
    ("SemEval-2016 organisers' SVM-ngrams", 69.0),
    ("RoBERTa-Retrained", 69.3),
    ("BERTweet", 71.2),
    ("TimeLMs-2021", 72.9),
)

# -- tweet text preparation (benchmark side; the library is untouched) ------------------------------

# Every SemEval-2016 Task 6 tweet was collected through a hashtag; the dataset appends "#SemST"
# to nearly all of them, so it says nothing about stance.
_SEMST = re.compile(r"(?<![\w#])#semst\b[ \t]*", re.IGNORECASE)
_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+", re.IGNORECASE)
_MENTION = re.compile(r"(?<![\w@])@\w+")
_ELONGATION = re.compile(r"([^\W\d_])\1{2,}")  # a letter three or more times in a row
_HASHTAG = re.compile(r"(?<![\w#&])#(\w+)")
_SPACES = re.compile(r"[ \t]{2,}")

#: Text preparations offered by ``--prep``; ``none`` is the behaviour of the first two protocols.
PREPS: dict[str, str] = {
    "none": "text as given (stripped)",
    "tweet": "drop #SemST, @handles -> @user, URLs -> http, letters repeated 3+ times -> 2, "
             "hashtags kept and followed by their words when they split (#NoMoreWars -> #NoMoreWars No More Wars)",
    "tweet-words": "as 'tweet', but every hashtag is replaced by its words (#NoMoreWars -> No More Wars, #Peace -> Peace)",
}


def split_hashtag(body: str) -> list[str]:
    """The words of a hashtag's body, split at case, digit and underscore boundaries.

    A boundary falls between a lower-case and an upper-case letter ("NoMore"),
    before the last capital of a run followed by a lower-case letter ("USAToday" ->
    "USA", "Today"), between letters and digits ("Vote2016") and at underscores.
    An all-lower-case body ("nomorewars") has no boundary and stays one word.

    Parameters
    ----------
    body : str
        The hashtag without its ``#``.

    Returns
    -------
    list of str
        The parts in order (one part when nothing splits; empty for an all-underscore body).
    """
    parts: list[str] = []
    for chunk in body.split("_"):
        start = 0
        for i in range(1, len(chunk)):
            a, b = chunk[i - 1], chunk[i]
            nxt = chunk[i + 1] if i + 1 < len(chunk) else ""
            if ((a.isdigit() != b.isdigit() and (a.isalpha() or b.isalpha()))
                    or (a.islower() and b.isupper())
                    or (a.isupper() and b.isupper() and nxt.islower())):
                parts.append(chunk[start:i])
                start = i
        if chunk[start:]:
            parts.append(chunk[start:])
    return parts


def prepare_text(text: str, prep: str = "none") -> str:
    """Prepare one tweet's text for stancekit (see :data:`PREPS`).

    Parameters
    ----------
    text : str
    prep : {"none", "tweet", "tweet-words"}, default "none"

    Returns
    -------
    str
        ``text.strip()`` for ``none``; otherwise the prepared text, spaces squeezed
        (or ``text.strip()`` if nothing would be left).

    Notes
    -----
    Lower-casing is not offered: every text block of the featurizer (word and
    character TF-IDF, cue lexicons, target phrases) already lower-cases, and
    hashtags must be split before case is lost.
    """
    if prep not in PREPS:
        raise ValueError(f"unknown prep {prep!r}; known: {', '.join(PREPS)}")
    if prep == "none":
        return text.strip()
    t = _SEMST.sub("", text)
    t = _URL.sub("http", t)
    t = _MENTION.sub("@user", t)
    t = _ELONGATION.sub(r"\1\1", t)

    def hashtag(m: re.Match[str]) -> str:
        parts = split_hashtag(m.group(1))
        if prep == "tweet-words":
            return " ".join(parts) if parts else m.group(0)
        return m.group(0) + (" " + " ".join(parts) if len(parts) > 1 else "")

    t = _SPACES.sub(" ", _HASHTAG.sub(hashtag, t)).strip()
    return t or text.strip()  # a tweet of "#SemST" alone keeps it: stancekit rejects empty texts


# -- data -------------------------------------------------------------------------------------------

def read_mapping(data_dir: Path) -> dict[str, str]:
    """TweetEval label ids to stancekit labels, read from ``mapping.txt``.

    Parameters
    ----------
    data_dir : Path
        The benchmark folder.

    Returns
    -------
    dict of str to str
        E.g. ``{"0": "neutral", "1": "questioning", "2": "supporting"}``.
    """
    path = data_dir / "mapping.txt"
    out = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split()
        if len(parts) != 2 or parts[1].lower() not in LABEL_MAP:
            raise DataError(f"{path}:{n}: expected '<id> <none|against|favor>', got {line!r}")
        out[parts[0]] = LABEL_MAP[parts[1].lower()]
    return out


def convert_split(data_dir: Path, target: str, split: str, mapping: Mapping[str, str], out_dir: Path,
                  limit: int | None = None, prep: str = "none") -> Path:
    """Write one target's split as stancekit flat JSONL (``text``, ``target``, ``label``).

    Parameters
    ----------
    data_dir : Path
        The benchmark folder.
    target : str
        Target folder name, used as the target id.
    split : {"train", "val", "test"}
    mapping : mapping of str to str
        Label id to stancekit label (see :func:`read_mapping`).
    out_dir : Path
        Where to write ``<split>/<target>.jsonl``.
    limit : int, optional
        Keep only the first ``limit`` lines.
    prep : str, default "none"
        Text preparation applied to each tweet (see :func:`prepare_text`).

    Returns
    -------
    Path
        The JSONL file written.
    """
    if prep not in PREPS:
        raise DataError(f"unknown prep {prep!r}; known: {', '.join(PREPS)}")
    folder = data_dir / target
    texts = (folder / f"{split}_text.txt").read_text(encoding="utf-8").splitlines()
    labels = (folder / f"{split}_labels.txt").read_text(encoding="utf-8").splitlines()
    if len(texts) != len(labels):
        raise DataError(f"{folder}: {split}_text.txt has {len(texts)} lines, {split}_labels.txt {len(labels)}")
    if limit is not None:
        texts, labels = texts[:limit], labels[:limit]
    path = out_dir / prep / split / f"{target}.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for n, (text, lab) in enumerate(zip(texts, labels), 1):
            if lab.strip() not in mapping:
                raise DataError(f"{folder / f'{split}_labels.txt'}:{n}: unknown label {lab!r}")
            row = {"text": prepare_text(text, prep), "target": target, "label": mapping[lab.strip()]}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def load_split(data_dir: Path, targets: Sequence[str], split: str, out_dir: Path,
               limit: int | None = None, prep: str = "none") -> LabelledSet:
    """Convert ``split`` of every target and read it back as ``stancekit train`` would.

    Parameters
    ----------
    data_dir : Path
    targets : sequence of str
    split : {"train", "val", "test"}
    out_dir : Path
        A scratch directory for the JSONL files.
    limit : int, optional
        First ``limit`` lines of each target's split.
    prep : str, default "none"
        Text preparation (see :func:`prepare_text`).

    Returns
    -------
    LabelledSet
    """
    mapping = read_mapping(data_dir)
    paths = [convert_split(data_dir, t, split, mapping, out_dir, limit, prep) for t in targets]
    data, _ = read_labelled(paths, targets)
    return data


def merge(*sets: LabelledSet) -> LabelledSet:
    """The statements of several sets, in order."""
    return LabelledSet([s for d in sets for s in d.statements], {}, [f for d in sets for f in d.files])


# -- models -----------------------------------------------------------------------------------------

@dataclass
class Scores:
    """Pooled and per-target figures of one model on one split (F values in [0, 1])."""

    f_avg: float
    pairs: int
    per_target: dict[str, dict[str, float]] = field(default_factory=dict)
    ci95: tuple[float, float] | None = None

    def to_dict(self) -> dict[str, object]:
        return {"f_avg": round(self.f_avg, 4), "pairs": self.pairs, "per_target": self.per_target,
                "ci95": None if self.ci95 is None else [round(x, 4) for x in self.ci95]}


def _row(gold: Sequence[str], pred: Sequence[str]) -> dict[str, float]:
    rep = label_report(gold, pred)
    return {"n": len(gold), "f_avg": round(f_avg(gold, pred), 4),
            "f1_against": round(rep["questioning"]["f1"], 4), "f1_favor": round(rep["supporting"]["f1"], 4),
            "f1_none": round(rep["neutral"]["f1"], 4)}


def bootstrap_ci(gold: Sequence[str], pred: Sequence[str], *, n: int = 1000, seed: int = 0) -> tuple[float, float]:
    """A 95% percentile bootstrap interval of the pooled F_avg, resampling tweets.

    Parameters
    ----------
    gold, pred : sequence of str
        Pooled gold and predicted labels.
    n : int, default 1000
        Resamples.
    seed : int, default 0

    Returns
    -------
    tuple of float
        The 2.5th and 97.5th percentiles.
    """
    rng = np.random.default_rng(seed)
    g, p = np.asarray(gold), np.asarray(pred)
    vals = []
    for _ in range(n):
        idx = rng.integers(0, len(g), len(g))
        vals.append(f_avg(g[idx].tolist(), p[idx].tolist()))
    lo, hi = np.percentile(vals, [2.5, 97.5])
    return float(lo), float(hi)


def score(model: StanceModel, data: LabelledSet, *, ci: bool = False) -> Scores:
    """Score ``model`` on ``data``: each tweet against its own target only.

    The pooled F_avg is :func:`stancekit._evaluate.f_avg` over all targets'
    (gold, predicted) labels together: the official TweetEval metric.

    Parameters
    ----------
    model : StanceModel
    data : LabelledSet
        Flat rows: each statement is labelled for one target.
    ci : bool, default False
        Also compute a bootstrap 95% interval of the pooled F_avg.

    Returns
    -------
    Scores
    """
    preds = model.predict([{"text": s.text, "context": s.context} for s in data.statements])
    by_target: dict[str, tuple[list[str], list[str]]] = {t: ([], []) for t in model.target_ids}
    for s, p in zip(data.statements, preds):
        for t, lab in s.labels.items():
            by_target[t][0].append(lab)
            by_target[t][1].append(p[t].label)
    gold = [x for g, _ in by_target.values() for x in g]
    pred = [x for _, q in by_target.values() for x in q]
    per_target = {t: _row(g, q) for t, (g, q) in by_target.items() if g}
    per_target["pooled"] = _row(gold, pred)
    return Scores(f_avg(gold, pred), len(gold), per_target, bootstrap_ci(gold, pred) if ci else None)


def _fit_and_score(train: LabelledSet, val: LabelledSet, targets: Sequence[Target],
                   settings: Mapping[str, object], seed: int) -> float:
    return score(fit_model(train, targets, settings, random_state=seed), val).f_avg


def select(train: LabelledSet, val: LabelledSet, targets: Sequence[Target], grid: Sequence[Mapping[str, object]],
           *, seed: int = 0, jobs: int = 1, log: Callable[[str], None] = print,
           ) -> tuple[dict[str, object], list[tuple[dict[str, object], float]]]:
    """Fit each setting of ``grid`` on ``train``, score ``val``; return the best and all scores.

    Parameters
    ----------
    train, val : LabelledSet
    targets : sequence of Target
    grid : sequence of mapping
        Settings for :func:`stancekit._model.fit_model`.
    seed : int, default 0
    jobs : int, default 1
        Settings fitted in parallel (joblib processes).
    log : callable, default print

    Returns
    -------
    chosen : dict
        ``DEFAULT_SETTINGS`` updated with the best setting (the first of the best on ties).
    scores : list of (dict, float)
        Every setting with its pooled val F_avg.
    """
    if jobs == 1:
        fs = [_fit_and_score(train, val, targets, g, seed) for g in grid]
    else:
        from joblib import Parallel, delayed
        fs = Parallel(n_jobs=jobs)(delayed(_fit_and_score)(train, val, targets, g, seed) for g in grid)
    scores = [(dict(g), f) for g, f in zip(grid, fs)]
    for g, f in scores:
        log(f"  val F_avg {100 * f:5.2f}  {_describe(g)}")
    best = max(scores, key=lambda x: x[1])
    return {**DEFAULT_SETTINGS, **best[0]}, scores


def select_prepared(sets: Mapping[str, Mapping[str, LabelledSet]], targets: Sequence[Target],
                    grid: Sequence[Mapping[str, object]], *, seed: int = 0, jobs: int = 1,
                    log: Callable[[str], None] = print,
                    ) -> tuple[str, dict[str, object], list[tuple[str, dict[str, object], float]]]:
    """:func:`select` with the text preparation as one more dimension of the grid.

    Parameters
    ----------
    sets : mapping of str to mapping of str to LabelledSet
        For each prep (in the order tried), its ``"train"`` and ``"val"`` sets.
    targets, grid, seed, jobs, log
        As for :func:`select`.

    Returns
    -------
    prep : str
        The prep of the best (prep, setting) pair on val; the first of the best on ties,
        in the order of ``sets`` then of ``grid``.
    chosen : dict
        ``DEFAULT_SETTINGS`` updated with the best setting.
    scores : list of (str, dict, float)
        Every prep and setting with its pooled val F_avg.
    """
    scores: list[tuple[str, dict[str, object], float]] = []
    for prep, d in sets.items():
        _, sc = select(d["train"], d["val"], targets, grid, seed=seed, jobs=jobs,
                       log=lambda line, prep=prep: log(f"{line}, prep={prep}"))
        scores += [(prep, g, f) for g, f in sc]
    prep, best, _ = max(scores, key=lambda x: x[2])
    return prep, {**DEFAULT_SETTINGS, **best}, scores


def fit_text_only(data: LabelledSet, targets: Sequence[Target], settings: Mapping[str, object],
                  *, seed: int = 0) -> StanceModel:
    """The same pipeline and settings with the news-specific features off (word/char TF-IDF only):
    :func:`stancekit._model.fit_model` with the settings of :data:`_NEWS_OFF` (``use_cues``,
    ``use_target``, ``use_kind`` False, ``interaction_weight`` 0)."""
    return fit_model(data, targets, {**settings, **_NEWS_OFF}, random_state=seed)


# -- report -----------------------------------------------------------------------------------------

def _describe(s: Mapping[str, object]) -> str:
    keys = ("C", "word_ngram_range", "char_ngram_range", "min_df", "interaction_weight", "class_weight", "context_weight",
            "calibration")
    return ", ".join(f"{k}={tuple(s[k]) if isinstance(s.get(k), list) else s.get(k)}" for k in keys if k in s)


def per_target_table(rows: Mapping[str, Scores]) -> str:
    """A Markdown table: per target (and pooled), F_avg and F1 by class of each named model."""
    names = list(rows)
    first = rows[names[0]]
    of = f" ({names[0]})" if len(names) > 1 else ""
    head = ("| target | n | " + " | ".join(f"{n} F_avg" for n in names)
            + f" | F1 against{of} | F1 favor{of} | F1 none{of} |")
    lines = [head, "|---|---:|" + "---:|" * len(names) + "---:|---:|---:|"]
    for t, d in first.per_target.items():
        cells = " | ".join(f"{100 * rows[n].per_target[t]['f_avg']:.1f}" for n in names)
        label = f"**{t}**" if t == "pooled" else t
        lines.append(f"| {label} | {d['n']} | {cells} | {100 * d['f1_against']:.1f} | "
                     f"{100 * d['f1_favor']:.1f} | {100 * d['f1_none']:.1f} |")
    return "\n".join(lines)


def published_table(ours: float, name: str = "**stancekit (this run)**") -> str:
    """The published scores with ``ours`` (a fraction) inserted in order."""
    rows = sorted([*PUBLISHED, (name, round(100 * ours, 1))], key=lambda r: (r[1], r[0] != name))
    return "\n".join(["| system | test F_avg |", "|---|---:|"]
                     + [f"| {n} | {f'**{v:.1f}**' if n == name else f'{v:.1f}'} |" for n, v in rows])


# -- main -------------------------------------------------------------------------------------------

def run(data_dir: Path, targets: Sequence[str], *, limit: int | None = None, grid: str = "full",
        refit: str = "train+val", ablations: bool = False, seed: int = 0, jobs: int = 1,
        preps: Sequence[str] = ("none",), val_only: bool = False, candidate: str | None = None,
        log: Callable[[str], None] = print) -> dict[str, object]:
    """Run the benchmark and return its figures (F values as fractions).

    Parameters
    ----------
    data_dir : Path
        The benchmark folder.
    targets : sequence of str
        Target folder names.
    limit : int, optional
        First ``limit`` lines of each split per target (for quick tests).
    grid : {"small", "full", "wide"}, default "full"
    refit : {"train+val", "train"}, default "train+val"
        What the chosen setting is refitted on before the test.
    ablations : bool, default False
        Also score diagnostic variants (text-only features, TF-IDF + LR baseline).
    seed : int, default 0
    jobs : int, default 1
    preps : sequence of str, default ("none",)
        Text preparations tried during selection (see :data:`PREPS`); with several,
        the prep is chosen on val together with the setting.
    val_only : bool, default False
        Stop after selection and the val figures: no refit, ``test`` is not read.
        For development.
    candidate : str, optional
        A name in :data:`CV_CANDIDATES`: no selection on val; that candidate's prep and
        settings are fitted (on train for the val figure, on ``refit`` for test). This is
        the pre-registered fourth protocol; ``grid`` and ``preps`` are ignored.
    log : callable, default print

    Returns
    -------
    dict
        ``prep``, ``settings``, ``selection``, ``val``, ``test`` (per target and pooled;
        None with ``val_only``), ``ablations`` (if asked), ``counts`` and ``seconds``.
    """
    t0 = time.perf_counter()
    defs = {t.id: t for t in TARGETS}
    unknown = [t for t in targets if t not in defs]
    if unknown:
        raise DataError(f"unknown target(s) {', '.join(unknown)}; known: {', '.join(defs)}")
    if candidate is not None:
        if candidate not in CV_CANDIDATES:
            raise DataError(f"unknown candidate {candidate!r}; known: " + ", ".join(map(repr, CV_CANDIDATES)))
        preps = [CV_CANDIDATES[candidate][0]]
    preps = list(dict.fromkeys(preps))
    bad = [p for p in preps if p not in PREPS]
    if bad or not preps:
        raise DataError(f"unknown prep(s) {', '.join(bad) or '(none given)'}; known: {', '.join(PREPS)}")
    tgts = targets_from_ids(targets, [defs[t] for t in targets])
    splits = ("train", "val") if val_only else SPLITS  # with val_only, test is not even read
    with tempfile.TemporaryDirectory(prefix="tweeteval-") as tmp:
        by_prep = {p: {s: load_split(data_dir, targets, s, Path(tmp), limit, p) for s in splits} for p in preps}
    counts = {s: len(d.statements) for s, d in by_prep[preps[0]].items()}
    log(f"data: {data_dir} ({', '.join(f'{s} {n}' for s, n in counts.items())} tweets; "
        f"targets {', '.join(targets)}" + (f"; first {limit} lines per split" if limit else "") + ")")
    if candidate is not None:
        prep, settings = CV_CANDIDATES[candidate][0], dict(CV_CANDIDATES[candidate][1])
        log(f"candidate {candidate!r}, fixed before this run: no selection on val")
        selection = [(prep, settings, score(fit_model(by_prep[prep]["train"], tgts, settings, random_state=seed),
                                            by_prep[prep]["val"]).f_avg)]
    else:
        log(f"selecting on val ({len(preps) * len(GRIDS[grid])} settings: grid {grid!r} x prep {', '.join(preps)}):")
        prep, settings, selection = select_prepared(by_prep, tgts, GRIDS[grid], seed=seed, jobs=jobs, log=log)
    sets = by_prep[prep]
    t_select = time.perf_counter() - t0
    log(f"chosen: prep={prep}, {_describe(settings)} ({t_select:.1f} s)")
    val_model = fit_model(sets["train"], tgts, settings, random_state=seed)
    val_scores = score(val_model, sets["val"])
    out: dict[str, object] = {
        "data_dir": str(data_dir), "targets": list(targets), "limit": limit, "grid": grid, "refit": refit,
        "seed": seed, "counts": counts, "preps": preps, "prep": prep, "candidate": candidate,
        "settings": {k: list(v) if isinstance(v, tuple) else v for k, v in settings.items()},
        "selection": [{"prep": p, "settings": {k: list(v) if isinstance(v, tuple) else v for k, v in s.items()},
                       "val_f_avg": round(f, 4)} for p, s, f in selection],
        "val_by_prep": {p: {"best": round(max(f for q, _, f in selection if q == p), 4),
                            "mean": round(float(np.mean([f for q, _, f in selection if q == p])), 4)}
                        for p in preps},
        "val": val_scores.to_dict(), "test": None,
    }
    out["seconds_selection"] = round(t_select, 1)
    if val_only:
        out["seconds"] = round(time.perf_counter() - t0, 1)
        return out
    final_data = merge(sets["train"], sets["val"]) if refit == "train+val" else sets["train"]
    model = fit_model(final_data, tgts, settings, random_state=seed)
    test_scores = score(model, sets["test"], ci=True)  # the one test score of the chosen system
    out["test"] = test_scores.to_dict()
    out["seconds_to_test"] = round(time.perf_counter() - t0, 1)
    if ablations:
        out["ablations"] = _ablations(sets, final_data, tgts, settings, seed, val_scores, test_scores)
    out["seconds"] = round(time.perf_counter() - t0, 1)
    return out


def _ablations(sets: Mapping[str, LabelledSet], final_data: LabelledSet, tgts: Sequence[Target],
               settings: Mapping[str, object], seed: int, val_scores: Scores, test_scores: Scores) -> dict[str, object]:
    """Diagnostics after the headline figure is fixed: same protocol, other feature sets."""
    variants = {
        "text_only": lambda d: fit_text_only(d, tgts, settings, seed=seed),
        "tfidf_lr": lambda d: baseline_model(d, tgts),
    }
    out: dict[str, object] = {"stancekit": {"val": val_scores.to_dict(), "test": test_scores.to_dict()}}
    for name, fit in variants.items():
        out[name] = {"val": score(fit(sets["train"]), sets["val"]).to_dict(),
                     "test": score(fit(final_data), sets["test"]).to_dict()}
    return out


def _print_report(res: Mapping[str, object]) -> None:
    val = Scores(**res["val"])
    print()
    if len(res["preps"]) > 1:
        print("val F_avg by prep (best / mean over the grid):")
        for p, d in res["val_by_prep"].items():
            print(f"  {p}: {100 * d['best']:.2f} / {100 * d['mean']:.2f}")
        print()
    if res["test"] is None:
        print(f"pooled val F_avg {100 * val.f_avg:.2f} (fit on train; prep {res['prep']}); test not scored (--val-only)")
        print()
        print("val, per target:")
        print(per_target_table({"stancekit": val}))
        print()
        print(f"wall time: {res['seconds']:.1f} s (selection {res['seconds_selection']:.1f} s)")
        return
    test = Scores(**res["test"])
    lo, hi = test.ci95 or (float("nan"), float("nan"))
    print(f"prep {res['prep']}; pooled F_avg: val {100 * val.f_avg:.2f} (fit on train), test {100 * test.f_avg:.2f} "
          f"(fit on {res['refit']}, {test.pairs} test tweets; bootstrap 95% interval {100 * lo:.1f}-{100 * hi:.1f})")
    print()
    print("val, per target (fit on train):")
    print(per_target_table({"stancekit": val}))
    print()
    print("test, per target:")
    print(per_target_table({"stancekit": test}))
    if "ablations" in res:
        print()
        print("diagnostics (chosen on nothing; same settings, other features):")
        for split in ("val", "test"):
            print(f"\n{split}:")
            print(per_target_table({k: Scores(**v[split]) for k, v in res["ablations"].items()}))
    print()
    print(published_table(test.f_avg))
    print()
    print(f"wall time: {res['seconds']:.1f} s (selection {res['seconds_selection']:.1f} s; "
          f"data to test score {res['seconds_to_test']:.1f} s)")


def cross_validate_candidates(data_dir: Path, targets: Sequence[str], names: Sequence[str], *,
                              limit: int | None = None, seed: int = 0, folds: int = 5, repeats: int = 2,
                              log: Callable[[str], None] = print) -> list[dict[str, object]]:
    """Repeated stratified k-fold cross-validation over train + val for :data:`CV_CANDIDATES`.

    ``test`` is never read. Folds are stratified by target and label and are the same for every
    candidate (``seed``), so candidates can be compared fold by fold. Each candidate also gets
    its val F_avg (fitted on train), as the val-only protocols saw it.

    Returns
    -------
    list of dict
        Per candidate: ``name``, ``prep``, ``settings``, ``folds`` (pooled F_avg per fold),
        ``mean``, ``std``, ``val``, and, from the second candidate on, ``delta`` (mean paired
        difference from the first candidate), ``delta_se`` and ``better`` (folds it beats it on).
    """
    from sklearn.model_selection import RepeatedStratifiedKFold

    unknown = [n for n in names if n not in CV_CANDIDATES]
    if unknown:
        raise DataError(f"unknown candidate(s) {', '.join(map(repr, unknown))}; known: "
                        + ", ".join(map(repr, CV_CANDIDATES)))
    defs = {t.id: t for t in TARGETS}
    tgts = targets_from_ids(targets, [defs[t] for t in targets])
    preps = list(dict.fromkeys(CV_CANDIDATES[n][0] for n in names))
    with tempfile.TemporaryDirectory(prefix="tweeteval-cv-") as tmp:
        sets = {p: {s: load_split(data_dir, targets, s, Path(tmp), limit, p) for s in ("train", "val")} for p in preps}
    out: list[dict[str, object]] = []
    for name in names:
        prep, settings = CV_CANDIDATES[name]
        train, val = sets[prep]["train"], sets[prep]["val"]
        pooled = merge(train, val)
        strata = ["|".join(f"{t}={lab}" for t, lab in sorted(st.labels.items())) for st in pooled.statements]
        cv = RepeatedStratifiedKFold(n_splits=folds, n_repeats=repeats, random_state=seed)
        scores = []
        for a, b in cv.split(np.zeros(len(strata)), strata):
            fit_on = LabelledSet([pooled.statements[i] for i in a], {}, pooled.files)
            held = LabelledSet([pooled.statements[i] for i in b], {}, pooled.files)
            scores.append(score(fit_model(fit_on, tgts, settings, random_state=seed), held).f_avg)
        row: dict[str, object] = {
            "name": name, "prep": prep, "settings": {k: list(v) if isinstance(v, tuple) else v for k, v in settings.items()},
            "folds": [round(x, 4) for x in scores], "mean": float(np.mean(scores)), "std": float(np.std(scores, ddof=1)),
            "val": score(fit_model(train, tgts, settings, random_state=seed), val).f_avg}
        if out:
            d = np.array(scores) - np.array(out[0]["folds"])  # type: ignore[arg-type]
            row.update(delta=float(d.mean()), delta_se=float(d.std(ddof=1) / np.sqrt(len(d))), better=int((d > 0).sum()))
        out.append(row)
        log(f"  {name:34s} CV {100 * row['mean']:.2f} ± {100 * row['std']:.2f}   val {100 * row['val']:.2f}"  # type: ignore[operator]
            + (f"   Δ {100 * row['delta']:+.2f} (se {100 * row['delta_se']:.2f}, better on {row['better']}/{len(scores)})"  # type: ignore[operator]
               if "delta" in row else ""))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA,
                    help=f"benchmark folder (default: {DEFAULT_DATA})")
    ap.add_argument("--targets", default=",".join(t.id for t in TARGETS),
                    help="comma-separated target folders (default: all five)")
    ap.add_argument("--limit", type=int, default=None, help="use the first N lines of each split per target")
    ap.add_argument("--grid", choices=sorted(GRIDS), default="full")
    ap.add_argument("--refit", choices=("train+val", "train"), default="train+val",
                    help="data the chosen setting is refitted on before the test (default: train+val)")
    ap.add_argument("--ablations", action="store_true",
                    help="also score text-only features and a TF-IDF + LR baseline (diagnostics)")
    ap.add_argument("--prep", default="none",
                    help="comma-separated text preparations tried on val with the grid (default: none); "
                         + "; ".join(f"{k}: {v}" for k, v in PREPS.items()))
    ap.add_argument("--val-only", action="store_true",
                    help="stop after selection on val; test is not read (for development)")
    ap.add_argument("--cv", nargs="?", const="all", default=None, metavar="NAMES",
                    help="instead of the protocol: cross-validate candidates over train+val (test is not read); "
                         "NAMES is a comma-separated subset of CV_CANDIDATES, default all")
    ap.add_argument("--candidate", default=None, metavar="NAME",
                    help="score one named CV_CANDIDATES entry (no selection): val fit on train, test fit on "
                         "--refit; the pre-registered fourth protocol")
    ap.add_argument("--folds", type=int, default=5, help="with --cv: folds per repeat")
    ap.add_argument("--repeats", type=int, default=2, help="with --cv: repeats")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=1, help="settings fitted in parallel during selection")
    ap.add_argument("--out-json", type=Path, default=None, help="write all figures to this JSON file")
    a = ap.parse_args(argv)
    if not a.data_dir.is_dir():
        print(f"{a.data_dir}: no such directory (the TweetEval stance folder)", file=sys.stderr)
        return 2
    if a.limit is not None and a.limit < 1:
        ap.error("--limit must be at least 1")
    targets = [t.strip() for t in a.targets.split(",") if t.strip()]
    preps = [p.strip() for p in a.prep.split(",") if p.strip()]
    if not preps or any(p not in PREPS for p in preps):
        ap.error(f"--prep takes a comma-separated list of {', '.join(PREPS)}; got {a.prep!r}")
    if a.candidate is not None and a.cv is not None:
        ap.error("--candidate scores one candidate by the protocol; it cannot be combined with --cv")
    if a.val_only and a.ablations:
        ap.error("--ablations scores test; it cannot be combined with --val-only")
    if a.cv is not None:
        names = list(CV_CANDIDATES) if a.cv == "all" else [n.strip() for n in a.cv.split(",") if n.strip()]
        try:
            with threadpool_limits(1, user_api="blas"):
                print(f"cross-validation over train+val ({a.repeats} x {a.folds} folds, seed {a.seed}); test is not read")
                rows = cross_validate_candidates(a.data_dir, targets, names, limit=a.limit, seed=a.seed,
                                                 folds=a.folds, repeats=a.repeats)
        except DataError as e:
            print(f"error: {e}", file=sys.stderr)
            return 1
        if a.out_json:
            a.out_json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
        return 0
    try:
        # One BLAS thread: L-BFGS on these small problems runs many tiny vector operations, and
        # threaded OpenBLAS made them up to 40x slower here (on a busy 2-core machine).
        with threadpool_limits(1, user_api="blas"):
            res = run(a.data_dir, targets, limit=a.limit, grid=a.grid, refit=a.refit, ablations=a.ablations,
                      seed=a.seed, jobs=a.jobs, preps=preps, val_only=a.val_only, candidate=a.candidate)
    except DataError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    _print_report(res)
    if a.out_json:
        a.out_json.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
