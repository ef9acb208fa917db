"""Time to rebuild the shipped model, to load it, and to score one article (API and command line).

Usage: python benchmarks/bench_train.py

Runs the documented rebuild command (README) into a temporary file, so the
shipped model is left as it is, and checks that the rebuilt file predicts the
same as the shipped one (deterministic training).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    import stancekit

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "m.joblib"
        cmd = [sys.executable, "-m", "stancekit", "train", "fixtures/train", "--dev", "fixtures/dev",
               "--eval", "fixtures/seed", "--settings", "models/settings.json", "-o", str(out)]
        t0 = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
        full = time.perf_counter() - t0
        cmd_fit = [sys.executable, "-m", "stancekit", "train", "fixtures/train", "fixtures/dev",
                   "--settings", "models/settings.json", "-o", str(Path(tmp) / "fit.joblib")]
        t0 = time.perf_counter()
        subprocess.run(cmd_fit, cwd=ROOT, check=True, capture_output=True)
        fit_only = time.perf_counter() - t0
        print(f"rebuild command (dev figures, baseline, seed figures, final fit): {full:.1f} s")
        print(f"final fit alone on train+dev (stancekit train fixtures/train fixtures/dev ...): {fit_only:.1f} s")
        shipped = stancekit.load_model(ROOT / "models" / "stancekit-default.joblib")
        rebuilt = stancekit.load_model(out)
        texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "dev").glob("*.txt"))]
        sts = [s for i, t in enumerate(texts) for s in stancekit.segment(t, f"d{i}")]
        same = all(np.array_equal(a, b) for a, b in zip(shipped.predict_proba(sts).values(),
                                                        rebuilt.predict_proba(sts).values()))
        print(f"rebuilt model predicts exactly as the shipped one: {same}")
        shipped_scorer = (ROOT / "models" / "stancekit-default.joblib.scorer.npz").read_bytes()
        print(f"rebuilt scorer file has the shipped one's bytes: {(Path(tmp) / 'm.joblib.scorer.npz').read_bytes() == shipped_scorer}")
    article = (ROOT / "docs" / "example-article.txt").read_text(encoding="utf-8")
    code = ("import time; t0=time.perf_counter(); import stancekit; m=stancekit.load_model(); t1=time.perf_counter(); "
            "stancekit.analyze(open('docs/example-article.txt').read(), 'x', model=m); t2=time.perf_counter(); "
            "print(f'{t1-t0:.3f} {t2-t1:.3f}')")
    res = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True, text=True)
    load, score = map(float, res.stdout.split())
    print(f"fresh process: import + load_model {load:.2f} s, analyze one article ({len(article):,} chars) {score:.3f} s,"
          f" together {load + score:.2f} s")
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "stancekit", "score", "docs/example-article.txt", "-o", "/dev/null"],
                   cwd=ROOT, check=True, capture_output=True)
    print(f"fresh process: stancekit score docs/example-article.txt (from the scorer file) {time.perf_counter() - t0:.2f} s")


if __name__ == "__main__":
    main()
