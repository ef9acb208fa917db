"""``stancekit score``: stream documents through the model into JSONL or CSV, resumably."""

from __future__ import annotations

import csv
import io
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from ._batch import Document, Progress, RecordWriter, iter_documents, score_documents

__all__ = ["score_command"]


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
        self.earlier_errors = 0
        if not self.fresh:
            # Error records of documents finished before the interruption still count for the exit status.
            with open(self.partial, encoding="utf-8", newline="") as f:
                for line in f:
                    if line.startswith("{"):
                        if '"error":' in line and '"statement_id"' not in line:
                            self.earlier_errors += 1
                    elif not line.startswith("doc_id,") and next(csv.reader([line]), ["", ""])[1:2] == [""]:
                        self.earlier_errors += 1  # a CSV error row has no statement_id
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


def _indexed(docs: Iterator[Document], skip: set[int]) -> Iterator[tuple[int, Document]]:
    for i, d in enumerate(docs):
        if i not in skip:
            yield i, d


def score_command(a) -> int:
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
    from ._batch import _quiet_gc
    _quiet_gc()  # this process only scores from here on
    docs = iter_documents(a.paths, max_length=a.max_length, stdin_format=a.stdin_format)
    show = a.progress or (not a.quiet and sys.stderr.isatty())
    progress = Progress(show)
    journal = None
    if a.output:
        journal = _Journal(Path(a.output), a.resume)
        out = journal.stream
        header = journal.fresh
    else:
        if a.resume:
            print("stancekit score: --resume needs -o FILE", file=sys.stderr)
            return 2
        out = sys.stdout
        header = True
    writer = RecordWriter(out, a.format, targets, header=header)  # writes the CSV header
    skip = journal.done if journal else set()
    pairs: list[int] = []  # input indexes of the documents in flight, in order
    failed = journal.earlier_errors if journal else 0

    def gen():
        for i, d in _indexed(docs, skip):
            pairs.append(i)
            yield d

    results = score_documents(gen(), jobs=a.jobs, model=model,
                              model_path=model_path, scheduler=a.scheduler, max_length=a.max_length,
                              serialize=(a.format, writer.fields))
    for scored in results:
        index = pairs.pop(0)
        out.write(scored.text)
        failed += scored.error
        if journal:
            journal.finished(index)
        progress.update(scored.statements, scored.error)
    progress.close()
    if journal:
        journal.commit()
    if failed:
        print(f"stancekit score: {failed} document(s) could not be scored (see their error records)",
              file=sys.stderr)
    return 1 if failed else 0
