"""Words for the agreement model's fields: a label in Swedish and English for every field, English help to
stand beside the schema's Swedish descriptions, a field path as a reader says it (``parts.1.employer`` is
*Del 2: Arbetsgivare*) and a field's value as a reader reads it (names for employer ids, words for the
vocabularies, dates and numbers in the language's form, never JSON).

The Swedish help for a field is the model's own ``description`` (what ``forenad schema`` prints), so it is
written once; :data:`FIELDS` adds the label and the English help. Used by the web app's form and by the
Word comparison.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
from decimal import Decimal
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from forenad.i18n import Lang

FIELDS: dict[str, tuple[str, str, str]] = {
    # model.field: (Swedish label, English label, English help)
    "Agreement.id": ("Avtalets id", "Agreement id", "The agreement's id, e.g. a registry number."),
    "Agreement.title": ("Rubrik", "Title", "The agreement's title."),
    "Agreement.model": ("Anställningsmodell", "Employment model", "Employment model."),
    "Agreement.person": ("Personen", "The person", ""),
    "Agreement.employers": (
        "Arbetsgivare och parter",
        "Employers and parties",
        "Employers and other parties.",
    ),
    "Agreement.parts": (
        "Tjänstens delar",
        "Parts of the post",
        "The parts of the post, one per role and employer.",
    ),
    "Agreement.main_employer": ("Huvudarbetsgivare", "Main employer", "Main employer, where there is one."),
    "Agreement.total_extent_percent": (
        "Total omfattning (%)",
        "Total extent (%)",
        "Total extent in percent; the parts must add up to it.",
    ),
    "Agreement.start_date": ("Startdatum", "Start date", "The agreement's start date."),
    "Agreement.end_date": ("Slutdatum", "End date", "The agreement's end date, if it is time-limited."),
    "Agreement.review_date": ("Uppföljning", "Review date", "Date of the follow-up."),
    "Agreement.cost_settlement": ("Kostnadsfördelning", "Cost settlement", ""),
    "Agreement.work_environment": (
        "Arbetsmiljöansvar",
        "Work environment",
        "Who is responsible per workplace.",
    ),
    "Agreement.rehabilitation": ("Rehabilitering", "Rehabilitation", ""),
    "Agreement.sick_pay": ("Sjuklön", "Sick pay", ""),
    "Agreement.vacation": ("Semester", "Vacation", ""),
    "Agreement.secondary_employment": ("Bisyssla", "Secondary employment", ""),
    "Agreement.linked_termination": ("Upphörande", "Linked termination", ""),
    "Agreement.procedure": ("När det inte fungerar", "When it does not work", ""),
    "Agreement.doctoral_studies": (
        "Forskarutbildning",
        "Doctoral studies",
        "The doctoral studies (the model kombinationsdoktorand).",
    ),
    "Agreement.signatories": ("Undertecknare", "Signatories", ""),
    "Agreement.clauses": ("Övriga villkor", "Other terms", ""),
    "Person.name": ("Namn", "Name", "Name."),
    "Person.personnummer": (
        "Personnummer",
        "Personnummer",
        "Personal identity number YYYYMMDD-NNNN; the check digit is tested. Masked in all output.",
    ),
    "Person.birth_year": (
        "Födelseår",
        "Birth year",
        "Birth year, when there is no personnummer (governs pension, vacation and fees).",
    ),
    "Person.profession": ("Yrke", "Profession", "Profession, e.g. 'läkare' or 'sjuksköterska'."),
    "Person.licensed": ("Legitimation", "Licensed", "Licensed in the profession."),
    "Person.specialist": ("Specialitet", "Specialty", "Specialty, e.g. 'kardiologi'."),
    "Person.doctorate": ("Doktorsexamen", "Doctorate", "Doctoral degree."),
    "Person.address": (
        "Postadress",
        "Postal address",
        "Postal address (the written statement of employment); may be left for the final version.",
    ),
    "Employer.id": ("Id", "Id", "Short id the parts refer to, e.g. 'uu' or 'region-uppsala'."),
    "Employer.name": ("Namn", "Name", "The organisation's name."),
    "Employer.organisationsnummer": ("Organisationsnummer", "Organisation number", "NNNNNN-NNNN."),
    "Employer.kind": ("Slag", "Kind", "Kind of employer."),
    "Employer.address": (
        "Postadress",
        "Postal address",
        "Postal address (the written statement of employment).",
    ),
    "Employer.collective_agreement_name": (
        "Kollektivavtalets namn och parter",
        "Collective agreement's name and parties",
        "The collective agreement's name and parties when it is 'annat' (the written statement names them).",
    ),
    "Employer.collective_agreement": (
        "Kollektivavtal",
        "Collective agreement",
        "Collective agreement; left out: follows from the kind of employer.",
    ),
    "Employer.pension_scheme": (
        "Tjänstepension",
        "Pension scheme",
        "Occupational pension; left out: follows from the kind and the birth year.",
    ),
    "Employer.overhead_percent": (
        "Pålägg (%)",
        "Overhead (%)",
        "PO or payroll overhead in percent; replaces the default.",
    ),
    "WorkingTime.form": ("Arbetstidsmått", "Working-time measure", "Hours per week or per year."),
    "WorkingTime.full_time_hours": (
        "Heltidsmått (timmar)",
        "Full-time hours",
        "The full-time measure: hours per week or per year at 100 %.",
    ),
    "NoticeTerms.employer_months": (
        "Arbetsgivarens uppsägningstid (mån)",
        "Employer's notice (months)",
        "The employer's notice period.",
    ),
    "NoticeTerms.employee_months": (
        "Arbetstagarens uppsägningstid (mån)",
        "Employee's notice (months)",
        "The employee's notice period.",
    ),
    "Part.employer": ("Arbetsgivare", "Employer", "Id of the employer that employs (and pays) for the part."),
    "Part.host": (
        "Värd",
        "Host",
        "Id of the organisation where the work is done and led, if it is another one.",
    ),
    "Part.position": ("Befattning", "Position", "Position."),
    "Part.title": ("Benämning", "Title", "The position's title in plain words."),
    "Part.subject": ("Ämne", "Subject", "Subject or field."),
    "Part.duties": ("Arbetsuppgifter", "Duties", "Main duties."),
    "Part.extent_percent": (
        "Omfattning (%)",
        "Extent (%)",
        "Extent in percent of full time, above 0 and at most 100.",
    ),
    "Part.monthly_salary": (
        "Månadslön (kr)",
        "Monthly salary (SEK)",
        "Monthly salary in kronor for the part, at its extent.",
    ),
    "Part.working_time": ("Arbetstid", "Working time", ""),
    "Part.workplace": ("Arbetsplats", "Workplace", "Workplace."),
    "Part.manager": ("Närmaste chef", "Manager", "Immediate manager."),
    "Part.employment_form": ("Anställningsform", "Form of employment", "Form of employment."),
    "Part.start_date": ("Startdatum", "Start date", "Start date; left out: the agreement's."),
    "Part.end_date": ("Slutdatum", "End date", "End date of a time-limited part."),
    "Part.employed_since": (
        "Anställd sedan",
        "Employed since",
        "Employed by the employer since (for notice under LAS).",
    ),
    "Part.notice": ("Uppsägningstid", "Notice", "Notice periods, when they differ from law and agreement."),
    "CostShare.part": ("Del nr", "Part no.", "The part's number in 'parts' (0 for the first)."),
    "CostShare.payer": ("Betalare", "Payer", "Id of the employer that bears the cost."),
    "CostShare.share_percent": ("Andel (%)", "Share (%)", "Share of the part's salary cost in percent."),
    "CostSettlement.shares": ("Kostnadsandelar", "Cost shares", "Who bears which share of the salary cost."),
    "CostSettlement.invoicing": ("Fakturering", "Invoicing", ""),
    "CostSettlement.notes": ("Anteckningar", "Notes", ""),
    "Invoicing.seller": ("Säljare", "Seller", "Id of the one who invoices (the employer)."),
    "Invoicing.buyer": ("Köpare", "Buyer", "Id of the one who buys time and pays the invoice."),
    "Invoicing.basis": ("Prisgrund", "Price basis", "Price basis."),
    "Invoicing.share_percent": ("Köpt andel (%)", "Share bought (%)", "Share of full time bought."),
    "Invoicing.overhead_percent": ("Pålägg (%)", "Overhead (%)", "Surcharge on the salary in percent."),
    "Invoicing.price": ("Pris (kr)", "Price (SEK)", "Fixed price per period, or hourly price."),
    "Invoicing.period": ("Faktureringsperiod", "Invoicing period", "Invoicing period."),
    "Invoicing.payment_terms_days": ("Betalningsvillkor (dagar)", "Payment terms (days)", "Payment terms."),
    "WorkEnvironmentDuty.workplace": ("Arbetsplats", "Workplace", ""),
    "WorkEnvironmentDuty.responsible": ("Ansvarig", "Responsible", ""),
    "WorkEnvironmentDuty.note": ("Anmärkning", "Note", ""),
    "Rehabilitation.lead": ("Leds av", "Led by", "Id of the employer that leads the rehabilitation."),
    "Rehabilitation.cooperation": (
        "Samverkan",
        "Cooperation",
        "How the other employer takes part.",
    ),
    "SickPay.handling": ("Hantering", "Handling", ""),
    "SickPay.note": ("Anmärkning", "Note", ""),
    "Vacation.coordination": (
        "Samordning",
        "Coordination",
        "How the timing of vacation is coordinated between the employers.",
    ),
    "SecondaryEmployment.reported_to": (
        "Anmäld till (en per rad)",
        "Reported to (one per line)",
        "Ids of the employers told of the other employment.",
    ),
    "SecondaryEmployment.note": ("Anmärkning", "Note", ""),
    "LinkedTermination.linked": ("Upphör delarna tillsammans?", "Do the parts end together?", ""),
    "LinkedTermination.description": ("Hur", "How", "How, and with what notice."),
    "Procedure.dispute": ("Tvister", "Disputes", "How disputes are resolved."),
    "Procedure.exit": ("Avslut", "Exit", "How the arrangement is ended."),
    "DoctoralStudies.larosate": (
        "Lärosäte",
        "University",
        "Id of the university that admits the person to doctoral studies.",
    ),
    "DoctoralStudies.degree": ("Examen", "Degree", "The degree the studies lead to."),
    "DoctoralStudies.admitted_on": (
        "Antagen",
        "Admitted on",
        "Date of admission; left out: admission is a condition of the agreement.",
    ),
    "DoctoralStudies.financing_until": (
        "Finansiering till",
        "Financing until",
        "The financing is secured up to and including this date.",
    ),
    "DoctoralStudies.supervisors": (
        "Handledare (en per rad)",
        "Supervisors (one per line)",
        "Supervisors, the main supervisor first.",
    ),
    "DoctoralStudies.individual_study_plan": (
        "Individuell studieplan",
        "Individual study plan",
        "An individual study plan is drawn up (or is drawn up at admission).",
    ),
    "Agreement.intellectual_property": (
        "Immateriella rättigheter",
        "Intellectual property",
        "Intellectual property: who holds the rights to results.",
    ),
    "IntellectualProperty.owner": (
        "Rätten till resultat",
        "Rights to results",
        "Who holds the rights to results: as the law gives it, the employee, the employer in whose "
        "operations the result arises, or a separate agreement.",
    ),
    "IntellectualProperty.right_of_use": (
        "Nyttjanderätt för de andra parterna",
        "Right of use for the other parties",
        "The other parties may use the results free of charge, non-exclusively, in their own operations.",
    ),
    "IntellectualProperty.note": ("Anmärkning", "Note", "E.g. which separate agreement applies."),
    "Signatory.name": ("Namn", "Name", ""),
    "Signatory.role": ("Roll", "Role", ""),
    "Signatory.party": ("Part", "Party", "The employer's id, or 'person' for the employee."),
    "Clause.heading": ("Rubrik", "Heading", ""),
    "Clause.text": ("Text", "Text", ""),
}

ITEMS: dict[str, tuple[str, str]] = {
    # a list field's item, numbered from 1
    "Agreement.employers": ("Arbetsgivare {n}", "Employer {n}"),
    "Agreement.parts": ("Del {n}", "Part {n}"),
    "CostSettlement.shares": ("Andel {n}", "Share {n}"),
    "Agreement.work_environment": ("Arbetsplats {n}", "Workplace {n}"),
    "Agreement.signatories": ("Undertecknare {n}", "Signatory {n}"),
    "Agreement.clauses": ("Villkor {n}", "Term {n}"),
}


def field_label(key: str, lang: Lang) -> str:
    sv, en, _ = FIELDS.get(key, (key.rsplit(".", 1)[-1], key.rsplit(".", 1)[-1], ""))
    return en if lang == "en" else sv


def item_label(key: str, n: int, lang: Lang) -> str:
    sv, en = ITEMS.get(key, ("{n}", "{n}"))
    return (en if lang == "en" else sv).format(n=n)


REFERENCES = frozenset(
    {
        "Agreement.main_employer", "Part.employer", "Part.host", "CostShare.payer", "Invoicing.seller",
        "Invoicing.buyer", "WorkEnvironmentDuty.responsible", "Rehabilitation.lead",
        "DoctoralStudies.larosate", "SecondaryEmployment.reported_to", "Signatory.party",
    }
)  # fmt: skip
"""Fields that name an employer by its id (shown by its name)."""


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation


def _field(model: Any, name: str) -> tuple[str, Any] | None:
    """The field's key (``Model.field``) and its unwrapped annotation, or None (also when ``model`` is
    not a model)."""
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        return None
    field = model.model_fields.get(name)
    if field is None:
        return None
    return f"{model.__name__}.{name}", _unwrap(field.annotation)


def _item_type(annotation: Any) -> Any | None:
    if get_origin(annotation) in (list, tuple):
        return _unwrap(get_args(annotation)[0])
    return None


def path_label(path: str, lang: Lang) -> str:
    """A dotted field path as a reader says it: ``parts.1.employer`` is "Del 2: Arbetsgivare"."""
    from forenad.model import Agreement

    current: Any = Agreement
    words: list[str] = []
    segments = path.split(".")
    index = 0
    while index < len(segments):
        found = _field(current, segments[index])
        if found is None:
            words.append(segments[index])
            break
        key, annotation = found
        item = _item_type(annotation)
        following = segments[index + 1] if index + 1 < len(segments) else None
        if item is not None and following is not None and following.isdigit():
            words.append(item_label(key, int(following) + 1, lang))
            current, index = item, index + 2
            continue
        words.append(field_label(key, lang))
        current, index = annotation, index + 1
    return ": ".join(words)


def value_text(path: str, value: Any, lang: Lang, names: dict[str, str] | None = None) -> str:
    """A field's value as a reader reads it: "–" when absent, an employer's name for its id, words for a
    vocabulary, dates and numbers in the language's form, a nested value as "label: value; …"."""
    from forenad.model import Agreement

    annotation: Any = Agreement
    key = ""
    for segment in path.split("."):
        if segment.isdigit():
            annotation = _item_type(annotation) or annotation
            continue
        found = _field(annotation, segment)
        if found is None:
            break
        key, annotation = found
    return _text(value, annotation, key, lang, names or {})


def _text(value: Any, annotation: Any, key: str, lang: Lang, names: dict[str, str]) -> str:
    from forenad.presentation.labels import label

    if value is None:
        return "–"
    if isinstance(value, bool):
        return label(value, lang)
    if key in REFERENCES:
        ids = value if isinstance(value, list) else [value]
        return ", ".join(names.get(str(i), str(i)) for i in ids)
    if isinstance(value, dict):
        return _nested(value, annotation, lang, names)
    if isinstance(value, list):
        return ", ".join(_text(item, _item_type(annotation), key, lang, names) for item in value)
    return _scalar(value, _item_type(annotation) or annotation, lang)


def _nested(value: dict[str, Any], model: Any, lang: Lang, names: dict[str, str]) -> str:
    parts = []
    for name, item in value.items():
        found = _field(model, name)
        if found is not None:
            key, annotation = found
            parts.append(f"{field_label(key, lang)}: {_text(item, annotation, key, lang, names)}")
    return "; ".join(parts)


def _scalar(value: Any, kind: Any, lang: Lang) -> str:
    from babel.dates import format_date

    from forenad.presentation.formatting import format_number
    from forenad.presentation.labels import label

    if isinstance(kind, type) and issubclass(kind, enum.Enum) and isinstance(value, str):
        try:
            return label(kind(value), lang)
        except ValueError:
            return str(value)
    if isinstance(value, str) and kind is dt.date:
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return str(value)
    if isinstance(value, dt.date):
        return str(format_date(value, format="long", locale="en_GB" if lang == "en" else "sv_SE"))
    if isinstance(value, int | float | Decimal):
        return format_number(value, lang)
    return str(value)
