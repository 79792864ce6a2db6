"""Employment models side by side: one column per agreement, one row per term or outcome.

    import forenad
    cmp = forenad.compare(["a.yaml", "b.yaml"], on=datetime.date(2026, 6, 1))
    cmp.row("part.1.vacation_days").values        # (31, 28): typed values, None where unknown
    cmp.row("cost.total").differs                  # True: highlighted in every output
    cmp.as_json()

    cmp = forenad.compare(["case.yaml"], all_models=True)   # the case under every model that can apply
    cmp.columns[1].overlay.changes                 # the field changes that make the alternative
    cmp.not_applicable                             # the models that cannot apply, with reasons

The outputs (terminal table, Markdown, Excel, Word) are in :mod:`forenad.comparison.output`; openpyxl and
python-docx are imported only when a spreadsheet or a document is written. ``forenad.compare`` is the
function :func:`compare` (this package is ``forenad.comparison``).
"""

from __future__ import annotations

from forenad.comparison.build import compare
from forenad.comparison.overlay import FieldChange, Overlay
from forenad.comparison.recast import Alternative, Recast, recast
from forenad.comparison.result import Cell, Column, Comparison, NotApplicable, Row

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
