"""Paragraphs, sentences and quotation spans, as offsets into the unaltered text.

Every function here runs in time linear in the length of its input: the
regular expressions have no nested quantifiers, and each scan visits every
character a bounded number of times.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import NamedTuple

from ._lexicon import Lexicon, read_data_lines

__all__ = ["paragraphs", "iter_paragraphs", "sentences", "quote_spans", "Sentence", "QuoteIndex"]

_PARA_BREAK = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")
# A candidate sentence end: terminal punctuation, optional closers, then whitespace.
# The lookbehind makes a run of punctuation match only from its start, so a long run of dots
# costs linear time (without it every position of the run rescans the rest: quadratic). It comes
# after the first character (checking that the one before it is not terminal too), so that the
# pattern opens with a character class and ``re`` skips ahead to the next punctuation mark.
_CANDIDATE = re.compile(r"([.!?…](?<![.!?…]{2})[.!?…]*+)([\"'”’»)\]]*+)(\s+)")
# The same, opening with the literal full stop: where a span holds no "!", "?" or "…" it finds what
# _CANDIDATE finds there, and ``re`` skips ahead to a literal first character by a plain comparison
# instead of testing a character set at every character (see _breaks).
_CANDIDATE_STOP = re.compile(r"(\.(?<![.!?…]{2})[.!?…]*+)([\"'”’»)\]]*+)(\s+)")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]\.?")
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)$")  # the word before a full stop: see _last_word
_WORD_OR_DOT = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz."
_NEXT_WORD = re.compile(r"[A-Za-z]+")
_OPENERS = frozenset(
    "the a an he she it they we i you this that these those but and however in on at for as if when "
    "while after before meanwhile yet still nonetheless nevertheless moreover indeed there his her "
    "its their our such some many most both all no not".split()
)
_META = re.compile(
    r"(?:publication|source|sources|date|posted|published|updated|author|authors|byline|tags|category|"
    r"keywords|photo|image|caption|credit|credits|volume|issue|filed under|copyright|contact|location|"
    r"dateline|word count|length|section|topic|topics|url|link|read more|related|subject|from|to|cc|"
    r"sent|title|headline|summary|note|editor's note|press release|for immediate release|media contact|ends)"
    r"\s*:",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"(?:by|By|BY)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}\s*(?:,.*)?$")
# a byline of any length whose name is followed by a bar: "By Ana Ruiz | Harbour Letter, Vol. 3 | May 2,
# 2009" (possessive throughout: nothing to try again when the bar is missing)
_BYLINE_BAR = re.compile(
    r"(?:by|By|BY)\s++[A-Z][\w.'’-]*+"
    r"(?:\s++(?:[A-Z][\w.'’-]*+|(?:and|de|van|von|der|den|al|bin|la|le|du|di|da)(?=\s)))"
    r"{0,6}+\s*+\|"
)
_TERMINAL = re.compile(r"[.!?…][\"'”’»)\]]*\s*$")  # a line's end: see _ends_terminal
_CLOSERS = "\"'”’»)]"
_ANY_TERMINAL = re.compile(r"[.!?…]")
_SPEAKER_LABEL = re.compile(
    r"([A-Z][\w.’'-]*(?: (?:(?:de|van|von|der|den|al|bin|la|le|du|di|da) )?[A-Z][\w.’'-]*){0,3}|Q|A)\s?:[ \t]+(?=\S)"
)
# The labels of an interviewer's turns, as written ("Q:", "Question:", "Interviewer:"): the
# questions' speaker in a transcript (here and in _segment) and a question's feature (_vectors).
INTERVIEWER_LABELS = ("Q", "Question", "Interviewer")
_LABEL_PARTICLES = frozenset("de van von der den al bin la le du di da".split())
# A hearing's turn label naming its speaker in brackets: "Question (Mr. Ivo Marten, Green group):",
# "Follow-up (Ms. Marten):". Group 1 is the name (before any comma), the label.
_BRACKET_LABEL = re.compile(
    r"(?:Follow-up question|Supplementary question|Question|Follow-up|Supplementary|Intervention|Reply)"
    r" \(((?:(?:Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady|Prof)\.? )?[^\W\d_][\w.’'-]*(?: [^\W\d_][\w.’'-]*){0,3})"
    r"(?:, [^()\n]{1,80})?\):[ \t]+(?=\S)"
)
# The end of an interviewer's question inside a paragraph, where the answer's label may follow on
# the same line ("Q: And the treaty? Lund: It will be on the table.").
_QUESTION_END = re.compile(r"[?.!][\"'”’»)\]]*[ \t]+")
# Headline and news-item labels before a colon ("The Latest:", "EXCLUSIVE:"): no speaker's turn.
_HEADLINE_LABELS = frozenset(line.lower() for _, _, line in read_data_lines("headline_labels.txt"))


# Bytes of the letters "a"-"z" kept, of "A"-"Z" lowered, every other byte a space (the UTF-8 bytes of a
# character outside ASCII are all 0x80 or over): see lower_words.
_ASCII_LOWER_WORDS = bytes(c if 97 <= c <= 122 else c + 32 if 65 <= c <= 90 else 32 for c in range(256))
_LOWER_WORDS = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


def lower_words(text: str) -> list[str]:
    """``re.findall("[a-z]+", text.lower())``, about twice as fast: the UTF-8 bytes of the text with every
    byte but a letter made a space, split (the lowercase of a text outside ASCII is taken first: a
    character such as the Kelvin sign lowers to an ASCII letter).

    The words of the last two texts (of up to ``_MEMO_CHARS`` characters) are kept: the rules and then
    the learned attribution model read the same sentence's words (a quarter of the characters read
    here). Every caller gets its own list."""
    for seen, words in _LOWER_MEMO:
        if seen == text:
            return words.copy()
    if text.isascii():
        words = text.encode("ascii").translate(_ASCII_LOWER_WORDS).decode("ascii").split()
    else:
        words = text.lower().encode("utf-8", "surrogatepass").translate(_LOWER_WORDS).decode("ascii").split()
    if len(text) <= _MEMO_CHARS:
        _LOWER_MEMO[0], _LOWER_MEMO[1] = _LOWER_MEMO[1], (text, words)
        return words.copy()
    return words


_MEMO_CHARS = 4000
_LOWER_MEMO: list[tuple[str, list[str]]] = [("", []), ("", [])]  # the last two texts and their words


def gap_token_spans(pairs: list[tuple[str, str]], start: int) -> list[tuple[str, int, int]]:
    """``(token, start, end)`` of the ``(gap, token)`` pairs that ``findall`` of a pattern
    ``(gap)(token)`` gives over a text read from offset ``start``: the offsets by adding up the
    lengths, faster than a match object per token. A plain loop: on Python 3.11 it takes about
    20% fewer instructions than ``zip`` over ``accumulate`` of the lengths (callgrind)."""
    out: list[tuple[str, int, int]] = []
    add = out.append
    pos = start
    for gap, tok in pairs:
        s = pos + len(gap)
        pos = s + len(tok)
        add((tok, s, pos))
    return out


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs (blocks separated by blank lines), stripped of outer whitespace."""
    return list(iter_paragraphs(text))


def iter_paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """The spans of :func:`paragraphs`, one at a time."""
    pos = 0
    n = len(text)
    while pos <= n:
        m = _PARA_BREAK.search(text, pos)
        s, e = pos, (m.start() if m else n)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            yield (s, e)
        if m is None:
            break
        pos = m.end()


class Sentence(NamedTuple):
    """A sentence span; ``body`` is False for headlines, bylines, captions and metadata.

    A named tuple rather than a frozen dataclass: an article has hundreds, and a frozen
    dataclass is several times slower to build."""

    start: int
    end: int
    body: bool
    paragraph: int
    label: tuple[int, int] | None = None  # span of an interview speaker label ("Saudabayev:")


def _is_metadata_line(line: str) -> bool:
    # Cheap tests first: a metadata keyword is followed by a colon;
    # a byline starts with "by".
    if ":" in line and _META.match(line):
        return True
    if line[:2].lower() == "by" and (
            (len(line) < 80 and _BYLINE.match(line) and not _comma_sentence(line))
            or ("|" in line and not _ends_terminal(line) and _BYLINE_BAR.match(line) is not None)):
        return True
    s = line.strip()
    return s.startswith(("©", "(c)", "Copyright", "Photo", "Image:", "Caption"))


# A masthead line of fields between spaced bars ("Opinion | The Harbour Post | May 3, 2010", "By Ana
# Ruiz, a former consul | Lisbon, 4 June 2009"), and a line of a date after at most four capitalised
# words of a place ("LISBON, June 4, 2009", "Oporto, Portugal, 4 June 2009", "Oct. 5, 2009"): title-block
# lines (see _header_block). The date pattern is of bounded length and anchored at the line's end.
_MASTHEAD_FIELD = 100  # a field's length at most, in characters
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?"
_DATE_AT_END = re.compile(rf"(?:{_MONTH} \d{{1,2}},? \d{{4}}|\d{{1,2}} {_MONTH} \d{{4}})$")
_HEADER_LINES = 5  # a title block has at most this many lines
_HEADER_WORDS = 30  # and each at most this many words


def _title_block_line(line: str) -> bool:
    """Whether a stripped line is a byline, metadata, masthead or dateline line of a title block."""
    if _is_metadata_line(line) or (" | " in line and not _ends_terminal(line)
                                   and all(len(f) <= _MASTHEAD_FIELD for f in line.split(" | "))):
        return True
    date = _DATE_AT_END.search(line)
    if date is None:
        return False
    place = line[: date.start()]
    words = place[:-2].replace(",", " ").split()
    return not place or (place.endswith(", ") and 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words))


def _header_block(text: str, lines: list[tuple[int, int]]) -> bool:
    """Whether the document's first block (``lines``, two to :data:`_HEADER_LINES` of them) is its
    title block, none of it a statement (SPEC 4: headlines, bylines, metadata): it opens the
    document, one of its first three lines is a byline, metadata, masthead or dateline line (see
    :func:`_title_block_line`), and no line is longer than :data:`_HEADER_WORDS` words (a
    hard-wrapped first paragraph under a byline is body text). One line may follow the last of
    those when it is an author's note: it opens with the name of the byline ("By Ana Ruiz" over
    "Ana Ruiz was consul in Oporto.") or with "The author". A headline with a question mark or a
    full stop inside ("Safe harbour? Not yet") is part of the block."""
    if not _first_line_of(text, lines[0][0]):
        return False
    marks = []
    authors = ["The author"]
    for i, (s, e) in enumerate(lines):
        line = text[s:e].strip()
        if len(line.split()) > _HEADER_WORDS:
            return False
        if _title_block_line(line):
            marks.append(i)
            for f in line.split(" | "):
                if f[:3] in ("By ", "by ", "BY ") and len(f) > 5:
                    authors.append(f[3:].split(",")[0].strip())
    if not marks or marks[0] > 2:
        return False
    after = len(lines) - 1 - marks[-1]
    if after == 0:
        return True
    last = text[lines[-1][0] : lines[-1][1]].strip()
    return after == 1 and marks[0] >= 1 and any(last.startswith(a + " ") for a in authors)


def _comma_sentence(line: str) -> bool:
    """Whether a short line that opens like a byline ("By Friday, ...") is a sentence: it ends with a
    terminal mark and its first comma is followed by a lowercase word and three words or more in all
    ("By Friday, the council had voted."; not "By Tom Berg, staff writer.")."""
    if not _ends_terminal(line):
        return False
    rest = line[line.find(",") + 1 :].split()
    return len(rest) >= 3 and rest[0][:1].islower()


def _is_header_line(text: str, lines: list[tuple[int, int]], li: int, line: str, widest: int, lex: Lexicon) -> bool:
    """A headline, caption or sub-heading standing on its own line inside a block of lines.

    It has no sentence-final punctuation, follows a line that ends a sentence, opens the
    block or is itself a header (the caller checks that), is followed by a line that
    starts a sentence, and looks like a title: Title Case, or
    short, or clearly shorter than the block's other lines (a hard-wrapped paragraph's first
    line is as long as the rest, and is not a header). ``widest`` is the length of the block's
    longest line. Full stops after abbreviations ("Bulletin No. 48", "U.S. mission statement")
    are no sentence-final punctuation (see :func:`_abbreviation_stops_only`).
    """
    if line.endswith((",", ";", ":", "-", "—")) or (
            _ANY_TERMINAL.search(line) and not _abbreviation_stops_only(line, 0, len(line), lex)):
        return False
    if li + 1 < len(lines):
        nxt = text[lines[li + 1][0] : lines[li + 1][1]].lstrip()[:1]
        if not (nxt.isupper() or nxt.isdigit() or nxt in "\"“«‘'("):
            return False
    words = line.split()
    if len(words) > 20:
        return False
    caps = sum(1 for w in words if w[:1].isupper()) / len(words)
    return caps >= 0.6 or len(words) <= 6 or len(line) < 0.6 * widest


def _abbreviation_stops_only(text: str, s: int, e: int, lex: Lexicon) -> bool:
    """Whether the terminal marks in ``text[s:e]`` are all full stops that end no sentence: the
    span does not end with a terminal mark, holds no "!", "?" or "…", and :func:`_breaks` finds no
    break inside it (the stops follow abbreviations, initials or initialisms: "Bulletin No. 48",
    "U.S. mission statement, 12 May 2010", "Weekly digest No. 7 (Vol. 3)"). A header line with such
    a stop is still a header. ``text[s:e]`` is stripped (its last character is not a space)."""
    k = e
    while k > s and text[k - 1] in _CLOSERS:  # (no slice: a paragraph may be long)
        k -= 1
    return k > s and text[k - 1] not in ".!?…" and _no_stop_but_full_stop(text, s, e) \
        and len(_breaks(text, s, e, lex)) == 1


def _last_word(text: str, start: int, end: int) -> str | None:
    """``_LAST_WORD.search(text, start, end).group(1)`` (None where it finds none): the letters and
    dots that end ``text[start:end]`` (before one final newline, as ``$`` reads it), from their first
    letter. Two strips instead of the pattern, which tries each letter and reads to the end from it
    (about 2.5 times as fast)."""
    seg = text[start:end]
    if seg.endswith("\n"):
        seg = seg[:-1]
    return seg[len(seg.rstrip(_WORD_OR_DOT)) :].lstrip(".") or None


def _ends_terminal(line: str) -> bool:
    """``_TERMINAL.search(line)`` for a line with no whitespace at its end (``str.strip`` strips what
    ``\\s`` matches): a terminal mark before the closing marks that end the line. One strip instead
    of the pattern, which tests a character set at every character of the line and tries each mark."""
    return line.rstrip(_CLOSERS).endswith((".", "!", "?", "…"))


def _no_stop_but_full_stop(text: str, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` holds no "!", "?" or "…" (the terminal marks other than the full stop):
    one ``str.find`` per mark, each a plain scan, instead of a character set tested at every
    character."""
    return text.find("!", s, e) < 0 and text.find("?", s, e) < 0 and text.find("…", s, e) < 0


def _no_terminal(text: str, s: int, e: int) -> bool:
    """``not _ANY_TERMINAL.search(text, s, e)``, by :func:`_no_stop_but_full_stop` and one more
    ``str.find``."""
    return text.find(".", s, e) < 0 and _no_stop_but_full_stop(text, s, e)


def _breaks(text: str, s: int, e: int, lex: Lexicon) -> list[int]:
    """End offsets of the sentences in ``text[s:e]`` (the last one is ``e``)."""
    ends = []
    # _CANDIDATE_STOP where the span holds no "!", "?" or "…" (most paragraphs): the same matches,
    # and the scan between them about 20 times fewer instructions.
    plain = _no_stop_but_full_stop(text, s, e)
    for m in (_CANDIDATE_STOP if plain else _CANDIDATE).finditer(text, s, e):
        end = m.end(2)
        nxt = m.end(3)
        if nxt >= e:
            continue
        j = nxt
        while j < e and j < nxt + 3 and text[j] in "\"'“‘«([":
            j += 1
        c = text[j] if j < e else " "
        if c.islower():
            continue
        term = m.group(1)
        if term == "." and not m.group(2):
            word = _last_word(text, max(s, m.start() - 24), m.start())
            if word:
                low = word.lower().rstrip(".")
                kind = lex.abbreviations.get(low)
                if len(word) == 1 and word.isupper() and c.isupper():
                    continue  # an initial: "Kurmanbek S. Bakiyev"
                if kind == "title":
                    continue
                if kind == "before_number" and c.isdigit():
                    continue
                if kind == "initialism" or _INITIALISM.fullmatch(word):
                    nw = _NEXT_WORD.match(text, j, j + 20)
                    if not nw or nw.group(0).lower() not in _OPENERS:
                        continue
        ends.append(end)
    ends.append(e)
    return ends


def sentences(text: str, lex: Lexicon, paras: list[tuple[int, int]] | None = None) -> list[Sentence]:
    """Split ``text`` into sentences, marking non-body lines.

    ``paras`` are the spans of :func:`paragraphs` when already computed.

    Out of scope: sentences that continue across a blank line (a blank line
    always ends a sentence), and lists or tables (each line is read as prose).
    """
    out: list[Sentence] = []
    for pi, (ps, pe) in enumerate(paragraphs(text) if paras is None else paras):
        # Split a paragraph into lines where a line is metadata, a speaker label starts, or a
        # short header line stands above the body; other newlines are hard wraps.
        chunks: list[tuple[int, int, bool, tuple[int, int] | None]] = []
        ls = ps
        cur_s = ps
        cur_label: tuple[int, int] | None = None
        lines: list[tuple[int, int]] = []
        while ls < pe:
            le = text.find("\n", ls, pe)
            if le < 0:
                le = pe
            lines.append((ls, le))
            ls = le + 1
        if pi == 0 and 2 <= len(lines) <= _HEADER_LINES and _header_block(text, lines):
            for hs, he in lines:  # the title block: no statement (SPEC 4), one non-body span per line
                raw = text[hs:he]
                if raw.strip():
                    hs += len(raw) - len(raw.lstrip())
                    out.append(Sentence(hs, hs + len(raw.strip()), False, pi))
            continue
        prev_break = True  # the previous line ended a sentence or was itself a header
        # the block's longest line (once: a block may hold many; one line, most paragraphs, is its own)
        widest = max(e - s for s, e in lines) if len(lines) > 1 else lines[0][1] - lines[0][0]
        for li, (ls, le) in enumerate(lines):
            raw = text[ls:le]
            line = raw.strip()
            if not line:
                continue
            ls2 = ls + (len(raw) - len(raw.lstrip()))
            le2 = ls2 + len(line)
            was_break, prev_break = prev_break, _ends_terminal(line)
            if _is_metadata_line(line) or (len(lines) > 1 and was_break and _is_header_line(text, lines, li, line, widest, lex)):
                prev_break = True
                if cur_s < ls2 and not text[cur_s:ls2].isspace():
                    chunks.append((cur_s, ls2, True, cur_label))
                chunks.append((ls2, le2, False, None))
                cur_s = le2
                continue
            lab = _SPEAKER_LABEL.match(text, ls2, le2) if ":" in line else None  # a label ends with a colon
            if lab and not _META.match(line) and (
                lab.group(1) in ("Q", "A") or len(lab.group(1)) <= 40
            ) and _looks_like_label(lab.group(1), lex) and not _topic_label(text, lab, le2) \
                    and not _count_only(text, lab.end(), le2) \
                    and not (pi == 0 and li == 0 and _first_line_of(text, ls2) and _title_over_header(text, lines)):
                if cur_s < ls2 and not text[cur_s:ls2].isspace():
                    chunks.append((cur_s, ls2, True, cur_label))
                cur_s = ls2
                cur_label = (ls2, ls2 + len(lab.group(1)))
                if lab.group(1) in INTERVIEWER_LABELS and line.count(":") > 1:
                    # an answer's label after the question on the same line starts the answer's turn
                    for qm in _QUESTION_END.finditer(text, lab.end(), le2):
                        ans = _SPEAKER_LABEL.match(text, qm.end(), le2)
                        if ans is not None and len(ans.group(1)) <= 40 and ans.group(1) not in ("Q", "A") \
                                and _looks_like_label(ans.group(1), lex) and not _topic_label(text, ans, le2):
                            chunks.append((cur_s, qm.end(), True, cur_label))
                            cur_s = qm.end()
                            cur_label = (cur_s, cur_s + len(ans.group(1)))
            elif line[:1] in "QFSIR" and " (" in line and ":" in line:
                blab = _BRACKET_LABEL.match(text, ls2, le2)
                if blab is not None:
                    if cur_s < ls2 and not text[cur_s:ls2].isspace():
                        chunks.append((cur_s, ls2, True, cur_label))
                    cur_s = ls2
                    cur_label = blab.span(1)
        if cur_s < pe and not text[cur_s:pe].isspace():  # (isspace: what strip strips, without a copy)
            chunks.append((cur_s, pe, True, cur_label))
        for cs, ce, body, label in chunks:
            while cs < ce and text[cs].isspace():
                cs += 1
            while ce > cs and text[ce - 1].isspace():
                ce -= 1
            if cs >= ce:
                continue
            if body and (_no_terminal(text, cs, ce) or _abbreviation_stops_only(text, cs, ce, lex)) \
                    and len(text[cs:ce].split()) <= 25 \
                    and not (text[ce - 1] == ":" and _introduces_words(text, cs, ce, lex)):
                body = False  # a headline, caption or sub-heading
            if not body:
                out.append(Sentence(cs, ce, False, pi))
                continue
            s = cs
            first = True
            for end in _breaks(text, cs, ce, lex):
                while s < end and text[s].isspace():
                    s += 1
                if s < end:
                    out.append(Sentence(s, end, True, pi, label if first else None))
                    first = False
                s = end
    return out


def _introduces_words(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether the line ``text[start:end]``, which ends with a colon, introduces someone's words
    ("Ana Ruiz writes:", "As Tom Reyes observed, the pier is the real winner:"): a speech verb
    among its words. Such a line is a sentence of the body, not a sub-heading ("Online:",
    "Watch the full interview below:")."""
    return not lex.speech_verbs.isdisjoint(lower_words(text[start:end]))


_NON_SPACE = re.compile(r"\S")


def _first_line_of(text: str, start: int) -> bool:
    """Whether ``start`` is where the document's first line begins: a window of a long document
    (its first paragraph is not the document's) has no title line."""
    first = _NON_SPACE.search(text)
    return first is not None and first.start() == start


def _title_over_header(text: str, lines: list[tuple[int, int]]) -> bool:
    """Whether the document's first line, which looks like a speaker label, is its title: a line
    below it in the same block without final punctuation ("Radio Tessel | Broadcast 3 May") and
    no label of its own ("Arms Talks: a new start?" over its dateline is no speaker's turn)."""
    if len(lines) < 2:
        return False
    nxt = text[lines[1][0] : lines[1][1]].strip()
    return bool(nxt) and not _ends_terminal(nxt) and _SPEAKER_LABEL.match(nxt) is None


def _count_only(text: str, start: int, end: int) -> bool:
    """Whether the rest of a line after a label is a number alone: a tally ("Ana Ruiz: 1,204.",
    "Turnout: 61%"), not a speaker's words."""
    rest = text[start:end].strip().rstrip(".%").replace(",", "").replace(".", "")
    return rest.isdigit()


def _topic_label(text: str, lab: re.Match[str], end: int) -> bool:
    """Whether a one-word label names the line's topic, not a speaker: its lowercase form occurs
    in the line after it ("Funding: The council is backed by 20 funding partners ..."; a name
    is not written in lowercase)."""
    word = lab.group(1)
    return " " not in word and len(word) > 3 and word[1:].islower() \
        and text.find(word.lower(), lab.end(), end) >= 0


def _looks_like_label(label: str, lex: Lexicon) -> bool:
    low = label.lower()
    if low in ("q", "a", "question", "answer", "interviewer"):
        return True
    words = label.split()
    if label.isupper() and (low in lex.seats or low in lex.country_of):
        return False  # a dateline ("MINSK: Belarus said ..."): a place, not a speaker's turn
    # Not a label: "Note", "Update", or a clause before a colon ("He was clear:") -- labels are names.
    return all(w[:1].isupper() or w in _LABEL_PARTICLES for w in words) and low not in lex.titles \
        and low not in _OPENERS and low not in _HEADLINE_LABELS


_QUOTE_MARK = re.compile(r"[\"“”«»‘’']")
_QUOTE_CHARS = "\"“”«»‘’'"  # the characters of _QUOTE_MARK


def _quote_marks(text: str, start: int, end: int) -> list[int]:
    """The offsets of ``_QUOTE_MARK.finditer(text, start, end)``, in order: ``str.find`` of each mark
    (a plain scan; a mark that the string's width cannot hold is not looked for at all), then a sort,
    instead of a character set tested at every character of the text."""
    found: list[int] = []
    add = found.append
    find = text.find
    for c in _QUOTE_CHARS:
        i = find(c, start, end)
        while i >= 0:
            add(i)
            i = find(c, i + 1, end)
    found.sort()
    return found


class QuoteIndex:
    """Top-level quotation spans of a text, with fast lookup of the quoted share of a span.

    Straight, curly and angle (guillemet) double quotes (and two straight apostrophes in a row,
    ''...'', as one double mark), and single quotes where no double quote is open. Apostrophes inside words (``Kazakhstan’s``, ``didn't``)
    are never quotes. A quotation left open at the end of a paragraph is closed
    there, unless the next paragraph opens with a quotation mark (the
    convention for quotations running over several paragraphs). Nested single
    quotes stay inside their double-quoted span.
    """

    def __init__(self, text: str, paras: list[tuple[int, int]]) -> None:
        self.spans: list[tuple[int, int]] = quote_spans(text, paras, paired=True)
        self._starts = [s for s, _ in self.spans]
        cum = [0]
        for s, e in self.spans:
            cum.append(cum[-1] + (e - s))
        self._cum = cum

    def covered(self, start: int, end: int) -> int:
        """Number of characters of ``[start, end)`` inside quotation spans."""
        i = bisect_right(self._starts, start) - 1
        total = 0
        if i < 0:
            i = 0
        n = len(self.spans)
        while i < n:
            s, e = self.spans[i]
            if s >= end:
                break
            lo, hi = max(s, start), min(e, end)
            if hi > lo:
                total += hi - lo
            i += 1
        return total

    def within(self, start: int, end: int) -> list[tuple[int, int]]:
        """Quotation spans overlapping ``[start, end)``."""
        i = max(bisect_right(self._starts, start) - 1, 0)
        out = []
        while i < len(self.spans) and self.spans[i][0] < end:
            s, e = self.spans[i]
            if e > start:
                out.append((s, e))
            i += 1
        return out


def quote_spans(text: str, paras: list[tuple[int, int]], paired: bool = False) -> list[tuple[int, int]]:
    """Top-level quotation spans ``(start, end)``, quote marks included, in the paragraphs
    ``paras`` (all of a text, or a run of them). See :class:`QuoteIndex`. With ``paired``, two
    straight apostrophes in a row ("''", a typewriter's double quote: ''The council says 'no'
    to us,'' said Tom Berg.) are one double mark, so that single marks inside nest in its
    quotation; without it (the stance features' reading) each is a single mark."""
    spans: list[tuple[int, int]] = []
    if not paras:
        return spans
    para_ends = [e for _, e in paras]
    para_starts = [s for s, _ in paras]
    n = len(text)
    d_open: int | None = None  # start of the open double quotation
    d_para = -1
    s_open: int | None = None  # start of an open single quotation
    s_para = -1
    pair_at = -1  # the second apostrophe of a pair read as one double mark
    for i in _quote_marks(text, para_starts[0], para_ends[-1]):
        if i == pair_at:
            continue
        ch = text[i]
        width = 1
        if paired and ch == "'" and i + 1 < n and text[i + 1] == "'":
            ch, width, pair_at = '"', 2, i + 1
        pi = bisect_right(para_starts, i) - 1
        if d_open is not None and pi != d_para:
            # Crossed a paragraph break with a quotation open.
            if ch in "“«\"" and i == para_starts[pi] and pi == d_para + 1:
                d_para = pi  # multi-paragraph quotation continues
                continue
            spans.append((d_open, para_ends[d_para]))
            d_open = None
            s_open = None
        if s_open is not None and pi != s_para:
            if d_open is None:
                pass  # an unclosed single mark was most likely an apostrophe
            s_open = None
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + width] if i + width < n else " "
        if ch in "“«":
            if d_open is not None and ch == "“" and nxt.isspace() and not prev.isspace():
                # '“The pier is old,“ she said': an opening mark written where the closing one belongs
                spans.append((d_open, i + 1))
                d_open, s_open = None, None
                continue
            if d_open is not None:
                spans.append((d_open, i))
            d_open, d_para, s_open = i, pi, None
        elif ch in "”»":
            if d_open is not None:
                spans.append((d_open, i + 1))
                d_open, s_open = None, None
        elif ch == '"':
            if d_open is None:
                if not nxt.isspace():
                    d_open, d_para, s_open = i, pi, None
            elif not prev.isspace():
                spans.append((d_open, i + width))
                d_open, s_open = None, None
            elif not nxt.isspace():
                spans.append((d_open, i))
                d_open, d_para, s_open = i, pi, None
        else:  # single marks
            if prev.isalnum() and nxt.isalnum():
                continue  # apostrophe inside a word
            if ch in "‘'" and not prev.isalnum() and (nxt.isalnum() or nxt in "“\""):
                if s_open is None:
                    s_open, s_para = i, pi
                continue
            if ch in "’'" and s_open is not None and not nxt.isalnum():
                if d_open is None:
                    spans.append((s_open, i + 1))
                s_open = None
    if d_open is not None:
        # Closed at the end of the last paragraph it ran into, as when a later mark closes it (it
        # was closed at the end of the paragraph where it opened: a window of paragraphs ending
        # inside a quotation that ran on gave another span than the whole text).
        spans.append((d_open, para_ends[d_para]))
    spans = [(s, e) for s, e in spans if e > s]
    spans.sort()
    # Guarantee no overlap (single spans can only nest inside none, but be safe).
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
            continue
        out.append((s, e))
    return out
