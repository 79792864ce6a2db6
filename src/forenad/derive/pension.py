"""Pension facts: thin adapters over :mod:`forenad.economics.scheme` and :mod:`forenad.economics.pensions`.

Parts with the same employer are one employment: their salaries are added before the break point is
tested. Splitting between employers tests the break point once per employer, which is where the loss comes
from (Läkarförbundet's point, domain README §4).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from forenad.derive.source import lookup_of
from forenad.economics.money import to_ore
from forenad.economics.pensions import (
    EmploymentPension,
    person_pensions,
    pro_rata_gain_month,
    scheme_rates,
    single_scheme,
)
from forenad.economics.result import PersonEconomics
from forenad.economics.scheme import pension_scheme as scheme_of
from forenad.economics.scheme import scheme_conditional
from forenad.engine.facts import FactContext, fact


@fact(
    "pension_scheme",
    scope="part",
    sv="Tjänstepensionsplan för delen (angiven, annars efter slag, födelseår och anställningens start)",
    en="Occupational pension scheme of the part (stated, else by kind, birth year and employment start)",
)
def pension_scheme(ctx: FactContext, part: int) -> str | None:
    return scheme_of(ctx.agreement, part, lookup_of(ctx))


@fact(
    "pension_scheme_conditional",
    scope="part",
    sv="AKAP-KR eller KAP-KL beror av lön och intjänande per 2022-12-31",
    en="AKAP-KR or KAP-KL depends on pay and accrual at 2022-12-31",
)
def pension_scheme_conditional(ctx: FactContext, part: int) -> bool | None:
    return scheme_conditional(ctx.agreement, part, lookup_of(ctx), ctx.get("pension_scheme", part))


@fact(
    "break_point_month",
    money=True,
    sv="Brytpunkten 7,5 inkomstbasbelopp per månad",
    en="The 7.5 income base amount break point per month",
)
def break_point_month_fact(ctx: FactContext) -> Decimal:
    return Decimal(str(ctx.param("inkomstbasbelopp"))) * Decimal("7.5") / Decimal(12)


def _emps(ctx: FactContext) -> list[EmploymentPension]:
    emps: list[EmploymentPension] = ctx.get("employment_pensions")
    return emps


@fact(
    "person_pensions",
    sv="Personens pension: per plan, som en anställning, förlusten av delningen",
    en="The person's pension: per scheme, as one employment, the loss from the split",
    export=False,
)
def _person_pensions(ctx: FactContext) -> PersonEconomics:
    return person_pensions(ctx.agreement, lookup_of(ctx), _emps(ctx))


def _person(ctx: FactContext) -> PersonEconomics:
    person: PersonEconomics = ctx.get("person_pensions")
    return person


@fact("total_monthly_salary", money=True, sv="Sammanlagd månadslön", en="Total monthly salary")
def total_monthly_salary(ctx: FactContext) -> Decimal:
    return sum((p.monthly_salary for p in ctx.agreement.parts), Decimal(0))


@fact(
    "pension_by_employer",
    money=True,
    sv="Pensionsavsättning per månad per anställning (premiebestämda delar)",
    en="Pension contribution per month per employment (premium-based parts)",
)
def pension_by_employer(ctx: FactContext) -> dict[str, Any]:
    ctx.param("inkomstbasbelopp")  # unknown as a whole without the income base amount
    return {
        e.employer: {
            "scheme": e.scheme,
            "monthly_salary": e.salary,
            "contribution_month": None if e.month is None else to_ore(e.month),
            "defined_benefit_not_computed": e.defined_benefit,
        }
        for e in _emps(ctx)
    }


def _part_rates(ctx: FactContext, part: int) -> Any:
    rates, _, _ = scheme_rates(
        lookup_of(ctx), ctx.get("pension_scheme", part), ctx.agreement.person.effective_birth_year
    )
    return rates


@fact(
    "pension_defined_benefit_schemes",
    sv="Förmånsbestämda planer bland delarna (beräknas inte)",
    en="Defined-benefit schemes among the parts (not computed)",
)
def pension_defined_benefit_schemes(ctx: FactContext) -> list[str]:
    found = set()
    for i in range(ctx.part_count()):
        rates = _part_rates(ctx, i)
        if rates is not None and rates.defined_benefit:
            found.add(rates.scheme)
    return sorted(found)


@fact(
    "pension_month_split",
    money=True,
    sv="Pensionsavsättning per månad med delad lön (varje anställnings avsättning avrundad till öre)",
    en="Pension contribution per month with the salary split (each employment's rounded to öre)",
)
def pension_month_split(ctx: FactContext) -> Decimal | None:
    return _person(ctx).pension_month


@fact(
    "pension_single_scheme",
    sv="Planen för jämförelsen med en enda anställning (den största delens)",
    en="The scheme for the one-employment comparison (the largest part's)",
)
def pension_single_scheme(ctx: FactContext) -> str | None:
    return single_scheme(ctx.agreement, _emps(ctx))


@fact(
    "pension_month_single",
    money=True,
    sv="Pensionsavsättning per månad om hela lönen vore en anställning",
    en="Pension contribution per month if the whole salary were one employment",
)
def pension_month_single(ctx: FactContext) -> Decimal | None:
    return _person(ctx).single_pension_month


@fact(
    "pension_split_loss_month",
    money=True,
    sv="Lägre pensionsavsättning per månad på grund av delningen",
    en="Lower pension contribution per month because of the split",
)
def pension_split_loss_month(ctx: FactContext) -> Decimal | None:
    emps = _emps(ctx)
    if any(e.rates is None for e in emps) or any(e.defined_benefit for e in emps):
        return None  # unknown, or not computed for a defined-benefit scheme
    return _person(ctx).split_loss_month


@fact(
    "pension_split_loss_year",
    money=True,
    sv="Lägre pensionsavsättning per år på grund av delningen",
    en="Lower pension contribution per year because of the split",
)
def pension_split_loss_year(ctx: FactContext) -> Decimal | None:
    loss = ctx.get("pension_split_loss_month")
    return None if loss is None else loss * 12


@fact(
    "pension_pro_rata_gain_month",
    money=True,
    sv="Högre avsättning per månad om brytpunkten i AKAP-KR sätts ned i proportion till omfattningen",
    en="Higher contribution per month if the AKAP-KR break point is lowered pro rata to the extent",
)
def pension_pro_rata_gain_month(ctx: FactContext) -> Decimal | None:
    return pro_rata_gain_month(ctx.agreement, _emps(ctx))


@fact("pension_pro_rata_gain_year", money=True, sv="Samma vinst per år", en="The same gain per year")
def pension_pro_rata_gain_year(ctx: FactContext) -> Decimal | None:
    gain = ctx.get("pension_pro_rata_gain_month")
    return None if gain is None else gain * 12


@fact(
    "is_defined_benefit",
    scope="part",
    sv="Delens plan har en förmånsbestämd del",
    en="The part's scheme has a defined-benefit part",
)
def is_defined_benefit(ctx: FactContext, part: int) -> bool | None:
    rates = _part_rates(ctx, part)
    return None if rates is None else rates.defined_benefit
