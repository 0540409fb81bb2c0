"""The rules that decide which generated questions a lesson gets (data/design.yaml, data/kinds.yaml):
none for an annotation a written question covers, at most a few per kind spread through the article,
the core set always kept, stems taken in turn, answers that follow the line's role."""

from __future__ import annotations

from closeread.design import design
from closeread.model import Annotation, Article, ArticleLine, Source, Span, frozen_map
from closeread.questions.generate import generate

SOURCES = [Source("silva", "Ana Silva"), Source("berg", "Tom Berg"), Source("paper", "Local News")]


def _article(lines: list[tuple[str, str]]) -> Article:
    out, start = [], 0
    for n, (text, role) in enumerate(lines, start=1):
        out.append(ArticleLine(n, text, start, role))
        start += len(text) + 1
    return Article(text="\n".join(t for t, _ in lines), lines=tuple(out), path="article.txt")


def _ann(article: Article, ann_id: str, kind: str, quote: str, **fields) -> Annotation:
    start = article.text.index(quote)
    line = next(ln.number for ln in reversed(article.lines) if ln.start <= start)
    return Annotation(id=ann_id, kind=kind, note=f"Note on {quote}.", quote=quote, span=Span(start, start + len(quote), line, line), fields=frozen_map(fields))


def _loaded_kit(n: int):
    article = _article([(f"Word{i} is a reckless{i} thing.", "body") for i in range(n)])
    anns = [_ann(article, f"ll-{i}", "loaded-language", f"reckless{i}", neutral="careless") for i in range(n)]
    return article, anns


def test_at_most_the_cap_per_kind_spread_through_the_article():
    article, anns = _loaded_kit(10)
    made = generate(anns, SOURCES, article=article)
    assert len(made) == design().per_kind
    lines = [next(a for a in anns if a.id == q.annotation).span.first_line for q in made]
    assert lines[0] > 1 and lines[-1] < 10, f"spread, not the top of the article: {lines}"


def test_the_core_is_always_kept_and_counts_towards_the_cap():
    article, anns = _loaded_kit(10)
    made = generate(anns, SOURCES, article=article, core=("g-ll-0", "g-ll-1", "g-ll-2", "g-ll-3"))
    assert {q.id for q in made} == {"g-ll-0", "g-ll-1", "g-ll-2", "g-ll-3"}


def test_stems_are_taken_in_turn():
    article, anns = _loaded_kit(3)
    stems = [q.stem for q in generate(anns, SOURCES, article=article)]
    assert stems == ["loaded-language:1", "loaded-language:2", "loaded-language:3"]


def test_no_generated_question_for_what_a_written_one_covers():
    article, anns = _loaded_kit(3)
    made = generate(anns, SOURCES, article=article, covered=frozenset({"ll-1"}))
    assert [q.id for q in made] == ["g-ll-0", "g-ll-2"]
    made = generate(anns, SOURCES, article=article, covered=frozenset({"ll-1"}), core=("g-ll-1",))
    assert "g-ll-1" in [q.id for q in made], "the core names it: it is made all the same"


def test_story_or_page_follows_the_line_role():
    article = _article([("Subscribe", "furniture"), ("Medics carry a soldier. Photo: AFP", "caption")])
    anns = [_ann(article, "pg-1", "page", "Subscribe", role="a button"), _ann(article, "pg-2", "page", "Medics carry a soldier.", role="photo caption")]
    answers = {q.annotation: next(o.key for o in q.options if o.correct) for q in generate(anns, SOURCES, article=article)}
    assert answers == {"pg-1": "page", "pg-2": "article"}


def test_claims_sorted_once_and_a_wrong_choice_is_not_told_the_answer():
    article = _article([("Berg said the strike was illegal. The city is in chaos. Silva said pay is low.", "body")])
    anns = [
        _ann(article, "c-1", "claim", "the strike was illegal", stance="reported", source="berg"),
        _ann(article, "c-2", "claim", "The city is in chaos", stance="asserted"),
        _ann(article, "c-3", "claim", "pay is low", stance="reported", source="silva"),
    ]
    made = generate(anns, SOURCES, article=article, core=("g-c-2",))
    assert [q.id for q in made] == ["g-c-2", "g-sort-claims"]
    assert [i.annotation for i in made[1].items] == ["c-1", "c-3"], "the claim asked on its own is not sorted again"
    wrong = [o.feedback for o in made[0].options if not o.correct]
    assert wrong and all("Asserted" not in f and "own voice, naming" not in f for f in wrong)


def test_who_is_behind_a_source_is_not_asked_when_its_words_are_only_the_name():
    """A transcript's label ("ANA SILVA:") or a bare name is the source itself: asking who is behind it
    tests nothing; a description ("a union spokeswoman") is asked about."""
    article = _article([("ANA SILVA: We will not go back.", "body"), ("A union spokeswoman said the strike goes on.", "body")])
    anns = [_ann(article, "s-1", "source", "ANA SILVA", source="silva"), _ann(article, "s-2", "source", "A union spokeswoman", source="silva")]
    assert [q.id for q in generate(anns, SOURCES, article=article)] == ["g-s-2"]
    assert [q.id for q in generate(anns, SOURCES, article=article, core=("g-s-1",))] == ["g-s-1", "g-s-2"], "the core keeps it"


def test_who_said_is_not_asked_when_the_name_stands_beside_the_quote():
    article = _article([('"We will not go back," Silva said.', "body"), ('"It failed."', "body"), ("That was Berg.", "body")])
    anns = [_ann(article, "q-1", "quote", '"We will not go back,"', speaker="silva"), _ann(article, "q-2", "quote", '"It failed."', speaker="berg")]
    assert [q.id for q in generate(anns, SOURCES, article=article)] == ["g-q-2"]
