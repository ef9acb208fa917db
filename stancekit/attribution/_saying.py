"""Sayings that say nothing: the predicates that decide that a speech word found by the rules
reports no saying, so that its sentence is the article's own voice (SPEC section 4) or names no
source.

- :func:`_speech_without_content`: "spoke" with no topic or position ("He spoke to the mayor for
  twenty minutes.").
- :func:`_narrated_action` (with :func:`_agreed_to_act`, :func:`_agreed_decision`): an action told
  with a speech word: a decision ("agreed on Monday to hold a vote"), a briefing, questions
  answered, an arrival expected, money raised, a reporter's credit.
- :func:`_no_saying` (with :func:`_whatever_saying`, :func:`_may_call_meeting`): a concession
  ("whatever the council says,"), a power to convene ("any member may call a meeting"), a journey
  ("flew back to Oslo").
- :func:`_relative_proposal`, :func:`_compared_saying`, :func:`_conditional_saying`,
  :func:`_text_says_little`: a proposal recalled in a relative clause ("the plan the mayor first
  proposed in May"), a comparison ("longer than the board admits"), a supposed condition ("if the
  council accepts that"), a text that says nothing ("The draft says little about the fund.").
- :func:`_negative_subject`: "Nobody in Oslo wants ...": no one speaks.
- :func:`_seat_action`: a seat of power's action, not its words ("Oslo will host the talks").
- :func:`_states_position`: whether a stance phrase's particle or object follows its verb
  ("played the risk down").

Each reads the sentence's ``(token, start, end)`` triples (:func:`stancekit._segment._tokens`) at
the speech word's index ``vi`` (or its subject's start ``i``, or end ``k``). Out of scope: finding
the speech word and its speaker and acting on these answers (``_Attributor`` in
:mod:`stancekit._segment`), the subject's noun phrase (:mod:`stancekit.attribution._phrases`), the
learned model's own reading of such sentences (:mod:`stancekit.attribution._model`). Moved out of
``_segment.py`` unchanged (issue 13, item 4).
"""

from __future__ import annotations

from .._lexicon import Lexicon, read_data_lines
from ._coref import _DETERMINERS, _FUNCTION, _PRONOUNS
from ._model import _NEGATIVE_OF
from ._phrases import _BE, _HEDGES, _OBJECT_PREPOSITIONS, _POSSESSIVE_DETERMINERS, _QUOTE_MARKS


# The forms of "agree" (_narrated_action), and the words that open an occasion or an object ("his
# speech", "a meeting": _narrated_action, _may_call_meeting; also _segment's _used_to).
_AGREE = frozenset("agree agrees agreed agreeing".split())
_OCCASION_OPENERS = frozenset("his her its their the a an this that".split())

# Particles of a stance phrase ("played down", "played the risk up", "spelled out", "brushed it aside"):
# close to their verb, with no gerund between ("played a part in setting up" states nothing).
_PHRASE_PARTICLES = frozenset(("down", "up", "out", "aside"))


_AS_ROLES = frozenset("chairman chairwoman chair head host president minister mayor governor ambassador envoy "
                       "member guest".split())


def _states_position(tokens: list[tuple[str, int, int]], vi: int, words: frozenset[str]) -> bool:
    """Whether a word of ``words`` follows the stance phrase verb at ``vi`` within eight words (a
    particle within five, with no "-ing" word before it; "as" not before a role: "presented the
    plan as chairman" states no position)."""
    gerund = False
    for k in range(vi + 1, min(len(tokens), vi + 9)):
        w = tokens[k][0].lower()
        if w in words and (w not in _PHRASE_PARTICLES or (k - vi <= 5 and not gerund)):
            if w == "as" and k + 1 < len(tokens) and tokens[k + 1][0].lower() in _AS_ROLES:
                return False  # "presented the priorities as chairman": a role, not a verdict
            return True
        gerund = gerund or w.endswith("ing")
    return False


# The article's own voice (issue #13, ninth round): "spoke" that reports no saying.
_SPEAK = frozenset("speak speaks spoke speaking spoken".split())
_SPEAK_TOPIC = frozenset("of about out up on as against".split())  # "spoke of", "spoke out": a topic or a position
_CLAUSE_ENDS = frozenset(". , ; : ? ! — –".split())
_IN_FAVOUR = frozenset("favour favor support defence defense".split())  # "have spoken in favour"
_FOR_TIME = frozenset("the a an about nearly almost more over less itself two three four five ten fifteen "
                      "twenty thirty forty fifty sixty ninety several few".split())  # "spoke for 77 minutes", "for twenty minutes"
_PARTICIPLE_LINKS = frozenset(("before", "after", "while", "by"))  # "..., while saying": a link to the clause's subject
_SAYING_ING = frozenset("saying arguing insisting adding noting warning calling telling stressing claiming".split())


_TIME_NOUNS = frozenset("week weeks month months day days end start beginning middle morning evening afternoon "
                        "night year years spring summer autumn winter".split())
_ON_PLACES = frozenset("floor floors island sidelines phone telephone stage deck".split())


def _on_a_place(tokens: list[tuple[str, int, int]], k: int) -> bool:
    """Whether the words from ``k`` (after "on") name a place within four words ("on the third
    floor", "on the Hofburg's top floor", "on the sidelines", "on the phone"), not a topic."""
    return any(tokens[j][0].lower() in _ON_PLACES for j in range(k, min(len(tokens), k + 5)))


# time adverbs after "spoke": when, not how ("spoke immediately afterwards", "spoke shortly after noon")
_SPEAK_WHEN = frozenset("immediately shortly subsequently finally recently previously".split())


def _speech_without_content(tokens: list[tuple[str, int, int]], vi: int, calendar: frozenset[str] = frozenset()) -> bool:
    """Whether "spoke" (or "speak", "speaking" ...) at ``vi`` gives no topic or position up to the
    end of its clause, which makes its sentence a narrated action (SPEC section 4): "He spoke to Ana
    Ruiz in Lima.", "spoke for twenty minutes", "spoke next for the Greens". Not "spoke about the
    plan", "spoke highly of" (a time adverb is no manner: "spoke immediately afterwards" is an action),
    "speaks for millions", "spoke in favour", "speak in one voice, arguing
    ...", "Journalists who spoke to the Monitor see ...", nor a sentence with a quotation or a
    colon after the verb. "on" before a day, a month or a number (a word of ``calendar``) is a date,
    not a topic: "He spoke to Ana Ruiz in Lima on May 4." (an interview's closing credit)."""
    n = len(tokens)
    k = vi + 1
    if vi >= 1 and tokens[vi - 1][0].lower() == "who":
        return False  # the main clause is theirs
    if any(t[0] == ":" or t[0].startswith("_") for t in tokens[k:]):
        return False  # "Growing louder as she spoke, Ruiz continued: ..."
    if k < n and tokens[k][0].endswith("ly") and tokens[k][0] != "early" and tokens[k][0] not in _SPEAK_WHEN:
        return False  # "spoke highly of", "spoke briefly, ..."
    while k < n and tokens[k][0] not in _CLAUSE_ENDS:
        t = tokens[k][0].lower()
        if t in _SPEAK_TOPIC and not (t == "on" and k + 1 < n and (tokens[k + 1][0].lower() in calendar
                                                                  or tokens[k + 1][0][:1].isdigit()
                                                                  or _on_a_place(tokens, k + 1))) \
                and not (t == "of" and tokens[k - 1][0].lower() in _TIME_NOUNS):
            # ("in the second week of May", "in his office on the third floor": a time or a place,
            # not a topic; "spoke of", "speak the language of", "with admiration of" are)
            return False
        if t == "in" and k + 1 < n and tokens[k + 1][0].lower() in _IN_FAVOUR:
            return False
        if t == "for" and k + 1 < n and not (tokens[k + 1][0][:1].isdigit() or tokens[k + 1][0].lower() in _FOR_TIME):
            return False  # "speaks for millions of voters", "spoke for Ruiz": on someone's behalf
        k += 1
    return not (k + 1 < n and tokens[k][0] == "," and tokens[k + 1][0] in _SAYING_ING)


_AGREE_PP = frozenset("in on at during after before with without principle unanimously formally late early last "
                      "this the a an their its his her of for by".split())  # "agreed in principle on Saturday to"
_BRIEFED = frozenset(("briefed", "briefs", "brief"))
_EXPECTED_ACTS = frozenset("attend arrive travel meet gather visit host chair sign fly return land discuss settle adopt take "
                            "set present refer grow raise".split())
_EXPECTED_AT = frozenset("in on at back here there soon later .".split())  # "is expected in Athens on Tuesday"
_PUT = frozenset(("put", "puts", "putting"))
_PUT_ON = frozenset(("on", "onto"))
_PUT_AT = frozenset("head top centre center heart front forefront".split())
_PUT_PLACES = frozenset("website site web internet agenda table paper hold display".split())
_RAISE = frozenset(("raise", "raises", "raised", "raising"))
# money raised: "raised $2 million", "raising more than 40,000 dollars", "raised money for X" (not "raised concerns")
_MONEY = frozenset("money funds cash millions billions dollars donations".split())
_ABOUT = frozenset("more less than over under about around roughly nearly almost some at least another an additional "
                   "a further just only".split())
_REPORTED_FROM = frozenset(("reported", "reporting", "reports"))
_ANSWERED = frozenset(("answered", "answers", "answer", "answering"))
_QUESTION_OWNERS = frozenset("the their his her its our reporters' journalists' members' a few some several many "
                             "more written further".split())  # "answered their questions", "answered a few questions"
_NARRATED = _AGREE | _BRIEFED | _PUT | _RAISE | _REPORTED_FROM | _ANSWERED | {"expected"}  # the words _narrated_action reads


def _agreed_to_act(tokens: list[tuple[str, int, int]], vi: int) -> bool:
    """Whether "agreed" at ``vi`` is followed, across a time, a place or "in principle", by "to" and a
    verb: a decision ("agreed in principle on Saturday to hold a summit"; annotation guide, adjudicated
    case 13), as "agreed to" right after it is; not "agreed in 2008 to a new shift rota"."""
    n = len(tokens)
    k = vi + 1
    while k < n and k < vi + 12 and (tokens[k][0].lower() in _AGREE_PP or tokens[k][0][:1].isupper()
                                      or tokens[k][0][:1].isdigit() or tokens[k][0] == ","):
        k += 1
    return k > vi + 1 and k + 1 < n and tokens[k][0] == "to" and tokens[k + 1][0].islower() \
        and tokens[k + 1][0] not in _POSSESSIVE_DETERMINERS


_DECISION_MODALS = frozenset("would will should shall".split())
# what a meeting decides to do ("that a summit would be held", "that their leaders should meet")
_DECIDED = frozenset("held meet gather convene hold host chair take go open begin start sit reconvene".split())
_DECISION_SKIP = frozenset("be then next also again".split())


def _agreed_decision(tokens: list[tuple[str, int, int]], vi: int) -> bool:
    """Whether "agreed" at ``vi`` is followed, across a time, a place or an aside ("agreed, without a
    vote, that"), by "that" and a clause that decides a meeting ("that a summit would be held in
    May", "that their leaders should meet before the year is out", "that Velden would chair the
    board in 2012"): a collective decision narrated as a meeting's outcome (annotation guide,
    adjudicated case 13). Not a judgement ("agreed that a summit could at least reaffirm ...",
    "agreed that the plan was premature")."""
    n = len(tokens)
    k = vi + 1
    while True:
        while k < n and k < vi + 24 and tokens[k][0] != "that":
            if tokens[k][0] in (".", ";", ":", "?", "!") or tokens[k][0].startswith("_") or tokens[k][0] in _QUOTE_MARKS:
                return False
            k += 1
        if k >= n or k >= vi + 24 or tokens[k][0] != "that":
            return False
        p = tokens[k - 1][0]
        if k == vi + 1 or p == "," or p.lower() in _AGREE_PP or p[:1].isupper() or p[:1].isdigit():
            break  # the decision's clause ("agreed in May that", "agreed, without a vote, that")
        if not any(t[0] == "," for t in tokens[vi + 1 : k]):
            return False  # "agreed with the view that", "agreed a plan that": no clause of the decision
        k += 1  # "agreed, after a procedure that no one broke, that": a relative inside the aside
    for m in range(k + 1, min(n - 1, k + 14)):
        w = tokens[m][0]
        if w in _CLAUSE_ENDS and w != ",":
            return False
        if w in _DECISION_MODALS:
            j = m + 1
            while j < n and j < m + 4 and (tokens[j][0] in _DECISION_SKIP or tokens[j][0].endswith("ly")):
                j += 1
            return j < n and tokens[j][0] in _DECIDED
    return False


def _narrated_action(tokens: list[tuple[str, int, int]], vi: int, low: str) -> bool:
    """Whether the speech word at ``vi`` narrates an action, not a saying (SPEC section 4): a decision
    ("agreed in principle on Saturday to hold a summit"), a briefing without its content ("briefed
    the council on the plans"; not "briefed reporters that ..."), questions answered without their
    answers ("answered their questions for two hours"; not "answered that ...", "answering
    questions about X"), an arrival expected ("is expected in
    Athens on Tuesday", "are expected back at the table"; not "is expected to", which PolNeAR counts),
    money raised ("has raised $2 million", "raising money for"; not "raised concerns") or a person
    brought up ("born and raised in Ohio"), a reporter's credit ("Ana Ruiz reported from Lima.",
    "contributed reporting"; not "reported that ...")."""
    n = len(tokens)
    nxt = tokens[vi + 1][0].lower() if vi + 1 < n else ""
    if low in _AGREE:
        return _agreed_to_act(tokens, vi) or _agreed_decision(tokens, vi)
    if low in _BRIEFED:
        if vi < 1 or tokens[vi - 1][0].lower() in _BE:
            return False
        k = vi + 1
        while k < n and tokens[k][0] not in _CLAUSE_ENDS and tokens[k][0] != "that":
            k += 1
        return k == n or tokens[k][0] not in ("that", ":")  # not "briefed reporters that ..."
    if low in _ANSWERED:
        # questions answered without their answers: "answered their questions for two hours",
        # "answered questions from members on the bill" (not "answered that ...", "answered the
        # critics", "answered questions, saying ...")
        if vi < 1 or tokens[vi - 1][0].lower() in _BE:
            return False
        k = vi + 1
        while k < n and k < vi + 4 and tokens[k][0].lower() in _QUESTION_OWNERS:
            k += 1
        if k >= n or tokens[k][0].lower() != "questions":
            return False
        while k < n and tokens[k][0] not in _CLAUSE_ENDS and tokens[k][0] not in ("that", "about") \
                and not tokens[k][0].startswith("_"):
            k += 1
        return (k == n or tokens[k][0] != "about") and (k == n or tokens[k][0] not in ("that", ":") and not tokens[k][0].startswith("_")) \
            and not (k + 1 < n and tokens[k][0] == "," and tokens[k + 1][0] in _SAYING_ING)
    if low == "expected":
        if vi < 1:
            return False
        if tokens[vi - 1][0].lower() in _BE or tokens[vi - 1][0] == "also":
            if nxt in _EXPECTED_AT:
                return True
            # "are expected to attend the summit": an arrival or a meeting planned, not a saying;
            # "is expected to present its plan", "to set out", "to raise the idea there", "to refer
            # to it", "is expected to grow": the author's forecast of a step (fixtures: null in
            # every case; "to speak", "to report" stay, PolNeAR counts them)
            return nxt == "to" and vi + 2 < n and tokens[vi + 2][0] in _EXPECTED_ACTS
        # "the delegates expected at the conference": a reduced relative, an arrival
        return nxt in ("at", "in") and tokens[vi - 1][0].isalpha() and tokens[vi - 1][0].islower() \
            and tokens[vi - 1][0].endswith("s") and vi + 2 < n and tokens[vi + 2][0].lower() in _OCCASION_OPENERS
    if low in _RAISE:  # money raised, or a person brought up ("born and raised in Ohio")
        if vi >= 2 and tokens[vi - 1][0] == "and" and tokens[vi - 2][0].lower() == "born":
            return True
        k = vi + 1
        while k < n and k < vi + 4 and tokens[k][0].lower() in _ABOUT:
            k += 1
        return k < n and (tokens[k][0][:1] in "$£€" or tokens[k][0][:1].isdigit() or tokens[k][0].lower() in _MONEY)
    if low in _REPORTED_FROM:  # a reporter's credit: "Ana Ruiz reported from Lima.", "contributed reporting"
        return nxt == "from" or (low == "reporting" and vi >= 1 and tokens[vi - 1][0].lower() == "contributed")
    if low in _PUT and nxt != "it":
        # "put the text on its website", "has put European security on the agenda", "put its name
        # to the declaration": a thing placed, not words ("as she put it", "put forward", "put the
        # cost at" stay sayings)
        aside = False
        for k in range(vi + 1, min(n, vi + 15)):
            w = tokens[k][0].lower()
            if w == "," and (aside or k + 1 < n and tokens[k + 1][0] == "not"):
                aside = not aside  # "put the talks, not the draft, at the head of its list"
                continue
            if w == "at" and k + 2 < n and tokens[k + 1][0].lower() == "the" and tokens[k + 2][0].lower() in _PUT_AT \
                    and k + 3 < n and tokens[k + 3][0] == "of":
                return True  # "has put the talks at the head of its list", "at the top of the agenda"
            if w in _CLAUSE_ENDS or w in ("that", "forward", "at"):
                return False
            if w == "online":
                return True
            if w in _PUT_ON:
                j = k + 1  # past "the", "its", "the Kremlin's"
                while j < min(n, k + 5) and (tokens[j][0].lower() in _OCCASION_OPENERS or tokens[j][0][:1].isupper()
                                             or tokens[j][0] in ("'s", "’s")):
                    j += 1
                return j < n and tokens[j][0].lower() in _PUT_PLACES
            if w in ("name", "names") and (k + 1 == n or tokens[k + 1][0] == "to" or tokens[k + 1][0] in _CLAUSE_ENDS):
                return True  # "put its name to the declaration", "put their names to", "has put its name."
    return False


# proposals, promises and wishes recalled in a relative clause (_relative_proposal); not "said",
# "called", "predicted", "expected", which PolNeAR counts there ("the plan that critics called unfair")
_PROPOSALS = frozenset("proposed promised pledged floated offered wants wanted want hoped hopes hope asked asks "
                       "accepted accepts admits allow allows".split())
_RELATIVE_WORDS = frozenset(("that", "which", "what"))
_GAP = frozenset(". , ; : ) in at on during before after since until first last long".split())
_NOT_A_HEAD = frozenset("so such now fact clear sure likely possible true certain".split())


def _relative_proposal(tokens: list[tuple[str, int, int]], i: int, vi: int, lex: Lexicon) -> bool:
    """Whether the proposal, promise or wish at ``vi``, whose subject starts at ``i``, is in a
    relative clause whose object is the noun the clause hangs on, with nothing after the verb but a
    time, a place or the clause's end ("the treaty that Medvedev first proposed in Berlin", "the
    package his government had promised in Madrid", "which is what Medvedev proposed in 2008", "what
    its critics asked.", "the plan that many delegations had wanted.", "principles that all the
    members accepted long ago", "which most of Lima wants on the agenda"): the sentence is the
    author's (annotation guide, adjudicated cases 12 and 13)."""
    if i >= 3 and tokens[i - 1][0] in ("of", "in") and tokens[i - 2][0].lower() in _QUANTIFIERS:
        i -= 2  # "most of Lima", "many in Lima": the quantifier opens the subject
    elif i >= 3 and tokens[i - 1][0] in _QUANTIFIERS:
        i -= 1  # "all fifty-six states", "all the members"
    if i < 2:
        return False
    nxt = tokens[vi + 1][0].lower() if vi + 1 < len(tokens) else "."
    if nxt not in _GAP and nxt not in lex.calendar and not nxt[:1].isdigit():
        return False
    first = tokens[i][0]
    if not (first[:1].isupper() or first.lower() in _POSSESSIVE_DETERMINERS or first.lower() in _PRONOUNS
            or first in _QUANTIFIERS):
        return False
    w = tokens[i - 1][0]
    prev = tokens[i - 2][0]
    if w.lower() in _RELATIVE_WORDS:
        return w != "that" or (prev.isalpha() and prev.lower() not in _NOT_A_HEAD
                               and prev.lower() not in lex.speech_verbs and prev.lower() not in _FUNCTION)
    # without "that": "the package his government had promised", "the form Medvedev proposed:"
    return w.isalpha() and w.islower() and w not in _FUNCTION and w not in lex.speech_verbs \
        and prev.lower() in _POSSESSIVE_DETERMINERS


_QUANTIFIERS = frozenset("many several some most all few both".split())  # lowercase: inside the sentence
_SUBORDINATE_WORDS = frozenset("that which what".split())
_AS = frozenset(("as",))


def _opener_before(tokens: list[tuple[str, int, int]], i: int, stop: frozenset[str], possessives: bool = False) -> int:
    """The index of the word that may open the clause of the subject starting at ``i``: back from
    ``i - 1`` over at most three words of the subject's phrase (determiners, "in", "of", lowercase
    words that are no function words, and with ``possessives`` the possessive determiners), to the
    first word of ``stop`` ("that the ferry union", "as several captains in Lima"), and no further
    than index 0 (:func:`_subordinate_saying`, :func:`_rejected_claim`)."""
    k = i - 1
    while k > 0 and k >= i - 3 and tokens[k][0].isalpha() and tokens[k][0].lower() not in stop and (
            tokens[k][0].lower() in _DETERMINERS or tokens[k][0] in ("in", "of")
            or possessives and tokens[k][0].lower() in _POSSESSIVE_DETERMINERS
            or tokens[k][0].islower() and tokens[k][0] not in _FUNCTION):
        k -= 1
    return k


# wishes, hopes, expectations, acceptance, agreement, regard, mention and naming (present tense), not
# "said", "called", "described", "told", "asked", which PolNeAR counts in a relative clause too
_RELATIVE_STANCES = frozenset(
    "want wants wanted hope hopes hoped expect expects expected accept accepts accepted agree agrees agreed "
    "regard regards regarded mention mentions mentioned promise promises promised intend intends intended "
    "fear fears think thinks thought call calls blamed noted put credit credits credited present presents presented "
    "cite cites cited".split())


def _subordinate_saying(tokens: list[tuple[str, int, int]], i: int, vi: int, low: str) -> bool:
    """Whether the wish, hope, expectation, agreement, regard, mention or naming at ``vi``, whose
    subject starts at ``i``, stands in a relative clause opened by "that", "which" or "what" right
    before its subject, whatever follows the verb ("the summit that the chair hopes to hold in
    May", "a format that the board calls 'open'", "what the delegates call the Lima talks", "a
    paragraph which the two delegations could not agree how to word", "a form that Lima accepts
    without the clause"): the sentence is the author's (annotation guide, adjudicated case 12),
    and the cue is not the learned model's either.

    Kept as the source's: "in which he ..." (a speech or a text in which someone speaks), and a
    pronoun "he"/"she" calling ("what she called 'a fresh start'": the speaker the sentence is
    about). Out of scope: verbs of saying ("a trial that observers said fell short": PolNeAR
    counts those as attributions, the guide does not; :func:`_relative_proposal` takes proposals
    with nothing after them), "when"/"where" clauses, reduced relatives without the word ("the
    questions the allies put"), "as critics claim"."""
    if i < 1 or low not in _RELATIVE_STANCES:
        return False
    subject = tokens[i][0].lower()
    # "that the ferry union calls", "that few in Lima expected", "that his government presented"
    k = _opener_before(tokens, i, _SUBORDINATE_WORDS, possessives=True)
    w = tokens[k][0].lower()
    if w not in _SUBORDINATE_WORDS:
        return False
    if w == "which" and k >= 1 and tokens[k - 1][0].lower() == "in":
        return False
    return not (low in ("call", "calls") and subject in ("he", "she"))


def _compared_saying(tokens: list[tuple[str, int, int]], i: int | None, vi: int) -> bool:
    """Whether the speech verb at ``vi`` closes a comparison with no content of its own ("better
    than its critics predicted", "longer than the board admits", "more than anyone in Lima expected
    when ...", "faster than many had expected", "more care than some of its critics allow",
    "further than many in Lima expected it to go"): the author's measure of a fact, the article's
    own voice (annotation guide, adjudicated case 12). The subject (starting at ``i`` when known)
    lies between "than" and the verb, with no clause end between. Not a verb with a clause or an
    object of its own ("than the board said it would"), nor a number compared ("more than 200
    residents said in a letter ...": the residents speak)."""
    n = len(tokens)
    t = None
    for k in range(vi - 1, max(0, vi - 9), -1):
        w = tokens[k][0]
        if w in _CLAUSE_ENDS or w in _RELATIVE_WORDS or w.startswith("_"):
            break
        if w.lower() == "than":
            t = k
            break
    if t is None or t + 1 >= vi or (i is not None and i <= t):
        return False
    after = tokens[t + 1][0].lower()
    if after[:1].isdigit() or after in _COUNT_WORDS:
        return False  # "more than 200 residents said ...": a number of speakers, not a comparison
    nxt = tokens[vi + 1][0].lower() if vi + 1 < n else "."
    if nxt in ("it", "them") and vi + 2 < n and tokens[vi + 2][0] == "to":
        return True  # "further than many expected it to go"
    return nxt in _CLAUSE_ENDS or nxt in _WHEN_AFTER


_COUNT_WORDS = frozenset("a an one two three four five six seven eight nine ten dozen dozens hundred hundreds "
                         "thousand thousands half".split())
# a text that "says nothing about" something: the author's reading of a text, not its words
_TEXT_NOUNS = frozenset("text texts draft drafts record declaration speech treaty charter document principles "
                        "article articles bill law code plan resolution agreement programme program".split())
_MOTION = frozenset("fly flew flies flying flown come comes came coming drive drove driven driving drives travel "
                    "travelled traveled travels head headed heads sail sailed sails".split())
_BACK_AFTER = frozenset("to from home . , ;".split())  # "flew back to Lima", "came back home"
_BACK_PLACE = frozenset("in at on to from home . , ; where".split())  # "was back in Lima", "is back at work"
# a target's history recalled: "X first proposed the treaty in a speech in Berlin" (guide, adjudicated case 13)
_FIRST_PUT = frozenset("proposed floated spoke suggested raised put outlined unveiled mooted aired called".split())


def _whatever_saying(tokens: list[tuple[str, int, int]], vi: int) -> bool:
    """Whether the speech verb at ``vi`` closes a concession with no content of its own, opened by
    "whatever" within eight words before it ("whatever Lima says,", "whatever the louder voices in
    some capitals have claimed."): the author sets the saying aside, the sentence is the author's
    (annotation guide, adjudicated case 12). Not "whatever Lima says about the toll" nor "whatever
    it is, Tom Berg said"."""
    nxt = tokens[vi + 1][0] if vi + 1 < len(tokens) else "."
    if nxt not in _CLAUSE_ENDS:
        return False
    for k in range(vi - 1, max(-1, vi - 9), -1):
        w = tokens[k][0]
        if w in _CLAUSE_ENDS or w.startswith("_"):
            return False
        if w.lower() == "whatever":
            return k < vi - 1
    return False


_MAY = frozenset("may can could might would will must shall should".split())
_LET = frozenset("let lets letting allow allows allowing allowed entitle entitles".split())
_MEETINGS = frozenset("conference conferences meeting meetings session sessions summit vote votes election elections "
                      "referendum consultations consultation talks hearing inquiry".split())


def _may_call_meeting(tokens: list[tuple[str, int, int]], vi: int) -> bool:
    """Whether "call" at ``vi`` is a power to convene a meeting, after a modal or "let(s) X" ("any
    party may call a conference", "would let Lima call a meeting of the others", "lets any member
    call for consultations"): what a text allows, no saying (SPEC section 4). Not "called a
    session" (PolNeAR counts a meeting called with its purpose), nor "call for a new port" or "call
    the plan a trap"."""
    n = len(tokens)
    j = vi - 1
    while j >= 0 and tokens[j][0].lower() in ("also", "then", "still", "even", "not", "only"):
        j -= 1
    if j < 0:
        return False
    if tokens[j][0].lower() not in _MAY and not any(tokens[k][0].lower() in _LET for k in range(max(0, j - 4), j)):
        return False
    k = vi + 1
    if k < n and tokens[k][0].lower() == "for":
        k += 1
    while k < n and k < vi + 5 and (tokens[k][0].lower() in _OCCASION_OPENERS or tokens[k][0].lower() in
                                    ("special", "emergency", "new", "extraordinary", "snap", "early", "urgent")):
        k += 1
    return k < n and tokens[k][0].lower() in _MEETINGS


def _no_saying(tokens: list[tuple[str, int, int]], vi: int, low: str) -> bool:
    """Whether the speech word ``low`` at ``vi`` says nothing (SPEC section 4), so that neither the
    rules nor the learned model take it: a target's history recalled ("the treaty Medvedev first
    proposed in Berlin", guide case 13), the author's concession ("whatever Lima says,"), a power
    to convene ("any party may call a conference", "lets Lima call for talks") or a journey ("to fly
    back to Lima", "came back from Lima", "was back in Lima within days": an adverb, not support)."""
    if low in _FIRST_PUT and vi >= 2 and tokens[vi - 1][0] == "first" and tokens[vi - 2][0] not in _CLAUSE_ENDS:
        return True
    if low == "call" and _may_call_meeting(tokens, vi):
        return True
    if low == "back" and vi >= 1 and tokens[vi - 1][0].lower() in _MOTION \
            and (vi + 1 == len(tokens) or tokens[vi + 1][0].lower() in _BACK_AFTER):
        return True
    if low == "back" and vi >= 1 and tokens[vi - 1][0].lower() in _BE \
            and (vi + 1 == len(tokens) or tokens[vi + 1][0].lower() in _BACK_PLACE):
        return True  # "was back in Lima within days", "is back at work": a return, not support
    return _whatever_saying(tokens, vi)


_NEGATIVE_SUBJECTS = frozenset("nobody none neither".split())


def _bare_few(tokens: list[tuple[str, int, int]], f: int) -> bool:
    """Whether "few" at ``f`` stands without "a", "quite", "the", "very" or "not" before it ("few
    delegations", not "a few delegations", "the few who", "very few")."""
    return f == 0 or tokens[f - 1][0].lower() not in ("a", "quite", "the", "very", "not")


def _negative_subject(tokens: list[tuple[str, int, int]], i: int) -> bool:
    """Whether the subject starting at ``i`` is negative: "No member", "no state outside the bloc",
    or a place or a group after "nobody in", "none of", "no one in" ("Nobody in Lima wants ..."):
    no one speaks (SPEC section 4), not the place or the group. A bare "few" ("few delegations
    expected another", "few in Lima wanted it"; not "a few", "very few") is read so too: a doubt
    recalled in the author's sentence, null in every labelled case (annotation guide, adjudicated
    case 15 leaves its stance to the paragraph)."""
    first = tokens[i][0].lower()
    if first in ("nobody", "none") or first == "no" and i + 1 < len(tokens) and tokens[i + 1][0].lower() != "one" \
            and tokens[i + 1][0].isalpha():
        return True  # "None of the captains", "No member"
    if first == "few" and _bare_few(tokens, i):
        return True  # "few delegations in Lima expected another": hardly anyone, not the delegations
    if i >= 2 and tokens[i - 1][0].lower() in _NEGATIVE_OF:
        w = tokens[i - 2][0].lower()
        if w == "few" and _bare_few(tokens, i - 2):
            return True  # "few in Lima wanted another"
        # "nobody in Lima", "none of the captains", "no one in Lima", "no state outside the bloc"
        return w in _NEGATIVE_SUBJECTS or i >= 3 and tokens[i - 3][0].lower() == "no" and tokens[i - 2][0].isalpha() \
            and tokens[i - 2][0].islower()
    return False


_SAY_FORMS = frozenset("say says said".split())
_LITTLE_AFTER = frozenset("about than on of at in".split())
_LITTLE = frozenset("nothing little less more much otherwise".split())
_LITTLE_BEFORE = frozenset("almost very next far much even".split())


def _text_says_little(tokens: list[tuple[str, int, int]], vi: int) -> bool:
    """Whether "says" at ``vi`` has a text as its subject (within the six words before it, back to
    the clause's start: "text", "draft", "declaration", "speech", "record" ...) and "nothing",
    "little", "more", "less" or "otherwise" as its object ("The text says nothing about the fund.",
    "the draft says almost nothing about rights", "the speech in Lima said less than its title",
    "The record says otherwise."): the author's reading of a text, the article's own voice (SPEC
    section 4). Not a person or a body ("Tom Berg said nothing"), nor a text's words ("the draft
    says that ...", "the text says little has changed")."""
    n = len(tokens)
    k = vi + 1
    while k < n and k < vi + 3 and tokens[k][0].lower() in _LITTLE_BEFORE:
        k += 1
    if k >= n or tokens[k][0].lower() not in _LITTLE:
        return False
    if k + 1 < n and tokens[k + 1][0] not in _CLAUSE_ENDS and tokens[k + 1][0].lower() not in _LITTLE_AFTER:
        return False  # "says little has changed": a clause of its own
    for j in range(vi - 1, max(-1, vi - 7), -1):
        w = tokens[j][0]
        if w in _CLAUSE_ENDS or w.lower() in _RELATIVE_WORDS or w.startswith("_"):
            return False
        if w in _TEXT_NOUNS:
            return True
    return False


_REJECTION_OPENERS = (("nor",), ("neither",), ("it", "is", "not"), ("it", "is", "wrong"), ("it", "is", "also", "wrong"),
                      ("that", "is", "not"))


def _rejected_claim(tokens: list[tuple[str, int, int]], i: int) -> bool:
    """Whether the cue whose subject starts at ``i`` stands in an "as ..." aside of a sentence that
    opens by rejecting a claim ("Nor is it true, as some critics in Lima have claimed, that the
    levy would close the port.", "It is not true, as officials in Velden like to say, that ...",
    "Nor would the plan close the pier, as one minister suggested in May."): the author's rejection
    governs the sentence, so it is the author's (SPEC section 4; annotation guide, adjudicated case
    20: the author's answer to a side's argument is the author's). Not "As Ana Ruiz put it, ..."
    (no rejection), nor a rejection whose own clause names the speaker ("Nor did Ana Ruiz say ...")."""
    k = _opener_before(tokens, i, _AS)  # "as several captains in Lima", "as its harshest critics"
    if k < 1 or tokens[k][0].lower() != "as":
        return False
    low = [t[0].lower() for t in tokens[:4] if t[0] != "’s" and t[0] != "'s"]
    return any(tuple(low[: len(o)]) == o for o in _REJECTION_OPENERS)


_SILENT_TEXT_VERBS = frozenset("say says said mention mentions mentioned".split())
_SILENT_TEXTS = _TEXT_NOUNS | frozenset("statement statements paper papers report communique communiqué summary "
                                        "memorandum".split())
_SILENT_NOT = frozenset(("not", "n't", "never"))


def _text_silent(tokens: list[tuple[str, int, int]], vi: int) -> bool:
    """Whether "say" or "mention" at ``vi`` is denied with a text as its subject ("The declaration
    does not mention the pier.", "The draft does not say who would pay.", "the paper never mentions
    the levy"): the author's reading of the text (annotation guide, adjudicated case 18: a gap the
    author points out), no saying, and not the learned model's cue either. A person or a body that
    did not mention something is left as it was (PolNeAR counts "never mentioned X"); words outside
    the speech-verb list ("refers") never reach this test."""
    k = vi - 1
    if k >= 1 and (tokens[k][0].endswith("ly") or tokens[k][0].lower() in ("even", "once", "so", "much")):
        k -= 1  # "does not even mention", "did not explicitly say"
    if k < 1 or tokens[k][0].lower() not in _SILENT_NOT:
        return False
    for j in range(k - 1, max(-1, k - 8), -1):
        w = tokens[j][0]
        if w in _CLAUSE_ENDS or w.lower() in _RELATIVE_WORDS or w.startswith("_"):
            return False
        if w.lower() in _SILENT_TEXTS:
            return True
    return False


_WHEN_AFTER = frozenset("when in at on three two a last".split())  # "predicted when ...", "promised in Madrid"


_CONDITIONS = frozenset("if unless until".split())
_WH_WORDS = frozenset("how when why what whether where who which".split())  # "until Moscow says how ..."


def _conditional_saying(tokens: list[tuple[str, int, int]], i: int, vi: int) -> bool:
    """Whether the speech verb at ``vi``, whose subject starts at ``i``, is in a condition that the
    sentence only supposes, with no content of its own ("If Moscow accepts that, the rest can be
    negotiated.", "until Moscow says how they would apply", "unless she argues for it"): the sentence
    is the article's own voice (annotation guide, adjudicated case 12). Not a verb with a clause or
    an object of its own ("if he thinks that ...", "If Ana Ruiz says the pier is safe, Tom Berg
    insisted, ...": a source of its own, split from the main clause), a hedge ("if she seemed to")
    or a passive ("if Ruiz is remembered as"), which report a position."""
    if i < 1 or tokens[i - 1][0].lower() not in _CONDITIONS:
        return False
    n = len(tokens)
    nxt = tokens[vi + 1][0].lower() if vi + 1 < n else "."
    if nxt == "that":
        if vi + 2 < n and tokens[vi + 2][0] not in _CLAUSE_ENDS:
            return False  # "if he thinks that ...", not "If X accepts that, ..."
    elif not (nxt in _CLAUSE_ENDS or nxt in _WH_WORDS or nxt in _OBJECT_PREPOSITIONS and nxt != "to"):
        return False
    return tokens[vi - 1][0].lower() not in _BE and tokens[vi][0].lower() not in _HEDGES


# Verbs of a seat of power's action, not its words (_seat_action; attribution_action_verbs.txt).
_ACTION_VERBS = frozenset(line.lower() for _, _, line in read_data_lines("attribution_action_verbs.txt"))
_SEAT_SKIP = frozenset("has have had will would was were is also indeed nonetheless already then not just "
                       "since yet been be at least".split())  # between a seat of power and its verb: "Moscow has indeed sent"


_SEAT_BE_HAVE = frozenset("was is has had remains remained became been be".split())
_SEAT_THING = frozenset("a an the every first its".split())
# a position held, not a thing: "Washington has a different view", "has the same objection"
_SEAT_VIEWS = frozenset("view views position line objection objections concern concerns doubts doubt problem "
                        "reservations opinion stance answer reply message interest critic critics opponent "
                        "opponents supporter supporters backer backers champion advocate".split())


def _seat_action(tokens: list[tuple[str, int, int]], k: int) -> bool:
    """Whether the verb after a seat of power's name (its subject ends before ``k``) narrates an
    action ("Astana ran a busy year", "Moscow, for its part, has lobbied ...", "Athens will host
    ..."), or says what the place is or has ("Astana was a small town", "Moscow has every reason to
    ..."; not "has a different view", nor with a colon after): the article's own voice (SPEC
    section 4), not the country speaking."""
    n = len(tokens)
    if k < n and tokens[k][0] == ",":  # ", for its part,"
        c = next((j for j in range(k + 1, min(n, k + 6)) if tokens[j][0] == ","), None)
        if c is None:
            return False
        k = c + 1
    while k < n and (tokens[k][0] in _SEAT_SKIP or tokens[k][0].endswith("ly")):
        k += 1
    if k < n and tokens[k][0] in _SEAT_THING and tokens[k - 1][0] in _SEAT_BE_HAVE \
            and _SEAT_VIEWS.isdisjoint(t[0].lower() for t in tokens[k : k + 5]) and not any(t[0] == ":" for t in tokens[k:]):
        return True  # "Astana was a small town", "Moscow has every reason to ...": what it is or has
    return k < n and tokens[k][0] in _ACTION_VERBS
