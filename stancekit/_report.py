"""``stancekit report``: who backs and who doubts each target, with evidence."""

from __future__ import annotations

import csv
import html
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ._data import _json_objects
from ._errors import DataError, location
from ._targets import LABELS

__all__ = ["ActorRow", "summarise", "render_text", "render_csv", "render_html", "report_command"]


@dataclass
class ActorRow:
    """One (actor, target) line of the report."""

    actor: str
    target: str
    counts: dict[str, int] = field(default_factory=lambda: {lab: 0 for lab in LABELS})
    evidence: dict[str, object] | None = None  # the most confident non-neutral statement (else neutral)
    documents: set[str] = field(default_factory=set)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def read_scored(path: str | Path) -> list[dict[str, object]]:
    """Statement records of a ``stancekit score`` JSONL file (error records are skipped)."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise DataError(f"{p}: cannot read ({e.strerror})") from None
    except UnicodeDecodeError as e:
        raise DataError(f"{p}: not valid UTF-8 ({e.reason} at byte {e.start})") from None
    problems: list[str] = []
    out = []
    for n, rec in _json_objects(p, lines, problems):
        if "error" in rec or ("statements" in rec and "statement_id" not in rec):
            continue  # a document that failed, or one without statements
        if not isinstance(rec.get("stances"), dict):
            problems.append(f"{location(p, n)}: no 'stances': is this the output of `stancekit score`?")
            continue
        out.append(rec)
    if problems:
        raise DataError(problems)
    return out


def summarise(records: list[dict[str, object]], min_statements: int = 1) -> list[ActorRow]:
    """Rows per (actor, target), most statements first. The article's own voice is "(author)"."""
    rows: dict[tuple[str, str], ActorRow] = {}
    for rec in records:
        actor = rec.get("actor") or "(author)"
        for t, s in rec["stances"].items():
            row = rows.setdefault((actor, t), ActorRow(actor, t))
            lab = s["label"]
            row.counts[lab] = row.counts.get(lab, 0) + 1
            row.documents.add(str(rec.get("doc_id")))
            score = (lab != "neutral", float(s["confidence"]))
            if row.evidence is None or score > row.evidence["_score"]:
                row.evidence = {"_score": score, "label": lab, "confidence": float(s["confidence"]),
                                "doc_id": rec.get("doc_id"), "statement_id": rec.get("statement_id"),
                                "text": rec.get("text"), "terms": [str(x) for x in s.get("evidence") or []]}
    out = [r for r in rows.values() if r.total >= min_statements]
    out.sort(key=lambda r: (r.target, -(r.counts["supporting"] + r.counts["questioning"]), -r.total, r.actor))
    return out


def _terms(ev: dict[str, object]) -> str:
    """The strongest statement's evidence terms (``score --explain``), joined by "; "."""
    return "; ".join(ev.get("terms") or [])


def render_text(rows: list[ActorRow], width: int = 60, explain: bool = False) -> str:
    lines = [f"{'target':<14}{'actor':<32}{'sup':>5}{'que':>5}{'neu':>5}  evidence"]
    for r in rows:
        ev = r.evidence or {}
        text = str(ev.get("text") or "").replace("\n", " ")
        if len(text) > width:
            text = text[: width - 1] + "…"
        why = f" <- {_terms(ev)}" if explain and _terms(ev) else ""
        lines.append(f"{r.target:<14}{r.actor[:31]:<32}{r.counts['supporting']:>5}{r.counts['questioning']:>5}"
                     f"{r.counts['neutral']:>5}  [{ev.get('label', '')} {ev.get('confidence', 0):.2f}] {text}{why}")
    return "\n".join(lines) + "\n"


def render_csv(rows: list[ActorRow], stream, explain: bool = False) -> None:
    w = csv.writer(stream, lineterminator="\n")
    w.writerow(["target", "actor", "supporting", "questioning", "neutral", "documents",
                "evidence_label", "evidence_confidence", "evidence_statement_id", "evidence_text"]
               + (["evidence_terms"] if explain else []))
    for r in rows:
        ev = r.evidence or {}
        w.writerow([r.target, r.actor, r.counts["supporting"], r.counts["questioning"], r.counts["neutral"],
                    len(r.documents), ev.get("label"), round(float(ev.get("confidence", 0)), 4),
                    ev.get("statement_id"), ev.get("text")] + ([_terms(ev)] if explain else []))


_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem;color:#1d1d1f;background:#fff}
h1{font-size:1.4rem} h2{font-size:1.1rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border-bottom:1px solid #ddd;padding:.4rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f6;position:sticky;top:0}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.bar{display:flex;height:.7rem;width:9rem;border-radius:3px;overflow:hidden;background:#eee}
.sup{background:#2e7d32}.que{background:#c62828}.neu{background:#9e9e9e}
.lab-supporting{color:#2e7d32;font-weight:600}.lab-questioning{color:#c62828;font-weight:600}
.lab-neutral{color:#666}
blockquote{margin:0;color:#333}
.why{margin:.2rem 0 0;color:#555;font-size:.85rem}
"""


def render_html(rows: list[ActorRow], title: str = "stancekit report", explain: bool = False) -> str:
    """One self-contained HTML page (inline CSS, no scripts, no network assets)."""
    e = html.escape
    parts = [f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{e(title)}</title>",
             f"<style>{_CSS}</style></head><body><h1>{e(title)}</h1>",
             "<p>Per actor and target: how many statements support, question or are neutral toward the "
             "target, and the most confident stance-taking statement as evidence. \"(author)\" is the "
             "articles' own voice.</p>"]
    targets = sorted({r.target for r in rows})
    for t in targets:
        parts.append(f"<h2>Target: {e(t)}</h2><table><thead><tr><th>Actor</th><th>Supporting</th>"
                     "<th>Questioning</th><th>Neutral</th><th>Balance</th><th>Documents</th><th>Evidence</th></tr></thead><tbody>")
        for r in (r for r in rows if r.target == t):
            tot = max(r.total, 1)
            bar = "".join(f"<span class=\"{c}\" style=\"width:{100 * r.counts[lab] / tot:.1f}%\"></span>"
                          for c, lab in (("sup", "supporting"), ("que", "questioning"), ("neu", "neutral")))
            ev = r.evidence or {}
            parts.append(
                f"<tr><td>{e(r.actor)}</td><td class=\"n\">{r.counts['supporting']}</td>"
                f"<td class=\"n\">{r.counts['questioning']}</td><td class=\"n\">{r.counts['neutral']}</td>"
                f"<td><div class=\"bar\">{bar}</div></td><td class=\"n\">{len(r.documents)}</td>"
                f"<td><span class=\"lab-{e(str(ev.get('label', '')))}\">{e(str(ev.get('label', '')))}</span> "
                f"({float(ev.get('confidence', 0)):.2f}, {e(str(ev.get('statement_id', '')))})"
                f"<blockquote>{e(str(ev.get('text') or ''))}</blockquote>"
                + (f"<p class=\"why\">Decided by: {e(_terms(ev))}</p>" if explain and _terms(ev) else "")
                + "</td></tr>")
        parts.append("</tbody></table>")
    parts.append("</body></html>\n")
    return "".join(parts)


def report_command(a) -> int:
    from ._batch import atomic_output
    from ._cli import check_output
    check_output(a.csv, "--csv")
    check_output(a.html, "--html")
    records = read_scored(a.scored)
    rows = summarise(records, a.min_statements)
    explain = bool(getattr(a, "explain", False))
    if explain and records and not any("evidence" in s for rec in records for s in rec["stances"].values()):
        print(f"stancekit report: {a.scored} has no evidence; score with --explain to get it", file=sys.stderr)
    if a.csv:
        if a.csv == "-":
            render_csv(rows, sys.stdout, explain)
        else:
            f, commit = atomic_output(Path(a.csv))
            render_csv(rows, f, explain)
            commit()
    if a.html:
        f, commit = atomic_output(Path(a.html))
        f.write(render_html(rows, title=f"stancekit report: {Path(a.scored).name}", explain=explain))
        commit()
    files = [f for f in (a.csv, a.html) if f and f != "-"]
    if files:  # the table went to the files: a one-line summary here
        print(f"stancekit report: {len(rows)} (actor, target) rows from {len(records)} statements written to "
              f"{' and '.join(files)}", file=sys.stderr if a.csv == "-" else sys.stdout)
    elif a.csv != "-":
        sys.stdout.write(render_text(rows, explain=explain))
    return 0
