"""The rows of a comparison, read from each agreement, its facts and its findings.

Terms come from the agreement; vacation, notice, collective agreement and pension scheme per part from the
per-part facts; costs and pension from the economics facts (``facts["economics"]``), falling back on the
named facts (``yearly_cost_by_employer``, ``total_cost_year``, ``pension_split_loss_year``) and, where
neither is there, an unknown cell. Parts are compared by their place in the file (part 1 with part 1).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from forenad.comparison import labels
from forenad.comparison.result import Cell, Column, Row, RowKind, make_row
from forenad.i18n import Lang, Text, t
from forenad.model import Agreement, Employer
from forenad.report import SEVERITIES

Facts = dict[str, Any]
TOP_FINDINGS = 3

_NOT_STATED = t("ej angivet", "not stated")
_NONE = t("ingen", "none")


class _Rows:
    def __init__(self, columns: list[Column], facts: list[Facts]) -> None:
        self.columns = columns
        self.facts = facts
        self.rows: list[Row] = []

    def add(self, key: str, section: str, label: Text, kind: RowKind, cell: Callable[[int], Cell]) -> None:
        self.rows.append(make_row(key, section, label, kind, [cell(i) for i in range(len(self.columns))]))

    def agreement(self, i: int) -> Agreement:
        return self.columns[i].agreement


def build_rows(columns: list[Column], facts: list[Facts]) -> tuple[Row, ...]:
    rows = _Rows(columns, facts)
    _terms(rows)
    for n in range(max((len(c.agreement.parts) for c in columns), default=0)):
        _part(rows, n)
    _duties(rows)
    _economics(rows)
    _findings(rows)
    return tuple(rows.rows)


# -- terms ----------------------------------------------------------------------------------------------


def _terms(rows: _Rows) -> None:
    def model(i: int) -> Cell:
        slug = rows.agreement(i).model.value
        return Cell(slug, labels.model(slug))

    def employs(i: int) -> Cell:
        a = rows.agreement(i)
        return Cell("; ".join(a.employer(e).name for e in dict.fromkeys(p.employer for p in a.parts)))

    def main(i: int) -> Cell:
        a = rows.agreement(i)
        return Cell(a.employer(a.main_employer).name) if a.main_employer else Cell(None, _NONE)

    s = "terms"
    rows.add("model", s, t("Anställningsmodell", "Employment model"), "text", model)
    rows.add("employers", s, t("Anställer", "Employs"), "text", employs)
    rows.add("main_employer", s, t("Huvudarbetsgivare", "Main employer"), "text", main)
    rows.add(
        "employment_count",
        s,
        t("Antal anställningar", "Employments"),
        "count",
        lambda i: Cell(len({p.employer for p in rows.agreement(i).parts})),
    )
    rows.add("extent_split", s, t("Fördelning", "Split"), "text", lambda i: _split(rows.agreement(i)))
    rows.add(
        "total_extent",
        s,
        t("Omfattning totalt", "Total extent"),
        "percent",
        lambda i: Cell(rows.agreement(i).total_extent),
    )
    rows.add(
        "total_salary",
        s,
        t("Månadslön totalt", "Monthly salary, total"),
        "kronor",
        lambda i: Cell(sum((p.monthly_salary for p in rows.agreement(i).parts), Decimal(0))),
    )


def _split(agreement: Agreement) -> Cell:
    """The extents of the parts, e.g. ``50/50`` (``62,5/37,5`` in Swedish)."""
    from forenad.presentation.formatting import format_number

    extents = [p.extent_percent for p in agreement.parts]
    value = "/".join(f"{e.normalize():f}" for e in extents)
    return Cell(
        value,
        t(
            " / ".join(f"{format_number(e, 'sv')} %" for e in extents),
            " / ".join(f"{format_number(e, 'en')} %" for e in extents),
        ),
    )


# -- per part -------------------------------------------------------------------------------------------


def _part(rows: _Rows, n: int) -> None:
    section = f"part.{n + 1}"
    key = f"part.{n + 1}"

    def has(i: int) -> bool:
        return n < len(rows.agreement(i).parts)

    def fact(i: int, name: str) -> Any:
        parts = rows.facts[i].get("parts") or []
        return parts[n].get(name) if n < len(parts) and isinstance(parts[n], dict) else None

    def described(i: int) -> Cell:
        if not has(i):
            return Cell()
        a = rows.agreement(i)
        p = a.parts[n]
        employer = a.employer(p.employer).name
        host = a.employer(p.host).name if p.host and p.host != p.employer else None
        at_sv, at_en, at = ("", "", "") if host is None else (f" (hos {host})", f" (at {host})", f" @ {host}")
        sv = f"{labels.position(p.position.value, 'sv')} · {employer}{at_sv}"
        en = f"{labels.position(p.position.value, 'en')} · {employer}{at_en}"
        value = f"{p.position.value} · {employer}{at}"
        return Cell(value, t(sv, en))

    def attr(name: str) -> Callable[[int], Cell]:
        return lambda i: Cell(getattr(rows.agreement(i).parts[n], name)) if has(i) else Cell()

    def coded(name: str, words: Callable[[str], Text]) -> Callable[[int], Cell]:
        def cell(i: int) -> Cell:
            value = fact(i, name) if has(i) else None
            return Cell(value, words(value)) if isinstance(value, str) else Cell()

        return cell

    def number(name: str) -> Callable[[int], Cell]:
        def cell(i: int) -> Cell:
            value = fact(i, name) if has(i) else None
            return Cell(value) if isinstance(value, int) and not isinstance(value, bool) else Cell()

        return cell

    rows.add(key, section, t("Befattning · arbetsgivare", "Position · employer"), "text", described)
    rows.add(f"{key}.extent", section, t("Omfattning", "Extent"), "percent", attr("extent_percent"))
    rows.add(f"{key}.salary", section, t("Månadslön", "Monthly salary"), "kronor", attr("monthly_salary"))
    rows.add(
        f"{key}.collective_agreement",
        section,
        t("Kollektivavtal", "Collective agreement"),
        "text",
        coded("collective_agreement", lambda v: labels.COLLECTIVE_AGREEMENT.get(v, t(v, v))),
    )
    rows.add(
        f"{key}.pension_scheme",
        section,
        t("Pensionsplan", "Pension scheme"),
        "text",
        coded("pension_scheme", lambda v: t(labels.pension_scheme(v, "sv"), labels.pension_scheme(v, "en"))),
    )
    rows.add(
        f"{key}.vacation_days",
        section,
        t("Semesterdagar per år", "Vacation days a year"),
        "days",
        number("vacation_days"),
    )
    rows.add(
        f"{key}.notice_employee",
        section,
        t("Uppsägningstid, arbetstagaren (mån.)", "Notice, employee (months)"),
        "months",
        number("notice_employee_months"),
    )
    rows.add(
        f"{key}.notice_employer",
        section,
        t("Uppsägningstid, arbetsgivaren (mån.)", "Notice, employer (months)"),
        "months",
        number("notice_employer_months"),
    )


# -- responsibilities -----------------------------------------------------------------------------------


def _duties(rows: _Rows) -> None:
    def rehab(i: int) -> Cell:
        a = rows.agreement(i)
        return Cell(a.employer(a.rehabilitation.lead).name) if a.rehabilitation else Cell(None, _NOT_STATED)

    def sick_pay(i: int) -> Cell:
        a = rows.agreement(i)
        if a.sick_pay is None:
            return Cell(None, _NOT_STATED)
        handling = a.sick_pay.handling.value
        employing = [a.employer(e).name for e in dict.fromkeys(p.employer for p in a.parts)]
        if handling == "varje_arbetsgivare":
            names = ", ".join(employing)
            display = t(f"var och en: {names}", f"each: {names}")
        elif handling == "huvudarbetsgivaren":
            name = a.employer(a.main_employer).name if a.main_employer else employing[0]
            display = t(f"{name} (hela tjänsten)", f"{name} (the whole post)")
        else:
            names = ", ".join(employing)
            display = t(f"{names}; köparens andel via fakturan", f"{names}; the buyer's share by invoice")
        return Cell(handling, display)

    def work_environment(i: int) -> Cell:
        a = rows.agreement(i)
        if not a.work_environment:
            return Cell(None, _NOT_STATED)
        return Cell("; ".join(f"{d.workplace}: {a.employer(d.responsible).name}" for d in a.work_environment))

    s = "duties"
    rows.add("rehabilitation_lead", s, t("Leder rehabiliteringen", "Leads rehabilitation"), "text", rehab)
    rows.add("sick_pay", s, t("Betalar sjuklön", "Pays sick pay"), "text", sick_pay)
    rows.add(
        "work_environment",
        s,
        t("Arbetsmiljöansvar per arbetsplats", "Work-environment duty per workplace"),
        "text",
        work_environment,
    )


# -- economics ------------------------------------------------------------------------------------------


def organisation_key(employer: Employer) -> str:
    """A key for an organisation across agreements: its organisationsnummer (``orgnr:202100-2932``), else its
    id in the file (``id:uu``); never its name, which people spell differently."""
    if employer.organisationsnummer:
        return f"orgnr:{employer.organisationsnummer}"
    return f"id:{employer.id}"


def _economics(rows: _Rows) -> None:
    s = "economics"
    names: dict[str, str] = {}  # organisation key → the name first met
    for c in rows.columns:
        for e in c.agreement.employers:
            names.setdefault(organisation_key(e), e.name)

    def cost_of(key: str) -> Callable[[int], Cell]:
        return lambda i: _employer_cost(rows, i, key)

    for key, name in names.items():
        rows.add(f"cost.{key}", s, t(f"Kostnad: {name}", f"Cost: {name}"), "kronor", cost_of(key))
    rows.add("cost.total", s, t("Kostnad totalt", "Total cost"), "kronor", lambda i: _total_cost(rows, i))
    if any(_economics_of(f).get("invoice") for f in rows.facts):
        rows.add(
            "invoice",
            s,
            t("Faktura per år", "Invoice per year"),
            "kronor",
            lambda i: _amount((_economics_of(rows.facts[i]).get("invoice") or {}).get("amount_year")),
        )
    rows.add(
        "pension",
        s,
        t("Tjänstepension, premier", "Occupational pension, premiums"),
        "kronor",
        lambda i: _pension(rows.facts[i]),
    )
    rows.add(
        "pension_split_loss",
        s,
        t("Pensionsförlust av delad lön", "Pension lost by the split"),
        "kronor",
        lambda i: _split_loss(rows.facts[i]),
    )


def _economics_of(facts: Facts) -> dict[str, Any]:
    econ = facts.get("economics")
    return econ if isinstance(econ, dict) else {}


def _employer_cost(rows: _Rows, i: int, key: str) -> Cell:
    a = rows.agreement(i)
    ids = [e.id for e in a.employers if organisation_key(e) == key]
    if not ids:
        return Cell()
    econ = _economics_of(rows.facts[i])
    for e in econ.get("employers") or []:
        if e.get("id") == ids[0]:
            value = _decimal(e.get("net_cost_year"))
            return Cell(value, lower_bound=e.get("net_cost_basis") == "lower_bound", note=_note(e, value))
    by_employer = rows.facts[i].get("yearly_cost_by_employer")
    if isinstance(by_employer, dict):
        return Cell(_decimal(by_employer.get(ids[0])))
    return Cell()


def _total_cost(rows: _Rows, i: int) -> Cell:
    total = _economics_of(rows.facts[i]).get("total")
    if isinstance(total, dict):
        value = _decimal(total.get("cost_year"))
        return Cell(value, lower_bound=total.get("cost_basis") == "lower_bound", note=_note(total, value))
    return _amount(rows.facts[i].get("total_cost_year"))


def _pension(facts: Facts) -> Cell:
    person = _economics_of(facts).get("person")
    if isinstance(person, dict):
        value = _decimal(person.get("pension_year"))
        db = any(p.get("defined_benefit_not_computed") for p in person.get("pensions") or [])
        note = (
            t(
                "Bara premiebestämda delar; en förmånsbestämd del beräknas inte.",
                "Premium-based parts only; a defined-benefit part is not computed.",
            )
            if db
            else _note(person, value)
        )
        return Cell(value, note=note)
    month = _decimal(facts.get("pension_month_split"))
    return Cell(None if month is None else month * 12)


def _split_loss(facts: Facts) -> Cell:
    person = _economics_of(facts).get("person")
    if isinstance(person, dict):
        value = _decimal(person.get("split_loss_year"))
        return Cell(value, note=_note(person, value, "split_loss"))
    return _amount(facts.get("pension_split_loss_year"))


def _note(data: dict[str, Any], value: Decimal | None, prefix: str = "") -> Text | None:
    """The first note on a figure: why it is unknown, or else a caveat (a lower bound, a default)."""
    notes = [
        n for n in data.get("notes") or [] if isinstance(n, dict) and n.get("field", "").startswith(prefix)
    ]
    wanted = (
        [n for n in notes if n.get("unknown")]
        if value is None
        else [n for n in notes if not n.get("unknown")]
    )
    return Text(sv=wanted[0]["sv"], en=wanted[0]["en"]) if wanted else None


def _amount(value: Any) -> Cell:
    return Cell(_decimal(value))


def _decimal(value: Any) -> Decimal | None:
    """A number from the facts: amounts come as exact decimal strings (``"8758.13"``), other figures as
    numbers; anything else is no number."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        return None
    if isinstance(value, Decimal):
        return value
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return None


# -- findings -------------------------------------------------------------------------------------------


def _findings(rows: _Rows) -> None:
    s = "findings"

    def count_of(severity: str) -> Callable[[int], Cell]:
        return lambda i: Cell(rows.columns[i].count(severity))

    for severity in SEVERITIES:
        rows.add(f"findings.{severity}", s, labels.SEVERITY_PLURAL[severity], "count", count_of(severity))
    rows.add(
        "findings.top",
        s,
        t("Viktigaste fynd", "Most important findings"),
        "text",
        lambda i: top_findings(rows.columns[i]),
    )


def top_findings(column: Column, limit: int = TOP_FINDINGS) -> Cell:
    """Errors first, then warnings, each by rule title; a rule that fires for several parts counts once."""
    counts: dict[str, int] = {}
    severity: dict[str, int] = {}
    for f in column.findings:
        if f.severity == "info":
            continue
        counts[f.rule] = counts.get(f.rule, 0) + 1
        severity[f.rule] = SEVERITIES.index(f.severity)
    if not counts:
        return Cell(None, _NONE)

    def named(lang: Lang) -> str:
        order = sorted(counts, key=lambda r: (severity[r], column.title_of(r)(lang).casefold()))
        shown = [
            column.title_of(r)(lang) + (f" ×{counts[r]}" if counts[r] > 1 else "") for r in order[:limit]
        ]
        if len(order) > limit:
            shown.append(labels.MORE(lang).format(n=len(order) - limit))
        return "; ".join(shown)

    value = "; ".join(
        sorted(counts, key=lambda r: (severity[r], r))
    )  # by rule id: the same in every language
    return Cell(value, t(named("sv"), named("en")))
