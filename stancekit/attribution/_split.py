"""Two-source splits and share (quantity) speakers: the rules that cut one sentence into one span
per source, and that name the speaker of a clause led by a share or a finding.

- :func:`_split_sources`: "A said X, while B said Y" (a comma or semicolon before a conjunction,
  or a leading "While A argues X, B says Y" / "When A pointed out X, B said Y" clause) becomes one
  span per source, when each part names its own source (by the rules or the learned model).
- :func:`_quantity_speaker`, :func:`_lead_quantity_speaker`: a clause that opens with a share of
  a group ("Two-thirds of voters say ...", "42% of members ...") names that group as its source.
- :func:`_finding_speaker`: a clause that reports a survey's or a study's finding names its maker.
- :func:`_quietly`, :func:`_quiet_speaker`, :func:`_peek`, :func:`_model_peek`: read a frame's
  speaker without changing the document's last person and group.

Out of scope: finding a frame's speaker itself (``_Attributor.frame_speaker`` in
:mod:`stancekit._segment`, reached through the ``att`` argument), sentences, quotations and the
statements' assembly (:func:`stancekit._segment.segment`), the learned model
(:mod:`stancekit.attribution._model`). Moved out of ``_segment.py`` unchanged (issue 13, item 4).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .._lexicon import Lexicon
from .._text import lower_words
from ._coref import _FUNCTION, _PRONOUNS
from ._features import CLAUSE_WITHIN
from ._phrases import _ly_adverb

if TYPE_CHECKING:
    from .._segment import _Attributor  # annotations only: no import of _segment at load


# Frame verbs besides speech verbs ("appears", "made clear", "let it be known"): a second part
# that holds one may name a source of its own (also among the rules' frame words in _segment).
_OTHER_FRAMES = frozenset("appeared appears seemed seems made makes make let lets".split())


_SPLIT = re.compile(r",\s+(?=(?:while|whereas|though|although|but|and)\s)|;\s+(?=[a-zA-Z\d])"
                    r"|,\s+(?=(?P<appended>a|an)\s+(?:charge|claim|step|idea|move|view|accusation|assertion|version|reading)\s)")


def _split_matches(frame: str) -> Iterator[re.Match[str]]:
    """The matches of ``_SPLIT.finditer(frame)``: each opens with a comma or a semicolon, found by
    ``str.find`` and matched there (twice as fast as the pattern's own scan, which tests a
    character set at every character)."""
    match = _SPLIT.match
    find = frame.find
    comma, semi = find(","), find(";")
    while comma >= 0 or semi >= 0:
        if semi < 0 or 0 <= comma < semi:
            p, comma = comma, find(",", comma + 1)
        else:
            p, semi = semi, find(";", semi + 1)
        m = match(frame, p)
        if m is not None:
            yield m
            end = m.end()  # the next match starts after this one (none starts inside its spaces)
            if 0 <= comma < end:
                comma = find(",", end)
            if 0 <= semi < end:
                semi = find(";", end)


# A quotation that ends with its own comma before the conjunction ('A called it "timely," while B
# said Y'): masked, the comma is gone; _quote_commas puts it back on the closing mark.
_QUOTE_COMMA = re.compile(r"_(?=\s+(?:while|whereas|though|although|but)\s)")
_CLOSING_QUOTES = frozenset("\"”’'")


def _quote_commas(text: str, s: int, frame: str) -> str:
    """``frame`` (``text[s:e]`` masked) with a comma on the closing mark of each quotation that ends
    with a comma and is followed by a conjunction of :data:`_SPLIT`; the same length."""
    if "_" not in frame or "_ " not in frame and "_\n" not in frame:  # no masked quotation before a space
        return frame
    at = [p for p in (m.start() for m in _QUOTE_COMMA.finditer(frame))
          if p > 0 and text[s + p] in _CLOSING_QUOTES and text[s + p - 1] == ","]
    if not at:
        return frame
    chars = list(frame)
    for p in at:
        chars[p] = ","
    return "".join(chars)


# A relative clause between the second part's subject and its verb (", while dock workers, several
# of whom had lost shifts, said ..."): blanked (same length) before the second part's source is read.
_SUBJECT_ASIDE = re.compile(r"(?:while|whereas|though|although|but|and)\s+[^,;]{1,60}?"
                            r"(,\s+(?:who|whose|which|(?:[a-z]+\s+){0,2}of\s+(?:whom|which))\s[^,;]{1,150}+,)\s")


def _blank_aside(right: str) -> str | None:
    """``right`` with the relative clause of :data:`_SUBJECT_ASIDE` blanked; None without one."""
    m = _SUBJECT_ASIDE.match(right)
    if m is None:
        return None
    a, b = m.span(1)
    return right[:a] + " " * (b - a) + right[b:]


# A negated subject names no source ("nobody", "no delegation", "none of them", "not one state").
_NO_SOURCE = frozenset("nobody no none neither not".split())
# ... and a subject owned by the first part's body is its source again (", and its diplomats said ...")
_OWNED_SUBJECT = "its"

# The first words of a second part that has no subject of its own: the first part's content goes on
# (", and that ...", ", and whether ...", ", and after ...") or its verb is coordinated (", and said ...").
_NO_SUBJECT = frozenset("that whether if after before when how what why than less more to".split())
_MORE_LESS = frozenset(("more", "less"))


# A sentence that opens with a subordinate clause: "While A argues X, B says Y" (its first comma).
def _leading_clause(openers: str) -> re.Pattern[str]:
    """A sentence that opens with a clause led by one of ``openers`` ("A|B"), up to its first comma
    (group 1) and the first word after it (group 2)."""
    return re.compile(r"(?<![ \t\n“\"‘'(])[ \t\n“\"‘'(]*+(?:" + openers + r")\s[^,;:]{3,300}?(,)\s+(?=(\w+))")


_LEAD_SPLIT = _leading_clause("While|Whereas|Although|Though")

# ... or a clause of time, condition or cause ("When A pointed out X, B said Y"); its own source must
# be the rules' (not "As A has stressed, ...": A's tag over the main clause)
_TIME_SPLIT = _leading_clause("When|If|Before|Since|Because|Even as")


# the subject of a clause that names part of a group no word of which the rules classify ("others
# say", "one suggested"): a source the learned model names
_OTHER_SHARES = frozenset("others another one some none".split())
_HAVE = frozenset("has have had".split())


def _other_share(words: list[str], lex: Lexicon) -> bool:
    """Whether ``words`` (a clause's, lowercase) open with a conjunction or none, one of
    :data:`_OTHER_SHARES` and a speech verb, an adverb in "-ly" between them or none."""
    i = 1 if words and words[0] in _QUANTITY_CONJ else 0
    if len(words) < i + 2 or words[i] not in _OTHER_SHARES:
        return False
    v = words[i + 1]
    if (v.endswith("ly") or v in _HAVE) and len(words) > i + 2:
        v = words[i + 2]
    return v in lex.speech_verbs


def _split_sources(text: str, s: int, e: int, frame: str | None, att: _Attributor,
                   model=None) -> list[tuple[int, int]]:
    """Split "A said X, while B said Y" into one span per source; else one span.

    ``frame`` is ``text[s:e]`` with quotations masked (None for a sentence too long to split);
    ``model``, a learned attribution model, may find the second part's source where the rules
    find none (:meth:`~stancekit.attribution.AttributionModel.clause_speaker`)."""
    if frame is None:
        return [(s, e)]
    # "While A argues X, B says Y": the subordinate clause first (the model, when given, may name
    # either source of a "While ..." clause, only the main clause's source of a "When ..." one)
    # (a pronoun subject most often stands for the subordinate clause's source: one source)
    lead = _LEAD_SPLIT.match(frame) or _TIME_SPLIT.match(frame)
    if lead is not None and lead.group(2).lower() not in _PRONOUNS:
        right_off = lead.end()
        b = _peek(att, frame[right_off:], s + right_off) or (
            _model_peek(model, text, s + right_off, e, att) if model is not None else None)
        if b:
            left = frame[: lead.end(1)]
            a = _peek(att, left, s) or (_model_peek(model, text, s, s + len(left), att, clause=False)
                                        if lead.re is _LEAD_SPLIT and model is not None else None)
            if a and a != b:
                return [(s, s + len(left)), (s + right_off, e)]
    for m in _split_matches(_quote_commas(text, s, frame)):
        left = frame[: m.start() + 1].rstrip()
        right_off = m.end()
        right = frame[right_off:]
        words = lower_words(right)
        if m.group(0)[0] == "," and not m.group("appended") and len(words) > 1 \
                and (words[1] in _NO_SUBJECT or words[1] in att.lex.speech_verbs) \
                and not (words[1] in _MORE_LESS and (q := _QUANTITY.match(right)) is not None and q.group("share")):
            continue  # ", and that X ...", ", but noted that ...": one source, the first part's
            # (not a share: ", and nearly 3 in 10 said ...")
        if m.group(0)[0] == "," and not m.group("appended") and len(words) > 1 \
                and (words[1] in _NO_SOURCE or words[1] == _OWNED_SUBJECT):
            continue  # ", whereas nobody wanted ...", ", and no delegation disagreed": no source of its own
        if _may_open_quantity(right, 0) or (model is not None and _other_share(words, att.lex)):
            # "Four in 10 dockers back X, and a third said Y", "..., while others say Y": a share of a
            # group as the second clause's subject is a source of its own, even of the first's group
            qb = _quietly(att, _quantity_speaker, right, s + right_off, att)
            if qb is not None or model is not None and _other_share(words, att.lex):
                qa = _quietly(att, _quantity_speaker, left, s, att) or _quietly(att, _lead_quantity_speaker, left, s, att)
                c = left.rfind(": ") if qa is None else -1
                if c >= 0:  # "The port is split: 60% of dockers back X; a 40% minority of clerks oppose it"
                    qa = _quietly(att, _quantity_speaker, left[c + 2 :], s + c + 2, att)
                if (qa is not None and (qb is None or qa[2] != qb[2])) or (qa is None and (
                        _peek(att, left, s) or model is not None and (
                            _other_share(lower_words(left), att.lex)
                            or qb is not None and _model_peek(model, text, s, s + len(left), att, clause=False)))):
                    return [(s, s + len(left)), (s + right_off, e)]
        rules = not (att.lex.speech_verbs.isdisjoint(words) and "according" not in words
                     and _OTHER_FRAMES.isdisjoint(words))
        if not rules and (model is None or model.candidates.isdisjoint(words[:CLAUSE_WITHIN])):
            continue  # the second part names no source of its own: nothing to split
        a = b = None
        if rules:
            a = _peek(att, left, s)
            b = _peek(att, right, s + right_off)
            if b is None and a is not None and ", " in right:
                blanked = _blank_aside(right)
                if blanked is not None:
                    b = _peek(att, blanked, s + right_off)
        if b is None and model is not None and (not rules or a or m.group("appended")):
            b = _model_peek(model, text, s + right_off, e, att)
            if b and not rules:
                a = _peek(att, left, s)
        # "..., a charge the company denied": the appended noun phrase has a source of its own, and
        # the clause before may have none.
        if b and a != b and (a or m.group("appended")):
            if not _NO_SOURCE.isdisjoint(lower_words(left[:8])[:1]):
                continue  # "Not one state has endorsed it, and X said ...": the first part names no source
            return [(s, s + len(left)), (s + right_off, e)]
    return [(s, e)]


_NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
                 "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred")
_NUM = rf"(?:\d[\d,.]*|(?:{_NUMBER_WORDS})(?:-(?:{_NUMBER_WORDS}))?)"
# A quantity of a group as a clause's subject: "33% of voters", "About 4 in 10", "Two-thirds of
# Republicans", "a majority of members", "Most", "43" (a bare number: only right before the verb).
_QUANTITY = re.compile(
    r"(?:(?:but|and|yet|still|meanwhile|overall|however|by contrast|in contrast|in all|in total|while|whereas)\b,?\s+)?"
    r"(?P<q>(?:(?:about|nearly|almost|roughly|some|only|just|over|under|around|at least|fewer than|less than|"
    r"more than|close to|barely|well over|a full|fully)\s+)?"
    rf"(?:(?P<share>{_NUM}\s*(?:%|percent\b|per\s+cent\b)|{_NUM}\s+(?:in|of|out\s+of)\s+{_NUM}\b"
    rf"|(?:a|one|{_NUMBER_WORDS})[- ](?:thirds?|quarters?|fourths?|fifths?|half)\b|half\b"
    r"|(?:a|the)\s+(?:slim\s+|narrow\s+|clear\s+|large\s+|small\s+|\d+%\s+)?(?:majority|minority|plurality)\b"
    r"|most\b|many\b|some\b|a\s+few\b|few\b|several\b|a\s+handful\b)"
    r"|(?P<bare>\d[\d,]*)(?=\s+(?:\w+ly\s+)?(?:said|say|says|told|believe|believed|think|thought)\b)))",
    re.IGNORECASE)
# a short opening phrase before it, up to its comma: "Even so", "In the new poll", "Among Republicans"
_OPENING_PHRASE = re.compile(r"(?:[A-Za-z][\w’'.-]*\s+){0,5}[A-Za-z][\w’'.-]*")
# A cheap test of the words that may open _QUANTITY, before it: conjunctions, then a quantity
# ("most", "two-thirds"), or a modifier or article before one ("about 40", "a third").
_QUANTITY_CONJ = frozenset("but and yet still meanwhile overall however while whereas".split())
_QUANTITY_CORE = frozenset(("half most many some few several " + _NUMBER_WORDS.replace("|", " ")).split())
_QUANTITY_MODIFIERS = frozenset("about nearly almost roughly some only just over under around at fewer less more close "
                                "barely well fully a the".split())
_QUANTITY_AFTER_MODIFIER = frozenset("a half than to least full third thirds quarter quarters fourth fourths fifth fifths majority "
                                     "minority plurality few handful slim narrow clear large small".split())
# the first words of the opening phrases it may follow ("Even so, ", "Among Republicans, ")
_OPENING_WORDS = frozenset("in among of even overall nationally statewide across for at on by from still yet meanwhile "
                           "however now today combined together separately likewise similarly asked when".split())
_LEAD = re.compile(r"[ \t\n“\"‘'(—–-]*")
_LEAD_DIGIT = re.compile(r"[ \t\n“\"‘'(—–-]*\d")


def _may_open_quantity(frame: str, pos: int) -> bool:
    """Whether the words at ``pos`` may open a quantity of :data:`_QUANTITY` (a cheap test)."""
    ws = frame[pos : pos + 40].lower().split(None, 3)
    if ws and ws[0] in _QUANTITY_CONJ:
        ws = ws[1:]
    if not ws:
        return False
    w = ws[0]
    if w[:1].isdigit() or w in _QUANTITY_CORE or w.split("-", 1)[0] in _QUANTITY_CORE:
        return True
    if w in _QUANTITY_MODIFIERS and len(ws) > 1:
        n = ws[1]
        return n[:1].isdigit() or n in _QUANTITY_AFTER_MODIFIER or n.split("-", 1)[0] in _QUANTITY_CORE
    return False


_GROUP_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")
_OF_DETERMINERS = frozenset("the all those these its their his her our them us".split())
_QUANTITY_SKIP = frozenset("also still now already both each all have has had do did would will are were".split())
_QUANTITY_STOP = frozenset("what who whom which whose that where when how why".split())
_QUANTITY_VERBS: dict[int, frozenset[str]] = {}
# A phrase of place or poll after a quantity's group ("in a spring survey", "at the rally", "from Lima",
# "surveyed in May"): at most _PLACE_TAIL words, no punctuation, no relative word, no verb of _QUANTITY_VERBS.
_QUANTITY_PLACE = frozenset("in at from across among on within inside polled surveyed questioned interviewed".split())
_PLACE_TAIL = 7
_PLACE_DETERMINERS = frozenset("the a an this that its their his her our".split())


def _verb_after(frame: str, words: list[tuple[str, int, int]], after: int, verbs: frozenset[str]) -> bool:
    """Whether a verb of ``verbs`` follows ``frame[:after]``, after at most adverbs (a comma aside)."""
    rest = [w for w in words if w[1] >= after][:3]
    while rest and (rest[0][0].lower() in _QUANTITY_SKIP or _ly_adverb(rest[0][0])) and len(rest) > 1:
        rest = rest[1:]
    return bool(rest) and rest[0][0].lower() in verbs and not (frame[after : rest[0][1]].strip(" ,") and not all(
        x.lower() in _QUANTITY_SKIP or _ly_adverb(x) for x in frame[after : rest[0][1]].split()))


def _place_tail(frame: str, words: list[tuple[str, int, int]], k: int, verbs: frozenset[str]) -> int | None:
    """The end of the phrase of place that opens at ``words[k]`` (a word of :data:`_QUANTITY_PLACE`),
    right before a verb of ``verbs`` (after at most adverbs of :data:`_QUANTITY_SKIP`); None when the
    phrase runs on, holds punctuation or a relative word, or no such verb follows."""
    end = words[k][2]
    for j in range(k + 1, min(len(words), k + 2 + _PLACE_TAIL)):
        w, ws, we = words[j]
        low = w.lower()
        gap = frame[end:ws]
        if gap.strip(" ./-&") or low in _QUANTITY_STOP:
            return None
        if words[j - 1][0].lower() not in _PLACE_DETERMINERS and (
                low in verbs or low in _QUANTITY_SKIP or low.endswith("ly") and j > k + 1):
            return end if j > k + 1 else None  # (after a determiner, a noun: "at the rally", "in the survey")
        end = we
    return None


def _words_of(att: _Attributor, frame: str) -> list[str]:
    """The lowercase words of ``frame``: those ``frame_speaker`` found last when it read this frame."""
    last = att._last_words
    if last[0] is frame or last[0] == frame:
        return last[1]
    return lower_words(frame)


def _quantity_verbs(lex: Lexicon) -> frozenset[str]:
    memo = _QUANTITY_VERBS.get(id(lex))
    if memo is None:
        from .._lexicon import read_data_lines
        extra = {w.lower() for _, _, line in read_data_lines("attribution_quantity_verbs.txt") for w in line.split()}
        memo = _QUANTITY_VERBS[id(lex)] = frozenset(lex.speech_verbs | extra)
    return memo


# A poll, survey or study opening the statement as the subject of a verb of finding ("The poll showed
# that ...", "A Harbor Times poll in July found ...", "Polls show ..."): the finding's source, whatever
# speaker the clause it reports names ("... that 58 percent of riders said"). At most five words
# before the noun and six after it (a date, "released Sunday", "from Acme"), no comma: possessive
# quantifiers, no backtracking.
_FINDING_FIRST = frozenset("TAPNOSBEI")  # the first letters the patterns allow
_FINDING_SUBJECT = re.compile(
    r"(?:(?:But|And|Yet|So|Still) )?+"
    r"((?:(?:The|A|An|Another|This|That|These|Those|Its|Their|Our|New|Opinion|Some|Several|Both) )?+"
    r"(?:[\w/.&'’-]{1,40}+ ){0,5}?(?:[Pp]oll|[Pp]olls|[Pp]olling|[Ss]urvey|[Ss]urveys|[Ss]tudy|[Ss]tudies|[Rr]eport|[Rr]eports|[Aa]nalysis))"
    r"(?: (?!also\b|now\b|still\b|just\b)[\w/.&'’-]{1,40}+){0,6}?"
    r"(?P<rel>, (?:which|that)\b[^,;]{1,100}+,)? (?:also |now |still |just )?"  # ", which X won easily,"
    r"(?:show|shows|showed|shown|found|finds|find|suggests|suggested|indicates|indicated)\b")
# the main clause after _FINDING_IN's phrase (and a participle phrase after it), whose own subject
# finds: "In a phone poll of 600 ferry riders, taken in May, Harbor Research found ..."
_FINDING_MAIN = re.compile(
    r"(?: (?:conducted|released|taken|published)\b[^,;]{1,80}+,)? ((?:[A-Z][\w.&'’-]{0,40}+ ){1,4}+)"
    r"(?:also )?(?:found|finds|showed|shows|suggests|suggested)\b")
# ... or as the opening phrase of the statement: "In a statewide poll released Friday, 27% of riders said"
_FINDING_IN = re.compile(
    r"In ((?:(?:the|a|an|its|their|our|this|that|another) )?+"
    r"(?:[\w/.&'’-]{1,40}+ ){0,5}?(?:poll|polls|polling|survey|surveys|study|studies))"
    r"((?: (?!also\b|now\b|still\b|just\b)[\w/.&'’-]{1,40}+){0,6}?),")
# ... or closing it: "..., 61% to 30%, according to the poll." (searched from the last ", according to ")
_FINDING_ACCORDING = re.compile(
    r", according to ((?:(?:the|a|an|its|their|this|that|another) )?+"
    r"(?:[\w/.&'’-]{1,40}+ ){0,5}?(?:poll|polls|polling|survey|surveys|study|studies))"
    r"((?: [\w/.&'’-]{1,40}+){0,6}?)[.!?]?[\"'”’)]*\s*$")


def _finding_speaker(frame: str, offset: int, att: _Attributor) -> tuple[str, str, str] | None:
    """``(actor, kind, mention)`` of a poll, survey or study that opens ``frame`` as the subject of
    a verb of finding (see ``_FINDING_SUBJECT``); None when the frame opens otherwise."""
    m = _FINDING_SUBJECT.match(frame)
    mention = m.group(1) if m is not None else None
    if m is not None and m.group("rel"):  # "Exit surveys at the Lima vote, which ..., showed"
        mention = frame[m.start(1) : m.start("rel")]
    if m is None:
        m = _FINDING_IN.match(frame) if frame[:1] == "I" else None
        main = _FINDING_MAIN.match(frame, m.end()) if m is not None else None
        if main is not None:  # "In a poll of ..., Harbor Research found": the main clause's subject
            words = main.group(1).split()
            name, kind = att.classify(words, offset + main.start(1))
            return (name or " ".join(words)), (kind if name and kind not in ("self", "none") else "org"), \
                main.group(1).rstrip()
        if m is None:
            k = frame.rfind(", according to ")
            m = _FINDING_ACCORDING.match(frame, k) if k >= 0 else None
            if m is None:
                return None
        mention = frame[m.start(1) : m.end(2)].rstrip(".")  # with its tail: "a national poll released Monday"
    words = m.group(1).split()
    if any(w.lower() in att.lex.speech_verbs or w.lower() in _FUNCTION for w in words[1:-1]):
        return None  # "Ana Ruiz said the poll showed ...": a speaker before the poll
    name, kind = att.classify(words, offset + m.start(1))
    if not name or kind in ("self", "person"):
        name = " ".join(w for w in words if w.lower() not in ("the", "a", "an"))
    return name, "org", mention


def _lead_quantity_speaker(frame: str, offset: int, att: _Attributor) -> tuple[str, str, str] | None:
    """:func:`_quantity_speaker` of the main clause after a subordinate one ("While 86 percent ...,
    43 said the same of X"); None when the frame opens otherwise."""
    if frame[:1] not in "WAT" and not _LEAD.match(frame).end():  # While, Whereas, Although, Though
        return None
    lead = _LEAD_SPLIT.match(frame)
    if lead is None:
        return None
    return _quantity_speaker(frame[lead.end():], offset + lead.end(), att)


def _quantity_speaker(frame: str, offset: int, att: _Attributor) -> tuple[str, str, str] | None:
    """``(actor, "group", mention)`` of a clause whose subject is a share of a group and whose verb
    reports a saying or a position ("33% of voters say ...", "About 4 in 10 support ...", "Most
    said ..."): the actor is the group (the words after "of", or after the quantity: "Four in 10
    voters"; else the group named last in the article), the mention is the quantity with its group
    (PolNeAR's Source). None when ``frame`` (a statement or part of one, quotations masked) does
    not open so."""
    words = _words_of(att, frame)
    if not words:
        return None
    # cheap tests first: the first words (as frame_speaker read them), then the verbs
    i = 1 if words[0] in _QUANTITY_CONJ else 0
    w = words[i] if i < len(words) else ""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    c = frame[:1]
    if i and c.isalpha():  # "but 40% said": the digit after the conjunction
        c = frame[len(words[0]) : len(words[0]) + 2].lstrip()[:1]
    opens = c.isdigit() or (not c.isalpha() and _LEAD_DIGIT.match(frame) is not None) or w in _QUANTITY_CORE or (
        w in _QUANTITY_MODIFIERS and (w not in ("a", "the") or nxt in _QUANTITY_AFTER_MODIFIER))
    if not opens:
        if words[0] not in _OPENING_WORDS:
            return None
        comma = frame.find(",", 0, 70)  # a quantity after a short opening phrase, at most
        if comma < 0:
            return None
        after = frame[comma + 1 : comma + 24].lower().split(None, 2)
        if not after or not (after[0][:1].isdigit() or after[0] in _QUANTITY_CORE or after[0] in _QUANTITY_MODIFIERS
                             or after[0].split("-", 1)[0] in _QUANTITY_CORE or after[0] in _QUANTITY_CONJ):
            return None
    verbs = _QUANTITY_VERBS.get(id(att.lex)) or _quantity_verbs(att.lex)
    if verbs.isdisjoint(words):
        return None
    lead = _LEAD.match(frame).end()
    m = _QUANTITY.match(frame, lead) if opens and _may_open_quantity(frame, lead) else None
    if m is None:
        # after a short opening phrase: "Even so, ", "In the new poll, ", "Among Republicans, "
        comma = frame.find(",", lead, lead + 60)
        if comma < 0 or frame.count(" ", lead, comma) > 5:
            return None
        at = comma + 1 + len(frame[comma + 1 : comma + 3]) - len(frame[comma + 1 : comma + 3].lstrip())
        if not _may_open_quantity(frame, at) or not _OPENING_PHRASE.fullmatch(frame, lead, comma):
            return None
        m = _QUANTITY.match(frame, at)
        if m is None:
            return None
    pos = m.end("q")
    words = [(w.group(), w.start(), w.end()) for w in _GROUP_WORD.finditer(frame, pos, min(len(frame), pos + 120))]
    # the text between the words must be blank (or a comma with an apposition: "A quarter of renters, 26%,")
    group: list[tuple[str, int, int]] = []
    k = 0
    if words and words[0][0].lower() == "of" and not frame[pos : words[0][1]].strip():
        k = 1
        while k < len(words) and words[k][0].lower() in _OF_DETERMINERS and k < 3:
            k += 1
    end_q = pos
    while k < len(words) and len(group) < 3:
        w, ws, we = words[k]
        gap = frame[(group[-1][2] if group else (words[k - 1][2] if k else pos)) : ws]
        if w.lower() in _QUANTITY_STOP:
            return None  # "Most of what visitors see": no group speaks
        if gap.strip() or w.lower() in verbs or w.lower() in _QUANTITY_SKIP or w.lower().endswith("ly"):
            break
        group.append(words[k])
        k += 1
    if group:
        end_q = group[-1][2]
    if words and k == 1 and words[0][0].lower() == "of":
        return None  # "of" and no group after it
    # an apposition of a number: "A quarter of renters, 26%, say"
    app = re.match(r",\s*[\d.,]+\s*(?:%|percent)\s*,", frame[end_q:])
    after = end_q + (app.end() if app else 0)
    if not _verb_after(frame, words, after, verbs):
        if app or not group:
            return None
        # a phrase of place or poll after the group, longer than the group's three words ("Most
        # analysts in Lima say" is read whole): "About 35 percent of ferry riders in a spring harbour survey call ..."
        # (the mention runs over it, as PolNeAR's Source does; the group before it speaks)
        k0 = k - len(group)
        at = next((i for i in range(k0 + 1, min(k + 1, len(words)))
                   if words[i][0].lower() in _QUANTITY_PLACE and not frame[words[i - 1][2] : words[i][1]].strip()), None)
        tail = _place_tail(frame, words, at, verbs) if at is not None else None
        if tail is None or not _verb_after(frame, words, tail, verbs):
            return None
        group = group[: at - k0]
        end_q = tail
    if m.group("bare") and group:
        return None
    mention = frame[m.start("q") : end_q].strip()
    if group:
        name, kind = att.classify([g[0] for g in group], offset + group[0][1])
        if kind == "self":
            return None
        return name or " ".join(g[0] for g in group), "group", mention
    last = att.doc.last_group
    if last is not None and _may_open_quantity(last.name, 0):
        last = None  # a share named before ("42% say ..."), not a group: "Two-thirds support" names its own
    return (last.name if last is not None else mention), "group", mention


def _quietly(att: _Attributor, find, *args, **kwargs):
    """``find(*args, **kwargs)``, leaving the document's last person and group as they were."""
    saved = (att.doc.last_person, att.doc.last_group)
    found = find(*args, **kwargs)
    att.doc.last_person, att.doc.last_group = saved
    return found


def _quiet_speaker(att: _Attributor, frame: str, offset: int, **kwargs):
    """:meth:`_Attributor.frame_speaker`, leaving the last person and group as they were."""
    return _quietly(att, att.frame_speaker, frame, offset, **kwargs)


def _model_peek(model, text: str, start: int, end: int, att: _Attributor, clause: bool = True) -> str | None:
    found = _quietly(att, model.clause_speaker if clause else model.speaker, text, start, end, att)
    return found[0] if found else None


def _peek(att: _Attributor, frame: str, offset: int) -> str | None:
    found = _quiet_speaker(att, frame, offset)
    return found[0] if found else None
