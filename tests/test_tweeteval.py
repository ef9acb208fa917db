"""The TweetEval retraining benchmark script, on a small slice of the data."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import ROOT, SHARED

DATA = SHARED / "benchmarks" / "tweeteval-stance"
SCRIPT = ROOT / "benchmarks" / "tweeteval.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_tweeteval", SCRIPT)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # its dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    if not (DATA / "mapping.txt").is_file():
        pytest.skip(f"the TweetEval stance data is not ours to copy and lives outside the repo; not found at {DATA}")
    return _script()


def test_conversion_follows_mapping(bench, tmp_path: Path) -> None:
    path = bench.convert_split(DATA, "hillary", "val", bench.read_mapping(DATA), tmp_path, limit=5)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    raw = (DATA / "hillary" / "val_labels.txt").read_text(encoding="utf-8").split()[:5]
    want = {"0": "neutral", "1": "questioning", "2": "supporting"}
    assert [r["label"] for r in rows] == [want[x] for x in raw]
    assert {r["target"] for r in rows} == {"hillary"}


def test_main_on_a_slice(bench, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "tweeteval.json"
    rc = bench.main([str(DATA), "--targets", "hillary,abortion", "--limit", "60", "--grid", "small",
                     "--out-json", str(out)])
    assert rc == 0
    res = json.loads(out.read_text(encoding="utf-8"))
    assert 0.0 < res["test"]["f_avg"] < 1.0
    assert res["test"]["pairs"] == 120
    assert set(res["test"]["per_target"]) == {"hillary", "abortion", "pooled"}
    assert len(res["selection"]) == len(bench.GRIDS["small"])
    printed = capsys.readouterr().out
    assert "| hillary | 60 |" in printed and "| abortion | 60 |" in printed
    assert "stancekit (this run)" in printed and "TweetEval SVM (linear)" in printed
