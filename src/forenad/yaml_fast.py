"""The fast YAML reader for agreement files: libyaml (through PyYAML's C loader) with the YAML 1.2 core
schema that the careful reader (:mod:`forenad.yamlio`, ruamel.yaml) uses, and duplicate keys refused.

PyYAML resolves plain scalars by YAML 1.1 (``yes`` is true, ``017`` is octal, ``1:30`` is a number); here
the implicit resolvers and the integer constructor are those of YAML 1.2's core schema instead, so both
readers give the same data (a property test holds them to it). It is about four times as fast as ruamel's
C-based safe loader, whose Python resolver is most of the time of reading an agreement.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

import yaml

_BASE: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DuplicateKey(ValueError):
    """A mapping names a key twice (YAML forbids it; PyYAML would keep the last)."""


class Loader(_BASE):  # type: ignore[misc]
    """PyYAML's (C) safe loader with YAML 1.2 core-schema resolution."""

    yaml_implicit_resolvers: ClassVar[dict[str | None, list[tuple[str, re.Pattern[str]]]]] = {}

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                duplicate = key in seen
            except TypeError:  # an unhashable key: the constructor below refuses it
                duplicate = False
            if duplicate:
                raise DuplicateKey(f"duplicate key {key!r}")
            seen.add(key)
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]


def _int(loader: Loader, node: Any) -> int:
    """An integer as YAML 1.2 reads it (ruamel's rules): ``0b``, ``0o`` and ``0x`` prefixes, ``_`` between
    digits ignored, and a leading zero no octal (``017`` is 17)."""
    text = str(loader.construct_scalar(node)).replace("_", "")
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-")
    for prefix, base in (("0b", 2), ("0o", 8), ("0x", 16)):
        if digits.startswith(prefix):
            return sign * int(digits[2:], base)
    return sign * int(digits)


Loader.add_constructor("tag:yaml.org,2002:int", _int)


_NUMBER_FIRST = list("-+0123456789")
RESOLVERS: tuple[tuple[str, str, re.RegexFlag, list[str]], ...] = (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", re.X, list("tTfF")),
    (
        "float",
        r"""^(?:
         [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
        |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$""",
        re.X,
        [*_NUMBER_FIRST, "."],
    ),
    (
        "int",
        r"""^(?:[-+]?0b[0-1_]+
        |[-+]?0o?[0-7_]+
        |[-+]?[0-9_]+
        |[-+]?0x[0-9a-fA-F_]+)$""",
        re.X,
        _NUMBER_FIRST,
    ),
    ("merge", r"^(?:<<)$", re.NOFLAG, ["<"]),
    (
        "null",
        r"""^(?: ~
        |null|Null|NULL
        | )$""",
        re.X,
        ["~", "n", "N", ""],
    ),
    (
        "timestamp",
        r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
        |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
        (?:[Tt]|[ \t]+)[0-9][0-9]?
        :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
        (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""",
        re.X,
        list("0123456789"),
    ),
    ("value", r"^(?:=)$", re.NOFLAG, ["="]),
)
"""The implicit resolvers of YAML 1.2's core schema as ruamel.yaml (the careful reader) has them, written
out so that reading a file does not import ruamel; a test holds them equal to ruamel's own."""

for _kind, _pattern, _flags, _first in RESOLVERS:
    Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_kind}", re.compile(_pattern, _flags), _first)


def load(text: str) -> Any:
    """The data of a YAML (or JSON) text by the YAML 1.2 core schema; raises on anything wrong."""
    return yaml.load(text, Loader=Loader)
