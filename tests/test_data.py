"""Labelled sets: the fixtures validate; every problem is reported as file:line: reason."""

from __future__ import annotations

import json
import shutil

import pytest

from stancekit._cli import main
from stancekit._data import read_labelled, validate_paths

from .conftest import FIXTURES, SEED


def test_fixtures_validate(capsys):
    if not SEED.is_file():
        pytest.skip(f"the seed article is not in the repo; not found at {SEED}")
    assert main(["validate", str(FIXTURES)]) == 0
    assert capsys.readouterr().out.strip() == "OK"


def test_fixtures_meet_size_and_balance():
    data, _ = read_labelled([FIXTURES / "train", FIXTURES / "dev"], ["treaty", "chairmanship"])
    assert len({s.doc_id for s in data.statements}) >= 70
    assert len(data.statements) >= 1500
    for t in ("treaty", "chairmanship"):
        labels = [data.label_of(s, t) for s in data.statements]
        assert labels.count("supporting") >= 150 and labels.count("questioning") >= 150


def test_dev_and_train_share_no_document():
    tr, _ = read_labelled([FIXTURES / "train"])
    dv, _ = read_labelled([FIXTURES / "dev"])
    assert not ({s.doc_id for s in tr.statements} & {s.doc_id for s in dv.statements})


def test_blind_audit_lines_point_at_labelled_records():
    """Regression (session 19): inserting sentences into an audited article moved its records, and
    the audit file kept the old offsets. Every audit line must name a record of train or dev."""
    data, _ = read_labelled([FIXTURES / "train", FIXTURES / "dev"])
    spans = {(s.doc_id, s.start, s.end) for s in data.statements}
    lines = (FIXTURES / "audit" / "blind_audit.jsonl").read_text(encoding="utf-8").splitlines()
    stray = [line for line in lines if tuple(json.loads(line)[k] for k in ("doc_id", "start", "end")) not in spans]
    assert len(lines) >= 1400
    assert stray == []


def test_seed_annotations_carry_no_text():
    for line in (FIXTURES / "seed" / "annotations.jsonl").read_text().splitlines():
        assert "text" not in json.loads(line)


@pytest.fixture()
def spec_dir(tmp_path):
    d = tmp_path / "set"
    d.mkdir()
    (d / "a1.txt").write_text("Headline\n\nLavrov said the treaty was ready. NATO disagreed.", encoding="utf-8")
    return d


def _ann(d, recs):
    (d / "annotations.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")


GOOD = {"doc_id": "a1", "start": 10, "end": 43, "text": "Lavrov said the treaty was ready.", "actor": "Sergei Lavrov",
        "actor_aliases": [], "kind": "indirect", "stances": {"treaty": "supporting"}, "ambiguous": False}


def test_good_record_validates(spec_dir):
    _ann(spec_dir, [GOOD])
    assert validate_paths([spec_dir], ["treaty", "chairmanship"]) == []


@pytest.mark.parametrize("change,message", [
    ({"text": "Lavrov said the treaty was READY."}, r"annotations.jsonl:1: 'text' does not match a1.txt\[10:43\]"),
    ({"stances": {"treaty": "pro"}}, r"annotations.jsonl:1: unknown label 'pro' for target 'treaty'; allowed: supporting, questioning, neutral"),
    ({"stances": {"tram": "neutral"}}, r"annotations.jsonl:1: unknown target 'tram'; known targets: chairmanship, treaty"),
    ({"kind": "quote"}, r"annotations.jsonl:1: unknown kind 'quote'"),
    ({"start": "10"}, r"annotations.jsonl:1: field 'start' must be an integer"),
    ({"end": 999}, r"annotations.jsonl:1: span \[10, 999\) is outside document a1"),
    ({"doc_id": "zz"}, r"annotations.jsonl:1: document zz.txt not found"),
    ({"stances": None}, r"annotations.jsonl:1: missing field 'stances'"),
    ({"ambiguous": "no"}, r"annotations.jsonl:1: 'ambiguous' must be true or false"),
])
def test_bad_record_is_reported_with_file_and_line(spec_dir, change, message, capsys):
    _ann(spec_dir, [{**GOOD, **change}])
    assert main(["validate", str(spec_dir)]) == 1
    out = capsys.readouterr().out
    assert pytest.importorskip("re").search(message, out), out


def test_overlap_and_duplicates_are_reported(spec_dir):
    second = {**GOOD, "start": 30, "end": 43, "text": "was ready."}
    problems = validate_paths([spec_dir], None) if _ann(spec_dir, [GOOD, second, GOOD]) is None else None
    assert any(":2: span [30, 43) starts before the previous span" in p for p in problems)
    assert any(":3: duplicate span [10, 43)" in p for p in problems)


def test_invalid_json_line(spec_dir):
    (spec_dir / "annotations.jsonl").write_text(json.dumps(GOOD) + "\n{oops\n", encoding="utf-8")
    problems = validate_paths([spec_dir])
    assert len(problems) == 1 and problems[0].endswith("annotations.jsonl:2: invalid JSON (Expecting property name enclosed in double quotes)")


def test_external_texts_pointer(tmp_path, spec_dir):
    ext = tmp_path / "ext"
    ext.mkdir()
    shutil.move(spec_dir / "a1.txt", ext / "a1.txt")
    rec = {k: v for k, v in GOOD.items() if k != "text"}
    _ann(spec_dir, [rec])
    assert any("document a1.txt not found" in p for p in validate_paths([spec_dir]))
    (spec_dir / "external_texts.txt").write_text("../ext\n")
    assert validate_paths([spec_dir]) == []


def test_stats_command(capsys):
    assert main(["stats", str(FIXTURES / "dev")]) == 0
    out = capsys.readouterr().out
    assert "| treaty |" in out and "| genre | documents | statements |" in out
