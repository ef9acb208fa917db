"""The README's examples run as written (issue #15): its Python snippets, its own-target commands, and
its model rebuild command in a clone without ../shared."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys

import pytest

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"^```{lang}\n(.*?)^```", README, flags=re.M | re.S)


@pytest.mark.parametrize("snippet", _blocks("python"), ids=lambda s: s.splitlines()[0][:40])
def test_readme_python_snippets_run_as_written(snippet, tmp_path):
    r = subprocess.run([sys.executable, "-c", snippet], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr


def test_readme_has_python_snippets():
    assert _blocks("python"), "the README lost its Python example"


def test_readme_targets_json_is_the_example_file():
    [block] = _blocks("json")
    assert json.loads(block) == json.loads((ROOT / "docs" / "examples" / "tram-targets.json").read_text())


def _commands(marker: str) -> list[str]:
    for block in _blocks("bash"):
        if marker in block:
            return [line for line in block.splitlines() if line.strip()]
    raise AssertionError(f"no bash block of the README holds {marker!r}")


def _as_module(line: str, tmp) -> list[str]:
    """A README command line run with this Python, its /tmp/ outputs moved into ``tmp``."""
    args = shlex.split(line.replace("/tmp/", f"{tmp}/"))
    assert args[0] == "stancekit", line
    return [sys.executable, "-m", "stancekit", *args[1:]]


def test_readme_own_target_commands_run(tmp_path):
    lines = _commands("docs/examples/tram-labels.csv")
    for line in lines:
        r = subprocess.run(_as_module(line, tmp_path), cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, f"{line}\n{r.stderr}"
    assert "Ines Kowalczyk" in r.stdout  # the report names the article's speakers


def test_readme_rebuild_command_needs_no_shared_folder(tmp_path):
    """The rebuild command's --eval fixtures/seed reads its article from ../shared/seed. Where that is
    absent, the evaluation is skipped with a message and the model is still written (trained on a
    small set here: what is tested is the --eval handling, which the full command shares)."""
    [line] = [x for x in _commands("--eval fixtures/seed") if "--eval fixtures/seed" in x]
    assert "--eval fixtures/seed" in line and (ROOT / "fixtures" / "seed" / "external_texts.txt").is_file()
    seed = tmp_path / "seed"
    seed.mkdir()
    (seed / "annotations.jsonl").write_text((ROOT / "fixtures" / "seed" / "annotations.jsonl").read_text())
    (seed / "external_texts.txt").write_text("../no-shared-here/seed\n")
    labels = ROOT / "docs" / "examples" / "tram-labels.csv"
    targets = ROOT / "docs" / "examples" / "tram-targets.json"
    r = subprocess.run([sys.executable, "-m", "stancekit", "train", str(labels), "--dev", str(labels), "--targets",
                        str(targets), "--eval", str(seed), "-o", str(tmp_path / "m.joblib")],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert (f"--eval {seed}: skipped: its documents are kept outside the repository, in "
            f"{(tmp_path / 'no-shared-here' / 'seed').resolve()}, which is not here") in r.stderr
    assert (tmp_path / "m.joblib").is_file()


# Regression (session 20): pyproject.toml said Python >= 3.10, but the segmenter's patterns use
# possessive quantifiers ("*+", "++"), which Python's re accepts only from 3.11: on 3.10,
# `import stancekit` failed with "multiple repeat". The floor in pyproject.toml and the README
# must be at least the newest version the package's patterns need.
_POSSESSIVE = re.compile(r"[*+?}]\+")


def _patterns_need_311() -> bool:
    for path in sorted((ROOT / "stancekit").rglob("*.py")):
        for m in re.finditer(r"re\.compile\(\s*(r?\"(?:[^\"\\]|\\.)*\"|r?'(?:[^'\\]|\\.)*')", path.read_text("utf-8")):
            if _POSSESSIVE.search(m.group(1)):
                return True
    return False


def test_python_floor_covers_the_patterns():
    floor = re.search(r'^requires-python\s*=\s*">=\s*3\.(\d+)"', (ROOT / "pyproject.toml").read_text("utf-8"), re.M)
    assert floor, "pyproject.toml gives no requires-python floor"
    readme = re.search(r"^Python 3\.(\d+) or newer", README, re.M)
    assert readme, "the README no longer says which Python it needs"
    assert int(floor.group(1)) == int(readme.group(1))
    if _patterns_need_311():
        assert int(floor.group(1)) >= 11, "possessive quantifiers in the patterns need Python 3.11"


def test_model_card_lists_every_training_setting_with_its_default():
    # Regression: the settings table of docs/model-card.md had no rows for `paragraph_context` and
    # `questions` (session 22); a setting a user can pass must be documented with its default.
    from stancekit._model import DEFAULT_SETTINGS

    card = (ROOT / "docs" / "model-card.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (`[^|]+`) \| ([^|]+) \|", card, flags=re.M)
    documented = {key.strip("` "): default.strip() for keys, default in rows
                  for key in keys.split(",")}
    missing = sorted(set(DEFAULT_SETTINGS) - set(documented))
    assert not missing, f"docs/model-card.md's settings table lacks {missing}"
    for key, value in DEFAULT_SETTINGS.items():
        if not isinstance(value, (bool, int, float, str, list, tuple)) or "," in documented[key]:
            continue  # rows of several keys give their defaults together
        assert json.loads(documented[key].replace("(", "[").replace(")", "]")) == (list(value) if isinstance(value, tuple) else value), key
