"""A model's scorer: what scoring needs of a fitted model, as numbers and text, in a file that is
not a pickle.

``stancekit train`` writes it beside the model (``MODEL.joblib.scorer.npz``, its sha256 in the
manifest).
The command line and its workers score with it: they import neither scikit-learn nor joblib's
unpickler, start in a fraction of the time, and run no code from the model file. A model whose
featurizer or classifier has no plain-data form (character n-grams, sigmoid or isotonic
calibration) has no scorer file, and is scored from its pickle.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

import numpy as np
import scipy.sparse as sp

from ._errors import ModelError, ModelIntegrityError, block_size_error
from ._files import atomic_write_bytes, write_npz
from ._targets import LABELS
from ._vectors import (
    CONTEXT_STATEMENTS, CueBlock, DocPart, DocSignals, FeaturePlan, LinearHead, StackSignals, StatementInput,
    Perceptron, TargetBlock, TfidfBlock, TreeEnsemble, _DocLayout, _lows_words, explain_rows, gate_proba, stack_names,
    statement_inputs,
)

__all__ = ["Scorer", "Explaining", "Block", "write_scorer", "read_scorer", "scorer_path", "load_scoring_model",
           "SCORER_FORMAT", "BLOCK_STATEMENTS"]

# Format 2 (the eighth #14 round) adds a second model's trees (setting tree_blend); format 3 (the
# ninth) its perceptron (setting mlp_blend); format 4 (the tenth) the paragraph columns (setting
# paragraph_context); format 5 (the eleventh) the question columns (setting questions). A scorer
# without either is still written as format 1,
# one with trees as format 2: each file has the lowest number that holds it, which earlier versions read.
SCORER_FORMAT = 5
READ_FORMATS = (1, 2, 3, 4, 5)
# Statements featurized at a time: a batch (or one long document) with more is labelled in blocks
# of this many (see Scorer.blocks), so that memory stays bounded whatever the document's length.
BLOCK_STATEMENTS = 2_000


class Block(NamedTuple):
    """Rows ``start:stop`` of a batch labelled in blocks (see :meth:`Scorer.blocks`)."""

    start: int
    stop: int
    probas: dict[str, np.ndarray]  # per target, (stop - start, 3) in LABELS order
    features: dict[str, object] | None = None  # per target, the rows its head read (features=True)
    words: list[list[str]] | None = None  # the statements' lowercase word tokens (features=True)


class Scorer:
    """Labels statements toward targets as :class:`stancekit.StanceModel` does (tested equal to the
    last bit), from :class:`FeaturePlan` and :class:`LinearHead` per target."""

    def __init__(self, target_ids: Sequence[str], plans: Mapping[str, FeaturePlan],
                 heads: Mapping[str, LinearHead], stage1: "Scorer | None" = None) -> None:
        self._target_ids = list(target_ids)
        self.plans = dict(plans)
        self.heads = dict(heads)
        self.stage1 = stage1  # a stacked model's first model (see stancekit._model.fit_model)

    @property
    def target_ids(self) -> list[str]:
        return list(self._target_ids)

    def proba_of_inputs(self, inputs: list[StatementInput], block: int | None = None) -> dict[str, np.ndarray]:
        """Per target, an array (n, 3) of probabilities in :data:`LABELS` order (computed
        ``block`` statements at a time, see :meth:`blocks`)."""
        parts = [b.probas for b in self.blocks(inputs, block)]
        return {tid: np.concatenate([p[tid] for p in parts]) if len(parts) > 1 else parts[0][tid]
                for tid in self._target_ids}

    def blocks(self, statements: object, size: int | None = None, *, features: bool = False) -> Iterator[Block]:
        """Label ``statements`` (of one or more documents, in document order, as
        :meth:`predict_proba` takes them) ``size`` statements at a time (default
        :data:`BLOCK_STATEMENTS`), in order.

        A batch of at most ``size`` statements is one block, featurized at once. A longer one
        (a long document) is read in blocks, so that its features never stand in memory all
        at once; what a statement's features read of its document (:class:`DocSignals`: target
        named before and after, by the same actor, across the document; :class:`StackSignals`:
        a stacked model's first reading of the document) is gathered first over all blocks,
        as one or a few numbers per statement:

        1. each block's target hits and cue polarity, for every target (:meth:`FeaturePlan.doc_signals`);
           the cue and target rows they come from are kept (:meth:`FeaturePlan.row_blocks`,
           about 50 bytes a statement), not computed again in steps 2 and 3;
        2. for a stacked model, the first model's probabilities, block by block, with the
           document features of step 1;
        3. each block's features and probabilities, with steps 1 and 2 summed over the document.

        Each block is featurized with the :data:`CONTEXT_STATEMENTS` statements before it,
        whose rows are then left out: the probabilities equal those of the whole batch read at
        once, bit for bit (tested for every block size down to 1). What is kept of the whole
        batch is about 200 bytes a statement (its document, actor, signals and, stacked, the first
        model's probabilities); a block's features are what a batch of ``size`` statements needs.
        A long batch of a stacked model costs about twice the labelling time of one block
        (its words and n-grams are cut in steps 2 and 3).

        Yields
        ------
        Block
            ``start``, ``stop``, ``probas`` per target; with ``features``, also the feature
            rows each head read and the statements' word tokens (for evidence).
        """
        size = BLOCK_STATEMENTS if size is None else size
        if not isinstance(size, int) or isinstance(size, bool) or size < 1:
            raise block_size_error(size)
        items = statements if isinstance(statements, Sequence) else list(statements)
        n = len(items)
        nested = self.stage1 is not None and self.stage1.stage1 is not None
        if n <= size or nested:
            inputs = statement_inputs(items)
            cache: dict[object, object] = {}
            if not features:
                yield Block(0, n, self.label_probas(inputs, cache))
                return
            feats = self.features(inputs, cache)
            probas = {tid: in_label_order(self._head_proba(tid, X), self.heads[tid].classes) for tid, X in feats.items()}
            yield Block(0, n, probas, feats, _words(inputs, cache))
            return
        ranges = [(a, min(a + size, n)) for a in range(0, n, size)]

        def block_inputs(a: int, b: int) -> tuple[int, list[StatementInput]]:
            """Rows a:b with the statements before them that their context and target features read."""
            a0 = max(0, a - CONTEXT_STATEMENTS)
            return a - a0, statement_inputs(items[a0:b])

        # 1. Per statement: its document and actor, and each target's hits and cue polarity.
        stages = [s for s in (self.stage1, self) if s is not None]
        keyed: dict[object, FeaturePlan] = {}
        for st in stages:
            for tid in st.target_ids:
                key = st.plans[tid].doc_key()
                if key is not None:
                    keyed.setdefault(key, st.plans[tid])
        docs: list[str] = []
        actors: list[str] = []
        paras: list[int] = []
        gathered: dict[object, tuple[list[np.ndarray], ...]] = {k: ([], [], [], []) for k in keyed}  # the 4th: "about" hits
        row_parts: list[dict[object, object]] = []  # per block, its cue and target rows: kept for steps 2 and 3
        for a, b in ranges if keyed or self.stage1 is not None else ():  # else nothing reads the document
            off, inputs = block_inputs(a, b)
            docs += [it.doc for it in inputs[off:]]
            actors += [it.actor for it in inputs[off:]]
            paras += [it.para for it in inputs[off:]]
            cache = {}
            kept: dict[object, object] = {}
            for key, plan in keyed.items():
                kept.update(plan.row_blocks(inputs, cache))
                for acc, v in zip(gathered[key], plan.doc_signals(inputs, cache)):
                    acc.append(np.array(v[off:]))
            row_parts.append({k: m[off:] for k, m in kept.items()})
        layout = _DocLayout.of(docs, actors, any(p.author_actor for st in stages for p in st.plans.values()), paras)
        del docs, actors, paras
        signals = {k: DocSignals(layout, *(np.concatenate(acc) for acc in gathered[k] if acc)) for k in gathered}
        del gathered

        def block_cache(k: int, off: int) -> dict[object, object]:
            """Block ``k``'s cache: its document's signals, and the rows kept of it and of the
            ``off`` statements before it (the end of block ``k - 1``)."""
            cache: dict[object, object] = {"doc": DocPart(ranges[k][0] - off, signals)}
            for key, m in (row_parts[k].items() if row_parts else ()):
                parts, need, j = [m], off, k - 1
                while need:  # blocks may be shorter than the statements before a block
                    p = row_parts[j][key]
                    take = min(need, p.shape[0])
                    parts.insert(0, p[p.shape[0] - take:])
                    need, j = need - take, j - 1
                if len(parts) > 1:
                    m = sp.vstack(parts, format="csr") if sp.issparse(m) else np.concatenate(parts)
                cache[key] = m
            return cache
        # 2. A stacked model's first reading of every statement.
        stack = None
        if self.stage1 is not None:
            s1 = self.stage1
            p1 = {tid: np.zeros((n, 2)) for tid in s1.target_ids}  # supporting, questioning: what stacking reads
            for k, (a, b) in enumerate(ranges):
                off, inputs = block_inputs(a, b)
                for tid, p in s1.label_probas(inputs, block_cache(k, off)).items():
                    p1[tid][a:b] = p[off:, :2]
            stack = StackSignals(layout, [p1[t] for t in s1.target_ids], self._paragraph())
            del p1
        # 3. The labels, block by block.
        for k, (a, b) in enumerate(ranges):
            off, inputs = block_inputs(a, b)
            cache = block_cache(k, off)
            if stack is not None:  # read by the plans' transform from the cache (see FeaturePlan.transform)
                cache["stack"] = stack.matrix(a - off, b)
            if not features:
                yield Block(a, b, {tid: p[off:] for tid, p in self._own_probas(inputs, cache).items()})
                continue
            feats = {tid: self.plans[tid].transform(inputs, cache) for tid in self._target_ids}
            probas = {tid: in_label_order(self._head_proba(tid, X), self.heads[tid].classes)[off:]
                      for tid, X in feats.items()}
            yield Block(a, b, probas, {tid: X[off:] for tid, X in feats.items()}, _words(inputs, cache)[off:])

    def features(self, inputs: list[StatementInput], cache: dict[object, object] | None = None
                 ) -> dict[str, object]:
        """Per target, the feature matrix its head reads (after the first model, when stacked).
        Blocks that read only the statements' text, kind and actor are computed once for both
        stages (the stages share them)."""
        cache = {} if cache is None else cache
        self._stack_into(inputs, cache, features=True)
        return {tid: (self.plans[tid].transform(inputs, cache) if inputs else None) for tid in self._target_ids}

    def _stack_into(self, inputs: list[StatementInput], cache: dict[object, object], features: bool = False) -> None:
        """For a stacked model, the first model's view of ``inputs`` into ``cache["stack"]``, as one
        array (see :meth:`FeaturePlan.transform`): the same values as each statement's ``stack``
        field (:func:`stancekit._vectors.stack_rows`), without a tuple per statement."""
        if self.stage1 is None or not inputs:
            return
        s1 = self.stage1
        if features:
            p1 = {tid: in_label_order(s1._head_proba(tid, X), s1.heads[tid].classes)
                  for tid, X in s1.features(inputs, cache).items()}
        else:
            p1 = s1.label_probas(inputs, cache)
        author = any(p.author_actor for p in s1.plans.values())
        layout = cache.get(("layout", author))  # where each statement stands in its document, when computed
        cache["stack"] = StackSignals(layout if layout is not None else _DocLayout(inputs, author),
                                      [p1[t] for t in s1.target_ids], self._paragraph()).matrix(0, len(inputs))

    def _paragraph(self) -> bool:
        """Whether this stage's plans read the first model's view of the paragraph (setting
        ``paragraph_context``)."""
        return any(p.n_para for p in self.plans.values())

    def label_probas(self, inputs: list[StatementInput], cache: dict[object, object] | None = None
                     ) -> dict[str, np.ndarray]:
        """Per target, the probabilities (n, 3) in :data:`LABELS` order: what the heads give for
        :meth:`features` (bit for bit), where a linear head reads the feature blocks one after
        the other (:meth:`LinearHead.proba_of_blocks`) and the blocks are never stacked into one matrix."""
        cache = {} if cache is None else cache
        self._stack_into(inputs, cache)
        return self._own_probas(inputs, cache)

    def _own_probas(self, inputs: list[StatementInput], cache: dict[object, object]) -> dict[str, np.ndarray]:
        """:meth:`label_probas` of this stage, the first model's view (if any) already in ``cache``."""
        out = {}
        for tid in self._target_ids:
            head = self.heads[tid]
            if not inputs:
                p = np.zeros((0, len(head.classes)))
            elif type(head) is LinearHead:
                blocks = self.plans[tid].transform_blocks(inputs, cache)
                gated = self.plans[tid].gated_blocks(blocks)
                p = gate_proba(head.proba_of_blocks(blocks, len(inputs), gated), head.classes, gated)
            else:
                p = self._head_proba(tid, self.plans[tid].transform(inputs, cache))
            out[tid] = in_label_order(p, head.classes)
        return out

    def _head_proba(self, tid: str, X: object) -> np.ndarray:
        head = self.heads[tid]
        if X is None:
            return np.zeros((0, len(head.classes)))
        return gate_proba(head.predict_proba(X), head.classes, self.plans[tid].gated(X))

    def predict_proba(self, statements: object) -> dict[str, np.ndarray]:
        return self.proba_of_inputs(statements if isinstance(statements, Sequence) else list(statements))

    def _best(self, statements: object) -> list[dict[str, tuple[str, float]]]:
        """Per statement, ``{target_id: (label, probability)}`` of the most probable label."""
        return best_labels(self.predict_proba(statements))

    def _iter_best(self, statements: object, size: int | None = None
                   ) -> Iterator[tuple[int, int, list[dict[str, tuple[str, float]]]]]:
        """``(start, stop, best)`` per block of :meth:`blocks`: :meth:`_best` of rows ``start:stop``."""
        for b in self.blocks(statements, size):
            yield b.start, b.stop, best_labels(b.probas)

    def _stance_records(self, statements: object) -> list[dict[str, dict[str, object]]]:
        return stance_records(self._best(statements))

    def _iter_stance_records(self, statements: object, size: int | None = None
                             ) -> Iterator[tuple[int, int, list[dict[str, dict[str, object]]]]]:
        """``(start, stop, records)`` per block: :meth:`_stance_records` of rows ``start:stop``."""
        for a, b, best in self._iter_best(statements, size):
            yield a, b, stance_records(best)

    def explained_records(self, statements: object, k: int = 3) -> list[dict[str, dict[str, object]]]:
        """Per statement, the ``stances`` field of its record with, for each target, ``evidence``:
        the ``k`` strongest features toward the chosen label (see
        :func:`stancekit._vectors.explain_rows`)."""
        return [rec for _a, _b, recs in self._iter_explained(statements, k) for rec in recs]

    def _iter_explained(self, statements: object, k: int = 3, size: int | None = None
                        ) -> Iterator[tuple[int, int, list[dict[str, dict[str, object]]]]]:
        """``(start, stop, records)`` per block: :meth:`explained_records` of rows ``start:stop``."""
        snames = stack_names(self.stage1.target_ids, self._paragraph()) if self.stage1 is not None else ()
        for blk in self.blocks(statements, size, features=True):
            best = best_labels(blk.probas)
            out = stance_records(best)
            for tid, X in blk.features.items():
                if X is None:
                    continue
                chosen = [row[tid][0] for row in best]
                ev = explain_rows(X, self.heads[tid], chosen, self.plans[tid].feature_names(snames), blk.words, k)
                for rec, e in zip(out, ev):
                    rec[tid]["evidence"] = e
            yield blk.start, blk.stop, out

    @property
    def evidence_note(self) -> str | None:
        """What the evidence (:meth:`explain`) leaves out, when it leaves out part of the model:
        with trees (setting ``tree_blend``) or a perceptron (``mlp_blend``) the labels blend the
        linear model's probabilities with theirs, and the evidence reads the linear model's weights
        alone. None without either."""
        blends = sorted({(tid, h.tree_blend) for tid, h in self.heads.items() if getattr(h, "trees", None) is not None})
        nets = sorted({(tid, h.mlp_blend) for tid, h in self.heads.items() if getattr(h, "mlp", None) is not None})
        if not blends and not nets:
            return None
        parts = []
        if blends:
            shares = ", ".join(f"{tid} {b:g}" for tid, b in blends)
            parts.append(f"gradient-boosted trees' (the trees' share: {shares})")
        if nets:
            shares = ", ".join(f"{tid} {b:g}" for tid, b in nets)
            parts.append(f"a perceptron's (the perceptron's share: {shares})")
        return (f"evidence reads the linear model's weights only: the labels blend its probabilities with "
                f"{' and '.join(parts)}, which the evidence does not explain")

    def explain(self, statements: object, k: int = 3) -> list[dict[str, list[str]]]:
        """Per statement, ``{target_id: evidence}``: the ``k`` terms and cues that weighed most
        toward the label :meth:`predict_proba` chooses (see :meth:`explained_records`). With
        trees, the linear model's evidence only (see :attr:`evidence_note`)."""
        return [{tid: st["evidence"] for tid, st in row.items()} for row in self.explained_records(statements, k)]

    def __repr__(self) -> str:
        return f"Scorer(targets={self._target_ids!r})"


class Explaining:
    """A scoring model whose records carry evidence (``stancekit score --explain``): its
    ``_stance_records`` are :meth:`Scorer.explained_records`. It has no ``_best``, so batch
    scoring builds each record with its ``evidence``."""

    def __init__(self, model: object, k: int = 3) -> None:
        scorer = model if isinstance(model, Scorer) else model.scorer()
        if scorer is None:
            raise ModelError(f"{type(model).__name__} has no linear scorer (sigmoid or isotonic calibration): "
                             "--explain needs the logistic regression's own weights")
        self.scorer = scorer
        self.k = int(k)
        self.target_ids = scorer.target_ids
        self.note = scorer.evidence_note  # with trees: what the evidence does not explain

    def _stance_records(self, statements: object) -> list[dict[str, dict[str, object]]]:
        return self.scorer.explained_records(statements, self.k)

    def _iter_stance_records(self, statements: object, size: int | None = None
                             ) -> Iterator[tuple[int, int, list[dict[str, dict[str, object]]]]]:
        return self.scorer._iter_explained(statements, self.k, size)


def _words(inputs: list[StatementInput], cache: dict[object, object]) -> list[list[str]]:
    """The statements' lowercase :data:`_WORD` tokens: the featurizers' own when they cut them."""
    return _lows_words(inputs, cache)[1]


def in_label_order(proba: np.ndarray, classes: Sequence[object]) -> np.ndarray:
    """Probabilities whose columns follow ``classes``, as columns in :data:`LABELS` order (a label
    the classifier never saw gets zeros)."""
    full = np.zeros((len(proba), len(LABELS)))
    for j, c in enumerate(classes):
        full[:, LABELS.index(c)] = proba[:, j]
    return full


def stance_records(best: list[dict[str, tuple[str, float]]]) -> list[dict[str, dict[str, object]]]:
    """Per statement, the ``stances`` field of its SPEC section 5 record (as
    :meth:`stancekit.Stance.to_dict` gives it), from :func:`best_labels`."""
    return [{tid: {"label": label, "confidence": round(conf, 4)} for tid, (label, conf) in row.items()}
            for row in best]


def best_labels(probas: Mapping[str, np.ndarray]) -> list[dict[str, tuple[str, float]]]:
    """Per statement, ``{target_id: (label, probability)}`` of the most probable label."""
    n = len(next(iter(probas.values()))) if probas else 0
    out: list[dict[str, tuple[str, float]]] = [{} for _ in range(n)]
    for tid, p in probas.items():
        idx = np.argmax(p, axis=1)
        confidence = p[np.arange(n), idx].tolist()
        for row, k, c in zip(out, idx.tolist(), confidence):
            row[tid] = (LABELS[k], c)
    return out


# -- the file ---------------------------------------------------------------------------------------

def scorer_path(model_path: str | Path) -> Path:
    """``MODEL.joblib.scorer.npz`` beside ``MODEL.joblib`` (named after the whole file name, as the
    manifest is, so that two models in one folder never share one)."""
    p = Path(model_path)
    return p.with_name(p.name + ".scorer.npz")


def _text_array(items: Sequence[str]) -> np.ndarray:
    joined = "\n".join(items)
    return np.frombuffer(joined.encode("utf-8"), dtype=np.uint8)


def _texts(a: np.ndarray) -> list[str]:
    return a.tobytes().decode("utf-8").split("\n") if len(a) else []


def _exportable_text(items: Sequence[str]) -> bool:
    return all("\n" not in s for s in items)


def scorer_arrays(scorer: Scorer) -> dict[str, np.ndarray] | None:
    """The scorer as named arrays (a JSON description in ``meta``); None when a block has no
    plain-data form."""
    arrays: dict[str, np.ndarray] = {}
    tfidf: dict[int, int] = {}  # id(block) -> index, so that shared blocks are written once
    cues: dict[int, int] = {}
    tfidf_meta: list[dict[str, object]] = []
    cue_meta: list[dict[str, object]] = []

    def tfidf_ref(b: object) -> int | None:
        if b is None:
            return None
        if not isinstance(b, TfidfBlock) or not _exportable_text(b.terms):
            raise _NotExportable
        if id(b) not in tfidf:
            k = tfidf[id(b)] = len(tfidf_meta)
            tfidf_meta.append({"sublinear": b.sublinear, "norm": b.norm, "token_pattern": b.token_pattern,
                               "ngram_range": list(b.ngram_range),
                               "affix_lengths": None if b.affix_lengths is None else list(b.affix_lengths)})
            arrays[f"tfidf{k}_terms"] = _text_array(b.terms)
            arrays[f"tfidf{k}_idf"] = b.idf
        return tfidf[id(b)]

    def cue_ref(c: CueBlock | None) -> int | None:
        if c is None:
            return None
        if id(c) not in cues:
            cues[id(c)] = len(cue_meta)
            cue_meta.append({"negation_window": c.negation_window, "lexicon_dirs": list(c.lexicon_dirs)})
        return cues[id(c)]

    def target_metas(sc: Scorer, prefix: str) -> list[dict[str, object]]:
        targets = []
        for t, tid in enumerate(sc.target_ids):
            plan, head = sc.plans[tid], sc.heads[tid]
            if plan.char is not None:
                raise _NotExportable
            tgt = plan.target
            if tgt is not None and not (_exportable_text(tgt.phrases) and _exportable_text(tgt.anaphora)
                                        and _exportable_text(tgt.about)):
                raise _NotExportable
            targets.append({
                "id": tid,
                "word": tfidf_ref(plan.word), "affix": tfidf_ref(plan.affix), "context": tfidf_ref(plan.context),
                "actor": tfidf_ref(plan.actor), "cues": cue_ref(plan.cues),
                "target": None if tgt is None else {"phrases": list(tgt.phrases), "anaphora": list(tgt.anaphora),
                                                    **({"about": list(tgt.about)} if tgt.about else {})},
                "kind": plan.kind, "context_weight": plan.context_weight, "actor_weight": plan.actor_weight,
                "interaction_weight": plan.interaction_weight, "doc_weight": plan.doc_weight,
                "stack_weight": plan.stack_weight, "n_stack": plan.n_stack, "actor_role": plan.actor_role,
                "author_actor": plan.author_actor, **({"doc_focus": True} if plan.doc_focus else {}),
                **({"doc_gate": True} if plan.doc_gate else {}),
                **({"author_stack": True} if plan.author_stack else {}),
                **({"n_para": plan.n_para} if plan.n_para else {}),
                **({"questions": True} if plan.questions else {}),
                "classes": list(head.classes), "temperature": head.temperature,
                **({"neutral_bias": head.neutral_bias} if head.neutral_bias else {}),
                **({"tree_blend": head.tree_blend, "tree_columns": head.trees.n_columns}
                   if head.trees is not None else {}),
                **({"mlp_blend": head.mlp_blend, "mlp_columns": head.mlp.n_columns}
                   if getattr(head, "mlp", None) is not None else {}),
            })
            arrays[f"{prefix}head{t}_coef"] = head.coef
            arrays[f"{prefix}head{t}_intercept"] = head.intercept
            if head.trees is not None:
                for name, a in head.trees.arrays().items():
                    arrays[f"{prefix}head{t}_trees_{name}"] = a
            if getattr(head, "mlp", None) is not None:
                for name, a in head.mlp.arrays().items():
                    arrays[f"{prefix}head{t}_mlp_{name}"] = a
        return targets

    try:
        targets = target_metas(scorer, "")
        stage1 = None
        if scorer.stage1 is not None:
            if scorer.stage1.stage1 is not None:
                raise _NotExportable
            stage1 = {"targets": target_metas(scorer.stage1, "stage1_")}
    except _NotExportable:
        return None
    metas = [m for st in [targets] + ([stage1["targets"]] if stage1 else []) for m in st]
    fmt = (5 if any("questions" in m for m in metas) else 4 if any("n_para" in m for m in metas) else 3 if any("mlp_blend" in m for m in metas)
           else 2 if any("tree_blend" in m for m in metas) else 1)
    meta = {"format": fmt, "labels": list(LABELS), "targets": targets, "tfidf": tfidf_meta,
            "cues": cue_meta}
    if stage1 is not None:
        meta["stage1"] = stage1
    arrays["meta"] = _text_array([json.dumps(meta, ensure_ascii=False, sort_keys=True)])
    return arrays


class _NotExportable(Exception):
    pass


def write_scorer(scorer: Scorer, path: str | Path) -> bool:
    """Write ``scorer`` to ``path`` (an ``.npz`` archive, written atomically, the same bytes for the
    same scorer); False, and nothing written, when it has no plain-data form."""
    arrays = scorer_arrays(scorer)
    if arrays is None:
        return False

    atomic_write_bytes(Path(path), lambda f: write_npz(f, arrays))
    return True


def read_scorer(path: str | Path, sha256: str | None = None) -> Scorer:
    """Read a scorer written by :func:`write_scorer`, after checking its sha256 when given (the
    bytes checked are the bytes read).

    Raises
    ------
    ModelIntegrityError
        The file's sha256 differs from ``sha256``.
    ModelError
        The file is missing, or it is not a stancekit scorer (the message says why).
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ModelError(f"{path}: scorer file cannot be read ({e.strerror or e})") from None
    if sha256 is not None:
        digest = hashlib.sha256(data).hexdigest()
        if digest != sha256:
            raise ModelIntegrityError(f"{path}: sha256 {digest} does not match the manifest's {sha256}; "
                                      "the file was changed or corrupted, and is refused unread")
    try:
        return _scorer_of_arrays(data)
    except ModelError as e:
        raise ModelError(f"{path}: {e}") from None
    except Exception as e:  # noqa: BLE001 -- whatever a foreign file trips, the user gets one clear error
        raise ModelError(f"{path}: not a stancekit scorer ({type(e).__name__}: {e})") from None


def _scorer_of_arrays(data: bytes) -> Scorer:
    loaded = np.load(io.BytesIO(data), allow_pickle=False)
    if not isinstance(loaded, np.lib.npyio.NpzFile):
        raise ModelError("not a stancekit scorer (a single array, not an archive)")
    with loaded as z:
        arrays = {k: z[k] for k in z.files}
    if "meta" not in arrays:
        raise ModelError("not a stancekit scorer (no meta)")
    meta = json.loads(_texts(arrays["meta"])[0])
    if not isinstance(meta, dict) or meta.get("format") not in READ_FORMATS:
        found = meta.get("format") if isinstance(meta, dict) else None
        raise ModelError(f"scorer format {found!r}, this stancekit reads {', '.join(map(str, READ_FORMATS))}")
    blocks = []
    for k, m in enumerate(meta["tfidf"]):
        blocks.append(TfidfBlock(_texts(arrays[f"tfidf{k}_terms"]), arrays[f"tfidf{k}_idf"],
                                 sublinear=m["sublinear"], norm=m["norm"], token_pattern=m["token_pattern"],
                                 ngram_range=tuple(m["ngram_range"]),
                                 affix_lengths=None if m["affix_lengths"] is None else tuple(m["affix_lengths"])))
        if len(blocks[-1].terms) != len(blocks[-1].idf):
            raise ModelError(f"block {k} has {len(blocks[-1].terms)} terms and {len(blocks[-1].idf)} weights")
    cue_blocks = [CueBlock(int(m["negation_window"]), tuple(m["lexicon_dirs"])) for m in meta["cues"]]

    def ref(i: int | None):
        return None if i is None else blocks[i]

    def stage(targets: list[dict[str, object]], prefix: str, stage1: Scorer | None) -> Scorer:
        plans, heads, ids = {}, {}, []
        for t, m in enumerate(targets):
            tid = m["id"]
            ids.append(tid)
            tgt = m["target"]
            plans[tid] = FeaturePlan(
                word=ref(m["word"]), char=None, affix=ref(m["affix"]), context=ref(m["context"]), actor=ref(m["actor"]),
                cues=None if m["cues"] is None else cue_blocks[m["cues"]],
                target=None if tgt is None else TargetBlock(tgt["phrases"], tgt["anaphora"], tgt.get("about", ())),
                kind=bool(m["kind"]), context_weight=m["context_weight"], actor_weight=m["actor_weight"],
                interaction_weight=m["interaction_weight"], doc_weight=float(m.get("doc_weight", 0.0)),
                stack_weight=float(m.get("stack_weight", 0.0)), n_stack=int(m.get("n_stack", 0)),
                actor_role=bool(m.get("actor_role", False)), author_actor=bool(m.get("author_actor", False)),
                doc_focus=bool(m.get("doc_focus", False)), doc_gate=bool(m.get("doc_gate", False)),
                author_stack=bool(m.get("author_stack", False)), n_para=int(m.get("n_para", 0)),
                questions=bool(m.get("questions", False)))
            trees = None
            if "tree_blend" in m:
                trees = TreeEnsemble(**{k: arrays[f"{prefix}head{t}_trees_{k}"] for k in TreeEnsemble.ARRAYS},
                                     n_columns=int(m["tree_columns"]))
            mlp = None
            if "mlp_blend" in m:
                try:
                    mlp = Perceptron(**{k: arrays[f"{prefix}head{t}_mlp_{k}"] for k in Perceptron.ARRAYS},
                                     n_columns=int(m["mlp_columns"]))
                except (KeyError, ValueError) as e:
                    raise ModelError(f"target {tid!r}: the perceptron's arrays are missing or do not fit ({e})") from None
            heads[tid] = LinearHead(m["classes"], arrays[f"{prefix}head{t}_coef"], arrays[f"{prefix}head{t}_intercept"],
                                    m["temperature"], float(m.get("neutral_bias", 0.0)), trees,
                                    float(m.get("tree_blend", 0.0)), mlp, float(m.get("mlp_blend", 0.0)))
        return Scorer(ids, plans, heads, stage1=stage1)

    first = stage(meta["stage1"]["targets"], "stage1_", None) if meta.get("stage1") else None
    return stage(meta["targets"], "", first)


def load_scoring_model(path: str | Path | None = None, *, strict: bool = False) -> object:
    """What batch scoring labels with: the model's :class:`Scorer` when its manifest lists one (no
    scikit-learn, nothing unpickled), else the :class:`stancekit.StanceModel` itself.

    The model file is checked as :func:`stancekit.load_model` checks it (manifest, sha256,
    versions), and the scorer file (``MODEL.scorer.npz`` beside ``MODEL.joblib``) against the
    manifest's sha256. A model copied without its scorer file is scored from its pickle.
    """
    from ._files import check_model
    path, manifest = check_model(path, strict=strict)
    entry = manifest.get("scorer")
    spath = scorer_path(path)
    if isinstance(entry, dict) and isinstance(entry.get("sha256"), str) and spath.is_file():
        return read_scorer(spath, entry["sha256"])
    from ._model import load_model  # no scorer, or the model was copied without it: the pickle
    return load_model(path, strict=strict)
