"""The whole build, stage by stage: load and validate everything, render, export, write, publish.

Nothing is written until every lesson has been read and checked, so a lesson error leaves the docs
and both sites exactly as they were.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from closeread.cache import LessonCache
from closeread.errors import LessonError
from closeread.model import Lesson
from closeread.progress import Progress
from closeread.render.pages import STUDENT_DIR, TEACHER_DIR, lesson_pages, render_kit
from closeread.validate.kit import load_kit
from closeread.validate.schema import json_schema
from closeread.write.files import claim_folder, sync_folder
from closeread.write.lock import build_lock
from closeread.write.site import recover, stage_sites, swap_in
from closeread.write.stamp import SiteStamp, docs_listing, inputs_hash

OWNED = (STUDENT_DIR, TEACHER_DIR)
SITES = (("mkdocs.yml", "site"), ("mkdocs-teacher.yml", "site-teacher"))


@dataclass(frozen=True)
class Generated:
    lessons: list[Lesson]
    files: dict[str, bytes]  # path under docs/ -> content


def check(*, root: Path) -> list[Lesson]:
    """Validate every lesson, and measure each published lesson's period worksheet (it must fit the
    pages a period allows: the PDF comes from the build's cache, or is rendered once and cached);
    raises LessonError with every problem."""
    lessons = load_kit(root=root)
    from closeread.export.fit import too_long  # pulls in the print templates (and WeasyPrint only to render)
    from closeread.export.pdf import source_date

    problems = too_long(lessons, root=root, epoch=source_date())
    if problems:
        raise LessonError(problems)
    return lessons


def generate(*, root: Path, pdf: bool = True, progress: Progress | None = None) -> Generated:
    """Validate and render every page and export of the kit, in memory."""
    progress = progress or Progress.quiet()
    cache = LessonCache(root)
    lessons = load_kit(root=root, progress=progress, cache=cache, pages_for=lesson_pages)
    files = {path: text.encode("utf-8") for path, text in render_kit(lessons, cache).items()}
    cache.prune()
    # publish the lesson file's schema with the site, so editors can point at it by address too
    files[f"{STUDENT_DIR}/lesson.schema.json"] = json.dumps(json_schema(), indent=2, ensure_ascii=False).encode("utf-8") + b"\n"
    from closeread.export import export_kit  # the export stage pulls in WeasyPrint; load it only to build

    files.update(export_kit(lessons=lessons, root=root, pdf=pdf, progress=progress, cache=cache))
    return Generated(lessons, files)


def write_docs(*, root: Path, generated: Generated) -> tuple[int, int]:
    """Write generated files into docs/lessons and docs/teacher; return (written, removed)."""
    docs = root / "docs"
    for owned in OWNED:
        claim_folder(docs / owned, shown=f"docs/{owned}")
    written = removed = 0
    for owned in OWNED:
        prefix = owned + "/"
        mine = {p[len(prefix) :]: data for p, data in generated.files.items() if p.startswith(prefix)}
        w, r = sync_folder(docs / owned, mine)
        written, removed = written + w, removed + r
    return written, removed


def student_exclusions(drafts: list[str]) -> tuple[str, ...]:
    """``exclude_docs`` patterns that keep draft lessons out of the student site: their page, worksheets
    and everything else under docs/lessons/<slug>/ (the teacher site keeps them, marked draft)."""
    return tuple(f"/{STUDENT_DIR}/{slug}/" for slug in sorted(drafts))


def publish(*, root: Path, progress: Progress | None = None, drafts: list[str] = (), force: bool = False) -> list[str]:
    """Build the student and the teacher site with MkDocs (at the same time where there are two cores);
    those rebuilt are swapped in together, or none. ``drafts``: slugs of lessons for the teacher site
    only. A site whose inputs (docs/, the config files, the tools' versions, the drafts left out) are
    those it was last built from is left untouched (``force`` builds it anyway). Returns the site
    folders built."""
    progress = progress or Progress.quiet()
    for _, site in SITES:  # a build killed half-way through its swap left a site aside
        recover(root / site)
    excludes = {root / SITES[0][1]: student_exclusions(list(drafts))}  # the student site
    stamps = [SiteStamp(root=root, config_file=root / config, site_dir=root / site) for config, site in SITES]
    listing = docs_listing(root)  # both sites are built from docs/: walk it once
    inputs = {s.site_dir: inputs_hash(root=root, config_file=s.config_file, extra=excludes.get(s.site_dir, ()), listing=listing) for s in stamps}
    todo = [s for s in stamps if force or not s.fresh(inputs[s.site_dir])]
    if not todo:
        progress.say("site/ and site-teacher/ are up to date (nothing they are built from changed, and their files are as built): not rebuilt")
        return []
    for stamp in todo:
        stamp.forget()  # from here until the new site is in place, its old stamp no longer holds
    with progress.step("building " + " and ".join(f"{s.site_dir.name}/" for s in todo)):
        staged = stage_sites([(s.config_file, s.site_dir) for s in todo], progress=progress, excludes=excludes)
    for staging, site_dir in staged:
        swap_in(staging, site_dir)
    for stamp in todo:
        stamp.record(inputs[stamp.site_dir])
    return [s.site_dir.name for s in todo]


def build(*, root: Path, pdf: bool = True, progress: Progress | None = None, force: bool = False) -> Generated:
    """The main job: validate, render, export, write the docs, build both sites (those whose inputs
    changed, or both with ``force``)."""
    progress = progress or Progress.quiet()
    with build_lock(root, say=progress.say):  # one build at a time: they share docs/, the cache and the sites
        for _, site in SITES:
            recover(root / site)
        generated = generate(root=root, pdf=pdf, progress=progress)
        write_docs(root=root, generated=generated)
        publish(root=root, progress=progress, drafts=[lesson.slug for lesson in generated.lessons if lesson.draft], force=force)
    return generated
