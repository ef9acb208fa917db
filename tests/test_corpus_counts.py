"""benchmarks/corpus_counts.py: the counts docs/data.md lists, on an invented two-folder corpus."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import load_benchmark


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_benchmark("corpus_counts")


def _folder(path: Path, docs: dict[str, list[tuple[str, str, str, bool]]]) -> None:
    path.mkdir()
    lines = []
    for doc_id, sentences in docs.items():
        text = " ".join(s for s, _, _, _ in sentences)
        (path / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        at = 0
        for sentence, kind, treaty, ambiguous in sentences:
            start = text.index(sentence, at)
            at = start + len(sentence)
            lines.append(json.dumps({
                "doc_id": doc_id, "start": start, "end": at, "text": sentence,
                "actor": None if kind == "narrative" else "Tova Lindqvist", "actor_aliases": [],
                "kind": kind, "stances": {"treaty": treaty, "chairmanship": "neutral"},
                "ambiguous": ambiguous}))
    (path / "annotations.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _corpus(tmp_path: Path) -> Path:
    _folder(tmp_path / "train", {
        "wire_h1_01": [("The harbour talks opened on Monday.", "narrative", "neutral", False),
                       ("Lindqvist said the draft deserved a hearing.", "indirect", "supporting", False)],
        "oped_h9b_02": [("The draft is a trap.", "narrative", "questioning", True)],
    })
    _folder(tmp_path / "dev", {
        "wire_h1_03": [("\u201cWe will read it,\u201d Lindqvist said.", "direct", "supporting", False)],
    })
    return tmp_path


def test_counts_tables(
    bench: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _corpus(tmp_path)
    monkeypatch.setattr(sys, "argv", ["corpus_counts.py", str(root)])
    bench.main()
    out = capsys.readouterr().out
    assert out.startswith("Train and dev together: 3 documents, 4 statements (1 marked ambiguous).")
    assert "| treaty | 2 | 1 | 1 |" in out
    assert "| train | 2 | 3 | 1 | 0 / 1 / 2 | 1 / 1 / 1 | 0 / 0 / 3 |" in out
    assert "| dev | 1 | 1 | 0 | 1 / 0 / 0 | 1 / 0 / 0 | 0 / 0 / 1 |" in out
    assert "| `h1` | 1 | 2 | 1 | 0 | 1 / 0 / 1 | 0 / 0 / 2 |" in out
    assert "| `h9b` | 1 | 1 | 0 | 1 | 0 / 1 / 0 | 0 / 0 / 1 |" in out
    assert out.index("`h1`") < out.index("`h9b`")


def test_broken_offset_and_missing_records_stop(bench: ModuleType, tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    ann = root / "train" / "annotations.jsonl"
    rows = [json.loads(line) for line in ann.read_text(encoding="utf-8").splitlines()]
    rows[1]["start"] += 1
    ann.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="'text' does not match"):
        bench.load(root / "train")
    (root / "dev" / "ngo_h2_04.txt").write_text("An unannotated note.", encoding="utf-8")
    with pytest.raises(SystemExit, match="texts without records"):
        bench.load(root / "dev")


def test_regression_help_is_not_read_as_the_fixtures_folder(bench: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    # "--help" was taken for the folder and the script crashed reading "--help/train".
    with pytest.raises(SystemExit) as stop:
        bench.main(["--help"])
    assert stop.value.code == 0
    assert "fixtures" in capsys.readouterr().out
