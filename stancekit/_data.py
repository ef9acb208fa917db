"""Labelled data: SPEC section 6 folders and flat statement files (JSONL or CSV).

A SPEC folder holds ``<doc_id>.txt`` files and one ``annotations.jsonl``. A
folder may instead point at documents kept elsewhere (an article that is not
ours to copy): a file ``external_texts.txt`` beside ``annotations.jsonl``
lists directories, relative to the folder, to look in; annotations there may
leave out ``text``.

A flat file has one row per (statement, target): ``text``, ``target``,
``label`` and optionally ``context``, ``actor``, ``kind``, ``doc_id``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ._errors import DataError, location
from ._vectors import CONTEXT_STATEMENTS, StatementInput
from ._targets import LABELS
from ._segment import KINDS, paragraph_numbers

__all__ = ["LabelledStatement", "LabelledSet", "read_labelled", "validate_paths", "data_digest",
           "read_document", "CONTEXT_STATEMENTS", "stats_table"]



@dataclass(frozen=True)
class LabelledStatement:
    """One labelled statement; ``labels`` maps target id to label."""

    text: str
    labels: dict[str, str] = field(hash=False)
    context: str = ""
    kind: str = ""
    actor: str | None = None
    actor_aliases: tuple[str, ...] = ()
    ambiguous: bool = False
    doc_id: str | None = None
    start: int | None = None
    end: int | None = None
    source: str = ""
    complete: bool = False  # True for SPEC records: an omitted target means neutral
    paragraph: int = -1  # its paragraph in the document (SPEC records; see _segment.paragraph_numbers); -1 unknown

    def as_input(self) -> StatementInput:
        """The featurizer's input for this statement: its text, context, kind, actor, document and
        paragraph as annotated."""
        return StatementInput(self.text, self.context, self.kind, self.actor or "", self.doc_id or "", (),
                              self.paragraph)


@dataclass
class LabelledSet:
    """Statements and, for SPEC folders, the documents they come from."""

    statements: list[LabelledStatement]
    documents: dict[str, str]
    files: list[Path]

    def target_ids(self) -> list[str]:
        seen: dict[str, None] = {}
        for s in self.statements:
            for t in s.labels:
                seen.setdefault(t)
        return list(seen)

    def label_of(self, st: LabelledStatement, target: str) -> str | None:
        if target in st.labels:
            return st.labels[target]
        return "neutral" if st.complete else None

    def examples(self, target: str) -> tuple[list[StatementInput], list[str]]:
        """Featurizer inputs and labels of the statements labelled for ``target``.

        Labels are the :data:`LABELS` constants themselves, so that a fitted model pickles
        the same bytes whatever strings the data was parsed into.
        """
        X, y = [], []
        for s in self.statements:
            lab = self.label_of(s, target)
            if lab is not None:
                X.append(s.as_input())
                y.append(LABELS[LABELS.index(lab)])
        return X, y


def read_document(path: str | Path) -> str:
    """Read an article as SPEC section 5 says: UTF-8, a leading BOM dropped, newlines kept."""
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    return text[1:] if text.startswith("\ufeff") else text


def _expand(paths: Iterable[str | Path]) -> list[Path]:
    """SPEC folders and flat files under ``paths`` (a directory without annotations is searched)."""
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            if (p / "annotations.jsonl").is_file():
                out.append(p)
            else:
                found = sorted(q.parent for q in p.rglob("annotations.jsonl"))
                if not found:
                    raise DataError(f"{p}: no annotations.jsonl in this directory or below it")
                out.extend(found)
        elif p.is_file():
            if p.suffix.lower() not in (".jsonl", ".csv"):
                raise DataError(f"{p}: a labelled file must be .jsonl or .csv, or a folder with annotations.jsonl")
            out.append(p)
        else:
            raise DataError(f"{p}: no such file or directory")
    return out


def _json_objects(path: Path, lines: list[str], problems: list[str]):
    """``(line number, object)`` for each JSON object line; other lines become problems."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"{location(path, n)}: invalid JSON ({e.msg})")
            continue
        if not isinstance(rec, dict):
            problems.append(f"{location(path, n)}: expected a JSON object, got {type(rec).__name__}")
            continue
        yield n, rec


def _text_dirs(folder: Path) -> list[Path]:
    dirs = [folder]
    ext = folder / "external_texts.txt"
    if ext.is_file():
        for line in ext.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                dirs.append((folder / line).resolve())
    return dirs


def _read_spec_folder(folder: Path, known: set[str] | None, problems: list[str],
                      documents: dict[str, str]) -> list[LabelledStatement]:
    ann = folder / "annotations.jsonl"
    dirs = _text_dirs(folder)
    raw: list[tuple[int, dict]] = []
    try:
        lines = ann.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as e:
        problems.append(f"{ann}: not valid UTF-8 ({e.reason} at byte {e.start})")
        return []
    raw.extend(_json_objects(ann, lines, problems))
    by_doc: dict[str, list[tuple[int, dict]]] = defaultdict(list)
    for n, rec in raw:
        where = location(ann, n)
        ok = True
        doc_id = rec.get("doc_id")
        if not isinstance(doc_id, str) or not doc_id:
            problems.append(f"{where}: missing field 'doc_id'")
            continue
        for f in ("start", "end"):
            if not isinstance(rec.get(f), int) or isinstance(rec.get(f), bool):
                problems.append(f"{where}: field {f!r} must be an integer, got {rec.get(f)!r}")
                ok = False
        if "stances" not in rec or not isinstance(rec["stances"], dict):
            problems.append(f"{where}: missing field 'stances' (an object of target: label)")
            ok = False
        else:
            for t, lab in rec["stances"].items():
                if known is not None and t not in known:
                    problems.append(f"{where}: unknown target {t!r}; known targets: {', '.join(sorted(known))}")
                    ok = False
                if lab not in LABELS:
                    problems.append(f"{where}: unknown label {lab!r} for target {t!r}; allowed: {', '.join(LABELS)}")
                    ok = False
        kind = rec.get("kind")
        if kind is not None and kind not in KINDS:
            problems.append(f"{where}: unknown kind {kind!r}; allowed: {', '.join(KINDS)}")
            ok = False
        actor = rec.get("actor")
        if actor is not None and not isinstance(actor, str):
            problems.append(f"{where}: 'actor' must be a string or null, got {actor!r}")
            ok = False
        aliases = rec.get("actor_aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            problems.append(f"{where}: 'actor_aliases' must be a list of strings")
            ok = False
        if not isinstance(rec.get("ambiguous", False), bool):
            problems.append(f"{where}: 'ambiguous' must be true or false, got {rec.get('ambiguous')!r}")
            ok = False
        if "text" in rec and not isinstance(rec["text"], str):
            problems.append(f"{where}: 'text' must be a string")
            ok = False
        if ok:
            by_doc[doc_id].append((n, rec))
    out: list[LabelledStatement] = []
    for doc_id, recs in by_doc.items():
        doc_text = None
        for d in dirs:
            p = d / f"{doc_id}.txt"
            if p.is_file():
                try:
                    doc_text = read_document(p)
                except UnicodeDecodeError as e:
                    problems.append(f"{p}: not valid UTF-8 ({e.reason} at byte {e.start})")
                    doc_text = ""
                break
        if doc_text is None:
            looked = ", ".join(str(d) for d in dirs)
            problems.append(f"{location(ann, recs[0][0])}: document {doc_id}.txt not found (looked in {looked})")
            continue
        documents[doc_id] = doc_text
        prev_end = -1
        seen_spans = set()
        recs_ok = []
        for n, rec in recs:
            where = location(ann, n)
            s, e = rec["start"], rec["end"]
            if not (0 <= s < e <= len(doc_text)):
                problems.append(f"{where}: span [{s}, {e}) is outside document {doc_id} (length {len(doc_text)})")
                continue
            if (s, e) in seen_spans:
                problems.append(f"{where}: duplicate span [{s}, {e}) in document {doc_id}")
                continue
            seen_spans.add((s, e))
            if s < prev_end:
                problems.append(f"{where}: span [{s}, {e}) starts before the previous span of {doc_id} ends ({prev_end}): "
                                "spans must be in document order and must not overlap")
            prev_end = max(prev_end, e)
            if "text" in rec and rec["text"] != doc_text[s:e]:
                problems.append(f"{where}: 'text' does not match {doc_id}.txt[{s}:{e}] "
                                f"(file has {doc_text[s:e][:40]!r}, record has {rec['text'][:40]!r})")
                continue
            if not doc_text[s:e].strip():
                problems.append(f"{where}: span [{s}, {e}) is empty or whitespace")
                continue
            recs_ok.append((n, rec))
        texts = [doc_text[r["start"]:r["end"]] for _, r in recs_ok]
        paras = paragraph_numbers(doc_text, [(r["start"], r["end"]) for _, r in recs_ok])
        for i, (n, rec) in enumerate(recs_ok):
            ctx = " ".join(texts[max(0, i - CONTEXT_STATEMENTS):i])
            out.append(LabelledStatement(
                text=texts[i], labels=dict(rec["stances"]), context=ctx, kind=rec.get("kind") or "",
                actor=rec.get("actor"), actor_aliases=tuple(rec.get("actor_aliases", [])),
                ambiguous=bool(rec.get("ambiguous", False)), doc_id=doc_id, start=rec["start"],
                end=rec["end"], source=location(ann, n), complete=True, paragraph=paras[i],
            ))
    return out


_FLAT_FIELDS = ("text", "target", "label")


def _flat_row(rec: dict, where: str, known: set[str] | None, problems: list[str]) -> LabelledStatement | None:
    ok = True
    for f in _FLAT_FIELDS:
        v = rec.get(f)
        if v is None or (isinstance(v, str) and f != "text" and not v.strip()):
            problems.append(f"{where}: missing field {f!r}")
            ok = False
    if not ok:
        return None
    text, target, label = rec["text"], str(rec["target"]).strip(), str(rec["label"]).strip()
    if not isinstance(text, str) or not text.strip():
        problems.append(f"{where}: empty text")
        return None
    if label not in LABELS:
        problems.append(f"{where}: unknown label {label!r}; allowed: {', '.join(LABELS)}")
        return None
    if known is not None and target not in known:
        problems.append(f"{where}: unknown target {target!r}; known targets: {', '.join(sorted(known))}")
        return None
    kind = (rec.get("kind") or "").strip() if isinstance(rec.get("kind"), str) else ""
    if kind and kind not in KINDS:
        problems.append(f"{where}: unknown kind {kind!r}; allowed: {', '.join(KINDS)}")
        return None
    return LabelledStatement(text=text, labels={target: label}, context=str(rec.get("context") or ""),
                             kind=kind, actor=rec.get("actor") or None, doc_id=rec.get("doc_id") or None,
                             source=where)


def _read_flat(path: Path, known: set[str] | None, problems: list[str]) -> list[LabelledStatement]:
    out = []
    try:
        data = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as e:
        problems.append(f"{path}: not valid UTF-8 ({e.reason} at byte {e.start})")
        return []
    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(io.StringIO(data, newline=""))
        missing = [f for f in _FLAT_FIELDS if f not in (reader.fieldnames or [])]
        if missing:
            problems.append(f"{location(path, 1)}: CSV header lacks column(s) {', '.join(missing)}; "
                            f"required: text, target, label; optional: context, actor, kind, doc_id")
            return []
        line = 1
        for rec in reader:
            where = location(path, line + 1)
            line = reader.line_num
            row = _flat_row(rec, where, known, problems)
            if row:
                out.append(row)
        return out
    for n, rec in _json_objects(path, data.splitlines(), problems):
        if "stances" in rec and "label" not in rec:
            problems.append(f"{location(path, n)}: a SPEC annotation record in a flat file; "
                            "put annotations.jsonl in a folder with its .txt documents")
            continue
        row = _flat_row(rec, location(path, n), known, problems)
        if row:
            out.append(row)
    return out


def read_labelled(paths: Iterable[str | Path], known_targets: Iterable[str] | None = None,
                  *, strict: bool = True) -> tuple[LabelledSet, list[str]]:
    """Read labelled sets; return the set and the list of ``file:line: reason`` problems.

    With ``strict`` (the default), any problem raises :class:`DataError`.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    known = set(known_targets) if known_targets is not None else None
    problems: list[str] = []
    statements: list[LabelledStatement] = []
    documents: dict[str, str] = {}
    files = _expand(paths)
    for p in files:
        if p.is_dir():
            statements += _read_spec_folder(p, known, problems, documents)
        else:
            statements += _read_flat(p, known, problems)
    if strict and problems:
        raise DataError(problems)
    return LabelledSet(statements, documents, files), problems


def validate_paths(paths: Sequence[str | Path], known_targets: Iterable[str] | None = None) -> list[str]:
    """Every problem in the labelled sets under ``paths``, as ``file:line: reason``."""
    try:
        _, problems = read_labelled(paths, known_targets, strict=False)
    except DataError as e:
        return e.problems
    return problems


def data_digest(data: LabelledSet) -> str:
    """sha256 over the training statements and labels, independent of file order on disk."""
    h = hashlib.sha256()
    rows = sorted(
        json.dumps([s.doc_id, s.start, s.end, s.text, s.context, s.kind, sorted(s.labels.items()), s.complete],
                   ensure_ascii=False)
        for s in data.statements
    )
    for r in rows:
        h.update(r.encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()


def stats_table(data: LabelledSet, targets: Sequence[str]) -> str:
    """Markdown tables: counts per target x label, per kind, per genre and per document."""
    lines = []
    docs = {s.doc_id for s in data.statements if s.doc_id}
    lines.append(f"{len(docs)} documents, {len(data.statements)} statements "
                 f"({sum(s.ambiguous for s in data.statements)} marked ambiguous).\n")
    lines.append("| target | " + " | ".join(LABELS) + " |")
    lines.append("|---|" + "---|" * len(LABELS))
    for t in targets:
        c = Counter(data.label_of(s, t) for s in data.statements)
        lines.append(f"| {t} | " + " | ".join(str(c[lab]) for lab in LABELS) + " |")
    lines.append("")
    kinds = Counter(s.kind or "(none)" for s in data.statements)
    lines.append("| kind | statements |")
    lines.append("|---|---|")
    for k, v in sorted(kinds.items()):
        lines.append(f"| {k} | {v} |")
    lines.append("")
    genre: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    per_doc = Counter(s.doc_id for s in data.statements if s.doc_id)
    for d, n in per_doc.items():
        g = d.split("_", 1)[0] if "_" in d else "(other)"
        genre[g][0] += 1
        genre[g][1] += n
    if genre:
        lines.append("| genre | documents | statements |")
        lines.append("|---|---|---|")
        for g, (nd, ns) in sorted(genre.items()):
            lines.append(f"| {g} | {nd} | {ns} |")
        lines.append("")
        lines.append("| document | statements | " + " | ".join(f"{t} sup/que" for t in targets) + " |")
        lines.append("|---|---|" + "---|" * len(targets))
        for d in sorted(per_doc):
            sts = [s for s in data.statements if s.doc_id == d]
            cells = []
            for t in targets:
                c = Counter(data.label_of(s, t) for s in sts)
                cells.append(f"{c['supporting']}/{c['questioning']}")
            lines.append(f"| {d} | {per_doc[d]} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
