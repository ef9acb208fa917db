"""A source's whole mention: the name and the apposition that describes it.

``"Ida Brandt, a pollster who has polled for both parties, argued ..."`` names its source with
all of ``Ida Brandt, a pollster who has polled for both parties``, and so does ``"..., said
Ana Ruiz, a lawyer in Lima."`` with ``Ana Ruiz, a lawyer in Lima``: PolNeAR's Source spans
run over such appositions, and SPEC's ``actor_mention`` is "the words in the text that name
the source". :func:`extend_mention` adds the apposition to a mention found by the rules or
the learned model; the actor (the canonical name) does not change.

Out of scope: appositions before the name ("A pollster, Ida Brandt, said"), parentheses, and
a mention neither inside its statement nor in the 400 characters before it.
"""

from __future__ import annotations

import re

from .._lexicon import read_data_lines

__all__ = ["extend_mention", "head_nouns"]

# Words an apposition may open with: determiners, relative words, "former"; numbers (ages)
# and title words are accepted by code.
_OPENERS = frozenset("a an the who whose which former then longtime his her their its one both another "
                     "chief senior deputy top democrat republican also now long formerly currently including".split())
# Determiners and possessives: after a lowercase word in "-ed" that opens a segment, that word is a
# verb with its object ("X, who led the talks, thanked her aides for ..."), and the
# segment is a clause, not an apposition.
_DETERMINER_AFTER_VERB = frozenset("a an the his her their its our my your this these those".split())
# Irregular past tenses (data/irregular_past.txt): as a word in "-ed", one that opens a segment
# before a determiner is a verb with its object ("X, who led the talks, met his aides for ...").
_IRREGULAR_PAST = frozenset(w.lower() for _, _, line in read_data_lines("irregular_past.txt") for w in line.split())
# Finite verbs: a segment with one of them (outside a relative clause) is a clause, not an
# apposition ("X, the bridge is safe").
_VERBS = frozenset("is are was were has have had will would said says say can could should may might "
                   "did does do told tells added".split())
# A stop: punctuation, or a full stop after a word (not after "Mr" or an initial): an apposition
# of a speaker named in the sentence before a quotation ends with its sentence. The full stop is
# matched before its look-behind, so that every alternative opens with a character of a set and
# ``re`` skips to the next such character (2.6 times faster than the look-behind tried at each one).
_STOP_RE = re.compile(r'[,;"“”«»()—–\[\]]|\.(?<=[a-z]{3}\.)(?=\s)')
MAX_CHARS = 400  # an apposition is no longer than this
_PRONOUNS = frozenset("he she they it we i you who".split())
MAX_WORDS = 30  # an apposition is no longer than this
MAX_SEGMENTS = 3  # "Ann Lee, 53, a nurse from Ohio, who ..."
_TITLE_WITHIN = 5  # an apposition's title after lowercase modifiers: "refugee rights program director"
# A role's noun then one of these and a name or "the" opens an apposition: "curator of the Salem
# museum", "coach at Salem" (_opens_apposition; also _phrases._np_backward: "Ana Ruiz, curator of
# the Salem museum, said").
_ROLE_LINKS = frozenset(("of", "at", "for"))
_NOT_MODIFIERS = frozenset("to at in on of for from with by as the a an but or that this".split())
LOOK_BACK = 400  # characters searched before a statement for a mention it does not hold
_PARTY = re.compile(r"[RDI]-[A-Z][a-z]{0,4}\.?")  # "R-Ill.", "D-Mass"


_TITLE_QUOTES = {"\"": "\"", "\u201c": "\u201d"}
_TITLE_CHARS = 80  # a quoted title in an apposition is no longer than this


def _quoted_title_end(text: str, pos: int, end: int) -> int | None:
    """The end of a quoted title that opens at ``pos`` and holds the comma that closes its
    apposition before a lowercase verb ('the author of "Salt Roads," said': the index after the
    closing mark); None for anything else (a quotation with no comma before its closing mark, one
    longer than 80 characters, or one not followed by a space and a lowercase word)."""
    close_mark = _TITLE_QUOTES.get(text[pos]) if pos < end else None
    if close_mark is None:
        return None
    close = text.find(close_mark, pos + 1, min(end, pos + _TITLE_CHARS))
    if close < 2 or text[close - 1] != "," or not text.startswith(" ", close + 1) \
            or not text[close + 2 : close + 3].islower():
        return None
    return close + 1


def _segment_end(text: str, pos: int, end: int) -> int:
    """Index of the first stop character (comma, quotation mark, dash, ...) at or after ``pos``."""
    m = _STOP_RE.search(text, pos, end)
    return m.start() if m else end


_WORD_AFTER = re.compile(r"(?:[’']s?)?[ \t]+([a-z]+)")
_MAX_NOUNS = 2


def _head_nouns(text: str, pos: int, end: int, nouns: frozenset[str]) -> int:
    """End of the nouns that follow a name used as a modifier ("Lund aides", "Reyes'
    campaign"): at most two words of ``nouns``, lowercase."""
    for _ in range(_MAX_NOUNS):
        m = _WORD_AFTER.match(text, pos, end)
        if m is None or m.group(1) not in nouns:
            break
        pos = m.end()
    return pos


# Findings of polls and reports ("New polls published Friday showed", "The report published
# Tuesday found"): their nouns head a complement, their verbs end one (data files).
_FINDING_NOUNS = frozenset(line.lower() for _, _, line in read_data_lines("attribution_finding_nouns.txt"))
_FINDING_VERBS = frozenset(line.lower() for _, _, line in read_data_lines("attribution_finding_verbs.txt"))
_PARTICIPLES = frozenset("released published conducted commissioned taken out".split())
_ARTICLES = frozenset("a an the".split())
# A restrictive clause or phrase that runs to the end of the statement after a source named by
# "according to" ("... according to a city official who asked not to be named."): lowercase words
# without punctuation, up to the final full stop (possessive quantifiers: no backtracking).
_TAIL = re.compile(r"(?: (?:who|that|familiar|close|briefed|in|at|with|on|from|for|of)\b[\w'’ ]{0,200}+)(?=[.!?]?\s*+$)")


# "Ann Lee of Ohio" (a capitalised run after "of", and one more after "in", "of" or "at": "Tom Berg
# of Grace Church in Dalby", "Ola Vinter of the University of Lima"; no full stop at the end of
# that run); "supporters of the bill" (a
# phrase after a lowercase head noun, up to a finite verb or a speech verb).
_OF_NAME = re.compile(r" of (?:the )?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}"
                      r"(?: (?:in|of|at) (?:the )?[A-Z](?:[\w'’-]|\.(?=\w))*(?: [A-Z](?:[\w'’-]|\.(?=\w))*){0,2})?")
_PHRASE = re.compile(r" (?:(?:of|for|to|at|from|with|in|on|by|released|published|conducted|commissioned|taken|out) [\w'’/-]+"
                     r"(?: [\w'’/-]+){0,7}|there(?= [a-z]))")
_WORD_SPAN = re.compile(r"[\w'’/-]+")
# A determiner, or "that", after a past form in a complement (_complement): the clause's verb with its
# object or content clause. Not _DETERMINER_AFTER_VERB: "that" opens a content clause here.
_DETERMINER_NEXT = re.compile(r" (?:a|an|the|its|his|her|their|this|that|these|those) ")
_PLACE_END = re.compile(r"\b(?:of|from|in) [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}$")


# A lowercase plural after a name used as a modifier ("Harbor Lines pilots", "TV networks"), then
# the verb (after at most one adverb): the plural heads the mention (possessive quantifiers).
_PLURAL_HEAD = re.compile(r" ([a-z]{4,20}+)(?: (?:also|[a-z]{2,15}+ly))? ([a-z]{2,20}+)\b")


# Adverbs in "-s" between a name and its verb, no plural it modifies ("Tom Berg sometimes says").
_S_ADVERBS = frozenset("always sometimes perhaps afterwards nonetheless nevertheless besides".split())


def _plural_head(text: str, pos: int, end: int, verbs: frozenset[str]) -> int:
    """End of a lowercase plural that a capitalised mention ending at ``pos`` modifies ("many
    Harbor Lines pilots", "Lima traders also say"), when a finite, speech or finding verb
    follows it; else ``pos``."""
    found = _PLURAL_HEAD.match(text, pos, end)
    if found is None or not found.group(1).endswith("s") or found.group(1).endswith(("ss", "us", "is")) \
            or found.group(1) in _S_ADVERBS \
            or found.group(1) in verbs or found.group(1) in _FINDING_VERBS \
            or not (found.group(2) in verbs or found.group(2) in _VERBS or found.group(2) in _FINDING_VERBS):
        return pos  # (not "Reyes warns are", a verb)
    return found.end(1)


# A restrictive clause after the source, up to the speech verb ("One official who described the
# exchange said"): words and spaces only (possessive quantifiers: no backtracking).
_WHO_CLAUSE = re.compile(r" who(?: [\w'’-]{1,30}+){2,14}+")
_AUXILIARIES = frozenset("is are was were be been has have had will would can could should may might did does do "
                         "not never also to".split())


def _who_clause(text: str, pos: int, end: int, speech_verbs: frozenset[str]) -> int:
    """End of a restrictive "who" clause right after the mention that ends at ``pos``, when a speech
    verb of the main clause follows it ("A pilot who has sued the port board said", not
    "officials who have said"); else ``pos``."""
    found = _WHO_CLAUSE.match(text, pos, end)
    if found is None:
        return pos
    words = list(_WORD_SPAN.finditer(text, found.start() + 5, found.end()))
    for k in range(2, len(words)):
        if words[k].group() in speech_verbs:
            return words[k - 1].end() if words[k - 1].group().lower() not in _AUXILIARIES else pos
    return pos


# A participle's phrase after the source, up to the main clause's verb ("Several delegates
# backing Ruiz declined to comment", "The actors involved are quick to say"): words and spaces
# only (possessive quantifiers: no backtracking).
_PARTICIPLE_PHRASE = re.compile(r" ([a-z]{4,24}+)\b((?: [\w'’-]{1,30}+){1,7}+)")
_PARTICIPLES_ED = frozenset("involved surveyed polled interviewed questioned asked contacted reached angered".split())
_PHRASE_STOPS = frozenset("and but or that who which when while because if as is are was were has have had".split())


def _participle_phrase(text: str, pos: int, end: int, speech_verbs: frozenset[str]) -> int:
    """End of a participle's phrase right after the mention that ends at ``pos`` (at most five
    words), when the main clause's verb follows it (a speech, finding or finite verb, or a past
    form in "-ed", after at most one adverb in "-ly"); else ``pos``."""
    if not text.startswith(" ", pos):
        return pos
    sp = text.find(" ", pos + 1, min(end, pos + 27))
    if sp > pos + 1:  # a word of lowercase letters that is no participle ("said", "told"): no search
        word = text[pos + 1 : sp]
        if word.isalpha() and word.isascii() and word.islower() and not word.endswith(("ing", "ed")):
            return pos
    found = _PARTICIPLE_PHRASE.match(text, pos, end)
    if found is None:
        return pos
    part = found.group(1)
    if not part.endswith(("ing", "ed")) or part.endswith("ed") and part not in _PARTICIPLES_ED:
        return pos
    words = list(_WORD_SPAN.finditer(text, found.start(2), found.end(2)))
    k = found.end(1)
    for i, w in enumerate(words):
        low = w.group()
        if low.endswith("ly") and i + 1 < len(words):
            low = words[i + 1].group()  # "... repeatedly failed"
        if (i >= 1 or part.endswith("ed")) and (low in speech_verbs or low in _VERBS or low in _FINDING_VERBS
                                                or (low.endswith("ed") and low.islower())):
            return k  # (a participle in "-ed" may have no object: "The actors involved are")
        if i >= 5 or low.lower() in _PHRASE_STOPS:
            return pos
        k = w.end()
    return pos


def _complement(text: str, m: int, pos: int, end: int, speech_verbs: frozenset[str],
                nouns: frozenset[str], past: frozenset[str] = _IRREGULAR_PAST) -> int:
    """End of the complement after the mention ``text[m:pos]``: "Gov. Ann Lee of Ohio" after a
    name; "supporters of the bill" after a lowercase head noun of ``nouns``, taken only when a
    finite verb or a speech verb follows it; else ``pos``. A past form ("-ed" or one of ``past``)
    before a determiner or "that" is that finite verb with its object or content clause ("The
    Ministry of Justice issued a statement saying ...": the complement ends before "issued")."""
    words = text[m:pos].split()
    last = words[-1] if words else ""
    if last.lower() not in nouns and last.lower() not in _FINDING_NOUNS:
        found = _OF_NAME.match(text, pos, end) if last[:1].isupper() else None
        # (and the body's noun after a capitalised modifier: "Tom Berg of the Velden delegation")
        return _head_nouns(text, found.end(), end, nouns) if found else pos
    found = _PHRASE.match(text, pos, end)
    if found is None:
        return pos
    if found.group().split(None, 1)[0] in _PARTICIPLES and last.lower() not in _FINDING_NOUNS:
        return pos  # "the campaign released a statement saying": a verb, not a poll's complement
    if found.group().endswith("there"):  # "Polls there show"
        nxt = _WORD_SPAN.match(text, found.end() + 1, end)
        low = nxt.group().lower() if nxt else ""
        return found.end() if low in speech_verbs or low in _FINDING_VERBS else pos  # not "... there could be"
    k = pos
    prev = ""
    for w in _WORD_SPAN.finditer(text, found.start(), found.end()):
        low = w.group().lower()
        if low in _VERBS or low in speech_verbs or low in _FINDING_VERBS:
            return k if k > pos + 4 and not prev.endswith("ing") else pos  # not "elections going back"
        if k > pos + 4 and (low.endswith("ed") or low in past) and _DETERMINER_NEXT.match(text, w.end(), end):
            return k  # "of Justice issued a statement", "of State Ann Lee testified that": the clause's verb
        k = w.end()
        prev = low
    return pos


# Words that open a phrase after an apposition, not an item of a list inside it.
_NOT_LIST = frozenset("in at on about after before during for from with by to as while when where since "
                      "according than like".split())
_REFLEXIVE = re.compile(r" (?:himself|herself|themselves|itself)\b")
_COMMA_WORD = re.compile(r",\s+([a-z]+)")
_NO_APPOSITION = re.compile(r'[;:"“”«»()\[\]]|\'\'|``')


def _opens_apposition(words: list[str], titles: frozenset[str], nouns: frozenset[str],
                      past: frozenset[str] = _IRREGULAR_PAST) -> bool:
    """Whether a segment of these words may open an apposition: a determiner, a relative word,
    a number, a possessive, a title or head noun among its first three words or after lowercase
    words among its first five ("harbour safety program director at ..."), a party tag."""
    first = words[0].lower()
    if first in _OPENERS or first[:1].isdigit() or first.endswith(("'s", "’s")) or _PARTY.match(words[0]):
        return True
    owner = next((k for k, w in enumerate(words[:4]) if w.endswith(("'s", "’s"))), None)
    if owner is not None and any(w.lower().strip(".,") in titles or w.lower().strip(".,") in nouns
                                 for w in words[owner + 1 : owner + 4]):
        return True  # a possessive name, then a title: "New Mexico's longtime governor", "the Guild's chief"
    if owner is not None and 1 <= len(words) - owner - 1 <= 2 and all(w[:1].isupper() for w in words[: owner + 1]) \
            and all(w.isalpha() and w.islower() for w in words[owner + 1 :]):
        return True  # a name's possessive and its noun, the whole segment: "Tom Berg's daughter"
    if len(words) > 2 and words[0].isalpha() and words[0].islower() and words[1] in _ROLE_LINKS \
            and (words[2][:1].isupper() or words[2] == "the") and not first.endswith(("ed", "ing", "ly")):
        return True  # a role, then the body it serves: "curator of the Salem museum", "coach at Salem"
    if len(words) > 1 and (first.endswith("ed") or first in past) and words[0].isalpha() \
            and words[0].islower() and words[1].lower() in _DETERMINER_AFTER_VERB:
        return False  # a verb and its object ("thanked her aides for ..."), no modifier of a title
    modifiers = True  # only nouns that may modify a title so far ("refugee rights program")
    for k, w in enumerate(words[:_TITLE_WITHIN]):
        low = w.lower().strip(".,").removeprefix("co-")  # "co-director", "co-founder": the title
        if low in titles or low in nouns:
            return k < 3 or modifiers
        modifiers = modifiers and w.islower() and low.isalpha() and low not in _VERBS \
            and low not in _NOT_MODIFIERS and not low.endswith(("ing", "ed", "ly"))
        if k >= 2 and not modifiers:
            return False
    return False


def _long_apposition(text: str, pos: int, end: int, titles: frozenset[str], speech_verbs: frozenset[str],
                     nouns: frozenset[str], inverted: bool = False,
                     past: frozenset[str] = _IRREGULAR_PAST) -> int | None:
    """End of an apposition with commas inside it that runs up to the comma before a speech verb
    ("Paul Demir, a Tulsa, Okla., lawyer helping to draft it, said"; "Jane Ruiz, director for
    housing, transport, and planning, said"), or after an inverted speech verb to the end of the
    statement ("..., said Ed Lee, head of the fares, timetables and safety unit of Acme."), when
    the mention ends at ``pos``; else None."""
    if not text.startswith(",", pos):
        return None
    limit = min(end, pos + MAX_CHARS)
    if inverted:
        stop = end
        while stop > pos and (text[stop - 1].isspace() or text[stop - 1] in ".!?"):
            stop -= 1
        stretch = text[pos + 1 : stop]
        parts = [p.split() for p in stretch.split(",")]
        if stop - pos <= MAX_CHARS and len(parts) > 1 and all(parts) and _apposition_words(stretch, titles, nouns, past) \
                and not any(w.lower() in ("who", "whose", "which", "that") for p in parts for w in p) \
                and not any(p[0].lower() in _NOT_LIST or p[0].lower().endswith("ing") for p in parts[1:]):
            return stop  # a list inside the apposition, not "..., in an interview" or "..., referring to"
    for m in _COMMA_WORD.finditer(text, pos + 1, limit):
        if m.group(1) not in speech_verbs:
            continue
        return m.start() if _apposition_words(text[pos + 1 : m.start()], titles, nouns, past) else None
    return None


def _inverted_rest(text: str, pos: int, end: int, titles: frozenset[str], speech_verbs: frozenset[str],
                   nouns: frozenset[str], past: frozenset[str] = _IRREGULAR_PAST) -> int | None:
    """End of the statement after an inverted speaker ("..., said X, a co-author of ''Title.''",
    "..., said X, 34, a nurse from Y, who was polled."): the apposition with what it holds (a
    title in quotation marks, a relative clause), when the rest opens an apposition or a relative
    clause, holds no speech verb and is at most ``2 * MAX_CHARS`` long; else None."""
    stop = end
    while stop > pos and (text[stop - 1].isspace() or text[stop - 1] in ".!?'\"”’"):
        stop -= 1
    if stop - pos > 2 * MAX_CHARS or stop <= pos + 1:
        return None
    words = text[pos + 1 : stop].split()
    if not words or any(w.lower().strip(".,'\"”’“‘") in speech_verbs for w in words):
        return None
    if "''" not in text[pos:stop] and not any(w.lower() in ("who", "whose") for w in words):
        return None  # (the segments below read the rest when it holds neither)
    first = words[0].lower().strip(",")
    if first in ("who", "whose") or _opens_apposition(words[:_TITLE_WITHIN], titles, nouns, past):
        return stop
    return None


_RELATIVES = frozenset(("who", "whose", "which", "that"))


# After an inverted speaker, a phrase that tells the description apart ("..., said a deputy to
# Mayor Ruiz.", "..., said one pilot familiar with the dredging plans."): the mention runs on over it.
_INVERTED_LINK = re.compile(r" (?:to (?:the |both |his |her |their )?[A-Z]|(?:familiar|involved) with |close to |involved in )")


def _inverted_phrase(text: str, pos: int, end: int, speech_verbs: frozenset[str]) -> int | None:
    """End of the statement after an inverted speaker followed by a phrase or a relative clause
    of its own ("..., said one keeper of a stall that sells nets.", "..., said a strategist for two
    of the ferry lines, speaking from the harbour office."): the rest of the statement, when it
    opens with "of", "for", "who" or "whose", holds no speech verb and no finite verb before a
    relative word ("said Tom Berg of Lima had left" is a content) and is at most ``2 * MAX_CHARS``
    long; else None."""
    stop = end
    while stop > pos and (text[stop - 1].isspace() or text[stop - 1] in ".!?'\"”’"):
        stop -= 1
    if stop - pos > 2 * MAX_CHARS or stop <= pos + 1 or _NO_APPOSITION.search(text, pos, stop):
        return None
    relative = text.startswith((" who ", " whose "), pos)
    words = [w.group().lower() for w in _WORD_SPAN.finditer(text, pos, stop)]
    for i, low in enumerate(words):
        prev = words[i - 1] if i else ""
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if low in speech_verbs and low != "speaking" and not (relative and prev == "to") \
                and not (relative and prev in _RELATIVES and nxt and nxt not in _CONTENT_WORDS):
            # (", speaking from the harbour office"; "who was not allowed to speak"; "who backed
            # Mayor Ruiz in May" describes the speaker, "who added that ..." is a saying of its own)
            return None
        if low in _RELATIVES:
            relative = True
        elif low in _VERBS and not relative:
            return None
    return stop


# The characters of a parenthesis right after a mention that the mention runs over (100: a short
# clause, "(who has run the ferry line since 1998)"; 30 until session 22, a party tag only).
_PARENTHESIS_CHARS = 100

# Words that open a content clause after a speech verb (_inverted_phrase).
# ("not", "to": a request, "who asked not to be named", stays out as before)
_CONTENT_WORDS = frozenset("that he she they it we i the a an his her their its this these there not to".split())


def _dash_apposition(text: str, pos: int, end: int, titles: frozenset[str], nouns: frozenset[str],
                     past: frozenset[str] = _IRREGULAR_PAST) -> int | None:
    """End of an apposition between two dashes right after the mention that ends at ``pos`` ("Tom
    Reyes — a teacher from Lima — says"), before the closing dash; else None."""
    k = pos
    while k < end and text[k] == " ":
        k += 1
    if k >= end:
        return None
    if text[k] in "—–":
        mark = text[k]
    elif text.startswith("--", k):
        mark = "--"  # "--" written for a dash
    elif text.startswith("- ", k) and k > pos:
        mark = " - "  # a spaced hyphen written for a dash ("Tom Reyes - a teacher from Lima - says")
    else:
        return None
    close = text.find(mark, k + len(mark.strip()), min(end, k + 1 + MAX_CHARS))
    if close < 0:
        return None
    close += mark.startswith(" ")  # (the hyphen, after its space)
    if not _apposition_words(text[k + len(mark.strip()) : close], titles, nouns, past):
        return None
    stop = close
    while stop > k and text[stop - 1].isspace():
        stop -= 1
    return stop


def _apposition_words(stretch: str, titles: frozenset[str], nouns: frozenset[str],
                      past: frozenset[str] = _IRREGULAR_PAST) -> bool:
    """Whether ``stretch`` (commas allowed) may be an apposition: it opens like one, holds no
    quotation, colon or semicolon, and no finite verb before a relative word."""
    words = stretch.split()
    if not words or len(words) > MAX_WORDS or _NO_APPOSITION.search(stretch) \
            or not _opens_apposition(words, titles, nouns, past):
        return False
    for w in words:
        w = w.lower().strip(".,")
        if w in ("who", "whose", "which", "that"):
            break
        if w in _VERBS:
            return False
    return True


def head_nouns(lex) -> frozenset[str]:
    """The lexicon's titles, group and organisation nouns and ``attribution_head_nouns.txt``."""
    memo = _NOUNS.get(id(lex))
    if memo is None or memo[0] is not lex:
        from .._lexicon import read_data_lines
        words = {line.lower() for _, _, line in read_data_lines("attribution_head_nouns.txt")}
        memo = (lex, frozenset(words | lex.titles | lex.groups | lex.org_words))
        _NOUNS[id(lex)] = memo
    return memo[1]


_NOUNS: dict[int, tuple[object, frozenset[str]]] = {}


def extend_mention(text: str, start: int, end: int, mention: str | None, titles: frozenset[str],
                   speech_verbs: frozenset[str], nouns: frozenset[str] = frozenset(),
                   past: frozenset[str] = _IRREGULAR_PAST) -> str | None:
    """``mention`` with the apposition after it, when ``mention`` occurs in ``text[start:end]``.

    Parameters
    ----------
    text : str
        The document.
    start, end : int
        The statement's span.
    mention : str or None
        The mention as the rules or the model found it.
    titles, speech_verbs : frozenset of str
        The lexicon's title words (an apposition may open with one) and speech verbs (an
        apposition that runs to the end of the statement is taken only after one: "..., said X,
        a lawyer.", not "According to X, the bridge is safe.").
    nouns : frozenset of str
        Head nouns (:func:`head_nouns`) that a mention runs on over when the name modifies them
        ("the Ruiz" -> "the Ruiz campaign").
    past : frozenset of str
        The lexicon's irregular past tenses (``irregular_past``, user entries from
        ``lexicon_dirs`` included; default: the shipped ``data/irregular_past.txt``): a segment
        after the name that opens with one of them (or a lowercase word in "-ed") before a
        determiner is a verb with its object, not an apposition ("X, the chair, met his deputy").

    Returns
    -------
    str or None
        ``text[m:e]`` for the mention's first occurrence at ``m`` and the end ``e`` of its last
        apposition (trailing punctuation and spaces left out), or ``mention`` unchanged. A
        mention followed by a possessive "'s" and a word keeps the "'s" ("Tamm's claim that
        ...": the possessive names the source of a noun cue) and takes no apposition.
    """
    if not mention or mention.lower() in _PRONOUNS:
        return mention
    m = text.find(mention, start, end)
    if m < 0:  # the speaker of a quotation named in the sentence before, else in the one after
        m = text.rfind(mention, max(0, start - LOOK_BACK), start)
        if m < 0:
            m = text.find(mention, end, min(len(text), end + LOOK_BACK))
            if m < 0:
                return mention
        start, end = max(0, m - LOOK_BACK), min(len(text), m + LOOK_BACK)
    pos = m + len(mention)
    if text.startswith(("'s ", "\u2019s "), pos) and pos + 3 < end:
        return text[m : pos + 2]  # a possessive names the source of a noun cue: "Tamm's claim that ..."
    head_end = _head_nouns(text, pos, end, nouns)
    if head_end == pos and mention[-1:].isalpha() and mention.split()[-1][:1].isupper():
        head_end = _plural_head(text, pos, end, speech_verbs)
    pos = head_end
    reflexive = _REFLEXIVE.match(text, pos, end)  # "Lund herself has proposed"
    if reflexive:
        pos = reflexive.end()
    pos = _complement(text, m, pos, end, speech_verbs, nouns, past)
    pos = _who_clause(text, pos, end, speech_verbs)
    pos = _participle_phrase(text, pos, end, speech_verbs)
    if text.startswith(" (", pos):  # "Sen. Ann Lee (D-Ohio)", "Lee (who has run the ferry line since 1998)"
        close = text.find(")", pos, min(end, pos + _PARENTHESIS_CHARS))
        if close > 0:
            pos = close + 1
    before = text[max(start, m - 40) : m].lower().split()
    # "..., according to X, a ...": X closes the statement (the content comes before it, six words
    # or more), not "According to X, the bridge is safe" or "For Ruiz, according to X, the ..."
    according = (before[-2:] == ["according", "to"] or (before[-3:-1] == ["according", "to"] and before[-1] in _ARTICLES)) \
        and len(text[start:m].split()) >= 8
    after_verb = according or not speech_verbs.isdisjoint(before[-2:])
    if according:  # "..., according to a city official who asked not to be named.": the rest of the statement
        tail = _TAIL.match(text, pos, end)
        if tail is not None and tail.end() > pos:
            return text[m : tail.end()]
    link = _INVERTED_LINK.match(text, pos, end) if after_verb and not according else None
    if after_verb and not according and (text.startswith((" of ", " for ", " who ", " whose "), pos)
                                         or link is not None or (
            text.startswith(" in ", pos) and text[pos + 4 : pos + 5].isupper() and pos == m + len(mention))):
        # ("..., says Tom Berg in Lima.": a place right after the name; not after "of the Academy")
        rest_end = _inverted_phrase(text, pos, end, speech_verbs)
        if rest_end is not None:  # "..., said one keeper of a stall that sells nets, who ...": to the end
            return text[m:rest_end]
        comma = text.find(",", pos, min(end, pos + 120)) if link is not None else -1
        if comma > 0 and not _NO_APPOSITION.search(text, pos, comma) and not any(
                w.group().lower() in _VERBS or w.group().lower() in speech_verbs
                for w in _WORD_SPAN.finditer(text, pos, comma)):
            return text[m:comma]  # "..., said one pilot familiar with the dredging, who added ...": to the comma
    if after_verb and not according and text.startswith(",", pos):
        rest_end = _inverted_rest(text, pos, end, titles, speech_verbs, nouns, past)
        if rest_end is not None:  # "..., said X, the author of ''Title,'' who studies ...": to the end
            return text[m:rest_end]
    dash_end = _dash_apposition(text, pos, end, titles, nouns, past)
    if dash_end is not None:  # "Tom Reyes — a teacher from Lima — says"
        return text[m:dash_end]
    long_end = _long_apposition(text, pos, end, titles, speech_verbs, nouns, after_verb, past) or pos
    new_end = pos
    inverted = None
    after_place = False  # the segment before ended in a place ("of Baldwin", then "Miss.")
    for _ in range(MAX_SEGMENTS):
        if pos >= end or text[pos] != ",":
            break
        seg_start = pos + 1
        while seg_start < end and text[seg_start].isspace():
            seg_start += 1
        seg_end = _segment_end(text, seg_start, min(end, seg_start + MAX_CHARS + 1))
        if seg_end - seg_start > MAX_CHARS:
            break
        title_end = _quoted_title_end(text, seg_end, end)
        if title_end is not None:  # 'Lund, the author of "Salt Roads," said': the title holds the comma
            seg_end = title_end - 2
        elif text.startswith(" (", seg_end - 1) or text.startswith("(", seg_end):
            close = text.find(")", seg_end, min(end, seg_end + _PARENTHESIS_CHARS))
            if close > 0 and text.startswith(",", close + 1) and "(" not in text[seg_end + 1 : close]:
                seg_end = close + 1  # "Tom Berg, chairman of Harbour First (a civic group), said": over the aside
        words = text[seg_start:seg_end].split()
        if not words or len(words) > MAX_WORDS:
            break
        first = words[0].lower()
        relative = first in ("who", "whose", "which")
        place = (first in ("of", "from") and len(words) > 1 and words[1][:1].isupper()) or (
            first == "at" and len(words) > 2 and words[1] == "the" and words[2][:1].isupper()) or (
            after_place and len(words) <= 3 and all(w[:1].isupper() for w in words))
        after_place = place or bool(_PLACE_END.search(text, seg_start, seg_end))
        if not (place or _opens_apposition(words, titles, nouns, past)):
            break
        if not relative:  # a finite verb before any relative word: a clause
            for w in words:
                w = w.lower().strip(".,")
                if w in ("who", "whose", "which", "that"):
                    break
                if w in _VERBS:
                    relative = None
                    break
            if relative is None:
                break
        closed = seg_end < end and text[seg_end] == ","
        if not closed and inverted is None:  # "..., said (Dr.) X, a ...", "..., according to X, a ..."
            inverted = according or not speech_verbs.isdisjoint(before[-5:])
        if not closed and not inverted:
            break  # "According to X, the bridge is safe": the rest is the content
        stop = seg_end
        while stop > seg_start and (text[stop - 1].isspace() or (not closed and text[stop - 1] in ".!?")):
            stop -= 1
        new_end = stop
        pos = seg_end
        if title_end is not None and closed:
            new_end = title_end  # (the closing comma and mark with it, as the title is written)
            break
    new_end = max(new_end, long_end)
    return text[m:new_end] if new_end > m + len(mention) else mention
