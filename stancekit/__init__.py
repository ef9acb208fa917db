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

from __future__ import annotations

from typing import TYPE_CHECKING

from ._batch import score_documents
from ._errors import DataError, ModelError, ModelIntegrityError, ModelVersionWarning, StancekitError
from ._lexicon import load_lexicon
from ._segment import Statement, segment
from ._targets import LABELS, Target, load_targets

if TYPE_CHECKING:
    from ._api import ScoredStatement, analyze
    from ._model import Stance, StanceModel, load_model

# The names that need scikit-learn are imported on first use (PEP 562), so that segmenting,
# validating data or reading reports does not pay about a second to import it.
_LAZY = {
    "analyze": "._api",
    "ScoredStatement": "._api",
    "load_model": "._model",
    "Stance": "._model",
    "StanceModel": "._model",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        from importlib import import_module
        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'stancekit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))

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
