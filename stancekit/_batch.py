"""Batch scoring: documents in, SPEC section 5 records out, in input order, nothing lost.

Every input yields its statements or exactly one error record
(``{"doc_id", "error"}``); the run goes on. Records stream: memory does not
grow with the number of documents.
"""

from __future__ import annotations

import csv
import gc
import io
import json
import math
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import count, islice
from json.encoder import encode_basestring as _esc
from pathlib import Path

from ._errors import (RunError, duplicate_id_warning, jobs_error, scheduler_address_error, scheduler_unreachable,
                      type_error)
from ._segment import DEFAULT_MAX_LENGTH, Statement, segment

__all__ = ["Document", "iter_documents", "score_documents", "records_for", "no_statements", "RecordWriter",
           "CSV_FIELDS"]

_BATCH = 64


@dataclass(frozen=True)
class Document:
    """A document to score, or the reason it cannot be read (``error``)."""

    doc_id: str
    text: str | None = None
    error: str | None = None


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _looks_utf16(head: bytes) -> bool:
    """NUL bytes at every other position, as UTF-16 gives for mostly-ASCII text."""
    if len(head) < 8:
        return False
    even, odd = head[0::2], head[1::2]
    return (even.count(0) >= 0.4 * len(even) and odd.count(0) < 0.05 * len(odd)) or \
           (odd.count(0) >= 0.4 * len(odd) and even.count(0) < 0.05 * len(even))


def _decode(raw: bytes, doc_id: str, where: str, max_length: int) -> Document:
    """A document's text: UTF-8 (a leading BOM dropped), or UTF-16 when the file starts with its BOM."""
    if raw.startswith(_UTF16_BOMS) and not raw.startswith(b"\xff\xfe\x00\x00"):  # not UTF-32
        try:
            text = raw.decode("utf-16")  # the BOM says which byte order, and is dropped
        except UnicodeDecodeError as e:
            return Document(doc_id, error=f"{where}: invalid UTF-16 ({e.reason} at byte {e.start})")
        if len(text) > max_length:
            return Document(doc_id, error=f"{where}: {len(text):,} characters, over the limit of {max_length:,}")
        return Document(doc_id, text=text)
    if b"\x00" in raw[:8192]:
        if _looks_utf16(raw[:8192]):
            return Document(doc_id, error=f"{where}: UTF-16 text without a byte-order mark; convert it to UTF-8 "
                                          "(or save it as UTF-16 with a BOM)")
        return Document(doc_id, error=f"{where}: binary file (NUL bytes), not UTF-8 text")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        return Document(doc_id, error=f"{where}:{line}: invalid UTF-8 ({e.reason} at byte {e.start})")
    if len(text) > max_length:
        return Document(doc_id, error=f"{where}: {len(text):,} characters, over the limit of {max_length:,}")
    return Document(doc_id, text=text)


def _read_file(path: Path, max_length: int) -> Document:
    doc_id = path.stem
    try:
        size = path.stat().st_size
        if size > 4 * max_length + 4:
            return Document(doc_id, error=f"{path}: {size:,} bytes, over the limit of {max_length:,} characters")
        raw = path.read_bytes()
    except OSError as e:
        return Document(doc_id, error=f"{path}: cannot read ({e.strerror or e})")
    return _decode(raw, doc_id, str(path), max_length)


def _read_jsonl(lines: Iterable[bytes], where: str, max_length: int) -> Iterator[tuple[Document, str]]:
    """Each line's document (or error record) and ``file:line``."""
    for n, raw in enumerate(lines, 1):
        if n == 1 and raw.startswith(_UTF16_BOMS):
            yield Document(f"{where}:1", error=f"{where}: UTF-16 JSONL; JSONL input must be UTF-8 (convert it, "
                                               "e.g. with iconv -f UTF-16 -t UTF-8)"), where
            return
        if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]  # a UTF-8 BOM, accepted as in .txt files
        if not raw.strip():
            continue
        loc = f"{where}:{n}"
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            yield Document(f"{where}:{n}", error=f"{loc}: invalid UTF-8 ({e.reason} at byte {e.start})"), loc
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield Document(f"{where}:{n}", error=f"{loc}: malformed JSON ({e.msg} at column {e.colno})"), loc
            continue
        if not isinstance(rec, dict):
            yield Document(f"{where}:{n}", error=f"{loc}: expected an object with 'id' and 'text', "
                                                f"got {type(rec).__name__}"), loc
            continue
        doc_id = rec.get("id")
        text = rec.get("text")
        if doc_id is None or (not isinstance(doc_id, (str, int))):
            yield Document(f"{where}:{n}", error=f"{loc}: missing 'id' (a string)"), loc
            continue
        if not isinstance(text, str):
            yield Document(str(doc_id), error=f"{loc}: missing 'text' (a string)"), loc
            continue
        if len(text) > max_length:
            yield Document(str(doc_id), error=f"{loc}: text of {len(text):,} characters, "
                                              f"over the limit of {max_length:,}"), loc
            continue
        yield Document(str(doc_id), text=text[1:] if text.startswith("\ufeff") else text), loc


def iter_documents(paths: Iterable[str | Path], *, max_length: int = DEFAULT_MAX_LENGTH,
                   stdin: io.BufferedReader | None = None, stdin_format: str = "text",
                   warn: Callable[[str], None] | None = None) -> Iterator[Document]:
    """Documents from files, directories (recursive ``*.txt`` only), JSONL files and ``-`` (standard input).

    A ``.jsonl`` file holds one ``{"id", "text"}`` object a line; any other
    file is one document whose id is its name without extension. Reading is
    lazy: one document at a time.

    Every path yields at least one document: a directory without ``*.txt`` files yields an error
    record naming it. Document ids are made unique in input order: an id seen before gets
    ``~2``, ``~3``, ... (``x``, ``x~2``), and ``warn`` (if given) is called with a message naming
    the file (and line) of the renamed document and of the first one.
    """
    seen: dict[str, str] = {}  # id -> where it was first seen
    last: dict[str, int] = {}  # id -> the last k given to a copy of it (no rescan from 2 for each copy)

    def unique(located: tuple[Document, str]) -> Document:
        doc, where = located
        if doc.doc_id in seen:
            new_id, k = doc.doc_id, last.get(doc.doc_id, 1)
            while new_id in seen:
                k += 1
                new_id = f"{doc.doc_id}~{k}"
            last[doc.doc_id] = k
            if warn is not None:
                warn(duplicate_id_warning(doc.doc_id, where, seen[doc.doc_id], new_id))
            doc = Document(new_id, doc.text, doc.error)
        seen[doc.doc_id] = where
        return doc

    # A map, not a loop that yields: nothing here holds the document last read (a long
    # document's text is freed once it is segmented, see _iter_results).
    return map(unique, _iter_located(paths, max_length, stdin, stdin_format))


def _iter_located(paths: Iterable[str | Path], max_length: int, stdin: io.BufferedReader | None,
                  stdin_format: str) -> Iterator[tuple[Document, str]]:
    """The documents of :func:`iter_documents`, each with where it was read (``file`` or ``file:line``)."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    for p in paths:
        if str(p) == "-":
            src = stdin if stdin is not None else sys.stdin.buffer
            if stdin_format == "jsonl":
                yield from _read_jsonl(src, "<stdin>", max_length)
            else:
                yield _decode(src.read(), "stdin", "<stdin>", max_length), "<stdin>"
            continue
        path = Path(p)
        if path.is_dir():
            found = False
            for f in sorted(path.rglob("*.txt")):
                found = True
                yield _read_file(f, max_length), str(f)
            if not found:
                yield Document(path.name or str(path), error=f"{path}: directory holds no *.txt file"), str(path)
        elif path.suffix.lower() == ".jsonl" and path.is_file():
            yield from _jsonl_file(path, max_length)
        elif path.exists() or path.suffix:
            yield _read_file(path, max_length), str(path)
        else:
            yield Document(path.stem or str(path), error=f"{path}: no such file or directory"), str(path)


def _jsonl_file(path: Path, max_length: int) -> Iterator[Document]:
    try:
        f = open(path, "rb")
    except OSError as e:
        yield Document(path.stem, error=f"{path}: cannot read ({e.strerror or e})"), str(path)
        return
    with f:
        yield from _read_jsonl(f, str(path), max_length)


def records_for(doc: Document, model, *, max_length: int = DEFAULT_MAX_LENGTH) -> list[dict[str, object]]:
    """SPEC section 5 records for one document (or one error record)."""
    if doc.error is not None:
        return [{"doc_id": doc.doc_id, "error": doc.error}]
    try:
        statements = _segment_one(doc, max_length)
        stances = _stance_records(model, statements) if statements else []
    except Exception as e:  # noqa: BLE001 -- a batch run never loses a document
        return [_error_record(doc.doc_id, e)]
    return [_record(st, sc) for st, sc in zip(statements, stances)]


def _error_record(doc_id: str, e: BaseException) -> dict[str, object]:
    """The error record of a document whose segmenting or labelling raised ``e``."""
    return {"doc_id": doc_id, "error": f"{type(e).__name__}: {e}"}


def _stance_records(model, statements: list) -> list[dict[str, object]]:
    """The ``stances`` field of each statement's record (a user's model may have only ``predict``)."""
    fast = getattr(model, "_stance_records", None)
    if fast is not None:
        return fast(statements)
    return [{t: s.to_dict() for t, s in row.items()} for row in model.predict(statements)]


def _record(statement, stances: dict[str, object]) -> dict[str, object]:
    """The SPEC section 5 record of one statement and its ``stances`` field."""
    rec = statement.to_dict()
    rec["stances"] = stances
    return rec


# -- workers --------------------------------------------------------------------------------------

_WORKER_MODEL: dict[str, object] = {}


def _worker_model(path: str | None):
    """The model's scorer (or the model, when it has none), loaded once per process."""
    from ._scorer import load_scoring_model
    key = path or ""
    if key not in _WORKER_MODEL:
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _WORKER_MODEL[key] = load_scoring_model(path)
    return _WORKER_MODEL[key]


def _watch_parent(parent: int, interval: float = 0.5) -> None:
    """Worker initializer: end this worker when the process that started it is gone.

    A loky worker waits for tasks on a queue and would otherwise live on after its parent is
    killed (``kill -9``) until loky's idle timeout (300 s). A daemon thread checks every
    ``interval`` seconds whether the parent is still this process's parent, and ends the
    process at once (``os._exit``) when it is not."""
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os._exit(1)

    if os.getppid() == parent:
        threading.Thread(target=watch, name="stancekit-parent-watch", daemon=True).start()


def _quiet_gc() -> None:
    """Garbage-collection settings for a process that does nothing but score (the CLI, and the
    parallel workers of a CLI run; never a process of a user's own script): objects alive now
    (modules, the model) are frozen out of collections, and the youngest generation is
    collected every 10,000 new container objects instead of 700. Scoring makes few reference
    cycles, and the collector's passes over a loaded model cost about 4% of the time (measured)."""
    gc.freeze()
    gc.set_threshold(10_000, *gc.get_threshold()[1:])


def _score_batch(batch: list[Document], model_path: str | None, max_length: int,
                 serialize: tuple[str, list[str]] | None = None) -> list:
    first = not _WORKER_MODEL
    model = _worker_model(model_path)
    if serialize and first:  # first batch of a CLI run (only the CLI serialises in workers)
        _quiet_gc()
    return _results(batch, model, max_length, serialize)


def _results(batch: list[Document], model, max_length: int, serialize: tuple[str, list[str]] | None) -> list:
    """:func:`_iter_results` as a list (what a worker sends back)."""
    return list(_iter_results(batch, model, max_length, serialize))


def _iter_results(batch: list[Document], model, max_length: int,
                  serialize: tuple[str, list[str]] | None) -> Iterator:
    """Per document of ``batch``: its records, or with ``serialize``, its :class:`Scored` text.

    With ``serialize`` and a model that labels in blocks (``_iter_best`` or
    ``_iter_stance_records``: :class:`stancekit._scorer.Scorer`, :class:`stancekit.StanceModel`),
    a document's text comes in pieces, one per block of statements labelled (see
    :meth:`stancekit._scorer.Scorer.blocks`), each yielded as soon as its block is labelled: the
    records of a long document never stand in memory all at once. Every piece but a document's
    last has ``done`` False. JSONL for a model with ``_iter_best`` is written straight from the
    statements and probabilities, without building the records' dicts (tested equal).

    A model that fails on the batch is run again one document at a time, so that only the
    failing document gets an error record; when it fails after a document's first pieces were
    yielded, that document's last piece is an error record."""
    if serialize is None:
        yield from _score_batch_with(batch, model, max_length)
        return
    fmt, fields = serialize
    best = getattr(model, "_iter_best", None) if fmt == "jsonl" else None
    labelled = best if best is not None else getattr(model, "_iter_stance_records", None)
    if labelled is None:
        yield from _serialized(batch, _score_batch_with(batch, model, max_length), serialize)
        return
    segmented = _segment_batch(batch, max_length)
    for i, sts in enumerate(segmented):
        if sts and not isinstance(sts, str):
            # Its statements hold their own text: drop the document's, the largest thing a run
            # holds for a long document (``batch`` is this run's own list; nothing else in the
            # command line's chain of iterators keeps the document).
            batch[i] = Document(batch[i].doc_id)
    flat = [st for sts in segmented if not isinstance(sts, str) for st in sts]
    blocks = labelled(flat) if flat else iter(())
    del flat
    try:
        first = next(blocks, None)
    except Exception:  # noqa: BLE001 -- labelled one document at a time, only the failing one fails
        for d, sts in zip(batch, segmented):
            recs = _records_of(d, sts, model)
            yield _scored(recs, sts, serialize)
        return

    def text(sts: list, rows: list) -> str:
        if best is not None:
            return _jsonl_statements(sts, rows)
        return serialize_records([_record(st, sc) for st, sc in zip(sts, rows)], fmt, fields)

    block = first  # (start, stop, rows) holding statement k of the batch
    k = 0
    failed = False
    for d, sts in zip(batch, segmented):
        if isinstance(sts, str) or not sts or failed:
            recs = _records_of(d, sts, model)
            yield _scored(recs, sts, serialize)
            continue
        start, end = k, k + len(sts)
        while k < end:
            if block[1] <= k:
                try:
                    block = next(blocks)
                except Exception as e:  # noqa: BLE001 -- a batch run never loses a document
                    failed = True
                    if k == start:
                        yield _scored(_records_of(d, sts, model), sts, serialize)
                    else:
                        yield Scored(serialize_records([_error_record(d.doc_id, e)], fmt, fields), 0, True)
                    break
            a, b, rows = block
            j = min(end, b)
            yield Scored(text(sts[k - start : j - start], rows[k - a : j - a]), j - k, False, done=j == end)
            k = j


def _scored(recs: list[dict[str, object]], sts: list | str, serialize: tuple[str, list[str]]) -> Scored:
    """A document's :func:`_records_of` as :class:`Scored` text."""
    error = _is_error(recs)
    return Scored(serialize_records(recs, *serialize), 0 if error or not sts or isinstance(sts, str) else len(recs),
                  error)


def _records_of(d: Document, sts: list | str, model) -> list[dict[str, object]]:
    """The records of one document segmented into ``sts`` (or the reason it was not, a str),
    labelled alone; an error record if labelling fails."""
    if isinstance(sts, str):
        return [{"doc_id": d.doc_id, "error": sts}]
    if not sts:
        return [no_statements(d.doc_id, d.text)]
    try:
        stances = _stance_records(model, sts)
    except Exception as e:  # noqa: BLE001 -- a batch run never loses a document
        return [_error_record(d.doc_id, e)]
    return [_record(st, sc) for st, sc in zip(sts, stances)]


def no_statements(doc_id: str, text: str | None) -> dict[str, object]:
    """The record of a document read without error that holds no statement:
    ``{"doc_id": ..., "statements": 0, "reason": ...}``, the reason one of: empty, whitespace
    only, no Latin letters (stancekit reads English), or no sentence of body text."""
    if not text:
        reason = "empty document"
    elif not text.strip():
        reason = "whitespace only"
    elif not _LATIN.search(text):
        reason = "no Latin letters: stancekit reads English text"
    else:
        reason = "no sentence of body text (only headlines, bylines or metadata lines)"
    return {"doc_id": doc_id, "statements": 0, "reason": reason}


# A letter of the Latin script (ASCII, Latin-1 and Latin Extended-A/B). A document without one is
# not English; it is not segmented (its statements would be noise) and gets a no-statements record.
_LATIN = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")


def _segment_one(d: Document, max_length: int) -> list:
    """Statements of a readable document; none for a document with no Latin letter."""
    text = d.text or ""
    if not _LATIN.search(text):
        return []
    return segment(text, d.doc_id, max_length=max_length)


def _serialized(batch: list[Document], results: list[list[dict[str, object]]],
                serialize: tuple[str, list[str]]) -> list[Scored]:
    """Each document's records as text; a document with none gets its :func:`no_statements` record."""
    fmt, fields = serialize
    return [Scored(serialize_records(recs or [no_statements(d.doc_id, d.text)], fmt, fields),
                   0 if _is_error(recs) else len(recs), _is_error(recs))
            for d, recs in zip(batch, results)]


def _is_error(records: list[dict[str, object]]) -> bool:
    return bool(records) and "error" in records[0]


@dataclass(frozen=True)
class Scored:
    """One document's records already serialised (``text``), for writers that only copy bytes; or,
    for a long document, a piece of them (``done`` False on all pieces but the last)."""

    text: str
    statements: int
    error: bool
    done: bool = True  # False on every piece of a document's records but the last


def _segment_batch(batch: list[Document], max_length: int) -> list[list | str]:
    """Each document's statements, or the reason it has none (a str)."""
    segmented: list[list | str] = []
    for d in batch:
        if d.error is not None:
            segmented.append(d.error)
            continue
        try:
            segmented.append(_segment_one(d, max_length))
        except Exception as e:  # noqa: BLE001 -- a batch run never loses a document
            segmented.append(f"{type(e).__name__}: {e}")
    return segmented


def _score_batch_with(batch: list[Document], model, max_length: int) -> list[list[dict[str, object]]]:
    """Records of each document of ``batch``; the statements of all are labelled in one call."""
    segmented = _segment_batch(batch, max_length)
    flat = [st for sts in segmented if not isinstance(sts, str) for st in sts]
    try:
        stances = _stance_records(model, flat) if flat else []
    except Exception:  # noqa: BLE001 -- fall back to one document at a time to isolate the failure
        return [records_for(d, model, max_length=max_length) for d in batch]
    out: list[list[dict[str, object]]] = []
    k = 0
    for d, sts in zip(batch, segmented):
        if isinstance(sts, str):
            out.append([{"doc_id": d.doc_id, "error": sts}])
            continue
        out.append([_record(st, sc) for st, sc in zip(sts, stances[k : k + len(sts)])])
        k += len(sts)
    return out


def _score_batch_remote(batch: list[Document], model, max_length: int, serialize) -> list:
    return _results(batch, model, max_length, serialize)


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while True:
        b = list(islice(it, size))
        if not b:
            return
        yield b


def _as_documents(docs: Iterable[object]) -> Iterator[Document]:
    """``docs`` as :class:`Document`, lazily. A ``map``, not a generator: it holds no reference to
    the document last given out (a long document's text is freed once it is segmented, see
    :func:`_iter_results`)."""
    if isinstance(docs, (str, bytes)):
        raise TypeError("docs must be an iterable of (id, text) pairs or dicts, got a bare "
                        f"{type(docs).__name__}")
    return map(_as_document, count(), docs)


def _as_document(i: int, d: object) -> Document:
    if isinstance(d, Document):
        return d
    if isinstance(d, Mapping):
        doc_id, text = d.get("id", d.get("doc_id")), d.get("text")
        if doc_id is None or not isinstance(text, str):
            return Document(str(doc_id if doc_id is not None else f"#{i}"),
                            error=f"document #{i}: needs 'id' and a str 'text'")
        return Document(str(doc_id), text=text)
    if isinstance(d, tuple) and len(d) == 2:
        doc_id, text = d
        if not isinstance(text, str):
            return Document(str(doc_id), error=f"document #{i}: text must be str, got {type(text).__name__}")
        return Document(str(doc_id), text=text)
    raise type_error(f"docs[{i}]", d, "an (id, text) pair, a dict with 'id' and 'text', or a Document")


def score_documents(
    docs: Iterable[object],
    jobs: int = 1,
    *,
    model: object | None = None,
    model_path: str | Path | None = None,
    scheduler: str | object | None = None,
    scheduler_timeout: float = 10.0,
    batch_size: int = _BATCH,
    max_length: int = DEFAULT_MAX_LENGTH,
    serialize: tuple[str, list[str]] | None = None,
) -> Iterator[list[dict[str, object]]]:
    """Score documents lazily; yield, per document and in input order, its list of records.

    Parameters
    ----------
    docs : iterable
        ``(id, text)`` pairs, dicts with ``id`` and ``text``, or :class:`Document`.
    jobs : int, default 1
        Processes at work: this one and ``jobs - 1`` joblib workers; ``-1`` for all cores.
    model : StanceModel, optional
        A loaded model (serial and Dask runs). Default: load ``model_path``.
    model_path : path, optional
        The model file; default the shipped model. Parallel workers load it once each. A model
        file with a scorer (see ``stancekit train``) is scored from the scorer: scikit-learn is
        not imported and nothing is unpickled.
    scheduler : str or distributed.Client, optional
        A Dask scheduler address (or client): spread batches over the cluster.
        Needs the optional extra ``stancekit[dask]``.
    scheduler_timeout : float, default 10
        Seconds to wait for the scheduler at ``scheduler`` (an address) to answer; then
        :class:`stancekit.StancekitError` (``RunError``) says so.
    batch_size : int, default 64
        Documents per task.
    max_length : int
        Longer documents become error records.
    serialize : (format, CSV fields), optional
        Yield :class:`Scored` (the records as JSONL or CSV text, made in the
        workers) instead of lists of dicts; the CLI's fast path.

    Yields
    ------
    list of dict
        The SPEC section 5 records of one document, or ``[{"doc_id", "error"}]``; an empty list
        for a document without statements (with ``serialize``, its :func:`no_statements` record).
        A document without a Latin letter is not segmented: it has no statements.
    """
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs == 0 or jobs < -1:
        raise ValueError(jobs_error(jobs))
    documents = _as_documents(docs)
    mp = str(model_path) if model_path is not None else None
    if scheduler is not None:
        yield from _score_dask(documents, scheduler, model, mp, batch_size, max_length, serialize, scheduler_timeout)
        return
    if jobs == 1:
        m = model if model is not None else _worker_model(mp)
        yield from _score_serial(documents, m, batch_size, max_length, serialize)
        return
    if model is not None and mp is None:
        raise ValueError("parallel scoring loads the model in each worker: pass model_path, not model")
    yield from _score_parallel(documents, jobs, model, mp, batch_size, max_length, serialize)


def _score_parallel(documents: Iterator[Document], jobs: int, model, model_path: str | None, batch_size: int,
                    max_length: int, serialize) -> Iterator:
    """``jobs`` processes at work: this one and ``jobs - 1`` joblib (loky) workers.

    A batch goes to the workers while they hold fewer than two each; otherwise this process scores
    it itself, so that its own share of the cores is not spent waiting. Results come out in input
    order, and at most ``4 * jobs`` batches are held at a time.
    """
    from collections import deque

    from joblib.externals.loky import get_reusable_executor
    n = (os.cpu_count() or 1) if jobs == -1 else jobs
    m = model if model is not None else _worker_model(model_path)
    if n <= 1:
        yield from _score_serial(documents, m, batch_size, max_length, serialize)
        return
    executor = get_reusable_executor(max_workers=n - 1, initializer=_watch_parent, initargs=(os.getpid(),))
    pending: deque = deque()  # (True, future) sent to a worker, or (False, results) scored here

    def ready(everything: bool = False) -> Iterator:
        """The results at the head of the queue that are in (all of them, waiting, at the end)."""
        while pending and (everything or not pending[0][0] or pending[0][1].done() or len(pending) > 4 * n):
            remote, x = pending.popleft()
            yield from (x.result() if remote else x)

    for batch in _batches(documents, batch_size):
        busy = sum(1 for remote, x in pending if remote and not x.done())
        if busy < 2 * (n - 1):
            pending.append((True, executor.submit(_score_batch, batch, model_path, max_length, serialize)))
        else:
            pending.append((False, _results(batch, m, max_length, serialize)))
        yield from ready()
    yield from ready(everything=True)


def _score_serial(documents: Iterator[Document], model, batch_size: int, max_length: int, serialize) -> Iterator:
    for batch in _batches(documents, batch_size):
        yield from _iter_results(batch, model, max_length, serialize)


def _score_dask(documents: Iterator[Document], scheduler, model, model_path, batch_size, max_length, serialize,
                timeout: float = 10.0):
    try:
        from distributed import Client
    except ImportError:
        raise RunError("scoring on a Dask cluster needs the optional extra: pip install 'stancekit[dask]'") from None
    own = not isinstance(scheduler, Client)
    if own:
        try:
            client = Client(scheduler, timeout=timeout)
        except ValueError as e:  # not an address distributed can parse
            raise scheduler_address_error(str(scheduler)) from e
        except (OSError, TimeoutError) as e:  # nothing answers there, or the connection is refused
            raise scheduler_unreachable(scheduler, timeout, e) from None
    else:
        client = scheduler
    try:
        m = model if model is not None else _worker_model(model_path)
        [model_future] = client.scatter([m], broadcast=True)
        window = max(4, 2 * len(client.scheduler_info().get("workers", {})) or 4)
        pending = []
        for batch in _batches(documents, batch_size):
            pending.append(client.submit(_score_batch_remote, batch, model_future, max_length, serialize, pure=False))
            if len(pending) >= window:
                yield from pending.pop(0).result()
        while pending:
            yield from pending.pop(0).result()
    finally:
        if own:
            client.close()


# -- output ---------------------------------------------------------------------------------------

CSV_FIELDS_BASE = ["doc_id", "statement_id", "actor", "actor_mention", "kind", "start", "end", "text"]


def CSV_FIELDS(targets: Iterable[str], evidence: bool = False) -> list[str]:  # noqa: N802 -- a computed constant
    """CSV columns: SPEC fields flattened, ``<target>_label`` and ``<target>_confidence`` (and with
    ``evidence``, ``<target>_evidence``: the evidence joined by "; "), then ``error``,
    ``statements`` and ``reason`` (``0`` and why, on the one row of a document without statements;
    empty on every other row)."""
    cols = list(CSV_FIELDS_BASE)
    for t in targets:
        cols += [f"{t}_label", f"{t}_confidence"] + ([f"{t}_evidence"] if evidence else [])
    return cols + ["error", "statements", "reason"]


def _csv_row(rec: Mapping[str, object], fields: list[str]) -> dict[str, object]:
    row = {k: rec.get(k) for k in CSV_FIELDS_BASE}
    for t, s in (rec.get("stances") or {}).items():
        row[f"{t}_label"] = s["label"]
        row[f"{t}_confidence"] = s["confidence"]
        if "evidence" in s:
            row[f"{t}_evidence"] = "; ".join(s["evidence"])
    row["error"] = rec.get("error")
    row["statements"] = rec.get("statements")
    row["reason"] = rec.get("reason")
    return {k: ("" if row.get(k) is None else row.get(k)) for k in fields}


# One encoder for all records: ``json.dumps`` with any non-default option builds a new one per call.
_JSON = json.JSONEncoder(ensure_ascii=False)


_RECORD_KEYS = ("doc_id", "statement_id", "actor", "actor_mention", "kind", "start", "end", "text", "stances")
_OPTIONAL = (str, type(None))


def _json_line(r: dict[str, object]) -> str:
    """``_JSON.encode(r)`` for a statement record, about twice as fast: the layout is known, so
    only its strings go through the JSON string encoder. Anything else goes to ``_JSON``."""
    if tuple(r) != _RECORD_KEYS:
        return _JSON.encode(r)
    d, sid, a, am, k, s, e, t, stances = r.values()
    if not (type(d) is str and type(sid) is str and type(k) is str and type(t) is str and isinstance(a, _OPTIONAL)
            and isinstance(am, _OPTIONAL) and type(s) is int and type(e) is int and type(stances) is dict):
        return _JSON.encode(r)
    parts = []
    for tid, st in stances.items():
        if type(tid) is not str or type(st) is not dict or tuple(st) != ("label", "confidence"):
            return _JSON.encode(r)
        label, conf = st["label"], st["confidence"]
        if type(label) is not str or type(conf) is not float or not math.isfinite(conf):
            return _JSON.encode(r)
        parts.append(_stance_json(_esc(tid), _esc(label), conf))
    return _record_json(_esc(d), sid, a, am, _esc(k), s, e, t, parts)


def _stance_json(tid: str, label: str, conf: float) -> str:
    """One target's entry of a record's ``stances``, from the escaped target id and label."""
    return f'{tid}: {{"label": {label}, "confidence": {conf!r}}}'


def _record_json(doc: str, sid: str, actor: str | None, mention: str | None, kind: str, start: int, end: int,
                 text: str, stances: list[str]) -> str:
    """A statement record's JSON line (no newline), in the layout ``_JSON`` writes; ``doc`` and
    ``kind`` come escaped, ``stances`` as :func:`_stance_json` entries."""
    return (f'{{"doc_id": {doc}, "statement_id": {_esc(sid)}, "actor": {"null" if actor is None else _esc(actor)}, '
            f'"actor_mention": {"null" if mention is None else _esc(mention)}, "kind": {kind}, "start": {start}, '
            f'"end": {end}, "text": {_esc(text)}, "stances": {{{", ".join(stances)}}}}}')


_ESCAPED: dict[str, str] = {}  # target ids, labels and kinds: a handful of strings, escaped once


def _escaped(s: str) -> str:
    e = _ESCAPED.get(s)
    if e is None:
        e = _esc(s)
        if len(_ESCAPED) < 1000:
            _ESCAPED[s] = e
    return e


_STANCE_HEADS: dict[tuple[str, str], str] = {}  # (target id, label): its entry up to the confidence


def _stance_head(tid: str, label: str) -> str:
    """:func:`_stance_json`'s entry for ``tid`` and ``label`` up to the confidence, made once."""
    h = _STANCE_HEADS.get((tid, label))
    if h is None:
        h = _stance_json(_escaped(tid), _escaped(label), 0.0)[: -len("0.0}")]
        if len(_STANCE_HEADS) < 1000:
            _STANCE_HEADS[(tid, label)] = h
    return h


def _confidence_text(conf: float) -> str:
    """``repr(round(conf, 4))`` for a float ``conf`` from 0 to 1, by one formatting instead of two
    (``round`` to places formats the number to round it, and ``repr`` formats it again): both
    round the exact binary value to 4 places, and the shortest text of a number of at most 4
    places is its 4-place text without the trailing zeros (checked on every multiple of 0.0001,
    the halfway points between them, the 4 floats either side of each, and 2 million others)."""
    c = f"{conf:.4f}".rstrip("0")
    return c + "0" if c[-1] == "." else c


def _jsonl_statements(statements: list, best: list[dict[str, tuple[str, float]]]) -> str:
    """What ``_json_line(_record(st, stances))`` gives for each statement, where ``best`` holds each
    statement's ``{target: (label, probability)}``, from the statements' fields directly. Anything
    :func:`_json_line` would hand to the encoder goes that way too. Each target's entry is its
    head (:func:`_stance_head`, made once per target and label) and the confidence."""
    lines = []
    doc, dq = None, ""
    heads = _STANCE_HEADS
    isfinite = math.isfinite
    for st, row in zip(statements, best):
        parts = []
        for tid, (label, conf) in row.items():
            if type(conf) is float and 0.0 <= conf <= 1.0:  # a probability
                c = _confidence_text(conf)
            else:
                conf = round(conf, 4)
                if type(conf) is not float or not isfinite(conf):
                    parts = None
                    break
                c = repr(conf)
            if type(tid) is not str or type(label) is not str:
                parts = None
                break
            parts.append(f"{heads.get((tid, label)) or _stance_head(tid, label)}{c}}}")
        d = st.doc_id
        if parts is None or type(st) is not Statement or type(d) is not str or type(st.kind) is not str:
            lines.append(_json_line(_record(st, {t: {"label": lb, "confidence": round(c, 4)} for t, (lb, c) in row.items()})))
            continue
        if d is not doc:
            doc, dq = d, _esc(d)
        lines.append(_record_json(dq, st.statement_id, st.actor, st.actor_mention, _escaped(st.kind), st.start, st.end,
                                  st.text, parts))
    lines.append("")
    return "\n".join(lines)


def serialize_records(records: list[dict[str, object]], fmt: str, fields: list[str]) -> str:
    """One document's records as JSONL or CSV text (no CSV header)."""
    if fmt == "jsonl":
        return "".join([_json_line(r) + "\n" for r in records])
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    for r in records:
        w.writerow(_csv_row(r, fields))
    return buf.getvalue()


class RecordWriter:
    """Write records as JSONL or CSV to a stream; one call per document."""

    def __init__(self, stream, fmt: str, targets: Iterable[str], header: bool = True, evidence: bool = False) -> None:
        if fmt not in ("jsonl", "csv"):
            raise ValueError(f"format {fmt!r} is not one of: 'jsonl', 'csv'")
        self.stream = stream
        self.fmt = fmt
        self.fields = CSV_FIELDS(targets, evidence)
        self._csv = csv.DictWriter(stream, fieldnames=self.fields, lineterminator="\n") if fmt == "csv" else None
        if self._csv is not None and header:
            self._csv.writeheader()

    def write(self, records: list[dict[str, object]]) -> None:
        self.stream.write(serialize_records(records, self.fmt, self.fields))


class Progress:
    """A one-line progress display on standard error: documents, statements, rate."""

    def __init__(self, enabled: bool, stream=None) -> None:
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.docs = self.statements = self.errors = 0
        self.t0 = time.perf_counter()
        self._last = 0.0

    def update(self, statements: int, error: bool) -> None:
        self.docs += 1
        if error:
            self.errors += 1
        else:
            self.statements += statements
        now = time.perf_counter()
        if self.enabled and now - self._last > 0.2:
            self._last = now
            self._show(now)

    def _show(self, now: float) -> None:
        rate = self.docs / max(now - self.t0, 1e-9)
        self.stream.write(f"\r{self.docs} documents, {self.statements} statements, {self.errors} errors, "
                          f"{rate:.1f} docs/s ")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self._show(time.perf_counter())
            self.stream.write("\n")
            self.stream.flush()


def atomic_output(path: Path) -> tuple[object, Callable[[], None]]:
    """A text stream to a temporary file beside ``path`` and a function that moves it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    from ._files import _umask
    os.chmod(tmp, 0o666 & ~_umask())
    f = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def commit() -> None:
        f.flush()
        os.fsync(f.fileno())
        f.close()
        os.replace(tmp, path)
    return f, commit
