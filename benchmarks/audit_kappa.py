"""Cohen's kappa of the blind label audit (fixtures/audit/blind_audit.jsonl).

Each line holds a statement's offsets, the first (gold, before any mending)
labels and the blind second labels. A line may carry ``"round": N``; lines
without it belong to round 1 (the 160 statements re-labelled by a second
annotator). The figures are printed for every round and for all rounds pooled.

Usage: python benchmarks/audit_kappa.py
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

LABELS = ("supporting", "questioning", "neutral")
AUDIT = Path(__file__).resolve().parents[1] / "fixtures" / "audit" / "blind_audit.jsonl"


def kappa(x: list[str], y: list[str]) -> tuple[float, float | None]:
    """Observed agreement and Cohen's kappa; kappa is None (undefined) when chance agreement is 1,
    i.e. both annotators gave every statement the same one label."""
    n = len(x)
    po = sum(a == b for a, b in zip(x, y)) / n
    cx, cy = Counter(x), Counter(y)
    pe = sum(cx[lab] * cy[lab] for lab in LABELS) / (n * n)
    if pe == 1.0:
        return po, None
    return po, (po - pe) / (1 - pe)


def main() -> None:
    rows = [json.loads(line) for line in AUDIT.read_text(encoding="utf-8").splitlines()]
    rounds = sorted({r.get("round", 1) for r in rows})
    groups = [(f"round {n}", [r for r in rows if r.get("round", 1) == n]) for n in rounds]
    if len(rounds) > 1:
        groups.append(("all rounds", rows))
    for name, group in groups:
        print(f"{name}: {len(group)} statements re-labelled blind")
        for t in ("treaty", "chairmanship"):
            po, k = kappa([r["first"][t] for r in group], [r["second"][t] for r in group])
            shown = "n/a (one label only)" if k is None else f"{k:.3f}"
            print(f"  {t:<13} agreement {po:.3f}  kappa {shown}")


if __name__ == "__main__":
    main()
