"""Bad inputs and bad runs (issue #15): every input leaves a record, every error is a message from the
catalogue (never a traceback) with its exit status, and every other document is still scored."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

import stancekit
from stancekit._cli import build_parser

from .conftest import FIXTURES, MODEL

GOOD = ("Foreign Minister Lena Arvidsson said on Monday that her government welcomed the security treaty. "
        "Western diplomats told reporters the existing framework was enough.\n")


def _run(*args, timeout=300, **kw):
    return subprocess.run([sys.executable, "-m", "stancekit", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, **kw)


def _records(path):
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def bad(tmp_path_factory):
    """One directory with a good document and one of each kind of bad input."""
    d = tmp_path_factory.mktemp("bad")
    docs = d / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text(GOOD, encoding="utf-8")
    (docs / "empty.txt").write_bytes(b"")
    (docs / "blank.txt").write_text(" \n\t\n  ", encoding="utf-8")
    (docs / "chinese.txt").write_text("部长说条约很好。外交官们表示现有框架已经足够。\n", encoding="utf-8")
    (docs / "headline.txt").write_text("Envoys Meet in Vienna\n\nBy Staff Reporter\n", encoding="utf-8")
    (docs / "noperiod.txt").write_text("The minister said the treaty was good", encoding="utf-8")
    (docs / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    (docs / "invalid.txt").write_bytes("Le traité était prêt.".encode("latin-1"))
    (docs / "utf16.txt").write_bytes(GOOD.encode("utf-16"))  # with its BOM
    (docs / "utf16be.txt").write_bytes(b"\xfe\xff" + GOOD.encode("utf-16-be"))
    (docs / "utf16nobom.txt").write_bytes(GOOD.encode("utf-16-le"))
    (docs / "locked.txt").write_text(GOOD, encoding="utf-8")
    (docs / "locked.txt").chmod(0)
    a, b = d / "a", d / "b"
    a.mkdir()
    b.mkdir()
    (a / "dup.txt").write_text(GOOD, encoding="utf-8")
    (b / "dup.txt").write_text(GOOD.replace("Arvidsson", "Berg"), encoding="utf-8")
    (d / "emptydir").mkdir()
    (d / "batch.jsonl").write_bytes(
        b"\xef\xbb\xbf" + json.dumps({"id": "j1", "text": GOOD}).encode() + b"\n"   # a UTF-8 BOM, as in .txt
        + b"{not json\n"
        + json.dumps({"id": "j3"}).encode() + b"\n"
        + b"[1, 2]\n"
        + json.dumps({"id": "j1", "text": GOOD.replace("Lena", "Ann")}).encode() + b"\n"  # the same id again
        + b'{"id": "j6", "text": "caf\xe9"}\n'  # invalid UTF-8 on one line
        + json.dumps({"id": "j7", "text": ""}).encode() + b"\n")
    yield d
    (docs / "locked.txt").chmod(0o644)


def test_every_bad_input_gets_a_record_and_the_good_ones_are_scored(bad, tmp_path):
    out = tmp_path / "out.jsonl"
    r = _run("score", bad / "docs", bad / "a", bad / "b", bad / "emptydir", bad / "batch.jsonl", "-o", out, "--quiet")
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr
    recs = _records(out)
    by_doc: dict[str, list[dict]] = {}
    for x in recs:
        by_doc.setdefault(x["doc_id"], []).append(x)
    errors = {k: v[0]["error"] for k, v in by_doc.items() if "error" in v[0]}
    empty = {k: v[0]["reason"] for k, v in by_doc.items() if v[0].get("statements") == 0}
    scored = {k for k, v in by_doc.items() if "statement_id" in v[0]}
    unreadable = set() if os.geteuid() == 0 else {"locked"}  # root reads a chmod-0 file anyway
    jl = f"{bad}/batch.jsonl"
    assert set(errors) == {"binary", "invalid", "utf16nobom", "emptydir", f"{jl}:2", "j3", f"{jl}:4", f"{jl}:6"} \
        | unreadable, errors
    assert "binary file" in errors["binary"]
    assert "invalid.txt:1: invalid UTF-8" in errors["invalid"]
    assert "UTF-16 text without a byte-order mark" in errors["utf16nobom"] and "binary" not in errors["utf16nobom"]
    assert errors["emptydir"] == f"{bad / 'emptydir'}: directory holds no *.txt file"
    assert "batch.jsonl:2: malformed JSON" in errors[f"{jl}:2"]
    assert "batch.jsonl:3: missing 'text'" in errors["j3"]
    assert "batch.jsonl:4: expected an object" in errors[f"{jl}:4"]
    assert "batch.jsonl:6: invalid UTF-8" in errors[f"{jl}:6"]
    if unreadable:
        assert "locked.txt: cannot read (Permission denied)" in errors["locked"]
    assert empty == {"empty": "empty document", "blank": "whitespace only", "j7": "empty document",
                     "chinese": "no Latin letters: stancekit reads English text",
                     "headline": "no sentence of body text (only headlines, bylines or metadata lines)"}
    # every other document is scored: UTF-16 with a BOM decoded, a UTF-8 BOM in JSONL accepted,
    # one line without a final period is a statement, duplicate ids made unique
    assert scored == {"good", "noperiod", "utf16", "utf16be", "dup", "dup~2", "j1", "j1~2"} \
        | ({"locked"} - unreadable)
    assert [x["text"] for x in by_doc["noperiod"]] == ["The minister said the treaty was good"]
    assert [(x["start"], x["end"], x["text"]) for x in by_doc["utf16"]] == \
        [(x["start"], x["end"], x["text"]) for x in by_doc["good"]]
    assert by_doc["dup~2"][0]["actor"] == "Lena Berg" and by_doc["j1~2"][0]["actor"] == "Ann Arvidsson"
    assert by_doc["dup~2"][0]["statement_id"] == "dup~2:0"
    # the documents in input order, one record set each
    assert len(by_doc) == len({x["doc_id"] for x in recs})
    # warnings name the file (and line) of the renamed document and of the first
    assert f"{bad / 'b' / 'dup.txt'}: document id 'dup' already used by {bad / 'a' / 'dup.txt'}; " \
           "this document is renamed 'dup~2'" in r.stderr
    assert f"{jl}:5: document id 'j1' already used by {jl}:1; this document is renamed 'j1~2'" in r.stderr
    n_err = len(errors)
    assert (f"stancekit score: {len(by_doc)} document(s): {len(scored)} scored ({len(recs) - n_err - len(empty)} "
            f"statements), {len(empty)} with no statements, {n_err} failed (see their error records)") in r.stderr


def test_csv_output_has_a_row_for_a_document_without_statements(bad):
    r = _run("score", bad / "docs" / "good.txt", bad / "docs" / "blank.txt", "--format", "csv")
    assert r.returncode == 0, r.stderr
    import csv
    rows = list(csv.DictReader(r.stdout.splitlines()))
    assert list(rows[0])[-3:] == ["error", "statements", "reason"]
    assert [row["statements"] for row in rows] == ["", "", "0"]
    assert rows[-1]["doc_id"] == "blank" and rows[-1]["reason"] == "whitespace only" and rows[-1]["statement_id"] == ""


def test_segment_cli_writes_a_record_for_a_document_without_statements(bad):
    r = _run("segment", bad / "docs" / "blank.txt", bad / "docs" / "noperiod.txt")
    assert r.returncode == 0, r.stderr
    recs = [json.loads(x) for x in r.stdout.splitlines()]
    assert recs[0] == {"doc_id": "blank", "statements": 0, "reason": "whitespace only"}
    assert recs[1]["text"] == "The minister said the treaty was good"


@pytest.mark.parametrize("text", ["The minister said the treaty was good",
                                  "  The minister said the treaty was good  \n"])
def test_regression_one_line_without_final_period_is_a_statement(text):
    [s] = stancekit.segment(text, "d")
    assert s.text == "The minister said the treaty was good" and text[s.start:s.end] == s.text
    assert s.actor == "minister"


def test_regression_a_headline_and_byline_alone_are_still_not_statements():
    assert stancekit.segment("Envoys Meet in Vienna\n\nBy Staff Reporter\n", "d") == []


# -- usage errors: exit status 2, a message, nothing written ---------------------------------------

@pytest.mark.parametrize("args, message", [
    (["--jobs", "0"], "argument --jobs: '0': expected a positive whole number of processes, or -1 for all cores"),
    (["--jobs", "-5"], "argument --jobs: '-5': expected a positive whole number"),
    (["--jobs", "two"], "argument --jobs: 'two': expected a positive whole number"),
    (["--scheduler", "nonsense"], "argument --scheduler: 'nonsense': not a Dask scheduler address; expected "
                                  "[tcp|tls|ucx|ws|wss]://HOST:PORT"),
    (["--scheduler", "tcp://host"], "'tcp://host': not a Dask scheduler address"),
    (["--scheduler-timeout", "0"], "argument --scheduler-timeout: '0': expected a positive number of seconds"),
    (["--resume"], "--resume needs -o FILE"),
])
def test_bad_arguments_are_usage_errors(bad, args, message):
    r = _run("score", bad / "docs" / "good.txt", *args)
    assert r.returncode == 2, r.stderr
    assert message in r.stderr and "Traceback" not in r.stderr
    assert r.stdout == ""


@pytest.mark.parametrize("command", [["score", "-o"], ["segment", "-o"], ["report", "--csv"], ["report", "--html"]])
def test_output_naming_a_directory_is_refused_before_any_work(bad, tmp_path, command):
    target = tmp_path / "outdir"
    target.mkdir()
    src = bad / "docs" / "good.txt"
    if command[0] == "report":
        src = tmp_path / "scored.jsonl"
        src.write_text("", encoding="utf-8")
    r = _run(command[0], src, command[1], target)
    assert r.returncode == 2, r.stderr
    assert f"{command[1]} {target}: is a directory; name a file to write" in r.stderr
    assert "Traceback" not in r.stderr
    assert list(target.iterdir()) == [] and sorted(p.name for p in tmp_path.iterdir()) == \
        sorted(["outdir"] + (["scored.jsonl"] if command[0] == "report" else []))  # no .partial, no lock


def test_unreachable_scheduler_is_a_message_after_the_timeout(bad):
    pytest.importorskip("distributed")
    with socket.socket() as s:  # a port with nothing listening
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    r = _run("score", bad / "docs" / "good.txt", "--scheduler", f"tcp://127.0.0.1:{port}", "--scheduler-timeout", "2")
    assert r.returncode == 1, r.stderr
    assert f"--scheduler 'tcp://127.0.0.1:{port}': no Dask scheduler answered within 2 s" in r.stderr
    assert "Traceback" not in r.stderr


# -- model files --------------------------------------------------------------------------------------

def _copy_model(tmp_path: Path) -> Path:
    for p in MODEL.parent.glob(MODEL.name + "*"):
        shutil.copy(p, tmp_path / p.name)
    return tmp_path / MODEL.name


def _corrupt_and_rehash(model: Path, which: Path) -> None:
    """Flip bytes in the middle of ``which`` and write its new sha256 into the manifest, as someone
    'repairing' a checksum error would: the checksum passes, the content is broken."""
    data = bytearray(which.read_bytes())
    mid = len(data) // 2
    data[mid:mid + 64] = bytes(b ^ 0x5A for b in data[mid:mid + 64])
    which.write_bytes(bytes(data))
    mpath = model.with_name(model.name + ".manifest.json")
    manifest = json.loads(mpath.read_text(encoding="utf-8"))
    digest = hashlib.sha256(bytes(data)).hexdigest()
    if which == model:
        manifest["sha256"] = digest
    else:
        manifest["scorer"]["sha256"] = digest
    mpath.write_text(json.dumps(manifest), encoding="utf-8")


def test_corrupted_scorer_with_rehashed_manifest_is_a_model_error(bad, tmp_path):
    model = _copy_model(tmp_path)
    scorer = model.with_name(model.name + ".scorer.npz")
    _corrupt_and_rehash(model, scorer)
    r = _run("score", bad / "docs" / "good.txt", "--model", model)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert f"stancekit score: error: {scorer}: not a stancekit scorer" in r.stderr


def test_corrupted_model_pickle_with_rehashed_manifest_is_a_model_error(bad, tmp_path):
    model = _copy_model(tmp_path)
    model.with_name(model.name + ".scorer.npz").unlink()  # scored from the pickle
    _corrupt_and_rehash(model, model)
    r = _run("score", bad / "docs" / "good.txt", "--model", model)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert f"stancekit score: error: {model}: model file cannot be read (" in r.stderr
    assert "it is corrupted or not a stancekit model" in r.stderr
    with pytest.raises(stancekit.ModelError, match="model file cannot be read"):
        stancekit.load_model(model)
    r = _run("evaluate", model, FIXTURES / "dev")
    assert r.returncode == 1 and "Traceback" not in r.stderr and "model file cannot be read" in r.stderr


def test_missing_model_file_is_a_model_error(bad, tmp_path):
    r = _run("score", bad / "docs" / "good.txt", "--model", tmp_path / "nope.joblib")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert f"stancekit score: error: {tmp_path / 'nope.joblib'}: model file not found" in r.stderr


# -- one run per output file --------------------------------------------------------------------------

LONG_RUN_DOCUMENTS = 2000  # fixtures/train's articles in turn: a run of several seconds (12 copies of
# its 127 articles when these tests were written; a fixed number, so that the input no longer grows with
# fixtures/train, 326 articles or 3,912 documents in session 17)


def _long_input(tmp_path: Path, n_docs: int = LONG_RUN_DOCUMENTS) -> Path:
    src = tmp_path / "docs"
    src.mkdir()
    articles = sorted((FIXTURES / "train").glob("*.txt"))
    for i in range(n_docs):
        p = articles[i % len(articles)]
        (src / f"{i:04d}_{p.name}").write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    return src


def test_two_runs_to_one_output_lose_no_document(tmp_path):
    """The second run to the same -o fails at once with a message; the first run's output is complete."""
    src = _long_input(tmp_path)
    n_docs = len(list(src.glob("*.txt")))
    out = tmp_path / "out.jsonl"
    lock = tmp_path / "out.jsonl.lock"
    first = subprocess.Popen([sys.executable, "-m", "stancekit", "score", str(src), "-o", str(out), "--quiet"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 120
    while time.time() < deadline and not out.with_name(out.name + ".partial.done").exists():
        time.sleep(0.05)
    assert first.poll() is None, "the first run ended before the second started: make the input longer"
    owner = json.loads(lock.read_text(encoding="utf-8"))
    assert owner == {"pid": first.pid, "host": socket.gethostname()}
    second = _run("score", src, "-o", out, "--quiet")
    assert first.poll() is None, "the second run must fail while the first still runs"
    assert second.returncode == 2 and "Traceback" not in second.stderr
    assert f"{out}: another run is writing this file (process {first.pid} on host {socket.gethostname()}; " \
           f"lock file {lock})" in second.stderr
    _, err = first.communicate(timeout=600)
    assert first.returncode == 0, err
    docs = [x["doc_id"] for x in _records(out)]
    assert len(set(docs)) == n_docs  # every document of the first run is there
    assert not lock.exists()
    # and runs started at the same instant: each ends complete or refused, and the file holds every document
    both = [subprocess.Popen([sys.executable, "-m", "stancekit", "score", str(src), "-o", str(out), "--quiet"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(p.wait(timeout=600), p.stderr.read()) for p in both]
    for p in both:
        p.stderr.close()
    assert all(rc == 0 or (rc == 2 and "another run is writing this file" in e) for rc, e in results), results
    assert any(rc == 0 for rc, _ in results)
    assert len({x["doc_id"] for x in _records(out)}) == n_docs and not lock.exists()


def _dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def test_stale_lock_of_a_dead_run_is_taken_over_with_a_message(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    lock = tmp_path / "out.jsonl.lock"
    pid = _dead_pid()
    lock.write_text(json.dumps({"pid": pid, "host": socket.gethostname()}), encoding="utf-8")
    r = _run("score", src, "-o", out)
    assert r.returncode == 0, r.stderr
    assert f"{lock}: taking over the lock of a run that is no longer running (process {pid} on host " \
           f"{socket.gethostname()})" in r.stderr
    assert _records(out)[0]["doc_id"] == "a" and not lock.exists()


def test_lock_of_another_host_is_not_taken_over(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    lock = tmp_path / "out.jsonl.lock"
    lock.write_text(json.dumps({"pid": 1, "host": "some-other-host.invalid"}), encoding="utf-8")
    r = _run("score", src, "-o", out)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "another run is writing this file (process 1 on host some-other-host.invalid" in r.stderr
    assert f"remove {lock}" in r.stderr
    assert not out.exists() and lock.exists()


# -- workers end with their parent --------------------------------------------------------------------

def _children(pid: int) -> set[int]:
    kids = set()
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                stat = (d / "stat").read_bytes()
            except OSError:
                continue
            fields = stat.rsplit(b")", 1)[-1].split()
            if int(fields[1]) == pid and fields[0] != b"Z":
                kids.add(int(d.name))
    return kids


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_bytes()
    except OSError:
        return False
    return stat.rsplit(b")", 1)[-1].split()[0] != b"Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc (Linux)")
def test_workers_end_when_the_parent_is_killed(tmp_path):
    src = _long_input(tmp_path)
    out = tmp_path / "out.jsonl"
    parent = subprocess.Popen([sys.executable, "-m", "stancekit", "score", str(src), "-o", str(out), "--jobs", "2",
                               "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    done = out.with_name(out.name + ".partial.done")
    deadline = time.time() + 120
    while time.time() < deadline and not (done.exists() and done.read_text()):
        time.sleep(0.05)  # workers are at work once documents are done
    workers = _children(parent.pid)
    assert parent.poll() is None and workers, "no worker to watch: make the input longer"
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.time() + 10
    while time.time() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    left = [w for w in workers if _alive(w)]
    for w in left:  # do not leave them running if the test fails
        os.kill(w, signal.SIGKILL)
    assert not left, f"workers {left} outlived their parent by 10 s"


# -- help ---------------------------------------------------------------------------------------------

def test_every_option_of_every_command_has_help():
    import argparse
    parser = build_parser()
    missing = []
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    parsers = [("stancekit", parser)] + [(f"stancekit {n}", p) for s in subs for n, p in s.choices.items()]
    for name, p in parsers:
        for action in p._actions:
            if isinstance(action, argparse._SubParsersAction):
                continue
            if not action.help or action.help == argparse.SUPPRESS:
                missing.append(f"{name} {'/'.join(action.option_strings) or action.dest}")
    assert not missing, f"options without help text: {missing}"


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_resume_counts_the_documents_finished_before_in_the_summary(tmp_path, fmt):
    """A run cut short after three documents (one scored, one empty, one failed) is resumed: the
    summary and the exit status count them with the rest."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(GOOD, encoding="utf-8")
    (docs / "b.txt").write_text("   ", encoding="utf-8")
    (docs / "c.txt").write_bytes(b"\x00\x01binary")
    (docs / "d.txt").write_text(GOOD, encoding="utf-8")
    full = tmp_path / f"full.{fmt}"
    r = _run("score", docs, "-o", full, "--format", fmt)
    assert r.returncode == 1
    assert "4 document(s): 2 scored (4 statements), 1 with no statements, 1 failed" in r.stderr
    # the same output as a killed run leaves it: the first three documents done, the partial file, no final file
    raw = full.read_bytes()
    cut = raw.index(b"d:0" if fmt == "csv" else b'{"doc_id": "d"')
    cut = raw.rindex(b"\n", 0, cut) + 1 if fmt == "csv" else cut
    out = tmp_path / f"out.{fmt}"
    out.with_name(out.name + ".partial").write_bytes(raw[:cut])
    out.with_name(out.name + ".partial.done").write_text(f"0\t0\n1\t0\n2\t{cut}\n")
    r = _run("score", docs, "-o", out, "--format", fmt, "--resume")
    assert r.returncode == 1, r.stderr  # the failed document of the first part still counts
    assert "4 document(s): 2 scored (4 statements), 1 with no statements, 1 failed" in r.stderr
    assert out.read_bytes() == raw


def test_duplicate_ids_are_renamed_in_input_order_and_never_collide(tmp_path):
    from stancekit._batch import iter_documents
    src = tmp_path / "d.jsonl"
    ids = ["x", "x", "x~2", "x", "y", "x~2"]
    src.write_text("".join(json.dumps({"id": i, "text": GOOD}) + "\n" for i in ids), encoding="utf-8")
    warnings: list[str] = []
    got = [d.doc_id for d in iter_documents([src], warn=warnings.append)]
    assert got == ["x", "x~2", "x~2~2", "x~3", "y", "x~2~3"]
    assert len(set(got)) == len(got)
    assert warnings[0] == f"{src}:2: document id 'x' already used by {src}:1; this document is renamed 'x~2'"
    assert len(warnings) == 4


def test_of_many_runs_asking_for_one_output_at_once_exactly_one_gets_it(tmp_path):
    out = tmp_path / "out.jsonl"
    release = tmp_path / "release"
    code = ("import sys, time; from pathlib import Path; from stancekit._score import OutputLock\n"
            "from stancekit._errors import OutputLockedError\n"
            "try:\n    lock = OutputLock(Path(sys.argv[1])).acquire()\nexcept OutputLockedError:\n"
            "    print('refused'); sys.exit(0)\n"
            "print('owner', flush=True)\n"
            "while not Path(sys.argv[2]).exists():\n    time.sleep(0.05)\n"  # hold it until all have tried
            "lock.release()\n")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(out), str(release)], stdout=subprocess.PIPE, text=True)
             for _ in range(6)]
    try:
        said = sorted(p.stdout.readline().strip() for p in procs)
    finally:
        release.touch()
        for p in procs:
            p.communicate(timeout=120)
    assert said == ["owner"] + ["refused"] * 5
    assert not out.with_name(out.name + ".lock").exists()


@pytest.mark.parametrize("address, ok", [
    ("tcp://127.0.0.1:8786", True), ("scheduler.example.org:8786", True), ("tls://[::1]:8786", True),
    ("inproc://10.0.0.1/1234/1", True), ("nonsense", False), ("tcp://host", False), ("tcp://:8786", False),
    ("http://host:8786", False), ("host:port", False),
    # pathological inputs: long runs that a backtracking pattern would retry at every position
    ("a" * 100_000, False), ("a." * 50_000 + ":", False), ("[" + ":" * 100_000, False), ("tcp://" * 20_000, False),
    ("x" * 100_000 + ":8786", True),
])
def test_scheduler_address_pattern(address, ok):
    import argparse

    from stancekit._cli import _scheduler_arg
    if ok:
        assert _scheduler_arg(address) == address
    else:
        with pytest.raises(argparse.ArgumentTypeError, match="not a Dask scheduler address"):
            _scheduler_arg(address)


@pytest.mark.parametrize("text, latin", [("部长说条约很好。" * 20_000, False), ("Привет " * 20_000, False),
                                         ("部长" * 50_000 + "a", True), ("é", True), ("", False)])
def test_latin_letter_pattern_on_long_inputs(text, latin):
    from stancekit._batch import _LATIN
    assert bool(_LATIN.search(text)) is latin


def test_utf16_jsonl_is_one_error_record_that_says_utf16(tmp_path):
    from stancekit._batch import iter_documents
    src = tmp_path / "d.jsonl"
    src.write_bytes((json.dumps({"id": "a", "text": GOOD}) + "\n").encode("utf-16"))
    [doc] = iter_documents([src])
    assert doc.error == f"{src}: UTF-16 JSONL; JSONL input must be UTF-8 (convert it, e.g. with iconv -f UTF-16 -t UTF-8)"


@pytest.mark.parametrize("raw", [GOOD.encode("utf-16"), b"\xef\xbb\xbf" + GOOD.encode(), GOOD.encode()])
def test_stdin_text_is_read_in_each_accepted_encoding(raw):
    import io

    from stancekit._batch import iter_documents
    [doc] = iter_documents(["-"], stdin=io.BytesIO(raw))
    assert doc.error is None and doc.text == GOOD
