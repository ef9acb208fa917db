"""Training workflows behind ``stancekit train`` and ``stancekit evaluate --cv``."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

from ._data import LabelledSet, data_digest, read_labelled
from ._errors import DataError
from ._evaluate import EvalResult, _summarise, evaluate_model, format_result
from ._model import DEFAULT_SETTINGS, StanceModel, fit_model, save_model
from ._targets import LABELS, Target, default_targets, load_targets, targets_from_ids

__all__ = ["SELECTION_GRID", "select_settings", "select_settings_cv", "cross_validate", "baseline_model", "train_command"]

# Settings tried by ``stancekit train --select-cv K`` (chosen by cross-validation by document on
# the training data) or ``--select`` (chosen on the dev set). Character n-grams are left out:
# word prefixes (affixes) score the same at a third of the scoring time (docs/model-card.md);
# ``--set char_ngram_range=[2,5]`` still turns them on. The actor's name is left out
# (actor_weight 0): it let a speaker's identity decide the label (docs/model-card.md, "The
# actor's name"); document context is on, with the article's own voice as one actor of its
# document (author_actor: 5-fold CV on train 0.693 -> 0.702, own voice 0.50 -> 0.55), and with
# whether the document names the target at all, and the gate that labels a document naming it
# nowhere neutral (doc_focus, doc_gate: CV 0.707 -> 0.710 on 184 train articles, 0.702 -> 0.699
# on 198; off-topic false stances on PolNeAR 1.07% -> 0.09% toward the treaty, 1.84% -> 0.67%
# toward the chairmanship). What is chosen: C, the stacked first model, and class weights.
SELECTION_GRID: list[dict[str, object]] = [
    {"C": c, "affix_lengths": (4, 6), "actor_weight": 0.0, "doc_weight": 1.0, "stack_weight": sw,
     "class_weight": cw, "calibration": "temperature", "author_actor": True, "doc_focus": True, "doc_gate": True, "doc_about": True}
    for c in (1.0, 3.0)
    for sw in (0.0, 1.0)
    for cw in ("balanced", None)
]


def _merge(*sets: LabelledSet) -> LabelledSet:
    out = LabelledSet([], {}, [])
    for s in sets:
        out.statements += s.statements
        out.documents.update(s.documents)
        out.files += s.files
    return out


def select_settings(train: LabelledSet, dev: LabelledSet, targets: Sequence[Target],
                    grid: Sequence[Mapping[str, object]] = SELECTION_GRID, *, random_state: int = 0,
                    log=None) -> tuple[dict[str, object], list[tuple[dict[str, object], float]], StanceModel]:
    """Fit on ``train`` with each setting of ``grid``; keep the best F_avg on ``dev`` (gold spans).

    Returns the chosen settings, every (setting, F_avg) pair, and the chosen model (fit on ``train``).
    """
    scores = []
    best_model, best_f = None, -1.0
    for g in grid:
        m = fit_model(train, targets, g, random_state=random_state)
        f = evaluate_model(m, dev, end_to_end=False)[0].f_avg
        scores.append((dict(g), f))
        if f > best_f:  # first of the best on ties: deterministic
            best_model, best_f = m, f
        if log:
            log(f"  {json.dumps(g)}  dev F_avg {f:.4f}")
    best = max(scores, key=lambda x: x[1])
    return {**DEFAULT_SETTINGS, **best[0]}, scores, best_model


def select_settings_cv(train: LabelledSet, targets: Sequence[Target], k: int = 5,
                       grid: Sequence[Mapping[str, object]] = SELECTION_GRID, base: Mapping[str, object] | None = None,
                       *, random_state: int = 0, log=None) -> tuple[dict[str, object], list[tuple[dict[str, object], float]]]:
    """Choose settings by :func:`cross_validate` (``k`` folds by document) on ``train`` alone: no
    held-out set is looked at. Each setting of ``grid`` overrides ``base`` (default
    :data:`~stancekit._model.DEFAULT_SETTINGS`); the first of the best F_avg wins.

    Returns the chosen settings and every (setting, cross-validated F_avg) pair.
    """
    base = {**DEFAULT_SETTINGS, **(base or {})}
    scores = []
    for g in grid:
        f = cross_validate(train, targets, {**base, **g}, k, random_state=random_state).f_avg
        scores.append((dict(g), f))
        if log:
            log(f"  {json.dumps(g)}  {k}-fold CV F_avg {f:.4f}")
    best = max(scores, key=lambda x: x[1])  # max keeps the first of equals: deterministic
    return {**base, **best[0]}, scores


def baseline_model(train: LabelledSet, targets: Sequence[Target]) -> StanceModel:
    """A plain TF-IDF (word 1-2 grams) + logistic regression with balanced class weights per target, for comparison."""
    pipes = {}
    for t in targets:
        X, y = train.examples(t.id)
        pipe = Pipeline([("tfidf", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)),
                         ("lr", LogisticRegression(max_iter=2000, class_weight="balanced"))])
        pipes[t.id] = _TextOnly(pipe.fit([x.text for x in X], y))
    return StanceModel(targets, pipes, {"baseline": "tfidf word 1-2 + logistic regression, class_weight balanced"},
                       data_digest(train))


class _TextOnly:
    """Adapts a text pipeline to the statement inputs :class:`StanceModel` passes."""

    def __init__(self, pipe: Pipeline) -> None:
        self.pipe = pipe
        self.classes_ = pipe.classes_

    def predict_proba(self, inputs):
        return self.pipe.predict_proba([getattr(i, "text", i) for i in inputs])


def cross_validate(data: LabelledSet, targets: Sequence[Target], settings: Mapping[str, object], k: int,
                   *, random_state: int = 0) -> EvalResult:
    """K-fold cross-validation grouped by document (statements of one article stay together)."""
    if k < 2:
        raise ValueError(f"--cv must be at least 2, got {k}")
    keys = sorted({s.doc_id or s.source for s in data.statements})
    if len(keys) < k:
        raise DataError(f"{data.files[0] if data.files else '<data>'}: {len(keys)} document(s), fewer than --cv {k} folds")
    for t in targets:
        counts = {lab: sum(1 for s in data.statements if data.label_of(s, t.id) == lab) for lab in LABELS}
        short = {lab: n for lab, n in counts.items() if 0 < n < k}
        if short:
            where = data.files[0] if data.files else "<data>"
            raise DataError(f"{where}: target {t.id!r} has too few examples to cross-validate with --cv {k}: "
                            + ", ".join(f"{n} {lab!r}" for lab, n in short.items()) + f" (need at least {k} each)")
    rng = np.random.RandomState(random_state)
    order = list(rng.permutation(len(keys)))
    fold_of = {keys[i]: n % k for n, i in enumerate(order)}
    yt: dict[str, list[str]] = {t.id: [] for t in targets}
    yp: dict[str, list[str]] = {t.id: [] for t in targets}
    for f in range(k):
        tr = LabelledSet([s for s in data.statements if fold_of[s.doc_id or s.source] != f], {}, data.files)
        held = [s for s in data.statements if fold_of[s.doc_id or s.source] == f]
        m = fit_model(tr, targets, settings, random_state=random_state, min_per_class=2)
        labelled = m.predict([{"text": s.text, "context": s.context, "kind": s.kind, "actor": s.actor,
                               "doc_id": s.doc_id} for s in held])
        te = [s for s in held if not s.ambiguous]
        preds = [p for s, p in zip(held, labelled) if not s.ambiguous]
        for s, p in zip(te, preds):
            for t in targets:
                lab = data.label_of(s, t.id)
                if lab is not None:
                    yt[t.id].append(lab)
                    yp[t.id].append(p[t.id].label)
    return _summarise(yt, yp, f"{k}-fold cross-validation by document")


def _targets_for(a, data: LabelledSet) -> list[Target]:
    if a.targets:
        return load_targets(a.targets)
    ids = data.target_ids()
    return targets_from_ids(ids, default_targets())


def train_command(a) -> int:
    log = (lambda m: print(m, file=sys.stderr))
    t0 = time.perf_counter()
    known = [t.id for t in load_targets(a.targets)] if a.targets else None
    train, _ = read_labelled(a.paths, known)
    targets = _targets_for(a, train)
    if not train.statements:
        raise DataError(f"{', '.join(a.paths)}: no labelled statements")
    settings: dict[str, object] = dict(DEFAULT_SETTINGS)
    if a.settings:
        try:
            settings.update(json.loads(Path(a.settings).read_text(encoding="utf-8")))
        except (OSError, json.JSONDecodeError) as e:
            raise DataError(f"{a.settings}: cannot read settings ({e})") from None
    from ._cli import _parse_settings
    settings.update(_parse_settings(a.set))
    metrics: dict[str, object] = {}
    dev = None
    if getattr(a, "select_cv", 0):
        log(f"selecting settings by {a.select_cv}-fold cross-validation by document on {', '.join(a.paths)} "
            f"({len(SELECTION_GRID)} candidates)")
        settings, scores = select_settings_cv(train, targets, a.select_cv, base=settings, random_state=a.seed, log=log)
        metrics["selection"] = [{"settings": s, "cv_f_avg": round(f, 4)} for s, f in scores]
        log(f"chosen: {json.dumps(_plain(settings))}")
    if a.dev:
        dev, _ = read_labelled(a.dev, [t.id for t in targets])
        if a.select:
            log(f"selecting settings on {', '.join(a.dev)} ({len(SELECTION_GRID)} candidates)")
            settings, scores, m_train = select_settings(train, dev, targets, random_state=a.seed, log=log)
            metrics["selection"] = [{"settings": s, "dev_f_avg": round(f, 4)} for s, f in scores]
            log(f"chosen: {json.dumps(settings)}")
        else:
            m_train = fit_model(train, targets, settings, random_state=a.seed)
        res = evaluate_model(m_train, dev)
        base = baseline_model(train, targets)
        res_b = evaluate_model(base, dev)
        metrics["dev"] = {"trained_on": list(a.paths), "model": [r.to_dict() for r in res],
                          "baseline": [r.to_dict() for r in res_b]}
        for r in res:
            log(format_result(r))
        log(f"baseline (TF-IDF + logistic regression) on dev: gold spans F_avg {res_b[0].f_avg:.4f}"
            + (f", end to end {res_b[1].f_avg:.4f}" if len(res_b) > 1 else ""))
        for path in a.eval:
            from ._data import _text_dirs
            absent = [str(d) for d in _text_dirs(Path(path))[1:] if not d.is_dir()] if Path(path).is_dir() else []
            if absent:  # e.g. fixtures/seed in a clone without ../shared: evaluation only, training is the same
                log(f"--eval {path}: skipped: its documents are kept outside the repository, in "
                    f"{', '.join(absent)}, which is not here")
                continue
            ev, _ = read_labelled([path], [t.id for t in targets])
            r2 = evaluate_model(m_train, ev)
            b2 = evaluate_model(base, ev)
            metrics.setdefault("eval", {})[path] = {"model": [r.to_dict() for r in r2],
                                                  "baseline": [r.to_dict() for r in b2]}
            log(f"on {path} (model trained on {', '.join(a.paths)}):")
            for r in r2:
                log(format_result(r))
            log(f"baseline on {path}: gold spans F_avg {b2[0].f_avg:.4f}")
        train = _merge(train, dev)
    if a.settings_out:
        Path(a.settings_out).write_text(json.dumps(_plain(settings), indent=2) + "\n", encoding="utf-8")
    model = fit_model(train, targets, settings, random_state=a.seed)
    model.metrics = metrics
    sources = list(a.paths) + list(a.dev)
    manifest = save_model(model, a.output, training_data=sources)
    log(f"wrote {a.output} ({len(train.statements)} statements, targets {', '.join(model.target_ids)}, "
        f"sha256 {manifest['sha256'][:12]}…) in {time.perf_counter() - t0:.1f} s")
    return 0


def _plain(obj):
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, tuple):
        return list(obj)
    return obj
