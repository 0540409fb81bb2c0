"""The student site's answer key, scrambled so that viewing the page source does not show it.

This is not secrecy (the page must check answers offline, so the key is in it); it keeps the key from
being read at a glance or found with a text search. The scheme: UTF-8 JSON XOR a 64-byte key (the first
64 bytes of a xorshift32 stream seeded from the lesson's salt, repeated), then base64. ``docs/javascripts/closeread.js`` reverses it.
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


def lesson_key(lesson: Lesson, questions: tuple[Question, ...]) -> str:
    """The scrambled key of the given questions."""
    payload = json.dumps({q.id: question_key(q) for q in questions}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return scramble(payload.encode("utf-8"), salt_for(lesson))
