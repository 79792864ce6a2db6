"""Words for the coded values the survey shows, in Swedish and English.

Positions, employer kinds, collective agreements and pension schemes use the drafts' words
(:mod:`forenad.presentation.labels`), models the comparison's short ones, topics the check's.
"""

from __future__ import annotations

from forenad.i18n import Text, t

__all__ = ["COST_MODEL", "TOPIC", "label"]

COST_MODEL: dict[str, Text] = {
    "egen_del": t("Varje arbetsgivare betalar sin del", "Each employer pays its own part"),
    "delad_finansiering": t("Delad finansiering (kostnadsandelar)", "Shared financing (cost shares)"),
    "faktura": t("Köp av tid mot faktura", "Time bought by invoice"),
    "ej_angiven": t("Kostnadsfördelning inte angiven", "Cost settlement not stated"),
}


TOPIC: dict[str, Text] = {
    "legal_basis": t("Rättslig grund", "Legal basis"),
    "extent": t("Omfattning och fördelning", "Extent and split"),
    "salary": t("Lön", "Salary"),
    "working_time": t("Arbetstid", "Working time"),
    "vacation": t("Semester", "Vacation"),
    "pension": t("Pension", "Pension"),
    "insurance": t("Försäkringar", "Insurance"),
    "sick_pay": t("Sjuklön", "Sick pay"),
    "rehabilitation": t("Rehabilitering", "Rehabilitation"),
    "work_environment": t("Arbetsmiljö", "Work environment"),
    "notice": t("Uppsägningstid", "Notice"),
    "termination": t("Upphörande", "Termination"),
    "secondary_employment": t("Bisysslor", "Secondary employment"),
    "cost_settlement": t("Kostnadsfördelning", "Cost settlement"),
    "collective_agreement": t("Kollektivavtal", "Collective agreement"),
    "documentation": t("Dokumentation", "Documentation"),
    "identity": t("Identitet", "Identity"),
    "dates": t("Datum", "Dates"),
}
"""The check's words for the topics (the same as ``forenad check`` prints)."""


def label(kind: str, slug: str) -> Text:
    """The words for ``slug`` of a ``kind``: model, position, employer_kind, collective_agreement,
    pension_scheme, cost_model, topic or severity. The slug itself when there is no word for it."""
    if kind == "model":
        from forenad.comparison.labels import MODEL

        return MODEL.get(slug, t(slug, slug))
    if kind == "cost_model":
        return COST_MODEL.get(slug, t(slug, slug))
    if kind == "topic":
        return TOPIC.get(slug, t(slug, slug))
    from forenad.presentation.labels import label as word

    return t(word(slug, "sv", kind), word(slug, "en", kind))
