"""The ``stancekit`` command line."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from ._errors import (DataError, ModelError, OutputLockedError, StancekitError, UsageError, explain_count_error, jobs_error,
                      output_is_directory, scheduler_address_error, seconds_error)

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


def _jobs_arg(value: str) -> int:
    """``--jobs``: a positive int, or -1 for all cores (argparse turns the error into exit status 2)."""
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n == 0 or n < -1:
        raise argparse.ArgumentTypeError(jobs_error(value, ""))
    return n


_SCHEDULER = None


def _scheduler_arg(value: str) -> str:
    """``--scheduler``: a Dask address, ``[scheme://]HOST:PORT`` (or ``inproc://...``)."""
    global _SCHEDULER
    if _SCHEDULER is None:
        import re
        _SCHEDULER = re.compile(r"(?:(?:tcp|tls|ucx|ws|wss)://)?(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+):[0-9]{1,5}"
                                r"|inproc://\S+")
    if not _SCHEDULER.fullmatch(value):
        raise argparse.ArgumentTypeError(str(scheduler_address_error(value, "")))
    return value


def _positive_int(value: str) -> int:
    """``--explain K``: a positive int (argparse turns the error into exit status 2)."""
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(explain_count_error(value))
    return n


def _positive_float(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        x = -1.0
    if not x > 0 or x != x or x == float("inf"):
        raise argparse.ArgumentTypeError(seconds_error(value))
    return x


def check_output(path: str | None, option: str = "-o") -> None:
    """Refuse, before any work, an output path that names a directory."""
    if path and path != "-" and Path(path).is_dir():
        raise output_is_directory(path, option)


def _targets_arg(path: str | None):
    from ._targets import default_targets, load_targets
    return load_targets(path) if path else default_targets()


def _cmd_segment(a: argparse.Namespace) -> int:
    from ._batch import atomic_output, iter_documents, no_statements
    from ._segment import segment
    check_output(a.output)
    out, commit = (atomic_output(Path(a.output)) if a.output else (sys.stdout, None))
    failed = 0
    for doc in iter_documents(a.paths, max_length=a.max_length, stdin_format=a.stdin_format, warn=_warn):
        if doc.error:
            failed += 1
            out.write(json.dumps({"doc_id": doc.doc_id, "error": doc.error}, ensure_ascii=False) + "\n")
            continue
        statements = segment(doc.text, doc.doc_id, lexicon_dirs=a.lexicon, max_length=a.max_length)
        for st in statements:
            out.write(json.dumps(st.to_dict(), ensure_ascii=False) + "\n")
        if not statements:
            out.write(json.dumps(no_statements(doc.doc_id, doc.text), ensure_ascii=False) + "\n")
    if commit:
        commit()
    return EXIT_FAIL if failed else EXIT_OK


def _warn(message: str) -> None:
    print(f"stancekit: warning: {message}", file=sys.stderr)


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
    check_output(a.output)
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
    check_output(a.output)
    check_output(a.settings_out, "--settings-out")
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


def _add_reading_options(p: argparse.ArgumentParser) -> None:
    """``--max-length`` and ``--stdin-format``: how ``segment`` and ``score`` read their documents."""
    from ._segment import DEFAULT_MAX_LENGTH
    p.add_argument("--max-length", type=int, default=DEFAULT_MAX_LENGTH, metavar="CHARS",
                   help="longer documents become error records (default %(default)s characters)")
    p.add_argument("--stdin-format", choices=("text", "jsonl"), default="text",
                   help="standard input (-) is one text document, or JSONL of {id, text} (default %(default)s)")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="stancekit", description="Policy-stance analysis of news articles.")
    p.add_argument("--version", action="version", version=_version())
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("segment", help="cut articles into attributed statements (JSONL)", epilog=_EPILOG)
    s.add_argument("paths", nargs="+", help="files, directories (*.txt), JSONL files of {id, text}, or - for stdin")
    s.add_argument("-o", "--output", help="write here (atomically) instead of standard output")
    s.add_argument("--lexicon", action="append", default=[], metavar="DIR",
                   help="extra rule data (speech_verbs.txt, titles.txt, ...) extending the shipped lexicons")
    _add_reading_options(s)
    s.set_defaults(func=_cmd_segment)

    v = sub.add_parser("validate", help="check labelled sets; report each problem as file:line: reason")
    v.add_argument("paths", nargs="+", help="labelled sets: SPEC folders or flat .jsonl/.csv files")
    v.add_argument("--targets", help="JSON file of targets (default: the shipped ones)")
    v.set_defaults(func=_cmd_validate)

    st = sub.add_parser("stats", help="counts per target x label, kind, genre and document (Markdown)")
    st.add_argument("paths", nargs="+", help="labelled sets: SPEC folders or flat .jsonl/.csv files")
    st.add_argument("--targets", help="JSON file of targets (default: the shipped ones)")
    st.add_argument("-o", "--output", help="write the tables here instead of standard output")
    st.set_defaults(func=_cmd_stats)

    t = sub.add_parser("train", help="train a stance model from labelled sets")
    t.add_argument("paths", nargs="+", help="SPEC folders or flat .jsonl/.csv files (text, target, label)")
    t.add_argument("-o", "--output", required=True, help="model file to write (.joblib; a manifest is written beside it)")
    t.add_argument("--targets", help="JSON file of targets; default: shipped definitions for known ids, else from the data")
    t.add_argument("--dev", action="append", default=[], help="held-out set: report figures of a model trained without it")
    t.add_argument("--select", action="store_true", help="choose settings on --dev from a small grid first")
    t.add_argument("--select-cv", type=int, default=0, metavar="K",
                   help="choose settings from the grid by K-fold cross-validation by document on the training data")
    t.add_argument("--settings", help="JSON file of settings (see docs/model-card.md)")
    t.add_argument("--settings-out", help="write the chosen settings here")
    t.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="override one setting")
    t.add_argument("--eval", action="append", default=[], help="extra labelled set to evaluate on (e.g. the seed)")
    t.add_argument("--seed", type=int, default=0, help="random_state of the classifiers (default 0)")
    t.set_defaults(func=_cmd_train)

    e = sub.add_parser("evaluate", help="precision, recall, F1, F_avg (SPEC 7), confusion, attribution accuracy")
    e.add_argument("model", help="model file (.joblib) written by `stancekit train`")
    e.add_argument("paths", nargs="+", help="labelled sets to evaluate on")
    e.add_argument("--cv", type=int, default=0, metavar="K", help="K-fold cross-validation on the data instead")
    e.add_argument("--json", action="store_true", help="print the results as JSON")
    e.set_defaults(func=_cmd_evaluate)

    sc = sub.add_parser("score", help="segment and label articles (SPEC 5 records)", epilog=_EPILOG)
    sc.add_argument("paths", nargs="+", help="files, directories (recursive *.txt), JSONL files of {id, text}, or -")
    sc.add_argument("--format", choices=("jsonl", "csv"), default="jsonl",
                    help="JSONL records (SPEC 5) or CSV with the same fields flattened (default %(default)s)")
    sc.add_argument("-o", "--output", help="output file, written atomically; a lock file OUTPUT.lock keeps "
                                           "a second run from writing it at the same time")
    sc.add_argument("--model", help="model file (default: the shipped model)")
    sc.add_argument("--jobs", type=_jobs_arg, default=1, metavar="N",
                    help="processes at work: this one and N-1 joblib workers; -1 for all cores")
    sc.add_argument("--scheduler", type=_scheduler_arg, metavar="ADDR",
                    help="Dask scheduler address, e.g. tcp://HOST:8786 (needs stancekit[dask])")
    sc.add_argument("--scheduler-timeout", type=_positive_float, default=10.0, metavar="SECONDS",
                    help="give up when the scheduler does not answer within this time (default %(default)s)")
    sc.add_argument("--resume", action="store_true", help="continue an interrupted run into the same -o file")
    sc.add_argument("--explain", nargs="?", type=_positive_int, const=3, default=0, metavar="K",
                    help="add to each stance its evidence: the K (default 3) terms and cues that weighed most "
                         "toward the label (JSONL: 'evidence' lists; CSV: <target>_evidence columns); scores in "
                         "this process only (--jobs and --scheduler are not used)")
    g = sc.add_mutually_exclusive_group()
    g.add_argument("--progress", action="store_true", help="show progress on stderr even when not a terminal")
    g.add_argument("--quiet", action="store_true", help="no progress")
    _add_reading_options(sc)
    sc.set_defaults(func=_cmd_score)

    r = sub.add_parser("report", help="per actor and target: label counts and the strongest evidence")
    r.add_argument("scored", help="a JSONL file written by `stancekit score`")
    r.add_argument("--csv", metavar="FILE", help="write the table as CSV (- for stdout)")
    r.add_argument("--html", metavar="FILE", help="write one self-contained HTML page")
    r.add_argument("--explain", action="store_true",
                   help="show the evidence terms beside each row's strongest statement (from `score --explain`)")
    r.add_argument("--min-statements", type=int, default=1, metavar="N",
                   help="leave out (actor, target) rows with fewer statements (default %(default)s)")
    r.set_defaults(func=_cmd_report)
    return p


_EPILOG = ("Every input yields its statements, or one record that says why there are none: "
           '{"doc_id", "statements": 0, "reason"} (read, but no sentence of English prose in it) or '
           '{"doc_id", "error"} (unreadable). A document id used twice (the same JSONL id, or a/x.txt and '
           "b/x.txt) is made unique in input order (x, x~2, x~3, ...) with a warning naming the file and line. "
           "Exit status: 0 every input read, 1 some input failed, 2 usage error (a bad option value, -o naming "
           "a directory, or an output file that another run is writing).")


def _version() -> str:
    from . import __version__
    return f"stancekit {__version__}"


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    a = parser.parse_args(argv)
    try:
        return a.func(a)
    except (UsageError, OutputLockedError) as e:
        print(f"stancekit {a.command}: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except (StancekitError, DataError, ModelError) as e:
        print(f"stancekit {a.command}: error: {e}", file=sys.stderr)
        return EXIT_FAIL
    except OSError as e:  # a file the command itself reads or writes (documents never get here)
        where = f"{e.filename}: " if e.filename else ""
        print(f"stancekit {a.command}: error: {where}{e.strerror or e}", file=sys.stderr)
        return EXIT_FAIL
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAIL
    except KeyboardInterrupt:
        print(f"stancekit {a.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
