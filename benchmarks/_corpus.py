"""Benchmark inputs built from our own fixture articles (never from ../shared)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def fixture_texts() -> list[str]:
    texts = []
    for split in ("train", "dev"):
        for p in sorted((ROOT / "fixtures" / split).glob("*.txt")):
            texts.append(p.read_text(encoding="utf-8"))
    return texts


def article_text(n_chars: int) -> str:
    """About ``n_chars`` of article text: fixture articles joined by blank lines, repeated."""
    texts = fixture_texts()
    parts, total, i = [], 0, 0
    while total < n_chars:
        t = texts[i % len(texts)]
        parts.append(t)
        total += len(t) + 2
        i += 1
    return "\n\n".join(parts)[:n_chars]


def documents(n_chars: int):
    """(id, text) pairs totalling about ``n_chars``."""
    texts = fixture_texts()
    total, i = 0, 0
    while total < n_chars:
        t = texts[i % len(texts)]
        yield (f"doc{i:07d}", t)
        total += len(t)
        i += 1
