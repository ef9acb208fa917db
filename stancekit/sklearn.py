"""scikit-learn building blocks of stancekit, for your own pipelines and grid searches.

>>> from sklearn.pipeline import Pipeline
>>> from stancekit.sklearn import StanceFeaturizer, StanceClassifier
>>> pipe = Pipeline([("features", StanceFeaturizer(phrases=("treaty",))),
...                  ("classifier", StanceClassifier())])
"""

from ._classifier import StanceClassifier
from ._features import CueLexiconFeatures, KindFeatures, StanceFeaturizer, TargetSignalFeatures

__all__ = ["StanceFeaturizer", "CueLexiconFeatures", "TargetSignalFeatures", "KindFeatures", "StanceClassifier"]
