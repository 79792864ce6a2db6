"""The employer's overhead (PO-pålägg, lönekostnadspålägg): a percentage on salary for all on-costs.

In order: the employer's ``overhead_percent`` in the agreement; for a region or kommun SKR's PO rate
(``po_palagg_skr``, which has gaps — 2022 and 2024 onwards are unknown); for a statligt lärosäte the
documented default ``lkp_stat_default`` (one institution's rate, unverified, for people born ``born_from`` or
later). Anything else is unknown, with a note asking the agreement to state it. Missing defaults never
become a ``dates`` finding: the agreement may state the value itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Final, Literal

from forenad.economics import notes
from forenad.economics.lookup import Lookup
from forenad.economics.money import dec
from forenad.i18n import Text
from forenad.model import Employer, EmployerKind

OverheadSource = Literal["agreement", "po_palagg_skr", "lkp_stat_default"]

PO: Final = "po_palagg_skr"
LKP: Final = "lkp_stat_default"


@dataclass(frozen=True, slots=True)
class Overhead:
    """An employer's overhead in percent of salary, where it comes from, and a note (why it is unknown,
    or which default it is)."""

    percent: Decimal | None
    source: OverheadSource | None
    unverified: bool = False
    note: Text | None = None

    @property
    def is_default(self) -> bool:
        return self.source in (PO, LKP)


def resolve(employer: Employer, birth_year: int | None, lookup: Lookup) -> Overhead:
    if employer.overhead_percent is not None:
        return Overhead(employer.overhead_percent, "agreement")
    kind = employer.kind
    if kind in (EmployerKind.region, EmployerKind.kommun):
        po = lookup.value(PO, report=False)
        total = None if po is None else (po.get(kind.value) or {}).get("total")
        if total is None:
            return Overhead(
                None, None, note=notes.overhead_unknown(employer.name, kind.value, lookup.why.get(PO))
            )
        percent = dec(total)
        unverified = PO in lookup.unverified
        return Overhead(
            percent, PO, unverified, notes.overhead_default(employer.name, percent, PO, unverified)
        )
    if kind == EmployerKind.statligt_larosate:
        lkp = lookup.value(LKP, report=False)
        born_from = None if lkp is None else lkp.get("born_from")
        if lkp is None or birth_year is None or (born_from is not None and birth_year < born_from):
            return Overhead(None, None, note=notes.overhead_unknown(employer.name, kind.value, None))
        percent = dec(lkp["percent"])
        unverified = LKP in lookup.unverified
        return Overhead(
            percent, LKP, unverified, notes.overhead_default(employer.name, percent, LKP, unverified)
        )
    return Overhead(None, None, note=notes.overhead_unknown(employer.name, kind.value, None))
