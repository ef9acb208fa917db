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
    "UsageError",
    "OutputLockedError",
    "RunError",
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


class UsageError(StancekitError, ValueError):
    """A command-line argument that cannot be used (the command line exits with status 2)."""


class OutputLockedError(StancekitError):
    """An output file that another run is writing: it is left alone (exit status 2)."""


class RunError(StancekitError):
    """A run that cannot go on for a reason outside the documents (a Dask scheduler out of reach)."""


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


def setting_needs_error(name: str, needs: dict[str, object], got: dict[str, object],
                        reads: str = "the document focus") -> ValueError:
    """A ``ValueError`` for a training setting that reads another one: it names the setting,
    what it reads, what it needs and the values given ("setting 'doc_gate' reads the document
    focus: it needs 'doc_focus' true ...")."""
    need_s = " and ".join(f"{k!r} {v}" for k, v in needs.items())
    got_s = ", ".join(f"{k}={v!r}" for k, v in got.items())
    return ValueError(f"setting {name!r} reads {reads}: it needs {need_s} (got {got_s})")


def setting_value_error(name: str, value: object, expected: str) -> ValueError:
    """A ``ValueError`` for a training setting whose value is out of its range ("setting
    'neutral_bias' must be a finite number ..., got nan")."""
    return ValueError(f"setting {name!r} must be {expected}, got {value!r}")


# -- messages of the command line and batch runs --------------------------------------------------
# Each builds its exception (or warning text) here, so that every message is written once.

def jobs_error(value: object, name: str = "jobs") -> str:
    """``--jobs`` (or ``jobs=``) that is neither a positive int nor -1 (``name`` empty where the
    caller, argparse, names the option)."""
    return f"{name + ' ' if name else ''}{value!r}: expected a positive whole number of processes, or -1 for all cores"


def block_size_error(value: object) -> ValueError:
    """A block size (statements labelled at a time) that is not a positive int."""
    return ValueError(f"block size {value!r}: expected a positive whole number of statements")


def explain_count_error(value: object) -> str:
    """``--explain K`` whose K is not a positive whole number."""
    return f"{value!r}: expected a positive whole number of evidence terms per stance"


def scheduler_address_error(value: str, name: str = "--scheduler") -> UsageError:
    """A ``--scheduler`` that is not a Dask address."""
    return UsageError(f"{name + ' ' if name else ''}{value!r}: not a Dask scheduler address; expected "
                      "[tcp|tls|ucx|ws|wss]://HOST:PORT (e.g. tcp://127.0.0.1:8786) or HOST:PORT")


def seconds_error(value: object) -> str:
    """A time in seconds that is not a positive number."""
    return f"{value!r}: expected a positive number of seconds"


def scheduler_unreachable(address: object, timeout: float, reason: object) -> RunError:
    """No Dask scheduler answered at ``address`` within ``timeout`` seconds."""
    return RunError(f"--scheduler {address!r}: no Dask scheduler answered within {timeout:g} s ({reason}); "
                    "check the address, or wait longer with --scheduler-timeout SECONDS")


def output_is_directory(path: object, option: str = "-o") -> UsageError:
    """An output path that names a directory."""
    return UsageError(f"{option} {path}: is a directory; name a file to write (e.g. {path}/scored.jsonl)")


def output_locked(path: object, lock: object, owner: str) -> OutputLockedError:
    """An output file that another run holds (its lock file names the run)."""
    return OutputLockedError(
        f"{path}: another run is writing this file ({owner}; lock file {lock}). Wait for it to end, "
        f"or write to another file; if no such run exists any more, remove {lock}")


def stale_lock_taken(lock: object, owner: str) -> str:
    """Warning text: a lock file left by a run that died was taken over."""
    return f"{lock}: taking over the lock of a run that is no longer running ({owner})"


def duplicate_id_warning(doc_id: str, where: str, first: str, new_id: str) -> str:
    """Warning text: a document id seen before, renamed to ``new_id``."""
    return f"{where}: document id {doc_id!r} already used by {first}; this document is renamed {new_id!r}"


def model_unreadable(path: object, exc: BaseException) -> ModelError:
    """A model file that passed its checksum but cannot be unpickled (corrupted, foreign or truncated)."""
    return ModelError(f"{path}: model file cannot be read ({type(exc).__name__}: {exc}); "
                      "it is corrupted or not a stancekit model: rebuild it with `stancekit train`")
