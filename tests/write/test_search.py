"""Material's search index split into what results show and per-prefix shards (closeread/write/search.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from closeread.write import search

SEPARATOR = r"[\s\-]+"


def _site(tmp_path: Path, docs: list[dict], *, offline: bool = True) -> Path:
    folder = tmp_path / "site" / "search"
    folder.mkdir(parents=True)
    data = {"config": {"lang": ["en"], "separator": SEPARATOR, "pipeline": ["stopWordFilter"], "fields": {}}, "docs": docs}
    (folder / "search_index.json").write_text(json.dumps(data), encoding="utf-8")
    if offline:
        (folder / "search_index.js").write_text("var __index = " + json.dumps(data), encoding="utf-8")
    return tmp_path / "site"


def _shards(site: Path) -> dict[str, dict[str, list[int]]]:
    out = {}
    for path in sorted((site / "search" / "shards").glob("*.js")):
        m = re.fullmatch(r'closereadShard\("([0-9a-f]+)",(.*)\);\n', path.read_text(encoding="utf-8"), re.S)
        assert m and m.group(1) == path.stem, path.read_text(encoding="utf-8")[:80]
        out[m.group(1)] = json.loads(m.group(2))
        assert search.read_shard(path) == out[m.group(1)]  # what the tests and the benchmark read back
    return out


def _postings(site: Path) -> dict[str, dict[int, int]]:
    return {word: {code >> 3: code & 7 for code in codes} for shard in _shards(site).values() for word, codes in shard.items()}


DOCS = [
    {"location": "lessons/a/index.html", "title": "Harbour strike", "text": "<p>A strike in the harbour.</p>", "tags": ["sourcing"]},
    {"location": "lessons/a/index.html#the-article", "title": "The article",
     "text": "<p>Union leader Ana Silva said 300 workers joined; the mayor&#39;s office disputes it.</p>" + "<p>filler words here</p>" * 40 + "<p>Outside agitators, seemingly.</p>"},
    {"location": "lessons/b/index.html", "title": "Grève au port", "text": "<p>Les dockers de Marseille — «&nbsp;grève&nbsp;» &amp; co-operation, élus</p>"},
]


def test_every_word_is_indexed_where_it_was_found_and_stop_words_are_not(tmp_path):
    site = _site(tmp_path, DOCS)
    assert search.split_index(site)
    postings = _postings(site)
    assert postings["harbour"] == {0: search.TITLE | search.TEXT}
    assert postings["sourcing"] == {0: search.TAGS}
    assert postings["agitators"] == {1: search.TEXT}  # the article's last words, far past what a result shows
    assert postings["seemingly"] == {1: search.TEXT}
    assert postings["mayor's"] == {1: search.TEXT}  # entities decoded, punctuation trimmed only at the ends
    assert postings["co"] == {2: search.TEXT} and postings["operation"] == {2: search.TEXT}  # cut as Material cuts
    assert postings["grève"] == {2: search.TITLE | search.TEXT}
    for stop in ("the", "a", "in", "said"):
        assert stop not in postings
    assert not any(w for w in postings if not w or re.match(r"^\W|\W$", w))


def test_shards_are_named_by_the_first_two_characters_of_their_words(tmp_path):
    site = _site(tmp_path, DOCS)
    search.split_index(site)
    shards = _shards(site)
    for name, terms in shards.items():
        assert {search.shard_name(w) for w in terms} == {name}
    assert "6861" in shards and "harbour" in shards["6861"]  # "ha"
    assert "grève" in shards["gr".encode().hex()]
    assert "élus" in shards["él".encode().hex()] and len("él".encode()) == 3  # two characters, however many bytes
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["closeread"]["shards"] == sorted(shards)
    assert "the" in index["config"]["closeread"]["stop"]


def test_the_small_index_keeps_what_a_result_shows_and_its_file_twin_matches(tmp_path):
    site = _site(tmp_path, DOCS)
    search.split_index(site)
    small = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    index = json.loads(small)
    assert [d["location"] for d in index["docs"]] == [d["location"] for d in DOCS]
    article = index["docs"][1]
    assert article["title"] == "The article"
    assert article["text"].startswith("Union leader Ana Silva said 300 workers joined; the mayor's office")
    assert len(article["text"]) <= search.PREVIEW + 2 and article["text"].endswith(" …")
    assert "<" not in article["text"]  # plain text: the worker escapes it and adds only its own <mark>
    assert index["docs"][0]["tags"] == ["sourcing"]
    assert (site / "search" / "search_index.js").read_text(encoding="utf-8") == "var __index = " + small


def test_splitting_is_deterministic_and_done_once(tmp_path):
    one = _site(tmp_path / "one", DOCS)
    two = _site(tmp_path / "two", DOCS)
    search.split_index(one)
    search.split_index(two)
    files = lambda site: {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    assert files(one) == files(two)
    before = files(one)
    assert search.split_index(one) is False  # already split: left as it is
    assert files(one) == before


def test_a_site_without_materials_index_is_left_alone(tmp_path):
    (tmp_path / "site").mkdir()
    assert search.split_index(tmp_path / "site") is False
    assert list((tmp_path / "site").iterdir()) == []
