"""Words and helpers shared by the survey's outputs."""

from __future__ import annotations

import datetime as dt

from forenad._version import __version__
from forenad.i18n import Lang, t
from forenad.kartlaggning.result import Survey, Table

TITLE = t(
    "Kartläggning av förenade anställningar och kombinationstjänster",
    "Survey of joint posts (förenade anställningar and kombinationstjänster)",
)
ON = t("Per {date}", "On {date}")
MADE = t("Skapad {date} med forenad {version}.", "Made {date} with forenad {version}.")
INTRO = t(
    "Sammanställningen visar vilka typer av anställningar och ekonomiska modeller som finns bland "
    "avtalen, vad de kostar och vem som betalar, och vad som oftast behöver rättas eller kompletteras. "
    "Den bygger på avtalsfilerna och forenads prövning av dem per dagen ovan. Den innehåller bara "
    "sammanräknade uppgifter: inga namn, personnummer, enskilda löner eller avtals-id.",
    "The summary shows which kinds of employment and economic models the agreements use, what they cost "
    "and who pays, and what most often needs correcting or completing. It is built from the agreement "
    "files and forenad's check of them on the date above. It holds aggregates only: no names, "
    "personnummer, single salaries or agreement ids.",
)
SUPPRESSION = t(
    "Sekretess: en cell som bygger på färre än {n} avtal visas som {mark}, och en cell som annars skulle "
    "låta en sådan räknas fram ur en summa visas som (dold). Yrken och organisationer som finns i färre "
    "än {n} avtal slås ihop under Övriga. {hidden} celler är dolda; de räknas upp sist.",
    "Confidentiality: a cell that rests on fewer than {n} agreements is shown as {mark}, and a cell that "
    "would otherwise let such a cell be worked out from a total is shown as (hidden). Professions and "
    "organisations found in fewer than {n} agreements are pooled under Others. {hidden} cells are hidden; "
    "they are listed at the end.",
)
INTERNAL = t(
    "INTERN RAPPORT: inga celler är dolda och små grupper visas. Sprid den inte: små tal kan peka ut "
    "enskilda personer.",
    "INTERNAL REPORT: no cell is hidden and small groups are shown. Do not share it: small numbers can "
    "point out individuals.",
)
HIDDEN_TITLE = t("Dolda celler", "Hidden cells")
HIDDEN_NONE = t("Inga celler är dolda.", "No cell is hidden.")
REASON = {
    "primary": t("färre än {n} avtal", "fewer than {n} agreements"),
    "secondary": t("kunde räknas fram ur en summa", "could be worked out from a total"),
}
LOWER_BOUND = t(
    "≥ = nedre gräns: någon kostnad är bara känd som lön, avgifter och premiebestämd pension (pålägget "
    "saknas).",
    "≥ = lower bound: some cost is known only as salary, fees and premium-based pension (the overhead is "
    "missing).",
)
OPERATOR_TITLE = t(
    "För den som kör kartläggningen (inte för rapporten)", "For the operator (not for the report)"
)
DUPLICATES = t(
    "Samma avtals-id i flera filer (den första räknas):",
    "The same agreement id in several files (the first counts):",
)
DIFFERENT = t(" (innehållet skiljer sig)", " (the contents differ)")
UNREADABLE = t(
    "Filer som inte kunde läsas eller valideras (pröva dem med forenad check):",
    "Files that could not be read or validated (check them with forenad check):",
)
UNPLACED = t(
    "Organisationer som inte finns i länsförteckningen (avtalen räknas under Okänt län):",
    "Organisations not in the county table (their agreements count under Unknown county):",
)
CHART_HIDDEN = t(
    "Dolda värden (< {n}) visas inte i diagrammet.", "Hidden values (< {n}) are not shown in the chart."
)


def heading(survey: Survey, lang: Lang, today: dt.date | None = None) -> list[str]:
    """The lines under the title: date, when made, and the confidentiality note."""
    made = (today or dt.date.today()).isoformat()
    lines = [ON(lang).format(date=survey.on.isoformat()), MADE(lang).format(date=made, version=__version__)]
    lines.append(INTERNAL(lang) if survey.internal else suppression_note(survey, lang))
    return lines


def suppression_note(survey: Survey, lang: Lang) -> str:
    return SUPPRESSION(lang).format(
        n=survey.min_count, mark=f"< {survey.min_count}", hidden=len(survey.suppressed_cells)
    )


def hidden_lines(survey: Survey, lang: Lang) -> list[str]:
    """One line per hidden cell: table, row, column and why."""
    return [
        f"{c.table_title(lang)}: {c.row_label(lang)} / {c.column_label(lang)} "
        f"({REASON[c.reason](lang).format(n=survey.min_count)})"
        for c in survey.suppressed_cells
    ]


def has_lower_bound(table: Table) -> bool:
    return any(cell.lower_bound for row in table.rows for cell in row.cells)


def plain(text: str) -> str:
    """Text with non-breaking spaces as plain ones (for terminals and Markdown)."""
    return text.replace("\u00a0", " ")
