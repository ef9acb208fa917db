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

from ._errors import setting_value_error
from ._vectors import _as_logits, _softmax, neutral_offsets

__all__ = ["StanceClassifier", "check_neutral_bias"]


def check_neutral_bias(value: object) -> float:
    """``value`` as the setting ``neutral_bias`` (a finite number), or the catalogue's error."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)) \
            or not np.isfinite(value):
        raise setting_value_error("neutral_bias", value, "a finite number (0 adds nothing)")
    return float(value)


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
        Added to the ``neutral`` logit after calibration (to ``logits / temperature``; for
        sigmoid or isotonic calibration, to the log of the calibrated probabilities), before
        the softmax: above 0 a statement needs more evidence to get a stance, below 0 less.
        Balanced class weights raise the stance labels' prior; this takes part of that back
        at the decision without refitting. Nothing is added without a ``neutral`` class.
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
    """

    def __init__(
        self,
        C: float = 1.0,
        class_weight: object = "balanced",
        calibration: str | None = "temperature",
        neutral_bias: float = 0.0,
        cv: int = 3,
        max_iter: int = 2000,
        random_state: int | None = 0,
    ) -> None:
        self.C = C
        self.class_weight = class_weight
        self.calibration = calibration
        self.neutral_bias = neutral_bias
        self.cv = cv
        self.max_iter = max_iter
        self.random_state = random_state

    def fit(self, X: object, y: object, sample_weight: object = None) -> "StanceClassifier":
        if self.calibration not in ("temperature", "sigmoid", "isotonic", None):
            raise ValueError(f"calibration {self.calibration!r} is not one of: 'temperature', 'sigmoid', 'isotonic', None")
        if not (isinstance(self.C, (int, float)) and self.C > 0):
            raise ValueError(f"C must be a positive number, got {self.C!r}")
        check_neutral_bias(self.neutral_bias)
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
        return self

    def __setstate__(self, state: dict[str, object]) -> None:
        # A classifier pickled before ``neutral_bias`` existed (the shipped model of the fifth #14
        # round) had none: it gets the default, which adds nothing, so that get_params and clone work.
        state = dict(state)
        state.setdefault("neutral_bias", 0.0)
        super().__setstate__(state)

    def predict_proba(self, X: object) -> np.ndarray:
        check_is_fitted(self, "estimator_")
        X = validate_data(self, X, accept_sparse="csr", dtype=np.float64, reset=False)
        offsets = neutral_offsets(self.classes_, self.neutral_bias)
        if isinstance(self.estimator_, CalibratedClassifierCV):
            proba = self.estimator_.predict_proba(X)
            if offsets is None:
                return proba
            with np.errstate(divide="ignore"):
                return _softmax(np.log(proba) + offsets)
        if len(self.classes_) == 1:
            return np.ones((X.shape[0], 1))
        # the same operations, in the same order, as stancekit._vectors.LinearHead: bit for bit
        z = _as_logits(self.estimator_.decision_function(X)) / self.temperature_
        if offsets is not None:
            z = z + offsets
        return _softmax(z)

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
