"""The TweetEval retraining benchmark script, on a small slice of the data."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import SHARED, load_benchmark

DATA = SHARED / "benchmarks" / "tweeteval-stance"


def _script() -> ModuleType:
    return load_benchmark("tweeteval")


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


# Text preparation. The tweets below are made up for these tests (none is from the dataset).
_SPLITS = [
    ("NoMoreWars", ["No", "More", "Wars"]),
    ("USAToday", ["USA", "Today"]),
    ("Vote2016", ["Vote", "2016"]),
    ("GOP2016rally", ["GOP", "2016", "rally"]),
    ("peace_now", ["peace", "now"]),
    ("iPhone", ["i", "Phone"]),
    ("ÉtéChaud", ["Été", "Chaud"]),
    ("nomorewars", ["nomorewars"]),
    ("GOP", ["GOP"]),
    ("Peace", ["Peace"]),
    ("2016", ["2016"]),
    ("__", []),
]


@pytest.mark.parametrize(("body", "parts"), _SPLITS)
def test_split_hashtag(body: str, parts: list[str]) -> None:
    assert _script().split_hashtag(body) == parts


_PREPARED = [
    # (tweet, prep "tweet", prep "tweet-words")
    ("Sooo tired of this  #NoMoreWars #SemST ",
     "Soo tired of this #NoMoreWars No More Wars", "Soo tired of this No More Wars"),
    ("@someone said it first #peace #semst",
     "@user said it first #peace", "@user said it first peace"),
    ("read www.example.org/a and https://t.co/xyz now #SemST",
     "read http and http now", "read http and http now"),
    ("Vote!!! #Vote2016 #USAToday #SemST",
     "Vote!!! #Vote2016 Vote 2016 #USAToday USA Today", "Vote!!! Vote 2016 USA Today"),
    ("a#b and me@home are no tags #SemST",
     "a#b and me@home are no tags", "a#b and me@home are no tags"),
    ("#SemST", "#SemST", "#SemST"),  # nothing would be left: kept as it is
    ("Yesss 2000 times #SemSTx #SemST",
     "Yess 2000 times #SemSTx Sem S Tx", "Yess 2000 times Sem S Tx"),
]


@pytest.mark.parametrize(("text", "tweet", "words"), _PREPARED)
def test_prepare_text(text: str, tweet: str, words: str) -> None:
    mod = _script()
    assert mod.prepare_text(text, "none") == text.strip()
    assert mod.prepare_text(text, "tweet") == tweet
    assert mod.prepare_text(text, "tweet-words") == words


def test_prep_none_leaves_converted_text_unchanged(bench, tmp_path: Path) -> None:
    path = bench.convert_split(DATA, "atheism", "train", bench.read_mapping(DATA), tmp_path, limit=40, prep="none")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    raw = (DATA / "atheism" / "train_text.txt").read_text(encoding="utf-8").splitlines()[:40]
    assert [r["text"] for r in rows] == [t.strip() for t in raw]
    prepared = bench.convert_split(DATA, "atheism", "train", bench.read_mapping(DATA), tmp_path, limit=40, prep="tweet")
    assert prepared != path
    texts = [json.loads(line)["text"] for line in prepared.read_text(encoding="utf-8").splitlines()]
    assert not any("#SemST" in t for t in texts if t != "#SemST")


def test_unknown_prep_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown prep"):
        _script().prepare_text("hello", "lowercase")


def test_val_only_selects_prep_and_leaves_test_unscored(bench, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "tweeteval.json"
    rc = bench.main([str(DATA), "--targets", "hillary,abortion", "--limit", "60", "--grid", "small",
                     "--prep", "none,tweet", "--val-only", "--out-json", str(out)])
    assert rc == 0
    res = json.loads(out.read_text(encoding="utf-8"))
    assert res["test"] is None and "test" not in res["counts"]
    assert len(res["selection"]) == 2 * len(bench.GRIDS["small"])
    assert [e["prep"] for e in res["selection"]] == ["none"] * 4 + ["tweet"] * 4
    best = max(res["selection"], key=lambda e: e["val_f_avg"])
    assert res["prep"] == best["prep"]
    assert "test not scored" in capsys.readouterr().out


def test_cross_validation_never_reads_test(bench, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: list[str] = []
    real = bench.load_split

    def spy(data_dir, targets, split, *args, **kwargs):
        seen.append(split)
        return real(data_dir, targets, split, *args, **kwargs)

    monkeypatch.setattr(bench, "load_split", spy)
    out = tmp_path / "cv.json"
    rc = bench.main([str(DATA), "--cv", "protocol 3,news blocks off", "--targets", "hillary,abortion",
                     "--limit", "60", "--folds", "2", "--repeats", "1", "--out-json", str(out)])
    assert rc == 0 and set(seen) == {"train", "val"}
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert [r["name"] for r in rows] == ["protocol 3", "news blocks off"]
    assert len(rows[0]["folds"]) == 2 and 0.0 < rows[0]["mean"] < 1.0
    assert rows[1]["settings"]["use_cues"] is False and rows[1]["better"] in (0, 1, 2)


def test_cross_validation_names_unknown_candidates(bench, capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main([str(DATA), "--cv", "protocol 9", "--limit", "10"]) == 1
    assert "unknown candidate(s) 'protocol 9'; known: 'protocol 3'" in capsys.readouterr().err


def test_candidate_skips_selection_and_fits_its_own_settings(bench, tmp_path: Path) -> None:
    out = tmp_path / "tweeteval.json"
    rc = bench.main([str(DATA), "--candidate", "news blocks off + min_df 1 + C=3", "--targets", "hillary,abortion",
                     "--limit", "60", "--out-json", str(out)])
    assert rc == 0
    res = json.loads(out.read_text(encoding="utf-8"))
    prep, settings = bench.CV_CANDIDATES["news blocks off + min_df 1 + C=3"]
    assert res["candidate"] == "news blocks off + min_df 1 + C=3" and res["prep"] == prep == "tweet"
    assert len(res["selection"]) == 1
    assert res["settings"]["C"] == 3.0 and res["settings"]["min_df"] == 1 and res["settings"]["use_cues"] is False
    assert res["test"]["pairs"] == 120 and res["selection"][0]["val_f_avg"] == round(res["val"]["f_avg"], 4)


def test_candidate_names_unknown_ones(bench, capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main([str(DATA), "--candidate", "protocol 9", "--limit", "10"]) == 1
    assert "unknown candidate 'protocol 9'; known: 'protocol 3'" in capsys.readouterr().err
