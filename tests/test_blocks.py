"""Labelling in blocks (issue #15, memory): a long document's statements are featurized a block at
a time, with what their features read of the whole document gathered first; the probabilities
must equal those of the whole batch read at once, bit for bit, and the command line must write a
long document's records as its blocks are labelled."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import stancekit
from stancekit._data import read_labelled
from stancekit._model import fit_model, pipeline_scorer, save_model
from stancekit._scorer import Explaining, load_scoring_model
from stancekit._targets import default_targets
from stancekit._vectors import StatementInput, statement_inputs

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
MODEL = ROOT / "models" / "stancekit-default.joblib"


def _statements(n_docs: int, split: str = "dev") -> list:
    out = []
    for p in sorted((FIXTURES / split).glob("*.txt"))[:n_docs]:
        out += stancekit.segment(p.read_text(encoding="utf-8"), p.stem)
    return out


@pytest.fixture(scope="module")
def shipped_scorer():
    return load_scoring_model(MODEL)


@pytest.fixture(scope="module")
def shipped_pickle():
    return stancekit.load_model(MODEL)


@pytest.fixture(scope="module")
def doc_model(tmp_path_factory):
    """A model with document features and no stacking, its scorer read back from its file."""
    data, _ = read_labelled([FIXTURES / "dev"], ["treaty", "chairmanship"])
    m = fit_model(data, default_targets(), {"min_df": 1, "doc_weight": 1.0, "actor_weight": 1.0, "actor_role": False})
    path = tmp_path_factory.mktemp("docmodel") / "m.joblib"
    save_model(m, path)
    scorer = load_scoring_model(path)
    assert scorer.stage1 is None and any(p.doc_weight for p in scorer.plans.values())
    return scorer


@pytest.fixture(scope="module")
def few():
    """Three fixture articles and two statements without a document: about 120 statements."""
    sts = _statements(3)
    return sts[:60] + [StatementInput("The treaty is dead, he said.", actor="Ann Lee"),
                       StatementInput("Kazakhstan should chair the OSCE.")] + sts[60:120]


def _whole(scorer, statements):
    """The whole batch read at once (one block as large as the batch)."""
    return scorer.proba_of_inputs(statements, len(statements) + 1)


def _assert_same(got, want):
    assert set(got) == set(want)
    for tid in want:
        assert got[tid].shape == want[tid].shape
        np.testing.assert_array_equal(got[tid], want[tid])


@pytest.mark.parametrize("size", [1, 2, 3, 5, 64])
def test_blocks_give_the_whole_batch_probabilities_stacked_model(shipped_scorer, few, size):
    want = _whole(shipped_scorer, few)
    blocks = list(shipped_scorer.blocks(few, size))
    assert [(b.start, b.stop) for b in blocks] == [(a, min(a + size, len(few))) for a in range(0, len(few), size)]
    _assert_same({t: np.concatenate([b.probas[t] for b in blocks]) for t in want}, want)


@pytest.mark.parametrize("size", [1, 4, 64])
def test_blocks_give_the_whole_batch_probabilities_document_model(doc_model, few, size):
    _assert_same(doc_model.proba_of_inputs(few, size), _whole(doc_model, few))


def test_whole_batch_path_is_the_scikit_learn_pipelines(shipped_scorer, shipped_pickle, few):
    """The one-block path is the scorer of old, which is the pipelines' own predict_proba."""
    want = shipped_pickle._pipeline_proba(statement_inputs(few), fast=False)  # Pipeline.predict_proba
    _assert_same(_whole(shipped_scorer, few), want)


@pytest.mark.parametrize("size", [1, 7])
def test_pipeline_path_in_blocks_gives_the_pipelines_probabilities(shipped_pickle, few, size):
    """A model without a scorer labels in blocks with its pipelines' own featurizers and classifiers."""
    got = pipeline_scorer(shipped_pickle).proba_of_inputs(few, size)
    _assert_same(got, shipped_pickle._pipeline_proba(statement_inputs(few), fast=False))


def test_model_predict_is_labelled_in_blocks(shipped_pickle, few, monkeypatch):
    import stancekit._scorer as scorer_module
    want = shipped_pickle.predict(few)
    monkeypatch.setattr(scorer_module, "BLOCK_STATEMENTS", 9)
    assert shipped_pickle.predict(few) == want
    assert [r for _a, _b, rows in shipped_pickle._iter_best(few) for r in rows] == shipped_pickle._best(few)


@pytest.fixture(scope="module")
def pool():
    """Statements of six fixture articles (train), as featurizer inputs with their context."""
    return statement_inputs(_statements(6, "train"))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(data=st.data())
def test_blocks_equal_whole_batch_property(shipped_scorer, doc_model, pool, data):
    """Any slice of statements, cut into documents anyhow (runs of one id, statements without a
    document, actors renamed so that one speaks in several places), in blocks of any size."""
    start = data.draw(st.integers(0, len(pool) - 2), label="start")
    n = data.draw(st.integers(2, min(90, len(pool) - start)), label="n")
    items = list(pool[start:start + n])
    cuts = sorted(data.draw(st.sets(st.integers(1, n - 1), max_size=6), label="cuts"))
    bounds = [0, *cuts, n]
    for k, (a, b) in enumerate(zip(bounds, bounds[1:])):
        doc = data.draw(st.sampled_from(["", f"d{k}", "d0"]), label="doc")
        items[a:b] = [it._replace(doc=doc) for it in items[a:b]]
    for i in data.draw(st.sets(st.integers(0, n - 1), max_size=8), label="renamed"):
        items[i] = items[i]._replace(actor=data.draw(st.sampled_from(["", "Ann Lee", "ann lee", "NATO"])))
    size = data.draw(st.integers(1, n), label="size")
    scorer = data.draw(st.sampled_from([shipped_scorer, doc_model]), label="model")
    _assert_same(scorer.proba_of_inputs(items, size), _whole(scorer, items))


def test_evidence_in_blocks_is_the_whole_batch_evidence(shipped_scorer, few):
    want = shipped_scorer.explained_records(few[:40], 3)
    got = [r for _a, _b, recs in shipped_scorer._iter_explained(few[:40], 3, size=6) for r in recs]
    assert got == want


@pytest.mark.parametrize("size", [0, -1, 2.5, True])
def test_block_size_must_be_a_positive_int(shipped_scorer, few, size):
    with pytest.raises(ValueError, match=re.escape(f"block size {size!r}: expected a positive whole number")):
        list(shipped_scorer.blocks(few, size))


def test_empty_batch_is_one_empty_block(shipped_scorer):
    [b] = list(shipped_scorer.blocks([], 3))
    assert (b.start, b.stop) == (0, 0) and all(p.shape == (0, 3) for p in b.probas.values())


# -- the command line writes a long document as its blocks are labelled ---------------------------------

def _docs():
    from stancekit._batch import Document
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "dev").glob("*.txt"))[:3])
    return [Document("empty", text=""), Document("long", text=text), Document("bad", error="bad: unreadable"),
            Document("short", text="The treaty is dead, Ann Lee said. She wants it back.")]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
@pytest.mark.parametrize("explain", [False, True])
def test_long_document_records_come_in_pieces_equal_to_the_whole(shipped_scorer, monkeypatch, fmt, explain):
    import stancekit._scorer as scorer_module
    from stancekit._batch import CSV_FIELDS, _iter_results, _serialized, _score_batch_with
    model = Explaining(shipped_scorer, 2) if explain else shipped_scorer
    ser = (fmt, CSV_FIELDS(shipped_scorer.target_ids, explain))
    docs = _docs()
    want = _serialized(docs, _score_batch_with(docs, model, 10_000_000), ser)  # one document at a time, whole
    monkeypatch.setattr(scorer_module, "BLOCK_STATEMENTS", 25)
    got = list(_iter_results(docs, model, 10_000_000, ser))
    assert len(got) > len(docs)  # the long document in pieces
    ends = [i for i, s in enumerate(got) if s.done]
    assert len(ends) == len(docs) and ends[-1] == len(got) - 1
    pieces, k = [], 0
    for i in ends:
        part = got[k:i + 1]
        pieces.append(("".join(s.text for s in part), sum(s.statements for s in part), part[-1].error))
        k = i + 1
    assert pieces == [(w.text, w.statements, w.error) for w in want]
    assert max(s.statements for s in got) <= 25


def test_score_command_writes_a_long_document_in_pieces(tmp_path, monkeypatch, capsys):
    """The same output file with blocks of 25 statements as with the whole document at once, and the
    summary counts the document once with all its statements."""
    import stancekit._scorer as scorer_module
    from stancekit._cli import main
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "dev").glob("*.txt"))[:3])
    src = tmp_path / "long.txt"
    src.write_text(text, encoding="utf-8")
    assert main(["score", str(src), "-o", str(tmp_path / "whole.jsonl"), "--quiet"]) == 0
    whole_summary = capsys.readouterr().err
    monkeypatch.setattr(scorer_module, "BLOCK_STATEMENTS", 25)
    assert main(["score", str(src), "-o", str(tmp_path / "blocks.jsonl"), "--quiet"]) == 0
    assert capsys.readouterr().err == whole_summary
    assert "1 document(s): 1 scored" in whole_summary
    got = (tmp_path / "blocks.jsonl").read_bytes()
    assert got == (tmp_path / "whole.jsonl").read_bytes()
    recs = [json.loads(line) for line in io.StringIO(got.decode("utf-8"))]
    assert len(recs) > 25 and all(text[r["start"]:r["end"]] == r["text"] for r in recs)


def test_a_long_documents_text_is_freed_once_segmented(shipped_scorer, monkeypatch):
    """Regression guard (#15, memory): batch scoring keeps no reference to a document's text once
    its statements are cut (they hold their own); the text of a long document was the largest
    thing a run held while it was labelled."""
    import gc
    import weakref

    import stancekit._scorer as scorer_module
    from stancekit._batch import CSV_FIELDS, Document, score_documents

    class Text(str):  # a str that can be watched
        pass

    refs = []

    def docs():
        t = Text((FIXTURES / "dev" / "analysis_h2_03.txt").read_text(encoding="utf-8") * 3)
        refs.append(weakref.ref(t))
        box = [Document("long", text=t)]
        del t
        yield box.pop()

    monkeypatch.setattr(scorer_module, "BLOCK_STATEMENTS", 30)
    pieces = score_documents(docs(), model=shipped_scorer, serialize=("jsonl", CSV_FIELDS(shipped_scorer.target_ids)))
    first = next(pieces)
    gc.collect()
    assert not first.done and refs[0]() is None
    rest = list(pieces)
    assert rest[-1].done and sum(p.statements for p in [first, *rest]) > 30


@pytest.mark.parametrize("fail_after", [0, 1])
def test_a_model_failing_mid_batch_loses_no_document(shipped_scorer, fail_after):
    """Failing before any block: each document is labelled alone (only a failing one gets an error
    record). Failing after a long document's first block: that document ends with an error record,
    and the documents after it are labelled alone."""
    from stancekit._batch import CSV_FIELDS, _iter_results

    class Flaky:
        target_ids = shipped_scorer.target_ids

        def _iter_best(self, statements):
            blocks = shipped_scorer._iter_best(statements, 25)
            for _ in range(fail_after):
                yield next(blocks)
            raise RuntimeError("model broke")

        def _stance_records(self, statements):
            return shipped_scorer._stance_records(statements)

    docs = _docs()
    got = list(_iter_results(docs, Flaky(), 10_000_000, ("jsonl", CSV_FIELDS(shipped_scorer.target_ids))))
    recs = [json.loads(line) for s in got for line in s.text.splitlines()]
    by_doc = {}
    for r in recs:
        by_doc.setdefault(r["doc_id"], []).append(r)
    assert by_doc["bad"] == [{"doc_id": "bad", "error": "bad: unreadable"}]
    assert "stances" in by_doc["short"][0] and len(by_doc["short"]) == 2
    if fail_after:
        assert len(by_doc["long"]) == 26 and by_doc["long"][-1] == {"doc_id": "long", "error": "RuntimeError: model broke"}
        assert [s.done for s in got if not s.error].count(False) == 1
    else:
        assert len(by_doc["long"]) > 26 and all("stances" in r for r in by_doc["long"])
    assert sum(s.done for s in got) == len(docs)


def test_the_command_line_keeps_no_reference_to_a_segmented_documents_text(tmp_path, monkeypatch):
    """The same through ``stancekit score``: its chain of iterators (reading, renaming, resuming,
    batching) holds no document once handed on."""
    import gc
    import weakref

    import stancekit._batch as batch_module
    from stancekit._cli import main
    from stancekit._scorer import Scorer

    class Text(str):
        pass

    refs, seen = [], []
    read = batch_module._read_file

    def read_watched(path, max_length):
        d = read(path, max_length)
        if d.doc_id != "a063":
            return d
        t = Text(d.text)
        refs.append(weakref.ref(t))
        return batch_module.Document(d.doc_id, text=t)

    labelled = Scorer._iter_best

    def watch(self, statements, size=None):
        gc.collect()
        seen.append(refs[-1]() is None)
        yield from labelled(self, statements, size)

    monkeypatch.setattr(batch_module, "_read_file", read_watched)
    monkeypatch.setattr(Scorer, "_iter_best", watch)
    src = tmp_path / "in"
    src.mkdir()
    for k in range(batch_module._BATCH + 1):  # the watched one last of the first batch: more to read after it
        text = (FIXTURES / "dev" / "analysis_h2_03.txt").read_text(encoding="utf-8") if k == batch_module._BATCH - 1 \
            else "The treaty is dead, Ann Lee said."
        (src / f"a{k:03d}.txt").write_text(text, encoding="utf-8")
    assert main(["score", str(src), "-o", str(tmp_path / "o.jsonl"), "--quiet"]) == 0
    assert seen[0] is True


def test_default_length_limit_reads_a_50_mb_document(tmp_path):
    """#15: with statements labelled in blocks, a 50 MB document is read without --max-length (it
    used to be an error record over 10,000,000 characters)."""
    from stancekit._batch import iter_documents
    src = tmp_path / "big.txt"
    src.write_bytes(b"The treaty is dead. " * 2_500_001)  # 50,000,020 characters
    [doc] = iter_documents([src])
    assert doc.error is None and len(doc.text) == 50_000_020
