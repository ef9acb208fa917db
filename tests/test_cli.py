"""The command line and batch scoring: nothing lost, resumable, parallel and Dask runs agree."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import stancekit
from stancekit._cli import main
from stancekit._segment import Statement

from .conftest import FIXTURES, MODEL, SEED

ARTICLE = ("Envoys Meet in Vienna\n\nBy Staff\n\n"
           "Foreign Minister Lena Arvidsson said on Monday that her government welcomed the security treaty. "
           "“It is a serious proposal,” she said. Western diplomats told reporters the existing framework "
           "was enough.\n")


def _run(*args, stdin=None, timeout=300):
    return subprocess.run([sys.executable, "-m", "stancekit", *args], input=stdin, capture_output=True,
                          timeout=timeout)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A directory of good and bad inputs, one of each kind."""
    d = tmp_path_factory.mktemp("corpus")
    (d / "good1.txt").write_text(ARTICLE, encoding="utf-8")
    sub = d / "sub"
    sub.mkdir()
    (sub / "good2.txt").write_text(ARTICLE.replace("Arvidsson", "Berg"), encoding="utf-8")
    (d / "bom.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode())
    (d / "empty.txt").write_text("", encoding="utf-8")
    (d / "blank.txt").write_text("  \n\n \t\n", encoding="utf-8")
    (d / "latin1.txt").write_bytes("Le ministre a déclaré que le traité était prêt.".encode("latin-1"))
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (d / "huge.txt").write_text("word " * 3000, encoding="utf-8")  # over the --max-length used below
    unreadable = d / "locked.txt"
    unreadable.write_text(ARTICLE, encoding="utf-8")
    unreadable.chmod(0)
    jl = d / "batch.jsonl"
    jl.write_text(json.dumps({"id": "j1", "text": ARTICLE}) + "\n" + "{not json\n"
                  + json.dumps({"id": "j3"}) + "\n" + json.dumps({"id": "j4", "text": ARTICLE}) + "\n", encoding="utf-8")
    yield d
    unreadable.chmod(0o644)


def _records(path):
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]


def test_score_directory_of_good_and_bad_inputs(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    r = _run("score", str(corpus), str(corpus / "batch.jsonl"), str(corpus / "missing.txt"), "-o", str(out),
             "--max-length", "10000", "--quiet")
    assert r.returncode == 1, r.stderr
    assert b"Traceback" not in r.stderr
    recs = _records(out)
    errors = {x["doc_id"]: x["error"] for x in recs if "error" in x}
    good = [x for x in recs if "error" not in x and "statements" not in x]
    empty = {x["doc_id"]: x["reason"] for x in recs if x.get("statements") == 0}
    assert empty == {"empty": "empty document", "blank": "whitespace only"}
    assert all(list(x) == ["doc_id", "statements", "reason"] for x in recs if "statements" in x)
    root_is = os.geteuid() == 0  # root reads a chmod-0 file anyway
    expected_errors = ({"latin1", "binary", "huge", f"{corpus}/batch.jsonl:2", "j3", "missing"}
                       | (set() if root_is else {"locked"}))
    assert set(errors) == expected_errors, errors
    assert "invalid UTF-8" in errors["latin1"] and "latin1.txt:1" in errors["latin1"]
    assert "binary file" in errors["binary"]
    assert "over the limit" in errors["huge"]
    assert "batch.jsonl:2: malformed JSON" in errors[f"{corpus}/batch.jsonl:2"]
    assert "batch.jsonl:3: missing 'text'" in errors["j3"]
    assert "missing.txt: cannot read (No such file or directory)" in errors["missing"]
    docs_with_statements = {x["doc_id"] for x in good}
    assert docs_with_statements >= {"good1", "good2", "bom", "j1", "j4"}
    assert "empty" not in docs_with_statements and "blank" not in docs_with_statements
    per_doc = [x for x in good if x["doc_id"] == "good1"]
    assert len(per_doc) == 3 and all(set(x["stances"]) == {"treaty", "chairmanship"} for x in per_doc)
    bom = [x for x in good if x["doc_id"] == "bom"]
    assert [(x["start"], x["end"]) for x in bom] == [(x["start"], x["end"]) for x in per_doc]


def test_score_csv_and_stdin(tmp_path):
    r = _run("score", "-", "--format", "csv", stdin=ARTICLE.encode())
    assert r.returncode == 0, r.stderr
    lines = r.stdout.decode().splitlines()
    assert lines[0].startswith("doc_id,statement_id,actor,actor_mention,kind,start,end,text,treaty_label,treaty_confidence")
    assert len(lines) == 4 and lines[1].startswith("stdin,stdin:0,Lena Arvidsson")


def test_jobs_2_and_serial_give_identical_records(tmp_path):
    src = FIXTURES / "dev"
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert main(["score", str(src), "-o", str(a), "--quiet"]) == 0
    assert main(["score", str(src), "-o", str(b), "--jobs", "2", "--quiet"]) == 0
    assert a.read_bytes() == b.read_bytes()


@pytest.mark.parametrize("jobs", [2, 3])
def test_parallel_scoring_in_small_batches_keeps_input_order(jobs, monkeypatch):
    """One document a batch: batches go both to the workers and to this process; the records of each
    document come out in input order, as the serial run gives them, an unreadable one included."""
    import stancekit._batch as batch
    docs = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((FIXTURES / "dev").glob("*.txt"))]
    docs.insert(3, {"id": "bad", "text": 17})
    serial = list(stancekit.score_documents(docs, model_path=MODEL, batch_size=1))
    here = []
    plain = batch._results
    monkeypatch.setattr(batch, "_results", lambda b, *a: here.append(b) or plain(b, *a))
    parallel = list(stancekit.score_documents(docs, jobs=jobs, model_path=MODEL, batch_size=1))
    assert 0 < len(here) < len(docs)  # this process scored some, the workers the rest
    assert parallel == serial
    assert [recs[0]["doc_id"] for recs in parallel] == [d[0] if isinstance(d, tuple) else "bad" for d in docs]


def test_dask_cluster_gives_the_serial_records(tmp_path):
    distributed = pytest.importorskip("distributed")
    docs = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((FIXTURES / "dev").glob("*.txt"))[:6]]
    serial = list(stancekit.score_documents(docs, model_path=MODEL))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            on_dask = list(stancekit.score_documents(docs, model_path=MODEL, scheduler=client, batch_size=2))
            # and the CLI path with a scheduler address
            out = tmp_path / "d.jsonl"
            assert main(["score", str(FIXTURES / "dev"), "-o", str(out), "--scheduler", cluster.scheduler_address,
                         "--quiet"]) == 0
    assert on_dask == serial
    ref = tmp_path / "s.jsonl"
    assert main(["score", str(FIXTURES / "dev"), "-o", str(ref), "--quiet"]) == 0
    assert out.read_bytes() == ref.read_bytes()


def test_resume_after_kill_gives_every_document_once(tmp_path):
    src = tmp_path / "docs"
    src.mkdir()
    # a run of several seconds, to be killed in the middle: 2,000 documents, fixtures/train's articles in
    # turn (12 copies of its 111 articles when this test was written; a fixed number, so that the run no
    # longer grows with fixtures/train)
    articles = sorted((FIXTURES / "train").glob("*.txt"))
    texts = [articles[i % len(articles)] for i in range(2000)]
    for i, p in enumerate(texts):
        (src / f"{i:03d}_{p.name}").write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "stancekit", "score", str(src), "-o", str(out), "--quiet"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    done = out.with_name(out.name + ".partial.done")
    deadline = time.time() + 120
    while time.time() < deadline and (not done.exists() or len(done.read_text().splitlines()) < 10):
        time.sleep(0.05)  # the done list is synced every half second
    assert proc.poll() is None, "the run ended before it could be killed: make the input longer"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert not out.exists(), "the final file must only appear when the run completes"
    finished = len(done.read_text().splitlines())
    assert 10 <= finished < len(texts), "the kill should land mid-run"
    lock = out.with_name(out.name + ".lock")
    assert json.loads(lock.read_text())["pid"] == proc.pid  # the killed run's lock stays behind
    r = _run("score", str(src), "-o", str(out), "--resume", "--quiet")
    assert r.returncode == 0, r.stderr
    err = r.stderr.decode()
    assert f"{lock}: taking over the lock of a run that is no longer running (process {proc.pid} " in err
    # the summary counts the documents finished before the kill too
    assert f"stancekit score: {len(texts)} document(s): {len(texts)} scored (" in err
    assert not lock.exists()
    ref = tmp_path / "ref.jsonl"
    assert main(["score", str(src), "-o", str(ref), "--quiet"]) == 0
    assert out.read_bytes() == ref.read_bytes()
    assert not done.exists()


def test_segment_cli_writes_spec_fields_without_stances(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    r = _run("segment", str(p))
    assert r.returncode == 0
    recs = [json.loads(x) for x in r.stdout.decode().splitlines()]
    assert list(recs[0]) == ["doc_id", "statement_id", "actor", "actor_mention", "kind", "start", "end", "text"]
    assert recs[0]["actor"] == "Lena Arvidsson"


def test_score_api_is_lazy_and_keeps_order():
    seen = []

    def docs():
        for i in range(5):
            seen.append(i)
            yield (f"d{i}", ARTICLE)

    it = stancekit.score_documents(docs(), model_path=MODEL, batch_size=1)
    first = next(it)
    assert first[0]["doc_id"] == "d0" and len(seen) < 5
    rest = list(it)
    assert [r[0]["doc_id"] for r in rest] == ["d1", "d2", "d3", "d4"]


def test_score_api_error_record_for_bad_item():
    out = list(stancekit.score_documents([("a", ARTICLE), ("b", b"bytes")], model_path=MODEL))
    assert out[1] == [{"doc_id": "b", "error": "document #1: text must be str, got bytes"}]


def test_score_api_rejects_bare_string():
    with pytest.raises(TypeError, match="bare str"):
        list(stancekit.score_documents("not a list of documents"))


def test_report_text_csv_html(tmp_path, capsys):
    scored = tmp_path / "s.jsonl"
    assert main(["score", str(FIXTURES / "dev"), "-o", str(scored), "--quiet"]) == 0
    html, csv_ = tmp_path / "r.html", tmp_path / "r.csv"
    assert main(["report", str(scored)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("target") and "(author)" in out
    assert main(["report", str(scored), "--html", str(html), "--csv", str(csv_)]) == 0
    out = capsys.readouterr().out
    # regression: the table went to the files; standard output gets one line saying so, not the table
    assert out.count("\n") == 1 and f"written to {csv_} and {html}" in out and "(author)" not in out
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<table>" in page
    assert "http://" not in page and "https://" not in page.split("<blockquote>")[0]
    assert "<script" not in page
    assert csv_.read_text().startswith("target,actor,supporting,questioning,neutral,documents,evidence_label")


def test_report_bad_input_names_file_and_line(tmp_path, capsys):
    p = tmp_path / "bad.jsonl"
    p.write_text('{"doc_id": "a"}\n')
    assert main(["report", str(p)]) == 1
    assert "bad.jsonl:1: no 'stances'" in capsys.readouterr().err


def test_evaluate_cli_on_seed(capsys):
    if not SEED.is_file():
        pytest.skip(f"seed article not found at {SEED}")
    assert main(["evaluate", str(MODEL), str(FIXTURES / "seed")]) == 0
    out = capsys.readouterr().out
    assert "pooled F_avg" in out and "attribution:" in out


def test_evaluate_cv(capsys):
    assert main(["evaluate", str(MODEL), str(FIXTURES / "dev"), "--cv", "3"]) == 0
    assert "3-fold cross-validation by document" in capsys.readouterr().out


@settings(max_examples=25, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=300), st.binary(max_size=20), st.none()), max_size=6))
def test_every_document_yields_records_or_one_error_in_order(texts):
    docs = [(f"d{i}", t) for i, t in enumerate(texts)]
    out = list(stancekit.score_documents(docs, model=_model(), batch_size=2))
    assert len(out) == len(docs)
    for (doc_id, text), recs in zip(docs, out):
        if not isinstance(text, str):
            assert recs == [{"doc_id": doc_id, "error": recs[0]["error"]}]
        else:
            for r in recs:
                assert r["doc_id"] == doc_id and text[r["start"]:r["end"]] == r["text"]


_MODEL = []


def _model():
    if not _MODEL:
        _MODEL.append(stancekit.load_model(MODEL))
    return _MODEL[0]


def test_import_and_segment_do_not_import_scikit_learn_until_the_model_is_needed():
    code = ("import sys, stancekit; stancekit.segment('Lavrov said so.'); print('sklearn' in sys.modules); "
            "stancekit.load_model; print('sklearn' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "True"]


def test_every_public_name_is_reachable_and_listed():
    for name in stancekit.__all__:
        getattr(stancekit, name)
    assert set(stancekit.__all__) <= set(dir(stancekit))
    with pytest.raises(AttributeError, match="has no attribute 'nope'"):
        stancekit.nope  # noqa: B018


_ANY_STR = st.text(max_size=12)
_RECORD = st.fixed_dictionaries({
    "doc_id": _ANY_STR, "statement_id": _ANY_STR, "actor": st.none() | _ANY_STR, "actor_mention": st.none() | _ANY_STR,
    "kind": st.sampled_from(["direct", "indirect", "narrative"]), "start": st.integers(0, 10**9),
    "end": st.integers(0, 10**9), "text": st.text(max_size=40),
    "stances": st.dictionaries(_ANY_STR, st.fixed_dictionaries({
        "label": st.sampled_from(["supporting", "questioning", "neutral"]),
        "confidence": st.floats(0, 1) | st.floats(allow_nan=True, allow_infinity=True)}), max_size=3),
})


_STATEMENT = st.builds(
    lambda d, sid, a, am, k, s, e, t: Statement(d, sid, a, am, k, s, e, t),
    _ANY_STR, _ANY_STR, st.none() | _ANY_STR, st.none() | _ANY_STR, st.sampled_from(["direct", "indirect", "narrative"]),
    st.integers(0, 10**9), st.integers(0, 10**9), st.text(max_size=40))
_BEST = st.dictionaries(_ANY_STR, st.tuples(st.sampled_from(["supporting", "questioning", "neutral"]),
                                            st.floats(0, 1) | st.floats(allow_nan=True, allow_infinity=True)),
                        max_size=3)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_STATEMENT, _BEST), max_size=4))
def test_jsonl_straight_from_statements_is_what_the_records_give(rows):
    """The CLI's JSONL path skips the records' dicts; it must write what they would."""
    from stancekit._batch import _json_line, _jsonl_statements, _record
    sts = [r[0] for r in rows]
    best = [r[1] for r in rows]
    want = "".join(_json_line(_record(s, {t: {"label": lb, "confidence": round(c, 4)} for t, (lb, c) in b.items()}))
                   + "\n" for s, b in zip(sts, best))
    assert _jsonl_statements(sts, best) == want


def test_cli_jsonl_path_equals_the_records_path(tmp_path):
    from stancekit._batch import CSV_FIELDS, Document, _results, _score_batch_with, _serialized
    texts = [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "dev").glob("*.txt"))[:5]]
    docs = [Document(f"d{i}", text=t) for i, t in enumerate(texts)] + [Document("bad", error="x: unreadable"),
                                                                        Document("empty", text="  ")]
    ser = ("jsonl", CSV_FIELDS(_model().target_ids))
    want = _serialized(docs, _score_batch_with(docs, _model(), 10_000_000), ser)
    assert _results(docs, _model(), 10_000_000, ser) == want
    assert want[-1].text == '{"doc_id": "empty", "statements": 0, "reason": "whitespace only"}\n'
    csv_ = ("csv", ser[1])
    assert _results(docs, _model(), 10_000_000, csv_) == _serialized(docs, _score_batch_with(docs, _model(), 10_000_000),
                                                                    csv_)


@settings(max_examples=300, deadline=None)
@given(_RECORD | st.dictionaries(_ANY_STR, st.integers() | _ANY_STR, max_size=3))
def test_jsonl_lines_are_what_the_json_encoder_writes(record):
    """The statement-record fast path writes the bytes json.JSONEncoder(ensure_ascii=False) writes."""
    from stancekit._batch import _json_line
    assert _json_line(record) == json.JSONEncoder(ensure_ascii=False).encode(record)
