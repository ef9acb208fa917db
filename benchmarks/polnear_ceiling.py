"""The SPEC ceiling on PolNeAR: which gold attributions SPEC section 4 would attribute at all.

Usage::

    python benchmarks/polnear_ceiling.py [--data ../shared/benchmarks/polnear/train.tar.gz]
                                         [--model models/attribution.npz | --rules | --no-score]
                                         [--fold K] [--jobs N] [--sample N --seed S]

Every gold attribution of the archive (read in place, one annotation file per article) is put
in one class by the words of its Cue span (issue #13, session 16):

- ``a``: a SPEC cue (SPEC section 4): a verb of saying or thinking (``speech_verbs.txt`` less
  the verbs of wanting, backing and perceiving listed in :data:`C_KINDS`, plus the hand-checked
  :data:`EXTRA_SAYING`), "according to", "in X's view", or a cue of punctuation alone (a colon,
  a quotation mark, a dash);
- ``b``: a noun of a saying, a position or a judgement (:data:`POSITION_NOUNS`: "criticism
  from X", "X's view", "her remarks");
- ``c``: a verb of intention, commitment or support, action, perception or knowledge, or an
  evidential verb (:data:`C_KINDS`: wants, plans, backed, voted, knows, seems, shows, found):
  SPEC narrates these in the article's own voice;
- ``d``: anything else (a bare preposition, an adjective, a verb in no list).

The first class that matches wins, in the order a, c, b (a cue with a saying verb and a noun,
"said in a statement", is ``a``). Two flags (:func:`nested_flags`): *nested*, a report inside
another report, where SPEC keeps the outer speaker, so that a SPEC-faithful segmenter gets the
inner speaker only by chance; *second*, the second (or later) attribution of its sentence.

With a model (default: the shipped ``models/attribution.npz``; ``--fold K`` scores fold K of
the 5-fold split, articles sorted by id, ``i % 5``, with the model given), each attribution is
scored by issue #13's measure (:func:`stancekit.attribution._score.count_doc`) and the table
gives found / right per class. The ceilings: recall and F1 if every attribution of the classes
named were found with the right speaker, nothing else changed (same predicted statements, same
precision). ``--sample N`` prints N random classified cues (with the words around them) for a
hand check: PolNeAR text, print it to the terminal only, never into the repository.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from polnear import DEFAULT_DATA, folds_of, map_docs, segment_doc  # noqa: E402
from stancekit._lexicon import _inflect, read_data_lines  # noqa: E402
from stancekit.attribution._corpus import AttributedDoc, Attribution, read_polnear_tar  # noqa: E402
from stancekit.attribution._score import Counts, count_doc  # noqa: E402


def _forms(spec: str) -> set[str]:
    """Word forms of a list of bases ("want plan") and exact forms ("=sought")."""
    out: set[str] = set()
    for w in spec.split():
        if w.startswith("="):
            out.add(w[1:])
            continue
        out |= _inflect(w, {})
        if w[-1] in "bdgmnprt" and w[-2] in "aeiou" and w[-3] not in "aeiou":  # refer, prefer, admit
            out |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return out


# Verbs SPEC narrates (the article's own voice), by kind. Some are in speech_verbs.txt (the
# segmenter takes them as cues where the fixtures have them as positions); they are counted
# here as narration, as SPEC section 4 reads.
C_KINDS: dict[str, set[str]] = {
    "intention": _forms("want plan intend aim seek =sought try attempt prefer wish like need "
                        "refuse decline decide choose determine =going =gonna =decision =decisions "
                        "=refusal =willing =eager =unwilling =reluctant"),
    "commitment or support": _forms("pledge promise vow threaten commit back support endorse oppose "
                                    "favor favour champion side vote nominate sponsor approve veto "
                                    "campaign rally"),
    "perception or knowledge": _forms("see =saw =seen =sees know =knew =known =knows hear =heard learn "
                                      "=learnt notice realize realise recognize recognise understand "
                                      "=understood remember imagine envision envisage watch witness "
                                      "discover =aware"),
    "evidential": _forms("seem appear =look =looks =looked =looking sound show =shown prove "
                         "=proven find =found =finds =finding demonstrate =apparently =reportedly "
                         "=likely =unlikely =expected =widely mean =meant =seemingly"),
    "action": _forms("sign pass order release publish file name launch restrict include list cast push "
                     "spend =spent give =gave =given make =made =makes run =ran lead =led hire fire "
                     "sue join leave =left vote win =won lose =lost focus target invoke meet =met "
                     "attend host send =sent pay =paid award donate fund block ban act move "
                     "=pleaded"),
}

# Saying and thinking verbs SPEC names or implies that speech_verbs.txt does not list.
EXTRA_SAYING: set[str] = _forms(
    "cite quote post share read =reads =continued =continues continue talk discuss refer "
    "testify exclaim whisper scream grumble gush rave rant retort confess confide divulge "
    "elaborate alert notify advise hint insinuate fault attack bash knock rip tear trash deplore "
    "refute contradict laud commend celebrate justify excuse grant swear relay narrate text "
    "blog message chat reflect ponder sense suspect assume presume suppose guess figure "
    "anticipate forecast calculate judge rate brand term dub address describe request beg "
    "implore appeal invite apologize apologise tease worry complain interview dismiss "
    "point compare state reveal blame blast defend wonder question report view project weigh "
    "chant shrug mock slam lash rail =weighed "
    "=wrote =written =writes =told =tells =said =says =asked =thought "
    "=believes =feels =felt =explained =questions =quipped =lamented"
)

POSITION_NOUNS: set[str] = {
    "criticism", "criticisms", "critique", "view", "views", "opinion", "opinions", "position",
    "positions", "stance", "support", "opposition", "complaint", "complaints", "attack", "attacks",
    "question", "questions", "concern", "concerns", "statement", "statements", "remark", "remarks",
    "comment", "comments", "words", "message", "warning", "warnings", "accusation", "accusations",
    "allegation", "allegations", "praise", "endorsement", "endorsements", "rejection", "denial",
    "response", "reply", "argument", "arguments", "assessment", "estimate", "estimates",
    "prediction", "predictions", "testimony", "speech", "tweet", "tweets", "announcement",
    "claim", "claims", "belief", "beliefs", "fears", "hopes", "supporter", "supporters", "critic",
    "critics", "opponent", "opponents", "backer", "backers", "verdict", "judgment", "judgement",
    "rhetoric", "promise", "promises", "pledge", "vow", "demand", "demands", "call", "calls",
    "report", "reports", "letter", "memo", "email", "emails", "interview", "defense", "defence",
    "objection", "objections", "condemnation", "rebuke", "suggestion", "proposal", "insistence",
    "assertion", "admission", "acknowledgment", "explanation", "answer", "answers", "request",
    "appeal", "plea", "advice", "scorn", "outrage", "anger", "backlash", "reaction", "reactions",
}
_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "s", "this", "that"}
_VIEW_WORDS = {"view", "opinion", "eyes", "words", "estimation", "judgment", "judgement", "mind", "telling"}
_PUNCT_CUE = re.compile(r"[\s:\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u2014\u2013-]+")
_WORD = re.compile(r"[a-z]+")
_BE = {"is", "are", "was", "were", "be", "been", "being"}


def _speech_forms() -> set[str]:
    verbs: set[str] = set()
    for _src, _n, line in read_data_lines("speech_verbs.txt"):
        if line.startswith("="):
            verbs |= {w.lower() for w in line[1:].split()}
            continue
        base, *rest = line.split()
        irregular = dict(item.partition("=")[::2] for item in rest)
        verbs |= _inflect(base.lower(), irregular)
    return verbs


C_ALL: set[str] = set().union(*C_KINDS.values())
SAYING: set[str] = (_speech_forms() - C_ALL) | EXTRA_SAYING


def classify_cue(text: str, cue: tuple[tuple[int, int], ...]) -> tuple[str, str]:
    """The class (``a`` / ``b`` / ``c`` / ``d``) and kind of one gold Cue in ``text``."""
    raw = " ".join(text[s:e] for s, e in cue)
    words = _WORD.findall(raw.lower())
    if not words:
        return ("a", "punctuation") if raw.strip() and _PUNCT_CUE.fullmatch(raw) else ("d", "empty")
    joined = " ".join(words)
    if "according to" in joined:
        return "a", "according to"
    if words[0] in {"in", "to"} and len(words) == 1:
        after = _WORD.findall(text[cue[-1][1]:cue[-1][1] + 40].lower())[:4]
        if _VIEW_WORDS & set(after):
            return "a", "in X's view"
    # a passive of expecting or knowing with no speaker ("is expected to") is narration
    if len(words) >= 2 and words[-2] in _BE | {"widely", "not"} and words[-1] in {"expected", "known", "seen"}:
        return "c", "evidential"
    for w in words:
        if w in SAYING:
            return "a", "saying or thinking verb"
    for w in words:
        for kind, forms in C_KINDS.items():
            if w in forms:
                if w in POSITION_NOUNS:  # "support", "calls", "pledge": a noun after a determiner
                    before = _WORD.findall(text[max(0, cue[0][0] - 12):cue[0][0]].lower())
                    if before and before[-1] in _DETERMINERS:
                        return "b", "position noun"
                return "c", kind
    for w in words:
        if w in POSITION_NOUNS:
            return "b", "position noun"
    return "d", "other"


_SENTENCE_END = re.compile(r"[.!?][\"\u201d\u2019']?\s|\n")
_THAT = re.compile(r"\s+that\b")


def nested_flags(doc: AttributedDoc) -> tuple[list[bool], list[bool]]:
    """Two flags for each attribution.

    *nested*: SPEC would keep an outer speaker for it: its Cue lies in a gap of another
    attribution's Content (with a Source) inside one sentence, or earlier in its sentence (at
    most 100 characters before it) a saying verb outside every gold span is followed by "that"
    ("Ona Brisk wrote that the levy, which Dev Marr praised, had failed").
    *second*: another attribution with a Source has its Cue earlier in the same sentence (SPEC
    gives a sentence one speaker unless two sources are joined: "A said X, while B said Y").
    PolNeAR gives each token to at most one attribution, so an annotated report inside another
    shows only in these ways.
    """
    text, atts = doc.text, doc.attributions
    lower = text.lower()
    covered = bytearray(len(text) + 1)
    gaps = []
    cues = []
    for i, a in enumerate(atts):
        for s, e in a.source + a.cue + a.content:
            covered[s:e] = b"\1" * (e - s)
        if a.source:
            gaps += [(e1, s2, i) for (_, e1), (s2, _) in zip(a.content, a.content[1:])
                     if not _SENTENCE_END.search(text, e1, s2)]
            if a.cue:
                cues.append((a.cue[-1][1], i))
    nested, second = [], []
    for j, att in enumerate(atts):
        spans = sorted(att.source + att.cue + att.content)
        if not spans or not att.cue:
            nested.append(False)
            second.append(False)
            continue
        cs, ce, first = att.cue[0][0], att.cue[-1][1], spans[0][0]
        lo = max(0, first - 100)
        ends = list(_SENTENCE_END.finditer(text, lo, first))
        lo = ends[-1].end() if ends else lo
        flag = any(e1 <= cs and ce <= s2 for e1, s2, i in gaps if i != j)
        if not flag:
            for m in _WORD.finditer(lower, lo, first):
                if m.group() in SAYING and not covered[m.start()] and _THAT.match(text, m.end()):
                    flag = True
                    break
        nested.append(flag)
        second.append(any(lo <= e <= cs and i != j and not _SENTENCE_END.search(text, e, cs)
                          for e, i in cues))
    return nested, second


def per_attribution(doc: AttributedDoc, statements: list[object]) -> list[tuple[bool, bool]]:
    """(found, right) of each gold attribution by issue #13's measure."""
    out = []
    for att in doc.attributions:
        c = count_doc(AttributedDoc(doc.doc_id, doc.text, [att]), statements)
        out.append((bool(c.found), bool(c.right)))
    return out


def _f1(right: int, gold: int, precision: float) -> float:
    r = right / gold if gold else 0.0
    return 2 * precision * r / (precision + r) if precision + r else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--model", default=str(HERE.parent / "models" / "attribution.npz"))
    ap.add_argument("--rules", action="store_true", help="score the rules alone")
    ap.add_argument("--no-score", action="store_true", help="classify only")
    ap.add_argument("--fold", type=int, default=-1, help="score fold K only (0-4)")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=16)
    a = ap.parse_args(argv)
    t0 = time.time()
    docs = sorted(read_polnear_tar(a.data), key=lambda d: d.doc_id)
    if a.fold >= 0:
        docs = [d for d, f in zip(docs, folds_of(docs, 5)) if f == a.fold]
    rows = []  # (doc, att index, class, kind, nested, second)
    for d in docs:
        for i, (att, nest, sec) in enumerate(zip(d.attributions, *nested_flags(d))):
            cls, kind = classify_cue(d.text, att.cue)
            rows.append((d, i, cls, kind, nest, sec))
    scores: dict[tuple[str, int], tuple[bool, bool]] = {}
    total = Counts()
    if not a.no_score:
        model = None
        if not a.rules:
            from stancekit.attribution import load_attribution_model
            model = load_attribution_model(a.model, missing_ok=False)
        preds = map_docs(segment_doc, docs, model, a.jobs)
        for d, st in zip(docs, preds):
            total += count_doc(d, st)
            for i, fr in enumerate(per_attribution(d, st)):
                scores[(d.doc_id, i)] = fr
    gold = len(rows)
    by = defaultdict(Counter)
    for d, i, cls, kind, nest, sec in rows:
        f, r = scores.get((d.doc_id, i), (False, False))
        for key in (cls, f"{cls}: {kind}", "all"):
            by[key]["n"] += 1
            by[key]["found"] += f
            by[key]["right"] += r
            by[key]["nested"] += nest
            by[key]["nested right"] += nest and r
            by[key]["second"] += sec
            by[key]["second right"] += sec and r
    print(f"{len(docs)} articles, {gold} gold attributions")
    print("| class | count | share | found | right | nested | right of nested | second | right of second |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for key in sorted(by, key=lambda k: (k == "all", k)):
        c = by[key]
        print(f"| {key} | {c['n']} | {c['n'] / gold:.3f} | {c['found']} | {c['right']} | {c['nested']} | "
              f"{c['nested right']} | {c['second']} | {c['second right']} |")
    if not a.no_score:
        p = total.precision
        print(f"measured: recall {total.recall:.4f} precision {p:.4f} speaker {total.speaker_accuracy:.4f} "
              f"F1 {total.f1:.4f} (found {total.found} right {total.right} predicted {total.predicted} "
              f"false {total.false})")
        for name, classes, skip_nested in (("(a)", {"a"}, False), ("(a)+(b)", {"a", "b"}, False),
                                           ("(a) not nested", {"a"}, True),
                                           ("(a)+(b) not nested", {"a", "b"}, True)):
            found, right = total.found, total.right
            for d, i, cls, _kind, nest, _sec in rows:
                if cls in classes and not (skip_nested and nest):
                    f, r = scores[(d.doc_id, i)]
                    found += not f
                    right += not r
            print(f"ceiling {name}: recall {found / gold:.4f} right {right} F1 {_f1(right, gold, p):.4f} "
                  f"(precision {p:.4f} kept)")
    if a.sample:
        rng = random.Random(a.seed)
        for d, i, cls, kind, _nest, _sec in rng.sample(rows, a.sample):
            att: Attribution = d.attributions[i]
            s, e = att.cue[0][0], att.cue[-1][1]
            ctx = d.text[max(0, s - 60):e + 60].replace("\n", " ")
            cue = " ".join(d.text[x:y] for x, y in att.cue)
            print(f"{cls}\t{kind}\t{cue!r}\t{ctx}")
    print(f"({time.time() - t0:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
