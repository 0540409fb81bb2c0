"""What the author can do in the studio, each an edit of the lesson's YAML documents.

Every action takes the documents as they are on disk now (so an edit made in an editor meanwhile is
kept) and the action's parameters from the page, checks them, changes the data in place and returns a
short message. A parameter that makes no sense raises ``ActionError`` and nothing is written.
Annotations and questions are named by id, never by position, so that an action stays right when the
file was edited elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from closeread.design import design
from closeread.kinds import registry
from closeread.studio.drafts import TYPES
from closeread.studio.roundtrip import Document
from closeread.studio.selection import BadSelection, selector
from closeread.validate.anchor import ArticleIndex, anchor
from closeread.validate.schema import SLUG, STEPS

MAX_TEXT = 20_000
_QUESTION_KEYS = {
    "single": ("options",), "multiple": ("options",), "sort": ("claims",), "find": ("answer",),
    "short": ("model_answer",), "discussion": ("guidance",),
}
# top-level text fields and source fields the metadata form edits
SCALARS = ("title", "summary", "grade_band", "discussion")
SOURCE_SCALARS = ("outlet", "outlet_type", "url", "published", "author", "use_note")
LISTS = ("objectives", "key_points", "skills")


class ActionError(ValueError):
    """The action cannot be done as asked; the message says why and what was expected."""


# The type each parameter of any action must have, checked before the action reads it, so that a request
# the page would never send (a number for an id, a list for a kind) is refused with its name and what was
# expected instead of failing inside an action. ``None`` stands for a parameter left empty.
_TEXT, _NUMBER = (str,), (int, float)
PARAM_TYPES: dict[str, tuple[tuple[type, ...], str]] = {
    "id": (_TEXT, "an id (text)"), "kind": (_TEXT, "a kind's name (text)"), "key": (_TEXT, "a field's name (text)"),
    "name": (_TEXT, "text"), "note": (_TEXT, "text"), "quote": (_TEXT, "the words of the article (text)"),
    "described_as": (_TEXT + (type(None),), "text"), "teacher_note": (_TEXT + (type(None),), "text"),
    "ids": ((list,), "a list of ids"), "items": ((list,), "a list"), "steps": ((list,), "a list of steps"),
    "fields": ((dict,), "a mapping of field names to values"), "question": ((dict,), "a question (a mapping)"),
    # offsets are whole numbers (a float could be 1e999, which JSON reads as infinity)
    "start": ((int,), "a character offset (a whole number)"), "end": ((int,), "a character offset (a whole number)"),
    "keep": ((bool,), "true or false"), "value": (_TEXT + _NUMBER + (bool,), "text, a number, or true or false"),
}


def check_params(params: dict) -> None:
    """Refuse, naming every one, the parameters whose type no action takes."""
    wrong = []
    for key, value in params.items():
        spec = PARAM_TYPES.get(key)
        if spec is None:
            continue  # an unknown parameter is ignored, as the actions ignore it
        types, expected = spec
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            wrong.append(f"'{key}' is {_json_kind(value)}; expected {expected}")
        elif key == "ids" and not all(isinstance(i, str) for i in value):
            wrong.append("'ids' holds something that is not an id; expected a list of ids (text)")
    if wrong:
        raise ActionError("; ".join(wrong))


def _json_kind(value) -> str:
    """What a JSON value is, in words: how the author (or a script) sent it."""
    if value is None:
        return "empty (null)"
    if isinstance(value, bool):
        return "true or false"
    return {str: "text", int: "a number", float: "a number", list: "a list", dict: "a mapping"}.get(type(value), "something else")


@dataclass(frozen=True)
class Context:
    lesson: Document
    suggestions: Document | None  # suggestions.yaml, when the lesson has one
    article: ArticleIndex | None


Action = Callable[[Context, dict], str]
ACTIONS: dict[str, Action] = {}


def action(name: str):
    def register(fn: Action) -> Action:
        ACTIONS[name] = fn
        return fn
    return register


# -- helpers ---------------------------------------------------------------------------------------


def _text(value, what: str, *, required: bool = True) -> str:
    if not isinstance(value, str) or (required and not value.strip()):
        raise ActionError(f"{what} is empty; expected some text")
    if len(value) > MAX_TEXT:
        raise ActionError(f"{what} is {len(value)} characters long; expected at most {MAX_TEXT}")
    return value.strip()


def _list_of(q: dict, key: str) -> list:
    """A question's list (options, claims, starters): empty when left out, refused when not a list."""
    value = q.get(key)
    if value in (None, ""):
        return []
    if not isinstance(value, list):
        raise ActionError(f"the question's '{key}' is {_json_kind(value)}; expected a list")
    return value


def _seq(data: CommentedMap, key: str) -> CommentedSeq:
    if not isinstance(data.get(key), list):
        data[key] = CommentedSeq()
    return data[key]


def _map(value) -> CommentedMap:
    """Plain data as round-trip data, so that new entries are written in block style like the rest."""
    if isinstance(value, dict):
        out = CommentedMap()
        for k, v in value.items():
            out[k] = _map(v)
        return out
    if isinstance(value, list):
        return CommentedSeq(_map(v) for v in value)
    return value


def _annotations(ctx: Context) -> list[tuple[CommentedSeq, int, CommentedMap, str]]:
    """(list, index, annotation, file) of every annotation of the lesson and of suggestions.yaml."""
    out = []
    for doc, name in ((ctx.lesson, "lesson"), (ctx.suggestions, "suggestions")):
        if doc is None or not isinstance(doc.data, dict):
            continue
        seq = doc.data.get("annotations")
        if isinstance(seq, list):
            out.extend((seq, i, a, name) for i, a in enumerate(seq) if isinstance(a, dict))
    return out


def _find(ctx: Context, ann_id: str) -> tuple[CommentedSeq, int, CommentedMap, str]:
    # lesson.yaml first: an id in both files is the lesson's own annotation
    for found in _annotations(ctx):
        if found[2].get("id") == ann_id:
            return found
    raise ActionError(f"no annotation '{ann_id}' in the lesson or its suggestions (was it changed in an editor?); expected one the page shows")


def _ids(ctx: Context) -> set[str]:
    out = {a.get("id") for *_, a, _ in _annotations(ctx)}
    out |= {q.get("id") for q in ctx.lesson.data.get("questions") or [] if isinstance(q, dict)}
    return out


def _new_id(taken: set[str], stem: str, words: str = "") -> str:
    slug = "-".join(re.sub(r"[^a-z0-9]+", " ", words.lower()).split()[:3])
    base = f"{stem}-{slug}" if slug else stem
    n, out = 1, base
    while out in taken:
        n += 1
        out = f"{base}-{n}"
    return out


def _kind_fields(kind: str, fields: dict, sources: set[str]) -> dict:
    spec = registry().get(kind)
    if spec is None:
        raise ActionError(f"'{kind}' is not an annotation kind; expected one of {', '.join(registry())}")
    out = {}
    for name, value in (fields or {}).items():
        f = spec.field(name)
        if f is None:
            raise ActionError(f"'{name}' is not a field of kind '{kind}'; expected one of {', '.join(x.name for x in spec.fields)}")
        if isinstance(value, (list, dict)):
            raise ActionError(f"the field '{name}' is {_json_kind(value)}; expected one value (text, or true or false)")
        if value in ("", None):
            out[name] = None
        elif f.type == "ref":
            if value not in sources:
                raise ActionError(f"{name} '{value}' is not in the lesson's sources; expected one of {', '.join(sorted(sources)) or '(none yet: add one)'}")
            out[name] = value
        elif f.type == "enum":
            if value not in f.values:
                raise ActionError(f"{name} '{value}' is not allowed; expected one of {', '.join(f.values)}")
            out[name] = value
        elif f.type == "bool":
            if not isinstance(value, bool):
                raise ActionError(f"{name} must be true or false")
            out[name] = value
        else:
            out[name] = _text(value, name)
    return out


def _source_ids(ctx: Context) -> set[str]:
    return {s.get("id") for s in ctx.lesson.data.get("sources") or [] if isinstance(s, dict)}


def _apply_fields(ann: CommentedMap, fields: dict) -> None:
    for name, value in fields.items():
        if value is None:
            ann.pop(name, None)
        else:
            ann[name] = value


# -- suggestions ---------------------------------------------------------------------------------


def _keep_one(ctx: Context, ann_id: str) -> None:
    seq, i, ann, where = _find(ctx, ann_id)
    if where == "lesson":
        ann.pop("suggested", None)
        return
    del seq[i]
    ann.pop("suggested", None)
    taken = {a.get("id") for *_, a, w in _annotations(ctx) if w == "lesson"}
    if ann.get("id") in taken:
        ann["id"] = _new_id(taken, str(ann["id"]))
    _seq(ctx.lesson.data, "annotations").append(ann)


@action("keep")
def keep(ctx: Context, params: dict) -> str:
    ids = _id_list(params)
    for ann_id in ids:
        _keep_one(ctx, ann_id)
    return f"kept {len(ids)} suggestion{'s' if len(ids) != 1 else ''}"


@action("keep-as-source")
def keep_as_source(ctx: Context, params: dict) -> str:
    """A suggested source whose words name it ("Maria Chen"): added to ``sources`` and kept, pointing to it."""
    ann_id = params.get("id")
    _, _, ann, _ = _find(ctx, ann_id)
    if ann.get("kind") not in ("source", "quote"):
        raise ActionError(f"annotation '{ann_id}' is a {ann.get('kind')}; expected a source or a quotation")
    name = _text(params.get("name") or ann.get("quote"), "the source's name")
    field = "speaker" if ann["kind"] == "quote" else "source"
    sources = _seq(ctx.lesson.data, "sources")
    existing = next((s for s in sources if isinstance(s, dict) and str(s.get("name", "")).casefold() == name.casefold()), None)
    if existing is None:
        save_source(ctx, {"name": name, "described_as": params.get("described_as", "")})
        existing = sources[-1]
    ann[field] = existing["id"]
    _keep_one(ctx, ann_id)
    return f"kept '{ann_id}' with source '{existing['id']}'"


@action("reject")
def reject(ctx: Context, params: dict) -> str:
    ids = _id_list(params)
    for ann_id in ids:
        seq, i, _, _ = _find(ctx, ann_id)
        del seq[i]
    _forget(ctx, set(ids))
    return f"rejected {len(ids)} suggestion{'s' if len(ids) != 1 else ''}"


@action("delete-annotation")
def delete_annotation(ctx: Context, params: dict) -> str:
    ann_id = params.get("id")
    seq, i, _, _ = _find(ctx, ann_id)
    del seq[i]
    _forget(ctx, {ann_id})
    return f"deleted annotation '{ann_id}'"


def _forget(ctx: Context, ids: set[str]) -> None:
    """Take removed annotations out of the questions and the core set that named them."""
    data = ctx.lesson.data
    questions = data.get("questions") or []
    for q in list(questions):
        if isinstance(q, dict):
            if q.get("annotation") in ids:
                del q["annotation"]
            if q.get("answer") in ids or (isinstance(q.get("claims"), list) and set(q["claims"]) & ids):
                questions.remove(q)
                _drop_core(data, {q.get("id")})
    _drop_core(data, {f"g-{i}" for i in ids})


def _drop_core(data, qids: set[str]) -> None:
    core = data.get("core")
    if isinstance(core, list):
        for qid in [c for c in core if c in qids]:
            core.remove(qid)


def _id_list(params: dict) -> list[str]:
    ids = params.get("ids")  # its type (a list of text) is check_params' to refuse
    if not ids:
        raise ActionError("no annotations named; expected 'ids', a list of annotation ids")
    return list(dict.fromkeys(ids))


# -- annotations -------------------------------------------------------------------------------------


@action("edit-annotation")
def edit_annotation(ctx: Context, params: dict) -> str:
    ann_id = params.get("id")
    _, _, ann, _ = _find(ctx, ann_id)
    kind = params.get("kind", ann.get("kind"))
    if kind != ann.get("kind"):
        spec = registry().get(kind)
        if spec is None:
            raise ActionError(f"'{kind}' is not an annotation kind; expected one of {', '.join(registry())}")
        old = registry().get(ann.get("kind"))
        for f in old.fields if old else ():
            if spec.field(f.name) is None:
                ann.pop(f.name, None)
        ann["kind"] = kind
    fields = _kind_fields(kind, params.get("fields") or {}, _source_ids(ctx))
    if "note" in params:
        ann["note"] = _text(params["note"], "the note")
    if "teacher_note" in params:
        _apply_fields(ann, {"teacher_note": _text(params["teacher_note"], "the teacher note", required=False) or None})
    _apply_fields(ann, fields)
    moved = ""
    if "start" in params or "quote" in params:  # new words for the same annotation: id and fields stay
        where = _where(ctx, params)
        if where["quote"] != ann.get("quote") or any(where.get(k) != ann.get(k) for k in ("prefix", "suffix", "occurrence")):
            for key in ("prefix", "suffix", "occurrence"):
                ann.pop(key, None)
            keys = list(ann)
            at = keys.index("quote") + 1 if "quote" in keys else len(keys)
            ann["quote"] = where["quote"]
            for key in ("prefix", "suffix", "occurrence"):
                if key in where:
                    ann.insert(at, key, where[key])
                    at += 1
            moved = f" on the words '{where['quote']}'"
    if params.get("keep"):
        _keep_one(ctx, ann_id)
        return f"kept annotation '{ann_id}' with your changes{moved}"
    return f"saved annotation '{ann_id}'{moved}"


def _where(ctx: Context, params: dict) -> dict:
    """The words selected (start, end) or typed (quote) as an anchor: quote plus what makes it unique."""
    if ctx.article is None:
        raise ActionError("the article cannot be read; expected article.txt in the lesson folder")
    try:
        if "start" not in params and isinstance(params.get("quote"), str):
            start, end = _typed_quote(ctx.article, params["quote"])
        else:
            start, end = int(params.get("start", -1)), int(params.get("end", -1))
        return selector(ctx.article, start, end)
    except ActionError:
        raise
    except (TypeError, ValueError) as exc:
        raise ActionError(str(exc) if isinstance(exc, BadSelection) else "the selection has no place in the article; expected start and end") from None


@action("add-annotation")
def add_annotation(ctx: Context, params: dict) -> str:
    if ctx.article is None:
        raise ActionError("the article cannot be read; expected article.txt in the lesson folder")
    kind = params.get("kind")
    fields = _kind_fields(kind, params.get("fields") or {}, _source_ids(ctx))
    where = _where(ctx, params)
    marker = {"source": "src", "loaded-language": "ll", "attribution-verb": "av", "speculation": "spec"}.get(kind, kind[:3])
    ann = CommentedMap()
    ann["id"] = _new_id(_ids(ctx), marker, where["quote"])
    ann["kind"] = kind
    ann.update(where)
    ann["note"] = _text(params.get("note"), "the note")
    _apply_fields(ann, {k: v for k, v in fields.items() if v is not None})
    _seq(ctx.lesson.data, "annotations").append(ann)
    return f"added annotation '{ann['id']}'"


def _typed_quote(index: ArticleIndex, quote: str) -> tuple[int, int]:
    """Words typed or pasted instead of selected (by keyboard): they must be found once in the article."""
    found = anchor(index, quote)
    if found.match is None:
        raise ActionError(found.error)
    return found.match.start, found.match.end


# -- sources ------------------------------------------------------------------------------------------


@action("save-source")
def save_source(ctx: Context, params: dict) -> str:
    sources = _seq(ctx.lesson.data, "sources")
    name = _text(params.get("name"), "the source's name")
    sid = params.get("id") or ""
    entry = next((s for s in sources if isinstance(s, dict) and s.get("id") == sid), None) if sid else None
    same = next((s for s in sources if isinstance(s, dict) and str(s.get("name", "")).casefold() == name.casefold()), None)
    if entry is None and same is not None:  # the list has them already (the import drafted it, say)
        return f"'{name}' is a source already, as '{same.get('id')}'"
    if entry is None:
        taken = _source_ids(ctx)
        sid = sid or _new_id(taken, "", name).strip("-") or "source"
        if not SLUG.fullmatch(sid):
            raise ActionError(f"source id '{sid}' is not a slug; expected lower-case letters, digits and hyphens")
        if sid in taken:
            raise ActionError(f"source id '{sid}' is taken; expected a new id")
        entry = CommentedMap()
        entry["id"] = sid
        sources.append(entry)
    entry["name"] = name
    for key in ("described_as", "about"):
        if key in params:
            _apply_fields(entry, {key: (params[key] or "").strip() or None})
    return f"saved source '{sid}'"


# -- questions ----------------------------------------------------------------------------------------


def _question_body(params: dict, ctx: Context) -> CommentedMap:
    q = params.get("question")
    if not isinstance(q, dict) or q.get("type") not in TYPES:
        raise ActionError(f"no question given; expected a question of a type among {', '.join(TYPES)}")
    qtype = q["type"]
    out = CommentedMap()
    out["type"] = qtype
    out["prompt"] = _text(q.get("prompt"), "the question's prompt")
    if q.get("annotation"):
        _find(ctx, q["annotation"])
        out["annotation"] = q["annotation"]
    if qtype in ("single", "multiple"):
        if q.get("keep_order") is True:  # the build shuffles options (the same way every time) unless told
            out["keep_order"] = True
        options = [o for o in _list_of(q, "options") if isinstance(o, dict) and str(o.get("text", "")).strip()]
        right = sum(bool(o.get("correct")) for o in options)
        if len(options) < 2 or (qtype == "single" and right != 1) or right < 1:
            raise ActionError(f"a {qtype} question needs two options or more and {'exactly one' if qtype == 'single' else 'at least one'} marked right")
        out["options"] = CommentedSeq()
        for o in options:
            item = CommentedMap()
            item["text"] = _text(o["text"], "an option")
            item["correct"] = bool(o.get("correct"))
            if str(o.get("feedback", "")).strip():
                item["feedback"] = _text(o["feedback"], "an option's feedback")
            out["options"].append(item)
    elif qtype == "sort":
        claims = [c for c in _list_of(q, "claims") if isinstance(c, str)]
        if len(claims) < 2:
            raise ActionError("a sort question needs two claims or more; expected claim annotations ticked")
        out["claims"] = CommentedSeq(claims)
    elif qtype == "find":
        _find(ctx, q.get("answer"))
        out["answer"] = q["answer"]
    else:
        key = _QUESTION_KEYS[qtype][0]
        out[key] = _text(q.get(key), "the model answer" if key == "model_answer" else "the guidance")
    if qtype != "discussion":
        out["explanation"] = _text(q.get("explanation"), "the explanation")
    minutes = q.get("minutes")
    if minutes not in (None, "") and minutes != design().minutes_for(qtype):  # the type's own time needs no line
        if isinstance(minutes, bool) or not isinstance(minutes, (int, float)) or not 0.5 <= minutes <= 30:
            raise ActionError(f"minutes '{minutes}' is not a time a question takes; expected a number from 0.5 to 30")
        out["minutes"] = minutes
    _open_parts(out, q)
    return out


def _open_parts(target: CommentedMap, q: dict) -> None:
    """Rubric and sentence starters of an open question, kept only when given."""
    rubric = q.get("rubric")
    if isinstance(rubric, dict) and any(isinstance(v, dict) and (v.get("does") or v.get("sample")) for v in rubric.values()):
        target["rubric"] = _map({level: {"does": str(v.get("does", "")).strip(), "sample": str(v.get("sample", "")).strip()}
                                 for level, v in rubric.items() if isinstance(v, dict)})
    elif "rubric" in q:
        target.pop("rubric", None)
    starters = [s.strip() for s in _list_of(q, "starters") if isinstance(s, str) and s.strip()]
    if starters:
        target["starters"] = CommentedSeq(starters)
    elif "starters" in q:
        target.pop("starters", None)


def replaced_ids(body: dict) -> list[str]:
    """The generated questions a written question stands in for: the build makes no generated question
    for an annotation a written question is about, nor a sort when the author wrote one."""
    out = [f"g-{a}" for a in (body.get("annotation"), body.get("answer")) if isinstance(a, str) and a]
    out += [f"g-{c}" for c in body.get("claims") or [] if isinstance(c, str)]
    if body.get("type") == "sort":
        out.append("g-sort-claims")
    return list(dict.fromkeys(out))


def _take_place(data, qid: str, body: dict) -> str:
    """The written question ``qid`` put in the core where the generated one it replaces was."""
    core = data.get("core")
    if not isinstance(core, list):
        return ""
    gone = [g for g in replaced_ids(body) if g in core and g != qid]
    if not gone:
        return ""
    if qid in core:
        for g in gone:
            core.remove(g)
    else:
        core[core.index(gone[0])] = qid
        for g in gone[1:]:
            core.remove(g)
    return f"; in the core set it replaces {', '.join(repr(g) for g in gone)}"


@action("add-question")
def add_question(ctx: Context, params: dict) -> str:
    body = _question_body(params, ctx)
    q = CommentedMap()
    q["id"] = _new_id(_ids(ctx) | _generated_ids(ctx), "q", f"{body['type']} {body.get('annotation') or body.get('answer') or ''}")
    q.update(body)
    _seq(ctx.lesson.data, "questions").append(q)
    return f"added question '{q['id']}'{_take_place(ctx.lesson.data, q['id'], body)}"


def tidy_core(ctx: Context) -> str:
    """Core ids whose question the build will no longer make, dropped after every action (check would
    refuse them); what was dropped, for the status line."""
    data = ctx.lesson.data
    core = data.get("core") if isinstance(data, dict) else None
    if not isinstance(core, list):
        return ""
    questions = [q for q in data.get("questions") or [] if isinstance(q, dict)]
    written = {q.get("id") for q in questions}
    # suggestions count: a core id naming one is the author's to settle (keep it, or reject it, which
    # drops the id), not the studio's to drop on the next unrelated action
    anns = {}
    for *_, a, _ in reversed(_annotations(ctx)):  # the lesson's own annotation wins over a suggestion of the same id
        anns[a.get("id")] = a
    reg = registry()

    def exists(qid) -> bool:
        if not isinstance(qid, str) or qid in written:
            return qid in written
        if qid == "g-sort-claims":
            claims = [a for a in anns.values() if a.get("kind") == "claim" and a.get("question") is not False]
            return not any(q.get("type") == "sort" for q in questions) and len(claims) >= 2
        if not qid.startswith("g-"):
            return False
        ann = anns.get(qid[2:])
        kind = reg.get(ann.get("kind")) if ann is not None else None
        return kind is not None and bool(kind.question) and ann.get("question") is not False

    gone = [c for c in core if not exists(c)]
    for qid in gone:
        core.remove(qid)
    if not gone:
        return ""
    return f"; dropped from the core set, as their questions are no longer made: {', '.join(repr(str(g)) for g in gone)}"


def _generated_ids(ctx: Context) -> set[str]:
    return {f"g-{a.get('id')}" for *_, a, _ in _annotations(ctx)}


@action("edit-question")
def edit_question(ctx: Context, params: dict) -> str:
    """A written question replaced by the form's, or the rubric and starters of a generated one (kept on
    its annotation's ``question:`` mapping)."""
    qid = params.get("id", "")
    questions = ctx.lesson.data.get("questions") or []
    for i, q in enumerate(questions):
        if isinstance(q, dict) and q.get("id") == qid:
            body = _question_body(params, ctx)
            for key in list(q):
                if key not in ("id", "hints", "skill") and key not in body:
                    del q[key]
            for key, value in body.items():
                if q.get(key) != value:
                    q[key] = value
            return f"saved question '{qid}'{_take_place(ctx.lesson.data, qid, body)}"
    if qid.startswith("g-"):
        _, _, ann, where = _find(ctx, qid[2:])
        if where != "lesson":
            raise ActionError(f"'{qid}' comes from a suggestion; expected it kept first")
        tuning = ann.get("question")
        if not isinstance(tuning, dict):
            tuning = CommentedMap()
        _open_parts(tuning, params.get("question") or {})
        if tuning:
            ann["question"] = tuning
        else:
            ann.pop("question", None)
        return f"saved the rubric and starters of '{qid}'"
    raise ActionError(f"no question '{qid}'; expected one the page shows")


@action("delete-question")
def delete_question(ctx: Context, params: dict) -> str:
    qid = params.get("id")
    questions = ctx.lesson.data.get("questions") or []
    for q in list(questions):
        if isinstance(q, dict) and q.get("id") == qid:
            questions.remove(q)
            core = ctx.lesson.data.get("core")
            back = next(iter(replaced_ids(q)), None)
            if isinstance(core, list) and qid in core and back and back not in core:
                # the generated question it stood in for is made again: it takes the place back (the
                # tidy after the action drops it should it not be made)
                core[core.index(qid)] = back
                return f"deleted question '{qid}'; in the core set '{back}' takes its place again"
            _drop_core(ctx.lesson.data, {qid})
            return f"deleted question '{qid}'"
    raise ActionError(f"no question '{qid}'; expected a question written in lesson.yaml")


@action("set-core")
def set_core(ctx: Context, params: dict) -> str:
    ids = params.get("ids")  # its type (a list of text) is check_params' to refuse
    if ids is None or not all(SLUG.fullmatch(i) for i in ids):
        raise ActionError("the core set is not a list of question ids")
    data = ctx.lesson.data
    core = data.get("core")
    if not ids:  # no core set at all: check then asks for none (it is optional), rather than for 8 to 12
        data.pop("core", None)
        return "core set cleared (Undo restores it)"
    if isinstance(core, list):
        core[:] = list(dict.fromkeys(ids))
    else:
        data["core"] = CommentedSeq(dict.fromkeys(ids))
        data["core"].fa.set_flow_style()
    return f"core set: {len(ids)} question{'s' if len(ids) != 1 else ''}"


# -- lesson fields -------------------------------------------------------------------------------------


@action("set-list")
def set_list(ctx: Context, params: dict) -> str:
    key = params.get("key")
    if key not in LISTS:
        raise ActionError(f"'{key}' is not a list the studio edits; expected one of {', '.join(LISTS)}")
    items = [_text(i, f"an entry of {key}") for i in params.get("items") or [] if isinstance(i, str) and i.strip()]
    seq = _seq(ctx.lesson.data, key)
    seq[:] = items
    return f"saved {key} ({len(items)})"


@action("set-vocabulary")
def set_vocabulary(ctx: Context, params: dict) -> str:
    items = params.get("items") or []
    seq = _seq(ctx.lesson.data, "vocabulary")
    kept = [v for v in seq if isinstance(v, dict)]
    by_term = {v.get("term"): v for v in kept}
    out = []
    for item in items:
        if not isinstance(item, dict) or not str(item.get("term", "")).strip():
            continue
        term, definition = _text(item["term"], "a term"), _text(item.get("definition"), f"the definition of '{item['term']}'")
        entry = by_term.get(term)
        if entry is None:
            entry = CommentedMap()
            entry.fa.set_flow_style()
            entry["term"] = term
        entry["definition"] = definition
        out.append(entry)
    seq[:] = out
    return f"saved vocabulary ({len(out)} terms)"


@action("set-field")
def set_field(ctx: Context, params: dict) -> str:
    key, value = params.get("key", ""), params.get("value")
    data = ctx.lesson.data
    if key in SCALARS:
        data[key] = _text(value, key)
    elif key == "minutes":
        if not isinstance(value, int) or not 1 <= value <= 600:
            raise ActionError("minutes must be a whole number of class minutes, e.g. 45")
        data[key] = value
    elif key == "draft":
        data["draft"] = bool(value)
    elif key.startswith("source.") and key[7:] in SOURCE_SCALARS:
        if not isinstance(data.get("source"), dict):
            data["source"] = CommentedMap()
        data["source"][key[7:]] = _text(value, key)
    elif key == "background.outlet":
        if not isinstance(data.get("background"), dict):
            data["background"] = CommentedMap()
        data["background"]["outlet"] = _text(value, key)
    else:
        raise ActionError(f"'{key}' is not a field the studio edits; expected one of {', '.join((*SCALARS, 'minutes', 'draft', 'background.outlet', *('source.' + s for s in SOURCE_SCALARS)))}")
    return f"saved {key}"


@action("set-sequence")
def set_sequence(ctx: Context, params: dict) -> str:
    steps = params.get("steps")
    if not isinstance(steps, list) or not steps:
        raise ActionError("no steps; expected a list of {step, minutes, text}")
    out = CommentedSeq()
    for s in steps:
        if not isinstance(s, dict) or s.get("step") not in STEPS:
            raise ActionError(f"a step must be one of {', '.join(STEPS)}")
        minutes = s.get("minutes")
        if not isinstance(minutes, (int, float)) or minutes <= 0:
            raise ActionError(f"step '{s['step']}' needs its minutes, a number above 0")
        out.append(_map({"step": s["step"], "minutes": minutes, "text": _text(s.get("text"), f"the text of step '{s['step']}'")}))
    old = ctx.lesson.data.get("sequence")
    if isinstance(old, list):
        old[:] = list(out)
    else:
        ctx.lesson.data["sequence"] = out
    return f"saved the sequence ({len(out)} steps)"
