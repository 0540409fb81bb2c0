import json

import jsonschema
import pytest

from closeread.cli import SCHEMA_PATH
from closeread.load.yamlfile import load_yaml
from closeread.validate.schema import json_schema
from tests.conftest import FIXTURE_LESSONS, REPO


def test_published_schema_is_up_to_date():
    published = json.loads((REPO / SCHEMA_PATH).read_text(encoding="utf-8"))
    assert published == json_schema(), "run: python build.py schema"


def _plain(value):
    """LineDict/LineList and dates to what a JSON Schema editor sees."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


@pytest.mark.parametrize(
    "path", sorted(REPO.glob("lessons/*/lesson.yaml")) + sorted(FIXTURE_LESSONS.glob("*/lesson.yaml")), ids=lambda p: p.parent.name
)
def test_every_shipped_lesson_passes_the_schema(path):
    data, problems = load_yaml(path.read_text(encoding="utf-8"), path=str(path))
    assert problems == []
    jsonschema.validate(_plain(data), json_schema())


def test_schema_rejects_an_unknown_key():
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"titel": "x"}, json_schema())
