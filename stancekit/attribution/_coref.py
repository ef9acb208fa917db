"""The persons and bodies of a document: their names, their mentions, and whom "he" and
"the minister" refer to.

:class:`_Doc` holds one document's state for attribution: the fullest name of each person
(so that "Lavrov" and "Sergei Lavrov" are one actor), bodies' names, the mentions of persons in
document order (:class:`_Mentions`, indexed by descriptor word), and the resolution of pronouns
and descriptions to the last fitting person, with a bounded look-back so that a document of any
length costs linear time. The rules that find speech and its speaker are in
:mod:`stancekit._segment`; they ask this module who a mention is.

Out of scope: number agreement ("they" for one person), a gender the lexicon cannot tell (a
pronoun may then resolve to a person of the other gender), and cataphora ("Before he spoke,
Lavrov ...").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from .._lexicon import Lexicon
from .._text import QuoteIndex, Sentence

# The kind of source a subject pronoun names (used by the segmenter's rules).
_PRONOUNS = {"he": "person", "she": "person", "they": "group", "we": "self", "i": "self"}

_ORG_SEQ = re.compile(
    r"[A-Z][\w’'.\-]*+(?:(?:\s++(?:of|for|and|on|in|to)(?:\s+the)?)?\s++[A-Z][\w’'.\-]*+)+"
)
_UP = "A-ZÀ-ÖØ-ÞĀ-ſ"  # Latin capitals (Latin Extended-A alternates cases; good enough for names)
# The pattern opens with a character class (then checks which kind of capital it was) so that
# ``re`` can skip ahead to the next capital instead of trying every alternative at every character;
# possessive quantifiers (nothing after them could match what they gave back) stop the engine from
# handing back a word letter by letter when no second word follows.
# A word of a name may hold capitals inside, after an apostrophe or not ("McCarthy", "DiPietro",
# "O’Malley"): read whole, not cut before its second capital ("Kevin Mc", "Martin O").
_NAME_WORD = r"(?:[^\W\d_A-Z]++|[’'](?=[A-Z]))(?:[’']?[A-Z][^\W\d_A-Z]++)*+(?:-[^\W\d_]++)*+"
# A run of capitalised words is read at most this many words at a time: a name with its titles
# is far shorter, and one match over a run of thousands of words ("The The The ...") grows the
# regular expression engine's stack with the run, beyond the processor's caches (3.8 times the
# time for twice the run, 320 kB -> 640 kB; bench_segment.py --pathological).
_RUN_WORDS = 12
_PARTICLE = "(?:de|van|von|der|al|bin|la|le|du|di)"
# After the capital, a look-ahead for what any match needs: the rest of the first word (it holds no
# whitespace), whitespace, then a capital or a particle. Most capitals (a sentence's first word, a
# single name) fail there at once instead of in the alternatives (the pattern 25% faster over our
# fixtures). The look-ahead reads the rest of a token, under 200 characters: a longer token is
# read as lowercase letters before (:func:`_capital_runs`), so the time stays linear.
_NAME_SEQ = re.compile(
    rf"[{_UP}](?=\S*+\s++(?:[{_UP}]|{_PARTICLE}\s))(?:{_NAME_WORD}|(?<=[A-Z])\.(?:[A-Z]\.)*+|(?<=[A-Z])[A-Z]{{1,5}}+)"
    rf"(?:\s++(?:{_PARTICLE}\s+)?(?:[{_UP}]{_NAME_WORD}|(?:[A-Z]\.)++)){{1,{_RUN_WORDS - 1}}}"
)
_DETERMINERS = frozenset(
    "the a an some many several other most few two three four both all certain leading "
    "one its these those".split()
)
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
# A possessive ending, either apostrophe ("Tamm’s", "Tamm's").
_POSSESSIVE = ("’s", "'s")


def _unpossessive(word: str) -> str:
    """``word`` without its possessive ending ("Tamm’s", "Tamm's" -> "Tamm")."""
    return word.removesuffix("’s").removesuffix("'s")


def _description_words(raw: list[str]) -> list[str]:
    """The words of a description, closing apostrophes and possessive endings dropped
    ("kazakhstan's foreign minister" -> "kazakhstan foreign minister")."""
    return [_unpossessive(w.rstrip("’'")) for w in raw]


# Party words before a name describe the person ("Republican Tomas Berg", "Democrat Ana Ruiz").
_PARTY_WORDS = frozenset("republican democrat democratic gop rival".split())
# Capitalised only because they open a sentence: never part of a name.
_FUNCTION = frozenset(
    "the a an he she it they we i you this that these those but and however in on at for as if when "
    "while whereas after before meanwhile yet still nonetheless nevertheless moreover indeed there his her its "
    "their our such some many most both all no not during despite although though since because with "
    "without from by of to asked speaking addressing highlighting given having being once then thus "
    "earlier later last next according neither either until unless alongside amid amidst among beyond "
    "throughout toward towards here so now what how against maybe perhaps even likewise furthermore "
    "nor nowhere nobody nothing".split()
)


_LEX_MEMOS: dict[tuple[int, str], tuple[Lexicon, dict]] = {}


def _lex_memo(lex: Lexicon, name: str) -> dict:
    """A memo of results that depend only on a string and the lexicon (emptied past 200,000 keys)."""
    entry = _LEX_MEMOS.get((id(lex), name))
    if entry is None or entry[0] is not lex or len(entry[1]) > 200_000:
        entry = _LEX_MEMOS[(id(lex), name)] = (lex, {})
    return entry[1]


class _Entity(NamedTuple):
    name: str
    kind: str  # person, org, group, country
    descriptors: frozenset[str]
    pos: int


class _Mentions:
    """Mentions of persons in the order they were added, indexed by descriptor word.

    Ordinals count every mention ever added, so that the index survives :meth:`keep_last`
    (the document's earlier windows of paragraphs are forgotten, all but the last mentions).

    The mentions are kept as columns (one list per field, equal descriptor sets shared), not as
    one object per mention: a document with a hundred thousand names then adds a handful of
    containers for the garbage collector to traverse, not hundreds of thousands, which kept the
    time of segmentation from growing faster than the document (issue #15)."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.kinds: list[str] = []
        self.descs: list[frozenset[str]] = []
        self.pos: list[int] = []  # items' positions
        self.top: list[int] = []  # running maximum of the positions (items may come out of order)
        self.base = 0  # ordinal of the first mention kept
        self.by_word: dict[str, list[int]] = {}  # descriptor -> ordinals, ascending
        self._shared: dict[frozenset[str], frozenset[str]] = {}  # one object per distinct set

    def __len__(self) -> int:
        return len(self.names)

    def __getitem__(self, k: int) -> _Entity:
        """The ``k``-th mention kept (not an ordinal: ``k`` counts from the first mention kept)."""
        return _Entity(self.names[k], self.kinds[k], self.descs[k], self.pos[k])

    def add(self, name: str, kind: str, descriptors: Iterable[str], pos: int) -> None:
        ordinal = self.base + len(self.names)
        desc = frozenset(descriptors)
        desc = self._shared.setdefault(desc, desc)
        self.names.append(name)
        self.kinds.append(kind)
        self.descs.append(desc)
        self.pos.append(pos)
        self.top.append(max(pos, self.top[-1]) if self.top else pos)
        for w in desc:
            self.by_word.setdefault(w, []).append(ordinal)

    def keep_last(self, n: int) -> None:
        """Forget all but the last ``n`` mentions."""
        drop = len(self.names) - n
        if drop <= 0:
            return
        del self.names[:drop], self.kinds[:drop], self.descs[:drop], self.pos[:drop], self.top[:drop]
        self.base += drop
        by_word = {}
        for w, ordinals in self.by_word.items():
            k = bisect_left(ordinals, self.base)
            if k < len(ordinals):
                by_word[w] = ordinals[k:]
        self.by_word = by_word
        self._shared = {d: d for d in self.descs}

    def last_with(self, desc: set[str], end: int) -> _Entity | None:
        """The last of the first ``end`` mentions kept whose descriptors include ``desc``, among
        the last :data:`_LOOK_BACK` of them."""
        lo = self.base + max(0, end - _LOOK_BACK)
        end += self.base
        if not desc:
            return self[end - 1 - self.base] if end > lo else None
        shortest = None
        for w in desc:
            ordinals = self.by_word.get(w)
            if ordinals is None:
                return None
            if shortest is None or len(ordinals) < len(shortest):
                shortest = ordinals
        k = bisect_left(shortest, end) - 1
        descs = self.descs
        while k >= 0 and shortest[k] >= lo:
            if desc <= descs[shortest[k] - self.base]:
                return self[shortest[k] - self.base]
            k -= 1
        return None


# An apposition after a name: ", " then words up to a comma, semicolon, parenthesis or sentence end.
_APPOSITION = re.compile(r",[ \t]++([^,;:()\n.!?\"“”]{2,}+)(?=[,;:().!?])")
_APPOSITION_CHARS = 100
# Finite verbs: words after a name's comma holding one are a clause, not an apposition.
_CLAUSE_VERBS = frozenset("is are was were has have had will would can could should did does said says told "
                          "tells added adds".split())
_APPOSITION_OPENERS = frozenset("the a an his her its their".split())
# Relatives end an apposition's description ("Lavrov, the minister who ...").
_RELATIVES = frozenset("who whose which that".split())
# How far back a pronoun looks for a person of its gender past an unresolved description.
_NEAR = 400
# Regions and their compass words opening a run before a name of two words or more: the end of an
# office's name, no part of the person's ("... for Central Asia Ana Ruiz" is Ana Ruiz)
# (stancekit._segment's classify keeps the same continents out of a person's name run)
_CONTINENTS = frozenset("asia europe caucasus africa america balkans".split())
_REGION_NAMES = _CONTINENTS | frozenset("central eastern western northern southern".split())
# A description with one of these titles that fits no one named falls back to the last speaker.
_FALLBACK_TITLES = frozenset("president minister ambassador envoy spokesman spokeswoman official head "
                             "chairman-in-office chairman secretary diplomat leader commissioner".split())
# Resolving a pronoun or a description looks back over at most this many mentions (of named
# persons, and of persons introduced by a description), so that it costs bounded time however
# long the document; a window of paragraphs keeps at least as many from the windows before it.
_LOOK_BACK = 1000
_KEEP = 2 * _LOOK_BACK
_ALNUM_RUN = re.compile(r"[^\W_]+")
# Two runs of letters or digits joined by the marks that a token may hold inside ("well-known",
# "al-Qaeda"), each run whole.
_RUN_PAIR = re.compile(r"(?<![^\W_])[^\W_]++(?=([’'.\-_]++[^\W_]++))")
_TOKENISH = re.compile(r"[\w’'.\-]*+")
_CHUNK = 1 << 20
# Whether a document writes a word in lowercase: the first words asked of a document this short are
# searched for in it (each search reads the text at most once), the rest answered from sets of its
# words built once (see _Doc._written_in_lowercase). A bounded number of searches per document
# keeps the time linear; most documents ask fewer, and never build the sets.
_IT_BACK = 600  # characters before "it" where the body it stands for may be named
# Capitalised words, then a lowercase "chairmanship" (see _Doc.chairmanship_before); each try starts
# at a token's start only, so that a long token of capitals is read once.
_CHAIRMANSHIP = re.compile(r"(?<![\w’'.\-])((?:[A-Z][\w’'.\-]*+[ \t]++){1,3}+)chairmanship\b")
_DIRECT_SEARCHES = 16
_DIRECT_LENGTH = 50_000


def _lowercase_runs(text: str, pairs: bool) -> set[str]:
    """The runs of letters and digits of ``text`` (with ``pairs``: the pairs of such runs joined
    by ``’'.-_``), read in chunks so that no list of every word of a large document is ever held.

    Runs of every case are kept (testing each for lowercase cost as much as finding them): a
    lowercase word is one of them exactly when the text writes it in lowercase."""
    found: set[str] = set()
    n = len(text)
    a = 0
    while a < n:
        b = min(n, a + _CHUNK)
        if b < n:
            b = _TOKENISH.match(text, b).end()  # never cut a run (or a pair) in two
        if pairs:
            chunk = {m.group(0) + m.group(1) for m in _RUN_PAIR.finditer(text, a, b)}
        else:
            chunk = set(_ALNUM_RUN.findall(text, a, b))
        found.update(chunk)
        a = b
    return found


def _title_case(text: str, start: int, end: int) -> bool:
    """Whether most words of ``text[start:end]`` are capitalised, as in a headline (the words of
    its first 2,000 characters: bounded, as it is asked once per name)."""
    words = text[start : min(end, start + 2000)].split()
    return sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


def _occurs_alone(text: str, word: str) -> bool:
    """Whether ``word`` occurs in ``text`` with no letter or digit right before or after it."""
    n = len(word)
    i = text.find(word)
    while i >= 0:
        if (i == 0 or not text[i - 1].isalnum()) and (i + n >= len(text) or not text[i + n].isalnum()):
            return True
        i = text.find(word, i + 1)
    return False


_LEAD_WORD = re.compile(r"[^\s,]+")
_LONG_TOKEN = re.compile(r"(?<!\S)\S{200,}")
_SPACE = re.compile(r"\s")


def _has_long_token(text: str) -> bool:
    """Whether ``text`` holds a :data:`_LONG_TOKEN` (200 characters or more without whitespace).

    Such a run holds the 101 characters from some multiple of 100 on: a text where each of those
    stretches has whitespace (ordinary prose, within a few characters) has none, found with
    one short search per 100 characters instead of a pass of the pattern over every one."""
    search = _SPACE.search
    if all(search(text, k, k + 101) for k in range(0, len(text) - 100, 100)):
        return False
    return _LONG_TOKEN.search(text) is not None


def _capital_runs(pattern: re.Pattern[str], text: str, start: int, end: int) -> Iterator[tuple[str, int]]:
    """``(match, offset)`` for each match of :data:`_NAME_SEQ` or :data:`_ORG_SEQ` in
    ``text[start:end]``, a token of 200 characters or more (no word) read as lowercase letters.

    Both patterns try every capital; a try reads the rest of its token, so that a long token of
    capitals, of "A.B.C." or of hyphenated words would cost time quadratic in its length."""
    if _LONG_TOKEN.search(text, start, end) is None:
        for m in pattern.finditer(text, start, end):
            yield m.group(0), m.start()
        return
    masked = _LONG_TOKEN.sub(lambda m: "x" * len(m.group(0)), text[start:end])
    for m in pattern.finditer(masked):
        yield m.group(0), start + m.start()

# A sentence that opens with one of these and a comma within :data:`_OPENING_WORDS` words ("In the
# debate on Monday, Senator X apologized"): the lead of a subject starts after the comma.
_OPENING_PREPOSITIONS = frozenset("in at on during after before since".split())
_OPENING_WORDS = 12


class _Lead:
    """Whether the words of a sentence before an offset are all determiners, titles or countries
    ("The Russian Foreign Minister Sergei Lavrov"): the sentence's words are read once, however
    many names it holds (the words of ``text[start:pos].lower()``, commas counting as spaces)."""

    def __init__(self, text: str, start: int, end: int, lex: Lexicon) -> None:
        self.text, self.start, self.lex = text, start, lex
        self.words = _LEAD_WORD.finditer(text, start, end)
        self.pending: re.Match[str] | None = None  # the next word, read but not yet judged
        self.bad = -1  # end of the first word that is none of those (-1: none yet)
        self.opening = -1  # words left of an opening phrase ("In the debate on Monday,"), -1: none
        self.first = True

    def _fits(self, word: str) -> bool:
        lex = self.lex
        return word in _DETERMINERS or word in lex.titles or word in lex.country_of or word.rstrip(".") in lex.titles

    def before(self, pos: int) -> bool:
        """For offsets in increasing order."""
        while self.bad < 0:
            if self.pending is None:
                self.pending = next(self.words, None)
                if self.pending is None:
                    break
            if self.pending.end() > pos:
                break  # a word running up to pos or past it: judged below, as the lead cuts it
            word = self.pending.group(0).lower()
            # (or a participle: "Opening the discussion, Ivo Marten set out ...")
            if self.first and (word in _OPENING_PREPOSITIONS or (len(word) > 5 and word.endswith("ing"))):
                self.opening = _OPENING_WORDS  # an opening phrase up to a comma: the lead starts after it
            self.first = False
            if self.opening > 0:
                self.opening -= 1
                if self.text.startswith(",", self.pending.end()):
                    self.opening = -1
                elif not self.opening:
                    self.bad = self.pending.end()
            elif not self._fits(word):
                self.bad = self.pending.end()
            self.pending = None
        if 0 <= self.bad <= pos or self.opening > 0:
            return False
        if self.pending is not None and self.pending.start() < pos:
            return self._fits(self.text[self.pending.start() : pos].lower())  # the last word, cut at pos
        return True


class _Doc:
    """Per-document state: name index, entity registry, quotes.

    A document is read in one or more windows of whole paragraphs (see :func:`_windows`): the
    names of the whole document (fullest names, bodies' names) are known from the start, the
    mentions of persons are kept for the current window and the last :data:`_KEEP` before it."""

    def __init__(self, text: str, lex: Lexicon, sents: list[Sentence] | None = None,
                 paras: list[tuple[int, int]] | None = None) -> None:
        self.text = text
        self.lex = lex
        self.full_name: dict[str, str] = {}  # surname (lower) -> fullest name
        self._org_name: dict[str, str] | None = None  # built on first use: see org_name
        self._org_memo = _lex_memo(lex, "orgs")
        self._body_spans: Iterable[tuple[int, int]] | None = None  # for org_name, built on first use
        self.mentions = _Mentions()  # named persons in document order, with descriptors
        self.described = _Mentions()  # persons introduced by a description ("a senior US official")
        self._name_memo = _lex_memo(lex, "names")
        self._lowercase_seen: dict[str, bool] = {}  # see common_word_at
        self._gender: dict[tuple[str, frozenset[str]], str | None] = {}  # see gender_of
        # Set by a first pass over a long document that indexed every mention of a person (they
        # are looked up before a position, at most _LOOK_BACK back: the later ones change nothing).
        self.outlined = False
        self._lower_runs: set[str] | None = None
        self._searches_left = _DIRECT_SEARCHES  # see _written_in_lowercase
        self._lower_pairs: set[str] | None = None
        self._long_token: bool | None = None  # whether the text holds a token of 200 characters or more
        self.last_person: _Entity | None = None
        self.last_group: _Entity | None = None
        self._bodies_written: dict[str, bool] = {}  # see body_described
        self.quotes = QuoteIndex(text, [])
        if sents is not None:
            self.open_window(sents, paras if paras is not None else [])

    def open_window(self, sents: list[Sentence], paras: list[tuple[int, int]]) -> None:
        """Second pass: attribution is about to read this window's sentences."""
        self.quotes = QuoteIndex(self.text, paras)
        if self._body_spans is None:  # the whole text in one window: bodies' names from its sentences
            self._body_spans = [(sent.start, sent.end) for sent in sents if sent.body]
        self.described.keep_last(_KEEP)
        if self.outlined:
            return  # the mentions of the whole document were indexed in the first pass
        self.mentions.keep_last(_KEEP)
        for sent in sents:
            if sent.body:
                self._index_names(sent.start, sent.end)

    def describe(self, ent: _Entity) -> None:
        """A person introduced by a description at ``ent.pos``."""
        self.described.add(*ent)

    # -- names ------------------------------------------------------------------
    def _capital_runs(self, pattern: re.Pattern[str], start: int, end: int) -> list[tuple[str, int]] | Iterator[tuple[str, int]]:
        """:func:`_capital_runs` over ``text[start:end]``; the test for a long token is made once for
        the whole text (a text without one has none in any of its sentences)."""
        if self._long_token is None:
            self._long_token = _has_long_token(self.text)
        if self._long_token:
            return _capital_runs(pattern, self.text, start, end)
        return [(m.group(), m.start()) for m in pattern.finditer(self.text, start, end)]

    def _name_words(self, seq: str) -> tuple[tuple[str, ...], frozenset[str] | tuple[()], bool] | None:
        """The words of a person's name in a run of capitalised words, the descriptors (titles,
        nationalities) before it, and whether they were found after a title inside the run; None
        when the run names no person.

        No descriptors are an empty tuple, not an empty frozenset: the result then holds no
        container the garbage collector must keep tracking (a tuple of strings is untracked at its
        first collection), and the memo of a document of many names without titles, one result
        per distinct name, is not traversed at every full collection (issue #13)."""
        lex = self.lex
        words = seq.split()
        i = 0  # words before i are dropped (an index, not pop(0): a run may hold thousands of words)
        while i < len(words) and (words[i].lower() in _FUNCTION or words[i].lower().rstrip(".") in lex.calendar):
            i += 1  # "On Sunday Dmitry Medvedev ...": the day is no part of the name
        desc = set()
        # Leading titles and nationality words describe the person that follows.
        while i < len(words) and (words[i].lower().rstrip(".") in lex.titles or words[i].lower() in lex.country_of
                                  or words[i].lower() in lex.org_words or words[i].lower() in _PARTY_WORDS
                                  or (words[i].lower() in _REGION_NAMES and len(words) - i > 2)
                                  or (words[i].isupper() and len(words[i]) > 1 and not _INITIALS.fullmatch(words[i]))):
            w = words[i].lower().rstrip(".")
            i += 1
            desc.add(w)
            if w in lex.country_of:
                desc.add(lex.country_of[w].lower())
        words = words[i:]
        inner = False
        if len(words) >= 3 and not self._personlike(words):
            # A title inside the run ("Velden Harbour Director Tomas Lindqvist", "Tideway
            # Trust researcher Anna Keller"): the name is the words after its last title, and the
            # words up to that title describe the person.
            last = max((k for k, w in enumerate(words[:-2]) if w.lower().rstrip(".") in lex.titles), default=-1)
            if last >= 0 and self._personlike(words[last + 1 :]):
                desc.update(w.lower().rstrip(".") for w in words[: last + 1])
                words, inner = words[last + 1 :], True
        if len(words) < 2 or not self._personlike(words):
            return None
        return tuple(words), frozenset(desc) if desc else (), inner

    def _index_names(self, start: int, end: int) -> None:
        """Fullest names by surname, and the mentions of persons, in ``text[start:end]``."""
        lex = self.lex
        memo = self._name_memo
        lead = None  # built at the first name (most sentences have none)
        if self.full_name and self.text[start : start + 1].isupper():
            # a surname alone opening the sentence, or its possessive, of a person named in full
            # before ("Lavrov also turned to X.", "Lavrov's speech ranged widely."): the subject a
            # "he" in the next sentence stands for (a run of one word is no _NAME_SEQ)
            first = self.text[start : min(end, start + 40)].split(None, 1)[0]
            first = _unpossessive(first.rstrip(",.;:"))
            full = self.full_name.get(first.lower()) if first[1:].islower() else None
            if full is not None and full != first and not any(q in self.text[start:end] for q in "\"“”«»"):
                self.mentions.add(full, "subject", (), start)  # (not in a quotation: "Zhovtis is in prison," he said)
        for seq, at in self._capital_runs(_NAME_SEQ, start, end):
            if seq not in memo:
                memo[seq] = self._name_words(seq)
            found = memo[seq]
            if found is None:
                continue
            if found[2] and (any(self._written_in_lowercase(w.lower()) for w in found[0])
                             or _title_case(self.text, start, end)):
                continue  # after a title inside a headline's run: "Harbour Chief Backs New Toll"
            words, desc = found[0], set(found[1])
            before = self.text[max(0, at - 40) : at].lower().split()
            for w in reversed(before[-4:]):
                w = w.strip(",’'s").rstrip(".")  # "Ms." is the title "ms"
                if w in lex.titles or w in lex.country_of:
                    desc.add(w)
                    if w in lex.country_of:
                        desc.add(lex.country_of[w].lower())
                elif w not in ("of", "the") or not found[1]:
                    break  # "President of Russia Dmitry Medvedev": the title before "of <country>" too
            desc |= self._apposition_after(at + len(seq), end)
            if self.text[at - 2 : at] == ", ":
                desc |= self._apposition_before(at - 2, start)
            name = " ".join(words)
            if lead is None:
                lead = _Lead(self.text, start, end, lex)
            subject = lead.before(at)
            self.mentions.add(name, "subject" if subject else "person", desc, at)
            key = words[-1].lower()
            if len(name) > len(self.full_name.get(key, "")):
                self.full_name[key] = name

    def _apposition_after(self, pos: int, end: int) -> set[str]:
        """Titles and countries of an apposition right after a name ("Kanat Saudabayev,
        Kazakhstan's foreign minister, said ..."), so that "the minister" and "the Kazakh
        minister" later resolve to him: the words up to the next comma or sentence end (at most
        :data:`_APPOSITION_CHARS` characters), when they open with a determiner, a possessive or
        a title; empty for anything else ("Lavrov, who ...", "Lavrov, Clinton and ...")."""
        m = _APPOSITION.match(self.text, pos, min(end, pos + _APPOSITION_CHARS))
        if m is None:
            return set()
        words = _description_words(m.group(1).lower().split())
        if not words or not (words[0] in _APPOSITION_OPENERS or m.group(1).split()[0].endswith(_POSSESSIVE)
                             or words[0] in self.lex.titles):
            return set()
        return self._titles_and_countries(words, _RELATIVES)

    def _apposition_before(self, comma: int, start: int) -> set[str]:
        """Titles and countries of a description right before a name and its comma at ``comma``
        ("The Minister for Europe, Tom Reyes, told ..."), so that "the minister" later resolves
        to him: the words back to the previous comma or the sentence's start ``start`` (at most
        :data:`_APPOSITION_CHARS` characters), when they open with a determiner or a possessive
        and hold no verb."""
        lo = max(start, comma - _APPOSITION_CHARS)
        cut = max(self.text.rfind(",", lo, comma), self.text.rfind(";", lo, comma), self.text.rfind(":", lo, comma))
        if cut < 0 and lo > start:
            return set()
        raw = self.text[max(cut + 1, lo) : comma].lower().split()
        words = _description_words(raw)
        if not 2 <= len(words) <= 6 or not (words[0] in _APPOSITION_OPENERS or raw[0].endswith(_POSSESSIVE)):
            return set()
        return self._titles_and_countries(words)

    def _titles_and_countries(self, words: list[str], stops: frozenset[str] = frozenset()) -> set[str]:
        """The titles and countries (with their countries' names) among a description's ``words``,
        read up to the first word of ``stops``: empty when a finite verb comes first (a clause:
        "According to Tom Reyes, the transport chief said ...") or no title is among them."""
        lex = self.lex
        desc = set()
        for w in words:
            if w in stops:
                break
            if w in _CLAUSE_VERBS:
                return set()
            if w in lex.titles:
                desc.add(w)
            elif w in lex.country_of:
                desc.update((w, lex.country_of[w].lower()))
        return desc if desc & lex.titles else set()

    def common_word_at(self, word: str, pos: int) -> bool:
        """Whether ``word``, capitalised at ``pos``, is a common word there: it opens a sentence
        (or a paragraph) and the document also writes it in lowercase."""
        before = self.text[max(0, pos - 3) : pos].rstrip(" \t\"“'‘«(")
        if before and before[-1] not in ".!?\n":
            return False
        low = word.lower()
        if low == word:
            return False
        found = self._lowercase_seen.get(low)
        if found is None:
            found = self._lowercase_seen[low] = self._written_in_lowercase(low)
        return found

    def _written_in_lowercase(self, low: str) -> bool:
        """Whether ``low`` occurs in the text with no letter or digit touching it.

        The first :data:`_DIRECT_SEARCHES` words asked of a text of at most
        :data:`_DIRECT_LENGTH` characters are searched for (most documents ask a few). Then,
        for a lowercase ``low`` (whose runs and pairs are lowercase too), the answer comes from
        the sets of runs of letters and digits (and of pairs of runs) of the text, built once: a
        search of the whole text for every word would cost time quadratic in the document's
        length. A word of three runs or more that passes the sets' tests is searched for (at
        most once per word)."""
        if self._lower_runs is None:
            if self._searches_left > 0 and len(self.text) <= _DIRECT_LENGTH:
                self._searches_left -= 1
                return _occurs_alone(self.text, low)
            self._lower_runs = _lowercase_runs(self.text, pairs=False)
        runs = _ALNUM_RUN.findall(low)
        if low == low.lower():
            if len(runs) == 1 and runs[0] == low:
                return low in self._lower_runs
            if not all(r in self._lower_runs for r in runs):
                return False  # every run of an occurrence is a whole run of the text
            if len(runs) >= 2:
                if self._lower_pairs is None:
                    self._lower_pairs = _lowercase_runs(self.text, pairs=True)
                pairs = [m.group(0) + m.group(1) for m in _RUN_PAIR.finditer(low)]
                if not all(p in self._lower_pairs for p in pairs):
                    return False
                if len(runs) == 2 and pairs and pairs[0] == low:
                    return True
        return _occurs_alone(self.text, low)

    @property
    def org_name(self) -> dict[str, str]:
        """Last word of a body's name, and each word that marks a body (lower) -> the fullest name
        of that body in the document; indexed over every body sentence on first use (most
        documents never ask)."""
        if self._org_name is None:
            names: dict[str, str] = {}
            for start, end in self._body_spans or ():
                self._index_orgs(start, end, names)
            self._org_name = names
        return self._org_name

    def _index_orgs(self, start: int, end: int, into: dict[str, str]) -> None:
        """Names of bodies, connectors included ("Ministry of Foreign Affairs of the Republic of Belarus"),
        by their last word and by each word that marks a body."""
        memo = self._org_memo
        for seq, _ in self._capital_runs(_ORG_SEQ, start, end):
            if seq not in memo:
                memo[seq] = self._org_keys(seq)
            found = memo[seq]
            if found is None:
                continue
            name, keys = found
            for key in keys:
                if len(name) > len(into.get(key, "")):
                    into[key] = name

    def org_before(self, pos: int, after: int) -> str | None:
        """The name of the last body named before ``pos`` and after ``after``, within
        :data:`_IT_BACK` characters: what "it" stands for when no body spoke since ("The Harbour
        Council met on Monday. It says the pier must close"). Only runs of capitalised words that
        name a body (:meth:`_org_keys`): a body written in lowercase ("the bureau") is not read."""
        start = max(after + 1, pos - _IT_BACK)
        if start >= pos:
            return None
        memo = self._org_memo
        best = None
        for seq, _ in self._capital_runs(_ORG_SEQ, start, pos):
            if seq not in memo:
                memo[seq] = self._org_keys(seq)
            if memo[seq] is not None:
                best = memo[seq][0]
        return best

    def chairmanship_before(self, pos: int) -> str | None:
        """The last chairmanship named before ``pos`` by capitalised words before a lowercase
        "chairmanship", within :data:`_IT_BACK` characters ("The Kazakh chairmanship has
        published its programme. The chair said ..." -> "Kazakh chairmanship"), a sentence's
        function words dropped; None when there is none or its words hold a possessive
        ("Kazakhstan's chairmanship" is the country's, read as written elsewhere)."""
        best = None
        for m in _CHAIRMANSHIP.finditer(self.text, max(0, pos - _IT_BACK), pos):
            words = [w for w in m.group(1).split() if w.lower() not in _FUNCTION]
            best = " ".join(words) + " chairmanship" if words and not any(
                w.endswith(_POSSESSIVE) or w.endswith(("’", "'")) for w in words) else None
        return best

    def _org_keys(self, seq: str) -> tuple[str, tuple[str, ...]] | None:
        """A body's name in a run of capitalised words, and the words it is known by; None when
        the run names no body."""
        words = seq.split()
        i = 0
        while i < len(words) and words[i].lower() in _FUNCTION:
            i += 1
        words = words[i:]
        org_words = [w.lower() for w in words if w.lower() in self.lex.org_words]
        if len(words) < 2 or not org_words:
            return None
        return " ".join(words), tuple(sorted({words[-1].lower(), *org_words}))

    def _personlike(self, words: list[str]) -> bool:
        lex = self.lex
        for w in words:
            if w.lower() in _FUNCTION:
                return False
            lw = w.lower().rstrip(".")
            if lw in lex.org_words or lw in lex.country_of or lw in lex.seats or lw in lex.titles:
                return False
            if w.isupper() and len(w) > 1 and not _INITIALS.fullmatch(w):
                return False
        return True

    def canonical_person(self, words: list[str]) -> str:
        if len(words[-1]) > 2 and words[-1].endswith(_POSSESSIVE):  # "Ivo Tamm's claim": Ivo Tamm
            words = [*words[:-1], words[-1][:-2]]
        name = " ".join(words)
        full = self.full_name.get(words[-1].lower())
        if full and len(full) > len(name) and full.endswith(words[-1]) and (
                len(words) == 1 or {w.lower() for w in words} <= set(full.lower().split())):
            return full  # (not "Per Lund" for "Ana Lund": another person of that surname)
        return name

    def gender_of(self, name: str, descriptors: Iterable[str] = ()) -> str | None:
        """"f", "m" or None (not known) for a person: from a gendered title or noun among the
        ``descriptors`` or opening the name ("Mrs", "spokeswoman"), else the given name ("Anna
        Petrova"), else the ending of the surname of a name of two words or more ("-ova", "-ov"),
        as ``gendered_words.tsv`` lists them.

        Out of scope: names the file does not list, and a person's gender stated only by a
        pronoun elsewhere in the document ("Keller ... her report")."""
        key = (name, frozenset(descriptors))
        if key in self._gender:
            return self._gender[key]
        table = self.lex.gender_words
        words = [w.rstrip(".,") for w in name.lower().split()]
        found = next((table[d] for d in key[1] if d in table), None)
        if found is None and words:
            found = table.get(words[0]) or table.get(words[0].split("-")[0])
            if found is None and len(words) >= 2:
                last = words[-1]
                found = next((table[f"-{last[i:]}"] for i in range(1, len(last) - 1) if f"-{last[i:]}" in table),
                             None)
        self._gender[key] = found
        return found

    # -- resolution -------------------------------------------------------------
    def resolve_pronoun(self, pos: int, gender: str | None = None) -> str | None:
        """"he"/"she": the most recent person who spoke or opened a sentence before ``pos``.

        Reads the persons introduced by a description (latest added first), then the named
        persons before ``pos`` (latest first), at most :data:`_LOOK_BACK` of each. With
        ``gender`` ("f" for "she", "m" for "he"): when that person is known to be of the other
        gender (:meth:`gender_of`), the latest person before ``pos`` known to fit, named or
        described, if there is one ("Anna Petrova opened the hearing. Then Viktor Lund read the
        report. She said ..." is Anna Petrova's). A person whose gender is not known is never
        passed over. Out of scope: number ("they" for a person), and cataphora."""
        found = self._latest_person(pos)
        if gender is None or found is None:
            return found
        known = self.gender_of(found)
        if known == gender:
            return found
        if known is None and not found.islower():
            return found
        # Of the other gender: the latest named or described person before ``pos`` known to fit,
        # if any; an unresolved description ("the chair") whose gender is not known gives way
        # only to such a person in the last :data:`_NEAR` characters.
        best, best_pos = None, (-1 if known is not None else pos - _NEAR)
        named = self.mentions
        end = bisect_left(named.pos, pos)
        for k in range(end - 1, max(-1, end - 1 - _LOOK_BACK), -1):
            ent = named[k]
            if ent.pos < best_pos:
                break
            if self.gender_of(ent.name, ent.descriptors) == gender:
                best, best_pos = self.canonical_person(ent.name.split()), ent.pos
                break
        described = self.described
        for k in range(len(described) - 1, max(-1, len(described) - 1 - _LOOK_BACK), -1):
            ent = described[k]
            if best_pos < ent.pos < pos and self.gender_of(ent.name, ent.descriptors) == gender:
                best, best_pos = self.canonical_person(ent.name.split()), ent.pos
        return best or found

    def _office_words(self, words: Iterable[str]) -> frozenset[str]:
        """The words of an office's description, a country adjective or seat of power read as its
        country ("Kremlin leader" -> {"russia", "leader"}), determiners and possessives dropped."""
        lex = self.lex
        out = set()
        for w in words:
            w = _unpossessive(w.lower().rstrip("’'"))
            if w in _DETERMINERS:
                continue
            country = lex.country_of.get(w) or lex.seats.get(w)
            out.add(country.lower() if country else w)
        return frozenset(out)

    def office_holder(self, words: Iterable[str]) -> str | None:
        """The holder of the office that the description ``words`` name ("the Russian president",
        "the Kremlin leader", "the Chairman-in-Office"), from the gazetteer ``office_holders.tsv``,
        when the article names that person (the fullest name it gives under the listed name's
        last word holds no word the listed name lacks: "Dmitry Medvedev", not "Roy Medvedev"; a
        surname alone, never in a run of capitalised words, is no name here) and names no other
        listed holder of an office the description fits; None otherwise. The name returned is the
        fullest the article gives. Not when the article titles another person so ("President
        Vladimir Putin ... The Russian president said": see :meth:`resolve_description`).

        A fallback inside the document, asked only when the article's own text did not resolve
        the description (a title before a name, an apposition). Out of scope: dates (the gazetteer
        does not read the article's date: an article of another period that names a listed holder
        gets that holder), and a person named only by the description, never by name (unresolved).
        A listed phrase fits the same description, and a description of two words or more, one of
        them a country or a seat of power, whose words it holds ("the Russian minister": the
        foreign, the prime and the defence minister; not "its foreign minister")."""
        offices = _lex_memo(self.lex, "offices")
        table = offices.get(None)
        if table is None:
            table = offices[None] = [(self._office_words(phrase.split()), name)
                                     for phrase, name, _ in self.lex.office_holders]
        want = self._office_words(words)
        if not want:
            return None
        # (a shorter description must keep its country: "its foreign minister" is no one's here)
        shorter = len(want) >= 2 and any(w in self.lex.country_of for w in want)
        found: set[str] = set()
        for phrase, name in table:
            if want == phrase or (shorter and want <= phrase):
                parts = name.split()
                full = self.full_name.get(parts[-1].lower())
                if full is not None and set(full.lower().split()) <= set(name.lower().split()):
                    found.add(full)
        return found.pop() if len(found) == 1 else None

    @property
    def body_words(self) -> frozenset[str]:
        """The words ``body_descriptions.tsv`` lists ("alliance", "bloc")."""
        memo = _lex_memo(self.lex, "bodies")
        found = memo.get(None)
        if found is None:
            found = memo[None] = frozenset(desc for desc, _, _ in self.lex.body_descriptions)
        return found

    def body_described(self, word: str) -> str | None:
        """The body that a one-word description ("the alliance") stands for, from the gazetteer
        ``body_descriptions.tsv``: the one body listed for ``word`` that the article writes (by
        any of its names; the name returned is the listed one), None when it writes none or
        several. A fallback for when no body of the article's own text ends in the word. The names
        are searched for in the text once per document."""
        written = self._bodies_written
        found = set()
        for desc, name, others in self.lex.body_descriptions:
            if desc != word:
                continue
            if name not in written:
                written[name] = any(_occurs_alone(self.text, n) for n in (name, *others))
            if written[name]:
                found.add(name)
        return found.pop() if len(found) == 1 else None

    def _other_country(self, desc: set[str], last: _Entity) -> bool:
        """Whether ``desc`` names a country ("the French ambassador") and the last speaker
        ``last`` is known to be of another (the Russian ambassador): then the description is a
        person not named before, not the last speaker. The speaker's countries are read from the
        descriptors of the latest mention of that name; a speaker of no known country may be
        the one described ("President Ivan Orlov ... the Ruritanian president")."""
        country_of = self.lex.country_of
        countries = {country_of[w].lower() for w in desc if w in country_of}
        if not countries:
            return False
        theirs = {country_of[w].lower() for w in last.name.lower().split() if w in country_of}  # "Spanish ambassador"
        if not theirs:
            named = self.mentions
            for k in range(len(named) - 1, max(-1, len(named) - 1 - _LOOK_BACK), -1):
                ent = named[k]
                if ent.descriptors and (ent.name == last.name or last.name.endswith(ent.name)):
                    theirs = {country_of[w].lower() for w in ent.descriptors if w in country_of}
                    break
        return bool(theirs) and not (countries & theirs)

    def _latest_person(self, pos: int) -> str | None:
        """The most recent person who spoke or opened a sentence before ``pos`` (see
        :meth:`resolve_pronoun`)."""
        best = self.last_person
        described = self.described
        cand = None  # the latest described person, when later than the last speaker
        for k in range(len(described) - 1, max(-1, len(described) - 1 - _LOOK_BACK), -1):
            ent = described[k]
            if ent.pos >= pos:
                continue
            if best is None or ent.pos > best.pos:  # every described person opened a clause
                cand = ent
            break
        floor = cand.pos if cand is not None else best.pos if best is not None else -1
        named = self.mentions
        end = bisect_left(named.pos, pos)
        for k in range(end - 1, max(-1, end - 1 - _LOOK_BACK), -1):
            ent = named[k]
            if ent.kind == "subject" and ent.pos > floor:  # a named subject later than either
                return self.canonical_person(ent.name.split())
            if ent.pos < floor:
                break
        if cand is not None:
            return self.canonical_person(cand.name.split())
        if best is None and end and named[end - 1].pos > pos - 2 * _NEAR:
            return self.canonical_person(named[end - 1].name.split())  # no subject nor speaker: the last person named
        return best.name if best else None

    def resolve_description(self, desc: set[str], pos: int, words: Iterable[str] = ()) -> str | None:
        """"the minister", "the Russian president": the last person before ``pos`` that the words
        ``desc`` describe, else the holder of the office that the description's ``words`` name
        when the article names that holder (:meth:`office_holder`), else the last person who spoke
        when ``desc`` holds a title.

        The person is the latest that fits, named or introduced by a description ("A State
        Department official said ... the official said"). A country word of ``desc`` counts as its country ("the Kazakh minister"
        is described as the minister of Kazakhstan, whichever form the name's title used)."""
        country_of = self.lex.country_of
        if not all(w in country_of for w in desc):  # (a nationality alone is read as written)
            desc = {country_of[w].lower() if w in country_of else w for w in desc}
        named = self.mentions
        best = named.last_with(desc, bisect_left(named.pos, pos))
        other = self.described.last_with(desc, bisect_left(self.described.top, pos))
        if other is not None and other.pos < pos and (best is None or other.pos > best.pos):
            best = other  # the later of the two: a person named, or one introduced by a description
        if best is not None:
            return self.canonical_person(best.name.split())
        if words:
            held = self.office_holder(words)
            titled = named.last_with(desc & self.lex.titles, bisect_left(named.pos, pos)) if held else None
            if held is not None and (titled is None or self.canonical_person(titled.name.split()) == held
                                     or self._other_country(desc, titled)):
                # (not when the article titles another person so: "President Ivan Orlov ... the
                # Ruritanian president" is Orlov's, whoever the gazetteer lists)
                return held
        last = self.last_person
        if last is not None and desc & _FALLBACK_TITLES and not last.name.islower() \
                and not self._other_country(desc, last):
            # (not when the last speaker is itself an unresolved description: "the secretary of
            # state said ..." then "the Russian foreign minister said ..." are two persons)
            return last.name
        return None
