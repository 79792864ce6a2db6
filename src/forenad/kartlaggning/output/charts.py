"""Charts as PNG pictures for the Word report, drawn with matplotlib when it is installed.

matplotlib is an optional extra (``pip install 'forenad[charts]'``): without it :func:`chart_png` returns
``None`` and the report has its tables alone. Hidden cells (``< 3``) are left out of a chart, and the
caption says so. Pictures are drawn with the Agg backend (no display needed) at 150 dpi.
"""

from __future__ import annotations

import io

from forenad.i18n import Lang
from forenad.kartlaggning.result import Table

__all__ = ["available", "chart_png"]


def available() -> bool:
    """Whether matplotlib can be imported."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def chart_points(table: Table, lang: Lang) -> tuple[list[str], list[float], int]:
    """The labels and values a chart shows (rows other than the total, with a value) and how many rows it
    leaves out because their cell is hidden."""
    assert table.chart is not None
    index = table.column_index(table.chart.column)
    labels: list[str] = []
    values: list[float] = []
    hidden = 0
    for row in table.rows:
        if row.total:
            continue
        cell = row.cells[index]
        if cell.suppressed is not None:
            hidden += 1
            continue
        if cell.value is None or cell.value == 0:
            continue
        labels.append(row.label(lang))
        values.append(float(cell.value))
    return labels, values, hidden


def chart_png(table: Table, lang: Lang) -> bytes | None:
    """The table's chart as a PNG, or ``None`` without matplotlib, a chart or any value to show."""
    if table.chart is None or not available():
        return None
    labels, values, _ = chart_points(table, lang)
    if not values:
        return None
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    figure = Figure(figsize=(6.3, max(2.0, 0.38 * len(values) + 1.0)), dpi=150)
    axes = figure.subplots()
    if table.chart.kind == "pie":
        figure.set_size_inches(6.3, 3.6)
        axes.pie(values, labels=labels, autopct="%1.0f %%", startangle=90, counterclock=False)
        axes.axis("equal")
    else:
        positions = list(range(len(values)))[::-1]
        axes.barh(positions, values, color="#1F4E78")
        axes.set_yticks(positions, labels=[_short(x) for x in labels])
        axes.spines[["top", "right"]].set_visible(False)
        axes.xaxis.get_major_locator().set_params(integer=True)
        for y, value in zip(positions, values, strict=True):
            axes.text(value, y, f" {value:,.0f}".replace(",", "\u00a0"), va="center", fontsize=8)
    axes.set_title(table.chart.title(lang), fontsize=10)
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()


def _short(label: str, width: int = 42) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"
