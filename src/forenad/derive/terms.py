"""Terms between the parties: cost shares, written information (LAS 6 c §), dates, vacation and notice."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from forenad.derive.basics import LAROSATE_KINDS, add_months, part_of
from forenad.engine.facts import FactContext, fact, sorted_steps
from forenad.model import CollectiveAgreement, EmployerKind, EmploymentForm

# -- cost settlement -------------------------------------------------------------------------------------


@fact(
    "cost_share_total",
    scope="part",
    sv="Summan av kostnadsandelarna för delen i procent",
    en="The sum of the part's cost shares in percent",
)
def cost_share_total(ctx: FactContext, part: int) -> Decimal:
    settlement = ctx.agreement.cost_settlement
    if settlement is None:
        return Decimal(0)
    return sum((s.share_percent for s in settlement.shares if s.part == part), Decimal(0))


@fact(
    "state_and_health_care_principal",
    sv="Ett statligt lärosäte och en region eller kommun är parter",
    en="A state lärosäte and a region or kommun are parties",
)
def state_and_health_care_principal(ctx: FactContext) -> bool:
    kinds = {e.kind for e in ctx.agreement.employers}
    return EmployerKind.statligt_larosate in kinds and bool(
        kinds & {EmployerKind.region, EmployerKind.kommun}
    )


# -- written information, LAS 6 c § ------------------------------------------------------------------------


@fact(
    "missing_written_information",
    scope="part",
    sv="Uppgifter enligt LAS 6 c § som saknas i avtalsfilen för delen",
    en="Items of LAS 6 c § that the agreement file lacks for the part",
)
def missing_written_information(ctx: FactContext, part: int) -> list[str]:
    p = part_of(ctx, part)
    employer = ctx.agreement.employer(p.employer)
    missing: list[str] = []
    if employer.organisationsnummer is None:
        missing.append("organisationsnummer")
    if p.workplace is None:
        missing.append("workplace")
    if p.title is None and p.duties is None:
        missing.append("title/duties")
    if p.employment_form.is_fixed_term and ctx.get("end", part) is None:
        missing.append("end_date")
    if p.working_time is None:
        missing.append("working_time")
    if ctx.get("collective_agreement", part) is None:
        missing.append("collective_agreement")
    return missing


# -- dates ---------------------------------------------------------------------------------------------


@fact(
    "outside_agreement_period",
    scope="part",
    sv="Delen ligger utanför avtalets giltighetstid",
    en="The part lies outside the agreement's period",
)
def outside_agreement_period(ctx: FactContext, part: int) -> bool:
    a = ctx.agreement
    p = part_of(ctx, part)
    if p.start_date and p.start_date < a.start_date:
        return True
    return bool(p.end_date and a.end_date and p.end_date > a.end_date)


@fact(
    "agreement_ended",
    sv="Avtalets slutdatum har passerat på prövningsdagen",
    en="The agreement's end date has passed on the evaluation date",
)
def agreement_ended(ctx: FactContext) -> bool:
    return ctx.agreement.end_date is not None and ctx.agreement.end_date < ctx.on


@fact(
    "employers_without_orgnr",
    sv="Parter utan organisationsnummer",
    en="Parties without organisationsnummer",
)
def employers_without_orgnr(ctx: FactContext) -> list[str]:
    return [e.name for e in ctx.agreement.employers if e.organisationsnummer is None]


@fact(
    "host_without_duty",
    scope="part",
    sv="Värdorganisationen är inte utsedd som arbetsmiljöansvarig för någon arbetsplats",
    en="The host is not named responsible for any workplace",
)
def host_without_duty(ctx: FactContext, part: int) -> bool:
    p = part_of(ctx, part)
    if p.host is None or p.host == p.employer:
        return False
    return not any(d.responsible == p.host for d in ctx.agreement.work_environment)


# -- vacation --------------------------------------------------------------------------------------------


def _scale(scale: Any, age: int) -> int | None:
    days = None
    for step in sorted_steps(scale, "from_age_year"):
        if age >= step["from_age_year"]:
            days = int(step["days"])
    return days


@fact(
    "vacation_days",
    scope="part",
    sv="Semesterdagar per år för delen enligt dess kollektivavtal och personens ålder",
    en="Vacation days per year for the part under its collective agreement and the person's age",
)
def vacation_days(ctx: FactContext, part: int) -> int | None:
    agreement = ctx.get("collective_agreement", part)
    age = ctx.get("age_this_year")
    statutory_scale = ctx.param("semester_lagstadgad")
    statutory = _scale(statutory_scale, age if age is not None else 0) or 0
    if agreement in (CollectiveAgreement.villkorsavtal.value, CollectiveAgreement.villkorsavtal_t.value):
        scale_name = "semester_villkorsavtal"
    elif agreement == CollectiveAgreement.ab.value:
        scale_name = "semester_ab"
    else:
        return statutory
    if age is None:
        return None
    days = _scale(ctx.param(scale_name), age)
    return max(days, statutory) if days is not None else statutory


@fact(
    "vacation_days_by_part",
    sv="Semesterdagar per del",
    en="Vacation days per part",
)
def vacation_days_by_part(ctx: FactContext) -> list[int | None]:
    return [ctx.get("vacation_days", i) for i in range(ctx.part_count())]


@fact(
    "vacation_days_differ",
    sv="Delarna har olika många semesterdagar",
    en="The parts have different vacation days",
)
def vacation_days_differ(ctx: FactContext) -> bool | None:
    days = ctx.get("vacation_days_by_part")
    if any(d is None for d in days):
        return None
    return len(set(days)) > 1


@fact(
    "collective_agreements",
    sv="Kollektivavtal i delarna",
    en="Collective agreements in the parts",
)
def collective_agreements(ctx: FactContext) -> list[str]:
    found = {ctx.get("collective_agreement", i) for i in range(ctx.part_count())}
    return sorted(a if a is not None else "okänt" for a in found)


# -- notice ----------------------------------------------------------------------------------------------


def employed_since(ctx: FactContext, part: int) -> dt.date:
    return part_of(ctx, part).employed_since or ctx.get("start", part)


def completed_years(since: dt.date, on: dt.date) -> int:
    return on.year - since.year - ((on.month, on.day) < (since.month, since.day))


def _by_tenure(scale: Any, since: dt.date, on: dt.date, key: str, strictly: bool) -> int:
    """The months of the last row whose tenure has been reached: ``from_years`` rows need at least that
    many years (``strictly=False``), ``over_years`` rows more than that many (``strictly=True``); a row for
    zero years always applies. Tenure is counted in calendar dates, not whole months."""
    years = completed_years(since, on)
    result = 0
    for step in sorted_steps(scale, key):
        n = int(step[key])
        if n == 0:
            reached = True
        elif strictly:
            reached = years > n or (years == n and on > add_months(since, 12 * n))
        else:
            reached = years >= n
        if reached:
            result = int(step["months"])
    return result


STATE_AGREEMENTS = (CollectiveAgreement.villkorsavtal.value, CollectiveAgreement.villkorsavtal_t.value)


def _is_open_ended(ctx: FactContext, part: int) -> bool:
    return part_of(ctx, part).employment_form in (EmploymentForm.tillsvidare, EmploymentForm.provanstallning)


@fact(
    "notice_employee_months",
    scope="part",
    sv="Arbetstagarens uppsägningstid i månader (avtalad, annars enligt kollektivavtal eller LAS)",
    en="The employee's notice in months (agreed, else by collective agreement or LAS)",
)
def notice_employee_months(ctx: FactContext, part: int) -> int | None:
    p = part_of(ctx, part)
    if p.notice is not None and p.notice.employee_months is not None:
        return p.notice.employee_months
    if not _is_open_ended(ctx, part):
        return None
    agreement = ctx.get("collective_agreement", part)
    since = employed_since(ctx, part)
    if agreement in STATE_AGREEMENTS:
        scale = ctx.param("uppsagningstid_stat")["employee_months_by_tenure"]
        return _by_tenure(scale, since, ctx.on, "over_years", True)
    if agreement == CollectiveAgreement.ab.value:
        ab = ctx.param_or_none("uppsagningstid_ab")
        if ab is None:
            return None  # the AB version in force is not reviewed: the agreement must state it
        if ctx.on >= add_months(since, int(ab["min_tenure_months"])):
            return int(ab["employee_months"])
    return int(ctx.param("uppsagningstid_las")["employee_months"])


@fact(
    "notice_employer_months",
    scope="part",
    sv="Arbetsgivarens uppsägningstid i månader (avtalad, annars enligt kollektivavtal eller LAS)",
    en="The employer's notice in months (agreed, else by collective agreement or LAS)",
)
def notice_employer_months(ctx: FactContext, part: int) -> int | None:
    p = part_of(ctx, part)
    if p.notice is not None and p.notice.employer_months is not None:
        return p.notice.employer_months
    if not _is_open_ended(ctx, part):
        return None
    since = employed_since(ctx, part)
    las_scale = ctx.param("uppsagningstid_las")["employer_months_by_tenure"]
    las = _by_tenure(las_scale, since, ctx.on, "from_years", False)
    agreement = ctx.get("collective_agreement", part)
    if agreement in STATE_AGREEMENTS:
        scale = ctx.param("uppsagningstid_stat")["employer_months_by_tenure"]
        return max(las, _by_tenure(scale, since, ctx.on, "over_years", True))
    if agreement == CollectiveAgreement.ab.value:
        ab = ctx.param_or_none("uppsagningstid_ab")
        if ab is None:
            return None
        if ctx.on >= add_months(since, int(ab["min_tenure_months"])):
            return max(las, int(ab["employer_months"]))
    return las


@fact(
    "notice_undetermined",
    scope="part",
    sv="Uppsägningstiden för en tillsvidaredel kan inte bestämmas ur granskade värden",
    en="The notice of an open-ended part cannot be set from reviewed values",
)
def notice_undetermined(ctx: FactContext, part: int) -> bool:
    if not _is_open_ended(ctx, part):
        return False
    return ctx.get("notice_employee_months", part) is None or ctx.get("notice_employer_months", part) is None


@fact(
    "notice_employee_differs",
    sv="Uppsägningstiderna (arbetstagarens eller arbetsgivarens) skiljer sig mellan anställningarna",
    en="The notice periods (the employee's or the employer's) differ between the employments",
)
def notice_employee_differs(ctx: FactContext) -> bool:
    if len(ctx.get("employing_employers")) < 2:
        return False
    pairs = {
        (ctx.get("notice_employee_months", i), ctx.get("notice_employer_months", i))
        for i in range(ctx.part_count())
    }
    pairs.discard((None, None))
    return len(pairs) > 1


@fact(
    "notice_by_part",
    sv="Uppsägningstid per del, arbetstagare/arbetsgivare i månader",
    en="Notice per part, employee/employer in months",
)
def notice_by_part(ctx: FactContext) -> list[str]:
    def show(value: int | None) -> str:
        return "?" if value is None else str(value)

    return [
        f"{i}: {show(ctx.get('notice_employee_months', i))}/{show(ctx.get('notice_employer_months', i))}"
        for i in range(ctx.part_count())
    ]


@fact(
    "is_larosate_employer",
    scope="part",
    sv="Arbetsgivaren är ett lärosäte",
    en="The employer is a lärosäte",
)
def is_larosate_employer(ctx: FactContext, part: int) -> bool:
    return ctx.agreement.employer(part_of(ctx, part).employer).kind in LAROSATE_KINDS


@fact(
    "employed_more_than_12_months",
    scope="part",
    sv="Anställd hos arbetsgivaren i mer än tolv månader (kalenderdatum)",
    en="Employed by the employer for more than twelve months (calendar dates)",
)
def employed_more_than_12_months(ctx: FactContext, part: int) -> bool:
    return ctx.on > add_months(employed_since(ctx, part), 12)
