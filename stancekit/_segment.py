"""Statements attributed to actors: :func:`segment` and :class:`Statement`."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field as _field
from itertools import islice
from pathlib import Path

from ._errors import type_error
from ._lexicon import Lexicon, load_lexicon, read_data_lines
from ._text import INTERVIEWER_LABELS, Sentence, gap_token_spans, iter_paragraphs, lower_words, paragraphs, sentences
from .attribution._coref import (_CONTINENTS, _DETERMINERS, _FUNCTION, _INITIALS, _PARTY_WORDS, _PRONOUNS, _Doc, _Entity,
                                 _lex_memo)
from .attribution._features import measure_noun
from .attribution._mention import extend_mention, head_nouns
from .attribution._model import resolve_attribution
from .attribution._phrases import (_APPOSITIVE_OPENERS, _ASKED, _BE, _CLOSING_MARKS, _DESCRIBED_DETERMINERS, _FINITE,
                                   _INDEFINITE, _KIN_NOUNS, _NOT_NOUNS, _OBJECT_PREPOSITIONS, _PARTICLES, _PART_OWNERS,
                                   _PERSON_NOUNS, _PRESS_NOUNS, _QUOTE_MARKS, _SKIP, _bare, _described_subject,
                                   _describes_group, _first_conjunct, _in_number, _initial_dot, _introductory,
                                   _lower_possessive, _modifies_next, _name_cap, _noun_kind, _noun_use, _np_backward,
                                   _np_modifier, _np_word, _participle_of_quote, _skip_adverbs_back, _tag_description,
                                   _tag_opening)
from .attribution._saying import (_AGREE, _NARRATED, _OCCASION_OPENERS, _PARTICIPLE_LINKS, _PROPOSALS, _RAISE,
                                  _SAYING_ING, _SAY_FORMS, _SILENT_TEXT_VERBS, _SPEAK, _compared_saying,
                                  _conditional_saying, _narrated_action, _negative_subject, _no_saying,
                                  _rejected_claim, _relative_proposal, _seat_action, _speech_without_content, _states_position,
                                  _subordinate_saying, _text_says_little, _text_silent)
from .attribution._split import (_FINDING_FIRST, _OTHER_FRAMES, _finding_speaker, _lead_quantity_speaker, _quantity_speaker,
                                 _quiet_speaker, _split_sources, _words_of)

__all__ = ["Statement", "segment", "DEFAULT_MAX_LENGTH", "KINDS"]

# A 50 MB document is read whole: the command line's peak memory for one of 50 MB is about
# 370 MB (benchmarks/bench_score.py --one-doc-mb 50; statements labelled in blocks, #15).
DEFAULT_MAX_LENGTH = 60_000_000
KINDS = ("direct", "indirect", "narrative")
# Attribution looks at most this many characters at each end of a sentence, so that
# a pathological sentence (megabytes with no punctuation) costs linear time.
_WINDOW = 600


@dataclass(frozen=True)
class Statement:
    """One statement of a document, attributed to an actor (SPEC section 5, without stances).

    Attributes
    ----------
    doc_id : str or None
        The document's id.
    statement_id : str
        ``"<doc_id>:<index>"`` (0-based, in document order); just the index when
        ``doc_id`` is None.
    actor : str or None
        Canonical name of the source; None for the article's own voice.
    actor_mention : str or None
        The words in the text that name the source.
    kind : str
        ``"direct"``, ``"indirect"`` or ``"narrative"``.
    start, end : int
        Offsets into the document; ``document[start:end] == text``.
    text : str
        The statement's text.
    paragraph : int
        Which paragraph of its document the statement stands in (0-based; see
        :func:`paragraph_numbers`), -1 when not known. Not a SPEC section 5 field (not in
        :meth:`to_dict`) and not compared: two statements that differ only in it are equal.
        Keyword-only, so that a subclass's own fields keep their places (``ScoredStatement``).
    """

    doc_id: str | None
    statement_id: str
    actor: str | None
    actor_mention: str | None
    kind: str
    start: int
    end: int
    text: str
    paragraph: int = _field(default=-1, compare=False, repr=False, kw_only=True)

    def to_dict(self) -> dict[str, object]:
        """The SPEC section 5 fields as a plain dict (no ``stances``)."""
        return {"doc_id": self.doc_id, "statement_id": self.statement_id, "actor": self.actor,
                "actor_mention": self.actor_mention, "kind": self.kind, "start": self.start, "end": self.end,
                "text": self.text}


_new = object.__new__
_set = object.__setattr__


def _statement(doc_id: str | None, statement_id: str, actor: str | None, actor_mention: str | None, kind: str,
               start: int, end: int, text: str, paragraph: int = -1) -> Statement:
    """``Statement(doc_id, statement_id, ...)`` for the segmenter: the instance with the dict the
    frozen dataclass's ``__init__`` gives it (the fields in order), set in one step instead of eight
    ``object.__setattr__`` calls (half the instructions of a statement's construction). Statement
    has no ``__post_init__`` (a test checks that both give equal statements with equal dicts)."""
    st = _new(Statement)
    _set(st, "__dict__", {"doc_id": doc_id, "statement_id": statement_id, "actor": actor,
                          "actor_mention": actor_mention, "kind": kind, "start": start, "end": end, "text": text,
                          "paragraph": paragraph})
    return st


# A paragraph break: a line with nothing but spaces on it (a blank line) between two statements.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


def paragraph_numbers(text: str, spans: Iterable[tuple[int, int]]) -> list[int]:
    """The paragraph of each of ``spans`` (``(start, end)`` in ``text``, in document order, not
    overlapping): 0 for the first, then one more after each gap between two spans that holds a
    blank line (a line break, spaces at most, and another). What :attr:`Statement.paragraph`
    holds, for the segmenter's statements and for annotated spans alike; a break inside a span
    does not count."""
    out: list[int] = []
    para, prev = 0, -1
    search, find = _PARAGRAPH_BREAK.search, text.find
    for start, end in spans:
        if prev >= 0 and find("\n", prev, start) >= 0 and search(text, prev, start) is not None:
            para += 1
        out.append(para)
        prev = end
    return out


# A plain lowercase word comes first (it cannot be any of the alternatives that follow it, which
# start with "_" or a capital, and it is the commonest token): about 20% faster than without.
# Punctuation comes second: only that alternative can match a character that is neither a word
# character nor a space, and it no longer waits for every other one to fail. A capitalised word
# of letters (no period, digit, apostrophe or hyphen after it) comes third: the alternatives
# between it and the last but one all fail on it, and the last but one gives the same word after
# handing back the character past it (18% faster ``findall`` over our fixtures).
_TOKEN = re.compile(r"[a-z]++(?![\w’'.\-])|[^\w\s]|[A-Z][a-z]++(?![\w’'.\-])|_+|(?:[A-Z]\.){2,}|(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sen|Rep|Gov|Prof|St|Adm|Capt|Sgt|Amb|Sr|Jr)\.|[A-Z]\.(?=\s+[A-Z])"
                    r"|[^\W_][\w’'.\-]*[^\W_]|[^\W_]")
# The same tokens with the whitespace before each: ``findall`` then gives every token and, by
# adding up lengths, its offsets, about twice as fast as a match object per token (every
# character that is not whitespace belongs to a token, so nothing else lies between them).
# It starts only where no whitespace precedes (and takes the whitespace possessively), so that
# whitespace with no token after it is tried once, not from each of its characters (quadratic).
_GAP_TOKEN = re.compile(r"(?<!\s)(\s*+)(" + _TOKEN.pattern + ")")


def _tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """``(token, start, end)`` for every :data:`_TOKEN` match in ``text[start:end]``, with offsets
    into ``text``."""
    return gap_token_spans(_GAP_TOKEN.findall(text[start:end] if start or end is not None else text), start)


_POSSESSIVE_PRON = {"his": "person", "her": "person", "their": "group"}
# A possessor's reply or position opening a sentence, stated after a copula: "Lund's reply is that
# ...", "The board's position has been consistent: ...", "Her answer was blunter"
# (_Attributor.possessive_position; group 3: the name in an aside after the noun, "..., delivered by
# Ruth Aalborg, ...", who gave it; group 4: "that", an adjective, or a word before a colon).
_POSS_POSITION = re.compile(
    r"(?:(?:But|And|Yet|So|Still),?\s+)?"
    r"(His|Her|Their|(?:The\s+)?[A-Z][\w.\-]*+(?:\s+[A-Z][\w.\-]*+){0,4}?(?:’s|'s)|The\s+[a-z][\w\-]*+(?:’s|'s))\s+"
    r"(?:(?:official|public|first|formal|initial|own)\s+)?"
    r"(reply|answer|response|position|line|verdict|view|argument|message|stance|tone|reaction)"
    # (or an aside naming who gave it: ", delivered by Ruth Aalborg at the news conference,")
    r"(?:,\s++(?:delivered|given|read|voiced|offered|announced|set\s+out)\s+by\s+"
    r"([A-Z][\w.\-]*+(?:\s+(?:of\s+)?[A-Z][\w.\-]*+){1,5}+)[^,]{0,80}+,)?+\s+"
    r"(?:is|was|has\s+been|had\s+been|remains|remained)\s+"
    r"(?:(?:more|less|far|much|rather|still|even|also|quite)\s+)?+(that\b|[A-Za-z]++(?:\s*+:)?)"
)
_STATEMENT_NOUNS = frozenset(("statement", "communique", "communiqué"))  # "the statement said": its body
_CONTRACTIONS = frozenset(("s", "re", "ve", "ll", "d", "m"))  # "he's", "they're", "we've", "she'll", "i'm"


_WORDS = re.compile(r"[a-z]+")
_COPULA_WORDS = frozenset(
    "was were is are has have had been remains remained remain seemed seems appeared appears more less far much "
    "rather still even somewhat noticeably markedly distinctly openly deeply also again went go goes not yet".split()
)
_SUPERLATIVE = frozenset(("most", "least"))
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
# "reports" as a speech verb (_Attributor._closing_reports), in two shapes only. An opening "The
# Harbour Gazette reports the ferry ..." / "Tom Berg reports that ...": one to five capitalised
# words, "reports", then "that", a determiner, a pronoun or a capitalised word (not "Port reports
# show ...", a noun). A closing tag "..., Tom Berg reports.": "reports" ends the sentence.
_OPENING_REPORTS = re.compile(r"(?:The\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}\s+reports\s+"
                              r"(?:that|the|a|an|his|her|their|its|he|she|they|it|[A-Z]\w*)\b")
# A lead before a sentence-final "according to" ("That's according to ..."): the rest is the source.
_THAT_IS = re.compile(r"(?:That|This|It)(?:'s|’s|\s+is|\s+was)", re.IGNORECASE)
# A closing tag "..., the church posted on Facebook." (_Attributor._closing_posted): bounded, linear.
_CLOSING_POSTED = re.compile(r",\s+((?:the\s+|its\s+|his\s+|her\s+|their\s+)?[A-Za-z][\w'’.-]*(?:\s+[\w'’.-]+){0,5}?)"
                             r"\s+posted\s+(?:on|to)\s+[A-Z][\w.]*(?:\s+[A-Za-z]+){0,2}[.!]?\s*$")
# Lowercase nouns of a news outlet before its name in a closing "reports" tag (_Attributor._closing_reports).
_MEDIA_NOUNS = frozenset("newspaper paper daily weekly magazine broadcaster station channel network website "
                         "agency outlet tabloid".split())
_CLOSING_REPORTS = re.compile(r",\s+(?:the\s+)?[A-Z][^,]{0,60}?\sreports[.!]?\s*$")
# The nouns of "in the view of X" and "in X's view" (both patterns are built from this tuple).
_VIEW_NOUNS = ("view", "opinion", "words", "assessment", "estimation", "judgement", "judgment", "calculation")
_IN_VIEW = re.compile(r"\b[Ii]n\s+(?:the\s+(?:" + "|".join(_VIEW_NOUNS) + r")\s+of\s+)")
_IN_POSS_VIEW = re.compile(
    r"\b[Ii]n\s+(his|her|their|(?:the\s+)?[A-Za-z][\w.\-]*(?:\s[\w.\-]+){0,6}?(?:’s|'s|’|'))\s+"
    r"(?:" + "|".join(_VIEW_NOUNS) + r"|telling|account(?=\s*,))\b"
)  # ("in his account," set off by a comma: not "kept the money in his account")
_VIEW_WORDS = _VIEW_NOUNS + ("account", "telling")
# Both patterns need one of them as a word of its own (after whitespace, before a word boundary): a
# frame whose lowercase words hold none is not searched (a set test on the words frame_speaker read,
# about a quarter of the time of seven substring searches).
_VIEW_WORD_SET = frozenset(_VIEW_WORDS)


_OBJECT_PRONOUNS = frozenset("him her them us me".split())
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:(?:also|further|again|[a-z]+ly)\s+)?"
                      r"([a-z]+ed|said|told|voiced|made)\s+(?:to\s+(?:him|her|them|us|me)\s+)?by\s+")  # "described to him by"
# verbs of informing that name a saying in the passive only with a "that" clause after the agent
# ("The council was advised by engineer Ana Ruiz that ...", not "has advised OSCE institutions")
_INFORMED = frozenset("advised informed briefed reminded cautioned".split())
# "drew criticism from X", "an endorsement by X": a judgement named by its noun, its source after it
# (data/attribution_noun_cues.txt).
_NOUN_CUES = [line.lower() for _, _, line in read_data_lines("attribution_noun_cues.txt")]
_NOUN_CUE = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, _NOUN_CUES))) + r")\s+(?:from|by)\s+")
# Their words (each noun has letters): a frame whose lowercase words hold none of them has no match
# (the search is skipped; a match's noun stands between a word boundary and a space, a word of its own).
_NOUN_CUE_WORDS = frozenset(lower_words(" ".join(_NOUN_CUES)))


_REGION_WORDS = frozenset("western eastern northern southern european central asian arab african latin".split())
# Continents and regions written as names: no part of a person's name ("... Representative for Central
# Asia Ana Ruiz" is Ana Ruiz)
_REGIONS = _CONTINENTS | frozenset(("americas", "scandinavia"))
# Words that join a noun phrase to the one before: never part of an actor's name.
_COORDINATORS = frozenset("and but or nor yet".split())
_USE_VERBS = frozenset("used uses use using".split())
# participles that take no content of their own (", speaking on condition of anonymity, said")
_BARE_PARTICIPLES = frozenset("speaking talking commenting responding writing".split())
# verbs of habit before "to" and a speech verb, whose subject is the speaker ("likes to say"), and
# "went on to", "took care to" (_used_to); not "continued to", whose "raise" is most often money
_HABIT_VERBS = frozenset("like likes liked love loves loved".split())
_ON_CARE = {"on": frozenset("went goes go going".split()), "care": frozenset("took takes take taking".split())}
_TAKE = _ON_CARE["care"]  # "took to Twitter to say" (_used_to)
_PLATFORMS = frozenset("twitter facebook instagram youtube tiktok media airwaves podium microphone".split())


def _used_to(tokens: list[tuple[str, int, int]], vi: int, lex: Lexicon) -> int | None:
    """For an infinitive speech verb in "X used his speech to urge ...", "Y used the opening day
    of the council to warn ...", the index of "used", whose subject is the speaker; in "X was
    right to say ...", "X have been careful to stress ..." (an adjective of
    ``speech_adjectives.txt`` between "be" and "to"), the index of the form of "be"; in "X took to
    Twitter to say ...", the index of "took"; None
    otherwise. The occasion opens with a possessive or an article and may run up to 12 tokens,
    with no clause break in it."""
    if vi < 3 or tokens[vi - 1][0].lower() != "to":
        return None
    if tokens[vi - 2][0].lower() in lex.speech_adjectives and tokens[vi - 3][0].lower() in _BE:
        # not after an empty subject: "It is right to want one." is the author's
        return None if vi >= 4 and tokens[vi - 4][0].lower() in ("it", "there", "this", "that") else vi - 3
    before = tokens[vi - 2][0].lower()
    if before in _HABIT_VERBS or before in _ON_CARE and tokens[vi - 3][0].lower() in _ON_CARE[before]:
        # "The board likes to say ...", "The mayor went on to say ...", "She took care to add ...": the
        # subject's words; not inside an earlier speech verb's content ("X regrets that some
        # delegations like to insist ...") nor in an aside ("(as the mayor likes to remind us)")
        at = vi - 2 if before in _HABIT_VERBS else vi - 3
        return None if any(t[0].lower() in lex.speech_verbs or t[0] == "(" for t in tokens[:at]) else at
    if vi < 4:
        return None
    for u in range(vi - 3, max(0, vi - 8), -1):
        # "X took to Twitter (on Monday) to say ...", "took to the airwaves to attack ...": a
        # platform named within two words of "took to"; not "took to the streets to protest"
        tok = tokens[u][0]
        if tok in (",", ";", ":", "(", ")") or tok.startswith("_"):
            break
        if tok == "to" and tokens[u - 1][0].lower() in _TAKE and any(
                t[0].lower() in _PLATFORMS for t in tokens[u + 1:min(u + 3, vi - 1)]):
            return None if any(t[0].lower() in lex.speech_verbs or t[0] == "(" for t in tokens[:u - 1]) else u - 1
    for u in range(vi - 3, max(-1, vi - 15), -1):
        tok = tokens[u][0]
        if tok in (",", ";", ":", "(", ")") or tok.startswith("_"):
            return None
        if tok.lower() in _USE_VERBS and tokens[u + 1][0].lower() in _OCCASION_OPENERS:
            return u
    return None


_MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())


def _is_dateline(tokens: list[tuple[str, int, int]], end: int, lex: Lexicon) -> bool:
    """Whether the words ``tokens[:end]`` open a dateline: in capitals, then a dash, or a comma
    and a month or day ("VIENNA, Dec. 1 —", "ASTANA —"; not "NATO, however, was ...")."""
    if not (end < len(tokens) and all(t[0].isupper() and len(t[0]) > 1 for t in tokens[:end])):
        return False
    nxt = tokens[end][0]
    if nxt in ("—", "–", "-"):
        return True
    after = tokens[end + 1][0].lower().rstrip(".") if end + 1 < len(tokens) else ""
    return nxt == "," and (after in lex.calendar or after in _MONTH_ABBREVIATIONS)


_COLON_PRONOUNS = frozenset(("he", "she", "they"))  # a pronoun subject of a clause before a colon and a quotation
# The first word of a content clause right after its speech verb ("said she ...", "says the ...").
_CONTENT_OPENERS = frozenset("that he she they it we i the a an his her their its this these".split())
_CLAUSE_MARKS = frozenset(", ; : ( ) — –".split())


_DESCRIBED_OPENERS = frozenset(("The", "A", "An"))  # a description opening a sentence ("The port union filed ...")


# Verbs that only say: their described subject speaks ("The source said"); other saying verbs take
# one only before a later cue ("The talks confirmed the readiness ...": no speaker).
_SAID = frozenset("said says told tells".split())


# Verbs that report words (not an intention or a position: "Moscow intends to ..."), for the
# speaker of a clause after "according to X," (_Attributor._inner_speaker).
_SAYING = frozenset("said says told tells stated states added adds noted notes announced announces declared "
                    "declares insisted insists explained explains confirmed confirms claimed claims".split())


_CLOSERS = _QUOTE_MARKS | {".", "!", "?"}
# Verbs of a closing speech tag ("..., they say.", "..., analysts believe."): _SAYING and more.
_TAG_VERBS = _SAYING | frozenset("say add note argue argued argues wrote writes reported reports warned warns "
                                 "predicted predicts contend contends contended believe believes think thinks".split())
# Words that open a subordinate clause before the main one ("When X pointed out ..., Y said ...").
# (not "As The Ledger reported, ...": the clause names the source of the main one; nor a main clause
# whose subject is a pronoun, which most often stands for the subordinate clause's speaker, nor a
# subordinate clause whose subject is one: "Though he said ..., John said" names one person)
_OPENING_PREPOSITIONS = frozenset("during in at on amid".split())  # "During a call on Monday, the campaign said"
_SUBORDINATORS = frozenset("when after before since until because if once while whereas although though".split())
_MAIN_PRONOUNS = frozenset("he she they it we i".split())
# Words that may stand before an opening subordinator ("Shortly after", "Just before", "Hours after").
_LEAD_DEGREE = frozenset("shortly just soon long only right even immediately directly moments minutes hours "
                         "days weeks months years".split())
# Words that end the noun phrase of a source named by "according to" (_Attributor.frame_speaker).
_DESCRIPTION_STOPS = frozenset("familiar close knowledgeable briefed involved who that".split())
# Focusing adverbs that may stand before a subject with no comma ("Even the organizer of the rally said").
_FOCUS_OPENERS = frozenset("even only perhaps maybe".split())
# Words before a degree or time word that opens a subordinate clause ("Not long after", "Two days before").
_LEAD_COUNT = frozenset("not two three four five six seven eight nine ten several few".split())
_CLOSING_TAIL = frozenset("on in at during last this earlier later recently".split())  # after a closing tag's verb
_PARTICLES_AFTER = frozenset("back up on out in".split())  # "shot back"


def _titles_then_name(tokens: list[tuple[str, int, int]], start: int, limit: int,
                      nouns: frozenset[str]) -> tuple[int, int]:
    """From ``start``, title nouns (before ``limit``), then capitalised words or initials: the end
    of the run and the index where its capitalised words begin."""
    n = len(tokens)
    m = start
    while m < n and m < limit and tokens[m][0] in nouns:
        m += 1
    r = m
    while m < n and (tokens[m][0][:1].isupper() and tokens[m][0].lower() not in _FUNCTION
                     or _initial_dot(tokens, m)):
        m += 1
    return m, r


# Anonymous sources: "people familiar with the plan", "a source close to the mayor" (data files).
_ANON_HEADS = frozenset(line.lower() for _, _, line in read_data_lines("attribution_anonymous_heads.txt"))
_ANON_PHRASES = tuple(tuple(line.lower().split()) for _, _, line in read_data_lines("attribution_anonymous_phrases.txt"))
_ANON_STOPS = _FINITE | frozenset("who whom whose which that and but or".split())
_ANON_BEFORE = frozenset("one two three four five six several some many a an the other".split())
# The words of each phrase: a phrase follows its head word for word, so a frame whose lowercase words
# lack one of a phrase's words holds no source with that phrase.
_ANON_PHRASE_WORDS = tuple(frozenset(lower_words(" ".join(ph))) for ph in _ANON_PHRASES)


def _anonymous_phrase_in(words: list[str]) -> bool:
    """Whether the lowercase words of a frame hold every word of one of :data:`_ANON_PHRASES`."""
    have = set(words)
    return any(ws <= have for ws in _ANON_PHRASE_WORDS)


def _anonymous_end(tokens: list[tuple[str, int, int]], h: int, lex: Lexicon) -> int | None:
    """End of an anonymous source whose head noun is at ``h`` ("people familiar with the plan",
    "a source close to the mayor"): the head, a phrase of ``attribution_anonymous_phrases.txt`` and
    the noun phrase after it (six words at most, up to punctuation, a verb or a relative word);
    None when no such phrase follows the head."""
    n = len(tokens)
    if h >= n or tokens[h][0].lower() not in _ANON_HEADS:
        return None
    for ph in _ANON_PHRASES:
        m = h + 1 + len(ph)
        if m < n and all(tokens[h + 1 + i][0].lower() == w for i, w in enumerate(ph)):
            e = m
            while e < n and e < m + 6 and tokens[e][0][:1].isalnum() and tokens[e][0].lower() not in _ANON_STOPS \
                    and (tokens[e][0].lower() not in lex.speech_verbs or tokens[e - 1][0].endswith(("'s", "’s"))):
                e += 1  # (a possessive's noun of the list: "familiar with the mayor's thinking")
            return e if e > m else None
    return None


_RELATIVE_BREAKS = frozenset(", ; : ( ) — – that which and but or \" “ ” ‘ ’".split()) | {"''", "``"}
_SPOKE_WITH = frozenset(("spoke", "speak", "spoken", "talked", "talk"))  # "who spoke with ..." (_restricted_subject)
_WHO_FORMS = frozenset(("who", "who'd", "who’d", "who've", "who’ve", "who'll", "who’ll"))
_RESTRICTED_BEFORE = frozenset(", ; : — –".split())


def _restricted_subject(tokens: list[tuple[str, int, int]], vi: int, lex: Lexicon) -> tuple[int, int] | None:
    """The subject of the speech verb at ``vi`` when a restrictive relative clause with its own verb
    stands between them ("A harbour engineer who was on the pier until Monday said ...", "Residents
    who attended the meeting said ..."): the noun phrase before "who", a title, group or person noun
    or a capitalised word, opening its clause (at the start or after a comma); else None. Not "the
    engineer who said ..." (the verb is the relative clause's own), a noun after a preposition
    ("a report by analysts who studied it said": the report speaks) or an apposition after a comma
    ("X, a lawyer who ..., said": X speaks)."""
    w = vi - 2
    while w >= 1 and vi - w <= 16 and tokens[w][0] not in _RELATIVE_BREAKS and tokens[w][0].lower() not in _WHO_FORMS \
            and not tokens[w][0].startswith("_"):  # (a quotation: 'Riders who ... are "...," Lund said')
        w -= 1
    if w < 1 or tokens[w][0].lower() not in _WHO_FORMS or vi - w < 3:
        return None
    if any(t[0].lower() in lex.speech_verbs and not (t[0].lower() in _SPOKE_WITH and k + 1 < vi
                                                     and tokens[k + 1][0].lower() in ("with", "to"))
           and not (k + 2 < vi and tokens[k + 1][0].lower() == "to" and tokens[k + 2][0].islower())
           for k, t in enumerate(tokens[w + 1 : vi], w + 1)):
        return None  # (not "who spoke with the Ledger": an interview, no saying of its own; nor
        # "who want to close the pier": a wish before an infinitive)
    head = tokens[w - 1][0]
    low = head.lower()
    if low == "others" and w >= 3 and tokens[w - 2][0].lower() == "and":
        # "Ana Ruiz and others who want to close the pier said": the conjuncts before "who"
        first = _np_backward(tokens, w - 2, lex)
        if first is not None and first[1] == w - 2 and (first[0] == 0 or tokens[first[0] - 1][0] in _RESTRICTED_BEFORE):
            return first[0], w
        return None
    if not (head[:1].isupper() or low in lex.titles or low in lex.groups or low in _PERSON_NOUNS):
        return None
    span = _np_backward(tokens, w, lex)
    if span is not None and span[0] >= 2 and tokens[span[0] - 1][0].lower() in ("and", "or") \
            and tokens[span[0] - 2][0].isalpha() and (span[0] == 2 or tokens[span[0] - 3][0] in _RESTRICTED_BEFORE):
        span = (span[0] - 2, span[1])  # "Current and former pilots who ..."
    if span is None or span[1] != w or not (span[0] == 0 or tokens[span[0] - 1][0] in _RESTRICTED_BEFORE):
        return None
    if span[0] > 0 and tokens[span[0]][0].lower() in ("a", "an"):
        return None  # "X of Vermont, a farmer who has ..., said": an apposition, X speaks
    return span


def _anonymous_before(tokens: list[tuple[str, int, int]], vi: int, lex: Lexicon) -> tuple[int, int] | None:
    """``(start, end)`` of an anonymous source that ends right before the verb at ``vi`` ("Two
    people close to the mayor said"), with the number or determiner before its head; else None."""
    for h in range(vi - 3, max(-1, vi - 13), -1):
        if tokens[h][0].lower() in _ANON_HEADS and _anonymous_end(tokens, h, lex) == vi:
            s = h
            while s > 0 and s > h - 2 and tokens[s - 1][0].lower() in _ANON_BEFORE:
                s -= 1
            return s, vi
    return None


def _particles_then_cap(tokens: list[tuple[str, int, int]], k: int) -> bool:
    """Whether the lowercase particles at ``k`` ("de", "van der") lead to a capitalised word."""
    t = k
    while t < len(tokens) and t < k + 2 and tokens[t][0] in _PARTICLES:
        t += 1
    return t < len(tokens) and t > k and _name_cap(tokens[t][0])


def _particle_in_name(tokens: list[tuple[str, int, int]], k: int) -> bool:
    """Whether the token at ``k`` is a particle inside a name read forward: after a capitalised word
    or another particle, before a capitalised word ("Marc Perrin de Brichambaut", "Max van der Stoel")."""
    return tokens[k][0] in _PARTICLES and k > 0 and (
        tokens[k - 1][0][:1].isupper() or tokens[k - 1][0] in _PARTICLES) and _particles_then_cap(tokens, k)


def _possessive_role(words: list[str], bare: list[str], lex: Lexicon, seats: bool = False) -> bool:
    """Whether ``words`` (two or more, no determiner) are capitalised name words, the last of them a
    possessive, then a lowercase title or noun of a person ("Lavrov's spokesman", "Harbour Board's
    spokesman"): no country, body word or title among the name words, nor a seat of power with
    ``seats``."""
    return words[-2].endswith(("'s", "’s")) and (bare[-1] in lex.titles or bare[-1] in _PERSON_NOUNS) \
        and words[-1].islower() \
        and all(_name_cap(w) and b not in lex.country_of and b not in lex.org_words and b not in lex.titles
                and not (seats and b in lex.seats) for w, b in zip(words[:-1], bare))


def _role_before_comma(tokens: list[tuple[str, int, int]], s: int, c: int, kind: str, lex: Lexicon) -> bool:
    """Whether ``tokens[s:c]``, read as a speaker of ``kind``, is a role that a name in apposition
    may follow: a person or a description (or a body whose last word is a title; or a role after
    "his", "her", "their", which names no one by itself), opened by a determiner (or "another", or
    a possessive pronoun) or holding a possessive, ending in a lowercase word before the comma
    at ``c`` with two tokens or more after it ("the president's press secretary, Ana Ruiz", "the
    Polish foreign minister, Ana Ruiz", "another Lima resident, Ana Ruiz";
    :meth:`_Attributor._apposed_name` reads the name). The word before the comma may also be the
    capitalised end of a body after a lowercase title and "for", "of", "at" or "to" ("a spokesman
    for the Foreign Ministry, Ana Ruiz")."""
    titled_body = _title_of_body(tokens, s, c, lex)
    return (kind in ("person", "description") or kind == "org" and (tokens[c - 1][0] in lex.titles or titled_body)
            or kind == "none" and tokens[s][0] in _POSSESSIVE_PRON) \
        and c + 2 < len(tokens) and tokens[c][0] == "," and (tokens[c - 1][0].islower() or titled_body) \
        and (tokens[s][0].lower() in _DETERMINERS or tokens[s][0].lower() == "another"
             or tokens[s][0] in _POSSESSIVE_PRON or any(t[0].endswith(("'s", "’s")) for t in tokens[s:c]))


def _title_of_body(tokens: list[tuple[str, int, int]], s: int, c: int, lex: Lexicon) -> bool:
    """Whether ``tokens[s:c]`` holds a lowercase title followed by "for", "of", "at" or "to" ("a
    spokesman for the Kazakh Foreign Ministry", "the head of the Harbour Board")."""
    return any(tokens[i][0] in lex.titles and tokens[i + 1][0] in ("for", "of", "at", "to")
               for i in range(s, c - 2))


_ORDINAL = re.compile(r"[1-9][0-9]?(?:st|nd|rd|th)")


def _ordinal_before_title(tokens: list[tuple[str, int, int]], k: int) -> bool:
    """Whether ``tokens[k]`` is an ordinal of a rank before a capitalised title ("Marine 2nd Lt.
    Ana Ruiz", "1st Sgt. Tom Berg"); a number of two digits at most."""
    return k + 1 < len(tokens) and _ORDINAL.fullmatch(tokens[k][0]) is not None and tokens[k + 1][0][:1].isupper()


# Modifiers in "-ing" of a title after an inverted verb (", said Finance ranking member Tom Berg",
# ", said Harbour Fund managing director Ana Ruiz"): not a participle that ends the speaker.
_ING_TITLE_MODIFIERS = frozenset("ranking managing founding presiding".split())
_PARTY_MEMBERS = frozenset(("Democrat", "Republican"))


def _inverted_end(tokens: list[tuple[str, int, int]], j: int, lex: Lexicon) -> tuple[int, int | None]:
    """``(end, name_start)`` of the speaker named after an inverted verb at ``j - 1``: capitalised
    words, determiners, titles and the full stops of initials (", said Rev. Lee Hart"); then,
    after a lowercase title or head noun, "of" and head nouns up to a name of two capitalised words
    or more (", said chief of staff Dana Ortiz", ", said Lee campaign manager Tom Burke"), whose
    start is ``name_start`` (None when the speaker has no such name)."""
    nouns = head_nouns(lex)
    n = len(tokens)
    k = j
    while k < n and (tokens[k][0][:1].isupper() or tokens[k][0].lower() in _DETERMINERS
                     or tokens[k][0].lower() in lex.titles or _initial_dot(tokens, k)
                     or (k > j and tokens[k - 1][0][:1].isupper() and _name_cap(tokens[k][0]))
                     or (k > j and _particle_in_name(tokens, k))
                     or (k == j and (tokens[k][0].lower() == "another" or tokens[k][0] in _POSSESSIVE_PRON))
                     or (k > j and _ordinal_before_title(tokens, k))):
        k += 1
    if j < k < n and tokens[k][0] in _PERSON_NOUNS and tokens[j][0].lower() in _INDEFINITE:
        k += 1  # ", said one user.", ", added a local resident."
    k0 = k
    low = tokens[k][0] if k < n else ""
    anon = _anonymous_end(tokens, k, lex) if low.lower() in _ANON_HEADS else None
    if anon is not None:  # ", said one person familiar with the plan"
        return anon, None
    if low == "of" and k - j >= 2 and tokens[k - 1][0].lower() in lex.org_words:
        # ", said Nordport Institute of Maritime Studies director Ola Vinter": the organisation's name
        # runs on over "of" and capitalised words to a head noun and a name of two words or more
        t = k + 1
        while t < n and t < k + 6 and tokens[t][0][:1].isupper() and tokens[t][0].lower() not in _FUNCTION:
            t += 1
        if t > k + 1 and t < n and tokens[t][0] in nouns:
            m, r = _titles_then_name(tokens, t, t + 4, nouns)
            if m - r >= 2 and tokens[m - 1][0].lower() not in lex.org_words:
                return m, r
    if low not in nouns and low.replace("-", "").isalpha() and low.islower():
        # ", said Delta University political scientist Ana Ruiz": lowercase modifiers before the title
        # (", said political scientist Ana Ruiz": right after the verb only before a name, below)
        t = k
        while t < n and t < k + 2 and tokens[t][0].replace("-", "").isalpha() and tokens[t][0].islower() \
                and tokens[t][0] not in nouns \
                and tokens[t][0] not in _FUNCTION \
                and (not tokens[t][0].endswith(("ly", "ing")) or tokens[t][0] in _ING_TITLE_MODIFIERS):
            t += 1
        if t < n and t > k and tokens[t][0] in nouns:
            k, low = t, tokens[t][0]
        elif t < n and t > k and tokens[t - 1][0] in _ING_TITLE_MODIFIERS and tokens[t][0] in _PARTY_MEMBERS:
            # ", said Finance ranking Democrat Tom Berg": a party's member before the name
            m, r = _titles_then_name(tokens, t + 1, t + 1, nouns)
            if m - r >= 2:
                return m, r
    described = k0 > j and (tokens[j][0].lower() in _INDEFINITE or all(t[0].lower() in _DETERMINERS for t in tokens[j:k0]))
    if low in nouns or (low == "of" and k > j and tokens[k - 1][0] in nouns):
        m, r = _titles_then_name(tokens, k + 1 if low == "of" else k, k + 4, nouns)
        if m - r >= 2 and tokens[r - 1][0] in nouns and tokens[m - 1][0].lower() not in lex.org_words:
            return m, r
        if described and r > k and tokens[r - 1][0] in nouns:
            return r, None  # ", said an oil executive.": a description with its modifiers and its noun
    return (k, None) if k0 > j else (k0, None)


def _lower_then_capitalised(words: list[str], bare: list[str], lex: Lexicon) -> bool:
    """Whether ``words`` are one or two lowercase modifiers, then one to three capitalised words
    that name no country ("senior Harbour Board", "leading Supreme Court"): the modifiers of a
    described person's title. Out of scope: a capitalised word first ("Harbour senior official")."""
    k = 0
    while k < len(words) and k < 2 and words[k].isalpha() and words[k].islower() and words[k] not in _FUNCTION:
        k += 1
    rest = words[k:]
    return 1 <= k and 1 <= len(rest) <= 3 and all(
        w[:1].isupper() and w.isalpha() and b not in lex.country_of for w, b in zip(rest, bare[k:]))


_SOME = frozenset("some many several most other few".split())


def _described_end(tokens: list[tuple[str, int, int]], j: int, lex: Lexicon) -> int:
    """End of a group described after an inverted tag with no quotation (", say some residents,",
    ", said local officials."): at most three lowercase words, the last a group, title or person
    noun (or a capitalised group: "some Democrats") before punctuation; else 0."""
    m = j
    while m < len(tokens) and m < j + 3 and tokens[m][0].isalpha() and tokens[m][0].islower() \
            and not (_group_word(tokens[m][0], lex) and m + 1 < len(tokens) and not tokens[m + 1][0].isalpha()):
        m += 1
    if m + 1 < len(tokens) and tokens[m][0].isalpha() and tokens[m + 1][0] in _INVERTED_ENDS and (
            _group_word(tokens[m][0].lower(), lex)
            or (m > j and tokens[m][0][:1].isupper() and tokens[m][0].endswith("s") and tokens[m - 1][0] in _SOME)):
        return m + 1  # (a capitalised plural after a quantifier: "some Democrats")
    return 0


def _group_word(word: str, lex: Lexicon) -> bool:
    """Whether the lowercase ``word`` heads a described speaker: a group, title or person noun
    ("officials", "residents", "analyst")."""
    base = _bare(word)
    return word in lex.groups or base in lex.groups or word in lex.titles or base in lex.titles \
        or word in _PERSON_NOUNS or base in _PERSON_NOUNS


_EXAMPLE_LINKS = frozenset(("like", "including"))  # ", say experts like Ana Ruiz,"


def _example_end(tokens: list[tuple[str, int, int]], j: int, lex: Lexicon) -> tuple[int, int] | None:
    """``(end of the group, end of its examples)`` of a group described after an inverted tag and
    named by examples (", say experts like Ana Ruiz, ...", '"...," said residents such as Tom Berg
    and Ana Ruiz.'): at most three lowercase words, the last a plural group, title or person noun
    (:func:`_group_word`), then "like", "including" or "such as", then capitalised words or
    initials (two names joined by "and" at most, eight tokens), then punctuation; else None.
    Out of scope: examples in lowercase ("experts like this one") and a determiner before the group."""
    n = len(tokens)
    e = j
    while e < n and e < j + 3 and tokens[e][0].isalpha() and tokens[e][0].islower() and tokens[e][0] not in _FUNCTION \
            and tokens[e][0] not in _EXAMPLE_LINKS and tokens[e][0] != "such":
        e += 1
    m = e - 1
    if e == j or not tokens[m][0].endswith("s") or not _group_word(tokens[m][0], lex):
        return None
    if e < n and tokens[e][0] in _EXAMPLE_LINKS:
        e += 1
    elif e + 1 < n and tokens[e][0] == "such" and tokens[e + 1][0] == "as":
        e += 2
    else:
        return None
    s = e
    ands = 0
    while e < n and e < s + 8 and (tokens[e][0][:1].isupper() and tokens[e][0].lower() not in _FUNCTION
                                   or _initial_dot(tokens, e)
                                   or (tokens[e][0] == "and" and e > s and ands == 0 and e + 1 < n
                                       and tokens[e + 1][0][:1].isupper())):
        ands += tokens[e][0] == "and"
        e += 1
    if e == s or tokens[e - 1][0] == "and" or (e < n and tokens[e][0] not in _INVERTED_ENDS):
        return None
    return m + 1, e


_DESCRIBED_LINKS = frozenset("who of for at with in from".split())  # after a closing tag's described speaker
_DESCRIBED_OPENING = frozenset("a an another one".split())


def _closing_described_end(tokens: list[tuple[str, int, int]], vi: int, lex: Lexicon) -> int:
    """End of the head noun of a described speaker after the inverted verb at ``vi`` when the tag
    closes the sentence (", said a port official who sat in on the meeting.", ", said a retired
    pilot from the ferry guild, Ivo Marten, who ..."): "a", "an", "another" or "one", at most
    three modifiers, a group, title or person noun (:func:`_group_word`), then the end or a
    relative "who" or a preposition, with no finite verb between it and a relative word; else 0.
    Out of scope: "the" (a description the article resolves), a noun no list knows."""
    j, n = vi + 1, len(tokens)
    if j >= n or tokens[j][0] not in _DESCRIBED_OPENING:
        return 0
    h = j + 1
    while h < n and h <= j + 3 and tokens[h][0].replace("-", "").isalpha() \
            and tokens[h][0].lower() not in _FUNCTION and not _group_word(tokens[h][0], lex):
        h += 1
    if h >= n or not tokens[h][0].islower() or not _group_word(tokens[h][0], lex):
        return 0
    e = h + 1
    if e == n or tokens[e][0] in (".", "!", "?"):
        return e
    if tokens[e][0] not in _DESCRIBED_LINKS:
        return 0
    rel = next((k for k in range(e, n) if tokens[k][0] in ("who", "whose", "which")), n)
    return 0 if any(t[0].lower() in _FINITE for t in tokens[e:rel]) else e


# verbs of an inverted tag after a comma with no quotation ("The plan is late, said Tom Berg.")
_INVERTED_UNQUOTED = frozenset("said says added adds argued argues noted notes predicted predicts wrote writes".split())
_WHO_AUX = frozenset("has have had also long often".split())  # "who has long complained"
# prepositions that open no clause: the noun phrase after them is their object ("Despite party calls")
_NOUN_PREPOSITIONS = frozenset("alongside amid amidst despite among amongst against beside unlike".split())
def _closing_inverted_tag(tokens: list[tuple[str, int, int]], vi: int, lex: Lexicon) -> bool:
    """Whether the speech verb at ``vi``, after a comma, opens an inverted tag that closes the
    sentence: a capitalised name after it (``_inverted_end``), then the end, or a comma and an
    apposition with no finite verb ("..., said Ana Ruiz, director of the Salem Institute."; not
    "..., said Ana Ruiz, the clerk, was late", whose name opens the content)."""
    j = vi + 1
    if j >= len(tokens) or not tokens[j][0][:1].isupper():
        return False
    k, _ = _inverted_end(tokens, j, lex)
    if k == j or k >= len(tokens) or tokens[k][0] not in _INVERTED_ENDS:
        return False
    return tokens[k][0] != "," or not any(t[0].lower() in _FINITE for t in tokens[k + 1 :])


def _closes_unquoted(tokens: list[tuple[str, int, int]], vi: int, lex: Lexicon) -> bool:
    """Whether the verb at ``vi`` opens an inverted tag after a comma with no quotation that closes
    the sentence: a verb of ``_INVERTED_UNQUOTED`` whose speaker is a name
    (:func:`_closing_inverted_tag`) or a described person (:func:`_closing_described_end`) ending
    it ("..., said Ana Ruiz.", "..., said a port official who sat in on the meeting.")."""
    return vi >= 1 and tokens[vi - 1][0] == "," and vi + 1 < len(tokens) and tokens[vi][0].lower() in _INVERTED_UNQUOTED \
        and (_closing_inverted_tag(tokens, vi, lex) or bool(_closing_described_end(tokens, vi, lex)))


_INVERTED_ENDS = frozenset(", . ; : ! ? — –".split())
_MADE_IT = frozenset("clear plain known be".split())  # "made it clear", "let it be known"


def _frame_words(lex: Lexicon) -> frozenset[str]:
    """The words that can make a frame report speech: speech verbs, verbs of stance phrases, and
    "appears", "made (clear)", "let (it be known)"."""
    memo = _lex_memo(lex, "frame_words")
    words = memo.get(None)
    if words is None:
        words = memo[None] = lex.speech_verbs | lex.stance_phrase_verbs | _OTHER_FRAMES
    return words


def _seat_trigger(w: str, lex: Lexicon) -> bool:
    adj = lex.reaction_adjectives
    return (w in lex.seats or w in adj or w[:-2] in adj or w[:-3] in adj or w[:-1] in adj
            or w in ("white", "downing"))

# Subjects that name no side: a quantifier of _SOME standing alone, or "others" ("Others were less
# charitable." is the author's linking line, guide case 35, not a statement of "Others").
_UNNAMED_SIDES = (_SOME - {"other"}) | {"others"}
_NO_NAME_OPENERS = frozenset(("who", "whom"))  # a question's pronoun: "Who could object ...?"


class _Attributor:
    def __init__(self, doc: _Doc) -> None:
        self.doc = doc
        self.lex = doc.lex
        self._tokens: dict[tuple[int, str], list[tuple[str, int, int]]] = {}
        self._last_words: tuple[str, list[str]] = ("", [])  # the last frame's lowercase words
        self.frame_words = _frame_words(self.lex)
        self.unsaid: tuple[str, str] | None = None  # the subject of a speech verb that reports no saying
        self.no_model = False  # the frame's speech word is a narrated action the learned model must not take
        self.unsaid_cues: set[int] = set()  # offsets of speech words that close a comparison: not the model's cue

    def tokens(self, frame: str, offset: int) -> list[tuple[str, int, int]]:
        """Tokens of a frame, computed once per frame (frames are looked at several times)."""
        key = (offset, frame)
        toks = self._tokens.get(key)
        if toks is None:
            toks = _tokens(frame)
            if len(self._tokens) > 64:
                self._tokens.clear()
            self._tokens[key] = toks
        return toks

    def classify(self, words: list[str], pos: int) -> tuple[str | None, str]:
        """Canonical name and entity kind for the noun phrase ``words``."""
        lex = self.lex
        doc = self.doc
        low = [w.lower().rstrip(".") for w in words]
        if len(low) == 1 and "'" in low[0].replace("’", "'"):
            base, _, rest = low[0].replace("’", "'").partition("'")
            if base in _PRONOUNS and rest in _CONTRACTIONS:
                low = [base]  # "He's suggesting", "They're", "She'll": the pronoun
        bare = [_bare(w) for w in low]
        if low[0] in _NO_NAME_OPENERS:
            return None, "none"  # "Who could object to such a record?": no one named
        if len(low) == 1 and low[0] == "it":  # "It urges ...": the body or country that spoke or was named last
            last = doc.last_group
            if last is not None and (last.kind in ("org", "country") or (
                    last.kind == "group" and " " not in last.name and not last.name.endswith("s")
                    and (last.name in lex.org_words or last.name in lex.documents))):
                # (or a body or document described in one word, a speaker before: "The company said
                # ... It added that ...", "The harbour report listed ... It said ...")
                return last.name, last.kind
            named = doc.org_before(pos, -1 if last is None else last.pos)  # a body named, never a speaker
            if named is None:
                one = doc.last_person  # "Harborline said ... It added": a one-word name that spoke
                if one is not None and one.pos < pos and (last is None or one.pos > last.pos) \
                        and " " not in one.name and one.name.isalpha() and one.name[:1].isupper() \
                        and one.name[1:].islower() and not one.descriptors \
                        and doc.canonical_person([one.name]) == one.name \
                        and doc.gender_of(one.name) is None:
                    return one.name, "org"
            return (named, "org") if named else (None, "none")
        if len(low) == 1 and low[0] in _PRESS_NOUNS and doc.text[max(0, pos - 4) : pos].lower() == "the ":
            # "the paper argued": the publication that spoke last, a body or a name read as a
            # person's ("Harbour Gazette welcomed the plan. The paper argued ...")
            last = max((e for e in (doc.last_group, doc.last_person) if e is not None and e.name[:1].isupper()),
                       key=lambda e: e.pos, default=None)
            if last is not None:
                return last.name, "org"
        if low[-1] in _STATEMENT_NOUNS and (len(low) == 2 and low[0] in ("the", "its") or len(low) == 1
                                            and doc.text[max(0, pos - 4) : pos].lower() in ("the ", "its ")):
            # "The statement called ...": the body or country that spoke last issued it (as "the
            # paper" is the publication that spoke last)
            last = doc.last_group
            if last is not None and last.kind in ("org", "country"):
                return last.name, last.kind
        if len(low) == 1 and low[0] in _PRONOUNS:
            kind = _PRONOUNS[low[0]]
            if kind == "person":
                return doc.resolve_pronoun(pos, "f" if low[0] == "she" else "m"), "person"
            if kind == "group":
                return (doc.last_group.name if doc.last_group else None), "group"
            return None, "self"
        for h in range(min(len(low) - 2, 3)):
            if low[h] in _ANON_HEADS and all(w in _ANON_BEFORE or w[:1].isdigit() for w in low[:h]):
                e = _anonymous_end([(w, 0, 0) for w in words], h, lex)
                if e is not None:  # "two people close to the mayor": an unnamed source, not the mayor
                    kind = "group" if low[h].endswith("s") or low[h] == "people" else "person"
                    head = words[h].lower() if words[h][1:].islower() else words[h]  # "People familiar ..."
                    return " ".join([head] + words[h + 1 : e]), kind
        first = len(words)
        while len(low) > 1 and low[0] in _COORDINATORS:  # "But other advisers", "and independent journalists"
            words, low, bare = words[1:], low[1:], bare[1:]
        indefinite = bool(low) and low[0] in ("a", "an", "one", "another")
        definite = bool(low) and low[0] in ("the", "this", "that")
        while low and low[0] in _DETERMINERS:
            words, low, bare = words[1:], low[1:], bare[1:]
        if not words:
            return None, "none"
        text = " ".join(words)
        if len(words) == first and words[0][:1].isupper() and (len(words) == 1 or words[1][:1].islower()) \
                and bare[0] not in lex.country_of and bare[0] not in _REGION_WORDS and doc.common_word_at(words[0], pos):
            # "Critics" opening a sentence names the group that "critics" names elsewhere (not
            # "State Department officials", "Western diplomats", "Polish officials")
            group_text = words[0][:1].lower() + text[1:]
        else:
            group_text = text
        joined = " ".join(bare)
        # A group named by its head noun, wherever it is: "analysts in Moscow", "Western diplomats".
        head_end = next((k for k, lw in enumerate(low) if lw in ("in", "at", "from", "of") and k > 0), len(low))
        if bare[head_end - 1] in lex.groups and not (head_end == len(low) and len(low) == 1 and words[0][:1].isupper()
                                                       and bare[0] not in lex.groups):
            return group_text, "group"
        if indefinite and head_end < len(low) - 1 and low[head_end] in ("in", "at") \
                and all(w[:1].isupper() or w.lower() == "the" for w in words[head_end + 1 :]) \
                and bare[head_end - 1] in lex.titles \
                and all(b in lex.titles or b in lex.country_of or w.isupper() for w, b in zip(words[:head_end], bare)):
            # "one EU ambassador in Vienna": a description keeps the place that tells it apart
            doc.describe(_Entity(text, "subject", frozenset(bare[:head_end]), pos))
            return text, "person"
        if joined in lex.seats:
            return lex.seats[joined], "country"
        if joined in lex.country_of and lex.country_of[joined].lower() == joined:
            return lex.country_of[joined], "country"
        # Country, capital or seat of power, or a government / leadership of a country.
        if len(words) == 1 and (low[0] in lex.seats or low[0] in lex.country_of and low[0][0:1].isalpha()
                                and lex.country_of[low[0]].lower() == low[0]):
            return lex.seats.get(low[0], lex.country_of.get(low[0])), "country"
        if low[-1] in ("government", "leadership", "authorities", "administration", "side") and len(words) <= 3:
            for b in bare[:-1]:
                if b in lex.country_of:
                    return lex.country_of[b], "country"
        if len(words) == 2 and low[0] == "white" and low[1] == "house":
            return lex.seats.get("white house"), "country"
        # A named person: the last run of capitalised words that are not titles or countries.
        run: list[str] = []
        for w, lw, b in zip(reversed(words), reversed(low), reversed(bare)):
            if lw in _PARTICLES and run:
                run.append(w)
                continue
            if lw in lex.calendar and run:
                break
            if run and w.endswith(("'s", "’s")):
                break  # "NBC's Tom Berg": the possessor is no part of the name
            if _name_cap(w) and (lw not in lex.titles or (not run and _surname_title(low, words, lex))) \
                    and b not in lex.country_of and b not in lex.org_words and (not run or b not in _REGIONS) \
                    and (lw not in _PARTY_WORDS or not run or run[-1].lower() not in lex.gender_words) \
                    and not (w.isupper() and len(w) > 2 and not _INITIALS.fullmatch(w)) and b not in lex.seats:
                run.append(w)
            else:
                break
        run.reverse()
        has_org = not lex.org_words.isdisjoint(bare) or any(w.isupper() and len(w) > 1 for w in words)
        if len(run) >= 2 and not any(b in lex.org_words for b in (x.lower() for x in run)) and not (
                has_org and len(run) < len(low) and low[len(low) - len(run) - 1] in ("and", "for", "of", "on")):
            # (not the end of a body's name: "Office for Democratic Institutions and Human Rights")
            return doc.canonical_person(run), "person"
        for k, lw in enumerate(low):
            if lw in ("of", "at", "from", "with") and k >= 2:
                head = words[:k]
                name, kind = self.classify(head, pos)
                if kind == "person" and name:
                    return name, kind
                break
        if run and len(run) < len(words) and low[len(words) - len(run) - 1] in _ORG_BEFORE_NAME \
                and words[len(words) - len(run) - 1].islower():
            # "the state energy company Naftogaz", "the shipping firm Harbor Lines": the body is the name
            return " ".join(run), "org"
        if run and len(run) == len(words) and not has_org and len(run) >= 1:
            if len(run) == 1 and run[0].lower() not in doc.full_name and len(words) == 1 \
                    and doc.common_word_at(run[0], pos):
                return None, "none"  # "Similar doubts were voiced ...": a common word opening a sentence
            return doc.canonical_person(run), "person"
        if run and not has_org and all(lw in lex.titles or b in lex.country_of for lw, b in zip(low[: len(low) - len(run)], bare)):
            if _place_and_noun(low, bare, run, lex):
                return text, "org"
            return doc.canonical_person(run), "person"
        if definite and len(words) == 1 and words[0].islower() and bare[0] in doc.body_words \
                and doc.org_name.get(bare[0]) is None:
            listed = doc.body_described(bare[0])  # "the alliance": NATO, when the article names it
            if listed is not None:
                return listed, "org"
        # A description: "a senior U.S. official" (a new actor), "the minister", "the Russian president"
        desc = {b for b in bare if b in lex.titles or b in lex.country_of}
        if desc and (len(desc) == len(bare) or (bare[-1] in lex.titles and all(
                b in desc or _np_modifier(b, lex) or (definite and w[:1].isupper() and not w.endswith(("'s", "’s")))
                for w, b in zip(words, bare)))):  # "a senior presidential adviser", "the Ohio senator"
            if indefinite:
                doc.describe(_Entity(text, "subject", frozenset(bare), pos))
                return text, "person"
            named = doc.resolve_description(desc, pos, bare)
            if named is None and definite and bare == ["chair"]:
                # "the chair said" in an article that named a chairmanship: the office (guide case 25)
                last = doc.last_group
                office = last.name if last is not None and last.kind == "org" else None
                if office is None or not office.lower().endswith("chairmanship"):
                    office = doc.org_before(pos, -1)
                if office is None or not office.lower().endswith("chairmanship"):
                    office = doc.chairmanship_before(pos)  # "The Kazakh chairmanship has published ..."
                if office is not None and office.lower().endswith("chairmanship"):
                    return office, "org"
            return (named, "person") if named else (text, "description")
        if indefinite and not run and bare[-1] in lex.titles and (
                2 <= len(words) <= 3
                and all(w[:1].isupper() and b not in lex.country_of for w, b in zip(words[:-1], bare))
                or 3 <= len(words) <= 5 and _lower_then_capitalised(words[:-1], bare[:-1], lex)):
            # a name as a modifier before a title: "a Lund aide", "a Ruiz spokesman"; or lowercase
            # modifiers, then a body's name before a title: "a senior Harbour Board official",
            # "another leading Supreme Court advocate" (a person described, whom "the aide" or
            # "the official" may name later)
            doc.describe(_Entity(text, "subject", frozenset(bare[-1:]), pos))
            return text, "person"
        if (not indefinite and not definite and 2 <= len(words) <= 4 and _possessive_role(words, bare, lex)) \
                or (definite and 3 <= len(words) <= 4 and _possessive_role(words, bare, lex, seats=True)):
            # a name's possessive before a title, opening the phrase: "Lavrov's spokesman", "Ana
            # Ruiz's lawyer" (a person described, as "a Ruiz aide"; not "Russia's envoy": a description);
            # after "the", a body's name of words no list knows: "the Harbour Board's spokesman" (as
            # "the Foreign Ministry's spokesman"; a person has no "the")
            doc.describe(_Entity(text, "subject", frozenset(bare[-1:]), pos))
            return text, "person"
        if indefinite and 1 <= len(words) <= 3 and (bare[-1] in _PERSON_NOUNS or bare[-1] in lex.titles) \
                and all((w.islower() or w[:1].isupper()) and lw not in _FUNCTION for w, lw in zip(words[:-1], low)):
            # a noun of a person without a title ("one user", "a local resident"), or a title after
            # a noun ("an oil executive", "a Western bank manager"): an unnamed speaker, whom "the
            # resident" may name later
            doc.describe(_Entity(text, "subject", frozenset(bare[-1:]), pos))
            return text, "person"
        if definite and len(bare) == 1 and bare[0] in lex.org_words:
            # "the department said": the most recent body with that word in its name
            if doc.last_group is not None and bare[0] in doc.last_group.name.lower():
                return doc.last_group.name, doc.last_group.kind
        if any(b in lex.groups for b in bare) and not any(w[:1].isupper() and b not in lex.country_of for w, b in zip(words, bare) if b not in lex.groups and w.lower() not in lex.titles and not w.lower() in ("western", "eastern", "european", "european", "central", "asian")) or (low[-1] in lex.groups):
            return group_text, "group"
        if has_org and indefinite and bare[-1] in lex.titles and bare[-1] not in lex.org_words:
            # "A State Department official", "a senior UN envoy": a person described by a body
            # and a title, whom "the official" may name later
            doc.describe(_Entity(text, "subject", frozenset(b for b in bare if b in lex.titles or b in lex.country_of),
                                 pos))
            return text, "person"
        if has_org:
            full = doc.org_name.get(bare[-1])
            if full and (full.endswith(text) or (len(words) == 1 and definite)) and len(full) > len(text):
                return full, "org"  # "the Observatory", "the Ministry": the body named in full before
            return text, "org"
        if run and len(run) == 1 and len(words) >= 3 and all(w[:1].isupper() for w in words):
            return text, "org"  # "Rights Monitor Central Asia": a body's name, not a person called "Asia"
        if run:
            if _place_and_noun(low, bare, run, lex):
                return text, "org"
            return doc.canonical_person(run), "person"
        return None, "none"

    def remember(self, name: str | None, kind: str, pos: int) -> None:
        if not name:
            return
        ent = _Entity(name, kind, frozenset(), pos)
        if kind in ("person", "description"):
            self.doc.last_person = ent
        elif kind in ("group", "org", "country"):
            self.doc.last_group = ent

    def aged_tag(self, frame: str, offset: int) -> tuple[str | None, str, str] | None:
        """A tag after a quotation whose speaker is described by age alone ('"...," said the
        52-year-old.', '"...," the 40-year-old said.'): the person named last before it, as "he";
        else None. Exact shapes: the masked quotation (and its closing marks), then the verb and
        "the <N>-year-old" before the sentence's end or a comma, or the description and the verb."""
        tokens = self.tokens(frame, offset)
        for a in range(2, min(len(tokens), 8)):
            w = tokens[a][0]
            if not (w.endswith("-year-old") and w[:1].isdigit() and tokens[a - 1][0].lower() == "the"):
                continue
            after = tokens[a + 1][0] if a + 1 < len(tokens) else "."
            if after in _INVERTED_ENDS and tokens[a - 2][0].lower() in _TAG_VERBS:
                q = a - 3  # "..." said the 52-year-old.
            elif after.lower() in _TAG_VERBS:
                q = a - 2  # "..." the 40-year-old said
            else:
                return None
            while q >= 0 and tokens[q][0] in _CLOSING_MARKS:
                q -= 1
            if q < 0 or not tokens[q][0].startswith("_"):
                return None
            mention = frame[tokens[a - 1][1] : tokens[a][2]]
            name = self.doc.resolve_pronoun(offset + tokens[a - 1][1])
            return name or w, "person", mention  # (no one named before: the description, as "the insider")
        return None

    def _closing_reports(self, frame: str, offset: int):
        """``(actor, kind, mention)`` of a closing tag "..., Tom Berg reports." or "..., the Harbour
        Gazette reports.": after a comma, capitalised words (with a leading "the") and "reports"
        end the sentence. "reports" is no speech verb in the lists (a noun most of the time: "Port
        reports show ..."), so only these shapes read it, and the opening one "The Harbour Gazette
        reports the ferry ...", "Tom Berg reports that ..." (:data:`_OPENING_REPORTS`); else None.
        Out of scope: a lowercase description ("..., a local paper reports.", "A local paper
        reports ...")."""
        m = _OPENING_REPORTS.match(frame)
        if m is not None:
            tokens = _tokens(frame, 0, m.end())
            i = 1 if tokens[0][0] == "The" else 0
            v = len(tokens) - 2
            if v > i and all(t[0][:1].isupper() and t[0].lower() not in _FUNCTION for t in tokens[i:v]):
                name, kind, mention = self.np_at(frame, offset, tokens, 0, v)
                if name and kind in ("person", "org"):
                    return name, kind, mention
            return None
        if _CLOSING_REPORTS.search(frame) is None:
            return None
        tokens = _tokens(frame)
        n = len(tokens)
        v = n - 1 - (tokens[-1][0] in (".", "!"))
        i = v
        while i > 0 and v - i < 6 and (tokens[i - 1][0][:1].isupper() and tokens[i - 1][0].lower() not in _FUNCTION
                                       or i > 1 and i < v and tokens[i - 1][0] in _PARTICLES
                                       and tokens[i - 2][0][:1].isupper()):  # "Correio da Tarde"
            i -= 1
        if i < v and i > 2 and tokens[i - 1][0] in _MEDIA_NOUNS and (tokens[i - 2][0] == "," or (
                tokens[i - 2][0][:1].isupper() and tokens[i - 3][0] == ",")):
            i -= 1 if tokens[i - 2][0] == "," else 2  # "..., Norwegian newspaper Dalby Posten reports."
        if i > 0 and tokens[i - 1][0].lower() == "the" and i < v:
            i -= 1
        if i == v or i < 2 or tokens[i - 1][0] != ",":
            return None
        name, kind, mention = self.np_at(frame, offset, tokens, i, v)
        return (name, kind, mention) if name and kind in ("person", "org", "group") else None

    def _closing_posted(self, frame: str, offset: int):
        """``(actor, kind, mention)`` of a closing tag "..., the church posted on Facebook." (a
        comma, a subject of at most six words, "posted on" or "posted to" and a capitalised site,
        with a day at most, ending the sentence): "posted" is no speech verb in the lists ("posted a
        photo", "posted gains"), so only this shape reads it; else None."""
        m = _CLOSING_POSTED.search(frame)
        if m is None:
            return None
        tokens = _tokens(frame, m.start(1), m.end(1))
        if not tokens or len(tokens) > 6 or tokens[-1][0].lower() in ("was", "were", "is", "are", "been", "be", "being"):
            return None  # (a passive: "..., the video was posted on Harbour TV.")
        name, kind, mention = self.np_at(frame, offset, tokens, 0, len(tokens))
        if not name and 2 <= len(tokens) <= 3 and tokens[0][0].lower() in ("the", "its", "his", "her", "their") \
                and tokens[-1][0].isalpha() and tokens[-1][0].islower():
            return tokens[-1][0], _noun_kind(tokens[-1][0]), mention  # "the church", "his sister": the noun
        return (name, kind, mention) if name and kind in ("person", "org", "group", "description") else None

    def np_at(self, frame: str, offset: int, tokens: list[tuple[str, int, int]], i: int, j: int):
        words = [t[0] for t in tokens[i:j]]
        if j - i >= 3 and words[-1].lower() == "others" and words[-2].lower() == "and" and "and" not in words[:-2]:
            # "Ana Ruiz and others said": the first conjunct's name and the others, one group
            name, kind = self.classify(words[:-2], offset + tokens[i][1])
            if name and kind in ("person", "group", "org", "country"):
                return name + " and others", "group", frame[tokens[i][1] : tokens[j - 1][2]]
        if "and" in words[1:-1]:
            c = next(k for k in range(i + 1, j - 1) if tokens[k][0] == "and")
            if _first_conjunct(tokens, c + 1, self.lex) == i and "and" not in words[c + 1 - i :]:
                joint = self._coordinated(frame, offset, tokens, i, c, j)
                if joint is not None:
                    return joint[0], joint[1], frame[tokens[i][1] : tokens[j - 1][2]]
                i, words = c + 1, words[c + 1 - i :]  # the second conjunct alone, as before
        s, e = tokens[i][1], tokens[j - 1][2]
        name, kind = self.classify(words, offset + s)
        return name, kind, frame[s:e]

    def _coordinated(self, frame: str, offset: int, tokens: list[tuple[str, int, int]], i: int, c: int, j: int):
        """``(actor, kind)`` of a coordinated subject "A and B" (``_first_conjunct``, "and" at
        ``c``): one group (a body when both are bodies or countries), named by its conjuncts (a
        person by the canonical name, anything else as written, without a leading determiner
        before the first); None when a conjunct names no person, group, body or country, or a
        person stands beside a place or body (a heading run on: "Berlin and Paris Mayor Ana Ruiz",
        with Paris a place the lexicon knows)."""
        lex = self.lex
        a = i + (tokens[i][0].lower() in _DETERMINERS)
        plural = ""
        if c - a >= 2 and tokens[a][0].endswith("s") and tokens[a][0][:-1].lower() in lex.titles \
                and tokens[a + 1][0][:1].isupper():
            plural = tokens[a][0]  # "Presidents Ana Lund and Tom Berg": the title of both
            a += 1
        parts: list[str] = []
        kinds: list[str] = []
        for p, q in ((a, c), (c + 1, j)):
            name, kind = self.classify([t[0] for t in tokens[p:q]], offset + tokens[p][1])
            if not name or kind not in ("person", "group", "org", "country"):
                return None
            if kind != "person":
                name = frame[tokens[p][1] : tokens[q - 1][2]]
            elif plural and name.startswith(plural + " "):
                name = name[len(plural) + 1 :]  # (the article's fullest name ran over the title)
            parts.append(name)
            kinds.append(kind)
        if (kinds[0] == "person") != (kinds[1] == "person"):
            return None
        if kinds[0] == "person":  # "he"/"she" later: the last person named, as before
            self.doc.last_person = _Entity(parts[1], "person", frozenset(), offset + tokens[c + 1][1])
        # bodies and countries stay what "it" may name later ("Forbes and the Ledger said ... It added")
        return " and ".join(parts), "org" if {"org", "country"}.issuperset(kinds) else "group"

    def frame_speaker(self, frame: str, offset: int, after_quote: bool = False, colon: bool = True):
        """Find ``(actor, kind, mention)`` in a sentence frame (quoted text masked)."""
        lex = self.lex
        if "-year-old" in frame:
            aged = self.aged_tag(frame, offset)
            if aged is not None:
                return aged
        if "reports" in frame:
            reported = self._closing_reports(frame, offset)
            if reported is not None:
                return reported
        if " posted " in frame:
            posted = self._closing_posted(frame, offset)
            if posted is not None:
                return posted
        m = _ACCORDING.search(frame) if "ccording" in frame else None
        if m and _according_measure(frame, m.end()):
            m = None  # "according to the wishes of the largest traders": a measure, no source
        if m:
            # "Several Allies, according to officials present, cautioned that ...": the subject
            # before a parenthetical "according to" is the speaker; the officials only report it.
            pre = frame[: m.start()].rstrip()
            if pre.endswith(",") and frame[m.end() :].count(",") >= 1:
                ptoks = _tokens(pre[:-1])
                span = self.clause_subject(ptoks, strict=False) if ptoks else None
                if span and span[0] == 0 and span[1] == len(ptoks) \
                        and not (len(ptoks) == 1 and ptoks[0][0].endswith("ing")):  # a gerund: "Boarding, according to ..."
                    name, kind, mention = self.np_at(frame, offset, ptoks, *span)
                    if name and kind in ("person", "group", "org", "country"):
                        return name, kind, mention
            toks = _tokens(frame, m.end(), m.end() + 240)
            j = 0
            while j < len(toks) and j < 30 and toks[j][0] not in (",", ".", ";", ":", "(", ")", "—", "–") \
                    and not toks[j][0].startswith("_") and not (toks[j][0] == "-" and frame[toks[j][2] : toks[j][2] + 1] == " "):
                j += 1
            closing = j < 30 and (j == len(toks) or toks[j][0] == "." and j + 1 == len(toks)) \
                and (frame[: m.start()].rstrip().endswith(",") or _THAT_IS.fullmatch(frame[: m.start()].strip()) is not None)
            # ("..., according to <phrase>." or "That's according to <phrase>." ends the sentence)
            if j > 14 and not closing and (j in (30, len(toks)) or toks[j][0] in (".", ")") or toks[j][0].startswith("_")):
                j = 14  # no comma or dash closes a long phrase: its first 14 words (past them, the content)
            # "according to a statement from the embassy", "... figures released by the ministry":
            # the text's source, named after "from", "by" or "of", is the actor.
            for d in range(min(j, 4)):
                if toks[d][0].lower() in lex.documents:
                    p = d + 1
                    while p < min(j, d + 3) and toks[p][0].lower() not in ("from", "by", "of"):
                        p += 1
                    if p < j - 1 and toks[p][0].lower() in ("from", "by", "of"):
                        res = self.np_at(frame, offset, toks, p + 1, j)
                        if res[0]:
                            return res
                    break
            if j:
                inner = self._inner_speaker(frame, offset, toks, j)
                if inner is not None:
                    return inner
                res = self.np_at(frame, offset, toks, 0, j)
                if res[0] and _role_before_comma(toks, 0, j, res[1], lex):
                    # "According to the president's press secretary, Ana Ruiz, the ...": the name in apposition
                    apposed = self._apposed_name(offset, toks, j, (",",))
                    if apposed is not None:
                        return apposed[0], apposed[1], frame[toks[0][1] : toks[apposed[2] - 1][2]]
                if res[0]:
                    return res
                # "according to the officer on duty at the pier that evening": the noun phrase before
                # its first preposition names the source, the whole phrase is the mention
                k = next((p for p in range(1, j) if toks[p][0] in _OBJECT_PREPOSITIONS
                          or toks[p][0] in _DESCRIPTION_STOPS), None)
                # (or before an anonymous source's phrase or a relative clause: "according to a
                # shipping executive familiar with the sale", "... a clerk who saw the vote")
                if k is not None:
                    name, kind, _ = self.np_at(frame, offset, toks, 0, k)
                    if name and kind != "self":
                        return name, kind, frame[toks[0][1] : toks[j - 1][2]]
        if after_quote and frame.lstrip(" '‘`")[:1] == "_":
            tagged = self._speech_tag(frame, offset)
            if tagged is not None:
                return tagged
        self.unsaid = None
        self.no_model = False
        words = lower_words(frame)
        self._last_words = (frame, words)
        present = self.frame_words.intersection(words)
        if not present and ":" not in frame:
            return self._views_and_passives(frame, offset)
        tokens = self.tokens(frame, offset)
        verb_at = None
        # Verbs are taken in lowercase, or capitalised as a frame's first word (lexicon entries are
        # single words, so the words of the frame tell which can occur).
        candidates = [vi for vi, t in enumerate(tokens) if t[0] in present]
        # "people familiar with the plan said ...": a head noun and every word of one of its phrases
        anonymous = not _ANON_HEADS.isdisjoint(words) and _anonymous_phrase_in(words)
        # (_restricted_subject needs a token "who"; a token of ASCII letters is a word of ``words``)
        relative = "who" in words
        compared = "than" in words  # (_compared_saying needs a token "than": most frames have none)
        if tokens and tokens[0][0] not in present and tokens[0][0].lower() in present:
            candidates.insert(0, 0)
        if len(candidates) > 1:
            tag = self._closing_tag(frame, offset, tokens, candidates[-1])
            if tag is None:
                # "..., Mr. Berg said, adding that she ...": a tag followed by its own participle
                tag = next((t for t in (self._closing_tag(frame, offset, tokens, v, True) for v in candidates[:-1]
                                        if v + 2 < len(tokens) and tokens[v + 1][0] == ",") if t is not None), None)
            if tag is not None:
                return tag
            # (past a degree or time word before the subordinator: "Shortly after X won, Y said ...")
            o = 1 if len(tokens) > 2 and tokens[0][0].lower() in _LEAD_DEGREE \
                and tokens[1][0].lower() in _SUBORDINATORS else 0
            if not o and len(tokens) > 3 and tokens[1][0].lower() in _LEAD_DEGREE \
                    and tokens[2][0].lower() in _SUBORDINATORS \
                    and (tokens[0][0].lower() in _LEAD_COUNT or tokens[0][0].isdigit()):
                o = 2  # "Not long after X tweeted, Y asked ...", "Two days before X spoke, Y said ..."
            if tokens[o][0].lower() in _SUBORDINATORS or tokens[o][0].lower() in _OPENING_PREPOSITIONS \
                    or (o == 0 and tokens[0][0].lower() in _ASKED):
                # "When the chair pointed out ..., the candidate said ...": the main clause's
                # cues first, those of the opening subordinate clause after them (and after "Asked
                # if she believed ..., Ruiz said")
                comma = next((k for k, t in enumerate(tokens[:40]) if t[0] == ","), None)
                if comma is not None and candidates[-1] > comma and candidates[0] < comma and comma + 2 < len(tokens) \
                        and tokens[comma + 1][0].lower() not in _MAIN_PRONOUNS \
                        and tokens[o + 1][0].lower() not in _MAIN_PRONOUNS:
                    main = [v for v in candidates if v > comma]
                    span = _np_backward(tokens, main[0], lex)
                    if span is not None and span[0] == comma + 1:  # the verb's subject opens the main clause
                        candidates = main + [v for v in candidates if v < comma]
        last = -1  # "The mayor urged the board ..., said a port official who ...": the closing tag's
        # speaker reports the sentence, the cues before it are its content (those after it, its relative clause)
        if len(candidates) > 1 and not after_quote and not any(t[0].startswith("_") for t in tokens):
            last = next((v for v in reversed(candidates) if v >= 4 and _closes_unquoted(tokens, v, lex)), -1)
            if last > candidates[0]:
                candidates = [last] + [v for v in candidates if v != last]
        shared = None
        said_at = None  # a speech verb whose subject was not found, before the content it opens
        for vi in candidates:
            tok = tokens[vi][0]
            low = tok.lower()
            hedge = False
            if low not in lex.speech_verbs:
                nxt = tokens[vi + 1][0].lower() if vi + 1 < len(tokens) else ""
                if low in ("appeared", "appears", "seemed", "seems") and nxt == "to":
                    hedge = True
                elif low in lex.stance_phrases:
                    if not _states_position(tokens, vi, lex.stance_phrases[low]):
                        continue  # "took office", "struck a deal": no position stated
                elif not (low in ("made", "makes", "make", "let", "lets") and (nxt in ("clear", "plain") or (
                        nxt == "it" and vi + 2 < len(tokens) and tokens[vi + 2][0].lower() in _MADE_IT))):
                    continue  # "made it clear", "let it be known"; not "made it possible"
            if tok[:1].isupper() and vi > 0:
                continue  # a capitalised form mid-sentence is a name ("Hope", "Sayed")
            if _noun_use(tokens, vi, lex):
                continue  # "the Democratic contest", "his call for": a noun, not a verb
            if low == "back" and vi == 1 and tokens[0][0].endswith("ing"):
                continue  # "Looking back to 2008, X argued": a particle, not "back" a candidate
            if _no_saying(tokens, vi, low):
                self.unsaid_cues.add(offset + tokens[vi][1])
                continue  # a target's history, the author's concession, a power, a journey: nor the model's cue
            if low in _AGREE and vi + 1 < len(tokens) and tokens[vi + 1][0].lower() == "to":
                continue  # "Russia agreed to widen the transit": a decision, not words ("agreed that" is)
            if vi + 1 < len(tokens) and not hedge and (tokens[vi + 1][0].lower() == "by" or (
                    vi + 3 < len(tokens) and tokens[vi + 1][0] == "to" and tokens[vi + 3][0] == "by"
                    and tokens[vi + 2][0] in _OBJECT_PRONOUNS)):
                continue  # a passive: "was described (to him) by X"
            used = _used_to(tokens, vi, lex)
            span = _anonymous_before(tokens, vi, lex) if anonymous else None
            if span is None:
                span = _np_backward(tokens, used if used is not None else vi, lex)
            if used is None and relative:
                restricted = _restricted_subject(tokens, vi, lex)
                if restricted is not None:
                    span = restricted  # "A harbour engineer who was on the pier said": the engineer
            if span and _negative_subject(tokens, span[0]):
                self.unsaid_cues.add(offset + tokens[vi][1])
                continue  # "No member asked ...", "Nobody in Lima wants ...": no one speaks
            action = low in _NARRATED and _narrated_action(tokens, vi, low) or span is not None and (
                low in _PROPOSALS and _relative_proposal(tokens, span[0], vi, lex))
            # "than many in Lima expected", "The text says nothing about ...": no saying, nor the model's cue
            unsaid = not action and (low in _SAY_FORMS and _text_says_little(tokens, vi)
                                     or compared and _compared_saying(tokens, span[0] if span else None, vi)
                                     or span is not None and _subordinate_saying(tokens, span[0], vi, low)
                                     or low in _SILENT_TEXT_VERBS and _text_silent(tokens, vi)
                                     or span is not None and _rejected_claim(tokens, span[0]))
            if action or unsaid or low in _SPEAK and _speech_without_content(tokens, vi, lex.calendar) \
                    or span and _conditional_saying(tokens, span[0], vi):
                # "He spoke to Ana Ruiz in Lima.": a narrated action, the article's own voice; its
                # subject is still the person a later pronoun or an answer's label names. After a
                # decision, a briefing or a proposal recalled, the learned model does not take the
                # word again; after "spoke", a condition, "brief" (most often an adjective) or money
                # raised (inside a finding: "a report found that the levy would raise $2 million") it may
                # take a later cue ("let Halvard speak first, and then she used her time praising
                # ...", "..., even if they did not agree")
                self.no_model = self.no_model or action and low != "brief" and low not in _RAISE
                if unsaid:
                    self.unsaid_cues.add(offset + tokens[vi][1])
                if span and self.unsaid is None:
                    name, kind, _ = self.np_at(frame, offset, tokens, *span)
                    if name and kind != "self":
                        self.unsaid = (name, kind)
                continue
            if verb_at is None and not (vi >= 1 and tokens[vi - 1][0].lower() == "to"):
                verb_at = vi
            if span is None and vi >= 3:  # "Mayor Ana Ruiz, who said ...": the name before the relative "who"
                w = vi - 1
                while w > 2 and (tokens[w][0] in _WHO_AUX or tokens[w][0].endswith("ly")):
                    w -= 1
                if tokens[w][0] == "who" and tokens[w - 1][0] == "," and not any(t[0] == "," for t in tokens[vi + 1 :]):
                    # (the relative clause closes the statement: not "X, who spoke first, left early")
                    before = _np_backward(tokens, w - 1, lex)
                    if before is not None and before[1] == w - 1:
                        a = before[0] - (tokens[before[0]][0].lower() not in ("a", "an"))
                        if a >= 3 and tokens[a][0].lower() in ("a", "an") and tokens[a - 1][0] == ",":
                            # "by Per Lund, a Bergen-based analyst for the Forum, who said": the name
                            # before the description in apposition, not the description
                            named = _np_backward(tokens, w, lex)
                            if named is not None and named[1] == a - 1 and tokens[a - 2][0][:1].isupper():
                                before = named
                    if before is not None and (before[1] == w - 1 or tokens[before[1]][0] == ","):
                        name, kind, _ = self.np_at(frame, offset, tokens, *before)
                        if name and kind in ("person", "group", "org"):
                            return name, kind, tokens[w][0]
            if span and low[-1:] == "s" and span[0] >= 1 and tokens[span[0] - 1][0].lower() in _NOUN_PREPOSITIONS:
                continue  # "Amid union calls for a strike, X said": a plural noun after a preposition, not a verb
            if span and span[0] >= 1 and low.endswith("ing") and tokens[vi - 1][0] == "," \
                    and _object_before(tokens, span[0]):
                # "X reprimanded Y, saying ...": Y is the object; the participle shares X, the subject
                shared = self._shared_subject(frame, offset, tokens, vi)
                if shared is not None:
                    return shared
                continue
            if span is None and low in _SAYING and (low in _SAID or vi != candidates[-1]) \
                    and vi != last:  # (not a closing tag put first: its speaker is after it)
                described = _described_subject(tokens, vi, lex)
                if described is not None:  # "A harbour employee said Ana Ruiz described ...": not the name after it
                    name, kind, mention = self.np_at(frame, offset, tokens, *described)
                    if name and kind != "self":
                        return name, kind, mention  # ("the paper added": the publication)
                    noun = tokens[described[1] - 1][0]
                    return noun, _noun_kind(noun), mention
            if span and said_at is not None and said_at < span[0] and vi > said_at \
                    and not any(t[0] in _CLAUSE_MARKS for t in tokens[said_at + 1 : span[0]]):
                # "... - a retired skipper said she insisted on ... -": the subject of a cue inside the
                # content of an earlier one (whose own subject went unread) is no speaker
                continue
            if span and span[1] < vi - 1 and _closes_unquoted(tokens, vi, lex) \
                    and not any(t[0].startswith("_") for t in tokens):  # (no masked quotation in the frame)
                span = None  # "X lacks support on the board, whom he angered, said Ana Ruiz, a ...": the tag's
            if span:
                name, kind, mention = self.np_at(frame, offset, tokens, *span)
                d = _tag_description(tokens, vi - 1) if not name and kind == "none" and span[1] == vi else None
                if d is not None:  # '"...?" the insider said.': an unnamed speaker
                    name, kind, mention = tokens[vi - 1][0], "person", frame[tokens[d][1] : tokens[vi - 1][2]]
                elif not name and kind == "none" and low in _SAID and span[1] < vi \
                        and tokens[span[1]][0].endswith("ing") and tokens[span[0]][0].lower() in _DESCRIBED_DETERMINERS:
                    # "Another harbour source speaking to Ferry News said": the description speaks
                    noun = tokens[span[1] - 1][0]
                    name, kind = noun, _noun_kind(noun)
                if name or kind == "self":
                    if kind == "self":
                        return None, "self", mention
                    return name, kind, mention
            elif shared is None:
                if said_at is None and low in lex.speech_verbs and vi + 1 < len(tokens) \
                        and tokens[vi + 1][0].lower() in _CONTENT_OPENERS:
                    said_at = vi
                shared = self._shared_subject(frame, offset, tokens, vi)
                if shared is not None and low.endswith("ing") and tokens[vi - 1][0] == "," \
                        and low not in _BARE_PARTICIPLES:
                    return shared  # "X reprimanded Y, saying Z had ...": a later verb is inside the content
            # Inversion after a quotation: ", said Lavrov."
            q = vi - 1
            while q >= 1 and tokens[q][0] in ("'", "`", "’", "‘"):
                q -= 1  # the outer marks of a quotation written ''...'' or ``...''
            unquoted = vi >= 4 and vi + 1 < len(tokens) and tokens[vi - 1][0] == "," \
                and (low in _INVERTED_UNQUOTED or low == "say") and tokens[vi + 1][0].lower() not in lex.calendar \
                and (not after_quote or not tokens[vi - 2][0].startswith("_") and _closing_inverted_tag(tokens, vi, lex))
            # (after a quotation, words of the author's between it and the tag: '"..." except to sell, says Tom Berg.')
            # ('"...," said local officials.': the same group right after a quotation)
            described = (unquoted or after_quote and tokens[q][0].startswith("_")) and vi + 1 < len(tokens) \
                and tokens[vi + 1][0].islower() and _described_end(tokens, vi + 1, lex)
            closing = unquoted and not described and _closing_described_end(tokens, vi, lex)
            described = described or closing  # "..., said a port official who sat in on the meeting."
            # ", say experts like Ana Ruiz, ...": the group speaks, its mention runs over the examples
            example = _example_end(tokens, vi + 1, lex) if not described and vi + 1 < len(tokens) \
                and tokens[vi + 1][0].islower() and (unquoted or after_quote) else None
            if example is not None:
                described = example[0]
            # "..., says harbour engineer Tom Berg.": a role in lowercase, then the name
            titled = unquoted and not described and tokens[vi + 1][0].islower() and tokens[vi + 1][0] not in _DETERMINERS \
                and _inverted_end(tokens, vi + 1, lex)[1] is not None
            unquoted = unquoted and (tokens[vi + 1][0][:1].isupper() or bool(described) or titled)  # "..., said Tom Berg, ..."
            if vi + 1 < len(tokens) and vi >= 1 and (unquoted or after_quote and (
                tokens[q][0].startswith("_") or (q >= 1 and tokens[q][0] == "," and tokens[q - 1][0].startswith("_"))
            ) and _participle_of_quote(tokens, q) is None):
                j = vi + 1
                k, r = _inverted_end(tokens, j, lex) if not described else (described, None)
                if k > j and k + 1 < len(tokens) and tokens[k][0] == "and" and tokens[k + 1][0][:1].isupper():
                    k2, _ = _inverted_end(tokens, k + 1, lex)  # '"...," wrote Tom Berg and Ana Ruiz.': both
                    if k2 > k + 1 and (k2 == len(tokens) or tokens[k2][0] in _INVERTED_ENDS):
                        joint = self._coordinated(frame, offset, tokens, j, k, k2)
                        if joint is not None:
                            return joint[0], joint[1], frame[tokens[j][1] : tokens[k2 - 1][2]]
                if unquoted and not closing and example is None and k < len(tokens) and tokens[k][0] not in _INVERTED_ENDS and not (
                        tokens[k][0] == "of" and k + 1 < len(tokens) and tokens[k + 1][0] in _DETERMINERS) and not (
                        tokens[k][0] in ("in", "from") and k + 2 < len(tokens) and tokens[k + 1][0][:1].isupper()
                        and tokens[k + 2][0] in _INVERTED_ENDS):  # "..., says Tom Berg in Lima."
                    k = j  # "..., said Almaty Institute of Strategic Research scholar X": left to the model
                if k > j:
                    name, kind, mention = self.np_at(frame, offset, tokens, j, k)
                    if example is not None:
                        mention = frame[tokens[j][1] : tokens[example[1] - 1][2]]
                    named = False
                    if r is not None:  # "said campaign manager Tom Burke": the name is Tom Burke
                        last = self.classify([t[0] for t in tokens[r:k]], offset + tokens[r][1])
                        if last[0] and last[1] != "self":
                            name, kind = last
                            named = True
                    c = k  # lowercase nouns of the role that the tag's scan left ("senior press adviser")
                    while c < len(tokens) and c < k + 3 and tokens[c][0].isalpha() and tokens[c][0].islower() \
                            and tokens[c][0] not in _FUNCTION:
                        c += 1
                    if not named and _role_before_comma(tokens, j, c, kind, lex):
                        # '..." said the Polish foreign minister, Ana Ruiz.', '..., said Berg's senior
                        # press adviser, Ana Ruiz, who ...': the name in apposition
                        apposed = self._apposed_name(offset, tokens, c, (".", "!", "?", ","))
                        if apposed is not None:
                            name, kind = apposed[0], apposed[1]
                            mention = frame[tokens[j][1] : tokens[apposed[2] - 1][2]]
                    if name:
                        return name, kind, mention
        if shared is not None:
            return shared  # no verb has a subject of its own: one shares the clause's subject
        if verb_at is not None:
            # "Ruiz in that respect regards ...": the clause's opening subject, a few words before.
            span = self.clause_subject(tokens, strict=False)
            if span and span[1] <= verb_at and verb_at - span[1] <= 5 and "," not in [t[0] for t in tokens[span[1]:verb_at]] \
                    and not _modifies_next(tokens, span[1], verb_at, lex):
                name, kind, mention = self.np_at(frame, offset, tokens, *span)
                if name:
                    return name, kind, mention
        at = frame.find(":")
        if colon and at > 0 and frame[at + 1 :].lstrip()[:1] == "_":
            # Colon introduction: "Harbour Master Tom Berg was more direct: ...";
            # with any verb ("Rep. Ann Kerr pressed the point: ...") or none ("President Ann Kerr: ...")
            # when the subject is a name of two words or more, not a heading ("Seminar report: ...").
            before = [t for t in tokens if t[1] < at]
            span = self.clause_subject(before)
            if span is None:
                span = self.clause_subject(before, strict=False)
                if span and span[0] == 0 and len(before) > 2 and before[0][0].lower() in _COLON_PRONOUNS:
                    span = (0, 1)  # "She later turned to the dockers once more: ...": hers
                elif span and (span[1] - span[0] < 2 or before[span[0]][0].lower() in _DETERMINERS):
                    span = None
            if span and span[1] + 1 < len(before) and before[span[1]][0] == "and" \
                    and all(t[0][:1].isupper() for t in before[span[1] + 1 :]):
                span = (span[0], len(before))  # "Tom Berg and Ana Ruiz: ...": both
            if span:
                name, kind, mention = self.np_at(frame, offset, tokens, *span)
                if name:
                    return name, kind, mention
            # "A reply came later from Tom Berg: ...", "None of this puzzles the historian Ana Ruiz:
            # ...": the words right before the colon, after "from" or a person's full name
            span = _np_backward(tokens, len(before), lex) if before else None
            if span and span[1] == len(before):
                name, kind, mention = self.np_at(frame, offset, tokens, *span)
                after = tokens[span[0] - 1][0].lower() if span[0] >= 1 else ""
                # (not a byline before an excerpt: '"Title," by the Ledger's Ana Ruiz: "..."')
                if name and (after == "from" and kind != "self" or kind == "person" and " " in name and after != "by"):
                    return name, kind, mention
        return self._views_and_passives(frame, offset)

    def _apposed_name(self, offset: int, tokens: list[tuple[str, int, int]], c: int,
                      ends: tuple[str, ...]) -> tuple[str, str, int] | None:
        """A person's name of two to five words after the comma at ``c``, followed by the end of the
        tokens or one of ``ends``: ``(name, "person", end)``, else None (", Ana Ruiz." after a
        described speaker: "the Polish foreign minister, Ana Ruiz")."""
        m = c + 1
        while m < len(tokens) and m < c + 6 and (
                (tokens[m][0][:1].isupper() and tokens[m][0].lower() not in _FUNCTION)
                or _particle_in_name(tokens, m) or (m > c + 1 and _name_cap(tokens[m][0]))):
            m += 1
        if m - c > 2 and (m == len(tokens) or tokens[m][0] in ends):
            last = self.classify([t[0] for t in tokens[c + 1 : m]], offset + tokens[c + 1][1])
            if last[0] and last[1] == "person":
                return last[0], last[1], m
        return None

    def _closing_tag(self, frame: str, offset: int, tokens: list[tuple[str, int, int]], vi: int,
                     participle: bool = False):
        """The speaker of a closing speech tag after the frame's last comma ("Most of their
        points are easily answered, they say.", "..., with the economy adding jobs, the
        mayor said."): a saying verb that ends the frame, its subject right after the comma. It
        wins over the cues of the clause it closes, which are the reported content. With
        ``participle``, the tag is followed by a comma and its own participle instead ("...,
        Mr. Berg said, adding that she ..."). None for anything else."""
        n = len(tokens)
        if vi < 3 or tokens[vi][0] not in _TAG_VERBS:
            return None
        if participle:
            if not (vi + 2 < n and tokens[vi + 1][0] == "," and tokens[vi + 2][0] in _SAYING_ING):
                return None
            n = vi + 1
        k = vi + 1
        if k < n and tokens[vi][0] in ("told", "tells"):  # "..., his old neighbour told the Gazette."
            e = min(n, k + 4)
            if tokens[k][0] in ("the", "a", "an"):
                k += 1
            while k < e and tokens[k][0].isalpha() and (tokens[k][0][:1].isupper() or tokens[k][0] == "reporters"):
                k += 1
        if k < n and (tokens[k][0].lower() in self.lex.calendar or tokens[k][0] in _CLOSING_TAIL):
            # "..., Smith said Tuesday.", "..., she said in an interview.", "..., wrote on Facebook."
            e = min(n, k + 5)
            while k < e and tokens[k][0].isalpha() and (tokens[k][0].islower() or tokens[k][0].lower() in self.lex.calendar
                                                        or tokens[k - 1][0] in _CLOSING_TAIL) \
                    and tokens[k][0] != "that":
                k += 1
        while k < n and tokens[k][0] in _CLOSERS:
            k += 1
        if k < n:
            return None
        span = _np_backward(tokens, vi, self.lex)
        described = span is None and (tokens[vi][0] in _SAID or tokens[vi][0] in ("wrote", "writes"))
        if described:  # "..., his childhood friend said."
            span = _described_subject(tokens, vi, self.lex)
        if span is None or span[1] != vi or span[0] < 2 or span[1] - span[0] > 6 or not (
                tokens[span[0] - 1][0] == "," or described and _tag_opening(tokens, span[0] - 1)):
            return None
        name, kind, mention = self.np_at(frame, offset, tokens, *span)
        if described and not name and kind != "self":
            noun = tokens[vi - 1][0]
            return noun, _noun_kind(noun), mention
        return (name, kind, mention) if name and kind != "self" else None

    def _speech_tag(self, frame: str, offset: int):
        """The speaker of a speech tag between quotations, whatever its verb: '"...," Lee shot
        back.', '"...," she continued, "..."', '"...," Oliver barked.' (a quotation, a name or a
        pronoun, one verb and a particle at most, then the end or another quotation); None
        for anything else."""
        toks = self.tokens(frame, offset)
        n = len(toks)
        i = 0
        while i < n and toks[i][0] in _QUOTE_MARKS:
            i += 1
        if i >= n or not toks[i][0].startswith("_"):
            return None
        i += 1
        while i < n and toks[i][0] in _QUOTE_MARKS:
            i += 1
        if i < n and toks[i][0] == ",":
            i += 1
        j = i
        while j < n and j - i < 5 and (toks[j][0][:1].isupper() and toks[j][0].lower() not in _FUNCTION
                                       or toks[j][0].lower() in _DETERMINERS or toks[j][0].lower() in self.lex.titles
                                       or _initial_dot(toks, j) or (j == i and toks[j][0].lower() in _PRONOUNS)):
            j += 1
        if j == i or j >= n or not toks[j][0].isalpha() or not toks[j][0].islower() or toks[j][0] in _SKIP:
            return None
        k = j + 1
        if k + 1 < n and (
                toks[k][0] in _CLOSING_TAIL or toks[k][0].lower() in self.lex.calendar):
            # '"...," Reyes fumed on Tuesday.', '"...," the councillor said this week.': the verb,
            # then a date or a short place (four words), then the stop
            t = k + 1
            while t < n and t < k + 5 and toks[t][0].isalpha() and toks[t][0] != "that":
                t += 1
            if toks[t - 1][0] not in _PARTICLES_AFTER and t < n and toks[t][0] in (".", "!", "?"):
                k = t
        if k < n and toks[k][0] in _PARTICLES_AFTER:
            k += 1
        if k < n and toks[k][0] in (".", "!", "?"):
            k += 1
        elif k < n and toks[k][0] == ",":
            k += 1
            while k < n and toks[k][0] in _QUOTE_MARKS:
                k += 1
            if k >= n or not toks[k][0].startswith("_"):
                return None
            k = n
        if k < n and not all(t[0] in _QUOTE_MARKS for t in toks[k:]):
            return None
        name, kind, mention = self.np_at(frame, offset, toks, i, j)
        return (name, kind, mention) if name and kind != "self" else None

    def _inner_speaker(self, frame: str, offset: int, toks: list[tuple[str, int, int]], j: int):
        """The speaker of a clause that follows "according to X," ("According to the mayor's
        spokesman, Tom Reyes, the transport chief said ..."): the inner speaker is the one whose
        words the sentence reports, X only relays them. None when the rest of the sentence has no
        speech verb or no speaker of its own."""
        if j + 1 >= len(toks) or toks[j][0] != ",":
            return None
        k = j + 1  # over a name in apposition: ", Tom Reyes,"
        while k < len(toks) and k < j + 6 and (toks[k][0][:1].isupper() or _initial_dot(toks, k)):
            k += 1
        cut = toks[k][2] if k > j + 1 and k < len(toks) and toks[k][0] == "," else toks[j][2]
        rest = frame[cut:]
        if _SAYING.isdisjoint(_WORDS.findall(rest)):
            return None
        rt = _tokens(rest)
        v = next((k for k, t in enumerate(rt[:12]) if t[0] in _SAYING), None)
        span = _np_backward(rt, v, self.lex) if v else None
        if not span or span[0] != 0:
            return None  # the speech verb's subject must open the clause: "the transport chief said"
        name, kind, mention = self.np_at(rest, offset + cut, rt, *span)
        return (name, kind, mention) if name and kind != "self" else None

    def _shared_subject(self, frame: str, offset: int, tokens: list[tuple[str, int, int]], vi: int):
        """The clause's subject for a verb that shares it: a second verb ("Lavrov held talks with
        Tazhin and confirmed ...") or a participle after a comma ("He defended the decision,
        saying ...")."""
        j = vi - 1
        j = _skip_adverbs_back(tokens, j)
        if tokens[vi][0].endswith("ing") and j >= 1:  # "released a statement (on) Wednesday saying ..."
            p = j
            while p >= 1 and (tokens[p][0].lower() in self.lex.calendar or tokens[p][0].lower() == "on"):
                p -= 1
            if tokens[p][0].lower() in self.lex.documents and tokens[p - 1][0].lower() in ("a", "an", "the"):
                j = p - 1
                return self._shared_subject_before(frame, offset, tokens, j)
        but = j >= 1 and tokens[j][0].lower() == "but" and not tokens[vi][0].endswith("ing") \
            and tokens[vi][0].lower() not in _SPEAK \
            and not any(t[0].lower() in _BE or t[0].lower() in ("not", "never") or t[0].lower().endswith(("n't", "n’t"))
                        for t in tokens[j + 1 : vi])  # not "but is expected to", "but did not mention"
        if j >= 2 and tokens[j][0].lower() in _PARTICIPLE_LINKS and tokens[vi][0] in _SAYING_ING:
            # "X deflected questions about Y before saying ...", "X had doubts, while saying ...": the
            # participle's subject is the clause's, not the object before the link
            j -= tokens[j - 1][0] == ","
            shared = self._shared_subject_before(frame, offset, tokens, j)
            return shared if shared is not None else self._described_opener(frame, offset, tokens, j)
        if j < 1 or not (tokens[j][0].lower() == "and" or but or (tokens[j][0] == "," and tokens[vi][0].endswith("ing"))):
            return None
        shared = self._shared_subject_before(frame, offset, tokens, j)
        if but and shared is not None and shared[2].split()[0].lower() in _DETERMINERS:
            shared = None  # after "but", a name or a pronoun ("A spokesman for the port declined ... but said": the model's)
        if shared is None and ((tokens[j][0] == "," and tokens[vi][0] in _SAYING_ING)
                               or (tokens[j][0].lower() in ("and", "but") and tokens[vi][0] in _SAYING)):
            # ("The port union met on Monday and said that ...": a described subject's second verb)
            return self._described_opener(frame, offset, tokens, j)
        return shared

    def _described_opener(self, frame: str, offset: int, tokens: list[tuple[str, int, int]], j: int):
        """A description that opens the sentence and is the subject of its first verb, shared by a
        saying participle after the comma at ``j`` ("The port union filed a complaint, arguing that
        ..."): a determiner first (or after an opening phrase and its comma: "In a short note, the
        lawyer weighed in ..., insisting"), at most three lowercase modifiers (a possessive among
        them: "the union's lawyer"), a head noun of a person or a body, then a verb in the past or
        present; the noun names the speaker. Else None."""
        s0 = 0
        if tokens and tokens[0][0] not in _DESCRIBED_OPENERS and (
                tokens[0][0].lower() in _OPENING_PREPOSITIONS or _introductory(tokens, self.lex)):
            # "In a brief post, the union's lawyer weighed in ..., insisting": after the opening phrase
            s0 = next((k + 1 for k in range(1, min(j - 3, 10)) if tokens[k][0] == ","), 0)
            if not s0 or tokens[s0][0] not in ("the", "a", "an"):
                return None
        if j < s0 + 4 or (s0 == 0 and tokens[0][0] not in _DESCRIBED_OPENERS):
            return None
        for v in range(s0 + 2, min(j, s0 + 6)):
            w = tokens[v][0]
            if not (w.isalpha() and w.islower() or _lower_possessive(w)):
                return None
            if w in self.lex.irregular_past or w.endswith("ed") and w not in _NOT_NOUNS:
                noun = tokens[v - 1][0]
                if noun not in head_nouns(self.lex) or noun in self.lex.irregular_past or noun.endswith("ed"):
                    return None
                described = _described_subject(tokens, v, self.lex, possessive=True)
                if described is None:
                    return None
                name, kind, mention = self.np_at(frame, offset, tokens, *described)
                if name and kind in ("person", "group", "org", "country"):
                    return name, kind, mention
                return noun, _noun_kind(noun), mention
        return None

    def _shared_subject_before(self, frame: str, offset: int, tokens: list[tuple[str, int, int]], j: int):
        """The subject of the clause that opens ``tokens[:j]`` (see :meth:`_shared_subject`)."""
        span = self.clause_subject(tokens[:j], strict=False)
        if span is None or any(t[0] in (";", ":") or t[0].startswith("_") for t in tokens[span[1] : j]):
            return None
        first = tokens[span[0]][0]
        if not (first[:1].isupper() or first.lower() in _DETERMINERS or first.lower() in _PRONOUNS):
            return None  # "..., where European governments are ...": not a subject
        name, kind, mention = self.np_at(frame, offset, tokens, *span)
        if not name or kind not in ("person", "group", "org", "country") or \
                (kind == "person" and mention.lower() not in _PRONOUNS and mention == mention.lower()):
            return None
        return name, kind, mention

    def _views_and_passives(self, frame: str, offset: int):
        """ "In X's view", "in the view of X", "it was argued by X", "criticism from X"."""
        lex = self.lex
        viewish = not _VIEW_WORD_SET.isdisjoint(_words_of(self, frame))
        m = _IN_POSS_VIEW.search(frame) if viewish else None
        if m:
            who = _bare(m.group(1))
            if who.lower() in _POSSESSIVE_PRON:
                kind = _POSSESSIVE_PRON[who.lower()]
                ent = self.doc.last_person if kind == "person" else self.doc.last_group
                if ent:
                    return ent.name, kind, m.group(1)
            else:
                name, kind = self.classify(who.split(), offset + m.start(1))
                if name:
                    return name, kind, who
        m = _IN_VIEW.search(frame) if viewish else None
        if m:
            toks = _tokens(frame, m.end(), m.end() + 100)
            j = 0
            while j < len(toks) and (_np_word(toks[j][0], lex) or _particle_in_name(toks, j)
                                     or (j > 0 and toks[j][0] in ("in", "at") and j + 1 < len(toks) and toks[j + 1][0][:1].isupper())):
                j += 1
            if j:
                res = self.np_at(frame, offset, toks, 0, j)
                if res[0]:
                    return res
        m = _PASSIVE.search(frame) if " by " in frame else None
        informed = m is not None and m.group(1) in _INFORMED  # "was advised by X that ...": X's words
        if not (m and (m.group(1) in lex.speech_verbs or m.group(1) in ("raised", "voiced", "made") or informed)):
            informed = False
            m = _NOUN_CUE.search(frame) if (" from " in frame or " by " in frame) \
                and not _NOUN_CUE_WORDS.isdisjoint(_words_of(self, frame)) else None
        if m:
            toks = _tokens(frame, m.end(), m.end() + 100)
            j = 0
            while j < len(toks) and (_np_word(toks[j][0], lex) or toks[j][0].lower() in lex.org_words
                                     or _particle_in_name(toks, j)
                                     or (toks[j][0] == "and" and 0 < j and j + 1 < len(toks) and toks[j + 1][0][:1].isupper()
                                         and _describes_group(toks[j - 1][0], lex))):
                j += 1
            if j and (not informed or j < len(toks) and toks[j][0] == "that"):
                res = self.np_at(frame, offset, toks, 0, j)
                if res[0]:
                    return res
        return None

    def possessive_position(self, frame: str, offset: int):
        """A possessor's reply, answer or position opening the frame and stated after a copula
        ("Lund's reply is that ...", "The board's position has been consistent: ...", "Her answer
        was blunter"): the possessor speaks (SPEC section 4: whose position the statement reports)."""
        head = frame[:80]
        if "’s " not in head and "'s " not in head and frame[:4] not in ("His ", "Her ", "Thei"):
            return None  # cheap exit: no possessive near the start
        m = _POSS_POSITION.match(frame)
        if m is None:
            return None
        tail = m.group(4)
        if tail != "that" and not tail.endswith(":"):
            adj = tail.lower()
            stem = adj[:-2] if adj.endswith("er") else adj
            lex = self.lex
            if not (adj in lex.reaction_adjectives or stem in lex.reaction_adjectives or stem + "e" in lex.reaction_adjectives
                    or (stem[:-1] in lex.reaction_adjectives and stem[-1:] == stem[-2:-1])):
                return None  # "Lund's position was weak": the author's judgement of it
        who = m.group(1)
        if m.group(3) is not None:  # "The board's own verdict, delivered by Ruth Aalborg, was that": she gave it
            words = m.group(3).split()  # (after a title: "Minister of Ports Ida Strand", "Mayor Ana Ruiz")
            while len(words) > 2 and (words[1] == "of" or words[0].lower().rstrip(".") in self.lex.titles):
                words = words[3:] if words[1] == "of" else words[1:]
            given = " ".join(words)
            name, kind = self.classify(words, offset + m.start(3) + max(0, m.group(3).find(given)))
            if name and kind == "person":
                return name, kind, given
        if who.lower() in _POSSESSIVE_PRON:
            kind = _POSSESSIVE_PRON[who.lower()]
            ent = self.doc.last_person if kind == "person" else self.doc.last_group
            return (ent.name, kind, who) if ent else None
        words = _bare(who).split()
        if words[0].lower() == "the":
            words = words[1:]
        name, kind = self.classify(words, offset + m.start(1))
        return (name, kind, who) if name and kind != "self" else None

    def seat_subject(self, frame: str, offset: int):
        """A capital or seat of power opening a clause speaks for its country ("Washington was blunter")."""
        last = self._last_words
        head = last[1] if last[0] is frame and len(frame) <= 160 else lower_words(frame[:160])
        lex = self.lex
        memo = _lex_memo(lex, "seats")
        try:
            seat = any(map(memo.__getitem__, head))
        except KeyError:  # a word not tested before (most frames have none): the test, once a word
            for w in set(head).difference(memo):
                memo[w] = _seat_trigger(w, lex)
            seat = any(map(memo.__getitem__, head))
        if not seat:
            return None  # neither a seat of power nor a reaction adjective near the start: cheap exit
        tokens = self.tokens(frame, offset) if len(frame) <= 300 else _tokens(frame, 0, 300)
        span = self.clause_subject(tokens)
        if not span:
            loose = self.clause_subject(tokens, strict=False)
            nxt = tokens[loose[1]][0] if loose and loose[1] < len(tokens) else ""
            # "Moscow brushed it aside", "Astana hopes": a verb-like word follows, not a noun
            # ("The Madrid decision", "The Kremlin's line").
            if loose and " ".join(t[0].lower() for t in tokens[loose[0] : loose[1]]
                                  if t[0].lower() not in _DETERMINERS) in self.lex.seats \
                    and (nxt in lex.speech_verbs or nxt in lex.irregular_past
                         or nxt[:1].islower() and nxt.endswith(("ed", "s")) and not nxt.endswith("ss")):
                span = loose
        if not span or tokens[span[1] - 1][0].endswith(("’s", "'s")):
            return None  # a possessive opens a noun phrase, not a clause ("Medvedev's call is ...")
        if span[0] == 0 and _is_dateline(tokens, span[1], lex):
            return None  # "ASTANA, Nov. 27 —": where the story was filed, not who speaks
        if span[1] + 1 < len(tokens) and tokens[span[1]][0] in _AGREE and tokens[span[1] + 1][0] == "to":
            return None  # "Moscow agreed to wait": a decision, not words
        words = [t[0] for t in tokens[span[0] : span[1]]]
        low = [w.lower() for w in words if w.lower() not in _DETERMINERS]
        key = " ".join(low)
        mention = frame[tokens[span[0]][1] : tokens[span[1] - 1][2]]
        # "Opposition leaders were unimpressed", "Washington was blunter": copula + reaction adjective.
        k = _after_apposition(tokens, span[1], self.lex)  # "Her colleague Pavel Lutsenko, a former diplomat, was"
        if k + 1 < len(tokens) and tokens[k][0] == "," and tokens[k + 1][0].lower() in _COPULA_WORDS:
            k += 1  # the comma that closes a name in apposition: "Norway's minister, Ari Lento, was"
        if k + 1 < len(tokens) and tokens[k][0] in ("in", "at") and tokens[k + 1][0][:1].isupper():
            k += 2  # "Western diplomats in Almaty were more cautious"
        rest = [t[0].lower() for t in tokens[k : k + 6]]
        i = 0
        while i < len(rest) and (rest[i] in _COPULA_WORDS or i and rest[i] in _SUPERLATIVE
                                 or rest[i] == "the" and i + 1 < len(rest) and rest[i + 1] in _SUPERLATIVE):
            i += 1  # (past "the most", "the least": "Lima was the most enthusiastic")
        reaction = False
        if 0 < i < len(rest):
            adj = rest[i]
            stem = adj[:-2] if adj.endswith("er") else adj
            reaction = adj in self.lex.reaction_adjectives or stem in self.lex.reaction_adjectives or \
                stem + "e" in self.lex.reaction_adjectives or (stem[:-1] in self.lex.reaction_adjectives and stem[-1:] == stem[-2:-1])
        if key in self.lex.seats:
            if not reaction and _seat_action(tokens, span[1]):
                return None  # (not "Moscow was the most enthusiastic": a position, though "was the" opens it)
            return self.lex.seats[key], "country", mention
        if reaction and key in _UNNAMED_SIDES:
            return None  # "Others were less charitable.": unnamed dissent is the author's (guide case 35)
        if reaction:
            name, kind = self.classify(words, offset + tokens[span[0]][1])
            if name:
                return name, kind, mention
        return None

    def clause_subject(self, tokens: list[tuple[str, int, int]], strict: bool = True) -> tuple[int, int] | None:
        """The noun phrase that opens the clause, after an introductory phrase ending in a comma."""
        lex = self.lex
        i = 0
        # "Her colleague Pavel Orlov, ...", "Norway's harbour minister, Ari Lento, ...": a possessive,
        # a description and the name it gives open the clause; the name is the subject
        if i < len(tokens) and (tokens[i][0] in _POSSESSIVE_OPENERS
                                or tokens[i][0][:1].isupper() and tokens[i][0].endswith(("'s", "’s"))):
            g = i + 1
            while g < len(tokens) and g < i + 4 and tokens[g][0].isalpha() and tokens[g][0].islower():
                g += 1
            last = tokens[g - 1][0]
            if g > i + 1 and (last in lex.titles or last in _PERSON_NOUNS or last in _KIN_NOUNS):
                g += g < len(tokens) and tokens[g][0] == ","
                h = g
                while h < len(tokens) and tokens[h][0][:1].isupper() and tokens[h][0].isalpha() \
                        and tokens[h][0].lower() not in _FUNCTION:
                    h += 1
                nxt = tokens[h][0].lower() if h < len(tokens) else ""
                if (h - g >= 2 or h - g == 1 and last in _KIN_NOUNS and nxt == "," and tokens[g - 1][0] == ",") \
                        and (nxt in lex.subject_followers or nxt in lex.speech_verbs or nxt == ","):
                    return (g, h)  # (a relative by a given name alone, between commas: "Ruiz's husband, Tom,")
        # Skip an opening adverbial ("On December 16,", "However,") up to its comma.
        for k, t in enumerate(tokens[:12]):
            if t[0] == "," and k + 1 < len(tokens) and tokens[k + 1][0].lower() in _ASIDE_OPENERS \
                    and _after_apposition(tokens, k, lex) > k:  # (the set test first: a comma in most frames)
                break  # "The board, however, was ...", "The board, for its part, ...": the subject opens the clause
            if t[0] == "," and not (k and tokens[k - 1][0].isdigit() and k + 1 < len(tokens)
                                    and tokens[k + 1][1] == t[2] and tokens[k + 1][0].isdigit()):  # not "2,000"
                head = tokens[0][0].lower()
                if head in _FUNCTION or head in ("on", "in", "at", "during") or _introductory(tokens, lex):
                    i = k + 1
                    i = _after_state(tokens, i)
                break
        # "Even the organizer of the rally said": a focusing adverb before the subject's determiner
        if i + 2 < len(tokens) and tokens[i][0].lower() in _FOCUS_OPENERS \
                and (tokens[i + 1][0].lower() in _DETERMINERS or tokens[i + 1][0][:1].isupper()):
            i += 1
        # "Human rights groups were less forgiving": lowercase modifiers up to a group noun
        # (not an opening conjunction: "While the top candidates say ...")
        g0 = i + 1 if i < len(tokens) and tokens[i][0].lower() in _SUBORDINATORS else i
        for g in range(g0, min(len(tokens), g0 + 5)):
            w = tokens[g][0].lower()
            if not w.isalpha():
                break
            if g > g0 and (w in lex.irregular_past or w in _FINITE or w.endswith("ed") and _verb_after_subject(tokens, g, lex)):
                break  # "The mayor met critics of the plan and said": a verb, not a modifier of "critics"
            if w in lex.groups and g > g0:
                nxt = tokens[g + 1][0].lower() if g + 1 < len(tokens) else ""
                if not strict or nxt in lex.subject_followers or nxt in lex.speech_verbs or nxt in (",", ":"):
                    return (g0, g + 1)
                break
        j = i
        while j < len(tokens) and (
            (tokens[j][0][:1].isupper() and tokens[j][0].lower() not in _FUNCTION)
            or tokens[j][0].lower() in lex.titles or tokens[j][0].lower() in lex.groups
            or (tokens[j][0].lower() in _DETERMINERS and j == i)
            or tokens[j][0].lower() in _PRONOUNS and j == i
            or (tokens[j][0] in _PARTICLES and j > i and j + 1 < len(tokens) and (tokens[j + 1][0][:1].isupper() or (
                tokens[j + 1][0] in _PARTICLES and j + 2 < len(tokens) and tokens[j + 2][0][:1].isupper())))
            or (j > i and _name_cap(tokens[j][0]))
        ):
            j += 1
            if tokens[j - 1][0].lower() in _PRONOUNS:
                break
        if i < j < len(tokens) and tokens[j][0].islower() and tokens[j - 1][0][:1].isupper():
            j = _titled_name_after(tokens, j, lex)  # "Liberal mayoral nominee Tom Reyes": on to the name
        if j > i and not (j == i + 1 and tokens[i][0].lower() in _DETERMINERS) \
                and not _possessive_before_cue(tokens, j, lex):
            nxt = tokens[j][0].lower() if j < len(tokens) else ""
            if not strict or nxt in lex.subject_followers or nxt in lex.speech_verbs or nxt.endswith("ly") or nxt in (",", ":"):
                return (i, j)
        return None


def _verb_after_subject(tokens: list[tuple[str, int, int]], g: int, lex: Lexicon) -> bool:
    """Whether the word in -ed at ``g`` follows a title, a person noun or a name ("The mayor
    praised critics", "Ana Ruiz thanked critics"; not "The armed groups")."""
    prev = tokens[g - 1][0]
    low = prev.lower()
    return low in lex.titles or low in _PERSON_NOUNS or (
        prev[:1].isupper() and low not in _FUNCTION and low not in _DETERMINERS)


def _titled_name_after(tokens: list[tuple[str, int, int]], j: int, lex: Lexicon) -> int:
    """The end of a name after capitalised modifiers and lowercase words up to a title, from token
    ``j`` (the first lowercase word): "Liberal mayoral nominee Tom Reyes" gives the end of "Reyes";
    ``j`` when no title and name follow within three words ("The Harbor pilots said")."""
    m = j
    while m < len(tokens) and m < j + 3 and tokens[m][0].isalpha() and tokens[m][0].islower() \
            and tokens[m][0] not in lex.titles:
        w = tokens[m][0]
        if w.endswith(("ly", "ed", "ing")) or w in _FUNCTION or w in lex.speech_verbs or w in lex.subject_followers \
                or w in lex.irregular_past:
            return j  # a verb or an adverb: "Ana Ruiz sternly reprimanded Mr. Berg"
        m += 1
    if m < len(tokens) and tokens[m][0] in lex.titles:
        m += 1  # "nominee": the name follows the title
    elif not (j < m < len(tokens) and tokens[m][0][:1].isupper() and tokens[m][0].lower().rstrip(".") in lex.titles):
        return j  # (or a capitalised title after lowercase words: "mayoral hopeful Sen. Tom Reyes")
    n = m
    while n < len(tokens) and ((tokens[n][0][:1].isupper() and tokens[n][0].lower() not in _FUNCTION)
                               or (tokens[n][0] == "." and n > m and len(tokens[n - 1][0]) <= 4)):
        n += 1
    return n if n > m and tokens[n - 1][0][:1].isupper() else m


def _object_before(tokens: list[tuple[str, int, int]], i: int) -> bool:
    """Whether the noun phrase at token ``i`` follows a verb or a preposition (a lowercase word
    other than a conjunction): the object of a clause, not its subject."""
    w = tokens[i - 1][0]
    return w.isalpha() and w.islower() and w not in _COORDINATORS


def _surname_title(low: list[str], words: list[str], lex: Lexicon) -> bool:
    """Whether the title word that ends ``words`` is a surname after a given name ("Charlie King",
    "Ann Bishop"): the word before it a given name of ``gendered_words.tsv``, capitalised, no title."""
    return len(low) >= 2 and words[-2][:1].isupper() and low[-2] in lex.gender_words and low[-2] not in lex.titles


# A dateline or a headline in capitals before a dash opening a sentence ("LIMA, July 25 (HNS) —",
# "LIMA -", "FERRY RIDERS FAVOR NEW PIER, BUT COST WORRIES THEM - Ana Ruiz: ..."): where the story
# was filed or what it is about, never who speaks. Words in capitals (two letters at least; digits,
# commas, "&", apostrophes), an optional month and day and a bracketed agency, then a spaced dash.
_CAPS_LEAD = re.compile(
    r"[A-Z][A-Z0-9.&'’-]++(?![a-z])(?:,? [A-Z0-9][A-Z0-9.&'’-]*+(?![a-z])){0,24}+"
    r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)?+(?: \([A-Za-z. ]{1,20}\))?+ [-—–] ")


# ... or a place in title case before a bracketed agency and a dash: "New York (AFP) –".
# (An agency in capitals or Reuters: "Tom Reyes (Liberal) - the mayor - said" is no dateline.)
_AGENCY_LEAD = re.compile(r"[A-Z][a-z]++(?: [A-Z][a-z]++){0,2}+(?:, [A-Z][A-Za-z.]{1,12}+)?+ \((?:[A-Z]{2,6}|Reuters)\) [-—–] ")


def _mask_caps_lead(frame: str) -> str:
    """``frame`` with a dateline or capitals headline before a spaced dash at its start blanked (same
    length), so that no word of it is read as the speaker."""
    m = _CAPS_LEAD.match(frame) if frame[:2].isupper() else _AGENCY_LEAD.match(frame) if "(" in frame[:40] else None
    if m is None or not any(c.isalpha() for c in frame[m.end() : m.end() + 2]):
        return frame
    return " " * m.end() + frame[m.end() :]


def _calendar_only(mention: str | None, lex: Lexicon) -> bool:
    """Whether a mention is only calendar words ("Wednesday", "the Super Tuesday"): no speaker (its
    actor too: "May said" after "Theresa May" has a speaker)."""
    parts = mention.rsplit(None, 1) if mention else None
    if not parts:
        return False
    last = parts[-1]
    if last.isalpha() and last.isascii():
        # the mention's last word is the last of its words: most often no calendar word (about 3,000
        # mentions a MB; a set look-up instead of reading the words)
        low = last.lower()
        if low not in lex.calendar and low not in _DETERMINERS and low != "super":
            return False
    words = [w for w in lower_words(mention) if w not in _DETERMINERS and w != "super"]
    return bool(words) and all(w in lex.calendar for w in words)


# A closing speech tag whose subject is a pronoun, right after a quotation: '"...," it added.', '"...?" he
# responded.' (searched in the last 80 characters of a statement; bounded words: linear).
_TAG_PRONOUN = re.compile(r"(?:[,?!.…][\"”’']|[\"”’'],)\s+(he|she|it|they|He|She|It|They)\s+[a-z]{2,20}"
                          r"(?:\s+[a-z]{2,20}){0,2}\s*[.!?][\"”’']?\s*$")
# A pronoun subject later in a statement whose mention is a name: "Reyes says he is tied ..., a
# result that he called ...", "Ruiz met the press, where she ...". Lowercase, whole word.
_LATER_PRONOUN = re.compile(r"(?<![\w’'-])(he|she|they|it)(?= [a-z’'])")
_MENTION_WORDS = 4
_WORD_AFTER_PRONOUN = re.compile(r" ([a-z]{2,20})")
_CLAUSE_BREAK = re.compile(r"[,;—]| (?:and|but|as|while|where|when) ")


def _later_pronoun(text: str, start: int, end: int, actor: str, mention: str,
                   quotes: list[tuple[int, int]], speech_verbs: frozenset[str],
                   gender_of: Callable[[str], str | None] | None = None) -> str:
    """The first pronoun subject ("he", "she", "they"; "it" before a speech verb) after a short
    mention that names the actor (its last word one of the actor's), outside quotations: PolNeAR's
    Source of the statement's later cues is that pronoun, and the actor still names the person. A
    pronoun counts after a clause break, or before a speech verb; not as the subject of a content
    clause. ``mention`` otherwise, and also when the pronoun is of the other gender than the actor's,
    as ``gender_of`` tells it ("f", "m" or None; asked only for such a pronoun: "Ana Ruiz said he
    ...": "he" is someone else, so the mention stays "Ana Ruiz")."""
    words = mention.split()
    if len(words) > _MENTION_WORDS or words[-1].strip(".,").lower() not in actor.lower().split():
        return mention
    m = text.find(mention, start, end)
    if m < 0:
        return mention
    brk = _CLAUSE_BREAK.search(text, m + len(mention), end)
    brk_at = brk.end() if brk is not None else end  # searched once: linear
    q_starts = [qs for qs, _ in quotes]  # in document order, not overlapping
    for p in _LATER_PRONOUN.finditer(text, m + len(mention), end):
        k = bisect_right(q_starts, p.start()) - 1
        if k >= 0 and p.start() < quotes[k][1]:
            continue
        w = _WORD_AFTER_PRONOUN.match(text, p.end())
        if p.group(1) == "it" and (w is None or w.group(1) not in speech_verbs):
            continue  # "it" only before a speech verb ("it is likely" is no source)
        if (w is None or w.group(1) not in speech_verbs) and (
                text.endswith("that ", start, p.start()) or p.start() < brk_at
                or _after_speech_verb(text, max(start, p.start() - 24), p.start(), speech_verbs)):
            continue  # the subject of a content clause ("tells workers she is", "showed that she was",
            # "..., said he might")
        # "he", "she" for a name, not for a group ("the committee", "voters")
        if p.group(1) in ("they", "it"):
            return p.group(1)
        if not words[-1][:1].isupper() or (
                gender_of is not None and gender_of(actor) == ("m" if p.group(1) == "she" else "f")):
            return mention  # (a group; or "he" after a woman's name, "she" after a man's)
        return p.group(1)
    return mention


# A comma (or a masked quotation) then a speech verb and its speaker: an inverted tag ("..., said Ana
# Ruiz", '"...," says the mayor').
_INVERTED_TAG = re.compile(r"[,_][ \t]++([a-z]{3,15}+)[ \t]++(?:[A-Z]|(?:the|a|an|one)[ \t])")


def _inverted_tag_after(frame: str, speech_verbs: frozenset[str]) -> bool:
    """Whether ``frame`` holds an inverted speech tag (see ``_INVERTED_TAG``)."""
    return any(m.group(1) in speech_verbs for m in _INVERTED_TAG.finditer(frame))


_WORD_BEFORE = re.compile(r"([a-z]{2,20}+)(?: (?:her|him|them|me|us))? $")  # ("told her she")


def _after_speech_verb(text: str, lo: int, pos: int, speech_verbs: frozenset[str]) -> bool:
    """Whether the word right before ``pos`` (within ``text[lo:pos]``), or before an object pronoun
    there, is a speech verb ("said she might", "told them they"): the pronoun at ``pos`` opens that
    verb's content."""
    m = _WORD_BEFORE.search(text, lo, pos)
    return m is not None and m.group(1) in speech_verbs


_STATE_FIRST = frozenset("New North South West Rhode".split())


def _after_state(tokens: list[tuple[str, int, int]], i: int) -> int:
    """Past the state after an introductory phrase that ends with a place ("Speaking at a fish market
    in Salem, Oregon, Reyes said"): a capitalised word (two after "New", "North" ...) between commas,
    after "in", "at", "from" or "near" and a capitalised word, and before a capitalised subject."""
    if i < 3 or tokens[i - 1][0] != "," or not tokens[i - 2][0][:1].isupper() \
            or tokens[i - 3][0].lower() not in ("in", "at", "from", "near", "of"):
        return i
    if i >= len(tokens) or not tokens[i][0][:1].isupper():
        return i
    n = i + 2 if tokens[i][0] in _STATE_FIRST else i + 1
    if n + 1 < len(tokens) and tokens[n][0] == "," and tokens[n + 1][0][:1].isupper():
        return n + 1
    return i


def _possessive_before_cue(tokens: list[tuple[str, int, int]], j: int, lex: Lexicon) -> bool:
    """Whether the name that ends before token ``j`` is a possessive and token ``j`` a speech word:
    "Editor's note:", "Ruiz's tweet came", "Lee's comments are" (a noun, no cue; the possessive is
    no subject), not "He's suggesting" (a pronoun and "is")."""
    last = tokens[j - 1][0]
    if j >= len(tokens) or not last.endswith(("’s", "'s")) or tokens[j][0].lower() not in lex.speech_verbs:
        return False
    if j + 1 < len(tokens) and tokens[j + 1][0].lower() == "that":
        return False  # "Lee's claim that the pier is safe ...": the claim's content follows, Lee's position
    return last[:-2].lower() not in _PRONOUNS and last[:-2].lower() not in _FUNCTION


def _place_and_noun(low: list[str], bare: list[str], run: list[str], lex: Lexicon) -> bool:
    """Whether a noun phrase is a place and one capitalised word with no title ("the Washington
    Post", "the Moscow Times"): a body's name, not a person called "Post" described by a place
    ("Moscow's Lavrov" and "Russian President Medvedev" are persons)."""
    before = low[: len(low) - len(run)]
    if len(run) != 1 or not before or any(w in lex.titles for w in before):
        return False
    last, last_bare = before[-1], bare[len(before) - 1]
    return last == last_bare and (last in lex.seats or last in lex.country_of) and last[:1].isalpha()


# determiners and possessives before a noun of a measure or a wish after "according to": no source
# ("according to the wishes of the largest traders", "according to plan"; the learned model's
# _according_measure asks the same, past one determiner)
_MEASURE_OPENERS = frozenset("the a an its their his her our my your this that these those 's ’s".split())


def _according_measure(frame: str, at: int) -> bool:
    """Whether the noun right after "according to" (ending at ``at`` in ``frame``), past up to three
    determiners or possessives, names a measure or a wish (attribution_according_non_sources.txt)."""
    return measure_noun([t[0].lower() for t in _tokens(frame, at, at + 60)], 0, _MEASURE_OPENERS, 3)


_POSSESSIVE_OPENERS = frozenset(("His", "Her", "Their", "Its"))
_ASIDES = frozenset("however meanwhile too though instead".split())
_ASIDE_OPENERS = _ASIDES | {"for"}


def _after_apposition(tokens: list[tuple[str, int, int]], k: int, lex: Lexicon) -> int:
    """Past an apposition or relative clause between commas that follows a subject ending before
    ``k`` (", a former diplomat,", ", whose country borders Afghanistan,"), or an aside (", for its
    part,", ", however,"); else ``k``."""
    if k + 2 < len(tokens) and tokens[k][0] == ",":
        w = tokens[k + 1][0].lower()
        if w in _ASIDES and tokens[k + 2][0] == ",":
            return k + 3  # "The board, however, was cooler"
        if w == "for" and k + 4 < len(tokens) and tokens[k + 2][0].lower() in _PART_OWNERS \
                and tokens[k + 3][0] == "part" and tokens[k + 4][0] == ",":
            return k + 5  # "The board, for its part, appeared unmoved"
    if k + 1 >= len(tokens) or tokens[k][0] != "," or tokens[k + 1][0].lower() not in _APPOSITIVE_OPENERS \
            and tokens[k + 1][0].lower().rstrip(".") not in lex.titles:
        return k
    m = k + 1
    while m < len(tokens) and m < k + 25 and (tokens[m][0] != "," or _in_number(tokens, m)):
        m += 1
    return m + 1 if m < len(tokens) and tokens[m][0] == "," else k


def _mask(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> str:
    """``text[start:end]`` with quoted stretches replaced by underscores (same length)."""
    if not quotes:
        return text[start:end]
    parts = []
    pos = start
    for qs, qe in quotes:
        qs, qe = max(qs, start), min(qe, end)
        if qs > pos:
            parts.append(text[pos:qs])
        if qe > qs:
            parts.append("_" * (qe - qs))
        pos = max(pos, qe)
    parts.append(text[pos:end])
    return "".join(parts)


def _window(frame: str) -> str:
    if len(frame) <= 2 * _WINDOW:
        return frame
    return frame[:_WINDOW] + " " * (len(frame) - 2 * _WINDOW) + frame[-_WINDOW:]


# Documents longer than twice this many characters are read in windows of whole paragraphs of
# about this many characters, so that memory stays flat whatever a document's length.
_WINDOW_CHARS = 1_000_000


def _window_spans(text: str, size: int) -> Iterator[list[tuple[int, int]]]:
    """The paragraphs of ``text`` in windows of at least ``size`` characters (the last may be
    shorter). A window never ends before a paragraph that opens with a quotation mark, so that a
    quotation running on over paragraphs stays in one window, nor before a paragraph that opens with a
    dash after one that ends with a quotation mark (a name after a dash under a quotation names its
    speaker: ``_dash_tag``)."""
    window: list[tuple[int, int]] = []
    for span in iter_paragraphs(text):
        if window and span[0] - window[0][0] >= size and text[span[0]] not in "“«\"" and not (
                text[span[0]] in "-—–" and text[window[-1][1] - 1] in "\"”»’'"):
            yield window
            window = []
        window.append(span)
    if window:
        yield window


class _Outline:
    """A long document's paragraphs and sentences, split once in a first pass and kept in compact
    arrays (a few integers each, not objects), with its speaker labels; the persons' names and
    mentions go into ``doc`` on the way (once: the windows do not index them again), and the spans
    of its body sentences serve the bodies' names.

    Iterating gives, window by window, the paragraph spans and the :class:`Sentence` tuples."""

    _FIELDS = 6  # start, end, body, paragraph, label start, label end (-1: no label)

    def __init__(self, text: str, lex: Lexicon, doc: _Doc) -> None:
        self.paras = array("q")  # start, end of each paragraph
        self.sents = array("q")
        self.windows: list[tuple[int, int]] = []  # first paragraph and first sentence of each window
        self.labels, self.last_label, self.first_label = 0, -1, None
        label_names: list[str] = []
        body_count = 0
        for paras in _window_spans(text, _WINDOW_CHARS):
            first_para = len(self.paras) // 2
            self.windows.append((first_para, len(self.sents) // self._FIELDS))
            for span in paras:
                self.paras.extend(span)
            for sent in sentences(text, lex, paras):
                label = sent.label or (-1, -1)
                self.sents.extend((sent.start, sent.end, sent.body, first_para + sent.paragraph, *label))
                if sent.body:
                    doc._index_names(sent.start, sent.end)
                    if sent.label is not None and not _title_case_after(text, sent.label[1], sent.end):
                        self.labels, self.last_label = self.labels + 1, body_count
                        self.first_label = sent.start if self.first_label is None else self.first_label
                        label_names.append(text[sent.label[0] : sent.label[1]])
                    body_count += 1
        self.windows.append((len(self.paras) // 2, len(self.sents) // self._FIELDS))
        self.turns_recur = _turns_recur(label_names)
        doc._body_spans = self._body_spans()  # bodies' names, indexed on first use over them all
        doc.outlined = True  # the mentions are indexed: windows do not read the names again

    def _body_spans(self) -> Iterator[tuple[int, int]]:
        f, a = self._FIELDS, self.sents
        for i in range(0, len(a), f):
            if a[i + 2]:
                yield a[i], a[i + 1]

    def __iter__(self) -> Iterator[tuple[list[tuple[int, int]], list[Sentence]]]:
        f, a, p = self._FIELDS, self.sents, self.paras
        for (p0, s0), (p1, s1) in zip(self.windows, self.windows[1:]):
            paras = [(p[2 * k], p[2 * k + 1]) for k in range(p0, p1)]
            sents = [Sentence(a[k], a[k + 1], bool(a[k + 2]), a[k + 3], (a[k + 4], a[k + 5]) if a[k + 4] >= 0 else None)
                     for k in range(f * s0, f * s1, f)]
            yield paras, sents


def segment(
    text: str,
    doc_id: str | None = None,
    *,
    lexicon_dirs: Iterable[str | Path] = (),
    max_length: int = DEFAULT_MAX_LENGTH,
    attribution: object = "default",
) -> list[Statement]:
    """Cut an article into statements attributed to actors.

    Parameters
    ----------
    text : str
        The article, as read (offsets refer to this exact string).
    doc_id : str, optional
        Goes into every statement's ``doc_id`` and ``statement_id``.
    lexicon_dirs : iterable of path, optional
        Directories with extra rule data (see :func:`stancekit.load_lexicon`).
    max_length : int, default 60_000_000
        Longer texts raise ``ValueError``.
    attribution : "default", "rules", None or AttributionModel, default "default"
        Where the rules name no speaker, a learned attribution model may find one:
        ``"default"`` is the shipped model (``models/attribution.npz``; rules only when the
        file is absent), an :class:`stancekit.attribution.AttributionModel` is that model,
        and ``"rules"`` or None is the rules alone.

    Returns
    -------
    list of Statement
        In document order, not overlapping; ``text[s.start:s.end] == s.text``.

    Raises
    ------
    TypeError
        If ``text`` is not a ``str`` (bytes must be decoded first).
    ValueError
        If ``text`` is longer than ``max_length``.

    Notes
    -----
    Rule-based and English only. Out of scope: coreference beyond the most
    recent compatible actor (no gender, no world knowledge), speakers named
    only in a photo caption, nested reported speech ("A said that B said ...":
    the outer source wins), and quotations that close in a later paragraph
    without the opening-mark convention.

    Time is linear in the length of ``text``, whatever its shape (each rule
    looks at a bounded stretch of text, and pronouns and descriptions look back
    over at most the last 1,000 mentions of persons). A text over 2,000,000
    characters is read in windows of whole paragraphs of about 1,000,000
    characters, after a first pass for its sentences, names and speaker labels
    (kept in compact arrays), so that
    memory does not grow with its length beyond the statements returned; the
    statements are the same as for the text read whole.
    """
    if not isinstance(text, str):
        raise type_error("text", text, "str (decode bytes first)")
    if doc_id is not None and not isinstance(doc_id, str):
        raise type_error("doc_id", doc_id, "str or None")
    if len(text) > max_length:
        raise ValueError(
            f"text is {len(text):,} characters long, over max_length={max_length:,}; "
            "split the document or raise max_length"
        )
    if attribution is not None:
        attribution = resolve_attribution(attribution)
    if not text.strip():
        return []
    lex = load_lexicon(lexicon_dirs)
    nouns = head_nouns(lex)
    doc = _Doc(text, lex)
    att = _Attributor(doc)
    # A long document is read in windows of paragraphs, after a first pass for its names and labels.
    # (one paragraph, or paragraphs that all run one quotation on: one window, read whole)
    if len(text) > 2 * _WINDOW_CHARS and len(list(islice(_window_spans(text, _WINDOW_CHARS), 2))) == 2:
        outline = _Outline(text, lex, doc)
        labels: tuple[int, int, int | None, bool] | None = (
            outline.labels, outline.last_label, outline.first_label, outline.turns_recur)
        windows: Iterable[tuple[list[tuple[int, int]], list[Sentence] | None]] = outline
    else:
        labels, windows = None, [(paragraphs(text), None)]
    interviewer: str | None = None
    last_label, sections = -1, False
    headline = False  # the label of the turn is a headline's ("Ana Ruiz: The Toll Is Not A Tax.")
    edit_words = "edited" in text or "condensed" in text  # an editor's note may stand in it (once a document)
    # Speakers of quotation spans, kept so that every sentence of a long quotation gets its speaker.
    quote_speaker: dict[tuple[int, int], tuple[str, str | None]] = {}
    results: list[tuple[int, int, str | None, str | None, str]] = []  # this window's
    out: list[Statement] = []
    para, prev_end = 0, 0  # the last statement's paragraph (see paragraph_numbers) and end
    label_speaker: tuple[str | None, str | None] | None = None
    last_direct: tuple[str | None, str | None] | None = None
    # The speaker of the last statement if it reported speech without quoting ('"...?" Ana Ruiz asked
    # them.', 'Ruiz said the pier is old.'), with its paragraph: a quotation that opens right after it
    # in that paragraph, and names no speaker of its own, is that speaker's too.
    last_tag: tuple[str | None, str | None, int, int] | None = None
    prev_colon: tuple[str | None, str | None] | None = None
    colon_block: tuple[str | None, str | None, int] | None = None
    colon_tag = False
    before = 0  # body sentences in the windows before this one
    for paras, all_sents in windows:
        if all_sents is None:
            all_sents = sentences(text, lex, paras)
        if len(all_sents) == 1 and not all_sents[0].body and "\n" not in text.strip():
            # A document of one line without final punctuation is that statement, not a headline.
            all_sents = [all_sents[0]._replace(body=True)]
        doc.open_window(all_sents, paras)
        sents = [s for s in all_sents if s.body]
        if labels is None:
            # (a headline after a name and a colon, "Ana Ruiz: The Toll Is Not A Tax On Riders.", is
            # that speaker's, but no turn of a transcript that would run over the article)
            labelled = [(i, s.start) for i, s in enumerate(sents)
                        if s.label is not None and not _title_case_after(text, s.label[1], s.end)]
            labels = (len(labelled), labelled[-1][0], labelled[0][1],
                      _turns_recur(text[sents[i].label[0] : sents[i].label[1]] for i, _ in labelled)) \
                if labelled else (0, -1, None, False)
        if before == 0 and labels[0]:
            interviewer = _interviewer_name(text, labels[2]) or _publication_name(text, labels[2])
            # A transcript (three or more speaker labels, a speaker named twice): a turn runs over
            # paragraphs until the next label, but not past the last one, where the transcript ends.
            # Three labels or more that each name someone once head an article's sections.
            last_label = labels[1] if labels[0] >= 3 and labels[3] else -1
            sections = labels[0] >= 3 and not labels[3]
        sent_starts = [sent.start for sent in sents]
        sent_ends = [sent.end for sent in sents]
        quote_speaker.clear()  # no quotation runs from one window into the next
        this_para = -1  # the index in ``results`` of the first statement of the sentence's paragraph
        for si, sent in enumerate(sents):
            s, e = sent.start, sent.end
            quotes = doc.quotes.within(s, e)
            new_para = si == 0 or sent.paragraph != sents[si - 1].paragraph
            if new_para:
                prev_para, this_para = this_para, len(results)
            if sent.label is not None and sections and len(lower_words(text[sent.label[1] : e])) <= _HEADING_WORDS \
                    and (si + 1 == len(sents) or sents[si + 1].paragraph != sent.paragraph):
                sent = sent._replace(label=None)  # a section's heading ("Lund: Stay close."): no one's words
            if sent.label is not None:
                lab = text[sent.label[0] : sent.label[1]]
                headline = _title_case_after(text, sent.label[1], e)  # its turn ends with its paragraph
                if lab.lower() in _INTERVIEWER_WORDS:
                    label_speaker = (interviewer or "Interviewer", lab)
                elif lab.lower() in ("a", "answer"):
                    label_speaker = (doc.last_person.name if doc.last_person else _first_named(doc, s), lab)
                else:
                    name, kind = att.classify(lab.split(), s)
                    if name is None:
                        name = lab
                    label_speaker = (name, lab)
                    att.remember(name, "person" if kind in ("person", "none") else kind, s)
            elif new_para and label_speaker is not None and (before + si > last_label or headline):
                label_speaker = None  # a label's turn ends with its paragraph, except inside a transcript
            masked = _mask(text, s, e, quotes) if e - s <= 2 * _WINDOW else None
            parts = _split_sources(text, s, e, masked, att, attribution)
            for ps, pe in parts:
                pquotes = [q for q in quotes if q[1] > ps and q[0] < pe]
                covered = doc.quotes.covered(ps, pe) if pquotes else 0  # no overlapping quotation: nothing covered
                actor = mention = None
                kind = "narrative"
                if label_speaker is not None:
                    actor, mention = label_speaker
                    kind = "direct" if covered else "indirect"
                    third = None
                    if actor == (interviewer or "Interviewer"):
                        fs = _LABEL_END.match(text, sent.label[1]).end() if sent.label is not None and ps == s else ps
                        third = _third_party(text, fs, pe, pquotes, att, actor)
                    if third is not None:  # "Q: Moscow says a summit should discuss the treaty."
                        actor, mention = third
                        kind = "direct" if pquotes and covered >= 3 else "indirect"
                    elif actor is not None and actor != (interviewer or "Interviewer"):
                        if text.find("I", ps, pe) >= 0 and _FIRST_PERSON.search(text, ps, pe) is not None:
                            mention = "I"  # "A: I think the pier is safe.": in her turn, she names herself
                        elif not (sent.label is not None and ps == s) \
                                and (text.find("we", ps, pe) >= 0 or text.find("We", ps, pe) >= 0) \
                                and (we := _FIRST_PLURAL.search(text, ps, pe)) is not None:
                            mention = we.group(1)  # "We need the pier.": she names herself among her own
                elif not pquotes and edit_words and (text.find("edited", ps, pe) >= 0 or text.find("condensed", ps, pe) >= 0) \
                        and _EDITORS_NOTE.search(text, ps, pe) is not None:
                    pass  # "Our questions and her answers were condensed.": an editor's note, no one's words
                else:
                    frame = masked if (ps, pe) == (s, e) and masked is not None else _window(_mask(text, ps, pe, pquotes))
                    if frame[:1].isupper() and (frame[1:2].isupper() or "(" in frame[:40]):
                        frame = _mask_caps_lead(frame)
                    found = att.frame_speaker(frame, ps, after_quote=bool(pquotes), colon=False)
                    if found is None and ", " in frame:
                        found = _plural_tag_speaker(frame, ps, att)
                    if found is not None and _calendar_only(found[2], att.lex) and _calendar_only(found[0], att.lex):
                        found = None  # "Wednesday added one more twist": the day is no speaker
                    # a share of a group as the subject names the speaker whatever other cue the
                    # frame holds ("43 said the same of Tom Reyes")
                    found = _quantity_speaker(frame, ps, att) or _lead_quantity_speaker(frame, ps, att) or found
                    if (frame[:1] in _FINDING_FIRST or ", according to " in frame) and (
                            "oll" in frame or "urvey" in frame or "tud" in frame or "eport" in frame or "nalysis" in frame):
                        # "The poll showed that 72% of voters said", "..., according to the poll."
                        # (not before an inverted tag: 'Polling shows that "...," said Ana Ruiz.': hers)
                        if not _inverted_tag_after(frame, lex.speech_verbs):
                            found = _finding_speaker(frame, ps, att) or found
                    if (found is None or found[1] == "group") and ":" in frame:
                        # "There is less agreement on the ferry: 47% say ...", "...: a majority of farmers
                        # say ..." (the share, not only the group the frame's cue found)
                        c = frame.find(":")
                        found = _quantity_speaker(frame[c + 1 :], ps + c + 1, att) or found
                    if found is None and pquotes:
                        known = next((quote_speaker[q] for q in pquotes if q in quote_speaker), None)
                        if known is not None:
                            found = (known[0], "person", known[1])
                    if found is None and pquotes:
                        found = _quote_frame_speaker(text, sents, si, pquotes, att, doc, sent_starts, sent_ends)
                    if found is None and pquotes:
                        found = att.frame_speaker(frame, ps, after_quote=True, colon=True)
                    if found is None and pquotes:
                        found = _tag_after_quote(text, sents, si, pquotes, att, sent_starts, sent_ends)
                    # (in a paragraph of someone's words, "I think ..." is the writer's: issue #13, tenth round)
                    own = found is None or found[1] == "self"
                    if own and prev_colon is not None and (pquotes or (colon_tag and new_para and ps == s)) \
                            and (found is None or (colon_tag and new_para and ps == s)):
                        found = (prev_colon[0], "person", prev_colon[1])
                        if colon_tag and new_para and ps == s:
                            # "Ana Ruiz writes:" then a paragraph of her words, quoted or not
                            colon_block = (prev_colon[0], prev_colon[1], sent.paragraph)
                    elif own and colon_block is not None and colon_block[2] == sent.paragraph:
                        found = (colon_block[0], "person", colon_block[1])
                    if found is None and pquotes and last_direct is not None and _OPENS_QUOTATION.match(text, ps):
                        # A new quotation right after the same speaker's words (also after a leading
                        # "But" or "And": 'But "the pier is ours."').
                        found = (last_direct[0], "person", last_direct[1])
                    if found is None and pquotes and last_direct is not None and results \
                            and results[-1][4] == "direct" and text.find("\n", results[-1][1], ps) < 0 \
                            and _closing_quotation(text, ps, pe, pquotes[-1]):
                        # 'It is "a disgrace to the whole town."' right after her quotation, in the same
                        # paragraph: a quotation that closes the sentence after a short lead goes on with her words
                        found = (last_direct[0], "person", last_direct[1])
                    if found is not None and pquotes and found[2] and found[2].lower() not in _PRONOUNS:
                        tag = _TAG_PRONOUN.search(text, max(ps, pe - 80), pe)
                        if tag is not None:  # '"...," it added.': the pronoun names the speaker here
                            found = (found[0], found[1], tag.group(1))
                    if found is None and not pquotes:
                        found = att.seat_subject(frame, ps) or att.possessive_position(frame, ps)
                    if found is None and attribution is not None and not att.no_model:
                        # the learned model, where the rules found no one (and read no narrated action)
                        found = attribution.speaker(text, ps, pe, att)
                    if found is None and pquotes and last_tag is not None and _OPENS_QUOTATION.match(text, ps) and (
                            last_tag[2] == sent.paragraph or (new_para and ps == s and last_tag[2] == sent.paragraph - 1
                                                              and ps - last_tag[3] <= 8 and not text[last_tag[3] : ps].strip())):
                        # (or one that opens the next paragraph: 'Ana Ruiz argued that ...' then a
                        # paragraph of her untagged words in quotation marks)
                        found = (last_tag[0], "person", last_tag[1])
                    if found is not None and found[1] == "self":
                        found = (last_direct[0], "person", last_direct[1]) if last_direct and covered else None
                    if found is not None and found[0]:
                        actor, ekind, mention = found
                        att.remember(actor, ekind, ps)
                        kind = "direct" if pquotes and covered >= 3 else "indirect"
                        if kind == "direct":
                            for q in pquotes:
                                quote_speaker.setdefault(q, (actor, mention))
                if actor is None and att.unsaid is not None:
                    att.remember(att.unsaid[0], att.unsaid[1], ps)  # "He spoke to Ana Ruiz.": still the last person
                att.unsaid, att.no_model = None, False
                att.unsaid_cues.clear()
                if kind == "direct":
                    last_direct = (actor, mention)
                    last_tag = None
                elif not covered:
                    last_tag = (actor, mention, sent.paragraph, pe) if actor else None
                    last_direct = None
                results.append((ps, pe, actor, mention, kind))
            if new_para and e - s <= _DASH_TAG_MAX and text[s] in "-—–" and 0 <= prev_para < this_para == len(results) - 1:
                _dash_tag(text, s, e, results, prev_para, att)
            stripped = text[s:e].rstrip()
            prev_colon = (results[-1][2], results[-1][3]) if stripped.endswith(":") and results and results[-1][2] else None
            # "Ana Ruiz writes:" (a speech verb right before the colon): the next paragraph is her words
            tail = lower_words(stripped[-30:]) if prev_colon is not None else None
            colon_tag = bool(tail) and tail[-1] in lex.speech_verbs
        before += len(sents)
        # with the apposition that follows the name (stancekit/attribution/_mention.py); a mention
        # named outside the statement (a sentence of a quotation whose tag is in another) takes the
        # nearest mention of the same actor with an apposition among the statements that name it
        own = [bool(m) and a is not None and text.find(m, ps, pe) >= 0 for ps, pe, a, m, _ in results]
        full = [extend_mention(text, ps, pe, m, lex.titles, lex.speech_verbs, nouns, lex.irregular_past) if o else None
                for (ps, pe, _, m, _), o in zip(results, own)]
        for i, (ps, pe, actor, mention, kind) in enumerate(results):
            sid = f"{doc_id}:{len(out)}" if doc_id is not None else str(len(out))
            if actor is None:
                kind, mention = "narrative", None
            elif mention:
                if own[i]:
                    mention = full[i]
                else:
                    near = next((full[k] for d in range(1, _NEAR + 1) for k in (i - d, i + d)
                                 if 0 <= k < len(results) and own[k] and results[k][2] == actor
                                 and mention in full[k] and full[k] != results[k][3]
                                 and text.find("\n", min(pe, results[k][1]), max(ps, results[k][0])) < 0), None)
                    # (in the same paragraph: a window of a long text holds whole paragraphs)
                    mention = near or extend_mention(text, ps, pe, mention, lex.titles, lex.speech_verbs, nouns, lex.irregular_past)
                if text.find(" he ", ps, pe) >= 0 or text.find(" she ", ps, pe) >= 0 or text.find(" they ", ps, pe) >= 0 \
                        or text.find(" it ", ps, pe) >= 0:
                    mention = _later_pronoun(text, ps, pe, actor, mention, doc.quotes.within(ps, pe), lex.speech_verbs,
                                             doc.gender_of)
            if out and text.find("\n", prev_end, ps) >= 0 and _PARAGRAPH_BREAK.search(text, prev_end, ps) is not None:
                para += 1  # paragraph_numbers, statement by statement
            prev_end = pe
            if actor is not None and " " in actor and (" wh" in actor or " that" in actor or " present" in actor):
                actor = _description_head(actor)  # (only these hold what _DESCRIPTION_TAIL drops)
            out.append(_statement(doc_id, sid, actor, mention, kind, ps, pe, text[ps:pe], para))
        results.clear()
    return out


# A sentence that opens with a quotation mark, or with a lone conjunction right before one ('But "the
# pier is ours."'): a quotation with no tag of its own, which continues the last speaker's words.
_OPENS_QUOTATION = re.compile(r"(?:(?:But|And|Yet|Still|So)[ \t]+)?[“\"«‘']")

_NEAR = 3  # statements each side where a quotation's tag may name its speaker
_LEAD_WORDS = 4  # words before a quotation that closes its sentence (_closing_quotation)
_QUOTED_WORDS = 4  # words at least inside it


def _closing_quotation(text: str, ps: int, pe: int, quote: tuple[int, int]) -> bool:
    """Whether the quotation ``quote`` closes the sentence ``text[ps:pe]`` (at most a full stop or
    a mark after it) after a lead of at most ``_LEAD_WORDS`` words and holds ``_QUOTED_WORDS``
    words or more: 'It is "a disgrace to the whole town."', 'The vote was "the worst day the
    harbour has seen."'. Out of scope: a shorter quotation (a term, "so-called"), a longer lead."""
    qs, qe = quote
    if not ps <= qs < qe <= pe or pe - qe > 2 or not text[qe:pe].strip(" .!?\"”’'") == "":
        return False
    return len(text[ps:qs].split()) <= _LEAD_WORDS and len(text[qs:qe].split()) >= _QUOTED_WORDS

# A description's tail that tells an unnamed source apart but is no part of its name (annotation
# guide 5.3, 5.5: "a NATO official who spoke on condition of anonymity" is the actor "NATO
# official"; the mention keeps the words): a relative clause or "present" closing it
# (_description_head). An anonymous source's phrase stays: "people close to the mayor" is that
# source's name (attribution_anonymous_phrases.txt).
_DESCRIPTION_TAIL = re.compile(r" (?:who|whom|whose|that|which)\b.*| present$")


def _description_head(actor: str) -> str:
    """``actor`` (a description or a group) without a relative clause after its head noun
    ("diplomats who have seen it" -> "diplomats"); as it is when nothing would be left."""
    m = _DESCRIPTION_TAIL.search(actor)
    return actor[: m.start()] if m is not None and m.start() > 0 else actor
# The speaker naming herself in her turn: "I" before a lowercase word or with its contraction (not the
# "I" of "(I-Ohio)" or "World War I.").
_FIRST_PERSON = re.compile(r"(?<![\w.’'-])I(?:['’](?:m|d|ve|ll))?[ \t]+[a-z]")
_FIRST_PLURAL = re.compile(r"(?<![\w.’'-])([Ww]e)(?:['’](?:re|d|ve|ll))?[ \t]+[a-z]")  # "we" as a subject
# An editor's note on a text's form ("The interview has been edited and condensed.", "Answers were edited
# for length and clarity."): no one's words, whatever speech word its subject holds.
_EDITORS_NOTE = re.compile(r"\b(?:edited|condensed)[ \t]+(?:and[ \t]+(?:edited|condensed)\b|for[ \t]+(?:length|clarity|brevity|space|style)\b)")
_HEADING_WORDS = 5  # words after a section's label in a heading line ("Reyes: Hold the line.")
_TURN_WORDS = frozenset(("q", "a", "question", "answer", "interviewer"))


_LONG_WORD = re.compile(r"[A-Za-z](?:[’']?[A-Za-z]){3,}")  # four letters or more ("Don’t", not "Tax’")


def _title_case_after(text: str, pos: int, end: int) -> bool:
    """Whether the words after a label (``text[pos:end]``) are a headline's: four words of four
    letters or more, nearly all capitalised ("The Toll Is Not A Tax On Riders", not "I think so")."""
    if end - pos > 300:
        return False
    words = _LONG_WORD.findall(text, pos, end)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) * 10 >= 8 * len(words)


def _first_named(doc: _Doc, pos: int) -> str | None:
    """The first person the document names before ``pos`` (the interviewee its introduction names:
    "Harbour master Ana Ruiz has run the port ..."), the speaker of an answer's label when no one has spoken
    yet; None when it names no one."""
    m = doc.mentions
    return m.names[0] if len(m) and m.pos[0] < pos else None


def _turns_recur(labels: Iterable[str]) -> bool:
    """Whether a document's speaker labels name a speaker twice (by a label's last word: "ANA
    RUIZ", then "RUIZ") or are an interview's "Q" and "A": a transcript, whose turns run over
    paragraphs. Labels that each name someone once ("Reyes: Hold the line.", "Lund: Stay close.")
    head the sections of an article about them."""
    seen: set[str] = set()
    for label in labels:
        words = label.split()
        last = words[-1].lower() if words else ""
        if last in _TURN_WORDS or last in seen:
            return True
        seen.add(last)
    return False


# a word of a person's name in a header, accented letters too ("Rasa Kalniņa", "Žygis Ruiz"; an
# ASCII-only pattern missed them and left the interviewer's questions to the publication)
_NAME_WORD = (r"(?:[A-Z\u00C0-\u00DE\u0100-\u017F][^\W\d_A-Z]++(?:-[A-Z\u00C0-\u00DE\u0100-\u017F][^\W\d_A-Z]++)*+"
              r"|[A-Z]\.)")
# An interviewer's turn label in any case ("Q:", "QUESTION:"): the questions are the interviewer's.
_INTERVIEWER_WORDS = frozenset(w.lower() for w in INTERVIEWER_LABELS)
_INTERVIEWER = re.compile(
    r"(?:[Ii]nterview(?:ed)?\s+by|[Ii]nterviewer:?|[Qq]uestions\s+(?:put\s+)?by|[Ss]poke\s+to|[Tt]alked\s+to)\s+"
    r"(" + _NAME_WORD + r"(?:[ \t]+" + _NAME_WORD + r"){1,3})"
)

# A header naming the interviewee first and the interviewer last: "Interview with Ivo Marten,
# the harbour master, by Lena Hofbauer" (group 1: the interviewer).
_INTERVIEW_WITH_BY = re.compile(
    r"^[ \t]*+[Ii]nterview with [^\n]{1,300}? by (" + _NAME_WORD + r"(?:[ \t]+" + _NAME_WORD + r"){1,3})[ \t]*$",
    re.MULTILINE,
)


# A parenthetical tag whose subject is a plural noun of no list ("The pier, engineers say, is safe.",
# "For now, logisticians say, the priority is ..."): the group speaks (_plural_tag_speaker). At most
# two lowercase words before the noun (the noun itself at most 41 letters: bounded backtracking).
_PLURAL_TAG_VERBS = ("say said says argue argued argues believe believed note noted warn warned insist insisted contend "
                     "contended claim claimed estimate estimated predict predicted complain complained").split()
_PLURAL_TAG = re.compile(
    r", ((?:[a-z]++ ){0,2}?[a-z]{2,40}s) (?:privately |publicly |also |now )?+"
    r"(?:" + "|".join(_PLURAL_TAG_VERBS) + r"),"
)
# (a frame without one of these words has no such tag: a set test before the search)
_PLURAL_TAG_WORDS = frozenset(_PLURAL_TAG_VERBS)
_QUANTIFIER_WORDS = frozenset("some many most several other few two three four".split())
_NOT_PLURAL_NOUNS = frozenset("this his its was has is as us thus less unless does yes perhaps always".split())


def _plural_tag_speaker(frame: str, offset: int, att: _Attributor) -> tuple[str, str, str] | None:
    """``(actor, "group", mention)`` of a parenthetical tag between commas whose subject is a plural
    noun, with up to two lowercase words before it ("..., local engineers say, ..."); None when the
    frame has none, or its words are function words or an adverb ("..., he says, ...", "..., as
    officials put it, ..." are the frame speaker's)."""
    if _PLURAL_TAG_WORDS.isdisjoint(_words_of(att, frame)):
        return None
    m = _PLURAL_TAG.search(frame)
    if m is None:
        return None
    words = m.group(1).split()
    head = words[-1]
    if head.endswith(("ss", "us", "is", "ly")) or any(w in _FUNCTION or w in _NOT_PLURAL_NOUNS for w in words[-1:]) \
            or any(w in _FUNCTION and w not in _QUANTIFIER_WORDS for w in words[:-1]):
        return None
    name, kind = att.classify(words, offset + m.start(1))
    if kind == "self":
        return None
    if not name:
        name = " ".join(w for w in words if w not in _QUANTIFIER_WORDS)
    return name, "group", m.group(1)


def _interviewer_name(text: str, first_label: int | None) -> str | None:
    """The interviewer's name from a header or introduction ("Interview by Lena Hofbauer") before
    the first speaker label at ``first_label`` (None: none, and the first 3,000 characters)."""
    if first_label is None:
        first_label = min(len(text), 3000)
    for m in _INTERVIEWER.finditer(text, 0, first_label):
        after = text[m.end(1) : m.end(1) + 2]
        if not after or after[0] in "\n,.;()" or after.startswith((" (", " f", " o")):
            return m.group(1)
    m = _INTERVIEW_WITH_BY.search(text, 0, first_label)
    return m.group(1) if m else None


_PUBLICATION_LINE = re.compile(r"^[ \t]*Publication:[ \t]*([^,|\n(]+)", re.MULTILINE)
_MASTHEAD_LINE = re.compile(r"^[^\n|]*\|[^\n]*$", re.MULTILINE)
_TITLE_WORD = re.compile(r"(?:[A-Z][\w’'&.-]*|of|the|and|for|on|in|am|an|de|du|la|le|der|die|für)")
_ARTICLE_KINDS = frozenset(
    "interview analysis opinion op-ed commentary editorial column feature news report transcript q&a".split())


def _publication_name(text: str, first_label: int | None) -> str | None:
    """The publication's name from the header before the first speaker label: a
    "Publication: Danube Diplomatic Review, Issue 12" line, or a masthead line of fields
    between bars ("Interview | Vienna Diplomatic Quarterly | April 19, 2010": the first field
    of two or more title-case words with no digit that is not a kind of article). An interview
    whose interviewer is not named is the publication's (annotation guide: questions)."""
    end = min(len(text), 3000) if first_label is None else first_label
    m = _PUBLICATION_LINE.search(text, 0, end)
    if m and len(m.group(1).split()) >= 2:
        return m.group(1).strip()
    for line in _MASTHEAD_LINE.finditer(text, 0, end):
        for field in (f.strip() for f in line.group(0).split("|")):
            words = field.split()
            if len(words) >= 2 and field.lower() not in _ARTICLE_KINDS and not any(c.isdigit() for c in field) \
                    and words[0][:1].isupper() and all(_TITLE_WORD.fullmatch(w) for w in words):
                return field
    return None


def _quote_frame_speaker(text, sents, si, pquotes, att: _Attributor, doc: _Doc, starts: list[int], ends: list[int]):
    """The speaker of a quotation named in another sentence of the same quotation (``starts`` and
    ``ends``: the sentences' offsets, for a bisection instead of a walk over a long quotation)."""
    for qs, qe in pquotes:
        # The sentence where the quotation closes (the first from si on that ends at or after
        # its close, else the last), and the one where it opens (the last up to si that starts at
        # or before its opening, else the first).
        j = min(max(si, bisect_left(ends, qe)), len(sents) - 1)
        k = max(min(si, bisect_right(starts, qs) - 1), 0)
        # The sentence where the quotation closes, then the one where it opens.
        for other in (j, k):
            if other == si:
                continue
            s2, e2 = sents[other].start, sents[other].end
            frame = _window(_mask(text, s2, e2, doc.quotes.within(s2, e2)))
            found = att.frame_speaker(frame, s2, after_quote=True)
            if found and found[0]:
                return found
    return None


# A kind of body before its name, in lowercase: "the energy company Naftogaz", "the firm Acme" (classify).
_ORG_BEFORE_NAME = frozenset("company firm newspaper press network channel bank agency".split())
_TAG_SENTENCE = 60  # characters: "Senator Ana Ruiz of Ohio said in response."
_TAG_VERB_WITHIN = 4  # the speech verb among the tag's last words
_QUOTE_OPENERS = frozenset("\"“«‘'")

# A longer tag sentence (issue #13, tenth round): its speech verb right after the speaker's mention (and
# an apposition or an adverb) and before a preposition, a comma or the stop, so that the quotation is its
# content: '"...?" Reyes said to the dock workers on the quay.', '"..." Ana Ruiz, a retired pilot from
# Lima, said quietly over the radio.', '"...!" Reyes wrote, citing the harbour board.' (not "Reyes said
# the pier ...").
_TAG_SENTENCE_LONG = 200
_TAG_WORD = re.compile(r"[A-Za-z][\w'’.-]*+|[,;:]")
_TAG_TAIL = frozenset("to of at in as on during while before after from with about into when , ; :".split())
# Verbs of a tag that take a person as object before their tail ("told Harbour TV in an interview").
_TAG_OBJECT_VERBS = frozenset("told tells tell asked asks".split())
_TAG_OBJECT_WORDS = frozenset("reporters him her them me us journalists".split())
_TAG_APPOSITION = 16  # tokens: the comma that closes an apposition after the mention


def _tag_verb_after(text: str, s: int, e: int, mention: str | None, speech_verbs: frozenset[str]) -> bool:
    """Whether, in the sentence ``text[s:e]``, a speech verb follows ``mention`` (past an apposition
    between commas and an adverb in "-ly") and ends its clause: a preposition, a comma or the end
    after it ("said to the workers", "said of the mayor", "shouted, ...", "wrote.")."""
    m = text.find(mention, s, e) if mention else -1
    if m < 0:
        return False
    p = m + len(mention)
    toks = [t.group() for t in _TAG_WORD.finditer(text, p, min(e, p + 240))]
    k = 0
    if toks and toks[0] == ",":  # "Ana Ruiz, a retired nurse from Lima, said"
        k = next((x + 1 for x in range(1, min(len(toks), _TAG_APPOSITION)) if toks[x] == ","), -1)
        if k < 0:
            return False
    if k < len(toks) and len(toks[k]) > 3 and toks[k].lower().endswith("ly"):
        k += 1
    if k >= len(toks) or toks[k].lower() not in speech_verbs:
        return False
    if toks[k].lower() in _TAG_OBJECT_VERBS and k + 1 < len(toks):
        # "Berg told Harbour TV in an interview.", "Ruiz asked reporters on Monday", "Lee told
        # Dalby's harbour radio station during a call": the object, then a preposition
        o = k + 1
        while o < len(toks) and o < k + 5 and toks[o][:1].isupper():
            o += 1
        if o == k + 1 and toks[o].lower() in _TAG_OBJECT_WORDS:
            o += 1
        elif o > k + 1:
            low = o
            while o < len(toks) and o < low + 2 and toks[o].isalpha() and toks[o].islower() \
                    and toks[o] not in _TAG_TAIL:
                o += 1
            if o > low and (o >= len(toks) or toks[o] not in _TAG_TAIL):
                return False  # "Berg told Ruiz the fee was high": a clause, not an object's noun
        k = o - 1
    nxt = toks[k + 1].lower() if k + 1 < len(toks) else ""
    return not nxt or nxt in _TAG_TAIL or (len(nxt) > 3 and nxt.endswith("ly"))


# A paragraph of a name after a dash under a quotation: '"..."' then '- Ana Ruiz.' (the name of up
# to four capitalised words; the line at most _DASH_TAG_MAX characters).
# (and a short place or phrase after a comma: '- Ana Ruiz, Dalby.', '- Ana Ruiz, speaking at the pier.')
_DASH_TAG = re.compile(r"[-—–][ \t]?([A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*){0,3})(?:,[ \t][^\n\"“”]{1,40})?[ \t]*\Z")
_DASH_TAG_MAX = 60


def _dash_tag(text: str, s: int, e: int, results: list[tuple[int, int, str | None, str | None, str]], first: int,
              att: _Attributor) -> None:
    """The speaker of a paragraph that is a name after a dash, under a paragraph that ends with a
    quotation mark ('"The pier is old."' then '- Ana Ruiz.'): the quotation's statements that have no
    speaker (``results[first:-1]``) and the tag itself (``results[-1]``) take the name (in place)."""
    stop = e - 1 if text[e - 1] == "." else e
    m = _DASH_TAG.match(text, s, stop)
    if m is None or text[results[-2][1] - 1] not in "\"”»’'":
        return
    name, kind = att.classify(m.group(1).split(), m.start(1))
    if not name or kind == "self":
        return
    mention = m.group(1)
    for k in range(first, len(results) - 1):
        ps, pe, actor, _, _ = results[k]
        if actor is None:
            results[k] = (ps, pe, name, mention, "direct")
    ps, pe, _, _, _ = results[-1]
    results[-1] = (ps, pe, name, mention, "indirect")
    att.remember(name, "person" if kind in ("person", "none") else kind, s)


def _tag_after_quote(text: str, sents: list[Sentence], si: int, pquotes: list[tuple[int, int]], att: _Attributor,
                     starts: list[int], ends: list[int]):
    """The speaker named in a short tag sentence of its own right after the sentence where the
    quotation closes: '"...?" Reyes said.', '"..." Ana Ruiz said in reply.' (the mark ended the
    first sentence). The tag: in the same paragraph (a window holds whole paragraphs), at most
    ``_TAG_SENTENCE`` characters, a speech verb among its last ``_TAG_VERB_WITHIN`` words, no
    quotation of its own."""
    for qs, qe in pquotes:
        j = max(si, bisect_left(ends, qe))
        if j + 1 >= len(starts) or ends[j] - qe > 1 or sents[j + 1].paragraph != sents[j].paragraph:
            continue
        s2, e2 = starts[j + 1], ends[j + 1]
        if e2 - s2 > _TAG_SENTENCE_LONG or text[s2] in _QUOTE_OPENERS:
            continue
        short = e2 - s2 <= _TAG_SENTENCE and not att.lex.speech_verbs.isdisjoint(
            lower_words(text[s2:e2])[-_TAG_VERB_WITHIN:])
        found = att.frame_speaker(text[s2:e2], s2, after_quote=True)
        if found and found[0] and (short or _tag_verb_after(text, s2, e2, found[2], att.lex.speech_verbs)):
            return found
    return None


_LABEL_END = re.compile(r"[ \t]*+[:.\-–—]?[ \t]*+")  # after a speaker label: "Q: ", "Lavrov - "
_NOT_A_THIRD_PARTY = frozenset("i we you he she it they this that who one your our my his her their".split())


def _third_party(text: str, s: int, e: int, quotes: list[tuple[int, int]], att: _Attributor,
                 turn_speaker: str | None) -> tuple[str, str | None] | None:
    """The party whose position an interviewer's statement ``text[s:e]`` (after the label, if it
    has one) reports: "Q: Moscow says a summit should discuss the treaty." is Russia's statement,
    not the interviewer's (SPEC section 4; annotation guide, an interviewer's prompt that reports
    a third party).

    Only the interviewer's turns (an answer's "we" and "our diplomats" are the answerer's own
    position), only a declarative statement (a question stays the turn's), and only a speech frame
    whose source opens the statement and is named or described, never a pronoun or a possessive
    ("You said ...", "He told me ...", "Your government promised ..." stay the interviewer's: in a
    transcript a pronoun's antecedent is too often the other speaker). The persons found are
    not remembered, so that the next "A:" is still the last person who spoke."""
    if text[s:e].rstrip().rstrip("”\"’'").endswith("?"):
        return None
    found = _quiet_speaker(att, _window(_mask(text, s, e, quotes)), s, after_quote=bool(quotes), colon=False)
    if found is None or not found[0] or found[1] == "self" or found[0] == turn_speaker:
        return None
    mention = found[2]
    if mention is None or mention.split()[0].lower() in _NOT_A_THIRD_PARTY:
        return None
    # The source opens the statement, after at most an adverb ("Finally, Sergei Lavrov said ..."):
    # a name further on is a topic of the question, not whom it reports.
    at = text.find(mention, s, e)
    if at < 0 or len(text[s:at].split()) > 1:
        return None
    return found[0], mention
