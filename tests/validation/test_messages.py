"""Every validation error, one case each: a copy of the fixture lesson is broken in one way, and the
exact one-line message is checked, ``lessons/<slug>/lesson.yaml:<line>: <what is wrong>; <what was expected>``.

The CLI test at the end runs ``python build.py --root DIR check`` on several of them: one line per
problem, no traceback, exit status 1.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from closeread.errors import LessonError
from closeread.validate.kit import load_kit

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "fixtures" / "kit" / "lessons" / "tiny-harbour"
Y = "lessons/tiny-harbour/lesson.yaml"
A = "lessons/tiny-harbour/article.txt"


def _edit(old: str, new: str):
    def apply(folder: Path) -> None:
        path = folder / "lesson.yaml"
        text = path.read_text(encoding="utf-8")
        assert old in text, f"the fixture no longer contains {old!r}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def _both(first, second):
    return lambda folder: (first(folder), second(folder))


def _write(name: str, data: bytes):
    return lambda folder: (folder / name).write_bytes(data)


def _remove(name: str):
    return lambda folder: (folder / name).unlink()


# (case id, how the lesson is broken, the exact messages)
CASES = [
    # -- keys and values ------------------------------------------------------------------------
    ("unknown-key-did-you-mean", _edit("summary:", "sumary:"), [
        f"{Y}:2: missing 'summary' in a lesson; expected one or two sentences for the catalogue",
        f"{Y}:3: unknown key 'sumary' in a lesson; did you mean 'summary'?",
    ]),
    # -- the core set, rubrics and vocabulary ----------------------------------------------------
    ("look-up-minutes-too-short", _edit("    minutes: 2\n    rubric:", "    minutes: 2\n    look_up: true\n    rubric:"), [
        f"{Y}:146: question 'q-short' sends students to look something up but gives it 2 minutes; expected at least 6 (a short "
        "question's 3 and 3 for the look-up, data/design.yaml), or no 'minutes'",
    ]),
    ("core-does-not-fit", _edit("core: [q-source,", "core: [q-multi, q-sort, q-source,"), [
        f"{Y}:156: core takes 14 minutes (q-multi 1.5, q-sort 3, q-source 1, q-find 1.5, q-short 2, g-a-300 1, g-a-quote 1, "
        "g-a-seemingly 1, g-a-photo 1, g-a-subscribe 1), more than the 10 minutes the lesson gives to questions; expected a "
        "smaller core set, shorter questions ('minutes:') or a longer 'questions' step",
    ]),
    ("core-unknown-id", _edit("core: [q-source,", "core: [q-sorce,"), [
        f"{Y}:156: core: 'q-sorce' is not a question of this lesson; did you mean 'q-source'?",
    ]),
    ("core-names-annotation-without-question", _both(_edit("  - id: a-silva\n", "  - id: a-silva\n    question: false\n"), _edit("g-a-300,", "g-a-silva,")), [
        f"{Y}:157: core: 'g-a-silva' is not a question: annotation 'a-silva' makes no question (it has 'question: false' or is a suggestion); expected a question id",
    ]),
    ("core-too-small", _edit("core: [q-source, q-find, q-short, g-a-300, g-a-quote, g-a-seemingly, g-a-photo, g-a-subscribe]", "core: [q-source, q-find]"), [
        f"{Y}:156: core has 2 question(s); expected 8 to 12, the ones that carry the lesson's objectives",
    ]),
    ("core-open-question-without-rubric", _edit("core: [q-source, q-find, q-short, g-a-300,", "core: [q-source, q-find, q-short, g-a-said,"), [
        f"{Y}:56: core question 'g-a-said' (short) has no rubric; expected 'rubric' with beginning, developing, strong on annotation 'a-said' (its 'question:' mapping)",
        f"{Y}:156: core takes 11.5 minutes (q-source 1, q-find 1.5, q-short 2, g-a-said 3, g-a-quote 1, g-a-seemingly 1, g-a-photo 1, "
        "g-a-subscribe 1), more than the 10 minutes the lesson gives to questions; expected a smaller core set, shorter questions "
        "('minutes:') or a longer 'questions' step",
    ]),
    ("core-named-twice-on-its-own-line", _edit("core: [q-source, q-find, q-short, g-a-300, g-a-quote, g-a-seemingly, g-a-photo, g-a-subscribe]",
        "core:\n  - q-source\n  - q-find\n  - q-short\n  - g-a-300\n  - q-source\n  - g-a-seemingly\n  - g-a-photo\n  - g-a-subscribe"), [
        f"{Y}:161: core: question 'q-source' is named twice; expected each question once",
    ]),
    ("sort-of-an-unclear-claim", _edit("    stance: asserted\n", "    stance: unclear\n"), [
        f"{Y}:134: question 'q-sort': claim 'a-despair' is 'unclear', which a sort cannot ask; expected claims whose stance is reported or asserted",
    ]),
    ("vocabulary-term-not-in-article", _edit("term: agitators", "term: agitator"), [
        f"{Y}:158: vocabulary: 'agitator' does not occur in the article; expected a word or phrase from it, as written there",
    ]),
    ("minutes-out-of-range", _edit("    minutes: 2\n", "    minutes: 0\n"), [
        f"{Y}:146: 'minutes' is 0; expected a number from 0.5 to 30",
    ]),
    ("todo-left-in-published-lesson", _edit("summary: A short", "summary: TODO A short"), [
        f"{Y}:3: 'summary' still says TODO; expected the teacher's own text (or 'draft: true' while the lesson is unfinished)",
    ]),
    # the check skips files without the word TODO: a YAML escape that spells it must still be caught
    ("todo-spelled-with-yaml-escape", _edit("summary: A short invented report for testing every annotation kind.", 'summary: "\\x54ODO: write it"'), [
        f"{Y}:3: 'summary' still says TODO; expected the teacher's own text (or 'draft: true' while the lesson is unfinished)",
    ]),
    # -- what a published lesson may not keep -------------------------------------------------------
    ("suggestion-left-in-published-lesson", _edit("    implies: Neutral.\n", "    implies: Neutral.\n    suggested: true\n"), [
        f"{Y}:56: annotation 'a-said' is still a suggestion ('suggested: true') in a published lesson; expected it reviewed: "
        "delete 'suggested: true' to keep it, or delete the annotation (or 'draft: true' while you review)",
    ]),
    ("todo-left-in-an-annotation-note", _edit("note: The figure comes from the union leader.", "note: 'TODO check: The figure comes from the union leader.'"), [
        f"{Y}:55: 'annotations 'a-300'.note' still says TODO; expected the teacher's own text (or 'draft: true' while the lesson is unfinished)",
    ]),
    # -- every problem at once: a broken quote does not hide the core set's problems ---------------
    ("quote-and-core-problems-together", _both(_edit("quote: about 300 workers", "quote: abut 300 workers"), _edit("core: [q-source, q-find, q-short, g-a-300, g-a-quote, g-a-seemingly, g-a-photo, g-a-subscribe]", "core: [q-source, q-find, g-a-300]")), [
        f"{Y}:51: annotation 'a-300': quote 'abut 300 workers' not found in the article; did you mean 'about 300 workers' at article line 6?",
        f"{Y}:156: core has 3 question(s); expected 8 to 12, the ones that carry the lesson's objectives",
    ]),
    ("keep-order-on-a-question-without-options", _edit("    claims: [a-despair, a-agitators]\n", "    claims: [a-despair, a-agitators]\n    keep_order: true\n"), [
        f"{Y}:135: question 'q-sort': 'keep_order' does not apply to a sort question; expected it only on single and multiple questions, which have options",
    ]),
    ("unknown-key-no-close-match", _edit("discussion:", "xyzzy: 1\ndiscussion:"), [
        f"{Y}:41: unknown key 'xyzzy' in a lesson; expected one of: title, summary, draft, grade_band, minutes, language, "
        "skills, objectives, key_points, materials, standards, source, article, background, sources, sequence, discussion, "
        "misconceptions, extension, annotations, questions, core, vocabulary",
    ]),
    ("unknown-kind", _edit("kind: figure", "kind: figur"), [
        f"{Y}:50: 'kind' is 'figur', which is not an annotation kind; did you mean 'figure'?",
    ]),
    ("unknown-question-type", _edit("type: sort", "type: sorting"), [
        f"{Y}:132: 'type' is 'sorting', which is not a question type; did you mean 'sort'?",
    ]),
    ("missing-required-field", _edit("title: A harbour strike\n", ""), [
        f"{Y}:2: missing 'title' in a lesson; expected the lesson's title",
    ]),
    ("missing-kind-field", _edit("    neutral: managers\n", ""), [
        f"{Y}:68: annotation 'a-reckless' of kind 'loaded-language' has no 'neutral'; expected a neutral alternative",
    ]),
    ("missing-quote", _edit("    quote: reckless managers\n", ""), [
        f"{Y}:68: annotation 'a-reckless' of kind 'loaded-language' has no 'quote'; expected the words from the article "
        "it is about (only omission annotations may leave it out)",
    ]),
    ("wrong-type-int", _edit("minutes: 20", "minutes: twenty"), [
        f"{Y}:5: 'minutes' is 'twenty'; expected a whole number (class minutes, e.g. 50)",
    ]),
    ("wrong-type-below-minimum", _edit("minutes: 20", "minutes: 0"), [
        f"{Y}:5: 'minutes' is 0; expected a whole number of at least 1",
    ]),
    ("wrong-type-list", _edit("skills: [sourcing, language-analysis]", "skills: sourcing"), [
        f"{Y}:6: 'skills' must be a list, not 'sourcing'; expected a list of skill slugs such as 'lateral-reading'",
    ]),
    ("wrong-type-text", _edit("title: A harbour strike", "title:\n  - a\n  - b"), [
        f"{Y}:2: 'title' is ['a', 'b']; expected a text (the lesson's title)",
    ]),
    ("wrong-type-mapping", _edit("background:\n  outlet: Local News is an invented newspaper.\n  people:\n    - {name: Ana Silva, about: An invented union leader.}\n  context: An invented strike.\n", "background: Local News\n"), [
        f"{Y}:29: 'background' must be a mapping, not 'Local News'; expected background for teachers with keys such as outlet, people, context",
    ]),
    ("wrong-type-bool", _edit("    shows_event: false\n", "    shows_event: maybe\n"), [
        f"{Y}:98: 'shows_event' is 'maybe'; expected true or false (the 'shows_event' of the annotation)",
    ]),
    ("wrong-type-slug", _edit("id: a-300", "id: A 300"), [
        f"{Y}:49: 'id' is 'A 300'; expected lower-case letters, digits and single hyphens (a unique id such as 'a-500')",
    ]),
    ("bad-language-code", _edit("language: en", "language: english"), [
        f"{Y}:19: 'language' is 'english'; expected a language code such as 'en'",
    ]),
    ("bad-date", _edit("published: 2024-02-01", "published: 1 Feb 2024"), [
        f"{Y}:17: 'published' is '1 Feb 2024'; expected a date YYYY-MM-DD (the day the article was published)",
    ]),
    ("impossible-date", _edit("published: 2024-02-01", "published: 2024-02-31"), [
        f"{Y}:17: 'published' is '2024-02-31'; expected a date YYYY-MM-DD (the day the article was published)",
    ]),
    ("bad-url", _edit("url: https://example.org/harbour-strike", "url: example.org/harbour-strike"), [
        f"{Y}:16: 'url' is 'example.org/harbour-strike'; expected an http(s) address (the article's address)",
    ]),
    ("javascript-url", _edit("url: https://example.org/harbour-strike", "url: javascript:alert(1)"), [
        f"{Y}:16: 'url' is 'javascript:alert(1)'; expected an http(s) address (the article's address)",
    ]),
    ("url-with-a-space", _edit("url: https://example.org/harbour-strike", "url: https://example.org/harbour strike"), [
        f"{Y}:16: 'url' holds a space (character 28), which a web address cannot hold; expected an http(s) address with it "
        "written as %20 (copy the address from the browser's address bar)",
    ]),
    ("url-with-markup", _edit("url: https://example.org/harbour-strike", "url: 'https://example.org/harbour-strike\"><b>'"), [
        f"{Y}:16: 'url' holds '\"' (character 35), which a web address cannot hold; expected an http(s) address with it "
        "written as %22 (copy the address from the browser's address bar)",
    ]),
    ("empty-required-text", _edit("discussion: Ask whose voices are heard.", "discussion: '  '"), [
        f"{Y}:41: 'discussion' is empty; expected discussion guidance",
    ]),
    # -- duplicates -----------------------------------------------------------------------------
    ("duplicate-annotation-id", _edit("id: a-said", "id: a-300"), [
        f"{Y}:56: duplicate annotation id 'a-300' (first at line 49); expected each id once",
    ]),
    ("duplicate-question-id", _edit("id: q-multi", "id: q-source"), [
        f"{Y}:123: duplicate question id 'q-source' (first at line 115); expected each id once",
    ]),
    ("duplicate-source-id", _edit("{id: berg,", "{id: silva,"), [
        f"{Y}:36: duplicate source id 'silva' (first at line 35); expected each id once",
        f"{Y}:82: annotation 'a-agitators': source 'berg' is not a source of this lesson; expected one of: silva, outlet",
    ]),
    ("duplicate-yaml-key", _edit("minutes: 20", "minutes: 20\nminutes: 30"), [
        f"{Y}:6: duplicate key 'minutes' (first at line 5); expected each key once",
    ]),
    ("question-id-taken-by-generated", _edit("id: q-short", "id: g-a-300"), [
        f"{Y}:141: question id 'g-a-300' is taken by the question generated from annotation 'a-300'; expected another id",
        f"{Y}:156: core: 'q-short' is not a question of this lesson; did you mean 'q-sort'?",
    ]),
    # -- quotes ---------------------------------------------------------------------------------
    ("quote-not-found-did-you-mean", _edit("quote: about 300 workers", "quote: abut 300 workers"), [
        f"{Y}:51: annotation 'a-300': quote 'abut 300 workers' not found in the article; did you mean 'about 300 workers' at article line 6?",
    ]),
    ("quote-not-found-case", _edit("quote: reckless managers", "quote: Reckless Managers"), [
        f"{Y}:70: annotation 'a-reckless': quote 'Reckless Managers' not found in the article; did you mean 'reckless managers' at article line 5?",
    ]),
    ("quote-not-found-nothing-near", _edit("quote: reckless managers", "quote: zebra quantum xylophone"), [
        f"{Y}:70: annotation 'a-reckless': quote 'zebra quantum xylophone' not found in the article; expected words copied from the article",
    ]),
    ("quote-inside-a-word", _edit("quote: reckless managers", "quote: eckless managers"), [
        f"{Y}:70: annotation 'a-reckless': quote 'eckless managers' not found in the article; did you mean 'reckless managers' at article line 5?",
    ]),
    ("ambiguous-quote", _edit("    occurrence: 1\n", ""), [
        f"{Y}:58: annotation 'a-said': quote 'said' matches 2 places (article lines 6, 7); expected 'occurrence: 1' to '2', or a prefix or suffix to pick one",
    ]),
    ("occurrence-out-of-range", _edit("occurrence: 1", "occurrence: 5"), [
        f"{Y}:58: annotation 'a-said': occurrence 5 of quote 'said' does not exist; expected 1 to 2",
    ]),
    ("prefix-mismatch", _edit("quote: claimed", "quote: claimed\n    prefix: Mayor Tim"), [
        f"{Y}:65: annotation 'a-claimed': quote 'claimed' is found, but never with that prefix; expected the words right next to the quote in the article",
    ]),
    ("suffix-mismatch", _edit("quote: claimed", "quote: claimed\n    suffix: the walk-out"), [
        f"{Y}:65: annotation 'a-claimed': quote 'claimed' is found, but never with that suffix; expected the words right next to the quote in the article",
    ]),
    ("empty-quote", _edit("quote: reckless managers", 'quote: "  "'), [
        f"{Y}:70: annotation 'a-reckless': quote is empty; expected words copied from the article",
    ]),
    ("article-part-not-found", _edit("{quote: Subscribe, role: furniture", "{quote: Subscribe now, role: furniture"), [
        f"{Y}:28: article part: quote 'Subscribe now' not found in the article; expected words copied from the article",
    ]),
    ("headline-not-found", _edit("headline: Harbour Strike Paralyses City", "headline: Harbor Strike Paralyses City"), [
        f"{Y}:23: article headline: quote 'Harbor Strike Paralyses City' not found in the article; did you mean 'Harbour Strike Paralyses City:' at article line 2?",
    ]),
    # -- references and kinds -------------------------------------------------------------------
    ("ref-unknown-source", _edit("source: berg", "source: bergg"), [
        f"{Y}:82: annotation 'a-agitators': source 'bergg' is not a source of this lesson; did you mean 'berg'?",
    ]),
    ("speaker-unknown-source", _edit("speaker: silva", "speaker: nobody"), [
        f"{Y}:87: annotation 'a-quote': speaker 'nobody' is not a source of this lesson; expected one of: silva, berg, outlet",
    ]),
    ("field-not-applicable-to-kind", _edit("neutral: managers", 'neutral: managers\n    figure: "3"'), [
        f"{Y}:72: annotation 'a-reckless': 'figure' does not apply to kind 'loaded-language'; expected only its fields (neutral, spelling)",
    ]),
    ("bad-enum-field", _edit("stance: asserted", "stance: assumed"), [
        f"{Y}:76: 'stance' is 'assumed', which is not a valid stance; did you mean 'asserted'?",
    ]),
    ("reported-claim-without-source", _edit("    source: berg\n", ""), [
        f"{Y}:78: annotation 'a-agitators': a reported claim needs 'source'; expected the id of who it is attributed to",
    ]),
    # -- questions ------------------------------------------------------------------------------
    ("question-type-missing-key", _edit("    answer: a-silva\n", ""), [
        f"{Y}:136: question 'q-find' (find) has no 'answer'; expected the id of the annotation whose words the student must find",
    ]),
    ("question-key-of-other-type", _edit("    guidance: Managers", "    model_answer: x\n    guidance: Managers"), [
        f"{Y}:155: question 'q-discuss': 'model_answer' does not apply to a discussion question; expected it only on short questions",
    ]),
    ("question-without-explanation", _edit("    explanation: Reckless and despair carry judgement and emotion.\n", ""), [
        f"{Y}:123: question 'q-multi' has no 'explanation'; expected why the answer is right",
    ]),
    ("single-with-0-correct", _edit("{text: Ana Silva, correct: true,", "{text: Ana Silva,"), [
        f"{Y}:119: question 'q-source' (single) has 0 correct options; expected exactly 1 with 'correct: true'",
    ]),
    ("single-with-2-correct", _edit("{text: Tom Berg,", "{text: Tom Berg, correct: true,"), [
        f"{Y}:119: question 'q-source' (single) has 2 correct options; expected exactly 1 with 'correct: true'",
    ]),
    ("multiple-with-0-correct", _edit(
        "      - {text: reckless, correct: true, feedback: A judgement.}\n      - {text: despair, correct: true, feedback: An emotion.}",
        "      - {text: reckless, feedback: A judgement.}\n      - {text: despair, feedback: An emotion.}"), [
        f"{Y}:126: question 'q-multi' (multiple) has no correct option; expected at least 1 with 'correct: true'",
    ]),
    ("single-with-one-option", _edit("      - {text: Tom Berg, feedback: \"No, the mayor speaks about agitators.\"}\n", ""), [
        f"{Y}:119: question 'q-source' has 1 option(s); expected at least 2",
    ]),
    ("sort-with-non-claim", _edit("claims: [a-despair, a-agitators]", "claims: [a-despair, a-reckless]"), [
        f"{Y}:134: question 'q-sort': 'a-reckless' is not a claim annotation; expected one of: a-despair, a-agitators",
    ]),
    ("sort-with-one-claim", _edit("claims: [a-despair, a-agitators]", "claims: [a-despair]"), [
        f"{Y}:134: question 'q-sort' sorts 1 claim(s); expected at least 2",
    ]),
    ("find-with-document-level-annotation", _edit("answer: a-silva", "answer: a-managers"), [
        f"{Y}:139: question 'q-find': annotation 'a-managers' has no quote to find; expected an annotation with a quote",
    ]),
    ("find-with-unknown-annotation", _edit("answer: a-silva", "answer: a-silv"), [
        f"{Y}:139: question 'q-find': answer 'a-silv' is not an annotation of this lesson; did you mean 'a-silva'?",
    ]),
    # -- files ----------------------------------------------------------------------------------
    ("yaml-syntax-error", _edit("title: A harbour strike", "title: [unclosed"), [
        f"{Y}:2: YAML syntax error: a '[' list that is not closed; expected ']' at the end of the list, on the same line",
    ]),
    ("yaml-bad-indentation", _edit("  outlet: Local News\n", "  outlet: Local News\n   oops: 1\n"), [
        f"{Y}:15: YAML syntax error: ': ' inside a value, or a key indented deeper than the key above it; expected the value in quotes if it contains ': ', or the key lined up under the keys above",
    ]),
    ("python-tag-refused", _edit("title: A harbour strike", 'title: !!python/object/apply:os.system ["echo hi"]'), [
        f"{Y}:2: 'title' is ['echo hi']; expected a text (the lesson's title)",
        f"{Y}:2: the tag '!!python/object/apply:os.system' is not allowed; expected plain YAML ('- ' items with no tag)",
    ]),
    ("not-a-mapping", _write("lesson.yaml", b"- a\n- b\n"), [
        f"{Y}:1: the file must be a mapping of keys to values; expected 'title: ...', 'summary: ...' and so on",
    ]),
    ("empty-file", _write("lesson.yaml", b""), [
        f"{Y}:1: file is empty; expected a lesson (see docs/authoring/lesson-format.md)",
    ]),
    ("blank-file", _write("lesson.yaml", b"  \n\n"), [
        f"{Y}:1: file is empty; expected a lesson (see docs/authoring/lesson-format.md)",
    ]),
    ("missing-lesson-file", _remove("lesson.yaml"), [
        f"{Y}: file not found; expected it in the lesson folder",
    ]),
    ("missing-article", _remove("article.txt"), [
        f"{Y}:1: the lesson has no article: {A} is missing; expected the article's text in it",
    ]),
    ("empty-article", _write("article.txt", b"\n\n"), [
        f"{A}:1: the article is empty; expected the article's text",
    ]),
    ("utf16-lesson", lambda f: (f / "lesson.yaml").write_bytes((f / "lesson.yaml").read_text(encoding="utf-8").encode("utf-16")), [
        f"{Y}:1: file is UTF-16; expected UTF-8 (save it again as UTF-8)",
    ]),
    ("utf16-article", _write("article.txt", "Local News\n".encode("utf-16")), [
        f"{A}:1: file is UTF-16; expected UTF-8 (save it again as UTF-8)",
    ]),
    ("invalid-utf8-lesson", (lambda f: (f / "lesson.yaml").write_bytes((f / "lesson.yaml").read_bytes().replace(b"title: A harbour", b"title: A caf\xe9 harbour"))), [
        f"{Y}:2: invalid UTF-8 byte 0xe9; expected UTF-8 text (save it again as UTF-8)",
    ]),
    ("invalid-utf8-article", _write("article.txt", b"Local News\nab\xff cd\n"), [
        f"{A}:2: invalid UTF-8 byte 0xff; expected UTF-8 text (save it again as UTF-8)",
    ]),
    ("nul-in-article", _write("article.txt", b"Local News\n\nab\x00cd\n"), [
        f"{A}:3: file contains a NUL character; expected plain text",
    ]),
    ("article-too-large", _write("article.txt", b"word " * 420_000), [
        f"{A}:1: file is 2.1 MB; expected at most 2 MB",
    ]),
    ("article-too-long", _write("article.txt", b"word\n" * 40_000), [
        f"{A}:30001: the article is 200,000 characters long, past 150,000 at this line; expected at most 150,000 (a long news article has under 100,000), or the part the class reads",
    ]),
]


# What check lists without failing: (case id, the change, the exact warnings). One case per message.
WARNING_CASES = [
    ("todo-in-a-draft-is-listed", _both(_edit("title: A harbour strike\n", "title: A harbour strike\ndraft: true\n"), _edit("  - Students can name the source of a figure.", "  - 'TODO: Students can ...'")), [
        f"{Y}:9: to do before publishing: 'objectives' still says TODO; expected your own text",
    ]),
    ("credit-role-on-a-button", _edit("{quote: Subscribe, role: furniture", "{quote: Subscribe, role: credit"), [
        f"{Y}:28: article line 10 has role 'credit', which draws a 'Photo not captured' box above the first caption or credit of a run, "
        "then the line in small italics as the photo's credit (no suggestion is made on it), but reads not like a photo credit "
        "(no photo, picture, agency or ©); expected role 'furniture' for page furniture, or 'body'",
    ]),
    ("caption-role-on-a-credit-alone", _both(_write("article.txt", (FIXTURE / "article.txt").read_bytes().replace(b"\xc2\xa9 Photo Agency 2024 J. DOE", b"(AP Photo/Jo Doe)")),
                                              _edit('{quote: "© Photo Agency 2024 J. DOE", role: credit', '{quote: "(AP Photo/Jo Doe)", role: caption')), [
        f"{Y}:26: article line 3 has role 'caption', which draws a 'Photo not captured' box above the first caption or credit of a run, "
        "then the line in small italics as the photo's caption, but reads like a photo credit alone; expected role 'credit' "
        "(both draw the photo box; no suggestion is made on a credit)",
    ]),
    ("kept-order-puts-the-answer-first", _edit("    explanation: Reckless and despair carry judgement and emotion.\n",
        "    explanation: Reckless and despair carry judgement and emotion.\n"
        "  - {id: q-k1, type: single, prompt: One?, keep_order: true, explanation: x, options: [{text: a, correct: true}, {text: b}]}\n"
        "  - {id: q-k2, type: single, prompt: Two?, keep_order: true, explanation: x, options: [{text: a, correct: true}, {text: b}]}\n"), [
        f"{Y}:131: 2 of the 2 single-choice questions with 'keep_order: true' put the right option first; expected the right "
        "option in different places (or no 'keep_order', and the kit shuffles them)",
    ]),
    ("suggestions-file-left-beside-a-lesson", _write("suggestions.yaml", b"annotations: []\n"), [
        "lessons/tiny-harbour/suggestions.yaml: holds suggestions from 'build.py suggest' that were never reviewed; expected the ones "
        "you keep copied into lesson.yaml, then the file deleted",
    ]),
]


@pytest.mark.parametrize("breaker, expected", [c[1:] for c in WARNING_CASES], ids=[c[0] for c in WARNING_CASES])
def test_exact_warning(tmp_path, breaker, expected):
    [lesson] = load_kit(root=_broken_kit(tmp_path, breaker))
    assert [str(w) for w in lesson.warnings] == expected


def test_check_prints_warnings_and_counts_them(tmp_path):
    _, breaker, expected = next(c for c in WARNING_CASES if c[0] == "todo-in-a-draft-is-listed")
    root = _broken_kit(tmp_path, breaker)
    done = subprocess.run([sys.executable, str(REPO / "build.py"), "--root", str(root), "check"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [*expected, "1 lessons checked: no problems, 1 things to do before publishing"]


def _broken_kit(tmp_path: Path, breaker) -> Path:
    root = tmp_path / "kit"
    folder = root / "lessons" / "tiny-harbour"
    shutil.copytree(FIXTURE, folder)
    breaker(folder)
    return root


def _problems(root: Path) -> list[str]:
    with pytest.raises(LessonError) as caught:
        load_kit(root=root)
    return caught.value.lines()


def test_the_fixture_itself_is_valid(tmp_path):
    root = _broken_kit(tmp_path, lambda folder: None)
    assert [lesson.slug for lesson in load_kit(root=root)] == ["tiny-harbour"]


@pytest.mark.parametrize("breaker, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_exact_message(tmp_path, breaker, expected):
    assert _problems(_broken_kit(tmp_path, breaker)) == expected


def test_every_message_has_the_path_line_what_expected_shape():
    for case_id, _, expected in CASES + WARNING_CASES:
        for message in expected:
            path, _, rest = message.partition(": ")
            assert path.startswith("lessons/tiny-harbour/"), case_id
            assert "; " in rest and "\n" not in rest, f"{case_id}: {message}"


def test_bad_folder_name(tmp_path):
    root = tmp_path / "kit"
    shutil.copytree(FIXTURE, root / "lessons" / "Tiny_Harbour")
    assert _problems(root) == [
        "lessons/Tiny_Harbour/lesson.yaml: folder name 'Tiny_Harbour' is not a valid lesson slug; expected lower-case letters, digits and single hyphens"
    ]


def test_no_lessons_at_all(tmp_path):
    (tmp_path / "kit" / "lessons").mkdir(parents=True)
    assert _problems(tmp_path / "kit") == [
        "lessons: no lessons found; expected one folder per lesson, each with lesson.yaml and article.txt"
    ]


def test_problems_of_several_lessons_are_all_reported_sorted(tmp_path):
    root = _broken_kit(tmp_path, _edit("minutes: 20", "minutes: twenty"))
    second = root / "lessons" / "another-one"
    shutil.copytree(FIXTURE, second)
    _edit("kind: figure", "kind: figur")(second)
    assert _problems(root) == [
        "lessons/another-one/lesson.yaml:50: 'kind' is 'figur', which is not an annotation kind; did you mean 'figure'?",
        f"{Y}:5: 'minutes' is 'twenty'; expected a whole number (class minutes, e.g. 50)",
    ]


def test_bom_and_crlf_are_accepted(tmp_path):
    def convert(folder: Path) -> None:
        for name in ("lesson.yaml", "article.txt"):
            data = (folder / name).read_bytes()
            (folder / name).write_bytes(b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n"))

    [lesson] = load_kit(root=_broken_kit(tmp_path, convert))
    assert "\r" not in lesson.article.text
    assert lesson.annotation("a-300").quote == "about 300 workers"


CLI_CASES = ["unknown-kind", "bad-date", "impossible-date", "yaml-syntax-error", "python-tag-refused", "utf16-article", "invalid-utf8-article", "missing-article", "empty-file", "article-too-large"]


@pytest.mark.parametrize("case_id", CLI_CASES)
def test_cli_check_prints_one_line_per_problem_and_exits_1(tmp_path, case_id):
    _, breaker, expected = next(c for c in CASES if c[0] == case_id)
    root = _broken_kit(tmp_path, breaker)
    done = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--root", str(root), "check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.splitlines() == expected
    assert "Traceback" not in done.stderr
