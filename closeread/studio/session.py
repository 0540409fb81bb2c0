"""One studio session over one lesson: read its files, apply an action, write, undo.

Every action starts from the files as they are on disk, not from what the page last saw: a change
made in an editor while the studio is open is read, and the action (which names annotations and
questions by id) is applied on top of it. The page says so when that happened. A file that changes
between the studio's read and its write is never overwritten: the action is tried once more on the
new file, and refused if the file keeps changing.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from pathlib import Path

from closeread.load.yamlfile import load_yaml
from closeread.studio import checks
from closeread.studio.actions import ACTIONS, ActionError, Context, check_params, tidy_core
from closeread.studio.files import LESSON, SUGGESTIONS, Changed, LessonFolder, Snapshot, Unreadable, digest_of
from closeread.studio.history import History, Step
from closeread.studio.roundtrip import Document, best_style, parse
from closeread.studio.state import build_state
from closeread.validate.anchor import ArticleIndex


class Refused(Exception):
    """An action or undo that was not done; the message says why."""


@dataclass(frozen=True)
class _Loaded:
    snaps: dict[str, Snapshot]
    lesson: object  # the data as the safe loader reads it (None when it cannot)
    suggestions: object
    yaml_problems: list
    article_text: str | None
    article_file: str


def version_of(snaps: dict[str, Snapshot]) -> str:
    return hashlib.sha256("".join(snaps[n].digest for n in (LESSON, SUGGESTIONS)).encode()).hexdigest()[:20]


class Session:
    def __init__(self, folder: Path):
        self.files = LessonFolder(folder)
        self.history = History()
        self.lock = threading.Lock()
        self._styles: dict[str, tuple] = {}
        self._bases: dict[str, str] = {}  # digest of a text the studio wrote -> ruamel's dump of it
        # telling a file's layout takes a few dumps (a second or two for a long lesson): done while the
        # author reads the page, not on their first click
        threading.Thread(target=self._learn_style, daemon=True).start()

    def _learn_style(self) -> None:
        try:
            snap = self.files.read(LESSON)
            if snap.text is not None and self._read(snap)[0] is not None:
                self._styles.setdefault(LESSON, best_style(snap.text))
        except Exception:  # noqa: BLE001 - only a head start: the first action tells the layout itself
            pass

    @property
    def slug(self) -> str:
        return self.files.slug

    def snapshots(self) -> dict[str, Snapshot]:
        try:
            return {n: self.files.read(n) for n in (LESSON, SUGGESTIONS)}
        except Unreadable as exc:  # one line for the page (and no log line every time it asks)
            raise Refused(str(exc)) from None

    def version(self) -> str:
        return version_of(self.snapshots())

    def _read(self, snap: Snapshot) -> tuple[object, list]:
        """The file's data as the build reads it (safe, limited, with line numbers), or its problems."""
        if snap.text is None:
            return None, []
        data, problems = load_yaml(snap.text, path=f"lessons/{self.slug}/{snap.name}", bidi=snap.name != SUGGESTIONS)
        return (None, problems) if data is None or problems else (data, [])

    def _edit(self, snap: Snapshot) -> Document | None:
        """The file as a round-trip document, for an action (after the safe loader has read it)."""
        if snap.text is None:
            return None
        doc = parse(snap.text, self._styles.get(snap.name), base=self._bases.get(snap.digest))
        self._styles.setdefault(snap.name, doc.style)  # a file's layout is told once: an edit must not change it
        return doc

    def _load(self) -> _Loaded:
        snaps = self.snapshots()
        if snaps[LESSON].text is None:
            raise Refused(f"lessons/{self.slug}/lesson.yaml is missing; expected the lesson's file")
        lesson, problems = self._read(snaps[LESSON])
        suggestions, more = self._read(snaps[SUGGESTIONS])
        article_file = "article.txt"
        if isinstance(lesson, dict):
            article = lesson.get("article")
            name = article.get("file") if isinstance(article, dict) else None
            if isinstance(name, str) and name and "/" not in name and "\\" not in name and not name.startswith("."):
                article_file = name
        try:
            article_text = self.files.read(article_file).text
        except (OSError, ValueError, UnicodeDecodeError):
            article_text = None
        return _Loaded(snaps, lesson, suggestions, problems + more, article_text, article_file)

    def state(self, notice: str = "", message: str = "") -> dict:
        loaded = self._load()
        checked = checks.check(self.files.folder) if loaded.lesson is not None else None
        out = build_state(slug=self.slug, version=version_of(loaded.snaps), lesson=loaded.lesson,
                          suggestions=loaded.suggestions, article_text=loaded.article_text,
                          article_file=loaded.article_file, checked=checked,
                          yaml_problems=loaded.yaml_problems, undo=self.history.labels())
        out["notice"], out["message"] = notice, message
        return out

    def apply(self, name: str, params: dict, seen: str) -> dict:
        if name not in ACTIONS:
            raise Refused(f"'{name}' is not an action of the studio; expected one of {', '.join(ACTIONS)}")
        if not isinstance(params, dict):
            raise Refused(f"the parameters are {'a list' if isinstance(params, list) else 'not a mapping'}; expected a mapping of names to values")
        try:
            check_params(params)
        except ActionError as exc:
            raise Refused(str(exc)) from None
        with self.lock:
            for attempt in range(2):
                loaded = self._load()
                if loaded.lesson is None:
                    raise Refused("lesson.yaml cannot be read as YAML right now (see the messages); expected it fixed in the editor first")
                index = ArticleIndex(loaded.article_text) if loaded.article_text is not None else None
                # a file the safe loader refused (its problem is on the page) is not handed to the round-trip
                # parser, which has no limits: the lesson stays editable beside a broken suggestions.yaml
                docs = {LESSON: self._edit(loaded.snaps[LESSON]),
                        SUGGESTIONS: self._edit(loaded.snaps[SUGGESTIONS]) if loaded.suggestions is not None else None}
                ctx = Context(docs[LESSON], docs[SUGGESTIONS], index)
                try:
                    message = ACTIONS[name](ctx, params)
                    message += tidy_core(ctx)  # check must not fail on a core id the action made stale
                except ActionError as exc:
                    raise Refused(str(exc)) from None
                texts, dumps = {}, {}
                for n, doc in docs.items():
                    if doc is not None:
                        texts[n], dumps[n] = doc.text(), doc.dump()
                try:
                    before = self._write(loaded.snaps, texts)
                    # the next action on these files need not dump them again to learn their layout
                    self._bases = {digest_of(texts[n]): dumps[n] for n in texts}
                except Changed:
                    continue  # an editor saved between our read and our write: read again, apply again
                break
            else:
                raise Refused("lesson.yaml keeps changing on disk (an editor saving?); nothing was written, expected the action tried again")
            if before:
                self.history.push(Step(message, before, {n: s.digest for n, s in self.snapshots().items()}))
            notice = "" if version_of(loaded.snaps) == seen else \
                "lesson.yaml was changed outside the studio since the page last read it: the action was applied to the file as it is now, with that change kept"
        return self.state(notice, message)

    def _write(self, snaps: dict[str, Snapshot], texts: dict[str, str]) -> dict[str, str | None]:
        """Write the texts that changed, all or none (a suggestion kept leaves suggestions.yaml for
        lesson.yaml: never in both, never in neither); return the texts they replaced."""
        changed = {name: text for name, text in texts.items() if text != snaps[name].text}
        for name, text in changed.items():
            data, problems = load_yaml(text, path=name, bidi=name != SUGGESTIONS)
            if data is None or problems:  # never write a file the build would refuse
                raise Refused(f"the studio made {name} unreadable ({problems[0] if problems else 'no data'}); nothing was written")
        self.files.write_all({name: (text, snaps[name].digest) for name, text in changed.items()})
        return {name: snaps[name].text for name in changed}

    def undo(self, seen: str) -> dict:
        with self.lock:
            step = self.history.last()
            if step is None:
                raise Refused("nothing to undo")
            now = self.snapshots()
            changed = [n for n, d in step.after.items() if now[n].digest != d]
            if changed:
                self.history.steps.clear()  # older steps lie under that change too
                raise Refused(f"{', '.join(changed)} changed outside the studio after '{step.label}': undoing would throw that change away, so nothing was undone (undo it in the editor instead)")
            try:
                self.files.write_all({name: (text, now[name].digest) for name, text in step.before.items()})
            except Changed as exc:
                raise Refused(f"{exc} while undoing; nothing was undone") from None
            self.history.pop()
        return self.state("", f"undid: {step.label}")
