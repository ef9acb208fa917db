"""``stancekit score``: stream documents through the model into JSONL or CSV, resumably."""

from __future__ import annotations

import csv
import io
import os
import sys
import time
from collections import deque
from collections.abc import Iterator
from itertools import count
from pathlib import Path

from ._batch import Document, Progress, RecordWriter, iter_documents, score_documents
from ._errors import output_locked, stale_lock_taken

__all__ = ["score_command", "OutputLock"]


class OutputLock:
    """A run's claim on an output file: ``OUT.lock`` beside it, created with ``O_CREAT | O_EXCL``
    and holding ``{"pid", "host"}`` of the run.

    A second run asking for the same file gets :class:`OutputLockedError` and writes nothing (its
    journal, partial file and done list are never touched). A lock left by a run that died (a pid
    no longer running on this host) is taken over, with a message. While the lock is held, the
    file is also ``flock``-ed, so that a lock whose pid was reused by another process is still
    known as stale on file systems that support it.

    Out of scope: a lock made on another host is never taken over (its pid cannot be checked);
    remove it by hand.
    """

    def __init__(self, out: Path, warn=None) -> None:
        self.path = out.with_name(out.name + ".lock")
        self.out = out
        self._fd: int | None = None
        self._warn = warn or (lambda m: print(f"stancekit score: {m}", file=sys.stderr))

    def acquire(self) -> OutputLock:
        import json
        import socket
        me = json.dumps({"pid": os.getpid(), "host": socket.gethostname()}) + "\n"
        for _attempt in range(5):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                if not self._take_over_stale():
                    raise output_locked(self.out, self.path, self._owner_text()) from None
                continue
            _flock(fd, wait=True)  # a run checking this lock holds it for an instant at most
            os.write(fd, me.encode())
            os.fsync(fd)
            self._fd = fd
            return self
        raise output_locked(self.out, self.path, self._owner_text())

    def _owner(self, fd: int | None = None) -> dict:
        import json
        try:
            if fd is not None:
                raw = os.pread(fd, 4096, 0)
            else:
                raw = self.path.read_bytes()
            rec = json.loads(raw.decode("utf-8"))
            return rec if isinstance(rec, dict) else {}
        except (OSError, ValueError):
            return {}

    def _owner_text(self) -> str:
        o = self._owner()
        return f"process {o.get('pid', '?')} on host {o.get('host', '?')}" if o else "owner unknown"

    def _take_over_stale(self) -> bool:
        """Remove the lock file if its run is gone; True if removed (or already gone)."""
        import socket
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            return True  # released meanwhile: try again
        try:
            got = _flock(fd)
            if got is False:
                return False  # its run holds it
            owner = self._owner(fd)
            pid, host = owner.get("pid"), owner.get("host")
            if host != socket.gethostname() or not isinstance(pid, int) or isinstance(pid, bool):
                return False  # another host's, or being written this instant
            if got is None and _alive(pid):
                return False  # no flock here: the pid decides
            try:  # the file we checked is still the lock file (not one a third run made since)
                if os.stat(self.path).st_ino != os.fstat(fd).st_ino:
                    return True
            except FileNotFoundError:
                return True
            os.unlink(self.path)
            self._warn(stale_lock_taken(self.path, f"process {pid} on host {host}"))
            return True
        finally:
            os.close(fd)

    def release(self) -> None:
        if self._fd is not None:
            try:
                os.unlink(self.path)
            except FileNotFoundError:
                pass
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> OutputLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def _flock(fd: int, wait: bool = False) -> bool | None:
    """Take an exclusive ``flock`` on ``fd`` (without waiting unless ``wait``): True if taken, False
    if another process holds one, None where the system or file system has no flock (the pid
    decides then)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover -- not POSIX
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        return True
    except BlockingIOError:
        return False
    except OSError:
        return None


def _alive(pid: int) -> bool:
    """Whether process ``pid`` runs on this host (a zombie, dead but not yet reaped, does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[-1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True


class _Journal:
    """Crash-safe output for ``--resume``.

    Records go to ``OUT.partial``; after each document, ``OUT.partial.done``
    gets a line ``<index>\\t<byte offset>``. A killed run leaves both; on
    resume the partial file is cut back to the last finished document and
    the finished ones are skipped. At the end the partial file becomes OUT.
    """

    def __init__(self, out: Path, resume: bool) -> None:
        self.out = out
        self.partial = out.with_name(out.name + ".partial")
        self.done_path = out.with_name(out.name + ".partial.done")
        self.done: set[int] = set()
        offset = 0
        if resume and self.partial.exists() and self.done_path.exists():
            for line in self.done_path.read_text(encoding="utf-8").splitlines():
                parts = line.split("\t")
                if len(parts) == 2 and parts[0].isdigit() and parts[1].isdigit():
                    self.done.add(int(parts[0]))
                    offset = max(offset, int(parts[1]))
            with open(self.partial, "r+b") as f:
                f.truncate(offset)
        else:
            for p in (self.partial, self.done_path):
                if p.exists():
                    p.unlink()
        self.fresh = offset == 0
        # Documents finished before the interruption count in the summary and the exit status.
        self.earlier = _Counts()
        if not self.fresh:
            self.earlier = _count_records(self.partial)
        self._bin = open(self.partial, "ab")
        self.stream = io.TextIOWrapper(self._bin, encoding="utf-8", newline="", write_through=True)
        self._done = open(self.done_path, "a", encoding="utf-8")
        self._pending: list[str] = []
        self._synced = time.monotonic()

    def finished(self, index: int) -> None:
        """Mark document ``index`` done. Its records are flushed to the OS now (a killed process
        loses nothing written); they reach the disk, and the done list with them, every half second."""
        self.stream.flush()
        self._pending.append(f"{index}\t{self._bin.tell()}\n")
        if time.monotonic() - self._synced > 0.5:
            self.sync()

    def sync(self) -> None:
        self.stream.flush()
        os.fsync(self._bin.fileno())
        self._done.write("".join(self._pending))
        self._done.flush()
        os.fsync(self._done.fileno())
        self._pending = []
        self._synced = time.monotonic()

    def commit(self) -> None:
        self.sync()
        self.stream.close()
        self._done.close()
        os.replace(self.partial, self.out)
        self.done_path.unlink()


class _Counts:
    """Documents of a run: scored (with statements), with no statement, failed (error records)."""

    def __init__(self) -> None:
        self.scored = self.empty = self.failed = self.statements = 0

    def add(self, statements: int, error: bool) -> None:
        if error:
            self.failed += 1
        elif statements:
            self.scored += 1
            self.statements += statements
        else:
            self.empty += 1

    def merge(self, other: _Counts) -> None:
        self.scored += other.scored
        self.empty += other.empty
        self.failed += other.failed
        self.statements += other.statements

    def summary(self) -> str:
        total = self.scored + self.empty + self.failed
        return (f"stancekit score: {total} document(s): {self.scored} scored ({self.statements} statements), "
                f"{self.empty} with no statements, {self.failed} failed"
                + (" (see their error records)" if self.failed else ""))


def _count_records(path: Path) -> _Counts:
    """Counts of the documents whose records a partial output holds (JSONL or CSV)."""
    import json
    counts = _Counts()
    with open(path, encoding="utf-8", newline="") as f:
        first = f.read(1)
        f.seek(0)
        if first == "{":
            rows = (json.loads(line) for line in f if line.strip())
        else:
            rows = csv.DictReader(f)
        last_doc = None
        for r in rows:
            if r.get("error"):
                counts.add(0, True)
            elif str(r.get("statements", "")) == "0":
                counts.add(0, False)
            elif r.get("doc_id") != last_doc:
                counts.add(1, False)
            else:
                counts.statements += 1
            last_doc = r.get("doc_id") if r.get("statement_id") else None
    return counts


def _indexed(docs: Iterator[Document], skip: set[int]) -> Iterator[tuple[int, Document]]:
    # map and filter: neither a loop that yields nor enumerate (which keeps its last tuple) holds
    # the document last given out
    index = count()
    return filter(lambda pair: pair[0] not in skip, map(lambda d: (next(index), d), docs))


def score_command(a) -> int:
    """``stancekit score``: checks the output path and takes its lock before any work."""
    from ._cli import _warn, check_output
    from ._errors import UsageError
    check_output(a.output)
    if a.resume and not a.output:
        raise UsageError("--resume needs -o FILE (the output of the interrupted run)")
    if not a.output:
        return _score(a, None, _warn)
    out = Path(a.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    with OutputLock(out):
        return _score(a, out, _warn)


def _score(a, output: Path | None, warn) -> int:
    from ._files import default_model_path
    model_path = a.model or str(default_model_path())
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("default")
        # Every run scores in this process too (a parallel run alongside its workers): the model's
        # scorer is loaded here, checked against the manifest.
        from ._scorer import load_scoring_model
        model = load_scoring_model(model_path)
        targets = model.target_ids
    explain = int(getattr(a, "explain", 0) or 0)
    if explain:  # evidence comes from this process's scorer: no workers, no cluster
        from ._scorer import Explaining
        model = Explaining(model, explain)
        a.jobs, a.scheduler = 1, None
        if model.note:  # a model with trees: the evidence explains the linear part of each label only
            print(f"stancekit score: note: {model.note}", file=sys.stderr)
    from ._batch import _quiet_gc
    _quiet_gc()  # this process only scores from here on
    docs = iter_documents(a.paths, max_length=a.max_length, stdin_format=a.stdin_format, warn=warn)
    show = a.progress or (not a.quiet and sys.stderr.isatty())
    progress = Progress(show)
    journal = None
    if output is not None:
        journal = _Journal(output, a.resume)
        out = journal.stream
        header = journal.fresh
    else:
        out = sys.stdout
        header = True
    writer = RecordWriter(out, a.format, targets, header=header, evidence=bool(explain))  # writes the CSV header
    skip = journal.done if journal else set()
    pairs: deque[int] = deque()  # input indexes of the documents in flight, in order
    counts = _Counts()

    def started(pair: tuple[int, Document]) -> Document:
        pairs.append(pair[0])
        return pair[1]

    # A map: nothing here holds a document once handed on (a long one's text is freed once segmented).
    results = score_documents(map(started, _indexed(docs, skip)), jobs=a.jobs, model=model,
                              model_path=model_path, scheduler=a.scheduler, max_length=a.max_length,
                              serialize=(a.format, writer.fields),
                              scheduler_timeout=getattr(a, "scheduler_timeout", 10.0))
    written = 0  # statements of the pieces of a long document written so far
    for scored in results:
        out.write(scored.text)
        if not scored.done:
            written += scored.statements
            continue
        index = pairs.popleft()
        n, written = written + scored.statements, 0
        counts.add(n, scored.error)
        if journal:
            journal.finished(index)
        progress.update(n, scored.error)
    progress.close()
    if journal:
        journal.commit()
        counts.merge(journal.earlier)
    print(counts.summary(), file=sys.stderr)
    return 1 if counts.failed else 0
