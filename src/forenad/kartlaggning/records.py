"""What the survey keeps of one agreement: coded values and figures, never a name, number or salary.

A :class:`Record` is made from an agreement and its evaluation (:func:`forenad.checking.evaluate` with
``facts=True``): the model, the person's profession (free text, normalised), the positions, employer
kinds, organisations (by name only for regions, kommuner and lärosäten), the county, collective
agreements and pension schemes per part, the extents, the cost-sharing model, the yearly cost and who
bears it in the end, the pension lost to the split salary, the findings (rule, topic, severity) and the
end and review dates. The organisations' names are kept to label the rows of public bodies; a private
employer is kept by its kind alone (an enskild firma carries its owner's name).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from forenad.kartlaggning.counties import county_of
from forenad.model import Agreement, EmployerKind
from forenad.report import Finding

__all__ = ["COST_MODELS", "Figure", "Record", "make_record"]

Figure = tuple[Decimal | None, bool]
"""A yearly amount in kronor (``None``: unknown) and whether it is only a lower bound."""

COST_MODELS: tuple[str, ...] = ("egen_del", "delad_finansiering", "faktura", "ej_angiven")
"""How the cost is shared: each employer pays its own part; cost shares move part of a part's cost to
another payer; an invoice (time bought); nothing stated in the agreement."""

_PUBLIC = (
    EmployerKind.region,
    EmployerKind.kommun,
    EmployerKind.statligt_larosate,
    EmployerKind.enskilt_larosate,
)


@dataclass(frozen=True, slots=True)
class Organisation:
    """An organisation as the survey shows it: its name when it is a public body, else ``None`` (shown
    by its kind)."""

    kind: str
    name: str | None

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.name}" if self.name is not None else self.kind


@dataclass(frozen=True, slots=True)
class Payer:
    """What one organisation bears in the end for the agreement, per year."""

    organisation: Organisation
    net_cost_year: Figure


@dataclass(frozen=True, slots=True)
class Record:
    model: str
    profession: str | None
    positions: tuple[str, ...]
    kinds: tuple[str, ...]
    organisations: tuple[Organisation, ...]
    county: str
    unplaced: tuple[str, ...]
    collective_agreements: tuple[str | None, ...]
    pension_schemes: tuple[str | None, ...]
    total_extent: Decimal
    largest_place_share: Decimal
    cost_model: str
    cost_year: Figure
    payers: tuple[Payer, ...]
    split_loss_year: Decimal | None
    findings: frozenset[tuple[str, str, str]]
    """(rule, topic, severity), each once."""
    complete: bool
    end_date: dt.date | None
    review_date: dt.date | None


def _decimal(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    return Decimal(str(value))


def normalise_profession(text: str | None) -> str | None:
    if text is None:
        return None
    words = " ".join(text.split()).casefold()
    return words or None


def cost_model(agreement: Agreement) -> str:
    settlement = agreement.cost_settlement
    if settlement is None:
        return "ej_angiven"
    if settlement.invoicing is not None:
        return "faktura"
    employer_of = {i: p.employer for i, p in enumerate(agreement.parts)}
    if any(s.payer != employer_of.get(s.part) for s in settlement.shares):
        return "delad_finansiering"
    return "egen_del"


def _largest_place_share(agreement: Agreement) -> Decimal:
    by_place: dict[str, Decimal] = {}
    for part in agreement.parts:
        place = part.host or part.employer
        by_place[place] = by_place.get(place, Decimal(0)) + Decimal(part.extent_percent)
    total = sum(by_place.values(), Decimal(0))
    return max(by_place.values()) * 100 / total if total else Decimal(100)


def make_record(agreement: Agreement, findings: list[Finding], facts: dict[str, Any]) -> Record:
    economics = facts.get("economics") or {}
    total = economics.get("total") or {}
    organisations = {
        e.id: Organisation(e.kind.value, e.name if e.kind in _PUBLIC else None) for e in agreement.employers
    }
    payers = tuple(
        Payer(
            organisations[employer["id"]],
            (_decimal(employer.get("net_cost_year")), employer.get("net_cost_basis") == "lower_bound"),
        )
        for employer in economics.get("employers") or ()
        if employer.get("id") in organisations
    )
    part_facts = facts.get("parts") or [{} for _ in agreement.parts]
    placement = county_of(agreement)
    return Record(
        model=agreement.model.value,
        profession=normalise_profession(agreement.person.profession),
        positions=tuple(p.position.value for p in agreement.parts),
        kinds=tuple(sorted({e.kind.value for e in agreement.employers})),
        organisations=tuple(dict.fromkeys(organisations.values())),
        county=placement.code,
        unplaced=placement.unplaced,
        collective_agreements=tuple(p.get("collective_agreement") for p in part_facts),
        pension_schemes=tuple(p.get("pension_scheme") for p in part_facts),
        total_extent=sum((Decimal(p.extent_percent) for p in agreement.parts), Decimal(0)),
        largest_place_share=_largest_place_share(agreement),
        cost_model=cost_model(agreement),
        cost_year=(_decimal(total.get("cost_year")), total.get("cost_basis") == "lower_bound"),
        payers=payers,
        split_loss_year=_decimal(facts.get("pension_split_loss_year")),
        findings=frozenset((f.rule, f.topic, f.severity) for f in findings),
        complete=not any(f.parameter is not None for f in findings),
        end_date=agreement.end_date,
        review_date=agreement.review_date,
    )
