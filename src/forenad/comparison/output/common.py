"""Words and helpers shared by the outputs of a comparison."""

from __future__ import annotations

import json
from typing import Any

from forenad.comparison.overlay import FieldChange, Overlay
from forenad.comparison.result import Column, Comparison
from forenad.i18n import Lang
from forenad.report import SEVERITIES, Finding

WORDS: dict[str, dict[str, str]] = {
    "sv": {
        "title": "Jämförelse av anställningsmodeller",
        "on": "Prövat per {date}",
        "made": "Skapad {date} med forenad {version}",
        "person": "Person: {names}",
        "term": "Villkor",
        "differs": "≠ = värdena skiljer sig mellan kolumnerna",
        "lower": "≥ = nedre gräns (pålägget saknas)",
        "alternatives": "Alternativen och vad som ändrats",
        "not_applicable": "Modeller som inte kan tillämpas",
        "findings": "Fynd per kolumn",
        "no_findings": "Inga fynd.",
        "absent": "saknas",
        "input_errors": "Filer som inte kunde läsas",
        "model": "Modell",
        "reason": "Skäl",
        "column": "Kolumn",
        "field": "Fält",
        "before": "Före",
        "after": "Efter",
        "why": "Varför",
        "severity": "Allvarlighet",
        "rule": "Regel",
        "message": "Meddelande",
        "rule_title": "Rubrik",
        "sheet_table": "Jämförelse",
        "sheet_changes": "Ändringar",
        "sheet_na": "Ej tillämpliga",
        "sheet_findings": "Fynd",
        "note": "Obs: alternativen är omräkningar av utgångsläget för jämförelse, inte färdiga avtal. "
        "Platshållare och borttagna texter framgår av ändringarna.",
        "error": "fel",
        "warning": "varning",
        "info": "info",
    },
    "en": {
        "title": "Comparison of employment models",
        "on": "Evaluated on {date}",
        "made": "Made {date} with forenad {version}",
        "person": "Person: {names}",
        "term": "Term",
        "differs": "≠ = the values differ between the columns",
        "lower": "≥ = lower bound (the overhead is missing)",
        "alternatives": "The alternatives and what changed",
        "not_applicable": "Models that cannot apply",
        "findings": "Findings per column",
        "no_findings": "No findings.",
        "absent": "absent",
        "input_errors": "Files that could not be read",
        "model": "Model",
        "reason": "Reason",
        "column": "Column",
        "field": "Field",
        "before": "Before",
        "after": "After",
        "why": "Why",
        "severity": "Severity",
        "rule": "Rule",
        "message": "Message",
        "rule_title": "Title",
        "sheet_table": "Comparison",
        "sheet_changes": "Changes",
        "sheet_na": "Not applicable",
        "sheet_findings": "Findings",
        "note": "Note: the alternatives recast the baseline for comparison; they are not finished "
        "agreements. "
        "Placeholders and removed texts are listed among the changes.",
        "error": "error",
        "warning": "warning",
        "info": "info",
    },
}
DIFFERS = "≠"


def words(lang: Lang) -> dict[str, str]:
    return WORDS[lang]


def persons(cmp: Comparison) -> str:
    return ", ".join(dict.fromkeys(c.agreement.person.name for c in cmp.columns))


def plain(value: Any, lang: Lang) -> str:
    """A field value of an overlay change as short text (``–`` when absent)."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return ("ja" if value else "nej") if lang == "sv" else ("yes" if value else "no")
    if isinstance(value, str | int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def column_heading(column: Column, cmp: Comparison, lang: Lang) -> str:
    """A column's heading in a printed comparison: the agreement's title and its employment model (an
    alternative's title is its baseline's; ``(utgångsläge)`` marks a baseline beside alternatives)."""
    from forenad.comparison import labels

    title = column.agreement.title
    if column.overlay is not None:
        title = next((str(c.before) for c in column.overlay.changes if c.path == "title" and c.before), title)
    model = labels.model(column.model)(lang)
    if column.baseline and any(c.overlay is not None for c in cmp.columns):
        model = f"{model} ({labels.BASELINE(lang)})"
    return f"{title}\n{model}"


def source_title(cmp: Comparison, source: str) -> str:
    """The title of the agreement a file holds (for the models that cannot apply to it)."""
    return next((c.agreement.title for c in cmp.columns if c.source == source and c.baseline), source)


def change_text(change: FieldChange, column: Column, lang: Lang) -> str:
    """A change as a reader reads it: the field's words, the values as the document writes them, and why
    (never a field path or JSON)."""
    from forenad.presentation.fields import path_label, value_text

    names = {e.id: e.name for e in column.agreement.employers}
    before = value_text(change.path, change.before, lang, names)
    after = value_text(change.path, change.after, lang, names)
    return f"{path_label(change.path, lang)}: {before} → {after} ({change.why(lang)})"


def visible_changes(overlay: Overlay) -> list[FieldChange]:
    """The changes worth reading in a table's notes: not the model, id and title every alternative gets."""
    return [c for c in overlay.changes if c.path not in ("model", "id", "title")]


def change_line(change: FieldChange, lang: Lang) -> str:
    return f"{change.path}: {plain(change.before, lang)} → {plain(change.after, lang)} ({change.why(lang)})"


def sorted_findings(column: Column) -> list[Finding]:
    return sorted(column.findings, key=lambda f: (SEVERITIES.index(f.severity), f.topic, f.rule))


def has_lower_bound(cmp: Comparison) -> bool:
    return any(c.lower_bound for r in cmp.rows for c in r.cells)
