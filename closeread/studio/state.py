"""What the studio's page draws, as JSON: the article's lines, every annotation and suggestion with
where it sits, the groups of like suggestions, the sources, questions, core set, lesson fields and
``check``'s messages. The article stays text here: the page puts it in the document as text nodes.
"""

from __future__ import annotations

from closeread.design import design
from closeread.kinds import registry
from closeread.studio.checks import Checked, place
from closeread.validate.anchor import ArticleIndex, anchor, fold

TODO = "TODO"


def kinds() -> list[dict]:
    return [
        {"name": k.name, "label": k.label, "marker": k.marker, "definition": k.definition,
         "document_level": k.document_level, "question_type": k.question.get("type", ""),
         "fields": [{"name": f.name, "type": f.type, "required": f.required, "values": list(f.values)} for f in k.fields]}
        for k in registry().values()
    ]


def _plain(value):
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def _marks(data, where: str, index: ArticleIndex | None) -> list[dict]:
    out = []
    seq = data.get("annotations") if isinstance(data, dict) else None
    if not isinstance(seq, list):
        return out
    reg = registry()
    for ann in seq:
        if not isinstance(ann, dict) or not isinstance(ann.get("id"), str) or ann.get("kind") not in reg:
            continue
        kind = reg[ann["kind"]]
        fields = {f.name: _plain(ann[f.name]) for f in kind.fields if f.name in ann}
        mark = {
            "id": ann["id"], "kind": kind.name, "label": kind.label, "marker": kind.marker,
            "note": str(ann.get("note", "")), "teacher_note": str(ann.get("teacher_note", "")),
            "fields": fields, "pending": where == "suggestions" or bool(ann.get("suggested")),
            "origin": where, "quote": "", "start": None, "end": None, "line": None,
        }
        quote = ann.get("quote")
        if isinstance(quote, str) and index is not None:
            occurrence = ann.get("occurrence")
            found = anchor(index, quote, prefix=str(ann.get("prefix", "")), suffix=str(ann.get("suffix", "")),
                           occurrence=occurrence if isinstance(occurrence, int) else None)
            mark["quote"] = quote
            if found.match is not None:
                mark.update(start=found.match.start, end=found.match.end, line=index.line_of(found.match.start))
            else:
                mark["anchor_error"] = found.error
        out.append(mark)
    return out


def groups(marks: list[dict]) -> list[dict]:
    """Pending suggestions to act on at once: those of one kind with the same words (every neutral
    'said'), then every suggestion of one kind; groups of two or more only."""
    same: dict[tuple[str, str], list[dict]] = {}
    kinds: dict[str, list[dict]] = {}
    for m in marks:
        if m["pending"]:
            kinds.setdefault(m["kind"], []).append(m)
            if m["quote"]:
                same.setdefault((m["kind"], fold(m["quote"]).lower()), []).append(m)
    out = [{"key": f"{kind}:{text}", "kind": kind, "label": ms[0]["label"], "text": ms[0]["quote"], "ids": [m["id"] for m in ms]}
           for (kind, text), ms in same.items() if len(ms) > 1]
    out += [{"key": f"{kind}:*", "kind": kind, "label": ms[0]["label"], "text": "", "ids": [m["id"] for m in ms]}
            for kind, ms in kinds.items() if len(ms) > 1 and len(ms) > max((len(g["ids"]) for g in out if g["kind"] == kind), default=0)]
    return out


def _questions(checked: Checked, data) -> list[dict]:
    written = {q.get("id"): q for q in (data.get("questions") or []) if isinstance(q, dict)} if isinstance(data, dict) else {}
    out = []
    for q in checked.questions:
        entry = {"id": q.id, "type": q.type, "prompt": q.prompt, "minutes": q.minutes, "generated": q.generated,
                 "open": q.open, "annotation": q.annotation or q.answer, "rubric": {r.level: {"does": r.does, "sample": r.sample} for r in q.rubric},
                 "starters": list(q.starters)}
        if q.id in written:
            entry["written"] = _plain(written[q.id])
        out.append(entry)
    known = {q["id"] for q in out}
    # written questions the check could not build (a mistake in them) stay editable
    for qid, q in written.items():
        if qid not in known and isinstance(qid, str):
            qtype = q.get("type") if q.get("type") in design().minutes else "single"
            out.append({"id": qid, "type": qtype, "prompt": str(q.get("prompt", "")), "minutes": float(q.get("minutes") or design().minutes_for(qtype)),
                        "generated": False, "open": qtype in ("short", "discussion"), "annotation": q.get("annotation") or q.get("answer") or "",
                        "rubric": _plain(q.get("rubric") or {}), "starters": _plain(q.get("starters") or []), "written": _plain(q)})
    return out


def _fields(data) -> dict:
    if not isinstance(data, dict):
        return {}
    source = data.get("source") if isinstance(data.get("source"), dict) else {}
    background = data.get("background") if isinstance(data.get("background"), dict) else {}
    out = {k: _plain(data.get(k, "")) for k in ("title", "summary", "grade_band", "minutes", "discussion", "draft")}
    out.update({f"source.{k}": _plain(source.get(k, "")) for k in ("outlet", "outlet_type", "url", "published", "author", "use_note")})
    out["background.outlet"] = _plain(background.get("outlet", ""))
    return out


def _roles(data, index: ArticleIndex) -> dict[int, tuple[str, str]]:
    """Line roles from ``article.parts`` while the lesson does not validate (a fresh draft)."""
    out: dict[int, tuple[str, str]] = {}
    article = data.get("article") if isinstance(data, dict) else None
    parts = article.get("parts") if isinstance(article, dict) else None
    for part in parts if isinstance(parts, list) else []:
        if isinstance(part, dict) and isinstance(part.get("quote"), str) and isinstance(part.get("role"), str):
            occurrence = part.get("occurrence")
            found = anchor(index, part["quote"], occurrence=occurrence if isinstance(occurrence, int) else None)
            if found.match is not None:
                out[index.line_of(found.match.start)] = (part["role"], str(part.get("label", "")))
    return out


def _phase(data) -> int:
    """The question minutes as check tells them, read from the YAML while the lesson does not check."""
    if not isinstance(data, dict):
        return 0
    steps = [s.get("minutes") for s in data.get("sequence") or [] if isinstance(s, dict) and s.get("step") == "questions"]
    steps = [m for m in steps if isinstance(m, (int, float))]
    if steps:
        return int(sum(steps))
    return int(data["minutes"] * design().phase_share) if isinstance(data.get("minutes"), int) else 0


def build_state(*, slug: str, version: str, lesson, suggestions,
                article_text: str | None, article_file: str, checked: Checked | None, yaml_problems: list,
                undo: list[str]) -> dict:
    data = lesson if isinstance(lesson, dict) else {}
    index = ArticleIndex(article_text) if article_text is not None else None
    marks = _marks(data, "lesson", index) + (_marks(suggestions, "suggestions", index) if isinstance(suggestions, dict) else [])
    lines = []
    if checked is not None and checked.lesson is not None:
        lines = [{"n": ln.number, "text": ln.text, "start": ln.start, "role": ln.role, "label": ln.label} for ln in checked.lesson.article.lines]
    elif article_text is not None:
        roles = _roles(data, index)
        offset = 0
        for n, text in enumerate(article_text.split("\n"), start=1):
            role, label = roles.get(n, ("body", ""))
            lines.append({"n": n, "text": text, "start": offset, "role": role, "label": label})
            offset += len(text) + 1
    rules = design()
    problems = [{"line": p.line, "message": p.message, "text": str(p), "file": p.path.rsplit("/", 1)[-1]} for p in yaml_problems]
    if checked is not None:
        problems += place(checked.problems, data, article_file)
    return {
        "slug": slug,
        "version": version,
        "article": {"file": article_file, "lines": lines},
        "marks": marks,
        "groups": groups(marks),
        "kinds": kinds(),
        "sources": [_plain(s) for s in data.get("sources") or [] if isinstance(s, dict)] if isinstance(data, dict) else [],
        "questions": _questions(checked, data) if checked is not None else [],
        "core": [str(c) for c in data.get("core") or []] if isinstance(data, dict) else [],
        "phase": (checked.phase if checked is not None else 0) or _phase(data),
        "core_min": rules.core_min,
        "core_max": rules.core_max,
        "minutes": dict(rules.minutes),
        "rubric_levels": list(rules.rubric_levels),
        "objectives": _plain(data.get("objectives") or []) if isinstance(data, dict) else [],
        "key_points": _plain(data.get("key_points") or []) if isinstance(data, dict) else [],
        "vocabulary": [_plain(v) for v in data.get("vocabulary") or [] if isinstance(v, dict)] if isinstance(data, dict) else [],
        "sequence": [_plain(s) for s in data.get("sequence") or [] if isinstance(s, dict)] if isinstance(data, dict) else [],
        "fields": _fields(data),
        "problems": problems,
        "warnings": place(sorted(checked.warnings), data, article_file) if checked is not None else [],
        "passes": checked is not None and checked.lesson is not None and not yaml_problems,
        "draft": bool(data.get("draft")) if isinstance(data, dict) else False,
        "undo": undo,
    }
