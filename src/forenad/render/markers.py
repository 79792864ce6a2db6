"""Missing-value markers (``«SAKNAS: Del 1 (professor): parts.0.workplace»``) set in runs of their own,
highlighted yellow.

One pass over the text elements of a part, linear in its size: every run that holds a marker is rebuilt
once into a sequence of runs (plain content, a marker, plain content, …), each with the run's own
properties, and the marker runs highlighted. Nothing is searched again after a split, so a marker that
follows a line break or a tab in the same run (text pasted back from an earlier draft) is handled like any
other, and a body with thousands of markers costs no more per marker than one with a few.

Used by both rendering paths (:mod:`forenad.render.docx_render` and :mod:`forenad.render.fastdocx`).
"""

from __future__ import annotations

import copy
import re
from functools import cache
from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_T, _R, _RPR = f"{_W}t", f"{_W}r", f"{_W}rPr"
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@cache
def marker_pattern(word: str) -> re.Pattern[str]:
    """A marker: ``«WORD»`` or ``«WORD: path»`` (a path never holds ``«`` or ``»``, so a scan that fails
    stops at the next ``«``: linear in the text)."""
    return re.compile(rf"(«{re.escape(word)}(?:: [^»«]*)?»)")


def highlight_markers_in(root: Any, word: str) -> int:
    """Put every marker under ``root`` in a highlighted run of its own; returns the number of markers."""
    marker = marker_pattern(word)
    needle = f"«{word}"
    runs: dict[Any, None] = {}
    for text in root.iter(_T):
        value = text.text
        if value and needle in value and marker.search(value):
            run = text.getparent()
            if run is not None and run.tag == _R:
                runs[run] = None
    return sum(_rebuild(run, marker) for run in runs)


def _segments(run: Any, marker: re.Pattern[str]) -> tuple[list[tuple[bool, list[Any]]], int]:
    """The run's content as (is a marker, elements) segments in order, and the number of markers."""
    segments: list[tuple[bool, list[Any]]] = []
    plain: list[Any] = []
    found = 0
    for child in list(run):
        if child.tag == _RPR:
            continue
        value = child.text if child.tag == _T else None
        if not value or not marker.search(value):
            plain.append(child)
            continue
        for piece in marker.split(value):
            if not piece:
                continue
            element = copy.copy(child)
            element.text = piece
            element.set(_SPACE, "preserve")
            if marker.fullmatch(piece):
                if plain:
                    segments.append((False, plain))
                    plain = []
                segments.append((True, [element]))
                found += 1
            else:
                plain.append(element)
    if plain:
        segments.append((False, plain))
    return segments, found


def _rebuild(run: Any, marker: re.Pattern[str]) -> int:
    """Replace ``run`` by runs of plain content and highlighted markers, in order; returns the markers."""
    segments, found = _segments(run, marker)
    if len(segments) == 1 and segments[0][0]:
        _highlight(run)  # already alone in its run
        return found
    shell = copy.deepcopy(run)
    for child in list(shell):
        if child.tag != _RPR:
            shell.remove(child)
    for is_marker, content in segments:
        new = copy.deepcopy(shell)
        for element in content:
            new.append(element)  # moves the original element (or places the new piece)
        if is_marker:
            _highlight(new)
        run.addprevious(new)
    run.getparent().remove(run)
    return found


def _highlight(run: Any) -> None:
    from docx.enum.text import WD_COLOR_INDEX
    from docx.text.run import Run

    Run(run, None).font.highlight_color = WD_COLOR_INDEX.YELLOW  # type: ignore[arg-type]
