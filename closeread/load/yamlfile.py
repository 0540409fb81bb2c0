"""Safe YAML loading that remembers the line of every key and list item.

Validation messages must say ``path:line``; PyYAML's constructed objects forget where they came
from, so mappings and sequences are built as dict/list subclasses that carry their lines.
Only libyaml's safe loader is used: tags such as ``!!python/object`` are refused.
"""

from __future__ import annotations

import gc
import re

import yaml

from closeread.errors import Problem
from closeread.load.chars import BAD, BIDI, bidi_problem_text, problem_text, unclosed_bidi
from closeread.load.yamlerrors import explain

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
    bidi: bool = False  # the file holds a bidi formatting character: every text is checked for one left open
    escaped_bidi: bool = True  # a double-quoted text is checked for an escaped one ("\u202E")


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


def _construct_int(loader: _Loader, node: yaml.ScalarNode):
    """A whole number as YAML reads it, or its text when Python refuses to convert it (more than 4,300
    digits: ValueError since Python 3.11), for the validator to report with its line. A plain scalar
    is an int only when it looks like one, so that is its only ValueError; a quoted one under an
    explicit '!!int' is the tag check's to report."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_int(loader, node)
    except ValueError:
        if node.style:
            raise
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)


def _refuse_escaped_controls(loader: _Loader, node: yaml.ScalarNode, value: str) -> None:
    """Only a double-quoted scalar's escapes ("\\e", "\\uFFFF") can make a character libyaml refuses raw."""
    if node.style == '"':
        bad = BAD.search(value)
        if bad:
            loader.problems.append(Problem(loader.path, node.start_mark.line + 1, problem_text(bad.group())))


def _refuse_open_bidi(loader: _Loader, node: yaml.ScalarNode, value: str) -> None:
    """A bidi override or isolate left open (closeread.load.chars.unclosed_bidi): raw or escaped."""
    left = unclosed_bidi(value)
    if left:
        loader.problems.append(Problem(loader.path, node.start_mark.line + 1, bidi_problem_text(left)))


def _construct_str(loader: _Loader, node: yaml.ScalarNode) -> str:
    value = loader.construct_scalar(node)
    _refuse_escaped_controls(loader, node, value)
    if loader.bidi or (node.style == '"' and loader.escaped_bidi):
        _refuse_open_bidi(loader, node, value)
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
            if node.style == '"':
                _refuse_escaped_controls(loader, node, value)
            if loader.bidi or (node.style == '"' and loader.escaped_bidi):
                _refuse_open_bidi(loader, node, value)
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
    """A mapping as a LineDict: each key's line kept, duplicate and non-plain keys reported. Keys
    brought in by a merge key (``<<: *defaults``) may be overridden by the mapping's own keys (that
    is what merging is for); only a key written twice in the mapping itself is a duplicate."""
    pairs = node.value
    merged = 0
    for key_node, _ in pairs:
        if key_node.tag == _MERGE or key_node.tag == _VALUE:
            own = sum(1 for k, _ in pairs if k.tag != _MERGE)
            loader.flatten_mapping(node)  # the merged pairs first, then the mapping's own
            pairs = node.value
            merged = len(pairs) - own
            break
    result = LineDict()
    result.line = node.start_mark.line + 1
    key_lines = result.key_lines = {}
    inherited = set()
    for number, (key_node, value_node) in enumerate(pairs):
        if key_node.__class__ is _ScalarNode and key_node.tag == _STR and key_node.style != ">":
            key = key_node.value
        else:
            key = _build(loader, key_node)
        line = key_node.start_mark.line + 1
        if not isinstance(key, (str, int, float, bool)) or key is None:
            loader.problems.append(Problem(loader.path, line, "a key must be a plain word; expected 'name: value'"))
            continue
        if key in result and key not in inherited:
            first = key_lines[key]
            loader.problems.append(
                Problem(loader.path, line, f"duplicate key '{_short(key)}' (first at line {first}); expected each key once")
            )
            continue
        if number < merged:
            inherited.add(key)
        else:
            inherited.discard(key)
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


MAX_DEPTH = 40  # a lesson nests about 6 deep; libyaml's composer crashes the process near 100,000
MAX_ALIAS_VALUES = 10_000  # values that aliases may add to those written out (a lesson needs none)
_PLAIN_SCALARS = {"tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "timestamp", "merge", "value")}
_WORDS = {"int": "a whole number", "float": "a number", "bool": "true or false", "null": "nothing (~ or null)", "timestamp": "a date YYYY-MM-DD"}


def _maybe_tag(text: str) -> bool:
    """Whether a '!' starts a token somewhere (a tag can only start there); a regular expression
    took 3 ms on a long lesson, this a few microseconds (a '!' is rare in a lesson)."""
    at = text.find("!")
    while at >= 0:
        if at == 0 or text[at - 1] in " \t\n,[{":
            return True
        at = text.find("!", at + 1)
    return False


def _short(value, width: int = 40) -> str:
    """A value for a message: never the whole of a long (or alias-expanded) one."""
    text = value if isinstance(value, str) else repr(value) if isinstance(value, (int, float, bool)) else type(value).__name__
    text = text.encode("unicode_escape").decode("ascii") if not text.isprintable() else text
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _tag_name(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:") :] if tag.startswith("tag:yaml.org,2002:") else tag


def _too_deep(text: str) -> int:
    """The 1-based line where the nesting first passes MAX_DEPTH, or 0. libyaml's composer recurses
    once per level in C and crashes the interpreter past some tens of thousands, so nesting is measured
    on the parser's events first, when a cheap bound (every level needs a deeper indentation, a '- ' or
    '? ' at the start of a line, or a '[' or '{') says it could be too deep."""
    bound = text.count("[") + text.count("{")
    if bound < MAX_DEPTH - 4:
        # no line starts with (MAX_DEPTH - bound) // 2 - 1 spaces, dashes or question marks
        run = (MAX_DEPTH - bound) // 2 - 1
        if re.search(f"\n[ ?-]{{{run}}}", "\n" + text) is None:
            return 0
    depth = 0
    for event in yaml.parse(text, Loader=_BaseLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return event.start_mark.line + 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return 0


def _children(node) -> list:
    if node.__class__ is _SequenceNode:
        return node.value
    if node.__class__ is _MappingNode:
        return [child for pair in node.value for child in pair]
    return []


def _check_tag(loader: _Loader, node) -> None:
    """Report a tag that is not plain YAML, or a value its tag cannot read, at its line; the node is
    then read as if it had no tag, so that the rest of the file is still checked."""
    tag, line = node.tag, node.start_mark.line + 1
    if node.__class__ is _ScalarNode:
        if tag == _STR or tag not in _PLAIN_SCALARS:
            if tag != _STR:
                if tag in (_SEQ, _MAP):
                    message = f"the tag '{_tag_name(tag)}' is on a single value; expected a list or mapping after it (or no tag)"
                else:
                    message = f"the tag '{_short(_tag_name(tag))}' is not allowed; expected plain YAML values"
                loader.problems.append(Problem(loader.path, line, message))
                node.tag = _STR
            return
        kind = tag.rsplit(":", 1)[-1]
        if kind in _WORDS:
            try:
                loader.yaml_constructors[tag](loader, node)
            except Exception:  # noqa: BLE001 - each constructor fails its own way (ValueError, KeyError, ...)
                loader.problems.append(
                    Problem(loader.path, line, f"'{_short(node.value)}' cannot be read as {_tag_name(tag)}; expected {_WORDS[kind]} (or no tag)")
                )
                node.tag = _STR
        return
    plain = _SEQ if node.__class__ is _SequenceNode else _MAP
    if tag != plain:
        what = "'- ' items" if plain == _SEQ else "'key: value' lines"
        loader.problems.append(Problem(loader.path, line, f"the tag '{_short(_tag_name(tag))}' is not allowed; expected plain YAML ({what} with no tag)"))
        node.tag = plain


def _check_nodes(loader: _Loader, root) -> Problem | None:
    """Check every node once: tags (reported, see ``_check_tag``), and the shape aliases give the
    data: no alias inside what it names, no nesting past MAX_DEPTH, and no more than MAX_ALIAS_VALUES
    values repeated by aliases (nine aliases of nine aliases of ... make a billion). Iterative, so that
    no depth can exhaust the stack; returns the problem that stops the file from being built."""
    size: dict = {}
    height: dict = {}
    open_: set = set()
    written = 0
    reused = []
    stack = [(root, False)]
    while stack:
        node, done = stack.pop()
        if done:
            children = _children(node)
            size[node] = 1 + sum(size[c] for c in children)
            height[node] = 1 + max((height[c] for c in children), default=0)
            open_.discard(node)
            if height[node] > MAX_DEPTH:
                return Problem(loader.path, node.start_mark.line + 1, f"values nest more than {MAX_DEPTH} deep here; expected a lesson's few levels")
            continue
        if node in size:
            reused.append(node)
            continue
        if node in open_:
            return Problem(loader.path, node.start_mark.line + 1, "an alias refers to the value that contains it; expected an alias of a value defined before it")
        open_.add(node)
        written += 1
        _check_tag(loader, node)
        stack.append((node, True))
        for child in _children(node):
            if child in open_:
                return Problem(loader.path, child.start_mark.line + 1, "an alias refers to the value that contains it; expected an alias of a value defined before it")
            stack.append((child, False))
    extra = size[root] - written
    if extra > MAX_ALIAS_VALUES:
        biggest = max(reused, key=lambda n: size[n])
        return Problem(
            loader.path,
            biggest.start_mark.line + 1,
            f"aliases of this value repeat {extra:,} values; expected at most {MAX_ALIAS_VALUES:,} (write the values out, or use fewer aliases)",
        )
    return None


def load_yaml(text: str, *, path: str, bidi: bool = True) -> tuple[object, list[Problem]]:
    """Parse ``text`` safely; return the data and the problems found (syntax errors, duplicate keys,
    tags, nesting and alias limits, and with ``bidi`` a bidi override left open in a text: not for
    suggestions.yaml, whose quotes may cut a closed pair of the article in two and which no page shows)."""
    loader = _Loader(text)
    loader.problems = []
    loader.path = path
    loader.bidi = bidi and BIDI.search(text) is not None
    loader.escaped_bidi = bidi
    # libyaml makes a node and two marks for every value, all alive until the data is built: the cyclic
    # garbage collector would walk them again and again (a quarter of the time) and can find nothing
    # to free, as none of them refers back to another
    collecting = gc.isenabled()
    gc.disable()
    try:
        deep = _too_deep(text)
        if deep:
            return None, [Problem(path, deep, f"values nest more than {MAX_DEPTH} deep here; expected a lesson's few levels")]
        node = loader.get_single_node()
        if node is None:
            return None, loader.problems
        # the node walk costs about as much as building the data: only files that could hold a tag
        # (a '!' starting a token) or an alias (an '&' anchor and a '*') need it
        stop = _check_nodes(loader, node) if ("&" in text and "*" in text) or _maybe_tag(text) else None
        if stop is not None:
            return None, [*loader.problems, stop]
        if (node.__class__ is _MappingNode and node.tag == _MAP) or (node.__class__ is _SequenceNode and node.tag == _SEQ):
            data = _build(loader, node)
            loader.constructed_objects = {}
            loader.recursive_objects = {}
        else:  # a lone scalar: PyYAML's own path
            data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        line, message = explain(exc, text)
        return None, [*loader.problems, Problem(path, line, message)]
    except yaml.YAMLError as exc:
        return None, [Problem(path, 1, f"YAML error: {_short(str(exc), 200)}; expected valid YAML")]
    finally:
        loader.dispose()
        if collecting:
            gc.enable()
    return data, loader.problems
