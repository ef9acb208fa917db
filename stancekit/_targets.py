"""Policy targets, defined by data alone: an id, a description and the phrases that signal it."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ._errors import DataError, location

__all__ = ["Target", "load_targets", "default_targets", "LABELS"]

LABELS = ("supporting", "questioning", "neutral")
_ID = re.compile(r"[a-z][a-z0-9_]*\Z")


@dataclass(frozen=True)
class Target:
    """A policy target.

    Parameters
    ----------
    id : str
        Lowercase identifier (``[a-z][a-z0-9_]*``), the key in ``stances``.
    description : str
        What the target covers, for people.
    phrases : tuple of str
        Lowercase phrases whose presence signals the target.
    anaphora : tuple of str
        Phrases that may refer back to the target ("the initiative", "it").
    """

    id: str
    description: str = ""
    phrases: tuple[str, ...] = ()
    anaphora: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not _ID.match(self.id):
            raise ValueError(f"target id {self.id!r} must match [a-z][a-z0-9_]*")
        object.__setattr__(self, "phrases", tuple(p.lower() for p in self.phrases))
        object.__setattr__(self, "anaphora", tuple(p.lower() for p in self.anaphora))

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "description": self.description,
                "phrases": list(self.phrases), "anaphora": list(self.anaphora)}


def _parse(obj: object, src: str) -> list[Target]:
    items = obj.get("targets") if isinstance(obj, dict) else obj
    if not isinstance(items, list) or not items:
        raise DataError(f"{src}: expected a JSON list of targets or {{\"targets\": [...]}}")
    out = []
    seen = set()
    for i, item in enumerate(items):
        if not isinstance(item, dict) or "id" not in item:
            raise DataError(f"{src}: target #{i + 1} has no 'id'")
        try:
            t = Target(
                id=item["id"],
                description=str(item.get("description", "")),
                phrases=tuple(item.get("phrases", ()) or ()),
                anaphora=tuple(item.get("anaphora", ()) or ()),
            )
        except (ValueError, TypeError) as e:
            raise DataError(f"{src}: target #{i + 1}: {e}") from None
        if t.id in seen:
            raise DataError(f"{src}: target id {t.id!r} is defined twice")
        seen.add(t.id)
        out.append(t)
    return out


def default_targets() -> list[Target]:
    """The shipped targets (``treaty``, ``chairmanship``) from ``stancekit/data/targets.json``."""
    text = resources.files("stancekit").joinpath("data").joinpath("targets.json").read_text(encoding="utf-8")
    return _parse(json.loads(text), "stancekit/data/targets.json")


def load_targets(path: str | Path) -> list[Target]:
    """Read targets from a JSON file: ``{"targets": [{"id", "description", "phrases", "anaphora"}]}``."""
    p = Path(path)
    try:
        obj = json.loads(p.read_text(encoding="utf-8"))
    except OSError as e:
        raise DataError(f"{p}: cannot read targets file ({e.strerror})") from None
    except json.JSONDecodeError as e:
        raise DataError(f"{location(p, e.lineno)}: invalid JSON ({e.msg})") from None
    return _parse(obj, str(p))


def targets_from_ids(ids: Iterable[str], known: Sequence[Target] = ()) -> list[Target]:
    """Targets for ``ids``: known definitions where there are, else the id's words as its phrase."""
    by_id = {t.id: t for t in known}
    out = []
    for i in ids:
        out.append(by_id.get(i) or Target(id=i, description="", phrases=(i.replace("_", " "),)))
    return out
