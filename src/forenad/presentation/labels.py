"""Words for the model's slugs in a document: ``overlakare`` is *överläkare* in Swedish, *consultant
physician* in English.

Labels are grouped by kind (the enum they belong to), because the same slug can mean different things in two
vocabularies (``annan`` is another position or another pension plan). A template names the kind when it labels
a plain string (a fact), ``{{ fact('pension_scheme', part)|label('pension_scheme') }}``; an enum value knows
its own kind.
"""

from __future__ import annotations

import enum

from forenad.i18n import Lang
from forenad.model import enums

_L = dict[str, tuple[str, str]]

POSITION: _L = {
    "professor": ("professor", "professor"),
    "lektor": ("lektor", "senior lecturer (lektor)"),
    "bitradande_lektor": ("biträdande lektor", "associate senior lecturer"),
    "adjunkt": ("adjunkt", "lecturer (adjunkt)"),
    "adjungerad_professor": ("adjungerad professor", "adjunct professor"),
    "adjungerad_lektor": ("adjungerad lektor", "adjunct senior lecturer"),
    "adjungerad_adjunkt": ("adjungerad adjunkt", "adjunct lecturer"),
    "doktorand": ("doktorand", "doctoral student"),
    "postdoktor": ("postdoktor", "postdoctoral fellow"),
    "specialistlakare": ("specialistläkare", "specialist physician"),
    "overlakare": ("överläkare", "consultant physician (överläkare)"),
    "specialisttandlakare": ("specialisttandläkare", "specialist dentist"),
    "sjukskoterska": ("sjuksköterska", "registered nurse"),
    "specialistsjukskoterska": ("specialistsjuksköterska", "specialist nurse"),
    "distriktsskoterska": ("distriktssköterska", "district nurse"),
    "barnmorska": ("barnmorska", "midwife"),
    "fysioterapeut": ("fysioterapeut", "physiotherapist"),
    "arbetsterapeut": ("arbetsterapeut", "occupational therapist"),
    "biomedicinsk_analytiker": ("biomedicinsk analytiker", "biomedical scientist"),
    "psykolog": ("psykolog", "psychologist"),
    "sjukhusfysiker": ("sjukhusfysiker", "hospital physicist"),
    "annan": ("annan befattning", "other position"),
}
EMPLOYER_KIND: _L = {
    "statligt_larosate": ("statligt lärosäte", "state university"),
    "enskilt_larosate": ("enskilt lärosäte", "independent university"),
    "region": ("region", "region"),
    "kommun": ("kommun", "municipality (kommun)"),
    "privat_vardgivare": ("privat vårdgivare", "private health-care provider"),
    "annan_arbetsgivare": ("annan arbetsgivare", "other employer"),
}
COLLECTIVE_AGREEMENT: _L = {
    "villkorsavtal": ("Villkorsavtal (Arbetsgivarverket)", "Villkorsavtal (Arbetsgivarverket)"),
    "villkorsavtal_t": ("Villkorsavtal-T (Arbetsgivarverket)", "Villkorsavtal-T (Arbetsgivarverket)"),
    "ab": (
        "Allmänna bestämmelser, AB (SKR och Sobona)",
        "Allmänna bestämmelser, AB (SKR and Sobona)",
    ),
    "annat": ("annat kollektivavtal", "another collective agreement"),
    "inget": ("inget kollektivavtal", "no collective agreement"),
}
COLLECTIVE_AGREEMENT_PARTIES: _L = {
    "villkorsavtal": (
        "Villkorsavtal mellan Arbetsgivarverket och de centrala arbetstagarorganisationer som är parter i "
        "avtalet",
        "Villkorsavtal between Arbetsgivarverket and the central trade unions that are parties to it",
    ),
    "villkorsavtal_t": (
        "Villkorsavtal-T mellan Arbetsgivarverket och de centrala arbetstagarorganisationer som är parter i "
        "avtalet",
        "Villkorsavtal-T between Arbetsgivarverket and the central trade unions that are parties to it",
    ),
    "ab": (
        "Allmänna bestämmelser (AB) mellan SKR och Sobona och berörda arbetstagarorganisationer",
        "Allmänna bestämmelser (AB) between SKR and Sobona and the trade unions concerned",
    ),
    "annat": ("annat kollektivavtal", "another collective agreement"),
    "inget": (
        "arbetsgivaren är inte bunden av kollektivavtal",
        "the employer is not bound by a collective agreement",
    ),
}
PENSION_SCHEME: _L = {
    "pa16_avd1": ("PA 16 avdelning I", "PA 16 section I"),
    "pa16_avd2": ("PA 16 avdelning II", "PA 16 section II"),
    "akap_kr": ("AKAP-KR", "AKAP-KR"),
    "kap_kl": ("KAP-KL", "KAP-KL"),
    "itp1": ("ITP 1", "ITP 1"),
    "itp2": ("ITP 2", "ITP 2"),
    "annan": ("annan tjänstepension", "another occupational pension plan"),
}
EMPLOYMENT_FORM: _L = {
    "tillsvidare": ("tillsvidareanställning", "permanent employment"),
    "provanstallning": ("provanställning (6 § LAS)", "probationary employment (LAS section 6)"),
    "sarskild_visstidsanstallning": ("särskild visstidsanställning", "special fixed-term employment"),
    "vikariat": ("vikariat", "temporary replacement (vikariat)"),
    "sasongsarbete": ("säsongsarbete", "seasonal employment"),
    "visstid_efter_69": (
        "tidsbegränsad anställning efter 69 års ålder",
        "fixed-term employment after the age of 69",
    ),
    "tidsbegransad_hf": (
        "tidsbegränsad anställning enligt högskoleförordningen",
        "fixed-term employment under the Higher Education Ordinance",
    ),
    "adjungering": ("tidsbegränsad anställning som adjungerad lärare", "fixed-term adjunct teacher post"),
}
EMPLOYMENT_MODEL: _L = {
    "forenad_en_arbetsgivare": (
        "förenad anställning med en arbetsgivare",
        "joint clinical and academic post with one employer",
    ),
    "forenad_tva_anstallningar": (
        "förenad anställning som två anställningar",
        "joint clinical and academic post as two employments",
    ),
    "kombinationsanstallning": ("kombinationsanställning", "combined employment"),
    "tjanstekop": ("tjänsteköp", "purchase of services"),
    "adjungering": ("adjungering", "adjunct appointment"),
    "kombinationsdoktorand": ("kombinationsdoktorand", "combined doctoral student"),
    "delad_tjanst_region_kommun": (
        "delad tjänst mellan region och kommun",
        "post shared between a region and a municipality",
    ),
}
WORKING_TIME_FORM: _L = {
    "weekly_hours": ("timmar per vecka", "hours per week"),
    "annual_hours": ("timmar per år (årsarbetstid)", "hours per year (annual working time)"),
}
SICK_PAY_HANDLING: _L = {
    "varje_arbetsgivare": (
        "varje arbetsgivare betalar sjuklön för sin anställning enligt sjuklönelagen (1991:1047)",
        "each employer pays sick pay for its own employment under the Sick Pay Act (1991:1047)",
    ),
    "huvudarbetsgivaren": (
        "huvudarbetsgivaren betalar sjuklön för hela tjänsten enligt sjuklönelagen (1991:1047)",
        "the main employer pays sick pay for the whole post under the Sick Pay Act (1991:1047)",
    ),
    "enligt_tjanstekopsavtal": (
        "arbetsgivaren betalar sjuklön; köparens andel regleras genom faktureringen enligt detta avtal",
        "the employer pays sick pay; the buyer's share is settled through the invoicing under this agreement",
    ),
}
INVOICING_BASIS: _L = {
    "lon_plus_palagg": ("lön plus pålägg", "salary plus overhead"),
    "fast_pris": ("fast pris", "fixed price"),
    "timpris": ("timpris", "hourly rate"),
}
INVOICING_PERIOD: _L = {
    "manad": ("månadsvis", "monthly"),
    "kvartal": ("kvartalsvis", "quarterly"),
    "halvar": ("halvårsvis", "half-yearly"),
    "ar": ("årsvis", "yearly"),
}
DEGREE: _L = {
    "doktorsexamen": ("doktorsexamen", "doctoral degree"),
    "licentiatexamen": ("licentiatexamen", "licentiate degree"),
}
INTELLECTUAL_PROPERTY_OWNER: _L = {
    "enligt_lag": ("enligt lag", "as the law gives it"),
    "arbetstagaren": ("arbetstagaren", "the employee"),
    "arbetsgivaren": (
        "den part i vars verksamhet resultatet uppstår",
        "the party in whose operations the result arises",
    ),
    "sarskilt_avtal": ("enligt särskilt avtal", "under a separate agreement"),
}
SEVERITY: _L = {"error": ("fel", "error"), "warning": ("varning", "warning"), "info": ("info", "info")}
BOOLEAN: _L = {"true": ("ja", "yes"), "false": ("nej", "no")}

KINDS: dict[str, _L] = {
    "position": POSITION,
    "employer_kind": EMPLOYER_KIND,
    "collective_agreement": COLLECTIVE_AGREEMENT,
    "collective_agreement_parties": COLLECTIVE_AGREEMENT_PARTIES,
    "pension_scheme": PENSION_SCHEME,
    "employment_form": EMPLOYMENT_FORM,
    "employment_model": EMPLOYMENT_MODEL,
    "working_time_form": WORKING_TIME_FORM,
    "sick_pay_handling": SICK_PAY_HANDLING,
    "invoicing_basis": INVOICING_BASIS,
    "invoicing_period": INVOICING_PERIOD,
    "degree": DEGREE,
    "intellectual_property_owner": INTELLECTUAL_PROPERTY_OWNER,
    "severity": SEVERITY,
    "boolean": BOOLEAN,
}
"""Every label kind a template may name in ``label('…')``."""

_ENUM_KINDS: dict[type[enum.Enum], str] = {
    enums.Position: "position",
    enums.EmployerKind: "employer_kind",
    enums.CollectiveAgreement: "collective_agreement",
    enums.PensionScheme: "pension_scheme",
    enums.EmploymentForm: "employment_form",
    enums.EmploymentModel: "employment_model",
    enums.WorkingTimeForm: "working_time_form",
    enums.SickPayHandling: "sick_pay_handling",
    enums.InvoicingBasis: "invoicing_basis",
    enums.InvoicingPeriod: "invoicing_period",
    enums.Degree: "degree",
    enums.IntellectualPropertyOwner: "intellectual_property_owner",
}


def kind_of(value: enum.Enum) -> str | None:
    return _ENUM_KINDS.get(type(value))


def label(value: object, lang: Lang, kind: str | None = None) -> str:
    """The word for ``value`` in ``lang``; the slug itself when there is no label (never an error)."""
    if isinstance(value, bool):
        key, kind = ("true" if value else "false"), "boolean"
    elif isinstance(value, enum.Enum):
        kind = kind or kind_of(value)
        key = str(value.value)
    else:
        key = str(value)
    table = KINDS.get(kind) if kind else None
    if table is None:
        for candidate in KINDS.values():
            if key in candidate:
                table = candidate
                break
    if table is None or key not in table:
        return key
    sv, en = table[key]
    return en if lang == "en" else sv
