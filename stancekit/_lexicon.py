"""Rule data (speech verbs, titles, countries, seats of power, ...) loaded from files.

The shipped files live in ``stancekit/data/``. A user extends any of them,
without editing code, by passing directories that hold files of the same
names (``lexicon_dirs``); entries there are added to the shipped ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ._errors import DataError, location

__all__ = ["Lexicon", "load_lexicon", "read_data_lines"]

PathLike = str | Path


def _shipped_text(name: str) -> str:
    return resources.files("stancekit").joinpath("data").joinpath(name).read_text(encoding="utf-8")


def read_data_lines(name: str, extra_dirs: Sequence[PathLike] = ()) -> list[tuple[str, int, str]]:
    """Return ``(source, line number, line)`` for every non-comment line of a data file.

    The shipped file comes first, then a file of the same name in each of
    ``extra_dirs`` (missing files there are skipped).
    """
    out: list[tuple[str, int, str]] = []
    texts = [(f"stancekit/data/{name}", _shipped_text(name))]
    for d in extra_dirs:
        p = Path(d) / name
        if p.is_file():
            texts.append((str(p), p.read_text(encoding="utf-8")))
    for src, text in texts:
        for i, raw in enumerate(text.splitlines(), 1):
            line = raw.strip()
            if line and not line.startswith("#"):
                out.append((src, i, line))
    return out


def _inflect(base: str, irregular: dict[str, str]) -> set[str]:
    forms = {base}
    if base.endswith("ee"):
        past, ing = base + "d", base + "ing"
    elif base.endswith("e"):
        past, ing = base + "d", base[:-1] + "ing"
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        past, ing = base[:-1] + "ied", base + "ing"
    elif re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", base) and not base.endswith(("w", "x")):
        past, ing = base + base[-1] + "ed", base + base[-1] + "ing"
    else:
        past, ing = base + "ed", base + "ing"
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = base + "es"
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    forms |= {irregular.get("past", past), irregular.get("pp", irregular.get("past", past)),
              irregular.get("3sg", third), irregular.get("ing", ing)}
    return forms


@dataclass(frozen=True)
class Lexicon:
    """All rule data the segmenter and featurizers use, lowercased.

    Build one with :func:`load_lexicon`; the fields are plain sets and dicts so
    that a user can inspect them.
    """

    speech_verbs: frozenset[str]
    titles: frozenset[str]
    country_of: dict[str, str] = field(hash=False)  # "kazakh" -> "Kazakhstan", "moscow" -> "Kazakhstan"
    seats: dict[str, str] = field(hash=False)  # "kremlin" -> "Russia"
    groups: frozenset[str]
    org_words: frozenset[str]
    abbreviations: dict[str, str] = field(hash=False)  # "gen" -> "title"
    reaction_adjectives: frozenset[str] = frozenset()
    calendar: frozenset[str] = frozenset()  # "sunday", "march": never part of a name
    documents: frozenset[str] = frozenset()  # "statement", "figures": a text that reports a source
    subject_followers: frozenset[str] = frozenset()  # "was", "also": may follow a clause's subject
    irregular_past: frozenset[str] = frozenset()  # "saw", "took": a verb after a seat of power
    stance_phrases: dict[str, frozenset[str]] = field(default_factory=dict, hash=False)  # "struck" -> {"tone", "note"}
    stance_phrase_verbs: frozenset[str] = field(init=False, hash=False)  # the keys of stance_phrases
    # "anna" -> "f", "mr" -> "m", "-ova" -> "f": given names, titles and surname endings
    gender_words: dict[str, str] = field(default_factory=dict, hash=False)
    # "senior", "-al": lowercase words before a source's head noun ("presidential adviser")
    np_modifiers: frozenset[str] = frozenset()
    # "right", "careful": "X was right to say ...", "X has been careful to stress ..."
    speech_adjectives: frozenset[str] = frozenset()
    # ("russian president", "Dmitry Medvedev", "2008-2012"): offices and their holders, a fallback
    # inside an article that names the holder (office_holders.tsv)
    office_holders: tuple[tuple[str, str, str], ...] = field(default=(), hash=False)
    # ("alliance", "NATO", ("North Atlantic Treaty Organization", ...)): bodies a one-word
    # description may stand for (body_descriptions.tsv)
    body_descriptions: tuple[tuple[str, str, tuple[str, ...]], ...] = field(default=(), hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "stance_phrase_verbs", frozenset(self.stance_phrases))


def _parse_tsv(name: str, extra: Sequence[PathLike]) -> list[tuple[str, list[str]]]:
    rows = []
    for src, n, line in read_data_lines(name, extra):
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0].strip():
            raise DataError(f"{location(src, n)}: expected two tab-separated columns, got {line!r}")
        rows.append((parts[0].strip(), [p.strip() for p in parts[1].split(",") if p.strip()]))
    return rows


def _columns(name: str, extra: Sequence[PathLike], lo: int, hi: int) -> list[list[str]]:
    """The tab-separated columns of each line of a data file (``lo`` to ``hi`` of them, none empty
    but the last)."""
    rows = []
    for src, n, line in read_data_lines(name, extra):
        parts = [p.strip() for p in line.split("\t")]
        if not lo <= len(parts) <= hi or not all(parts[:lo]):
            raise DataError(f"{location(src, n)}: expected {lo} to {hi} tab-separated columns, got {line!r}")
        rows.append(parts + [""] * (hi - len(parts)))
    return rows


def _load(extra: tuple[str, ...]) -> Lexicon:
    verbs: set[str] = set()
    for src, n, line in read_data_lines("speech_verbs.txt", extra):
        if line.startswith("="):
            verbs |= {w.lower() for w in line[1:].split()}
            continue
        base, *rest = line.split()
        irregular = {}
        for item in rest:
            key, sep, val = item.partition("=")
            if not sep or key not in {"past", "pp", "3sg", "ing"}:
                raise DataError(
                    f"{location(src, n)}: bad verb form {item!r}; allowed keys: past, pp, 3sg, ing"
                )
            irregular[key] = val.lower()
        verbs |= _inflect(base.lower(), irregular)
    titles = frozenset(w.lower() for _, _, line in read_data_lines("titles.txt", extra) for w in line.split())
    country_of: dict[str, str] = {}
    for country, names in _parse_tsv("countries.tsv", extra):
        for nm in [country, *names]:
            country_of[nm.lower()] = country
            country_of.setdefault(nm.lower().rstrip("."), country)
    seats = {seat.lower(): names[0] for seat, names in _parse_tsv("seats_of_power.tsv", extra)}
    groups = frozenset(line.lower() for _, _, line in read_data_lines("groups.txt", extra))
    org_words = frozenset(line.lower() for _, _, line in read_data_lines("org_words.txt", extra))
    abbreviations: dict[str, str] = {}
    for src, n, line in read_data_lines("abbreviations.txt", extra):
        kind, _, words = line.partition("\t")
        if kind not in {"title", "before_number", "initialism"}:
            raise DataError(
                f"{location(src, n)}: abbreviation kind {kind!r} is not one of: "
                "'title', 'before_number', 'initialism'"
            )
        for w in words.split():
            abbreviations.setdefault(w.lower(), kind)
    reactions = frozenset(line.lower() for _, _, line in read_data_lines("reaction_adjectives.txt", extra))
    calendar = frozenset(line.lower() for _, _, line in read_data_lines("calendar_words.txt", extra))
    documents = frozenset(line.lower() for _, _, line in read_data_lines("document_nouns.txt", extra))
    followers, past = (frozenset(w.lower() for _, _, line in read_data_lines(name, extra) for w in line.split())
                       for name in ("subject_followers.txt", "irregular_past.txt"))
    phrases: dict[str, set[str]] = {}
    for src, n, line in read_data_lines("stance_phrases.txt", extra):
        forms, sep, completions = line.partition("\t")
        if not sep or not forms.split() or not completions.split():
            raise DataError(f"{location(src, n)}: expected verb forms, a tab and the words that complete them, "
                            f"got {line!r}")
        for form in forms.lower().split():
            phrases.setdefault(form, set()).update(completions.lower().split())
    gender: dict[str, str] = {}
    both: set[str] = set()
    for src, n, line in read_data_lines("gendered_words.tsv", extra):
        letter, sep, words = line.partition("\t")
        if not sep or letter not in ("f", "m") or not words.split():
            raise DataError(f"{location(src, n)}: expected 'f' or 'm', a tab and words, got {line!r}")
        for w in words.lower().split():
            if gender.setdefault(w, letter) != letter:
                both.add(w)
    for w in both:  # listed under both letters: tells nothing
        del gender[w]
    return Lexicon(frozenset(verbs), titles, country_of, seats, groups, org_words, abbreviations, reactions,
                   calendar, documents, followers, past, {k: frozenset(v) for k, v in phrases.items()},
                   gender_words=gender,
                   np_modifiers=frozenset(w.lower() for _, _, line in read_data_lines("np_modifiers.txt", extra)
                                          for w in line.split()),
                   speech_adjectives=frozenset(w.lower() for _, _, line in read_data_lines("speech_adjectives.txt", extra)
                                               for w in line.split()),
                   office_holders=tuple((phrase.lower(), name, years)
                                        for phrase, name, years in _columns("office_holders.tsv", extra, 2, 3)),
                   body_descriptions=tuple((word.lower(), name, tuple(o.strip() for o in others.split(",") if o.strip()))
                                           for word, name, others in _columns("body_descriptions.tsv", extra, 2, 3)))


@lru_cache(maxsize=16)
def _load_cached(extra: tuple[str, ...]) -> Lexicon:
    return _load(extra)


def load_lexicon(lexicon_dirs: Iterable[PathLike] = ()) -> Lexicon:
    """Load the shipped rule data, extended by files in ``lexicon_dirs``.

    Parameters
    ----------
    lexicon_dirs : iterable of path
        Directories holding files named like the shipped ones
        (``speech_verbs.txt``, ``titles.txt``, ``countries.tsv``,
        ``seats_of_power.tsv``, ``groups.txt``, ``org_words.txt``,
        ``abbreviations.txt``, ``reaction_adjectives.txt``, ``calendar_words.txt``,
        ``document_nouns.txt``, ``subject_followers.txt``, ``irregular_past.txt``,
        ``gendered_words.tsv``, ``np_modifiers.txt``, ``speech_adjectives.txt``,
        ``stance_phrases.txt``, ``office_holders.tsv``, ``body_descriptions.tsv``). Their entries are added to the shipped ones.

    Returns
    -------
    Lexicon
        Cached: loading the same directories twice returns the same object.
    """
    if isinstance(lexicon_dirs, (str, Path)):
        lexicon_dirs = [lexicon_dirs]
    dirs = tuple(str(Path(d)) for d in lexicon_dirs)
    for d in dirs:
        if not Path(d).is_dir():
            raise DataError(f"{d}: lexicon directory does not exist")
    return _load_cached(dirs)
