"""What forenad writes to a terminal or a redirected stream: any encoding, no control sequences.

- :func:`setup_streams`: stdout and stderr write what their encoding can carry and replace the rest with
  ``?`` (a cp1252 console or file, as on Swedish Windows, keeps å, ä and ö; ``✓`` becomes ``?``), so no
  command fails on output, and a batch never stops after its first file.
- :func:`visible`: a control character in a user's text (a name, an id, a file name) is shown, never sent:
  C0 controls as their Unicode control pictures (``\\x1b`` → ``␛``, ``\\r`` → ``␍``), DEL as ``␡``, C1
  controls and the bidirectional overrides and isolates (which reorder what the reader sees) as ``<U+202E>``.
  Line feeds and tabs stay (they are layout).
- :func:`console`: a rich ``Console`` that applies :func:`visible` to every text it prints (its own
  colours, made from styles after that, still work).
- :func:`json_text`: JSON for a stream: exact whatever the encoding (``\\uXXXX`` escapes for what the
  encoding cannot carry, and always for DEL, C1 controls and bidirectional overrides).
"""

from __future__ import annotations

import codecs
import contextlib
import json
import re
import sys
from functools import cache
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{_BIDI}]")


def _picture(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return f"<U+{code:04X}>"


def visible(text: str) -> str:
    """``text`` with every control character shown instead of sent (see the module's description)."""
    return _CONTROL.sub(_picture, text) if _CONTROL.search(text) else text


def setup_streams() -> None:
    """Make stdout and stderr replace what their encoding cannot carry (see the module's description)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(Exception):
                reconfigure(errors="replace")


def is_utf(stream: IO[str] | None) -> bool:
    encoding = getattr(stream, "encoding", None) or ""
    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False


def json_text(data: Any, stream: IO[str] | None = None, **options: Any) -> str:
    """``json.dumps(data)`` for ``stream`` (stdout by default): exact in any encoding (see the module)."""
    stream = stream if stream is not None else sys.stdout
    text = json.dumps(data, ensure_ascii=not is_utf(stream), **options)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def write_json(data: Any, **options: Any) -> None:
    """Write ``data`` as JSON and a newline to stdout (:func:`json_text`)."""
    sys.stdout.write(json_text(data, sys.stdout, **options) + "\n")


def write_text(text: str, stream: IO[str] | None = None) -> None:
    """Write a report's text to stdout (or ``stream``) with control characters shown (:func:`visible`)."""
    (stream if stream is not None else sys.stdout).write(visible(text))


@cache
def _console_class() -> type[Any]:
    from rich.console import Console
    from rich.segment import Segment

    class SafeConsole(Console):
        """A rich Console that never sends a control character from the text it prints."""

        def _render_buffer(self, buffer: Any) -> str:
            cleaned = [
                segment if segment.control else Segment(visible(segment.text), segment.style)
                for segment in buffer
            ]
            return str(super()._render_buffer(cleaned))

    return SafeConsole


def console(**options: Any) -> Console:
    """A rich ``Console(**options)`` that shows control characters instead of sending them, and prints
    ``:name:`` as written (rich would make ``avtal:thumbs_up:.yaml`` a thumb; it also saves loading rich's
    emoji table)."""
    options.setdefault("emoji", False)
    made: Console = _console_class()(**options)
    return made
