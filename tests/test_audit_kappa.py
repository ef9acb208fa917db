"""benchmarks/audit_kappa.py: Cohen's kappa of the blind label audit."""

from __future__ import annotations

from types import ModuleType

import pytest

from .conftest import load_benchmark


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_benchmark("audit_kappa")


@pytest.mark.parametrize("first,second,agreement,kappa", [
    (["supporting", "neutral", "neutral", "questioning"], ["supporting", "neutral", "neutral", "questioning"], 1.0, 1.0),
    (["supporting", "neutral"], ["neutral", "supporting"], 0.0, -1.0),
    (["supporting", "supporting", "neutral", "neutral"], ["supporting", "neutral", "neutral", "neutral"], 0.75, 0.5),
])
def test_kappa_golden(bench, first, second, agreement, kappa):
    po, k = bench.kappa(first, second)
    assert po == pytest.approx(agreement) and k == pytest.approx(kappa)


def test_kappa_of_one_label_only_is_undefined_not_a_crash(bench):
    # regression (session 23): a round whose 40 treaty labels were all neutral on both sides divided by zero
    assert bench.kappa(["neutral"] * 40, ["neutral"] * 40) == (1.0, None)


def test_main_prints_every_round(bench, capsys):
    bench.main()
    out = capsys.readouterr().out
    assert "all rounds:" in out and "kappa" in out
