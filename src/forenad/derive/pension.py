"""Pension facts: the scheme of each part, and what splitting the salary costs in contributions.

Parts with the same employer are one employment: their salaries are added before the break point is
tested. Splitting between employers tests the break point once per employer, which is where the loss comes
from (Läkarförbundet's point, domain README §4).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, NamedTuple

from forenad.derive.basics import part_of
from forenad.economics.pension import PensionRates, break_point_month, contribution, ore, rates_for
from forenad.engine.facts import FactContext, fact
from forenad.model import EmployerKind

SCHEMES_WITH_PARAMETERS = ("pa16_avd1", "pa16_avd2", "akap_kr", "kap_kl", "itp1")


def default_scheme(
    ctx: FactContext, kind: EmployerKind, birth_year: int | None, employed_from: dt.date | None = None
) -> str | None:
    """The scheme that follows from the employer's kind, the birth year and (for a region or kommun) when
    the employment began, or None when it depends on facts the agreement must state (a region employee born
    1958–1985 employed before 2023, a private employer)."""
    if kind in (EmployerKind.region, EmployerKind.kommun) and employed_from is not None:
        akap = ctx.param("pension_akap_kr")
        new_from = akap["coverage"].get("new_employees_from")
        if new_from is not None and employed_from >= dt.date.fromisoformat(str(new_from)):
            return "akap_kr"  # newly employed in the sector from 2023: AKAP-KR whatever the birth year
    if birth_year is None:
        return None
    if kind == EmployerKind.statligt_larosate:
        avd1 = ctx.param("pension_pa16_avd1")
        return "pa16_avd1" if birth_year >= avd1["born_from"] else "pa16_avd2"
    if kind in (EmployerKind.region, EmployerKind.kommun):
        akap = ctx.param("pension_akap_kr")
        kap = ctx.param("pension_kap_kl")
        if birth_year >= akap["coverage"]["always_born_from"]:
            return "akap_kr"
        if birth_year <= kap["born_to"]:
            return "kap_kl"
        return None
    return None


@fact(
    "pension_scheme",
    scope="part",
    sv="Tjänstepensionsplan för delen (angiven, annars efter slag och födelseår)",
    en="Occupational pension scheme of the part (stated, else by kind and birth year)",
)
def pension_scheme(ctx: FactContext, part: int) -> str | None:
    employer = ctx.agreement.employer(part_of(ctx, part).employer)
    if employer.pension_scheme is not None:
        return employer.pension_scheme.value
    return default_scheme(ctx, employer.kind, ctx.get("birth_year"), _employed_from(ctx, part))


def _employed_from(ctx: FactContext, part: int) -> dt.date:
    """When the part's employment with its employer began (``employed_since``, else its start)."""
    return part_of(ctx, part).employed_since or ctx.get("start", part)  # type: ignore[no-any-return]


@fact(
    "pension_scheme_conditional",
    scope="part",
    sv="AKAP-KR eller KAP-KL beror av lön och intjänande per 2022-12-31",
    en="AKAP-KR or KAP-KL depends on pay and accrual at 2022-12-31",
)
def pension_scheme_conditional(ctx: FactContext, part: int) -> bool:
    employer = ctx.agreement.employer(part_of(ctx, part).employer)
    year = ctx.get("birth_year")
    if employer.pension_scheme is not None or year is None:
        return False
    if employer.kind not in (EmployerKind.region, EmployerKind.kommun):
        return False
    if ctx.get("pension_scheme", part) is not None:
        return False  # decided: a new employee from 2023, say
    cond = ctx.param("pension_akap_kr")["coverage"]["conditional"]
    return bool(cond["born_from"] <= year <= cond["born_to"])


def _rates(ctx: FactContext, scheme: str | None) -> PensionRates | None:
    if scheme is None or scheme not in SCHEMES_WITH_PARAMETERS:
        return None
    value = ctx.param(f"pension_{scheme}")
    birth_year = ctx.get("birth_year")
    if birth_year is None and value.get("flex"):
        return None  # the flex rate depends on the birth year: unknown rather than silently 0
    return rates_for(scheme, value, birth_year)


@fact(
    "break_point_month",
    sv="Brytpunkten 7,5 inkomstbasbelopp per månad",
    en="The 7.5 income base amount break point per month",
)
def break_point_month_fact(ctx: FactContext) -> Decimal:
    return Decimal(str(ctx.param("inkomstbasbelopp"))) * Decimal("7.5") / Decimal(12)


class Employment(NamedTuple):
    employer: str
    salary: Decimal
    extent: Decimal
    scheme: str | None
    rates: PensionRates | None


def employments(ctx: FactContext) -> list[Employment]:
    """Parts grouped by employer: one employment each, with its salary and scheme."""
    return ctx.get("employments")  # type: ignore[no-any-return]


def _parts_by_employer(ctx: FactContext) -> dict[str, list[int]]:
    grouped: dict[str, list[int]] = {}
    for i, p in enumerate(ctx.agreement.parts):
        grouped.setdefault(p.employer, []).append(i)
    return grouped


class _Planned(NamedTuple):
    employer: str
    parts: tuple[int, ...]
    scheme: str | None
    rates: PensionRates | None


@fact(
    "employment_plan",
    sv="Delarna grupperade per arbetsgivare, med plan och avgiftssatser",
    en="The parts grouped by employer, with scheme and rates",
    export=False,
)
def _employment_plan(ctx: FactContext) -> tuple[_Planned, ...]:
    # What the employments follow from besides the salaries and extents: the same for every agreement of a
    # structure and birth year.
    return tuple(
        _Planned(employer, tuple(idx), scheme, _rates(ctx, scheme))
        for employer, idx in _parts_by_employer(ctx).items()
        for scheme in (ctx.get("pension_scheme", idx[0]),)
    )


@fact(
    "employments",
    sv="Delarna grupperade per arbetsgivare, med lön, omfattning och plan",
    en="The parts grouped by employer, with salary, extent and scheme",
    export=False,
)
def _employments(ctx: FactContext) -> list[Employment]:
    out = []
    parts = ctx.agreement.parts
    for employer, idx, scheme, rates in ctx.get("employment_plan"):
        if len(idx) == 1:
            part = parts[idx[0]]
            salary, extent = part.monthly_salary, part.extent_percent
        else:
            salary = sum((parts[i].monthly_salary for i in idx), Decimal(0))
            extent = sum((parts[i].extent_percent for i in idx), Decimal(0))
        out.append(Employment(employer, salary, extent, scheme, rates))
    return out


@fact("total_monthly_salary", sv="Sammanlagd månadslön", en="Total monthly salary")
def total_monthly_salary(ctx: FactContext) -> Decimal:
    return sum((p.monthly_salary for p in ctx.agreement.parts), Decimal(0))


@fact(
    "pension_by_employer",
    sv="Pensionsavsättning per månad per anställning (premiebestämda delar)",
    en="Pension contribution per month per employment (premium-based parts)",
)
def pension_by_employer(ctx: FactContext) -> dict[str, Any]:
    ibb = ctx.param("inkomstbasbelopp")
    out: dict[str, Any] = {}
    for e in employments(ctx):
        out[e.employer] = {
            "scheme": e.scheme,
            "monthly_salary": e.salary,
            "contribution_month": None if e.rates is None else ore(contribution(e.rates, e.salary, ibb)),
            "defined_benefit_not_computed": bool(e.rates and e.rates.defined_benefit),
        }
    return out


@fact(
    "pension_defined_benefit_schemes",
    sv="Förmånsbestämda planer bland delarna (beräknas inte)",
    en="Defined-benefit schemes among the parts (not computed)",
)
def pension_defined_benefit_schemes(ctx: FactContext) -> list[str]:
    # One employment per employer, with its first part's scheme: read from the plan of the employments.
    found = {p.scheme for p in ctx.get("employment_plan") if p.rates is not None and p.rates.defined_benefit}
    return sorted(scheme for scheme in found if scheme)


@fact(
    "pension_month_split",
    sv="Pensionsavsättning per månad med delad lön",
    en="Pension contribution per month with the salary split",
)
def pension_month_split(ctx: FactContext) -> Decimal | None:
    ibb = ctx.param("inkomstbasbelopp")
    total = Decimal(0)
    for e in employments(ctx):
        if e.rates is None:
            return None
        total += contribution(e.rates, e.salary, ibb)
    return ore(total)


def _baseline(ctx: FactContext, emps: list[Employment]) -> Employment:
    """The largest employment; of equal ones the main employer's, else the first."""
    main = ctx.agreement.main_employer
    best = emps[0]
    for e in emps[1:]:
        if e.extent > best.extent or (e.extent == best.extent and e.employer == main != best.employer):
            best = e
    return best


@fact(
    "pension_single_scheme",
    sv="Planen för jämförelsen med en enda anställning (den största delens)",
    en="The scheme for the one-employment comparison (the largest part's)",
)
def pension_single_scheme(ctx: FactContext) -> str | None:
    return _baseline(ctx, employments(ctx)).scheme


@fact(
    "pension_month_single",
    sv="Pensionsavsättning per månad om hela lönen vore en anställning",
    en="Pension contribution per month if the whole salary were one employment",
)
def pension_month_single(ctx: FactContext) -> Decimal | None:
    emps = employments(ctx)
    base = _baseline(ctx, emps)
    if base.rates is None:
        return None
    return ore(contribution(base.rates, ctx.get("total_monthly_salary"), ctx.param("inkomstbasbelopp")))


@fact(
    "pension_split_loss_month",
    sv="Lägre pensionsavsättning per månad på grund av delningen",
    en="Lower pension contribution per month because of the split",
)
def pension_split_loss_month(ctx: FactContext) -> Decimal | None:
    # What the contributions below rest on, read first: the income base amount and the employments. With
    # one employment, or a defined-benefit scheme among them, the contributions need not be worked out:
    # the loss is nothing or not computed (the same value, the same dated values and the same parameters
    # found missing as working them out would give).
    try:
        ctx.param("inkomstbasbelopp")
    finally:  # the employments also when the amount is missing: what they find missing is reported too
        emps = employments(ctx)
    if any(e.rates is None for e in emps):
        return None  # the split contributions are unknown
    if ctx.get("pension_defined_benefit_schemes"):
        return None
    if len(emps) == 1:
        return max(Decimal(0), ore(Decimal(0)))  # the one employment is the whole salary: no loss
    split, single = ctx.get("pension_month_split"), ctx.get("pension_month_single")
    if split is None or single is None:
        return None
    return max(Decimal(0), ore(single - split))


@fact(
    "pension_split_loss_year",
    sv="Lägre pensionsavsättning per år på grund av delningen",
    en="Lower pension contribution per year because of the split",
)
def pension_split_loss_year(ctx: FactContext) -> Decimal | None:
    loss = ctx.get("pension_split_loss_month")
    return None if loss is None else loss * 12


@fact(
    "pension_pro_rata_gain_month",
    sv="Högre avsättning per månad om brytpunkten i AKAP-KR sätts ned i proportion till omfattningen",
    en="Higher contribution per month if the AKAP-KR break point is lowered pro rata to the extent",
)
def pension_pro_rata_gain_month(ctx: FactContext) -> Decimal | None:
    emps = employments(ctx)
    if len(emps) < 2 or any(e.rates is None for e in emps):
        return None
    ibb = ctx.param("inkomstbasbelopp")
    total_extent = sum((e.extent for e in emps), Decimal(0))
    gain = Decimal(0)
    for e in emps:
        assert e.rates is not None
        if not e.rates.pro_rata_agreeable:
            continue
        lowered = break_point_month(e.rates, ibb) * e.extent / total_extent
        gain += contribution(e.rates, e.salary, ibb, lowered) - contribution(e.rates, e.salary, ibb)
    return ore(gain)


@fact("pension_pro_rata_gain_year", sv="Samma vinst per år", en="The same gain per year")
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
    rates = _rates(ctx, ctx.get("pension_scheme", part))
    return None if rates is None else rates.defined_benefit
