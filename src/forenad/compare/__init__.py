"""Employment models side by side: one column per agreement, one row per term or outcome.

    import forenad
    cmp = forenad.compare(["a.yaml", "b.yaml"], on=datetime.date(2026, 6, 1))
    cmp.row("part.1.vacation_days").values        # (31, 28): typed values, None where unknown
    cmp.row("cost.total").differs                  # True: highlighted in every output
    cmp.as_json()

    cmp = forenad.compare(["case.yaml"], all_models=True)   # the case under every model that can apply
    cmp.columns[1].overlay.changes                 # the field changes that make the alternative
    cmp.not_applicable                             # the models that cannot apply, with reasons

The outputs (terminal table, Markdown, Excel, Word) are in :mod:`forenad.compare.output`; openpyxl and
python-docx are imported only when a spreadsheet or a document is written. ``forenad.compare`` is this
package and is callable as :func:`compare` (``forenad.compare(...)`` works however it was imported).
"""

from __future__ import annotations

import sys
import types
from typing import Any

from forenad.compare.build import compare
from forenad.compare.overlay import FieldChange, Overlay
from forenad.compare.recast import Alternative, Recast, recast
from forenad.compare.result import Cell, Column, Comparison, NotApplicable, Row

__all__ = [
    "Alternative",
    "Cell",
    "Column",
    "Comparison",
    "FieldChange",
    "NotApplicable",
    "Overlay",
    "Recast",
    "Row",
    "compare",
    "recast",
]


class _CallableModule(types.ModuleType):
    """``forenad.compare`` is both this package and, when called, :func:`compare`."""

    def __call__(self, *args: Any, **kwargs: Any) -> Comparison:
        return compare(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
