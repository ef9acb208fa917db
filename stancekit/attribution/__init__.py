"""Learned attribution: cues, sources and the model that finds the statements the rules miss.

The rules that find speech and its speaker live in :mod:`stancekit._segment`, except the
two-source splits and the share (quantity) and finding speakers (``_split``), the subject noun
phrases read back from a speech verb (``_phrases``) and the tests that a speech word says nothing
(``_saying``); this subpackage also holds the document's persons and what "he" and "the minister"
refer to (``_coref``), how far an actor's mention runs (``_mention``), and what is learned from
labelled news (PolNeAR's brat standoff, SPEC section 6 folders): reading the data (``_corpus``),
features (``_features``), the model file (``_model``), its training (``train``, also
``python -m stancekit.attribution.train``) and the PolNeAR measure (``_score``).
"""

from ._model import AttributionModel, default_attribution_path, load_attribution_model, resolve_attribution

__all__ = ["AttributionModel", "load_attribution_model", "default_attribution_path", "resolve_attribution"]
