"""End-to-end throughput of `stancekit score` and peak memory versus input size.

Usage: python benchmarks/bench_score.py [--mb 5] [--repeat 1] [--memory-mb 1 100] [--skip-dask]
       python benchmarks/bench_score.py --one-doc-mb 50 [--memory-mb 50]

Builds JSONL inputs from our fixture articles (in a temporary directory),
runs the CLI in a subprocess with the shipped model, and reports MB/s of
text (wall time, and for ``--jobs 1`` MB per CPU second of the child: issue
#13's "per core" figure, which a shared machine's load does not move) and the
child's peak resident memory.

--one-doc-mb N: only the memory runs: ONE plain-text document of N MB (fixture
articles joined, repeated) scored with `stancekit score FILE -o OUT` (goal: peak
RSS under 500 MB for 50 MB), then each --memory-mb size as JSONL of many
documents; the script checks that the statements written are those of the
document.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import article_text, documents  # noqa: E402


def write_jsonl(path: Path, n_chars: int) -> int:
    size = 0
    with open(path, "w", encoding="utf-8") as f:
        for doc_id, text in documents(n_chars):
            f.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
            size += len(text.encode("utf-8"))
    return size


# The child's peak RSS: VmHWM of its own address space (ru_maxrss would also count the pages
# of this benchmark process, a Dask cluster's included, that the child had between fork and exec).
_PEAK = ("def peak():\n"
         "    try:\n"
         "        for line in open('/proc/self/status'):\n"
         "            if line.startswith('VmHWM:'): return int(line.split()[1])\n"
         "    except OSError: pass\n"
         "    import resource; return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n")


_LAST_CPU = [0.0]  # user + system CPU seconds of the last run's process (and of the children it waited for)


def run(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one `stancekit score` run in a fresh process (its CPU
    seconds in ``_LAST_CPU[0]``)."""
    code = (_PEAK + "import sys; sys.argv=['stancekit']+sys.argv[1:]\n"
            "from stancekit._cli import main\ntry:\n    rc=main(sys.argv[1:])\nfinally:\n"
            "    sys.stderr.write(f'MAXRSS {peak()}\\n')\nsys.exit(rc)")
    t0 = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter() - t0
    _LAST_CPU[0] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if p.returncode != 0:
        raise SystemExit(p.stderr)
    rss = [line for line in p.stderr.splitlines() if line.startswith("MAXRSS")]
    return wall, int(rss[-1].split()[1]) / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=5.0, help="input size for the throughput runs")
    ap.add_argument("--memory-mb", type=float, nargs="+", default=(1.0, 100.0))
    ap.add_argument("--repeat", type=int, default=1,
                    help="rounds of the throughput runs (each round runs every configuration once, in turn)")
    ap.add_argument("--skip-dask", action="store_true")
    ap.add_argument("--one-doc-mb", type=float, default=None,
                    help="memory runs only: one plain-text document of this many MB, then --memory-mb as JSONL")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if a.one_doc_mb is not None:
            one_document(tmp, a.one_doc_mb, a.memory_mb)
            return
        src = tmp / "in.jsonl"
        size = write_jsonl(src, int(a.mb * 1e6))
        mb = size / 1e6
        print(f"throughput on {mb:.1f} MB of article text ({os.cpu_count()} cores), {a.repeat} round(s)")
        configs = {"--jobs 1": ["--jobs", "1"], "--jobs 2": ["--jobs", "2"]}
        if not a.skip_dask:
            configs["dask, 2 local workers"] = ["--scheduler"]  # the address of a cluster started for the run
        walls: dict[str, list[float]] = {k: [] for k in configs}
        cpus: list[float] = []  # --jobs 1: CPU seconds (steadier than wall time on a shared machine)
        warm = tmp / "warm.jsonl"
        write_jsonl(warm, 20_000)
        run(["score", str(warm), "-o", str(tmp / "warm.out"), "--quiet", "--jobs", "2"])  # untimed: caches warm
        for r in range(a.repeat):
            for k, (name, extra) in enumerate(configs.items()):
                out = ["score", str(src), "-o", str(tmp / f"o{k}.jsonl"), "--quiet", *extra]
                if extra == ["--scheduler"]:
                    from distributed import LocalCluster
                    # Started only for its own run, so that its idle processes do not share the cores with
                    # the other runs; silence_logs: a worker's heartbeat can race the scheduler's shutdown.
                    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                      silence_logs=logging.CRITICAL) as cl:
                        wall, _rss = run(out + [cl.scheduler_address])
                else:
                    wall, _rss = run(out)
                    if name == "--jobs 1":
                        cpus.append(_LAST_CPU[0])
                walls[name].append(wall)
            same = len({(tmp / f"o{k}.jsonl").read_bytes() for k in range(len(configs))}) == 1
            print(f"  round {r + 1}: " + ", ".join(f"{n} {w[-1]:.1f} s" for n, w in walls.items())
                  + f"; identical records: {same}")
        one = walls["--jobs 1"]
        for name, w in walls.items():
            ratios = [o / x for o, x in zip(one, w)]  # paired within a round: drift on the machine cancels
            print(f"  {name}: best {min(w):.1f} s = {mb / min(w):.2f} MB/s, median {statistics.median(w):.1f} s = "
                  f"{mb / statistics.median(w):.2f} MB/s; speed-up of the best runs {min(one) / min(w):.2f}x, "
                  "within each round " + ", ".join(f"{x:.2f}x" for x in ratios))
        print(f"  --jobs 1 in CPU time: best {mb / min(cpus):.2f} MB per CPU second, median "
              f"{mb / statistics.median(cpus):.2f} (user + system, start-up included)")
        print("peak memory (resident, whole process) by input size, --jobs 1:")
        peaks = []
        for mb in a.memory_mb:
            f = tmp / f"mem{mb}.jsonl"
            s = write_jsonl(f, int(mb * 1e6))
            wall, rss = run(["score", str(f), "-o", str(tmp / "om.jsonl"), "--quiet"])
            peaks.append(rss)
            f.unlink()
            print(f"  {s / 1e6:7.1f} MB in: {rss:7.1f} MB peak RSS, {wall:7.1f} s")
        print(f"  ratio largest/smallest: {peaks[-1] / peaks[0]:.2f}")


def one_document(tmp: Path, mb: float, jsonl_mb: tuple[float, ...]) -> None:
    """Peak RSS and wall time of `stancekit score` on one long plain-text document, then on JSONL
    inputs of many documents, each in a fresh process (--jobs 1, output to a file)."""
    f = tmp / "one.txt"
    text = article_text(int(mb * 1e6))
    f.write_text(text, encoding="utf-8")
    size = len(text.encode("utf-8"))
    out = tmp / "one.jsonl"
    # the default --max-length (60,000,000 characters) reads a 50 MB document; a longer one needs the flag
    limit = ["--max-length", str(len(text) + 1)] if len(text) > 60_000_000 else []
    wall, rss = run(["score", str(f), "-o", str(out), "--quiet", *limit])
    n, ok = 0, True
    with open(out, encoding="utf-8") as o:
        for line in o:
            r = json.loads(line)
            n += 1
            ok = ok and "error" not in r and text[r["start"]:r["end"]] == r["text"]
    del text
    f.unlink()
    print(f"one document of {size / 1e6:.1f} MB, --jobs 1: {rss:.1f} MB peak RSS, {wall:.1f} s "
          f"({size / 1e6 / wall:.2f} MB/s); {n:,} statements written, offsets right: {ok}")
    for m in jsonl_mb:
        src = tmp / f"mem{m}.jsonl"
        s = write_jsonl(src, int(m * 1e6))
        wall, rss = run(["score", str(src), "-o", str(tmp / "om.jsonl"), "--quiet"])
        src.unlink()
        print(f"JSONL of many documents, {s / 1e6:.1f} MB, --jobs 1: {rss:.1f} MB peak RSS, {wall:.1f} s")


if __name__ == "__main__":
    main()
