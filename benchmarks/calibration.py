"""Reliability of the model's confidence on fixtures/dev (model trained on fixtures/train only).

Usage: python benchmarks/calibration.py

Prints, for calibration "temperature" and None, the expected calibration error
(ECE, 10 equal-width bins of the predicted label's probability), the Brier
score and the pooled F_avg (temperature scaling must leave labels unchanged).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from stancekit._data import read_labelled
from stancekit._evaluate import f_avg
from stancekit._model import fit_model
from stancekit._targets import LABELS, default_targets

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    targets = default_targets()
    ids = [t.id for t in targets]
    train, _ = read_labelled([ROOT / "fixtures" / "train"], ids)
    dev, _ = read_labelled([ROOT / "fixtures" / "dev"], ids)
    settings = json.loads((ROOT / "models" / "settings.json").read_text())
    sts = [s for s in dev.statements if not s.ambiguous]
    inputs = [{"text": s.text, "context": s.context, "kind": s.kind, "actor": s.actor} for s in sts]
    for cal in ("temperature", None):
        m = fit_model(train, targets, {**settings, "calibration": cal})
        probas = m.predict_proba(inputs)
        conf, correct, brier, yt, yp = [], [], [], [], []
        for t in ids:
            p = probas[t]
            truth = np.array([LABELS.index(dev.label_of(s, t)) for s in sts])
            pred = p.argmax(axis=1)
            conf += list(p.max(axis=1))
            correct += list(pred == truth)
            onehot = np.eye(len(LABELS))[truth]
            brier += list(((p - onehot) ** 2).sum(axis=1))
            yt += [LABELS[i] for i in truth]
            yp += [LABELS[i] for i in pred]
        conf, correct = np.array(conf), np.array(correct, dtype=float)
        bins = np.minimum((conf * 10).astype(int), 9)
        ece = sum(abs(conf[bins == b].mean() - correct[bins == b].mean()) * (bins == b).mean()
                  for b in range(10) if (bins == b).any())
        temps = {t: round(float(m.pipelines[t][-1].temperature_), 3) for t in ids}
        print(f"calibration={cal!s:<12} ECE {ece:.4f}  Brier {np.mean(brier):.4f}  accuracy {correct.mean():.4f}"
              f"  F_avg {f_avg(yt, yp):.4f}  mean confidence {conf.mean():.4f}  temperatures {temps}")


if __name__ == "__main__":
    main()
