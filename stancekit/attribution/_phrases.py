"""Noun phrases and subjects: the rules that read, backward from a speech verb over the sentence's
tokens, the noun phrase that is its subject, and the word tests they share.

- :func:`_np_backward`: the subject of the verb at ``vi`` ("Port Minister Ana Ruiz, a lawyer,
  said"): a name with its titles, a description, a group, over an apposition
  (:func:`_apposition_start`), a first conjunct ("France and Germany said",
  :func:`_first_conjunct`) or a group before a phrase of place ("Critics in the port council say",
  :func:`_group_before_place`).
- :func:`_described_subject`, :func:`_tag_description`: a description as the subject ("A harbour
  employee said", '"...," the insider asked.').
- :func:`_introductory`, :func:`_compound_noun`, :func:`_noun_use`, :func:`_modifies_next`: words
  before a verb that are no subject ("Earlier on Monday,", "the Oslo contest", "her call for", "The
  Danish strike also put").
- word tests: :func:`_name_cap`, :func:`_bare`, :func:`_np_word`, :func:`_np_modifier`,
  :func:`_skip_adverbs_back`, :func:`_initial_dot`, ... and the word sets they read.

The tokens are ``(token, start, end)`` triples as :func:`stancekit._segment._tokens` makes them
(quotations masked to ``_``). Out of scope: which verb is a saying and who its subject refers to
(``_Attributor`` in :mod:`stancekit._segment`, and :mod:`stancekit.attribution._coref`), how far
an actor's mention runs (:mod:`stancekit.attribution._mention`), the learned model
(:mod:`stancekit.attribution._model`). Moved out of ``_segment.py`` unchanged (issue 13, item 4).
"""

from __future__ import annotations

import re

from .._lexicon import Lexicon, read_data_lines
from ._coref import _DETERMINERS, _FUNCTION, _INITIALS, _PARTY_WORDS, _PRONOUNS, _lex_memo
from ._mention import _ROLE_LINKS


# "the paper", "the daily": a publication, the body that spoke last (see _Attributor.classify)
_PRESS_NOUNS = frozenset("paper newspaper daily weekly tabloid magazine".split())

_DASHES = frozenset("— –".split())
_OBJECT_PREPOSITIONS = frozenset("to in at on from with by for of about into than".split())

_SKIP = frozenset(
    "has have had also further then later recently repeatedly again publicly openly firmly "
    "confidently only just already was were is are would will could may might did does do not never "
    "once still often even reportedly privately formally officially subsequently initially first "
    "last yesterday today nonetheless nevertheless meanwhile instead too sometimes always usually".split()
)
_CONNECT = frozenset("of to for at on in and".split())
# Words inside a body's name or its place after a name in apposition ("Ana Ruiz of the Salem Rowing
# Club", "Tom Berg of Grace Church in Dalby", "Ola Vinter of the University of Lima").
_BODY_PLACE_LINKS = frozenset("the of in at".split())
_BE = frozenset("is was were are be been being".split())
_HEDGES = frozenset("appears appeared seems seemed".split())
# Party words that open a member's apposition ("Ana Ruiz, Democrat of Ohio, said"), compared in lowercase.
_PARTY_APPOSITIONS = frozenset("democrat republican independent libertarian".split())
_APPOSITIVE_OPENERS = frozenset(
    "a an the who which whose whom one now then himself herself itself its his her their including like such "
    "led backed joined supported speaking citing of from at never on in during after before while as with "
    "long ever always also still already".split()
)
# A question put to the subject, in apposition before its verb: "Ana Ruiz, asked about the toll on
# Friday, said ...", "The mayor, when pressed, said ..." (_np_backward).
_ASKED = frozenset("asked pressed questioned".split())
_PARTICLES = frozenset("de van von der den al bin la le du di da dos del".split())
# A name's part joined to a lowercase particle by a hyphen ("al-Rashed", "bin-Ali", "el-Sayed"): a
# capitalised name word wherever the subject and name scans ask for a capital.
_HYPHEN_NAME = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|ibn|bin|abu|ul|ud)-[A-Z][\w’'\-]*")


def _name_cap(tok: str) -> bool:
    """Whether ``tok`` is capitalised or a particle-hyphen name ("al-Rashed")."""
    return tok[:1].isupper() or (tok[:1].islower() and "-" in tok and _HYPHEN_NAME.fullmatch(tok) is not None)


def _bare(word: str) -> str:
    """``word`` without a possessive ending ('s, ’s, or a lone apostrophe)."""
    if word.endswith(("’s", "'s")):
        return word[:-2]
    if word.endswith(("’", "'")):
        return word[:-1]
    return word


def _describes_group(word: str, lex: Lexicon) -> bool:
    """A word that can describe a group noun in a coordination: a nationality or country
    ("Polish", "Swiss") or an acronym ("US", "U.S.", "NATO"); not a person's name."""
    bare = word.lower().rstrip(".")
    return bare in lex.country_of or (word.isupper() and len(word) > 1) or bool(_INITIALS.fullmatch(word))


def _titled_name(seg: list[tuple[str, int, int]], lex: Lexicon) -> bool:
    """Whether an apposition is titles and countries, then a person's name: "State Secretary and
    Foreign Minister of Kazakhstan Kanat Saudabayev" (after a description such as "the
    Chairman-in-Office", the name is the subject)."""
    words = [t[0] for t in seg]
    n = len(words)
    while n > 0:
        w = words[n - 1]
        b = _bare(w.lower().rstrip("."))
        if not w[:1].isupper() or b in lex.titles or b in lex.country_of or b in lex.org_words or b in _FUNCTION:
            break
        n -= 1
    if not 2 <= len(words) - n <= 4 or n == 0:
        return False
    prefix = [w.lower().rstrip(".") for w in words[:n]]
    return any(w in lex.titles for w in prefix) and all(
        w in lex.titles or _bare(w) in lex.country_of or w in ("of", "and", "the") for w in prefix)


_AFTER_SUBJECT = frozenset("in at on for of with from by himself herself itself themselves who which that alone "
                           "personally too now read".split())


def _modifies_next(tokens: list[tuple[str, int, int]], k: int, verb_at: int, lex: Lexicon) -> bool:
    """Whether the capitalised words before ``k`` modify the word at ``k`` instead of being the
    clause's subject: "The Georgian war also put ...", "Its central idea can be stated ...",
    "Article 1 asks ..."."""
    if k >= verb_at:
        return False
    w = tokens[k][0]
    low = w.lower()
    if w[:1].isdigit():
        return True
    return w.islower() and not (low in _SKIP or low in _AFTER_SUBJECT or low in lex.subject_followers
                                or low in lex.speech_verbs or low in lex.irregular_past or low in lex.titles
                                or low in lex.groups or low.endswith(("ly", "ed", "ing"))
                                or (low.endswith("s") and not low.endswith("ss")))


def _name_of_apposed_body(tokens: list[tuple[str, int, int]], k: int) -> bool:
    """Whether the name after the comma at ``k`` names the body of a description that is itself an
    apposition of a name before it ("Ana Lund, the editor of the port's paper, L'Ancre Bleue,
    said": the paper's name, Ana Lund speaks): the words before ``k`` back to a comma open with "the",
    "a" or "an" and hold "of", and a capitalised word stands before that comma."""
    c = k - 1
    while c > 0 and k - c < 16 and tokens[c][0] not in (",", ".", ";", ":") and not tokens[c][0].startswith("_"):
        c -= 1
    if not (c >= 1 and tokens[c][0] == "," and c + 2 < k and tokens[c + 1][0].lower() in ("the", "a", "an")
            and any(t[0] == "of" for t in tokens[c + 2 : k])):
        return False
    s = c  # the name before that comma opens the sentence (not "In Dalby, the head of ..., Ana Ruiz, said")
    while s > 0 and c - s < 6 and tokens[s - 1][0][:1].isupper() and tokens[s - 1][0].lower() not in _FUNCTION:
        s -= 1
    # (one word that opens the sentence may be a participle or an adverb: "Replying, the chair of ...")
    return s < c and s == 0 and (c > 1 or not tokens[0][0].lower().endswith(("ing", "ly", "ed", "ever")))


def _skip_adverbs_back(tokens: list[tuple[str, int, int]], j: int) -> int:
    """The last index at or before ``j`` that is not an auxiliary or adverb between a subject and
    its verb ("has also", "repeatedly", "would")."""
    while j >= 0:
        low = tokens[j][0].lower()
        if low not in _SKIP and (not _ly_adverb(low)
                                 or (j > 0 and tokens[j][0][:1].isupper())):  # "Ana Kelly": a name, no adverb
            break
        if low == "today" and j > 0 and tokens[j][0][:1].isupper() and _name_cap(tokens[j - 1][0]) \
                and tokens[j - 1][0].lower() not in _FUNCTION:
            break  # "Dalby Today reported", "USA TODAY reported": the last word of a paper's name
        j -= 1
    return j


def _quoted_apposition(tokens: list[tuple[str, int, int]], q: int, lex: Lexicon) -> int:
    """The index of the name before an apposition that ends with the quotation at ``q`` right before
    the verb ('Lund, the author of "Salt Roads," said', 'Ruiz, host of "Harbour Talk," said': the
    comma that closes the apposition is inside the quotation, so the quotation stands for it); ``q``
    itself for anything else. The apposition opens after a comma that follows a capitalised word,
    with a determiner or a title, holds "of" and runs at most 15 words. Out of scope: a
    quotation that is the subject's own words with no comma before it, an apposition with no "of"
    ('Ruiz, whose show "Harbour Talk," ...')."""
    k = q - 1
    while k > 0 and q - k < 16 and tokens[k][0] not in (",", ".", ";", ":") and not tokens[k][0].startswith("_") \
            and tokens[k][0] not in _QUOTE_MARKS:
        k -= 1
    if k < 1 or tokens[k][0] != "," or k > q - 3:
        return q
    name = tokens[k - 1][0]
    opener = tokens[k + 1][0].lower()
    if not (name[:1].isupper() and name.isalpha() and name.lower() not in _FUNCTION) or not (
            opener in _DETERMINERS or opener.removeprefix("co-") in lex.titles) \
            or not any(t[0] == "of" for t in tokens[k + 2 : q]):
        return q
    if k >= 2 and tokens[k - 2][0].lower() in ("in", "at", "from", "near"):
        return q  # "In Salem, the ...": a place, no name
    return k - 1


# Nouns in "-ly", no adverbs: "held a Lima rally blasting ..." (the rally is no adverb before a verb)
_LY_NOUNS = frozenset("rally rallies ally family assembly reply supply tally anomaly monopoly italy july".split())


def _ly_adverb(word: str) -> bool:
    """Whether ``word`` is an adverb in "-ly", not a noun in "-ly" (``_LY_NOUNS``: "at the rally" has
    no adverb before the verb, so "Many speakers at the rally said" keeps the rally in its phrase
    of place)."""
    low = word.lower()
    return low.endswith("ly") and low not in _LY_NOUNS


def _np_word(tok: str, lex: Lexicon) -> bool:
    """Whether ``tok`` can stand in a name or description read forward after "in the view of" or
    "by": capitalised, a determiner, a title, a group noun or a modifier ("legal advisers")."""
    low = tok.lower()
    return _name_cap(tok) or low in _DETERMINERS or low in lex.titles or low in lex.groups or _np_modifier(tok, lex)


def _joins_titles(tokens: list[tuple[str, int, int]], i: int, j: int, lex: Lexicon) -> bool:
    """Whether the "and" at ``i`` joins two capitalised titles of one holder ("State Secretary and
    Foreign Minister Kanat Saudabayev", "Deputy Prime Minister and Finance Minister X"): a title
    before it, a capitalised title within two words after it, up to ``j``."""
    return i > 0 and tokens[i - 1][0][:1].isupper() and tokens[i - 1][0].lower() in lex.titles \
        and i + 1 <= j and tokens[i + 1][0][:1].isupper() \
        and any(t[0][:1].isupper() and t[0].lower() in lex.titles for t in tokens[i + 1 : min(i + 3, j + 1)])


def _inside_body_name(tokens: list[tuple[str, int, int]], i: int, lex: Lexicon) -> bool:
    """Whether the "and" at ``i`` joins two parts of one body's name ("Office for Democratic
    Institutions and Human Rights", "Ministry of Culture and Information"): capitalised words
    before it run back to "for"/"of"/"on" after a body's word ("Office", "Ministry"). Not
    "Lavrov and Clinton", "Poland and the Baltic states"."""
    k = i - 1
    while k > 0 and k > i - 8 and tokens[k][0][:1].isupper():
        k -= 1
    return k < i - 1 and k > 0 and tokens[k][0].lower() in ("for", "of", "on") \
        and tokens[k - 1][0].lower() in lex.org_words


def _np_modifier(tok: str, lex: Lexicon) -> bool:
    """Whether the lowercase word ``tok`` may stand before a source's head noun: listed in
    ``np_modifiers.txt``, or of five letters or more with a suffix listed there ("-al")."""
    if not tok.isalpha() or not tok.islower():
        return False
    mods = lex.np_modifiers
    return tok in mods or (len(tok) >= 5 and any(f"-{tok[-k:]}" in mods for k in (2, 3, 4))) \
        or tok in _title_modifiers(lex)


def _title_modifiers(lex: Lexicon) -> frozenset[str]:
    """``title_modifiers.txt``: nouns that stand before a title ("the transport chief")."""
    memo = _lex_memo(lex, "title_modifiers")
    words = memo.get(None)
    if words is None:
        words = memo[None] = frozenset(line.lower() for _, _, line in read_data_lines("title_modifiers.txt"))
    return words


# Finite verbs: a stretch between commas holding one is a clause, not an apposition.
_FINITE = frozenset("is are was were has have had will would can could should did does do said says told "
                    "tells added argued noted".split())


# A party and state tag as tokenised ("R-Ore" then ".", "D-NY", "R-S.C"): "Sen. Ann Lee, D-Ore., a
# candidate, said" has the subject before it.
_PARTY_TAG = re.compile(r"[RDI]-[A-Z][A-Za-z.]{0,6}")


def _apposition_start(tokens: list[tuple[str, int, int]], j: int, lex: Lexicon) -> int | None:
    """Index of the comma that opens an apposition running with inner commas up to the comma at
    ``j`` ("Paul Demir, a Tulsa, Okla., lawyer helping to draft it, said"; "Jane Ruiz, deputy
    director for housing, transport and planning, said"): the left-most comma within 30 tokens
    that follows a name and opens with an appositive word, a title or a possessive, with no
    finite verb, quotation or clause mark between it and ``j``; None when there is none."""
    for c in range(max(1, j - 30), j - 1):
        if tokens[c][0] != ",":
            continue
        prev, opener = tokens[c - 1][0], tokens[c + 1][0].lower()
        if not ((prev[:1].isupper() and prev.lower() not in _FUNCTION and prev.lower() not in lex.titles
                 and prev.lower() not in _LEAD_CONJUNCTIONS)  # not "Or, as Tom Berg, a ..., once wrote"
                or prev == ")"):
            continue
        if not (opener in _APPOSITIVE_OPENERS or opener in lex.titles or opener.endswith(("’s", "'s"))
                or (opener.endswith("ing") and tokens[c + 1][0].islower())  # "Lee, speaking at ..., said"
                or _PARTY_TAG.fullmatch(tokens[c + 1][0])  # a party and state: "Sen. Ann Lee, D-Ore., said"
                or (opener.isdigit() and len(opener) <= 3 and tokens[c + 2][0] == ",")):  # an age: "Lee, 41, said"
            continue
        n = c - 1  # the name must open the clause: not "On Port News Tuesday, his sister, ..."
        if tokens[n][0] == ")":
            while n > 0 and n > c - 15 and tokens[n][0] != "(":
                n -= 1
            n -= 1
        while n >= 1 and (tokens[n - 1][0][:1].isupper() and tokens[n - 1][0].lower() not in _FUNCTION
                          or tokens[n - 1][0].lower().rstrip(".") in lex.titles or _initial_dot(tokens, n - 1)):
            n -= 1
        if n < 0 or (n > 0 and not (tokens[n - 1][0] in (",", ";", ":", "'", "’", "‘", "`")
                                    or tokens[n - 1][0].startswith("_")
                                    or tokens[n - 1][0].lower() in ("and", "but", "the", "a", "an"))):
            return None
        # (a relative clause inside the apposition may hold its own verbs: "Jon Lund, 31, who has
        # rowed for the Salem club since May, told"; a title in quotation marks between commas is a
        # name: "a pilot on the ferry, ''The Gull,'' who ...")
        rel = next((k for k in range(c + 1, j) if tokens[k][0].lower() in _RELATIVE_WHO
                    or opener == "like" and tokens[k][0].lower() == "which" and tokens[k - 1][0] == ","), j)
        # (and after "like" a body's own relative clause: "The Gazette, like the Courier, which was first, said")
        if any(t[0].lower() in _FINITE for t in tokens[c + 1 : rel]) or any(
                t[0] in (";", ":") or t[0].startswith("_") and not (
                    rel < j and tokens[k - 1][0] == "," and (tokens[k + 1][0] == "," or k + 1 == rel))
                for k, t in enumerate(tokens[c + 1 : j], c + 1)):
            return None
        return c
    return None


_RELATIVE_WHO = frozenset(("who", "whose"))  # a relative clause inside an apposition (_apposition_start)


# A sentence's opening conjunction before a comma: no name that an apposition follows.
_LEAD_CONJUNCTIONS = frozenset("or and but so yet still".split())
_TAG_DETERMINERS = frozenset("a an the one another".split())
_CLOSING_MARKS = frozenset(", ? ! ' ’ ` \" ”".split())


def _tag_description(tokens: list[tuple[str, int, int]], i: int) -> int | None:
    """Index of the determiner of a description ending with the lowercase noun at ``i`` that
    follows a quotation as its tag ('"Will he run?" the insider asked.', '"...," a harbour
    staffer wondered.'): right after the quotation's closing mark, then at most two words before
    the noun; else None."""
    if not tokens[i][0].isalpha() or not tokens[i][0].islower() or tokens[i][0].endswith("ly"):
        return None
    for d in range(i - 1, max(-1, i - 4), -1):
        if tokens[d][0].lower() in _TAG_DETERMINERS:
            q = d - 1
            while q >= 0 and tokens[q][0] in _CLOSING_MARKS:
                q -= 1
            return d if q >= 0 and tokens[q][0].startswith("_") else None
        if not tokens[d][0].isalpha() or tokens[d][0].lower() in _FUNCTION:
            return None
    return None


_TOLD = frozenset(("told", "tells"))


def _tag_ends(tokens: list[tuple[str, int, int]], vi: int) -> bool:
    """Whether the closing tag's verb at ``vi`` ends the sentence: the end or a mark of
    punctuation follows, or, after "told" or "tells", its object first ('"...," the harbour
    veteran told the Gazette.': "the", "a" or "an", then up to three capitalised words, or
    "reporters")."""
    k, n = vi + 1, len(tokens)
    if k < n and tokens[vi][0] in _TOLD:
        k += k < n and tokens[k][0] in ("the", "a", "an")
        e = k
        while e < n and e < k + 3 and tokens[e][0][:1].isupper() and tokens[e][0].isalpha():
            e += 1
        if e == k and k < n and tokens[k][0] == "reporters":
            e = k + 1
        k = e if e > k else vi + 1
    return k == n or tokens[k][0] in (".", ",", "!", "?")


def _participle_of_quote(tokens: list[tuple[str, int, int]], q: int) -> int | None:
    """The index of the participle whose object is the quotation that ends at token ``q`` (or at
    ``q - 1``, before a comma), after a subject and a comma ("Mr. Berg, citing ''the magic of the
    port,'' said the mayor could ..."): the verb after it is the subject's, no inverted tag; else None."""
    p = q
    while p > 0 and not tokens[p][0].startswith("_") and (tokens[p][0] in _QUOTE_MARKS or tokens[p][0] == ","):
        p -= 1
    while p > 0 and (tokens[p - 1][0].startswith("_") or tokens[p - 1][0] in _QUOTE_MARKS):
        p -= 1
    if p >= 3 and tokens[p - 1][0].endswith("ing") and tokens[p - 1][0].islower() and tokens[p - 2][0] == ",":
        return p - 1
    return None


_DESCRIBED_DETERMINERS = frozenset("a an the one another".split())
_TAG_POSSESSIVES = frozenset("his her their".split())  # lowercase: not a sentence's first word
# A demonstrative and an anonymous source's noun in a closing tag ('"...," this source told the Gazette.').
_TAG_DEMONSTRATIVES = frozenset(("this", "that"))
_TAG_DEMONSTRATIVE_NOUNS = frozenset("source insider official person aide adviser".split())


def _noun_kind(noun: str) -> str:
    """The kind of a speaker named by a description's noun alone: a plural ("dockers", not "boss")
    is a group, else a person."""
    return "group" if noun.endswith("s") and not noun.endswith("ss") else "person"


def _tag_opening(tokens: list[tuple[str, int, int]], k: int) -> bool:
    """Whether the token at ``k`` may stand right before a closing tag: a comma, or a masked
    quotation with its closing marks (a quotation that ends with its own comma hides it)."""
    while k >= 0 and tokens[k][0] in _QUOTE_MARKS:
        k -= 1
    return k >= 0 and (tokens[k][0] == "," or tokens[k][0].startswith("_"))


def _described_subject(tokens: list[tuple[str, int, int]], vi: int, lex: Lexicon,
                       possessive: bool = False) -> tuple[int, int] | None:
    """``[d, n + 1)``: a description that opens the clause and is the subject of the saying verb at
    ``vi`` ("A harbour employee said ...", "One former Lima dock worker, speaking on condition of
    anonymity, said ..."): a determiner at the start or after a comma, at most three modifiers, a
    lowercase noun, then the verb (after an adverb in "-ly" or a participle's phrase between
    commas); else None. ``possessive``: a lowercase possessive may be a modifier ("the union's
    lawyer"; only for a participle's shared subject, _Attributor._described_opener)."""
    n = vi - 1
    if n >= 1 and tokens[n][0].endswith("ly") and tokens[n][0].islower():
        n -= 1
    if n >= 2 and tokens[n][0] == ",":  # ", speaking on condition of anonymity,"
        c = n - 1
        while c > 0 and n - c < 25 and tokens[c][0] != ",":
            c -= 1
        if c < 1 or tokens[c][0] != "," or not (tokens[c + 1][0].endswith("ing") and n - c < 12
                                                or tokens[c + 1][0].lower() == "who"):
            return None  # (or a "who" clause: "A ferry hand, who wanted no name printed, said")
        n = c - 1
    w = tokens[n][0] if n >= 0 else ""
    if not (w.isalpha() and w.islower()) or w.endswith("ly") or w in _FUNCTION or w in _NOT_NOUNS or w in _PRESS_NOUNS:
        return None  # ("the paper added": the publication that spoke last, read by classify's rule)
    for d in range(n - 1, max(-1, n - 5), -1):
        t = tokens[d][0]
        if t in _TAG_DEMONSTRATIVES and d == n - 1 and d >= 1 and _tag_opening(tokens, d - 1) \
                and w in _TAG_DEMONSTRATIVE_NOUNS:
            return d, n + 1  # '"...," this source told the Gazette.': the source the article spoke of
        if t.lower() in _DESCRIBED_DETERMINERS or t in _TAG_POSSESSIVES and d >= 1 and _tag_opening(tokens, d - 1) \
                and (w in _PERSON_NOUNS or w in _KIN_NOUNS or w in lex.titles):  # a person ("their smiles said" is none)
            # (a possessive only in a tag after a comma or a quotation: '"...," his old neighbour told the Gazette.')
            return (d, n + 1) if d == 0 or tokens[d - 1][0] == "," or t in _TAG_POSSESSIVES else None
        if possessive and d > 0 and _lower_possessive(t):
            continue  # "the union's lawyer": a possessive modifier
        if not t.isalpha() or t.lower() in _FUNCTION or t.endswith(("ed", "ing")) and t.islower() \
                or t.lower() in lex.country_of or t.lower() in _NOT_NOUNS:
            return None  # (not "The Russian side": a country speaks, read by the rules after this)
    return None


# Prepositions that open a sentence with an adverbial phrase before its subject.
_ADVERBIAL_PREPOSITIONS = frozenset("in at on during after before with from since following like unlike despite "
                                  "among through over under".split())


def _prepositional_opener(tokens: list[tuple[str, int, int]], p: int) -> bool:
    """Whether the words up to ``p`` (the word before a run of capitalised words and a comma) lie
    in an adverbial phrase that opens the sentence with a preposition ("In a debate with radio
    hosts Lena Ortiz and Paul Brandt, the candidate said": the names are no apposition of the
    subject). Out of scope: a phrase opened after a comma mid-sentence, or longer than 25 words."""
    k = p
    while k >= 0 and p - k < 25 and tokens[k][0] not in (".", ";", ":", ",") and not tokens[k][0].startswith("_"):
        k -= 1
    return k < p and (k < 0 or tokens[k][0] in (".", ";", ":")) and tokens[k + 1][0].lower() in _ADVERBIAL_PREPOSITIONS


_PLACE_OBJECT_PREPOSITIONS = frozenset("at in on during after before from".split())


def _object_of_place(tokens: list[tuple[str, int, int]], h: int, lex: Lexicon) -> bool:
    """Whether the noun at ``h`` is the object of a preposition of place or time, after a
    determiner and at most two modifiers, behind a noun that no list names as a speaker ("Most
    guests at the service — ... — said": neither the guests, unknown to the lists, nor the
    service speak here; "Two pilots at the agency — ... — said": the pilots, a group, are read
    with their place; "a spokesman for the Ruiz campaign" is no such object)."""
    for d in range(h - 1, max(-1, h - 4), -1):
        if tokens[d][0].lower() in ("the", "a", "an"):
            if d < 1 or tokens[d - 1][0].lower() not in _PLACE_OBJECT_PREPOSITIONS:
                return False
            before = tokens[d - 2][0].lower() if d >= 2 else ""
            return not (before in lex.groups or before in lex.titles or _bare(before) in lex.groups)
    return False


def _possessive_name_apposition(seg: list[tuple[str, int, int]]) -> bool:
    """Whether ``seg`` is a capitalised name's possessive and one or two lowercase words ("Tom Berg's
    daughter", "Lund's longtime aide"): an apposition of the name before it. Out of scope: a
    title between ("Berg's Deputy Minister")."""
    p = next((i for i, t in enumerate(seg) if t[0].endswith(("'s", "’s"))), None)
    return p is not None and 1 <= len(seg) - p - 1 <= 2 and all(
        t[0][:1].isupper() and t[0].replace("'s", "").replace("’s", "").isalpha() for t in seg[: p + 1]) \
        and all(t[0].isalpha() and t[0].islower() for t in seg[p + 1 :])


def _lower_possessive(word: str) -> bool:
    """A lowercase noun's possessive ("union's", "port’s")."""
    return word[-2:] in ("'s", "’s") and word[:-2].isalpha() and word[:-2].islower()


_OCCASION_NOUNS = frozenset(line.lower() for name in ("attribution_occasion_nouns.txt", "document_nouns.txt")
                            for _, _, line in read_data_lines(name))
_OCCASION_PREPOSITIONS = frozenset(("in", "on"))
# Auxiliaries and modals: "The same cannot be said", "The decision was announced".
_NOT_NOUNS = frozenset("be been being was were is are am has have had will would can cannot could should "
                       "shall may might must do does did not".split())


def _spaced_hyphen(tokens: list[tuple[str, int, int]], k: int) -> bool:
    """Whether token ``k`` is a hyphen with space on both sides, written for a dash ("Tom Reyes - a
    teacher from Lima - says"), not the hyphen inside "policy-making"."""
    return tokens[k][0] == "-" and 0 < k < len(tokens) - 1 and tokens[k - 1][2] < tokens[k][1] < tokens[k][2] < tokens[k + 1][1]


def _np_backward(tokens: list[tuple[str, int, int]], vi: int, lex: Lexicon,
                 conjunct: bool = True) -> tuple[int, int] | None:
    """Index range ``[i, vi_np)`` of the noun phrase that is the subject of the verb at ``vi``
    (with ``conjunct``, over a first conjunct before "and", ``_first_conjunct``, and over a group
    before a phrase of place, ``_group_before_place``)."""
    j = vi - 1
    j = _skip_adverbs_back(tokens, j)
    part = _participle_of_quote(tokens, j) if j >= 3 and (tokens[j][0].startswith("_") or tokens[j][0] in _QUOTE_MARKS) \
        else None
    if part is not None:  # "Mr. Berg, citing ''the magic of the port,'' said": the subject before the participle
        j = _skip_adverbs_back(tokens, part - 2)
    elif j >= 4 and tokens[j][0].startswith("_"):
        j = _quoted_apposition(tokens, j, lex)
    if j >= 3 and tokens[j][0].lower() == "who" and tokens[j - 1][0][:1].isupper():
        # A cleft, "It was Nicolas Sarkozy who suggested": the name between "it was" and "who".
        n = j - 1
        while n > 0 and tokens[n - 1][0][:1].isupper() and tokens[n - 1][0].lower() != "it":
            n -= 1
        if n >= 2 and tokens[n - 2][0].lower() == "it" and tokens[n - 1][0].lower() in ("was", "is"):
            j -= 1
    # "Dmitry Medvedev on Thursday said": the day is when, not who.
    if j >= 1 and tokens[j][0].lower() in lex.calendar and tokens[j - 1][0].lower() in ("on", "in", "last", "this", "next"):
        j -= 2
        if j >= 1 and tokens[j][0].lower() in ("late", "early"):
            j -= 1  # "Surveys of ferry riders late last month showed": when, not who
        j = _skip_adverbs_back(tokens, j)
    if j >= 2 and tokens[j][0].lower() == "particular" and tokens[j - 1][0].lower() == "in":
        j = _skip_adverbs_back(tokens, j - 2)  # "Norway and Denmark in particular feared"
    elif j >= 3 and tokens[j][0].lower() in lex.calendar and tokens[j - 1][0].lower() in ("a", "the") \
            and tokens[j - 2][0].lower() in ("during", "on") and tokens[j - 3][0][:1].isupper():
        j -= 3  # "Ana Ruiz during a Sunday thanked the crew": the day is when, not who
    # "Tom Berg in a blog post said", "Ana Ruiz on Twitter wrote": the occasion is where, not who.
    if j >= 2 and tokens[j][0].lower() in _OCCASION_NOUNS:
        p = j - 1
        while p > 0 and j - p < 3 and tokens[p][0].isalpha() and tokens[p][0].lower() not in _OCCASION_PREPOSITIONS \
                and tokens[p][0].lower() not in _FUNCTION:
            p -= 1  # its modifiers: "a blog post", "a Sunday radio interview"
        if p >= 1 and tokens[p][0].lower() in _DETERMINERS and tokens[p][0].lower() not in _OCCASION_PREPOSITIONS:
            p -= 1
        if p >= 1 and tokens[p][0] in _OCCASION_PREPOSITIONS and tokens[p - 1][0][:1].isupper() \
                and tokens[p - 1][0].lower() not in _FUNCTION:
            j = p - 1
    # Between subject and verb: ", in fact,", ", a specialist at X,", ", who ...,", "(United Kingdom, ALDE)".
    j0 = j
    double = j >= 3 and tokens[j][0] == "-" and tokens[j - 1][0] == "-"  # "--" written for a dash
    single = not double and j >= 2 and _spaced_hyphen(tokens, j)  # " - " written for a dash
    if j >= 2 and (tokens[j][0] in _DASHES or double or single):  # "Tom Reyes — a teacher from Lima — says": the name before the dashes
        k = j - 1 - double
        while k > 0 and k > j - 20 and tokens[k][0] not in _DASHES and tokens[k][0] not in (".", ";", ":") \
                and not (double and tokens[k][0] == "-" and tokens[k - 1][0] == "-") and not (single and _spaced_hyphen(tokens, k)):
            k -= 1
        k -= double and tokens[k][0] == "-"
        head = tokens[k - 1][0] if k >= 1 else ""
        if k >= 1 and k < j - 1 - double and (tokens[k][0] in _DASHES or double and tokens[k][0] == "-"
                                              or single and _spaced_hyphen(tokens, k)) \
                and (head[:1].isupper() or head in lex.titles or head in lex.groups
                     or head in lex.org_words and not _object_of_place(tokens, k - 1, lex)) \
                and (tokens[k + 1 + double][0].lower() in _APPOSITIVE_OPENERS or tokens[k + 1 + double][0].lower() in lex.titles):
            j = k - 1  # (and a description: "The harbour judge -- who ... -- said", "A spokesman for the
            # Ruiz campaign - a small office - noted": a body's word as the head)
    for _ in range(3):
        if j >= 1 and tokens[j][0] == "," and tokens[j - 1][0] == ")":
            j -= 1
        if j >= 0 and tokens[j][0] == ")":
            k = j - 1
            while k >= 0 and k > j - 15 and tokens[k][0] != "(":
                k -= 1
            if k >= 0 and tokens[k][0] == "(":
                j = k - 1
        if j >= 0 and tokens[j][0] == ",":
            k = j - 1
            while k >= 0 and k > j - 30 and (tokens[k][0] != "," or _in_number(tokens, k)):
                k -= 1
            seg = tokens[k + 1 : j]
            lead = 0
            while lead < len(seg) and seg[lead][0].lower().rstrip(".") in lex.titles:
                lead += 1
            name_part = seg[lead:]
            run = 0  # "Another pollster, Ravi Mehta of Boston College, said": the name before "of"
            while run < len(name_part) and name_part[run][0][:1].isupper() \
                    and name_part[run][0].lower() not in _FUNCTION and name_part[run][0].lower() not in lex.titles:
                run += 1
            kin = run == 1 == len(name_part) == len(seg) and k >= 2 and tokens[k - 1][0] in _KIN_NOUNS \
                and (tokens[k - 2][0].endswith(("'s", "’s")) or tokens[k - 2][0].lower() in _PART_OWNERS)
            if kin:  # "Ruiz's husband, Tom, said": a relative by a given name alone
                return (k + 1, k + 2)
            if k >= 1 and tokens[k][0] == "," and 2 <= run <= 4 and not (  # not "in Charleston, West Virginia"
                    k >= 2 and tokens[k - 1][0][:1].isupper() and tokens[k - 2][0] in ("in", "at", "from", "near")) and (
                    run == len(name_part) or (
                    name_part[run][0] in ("of", "from") and run + 1 < len(name_part)
                    and all(t[0][:1].isupper() or t[0] in _BODY_PLACE_LINKS for t in name_part[run + 1 :])
                    and name_part[-1][0][:1].isupper())):  # ("Ana Ruiz of the Salem Rowing Club", "of Grace Church in Dalby")
                if not _name_of_apposed_body(tokens, k):
                    return (k + 1, k + 1 + lead + run)  # the name in apposition is the subject
                j = k - 1  # "Ana Lund, the editor of the port's paper, L'Ancre Bleue, said": Ana Lund
                continue
            if k >= 1 and tokens[k][0] == "," and tokens[k - 1][0].lower().rstrip(".") in lex.titles \
                    and _titled_name(seg, lex):
                return (k + 1, j)  # "the Chairman-in-Office, Foreign Minister of Kazakhstan Kanat Saudabayev, said"
            if k >= 1 and tokens[k][0] == "," and k < j - 1:
                opener = tokens[k + 1][0].lower()
                short_adverbial = j - k <= 4 and all(t[0][:1].islower() for t in tokens[k + 1 : j])
                titled = j - k <= 16 and any(t[0].lower() in lex.titles for t in tokens[k + 1 : j]) \
                    and tokens[k - 1][0][:1].isupper()  # "Kanat Saudabayev, Kazakhstan's Foreign Minister, said"
                possessive = opener.endswith(("’s", "'s")) and j - k <= 8  # "Belarus, Russia's closest ally, backed"
                # "Ana Ruiz, Tom Berg's daughter, said": a name's possessive, then its noun
                possessive = possessive or (j - k <= 6 and tokens[k - 1][0][:1].isupper() and tokens[j - 1][0].islower()
                                            and _possessive_name_apposition(tokens[k + 1 : j]))
                participle = opener.endswith("ing") and opener.isalpha() and j - k <= 12 \
                    and any(t[0].startswith("_") for t in tokens[k + 2 : j])  # ", citing ''...'',"
                asked = opener in _ASKED or (opener == "when" and k + 2 < j and tokens[k + 2][0].lower() in _ASKED)
                # "Ana Ruiz, curator of the Salem museum, said", "Lund, another trustee of the Fund, said"
                role = 4 <= j - k <= 16 and tokens[k - 1][0][:1].isupper() and tokens[k + 1][0].isalpha() \
                    and tokens[k + 1][0].islower() and (opener == "another" or (tokens[k + 2][0] in _ROLE_LINKS and (
                        tokens[k + 3][0][:1].isupper() or tokens[k + 3][0] == "the")))
                # "Senator Ana Ruiz, Democrat of Ohio, said": a party and the state or town a member sits for
                party = 4 <= j - k <= 7 and opener in _PARTY_APPOSITIONS and tokens[k + 2][0] in ("of", "from") \
                    and tokens[k + 3][0][:1].isupper() and tokens[k - 1][0][:1].isupper()
                if short_adverbial or opener in _APPOSITIVE_OPENERS or opener.removeprefix("co-") in lex.titles \
                        or titled or possessive or participle or asked or role or party:  # ("co-director": the title)
                    j = k - 1
        j = _skip_adverbs_back(tokens, j)
    if j0 >= 1 and tokens[j0][0] == ",":
        c = _apposition_start(tokens, j0, lex)
        r = j  # (not when the search landed on a titled name: "..., Gov. Ann Kerr (R-OH), said")
        while r >= 0 and (tokens[r][0][:1].isupper() or _initial_dot(tokens, r)) \
                and tokens[r][0].lower().rstrip(".") not in lex.titles:
            r -= 1
        titled = r >= 0 and tokens[r][0].lower().rstrip(".") in lex.titles and 1 <= j - r <= 4 \
            and not (r >= 1 and tokens[r - 1][0].lower() in ("of", "for", "and", "the"))  # not "of International"
        if c is not None and j >= c and not titled:
            # "Paul Demir, a Tulsa, Okla., lawyer helping to draft it, said"
            j = c - 1
            if tokens[j][0] == ")":  # "Sen. Ann Kerr (D-Ohio), a candidate, said"
                k = j - 1
                while k > 0 and k > j - 15 and tokens[k][0] != "(":
                    k -= 1
                j = k - 1 if tokens[k][0] == "(" else j
    if j < 0:
        return None
    if j >= 3 and tokens[j][0].isalpha() and tokens[j][0].islower() and tokens[j - 2][0].lower() in _PLACE_PREPOSITIONS \
            and tokens[j - 1][0].lower() in _EACH_PLACE and (tokens[j][0] in lex.titles or tokens[j][0] in lex.org_words):
        # "Almost half of voters in each state say": the group before a phrase of place that
        # names no place, not the place's noun ("state" is a title's word: "secretary of state")
        group = _np_backward(tokens, j - 2, lex, conjunct=False)
        if group is not None and group[1] == j - 2 and _bare(tokens[j - 3][0].lower()) in lex.groups:
            return group
        return None
    if j >= 2 and tokens[j][0].lower() == "others" and tokens[j - 1][0].lower() == "and":
        # "Ana Ruiz and others said": the first conjunct and "others", one subject
        before = _np_backward(tokens, j - 1, lex, conjunct=False)
        return (before[0], j + 1) if before is not None and before[1] == j - 1 else None
    end = j + 1
    first = tokens[j][0]
    if first.lower() in _PRONOUNS:
        return (j, end)
    if first == "It" and j == 0 and tokens[vi][0].lower() not in _HEDGES \
            and not any(t[0].lower() in _BE for t in tokens[j + 1 : vi]):
        return (j, end)  # "It urges ..." opening the clause, not "It is said", "It seems to", "... makes it"
    i = j
    saw_head = False
    while i >= 0:
        tok = tokens[i][0]
        low = tok.lower().rstrip(".")
        base = _bare(low)
        if low in lex.calendar and saw_head:
            break  # "On Sunday Dmitry Medvedev offered": the subject starts after the day
        if (_name_cap(tok) and low not in _FUNCTION) or low in lex.titles or low in lex.groups \
                or base in lex.org_words or low in lex.org_words or (
                i == j == vi - 1 and _tag_ends(tokens, vi) and (
                    (low in _PERSON_NOUNS and any(t[0].lower() in _INDEFINITE for t in tokens[max(0, i - 3) : i]))
                    or _tag_description(tokens, i) is not None)):
            saw_head = True  # (a person's noun after "a", "one", "another" in a closing tag: "..., one user wrote.")
            i -= 1
            continue
        if low in _PARTICLES and saw_head and i > 0 and (tokens[i - 1][0][:1].isupper() or (
                i > 1 and tokens[i - 1][0] in _PARTICLES and tokens[i - 2][0][:1].isupper())):  # "van der"
            i -= 1
            continue
        if saw_head and _np_modifier(tok, lex) and (tokens[i + 1][0] in lex.titles  # a lowercase title
                                                     or tok not in _title_modifiers(lex)):
            i -= 1  # "a senior presidential adviser", "local officials", "the transport chief"
            continue
        if low in _DETERMINERS and saw_head:
            # "the US mission to the OSCE", "Yelena Stolyarova of the Institute": a determiner after a connector
            if i >= 2 and tokens[i - 1][0].lower() in ("to", "of", "for", "at", "on") and (
                tokens[i - 2][0].lower() in lex.org_words or tokens[i - 2][0].lower() in lex.titles
                or (tokens[i - 2][0][:1].isupper() and tokens[i - 2][0].lower() not in _FUNCTION)
            ):
                i -= 2
                continue
            i -= 1
            break
        if low in _CONNECT and saw_head and i > 0 and (
            tokens[i - 1][0][:1].isupper() or tokens[i - 1][0].lower() in lex.org_words
            or tokens[i - 1][0].lower() in lex.titles or tokens[i - 1][0].lower() in lex.groups
        ) and (low != "and" or _inside_body_name(tokens, i, lex) or _joins_titles(tokens, i, j, lex)):
            i -= 1
            continue
        if (low.endswith(("’", "'")) or tok in ("’", "'")) and saw_head and (
                tok not in ("’", "'") or (i >= 1 and tokens[i - 1][0][-1:].isalpha())):
            i -= 1  # a possessive ("Reyes' campaign"), not the closing mark of ''...'' before the name
            continue
        if low == "and" and saw_head and 0 < i < j and tokens[j][0].lower() in lex.groups \
                and tokens[i + 1][0][:1].isupper() and _describes_group(tokens[i - 1][0], lex):
            i -= 1  # "Polish and Baltic diplomats", "US and NATO officials": both describe the group
            continue
        break
    start = i + 1
    # Trim leading connectors
    while start < end and tokens[start][0].lower() in _CONNECT:
        start += 1
    if start >= end or not saw_head:
        return None
    # "Anna Keller of the Vienna-based monitoring group Civic Watch argued": reach back to the person.
    for k in range(start - 1, max(-1, start - 8), -1):
        if tokens[k][0] in (",", ".", ";", ":") or tokens[k][0].startswith("_"):
            break
        if tokens[k][0].lower() in ("of", "at", "from") and k >= 1 and tokens[k - 1][0][:1].isupper() \
                and tokens[k - 1][0].lower() not in _FUNCTION and (k + 1 < len(tokens) and tokens[k + 1][0].lower() in ("the", "a", "an")):
            n = k - 1
            while n - 1 >= 0 and tokens[n - 1][0][:1].isupper() and tokens[n - 1][0].lower() not in _FUNCTION:
                n -= 1
            if k - n >= 2:
                return (n, end)
            break
    if start >= 3 and tokens[start - 1][0] in ("to", "with") and tokens[start - 2][0].endswith("ing") \
            and tokens[start - 2][0].islower():
        # "A harbour official speaking to the Gazette said": the participle's object is no subject
        outer = _np_backward(tokens, start - 2, lex)
        if outer is None:  # "Another harbour source speaking to Ferry News said": a description
            outer = _described_subject(tokens, start - 2, lex)
        if outer is not None:
            return outer
    # The subject must not be a possessive ("Kazakhstan's support"), nor a day alone ("released a
    # statement Wednesday saying": the statement's issuer speaks, see _Attributor._shared_subject).
    if tokens[end - 1][0].endswith(("’s", "'s")) or (end - start == 1 and tokens[start][0].lower() in lex.calendar):
        return None
    # Appositive: "Ivan Petrov, the head of ... asserted"
    if tokens[start][0].lower() in _DETERMINERS and start >= 2 and tokens[start - 1][0] == ",":
        k = start - 2
        names = []
        while k >= 0 and tokens[k][0][:1].isupper() and tokens[k][0].lower() not in lex.titles \
                and tokens[k][0].lower() not in _FUNCTION and tokens[k][0].lower() not in lex.calendar:
            names.append(k)  # (not "In March, the Harbor Board announced")
            k -= 1
        p = names[-1] - 1 if names else -1
        if p >= 1 and tokens[p][0].lower() in ("the", "a", "an"):
            p -= 1  # ("sent to The Gazette, the mayor said")
        if len(names) >= 2 and not (p >= 0 and tokens[p][0] in _OBJECT_PREPOSITIONS) \
                and not _prepositional_opener(tokens, p):
            return (names[-1], names[0] + 1)  # (not "In a letter sent to The Gazette, the mayor said")
    if not conjunct:
        return (start, end)
    first = _first_conjunct(tokens, start, lex)
    start = start if first is None else first
    group = _group_before_place(tokens, start, lex)
    return (start if group is None else group, end)


# Prepositions of a place or a body after a group noun: "Critics in the port council say ...".
# Quantifiers of a phrase of place that names no place ("in each town", "across both states").
_EACH_PLACE = frozenset(("each", "every"))
_PLACE_PREPOSITIONS = frozenset(("in", "on", "at", "from", "across", "inside", "within"))


def _group_before_place(tokens: list[tuple[str, int, int]], start: int, lex: Lexicon) -> int | None:
    """Start of a plural group noun's phrase that opens its clause, when the subject found at
    ``start`` is the object of a preposition after it ("Critics in the port council say ...":
    the critics speak, not the council; the annotation guide keeps "critics in Warsaw and
    Vilnius" whole); else None."""
    p = start - 1
    while p > 1 and p > start - 4 and (tokens[p][0] in _DETERMINERS or tokens[p][0].isalpha()
                                       and tokens[p][0].islower() and tokens[p][0] not in _FUNCTION
                                       and tokens[p][0] not in _CONNECT):
        p -= 1  # "in the harbour council": the walk back took "council" alone
    if p > 2 and tokens[p][0] == "and":  # "Diplomats from Spain and the northern states said": two places
        other = _np_backward(tokens, p, lex, conjunct=False)
        if other is not None and other[1] == p:  # (the walk may run over "in": "Critics in Lima")
            p = next((q for q in range(p - 1, other[0] - 1, -1) if tokens[q][0] in _PLACE_PREPOSITIONS), other[0] - 1)
    if p < 1 or tokens[p][0] not in _PLACE_PREPOSITIONS:
        return None
    g = p - 1
    word = tokens[g][0]
    head = word.lower()
    if not (head.endswith("s") and (_bare(head) in lex.groups or word[:1].isupper() and word[1:].islower())):
        return None
    a = g
    while a > 0 and a > g - 4 and (_np_modifier(tokens[a - 1][0], lex) or tokens[a - 1][0][:1].isupper()
                                   and tokens[a - 1][0].lower() not in _FUNCTION):
        a -= 1
    if a > 0 and tokens[a - 1][0].lower() in _DETERMINERS:
        a -= 1
    if a > 0 and tokens[a - 1][0] not in _CLAUSE_OPENERS:
        return None
    return a


# Tokens that may stand before a coordinated subject opening its clause ("On Monday, France and
# Germany said"): the frame's start, a comma, a colon, a semicolon, a bracket or a dash.
_CLAUSE_OPENERS = frozenset((",", ";", ":", "(") + tuple(_DASHES))
_CONJUNCT_PREPOSITIONS = frozenset(("of", "for", "at", "from", "with", "in", "on", "across", "inside", "within"))


def _first_conjunct(tokens: list[tuple[str, int, int]], start: int, lex: Lexicon) -> int | None:
    """Start of the first conjunct when the subject at ``start`` is the second of "A and B" (SPEC
    section 4: the group that speaks; "France and Germany said" gives France and Germany): A is a
    noun phrase of its own, headed by a name, a group or a body, that opens its clause; else None.
    Not a body's name ("Office for ... and Human Rights"), a nationality or acronym before a name
    ("US and Russian officials": the walk back reads those), a title ("Port Minister and Harbour
    Chief Ana Ruiz", "President Ana Ruiz and ..."), a phrase with a preposition ("a clerk of the
    Roads and Bridges Office"), or the end of a list after a capitalised word
    ("Tom Berg, Ana Ruiz and ..."; not "On Monday, A and B")."""
    c = start - 1
    if c < 1 or tokens[c][0] != "and" or not tokens[c - 1][0][-1:].isalnum() or _inside_body_name(tokens, c, lex):
        return None
    span = _np_backward(tokens, c, lex, conjunct=False)  # (one pair, not a chain: no recursion)
    if span is None or span[1] != c or tokens[span[0]][0].lower() in _PRONOUNS:
        return None
    a = span[0]
    if a > 0 and (tokens[a - 1][0] not in _CLAUSE_OPENERS or (
            tokens[a - 1][0] == "," and a >= 2 and tokens[a - 2][0][:1].isupper()
            and tokens[a - 2][0].lower() not in lex.calendar)):
        return None
    first = tokens[a + (tokens[a][0].lower() in _DETERMINERS) : c]
    head = tokens[c - 1][0]
    if not first or any(t[0].lower().rstrip(".") in lex.titles or t[0].lower() in _CONJUNCT_PREPOSITIONS for t in first) \
            or not (head[:1].isupper() or _bare(head.lower()) in lex.groups or head.lower() in lex.org_words
                    or head.lower() in _PERSON_NOUNS) \
            or (len(first) == 1 and _describes_group(head, lex) and _before_group(tokens, start, lex)) \
            or (start + 1 < len(tokens) and tokens[start][0][:1].isupper() and tokens[start][0].lower() not in lex.titles
                and tokens[start + 1][0].lower().rstrip(".") in lex.titles):
        return None  # (the last: a place before a title, most often a heading run on, "Lima and Oslo Mayor Ana Ruiz")
    return a


def _before_group(tokens: list[tuple[str, int, int]], k: int, lex: Lexicon) -> bool:
    """Whether capitalised words from ``k`` on end at a group noun ("Russian officials")."""
    while k < len(tokens) and tokens[k][0][:1].isupper():
        k += 1
    return k < len(tokens) and _bare(tokens[k][0].lower()) in lex.groups


# Words that open an introductory phrase, not a subject: "Early in his campaign, ...".
_INTRODUCTORY = frozenset("early earlier later afterwards meanwhile still instead now then last next "
                          "yesterday today tonight once soon here likewise furthermore besides otherwise "
                          "overall regardless again anyway therefore hence".split())
_TIME_AFTER = frozenset(("later", "earlier", "ago"))


def _introductory(tokens: list[tuple[str, int, int]], lex: Lexicon) -> bool:
    """Whether the sentence opens with an introductory phrase that ends at its first comma: an
    adverb ("Early in his campaign,", "Later,") or a participle with its object ("Facing mounting
    criticism,", "Citing the report,"); not a name ("King, a lawyer,", "Beijing, ...")."""
    head = tokens[0][0].lower()
    if head in _INTRODUCTORY or (head.endswith("ly") and len(head) > 4):
        return True
    # "Minutes later,", "Two days earlier,", "Weeks ago,": a span of time, not a subject.
    for k in range(1, min(4, len(tokens) - 1)):
        if not tokens[k][0][:1].isalnum():
            break
        if tokens[k][0].lower() in _TIME_AFTER and tokens[k + 1][0] == ",":
            return True
    return head.endswith("ing") and len(head) > 4 and len(tokens) > 1 and tokens[1][0][:1].islower() \
        and head not in lex.country_of and head not in lex.seats


_POSSESSIVE_DETERMINERS = frozenset("the a an this his her their its our my your".split())


# Adjectives of order or time between a determiner and the adjective before a noun (_noun_use).
_ORDER_ADJECTIVES = frozenset("next last first second third final upcoming latest recent previous".split())


_MODALS = frozenset("will would can could should shall may might must did does do".split())


def _compound_noun(tokens: list[tuple[str, int, int]], vi: int, lex: Lexicon) -> bool:
    """Whether the speech word at ``vi``, a base form, heads a compound noun after an article and
    capitalised words that are no title and no plural ("the Lima contest", "a Sunday
    tweet"; not "the Germans announce", "Nor will the Harbor Trust accept")."""
    word = tokens[vi][0]
    if word.endswith(("s", "ing")) or word in lex.irregular_past or word in ("said", "told"):
        return False  # a base form only: "contest", "call"
    k = vi - 1
    if tokens[k][0].endswith("s") or not tokens[k][0][:1].isupper():
        return False  # "the Germans announce": a plural subject
    while k >= 0 and vi - k <= 3 and tokens[k][0][:1].isupper() and tokens[k][0].isalpha() \
            and tokens[k][0].lower() not in lex.titles and tokens[k][0].lower() not in _FUNCTION:
        k -= 1
    return k >= 0 and k < vi - 1 and tokens[k][0] in ("a", "an", "the") and not (
        k >= 1 and tokens[k - 1][0].lower() in _MODALS)  # not "Nor will the Harbor Trust accept"


def _noun_use(tokens: list[tuple[str, int, int]], vi: int, lex: Lexicon) -> bool:
    """Whether the speech verb at ``vi`` (not a past form) is used as a noun: right after a
    determiner ("his call for"), or after a determiner or possessive and an adjective ("the
    Democratic contest", "this year's Republican contest", "a political challenge"; an article and
    a plain adjective may come first: "a firm Russian pledge")."""
    if vi < 1 or tokens[vi][0].endswith("ed"):
        return False
    prev = tokens[vi - 1][0]
    low = prev.lower()
    if low in _POSSESSIVE_DETERMINERS:
        return True
    if _head_before_verb(tokens, vi, lex):
        return True
    if vi + 1 < len(tokens) and tokens[vi + 1][0] == "that" and tokens[vi][0].endswith("s"):
        return False  # "The Harbor Journal notes that": a verb with its clause ("Journal" is no adjective in "-al")
    if vi >= 2 and _compound_noun(tokens, vi, lex):
        return True
    if vi < 2 or not prev[:1].isupper() or low in lex.titles or not (
            low in lex.country_of or low in _PARTY_WORDS
            or (len(low) >= 5 and any(f"-{low[-k:]}" in lex.np_modifiers for k in (2, 3)))):
        return False  # (an adjective of a country or a party: "Russian", "Democratic", "Republican")
    before = tokens[vi - 2][0].lower()
    if vi >= 3 and (before in _ORDER_ADJECTIVES  # "the next Republican contest", "its last Democratic debate"
                    or tokens[vi - 3][0].lower() in _ARTICLES and _plain_adjective(tokens[vi - 2][0], lex)
                    and tokens[vi][0] not in ("said", "says", "told", "tells")):  # "a firm Russian pledge"
        before = tokens[vi - 3][0].lower()
    return before in _POSSESSIVE_DETERMINERS or before.endswith(("'s", "’s"))


_ARTICLES = frozenset(("a", "an", "the"))
# Words before a base form that make it a verb after all: "those who report said" is no noun.
_VERB_SUBJECTS = frozenset("who they we i you to will would can could should may might must not".split())


def _head_before_verb(tokens: list[tuple[str, int, int]], vi: int, lex: Lexicon) -> bool:
    """Whether the speech word at ``vi``, a base form ("champion", "report", "reply", "advocate"),
    is the head noun of the subject of the finite speech verb right after it ("The former Olympic
    champion said", "The audit report cited", "A 2008 council reply stated"): a base form cannot
    be followed by a finite verb. Out of scope: an "-s" form ("The audit reports cited") and a base
    form after a pronoun, "who", "to" or a modal, which stay verbs."""
    word = tokens[vi][0]
    if vi + 1 >= len(tokens) or not word.isalpha() or not word.islower() or word.endswith(("s", "ing")) \
            or word in lex.irregular_past or tokens[vi - 1][0].lower() in _VERB_SUBJECTS:
        return False
    nxt = tokens[vi + 1][0]
    return nxt.isalpha() and nxt.islower() and nxt in lex.speech_verbs and nxt != word and (
        nxt.endswith("ed") or nxt in lex.irregular_past or nxt in ("said", "says", "told", "tells", "wrote", "writes"))


def _plain_adjective(word: str, lex: Lexicon) -> bool:
    """Whether ``word`` may be a plain adjective between an article and a country's or party's
    adjective ("a firm Russian pledge"): a lowercase word of letters that is no function
    word, speech verb or plural, and no "-ly" adverb. Out of scope: it is not checked against a
    dictionary, so a lowercase noun ("the party Russian pledge") passes too."""
    return word.isalpha() and word.islower() and word not in _FUNCTION and word not in lex.speech_verbs \
        and not word.endswith(("ly", "s"))


_QUOTE_MARKS = frozenset("' ‘ ’ ` \" “ ”".split())


def _initial_dot(tokens: list[tuple[str, int, int]], k: int) -> bool:
    """Whether ``tokens[k]`` is the full stop of an initial or a title ("Paul R. Pillar", "Rev.")."""
    return tokens[k][0] == "." and k >= 1 and (len(tokens[k - 1][0]) == 1 or tokens[k - 1][0][:1].isupper()) \
        and k + 1 < len(tokens) and tokens[k + 1][0][:1].isupper()


# Nouns of a person with no title (attribution_person_nouns.txt), after an indefinite determiner.
_INDEFINITE = frozenset(("a", "an", "one", "another"))
_PERSON_NOUNS = frozenset(line.lower() for _, _, line in read_data_lines("attribution_person_nouns.txt"))


def _in_number(tokens: list[tuple[str, int, int]], k: int) -> bool:
    """Whether the comma at ``k`` separates thousands ("1,300"), touching digits on both sides."""
    return 0 < k < len(tokens) - 1 and tokens[k - 1][0][-1:].isdigit() and tokens[k + 1][0][:1].isdigit() \
        and tokens[k - 1][2] == tokens[k][1] and tokens[k][2] == tokens[k + 1][1]


_KIN_NOUNS = frozenset("colleague colleagues counterpart predecessor successor wife husband son daughter brother "
                       "sister partner boss".split())  # "Her colleague Pavel Orlov" (clause_subject)

_PART_OWNERS = frozenset("its their his her our".split())
