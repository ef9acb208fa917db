"""The ``stancekit`` command line."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from ._errors import DataError, ModelError, StancekitError

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


def _targets_arg(path: str | None):
    from ._targets import default_targets, load_targets
    return load_targets(path) if path else default_targets()


def _cmd_segment(a: argparse.Namespace) -> int:
    from ._batch import atomic_output, iter_documents
    from ._segment import segment
    out, commit = (atomic_output(Path(a.output)) if a.output else (sys.stdout, None))
    failed = 0
    for doc in iter_documents(a.paths, max_length=a.max_length, stdin_format=a.stdin_format):
        if doc.error:
            failed += 1
            out.write(json.dumps({"doc_id": doc.doc_id, "error": doc.error}, ensure_ascii=False) + "\n")
            continue
        for st in segment(doc.text, doc.doc_id, lexicon_dirs=a.lexicon, max_length=a.max_length):
            out.write(json.dumps(st.to_dict(), ensure_ascii=False) + "\n")
    if commit:
        commit()
    return EXIT_FAIL if failed else EXIT_OK


def _cmd_validate(a: argparse.Namespace) -> int:
    from ._data import validate_paths
    targets = [t.id for t in _targets_arg(a.targets)]
    problems = validate_paths(a.paths, targets)
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return EXIT_FAIL
    print("OK")
    return EXIT_OK


def _cmd_stats(a: argparse.Namespace) -> int:
    from ._data import read_labelled, stats_table
    targets = [t.id for t in _targets_arg(a.targets)]
    data, _ = read_labelled(a.paths, targets)
    table = stats_table(data, targets)
    if a.output:
        Path(a.output).write_text(table, encoding="utf-8")
    else:
        sys.stdout.write(table)
    return EXIT_OK


def _parse_settings(items: list[str]) -> dict[str, object]:
    out: dict[str, object] = {}
    for item in items:
        key, sep, val = item.partition("=")
        if not sep:
            raise DataError(f"--set {item!r}: expected KEY=VALUE")
        try:
            out[key] = json.loads(val)
        except json.JSONDecodeError:
            out[key] = val
    return out


def _cmd_train(a: argparse.Namespace) -> int:
    from ._train import train_command
    return train_command(a)


def _cmd_evaluate(a: argparse.Namespace) -> int:
    from ._data import read_labelled
    from ._evaluate import evaluate_model, format_result
    from ._model import load_model
    from ._train import cross_validate
    model = load_model(a.model)
    data, _ = read_labelled(a.paths, model.target_ids)
    if a.cv:
        res = cross_validate(data, model.targets, model.settings, a.cv)
        results = [res]
    else:
        results = evaluate_model(model, data)
    if a.json:
        print(json.dumps([r.to_dict() for r in results], indent=2))
    else:
        print("\n\n".join(format_result(r) for r in results))
    return EXIT_OK


def _cmd_score(a: argparse.Namespace) -> int:
    from ._score import score_command
    return score_command(a)


def _cmd_report(a: argparse.Namespace) -> int:
    from ._report import report_command
    return report_command(a)


def build_parser() -> argparse.ArgumentParser:
    from ._segment import DEFAULT_MAX_LENGTH
    p = argparse.ArgumentParser(prog="stancekit", description="Policy-stance analysis of news articles.")
    p.add_argument("--version", action="version", version=_version())
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("segment", help="cut articles into attributed statements (JSONL)")
    s.add_argument("paths", nargs="+", help="files, directories (*.txt), JSONL files of {id, text}, or - for stdin")
    s.add_argument("-o", "--output", help="write here (atomically) instead of standard output")
    s.add_argument("--lexicon", action="append", default=[], metavar="DIR",
                   help="extra rule data (speech_verbs.txt, titles.txt, ...) extending the shipped lexicons")
    s.add_argument("--max-length", type=int, default=DEFAULT_MAX_LENGTH)
    s.add_argument("--stdin-format", choices=("text", "jsonl"), default="text")
    s.set_defaults(func=_cmd_segment)

    v = sub.add_parser("validate", help="check labelled sets; report each problem as file:line: reason")
    v.add_argument("paths", nargs="+")
    v.add_argument("--targets", help="JSON file of targets (default: the shipped ones)")
    v.set_defaults(func=_cmd_validate)

    st = sub.add_parser("stats", help="counts per target x label, kind, genre and document (Markdown)")
    st.add_argument("paths", nargs="+")
    st.add_argument("--targets")
    st.add_argument("-o", "--output")
    st.set_defaults(func=_cmd_stats)

    t = sub.add_parser("train", help="train a stance model from labelled sets")
    t.add_argument("paths", nargs="+", help="SPEC folders or flat .jsonl/.csv files (text, target, label)")
    t.add_argument("-o", "--output", required=True, help="model file to write (.joblib; a manifest is written beside it)")
    t.add_argument("--targets", help="JSON file of targets; default: shipped definitions for known ids, else from the data")
    t.add_argument("--dev", action="append", default=[], help="held-out set: report figures of a model trained without it")
    t.add_argument("--select", action="store_true", help="choose settings on --dev from a small grid first")
    t.add_argument("--settings", help="JSON file of settings (see docs/model-card.md)")
    t.add_argument("--settings-out", help="write the chosen settings here")
    t.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="override one setting")
    t.add_argument("--eval", action="append", default=[], help="extra labelled set to evaluate on (e.g. the seed)")
    t.add_argument("--seed", type=int, default=0, help="random_state of the classifiers (default 0)")
    t.set_defaults(func=_cmd_train)

    e = sub.add_parser("evaluate", help="precision, recall, F1, F_avg (SPEC 7), confusion, attribution accuracy")
    e.add_argument("model")
    e.add_argument("paths", nargs="+")
    e.add_argument("--cv", type=int, default=0, metavar="K", help="K-fold cross-validation on the data instead")
    e.add_argument("--json", action="store_true")
    e.set_defaults(func=_cmd_evaluate)

    sc = sub.add_parser("score", help="segment and label articles (SPEC 5 records)")
    sc.add_argument("paths", nargs="+", help="files, directories (recursive *.txt), JSONL files of {id, text}, or -")
    sc.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    sc.add_argument("-o", "--output", help="output file, written atomically")
    sc.add_argument("--model", help="model file (default: the shipped model)")
    sc.add_argument("--jobs", type=int, default=1,
                    help="processes at work: this one and N-1 joblib workers; -1 for all cores")
    sc.add_argument("--scheduler", help="Dask scheduler address (needs stancekit[dask])")
    sc.add_argument("--resume", action="store_true", help="continue an interrupted run into the same -o file")
    g = sc.add_mutually_exclusive_group()
    g.add_argument("--progress", action="store_true", help="show progress on stderr even when not a terminal")
    g.add_argument("--quiet", action="store_true", help="no progress")
    sc.add_argument("--max-length", type=int, default=DEFAULT_MAX_LENGTH)
    sc.add_argument("--stdin-format", choices=("text", "jsonl"), default="text")
    sc.set_defaults(func=_cmd_score)

    r = sub.add_parser("report", help="per actor and target: label counts and the strongest evidence")
    r.add_argument("scored", help="a JSONL file written by `stancekit score`")
    r.add_argument("--csv", metavar="FILE", help="write the table as CSV (- for stdout)")
    r.add_argument("--html", metavar="FILE", help="write one self-contained HTML page")
    r.add_argument("--min-statements", type=int, default=1)
    r.set_defaults(func=_cmd_report)
    return p


def _version() -> str:
    from . import __version__
    return f"stancekit {__version__}"


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    a = parser.parse_args(argv)
    try:
        return a.func(a)
    except (StancekitError, DataError, ModelError) as e:
        print(f"stancekit {a.command}: error: {e}", file=sys.stderr)
        return EXIT_FAIL
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAIL
    except KeyboardInterrupt:
        print(f"stancekit {a.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
