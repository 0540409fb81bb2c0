"""Synthetic kits for the benchmark: N realistic lessons (about 900 words of article, 15 annotations,
8 questions each), made deterministically from a seed so that every run measures the same input.

    python bench/kitgen.py DIR --lessons 100
"""

from __future__ import annotations

import argparse
import itertools
import random
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from closeread.validate.anchor import ArticleIndex  # noqa: E402

WORDS = (
    "the city council harbour strike workers union mayor port authority officials report said claimed "
    "according statement government minister police protest thousands residents district morning evening "
    "contract wages managers company spokesperson agency figures number estimated reached border troops "
    "village election ballot voters campaign funding budget million billion percent increase decline "
    "hospital doctors patients health ministry school teachers pupils parents winter summer river bridge "
    "road traffic railway station market prices farmers harvest drought rain flood warning emergency "
    "court judge trial verdict lawyer witness evidence investigation journalist newspaper broadcast "
    "website video footage photograph image caption source unnamed senior official analyst expert"
).split()
# Articles draw from a vocabulary shaped like news English, so that what depends on it (the search
# index's distinct words, quotes being unique) is measured on realistic text: about 42 % function
# words, then Zipf-distributed content words (exponent 0.9) over the topical words above and 30,000
# made-up ones. Calibrated on the 25 real articles beside the repository (../shared/corpus and the
# shipped lessons): distinct non-stop-word tokens after a 400-character lead are 50.5 % of all tokens
# there, 51.6 % here (a 400-character lead, tokens split as Material's search splits them).
FUNCTION_WORDS = (
    "the of and to a in that is for it was on with as by at from he said his but be have has are not "
    "this they an which their had who were been its would will more one after about than also new over "
    "two up there when into other out some first last"
).split()
FUNCTION_SHARE = 0.42
ZIPF = 0.9


def _made_up(n: int) -> list[str]:
    syllables = "ba be bo da de di ka ke ko la le li lo ma me mi na ne no pa pe ra re ri ro sa se si so ta te ti to va ve vi za zo tor ran mel dun gar fen lis bor".split()
    rng = random.Random(7)
    seen = set(WORDS) | set(FUNCTION_WORDS)
    out: list[str] = []
    while len(out) < n:
        word = "".join(rng.choice(syllables) for _ in range(rng.choice((2, 3, 3, 4))))
        if word not in seen:
            seen.add(word)
            out.append(word)
    return out


CONTENT_WORDS = [w for w in WORDS if w not in FUNCTION_WORDS] + _made_up(30_000)
_CONTENT_CUM = list(itertools.accumulate(1 / (rank + 1) ** ZIPF for rank in range(len(CONTENT_WORDS))))
_FUNCTION_CUM = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(FUNCTION_WORDS))))


def _word(rng: random.Random) -> str:
    if rng.random() < FUNCTION_SHARE:
        return rng.choices(FUNCTION_WORDS, cum_weights=_FUNCTION_CUM)[0]
    return rng.choices(CONTENT_WORDS, cum_weights=_CONTENT_CUM)[0]


KINDS = ("figure", "claim", "loaded-language", "attribution-verb", "source", "speculation", "quote", "page", "image")


def _sentence(rng: random.Random, n: int) -> str:
    words = [_word(rng) for _ in range(n)]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def article_text(rng: random.Random, words: int = 900) -> str:
    lines = ["World News, 12.03.2024", "Harbour Strike Paralyses City as Talks Stall", "© Photo Agency 2024", "Workers stand by a closed gate."]
    total = sum(len(x.split()) for x in lines)
    while total < words:
        para = " ".join(_sentence(rng, rng.randint(8, 18)) for _ in range(rng.randint(2, 4)))
        lines.append(para)
        total += len(para.split())
    lines.append("Subscribe to our newsletter")
    return "\n\n".join(lines) + "\n"


def _unique_quote(rng: random.Random, index: ArticleIndex, text: str, used: set) -> str:
    paragraphs = [p for p in text.split("\n\n")[4:-1]]
    for _ in range(200):
        words = rng.choice(paragraphs).split()
        n = rng.randint(3, 7)
        if len(words) <= n:
            continue
        k = rng.randrange(0, len(words) - n)
        quote = " ".join(words[k : k + n]).strip(".")
        if quote and quote not in used and len(index.find_all(quote)) == 1:
            used.add(quote)
            return quote
    raise RuntimeError("no unique quote found")


def _q(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def lesson_yaml(rng: random.Random, slug: str, number: int, text: str) -> str:
    index = ArticleIndex(text)
    used: set = set()
    out = [
        f"title: Harbour strike report {number}",
        f"summary: A synthetic lesson number {number} for the benchmark, about a strike and who counts the strikers.",
        'grade_band: "9-12"',
        "minutes: 45",
        f"skills: [sourcing, {rng.choice(['lateral-reading', 'claim-evaluation', 'language-analysis'])}]",
        "objectives:",
        "  - Students can name the source of a figure.",
        "  - Students can tell a reported claim from an asserted one.",
        "key_points:",
        "  - A figure is only as good as its source.",
        "  - Loaded words carry a judgement.",
        "materials: [Printed worksheet]",
        "standards: [CCSS.ELA-LITERACY.RI.9-10.6]",
        "source:",
        "  outlet: World News",
        "  outlet_type: state-controlled",
        f"  url: https://example.org/news/{slug}",
        "  published: 2024-03-12",
        "  retrieved: 2024-03-13",
        "  author: A. Reporter",
        "  language: en",
        "  use_note: Synthetic text made for the benchmark.",
        "article:",
        "  headline: Harbour Strike Paralyses City",
        "  parts:",
        '    - {quote: "World News, 12.03.2024", role: furniture, label: Dateline}',
        '    - {quote: "© Photo Agency 2024", role: credit, label: Photo credit}',
        "    - {quote: Workers stand by a closed gate, role: caption, label: Photo caption}",
        "    - {quote: Subscribe to our newsletter, role: furniture, label: Button}",
        "background:",
        "  outlet: World News is a synthetic outlet funded by a synthetic government.",
        "  people:",
        "    - {name: Ana Silva, about: A union leader.}",
        "    - {name: Tom Berg, about: The mayor.}",
        "  context: A strike in the harbour.",
        "sources:",
        "  - {id: silva, name: Ana Silva, described_as: Union leader}",
        "  - {id: berg, name: Tom Berg, described_as: Mayor}",
        "  - {id: ministry, name: The Ministry, described_as: A government ministry}",
        "  - {id: outlet, name: World News}",
        "sequence:",
        "  - {step: warm-up, minutes: 5, text: Ask who counts strikers.}",
        "  - {step: reading, minutes: 20, text: Read the article with the notes.}",
        "  - {step: questions, minutes: 15, text: Answer the questions.}",
        "discussion: Ask whose voices are heard and whose are missing.",
        "misconceptions:",
        "  - A number in a headline has been checked.",
        "extension:",
        "  title: Check the figure",
        "  search_for: [harbour strike workers number]",
        "  expect: Other reports of the number of strikers.",
        "annotations:",
    ]
    claims = []
    for i in range(14):
        kind = KINDS[i % len(KINDS)]
        aid = f"a-{i + 1}"
        quote = _unique_quote(rng, index, text, used)
        ask = "true" if i < 5 else "false"
        out += [f"  - id: {aid}", f"    kind: {kind}", f"    quote: {_q(quote)}", f"    question: {ask}"]
        out.append(f"    note: {_q('Note ' + str(i + 1) + ': ' + _sentence(rng, 25) + ' ' + _sentence(rng, 20))}")
        if i % 3 == 0:
            out.append(f"    teacher_note: {_q(_sentence(rng, 20))}")
        src = rng.choice(["silva", "berg", "ministry"])
        if kind == "figure":
            out += ['    figure: "300"', f"    source: {src}", "    via: a statement"]
        elif kind == "claim":
            stance = "reported" if len(claims) % 2 == 0 else "asserted"
            out += [f"    stance: {stance}"] + ([f"    source: {src}"] if stance == "reported" else [])
            claims.append(aid)
        elif kind == "loaded-language":
            out.append("    neutral: a plainer word")
        elif kind == "attribution-verb":
            out += ["    implies: Signals doubt.", f"    source: {src}"]
        elif kind == "source":
            out.append(f"    source: {src}")
        elif kind == "speculation":
            out.append("    evidence: None is given.")
        elif kind == "quote":
            out.append(f"    speaker: {src}")
        elif kind == "page":
            out.append("    role: a section label")
        elif kind == "image":
            out += ["    shows: workers by a gate", "    shows_event: false"]
    out += [
        "  - id: a-15",
        "    kind: omission",
        "    missing: The managers' side of the story.",
        "    note: No manager is quoted.",
        "    question: false",
        "questions:",
        "  - id: q-source",
        "    type: single",
        "    prompt: Who gives the 300 figure?",
        "    hints: [Look for a name next to the number.]",
        "    options:",
        '      - {text: Ana Silva, correct: true, feedback: "Yes, the union leader."}',
        '      - {text: Tom Berg, feedback: "No, the mayor speaks about other things."}',
        "    explanation: The union leader gives it.",
        "  - id: q-find",
        "    type: find",
        "    prompt: Select the words of the first note.",
        "    answer: a-1",
        "    explanation: Those words.",
        "  - id: q-discuss",
        "    type: discussion",
        "    prompt: Whose voices are missing?",
        "    guidance: Managers and city officials.",
    ]
    return "\n".join(out) + "\n"


def make_lesson(folder: Path, number: int, seed: int = 0) -> None:
    rng = random.Random(f"{seed}:{number}")
    text = article_text(rng)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "article.txt").write_text(text, encoding="utf-8")
    (folder / "lesson.yaml").write_text(lesson_yaml(rng, folder.name, number, text), encoding="utf-8")


def make_kit(target: Path, lessons: int, seed: int = 0) -> Path:
    """A buildable kit in ``target`` with ``lessons`` synthetic lessons and the repository's docs."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "mkdocs-teacher.yml"):
        shutil.copy(REPO / name, target / name)
    shutil.copytree(REPO / "docs", target / "docs", ignore=shutil.ignore_patterns("lessons", "teacher"), dirs_exist_ok=True)
    for n in range(1, lessons + 1):
        make_lesson(target / "lessons" / f"strike-{n:04d}", n, seed)
    return target


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("target", type=Path)
    ap.add_argument("--lessons", type=int, default=10)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    make_kit(args.target, args.lessons, args.seed)
    print(f"made {args.lessons} lessons in {args.target}")


if __name__ == "__main__":
    main()
