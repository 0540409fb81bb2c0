"""Safe YAML loading that remembers the line of every key and list item.

Validation messages must say ``path:line``; PyYAML's constructed objects forget where they came
from, so mappings and sequences are built as dict/list subclasses that carry their lines.
Only libyaml's safe loader is used: tags such as ``!!python/object`` are refused.
"""

from __future__ import annotations

import gc

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


_STR = "tag:yaml.org,2002:str"
_SEQ = yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG
_MAP = yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG
_MERGE = "tag:yaml.org,2002:merge"
_VALUE = "tag:yaml.org,2002:value"
_ScalarNode, _SequenceNode, _MappingNode = yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode


class _Loader(_BaseLoader):
    problems: list[Problem]
    path: str


# The resolver's tables as they stand for this loader (no path resolvers and no wildcard resolvers in
# PyYAML's safe loader): ``_resolve`` below is ``Resolver.resolve`` specialised to them, without the
# per-scalar list concatenation and the path-resolver checks. libyaml's composer calls it for every node.
_IMPLICIT = {first: tuple(resolvers) for first, resolvers in _Loader.yaml_implicit_resolvers.items()}


def _resolve(self, kind, value, implicit, _get=_IMPLICIT.get):
    if kind is _ScalarNode:
        if implicit[0]:
            for tag, regexp in _get(value[0] if value else "", ()):
                if regexp.match(value):
                    return tag
        return _STR
    return _SEQ if kind is _SequenceNode else _MAP


def _no_path_resolvers(self, *args) -> None:
    """``descend_resolver``/``ascend_resolver`` do nothing when no path resolvers are registered."""


if not _Loader.yaml_path_resolvers and None not in _IMPLICIT and _Loader.DEFAULT_SCALAR_TAG == _STR:
    _Loader.resolve = _resolve
    _Loader.descend_resolver = _no_path_resolvers
    _Loader.ascend_resolver = _no_path_resolvers


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


_Loader.add_constructor("tag:yaml.org,2002:str", _construct_str)


def _build(loader: _Loader, node):
    """What ``loader.construct_object(node, deep=True)`` returns, built directly for the plain nodes of a
    lesson (text scalars, mappings, sequences with their default tags); every other node (numbers,
    booleans, dates, explicit tags, merge keys) goes through PyYAML's constructors as before. The two
    paths share the loader's tables of built and half-built nodes, so an alias still yields the same
    object and a recursive alias is still refused."""
    cls = node.__class__
    if cls is _ScalarNode:
        if node.tag == _STR:
            value = node.value
            # see _construct_str
            return value.replace("\n", "\n\n") if node.style == ">" else value
        return loader.construct_object(node, deep=True)
    tag = node.tag
    if cls is _MappingNode and tag == _MAP:
        make = _build_mapping
    elif cls is _SequenceNode and tag == _SEQ:
        make = _build_sequence
    else:
        return loader.construct_object(node, deep=True)
    built = loader.constructed_objects
    if node in built:
        return built[node]
    building = loader.recursive_objects
    if node in building:
        raise yaml.constructor.ConstructorError(None, None, "found unconstructable recursive node", node.start_mark)
    building[node] = None
    data = make(loader, node)
    built[node] = data
    del building[node]
    return data


def _build_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    """A mapping as a LineDict: each key's line kept, duplicate and non-plain keys reported."""
    pairs = node.value
    for key_node, _ in pairs:
        if key_node.tag == _MERGE or key_node.tag == _VALUE:
            loader.flatten_mapping(node)
            pairs = node.value
            break
    result = LineDict()
    result.line = node.start_mark.line + 1
    key_lines = result.key_lines = {}
    for key_node, value_node in pairs:
        if key_node.__class__ is _ScalarNode and key_node.tag == _STR and key_node.style != ">":
            key = key_node.value
        else:
            key = _build(loader, key_node)
        line = key_node.start_mark.line + 1
        if not isinstance(key, (str, int, float, bool)) or key is None:
            loader.problems.append(Problem(loader.path, line, "a key must be a plain word; expected 'name: value'"))
            continue
        if key in result:
            first = key_lines[key]
            loader.problems.append(
                Problem(loader.path, line, f"duplicate key '{key}' (first at line {first}); expected each key once")
            )
            continue
        result[key] = _build(loader, value_node)
        key_lines[key] = line
    return result


def _build_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    """A sequence as a LineList: each item's line kept."""
    children = node.value
    result = LineList()
    for child in children:
        result.append(_build(loader, child))
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in children]
    return result


# PyYAML's own path (a tagged or merged document, an alias met there) builds mappings and sequences
# the same way, so every one of them carries its lines and reports its duplicate keys alike
_Loader.add_constructor(_MAP, _build_mapping)
_Loader.add_constructor(_SEQ, _build_sequence)


def load_yaml(text: str, *, path: str) -> tuple[object, list[Problem]]:
    """Parse ``text`` safely; return the data and the problems found (syntax errors, duplicate keys)."""
    loader = _Loader(text)
    loader.problems = []
    loader.path = path
    # libyaml makes a node and two marks for every value, all alive until the data is built: the cyclic
    # garbage collector would walk them again and again (a quarter of the time) and can find nothing
    # to free, as none of them refers back to another
    collecting = gc.isenabled()
    gc.disable()
    try:
        node = loader.get_single_node()
        if node is None:
            data = None
        elif (node.__class__ is _MappingNode and node.tag == _MAP) or (node.__class__ is _SequenceNode and node.tag == _SEQ):
            data = _build(loader, node)
            loader.constructed_objects = {}
            loader.recursive_objects = {}
        else:  # a lone scalar or an explicitly tagged document: PyYAML's own path
            data = loader.construct_document(node)
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
        if collecting:
            gc.enable()
    return data, loader.problems
