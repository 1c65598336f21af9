"""Command line. Heavy modules (spaCy, dateparser, bs4) are imported inside the commands,
so `pubsift --help` answers at once.

Each sub-command is one function `cmd_NAME(args) -> exit code`, registered in COMMANDS with
its argument builder: adding a command means adding one pair.
"""
from __future__ import annotations

import argparse
import sys
from typing import Callable

EXIT_OK, EXIT_FAILED_PAGES, EXIT_USAGE, EXIT_ERROR = 0, 3, 2, 1


EXIT_INTERRUPTED = 130  # SIGINT or SIGTERM


def _terminate_as_interrupt() -> None:
    """SIGTERM stops a run the way Ctrl-C does: workers stopped, no half-written outputs."""
    import signal

    def _raise(signum, frame):
        raise KeyboardInterrupt()

    try:
        signal.signal(signal.SIGTERM, _raise)
    except (ValueError, OSError):  # not the main thread (embedded use)
        pass


def _printable(path: str) -> str:
    """A file name as one terminal-safe line: control characters (newlines in names) escaped."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in path)


def _err(message: str) -> None:
    print(f"pubsift: {message}", file=sys.stderr)


# ---------------------------------------------------------------- run
def _args_run(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders (searched recursively)")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)")
    p.add_argument("--max-page-mb", type=float, default=64, help="refuse pages larger than this, unread (default 64)")
    p.add_argument("--max-parse-mb", type=float, default=8,
                   help="parse only this head of a bigger page; its result is flagged partial (default 8)")
    p.add_argument("--page-timeout", type=float, default=60, help="seconds per page before it fails (default 60)")
    p.add_argument("--max-memory-mb", type=int, default=800,
                   help="memory a worker may use for one page, on top of its start size (default 800)")
    p.add_argument("--quiet", action="store_true", help="no summary line")
    p.add_argument("--engine", choices=("local", "spark"), default="local",
                   help="local: worker processes on this machine (default); spark: Apache Spark (pubsift[spark])")
    p.add_argument("--master", metavar="URL", help="Spark master URL (default local[*], or what spark-submit chose)")
    p.add_argument("--full", action="store_true",
                   help="re-extract every page, ignoring the run ledger in the output folder")
    p.add_argument("--no-ledger", action="store_true", help="neither read nor write the run ledger")


def cmd_run(args) -> int:
    from extract.core import Limits
    from pubsift import pipeline

    if args.jobs < 1:
        _err("--jobs must be at least 1")
        return EXIT_USAGE
    if min(args.max_page_mb, args.max_parse_mb, args.page_timeout, args.max_memory_mb) <= 0:
        _err("--max-page-mb, --max-parse-mb, --page-timeout and --max-memory-mb must be positive")
        return EXIT_USAGE
    limits = Limits(max_bytes=int(args.max_page_mb * 1024 * 1024), max_seconds=args.page_timeout,
                    max_memory_mb=args.max_memory_mb, max_parse_bytes=int(args.max_parse_mb * 1024 * 1024))
    from pubsift.engines import EngineOptions, EngineUnavailable

    if args.master and args.engine != "spark":
        _err("--master needs --engine spark")
        return EXIT_USAGE
    try:
        result = pipeline.run(args.inputs, args.out, jobs=args.jobs, limits=limits, show_progress=not args.quiet,
                              engine=args.engine, incremental=not args.no_ledger, full=args.full,
                              engine_options=EngineOptions(master=args.master))
    except pipeline.UsageError as error:
        _err(str(error))
        return EXIT_USAGE
    except EngineUnavailable as error:
        _err(str(error))
        return EXIT_ERROR
    if not args.quiet:
        c = result.counts
        rate = len(result.results) / result.seconds if result.seconds else 0.0
        reused = f", {c['reused']} unchanged (reused)" if c.get("reused") else ""
        if c.get("outputs_current"):
            reused += "; nothing changed, outputs kept"
        print(
            f"pubsift: {len(result.results)} pages ({c['ok']} ok, {c['not-a-profile']} not-a-profile, "
            f"{c['failed']} failed{reused}) -> {len(result.records)} records, {len(result.works)} works "
            f"in {result.out_dir}/ ({result.seconds:.1f} s, {rate:.1f} pages/s, engine {args.engine})"
        )
        for r in result.results:
            if r.manifest.status == "failed":
                print(f"  failed: {_printable(r.manifest.path)}: {_printable(r.manifest.reason or '')}", file=sys.stderr)
    return result.exit_code


# ---------------------------------------------------------------- dedupe
def _args_dedupe(p: argparse.ArgumentParser) -> None:
    p.add_argument("records", metavar="RECORDS.jsonl", help="records in the records.jsonl format")
    p.add_argument("--out", required=True, metavar="DIR")


def cmd_dedupe(args) -> int:
    from pubsift.dedupe_cmd import dedupe_file

    return dedupe_file(args.records, args.out)


def _args_explain_work(p: argparse.ArgumentParser) -> None:
    p.add_argument("records", metavar="RECORDS.jsonl", help="records.jsonl written by `pubsift dedupe` or `run`")
    p.add_argument("work_id", metavar="WORK_ID")


def cmd_explain_work(args) -> int:
    from pubsift.dedupe_cmd import explain_work

    return explain_work(args.records, args.work_id)


# ---------------------------------------------------------------- export
def _args_export(p: argparse.ArgumentParser) -> None:
    p.add_argument("works", metavar="WORKS.jsonl", help="works.jsonl (or records.jsonl) from `pubsift run`; - for stdin")
    p.add_argument("--format", required=True, choices=("csl-json", "bibtex", "jsonl"), help="output format")
    p.add_argument("--out", metavar="FILE", help="write here (atomically) instead of stdout")


def cmd_export(args) -> int:
    from schemas.export import ExportError, read_works, render, write_text_atomic

    try:
        text = render(read_works(args.works), args.format)
    except ExportError as error:
        _err(str(error))
        return EXIT_USAGE
    if args.out:
        try:
            write_text_atomic(args.out, text)
        except OSError as error:
            _err(f"{args.out}: cannot write ({error.strerror or type(error).__name__})")
            return EXIT_ERROR
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    return EXIT_OK


# ---------------------------------------------------------------- report
def _args_report(p: argparse.ArgumentParser) -> None:
    p.add_argument("out_dir", metavar="OUT_DIR", help="the --out folder of `pubsift run`")
    p.add_argument("--html", metavar="FILE", help="where to write the page (default OUT_DIR/report.html)")


def cmd_report(args) -> int:
    from pubsift.report import ReportError, write_report

    try:
        target = write_report(args.out_dir, args.html)
    except ReportError as error:
        _err(str(error))
        return EXIT_USAGE
    except OSError as error:
        _err(f"cannot write the report ({error.strerror or type(error).__name__}: {error.filename or ''})")
        return EXIT_ERROR
    print(f"pubsift: report written to {target}")
    return EXIT_OK


# ---------------------------------------------------------------- explain-person
def _args_explain_person(p: argparse.ArgumentParser) -> None:
    p.add_argument("out_dir", metavar="OUT_DIR", help="the --out folder of `pubsift run`")
    p.add_argument("first", metavar="A", help="RECORD_ID:POSITION (0-based author slot), a page (its owner) or a name")
    p.add_argument("second", metavar="B", help="RECORD_ID:POSITION, a page or an author name")


def cmd_explain_person(args) -> int:
    from pubsift.people_cmd import explain_person

    return explain_person(args.out_dir, args.first, args.second)


# ---------------------------------------------------------------- parse
def _args_parse(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="one publication entry per line ('-' reads stdin)")


def cmd_parse(args) -> int:
    from pubsift.parse_cmd import parse_file

    return parse_file(args.file)


COMMANDS: dict[str, tuple[Callable, Callable, str]] = {
    "run": (_args_run, cmd_run, "extract, deduplicate and write canonical JSON for a folder of pages"),
    "dedupe": (_args_dedupe, cmd_dedupe, "assign work ids to records and merge them into works"),
    "explain-work": (_args_explain_work, cmd_explain_work,
                     "print why a work's records were merged (field levels and weights)"),
    "export": (_args_export, cmd_export, "write works as CSL-JSON, BibTeX or canonical JSONL"),
    "report": (_args_report, cmd_report, "write a static HTML page for reviewing a run's output"),
    "explain-person": (_args_explain_person, cmd_explain_person,
                       "print why two authors in a run's output are, or are not, the same person"),
    "parse": (_args_parse, cmd_parse, "parse free-text publication entries (one per line) into JSON records"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pubsift",
        description="Turn scraped researcher-profile pages into clean, deduplicated publication JSON.",
    )
    parser.add_argument("--version", action="version", version="pubsift 0.1.0")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (add_args, _, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        add_args(p)
    return parser


def _one_blas_thread() -> None:
    """Parallelism comes from worker processes; a BLAS thread pool in each of them would only
    oversubscribe the cores (the entry parser's matrix products run through numpy's BLAS).
    Set before numpy is first imported; a user's own setting wins."""
    import os

    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")


def main(argv: list[str] | None = None) -> int:
    _one_blas_thread()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    _, handler, _ = COMMANDS[args.command]
    _terminate_as_interrupt()
    try:
        return handler(args)
    except KeyboardInterrupt:
        _err("interrupted; the output folder keeps its previous complete files (written atomically)")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
