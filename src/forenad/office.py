"""Text for reports in Word and Excel: every user string gets in, shown as written where it can be.

XML 1.0, and so a ``.docx`` or an ``.xlsx``, cannot hold most C0 control characters (python-docx and openpyxl
refuse them with a bare ``ValueError``). In a report (``compare``, ``changes``) they are shown as their
Unicode control pictures instead (``\\x1b`` → ``␛``), and U+FFFE, U+FFFF and lone surrogates as U+FFFD.
(A draft agreement is a legal document, not a report: there such a character is refused, naming the field;
see :func:`forenad.render.api.refuse_unwritable_text`.)

An Excel cell whose text begins with ``=``, ``+``, ``-``, ``@``, a tab, a carriage return or a line feed
could be read as a formula, now or when someone edits it: such a cell is stored as text (type ``s``) with
Excel's quote prefix, never as a formula (:func:`append_row`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    return chr(0x2400 + code) if code < 0x20 else "\ufffd"


def office_text(text: str) -> str:
    """``text`` with every character XML cannot hold shown instead (see the module's description)."""
    return _NOT_IN_XML.sub(_picture, text) if _NOT_IN_XML.search(text) else text


def append_row(sheet: Any, values: Sequence[Any]) -> int:
    """Append ``values`` to an openpyxl ``sheet``: texts through :func:`office_text`, formula-like texts as
    text with the quote prefix; returns the row's number."""
    cleaned = [office_text(v) if isinstance(v, str) else v for v in values]
    sheet.append(cleaned)
    row = int(sheet.max_row)
    for col, value in enumerate(cleaned, start=1):
        if isinstance(value, str) and value.startswith(FORMULA_STARTS):
            cell = sheet.cell(row, col)
            cell.data_type = "s"
            cell.quotePrefix = True
    return row


def put(sheet: Any, row: int, col: int, value: Any) -> Any:
    """``sheet.cell(row, col, value)`` with the same care as :func:`append_row`; returns the cell."""
    clean = office_text(value) if isinstance(value, str) else value
    cell = sheet.cell(row, col, clean)
    if isinstance(clean, str) and clean.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell
