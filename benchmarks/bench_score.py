"""End-to-end throughput of `stancekit score` and peak memory versus input size.

Usage: python benchmarks/bench_score.py [--mb 5] [--memory-mb 1 100] [--skip-dask]

Builds JSONL inputs from our fixture articles (in a temporary directory),
runs the CLI in a subprocess with the shipped model, and reports MB/s of
text and the child's peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import documents  # noqa: E402


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


def run(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one `stancekit score` run in a fresh process."""
    code = (_PEAK + "import sys; sys.argv=['stancekit']+sys.argv[1:]\n"
            "from stancekit._cli import main\ntry:\n    rc=main(sys.argv[1:])\nfinally:\n"
            "    sys.stderr.write(f'MAXRSS {peak()}\\n')\nsys.exit(rc)")
    t0 = time.perf_counter()
    p = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        raise SystemExit(p.stderr)
    rss = [line for line in p.stderr.splitlines() if line.startswith("MAXRSS")]
    return wall, int(rss[-1].split()[1]) / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=5.0, help="input size for the throughput runs")
    ap.add_argument("--memory-mb", type=float, nargs=2, default=(1.0, 100.0))
    ap.add_argument("--skip-dask", action="store_true")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        src = tmp / "in.jsonl"
        size = write_jsonl(src, int(a.mb * 1e6))
        print(f"throughput on {size / 1e6:.1f} MB of article text ({os.cpu_count()} cores)")
        base = None
        for jobs in (1, 2):
            wall, rss = run(["score", str(src), "-o", str(tmp / f"o{jobs}.jsonl"), "--quiet", "--jobs", str(jobs)])
            base = base or wall
            print(f"  --jobs {jobs}: {wall:7.1f} s  {size / 1e6 / wall:5.2f} MB/s  speed-up {base / wall:4.2f}x")
        if not a.skip_dask:
            from distributed import LocalCluster
            # silence_logs: a worker's heartbeat can race the scheduler's shutdown and log a harmless error.
            with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                              silence_logs=logging.CRITICAL) as cl:
                wall, rss = run(["score", str(src), "-o", str(tmp / "od.jsonl"), "--quiet", "--scheduler", cl.scheduler_address])
            print(f"  dask, 2 local workers: {wall:7.1f} s  {size / 1e6 / wall:5.2f} MB/s  speed-up {base / wall:4.2f}x")
            same = (tmp / "o1.jsonl").read_bytes() == (tmp / "o2.jsonl").read_bytes() == (tmp / "od.jsonl").read_bytes()
            print(f"  identical records (serial, --jobs 2, dask): {same}")
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


if __name__ == "__main__":
    main()
