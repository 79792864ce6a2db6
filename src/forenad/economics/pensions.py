"""Occupational pension per employment and for the person, on top of :mod:`forenad.economics.pension`.

Parts with the same employer are one employment (the break point is tested on their salaries together).
Rates come from :func:`~forenad.economics.pension.rates_for` and amounts from
:func:`~forenad.economics.pension.contribution`; each part's scheme from :mod:`forenad.economics.scheme`.
Each employment's contribution is rounded half up to öre, as it is paid; the person's sum, the loss from
the split and the AKAP-KR pro-rata gain are worked out on those amounts.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from forenad.economics import notes
from forenad.economics.lookup import Lookup
from forenad.economics.money import ZERO, dec, sum_known, to_ore, yearly
from forenad.economics.pension import PensionRates, break_point_month, contribution, rates_for
from forenad.economics.result import Note, PersonEconomics, SchemePension, unique
from forenad.i18n import Text
from forenad.model import Agreement

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
    ibb: Decimal | None = None
    """The income base amount the contribution was worked out with."""

    @property
    def defined_benefit(self) -> bool:
        return self.rates is not None and self.rates.defined_benefit


@dataclass(frozen=True, slots=True)
class PlannedPension:
    """One employment's pension before its salary is known. ``rates`` is ``None`` when the contribution
    cannot be computed (``why``)."""

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
            self.employer,
            self.parts,
            salary,
            self.scheme,
            self.rates,
            month,
            self.why,
            self.caveats,
            self.ibb,
        )


def employment_pensions(agreement: Agreement, plans: list[PlannedPension]) -> list[EmploymentPension]:
    """Each planned employment with its salary (its parts' salaries together) and contribution."""
    parts = agreement.parts
    return [plan.with_salary(sum((parts[i].monthly_salary for i in plan.parts), ZERO)) for plan in plans]


def employment_plans(agreement: Agreement, lookup: Lookup, schemes: list[str | None]) -> list[PlannedPension]:
    """Each employment (an employer's parts together) with its scheme (``schemes``: each part's, as
    :func:`forenad.economics.scheme.pension_scheme` gives it) and rates: what its pension follows from
    besides the salary."""
    grouped: dict[str, list[int]] = {}
    for i, part in enumerate(agreement.parts):
        grouped.setdefault(part.employer, []).append(i)
    ibb = lookup.value(IBB)
    birth_year = agreement.person.effective_birth_year
    return [
        _planned(agreement, lookup, employer_id, tuple(idx), schemes[idx[0]], ibb, birth_year)
        for employer_id, idx in grouped.items()
    ]


def scheme_rates(
    lookup: Lookup, scheme: str | None, birth_year: int | None
) -> tuple[PensionRates | None, Any, Text | None]:
    """A scheme's rates for a person (with the parameter value they come from), or ``None`` and why."""
    if scheme is None:
        return None, None, None
    if scheme not in SCHEMES_WITH_PARAMETERS:
        return None, None, notes.scheme_without_parameters(scheme)
    value = lookup.value(f"pension_{scheme}")
    if value is None:
        return None, None, lookup.why[f"pension_{scheme}"]
    if birth_year is None and value.get("flex"):
        return None, value, notes.BIRTH_YEAR_UNKNOWN  # the flex rate depends on the birth year
    return rates_for(scheme, value, birth_year), value, None


def _planned(
    agreement: Agreement,
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
        return unknown(notes.scheme_unknown(agreement.employer(employer_id).name))
    rates, value, why = scheme_rates(lookup, scheme, birth_year)
    if rates is None:
        assert why is not None
        return unknown(why)
    if ibb is None:
        return unknown(lookup.why[IBB])
    caveats: list[Text] = []
    if rates.defined_benefit:
        caveats.append(notes.DEFINED_BENEFIT)
        born_to = value.get("fully_defined_benefit_born_to")
        if born_to is not None and birth_year is not None and birth_year <= born_to:
            caveats.append(notes.fully_defined_benefit(scheme, born_to))
    return PlannedPension(employer_id, idx, scheme, rates, dec(ibb), None, tuple(caveats))


def single_scheme(agreement: Agreement, emps: list[EmploymentPension]) -> str | None:
    """The scheme of the one-employment comparison: the largest employment's (by extent); of equal ones the
    main employer's, else the first."""
    if not emps:
        return None
    parts = agreement.parts

    def extent(e: EmploymentPension) -> Decimal:
        return sum((parts[i].extent_percent for i in e.parts), ZERO)

    main = agreement.main_employer
    best = emps[0]
    for e in emps[1:]:
        if extent(e) > extent(best) or (extent(e) == extent(best) and e.employer == main != best.employer):
            best = e
    return best.scheme


def pro_rata_gain_month(agreement: Agreement, emps: list[EmploymentPension]) -> Decimal | None:
    """How much more a month the AKAP-KR contributions would be with each agreeing employment's break point
    lowered in proportion to its extent (``None`` with fewer than two employments or an unknown rate)."""
    if len(emps) < 2 or any(e.rates is None or e.ibb is None for e in emps):
        return None
    parts = agreement.parts
    extents = {e.employer: sum((parts[i].extent_percent for i in e.parts), ZERO) for e in emps}
    total_extent = sum(extents.values(), ZERO)
    gain = ZERO
    for e in emps:
        assert e.rates is not None and e.ibb is not None
        if not e.rates.pro_rata_agreeable:
            continue
        lowered = break_point_month(e.rates, e.ibb) * extents[e.employer] / total_extent
        gain += contribution(e.rates, e.salary, e.ibb, lowered) - contribution(e.rates, e.salary, e.ibb)
    return to_ore(gain)


def person_pensions(agreement: Agreement, lookup: Lookup, emps: list[EmploymentPension]) -> PersonEconomics:
    """What the person gets: the contributions of the employments as paid (each rounded to öre), the same
    pay in one employment, the loss from the split and the pro-rata gain."""
    rounded = {e.employer: None if e.month is None else to_ore(e.month) for e in emps}
    salary = sum((e.salary for e in emps), ZERO)
    found: list[Note] = []
    split = sum_known(rounded[e.employer] for e in emps)
    if split is None:
        found += [Note("pension_month", e.why) for e in emps if e.why is not None][:1]

    single_of = single_scheme(agreement, emps)
    base = next((e for e in emps if e.scheme == single_of and e.rates is not None), None)
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

    gain, with_gain = _pro_rata(agreement, emps, split, found)
    return PersonEconomics(
        monthly_salary=salary,
        yearly_salary=salary * 12,
        pensions=_by_scheme(emps, rounded),
        pension_month=split,
        pension_year=yearly(split),
        single_scheme=single_of,
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
    agreement: Agreement, emps: list[EmploymentPension], split: Decimal | None, found: list[Note]
) -> tuple[Decimal | None, Decimal | None]:
    if len(emps) < 2:
        found.append(Note("pro_rata_pension_month", notes.ONE_EMPLOYMENT))
        return ZERO, None
    gain = pro_rata_gain_month(agreement, emps)
    if gain is None or split is None:
        found.append(Note("pro_rata_gain_month", notes.PRO_RATA_UNKNOWN))
        return None, None
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
