"""Labelled attribution data: brat standoff (PolNeAR's Source / Cue / Content) and SPEC section 6 folders.

Both read into :class:`AttributedDoc`: a document's text and its attributions, each with the
character spans of its source, cue and content. A SPEC section 6 folder has no cue or source
spans: its statements give the content span, and the first mention of the actor (or one of
its aliases) inside the statement, when there is one, gives the source (see
:func:`read_spec_folder`). Out of scope: brat relations other than ``Attribution`` events,
and nested attributions beyond what the spans say.
"""

from __future__ import annotations

import re
import tarfile
from dataclasses import dataclass, field
from pathlib import Path

from .._errors import DataError, location

__all__ = ["Attribution", "AttributedDoc", "read_brat_folder", "read_polnear_tar", "read_spec_folder",
           "parse_brat", "read_any"]

Span = tuple[int, int]


@dataclass(frozen=True)
class Attribution:
    """One gold attribution: spans of its source, cue and content (each possibly discontinuous)."""

    source: tuple[Span, ...]
    cue: tuple[Span, ...]
    content: tuple[Span, ...]


@dataclass
class AttributedDoc:
    """A document's text and its gold attributions."""

    doc_id: str
    text: str
    attributions: list[Attribution] = field(default_factory=list)
    # Spans of statements labelled as the article's own voice (SPEC folders only): negatives.
    narrative: list[Span] = field(default_factory=list)


_T_LINE = re.compile(r"T(\d+)\t([\w-]+) (\d+ \d+(?:;\d+ \d+)*)\t")
_E_LINE = re.compile(r"E\d+\t(.*)")


def parse_brat(ann: str, text: str, doc_id: str, where: str = "<ann>") -> AttributedDoc:
    """Read one brat standoff file (``T`` spans of type Source / Cue / Content, ``E`` Attribution events).

    Raises
    ------
    DataError
        A span runs past the end of the text, or an event names a span that is not defined.
    """
    spans: dict[str, tuple[str, tuple[Span, ...]]] = {}
    events: list[tuple[int, str]] = []
    problems = []
    for lineno, line in enumerate(ann.splitlines(), 1):
        m = _T_LINE.match(line)
        if m:
            parts = tuple(tuple(int(x) for x in p.split()) for p in m.group(3).split(";"))
            if any(s > e or e > len(text) for s, e in parts):
                problems.append(f"{location(where, lineno)}: span {m.group(3)!r} is outside the text "
                                f"({len(text)} characters)")
                continue
            spans["T" + m.group(1)] = (m.group(2), parts)  # type: ignore[assignment]
            continue
        m = _E_LINE.match(line)
        if m:
            events.append((lineno, m.group(1)))
    doc = AttributedDoc(doc_id, text)
    for lineno, body in events:
        roles: dict[str, tuple[Span, ...]] = {}
        for arg in body.split():
            role, _, ref = arg.partition(":")
            role = role.rstrip("0123456789")
            if ref not in spans:
                problems.append(f"{location(where, lineno)}: event names {ref!r}, which is not a defined span")
                continue
            roles[role] = roles.get(role, ()) + spans[ref][1]
        if "Content" in roles or "Cue" in roles:
            doc.attributions.append(Attribution(roles.get("Source", ()), roles.get("Cue", ()),
                                                roles.get("Content", ())))
    if problems:
        raise DataError(problems)
    return doc


def _first_per_doc(names: list[str]) -> dict[str, str]:
    """``<doc>_<annotator>.ann`` -> the first file in sorted order for each doc."""
    chosen: dict[str, str] = {}
    for name in sorted(names):
        stem = name.rsplit("/", 1)[-1][: -len(".ann")]
        doc = stem.rsplit("_", 1)[0] if "_" in stem else stem
        chosen.setdefault(doc, name)
    return chosen


def read_polnear_tar(path: str | Path) -> list[AttributedDoc]:
    """PolNeAR's ``train.tar.gz`` (``polnear-train/text/<doc>.txt``,
    ``polnear-train/attributions/<doc>_<annotator>.ann``), read in place: one annotation file
    per article, the first in sorted order; documents sorted by id."""
    texts: dict[str, str] = {}
    anns: dict[str, str] = {}
    with tarfile.open(path, "r:*") as tar:
        for member in tar:
            if not member.isfile():
                continue
            name = member.name
            f = tar.extractfile(member)
            if f is None:
                continue
            if "/text/" in name and name.endswith(".txt"):
                texts[name.rsplit("/", 1)[-1][:-4]] = f.read().decode("utf-8")
            elif "/attributions/" in name and name.endswith(".ann"):
                anns[name] = f.read().decode("utf-8")
    docs = []
    for doc_id, name in sorted(_first_per_doc(list(anns)).items()):
        if doc_id in texts:
            docs.append(parse_brat(anns[name], texts[doc_id], doc_id, name))
    return docs


def read_brat_folder(path: str | Path) -> list[AttributedDoc]:
    """A folder of brat standoff: ``<doc>.txt`` with ``<doc>.ann`` or ``<doc>_<annotator>.ann``
    (searched recursively; one annotation file per document, the first in sorted order)."""
    root = Path(path)
    texts = {p.stem: p for p in root.rglob("*.txt")}
    anns = [str(p) for p in root.rglob("*.ann")]
    docs = []
    by_stem = {Path(a).stem: a for a in anns}
    chosen = {}
    for stem in sorted(texts):
        if stem in by_stem:
            chosen[stem] = by_stem[stem]
    for doc, name in _first_per_doc(anns).items():
        chosen.setdefault(doc, name)
    for doc_id, ann in sorted(chosen.items()):
        if doc_id not in texts:
            continue
        text = texts[doc_id].read_text(encoding="utf-8")
        docs.append(parse_brat(Path(ann).read_text(encoding="utf-8"), text, doc_id, ann))
    return docs


def _find_word(text: str, phrase: str, start: int, end: int) -> Span | None:
    m = re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", re.IGNORECASE).search(text, start, end)
    return (m.start(), m.end()) if m else None


def read_spec_folder(path: str | Path) -> list[AttributedDoc]:
    """A SPEC section 6 labelled set (``<doc_id>.txt`` files and ``annotations.jsonl``).

    A statement with an actor gives an attribution whose content is the statement and whose
    source is the first mention, inside the statement, of the actor or of its aliases (longest
    first); a statement of the article's own voice gives a negative span. Cues are not
    annotated in this format: the trainer takes them from the speech-verb list.
    """
    from .._data import read_labelled  # the SPEC section 6 reader, with its checks

    data, _ = read_labelled([Path(path)])
    docs = {d: AttributedDoc(d, t) for d, t in sorted(data.documents.items())}
    for row in data.statements:
        doc = docs.get(row.doc_id or "")
        if doc is None or row.start is None or row.end is None:
            continue
        span = (row.start, row.end)
        actor = row.actor
        if not actor:
            doc.narrative.append(span)
            continue
        names = sorted({actor, *row.actor_aliases}, key=lambda n: (-len(n), n))
        names += sorted({n.split()[-1] for n in names if n.split()}, key=lambda n: (-len(n), n))
        src = None
        for name in names:
            src = _find_word(doc.text, name, *span)
            if src:
                break
        doc.attributions.append(Attribution((src,) if src else (), (), (span,)))
    return list(docs.values())


def read_any(path: str | Path) -> list[AttributedDoc]:
    """PolNeAR's tarball, a SPEC section 6 folder (``annotations.jsonl``) or a brat folder."""
    p = Path(path)
    if p.is_file() and (p.name.endswith((".tar.gz", ".tgz", ".tar"))):
        return read_polnear_tar(p)
    if p.is_dir() and (p / "annotations.jsonl").is_file():
        return read_spec_folder(p)
    if p.is_dir() and any(p.rglob("*.ann")):
        return read_brat_folder(p)
    raise DataError(f"{p}: not a labelled attribution set (expected a .tar.gz of brat standoff, a folder "
                    "with annotations.jsonl (SPEC section 6) or a folder of .txt/.ann brat files)")
