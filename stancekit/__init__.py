"""stancekit: policy-stance analysis of news.

Cut an English article into statements attributed to actors, and label each
``supporting``, ``questioning`` or ``neutral`` toward policy targets with a
trained scikit-learn model.

>>> import stancekit
>>> for s in stancekit.analyze(article_text, doc_id="a1"):   # doctest: +SKIP
...     print(s.actor, s.kind, s.stances["treaty"].label)

The featurizers and the classifier, for use in your own scikit-learn
pipelines, are in :mod:`stancekit.sklearn`.
"""

from ._api import ScoredStatement, analyze
from ._batch import score_documents
from ._errors import DataError, ModelError, ModelIntegrityError, ModelVersionWarning, StancekitError
from ._lexicon import load_lexicon
from ._model import Stance, StanceModel, load_model
from ._segment import Statement, segment
from ._targets import LABELS, Target, load_targets

__version__ = "0.1.0"

__all__ = [
    "segment",
    "analyze",
    "score_documents",
    "load_model",
    "load_targets",
    "load_lexicon",
    "Statement",
    "ScoredStatement",
    "Stance",
    "StanceModel",
    "Target",
    "LABELS",
    "StancekitError",
    "DataError",
    "ModelError",
    "ModelIntegrityError",
    "ModelVersionWarning",
    "__version__",
]
