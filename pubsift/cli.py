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


def _err(message: str) -> None:
    print(f"pubsift: {message}", file=sys.stderr)


# ---------------------------------------------------------------- run
def _args_run(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders (searched recursively)")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)")
    p.add_argument("--max-page-mb", type=float, default=64, help="refuse pages larger than this (default 64)")
    p.add_argument("--page-timeout", type=float, default=60, help="seconds per page before it fails (default 60)")
    p.add_argument("--max-memory-mb", type=int, default=1536, help="memory cap per worker process (default 1536)")
    p.add_argument("--quiet", action="store_true", help="no summary line")


def cmd_run(args) -> int:
    from extract.core import Limits
    from pubsift import pipeline

    if args.jobs < 1:
        _err("--jobs must be at least 1")
        return EXIT_USAGE
    limits = Limits(max_bytes=int(args.max_page_mb * 1024 * 1024), max_seconds=args.page_timeout,
                    max_memory_mb=args.max_memory_mb)
    try:
        result = pipeline.run(args.inputs, args.out, jobs=args.jobs, limits=limits, show_progress=not args.quiet)
    except pipeline.UsageError as error:
        _err(str(error))
        return EXIT_USAGE
    if not args.quiet:
        c = result.counts
        print(
            f"pubsift: {len(result.results)} pages ({c['ok']} ok, {c['not-a-profile']} not-a-profile, "
            f"{c['failed']} failed) -> {len(result.records)} records, {len(result.works)} works "
            f"in {result.out_dir}/ ({result.seconds:.1f} s)"
        )
        for r in result.results:
            if r.manifest.status == "failed":
                print(f"  failed: {r.manifest.path}: {r.manifest.reason}", file=sys.stderr)
    return result.exit_code


# ---------------------------------------------------------------- dedupe
def _args_dedupe(p: argparse.ArgumentParser) -> None:
    p.add_argument("records", metavar="RECORDS.jsonl", help="records in the records.jsonl format")
    p.add_argument("--out", required=True, metavar="DIR")


def cmd_dedupe(args) -> int:
    from pubsift.dedupe_cmd import dedupe_file

    return dedupe_file(args.records, args.out)


COMMANDS: dict[str, tuple[Callable, Callable, str]] = {
    "run": (_args_run, cmd_run, "extract, deduplicate and write canonical JSON for a folder of pages"),
    "dedupe": (_args_dedupe, cmd_dedupe, "assign work ids to records and merge them into works"),
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


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    _, handler, _ = COMMANDS[args.command]
    try:
        return handler(args)
    except KeyboardInterrupt:
        _err("interrupted; outputs already written are complete files (written atomically)")
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
