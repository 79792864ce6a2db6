"""Occupational pension per employment and for the person, on top of :mod:`forenad.economics.pension` and
the pension facts of :mod:`forenad.derive.pension`.

Parts with the same employer are one employment (the break point is tested on their salaries together).
Rates come from :func:`~forenad.economics.pension.rates_for` and amounts from
:func:`~forenad.economics.pension.contribution`; the scheme of a part, the scheme of the one-employment
comparison and the AKAP-KR pro-rata gain are the facts ``pension_scheme``, ``pension_single_scheme`` and
``pension_pro_rata_gain_month``. Amounts here are rounded half up to öre (the facts use ``round``, which
rounds half to even).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from forenad.economics import notes
from forenad.economics.lookup import Lookup
from forenad.economics.money import ZERO, dec, sum_known, to_ore, yearly
from forenad.economics.pension import PensionRates, contribution, rates_for
from forenad.economics.result import Note, PersonEconomics, SchemePension, unique
from forenad.engine.facts import FactContext
from forenad.i18n import Text

IBB = "inkomstbasbelopp"
SCHEMES_WITH_PARAMETERS = ("pa16_avd1", "pa16_avd2", "akap_kr", "kap_kl", "itp1")


@dataclass(frozen=True, slots=True)
class EmploymentPension:
    """One employment (an employer's parts together) and its premium-based contribution a month.

    ``month`` is not rounded; ``why`` says why it is unknown, ``caveats`` what a known amount leaves out.
    """

    employer: str
    parts: tuple[int, ...]
    salary: Decimal
    scheme: str | None
    rates: PensionRates | None
    month: Decimal | None
    why: Text | None = None
    caveats: tuple[Text, ...] = ()

    @property
    def defined_benefit(self) -> bool:
        return self.rates is not None and self.rates.defined_benefit


@dataclass(frozen=True, slots=True)
class PlannedPension:
    """One employment's pension before its salary is known: the same for every agreement of a structure and
    birth year. ``rates`` is ``None`` when the contribution cannot be computed (``why``)."""

    employer: str
    parts: tuple[int, ...]
    scheme: str | None
    rates: PensionRates | None
    ibb: Decimal | None
    why: Text | None = None
    caveats: tuple[Text, ...] = ()

    def with_salary(self, salary: Decimal) -> EmploymentPension:
        month = None if self.rates is None or self.ibb is None else contribution(self.rates, salary, self.ibb)
        return EmploymentPension(
            self.employer, self.parts, salary, self.scheme, self.rates, month, self.why, self.caveats
        )


def employment_pensions(ctx: FactContext, lookup: Lookup) -> list[EmploymentPension]:
    parts = ctx.agreement.parts
    return [
        plan.with_salary(sum((parts[i].monthly_salary for i in plan.parts), ZERO))
        for plan in employment_plans(ctx, lookup)
    ]


def employment_plans(ctx: FactContext, lookup: Lookup) -> list[PlannedPension]:
    """Each employment (an employer's parts together) with its scheme and rates: what its pension follows
    from besides the salary (reads no salary)."""
    grouped: dict[str, list[int]] = {}
    for i, part in enumerate(ctx.agreement.parts):
        grouped.setdefault(part.employer, []).append(i)
    ibb = lookup.value(IBB)
    birth_year = ctx.agreement.person.effective_birth_year
    return [
        _planned(ctx, lookup, employer_id, tuple(idx), ctx.get("pension_scheme", idx[0]), ibb, birth_year)
        for employer_id, idx in grouped.items()
    ]


def _planned(
    ctx: FactContext,
    lookup: Lookup,
    employer_id: str,
    idx: tuple[int, ...],
    scheme: str | None,
    ibb: object,
    birth_year: int | None,
) -> PlannedPension:
    def unknown(why: Text) -> PlannedPension:
        return PlannedPension(employer_id, idx, scheme, None, None, why)

    if scheme is None:
        return unknown(notes.scheme_unknown(ctx.agreement.employer(employer_id).name))
    if scheme not in SCHEMES_WITH_PARAMETERS:
        return unknown(notes.scheme_without_parameters(scheme))
    value = lookup.value(f"pension_{scheme}")
    if value is None:
        return unknown(lookup.why[f"pension_{scheme}"])
    if ibb is None:
        return unknown(lookup.why[IBB])
    rates = _rates_for(scheme, value, birth_year)
    caveats: list[Text] = []
    if rates.defined_benefit:
        caveats.append(notes.DEFINED_BENEFIT)
        born_to = value.get("fully_defined_benefit_born_to")
        if born_to is not None and birth_year is not None and birth_year <= born_to:
            caveats.append(notes.fully_defined_benefit(scheme, born_to))
    return PlannedPension(employer_id, idx, scheme, rates, dec(ibb), None, tuple(caveats))


_RATES: dict[tuple[str, int, int | None], tuple[Any, PensionRates]] = {}
_MAX_RATES = 10_000


def _rates_for(scheme: str, value: Any, birth_year: int | None) -> PensionRates:
    """:func:`rates_for`, once per (frozen, shared) parameter value and year of birth. The value is kept
    beside the rates, so a reused id can never return another value's rates."""
    key = (scheme, id(value), birth_year)
    found = _RATES.get(key)
    if found is None or found[0] is not value:
        if len(_RATES) >= _MAX_RATES:
            _RATES.clear()
        found = _RATES[key] = (value, rates_for(scheme, value, birth_year))
    return found[1]


def person_pensions(
    ctx: FactContext, lookup: Lookup, emps: list[EmploymentPension], rounded: dict[str, Decimal | None]
) -> PersonEconomics:
    """What the person gets. ``rounded`` is each employment's contribution a month as shown (öre)."""
    salary = sum((e.salary for e in emps), ZERO)
    found: list[Note] = []
    split = sum_known(rounded[e.employer] for e in emps)
    if split is None:
        found += [Note("pension_month", e.why) for e in emps if e.why is not None][:1]

    single_scheme = ctx.get("pension_single_scheme") if emps else None
    base = next((e for e in emps if e.scheme == single_scheme and e.rates is not None), None)
    ibb = lookup.value(IBB)
    single = None
    if base is not None and base.rates is not None and ibb is not None:
        single = to_ore(contribution(base.rates, salary, dec(ibb)))
    else:
        found.append(Note("single_pension_month", notes.SINGLE_UNKNOWN))

    loss = None
    if len(emps) == 1 and split is not None:
        loss = ZERO  # one employment: nothing is split
    elif any(e.defined_benefit for e in emps):
        found.append(Note("split_loss_month", notes.NO_SPLIT_LOSS_WITH_DEFINED_BENEFIT))
    elif split is not None and single is not None:
        loss = max(ZERO, single - split)

    gain, with_gain = _pro_rata(ctx, emps, split, found)
    return PersonEconomics(
        monthly_salary=salary,
        yearly_salary=salary * 12,
        pensions=_by_scheme(emps, rounded),
        pension_month=split,
        pension_year=yearly(split),
        single_scheme=single_scheme,
        single_pension_month=single,
        single_pension_year=yearly(single),
        split_loss_month=loss,
        split_loss_year=yearly(loss),
        pro_rata_gain_month=gain,
        pro_rata_gain_year=yearly(gain),
        pro_rata_pension_month=with_gain,
        pro_rata_pension_year=yearly(with_gain),
        notes=tuple(found),
    )


def _pro_rata(
    ctx: FactContext, emps: list[EmploymentPension], split: Decimal | None, found: list[Note]
) -> tuple[Decimal | None, Decimal | None]:
    if len(emps) < 2:
        found.append(Note("pro_rata_pension_month", notes.ONE_EMPLOYMENT))
        return ZERO, None
    fact = ctx.get("pension_pro_rata_gain_month")
    if fact is None or split is None:
        found.append(Note("pro_rata_gain_month", notes.PRO_RATA_UNKNOWN))
        return None, None
    gain = to_ore(Decimal(fact))
    if gain <= 0:
        found.append(Note("pro_rata_pension_month", notes.PRO_RATA_NOT_APPLICABLE))
        return gain, None
    return gain, split + gain


def _by_scheme(
    emps: list[EmploymentPension], rounded: dict[str, Decimal | None]
) -> tuple[SchemePension, ...]:
    groups: dict[str, list[EmploymentPension]] = {}
    for e in emps:
        groups.setdefault(e.scheme or f"?{e.employer}", []).append(e)
    out = []
    for members in groups.values():
        month = sum_known(rounded[e.employer] for e in members)
        found = [Note("month", e.why) for e in members if e.why is not None]
        found += [Note("month", c, unknown=False) for e in members for c in e.caveats]
        out.append(
            SchemePension(
                scheme=members[0].scheme,
                employers=tuple(e.employer for e in members),
                monthly_salary=sum((e.salary for e in members), ZERO),
                month=month,
                year=yearly(month),
                defined_benefit_not_computed=any(e.defined_benefit for e in members),
                notes=unique(found),
            )
        )
    return tuple(out)
