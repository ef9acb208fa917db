"""The error catalogue of stancekit.

Every error stancekit raises on purpose is defined here, and every message is
built by one of the helpers below so that it names the bad value and, where
there is a closed set, the allowed ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from os import PathLike

__all__ = [
    "StancekitError",
    "DataError",
    "ModelError",
    "ModelIntegrityError",
    "ModelVersionWarning",
    "type_error",
    "choice_error",
    "location",
]


class StancekitError(Exception):
    """Base class of every error stancekit raises on purpose."""


class DataError(StancekitError, ValueError):
    """Bad input data: a labelled set, a lexicon or a document.

    Parameters
    ----------
    problems : list of str
        One ``file:line: reason`` entry per problem found.
    """

    def __init__(self, problems: list[str] | str) -> None:
        if isinstance(problems, str):
            problems = [problems]
        self.problems = list(problems)
        shown = self.problems[:20]
        more = len(self.problems) - len(shown)
        msg = "\n".join(shown) + (f"\n... and {more} more problem(s)" if more > 0 else "")
        super().__init__(msg)


class ModelError(StancekitError):
    """A model file that cannot be used (missing, unreadable, wrong kind)."""


class ModelIntegrityError(ModelError):
    """A model file whose sha256 does not match its manifest: it is refused unread."""


class ModelVersionWarning(UserWarning):
    """A model trained with other versions of stancekit, scikit-learn or numpy."""


def location(path: str | PathLike[str] | None, line: int | None = None) -> str:
    """Format ``file:line`` (or just ``file``) for an error message."""
    where = str(path) if path is not None else "<input>"
    return f"{where}:{line}" if line is not None else where


def type_error(name: str, value: object, expected: str) -> TypeError:
    """A ``TypeError`` naming the parameter, the expected type and the type given."""
    return TypeError(f"{name} must be {expected}, got {type(value).__name__}")


def choice_error(name: str, value: object, allowed: Iterable[object]) -> ValueError:
    """A ``ValueError`` naming the bad value and the allowed ones."""
    allowed_s = ", ".join(repr(a) for a in allowed)
    return ValueError(f"{name} {value!r} is not one of: {allowed_s}")
