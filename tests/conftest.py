from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_9c81a39b0ce1faa2.txt"
SEED_ANNOTATIONS = ROOT / "fixtures" / "seed" / "annotations.jsonl"
FIXTURES = ROOT / "fixtures"
MODEL = ROOT / "models" / "stancekit-default.joblib"


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.is_file():
        pytest.skip(f"the seed article is not ours to copy and lives outside the repo; not found at {SEED}")
    from stancekit._data import read_document
    return read_document(SEED)


@pytest.fixture(scope="session")
def seed_gold() -> list[dict]:
    return [json.loads(line) for line in SEED_ANNOTATIONS.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def shipped_model():
    import stancekit
    return stancekit.load_model(MODEL)


@pytest.fixture(scope="session")
def shipped_attribution():
    """The shipped attribution model (models/attribution.npz); its tests skip in a tree without it."""
    from stancekit.attribution import load_attribution_model

    model = load_attribution_model(missing_ok=True)
    if model is None:
        pytest.skip("models/attribution.npz absent")
    return model


@pytest.fixture(scope="session")
def small_train():
    """fixtures/dev as a labelled set: the small training set of the second-model tests
    (tests/test_trees.py, tests/test_mlp.py)."""
    from stancekit._data import read_labelled
    data, _ = read_labelled([FIXTURES / "dev"], ["treaty", "chairmanship"])
    return data


def check_offsets_rules_and_model(text: str, model) -> None:
    """:func:`check_offsets` on ``text`` segmented by the rules alone and with ``model`` (the
    pathological-input tests of each rule: linear time and exact offsets both ways)."""
    from stancekit import segment

    check_offsets(text, segment(text, attribution=None))
    check_offsets(text, segment(text, attribution=model))


def check_offsets(text: str, statements) -> None:
    """The invariants every segmentation must hold."""
    prev = -1
    for s in statements:
        assert text[s.start:s.end] == s.text
        assert s.start >= prev, "statements out of order or overlapping"
        assert s.start < s.end
        prev = s.end
        assert s.kind in ("direct", "indirect", "narrative")
        assert (s.actor is None) == (s.kind == "narrative")
