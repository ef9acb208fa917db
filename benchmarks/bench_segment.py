"""Segmentation speed: linear in input size, including pathological inputs.

Usage: python benchmarks/bench_segment.py [--max-mb 10]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import article_text, documents  # noqa: E402

import stancekit  # noqa: E402


def timed(text: str, repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        stancekit.segment(text, max_length=len(text) + 1)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-mb", type=float, default=10)
    a = ap.parse_args()
    stancekit.segment("Warm-up. Lavrov said so.")
    print(f"{'input':<44}{'chars':>12}{'seconds':>10}{'MB/s':>8}{'s per MB':>10}")
    sizes = [100_000, 300_000, 1_000_000, 3_000_000, 10_000_000]
    for n in [s for s in sizes if s <= a.max_mb * 1_000_000]:
        text = article_text(n)
        t = timed(text, repeat=3 if n <= 1_000_000 else 1)
        mb = len(text.encode()) / 1e6
        print(f"{'article text':<44}{len(text):>12,}{t:>10.3f}{mb / t:>8.2f}{t / mb:>10.3f}")
    # The same text as separate documents, as a batch run sees it (a long concatenation lets one
    # interview's speaker labels run over the articles after it, which is cheaper than real attribution).
    for n in [s for s in sizes if s <= a.max_mb * 1_000_000]:
        docs = list(documents(n))
        t = float("inf")
        for _ in range(3 if n <= 3_000_000 else 1):  # best of three, as for the joined text
            t0 = time.perf_counter()
            for doc_id, text in docs:
                stancekit.segment(text, doc_id)
            t = min(t, time.perf_counter() - t0)
        mb = sum(len(x.encode()) for _, x in docs) / 1e6
        chars = sum(len(x) for _, x in docs)
        print(f"{f'{len(docs)} separate articles':<44}{chars:>12,}{t:>10.3f}{mb / t:>8.2f}{t / mb:>10.3f}")
    cases = {
        "5 MB line, no punctuation": ("lorem ipsum dolor sit amet " * 200_000)[:5_000_000],
        "10,000 unbalanced quote marks": " ".join(["“He said", "\"no", "«maybe", "‘it"] * 2_500) + ".",
        "1 MB of dots": "." * 1_000_000,
        "1 MB of 'U.S. Mr. A. ' abbreviations": ("U.S. Mr. A. " * 100_000)[:1_000_000],
    }
    for name, text in cases.items():
        t = timed(text)
        mb = len(text.encode()) / 1e6
        print(f"{name:<44}{len(text):>12,}{t:>10.3f}{mb / t:>8.2f}{t / mb:>10.3f}")


if __name__ == "__main__":
    main()
