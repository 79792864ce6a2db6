"""Writing an agreement back into its own file: the values changed in place, the comments and layout kept.

:func:`update_text` loads the file's text with ruamel's round-trip parser (comments, key order, flow or
block style, quotes and indentation are kept), updates each value that differs from the agreement, removes
the keys the agreement no longer has and adds the ones it gained (in the model's order, after the keys that
precede them), then dumps the document again. A value that did not change is left exactly as it was written
(``50`` stays ``50``, a folded text stays folded), so a file saved without changes is byte for byte the
same. A comment on a line that is removed goes with it; the comment lines and blank lines that followed it
(the heading of the next section) stay. ``origins`` says which original item each list item came from, so
that a part removed from the middle takes its own comments with it and the others keep theirs.

Usage::

    from forenad.roundtrip import update_text
    text = Path("avtal.yaml").read_text("utf-8")
    new_text = update_text(text, agreement, origins={"parts": [0, 2, None]})  # part 1 removed, one added
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping, Sequence
from decimal import Decimal
from io import StringIO
from typing import Any

from forenad.model import Agreement

__all__ = ["plain_data", "update_text"]

Origins = Mapping[str, Sequence[int | None]]


def plain_data(agreement: Agreement, *, defaults: bool = True) -> dict[str, Any]:
    """The agreement as plain YAML data (numbers, text, dates, booleans, lists and mappings), without the
    fields that are not set; without the fields at their default value too when ``defaults`` is false."""
    dumped = agreement.model_dump(mode="python", exclude_none=True, exclude_defaults=not defaults)
    data = _plain(dumped)
    assert isinstance(data, dict)
    return data


def update_text(text: str, agreement: Agreement, origins: Origins | None = None) -> str:
    """``text`` (an agreement file in YAML) with its values updated to ``agreement``; see the module.

    ``origins`` maps a dotted list path (``parts``, ``cost_settlement.shares``) to the original index of
    each of its items in the new order (``None`` for a new item); lists not named are matched by position.
    Raises ``ValueError`` when the text is not a YAML mapping.
    """
    from ruamel.yaml.comments import CommentedMap

    yaml = _yaml(text)
    document = yaml.load(text)
    if not isinstance(document, CommentedMap):
        raise ValueError("the text is not a YAML mapping")
    _merge_map(document, plain_data(agreement), plain_data(agreement, defaults=False), "", origins or {})
    out = StringIO()
    yaml.dump(document, out)
    return out.getvalue()


def _yaml(text: str) -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.util import load_yaml_guess_indent

    try:
        _, indent, block_seq_indent = load_yaml_guess_indent(text)
    except Exception:  # the real load below reports the problem
        indent, block_seq_indent = 2, 0
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long line
    yaml.allow_unicode = True
    mapping = 2
    sequence = indent or 2
    offset = block_seq_indent or 0
    if sequence < offset + 2:
        sequence = offset + 2
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


# --------------------------------------------------------------------------------------------------------
# Plain values


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, enum.Enum):
        return _plain(value.value)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, value.day)
    return value


def _same(old: Any, new: Any) -> bool:
    """Whether a written scalar already says ``new`` (``50`` and ``50.0`` do; ``'50'`` and ``50`` do not)."""
    if isinstance(old, bool) or isinstance(new, bool):
        return isinstance(old, bool) and isinstance(new, bool) and old == new
    if isinstance(old, int | float | Decimal) and isinstance(new, int | float | Decimal):
        try:
            return Decimal(str(old)) == Decimal(str(new))
        except ArithmeticError:
            return False
    if isinstance(old, dt.date) and isinstance(new, dt.date):
        return bool(old == new) and isinstance(old, dt.datetime) == isinstance(new, dt.datetime)
    if isinstance(old, str) and isinstance(new, str):
        return str(old) == new
    return False


def _fresh(value: Any) -> Any:
    """A new value for the document: mappings in block style, lists of plain values in flow style."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        return CommentedMap((k, _fresh(v)) for k, v in value.items())
    if isinstance(value, list):
        seq = CommentedSeq(_fresh(v) for v in value)
        if not any(isinstance(v, dict | list) for v in value):
            seq.fa.set_flow_style()
        return seq
    return value


def _restyled(old: Any, new: Any) -> Any:
    """``new`` text in the style ``old`` was written in (literal, folded or quoted), where that fits."""
    from ruamel.yaml.scalarstring import (
        DoubleQuotedScalarString,
        FoldedScalarString,
        LiteralScalarString,
        SingleQuotedScalarString,
    )

    if not isinstance(new, str):
        return new
    for style in (LiteralScalarString, FoldedScalarString):
        if isinstance(old, style):
            return style(new)
    if isinstance(old, SingleQuotedScalarString) and "\n" not in new:
        return SingleQuotedScalarString(new)
    if isinstance(old, DoubleQuotedScalarString):
        return DoubleQuotedScalarString(new)
    return new


# --------------------------------------------------------------------------------------------------------
# Merging


def _merge_value(old: Any, new: Any, lean: Any, path: str, origins: Origins) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(new, dict) and isinstance(old, CommentedMap):
        _merge_map(old, new, lean if isinstance(lean, dict) else {}, path, origins)
        return old
    if isinstance(new, list) and isinstance(old, CommentedSeq):
        _merge_seq(old, new, lean if isinstance(lean, list) else [], path, origins)
        return old
    if not isinstance(new, dict | list) and not isinstance(old, dict | list) and _same(old, new):
        return old
    if isinstance(new, dict | list):
        return _fresh(lean if isinstance(lean, type(new)) else new)
    return _restyled(old, new)


def _merge_map(node: Any, full: dict[str, Any], lean: dict[str, Any], path: str, origins: Origins) -> None:
    for key in list(node.keys()):
        name = key if isinstance(key, str) else str(key)
        value = full.get(name)
        if name not in full or (name not in lean and value in ([], {})):
            _delete_key(node, key)
    order = list(full)
    for name, value in full.items():
        where = f"{path}.{name}" if path else name
        if name in node:
            node[name] = _merge_value(node[name], value, lean.get(name), where, origins)
        elif name in lean:
            before = [k for k in order[: order.index(name)] if k in node]
            if not before:
                node.insert(0, name, _fresh(lean[name]))
            else:
                _insert_after(node, before[-1], name, _fresh(lean[name]))


def _merge_seq(node: Any, full: list[Any], lean: list[Any], path: str, origins: Origins) -> None:
    given = list(origins.get(path, ()))
    kept = [o for o in given if o is not None]
    if len(given) != len(full) or kept != sorted(set(kept)) or any(o >= len(node) for o in kept):
        given = [i if i < len(node) else None for i in range(len(full))]  # by position
        kept = [o for o in given if o is not None]
    for index in reversed(range(len(node))):
        if index not in kept:
            _delete_item(node, index)
    for position, (origin, value) in enumerate(zip(given, full, strict=True)):
        item_lean = lean[position] if position < len(lean) else value
        where = f"{path}.{position}"
        if origin is None:
            if position >= len(node):
                _append_item(node, _fresh(item_lean))
            else:
                node.insert(position, _fresh(item_lean))
        else:
            node[position] = _merge_value(node[position], value, item_lean, where, origins)


# --------------------------------------------------------------------------------------------------------
# Comments that follow a removed or appended line
#
# ruamel keeps a comment, and the comment lines and blank lines after it, with the line before them: in a
# mapping at ``ca.items[key][2]``, in a sequence at ``ca.items[index][0]``, on the deepest last line of a
# block. Removing that line would lose the heading of the next section; appending after it would put the
# new line below that heading. So the trailing lines move to the new last line.


def _is_block(value: Any) -> bool:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    return isinstance(value, CommentedMap | CommentedSeq) and len(value) > 0 and not value.fa.flow_style()


def _tail(node: Any) -> tuple[Any, Any, int] | None:
    """Where the comment after the last line of ``node`` (a block mapping or sequence) is kept."""
    from ruamel.yaml.comments import CommentedMap

    if not len(node):
        return None
    if isinstance(node, CommentedMap):
        key = list(node.keys())[-1]
        return _tail(node[key]) if _is_block(node[key]) else (node, key, 2)
    index = len(node) - 1
    return _tail(node[index]) if _is_block(node[index]) else (node, index, 0)


def _split(holder: Any, key: Any, index: int) -> str:
    """Cut the lines after the line at ``holder[key]`` off its comment and return them (``""``: none)."""
    entry = holder.ca.items.get(key)
    if not entry or len(entry) <= index or entry[index] is None:
        return ""
    token = entry[index]
    value: str = token.value
    own, newline, rest = value.partition("\n")
    if not newline:
        return ""
    if own.strip():
        token.value = own + "\n"
    else:
        entry[index] = None
    return rest


def _attach(holder: Any, key: Any, index: int, rest: str) -> None:
    """Put ``rest`` (whole comment lines and blank lines) after the line at ``holder[key]``."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    if not rest:
        return
    entry = holder.ca.items.setdefault(key, [None, None, None, None])
    while len(entry) <= index:
        entry.append(None)
    if entry[index] is None:
        entry[index] = CommentToken("\n" + rest, CommentMark(0), None)
    else:
        entry[index].value = entry[index].value + rest


def _place(node: Any, key: Any, value: Any, index: int) -> tuple[Any, Any, int] | None:
    """Where the comment after ``node[key]`` is kept: its own slot, or the deepest last line of a block."""
    return _tail(value) if _is_block(value) else (node, key, index)


def _delete_key(node: Any, key: Any) -> None:
    keys = list(node.keys())
    position = keys.index(key)
    where = _place(node, key, node[key], 2)
    rest = _split(*where) if where is not None else ""
    del node[key]
    node.ca.items.pop(key, None)
    if rest and position > 0:
        previous = keys[position - 1]
        target = _place(node, previous, node[previous], 2)
        if target is not None:
            _attach(*target, rest)


def _delete_item(node: Any, index: int) -> None:
    last = index == len(node) - 1
    where = _place(node, index, node[index], 0) if last else None
    rest = _split(*where) if where is not None else ""
    del node[index]
    if rest and len(node):
        target = _place(node, len(node) - 1, node[len(node) - 1], 0)
        if target is not None:
            _attach(*target, rest)


def _insert_after(node: Any, previous: Any, key: str, value: Any) -> None:
    """Put ``key`` right after ``previous``, above the comment lines that followed ``previous``."""
    source = _place(node, previous, node[previous], 2)
    rest = _split(*source) if source is not None else ""
    position = list(node.keys()).index(previous) + 1
    if position >= len(node):
        node[key] = value
    else:
        node.insert(position, key, value)
    target = _place(node, key, value, 2)
    if rest and target is not None:
        _attach(*target, rest)


def _append_item(node: Any, value: Any) -> None:
    source = _tail(node)
    rest = _split(*source) if source is not None else ""
    node.append(value)
    target = _tail(node)
    if rest and target is not None:
        _attach(*target, rest)
