"""The stance classifier: a seeded, class-balanced, calibrated linear model."""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression
from scipy.optimize import minimize_scalar
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.class_weight import compute_sample_weight
from sklearn.utils.validation import _check_sample_weight, check_is_fitted, validate_data
from threadpoolctl import threadpool_limits

from ._errors import setting_value_error
from ._vectors import (Perceptron, TreeEnsemble, _as_logits, _softmax, blend, dense_tail, neutral_offsets,
                       with_neutral_bias)

__all__ = ["StanceClassifier", "check_neutral_bias", "check_tree_blend", "check_tree_params", "TREE_PARAMS",
           "check_mlp_params", "MLP_PARAMS", "MLP_CLIP"]

# The trees of setting ``tree_blend`` (HistGradientBoostingClassifier) besides their rounds and
# learning rate (tree_rounds, tree_learning_rate): the seventh #14 round's configuration
# (docs/history/model-card.md), not tuned. No early stopping (it would hold out a random part of the
# data), and a fixed seed: the fit is deterministic.
TREE_PARAMS: dict[str, object] = {"max_leaf_nodes": 15, "min_samples_leaf": 20, "l2_regularization": 1.0,
                                  "early_stopping": False}


# The perceptron of setting ``mlp_blend`` (MLPClassifier) besides its hidden units and alpha
# (mlp_hidden, mlp_alpha): the ninth #14 round's configuration (docs/history/model-card.md). lbfgs on the
# whole training set with a fixed seed: the fit is deterministic.
MLP_PARAMS: dict[str, object] = {"solver": "lbfgs", "activation": "relu", "max_iter": 500}
# Its inputs are standardised with the training data's mean and standard deviation, then clipped to
# [-MLP_CLIP, MLP_CLIP]: a rare count or flag standardised would reach 30 standard deviations.
MLP_CLIP = 3.0


def _number(value: object) -> bool:
    """Whether ``value`` is a real number (Python's or numpy's), not a bool."""
    return not isinstance(value, bool) and isinstance(value, (int, float, np.integer, np.floating))


def check_neutral_bias(value: object) -> float:
    """``value`` as the setting ``neutral_bias`` (a finite number), or the catalogue's error."""
    if not _number(value) or not np.isfinite(value):
        raise setting_value_error("neutral_bias", value, "a finite number (0 adds nothing)")
    return float(value)


def check_tree_blend(value: object) -> float:
    """``value`` as the setting ``tree_blend`` (a number from 0 to 1), or the catalogue's error."""
    if not _number(value) or not 0.0 <= float(value) <= 1.0:
        raise setting_value_error("tree_blend", value, "a number from 0 (no trees) to 1 (the trees alone)")
    return float(value)


def _whole(value: object) -> bool:
    return not isinstance(value, bool) and isinstance(value, (int, np.integer)) and value >= 1


def check_tree_params(rounds: object, learning_rate: object, columns: object = None) -> None:
    """The settings ``tree_rounds`` (a whole number above 0) and ``tree_learning_rate`` (a number
    above 0 up to 1), and the classifier's ``tree_columns`` (None or a whole number above 0), or the
    catalogue's error."""
    if not _whole(rounds):
        raise setting_value_error("tree_rounds", rounds, "a whole number above 0")
    if not _number(learning_rate) or not 0.0 < float(learning_rate) <= 1.0:
        raise setting_value_error("tree_learning_rate", learning_rate, "a number above 0, at most 1")
    if columns is not None and not _whole(columns):
        raise setting_value_error("tree_columns", columns, "None (all columns) or a whole number above 0")


def check_mlp_params(share: object, hidden: object, alpha: object, columns: object = None,
                     tree_blend: float = 0.0, seeds: object = 1) -> float:
    """The settings ``mlp_blend`` (a number from 0 to 1; 0 when ``tree_blend``, already checked, is
    above 0: one blend at a time), ``mlp_hidden`` (a whole number above 0), ``mlp_alpha`` (a
    number above 0) and ``mlp_seeds`` (a whole number above 0), and the classifier's
    ``mlp_columns`` (None or a whole number above 0), or the catalogue's error; returns
    ``mlp_blend`` as a float."""
    if not _number(share) or not 0.0 <= float(share) <= 1.0:
        raise setting_value_error("mlp_blend", share, "a number from 0 (no perceptron) to 1 (the perceptron alone)")
    if not _whole(hidden):
        raise setting_value_error("mlp_hidden", hidden, "a whole number above 0")
    if not _whole(seeds):
        raise setting_value_error("mlp_seeds", seeds, "a whole number above 0 (1: one perceptron)")
    if not _number(alpha) or not np.isfinite(alpha) or not float(alpha) > 0.0:
        raise setting_value_error("mlp_alpha", alpha, "a finite number above 0")
    if columns is not None and not _whole(columns):
        raise setting_value_error("mlp_columns", columns, "None (all columns) or a whole number above 0")
    if float(share) and tree_blend:
        raise setting_value_error("mlp_blend", share, "0 when tree_blend is above 0 (one blend at a time)")
    return float(share)


def _fit_temperature(logits: np.ndarray, idx: np.ndarray) -> float:
    """The temperature minimising the log loss of ``softmax(logits / T)`` on held-out predictions."""
    def nll(t: float) -> float:
        p = _softmax(logits / t)
        return float(-np.mean(np.log(np.clip(p[np.arange(len(idx)), idx], 1e-12, 1.0))))
    return float(minimize_scalar(nll, bounds=(0.05, 20.0), method="bounded").x)


class StanceClassifier(ClassifierMixin, BaseEstimator):
    """Logistic regression with balanced class weights and calibrated probabilities.

    Parameters
    ----------
    C : float, default 1.0
        Inverse regularisation strength.
    class_weight : "balanced", dict or None, default "balanced"
        Weights against class imbalance (most statements are neutral).
    calibration : {"temperature", "sigmoid", "isotonic", None}, default "temperature"
        How probabilities are calibrated, on cross-validated predictions.
        ``"temperature"`` fits one temperature that divides the logits
        (it leaves the predicted labels as they are); ``"sigmoid"`` and
        ``"isotonic"`` use :class:`~sklearn.calibration.CalibratedClassifierCV`
        (they may change labels). Falls back to the uncalibrated model when a
        class has fewer than 2 examples.
    neutral_bias : float, default 0.0
        Added to the log of the final ``neutral`` probability (after calibration and after any
        blend with trees or the perceptron), the row then renormalised: each row re-weighted by
        ``exp(neutral_bias)`` on ``neutral``. Above 0 a statement needs more evidence to get a
        stance, below 0 less. Balanced class weights raise the stance labels' prior; this takes
        part of that back at the decision without refitting. Nothing is added without a
        ``neutral`` class. (Before session 21 the bias went to the linear model's logits before
        a blend, so that with ``mlp_blend`` it moved only the linear share.)
    tree_blend : float, default 0.0
        The share of gradient-boosted trees (``tree_rounds`` rounds of
        :class:`~sklearn.ensemble.HistGradientBoostingClassifier`, :data:`TREE_PARAMS`, fitted
        with the same class and sample weights) in the probabilities: ``(1 - tree_blend) * linear + tree_blend * trees``, where
        ``linear`` is the calibrated logistic regression's (``neutral_bias`` is added after the blend). 0 fits no
        trees. Only with ``calibration="temperature"`` or None. The trees are fitted with one
        thread and a fixed seed (deterministic).
    tree_rounds : int, default 200
        Boosting rounds of the trees (one tree per class and round; the cost of labelling grows
        with them).
    tree_learning_rate : float, default 0.05
        The trees' learning rate.
    tree_columns : int or None, default None
        The trees read the last ``tree_columns`` columns of ``X`` (None: all of them);
        :func:`stancekit._model.fit_model` sets it to the featurizer's dense columns (cues,
        target signals, document context, the first model's view), not the word n-grams.
    mlp_blend : float, default 0.0
        The share of a perceptron (:class:`~sklearn.neural_network.MLPClassifier`, one hidden
        layer of ``mlp_hidden`` relu units, L2 penalty ``mlp_alpha``, :data:`MLP_PARAMS`) in the
        probabilities, as ``tree_blend``'s trees: ``(1 - mlp_blend) * linear + mlp_blend *
        perceptron``. It reads the last ``mlp_columns`` columns, standardised with the training
        data's statistics and clipped to ``[-MLP_CLIP, MLP_CLIP]``, and is fitted with the square
        root of the linear model's class and sample weights, one thread and a fixed seed
        (deterministic). 0 fits none. Not with ``tree_blend`` above 0; only with
        ``calibration="temperature"`` or None.
    mlp_hidden : int, default 32
        Hidden units of the perceptron.
    mlp_seeds : int, default 1
        Perceptrons fitted, with seeds ``random_state + i`` (i from 0 to ``mlp_seeds - 1``), and
        averaged: their output logits' mean, stored as one perceptron of ``mlp_seeds *
        mlp_hidden`` hidden units (the hidden layers side by side, the output weights divided by
        ``mlp_seeds``, the output bias the mean). 1 fits the single perceptron of before; K costs K
        times the fit and about K times the perceptron's part of labelling.
    mlp_alpha : float, default 30.0
        The perceptron's L2 penalty (on standardised inputs).
    mlp_columns : int or None, default None
        The perceptron reads the last ``mlp_columns`` columns of ``X`` (None: all of them);
        :func:`stancekit._model.fit_model` sets it as it sets ``tree_columns``.
    cv : int, default 3
        Folds for calibration.
    max_iter : int, default 2000
    random_state : int, default 0
        Seeds the folds; with it, training is deterministic.

    Attributes
    ----------
    classes_ : ndarray
    n_features_in_ : int
    estimator_ : fitted estimator
    calibrated_ : bool
        Whether the probabilities come from a calibrated model.
    temperature_ : float
        The fitted temperature (1.0 unless ``calibration="temperature"``).
    trees_ : HistGradientBoostingClassifier or None
        The fitted trees (``tree_blend`` above 0), else None.
    tree_ensemble_ : stancekit._vectors.TreeEnsemble or None
        ``trees_`` as plain arrays: what :meth:`predict_proba` and the scorer file compute with.
    mlp_ : MLPClassifier or None
        The fitted perceptron (``mlp_blend`` above 0; with ``mlp_seeds`` above 1, the first of
        ``mlps_``), else None.
    mlps_ : list of MLPClassifier or None
        All ``mlp_seeds`` fitted perceptrons, in seed order (``mlp_blend`` above 0), else None.
    perceptron_ : stancekit._vectors.Perceptron or None
        ``mlps_`` (averaged) and their input statistics as plain arrays: what :meth:`predict_proba` and the
        scorer file compute with.
    """

    def __init__(
        self,
        C: float = 1.0,
        class_weight: object = "balanced",
        calibration: str | None = "temperature",
        neutral_bias: float = 0.0,
        tree_blend: float = 0.0,
        tree_rounds: int = 200,
        tree_learning_rate: float = 0.05,
        tree_columns: int | None = None,
        mlp_blend: float = 0.0,
        mlp_hidden: int = 32,
        mlp_alpha: float = 30.0,
        mlp_columns: int | None = None,
        mlp_seeds: int = 1,
        cv: int = 3,
        max_iter: int = 2000,
        random_state: int | None = 0,
    ) -> None:
        self.C = C
        self.class_weight = class_weight
        self.calibration = calibration
        self.neutral_bias = neutral_bias
        self.tree_blend = tree_blend
        self.tree_rounds = tree_rounds
        self.tree_learning_rate = tree_learning_rate
        self.tree_columns = tree_columns
        self.mlp_blend = mlp_blend
        self.mlp_hidden = mlp_hidden
        self.mlp_alpha = mlp_alpha
        self.mlp_columns = mlp_columns
        self.mlp_seeds = mlp_seeds
        self.cv = cv
        self.max_iter = max_iter
        self.random_state = random_state

    def fit(self, X: object, y: object, sample_weight: object = None) -> "StanceClassifier":
        if self.calibration not in ("temperature", "sigmoid", "isotonic", None):
            raise ValueError(f"calibration {self.calibration!r} is not one of: 'temperature', 'sigmoid', 'isotonic', None")
        if not (isinstance(self.C, (int, float)) and self.C > 0):
            raise ValueError(f"C must be a positive number, got {self.C!r}")
        check_neutral_bias(self.neutral_bias)
        share = check_tree_blend(self.tree_blend)
        check_tree_params(self.tree_rounds, self.tree_learning_rate, self.tree_columns)
        if share and self.calibration in ("sigmoid", "isotonic"):
            raise setting_value_error("tree_blend", self.tree_blend,
                                      f"0 with calibration {self.calibration!r} (trees blend with temperature or no calibration)")
        mlp_share = check_mlp_params(self.mlp_blend, self.mlp_hidden, self.mlp_alpha, self.mlp_columns, share,
                                     self.mlp_seeds)
        if mlp_share and self.calibration in ("sigmoid", "isotonic"):
            raise setting_value_error("mlp_blend", self.mlp_blend, f"0 with calibration {self.calibration!r} "
                                      "(the perceptron blends with temperature or no calibration)")
        if isinstance(self.cv, bool) or not ((isinstance(self.cv, int) and self.cv >= 2) or hasattr(self.cv, "__iter__")
                                              or hasattr(self.cv, "split")):
            raise ValueError(f"cv must be an int >= 2, a splitter or an iterable of splits, got {self.cv!r}")
        X, y = validate_data(self, X, y, accept_sparse="csr", dtype=np.float64)
        check_classification_targets(y)
        self.classes_, counts = np.unique(y, return_counts=True)
        # Class weights become sample weights, so that the calibration step sees them too:
        # the probabilities are calibrated under the re-weighted (balanced) class prior.
        weights = np.ones(len(y)) if self.class_weight is None else compute_sample_weight(self.class_weight, y)
        if sample_weight is not None:
            weights = weights * _check_sample_weight(sample_weight, X)
        base = LogisticRegression(C=float(self.C), max_iter=self.max_iter, random_state=self.random_state)
        if isinstance(self.cv, int):
            folds = min(self.cv, int(counts.min()))
            cv: object = StratifiedKFold(n_splits=folds, shuffle=True, random_state=self.random_state) if folds >= 2 else None
        else:
            cv = self.cv
        self.temperature_ = 1.0
        if self.calibration in ("sigmoid", "isotonic") and len(self.classes_) > 1 and cv is not None:
            self.estimator_ = CalibratedClassifierCV(clone(base), method=self.calibration, cv=cv)
            self.calibrated_ = True
        else:
            self.estimator_ = clone(base)
            self.calibrated_ = False
        self.estimator_.fit(X, y, sample_weight=weights)
        if self.calibration == "temperature" and len(self.classes_) > 1 and cv is not None:
            logits = _as_logits(cross_val_predict(clone(base), X, y, cv=cv, method="decision_function",
                                                  params={"sample_weight": weights}))
            idx = np.searchsorted(self.classes_, y)
            self.temperature_ = _fit_temperature(logits, idx)
            self.calibrated_ = True
        if isinstance(self.estimator_, CalibratedClassifierCV):
            self.n_iter_ = np.array([max(int(np.max(c.estimator.n_iter_)) for c in self.estimator_.calibrated_classifiers_)])
        else:
            self.n_iter_ = np.array([int(np.max(self.estimator_.n_iter_))])
        self.trees_ = self.tree_ensemble_ = None
        if share and len(self.classes_) > 1:
            self._fit_trees(X, y, weights)
        self.mlp_ = self.mlps_ = self.perceptron_ = None
        if mlp_share and len(self.classes_) > 1:
            self._fit_mlp(X, y, weights)
        return self

    def _fit_mlp(self, X: object, y: np.ndarray, weights: np.ndarray) -> None:
        import warnings
        from sklearn.exceptions import ConvergenceWarning
        from sklearn.neural_network import MLPClassifier
        k = X.shape[1] if self.mlp_columns is None else min(int(self.mlp_columns), X.shape[1])
        A = dense_tail([X], X.shape[0], k)
        mean = A.mean(axis=0)
        scale = A.std(axis=0)
        scale[~(scale > 0)] = 1.0
        Z = np.clip((A - mean) / scale, -MLP_CLIP, MLP_CLIP)
        rs = self.random_state
        nets = []
        for i in range(int(self.mlp_seeds)):
            # seeds random_state, random_state + 1, ...; a RandomState (or None) is passed as it is
            seed = rs + i if isinstance(rs, (int, np.integer)) and not isinstance(rs, bool) else rs
            net = MLPClassifier(hidden_layer_sizes=(int(self.mlp_hidden),), alpha=float(self.mlp_alpha), **MLP_PARAMS,
                                random_state=seed)
            with threadpool_limits(limits=1), warnings.catch_warnings():
                warnings.simplefilter("ignore", ConvergenceWarning)  # lbfgs's iteration cap: the fit is still deterministic
                net.fit(Z, y, sample_weight=np.sqrt(weights))
            nets.append(net)
        self.mlp_, self.mlps_ = nets[0], nets
        self.perceptron_ = Perceptron.of_mlps(nets, mean, scale, MLP_CLIP)

    def _fit_trees(self, X: object, y: np.ndarray, weights: np.ndarray) -> None:
        from sklearn.ensemble import HistGradientBoostingClassifier
        k = X.shape[1] if self.tree_columns is None else min(int(self.tree_columns), X.shape[1])
        trees = HistGradientBoostingClassifier(max_iter=int(self.tree_rounds), learning_rate=float(self.tree_learning_rate),
                                               **TREE_PARAMS, random_state=self.random_state)
        with threadpool_limits(limits=1):  # OpenMP's threads on a loaded machine: minutes instead of seconds
            trees.fit(dense_tail([X], X.shape[0], k), y, sample_weight=weights)
        self.trees_ = trees
        self.tree_ensemble_ = TreeEnsemble.of_hist_gradient_boosting(trees, k)

    def __setstate__(self, state: dict[str, object]) -> None:
        # A classifier pickled before ``neutral_bias`` existed (the shipped model of the fifth #14
        # round) had none: it gets the default, which adds nothing, so that get_params and clone work.
        # Likewise ``tree_blend`` (the eighth round): none, no trees.
        state = dict(state)
        state.setdefault("neutral_bias", 0.0)
        # And ``mlp_blend`` (the ninth round): none, no perceptron.
        for key, default in (("tree_blend", 0.0), ("tree_rounds", 200), ("tree_learning_rate", 0.05),
                             ("tree_columns", None), ("mlp_blend", 0.0), ("mlp_hidden", 32), ("mlp_alpha", 30.0),
                             ("mlp_columns", None), ("mlp_seeds", 1)):
            state.setdefault(key, default)
        if "estimator_" in state:
            for key in ("trees_", "tree_ensemble_", "mlp_", "perceptron_"):
                state.setdefault(key, None)
            # And ``mlp_seeds`` (session 19): one perceptron, the list of it.
            state.setdefault("mlps_", None if state["mlp_"] is None else [state["mlp_"]])
        super().__setstate__(state)

    def predict_proba(self, X: object) -> np.ndarray:
        check_is_fitted(self, "estimator_")
        X = validate_data(self, X, accept_sparse="csr", dtype=np.float64, reset=False)
        offsets = neutral_offsets(self.classes_, self.neutral_bias)
        if isinstance(self.estimator_, CalibratedClassifierCV):
            return with_neutral_bias(self.estimator_.predict_proba(X), offsets)
        if len(self.classes_) == 1:
            return np.ones((X.shape[0], 1))
        # the same operations, in the same order, as stancekit._vectors.LinearHead: bit for bit
        p = _softmax(_as_logits(self.estimator_.decision_function(X)) / self.temperature_)
        trees = self.tree_ensemble_
        net = self.perceptron_
        if trees is not None:
            p = blend(p, trees.proba(dense_tail([X], X.shape[0], trees.n_columns)), float(self.tree_blend))
        elif net is not None:
            p = blend(p, net.proba(dense_tail([X], X.shape[0], net.n_columns)), float(self.mlp_blend))
        # the bias acts on the blend's result (not on the linear logits alone), so that it is the
        # same re-weighting whatever is blended in, and --select-cv's held-out scoring of it is exact
        return with_neutral_bias(p, offsets)

    def predict(self, X: object) -> np.ndarray:
        proba = self.predict_proba(X)
        return self.classes_[np.argmax(proba, axis=1)]

    def decision_function(self, X: object) -> np.ndarray:
        """Log-odds of the positive class (binary) or log-probabilities (multiclass)."""
        proba = np.clip(self.predict_proba(X), 1e-12, 1.0)
        if proba.shape[1] == 2:
            return np.log(proba[:, 1]) - np.log(proba[:, 0])
        return np.log(proba)

    def __sklearn_tags__(self):  # noqa: D105
        tags = super().__sklearn_tags__()
        tags.input_tags.sparse = True
        return tags
