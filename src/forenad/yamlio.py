"""Reading YAML (and JSON) documents with line numbers, strictly.

Duplicate keys are rejected, YAML 1.2 is used (``yes``/``no`` stay strings), and every node can be traced
back to its line so that validation errors can name it. Aliases are expanded into plain Python data with a
node budget, so a "billion laughs" document fails with a clear message instead of eating memory.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from forenad.errors import ForenadError
from forenad.i18n import Text, t

if TYPE_CHECKING:
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

# ruamel.yaml, the careful reader, is imported when a text needs it: a valid agreement, rule or parameter
# file is read by the fast reader (parse_fast), and a new process checking one file does not pay for it.

MAX_BYTES = 2 * 1024 * 1024
MAX_NODES = 200_000


class DocumentError(ForenadError):
    """A document that cannot be parsed; ``line`` is 1-based when known; ``code`` a stable name for the kind
    of problem (``yaml_syntax``, ``duplicate_key``, ``file_not_found``, …) for programs to read."""

    def __init__(self, text: Text, line: int | None = None, path: str = "", *, code: str = "invalid") -> None:
        super().__init__(text.en)
        self.text = text
        self.line = line
        self.path = path
        self.code = code


@dataclass(frozen=True, slots=True)
class LineIndex:
    """Maps a location (a sequence of keys and list indexes) to the 1-based line that holds it."""

    root: Any

    def line_of(self, loc: Sequence[str | int | object]) -> int | None:
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        node = self.root
        line = _node_line(node)
        for key in loc:
            if isinstance(node, CommentedMap) and (key in node or _text_key(node, key) is not None):
                if key not in node:
                    key = _text_key(node, key)
                with contextlib.suppress(KeyError, TypeError):
                    line = node.lc.key(key)[0] + 1
                node = node[key]
            elif isinstance(node, CommentedSeq) and isinstance(key, int) and 0 <= key < len(node):
                with contextlib.suppress(KeyError, TypeError, IndexError):
                    line = node.lc.item(key)[0] + 1
                node = node[key]
            else:
                break
        return line


def _text_key(node: CommentedMap, key: object) -> object | None:
    """The key of ``node`` written as ``key`` (a number or date key, looked up by its text)."""
    candidate: object
    for candidate in node:
        if not isinstance(candidate, str) and key_text(candidate) == key:
            return candidate
    return None


def key_text(key: object) -> str:
    """A mapping key as the text the user wrote: dates as YYYY-MM-DD, booleans as true/false."""
    if isinstance(key, bool):
        return "true" if key else "false"
    if isinstance(key, dt.date):
        return key.isoformat()
    return str(key)


def _node_line(node: Any) -> int | None:
    lc = getattr(node, "lc", None)
    if lc is not None and lc.line is not None:
        return int(lc.line) + 1
    return None


@dataclass(frozen=True, slots=True)
class Document:
    data: Any
    lines: LineIndex


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """Read a file as UTF-8 text with clear messages for the usual ways this fails.

    Raises :class:`DocumentError` for a missing file, a directory, a file that is too large, binary data or
    another encoding; ``OSError`` never escapes.
    """
    try:
        if path.is_dir():
            raise DocumentError(
                t("är en katalog, inte en fil", "is a directory, not a file"), code="is_directory"
            )
        size = path.stat().st_size
        if size <= max_bytes:
            # At most max_bytes + 1, whatever stat() said: /dev/zero says 0 and never ends, a pipe
            # (``forenad check <(…)``) says 0, and a file may grow after stat().
            with path.open("rb") as handle:
                raw = handle.read(max_bytes + 1)
            if len(raw) > max_bytes:
                raise DocumentError(
                    t(
                        f"filen är för stor (mer än {max_bytes} byte)",
                        f"the file is too large (more than {max_bytes} bytes)",
                    ),
                    code="too_large",
                )
        else:
            raise DocumentError(
                t(
                    f"filen är för stor ({size} byte, högst {max_bytes})",
                    f"the file is too large ({size} bytes, at most {max_bytes})",
                ),
                code="too_large",
            )
    except FileNotFoundError:
        raise DocumentError(t("filen finns inte", "no such file"), code="file_not_found") from None
    except PermissionError:
        raise DocumentError(
            t("filen kan inte läsas (behörighet saknas)", "permission denied"), code="permission_denied"
        ) from None
    except ValueError:  # a NUL in the name: no file system has such a file
        raise DocumentError(
            t(
                "filnamnet innehåller ett otillåtet tecken (NUL)",
                "the file name holds a forbidden character (NUL)",
            ),
            code="bad_file_name",
        ) from None
    except OSError as exc:
        raise DocumentError(
            t(f"filen kan inte läsas: {exc.strerror}", f"cannot read file: {exc.strerror}"),
            code="unreadable",
        ) from None
    return decode(raw)


def decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DocumentError(
            t(
                "filen är kodad som UTF-16; spara den som UTF-8",
                "the file is encoded as UTF-16; save it as UTF-8",
            ),
            1,
            code="utf16",
        )
    if b"\x00" in raw:
        sample = raw[:4096]
        if sample and max(sample[0::2].count(0), sample[1::2].count(0)) >= len(sample) // 2 * 0.9:
            raise DocumentError(
                t(
                    "filen verkar vara kodad som UTF-16 (utan BOM); spara den som UTF-8",
                    "the file looks encoded as UTF-16 (without a BOM); save it as UTF-8",
                ),
                1,
                code="utf16",
            )
        raise DocumentError(
            t("filen är binär, inte text", "the file is binary, not text"), 1, code="binary_file"
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DocumentError(
            t(
                f"filen är inte giltig UTF-8 (byte {exc.start}); spara den som UTF-8, "
                "till exempel om den är sparad som Latin-1/Windows-1252",
                f"the file is not valid UTF-8 (byte {exc.start}); save it as UTF-8, "
                "for example if it was saved as Latin-1/Windows-1252",
            ),
            line,
            code="not_utf8",
        ) from None


@cache
def _constructor() -> type[Any]:
    """ruamel's round-trip constructor, but an impossible date (2026-02-30) is kept as text, so that
    validation can name its field and line instead of the parser failing without either."""
    from ruamel.yaml.constructor import RoundTripConstructor

    def timestamp_or_text(constructor: RoundTripConstructor, node: Any) -> Any:
        try:
            return RoundTripConstructor.construct_yaml_timestamp(constructor, node)
        except ValueError:
            return str(node.value)

    class Constructor(RoundTripConstructor):
        pass

    Constructor.add_constructor("tag:yaml.org,2002:timestamp", timestamp_or_text)
    return Constructor


def _yaml() -> YAML:
    from ruamel.yaml import YAML

    y = YAML(typ="rt", pure=False)
    y.Constructor = _constructor()
    y.allow_duplicate_keys = False
    return y


def parse(text: str) -> Document:
    """Parse YAML (or JSON) text into plain Python data plus a line index."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

    try:
        root = _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = (exc.problem or str(exc)).strip()
        if "end of stream" in problem and exc.context_mark is not None:
            mark = exc.context_mark  # an unclosed quote or bracket: name where it starts
            context = (exc.context or "").strip()
            problem = f"{context}: {problem}" if context else problem
        line = mark.line + 1 if mark is not None else None
        if "duplicate key" in str(exc).lower() or type(exc).__name__ == "DuplicateKeyError":
            key = _duplicate_key_name(str(exc))
            raise DocumentError(
                t(f"nyckeln {key} förekommer två gånger", f"the key {key} appears twice"),
                line,
                _duplicate_path(text, key.strip("'\""), line),
                code="duplicate_key",
            ) from None
        raise DocumentError(
            t(f"ogiltig YAML: {problem}", f"invalid YAML: {problem}"), line, code="yaml_syntax"
        ) from None
    except ReaderError as exc:
        # A character YAML forbids (e.g. U+000B, Word's manual line break, pasted into a name).
        line = text[: exc.position].count("\n") + 1
        code = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        raise DocumentError(
            t(
                f"otillåtet tecken {code} (ett styrtecken, ofta inklistrat från Word); ta bort det",
                f"forbidden character {code} (a control character, often pasted from Word); remove it",
            ),
            line,
            code="forbidden_character",
        ) from None
    except YAMLError as exc:
        raise DocumentError(t(f"ogiltig YAML: {exc}", f"invalid YAML: {exc}"), code="yaml_syntax") from None
    except RecursionError:
        raise DocumentError(
            t("dokumentet är för djupt nästlat", "the document is nested too deeply"),
            code="too_deep",
        ) from None
    except Exception as exc:  # ruamel's constructors raise ValueError, KeyError, … for bad scalars
        raise DocumentError(
            t(f"ogiltigt värde: {exc}", f"invalid value: {exc}"),
            _line_of_token(text, str(exc)),
            code="invalid_value",
        ) from None
    budget = [MAX_NODES]
    try:
        data = _plain(root, budget)
    except RecursionError:
        raise DocumentError(
            t("ett alias hänvisar till sig självt", "an alias refers to itself"), code="alias_loop"
        ) from None
    return Document(data=data, lines=LineIndex(root))


def _line_of_token(text: str, message: str) -> int | None:
    """The line of the first quoted token of an error message, when it occurs once in the text."""
    start = message.find("'")
    end = message.find("'", start + 1)
    if start < 0 or end <= start + 1:
        return _line_of_bad_date(text)
    token = message[start + 1 : end]
    hits = [i for i, line in enumerate(text.splitlines(), 1) if token in line]
    return hits[0] if len(hits) == 1 else None


_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")


def _line_of_bad_date(text: str) -> int | None:
    for i, line in enumerate(text.splitlines(), 1):
        for match in _DATE.finditer(line):
            try:
                dt.date(*(int(g) for g in match.groups()))
            except ValueError:
                return i
    return None


def _duplicate_path(text: str, key: str, line: int | None) -> str:
    """The dotted path of a duplicated key: the mapping holding ``key`` whose first occurrence of it is the
    closest before the duplicate's line (found by parsing again with duplicates allowed)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if not key or line is None:
        return ""
    containers = (CommentedMap, CommentedSeq)
    y = YAML(typ="rt", pure=False)
    y.allow_duplicate_keys = True
    try:
        root = y.load(text)
    except Exception:
        return ""
    best: tuple[int, list[str | int]] | None = None
    todo: list[tuple[Any, list[str | int]]] = [(root, [])]
    seen = 0
    while todo and seen < MAX_NODES:
        node, path = todo.pop()
        seen += 1
        if isinstance(node, CommentedMap):
            if key in node:
                with contextlib.suppress(KeyError, TypeError):
                    first = node.lc.key(key)[0] + 1
                    if first < line and (best is None or first > best[0]):
                        best = (first, [*path, key])
            todo.extend((v, [*path, k]) for k, v in node.items() if isinstance(v, containers))
        elif isinstance(node, CommentedSeq):
            todo.extend((v, [*path, i]) for i, v in enumerate(node) if isinstance(v, containers))
    return ".".join(str(p) for p in best[1]) if best else ""


def _duplicate_key_name(message: str) -> str:
    marker = 'found duplicate key "'
    start = message.find(marker)
    if start >= 0:
        end = message.find('"', start + len(marker))
        if end > 0:
            return repr(message[start + len(marker) : end])
    return ""


def _plain(node: Any, budget: list[int]) -> Any:
    budget[0] -= 1
    if budget[0] < 0:
        raise DocumentError(
            t(
                f"dokumentet har för många värden (högst {MAX_NODES}, alias räknade)",
                f"the document has too many values (at most {MAX_NODES}, aliases counted)",
            ),
            code="too_many_values",
        )
    if isinstance(node, dict):
        return {_plain_key(k): _plain(v, budget) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v, budget) for v in node]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, str):
        return str(node)
    if isinstance(node, dt.datetime):
        return dt.datetime(*node.timetuple()[:6])
    if isinstance(node, dt.date):
        return dt.date(node.year, node.month, node.day)
    if isinstance(node, bytes):
        raise DocumentError(
            t("binära värden (!!binary) tillåts inte", "binary values (!!binary) are not allowed"),
            code="binary_value",
        )
    # Tagged scalars and anything else a YAML tag might produce.
    raise DocumentError(
        t(
            f"värdet {str(node)[:40]!r} har en typ som inte stöds",
            f"the value {str(node)[:40]!r} has an unsupported type",
        ),
        code="unsupported_value",
    )


def _plain_key(key: Any) -> Any:
    if isinstance(key, dt.date) and not isinstance(key, dt.datetime):
        return dt.date(key.year, key.month, key.day)
    if isinstance(key, bool | int | str):
        return type(key)(key) if not isinstance(key, str) else str(key)
    raise DocumentError(
        t(f"nyckeln {str(key)[:40]!r} stöds inte", f"the key {str(key)[:40]!r} is not supported"),
        code="unsupported_key",
    )


def load(path: Path) -> Document:
    """Read and parse a file; see :func:`read_text` and :func:`parse`."""
    return parse(read_text(path))


_ANCHOR_ALIAS_TAG = re.compile(r"(?:^|[\s\[{,:-])[&*!]")


def parse_fast(text: str) -> Any:
    """Plain data parsed with libyaml by the same YAML 1.2 rules (:mod:`forenad.yaml_fast`, many times as
    fast as :func:`parse`), or ``None`` when the text needs the careful parser: anything that fails, an
    anchor, alias or tag, a duplicate key, an impossible date, a time stamp, a non-text key. ``None`` is not
    an error: call :func:`parse`, which names the line of what is wrong."""
    if _ANCHOR_ALIAS_TAG.search(text):
        return None
    try:
        from forenad import yaml_fast

        data = yaml_fast.load(text)
    except Exception:  # any trouble at all: the careful parser reports it with its line
        return None
    return data if _fast_plain(data, [MAX_NODES]) else None


def _fast_plain(node: Any, budget: list[int]) -> bool:
    """True when ``node`` is what :func:`parse` would give unchanged (text keys, plain scalars, dates)."""
    budget[0] -= 1
    if budget[0] < 0:
        return False
    if isinstance(node, dict):
        return all(isinstance(k, str) for k in node) and all(_fast_plain(v, budget) for v in node.values())
    if isinstance(node, list):
        return all(_fast_plain(v, budget) for v in node)
    if isinstance(node, dt.datetime):
        return False
    return node is None or isinstance(node, str | int | float | bool | dt.date)
