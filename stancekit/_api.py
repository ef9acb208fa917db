"""The one-call API: :func:`analyze`."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from ._model import Stance, StanceModel, load_model
from ._segment import DEFAULT_MAX_LENGTH, Statement, segment

__all__ = ["ScoredStatement", "analyze"]


@dataclass(frozen=True)
class ScoredStatement(Statement):
    """A :class:`Statement` with its stance toward every target of the model."""

    stances: dict[str, Stance] = field(default_factory=dict, hash=False, compare=True)

    def to_dict(self) -> dict[str, object]:
        """The SPEC section 5 record."""
        d = {k: getattr(self, k) for k in ("doc_id", "statement_id", "actor", "actor_mention", "kind",
                                            "start", "end", "text")}
        d["stances"] = {t: s.to_dict() for t, s in self.stances.items()}
        return d


def analyze(
    text: str,
    doc_id: str | None = None,
    *,
    model: StanceModel | str | Path | None = None,
    max_length: int = DEFAULT_MAX_LENGTH,
) -> list[ScoredStatement]:
    """Segment an article into attributed statements and label each toward every target.

    Parameters
    ----------
    text : str
        The article.
    doc_id : str, optional
    model : StanceModel or path, optional
        Default: the shipped model (loaded once and cached).
    max_length : int
        Longer texts raise ``ValueError``.

    Returns
    -------
    list of ScoredStatement
        ``s.to_dict()`` is the SPEC section 5 record.
    """
    if model is None:
        model = _default_model()
    elif not isinstance(model, StanceModel):
        model = load_model(model)
    statements = segment(text, doc_id, max_length=max_length)
    if not statements:
        return []
    # One document's statements together: each reads the others as its context (a document
    # without an id is still one document).
    stances = model.predict(statements if doc_id is not None
                            else [replace(s, doc_id="\x00analyze") for s in statements])
    return [ScoredStatement(**{k: getattr(s, k) for k in ("doc_id", "statement_id", "actor", "actor_mention",
                                                          "kind", "start", "end", "text")}, stances=sc)
            for s, sc in zip(statements, stances)]


_CACHE: dict[str, StanceModel] = {}


def _default_model() -> StanceModel:
    if "default" not in _CACHE:
        _CACHE["default"] = load_model()
    return _CACHE["default"]
