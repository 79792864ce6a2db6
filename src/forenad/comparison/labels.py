"""Short bilingual words for the comparison table: models, sections, rows and coded values.

The table has little room, so these are shorter than the document labels in :mod:`forenad.presentation.labels`
(which are used for positions and pension schemes, where the words are already short).
"""

from __future__ import annotations

from forenad.i18n import Lang, Text, t
from forenad.model import EmploymentModel

MODEL: dict[str, Text] = {
    EmploymentModel.forenad_en_arbetsgivare: t("Förenad, en arbetsgivare", "Förenad, one employer"),
    EmploymentModel.forenad_tva_anstallningar: t("Förenad, två anställningar", "Förenad, two employments"),
    EmploymentModel.kombinationsanstallning: t("Kombinationsanställning", "Combined employment"),
    EmploymentModel.tjanstekop: t("Tjänsteköp", "Service purchase (tjänsteköp)"),
    EmploymentModel.adjungering: t("Adjungering", "Adjunct post (adjungering)"),
    EmploymentModel.kombinationsdoktorand: t("Kombinationsdoktorand", "Combined doctoral student"),
    EmploymentModel.delad_tjanst_region_kommun: t("Delad tjänst region–kommun", "Shared post region–kommun"),
}

COLLECTIVE_AGREEMENT: dict[str, Text] = {
    "villkorsavtal": t("Villkorsavtal", "Villkorsavtal"),
    "villkorsavtal_t": t("Villkorsavtal-T", "Villkorsavtal-T"),
    "ab": t("AB", "AB"),
    "annat": t("annat avtal", "other agreement"),
    "inget": t("inget avtal", "no agreement"),
}

SICK_PAY: dict[str, Text] = {
    "varje_arbetsgivare": t("varje arbetsgivare för sin anställning", "each employer for its employment"),
    "huvudarbetsgivaren": t("huvudarbetsgivaren för hela tjänsten", "the main employer for the whole post"),
    "enligt_tjanstekopsavtal": t(
        "arbetsgivaren; köparens andel via fakturan", "the employer; the buyer's share through the invoice"
    ),
}

SEVERITY_PLURAL: dict[str, Text] = {
    "error": t("Fel", "Errors"),
    "warning": t("Varningar", "Warnings"),
    "info": t("Info", "Info"),
}

SECTIONS: dict[str, Text] = {
    "terms": t("Anställningen", "The employment"),
    "duties": t("Ansvar", "Responsibilities"),
    "economics": t("Ekonomi per år", "Economics per year"),
    "findings": t("Fynd", "Findings"),
}

UNKNOWN = "–"
BASELINE = t("utgångsläge", "baseline")
MORE = t("+{n} till", "+{n} more")


def section(key: str) -> Text:
    """The heading of a section; ``part.N`` is the N-th part (1-based)."""
    if key.startswith("part."):
        n = key.split(".", 1)[1]
        return t(f"Del {n}", f"Part {n}")
    return SECTIONS[key]


def position(slug: str, lang: Lang) -> str:
    from forenad.presentation.labels import label

    return label(slug, lang, "position")


def pension_scheme(slug: str, lang: Lang) -> str:
    from forenad.presentation.labels import label

    return label(slug, lang, "pension_scheme")


def model(value: str) -> Text:
    return MODEL.get(value, t(value, value))
