"""Command line: ``python build.py [build|check|serve|new|suggest|studio|schema]``.

Errors an author can fix are printed one per line, with no traceback, and exit with status 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from closeread.errors import CloseReadError, inert
from closeread.progress import Progress

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_PATH = Path("schema") / "lesson.schema.json"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="build.py", description="Build the closeread teaching kit.")
    p.add_argument("--root", type=Path, default=None, help="the kit's folder (default: this repository)")
    sub = p.add_subparsers(dest="command")
    b = sub.add_parser("build", help="validate, generate the pages and PDFs, build site/ and site-teacher/ (the default)")
    b.add_argument("--no-pdf", action="store_true", help="skip PDF rendering (faster previews)")
    b.add_argument("--force", action="store_true", help="build both sites even when nothing they are built from changed")
    sub.add_parser("check", help="validate every lesson and report every problem")
    s = sub.add_parser("serve", help="preview the student site and regenerate when a lesson changes")
    s.add_argument("--teacher", action="store_true", help="preview the teacher site instead")
    s.add_argument("--dev-addr", default="127.0.0.1:8000")
    n = sub.add_parser("new", help="import a saved web page (.html, .html.gz, .txt) as a draft lesson")
    n.add_argument("page", type=Path)
    n.add_argument("--keep", action="append", default=[], metavar="SELECTOR",
                   help="keep the lines of the elements matching SELECTOR (e.g. div.summary) as article text; repeatable")
    g = sub.add_parser("suggest", help="write suggested annotations for a lesson to lessons/<slug>/suggestions.yaml")
    g.add_argument("slug")
    st = sub.add_parser("studio", help="author one lesson in a local web page (127.0.0.1 only; prints its address)")
    st.add_argument("target", nargs="?", help="the lesson's slug, or a saved page (.html, .html.gz, .txt) to import first")
    st.add_argument("--new", type=Path, metavar="PAGE", help="import this saved page as a new lesson first, then open it")
    st.add_argument("--keep", action="append", default=[], metavar="SELECTOR", help="as for 'new', when importing")
    st.add_argument("--port", type=int, default=0, help="the port on 127.0.0.1 (default: any free port)")
    sub.add_parser("schema", help="write the lesson file's JSON Schema to schema/lesson.schema.json")
    return p


def check_report(lessons) -> str:
    """What ``check`` prints when no lesson has a problem: each warning and each thing a draft still
    lacks, one line each, then a count of them and of the suggestions to review."""
    warnings = sorted(w for lesson in lessons for w in lesson.warnings)
    todo = sum(1 for w in warnings if w.message.startswith("to do before publishing"))
    suggestions = sum(len(lesson.suggestions) for lesson in lessons)
    extra = f", {suggestions} suggested annotations to review" if suggestions else ""
    extra += f", {todo} things to do before publishing" if todo else ""
    extra += f", {len(warnings) - todo} warnings" if len(warnings) > todo else ""
    return "\n".join([*(inert(str(w)) for w in warnings), f"{len(lessons)} lessons checked: no problems{extra}"])


def _new(root: Path, page: Path, keep: tuple[str, ...]) -> Path:
    """``new``: import a saved page as a draft lesson, say what was made and what to check; the folder."""
    from closeread.export.pdf import source_date
    from closeread.importer import import_page
    from closeread.importer.checklist import checklist
    from closeread.suggest import suggest

    stamp = source_date()  # a reproducible import (the docs' examples) gives its own day
    folder = import_page(page, lessons_dir=root / "lessons", today=stamp.date() if stamp else dt.date.today(), suggest=suggest,
                         keep=keep)
    print(f"created {folder.relative_to(root).as_posix()}/ (a draft: edit lesson.yaml, then run 'python build.py check')")
    for line in checklist(folder):
        print(inert(line))
    return folder


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    root = (args.root or ROOT).resolve()
    command = args.command or "build"
    progress = Progress(sys.stderr)
    try:
        if command == "check":
            from closeread.pipeline import check

            lessons = check(root=root)
            print(check_report(lessons))
        elif command == "build":
            from closeread.pipeline import build

            generated = build(root=root, pdf=not getattr(args, "no_pdf", False), progress=progress, force=getattr(args, "force", False))
            print(f"built {len(generated.lessons)} lessons into site/ (students) and site-teacher/ (teachers)")
            warnings = sum(len(lesson.warnings) for lesson in generated.lessons)
            if warnings:  # a draft's to-dos and possible mistakes do not stop a build, but should not go unseen
                print(f"{warnings} things to do or to look at before publishing: 'python build.py check' lists them")
        elif command == "serve":
            from closeread.serve import serve

            serve(root=root, teacher=args.teacher, dev_addr=args.dev_addr)
        elif command == "new":
            _new(root, args.page, tuple(args.keep))
        elif command == "suggest":
            from closeread.suggest.command import write_suggestions

            written = write_suggestions(root=root, slug=args.slug)
            shown = written.path.relative_to(root).as_posix()
            if written.count:
                print(f"wrote {shown} ({written.count} suggestions to review)")
            else:
                print(f"wrote {shown} with no suggestions: {written.why_none}")
        elif command == "studio":
            from closeread.studio.command import is_page, run

            page = args.new or (Path(args.target) if args.target and is_page(args.target) else None)
            folder = _new(root, page, tuple(args.keep)) if page is not None else None
            run(root=root, target=folder.name if folder is not None else args.target, port=args.port)
        elif command == "schema":
            from closeread.validate.schema import json_schema

            target = root / SCHEMA_PATH
            target.parent.mkdir(exist_ok=True)
            target.write_text(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            print(f"wrote {SCHEMA_PATH.as_posix()}")
    except CloseReadError as exc:
        for line in exc.lines():
            print(inert(line), file=sys.stderr)
        return 1
    except OSError as exc:  # a full disk, a read-only folder, a file taken away during the build
        where = exc.filename if exc.filename is not None else command
        print(inert(f"{where}: {exc.strerror or exc}; expected a writable folder with free space, then build again"), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0
