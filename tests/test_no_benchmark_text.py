"""No benchmark text in the repo: no line of the repo's own text files shares a run of eight
words with PolNeAR's training articles or with the seed article.

Neither text is ours to copy (``/work/shared/SPEC.md``), and earlier sessions left benchmark
sentences in docs, golden test rows and code comments. Every example in the repo is freshly
invented text; this test holds that line. It reads PolNeAR with
:func:`stancekit.attribution._corpus.read_polnear_tar` from ``../shared/benchmarks/polnear/`` and the
seed from ``../shared/seed/`` (as the other tests find ``../shared``), keeps a hash of every run of
:data:`RUN` lowercase words (tokens ``[A-Za-z0-9']+``), and scans the repo's text files, a run
within a line or across line breaks (docs wrap their examples).

One exception, in ``fixtures/`` only (:data:`FIXTURE_FACTS`): the fixture articles, written fresh about
the same 2010 events as the seed, name the Astana summit as any report of it did, in a run of ten
words the seed shares; the allowed runs are kept as SHA-1 digests, so that this file does not hold
them either.

Out of scope: runs shorter than eight words (a six-word run may be a body's name any text would
use: "the Collective Security Treaty Organization"), paraphrases, and texts other than PolNeAR's
training archive and the seed. The failure message names ``file:line`` and the repo's own line,
never a benchmark text beyond it.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED, SHARED

POLNEAR = SHARED / "benchmarks" / "polnear" / "train.tar.gz"
RUN = 8
_WORD = re.compile(r"[A-Za-z0-9']+")
SCANNED = ("README.md", "docs", "tests", "stancekit", "benchmarks", "fixtures")
SUFFIXES = (".md", ".py", ".txt", ".tsv", ".json", ".jsonl")
# The first 16 hex digits of the SHA-1 of each allowed run (its words joined by one space): the three
# runs of eight words in the seed's ten-word designation of the 2010 summit (its host, the
# organisation, the city and year of the summit before), which fixtures/train's articles repeat.
FIXTURE_FACTS = frozenset({"56cafbf0d70ea023", "914aefbeb4b42f13", "c0ccbe7970944274"})


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _runs(words: list[str]) -> list[int]:
    """The hash of each run of :data:`RUN` consecutive words, in order."""
    return [hash(tuple(words[i:i + RUN])) for i in range(len(words) - RUN + 1)]


def _digest(run: list[str]) -> str:
    return hashlib.sha1(" ".join(run).encode("utf-8")).hexdigest()[:16]


def _shared_lines(text: str, benchmark_runs: set[int],
                  allowed: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """The lines (first, last; from 1) of each run of ``text``'s words, within a line or across line
    breaks, that a benchmark text holds, less the runs whose digest is ``allowed``; one per first line."""
    words: list[str] = []
    line_of: list[int] = []
    for n, line in enumerate(text.splitlines(), 1):
        w = _words(line)
        words += w
        line_of += [n] * len(w)
    found: dict[int, int] = {}
    for i, h in enumerate(_runs(words)):
        if h in benchmark_runs and _digest(words[i:i + RUN]) not in allowed:
            found.setdefault(line_of[i], line_of[i + RUN - 1])
    return sorted(found.items())


def _repo_files() -> list[Path]:
    files: list[Path] = []
    for name in SCANNED:
        p = ROOT / name
        if p.is_file():
            files.append(p)
        elif p.is_dir():
            files += sorted(f for f in p.rglob("*") if f.is_file() and f.name.endswith(SUFFIXES))
    return files


@pytest.fixture(scope="module")
def benchmark_runs() -> set[int]:
    if not POLNEAR.is_file():
        pytest.skip(f"PolNeAR's training archive lives outside the repo and is not here ({POLNEAR}): "
                    "nothing to compare the repo's text with")
    from stancekit.attribution._corpus import read_polnear_tar

    runs: set[int] = set()
    for doc in read_polnear_tar(POLNEAR):
        runs.update(_runs(_words(doc.text)))
    if SEED.is_file():
        runs.update(_runs(_words(SEED.read_text(encoding="utf-8"))))
    return runs


def test_runs_are_hashed_on_lowercase_word_tokens():
    """Case, punctuation and spacing do not hide a run; a shorter run is not one."""
    a = _runs(_words("One, two: THREE four-five six\tseven eight nine."))
    b = _runs(_words("one two three four five six seven eight nine"))
    assert a == b and len(a) == 2
    assert _runs(_words("one two three four five six seven")) == []


def test_runs_across_line_breaks_and_allowed_runs():
    """A run is found across a line break, at its first line; an allowed run alone is not reported,
    a line with another shared run is."""
    shared = set(_runs(_words("a b c d e f g h i")))
    assert _shared_lines("x a b c\nd e f g h\ny", shared) == [(1, 2)]
    assert _shared_lines("x a b c\nd e f g h\ny", shared, frozenset({_digest(_words("a b c d e f g h"))})) == []
    assert _shared_lines("a b c d e f g h i", shared, frozenset({_digest(_words("a b c d e f g h"))})) == [(1, 1)]
    assert _shared_lines("a b c d\ne f g\n", shared) == []


def test_no_repo_line_shares_an_eight_word_run_with_a_benchmark_text(benchmark_runs):
    hits = []
    for path in _repo_files():
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError:
            continue
        allowed = FIXTURE_FACTS if path.relative_to(ROOT).parts[0] == "fixtures" else frozenset()
        for first, last in _shared_lines("\n".join(lines), benchmark_runs, allowed):
            where = f"{first}" if first == last else f"{first}-{last}"
            hits.append(f"{path.relative_to(ROOT)}:{where}: {lines[first - 1].strip()[:160]}")
    assert not hits, (f"{len(hits)} place(s) in the repo share a run of {RUN} words with PolNeAR or the seed "
                      "article; rewrite them with freshly invented text:\n" + "\n".join(hits))
