"""CPU time per MB of `stancekit score`, for comparing code versions on a shared machine.

Usage: python benchmarks/bench_cpu.py [--mb 1] [--cli-mb 3] [--rounds 3] [TREE ...]

Wall time on a machine shared by several jobs mostly measures the other jobs; the CPU time a
process spends is steadier. For each source tree given (a checkout of this repository, for
instance ``git worktree add /tmp/old e4afd43``; none: this one), in turn and round after
round so that the machine's drift falls on all of them alike, a fresh process reports:

- segmentation, CPU seconds per MB: ``segment()`` over ``--mb`` of our fixture articles
  (``benchmarks/_corpus.py``), with the default attribution and with the rules alone, best of
  three passes after a warm-up pass;
- labelling, CPU seconds per MB: the shipped model's labels for those statements, in batches of
  64 documents as ``stancekit score`` makes them, best of three passes after a warm-up;
- end to end: the user + system CPU of ``stancekit score --jobs 1`` on ``--cli-mb`` of JSONL,
  start-up included, as MB per CPU second.

Each tree is imported from its own directory (``PYTHONPATH``) and scores with its own models.
The figures are the best and the median over the rounds.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _corpus import documents  # noqa: E402

_IN_PROCESS = r"""
import inspect, json, sys, time
sys.path.insert(0, sys.argv[2])
from _corpus import documents
from stancekit import segment
from stancekit._scorer import load_scoring_model
docs = list(documents(int(float(sys.argv[1]) * 1e6)))
mb = sum(len(t.encode("utf-8")) for _, t in docs) / 1e6
rules = {"attribution": None} if "attribution" in inspect.signature(segment).parameters else None
model = load_scoring_model(None)

def best(fn):
    fn()  # warm-up: memos, lazily built indexes
    times = []
    for _ in range(3):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return min(times) / mb

segmented = [segment(t, i) for i, t in docs]
out = {"segment": best(lambda: [segment(t, i) for i, t in docs])}
if rules is not None:
    out["segment_rules"] = best(lambda: [segment(t, i, **rules) for i, t in docs])
batches = [[s for sts in segmented[k : k + 64] for s in sts] for k in range(0, len(segmented), 64)]
out["label"] = best(lambda: [model._best(b) for b in batches])
print(json.dumps(out))
"""


def in_process(tree: Path | None, mb: float) -> dict[str, float]:
    env = dict(os.environ)
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
    p = subprocess.run([sys.executable, "-c", _IN_PROCESS, str(mb), str(HERE)], env=env, capture_output=True,
                       text=True, cwd=tempfile.gettempdir())
    if p.returncode != 0:
        raise SystemExit(p.stderr)
    return json.loads(p.stdout.strip().splitlines()[-1])


def cli_cpu(tree: Path | None, src: Path, out: Path) -> float:
    """User + system CPU seconds of one `stancekit score --jobs 1` run in a fresh process."""
    env = dict(os.environ)
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
    out.unlink(missing_ok=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run([sys.executable, "-m", "stancekit", "score", str(src), "-o", str(out), "--quiet", "--jobs", "1"],
                       env=env, capture_output=True, text=True, cwd=tempfile.gettempdir())
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        raise SystemExit(p.stderr)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("trees", nargs="*", type=Path, help="source trees to compare (default: this one)")
    ap.add_argument("--mb", type=float, default=1.0, help="article text for the in-process figures")
    ap.add_argument("--cli-mb", type=float, default=3.0, help="JSONL input of the end-to-end runs (0: none)")
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    trees: list[Path | None] = [t.resolve() for t in a.trees] or [None]
    names = [str(t) if t is not None else "this tree" for t in trees]
    res: dict[str, dict[str, list[float]]] = {n: {} for n in names}
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        size = 0
        if a.cli_mb:
            with open(src, "w", encoding="utf-8") as f:
                for doc_id, text in documents(int(a.cli_mb * 1e6)):
                    f.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
                    size += len(text.encode("utf-8"))
        for r in range(a.rounds):
            for tree, name in zip(trees, names):
                figs = in_process(tree, a.mb)
                if a.cli_mb:
                    figs["cli_mb_per_cpu_s"] = size / 1e6 / cli_cpu(tree, src, Path(tmp) / "out.jsonl")
                for k, v in figs.items():
                    res[name].setdefault(k, []).append(v)
                print(f"round {r + 1}, {name}: " + ", ".join(f"{k} {v:.3f}" for k, v in figs.items()), flush=True)
    print(f"CPU seconds per MB in one process ({a.mb:g} MB of article text; best / median of {a.rounds} rounds)"
          + (f"; end to end, MB per CPU second of `score --jobs 1` on {size / 1e6:.1f} MB" if a.cli_mb else ""))
    for name in names:
        parts = []
        for k, v in res[name].items():
            best = max(v) if k == "cli_mb_per_cpu_s" else min(v)
            parts.append(f"{k} {best:.3f} / {statistics.median(v):.3f}")
        print(f"  {name}: " + "; ".join(parts))


if __name__ == "__main__":
    main()
