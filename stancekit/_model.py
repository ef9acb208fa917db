"""The stance model: one featurizer + classifier pipeline per target, its training and its files."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import joblib
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from threadpoolctl import threadpool_limits

from ._classifier import StanceClassifier, check_mlp_params, check_neutral_bias, check_tree_blend, check_tree_params
from ._data import LabelledSet, data_digest
from ._errors import DataError, ModelError, choice_error, model_unreadable, setting_needs_error, type_error
from ._features import StanceFeaturizer
from ._scorer import Scorer, best_labels, in_label_order, scorer_path, stance_records, write_scorer
from ._vectors import LinearHead, StatementInput, gate_proba, stack_rows, statement_inputs
from ._files import (_manifest_path, atomic_write_bytes, blas_kernels, check_model, default_model_path,
                     library_versions, sha256_file)
from ._targets import LABELS, Target

__all__ = ["Stance", "StanceModel", "fit_model", "load_model", "save_model", "DEFAULT_SETTINGS",
           "default_model_path", "MIN_PER_CLASS", "sha256_file"]

MODEL_FORMAT = 1
MIN_PER_CLASS = 2
DEFAULT_SETTINGS: dict[str, object] = {
    "C": 1.0,
    "word_ngram_range": (1, 2),
    "char_ngram_range": None,
    "affix_lengths": None,
    "min_df": 2,
    "interaction_weight": 1.0,
    "context_weight": 0.0,
    "actor_weight": 0.0,
    "doc_weight": 0.0,
    "stack_weight": 0.0,
    "actor_role": True,
    "author_actor": False,
    "doc_focus": False,
    "doc_gate": False,
    "doc_about": False,
    "calibration": "temperature",
    "class_weight": "balanced",
    "neutral_bias": 0.0,
    "tree_blend": 0.0,
    "tree_rounds": 200,
    "tree_learning_rate": 0.05,
    "mlp_blend": 0.0,
    "mlp_hidden": 32,
    "mlp_alpha": 30.0,
    "mlp_seeds": 1,
    "author_stack": False,
    "paragraph_context": False,
    "questions": False,
    "use_cues": True,
    "use_target": True,
    "use_kind": True,
}


@dataclass(frozen=True)
class Stance:
    """A predicted stance: the label and the model's probability of it."""

    label: str
    confidence: float

    def to_dict(self) -> dict[str, object]:
        return {"label": self.label, "confidence": round(float(self.confidence), 4)}


_ABOUT: dict[str, tuple[str, ...]] | None = None


def about_phrases(target_id: str) -> tuple[str, ...]:
    """The phrases that show a document is about the target ``target_id`` at all (setting
    ``doc_about``), from ``stancekit/data/target_about.json``; ``()`` for a target not listed
    there (its own phrases then decide, as without the setting)."""
    global _ABOUT
    if _ABOUT is None:
        text = resources.files("stancekit").joinpath("data").joinpath("target_about.json").read_text(encoding="utf-8")
        _ABOUT = {k: tuple(v) for k, v in json.loads(text)["targets"].items()}
    return _ABOUT.get(target_id, ())


# Settings that read the first model's view (the ``stack`` field): each needs ``stack_weight`` above 0.
READS_FIRST_MODEL: tuple[str, ...] = ("author_stack", "paragraph_context")


def build_pipeline(target: Target, settings: Mapping[str, object], random_state: int = 0) -> Pipeline:
    """The featurizer + classifier pipeline for one target.

    ``settings`` override :data:`DEFAULT_SETTINGS`; a key that is not one of them raises
    ``ValueError`` naming it and the allowed keys. ``use_cues``, ``use_target`` and ``use_kind``
    turn off the blocks written for news (cue lexicons, target phrases, statement kind), for
    retraining on other text.
    """
    for key, value in settings.items():
        if key not in DEFAULT_SETTINGS:
            raise choice_error("setting", key, DEFAULT_SETTINGS)
        if key.startswith("use_") and not isinstance(value, bool):
            raise type_error(f"setting {key!r}", value, "true or false")
    s = {**DEFAULT_SETTINGS, **settings}
    neutral_bias = check_neutral_bias(s["neutral_bias"])
    tree_blend = check_tree_blend(s["tree_blend"])
    check_tree_params(s["tree_rounds"], s["tree_learning_rate"])
    mlp_blend = check_mlp_params(s["mlp_blend"], s["mlp_hidden"], s["mlp_alpha"], tree_blend=tree_blend,
                                 seeds=s["mlp_seeds"])
    for name in READS_FIRST_MODEL:
        if not isinstance(s[name], bool):
            raise type_error(f"setting {name!r}", s[name], "true or false")
        if s[name] and not float(s["stack_weight"] or 0.0):
            raise setting_needs_error(name, {"stack_weight": "above 0"}, {"stack_weight": s["stack_weight"]},
                                      reads="the first model's view")
    if not isinstance(s["questions"], bool):
        raise type_error("setting 'questions'", s["questions"], "true or false")
    if s["doc_gate"] and not (s["doc_focus"] and float(s["doc_weight"])):
        raise setting_needs_error("doc_gate", {"doc_focus": "true", "doc_weight": "above 0"},
                                  {"doc_focus": s["doc_focus"], "doc_weight": s["doc_weight"]})
    if s["doc_about"] and not (s["doc_focus"] and float(s["doc_weight"])):
        raise setting_needs_error("doc_about", {"doc_focus": "true", "doc_weight": "above 0"},
                                  {"doc_focus": s["doc_focus"], "doc_weight": s["doc_weight"]})
    return Pipeline([
        ("features", StanceFeaturizer(
            phrases=target.phrases, anaphora=target.anaphora,
            about=about_phrases(target.id) if s["doc_about"] else (),
            word_ngram_range=tuple(s["word_ngram_range"]) if s["word_ngram_range"] else None,
            char_ngram_range=tuple(s["char_ngram_range"]) if s["char_ngram_range"] else None,
            affix_lengths=tuple(s["affix_lengths"]) if s.get("affix_lengths") else None,
            min_df=int(s["min_df"]), interaction_weight=float(s["interaction_weight"]),
            context_weight=float(s["context_weight"]), actor_weight=float(s["actor_weight"]),
            doc_weight=float(s["doc_weight"]), stack_weight=float(s["stack_weight"]),
            actor_role=bool(s["actor_role"]), author_actor=bool(s["author_actor"]),
            doc_focus=bool(s["doc_focus"]), doc_gate=bool(s["doc_gate"]), author_stack=s["author_stack"],
            paragraph_context=s["paragraph_context"], questions=s["questions"],
            use_cues=bool(s["use_cues"]), use_target=bool(s["use_target"]), use_kind=bool(s["use_kind"]),
        )),
        ("classifier", StanceClassifier(C=float(s["C"]), calibration=s["calibration"],
                                        class_weight=s.get("class_weight", "balanced"), neutral_bias=neutral_bias,
                                        tree_blend=tree_blend, tree_rounds=int(s["tree_rounds"]),
                                        tree_learning_rate=float(s["tree_learning_rate"]), mlp_blend=mlp_blend,
                                        mlp_hidden=int(s["mlp_hidden"]), mlp_alpha=float(s["mlp_alpha"]),
                                        mlp_seeds=int(s["mlp_seeds"]),
                                        random_state=random_state)),
    ])


class StanceModel:
    """Trained stance pipelines, one per target.

    Use :func:`stancekit.load_model` to get one and :meth:`predict` to label
    statements. Built by :func:`fit_model` (or ``stancekit train``).
    """

    def __init__(self, targets: Sequence[Target], pipelines: Mapping[str, Pipeline],
                 settings: Mapping[str, object], training_digest: str, metrics: Mapping[str, object] | None = None,
                 stage1: "StanceModel | None" = None) -> None:
        self.targets = list(targets)
        self.stage1 = stage1
        self.pipelines = dict(pipelines)
        self.settings = dict(settings)
        self.training_digest = training_digest
        self.metrics = dict(metrics or {})
        self.labels = LABELS

    @property
    def target_ids(self) -> list[str]:
        return [t.id for t in self.targets]

    def _inputs(self, statements: object) -> list[StatementInput]:
        """Statements to featurizer inputs, giving each the text of the statements before it as context."""
        return statement_inputs(statements)

    def scorer(self) -> Scorer | None:
        """This model as a :class:`stancekit._scorer.Scorer`, or None (see :func:`scorer_of`). Cheap:
        each featurizer keeps its plan from one fit to the next."""
        return scorer_of(self)

    def predict_proba(self, statements: object) -> dict[str, np.ndarray]:
        """Per target, an array (n_statements, 3) of probabilities in :attr:`labels` order."""
        blocks = self._block_scorer()
        if blocks is not None:
            return blocks.predict_proba(statements)
        return self._pipeline_proba(self._inputs(statements))

    def _block_scorer(self) -> Scorer | None:
        """What labels statements in blocks (see :meth:`stancekit._scorer.Scorer.blocks`): the
        model's :meth:`scorer`, else its pipelines' own featurizers and classifiers in a
        :class:`Scorer` (see :func:`pipeline_scorer`); None for a custom pipeline."""
        scorer = self.scorer()
        return scorer if scorer is not None else pipeline_scorer(self)

    def _iter_best(self, statements: object) -> Iterator[tuple[int, int, list[dict[str, tuple[str, float]]]]]:
        """``(start, stop, best)`` per block of statements labelled (see :meth:`_best`)."""
        blocks = self._block_scorer()
        if blocks is not None:
            yield from blocks._iter_best(statements)
            return
        items = statements if isinstance(statements, Sequence) else list(statements)
        yield 0, len(items), self._best(items)

    def _iter_stance_records(self, statements: object) -> Iterator[tuple[int, int, list[dict[str, dict[str, object]]]]]:
        """``(start, stop, records)`` per block of statements labelled (see :meth:`_stance_records`)."""
        for a, b, best in self._iter_best(statements):
            yield a, b, stance_records(best)

    def _stacked(self, inputs: list[StatementInput], proba=None) -> list[StatementInput]:
        """``inputs`` with the first model's view of their documents (:func:`stack_rows`), when
        this model was trained stacked; else as they are."""
        stage1 = getattr(self, "stage1", None)
        if stage1 is None or not inputs:
            return inputs
        p1 = (proba or stage1._pipeline_proba)(inputs)
        author = bool(stage1.settings.get("author_actor"))
        para = bool(self.settings.get("paragraph_context"))
        return [it._replace(stack=st) for it, st in zip(inputs, stack_rows(inputs, [p1[t] for t in stage1.target_ids],
                                                                           author_actor=author, paragraph=para))]

    def _pipeline_proba(self, inputs: list[StatementInput], *, fast: bool = True) -> dict[str, np.ndarray]:
        """Probabilities from the scikit-learn pipelines themselves (``fast=False``: each by its
        ``Pipeline.predict_proba``, no shared blocks)."""
        stage1 = getattr(self, "stage1", None)
        inputs = self._stacked(inputs, None if stage1 is None else
                               (lambda x: stage1._pipeline_proba(x, fast=fast)))
        out = {}
        cache: dict[object, object] = {}
        for t in self.targets:
            pipe = self.pipelines[t.id]
            if not inputs:
                proba = np.zeros((0, len(pipe.classes_)))
            elif isinstance(pipe, Pipeline) and isinstance(pipe[0], StanceFeaturizer) and len(pipe) == 2:
                plan = pipe[0].feature_plan()
                if fast:
                    X = pipe[0]._transform(inputs, cache)
                    proba = pipe[-1].predict_proba(X)
                else:
                    proba = pipe.predict_proba(inputs)
                    X = pipe[0].transform(inputs) if plan.doc_gate else None
                proba = gate_proba(proba, pipe.classes_, None if X is None else plan.gated(X))
            else:
                proba = pipe.predict_proba(inputs)
            out[t.id] = in_label_order(proba, pipe.classes_)
        return out

    def predict(self, statements: object) -> list[dict[str, Stance]]:
        """Label each statement toward every target.

        Parameters
        ----------
        statements : iterable of Statement, mapping or str
            Statements of one or more documents, in document order. Each
            gets the text of up to two statements before it in the same
            document (same ``doc_id``) as context, unless it brings its own
            ``context``.

        Returns
        -------
        list of dict
            ``{target_id: Stance(label, confidence)}`` per statement.
        """
        out: list[dict[str, Stance]] = []
        for row in self._best(statements):
            out.append({tid: Stance(label, conf) for tid, (label, conf) in row.items()})
        return out

    def _best(self, statements: object) -> list[dict[str, tuple[str, float]]]:
        """Per statement, ``{target_id: (label, probability)}`` of the most probable label."""
        return best_labels(self.predict_proba(statements))

    def explain(self, statements: object, k: int = 3) -> list[dict[str, list[str]]]:
        """The evidence for each label :meth:`predict` gives.

        Parameters
        ----------
        statements : iterable of Statement, mapping or str
            As for :meth:`predict` (one document's statements together, in order).
        k : int, default 3
            How many pieces of evidence per statement and target.

        Returns
        -------
        list of dict
            ``{target_id: [evidence, ...]}`` per statement: the features whose contribution
            to the chosen label's logit (against the mean of the labels' logits) is largest
            and positive, strongest first. A word or word pair is given as it stands in the
            text, a word prefix as the statement's word that has it; cues, target phrases,
            kind and document context are described ("cue: doubting", "target phrase: osce",
            "same actor's other statements: questioning chairmanship"). Fewer than ``k`` when
            fewer features push toward the label.

        Raises
        ------
        ModelError
            A model whose probabilities do not come from its logistic regression alone
            (sigmoid or isotonic calibration) has no such evidence.

        Notes
        -----
        Evidence explains the linear model's arithmetic, not the annotator's reasons; the
        intercept (the label's prior) is left out. With trees (setting ``tree_blend``) or a
        perceptron (``mlp_blend``) the probabilities are the mean of the linear model's and
        theirs, and the evidence reads the linear model's weights only: a label they moved has
        evidence for the linear model's reading of it (:attr:`stancekit._scorer.Scorer.evidence_note`
        says so).
        """
        if not isinstance(k, int) or isinstance(k, bool) or k < 1:
            raise type_error("k", k, "a positive int")
        scorer = self.scorer()
        if scorer is None:
            raise ModelError(f"this model has no linear scorer (settings {self.settings.get('calibration')!r} "
                             "calibration or a custom pipeline): explain needs the logistic regression's own weights")
        return scorer.explain(self._inputs(statements), k)

    def _stance_records(self, statements: object) -> list[dict[str, dict[str, object]]]:
        """Per statement, the ``stances`` field of its SPEC section 5 record (as
        :meth:`Stance.to_dict` gives it), without building :class:`Stance` objects."""
        return stance_records(self._best(statements))

    def __repr__(self) -> str:
        return f"StanceModel(targets={self.target_ids!r}, settings={self.settings!r})"

    def __getstate__(self) -> dict[str, object]:
        # Figures live in the manifest, not in the pickle: the file's bytes depend on the
        # training data and settings alone, so a rebuild gives the same sha256.
        state = self.__dict__.copy()
        state["metrics"] = {}
        return state


def _check_classes(data: LabelledSet, target: Target, min_per_class: int) -> tuple[list[StatementInput], list[str]]:
    X, y = data.examples(target.id)
    counts = {lab: y.count(lab) for lab in LABELS}
    present = [lab for lab in LABELS if counts[lab]]
    problems = []
    files = sorted({s.source.rsplit(":", 1)[0] for s in data.statements if target.id in s.labels or s.complete})
    where = ", ".join(files[:3]) + (" ..." if len(files) > 3 else "") if files else "<data>"
    if len(present) < 2:
        problems.append(f"{where}: target {target.id!r} has examples of {len(present)} label(s) "
                        f"({', '.join(present) or 'none'}); training needs at least two of: {', '.join(LABELS)}")
    for lab in present:
        if counts[lab] < min_per_class:
            problems.append(f"{where}: target {target.id!r} has {counts[lab]} {lab!r} example(s); "
                            f"at least {min_per_class} are needed to train and cross-validate")
    if problems:
        raise DataError(problems)
    return X, y


def fit_model(data: LabelledSet, targets: Sequence[Target], settings: Mapping[str, object] | None = None,
              *, random_state: int = 0, min_per_class: int = MIN_PER_CLASS) -> StanceModel:
    """Train one pipeline per target on ``data``; deterministic for a given ``random_state``."""
    settings = {**DEFAULT_SETTINGS, **(settings or {})}
    if not targets:
        raise ValueError("targets is empty: name at least one target to train")
    stage1 = None
    stack: dict[int, tuple[float, ...]] = {}
    if float(settings.get("stack_weight") or 0.0):
        stage1, stack = _stack_training(data, targets, settings, random_state, min_per_class)
    pipes = {}
    # One BLAS thread: the solver's small dense products gain nothing from more, and on a
    # busy 2-core machine several threads made one fit 40 times slower (measured).
    with threadpool_limits(limits=1):
        for t in targets:
            X, y = _check_classes(data, t, min_per_class)
            if stage1 is not None:
                X = [x._replace(stack=stack[i]) for x, i in zip(X, _labelled_index(data, t))]
            pipes[t.id] = _fit_pipeline(build_pipeline(t, settings, random_state), X, y)
    featurizers = [p[0] for p in pipes.values()]
    if stage1 is not None:
        featurizers += [p[0] for p in stage1.pipelines.values()]
    _share_identical_blocks(featurizers)
    return StanceModel(targets, pipes, settings, data_digest(data), stage1=stage1)


def _fit_pipeline(pipe: Pipeline, X: list[StatementInput], y: list[str]) -> Pipeline:
    """``pipe.fit(X, y)``; with trees (setting ``tree_blend``) or a perceptron (``mlp_blend``), the
    featurizer first, so that the classifier's trees or perceptron read its dense columns
    (:meth:`FeaturePlan.n_dense`), not the words."""
    clf = pipe[-1]
    if not (isinstance(clf, StanceClassifier) and (clf.tree_blend or clf.mlp_blend)):
        return pipe.fit(X, y)
    Xt = pipe[0].fit_transform(X, y)
    dense = pipe[0].feature_plan().n_dense() or None
    clf.set_params(**({"tree_columns": dense} if clf.tree_blend else {"mlp_columns": dense})).fit(Xt, y)
    return pipe


STACK_FOLDS = 5  # folds (by document) of the first model's cross-validated predictions


def _labelled_index(data: LabelledSet, target: Target) -> list[int]:
    """Positions in ``data.statements`` of the examples :meth:`LabelledSet.examples` gives for ``target``."""
    return [i for i, s in enumerate(data.statements) if data.label_of(s, target.id) is not None]


def _stack_training(data: LabelledSet, targets: Sequence[Target], settings: Mapping[str, object],
                    random_state: int, min_per_class: int) -> tuple[StanceModel, dict[int, tuple[float, ...]]]:
    """The first model (the same settings, unstacked, fit on all of ``data``) and, per statement
    of ``data``, its stack features (:func:`stack_rows`) from the first model's predictions
    cross-validated by document (never from the gold labels): each document's statements are
    labelled by a first model that did not see that document."""
    # The first model reads the document as the second does, but is never gated (doc_gate) nor
    # biased toward neutral (neutral_bias): its reading of a statement stays the classifier's own,
    # and the gate and the bias act once, on the labels.
    # Nor has it trees (tree_blend), a perceptron (mlp_blend), the author's copy of a first
    # model's view (author_stack) or the question columns (questions):
    # it is the shipped models' first model, as it was.
    first = {**settings, "stack_weight": 0.0, "doc_gate": False, "neutral_bias": 0.0, "tree_blend": 0.0,
             "mlp_blend": 0.0, "author_stack": False, "paragraph_context": False, "questions": False}
    stage1 = fit_model(data, targets, first, random_state=random_state, min_per_class=min_per_class)
    keys = sorted({s.doc_id or s.source for s in data.statements})
    rng = np.random.RandomState(random_state)
    fold_of = {keys[i]: n % STACK_FOLDS for n, i in enumerate(rng.permutation(len(keys)))}
    inputs = [s.as_input() for s in data.statements]
    probas = {t.id: np.zeros((len(inputs), len(LABELS))) for t in targets}
    for f in range(min(STACK_FOLDS, len(keys))):
        held = [i for i, s in enumerate(data.statements) if fold_of[s.doc_id or s.source] == f]
        rest = LabelledSet([s for s in data.statements if fold_of[s.doc_id or s.source] != f], {}, data.files)
        try:
            m = fit_model(rest, targets, first, random_state=random_state, min_per_class=1)
        except (DataError, ValueError):  # a fold too small to train on: the full first model stands in
            m = stage1
        p = m._pipeline_proba([inputs[i] for i in held])
        for t in targets:
            probas[t.id][held] = p[t.id]
    rows = stack_rows(inputs, [probas[t.id] for t in targets], author_actor=bool(settings.get("author_actor")),
                      paragraph=bool(settings.get("paragraph_context")))
    return stage1, dict(enumerate(rows))


def _same_vectorizer(a: object, b: object) -> bool:
    if type(a) is not type(b):
        return False
    if hasattr(a, "vocabulary_"):
        return (a.get_params() == b.get_params() and a.vocabulary_ == b.vocabulary_
                and np.array_equal(a.idf_, b.idf_))
    return a.get_params() == b.get_params()


def _share_identical_blocks(featurizers: list[StanceFeaturizer]) -> None:
    """Let featurizers of several targets share equal fitted blocks (same vocabulary, same idf).

    Targets trained on the same statements fit the same text vectorizers; sharing one object
    lets :meth:`StanceModel.predict_proba` vectorize a text once for all targets.
    """
    for attr in ("word_", "char_", "affix_", "context_", "actor_", "cues_", "kind_"):
        seen: list[object] = []
        for f in featurizers:
            obj = getattr(f, attr, None)
            if obj is None:
                continue
            for other in seen:
                if other is not obj and _same_vectorizer(other, obj):
                    setattr(f, attr, other)
                    break
            else:
                seen.append(obj)


class _PipelineHead:
    """A pipeline's classifier where a :class:`Scorer` expects a :class:`LinearHead`."""

    def __init__(self, clf: object) -> None:
        self.classes = tuple(clf.classes_)
        self.predict_proba = clf.predict_proba


def pipeline_scorer(model: StanceModel) -> Scorer | None:
    """``model``'s pipelines as a :class:`Scorer` whose heads are the pipelines' own classifiers
    (any calibration): what :meth:`StanceModel._pipeline_proba` computes, in blocks. None when a
    pipeline is not a :class:`StanceFeaturizer` and a classifier."""
    return _scorer_with(model, _PipelineHead)


def _linear_head(clf: object) -> LinearHead | None:
    """A :class:`StanceClassifier`'s logistic regression and temperature as a :class:`LinearHead`;
    None for any other classifier or calibration."""
    est = getattr(clf, "estimator_", None)
    if type(clf) is not StanceClassifier or type(est) is not LogisticRegression:
        return None
    return LinearHead([str(c) for c in clf.classes_], est.coef_, est.intercept_, clf.temperature_,
                      clf.neutral_bias, getattr(clf, "tree_ensemble_", None), clf.tree_blend,
                      getattr(clf, "perceptron_", None), getattr(clf, "mlp_blend", 0.0))


def _scorer_with(model: StanceModel, head: Callable[[object], object | None]) -> Scorer | None:
    """A :class:`Scorer` of ``model`` (and of its first model, when stacked) whose heads are
    ``head(classifier)``; None when a pipeline is not a :class:`StanceFeaturizer` and a
    classifier, or ``head`` gives None."""
    plans, heads = {}, {}
    for t in model.targets:
        pipe = model.pipelines.get(t.id)
        if not (isinstance(pipe, Pipeline) and len(pipe) == 2 and isinstance(pipe[0], StanceFeaturizer)):
            return None
        h = head(pipe[-1])
        if h is None:
            return None
        plans[t.id] = pipe[0].feature_plan()
        heads[t.id] = h
    stage1 = None
    if getattr(model, "stage1", None) is not None:
        stage1 = _scorer_with(model.stage1, head)
        if stage1 is None:
            return None
    return Scorer([t.id for t in model.targets], plans, heads, stage1=stage1)


def scorer_of(model: StanceModel) -> Scorer | None:
    """``model`` as a :class:`stancekit._scorer.Scorer`: each target's featurizer as its
    :class:`stancekit._vectors.FeaturePlan`, its classifier as a :class:`stancekit._vectors.LinearHead`.

    None when a pipeline is not a :class:`StanceFeaturizer` and a :class:`StanceClassifier`, or its
    classifier's probabilities come from scikit-learn's calibration (sigmoid, isotonic). A block
    that scikit-learn computes (character n-grams) stays one in the plan: such a scorer works in
    memory, and :func:`stancekit._scorer.write_scorer` writes no file for it."""
    return _scorer_with(model, _linear_head)


# -- files ------------------------------------------------------------------------------------------

def _jsonable(obj: object) -> object:
    if isinstance(obj, tuple):
        return list(obj)
    if isinstance(obj, dict):
        return {k: _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (np.floating,)):
        return float(obj)
    if isinstance(obj, (np.integer,)):
        return int(obj)
    return obj


def save_model(model: StanceModel, path: str | Path, *, training_data: Sequence[str] = ()) -> dict[str, object]:
    """Write ``model`` to ``path``, its scorer (when it has one, see :func:`scorer_of`) to
    ``path + '.scorer.npz'``, and its manifest to ``path + '.manifest.json'``,
    each atomically.

    Returns the manifest.
    """
    path = Path(path)
    atomic_write_bytes(path, lambda f: joblib.dump(model, f, compress=3))
    scorer, spath = model.scorer(), scorer_path(path)
    scorer_entry = None
    if scorer is not None and write_scorer(scorer, spath):
        scorer_entry = {"file": spath.name, "sha256": sha256_file(spath)}
    elif spath.exists():
        spath.unlink()  # an earlier model's scorer: the manifest would not list it, but it would mislead
    manifest = {
        "format": MODEL_FORMAT,
        "file": path.name,
        "sha256": sha256_file(path),
        "versions": library_versions(),
        "blas": blas_kernels(),
        "targets": [t.to_dict() for t in model.targets],
        "labels": list(LABELS),
        "settings": _jsonable(model.settings),
        "training_data": list(training_data),
        "training_digest": model.training_digest,
        "metrics": _jsonable(model.metrics),
        "scorer": scorer_entry,
    }
    text = json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    atomic_write_bytes(_manifest_path(path), lambda f: f.write(text.encode("utf-8")))
    return manifest


def load_model(path: str | Path | None = None, *, strict: bool = False) -> StanceModel:
    """Load a model after checking it against its manifest.

    Parameters
    ----------
    path : path, optional
        A ``.joblib`` file written by ``stancekit train``; default: the shipped model.
    strict : bool, default False
        Turn a version mismatch (stancekit, scikit-learn, numpy) into an error.

    Raises
    ------
    ModelError
        The file or its manifest is missing or unreadable.
    ModelIntegrityError
        The file's sha256 differs from the manifest's: it is not unpickled.

    Warns
    -----
    ModelVersionWarning
        The model was trained with other library versions.

    Notes
    -----
    A model file is a pickle, and unpickling runs code: load only model files
    you trust. The sha256 check guards against corruption and accidental
    swaps, not against a forged manifest.
    """
    path, _manifest = check_model(path, strict=strict)
    try:
        model = joblib.load(path)
    except Exception as e:  # noqa: BLE001 -- a corrupted or foreign file (zlib, pickle, EOF ...): one ModelError
        raise model_unreadable(path, e) from None
    if not isinstance(model, StanceModel):
        raise ModelError(f"{path}: holds a {type(model).__name__}, not a StanceModel")
    return model
