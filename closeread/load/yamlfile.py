"""Safe YAML loading that remembers the line of every key and list item.

Validation messages must say ``path:line``; PyYAML's constructed objects forget where they came
from, so mappings and sequences are built as dict/list subclasses that carry their lines.
Only libyaml's safe loader is used: tags such as ``!!python/object`` are refused.
"""

from __future__ import annotations

import yaml

from closeread.errors import Problem

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineDict(dict):
    """A mapping that knows its own line and the line of each key."""

    line: int = 0
    key_lines: dict

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A sequence that knows its own line and the line of each item."""

    line: int = 0
    item_lines: list

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class _Loader(_BaseLoader):
    problems: list[Problem]
    path: str


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, (str, int, float, bool)) or key is None:
            loader.problems.append(Problem(loader.path, line, "a key must be a plain word; expected 'name: value'"))
            continue
        if key in result:
            first = result.key_lines[key]
            loader.problems.append(
                Problem(loader.path, line, f"duplicate key '{key}' (first at line {first}); expected each key once")
            )
            continue
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode):
    """A date as YAML reads it, or its text when it is no real date (2024-02-31), for the validator to
    report with its line instead of PyYAML raising ValueError."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
def _construct_str(loader: _Loader, node: yaml.ScalarNode) -> str:
    value = loader.construct_scalar(node)
    # In a folded scalar (>) a blank line is the only way to keep a line break, so each break that
    # survives folding is a paragraph break; texts use a blank line ("\n\n") for that everywhere.
    if node.style == ">":
        value = value.replace("\n", "\n\n")
    return value


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:str", _construct_str)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load_yaml(text: str, *, path: str) -> tuple[object, list[Problem]]:
    """Parse ``text`` safely; return the data and the problems found (syntax errors, duplicate keys)."""
    loader = _Loader(text)
    loader.problems = []
    loader.path = path
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = exc.problem or "invalid YAML"
        if "could not determine a constructor" in str(exc):
            tag = (exc.problem or "").rsplit("tag:yaml.org,2002:", 1)[-1].strip(" '")
            return None, [Problem(path, line, f"the tag '!!{tag}' is not allowed; expected plain YAML values")]
        return None, [Problem(path, line, f"YAML syntax error: {what}; expected valid YAML (check indentation and quotes)")]
    except yaml.YAMLError as exc:
        return None, [Problem(path, 1, f"YAML error: {exc}; expected valid YAML")]
    finally:
        loader.dispose()
    return data, loader.problems
