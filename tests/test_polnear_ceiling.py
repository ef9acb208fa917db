"""benchmarks/polnear_ceiling.py: its cue classes and nesting flags on invented sentences."""

from __future__ import annotations

import time
from types import ModuleType

import pytest

from stancekit.attribution._corpus import AttributedDoc, Attribution

from .conftest import load_benchmark


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_benchmark("polnear_ceiling")


def _cue(text: str, cue: str) -> tuple[tuple[int, int], ...]:
    s = text.index(cue)
    return ((s, s + len(cue)),)


@pytest.mark.parametrize("text, cue, want", [
    ("Mara Velko said the levy would pass.", "said", ("a", "saying or thinking verb")),
    ("The levy will pass, Mara Velko has long argued.", "has long argued", ("a", "saying or thinking verb")),
    ("The levy will pass, according to Mara Velko.", "according to", ("a", "according to")),
    ("In Mara Velko's view, the levy will pass.", "In", ("a", "in X's view")),
    ("Mara Velko: the levy will pass.", ":", ("a", "punctuation")),
    ("Mara Velko referred to the levy as a tax grab.", "referred to", ("a", "saying or thinking verb")),
    ("The levy drew criticism from the Dunmore Guild.", "criticism", ("b", "position noun")),
    ("The guild's support for the levy is firm.", "support", ("b", "position noun")),
    ("Mara Velko wants the levy to pass.", "wants", ("c", "intention")),
    ("Mara Velko backed the levy in March.", "backed", ("c", "commitment or support")),
    ("The guild voted against the levy.", "voted", ("c", "commitment or support")),
    ("Mara Velko knows the levy will pass.", "knows", ("c", "perception or knowledge")),
    ("The levy seems likely to pass.", "seems", ("c", "evidential")),
    ("A survey showed the levy ahead.", "showed", ("c", "evidential")),
    ("The levy is expected to pass.", "is expected", ("c", "evidential")),
    ("Mara Velko signed the levy into law.", "signed", ("c", "action")),
    ("The levy, for Mara Velko, is a mistake.", "for", ("d", "other")),
])
def test_classify_cue(bench, text: str, cue: str, want: tuple[str, str]) -> None:
    assert bench.classify_cue(text, _cue(text, cue)) == want


def test_nested_and_second(bench) -> None:
    text = ("Tova Rill wrote that the port, which the harbour board praised, is safe. "
            "Pell Ardan said the port was safe, while Omar Tesk said it was not.")

    def span(s: str) -> tuple[tuple[int, int], ...]:
        return _cue(text, s)

    inner = Attribution(source=span("the harbour board"), cue=span("praised"), content=span("the port"))
    first = Attribution(source=span("Pell Ardan"), cue=span("said the"), content=span("port was safe"))
    later = Attribution(source=span("Omar Tesk"), cue=span("said it"), content=span("it was not"))
    nested, second = bench.nested_flags(AttributedDoc("x", text, [inner, first, later]))
    assert nested == [True, False, False]
    assert second == [False, False, True]


def test_pathological_cue_is_fast(bench) -> None:
    text = "said " * 20000 + ". " + "a" * 50000
    t = time.perf_counter()
    bench.classify_cue(text, ((0, len(text)),))
    bench.nested_flags(AttributedDoc("x", text, [Attribution(((0, 4),), ((5, 9),), ((10, len(text)),))]))
    assert time.perf_counter() - t < 2.0
