"""The student site's answer key, sealed per choice so that the page reveals no more than clicking does.

The page must check answers offline, so everything it can say is in it. What it can do is make each
answer need what the student chose: the key holds, for each question, one sealed entry per choice,
``{"ok": is it right, "f": its feedback}`` for an option of a choice question and ``{"ok": ...}``
for each (claim, stance) of a sorting question, the explanation (``"x"``) with the first right one; the entry is found by a tag and opened with a
seed, both hashed from the lesson's salt, the question and the choice. Nothing in the key says which
option is right until that option is opened. ``closeread.open(qid, choice)`` in
``docs/javascripts/closeread.js`` does it in the browser.

The limits, stated in the authoring guide too: the choices of a question are on the page, so a
student with the developer tools can open every one of them, which is what clicking each option and
checking would show them anyway; a find question's words and a short question's model answer are
sealed under the empty choice, which any script can open (the words are marked in the article for
the practice mode's reveal in any case). This keeps answers from being read at a glance, found with
a text search or dumped in one line; it is not secrecy from a student who writes a loop.

Both layers use the same scrambling: UTF-8 JSON XOR the first 64 bytes of a xorshift32 stream from a
seed, repeated, then base64. Seeds and tags are 32-bit FNV-1a hashes of UTF-8 text.
"""

from __future__ import annotations

import base64
import hashlib
import json

from closeread.model import Lesson, Question


def salt_for(lesson: Lesson) -> int:
    digest = hashlib.sha256(f"closeread:{lesson.slug}:{lesson.title}".encode()).digest()
    return int.from_bytes(digest[:4], "big") or 1


def _keystream(seed: int, n: int) -> bytes:
    x = seed & 0xFFFFFFFF
    out = bytearray()
    for _ in range(n):
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        out.append(x & 0xFF)
    return bytes(out)


_PERIOD = 64


def _xor(data: bytes, seed: int) -> bytes:
    # one big-integer XOR instead of a Python loop per byte: the key of a long lesson is ~20 KB
    n = len(data)
    if not n:
        return b""
    key = (_keystream(seed, _PERIOD) * (n // _PERIOD + 1))[:n]
    return (int.from_bytes(data, "big") ^ int.from_bytes(key, "big")).to_bytes(n, "big")


def scramble(data: bytes, seed: int) -> str:
    return base64.b64encode(_xor(data, seed)).decode("ascii")


def unscramble(text: str, seed: int) -> bytes:
    return _xor(base64.b64decode(text), seed)


def question_key(q: Question) -> dict:
    """Everything a question's checking may say, in the clear (the teacher's view, and the tests')."""
    key: dict = {"t": q.type, "x": q.explanation}
    if q.options:
        key["c"] = [o.key for o in q.options if o.correct]
        key["f"] = {o.key: o.feedback for o in q.options}
    if q.items:
        key["s"] = {i.annotation: i.stance for i in q.items}
    if q.answer:
        key["a"] = q.answer
    if q.model_answer:
        key["m"] = q.model_answer
    if q.rubric:
        # the samples are shown once the student has answered, to mark their answer against
        key["r"] = [[r.level, r.does, r.sample] for r in q.rubric]
    return key


STANCES = ("reported", "asserted")  # the choices of a sorting question's rows


def _fnv(text: str) -> int:
    h = 0x811C9DC5
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h or 1


def _parts(salt: int, qid: str, choice: str) -> str:
    return f"{salt}\x1f{qid}\x1f{choice}"


def tag_of(salt: int, qid: str, choice: str) -> str:
    """Where a choice's sealed entry is kept in its question's table."""
    return f"{_fnv('tag' + chr(0x1F) + _parts(salt, qid, choice)):08x}"


def seed_of(salt: int, qid: str, choice: str) -> int:
    """What opens a choice's sealed entry."""
    return _fnv("seal" + chr(0x1F) + _parts(salt, qid, choice))


def sort_choice(item: str, stance: str) -> str:
    return f"{item}={stance}"


def _json(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _entries(q: Question) -> dict[str, dict]:
    """Each choice of the question and what opening it reveals."""
    # the explanation is shown once the answer is right or shown, and both open the right choices:
    # it is sealed with the first of them only, not repeated (it is often the longest text)
    if q.options:
        first = next((o.key for o in q.options if o.correct), None)
        return {o.key: _with_x({"ok": o.correct, "f": o.feedback}, q, o.key == first) for o in q.options}
    if q.items:
        head = q.items[0].annotation
        return {
            sort_choice(i.annotation, stance): _with_x({"ok": stance == i.stance}, q, i.annotation == head and stance == i.stance)
            for i in q.items
            for stance in STANCES
        }
    if q.type == "find":
        return {"": {"a": q.answer, "x": q.explanation}}
    if q.type == "short":  # the rubric's samples too: shown once the student has answered
        return {"": {"m": q.model_answer, "x": q.explanation, **({"r": question_key(q)["r"]} if "r" in question_key(q) else {})}}
    return {}


def _with_x(entry: dict, q: Question, keep: bool) -> dict:
    if keep and q.explanation:
        entry["x"] = q.explanation
    return entry


def sealed_question(salt: int, q: Question) -> dict:
    """A question's entry in the page's key: its type, how many options are right (the page says it
    after a first check), and its sealed choices."""
    out: dict = {"t": q.type}
    if q.type == "multiple":
        out["n"] = sum(o.correct for o in q.options)
    entries = _entries(q)
    if entries:
        out["s"] = {tag_of(salt, q.id, choice): scramble(_json(entry), seed_of(salt, q.id, choice)) for choice, entry in entries.items()}
    return out


def open_choice(key: dict, salt: int, qid: str, choice: str) -> dict | None:
    """What the page's ``closeread.open`` reveals for one choice (None for a choice the key lacks)."""
    sealed = key.get(qid, {}).get("s", {}).get(tag_of(salt, qid, choice))
    return json.loads(unscramble(sealed, seed_of(salt, qid, choice)).decode("utf-8")) if sealed else None


def lesson_key(lesson: Lesson, questions: tuple[Question, ...]) -> str:
    """The page's key of the given questions: sealed per choice, then scrambled as a whole."""
    salt = salt_for(lesson)
    return scramble(_json({q.id: sealed_question(salt, q) for q in questions}), salt)
