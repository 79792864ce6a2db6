"""A field path as a person reads it: a part's path after the part's name, list items with a dot.

Shared by the check's text output, the refusal of a final document, and the drafts' markers and annex.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_PART = re.compile(r"^(?:fakta\.)?parts\.(\d+)(?:\.|$)")
_INDEX = re.compile(r"\[(\d+)\]")


def dotted(path: str) -> str:
    """List items with a dot, as the JSON names them: ``parts[1].notice`` is ``parts.1.notice``."""
    return _INDEX.sub(r".\1", path)


def shown_path(path: str, part_names: Sequence[str]) -> str:
    """``parts.1.notice`` (or ``parts[1].notice``) as ``Del 2 (överläkare): parts.1.notice``; the file's
    index is kept so the field can be found in the file. A path outside the parts is only dotted."""
    path = dotted(path)
    match = _PART.match(path)
    if match is None or int(match.group(1)) >= len(part_names):
        return path
    return f"{part_names[int(match.group(1))]}: {path}"
