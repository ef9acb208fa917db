"""Segmentation speed: linear in input size, including pathological inputs.

Usage:
  python benchmarks/bench_segment.py [--max-mb 10]   speed on article text and fixed odd inputs
  python benchmarks/bench_segment.py --pathological [--unit-kb 40] [--only NAME]
      each pathological pattern at n, 2n, 4n, 8n characters; prints the time ratio per doubling
      (goal: <= 2.5 on every pattern). Times are CPU seconds of the process, best of --repeat
      rounds that each time the four sizes in turn, so that other jobs on a shared machine move
      the ratios little.
  python benchmarks/bench_segment.py --memory [--memory-mb 50]
      peak memory (VmHWM) of a subprocess that segments ONE document of that size (goal: < 500 MB
      for 50 MB)
"""

from __future__ import annotations

import argparse
import gc
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import article_text, documents  # noqa: E402

import stancekit  # noqa: E402
from stancekit.attribution._coref import _LEX_MEMOS  # noqa: E402


def timed(text: str, repeat: int = 1, clock=time.perf_counter) -> float:
    """Best of ``repeat`` runs of :func:`stancekit.segment` on ``text``, in seconds of ``clock``.

    Each run starts from a collected heap, so that garbage left by the run before does not
    move the garbage collector's passes into this one, and from empty memos of names (the
    lexicon's memos, kept from one document to the next), as a new document of new names does:
    a run on a text whose names an earlier run had read took about half the time, and the
    doubling ratios mixed runs with and without them (docs/history/benchmarks.md, "Session 19: linearity")."""
    best = float("inf")
    for _ in range(repeat):
        _LEX_MEMOS.clear()
        gc.collect()
        t0 = clock()
        stancekit.segment(text, max_length=len(text) + 1)
        best = min(best, clock() - t0)
    return best


def _word(i: int) -> str:
    """A made-up capitalised word for ``i`` (distinct for distinct ``i``): 'Bakor', 'Dafun', ..."""
    cons, vows = "bdfgklmnprstvz", "aeiou"
    out = []
    while True:
        out.append(cons[i % 14] + vows[(i // 14) % 5])
        i //= 70
        if not i:
            break
    return "".join(out).capitalize()


def _repeat(unit: str):
    return lambda n: (unit * (n // len(unit) + 1))[:n]


def _numbered(fmt: str):
    """Sentences from a format with ``{w}`` (a distinct made-up word) and ``{i}``, up to ``n`` chars."""
    def make(n: int) -> str:
        parts, total, i = [], 0, 0
        while total < n:
            p = fmt.format(w=_word(i), v=_word(i + 7919), i=i)
            parts.append(p)
            total += len(p)
            i += 1
        return "".join(parts)[:n]
    return make


# Pathological patterns: each maps a size in characters to a document of about that size.
PATTERNS = {
    "descriptions ('A diplomat said ... The diplomat said')":
        _repeat("A diplomat said the treaty was good. The diplomat said the chair was fine. "),
    "descriptions, a paragraph each": _repeat("A diplomat said the treaty was good.\n\nThe diplomat said it.\n\n"),
    "descriptions with names between": _numbered("Ambassador Ivan {w} met them. The Russian ambassador said no. "),
    "many distinct names": _numbered("Anna {w} {v} said the plan was sound. "),
    "many distinct sentence-opening words": _numbered("{w} said so. "),
    "many pronouns after one name": lambda n: "Anna Keller spoke. " + _repeat("He said it was good. She agreed. ")(n),
    "many bodies": _numbered("The Ministry of {w} Affairs said no. The ministry said yes. "),
    "one sentence without punctuation": _repeat("the minister said that the plan was good and "),
    "one huge paragraph": lambda n: " ".join(" ".join(t.split()) for t in article_text(n).split("\n\n"))[:n],
    # The same 200 kB of our articles repeated: a doubling doubles the same content. (The plain
    # prefix of the joined corpus, article_text(n), adds other articles at each size, and with
    # them other work: see docs/benchmarks.md.)
    "article text": lambda n: _repeat(article_text(200_000) + "\n\n")(n),
    "many quotations": _repeat("“We agree,” he said. “It is good.” "),
    "unbalanced quotation marks": _repeat("“He said no. \"It was ‘fine. "),
    "quotations across paragraphs": _repeat("“We agree with the plan.\n\n“It is good,” Keller said.\n\n"),
    "many colons": _repeat("The minister was clear: “No.” Keller: yes. "),
    "transcript labels": _numbered("{w}: We agree.\nQ: Why?\nA: It is good.\n"),
    "a run of capitalised words": _numbered("{w} "),
    "capitalised words with periods": _numbered("{w} {v}. "),
    "titles repeated": _repeat("Deputy Foreign Minister "),
    "titles before a verb": _repeat("Deputy Foreign Minister Ambassador Envoy said. "),
    "'said' repeated": _repeat("said "),
    "a 1 MB line of sentences": _repeat("The treaty is good, the minister said. "),
    "nested parentheses": lambda n: "(" * (n // 2) + ")" * (n // 2),
    "parenthesised remarks": _repeat("Keller (of the ministry (in Vienna)) said (so). "),
    "abbreviations 'U.S.'": _repeat("U.S. "),
    "abbreviations mixed": _repeat("U.S. Mr. A. Gen. Dr. Jan. No. 5 "),
    "commas": _repeat("a, "),
    "appositions": _repeat("Keller, a diplomat, said, "),
    "according to": _repeat("According to the ministry, "),
    "in X's view": _repeat("In Keller's view "),
    "passives": _repeat("It was argued by Keller that "),
    "while-splits": _repeat(", while Keller said no"),
    "dots": _repeat("."),
    "apostrophes": _repeat("a’b’c "),
    "blank lines": _repeat("\n\n"),
    "metadata lines": _repeat("Publication: x\nBy Anna Keller\n"),
    "short title lines in one block": _numbered("{w} {v} Report\n"),
    "hard-wrapped lines in one block": _repeat("the minister said that the plan\nwas good and that the chair\n"),
    "names in one long sentence": _numbered("Anna {w} {v} and "),
    "'The' repeated before a name": lambda n: _repeat("The ")(n) + " Anna Keller said so.",
    "one quotation left open over a paragraph": lambda n: "“" + _repeat("The plan is good. ")(n),
    "whitespace runs": _repeat("said" + " " * 200 + "x. "),
    "hyphenated sentence-opening words": _numbered("{w}-{v} said so. {w} {v}. "),
}


def pathological(unit: int, only: str | None, repeat: int, min_seconds: float = 0.1) -> float:
    """Time every pattern at n, 2n, 4n and 8n characters; print the ratios; return the worst one.

    ``n`` is ``unit``, doubled (up to 32 times) while one run at ``n`` takes less than
    ``min_seconds``."""
    print(f"{'pattern':<46}{'n (chars)':>10}" + "".join(f"{f'{k}n (s)':>9}" for k in (1, 2, 4, 8))
          + f"{'ratios per doubling':>24}{'worst':>7}")
    worst_all = 0.0
    for name, make in PATTERNS.items():
        if only and only.lower() not in name.lower():
            continue
        n = unit
        while n < 32 * unit and timed(make(n), clock=time.process_time) < min_seconds:
            n *= 2  # a pattern that runs in a few milliseconds at n: its ratios would be noise
        # CPU time of this process, best of `repeat` rounds that each time all four sizes in turn:
        # the ratios measure the code, and a busy spell of the shared machine falls on every size.
        texts = [make(n * k) for k in (1, 2, 4, 8)]
        times = [float("inf")] * len(texts)
        for _ in range(repeat):
            times = [min(t, timed(x, 1, time.process_time)) for t, x in zip(times, texts)]
        ratios = [b / a for a, b in zip(times, times[1:])]
        worst = max(ratios)
        worst_all = max(worst_all, worst)
        print(f"{name[:45]:<46}{n:>10,}" + "".join(f"{t:>9.3f}" for t in times)
              + f"{' '.join(f'{r:.2f}' for r in ratios):>24}{worst:>7.2f}{'' if worst <= 2.5 else '  !'}", flush=True)
    print(f"worst ratio per doubling: {worst_all:.2f} (goal <= 2.5)")
    return worst_all


_MEMORY_CHILD = """
import sys
sys.path.insert(0, sys.argv[1])
from _corpus import article_text
import stancekit
text = article_text(int(sys.argv[2]))
def hwm():
    return next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM"))
before = hwm()
got = stancekit.segment(text, max_length=len(text) + 1)
print(before, hwm(), len(got), len(text.encode()))
"""


def memory(mb: float) -> None:
    """Peak resident memory of a fresh process that segments one document of ``mb`` MB."""
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _MEMORY_CHILD, str(Path(__file__).resolve().parent),
                          str(int(mb * 1_000_000))], capture_output=True, text=True, check=True).stdout.split()
    before, after, n, size = map(int, out)
    print(f"one document of {size / 1e6:.1f} MB: {n:,} statements in {time.perf_counter() - t0:.1f} s; "
          f"peak memory {after / 1024:.0f} MB (text read: {before / 1024:.0f} MB)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-mb", type=float, default=10)
    ap.add_argument("--pathological", action="store_true", help="time each pathological pattern, doubling")
    ap.add_argument("--unit-kb", type=float, default=40, help="--pathological: the smallest size n, in kB")
    ap.add_argument("--only", help="--pathological: patterns whose name contains this")
    ap.add_argument("--repeat", type=int, default=3, help="--pathological: best of this many runs")
    ap.add_argument("--memory", action="store_true", help="peak memory for one large document")
    ap.add_argument("--memory-mb", type=float, default=50)
    a = ap.parse_args()
    if a.pathological or a.memory:
        stancekit.segment("Warm-up. Lavrov said so.")
        if a.pathological:
            pathological(int(a.unit_kb * 1000), a.only, a.repeat)
        if a.memory:
            memory(a.memory_mb)
        return
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
