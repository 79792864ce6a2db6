"""Invoicing between the employers (``cost_settlement.invoicing``): a tjänsteköp always invoices, and any
other model is asked whether it does when a part's salary cost is borne by another party than its employer.

The suggestions follow the cost shares already answered: the seller is the employer of a part that another
party pays for, the buyer is that payer, the share is those parts' extent. The overhead suggested is the
one ``forenad check`` uses for the seller on the agreement's date (SKR's PO rate for a region or kommun, a
documented default for a statligt lärosäte), said to be a default; where it is unknown nothing is
suggested, and the check asks for it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from forenad.guided import defaults
from forenad.guided.parsing import Invalid, choice, field_value, yes_no
from forenad.guided.reading import Unit, decimal_value, number_echo, shown, whole_number
from forenad.guided.state import State
from forenad.guided.texts import INVOICING_BASES, INVOICING_PERIODS, MESSAGES
from forenad.model import EmploymentModel, Invoicing, InvoicingBasis, InvoicingPeriod


def ask_invoicing(state: State) -> None:
    crossing = _paid_by_another(state)
    if state.model != EmploymentModel.tjanstekop:
        if not crossing:
            return
        wanted = state.asker.ask("invoicing", yes_no, default=state.yes_no_default(True))
        if not wanted:
            return
    ids = state.employer_ids
    if len(ids) < 2:
        state.asker.say(MESSAGES["invoicing_one_party"], style="yellow")
        return
    invoicing = _ask_parties(state, crossing)
    _ask_price(state, invoicing)
    _ask_terms(state, invoicing)
    state.data["cost_settlement"]["invoicing"] = invoicing


def _paid_by_another(state: State) -> list[tuple[str, str]]:
    """(employer, payer) of each cost share borne by another party than the part's employer."""
    found = []
    for share in state.data.get("cost_settlement", {}).get("shares", []):
        employer = state.parts[share["part"]]["employer"]
        if share["payer"] != employer:
            found.append((str(employer), str(share["payer"])))
    return found


def _ask_parties(state: State, crossing: list[tuple[str, str]]) -> dict[str, Any]:
    ask = state.asker
    ids = state.employer_ids
    employing = state.employing_ids
    seller = ask.ask(
        "invoicing.seller",
        lambda raw: choice(raw, ids),
        default=crossing[0][0] if crossing else str(state.data.get("main_employer") or employing[0]),
    )
    assert seller is not None
    buyers = [i for i in ids if i != seller]
    usual = [payer for employer, payer in crossing if employer == seller]
    usual += [p["host"] for p in state.parts if p["employer"] == seller and p.get("host") in buyers]

    def buyer_of(raw: str) -> str:
        buyer = choice(raw, ids)
        if buyer == seller:
            raise Invalid(MESSAGES["buyer_is_seller"])
        return buyer

    buyer = ask.ask("invoicing.buyer", buyer_of, default=(usual or buyers)[0])
    assert buyer is not None
    return {"seller": seller, "buyer": buyer}


def _bought_extent(state: State, seller: str, buyer: str) -> Decimal | None:
    """The extent of the seller's parts that the buyer pays for or hosts."""
    shares = state.data["cost_settlement"]["shares"]
    paid = {s["part"] for s in shares if s["payer"] == buyer}
    total = sum(
        (
            p["extent_percent"]
            for i, p in enumerate(state.parts)
            if p["employer"] == seller and (i in paid or p.get("host") == buyer)
        ),
        Decimal(0),
    )
    return total if 0 < total <= 100 else None


def _ask_price(state: State, invoicing: dict[str, Any]) -> None:
    ask = state.asker
    lang = ask.lang
    ask.options(MESSAGES["options"], [(b.value, INVOICING_BASES[b]) for b in InvoicingBasis])
    bases = [b.value for b in InvoicingBasis]
    basis = ask.ask(
        "invoicing.basis",
        lambda raw: field_value(Invoicing, "basis", choice(raw, bases)),
        default=InvoicingBasis.lon_plus_palagg.value,
    )
    assert isinstance(basis, InvoicingBasis)
    invoicing["basis"] = basis
    bought = _bought_extent(state, invoicing["seller"], invoicing["buyer"])
    share = ask.ask(
        "invoicing.share_percent",
        lambda raw: decimal_value(Invoicing, "share_percent", raw, Unit.percent, lang),
        default=shown(bought, lang) if bought is not None else None,
        optional=True,
        echo=number_echo(lang),
    )
    if share is not None:
        invoicing["share_percent"] = share
    if basis == InvoicingBasis.lon_plus_palagg:
        overhead = _ask_overhead(state, invoicing["seller"])
        if overhead is not None:
            invoicing["overhead_percent"] = overhead
        return
    invoicing["price"] = ask.ask(
        "invoicing.price",
        lambda raw: decimal_value(Invoicing, "price", raw, Unit.kronor, lang),
        echo=number_echo(lang),
        basis=MESSAGES["per_hour" if basis == InvoicingBasis.timpris else "per_period"](lang),
    )


def _ask_overhead(state: State, seller: str) -> Decimal | None:
    ask = state.asker
    facts = state.facts()
    known = facts.get("overhead_percent_by_employer", {}).get(seller)
    suggested = Decimal(str(known)) if known is not None else None
    name = state.employer(seller)["name"]
    if suggested is not None and name in facts.get("overhead_default_employers", []):
        ask.say(MESSAGES["overhead_default"].format(name=name)(ask.lang), style="dim")
    value: Decimal | None = ask.ask(
        "invoicing.overhead_percent",
        lambda raw: decimal_value(Invoicing, "overhead_percent", raw, Unit.percent, ask.lang),
        default=shown(suggested, ask.lang) if suggested is not None else None,
        optional=True,
        echo=number_echo(ask.lang),
        name=name,
    )
    return value


def _ask_terms(state: State, invoicing: dict[str, Any]) -> None:
    ask = state.asker
    ask.options(MESSAGES["options"], [(p.value, INVOICING_PERIODS[p]) for p in InvoicingPeriod])
    periods = [p.value for p in InvoicingPeriod]
    invoicing["period"] = ask.ask(
        "invoicing.period",
        lambda raw: field_value(Invoicing, "period", choice(raw, periods)),
        default=InvoicingPeriod.kvartal.value,
    )
    invoicing["payment_terms_days"] = ask.ask(
        "invoicing.payment_terms_days",
        lambda raw: field_value(Invoicing, "payment_terms_days", whole_number(raw, Unit.days, ask.lang)),
        default=str(defaults.PAYMENT_TERMS_DAYS),
    )
